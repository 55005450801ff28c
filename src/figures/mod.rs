//! Figures stage: amounts (money, percentages, points, counts, ratios) and dates.
//!
//! One pass builds a folded view of the tokens ([`view::Toks`]); the date rules run first
//! and claim their tokens, then the amount rules read the rest. Everything works on token
//! indexes and byte offsets; spans come from [`Document::span`].
//!
//! Module map: [`numbers`] (digits and number words), [`money`] (currencies),
//! [`amounts`] (money, percent, points, counts, ratios, qualifiers, intervals, rates),
//! [`dates`] (absolute, partial and relative dates, resolution), [`calendar`] (day
//! arithmetic), [`lexicon`] (word lists).

pub mod amounts;
pub mod calendar;
pub mod dates;
pub mod lexicon;
pub mod money;
pub mod numbers;
pub mod view;

use crate::record::{Amount, DateMention};
use crate::text::Document;

/// Extracts amounts and dates. Built once; `extract` is thread-safe.
#[derive(Debug, Default)]
pub struct FigureExtractor {
    triggers: view::Triggers,
}

impl FigureExtractor {
    /// Build the extractor (compiles lexicons).
    pub fn new() -> Self {
        FigureExtractor {
            triggers: view::Triggers::new(),
        }
    }

    /// Amounts and dates of one document, in text order.
    pub fn extract(&self, doc: &Document) -> (Vec<Amount>, Vec<DateMention>) {
        let t = view::Toks::new(doc, &self.triggers);
        let hits = dates::scan(&t);
        let mut used = vec![false; t.len()];
        for h in &hits {
            for u in used.iter_mut().take(h.b.min(t.len())).skip(h.a) {
                *u = true;
            }
        }
        let cues = money::Cues::of(&t);
        let amts = amounts::scan(&t, &used, &hits, &cues);
        let amounts = amts
            .into_iter()
            .map(|a| Amount {
                kind: a.kind.expect("scan keeps classified amounts"),
                value: round_value(a.value),
                unit: a.unit,
                span: doc.span(t.start(a.a), t.end(a.b - 1)),
                qualifier: a.qualifier,
                low: a.low,
                high: a.high,
                rate: a.rate,
                refers_to: a.refers_to,
            })
            .collect();
        let dates = hits
            .into_iter()
            .map(|h| DateMention {
                value: h.value,
                span: doc.span(t.start(h.a), t.end(h.b - 1)),
                kind: h.kind,
                precision: h.precision,
                resolved: h.resolved,
                modifier: h.modifier,
            })
            .collect();
        (amounts, dates)
    }
}

/// Round away binary noise ("33,3 millions" -> 33300000, not 33299999.999999996): 12
/// significant digits.
fn round_value(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let mag = v.abs().log10().floor() as i32;
    let scale = 10f64.powi(11 - mag);
    (v * scale).round() / scale
}

#[cfg(test)]
mod tests;
