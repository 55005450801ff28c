//! The pipeline: the stages in order over one [`Doc`], and the record built from it.
//!
//! [`Pipeline::new`] builds the standard stages (`tokenize`, `figures`, `actors`, `chains`,
//! `positions`); [`Pipeline::with_stages`] takes any list of [`Stage`]s and checks that every
//! layer a stage reads or extends is added by an earlier stage. Stages are grouped into
//! *waves*: a stage joins the first wave after every earlier stage that writes a layer it
//! reads or extends. The stages of one wave do not depend on each other and, on large
//! articles, run in parallel (`figures` and `actors`); their additions are applied in stage
//! order, so the record never depends on the schedule. The record is built from the
//! document's layers in one place, [`build`].

pub mod build;

use crate::actors::{self, ActorExtractor};
use crate::article::Article;
use crate::figures::FigureExtractor;
use crate::positions::PositionExtractor;
use crate::record::{ErrorKind, Record};
use crate::stage::{Doc, Layer, LayerSet, Stage, StageError, Tokenizer};
use crate::text;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// Default cap on one article's text size: 20 MB.
pub const DEFAULT_MAX_BYTES: usize = 20 * 1024 * 1024;

/// Articles of at least this many bytes run the stages of one wave in parallel.
const PARALLEL_STAGE_MIN_BYTES: usize = 32 * 1024;

/// How to build a [`Pipeline`].
#[derive(Clone, Debug)]
pub struct PipelineConfig {
    /// NER model: a built-in name (`fr-open`, `fr-full`) or a model file; `None` for the
    /// default built-in model.
    pub ner_model: Option<PathBuf>,
    /// Use this transformer checkpoint instead of the built-in model (needs the
    /// `transformer` feature; `ner_model` is then ignored).
    pub transformer: Option<actors::transformer::TransformerOptions>,
    /// Articles larger than this many bytes get an error record.
    pub max_bytes: usize,
    /// Run the stages of one wave (figures and actors) in parallel (rayon) when the article
    /// is large enough to benefit.
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
    /// A stage reads or extends a layer that no earlier stage adds.
    #[error("stage {stage} reads the {layer} layer, which no earlier stage adds")]
    MissingLayer {
        /// The stage.
        stage: &'static str,
        /// The layer nobody adds before it.
        layer: Layer,
    },
    /// Two stages share a name.
    #[error("two stages are named {0}")]
    DuplicateStage(&'static str),
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

impl From<StageError> for ArticleError {
    fn from(e: StageError) -> Self {
        ArticleError {
            kind: e.kind,
            message: e.message,
        }
    }
}

/// The extraction pipeline: built once (models and lexicons loaded), then used from any
/// number of threads.
#[derive(Debug)]
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    /// Stage indexes by wave, in stage order within a wave.
    waves: Vec<Vec<usize>>,
    /// The actors stage of the standard pipeline (for the transformer's sub-token counts).
    actors: Option<Arc<ActorExtractor>>,
    config: PipelineConfig,
}

impl Pipeline {
    /// Build the standard pipeline: load the NER model and compile the lexicons.
    pub fn new(config: &PipelineConfig) -> Result<Self, PipelineError> {
        let actors = Arc::new(match &config.transformer {
            Some(t) => ActorExtractor::load_transformer(t)?,
            None => ActorExtractor::load(config.ner_model.as_deref())?,
        });
        let positions = PositionExtractor::new();
        let stages: Vec<Box<dyn Stage>> = vec![
            Box::new(Tokenizer),
            Box::new(FigureExtractor::new()),
            Box::new(Arc::clone(&actors)),
            Box::new(positions.chain_builder()),
            Box::new(positions),
        ];
        let mut p = Pipeline::with_stages(config, stages)?;
        p.actors = Some(actors);
        Ok(p)
    }

    /// A pipeline over any stages, run in the order given. Fails when a stage reads or
    /// extends a layer that no earlier stage adds, or when two stages share a name.
    pub fn with_stages(
        config: &PipelineConfig,
        stages: Vec<Box<dyn Stage>>,
    ) -> Result<Self, PipelineError> {
        let waves = schedule(&stages)?;
        Ok(Pipeline {
            stages,
            waves,
            actors: None,
            config: config.clone(),
        })
    }

    /// The configuration this pipeline was built with.
    pub fn config(&self) -> &PipelineConfig {
        &self.config
    }

    /// The stages, in order.
    pub fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.stages.iter().map(|s| s.as_ref())
    }

    /// The stage of this name.
    pub fn stage(&self, name: &str) -> Option<&dyn Stage> {
        self.stages().find(|s| s.name() == name)
    }

    /// The stage indexes grouped in waves: the stages of one wave may run in parallel.
    pub fn waves(&self) -> &[Vec<usize>] {
        &self.waves
    }

    /// The actor extractor of the standard pipeline.
    pub fn actor_extractor(&self) -> Option<&ActorExtractor> {
        self.actors.as_deref()
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

    /// Run every stage on `doc`.
    pub fn run(&self, doc: &mut Doc<'_>) -> Result<(), StageError> {
        let parallel = self.config.parallel_stages && doc.text.len() >= PARALLEL_STAGE_MIN_BYTES;
        for wave in &self.waves {
            if parallel && wave.len() > 1 {
                let adds: Vec<_> = wave
                    .par_iter()
                    .map(|&i| self.stages[i].compute(doc))
                    .collect();
                for add in adds {
                    doc.apply(add?);
                }
            } else {
                for &i in wave {
                    self.stages[i].process(doc)?;
                }
            }
        }
        Ok(())
    }

    /// Extract one article's record.
    pub fn extract(&self, article: &Article) -> Result<Record, ArticleError> {
        self.check(article)?;
        let mut doc = Doc::new(&article.text, article.date);
        self.run(&mut doc)?;
        Ok(build::record(article, doc))
    }
}

/// Group stages into waves (see the module doc), checking that what each reads or extends
/// is added earlier.
fn schedule(stages: &[Box<dyn Stage>]) -> Result<Vec<Vec<usize>>, PipelineError> {
    let mut added = LayerSet::default();
    let mut wave_of: Vec<usize> = Vec::with_capacity(stages.len());
    for (j, s) in stages.iter().enumerate() {
        if stages[..j].iter().any(|p| p.name() == s.name()) {
            return Err(PipelineError::DuplicateStage(s.name()));
        }
        let needs = s.reads().iter().chain(s.extends());
        let mut wave = 0;
        for &layer in needs {
            if !added.has(layer) {
                return Err(PipelineError::MissingLayer {
                    stage: s.name(),
                    layer,
                });
            }
            for (i, p) in stages[..j].iter().enumerate() {
                if p.adds().contains(&layer) || p.extends().contains(&layer) {
                    wave = wave.max(wave_of[i] + 1);
                }
            }
        }
        wave_of.push(wave);
        for &l in s.adds() {
            added.insert(l);
        }
    }
    let mut waves: Vec<Vec<usize>> = vec![Vec::new(); wave_of.iter().max().map_or(0, |m| m + 1)];
    for (i, &w) in wave_of.iter().enumerate() {
        waves[w].push(i);
    }
    Ok(waves)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::Additions;

    /// A stage that only declares layers.
    #[derive(Debug)]
    struct Fake(&'static str, &'static [Layer], &'static [Layer]);

    impl Stage for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn reads(&self) -> &'static [Layer] {
            self.1
        }
        fn adds(&self) -> &'static [Layer] {
            self.2
        }
        fn compute<'a>(&self, _doc: &Doc<'a>) -> Result<Additions<'a>, StageError> {
            Ok(Additions::default())
        }
    }

    fn fake(name: &'static str, reads: &'static [Layer], adds: &'static [Layer]) -> Box<dyn Stage> {
        Box::new(Fake(name, reads, adds))
    }

    #[test]
    fn a_stage_reading_a_layer_nobody_added_is_refused() {
        let stages = vec![
            fake("tok", &[], &[Layer::Tokens]),
            fake("pos", &[Layer::Tokens, Layer::Actors], &[Layer::Positions]),
            fake("act", &[Layer::Tokens], &[Layer::Actors]),
        ];
        let e = Pipeline::with_stages(&PipelineConfig::default(), stages).unwrap_err();
        assert!(matches!(
            e,
            PipelineError::MissingLayer {
                stage: "pos",
                layer: Layer::Actors
            }
        ));
    }

    #[test]
    fn independent_stages_share_a_wave() {
        let stages = vec![
            fake("tok", &[], &[Layer::Tokens]),
            fake("fig", &[Layer::Tokens], &[Layer::Amounts, Layer::Dates]),
            fake("act", &[Layer::Tokens], &[Layer::Actors]),
            fake("pos", &[Layer::Tokens, Layer::Actors], &[Layer::Positions]),
        ];
        let p = Pipeline::with_stages(&PipelineConfig::default(), stages).unwrap();
        assert_eq!(p.waves(), [vec![0], vec![1, 2], vec![3]]);
    }

    #[test]
    fn duplicate_names_are_refused() {
        let stages = vec![
            fake("tok", &[], &[Layer::Tokens]),
            fake("tok", &[], &[Layer::Tokens]),
        ];
        assert!(matches!(
            Pipeline::with_stages(&PipelineConfig::default(), stages),
            Err(PipelineError::DuplicateStage("tok"))
        ));
    }

    #[test]
    fn the_standard_pipeline_runs_figures_and_actors_together() {
        let p = Pipeline::new(&PipelineConfig::default()).unwrap();
        let names: Vec<_> = p.stages().map(|s| s.name()).collect();
        assert_eq!(
            names,
            ["tokenize", "figures", "actors", "chains", "positions"]
        );
        assert_eq!(p.waves(), [vec![0], vec![1, 2], vec![3], vec![4]]);
    }

    #[test]
    fn serial_and_parallel_runs_give_the_same_record() {
        let text = "Léa Morel, la directrice de l'Agence des ports, a annoncé mardi 3 millions \
                    d'euros. « Nous investirons », a-t-elle déclaré. "
            .repeat(600);
        let article = Article::new("a", text);
        let serial = Pipeline::new(&PipelineConfig {
            parallel_stages: false,
            ..PipelineConfig::default()
        })
        .unwrap();
        let parallel = Pipeline::new(&PipelineConfig::default()).unwrap();
        assert!(article.text.len() >= PARALLEL_STAGE_MIN_BYTES);
        let a = serial.extract(&article).unwrap();
        let b = parallel.extract(&article).unwrap();
        assert!(!a.amounts.is_empty() && !a.actors.is_empty());
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
    }
}
