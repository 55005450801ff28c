//! Tag-level repairs of the tagger's output, one sentence at a time, for shapes of French news a
//! token-level tagger gets wrong: portfolios after a minister's title, demonyms used as nouns,
//! a place or organisation glued to a person, an acronym and its branch, person names cut
//! before the end of the surname, person spans that glue an organisation. Reads the tokens'
//! features ([`TokInfo`]: shape, case class, news priors, gazetteer bits) and their text;
//! rewrites the IOB2 tags in place. Word lists live in `src/lang/fr/actors/`.

use super::{features, gazetteer, model, tags};
use crate::record::ActorType;
use crate::text::normalize::{fold_key, fold_key_into};
use features::TokInfo;

/// Minister's titles, their links and the words around them
/// (`src/lang/fr/actors/minister_titles.pairs`).
const MINISTER_TITLES: &[(&str, &str)] = crate::lang::fr::actors::MINISTER_TITLES;

const B_PER: u8 = tags::begin(ActorType::Per);
const B_ORG: u8 = tags::begin(ActorType::Org);
const I_ORG: u8 = tags::inside(ActorType::Org);

/// Split person spans that glue an organisation to a name, two patterns of French news:
/// "Sundar Pichai de Google" (a full name, then `de` and a word the news priors do not see as
/// a person) and "PDG de Kyutai Patrick Perez" (a capitalised word, then a known first name
/// and a surname). The glued part becomes an organisation.
pub fn repair<'t>(infos: &[TokInfo], text: impl Fn(usize) -> &'t str, tags: &mut [u8]) {
    strip_portfolios(infos, &text, tags);
    name_after_title(infos, &text, tags);
    demonyms(infos, &text, tags);
    split_place_before_person(infos, tags);
    split_person_after_lowercase(infos, &text, tags);
    join_acronym_and_branch(infos, &text, tags);
    extend_person_names(infos, &text, tags);
    diseases(infos, &text, tags);
    capitalised_institutions(infos, &text, tags);
    join_places_around_de(infos, &text, tags);
    countries_are_places(infos, tags);
    extend_over_capitalised(infos, &text, tags);
    let spans: Vec<_> = tags::spans(tags).filter(|s| s.2 == 0).collect();
    for (a, b, _) in spans {
        // An acronym alone is an organisation ("X (ABC)" after a name is a party or a
        // company), not a person.
        if b - a == 1
            && infos[a].bits & features::shape_bits::ALL_CAPS != 0
            && infos[a].gaz & gazetteer::bits::FIRST_NAME == 0
            && infos[a].len <= 6
        {
            tags[a] = B_ORG;
            continue;
        }
        // "Prénom Nom de Org".
        if let Some(k) = (a + 2..b.saturating_sub(1)).find(|&k| {
            let w = text(k);
            w == "de" || w == "d'" || w == "d’"
        }) {
            let next = infos[k + 1];
            // The news priors must see the next word as an organisation or a place.
            let person_like = !matches!(next.prior_type(), Some(ActorType::Org | ActorType::Loc))
                || next.gaz & gazetteer::bits::LAST_NAME != 0;
            let caps = (a..k).all(|i| infos[i].bits & features::shape_bits::CAP != 0);
            if caps && !person_like {
                tags[k] = 0;
                tags[k + 1] = B_ORG;
                for t in &mut tags[k + 2..b] {
                    *t = I_ORG;
                }
                continue;
            }
        }
        // "Org Prénom Nom".
        if b - a >= 3 {
            let is_first = |i: usize| {
                infos[i].gaz & gazetteer::bits::FIRST_NAME != 0
                    && infos[i].case_class() != features::case_class::LOWER
                    && infos[i].case_class() != features::case_class::MOSTLY_LOWER
            };
            // A single glued word before the first name.
            if let Some(k) = Some(a + 1).filter(|&k| is_first(k) && !is_first(k - 1)) {
                let prefix_cap = (a..k).all(|i| {
                    infos[i].bits & features::shape_bits::CAP != 0
                        && !is_first(i)
                        && infos[i].prior_type() != Some(ActorType::Per)
                });
                if prefix_cap {
                    tags[a] = B_ORG;
                    for t in &mut tags[a + 1..k] {
                        *t = I_ORG;
                    }
                    tags[k] = B_PER;
                }
            }
        }
    }
}

const B_MISC: u8 = tags::begin(ActorType::Misc);
const I_MISC: u8 = tags::inside(ActorType::Misc);
const I_PER: u8 = tags::inside(ActorType::Per);
const B_LOC: u8 = tags::begin(ActorType::Loc);
const I_LOC: u8 = tags::inside(ActorType::Loc);

/// "NRV Océanie", "KLT Group": an organisation's acronym and the capitalised word
/// right after it (a branch, a region, a legal form) are one organisation, unless the word is
/// a person's first name or surname ("la NRV Paul X") or goes on with another capitalised
/// word.
fn join_acronym_and_branch<'t>(
    infos: &[TokInfo],
    text: &impl Fn(usize) -> &'t str,
    tags: &mut [u8],
) {
    let caps = |i: usize| infos[i].bits & features::shape_bits::CAP != 0;
    for i in 0..tags.len().saturating_sub(1) {
        let acronym = tags[i] == B_ORG
            && infos[i].bits & features::shape_bits::ALL_CAPS != 0
            && infos[i].len <= 6
            && !model::is_inside(tags[i + 1]);
        if !acronym || !caps(i + 1) || infos[i + 1].bits & features::shape_bits::ALL_CAPS != 0 {
            continue;
        }
        let next = &infos[i + 1];
        let named = next.gaz & (gazetteer::bits::FIRST_NAME | gazetteer::bits::LAST_NAME) != 0
            || next.prior_type() == Some(ActorType::Per);
        let single = tags[i + 1] == 0
            || tags.get(i + 2).is_none_or(|&t| !model::is_inside(t))
                && model::TYPES[model::type_of(tags[i + 1])] != ActorType::Per;
        // "... à l'AFP Prénom al-Nom": a name particle after the word.
        let goes_on = i + 2 < tags.len() && (caps(i + 2) || name_particle(text(i + 2)));
        if !named && single && !goes_on {
            tags[i + 1] = I_ORG;
        }
    }
}

/// A name the tagger missed after a person's title: "le maire Prénom Nom", "le ministre de
/// l'Équipement Prénom Nom". Two or three capitalised words, untagged, that the news does not
/// usually write in lowercase nor see as places or organisations, the first a known first
/// name, a person by the news priors or a word the statistics do not know, right after a
/// person cue (`src/lang/fr/actors/person_cues.words`) or after a portfolio title and its
/// capitalised portfolio (no country: "le ministre de l'Intérieur", not "le ministre de la
/// Vetralie"), become a person.
fn name_after_title<'t>(infos: &[TokInfo], text: &impl Fn(usize) -> &'t str, tags: &mut [u8]) {
    use features::case_class::UNKNOWN;
    use gazetteer::bits::{COUNTRY_B, FIRST_NAME, PORTFOLIO_LINK, TITLE};
    let n = tags.len();
    let name_word = |i: usize, tags: &[u8]| {
        let w = &infos[i];
        tags[i] == 0
            && w.bits & features::shape_bits::CAP != 0
            && w.bits & features::shape_bits::ALL_CAPS == 0
            && w.gaz & COUNTRY_B == 0
            && !usually_lowercase(w)
            && !matches!(w.prior_type(), Some(ActorType::Loc | ActorType::Org))
    };
    let mut buf = String::new();
    let mut i = 1;
    while i + 1 < n {
        let mut e = i;
        while e < n && e - i < 4 && name_word(e, tags) {
            e += 1;
        }
        let first = &infos[i];
        let first_ok = first.gaz & FIRST_NAME != 0
            || first.prior_type() == Some(ActorType::Per)
            || first.case_class() == UNKNOWN;
        if !(2..=3).contains(&(e - i)) || !first_ok {
            i = e.max(i + 1);
            continue;
        }
        // The cue: right before, or a portfolio title before its portfolio.
        let cue = |k: usize, buf: &mut String| {
            buf.clear();
            fold_key_into(text(k), buf);
            crate::lang::fr::actors::has_person_cues(buf)
        };
        let mut k = i - 1;
        let mut ok = cue(k, &mut buf);
        if !ok {
            let mut steps = 0;
            while k > 0 && steps < 6 && tags[k] == 0 {
                let w = &infos[k];
                // A portfolio title takes any capitalised portfolio ("l'Équipement").
                let portfolio = w.gaz & PORTFOLIO_LINK != 0
                    || w.bits & features::shape_bits::CAP != 0 && w.gaz & COUNTRY_B == 0;
                if !portfolio {
                    break;
                }
                k -= 1;
                steps += 1;
            }
            // The portfolio holds a word, not only links ("le ministre de l'X Y" names X).
            ok = steps > 0 && infos[i - 1].gaz & PORTFOLIO_LINK == 0 && infos[k].gaz & TITLE != 0;
        }
        if !ok {
            i += 1;
            continue;
        }
        tags[i] = B_PER;
        for t in &mut tags[i + 1..e] {
            *t = I_PER;
        }
        i = e;
    }
}

/// Person names the tagger cut before the end of the surname: a particle written in lowercase
/// and glued to the next word ("Prénom al-Nom", "Prénom el-Nom"), a regnal number ("Prénom
/// II"), or "de"/"d'" and a capitalised word that is neither a known place nor an organisation
/// by the news priors ("Prénom Nom de Nom2", as in French noble names).
fn extend_person_names<'t>(infos: &[TokInfo], text: &impl Fn(usize) -> &'t str, tags: &mut [u8]) {
    let spans: Vec<_> = tags::spans(tags).filter(|s| s.2 == 0).collect();
    for (_, b, _) in spans {
        if b >= tags.len() || tags[b] != 0 {
            continue;
        }
        let w = text(b);
        let glued_particle = w.contains('-')
            && name_particle(&w[..=w.find('-').unwrap_or(0)])
            && w[w.find('-').map_or(0, |k| k + 1)..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        let regnal = matches!(
            w,
            "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX" | "X"
        );
        if glued_particle || regnal {
            tags[b] = I_PER;
            continue;
        }
        if matches!(w, "de" | "d'" | "d’") && b + 1 < tags.len() {
            let next = &infos[b + 1];
            let cap = next.bits & features::shape_bits::CAP != 0
                && next.bits & features::shape_bits::ALL_CAPS == 0;
            let elsewhere = matches!(next.prior_type(), Some(ActorType::Loc | ActorType::Org))
                || next.gaz & gazetteer::bits::COUNTRY_B != 0;
            let single = tags[b + 1] == 0 || !tags.get(b + 2).is_some_and(|&t| model::is_inside(t));
            let ends = b + 2 >= tags.len() || infos[b + 2].bits & features::shape_bits::CAP == 0;
            if cap
                && !elsewhere
                && single
                && ends
                && next.case_class() != features::case_class::LOWER
            {
                tags[b] = I_PER;
                tags[b + 1] = I_PER;
            }
        }
    }
}

/// True when the word opens the particle of a surname ("al-Sabah", "ben", "von", "de"; the
/// list is `src/lang/fr/actors/name_particles.words`).
fn name_particle(w: &str) -> bool {
    let l = w.to_lowercase();
    crate::lang::fr::actors::NAME_PARTICLES
        .iter()
        .any(|p| match p.strip_suffix('-') {
            Some(_) => l.starts_with(p),
            None => l == *p,
        })
}

/// "le Premier ministre de la Vetralie Prénom Nom": an organisation or place span glued to the
/// person after it. The span splits when its first word is a proper noun the news nearly
/// always capitalises (not a head noun such as "Université", "Fondation": "Université Jean
/// Moulin" stays one name) that the news priors do not see as a person, and a known
/// first name follows it with a capitalised surname.
fn split_place_before_person(infos: &[TokInfo], tags: &mut [u8]) {
    use features::case_class::{ACRONYM, CAP, MOSTLY_CAP, UNKNOWN};
    let spans: Vec<_> = tags::spans(tags).filter(|s| s.2 == 1 || s.2 == 2).collect();
    for (a, b, ty) in spans {
        if b - a < 3 {
            continue;
        }
        // A known first name, or a word the news priors saw mostly in persons ("Kelvo").
        let first_name = |i: usize| {
            (infos[i].gaz & gazetteer::bits::FIRST_NAME != 0
                || infos[i].prior_type() == Some(ActorType::Per))
                && infos[i].bits & features::shape_bits::CAP != 0
                && !usually_lowercase(&infos[i])
        };
        let proper = matches!(infos[a].case_class(), CAP | MOSTLY_CAP | ACRONYM | UNKNOWN);
        let prior = infos[a].prior_type();
        if proper
            && !first_name(a)
            && prior != Some(ActorType::Per)
            && first_name(a + 1)
            && (a + 2..b).all(|i| infos[i].bits & features::shape_bits::CAP != 0)
        {
            tags[a] = tags::begin(model::TYPES[ty]);
            tags[a + 1] = B_PER;
            for t in &mut tags[a + 2..b] {
                *t = I_PER;
            }
        }
    }
}

/// "la République vetrane Paul Roy": an organisation or place span whose name part ends on a
/// lowercase word ("vetrane"), then a known first name and one to three capitalised words, is
/// that name and a person. A capitalised word or a particle right before the first name
/// keeps the span whole ("Institut Paul Roy", "Fondation de Paul Roy").
fn split_person_after_lowercase<'t>(
    infos: &[TokInfo],
    text: &impl Fn(usize) -> &'t str,
    tags: &mut [u8],
) {
    let spans: Vec<_> = tags::spans(tags).filter(|s| s.2 == 1 || s.2 == 2).collect();
    let cap = |i: usize| infos[i].bits & features::shape_bits::CAP != 0;
    for (a, b, _) in spans {
        let Some(k) = (a + 2..b.saturating_sub(1)).find(|&k| {
            infos[k].gaz & gazetteer::bits::FIRST_NAME != 0
                && cap(k)
                && !usually_lowercase(&infos[k])
        }) else {
            continue;
        };
        let before = text(k - 1);
        let lower_before = infos[k - 1].bits & features::shape_bits::ALPHA != 0
            && !cap(k - 1)
            && !name_particle(before)
            && !matches!(before, "la" | "le" | "les" | "de" | "du" | "des")
            && !before.ends_with(['\'', '’']);
        if lower_before && b - k <= 4 && (k + 1..b).all(cap) {
            tags[k] = B_PER;
            for t in &mut tags[k + 1..b] {
                *t = I_PER;
            }
        }
    }
}

/// Demonyms used as nouns are MISC entities ("les Norvégiens", "des Péruviens", "l'Islandais"): a
/// capitalised word inside the sentence, after a determiner
/// (`src/lang/fr/actors/demonym_determiners.words`), with a demonym ending
/// (`demonym_endings.words`; singular endings only after "l'", "un", "une"), that the news
/// usually writes in lowercase (the adjective: "français") or, when plural, does not know,
/// tagged nothing or a one-word person or place. Organisations stay (a party named by a plural noun).
fn demonyms<'t>(infos: &[TokInfo], text: &impl Fn(usize) -> &'t str, tags: &mut [u8]) {
    use features::case_class::{LOWER, MIXED, MOSTLY_LOWER, UNKNOWN};
    let lang = &crate::lang::fr::actors::DEMONYM_ENDINGS;
    let dets = &crate::lang::fr::actors::DEMONYM_DETERMINERS;
    let mut det = String::new();
    for i in 1..tags.len() {
        let w = text(i);
        if infos[i].bits & features::shape_bits::CAP == 0 || w.chars().count() < 5 {
            continue;
        }
        let class = infos[i].case_class();
        let untagged = tags[i] == 0;
        let single = tags[i] != 0
            && !model::is_inside(tags[i])
            && tags.get(i + 1).is_none_or(|&t| !model::is_inside(t))
            && matches!(
                model::TYPES[model::type_of(tags[i])],
                ActorType::Per | ActorType::Loc
            );
        // A word the statistics do not know may still be a demonym when it is plural: a
        // one-word person name rarely is ("plusieurs Vetraliens").
        // after a determiner that is plural itself ("de Xans" is more often a village).
        let unknown_plural = class == UNKNOWN && !untagged && single && w.ends_with('s');
        let unknown_ok = class == UNKNOWN && untagged || unknown_plural;
        if !(untagged || single) || !(matches!(class, LOWER | MOSTLY_LOWER | MIXED) || unknown_ok) {
            continue;
        }
        // Not the first word of a longer name ("l'Océan Indien").
        if i + 1 < tags.len() && infos[i + 1].bits & features::shape_bits::CAP != 0 {
            continue;
        }
        det.clear();
        fold_key_into(text(i - 1), &mut det);
        if !dets.contains(&det.as_str())
            || unknown_plural && matches!(det.as_str(), "de" | "d'" | "l'" | "un" | "une")
        {
            continue;
        }
        let plural = w.ends_with('s');
        let singular_ok = matches!(det.as_str(), "l'" | "un" | "une");
        if (plural || singular_ok) && lang.iter().any(|e| w.ends_with(e)) {
            tags[i] = B_MISC;
        }
    }
}

/// "le Tribunal fédéral", "la Commission nordique": an institution noun
/// (`institution_heads.words`, `assembly_heads.words`) the tagger left out, capitalised in
/// mid-sentence right after a definite article although the news usually writes it in
/// lowercase, with one or more lowercase adjectives after it, is the name of one
/// institution: an organisation. So is an assembly noun alone that the news mostly
/// capitalises (70 % of its uses or more: a proper name, "le Sénat"; not "la Cour").
fn capitalised_institutions<'t>(
    infos: &[TokInfo],
    text: &impl Fn(usize) -> &'t str,
    tags: &mut [u8],
) {
    let mut key = String::new();
    for i in 1..tags.len() {
        if tags[i] != 0 || infos[i].bits & features::shape_bits::CAP == 0 {
            continue;
        }
        // A noun the news mostly capitalises names one body by itself.
        let proper = matches!(
            infos[i].case_class(),
            features::case_class::CAP | features::case_class::MOSTLY_CAP
        ) && text(i - 1).len() <= 4;
        if infos[i].bits & features::shape_bits::ALL_CAPS != 0
            || !(usually_lowercase(&infos[i]) || proper)
        {
            continue;
        }
        key.clear();
        fold_key_into(text(i - 1), &mut key);
        if !crate::lang::fr::actors::has_definite_articles(&key) {
            continue;
        }
        key.clear();
        fold_key_into(text(i), &mut key);
        let assembly = crate::lang::fr::actors::has_assembly_heads(&key);
        if !crate::lang::fr::actors::has_institution_heads(&key) && !assembly {
            continue;
        }
        // Mostly capitalised, only an assembly noun is a name ("le Sénat").
        if proper && !assembly {
            continue;
        }
        let mut end = i + 1;
        while end < tags.len()
            && tags[end] == 0
            && infos[end].bits & (features::shape_bits::CAP | features::shape_bits::ALPHA)
                == features::shape_bits::ALPHA
            && crate::actors::spans::adjective(text(end))
            && {
                key.clear();
                fold_key_into(text(end), &mut key);
                !crate::lang::fr::figures::has_date_triggers(&key)
            }
        {
            end += 1;
        }
        // The noun alone is often a short reference to a longer name ("la Cour" after "la
        // Cour d'appel de Nordis"), which the news corpus does not annotate; an assembly
        // noun the news mostly capitalises names its assembly alone.
        if end == i + 1 && !proper {
            continue;
        }
        tags[i] = B_ORG;
        for t in &mut tags[i + 1..end] {
            *t = I_ORG;
        }
    }
}

/// "Vetra de Nordis": two one-word places with a lowercase "de" (or its Portuguese, Spanish and
/// Italian forms, `place_particles.words`) between them are one place name that the tagger cut
/// at the particle. Not after a country ("l'Autriche de Vetra à Nordis": "de" is
/// "from").
fn join_places_around_de<'t>(infos: &[TokInfo], text: &impl Fn(usize) -> &'t str, tags: &mut [u8]) {
    let single =
        |tags: &[u8], i: usize| tags[i] == B_LOC && tags.get(i + 1).is_none_or(|&t| t != I_LOC);
    for i in 0..tags.len().saturating_sub(2) {
        let cap = infos[i + 2].bits & features::shape_bits::CAP != 0;
        let country = infos[i].gaz & gazetteer::bits::COUNTRY_B != 0;
        if single(tags, i)
            && !country
            && tags[i + 1] == 0
            && crate::lang::fr::actors::has_place_particles(text(i + 1))
            && single(tags, i + 2)
            && cap
        {
            tags[i + 1] = I_LOC;
            tags[i + 2] = I_LOC;
        }
    }
}

/// A country is a place, also when it acts ("le Sri Lanka a signé"): a span that is
/// exactly a country of the gazetteer (`countries.txt`) becomes LOC (a one-word person stays:
/// "Maurice" is also a first name), and a country name of two words or more the tagger left
/// out or cut short ("Pays" of "Pays de Galles"), capitalised, is tagged LOC.
fn countries_are_places(infos: &[TokInfo], tags: &mut [u8]) {
    use gazetteer::bits::{COUNTRY_B, COUNTRY_I};
    let mut i = 0;
    while i < tags.len() {
        if infos[i].gaz & COUNTRY_B == 0 || infos[i].bits & features::shape_bits::CAP == 0 {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < tags.len() && infos[end].gaz & COUNTRY_I != 0 {
            end += 1;
        }
        // One word typed as a person may be a first name ("Maurice").
        let person_word = end - i == 1 && tags[i] == B_PER;
        let exact = tags[i] != 0
            && !model::is_inside(tags[i])
            && tags::span_end(tags, i) == end
            && !person_word;
        let untagged = end - i >= 2 && tags[i..end].iter().all(|&t| t == 0);
        // The tagger cut the country short ("Pays" of "Pays de Galles").
        let cut = end - i >= 2
            && tags[i] != 0
            && !model::is_inside(tags[i])
            && tags::span_end(tags, i) < end
            && tags[tags::span_end(tags, i)..end].iter().all(|&t| t == 0);
        if exact || untagged || cut {
            tags[i] = B_LOC;
            for t in &mut tags[i + 1..end] {
                *t = I_LOC;
            }
        }
        i = end;
    }
}

/// Diseases and viruses are MISC (`diseases.words`: "Zika", "Mers", "H5N1"): a capitalised
/// word of the list, untagged or tagged alone or followed only by a hyphen and digits (a
/// "Name - 19" written in three tokens), is retagged MISC. A longer name that holds it ("Zika
/// Response Fund") keeps its type.
fn diseases<'t>(infos: &[TokInfo], text: &impl Fn(usize) -> &'t str, tags: &mut [u8]) {
    let mut key = String::new();
    let mut i = 0;
    while i < tags.len() {
        let start_ok = tags[i] == 0 || !model::is_inside(tags[i]);
        // The list's names are 3 to 11 characters long ("VIH", "Chikungunya").
        if !start_ok
            || infos[i].bits & features::shape_bits::CAP == 0
            || !(3..=11).contains(&infos[i].len)
        {
            i += 1;
            continue;
        }
        key.clear();
        fold_key_into(text(i), &mut key);
        if !crate::lang::fr::actors::has_diseases(&key) {
            i += 1;
            continue;
        }
        // The span's end: the word, or the tagged span when the rest is "-" and digits.
        let mut end = tags::span_end(tags, i);
        let rest_ok = (i + 1..end).all(|k| infos[k].bits & features::shape_bits::ALPHA == 0);
        if tags[i] != 0 && !rest_ok {
            i = end;
            continue;
        }
        if tags[i] == 0 {
            end = i + 1;
        }
        tags[i] = B_MISC;
        for t in &mut tags[i + 1..end] {
            *t = I_MISC;
        }
        i = end;
    }
}

/// True when the word is usually written in lowercase in the news ("économie", "santé").
fn usually_lowercase(info: &TokInfo) -> bool {
    use features::case_class::{LOWER, MIXED, MOSTLY_LOWER};
    matches!(info.case_class(), LOWER | MOSTLY_LOWER | MIXED)
}

/// Take portfolios out of entity spans: after a title and a link word ("ministre de l'",
/// "secrétaire d'État chargé du", lists in `src/lang/fr/actors/titles.txt` and
/// `src/lang/fr/actors/portfolio_links.txt`), the leading capitalised words that the news usually writes
/// in lowercase ("Economie", "Santé") name a portfolio, not an entity. A span made only of
/// them is dropped; a span that goes on with a name ("Economie Prénom Nom") keeps the name.
///
/// After a minister's title ("ministre des", "secrétaire d'État au") every capitalised word
/// but an acronym or a country opens the portfolio, however the news usually writes it
/// ("ministre de la Pêche"): such titles take a portfolio, never a place or a party (but
/// "Premier ministre de X" takes a place).
pub fn strip_portfolios<'t>(infos: &[TokInfo], text: impl Fn(usize) -> &'t str, tags: &mut [u8]) {
    use gazetteer::bits::{PORTFOLIO_LINK, TITLE};
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 || model::is_inside(t) {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = a + 1;
        while b < tags.len()
            && model::is_inside(tags[b])
            && model::type_of(tags[b]) == model::type_of(t)
        {
            b += 1;
        }
        i = b;
        // Walk back over link words to a title.
        let mut k = a;
        let mut links = 0;
        while k > 0 && links < 5 && infos[k - 1].gaz & (PORTFOLIO_LINK | TITLE) == PORTFOLIO_LINK {
            k -= 1;
            links += 1;
        }
        if links == 0 || k == 0 || infos[k - 1].gaz & TITLE == 0 {
            continue;
        }
        // "Premier ministre de X" takes a place.
        // The portfolio follows a preposition or an article, not "d'État" or "délégué"; "Premier
        // ministre de X" takes a place.
        let is = |role: &str, i: usize, buf: &mut String| {
            buf.clear();
            fold_key_into(text(i), buf);
            MINISTER_TITLES.iter().any(|&(r, w)| r == role && w == buf)
        };
        let mut buf = String::new();
        let minister = is("before", a - 1, &mut buf)
            && (is("title", k - 1, &mut buf) && !(k >= 2 && is("not-after", k - 2, &mut buf))
                || (k..a).any(|x| is("link", x, &mut buf)));
        // The portfolio: lowercase-usual words and links; a known first name ends it.
        let mut c = a;
        while c < b {
            let w = &infos[c];
            let first_name = w.gaz & gazetteer::bits::FIRST_NAME != 0 && !usually_lowercase(w);
            let country = w.gaz & gazetteer::bits::COUNTRY_B != 0;
            // Only right after the link or a link word: "ministre de l'Équipement Prénom Nom"
            // ends the portfolio at the name.
            let after_link = c == a || infos[c - 1].gaz & PORTFOLIO_LINK != 0;
            let named = minister
                && after_link
                && w.case_class() != features::case_class::ACRONYM
                && w.bits & features::shape_bits::ALL_CAPS == 0;
            let portfolio = ((usually_lowercase(w) || named) && !country)
                || (c > a && w.gaz & PORTFOLIO_LINK != 0);
            if first_name || !portfolio {
                break;
            }
            c += 1;
        }
        if c == a {
            continue;
        }
        for x in &mut tags[a..c] {
            *x = 0;
        }
        if c < b {
            tags[c] = t;
        }
    }
}

/// "Vetra Solmar", "Kelvo Ardan": a span that the tagger ended right before a capitalised
/// word it left out, in the same sentence, runs on over it, unless the word is a common
/// word by the news statistics ("Le", "Comment" in a headline), a civility or a known first
/// name (another person's name starts there), or the span is an acronym.
fn extend_over_capitalised<'t>(
    infos: &[TokInfo],
    text: &impl Fn(usize) -> &'t str,
    tags: &mut [u8],
) {
    let spans: Vec<_> = tags::spans(tags).collect();
    for (a, b, ty) in spans {
        let Some(w) = infos.get(b) else { continue };
        // An acronym before a name is a source or a branch ("à l'AFP Prénom Nom"), which
        // `join_acronym_and_branch` weighs.
        let acronym = b - a == 1 && infos[a].bits & features::shape_bits::ALL_CAPS != 0;
        if acronym
            || tags[b] != 0
            || w.bits & features::shape_bits::CAP == 0
            || w.bits & features::shape_bits::ALPHA == 0
            || is_common_word(w)
            || w.gaz & gazetteer::bits::FIRST_NAME != 0
            || crate::lang::fr::common::has_civilities(&fold_key(text(b)))
        {
            continue;
        }
        tags[b] = 2 + 2 * ty as u8;
    }
}

/// True when a one-word mention is a common word by the news statistics: written lowercase
/// nearly always. (Capitalised demonyms used as nouns, "les Norvégiens", are MISC entities in the
/// news-fr conventions and stay.)
pub(super) fn is_common_word(info: &TokInfo) -> bool {
    use features::case_class::LOWER;
    info.case_class() == LOWER
}

#[cfg(test)]
mod tests;
