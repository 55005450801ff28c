//! A tokenizer written for French news text.
//!
//! Tokens keep exact byte offsets into the original text; nothing is copied. The rules follow
//! French typography as printed in the press:
//! - every Unicode space, including NBSP (U+00A0) and the narrow NBSP (U+202F), separates
//!   tokens; zero-width and bidi marks are skipped;
//! - elisions are split after the apostrophe, straight or curly (`l’`, `d'`, `qu’`, `jusqu’`,
//!   `lorsqu’`, `puisqu’`, `s’`...), while `aujourd’hui`, `presqu’île`, `quelqu’un` and names
//!   such as `O’Neill` stay whole;
//! - hyphenated compounds stay whole (`vice-président`, `Royaume-Uni`), inverted subject
//!   pronouns are split off (`a-t-il` -> `a` `-t-il`, `dit-elle` -> `dit` `-elle`);
//! - numbers keep their thousands separators (space, NBSP, U+202F, dot, apostrophe) and comma
//!   decimals: `1 000`, `839.000`, `51'000`, `19 337 992,84`, `1,5`; ordinals stay whole (`1er`);
//! - abbreviations keep their period (`M.`, `etc.`, `J.-C.`, initials such as `J.D.`), so the
//!   sentence splitter does not break on them;
//! - URLs, e-mail addresses, hashtags and @-handles are single tokens.

use super::chars::{
    is_apostrophe, is_close_quote, is_combining, is_currency_symbol, is_hyphen, is_invisible,
    is_newline, is_open_quote, is_space, is_word_char,
};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits and internal hyphens or apostrophes.
    Word,
    /// A number, with its thousands separators and decimal part, or an ordinal (`1er`).
    Number,
    /// An elided article, pronoun or conjunction with its apostrophe (`l’`, `qu'`).
    Elision,
    /// An abbreviation or initials with their period(s) (`M.`, `etc.`, `J.D.`).
    Abbrev,
    /// A quotation mark (« » “ ” " ‘ and a free-standing ’).
    Quote,
    /// Punctuation (`.`, `,`, `...`, `?!`, `(`, `—`, `•`).
    Punct,
    /// A symbol: currency (`€ $ £`), `%`, `°`, emoji and other non-letters.
    Symbol,
    /// A URL, e-mail address, hashtag or @-handle.
    Url,
}

/// Bit flags describing a token's surroundings and shape.
pub mod flags {
    /// White space precedes the token.
    pub const SPACE_BEFORE: u8 = 1;
    /// At least one line break precedes the token.
    pub const NEWLINE_BEFORE: u8 = 2;
    /// A blank line (two or more line breaks) precedes the token.
    pub const BLANK_LINE_BEFORE: u8 = 4;
    /// The first character is an uppercase letter.
    pub const CAPITALIZED: u8 = 8;
    /// Two or more letters, all uppercase.
    pub const ALL_CAPS: u8 = 16;
    /// The token contains a digit.
    pub const HAS_DIGIT: u8 = 32;
}

/// One token: a byte span of the original text, its kind and shape flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// What the token is made of.
    pub kind: TokenKind,
    /// See [`flags`].
    pub flags: u8,
}

impl Token {
    /// The token's text in `src`, the text it was cut from.
    #[inline]
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start as usize..self.end as usize]
    }

    /// True when the given flag bit(s) are set.
    #[inline]
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// True for a word (or abbreviation) starting with an uppercase letter.
    #[inline]
    pub fn is_capitalized(&self) -> bool {
        self.has(flags::CAPITALIZED)
    }
}

/// Words that elide before a vowel and are split off with their apostrophe (lowercase).
const ELISIONS: &[&str] = crate::lang::fr::text::ELISIONS;

/// Abbreviations that take a period, compared case-sensitively (titles are capitalised).
const ABBREV_CASED: &[&str] = crate::lang::fr::text::ABBREV_CASED;

/// Abbreviations that take a period, compared in lowercase.
const ABBREV_LOWER: &[&str] = crate::lang::fr::text::ABBREV_LOWER;

/// Inverted subject pronouns split off a verb (`a-t-il`, `dit-elle`, `est-ce`).
const INVERTED: &[&str] = crate::lang::fr::text::INVERTED_SUBJECTS;

/// Abbreviations after which a sentence may still end ("... et cetera. Le lendemain").
pub(crate) const SENTENCE_ENDING_ABBREVS: &[&str] = &["etc.", "al.", "cit.", "ibid."];

/// Tokenize `text` into `out` (cleared first). Allocation-free apart from growing `out`.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut t = Tokenizer {
        text,
        bytes,
        pos: 0,
        tok_start: 0,
    };
    let mut pending: u8 = 0;
    loop {
        // Skip white space and invisible marks, remembering line breaks.
        let mut newlines = 0u32;
        let mut spaced = false;
        while let Some(c) = t.peek() {
            if is_space(c) {
                spaced = true;
                if is_newline(c) {
                    // "\r\n" counts as one break.
                    if !(c == '\r' && t.peek_at(t.pos + 1) == Some('\n')) {
                        newlines += 1;
                    }
                }
                t.pos += c.len_utf8();
            } else if is_invisible(c) {
                t.pos += c.len_utf8();
            } else if let Some(n) = t.escaped_break() {
                // A line break or tab written as an escape ("Paul Roy\nVTN Actu"), left in
                // scraped text: white space, the characters stay in the text.
                spaced = true;
                if n {
                    newlines += 1;
                }
                t.pos += 2;
            } else {
                break;
            }
        }
        if spaced {
            pending |= flags::SPACE_BEFORE;
        }
        if newlines >= 1 {
            pending |= flags::NEWLINE_BEFORE;
        }
        if newlines >= 2 {
            pending |= flags::BLANK_LINE_BEFORE;
        }
        let Some(c) = t.peek() else { break };
        t.tok_start = t.pos;
        let kind = t.scan(c, out, &mut pending);
        let (start, end) = (t.tok_start, t.pos);
        if end > start {
            push(out, text, start, end, kind, pending);
            pending = 0;
        }
    }
}

/// Tokenize `text` into a new vector.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut v = Vec::with_capacity(text.len() / 5 + 4);
    tokenize_into(text, &mut v);
    v
}

fn push(out: &mut Vec<Token>, text: &str, start: usize, end: usize, kind: TokenKind, pre: u8) {
    let s = &text[start..end];
    let mut f = pre;
    let mut letters = 0u32;
    let mut upper = 0u32;
    let mut first = true;
    for c in s.chars() {
        let (is_digit, is_alpha, is_upper) = super::chars::char_shape(c);
        if is_digit {
            f |= flags::HAS_DIGIT;
        }
        if is_alpha {
            letters += 1;
            if is_upper {
                upper += 1;
                if first {
                    f |= flags::CAPITALIZED;
                }
            }
            first = false;
        } else if first && !matches!(kind, TokenKind::Word | TokenKind::Abbrev) {
            first = false;
        }
    }
    if letters >= 2 && upper == letters {
        f |= flags::ALL_CAPS;
    }
    out.push(Token {
        start: start as u32,
        end: end as u32,
        kind,
        flags: f,
    });
}

struct Tokenizer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Start of the token being scanned (moves past a split-off elision).
    tok_start: usize,
}

impl<'a> Tokenizer<'a> {
    #[inline]
    fn peek(&self) -> Option<char> {
        self.peek_at(self.pos)
    }

    #[inline]
    /// At a backslash escape of white space left in scraped text ("\n", "\r", "\t") that no
    /// lowercase letter follows: `Some(true)` for a line break ("\n", or "\r" not before
    /// "\n"), `Some(false)` for the rest.
    fn escaped_break(&self) -> Option<bool> {
        if self.bytes.get(self.pos) != Some(&b'\\') {
            return None;
        }
        let e = *self.bytes.get(self.pos + 1)?;
        if !matches!(e, b'n' | b'r' | b't') {
            return None;
        }
        if self.peek_at(self.pos + 2).is_some_and(char::is_lowercase) {
            return None;
        }
        let crlf = e == b'r' && self.bytes.get(self.pos + 2..self.pos + 4) == Some(&b"\\n"[..]);
        Some(e == b'n' || (e == b'r' && !crlf))
    }

    fn peek_at(&self, i: usize) -> Option<char> {
        if i >= self.bytes.len() {
            return None;
        }
        let b = self.bytes[i];
        if b < 0x80 {
            Some(b as char)
        } else {
            self.text[i..].chars().next()
        }
    }

    /// Scan one token starting with `c` at `self.pos`; advance `self.pos` to its end. May push
    /// earlier tokens itself (for elisions and inverted pronouns) using `pending` flags.
    fn scan(&mut self, c: char, out: &mut Vec<Token>, pending: &mut u8) -> TokenKind {
        let start = self.pos;
        if c.is_ascii_digit() {
            return self.scan_number();
        }
        if let Some(k) = self.scan_url_like(c) {
            return k;
        }
        if is_word_char(c) {
            return self.scan_word(start, out, pending);
        }
        if is_hyphen(c) {
            if let Some(n) = self.inverted_pronoun_len(start + c.len_utf8()) {
                self.pos = start + c.len_utf8() + n;
                return TokenKind::Word;
            }
        }
        // Punctuation and symbols.
        self.pos += c.len_utf8();
        match c {
            '.' => {
                while self.peek() == Some('.') {
                    self.pos += 1;
                }
                TokenKind::Punct
            }
            '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' => {
                while let Some(n) = self.peek() {
                    if matches!(n, '!' | '?') {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                TokenKind::Punct
            }
            '"' | '‘' => TokenKind::Quote,
            _ if is_open_quote(c) || is_close_quote(c) => TokenKind::Quote,
            _ if is_apostrophe(c) => TokenKind::Quote,
            _ if is_currency_symbol(c) || matches!(c, '%' | '‰' | '°' | '§' | '#' | '@' | '&') => {
                TokenKind::Symbol
            }
            _ if c.is_ascii_punctuation()
                || matches!(
                    c,
                    '…' | '•' | '·' | '–' | '—' | '―' | '−' | '‐' | '‑' | '¿' | '¡'
                ) =>
            {
                TokenKind::Punct
            }
            _ => {
                // Emoji and other symbols: keep following combining marks, variation selectors
                // and zero-width-joiner sequences in the same token.
                while let Some(n) = self.peek() {
                    if is_combining(n)
                        || matches!(n, '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}')
                    {
                        self.pos += n.len_utf8();
                    } else if n == '\u{200D}' {
                        self.pos += 3;
                        if let Some(m) = self.peek() {
                            if !is_space(m) {
                                self.pos += m.len_utf8();
                            }
                        }
                    } else {
                        break;
                    }
                }
                TokenKind::Symbol
            }
        }
    }

    fn digits(&mut self) -> usize {
        let s = self.pos;
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_digit() {
            self.pos += 1;
        }
        self.pos - s
    }

    /// Count ASCII digits starting at byte `i`.
    fn digits_at(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.bytes.len() && self.bytes[j].is_ascii_digit() {
            j += 1;
        }
        j - i
    }

    fn scan_number(&mut self) -> TokenKind {
        let first = self.digits();
        let mut group_len = first;
        let mut grouped = false;
        let mut decimal = false;
        let mut separators = false;
        while let Some(c) = self.peek() {
            let after = self.pos + c.len_utf8();
            if c == ',' && !decimal {
                let n = self.digits_at(after);
                if n > 0 {
                    self.pos = after + n;
                    decimal = true;
                    separators = true;
                    continue;
                }
                break;
            }
            if decimal {
                break;
            }
            if c == '.' || is_apostrophe(c) || super::chars::is_group_space(c) {
                let n = self.digits_at(after);
                let is_space_sep = super::chars::is_group_space(c);
                if n == 3 && (group_len <= 3) && (!is_space_sep || grouped || first <= 3) {
                    // Thousands group: "1 000", "839.000", "51'000".
                    // A space may not join a 4-digit year to a following number.
                    self.pos = after + 3;
                    group_len = 3;
                    grouped = true;
                    separators = true;
                    continue;
                }
                if c == '.' && n > 0 && !grouped && n != 3 {
                    // English-style decimal point: "3.5", "1.25".
                    self.pos = after + n;
                    decimal = true;
                    separators = true;
                    continue;
                }
            }
            break;
        }
        // Ordinals and times glued to a plain integer: "1er", "2e", "XXe" is a word, "10h30".
        if !separators {
            let rest = &self.text[self.pos..];
            let suffix_len = alpha_run_len(rest);
            if suffix_len > 0 {
                let suffix = &rest[..suffix_len];
                let end_ok = rest[suffix_len..]
                    .chars()
                    .next()
                    .is_none_or(|n| !is_word_char(n));
                if end_ok
                    && matches!(
                        suffix,
                        "er" | "re"
                            | "ère"
                            | "e"
                            | "è"
                            | "ème"
                            | "eme"
                            | "nd"
                            | "nde"
                            | "ieme"
                            | "ième"
                            | "es"
                            | "èmes"
                            | "ers"
                            | "res"
                    )
                {
                    self.pos += suffix_len;
                    return TokenKind::Number;
                }
                if suffix == "h" || suffix == "H" {
                    // "10h30", "8h"
                    let mut p = self.pos + 1;
                    let m = self.digits_at(p);
                    p += m;
                    let nxt = self.text[p..].chars().next();
                    if m <= 2 && nxt.is_none_or(|n| !is_word_char(n)) {
                        self.pos = p;
                        return TokenKind::Number;
                    }
                }
            }
        }
        TokenKind::Number
    }

    fn scan_url_like(&mut self, c: char) -> Option<TokenKind> {
        let rest = &self.text[self.pos..];
        let end_of_run = |s: &str| -> usize {
            s.char_indices()
                .find(|&(_, ch)| {
                    is_space(ch)
                        || is_open_quote(ch)
                        || is_close_quote(ch)
                        || ch == '"'
                        || ch == '<'
                        || ch == '>'
                })
                .map_or(s.len(), |(i, _)| i)
        };
        let trim_trailing = |s: &str| -> usize {
            // A URL does not end with sentence punctuation or a closing bracket.
            s.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '’'])
                .len()
        };
        if (c == '#' || c == '@')
            && rest[1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphanumeric() || n == '_')
        {
            let mut n = 1;
            for ch in rest[1..].chars() {
                if ch.is_alphanumeric() || ch == '_' || is_combining(ch) {
                    n += ch.len_utf8();
                } else {
                    break;
                }
            }
            self.pos += n;
            return Some(TokenKind::Url);
        }
        if !c.is_ascii_alphanumeric() {
            return None;
        }
        let lower_starts = |p: &str| {
            rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        };
        if lower_starts("http://") || lower_starts("https://") || lower_starts("www.") {
            let n = trim_trailing(&rest[..end_of_run(rest)]);
            self.pos += n;
            return Some(TokenKind::Url);
        }
        // Bare domains with a path ("pic.twitter.com/abc") and e-mail addresses: only worth
        // a look when the leading ASCII word is followed by '.', '@' or '/'.
        let lead = rest
            .bytes()
            .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
            .unwrap_or(rest.len());
        if !matches!(rest.as_bytes().get(lead), Some(b'.' | b'@' | b'/')) {
            return None;
        }
        let run = &rest[..end_of_run(rest)];
        let run = &run[..trim_trailing(run)];
        if run.len() > 4 && run.is_ascii() {
            let at = run.find('@');
            let dot = run.find('.');
            let looks_email = at
                .is_some_and(|a| a > 0 && run[a..].contains('.') && !run[a + 1..].starts_with('.'));
            let looks_domain_path = dot.is_some_and(|d| {
                let slash = run.find('/');
                slash.is_some_and(|s| s > d + 2)
                    && run[..slash.unwrap_or(0)]
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
            });
            if looks_email || looks_domain_path {
                self.pos += run.len();
                return Some(TokenKind::Url);
            }
        }
        None
    }

    fn scan_word(&mut self, mut start: usize, out: &mut Vec<Token>, pending: &mut u8) -> TokenKind {
        'token: loop {
            // Initials and dotted acronyms: "J.D.", "J.-C.", "U.S.A.".
            if let Some(end) = self.initials_end(start) {
                self.pos = end;
                return TokenKind::Abbrev;
            }
            let mut seg_start = start; // start of the current hyphen-separated segment
            loop {
                // Word characters (letters, digits, combining marks).
                while let Some(c) = self.peek() {
                    if is_word_char(c) {
                        self.pos += c.len_utf8();
                    } else {
                        break;
                    }
                }
                let Some(c) = self.peek() else { break };
                let after = self.pos + c.len_utf8();
                if is_apostrophe(c) {
                    let next = self.peek_at(after);
                    if next.is_some_and(|n| n.is_alphabetic()) {
                        let prefix = &self.text[seg_start..self.pos];
                        if seg_start == start && is_elision(prefix, next.unwrap()) {
                            // Emit "l’" and continue with the next word as a new token.
                            push(out, self.text, start, after, TokenKind::Elision, *pending);
                            *pending = 0;
                            // The next word starts a new token (a loop, not recursion: "l’l’l’..."
                            // must not grow the stack).
                            self.tok_start = after;
                            self.pos = after;
                            start = after;
                            continue 'token;
                        }
                        // "aujourd’hui", "presqu’île", "O’Neill": keep whole.
                        self.pos = after;
                        continue;
                    }
                    break;
                }
                if is_hyphen(c) {
                    let next = self.peek_at(after);
                    if next.is_some_and(is_word_char) {
                        // Inverted pronoun: split it off.
                        if self.inverted_pronoun_len(after).is_some() {
                            break;
                        }
                        self.pos = after;
                        seg_start = after;
                        continue;
                    }
                    break;
                }
                if c == '.' {
                    let word = &self.text[start..self.pos];
                    if is_abbreviation(word) {
                        self.pos = after;
                        return TokenKind::Abbrev;
                    }
                }
                break;
            }
            return TokenKind::Word;
        }
    }

    /// Length of an inverted subject pronoun (`t-il`, `elle`) starting at byte `at`, when one
    /// ends there as a whole word.
    fn inverted_pronoun_len(&self, at: usize) -> Option<usize> {
        let rest = &self.text[at..];
        INVERTED
            .iter()
            .find(|p| {
                rest.starts_with(**p)
                    && rest[p.len()..]
                        .chars()
                        .next()
                        .is_none_or(|n| !is_word_char(n) && !is_hyphen(n))
            })
            .map(|p| p.len())
    }

    /// End of an initials sequence at `start`: an uppercase letter and a period, repeated
    /// ("J.", "J.D.", "J.-C.", "U.S.A."). A single letter followed by "." counts only when it
    /// is uppercase.
    fn initials_end(&self, start: usize) -> Option<usize> {
        let mut p = start;
        let mut count = 0;
        loop {
            let c = self.peek_at(p)?;
            if !c.is_alphabetic() {
                break;
            }
            let after_letter = p + c.len_utf8();
            if self.peek_at(after_letter) != Some('.') {
                break;
            }
            // The letter must stand alone (not end of a longer word).
            if count == 0 && !c.is_uppercase() {
                return None;
            }
            p = after_letter + 1;
            count += 1;
            // "J.-C."
            if self.peek_at(p).is_some_and(is_hyphen)
                && self.peek_at(p + 1).is_some_and(|n| n.is_uppercase())
                && self.peek_at(p + 1 + self.peek_at(p + 1).map_or(1, char::len_utf8)) == Some('.')
            {
                p += 1;
            }
        }
        if count == 0 {
            return None;
        }
        // A lone capital letter and period followed by a letter glued to it ("A.B" without the
        // final period) is not initials.
        if self.peek_at(p).is_some_and(is_word_char) {
            return None;
        }
        Some(p)
    }
}

fn alpha_run_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i)
}

fn is_elision(prefix: &str, next: char) -> bool {
    if prefix.len() > 7 {
        return false;
    }
    let mut buf = [0u8; 8];
    let mut n = 0;
    for b in prefix.bytes() {
        if !b.is_ascii_alphabetic() {
            return false;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    let lower = std::str::from_utf8(&buf[..n]).unwrap_or("");
    if !ELISIONS.contains(&lower) {
        return false;
    }
    // "N’Djamena", "N'Golo": a capital N before a capital letter is part of a name.
    !(prefix == "N" && next.is_uppercase())
}

fn is_abbreviation(word: &str) -> bool {
    if ABBREV_CASED.contains(&word) {
        return true;
    }
    if word.len() > 8 {
        return false;
    }
    let lower = word.to_lowercase();
    ABBREV_LOWER.contains(&lower.as_str())
}

#[cfg(test)]
mod tests;
