//! Word clusters learned from unlabeled news: the bidirectional predictive exchange algorithm
//! (Uszkoreit & Brants 2008, "Distributed word clustering for large scale class-based language
//! modeling"; the two-sided form of Dehdari et al.'s ClusterCat).
//!
//! Every word of the clustered vocabulary gets one of `K` classes so that a class-based model
//! predicting each word from the class of the word before it, and from the class of the word
//! after it, fits the text best. Words used alike (first names, company names, towns, months)
//! end up in the same class, which lets the tagger carry what it learned about a name seen in
//! training over to a name it never saw, as long as the news used it the same way.
//!
//! Words are keyed like the case statistics: by the truncated [`lower_hash`] of their
//! lowercase form. The result depends only on the texts and the settings (no randomness,
//! fixed visiting order), so training is reproducible.

use crate::actors::features::{lower_hash, HashKeyMap};
use crate::text::Document;
use rayon::prelude::*;

/// Settings of one clustering.
#[derive(Clone, Copy, Debug)]
pub struct ClusterConfig {
    /// Number of classes (at most 255: class ids are stored as `id + 1` in a byte).
    pub classes: usize,
    /// A word must occur this often to be clustered; rarer words share one context id.
    pub min_count: u32,
    /// Maximum passes over the vocabulary.
    pub iterations: usize,
}

/// The corpus as bigram counts over a dense vocabulary.
///
/// Id 0 marks a sentence boundary, id 1 stands for every rare word; the other ids are the
/// words seen at least `min_count` times, most frequent first.
#[derive(Debug, Default)]
pub struct Bigrams {
    /// Truncated lowercase hash of each id (0 for the boundary and rare ids).
    pub keys: Vec<u32>,
    /// Successors of each id: `succ[succ_at[v]..succ_at[v + 1]]` as (word id, count).
    succ: Vec<(u32, u32)>,
    succ_at: Vec<usize>,
    /// Predecessors, in the same layout.
    pred: Vec<(u32, u32)>,
    pred_at: Vec<usize>,
}

const BOUNDARY: u32 = 0;
const RARE: u32 = 1;

impl Bigrams {
    /// Count the bigrams of `texts` (tokenised like the tagger's input, lowercased).
    pub fn count(texts: &[String], min_count: u32) -> Self {
        // Pass 1: frequencies of the lowercase hashes.
        let docs: Vec<Vec<Vec<u32>>> = texts
            .par_iter()
            .map(|t| {
                let doc = Document::new(t, None);
                doc.sentences
                    .iter()
                    .map(|s| {
                        doc.tokens[s.tokens()]
                            .iter()
                            .map(|tok| lower_hash(tok.text(t)) as u32)
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut freq: HashKeyMap<u32> = HashKeyMap::default();
        for s in docs.iter().flatten() {
            for &h in s {
                *freq.entry(h).or_insert(0) += 1;
            }
        }
        let mut vocab: Vec<(u32, u32)> = freq
            .iter()
            .filter(|(_, &n)| n >= min_count)
            .map(|(&h, &n)| (h, n))
            .collect();
        // Most frequent first; ties by key for a fixed order.
        vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut keys = vec![0u32, 0u32];
        let mut id_of: HashKeyMap<u32> = HashKeyMap::default();
        for (h, _) in vocab {
            id_of.insert(h, keys.len() as u32);
            keys.push(h);
        }
        drop(freq);
        // Pass 2: bigram pairs, boundaries around every sentence.
        let mut pairs: Vec<u64> = Vec::new();
        for s in docs.iter().flatten() {
            let mut prev = BOUNDARY;
            for &h in s {
                let id = id_of.get(&h).copied().unwrap_or(RARE);
                pairs.push((prev as u64) << 32 | id as u64);
                prev = id;
            }
            pairs.push((prev as u64) << 32 | BOUNDARY as u64);
        }
        drop(docs);
        pairs.par_sort_unstable();
        let runs = run_lengths(&pairs);
        drop(pairs);
        let n = keys.len();
        let succ_at = offsets(n, runs.iter().map(|&(a, _, _)| a));
        let succ = runs.iter().map(|&(_, b, c)| (b, c)).collect();
        let mut by_right: Vec<(u32, u32, u32)> = runs.iter().map(|&(a, b, c)| (b, a, c)).collect();
        by_right.par_sort_unstable();
        let pred_at = offsets(n, by_right.iter().map(|&(b, _, _)| b));
        let pred = by_right.iter().map(|&(_, a, c)| (a, c)).collect();
        Bigrams {
            keys,
            succ,
            succ_at,
            pred,
            pred_at,
        }
    }

    /// Number of ids (boundary and rare included).
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when no word was counted.
    pub fn is_empty(&self) -> bool {
        self.keys.len() <= 2
    }

    fn succ(&self, v: usize) -> &[(u32, u32)] {
        &self.succ[self.succ_at[v]..self.succ_at[v + 1]]
    }

    fn pred(&self, v: usize) -> &[(u32, u32)] {
        &self.pred[self.pred_at[v]..self.pred_at[v + 1]]
    }
}

/// Collapse sorted `left << 32 | right` pairs into (left, right, count) runs.
fn run_lengths(pairs: &[u64]) -> Vec<(u32, u32, u32)> {
    let mut out: Vec<(u32, u32, u32)> = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i + 1;
        while j < pairs.len() && pairs[j] == pairs[i] {
            j += 1;
        }
        out.push(((pairs[i] >> 32) as u32, pairs[i] as u32, (j - i) as u32));
        i = j;
    }
    out
}

/// CSR offsets of `n` rows from the sorted row ids of the entries.
fn offsets(n: usize, rows: impl Iterator<Item = u32>) -> Vec<usize> {
    let mut at = vec![0usize; n + 1];
    for r in rows {
        at[r as usize + 1] += 1;
    }
    for i in 0..n {
        at[i + 1] += at[i];
    }
    at
}

/// `x ln x`, with a table for small counts.
struct XLogX(Vec<f64>);

impl XLogX {
    const TABLE: usize = 1 << 16;
    fn new() -> Self {
        XLogX((0..Self::TABLE).map(|x| Self::calc(x as u64)).collect())
    }
    fn calc(x: u64) -> f64 {
        if x == 0 {
            0.0
        } else {
            let x = x as f64;
            x * x.ln()
        }
    }
    #[inline]
    fn at(&self, x: u64) -> f64 {
        if (x as usize) < Self::TABLE {
            self.0[x as usize]
        } else {
            Self::calc(x)
        }
    }
}

/// Class counts of the two predictive models: `fwd[c * n + w]` is how often word `w` follows a
/// word of class `c`, `bwd[c * n + w]` how often it precedes one; `fwd_tot[c]` and
/// `bwd_tot[c]` are the class totals.
struct Counts {
    n: usize,
    fwd: Vec<u32>,
    bwd: Vec<u32>,
    fwd_tot: Vec<u64>,
    bwd_tot: Vec<u64>,
}

impl Counts {
    fn apply(&mut self, g: &Bigrams, v: usize, class: usize, add: bool) {
        let n = self.n;
        for (table, tot, list) in [
            (&mut self.fwd, &mut self.fwd_tot, g.succ(v)),
            (&mut self.bwd, &mut self.bwd_tot, g.pred(v)),
        ] {
            let row = &mut table[class * n..(class + 1) * n];
            let mut sum = 0u64;
            for &(w, c) in list {
                if add {
                    row[w as usize] += c;
                } else {
                    row[w as usize] -= c;
                }
                sum += c as u64;
            }
            if add {
                tot[class] += sum;
            } else {
                tot[class] -= sum;
            }
        }
    }

    /// The gain in log-likelihood of putting word `v` (currently in no class) into `class`.
    fn gain(&self, g: &Bigrams, f: &XLogX, v: usize, class: usize) -> f64 {
        let n = self.n;
        let mut d = 0.0;
        for (table, tot, list) in [
            (&self.fwd, &self.fwd_tot, g.succ(v)),
            (&self.bwd, &self.bwd_tot, g.pred(v)),
        ] {
            let row = &table[class * n..(class + 1) * n];
            let mut sum = 0u64;
            for &(w, c) in list {
                let x = row[w as usize] as u64;
                d += f.at(x + c as u64) - f.at(x);
                sum += c as u64;
            }
            let t = tot[class];
            d -= f.at(t + sum) - f.at(t);
        }
        d
    }
}

/// Cluster the words of `g` into `cfg.classes` classes. Returns the class of every id.
pub fn exchange(g: &Bigrams, cfg: &ClusterConfig, log: &dyn Fn(&str)) -> Vec<u8> {
    let k = cfg.classes.clamp(2, 255);
    let n = g.len();
    // Start: words dealt round-robin by frequency. The boundary and rare ids keep their
    // first class: they are contexts, not words to cluster.
    let mut class: Vec<u8> = (0..n).map(|v| (v % k) as u8).collect();
    let mut counts = Counts {
        n,
        fwd: vec![0; k * n],
        bwd: vec![0; k * n],
        fwd_tot: vec![0; k],
        bwd_tot: vec![0; k],
    };
    for (v, &c) in class.iter().enumerate() {
        counts.apply(g, v, c as usize, true);
    }
    let f = XLogX::new();
    for it in 0..cfg.iterations {
        let mut moved = 0usize;
        for (v, cv) in class.iter_mut().enumerate().skip(2) {
            let a = *cv as usize;
            counts.apply(g, v, a, false);
            let gains: Vec<f64> = (0..k)
                .into_par_iter()
                .map(|c| counts.gain(g, &f, v, c))
                .collect();
            // Stay unless another class is strictly better (ties to the lowest class id).
            let mut best = a;
            for (c, &x) in gains.iter().enumerate() {
                if x > gains[best] + 1e-9 {
                    best = c;
                }
            }
            if best != a {
                moved += 1;
            }
            *cv = best as u8;
            counts.apply(g, v, best, true);
        }
        log(&format!(
            "  clusters ({k}): pass {} moved {moved} of {} words",
            it + 1,
            n - 2
        ));
        if moved * 1000 < n {
            break;
        }
    }
    class
}

/// Cluster the words of `texts` at each of the class counts `levels` (coarse to fine, say),
/// and pack them: the cluster map's value holds `class + 1` of level `i` in byte `i` (0 =
/// the word was too rare to cluster).
pub fn word_clusters(
    texts: &[String],
    levels: &[usize],
    min_count: u32,
    iterations: usize,
    log: &dyn Fn(&str),
) -> HashKeyMap<u16> {
    let g = Bigrams::count(texts, min_count);
    log(&format!("  {} words to cluster", g.len().saturating_sub(2)));
    let mut out: HashKeyMap<u16> = HashKeyMap::default();
    for (li, &k) in levels.iter().enumerate().take(2) {
        let cfg = ClusterConfig {
            classes: k,
            min_count,
            iterations,
        };
        let class = exchange(&g, &cfg, log);
        for (&key, &c) in g.keys.iter().zip(&class).skip(2) {
            *out.entry(key).or_insert(0) |= ((c as u16) + 1) << (8 * li);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two kinds of made-up words used in distinct frames end up in distinct classes, and
    /// words of one kind share a class.
    #[test]
    fn words_used_alike_share_a_class() {
        let people = ["Valmoran", "Vetra", "Dorsan", "Varlin"];
        let towns = ["Nordis", "Kelvo", "Brenne", "Ostral"];
        let mut texts = Vec::new();
        for round in 0..6 {
            let mut t = String::new();
            for (i, p) in people.iter().enumerate() {
                let town = towns[(i + round) % towns.len()];
                t.push_str(&format!(
                    "Le ministre {p} a déclaré hier qu'il viendra. Il habite à {town} depuis longtemps. "
                ));
                t.push_str(&format!("Selon {p}, la ville de {town} est belle. "));
            }
            texts.push(t);
        }
        let g = Bigrams::count(&texts, 3);
        let cfg = ClusterConfig {
            classes: 4,
            min_count: 3,
            iterations: 20,
        };
        let class = exchange(&g, &cfg, &|_| {});
        let of = |w: &str| {
            let h = lower_hash(w) as u32;
            let v = g.keys.iter().position(|&k| k == h).expect("clustered");
            class[v]
        };
        for p in &people[1..] {
            assert_eq!(of(p), of(people[0]), "{p}");
        }
        for t in &towns[1..] {
            assert_eq!(of(t), of(towns[0]), "{t}");
        }
        assert_ne!(of(people[0]), of(towns[0]));
    }

    #[test]
    fn packing_keeps_levels_apart_and_is_reproducible() {
        let mut texts: Vec<String> = (0..5)
            .map(|i| format!("Le chat {i} dort. Le chien {i} court. Le chat mange."))
            .collect();
        texts[0].push_str(" Une fois.");
        let a = word_clusters(&texts, &[2, 3], 2, 5, &|_| {});
        let b = word_clusters(&texts, &[2, 3], 2, 5, &|_| {});
        assert_eq!(a, b);
        let v = a[&(lower_hash("chat") as u32)];
        assert!((1..=2).contains(&(v & 0xff)));
        assert!((1..=3).contains(&(v >> 8)));
        // "court" occurs 5 times: clustered. A word seen once is not.
        assert!(a.contains_key(&(lower_hash("court") as u32)));
        assert!(!a.contains_key(&(lower_hash("fois") as u32)));
    }
}
