//! Amounts: money, percentages, percentage points, counts and ratios, with their
//! qualifiers ("près de", "plus de", "entre ... et ..."), rates ("par mois") and the date
//! they refer to ("en 2028").
//!
//! The rules read a number phrase (digits with an optional magnitude, number words, or an
//! approximate-number noun such as "une centaine"), then what follows it (a currency, `%`,
//! "points", "fois plus", a counted noun), then what precedes it (a currency symbol, a
//! qualifier). Intervals and bare magnitudes borrow the unit of their neighbour.
//!
//! This module holds the amount type and the scan that runs the rules in order. The rules:
//! `phrase` reads a number phrase, `classify` decides what it measures (with the words
//! around a number in `units`: counted nouns, percent signs, ratio verbs), and `links`
//! relates neighbouring amounts (intervals, comparisons) and reads the rate and date after
//! an amount.

mod classify;
mod links;
mod phrase;
mod units;

pub use phrase::{number_phrase, NumPhrase};

use super::dates::DateHit;
use super::money::Cues;
use super::view::Toks;
use crate::record::{AmountKind, Qualifier};
use classify::classify;
use links::{comparisons, intervals, tail};
use units::ratio_verb;

/// One amount before it becomes a record.
#[derive(Clone, Debug, PartialEq)]
pub struct Amt {
    /// First token of the span.
    pub a: usize,
    /// One past the last token of the span.
    pub b: usize,
    /// The number phrase.
    pub num: NumPhrase,
    /// What it measures; `None` for a bare number kept only to complete an interval.
    pub kind: Option<AmountKind>,
    /// The value.
    pub value: f64,
    /// Currency or counted noun.
    pub unit: Option<String>,
    /// Qualifier.
    pub qualifier: Option<Qualifier>,
    /// Interval ends.
    pub low: Option<f64>,
    /// Interval ends.
    pub high: Option<f64>,
    /// Rate noun.
    pub rate: Option<String>,
    /// Date referred to.
    pub refers_to: Option<String>,
}

/// Scan the document for amounts. `used` marks tokens that belong to dates.
pub fn scan(t: &Toks, used: &[bool], dates: &[DateHit], cues: &Cues) -> Vec<Amt> {
    let mut out: Vec<Amt> = Vec::new();
    let mut last_money: Option<(String, usize)> = None;
    let n = t.len();
    let mut i = 0;
    while i < n {
        if used[i] || t.trig(i) & super::view::TRIG_AMOUNT == 0 {
            i += 1;
            continue;
        }
        if t.is_word(i) && !t.is_cap(i) {
            if let Some((v, a, b)) = ratio_verb(t, i) {
                out.push(Amt {
                    a,
                    b,
                    num: NumPhrase {
                        a: i,
                        b: i + 1,
                        value: v,
                        factor: 1.0,
                        approx: false,
                        words: true,
                        needs_de: false,
                    },
                    kind: Some(AmountKind::Ratio),
                    value: v,
                    unit: None,
                    qualifier: None,
                    low: None,
                    high: None,
                    rate: None,
                    refers_to: None,
                });
                i = b;
                continue;
            }
        }
        let Some(np) = number_phrase(t, i) else {
            i += 1;
            continue;
        };
        if (np.a..np.b).any(|j| used[j]) {
            i += 1;
            continue;
        }
        let amt = classify(t, np, cues, last_money.as_ref(), used);
        let next = amt.b.max(np.b);
        if amt.kind == Some(AmountKind::Money) {
            if let Some(u) = &amt.unit {
                last_money = Some((u.clone(), amt.b));
            }
        }
        out.push(amt);
        i = next;
    }
    intervals(t, &mut out);
    comparisons(t, &mut out);
    out.retain(|a| a.kind.is_some());
    for a in &mut out {
        tail(t, a, dates, used);
    }
    // The low end of an interval shares the rate and date of the high end ("de 40 à 50
    // euros par mois en 2020").
    for x in 1..out.len() {
        let (l, r) = out.split_at_mut(x);
        let (p, q) = (&mut l[x - 1], &r[0]);
        if p.qualifier == Some(Qualifier::Between) && p.high == q.high && p.low == q.low {
            if p.rate.is_none() {
                p.rate = q.rate.clone();
            }
            if p.refers_to.is_none() {
                p.refers_to = q.refers_to.clone();
            }
        }
    }
    out
}
