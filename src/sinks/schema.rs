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

mod tables;

pub use tables::{ColType, Column, ForeignKey, Table, TableId, ENTITIES, TABLES};

pub use crate::identity::EntityLinks;

fn linked<'a>(links: &'a EntityLinks, id: &'a str) -> &'a str {
    links.get(id).map_or(id, String::as_str)
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
pub(crate) mod tests;
