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

pub use attribute::attribute;
pub(crate) use cues::{is_adverb, is_etre};
pub use marks::{find_quote_spans, inner_tokens, QuoteSpan};

use super::attrib::Who;

/// An attributed (or unattributed) quote as token ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundQuote {
    /// The quotation marks.
    pub span: QuoteSpan,
    /// The speaker, or None when the text names none.
    pub who: Option<Who>,
    /// The cue token range.
    pub cue: Option<(usize, usize)>,
    /// Kept only if a later quote of the same sentence lends it a speaker.
    pub tentative: bool,
}
pub(crate) use subjects::{clause_start, main_clause_subject};
