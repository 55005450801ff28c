//! Pronoun and description resolution: the most salient compatible person in a window of
//! sentences, and title-only phrases resolved to their holders.

use super::{first_name_gender, Holders, TitlePhrase};
use crate::positions::context::Ctx;
use crate::record::ActorType;

/// How far back a referent may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    /// Sentences of the text, quoted ones included (pronouns: "il" rarely reaches past a
    /// long quotation of someone else).
    Sentences(u32),
    /// Sentences opened outside quotations ("», a estimé le ministre" after a quotation of
    /// several sentences still sees the person named before it).
    Narrative(u32),
}

/// Pronoun and definite-description resolution over person referents.
#[derive(Debug, Default)]
pub struct Salience {
    /// (token, actor) of every person mention or resolved title, in text order.
    refs: Vec<(usize, usize)>,
    /// Per actor: Some(true) feminine, Some(false) masculine, None unknown.
    pub gender: Vec<Option<bool>>,
    /// Per token: the index of its sentence counting only sentences that open outside a
    /// quotation, so that a long quotation does not push its speaker out of view.
    narrative: Vec<u32>,
}

impl Salience {
    /// Collect person referents and gender evidence. `quoted(t)` tells whether token `t` lies
    /// inside a quotation.
    pub fn new(
        ctx: &Ctx,
        titles: &[TitlePhrase],
        title_actor: &[Option<usize>],
        quoted: impl Fn(usize) -> bool,
    ) -> Self {
        let mut refs: Vec<(usize, usize)> = Vec::new();
        let mut gender = vec![None; ctx.actors.len()];
        // A name right after its title ("du ministre X") is referred to through the title,
        // whose determiner tells whether it is an object.
        let mut behind_title = std::collections::HashSet::new();
        for (t, a) in titles.iter().zip(title_actor) {
            if a.is_some() {
                behind_title.insert(t.end);
                behind_title.insert(t.end + 1);
            }
        }
        for m in ctx.mentions.iter() {
            if ctx.actor_kind(m.actor) != ActorType::Per {
                continue;
            }
            // A person named inside a quotation is rarely the one a pronoun or description
            // outside it stands for.
            if !behind_title.contains(&m.start) && !quoted(m.start) {
                refs.push((m.start, m.actor));
            }
            if m.start >= 1 {
                match ctx.low(m.start - 1) {
                    "mme" | "mme." | "madame" | "mlle" | "mademoiselle" => {
                        gender[m.actor] = Some(true)
                    }
                    "m." | "monsieur" => gender[m.actor] = Some(false),
                    _ => {}
                }
            }
        }
        for (t, a) in titles.iter().zip(title_actor) {
            if let Some(a) = *a {
                if !quoted(t.start) {
                    refs.push((t.start, a));
                }
                if t.feminine {
                    gender[a] = Some(true);
                } else if gender[a].is_none()
                    && (t.title.ends_with("eur") || ctx.low(t.det_start) == "le")
                {
                    gender[a] = Some(false);
                }
            }
        }
        for (a, g) in gender.iter_mut().enumerate() {
            if g.is_none() && ctx.actors[a].kind == ActorType::Per {
                *g = first_name_gender(ctx.lex, &ctx.actors[a].name);
            }
        }
        refs.sort_unstable();
        let mut narrative = Vec::with_capacity(ctx.len());
        let mut n = 0u32;
        for t in 0..ctx.len() {
            if t > 0 && ctx.sent_of[t] != ctx.sent_of[t - 1] && !quoted(t) {
                n += 1;
            }
            narrative.push(n);
        }
        Salience {
            refs,
            gender,
            narrative,
        }
    }

    /// Person referents (token, actor) with `from <= token < to`, in text order.
    pub fn refs_between(&self, from: usize, to: usize) -> &[(usize, usize)] {
        let a = self.refs.partition_point(|r| r.0 < from);
        let b = self.refs.partition_point(|r| r.0 < to);
        &self.refs[a..b.max(a)]
    }

    /// Register a resolved reference (e.g. a pronoun resolved earlier); a gendered pronoun
    /// (`feminine`) also tells the person's gender when nothing told it before.
    pub fn add(&mut self, tok: usize, actor: usize, feminine: Option<bool>) {
        let p = self.refs.partition_point(|r| *r < (tok, actor));
        self.refs.insert(p, (tok, actor));
        if let (Some(f), Some(g @ None)) = (feminine, self.gender.get_mut(actor)) {
            *g = Some(f);
        }
    }

    /// The person a pronoun or description at token `tok` most likely refers to: the most
    /// recent person referent within `window` that is not a prepositional object (falling
    /// back to any), and whose known gender agrees with `feminine`.
    pub fn resolve(
        &self,
        ctx: &Ctx,
        tok: usize,
        feminine: Option<bool>,
        window: Window,
        allow_object: bool,
    ) -> Option<usize> {
        let (sent, n): (&[u32], u32) = match window {
            Window::Sentences(n) => (ctx.sent_of, n),
            Window::Narrative(n) => (&self.narrative, n),
        };
        let s = sent[tok];
        let p = self.refs.partition_point(|r| r.0 < tok);
        let mut fallback = None;
        for &(t, a) in self.refs[..p].iter().rev() {
            if s - sent[t] > n {
                break;
            }
            if let (Some(f), Some(g)) = (feminine, self.gender[a]) {
                if f != g {
                    continue;
                }
            }
            if !ctx.prep_object(t) {
                return Some(a);
            }
            fallback.get_or_insert(a);
        }
        fallback.filter(|_| allow_object)
    }
}

/// Resolve title-only phrases to their holders; returns the actor of each title phrase
/// (holder for title-only phrases, the named person for attached ones are set by roles).
pub fn resolve_titles(
    titles: &[TitlePhrase],
    attached: &[Option<usize>],
    holders: &Holders,
) -> Vec<Option<usize>> {
    titles
        .iter()
        .zip(attached)
        .map(|(t, a)| match a {
            Some(a) => Some(*a),
            None if t.definite && !t.plural => holders.holder_of(t, t.start),
            None => None,
        })
        .collect()
}
