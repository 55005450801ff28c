//! Figures stage: amounts (money, percentages, counts, ratios) and dates.

use crate::record::{Amount, DateMention};
use crate::text::Document;

/// Extracts amounts and dates. Built once; `extract` is thread-safe.
#[derive(Debug, Default)]
pub struct FigureExtractor {}

impl FigureExtractor {
    /// Build the extractor (compiles lexicons).
    pub fn new() -> Self {
        FigureExtractor {}
    }

    /// Amounts and dates of one document, in text order.
    pub fn extract(&self, doc: &Document) -> (Vec<Amount>, Vec<DateMention>) {
        let _ = doc;
        (Vec::new(), Vec::new())
    }
}
