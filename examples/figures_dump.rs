//! Run the pipeline's figure stage over a JSONL file (id, date, text) and print one record
//! per line with amounts and dates (for scoring with tools/score.py and for inspection).
//!
//! `cargo run --release --example figures_dump -- FILE.jsonl [--bench] [--limit N]`
use std::io::{BufRead, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = &args[0];
    let bench = args.iter().any(|a| a == "--bench");
    let limit: usize = args
        .iter()
        .position(|a| a == "--limit")
        .and_then(|p| args.get(p + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let f = std::io::BufReader::new(std::fs::File::open(path).expect("open"));
    let fx = depeche::figures::FigureExtractor::new();
    let mut docs = Vec::new();
    for line in f.lines().take(limit) {
        let line = line.expect("line");
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        let id = v["id"].as_str().unwrap_or("").to_string();
        let date = v["date"].as_str().and_then(depeche::ArticleDate::parse);
        let text = v["text"].as_str().unwrap_or("").to_string();
        docs.push((id, date, text));
    }
    if bench {
        let built: Vec<_> = docs
            .iter()
            .map(|(_, d, t)| depeche::text::Document::new(t, *d))
            .collect();
        let bytes: usize = docs.iter().map(|d| d.2.len()).sum();
        let mut n = 0usize;
        let c0 = thread_cpu_ns();
        let t0 = std::time::Instant::now();
        for _ in 0..3 {
            for d in &built {
                let (a, b) = fx.extract(d);
                n += a.len() + b.len();
            }
        }
        let s = t0.elapsed().as_secs_f64() / 3.0;
        let cpu = thread_cpu_ns()
            .zip(c0)
            .map(|(a, b)| (a - b) as f64 / 1e9 / 3.0);
        eprintln!(
            "figures: {} docs, {:.1} MB, {:.3} s/pass wall, {:.1} MB/s wall, {} ({} figures)",
            built.len(),
            bytes as f64 / 1e6,
            s,
            bytes as f64 / 1e6 / s,
            cpu.map_or("no CPU clock".to_string(), |c| format!(
                "{:.3} s/pass on CPU, {:.1} MB/s per core",
                c,
                bytes as f64 / 1e6 / c
            )),
            n / 3
        );
        return;
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    for (id, date, text) in &docs {
        let doc = depeche::text::Document::new(text, *date);
        let (amounts, dates) = fx.extract(&doc);
        let amounts: Vec<_> = amounts
            .into_iter()
            .map(|a| a.map_span(|r| depeche::pipeline::build::span(&doc, r)))
            .collect();
        let dates: Vec<_> = dates
            .into_iter()
            .map(|d| d.map_span(|r| depeche::pipeline::build::span(&doc, r)))
            .collect();
        let rec = serde_json::json!({
            "id": id,
            "date": date.map(|d| d.iso()),
            "amounts": amounts,
            "dates": dates,
        });
        writeln!(out, "{}", rec).unwrap();
    }
}

/// CPU time of this thread in nanoseconds (Linux `/proc/thread-self/schedstat`), so a busy
/// shared machine does not distort the per-core figure.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
