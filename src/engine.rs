//! The batch engine: streams inputs through the pipeline on a rayon pool in bounded chunks,
//! keeps input order, turns every failure into an error record, and reports progress.
//!
//! A reader thread parses inputs into chunks (at most `chunk_articles` articles or
//! `chunk_bytes` bytes of text); the calling thread extracts each chunk in parallel and writes
//! its lines in order. At most three chunks are alive at once (one being read, one queued,
//! one being extracted), so memory is bounded by the chunk size, not by the input size.

use crate::article::Article;
use crate::input::{self, InputOptions, InputSource, Item};
use crate::record::{ErrorInfo, ErrorKind, ErrorRecord};
use crate::{ArticleError, Pipeline};
use rayon::prelude::*;
use std::io::{self, Write};
use std::ops::ControlFlow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Instant;

/// How the engine runs.
#[derive(Clone, Debug)]
pub struct EngineOptions {
    /// Worker threads (0 = all cores).
    pub threads: usize,
    /// Most articles in one chunk.
    pub chunk_articles: usize,
    /// Most text bytes in one chunk.
    pub chunk_bytes: usize,
    /// Stop at the first error record (it is still written).
    pub fail_fast: bool,
    /// Skip this many input items (articles or error records) before extracting: resumes a run
    /// whose output already holds that many lines.
    pub skip: u64,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            threads: 0,
            chunk_articles: 1024,
            chunk_bytes: 8 << 20,
            fail_fast: false,
            skip: 0,
        }
    }
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Output lines written (records + error records).
    pub lines: u64,
    /// Records written.
    pub records: u64,
    /// Error records written.
    pub errors: u64,
    /// Input items skipped by `skip`.
    pub skipped: u64,
    /// Article text bytes extracted.
    pub text_bytes: u64,
    /// Raw input bytes read (compressed size for compressed inputs).
    pub input_bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Inputs that failed as a whole or part-way.
    pub failed_inputs: usize,
    /// True when `fail_fast` stopped the run at an error.
    pub stopped_at_error: bool,
}

impl Summary {
    /// One line for humans: articles, errors, MB, seconds, MB/s.
    pub fn line(&self) -> String {
        let mb = self.text_bytes as f64 / 1e6;
        format!(
            "depeche: {} articles ({} records, {} errors{}), {:.1} MB in {:.2} s, {:.2} MB/s",
            self.lines,
            self.records,
            self.errors,
            if self.skipped > 0 {
                format!(", {} skipped", self.skipped)
            } else {
                String::new()
            },
            mb,
            self.seconds,
            if self.seconds > 0.0 {
                mb / self.seconds
            } else {
                0.0
            }
        )
    }
}

/// Errors that stop a run (per-article problems never do).
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Output(#[source] io::Error),
    /// The thread pool could not be built.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// A progress observer, called after each chunk with (lines written, raw input bytes read).
pub trait Progress: Sync {
    /// Called after each chunk.
    fn update(&self, lines: u64, input_bytes: u64);
}

impl Progress for () {
    fn update(&self, _: u64, _: u64) {}
}

/// The error record of an article the pipeline refused.
pub fn article_error_record(article: &Article, e: ArticleError) -> ErrorRecord {
    let source = article.source.clone().unwrap_or_default();
    ErrorRecord {
        id: article.id.clone(),
        error: ErrorInfo {
            kind: e.kind,
            message: e.message,
            source: source.file,
            line: source.line,
        },
    }
}

/// Process one item into one output line (without the newline). Never panics: a panic inside
/// the pipeline becomes an `internal` error record.
pub fn process_item(pipeline: &Pipeline, item: &Item, out: &mut Vec<u8>) -> bool {
    out.clear();
    match item {
        Item::Error(e) => {
            serde_json::to_writer(&mut *out, e).expect("error record serializes");
            false
        }
        Item::Article(a) => {
            let result = catch_unwind(AssertUnwindSafe(|| pipeline.extract(a)));
            match result {
                Ok(Ok(record)) => {
                    serde_json::to_writer(&mut *out, &record).expect("record serializes");
                    true
                }
                Ok(Err(e)) => {
                    serde_json::to_writer(&mut *out, &article_error_record(a, e))
                        .expect("error record serializes");
                    false
                }
                Err(panic) => {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".into());
                    let e = ArticleError {
                        kind: ErrorKind::Internal,
                        message: format!(
                            "internal error (please report with this article): {what}"
                        ),
                    };
                    out.clear();
                    serde_json::to_writer(&mut *out, &article_error_record(a, e))
                        .expect("error record serializes");
                    false
                }
            }
        }
    }
}

fn item_bytes(item: &Item) -> usize {
    match item {
        Item::Article(a) => a.text.len(),
        Item::Error(_) => 64,
    }
}

/// Run the pipeline over `sources`, writing one JSON line per input article to `out`.
/// `early_errors` (inputs that could not even be opened) are written first.
pub fn run(
    pipeline: &Pipeline,
    sources: &[InputSource],
    early_errors: Vec<ErrorRecord>,
    input_opts: &InputOptions,
    opts: &EngineOptions,
    progress: &dyn Progress,
    out: &mut dyn Write,
) -> Result<Summary, EngineError> {
    let started = Instant::now();
    let mut builder = rayon::ThreadPoolBuilder::new();
    if opts.threads > 0 {
        builder = builder.num_threads(opts.threads);
    }
    let pool = builder
        .build()
        .map_err(|e| EngineError::Threads(e.to_string()))?;
    let counter = Arc::new(AtomicU64::new(0));
    let stop = AtomicBool::new(false);
    let mut summary = Summary {
        failed_inputs: early_errors.len(),
        ..Summary::default()
    };
    let (tx, rx) = mpsc::sync_channel::<Vec<Item>>(1);
    let chunk_articles = opts.chunk_articles.max(1);
    let chunk_bytes = opts.chunk_bytes.max(1);

    let result: Result<(), EngineError> = std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let mut chunk: Vec<Item> = Vec::with_capacity(chunk_articles.min(4096));
            let mut bytes = 0usize;
            let mut to_skip = opts.skip;
            let mut skipped = 0u64;
            let mut feed =
                |item: Item, chunk: &mut Vec<Item>, bytes: &mut usize| -> ControlFlow<()> {
                    if stop.load(Ordering::Relaxed) {
                        return ControlFlow::Break(());
                    }
                    if to_skip > 0 {
                        to_skip -= 1;
                        skipped += 1;
                        return ControlFlow::Continue(());
                    }
                    *bytes += item_bytes(&item);
                    chunk.push(item);
                    if chunk.len() >= chunk_articles || *bytes >= chunk_bytes {
                        *bytes = 0;
                        let full =
                            std::mem::replace(chunk, Vec::with_capacity(chunk_articles.min(4096)));
                        if tx.send(full).is_err() {
                            return ControlFlow::Break(());
                        }
                    }
                    ControlFlow::Continue(())
                };
            let mut flow = ControlFlow::Continue(());
            for e in early_errors {
                flow = feed(Item::Error(e), &mut chunk, &mut bytes);
                if flow.is_break() {
                    break;
                }
            }
            let read = if flow.is_continue() {
                input::read_sources(sources, input_opts, counter.clone(), |item| {
                    feed(item, &mut chunk, &mut bytes)
                })
            } else {
                input::ReadSummary::default()
            };
            if !chunk.is_empty() {
                let _ = tx.send(chunk);
            }
            drop(tx);
            (read, skipped)
        });

        let mut lines: Vec<(Vec<u8>, bool)> = Vec::new();
        let mut write_result = Ok(());
        for chunk in rx.iter() {
            if write_result.is_err() || stop.load(Ordering::Relaxed) {
                continue; // drain so the reader can finish
            }
            pool.install(|| {
                chunk
                    .par_iter()
                    .map(|item| {
                        let mut buf = Vec::with_capacity(256 + item_bytes(item) / 2);
                        let ok = process_item(pipeline, item, &mut buf);
                        (buf, ok)
                    })
                    .collect_into_vec(&mut lines);
            });
            for ((line, ok), item) in lines.iter().zip(chunk.iter()) {
                if let Err(e) = out.write_all(line).and_then(|_| out.write_all(b"\n")) {
                    write_result = Err(EngineError::Output(e));
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
                summary.lines += 1;
                if *ok {
                    summary.records += 1;
                    summary.text_bytes += item_bytes(item) as u64;
                } else {
                    summary.errors += 1;
                    if let Item::Article(a) = item {
                        summary.text_bytes += a.text.len() as u64;
                    }
                    if opts.fail_fast {
                        summary.stopped_at_error = true;
                        stop.store(true, Ordering::Relaxed);
                        break;
                    }
                }
            }
            progress.update(summary.lines, counter.load(Ordering::Relaxed));
        }
        let (read, skipped) = reader.join().expect("reader thread panicked");
        summary.failed_inputs += read.failed_inputs;
        summary.skipped = skipped;
        write_result?;
        out.flush().map_err(EngineError::Output)
    });
    result?;
    summary.input_bytes = counter.load(Ordering::Relaxed);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PipelineConfig;

    fn run_on(data: &str, opts: &EngineOptions) -> (Vec<serde_json::Value>, Summary) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        std::fs::File::create(&path)
            .unwrap()
            .write_all(data.as_bytes())
            .unwrap();
        let pipeline = Pipeline::new(&PipelineConfig::default()).unwrap();
        let (sources, errs) = input::expand_inputs(&[path]);
        let mut out = Vec::new();
        let s = run(
            &pipeline,
            &sources,
            errs,
            &InputOptions::default(),
            opts,
            &(),
            &mut out,
        )
        .unwrap();
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (lines, s)
    }

    #[test]
    fn keeps_order_across_chunks_and_threads() {
        let data: String = (0..200)
            .map(|i| format!("{{\"id\":\"a{i}\",\"text\":\"Texte numéro {i}.\"}}\n"))
            .collect();
        for threads in [1, 2, 4] {
            let opts = EngineOptions {
                threads,
                chunk_articles: 7,
                ..Default::default()
            };
            let (lines, s) = run_on(&data, &opts);
            assert_eq!(s.records, 200);
            let ids: Vec<String> = lines
                .iter()
                .map(|l| l["id"].as_str().unwrap().to_string())
                .collect();
            let want: Vec<String> = (0..200).map(|i| format!("a{i}")).collect();
            assert_eq!(ids, want);
        }
    }

    #[test]
    fn bad_lines_become_error_records_and_the_batch_goes_on() {
        let data = "{\"id\":\"a\",\"text\":\"Un.\"}\n{oops\n{\"id\":\"c\",\"text\":\"  \"}\n{\"id\":\"d\",\"text\":\"Deux.\"}\n";
        let (lines, s) = run_on(data, &EngineOptions::default());
        assert_eq!((s.lines, s.records, s.errors), (4, 2, 2));
        assert_eq!(lines[1]["error"]["kind"], "malformed_json");
        assert_eq!(lines[1]["error"]["line"], 2);
        assert_eq!(lines[2]["error"]["kind"], "empty_text");
        assert_eq!(lines[2]["id"], "c");
        assert_eq!(lines[3]["id"], "d");
    }

    #[test]
    fn fail_fast_stops_after_the_first_error() {
        let data = "{\"id\":\"a\",\"text\":\"Un.\"}\n[]\n{\"id\":\"d\",\"text\":\"Deux.\"}\n";
        let opts = EngineOptions {
            fail_fast: true,
            chunk_articles: 1,
            ..Default::default()
        };
        let (lines, s) = run_on(data, &opts);
        assert!(s.stopped_at_error);
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn skip_resumes_after_n_items() {
        let data: String = (0..10)
            .map(|i| format!("{{\"id\":\"a{i}\",\"text\":\"T {i}.\"}}\n"))
            .collect();
        let (lines, s) = run_on(
            &data,
            &EngineOptions {
                skip: 4,
                ..Default::default()
            },
        );
        assert_eq!(s.skipped, 4);
        assert_eq!(lines[0]["id"], "a4");
        assert_eq!(lines.len(), 6);
    }
}
