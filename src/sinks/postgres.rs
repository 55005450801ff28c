//! PostgreSQL sink: the normalised tables of [`super::schema`], loaded with `COPY` in batches.
//!
//! Each chunk is one transaction: the chunk's ids are deleted from `articles` (cascading to
//! every child table) and `errors`, then each table's rows are streamed with one
//! `COPY ... FROM STDIN` (text format). Re-loading replaces rows and never duplicates them; a
//! failed chunk is rolled back whole and leaves earlier chunks committed.

use super::schema::{self, Value, TABLES};
use super::{last_occurrences, typed, LoadedIds, Needs, Processed, Sink, SinkError};
use crate::record::Output;
use postgres::{Client, NoTls};
use std::io::Write;

/// Loads records into PostgreSQL.
pub struct PostgresSink {
    client: Client,
    committed: u64,
    buffers: Vec<Vec<u8>>,
}

/// Append one value in COPY text format: `\N` for NULL, backslash escapes for tab, newline,
/// carriage return and backslash. PostgreSQL text cannot hold NUL: it becomes U+FFFD.
fn copy_value(out: &mut Vec<u8>, v: &Value<'_>) {
    match *v {
        Value::Null => out.extend_from_slice(b"\\N"),
        Value::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Float(f) => {
            if f.is_nan() {
                out.extend_from_slice(b"NaN");
            } else if f.is_infinite() {
                out.extend_from_slice(if f > 0.0 { b"Infinity" } else { b"-Infinity" });
            } else {
                let _ = write!(out, "{f:?}");
            }
        }
        Value::Bool(b) => out.push(if b { b't' } else { b'f' }),
        Value::Text(s) => {
            for &b in s.as_bytes() {
                match b {
                    b'\\' => out.extend_from_slice(b"\\\\"),
                    b'\t' => out.extend_from_slice(b"\\t"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    0 => out.extend_from_slice("\u{FFFD}".as_bytes()),
                    _ => out.push(b),
                }
            }
        }
    }
}

fn copy_row(out: &mut Vec<u8>, row: &[Value<'_>]) {
    for (i, v) in row.iter().enumerate() {
        if i > 0 {
            out.push(b'\t');
        }
        copy_value(out, v);
    }
    out.push(b'\n');
}

impl PostgresSink {
    /// Connect (`postgresql://user@host:port/db` or `host=... user=... dbname=...`) and create
    /// the tables and indexes when missing; columns added to the schema since are added.
    pub fn connect(url: &str) -> Result<Self, SinkError> {
        let mut client = Client::connect(url, NoTls)?;
        let mut ddl = String::from("SET client_min_messages = warning;\n");
        ddl.push_str(&schema::ddl());
        for t in &TABLES {
            for c in t.columns.iter().filter(|c| c.nullable) {
                ddl.push_str(&schema::add_column_sql(t, c, true));
                ddl.push_str(";\n");
            }
        }
        client.batch_execute(&ddl)?;
        Ok(PostgresSink {
            client,
            committed: 0,
            buffers: vec![Vec::new(); TABLES.len()],
        })
    }

    /// The ids of every article and error record already loaded.
    pub fn loaded_ids(&mut self) -> Result<LoadedIds, SinkError> {
        let mut ids = LoadedIds::new();
        for sql in ["SELECT id FROM articles", "SELECT article_id FROM errors"] {
            for row in self.client.query(sql, &[])? {
                ids.insert(row.get(0));
            }
        }
        Ok(ids)
    }

    /// The client, for queries.
    pub fn client(&mut self) -> &mut Client {
        &mut self.client
    }

    fn load(&mut self, outputs: &[&Output]) -> Result<(), SinkError> {
        let keep = last_occurrences(outputs);
        for b in &mut self.buffers {
            b.clear();
        }
        let mut ids: Vec<&str> = Vec::with_capacity(outputs.len());
        {
            let buffers = &mut self.buffers;
            let mut emit = |t: schema::TableId, row: &[Value<'_>]| {
                copy_row(&mut buffers[t as usize], row);
            };
            for (o, keep) in outputs.iter().zip(keep) {
                if !keep {
                    continue;
                }
                ids.push(super::output_id(o));
                match o {
                    Output::Record(r) => schema::record_rows(r, &mut emit),
                    Output::Error(e) => schema::error_rows(e, &mut emit),
                }
            }
        }
        let mut tx = self.client.transaction()?;
        tx.execute("DELETE FROM articles WHERE id = ANY($1)", &[&ids])?;
        tx.execute("DELETE FROM errors WHERE article_id = ANY($1)", &[&ids])?;
        for (t, buf) in TABLES.iter().zip(&self.buffers) {
            if buf.is_empty() {
                continue;
            }
            let sql = format!("COPY {} ({}) FROM STDIN", t.name, schema::column_list(t));
            let mut w = tx.copy_in(&sql)?;
            w.write_all(buf)?;
            w.finish()?;
        }
        tx.commit()?;
        Ok(())
    }
}

impl Sink for PostgresSink {
    fn needs(&self) -> Needs {
        Needs {
            json: false,
            typed: true,
        }
    }

    fn write_chunk(&mut self, chunk: &[Processed]) -> Result<(), SinkError> {
        let outputs: Vec<&Output> = typed(chunk).collect();
        if outputs.is_empty() {
            return Ok(());
        }
        match self.load(&outputs) {
            Ok(()) => {
                self.committed += outputs.len() as u64;
                Ok(())
            }
            Err(e) => Err(SinkError::Batch {
                articles: outputs.len(),
                first_id: super::output_id(outputs[0]).to_string(),
                last_id: super::output_id(outputs[outputs.len() - 1]).to_string(),
                committed: self.committed,
                source: Box::new(e),
            }),
        }
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_text_escapes_separators_and_nul() {
        let mut out = Vec::new();
        copy_row(
            &mut out,
            &[
                Value::Text("a\tb\\c\nd\re\0"),
                Value::Null,
                Value::Int(-3),
                Value::Float(2.5e9),
                Value::Bool(true),
                Value::Float(f64::NAN),
            ],
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a\\tb\\\\c\\nd\\re\u{FFFD}\t\\N\t-3\t2500000000.0\tt\tNaN\n"
        );
    }
}
