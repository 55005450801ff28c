//! Stances: explicit positions of an actor for or against something ("s'oppose à",
//! "soutient", "plaider en faveur de", "n'a pas signé", "la position ferme de X contre Y",
//! "se dit prêt à travailler avec"), and pejorative judgements inside attributed quotes
//! ("une régulation excessive").

use super::attrib::{Resolver, Who};
use super::context::Ctx;
use super::quotes::FoundQuote;
use crate::record::Polarity;

mod nouns;
mod target;
mod verbs;

use nouns::{adjective_stance, cooperation, noun_stance, pejorative, possessive_stance};
use verbs::{quote_cue_stance, verb_stance};

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

/// Find stances.
pub fn find_stances(ctx: &Ctx, res: &mut Resolver, quotes: &[FoundQuote]) -> Vec<FoundStance> {
    let mut out = Vec::new();
    let n = ctx.len();
    let mut i = 0;
    while i < n {
        if let Some(st) = verb_stance(ctx, res, i, None) {
            i = st.cue.1.max(i + 1);
            out.push(st);
            continue;
        }
        if let Some(st) = noun_stance(ctx, res, i) {
            out.push(st);
        } else if let Some(st) = possessive_stance(ctx, res, i) {
            out.push(st);
        } else if let Some(st) = adjective_stance(ctx, res, i) {
            out.push(st);
        } else if let Some(st) = cooperation(ctx, res, i) {
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
