//! Resolution of partial dates against the article date: the anchor (the article date as a
//! reference point) and the choice of a year for a day and month, or a month, written
//! without one.

use super::tense::Tense;
use crate::article::ArticleDate;
use crate::figures::calendar::{self, days_from_civil, valid};

/// The article date as a reference point.
#[derive(Clone, Copy, Debug)]
pub(super) struct Anchor {
    pub(super) year: Option<i32>,
    pub(super) month: Option<u8>,
    pub(super) day: Option<u8>,
}

impl Anchor {
    pub(super) fn new(d: Option<ArticleDate>) -> Self {
        match d {
            Some(d) => Anchor {
                year: Some(d.year),
                month: d.month,
                day: d.day,
            },
            None => Anchor {
                year: None,
                month: None,
                day: None,
            },
        }
    }

    /// Day number of the full article date.
    pub(super) fn days(&self) -> Option<i64> {
        Some(days_from_civil(self.year?, self.month?, self.day?))
    }

    /// A reference day number, using the middle of the known period.
    pub(super) fn approx_days(&self) -> Option<i64> {
        let y = self.year?;
        let m = self.month.unwrap_or(7);
        let d = self
            .day
            .unwrap_or(if self.month.is_some() { 15 } else { 1 });
        Some(days_from_civil(y, m, d))
    }
}

/// Pick among candidates (sorted ascending) given the reference and tense.
pub(super) fn pick(
    cands: &[i64],
    reference: i64,
    tense: Tense,
    slack: i64,
    explicit: bool,
) -> Option<i64> {
    let nearest = cands
        .iter()
        .copied()
        .min_by_key(|c| ((c - reference).abs(), -*c))?;
    let chosen = match tense {
        Tense::Past => cands
            .iter()
            .rev()
            .copied()
            .find(|&c| c <= reference + slack),
        Tense::Future => cands.iter().copied().find(|&c| c >= reference - slack),
        Tense::Unknown => None,
    };
    // A date within six weeks of the article is the nearest one whatever the tense; tense
    // only decides between farther candidates.
    if (nearest - reference).abs() <= 45 && !explicit {
        return Some(nearest);
    }
    Some(match chosen {
        Some(c) if (c - reference).abs() <= 366 => c,
        _ => nearest,
    })
}

/// Year of day `d` of month `m` written without a year.
pub(super) fn year_for_day_month(
    an: &Anchor,
    d: u8,
    m: u8,
    wd: Option<u8>,
    tense: Tense,
    explicit: bool,
) -> Option<(i32, bool)> {
    let y = an.year?;
    let Some(reference) = an.approx_days() else {
        return Some((y, false));
    };
    if an.month.is_none() {
        return Some((y, true));
    }
    let mut cands: Vec<i64> = (y - 1..=y + 1)
        .filter(|&yy| valid(yy, m, d))
        .map(|yy| days_from_civil(yy, m, d))
        .collect();
    if let Some(w) = wd {
        let matching: Vec<i64> = cands
            .iter()
            .copied()
            .filter(|&c| calendar::weekday(c) == w)
            .collect();
        if !matching.is_empty() {
            cands = matching;
        }
    }
    let slack = if an.day.is_some() { 1 } else { 15 };
    let c = pick(&cands, reference, tense, slack, explicit)?;
    Some((calendar::civil_from_days(c).0, true))
}

/// Year of month `m` written without a year.
pub(super) fn year_for_month(an: &Anchor, m: u8, tense: Tense, explicit: bool) -> Option<i32> {
    let y = an.year?;
    let Some(am) = an.month else {
        return Some(y);
    };
    let reference = (y as i64) * 12 + am as i64 - 1;
    let cands: Vec<i64> = (y - 1..=y + 1)
        .map(|yy| yy as i64 * 12 + m as i64 - 1)
        .collect();
    let nearest = cands
        .iter()
        .copied()
        .min_by_key(|c| ((c - reference).abs(), -*c))?;
    if (nearest - reference).abs() <= 1 && !explicit {
        return Some((nearest.div_euclid(12)) as i32);
    }
    let chosen = match tense {
        Tense::Past => cands.iter().rev().copied().find(|&c| c <= reference),
        Tense::Future => cands.iter().copied().find(|&c| c >= reference),
        Tense::Unknown => None,
    }
    .unwrap_or(nearest);
    Some(chosen.div_euclid(12) as i32)
}
