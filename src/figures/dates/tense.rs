//! The tense of the clause around a date, for choosing the year of a partial date: the
//! past or future cue carried by one token, a participle right before the date ("votée
//! samedi", "prévu lundi"), and the nearest cue within the date's clause.

use crate::figures::lexicon::{
    is_clause_opener, is_determiner, is_function_word, is_scheduling_participle, month,
};
use crate::figures::view::Toks;
use crate::lang::fr::figures as fr;

/// Verb tense around a date, for choosing the year of a partial date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// The sentence speaks of the past.
    Past,
    /// The sentence speaks of the future.
    Future,
    /// No cue.
    Unknown,
}

/// Past or future cue carried by one token, if any.
fn tense_cue(t: &Toks, i: usize) -> Tense {
    let raw = t.raw(i);
    if raw == "a" || raw == "A" {
        return Tense::Past;
    }
    if t.is_cap(i) {
        return Tense::Unknown;
    }
    let k = t.key(i);
    match k {
        // "dernier" / "prochain" date a time noun ("le mois dernier"), not a noun they
        // precede ("un dernier round", "la prochaine étape").
        "dernier" | "derniere" | "derniers" | "passe" | "passee" | "precedent" | "precedente"
            if !is_determiner(t.key_before(i, 1)) =>
        {
            Tense::Past
        }
        "prochain" | "prochaine" | "prochains" if !is_determiner(t.key_before(i, 1)) => {
            Tense::Future
        }
        _ if fr::has_past_cues(k) => Tense::Past,
        _ if fr::has_future_cues(k) => Tense::Future,
        _ => {
            let n = k.len();
            if n >= 6 && (k.ends_with("ront") || (k.ends_with("ra") && !k.ends_with("tra"))) {
                Tense::Future
            } else if n >= 5
                && (k.ends_with("ait") || k.ends_with("aient"))
                && !k.ends_with("rait")
                && !k.ends_with("raient")
            {
                Tense::Past
            } else {
                Tense::Unknown
            }
        }
    }
}

/// The tense a word after a month name states: "juin dernier", "mars passé" (past), "juin
/// prochain" (future); `Unknown` for any other word.
pub(super) fn month_tense(key: &str) -> Tense {
    match key {
        "dernier" | "passe" => Tense::Past,
        "prochain" => Tense::Future,
        _ => Tense::Unknown,
    }
}

/// How far (in tokens) a tense cue may be from the date.
const TENSE_REACH: usize = 24;

/// What a token means for the search of a date's tense cue.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// An ordinary token.
    Open,
    /// A comma: ends the clause of a date inside a clause, not of a fronted date.
    Comma,
    /// Opens a subordinate clause ("qui", "que", "si", "lorsque"): its verb is not the
    /// date's.
    Clause,
    /// A quotation mark, semicolon, colon or bracket: the tense on the other side belongs
    /// to another utterance ("...en juillet", a indiqué l'agence).
    Hard,
}

/// The boundary kind of token `i`.
fn bound(t: &Toks, i: usize) -> Bound {
    let raw = t.raw(i);
    match raw {
        "," => return Bound::Comma,
        "\"" | "«" | "»" | "“" | "”" | ";" | ":" | "(" | ")" | "[" | "]" | "--" | "—" | "–" => {
            return Bound::Hard
        }
        "où" | "Où" => return Bound::Clause,
        _ => {}
    }
    // "s'il", "s'ils": the elided "si".
    if t.key(i) == "s'" && matches!(t.key(i + 1), "il" | "ils") {
        return Bound::Clause;
    }
    if is_clause_opener(t.key(i)) {
        Bound::Clause
    } else {
        Bound::Open
    }
}

/// True when token `k` (right before a date, possibly after "le"/"ce" and an adverb) is a
/// past participle that dates a past event: "dévoilé lundi", "votée samedi", "adopté le
/// 3 mars". Participles of scheduling ("prévu", "reporté") are not.
fn participle_before(t: &Toks, a: usize) -> Tense {
    let mut k = a;
    for _ in 0..3 {
        if k == 0 || !t.same_sent(k - 1, a) {
            return Tense::Unknown;
        }
        k -= 1;
        let key = t.key(k);
        if matches!(key, "le" | "ce" | "l'" | "des" | "du" | "au" | "pour")
            || t.raw(k) == "à"
            || key.ends_with("ment")
        {
            continue;
        }
        if !t.is_word(k) || t.is_cap(k) {
            return Tense::Unknown;
        }
        let raw = t.raw(k);
        // A noun in -é after a determiner is no participle ("la reprise des hostilités").
        let noun = k > 0 && (is_determiner(t.key(k - 1)) || matches!(t.key(k - 1), "de" | "d'"));
        if !noun && ["é", "ée", "és", "ées"].iter().any(|s| raw.ends_with(s)) && raw.len() >= 5
        {
            if is_scheduling_participle(key) {
                return Tense::Future;
            }
            return auxiliary_tense(t, k);
        }
        return Tense::Unknown;
    }
    Tense::Unknown
}

/// The tense of a past participle at `k` from its auxiliary: "sera examiné" (future), "a
/// été voté" (past), "est voté" (present: unknown); a participle with no auxiliary ("la loi,
/// votée samedi") dates a past event.
fn auxiliary_tense(t: &Toks, k: usize) -> Tense {
    let mut j = k;
    for _ in 0..6 {
        if j == 0 || !t.same_sent(j - 1, k) || bound(t, j - 1) != Bound::Open {
            break;
        }
        j -= 1;
        if matches!(t.key(j), "est" | "sont" | "soit" | "soient") {
            return Tense::Unknown;
        }
        // "sera à son tour interrogé": the auxiliary may stand a few words back.
        let c = tense_cue(t, j);
        if c != Tense::Unknown {
            return c;
        }
    }
    Tense::Past
}

/// True when token `k` is an infinitive introduced by "à", "de", "pour" ("appelé à
/// manifester lundi", "sa volonté de disputer des matchs en juillet"): the date belongs to
/// the infinitive's event, which the tense of the main verb does not place.
fn infinitive_at(t: &Toks, k: usize) -> bool {
    let key = t.key(k);
    if !t.is_word(k)
        || t.is_cap(k)
        || key.len() < 5
        || !(key.ends_with("er") || key.ends_with("ir"))
    {
        return false;
    }
    // "à partir de juillet" is a preposition, not an infinitive.
    if month(key).is_some() || is_function_word(key) || t.key(k + 1) == "de" && key == "partir" {
        return false;
    }
    let mut p = k;
    if p > 0
        && matches!(
            t.key(p - 1),
            "se" | "s'" | "les" | "le" | "la" | "l'" | "y" | "en"
        )
    {
        p -= 1;
    }
    p > 0 && (t.raw(p - 1) == "à" || matches!(t.key(p - 1), "de" | "d'" | "pour" | "afin"))
}

/// The tense of the clause holding the date at tokens `a..=i`: a participle right before
/// it, else the nearest cue within its clause. The search stops at quotation marks,
/// semicolons and brackets, at words opening another clause, and on the left at an
/// infinitive that the date belongs to; a comma ends the clause of a date inside it but
/// not of a fronted one ("Le 4 octobre, la course a eu lieu").
pub fn tense_near(t: &Toks, a: usize, i: usize) -> Tense {
    let p = participle_before(t, a);
    if p != Tense::Unknown {
        return p;
    }
    let r = t.sentence_tokens(i);
    // Left: the nearest cue before the date, unless a clause opener or an infinitive the
    // date belongs to comes first.
    let mut left = (Tense::Unknown, usize::MAX);
    let mut subordinate = false;
    let mut infinitive = false;
    let mut k = a;
    while k > r.start && a - k < TENSE_REACH {
        k -= 1;
        match bound(t, k) {
            Bound::Hard => break,
            Bound::Clause => {
                // "Mais vendredi, X a cédé": a coordinator opens no subordinate clause.
                subordinate = !matches!(t.key(k), "mais" | "alors" | "car");
                break;
            }
            Bound::Comma => continue,
            Bound::Open => {}
        }
        if infinitive_at(t, k) {
            // The infinitive's event is placed by a future or modal verb ("doit débuter
            // lundi pour s'achever mardi"), not by a past one ("a appelé à manifester lundi").
            infinitive = true;
            subordinate = true;
            continue;
        }
        let c = tense_cue(t, k);
        if c != Tense::Unknown {
            if !(infinitive && c == Tense::Past) {
                left = (c, a - k);
            }
            break;
        }
    }
    // A date with no verb before it in its clause is fronted ("Le 4 octobre, la course a eu
    // lieu", "Mercredi, lors d'une réunion --...--, la France avait"): its verb may come
    // after a comma or an aside. A date inside a subordinate clause stops at the comma.
    let front = !subordinate && left.0 == Tense::Unknown;
    let reach = if front { TENSE_REACH + 12 } else { TENSE_REACH };
    let mut right = (Tense::Unknown, usize::MAX);
    let mut k = i + 1;
    while k < r.end && k - i <= reach {
        match bound(t, k) {
            Bound::Hard if !front || !matches!(t.raw(k), "--" | "—" | "–" | "(" | ")") => break,
            Bound::Clause | Bound::Comma if !front => break,
            _ => {}
        }
        let c = tense_cue(t, k);
        if c != Tense::Unknown {
            right = (c, k - i);
            break;
        }
        k += 1;
    }
    if right.1 <= left.1 {
        right.0
    } else {
        left.0
    }
}
