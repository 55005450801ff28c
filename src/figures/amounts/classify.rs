//! What a number phrase measures: percent, percentage points, ratio, money (a currency
//! after or before it, or implied by a recent money amount), a count (a counted noun, an
//! approximate number, or a number that counts something named before it), or nothing (a
//! label, a measure, an ambiguous currency); and the qualifier written before it.

use super::phrase::NumPhrase;
use super::units::{
    counted_noun, multiplier_before, percent_at, ratio_object, sentence_has_percent,
};
use super::Amt;
use crate::figures::lexicon::{
    is_demonym_form, is_function_word, is_measure_word, is_money_noun, QUALIFIERS,
};
use crate::figures::money::{currency_after, currency_before, currency_word, Cues};
use crate::figures::numbers::{is_number_word, parse_digits, parse_words};
use crate::figures::view::Toks;
use crate::lang::fr::figures as fr;
use crate::record::{AmountKind, Qualifier};

/// Decide what a number phrase measures.
pub(super) fn classify(
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
    if np.a > 0 && fr::has_label_words(t.key(np.a - 1)) && !np.approx {
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
        let small_ok = !small_words || (np.value >= 2.0 && fr::has_key_count_nouns(t.key(j)));
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
