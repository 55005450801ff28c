//! Direct quotes: pairing of quotation marks (« », “ ”, straight quotes, across paragraphs),
//! reporting cues ("a déclaré", "a-t-il estimé", "selon"), and speaker attribution.
//!
//! - [`marks`]: quotation marks paired into quotations;
//! - [`cues`]: the reporting verbs and "selon" around a quotation;
//! - [`attribute`]: the order in which attribution shapes are tried;
//! - [`subjects`]: speakers taken from the sentence and the quotations around.

mod attribute;
mod cues;
mod marks;
mod subjects;

pub use attribute::{attribute, FoundQuote};
pub(crate) use cues::{is_adverb, is_etre};
pub use marks::{find_quote_spans, inner_tokens};
pub(crate) use subjects::{clause_start, main_clause_subject};
