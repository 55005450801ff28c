//! Dates with a month and no day: "en mai", "début juin", "mai 2019", "fin mars dernier",
//! "entre avril et juillet 1994", "en juillet de la même année", "mi-juin", "mi-2019".

use super::parts::{month_at, strong_cue, year_at};
use super::resolve::year_for_month;
use super::tense::{month_tense, tense_near, Tense};
use super::DateScanner;
use crate::figures::lexicon::month;
use crate::record::{DateKind, DateModifier, Precision};

impl DateScanner<'_, '_, '_> {
    /// "en mai", "début juin", "mai 2019", "fin mars dernier".
    pub(super) fn month(&mut self, span_start: usize, i: usize) -> Option<usize> {
        let t = self.t;
        let m = month_at(t, i)?;
        let prev = t.key_before(i, 1);
        let prev2 = t.key_before(i, 2);
        let mut start = span_start;
        let mut modifier = None;
        let mut cued = false;
        if let Some(md) = strong_cue(prev) {
            start = i - 1;
            modifier = md;
            cued = true;
        } else if matches!(prev, "de" | "d'")
            && matches!(prev2, "mois" | "debut" | "fin" | "courant" | "mi")
        {
            // "au mois d'avril", "fin d'octobre".
            start = i - 2;
            modifier = strong_cue(prev2).flatten();
            cued = true;
        } else if matches!(prev, "a" | "et" | "ou" | "au" | "-")
            && self.hits.last().is_some_and(|h| h.b + 1 == i)
        {
            cued = true;
        } else if prev == "a" && prev2 == "ici" {
            // "d'ici à septembre".
            start = i.saturating_sub(3);
            cued = true;
        } else if matches!(prev, "de" | "d'" | "pour" | "entre") && !t.is_cap(i) {
            // "la présidentielle de novembre", "de mars à mai", "prévu pour juin".
            start = i - 1;
            cued = true;
        } else if prev == "d'ici" || (prev == "ici" && prev2 == "d'") {
            start = if prev == "ici" { i - 2 } else { i - 1 };
            cued = true;
        } else if matches!(t.key(i + 1), "dernier" | "prochain") && !t.is_cap(i) {
            // "juin prochain".
            cued = true;
        }
        if let Some(y) = year_at(t, i + 1, 1000, 2999) {
            self.push(
                start,
                i + 2,
                Some(format!("{y:04}-{m:02}")),
                DateKind::Absolute,
                Precision::Month,
            );
            self.set_modifier(modifier);
            return Some(i + 2);
        }
        if !cued || t.is_cap(i) && !matches!(prev, "en" | "debut" | "fin" | "mi" | "de") {
            return None;
        }
        // "entre avril et juillet 1994", "de mars à mai 2019": the year of the other end.
        if let Some(y) = self.range_year(i) {
            self.push(
                start,
                i + 1,
                Some(format!("{y:04}-{m:02}")),
                DateKind::Absolute,
                Precision::Month,
            );
            self.set_modifier(modifier);
            return Some(i + 1);
        }
        // "en juillet de la même année": the year of the last year written.
        if let Some((y, n)) = self.same_year(i + 1) {
            self.push(
                start,
                i + 1 + n,
                Some(format!("{y:04}-{m:02}")),
                DateKind::Absolute,
                Precision::Month,
            );
            self.set_modifier(modifier);
            return Some(i + 1 + n);
        }
        let mut end = i + 1;
        let mut tense = month_tense(t.key(end));
        if tense != Tense::Unknown {
            end += 1;
        }
        let explicit = tense != Tense::Unknown;
        if tense == Tense::Unknown {
            tense = tense_near(t, start, i);
        }
        let value = year_for_month(&self.an, m, tense, explicit).map(|y| format!("{y:04}-{m:02}"));
        self.push(start, end, value, DateKind::Partial, Precision::Month);
        self.set_modifier(modifier);
        Some(end)
    }

    /// The year written after the second month of a range or coordination starting with
    /// the month at `i`: "avril et juillet 1994", "mars à mai 2019", "mars-avril 2020".
    fn range_year(&self, i: usize) -> Option<i32> {
        let t = self.t;
        if !matches!(t.key(i + 1), "et" | "a" | "au" | "-" | "ou") || t.raw(i + 1) == "a" {
            return None;
        }
        let mut k = i + 2;
        if matches!(t.key(k), "debut" | "fin" | "mi") {
            k += 1;
        }
        month_at(t, k)?;
        year_at(t, k + 1, 1000, 2999)
    }

    /// "de la même année" at `i`: the year of the last date with a year, and the length of
    /// the phrase.
    fn same_year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.t;
        if !(t.key(i) == "de" && t.key(i + 1) == "la" && t.key(i + 2) == "meme") {
            return None;
        }
        if !matches!(t.key(i + 3), "annee" | "an") {
            return None;
        }
        let h = self
            .hits
            .iter()
            .rev()
            .find(|h| h.kind == DateKind::Absolute && h.value.is_some())?;
        let y: i32 = h.value.as_deref()?.get(0..4)?.parse().ok()?;
        Some((y, 4))
    }

    /// "mi-juin", "mi-2019".
    pub(super) fn mid(&mut self, i: usize, rest: &str) -> Option<usize> {
        let t = self.t;
        if let Some(m) = month(rest) {
            if let Some(y) = year_at(t, i + 1, 1000, 2999) {
                self.push(
                    i,
                    i + 2,
                    Some(format!("{y:04}-{m:02}")),
                    DateKind::Absolute,
                    Precision::Month,
                );
                self.set_modifier(Some(DateModifier::Mid));
                return Some(i + 2);
            }
            let tense = tense_near(t, i, i);
            let value = year_for_month(&self.an, m, tense, false).map(|y| format!("{y:04}-{m:02}"));
            self.push(i, i + 1, value, DateKind::Partial, Precision::Month);
        } else {
            let y: i32 = rest.parse().ok()?;
            if !(1000..=2999).contains(&y) {
                return None;
            }
            self.push(
                i,
                i + 1,
                Some(format!("{y:04}")),
                DateKind::Absolute,
                Precision::Year,
            );
        }
        self.set_modifier(Some(DateModifier::Mid));
        Some(i + 1)
    }
}
