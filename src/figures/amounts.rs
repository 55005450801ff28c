//! Amounts: money, percentages, percentage points, counts and ratios, with their
//! qualifiers ("près de", "plus de", "entre ... et ..."), rates ("par mois") and the date
//! they refer to ("en 2028").
//!
//! The rules read a number phrase (digits with an optional magnitude, number words, or an
//! approximate-number noun such as "une centaine"), then what follows it (a currency, `%`,
//! "points", "fois plus", a counted noun), then what precedes it (a currency symbol, a
//! qualifier). Intervals and bare magnitudes borrow the unit of their neighbour.

use super::dates::DateHit;
use super::lexicon::{
    is_demonym_form, is_function_word, is_measure_word, is_money_noun, is_pre_noun_adjective,
    is_rate_noun, is_substantive_adjective, month, weekday, QUALIFIERS,
};
use super::money::{currency_after, currency_before, currency_word, Cues};
use super::numbers::{approx_noun, is_number_word, magnitude, parse_digits, parse_words};
use super::view::Toks;
use crate::record::{AmountKind, Qualifier};

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

/// One amount before it becomes a record.
#[derive(Clone, Debug, PartialEq)]
pub struct Amt {
    /// First token of the span.
    pub a: usize,
    /// One past the last token of the span.
    pub b: usize,
    /// The number phrase.
    pub num: NumPhrase,
    /// What it measures; `None` for a bare number kept only to complete an interval.
    pub kind: Option<AmountKind>,
    /// The value.
    pub value: f64,
    /// Currency or counted noun.
    pub unit: Option<String>,
    /// Qualifier.
    pub qualifier: Option<Qualifier>,
    /// Interval ends.
    pub low: Option<f64>,
    /// Interval ends.
    pub high: Option<f64>,
    /// Rate noun.
    pub rate: Option<String>,
    /// Date referred to.
    pub refers_to: Option<String>,
}

/// Words before a number that make it a label, not a quantity ("article 3", "acte 15").
fn is_label_word(k: &str) -> bool {
    matches!(
        k,
        "n°" | "no"
            | "n"
            | "numero"
            | "article"
            | "art."
            | "alinea"
            | "page"
            | "p."
            | "chapitre"
            | "ligne"
            | "acte"
            | "saison"
            | "episode"
            | "tome"
            | "volume"
            | "vol."
            | "version"
            | "ligue"
            | "groupe"
            | "niveau"
            | "zone"
            | "etape"
            | "section"
            | "paragraphe"
            | "classe"
            | "categorie"
            | "porte"
            | "salle"
            | "chambre"
            | "lot"
            | "autoroute"
            | "rn"
            | "departement"
            | "arrondissement"
            | "canal"
            | "vol"
            | "figure"
            | "annexe"
            | "titre"
            | "livre"
            | "match"
            | "journee"
            | "manche"
            | "tour"
            | "top"
            | "taille"
            | "pointure"
            | "indice"
            | "mesure"
            | "proposition"
            | "amendement"
            | "loi"
    )
}

/// Nouns whose counts matter even when small and spelled out ("trois morts").
fn is_key_count_noun(k: &str) -> bool {
    matches!(
        k,
        "morts"
            | "blesses"
            | "victimes"
            | "tues"
            | "deces"
            | "personnes"
            | "otages"
            | "enfants"
            | "soldats"
            | "militaires"
            | "policiers"
            | "gendarmes"
            | "pompiers"
            | "manifestants"
            | "migrants"
            | "refugies"
            | "civils"
            | "detenus"
            | "prisonniers"
            | "suspects"
            | "salaries"
            | "emplois"
            | "postes"
            | "habitants"
            | "hommes"
            | "femmes"
            | "adolescents"
            | "mineurs"
            | "patients"
            | "malades"
            | "cas"
            | "journalistes"
            | "interpellations"
            | "arrestations"
            | "disparus"
            | "survivants"
    )
}

/// Approximate-number determiners ("une centaine", "des milliers", "quelques dizaines").
fn is_approx_det(k: &str) -> bool {
    matches!(
        k,
        "un" | "une"
            | "des"
            | "plusieurs"
            | "quelques"
            | "de"
            | "d'"
            | "ces"
            | "les"
            | "la"
            | "cette"
    )
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
                        || super::money::iso_code(t.raw(b + 1)).is_some()
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
    if is_approx_det(k) || is_number_word(k) {
        let (base, mut j) = if is_approx_det(k) && !matches!(k, "un" | "une") {
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

/// The counted noun at token `j`: one past its last token, and the end of the unit text
/// (noun, optional adjective before it, optional "de" complement after it).
fn counted_noun(t: &Toks, j: usize, plural: bool) -> Option<usize> {
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

/// A qualifier written before token `a`: the qualifier, the first token of its words, and
/// whether it is right before the number (it then belongs in the span).
fn qualifier_before(t: &Toks, a: usize) -> Option<(Qualifier, usize, bool)> {
    let mut p = a;
    let mut adjacent = true;
    // "dépasser, les 100 milliards": skip one determiner and one comma.
    for _ in 0..2 {
        if p > 0 && matches!(t.key(p - 1), "les" | "des" | "la" | "le" | "," | "l'") {
            p -= 1;
            adjacent = false;
        }
    }
    let mut best: Option<(Qualifier, usize, bool)> = None;
    for &(words, q) in QUALIFIERS {
        let n = words.len();
        if n > p {
            continue;
        }
        if words
            .iter()
            .enumerate()
            .all(|(x, w)| t.key(p - n + x) == *w)
        {
            let start = p - n;
            let better = match best {
                None => true,
                Some((_, s, _)) => start < s,
            };
            if better {
                best = Some((q, start, adjacent));
            }
        }
        // ", voire dépasser ," with a comma between.
        if n == 2
            && words[0] == "voire"
            && p >= 3
            && t.key(p - 1) == ","
            && t.key(p - 3) == "voire"
            && t.key(p - 2) == "depasser"
        {
            best = Some((q, p - 3, false));
        }
    }
    best
}

/// Percentage written at `b`: one past its tokens.
fn percent_at(t: &Toks, b: usize) -> Option<usize> {
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
fn sentence_has_percent(t: &Toks, i: usize) -> bool {
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
fn ratio_verb(t: &Toks, i: usize) -> Option<(f64, usize, usize)> {
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
        if participle
            && (rp == "a"
                || matches!(
                    kp,
                    "ont" | "avait" | "avaient" | "aura" | "auront" | "ayant" | "aurait"
                ))
        {
            break;
        }
        if infinitive
            && matches!(
                kp,
                "devrait"
                    | "devraient"
                    | "pourrait"
                    | "pourraient"
                    | "va"
                    | "vont"
                    | "doit"
                    | "doivent"
                    | "devra"
                    | "devront"
                    | "risque"
                    | "pourra"
            )
        {
            break;
        }
        if !matches!(
            kp,
            "plus"
                | "que"
                | "presque"
                | "quasiment"
                | "pratiquement"
                | "pres"
                | "meme"
                | "deja"
                | "environ"
                | "ainsi"
                | "donc"
                | "encore"
                | "pas"
                | "ne"
                | "n'"
                | "largement"
                | "au"
                | "moins"
        ) {
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

/// Scan the document for amounts. `used` marks tokens that belong to dates.
pub fn scan(t: &Toks, used: &[bool], dates: &[DateHit], cues: &Cues) -> Vec<Amt> {
    let mut out: Vec<Amt> = Vec::new();
    let mut last_money: Option<(String, usize)> = None;
    let n = t.len();
    let mut i = 0;
    while i < n {
        if used[i] || t.trig(i) & super::view::TRIG_AMOUNT == 0 {
            i += 1;
            continue;
        }
        if t.is_word(i) && !t.is_cap(i) {
            if let Some((v, a, b)) = ratio_verb(t, i) {
                out.push(Amt {
                    a,
                    b,
                    num: NumPhrase {
                        a: i,
                        b: i + 1,
                        value: v,
                        factor: 1.0,
                        approx: false,
                        words: true,
                        needs_de: false,
                    },
                    kind: Some(AmountKind::Ratio),
                    value: v,
                    unit: None,
                    qualifier: None,
                    low: None,
                    high: None,
                    rate: None,
                    refers_to: None,
                });
                i = b;
                continue;
            }
        }
        let Some(np) = number_phrase(t, i) else {
            i += 1;
            continue;
        };
        if (np.a..np.b).any(|j| used[j]) {
            i += 1;
            continue;
        }
        let amt = classify(t, np, cues, last_money.as_ref(), used);
        let next = amt.b.max(np.b);
        if amt.kind == Some(AmountKind::Money) {
            if let Some(u) = &amt.unit {
                last_money = Some((u.clone(), amt.b));
            }
        }
        out.push(amt);
        i = next;
    }
    intervals(t, &mut out);
    comparisons(t, &mut out);
    out.retain(|a| a.kind.is_some());
    for a in &mut out {
        tail(t, a, dates, used);
    }
    // The low end of an interval shares the rate and date of the high end ("de 40 à 50
    // euros par mois en 2020").
    for x in 1..out.len() {
        let (l, r) = out.split_at_mut(x);
        let (p, q) = (&mut l[x - 1], &r[0]);
        if p.qualifier == Some(Qualifier::Between) && p.high == q.high && p.low == q.low {
            if p.rate.is_none() {
                p.rate = q.rate.clone();
            }
            if p.refers_to.is_none() {
                p.refers_to = q.refers_to.clone();
            }
        }
    }
    out
}

/// Decide what a number phrase measures.
fn classify(
    t: &Toks,
    np: NumPhrase,
    cues: &Cues,
    last_money: Option<&(String, usize)>,
    used: &[bool],
) -> Amt {
    let mut amt = Amt {
        a: np.a,
        b: np.b,
        num: np,
        kind: None,
        value: np.value,
        unit: None,
        qualifier: None,
        low: None,
        high: None,
        rate: None,
        refers_to: None,
    };
    let b = np.b;
    let small_words = np.words && !np.approx && np.factor == 1.0 && np.value < 10.0;
    let free = |j: usize| j < used.len() && !used[j];
    // Percent.
    if let Some(e) = percent_at(t, b) {
        amt.kind = Some(AmountKind::Percent);
        amt.b = e;
        if let Some(sign) = sign_before(t, np.a) {
            amt.value = sign * np.value;
            amt.a = np.a - 1;
        }
    }
    // Percentage points.
    else if matches!(t.key(b), "point" | "points" | "pts" | "pt") && !np.approx {
        if t.key(b + 1) == "de" && matches!(t.key(b + 2), "pourcentage" | "base") {
            amt.kind = Some(AmountKind::Points);
            amt.b = b + 3;
        } else if sentence_has_percent(t, b) {
            amt.kind = Some(AmountKind::Points);
            amt.b = b + 1;
        }
    }
    // Ratio: "10 fois plus rapide".
    else if t.key(b) == "fois" {
        let c = t.key(b + 1);
        let comparative = matches!(c, "plus" | "moins" | "mieux" | "davantage" | "autant")
            || c.starts_with("superieur")
            || c.starts_with("inferieur");
        if !comparative && ratio_object(t, b + 1) {
            // "cinq fois ce montant", "1,6 fois le dollar".
            amt.kind = Some(AmountKind::Ratio);
            amt.b = b + 3;
        } else if comparative {
            amt.kind = Some(AmountKind::Ratio);
            amt.b = b + 2;
            let c2 = t.key(b + 2);
            if t.is_word(b + 2)
                && !t.is_cap(b + 2)
                && !is_function_word(c2)
                && !matches!(c2, "que" | "qu'")
            {
                amt.b = b + 3;
            }
        }
    }
    if amt.kind.is_some() {
        return finish(t, amt);
    }
    // "multiplié par 3", "multiplier ce revenu par cinq".
    if let Some(m) = multiplier_before(t, np.a) {
        amt.kind = Some(AmountKind::Ratio);
        amt.a = m;
        return finish(t, amt);
    }
    // Money, currency after: "300 milliards de dollars", "35 900 €", "4,5 Md€".
    let mut cur = None;
    if (np.factor > 1.0 || np.approx) && matches!(t.key(b), "de" | "d'") && free(b + 1) {
        cur = currency_after(t, b + 1, cues);
    }
    if cur.is_none() && free(b) {
        cur = currency_after(t, b, cues);
    }
    // A currency word whose country is unknown ("pesos", "couronnes"): no amount at all
    // rather than a wrong currency.
    if cur.is_none() {
        let j = if np.needs_de && matches!(t.key(b), "de" | "d'") {
            b + 1
        } else {
            b
        };
        if currency_word(t.key(j)).is_some() && !t.is_cap(j) {
            return amt;
        }
        if np.needs_de && matches!(t.key(b), "de" | "d'") && is_measure_word(t.key(b + 1)) {
            // "1,6 million d'hectares", "des millions de fois": a measure.
            return amt;
        }
    }
    if let Some(c) = cur {
        amt.kind = Some(AmountKind::Money);
        amt.unit = Some(c.code.to_string());
        amt.value = np.value * c.factor;
        amt.b = c.end;
        return finish(t, amt);
    }
    // Money, currency before: "USD 3 millions", "$3 millions", "€ 20".
    if let Some((code, start)) = currency_before(t, np.a, cues) {
        amt.kind = Some(AmountKind::Money);
        amt.unit = Some(code.to_string());
        amt.a = start;
        return finish(t, amt);
    }
    // Labels: "article 3", "l'acte 15".
    if np.a > 0 && is_label_word(t.key(np.a - 1)) && !np.approx {
        return amt;
    }
    // Count: "1 000 chefs d'entreprise", "une centaine de pays", "30 millions de cas".
    let noun_at = if np.needs_de {
        matches!(t.key(b), "de" | "d'").then_some(b + 1)
    } else {
        Some(b)
    }
    // A quoted noun: "une trentaine de « gilets jaunes »".
    .map(|j| {
        if matches!(t.raw(j), "\"" | "«" | "“") {
            j + 1
        } else {
            j
        }
    });
    // "huit millions de fonds propres" after a euro amount: money.
    if np.factor >= 1e6 && matches!(t.key(b), "de" | "d'") && is_money_noun(t.key(b + 1)) {
        if let Some((code, at)) = last_money {
            if np.a.saturating_sub(*at) <= MONEY_REACH_TOKENS {
                amt.kind = Some(AmountKind::Money);
                amt.unit = Some(code.clone());
                return finish(t, amt);
            }
        }
    }
    if let Some(j) = noun_at {
        // Small numbers in words count only for the nouns news counts ("trois morts"), not
        // for "deux grands absents".
        let small_ok = !small_words || (np.value >= 2.0 && is_key_count_noun(t.key(j)));
        // "le Mouvement 5 Étoiles": a number between capitalised words is part of a name.
        let in_name = t.is_cap(j)
            && ((np.a > 0
                && t.is_cap(np.a - 1)
                && t.same_sent(np.a - 1, np.a)
                && t.sentence_tokens(np.a).start != np.a - 1)
                || (np.value < 10.0 && !is_demonym_form(t.key(j))));
        if small_ok && !in_name && free(j) && t.same_sent(np.a, j) {
            if let Some(e) = counted_noun(t, j, np.value >= 2.0) {
                if !is_year_like(t, np) || t.key(j).ends_with('s') {
                    amt.kind = Some(AmountKind::Count);
                    amt.unit = Some(t.doc.text[t.start(j)..t.end(e - 1)].to_string());
                    amt.b = e;
                    return finish(t, amt);
                }
            }
        }
    }
    // A bare magnitude takes the currency of a recent amount ("... de 76 millions").
    if np.factor >= 1e6 || (np.approx && np.value >= 1e6) {
        if let Some((code, at)) = last_money {
            let at = *at;
            let near = np.a.saturating_sub(at) <= MONEY_REACH_TOKENS
                && t.sent(np.a).saturating_sub(t.sent(at.min(t.len() - 1)))
                    <= MONEY_REACH_SENTENCES;
            if near {
                amt.kind = Some(AmountKind::Money);
                amt.unit = Some(code.clone());
                return finish(t, amt);
            }
        }
        amt.kind = Some(AmountKind::Count);
        return finish(t, amt);
    }
    if np.approx && !matches!(t.key(b), "de" | "d'") {
        // "ils étaient des milliers".
        amt.kind = Some(AmountKind::Count);
        return finish(t, amt);
    }
    if np.approx && t.key(b + 1) == "entre" {
        // "une centaine d'entre eux".
        amt.kind = Some(AmountKind::Count);
        return finish(t, amt);
    }
    if elided_count(t, np, used) {
        amt.kind = Some(AmountKind::Count);
        return finish(t, amt);
    }
    amt
}

/// "N sur M" with M below this is a proportion ("1 sur 4", "7 jours sur 7"), not two counts.
const PROPORTION_MAX: f64 = 12.0;

/// How far back (tokens, sentences) a bare magnitude looks for the currency it implies.
const MONEY_REACH_TOKENS: usize = 250;
/// See [`MONEY_REACH_TOKENS`].
const MONEY_REACH_SENTENCES: usize = 4;

/// "-18,5 %", "+3,2 %": the sign glued before the number at `a` (not the hyphen of a range
/// "10-12 %").
fn sign_before(t: &Toks, a: usize) -> Option<f64> {
    if a == 0 || t.end(a - 1) != t.start(a) {
        return None;
    }
    let sign = match t.raw(a - 1) {
        "-" | "−" | "–" => -1.0,
        "+" => 1.0,
        _ => return None,
    };
    // "10-12 %" is a range; "(-18,5%)" is signed.
    if a >= 2 && t.end(a - 2) == t.start(a - 1) && (t.is_num(a - 2) || t.is_word(a - 2)) {
        return None;
    }
    Some(sign)
}

/// After "N fois": a determiner and a noun that is not a period ("cinq fois ce montant",
/// "1,6 fois le dollar"; not "deux fois la semaine", "trois fois, le ...").
fn ratio_object(t: &Toks, j: usize) -> bool {
    matches!(
        t.key(j),
        "ce" | "cet"
            | "cette"
            | "ces"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
    ) && t.is_word(j + 1)
        && !is_function_word(t.key(j + 1))
        && !is_measure_word(t.key(j + 1))
        && t.same_sent(j, j + 1)
}

/// "multiplié par 3", "multiplier ce revenu par cinq": the first token of the verb when
/// "par" before `a` follows a form of "multiplier" within four words.
fn multiplier_before(t: &Toks, a: usize) -> Option<usize> {
    if a == 0 || t.key(a - 1) != "par" {
        return None;
    }
    (a.saturating_sub(6)..a - 1)
        .rev()
        .find(|&k| t.key(k).starts_with("multipli") && t.same_sent(k, a))
}

/// A number with no counted noun that still counts something named before it: written
/// with thousands separators or over a thousand ("18 000 selon la police", "la barre des
/// 5.000", "les 30.000 autres"), or in a frame that counts ("158 des 300 sièges", "16 sur
/// 233", "huit sur 14", "plus de 200"). What follows must not be a word that could be a
/// unit or a name.
fn elided_count(t: &Toks, np: NumPhrase, used: &[bool]) -> bool {
    if np.words || np.approx || np.factor != 1.0 || np.b != np.a + 1 {
        return false;
    }
    let raw = t.raw(np.a);
    if raw.contains(',') || np.value < 2.0 {
        return false;
    }
    let next = np.b;
    let nk = t.key(next);
    let follow_ok = next >= t.len()
        || !t.same_sent(np.a, next)
        || used.get(next).copied().unwrap_or(false)
        || (t.is_word(next) && (is_function_word(nk) || matches!(nk, "selon" | "autres")))
        || matches!(
            t.raw(next),
            "," | "." | ";" | ")" | "(" | "«" | "»" | "\"" | "!" | "?" | "…"
        );
    if !follow_ok || matches!(nk, "h" | "pour") {
        return false;
    }
    let grouped = raw.bytes().any(|c| !c.is_ascii_digit());
    let year_like = !grouped && (1000.0..=2100.0).contains(&np.value);
    // An ungrouped number after "le", a code or a number is a label ("le 3919", "ticket
    // AD 183 7135", "n° 55221").
    let label = np.a > 0
        && (matches!(t.key(np.a - 1), "le" | "au" | "du")
            || t.is_num(np.a - 1)
            || t.raw(np.a - 1).ends_with('°')
            || t.raw(np.a - 1).chars().all(|c| c.is_ascii_uppercase()));
    if np.value >= 1000.0 && (grouped || (!year_like && raw.len() <= 6 && !label)) {
        return true;
    }
    // "158 des 300 sièges", "16 sur 233" (not proportions such as "4 sur 5", "24 heures
    // sur 24").
    let whole = parse_digits(t.key(next + 1)).filter(|_| t.is_num(next + 1));
    if let Some(m) = whole {
        if matches!(nk, "des" | "sur") && !year_like && m > np.value && m >= PROPORTION_MAX {
            return true;
        }
    }
    // "huit circonscriptions sur 14".
    let prev = t.key_before(np.a, 1);
    if prev == "sur" && np.a >= 2 && np.value >= PROPORTION_MAX {
        let part = (np.a.saturating_sub(5)..np.a - 1).rev().find_map(|k| {
            if !t.same_sent(k, np.a) {
                None
            } else if t.is_num(k) {
                parse_digits(t.key(k))
            } else if is_number_word(t.key(k)) {
                parse_words(t, k).map(|w| w.value)
            } else {
                None
            }
        });
        if part.is_some_and(|p| p < np.value) && !is_measure_word(t.key(np.a - 2)) {
            return true;
        }
    }
    if nk == "selon" && np.value >= 10.0 {
        return true;
    }
    np.value >= 100.0
        && matches!(
            qualifier_before(t, np.a),
            Some((
                Qualifier::MoreThan | Qualifier::Approximately | Qualifier::AtLeast,
                _,
                true
            ))
        )
        && (!year_like || matches!(prev, "de" | "d'" | "a"))
}

/// A plain four-digit number that could be a year.
fn is_year_like(t: &Toks, np: NumPhrase) -> bool {
    !np.words
        && np.factor == 1.0
        && np.b == np.a + 1
        && t.key(np.a).len() == 4
        && (1900.0..=2100.0).contains(&np.value)
}

/// Qualifier, approximate flag.
fn finish(t: &Toks, mut amt: Amt) -> Amt {
    if let Some((q, start, adjacent)) = qualifier_before(t, amt.a) {
        amt.qualifier = Some(q);
        if adjacent {
            amt.a = start;
        }
    } else if amt.num.approx {
        amt.qualifier = Some(Qualifier::Approximately);
    }
    amt
}

/// Intervals and coordinations: "entre 30 et 40 %", "de 40 à 50 millions d'euros",
/// "de 35 900 € à 40 000": both ends get the unit, the kind and the interval.
fn intervals(t: &Toks, out: &mut [Amt]) {
    for x in 0..out.len().saturating_sub(1) {
        let (l, r) = out.split_at_mut(x + 1);
        let p = &mut l[x];
        let q = &mut r[0];
        if q.num.a != p.num.b + 1 && !(q.num.a == p.b + 1 && p.kind.is_some()) {
            continue;
        }
        let conn = t.key(q.num.a - 1);
        if !matches!(conn, "et" | "a" | "-" | "ou" | "/" | "–") {
            continue;
        }
        let before = t.key_before(p.num.a, 1);
        let opener = matches!(before, "entre" | "de" | "d'" | "du");
        // "500 et 525 millions d'euros": a bare number coordinated with an amount.
        let coordinated = is_bare(p)
            && q.kind.is_some()
            && !is_bare(q)
            && p.num.b + 1 == q.num.a
            && !p.num.words
            && q.num.factor > 1.0;
        if conn == "et" && before != "entre" && !coordinated {
            continue;
        }
        if is_bare(p) && q.kind.is_some() && !is_bare(q) && p.num.b == q.num.a - 1 {
            p.kind = q.kind;
            p.unit = q.unit.clone();
            if p.num.factor == 1.0 && q.num.factor > 1.0 && !p.num.words {
                p.value *= q.num.factor;
            }
            p.a = if opener { p.num.a - 1 } else { p.num.a };
        } else if p.kind.is_some() && !is_bare(p) && is_bare(q) && opener {
            q.kind = p.kind;
            q.unit = p.unit.clone();
            if q.num.factor == 1.0 && p.num.factor > 1.0 && !q.num.words {
                q.value *= p.num.factor;
            }
        } else if p.kind == Some(AmountKind::Count)
            && p.unit.is_none()
            && p.num.factor > 1.0
            && q.kind == Some(AmountKind::Money)
        {
            // "entre 7,9 milliards et 17,2 milliards d'euros".
            p.kind = q.kind;
            p.unit = q.unit.clone();
        } else if p.kind.is_none() || q.kind.is_none() || p.kind != q.kind || p.unit != q.unit {
            continue;
        }
        let change = before == "de"
            && p.num.a >= 2
            && (t.key(p.num.a - 2).starts_with("pass") || t.key(p.num.a - 2).starts_with("chut"));
        if opener && !change || matches!(conn, "-" | "–" | "/") {
            let (lo, hi) = if p.value <= q.value {
                (p.value, q.value)
            } else {
                (q.value, p.value)
            };
            for z in [&mut *p, &mut *q] {
                z.low = Some(lo);
                z.high = Some(hi);
                if z.qualifier.is_none() {
                    z.qualifier = Some(Qualifier::Between);
                }
            }
        }
    }
}

/// True for a number with no unit of its own: unclassified, or read as an elided count
/// ("18 000" alone), so a neighbour's unit may replace it.
fn is_bare(a: &Amt) -> bool {
    a.kind.is_none()
        || (a.kind == Some(AmountKind::Count)
            && a.unit.is_none()
            && a.num.factor == 1.0
            && !a.num.approx
            && !a.num.words)
}

/// A bare number compared with a money or percent amount just before it takes its unit:
/// "40 000 euros, contre 35 000 l'an dernier".
fn comparisons(t: &Toks, out: &mut [Amt]) {
    for x in 1..out.len() {
        if !is_bare(&out[x]) {
            continue;
        }
        let a = out[x].num.a;
        if a == 0 || t.key(a - 1) != "contre" || out[x].num.words {
            continue;
        }
        // Only right after the compared amount: "X euros contre Y", "X euros, contre Y".
        let prev = &out[x - 1];
        let gap = a - 1 - prev.b.min(a - 1);
        let near = gap == 0 || (gap == 1 && matches!(t.key(prev.b), "," | "("));
        let same_scale = prev.num.factor == out[x].num.factor;
        if near
            && same_scale
            && matches!(
                prev.kind,
                Some(AmountKind::Money) | Some(AmountKind::Percent)
            )
        {
            let (kind, unit) = (prev.kind, prev.unit.clone());
            out[x].kind = kind;
            out[x].unit = unit;
        }
    }
}

/// Rate ("par mois") and referred date ("en 2028") after the amount.
fn tail(t: &Toks, a: &mut Amt, dates: &[DateHit], used: &[bool]) {
    let e = a.b;
    let k = t.key(e);
    if (k == "par" || k == "/") && is_rate_noun(t.key(e + 1)) && t.same_sent(e, e + 1) {
        a.rate = Some(t.key(e + 1).to_string());
        a.b = e + 2;
    } else if let Some(r) = match k {
        "annuels" | "annuelles" | "annuel" | "annuelle" => Some("an"),
        "mensuels" | "mensuelles" | "mensuel" | "mensuelle" => Some("mois"),
        "hebdomadaires" => Some("semaine"),
        "quotidiens" => Some("jour"),
        _ => None,
    } {
        if a.kind == Some(AmountKind::Money) {
            a.rate = Some(r.to_string());
            a.b = e + 1;
        }
    }
    let e = a.b;
    if e < used.len() && used[e] {
        let at = dates.partition_point(|d| d.a < e);
        if let Some(d) = dates.get(at) {
            if d.a == e && matches!(t.key(e), "en" | "d'" | "fin" | "debut" | "mi" | "courant") {
                a.refers_to = d.value.clone();
                a.b = d.b;
            }
        }
    }
}
