//! Dates with a day: numeric dates ("05/02/2025", "2025-02-05"), days of one month with
//! optional weekdays and year ("mardi 11 février", "les 10 et 11 février 2025", "du 13 au 15
//! juillet"), and weekdays alone or with a day of the month ("vendredi dernier", "Lundi 10").

use super::parts::{day_at, is_unit_word, month_at, weekday_at, year_at};
use super::resolve::{pick, year_for_day_month};
use super::tense::{month_tense, tense_near, Tense};
use super::DateScanner;
use crate::figures::calendar::{self, iso_day, valid};
use crate::figures::lexicon::is_function_word;
use crate::record::{DateKind, Precision};

impl DateScanner<'_, '_, '_> {
    /// "05/02/2025", "5.2.2025", "2025-02-05".
    pub(super) fn numeric(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let text = t.doc.text.as_bytes();
        let s = t.start(i);
        let rd = |p: &mut usize, max: usize| -> usize {
            let st = *p;
            while *p < text.len() && text[*p].is_ascii_digit() && *p - st < max {
                *p += 1;
            }
            *p - st
        };
        let mut p = s;
        let n1 = rd(&mut p, 4);
        if p < text.len() && text[p].is_ascii_digit() {
            return None;
        }
        let (y, m, d, end);
        if n1 == 4 {
            // ISO "2025-02-05".
            if text.get(p) != Some(&b'-') {
                return None;
            }
            let st = s;
            p += 1;
            if rd(&mut p, 2) != 2 || text.get(p) != Some(&b'-') {
                return None;
            }
            p += 1;
            if rd(&mut p, 2) != 2 {
                return None;
            }
            let src = &t.doc.text[st..p];
            y = src[0..4].parse::<i32>().ok()?;
            m = src[5..7].parse::<u8>().ok()?;
            d = src[8..10].parse::<u8>().ok()?;
            end = p;
        } else if n1 == 1 || n1 == 2 {
            let sep = *text.get(p)?;
            if !matches!(sep, b'/' | b'.' | b'-') {
                return None;
            }
            let d0 = p;
            p += 1;
            let n2 = rd(&mut p, 2);
            if n2 == 0 || text.get(p) != Some(&sep) {
                return None;
            }
            let m0 = p;
            p += 1;
            let y0 = p;
            let n3 = rd(&mut p, 4);
            if n3 != 4 && n3 != 2 {
                return None;
            }
            d = t.doc.text[s..d0].parse().ok()?;
            m = t.doc.text[d0 + 1..m0].parse().ok()?;
            let yy: i32 = t.doc.text[y0..p].parse().ok()?;
            y = if n3 == 2 {
                if yy < 50 {
                    2000 + yy
                } else {
                    1900 + yy
                }
            } else {
                yy
            };
            end = p;
        } else {
            return None;
        }
        if p < text.len() && text[p].is_ascii_digit() {
            return None;
        }
        if !valid(y, m, d) || !(1000..=2999).contains(&y) {
            return None;
        }
        let last = t.doc.token_at_byte(end - 1);
        self.push(
            i,
            last + 1,
            Some(format!("{y:04}-{m:02}-{d:02}")),
            DateKind::Absolute,
            Precision::Day,
        );
        Some(last + 1)
    }

    /// Days of one month, with optional weekday(s) and year:
    /// "mardi 11 février", "les 10 et 11 février 2025", "du 13 au 15 juillet",
    /// "1er mai 2019", "le 3 mars dernier".
    pub(super) fn day_month(&mut self, span_start: usize, i: usize) -> Option<usize> {
        let t = self.t;
        let mut j = i;
        let mut days: Vec<(u8, Option<u8>)> = Vec::with_capacity(2);
        loop {
            let wd = weekday_at(t, j);
            if wd.is_some() {
                j += 1;
            }
            let d = day_at(t, j)?;
            days.push((d, wd));
            j += 1;
            // Coordination or range: "10 et 11", "13 au 15", "10, 11 et 12", "10-11".
            let c = t.key(j);
            if matches!(c, "et" | "," | "au" | "-" | "a" | "ou") {
                let mut k = j + 1;
                if t.key(k) == "le" {
                    k += 1;
                }
                let k2 = if weekday_at(t, k).is_some() { k + 1 } else { k };
                if day_at(t, k2).is_some() && month_at(t, k2).is_none() {
                    j = k;
                    continue;
                }
            }
            break;
        }
        let m = month_at(t, j)?;
        let mut end = j + 1;
        let mut year = year_at(t, end, 1000, 2999);
        let mut tense = Tense::Unknown;
        if year.is_some() {
            end += 1;
        } else {
            tense = month_tense(t.key(end));
            if tense != Tense::Unknown {
                end += 1;
            }
        }
        // "du 28 février au 3 mars 2025": the year of the second end.
        if year.is_none() && matches!(t.key(end), "au" | "et" | "-" | "a") {
            let mut k = end + 1;
            if t.key(k) == "le" {
                k += 1;
            }
            if weekday_at(t, k).is_some() {
                k += 1;
            }
            if day_at(t, k).is_some() && month_at(t, k + 1).is_some() {
                year = year_at(t, k + 2, 1000, 2999);
            }
        }
        let explicit = tense != Tense::Unknown;
        if tense == Tense::Unknown {
            tense = tense_near(t, span_start, j);
        }
        for &(d, wd) in &days {
            let (value, kind) = match year {
                Some(y) => (
                    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}")),
                    DateKind::Absolute,
                ),
                None => {
                    if !valid(2024, m, d) {
                        continue;
                    }
                    let v = year_for_day_month(&self.an, d, m, wd, tense, explicit)
                        .filter(|&(y, _)| valid(y, m, d))
                        .map(|(y, _)| format!("{y:04}-{m:02}-{d:02}"));
                    (v, DateKind::Partial)
                }
            };
            self.push(span_start, end, value, kind, Precision::Day);
        }
        Some(end)
    }

    /// A weekday alone or with a day of the month: "mardi", "vendredi dernier", "Lundi 10".
    pub(super) fn weekday(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let w = weekday_at(t, i)?;
        let mut start = i;
        if t.key_before(i, 1) == "ce" {
            start = i - 1;
        }
        let mut end = i + 1;
        let mut tense = Tense::Unknown;
        // "Lundi 10" (not "lundi 10 heures").
        if let Some(d) = day_at(t, i + 1) {
            let next = t.key(i + 2);
            let unit = is_unit_word(next)
                || crate::figures::numbers::approx_noun(next).is_some()
                || (t.is_word(i + 2)
                    && !t.is_cap(i + 2)
                    && !is_function_word(next)
                    && !matches!(
                        next,
                        "soir" | "matin" | "midi" | "apres-midi" | "dernier" | "prochain"
                    ));
            if !unit {
                let value = self.weekday_day(w, d, tense_near(t, i, i + 1));
                self.push(i, i + 2, value, DateKind::Partial, Precision::Day);
                return Some(i + 2);
            }
        }
        match t.key(end) {
            "dernier" => {
                tense = Tense::Past;
                end += 1;
            }
            "prochain" => {
                tense = Tense::Future;
                end += 1;
            }
            "soir" | "matin" | "midi" | "apres-midi" => end += 1,
            _ => {}
        }
        if tense == Tense::Unknown {
            tense = tense_near(t, start, i);
        }
        let value = self.an.days().map(|r| {
            let cur = calendar::weekday(r) as i64;
            let back = (cur - w as i64).rem_euclid(7);
            let fwd = (w as i64 - cur).rem_euclid(7);
            let c = match tense {
                Tense::Past => r - back,
                Tense::Future => r + fwd,
                Tense::Unknown => {
                    if back <= fwd {
                        r - back
                    } else {
                        r + fwd
                    }
                }
            };
            iso_day(c)
        });
        self.push(start, end, value, DateKind::Partial, Precision::Day);
        Some(end)
    }

    /// The date of weekday `w` falling on day `d` nearest the article date.
    fn weekday_day(&self, w: u8, d: u8, tense: Tense) -> Option<String> {
        // Without the article's day, the middle of its month stands in: the weekday check
        // still singles out one date in most cases.
        self.an.month?;
        let r = self.an.approx_days()?;
        let mut cands = Vec::new();
        for off in -50i64..=50 {
            let c = r + off;
            let (_, _, dd) = calendar::civil_from_days(c);
            if dd == d && calendar::weekday(c) == w {
                cands.push(c);
            }
        }
        pick(&cands, r, tense, 1, false).map(iso_day)
    }
}
