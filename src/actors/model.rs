//! The sequence-labelling model: hashed feature weights per tag, BIO transition weights,
//! case statistics; Viterbi decoding constrained to valid IOB2; a compact file format.
//!
//! File format: the magic `DPNER03\n`, then a zstd stream of: `u32` bucket bits, `u32` number of
//! tags, `f32` weight scale, the transition matrix ((tags+1) × tags `f32`, row 0 = sentence
//! start), `u32` count + (`u32` key, `u16` packed) word statistics, `u32` count + (`u32` key,
//! `u16` packed) word clusters, `u32` length + UTF-8 JSON metadata, then the feature weights as
//! `i16` (buckets × tags), all little-endian. Version 2 files (`DPNER02\n`) have no cluster
//! section.

use super::features::{features, CaseStats, HashKeyMap, TokInfo, NUM_FEATURES};
use super::gazetteer::Gazetteer;
use std::io::{Read, Write};

// The tag set is defined with its IOB2 encoding in `tags`; the model's tags are these.
pub use super::tags::{allowed, is_inside, tag_index, type_of, NT, TAGS, TYPES};

const MAGIC: &[u8; 8] = b"DPNER03\n";
/// The previous version's magic (no word clusters).
const MAGIC_V2: &[u8; 8] = b"DPNER02\n";

/// Errors reading or writing a model file's bytes.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// Not a depeche NER model.
    #[error("not a depeche NER model (bad magic)")]
    Magic,
    /// I/O or decompression failure.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The content is inconsistent.
    #[error("corrupt model: {0}")]
    Corrupt(String),
}

/// A trained model.
#[derive(Clone)]
pub struct Model {
    /// log2 of the number of feature buckets.
    pub bits: u32,
    /// Quantised feature weights, buckets × tags.
    pub weights: Vec<i16>,
    /// Transition weights in the same units as the quantised weights; row 0 = start.
    pub trans: Vec<f32>,
    /// Weight scale: real weight = quantised / scale.
    pub scale: f32,
    /// Case statistics learned from unlabeled news.
    pub stats: CaseStats,
    /// Metadata (JSON): name, data, scores.
    pub meta: String,
    /// Gazetteers (built in, not stored in the file).
    pub gaz: Gazetteer,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("bits", &self.bits)
            .field("case_stats", &self.stats.map.len())
            .field("meta", &self.meta)
            .finish_non_exhaustive()
    }
}

/// Reusable buffers for decoding one sentence at a time.
#[derive(Default)]
pub struct Scratch {
    /// The token infos of the last tagged sentence.
    pub infos: Vec<TokInfo>,
    scores: Vec<[f32; NT]>,
    back: Vec<[u8; NT]>,
}

impl Model {
    /// Build a model from float weights (quantising them).
    pub fn from_float(
        bits: u32,
        weights: &[f32],
        trans: &[f32],
        stats: CaseStats,
        meta: String,
    ) -> Self {
        let max = weights
            .iter()
            .chain(trans.iter())
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(1e-6);
        let scale = 32000.0 / max;
        let q = weights
            .iter()
            .map(|w| (w * scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        Model {
            bits,
            weights: q,
            trans: trans.iter().map(|t| t * scale).collect(),
            scale,
            stats,
            meta,
            gaz: Gazetteer::builtin(),
        }
    }

    /// The bucket of a feature hash.
    #[inline]
    pub fn bucket(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    /// Tag a sentence given as token texts: returns one tag index per token into `tags`.
    // Out of line: inlined into its caller, the tagging loop ran 2 % more instructions of
    // the whole extraction (cachegrind).
    #[inline(never)]
    pub fn tag<'s, I>(&self, tokens: I, scratch: &mut Scratch, tags: &mut Vec<u8>)
    where
        I: IntoIterator<Item = &'s str>,
    {
        self.gaz
            .sentence_infos(tokens, &self.stats, &mut scratch.infos);
        let n = scratch.infos.len();
        scratch.scores.clear();
        let mut f = [0u64; NUM_FEATURES];
        for i in 0..n {
            features(&scratch.infos, i, &mut f);
            let mut acc = [0i32; NT];
            for &h in &f {
                let b = self.bucket(h) * NT;
                let row = &self.weights[b..b + NT];
                for t in 0..NT {
                    acc[t] += row[t] as i32;
                }
            }
            let mut s = [0f32; NT];
            for t in 0..NT {
                s[t] = acc[t] as f32;
            }
            scratch.scores.push(s);
        }
        viterbi(&scratch.scores, &self.trans, &mut scratch.back, tags);
    }

    /// Serialise to bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, FormatError> {
        let mut body = Vec::with_capacity(self.weights.len() * 2 + 1024);
        body.extend_from_slice(&self.bits.to_le_bytes());
        body.extend_from_slice(&(NT as u32).to_le_bytes());
        body.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.trans {
            body.extend_from_slice(&t.to_le_bytes());
        }
        for table in [&self.stats.map, &self.stats.clusters] {
            let mut rows: Vec<(u32, u16)> = table.iter().map(|(k, v)| (*k, *v)).collect();
            rows.sort_unstable();
            body.extend_from_slice(&(rows.len() as u32).to_le_bytes());
            for (k, v) in rows {
                body.extend_from_slice(&k.to_le_bytes());
                body.extend_from_slice(&v.to_le_bytes());
            }
        }
        body.extend_from_slice(&(self.meta.len() as u32).to_le_bytes());
        body.extend_from_slice(self.meta.as_bytes());
        for w in &self.weights {
            body.extend_from_slice(&w.to_le_bytes());
        }
        let mut out = MAGIC.to_vec();
        let mut enc = zstd::Encoder::new(&mut out, 19)?;
        enc.write_all(&body)?;
        enc.finish()?;
        Ok(out)
    }

    /// Deserialise from bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        if bytes.len() < MAGIC.len() {
            return Err(FormatError::Magic);
        }
        let has_clusters = match &bytes[..MAGIC.len()] {
            m if m == MAGIC => true,
            m if m == MAGIC_V2 => false,
            _ => return Err(FormatError::Magic),
        };
        let mut body = Vec::new();
        zstd::Decoder::new(&bytes[MAGIC.len()..])?.read_to_end(&mut body)?;
        let mut r = Reader { b: &body, pos: 0 };
        let bits = r.u32()?;
        let nt = r.u32()? as usize;
        if nt != NT || !(8..=26).contains(&bits) {
            return Err(FormatError::Corrupt(format!("bits {bits}, tags {nt}")));
        }
        let scale = r.f32()?;
        let trans = (0..(NT + 1) * NT)
            .map(|_| r.f32())
            .collect::<Result<Vec<_>, _>>()?;
        let mut stats = CaseStats {
            map: r.table()?,
            ..Default::default()
        };
        if has_clusters {
            stats.clusters = r.table()?;
        }
        let ml = r.u32()? as usize;
        let meta = String::from_utf8(r.take(ml)?.to_vec())
            .map_err(|_| FormatError::Corrupt("metadata is not UTF-8".into()))?;
        let nw = (1usize << bits) * NT;
        let raw = r.take(nw * 2)?;
        let weights = raw
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(Model {
            bits,
            weights,
            trans,
            scale,
            stats,
            meta,
            gaz: Gazetteer::builtin(),
        })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        if self.pos + n > self.b.len() {
            return Err(FormatError::Corrupt("truncated".into()));
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, FormatError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, FormatError> {
        Ok(f32::from_bits(self.u32()?))
    }
    /// A `u32` count, then that many (`u32` key, `u16` value) rows.
    fn table(&mut self) -> Result<HashKeyMap<u16>, FormatError> {
        let n = self.u32()? as usize;
        let mut map = HashKeyMap::default();
        map.reserve(n.min(self.b.len() / 6));
        for _ in 0..n {
            let k = self.u32()?;
            let v = self.take(2)?;
            map.insert(k, u16::from_le_bytes([v[0], v[1]]));
        }
        Ok(map)
    }
}

/// Viterbi decoding over emission `scores` and transitions `trans` ((NT+1) × NT, row 0 =
/// start), with invalid IOB2 transitions forbidden. Writes the best tags into `tags`.
pub fn viterbi(scores: &[[f32; NT]], trans: &[f32], back: &mut Vec<[u8; NT]>, tags: &mut Vec<u8>) {
    tags.clear();
    let n = scores.len();
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n, [0u8; NT]);
    // Transitions with the forbidden ones at -inf: the inner loop needs no branch.
    let mut tr = [[f32::NEG_INFINITY; NT]; NT + 1];
    for (p, row) in tr.iter_mut().enumerate() {
        let prev = if p == 0 { None } else { Some((p - 1) as u8) };
        for (t, cell) in row.iter_mut().enumerate() {
            if allowed(prev, t as u8) {
                *cell = trans[p * NT + t];
            }
        }
    }
    let mut delta = [f32::NEG_INFINITY; NT];
    for t in 0..NT {
        delta[t] = scores[0][t] + tr[0][t];
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; NT];
        let bi = &mut back[i];
        for t in 0..NT {
            let mut best = delta[0] + tr[1][t];
            let mut arg = 0u8;
            for p in 1..NT {
                let s = delta[p] + tr[p + 1][t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[t] = best + scores[i][t];
            bi[t] = arg;
        }
        delta = next;
    }
    let mut best = 0usize;
    for t in 1..NT {
        if delta[t] > delta[best] {
            best = t;
        }
    }
    tags.resize(n, 0);
    let mut cur = best as u8;
    for i in (0..n).rev() {
        tags[i] = cur;
        cur = back[i][cur as usize];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        assert!(allowed(None, 1));
        assert!(!allowed(None, 2));
        assert!(allowed(Some(1), 2));
        assert!(allowed(Some(2), 2));
        assert!(!allowed(Some(3), 2));
        assert!(!allowed(Some(0), 4));
        assert_eq!(type_of(7), 3);
        assert_eq!(tag_index("I-LOC"), Some(6));
    }

    #[test]
    fn viterbi_never_starts_with_inside() {
        // Emission strongly prefers I-PER on the first token; the constraint forbids it.
        let mut s = [[0f32; NT]; 2];
        s[0][2] = 10.0;
        s[0][1] = 1.0;
        s[1][2] = 5.0;
        let trans = vec![0f32; (NT + 1) * NT];
        let (mut back, mut tags) = (Vec::new(), Vec::new());
        viterbi(&s, &trans, &mut back, &mut tags);
        assert_eq!(tags, vec![1, 2]);
    }

    #[test]
    fn round_trip_bytes() {
        let bits = 8;
        let w: Vec<f32> = (0..(1 << bits) * NT)
            .map(|i| (i % 7) as f32 - 3.0)
            .collect();
        let trans = vec![0.5f32; (NT + 1) * NT];
        let mut stats = CaseStats::default();
        stats.map.insert(42, 0x13);
        let m = Model::from_float(bits, &w, &trans, stats, "{\"name\":\"t\"}".into());
        let b = m.to_bytes().unwrap();
        let m2 = Model::from_bytes(&b).unwrap();
        assert_eq!(m.weights, m2.weights);
        assert_eq!(m2.stats.get(42), 0x13);
        assert_eq!(m2.meta, "{\"name\":\"t\"}");
        assert!(matches!(
            Model::from_bytes(b"nonsense"),
            Err(FormatError::Magic)
        ));
    }
}
