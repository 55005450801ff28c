//! Who is the subject of a cue: the shared speaker/actor search used by quotes and stances.
//! Order of preference: an explicit actor mention, a title phrase resolved to its holder, a
//! subject pronoun resolved to the most salient compatible person.
//!
//! - this module: the resolver's state, titles and pronouns resolved to actors;
//! - [`subject`]: the subject before a cue ("X a déclaré", "X, une consultante, a dit");
//! - [`after`]: the speaker named after a cue ("», a déclaré le ministre", "selon X").

use super::context::{Ctx, NONE};
use super::coref::{Holders, Salience, TitlePhrase, Window};
use crate::record::ActorType;

/// The outcome of a speaker search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// A known actor; the token range is a new mention to add (title or pronoun), if any.
    Actor(usize, Option<(usize, usize)>),
    /// The text names a speaker we cannot link to an actor ("a dit Serge", "selon une source").
    Unknown,
}

/// Resolution state for one document.
pub struct Resolver<'t> {
    /// Title phrases.
    pub titles: &'t [TitlePhrase],
    /// Actor of each title phrase (attached person or holder).
    pub title_actor: Vec<Option<usize>>,
    /// The title phrase is attached to a named person (a role), not a mention on its own.
    pub attached: Vec<bool>,
    /// Token -> title phrase covering it (det_start..end), or NONE.
    title_at: Vec<u32>,
    /// Who holds which title.
    pub holders: &'t Holders,
    /// Person salience for pronouns.
    pub salience: Salience,
    /// Token -> quote index covering it (marks included), or NONE.
    pub quote_at: Vec<u32>,
    /// Quote open/close mark tokens.
    pub quote_marks: Vec<(usize, usize)>,
    /// Organisations whose name opens on a common noun ("parquet de Lyon", "Autorité
    /// européenne"): (folded head noun, actor), so that "le parquet" can name them.
    org_heads: Vec<(String, usize)>,
    /// Organisation nouns resolved so far: (folded noun, token, actor), so that "l'agence"
    /// said again far from any name still names the organisation it named before.
    org_nouns: Vec<(String, usize, usize)>,
}

/// Nouns that stand for an organisation named earlier ("la société", "le groupe").
const ORG_NOUNS: &[&str] = crate::lang::fr::positions::ORG_NOUNS;

const SUBJECT_PRONOUNS: &[&str] = crate::lang::fr::positions::SUBJECT_PRONOUNS;

mod after;
mod subject;

impl<'t> Resolver<'t> {
    /// Build the resolver.
    pub fn new(
        ctx: &Ctx,
        titles: &'t [TitlePhrase],
        title_actor: Vec<Option<usize>>,
        attached: Vec<bool>,
        holders: &'t Holders,
        quote_marks: Vec<(usize, usize)>,
    ) -> Self {
        let n = ctx.len();
        let mut title_at = vec![NONE; n];
        for (i, t) in titles.iter().enumerate() {
            for slot in &mut title_at[t.det_start..t.end.min(n)] {
                *slot = i as u32;
            }
        }
        let mut quote_at = vec![NONE; n];
        for (qi, &(o, c)) in quote_marks.iter().enumerate() {
            for slot in &mut quote_at[o..=c.min(n - 1)] {
                *slot = qi as u32;
            }
        }
        let salience = Salience::new(ctx, titles, &title_actor, |t| quote_at[t] != NONE);
        let org_heads = ctx
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == ActorType::Org)
            .filter_map(|(ai, a)| {
                let mut words = a.name.split_whitespace();
                let head = words.next()?;
                // A head noun with a complement or an adjective, not an acronym.
                let lowercase_word = head.chars().skip(1).all(char::is_lowercase);
                (words.next().is_some() && lowercase_word && head.chars().count() > 3)
                    .then(|| (crate::text::normalize::fold_key(head), ai))
            })
            .collect();
        Resolver {
            titles,
            title_actor,
            attached,
            title_at,
            holders,
            salience,
            quote_at,
            quote_marks,
            org_heads,
            org_nouns: Vec::new(),
        }
    }

    /// "le parquet", "la commission" at token `k` (the determiner): the one organisation of
    /// the article whose name opens on that noun ("parquet de Lyon"). A noun followed by
    /// its own complement names something else.
    pub fn org_by_head(&self, ctx: &Ctx, k: usize) -> Option<usize> {
        if !matches!(ctx.low(k), "le" | "la" | "l'" | "les") || !ctx.is_lower_word(k + 1) {
            return None;
        }
        if matches!(ctx.low(k + 2), "de" | "d'" | "du" | "des") && ctx.is_cap(k + 3) {
            return None;
        }
        let key = ctx.fold(k + 1)?;
        let mut found = self.org_heads.iter().filter(|(h, _)| h == key);
        let (_, a) = found.next()?;
        found.next().is_none().then_some(*a)
    }

    /// The title phrase covering token `i`.
    pub fn title_covering(&self, i: usize) -> Option<usize> {
        self.title_at
            .get(i)
            .filter(|&&t| t != NONE)
            .map(|&t| t as usize)
    }

    /// True when token `i` lies inside a quotation (marks included).
    pub fn in_quote(&self, i: usize) -> bool {
        self.quote_at.get(i).is_some_and(|&q| q != NONE)
    }

    /// The actor a title phrase refers to. Unresolved definite titles fall back to the most
    /// recent person in the two previous sentences who holds no other title.
    pub fn resolve_title(&mut self, ctx: &Ctx, ti: usize) -> Who {
        let t = &self.titles[ti];
        let range = Some((t.start, t.end));
        if let Some(a) = self.title_actor[ti] {
            // A title attached to a named person is not a new mention of that person.
            return Who::Actor(a, (!self.attached[ti]).then_some((t.start, t.end)));
        }
        // Fall back to the salient person only for titles without a named organisation:
        // "la maire de Colomiers" is nobody named so far.
        if !t.definite || t.plural || t.org_explicit {
            return Who::Unknown;
        }
        let fem = t.feminine.then_some(true);
        if let Some(a) = self
            .salience
            .resolve(ctx, t.det_start, fem, Window::Narrative(3), false)
        {
            let other_org = t.org_explicit
                && self.holders.list.iter().any(|(k, o, x, _)| {
                    *x == a && *k == t.key && o.as_deref() != super::coref::org_key(t).as_deref()
                });
            if !self.holders.holds_other(a, &t.key) && !other_org {
                self.title_actor[ti] = Some(a);
                self.salience.add(t.start, a, None);
                return Who::Actor(a, range);
            }
        }
        Who::Unknown
    }

    /// Resolve a subject pronoun at token `i` ("il", "-t-elle", "lui").
    pub fn resolve_pronoun(&mut self, ctx: &Ctx, i: usize) -> Who {
        let w = ctx.low(i);
        if w.ends_with("on") || w.ends_with("ils") || w.ends_with("elles") {
            return Who::Unknown;
        }
        let fem = if w.ends_with("elle") {
            Some(true)
        } else if w.ends_with("il") || w == "lui" {
            Some(false)
        } else {
            None
        };
        match self
            .salience
            .resolve(ctx, i, fem, Window::Sentences(4), true)
        {
            Some(a) => {
                // The pronoun joins the person's chain: a later "il" sees it in view.
                self.salience.add(i, a, fem);
                Who::Actor(a, Some((i, i + 1)))
            }
            None => Who::Unknown,
        }
    }

    /// A subject pronoun of a cue with no person in view: the last person of its gender named
    /// or referred to in the narrative within ten sentences (a speaker's "a-t-il ajouté"
    /// paragraphs after the name). Gender-less pronouns stay unresolved.
    pub fn resolve_pronoun_far(&mut self, ctx: &Ctx, i: usize) -> Who {
        let w = ctx.low(i);
        let fem = if w.ends_with("elle") && !w.ends_with("elles") {
            true
        } else if w.ends_with("il") {
            false
        } else {
            return Who::Unknown;
        };
        match self
            .salience
            .resolve(ctx, i, Some(fem), Window::Narrative(10), false)
        {
            Some(a) => {
                self.salience.add(i, a, Some(fem));
                Who::Actor(a, Some((i, i + 1)))
            }
            None => Who::Unknown,
        }
    }

    /// "la société", "l'agence" (determiner at `det`, noun after it): the organisation most
    /// recently named ([`Resolver::recent_org`]); with none in view, the one the same noun
    /// named earlier in the article, else the last one named within eight sentences. The
    /// noun becomes a mention of it.
    pub fn org_noun(&mut self, ctx: &Ctx, det: usize) -> Who {
        let noun = det + 1;
        let key = ctx.fold(noun).unwrap_or_default();
        let found = self.recent_org(ctx, det).or_else(|| {
            self.org_nouns
                .iter()
                .rev()
                .find(|(n, t, _)| *t < det && n == key)
                .map(|&(_, _, a)| a)
                .or_else(|| self.org_within(ctx, det, 8))
        });
        match found {
            Some(a) => {
                if !self.org_nouns.iter().any(|(_, t, _)| *t == noun) {
                    self.org_nouns.push((key.to_string(), noun, a));
                }
                Who::Actor(a, Some((noun, noun + 1)))
            }
            None => Who::Unknown,
        }
    }

    /// The organisation most recently mentioned before token `k` (within three sentences),
    /// not as a prepositional object ("selon une source consultée par l'agence X").
    pub fn recent_org(&self, ctx: &Ctx, k: usize) -> Option<usize> {
        self.org_within(ctx, k, 3)
    }

    /// [`Resolver::recent_org`] within `window` sentences.
    fn org_within(&self, ctx: &Ctx, k: usize, window: u32) -> Option<usize> {
        let s = ctx.sent_of[k];
        let p = ctx.mentions.partition_point(|m| m.start < k);
        ctx.mentions[..p]
            .iter()
            .rev()
            .take_while(|m| s - ctx.sent_of[m.start] <= window)
            .find(|m| {
                ctx.actor_kind(m.actor) == ActorType::Org
                    && !self.in_quote(m.start)
                    && !ctx.prep_object(m.start)
            })
            .map(|m| m.actor)
    }
}
