//! The one normalisation layer: comparison keys of text, shared by every stage.
//!
//! Stages never compare raw text: they compare *keys*. The folded key ([`fold_key_into`]:
//! lowercase, accents stripped, apostrophes, hyphens and spaces folded, ligatures expanded,
//! invisible characters dropped) is what word lists and lexicons are written in; the lowercase
//! key ([`lower_key_into`]) keeps accents, for the few places where they matter ("jugé" is not
//! "juge"). Plain ASCII takes a fast path. The tokenize stage computes both keys of every token
//! once ([`TokenKeys`], read through [`super::Document::key`] and [`super::Document::lower`]).

use super::chars::{fold_punct, is_combining, is_invisible, is_space};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The fast path of both keys: text that is ASCII without backquotes (an apostrophe) or
/// spaces keys to its ASCII lowercase, pushed onto `out`. False (nothing pushed) otherwise.
#[inline]
fn push_plain_ascii(s: &str, out: &mut String) -> bool {
    let plain = s
        .bytes()
        .all(|b| b.is_ascii() && b != b'`' && !is_space(b as char));
    if plain {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
    }
    plain
}

/// Remove the accent from a letter ("é" -> "e", "Ç" -> "C", "ș" -> "s"): a table for
/// Latin-1 and Latin Extended-A (with the letters that have no decomposition, "ł", "ø"), then
/// the canonical decomposition (`unicode-normalization`) for any other accented letter.
/// Other characters are returned unchanged.
pub fn strip_accent(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => 'I',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' | 'Ÿ' => 'Y',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'Ś' | 'Ŝ' | 'Ş' | 'Š' => 'S',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        'ğ' => 'g',
        'Ğ' => 'G',
        'ł' => 'l',
        'Ł' => 'L',
        'ř' => 'r',
        'Ř' => 'R',
        'ť' | 'ţ' => 't',
        'Ť' | 'Ţ' => 'T',
        'ď' => 'd',
        'Ď' => 'D',
        _ => decomposed_base(c),
    }
}

/// The base letter of a character whose canonical decomposition is a letter and combining
/// marks ("ệ" -> "e"); the character itself otherwise.
fn decomposed_base(c: char) -> char {
    let mut d = std::iter::once(c).nfd();
    match d.next() {
        Some(base) if base != c && base.is_alphabetic() && d.all(is_combining_mark) => base,
        _ => c,
    }
}

/// A comparison key for a piece of text: lowercase, accents removed, apostrophes, hyphens and
/// spaces folded, combining marks and invisible characters dropped, ligatures œ/æ expanded.
/// Appends to `out` so callers can reuse one buffer.
pub fn fold_key_into(s: &str, out: &mut String) {
    if push_plain_ascii(s, out) {
        return;
    }
    for c in s.chars() {
        if is_combining(c) || is_invisible(c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            _ => {
                let c = strip_accent(fold_punct(c));
                for l in c.to_lowercase() {
                    out.push(l);
                }
            }
        }
    }
}

/// [`fold_key_into`] returning a new string.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_key_into(s, &mut out);
    out
}

/// A lowercase key: like [`fold_key_into`] but accents kept (apostrophes, hyphens and spaces
/// folded, invisible characters and combining marks dropped).
pub fn lower_key_into(s: &str, out: &mut String) {
    if push_plain_ascii(s, out) {
        return;
    }
    for c in s.chars() {
        if is_combining(c) || is_invisible(c) {
            continue;
        }
        for l in fold_punct(c).to_lowercase() {
            out.push(l);
        }
    }
}

/// The folded and lowercase keys of every token of a document, in two buffers.
#[derive(Clone, Debug, Default)]
pub struct TokenKeys {
    fold: String,
    fold_idx: Vec<(u32, u32)>,
    lower: String,
    lower_idx: Vec<(u32, u32)>,
}

impl TokenKeys {
    /// The keys of `tokens` (each given by its text).
    pub fn new<'t>(tokens: impl ExactSizeIterator<Item = &'t str>, text_len: usize) -> Self {
        let n = tokens.len();
        let mut k = TokenKeys {
            fold: String::with_capacity(text_len + 16),
            fold_idx: Vec::with_capacity(n),
            lower: String::with_capacity(text_len + 16),
            lower_idx: Vec::with_capacity(n),
        };
        for s in tokens {
            let a = k.fold.len() as u32;
            fold_key_into(s, &mut k.fold);
            k.fold_idx.push((a, k.fold.len() as u32));
            let a = k.lower.len() as u32;
            lower_key_into(s, &mut k.lower);
            k.lower_idx.push((a, k.lower.len() as u32));
        }
        k
    }

    /// Folded key of token `i`; None past the end.
    #[inline]
    pub fn fold(&self, i: usize) -> Option<&str> {
        self.fold_idx
            .get(i)
            .map(|&(a, b)| &self.fold[a as usize..b as usize])
    }

    /// Lowercase key of token `i`; None past the end.
    #[inline]
    pub fn lower(&self, i: usize) -> Option<&str> {
        self.lower_idx
            .get(i)
            .map(|&(a, b)| &self.lower[a as usize..b as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_keys() {
        assert_eq!(fold_key("L’État"), "l'etat");
        assert_eq!(fold_key("Cœur"), "coeur");
        assert_eq!(fold_key("PARIS"), "paris");
        assert_eq!(fold_key("a`b"), "a'b");
        // Letters beyond Latin Extended-A fold by decomposition.
        assert_eq!(fold_key("Ștefan Nguyễn"), "stefan nguyen");
        // Letters without a decomposition keep their table entry or stay.
        assert_eq!(fold_key("Łódź Ørsted"), "lodz orsted");
        assert_eq!(fold_key("Ελλάδα"), "ελλαδα");
    }

    #[test]
    fn lowercase_keys_keep_accents() {
        let mut s = String::new();
        lower_key_into("Jugé", &mut s);
        assert_eq!(s, "jugé");
    }

    #[test]
    fn token_keys_index_each_token() {
        let k = TokenKeys::new(["Le", "Député", "l’a"].into_iter(), 12);
        assert_eq!(k.fold(1), Some("depute"));
        assert_eq!(k.lower(1), Some("député"));
        assert_eq!(k.fold(2), Some("l'a"));
        assert_eq!(k.fold(3), None);
    }
}
