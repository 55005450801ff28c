//! # depeche
//!
//! Turns raw French news text into structured records: actors (people, organisations,
//! places), amounts, dates and positions (roles, quotes, stances), with exact offsets.
//!
//! Data flows one way: read ([`input`]) -> tokenise ([`text`]) -> extract ([`figures`],
//! [`actors`], [`positions`]) -> resolve -> write ([`engine`], [`record`]).
//!
//! ```
//! use depeche::{Article, Pipeline, PipelineConfig};
//! let pipeline = Pipeline::new(&PipelineConfig::default()).unwrap();
//! let record = pipeline.extract(&Article::new("a1", "Le PDG a annoncé 3 millions d'euros.")).unwrap();
//! assert_eq!(record.id, "a1");
//! ```

pub mod actors;
pub mod article;
pub mod bench;
pub mod engine;
pub mod figures;
pub mod identity;
pub mod input;
pub mod positions;
pub mod record;
pub mod sinks;
pub mod text;
pub mod train;

pub use article::{Article, ArticleDate, Source};
pub use record::{ErrorKind, ErrorRecord, Output, Record};

use std::path::PathBuf;

/// Default cap on one article's text size: 20 MB.
pub const DEFAULT_MAX_BYTES: usize = 20 * 1024 * 1024;

/// How to build a [`Pipeline`].
#[derive(Clone, Debug)]
pub struct PipelineConfig {
    /// NER model file; `None` for the built-in model.
    pub ner_model: Option<PathBuf>,
    /// Use this transformer checkpoint instead of the built-in model (needs the
    /// `transformer` feature; `ner_model` is then ignored).
    pub transformer: Option<actors::transformer::TransformerOptions>,
    /// Articles larger than this many bytes get an error record.
    pub max_bytes: usize,
    /// Run the actor and figure stages of one article in parallel (rayon::join) when the
    /// article is large enough to benefit.
    pub parallel_stages: bool,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        PipelineConfig {
            ner_model: None,
            transformer: None,
            max_bytes: DEFAULT_MAX_BYTES,
            parallel_stages: true,
        }
    }
}

/// Errors building a pipeline.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The NER model could not be loaded.
    #[error(transparent)]
    Model(#[from] actors::ModelError),
}

/// Why one article yields no record.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct ArticleError {
    /// Machine-readable kind.
    pub kind: ErrorKind,
    /// Human-readable explanation.
    pub message: String,
}

/// Articles of at least this many bytes run their actor and figure stages in parallel.
const PARALLEL_STAGE_MIN_BYTES: usize = 32 * 1024;

/// The extraction pipeline: built once (models and lexicons loaded), then used from any
/// number of threads.
#[derive(Debug)]
pub struct Pipeline {
    figures: figures::FigureExtractor,
    actors: actors::ActorExtractor,
    positions: positions::PositionExtractor,
    config: PipelineConfig,
}

impl Pipeline {
    /// Build a pipeline: load the NER model and compile the lexicons.
    pub fn new(config: &PipelineConfig) -> Result<Self, PipelineError> {
        Ok(Pipeline {
            figures: figures::FigureExtractor::new(),
            actors: match &config.transformer {
                Some(t) => actors::ActorExtractor::load_transformer(t)?,
                None => actors::ActorExtractor::load(config.ner_model.as_deref())?,
            },
            positions: positions::PositionExtractor::new(),
            config: config.clone(),
        })
    }

    /// The configuration this pipeline was built with.
    pub fn config(&self) -> &PipelineConfig {
        &self.config
    }

    /// Check an article before extraction: empty or oversized text is an error.
    pub fn check(&self, article: &Article) -> Result<(), ArticleError> {
        if article.text.len() > self.config.max_bytes {
            return Err(ArticleError {
                kind: ErrorKind::TooLarge,
                message: format!(
                    "article text is {} bytes, over the cap of {} bytes (raise it with --max-bytes)",
                    article.text.len(),
                    self.config.max_bytes
                ),
            });
        }
        if article
            .text
            .chars()
            .all(|c| text::chars::is_space(c) || text::chars::is_invisible(c))
        {
            return Err(ArticleError {
                kind: ErrorKind::EmptyText,
                message: "article text is empty or only white space".into(),
            });
        }
        Ok(())
    }

    /// Tokenize an article into the shared document.
    pub fn document<'a>(&self, article: &'a Article) -> text::Document<'a> {
        text::Document::new(&article.text, article.date)
    }

    /// The figures stage alone.
    pub fn figures(&self, doc: &text::Document) -> (Vec<record::Amount>, Vec<record::DateMention>) {
        self.figures.extract(doc)
    }

    /// The actors stage alone. Only the transformer backend can fail (an error record of
    /// kind `model`).
    pub fn actors(&self, doc: &text::Document) -> Result<Vec<record::Actor>, ArticleError> {
        self.actors.extract(doc).map_err(|e| ArticleError {
            kind: ErrorKind::Model,
            message: e.to_string(),
        })
    }

    /// The actor extractor (NER backend and canonical actors).
    pub fn actor_extractor(&self) -> &actors::ActorExtractor {
        &self.actors
    }

    /// The positions extractor (lexicons; title growing from news).
    pub fn position_extractor(&self) -> &positions::PositionExtractor {
        &self.positions
    }

    /// The positions stage alone (may add mentions to `actors`).
    pub fn positions(
        &self,
        doc: &text::Document,
        actors: &mut Vec<record::Actor>,
    ) -> Vec<record::Position> {
        self.positions.extract(doc, actors)
    }

    /// Extract one article's record.
    pub fn extract(&self, article: &Article) -> Result<Record, ArticleError> {
        self.check(article)?;
        let doc = self.document(article);
        let ((actors, ()), (amounts, dates)) =
            if self.config.parallel_stages && article.text.len() >= PARALLEL_STAGE_MIN_BYTES {
                rayon::join(|| (self.actors(&doc), ()), || self.figures(&doc))
            } else {
                ((self.actors(&doc), ()), self.figures(&doc))
            };
        let mut actors = actors?;
        let positions = self.positions(&doc, &mut actors);
        let mut record = Record {
            id: article.id.clone(),
            date: article.date.map(|d| d.iso()),
            actors,
            amounts,
            dates,
            positions,
            stats: record::Stats {
                chars: doc.char_offset(article.text.len()),
                bytes: article.text.len(),
                tokens: doc.tokens.len(),
                sentences: doc.sentences.len(),
                paragraphs: doc.paragraphs.len(),
            },
            source: article.source.clone(),
            warnings: article.warnings.clone(),
        };
        record.assign_entities();
        Ok(record)
    }
}
