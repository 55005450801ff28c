//! Quotation marks: pairing « », “ ”, ‹ › and straight quotes into quotations, across
//! paragraphs when a quotation runs on, and the byte range of a quotation's words.

use super::super::context::Ctx;
use crate::text::{flags, TokenKind};

/// A pair of quotation marks, as token indices of the marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The opening mark.
    pub open: usize,
    /// The closing mark.
    pub close: usize,
}

/// Quotes whose opening and closing marks span at most this many paragraphs.
const MAX_PARAGRAPHS: u32 = 6;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    GuilOpen,
    GuilClose,
    CurlyOpen,
    CurlyClose,
    Straight,
}

fn mark(ctx: &Ctx, i: usize) -> Option<Mark> {
    if ctx.kind(i) != Some(TokenKind::Quote) {
        return None;
    }
    match ctx.raw(i).chars().next()? {
        '«' | '‹' => Some(Mark::GuilOpen),
        '»' | '›' => Some(Mark::GuilClose),
        '“' | '„' => Some(Mark::CurlyOpen),
        '”' => Some(Mark::CurlyClose),
        '"' => Some(Mark::Straight),
        _ => None,
    }
}

/// Pair quotation marks. Nested marks inside guillemets are ignored; a quote left open at
/// a paragraph end continues when the next paragraph opens with the same mark (French
/// typography), otherwise it is dropped.
pub fn find_quote_spans(ctx: &Ctx) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    // (open token, paragraph of the last continuation) per family.
    let mut guil: Option<(usize, u32)> = None;
    let mut curly: Option<(usize, u32)> = None;
    let mut straight: Option<(usize, u32)> = None;
    let n = ctx.len();
    for i in 0..n {
        let Some(m) = mark(ctx, i) else { continue };
        let para = ctx.para_of[i];
        let para_start = ctx.doc.paragraphs[para as usize].first_token as usize == i;
        // A quote left open at a paragraph end continues when this paragraph opens with a
        // mark of the same family; otherwise it is dropped.
        let mut consumed = false;
        for (slot, family) in [(&mut guil, 0u8), (&mut curly, 1), (&mut straight, 2)] {
            let Some((o, p)) = *slot else { continue };
            if p == para {
                continue;
            }
            let same_family = match family {
                0 => matches!(m, Mark::GuilOpen | Mark::GuilClose),
                1 => m == Mark::CurlyOpen,
                _ => m == Mark::Straight,
            };
            if para == p + 1 && para_start && same_family && para - ctx.para_of[o] < MAX_PARAGRAPHS
            {
                *slot = Some((o, para));
                consumed = true;
            } else {
                *slot = None;
            }
        }
        if consumed {
            continue;
        }
        match m {
            Mark::GuilOpen => guil = Some((i, para)),
            Mark::GuilClose => {
                if let Some((o, _)) = guil.take() {
                    if i > o + 1 {
                        out.push(QuoteSpan { open: o, close: i });
                    }
                    curly = None;
                    straight = None;
                }
            }
            // Marks nested inside guillemets belong to the outer quote.
            _ if guil.is_some() => {}
            Mark::CurlyOpen => curly = Some((i, para)),
            Mark::CurlyClose => {
                if let Some((o, _)) = curly.take() {
                    if i > o + 1 {
                        out.push(QuoteSpan { open: o, close: i });
                    }
                }
            }
            Mark::Straight => {
                // Spacing tells openers (` "Mot`) from closers (`mot" `); it corrects a
                // pairing thrown out of phase by a stray mark.
                let tok = &ctx.doc.tokens[i];
                let glued_right = ctx
                    .doc
                    .tokens
                    .get(i + 1)
                    .is_some_and(|t| !t.has(flags::SPACE_BEFORE) && t.kind != TokenKind::Punct);
                let spaced_left = tok.has(flags::SPACE_BEFORE) || i == 0;
                let opener = spaced_left && glued_right;
                let closer = !spaced_left && !glued_right;
                match straight.take() {
                    Some((o, _)) if !opener || closer => {
                        if i > o + 1 {
                            out.push(QuoteSpan { open: o, close: i });
                        }
                    }
                    _ => {
                        if !closer && i + 1 < n && ctx.para_of[i + 1] == para {
                            straight = Some((i, para));
                        }
                    }
                }
            }
        }
    }
    out.sort_by_key(|q| q.open);
    out
}

/// Most words capitalised: the title of a work or article, not speech.
pub(super) fn title_case(ctx: &Ctx, q: QuoteSpan) -> bool {
    let (mut caps, mut words) = (0, 0);
    for k in q.open + 1..q.close {
        if ctx.kind(k) == Some(TokenKind::Word) {
            words += 1;
            caps += usize::from(ctx.is_cap(k));
        }
    }
    words > 0 && caps * 2 > words
}

/// Tokens of a quote's inner text (without marks, or a trailing comma).
pub fn inner_tokens(ctx: &Ctx, q: QuoteSpan) -> crate::layers::TokenRange {
    let mut last = q.close - 1;
    if last > q.open + 1 && ctx.is_punct(last, ",") {
        last -= 1;
    }
    crate::layers::TokenRange::new(q.open + 1, last + 1)
}
