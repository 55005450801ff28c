//! The subject before a cue: walking left within the sentence over quotations,
//! prepositional objects and appositions to an actor, a title phrase or a pronoun.

use super::{Resolver, Who, ORG_NOUNS, SUBJECT_PRONOUNS};
use crate::positions::context::{Ctx, NONE};
use crate::positions::coref::Window;
use crate::record::ActorType;
use crate::text::TokenKind;

impl<'t> Resolver<'t> {
    /// The subject of a cue starting at token `c`: walk left within the sentence, skipping
    /// quotations and prepositional objects, to the nearest actor mention, title phrase or
    /// subject pronoun.
    ///
    /// With a plural verb (`plural`), a single person cannot be the subject: person mentions
    /// and singular pronouns are passed over (organisations and places stay candidates).
    pub fn subject_before(&mut self, ctx: &Ctx, c: usize, plural: bool) -> Option<Who> {
        let start = ctx.sent_start(c.min(ctx.len() - 1));
        let mut k = c;
        let mut after_relative = false;
        let mut steps = 0;
        while k > start && steps < 40 {
            k -= 1;
            steps += 1;
            if let Some(&q) = self.quote_at.get(k).filter(|&&q| q != NONE) {
                let (o, _) = self.quote_marks[q as usize];
                k = o.max(start);
                continue;
            }
            if ctx.is_punct(k, ":") || ctx.is_punct(k, ";") {
                return None;
            }
            // "X, une consultante du cabinet Y, a déclaré": the subject stands before the
            // apposition, not inside it.
            if steps == 1 && ctx.is_punct(k, ",") {
                if let Some(who) = self.apposition_subject(ctx, k, start, plural) {
                    return Some(who);
                }
            }
            if let Some(ti) = self.title_covering(k) {
                let t = &self.titles[ti];
                let prep_obj = t.det_start >= 1 && ctx.is_prep(t.det_start - 1) && !after_relative
                    || matches!(ctx.low(t.det_start), "du" | "des" | "au" | "aux")
                        && !after_relative;
                if prep_obj || plural != t.plural {
                    k = t.det_start;
                    continue;
                }
                return Some(self.resolve_title(ctx, ti));
            }
            if let Some(m) = ctx.mention_ending(k) {
                // "avec l'Office national (ONV)": a name glossed in parentheses is
                // whatever the name before it is.
                if m.start >= 1 && ctx.is_punct(m.start - 1, "(") && ctx.is_punct(m.end, ")") {
                    k = m.start - 1;
                    continue;
                }
                let prep = m.start >= 1
                    && (ctx.is_prep(m.start - 1)
                        || ctx.is_civility(m.start - 1)
                            && m.start >= 2
                            && ctx.is_prep(m.start - 2))
                    || m.start >= 2 && ctx.is_det(m.start - 1) && ctx.is_prep(m.start - 2);
                if prep && !after_relative {
                    k = m.start;
                    continue;
                }
                if ctx.actor_kind(m.actor) == ActorType::Misc
                    || plural && ctx.actor_kind(m.actor) == ActorType::Per
                {
                    k = m.start;
                    continue;
                }
                return Some(Who::Actor(m.actor, Some((m.start, m.end))));
            }
            let w = ctx.low(k);
            if k >= 1 && !(k >= 2 && ctx.is_prep(k - 2) && !after_relative) {
                if let Some(a) = self.org_by_head(ctx, k - 1) {
                    return Some(Who::Actor(a, Some((k, k + 1))));
                }
            }
            // "la société", "sa société" (the organisation named before).
            if ORG_NOUNS.contains(&w)
                && k >= 1
                && ctx.is_lower_word(k)
                && matches!(ctx.low(k - 1), "le" | "la" | "l'" | "sa" | "son" | "leur")
            {
                if k >= 2 && ctx.is_prep(k - 2) && !after_relative {
                    continue;
                }
                return Some(self.org_noun(ctx, k - 1));
            }
            if SUBJECT_PRONOUNS.contains(&w) {
                if plural {
                    return Some(Who::Unknown);
                }
                return Some(self.resolve_pronoun(ctx, k));
            }
            if (w == "dernier" || w == "dernière")
                && k >= 1
                && matches!(ctx.low(k - 1), "ce" | "cette")
            {
                {
                    let fem = Some(w == "dernière");
                    return Some(
                        match self
                            .salience
                            .resolve(ctx, k - 1, fem, Window::Sentences(3), true)
                        {
                            Some(a) => Who::Actor(a, Some((k - 1, k + 1))),
                            None => Who::Unknown,
                        },
                    );
                }
            }
            if matches!(
                w,
                "je" | "j'" | "nous" | "on" | "ils" | "elles" | "vous" | "tu"
            ) {
                return Some(Who::Unknown);
            }
            // "les habitants qui réclamaient": a relative clause on a common noun has that
            // noun for subject. Only a relative pronoun opening the cue's own clause counts:
            // one whose clause closed before the cue ("les questions qui y étaient
            // discutées, « ... », regrettant") is passed over.
            let own_clause = |len: usize| {
                c - k <= len && (k + 1..c).all(|t| ctx.kind(t) != Some(TokenKind::Punct))
            };
            if w == "qui" && k > start && own_clause(4) && !self.named_antecedent(ctx, k - 1, start)
            {
                return None;
            }
            // "X, dont la fille a appelé à": the subject was the noun phrase after "dont",
            // passed over without a name.
            if w == "dont" && own_clause(6) {
                return None;
            }
            after_relative = w == "qui";
        }
        None
    }

    /// The antecedent of a relative "qui" ending at token `a` names an actor: a mention, a
    /// title phrase ("l'avocat pénaliste qui"), a comma before the relative, or a noun
    /// phrase in apposition to one ("X, un économiste qui"). "les habitants qui", "ce qui" do
    /// not.
    fn named_antecedent(&self, ctx: &Ctx, a: usize, start: usize) -> bool {
        if ctx.mention_ending(a).is_some() || ctx.is_punct(a, ",") {
            return true;
        }
        if !(ctx.is_lower_word(a) || matches!(ctx.low(a), "ce" | "celui" | "celle" | "ceux")) {
            return true;
        }
        // The noun phrase ending at `a`: a determiner and at most three words.
        let mut b = a;
        while b > start && a - b < 3 && ctx.is_lower_word(b) && !ctx.is_det(b) {
            b -= 1;
        }
        if (b..=a).any(|t| self.title_covering(t).is_some()) {
            return true;
        }
        let np_start = if ctx.is_det(b) { b } else { b + 1 };
        np_start >= 2
            && ctx.is_punct(np_start - 1, ",")
            && (ctx.mention_ending(np_start - 2).is_some()
                || self.title_covering(np_start - 2).is_some())
    }

    /// The subject named before a chain of appositions closed by the comma at `comma`:
    /// "X, une consultante de Y, a dit", "X, de Vetra, qui préside Z, a dit" -> X. Each segment
    /// between commas must open like an apposition or a relative clause (a determiner, "de",
    /// "qui", a lowercase word, a number, a title); the subject is the actor or title
    /// phrase that ends right before the first of them and is not itself inside one.
    pub fn apposition_subject(
        &mut self,
        ctx: &Ctx,
        comma: usize,
        start: usize,
        plural: bool,
    ) -> Option<Who> {
        let mut close = comma;
        let mut segment = true;
        for _ in 0..4 {
            let before = if segment {
                self.segment_open(ctx, close, start)?.checked_sub(1)?
            } else {
                close.checked_sub(1)?
            };
            let (cand_start, who) = if let Some(ti) = self.title_covering(before) {
                let t = &self.titles[ti];
                if t.plural != plural {
                    return None;
                }
                (t.det_start, None)
            } else if let Some(m) = ctx.mention_ending(before) {
                let kind = ctx.actor_kind(m.actor);
                if kind == ActorType::Misc || plural && kind == ActorType::Per {
                    return None;
                }
                (m.start, Some(Who::Actor(m.actor, Some((m.start, m.end)))))
            } else {
                return None;
            };
            // A candidate inside an apposition itself ("de Vetra"): look further left.
            let inside = cand_start >= 1
                && (ctx.is_prep(cand_start - 1)
                    || cand_start >= 2
                        && ctx.is_det(cand_start - 1)
                        && ctx.is_prep(cand_start - 2))
                && cand_start >= 2
                && (ctx.is_punct(cand_start - 2, ",")
                    || cand_start >= 3 && ctx.is_punct(cand_start - 3, ","));
            if inside {
                close = (cand_start.saturating_sub(3)..cand_start)
                    .rev()
                    .find(|&t| ctx.is_punct(t, ","))?;
                segment = false;
                continue;
            }
            if cand_start >= 1 && ctx.is_prep(cand_start - 1) {
                return None;
            }
            return Some(match who {
                Some(w) => w,
                None => {
                    let ti = self.title_covering(before)?;
                    self.resolve_title(ctx, ti)
                }
            });
        }
        None
    }

    /// The opening comma of the apposition or relative clause that the comma at `close`
    /// ends, when the segment between them opens like one (a determiner, "de", "qui", a
    /// lowercase word, a number, a title).
    fn segment_open(&self, ctx: &Ctx, close: usize, start: usize) -> Option<usize> {
        let mut o = close;
        let mut steps = 0;
        loop {
            if o <= start || steps > 30 {
                return None;
            }
            o -= 1;
            steps += 1;
            if let Some(&q) = self.quote_at.get(o).filter(|&&q| q != NONE) {
                o = self.quote_marks[q as usize].0;
                continue;
            }
            if ctx.is_punct(o, ",") {
                break;
            }
            if ctx.kind(o) == Some(crate::text::TokenKind::Punct)
                && !matches!(ctx.raw(o), "-" | "(" | ")" | "'" | "’")
            {
                return None;
            }
        }
        let first = o + 1;
        let opener = ctx.is_det(first)
            || matches!(
                ctx.low(first),
                "de" | "d'" | "qui" | "dont" | "lui" | "elle"
            )
            || ctx.is_lower_word(first)
            || ctx.kind(first) == Some(crate::text::TokenKind::Number)
            || self.title_covering(first).is_some();
        (opener && first < close).then_some(o)
    }
}
