//! The transformer NER backend (cargo feature `transformer`): a Hugging Face
//! token-classification checkpoint (BERT, CamemBERT/RoBERTa/XLM-R, DistilBERT) run with
//! candle, pure Rust, on CPU or (feature `cuda`) GPU.
//!
//! An article is tokenized once by the checkpoint's own tokenizer (byte offsets into the
//! original text), cut into sentence-aware overlapping windows ([`window`]), run in batches,
//! and each sub-token is labelled by the window where it has most context. Sub-token labels
//! become labels of depeche's words ([`aggregate`]), then IOB2 tags per sentence, then the same
//! raw mentions the built-in model produces: canonical actors and positions run unchanged.

pub mod aggregate;
#[cfg(feature = "transformer")]
pub mod checkpoint;
#[cfg(feature = "transformer")]
pub mod fixture;
#[cfg(feature = "transformer")]
mod tagger;
pub mod window;

pub use aggregate::Aggregation;
#[cfg(feature = "transformer")]
pub use checkpoint::{Arch, Checkpoint};
#[cfg(feature = "transformer")]
pub use tagger::{device, RunStats, TransformerNer};

use std::path::PathBuf;

/// Errors loading or running a transformer checkpoint.
#[derive(Debug, thiserror::Error)]
pub enum TransformerError {
    /// The checkpoint path is not a directory.
    #[error("transformer checkpoint {0} is not a directory (expected config.json, model.safetensors and tokenizer.json)")]
    NotADirectory(String),
    /// A file of the checkpoint is missing.
    #[error("transformer checkpoint {dir} has no {file} (expected config.json, model.safetensors and tokenizer.json)")]
    Missing {
        /// The directory.
        dir: String,
        /// The missing file.
        file: String,
    },
    /// The checkpoint cannot be used.
    #[error("transformer checkpoint {dir} cannot be used: {reason}")]
    Incompatible {
        /// The directory.
        dir: String,
        /// Why.
        reason: String,
    },
    /// The device cannot be used.
    #[error("device {0}")]
    Device(String),
    /// Tokenizing an article failed.
    #[error("tokenizer: {0}")]
    Tokenize(String),
    /// Running the network failed (for example, out of GPU memory).
    #[cfg(feature = "transformer")]
    #[error("transformer: {0}")]
    Run(#[from] candle_core::Error),
}

/// How to load and run a transformer checkpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct TransformerOptions {
    /// The checkpoint directory.
    pub dir: PathBuf,
    /// How sub-token labels become word labels.
    pub aggregation: Aggregation,
    /// Most sub-tokens per window, special tokens included (0: the checkpoint's maximum).
    pub window: usize,
    /// Overlap between consecutive windows, in sub-tokens.
    pub stride: usize,
    /// Windows run together in one forward pass.
    pub batch_size: usize,
    /// `cpu`, `cuda` or `cuda:N`.
    pub device: String,
}

impl TransformerOptions {
    /// Defaults for the checkpoint in `dir`: first-piece aggregation, windows of the model's
    /// maximum length with 128 sub-tokens of overlap, batches of 8, CPU.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        TransformerOptions {
            dir: dir.into(),
            aggregation: Aggregation::First,
            window: 0,
            stride: 128,
            batch_size: 8,
            device: "cpu".into(),
        }
    }
}
