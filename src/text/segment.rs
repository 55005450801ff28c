//! Sentence and paragraph boundaries over the token stream.
//!
//! Paragraphs end at blank lines, and at single line breaks unless the break is a soft wrap
//! (the line does not end a sentence and the next one starts in lowercase). Sentences end after
//! `.`, `!`, `?`, `…` (with any closing quotes or brackets that follow) when the next token
//! starts a sentence: a capital letter, a digit, an opening quote, a dash or a bullet.
//! Abbreviations and initials carry their period inside the token (`M.`, `J.D.`), so they never
//! end a sentence, except the few that can close one (`etc.`) when a capital follows.

use super::chars::is_sentence_final;
use super::tokenize::{flags, Token, TokenKind, SENTENCE_ENDING_ABBREVS};

/// A run of tokens: a sentence or a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte offset of the first token's start.
    pub start: u32,
    /// Byte offset of the last token's end.
    pub end: u32,
    /// Index of the first token.
    pub first_token: u32,
    /// Index one past the last token.
    pub end_token: u32,
}

impl Segment {
    /// The segment's token index range.
    #[inline]
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.first_token as usize..self.end_token as usize
    }

    /// The segment's text in `src`.
    #[inline]
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start as usize..self.end as usize]
    }
}

fn first_char(t: &Token, src: &str) -> char {
    t.text(src).chars().next().unwrap_or(' ')
}

fn is_final_punct(t: &Token, src: &str) -> bool {
    match t.kind {
        TokenKind::Punct => t.text(src).chars().next().is_some_and(is_sentence_final),
        TokenKind::Abbrev => SENTENCE_ENDING_ABBREVS.contains(&t.text(src)),
        _ => false,
    }
}

fn is_closer(t: &Token, src: &str) -> bool {
    match t.kind {
        TokenKind::Quote => {
            let c = first_char(t, src);
            // A straight quote closes when no space precedes it or when space follows.
            matches!(c, '»' | '”' | '›' | '’') || (c == '"' && !t.has(flags::SPACE_BEFORE))
        }
        TokenKind::Punct => matches!(first_char(t, src), ')' | ']' | '}'),
        _ => false,
    }
}

fn starts_sentence(t: &Token, src: &str) -> bool {
    let c = first_char(t, src);
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '«' | '“' | '"' | '—' | '–' | '-' | '•' | '(' | '[' | '¿' | '¡' | '‘' | '\'' | '…'
        )
        || t.kind == TokenKind::Url
        || (t.kind == TokenKind::Elision && c.is_uppercase())
}

/// True when a line break before token `i` is a paragraph break rather than a soft wrap.
fn is_paragraph_break(tokens: &[Token], i: usize, src: &str) -> bool {
    let t = &tokens[i];
    if t.has(flags::BLANK_LINE_BEFORE) {
        return true;
    }
    if !t.has(flags::NEWLINE_BEFORE) || i == 0 {
        return false;
    }
    let prev = &tokens[i - 1];
    let prev_c = first_char(prev, src);
    let soft = first_char(t, src).is_lowercase()
        && !is_final_punct(prev, src)
        && !matches!(prev_c, ':' | ';')
        && !is_closer(prev, src);
    !soft
}

/// Compute sentences and paragraphs. Both lists cover every token exactly once, in order.
pub fn segment(
    tokens: &[Token],
    src: &str,
    sentences: &mut Vec<Segment>,
    paragraphs: &mut Vec<Segment>,
) {
    sentences.clear();
    paragraphs.clear();
    if tokens.is_empty() {
        return;
    }
    let mk = |a: usize, b: usize| Segment {
        start: tokens[a].start,
        end: tokens[b - 1].end,
        first_token: a as u32,
        end_token: b as u32,
    };
    let mut sent_start = 0usize;
    let mut para_start = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        if i > sent_start || i > para_start {
            // nothing
        }
        if i > 0 && is_paragraph_break(tokens, i, src) {
            if i > sent_start {
                sentences.push(mk(sent_start, i));
            }
            if i > para_start {
                paragraphs.push(mk(para_start, i));
            }
            sent_start = i;
            para_start = i;
        }
        // "1." opening a numbered list item does not end a sentence.
        let list_marker = i == sent_start + 1 && tokens[sent_start].kind == TokenKind::Number;
        if !list_marker && is_final_punct(&tokens[i], src) {
            // Attach closing quotes and brackets to this sentence.
            let mut j = i + 1;
            while j < tokens.len()
                && is_closer(&tokens[j], src)
                && !tokens[j].has(flags::NEWLINE_BEFORE)
            {
                j += 1;
            }
            // A footnote call glued after the quote ("» 1.") stays with the sentence.
            let boundary = j >= tokens.len()
                || tokens[j].has(flags::NEWLINE_BEFORE)
                || (tokens[j].has(flags::SPACE_BEFORE) || j > i + 1)
                    && starts_sentence(&tokens[j], src);
            if boundary {
                if j < tokens.len() && !tokens[j].has(flags::NEWLINE_BEFORE) || j >= tokens.len() {
                    sentences.push(mk(sent_start, j));
                    sent_start = j;
                } else {
                    // The paragraph break at j will close the sentence.
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if tokens.len() > sent_start {
        sentences.push(mk(sent_start, tokens.len()));
    }
    if tokens.len() > para_start {
        paragraphs.push(mk(para_start, tokens.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    fn sents(s: &str) -> Vec<String> {
        let t = tokenize(s);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        segment(&t, s, &mut a, &mut b);
        a.iter().map(|x| x.text(s).to_string()).collect()
    }

    fn paras(s: &str) -> Vec<String> {
        let t = tokenize(s);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        segment(&t, s, &mut a, &mut b);
        b.iter().map(|x| x.text(s).to_string()).collect()
    }

    const SENTENCE_CASES: &[(&str, &[&str])] = &[
        ("Il pleut. Il vente.", &["Il pleut.", "Il vente."]),
        (
            "M. Vance a parlé. Il est parti.",
            &["M. Vance a parlé.", "Il est parti."],
        ),
        (
            "J.D. Vance est là. Mme Borne aussi.",
            &["J.D. Vance est là.", "Mme Borne aussi."],
        ),
        (
            "Vers 52 av. J.-C. la ville brûla.",
            &["Vers 52 av. J.-C. la ville brûla."],
        ),
        (
            "« Nous gagnerons. » Il sourit.",
            &["« Nous gagnerons. »", "Il sourit."],
        ),
        (
            "« Pourquoi ? » a-t-il demandé.",
            &["« Pourquoi ? » a-t-il demandé."],
        ),
        ("Vraiment ?! Oui.", &["Vraiment ?!", "Oui."]),
        (
            "Il hésita... Puis partit.",
            &["Il hésita...", "Puis partit."],
        ),
        (
            "Des pommes, etc. Puis du pain.",
            &["Des pommes, etc.", "Puis du pain."],
        ),
        (
            "Il a 3,5 millions. 2025 sera dur.",
            &["Il a 3,5 millions.", "2025 sera dur."],
        ),
        (
            "Voir le site www.example.fr. Merci.",
            &["Voir le site www.example.fr.", "Merci."],
        ),
        ("Titre\n\nCorps du texte.", &["Titre", "Corps du texte."]),
        (
            "une ligne coupée\nau milieu. Fin.",
            &["une ligne coupée\nau milieu.", "Fin."],
        ),
        ("la censure » 1.\n  • Sam", &["la censure » 1.", "• Sam"]),
        (
            "Le prix est de 5 €. Le coût (environ 3 €). Fin.",
            &["Le prix est de 5 €.", "Le coût (environ 3 €).", "Fin."],
        ),
        ("il est 10 h. c'est tard", &["il est 10 h. c'est tard"]),
        (
            "Sources\n1. Jean Dupont, Le Monde.\n2. Autre.",
            &["Sources", "1. Jean Dupont, Le Monde.", "2. Autre."],
        ),
    ];

    #[test]
    fn splits_sentences_without_breaking_on_abbreviations() {
        for (input, expected) in SENTENCE_CASES {
            assert_eq!(&sents(input), expected, "input: {input:?}");
        }
    }

    #[test]
    fn paragraphs_break_on_lines_but_not_soft_wraps() {
        assert_eq!(
            paras("Un.\n\nDeux.\nTrois."),
            vec!["Un.", "Deux.", "Trois."]
        );
        assert_eq!(
            paras("une ligne\ncoupée.\nSuite."),
            vec!["une ligne\ncoupée.", "Suite."]
        );
        assert_eq!(
            paras("Liste :\n• un\n• deux"),
            vec!["Liste :", "• un", "• deux"]
        );
    }

    #[test]
    fn segments_cover_all_tokens() {
        for (input, _) in SENTENCE_CASES {
            let t = tokenize(input);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            segment(&t, input, &mut a, &mut b);
            for segs in [&a, &b] {
                let mut next = 0;
                for s in segs.iter() {
                    assert_eq!(s.first_token, next);
                    assert!(s.end_token > s.first_token);
                    next = s.end_token;
                }
                assert_eq!(next as usize, t.len());
            }
        }
    }
}
