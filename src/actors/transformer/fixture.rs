//! Tiny randomly initialised checkpoints, written the way Hugging Face writes them
//! (`config.json`, `model.safetensors`, `tokenizer.json`), for tests and for trying the
//! backend without a model hub. Their labels are noise unless `constant_label` is set.

use super::Arch;
use candle_core::{DType, Device, Tensor};
use candle_nn::{VarBuilder, VarMap};
use candle_transformers::models::{bert, distilbert, xlm_roberta};
use serde_json::json;
use std::path::Path;

/// Errors writing a fixture.
pub type FixtureError = Box<dyn std::error::Error + Send + Sync>;

/// Network dimensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    /// Hidden size.
    pub hidden: usize,
    /// Encoder layers.
    pub layers: usize,
    /// Attention heads.
    pub heads: usize,
    /// Feed-forward size.
    pub intermediate: usize,
}

impl Size {
    /// A few thousand parameters: for tests.
    pub const TINY: Size = Size {
        hidden: 32,
        layers: 2,
        heads: 4,
        intermediate: 64,
    };
    /// The size of BERT-base and CamemBERT-base (12 layers of 768): for speed measurements.
    pub const BASE: Size = Size {
        hidden: 768,
        layers: 12,
        heads: 12,
        intermediate: 3072,
    };
}

/// What to build.
#[derive(Clone, Debug)]
pub struct TinySpec<'a> {
    /// The network family (`model_type` bert, camembert or distilbert).
    pub arch: Arch,
    /// `id2label`, by class index.
    pub labels: &'a [&'a str],
    /// Most sub-tokens per sequence, special tokens included.
    pub max_len: usize,
    /// Make the classifier always answer this class (weights zero, bias one-hot).
    pub constant_label: Option<usize>,
    /// The network's dimensions.
    pub size: Size,
}

/// The special tokens (the same ids in both vocabularies).
const SPECIALS: [&str; 7] = ["<s>", "<pad>", "</s>", "[UNK]", "[CLS]", "[SEP]", "[PAD]"];
/// Whole words and word parts, written with `##` for a continuation.
const WORDS: [&str; 12] = [
    "Jean", "Paris", "Mac", "##ron", "le", "la", "de", "Le", "La", "Pierre", "euros", "France",
];

/// The pieces by id: specials, whole words, then every letter, digit and punctuation mark of
/// French news as a word start and as a continuation. WordPiece marks continuations with
/// `##`; SentencePiece (`sentencepiece`) marks word starts with `▁` instead.
fn pieces(sentencepiece: bool) -> Vec<String> {
    let chars = ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .chain("àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÖÙÛÜŒÆ".chars())
        .chain(".,;:!?'’«»\"()-–—%€$/".chars());
    let piece = |w: &str| match (sentencepiece, w.strip_prefix("##")) {
        (false, _) => w.to_string(),
        (true, Some(cont)) => cont.to_string(),
        (true, None) => format!("▁{w}"),
    };
    let mut out: Vec<String> = SPECIALS.iter().map(|s| s.to_string()).collect();
    out.extend(WORDS.iter().map(|w| piece(w)));
    if sentencepiece {
        out.push("▁".into());
    }
    for c in chars {
        out.push(piece(&c.to_string()));
        out.push(piece(&format!("##{c}")));
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.clone()));
    out
}

/// A `tokenizer.json` as the `tokenizers` library writes it: WordPiece with the BERT
/// pre-tokenizer (BERT, DistilBERT), or a SentencePiece unigram model with the `▁` metaspace
/// (CamemBERT, XLM-R). Returns the JSON and the vocabulary size.
fn tokenizer_json(sentencepiece: bool) -> (serde_json::Value, usize) {
    let pieces = pieces(sentencepiece);
    let added: Vec<_> = SPECIALS
        .iter()
        .enumerate()
        .map(|(id, t)| {
            json!({"id": id, "content": t, "single_word": false, "lstrip": false,
                   "rstrip": false, "normalized": false, "special": true})
        })
        .collect();
    let (pre, model) = if sentencepiece {
        let vocab: Vec<_> = pieces
            .iter()
            .enumerate()
            .map(|(i, p)| {
                // Longer pieces score better, so whole words win over letters.
                let score = if i < SPECIALS.len() {
                    0.0
                } else {
                    -10.0 / p.chars().count() as f64
                };
                json!([p, score])
            })
            .collect();
        (
            json!({"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true}),
            json!({"type": "Unigram", "unk_id": 3, "vocab": vocab, "byte_fallback": false}),
        )
    } else {
        let vocab: serde_json::Map<String, serde_json::Value> = pieces
            .iter()
            .enumerate()
            .map(|(i, p)| (p.clone(), json!(i)))
            .collect();
        (
            json!({"type": "BertPreTokenizer"}),
            json!({"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                   "max_input_chars_per_word": 100, "vocab": vocab}),
        )
    };
    let n = pieces.len();
    (
        json!({
            "version": "1.0", "truncation": null, "padding": null, "added_tokens": added,
            "normalizer": null, "pre_tokenizer": pre, "post_processor": null, "decoder": null,
            "model": model,
        }),
        n,
    )
}

/// Write a tiny checkpoint to `dir` (created if needed).
pub fn write_tiny(dir: &Path, spec: &TinySpec) -> Result<(), FixtureError> {
    std::fs::create_dir_all(dir)?;
    let (tokenizer, vocab_size) = tokenizer_json(spec.arch == Arch::Roberta);
    let tok_path = dir.join("tokenizer.json");
    std::fs::write(&tok_path, serde_json::to_string(&tokenizer)?)?;
    tokenizers::Tokenizer::from_file(&tok_path)?;

    let Size {
        hidden,
        layers,
        heads,
        intermediate: inter,
    } = spec.size;
    let id2label: serde_json::Map<String, serde_json::Value> = spec
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| (i.to_string(), json!(l)))
        .collect();
    let common = json!({
        "vocab_size": vocab_size,
        "id2label": id2label,
        "initializer_range": 0.02,
    });
    let mut config = match spec.arch {
        Arch::Bert => json!({
            "model_type": "bert",
            "architectures": ["BertForTokenClassification"],
            "hidden_size": hidden, "num_hidden_layers": layers, "num_attention_heads": heads,
            "intermediate_size": inter, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1, "max_position_embeddings": spec.max_len,
            "type_vocab_size": 2, "layer_norm_eps": 1e-12, "pad_token_id": 6,
        }),
        Arch::Roberta => json!({
            "model_type": "camembert",
            "architectures": ["CamembertForTokenClassification"],
            "hidden_size": hidden, "num_hidden_layers": layers, "num_attention_heads": heads,
            "intermediate_size": inter, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1, "max_position_embeddings": spec.max_len + 2,
            "type_vocab_size": 1, "layer_norm_eps": 1e-5, "pad_token_id": 1,
            "position_embedding_type": "absolute",
        }),
        Arch::DistilBert => json!({
            "model_type": "distilbert",
            "architectures": ["DistilBertForTokenClassification"],
            "dim": hidden, "n_layers": layers, "n_heads": heads, "hidden_dim": inter,
            "activation": "gelu", "max_position_embeddings": spec.max_len, "pad_token_id": 6,
        }),
    };
    if let (Some(c), Some(m)) = (config.as_object_mut(), common.as_object()) {
        c.extend(m.clone());
    }

    let varmap = VarMap::new();
    let vb = VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu);
    match spec.arch {
        Arch::Bert => {
            let c: bert::Config = serde_json::from_value(config.clone())?;
            bert::BertModel::load(vb.pp("bert"), &c)?;
        }
        Arch::Roberta => {
            let c: xlm_roberta::Config = serde_json::from_value(config.clone())?;
            xlm_roberta::XLMRobertaModel::new(&c, vb.pp("roberta"))?;
        }
        Arch::DistilBert => {
            let c: distilbert::Config = serde_json::from_value(config.clone())?;
            distilbert::DistilBertModel::load(vb.pp("distilbert"), &c)?;
        }
    }
    let n = spec.labels.len();
    candle_nn::linear(hidden, n, vb.pp("classifier"))?;
    if let Some(k) = spec.constant_label {
        let data = varmap.data().lock().map_err(|e| e.to_string())?;
        if let Some(w) = data.get("classifier.weight") {
            w.set(&Tensor::zeros((n, hidden), DType::F32, &Device::Cpu)?)?;
        }
        if let Some(b) = data.get("classifier.bias") {
            let bias: Vec<f32> = (0..n).map(|i| if i == k { 10.0 } else { 0.0 }).collect();
            b.set(&Tensor::from_vec(bias, n, &Device::Cpu)?)?;
        }
    }
    varmap.save(dir.join("model.safetensors"))?;
    std::fs::write(
        dir.join("config.json"),
        serde_json::to_string_pretty(&config)?,
    )?;
    Ok(())
}
