//! The extraction record: what one article becomes. Serialized as one JSON object per line.
//!
//! Offsets (`start`, `end`) count Unicode code points in the article text, end exclusive, so
//! `text[start:end]` (Python) equals the span's `text`. The JSON Schema in
//! `schema/record.schema.json` is generated from these types (`depeche schema`).

mod actor;
mod amount;
mod date;
mod entity;
mod position;

pub use actor::{Actor, ActorType, Mention};
pub use amount::{Amount, AmountKind, Qualifier};
pub use date::{DateKind, DateMention, DateModifier, Precision};
pub use entity::{entity_id, entity_id_of_key, name_key};
pub use position::{Polarity, Position, Quote, Role, Stance};

use crate::article::Source;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A piece of the article: code-point offsets, the covered text, and its sentence.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// The covered text, exactly as in the article.
    pub text: String,
    /// Index of the sentence the span starts in (0-based).
    pub sentence: usize,
}

/// Size counts of the article, as the pipeline saw it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Stats {
    /// Code points in the text.
    pub chars: usize,
    /// Bytes of UTF-8 text.
    pub bytes: usize,
    /// Tokens.
    pub tokens: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
}

/// The record of one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    /// The article id from the input.
    pub id: String,
    /// The article date from the input (ISO 8601), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// People, organisations, places and other named entities: one per real entity.
    pub actors: Vec<Actor>,
    /// Money, percentages, counts and ratios.
    pub amounts: Vec<Amount>,
    /// Dates, resolved to ISO values where possible.
    pub dates: Vec<DateMention>,
    /// Roles, quotes and stances.
    pub positions: Vec<Position>,
    /// Size counts.
    pub stats: Stats,
    /// Where the article came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Non-fatal problems with the input of this article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// What kind of problem kept an article from producing a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The JSON line could not be parsed.
    MalformedJson,
    /// The line parsed but is not a JSON object.
    NotAnObject,
    /// The text field is absent.
    MissingText,
    /// The text field is present but not a string.
    TextNotString,
    /// The text is empty or only white space.
    EmptyText,
    /// The text is larger than the configured cap.
    TooLarge,
    /// The bytes are not valid UTF-8 (use `--lossy` to replace and continue).
    InvalidUtf8,
    /// The file could not be read.
    Unreadable,
    /// The `date` field is not an ISO date (the article is still processed; see record).
    BadDate,
    /// The pipeline failed on this article (a bug: please report it).
    Internal,
    /// The NER model failed on this article (the transformer backend: out of memory, a
    /// tokenizer failure).
    Model,
}

/// The error part of an error record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorInfo {
    /// Machine-readable kind.
    pub kind: ErrorKind,
    /// What went wrong and what to do about it.
    pub message: String,
    /// The input file.
    pub source: String,
    /// 1-based line number in a JSON Lines input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// The output line for an article that yields no record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorRecord {
    /// The article id when it could be read, else `FILE:LINE`.
    pub id: String,
    /// What went wrong.
    pub error: ErrorInfo,
}

/// One output line: a record or an error record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Output {
    /// A successful extraction.
    Record(Box<Record>),
    /// An article that could not be processed.
    Error(ErrorRecord),
}

/// The JSON Schema of one output line.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Output);
    serde_json::to_value(schema).expect("schema serializes")
}
