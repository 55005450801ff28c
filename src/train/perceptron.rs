//! Averaged structured perceptron over hashed features with Viterbi decoding.

use super::corpus::Sentence;
use crate::actors::features::{features, CaseStats, NUM_FEATURES};
use crate::actors::gazetteer::Gazetteer;
use crate::actors::model::{viterbi, Model};
use crate::actors::tags::{allowed, NT};

/// Training settings.
#[derive(Clone, Debug)]
pub struct PerceptronConfig {
    /// log2 of the number of feature buckets.
    pub bits: u32,
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Independent runs (shuffling seeds `seed`, `seed + 1`, ...) whose averaged weights are
    /// averaged again: a smaller variance from the order of the data (1 = one run).
    pub runs: usize,
}

/// A small deterministic RNG (xorshift64*).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// Seeded generator.
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    /// Next value.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Train a model on `data` (sentences may repeat to weight a corpus). `progress` is called
/// after each epoch with the epoch number and the training token error rate.
pub fn train(
    data: &[&Sentence],
    stats: &CaseStats,
    cfg: &PerceptronConfig,
    meta: String,
    mut progress: impl FnMut(usize, f64),
) -> Model {
    let gaz = Gazetteer::builtin();
    let shift = 64 - cfg.bits;
    // Feature buckets of every token, computed once.
    let mut offsets = Vec::with_capacity(data.len() + 1);
    let mut feats: Vec<u32> = Vec::new();
    let mut infos = Vec::new();
    let mut f = [0u64; NUM_FEATURES];
    offsets.push(0usize);
    for s in data {
        gaz.sentence_infos(s.tokens.iter().map(String::as_str), stats, &mut infos);
        for i in 0..infos.len() {
            features(&infos, i, &mut f);
            feats.extend(f.iter().map(|h| (h >> shift) as u32));
        }
        offsets.push(feats.len() / NUM_FEATURES);
    }
    let nw = (1usize << cfg.bits) * NT;
    let nt = (NT + 1) * NT;
    let runs = cfg.runs.max(1);
    let mut w = vec![0f32; nw];
    let mut tw = vec![0f32; nt];
    for r in 0..runs {
        let seed = cfg.seed.wrapping_add(r as u64);
        let (rw, rtw) = run(data, &feats, &offsets, cfg, seed, &mut progress);
        for (a, b) in w.iter_mut().zip(&rw) {
            *a += b / runs as f32;
        }
        for (a, b) in tw.iter_mut().zip(&rtw) {
            *a += b / runs as f32;
        }
    }
    Model::from_float(cfg.bits, &w, &tw, stats.clone(), meta)
}

/// One averaged-perceptron run over the precomputed feature buckets: the averaged emission
/// and transition weights.
fn run(
    data: &[&Sentence],
    feats: &[u32],
    offsets: &[usize],
    cfg: &PerceptronConfig,
    seed: u64,
    progress: &mut impl FnMut(usize, f64),
) -> (Vec<f32>, Vec<f32>) {
    let nw = (1usize << cfg.bits) * NT;
    let nt = (NT + 1) * NT;
    let mut w = vec![0f32; nw];
    let mut u = vec![0f32; nw];
    let mut tw = vec![0f32; nt];
    let mut tu = vec![0f32; nt];
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng::new(seed);
    let (mut scores, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut errors, mut total) = (0usize, 0usize);
        for &si in &order {
            let s = data[si];
            let (a, b) = (offsets[si], offsets[si + 1]);
            scores.clear();
            for tok in a..b {
                let mut sc = [0f32; NT];
                for &fb in &feats[tok * NUM_FEATURES..(tok + 1) * NUM_FEATURES] {
                    let row = &w[fb as usize * NT..fb as usize * NT + NT];
                    for t in 0..NT {
                        sc[t] += row[t];
                    }
                }
                scores.push(sc);
            }
            viterbi(&scores, &tw, &mut back, &mut pred);
            total += pred.len();
            let mut prev_g = 0usize; // row 0 = start
            let mut prev_p = 0usize;
            for i in 0..pred.len() {
                let (g, p) = (s.tags[i] as usize, pred[i] as usize);
                if g != p {
                    errors += 1;
                    for &fb in &feats[(a + i) * NUM_FEATURES..(a + i + 1) * NUM_FEATURES] {
                        let base = fb as usize * NT;
                        w[base + g] += 1.0;
                        u[base + g] += c;
                        w[base + p] -= 1.0;
                        u[base + p] -= c;
                    }
                }
                if g != p || prev_g != prev_p {
                    // Transitions into gold tag must be legal: gold is valid IOB2.
                    let gi = prev_g * NT + g;
                    let pi = prev_p * NT + p;
                    tw[gi] += 1.0;
                    tu[gi] += c;
                    tw[pi] -= 1.0;
                    tu[pi] -= c;
                }
                prev_g = g + 1;
                prev_p = p + 1;
            }
            c += 1.0;
        }
        progress(epoch + 1, errors as f64 / total.max(1) as f64);
    }
    for (wi, ui) in w.iter_mut().zip(&u) {
        *wi -= ui / c;
    }
    for (wi, ui) in tw.iter_mut().zip(&tu) {
        *wi -= ui / c;
    }
    // Forbidden transitions never fire, but keep their weights neutral.
    for p in 0..=NT {
        for t in 0..NT {
            let prev = if p == 0 { None } else { Some((p - 1) as u8) };
            if !allowed(prev, t as u8) {
                tw[p * NT + t] = 0.0;
            }
        }
    }
    (w, tw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::model::Scratch;
    use crate::train::corpus::parse_corpus;

    const TINY: &str = "\
0\tHier\tO\n1\t,\tO\n2\tMarie\tB-PER\n3\tLeblanc\tI-PER\n4\ta\tO\n5\tvisité\tO\n6\tLyon\tB-LOC\n7\t.\tO\n\n\
0\tLa\tO\n1\tSNCF\tB-ORG\n2\tdessert\tO\n3\tLyon\tB-LOC\n4\tet\tO\n5\tNantes\tB-LOC\n6\t.\tO\n\n\
0\tMarie\tB-PER\n1\tLeblanc\tI-PER\n2\tdirige\tO\n3\tla\tO\n4\tSNCF\tB-ORG\n5\t.\tO\n\n\
0\tPaul\tB-PER\n1\tMartin\tI-PER\n2\thabite\tO\n3\tà\tO\n4\tNantes\tB-LOC\n5\t.\tO\n";

    #[test]
    fn learns_a_tiny_corpus() {
        let data = parse_corpus(TINY, "tiny").unwrap();
        let refs: Vec<&Sentence> = data.iter().collect();
        let cfg = PerceptronConfig {
            bits: 14,
            epochs: 10,
            seed: 7,
            runs: 1,
        };
        let mut last_err = 1.0;
        let model = train(&refs, &CaseStats::default(), &cfg, "{}".into(), |_, e| {
            last_err = e
        });
        assert_eq!(last_err, 0.0);
        let mut scratch = Scratch::default();
        let mut tags = Vec::new();
        for s in &data {
            model.tag(s.tokens.iter().map(String::as_str), &mut scratch, &mut tags);
            assert_eq!(tags, s.tags, "{:?}", s.tokens);
        }
        // The file round trip keeps the behaviour.
        let m2 = Model::from_bytes(&model.to_bytes().unwrap()).unwrap();
        m2.tag(
            data[0].tokens.iter().map(String::as_str),
            &mut scratch,
            &mut tags,
        );
        assert_eq!(tags, data[0].tags);
    }
}
