//! Training and evaluation of the NER model: corpus readers (CoNLL, HIPE TSV), training,
//! seqeval-style evaluation. Reached from the CLI's `train` and `evaluate` subcommands.

pub mod corpus;
pub mod eval;
pub mod news;
pub mod perceptron;

use crate::actors::model::TYPES;
use crate::actors::ActorExtractor;
use corpus::{read_corpus, Sentence};
use perceptron::{PerceptronConfig, Rng};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Which training data a model may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Profile {
    /// Commercial-use data only: Europeana Newspapers (CC0), HIPE NewsEye (CC BY 4.0),
    /// news-fr (CC BY-SA 4.0).
    Open,
    /// Adds the non-commercial corpora: WikiNEuRal (CC BY-NC-SA 4.0), HIPE hipe2020 and
    /// Le Temps (CC BY-NC-SA 4.0).
    Full,
}

impl Profile {
    /// Short model name.
    pub fn name(&self) -> &'static str {
        match self {
            Profile::Open => "fr-open",
            Profile::Full => "fr-full",
        }
    }
}

/// One training corpus: a path under the data directory, its licence, and whether the open
/// profile may use it.
struct CorpusSpec {
    path: &'static str,
    licence: &'static str,
    open: bool,
    /// A span-annotated JSON Lines corpus (news-fr) with its own dev file: trained on all of
    /// `path`, scored on `dev`. Otherwise a token corpus split by sentence.
    spans_dev: Option<&'static str>,
}

const CORPORA: &[CorpusSpec] = &[
    CorpusSpec {
        path: "ner/europeana-newspapers-fr/enp_FR.bnf.bio",
        licence: "CC0-1.0",
        open: true,
        spans_dev: None,
    },
    CorpusSpec {
        path: "ner/news-fr/train.jsonl",
        licence: "CC-BY-SA-4.0",
        open: true,
        spans_dev: Some("ner/news-fr/dev.jsonl"),
    },
    CorpusSpec {
        path: "ner/hipe2022-fr/HIPE-2022-v2.1-newseye-dev-fr.tsv",
        licence: "CC-BY-4.0",
        open: true,
        spans_dev: None,
    },
    CorpusSpec {
        path: "ner/hipe2022-fr/HIPE-2022-v2.1-newseye-dev2-fr.tsv",
        licence: "CC-BY-4.0",
        open: true,
        spans_dev: None,
    },
    CorpusSpec {
        path: "ner/wikineural-fr/val.conllu",
        licence: "CC-BY-NC-SA-4.0",
        open: false,
        spans_dev: None,
    },
    CorpusSpec {
        path: "ner/hipe2022-fr/HIPE-2022-v2.1-hipe2020-dev-fr.tsv",
        licence: "CC-BY-NC-SA-4.0",
        open: false,
        spans_dev: None,
    },
    CorpusSpec {
        path: "ner/hipe2022-fr/HIPE-2022-v2.1-letemps-dev-fr.tsv",
        licence: "CC-BY-NC-SA-4.0",
        open: false,
        spans_dev: None,
    },
];

/// A corpus read for training: its spec, sentences, and train/dev sentence indices.
type LoadedCorpus = (&'static CorpusSpec, Vec<Sentence>, Vec<usize>, Vec<usize>);

/// Arguments of `depeche train`.
#[derive(Clone, Debug, clap::Args)]
pub struct TrainArgs {
    /// Which data the model may use: `open` (commercial-use licences only) or `full`.
    #[arg(long, value_enum, default_value = "full")]
    pub profile: Profile,
    /// Where to write the trained model (default: models/ner-<profile name>.bin).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The shared data directory holding `ner/` and `news/`.
    #[arg(long, default_value = "../shared/data")]
    pub data_dir: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// log2 of the number of hashed feature buckets.
    #[arg(long, default_value_t = 20)]
    pub bits: u32,
    /// Fraction of each corpus's sentences held out for the dev scores.
    #[arg(long, default_value_t = 0.15)]
    pub dev_fraction: f64,
    /// Seed of the dev split and of the shuffling.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Epochs of the first model whose votes over the news become type-prior features (0: no
    /// priors).
    #[arg(long, default_value_t = 6)]
    pub prior_epochs: usize,
    /// Rounds of prior models (each one sees the previous round's priors).
    #[arg(long, default_value_t = 1)]
    pub prior_rounds: usize,
    /// Also write each corpus's dev split to this directory as `token<TAB>tag` CoNLL files
    /// (for `depeche evaluate --conll`).
    #[arg(long)]
    pub dev_out: Option<PathBuf>,
    /// How many times the modern (WikiNEuRal) training sentences are repeated per epoch.
    #[arg(long, default_value_t = 2)]
    pub modern_weight: usize,
    /// How many times the hand-annotated modern news (news-fr train split) is repeated per
    /// epoch: the heaviest weight, so that its conventions win where the corpora disagree.
    #[arg(long, default_value_t = 4)]
    pub news_weight: usize,
    /// Distillation: a transformer token-classification checkpoint directory (needs the
    /// `transformer` feature). Its labels on the `--unlabeled` news join the gold corpora.
    #[arg(long, value_name = "DIR", requires = "unlabeled")]
    pub teacher: Option<PathBuf>,
    /// Distillation: JSON Lines news (`text` field; .gz and .zst too) for the teacher to label.
    #[arg(long, value_name = "FILE", requires = "teacher")]
    pub unlabeled: Option<PathBuf>,
    /// Distillation: most unlabeled articles the teacher labels.
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub teacher_articles: usize,
    /// The teacher's knobs.
    #[command(flatten)]
    pub teacher_options: crate::actors::transformer::TransformerArgs,
}

/// Arguments of `depeche evaluate`.
#[derive(Clone, Debug, clap::Args)]
pub struct EvaluateArgs {
    /// A CoNLL/IOB or HIPE TSV file with gold labels.
    #[arg(long)]
    pub conll: PathBuf,
    /// The model to evaluate (`--ner-model`: a file or a built-in name, fr-open or fr-full,
    /// default the built-in default model; or `--ner transformer --ner-model DIR`).
    #[command(flatten)]
    pub ner: crate::actors::NerArgs,
    /// Entity types to score, comma-separated (e.g. PER,LOC,ORG for corpora without MISC);
    /// default: all four.
    #[arg(long)]
    pub types: Option<String>,
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

fn parse_types(s: Option<&str>) -> anyhow::Result<Vec<usize>> {
    let Some(s) = s else {
        return Ok(vec![0, 1, 2, 3]);
    };
    s.split(',')
        .map(|t| {
            TYPES
                .iter()
                .position(|x| x.as_str().eq_ignore_ascii_case(t.trim()))
                .ok_or_else(|| anyhow::anyhow!("unknown entity type {t:?}"))
        })
        .collect()
}

/// Run `depeche train`.
pub fn run_train(args: &TrainArgs) -> anyhow::Result<()> {
    let t0 = Instant::now();
    let news_dir = args.data_dir.join("news");
    eprintln!("counting case statistics in {} ...", news_dir.display());
    // The open model learns its word statistics from openly licensed news only (OrangeSum,
    // CC BY-SA 4.0); the full model from every news file.
    let open = args.profile == Profile::Open;
    let news_texts = news::read_news_dir(&news_dir, |name| !open || name.starts_with("orangesum"))
        .map_err(|e| anyhow::anyhow!("reading {}: {e}", news_dir.display()))?;
    let n_articles = news_texts.len();
    let mut counter = news::CaseCounter::default();
    for t in &news_texts {
        counter.add_text(t);
    }
    let mut stats = counter.finish();
    eprintln!(
        "  {} articles, {} words with case statistics ({:.1}s)",
        n_articles,
        stats.map.len(),
        t0.elapsed().as_secs_f64()
    );

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
                eprintln!(
                    "  {}: {} articles, {} entities ({} not on token edges, {} across sentences); dev {} articles",
                    spec.path, st.articles, st.entities, st.misaligned, st.split, dst.articles
                );
                let n = sents.len();
                sents.extend(dev_sents);
                let m = sents.len();
                (sents, (0..n).collect(), (n..m).collect())
            }
        };
        eprintln!(
            "  {}: {} sentences ({} train, {} dev), {}",
            spec.path,
            sents.len(),
            train.len(),
            dev.len(),
            spec.licence
        );
        if let Some(dir) = &args.dev_out {
            std::fs::create_dir_all(dir)?;
            let name = spec.path.rsplit('/').next().unwrap_or("dev");
            let name = if spec.spans_dev.is_some() {
                "news-fr"
            } else {
                name
            };
            let mut out = String::new();
            for &i in &dev {
                for (t, &g) in sents[i].tokens.iter().zip(&sents[i].tags) {
                    out += &format!("{t}\t{}\n", corpus::tag_name(g));
                }
                out.push('\n');
            }
            std::fs::write(dir.join(format!("{name}.dev.conll")), out)?;
        }
        corpora.push((spec, sents, train, dev));
    }
    let silver = match (&args.teacher, &args.unlabeled) {
        (Some(teacher), Some(unlabeled)) => {
            let options = args.teacher_options.options(teacher);
            let s = teacher_sentences(&options, unlabeled, args.teacher_articles)?;
            eprintln!(
                "  teacher {}: {} sentences of {} ({:.0}s)",
                teacher.display(),
                s.len(),
                unlabeled.display(),
                t0.elapsed().as_secs_f64()
            );
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
    };
    let progress = |e: usize, err: f64| {
        eprintln!(
            "  epoch {e}: train token error {:.4} ({:.0}s)",
            err,
            t0.elapsed().as_secs_f64()
        )
    };
    for round in 0..if args.prior_epochs > 0 {
        args.prior_rounds.max(1)
    } else {
        0
    } {
        // A first model votes on every capitalised word of the news; its corpus-wide votes
        // become features of the next model.
        eprintln!(
            "training prior model {} on {} sentences ...",
            round + 1,
            data.len()
        );
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
        eprintln!("  news priors done ({:.0}s)", t0.elapsed().as_secs_f64());
    }
    drop(news_texts);
    eprintln!("training on {} sentences ...", data.len());
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
        eprintln!("dev {}:\n{}", spec.path, s.report(&types));
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
        "corpora": corpora.iter().map(|(s, _, _, _)| serde_json::json!({"path": s.path, "licence": s.licence})).collect::<Vec<_>>(),
        "news_articles": n_articles,
        "news_files": if open { "orangesum_fr.jsonl (CC BY-SA 4.0)" } else { "all *.jsonl in data/news" },
        "dev_strict_f1": dev_scores,
        "teacher": args.teacher.as_ref().map(|t| serde_json::json!({
            "checkpoint": t.display().to_string(),
            "unlabeled": args.unlabeled.as_ref().map(|u| u.display().to_string()),
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
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, &bytes)?;
    eprintln!(
        "wrote {} ({:.1} MB) in {:.0}s",
        out.display(),
        bytes.len() as f64 / 1e6,
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Read up to `limit` articles (the `text` field) of a JSON Lines file (.gz and .zst too);
/// lines that are not JSON objects with a non-empty text are skipped.
pub fn read_unlabeled(path: &Path, limit: usize) -> anyhow::Result<Vec<String>> {
    use std::io::BufRead;
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let r = crate::input::open::open_file(path, counter)
        .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))?;
    let mut texts = Vec::new();
    for line in std::io::BufReader::new(r).lines() {
        if texts.len() >= limit {
            break;
        }
        let line = line.map_err(|e| anyhow::anyhow!("reading {}: {e}", path.display()))?;
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
/// training sentence with the teacher's IOB2 tags.
#[cfg(feature = "transformer")]
pub fn teacher_sentences(
    options: &crate::actors::transformer::TransformerOptions,
    unlabeled: &Path,
    limit: usize,
) -> anyhow::Result<Vec<Sentence>> {
    use rayon::prelude::*;
    let teacher = crate::actors::transformer::TransformerNer::load(options)?;
    let texts = read_unlabeled(unlabeled, limit)?;
    let done = std::sync::atomic::AtomicUsize::new(0);
    let per_article: Vec<Vec<Sentence>> = texts
        .par_iter()
        .map(|text| -> anyhow::Result<Vec<Sentence>> {
            let doc = crate::text::Document::new(text, None);
            let (tags, _) = teacher.tag_document(&doc)?;
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n % 500 == 0 {
                eprintln!("  teacher: {n} articles labelled");
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
        .collect::<anyhow::Result<_>>()?;
    Ok(per_article.into_iter().flatten().collect())
}

/// Without the `transformer` feature there is no teacher to run.
#[cfg(not(feature = "transformer"))]
pub fn teacher_sentences(
    _options: &crate::actors::transformer::TransformerOptions,
    unlabeled: &Path,
    _limit: usize,
) -> anyhow::Result<Vec<Sentence>> {
    let _ = unlabeled;
    Err(crate::actors::ModelError::NoTransformer.into())
}

/// Run `depeche evaluate`.
pub fn run_evaluate(args: &EvaluateArgs) -> anyhow::Result<()> {
    let types = parse_types(args.types.as_deref())?;
    let ex = args.ner.extractor()?;
    let data = read_corpus(&args.conll)?;
    let refs: Vec<&Sentence> = data.iter().collect();
    let t0 = Instant::now();
    let s = match ex.model() {
        Some(model) => eval::evaluate(model, &refs, &types),
        #[cfg(feature = "transformer")]
        None => match ex.transformer() {
            Some(t) => eval::evaluate_transformer(t, &refs, &types)?,
            None => anyhow::bail!("no NER model to evaluate"),
        },
        #[cfg(not(feature = "transformer"))]
        None => anyhow::bail!("no NER model to evaluate"),
    };
    let tokens: usize = data.iter().map(|s| s.tokens.len()).sum();
    print!("{}", s.report(&types));
    eprintln!(
        "{} sentences, {} tokens, {:.0} tokens/s",
        data.len(),
        tokens,
        tokens as f64 / t0.elapsed().as_secs_f64().max(1e-9)
    );
    Ok(())
}

/// Read a model's metadata JSON (for the model card and `--version`-like reports).
pub fn model_meta(path: &Path) -> anyhow::Result<String> {
    let ex = ActorExtractor::load(Some(path))?;
    Ok(ex.model().map(|m| m.meta.clone()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_deterministic_and_disjoint() {
        let (a, b) = split(100, 0.15, 42);
        let (a2, b2) = split(100, 0.15, 42);
        assert_eq!((a.clone(), b.clone()), (a2, b2));
        assert_eq!(b.len(), 15);
        assert!(a.iter().all(|i| !b.contains(i)));
    }

    #[test]
    fn types_parse() {
        assert_eq!(parse_types(Some("PER, loc")).unwrap(), vec![0, 2]);
        assert!(parse_types(Some("DATE")).is_err());
    }
}
