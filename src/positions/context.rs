//! The per-document view the positions stage works on: token keys for lexicon lookups, which
//! actor mention covers each token, and small word-class predicates.

use super::lexicon::Lexicon;
use crate::layers::{Actor, Chains};
use crate::record::ActorType;
use crate::text::normalize::fold_key_into;
use crate::text::{Document, TokenKind};
use std::borrow::Cow;

/// "No index" marker in per-token tables.
pub const NONE: u32 = u32::MAX;

pub use crate::layers::ChainMention;

/// Document view shared by roles, quotes and stances.
pub struct Ctx<'d, 'a> {
    /// The document.
    pub doc: &'d Document<'a>,
    /// The lexicons.
    pub lex: &'d Lexicon,
    /// The actors layer (names and types; the mentions are read from `mentions`).
    pub actors: &'d [Actor],
    /// Token -> index in `mentions`, or [`NONE`].
    pub mention_at: Cow<'d, [u32]>,
    /// Mentions in text order.
    pub mentions: Cow<'d, [ChainMention]>,
    /// Token -> sentence index.
    pub sent_of: &'d [u32],
    /// Token -> paragraph index.
    pub para_of: &'d [u32],
}

/// Determiners and article-prepositions that may open a noun phrase.
const DETS: &[&str] = crate::lang::fr::positions::DETERMINERS;

/// Prepositions (and article-prepositions) that make the following noun phrase an object.
const PREPS: &[&str] = crate::lang::fr::positions::PREPOSITIONS;

/// Civility words and abbreviations before a name.
const CIVILITIES: &[&str] = crate::lang::fr::common::CIVILITIES;

impl<'d, 'a> Ctx<'d, 'a> {
    /// Build the view from the actors layer: the name mentions and surnames alone (what the
    /// `chains` stage puts in the chains layer), sentence and paragraph of each token.
    pub fn new(doc: &'d Document<'a>, lex: &'d Lexicon, actors: &'d [Actor]) -> Self {
        let (mentions, mention_at) = name_mentions(doc, actors);
        Self::with_mentions(doc, lex, actors, mentions.into(), mention_at.into())
    }

    /// Build the view over the chains layer's mentions.
    pub fn from_chains(
        doc: &'d Document<'a>,
        lex: &'d Lexicon,
        actors: &'d [Actor],
        chains: &'d Chains,
    ) -> Self {
        let (mentions, mention_at) = (&chains.mentions[..], &chains.mention_at[..]);
        Self::with_mentions(doc, lex, actors, mentions.into(), mention_at.into())
    }

    fn with_mentions(
        doc: &'d Document<'a>,
        lex: &'d Lexicon,
        actors: &'d [Actor],
        mentions: Cow<'d, [ChainMention]>,
        mention_at: Cow<'d, [u32]>,
    ) -> Self {
        let (sent_of, para_of) = (&doc.sentence_of[..], &doc.paragraph_of[..]);
        Ctx {
            doc,
            lex,
            actors,
            mention_at,
            mentions,
            sent_of,
            para_of,
        }
    }

    /// A finite form of a reporting or stance verb starts at token `k` ("explique",
    /// "dénonce"): the verb of a clause.
    pub fn finite_verb_at(&self, k: usize) -> bool {
        use super::conjugate::FormKind::Finite;
        let finite = |t: &super::lexicon::PhraseTable<super::lexicon::VerbForm>| {
            t.longest(|i| self.low_opt(i), k)
                .is_some_and(|(_, f)| f.has(Finite))
        };
        finite(&self.lex.reporting) || finite(&self.lex.stance)
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// Folded key (lowercase, no accents) of token `i`, or None past the end.
    #[inline]
    pub fn fold(&self, i: usize) -> Option<&str> {
        self.doc.keys.fold(i)
    }

    /// Lowercase key (accents kept) of token `i`; "" past the end.
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        self.doc.lower(i)
    }

    /// Lowercase key as an Option (for phrase lookups).
    #[inline]
    pub fn low_opt(&self, i: usize) -> Option<&str> {
        self.doc.keys.lower(i)
    }

    /// The raw text of token `i`; "" past the end.
    #[inline]
    pub fn raw(&self, i: usize) -> &'a str {
        if i < self.len() {
            self.doc.token_text(i)
        } else {
            ""
        }
    }

    /// Kind of token `i`.
    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    /// Token `i` is a word starting with a capital.
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| {
            t.is_capitalized()
                && matches!(
                    t.kind,
                    TokenKind::Word | TokenKind::Abbrev | TokenKind::Elision
                )
        })
    }

    /// Token `i` is a lowercase word.
    #[inline]
    pub fn is_lower_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized())
    }

    /// Token `i` is a word or number (counts as a word of a quote).
    #[inline]
    pub fn is_wordish(&self, i: usize) -> bool {
        matches!(
            self.kind(i),
            Some(TokenKind::Word | TokenKind::Number | TokenKind::Abbrev)
        )
    }

    /// Token `i` is punctuation whose text is `p`.
    #[inline]
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.raw(i) == p
    }

    /// Token `i` ends a sentence (., !, ?, …).
    #[inline]
    pub fn is_final(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct)
            && self
                .raw(i)
                .chars()
                .next()
                .is_some_and(crate::text::chars::is_sentence_final)
    }

    /// Token `i` is a determiner or article-preposition.
    #[inline]
    pub fn is_det(&self, i: usize) -> bool {
        DETS.contains(&self.low(i))
    }

    /// Token `i` is a preposition.
    #[inline]
    pub fn is_prep(&self, i: usize) -> bool {
        PREPS.contains(&self.low(i))
    }

    /// A mention starting at token `t` is a prepositional object: a preposition, or a
    /// preposition and a determiner, right before it ("à X", "par l'agence X").
    #[inline]
    pub fn prep_object(&self, t: usize) -> bool {
        t >= 1 && self.is_prep(t - 1) || t >= 2 && self.is_det(t - 1) && self.is_prep(t - 2)
    }

    /// Token `i` is a civility ("M.", "Mme", "monsieur").
    #[inline]
    pub fn is_civility(&self, i: usize) -> bool {
        self.fold(i).is_some_and(|k| CIVILITIES.contains(&k))
    }

    /// The mention starting exactly at token `i`.
    #[inline]
    pub fn mention_starting(&self, i: usize) -> Option<ChainMention> {
        let id = *self.mention_at.get(i)?;
        if id == NONE {
            return None;
        }
        let m = self.mentions[id as usize];
        (m.start == i).then_some(m)
    }

    /// The mention ending exactly at token `i` (its last token).
    #[inline]
    pub fn mention_ending(&self, i: usize) -> Option<ChainMention> {
        let id = *self.mention_at.get(i)?;
        if id == NONE {
            return None;
        }
        let m = self.mentions[id as usize];
        (m.end == i + 1).then_some(m)
    }

    /// True when the verb group `a..b` is third person plural ("ont déclaré", "estiment",
    /// "ajoutent-ils"): its subject is a group, not one person.
    pub fn plural_verb(&self, a: usize, b: usize) -> bool {
        (a..b.min(self.len())).any(|k| {
            let w = self.low(k);
            matches!(
                w,
                "ont"
                    | "sont"
                    | "avaient"
                    | "auraient"
                    | "étaient"
                    | "seront"
                    | "seraient"
                    | "auront"
                    | "eurent"
                    | "furent"
                    | "-ils"
                    | "-elles"
                    | "-t-ils"
                    | "-t-elles"
            ) || (w.len() > 4
                && w.ends_with("ent")
                && !w.ends_with("ment")
                && !w.ends_with("tient")
                && !w.ends_with("vient")
                && k + 1 == b)
        })
    }

    /// The type of actor `a`.
    #[inline]
    pub fn actor_kind(&self, a: usize) -> ActorType {
        self.actors[a].kind
    }

    /// Byte range of tokens `a..b` (b exclusive, b > a).
    #[inline]
    pub fn bytes(&self, a: usize, b: usize) -> (usize, usize) {
        (
            self.doc.tokens[a].start as usize,
            self.doc.tokens[b - 1].end as usize,
        )
    }

    /// Text of tokens `a..b`.
    #[inline]
    pub fn text(&self, a: usize, b: usize) -> &'a str {
        let (s, e) = self.bytes(a, b);
        &self.doc.text[s..e]
    }

    /// Number of tokens of a phrase of `phrases` (words separated by spaces, as in the data
    /// files) that starts at token `k`; the longest one wins. Tokens are compared on their
    /// lowercase keys, so "d'emblée" matches the two tokens "d'" and "emblée".
    pub fn phrase_len(&self, k: usize, phrases: &[&str]) -> Option<usize> {
        // Most phrases fail on their first byte: test it before walking the tokens.
        let &first = self.low(k).as_bytes().first()?;
        let mut best: Option<usize> = None;
        for p in phrases {
            if p.as_bytes().first() != Some(&first) {
                continue;
            }
            let mut rest = p.as_bytes();
            let mut t = k;
            while !rest.is_empty() {
                if rest[0] == b' ' {
                    rest = &rest[1..];
                    continue;
                }
                let w = self.low(t).as_bytes();
                if w.is_empty() || !rest.starts_with(w) {
                    break;
                }
                rest = &rest[w.len()..];
                t += 1;
            }
            if rest.is_empty() && best.is_none_or(|b| t - k > b) {
                best = Some(t - k);
            }
        }
        best
    }

    /// Length of an adverbial phrase starting at `k` ("de nouveau", "au contraire").
    #[inline]
    pub fn adverbial_len(&self, k: usize) -> Option<usize> {
        self.phrase_len(k, crate::lang::fr::positions::ADVERB_PHRASES)
    }

    /// Start of an adverbial phrase ending at token `e` (its last token), if any.
    pub fn adverbial_ending(&self, e: usize) -> Option<usize> {
        (e.saturating_sub(3)..=e).find(|&s| self.adverbial_len(s).is_some_and(|n| s + n == e + 1))
    }

    /// First token of the sentence containing token `i`.
    #[inline]
    pub fn sent_start(&self, i: usize) -> usize {
        self.doc.sentences[self.sent_of[i] as usize].first_token as usize
    }

    /// One past the last token of the sentence containing token `i`.
    #[inline]
    pub fn sent_end(&self, i: usize) -> usize {
        self.doc.sentences[self.sent_of[i] as usize].end_token as usize
    }
}

/// The name mentions of the actors layer and the surnames alone that stand for a named
/// person, in text order and without overlaps (the longer one wins), with the token ->
/// mention table.
pub fn name_mentions(doc: &Document, actors: &[Actor]) -> (Vec<ChainMention>, Vec<u32>) {
    let n = doc.tokens.len();
    let mut mentions = Vec::new();
    for (ai, a) in actors.iter().enumerate() {
        for m in &a.mentions {
            if m.start < n && m.start < m.end {
                mentions.push(ChainMention {
                    actor: ai,
                    start: m.start,
                    end: m.end.min(n),
                    added: false,
                });
            }
        }
    }
    add_surname_mentions(doc, actors, &mut mentions);
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut mention_at = vec![NONE; n];
    let mut kept = Vec::with_capacity(mentions.len());
    for m in mentions {
        if (m.start..m.end).any(|t| mention_at[t] != NONE) {
            continue;
        }
        let id = kept.len() as u32;
        for slot in &mut mention_at[m.start..m.end] {
            *slot = id;
        }
        kept.push(m);
    }
    (kept, mention_at)
}

/// A capitalised token equal to the last word of exactly one multi-word person name, outside
/// any mention, is a mention of that person ("Vance" after "J.D. Vance"). The actor stage may
/// miss such short mentions at a line start; speakers and subjects often use them.
fn add_surname_mentions(doc: &Document, actors: &[Actor], mentions: &mut Vec<ChainMention>) {
    // (folded name word, actor, is the last word)
    let mut parts: Vec<(String, usize, bool)> = Vec::new();
    for (ai, a) in actors.iter().enumerate() {
        if a.kind != ActorType::Per {
            continue;
        }
        let words: Vec<&str> = a.name.split_whitespace().collect();
        // A surname-only person ("Vance") is also found where the actor stage missed it.
        if words.len() < 2 && words.first().is_none_or(|w| w.chars().count() < 4) {
            continue;
        }
        for (wi, w) in words.iter().enumerate() {
            if w.chars().count() >= 2 && w.starts_with(char::is_uppercase) {
                parts.push((
                    crate::text::normalize::fold_key(w),
                    ai,
                    wi + 1 == words.len(),
                ));
            }
        }
    }
    if parts.is_empty() {
        return;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for m in mentions.iter() {
        for c in &mut covered[m.start..m.end] {
            *c = true;
        }
    }
    let mut key = String::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if covered[i] || t.kind != TokenKind::Word || !t.is_capitalized() {
            continue;
        }
        key.clear();
        fold_key_into(t.text(doc.text), &mut key);
        // After "M." or "Mme" any part of the name will do ("M. Yu" for "Yu Jihua"); checked
        // only when a part matches.
        let mut civil = None;
        let mut after_civility = || {
            *civil.get_or_insert_with(|| {
                i >= 1 && {
                    let p = doc.token_text(i - 1);
                    ["m.", "mme", "mme.", "monsieur", "madame", "mlle"]
                        .iter()
                        .any(|c| p.eq_ignore_ascii_case(c))
                }
            })
        };
        let mut actor = None;
        let mut count = 0;
        for (k, a, last) in &parts {
            if *k == key && (*last || after_civility()) && actor != Some(*a) {
                actor = Some(*a);
                count += 1;
            }
        }
        if let (Some(a), 1) = (actor, count) {
            mentions.push(ChainMention {
                actor: a,
                start: i,
                end: i + 1,
                added: true,
            });
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers to build hand-made actors for unit tests.
    use crate::layers::{Actor, TokenRange};
    use crate::record::ActorType;
    use crate::text::Document;

    /// Actors from `(name, type, surface forms)`: every occurrence of each surface form in the
    /// text becomes a mention (whole words only).
    pub fn actors(doc: &Document, specs: &[(&str, ActorType, &[&str])]) -> Vec<Actor> {
        let text = doc.text;
        let mut out = Vec::new();
        for (name, kind, forms) in specs {
            let mut mentions: Vec<TokenRange> = Vec::new();
            for f in *forms {
                let mut from = 0;
                while let Some(p) = text[from..].find(f) {
                    let s = from + p;
                    let e = s + f.len();
                    from = e;
                    let before_ok = text[..s]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                    let after_ok = text[e..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                    let r = TokenRange::new(doc.token_at_byte(s), doc.token_at_byte(e));
                    let overlaps = mentions.iter().any(|m| m.overlaps(r));
                    if before_ok && after_ok && !overlaps {
                        mentions.push(r);
                    }
                }
            }
            mentions.sort_by_key(|m| m.start);
            out.push(Actor {
                name: name.to_string(),
                kind: *kind,
                mentions,
            });
        }
        out
    }
}
