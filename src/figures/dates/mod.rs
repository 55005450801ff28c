//! Dates: absolute ("5 février 2025", "05/02/2025", "en 2028"), coordinated and ranges
//! ("les 10 et 11 février", "du 13 au 15 juillet"), partial ("mardi 11 février", "en mai",
//! "Lundi 10", "début juin") and relative ("hier", "la semaine dernière", "l'an passé").
//! Partial and relative dates are resolved against the article date, choosing the nearest
//! sensible year and using cheap tense cues ("en décembre" in a past-tense sentence of an
//! article of May 2020 is 2019-12).
//!
//! This module holds the scanner: the hit type, the scan loop and the dispatch of each token
//! to the rules. The rules are methods of [`DateScanner`], one file per kind of date:
//! `days` (numeric dates, days of a month, weekdays), `months` (a month, "mi-juin"),
//! `years` (a year with a cue, periods "2010-2011"), `relative` ("hier", "il y a deux
//! ans"). What one token says (a day, a month, a year, a cue word) is in `parts`; the tense
//! of the clause around a date in `tense`; the choice of a year for a partial date in
//! `resolve`.

mod days;
mod months;
mod parts;
mod relative;
mod resolve;
mod tense;
mod years;

pub use tense::{tense_near, Tense};

use super::lexicon::month;
use super::numbers::is_plain_int;
use super::view::Toks;
use crate::record::{DateKind, DateModifier, Precision};
use parts::{day_at, month_at, weekday_at};
use resolve::Anchor;

/// One date found in the text, before it becomes a record.
#[derive(Clone, Debug, PartialEq)]
pub struct DateHit {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// ISO value, when known.
    pub value: Option<String>,
    /// How the text gives it.
    pub kind: DateKind,
    /// Precision of the value.
    pub precision: Precision,
    /// False when it needed the article date and could not be resolved.
    pub resolved: bool,
    /// "début" / "mi-" / "fin".
    pub modifier: Option<DateModifier>,
}

/// Everything the date rules need.
pub struct DateScanner<'t, 'd, 'a> {
    t: &'t Toks<'d, 'a>,
    an: Anchor,
    hits: Vec<DateHit>,
}

/// Scan the document for dates. Returns the hits in text order.
pub fn scan(t: &Toks) -> Vec<DateHit> {
    let mut s = DateScanner {
        t,
        an: Anchor::new(t.doc.date),
        hits: Vec::new(),
    };
    let n = t.len();
    let mut i = 0;
    while i < n {
        match s.at(i) {
            Some(next) if next > i => i = next,
            _ => i += 1,
        }
    }
    s.hits
}

impl<'t, 'd, 'a> DateScanner<'t, 'd, 'a> {
    fn push(&mut self, a: usize, b: usize, value: Option<String>, kind: DateKind, p: Precision) {
        let resolved = value.is_some();
        self.hits.push(DateHit {
            a,
            b,
            value,
            kind,
            precision: p,
            resolved,
            modifier: None,
        });
    }

    fn set_modifier(&mut self, m: Option<DateModifier>) {
        if let Some(h) = self.hits.last_mut() {
            h.modifier = m;
        }
    }

    /// Try every rule at token `i`; the token index after the match.
    fn at(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        if t.is_num(i) {
            if let Some(e) = self.numeric(i) {
                return Some(e);
            }
            if let Some(e) = self.day_month(i, i) {
                return Some(e);
            }
            return self.year(i);
        }
        if t.trig(i) & super::view::TRIG_DATE == 0 {
            return None;
        }
        let k = t.key(i);
        if let Some(e) = self.relative(i) {
            return Some(e);
        }
        if weekday_at(t, i).is_some() {
            if let Some(e) = self.day_month(i, i) {
                return Some(e);
            }
            return self.weekday(i);
        }
        if k == "premier" && day_at(t, i).is_some() && month_at(t, i + 1).is_some() {
            return self.day_month(i, i);
        }
        if month_at(t, i).is_some() {
            return self.month(i, i);
        }
        if let Some(rest) = k.strip_prefix("mi-") {
            if month(rest).is_some() || (rest.len() == 4 && is_plain_int(rest)) {
                return self.mid(i, rest);
            }
        }
        None
    }
}
