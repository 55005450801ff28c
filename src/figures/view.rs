//! A per-document view of the tokens for the figure rules: the document's folded keys
//! (lowercase, no accents, apostrophes and hyphens normalised; see `text::normalize`), the
//! trigger bits and the sentence of every token.

use crate::text::{Document, TokenKind};

/// The token may start a date (month, weekday, relative word, "mi-...").
pub const TRIG_DATE: u8 = 1;
/// The token may start an amount (number word, approximate-number determiner, ratio verb).
pub const TRIG_AMOUNT: u8 = 2;

/// Trigger bits of folded words ([`TRIG_DATE`], [`TRIG_AMOUNT`]): the table the view marks
/// every word with (built from the lexicons by [`super::triggers::Triggers`]).
pub trait TriggerTable {
    /// The trigger bits of a folded word.
    fn of(&self, key: &str) -> u8;
}

/// Folded token keys and sentence indexes over one document.
pub struct Toks<'d, 'a> {
    /// The document.
    pub doc: &'d Document<'a>,
    sent: &'d [u32],
    trig: Vec<u8>,
}

impl<'d, 'a> Toks<'d, 'a> {
    /// Build the view (one pass, one buffer).
    pub fn new<T: TriggerTable + ?Sized>(doc: &'d Document<'a>, triggers: &T) -> Self {
        let n = doc.tokens.len();
        let mut trig = Vec::with_capacity(n);
        for (i, t) in doc.tokens.iter().enumerate() {
            let key = doc.key(i);
            let f = match t.kind {
                TokenKind::Number => TRIG_DATE | TRIG_AMOUNT,
                TokenKind::Word | TokenKind::Elision | TokenKind::Abbrev if key.len() <= 24 => {
                    triggers.of(key)
                }
                _ => 0,
            };
            trig.push(f);
        }
        let sent = &doc.sentence_of[..];
        Toks { doc, sent, trig }
    }

    /// Trigger bits of token `i` (see [`TRIG_DATE`], [`TRIG_AMOUNT`]).
    #[inline]
    pub fn trig(&self, i: usize) -> u8 {
        self.trig.get(i).copied().unwrap_or(0)
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// True when the document has no tokens.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.doc.tokens.is_empty()
    }

    /// Folded key of token `i` ("" past the end).
    #[inline]
    pub fn key(&self, i: usize) -> &'d str {
        self.doc.key(i)
    }

    /// Folded key of the token before `i` ("" at the start).
    #[inline]
    pub fn key_before(&self, i: usize, back: usize) -> &str {
        if i >= back {
            self.key(i - back)
        } else {
            ""
        }
    }

    /// Raw text of token `i` ("" past the end).
    #[inline]
    pub fn raw(&self, i: usize) -> &'a str {
        match self.doc.tokens.get(i) {
            Some(t) => t.text(self.doc.text),
            None => "",
        }
    }

    /// Kind of token `i`.
    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    /// True when token `i` is a number token.
    #[inline]
    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// True when token `i` is a word.
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Word))
    }

    /// True when token `i` starts with an uppercase letter.
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.is_capitalized())
    }

    /// Byte start of token `i`.
    #[inline]
    pub fn start(&self, i: usize) -> usize {
        self.doc.tokens[i].start as usize
    }

    /// Byte end of token `i`.
    #[inline]
    pub fn end(&self, i: usize) -> usize {
        self.doc.tokens[i].end as usize
    }

    /// Sentence index of token `i`.
    #[inline]
    pub fn sent(&self, i: usize) -> usize {
        self.sent.get(i).copied().unwrap_or(u32::MAX) as usize
    }

    /// True when tokens `i` and `j` are in the same sentence.
    #[inline]
    pub fn same_sent(&self, i: usize, j: usize) -> bool {
        j < self.len() && i < self.len() && self.sent[i] == self.sent[j]
    }

    /// True when a line break comes before token `i`.
    #[inline]
    pub fn newline_before(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.has(crate::text::flags::NEWLINE_BEFORE))
    }

    /// Token range of the sentence of token `i`.
    pub fn sentence_tokens(&self, i: usize) -> std::ops::Range<usize> {
        let s = self.sent(i);
        match self.doc.sentences.get(s) {
            Some(seg) => seg.tokens(),
            None => 0..self.len(),
        }
    }
}
