//! Text stage (`tokenize`, run by [`crate::stage::Tokenizer`]): reads the article text; adds the tokens layer
//! (tokens, sentences, paragraphs, the comparison keys of every token and the byte-to-code-point
//! map) as the [`Document`] every later stage reads. Also: character classes ([`chars`]) and the
//! one normalisation layer ([`normalize`]).
//!
//! Normalisation is done by *views*, never by rewriting the text: the original bytes stay
//! untouched so every span maps back exactly; the character predicates in [`chars`] treat NBSP
//! as space and `’` as `'` wherever a stage compares text.

pub mod chars;
pub mod normalize;
pub mod offsets;
pub mod segment;
pub mod tokenize;

pub use normalize::TokenKeys;
pub use offsets::CharMap;
pub use segment::Segment;
pub use tokenize::{flags, Token, TokenKind};

use crate::article::ArticleDate;

/// A tokenized article: the original text, its tokens, sentences and paragraphs, and the
/// article's date when known. Built once per article and shared by all extractors.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    /// The article text, unchanged.
    pub text: &'a str,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences, covering all tokens in order.
    pub sentences: Vec<Segment>,
    /// Paragraphs, covering all tokens in order; sentence boundaries fall inside them.
    pub paragraphs: Vec<Segment>,
    /// The article's publication date, the anchor for relative dates.
    pub date: Option<ArticleDate>,
    /// The folded and lowercase key of every token ([`normalize`]).
    pub keys: TokenKeys,
    /// Token -> index of its sentence.
    pub sentence_of: Vec<u32>,
    /// Token -> index of its paragraph.
    pub paragraph_of: Vec<u32>,
    chars: CharMap,
}

/// Tokens `start..end` of a document (token indexes, `end` exclusive): how every layer after
/// the tokens places things in the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenRange {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

impl TokenRange {
    /// Tokens `start..end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Self {
        TokenRange { start, end }
    }

    /// Whether the two ranges share a token.
    #[inline]
    pub fn overlaps(self, other: TokenRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest range covering both.
    #[inline]
    pub fn cover(self, other: TokenRange) -> TokenRange {
        TokenRange::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Token -> index of the segment (sentence or paragraph) that holds it.
fn segment_of_token(segments: &[Segment], n: usize) -> Vec<u32> {
    let mut of = vec![0u32; n];
    for (si, s) in segments.iter().enumerate() {
        for t in s.tokens() {
            if t < n {
                of[t] = si as u32;
            }
        }
    }
    of
}

impl<'a> Document<'a> {
    /// Tokenize and segment `text`.
    pub fn new(text: &'a str, date: Option<ArticleDate>) -> Self {
        let tokens = tokenize::tokenize(text);
        let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
        let mut paragraphs = Vec::with_capacity(tokens.len() / 80 + 1);
        segment::segment(&tokens, text, &mut sentences, &mut paragraphs);
        let keys = TokenKeys::new(tokens.iter().map(|t| t.text(text)), text.len());
        let sentence_of = segment_of_token(&sentences, tokens.len());
        let paragraph_of = segment_of_token(&paragraphs, tokens.len());
        Document {
            text,
            tokens,
            sentences,
            paragraphs,
            date,
            keys,
            sentence_of,
            paragraph_of,
            chars: CharMap::new(text),
        }
    }

    /// A document with no tokens yet: what the pipeline starts from, before the `tokenize`
    /// stage.
    pub fn empty(text: &'a str, date: Option<ArticleDate>) -> Self {
        Document {
            text,
            tokens: Vec::new(),
            sentences: Vec::new(),
            paragraphs: Vec::new(),
            date,
            keys: TokenKeys::default(),
            sentence_of: Vec::new(),
            paragraph_of: Vec::new(),
            chars: CharMap::default(),
        }
    }

    /// Folded key of token `i` (lowercase, no accents; see [`normalize`]); "" past the end.
    #[inline]
    pub fn key(&self, i: usize) -> &str {
        self.keys.fold(i).unwrap_or("")
    }

    /// Lowercase key of token `i` (accents kept); "" past the end.
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        self.keys.lower(i).unwrap_or("")
    }

    /// The text of token `i`.
    #[inline]
    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// Index of the sentence containing token `i`.
    pub fn sentence_of_token(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| (s.end_token as usize) <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Index of the sentence containing byte offset `byte` (or the next one after it).
    pub fn sentence_of_byte(&self, byte: usize) -> usize {
        self.sentences
            .partition_point(|s| (s.end as usize) <= byte)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Index of the paragraph containing token `i`.
    pub fn paragraph_of_token(&self, i: usize) -> usize {
        self.paragraphs
            .partition_point(|s| (s.end_token as usize) <= i)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// Index of the first token that ends after byte offset `byte`.
    pub fn token_at_byte(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| (t.end as usize) <= byte)
    }

    /// Code-point offset of byte offset `byte`.
    #[inline]
    pub fn char_offset(&self, byte: usize) -> usize {
        self.chars.char_offset(self.text, byte)
    }

    /// Byte offset of code-point offset `ch`.
    #[inline]
    pub fn byte_offset(&self, ch: usize) -> usize {
        self.chars.byte_offset(self.text, ch)
    }

    /// Byte offsets of the tokens `r`: the start of the first, the end of the last.
    #[inline]
    pub fn range_bytes(&self, r: TokenRange) -> (usize, usize) {
        (
            self.tokens[r.start].start as usize,
            self.tokens[r.end - 1].end as usize,
        )
    }

    /// The text of the tokens `r`, exactly as in the article.
    #[inline]
    pub fn range_text(&self, r: TokenRange) -> &'a str {
        let (s, e) = self.range_bytes(r);
        &self.text[s..e]
    }
}
