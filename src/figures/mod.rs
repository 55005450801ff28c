//! Figures stage (`figures`): amounts (money, percentages, points, counts, ratios) and dates.
//! Reads the tokens and the article date; adds the amounts and dates layers.
//!
//! One pass builds a folded view of the tokens ([`view::Toks`]: lowercase, no accents,
//! apostrophes and hyphens normalised, plus a trigger bit per token); the date rules run first
//! and claim their tokens, then the amount rules read the rest. Everything works on token
//! indexes; amounts and dates are placed by token range ([`crate::layers`]).
//!
//! Module map: [`numbers`] (digits and number words), [`money`] (currencies and country
//! cues), [`amounts`] (money, percent, points, counts, ratios, qualifiers, intervals, rates),
//! [`dates`] (absolute, partial and relative dates, resolution), [`calendar`] (day
//! arithmetic), [`lexicon`] (word lists), [`triggers`] (which words start a rule), [`view`] (the token
//! view). Dependencies go one way: `view` <- `numbers`, `money` <- `amounts`, `dates`;
//! `lexicon` and `calendar` are leaves.
//!
//! # What is an amount
//! - `money`: a number with a currency after it ("300 milliards de dollars", "4,5 Md€",
//!   "51'000 francs", "2 400 DA") or before it ("USD 3 millions", "US$ 5", "€ 20"); a bare
//!   magnitude ("... de 76 millions") takes the currency of a money amount in the same or
//!   previous sentence. Currency families take their adjective ("dollars canadiens") or the
//!   document's country cues ("$" in a Québec paper is CAD, "francs" in a Swiss one CHF);
//!   a currency that stays ambiguous ("pesos", "couronnes", "livres" without a British cue)
//!   yields no amount rather than a wrong one.
//! - `percent` ("12,5 %", "12,5 pour cent", "5 p.c.") and `points` ("3 points" in a sentence
//!   about percentages, "0,25 point de pourcentage").
//! - `count`: a number with its counted noun ("1 000 chefs d'entreprise", "30 millions de
//!   cas"), an approximate-number noun ("une centaine de pays", "des milliers"), or a bare
//!   magnitude ("6,7 millions"). Numbers written in words count from ten up, or for the nouns
//!   news counts even when small ("trois morts"); "deux grands absents" is no amount.
//! - `ratio`: "10 fois plus rapide", "multiplié par quatre", "a doublé", "devrait tripler".
//!
//! Not amounts: years, dates, times ("10h30", "20 heures"), durations and ages ("trois ans",
//! "45 ans"), measures ("10 km", "480 ch", "20 pouces", "1,6 million d'hectares"), ordinals,
//! labels ("article 49.3", "l'acte 15"), scores ("3-1"), phone numbers, and numbers glued to
//! words ("5G", "A380").
//!
//! Qualifiers stay out of `value`: `qualifier` (approximately, more_than, at_least,
//! less_than, up_to, between), `low`/`high` for both ends of an interval (each end is its own
//! amount), `rate` ("par mois" -> "mois"), `refers_to` ("100 milliards de dollars en 2028" ->
//! "2028").
//!
//! # What is a date
//! Absolute ("5 février 2025", "05/02/2025", "en 2028", "mai 2019", "2010-2011"), partial
//! ("mardi 11 février", "Lundi 10", "en mai", "début juin", "mercredi") and relative
//! ("aujourd'hui", "hier", "la semaine dernière", "l'an passé", "il y a deux ans").
//! Coordinations and ranges give one mention per date, sharing the span. Partial and
//! relative dates are resolved against the article date: the nearest candidate within six
//! weeks, else the tense of the sentence decides (a past-tense "en décembre" in May 2020 is
//! 2019-12); "dernier"/"prochain" always decide. Without an article date they keep no value
//! and `resolved: false`. Values are ISO at the precision given (`YYYY`, `YYYY-MM`,
//! `YYYY-MM-DD`, `YYYY-Www`).

pub mod amounts;
pub mod calendar;
pub mod dates;
pub mod lexicon;
pub mod money;
pub mod numbers;
pub mod triggers;
pub mod view;

use crate::layers::{Amount, DateMention, TokenRange};
use crate::stage::{Additions, Doc, Layer, Stage, StageError};
use crate::text::Document;

/// The `figures` stage: reads [`Layer::Tokens`] (and the article date), adds
/// [`Layer::Amounts`] and [`Layer::Dates`].
impl Stage for FigureExtractor {
    fn name(&self) -> &'static str {
        "figures"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Tokens]
    }

    fn adds(&self) -> &'static [Layer] {
        &[Layer::Amounts, Layer::Dates]
    }

    fn compute<'a>(&self, doc: &Doc<'a>) -> Result<Additions<'a>, StageError> {
        let (amounts, dates) = self.extract(&doc.tokens);
        Ok(Additions {
            amounts: Some(amounts),
            dates: Some(dates),
            ..Additions::default()
        })
    }
}

/// Extracts amounts and dates. Built once; `extract` is thread-safe.
#[derive(Debug, Default)]
pub struct FigureExtractor {
    triggers: triggers::Triggers,
}

impl FigureExtractor {
    /// Build the extractor (compiles lexicons).
    pub fn new() -> Self {
        FigureExtractor {
            triggers: triggers::Triggers::new(),
        }
    }

    /// Amounts and dates of one document, in text order, placed by token range.
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
                span: TokenRange::new(a.a, a.b),
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
                span: TokenRange::new(h.a, h.b),
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
