//! Sinks: where the engine's output goes. JSON Lines (the default), SQLite, PostgreSQL or
//! Parquet tables.
//!
//! The engine extracts each chunk of articles in parallel, then hands the chunk to the sink
//! in input order ([`Sink::write_chunk`]). A sink says what it needs ([`Needs`]): JSON lines
//! (serialised in parallel by the engine), typed [`Output`]s, or both. Table sinks share one
//! normalised layout ([`schema`]).

pub mod jsonl;
pub mod parquet;
pub mod pgconn;
pub mod postgres;
pub mod schema;
pub mod sqlite;

use crate::record::Output;
use std::collections::HashSet;
use std::io;

pub use jsonl::JsonlSink;
pub use parquet::ParquetSink;
pub use postgres::PostgresSink;
pub use sqlite::SqliteSink;

/// What a sink wants from the engine for each article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// The JSON line of each output (without the newline).
    pub json: bool,
    /// The typed output.
    pub typed: bool,
}

/// One processed article, in input order.
#[derive(Debug, Default)]
pub struct Processed {
    /// The typed output, when the sink asked for it.
    pub output: Option<Output>,
    /// The JSON line (without newline), when the sink asked for it; empty otherwise.
    pub line: Vec<u8>,
    /// True for a record, false for an error record.
    pub ok: bool,
}

/// Why a sink could not write.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// Writing a file or stream failed.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// SQLite refused.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL refused or the connection failed.
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] ::postgres::Error),
    /// Parquet or Arrow failed.
    #[error("Parquet: {0}")]
    Parquet(String),
    /// A batch could not be committed; everything before it is committed.
    #[error(
        "batch of {articles} articles ({first_id} .. {last_id}) was not loaded and nothing of \
         it is kept; the {committed} articles of earlier batches are committed. Re-run the same \
         command to load the rest (loading is idempotent; --resume skips loaded articles): {source}"
    )]
    Batch {
        /// Articles in the failed batch.
        articles: usize,
        /// Its first article id.
        first_id: String,
        /// Its last article id.
        last_id: String,
        /// Articles committed by earlier batches of this run.
        committed: u64,
        /// The cause.
        #[source]
        source: Box<SinkError>,
    },
    /// The sink was misused (bad option or path).
    #[error("{0}")]
    Config(String),
}

/// Where the engine writes: gets each chunk of processed articles in input order, on the
/// engine's writer thread (hence `Send`).
pub trait Sink: Send {
    /// What the engine must produce for each article.
    fn needs(&self) -> Needs;
    /// Write one chunk (all of it, or fail and keep nothing of it where the sink is
    /// transactional).
    fn write_chunk(&mut self, chunk: &[Processed]) -> Result<(), SinkError>;
    /// Flush and close after the last chunk.
    fn finish(&mut self) -> Result<(), SinkError>;
}

impl<S: Sink + ?Sized> Sink for Box<S> {
    fn needs(&self) -> Needs {
        (**self).needs()
    }
    fn write_chunk(&mut self, chunk: &[Processed]) -> Result<(), SinkError> {
        (**self).write_chunk(chunk)
    }
    fn finish(&mut self) -> Result<(), SinkError> {
        (**self).finish()
    }
}

/// The id of an output (record or error record).
pub fn output_id(o: &Output) -> &str {
    match o {
        Output::Record(r) => &r.id,
        Output::Error(e) => &e.id,
    }
}

/// The typed outputs of a chunk (sinks that asked for `typed` get one for every entry).
fn typed(chunk: &[Processed]) -> impl Iterator<Item = &Output> {
    chunk.iter().filter_map(|p| p.output.as_ref())
}

/// For each output of a chunk, whether it is the last one with its id in the chunk: a dump
/// that repeats an id keeps its last occurrence, as a sequential load would.
fn last_occurrences(outputs: &[&Output]) -> Vec<bool> {
    let mut seen: HashSet<&str> = HashSet::with_capacity(outputs.len());
    let mut keep = vec![false; outputs.len()];
    for (i, o) in outputs.iter().enumerate().rev() {
        keep[i] = seen.insert(output_id(o));
    }
    keep
}

/// The ids already loaded in a database sink, to skip on `--resume`.
pub type LoadedIds = HashSet<String>;

/// Load the typed outputs of one chunk in one transaction with `load`. `committed` counts the
/// articles earlier batches committed; the new count is returned. A failure becomes a
/// [`SinkError::Batch`] that names the batch and what earlier batches already committed.
/// Shared by the database sinks.
pub(crate) fn load_batch(
    chunk: &[Processed],
    committed: u64,
    load: impl FnOnce(&[&Output]) -> Result<(), SinkError>,
) -> Result<u64, SinkError> {
    let outputs: Vec<&Output> = typed(chunk).collect();
    if outputs.is_empty() {
        return Ok(committed);
    }
    match load(&outputs) {
        Ok(()) => Ok(committed + outputs.len() as u64),
        Err(e) => Err(SinkError::Batch {
            articles: outputs.len(),
            first_id: output_id(outputs[0]).to_string(),
            last_id: output_id(outputs[outputs.len() - 1]).to_string(),
            committed,
            source: Box::new(e),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{ErrorInfo, ErrorKind, ErrorRecord, Record};

    fn rec(id: &str) -> Output {
        Output::Record(Box::new(Record {
            id: id.into(),
            ..Default::default()
        }))
    }

    #[test]
    fn last_occurrence_of_a_repeated_id_wins() {
        let err = Output::Error(ErrorRecord {
            id: "a".into(),
            error: ErrorInfo {
                kind: ErrorKind::EmptyText,
                message: String::new(),
                source: String::new(),
                line: None,
            },
        });
        let outs = [rec("a"), rec("b"), err, rec("c"), rec("b")];
        let refs: Vec<&Output> = outs.iter().collect();
        assert_eq!(last_occurrences(&refs), [false, false, true, true, true]);
    }
}
