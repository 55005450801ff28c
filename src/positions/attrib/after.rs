//! The speaker named after a cue ("», a déclaré le ministre", "selon X"): a name, a title
//! and its holder, a description of a person or an organisation, the text of an
//! organisation.

use super::{Resolver, Who, ORG_NOUNS};
use crate::positions::context::{ChainMention, Ctx, NONE};
use crate::positions::coref::Window;
use crate::record::ActorType;

/// Nouns of things, texts and institutions that report without being a person ("le
/// communiqué", "le ministère"); folded.
const NOT_PERSONS: &[&str] = crate::lang::fr::positions::NOT_PERSONS;

/// Nouns of texts that speak for their author ("le communiqué de X"); folded.
const TEXT_NOUNS: &[&str] = crate::lang::fr::positions::TEXT_NOUNS;

/// The organisation whose text is named from token `k` on: a few lowercase words of the
/// noun ("d'accusation"), then "de/du/des [la]" and an organisation mention.
fn org_of_text(ctx: &Ctx, k: usize) -> Option<usize> {
    let mut j = k;
    for _ in 0..4 {
        if matches!(ctx.low(j), "de" | "d'" | "du" | "des") {
            let mut q = j + 1;
            if matches!(ctx.low(q), "la" | "l'" | "le" | "les") {
                q += 1;
            }
            if let Some(m) = ctx.mention_starting(q) {
                return (ctx.actor_kind(m.actor) == ActorType::Org).then_some(m.actor);
            }
            if !ctx.is_lower_word(q) {
                return None;
            }
            j = q + 1;
        } else if ctx.is_lower_word(j) {
            j += 1;
        } else {
            return None;
        }
    }
    None
}

/// The person named right after a title phrase ending at `e`, past complements that name
/// places, parties or organisations ("PCF", "de Lunel", "(Gard)").
fn person_after_title(ctx: &Ctx, e: usize) -> Option<ChainMention> {
    let end = ctx.sent_end(e.min(ctx.len().saturating_sub(1))).min(e + 8);
    let mut j = e;
    while j < end {
        if let Some(m) = ctx.mention_starting(j) {
            if ctx.actor_kind(m.actor) == ActorType::Per {
                // "le directeur de cabinet de Paul Roy": a name in the complement is its
                // object, not the holder.
                let object = j >= 1 && (ctx.is_prep(j - 1) || ctx.is_det(j - 1));
                return (!object).then_some(m);
            }
            j = m.end;
            continue;
        }
        if ctx.is_punct(j, "(") {
            j = (j + 1..(j + 6).min(end)).find(|&t| ctx.is_punct(t, ")"))? + 1;
            continue;
        }
        let upper = ctx.raw(j).chars().count() >= 2 && ctx.raw(j).chars().all(char::is_uppercase);
        if matches!(ctx.low(j), "de" | "d'" | "du" | "des") || upper || ctx.is_cap(j) {
            j += 1;
            continue;
        }
        return None;
    }
    None
}

impl<'t> Resolver<'t> {
    /// "la jeune femme", "cette mère de famille", "le sexagénaire" at token `k` (a definite
    /// or demonstrative determiner): the salient person of that gender.
    fn person_noun(&self, ctx: &Ctx, k: usize) -> Option<Who> {
        if !matches!(ctx.low(k), "le" | "la" | "l'" | "ce" | "cet" | "cette") {
            return None;
        }
        let mut j = k + 1;
        if ctx.low(j) == "jeune"
            && ctx
                .fold(j + 1)
                .is_some_and(|f| ctx.lex.person_nouns.contains_key(f))
        {
            j += 1;
        }
        let noun_fem = *ctx.lex.person_nouns.get(ctx.fold(j)?)?;
        let fem = noun_fem.or(match ctx.low(k) {
            "la" | "cette" => Some(true),
            "le" | "ce" | "cet" => Some(false),
            _ => None,
        });
        Some(
            match self
                .salience
                .resolve(ctx, k, fem, Window::Narrative(3), false)
            {
                Some(a) => Who::Actor(a, Some((k + 1, j + 1))),
                None => Who::Unknown,
            },
        )
    }

    /// A definite or demonstrative description at token `k` after a cue ("le coureur",
    /// "le septuagénaire", "cette élue"): the most salient person of the determiner's gender.
    /// Nouns of things and institutions ("le communiqué", "le ministère") name no person.
    fn description(&mut self, ctx: &Ctx, k: usize) -> Option<Who> {
        let fem = match ctx.low(k) {
            "la" | "cette" => Some(true),
            "le" | "ce" | "cet" => Some(false),
            "l'" => None,
            _ => return None,
        };
        let noun = k + 1;
        if !ctx.is_lower_word(noun)
            || NOT_PERSONS.contains(&ctx.fold(noun)?)
            || ORG_NOUNS.contains(&ctx.low(noun))
            || ctx.mention_starting(noun + 1).is_some()
            || ctx.is_cap(noun + 1)
        {
            return None;
        }
        let a = self
            .salience
            .resolve(ctx, k, fem, Window::Narrative(3), false)?;
        Some(Who::Actor(a, Some((noun, noun + 1))))
    }

    /// A person mention (not a prepositional object) from token `from` up to `to`, in the
    /// same sentence and outside quotations.
    fn person_ahead(&self, ctx: &Ctx, from: usize, to: usize) -> Option<ChainMention> {
        let mut k = from;
        while k < to.min(ctx.len()) {
            if ctx.is_final(k) || self.in_quote(k) || ctx.is_punct(k, ":") {
                return None;
            }
            if let Some(m) = ctx.mention_starting(k) {
                if ctx.actor_kind(m.actor) == ActorType::Per && !ctx.prep_object(k) {
                    return Some(m);
                }
                k = m.end;
                continue;
            }
            k += 1;
        }
        None
    }

    /// A person named after a comma within a few tokens of `e` (an apposition closing a
    /// long title phrase).
    pub fn person_in_apposition(&self, ctx: &Ctx, e: usize) -> Option<ChainMention> {
        let end = ctx.sent_end(e.min(ctx.len() - 1)).min(e + 12);
        for k in e..end {
            if ctx.is_punct(k, ",") {
                // "un porte-parole du parti, le député Marc Roy": the name may follow a
                // second title of its own.
                let mut j = k + 1;
                if let Some(ti) = self.title_covering(j) {
                    if self.titles[ti].det_start == j {
                        j = self.titles[ti].end;
                    }
                }
                if ctx.is_civility(j) {
                    j += 1;
                }
                return ctx
                    .mention_starting(j)
                    .filter(|m| ctx.actor_kind(m.actor) == ActorType::Per);
            }
            if self.in_quote(k) || ctx.kind(k) == Some(crate::text::TokenKind::Punct) {
                return None;
            }
        }
        None
    }

    /// The speaker named after a cue ending at token `j` ("», a déclaré le ministre",
    /// "selon X"). `direct` limits the search to the noun phrase right after (for "selon").
    pub fn speaker_after(&mut self, ctx: &Ctx, j: usize, direct: bool) -> Option<Who> {
        let n = ctx.len();
        let limit = if direct { 3 } else { 10 };
        let mut k = j;
        let mut steps = 0;
        while k < n && steps < limit {
            steps += 1;
            // "a déclaré dans une interview au « Courrier » le ministre": a short quoted
            // name inside the cue's complement is passed over.
            if let Some(&q) = self.quote_at.get(k).filter(|&&q| q != NONE) {
                let (o, c) = self.quote_marks[q as usize];
                if !direct && o == k && c <= o + 4 && k >= 1 && ctx.is_det(k - 1) {
                    k = c + 1;
                    continue;
                }
                return None;
            }
            if ctx.is_final(k) || ctx.is_punct(k, ":") {
                return None;
            }
            if let Some(ti) = self.title_covering(k) {
                let t = &self.titles[ti];
                // "à la ministre" is an object; "Selon la ministre" names the speaker.
                let after_prep = t.det_start >= 1
                    && ctx.is_prep(t.det_start - 1)
                    && t.det_start == k
                    && !(direct && k == j);
                let prep_det =
                    matches!(ctx.low(t.det_start), "au" | "aux" | "du" | "des") && !direct;
                if !after_prep && !prep_det {
                    // "la maire PCF de Lunel Anne Roy", "le maire de Vic (Gard) Paul Roy":
                    // the name right after the title phrase is its holder.
                    if let Some(m) = person_after_title(ctx, t.end) {
                        return Some(Who::Actor(m.actor, Some((m.start, m.end))));
                    }
                    // "le porte-parole de la présidence, Anne Roy": the person named in
                    // apposition beats any holder found by salience.
                    if self.title_actor[ti].is_none() {
                        if let Some(m) = self.person_in_apposition(ctx, t.end) {
                            return Some(Who::Actor(m.actor, Some((m.start, m.end))));
                        }
                    }
                    let who = self.resolve_title(ctx, ti);
                    if who == Who::Unknown {
                        // "la secrétaire d'État à l'Égalité entre ..., Marlène Dupont".
                        if let Some(m) = self.person_in_apposition(ctx, t.end) {
                            return Some(Who::Actor(m.actor, Some((m.start, m.end))));
                        }
                    }
                    return Some(who);
                }
                k = t.end;
                continue;
            }
            if let Some(m) = ctx.mention_starting(k) {
                let prep = k >= 1 && ctx.is_prep(k - 1) && !(direct && k == j);
                let prep = prep || k >= 2 && ctx.is_det(k - 1) && ctx.is_prep(k - 2) && !direct;
                if !prep && ctx.actor_kind(m.actor) != ActorType::Misc {
                    // "a déclaré place du Marché Anne Roy", "a publié sur son compte
                    // Vetra M. Roy": a place, or a name modifying a noun, is a complement of
                    // the verb when a person follows.
                    let complement = ctx.actor_kind(m.actor) == ActorType::Loc
                        || k > j && ctx.is_lower_word(k - 1) && !ctx.is_det(k - 1);
                    if !direct && complement {
                        if let Some(p) = self.person_ahead(ctx, m.end, j + limit) {
                            return Some(Who::Actor(p.actor, Some((p.start, p.end))));
                        }
                    }
                    return Some(Who::Actor(m.actor, Some((m.start, m.end))));
                }
                k = m.end;
                continue;
            }
            // "», indique le communiqué de Vetra", "selon le rapport de la commission
            // X": a text of an organisation speaks for it.
            if !direct && ctx.is_det(k) && ctx.fold(k + 1).is_some_and(|f| TEXT_NOUNS.contains(&f))
            {
                if let Some(a) = org_of_text(ctx, k + 2) {
                    return Some(Who::Actor(a, None));
                }
            }
            let w = ctx.low(k);
            if direct && matches!(w, "lui" | "elle" | "eux" | "elles") {
                if w == "eux" || w == "elles" {
                    return Some(Who::Unknown);
                }
                return Some(self.resolve_pronoun(ctx, k));
            }
            if ctx.is_civility(k) {
                k += 1;
                continue;
            }
            // "raconte l'une d'elles, Anne Roy", "explique la sœur du gardien, Anne Roy": a
            // description closed by the person's name.
            if !direct && k == j && ctx.is_det(k) {
                if let Some(m) = self.person_in_apposition(ctx, k + 1) {
                    return Some(Who::Actor(m.actor, Some((m.start, m.end))));
                }
            }
            // "a expliqué la jeune femme", "peste cette salariée": a person named before.
            if let Some(who) = self.person_noun(ctx, k) {
                return Some(who);
            }
            // "a indiqué le parquet": the organisation named "parquet de ...".
            if !(k >= 1 && ctx.is_prep(k - 1)) {
                if let Some(a) = self.org_by_head(ctx, k) {
                    return Some(Who::Actor(a, Some((k + 1, k + 2))));
                }
            }
            // "a ajouté la société": the organisation last named. Not a capitalised noun,
            // which opens a name ("l'Agence nationale de ..."), nor an indefinite one, a new
            // entity ("un collectif de ...").
            if ctx.is_det(k)
                && ORG_NOUNS.contains(&ctx.low(k + 1))
                && ctx.is_lower_word(k + 1)
                && !(k >= 1 && ctx.is_prep(k - 1))
            {
                // "a indiqué la société Vetra": the name that follows the noun.
                if let Some(m) = ctx
                    .mention_starting(k + 2)
                    .filter(|m| ctx.actor_kind(m.actor) != ActorType::Misc)
                {
                    return Some(Who::Actor(m.actor, Some((m.start, m.end))));
                }
                if !matches!(ctx.low(k), "le" | "la" | "l'" | "sa" | "son" | "leur") {
                    return Some(Who::Unknown);
                }
                return Some(self.org_noun(ctx, k));
            }
            if ctx.is_cap(k) && !(k >= 1 && ctx.is_prep(k - 1)) && ctx.mention_at[k] == NONE {
                // A first name or initials the actor stage left out of a person's mention
                // ("selon JD Vance" with only "Vance" linked).
                if let Some(m) = ctx
                    .mention_starting(k + 1)
                    .filter(|m| ctx.actor_kind(m.actor) == ActorType::Per)
                {
                    return Some(Who::Actor(m.actor, Some((k, m.end))));
                }
                // A name the actor stage did not link: attributed, but unknown.
                return Some(Who::Unknown);
            }
            // "Pour son avocat, Paul Roy, « ... »": a descriptor, then the name.
            if direct && ctx.is_det(k) {
                let descriptor_end = (k + 1..(k + 6).min(n))
                    .take_while(|&t| ctx.is_lower_word(t) || ctx.is_punct(t, ","))
                    .find(|&t| ctx.is_punct(t, ","));
                if let Some(m) = descriptor_end.and_then(|e| {
                    ctx.mention_starting(e + 1)
                        .filter(|m| ctx.actor_kind(m.actor) == ActorType::Per)
                }) {
                    return Some(Who::Actor(m.actor, Some((m.start, m.end))));
                }
                return Some(Who::Unknown);
            }
            // "», a affirmé le coureur de 29 ans": an inverted subject that is a definite
            // description stands for the person most in view.
            if !direct && k == j {
                if let Some(who) = self.description(ctx, k) {
                    return Some(who);
                }
            }
            k += 1;
        }
        None
    }
}
