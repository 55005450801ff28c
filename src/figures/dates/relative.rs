//! Relative dates: "aujourd'hui", "hier", "demain", "la semaine dernière", "l'an passé",
//! "cette année", "le mois prochain", "il y a deux ans", "dans trois mois", resolved
//! against the article date.

use super::DateScanner;
use crate::figures::calendar::{iso_day, iso_week_string};
use crate::figures::numbers::is_plain_int;
use crate::record::{DateKind, Precision};

impl DateScanner<'_, '_, '_> {
    /// Relative dates: "aujourd'hui", "hier", "demain", "la semaine dernière",
    /// "l'an passé", "l'année prochaine", "cette année", "le mois dernier", "il y a deux ans".
    pub(super) fn relative(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let k = t.key(i);
        let prev = t.key_before(i, 1);
        let an = self.an;
        let day = |off: i64| an.days().map(|r| iso_day(r + off));
        match k {
            "aujourd'hui" | "hier" | "avant-hier" | "demain" | "apres-demain" => {
                if matches!(k, "demain" | "hier") && matches!(prev, "de" | "d'") {
                    // "l'Europe de demain", "la France d'hier": not a date.
                    return None;
                }
                let off = match k {
                    "aujourd'hui" => 0,
                    "hier" => -1,
                    "avant-hier" => -2,
                    "demain" => 1,
                    _ => 2,
                };
                self.push(i, i + 1, day(off), DateKind::Relative, Precision::Day);
                return Some(i + 1);
            }
            _ => {}
        }
        // "la semaine dernière", "l'an passé", "cette année", "le mois prochain".
        let (unit, n) = match k {
            "semaine" => (Precision::Week, 1),
            "an" => (Precision::Year, 1),
            "annee" => (Precision::Year, 1),
            "mois" => (Precision::Month, 1),
            _ => return self.ago(i),
        };
        let _ = n;
        let next = t.key(i + 1);
        let det = prev;
        let offset: i64 = match (det, next) {
            ("la" | "l'" | "le", "derniere" | "dernier" | "passee" | "passe") => -1,
            ("la" | "l'" | "le", "prochaine" | "prochain") => 1,
            ("cette" | "cet" | "ce", _) => 0,
            _ => return None,
        };
        let (start, end) = if offset == 0 {
            (i - 1, i + 1)
        } else {
            (i - 1, i + 2)
        };
        if offset == 0 && unit != Precision::Year {
            // "cette semaine" / "ce mois": often vague; keep week, skip month.
            if unit == Precision::Month {
                return None;
            }
        }
        let value = match unit {
            Precision::Year => an.year.map(|y| format!("{:04}", y as i64 + offset)),
            Precision::Month => match (an.year, an.month) {
                (Some(y), Some(m)) => {
                    let z = y as i64 * 12 + m as i64 - 1 + offset;
                    Some(format!(
                        "{:04}-{:02}",
                        z.div_euclid(12),
                        z.rem_euclid(12) + 1
                    ))
                }
                _ => None,
            },
            Precision::Week => an.days().map(|r| iso_week_string(r + 7 * offset)),
            Precision::Day => None,
        };
        self.push(start, end, value, DateKind::Relative, unit);
        Some(end)
    }

    /// "il y a deux ans", "il y a 3 jours", "il y a un mois".
    fn ago(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        // "il y a deux ans" (past) or "dans deux ans" (future).
        let (j, sign) = if t.key(i) == "il" && t.key(i + 1) == "y" && t.key(i + 2) == "a" {
            (i + 3, -1i64)
        } else if t.key(i) == "dans" {
            (i + 1, 1i64)
        } else {
            return None;
        };
        let (n, after) = if t.is_num(j) {
            let k = t.key(j);
            if !is_plain_int(k) || k.len() > 3 {
                return None;
            }
            (k.parse::<i64>().ok()?, j + 1)
        } else {
            let w = crate::figures::numbers::parse_words(t, j)?;
            if w.value < 1.0 || w.value > 999.0 || w.end != j + 1 {
                return None;
            }
            (w.value as i64, w.end)
        };
        let n = -sign * n;
        let an = self.an;
        let (value, p) = match t.key(after) {
            "an" | "ans" | "annee" | "annees" => (
                an.year.map(|y| format!("{:04}", y as i64 - n)),
                Precision::Year,
            ),
            "mois" => (
                match (an.year, an.month) {
                    (Some(y), Some(m)) => {
                        let z = y as i64 * 12 + m as i64 - 1 - n;
                        Some(format!(
                            "{:04}-{:02}",
                            z.div_euclid(12),
                            z.rem_euclid(12) + 1
                        ))
                    }
                    _ => None,
                },
                Precision::Month,
            ),
            "jour" | "jours" => (an.days().map(|r| iso_day(r - n)), Precision::Day),
            "semaine" | "semaines" => (
                an.days().map(|r| iso_week_string(r - 7 * n)),
                Precision::Week,
            ),
            _ => return None,
        };
        self.push(i, after + 1, value, DateKind::Relative, p);
        Some(after + 1)
    }
}
