//! Stances stated by adjectives ("opposé à"), nouns ("sa position contre", "son soutien à"),
//! willingness to cooperate, and pejorative judgements inside attributed quotes.

use super::target::target_at;
use super::verbs::{calls_for_end, participial_holder, stance_particle};
use super::{particle_at, verb_group_start, FoundStance, AUX};
use crate::positions::attrib::{Resolver, Who};
use crate::positions::context::Ctx;
use crate::positions::quotes::FoundQuote;
use crate::record::{ActorType, Polarity};

/// Words that stand between a stance adjective and its holder.
pub(super) const VERB_GROUP: &[&str] = crate::lang::fr::positions::STANCE_VERB_GROUP;

use crate::lang::fr::positions::{has_pejoratives, has_stance_nouns, has_wish_nouns};

/// A stance adjective ("opposé à", "favorable à", "partisan de") at token `k`.
pub(super) fn adjective_stance(ctx: &Ctx, res: &mut Resolver, k: usize) -> Option<FoundStance> {
    if res.in_quote(k) {
        return None;
    }
    let key = ctx.fold(k)?;
    let adj = &ctx.lex.stance_adjectives[*ctx.lex.stance_adjective_forms.get(key)?];
    let plen = adj
        .particles
        .iter()
        .find_map(|p| particle_at(ctx, k + 1, p))?;
    // The group before: copulas, "se dire", adverbs, "un fervent".
    let sent_start = ctx.sent_start(k);
    let mut s = k;
    let mut back = 0;
    let mut negated = false;
    while s > sent_start && back < 6 {
        let p = s - 1;
        let w = ctx.low(p);
        if matches!(w, "ne" | "n'" | "pas" | "jamais") {
            negated = true;
        } else if let Some(a) = ctx.adverbial_ending(p).filter(|&a| a > sent_start) {
            s = a;
            back += 1;
            continue;
        } else if !(VERB_GROUP.contains(&w)
            || AUX.contains(&w)
            || w.ends_with("ment") && ctx.is_lower_word(p)
            || crate::positions::quotes::is_adverb(ctx, p) && !ctx.is_prep(p))
        {
            break;
        }
        s = p;
        back += 1;
    }
    // A bare adjective right after a noun qualifies it ("le camp opposé à la réforme"); one
    // opening the sentence qualifies the main clause's subject.
    if s == k && k > sent_start && !ctx.is_punct(k - 1, ",") && ctx.mention_ending(k - 1).is_none()
    {
        return None;
    }
    if negated {
        return None;
    }
    let target = target_at(ctx, k + 1 + plen)?;
    let (polarity, target) = calls_for_end(ctx, adj.polarity, target);
    // The adjective agrees with its holder ("opposés", "défenseurs"); the group before it
    // may hold words that only look plural ("fervent").
    let plural = ctx.low(k).ends_with('s') && !ctx.low(k).ends_with("is");
    let who = match res.subject_before(ctx, s, plural) {
        Some(who) => who,
        // "Opposé à la réforme, X a ...": the phrase opening the sentence is the subject's.
        None => participial_holder(ctx, res, s, target.1)?,
    };
    Some(FoundStance {
        who,
        polarity,
        cue: (s, k + 1),
        target,
        target_text: None,
    })
}

/// "a réaffirmé son soutien à X", "rappelant son opposition à Y", "sa volonté de Z": a
/// stance noun after a possessive belongs to the subject of the clause.
pub(super) fn possessive_stance(ctx: &Ctx, res: &mut Resolver, k: usize) -> Option<FoundStance> {
    let w = ctx.low(k);
    let stance_noun = has_stance_nouns(w);
    if !(stance_noun || has_wish_nouns(w)) || res.in_quote(k) {
        return None;
    }
    // The possessive, with at most one adjective between ("son ferme soutien").
    let det = (k.saturating_sub(2)..k)
        .rev()
        .find(|&t| matches!(ctx.low(t), "son" | "sa" | "ses" | "leur" | "leurs"))?;
    if det + 1 < k && !ctx.is_lower_word(det + 1) {
        return None;
    }
    let mut j = k + 1;
    if ctx.is_lower_word(j) && !ctx.is_prep(j) && !ctx.is_det(j) && stance_noun {
        j += 1; // "son soutien total à"
    }
    let (polarity, plen) = match ctx.low(j) {
        "de" | "d'" | "du" | "des" if !stance_noun => (Polarity::For, 1),
        _ => stance_particle(ctx, j, w)?,
    };
    let (polarity, target) = calls_for_end(ctx, polarity, target_at(ctx, j + plen)?);
    let who = res.subject_before(ctx, det, false)?;
    Some(FoundStance {
        who,
        polarity,
        cue: (det, j + plen),
        target,
        target_text: None,
    })
}

/// "la position (ferme) de X (...) contre Y", "le soutien de X à Y".
pub(super) fn noun_stance(ctx: &Ctx, res: &mut Resolver, k: usize) -> Option<FoundStance> {
    let w = ctx.low(k);
    if !has_stance_nouns(w) || res.in_quote(k) {
        return None;
    }
    let mut j = k + 1;
    if ctx.is_lower_word(j) && !matches!(ctx.low(j), "de" | "d'" | "du" | "des") {
        j += 1; // one adjective: "ferme", "claire"
    }
    if !matches!(ctx.low(j), "de" | "d'" | "du" | "des") {
        return None;
    }
    j += 1;
    if matches!(ctx.low(j), "la" | "l'" | "le" | "les") {
        j += 1;
    }
    let who = if let Some(ti) = res.title_covering(j) {
        let w = res.resolve_title(ctx, ti);
        j = res.titles[ti].end;
        w
    } else if let Some(m) = ctx.mention_starting(j) {
        if ctx.actor_kind(m.actor) == ActorType::Misc {
            return None;
        }
        j = m.end;
        Who::Actor(m.actor, Some((m.start, m.end)))
    } else {
        return None;
    };
    // The stance preposition within the next few tokens of the sentence.
    let end = ctx.sent_end(k).min(j + 6);
    let mut p = j;
    while p < end {
        let Some((polarity, plen)) = stance_particle(ctx, p, w) else {
            p += 1;
            continue;
        };
        let target = target_at(ctx, p + plen)?;
        return Some(FoundStance {
            who,
            polarity,
            cue: (k, p + plen),
            target,
            target_text: None,
        });
    }
    None
}

/// "prêt à travailler avec X", "veut coopérer avec X" -> for cooperation with X.
pub(super) fn cooperation(ctx: &Ctx, res: &mut Resolver, k: usize) -> Option<FoundStance> {
    if !crate::lang::fr::positions::has_willing(ctx.low(k)) || res.in_quote(k) {
        return None;
    }
    let mut j = k + 1;
    if matches!(ctx.low(j), "à" | "de" | "d'") {
        j += 1;
    }
    if !matches!(
        ctx.low(j),
        "travailler" | "coopérer" | "collaborer" | "dialoguer" | "coopération" | "collaboration"
    ) {
        return None;
    }
    if ctx.low(j + 1) != "avec" {
        return None;
    }
    let obj = target_at(ctx, j + 2)?;
    let who = res.subject_before(ctx, k, false)?;
    let text = format!("coopération avec {}", ctx.text(obj.0, obj.1));
    Some(FoundStance {
        who,
        polarity: Polarity::For,
        cue: (k, j + 2),
        target: (j, obj.1),
        target_text: Some(text),
    })
}

/// "régulation excessive" inside a quote of actor `a`: against the noun.
pub(super) fn pejorative(ctx: &Ctx, a: usize, q: &FoundQuote, out: &mut Vec<FoundStance>) {
    for k in q.span.open + 1..q.span.close {
        if !has_pejoratives(ctx.low(k)) {
            continue;
        }
        // The noun qualified: just before (post-posed adjective), skipping "si"/"trop".
        let mut nk = k;
        while nk > q.span.open + 1
            && matches!(
                ctx.low(nk - 1),
                "trop" | "si" | "très" | "vraiment" | "totalement"
            )
        {
            nk -= 1;
        }
        if nk <= q.span.open + 1 {
            continue;
        }
        let noun = nk - 1;
        let nw = ctx.low(noun);
        if nw.ends_with("ment")
            || matches!(
                nw,
                "et" | "ou" | "mais" | "aussi" | "moins" | "bien" | "pas" | "assez"
            )
        {
            continue;
        }
        if !ctx.is_lower_word(noun)
            || ctx.is_det(noun)
            || ctx.is_prep(noun)
            || matches!(
                ctx.low(noun),
                "est" | "sont" | "était" | "être" | "trop" | "plus"
            )
        {
            continue;
        }
        // "son caractère injuste" judges its owner, not the light noun.
        if ctx
            .fold(noun)
            .is_some_and(|f| super::target::LIGHT_NOUNS.contains(&f))
        {
            continue;
        }
        // A noun opens on its determiner ("une régulation excessive", "cette nouvelle taxe
        // injuste"); "ça devient excessif" qualifies no noun.
        // The determiner may stand before the opening mark: "une « régulation excessive »".
        let det_before = |t: usize| {
            t >= 1 && ctx.is_det(t - 1)
                || t >= 2
                    && ctx.kind(t - 1) == Some(crate::text::TokenKind::Quote)
                    && ctx.is_det(t - 2)
        };
        if !(det_before(noun) || noun >= 1 && ctx.is_lower_word(noun - 1) && det_before(noun - 1)) {
            continue;
        }
        // The noun's complement names what is condemned: "tendance néfaste à la censure".
        let mut text = ctx.raw(noun).to_string();
        let mut end = k + 1;
        if matches!(
            ctx.low(k + 1),
            "à" | "au" | "aux" | "de" | "du" | "des" | "d'"
        ) && k + 2 < q.span.close
        {
            if let Some((ts, te)) = target_at(ctx, k + 2) {
                let te = te.min(q.span.close).min(ts + 4);
                if te > ts {
                    text = format!("{} {}", text, ctx.text(k + 1, te));
                    end = te;
                }
            }
        }
        out.push(FoundStance {
            who: Who::Actor(a, None),
            polarity: Polarity::Against,
            cue: (k, k + 1),
            target: (noun, end),
            target_text: Some(text),
        });
    }
}

/// A judgement reported with "que" ("X a estimé que cette mesure était « injuste »", "X
/// juge inacceptable que Y", "X estime que la réforme est nécessaire", "X estime que la piscine
/// doit être rénovée"): the subject of the reporting verb is against (or for) the noun
/// phrase judged. The adjective at `k` is a pejorative outside any attributed quote (a one-word
/// quotation of it counts: « injuste »).
pub(super) fn judgement_stance(ctx: &Ctx, res: &mut Resolver, k: usize) -> Option<FoundStance> {
    use crate::lang::fr::positions::{has_approvals, has_ending_participles, has_normative_modals};
    let w = ctx.low(k);
    // "doit être rénovée" / "doit être supprimée": an obligation for or against.
    let normative = k >= 2
        && ctx.low(k - 1) == "être"
        && has_normative_modals(ctx.low(k - 2))
        && ctx.is_lower_word(k)
        && is_participle(w);
    // Every judgement word is at least five bytes long.
    if !normative && w.len() < 5 {
        return None;
    }
    let polarity = if has_pejoratives(w) || normative && has_ending_participles(w) {
        Polarity::Against
    } else if has_approvals(w) || normative {
        Polarity::For
    } else {
        return None;
    };
    let quoted = |t: usize| ctx.kind(t) == Some(crate::text::TokenKind::Quote);
    // Inside a quotation only when the quotation is the adjective itself.
    if res.in_quote(k) && !(k >= 1 && quoted(k - 1) && quoted(k + 1)) {
        return None;
    }
    let sent_start = ctx.sent_start(k);
    let mut c = k;
    while c > sent_start && (quoted(c - 1) || degree_or_adverb(ctx, c - 1)) {
        c -= 1;
    }
    if c <= sent_start {
        return None;
    }
    let copula = if normative {
        Some(k - 2)
    } else {
        crate::lang::fr::positions::has_predicate_copulas(ctx.low(c - 1)).then(|| c - 1)
    };
    let (que, target) = if let Some(cop) = copula {
        // "que cette mesure était injuste": the noun phrase right before the copula, in a
        // clause opened by "que" ("que, faute de moyens, la piscine doit être").
        let mut np = cop;
        while np > sent_start
            && cop - np < 8
            && ctx.kind(np - 1) != Some(crate::text::TokenKind::Punct)
            && !matches!(ctx.low(np - 1), "que" | "qu'" | "qui")
        {
            np -= 1;
        }
        let det = (np..cop).find(|&d| ctx.is_det(d))?;
        let que = (det.saturating_sub(16).max(sent_start)..det)
            .rev()
            .take_while(|&t| !ctx.is_punct(t, ":") && !ctx.is_punct(t, ";"))
            .find(|&t| matches!(ctx.low(t), "que" | "qu'"))?;
        let target = target_at(ctx, det).map(|(s, e)| (s, e.min(cop)))?;
        (que, target)
    } else if !normative
        && matches!(ctx.low(k + 1), "que" | "qu'")
        && reporting_ending(ctx, c - 1).is_some()
    {
        // "juge inacceptable que la commune ferme": what follows "que".
        let target = target_at(ctx, k + 2)?;
        (c, target)
    } else {
        return None;
    };
    if target.1 <= target.0 {
        return None;
    }
    // The reporting verb right before "que" (the adjective for "juger inacceptable que").
    let v = reporting_ending(ctx, que - 1)?;
    if (v..k).any(|t| matches!(ctx.low(t), "ne" | "n'" | "pas" | "jamais" | "plus")) {
        return None;
    }
    let who = res.subject_before(ctx, v, ctx.plural_verb(v, que))?;
    Some(FoundStance {
        who,
        polarity,
        cue: (k, k + 1),
        target,
        target_text: None,
    })
}

/// A past participle form ("rénovée", "interdits", "suspendu").
fn is_participle(w: &str) -> bool {
    let stem = w.trim_end_matches('s').trim_end_matches('e');
    stem.ends_with(['é', 'i', 'u', 't'])
}

/// An adverb or degree word before a judgement ("était totalement « injuste »").
fn degree_or_adverb(ctx: &Ctx, t: usize) -> bool {
    crate::lang::fr::positions::has_degree_adverbs(ctx.low(t))
        || ctx.low(t).ends_with("ment") && ctx.is_lower_word(t)
        || matches!(ctx.low(t), "plus" | "trop" | "vraiment")
}

/// The first token of a reporting verb group ending at token `e` ("a estimé", "juge",
/// "avait jugé"), auxiliaries included.
fn reporting_ending(ctx: &Ctx, e: usize) -> Option<usize> {
    let start = (e.saturating_sub(2)..=e).find(|&t| {
        ctx.lex
            .reporting
            .longest(|i| ctx.low_opt(i), t)
            .is_some_and(|(len, _)| t + len == e + 1)
    })?;
    Some(verb_group_start(ctx, start))
}
