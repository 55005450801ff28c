//! Stance targets: the noun phrase a stance is about, trimmed and cut at the clause boundary.

use super::infinitive_at;
use crate::positions::context::Ctx;
use crate::text::TokenKind;

/// Determiners skipped at the start of a target.
pub(super) const TARGET_DETS: &[&str] = crate::lang::fr::positions::TARGET_DETERMINERS;

/// Words that end a target noun phrase.
pub(super) const TARGET_STOPS: &[&str] = crate::lang::fr::positions::TARGET_STOPS;

/// Maximum words in a target.
pub(super) const TARGET_MAX: usize = 9;

/// The target noun phrase starting at token `k`: determiners trimmed, cut at the first
/// clause boundary.
pub(super) fn target_at(ctx: &Ctx, k: usize) -> Option<(usize, usize)> {
    target_in(ctx, k, 0)
}

/// Nouns that are no target on their own ("l'idée", "la façon").
pub(super) const LIGHT_NOUNS: &[&str] = crate::lang::fr::positions::LIGHT_NOUNS;

/// [`target_at`], `depth` light nouns deep.
pub(super) fn target_in(ctx: &Ctx, k: usize, depth: u8) -> Option<(usize, usize)> {
    let mut s = k;
    let mut skipped = 0;
    while skipped < 4
        && (TARGET_DETS.contains(&ctx.low(s)) || ctx.kind(s) == Some(TokenKind::Quote))
    {
        s += 1;
        skipped += 1;
    }
    if s >= ctx.len() {
        return None;
    }
    // A target names something: not a negation, a conjunction or a subject pronoun.
    if matches!(
        ctx.low(s),
        "ne" | "n'"
            | "pas"
            | "mais"
            | "et"
            | "or"
            | "donc"
            | "je"
            | "j'"
            | "nous"
            | "on"
            | "vous"
            | "tu"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "c'"
            | "ça"
            | "cela"
            | "ceci"
            | "lui"
            | "eux"
            | "moi"
            | "toi"
    ) {
        return None;
    }
    let mut e = s;
    let mut words = 0;
    let end_sent = ctx.sent_end(s);
    while e < end_sent && words < TARGET_MAX {
        let kind = ctx.kind(e);
        match kind {
            Some(TokenKind::Quote) => {
                e += 1;
                continue;
            }
            Some(TokenKind::Punct) | Some(TokenKind::Url) => break,
            _ => {}
        }
        let topic = ctx.low(e) == "en" && matches!(ctx.low(e + 1), "matière" | "termes");
        if e > s && TARGET_STOPS.contains(&ctx.low(e)) && !topic {
            break;
        }
        // "accuse la direction d'avoir menti": the object ends before the clause.
        if e > s
            && matches!(ctx.low(e), "de" | "d'")
            && matches!(ctx.low(e + 1), "avoir" | "être")
            && !infinitive_at(ctx, s)
        {
            break;
        }
        if e == s
            && (ctx.is_punct(e, ",")
                || matches!(
                    ctx.low(e),
                    "que" | "qu'" | "à" | "il" | "elle" | "se" | "s'"
                ))
        {
            return None;
        }
        e += 1;
        words += 1;
    }
    // Trim trailing quote marks and function words.
    while e > s
        && (ctx.kind(e - 1) == Some(TokenKind::Quote)
            || TARGET_DETS.contains(&ctx.low(e - 1))
            || matches!(
                ctx.low(e - 1),
                "à" | "au" | "aux" | "de" | "d'" | "des" | "du"
            ))
    {
        e -= 1;
    }
    // Straight quotes: an odd count takes the next mark, or is cut at the last one.
    let straight = (s..e).filter(|&t| ctx.raw(t) == "\"").count();
    if straight % 2 == 1 {
        if ctx.raw(e) == "\"" {
            e += 1;
        } else if let Some(last) = (s..e).rev().find(|&t| ctx.raw(t) == "\"") {
            e = last;
        }
    }
    // Keep quotation marks balanced: "« autoritaires" takes its closing mark.
    let open = (s..e).filter(|&t| is_opening(ctx, t)).count();
    let close = (s..e)
        .filter(|&t| ctx.kind(t) == Some(TokenKind::Quote) && !is_opening(ctx, t))
        .count();
    if open > close && ctx.kind(e) == Some(TokenKind::Quote) {
        e += 1;
    }
    // A lone demonstrative ("son soutien à celle qui ...") names nothing; "ceux déjà visés"
    // does.
    if e == s + 1 && matches!(ctx.low(s), "celle" | "celui" | "ceux" | "celles") {
        return None;
    }
    // A lone adverb ("vigoureusement") is no target, nor a verb ("devient excessif").
    if e == s + 1 && ctx.low(s).ends_with("ment") && ctx.is_lower_word(s) {
        return None;
    }
    if e == s + 1 && ctx.finite_verb_at(s) && !infinitive_at(ctx, s) {
        return None;
    }
    // "l'idée que X", "la mise en place de X": the complement names the target.
    if ctx.fold(s).is_some_and(|f| LIGHT_NOUNS.contains(&f)) {
        let mut c = s + 1;
        if ctx.low(c) == "en" && ctx.is_lower_word(c + 1) {
            c += 2;
        }
        return match ctx.low(c) {
            "de" | "d'" | "du" | "des" | "que" | "qu'" if depth < 2 => {
                target_in(ctx, c + 1, depth + 1)
            }
            _ => None,
        };
    }
    (e > s).then_some((s, e))
}

pub(super) fn is_opening(ctx: &Ctx, t: usize) -> bool {
    ctx.kind(t) == Some(TokenKind::Quote)
        && matches!(ctx.raw(t).chars().next(), Some('«' | '“' | '‹'))
}

/// Heads that call for the end of what follows ("fin des contrôles", "sortir du nucléaire"):
/// the target after them.
pub(super) const NEGATING_HEADS: &[&str] = crate::lang::fr::positions::NEGATING_HEADS;

/// The target `(s, e)` opens on a head that negates its complement: the complement.
pub(super) fn negated_target(ctx: &Ctx, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    let n = ctx.phrase_len(s, NEGATING_HEADS)?;
    let p = s + n;
    if !matches!(
        ctx.low(p),
        "de" | "d'" | "du" | "des" | "à" | "au" | "aux" | "avec" | "sur"
    ) {
        return None;
    }
    let t = target_at(ctx, p + 1)?;
    (t.0 < e.max(t.1)).then_some(t)
}
