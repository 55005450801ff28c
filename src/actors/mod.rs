//! Actors stage (`actors`): named-entity recognition and canonical actors. Reads the tokens;
//! adds the actors layer (one actor per entity, every mention).
//!
//! A statistical sequence labeller ([`model::Model`]: averaged structured perceptron over
//! hashed features, Viterbi over IOB2 tags) tags each sentence of the [`Document`]; the
//! entity mentions are cleaned (titles and determiners stripped, pronouns and common nouns
//! dropped) and merged into one canonical actor per entity ([`canonical`]).
//!
//! Two models are built in: `fr-open` (trained on commercial-use data only) and `fr-full`
//! (adds non-commercial corpora); [`DEFAULT_MODEL`] picks the default. `--ner-model` accepts
//! either name or a model file path. With the `transformer` feature, a Hugging Face
//! token-classification checkpoint can tag instead ([`transformer`], `--ner transformer`); its
//! mentions go through the same canonicalisation.

pub mod canonical;
pub mod expansions;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod repair;
pub mod spans;
pub mod tags;
pub mod transformer;

use crate::layers::Actor;
use crate::record::ErrorKind;
use crate::stage::{Additions, Doc, Layer, Stage, StageError};
use crate::text::Document;
use model::{Model, Scratch};
pub use repair::{repair, strip_portfolios};
use std::path::{Path, PathBuf};

/// The name of the built-in model used when no model is given. The one place that picks the
/// default.
pub const DEFAULT_MODEL: &str = "fr-open";

/// The built-in models by short name.
const BUILTIN: &[(&str, &[u8])] = &[
    ("fr-open", include_bytes!("../../models/ner-fr-open.bin")),
    ("fr-full", include_bytes!("../../models/ner-fr-full.bin")),
];

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
    /// A transformer checkpoint could not be loaded.
    #[error(transparent)]
    Transformer(#[from] transformer::TransformerError),
    /// The transformer backend was asked for, but this build does not have it.
    #[error("--ner transformer needs a depeche built with the transformer feature: cargo build --release --features transformer")]
    NoTransformer,
    /// The transformer backend needs a checkpoint directory.
    #[error("--ner transformer needs --ner-model DIR, a Hugging Face token-classification checkpoint (config.json, model.safetensors, tokenizer.json)")]
    NoCheckpoint,
}

/// Which tagger finds entity mentions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NerBackend {
    /// The built-in fast model ([`NerOptions::model`] names it or gives its file).
    #[default]
    Builtin,
    /// A transformer checkpoint ([`NerOptions::model`] is its directory; needs the
    /// `transformer` feature).
    Transformer,
}

impl NerBackend {
    /// Every backend, in the order the command line lists them.
    pub const ALL: [NerBackend; 2] = [NerBackend::Builtin, NerBackend::Transformer];

    /// The backend's name on the command line: `builtin` or `transformer`.
    pub fn name(self) -> &'static str {
        match self {
            NerBackend::Builtin => "builtin",
            NerBackend::Transformer => "transformer",
        }
    }
}

/// An unknown name of a [`NerBackend`], [`transformer::Aggregation`] or other named choice.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {name:?} (expected one of: {expected})")]
pub struct UnknownName {
    /// What was being named ("NER backend", "aggregation", ...).
    pub what: &'static str,
    /// The name given.
    pub name: String,
    /// The accepted names, comma-separated.
    pub expected: String,
}

impl std::str::FromStr for NerBackend {
    type Err = UnknownName;

    /// Parse `builtin` or `transformer` (ASCII case-insensitive).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NerBackend::ALL
            .into_iter()
            .find(|b| b.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownName {
                what: "NER backend",
                name: s.to_string(),
                expected: NerBackend::ALL.map(NerBackend::name).join(", "),
            })
    }
}

impl std::fmt::Display for NerBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Which NER backend and model to load, shared by extraction, benchmarks and evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct NerOptions {
    /// The backend.
    pub backend: NerBackend,
    /// The model: a built-in name (`fr-full`, `fr-open`) or model file with
    /// [`NerBackend::Builtin`] (None: [`DEFAULT_MODEL`]); the checkpoint directory (config.json,
    /// model.safetensors, tokenizer.json) with [`NerBackend::Transformer`].
    pub model: Option<PathBuf>,
    /// The transformer's knobs (aggregation, windows, batches, device). Its `dir` is not used:
    /// the checkpoint directory is [`NerOptions::model`].
    pub transformer: transformer::TransformerOptions,
}

impl Default for NerOptions {
    /// The built-in default model; the transformer knobs at their defaults.
    fn default() -> Self {
        NerOptions {
            backend: NerBackend::Builtin,
            model: None,
            transformer: transformer::TransformerOptions::new(PathBuf::new()),
        }
    }
}

impl NerOptions {
    /// The transformer options, with the backend [`NerBackend::Transformer`]: the knobs of
    /// [`NerOptions::transformer`] for the checkpoint directory [`NerOptions::model`] (an
    /// error when there is none).
    pub fn transformer_options(
        &self,
    ) -> Result<Option<transformer::TransformerOptions>, ModelError> {
        match self.backend {
            NerBackend::Builtin => Ok(None),
            NerBackend::Transformer => {
                let dir = self.model.as_ref().ok_or(ModelError::NoCheckpoint)?;
                Ok(Some(transformer::TransformerOptions {
                    dir: dir.clone(),
                    ..self.transformer.clone()
                }))
            }
        }
    }

    /// Load the extractor these options name.
    pub fn extractor(&self) -> Result<ActorExtractor, ModelError> {
        match self.transformer_options()? {
            Some(t) => ActorExtractor::load_transformer(&t),
            None => ActorExtractor::load(self.model.as_deref()),
        }
    }
}

/// The bytes of a built-in model, by short name.
pub fn builtin_model(name: &str) -> Option<&'static [u8]> {
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, b)| *b)
}

/// Which tagger finds the entity mentions.
#[derive(Debug)]
enum Backend {
    /// The built-in fast model.
    Perceptron(Model),
    /// A transformer checkpoint (feature `transformer`).
    #[cfg(feature = "transformer")]
    Transformer(Box<transformer::TransformerNer>),
}

/// Errors tagging one document (only the transformer backend can fail).
#[derive(Debug, thiserror::Error)]
pub enum TagError {
    /// The transformer failed on this document.
    #[cfg(feature = "transformer")]
    #[error(transparent)]
    Transformer(#[from] transformer::TransformerError),
}

/// Finds actors. Built once (loads the model); `extract` is thread-safe.
#[derive(Debug)]
pub struct ActorExtractor {
    backend: Backend,
    /// The built-in gazetteers, for the span repairs every backend gets.
    gaz: gazetteer::Gazetteer,
}

impl ActorExtractor {
    /// Load the model at `path`, or the built-in model when `None`. A path that names no
    /// existing file but a built-in model (`fr-open`, `fr-full`) loads that model.
    pub fn load(path: Option<&Path>) -> Result<Self, ModelError> {
        let (name, bytes): (String, std::borrow::Cow<'static, [u8]>) = match path {
            None => (
                DEFAULT_MODEL.to_string(),
                builtin_model(DEFAULT_MODEL).unwrap_or_default().into(),
            ),
            Some(p) => {
                let s = p.to_string_lossy().to_string();
                match builtin_model(&s).filter(|_| !p.exists()) {
                    Some(b) => (s, b.into()),
                    None if p.is_dir() => {
                        return Err(ModelError::Invalid {
                            path: s,
                            reason: "a directory, not a model file (for a transformer checkpoint pass --ner transformer)".into(),
                        })
                    }
                    None => {
                        let b = std::fs::read(p).map_err(|source| ModelError::Io {
                            path: s.clone(),
                            source,
                        })?;
                        (s, b.into())
                    }
                }
            }
        };
        let model = Model::from_bytes(&bytes).map_err(|e| ModelError::Invalid {
            path: name,
            reason: e.to_string(),
        })?;
        Ok(ActorExtractor::from_model(model))
    }

    /// Wrap an already built model.
    pub fn from_model(model: Model) -> Self {
        ActorExtractor {
            backend: Backend::Perceptron(model),
            gaz: gazetteer::Gazetteer::builtin(),
        }
    }

    /// Load a transformer checkpoint (an error when built without the `transformer` feature).
    pub fn load_transformer(options: &transformer::TransformerOptions) -> Result<Self, ModelError> {
        #[cfg(feature = "transformer")]
        {
            Ok(ActorExtractor::from_transformer(
                transformer::TransformerNer::load(options)?,
            ))
        }
        #[cfg(not(feature = "transformer"))]
        {
            let _ = options;
            Err(ModelError::NoTransformer)
        }
    }

    /// Use a loaded transformer checkpoint.
    #[cfg(feature = "transformer")]
    pub fn from_transformer(ner: transformer::TransformerNer) -> Self {
        ActorExtractor {
            backend: Backend::Transformer(Box::new(ner)),
            gaz: gazetteer::Gazetteer::builtin(),
        }
    }

    /// The built-in model, unless a transformer backend is in use.
    pub fn model(&self) -> Option<&Model> {
        match &self.backend {
            Backend::Perceptron(m) => Some(m),
            #[cfg(feature = "transformer")]
            Backend::Transformer(_) => None,
        }
    }

    /// The transformer backend, when in use.
    #[cfg(feature = "transformer")]
    pub fn transformer(&self) -> Option<&transformer::TransformerNer> {
        match &self.backend {
            Backend::Transformer(t) => Some(t),
            Backend::Perceptron(_) => None,
        }
    }

    /// The raw entity mentions of a document, in text order, before canonicalisation.
    pub fn mentions(&self, doc: &Document) -> Result<Vec<canonical::RawMention>, TagError> {
        match &self.backend {
            Backend::Perceptron(m) => Ok(perceptron_mentions(m, doc)),
            #[cfg(feature = "transformer")]
            Backend::Transformer(t) => {
                let (tags, _) = t.tag_document(doc)?;
                Ok(tags::spans(&tags)
                    .map(|(a, b, ty)| canonical::RawMention {
                        first: a,
                        end: b,
                        kind: model::TYPES[ty],
                    })
                    .collect())
            }
        }
    }

    /// Canonical actors of one document.
    pub fn extract(&self, doc: &Document) -> Result<Vec<Actor>, TagError> {
        let mut raw = self.mentions(doc)?;
        spans::repair_spans(doc, &self.gaz, &mut raw);
        expansions::expand_acronyms(doc, &mut raw);
        Ok(match &self.backend {
            Backend::Perceptron(m) => {
                canonical::canonical_actors_with(doc, &raw, &|w| m.stats.usually_lowercase(w))
            }
            #[cfg(feature = "transformer")]
            Backend::Transformer(_) => canonical::canonical_actors(doc, &raw),
        })
    }
}

/// The `actors` stage: reads [`Layer::Tokens`], adds [`Layer::Actors`]. Fails (an error record
/// of kind `model`) only with the transformer backend.
impl Stage for ActorExtractor {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Tokens]
    }

    fn adds(&self) -> &'static [Layer] {
        &[Layer::Actors]
    }

    fn compute<'a>(&self, doc: &Doc<'a>) -> Result<Additions<'a>, StageError> {
        let actors = self.extract(&doc.tokens).map_err(|e| StageError {
            stage: "actors",
            kind: ErrorKind::Model,
            message: e.to_string(),
        })?;
        Ok(Additions {
            actors: Some(actors),
            ..Additions::default()
        })
    }
}

/// The built-in model's mentions: tag each sentence, repair glued spans, drop one-word
/// mentions that are common words.
fn perceptron_mentions(model: &Model, doc: &Document) -> Vec<canonical::RawMention> {
    {
        let mut scratch = Scratch::default();
        let mut tags = Vec::new();
        let mut out = Vec::new();
        for s in &doc.sentences {
            let r = s.tokens();
            let first = r.start;
            let toks = &doc.tokens[r];
            model.tag(
                toks.iter().map(|t| t.text(doc.text)),
                &mut scratch,
                &mut tags,
            );
            repair::repair(&scratch.infos, |i| toks[i].text(doc.text), &mut tags);
            for (a, b, ty) in tags::spans(&tags) {
                if b - a == 1 && repair::is_common_word(&scratch.infos[a]) {
                    continue;
                }
                out.push(canonical::RawMention {
                    first: first + a,
                    end: first + b,
                    kind: model::TYPES[ty],
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::ActorType;

    #[test]
    fn builtin_models_load_by_name() {
        for name in ["fr-open", "fr-full"] {
            let ex = ActorExtractor::load(Some(Path::new(name))).unwrap();
            assert!(ex.model().unwrap().meta.contains(name));
        }
        assert!(ActorExtractor::load(None).is_ok());
        assert!(matches!(
            ActorExtractor::load(Some(Path::new("/nonexistent/model.bin"))),
            Err(ModelError::Io { .. })
        ));
    }

    #[test]
    fn default_model_finds_people_and_places() {
        let ex = ActorExtractor::load(None).unwrap();
        let text = "La ministre de la Culture, Rachida Dati, a inauguré mardi un musée à \
                    Marseille. Selon Mme Dati, le projet a coûté cher. Le maire de la ville, \
                    Benoît Payan, a salué l'initiative.";
        let doc = Document::new(text, None);
        let actors = ex.extract(&doc).unwrap();
        let find = |n: &str| actors.iter().find(|a| a.name == n);
        let dati = find("Rachida Dati").expect("Rachida Dati");
        assert_eq!(dati.kind, ActorType::Per);
        assert_eq!(dati.mentions.len(), 2, "{actors:#?}");
        assert_eq!(find("Benoît Payan").map(|a| a.kind), Some(ActorType::Per));
        assert_eq!(find("Marseille").map(|a| a.kind), Some(ActorType::Loc));
        for a in &crate::pipeline::build::actors(&doc, &actors) {
            for m in &a.mentions {
                let s: String = text
                    .chars()
                    .skip(m.span.start)
                    .take(m.span.end - m.span.start)
                    .collect();
                assert_eq!(s, m.span.text);
            }
        }
    }

    #[test]
    fn ner_options_name_the_backend_and_model() {
        for b in NerBackend::ALL {
            assert_eq!(b.name().parse::<NerBackend>(), Ok(b));
        }
        assert!("bert".parse::<NerBackend>().is_err());
        let transformer = NerOptions {
            backend: NerBackend::Transformer,
            ..NerOptions::default()
        };
        assert!(matches!(
            transformer.transformer_options(),
            Err(ModelError::NoCheckpoint)
        ));
        let ck = NerOptions {
            model: Some(PathBuf::from("ck")),
            ..transformer
        };
        assert_eq!(
            ck.transformer_options().unwrap().map(|t| t.dir),
            Some(PathBuf::from("ck"))
        );
        assert_eq!(NerOptions::default().transformer_options().unwrap(), None);
    }
}
