//! Attribution: each quotation gets a speaker (or none) by trying the shapes French news
//! uses, in order: a cue after it, a cue further on after a comma, "selon X" after it, a cue
//! before it in its sentence, a colon and a person after it, "Pour X, « ... »", the subject
//! of its clause, and the speaker of the quotation before it.

use super::super::attrib::{Resolver, Who};
use super::super::context::Ctx;
use super::cues::{cue_at, cue_before, participle_cue, Cue};
use super::marks::{title_case, QuoteSpan};
use super::subjects::{
    clause_subject, inverted_cue_before, participial_opening, pour_x, previous_sentence_person,
    pronoun_speaker, sentence_speaker, share_in_sentence,
};
use crate::record::ActorType;
use crate::text::chars::is_dash;

/// Most tokens between a verb and a partial quote it introduces without a colon or "que".
const WEAK_CUE_DISTANCE: usize = 10;

/// Words before a quotation that make it a name or a title, not speech.
const NAMING: &[&str] = crate::lang::fr::positions::NAMING_VERBS;

/// A speaker, the cue's token range, and whether the attribution is strong.
type Found = (Who, Option<(usize, usize)>, bool);

use super::FoundQuote;

/// Attribute each quotation to a speaker.
pub fn attribute(ctx: &Ctx, res: &mut Resolver, spans: &[QuoteSpan]) -> Vec<FoundQuote> {
    let mut out: Vec<FoundQuote> = Vec::new();
    for &q in spans {
        let (o, c) = (q.open, q.close);
        let words = (o + 1..c).filter(|&k| ctx.is_wordish(k)).count();
        if words == 0 {
            continue;
        }
        let named = o >= 1
            && (NAMING.contains(&ctx.low(o - 1))
                || o >= 2 && ctx.is_det(o - 1) && NAMING.contains(&ctx.low(o - 2))
                || o >= 3 && ctx.is_punct(o - 1, ",") && NAMING.contains(&ctx.low(o - 2)));
        if named {
            continue;
        }
        let starts_sentence = o == ctx.sent_start(o)
            || (o >= 1
                && ctx.raw(o - 1).chars().all(|ch| is_dash(ch) || ch == '-')
                && o - 1 == ctx.sent_start(o));
        let colon = o >= 1 && ctx.is_punct(o - 1, ":");
        let cap_name = ctx.is_cap(o + 1) && words <= 3 && !starts_sentence && !colon;
        // (who, cue tokens, strong attribution)
        let mut found: Option<Found> = None;
        // 1. Cue after the closing mark: "», a déclaré X", "», a-t-il dit", "», selon X".
        let mut j = c + 1;
        if ctx.is_punct(j, ",") || ctx.raw(j).chars().all(is_dash) && !ctx.raw(j).is_empty() {
            j += 1;
        }
        if let Some(cue) = cue_at(ctx, j) {
            found = Some(cue_attribution(ctx, res, &out, o, &cue));
        }
        // 1b. "« ... » dans l'unité, a-t-il dit": a cue after a comma further on.
        if found.is_none() {
            let end = ctx.sent_end(c).min(c + 10);
            for k in c + 1..end {
                // "« A » et la « B », a déclaré X": a second quotation of the sentence is
                // passed over.
                if res.in_quote(k) {
                    continue;
                }
                if ctx.is_punct(k, ":") {
                    break;
                }
                if ctx.is_punct(k, ",") {
                    if let Some(cue) = cue_at(ctx, k + 1).filter(|cue| !cue.selon) {
                        found = Some(cue_attribution(ctx, res, &out, o, &cue));
                        break;
                    }
                }
            }
        }
        // 1c. "« ... »: Anne Roy, 24 ans, a ...", "« ... »: infirmière, Anne Roy ...": a
        // quotation opening its sentence, then a colon and the person it introduces.
        if found.is_none() && starts_sentence && ctx.is_punct(c + 1, ":") {
            if let Some(m) = person_after_colon(ctx, c + 2) {
                found = Some((Who::Actor(m.actor, Some((m.start, m.end))), None, true));
            }
        }
        // 2. "selon X" later in the sentence: "une « régulation excessive » selon X".
        if found.is_none() {
            let end = ctx.sent_end(c).min(c + 12);
            for k in c + 1..end {
                if res.in_quote(k) {
                    break;
                }
                if let Some(cue) = cue_at(ctx, k).filter(|cue| cue.selon) {
                    if let Some(who) = res.speaker_after(ctx, cue.end, true) {
                        found = Some((who, Some((cue.start, cue.end)), true));
                    }
                    break;
                }
            }
        }
        // 3. Cue before the opening mark in the same sentence.
        if found.is_none() {
            if let Some(cue) = cue_before(ctx, res, o) {
                // Reported speech: "a déclaré que ..." makes the whole clause the speaker's.
                let clause = matches!(ctx.low(cue.end), "que" | "qu'");
                // "Selon X, ... « ... »": a sentence opened by "selon" is all X's account.
                let opening_selon = cue.selon
                    && cue.start <= ctx.sent_start(o) + 1
                    && (cue.end..o).any(|t| ctx.is_punct(t, ","));
                let strong = colon
                    || clause
                    || opening_selon
                    || o >= 1 && matches!(ctx.low(o - 1), "que" | "qu'")
                    || cue.end + 2 >= o;
                // A partial quote far from its verb is rarely the verb's speech.
                // "X a prévenu par la voix de son secrétaire général Y que « ... »": Y, however
                // long the phrase.
                let voice = voice_of(ctx, cue.end, o);
                if voice.is_some() {
                    found = Some((
                        voice.unwrap_or(Who::Unknown),
                        Some((cue.start, cue.end)),
                        true,
                    ));
                } else if strong || o - cue.end <= WEAK_CUE_DISTANCE {
                    let who = if cue.selon {
                        res.speaker_after(ctx, cue.end, true)
                    } else if let Some(p) = cue.inverted {
                        Some(pronoun_speaker(ctx, res, &out, o, p))
                    } else if participle_cue(ctx, &cue) {
                        // "X a annoncé ..., en lançant : « ... »": the sentence's subject;
                        // "Rejetant « ... », X a dit": the subject after the phrase.
                        sentence_speaker(ctx, res, &out, cue.start)
                            .or_else(|| participial_opening(ctx, res, &out, o, c))
                    } else {
                        res.subject_before(ctx, cue.start, ctx.plural_verb(cue.start, cue.end))
                    };
                    found = Some((
                        who.unwrap_or(Who::Unknown),
                        Some((cue.start, cue.end)),
                        strong,
                    ));
                }
            } else if colon && o >= 2 {
                // "X : « ... »" without a verb.
                let k = o - 2;
                let who = if let Some(ti) = res.title_covering(k) {
                    Some(res.resolve_title(ctx, ti))
                } else {
                    ctx.mention_ending(k)
                        .map(|m| Who::Actor(m.actor, Some((m.start, m.end))))
                };
                if let Some(w) = who {
                    found = Some((w, None, true));
                }
            }
        }
        // 3b. "Pour X, « ... »": the opinion of X.
        if found.is_none() {
            // "Pour la rentrée, « ... »" names no one: later strategies may still apply.
            if let Some(w) = pour_x(ctx, res, o).filter(|w| matches!(w, Who::Actor(..))) {
                found = Some((w, None, true));
            }
        }
        // 3c. A partial quote inside a sentence whose subject is an actor: "X a jugé
        // l'effort « bien tardif »", "Il y a vu « une avancée »".
        // "Il termine avec un lapsus : « ... »": after a colon, the clause's subject speaks.
        if found.is_none() && !starts_sentence {
            if let Some(w) = clause_subject(ctx, res, &out, o) {
                found = Some((w, None, colon));
            }
        }
        // 3d. "Défendant « ... », le ministre a dit": the subject after a participial phrase.
        if found.is_none() && !starts_sentence {
            if let Some(w) = participial_opening(ctx, res, &out, o, c) {
                found = Some((w, None, true));
            }
        }
        // 4. Continuation: a quote opening a sentence right after an attributed quote.
        let own_sentence = ctx.sent_end(c) <= c + 2 || ctx.is_final(c + 1) || ctx.is_final(c - 1);
        if found.is_none() && starts_sentence && own_sentence && words >= 3 {
            if let Some(prev) = out.iter().rev().find(|q| !q.tentative) {
                let gap = ctx.sent_of[o] - ctx.sent_of[prev.span.close.min(o)];
                let same_para = ctx.para_of[o] <= ctx.para_of[prev.span.close] + 1;
                if let (Some(Who::Actor(a, _)), true, true) = (prev.who, gap <= 1, same_para) {
                    // "« A », dit X. Le marché rebondira, estime Y. « B »" is Y's.
                    let a = inverted_cue_before(ctx, res, o).unwrap_or(a);
                    found = Some((Who::Actor(a, None), None, true));
                }
            }
        }
        if found.is_none() && starts_sentence && own_sentence && words >= 3 {
            if let Some(w) = previous_sentence_person(ctx, res, &out, o) {
                found = Some((w, None, false));
            }
        }
        let keep = match &found {
            Some((Who::Actor(..), _, strong)) => (*strong && !cap_name) || words >= 3,
            Some((Who::Unknown, _, _)) => words >= 3 && !cap_name,
            None => words >= 4 && !cap_name && !title_case(ctx, q),
        };
        let tentative = !keep && found.is_none() && !cap_name;
        if !keep && !tentative {
            continue;
        }
        let (who, cue) = match found {
            Some((w, cue, _)) => (Some(w), cue),
            None => (None, None),
        };
        out.push(FoundQuote {
            span: q,
            who,
            cue,
            tentative,
        });
    }
    share_in_sentence(ctx, &mut out);
    out.retain(|q| !q.tentative || q.who.is_some());
    out
}

/// "par la voix de [title] Y" between a cue ending at `from` and the quote at `o`: the
/// person the organisation speaks through.
fn voice_of(ctx: &Ctx, from: usize, o: usize) -> Option<Who> {
    let k = (from..o.saturating_sub(3)).find(|&k| {
        ctx.low(k) == "par"
            && matches!(ctx.low(k + 1), "la" | "sa" | "leur")
            && ctx.low(k + 2) == "voix"
            && matches!(ctx.low(k + 3), "de" | "d'" | "du")
    })?;
    // The person named within a few lowercase words ("son secrétaire général Y").
    let m = (k + 4..(k + 10).min(o))
        .take_while(|&t| ctx.is_lower_word(t) || ctx.mention_at[t] != super::super::context::NONE)
        .find_map(|t| ctx.mention_starting(t))?;
    (ctx.actor_kind(m.actor) == ActorType::Per)
        .then_some(Who::Actor(m.actor, Some((m.start, m.end))))
}

/// The person introduced after a colon at token `k`: a person mention right there, or after
/// a short lowercase description closed by a comma ("infirmière de nuit, X").
/// The person must be the subject of what follows: a comma (an apposition: age, title) or a
/// verb comes after the name.
fn person_after_colon(ctx: &Ctx, k: usize) -> Option<super::super::context::ChainMention> {
    let mut j = k;
    if ctx.mention_starting(j).is_none() {
        let comma = (k..(k + 8).min(ctx.len()))
            .take_while(|&t| ctx.is_lower_word(t) || ctx.is_punct(t, ","))
            .find(|&t| ctx.is_punct(t, ","))?;
        j = comma + 1;
    }
    if ctx.is_civility(j) {
        j += 1;
    }
    let m = ctx
        .mention_starting(j)
        .filter(|m| ctx.actor_kind(m.actor) == ActorType::Per)?;
    (ctx.is_punct(m.end, ",") || ctx.finite_verb_at(m.end) || ctx.low(m.end) == "a").then_some(m)
}

/// A strong attribution by a cue after the quote opened at `o`: "selon X" names X after it;
/// an inverted pronoun ("a-t-il dit") is resolved; otherwise the subject follows the verb
/// ("a déclaré X").
fn cue_attribution(
    ctx: &Ctx,
    res: &mut Resolver,
    out: &[FoundQuote],
    o: usize,
    cue: &Cue,
) -> Found {
    // "« ... », ajoutant « ... »": a present participle has no subject after it; it shares
    // the subject of its sentence (an earlier quote's speaker, "Pour X", the clause subject).
    if participle_cue(ctx, cue) {
        let who = sentence_speaker(ctx, res, out, o).unwrap_or(Who::Unknown);
        return (who, Some((cue.start, cue.end)), true);
    }
    let who = if cue.selon {
        res.speaker_after(ctx, cue.end, true)
    } else if let Some(p) = cue.inverted {
        Some(pronoun_speaker(ctx, res, out, o, p))
    } else {
        res.speaker_after(ctx, cue.end, false)
    };
    (
        who.unwrap_or(Who::Unknown),
        Some((cue.start, cue.end)),
        true,
    )
}
