//! Names: the comparison key of a name (case, accents, dots of initials and spacing folded:
//! "J.D. Vance" = "JD Vance"), and the shapes that tell two names apart or join them: a
//! shorter form of a person's name, the initials of an expansion, an acronym.

use crate::text::chars::is_apostrophe;
use crate::text::normalize::fold_key_into;

/// Words skipped when computing an expansion's initials.
pub(super) const ACRONYM_SKIP: &[&str] = crate::lang::fr::actors::ACRONYM_SKIP;

/// Very common French acronym / expansion pairs (ordinary knowledge), merged when both forms
/// appear in one article. Keys are folded.
pub(super) const KNOWN_ACRONYMS: &[(&str, &str)] = crate::lang::fr::actors::KNOWN_ACRONYMS;

pub(super) fn fold(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    fold_key_into(s, &mut k);
    k
}

/// The comparison key of a name: folded, dots removed, hyphens and spaces collapsed to one
/// space, elided determiners kept.
pub fn name_key(s: &str) -> String {
    let f = fold(s);
    let mut out = String::with_capacity(f.len());
    let mut space = false;
    for c in f.chars() {
        match c {
            '.' => {
                // "J.D. Vance" -> "jd vance": a dot between letters vanishes; a dot before a
                // space behaves as nothing.
            }
            ' ' | '-' | '\n' | '\t' => space = !out.is_empty(),
            _ => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
    }
    out
}

/// True when the words of `short` name the same person as `long`: `short` is a strict suffix
/// of `long` ("vasseur" / "lucien vasseur"), or matches it with initials ("l vasseur").
pub(super) fn person_shortens(short: &[String], long: &[String]) -> bool {
    if short.len() >= long.len() {
        if short.len() == long.len() && short.len() >= 2 {
            // "l vasseur" vs "lucien vasseur": same last word, initials compatible.
            return short != long
                && short.last() == long.last()
                && short[..short.len() - 1]
                    .iter()
                    .zip(&long[..long.len() - 1])
                    .all(|(s, l)| s == l || (s.chars().count() <= 2 && l.starts_with(s.as_str())));
        }
        return false;
    }
    let off = long.len() - short.len();
    if long[off..] == *short {
        // Particles alone are not surnames ("de").
        return !(short.len() == 1 && ACRONYM_SKIP.contains(&short[0].as_str()));
    }
    // "le bihan" / "claire le bihan" is covered; "vance" vs "jd vance" too.
    false
}

/// Initials of an expansion's content words ("union europeenne" -> "ue").
pub(super) fn initials(words: &[String]) -> String {
    let mut s = String::new();
    for w in words {
        if ACRONYM_SKIP.contains(&w.as_str()) {
            continue;
        }
        for part in w.split(|c: char| is_apostrophe(c) || c == '\'') {
            if let Some(c) = part.chars().next() {
                s.push(c);
            }
        }
    }
    s
}

pub(super) fn is_acronym_text(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && text
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '&' || c.is_ascii_digit())
}

pub(super) fn collapse_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if crate::text::chars::is_space(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}
#[cfg(test)]
mod tests {
    use super::super::canonical_actors;
    use super::super::test_support::{names, raw};
    use super::*;
    use crate::record::ActorType::*;
    use crate::text::Document;

    #[test]
    fn keys_fold_initials() {
        assert_eq!(name_key("J.D. Vance"), name_key("JD Vance"));
        assert_eq!(name_key("Anne-Sophie  Lévêque"), "anne sophie leveque");
    }

    #[test]
    fn dotted_initials_merge() {
        let text = "J.D. Vance est arrivé. JD Vance a parlé. Vance est reparti.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[("J.D. Vance", Per), ("JD Vance", Per), ("Vance", Per)],
        );
        let a = canonical_actors(&doc, &r);
        assert_eq!(a.len(), 1, "{:?}", names(&a));
        assert_eq!(a[0].mentions.len(), 3);
    }
}
