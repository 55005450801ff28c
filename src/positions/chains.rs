//! The `chains` stage: actor chains. Reads the tokens and the actors; adds the actor-chains
//! layer ([`Chains`]) and extends the actors.
//!
//! A chain is every phrase that names one actor before any quotation or stance is read:
//! - the names the actor stage found;
//! - a surname alone that stands for exactly one named person ("Vance" after "J.D. Vance");
//! - the title phrases stated of a named person (roles: "le ministre de l'Économie, X");
//! - a definite title used alone that names the person stated to hold it earlier ("le
//!   ministre" after "le ministre de l'Économie X").
//!
//! Surnames alone and titles used alone become new mentions of their actor. The `positions`
//! stage reads the chains (roles are its first output) and extends them further: a pronoun or
//! a title it resolves by salience when it attributes a quotation.

use super::context::Ctx;
use super::coref::{self, Holders};
use super::lexicon::Lexicon;
use super::roles;
use crate::layers::{Actor, Chains, NewMention, TitlePhrase, TokenRange};
use crate::stage::{Additions, Doc, Layer, Stage, StageError};
use crate::text::Document;
use std::sync::Arc;

/// Builds the actor-chains layer. Built once; thread-safe.
#[derive(Debug)]
pub struct ChainBuilder {
    lex: Arc<Lexicon>,
}

impl ChainBuilder {
    pub(super) fn with_lexicon(lex: Arc<Lexicon>) -> Self {
        ChainBuilder { lex }
    }

    /// The chains of one document, and the new mentions of `actors` they found (surnames
    /// alone, titles used alone).
    pub fn chains(&self, doc: &Document, actors: &[Actor]) -> (Chains, Vec<NewMention>) {
        if doc.tokens.is_empty() {
            return (Chains::default(), Vec::new());
        }
        let ctx = Ctx::new(doc, &self.lex, actors);
        let titles = coref::find_titles(&ctx);
        let (roles, attached) = roles::find_roles(&ctx, &titles);
        let holders = holders(&titles, &roles);
        let title_actor = coref::resolve_titles(&titles, &attached, &holders);
        let mut mentions: Vec<NewMention> = ctx
            .mentions
            .iter()
            .filter(|m| m.added)
            .map(|m| NewMention {
                actor: m.actor,
                tokens: TokenRange::new(m.start, m.end),
            })
            .collect();
        mentions.extend(title_mentions(&titles, &title_actor, &attached, |_| true));
        let Ctx {
            mentions: names,
            mention_at,
            ..
        } = ctx;
        let chains = Chains {
            mentions: names.into_owned(),
            mention_at: mention_at.into_owned(),
            titles,
            roles,
            holders,
            attached,
            title_actor,
        };
        (chains, mentions)
    }
}

/// Who holds which title, as the roles of the chains state it.
fn holders(titles: &[TitlePhrase], roles: &[roles::RoleLink]) -> Holders {
    let mut holders = Holders::default();
    for r in roles {
        let t = &titles[r.title];
        holders
            .list
            .push((t.key.clone(), coref::org_key(t), r.actor, r.start));
    }
    holders
}

/// Titles used alone (not attached to a name by a role) that name an actor, as mentions of
/// that actor; `keep` filters by title index.
pub(super) fn title_mentions<'t>(
    titles: &'t [TitlePhrase],
    title_actor: &'t [Option<usize>],
    attached: &'t [Option<usize>],
    keep: impl Fn(usize) -> bool + 't,
) -> impl Iterator<Item = NewMention> + 't {
    titles.iter().enumerate().filter_map(move |(ti, t)| {
        match (title_actor[ti], attached[ti].is_some()) {
            (Some(a), false) if keep(ti) => Some(NewMention {
                actor: a,
                tokens: TokenRange::new(t.start, t.end),
            }),
            _ => None,
        }
    })
}

/// The `chains` stage: reads [`Layer::Tokens`] and [`Layer::Actors`], adds [`Layer::Chains`]
/// and extends [`Layer::Actors`] with surnames and titles used alone.
impl Stage for ChainBuilder {
    fn name(&self) -> &'static str {
        "chains"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Actors]
    }

    fn adds(&self) -> &'static [Layer] {
        &[Layer::Chains]
    }

    fn extends(&self) -> &'static [Layer] {
        &[Layer::Actors]
    }

    fn compute<'a>(&self, doc: &Doc<'a>) -> Result<Additions<'a>, StageError> {
        let (chains, mentions) = self.chains(&doc.tokens, &doc.actors);
        Ok(Additions {
            chains: Some(chains),
            mentions,
            ..Additions::default()
        })
    }
}
