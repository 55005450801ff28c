//! Number phrases: the tokens that give a value, in digits with an optional magnitude ("3,5
//! millions", "1 billion 344 milliards"), in words ("deux millions et demi"), or as an
//! approximate-number noun ("une centaine", "des milliers", "quelques dizaines de
//! milliers").

use super::units::percent_at;
use crate::figures::money::currency_word;
use crate::figures::numbers::{approx_noun, is_number_word, magnitude, parse_digits, parse_words};
use crate::figures::view::Toks;
use crate::lang::fr::figures as fr;

/// A number phrase: the tokens that give a value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumPhrase {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// The value, magnitude applied.
    pub value: f64,
    /// The magnitude multiplier applied (1 when none).
    pub factor: f64,
    /// True for "une centaine", "des milliers", "des millions".
    pub approx: bool,
    /// True when written in words.
    pub words: bool,
    /// True when the phrase ends with a magnitude noun or an approximate-number noun, so a
    /// counted noun needs "de" ("3 millions de cas", "une centaine de pays").
    pub needs_de: bool,
}

/// The number phrase starting at token `i`, if any.
pub fn number_phrase(t: &Toks, i: usize) -> Option<NumPhrase> {
    let k = t.key(i);
    if t.is_num(i) {
        let v = parse_digits(k)?;
        // Glued to a word: "5G", "3D", "A380" (but not "4,5Md€", "30%").
        if i > 0 && t.end(i - 1) == t.start(i) && t.is_word(i - 1) {
            return None;
        }
        if i + 1 < t.len() && t.start(i + 1) == t.end(i) && t.is_word(i + 1) {
            let nk = t.key(i + 1);
            if magnitude(nk).is_none() && currency_word(nk).is_none() {
                return None;
            }
        }
        // Scores and ranges glued with a hyphen: "3-1", "(2-0)".
        let glued_pair = |p: usize, q: usize| {
            q < t.len()
                && t.is_num(p)
                && t.is_num(q)
                && q == p + 2
                && matches!(t.key(p + 1), "-" | "–" | "/")
                && t.end(p) == t.start(p + 1)
                && t.end(p + 1) == t.start(q)
        };
        // ... unless a unit follows: "65-70 %", "4-6 millions de dollars", "20/30 %".
        let unit_after = |q: usize| {
            let k = t.key(q + 1);
            percent_at(t, q + 1).is_some()
                || currency_word(k).is_some()
                || magnitude(k).is_some_and(|m| !m.needs_currency)
        };
        if (glued_pair(i, i + 2) && !unit_after(i + 2))
            || (i >= 2 && glued_pair(i - 2, i) && !unit_after(i))
        {
            return None;
        }
        let mut b = i + 1;
        let mut factor = 1.0;
        if let Some(m) = magnitude(t.key(b)) {
            let ok = !m.needs_currency
                || t.raw(b + 1).chars().next().is_some_and(|c| {
                    crate::text::chars::is_currency_symbol(c)
                        || crate::figures::money::iso_code(t.raw(b + 1)).is_some()
                })
                || (t.key(b + 1) == "d'" && t.key(b + 2).starts_with("euro"));
            // "3 mille" only as a number ("3 mille euros"); "10 M" alone is not.
            if ok && t.is_word(b) {
                factor = m.factor;
                b += 1;
            }
        }
        let mut value = v * factor;
        // "deux millions et demi".
        if factor > 1.0 && t.key(b) == "et" && matches!(t.key(b + 1), "demi" | "demie") {
            value += 0.5 * factor;
            b += 2;
        }
        // "1 billion 344 milliards 656 millions": smaller groups follow.
        if factor >= 1e6 {
            let mut last = factor;
            while t.is_num(b) && t.same_sent(i, b) {
                let Some(m) = magnitude(t.key(b + 1)) else {
                    break;
                };
                let Some(w) = parse_digits(t.key(b)) else {
                    break;
                };
                if m.needs_currency || m.factor >= last || w >= 1000.0 {
                    break;
                }
                value += w * m.factor;
                last = m.factor;
                b += 2;
            }
        }
        return Some(NumPhrase {
            a: i,
            b,
            value,
            factor,
            approx: false,
            words: false,
            needs_de: factor > 1.0,
        });
    }
    if !t.is_word(i) {
        return None;
    }
    // "une centaine", "des milliers", "quelques dizaines de milliers".
    if fr::has_approx_determiners(k) || is_number_word(k) {
        let (base, mut j) = if fr::has_approx_determiners(k) && !matches!(k, "un" | "une") {
            (1.0, i + 1)
        } else if let Some(w) = parse_words(t, i) {
            (w.value, w.end)
        } else {
            (1.0, i + 1)
        };
        if let Some(v) = approx_noun(t.key(j)) {
            let mut value = v * base;
            let mut factor = 1.0;
            j += 1;
            if matches!(t.key(j), "de" | "d'") {
                if let Some(m) = magnitude(t.key(j + 1)) {
                    if !m.needs_currency {
                        value *= m.factor;
                        factor = m.factor;
                        j += 2;
                    }
                } else if let Some(v2) = approx_noun(t.key(j + 1)) {
                    if v2 >= 1000.0 {
                        value *= v2;
                        j += 2;
                    }
                }
            }
            // "de centaines" is rare; "les milliers de" is fine; "plusieurs centaines" says
            // no number.
            if matches!(k, "de" | "d'" | "plusieurs") {
                return None;
            }
            // "la vingtaine de filles", "cette dizaine de pays": a singular noun with "de"
            // ("la quarantaine" alone is a quarantine).
            if matches!(k, "la" | "cette")
                && (t.key(i + 1).ends_with('s') || !matches!(t.key(i + 2), "de" | "d'"))
            {
                return None;
            }
            let start = if matches!(k, "les" | "ces" | "la" | "cette") {
                i + 1
            } else {
                i
            };
            return Some(NumPhrase {
                a: start,
                b: j,
                value,
                factor,
                approx: true,
                words: true,
                needs_de: true,
            });
        }
        // "des millions de personnes", "quelques milliards d'euros"; "des millions" with
        // nothing counted and "plusieurs milliards" give no number.
        if matches!(k, "des" | "quelques") {
            if let Some(m) = magnitude(t.key(i + 1)) {
                if !m.needs_currency
                    && t.key(i + 1).ends_with('s')
                    && matches!(t.key(i + 2), "de" | "d'")
                {
                    return Some(NumPhrase {
                        a: i,
                        b: i + 2,
                        value: m.factor,
                        factor: m.factor,
                        approx: true,
                        words: true,
                        needs_de: true,
                    });
                }
            }
        }
    }
    if is_number_word(k) {
        // "le pays des mille collines": "des mille" / "des cent" is no count in French, and
        // a number word after "des" and a capitalised word is part of a name.
        if t.key_before(i, 1) == "des"
            && (matches!(k, "mille" | "cent") || i >= 2 && t.is_cap(i - 2))
        {
            return None;
        }
        let w = parse_words(t, i)?;
        if w.end == i + 1 && matches!(k, "un" | "une") {
            return None;
        }
        // "millions" alone is no number ("des millions" is handled above).
        if w.end == i + 1 && magnitude(k).is_some() && k.ends_with('s') {
            return None;
        }
        let mut value = w.value;
        let mut end = w.end;
        if w.large && t.key(end) == "et" && matches!(t.key(end + 1), "demi" | "demie") {
            let f = magnitude(t.key(end - 1)).map_or(1.0, |m| m.factor);
            value += 0.5 * f;
            end += 2;
        }
        let factor = if w.value >= 1e9 && w.large {
            1e9
        } else if w.value >= 1e6 && w.large {
            1e6
        } else {
            1.0
        };
        return Some(NumPhrase {
            a: i,
            b: end,
            value,
            factor,
            approx: false,
            words: true,
            needs_de: magnitude(t.key(w.end - 1)).is_some_and(|m| m.factor >= 1e6),
        });
    }
    None
}
