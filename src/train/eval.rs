//! Strict entity-level evaluation, counted the way seqeval does: an entity is right when its
//! type and its exact token span match a gold entity.

use super::corpus::Sentence;
use crate::actors::model::{Model, Scratch};
use crate::actors::tags::{spans, TYPES};
use std::collections::HashSet;

/// True/false positives and false negatives for one type (or all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and gold.
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores per type (in [`TYPES`] order) and micro-averaged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Per type.
    pub per_type: [Counts; 4],
    /// Gold entities per type (support).
    pub support: [usize; 4],
    /// Micro average over the evaluated types.
    pub micro: Counts,
}

impl Scores {
    /// Add one sentence's gold and predicted tags; types outside `types` (indices) are ignored.
    pub fn add(&mut self, gold: &[u8], pred: &[u8], types: &[usize]) {
        let g: HashSet<_> = spans(gold).filter(|s| types.contains(&s.2)).collect();
        let p: HashSet<_> = spans(pred).filter(|s| types.contains(&s.2)).collect();
        for s in &p {
            if g.contains(s) {
                self.per_type[s.2].tp += 1;
                self.micro.tp += 1;
            } else {
                self.per_type[s.2].fp += 1;
                self.micro.fp += 1;
            }
        }
        for s in &g {
            self.support[s.2] += 1;
            if !p.contains(s) {
                self.per_type[s.2].fn_ += 1;
                self.micro.fn_ += 1;
            }
        }
    }

    /// A seqeval-like report table.
    pub fn report(&self, types: &[usize]) -> String {
        let mut out = format!(
            "{:<8} {:>9} {:>9} {:>9} {:>8}\n",
            "type", "precision", "recall", "f1", "support"
        );
        for &t in types {
            let c = self.per_type[t];
            out += &format!(
                "{:<8} {:>9.4} {:>9.4} {:>9.4} {:>8}\n",
                TYPES[t].as_str(),
                c.precision(),
                c.recall(),
                c.f1(),
                self.support[t]
            );
        }
        let total: usize = types.iter().map(|&t| self.support[t]).sum();
        out += &format!(
            "{:<8} {:>9.4} {:>9.4} {:>9.4} {:>8}\n",
            "micro",
            self.micro.precision(),
            self.micro.recall(),
            self.micro.f1(),
            total
        );
        out
    }
}

/// Tag every sentence with `model` and score against the gold tags.
pub fn evaluate(model: &Model, data: &[&Sentence], types: &[usize]) -> Scores {
    let mut scores = Scores::default();
    let mut scratch = Scratch::default();
    let mut pred = Vec::new();
    for s in data {
        model.tag(s.tokens.iter().map(String::as_str), &mut scratch, &mut pred);
        crate::actors::repair(&scratch.infos, |i| s.tokens[i].as_str(), &mut pred);
        scores.add(&s.tags, &pred, types);
    }
    scores
}

/// Tag every sentence with a transformer checkpoint and score against the gold tags. The
/// tokens of each sentence are joined with spaces, 32 sentences to a text (one per line), and
/// the texts are tagged in parallel.
#[cfg(feature = "transformer")]
pub fn evaluate_transformer(
    ner: &crate::actors::transformer::TransformerNer,
    data: &[&Sentence],
    types: &[usize],
) -> Result<Scores, crate::actors::transformer::TransformerError> {
    use rayon::prelude::*;
    let preds: Vec<Vec<u8>> = data
        .par_chunks(32)
        .map(|chunk| {
            let mut text = String::new();
            let mut words = Vec::new();
            let mut sentences = Vec::new();
            for s in chunk {
                let first = words.len();
                for t in &s.tokens {
                    if words.len() > first {
                        text.push(' ');
                    }
                    words.push(text.len()..text.len() + t.len());
                    text.push_str(t);
                }
                sentences.push(first..words.len());
                text.push('\n');
            }
            ner.tag_words(&text, &words, &sentences)
                .map(|(tags, _)| tags)
        })
        .collect::<Result<_, _>>()?;
    let mut scores = Scores::default();
    let mut pred = preds.iter().flatten().copied();
    for s in data {
        let p: Vec<u8> = pred.by_ref().take(s.tags.len()).collect();
        scores.add(&s.tags, &p, types);
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_spans_count_like_seqeval() {
        let mut s = Scores::default();
        // Gold: PER(0..2), LOC(3..4). Pred: PER(0..1) (wrong boundary), LOC(3..4).
        s.add(&[1, 2, 0, 5], &[1, 0, 0, 5], &[0, 1, 2, 3]);
        assert_eq!(
            s.micro,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(s.per_type[2].tp, 1);
        assert!((s.micro.f1() - 0.5).abs() < 1e-9);
        // Ignored types do not count.
        let mut s = Scores::default();
        s.add(&[7, 0], &[0, 0], &[0, 1, 2]);
        assert_eq!(s.micro, Counts::default());
    }
}
