//! Dates, normalised to ISO 8601 at the precision the text gives.

use super::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How the text gives the date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// Complete in the text ("5 février 2025", "en 2028").
    Absolute,
    /// Missing the year or month ("mardi 11 février", "en mai").
    Partial,
    /// Relative to the article date ("hier", "la semaine dernière").
    Relative,
}

/// Precision of `value`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-Www`.
    Week,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
}

/// Where in the period the text places the date ("début juin", "mi-2019", "fin 2019").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateModifier {
    /// "début", "dès le début de".
    Early,
    /// "mi-", "à la mi-".
    Mid,
    /// "fin", "à la fin de".
    Late,
}

/// One date mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "DateMention")]
pub struct DateMention<S = Span> {
    /// ISO value; absent when a partial or relative date cannot be resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Where it is.
    #[serde(flatten)]
    pub span: S,
    /// How the text gives it.
    pub kind: DateKind,
    /// Precision of `value`.
    pub precision: Precision,
    /// False when the date needed the article date and none was given.
    pub resolved: bool,
    /// Part of the period ("début juin" -> early); absent for the whole period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<DateModifier>,
}

impl<S> DateMention<S> {
    /// The same date placed by `f(span)` (the record is built from the dates layer's token
    /// ranges this way).
    pub fn map_span<T>(self, f: impl FnOnce(S) -> T) -> DateMention<T> {
        DateMention {
            value: self.value,
            span: f(self.span),
            kind: self.kind,
            precision: self.precision,
            resolved: self.resolved,
            modifier: self.modifier,
        }
    }
}
