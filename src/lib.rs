//! # depeche
//!
//! Turns raw French news text into structured records: actors (people, organisations,
//! places), amounts, dates and positions (roles, quotes, stances), with exact offsets.
//!
//! Data flows one way: read ([`input`]) -> tokenise ([`text`]) -> extract ([`figures`],
//! [`actors`], [`positions`]) -> resolve -> write ([`engine`], [`record`], [`sinks`]). Every
//! extraction step is a [`stage::Stage`] over one shared [`stage::Doc`]; the [`Pipeline`]
//! checks their order, runs them, and builds the record from the document.
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
pub mod lang;
pub mod layers;
pub mod pipeline;
pub mod positions;
pub mod record;
pub mod sinks;
pub mod stage;
pub mod text;
pub mod train;

pub use article::{Article, ArticleDate, Source};
pub use pipeline::{ArticleError, Pipeline, PipelineConfig, PipelineError, DEFAULT_MAX_BYTES};
pub use record::{ErrorKind, ErrorRecord, Output, Record};
