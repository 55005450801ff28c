//! A Hugging Face token-classification checkpoint on candle: `config.json` (architecture,
//! `id2label`), `model.safetensors` (weights), `tokenizer.json` (the fast tokenizer).
//!
//! Supported architectures: BERT, RoBERTa and its French and multilingual variants
//! (CamemBERT, XLM-RoBERTa: the same network) and DistilBERT, each with the `classifier`
//! linear head of `*ForTokenClassification`.

use super::TransformerError;
use candle_core::{DType, Device, Module, Tensor};
use candle_nn::{Linear, VarBuilder};
use candle_transformers::models::{bert, distilbert, xlm_roberta};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The network family of a checkpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arch {
    /// BERT (`model_type` "bert").
    Bert,
    /// RoBERTa, CamemBERT, XLM-RoBERTa.
    Roberta,
    /// DistilBERT.
    DistilBert,
}

impl Arch {
    /// The architecture of a `config.json`, from `model_type` or else `architectures`.
    pub fn of(config: &Value) -> Option<Arch> {
        let by_name = |s: &str| {
            let s = s.to_ascii_lowercase();
            if s.starts_with("distilbert") {
                Some(Arch::DistilBert)
            } else if s.starts_with("camembert")
                || s.starts_with("roberta")
                || s.starts_with("xlm-roberta")
                || s.starts_with("xlmroberta")
                || s.starts_with("xlm_roberta")
            {
                Some(Arch::Roberta)
            } else if s.starts_with("bert") {
                Some(Arch::Bert)
            } else {
                None
            }
        };
        if let Some(t) = config.get("model_type").and_then(Value::as_str) {
            return by_name(t);
        }
        config
            .get("architectures")
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .and_then(Value::as_str)
            .and_then(by_name)
    }

    /// The weight-name prefix of the encoder in a `*ForTokenClassification` checkpoint.
    fn prefix(self) -> &'static str {
        match self {
            Arch::Bert => "bert",
            Arch::Roberta => "roberta",
            Arch::DistilBert => "distilbert",
        }
    }

    /// The tokens that open and close a sequence.
    fn specials(self) -> [&'static str; 2] {
        match self {
            Arch::Bert | Arch::DistilBert => ["[CLS]", "[SEP]"],
            Arch::Roberta => ["<s>", "</s>"],
        }
    }
}

enum Encoder {
    Bert(bert::BertModel),
    Roberta(xlm_roberta::XLMRobertaModel),
    DistilBert(distilbert::DistilBertModel),
}

/// A loaded checkpoint: network, classifier head, labels and tokenizer.
pub struct Checkpoint {
    /// The network family.
    pub arch: Arch,
    /// Labels by class index, from `id2label`.
    pub labels: Vec<String>,
    /// The most sub-tokens one sequence may hold, special tokens included.
    pub max_len: usize,
    /// Ids of the padding, opening and closing tokens.
    pub pad_id: u32,
    /// Id of the opening token (`[CLS]`, `<s>`).
    pub cls_id: u32,
    /// Id of the closing token (`[SEP]`, `</s>`).
    pub sep_id: u32,
    /// The fast tokenizer, without truncation or padding.
    pub tokenizer: tokenizers::Tokenizer,
    /// Where the network runs.
    pub device: Device,
    encoder: Encoder,
    classifier: Linear,
}

impl std::fmt::Debug for Checkpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checkpoint")
            .field("arch", &self.arch)
            .field("labels", &self.labels)
            .field("max_len", &self.max_len)
            .field("device", &self.device)
            .finish_non_exhaustive()
    }
}

/// The defaults of Hugging Face's configuration classes for the fields candle requires, so
/// that a minimal `config.json` loads.
fn fill_defaults(arch: Arch, config: &mut Value) {
    let hidden = config
        .get("hidden_size")
        .and_then(Value::as_u64)
        .unwrap_or(768);
    let defaults: Vec<(&str, Value)> = match arch {
        Arch::Bert => vec![
            ("hidden_act", "gelu".into()),
            ("intermediate_size", (4 * hidden).into()),
            ("hidden_dropout_prob", 0.1.into()),
            ("max_position_embeddings", 512.into()),
            ("type_vocab_size", 2.into()),
            ("initializer_range", 0.02.into()),
            ("layer_norm_eps", 1e-12.into()),
            ("pad_token_id", 0.into()),
        ],
        Arch::Roberta => vec![
            ("hidden_act", "gelu".into()),
            ("intermediate_size", (4 * hidden).into()),
            ("hidden_dropout_prob", 0.1.into()),
            ("attention_probs_dropout_prob", 0.1.into()),
            ("max_position_embeddings", 514.into()),
            ("type_vocab_size", 1.into()),
            ("layer_norm_eps", 1e-5.into()),
            ("pad_token_id", 1.into()),
            ("position_embedding_type", "absolute".into()),
        ],
        Arch::DistilBert => vec![
            ("activation", "gelu".into()),
            ("max_position_embeddings", 512.into()),
            ("initializer_range", 0.02.into()),
            ("pad_token_id", 0.into()),
        ],
    };
    if let Some(obj) = config.as_object_mut() {
        for (k, v) in defaults {
            obj.entry(k).or_insert(v);
        }
        // candle knows only absolute position embeddings.
        if arch == Arch::Bert {
            obj.remove("position_embedding_type");
        }
    }
}

/// The labels of `id2label`, by class index.
fn labels_of(config: &Value) -> Result<Vec<String>, String> {
    let map = config
        .get("id2label")
        .and_then(Value::as_object)
        .ok_or("config.json has no id2label: not a token-classification checkpoint")?;
    let mut labels = vec![None; map.len()];
    for (k, v) in map {
        let i: usize = k
            .parse()
            .map_err(|_| format!("id2label key {k:?} is not a class index"))?;
        let slot = labels
            .get_mut(i)
            .ok_or_else(|| format!("id2label indices are not 0..{}", map.len()))?;
        *slot = Some(
            v.as_str()
                .ok_or_else(|| format!("id2label[{k}] is not a string"))?
                .to_string(),
        );
    }
    let labels: Vec<String> = labels.into_iter().map(Option::unwrap_or_default).collect();
    if !labels.iter().any(|l| l == "O") {
        return Err(format!(
            "id2label {labels:?} has no \"O\" label: expected IOB, IOB2 or BIOES entity labels"
        ));
    }
    Ok(labels)
}

fn read(dir: &Path, name: &str) -> Result<PathBuf, TransformerError> {
    let p = dir.join(name);
    if p.is_file() {
        Ok(p)
    } else {
        Err(TransformerError::Missing {
            dir: dir.display().to_string(),
            file: name.to_string(),
        })
    }
}

impl Checkpoint {
    /// Load the checkpoint in `dir` onto `device`.
    pub fn load(dir: &Path, device: &Device) -> Result<Checkpoint, TransformerError> {
        let bad = |reason: String| TransformerError::Incompatible {
            dir: dir.display().to_string(),
            reason,
        };
        if !dir.is_dir() {
            return Err(TransformerError::NotADirectory(dir.display().to_string()));
        }
        let config_path = read(dir, "config.json")?;
        let weights_path = read(dir, "model.safetensors")?;
        let tokenizer_path = read(dir, "tokenizer.json")?;
        let config_text = std::fs::read_to_string(&config_path).map_err(|e| bad(e.to_string()))?;
        let mut config: Value = serde_json::from_str(&config_text)
            .map_err(|e| bad(format!("config.json is not JSON: {e}")))?;
        let arch = Arch::of(&config).ok_or_else(|| {
            bad(format!(
                "unsupported model_type {}: depeche runs bert, roberta, camembert, xlm-roberta and distilbert",
                config.get("model_type").unwrap_or(&Value::Null)
            ))
        })?;
        let labels = labels_of(&config).map_err(bad)?;
        fill_defaults(arch, &mut config);
        let get = |k: &str| config.get(k).and_then(Value::as_u64).unwrap_or(0) as usize;
        let pad_id = get("pad_token_id") as u32;
        let max_pos = get("max_position_embeddings");
        let max_len = match arch {
            // RoBERTa numbers positions from pad_token_id + 1.
            Arch::Roberta => max_pos.saturating_sub(pad_id as usize + 1),
            _ => max_pos,
        };
        if max_len < 3 {
            return Err(bad(format!(
                "max_position_embeddings {max_pos} leaves no room for text"
            )));
        }

        let mut tokenizer = tokenizers::Tokenizer::from_file(&tokenizer_path)
            .map_err(|e| bad(format!("tokenizer.json: {e}")))?;
        tokenizer
            .with_truncation(None)
            .map_err(|e| bad(format!("tokenizer.json: {e}")))?;
        tokenizer.with_padding(None);
        let [cls, sep] = arch.specials();
        let special = |t: &str| {
            tokenizer
                .token_to_id(t)
                .ok_or_else(|| bad(format!("tokenizer.json has no {t} token")))
        };
        let (cls_id, sep_id) = (special(cls)?, special(sep)?);

        let weights = std::fs::read(&weights_path).map_err(|e| bad(e.to_string()))?;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, device)
            .map_err(|e| bad(format!("model.safetensors: {e}")))?;
        let prefix = arch.prefix();
        let enc_vb = if vb.contains_tensor(&format!("{prefix}.embeddings.word_embeddings.weight")) {
            vb.pp(prefix)
        } else {
            vb.clone()
        };
        let weight_err = |e: candle_core::Error| {
            bad(format!(
                "model.safetensors does not match config.json ({:?}): {e}",
                arch
            ))
        };
        let config_err = |e: serde_json::Error| {
            bad(format!(
                "config.json does not match model_type {arch:?}: {e}"
            ))
        };
        let (encoder, hidden) = match arch {
            Arch::Bert => {
                let c: bert::Config = serde_json::from_value(config).map_err(config_err)?;
                let m = bert::BertModel::load(enc_vb, &c).map_err(weight_err)?;
                (Encoder::Bert(m), c.hidden_size)
            }
            Arch::Roberta => {
                let c: xlm_roberta::Config = serde_json::from_value(config).map_err(config_err)?;
                let m = xlm_roberta::XLMRobertaModel::new(&c, enc_vb).map_err(weight_err)?;
                (Encoder::Roberta(m), c.hidden_size)
            }
            Arch::DistilBert => {
                let c: distilbert::Config = serde_json::from_value(config).map_err(config_err)?;
                let m = distilbert::DistilBertModel::load(enc_vb, &c).map_err(weight_err)?;
                (Encoder::DistilBert(m), c.dim)
            }
        };
        let classifier = candle_nn::linear(hidden, labels.len(), vb.pp("classifier"))
            .map_err(|e| bad(format!("no token-classification head `classifier`: {e}")))?;
        Ok(Checkpoint {
            arch,
            labels,
            max_len,
            pad_id,
            cls_id,
            sep_id,
            tokenizer,
            device: device.clone(),
            encoder,
            classifier,
        })
    }

    /// Label logits for a batch of sequences (each already opened and closed by the special
    /// tokens): one `Vec` of `len × labels` logits per sequence.
    pub fn logits(&self, seqs: &[Vec<u32>]) -> candle_core::Result<Vec<Vec<f32>>> {
        let width = seqs.iter().map(Vec::len).max().unwrap_or(0);
        if width == 0 {
            return Ok(vec![Vec::new(); seqs.len()]);
        }
        let b = seqs.len();
        let mut ids = Vec::with_capacity(b * width);
        let mut mask = Vec::with_capacity(b * width);
        for s in seqs {
            ids.extend_from_slice(s);
            ids.extend(std::iter::repeat_n(self.pad_id, width - s.len()));
            mask.extend(std::iter::repeat_n(1u32, s.len()));
            mask.extend(std::iter::repeat_n(0u32, width - s.len()));
        }
        let dev = &self.device;
        let ids = Tensor::from_vec(ids, (b, width), dev)?;
        let mask = Tensor::from_vec(mask, (b, width), dev)?;
        let hidden = match &self.encoder {
            Encoder::Bert(m) => m.forward(&ids, &ids.zeros_like()?, Some(&mask))?,
            Encoder::Roberta(m) => m.forward(&ids, &mask, &ids.zeros_like()?, None, None, None)?,
            Encoder::DistilBert(m) => {
                // DistilBERT's mask marks the positions to hide.
                let hide = mask.eq(0u32)?.reshape((b, 1, 1, width))?;
                m.forward(&ids, &hide)?
            }
        };
        let logits = self.classifier.forward(&hidden)?.to_dtype(DType::F32)?;
        let rows = logits.to_vec3::<f32>()?;
        Ok(rows
            .into_iter()
            .zip(seqs)
            .map(|(r, s)| r.into_iter().take(s.len()).flatten().collect())
            .collect())
    }
}
