//! Stances: explicit positions of an actor for or against something ("s'oppose à",
//! "soutient", "plaider en faveur de", "n'a pas signé", "la position ferme de X contre Y",
//! "se dit prêt à travailler avec"), and pejorative judgements inside attributed quotes
//! ("une régulation excessive").

use super::attrib::{Resolver, Who};
use super::conjugate::FormKind;
use super::context::Ctx;
use super::quotes::FoundQuote;
use crate::record::{ActorType, Polarity};
use crate::text::TokenKind;

/// A stance as token ranges.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundStance {
    /// The actor.
    pub who: Who,
    /// For or against.
    pub polarity: Polarity,
    /// Cue token range.
    pub cue: (usize, usize),
    /// Target token range.
    pub target: (usize, usize),
    /// Target text when it is not a plain slice of the text ("coopération avec X").
    pub target_text: Option<String>,
}

/// Determiners skipped at the start of a target.
const TARGET_DETS: &[&str] = crate::lang::fr::positions::TARGET_DETERMINERS;

/// Words that end a target noun phrase.
const TARGET_STOPS: &[&str] = crate::lang::fr::positions::TARGET_STOPS;

/// Maximum words in a target.
const TARGET_MAX: usize = 9;

/// The target noun phrase starting at token `k`: determiners trimmed, cut at the first
/// clause boundary.
fn target_at(ctx: &Ctx, k: usize) -> Option<(usize, usize)> {
    target_in(ctx, k, 0)
}

/// Nouns that are no target on their own ("l'idée", "la façon").
const LIGHT_NOUNS: &[&str] = crate::lang::fr::positions::LIGHT_NOUNS;

/// [`target_at`], `depth` light nouns deep.
fn target_in(ctx: &Ctx, k: usize, depth: u8) -> Option<(usize, usize)> {
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

fn is_opening(ctx: &Ctx, t: usize) -> bool {
    ctx.kind(t) == Some(TokenKind::Quote)
        && matches!(ctx.raw(t).chars().next(), Some('«' | '“' | '‹'))
}

/// Match a particle (folded lowercase keys) at token `k`; returns its length.
fn particle_at(ctx: &Ctx, k: usize, p: &[String]) -> Option<usize> {
    p.iter()
        .enumerate()
        .all(|(i, w)| {
            let t = ctx.low(k + i);
            t == w
                || w == "de" && matches!(t, "d'" | "du" | "des")
                || w == "à" && matches!(t, "au" | "aux")
        })
        .then_some(p.len())
}

const AUX: &[&str] = crate::lang::fr::positions::STANCE_AUXILIARIES;

/// Nouns that announce a stance of their complement "de X" ("la position de X contre Y").
const STANCE_NOUNS: &[&str] = crate::lang::fr::positions::STANCE_NOUNS;

/// Adjectives that condemn the noun they qualify, inside an attributed quote.
const PEJORATIVE: &[&str] = crate::lang::fr::positions::PEJORATIVES;

/// Words that say an actor is willing to cooperate ("prêt à travailler avec").
const WILLING: &[&str] = crate::lang::fr::positions::WILLING;

/// Find stances.
pub fn find_stances(ctx: &Ctx, res: &mut Resolver, quotes: &[FoundQuote]) -> Vec<FoundStance> {
    let mut out = Vec::new();
    let n = ctx.len();
    let mut i = 0;
    while i < n {
        if let Some(st) = verb_stance(ctx, res, i, None) {
            i = st.cue.1.max(i + 1);
            out.push(st);
            continue;
        }
        if let Some(st) = noun_stance(ctx, res, i) {
            out.push(st);
        } else if let Some(st) = possessive_stance(ctx, res, i) {
            out.push(st);
        } else if let Some(st) = adjective_stance(ctx, res, i) {
            out.push(st);
        } else if let Some(st) = cooperation(ctx, res, i) {
            out.push(st);
        }
        i += 1;
    }
    for q in quotes {
        if let Some(Who::Actor(a, _)) = q.who {
            if let Some(st) = quote_cue_stance(ctx, a, q) {
                out.push(st);
            }
            pejorative(ctx, a, q, &mut out);
            // "« Nous dénonçons ce projet », a dit X": the speaker's own stance.
            let mut k = q.span.open + 1;
            while k < q.span.close {
                match verb_stance(ctx, res, k, Some(a)) {
                    Some(st) if st.target.1 <= q.span.close => {
                        k = st.cue.1.max(k + 1);
                        out.push(st);
                    }
                    _ => k += 1,
                }
            }
        }
    }
    out
}

/// A stance adjective ("opposé à", "favorable à", "partisan de") at token `k`.
fn adjective_stance(ctx: &Ctx, res: &mut Resolver, k: usize) -> Option<FoundStance> {
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
            || super::quotes::is_adverb(ctx, p) && !ctx.is_prep(p))
        {
            break;
        }
        s = p;
        back += 1;
    }
    // A bare adjective right after a noun qualifies it ("le camp opposé à la réforme").
    if s == k && !(k >= 1 && ctx.is_punct(k - 1, ",")) && ctx.mention_ending(k - 1).is_none() {
        return None;
    }
    if negated {
        return None;
    }
    let target = target_at(ctx, k + 1 + plen)?;
    let (polarity, target) = calls_for_end(ctx, adj.polarity, target);
    let who = res.subject_before(ctx, s, ctx.plural_verb(s, k))?;
    Some(FoundStance {
        who,
        polarity,
        cue: (s, k + 1),
        target,
        target_text: None,
    })
}

/// Words that stand between a stance adjective and its holder.
const VERB_GROUP: &[&str] = crate::lang::fr::positions::STANCE_VERB_GROUP;

use crate::lang::fr::positions::{has_stance_nouns, has_wish_nouns};

/// "a réaffirmé son soutien à X", "rappelant son opposition à Y", "sa volonté de Z": a
/// stance noun after a possessive belongs to the subject of the clause.
fn possessive_stance(ctx: &Ctx, res: &mut Resolver, k: usize) -> Option<FoundStance> {
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

/// A quote reported by a stance verb ("« Ce projet est une faute », a dénoncé X", "X
/// salue : « ... »"): the speaker is for or against what the quote opens on.
fn quote_cue_stance(ctx: &Ctx, a: usize, q: &FoundQuote) -> Option<FoundStance> {
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
fn verb_stance(
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
            etre_aux = super::quotes::is_etre(w);
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
        } else if super::quotes::is_adverb(ctx, p) && !ctx.is_prep(p) {
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
            || super::quotes::is_adverb(ctx, j) && !ctx.is_prep(j) && !ctx.is_det(j)
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
fn complement(ctx: &Ctx, c: &super::lexicon::StanceCue, j: usize) -> Option<usize> {
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
fn infinitive_at(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.low(t);
    ctx.is_lower_word(t) && (w.ends_with("er") || w.ends_with("ir") || w.ends_with("re"))
}

/// The preposition at `p` after the stance noun `noun` and what it says: "contre" is
/// against, "pour" and "en faveur de" for, "à" against after "opposition" and for after
/// "soutien"; with its length in tokens.
fn stance_particle(ctx: &Ctx, p: usize, noun: &str) -> Option<(Polarity, usize)> {
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
fn calls_for_end(
    ctx: &Ctx,
    polarity: Polarity,
    target: (usize, usize),
) -> (Polarity, (usize, usize)) {
    match negated_target(ctx, target) {
        Some(t) if polarity == Polarity::For => (Polarity::Against, t),
        _ => (polarity, target),
    }
}

/// Heads that call for the end of what follows ("fin des contrôles", "sortir du nucléaire"):
/// the target after them.
const NEGATING_HEADS: &[&str] = crate::lang::fr::positions::NEGATING_HEADS;

/// The target `(s, e)` opens on a head that negates its complement: the complement.
fn negated_target(ctx: &Ctx, (s, e): (usize, usize)) -> Option<(usize, usize)> {
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

/// "la position (ferme) de X (...) contre Y", "le soutien de X à Y".
fn noun_stance(ctx: &Ctx, res: &mut Resolver, k: usize) -> Option<FoundStance> {
    let w = ctx.low(k);
    if !STANCE_NOUNS.contains(&w) || res.in_quote(k) {
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
fn cooperation(ctx: &Ctx, res: &mut Resolver, k: usize) -> Option<FoundStance> {
    if !WILLING.contains(&ctx.low(k)) || res.in_quote(k) {
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
fn pejorative(ctx: &Ctx, a: usize, q: &FoundQuote, out: &mut Vec<FoundStance>) {
    for k in q.span.open + 1..q.span.close {
        if !PEJORATIVE.contains(&ctx.low(k)) {
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
