//! Canonical actors: clean raw entity mentions and merge those of one entity.
//!
//! - Leading titles and determiners are stripped from a mention ("M. Vasseur" -> "Vasseur",
//!   "l'Élysée" -> "Élysée"); mentions with no capitalised word (pronouns, common nouns) are
//!   dropped.
//! - Mentions with the same comparison key (case, accents, dots of initials and spacing
//!   folded: "J.D. Vance" = "JD Vance") form one entity.
//! - A person named by a shorter form ("Vasseur", "L. Vasseur") joins the full name it is a
//!   suffix of; when two people share the surname, it joins the closest preceding one (the
//!   usual French press convention), and two different full names are never merged.
//! - An acronym joins its expansion when the text pairs them ("Union des forces du travail
//!   (UFT)"), when its letters are the initials of the expansion, or from a short list of very
//!   common pairs.
//! - The type is the majority of the merged mentions' types; the canonical name is the most
//!   complete form.
//!
//! Module map: `clean` (one mention: titles, determiners, punctuation stripped; cue words),
//! `names` (comparison keys and name shapes: suffixes, initials, acronyms), `merge`
//! (mentions of one entity joined: same key, acronyms, shortened names), `repeats`
//! (untagged repeats of a known name), `nested` (places nested in names: "la cour d'appel de
//! X"). This file runs them in order and builds the actors.

mod clean;
mod cue;
mod merge;
mod names;
mod nested;
mod repeats;

pub use names::name_key;

use crate::layers::{Actor, TokenRange};
use crate::record::ActorType;
use crate::text::Document;
use clean::{clean, Clean};
use names::{collapse_space, is_acronym_text};
use repeats::recover_repeats;

/// An entity mention as found by the tagger: a token range and a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawMention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The predicted type.
    pub kind: ActorType,
}

/// Build canonical actors from raw mentions.
pub fn canonical_actors(doc: &Document, raw: &[RawMention]) -> Vec<Actor> {
    canonical_actors_with(doc, raw, &|_| false)
}

/// Build canonical actors from raw mentions, knowing which words the news usually writes in
/// lowercase (`common`: a capitalised common noun is no nested place, "Office de Tourisme").
pub fn canonical_actors_with(
    doc: &Document,
    raw: &[RawMention],
    common: &dyn Fn(&str) -> bool,
) -> Vec<Actor> {
    let mut ms: Vec<Clean> = raw.iter().filter_map(|m| clean(doc, m)).collect();
    if ms.is_empty() {
        return Vec::new();
    }
    let mut merged = merge::merge(doc, &ms);
    recover_repeats(doc, &mut ms, &mut merged);
    let mut actors: Vec<(usize, Actor)> = merged
        .into_iter()
        .map(|(_, mut mentions, votes)| {
            mentions.sort_by_key(|&i| ms[i].byte_start);
            mentions.dedup_by_key(|i| ms[*i].byte_start);
            let mut best = 0;
            for t in 1..4 {
                if votes[t] > votes[best] {
                    best = t;
                }
            }
            let kind = super::model::TYPES[best];
            // Canonical name: most words, then longest, then earliest; acronyms lose to
            // their expansion.
            let name_of = |i: usize| {
                let m = &ms[i];
                let t = &doc.text[m.byte_start..m.byte_end];
                (!is_acronym_text(t), m.words.len(), t.chars().count())
            };
            let canon = *mentions
                .iter()
                .max_by(|&&a, &&b| name_of(a).cmp(&name_of(b)).then(b.cmp(&a)))
                .unwrap_or(&mentions[0]);
            let m = &ms[canon];
            let name = collapse_space(&doc.text[m.byte_start..m.byte_end]);
            let first = ms[mentions[0]].byte_start;
            let mentions = mentions
                .iter()
                .map(|&i| TokenRange::new(ms[i].first_token, ms[i].end_token))
                .collect();
            (
                first,
                Actor {
                    name,
                    kind,
                    mentions,
                },
            )
        })
        .collect();
    actors.sort_by_key(|(f, _)| *f);
    let mut actors: Vec<Actor> = actors.into_iter().map(|(_, a)| a).collect();
    products(&mut actors);
    glossed_places(doc, &mut actors);
    nested::nested_places(doc, &mut actors, common);
    actors
}

/// "à Vetra (Nordis)": a name in parentheses right after a place named after "à" is the
/// place's region or district, a place too. Only a name typed as a person or MISC is
/// retyped (the tagger's doubt); an organisation there is a source ("Valmoran (Nordpress)").
fn glossed_places(doc: &Document, actors: &mut [Actor]) {
    let text = |i: usize| doc.tokens.get(i).map_or("", |t| t.text(doc.text));
    // Places after "à": where someone or something is ("à Vetra (Nordis)"), not "la paix de
    // Vetra (Kelvo)", an institution's acronym.
    let place_ends: Vec<usize> = actors
        .iter()
        .filter(|a| a.kind == ActorType::Loc)
        .flat_map(|a| a.mentions.iter())
        .filter(|m| m.start > 0 && matches!(text(m.start - 1), "à" | "À"))
        .map(|m| m.end)
        .collect();
    for a in actors
        .iter_mut()
        .filter(|a| matches!(a.kind, ActorType::Per | ActorType::Misc))
    {
        let glossed = a.mentions.iter().any(|m| {
            m.start >= 2
                && text(m.start - 1) == "("
                && text(m.end) == ")"
                && place_ends.contains(&(m.start - 1))
        });
        if glossed {
            a.kind = ActorType::Loc;
        }
    }
}

/// Brand and model ("Vetra K5", "Kelvo Nordis EV", "Valmo 300 GT"): an organisation name of
/// two to four words whose first word is a brand and whose other words hold a model code is a
/// product, MISC as the news corpus annotates them. Not when a word after the brand is a legal
/// form or an organisation noun ("Vetra AG", "Kelvo Racing Team", `org_designators.words`) or
/// the first word is a place of the article.
fn products(actors: &mut [Actor]) {
    let places: Vec<String> = actors
        .iter()
        .filter(|a| a.kind == ActorType::Loc)
        .map(|a| names::fold(&a.name))
        .collect();
    for a in actors.iter_mut().filter(|a| a.kind == ActorType::Org) {
        let words: Vec<&str> = a.name.split(' ').collect();
        if !(2..=4).contains(&words.len()) {
            continue;
        }
        // A model code: letters and digits ("K5", "A320"), three digits or more ("300"), or
        // two or three capitals ("GT"). One digit names channels and leagues ("Nordis 2"),
        // one capital is an initial.
        let code = |w: &str| {
            let digits = w.chars().filter(char::is_ascii_digit).count();
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            (digits > 0 && letters > 0)
                || digits >= 3
                || (2..=3).contains(&letters) && w.chars().all(|c| c.is_uppercase())
        };
        let brand = words[0];
        if !brand.chars().next().is_some_and(char::is_uppercase)
            || !words[1..].iter().any(|w| code(w))
            || words[1..]
                .iter()
                .any(|w| crate::lang::fr::actors::has_org_designators(&names::fold(w)))
            || places.contains(&names::fold(brand))
        {
            continue;
        }
        a.kind = ActorType::Misc;
    }
}

/// Test helpers shared by the actor modules.
#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// Build raw mentions from (surface text, type) pairs found in order in `text`.
    pub(crate) fn raw(doc: &Document, items: &[(&str, ActorType)]) -> Vec<RawMention> {
        let mut out = Vec::new();
        let mut from = 0;
        for (s, k) in items {
            let at = doc.text[from..].find(s).expect(s) + from;
            let first = doc.token_at_byte(at);
            let end = doc.token_at_byte(at + s.len());
            out.push(RawMention {
                first,
                end,
                kind: *k,
            });
            from = at + s.len();
        }
        out
    }

    /// The surface text and type of each raw mention.
    pub(crate) fn texts(doc: &Document, raw: &[RawMention]) -> Vec<(String, ActorType)> {
        raw.iter()
            .map(|m| {
                let a = doc.tokens[m.first].start as usize;
                let b = doc.tokens[m.end - 1].end as usize;
                (doc.text[a..b].to_string(), m.kind)
            })
            .collect()
    }

    pub(super) fn names(actors: &[Actor]) -> Vec<(String, usize)> {
        actors
            .iter()
            .map(|a| (a.name.clone(), a.mentions.len()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::raw;
    use super::*;

    #[test]
    fn a_name_in_parentheses_after_a_place_is_a_place() {
        let text = "Il vit à Valmoran (Haute-Vetre) depuis 2010. Kelvo (Nordpress) l'a dit. \
                    L'Institut de Nordis (Paul Roy) aussi.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("Valmoran", ActorType::Loc),
                ("Haute-Vetre", ActorType::Per),
                ("Kelvo", ActorType::Loc),
                ("Nordpress", ActorType::Org),
                ("Nordis", ActorType::Loc),
                ("Paul Roy", ActorType::Per),
            ],
        );
        let kinds: Vec<(String, ActorType)> = canonical_actors(&doc, &r)
            .into_iter()
            .map(|a| (a.name, a.kind))
            .collect();
        assert!(kinds.contains(&("Haute-Vetre".to_string(), ActorType::Loc)));
        assert!(kinds.contains(&("Nordpress".to_string(), ActorType::Org)));
        assert!(kinds.contains(&("Paul Roy".to_string(), ActorType::Per)));
    }

    #[test]
    fn brand_and_model_code_is_a_product() {
        let text =
            "La Vetra K5 et la Kelvo 300 GT roulent. Vetra AG, Nordis 2 et Kelvo Racing Team \
                    aussi, comme la Valmo Nordis.";
        let doc = Document::new(text, None);
        let org = ActorType::Org;
        let r = raw(
            &doc,
            &[
                ("Vetra K5", org),
                ("Kelvo 300 GT", org),
                ("Vetra AG", org),
                ("Nordis 2", org),
                ("Kelvo Racing Team", org),
                ("Valmo Nordis", org),
            ],
        );
        let kinds: Vec<(String, ActorType)> = canonical_actors(&doc, &r)
            .into_iter()
            .map(|a| (a.name, a.kind))
            .collect();
        let want = [
            ("Vetra K5", ActorType::Misc),
            ("Kelvo 300 GT", ActorType::Misc),
            // A legal form or an organisation noun, one digit, no code: organisations.
            ("Vetra AG", org),
            ("Nordis 2", org),
            ("Kelvo Racing Team", org),
            ("Valmo Nordis", org),
        ];
        for (name, kind) in want {
            assert!(
                kinds.contains(&(name.to_string(), kind)),
                "{name}: {kinds:?}"
            );
        }
    }
}
