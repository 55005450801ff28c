//! Roles: a title linked to a named person, before the name ("le vice-président américain
//! J.D. Vance", "du PDG de Kyutai Patrick Perez") or in apposition ("Sam Altman, le
//! président-directeur général d'OpenAI", "Le co-fondateur de Mistral AI, Arthur Mensch").

use super::context::{ChainMention, Ctx};
use super::coref::first_name_gender;
use super::coref::TitlePhrase;
use crate::record::ActorType;
use crate::text::TokenKind;

pub use crate::layers::RoleLink;

fn person_at(ctx: &Ctx, k: usize) -> Option<ChainMention> {
    ctx.mention_starting(k)
        .filter(|m| ctx.actor_kind(m.actor) == ActorType::Per)
}

/// The person mention right after a title phrase ending at `e`: optional comma (unless
/// `no_comma`), optional civility ("M.", "monsieur").
fn person_after(ctx: &Ctx, e: usize, no_comma: bool) -> Option<ChainMention> {
    let mut k = e;
    if ctx.is_punct(k, ",") && !no_comma {
        k += 1;
    }
    if let Some(m) = person_at(ctx, k) {
        return Some(m);
    }
    if ctx.is_civility(k) {
        return person_at(ctx, k + 1);
    }
    // "le ministre (Paul Roy, NDLR)".
    if ctx.is_punct(e, "(") {
        return person_at(ctx, e + 1)
            .filter(|m| ctx.is_punct(m.end, ",") || ctx.is_punct(m.end, ")"));
    }
    None
}

/// Adverbs allowed between the comma of an apposition, or a copula, and the title
/// ("X, actuellement ministre", "X est aussi le président").
const ROLE_ADVERBS: &[&str] = crate::lang::fr::positions::ROLE_ADVERBS;

/// Copulas that state a role: "X est/était/devient/reste TITLE", "X, devenu TITLE".
const COPULAS: &[&str] = crate::lang::fr::positions::COPULAS;

/// The comma opening an apposition whose title phrase starts at `d`: right before it or
/// before one or two adverbs ("X, actuellement ministre").
fn comma_before(ctx: &Ctx, d: usize) -> Option<usize> {
    let mut k = d;
    for _ in 0..3 {
        if k < 2 {
            return None;
        }
        // "X (ancien chef de la police, ...)" is an apposition too.
        if ctx.is_punct(k - 1, ",") || ctx.is_punct(k - 1, "(") {
            return Some(k - 1);
        }
        if !ROLE_ADVERBS.contains(&ctx.low(k - 1)) {
            return None;
        }
        k -= 1;
    }
    None
}

/// Tokens that show a verb: auxiliaries, clitics, reporting or stance verbs in a finite form.
fn verbal(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.low(k);
    matches!(
        w,
        "a" | "ont"
            | "avait"
            | "avaient"
            | "aura"
            | "aurait"
            | "est"
            | "sont"
            | "était"
            | "étaient"
            | "sera"
            | "serait"
            | "fut"
            | "va"
            | "vont"
            | "doit"
            | "peut"
            | "veut"
            | "s'"
            | "se"
            | "ne"
            | "n'"
            | "y"
            | "qui"
            | "que"
            | "qu'"
    ) || ctx.finite_verb_at(k)
}

/// An apposition ending at token `e` closes before any verb: a punctuation mark, a quote or
/// the end of the text comes first, within a dozen tokens ("X, sociologue spécialisé dans
/// les médias, estime").
fn apposition_closes(ctx: &Ctx, e: usize) -> bool {
    let end = ctx.len();
    for k in e..(e + 12).min(end) {
        if ctx.is_final(k) || matches!(ctx.kind(k), Some(TokenKind::Punct | TokenKind::Quote)) {
            return true;
        }
        if ctx.sent_of[k] != ctx.sent_of[e.min(end - 1)] || verbal(ctx, k) {
            return false;
        }
    }
    e + 12 >= end
}

/// A title of the lexicon starts at a token of `from..to` ("de la ministre du ...").
fn title_between(ctx: &Ctx, from: usize, to: usize) -> bool {
    (from..to).any(|t| ctx.lex.titles.longest(|i| ctx.fold(i), t).is_some())
}

/// The end of a lower-case complement after a title ("du marketing", "de la santé",
/// "chargé des sports"), stopping before a comma or a person's name; `None` when a verb,
/// another punctuation mark or a quote comes first.
fn complement_end(ctx: &Ctx, e: usize) -> Option<usize> {
    let opens = matches!(
        ctx.low(e),
        "de" | "d'" | "du" | "des" | "à" | "au" | "aux" | "chargé" | "chargée" | "pour"
    );
    // "le président sortant de la métropole X", "le maire PCF X", "(de 2009 à 2014)".
    let adjective = ctx.is_lower_word(e)
        && !verbal(ctx, e)
        && !ctx.is_prep(e)
        && !matches!(ctx.low(e), "et" | "ou" | "ni" | "mais");
    let acronym = ctx.raw(e).chars().count() >= 2 && ctx.raw(e).chars().all(char::is_uppercase);
    if !(opens || adjective || acronym || ctx.is_punct(e, "(")) {
        return None;
    }
    let n = ctx.len();
    let mut k = e;
    while k < (e + 12).min(n) {
        if ctx.is_punct(k, ",") {
            // "le chef du parti X (ACR, gauche), Paul Roy".
            // "un conseiller de la ministre du Commerce, Léa Morel": the name after a
            // second title is that title's holder.
            let nested = title_between(ctx, e + 1, k);
            return (k > e + 1 && (opens || ctx.is_punct(e, "(")) && !nested).then_some(k);
        }
        // A parenthesis: "(Nordie)", "(de 2015 à 2019)".
        if ctx.is_punct(k, "(") {
            k = (k + 1..(k + 8).min(n)).find(|&t| ctx.is_punct(t, ")"))? + 1;
            continue;
        }
        // Places, parties and organisations inside the complement: "de la Nordie".
        if let Some(m) = ctx
            .mention_starting(k)
            .filter(|m| ctx.actor_kind(m.actor) != ActorType::Per)
        {
            k = m.end;
            continue;
        }
        if person_at(ctx, k).is_some() {
            // "la candidate à la succession de M. Roy", "le directeur de cabinet de X":
            // a name inside the complement is its object, not the title's holder; so is a
            // name after a second title ("de l'ancien président X").
            let prev = if k >= 1 && ctx.is_civility(k - 1) {
                k - 1
            } else {
                k
            };
            let nested = title_between(ctx, e + 1, prev);
            let object = prev >= 1 && (ctx.is_prep(prev - 1) || ctx.is_det(prev - 1));
            // "le directeur de cabinet de Paul Roy Marc Blanc": the name right after the
            // object is the holder.
            if object && !nested {
                let m = ctx.mention_starting(k).expect("person mention");
                if person_at(ctx, m.end).is_some() {
                    return Some(m.end);
                }
            }
            // One adjective is enough: "le maire sortant Paul Roy".
            let long_enough = k > e + 1 || adjective && !opens;
            return (long_enough && !nested && !object).then_some(k);
        }
        if ctx.is_final(k)
            || matches!(ctx.kind(k), Some(TokenKind::Punct | TokenKind::Quote))
            || verbal(ctx, k)
        {
            return None;
        }
        k += 1;
    }
    None
}

/// The person whose copula ends right before the title phrase starting at `d`:
/// "PERSON [ne] est/était [aussi] [le] TITLE", "PERSON, devenu TITLE".
fn copula_subject(ctx: &Ctx, d: usize) -> Option<ChainMention> {
    let mut k = d;
    let mut adv = 0;
    while adv < 2 && k >= 1 && ROLE_ADVERBS.contains(&ctx.low(k - 1)) {
        k -= 1;
        adv += 1;
    }
    // "X est élu pour la première fois": the participle is the copula, not a title.
    if k < 2 || !COPULAS.contains(&ctx.low(k - 1)) || COPULAS.contains(&ctx.low(d)) {
        return None;
    }
    let mut s = k - 1;
    // "a été", "avait été": the auxiliary before "été".
    if ctx.low(s) == "été" && s >= 1 && matches!(ctx.low(s - 1), "a" | "avait" | "aura") {
        s -= 1;
    }
    if s >= 1 && ctx.is_punct(s - 1, ",") && ctx.low(k - 1).starts_with("devenu") {
        s -= 1;
    }
    let m = ctx.mention_ending(s.checked_sub(1)?)?;
    (ctx.actor_kind(m.actor) == ActorType::Per
        && !(m.start >= 1 && (ctx.is_prep(m.start - 1) || ctx.is_det(m.start - 1))))
    .then_some(m)
}

/// Link title phrases to persons. Returns the roles and, per title phrase, the person it is
/// attached to.
pub fn find_roles(ctx: &Ctx, titles: &[TitlePhrase]) -> (Vec<RoleLink>, Vec<Option<usize>>) {
    let mut roles = Vec::new();
    let mut attached = vec![None; titles.len()];
    for (ti, t) in titles.iter().enumerate() {
        // "un député" names no one, but "Une députée de l'opposition, Anne Roy, a dit"
        // introduces her.
        let introduced = || {
            complement_end(ctx, t.end)
                .or(Some(t.end).filter(|&e| ctx.is_punct(e, ",")))
                .and_then(|k| person_after(ctx, k, false))
                .is_some_and(|m| ctx.is_punct(m.end, ","))
        };
        if t.indefinite && t.det_start >= 1 && !ctx.is_punct(t.det_start - 1, ",") && !introduced()
        {
            continue;
        }
        // A name right after the title wins: "le vice-président américain J.D. Vance, le
        // vice-Premier ministre chinois Zhang Guoqing" lists two roles.
        let direct = person_at(ctx, t.end).is_some()
            || ctx.is_civility(t.end) && person_at(ctx, t.end + 1).is_some();
        // Apposition after the name: "PERSON, [actuellement] [le] TITLE ...".
        let comma = comma_before(ctx, t.det_start);
        // "Bill et Anne Roy, des mécènes": a plural title is no one person's role.
        let apposed = match (direct, comma, t.plural) {
            (false, Some(comma), false) => {
                // The apposition must close (",", ".", ")"...) before any verb: "X, la
                // présidente du parti s'est rendue" makes the title the subject of a new
                // clause, not X's role; "X, sociologue spécialisé dans les médias," closes.
                let closes = apposition_closes(ctx, t.end);
                let agrees = |a: usize| {
                    let g = first_name_gender(ctx.lex, &ctx.actors[a].name);
                    g.is_none_or(|fem| {
                        !(t.feminine && !fem
                            || fem && !t.feminine && t.definite && ctx.low(t.det_start) == "le")
                    })
                };
                ctx.mention_ending(comma - 1).filter(|m| {
                    ctx.actor_kind(m.actor) == ActorType::Per && closes && agrees(m.actor)
                })
            }
            _ => None,
        };
        // Copula: "PERSON est/était [aussi] [le] TITLE", "PERSON, devenu TITLE".
        if let Some(m) = apposed.or_else(|| copula_subject(ctx, t.det_start)) {
            roles.push(RoleLink {
                title: ti,
                actor: m.actor,
                start: m.start,
                end: t.end,
            });
            attached[ti] = Some(m.actor);
            continue;
        }
        // Title before the name: "TITLE [nat] [de ORG] [,] PERSON"; a plural title
        // lists its holders without a comma ("les avocats de X, Y" are not Y).
        let after = person_after(ctx, t.end, t.org_is_person || t.plural).or_else(|| {
            // "la cheffe du marketing, Anne Roy", "le ministre allemand de la santé, X":
            // a complement in lower case that the title phrase did not take as an org.
            complement_end(ctx, t.end)
                .filter(|_| !t.plural)
                .and_then(|k| person_after(ctx, k, false))
        });
        if let Some(m) = after {
            roles.push(RoleLink {
                title: ti,
                actor: m.actor,
                start: t.det_start,
                end: m.end,
            });
            attached[ti] = Some(m.actor);
            if t.plural {
                // "les vice-présidents Anne Roy et Marc Blanc".
                let mut k = m.end;
                while ctx.is_punct(k, ",") || ctx.low(k) == "et" {
                    match person_at(ctx, k + 1) {
                        Some(m2) => {
                            roles.push(RoleLink {
                                title: ti,
                                actor: m2.actor,
                                start: t.det_start,
                                end: m2.end,
                            });
                            k = m2.end;
                        }
                        None => break,
                    }
                }
            }
        }
    }
    (roles, attached)
}

#[cfg(test)]
mod tests;
