//! Hashed features of the sequence-labelling model.
//!
//! Each token is summarised once into a [`TokInfo`] (hashes of its lowercase form, exact form,
//! affixes and shape, its case class learned from unlabeled news, gazetteer bits); the feature
//! templates of a position then combine the infos of the token and its neighbours into a fixed
//! number of hashed feature ids ([`NUM_FEATURES`]). Nothing is allocated per token: hashes are
//! computed straight from the bytes, lowercasing on the fly.

use crate::text::chars::{is_apostrophe, is_hyphen};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Number of feature ids produced per token position.
pub const NUM_FEATURES: usize = 49;

/// A streaming 64-bit hash (FxHash-like multiply-rotate), finalised with a mix.
#[derive(Clone, Copy)]
pub struct Fx(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Fx {
    /// A hasher seeded with `seed`.
    #[inline]
    pub fn new(seed: u64) -> Self {
        Fx(seed.wrapping_mul(K) ^ 0x9e37_79b9_7f4a_7c15)
    }
    /// Add one value.
    #[inline]
    pub fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(K);
    }
    /// The final hash, with good high bits.
    #[inline]
    pub fn finish(self) -> u64 {
        mix(self.0)
    }
}

/// A strong 64-bit finaliser (splitmix64).
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combine a template id with one or two values.
#[inline]
fn feat(template: u64, a: u64) -> u64 {
    mix(a ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[inline]
fn feat2(template: u64, a: u64, b: u64) -> u64 {
    mix(feat(template, a) ^ b.rotate_left(17))
}

/// Hash of the lowercase form of `s` with apostrophes folded to `'`: the key of the case
/// statistics and the gazetteers.
pub fn lower_hash(s: &str) -> u64 {
    let mut h = Fx::new(1);
    for c in s.chars() {
        for l in norm_char(c).to_lowercase() {
            h.add(l as u64);
        }
    }
    h.finish()
}

#[inline]
fn norm_char(c: char) -> char {
    if is_apostrophe(c) {
        '\''
    } else if is_hyphen(c) {
        '-'
    } else {
        c
    }
}

/// Case classes of a word in running news text (away from sentence starts), learned from
/// unlabeled news: how often it is written lowercase vs capitalised.
pub mod case_class {
    /// Not seen often enough.
    pub const UNKNOWN: u8 = 0;
    /// Lowercase in ≥ 98 % of occurrences.
    pub const LOWER: u8 = 1;
    /// Lowercase in 70–98 %.
    pub const MOSTLY_LOWER: u8 = 2;
    /// Mixed.
    pub const MIXED: u8 = 3;
    /// Capitalised in 70–98 %.
    pub const MOSTLY_CAP: u8 = 4;
    /// Capitalised in ≥ 98 %.
    pub const CAP: u8 = 5;
    /// All caps in most occurrences (acronyms).
    pub const ACRONYM: u8 = 6;

    /// The class of a word seen `lower`, `cap` and `upper` (all caps) times mid-sentence.
    pub fn classify(lower: u32, cap: u32, upper: u32) -> u8 {
        let n = lower + cap + upper;
        if n < 3 {
            return UNKNOWN;
        }
        if upper * 2 > n {
            return ACRONYM;
        }
        let r = lower as f32 / n as f32;
        if r >= 0.98 {
            LOWER
        } else if r >= 0.7 {
            MOSTLY_LOWER
        } else if r > 0.3 {
            MIXED
        } else if r > 0.02 {
            MOSTLY_CAP
        } else {
            CAP
        }
    }

    /// A frequency bucket of a word seen `n` times (0..=4).
    pub fn freq_bucket(n: u32) -> u8 {
        match n {
            0..=4 => 0,
            5..=49 => 1,
            50..=499 => 2,
            500..=4999 => 3,
            _ => 4,
        }
    }
}

/// An identity hasher for maps keyed by hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = i as u64;
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

/// A map keyed by (truncated) hashes.
pub type HashKeyMap<V> = HashMap<u32, V, BuildHasherDefault<IdHasher>>;

/// Word statistics learned from unlabeled news, by truncated lowercase hash: the low byte is
/// the case class << 4 | frequency bucket, the high byte the packed entity-type prior
/// ([`prior`]).
#[derive(Clone, Debug, Default)]
pub struct CaseStats {
    /// The table.
    pub map: HashKeyMap<u16>,
    /// Word clusters by truncated lowercase hash: byte 0 the coarse class + 1, byte 1 the
    /// fine class + 1 (see `train::clusters`); absent when the word was too rare.
    pub clusters: HashKeyMap<u16>,
}

impl CaseStats {
    /// The packed statistics of a word with lowercase hash `h` (0 when unknown).
    #[inline]
    pub fn get(&self, h: u64) -> u16 {
        self.map.get(&(h as u32)).copied().unwrap_or(0)
    }

    /// True when the news writes the word `w` in lowercase at least 70 % of the time (a
    /// common word capitalised here: "Tourisme" in "Office de Tourisme").
    pub fn usually_lowercase(&self, w: &str) -> bool {
        use case_class::{LOWER, MOSTLY_LOWER};
        matches!((self.get(lower_hash(w)) as u8) >> 4, LOWER | MOSTLY_LOWER)
    }

    /// The packed clusters of a word with lowercase hash `h` (0 when unknown).
    #[inline]
    pub fn cluster(&self, h: u64) -> u16 {
        if self.clusters.is_empty() {
            return 0;
        }
        self.clusters.get(&(h as u32)).copied().unwrap_or(0)
    }
}

/// The entity-type prior of a word: how a first model tagged it across the unlabeled news.
pub mod prior {
    /// Pack the prior of a word seen capitalised `total` times, `counts[t]` of them inside an
    /// entity of type `t` (PER, ORG, LOC, MISC) and `begins` of those as the first token.
    pub fn pack(total: u32, counts: [u32; 4], begins: u32) -> u8 {
        let ent: u32 = counts.iter().sum();
        if total < 3 || ent == 0 {
            return 0;
        }
        let mut best = 0;
        for t in 1..4 {
            if counts[t] > counts[best] {
                best = t;
            }
        }
        let frac = ent as f32 / total as f32;
        let share = counts[best] as f32 / ent as f32;
        let fb = if frac >= 0.7 {
            2
        } else if frac >= 0.3 {
            1
        } else {
            0
        };
        let sb = if share >= 0.9 {
            2
        } else if share >= 0.6 {
            1
        } else {
            0
        };
        let b = (begins * 2 >= ent) as u8;
        (best as u8 + 1) | (fb << 3) | (sb << 5) | (b << 7)
    }
}

/// Token shape bits.
pub mod shape_bits {
    /// Starts with an uppercase letter.
    pub const CAP: u8 = 1;
    /// All letters uppercase (two or more letters).
    pub const ALL_CAPS: u8 = 2;
    /// Contains a digit.
    pub const DIGIT: u8 = 4;
    /// Contains no letter or digit (punctuation, symbols).
    pub const PUNCT: u8 = 8;
    /// Contains a letter.
    pub const ALPHA: u8 = 16;
}

/// Everything the templates need about one token.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokInfo {
    /// Lowercase form hash.
    pub lower: u64,
    /// Exact form hash.
    pub form: u64,
    /// Short shape hash ("Xx", "X.X.", "d,d"...).
    pub shape: u64,
    /// Prefix hashes, 1 to 4 characters (lowercase).
    pub pre: [u64; 4],
    /// Suffix hashes, 1 to 4 characters (lowercase).
    pub suf: [u64; 4],
    /// Packed case class and frequency bucket from the news statistics.
    pub case: u8,
    /// Packed entity-type prior from the news ([`prior`]).
    pub prior: u8,
    /// Word clusters from the news (coarse class + 1 in the low byte, fine in the high byte;
    /// 0 = unknown).
    pub cluster: u16,
    /// Gazetteer bits ([`super::gazetteer::bits`]).
    pub gaz: u8,
    /// [`shape_bits`].
    pub bits: u8,
    /// Length in characters, capped at 15.
    pub len: u8,
}

impl TokInfo {
    /// The word's [`case_class`] (the high nibble of `case`).
    #[inline]
    pub fn case_class(&self) -> u8 {
        self.case >> 4
    }

    /// The entity type the news priors mostly saw the word in (the low three bits of
    /// `prior`, see [`prior::pack`]); None when the priors say nothing.
    #[inline]
    pub fn prior_type(&self) -> Option<crate::record::ActorType> {
        match self.prior & 7 {
            t @ 1..=4 => Some(super::tags::TYPES[t as usize - 1]),
            _ => None,
        }
    }
}

#[inline]
fn shape_class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else if is_apostrophe(c) {
        b'\''
    } else if is_hyphen(c) {
        b'-'
    } else if c == '.' {
        b'.'
    } else {
        // Other punctuation keeps its identity (ASCII) or folds to one class.
        if c.is_ascii() {
            c as u8
        } else {
            b'p'
        }
    }
}

/// Summarise token `s`.
pub fn tok_info(s: &str, stats: &CaseStats) -> TokInfo {
    let mut lower = Fx::new(1);
    let mut form = Fx::new(2);
    let mut shape = Fx::new(3);
    let mut first = ['\0'; 4];
    let mut ring = ['\0'; 4];
    let mut n = 0usize;
    let mut last_shape = 0u8;
    let mut shape_run = 0u8;
    let mut bits = 0u8;
    let mut letters = 0u32;
    let mut uppers = 0u32;
    for (ci, c0) in s.chars().enumerate() {
        let c = norm_char(c0);
        form.add(c as u64);
        let sc = shape_class(c);
        if sc != last_shape {
            shape.add(sc as u64);
            last_shape = sc;
            shape_run = 1;
        } else if shape_run < 2 {
            // Keep runs of up to 2 ("Xxx" -> "Xxx" becomes "Xx" + marker of length 2+).
            shape_run += 1;
            if shape_run == 2 {
                shape.add(0x100 | sc as u64);
            }
        }
        if c.is_alphabetic() {
            letters += 1;
            bits |= shape_bits::ALPHA;
            if c.is_uppercase() {
                uppers += 1;
                if ci == 0 {
                    bits |= shape_bits::CAP;
                }
            }
        } else if c.is_numeric() {
            bits |= shape_bits::DIGIT;
        }
        for l in c.to_lowercase() {
            lower.add(l as u64);
            if n < 4 {
                first[n] = l;
            }
            ring[n & 3] = l;
            n += 1;
        }
    }
    if letters >= 2 && uppers == letters {
        bits |= shape_bits::ALL_CAPS;
    }
    if bits & (shape_bits::ALPHA | shape_bits::DIGIT) == 0 {
        bits |= shape_bits::PUNCT;
    }
    let mut pre = [0u64; 4];
    let mut suf = [0u64; 4];
    let mut hp = Fx::new(10);
    for k in 0..4 {
        if k < n {
            hp.add(first[k] as u64);
        }
        pre[k] = hp.finish() ^ (k as u64);
    }
    let mut hs = Fx::new(20);
    for k in 0..4 {
        if k < n {
            hs.add(ring[(n - 1 - k) & 3] as u64);
        }
        suf[k] = hs.finish() ^ (k as u64);
    }
    let lower = lower.finish();
    let st = stats.get(lower);
    TokInfo {
        lower,
        form: form.finish(),
        shape: shape.finish(),
        pre,
        suf,
        case: st as u8,
        prior: (st >> 8) as u8,
        cluster: stats.cluster(lower),
        gaz: 0,
        bits,
        len: n.min(15) as u8,
    }
}

/// Padding info for positions before the sentence start and after its end.
fn pad(kind: u64) -> TokInfo {
    let h = mix(0xdead_beef ^ kind);
    TokInfo {
        lower: h,
        form: h,
        shape: h,
        pre: [h; 4],
        suf: [h; 4],
        case: 0xff,
        prior: 0xff,
        cluster: 0xffff,
        gaz: 0xff,
        bits: 0xff,
        len: 0,
    }
}

/// Write the [`NUM_FEATURES`] feature hashes of position `i` of a sentence into `out`.
pub fn features(infos: &[TokInfo], i: usize, out: &mut [u64; NUM_FEATURES]) {
    let at = |j: isize| -> TokInfo {
        if j < 0 {
            pad(j.unsigned_abs() as u64)
        } else if j as usize >= infos.len() {
            pad(100 + j as u64 - infos.len() as u64)
        } else {
            infos[j as usize]
        }
    };
    let ii = i as isize;
    let w = infos[i];
    let p1 = at(ii - 1);
    let p2 = at(ii - 2);
    let n1 = at(ii + 1);
    let n2 = at(ii + 2);
    let first = i == 0;
    let mut k = 0;
    let mut put = |h: u64| {
        out[k] = h;
        k += 1;
    };
    put(feat(0, 0)); // bias
    put(feat(1, w.lower));
    put(feat(2, w.form));
    for j in 0..4 {
        put(feat(3 + j as u64, w.pre[j]));
        put(feat(7 + j as u64, w.suf[j]));
    }
    put(feat(11, w.shape));
    put(feat(12, p1.lower));
    put(feat(13, n1.lower));
    put(feat(14, p2.lower));
    put(feat(15, n2.lower));
    put(feat2(16, p1.lower, w.lower));
    put(feat2(17, w.lower, n1.lower));
    put(feat2(18, p1.shape, w.shape));
    put(feat2(19, w.shape, n1.shape));
    put(feat2(
        20,
        w.case as u64,
        w.bits as u64 | (first as u64) << 8,
    ));
    put(feat2(21, p1.case as u64, w.bits as u64));
    put(feat2(22, n1.case as u64, w.bits as u64));
    put(feat2(23, w.gaz as u64, w.bits as u64));
    put(feat2(24, p1.gaz as u64, w.gaz as u64));
    put(feat2(25, n1.gaz as u64, w.gaz as u64));
    put(feat2(26, w.shape, first as u64));
    put(feat2(27, p1.lower, w.bits as u64));
    put(feat2(28, n1.lower, w.bits as u64));
    put(feat2(29, p1.suf[2], w.bits as u64));
    put(feat2(30, n1.suf[2], w.bits as u64));
    put(feat2(31, w.len as u64, w.bits as u64));
    put(feat2(
        32,
        p1.bits as u64,
        n1.bits as u64 | (w.bits as u64) << 8,
    ));
    put(feat2(33, p2.lower, p1.lower));
    put(feat2(34, n1.lower, n2.lower));
    put(feat2(
        35,
        w.case as u64,
        p1.case as u64 | (n1.case as u64) << 8,
    ));
    put(feat2(36, w.lower, p1.bits as u64 | (n1.bits as u64) << 8));
    put(feat2(37, p1.shape, n1.shape));
    put(feat2(
        38,
        w.prior as u64,
        w.bits as u64 | (first as u64) << 8,
    ));
    put(feat2(39, p1.prior as u64, w.prior as u64));
    put(feat2(40, n1.prior as u64, w.prior as u64));
    put(feat2(41, w.prior as u64, w.case as u64));
    // Cue words two back ("la société française X") and the cue word with the word's own
    // shape ("le groupe X", "l'ONG X").
    put(feat2(
        42,
        p2.gaz as u64,
        p1.gaz as u64 | (w.bits as u64) << 8,
    ));
    put(feat2(
        43,
        (p1.gaz | p2.gaz) as u64,
        w.case as u64 | (w.bits as u64) << 8,
    ));
    // Word clusters: the word's own (fine, and coarse with its shape and sentence start) and
    // its neighbours' ("a déclaré" after a person, "à" before a town).
    let fine = |t: &TokInfo| (t.cluster >> 8) as u64;
    let coarse = |t: &TokInfo| (t.cluster & 0xff) as u64;
    put(feat2(44, fine(&w), w.bits as u64));
    put(feat2(45, coarse(&w), w.bits as u64 | (first as u64) << 8));
    put(feat2(46, fine(&p1), w.bits as u64));
    put(feat2(47, fine(&n1), w.bits as u64));
    put(feat2(48, coarse(&p1), coarse(&w) | coarse(&n1) << 8));
    debug_assert_eq!(k, NUM_FEATURES);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model files store weights by these hashes: they must never change (a change
    /// needs retrained models).
    #[test]
    fn hashes_the_model_files_depend_on_are_pinned() {
        assert_eq!(mix(42), 0xa759_ea27_d472_7622);
        assert_eq!(lower_hash("Paris"), 0xda5b_9e3f_7c1b_0200);
        assert_eq!(lower_hash("l’État"), 0x15cb_bc4b_816d_c93e);
        let mut fx = Fx::new(7);
        fx.add(1);
        fx.add(2);
        assert_eq!(fx.finish(), 0xa6f9_9558_7a2f_a888);
        assert_eq!(feat2(3, 4, 5), 0x25f6_6778_3ec3_7156);
    }

    #[test]
    fn lower_hash_folds_case_and_apostrophes() {
        assert_eq!(lower_hash("Paris"), lower_hash("PARIS"));
        assert_eq!(lower_hash("l’État"), lower_hash("l'état"));
        assert_ne!(lower_hash("Paris"), lower_hash("Pari"));
    }

    #[test]
    fn shapes_and_bits() {
        let s = CaseStats::default();
        let a = tok_info("Macron", &s);
        let b = tok_info("Dupont", &s);
        let c = tok_info("macron", &s);
        assert_eq!(a.shape, b.shape);
        assert_ne!(a.shape, c.shape);
        assert_eq!(a.bits & shape_bits::CAP, shape_bits::CAP);
        assert_eq!(
            tok_info("SNCF", &s).bits & shape_bits::ALL_CAPS,
            shape_bits::ALL_CAPS
        );
        assert_eq!(tok_info(",", &s).bits, shape_bits::PUNCT);
        assert_eq!(a.suf[2], tok_info("Cameron", &s).suf[2]);
    }

    #[test]
    fn case_classes() {
        use case_class::*;
        let table = [
            ((100, 0, 0), LOWER),
            ((0, 100, 0), CAP),
            ((50, 50, 0), MIXED),
            ((1, 1, 0), UNKNOWN),
            ((0, 10, 90), ACRONYM),
            ((80, 20, 0), MOSTLY_LOWER),
        ];
        for ((l, c, u), want) in table {
            assert_eq!(classify(l, c, u), want, "{l} {c} {u}");
        }
    }

    #[test]
    fn features_are_filled_and_differ_by_context() {
        let s = CaseStats::default();
        let infos_of =
            |words: [&str; 4]| -> Vec<TokInfo> { words.iter().map(|w| tok_info(w, &s)).collect() };
        let infos = infos_of(["Le", "maire", "de", "Lyon"]);
        let mut a = [0u64; NUM_FEATURES];
        let mut b = [0u64; NUM_FEATURES];
        features(&infos, 3, &mut a);
        let infos = infos_of(["La", "ville", "de", "Lyon"]);
        features(&infos, 3, &mut b);
        assert_eq!(a[1], b[1]);
        assert_ne!(a[14], b[14]);
        // Every template gives a distinct feature id.
        let mut ids = a.to_vec();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), NUM_FEATURES);
    }
}
