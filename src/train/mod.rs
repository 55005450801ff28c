//! Training and evaluation of the NER model: corpus readers (CoNLL, HIPE TSV), training,
//! seqeval-style evaluation. Reached from the CLI's `train` and `evaluate` subcommands.

pub mod clusters;
pub mod corpus;
pub mod eval;
pub mod news;
pub mod perceptron;

use crate::actors::tags::{tag_name, TYPES};
use crate::actors::transformer::{TransformerError, TransformerOptions};
use crate::actors::{ActorExtractor, ModelError, NerOptions};
use corpus::{read_corpus, CorpusError, Sentence};
use perceptron::{PerceptronConfig, Rng};
use std::path::{Path, PathBuf};
use std::time::Instant;

mod corpora;

pub use corpora::Profile;
use corpora::{CorpusSpec, CORPORA};

/// Errors of training and evaluation.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// A file or directory could not be read.
    #[error("reading {}", path.display())]
    Read {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A file could not be opened.
    #[error("cannot open {}", path.display())]
    Open {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A file or directory could not be written.
    #[error("cannot write {}", path.display())]
    Write {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A labelled corpus could not be read.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// An NER model could not be loaded.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The trained model could not be encoded.
    #[error(transparent)]
    Format(#[from] crate::actors::model::FormatError),
    /// Cluster levels that are not one or two class counts between 2 and 255.
    #[error("bad --clusters {0:?}: give one or two class counts from 2 to 255, comma-separated (\"0\" for none)")]
    Clusters(String),
    /// An entity type name that is not PER, ORG, LOC or MISC.
    #[error("unknown entity type {0:?}")]
    UnknownType(String),
    /// The transformer failed (loading the checkpoint or tagging).
    #[error(transparent)]
    Transformer(#[from] TransformerError),
    /// There is no NER model to evaluate.
    #[error("no NER model to evaluate")]
    NoModel,
}

/// A progress and log sink: training and evaluation report what they do, one line at a
/// time, through it (the command line writes each line to standard error).
pub type Log<'a> = &'a (dyn Fn(&str) + Sync);

/// A corpus read for training: its spec, sentences, and train/dev sentence indices.
type LoadedCorpus = (&'static CorpusSpec, Vec<Sentence>, Vec<usize>, Vec<usize>);

/// Options of [`run_train`] (`depeche train`).
#[derive(Clone, Debug, PartialEq)]
pub struct TrainOptions {
    /// Which data the model may use: [`Profile::Open`] (commercial-use licences only) or
    /// [`Profile::Full`].
    pub profile: Profile,
    /// Where to write the trained model (None: `models/ner-<profile name>.bin`).
    pub output: Option<PathBuf>,
    /// The shared data directory holding `ner/` and `news/`.
    pub data_dir: PathBuf,
    /// Passes over the training data.
    pub epochs: usize,
    /// log2 of the number of hashed feature buckets.
    pub bits: u32,
    /// Fraction of each corpus's sentences held out for the dev scores.
    pub dev_fraction: f64,
    /// Seed of the dev split and of the shuffling.
    pub seed: u64,
    /// Epochs of the first model whose votes over the news become type-prior features (0: no
    /// priors).
    pub prior_epochs: usize,
    /// Rounds of prior models (each one sees the previous round's priors).
    pub prior_rounds: usize,
    /// Word cluster levels learned from the news: class counts (at most 255 each), coarse
    /// then fine, comma-separated, at most two; "0" or "" for none.
    pub clusters: String,
    /// Passes of the clustering over the vocabulary.
    pub cluster_iterations: usize,
    /// Perceptron runs with successive shuffling seeds whose weights are averaged.
    pub runs: usize,
    /// Also write each corpus's dev split to this directory as `token<TAB>tag` CoNLL files
    /// (for evaluation).
    pub dev_out: Option<PathBuf>,
    /// How many times the modern (WikiNEuRal) training sentences are repeated per epoch.
    pub modern_weight: usize,
    /// How many times the hand-annotated modern news (news-fr train split) is repeated per
    /// epoch: the heaviest weight, so that its conventions win where the corpora disagree.
    pub news_weight: usize,
    /// Distillation: a transformer token-classification checkpoint (needs the `transformer`
    /// feature) and how to run it. Its labels on the [`TrainOptions::unlabeled`] news join the
    /// gold corpora; it is used only when both are given.
    pub teacher: Option<TransformerOptions>,
    /// Distillation: JSON Lines news (`text` field; .gz and .zst too) for the teacher to label.
    pub unlabeled: Option<PathBuf>,
    /// Distillation: most unlabeled articles the teacher labels.
    pub teacher_articles: usize,
}

impl Default for TrainOptions {
    /// The defaults of `depeche train`: the full profile, data in `../shared/data`, 12 epochs
    /// over 2^20 buckets, 15% dev, seed 42, one round of 6-epoch priors, modern weight 2, news
    /// weight 4, word clusters at 64 and 255 classes (10 passes), 4 averaged runs, no teacher
    /// (5000 articles when one is given).
    fn default() -> Self {
        TrainOptions {
            profile: Profile::Full,
            output: None,
            data_dir: PathBuf::from("../shared/data"),
            epochs: 12,
            bits: 20,
            dev_fraction: 0.15,
            seed: 42,
            prior_epochs: 6,
            prior_rounds: 1,
            clusters: "64,255".into(),
            cluster_iterations: 10,
            runs: 4,
            dev_out: None,
            modern_weight: 2,
            news_weight: 4,
            teacher: None,
            unlabeled: None,
            teacher_articles: 5000,
        }
    }
}

/// A word must occur this often in the news to get a cluster.
const CLUSTER_MIN_COUNT: u32 = 5;

/// Parse cluster levels ("32,255"; "0" or "" for none).
pub fn parse_levels(s: &str) -> Result<Vec<usize>, TrainError> {
    let s = s.trim();
    if s.is_empty() || s == "0" {
        return Ok(Vec::new());
    }
    let levels = s
        .split(',')
        .map(|p| {
            p.trim()
                .parse::<usize>()
                .ok()
                .filter(|k| (2..=255).contains(k))
        })
        .collect::<Option<Vec<_>>>()
        .filter(|l| l.len() <= 2)
        .ok_or_else(|| TrainError::Clusters(s.to_string()))?;
    Ok(levels)
}

/// Options of [`run_evaluate`] (`depeche evaluate`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvaluateOptions {
    /// A CoNLL/IOB or HIPE TSV file with gold labels.
    pub conll: PathBuf,
    /// The model to evaluate: a built-in model or model file, or a transformer checkpoint.
    pub ner: NerOptions,
    /// Entity types to score, comma-separated (e.g. `PER,LOC,ORG` for corpora without MISC);
    /// None: all four.
    pub types: Option<String>,
}

/// What [`run_evaluate`] measured: the scores, the types scored, and the tagging speed.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Strict entity scores.
    pub scores: eval::Scores,
    /// The type indices scored (into [`TYPES`]).
    pub types: Vec<usize>,
    /// Sentences tagged.
    pub sentences: usize,
    /// Tokens tagged.
    pub tokens: usize,
    /// Seconds spent tagging.
    pub seconds: f64,
}

impl Evaluation {
    /// The seqeval-like report table of the scored types.
    pub fn report(&self) -> String {
        self.scores.report(&self.types)
    }

    /// One line on the amount tagged and the speed: `N sentences, N tokens, N tokens/s`.
    pub fn speed(&self) -> String {
        format!(
            "{} sentences, {} tokens, {:.0} tokens/s",
            self.sentences,
            self.tokens,
            self.tokens as f64 / self.seconds.max(1e-9)
        )
    }
}

/// Split sentence indices into (train, dev) deterministically.
pub fn split(n: usize, dev_fraction: f64, seed: u64) -> (Vec<usize>, Vec<usize>) {
    let mut idx: Vec<usize> = (0..n).collect();
    Rng::new(seed).shuffle(&mut idx);
    let n_dev = ((n as f64) * dev_fraction).round() as usize;
    let mut dev = idx[..n_dev].to_vec();
    let mut train = idx[n_dev..].to_vec();
    dev.sort_unstable();
    train.sort_unstable();
    (train, dev)
}

/// The type indices (into [`TYPES`]) of a comma-separated list of entity types (`PER, loc`),
/// all four when None.
pub fn parse_types(s: Option<&str>) -> Result<Vec<usize>, TrainError> {
    let Some(s) = s else {
        return Ok(vec![0, 1, 2, 3]);
    };
    s.split(',')
        .map(|t| {
            TYPES
                .iter()
                .position(|x| x.as_str().eq_ignore_ascii_case(t.trim()))
                .ok_or_else(|| TrainError::UnknownType(t.to_string()))
        })
        .collect()
}

/// Train the NER model (`depeche train`): read the news and the corpora of the profile, train
/// the prior models and the final one, score it on each corpus's dev split, and write it.
/// Progress goes to `log`, one line (or a few, for the dev score tables) at a time. Returns
/// the path of the written model.
pub fn run_train(args: &TrainOptions, log: Log<'_>) -> Result<PathBuf, TrainError> {
    let t0 = Instant::now();
    let news_dir = args.data_dir.join("news");
    log(&format!(
        "counting case statistics in {} ...",
        news_dir.display()
    ));
    // The open model learns its word statistics from openly licensed news only (OrangeSum,
    // CC BY-SA 4.0); the full model from every news file.
    let open = args.profile == Profile::Open;
    let news_texts = news::read_news_dir(&news_dir, |name| !open || name.starts_with("orangesum"))
        .map_err(|source| TrainError::Read {
            path: news_dir.clone(),
            source,
        })?;
    let n_articles = news_texts.len();
    let mut counter = news::CaseCounter::default();
    for t in &news_texts {
        counter.add_text(t);
    }
    let mut stats = counter.finish();
    log(&format!(
        "  {} articles, {} words with case statistics ({:.1}s)",
        n_articles,
        stats.map.len(),
        t0.elapsed().as_secs_f64()
    ));
    let levels = parse_levels(&args.clusters)?;
    if !levels.is_empty() {
        log(&format!("learning word clusters {levels:?} ..."));
        stats.clusters = clusters::word_clusters(
            &news_texts,
            &levels,
            CLUSTER_MIN_COUNT,
            args.cluster_iterations,
            log,
        );
        log(&format!(
            "  {} words clustered ({:.0}s)",
            stats.clusters.len(),
            t0.elapsed().as_secs_f64()
        ));
    }

    let mut corpora: Vec<LoadedCorpus> = Vec::new();
    for spec in CORPORA {
        if args.profile == Profile::Open && !spec.open {
            continue;
        }
        let path = args.data_dir.join(spec.path);
        let (sents, train, dev) = match spec.spans_dev {
            None => {
                let sents = read_corpus(&path)?;
                let (train, dev) = split(sents.len(), args.dev_fraction, args.seed);
                (sents, train, dev)
            }
            Some(dev_path) => {
                let (mut sents, st) = corpus::read_span_jsonl(&path)?;
                let (dev_sents, dst) = corpus::read_span_jsonl(&args.data_dir.join(dev_path))?;
                log(&format!(
                    "  {}: {} articles, {} entities ({} not on token edges, {} across sentences); dev {} articles",
                    spec.path, st.articles, st.entities, st.misaligned, st.split, dst.articles
                ));
                let n = sents.len();
                sents.extend(dev_sents);
                let m = sents.len();
                (sents, (0..n).collect(), (n..m).collect())
            }
        };
        log(&format!(
            "  {}: {} sentences ({} train, {} dev), {}",
            spec.path,
            sents.len(),
            train.len(),
            dev.len(),
            spec.licence
        ));
        if let Some(dir) = &args.dev_out {
            std::fs::create_dir_all(dir).map_err(|source| TrainError::Write {
                path: dir.clone(),
                source,
            })?;
            let name = spec.path.rsplit('/').next().unwrap_or("dev");
            let name = if spec.spans_dev.is_some() {
                "news-fr"
            } else {
                name
            };
            let mut out = String::new();
            for &i in &dev {
                for (t, &g) in sents[i].tokens.iter().zip(&sents[i].tags) {
                    out += &format!("{t}\t{}\n", tag_name(g));
                }
                out.push('\n');
            }
            let file = dir.join(format!("{name}.dev.conll"));
            std::fs::write(&file, out)
                .map_err(|source| TrainError::Write { path: file, source })?;
        }
        corpora.push((spec, sents, train, dev));
    }
    let silver = match (&args.teacher, &args.unlabeled) {
        (Some(teacher), Some(unlabeled)) => {
            let s = teacher_sentences(teacher, unlabeled, args.teacher_articles, log)?;
            log(&format!(
                "  teacher {}: {} sentences of {} ({:.0}s)",
                teacher.dir.display(),
                s.len(),
                unlabeled.display(),
                t0.elapsed().as_secs_f64()
            ));
            s
        }
        _ => Vec::new(),
    };
    let mut data: Vec<&Sentence> = silver.iter().collect();
    for (spec, sents, train, _) in &corpora {
        let reps = if spec.path.contains("wikineural") {
            args.modern_weight.max(1)
        } else if spec.spans_dev.is_some() {
            args.news_weight.max(1)
        } else {
            1
        };
        for _ in 0..reps {
            data.extend(train.iter().map(|&i| &sents[i]));
        }
    }
    let cfg = PerceptronConfig {
        bits: args.bits,
        epochs: args.epochs,
        seed: args.seed,
        runs: args.runs,
    };
    let progress = |e: usize, err: f64| {
        log(&format!(
            "  epoch {e}: train token error {:.4} ({:.0}s)",
            err,
            t0.elapsed().as_secs_f64()
        ))
    };
    for round in 0..if args.prior_epochs > 0 {
        args.prior_rounds.max(1)
    } else {
        0
    } {
        // A first model votes on every capitalised word of the news; its corpus-wide votes
        // become features of the next model.
        log(&format!(
            "training prior model {} on {} sentences ...",
            round + 1,
            data.len()
        ));
        let pcfg = PerceptronConfig {
            epochs: args.prior_epochs,
            ..cfg.clone()
        };
        let first = perceptron::train(&data, &stats, &pcfg, String::new(), progress);
        let mut pc = news::PriorCounter::default();
        let (mut scratch, mut tags) = (Default::default(), Vec::new());
        for t in &news_texts {
            pc.add_text(&first, t, &mut scratch, &mut tags);
        }
        for v in stats.map.values_mut() {
            *v &= 0xff;
        }
        pc.merge_into(&mut stats);
        log(&format!(
            "  news priors done ({:.0}s)",
            t0.elapsed().as_secs_f64()
        ));
    }
    drop(news_texts);
    log(&format!("training on {} sentences ...", data.len()));
    let mut model = perceptron::train(&data, &stats, &cfg, String::new(), progress);

    let mut dev_scores = serde_json::Map::new();
    for (spec, sents, _, dev) in &corpora {
        let dev: Vec<&Sentence> = dev.iter().map(|&i| &sents[i]).collect();
        let types: Vec<usize> = if spec.path.contains("wikineural") || spec.spans_dev.is_some() {
            vec![0, 1, 2, 3]
        } else {
            vec![0, 1, 2]
        };
        let s = eval::evaluate(&model, &dev, &types);
        log(&format!("dev {}:\n{}", spec.path, s.report(&types)));
        let mut per = serde_json::Map::new();
        for &t in &types {
            per.insert(
                TYPES[t].as_str().into(),
                serde_json::json!((s.per_type[t].f1() * 10000.0).round() / 10000.0),
            );
        }
        per.insert(
            "micro".into(),
            serde_json::json!((s.micro.f1() * 10000.0).round() / 10000.0),
        );
        dev_scores.insert(spec.path.into(), serde_json::Value::Object(per));
    }
    let teacher = match (&args.teacher, &args.unlabeled) {
        (Some(t), Some(u)) => Some((t, u)),
        _ => None,
    };
    let meta = serde_json::json!({
        "name": args.profile.name(),
        "method": "averaged structured perceptron, hashed features, Viterbi (IOB2)",
        "bits": args.bits,
        "epochs": args.epochs,
        "seed": args.seed,
        "dev_fraction": args.dev_fraction,
        "modern_weight": args.modern_weight,
        "news_weight": args.news_weight,
        "prior_epochs": args.prior_epochs,
        "prior_rounds": args.prior_rounds,
        "runs": args.runs,
        "clusters": {"levels": levels, "min_count": CLUSTER_MIN_COUNT, "iterations": args.cluster_iterations, "words": stats.clusters.len()},
        "corpora": corpora.iter().map(|(s, _, _, _)| serde_json::json!({"path": s.path, "licence": s.licence})).collect::<Vec<_>>(),
        "news_articles": n_articles,
        "news_files": if open { "orangesum_fr.jsonl (CC BY-SA 4.0)" } else { "all *.jsonl in data/news" },
        "dev_strict_f1": dev_scores,
        "teacher": teacher.map(|(t, u)| serde_json::json!({
            "checkpoint": t.dir.display().to_string(),
            "unlabeled": u.display().to_string(),
            "sentences": silver.len(),
        })),
    });
    model.meta = meta.to_string();
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("models/ner-{}.bin", args.profile.name())));
    let bytes = model.to_bytes()?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| TrainError::Write {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    std::fs::write(&out, &bytes).map_err(|source| TrainError::Write {
        path: out.clone(),
        source,
    })?;
    log(&format!(
        "wrote {} ({:.1} MB) in {:.0}s",
        out.display(),
        bytes.len() as f64 / 1e6,
        t0.elapsed().as_secs_f64()
    ));
    Ok(out)
}

/// Read up to `limit` articles (the `text` field) of a JSON Lines file (.gz and .zst too);
/// lines that are not JSON objects with a non-empty text are skipped.
pub fn read_unlabeled(path: &Path, limit: usize) -> Result<Vec<String>, TrainError> {
    use std::io::BufRead;
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let r = crate::input::open::open_file(path, counter).map_err(|source| TrainError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let mut texts = Vec::new();
    for line in std::io::BufReader::new(r).lines() {
        if texts.len() >= limit {
            break;
        }
        let line = line.map_err(|source| TrainError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let text = serde_json::from_str::<serde_json::Value>(&line)
            .ok()
            .and_then(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string));
        if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
            texts.push(t);
        }
    }
    Ok(texts)
}

/// Label unlabeled news with a transformer teacher: each sentence of 3 to 200 tokens becomes a
/// training sentence with the teacher's IOB2 tags. Every 500 articles labelled, a line goes to
/// `log`.
#[cfg(feature = "transformer")]
pub fn teacher_sentences(
    options: &TransformerOptions,
    unlabeled: &Path,
    limit: usize,
    log: Log<'_>,
) -> Result<Vec<Sentence>, TrainError> {
    use rayon::prelude::*;
    let teacher = crate::actors::transformer::TransformerNer::load(options)?;
    let texts = read_unlabeled(unlabeled, limit)?;
    let done = std::sync::atomic::AtomicUsize::new(0);
    let per_article: Vec<Vec<Sentence>> = texts
        .par_iter()
        .map(|text| -> Result<Vec<Sentence>, TrainError> {
            let doc = crate::text::Document::new(text, None);
            let (tags, _) = teacher.tag_document(&doc)?;
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n % 500 == 0 {
                log(&format!("  teacher: {n} articles labelled"));
            }
            Ok(doc
                .sentences
                .iter()
                .map(|s| s.tokens())
                .filter(|r| (3..=200).contains(&r.len()))
                .map(|r| Sentence {
                    tokens: doc.tokens[r.clone()]
                        .iter()
                        .map(|t| t.text(text).to_string())
                        .collect(),
                    tags: tags[r].to_vec(),
                })
                .collect())
        })
        .collect::<Result<_, _>>()?;
    Ok(per_article.into_iter().flatten().collect())
}

/// Without the `transformer` feature there is no teacher to run.
#[cfg(not(feature = "transformer"))]
pub fn teacher_sentences(
    _options: &TransformerOptions,
    unlabeled: &Path,
    _limit: usize,
    _log: Log<'_>,
) -> Result<Vec<Sentence>, TrainError> {
    let _ = unlabeled;
    Err(ModelError::NoTransformer.into())
}

/// Score an NER model on a labelled corpus (`depeche evaluate`): strict entity P/R/F1 per type
/// and micro-averaged, and the tagging speed. Printing is the caller's.
pub fn run_evaluate(args: &EvaluateOptions) -> Result<Evaluation, TrainError> {
    let types = parse_types(args.types.as_deref())?;
    let ex = args.ner.extractor()?;
    let data = read_corpus(&args.conll)?;
    let refs: Vec<&Sentence> = data.iter().collect();
    let t0 = Instant::now();
    let scores = match ex.model() {
        Some(model) => eval::evaluate(model, &refs, &types),
        #[cfg(feature = "transformer")]
        None => match ex.transformer() {
            Some(t) => eval::evaluate_transformer(t, &refs, &types)?,
            None => return Err(TrainError::NoModel),
        },
        #[cfg(not(feature = "transformer"))]
        None => return Err(TrainError::NoModel),
    };
    let seconds = t0.elapsed().as_secs_f64();
    Ok(Evaluation {
        scores,
        types,
        sentences: data.len(),
        tokens: data.iter().map(|s| s.tokens.len()).sum(),
        seconds,
    })
}

/// Read a model's metadata JSON (for the model card and `--version`-like reports).
pub fn model_meta(path: &Path) -> Result<String, TrainError> {
    let ex = ActorExtractor::load(Some(path))?;
    Ok(ex.model().map(|m| m.meta.clone()).unwrap_or_default())
}

#[cfg(test)]
mod tests;
