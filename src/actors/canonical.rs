//! Canonical actors: clean raw entity mentions and merge those of one entity.
//!
//! - Leading titles and determiners are stripped from a mention ("M. Macron" -> "Macron",
//!   "l'Élysée" -> "Élysée"); mentions with no capitalised word (pronouns, common nouns) are
//!   dropped.
//! - Mentions with the same comparison key (case, accents, dots of initials and spacing
//!   folded: "J.D. Vance" = "JD Vance") form one entity.
//! - A person named by a shorter form ("Macron", "E. Macron") joins the full name it is a
//!   suffix of; when two people share the surname, it joins the closest preceding one (the
//!   usual French press convention), and two different full names are never merged.
//! - An acronym joins its expansion when the text pairs them ("Union européenne (UE)"), when
//!   its letters are the initials of the expansion, or from a short list of very common pairs.
//! - The type is the majority of the merged mentions' types; the canonical name is the most
//!   complete form.

use super::model::NT;
use crate::record::{Actor, ActorType, Mention};
use crate::text::chars::{fold_key_into, is_apostrophe};
use crate::text::{Document, TokenKind};

/// An entity mention as found by the tagger: a token range and a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawMention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The predicted type.
    pub kind: ActorType,
}

/// Leading words stripped from mentions (compared after [`fold_key_into`]).
const LEADING: &[&str] = crate::lang::fr::actors::MENTION_LEADING;

/// Words that are never actors on their own (capitalised pronouns, determiners, days...).
const NEVER_ALONE: &[&str] = crate::lang::fr::actors::NEVER_ALONE;

/// Nouns that, right before a name, say it is a person ("le président X", "la juge X").
const PER_CUES: &[&str] = crate::lang::fr::actors::PERSON_CUES;

/// Nouns that, right before a name, say it is an organisation ("la start-up X").
const ORG_CUES: &[&str] = crate::lang::fr::actors::ORG_NAME_CUES;

/// Nouns that, right before a name, say it is a place ("la ville de X" is handled by "de").
const LOC_CUES: &[&str] = crate::lang::fr::actors::PLACE_CUES;

/// The type a cue word points to.
fn cue_type(word: &str) -> Option<ActorType> {
    let k = fold(word);
    let k = k.as_str();
    if PER_CUES.contains(&k) {
        Some(ActorType::Per)
    } else if ORG_CUES.contains(&k) {
        Some(ActorType::Org)
    } else if LOC_CUES.contains(&k) {
        Some(ActorType::Loc)
    } else {
        None
    }
}

/// Words skipped when computing an expansion's initials.
const ACRONYM_SKIP: &[&str] = crate::lang::fr::actors::ACRONYM_SKIP;

/// Very common French acronym / expansion pairs (ordinary knowledge), merged when both forms
/// appear in one article. Keys are folded.
const KNOWN_ACRONYMS: &[(&str, &str)] = crate::lang::fr::actors::KNOWN_ACRONYMS;

fn fold(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    fold_key_into(s, &mut k);
    k
}

/// The comparison key of a name: folded, dots removed, hyphens and spaces collapsed to one
/// space, elided determiners kept.
pub fn name_key(s: &str) -> String {
    let f = fold(s);
    let mut out = String::with_capacity(f.len());
    let mut space = false;
    for c in f.chars() {
        match c {
            '.' => {
                // "J.D. Vance" -> "jd vance": a dot between letters vanishes; a dot before a
                // space behaves as nothing.
            }
            ' ' | '-' | '\n' | '\t' => space = !out.is_empty(),
            _ => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
    }
    out
}

/// One cleaned mention.
#[derive(Clone, Debug)]
struct Clean {
    byte_start: usize,
    byte_end: usize,
    kind: ActorType,
    /// The type a cue word right before the mention points to ("la start-up X").
    cue: Option<ActorType>,
    key: String,
    words: Vec<String>,
    first_token: usize,
    end_token: usize,
}

/// True when token `a` is a capitalised determiner in the middle of a sentence ("le magazine
/// Le Point", "selon La Gazette"): part of the name, not stripped.
fn determiner_of_name(doc: &Document, a: usize) -> bool {
    let w = doc.token_text(a);
    if !doc.tokens[a].is_capitalized() || !matches!(w, "Le" | "La" | "Les" | "L'" | "L’") {
        return false;
    }
    let s = &doc.sentences[doc.sentence_of_token(a)];
    if a == s.tokens().start || a == 0 {
        return false;
    }
    if doc.tokens[a].has(crate::text::flags::NEWLINE_BEFORE) {
        return false;
    }
    let prev = doc.tokens[a - 1];
    match prev.kind {
        TokenKind::Word | TokenKind::Elision | TokenKind::Abbrev | TokenKind::Number => true,
        TokenKind::Punct => prev.text(doc.text) == ",",
        _ => false,
    }
}

fn clean(doc: &Document, m: &RawMention) -> Option<Clean> {
    let (mut a, mut b) = (m.first, m.end);
    let mut buf = String::new();
    // Strip leading titles and determiners while something capitalised remains.
    while a + 1 < b {
        buf.clear();
        fold_key_into(doc.token_text(a), &mut buf);
        if LEADING.contains(&buf.as_str()) && !determiner_of_name(doc, a)
            || doc.tokens[a].kind == TokenKind::Quote
        {
            a += 1;
        } else {
            break;
        }
    }
    // Strip trailing punctuation and quotes.
    while b > a + 1 && matches!(doc.tokens[b - 1].kind, TokenKind::Punct | TokenKind::Quote) {
        b -= 1;
    }
    // Strip leading/trailing punctuation on single tokens too.
    while a < b && matches!(doc.tokens[a].kind, TokenKind::Punct | TokenKind::Quote) {
        a += 1;
    }
    if a >= b {
        return None;
    }
    let toks = &doc.tokens[a..b];
    // Very long spans are titles of works or tagging run-ons, not actors.
    if b - a > if m.kind == ActorType::Misc { 6 } else { 10 } {
        return None;
    }
    if !toks
        .iter()
        .any(|t| t.is_capitalized() || t.has(crate::text::flags::HAS_DIGIT))
    {
        return None;
    }
    let byte_start = toks[0].start as usize;
    let byte_end = toks[toks.len() - 1].end as usize;
    let text = &doc.text[byte_start..byte_end];
    let key = name_key(text);
    if key.is_empty() || (b - a == 1 && NEVER_ALONE.contains(&key.as_str())) {
        return None;
    }
    let words = key.split(' ').map(str::to_string).collect();
    Some(Clean {
        byte_start,
        byte_end,
        kind: m.kind,
        cue: (a > 0).then(|| cue_type(doc.token_text(a - 1))).flatten(),
        key,
        words,
        first_token: a,
        end_token: b,
    })
}

/// An entity being built.
#[derive(Clone, Debug)]
struct Group {
    mentions: Vec<usize>,
    votes: [u32; 4],
    key: String,
    words: Vec<String>,
}

fn type_index(t: ActorType) -> usize {
    match t {
        ActorType::Per => 0,
        ActorType::Org => 1,
        ActorType::Loc => 2,
        ActorType::Misc => 3,
    }
}

impl Group {
    fn kind(&self) -> ActorType {
        let mut best = 0;
        for t in 1..4 {
            if self.votes[t] > self.votes[best] {
                best = t;
            }
        }
        super::model::TYPES[best]
    }
    fn first_pos(&self, ms: &[Clean]) -> usize {
        self.mentions
            .iter()
            .map(|&i| ms[i].byte_start)
            .min()
            .unwrap_or(0)
    }
}

/// True when the words of `short` name the same person as `long`: `short` is a strict suffix
/// of `long` ("macron" / "emmanuel macron"), or matches it with initials ("e macron").
fn person_shortens(short: &[String], long: &[String]) -> bool {
    if short.len() >= long.len() {
        if short.len() == long.len() && short.len() >= 2 {
            // "e macron" vs "emmanuel macron": same last word, initials compatible.
            return short != long
                && short.last() == long.last()
                && short[..short.len() - 1]
                    .iter()
                    .zip(&long[..long.len() - 1])
                    .all(|(s, l)| s == l || (s.chars().count() <= 2 && l.starts_with(s.as_str())));
        }
        return false;
    }
    let off = long.len() - short.len();
    if long[off..] == *short {
        // Particles alone are not surnames ("de").
        return !(short.len() == 1 && ACRONYM_SKIP.contains(&short[0].as_str()));
    }
    // "de gaulle" / "charles de gaulle" is covered; "vance" vs "jd vance" too.
    false
}

/// Initials of an expansion's content words ("union europeenne" -> "ue").
fn initials(words: &[String]) -> String {
    let mut s = String::new();
    for w in words {
        if ACRONYM_SKIP.contains(&w.as_str()) {
            continue;
        }
        for part in w.split(|c: char| is_apostrophe(c) || c == '\'') {
            if let Some(c) = part.chars().next() {
                s.push(c);
            }
        }
    }
    s
}

fn is_acronym_text(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && text
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '&' || c.is_ascii_digit())
}

/// Build canonical actors from raw mentions.
pub fn canonical_actors(doc: &Document, raw: &[RawMention]) -> Vec<Actor> {
    let mut ms: Vec<Clean> = raw.iter().filter_map(|m| clean(doc, m)).collect();
    if ms.is_empty() {
        return Vec::new();
    }
    // 1. Exact keys.
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, m) in ms.iter().enumerate() {
        let g = *by_key.entry(m.key.as_str()).or_insert_with(|| {
            groups.push(Group {
                mentions: Vec::new(),
                votes: [0; 4],
                key: m.key.clone(),
                words: m.words.clone(),
            });
            groups.len() - 1
        });
        groups[g].mentions.push(i);
        groups[g].votes[type_index(m.kind)] += 1;
        if let Some(c) = m.cue {
            groups[g].votes[type_index(c)] += 3;
        }
    }
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }

    // 2. Acronyms.
    for (ai, a) in groups.iter().enumerate() {
        let m0 = &ms[a.mentions[0]];
        let atext = &doc.text[m0.byte_start..m0.byte_end];
        if !is_acronym_text(atext) {
            continue;
        }
        let akey: String = a.key.chars().filter(|c| c.is_alphanumeric()).collect();
        let mut target = None;
        // Paired in the text: "Expansion (ACR)" or "ACR (Expansion)".
        for &mi in &a.mentions {
            let m = &ms[mi];
            if m.first_token >= 2
                && doc.token_text(m.first_token - 1) == "("
                && doc
                    .tokens
                    .get(m.end_token)
                    .is_some_and(|t| t.text(doc.text) == ")")
            {
                let prev_end = m.first_token - 1;
                if let Some(e) = ms.iter().position(|x| x.end_token == prev_end) {
                    target = Some(e);
                }
            }
            if doc
                .tokens
                .get(m.end_token)
                .is_some_and(|t| t.text(doc.text) == "(")
            {
                if let Some(e) = ms.iter().position(|x| x.first_token == m.end_token + 1) {
                    target = Some(e);
                }
            }
        }
        let target_group = target.and_then(|e| groups.iter().position(|g| g.mentions.contains(&e)));
        let target_group = target_group.or_else(|| {
            groups.iter().position(|g| {
                g.words.len() >= 2 && {
                    let ini = initials(&g.words);
                    ini == akey
                        || KNOWN_ACRONYMS
                            .iter()
                            .any(|(acr, exp)| *acr == akey && name_key(exp) == g.key)
                }
            })
        });
        if let Some(t) = target_group.filter(|&t| t != ai) {
            let (ra, rt) = (root(&mut parent, ai), root(&mut parent, t));
            parent[ra] = rt;
        }
    }

    // 3. Persons: shorter forms join a full name.
    let order: Vec<usize> = {
        let mut o: Vec<usize> = (0..groups.len()).collect();
        o.sort_by_key(|&g| std::cmp::Reverse(groups[g].words.len()));
        o
    };
    for &s in &order {
        let sg = &groups[s];
        let s_is_per = sg.votes[0] > 0;
        let single = sg.words.len() == 1;
        if !s_is_per && !single {
            continue;
        }
        // Candidates: longer PER groups this one shortens.
        let cands: Vec<usize> = (0..groups.len())
            .filter(|&l| l != s && groups[l].kind() == ActorType::Per)
            .filter(|&l| person_shortens(&sg.words, &groups[l].words))
            .filter(|&l| s_is_per || groups[l].votes[0] as usize >= 1 && single)
            .collect();
        if cands.is_empty() {
            continue;
        }
        // Drop candidates that themselves shorten another candidate (keep the longest).
        let cands: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&c| {
                !cands
                    .iter()
                    .any(|&d| d != c && person_shortens(&groups[c].words, &groups[d].words))
            })
            .collect();
        let pick = if cands.len() == 1 {
            cands[0]
        } else {
            // Several people share this surname: join the closest preceding full name.
            let pos = sg.first_pos(&ms);
            let best = cands
                .iter()
                .copied()
                .filter(|&c| groups[c].first_pos(&ms) <= pos)
                .max_by_key(|&c| groups[c].first_pos(&ms));
            match best {
                Some(b) => b,
                None => continue,
            }
        };
        let (ra, rt) = (root(&mut parent, s), root(&mut parent, pick));
        if ra != rt {
            parent[ra] = rt;
        }
    }

    // 3a. A person's first name(s) used alone, or split off by the tagger, join the one full
    // name of the article that starts with them (never when two full names do).
    for s in 0..groups.len() {
        let sg = &groups[s];
        if sg.kind() != ActorType::Per || sg.words.len() > 2 {
            continue;
        }
        let mut cands = (0..groups.len()).filter(|&l| {
            l != s
                && groups[l].kind() == ActorType::Per
                && groups[l].words.len() > sg.words.len()
                && groups[l].words.starts_with(&sg.words)
        });
        let (Some(pick), None) = (cands.next(), cands.next()) else {
            continue;
        };
        let (ra, rt) = (root(&mut parent, s), root(&mut parent, pick));
        if ra != rt {
            parent[ra] = rt;
        }
    }

    // 3b. Organisations and places shortened to their head word ("l'Union" after "Union
    // européenne", "la Commission" after "Commission européenne"), when only one entity of
    // the article starts with that word.
    for s in 0..groups.len() {
        let sg = &groups[s];
        if sg.words.len() != 1 || sg.kind() == ActorType::Per {
            continue;
        }
        let cands: Vec<usize> = (0..groups.len())
            .filter(|&l| {
                l != s
                    && groups[l].words.len() >= 2
                    && groups[l].words[0] == sg.words[0]
                    && groups[l].kind() != ActorType::Per
            })
            .collect();
        if let [l] = cands[..] {
            let (ra, rt) = (root(&mut parent, s), root(&mut parent, l));
            if ra != rt {
                parent[ra] = rt;
            }
        }
    }

    // 4. Collect.
    let mut merged: Vec<(usize, Vec<usize>, [u32; 4])> = Vec::new();
    let mut slot = vec![usize::MAX; groups.len()];
    for (g, group) in groups.iter().enumerate() {
        let r = root(&mut parent, g);
        if slot[r] == usize::MAX {
            slot[r] = merged.len();
            merged.push((r, Vec::new(), [0; 4]));
        }
        let e = &mut merged[slot[r]];
        e.1.extend(group.mentions.iter().copied());
        for (v, gv) in e.2.iter_mut().zip(group.votes) {
            *v += gv;
        }
    }
    let _ = NT;
    recover_repeats(doc, &mut ms, &mut merged);
    let mut actors: Vec<(usize, Actor)> = merged
        .into_iter()
        .map(|(_, mut mentions, votes)| {
            mentions.sort_by_key(|&i| ms[i].byte_start);
            mentions.dedup_by_key(|i| ms[*i].byte_start);
            let mut best = 0;
            for t in 1..4 {
                if votes[t] > votes[best] {
                    best = t;
                }
            }
            let kind = super::model::TYPES[best];
            // Canonical name: most words, then longest, then earliest; acronyms lose to
            // their expansion.
            let name_of = |i: usize| {
                let m = &ms[i];
                let t = &doc.text[m.byte_start..m.byte_end];
                (!is_acronym_text(t), m.words.len(), t.chars().count())
            };
            let canon = *mentions
                .iter()
                .max_by(|&&a, &&b| name_of(a).cmp(&name_of(b)).then(b.cmp(&a)))
                .unwrap_or(&mentions[0]);
            let m = &ms[canon];
            let name = collapse_space(&doc.text[m.byte_start..m.byte_end]);
            let first = ms[mentions[0]].byte_start;
            let mentions = mentions
                .iter()
                .map(|&i| Mention {
                    span: doc.span(ms[i].byte_start, ms[i].byte_end),
                })
                .collect();
            (
                first,
                Actor {
                    name,
                    kind,
                    mentions,
                    entity: String::new(),
                },
            )
        })
        .collect();
    actors.sort_by_key(|(f, _)| *f);
    actors.into_iter().map(|(_, a)| a).collect()
}

/// Add the unlabelled repeats of a known name ("Macron" the tagger missed in one sentence) to
/// their actor. A repeat must be capitalised, match all the tokens of a mention of exactly one
/// actor, and not be glued to another capitalised word.
fn recover_repeats(
    doc: &Document,
    ms: &mut Vec<Clean>,
    merged: &mut [(usize, Vec<usize>, [u32; 4])],
) {
    const AMBIGUOUS: usize = usize::MAX;
    let n_tok = doc.tokens.len();
    let mut covered = vec![false; n_tok];
    for m in ms.iter() {
        for c in &mut covered[m.first_token..m.end_token] {
            *c = true;
        }
    }
    let mut index: std::collections::HashMap<String, Vec<(Vec<String>, usize)>> =
        std::collections::HashMap::new();
    for (e, (_, mentions, _)) in merged.iter().enumerate() {
        for &i in mentions {
            let keys: Vec<String> = (ms[i].first_token..ms[i].end_token)
                .map(|t| name_key(doc.token_text(t)))
                .collect();
            // A person's surname alone also names them.
            let surname = (ms[i].kind == ActorType::Per && keys.len() >= 2)
                .then(|| keys[keys.len() - 1].clone())
                .filter(|k| k.chars().count() >= 3 && !ACRONYM_SKIP.contains(&k.as_str()));
            for keys in std::iter::once(keys).chain(surname.map(|k| vec![k])) {
                let list = index.entry(keys[0].clone()).or_default();
                match list.iter_mut().find(|(k, _)| *k == keys) {
                    Some(slot) if slot.1 != e => slot.1 = AMBIGUOUS,
                    Some(_) => {}
                    None => list.push((keys, e)),
                }
            }
        }
    }
    let cap_word =
        |t: usize| doc.tokens[t].kind == TokenKind::Word && doc.tokens[t].is_capitalized();
    let mut i = 0;
    while i < n_tok {
        if covered[i] || !cap_word(i) {
            i += 1;
            continue;
        }
        let k0 = name_key(doc.token_text(i));
        let mut best: Option<(usize, usize)> = None;
        if let Some(list) = index.get(&k0) {
            for (keys, e) in list {
                let n = keys.len();
                if i + n <= n_tok
                    && !matches!(best, Some((bn, _)) if n <= bn)
                    && (0..n).all(|j| {
                        !covered[i + j] && (j == 0 || name_key(doc.token_text(i + j)) == keys[j])
                    })
                {
                    best = Some((n, *e));
                }
            }
        }
        match best {
            Some((n, e))
                if e != AMBIGUOUS
                    && !(i > 0
                        && cap_word(i - 1)
                        && doc.sentence_of_token(i - 1) == doc.sentence_of_token(i)
                        && doc.sentences[doc.sentence_of_token(i)].first_token as usize
                            != i - 1)
                    && !(i + n < n_tok && cap_word(i + n)) =>
            {
                let (bs, be) = (
                    doc.tokens[i].start as usize,
                    doc.tokens[i + n - 1].end as usize,
                );
                let key = name_key(&doc.text[bs..be]);
                let words = key.split(' ').map(str::to_string).collect();
                let kind = ms[merged[e].1[0]].kind;
                ms.push(Clean {
                    byte_start: bs,
                    byte_end: be,
                    kind,
                    cue: None,
                    key,
                    words,
                    first_token: i,
                    end_token: i + n,
                });
                merged[e].1.push(ms.len() - 1);
                i += n;
            }
            _ => i += 1,
        }
    }
}

fn collapse_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if crate::text::chars::is_space(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Build raw mentions from (surface text, type) pairs found in order in `text`.
    fn raw(doc: &Document, items: &[(&str, ActorType)]) -> Vec<RawMention> {
        let mut out = Vec::new();
        let mut from = 0;
        for (s, k) in items {
            let at = doc.text[from..].find(s).expect(s) + from;
            let first = doc.token_at_byte(at);
            let end = doc.token_at_byte(at + s.len());
            out.push(RawMention {
                first,
                end,
                kind: *k,
            });
            from = at + s.len();
        }
        out
    }

    fn names(actors: &[Actor]) -> Vec<(String, usize)> {
        actors
            .iter()
            .map(|a| (a.name.clone(), a.mentions.len()))
            .collect()
    }

    use ActorType::*;

    #[test]
    fn keys_fold_initials() {
        assert_eq!(name_key("J.D. Vance"), name_key("JD Vance"));
        assert_eq!(name_key("Jean-Luc  Mélenchon"), "jean luc melenchon");
    }

    #[test]
    fn merges_surnames_and_titles() {
        let text = "Emmanuel Macron a parlé. M. Macron a ensuite reçu Olaf Scholz. Macron sourit.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("Emmanuel Macron", Per),
                ("M. Macron", Per),
                ("Olaf Scholz", Per),
                ("Macron", Loc),
            ],
        );
        let a = canonical_actors(&doc, &r);
        assert_eq!(
            names(&a),
            vec![("Emmanuel Macron".into(), 3), ("Olaf Scholz".into(), 1)]
        );
        assert_eq!(a[0].kind, Per);
        assert_eq!(a[0].mentions[1].span.text, "Macron");
    }

    #[test]
    fn shared_surname_goes_to_closest_previous_person() {
        let text = "Marine Le Pen et Jean-Marie Le Pen sont arrivés. Plus tard, Jean-Marie Le Pen \
                    a parlé, puis Marine Le Pen. Le Pen a conclu.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("Marine Le Pen", Per),
                ("Jean-Marie Le Pen", Per),
                ("Jean-Marie Le Pen", Per),
                ("Marine Le Pen", Per),
                ("Le Pen", Per),
            ],
        );
        let a = canonical_actors(&doc, &r);
        assert_eq!(a.len(), 2, "{:?}", names(&a));
        assert_eq!(a[0].name, "Marine Le Pen");
        assert_eq!(a[1].name, "Jean-Marie Le Pen");
    }

    #[test]
    fn acronyms_join_expansion() {
        let text =
            "L'Union européenne (UE) a voté. L'UE contre l'Organisation mondiale du commerce. \
                    Puis l'OMC a répondu.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("Union européenne", Org),
                ("UE", Org),
                ("UE", Org),
                ("Organisation mondiale du commerce", Org),
                ("OMC", Org),
            ],
        );
        let a = canonical_actors(&doc, &r);
        assert_eq!(
            names(&a),
            vec![
                ("Union européenne".into(), 3),
                ("Organisation mondiale du commerce".into(), 2)
            ]
        );
    }

    #[test]
    fn recovers_untagged_repeats() {
        let text = "Élisabeth Borne a parlé. Ensuite Borne est partie. La borne kilométrique.";
        let doc = Document::new(text, None);
        let r = raw(&doc, &[("Élisabeth Borne", Per)]);
        let a = canonical_actors(&doc, &r);
        assert_eq!(names(&a), vec![("Élisabeth Borne".into(), 2)]);
        let r = raw(&doc, &[("Élisabeth Borne", Per), ("Borne", Per)]);
        let a = canonical_actors(&doc, &r);
        assert_eq!(names(&a), vec![("Élisabeth Borne".into(), 2)]);
        // A name mentioned once, repeated untagged later.
        let text = "Le groupe Renault recrute. Plus tard, Renault a confirmé.";
        let doc = Document::new(text, None);
        let r = raw(&doc, &[("Renault", Org)]);
        let a = canonical_actors(&doc, &r);
        assert_eq!(a[0].mentions.len(), 2);
        assert_eq!(a[0].mentions[1].span.text, "Renault");
    }

    #[test]
    fn head_word_joins_its_organisation() {
        let text = "La Commission européenne a tranché. La Commission a aussi parlé à Lyon.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("Commission européenne", Org),
                ("Commission", Org),
                ("Lyon", Loc),
            ],
        );
        let a = canonical_actors(&doc, &r);
        assert_eq!(
            names(&a),
            vec![("Commission européenne".into(), 2), ("Lyon".into(), 1)]
        );
    }

    #[test]
    fn known_acronyms_join_without_pairing() {
        let text = "Les États-Unis ont répondu. Les USA restent fermes.";
        let doc = Document::new(text, None);
        let r = raw(&doc, &[("États-Unis", Loc), ("USA", Loc)]);
        let a = canonical_actors(&doc, &r);
        assert_eq!(names(&a), vec![("États-Unis".into(), 2)]);
    }

    #[test]
    fn cue_words_settle_the_type() {
        let text = "La start-up Quartz lève des fonds. Quartz recrute.";
        let doc = Document::new(text, None);
        let r = raw(&doc, &[("Quartz", Per), ("Quartz", Per)]);
        assert_eq!(canonical_actors(&doc, &r)[0].kind, Org);
        let r = raw(&doc, &[("Quartz", Per), ("Quartz", Org)]);
        assert_eq!(canonical_actors(&doc, &r)[0].kind, Org);
    }

    #[test]
    fn drops_pronouns_and_lowercase() {
        let text = "Il a vu le gouvernement hier.";
        let doc = Document::new(text, None);
        let r = raw(&doc, &[("Il", Per), ("gouvernement", Org)]);
        assert!(canonical_actors(&doc, &r).is_empty());
    }

    #[test]
    fn dotted_initials_merge() {
        let text = "J.D. Vance est arrivé. JD Vance a parlé. Vance est reparti.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[("J.D. Vance", Per), ("JD Vance", Per), ("Vance", Per)],
        );
        let a = canonical_actors(&doc, &r);
        assert_eq!(a.len(), 1, "{:?}", names(&a));
        assert_eq!(a[0].mentions.len(), 3);
    }
}
