//! Positions stage (`positions`): roles, attributed quotes and stances. Reads the tokens and
//! the actors; adds the positions layer and extends the actors (a speaker or role holder named
//! by a title phrase, a surname alone or a pronoun gets a new mention).
//!
//! Runs after the actors stage. Title phrases are found first ([`coref`]); roles link them to
//! named persons ([`roles`]); a title used alone then resolves to its holder. Quotations are
//! paired and attributed through reporting cues ([`quotes`]), and stance cues give who is for
//! or against what ([`stances`]). Speaker and subject search is shared ([`attrib`]). All
//! passes are linear over the tokens; the lexicons ([`lexicon`]) are built once.

mod attrib;
mod conjugate;
mod context;
mod coref;
mod lexicon;
pub mod mine;
mod quotes;
mod roles;
mod stances;

use crate::record::{Actor, Mention, Position, Quote, Role, Stance};
use crate::stage::{Additions, Doc, Layer, NewMention, Stage, StageError};
use crate::text::chars::fold_key;
use crate::text::Document;
use attrib::{Resolver, Who};
use context::Ctx;
use std::collections::HashSet;

/// Extracts positions. Built once; `extract` is thread-safe.
#[derive(Debug, Default)]
pub struct PositionExtractor {
    lex: lexicon::Lexicon,
}

impl PositionExtractor {
    /// Build the extractor (compiles lexicons).
    pub fn new() -> Self {
        PositionExtractor {
            lex: lexicon::Lexicon::new(),
        }
    }

    /// Positions of one document. May add mentions to `actors` (a person named by title or
    /// pronoun).
    pub fn extract(&self, doc: &Document, actors: &mut [Actor]) -> Vec<Position> {
        let (positions, mentions) = self.find(doc, actors);
        crate::stage::add_mentions(actors, mentions);
        positions
    }

    /// Positions of one document, and the new mentions of `actors` they found.
    pub fn find(&self, doc: &Document, actors: &[Actor]) -> (Vec<Position>, Vec<NewMention>) {
        if doc.tokens.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let (positions, mentions) = self.analyse(doc, actors);
        let mentions = mentions
            .into_iter()
            .map(|(actor, bs, be)| NewMention {
                actor,
                mention: Mention {
                    span: doc.span(bs, be),
                },
            })
            .collect();
        (positions, mentions)
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
    ) -> (Vec<Position>, Vec<(usize, usize, usize)>) {
        let ctx = Ctx::new(doc, &self.lex, actors);
        let titles = coref::find_titles(&ctx);
        let (found_roles, attached) = roles::find_roles(&ctx, &titles);
        let mut holders = coref::Holders::default();
        for r in &found_roles {
            let t = &titles[r.title];
            holders
                .list
                .push((t.key.clone(), t.org_key(), r.actor, r.start));
        }
        let title_actor = coref::resolve_titles(&titles, &attached, &holders);
        let attached_flags: Vec<bool> = attached.iter().map(Option::is_some).collect();
        let spans = quotes::find_quote_spans(&ctx);
        let marks = spans.iter().map(|q| (q.open, q.close)).collect();
        let mut res = Resolver::new(&ctx, &titles, title_actor, attached_flags, &holders, marks);
        let found_quotes = quotes::attribute(&ctx, &mut res, &spans);
        let found_stances = stances::find_stances(&ctx, &mut res, &found_quotes);

        let mut out = Vec::new();
        let mut new_mentions: Vec<(usize, usize, usize)> = Vec::new();
        let mut seen_roles = HashSet::new();
        for r in &found_roles {
            let t = &titles[r.title];
            if !seen_roles.insert((r.actor, t.key.clone())) {
                continue;
            }
            let (bs, be) = ctx.bytes(r.start, r.end);
            out.push(Position::Role(Role {
                actor: actors[r.actor].name.clone(),
                entity: None,
                title: t.title.clone(),
                org: t.org.clone(),
                span: doc.span(bs, be),
            }));
        }
        // Surnames alone that the actor stage left out.
        for m in ctx.mentions.iter().filter(|m| m.added) {
            new_mentions.push((m.actor, m.start, m.end));
        }
        // Title phrases used alone that resolved to a person become mentions of that person.
        for (ti, t) in titles.iter().enumerate() {
            if let (Some(a), false) = (res.title_actor[ti], res.attached[ti]) {
                new_mentions.push((a, t.start, t.end));
            }
        }
        for q in &found_quotes {
            let (bs, be) = quotes::inner_bytes(&ctx, q.span);
            let mut speaker = None;
            let actor = match q.who {
                Some(Who::Actor(a, range)) => {
                    if let Some((s, e)) = range {
                        // Overlaps with existing mentions are skipped when adding.
                        new_mentions.push((a, s, e));
                        let (sb, se) = ctx.bytes(s, e);
                        speaker = Some(doc.span(sb, se));
                    }
                    Some(actors[a].name.clone())
                }
                _ => None,
            };
            out.push(Position::Quote(Quote {
                actor,
                entity: None,
                text: doc.text[bs..be].to_string(),
                cue: q.cue.map(|(s, e)| ctx.text(s, e).to_string()),
                start: doc.char_offset(bs),
                end: doc.char_offset(be),
                speaker,
            }));
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
            if let Some((s, e)) = range {
                new_mentions.push((a, s, e));
            }
            let (s, e) = (st.cue.0.min(st.target.0), st.cue.1.max(st.target.1));
            let (bs, be) = ctx.bytes(s, e);
            out.push(Position::Stance(Stance {
                actor: actors[a].name.clone(),
                entity: None,
                polarity: st.polarity,
                target,
                cue: Some(ctx.text(st.cue.0, st.cue.1).to_string()),
                span: doc.span(bs, be),
            }));
        }
        let mentions = new_mentions
            .into_iter()
            .map(|(a, s, e)| {
                let (bs, be) = ctx.bytes(s, e);
                (a, bs, be)
            })
            .collect();
        (out, mentions)
    }
}

/// The `positions` stage: reads [`Layer::Tokens`] and [`Layer::Actors`], adds
/// [`Layer::Positions`] and extends [`Layer::Actors`] with new mentions.
impl Stage for PositionExtractor {
    fn name(&self) -> &'static str {
        "positions"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Actors]
    }

    fn adds(&self) -> &'static [Layer] {
        &[Layer::Positions]
    }

    fn extends(&self) -> &'static [Layer] {
        &[Layer::Actors]
    }

    fn compute<'a>(&self, doc: &Doc<'a>) -> Result<Additions<'a>, StageError> {
        let (positions, mentions) = self.find(&doc.tokens, &doc.actors);
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
                actors: acts,
                positions,
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
