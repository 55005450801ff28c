//! Tokenize a JSON Lines corpus repeatedly (a profiling aid for the tokenizer).
fn main() {
    let path = std::env::args().nth(1).expect("usage: tokbench FILE.jsonl");
    let data = std::fs::read_to_string(path).expect("readable");
    let corpus = depeche::bench::Corpus::from_jsonl(&data, 3000);
    let mut toks = Vec::new();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..5 {
        for a in &corpus.articles {
            depeche::text::tokenize::tokenize_into(&a.text, &mut toks);
            n += toks.len();
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{n} tokens, {:.1} MB/s",
        5.0 * corpus.text_bytes() as f64 / 1e6 / s
    );
}
