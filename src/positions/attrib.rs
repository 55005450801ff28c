//! Who is the subject of a cue: the shared speaker/actor search used by quotes and stances.
//! Order of preference: an explicit actor mention, a title phrase resolved to its holder, a
//! subject pronoun resolved to the most salient compatible person.

use super::context::{Ctx, NONE};
use super::coref::{Holders, Salience, TitlePhrase, Window};
use crate::record::ActorType;

/// The outcome of a speaker search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// A known actor; the token range is a new mention to add (title or pronoun), if any.
    Actor(usize, Option<(usize, usize)>),
    /// The text names a speaker we cannot link to an actor ("a dit Serge", "selon une source").
    Unknown,
}

/// Resolution state for one document.
pub struct Resolver<'t> {
    /// Title phrases.
    pub titles: &'t [TitlePhrase],
    /// Actor of each title phrase (attached person or holder).
    pub title_actor: Vec<Option<usize>>,
    /// The title phrase is attached to a named person (a role), not a mention on its own.
    pub attached: Vec<bool>,
    /// Token -> title phrase covering it (det_start..end), or NONE.
    title_at: Vec<u32>,
    /// Who holds which title.
    pub holders: &'t Holders,
    /// Person salience for pronouns.
    pub salience: Salience,
    /// Token -> quote index covering it (marks included), or NONE.
    pub quote_at: Vec<u32>,
    /// Quote open/close mark tokens.
    pub quote_marks: Vec<(usize, usize)>,
    /// Organisations whose name opens on a common noun ("parquet de Lyon", "Commission
    /// européenne"): (folded head noun, actor), so that "le parquet" can name them.
    org_heads: Vec<(String, usize)>,
}

/// Nouns that stand for an organisation named earlier ("la société", "le groupe").
const ORG_NOUNS: &[&str] = crate::lang::fr::positions::ORG_NOUNS;

const SUBJECT_PRONOUNS: &[&str] = crate::lang::fr::positions::SUBJECT_PRONOUNS;

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
fn person_after_title(ctx: &Ctx, e: usize) -> Option<super::context::Ment> {
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
    /// Build the resolver.
    pub fn new(
        ctx: &Ctx,
        titles: &'t [TitlePhrase],
        title_actor: Vec<Option<usize>>,
        attached: Vec<bool>,
        holders: &'t Holders,
        quote_marks: Vec<(usize, usize)>,
    ) -> Self {
        let n = ctx.len();
        let mut title_at = vec![NONE; n];
        for (i, t) in titles.iter().enumerate() {
            for slot in &mut title_at[t.det_start..t.end.min(n)] {
                *slot = i as u32;
            }
        }
        let mut quote_at = vec![NONE; n];
        for (qi, &(o, c)) in quote_marks.iter().enumerate() {
            for slot in &mut quote_at[o..=c.min(n - 1)] {
                *slot = qi as u32;
            }
        }
        let salience = Salience::new(ctx, titles, &title_actor, |t| quote_at[t] != NONE);
        let org_heads = ctx
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == ActorType::Org)
            .filter_map(|(ai, a)| {
                let mut words = a.name.split_whitespace();
                let head = words.next()?;
                // A head noun with a complement or an adjective, not an acronym.
                let lowercase_word = head.chars().skip(1).all(char::is_lowercase);
                (words.next().is_some() && lowercase_word && head.chars().count() > 3)
                    .then(|| (crate::text::normalize::fold_key(head), ai))
            })
            .collect();
        Resolver {
            titles,
            title_actor,
            attached,
            title_at,
            holders,
            salience,
            quote_at,
            quote_marks,
            org_heads,
        }
    }

    /// "le parquet", "la commission" at token `k` (the determiner): the one organisation of
    /// the article whose name opens on that noun ("parquet de Lyon"). A noun followed by
    /// its own complement names something else.
    pub fn org_by_head(&self, ctx: &Ctx, k: usize) -> Option<usize> {
        if !matches!(ctx.low(k), "le" | "la" | "l'" | "les") || !ctx.is_lower_word(k + 1) {
            return None;
        }
        if matches!(ctx.low(k + 2), "de" | "d'" | "du" | "des") && ctx.is_cap(k + 3) {
            return None;
        }
        let key = ctx.fold(k + 1)?;
        let mut found = self.org_heads.iter().filter(|(h, _)| h == key);
        let (_, a) = found.next()?;
        found.next().is_none().then_some(*a)
    }

    /// The title phrase covering token `i`.
    pub fn title_covering(&self, i: usize) -> Option<usize> {
        self.title_at
            .get(i)
            .filter(|&&t| t != NONE)
            .map(|&t| t as usize)
    }

    /// True when token `i` lies inside a quotation (marks included).
    pub fn in_quote(&self, i: usize) -> bool {
        self.quote_at.get(i).is_some_and(|&q| q != NONE)
    }

    /// The actor a title phrase refers to. Unresolved definite titles fall back to the most
    /// recent person in the two previous sentences who holds no other title.
    pub fn resolve_title(&mut self, ctx: &Ctx, ti: usize) -> Who {
        let t = &self.titles[ti];
        let range = Some((t.start, t.end));
        if let Some(a) = self.title_actor[ti] {
            // A title attached to a named person is not a new mention of that person.
            return Who::Actor(a, (!self.attached[ti]).then_some((t.start, t.end)));
        }
        // Fall back to the salient person only for titles without a named organisation:
        // "la maire de Colomiers" is nobody named so far.
        if !t.definite || t.plural || t.org_explicit {
            return Who::Unknown;
        }
        let fem = t.feminine.then_some(true);
        if let Some(a) = self
            .salience
            .resolve(ctx, t.det_start, fem, Window::Narrative(3), false)
        {
            let other_org = t.org_explicit
                && self.holders.list.iter().any(|(k, o, x, _)| {
                    *x == a && *k == t.key && o.as_deref() != t.org_key().as_deref()
                });
            if !self.holders.holds_other(a, &t.key) && !other_org {
                self.title_actor[ti] = Some(a);
                self.salience.add(t.start, a);
                return Who::Actor(a, range);
            }
        }
        Who::Unknown
    }

    /// Resolve a subject pronoun at token `i` ("il", "-t-elle", "lui").
    pub fn resolve_pronoun(&mut self, ctx: &Ctx, i: usize) -> Who {
        let w = ctx.low(i);
        if w.ends_with("on") || w.ends_with("ils") || w.ends_with("elles") {
            return Who::Unknown;
        }
        let fem = if w.ends_with("elle") {
            Some(true)
        } else if w.ends_with("il") || w == "lui" {
            Some(false)
        } else {
            None
        };
        match self
            .salience
            .resolve(ctx, i, fem, Window::Sentences(4), true)
        {
            Some(a) => Who::Actor(a, Some((i, i + 1))),
            None => Who::Unknown,
        }
    }

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
                && matches!(ctx.low(k - 1), "le" | "la" | "l'" | "sa" | "son")
            {
                if k >= 2 && ctx.is_prep(k - 2) && !after_relative {
                    continue;
                }
                return Some(match self.recent_org(ctx, k - 1) {
                    Some(a) => Who::Actor(a, Some((k, k + 1))),
                    None => Who::Unknown,
                });
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
            after_relative = w == "qui";
        }
        None
    }

    /// The subject named before a chain of appositions closed by the comma at `comma`:
    /// "X, une consultante de Y, a dit", "X, de Vetra, qui préside Z, a dit" -> X. Each segment
    /// between commas must open like an apposition or a relative clause (a determiner, "de",
    /// "qui", a lowercase word, a number, a title); the subject is the actor or title
    /// phrase that ends right before the first of them and is not itself inside one.
    fn apposition_subject(
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

    /// The organisation most recently mentioned before token `k` (within three sentences),
    /// not as a prepositional object ("selon une source consultée par l'agence X").
    pub fn recent_org(&self, ctx: &Ctx, k: usize) -> Option<usize> {
        let s = ctx.sent_of[k];
        let p = ctx.mentions.partition_point(|m| m.start < k);
        ctx.mentions[..p]
            .iter()
            .rev()
            .take_while(|m| s - ctx.sent_of[m.start] <= 3)
            .find(|m| {
                let t = m.start;
                let object = t >= 1 && ctx.is_prep(t - 1)
                    || t >= 2 && ctx.is_det(t - 1) && ctx.is_prep(t - 2);
                ctx.actor_kind(m.actor) == ActorType::Org && !self.in_quote(t) && !object
            })
            .map(|m| m.actor)
    }

    /// A person mention (not a prepositional object) from token `from` up to `to`, in the
    /// same sentence and outside quotations.
    fn person_ahead(&self, ctx: &Ctx, from: usize, to: usize) -> Option<super::context::Ment> {
        let mut k = from;
        while k < to.min(ctx.len()) {
            if ctx.is_final(k) || self.in_quote(k) || ctx.is_punct(k, ":") {
                return None;
            }
            if let Some(m) = ctx.mention_starting(k) {
                let object = ctx.is_prep(k - 1) || ctx.is_det(k - 1) && ctx.is_prep(k - 2);
                if ctx.actor_kind(m.actor) == ActorType::Per && !object {
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
    pub fn person_in_apposition(&self, ctx: &Ctx, e: usize) -> Option<super::context::Ment> {
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
            // "a ajouté la société": the organisation last named.
            if ctx.is_det(k)
                && ORG_NOUNS.contains(&ctx.low(k + 1))
                && !(k >= 1 && ctx.is_prep(k - 1))
            {
                // "a indiqué la société Vetra": the name that follows the noun.
                if let Some(m) = ctx
                    .mention_starting(k + 2)
                    .filter(|m| ctx.actor_kind(m.actor) != ActorType::Misc)
                {
                    return Some(Who::Actor(m.actor, Some((m.start, m.end))));
                }
                return Some(match self.recent_org(ctx, k) {
                    Some(a) => Who::Actor(a, Some((k + 1, k + 2))),
                    None => Who::Unknown,
                });
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
