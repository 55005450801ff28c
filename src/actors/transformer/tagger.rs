//! Running a checkpoint over documents: tokenize, window, batch, aggregate, tag.

use super::{aggregate, window, Checkpoint, TransformerError, TransformerOptions};
use crate::actors::tags::to_iob2;
use candle_core::Device;
use std::ops::Range;

/// Parse a device name: `cpu`, `cuda`, `cuda:N`.
pub fn device(spec: &str) -> Result<Device, TransformerError> {
    let spec = spec.trim().to_ascii_lowercase();
    if spec == "cpu" {
        return Ok(Device::Cpu);
    }
    let ordinal = match spec.strip_prefix("cuda") {
        Some("") => 0,
        Some(n) => n
            .strip_prefix(':')
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| {
                TransformerError::Device(format!("{spec:?}: expected cpu, cuda or cuda:N"))
            })?,
        None => {
            return Err(TransformerError::Device(format!(
                "{spec:?}: expected cpu, cuda or cuda:N"
            )))
        }
    };
    cuda_device(ordinal)
}

#[cfg(feature = "cuda")]
fn cuda_device(ordinal: usize) -> Result<Device, TransformerError> {
    Device::new_cuda(ordinal).map_err(|e| TransformerError::Device(format!("cuda:{ordinal}: {e}")))
}

#[cfg(not(feature = "cuda"))]
fn cuda_device(ordinal: usize) -> Result<Device, TransformerError> {
    Err(TransformerError::Device(format!(
        "cuda:{ordinal}: this depeche was built without the `cuda` feature (cargo build --release --features cuda)"
    )))
}

/// A loaded transformer tagger. Thread-safe: articles may be tagged from many threads.
#[derive(Debug)]
pub struct TransformerNer {
    ckpt: Checkpoint,
    options: TransformerOptions,
    outside: usize,
}

/// What one article costs the transformer: sub-tokens and windows run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Sub-tokens of the article.
    pub pieces: usize,
    /// Windows run through the network.
    pub windows: usize,
}

impl TransformerNer {
    /// Load a checkpoint.
    pub fn load(options: &TransformerOptions) -> Result<Self, TransformerError> {
        let dev = device(&options.device)?;
        let ckpt = Checkpoint::load(&options.dir, &dev)?;
        let outside = ckpt.labels.iter().position(|l| l == "O").unwrap_or(0);
        Ok(TransformerNer {
            ckpt,
            options: options.clone(),
            outside,
        })
    }

    /// The checkpoint.
    pub fn checkpoint(&self) -> &Checkpoint {
        &self.ckpt
    }

    /// The options it was loaded with.
    pub fn options(&self) -> &TransformerOptions {
        &self.options
    }

    /// Content sub-tokens per window (special tokens excluded).
    fn window_len(&self) -> usize {
        let max = self.ckpt.max_len;
        let w = if self.options.window == 0 {
            max
        } else {
            self.options.window.min(max)
        };
        w.saturating_sub(2).max(1)
    }

    /// IOB2 tags (see [`crate::actors::tags::TAGS`]) for the `words` of `text` (byte ranges,
    /// sorted, not overlapping), given `sentences` as ranges of word indices covering all
    /// words in order. Entity types outside PER/ORG/LOC/MISC (dates, times) become `O`.
    pub fn tag_words(
        &self,
        text: &str,
        words: &[Range<usize>],
        sentences: &[Range<usize>],
    ) -> Result<(Vec<u8>, RunStats), TransformerError> {
        let enc = self
            .ckpt
            .tokenizer
            .encode(text, false)
            .map_err(|e| TransformerError::Tokenize(e.to_string()))?;
        let ids = enc.get_ids();
        let pieces: Vec<Range<usize>> = enc.get_offsets().iter().map(|&(s, e)| s..e).collect();
        let n = ids.len();
        let labels = self.ckpt.labels.len();
        // Sentence starts, in sub-token indices.
        let bounds: Vec<usize> = sentences
            .iter()
            .skip(1)
            .filter_map(|s| words.get(s.start))
            .map(|w| pieces.partition_point(|p| p.start < w.start))
            .collect();
        let wins = window::windows(n, &bounds, self.window_len(), self.options.stride);
        let owner = window::owner(n, &wins);
        let mut probs = vec![0f32; n * labels];
        for (b, batch) in wins.chunks(self.options.batch_size.max(1)).enumerate() {
            let seqs: Vec<Vec<u32>> = batch
                .iter()
                .map(|w| {
                    let mut s = Vec::with_capacity(w.len() + 2);
                    s.push(self.ckpt.cls_id);
                    s.extend_from_slice(&ids[w.clone()]);
                    s.push(self.ckpt.sep_id);
                    s
                })
                .collect();
            let logits = self.ckpt.logits(&seqs)?;
            for (k, (w, l)) in batch.iter().zip(&logits).enumerate() {
                let win = b * self.options.batch_size.max(1) + k;
                for i in w.clone().filter(|&i| owner[i] == win) {
                    let row = (i - w.start + 1) * labels;
                    probs[i * labels..(i + 1) * labels].copy_from_slice(&l[row..row + labels]);
                }
            }
        }
        aggregate::softmax_rows(&mut probs, labels);
        let word_label = aggregate::word_labels(
            words,
            &pieces,
            &probs,
            labels,
            self.options.aggregation,
            self.outside,
        );
        let mut tags = Vec::with_capacity(words.len());
        let mut names: Vec<&str> = Vec::new();
        for s in sentences {
            names.clear();
            names.extend(
                word_label[s.clone()]
                    .iter()
                    .map(|&l| self.ckpt.labels[l].as_str()),
            );
            tags.extend(to_iob2(&names));
        }
        tags.resize(words.len(), 0);
        Ok((
            tags,
            RunStats {
                pieces: n,
                windows: wins.len(),
            },
        ))
    }

    /// IOB2 tags for the tokens of a document, with the run's cost.
    pub fn tag_document(
        &self,
        doc: &crate::text::Document,
    ) -> Result<(Vec<u8>, RunStats), TransformerError> {
        let words: Vec<Range<usize>> = doc
            .tokens
            .iter()
            .map(|t| t.start as usize..t.end as usize)
            .collect();
        let sentences: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.tokens()).collect();
        self.tag_words(doc.text, &words, &sentences)
    }
}
