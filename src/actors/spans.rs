//! Span repairs on the tagger's mentions, for shapes of names the token-level tagger cuts:
//! a name never ends on a link word ("Mouvement vert pour" -> "Mouvement vert"), a "+" glued to a name belongs to it ("Vetra+", "Nordis+"), and "&" joins two
//! halves of one organisation name ("VT&K", "Morel & Fils").
//! The link words are data: `src/lang/fr/actors/acronym_skip.words`.

use super::canonical::RawMention;
use super::gazetteer::{bits, Gazetteer};
use crate::record::ActorType;
use crate::text::normalize::fold_key_into;
use crate::text::{Document, TokenKind};

/// Function words that never end a name (folded).
const LINKS: &[&str] = crate::lang::fr::actors::ACRONYM_SKIP;

use crate::lang::fr::actors::{
    has_complement_links, has_complete_institutions, has_compound_name_heads, has_headline_openers,
    has_institution_heads, ADJECTIVE_ENDINGS,
};
use crate::lang::fr::common::{has_months, has_weekdays};
use crate::lang::fr::figures::has_function_words;

/// Apply the repairs to `raw` (sorted by first token; stays sorted).
pub fn repair_spans(doc: &Document, gaz: &Gazetteer, raw: &mut Vec<RawMention>) {
    split_at_commas(doc, raw);
    hyphenated_first_names(doc, gaz, raw);
    let mut buf = String::new();
    raw.retain_mut(|m| {
        // Trailing link words; a single word left is a cut head noun ("Association des").
        let end = m.end;
        while m.end > m.first + 1 {
            buf.clear();
            fold_key_into(doc.token_text(m.end - 1), &mut buf);
            if LINKS.contains(&buf.as_str()) {
                m.end -= 1;
            } else {
                break;
            }
        }
        if m.end < end && m.end == m.first + 1 {
            return false;
        }
        // A glued "+", unless it closes "+...+", the AFP's inner quotation marks.
        let glued = |i: usize| doc.tokens[i - 1].end == doc.tokens[i].start;
        let opened = opening_plus_before(doc, m.first);
        if m.end < doc.tokens.len() && doc.token_text(m.end) == "+" && glued(m.end) && !opened {
            m.end += 1;
        }
        true
    });
    join_ampersands(doc, raw);
    extend_institution_names(doc, raw);
}

/// Most lowercase complements an institution's name is extended by ("de la vie publique"
/// is two: "de la vie", "de ... publique" rides along as an adjective).
const MAX_COMPLEMENTS: usize = 3;

/// Longest name, in tokens, an extension may make (longer spans are dropped as run-ons).
const MAX_NAME_TOKENS: usize = 10;

/// Institution names the tagger cut after their head noun and its adjectives ("l'Agence
/// régionale pour la ...", "la Fédération valmoranaise de ...", "l'Autorité nordique pour la ..."):
/// an organisation mention whose first or second word is an institution head noun
/// (`institution_heads.words`) and whose other words after it are lowercase goes on over the
/// adjectives right after it and then through up to [`MAX_COMPLEMENTS`] complements written in lowercase: a preposition
/// (`complement_links.words`), an optional definite article, a noun, and adjectives
/// (`adjective_endings.words`, past participles excepted). A noun without an article that
/// looks like an infinitive ("de juger", "pour défendre"), a function word ("de cette", "d'un"),
/// a weekday or a month ends the name; so does anything else (punctuation, a verb, a
/// capitalised word). A name the article also uses alone, with no complement after it, is
/// complete ("l'Union vetrane a voté ... l'approbation par l'Union vetrane de l'accord"), as
/// are the names of `complete_institutions.words` ("le Conseil constitutionnel de ...").
fn extend_institution_names(doc: &Document, raw: &mut [RawMention]) {
    // Whether the folded text of token `i` passes `test`, folded into one reused buffer.
    let mut buf = String::new();
    let mut folded_is = |i: usize, test: &dyn Fn(&str) -> bool| {
        buf.clear();
        fold_key_into(doc.token_text(i), &mut buf);
        test(&buf)
    };
    let mut noun = String::new();
    let lower_word = |i: usize| {
        doc.tokens[i].kind == TokenKind::Word
            && doc
                .token_text(i)
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase())
    };
    for idx in 0..raw.len() {
        let m = raw[idx];
        if m.kind != ActorType::Org {
            continue;
        }
        let Some(head) =
            (m.first..(m.first + 2).min(m.end)).find(|&i| folded_is(i, &has_institution_heads))
        else {
            continue;
        };
        if !(head + 1..m.end).all(lower_word) {
            continue;
        }
        let same_name = |o: &RawMention| {
            o.end - o.first == m.end - m.first
                && (0..m.end - m.first).all(|i| {
                    doc.token_text(o.first + i)
                        .eq_ignore_ascii_case(doc.token_text(m.first + i))
                })
        };
        let adjective_at = |i: usize| lower_word(i) && adjective(doc.token_text(i));
        let used_alone = raw.iter().any(|o| {
            same_name(o)
                && (o.end >= doc.tokens.len()
                    || !(folded_is(o.end, &has_complement_links) || adjective_at(o.end)))
        });
        if used_alone {
            continue;
        }
        let sentence_end = doc.sentences[doc.sentence_of_token(m.first)].tokens().end;
        let limit = raw
            .get(idx + 1)
            .map_or(sentence_end, |next| next.first.min(sentence_end));
        // Adjectives the tagger left out ("la Fédération valmoranaise de ...").
        let mut end = m.end;
        while end < limit && adjective_at(end) {
            end += 1;
        }
        // The name's key: its folded words, one space apart.
        noun.clear();
        for i in m.first..end {
            if i > m.first {
                noun.push(' ');
            }
            fold_key_into(doc.token_text(i), &mut noun);
        }
        if has_complete_institutions(&noun) {
            raw[idx].end = end;
            continue;
        }
        for _ in 0..MAX_COMPLEMENTS {
            let mut k = end;
            if k >= limit || !folded_is(k, &has_complement_links) {
                break;
            }
            k += 1;
            let article = k < limit && folded_is(k, &|w| matches!(w, "la" | "le" | "les" | "l'"));
            if article {
                k += 1;
            }
            if k >= limit || !lower_word(k) {
                break;
            }
            noun.clear();
            fold_key_into(doc.token_text(k), &mut noun);
            let infinitive = ["er", "ir", "re"].iter().any(|e| noun.ends_with(e));
            if (!article && infinitive)
                || has_function_words(&noun)
                || has_weekdays(&noun)
                || has_months(&noun)
            {
                break;
            }
            k += 1;
            while k < limit && lower_word(k) && adjective(doc.token_text(k)) {
                k += 1;
            }
            // The canonical stage takes longer spans for run-ons.
            if k - m.first > MAX_NAME_TOKENS {
                break;
            }
            end = k;
        }
        raw[idx].end = end;
    }
}

/// True when the lowercase word ends like an adjective (`adjective_endings.words`) and not
/// like a past participle ("créée", "chargé") or a verb in "-elle" ("appelle").
pub(crate) fn adjective(w: &str) -> bool {
    // "-elle" is an adjective after n, r, u or i ("culturelle", "naturelle", "officielle"),
    // mostly a verb otherwise ("appelle", "renouvelle").
    let verb_elle = w
        .trim_end_matches('s')
        .strip_suffix("elle")
        .is_some_and(|stem| !stem.ends_with(['n', 'r', 'u', 'i']));
    !verb_elle
        && !["é", "ée", "és", "ées"].iter().any(|e| w.ends_with(e))
        && ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// A person, organisation or place name holds no comma: "X, ministre de la Pêche" tagged as
/// one span is cut at the comma; what follows stays a mention when it opens on a capital
/// ("Valmoran, Haute-Vetre"). Nor does it hold a clause opener (`headline_openers.words`):
/// "Léa Morel Comment Morel a gagné", two headlines glued together, is cut before "Comment".
fn split_at_commas(doc: &Document, raw: &mut Vec<RawMention>) {
    let mut out = Vec::with_capacity(raw.len());
    let mut buf = String::new();
    for m in raw.drain(..) {
        if m.kind == ActorType::Misc {
            out.push(m);
            continue;
        }
        let mut start = m.first;
        for k in m.first..m.end {
            let opener = k > m.first && doc.tokens[k].is_capitalized() && {
                buf.clear();
                fold_key_into(doc.token_text(k), &mut buf);
                has_headline_openers(&buf)
            };
            if opener || doc.token_text(k) == "," {
                if k > start {
                    out.push(RawMention {
                        first: start,
                        end: k,
                        kind: m.kind,
                    });
                }
                start = k + 1;
            }
        }
        if start == m.first {
            out.push(m);
        } else if start < m.end && doc.tokens[start].is_capitalized() {
            out.push(RawMention {
                first: start,
                end: m.end,
                kind: m.kind,
            });
        }
    }
    *raw = out;
}

/// A one-word name of two capitalised parts that are both known first names ("Anne-Sophie"),
/// or whose first part opens French compound first names (`compound_name_heads.words`:
/// "Anne-Kelvo"), is a compound first name: a person, whatever the tagger typed it.
fn hyphenated_first_names(doc: &Document, gaz: &Gazetteer, raw: &mut [RawMention]) {
    let mut key = String::new();
    for m in raw.iter_mut() {
        if m.end != m.first + 1 || m.kind == ActorType::Per {
            continue;
        }
        let w = doc.token_text(m.first);
        let mut parts = w.split('-');
        let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let cap =
            |p: &str| p.chars().next().is_some_and(char::is_uppercase) && p.chars().count() > 1;
        if !cap(a) || !cap(b) || gaz.has(b, bits::COUNTRY_B) {
            continue;
        }
        key.clear();
        fold_key_into(a, &mut key);
        let both = gaz.has(a, bits::FIRST_NAME) && gaz.has(b, bits::FIRST_NAME);
        if both || has_compound_name_heads(&key) {
            m.kind = ActorType::Per;
        }
    }
}

/// True when a "+" glued to the word after it ("+maladie de X+") opens a quotation shortly
/// before token `first`, in the same sentence.
pub(crate) fn opening_plus_before(doc: &Document, first: usize) -> bool {
    let sentence = doc.sentences[doc.sentence_of_token(first)].tokens();
    (sentence.start.max(first.saturating_sub(12))..first).any(|k| {
        doc.token_text(k) == "+"
            && k + 1 < doc.tokens.len()
            && doc.tokens[k].end == doc.tokens[k + 1].start
            && (k == 0 || doc.tokens[k - 1].end < doc.tokens[k].start)
    })
}

/// True when token `i` is a capitalised word (or all-caps letters).
fn cap_word(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word && doc.tokens[i].is_capitalized()
}

/// "A & B": one organisation from the capitalised words around each "&" when a mention
/// touches either side.
fn join_ampersands(doc: &Document, raw: &mut Vec<RawMention>) {
    let n = doc.tokens.len();
    for k in 1..n.saturating_sub(1) {
        if doc.token_text(k) != "&" || !cap_word(doc, k - 1) || !cap_word(doc, k + 1) {
            continue;
        }
        // The left half: the mention ending at "&", else the capitalised words before it.
        let left = raw.iter().find(|m| m.end == k).copied();
        let right = raw.iter().find(|m| m.first == k + 1).copied();
        if left.is_none() && right.is_none() {
            continue;
        }
        let start = left.map_or_else(
            || {
                let mut s = k;
                while s > 0 && cap_word(doc, s - 1) && k - s < 3 {
                    s -= 1;
                }
                s
            },
            |m| m.first,
        );
        let end = right.map_or_else(
            || {
                let mut e = k + 1;
                while e < n && cap_word(doc, e) && e - k <= 3 {
                    e += 1;
                }
                e
            },
            |m| m.end,
        );
        let kind = match left.or(right).map(|m| m.kind) {
            Some(ActorType::Misc) => ActorType::Misc,
            _ => ActorType::Org,
        };
        raw.retain(|m| !(m.first < end && start < m.end));
        let at = raw.partition_point(|m| m.first < start);
        raw.insert(
            at,
            RawMention {
                first: start,
                end,
                kind,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::canonical::test_support::{raw, texts};

    fn repaired(text: &str, tagged: &[(&str, ActorType)]) -> Vec<(String, ActorType)> {
        let doc = Document::new(text, None);
        let mut raw = raw(&doc, tagged);
        repair_spans(&doc, &Gazetteer::builtin(), &mut raw);
        texts(&doc, &raw)
    }

    #[test]
    fn names_do_not_end_on_link_words() {
        let got = repaired(
            "le Mouvement vert pour la paix a dit",
            &[("Mouvement vert pour", ActorType::Org)],
        );
        assert_eq!(got, vec![("Mouvement vert".to_string(), ActorType::Org)]);
        let got = repaired(
            "l'Association des amis",
            &[("Association des", ActorType::Org)],
        );
        assert!(got.is_empty());
    }

    #[test]
    fn institution_names_go_on_through_lowercase_complements() {
        let org = ActorType::Org;
        let one = |text: &str, tagged: &str| repaired(text, &[(tagged, org)]);
        let name = |s: &str| vec![(s.to_string(), org)];
        assert_eq!(
            one(
                "selon l'Autorité nordique pour la sûreté des ponts, hier",
                "Autorité nordique"
            ),
            name("Autorité nordique pour la sûreté des ponts")
        );
        assert_eq!(
            one(
                "La Fédération valmoranaise de pétanque a dénoncé un acte",
                "Fédération valmoranaise"
            ),
            name("Fédération valmoranaise de pétanque")
        );
        // The adjectives the tagger left out too, also when it cut every mention so.
        let text = "La Fédération valmoranaise de pétanque a parlé. La Fédération \
                    nordique de voile aussi.";
        let got = repaired(text, &[("Fédération", org), ("Fédération", org)]);
        assert_eq!(
            got,
            vec![
                ("Fédération valmoranaise de pétanque".to_string(), org),
                ("Fédération nordique de voile".to_string(), org)
            ]
        );
        // An infinitive, a weekday, a participle or a capitalised word ends the name; a name
        // not headed by an institution noun is not extended.
        for (text, tagged) in [
            (
                "la Commission vetrane de juger le dossier",
                "Commission vetrane",
            ),
            ("le Conseil régional de mardi a voté", "Conseil régional"),
            ("la Banque Kelvo de Nordis a prêté", "Banque Kelvo"),
            ("l'Agence nordique créée en 2010", "Agence nordique"),
            ("le groupe Vetra de papeterie", "Vetra"),
            (
                "saisi par le Conseil constitutionnel de la question",
                "Conseil constitutionnel",
            ),
        ] {
            assert_eq!(one(text, tagged), name(tagged), "{text}");
        }
        assert_eq!(
            one(
                "l'Office nordique des forêts créé en 2010",
                "Office nordique"
            ),
            name("Office nordique des forêts")
        );
        // A name the article also uses alone is complete.
        let text = "L'Union vetrane a voté. Le vote par l'Union vetrane des crédits.";
        let got = repaired(text, &[("Union vetrane", org), ("Union vetrane", org)]);
        assert_eq!(got, vec![("Union vetrane".to_string(), org); 2]);
    }

    #[test]
    fn names_hold_no_comma() {
        let got = repaired(
            "de Paul Roy, ministre des Quorvex depuis",
            &[("Paul Roy, ministre des Quorvex", ActorType::Per)],
        );
        assert_eq!(got, vec![("Paul Roy".to_string(), ActorType::Per)]);
        let got = repaired(
            "à Valmoran, Haute-Vetre, hier",
            &[("Valmoran, Haute-Vetre", ActorType::Loc)],
        );
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn compound_first_names_are_persons() {
        let got = repaired(
            "selon Anne-Kelvo, 24 ans",
            &[("Anne-Kelvo", ActorType::Org)],
        );
        assert_eq!(got, vec![("Anne-Kelvo".to_string(), ActorType::Per)]);
        let got = repaired("selon Hugo-Léa, 24 ans", &[("Hugo-Léa", ActorType::Loc)]);
        assert_eq!(got, vec![("Hugo-Léa".to_string(), ActorType::Per)]);
        // Not a place or a brand whose first part alone is a first name, nor three parts.
        for name in ["Saint-Vetra", "Hugo-Kelvo", "Anne-Kelvo-Plage"] {
            let got = repaired(&format!("à {name} hier"), &[(name, ActorType::Loc)]);
            assert_eq!(got, vec![(name.to_string(), ActorType::Loc)]);
        }
    }

    #[test]
    fn names_hold_no_clause_opener() {
        let got = repaired(
            "son soutien à Léa Morel Comment Morel a gagné la course",
            &[("Léa Morel Comment Morel", ActorType::Per)],
        );
        assert_eq!(
            got,
            vec![
                ("Léa Morel".to_string(), ActorType::Per),
                ("Morel".to_string(), ActorType::Per)
            ]
        );
        // Not a clause opener at the start, nor lowercase.
        let got = repaired("Quand Vetra joue", &[("Quand Vetra", ActorType::Org)]);
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn glued_plus_belongs_to_the_name() {
        let got = repaired(
            "sur Vetra+ et Nordis + Kelvo",
            &[
                ("Vetra", ActorType::Org),
                ("Nordis", ActorType::Org),
                ("Kelvo", ActorType::Org),
            ],
        );
        assert_eq!(got[0].0, "Vetra+");
        assert_eq!(got[1].0, "Nordis");
        // "+...+" quotes a name.
        let got = repaired("le slogan +Vetra+ a", &[("Vetra", ActorType::Misc)]);
        assert_eq!(got[0].0, "Vetra");
        let got = repaired(
            "une +maladie de Vetra+ selon",
            &[("Vetra", ActorType::Misc)],
        );
        assert_eq!(got[0].0, "Vetra");
    }

    #[test]
    fn ampersand_joins_one_organisation() {
        let got = repaired(
            "le groupe Morel & Fils a racheté VT&K hier",
            &[("Morel", ActorType::Per), ("K", ActorType::Org)],
        );
        assert_eq!(
            got,
            vec![
                ("Morel & Fils".to_string(), ActorType::Org),
                ("VT&K".to_string(), ActorType::Org)
            ]
        );
        // Nothing tagged around it: nothing made up.
        assert!(repaired("la série Vif & Lent sort", &[]).is_empty());
    }
}
