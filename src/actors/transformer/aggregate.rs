//! From sub-token label scores to one label per word.
//!
//! A transformer tokenizer cuts words into pieces ("Macron" -> "Mac", "ron"); depeche's
//! extractors work on the words of its own tokenizer. Each word gets the label of the pieces
//! that overlap it (by byte offsets into the original text), by one of three rules, the same
//! as Hugging Face's `aggregation_strategy`.

use std::ops::Range;

/// How the pieces of one word decide its label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Aggregation {
    /// The first piece's best label.
    #[default]
    First,
    /// The best label of the pieces' average probabilities.
    Average,
    /// The best label of the single most confident piece.
    Max,
}

impl Aggregation {
    /// Every rule, in the order the command line lists them.
    pub const ALL: [Aggregation; 3] = [Aggregation::First, Aggregation::Average, Aggregation::Max];

    /// The rule's name: `first`, `average` or `max` (as in `--aggregation`).
    pub fn name(self) -> &'static str {
        match self {
            Aggregation::First => "first",
            Aggregation::Average => "average",
            Aggregation::Max => "max",
        }
    }
}

impl std::str::FromStr for Aggregation {
    type Err = crate::actors::UnknownName;

    /// Parse `first`, `average` or `max` (ASCII case-insensitive).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Aggregation::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| crate::actors::UnknownName {
                what: "aggregation",
                name: s.to_string(),
                expected: Aggregation::ALL.map(Aggregation::name).join(", "),
            })
    }
}

impl std::fmt::Display for Aggregation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The label index of each word. `words` and `pieces` are byte ranges in the same text,
/// each sorted by start; `probs` holds `labels` probabilities per piece (row-major). A piece
/// belongs to every word it overlaps (empty and white-space pieces overlap none); a word with
/// no piece gets `outside` (the index of the `O` label).
pub fn word_labels(
    words: &[Range<usize>],
    pieces: &[Range<usize>],
    probs: &[f32],
    labels: usize,
    how: Aggregation,
    outside: usize,
) -> Vec<usize> {
    debug_assert_eq!(probs.len(), pieces.len() * labels);
    let row = |j: usize| &probs[j * labels..(j + 1) * labels];
    let mut out = Vec::with_capacity(words.len());
    let mut avg = vec![0f32; labels];
    let mut first_piece = 0;
    for w in words {
        // Skip pieces that end before this word; they cannot overlap later words either.
        while first_piece < pieces.len() && pieces[first_piece].end <= w.start {
            first_piece += 1;
        }
        let overlapping = pieces[first_piece..]
            .iter()
            .enumerate()
            .take_while(|(_, p)| p.start < w.end)
            .filter(|(_, p)| p.end > w.start && p.end > p.start)
            .map(|(k, _)| first_piece + k);
        let label = match how {
            Aggregation::First => overlapping.take(1).map(|j| argmax(row(j)).0).next(),
            Aggregation::Max => overlapping
                .map(|j| argmax(row(j)))
                .fold(None, |best: Option<(usize, f32)>, c| match best {
                    Some(b) if b.1 >= c.1 => Some(b),
                    _ => Some(c),
                })
                .map(|b| b.0),
            Aggregation::Average => {
                avg.iter_mut().for_each(|x| *x = 0.0);
                let mut n = 0;
                for j in overlapping {
                    for (a, p) in avg.iter_mut().zip(row(j)) {
                        *a += p;
                    }
                    n += 1;
                }
                (n > 0).then(|| argmax(&avg).0)
            }
        };
        out.push(label.unwrap_or(outside));
    }
    out
}

/// Softmax over each row of `labels` logits, in place.
pub fn softmax_rows(logits: &mut [f32], labels: usize) {
    for row in logits.chunks_mut(labels.max(1)) {
        let m = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mut sum = 0.0;
        for x in row.iter_mut() {
            *x = (*x - m).exp();
            sum += *x;
        }
        if sum > 0.0 {
            row.iter_mut().for_each(|x| *x /= sum);
        }
    }
}

/// The index and value of the largest element (the first on ties).
fn argmax(xs: &[f32]) -> (usize, f32) {
    xs.iter().copied().enumerate().fold(
        (0, f32::NEG_INFINITY),
        |b, (i, x)| if x > b.1 { (i, x) } else { b },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // Labels: 0 = O, 1 = B-PER, 2 = I-PER.
    fn probs(rows: &[[f32; 3]]) -> Vec<f32> {
        rows.iter().flatten().copied().collect()
    }

    #[test]
    fn first_average_max_differ_as_documented() {
        // One word "Macron" (0..6) in three pieces.
        let words = std::slice::from_ref(&(0..6));
        let pieces = [0..3, 3..5, 5..6];
        let p = probs(&[[0.5, 0.4, 0.1], [0.1, 0.8, 0.1], [0.1, 0.45, 0.45]]);
        assert_eq!(
            word_labels(words, &pieces, &p, 3, Aggregation::First, 0),
            [0]
        );
        assert_eq!(
            word_labels(words, &pieces, &p, 3, Aggregation::Average, 0),
            [1]
        );
        assert_eq!(word_labels(words, &pieces, &p, 3, Aggregation::Max, 0), [1]);
        let p = probs(&[[0.9, 0.05, 0.05], [0.2, 0.5, 0.3], [0.2, 0.5, 0.3]]);
        assert_eq!(
            word_labels(words, &pieces, &p, 3, Aggregation::Average, 0),
            [0]
        );
        assert_eq!(word_labels(words, &pieces, &p, 3, Aggregation::Max, 0), [0]);
    }

    #[test]
    fn pieces_map_to_words_by_overlap() {
        // "l’Élysée a" : words l’ (0..4), Élysée (4..11), a (12..13); one piece spans the
        // apostrophe and the next word's first letter, a white-space piece and an empty one.
        let words = [0..4, 4..11, 12..13];
        let pieces = [0..1, 1..6, 6..11, 11..12, 12..12, 12..13];
        let p = probs(&[
            [1.0, 0.0, 0.0],
            [0.0, 1.0, 0.0],
            [0.0, 0.0, 1.0],
            [0.0, 1.0, 0.0],
            [0.0, 1.0, 0.0],
            [1.0, 0.0, 0.0],
        ]);
        // First: l’ -> piece 0 (O); Élysée -> piece 1 (B-PER); a -> piece 5 (the empty piece
        // overlaps nothing).
        assert_eq!(
            word_labels(&words, &pieces, &p, 3, Aggregation::First, 0),
            [0, 1, 0]
        );
        // A word without pieces is O.
        assert_eq!(
            word_labels(&[4..11, 20..25], &pieces, &p, 3, Aggregation::First, 0),
            [1, 0]
        );
    }

    #[test]
    fn softmax_is_a_distribution() {
        let mut l = vec![1.0, 2.0, 3.0, -1000.0, 0.0, 1000.0];
        softmax_rows(&mut l, 3);
        assert!((l[..3].iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(l[2] > l[1] && l[1] > l[0]);
        assert!((l[5] - 1.0).abs() < 1e-6 && l[3] == 0.0);
    }

    #[test]
    fn names_round_trip() {
        for a in Aggregation::ALL {
            assert_eq!(a.name().parse::<Aggregation>(), Ok(a));
        }
        assert_eq!("MAX".parse::<Aggregation>(), Ok(Aggregation::Max));
        assert!("mean".parse::<Aggregation>().is_err());
    }
}
