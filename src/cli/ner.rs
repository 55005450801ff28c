//! The NER arguments shared by `extract`, `bench` and `evaluate` (and the transformer knobs,
//! shared with `train --teacher`), converting into [`NerOptions`] and [`TransformerOptions`].

use depeche::actors::transformer::{Aggregation, TransformerOptions};
use depeche::actors::{NerBackend, NerOptions};
use std::path::PathBuf;

/// Which tagger finds entity mentions (`--ner`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum NerKind {
    /// The built-in fast model (`--ner-model` names it or gives its file).
    #[default]
    Builtin,
    /// A transformer checkpoint (`--ner-model DIR`; needs `--features transformer`).
    Transformer,
}

impl From<NerKind> for NerBackend {
    fn from(k: NerKind) -> Self {
        match k {
            NerKind::Builtin => NerBackend::Builtin,
            NerKind::Transformer => NerBackend::Transformer,
        }
    }
}

/// The NER command-line options, shared by `extract`, `bench` and `evaluate`.
#[derive(Clone, Debug, clap::Args)]
pub struct NerArgs {
    /// NER backend: the built-in fast model, or a transformer checkpoint.
    #[arg(long, value_enum, default_value = "builtin")]
    pub ner: NerKind,
    /// NER model: a built-in name (fr-full, fr-open) or model file with --ner builtin; a
    /// checkpoint directory (config.json, model.safetensors, tokenizer.json) with --ner
    /// transformer.
    #[arg(long, value_name = "PATH")]
    pub ner_model: Option<PathBuf>,
    /// The transformer's knobs.
    #[command(flatten)]
    pub transformer: TransformerArgs,
}

impl NerArgs {
    /// The library's NER options.
    pub fn options(&self) -> NerOptions {
        NerOptions {
            backend: self.ner.into(),
            model: self.ner_model.clone(),
            transformer: self.transformer.options(PathBuf::new()),
        }
    }
}

/// How the sub-tokens of a word decide its label (`--aggregation`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum AggregationArg {
    /// The first piece's best label.
    #[default]
    First,
    /// The best label of the pieces' average probabilities.
    Average,
    /// The best label of the single most confident piece.
    Max,
}

impl From<AggregationArg> for Aggregation {
    fn from(a: AggregationArg) -> Self {
        match a {
            AggregationArg::First => Aggregation::First,
            AggregationArg::Average => Aggregation::Average,
            AggregationArg::Max => Aggregation::Max,
        }
    }
}

/// The transformer's command-line knobs, shared by `extract`, `bench`, `evaluate` and
/// `train --teacher`.
#[derive(Clone, Debug, clap::Args)]
pub struct TransformerArgs {
    /// Transformer: how the sub-tokens of a word decide its label.
    #[arg(long, value_enum, default_value = "first")]
    pub aggregation: AggregationArg,
    /// Transformer: most sub-tokens per window, special tokens included (0: the model's
    /// maximum, usually 512).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub window: usize,
    /// Transformer: overlap between consecutive windows, in sub-tokens.
    #[arg(long, value_name = "N", default_value_t = 128)]
    pub stride: usize,
    /// Transformer: windows per forward pass.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub batch_size: usize,
    /// Transformer: cpu, cuda or cuda:N (cuda needs a build with --features cuda).
    #[arg(long, default_value = "cpu")]
    pub device: String,
}

impl TransformerArgs {
    /// The options for the checkpoint in `dir`.
    pub fn options(&self, dir: impl Into<PathBuf>) -> TransformerOptions {
        TransformerOptions {
            dir: dir.into(),
            aggregation: self.aggregation.into(),
            window: self.window,
            stride: self.stride,
            batch_size: self.batch_size.max(1),
            device: self.device.clone(),
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
        ner: NerArgs,
    }

    #[test]
    fn defaults_match_the_library() {
        let p = Probe::try_parse_from(["probe"]).unwrap();
        assert_eq!(p.ner.options(), NerOptions::default());
    }

    #[test]
    fn value_names_match_the_library() {
        for k in NerKind::value_variants() {
            let name = k.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(name.parse::<NerBackend>(), Ok(NerBackend::from(*k)));
        }
        for a in AggregationArg::value_variants() {
            let name = a.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(name.parse::<Aggregation>(), Ok(Aggregation::from(*a)));
        }
    }

    #[test]
    fn transformer_flags_convert() {
        let p = Probe::try_parse_from([
            "probe",
            "--ner",
            "transformer",
            "--ner-model",
            "ck",
            "--aggregation",
            "max",
            "--batch-size",
            "0",
        ])
        .unwrap();
        let t = p.ner.options().transformer_options().unwrap().unwrap();
        assert_eq!(t.dir, PathBuf::from("ck"));
        assert_eq!(t.aggregation, Aggregation::Max);
        assert_eq!(t.batch_size, 1);
    }
}
