//! The batch engine: streams inputs through the pipeline on a rayon pool in bounded chunks,
//! keeps input order, turns every failure into an error record, and reports progress.
//!
//! A reader thread parses inputs into chunks (at most `chunk_articles` articles or
//! `chunk_bytes` bytes of text); the calling thread extracts each chunk in parallel; a writer
//! thread hands the chunks, in order, to the sink (JSON Lines, SQLite, PostgreSQL, Parquet).
//! At most five chunks are alive at once (one being read, one queued, one being extracted,
//! one queued for and one in the writer), so memory is bounded by the chunk size, not by the
//! input size.

use crate::article::Article;
use crate::input::{self, InputOptions, InputSource, Item};
use crate::record::{ErrorInfo, ErrorKind, ErrorRecord, Output};
use crate::sinks::{JsonlSink, LoadedIds, Needs, Processed, Sink, SinkError};
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
    /// whose output already holds that many lines. Counted after shard selection.
    pub skip: u64,
    /// Process only the items of this shard (see [`Shard`]).
    pub shard: Option<Shard>,
    /// Skip items whose id is in this set (resuming a database load).
    pub skip_ids: Option<Arc<LoadedIds>>,
}

/// One of N shards of the input: item number `k` (0-based position in the input stream, over
/// all inputs in command-line order, error records included) belongs to shard `k % N + 1`.
/// Written `I/N` on the command line, 1-based: `--shard 1/4` .. `--shard 4/4` cover the input
/// exactly once between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// 1-based shard number, at most `count`.
    pub index: u64,
    /// Number of shards.
    pub count: u64,
}

impl Shard {
    /// Whether the item at 0-based input position `k` belongs to this shard.
    pub fn selects(&self, k: u64) -> bool {
        k % self.count == self.index - 1
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("expected I/N with 1 <= I <= N (e.g. 2/8), got {s:?}");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = i.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            threads: 0,
            chunk_articles: 1024,
            chunk_bytes: 8 << 20,
            fail_fast: false,
            skip: 0,
            shard: None,
            skip_ids: None,
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
    /// A database or Parquet sink failed.
    #[error("cannot load output: {0}")]
    Sink(#[source] SinkError),
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

/// Process one item into its output (record or error record) and whether it is a record.
/// Never panics: a panic inside the pipeline becomes an `internal` error record.
pub fn extract_item(pipeline: &Pipeline, item: &Item) -> (Output, bool) {
    match item {
        Item::Error(e) => (Output::Error(e.clone()), false),
        Item::Article(a) => {
            let result = catch_unwind(AssertUnwindSafe(|| pipeline.extract(a)));
            match result {
                Ok(Ok(record)) => (Output::Record(Box::new(record)), true),
                Ok(Err(e)) => (Output::Error(article_error_record(a, e)), false),
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
                    (Output::Error(article_error_record(a, e)), false)
                }
            }
        }
    }
}

/// Process one item into one output line (without the newline). Never panics: a panic inside
/// the pipeline becomes an `internal` error record.
pub fn process_item(pipeline: &Pipeline, item: &Item, out: &mut Vec<u8>) -> bool {
    out.clear();
    let (output, ok) = extract_item(pipeline, item);
    serialize_output(&output, out);
    ok
}

fn serialize_output(output: &Output, out: &mut Vec<u8>) {
    match output {
        Output::Record(r) => serde_json::to_writer(&mut *out, r).expect("record serializes"),
        Output::Error(e) => serde_json::to_writer(&mut *out, e).expect("error record serializes"),
    }
}

/// Process one item for a sink: the typed output and/or its JSON line, as the sink needs.
fn process_for(pipeline: &Pipeline, item: &Item, needs: Needs) -> Processed {
    let (output, ok) = extract_item(pipeline, item);
    let mut line = Vec::new();
    if needs.json {
        line.reserve(256 + item_bytes(item) / 2);
        serialize_output(&output, &mut line);
    }
    Processed {
        output: needs.typed.then_some(output),
        line,
        ok,
    }
}

fn item_id(item: &Item) -> &str {
    match item {
        Item::Article(a) => &a.id,
        Item::Error(e) => &e.id,
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
    out: &mut (dyn Write + Send),
) -> Result<Summary, EngineError> {
    let mut sink = JsonlSink::new(out);
    run_sink(
        pipeline,
        sources,
        early_errors,
        input_opts,
        opts,
        progress,
        &mut sink,
    )
}

fn sink_error(e: SinkError) -> EngineError {
    match e {
        SinkError::Io(e) => EngineError::Output(e),
        e => EngineError::Sink(e),
    }
}

/// Run the pipeline over `sources`, handing each chunk of outputs, in input order, to `sink`.
/// `early_errors` (inputs that could not even be opened) come first. The sink runs on its own
/// thread, so chunk k is written (or loaded into a database) while chunk k+1 is extracted.
pub fn run_sink(
    pipeline: &Pipeline,
    sources: &[InputSource],
    early_errors: Vec<ErrorRecord>,
    input_opts: &InputOptions,
    opts: &EngineOptions,
    progress: &dyn Progress,
    sink: &mut dyn Sink,
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
    let needs = sink.needs();

    let result: Result<(), EngineError> = std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let mut chunk: Vec<Item> = Vec::with_capacity(chunk_articles.min(4096));
            let mut bytes = 0usize;
            let mut to_skip = opts.skip;
            let mut skipped = 0u64;
            let mut position = 0u64;
            let mut feed =
                |item: Item, chunk: &mut Vec<Item>, bytes: &mut usize| -> ControlFlow<()> {
                    if stop.load(Ordering::Relaxed) {
                        return ControlFlow::Break(());
                    }
                    let k = position;
                    position += 1;
                    if let Some(shard) = &opts.shard {
                        if !shard.selects(k) {
                            return ControlFlow::Continue(());
                        }
                    }
                    if let Some(ids) = &opts.skip_ids {
                        if ids.contains(item_id(&item)) {
                            skipped += 1;
                            return ControlFlow::Continue(());
                        }
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

        let (wtx, wrx) = mpsc::sync_channel::<Vec<Processed>>(1);
        let writer = scope.spawn(move || -> Result<(), SinkError> {
            for chunk in wrx {
                sink.write_chunk(&chunk)?;
            }
            sink.finish()
        });
        for chunk in rx.iter() {
            if stop.load(Ordering::Relaxed) {
                continue; // drain so the reader can finish
            }
            let mut processed: Vec<Processed> = Vec::with_capacity(chunk.len());
            pool.install(|| {
                chunk
                    .par_iter()
                    .map(|item| process_for(pipeline, item, needs))
                    .collect_into_vec(&mut processed);
            });
            // With fail_fast, the chunk is cut right after its first error record.
            for (i, (p, item)) in processed.iter().zip(chunk.iter()).enumerate() {
                summary.lines += 1;
                if p.ok {
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
                        processed.truncate(i + 1);
                        break;
                    }
                }
            }
            if wtx.send(processed).is_err() {
                // The writer stopped at an error, reported when it is joined.
                stop.store(true, Ordering::Relaxed);
            }
            progress.update(summary.lines, counter.load(Ordering::Relaxed));
        }
        drop(wtx);
        let (read, skipped) = reader.join().expect("reader thread panicked");
        summary.failed_inputs += read.failed_inputs;
        summary.skipped = skipped;
        writer
            .join()
            .expect("writer thread panicked")
            .map_err(sink_error)
    });
    result?;
    summary.input_bytes = counter.load(Ordering::Relaxed);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

#[cfg(test)]
mod tests;
