//! Positions stage: roles, quotes and stances.

mod conjugate;
mod context;
mod coref;
mod lexicon;
mod roles;

use crate::record::{Actor, Position};
use crate::text::Document;

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
    pub fn extract(&self, doc: &Document, actors: &mut Vec<Actor>) -> Vec<Position> {
        let _ = (doc, actors, &self.lex);
        Vec::new()
    }
}
