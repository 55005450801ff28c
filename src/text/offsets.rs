//! Byte offsets to code-point offsets.
//!
//! The pipeline works on byte offsets (cheap slicing); records report code-point offsets, the
//! unit Python and most JSON consumers index strings by (`text[start:end]`). [`CharMap`] turns
//! one into the other in O(1) amortised time with a checkpoint every 64 bytes.

const STRIDE: usize = 64;

/// Maps byte offsets of one text to code-point offsets.
#[derive(Clone, Debug, Default)]
pub struct CharMap {
    ascii: bool,
    /// Code points before byte `k * STRIDE`.
    checkpoints: Vec<u32>,
}

impl CharMap {
    /// Build the map for `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharMap {
                ascii: true,
                checkpoints: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
        }
        checkpoints.push(count);
        CharMap {
            ascii: false,
            checkpoints,
        }
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary).
    #[inline]
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let k = byte / STRIDE;
        let base = self.checkpoints[k] as usize;
        base + text.as_bytes()[k * STRIDE..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }

    /// The byte offset of code-point offset `ch` (clamped to the text's end).
    pub fn byte_offset(&self, text: &str, ch: usize) -> usize {
        if self.ascii {
            return ch.min(text.len());
        }
        // Binary search the checkpoint, then walk.
        let k = match self.checkpoints.binary_search(&(ch as u32)) {
            Ok(mut k) => {
                while k > 0 && self.checkpoints[k - 1] == ch as u32 {
                    k -= 1;
                }
                k
            }
            Err(k) => k.saturating_sub(1),
        };
        let mut b = (k * STRIDE).min(text.len());
        while b > 0 && !text.is_char_boundary(b) {
            b -= 1;
        }
        let first = self.char_offset(text, b);
        for (c, (i, _)) in (first..).zip(text[b..].char_indices()) {
            if c == ch {
                return b + i;
            }
        }
        text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_bytes_to_chars_and_back() {
        let text = "Élysée — 109 milliards d’euros ".repeat(20) + "fin";
        let m = CharMap::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(m.char_offset(&text, bi), ci);
            assert_eq!(m.byte_offset(&text, ci), bi);
        }
        assert_eq!(m.char_offset(&text, text.len()), text.chars().count());
    }

    #[test]
    fn ascii_is_identity() {
        let m = CharMap::new("abc");
        assert_eq!(m.char_offset("abc", 2), 2);
        assert_eq!(m.byte_offset("abc", 9), 3);
    }
}
