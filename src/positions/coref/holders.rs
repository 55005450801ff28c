//! Who holds which title in the article, and which titles may name one office.

use super::TitlePhrase;
pub use crate::layers::Holders;

impl Holders {
    /// The holder of `t` stated before token `before`: same title key (or a narrower one:
    /// "ministre" names the holder of "ministre de la Santé") and compatible org.
    pub fn holder_of(&self, t: &TitlePhrase, before: usize) -> Option<usize> {
        let org = super::org_key(t);
        // Same organisation beats an unstated one; the latest statement wins a tie.
        let mut best: Option<(u8, usize)> = None;
        for (k, o, a, at) in &self.list {
            // "le ministre" after "le ministre de la Santé X": a title without its portfolio
            // names the holder of a narrower form, after any holder of the same form.
            let narrower = k.len() > t.key.len()
                && k.starts_with(t.key.as_str())
                && k.as_bytes()[t.key.len()] == b' ';
            if *at >= before || (*k != t.key && !narrower) {
                continue;
            }
            let score = match (&org, o) {
                (Some(x), Some(y)) if x != y => continue,
                (Some(_), Some(_)) => 2,
                (None, None) => 2,
                // "le président de l'Assemblée" is not whoever was called "le président".
                (Some(_), None) if t.org_explicit => continue,
                _ => 1,
            };
            let score = if narrower { score.min(1) } else { score + 1 };
            if best.is_none_or(|(s, _)| score >= s) {
                best = Some((score, *a));
            }
        }
        best.map(|(_, a)| a)
    }

    /// True when actor `a` holds a title that cannot be the office `key` names: another
    /// office, not a generic title, not a narrower or wider form of the same one.
    pub fn holds_other(&self, a: usize, key: &str) -> bool {
        self.list
            .iter()
            .any(|(k, _, x, _)| *x == a && !titles_compatible(k, key))
    }
}

/// Titles that describe any leader ("le responsable", "le dirigeant"), folded keys.
const GENERIC_TITLES: &[&str] = crate::lang::fr::positions::GENERIC_TITLES;

/// Pairs of titles that name one office ("chef de l'État", "président").
const SAME_OFFICE: &[(&str, &str)] = crate::lang::fr::positions::SAME_OFFICE;

/// Two title keys may name the same person's office: equal keys, one a word prefix of the
/// other ("ministre" and "ministre economie", "ministre economie" and "ministre economie et
/// finances"), a generic title on either side, or two names of one office.
pub fn titles_compatible(a: &str, b: &str) -> bool {
    // `x` is `y` or `y` with a portfolio after it.
    let within = |y: &str, x: &str| {
        x == y || x.len() > y.len() && x.starts_with(y) && x.as_bytes()[y.len()] == b' '
    };
    if within(a, b) || within(b, a) {
        return true;
    }
    if GENERIC_TITLES.contains(&a) || GENERIC_TITLES.contains(&b) {
        return true;
    }
    SAME_OFFICE
        .iter()
        .any(|&(x, y)| (within(x, a) && within(y, b)) || (within(x, b) && within(y, a)))
}
