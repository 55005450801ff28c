//! Actors stage: named-entity recognition and canonical actors.

use crate::record::Actor;
use crate::text::Document;
use std::path::Path;

/// Errors loading an NER model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The model file could not be read.
    #[error("cannot read NER model {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a depeche NER model or is corrupt.
    #[error("invalid NER model {path}: {reason}")]
    Invalid {
        /// The path.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

/// Finds actors. Built once (loads the model); `extract` is thread-safe.
#[derive(Debug, Default)]
pub struct ActorExtractor {}

impl ActorExtractor {
    /// Load the model at `path`, or the built-in model when `None`.
    pub fn load(path: Option<&Path>) -> Result<Self, ModelError> {
        let _ = path;
        Ok(ActorExtractor {})
    }

    /// Canonical actors of one document.
    pub fn extract(&self, doc: &Document) -> Vec<Actor> {
        let _ = doc;
        Vec::new()
    }
}
