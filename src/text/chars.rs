//! Character classes for French news text.
//!
//! News text mixes typographic conventions: non-breaking spaces before `:` and inside
//! guillemets, curly and straight apostrophes, several dash characters. These predicates are
//! the one place where the tokenizer and the extractors agree on what counts as what.

/// Horizontal or vertical white space, including the no-break spaces French typography puts
/// before `:;!?%€` and inside guillemets (U+00A0, U+202F) and the other Unicode spaces.
#[inline]
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Spaces that may separate digit groups inside one number ("1 000", "35 900 €").
#[inline]
pub fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}')
}

/// Line and paragraph breaks.
#[inline]
pub fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Zero-width and bidirectional formatting marks that carry no text (ZWSP, ZWNJ, ZWJ, LRM,
/// RLM, bidi embeddings and isolates, word joiner, BOM, soft hyphen).
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
    )
}

/// Apostrophes: ASCII `'`, typographic `’`, and the look-alikes found in scraped text.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`'
    )
}

/// Hyphens that join words ("vice-président", "a-t-il"). The non-breaking hyphen U+2011 and
/// the hyphen U+2010 occur in typeset text.
#[inline]
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Dashes used as punctuation (en dash, em dash, horizontal bar, minus sign).
#[inline]
pub fn is_dash(c: char) -> bool {
    matches!(c, '\u{2012}'..='\u{2015}' | '\u{2212}')
}

/// Opening quotation marks: « “ „ ‹ and the straight `"` (ambiguous, decided by context).
#[inline]
pub fn is_open_quote(c: char) -> bool {
    matches!(c, '«' | '“' | '„' | '‹')
}

/// Closing quotation marks: » ” ›.
#[inline]
pub fn is_close_quote(c: char) -> bool {
    matches!(c, '»' | '”' | '›')
}

/// Any quotation mark, straight or typographic.
#[inline]
pub fn is_quote(c: char) -> bool {
    is_open_quote(c) || is_close_quote(c) || c == '"'
}

/// Letters and the combining marks that decorate them (NFD accents).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{C0}'..='\u{24F}').contains(&c) {
        // Latin-1 Supplement and Latin Extended-A/B letters (é, ç, œ...): skip the Unicode
        // tables on the hot path. × and ÷ are the only non-letters in the range.
        return c != '\u{D7}' && c != '\u{F7}';
    }
    c.is_alphanumeric() || is_combining(c)
}

/// (is a digit, is a letter, is an uppercase letter) for one character, with fast paths for
/// ASCII and the Latin letters of French text.
#[inline]
pub fn char_shape(c: char) -> (bool, bool, bool) {
    if c.is_ascii() {
        let b = c as u8;
        return (
            b.is_ascii_digit(),
            b.is_ascii_alphabetic(),
            b.is_ascii_uppercase(),
        );
    }
    if ('\u{C0}'..='\u{FF}').contains(&c) {
        let alpha = c != '\u{D7}' && c != '\u{F7}';
        return (false, alpha, alpha && c <= '\u{DE}');
    }
    if ('\u{100}'..='\u{24F}').contains(&c) {
        return (false, true, c.is_uppercase());
    }
    (c.is_numeric(), c.is_alphabetic(), c.is_uppercase())
}

/// Combining diacritical marks (NFD "é" is `e` + U+0301).
#[inline]
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Currency symbols that stand alone as tokens ("35 900 €", "2,4 M$").
#[inline]
pub fn is_currency_symbol(c: char) -> bool {
    matches!(
        c,
        '€' | '$' | '£' | '¥' | '₣' | '₹' | '₽' | '₩' | '₺' | '₪' | '¢' | '₦' | '₿'
    )
}

/// Sentence-final punctuation characters.
#[inline]
pub fn is_sentence_final(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Fold a character for comparisons: apostrophe look-alikes become `'`, spaces become ` `,
/// hyphens become `-`. Case and accents are kept.
#[inline]
pub fn fold_punct(c: char) -> char {
    if is_apostrophe(c) {
        '\''
    } else if is_space(c) {
        ' '
    } else if is_hyphen(c) {
        '-'
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold_key;

    #[test]
    fn spaces_include_french_no_break_spaces() {
        for c in [' ', '\u{A0}', '\u{202F}', '\u{2009}', '\n'] {
            assert!(is_space(c), "{c:?}");
        }
        assert!(!is_space('a'));
        assert!(!is_space('\u{200B}'), "ZWSP is invisible, not a space");
    }

    #[test]
    fn char_shape_fast_paths_agree_with_unicode() {
        for c in ('\u{0}'..='\u{2FF}').chain(['œ', 'Œ', 'ÿ', 'Ÿ', '١', 'ß', '²']) {
            let (d, a, u) = char_shape(c);
            assert_eq!(a, c.is_alphabetic(), "{c:?}");
            assert_eq!(u, c.is_uppercase(), "{c:?}");
            if c.is_ascii_digit() {
                assert!(d);
            }
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric() || is_combining(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn fold_key_normalises_case_accents_and_apostrophes() {
        assert_eq!(fold_key("États-Unis"), "etats-unis");
        assert_eq!(fold_key("l’Élysée"), "l'elysee");
        assert_eq!(fold_key("Cœur"), "coeur");
        assert_eq!(fold_key("Se\u{301}journe\u{301}"), "sejourne");
        assert_eq!(fold_key("a\u{A0}b"), "a b");
    }
}
