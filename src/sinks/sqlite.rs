//! SQLite sink (bundled SQLite): the normalised tables of [`super::schema`] in one file.
//!
//! Each chunk is one transaction: for every article the rows of its id are deleted first
//! (cascading to every child table) and the new rows inserted with prepared statements, so
//! re-loading a dump replaces rows and never duplicates them, and an interrupted load leaves
//! only whole chunks behind. The database runs in WAL mode with `synchronous = NORMAL`.

use super::schema::{self, EntityLinks, TableId, Value, ENTITIES, TABLES};
use super::{LoadedIds, Needs, Processed, Sink, SinkError};
use crate::identity::{self, Counts, EntityTable, Summary};
use crate::record::{Actor, ActorType, Mention, Output, Span};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{params_from_iter, Connection, ToSql};
use std::path::Path;

/// Loads records into a SQLite database file.
pub struct SqliteSink {
    conn: Connection,
    committed: u64,
    links: EntityLinks,
}

impl ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match *self {
            Value::Null => ValueRef::Null,
            Value::Int(n) => ValueRef::Integer(n),
            Value::Float(f) => ValueRef::Real(f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Bool(b) => ValueRef::Integer(b as i64),
        }))
    }
}

fn insert_sql(t: &schema::Table) -> String {
    let marks = vec!["?"; t.columns.len()].join(", ");
    format!(
        "INSERT INTO {} ({}) VALUES ({marks})",
        t.name,
        schema::column_list(t)
    )
}

impl SqliteSink {
    /// Open (or create) the database and its tables; columns added to the schema since the
    /// file was created are added to its tables.
    pub fn open(path: &Path) -> Result<Self, SinkError> {
        let conn = Connection::open(path)?;
        Self::with_connection(conn)
    }

    /// Use an open connection (an in-memory database in tests).
    pub fn with_connection(conn: Connection) -> Result<Self, SinkError> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -65536)?; // 64 MiB: keeps the indexes in memory
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.execute_batch(&schema::ddl())?;
        for t in TABLES.iter().chain([&ENTITIES]) {
            let have: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{}')", t.name))?
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            for c in t.columns {
                if c.nullable && !have.iter().any(|h| h == c.name) {
                    conn.execute(&schema::add_column_sql(t, c, false), [])?;
                }
            }
        }
        let links = Self::read_links(&conn)?;
        Ok(SqliteSink {
            conn,
            committed: 0,
            links,
        })
    }

    /// The links of the last identity pass (from `entities`), applied to the loaded rows.
    fn read_links(conn: &Connection) -> Result<EntityLinks, SinkError> {
        let mut stmt = conn.prepare("SELECT id, type, aliases FROM entities")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<Vec<(String, String, String)>, _>>()?;
        Ok(identity::links_from_entities(rows))
    }

    /// The identity pass over the loaded database ([`crate::identity`]): links the actors'
    /// entity ids in `actors`, `roles`, `quotes` and `stances`, and rebuilds `entities`, in
    /// one transaction. Re-running it changes nothing.
    pub fn run_identity(&mut self, cfg: &identity::Config) -> Result<Summary, SinkError> {
        let mut counts = Counts::default();
        {
            let mut stmt = self.conn.prepare(
                "SELECT a.article_id, a.actor_idx, a.type, a.name, m.text FROM actors a \
                 LEFT JOIN mentions m ON m.article_id = a.article_id AND m.actor_idx = a.actor_idx \
                 ORDER BY a.article_id, a.actor_idx, m.mention_idx",
            )?;
            let mut rows = stmt.query([])?;
            let mut group = ArticleActors::default();
            while let Some(row) = rows.next()? {
                let (article, kind, name, mention): (String, String, String, Option<String>) =
                    (row.get(0)?, row.get(2)?, row.get(3)?, row.get(4)?);
                group.push(
                    &article,
                    row.get(1)?,
                    &kind,
                    &name,
                    mention.as_deref(),
                    &mut counts,
                );
            }
            group.flush(&mut counts);
        }
        let resolver = counts.resolve(cfg);
        let changes = {
            let mut stmt = self
                .conn
                .prepare("SELECT DISTINCT type, name, entity FROM actors")?;
            let mut rows = stmt.query([])?;
            let mut changes = Vec::new();
            while let Some(row) = rows.next()? {
                let kind = parse_type(&row.get::<_, String>(0)?);
                let name: String = row.get(1)?;
                let old: Option<String> = row.get(2)?;
                if let Some(kind) = kind {
                    let new = resolver.entity(kind, &name);
                    if old.as_deref() != Some(new.as_str()) {
                        changes.push((kind, name, old, new));
                    }
                }
            }
            changes
        };
        let tx = self.conn.transaction()?;
        {
            let mut upd_actor = tx.prepare(
                "UPDATE actors SET entity = ?1 WHERE type = ?2 AND name = ?3 AND entity IS ?4",
            )?;
            let mut upd_pos = Vec::new();
            for t in ["roles", "quotes", "stances"] {
                upd_pos.push(tx.prepare(&format!(
                    "UPDATE {t} SET entity = ?1 WHERE actor = ?2 AND entity = ?3"
                ))?);
            }
            for (kind, name, old, new) in &changes {
                upd_actor.execute(rusqlite::params![new, kind.as_str(), name, old])?;
                if let Some(old) = old {
                    for u in &mut upd_pos {
                        u.execute(rusqlite::params![new, name, old])?;
                    }
                }
            }
            for sql in identity::BACKFILL_POSITIONS_SQL {
                tx.execute(sql, [])?;
            }
        }
        let mut table = EntityTable::default();
        {
            let mut stmt = tx.prepare(identity::ENTITY_ROWS_SQL)?;
            let mut rows = stmt.query([])?;
            let mut current: Option<(String, Option<String>)> = None;
            let mut actors: Vec<(ActorType, String, String)> = Vec::new();
            while let Some(row) = rows.next()? {
                let article: String = row.get(0)?;
                if current.as_ref().is_some_and(|(a, _)| *a != article) {
                    let (_, date) = current.take().expect("current article");
                    add_entities(&mut table, date.as_deref(), &actors);
                    actors.clear();
                }
                if current.is_none() {
                    current = Some((article, row.get(1)?));
                }
                if let (Some(kind), Some(entity)) = (
                    parse_type(&row.get::<_, String>(2)?),
                    row.get::<_, Option<String>>(4)?,
                ) {
                    actors.push((kind, row.get(3)?, entity));
                }
            }
            if let Some((_, date)) = current {
                add_entities(&mut table, date.as_deref(), &actors);
            }
        }
        let rows = table.rows();
        tx.execute("DELETE FROM entities", [])?;
        {
            let mut ins = tx.prepare(&insert_sql(&ENTITIES))?;
            for r in &rows {
                ins.execute(rusqlite::params![
                    r.id,
                    r.kind.as_str(),
                    r.name,
                    serde_json::to_string(&r.aliases).expect("aliases serialize"),
                    r.articles as i64,
                    r.first_date,
                    r.last_date
                ])?;
            }
        }
        tx.commit()?;
        self.links = Self::read_links(&self.conn)?;
        Ok(Summary {
            articles: counts.articles,
            names: counts.distinct_keys(),
            linked: resolver.linked_keys(),
            entities: rows.len(),
        })
    }

    /// The ids of every article and error record already in the database.
    pub fn loaded_ids(&self) -> Result<LoadedIds, SinkError> {
        let mut ids = LoadedIds::new();
        for sql in ["SELECT id FROM articles", "SELECT article_id FROM errors"] {
            let mut stmt = self.conn.prepare(sql)?;
            for id in stmt.query_map([], |row| row.get::<_, String>(0))? {
                ids.insert(id?);
            }
        }
        Ok(ids)
    }

    /// The connection, for queries.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn load(&mut self, outputs: &[&Output]) -> Result<(), SinkError> {
        let links = &self.links;
        let tx = self.conn.transaction()?;
        {
            let mut del_article = tx.prepare_cached("DELETE FROM articles WHERE id = ?1")?;
            let mut del_error = tx.prepare_cached("DELETE FROM errors WHERE article_id = ?1")?;
            let mut inserts = Vec::with_capacity(TABLES.len());
            for t in &TABLES {
                inserts.push(tx.prepare_cached(&insert_sql(t))?);
            }
            let mut failed: Option<rusqlite::Error> = None;
            let mut emit = |t: TableId, row: &[Value<'_>]| {
                if failed.is_none() {
                    if let Err(e) = inserts[t as usize].execute(params_from_iter(row.iter())) {
                        failed = Some(e);
                    }
                }
            };
            for o in outputs {
                let id = super::output_id(o);
                del_article.execute([id])?;
                del_error.execute([id])?;
                match o {
                    Output::Record(r) => schema::record_rows_linked(r, links, &mut emit),
                    Output::Error(e) => schema::error_rows(e, &mut emit),
                }
            }
            if let Some(e) = failed {
                return Err(e.into());
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// The type label of a row, `None` for a label this version does not know.
pub(crate) fn parse_type(label: &str) -> Option<ActorType> {
    serde_json::from_value(serde_json::Value::String(label.to_string())).ok()
}

pub(crate) fn add_entities(
    table: &mut EntityTable,
    date: Option<&str>,
    actors: &[(ActorType, String, String)],
) {
    table.add_article(
        date,
        actors.iter().map(|(k, n, e)| (*k, n.as_str(), e.as_str())),
    );
}

/// Rebuilds each article's actors (name, type, mention texts) from rows ordered by article
/// and actor, and counts each article when the next begins.
#[derive(Default)]
pub(crate) struct ArticleActors {
    article: Option<String>,
    actor_idx: i64,
    actors: Vec<Actor>,
}

impl ArticleActors {
    pub(crate) fn push(
        &mut self,
        article: &str,
        actor_idx: i64,
        kind: &str,
        name: &str,
        mention: Option<&str>,
        counts: &mut Counts,
    ) {
        if self.article.as_deref() != Some(article) {
            self.flush(counts);
            self.article = Some(article.to_string());
        }
        let Some(kind) = parse_type(kind) else {
            return;
        };
        if self.actors.is_empty() || self.actor_idx != actor_idx {
            self.actor_idx = actor_idx;
            self.actors.push(Actor {
                name: name.to_string(),
                kind,
                mentions: Vec::new(),
                entity: String::new(),
            });
        }
        if let (Some(text), Some(a)) = (mention, self.actors.last_mut()) {
            a.mentions.push(Mention {
                span: Span {
                    text: text.to_string(),
                    ..Default::default()
                },
            });
        }
    }

    pub(crate) fn flush(&mut self, counts: &mut Counts) {
        if self.article.take().is_some() {
            counts.add_article(&self.actors);
        }
        self.actors.clear();
    }
}

impl Sink for SqliteSink {
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
        // Fold the WAL into the main file so a copied .db file is complete on its own.
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{ErrorInfo, ErrorKind, ErrorRecord, Record};
    use crate::sinks::schema::tests::sample_record;

    fn processed(outputs: Vec<Output>) -> Vec<Processed> {
        outputs
            .into_iter()
            .map(|o| Processed {
                ok: matches!(o, Output::Record(_)),
                output: Some(o),
                line: Vec::new(),
            })
            .collect()
    }

    fn record(r: Record) -> Output {
        Output::Record(Box::new(r))
    }

    fn error(id: &str) -> Output {
        Output::Error(ErrorRecord {
            id: id.into(),
            error: ErrorInfo {
                kind: ErrorKind::MalformedJson,
                message: "ligne illisible".into(),
                source: "dump.jsonl".into(),
                line: Some(7),
            },
        })
    }

    fn count(sink: &SqliteSink, table: &str) -> i64 {
        sink.connection()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    fn sink() -> SqliteSink {
        SqliteSink::with_connection(Connection::open_in_memory().unwrap()).unwrap()
    }

    #[test]
    fn loads_every_table_and_answers_queries() {
        let mut s = sink();
        s.write_chunk(&processed(vec![
            record(sample_record()),
            error("dump.jsonl:7"),
        ]))
        .unwrap();
        let amounts: Vec<(String, f64, String, String)> = s
            .connection()
            .prepare("SELECT kind, value, unit, qualifier FROM amounts WHERE article_id = 'r1'")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            amounts,
            [("money".into(), 2.5e6, "EUR".into(), "more_than".into())]
        );
        let quotes: Vec<String> = s
            .connection()
            .prepare("SELECT text FROM quotes WHERE actor = 'Claire Dupuis'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(quotes, ["Nous tiendrons"]);
        let mentions: i64 = s
            .connection()
            .query_row(
                "SELECT count(*) FROM mentions m JOIN actors a USING (article_id, actor_idx) \
                 WHERE a.name = 'Claire Dupuis' AND a.type = 'PER'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(mentions, 2);
        let (kind, line): (String, i64) = s
            .connection()
            .query_row("SELECT kind, line FROM errors", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((kind.as_str(), line), ("malformed_json", 7));
        let resolved: bool = s
            .connection()
            .query_row("SELECT resolved FROM dates", [], |r| r.get(0))
            .unwrap();
        assert!(resolved);
    }

    #[test]
    fn reloading_replaces_an_articles_rows() {
        let mut s = sink();
        let chunk = processed(vec![record(sample_record())]);
        s.write_chunk(&chunk).unwrap();
        s.write_chunk(&chunk).unwrap();
        for (table, n) in [
            ("articles", 1),
            ("actors", 1),
            ("mentions", 2),
            ("quotes", 1),
        ] {
            assert_eq!(count(&s, table), n, "{table}");
        }
        let mut fewer = sample_record();
        fewer.actors[0].mentions.truncate(1);
        fewer.positions.clear();
        s.write_chunk(&processed(vec![record(fewer)])).unwrap();
        for (table, n) in [
            ("articles", 1),
            ("mentions", 1),
            ("quotes", 0),
            ("roles", 0),
        ] {
            assert_eq!(count(&s, table), n, "{table}");
        }
        // The same id failing later replaces the record by an error row, and back.
        s.write_chunk(&processed(vec![error("r1")])).unwrap();
        assert_eq!((count(&s, "articles"), count(&s, "errors")), (0, 1));
        s.write_chunk(&processed(vec![record(sample_record())]))
            .unwrap();
        assert_eq!((count(&s, "articles"), count(&s, "errors")), (1, 0));
    }

    #[test]
    fn a_repeated_id_in_one_chunk_keeps_the_last() {
        let mut s = sink();
        let mut second = sample_record();
        second.amounts.clear();
        s.write_chunk(&processed(vec![record(sample_record()), record(second)]))
            .unwrap();
        assert_eq!((count(&s, "articles"), count(&s, "amounts")), (1, 0));
    }

    #[test]
    fn a_failed_batch_keeps_nothing_of_itself_and_everything_before() {
        let mut s = sink();
        s.connection()
            .execute_batch(
                "CREATE TRIGGER boom BEFORE INSERT ON articles WHEN NEW.id = 'bad' \
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        let r = |id: &str| {
            let mut x = sample_record();
            x.id = id.into();
            record(x)
        };
        s.write_chunk(&processed(vec![r("a"), r("b")])).unwrap();
        let err = s
            .write_chunk(&processed(vec![r("c"), r("bad"), r("d")]))
            .unwrap_err();
        match &err {
            SinkError::Batch {
                articles,
                first_id,
                last_id,
                committed,
                ..
            } => {
                assert_eq!((*articles, *committed), (3, 2));
                assert_eq!((first_id.as_str(), last_id.as_str()), ("c", "d"));
            }
            other => panic!("expected a batch error, got {other}"),
        }
        assert!(err.to_string().contains("refused"), "{err}");
        assert_eq!(count(&s, "articles"), 2);
        assert_eq!(count(&s, "actors"), 2);
        let ids = s.loaded_ids().unwrap();
        assert!(ids.contains("a") && ids.contains("b") && !ids.contains("c"));
    }

    #[test]
    fn opening_an_older_database_adds_new_nullable_columns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(
                "CREATE TABLE articles (id TEXT NOT NULL PRIMARY KEY, date TEXT, chars BIGINT \
                 NOT NULL, bytes BIGINT NOT NULL, tokens BIGINT NOT NULL, sentences BIGINT NOT \
                 NULL, paragraphs BIGINT NOT NULL);",
            )
            .unwrap();
        }
        let mut s = SqliteSink::open(&path).unwrap();
        let mut r = sample_record();
        r.warnings = vec!["date illisible".into()];
        s.write_chunk(&processed(vec![record(r)])).unwrap();
        s.finish().unwrap();
        let w: String = s
            .connection()
            .query_row("SELECT warnings FROM articles", [], |r| r.get(0))
            .unwrap();
        assert_eq!(w, "[\"date illisible\"]");
    }
}

#[cfg(test)]
mod speed {
    use super::*;
    use crate::sinks::schema::tests::sample_record;

    /// Loading speed with news-sized records (24 actors with 3 mentions, 12 amounts, 8 dates,
    /// 6 positions each): `cargo test --release --lib sqlite_load_speed -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn sqlite_load_speed() {
        let base = sample_record();
        let mut r = base.clone();
        r.actors = (0..24)
            .map(|i| {
                let mut a = base.actors[0].clone();
                a.name = format!("Acteur {i}");
                a.mentions.push(a.mentions[0].clone());
                a
            })
            .collect();
        r.amounts = vec![base.amounts[0].clone(); 12];
        r.dates = vec![base.dates[0].clone(); 8];
        r.positions = [base.positions.clone(), base.positions.clone()].concat();
        let dir = tempfile::tempdir().unwrap();
        let mut sink = SqliteSink::open(&dir.path().join("speed.db")).unwrap();
        let (chunks, per_chunk) = (20, 1024);
        let t = std::time::Instant::now();
        for c in 0..chunks {
            let chunk: Vec<Processed> = (0..per_chunk)
                .map(|i| {
                    let mut x = r.clone();
                    x.id = format!("a{c}-{i}");
                    Processed {
                        output: Some(Output::Record(Box::new(x))),
                        ..Default::default()
                    }
                })
                .collect();
            sink.write_chunk(&chunk).unwrap();
        }
        sink.finish().unwrap();
        let s = t.elapsed().as_secs_f64();
        let n = (chunks * per_chunk) as f64;
        eprintln!(
            "sqlite sink: {n} articles ({} rows each) in {s:.2} s: {:.0} articles/s",
            1 + 24 * 4 + 12 + 8 + 6,
            n / s
        );
    }
}
