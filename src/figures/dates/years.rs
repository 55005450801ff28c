//! Years: a four-digit number with a cue ("en 2028", "depuis 2015", "d'ici 2030", "l'an
//! 2000", "(2019)"), and periods ("2010-2011", "la période 2009-2012"); a number that counts
//! or measures something ("de 2000 euros", "pour 2000 personnes") is no year.

use super::parts::{is_unit_word, strong_cue, year_at};
use super::DateScanner;
use crate::figures::lexicon::is_function_word;
use crate::figures::numbers::is_plain_int;
use crate::record::{DateKind, Precision};

impl DateScanner<'_, '_, '_> {
    /// A year with a cue: "en 2028", "depuis 2015", "d'ici 2030", "fin 2019", "de 2015 à
    /// 2020", "l'an 2000", "(2019)".
    pub(super) fn year(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let k = t.key(i);
        if k.len() != 4 || !is_plain_int(k) {
            return None;
        }
        let prev = t.key_before(i, 1);
        let prev2 = t.key_before(i, 2);
        let mut start = i;
        let mut modifier = None;
        let strong;
        if let Some(md) = strong_cue(prev) {
            start = i - 1;
            modifier = md;
            strong = true;
        } else if prev == "ici" && prev2 == "d'" {
            start = i - 2;
            strong = true;
        } else if crate::lang::fr::figures::has_year_nouns(prev) {
            strong = prev != "ete" || !t.is_num(i + 1);
        } else if prev == "(" && (t.key(i + 1) == ")" || self.year_range_end(i, 0).is_some()) {
            strong = true;
        } else if matches!(prev, "periode" | "saisons" | "exercices")
            || (prev == "annees" && self.year_range_end(i, 0).is_some())
            || (!t.is_num(i.wrapping_sub(1)) && self.bare_period(i))
        {
            // "les années 1970" alone is a decade, not a year.
            // "les années 2012-2013", "la période 2009-2012", "2004-2008".
            strong = true;
        } else if matches!(
            prev,
            "de" | "pour" | "a" | "et" | "ou" | "contre" | "entre" | "du"
        ) {
            // A weak cue: the year must not be followed by a counted noun or a unit
            // ("de 2000 euros", "pour 2000 personnes").
            let next = t.key(i + 1);
            let prev_year = matches!(prev, "a" | "et" | "ou" | "contre")
                && self.hits.last().is_some_and(|h| h.b + 1 == i);
            // Plural nouns and units after the number make it a count.
            let ok_next = next.is_empty()
                || !t.is_word(i + 1)
                || t.is_cap(i + 1)
                || is_function_word(next)
                || !(next.ends_with('s') || next.ends_with('x'));
            if !ok_next {
                return None;
            }
            // "de 2000 à 3000 euros": the other end carries a unit.
            if matches!(next, "a" | "et" | "-" | "ou") && t.is_num(i + 2) {
                let after = t.key(i + 3);
                let noun = t.is_word(i + 3)
                    && !t.is_cap(i + 3)
                    && !is_function_word(after)
                    && (after.ends_with('s') || after.ends_with('x'));
                if noun
                    || is_unit_word(after)
                    || crate::text::chars::is_currency_symbol(
                        t.raw(i + 3).chars().next().unwrap_or(' '),
                    )
                {
                    return None;
                }
            }
            if !(prev_year || matches!(prev, "de" | "entre" | "pour" | "contre" | "du")) {
                return None;
            }
            // "plus de 2000", "près de 1900": a quantity, not a year.
            if matches!(prev, "de" | "d'")
                && matches!(
                    t.key_before(i, 2),
                    "plus" | "moins" | "pres" | "autour" | "environ" | "centaines" | "dizaines"
                )
            {
                return None;
            }
            if prev == "a" && t.raw(i - 1) == "a" {
                // "a 2000" without accent is the verb: no date.
                return None;
            }
            strong = false;
        } else {
            return None;
        }
        let y: i32 = k.parse().ok()?;
        let (lo, hi) = if strong { (1000, 2100) } else { (1900, 2100) };
        if !(lo..=hi).contains(&y) {
            return None;
        }
        // A period "2010-2011", "(1950-1953)": both years.
        if let Some(y2) = self.year_range_end(i, y) {
            for v in [y, y2] {
                self.push(
                    start,
                    i + 3,
                    Some(format!("{v:04}")),
                    DateKind::Absolute,
                    Precision::Year,
                );
            }
            return Some(i + 3);
        }
        // Not a count: "en 2000 exemplaires" is rare, "de 2000 personnes" is not a date.
        if t.is_word(i + 1) && !t.is_cap(i + 1) && is_unit_word(t.key(i + 1)) {
            return None;
        }
        self.push(
            start,
            i + 1,
            Some(format!("{y:04}")),
            DateKind::Absolute,
            Precision::Year,
        );
        self.set_modifier(modifier);
        Some(i + 1)
    }

    /// A period "2004-2008" with no cue: both years of this century or the last, and no
    /// counted noun or unit after it ("1500-2000 personnes" is a count).
    fn bare_period(&self, i: usize) -> bool {
        let t = self.t;
        let Ok(y) = t.key(i).parse::<i32>() else {
            return false;
        };
        if !(1900..=2100).contains(&y) {
            return false;
        }
        let Some(y2) = self.year_range_end(i, y) else {
            return false;
        };
        let next = t.key(i + 3);
        (1900..=2100).contains(&y2)
            && (y2 - y) <= 30
            && !(t.is_word(i + 3)
                && !t.is_cap(i + 3)
                && !is_function_word(next)
                && (next.ends_with('s') || next.ends_with('x')))
            && !is_unit_word(next)
    }

    /// The second year of a period written "2010-2011" starting at token `i`.
    fn year_range_end(&self, i: usize, y: i32) -> Option<i32> {
        let t = self.t;
        if !matches!(t.key(i + 1), "-" | "–" | "/")
            || i + 2 >= t.len()
            || t.end(i) != t.start(i + 1)
            || t.end(i + 1) != t.start(i + 2)
        {
            return None;
        }
        let y2 = year_at(t, i + 2, 1000, 2100)?;
        let y1: i32 = if y == 0 { t.key(i).parse().ok()? } else { y };
        (y2 > y1 && y2 - y1 < 100).then_some(y2)
    }
}
