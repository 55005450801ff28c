//! Throughput measurement of each stage and of the whole pipeline, single-threaded and on all
//! threads, over an in-memory corpus. Used by `depeche bench` and the criterion benches.
//!
//! Each stage of the pipeline, by name and in order, is timed on its own pass over the
//! documents the stages before it produced, so the figures are per-stage throughputs, not
//! shares of one run. "engine" is the batch engine's own work: parsing the
//! JSON input lines and writing the JSON records.

use crate::article::Article;
use crate::input::{parse_line, FieldNames};
use crate::record::Record;
use crate::stage::{Doc, Layer};
use crate::Pipeline;
use rayon::prelude::*;
use serde::Serialize;
use std::time::Instant;

/// The built-in sample: the two example articles of `corpus/seeds.jsonl`.
pub const BUILTIN_SAMPLE: &str = include_str!("../corpus/seeds.jsonl");

/// A corpus held in memory: the raw JSON lines and the parsed articles.
pub struct Corpus {
    /// Raw JSON lines (for the engine's parse cost).
    pub lines: Vec<String>,
    /// Parsed articles.
    pub articles: Vec<Article>,
}

impl Corpus {
    /// Parse JSON Lines text, keeping at most `limit` articles. Lines that are not articles are
    /// ignored.
    pub fn from_jsonl(data: &str, limit: usize) -> Self {
        let mut lines = Vec::new();
        let mut articles = Vec::new();
        let src = crate::article::Source {
            file: "bench".into(),
            line: None,
        };
        for line in data.lines() {
            if articles.len() >= limit {
                break;
            }
            if let Some(Ok(a)) = parse_line(line.as_bytes(), &FieldNames::default(), true, &src) {
                if !a.text.trim().is_empty() {
                    lines.push(line.to_string());
                    articles.push(a);
                }
            }
        }
        Corpus { lines, articles }
    }

    /// Total text bytes.
    pub fn text_bytes(&self) -> usize {
        self.articles.iter().map(|a| a.text.len()).sum()
    }
}

/// Throughput of one stage at one thread count.
#[derive(Clone, Debug, Serialize)]
pub struct Throughput {
    /// Stage name.
    pub stage: String,
    /// Threads used.
    pub threads: usize,
    /// Seconds of wall-clock time.
    pub seconds: f64,
    /// Articles per second.
    pub articles_per_s: f64,
    /// Megabytes (10^6 bytes) of article text per second.
    pub mb_per_s: f64,
    /// Tokens per second.
    pub tokens_per_s: f64,
}

/// The full report.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Articles measured.
    pub articles: usize,
    /// Text bytes measured.
    pub bytes: usize,
    /// Tokens in the corpus.
    pub tokens: usize,
    /// One row per stage and thread count.
    pub rows: Vec<Throughput>,
}

fn row(stage: &str, threads: usize, seconds: f64, c: &Corpus, tokens: usize) -> Throughput {
    let s = seconds.max(1e-9);
    Throughput {
        stage: stage.into(),
        threads,
        seconds,
        articles_per_s: c.articles.len() as f64 / s,
        mb_per_s: c.text_bytes() as f64 / 1e6 / s,
        tokens_per_s: tokens as f64 / s,
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed().as_secs_f64())
}

/// Measure every stage and the whole pipeline at each thread count in `thread_counts`.
pub fn measure(pipeline: &Pipeline, corpus: &Corpus, thread_counts: &[usize]) -> Report {
    let pieces = transformer_pieces(pipeline, corpus);
    let records: Vec<Record> = corpus
        .articles
        .iter()
        .filter_map(|a| pipeline.extract(a).ok())
        .collect();
    let mut tokens = 0;
    let mut rows = Vec::new();
    for &n in thread_counts {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .expect("thread pool");
        pool.install(|| {
            // Each stage is timed on the documents the stages before it produced.
            let mut docs: Vec<Doc> = corpus
                .articles
                .iter()
                .map(|a| Doc::new(&a.text, a.date))
                .collect();
            for stage in pipeline.stages() {
                let (adds, t) = timed(|| {
                    docs.par_iter()
                        .map(|d| stage.compute(d))
                        .collect::<Vec<_>>()
                });
                for (d, add) in docs.iter_mut().zip(adds) {
                    if let Ok(add) = add {
                        d.apply(add);
                    }
                }
                if stage.adds().contains(&Layer::Tokens) {
                    tokens = docs.iter().map(|d| d.tokens.tokens.len()).sum();
                }
                rows.push(row(stage.name(), n, t, corpus, tokens));
                if let (Some(p), true) = (pieces, stage.adds().contains(&Layer::Actors)) {
                    // The same run, counted in the transformer's sub-tokens.
                    rows.push(row(
                        &format!("{} (sub-tokens)", stage.name()),
                        n,
                        t,
                        corpus,
                        p,
                    ));
                }
            }
            drop(docs);
            let src = crate::article::Source {
                file: "bench".into(),
                line: None,
            };
            let (_, t) = timed(|| {
                corpus
                    .lines
                    .par_iter()
                    .zip(records.par_iter())
                    .map(|(l, r)| {
                        let a = parse_line(l.as_bytes(), &FieldNames::default(), true, &src);
                        let out = serde_json::to_vec(r).expect("serializes");
                        (a.is_some(), out.len())
                    })
                    .collect::<Vec<_>>()
            });
            rows.push(row("engine (parse + write JSON)", n, t, corpus, tokens));
            let (_, t) = timed(|| {
                corpus
                    .lines
                    .par_iter()
                    .map(|l| {
                        let a = parse_line(l.as_bytes(), &FieldNames::default(), true, &src);
                        match a {
                            Some(Ok(a)) => pipeline
                                .extract(&a)
                                .map(|r| serde_json::to_vec(&r).map(|v| v.len()).unwrap_or(0))
                                .unwrap_or(0),
                            _ => 0,
                        }
                    })
                    .collect::<Vec<_>>()
            });
            rows.push(row("overall", n, t, corpus, tokens));
        });
    }
    Report {
        articles: corpus.articles.len(),
        bytes: corpus.text_bytes(),
        tokens,
        rows,
    }
}

/// The corpus's sub-token count under the transformer backend's tokenizer, when in use.
#[cfg(feature = "transformer")]
fn transformer_pieces(pipeline: &Pipeline, corpus: &Corpus) -> Option<usize> {
    let t = pipeline.actor_extractor()?.transformer()?;
    let tok = &t.checkpoint().tokenizer;
    Some(
        corpus
            .articles
            .iter()
            .filter_map(|a| tok.encode(a.text.as_str(), false).ok())
            .map(|e| e.len())
            .sum(),
    )
}

#[cfg(not(feature = "transformer"))]
fn transformer_pieces(_: &Pipeline, _: &Corpus) -> Option<usize> {
    None
}

impl Report {
    /// A plain-text table, with the speed-up of the largest thread count over one thread.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{} articles, {:.2} MB, {} tokens\n{:<28} {:>7} {:>10} {:>10} {:>12} {:>8}\n",
            self.articles,
            self.bytes as f64 / 1e6,
            self.tokens,
            "stage",
            "threads",
            "articles/s",
            "MB/s",
            "tokens/s",
            "speed-up"
        );
        for r in &self.rows {
            let base = self
                .rows
                .iter()
                .find(|b| b.stage == r.stage && b.threads == 1);
            let speedup = base.map_or(String::new(), |b| {
                format!("{:.2}x", b.seconds / r.seconds.max(1e-9))
            });
            s.push_str(&format!(
                "{:<28} {:>7} {:>10.1} {:>10.2} {:>12.0} {:>8}\n",
                r.stage, r.threads, r.articles_per_s, r.mb_per_s, r.tokens_per_s, speedup
            ));
        }
        s
    }
}
