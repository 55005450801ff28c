//! Amounts: money, percentages, counts, ratios.

use super::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What an amount measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    /// Money, with an ISO 4217 `unit`.
    Money,
    /// A percentage (`12,5 %` -> 12.5).
    Percent,
    /// Percentage points.
    Points,
    /// A count of something (`unit` names what is counted).
    Count,
    /// A multiplicative ratio (`10 fois plus`, `a doublé`).
    Ratio,
}

/// How the text qualifies the value; never folded into `value`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "près de", "environ", "quelque", "une centaine".
    Approximately,
    /// "plus de", "au-delà de".
    MoreThan,
    /// "au moins".
    AtLeast,
    /// "moins de".
    LessThan,
    /// "jusqu'à", "au plus".
    UpTo,
    /// One end of an interval ("entre 30 et 40 %", "de 40 à 50 millions"): see `low`/`high`.
    Between,
}

/// One amount.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Amount")]
pub struct Amount<S = Span> {
    /// What is measured.
    pub kind: AmountKind,
    /// The plain number (300 milliards -> 300000000000).
    pub value: f64,
    /// ISO 4217 currency for money; the counted noun for counts; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Where it is.
    #[serde(flatten)]
    pub span: S,
    /// Qualifier of the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Lower end of the interval this amount belongs to ("entre 30 et 40 %" -> 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// Upper end of the interval this amount belongs to ("entre 30 et 40 %" -> 40).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// What the amount is counted per ("par mois" -> "mois", "par habitant" -> "habitant").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
    /// The date the amount refers to, ISO ("100 milliards de dollars en 2028" -> "2028").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<String>,
}

impl<S> Amount<S> {
    /// The same amount placed by `f(span)` (the record is built from the amounts layer's token
    /// ranges this way).
    pub fn map_span<T>(self, f: impl FnOnce(S) -> T) -> Amount<T> {
        Amount {
            kind: self.kind,
            value: self.value,
            unit: self.unit,
            span: f(self.span),
            qualifier: self.qualifier,
            low: self.low,
            high: self.high,
            rate: self.rate,
            refers_to: self.refers_to,
        }
    }
}
