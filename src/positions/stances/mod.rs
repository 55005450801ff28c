//! Stances: explicit positions of an actor for or against something ("s'oppose à",
//! "soutient", "plaider en faveur de", "n'a pas signé", "la position ferme de X contre Y",
//! "se dit prêt à travailler avec", "condamné par X", "refuse de soutenir"), judgements
//! reported with "que" ("a estimé que cette mesure était injuste"), and pejorative judgements
//! inside attributed quotes ("une régulation excessive").
//!
//! - [`verbs`]: stance verbs, their passive, refusal and the speaker's "je suis contre";
//! - [`nouns`]: stance adjectives and nouns, cooperation, pejoratives and judgements;
//! - [`target`]: the noun phrase a stance is about.
//!
//! Reads the tokens, the actor mentions and the quotes found before; adds `FoundStance`s
//! (holders resolved through [`Resolver`], with coordinated holders sharing a stance).

use super::attrib::{Resolver, Who};
use super::context::Ctx;
use super::quotes::FoundQuote;
use crate::record::Polarity;

mod nouns;
mod target;
mod verbs;

use nouns::{
    adjective_stance, cooperation, judgement_stance, noun_stance, pejorative, possessive_stance,
};
use verbs::{copula_stance, quote_cue_stance, verb_stance};

/// A stance as token ranges.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundStance {
    /// The actor.
    pub who: Who,
    /// For or against.
    pub polarity: Polarity,
    /// Cue token range.
    pub cue: (usize, usize),
    /// Target token range.
    pub target: (usize, usize),
    /// Target text when it is not a plain slice of the text ("coopération avec X").
    pub target_text: Option<String>,
}

const AUX: &[&str] = crate::lang::fr::positions::STANCE_AUXILIARIES;

/// The first token of the verb group that ends before token `s`: its auxiliaries, negation
/// and adverbs ("n'a pas été", "a rapidement été"), within the sentence.
fn verb_group_start(ctx: &Ctx, mut s: usize) -> usize {
    let floor = ctx.sent_start(s.min(ctx.len().saturating_sub(1)));
    while s > floor && {
        let w = ctx.low(s - 1);
        AUX.contains(&w)
            || matches!(w, "ne" | "n'")
            || crate::positions::quotes::is_adverb(ctx, s - 1) && !ctx.is_prep(s - 1)
            || w.ends_with("ment") && ctx.is_lower_word(s - 1)
    } {
        s -= 1;
    }
    s
}

/// Match a particle (folded lowercase keys) at token `k`; returns its length.
fn particle_at(ctx: &Ctx, k: usize, p: &[String]) -> Option<usize> {
    p.iter()
        .enumerate()
        .all(|(i, w)| {
            let t = ctx.low(k + i);
            t == w
                || w == "de" && matches!(t, "d'" | "du" | "des")
                || w == "à" && matches!(t, "au" | "aux")
        })
        .then_some(p.len())
}

/// The same stance held by the other actors coordinated with its holder before a plural
/// verb: "Nordis, Vetra et le Valmorin soutiennent X" and "Nordis et Vetra ont apporté leur
/// soutien à X" give each of them the stance.
fn conjuncts(ctx: &Ctx, st: &FoundStance) -> Vec<FoundStance> {
    let Who::Actor(a, Some((ms, me))) = st.who else {
        return Vec::new();
    };
    // A plural verb between the holder and the cue ("X et Y soutiennent", "X et Y ont
    // apporté leur soutien").
    if me > st.cue.0 || !ctx.plural_verb(me, st.cue.1) {
        return Vec::new();
    }
    let joiner = |t: usize| ctx.is_punct(t, ",") || ctx.low(t) == "et";
    // A name after a preposition is a complement ("les musées de X et Y"), not a subject.
    let complement = |start: usize| {
        start >= 1 && ctx.is_prep(start - 1)
            || start >= 2 && ctx.is_det(start - 1) && ctx.is_prep(start - 2)
            || start >= 1 && ctx.is_punct(start - 1, "(")
    };
    if complement(ms) {
        return Vec::new();
    }
    let usable = |m: &crate::positions::context::ChainMention| {
        m.actor != a
            && ctx.actor_kind(m.actor) != crate::record::ActorType::Misc
            && !complement(m.start)
    };
    let mut found = Vec::new();
    // To the right, up to the verb group.
    let mut k = me;
    while k < st.cue.0 && joiner(k) {
        let mut j = k + 1;
        if ctx.is_det(j) {
            j += 1;
        }
        match ctx
            .mention_starting(j)
            .filter(|m| usable(m) && m.end <= st.cue.0)
        {
            Some(m) => {
                found.push((m.actor, m.start, m.end));
                k = m.end;
            }
            None => break,
        }
    }
    // To the left.
    let mut k = if ms >= 1 && ctx.is_det(ms - 1) {
        ms - 1
    } else {
        ms
    };
    while k >= 2 && joiner(k - 1) {
        match ctx.mention_ending(k - 2).filter(usable) {
            Some(m) => {
                found.push((m.actor, m.start, m.end));
                k = if m.start >= 1 && ctx.is_det(m.start - 1) {
                    m.start - 1
                } else {
                    m.start
                };
            }
            None => break,
        }
    }
    // A list joined by "et" only: "(A, B, C)" is an enumeration, not a subject.
    let (lo, hi) = found
        .iter()
        .fold((ms, me), |(lo, hi), &(_, s, e)| (lo.min(s), hi.max(e)));
    if !(lo..hi).any(|t| ctx.low(t) == "et") {
        return Vec::new();
    }
    found
        .into_iter()
        .map(|(b, s, e)| FoundStance {
            who: Who::Actor(b, Some((s, e))),
            ..st.clone()
        })
        .collect()
}

/// Find stances.
pub fn find_stances(ctx: &Ctx, res: &mut Resolver, quotes: &[FoundQuote]) -> Vec<FoundStance> {
    let mut out = Vec::new();
    let n = ctx.len();
    let mut i = 0;
    while i < n {
        if let Some(st) = verb_stance(ctx, res, i, None) {
            i = st.cue.1.max(i + 1);
            let more = conjuncts(ctx, &st);
            out.push(st);
            out.extend(more);
            continue;
        }
        if let Some(st) = noun_stance(ctx, res, i) {
            out.push(st);
        } else if let Some(st) = possessive_stance(ctx, res, i) {
            let more = conjuncts(ctx, &st);
            out.push(st);
            out.extend(more);
        } else if let Some(st) = adjective_stance(ctx, res, i) {
            out.push(st);
        } else if let Some(st) = cooperation(ctx, res, i) {
            out.push(st);
        } else if let Some(st) = judgement_stance(ctx, res, i) {
            out.push(st);
        }
        i += 1;
    }
    for q in quotes {
        if let Some(Who::Actor(a, _)) = q.who {
            if let Some(st) = quote_cue_stance(ctx, a, q) {
                out.push(st);
            }
            pejorative(ctx, a, q, &mut out);
            out.extend((q.span.open + 1..q.span.close).filter_map(|k| copula_stance(ctx, a, k, q)));
            // "« Nous dénonçons ce projet », a dit X": the speaker's own stance.
            let mut k = q.span.open + 1;
            while k < q.span.close {
                match verb_stance(ctx, res, k, Some(a)) {
                    Some(st) if st.target.1 <= q.span.close => {
                        k = st.cue.1.max(k + 1);
                        out.push(st);
                    }
                    _ => k += 1,
                }
            }
        }
    }
    out
}

/// A lowercase infinitive at token `t` ("rouvrir", "prendre").
pub(super) fn infinitive_at(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.low(t);
    ctx.is_lower_word(t) && (w.ends_with("er") || w.ends_with("ir") || w.ends_with("re"))
}
