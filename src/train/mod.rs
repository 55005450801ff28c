//! Training and evaluation of the NER model: corpus readers (CoNLL, HIPE TSV), training,
//! seqeval-style evaluation. Reached from the CLI's `train` and `evaluate` subcommands.

use std::path::PathBuf;

/// Arguments of `depeche train`.
#[derive(Clone, Debug, clap::Args)]
pub struct TrainArgs {
    /// Where to write the trained model.
    #[arg(short, long, default_value = "models/ner-fr.bin")]
    pub output: PathBuf,
}

/// Arguments of `depeche evaluate`.
#[derive(Clone, Debug, clap::Args)]
pub struct EvaluateArgs {
    /// A CoNLL/IOB or HIPE TSV file with gold labels.
    #[arg(long)]
    pub conll: PathBuf,
    /// The model to evaluate (default: the built-in model).
    #[arg(long)]
    pub ner_model: Option<PathBuf>,
}

/// Run `depeche train`.
pub fn run_train(args: &TrainArgs) -> anyhow::Result<()> {
    anyhow::bail!(
        "training is not available yet (output would be {})",
        args.output.display()
    )
}

/// Run `depeche evaluate`.
pub fn run_evaluate(args: &EvaluateArgs) -> anyhow::Result<()> {
    anyhow::bail!("evaluation is not available yet ({})", args.conll.display())
}
