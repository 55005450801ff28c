//! Parquet sink: the normalised tables of [`super::schema`] as Parquet files, one directory per
//! table in the layout Spark, DuckDB and pandas read as a dataset:
//!
//! ```text
//! DIR/articles/part-00000.parquet
//! DIR/actors/part-00000.parquet
//! ...
//! ```
//!
//! With `--shard I/N` the part number is `I-1`, so shards can write into the same directory.
//! Each file is written as `part-XXXXX.parquet.partial` and renamed when the run finishes, so
//! readers never see a half-written file; a re-run replaces the part.

use super::schema::{ColType, Table, TableId, Value, TABLES};
use super::{typed, Needs, Processed, Sink, SinkError};
use crate::record::Output;
use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

enum ColumnBuilder {
    Text(StringBuilder),
    Int(Int64Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
}

impl ColumnBuilder {
    fn new(ty: ColType) -> Self {
        match ty {
            ColType::Text => ColumnBuilder::Text(StringBuilder::new()),
            ColType::Int => ColumnBuilder::Int(Int64Builder::new()),
            ColType::Float => ColumnBuilder::Float(Float64Builder::new()),
            ColType::Bool => ColumnBuilder::Bool(BooleanBuilder::new()),
        }
    }

    fn push(&mut self, v: &Value<'_>) {
        match (self, *v) {
            (ColumnBuilder::Text(b), Value::Text(s)) => b.append_value(s),
            (ColumnBuilder::Int(b), Value::Int(n)) => b.append_value(n),
            (ColumnBuilder::Float(b), Value::Float(f)) => b.append_value(f),
            (ColumnBuilder::Bool(b), Value::Bool(x)) => b.append_value(x),
            (ColumnBuilder::Text(b), _) => b.append_null(),
            (ColumnBuilder::Int(b), _) => b.append_null(),
            (ColumnBuilder::Float(b), _) => b.append_null(),
            (ColumnBuilder::Bool(b), _) => b.append_null(),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            ColumnBuilder::Text(b) => Arc::new(b.finish()),
            ColumnBuilder::Int(b) => Arc::new(b.finish()),
            ColumnBuilder::Float(b) => Arc::new(b.finish()),
            ColumnBuilder::Bool(b) => Arc::new(b.finish()),
        }
    }
}

/// The Arrow schema of a table.
pub fn arrow_schema(t: &Table) -> SchemaRef {
    let fields: Vec<Field> = t
        .columns
        .iter()
        .map(|c| {
            let ty = match c.ty {
                ColType::Text => DataType::Utf8,
                ColType::Int => DataType::Int64,
                ColType::Float => DataType::Float64,
                ColType::Bool => DataType::Boolean,
            };
            Field::new(c.name, ty, c.nullable)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

/// Arrow builders for every table of [`TABLES`]: push outputs (records and error records),
/// then take one [`RecordBatch`] per table, in [`TABLES`] order, with the schemas of
/// [`arrow_schema()`]. The Parquet sink writes these batches; other Arrow consumers (the Python
/// package's `extract_arrow`) use the same builder, so they get exactly the sink's columns.
pub struct TableBatches {
    tables: Vec<TableBuilder>,
}

struct TableBuilder {
    schema: SchemaRef,
    columns: Vec<ColumnBuilder>,
    rows: usize,
}

impl Default for TableBatches {
    fn default() -> Self {
        Self::new()
    }
}

impl TableBatches {
    /// Empty builders for every table.
    pub fn new() -> Self {
        TableBatches {
            tables: TABLES
                .iter()
                .map(|t| TableBuilder {
                    schema: arrow_schema(t),
                    columns: t.columns.iter().map(|c| ColumnBuilder::new(c.ty)).collect(),
                    rows: 0,
                })
                .collect(),
        }
    }

    /// Add the rows of one output: a record's rows in the article and child tables, an error
    /// record's row in `errors`.
    pub fn push(&mut self, output: &Output) {
        let tables = &mut self.tables;
        let mut emit = |t: TableId, row: &[Value<'_>]| {
            let tb = &mut tables[t as usize];
            for (b, v) in tb.columns.iter_mut().zip(row) {
                b.push(v);
            }
            tb.rows += 1;
        };
        match output {
            Output::Record(r) => super::schema::record_rows(r, &mut emit),
            Output::Error(e) => super::schema::error_rows(e, &mut emit),
        }
    }

    /// Rows pushed into `table` since the last [`TableBatches::finish`].
    pub fn rows(&self, table: TableId) -> usize {
        self.tables[table as usize].rows
    }

    /// One batch per table, in [`TABLES`] order (a table without rows gives an empty batch);
    /// the builders start empty again.
    pub fn finish(&mut self) -> Result<Vec<RecordBatch>, ArrowError> {
        self.tables
            .iter_mut()
            .map(|tb| {
                let arrays: Vec<ArrayRef> = tb.columns.iter_mut().map(|c| c.finish()).collect();
                tb.rows = 0;
                RecordBatch::try_new(tb.schema.clone(), arrays)
            })
            .collect()
    }
}

struct TableWriter {
    writer: Option<ArrowWriter<File>>,
    partial: PathBuf,
    path: PathBuf,
}

/// Writes the record tables as Parquet files under a directory.
pub struct ParquetSink {
    batches: TableBatches,
    tables: Vec<TableWriter>,
}

impl ParquetSink {
    /// Create `dir/<table>/part-<part:05>.parquet` for every table (`part` is 0 without
    /// sharding, `I-1` for shard `I/N`).
    pub fn create(dir: &Path, part: u64) -> Result<Self, SinkError> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let mut tables = Vec::with_capacity(TABLES.len());
        for t in &TABLES {
            let tdir = dir.join(t.name);
            std::fs::create_dir_all(&tdir)?;
            let path = tdir.join(format!("part-{part:05}.parquet"));
            let partial = tdir.join(format!("part-{part:05}.parquet.partial"));
            let file = File::create(&partial)?;
            let writer = ArrowWriter::try_new(file, arrow_schema(t), Some(props.clone()))
                .map_err(|e| SinkError::Parquet(e.to_string()))?;
            tables.push(TableWriter {
                writer: Some(writer),
                partial,
                path,
            });
        }
        Ok(ParquetSink {
            batches: TableBatches::new(),
            tables,
        })
    }
}

impl ParquetSink {
    /// Write the rows pushed since the last flush (tables without rows write nothing).
    fn flush(&mut self) -> Result<(), SinkError> {
        let batches = self
            .batches
            .finish()
            .map_err(|e| SinkError::Parquet(e.to_string()))?;
        for (tw, batch) in self.tables.iter_mut().zip(batches) {
            if batch.num_rows() == 0 {
                continue;
            }
            if let Some(w) = &mut tw.writer {
                w.write(&batch)
                    .map_err(|e| SinkError::Parquet(e.to_string()))?;
            }
        }
        Ok(())
    }
}

impl Sink for ParquetSink {
    fn needs(&self) -> Needs {
        Needs {
            json: false,
            typed: true,
        }
    }

    fn write_chunk(&mut self, chunk: &[Processed]) -> Result<(), SinkError> {
        for o in typed(chunk) {
            self.batches.push(o);
        }
        self.flush()
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        self.flush()?;
        for tw in &mut self.tables {
            if let Some(w) = tw.writer.take() {
                w.close().map_err(|e| SinkError::Parquet(e.to_string()))?;
                std::fs::rename(&tw.partial, &tw.path)?;
            }
        }
        Ok(())
    }
}
