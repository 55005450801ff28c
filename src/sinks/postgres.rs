//! PostgreSQL sink: the normalised tables of [`super::schema`], loaded with `COPY` in batches.
//!
//! Each chunk is one transaction: the chunk's ids are deleted from `articles` (cascading to
//! every child table) and `errors`, then each table's rows are streamed with one
//! `COPY ... FROM STDIN` (text format). Re-loading replaces rows and never duplicates them; a
//! failed chunk is rolled back whole and leaves earlier chunks committed.

use super::schema::{self, Value, TABLES};
use super::{last_occurrences, LoadedIds, Needs, Processed, Sink, SinkError};
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
        self.committed = super::load_batch(chunk, self.committed, |outputs| self.load(outputs))?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{ErrorInfo, ErrorKind, ErrorRecord};
    use crate::sinks::schema::tests::sample_record;

    /// The test server, or `None` (with a notice) outside CI; see scripts/ci-services.sh.
    fn server() -> Option<String> {
        match std::env::var("DEPECHE_TEST_POSTGRES_URL") {
            Ok(u) if !u.is_empty() => Some(u),
            _ => {
                let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
                assert!(!ci, "DEPECHE_TEST_POSTGRES_URL must be set under CI");
                eprintln!("notice: PostgreSQL unit test skipped (no DEPECHE_TEST_POSTGRES_URL)");
                None
            }
        }
    }

    #[test]
    fn copies_every_column_type_and_replaces_on_reload() {
        let Some(url) = server() else { return };
        let mut admin = Client::connect(&url, NoTls).unwrap();
        admin
            .batch_execute(
                "SET client_min_messages = warning; DROP SCHEMA IF EXISTS unit_copy CASCADE; \
                 CREATE SCHEMA unit_copy",
            )
            .unwrap();
        let sep = if url.contains('?') { '&' } else { '?' };
        let mut sink =
            PostgresSink::connect(&format!("{url}{sep}options=-csearch_path%3Dunit_copy")).unwrap();
        let mut r = sample_record();
        r.actors[0].mentions[1].span.text = "tab\there\\back\nline".into();
        let err = ErrorRecord {
            id: "f.jsonl:9".into(),
            error: ErrorInfo {
                kind: ErrorKind::MalformedJson,
                message: "ligne illisible".into(),
                source: "f.jsonl".into(),
                line: None,
            },
        };
        let chunk: Vec<Processed> = [Output::Record(Box::new(r)), Output::Error(err)]
            .into_iter()
            .map(|o| Processed {
                output: Some(o),
                ..Default::default()
            })
            .collect();
        sink.write_chunk(&chunk).unwrap();
        sink.write_chunk(&chunk).unwrap();
        let c = sink.client();
        let row = c
            .query_one("SELECT kind, value, unit, qualifier FROM amounts", &[])
            .unwrap();
        let got: (String, f64, String, String) = (row.get(0), row.get(1), row.get(2), row.get(3));
        assert_eq!(
            got,
            ("money".into(), 2.5e6, "EUR".into(), "more_than".into())
        );
        let quotes: Vec<String> = c
            .query("SELECT text FROM quotes WHERE actor = 'Claire Dupuis'", &[])
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(quotes, ["Nous tiendrons"]);
        let (resolved, org): (bool, Option<String>) = (
            c.query_one("SELECT resolved FROM dates", &[])
                .unwrap()
                .get(0),
            c.query_one("SELECT org FROM roles", &[]).unwrap().get(0),
        );
        assert!(resolved && org.is_none());
        let text: String = c
            .query_one("SELECT text FROM mentions WHERE mention_idx = 1", &[])
            .unwrap()
            .get(0);
        assert_eq!(text, "tab\there\\back\nline");
        let line: Option<i64> = c.query_one("SELECT line FROM errors", &[]).unwrap().get(0);
        assert_eq!(line, None);
        let n: i64 = c
            .query_one("SELECT count(*) FROM mentions", &[])
            .unwrap()
            .get(0);
        assert_eq!(n, 2, "re-loading the chunk replaced its rows");
        let ids = sink.loaded_ids().unwrap();
        assert!(ids.contains("r1") && ids.contains("f.jsonl:9"));
    }

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
