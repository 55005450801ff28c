//! Stances stated by verbs ("s'oppose à", "soutient", "n'a pas signé") and by quote cues.

use super::target::{negated_target, target_at};
use super::{infinitive_at, particle_at, verb_group_start, FoundStance, AUX};
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
    // A cue before the quote reports it unless a relative clause stands between:
    // "Dénonçant un tarif que X « veut imposer »" is about the tariff.
    if ce <= q.span.open
        && (ce..q.span.open).any(|t| matches!(ctx.low(t), "que" | "qu'" | "qui" | "dont"))
    {
        return None;
    }
    let target = target_at(ctx, q.span.open + 1).filter(|&(s, e)| e <= q.span.close && e > s)?;
    // A one-word quote without a determiner is a judgement ("« inacceptable »"), not what
    // it judges; a name stays a target.
    if target.1 == target.0 + 1
        && !ctx.is_det(target.0.saturating_sub(1))
        && ctx.mention_starting(target.0).is_none()
    {
        return None;
    }
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

/// The speaker's "je suis contre X", "nous sommes favorables à Y" inside the quote `q`
/// (subject at token `k`): a stance of the speaker `a`.
pub(crate) fn copula_stance(ctx: &Ctx, a: usize, k: usize, q: &FoundQuote) -> Option<FoundStance> {
    if !matches!(ctx.low(k), "je" | "j'" | "nous") {
        return None;
    }
    if !crate::lang::fr::positions::has_first_person_copulas(ctx.low(k + 1)) {
        return None;
    }
    let (mut j, negated) = skip_adverbs(ctx, k + 2);
    while crate::lang::fr::positions::has_degree_adverbs(ctx.low(j)) {
        j += 1;
    }
    if negated || matches!(ctx.low(k.saturating_sub(1)), "ne" | "n'") {
        return None;
    }
    let (polarity, start) = match ctx.low(j) {
        "contre" => (Polarity::Against, j + 1),
        "pour" if !infinitive_at(ctx, j + 1) => (Polarity::For, j + 1),
        _ => {
            let adj =
                &ctx.lex.stance_adjectives[*ctx.lex.stance_adjective_forms.get(ctx.fold(j)?)?];
            let plen = adj
                .particles
                .iter()
                .find_map(|p| particle_at(ctx, j + 1, p))?;
            (adj.polarity, j + 1 + plen)
        }
    };
    let target = target_at(ctx, start).filter(|&(_, e)| e <= q.span.close)?;
    let (polarity, target) = calls_for_end(ctx, polarity, target);
    Some(FoundStance {
        who: Who::Actor(a, None),
        polarity,
        cue: (k, j + 1),
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
    let mut ete = false;
    let mut negated = false;
    let mut reflexive = false;
    let mut back = 0;
    while s > sent_start && back < 5 {
        let p = s - 1;
        let w = ctx.low(p);
        if w == "été" && !has_aux {
            // "a été condamné": a passive whose auxiliary comes before.
            has_aux = true;
            etre_aux = true;
            ete = true;
        } else if AUX.contains(&w) && (!has_aux || ete) {
            has_aux = true;
            etre_aux = etre_aux || crate::positions::quotes::is_etre(w);
            ete = false;
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
    // "X a été condamné par Y", "X, soutenu par Y": the agent holds the stance on X.
    let reduced = !has_aux && s >= 1 && ctx.is_punct(s - 1, ",");
    if speaker.is_none() && form.has(FormKind::Participle) && (passive || reduced) {
        if let Some(st) = passive_stance(ctx, res, first, s, k + len, negated) {
            return Some(st);
        }
    }
    let ok = form.has(FormKind::Participle) && has_aux && !passive
        || form.has(FormKind::Finite) && !det_before
        || form.has(FormKind::Infinitive)
        || form.has(FormKind::PresentParticiple);
    if !ok {
        return None;
    }
    // "les clients refusant de payer": a participle right after a noun qualifies it.
    let qualifies = form.has(FormKind::PresentParticiple)
        && !form.has(FormKind::Finite)
        && s == k
        && s >= 1
        && ctx.is_lower_word(s - 1)
        && !ctx.is_det(s - 1)
        && !crate::positions::quotes::is_adverb(ctx, s - 1)
        && !matches!(ctx.low(s - 1), "en" | "tout" | "et" | "ou" | "mais");
    // "sans condamner X" states no stance.
    let without = form.has(FormKind::Infinitive) && s == k && s >= 1 && ctx.low(s - 1) == "sans";
    if qualifies || without || speaker.is_none() && in_purpose_clause(ctx, s) {
        return None;
    }
    // "qui l'accuse de", "il leur a demandé de": the object is the clitic before the
    // verb, not what follows it.
    let clitic = (s.saturating_sub(1)..k).any(|t| {
        matches!(ctx.low(t), "l'" | "le" | "la" | "les" | "lui" | "leur")
            && (t + 1 == k || AUX.contains(&ctx.low(t + 1)))
    });
    // "n'a pas signé": negation after the auxiliary.
    let (j, negated_after) = skip_adverbs(ctx, k + len);
    negated = negated || negated_after;
    // Cues sharing the verb ("voter contre", "voter pour"): the first whose complement fits.
    let (cue, target_start) = ctx
        .lex
        .stance_cues
        .iter()
        .filter(|c| c.lemma == first.lemma && c.pronominal == first.pronominal)
        .filter(|c| !clitic || !c.particles.is_empty())
        .find_map(|c| complement(ctx, c, j).map(|t| (c, t)))?;
    let target = target_at(ctx, target_start)?;
    let mut polarity = cue.polarity;
    // "refuse de soutenir X", "son refus de signer X": a refused stance is its opposite.
    let refused = form.has(FormKind::Infinitive) && s == k && refusal_before(ctx, k);
    // "qu'il accuse d'appuyer X", "qui l'accuse d'avoir financé X": a stance someone else
    // lends the accused, not the subject's.
    if s >= 2 && matches!(ctx.low(s - 1), "de" | "d'") && accused_before(ctx, s - 2) {
        return None;
    }
    if refused {
        // "refuse de condamner X" is no stance for X.
        if negated || polarity == Polarity::Against || cue.negated_only {
            return None;
        }
        polarity = Polarity::Against;
    } else if cue.negated_only {
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
        None => match res.subject_before(ctx, s, ctx.plural_verb(s, k + len)) {
            Some(who) => who,
            // "Dénonçant un tarif injuste, la députée a ...": the participle phrase
            // opening the sentence belongs to the subject of the main clause.
            None if form.has(FormKind::PresentParticiple) => {
                participial_holder(ctx, res, s, target.1)?
            }
            None => return None,
        },
    };
    Some(FoundStance {
        who,
        polarity,
        cue: (s, k + len),
        target,
        target_text: None,
    })
}

/// Adverbs and adverbial phrases after a verb at token `j` ("regrette de son côté la
/// décision", "n'a pas signé"): the first token past them, and whether a negation was among
/// them.
fn skip_adverbs(ctx: &Ctx, mut j: usize) -> (usize, bool) {
    let mut negated = false;
    for _ in 0..3 {
        if let Some(n) = date_len(ctx, j) {
            // "a réclamé le 12 mars une enquête".
            j += n;
        } else if let Some(n) = ctx.adverbial_len(j) {
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
    }
    (j, negated)
}

/// A date adverbial at token `j` ("le 4 mai", "le 12 mars 2020"): its length in tokens.
fn date_len(ctx: &Ctx, j: usize) -> Option<usize> {
    if ctx.low(j) != "le" || ctx.kind(j + 1) != Some(TokenKind::Number) {
        return None;
    }
    if !crate::lang::fr::common::has_months(ctx.low(j + 2)) {
        return None;
    }
    let year = ctx.kind(j + 3) == Some(TokenKind::Number);
    Some(if year { 4 } else { 3 })
}

/// A passive stance verb whose participle starts the verb group at `s` and ends at `v`:
/// "Cette décision a été condamnée par X", "Y, soutenu par X". The agent after "par" holds
/// the stance; its target is the subject (a person in apposition before the comma, else
/// the noun phrase right before the verb group).
fn passive_stance(
    ctx: &Ctx,
    res: &mut Resolver,
    cue: &crate::positions::lexicon::StanceCue,
    s: usize,
    v: usize,
    negated: bool,
) -> Option<FoundStance> {
    // Only verbs taking a direct object have a passive that states the stance.
    if !cue.particles.is_empty() || cue.object_first || cue.negated_only || negated {
        return None;
    }
    let (j, negated_after) = skip_adverbs(ctx, v);
    if negated_after || ctx.low(j) != "par" {
        return None;
    }
    let who = match res.speaker_after(ctx, j + 1, true)? {
        Who::Actor(a, m) => Who::Actor(a, m),
        Who::Unknown => return None,
    };
    let sent_start = ctx.sent_start(s);
    // The subject ends before the auxiliaries and adverbs of the verb group.
    let mut t = verb_group_start(ctx, s);
    let comma = t > sent_start && ctx.is_punct(t - 1, ",");
    let mut target = None;
    if comma {
        // "Paul Roy, maire sortant, soutenu par X".
        if let Some(Who::Actor(_, Some(span))) =
            res.apposition_subject(ctx, t - 1, sent_start, false)
        {
            target = Some(span);
        }
        t -= 1;
    }
    if target.is_none() && t >= 2 && matches!(ctx.low(t - 1), "qui") {
        // "X, qui était soutenu par Y": the antecedent of the relative pronoun.
        let e = if ctx.is_punct(t - 2, ",") {
            t - 2
        } else {
            t - 1
        };
        let m = ctx.mention_ending(e.checked_sub(1)?)?;
        target = Some((m.start, m.end));
    }
    if target.is_none() {
        if t == 0 {
            return None;
        }
        target = match ctx.mention_ending(t - 1) {
            Some(m) if !(m.start >= 1 && ctx.is_prep(m.start - 1)) => Some((m.start, m.end)),
            _ => {
                // The noun phrase before: back to punctuation or a verb, at most eight
                // words; it opens on its first determiner.
                let mut from = t;
                while from > sent_start
                    && t - from < 8
                    && ctx.kind(from - 1) != Some(TokenKind::Punct)
                    && !AUX.contains(&ctx.low(from - 1))
                    && !ctx.finite_verb_at(from - 1)
                    && !matches!(ctx.low(from - 1), "qui" | "que" | "qu'" | "et" | "ou")
                {
                    from -= 1;
                }
                let det = (from..t).find(|&d| ctx.is_det(d))?;
                target_at(ctx, det).filter(|&(_, e)| e <= t)
            }
        };
    }
    let target = target?;
    // "X, soutenu par X" is no stance.
    if matches!(who, Who::Actor(a, _) if ctx.mention_starting(target.0).is_some_and(|m| m.actor == a))
    {
        return None;
    }
    Some(FoundStance {
        who,
        polarity: cue.polarity,
        cue: (s, v),
        target,
        target_text: None,
    })
}

/// The holder of a stance stated by a present participle opening its sentence at `s`
/// ("Dénonçant un tarif injuste, la députée a ...", target ending at `e`): the subject
/// of the main clause after the comma that closes the participle phrase.
pub(super) fn participial_holder(ctx: &Ctx, res: &mut Resolver, s: usize, e: usize) -> Option<Who> {
    if crate::positions::quotes::clause_start(ctx, s) < s {
        return None;
    }
    let end = ctx.sent_end(s);
    let comma = (e..end).find(|&t| !res.in_quote(t) && ctx.is_punct(t, ","))?;
    crate::positions::quotes::main_clause_subject(ctx, res, comma + 1, end)
}

/// The infinitive at `k` is governed by a refusal: "refuse de", "son refus de", "a renoncé
/// à".
fn refusal_before(ctx: &Ctx, k: usize) -> bool {
    if k < 2 || !matches!(ctx.low(k - 1), "de" | "d'" | "à") {
        return false;
    }
    crate::lang::fr::positions::has_refusals(ctx.low(k - 2)) || governed_by(ctx, k - 2, "refuser")
}

/// The verb group at `s` lies in a clause of purpose or manner ("afin que X refuse le
/// projet", "pour que X soutienne Y", "sans que"): a wished stance, not one held.
fn in_purpose_clause(ctx: &Ctx, s: usize) -> bool {
    let sent_start = ctx.sent_start(s);
    (s.saturating_sub(10).max(sent_start + 1)..s)
        .rev()
        .take_while(|&t| !ctx.is_punct(t, ",") && !ctx.is_punct(t, ";"))
        .any(|t| {
            matches!(ctx.low(t), "que" | "qu'")
                && matches!(ctx.low(t - 1), "afin" | "pour" | "sans" | "avant")
        })
}

/// A form of "accuser" ends at token `g` or just before its object ("accuse Paul Roy").
fn accused_before(ctx: &Ctx, g: usize) -> bool {
    let sent_start = ctx.sent_start(g);
    (g.saturating_sub(5).max(sent_start)..=g)
        .rev()
        .take_while(|&t| ctx.kind(t) != Some(TokenKind::Punct))
        .any(|t| governed_by(ctx, t, "accuser"))
}

/// Token `g` ends a form of the stance verb `lemma` ("refuse", "accusée").
fn governed_by(ctx: &Ctx, g: usize, lemma: &str) -> bool {
    (g.saturating_sub(2)..=g).any(|t| {
        ctx.lex
            .stance
            .longest(|i| ctx.low_opt(i), t)
            .is_some_and(|(len, f)| {
                t + len == g + 1 && ctx.lex.stance_cues[f.lemma as usize].lemma == lemma
            })
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
        if det
            || de_inf
            || matches!(ctx.low(j), "tout" | "toute" | "toutes" | "tous")
            || ctx.kind(j) == Some(TokenKind::Quote)
        {
            return Some(j);
        }
        return object_after_place(ctx, j);
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

/// "dénonce dans un communiqué la décision", "a salué sur Twitter les efforts": past a
/// short prepositional phrase of place or medium right after the verb, the determiner that
/// opens the object.
fn object_after_place(ctx: &Ctx, j: usize) -> Option<usize> {
    if !crate::lang::fr::positions::has_medium_prepositions(ctx.low(j)) {
        return None;
    }
    let end = ctx.sent_end(j).min(j + 7);
    (j + 2..end)
        .take_while(|&t| ctx.kind(t) != Some(TokenKind::Punct))
        .find(|&t| {
            (ctx.is_det(t) && !matches!(ctx.low(t), "de" | "d'" | "du" | "des")
                || ctx.kind(t) == Some(TokenKind::Quote))
                && !ctx.is_prep(t - 1)
                && !ctx.is_det(t - 1)
        })
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
