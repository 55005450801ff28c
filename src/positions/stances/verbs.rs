//! Stances stated by verbs ("s'oppose à", "soutient", "n'a pas signé") and by quote cues.

use super::target::{negated_target, target_at};
use super::{particle_at, FoundStance, AUX};
use crate::positions::attrib::{Resolver, Who};
use crate::positions::conjugate::FormKind;
use crate::positions::context::Ctx;
use crate::positions::quotes::FoundQuote;
use crate::record::Polarity;
use crate::text::TokenKind;

/// A quote reported by a stance verb ("« Ce projet est une faute », a dénoncé X", "X
/// salue : « ... »"): the speaker is for or against what the quote opens on.
pub(super) fn quote_cue_stance(ctx: &Ctx, a: usize, q: &FoundQuote) -> Option<FoundStance> {
    let (cs, ce) = q.cue?;
    let (polarity, negated) = (cs..ce)
        .find_map(|k| {
            let (_, form) = ctx.lex.stance.longest(|i| ctx.low_opt(i), k)?;
            let cue = &ctx.lex.stance_cues[form.lemma as usize];
            // Verbs that need their particle ("s'opposer à", "lutter contre") state no
            // stance on the quote itself.
            (cue.particles.is_empty() && !cue.negated_only).then_some(cue.polarity)
        })
        .map(|p| {
            (
                p,
                (cs..ce).any(|k| matches!(ctx.low(k), "pas" | "jamais" | "ne" | "n'")),
            )
        })?;
    if negated {
        return None;
    }
    let target = target_at(ctx, q.span.open + 1).filter(|&(s, e)| e <= q.span.close && e > s)?;
    // The opening phrase must name something, not a pronoun or a clause.
    if matches!(
        ctx.low(target.0),
        "je" | "j'"
            | "nous"
            | "on"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "c'"
            | "ce"
            | "ça"
            | "cela"
            | "vous"
            | "tu"
    ) {
        return None;
    }
    Some(FoundStance {
        who: Who::Actor(a, None),
        polarity,
        cue: (cs, ce),
        target,
        target_text: None,
    })
}

/// A stance verb at token `k` with its particle and target. `speaker` is the speaker of
/// the quote `k` lies in: there the holder is the speaker when the verb's subject is "je" or
/// "nous" ("« Je salue cette décision », a dit X"); outside quotes it is the subject.
pub(super) fn verb_stance(
    ctx: &Ctx,
    res: &mut Resolver,
    k: usize,
    speaker: Option<usize>,
) -> Option<FoundStance> {
    if speaker.is_none() && res.in_quote(k) {
        return None;
    }
    let (len, form) = ctx.lex.stance.longest(|i| ctx.low_opt(i), k)?;
    let first = &ctx.lex.stance_cues[form.lemma as usize];
    // The verb group: auxiliary, reflexive pronoun, negation before the verb.
    let sent_start = ctx.sent_start(k);
    let mut s = k;
    let mut has_aux = false;
    let mut etre_aux = false;
    let mut negated = false;
    let mut reflexive = false;
    let mut back = 0;
    while s > sent_start && back < 5 {
        let p = s - 1;
        let w = ctx.low(p);
        if AUX.contains(&w) && !has_aux {
            has_aux = true;
            etre_aux = crate::positions::quotes::is_etre(w);
        } else if matches!(w, "pas" | "jamais" | "plus") {
            negated = negated || matches!(w, "pas" | "jamais");
        } else if matches!(w, "ne" | "n'") {
            negated = true;
        } else if matches!(w, "s'" | "se" | "m'" | "me")
            || w == "nous" && p > sent_start && ctx.low(p - 1) == "nous"
        {
            // "s'oppose", "je m'oppose", "nous nous opposons".
            reflexive = true;
        } else if matches!(w, "-t-il" | "-t-elle" | "-il" | "-elle")
            || w.ends_with("ment") && ctx.is_lower_word(p)
        {
        } else if let Some(a) = ctx.adverbial_ending(p).filter(|&a| a > sent_start) {
            // "a de nouveau plaidé", "s'est par ailleurs opposé".
            s = a;
            back += 1;
            continue;
        } else if crate::positions::quotes::is_adverb(ctx, p) && !ctx.is_prep(p) {
        } else {
            break;
        }
        s = p;
        back += 1;
    }
    // "se défendre de" is not "défendre": the reflexive must match the lexicon.
    if first.pronominal != reflexive {
        return None;
    }
    let det_before = k >= 1 && ctx.is_det(k - 1);
    // "X est accusé de": être with a non-pronominal verb is a passive; X is the object.
    let passive = etre_aux && !first.pronominal;
    let ok = form.has(FormKind::Participle) && has_aux && !passive
        || form.has(FormKind::Finite) && !det_before
        || form.has(FormKind::Infinitive)
        || form.has(FormKind::PresentParticiple);
    if !ok {
        return None;
    }
    // "n'a pas signé": negation after the auxiliary.
    let mut j = k + len;
    let mut adv = 0;
    while adv < 3 {
        if let Some(n) = ctx.adverbial_len(j) {
            // "regrette de son côté la décision", "appelle quant à lui X à".
            j += n;
        } else if matches!(ctx.low(j), "pas" | "jamais")
            || (ctx.low(j).ends_with("ment") && ctx.is_lower_word(j))
            || crate::positions::quotes::is_adverb(ctx, j) && !ctx.is_prep(j) && !ctx.is_det(j)
        {
            negated = negated || matches!(ctx.low(j), "pas" | "jamais");
            j += 1;
        } else {
            break;
        }
        adv += 1;
    }
    // Cues sharing the verb ("voter contre", "voter pour"): the first whose complement fits.
    let (cue, target_start) = ctx
        .lex
        .stance_cues
        .iter()
        .filter(|c| c.lemma == first.lemma && c.pronominal == first.pronominal)
        .find_map(|c| complement(ctx, c, j).map(|t| (c, t)))?;
    let target = target_at(ctx, target_start)?;
    let mut polarity = cue.polarity;
    if cue.negated_only {
        if !negated {
            return None;
        }
    } else if negated {
        if polarity == Polarity::Against || cue.affirmative_only {
            return None;
        }
        polarity = Polarity::Against;
    }
    // "appelle à la fin des contrôles": against the controls.
    let (polarity, target) = calls_for_end(ctx, polarity, target);
    let who = match speaker {
        Some(a) => {
            // Inside a quote: only the speaker's own "je"/"nous" stance.
            let subj = s.checked_sub(1)?;
            if !matches!(ctx.low(subj), "je" | "j'" | "nous") {
                return None;
            }
            Who::Actor(a, None)
        }
        None => res.subject_before(ctx, s, ctx.plural_verb(s, k + len))?,
    };
    Some(FoundStance {
        who,
        polarity,
        cue: (s, k + len),
        target,
        target_text: None,
    })
}

/// Where the target of cue `c` starts when its complement begins at token `j`: right
/// there for a direct object, after the particle otherwise ("s'oppose à"), after a short
/// object and the particle for verbs like "appeler le gouvernement à".
pub(super) fn complement(
    ctx: &Ctx,
    c: &crate::positions::lexicon::StanceCue,
    j: usize,
) -> Option<usize> {
    if c.particles.is_empty() {
        // Direct object: a determiner or "de" + infinitive must follow.
        let de_inf = matches!(ctx.low(j), "de" | "d'") && infinitive_at(ctx, j + 1);
        let det = ctx.is_det(j) && !matches!(ctx.low(j), "de" | "d'");
        return (det
            || de_inf
            || matches!(ctx.low(j), "tout" | "toute" | "toutes" | "tous")
            || ctx.kind(j) == Some(TokenKind::Quote))
        .then_some(j);
    }
    let particle = |t: usize| c.particles.iter().find_map(|p| particle_at(ctx, t, p));
    if let Some(plen) = particle(j) {
        // "au"/"aux" contain the article: keep them out of the target only.
        return Some(j + plen);
    }
    if !c.object_first {
        return None;
    }
    // "appelle ses partisans à manifester", "invite le gouvernement à revoir sa copie":
    // an object of at most five words, then the particle and an infinitive or a noun.
    let end = ctx.sent_end(j).min(j + 6);
    let mut t = j;
    while t < end {
        if let Some(plen) = particle(t).filter(|_| t > j) {
            return Some(t + plen);
        }
        if ctx.kind(t) == Some(TokenKind::Punct) || ctx.kind(t) == Some(TokenKind::Quote) {
            return None;
        }
        t += 1;
    }
    None
}

/// A lowercase infinitive at token `t` ("rouvrir", "prendre").
pub(super) fn infinitive_at(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.low(t);
    ctx.is_lower_word(t) && (w.ends_with("er") || w.ends_with("ir") || w.ends_with("re"))
}

/// The preposition at `p` after the stance noun `noun` and what it says: "contre" is
/// against, "pour" and "en faveur de" for, "à" against after "opposition" and for after
/// "soutien"; with its length in tokens.
pub(super) fn stance_particle(ctx: &Ctx, p: usize, noun: &str) -> Option<(Polarity, usize)> {
    let opposing = matches!(noun, "opposition" | "hostilité" | "refus");
    match ctx.low(p) {
        "contre" => Some((Polarity::Against, 1)),
        "à" | "au" | "aux" if opposing => Some((Polarity::Against, 1)),
        "à" | "au" | "aux" if matches!(noun, "soutien" | "appui" | "engagement" | "appel") => {
            Some((Polarity::For, 1))
        }
        "pour" if !opposing => Some((Polarity::For, 1)),
        "en" if ctx.low(p + 1) == "faveur" => Some((Polarity::For, 3)),
        _ => None,
    }
}

/// A stance for a target that opens on a negating head ("la fin des contrôles") is a
/// stance against its complement; anything else is returned as it is.
pub(super) fn calls_for_end(
    ctx: &Ctx,
    polarity: Polarity,
    target: (usize, usize),
) -> (Polarity, (usize, usize)) {
    match negated_target(ctx, target) {
        Some(t) if polarity == Polarity::For => (Polarity::Against, t),
        _ => (polarity, target),
    }
}
