//! The speaker a quotation takes from its sentence and its neighbours: an incise
//! pronoun resolved against the previous speaker, the subject opening the clause, "Pour X",
//! "Selon X", the person the previous sentence is about, and speakers shared by the
//! quotations of one sentence.

use super::super::attrib::{Resolver, Who};
use super::super::context::Ctx;
use super::cues::cue_at;
use super::FoundQuote;
use crate::record::ActorType;
use crate::text::TokenKind;

/// The speaker of an incise pronoun ("», a-t-il ajouté"): the speaker of the previous quote
/// when it is close and of the same gender, else the most salient person.
pub(super) fn pronoun_speaker(
    ctx: &Ctx,
    res: &mut Resolver,
    out: &[FoundQuote],
    o: usize,
    p: usize,
) -> Who {
    let w = ctx.low(p);
    if !(w.ends_with("il") || w.ends_with("elle")) {
        return res.resolve_pronoun(ctx, p);
    }
    let fem = w.ends_with("elle");
    // `o` may be one past the last token (a clause that runs to the end of the text).
    let so = ctx.sent_of[o.min(ctx.len() - 1)];
    let prev = out
        .iter()
        .rev()
        .find(|q| !q.tentative)
        .and_then(|q| match q.who {
            Some(Who::Actor(a, _)) if so - ctx.sent_of[q.span.close.min(o)] <= 2 => {
                Some((a, q.span.close))
            }
            _ => None,
        });
    if let Some((a, close)) = prev {
        let person = ctx.actor_kind(a) == ActorType::Per;
        // Another person who is the subject of a sentence between the quotes takes over:
        // "« A », a dit X. Y a souri. « B », a-t-il ajouté" is Y's.
        let rival = res
            .salience
            .refs_between(close + 1, p)
            .iter()
            .any(|&(t, b)| {
                b != a
                    && ctx.actor_kind(b) == ActorType::Per
                    && !res.in_quote(t)
                    && res.salience.gender[b].is_none_or(|g| g == fem)
                    && !(t >= 1 && (ctx.is_prep(t - 1) || ctx.is_det(t - 1)))
                    && (t == ctx.sent_start(t) || t >= 1 && sentence_opener(ctx, t - 1))
            });
        if person && !rival && res.salience.gender[a].is_none_or(|g| g == fem) {
            res.salience.add(p, a, Some(fem));
            return Who::Actor(a, Some((p, p + 1)));
        }
    }
    match res.resolve_pronoun(ctx, p) {
        // "« ... », a déclaré la fédération. « ... », a-t-elle ajouté": with no person in
        // view, the pronoun stands for the organisation that spoke just before.
        Who::Unknown => {
            let org = prev
                .map(|(a, _)| a)
                .filter(|&a| ctx.actor_kind(a) == ActorType::Org);
            match org {
                Some(a) => Who::Actor(a, Some((p, p + 1))),
                None => res.resolve_pronoun_far(ctx, p),
            }
        }
        who => who,
    }
}

/// Words that open a sentence before its subject ("Mais", "De son côté,").
pub(super) fn sentence_opener(ctx: &Ctx, k: usize) -> bool {
    matches!(
        ctx.low(k),
        "mais" | "et" | "or" | "pourtant" | "ainsi" | "alors" | "puis" | "enfin" | "donc"
    ) || ctx.kind(k) == Some(TokenKind::Punct)
}

/// The first token of the sentence of token `o` past its openers ("Mais", "De son côté,").
pub(crate) fn clause_start(ctx: &Ctx, o: usize) -> usize {
    let mut k = ctx.sent_start(o);
    while k < o && sentence_opener(ctx, k) {
        k += 1;
    }
    k
}

/// The subject of the clause holding a partial quote opened at `o`, when it opens the
/// sentence: an actor mention, a title phrase or a subject pronoun, followed by its verb
/// (an auxiliary, a clitic or a finite form) with no other quote or clause in between.
pub(super) fn clause_subject(
    ctx: &Ctx,
    res: &mut Resolver,
    out: &[FoundQuote],
    o: usize,
) -> Option<Who> {
    let k = clause_start(ctx, o);
    if k >= o || res.in_quote(k) {
        return None;
    }
    // The subject phrase and where it ends.
    if let Some(w) = opening_subject(ctx, res, out, o, k) {
        return Some(w);
    }
    // A subject after an opening phrase ("Dans ce cas, X a jugé « ... »"): the nearest
    // actor before the quote that is no prepositional object and is followed by its verb.
    let who = res.subject_before(ctx, o, false)?;
    match who {
        Who::Actor(a, Some((_, e)))
            if verb_follows(ctx, e, o)
                && matches!(ctx.actor_kind(a), ActorType::Per | ActorType::Org) =>
        {
            Some(who)
        }
        _ => None,
    }
}

/// The verb follows a subject ending at `end` (maybe after an apposition between commas),
/// before the quote at `o`.
pub(super) fn verb_follows(ctx: &Ctx, end: usize, o: usize) -> bool {
    let mut v = end;
    if ctx.is_punct(v, ",") {
        match (v + 1..o).find(|&t| ctx.is_punct(t, ",")) {
            Some(c) => v = c + 1,
            None => return false,
        }
    }
    // "X était interrogé par ... « ... »": a passive makes X no speaker.
    let w = ctx.low(v);
    if matches!(w, "est" | "était" | "sont" | "étaient" | "a" | "avait")
        && (super::super::lexicon::ends_accented(ctx.low(v + 1)) || ctx.low(v + 1) == "été")
        && !matches!(w, "a" | "avait")
        || matches!(w, "a" | "avait") && ctx.low(v + 1) == "été"
    {
        return false;
    }
    let verb = matches!(
        w,
        "a" | "avait"
            | "aurait"
            | "ont"
            | "avaient"
            | "est"
            | "était"
            | "y"
            | "s'"
            | "se"
            | "ne"
            | "n'"
            | "l'"
            | "lui"
            | "leur"
    ) || ctx.finite_verb_at(v);
    // One clause: no colon or semicolon on the way, but the colon that opens the quote.
    verb && !(v..o).any(|t| ctx.is_punct(t, ":") && t + 1 != o || ctx.is_punct(t, ";"))
}

/// The subject opening the sentence at token `k` (before the quote at `o`), with its verb.
pub(super) fn opening_subject(
    ctx: &Ctx,
    res: &mut Resolver,
    out: &[FoundQuote],
    o: usize,
    k: usize,
) -> Option<Who> {
    let (who, end) = if let Some(ti) = res.title_covering(k).filter(|&ti| {
        let t = &res.titles[ti];
        t.det_start == k && t.definite && !t.plural
    }) {
        let t_end = res.titles[ti].end;
        // "La ministre de X, Anne Roy, a invité ... « ... »": the person in apposition.
        let named = match ctx.mention_starting(t_end) {
            Some(m) if ctx.actor_kind(m.actor) == ActorType::Per => Some((m, m.end)),
            Some(_) => None,
            None => res
                .person_in_apposition(ctx, t_end)
                .filter(|m| m.end < o && ctx.is_punct(m.end, ","))
                .map(|m| (m, m.end + 1)),
        };
        match named {
            Some((m, end)) => (Who::Actor(m.actor, Some((m.start, m.end))), end),
            None => {
                let end = ctx.mention_starting(t_end).map_or(t_end, |m| m.end);
                (res.resolve_title(ctx, ti), end)
            }
        }
    } else {
        let k = if ctx.is_civility(k) { k + 1 } else { k };
        if let Some(m) = ctx.mention_starting(k) {
            if !matches!(ctx.actor_kind(m.actor), ActorType::Per | ActorType::Org) {
                return None;
            }
            (Who::Actor(m.actor, Some((m.start, m.end))), m.end)
        } else if matches!(ctx.low(k), "il" | "elle") {
            (pronoun_speaker(ctx, res, out, o, k), k + 1)
        } else {
            return None;
        }
    };
    verb_follows(ctx, end, o).then_some(who)
}

/// The subject of the main clause that starts at token `k` after an opening phrase
/// ("Dénonçant X, le ministre a dit ..."): an actor mention or a definite title phrase,
/// followed by its verb before token `end`.
pub(crate) fn main_clause_subject(
    ctx: &Ctx,
    res: &mut Resolver,
    k: usize,
    end: usize,
) -> Option<Who> {
    opening_subject(ctx, res, &[], end, k).filter(|w| matches!(w, Who::Actor(..)))
}

/// "Défendant « ... », le ministre a dit ...", "Rejetant « ... », X estime ...": a quote
/// inside a present-participle phrase opening its sentence (quote `o`..`c`) is the words of
/// the main clause's subject, named right after the comma that closes the phrase.
pub(super) fn participial_opening(
    ctx: &Ctx,
    res: &mut Resolver,
    out: &[FoundQuote],
    o: usize,
    c: usize,
) -> Option<Who> {
    let k = clause_start(ctx, o);
    let w = ctx.fold(k)?;
    let participle = k < o
        && w.len() > 5
        && w.ends_with("ant")
        && !crate::lang::fr::positions::has_not_participles(w)
        && ctx.mention_at[k] == super::super::context::NONE;
    if !participle {
        return None;
    }
    let end = ctx.sent_end(c);
    let comma = (c + 1..end).find(|&t| !res.in_quote(t) && ctx.is_punct(t, ","))?;
    opening_subject(ctx, res, out, end, comma + 1).filter(|w| matches!(w, Who::Actor(..)))
}

/// Who speaks in the sentence of token `o` before it: the speaker of an earlier quote of
/// the sentence, "Pour X," / "Selon X," opening it, or its subject.
pub(super) fn sentence_speaker(
    ctx: &Ctx,
    res: &mut Resolver,
    out: &[FoundQuote],
    o: usize,
) -> Option<Who> {
    let s = ctx.sent_of[o];
    if let Some(Who::Actor(a, _)) = out
        .iter()
        .rev()
        .find(|q| ctx.sent_of[q.span.close] == s && q.span.close < o)
        .and_then(|q| q.who)
    {
        return Some(Who::Actor(a, None));
    }
    if let Some(w) = pour_x(ctx, res, o).filter(|w| matches!(w, Who::Actor(..))) {
        return Some(w);
    }
    clause_subject(ctx, res, out, o).filter(|w| matches!(w, Who::Actor(..)))
}

/// A quote standing alone as a sentence takes the person the previous sentence is about:
/// "Selon X, ... . « ... »", "X critique ... . « ... »", "..., estime X. « ... »".
pub(super) fn previous_sentence_person(
    ctx: &Ctx,
    res: &mut Resolver,
    out: &[FoundQuote],
    o: usize,
) -> Option<Who> {
    let s = ctx.sent_start(o);
    if s == 0 {
        return None;
    }
    let prev_last = s - 1;
    if res.in_quote(prev_last) || ctx.para_of[prev_last] + 1 < ctx.para_of[o] {
        return None;
    }
    if let Some(a) = inverted_cue_before(ctx, res, o) {
        return Some(Who::Actor(a, None));
    }
    let who =
        sentence_speaker(ctx, res, out, prev_last).or_else(|| selon_x(ctx, res, prev_last))?;
    match who {
        Who::Actor(a, _) if ctx.actor_kind(a) == ActorType::Per => Some(Who::Actor(a, None)),
        _ => None,
    }
}

/// "Le marché va rebondir, estime Paul Roy, économiste. « ... »": the person named by an
/// inverted reporting cue in the sentence before the quote at `o`, after its last quotation.
pub(super) fn inverted_cue_before(ctx: &Ctx, res: &mut Resolver, o: usize) -> Option<usize> {
    let s = ctx.sent_start(o);
    if s == 0 || ctx.para_of[s - 1] + 1 < ctx.para_of[o] {
        return None;
    }
    let p = ctx.sent_start(s - 1);
    let k = (p..s).rev().take_while(|&t| !res.in_quote(t)).find(|&t| {
        ctx.is_punct(t, ",")
            && !res.in_quote(t.saturating_sub(1))
            && cue_at(ctx, t + 1).is_some_and(|c| !c.selon && c.inverted.is_none())
    })?;
    let cue = cue_at(ctx, k + 1)?;
    match res.speaker_after(ctx, cue.end, true)? {
        Who::Actor(a, _) if ctx.actor_kind(a) == ActorType::Per => Some(a),
        _ => None,
    }
}

/// "Selon X, ..." opening the sentence of token `o`.
pub(super) fn selon_x(ctx: &Ctx, res: &mut Resolver, o: usize) -> Option<Who> {
    let s = ctx.sent_start(o);
    let k = if ctx.kind(s) == Some(TokenKind::Punct) {
        s + 1
    } else {
        s
    };
    let cue = cue_at(ctx, k).filter(|c| c.selon)?;
    if !(cue.end..o).any(|t| ctx.is_punct(t, ",")) {
        return None;
    }
    res.speaker_after(ctx, cue.end, true)
}

/// "Pour X, ..." opening the sentence of token `o`: X is the speaker.
pub(super) fn pour_x(ctx: &Ctx, res: &mut Resolver, o: usize) -> Option<Who> {
    let s = ctx.sent_start(o);
    let mut k = s;
    if ctx.kind(k) == Some(TokenKind::Punct) {
        k += 1;
    }
    if ctx.low(k) != "pour" {
        return None;
    }
    // The phrase must close with a comma before the quote.
    if !(k + 1..o).any(|t| ctx.is_punct(t, ",")) {
        return None;
    }
    res.speaker_after(ctx, k + 1, true)
}

/// Speakers of quotes in one sentence: "« A » car « B », a déclaré X" gives A to X too.
pub(super) fn share_in_sentence(ctx: &Ctx, out: &mut [FoundQuote]) {
    // Quotes that got their speaker from a later one lend it on: "« A » avec « B » pour
    // les « C », a assuré X" gives A, B and C to X.
    let mut lent = vec![false; out.len()];
    for i in (0..out.len()).rev() {
        if out[i].who.is_some() {
            continue;
        }
        // "« A » car « B », a dit X", "« A » avec « B » pour ..., a assuré X": a later
        // quote of the sentence whose cue follows it lends its speaker, when no other actor
        // is named between the two quotes.
        let close = out[i].span.close;
        let s = ctx.sent_of[close];
        let next = (i + 1..out.len())
            .find(|&j| ctx.sent_of[out[j].span.open] == s)
            .filter(|&j| {
                !(close + 1..out[j].span.open)
                    .any(|t| ctx.mention_at[t] != super::super::context::NONE)
            })
            .and_then(|j| match (out[j].who, out[j].cue) {
                (Some(Who::Actor(a, _)), Some((c, _))) if c > out[j].span.close => Some(a),
                (Some(Who::Actor(a, _)), _) if lent[j] => Some(a),
                _ => None,
            });
        if let Some(a) = next {
            out[i].who = Some(Who::Actor(a, None));
            lent[i] = true;
        }
    }
    // "X a parlé de « A » et de « B »": a quote after an attributed one in its sentence,
    // with no other actor named in between, is the same speaker's.
    for i in 1..out.len() {
        if out[i].who.is_some() {
            continue;
        }
        let (prev, cur) = (&out[i - 1], &out[i]);
        if ctx.sent_of[prev.span.close] != ctx.sent_of[cur.span.open]
            || (prev.span.close + 1..cur.span.open)
                .any(|t| ctx.mention_at[t] != super::super::context::NONE)
        {
            continue;
        }
        if let Some(Who::Actor(a, _)) = prev.who {
            out[i].who = Some(Who::Actor(a, None));
        }
    }
}
