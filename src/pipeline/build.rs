//! The record of a processed document: the one place where the layers become record fields.
//! Token ranges become spans with code-point offsets, covered text and sentence index; actor
//! indexes become canonical names; every actor and position gets its stable entity id.

use crate::article::Article;
use crate::layers;
use crate::record::{self, Mention, Quote, Record, Role, Stance};
use crate::stage::Doc;
use crate::text::{Document, TokenRange};

/// The record of `article` from its processed document.
pub fn record(article: &Article, doc: Doc<'_>) -> Record {
    let tokens = &doc.tokens;
    let stats = record::Stats {
        chars: tokens.char_offset(article.text.len()),
        bytes: article.text.len(),
        tokens: tokens.tokens.len(),
        sentences: tokens.sentences.len(),
        paragraphs: tokens.paragraphs.len(),
    };
    let mut record = Record {
        id: article.id.clone(),
        date: article.date.map(|d| d.iso()),
        actors: actors(tokens, &doc.actors),
        amounts: doc
            .amounts
            .into_iter()
            .map(|a| a.map_span(|r| span(tokens, r)))
            .collect(),
        dates: doc
            .dates
            .into_iter()
            .map(|d| d.map_span(|r| span(tokens, r)))
            .collect(),
        positions: positions(tokens, &doc.actors, doc.positions),
        stats,
        source: article.source.clone(),
        warnings: article.warnings.clone(),
    };
    record.assign_entities();
    record
}

/// The record's actors: every mention as a span (entity ids are set by
/// [`Record::assign_entities`]).
pub fn actors(doc: &Document, actors: &[layers::Actor]) -> Vec<record::Actor> {
    actors
        .iter()
        .map(|a| record::Actor {
            name: a.name.clone(),
            kind: a.kind,
            mentions: a
                .mentions
                .iter()
                .map(|&r| Mention { span: span(doc, r) })
                .collect(),
            entity: String::new(),
        })
        .collect()
}

/// The record's positions: actors named, places as spans (entity ids are set by
/// [`Record::assign_entities`]).
pub fn positions(
    doc: &Document,
    actors: &[layers::Actor],
    positions: Vec<layers::Position>,
) -> Vec<record::Position> {
    let name = |a: usize| actors[a].name.clone();
    positions
        .into_iter()
        .map(|p| match p {
            layers::Position::Role {
                actor,
                title,
                org,
                tokens,
            } => record::Position::Role(Role {
                actor: name(actor),
                entity: None,
                title,
                org,
                span: span(doc, tokens),
            }),
            layers::Position::Quote {
                actor,
                inner,
                cue,
                speaker,
            } => {
                let (s, e) = doc.range_bytes(inner);
                record::Position::Quote(Quote {
                    actor: actor.map(name),
                    entity: None,
                    text: doc.text[s..e].to_string(),
                    cue: cue.map(|c| doc.range_text(c).to_string()),
                    start: doc.char_offset(s),
                    end: doc.char_offset(e),
                    speaker: speaker.map(|r| span(doc, r)),
                })
            }
            layers::Position::Stance {
                actor,
                polarity,
                target,
                cue,
                tokens,
            } => record::Position::Stance(Stance {
                actor: name(actor),
                entity: None,
                polarity,
                target,
                cue: Some(doc.range_text(cue).to_string()),
                span: span(doc, tokens),
            }),
        })
        .collect()
}

/// The record span of the tokens `r`: code-point offsets, the covered text, the sentence.
pub fn span(doc: &Document, r: TokenRange) -> record::Span {
    let (start, end) = doc.range_bytes(r);
    record::Span {
        start: doc.char_offset(start),
        end: doc.char_offset(end),
        text: doc.text[start..end].to_string(),
        sentence: doc.sentence_of.get(r.start).map_or(0, |&s| s as usize),
    }
}
