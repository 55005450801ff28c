//! Names spelled out before their acronym: "l'Agence valmoranaise des routes et des ports
//! (AVRP)". The tagger often cuts such names at an inner preposition ("Agence valmoranaise");
//! the acronym in parentheses says where the name starts.
//! The long form is found as Schwartz and Hearst do for biomedical abbreviations ("A simple
//! algorithm for identifying abbreviation definitions in biomedical text", PSB 2003): the
//! acronym's letters matched right to left against the words before it, its first letter
//! opening a word, within min(|A| + 5, 2|A|) words. The span found replaces the tagger's
//! mentions inside it.

use super::canonical::RawMention;
use crate::record::ActorType;
use crate::text::normalize::fold_key_into;
use crate::text::{Document, TokenKind};

/// Longest acronym considered, in characters.
const MAX_ACRONYM: usize = 10;

/// Extend or replace the mentions of `raw` by the long forms of the acronyms in parentheses
/// of `doc`. A long form counts when it stays in one clause (no punctuation), opens on a
/// capitalised word and overlaps a tagged mention (or its acronym is tagged); it takes the
/// type of the tagged mention covering most of it.
pub fn expand_acronyms(doc: &Document, raw: &mut Vec<RawMention>) {
    let n = doc.tokens.len();
    let mut i = 0;
    while i + 2 < n {
        if doc.token_text(i) == "(" && doc.token_text(i + 2) == ")" {
            if let Some(a) = acronym(doc.token_text(i + 1)) {
                if let Some(s) = long_form(doc, i, &a) {
                    apply(raw, s, i, i + 1);
                }
            }
        }
        i += 1;
    }
}

/// The letters of an acronym token: 2 to [`MAX_ACRONYM`] letters or digits, opening on a
/// capital, with a second capital or at most 6 characters ("AVRP", "Vetrax").
fn acronym(w: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = w.chars().filter(|c| c.is_alphanumeric()).collect();
    let upper = chars.iter().filter(|c| c.is_uppercase()).count();
    let ok = (2..=MAX_ACRONYM).contains(&chars.len())
        && chars[0].is_uppercase()
        && (upper >= 2 || chars.len() <= 6)
        && w.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '&');
    ok.then_some(chars)
}

/// The first token of the long form of acronym `a` that ends right before token `paren`.
fn long_form(doc: &Document, paren: usize, a: &[char]) -> Option<usize> {
    let max_words = (a.len() + 5).min(2 * a.len());
    // The window: words before the parenthesis, in the same sentence, no punctuation.
    let sentence_start = doc.sentences[doc.sentence_of_token(paren)].tokens().start;
    let mut first = paren;
    let mut words = 0;
    while first > sentence_start && words < max_words {
        let t = &doc.tokens[first - 1];
        if !matches!(
            t.kind,
            TokenKind::Word | TokenKind::Elision | TokenKind::Number
        ) {
            break;
        }
        first -= 1;
        words += 1;
    }
    if first == paren {
        return None;
    }
    // Match the letters right to left; (token, char index) positions.
    let toks: Vec<Vec<char>> = (first..paren)
        .map(|k| doc.token_text(k).chars().collect())
        .collect();
    let mut tk = toks.len() as isize - 1;
    let mut ck = toks.last().map_or(0, |t| t.len()) as isize - 1;
    for (si, &c) in a.iter().enumerate().rev() {
        let c = lower(c);
        loop {
            if tk < 0 {
                return None;
            }
            if ck < 0 {
                tk -= 1;
                if tk < 0 {
                    return None;
                }
                ck = toks[tk as usize].len() as isize - 1;
                continue;
            }
            let t = &toks[tk as usize];
            let here = lower(t[ck as usize]) == c;
            // The first letter must open a word.
            let opens = ck == 0 || !t[ck as usize - 1].is_alphanumeric();
            ck -= 1;
            if here && (si > 0 || opens) {
                break;
            }
        }
    }
    let mut s = first + tk as usize;
    if doc.tokens[s].kind == TokenKind::Elision {
        s += 1;
    }
    if s + 2 > paren || !doc.tokens[s].is_capitalized() {
        return None;
    }
    // An acronym in capitals has about one content word a letter: "Industries Extractives"
    // is too short for "ITIE" (its letters matched inside words).
    if a.iter().all(|c| !c.is_lowercase()) {
        let content = (s..paren)
            .filter(|&k| {
                let mut f = String::new();
                fold_key_into(doc.token_text(k), &mut f);
                !SKIP.contains(&f.as_str())
            })
            .count();
        if content + 1 < a.len() {
            return None;
        }
    }
    Some(s)
}

/// Function words left out of an acronym's letters (folded).
const SKIP: &[&str] = crate::lang::fr::actors::ACRONYM_SKIP;

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Replace the mentions overlapping `s..e` by one mention `s..e` when one of them (or the
/// acronym's mention at token `acr`) is tagged; its type is that of the mention covering most
/// of the span, else the acronym's.
fn apply(raw: &mut Vec<RawMention>, s: usize, e: usize, acr: usize) {
    let overlap = |m: &RawMention| m.first < e && s < m.end;
    if raw.iter().any(|m| m.first == s && m.end == e) {
        return;
    }
    let inside = |m: &RawMention| m.end.min(e).saturating_sub(m.first.max(s));
    let best = raw
        .iter()
        .filter(|m| overlap(m))
        .max_by_key(|m| inside(m))
        .map(|m| m.kind);
    let kind: Option<ActorType> = best.or_else(|| {
        raw.iter()
            .find(|m| m.first == acr && m.end == acr + 1)
            .map(|m| m.kind)
    });
    let Some(kind) = kind else { return };
    // A person's name is not spelled out before an acronym.
    let kind = if kind == ActorType::Per {
        ActorType::Org
    } else {
        kind
    };
    raw.retain(|m| !overlap(m));
    let at = raw.partition_point(|m| m.first < s);
    raw.insert(
        at,
        RawMention {
            first: s,
            end: e,
            kind,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::canonical::test_support::{raw, texts};

    fn expanded(text: &str, tagged: &[(&str, ActorType)]) -> Vec<(String, ActorType)> {
        let doc = Document::new(text, None);
        let mut raw = raw(&doc, tagged);
        expand_acronyms(&doc, &mut raw);
        texts(&doc, &raw)
    }

    #[test]
    fn cut_name_grows_to_its_acronym() {
        let got = expanded(
            "Selon le Bureau régional de contrôle des marchés (BRCM), le fonds",
            &[
                ("Bureau régional de contrôle", ActorType::Org),
                ("BRCM", ActorType::Org),
            ],
        );
        assert_eq!(
            got[0],
            (
                "Bureau régional de contrôle des marchés".to_string(),
                ActorType::Org
            )
        );
        assert_eq!(got[1].0, "BRCM");
    }

    #[test]
    fn elided_article_is_left_out_and_persons_become_organisations() {
        let got = expanded(
            "a dit l'Agence valmoranaise des routes et des ports (AVRP) hier",
            &[("Agence valmoranaise", ActorType::Per)],
        );
        assert_eq!(
            got,
            vec![(
                "Agence valmoranaise des routes et des ports".to_string(),
                ActorType::Org
            )]
        );
    }

    #[test]
    fn no_expansion_without_a_matching_capitalised_long_form() {
        // Initials that do not match.
        let got = expanded(
            "le Parti vert de Valmoran (XYZ) a voté",
            &[("Parti vert", ActorType::Org)],
        );
        assert_eq!(got, vec![("Parti vert".to_string(), ActorType::Org)]);
        // Letters matched inside too few words.
        let got = expanded(
            "la transparence dans les Industries Extractives (ITEX) a",
            &[("Extractives", ActorType::Misc)],
        );
        assert_eq!(got, vec![("Extractives".to_string(), ActorType::Misc)]);
        // A lowercase long form, nothing tagged.
        let got = expanded("le produit intérieur brut (PIB) a crû", &[]);
        assert!(got.is_empty());
        // A place in parentheses is not an acronym's expansion.
        let got = expanded(
            "à Valmoran (Haute-Vetre) hier",
            &[
                ("Valmoran", ActorType::Loc),
                ("Haute-Vetre", ActorType::Loc),
            ],
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "Valmoran");
    }
}
