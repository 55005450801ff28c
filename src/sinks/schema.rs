//! The normalised table layout shared by every table sink (SQLite, PostgreSQL, Parquet).
//!
//! One declarative description ([`TABLES`]) drives the DDL, the insert statements, the COPY
//! column lists and the Parquet schemas; one mapping function per table ([`record_rows`],
//! [`error_rows`]) turns a record into rows in the same column order. To carry a new record
//! field into the databases, add a nullable [`Column`] to its table and push its value at the
//! same position in the row: existing SQLite and PostgreSQL databases gain the column on the
//! next load (see [`add_column_sql`]).
//!
//! Every child row carries the article id and its index in the record's list (`actor_idx`,
//! `amount_idx`, ...), so the order of the JSON record is kept and keys are stable across
//! re-loads. Deleting an article deletes its rows in every table (`ON DELETE CASCADE`).

use crate::record::{ErrorRecord, Position, Record, Span};
use serde::Serialize;

/// The type of a column, mapped to each backend's own type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColType {
    /// UTF-8 text.
    Text,
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// Boolean (0/1 in SQLite).
    Bool,
}

impl ColType {
    /// The SQL type name; the same names work in PostgreSQL and SQLite (whose type affinity
    /// maps BIGINT to INTEGER, DOUBLE PRECISION to REAL and BOOLEAN to NUMERIC).
    pub fn sql(self) -> &'static str {
        match self {
            ColType::Text => "TEXT",
            ColType::Int => "BIGINT",
            ColType::Float => "DOUBLE PRECISION",
            ColType::Bool => "BOOLEAN",
        }
    }
}

/// One column.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// Column name.
    pub name: &'static str,
    /// Its type.
    pub ty: ColType,
    /// Whether it may hold NULL.
    pub nullable: bool,
}

const fn col(name: &'static str, ty: ColType) -> Column {
    Column {
        name,
        ty,
        nullable: false,
    }
}

const fn opt(name: &'static str, ty: ColType) -> Column {
    Column {
        name,
        ty,
        nullable: true,
    }
}

/// A foreign key to a parent table, with `ON DELETE CASCADE`.
#[derive(Clone, Copy, Debug)]
pub struct ForeignKey {
    /// Columns of this table.
    pub columns: &'static [&'static str],
    /// The parent table.
    pub table: &'static str,
    /// The parent's key columns.
    pub references: &'static [&'static str],
}

/// One table.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    /// Table name.
    pub name: &'static str,
    /// Columns, in row order.
    pub columns: &'static [Column],
    /// Primary key columns.
    pub primary_key: &'static [&'static str],
    /// Foreign key to the parent table, if any.
    pub parent: Option<ForeignKey>,
    /// Secondary indexes (each a list of columns).
    pub indexes: &'static [&'static [&'static str]],
}

/// The usual parent link: a row belongs to the article `article_id`.
const ARTICLE_FK: ForeignKey = ForeignKey {
    columns: &["article_id"],
    table: "articles",
    references: &["id"],
};

/// The tables, parents before children. [`TableId`] indexes this list.
pub static TABLES: [Table; 9] = [
    Table {
        name: "articles",
        columns: &[
            col("id", ColType::Text),
            opt("date", ColType::Text),
            col("chars", ColType::Int),
            col("bytes", ColType::Int),
            col("tokens", ColType::Int),
            col("sentences", ColType::Int),
            col("paragraphs", ColType::Int),
            opt("source_file", ColType::Text),
            opt("source_line", ColType::Int),
            opt("warnings", ColType::Text),
        ],
        primary_key: &["id"],
        parent: None,
        indexes: &[&["date"]],
    },
    Table {
        name: "actors",
        columns: &[
            col("article_id", ColType::Text),
            col("actor_idx", ColType::Int),
            col("name", ColType::Text),
            col("type", ColType::Text),
            col("mention_count", ColType::Int),
            opt("entity", ColType::Text),
        ],
        primary_key: &["article_id", "actor_idx"],
        parent: Some(ARTICLE_FK),
        indexes: &[&["name", "type"], &["type", "name"], &["entity"]],
    },
    Table {
        name: "mentions",
        columns: &[
            col("article_id", ColType::Text),
            col("actor_idx", ColType::Int),
            col("mention_idx", ColType::Int),
            col("char_start", ColType::Int),
            col("char_end", ColType::Int),
            col("text", ColType::Text),
            col("sentence", ColType::Int),
        ],
        primary_key: &["article_id", "actor_idx", "mention_idx"],
        parent: Some(ForeignKey {
            columns: &["article_id", "actor_idx"],
            table: "actors",
            references: &["article_id", "actor_idx"],
        }),
        indexes: &[],
    },
    Table {
        name: "amounts",
        columns: &[
            col("article_id", ColType::Text),
            col("amount_idx", ColType::Int),
            col("kind", ColType::Text),
            col("value", ColType::Float),
            opt("unit", ColType::Text),
            opt("qualifier", ColType::Text),
            col("char_start", ColType::Int),
            col("char_end", ColType::Int),
            col("text", ColType::Text),
            col("sentence", ColType::Int),
            opt("low", ColType::Float),
            opt("high", ColType::Float),
            opt("rate", ColType::Text),
            opt("refers_to", ColType::Text),
        ],
        primary_key: &["article_id", "amount_idx"],
        parent: Some(ARTICLE_FK),
        indexes: &[&["kind", "unit", "value"], &["unit"]],
    },
    Table {
        name: "dates",
        columns: &[
            col("article_id", ColType::Text),
            col("date_idx", ColType::Int),
            opt("value", ColType::Text),
            col("kind", ColType::Text),
            col("precision", ColType::Text),
            col("resolved", ColType::Bool),
            col("char_start", ColType::Int),
            col("char_end", ColType::Int),
            col("text", ColType::Text),
            col("sentence", ColType::Int),
            opt("modifier", ColType::Text),
        ],
        primary_key: &["article_id", "date_idx"],
        parent: Some(ARTICLE_FK),
        indexes: &[&["value"]],
    },
    Table {
        name: "roles",
        columns: &[
            col("article_id", ColType::Text),
            col("position_idx", ColType::Int),
            col("actor", ColType::Text),
            col("title", ColType::Text),
            opt("org", ColType::Text),
            col("char_start", ColType::Int),
            col("char_end", ColType::Int),
            col("text", ColType::Text),
            col("sentence", ColType::Int),
            opt("entity", ColType::Text),
        ],
        primary_key: &["article_id", "position_idx"],
        parent: Some(ARTICLE_FK),
        indexes: &[&["actor"], &["title"], &["entity"]],
    },
    Table {
        name: "quotes",
        columns: &[
            col("article_id", ColType::Text),
            col("position_idx", ColType::Int),
            opt("actor", ColType::Text),
            col("text", ColType::Text),
            opt("cue", ColType::Text),
            col("char_start", ColType::Int),
            col("char_end", ColType::Int),
            opt("speaker_start", ColType::Int),
            opt("speaker_end", ColType::Int),
            opt("speaker_text", ColType::Text),
            opt("entity", ColType::Text),
        ],
        primary_key: &["article_id", "position_idx"],
        parent: Some(ARTICLE_FK),
        indexes: &[&["actor"], &["entity"]],
    },
    Table {
        name: "stances",
        columns: &[
            col("article_id", ColType::Text),
            col("position_idx", ColType::Int),
            col("actor", ColType::Text),
            col("polarity", ColType::Text),
            col("target", ColType::Text),
            opt("cue", ColType::Text),
            col("char_start", ColType::Int),
            col("char_end", ColType::Int),
            col("text", ColType::Text),
            col("sentence", ColType::Int),
            opt("entity", ColType::Text),
        ],
        primary_key: &["article_id", "position_idx"],
        parent: Some(ARTICLE_FK),
        indexes: &[&["actor"], &["target"], &["entity"]],
    },
    Table {
        name: "errors",
        columns: &[
            col("article_id", ColType::Text),
            col("kind", ColType::Text),
            col("message", ColType::Text),
            col("source", ColType::Text),
            opt("line", ColType::Int),
        ],
        primary_key: &["article_id"],
        parent: None,
        indexes: &[&["kind"]],
    },
];

/// The `entities` table: one row per entity of the dump, (re)built by `depeche identity`
/// (not by the record loads, so it is not in [`TABLES`]). `aliases` is a JSON object of the
/// canonical names the records give the entity and the number of articles using each;
/// `first_date` and `last_date` are the least and greatest article dates.
pub static ENTITIES: Table = Table {
    name: "entities",
    columns: &[
        col("id", ColType::Text),
        col("type", ColType::Text),
        col("name", ColType::Text),
        col("aliases", ColType::Text),
        col("articles", ColType::Int),
        opt("first_date", ColType::Text),
        opt("last_date", ColType::Text),
    ],
    primary_key: &["id"],
    parent: None,
    indexes: &[&["type", "name"], &["name"], &["articles"]],
};

/// Links from stable entity ids to the ids `depeche identity` resolved them to (only the ids
/// that differ). Sinks apply them when loading, so re-loading after the pass keeps its ids.
pub type EntityLinks = std::collections::HashMap<String, String>;

fn linked<'a>(links: &'a EntityLinks, id: &'a str) -> &'a str {
    links.get(id).map_or(id, String::as_str)
}

/// Index of a table in [`TABLES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum TableId {
    /// `articles`: one row per record.
    Articles = 0,
    /// `actors`: one row per actor of a record.
    Actors = 1,
    /// `mentions`: one row per mention of an actor.
    Mentions = 2,
    /// `amounts`.
    Amounts = 3,
    /// `dates`.
    Dates = 4,
    /// `roles` (positions of kind role).
    Roles = 5,
    /// `quotes` (positions of kind quote).
    Quotes = 6,
    /// `stances` (positions of kind stance).
    Stances = 7,
    /// `errors`: one row per error record.
    Errors = 8,
}

impl TableId {
    /// The table's description.
    pub fn table(self) -> &'static Table {
        &TABLES[self as usize]
    }
}

/// One cell value, borrowed from the record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    /// NULL.
    Null,
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// Text.
    Text(&'a str),
    /// A boolean.
    Bool(bool),
}

fn int(n: usize) -> Value<'static> {
    Value::Int(n as i64)
}

fn float_or_null(f: Option<f64>) -> Value<'static> {
    f.map_or(Value::Null, Value::Float)
}

fn text_or_null(s: Option<&str>) -> Value<'_> {
    s.map_or(Value::Null, Value::Text)
}

/// The serde name of a unit enum variant (`AmountKind::Money` -> `"money"`), so the tables use
/// the same words as the JSON records and new variants need no code here.
pub fn variant_name<T: Serialize>(value: &T) -> &'static str {
    serde_variant::to_variant_name(value).unwrap_or("")
}

/// Receives `f(table, row)` for every row of a record, parents before children.
pub fn record_rows(r: &Record, emit: &mut dyn FnMut(TableId, &[Value<'_>])) {
    record_rows_linked(r, &EntityLinks::new(), emit)
}

/// [`record_rows`] with the entity ids of actors and positions mapped through `links`.
pub fn record_rows_linked(
    r: &Record,
    links: &EntityLinks,
    emit: &mut dyn FnMut(TableId, &[Value<'_>]),
) {
    let id = r.id.as_str();
    let warnings = (!r.warnings.is_empty())
        .then(|| serde_json::to_string(&r.warnings).expect("strings serialize"));
    let source = r.source.as_ref();
    emit(
        TableId::Articles,
        &[
            Value::Text(id),
            text_or_null(r.date.as_deref()),
            int(r.stats.chars),
            int(r.stats.bytes),
            int(r.stats.tokens),
            int(r.stats.sentences),
            int(r.stats.paragraphs),
            text_or_null(source.map(|s| s.file.as_str())),
            source
                .and_then(|s| s.line)
                .map_or(Value::Null, |l| Value::Int(l as i64)),
            text_or_null(warnings.as_deref()),
        ],
    );
    for (ai, a) in r.actors.iter().enumerate() {
        emit(
            TableId::Actors,
            &[
                Value::Text(id),
                int(ai),
                Value::Text(&a.name),
                Value::Text(a.kind.as_str()),
                int(a.mentions.len()),
                if a.entity.is_empty() {
                    Value::Null
                } else {
                    Value::Text(linked(links, &a.entity))
                },
            ],
        );
        for (mi, m) in a.mentions.iter().enumerate() {
            let s = &m.span;
            emit(
                TableId::Mentions,
                &[
                    Value::Text(id),
                    int(ai),
                    int(mi),
                    int(s.start),
                    int(s.end),
                    Value::Text(&s.text),
                    int(s.sentence),
                ],
            );
        }
    }
    for (i, a) in r.amounts.iter().enumerate() {
        let s = &a.span;
        emit(
            TableId::Amounts,
            &[
                Value::Text(id),
                int(i),
                Value::Text(variant_name(&a.kind)),
                Value::Float(a.value),
                text_or_null(a.unit.as_deref()),
                text_or_null(a.qualifier.as_ref().map(variant_name)),
                int(s.start),
                int(s.end),
                Value::Text(&s.text),
                int(s.sentence),
                float_or_null(a.low),
                float_or_null(a.high),
                text_or_null(a.rate.as_deref()),
                text_or_null(a.refers_to.as_deref()),
            ],
        );
    }
    for (i, d) in r.dates.iter().enumerate() {
        let s = &d.span;
        emit(
            TableId::Dates,
            &[
                Value::Text(id),
                int(i),
                text_or_null(d.value.as_deref()),
                Value::Text(variant_name(&d.kind)),
                Value::Text(variant_name(&d.precision)),
                Value::Bool(d.resolved),
                int(s.start),
                int(s.end),
                Value::Text(&s.text),
                int(s.sentence),
                text_or_null(d.modifier.as_ref().map(variant_name)),
            ],
        );
    }
    for (i, p) in r.positions.iter().enumerate() {
        let entity = text_or_null(p.entity().map(|e| linked(links, e)));
        position_rows(id, i, p, entity, emit);
    }
}

fn span_cells(s: &Span) -> [Value<'_>; 4] {
    [
        int(s.start),
        int(s.end),
        Value::Text(&s.text),
        int(s.sentence),
    ]
}

fn position_rows(
    id: &str,
    i: usize,
    p: &Position,
    entity: Value<'_>,
    emit: &mut dyn FnMut(TableId, &[Value<'_>]),
) {
    match p {
        Position::Role(r) => {
            let [a, b, c, d] = span_cells(&r.span);
            emit(
                TableId::Roles,
                &[
                    Value::Text(id),
                    int(i),
                    Value::Text(&r.actor),
                    Value::Text(&r.title),
                    text_or_null(r.org.as_deref()),
                    a,
                    b,
                    c,
                    d,
                    entity,
                ],
            );
        }
        Position::Quote(q) => emit(
            TableId::Quotes,
            &[
                Value::Text(id),
                int(i),
                text_or_null(q.actor.as_deref()),
                Value::Text(&q.text),
                text_or_null(q.cue.as_deref()),
                int(q.start),
                int(q.end),
                q.speaker.as_ref().map_or(Value::Null, |sp| int(sp.start)),
                q.speaker.as_ref().map_or(Value::Null, |sp| int(sp.end)),
                text_or_null(q.speaker.as_ref().map(|sp| sp.text.as_str())),
                entity,
            ],
        ),
        Position::Stance(s) => {
            let [a, b, c, d] = span_cells(&s.span);
            emit(
                TableId::Stances,
                &[
                    Value::Text(id),
                    int(i),
                    Value::Text(&s.actor),
                    Value::Text(variant_name(&s.polarity)),
                    Value::Text(&s.target),
                    text_or_null(s.cue.as_deref()),
                    a,
                    b,
                    c,
                    d,
                    entity,
                ],
            );
        }
        // A position kind added later without a table yet is kept in the JSON output only.
        #[allow(unreachable_patterns)]
        _ => {}
    }
}

/// Receives the row of an error record.
pub fn error_rows(e: &ErrorRecord, emit: &mut dyn FnMut(TableId, &[Value<'_>])) {
    emit(
        TableId::Errors,
        &[
            Value::Text(&e.id),
            Value::Text(variant_name(&e.error.kind)),
            Value::Text(&e.error.message),
            Value::Text(&e.error.source),
            e.error.line.map_or(Value::Null, |l| Value::Int(l as i64)),
        ],
    );
}

/// The DDL of every table and index, valid in both PostgreSQL and SQLite (SQLite enforces the
/// `ON DELETE CASCADE` keys only with `PRAGMA foreign_keys = ON`, which the SQLite sink sets).
pub fn ddl() -> String {
    let mut out = String::from(
        "-- depeche: normalised record tables (PostgreSQL and SQLite).\n\
         -- Offsets (char_start, char_end) count Unicode code points, end exclusive.\n\
         -- *_idx columns keep the order of the lists in the JSON record.\n",
    );
    for t in TABLES.iter().chain([&ENTITIES]) {
        out.push_str(&create_table_sql(t));
        out.push_str(";\n");
        for cols in t.indexes {
            out.push_str(&create_index_sql(t, cols));
            out.push_str(";\n");
        }
    }
    out
}

/// `CREATE TABLE IF NOT EXISTS` for one table.
pub fn create_table_sql(t: &Table) -> String {
    let mut s = format!("CREATE TABLE IF NOT EXISTS {} (\n", t.name);
    for c in t.columns {
        s.push_str(&format!(
            "    {} {}{},\n",
            c.name,
            c.ty.sql(),
            if c.nullable { "" } else { " NOT NULL" }
        ));
    }
    s.push_str(&format!("    PRIMARY KEY ({})", t.primary_key.join(", ")));
    if let Some(fk) = &t.parent {
        s.push_str(&format!(
            ",\n    FOREIGN KEY ({}) REFERENCES {} ({}) ON DELETE CASCADE",
            fk.columns.join(", "),
            fk.table,
            fk.references.join(", ")
        ));
    }
    s.push_str("\n)");
    s
}

/// `CREATE INDEX IF NOT EXISTS` for one index of a table.
pub fn create_index_sql(t: &Table, cols: &[&str]) -> String {
    format!(
        "CREATE INDEX IF NOT EXISTS {}_{} ON {} ({})",
        t.name,
        cols.join("_"),
        t.name,
        cols.join(", ")
    )
}

/// `ALTER TABLE ... ADD COLUMN` for a column missing from an existing table (nullable columns
/// only: a NOT NULL column cannot be added to a table with rows).
pub fn add_column_sql(t: &Table, c: &Column, if_not_exists: bool) -> String {
    format!(
        "ALTER TABLE {} ADD COLUMN {}{} {}",
        t.name,
        if if_not_exists { "IF NOT EXISTS " } else { "" },
        c.name,
        c.ty.sql()
    )
}

/// The column list of a table: `a, b, c`.
pub fn column_list(t: &Table) -> String {
    t.columns
        .iter()
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::record::{
        Actor, ActorType, Amount, AmountKind, DateKind, DateMention, DateModifier, ErrorInfo,
        ErrorKind, Mention, Polarity, Precision, Qualifier, Quote, Role, Stance,
    };

    fn span(start: usize, text: &str, sentence: usize) -> Span {
        Span {
            start,
            end: start + text.chars().count(),
            text: text.into(),
            sentence,
            ..Default::default()
        }
    }

    /// A record with one of everything, written for these tests.
    pub(crate) fn sample_record() -> Record {
        let mut r = Record {
            id: "r1".into(),
            date: Some("2025-03-04".into()),
            actors: vec![Actor {
                name: "Claire Dupuis".into(),
                kind: ActorType::Per,
                mentions: vec![
                    Mention {
                        span: span(0, "Claire Dupuis", 0),
                    },
                    Mention {
                        span: span(60, "Dupuis", 1),
                    },
                ],
                entity: String::new(),
            }],
            amounts: vec![Amount {
                kind: AmountKind::Money,
                value: 2.5e6,
                unit: Some("EUR".into()),
                span: span(30, "2,5 millions d'euros", 0),
                qualifier: Some(Qualifier::MoreThan),
                low: None,
                high: None,
                rate: Some("an".into()),
                refers_to: Some("2025".into()),
            }],
            dates: vec![DateMention {
                value: Some("2025-03-03".into()),
                span: span(20, "hier", 0),
                kind: DateKind::Relative,
                precision: Precision::Day,
                resolved: true,
                modifier: Some(DateModifier::Early),
            }],
            positions: vec![
                Position::Role(Role {
                    actor: "Claire Dupuis".into(),
                    entity: None,
                    title: "maire".into(),
                    org: None,
                    span: span(0, "Claire Dupuis, maire", 0),
                }),
                Position::Quote(Quote {
                    actor: Some("Claire Dupuis".into()),
                    entity: None,
                    text: "Nous tiendrons".into(),
                    cue: Some("a déclaré".into()),
                    start: 70,
                    end: 84,
                    speaker: Some(span(86, "la maire", 1)),
                }),
                Position::Stance(Stance {
                    actor: "Claire Dupuis".into(),
                    entity: None,
                    polarity: Polarity::Against,
                    target: "la fermeture".into(),
                    cue: Some("s'oppose à".into()),
                    span: span(90, "s'oppose à la fermeture", 2),
                }),
            ],
            ..Default::default()
        };
        r.assign_entities();
        r
    }

    fn collect(r: &Record) -> Vec<(TableId, Vec<String>)> {
        let mut rows = Vec::new();
        record_rows(r, &mut |t, row| {
            rows.push((t, row.iter().map(|v| format!("{v:?}")).collect()));
        });
        rows
    }

    #[test]
    fn every_row_matches_its_table_width() {
        let r = sample_record();
        let mut rows = Vec::new();
        record_rows(&r, &mut |t, row| rows.push((t, row.len())));
        let e = ErrorRecord {
            id: "x".into(),
            error: ErrorInfo {
                kind: ErrorKind::EmptyText,
                message: "vide".into(),
                source: "a.jsonl".into(),
                line: Some(3),
            },
        };
        error_rows(&e, &mut |t, row| rows.push((t, row.len())));
        let tables: Vec<TableId> = rows.iter().map(|r| r.0).collect();
        use TableId::*;
        assert_eq!(
            tables,
            [
                Articles, Actors, Mentions, Mentions, Amounts, Dates, Roles, Quotes, Stances,
                Errors
            ]
        );
        for (t, width) in rows {
            assert_eq!(width, t.table().columns.len(), "{}", t.table().name);
        }
    }

    #[test]
    fn enum_cells_use_the_json_words() {
        let rows = collect(&sample_record());
        let amount = &rows.iter().find(|r| r.0 == TableId::Amounts).unwrap().1;
        assert_eq!(amount[2], "Text(\"money\")");
        assert_eq!(amount[5], "Text(\"more_than\")");
        assert_eq!(amount[12], "Text(\"an\")");
        assert_eq!(amount[13], "Text(\"2025\")");
        assert_eq!(amount[10], "Null");
        let date = &rows.iter().find(|r| r.0 == TableId::Dates).unwrap().1;
        assert_eq!(date[3], "Text(\"relative\")");
        assert_eq!(date[4], "Text(\"day\")");
        assert_eq!(date[10], "Text(\"early\")");
        let stance = &rows.iter().find(|r| r.0 == TableId::Stances).unwrap().1;
        assert_eq!(stance[3], "Text(\"against\")");
        assert_eq!(variant_name(&ErrorKind::MalformedJson), "malformed_json");
        assert_eq!(variant_name(&ActorType::Org), "ORG");
        assert_eq!(variant_name(&"not an enum"), "");
    }

    #[test]
    fn positions_keep_their_index_in_the_record() {
        let rows = collect(&sample_record());
        let idx: Vec<&str> = rows
            .iter()
            .filter(|r| matches!(r.0, TableId::Roles | TableId::Quotes | TableId::Stances))
            .map(|r| r.1[1].as_str())
            .collect();
        assert_eq!(idx, ["Int(0)", "Int(1)", "Int(2)"]);
    }

    #[test]
    fn ddl_names_every_table_key_and_index() {
        let sql = ddl();
        for t in &TABLES {
            assert!(sql.contains(&format!("CREATE TABLE IF NOT EXISTS {} (", t.name)));
        }
        assert!(sql.contains("FOREIGN KEY (article_id, actor_idx) REFERENCES actors"));
        assert!(sql.contains("ON DELETE CASCADE"));
        assert!(sql.contains("CREATE INDEX IF NOT EXISTS actors_name_type ON actors (name, type)"));
        assert!(sql.contains("CREATE INDEX IF NOT EXISTS amounts_kind_unit_value"));
        // Children come after their parents, so the DDL runs top to bottom.
        for (i, t) in TABLES.iter().enumerate() {
            if let Some(fk) = &t.parent {
                assert!(TABLES[..i].iter().any(|p| p.name == fk.table), "{}", t.name);
            }
        }
    }

    #[test]
    fn table_ids_point_at_their_tables() {
        use TableId::*;
        let ids = [
            Articles, Actors, Mentions, Amounts, Dates, Roles, Quotes, Stances, Errors,
        ];
        let names: Vec<&str> = ids.iter().map(|t| t.table().name).collect();
        assert_eq!(
            names,
            [
                "articles", "actors", "mentions", "amounts", "dates", "roles", "quotes", "stances",
                "errors"
            ]
        );
    }
}
