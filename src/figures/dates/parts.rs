//! What one token says to the date rules: a day of the month, a year, a month, a weekday,
//! a cue word that opens a year or month mention, or a unit that rules out a year.

use crate::figures::lexicon::{month, weekday};
use crate::figures::numbers::is_plain_int;
use crate::figures::view::Toks;
use crate::record::DateModifier;

/// Day of month written at token `i`: "11", "1er", "premier".
pub(super) fn day_at(t: &Toks, i: usize) -> Option<u8> {
    if t.is_num(i) {
        let k = t.key(i);
        if k == "1er" || k == "1re" || k == "1ere" {
            return Some(1);
        }
        if k.len() <= 2 && is_plain_int(k) {
            let v: u8 = k.parse().ok()?;
            return (1..=31).contains(&v).then_some(v);
        }
        return None;
    }
    (t.key(i) == "premier").then_some(1)
}

/// A four-digit year at token `i` within `lo..=hi`.
pub(super) fn year_at(t: &Toks, i: usize, lo: i32, hi: i32) -> Option<i32> {
    if !t.is_num(i) {
        return None;
    }
    let k = t.key(i);
    if k.len() != 4 || !is_plain_int(k) {
        return None;
    }
    let y: i32 = k.parse().ok()?;
    (lo..=hi).contains(&y).then_some(y)
}

/// Month written at token `i` (full name, or an abbreviation with its period).
pub(super) fn month_at(t: &Toks, i: usize) -> Option<u8> {
    let k = t.key(i);
    let m = month(k)?;
    // "mars" / "mai" capitalised mid-sentence can be a name; a day or a year next to it
    // settles it, which the callers check.
    Some(m)
}

/// Weekday at token `i` (0 = Monday).
pub(super) fn weekday_at(t: &Toks, i: usize) -> Option<u8> {
    weekday(t.key(i))
}

/// Words that open a year or month mention and belong in its span.
pub(super) fn strong_cue(k: &str) -> Option<Option<DateModifier>> {
    Some(match k {
        "en" | "depuis" | "des" | "jusqu'en" | "avant" | "apres" | "courant" | "vers" => None,
        "debut" => Some(DateModifier::Early),
        "fin" => Some(DateModifier::Late),
        "mi" => Some(DateModifier::Mid),
        _ => return None,
    })
}

/// Words after a number that make it anything but a bare year: currencies, measures,
/// percent, magnitudes.
pub(super) fn is_unit_word(k: &str) -> bool {
    crate::figures::lexicon::is_measure_word(k)
        || crate::figures::money::currency_word(k).is_some()
        || crate::figures::numbers::magnitude(k).is_some()
        || matches!(k, "%" | "points" | "personnes" | "habitants")
}
