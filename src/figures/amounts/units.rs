//! The words around a number phrase that say what it measures: the counted noun after it,
//! a percent sign, "points" in a sentence about percentages, the object of "N fois", the
//! verb of "multiplié par N", and ratio verbs ("a doublé", "devrait tripler").

use crate::figures::lexicon::{
    is_function_word, is_measure_word, is_pre_noun_adjective, is_substantive_adjective, month,
    weekday,
};
use crate::figures::money::currency_word;
use crate::figures::numbers::{approx_noun, is_number_word, magnitude};
use crate::figures::view::Toks;
use crate::lang::fr::figures as fr;

/// The counted noun at token `j`: one past its last token, and the end of the unit text
/// (noun, optional adjective before it, optional "de" complement after it).
pub(super) fn counted_noun(t: &Toks, j: usize, plural: bool) -> Option<usize> {
    let ok_noun = |j: usize| -> bool {
        if !t.is_word(j) {
            return false;
        }
        let k = t.key(j);
        if k.len() < 2
            || is_function_word(k)
            || is_measure_word(k)
            || month(k).is_some()
            || weekday(k).is_some()
            || currency_word(k).is_some()
            || is_number_word(k)
            || magnitude(k).is_some()
            || approx_noun(k).is_some()
            || k.bytes().any(|b| b.is_ascii_digit())
            || matches!(
                k,
                "fois" | "pour" | "points" | "point" | "pts" | "pourcent" | "h" | "er" | "e"
            )
        {
            return false;
        }
        // Verbs and adverbs: "30 autres montraient", "17 grièvement".
        if k.len() > 4
            && (k.ends_with("aient")
                || k.ends_with("ait")
                || k.ends_with("erent")
                || k.ends_with("ment"))
        {
            return false;
        }
        // More than one of something is plural: "12 morts", "300 repas", "73 quintaux".
        if plural && !(k.ends_with('s') || k.ends_with('x') || k.ends_with('z')) {
            return false;
        }
        if t.is_cap(j) {
            // "30 000 Français" is a count; "3 Suisses" or "Mardi" are not worth the risk
            // (the caller also drops small numbers before a capitalised non-demonym).
            let raw = t.raw(j);
            return raw.ends_with('s') && raw.chars().nth(1).is_some_and(|c| c.is_lowercase());
        }
        true
    };
    let mut e = j;
    if is_pre_noun_adjective(t.key(j)) {
        // "12 nouveaux cas"; "les 30 dernières années" is a duration, not a count; "2.100
        // jeunes qui ..." names people by the adjective alone.
        if ok_noun(j + 1) {
            e = j + 2;
        } else if is_substantive_adjective(t.key(j)) && ok_noun(j) {
            e = j + 1;
        } else {
            return None;
        }
    } else if ok_noun(j) {
        e = j + 1;
    }
    if e == j {
        return None;
    }
    // "chefs d'entreprise", "cas de coronavirus".
    if matches!(t.key(e), "de" | "d'")
        && t.is_word(e + 1)
        && !t.is_cap(e + 1)
        && !is_function_word(t.key(e + 1))
        && !is_measure_word(t.key(e + 1))
        && currency_word(t.key(e + 1)).is_none()
        && t.same_sent(e, e + 1)
    {
        e += 2;
    }
    Some(e)
}

/// Percentage written at `b`: one past its tokens.
pub(super) fn percent_at(t: &Toks, b: usize) -> Option<usize> {
    match t.key(b) {
        "%" | "pourcent" | "pct" | "p.c." | "pc" | "pourcents" => Some(b + 1),
        "pour" if t.key(b + 1) == "cent" => Some(b + 2),
        // Belgian "p.c.", tokenized "p." "c" ".".
        "p." if t.key(b + 1) == "c" && t.end(b) == t.start(b + 1) => {
            if t.key(b + 2) == "." && t.end(b + 1) == t.start(b + 2) {
                Some(b + 3)
            } else {
                Some(b + 2)
            }
        }
        _ => None,
    }
}

/// True when the sentence of token `i` speaks of percentages (for "3 points").
pub(super) fn sentence_has_percent(t: &Toks, i: usize) -> bool {
    // Within the sentence, and at most 40 tokens away (bounded work on run-on text).
    let r = t.sentence_tokens(i);
    let r = r.start.max(i.saturating_sub(40))..r.end.min(i + 40);
    r.into_iter().any(|j| {
        matches!(
            t.key(j),
            "%" | "sondage" | "taux" | "intentions" | "pourcentage" | "chomage" | "croissance"
        ) || (t.key(j) == "pour" && t.key(j + 1) == "cent")
    })
}

/// Ratio verbs: "a doublé", "ont triplé", "devrait doubler".
pub(super) fn ratio_verb(t: &Toks, i: usize) -> Option<(f64, usize, usize)> {
    let k = t.key(i);
    let (stem, v) = [
        ("doubl", 2.0),
        ("tripl", 3.0),
        ("quadrupl", 4.0),
        ("quintupl", 5.0),
        ("decupl", 10.0),
        ("centupl", 100.0),
    ]
    .into_iter()
    .find(|(s, _)| k.starts_with(s))?;
    let rest = &k[stem.len()..];
    let raw = t.raw(i);
    let participle = rest == "e" && raw.ends_with('é');
    let infinitive = rest == "er";
    if !participle && !infinitive {
        return None;
    }
    // Look back for the auxiliary or modal, skipping adverbs.
    let mut p = i;
    for _ in 0..3 {
        if p == 0 {
            return None;
        }
        p -= 1;
        let kp = t.key(p);
        let rp = t.raw(p);
        if participle && (rp == "a" || fr::has_ratio_auxiliaries(kp)) {
            break;
        }
        if infinitive && fr::has_ratio_modals(kp) {
            break;
        }
        if !fr::has_ratio_adverbs(kp) {
            return None;
        }
    }
    let mut e = i + 1;
    // "a doublé de taille", "a doublé en dix ans".
    if t.key(e) == "de" && t.is_word(e + 1) && !is_function_word(t.key(e + 1)) {
        e += 2;
    }
    Some((v, p, e))
}

/// After "N fois": a determiner and a noun that is not a period ("cinq fois ce montant",
/// "1,6 fois le dollar"; not "deux fois la semaine", "trois fois, le ...").
pub(super) fn ratio_object(t: &Toks, j: usize) -> bool {
    fr::has_ratio_object_determiners(t.key(j))
        && t.is_word(j + 1)
        && !is_function_word(t.key(j + 1))
        && !is_measure_word(t.key(j + 1))
        && t.same_sent(j, j + 1)
}

/// "multiplié par 3", "multiplier ce revenu par cinq": the first token of the verb when
/// "par" before `a` follows a form of "multiplier" within four words.
pub(super) fn multiplier_before(t: &Toks, a: usize) -> Option<usize> {
    if a == 0 || t.key(a - 1) != "par" {
        return None;
    }
    (a.saturating_sub(6)..a - 1)
        .rev()
        .find(|&k| t.key(k).starts_with("multipli") && t.same_sent(k, a))
}
