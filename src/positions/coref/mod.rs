//! Title phrases ("le vice-président américain", "la ministre de l'Agriculture", "le PDG de
//! Kyutai") and light coreference: a title alone resolves to the person who holds it in the
//! article ([`Holders`]), a subject pronoun or a description to the most salient compatible
//! person ([`Salience`]), with the gender a first name suggests ([`first_name_gender`]).

mod gender;
mod holders;
mod salience;

pub use gender::first_name_gender;
pub use holders::Holders;
pub use salience::{resolve_titles, Salience, Window};

use super::context::Ctx;
pub use crate::layers::TitlePhrase;
use crate::record::ActorType;
use crate::text::normalize::fold_key;

/// Folded organisation key of a title phrase.
pub fn org_key(t: &TitlePhrase) -> Option<String> {
    t.org.as_deref().map(fold_key)
}

const PREMODS: &[&str] = crate::lang::fr::positions::TITLE_PREMODIFIERS;

const POSTMODS: &[&str] = crate::lang::fr::positions::TITLE_POSTMODIFIERS;

/// Nouns of organisations ("la société X"): a person-typed name after them is a company.
const ORG_NOUNS: &[&str] = crate::lang::fr::positions::ORG_NOUNS;

/// Kinship words: "l'avocat de la famille X" names a person, not an organisation.
const FAMILY: &[&str] = crate::lang::fr::positions::FAMILY_NOUNS;

/// Words after "de" that may precede an organisation name ("de la licorne française X").
fn is_descriptor_word(ctx: &Ctx, k: usize) -> bool {
    ctx.is_lower_word(k) && !matches!(ctx.low(k), "et" | "ou" | "qui" | "que" | "dont" | "où")
}

/// Find every title phrase, left to right, without overlaps.
pub fn find_titles(ctx: &Ctx) -> Vec<TitlePhrase> {
    let n = ctx.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if ctx.mention_at[i] != super::context::NONE {
            i += 1;
            continue;
        }
        match title_at(ctx, i) {
            Some(t) => {
                i = t.end.max(i + 1);
                out.push(t);
            }
            None => i += 1,
        }
    }
    out
}

/// A title phrase whose title (or pre-modifier) starts at token `i`.
fn title_at(ctx: &Ctx, i: usize) -> Option<TitlePhrase> {
    let n = ctx.len();
    let mut j = i;
    let (len, info) = loop {
        let key = |k: usize| -> Option<&str> {
            let f = ctx.fold(k)?;
            if k == j {
                // "ex-président", "co-présidente": the title without its prefix.
                Some(
                    f.strip_prefix("ex-")
                        .or_else(|| f.strip_prefix("co-"))
                        .unwrap_or(f),
                )
            } else {
                Some(f)
            }
        };
        if let Some(hit) = ctx.lex.titles.longest(key, j) {
            // Keys fold accents: "jugé" (a participle) is not the title "juge".
            let last = ctx.low(j + hit.0 - 1);
            if super::lexicon::ends_accented(last) == hit.1.accented_end {
                break hit;
            }
            return None;
        }
        if j < n && j < i + 2 && PREMODS.contains(&ctx.low(j)) {
            j += 1;
        } else {
            return None;
        }
    };
    // A capitalised "Premier"/"Chef" at a sentence start is fine; an all-caps or name-like
    // token inside a mention was already skipped.
    let mut e = j + len;
    // Post-modifiers: "vice-président exécutif", "ministre délégué", "par intérim".
    loop {
        let w = ctx.low(e);
        if w == "par" && ctx.low(e + 1) == "intérim" || w == "en" && ctx.low(e + 1) == "exercice" {
            e += 2;
        } else if w == "d'honneur" || (POSTMODS.contains(&w) && !matches!(w, "par" | "en")) {
            e += 1;
        } else {
            break;
        }
    }
    let mut key_s = info.key.clone();
    let mut org: Option<String> = None;
    let nat = |ctx: &Ctx, e: &mut usize, org: &mut Option<String>| {
        if let Some(c) = ctx.fold(*e).and_then(|f| ctx.lex.nationalities.get(f)) {
            if ctx
                .mention_at
                .get(*e)
                .is_none_or(|&m| m == super::context::NONE)
                || org.is_none()
            {
                if org.is_none() {
                    *org = Some(c.clone());
                }
                *e += 1;
            }
        }
    };
    let core_end = e;
    nat(ctx, &mut e, &mut org);
    let mut title = ctx.text(i, core_end).to_string();
    // Portfolio: "de l'Agriculture", "des Affaires étrangères", "chargé du Numérique".
    if info.portfolio {
        let mut k = e;
        if matches!(ctx.low(k), "chargé" | "chargée" | "chargés" | "chargées") {
            k += 1;
        }
        let mut end = None;
        loop {
            let p = k;
            let mut q = p;
            if matches!(ctx.low(q), "de" | "d'" | "du" | "des" | "à" | "au" | "aux") {
                q += 1;
            } else {
                break;
            }
            if matches!(ctx.low(q), "la" | "l'") {
                q += 1;
            }
            if !ctx.is_cap(q)
                || ctx
                    .mention_starting(q)
                    .is_some_and(|m| ctx.actor_kind(m.actor) == ActorType::Per)
            {
                break;
            }
            q += 1;
            // Lowercase adjectives of the portfolio ("étrangères", "écologique").
            let mut adj = 0;
            while adj < 2
                && ctx.is_lower_word(q)
                && !matches!(
                    ctx.low(q),
                    "et" | "qui" | "que" | "a" | "est" | "de" | "du" | "des"
                )
                && ctx
                    .fold(q)
                    .is_some_and(|f| !ctx.lex.nationalities.contains_key(f))
            {
                q += 1;
                adj += 1;
            }
            end = Some(q);
            k = q;
            if ctx.low(k) == "et"
                && matches!(
                    ctx.low(k + 1),
                    "de" | "d'" | "du" | "des" | "à" | "au" | "aux"
                )
            {
                k += 1;
                continue;
            }
            break;
        }
        if let Some(pe) = end {
            key_s.push(' ');
            key_s.push_str(&fold_key(ctx.text(e, pe)));
            title = if e == core_end {
                ctx.text(i, pe).to_string()
            } else {
                format!("{title} {}", ctx.text(e, pe))
            };
            e = pe;
        }
    }
    let title_end = e;
    nat(ctx, &mut e, &mut org);
    let mut org_explicit = false;
    // A party or organisation right after the title: "le député LREM".
    if let Some(m) = ctx.mention_starting(e) {
        if matches!(ctx.actor_kind(m.actor), ActorType::Org) && org.is_none() {
            org = Some(ctx.actors[m.actor].name.clone());
            org_explicit = true;
            e = m.end;
        }
    }
    // Organisation: "de/d'/du/des [la] [descriptor words] ORG".
    let mut org_is_person = false;
    if matches!(ctx.low(e), "de" | "d'" | "du" | "des") && !ctx.is_punct(e + 1, ",") {
        let mut k = e + 1;
        if matches!(ctx.low(k), "la" | "l'" | "le" | "les") {
            k += 1;
        }
        let mut found = None;
        let mut related_end = None;
        let mut cap_from = None;
        for s in k..(k + 4).min(ctx.len()) {
            if let Some(m) = ctx.mention_starting(s) {
                // Any type right after "de": a title's "de X" names an organisation even
                // when the actor stage typed it as a person; after descriptor words ("de
                // l'ex-femme de X") a person is not the organisation.
                let relational = (k..s).any(|d| {
                    matches!(ctx.low(d), "de" | "d'" | "du" | "des") || FAMILY.contains(&ctx.low(d))
                });
                // "le Premier ministre de centre-gauche Paul Roy": a person after descriptor
                // words holds the title, unless they name a company ("de la société X").
                let company = (k..s).any(|d| ORG_NOUNS.contains(&ctx.low(d)));
                if s > k && ctx.actor_kind(m.actor) == ActorType::Per && !relational && !company {
                    break;
                }
                if s == k || ctx.actor_kind(m.actor) != ActorType::Per || !relational {
                    found = Some(m);
                } else {
                    // The phrase still covers the relation ("de la famille X").
                    related_end = Some(m.end);
                }
                break;
            }
            if s > k && ctx.is_cap(s) && ctx.mention_at[s] == super::context::NONE {
                // "de la licorne française Mistral AI" with the name not linked to an actor.
                cap_from = Some(s);
                break;
            }
            // "un conseiller de la ministre du Commerce": a second title is no descriptor.
            if !is_descriptor_word(ctx, s) || ctx.lex.titles.longest(|i| ctx.fold(i), s).is_some() {
                break;
            }
        }
        let k = cap_from.unwrap_or(k);
        if let Some(re) = related_end {
            e = re;
        } else if let Some(m) = found {
            if !org_explicit {
                org = Some(ctx.actors[m.actor].name.clone());
                org_explicit = true;
                org_is_person = ctx.actor_kind(m.actor) == ActorType::Per && m.end - m.start >= 3;
            }
            e = m.end;
            // A name the actor stage cut short ("Mistral" of "Mistral AI"): the phrase
            // covers the capitalised words that follow it.
            // So does an English connector inside a name ("Trade Bank of Vetralia").
            while e < m.end + 3 {
                if matches!(ctx.low(e), "of" | "and" | "for") && ctx.is_cap(e + 1) {
                    e = ctx.mention_starting(e + 1).map_or(e + 2, |n| n.end);
                } else if ctx.is_cap(e) && ctx.mention_at[e] == super::context::NONE {
                    e += 1;
                } else {
                    break;
                }
            }
        } else if ctx.is_cap(k) && ctx.mention_at[k] == super::context::NONE && !ctx.is_civility(k)
        {
            let mut q = k;
            while q < k + 4 && ctx.is_cap(q) && ctx.mention_at[q] == super::context::NONE {
                q += 1;
            }
            if !org_explicit {
                org = Some(ctx.text(k, q).to_string());
                org_explicit = true;
            }
            e = q;
        }
        nat(ctx, &mut e, &mut org);
    }
    // Determiner.
    let (mut det_start, mut definite, mut indefinite, mut fem_det) = (i, false, false, false);
    if i >= 1 {
        let d = ctx.low(i - 1);
        match d {
            "le" | "l'" | "les" | "du" | "des" | "au" | "aux" => {
                det_start = i - 1;
                definite = true;
            }
            "la" | "cette" => {
                det_start = i - 1;
                definite = true;
                fem_det = true;
            }
            "ce" | "cet" => {
                det_start = i - 1;
                definite = true;
            }
            "un" | "une" => {
                det_start = i - 1;
                indefinite = true;
                fem_det = d == "une";
            }
            _ => {}
        }
        if i >= 2 && matches!(d, "la" | "l'") && ctx.low(i - 2) == "de" {
            det_start = i - 2;
        }
        if matches!(d, "la" | "l'" | "le") && i >= 2 && ctx.low(i - 2) == "à" {
            det_start = i - 2;
        }
    }
    Some(TitlePhrase {
        det_start,
        start: i,
        title_end,
        end: e,
        title,
        key: key_s,
        org,
        definite,
        indefinite,
        plural: info.plural,
        feminine: info.feminine || fem_det,
        org_is_person,
        org_explicit,
    })
}

#[cfg(test)]
mod tests;
