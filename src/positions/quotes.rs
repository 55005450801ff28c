//! Direct quotes: pairing of quotation marks (« », “ ”, straight quotes, across paragraphs),
//! reporting cues ("a déclaré", "a-t-il estimé", "selon"), and speaker attribution.

use super::attrib::{Resolver, Who};
use super::conjugate::FormKind;
use super::context::Ctx;
use super::lexicon::VerbForm;
use crate::record::ActorType;
use crate::text::chars::is_dash;
use crate::text::{flags, TokenKind};

/// A pair of quotation marks, as token indices of the marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The opening mark.
    pub open: usize,
    /// The closing mark.
    pub close: usize,
}

/// Most tokens between a verb and a partial quote it introduces without a colon or "que".
const WEAK_CUE_DISTANCE: usize = 10;

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

/// A reporting cue as a token range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// First token (auxiliary, reflexive pronoun, or the verb).
    pub start: usize,
    /// One past the last token (with an inverted pronoun).
    pub end: usize,
    /// The inverted subject pronoun ("-t-il"), if any.
    pub inverted: Option<usize>,
    /// "selon" / "d'après": the speaker follows directly.
    pub selon: bool,
}

const AUX: &[&str] = crate::lang::fr::positions::AUXILIARIES;

const ADVERBS: &[&str] = crate::lang::fr::positions::CUE_ADVERBS;

pub(crate) fn is_adverb(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.low(k);
    ADVERBS.contains(&w)
        || MENT_ADVERBS.contains(&w)
        || (w.ends_with("amment") || w.ends_with("emment")) && ctx.is_lower_word(k)
}

/// Adverbs in -ment common between an auxiliary and its participle (nouns such as
/// "gouvernement" or "engagement" also end in -ment, so no suffix rule).
const MENT_ADVERBS: &[&str] = crate::lang::fr::positions::MENT_ADVERBS;

fn is_inverted(ctx: &Ctx, k: usize) -> bool {
    matches!(
        ctx.low(k),
        "-t-il"
            | "-t-elle"
            | "t-il"
            | "t-elle"
            | "-il"
            | "-elle"
            | "-t-on"
            | "-on"
            | "-ils"
            | "-elles"
            | "-t-ils"
            | "-t-elles"
    )
}

/// Forms of "être" used as an auxiliary.
pub(crate) fn is_etre(w: &str) -> bool {
    matches!(
        w,
        "est"
            | "sont"
            | "était"
            | "étaient"
            | "serait"
            | "seraient"
            | "sera"
            | "seront"
            | "être"
            | "étant"
            | "fut"
    )
}

/// Reporting verb form starting at `k`: (length, its possible shapes).
fn reporting(ctx: &Ctx, k: usize) -> Option<(usize, VerbForm)> {
    ctx.lex
        .reporting
        .longest(|i| ctx.low_opt(i), k)
        .map(|(n, v)| (n, *v))
}

/// A reporting form of shape `kind` at `k`: its length.
fn reporting_as(ctx: &Ctx, k: usize, kind: FormKind) -> Option<usize> {
    reporting(ctx, k)
        .filter(|(_, f)| f.has(kind))
        .map(|(n, _)| n)
}

/// Finite verbs that govern a reporting infinitive ("veut rappeler", "vient de déclarer").
const INF_GOVERNORS: &[&str] = crate::lang::fr::positions::INFINITIVE_GOVERNORS;

const MODALS: &[&str] = crate::lang::fr::positions::MODALS;

/// Parse a cue starting at token `j` (after a closing quote, or after "selon").
pub fn cue_at(ctx: &Ctx, j: usize) -> Option<Cue> {
    let w = ctx.low(j);
    if w == "selon" {
        return Some(Cue {
            start: j,
            end: j + 1,
            inverted: None,
            selon: true,
        });
    }
    if w == "d'" && ctx.low(j + 1) == "après" {
        return Some(Cue {
            start: j,
            end: j + 2,
            inverted: None,
            selon: true,
        });
    }
    let mut k = j;
    if matches!(ctx.low(k), "ne" | "n'") {
        k += 1;
    }
    // Reflexive or object clitics: "s'est exclamé", "lui a-t-il promis", "l'a répété".
    while k < j + 2
        && matches!(
            ctx.low(k),
            "s'" | "se" | "lui" | "leur" | "l'" | "nous" | "vous" | "m'" | "me" | "y" | "en"
        )
    {
        k += 1;
    }
    if AUX.contains(&ctx.low(k)) {
        let passive = is_etre(ctx.low(k)) && k == j;
        k += 1;
        let mut inverted = None;
        if is_inverted(ctx, k) {
            inverted = Some(k);
            k += 1;
        }
        // Adverbs and adverbial phrases: "a-t-il de nouveau averti", "a au contraire assuré".
        let mut adv = 0;
        while adv < 3 {
            if is_adverb(ctx, k) && reporting(ctx, k).is_none() {
                k += 1;
            } else if let Some(n) = ctx.adverbial_len(k) {
                k += n;
            } else {
                break;
            }
            adv += 1;
        }
        if let Some(len) = reporting_as(ctx, k, FormKind::Participle).filter(|_| !passive) {
            return Some(Cue {
                start: j,
                end: k + len,
                inverted,
                selon: false,
            });
        }
        // "», a contre-attaqué X": right after a quote, "a" + any past participle in -é
        // reports the quote even when the verb is not in the lexicon.
        if !passive && after_quote(ctx, j) && matches!(ctx.low(j), "a" | "avait") {
            let w = ctx.low(k);
            if ctx.is_lower_word(k) && w.chars().count() > 3 && w.ends_with('é') {
                return Some(Cue {
                    start: j,
                    end: k + 1,
                    inverted,
                    selon: false,
                });
            }
        }
        if MODALS.contains(&ctx.low(k)) && matches!(ctx.low(k + 1), "à" | "de" | "d'" | "par") {
            if let Some(len) = reporting_as(ctx, k + 2, FormKind::Infinitive) {
                return Some(Cue {
                    start: j,
                    end: k + 2 + len,
                    inverted,
                    selon: false,
                });
            }
        }
        return None;
    }
    // "», tempête-t-il": an inverted subject right after a quote marks a reporting verb.
    if after_quote(ctx, j) && ctx.is_lower_word(k) && is_inverted(ctx, k + 1) {
        return Some(Cue {
            start: j,
            end: k + 2,
            inverted: Some(k + 1),
            selon: false,
        });
    }
    match reporting(ctx, k) {
        Some((len, f)) if f.has(FormKind::Finite) => {
            let mut end = k + len;
            let mut inverted = None;
            // "ajoute t-elle" is also written with a space, the "t" on its own.
            if ctx.low(end) == "t" && is_inverted(ctx, end + 1) {
                end += 1;
            }
            if is_inverted(ctx, end) {
                inverted = Some(end);
                end += 1;
            }
            Some(Cue {
                start: j,
                end,
                inverted,
                selon: false,
            })
        }
        Some((len, f)) if f.has(FormKind::PresentParticiple) => Some(Cue {
            start: j,
            end: k + len,
            inverted: None,
            selon: false,
        }),
        _ => None,
    }
}

/// Token `j` follows a closing quotation mark (and a comma).
fn after_quote(ctx: &Ctx, j: usize) -> bool {
    let mut p = j;
    if p >= 1 && ctx.is_punct(p - 1, ",") {
        p -= 1;
    }
    p >= 1 && ctx.kind(p - 1) == Some(TokenKind::Quote)
}

/// The nearest cue before token `o` in its sentence, skipping other quotations.
pub fn cue_before(ctx: &Ctx, res: &Resolver, o: usize) -> Option<Cue> {
    let start = ctx.sent_start(o);
    let mut k = o;
    let mut steps = 0;
    while k > start && steps < 30 {
        k -= 1;
        steps += 1;
        if res.in_quote(k) {
            continue;
        }
        let w = ctx.low(k);
        if w == "selon" {
            return Some(Cue {
                start: k,
                end: k + 1,
                inverted: None,
                selon: true,
            });
        }
        if w == "après" && k >= 1 && ctx.low(k - 1) == "d'" {
            return Some(Cue {
                start: k - 1,
                end: k + 1,
                inverted: None,
                selon: true,
            });
        }
        let Some((len, form)) = reporting(ctx, k) else {
            continue;
        };
        // Walk back over adverbs, inverted pronoun, auxiliary, reflexive, negation.
        let mut s = k;
        let mut has_aux = false;
        let mut aux_tok: Option<usize> = None;
        let mut inverted = None;
        let mut back = 0;
        while s > start && back < 5 {
            let p = s - 1;
            // "a elle aussi déclaré": a stressed pronoun after the auxiliary; before it,
            // "elle a déclaré", the pronoun is the subject.
            let subject_pronoun = has_aux && matches!(ctx.low(p), "elle" | "lui");
            if is_adverb(ctx, p) && !AUX.contains(&ctx.low(p)) && !subject_pronoun {
                s = p;
            } else if is_inverted(ctx, p) {
                inverted = Some(p);
                s = p;
            } else if AUX.contains(&ctx.low(p)) && !has_aux {
                has_aux = true;
                aux_tok = Some(p);
                s = p;
            } else if MODALS.contains(&ctx.low(p))
                || matches!(ctx.low(p), "à" | "de" | "d'")
                    && form.has(FormKind::Infinitive)
                    && p >= 1
                    && (MODALS.contains(&ctx.low(p - 1)) || INF_GOVERNORS.contains(&ctx.low(p - 1)))
                || form.has(FormKind::Infinitive) && s == k && INF_GOVERNORS.contains(&ctx.low(p))
                || matches!(ctx.low(p), "s'" | "se" | "ne" | "n'")
            {
                s = p;
            } else {
                break;
            }
            back += 1;
        }
        // "était interrogé par": être without a reflexive pronoun is a passive.
        let passive = aux_tok.is_some_and(|a| {
            is_etre(ctx.low(a)) && !(a >= 1 && matches!(ctx.low(a - 1), "s'" | "se"))
        });
        let finite_ok = !(k >= 1
            && (ctx.is_det(k - 1) || ctx.is_prep(k - 1) || ctx.low(k - 1) == "d'"))
            && ctx.is_lower_word(k);
        let ok = form.has(FormKind::Participle) && has_aux && !passive
            || form.has(FormKind::Finite) && finite_ok
            || form.has(FormKind::Infinitive) && s < k
            || form.has(FormKind::PresentParticiple);
        if ok {
            if inverted.is_none() && is_inverted(ctx, k + len) {
                inverted = Some(k + len);
            }
            return Some(Cue {
                start: s,
                end: k + len,
                inverted,
                selon: false,
            });
        }
    }
    None
}

/// Words before a quotation that make it a name or a title, not speech.
const NAMING: &[&str] = crate::lang::fr::positions::NAMING_VERBS;

/// A speaker, the cue's token range, and whether the attribution is strong.
type Found = (Who, Option<(usize, usize)>, bool);

/// An attributed (or unattributed) quote as token ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundQuote {
    /// The quotation marks.
    pub span: QuoteSpan,
    /// The speaker, or None when the text names none.
    pub who: Option<Who>,
    /// The cue token range.
    pub cue: Option<(usize, usize)>,
    /// Kept only if a later quote of the same sentence lends it a speaker.
    pub tentative: bool,
}

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
        // 1c. "« ... »: Anne Roy, 24 ans, a ...", "« ... »: étudiante, Anne Roy ...": a
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
                if strong || o - cue.end <= WEAK_CUE_DISTANCE {
                    let who = if cue.selon {
                        res.speaker_after(ctx, cue.end, true)
                    } else if let Some(p) = cue.inverted {
                        Some(pronoun_speaker(ctx, res, &out, o, p))
                    } else if participle_cue(ctx, &cue) {
                        // "X a annoncé ..., en lançant : « ... »": the sentence's subject.
                        sentence_speaker(ctx, res, &out, cue.start)
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
        if found.is_none() && !starts_sentence && !colon {
            if let Some(w) = clause_subject(ctx, res, &out, o) {
                found = Some((w, None, false));
            }
        }
        // 4. Continuation: a quote opening a sentence right after an attributed quote.
        let own_sentence = ctx.sent_end(c) <= c + 2 || ctx.is_final(c + 1) || ctx.is_final(c - 1);
        if found.is_none() && starts_sentence && own_sentence && words >= 3 {
            if let Some(prev) = out.iter().rev().find(|q| !q.tentative) {
                let gap = ctx.sent_of[o] - ctx.sent_of[prev.span.close.min(o)];
                let same_para = ctx.para_of[o] <= ctx.para_of[prev.span.close] + 1;
                if let (Some(Who::Actor(a, _)), true, true) = (prev.who, gap <= 1, same_para) {
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

/// The person introduced after a colon at token `k`: a person mention right there, or after
/// a short lowercase description closed by a comma ("étudiante aux revenus modestes, X").
/// The person must be the subject of what follows: a comma (an apposition: age, title) or a
/// verb comes after the name.
fn person_after_colon(ctx: &Ctx, k: usize) -> Option<super::context::Ment> {
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

/// The speaker of an incise pronoun ("», a-t-il ajouté"): the speaker of the previous quote
/// when it is close and of the same gender, else the most salient person.
fn pronoun_speaker(ctx: &Ctx, res: &mut Resolver, out: &[FoundQuote], o: usize, p: usize) -> Who {
    let w = ctx.low(p);
    if !(w.ends_with("il") || w.ends_with("elle")) {
        return res.resolve_pronoun(ctx, p);
    }
    let fem = w.ends_with("elle");
    let prev = out
        .iter()
        .rev()
        .find(|q| !q.tentative)
        .and_then(|q| match q.who {
            Some(Who::Actor(a, _)) if ctx.sent_of[o] - ctx.sent_of[q.span.close.min(o)] <= 2 => {
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
                None => Who::Unknown,
            }
        }
        who => who,
    }
}

/// Words that open a sentence before its subject ("Mais", "De son côté,").
fn sentence_opener(ctx: &Ctx, k: usize) -> bool {
    matches!(
        ctx.low(k),
        "mais" | "et" | "or" | "pourtant" | "ainsi" | "alors" | "puis" | "enfin" | "donc"
    ) || ctx.kind(k) == Some(TokenKind::Punct)
}

/// The subject of the clause holding a partial quote opened at `o`, when it opens the
/// sentence: an actor mention, a title phrase or a subject pronoun, followed by its verb
/// (an auxiliary, a clitic or a finite form) with no other quote or clause in between.
fn clause_subject(ctx: &Ctx, res: &mut Resolver, out: &[FoundQuote], o: usize) -> Option<Who> {
    let s = ctx.sent_start(o);
    let mut k = s;
    while k < o && sentence_opener(ctx, k) {
        k += 1;
    }
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
fn verb_follows(ctx: &Ctx, end: usize, o: usize) -> bool {
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
        && (super::lexicon::ends_accented(ctx.low(v + 1)) || ctx.low(v + 1) == "été")
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
    verb && !(v..o).any(|t| ctx.is_punct(t, ":") || ctx.is_punct(t, ";"))
}

/// The subject opening the sentence at token `k` (before the quote at `o`), with its verb.
fn opening_subject(
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

/// A cue that is a bare present participle ("ajoutant", "estimant").
fn participle_cue(ctx: &Ctx, cue: &Cue) -> bool {
    !cue.selon
        && cue.inverted.is_none()
        && reporting(ctx, cue.start).is_some_and(|(len, f)| {
            cue.start + len == cue.end
                && f.has(FormKind::PresentParticiple)
                && !f.has(FormKind::Finite)
        })
}

/// Who speaks in the sentence of token `o` before it: the speaker of an earlier quote of
/// the sentence, "Pour X," / "Selon X," opening it, or its subject.
fn sentence_speaker(ctx: &Ctx, res: &mut Resolver, out: &[FoundQuote], o: usize) -> Option<Who> {
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
/// "Selon X, ... . « ... »", "X critique ... . « ... »".
fn previous_sentence_person(
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
    let who =
        sentence_speaker(ctx, res, out, prev_last).or_else(|| selon_x(ctx, res, prev_last))?;
    match who {
        Who::Actor(a, _) if ctx.actor_kind(a) == ActorType::Per => Some(Who::Actor(a, None)),
        _ => None,
    }
}

/// "Selon X, ..." opening the sentence of token `o`.
fn selon_x(ctx: &Ctx, res: &mut Resolver, o: usize) -> Option<Who> {
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
fn pour_x(ctx: &Ctx, res: &mut Resolver, o: usize) -> Option<Who> {
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
fn share_in_sentence(ctx: &Ctx, out: &mut [FoundQuote]) {
    for i in (0..out.len()).rev() {
        if out[i].who.is_some() {
            continue;
        }
        // "« A » car « B », a dit X", "« A » avec « B » pour ..., a assuré X": a later
        // quote of the sentence whose cue follows it lends its speaker, when no other actor
        // is named between the two quotes.
        let close = out[i].span.close;
        let s = ctx.sent_of[close];
        let next = out[i + 1..]
            .iter()
            .find(|q| ctx.sent_of[q.span.open] == s)
            .filter(|q| {
                !(close + 1..q.span.open).any(|t| ctx.mention_at[t] != super::context::NONE)
            })
            .and_then(|q| match (q.who, q.cue) {
                (Some(Who::Actor(a, _)), Some((c, _))) if c > q.span.close => Some(a),
                _ => None,
            });
        if let Some(a) = next {
            out[i].who = Some(Who::Actor(a, None));
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
                .any(|t| ctx.mention_at[t] != super::context::NONE)
        {
            continue;
        }
        if let Some(Who::Actor(a, _)) = prev.who {
            out[i].who = Some(Who::Actor(a, None));
        }
    }
}

/// Most words capitalised: the title of a work or article, not speech.
fn title_case(ctx: &Ctx, q: QuoteSpan) -> bool {
    let (mut caps, mut words) = (0, 0);
    for k in q.open + 1..q.close {
        if ctx.kind(k) == Some(TokenKind::Word) {
            words += 1;
            caps += usize::from(ctx.is_cap(k));
        }
    }
    words > 0 && caps * 2 > words
}

/// Byte range of a quote's inner text (without marks, spaces, or a trailing comma).
pub fn inner_bytes(ctx: &Ctx, q: QuoteSpan) -> (usize, usize) {
    let mut last = q.close - 1;
    if last > q.open + 1 && ctx.is_punct(last, ",") {
        last -= 1;
    }
    ctx.bytes(q.open + 1, last + 1)
}
