//! PostgreSQL sink: the normalised tables of [`super::schema`], loaded with `COPY` in batches.
//!
//! Each chunk is one transaction: the chunk's ids are deleted from `articles` (cascading to
//! every child table) and `errors`, then each table's rows are streamed with one
//! `COPY ... FROM STDIN` (text format). Re-loading replaces rows and never duplicates them; a
//! failed chunk is rolled back whole and leaves earlier chunks committed.

use super::schema::{self, EntityLinks, Value, ENTITIES, TABLES};
use super::sqlite::{add_entities, parse_type, ArticleActors};
use super::{last_occurrences, LoadedIds, Needs, Processed, Sink, SinkError};
use crate::identity::{self, Counts, EntityTable, Summary};
use crate::record::{ActorType, Output};
use postgres::Client;
use std::io::Write;

/// Loads records into PostgreSQL.
pub struct PostgresSink {
    client: Client,
    committed: u64,
    buffers: Vec<Vec<u8>>,
    links: EntityLinks,
}

/// Rows fetched per round trip when streaming a query.
const FETCH_ROWS: i32 = 10_000;

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
    /// Connect (`postgresql://user@host:port/db` or `host=... user=... dbname=...`; `sslmode`,
    /// `sslrootcert`, `PGPASSWORD` and `~/.pgpass` as with libpq: see [`super::pgconn`]) and
    /// create the tables and indexes when missing; columns added to the schema since are
    /// added.
    pub fn connect(url: &str) -> Result<Self, SinkError> {
        let mut client = super::pgconn::connect(url)?;
        let mut ddl = String::from("SET client_min_messages = warning;\n");
        ddl.push_str(&schema::ddl());
        for t in TABLES.iter().chain([&ENTITIES]) {
            for c in t.columns.iter().filter(|c| c.nullable) {
                ddl.push_str(&schema::add_column_sql(t, c, true));
                ddl.push_str(";\n");
            }
        }
        client.batch_execute(&ddl)?;
        let links = Self::read_links(&mut client)?;
        Ok(PostgresSink {
            client,
            committed: 0,
            buffers: vec![Vec::new(); TABLES.len()],
            links,
        })
    }

    /// The links of the last identity pass (from `entities`), applied to the loaded rows.
    fn read_links(client: &mut Client) -> Result<EntityLinks, SinkError> {
        let rows = client.query("SELECT id, type, aliases FROM entities", &[])?;
        Ok(identity::links_from_entities(
            rows.iter().map(|r| (r.get(0), r.get(1), r.get(2))),
        ))
    }

    /// The identity pass over the loaded database ([`crate::identity`]): links the actors'
    /// entity ids in `actors`, `roles`, `quotes` and `stances`, and rebuilds `entities`, in
    /// one transaction. Queries stream through portals, so memory stays bounded by the
    /// distinct names. Re-running it changes nothing.
    pub fn run_identity(&mut self, cfg: &identity::Config) -> Result<Summary, SinkError> {
        let mut tx = self.client.transaction()?;
        let mut counts = Counts::default();
        {
            let portal = tx.bind(
                "SELECT a.article_id, a.actor_idx, a.type, a.name, m.text FROM actors a \
                 LEFT JOIN mentions m ON m.article_id = a.article_id AND m.actor_idx = a.actor_idx \
                 ORDER BY a.article_id, a.actor_idx, m.mention_idx",
                &[],
            )?;
            let mut group = ArticleActors::default();
            loop {
                let rows = tx.query_portal(&portal, FETCH_ROWS)?;
                for row in &rows {
                    group.push(
                        row.get(0),
                        row.get(1),
                        row.get(2),
                        row.get(3),
                        row.get(4),
                        &mut counts,
                    );
                }
                if rows.len() < FETCH_ROWS as usize {
                    break;
                }
            }
            group.flush(&mut counts);
        }
        let resolver = counts.resolve(cfg);
        let mut changes = Vec::new();
        for row in tx.query("SELECT DISTINCT type, name, entity FROM actors", &[])? {
            let Some(kind) = parse_type(row.get(0)) else {
                continue;
            };
            let name: String = row.get(1);
            let old: Option<String> = row.get(2);
            let new = resolver.entity(kind, &name);
            if old.as_deref() != Some(new.as_str()) {
                changes.push((kind, name, old, new));
            }
        }
        let upd_actor = tx.prepare(
            "UPDATE actors SET entity = $1 WHERE type = $2 AND name = $3 \
             AND entity IS NOT DISTINCT FROM $4",
        )?;
        let mut upd_pos = Vec::new();
        for t in ["roles", "quotes", "stances"] {
            upd_pos.push(tx.prepare(&format!(
                "UPDATE {t} SET entity = $1 WHERE actor = $2 AND entity = $3"
            ))?);
        }
        for (kind, name, old, new) in &changes {
            tx.execute(&upd_actor, &[new, &kind.as_str(), name, old])?;
            if let Some(old) = old {
                for u in &upd_pos {
                    tx.execute(u, &[new, name, old])?;
                }
            }
        }
        for sql in identity::BACKFILL_POSITIONS_SQL {
            tx.execute(sql, &[])?;
        }
        let mut table = EntityTable::default();
        {
            let portal = tx.bind(identity::ENTITY_ROWS_SQL, &[])?;
            let mut current: Option<(String, Option<String>)> = None;
            let mut actors: Vec<(ActorType, String, String)> = Vec::new();
            loop {
                let rows = tx.query_portal(&portal, FETCH_ROWS)?;
                for row in &rows {
                    let article: String = row.get(0);
                    if current.as_ref().is_some_and(|(a, _)| *a != article) {
                        let (_, date) = current.take().expect("current article");
                        add_entities(&mut table, date.as_deref(), &actors);
                        actors.clear();
                    }
                    if current.is_none() {
                        current = Some((article, row.get(1)));
                    }
                    if let (Some(kind), Some(entity)) =
                        (parse_type(row.get(2)), row.get::<_, Option<String>>(4))
                    {
                        actors.push((kind, row.get(3), entity));
                    }
                }
                if rows.len() < FETCH_ROWS as usize {
                    break;
                }
            }
            if let Some((_, date)) = current {
                add_entities(&mut table, date.as_deref(), &actors);
            }
        }
        let rows = table.rows();
        tx.execute("DELETE FROM entities", &[])?;
        let mut buf = Vec::new();
        for r in &rows {
            let aliases = serde_json::to_string(&r.aliases).expect("aliases serialize");
            copy_row(
                &mut buf,
                &[
                    Value::Text(&r.id),
                    Value::Text(r.kind.as_str()),
                    Value::Text(&r.name),
                    Value::Text(&aliases),
                    Value::Int(r.articles as i64),
                    r.first_date.as_deref().map_or(Value::Null, Value::Text),
                    r.last_date.as_deref().map_or(Value::Null, Value::Text),
                ],
            );
        }
        let sql = format!(
            "COPY {} ({}) FROM STDIN",
            ENTITIES.name,
            schema::column_list(&ENTITIES)
        );
        let mut w = tx.copy_in(&sql)?;
        w.write_all(&buf)?;
        w.finish()?;
        tx.commit()?;
        self.links = Self::read_links(&mut self.client)?;
        Ok(Summary {
            articles: counts.articles,
            names: counts.distinct_keys(),
            linked: resolver.linked_keys(),
            entities: rows.len(),
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
                    Output::Record(r) => schema::record_rows_linked(r, &self.links, &mut emit),
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
        let mut admin = Client::connect(&url, postgres::NoTls).unwrap();
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
