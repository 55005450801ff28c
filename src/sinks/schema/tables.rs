//! The tables: every column with its type, keys and indexes, as data.

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
