//! Two stages over the actors: `chains` ([`ChainBuilder`], `chains.rs`) and `positions`
//! ([`PositionExtractor`]).
//!
//! The `chains` stage reads the tokens and the actors and adds the actor-chains layer: title
//! phrases (`coref`), roles linking them to named persons (`roles`), surnames alone and
//! titles used alone resolved to their holder; it extends the actors with those mentions.
//!
//! The `positions` stage reads the tokens, the actors and the chains; it adds the positions
//! layer (roles, attributed quotes, stances) and extends the actors (a speaker or stance
//! holder named by a pronoun or by a title resolved by salience gets a new mention).
//! Quotations are paired and attributed through reporting cues (`quotes`), and stance cues
//! give who is for or against what (`stances`). Speaker and subject search is shared
//! (`attrib`). All passes are linear over the tokens; the lexicons (`lexicon`) are built
//! once and shared by both stages.

mod attrib;
mod chains;
mod conjugate;
mod context;
mod coref;
mod lexicon;
pub mod mine;
mod quotes;
mod roles;
mod stances;

pub use chains::ChainBuilder;

use crate::layers::{add_mentions, Actor, Chains, NewMention, Position, TokenRange};
use crate::stage::{Additions, Doc, Layer, Stage, StageError};
use crate::text::normalize::fold_key;
use crate::text::Document;
use attrib::{Resolver, Who};
use context::Ctx;
use std::collections::HashSet;
use std::sync::Arc;

/// Extracts positions. Built once; `find` is thread-safe.
#[derive(Debug, Default)]
pub struct PositionExtractor {
    lex: Arc<lexicon::Lexicon>,
}

impl PositionExtractor {
    /// Build the extractor (compiles lexicons).
    pub fn new() -> Self {
        PositionExtractor {
            lex: Arc::new(lexicon::Lexicon::new()),
        }
    }

    /// The `chains` stage, sharing this extractor's lexicons.
    pub fn chain_builder(&self) -> ChainBuilder {
        ChainBuilder::with_lexicon(Arc::clone(&self.lex))
    }

    /// Chains and positions of one document, the two stages in a row; adds the mentions they
    /// find to `actors`.
    pub fn extract(&self, doc: &Document, actors: &mut [Actor]) -> Vec<Position> {
        let (chains, mentions) = self.chain_builder().chains(doc, actors);
        add_mentions(actors, &mentions);
        let (positions, mentions) = self.find(doc, actors, &chains);
        add_mentions(actors, &mentions);
        positions
    }

    /// Positions of one document over its chains, and the new mentions of `actors` they
    /// found (speakers named by a pronoun or a title, stance holders).
    pub fn find(
        &self,
        doc: &Document,
        actors: &[Actor],
        chains: &Chains,
    ) -> (Vec<Position>, Vec<NewMention>) {
        if doc.tokens.is_empty() {
            return (Vec::new(), Vec::new());
        }
        self.analyse(doc, actors, chains)
    }

    /// Count title evidence of one document (see [`mine`]).
    pub fn title_evidence(&self, doc: &Document, actors: &[Actor], ev: &mut mine::TitleEvidence) {
        ev.add(&self.lex, doc, actors);
    }

    /// The `titles_news.txt` data file for the evidence gathered (see [`mine`]).
    pub fn title_lexicon(&self, ev: &mine::TitleEvidence, criteria: mine::MineCriteria) -> String {
        ev.lexicon(&self.lex, criteria)
    }

    fn analyse(
        &self,
        doc: &Document,
        actors: &[Actor],
        chains: &Chains,
    ) -> (Vec<Position>, Vec<NewMention>) {
        let ctx = Ctx::from_chains(doc, &self.lex, actors, chains);
        let titles = &chains.titles;
        let attached_flags: Vec<bool> = chains.attached.iter().map(Option::is_some).collect();
        let spans = quotes::find_quote_spans(&ctx);
        let marks = spans.iter().map(|q| (q.open, q.close)).collect();
        let title_actor = chains.title_actor.clone();
        let mut res = Resolver::new(
            &ctx,
            titles,
            title_actor,
            attached_flags,
            &chains.holders,
            marks,
        );
        let found_quotes = quotes::attribute(&ctx, &mut res, &spans);
        let found_stances = stances::find_stances(&ctx, &mut res, &found_quotes);

        let mut out = Vec::new();
        let mut seen_roles = HashSet::new();
        for r in &chains.roles {
            let t = &titles[r.title];
            if !seen_roles.insert((r.actor, t.key.clone())) {
                continue;
            }
            out.push(Position::Role {
                actor: r.actor,
                title: t.title.clone(),
                org: t.org.clone(),
                tokens: TokenRange::new(r.start, r.end),
            });
        }
        // Titles used alone that only the quotations and stances resolved (by salience)
        // become mentions of their person, like those the chains resolved.
        let mut new_mentions: Vec<NewMention> =
            chains::title_mentions(titles, &res.title_actor, &chains.attached, |ti| {
                chains.title_actor[ti].is_none()
            })
            .collect();
        let mention = |actor, (s, e)| NewMention {
            actor,
            tokens: TokenRange::new(s, e),
        };
        for q in &found_quotes {
            let mut speaker = None;
            let actor = match q.who {
                Some(Who::Actor(a, range)) => {
                    if let Some(r) = range {
                        // Overlaps with existing mentions are skipped when adding.
                        new_mentions.push(mention(a, r));
                        speaker = Some(TokenRange::new(r.0, r.1));
                    }
                    Some(a)
                }
                _ => None,
            };
            out.push(Position::Quote {
                actor,
                inner: quotes::inner_tokens(&ctx, q.span),
                cue: q.cue.map(|(s, e)| TokenRange::new(s, e)),
                speaker,
            });
        }
        let mut seen_stances = HashSet::new();
        for st in &found_stances {
            let Who::Actor(a, range) = st.who else {
                continue;
            };
            let target = match &st.target_text {
                Some(t) => t.clone(),
                None => ctx.text(st.target.0, st.target.1).to_string(),
            };
            if !seen_stances.insert((a, st.polarity, fold_key(&target))) {
                continue;
            }
            if let Some(r) = range {
                new_mentions.push(mention(a, r));
            }
            let cue = TokenRange::new(st.cue.0, st.cue.1);
            out.push(Position::Stance {
                actor: a,
                polarity: st.polarity,
                target,
                cue,
                tokens: cue.cover(TokenRange::new(st.target.0, st.target.1)),
            });
        }
        (out, new_mentions)
    }
}

/// The `positions` stage: reads [`Layer::Tokens`], [`Layer::Actors`] and [`Layer::Chains`],
/// adds [`Layer::Positions`] and extends [`Layer::Actors`] with new mentions.
impl Stage for PositionExtractor {
    fn name(&self) -> &'static str {
        "positions"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Actors, Layer::Chains]
    }

    fn adds(&self) -> &'static [Layer] {
        &[Layer::Positions]
    }

    fn extends(&self) -> &'static [Layer] {
        &[Layer::Actors]
    }

    fn compute<'a>(&self, doc: &Doc<'a>) -> Result<Additions<'a>, StageError> {
        let (positions, mentions) = self.find(&doc.tokens, &doc.actors, &doc.chains);
        Ok(Additions {
            positions: Some(positions),
            mentions,
            ..Additions::default()
        })
    }
}

#[cfg(test)]
mod dev {
    //! Development harness: runs the stage on the example articles with actors taken from the
    //! gold file (a perfect actor stage), writing records to `$DEPECHE_OUT` for
    //! `score.py`. Ignored by default: `cargo test --lib positions::dev -- --ignored`.
    use super::*;
    use crate::record::{ActorType, Record};
    use context::testing::actors as surface_actors;

    #[test]
    #[ignore]
    fn seeds_with_gold_actors() {
        let shared = std::env::var("DEPECHE_SHARED").unwrap_or_else(|_| "/work/shared".into());
        let out_path =
            std::env::var("DEPECHE_OUT").unwrap_or_else(|_| "/tmp/positions-seeds.jsonl".into());
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(format!("{shared}/gold/seeds.gold.json")).unwrap(),
        )
        .unwrap();
        let seeds = std::fs::read_to_string(format!("{shared}/corpus/seeds/seeds.jsonl")).unwrap();
        let ex = PositionExtractor::new();
        let mut out = String::new();
        for line in seeds.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = v["id"].as_str().unwrap().to_string();
            let text = v["text"].as_str().unwrap().to_string();
            let doc = Document::new(&text, None);
            let g = gold["docs"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["id"] == id.as_str())
                .unwrap();
            let mut specs: Vec<(String, ActorType, Vec<String>)> = Vec::new();
            for key in ["required", "optional"] {
                for a in g["actors"][key].as_array().unwrap() {
                    let name = a["name"].as_str().unwrap().to_string();
                    let kind = match a["types"][0].as_str().unwrap() {
                        "PER" => ActorType::Per,
                        "ORG" => ActorType::Org,
                        "LOC" => ActorType::Loc,
                        _ => continue,
                    };
                    if name.starts_with(|c: char| c.is_lowercase()) || name.starts_with("Président")
                    {
                        continue;
                    }
                    let mut forms = vec![name.clone()];
                    for al in a["aliases"].as_array().into_iter().flatten() {
                        forms.push(al.as_str().unwrap().to_string());
                    }
                    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
                    specs.push((name, kind, forms));
                }
            }
            let spec_refs: Vec<(&str, ActorType, Vec<&str>)> = specs
                .iter()
                .map(|(n, k, f)| (n.as_str(), *k, f.iter().map(String::as_str).collect()))
                .collect();
            let spec_refs2: Vec<(&str, ActorType, &[&str])> = spec_refs
                .iter()
                .map(|(n, k, f)| (*n, *k, f.as_slice()))
                .collect();
            let mut acts = surface_actors(&doc, &spec_refs2);
            acts.retain(|a| !a.mentions.is_empty());
            let positions = ex.extract(&doc, &mut acts);
            let rec = Record {
                id,
                positions: crate::pipeline::build::positions(&doc, &acts, positions),
                actors: crate::pipeline::build::actors(&doc, &acts),
                ..Default::default()
            };
            out.push_str(&serde_json::to_string(&rec).unwrap());
            out.push('\n');
        }
        std::fs::write(&out_path, out).unwrap();
    }
}

#[cfg(test)]
mod tests;
