//! The arguments of `depeche train` and `depeche evaluate`, converting into
//! [`TrainOptions`] and [`EvaluateOptions`].

use super::ner::{NerArgs, TransformerArgs};
use depeche::train::{EvaluateOptions, Profile, TrainOptions};
use std::path::PathBuf;

/// Which training data a model may use (`--profile`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ProfileArg {
    /// Commercial-use data only: Europeana Newspapers (CC0), HIPE NewsEye (CC BY 4.0),
    /// news-fr (CC BY-SA 4.0).
    Open,
    /// Adds the non-commercial corpora: WikiNEuRal (CC BY-NC-SA 4.0), HIPE hipe2020 and
    /// Le Temps (CC BY-NC-SA 4.0).
    Full,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Self {
        match p {
            ProfileArg::Open => Profile::Open,
            ProfileArg::Full => Profile::Full,
        }
    }
}

/// Arguments of `depeche train`.
#[derive(Clone, Debug, clap::Args)]
pub struct TrainArgs {
    /// Which data the model may use: `open` (commercial-use licences only) or `full`.
    #[arg(long, value_enum, default_value = "full")]
    pub profile: ProfileArg,
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
    /// Word clusters learned from the news (exchange algorithm): class counts, coarse then
    /// fine, comma-separated, at most two levels; "0" for no clusters.
    #[arg(long, default_value = "64,255", value_name = "K1,K2")]
    pub clusters: String,
    /// Passes of the clustering over the vocabulary.
    #[arg(long, default_value_t = 10)]
    pub cluster_iterations: usize,
    /// Perceptron runs with successive shuffling seeds whose weights are averaged (less
    /// variance from the order of the data).
    #[arg(long, default_value_t = 4)]
    pub runs: usize,
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
    pub teacher_options: TransformerArgs,
}

impl TrainArgs {
    /// The library's training options.
    pub fn options(&self) -> TrainOptions {
        TrainOptions {
            profile: self.profile.into(),
            output: self.output.clone(),
            data_dir: self.data_dir.clone(),
            epochs: self.epochs,
            bits: self.bits,
            dev_fraction: self.dev_fraction,
            seed: self.seed,
            prior_epochs: self.prior_epochs,
            prior_rounds: self.prior_rounds,
            clusters: self.clusters.clone(),
            cluster_iterations: self.cluster_iterations,
            runs: self.runs,
            dev_out: self.dev_out.clone(),
            modern_weight: self.modern_weight,
            news_weight: self.news_weight,
            teacher: self
                .teacher
                .as_ref()
                .map(|dir| self.teacher_options.options(dir)),
            unlabeled: self.unlabeled.clone(),
            teacher_articles: self.teacher_articles,
        }
    }
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
    pub ner: NerArgs,
    /// Entity types to score, comma-separated (e.g. PER,LOC,ORG for corpora without MISC);
    /// default: all four.
    #[arg(long)]
    pub types: Option<String>,
}

impl EvaluateArgs {
    /// The library's evaluation options.
    pub fn options(&self) -> EvaluateOptions {
        EvaluateOptions {
            conll: self.conll.clone(),
            ner: self.ner.options(),
            types: self.types.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Parser, ValueEnum};

    #[derive(Parser)]
    struct Probe {
        #[command(flatten)]
        train: TrainArgs,
    }

    #[test]
    fn train_defaults_match_the_library() {
        let p = Probe::try_parse_from(["probe"]).unwrap();
        assert_eq!(p.train.options(), TrainOptions::default());
    }

    #[test]
    fn profile_names_match_the_library() {
        for p in ProfileArg::value_variants() {
            let name = p.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(name.parse::<Profile>(), Ok(Profile::from(*p)));
        }
    }

    #[test]
    fn teacher_takes_the_transformer_knobs() {
        let p = Probe::try_parse_from([
            "probe",
            "--teacher",
            "ck",
            "--unlabeled",
            "news.jsonl",
            "--stride",
            "64",
        ])
        .unwrap();
        let t = p.train.options().teacher.unwrap();
        assert_eq!((t.dir, t.stride), (PathBuf::from("ck"), 64));
    }
}
