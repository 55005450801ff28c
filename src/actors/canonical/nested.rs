//! Places nested in names: "la cour d'appel de Valmoran" names the court and, inside it, the
//! place "Valmoran", an actor of its own as the annotation guide counts it. The place gets a
//! mention on the nested tokens, overlapping the outer one (the positions stage reads the
//! longer mention).

use super::names::{fold, name_key};
use crate::layers::{Actor, TokenRange};
use crate::record::ActorType;
use crate::text::{Document, TokenKind};

/// Nouns whose capitalised "de X" complement is a place (`place_complement_heads.words`).
fn place_head(w: &str) -> bool {
    crate::lang::fr::actors::has_place_complement_heads(w)
}

/// The nested place of the mention `m`: the capitalised words (with particles between two
/// of them) after the last "de" / "du" / "d'" that a capitalised word follows directly
/// ("l'Institut de Technologie de Vetra": "Vetra"), in a name whose first word is a place
/// head (`place_complement_heads.words`), up to the end of the mention or a punctuation
/// mark. Not after "des": a capitalised plural is mostly a
/// portfolio or a field ("la commission des Lois").
fn nested_place(doc: &Document, m: TokenRange) -> Option<TokenRange> {
    if m.end - m.start < 3 || !place_head(&fold(doc.token_text(m.start))) {
        return None;
    }
    let k = (m.start + 1..m.end - 1).rev().find(|&k| {
        matches!(fold(doc.token_text(k)).as_str(), "de" | "du" | "d'" | "d’")
            && doc.tokens[k + 1].is_capitalized()
            && matches!(doc.tokens[k + 1].kind, TokenKind::Word)
    })?;
    // The capitalised words, with the particles between two of them ("Vetra du Nord").
    let cap = |t: usize| doc.tokens[t].is_capitalized() && doc.tokens[t].kind == TokenKind::Word;
    // The last "de" but one when the place holds the last one ("l'université de Vetra du
    // Nord", "l'université de Val d'Oise"); a place name of its own can hold "d'" ("Terre
    // d'Adélie"): with no "de" before it, no nested place.
    let link = fold(doc.token_text(k));
    let elided = matches!(link.as_str(), "d'" | "d’");
    let k = if (link == "du" || elided) && k > m.start + 2 && cap(k - 1) {
        let earlier = (m.start + 1..k - 1)
            .rev()
            .find(|&j| matches!(fold(doc.token_text(j)).as_str(), "de" | "d'" | "d’") && cap(j + 1))
            .filter(|&j| (j + 1..k).all(cap));
        match earlier {
            Some(j) => j,
            None if elided => return None,
            None => k,
        }
    } else {
        k
    };
    let mut end = k + 2;
    while end < m.end {
        if cap(end) {
            end += 1;
        } else if end + 1 < m.end
            && matches!(
                fold(doc.token_text(end)).as_str(),
                "du" | "de" | "des" | "d'" | "d’"
            )
            && cap(end + 1)
        {
            end += 2;
        } else {
            break;
        }
    }
    // "l'Union des Vetrans unis", "la commission des Affaires sociales": a
    // capitalised word that a lowercase word goes on from is not a place name.
    (end == m.end || !doc.tokens[end].kind.eq(&TokenKind::Word))
        .then_some(TokenRange::new(k + 1, end))
}

/// Give every place nested in an organisation, place or MISC name its own mention: on the
/// actor with the same name key when the article has one, else on a new place actor. Not
/// when the news usually writes the place's first word in lowercase (`common`).
pub(super) fn nested_places(
    doc: &Document,
    actors: &mut Vec<Actor>,
    common: &dyn Fn(&str) -> bool,
) {
    let mut found: Vec<TokenRange> = Vec::new();
    for a in actors.iter().filter(|a| a.kind != ActorType::Per) {
        found.extend(
            a.mentions
                .iter()
                .filter_map(|&m| nested_place(doc, m))
                // "l'Office de Tourisme": a common noun capitalised, not a place.
                .filter(|r| !common(doc.token_text(r.start))),
        );
    }
    for r in found {
        let key = name_key(doc.range_text(r));
        let same = actors.iter().position(|a| {
            a.mentions
                .iter()
                .any(|&m| name_key(doc.range_text(m)) == key)
        });
        match same {
            Some(i) if !actors[i].mentions.contains(&r) => actors[i].mentions.push(r),
            Some(_) => {}
            None => actors.push(Actor {
                name: super::names::collapse_space(doc.range_text(r)),
                kind: ActorType::Loc,
                mentions: vec![r],
            }),
        }
    }
    for a in actors.iter_mut() {
        a.mentions.sort_by_key(|m| (m.start, m.end));
    }
    actors.sort_by_key(|a| a.mentions.first().map_or(0, |m| m.start));
}

#[cfg(test)]
mod tests {
    use super::super::canonical_actors;
    use super::super::test_support::raw;
    use crate::record::ActorType::*;
    use crate::text::Document;

    #[test]
    fn places_nested_in_names_are_actors() {
        let text = "La cour d'appel de Valmoran a jugé. Le tribunal de grande instance de \
                    Nordis aussi, comme le ministère de la Santé, la commission des Lois, le \
                    Conseil de Kelvo réunie, l'Institut de Vetra et l'université de Recherche \
                    de Kelvo du Nord. Valmoran attend. L'université de Terre d'Adélie et \
                    l'université Vetra de Val d'Oise ouvrent.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("cour d'appel de Valmoran", Org),
                ("tribunal de grande instance de Nordis", Org),
                ("ministère de la Santé", Org),
                ("commission des Lois", Org),
                ("Conseil de Kelvo réunie", Org),
                ("Institut de Vetra", Org),
                ("université de Recherche de Kelvo du Nord", Org),
                ("Valmoran", Loc),
                ("université de Terre d'Adélie", Org),
                ("université Vetra de Val d'Oise", Org),
            ],
        );
        let a = canonical_actors(&doc, &r);
        let got: Vec<(String, crate::record::ActorType, usize)> = a
            .iter()
            .map(|a| (a.name.clone(), a.kind, a.mentions.len()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("cour d'appel de Valmoran".to_string(), Org, 1),
                ("Valmoran".to_string(), Loc, 2),
                ("tribunal de grande instance de Nordis".to_string(), Org, 1),
                ("Nordis".to_string(), Loc, 1),
                ("ministère de la Santé".to_string(), Org, 1),
                ("commission des Lois".to_string(), Org, 1),
                ("Conseil de Kelvo réunie".to_string(), Org, 1),
                ("Institut de Vetra".to_string(), Org, 1),
                ("Vetra".to_string(), Loc, 1),
                (
                    "université de Recherche de Kelvo du Nord".to_string(),
                    Org,
                    1
                ),
                ("Kelvo du Nord".to_string(), Loc, 1),
                ("université de Terre d'Adélie".to_string(), Org, 1),
                ("Terre d'Adélie".to_string(), Loc, 1),
                ("université Vetra de Val d'Oise".to_string(), Org, 1),
                ("Val d'Oise".to_string(), Loc, 1),
            ]
        );
        // The nested mention lies inside the outer one.
        let v = &a[1].mentions[0];
        assert_eq!(doc.range_text(*v), "Valmoran");
        assert!(a[0].mentions[0].start < v.start && v.end == a[0].mentions[0].end);
    }
}

#[cfg(test)]
mod common_words {
    use super::super::canonical_actors_with;
    use super::super::test_support::raw;
    use crate::record::ActorType::*;
    use crate::text::Document;

    #[test]
    fn a_capitalised_common_noun_is_no_nested_place() {
        let text = "L'office de Tourisme de Valmoran et l'office de Tourisme ouvrent.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("office de Tourisme de Valmoran", Org),
                ("office de Tourisme", Org),
            ],
        );
        let names: Vec<String> = canonical_actors_with(&doc, &r, &|w| w == "Tourisme")
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(
            names,
            vec![
                "office de Tourisme de Valmoran",
                "Valmoran",
                "office de Tourisme"
            ]
        );
    }
}
