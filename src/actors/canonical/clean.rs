//! One mention, cleaned: leading titles and determiners stripped ("M. Dupont" -> "Dupont",
//! "l'Élysée" -> "Élysée") unless a capitalised determiner is part of the name ("Le Point"),
//! punctuation and quotes stripped, mentions with no capitalised word dropped, and the type
//! a cue noun of its phrase points to ("la start-up X", see [`super::cue`]).

use super::names::name_key;
use super::RawMention;
use crate::lang::fr::actors::has_generic_designators;
use crate::record::ActorType;
use crate::text::normalize::fold_key_into;
use crate::text::{Document, TokenKind};

/// Leading words stripped from mentions (compared after [`fold_key_into`]).
const LEADING: &[&str] = crate::lang::fr::actors::MENTION_LEADING;

/// Words that are never actors on their own (capitalised pronouns, determiners, days...).
const NEVER_ALONE: &[&str] = crate::lang::fr::actors::NEVER_ALONE;

/// One cleaned mention.
#[derive(Clone, Debug)]
pub(super) struct Clean {
    pub(super) byte_start: usize,
    pub(super) byte_end: usize,
    pub(super) kind: ActorType,
    /// The type a cue word right before the mention points to ("la start-up X").
    pub(super) cue: Option<ActorType>,
    pub(super) key: String,
    pub(super) words: Vec<String>,
    pub(super) first_token: usize,
    pub(super) end_token: usize,
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

/// True when token `i` is a "+" glued to the word before it, part of the name that starts
/// at token `a` ("Vetra+"), not the end of AFP's "+...+" quotation marks.
fn glued_plus(doc: &Document, a: usize, i: usize) -> bool {
    let glued = |k: usize| k > 0 && doc.tokens[k - 1].end == doc.tokens[k].start;
    doc.token_text(i) == "+"
        && glued(i)
        && !(a > 0 && doc.token_text(a - 1) == "+" && glued(a))
        && !crate::actors::spans::opening_plus_before(doc, a)
}

/// Where the name starts in a span `a..b` that opens on a lowercase noun introducing it
/// (`generic_designators.words`: "ville de Valmoran", "syndicat des douaniers Vetra",
/// "ex-directeur de Nordis", "ONG Vetra"): at the first capitalised word, at most 5
/// lowercase words in. The noun's type then comes from the cue of the name's phrase
/// ([`super::cue`]). `a` when the span does not open so.
fn past_designator(doc: &Document, a: usize, b: usize) -> usize {
    let t = &doc.tokens[a];
    // Lowercase, or an acronym in capitals ("ONG").
    let capitals = doc.token_text(a).chars().all(|c| !c.is_lowercase());
    if (t.is_capitalized() && !capitals) || !matches!(t.kind, TokenKind::Word) {
        return a;
    }
    let mut w = String::new();
    fold_key_into(doc.token_text(a), &mut w);
    let w = w.strip_prefix("ex-").unwrap_or(&w);
    let singular = w.strip_suffix('s').unwrap_or(w);
    if !(has_generic_designators(w) || has_generic_designators(singular)) {
        return a;
    }
    let Some(c) = (a + 1..b.min(a + 6)).find(|&k| doc.tokens[k].is_capitalized()) else {
        return a;
    };
    let lowercase_between = (a + 1..c).all(|k| {
        matches!(doc.tokens[k].kind, TokenKind::Word | TokenKind::Elision)
            && !doc.tokens[k].is_capitalized()
    });
    if lowercase_between {
        c
    } else {
        a
    }
}

/// True when the text `start..end` is the whole of an intertitle line in sentence case, the
/// news agencies' section headings: quoted (`- "Gagner du temps" -`) or not, of two words or
/// more (`- Pluie tenace -`; `- Valmoran -` may be a place): a heading, not a name.
fn intertitle(doc: &Document, start: usize, end: usize, quoted: bool) -> bool {
    let text = doc.text;
    let words = || text[start..end].split_whitespace();
    let sentence_case = words()
        .skip(1)
        .all(|w| !w.chars().next().is_some_and(char::is_uppercase));
    if !sentence_case || (!quoted && words().count() < 2) {
        return false;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = text[line_start..start].trim_start();
    let after = text[end..line_end].trim_end();
    if quoted {
        let opens = ["- \"", "- «", "- « ", "- “", "- «\u{a0}"];
        let closes = ["\" -", "» -", " » -", "” -", "\u{a0}» -"];
        opens.contains(&before) && closes.contains(&after)
    } else {
        before == "- " && after == " -"
    }
}

pub(super) fn clean(doc: &Document, m: &RawMention) -> Option<Clean> {
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
    a = past_designator(doc, a, b);
    // Strip trailing punctuation and quotes.
    while b > a + 1
        && matches!(doc.tokens[b - 1].kind, TokenKind::Punct | TokenKind::Quote)
        && !glued_plus(doc, a, b - 1)
    {
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
    // Between quotes or dashes, as intertitles are.
    let around = |kind: TokenKind, text: &str| {
        a > 0
            && doc.tokens[a - 1].kind == kind
            && doc.token_text(a - 1).starts_with(text)
            && doc
                .tokens
                .get(b)
                .is_some_and(|t| t.kind == kind && t.text(doc.text).starts_with(text))
    };
    let quoted = around(TokenKind::Quote, "");
    if (quoted || around(TokenKind::Punct, "-")) && intertitle(doc, byte_start, byte_end, quoted) {
        return None;
    }
    let words = key.split(' ').map(str::to_string).collect();
    Some(Clean {
        byte_start,
        byte_end,
        kind: m.kind,
        cue: super::cue::cue_of(doc, a, b),
        key,
        words,
        first_token: a,
        end_token: b,
    })
}
#[cfg(test)]
mod tests {
    use super::super::canonical_actors;
    use super::super::test_support::raw;
    use crate::record::ActorType::*;
    use crate::text::Document;

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
    fn a_designator_noun_opening_the_span_is_not_part_of_the_name() {
        let text = "La ville de Valmoran a payé. Le syndicat des douaniers Vetra proteste. \
                    L'ex-directeur de Nordis parle. L'université de Valmoran ouvre. L'ONG Kelvo \
                    Aide agit.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("ville de Valmoran", Org),
                ("syndicat des douaniers Vetra", Org),
                ("ex-directeur de Nordis", Org),
                ("université de Valmoran", Org),
                ("ONG Kelvo Aide", Misc),
            ],
        );
        let got: Vec<(String, crate::record::ActorType)> = canonical_actors(&doc, &r)
            .into_iter()
            .map(|a| (a.name, a.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Valmoran".to_string(), Loc),
                ("Vetra".to_string(), Org),
                ("Nordis".to_string(), Org),
                ("université de Valmoran".to_string(), Org),
                ("Kelvo Aide".to_string(), Org),
            ]
        );
    }

    #[test]
    fn intertitles_are_not_names() {
        let text = "Le port a rouvert.\n\n- \"Gagner du temps\" -\n\nLe maire parle.\n\n- \"Vetra \
                    Nordis\" -\n\nFin.\n\n- Pluie tenace -\n\nLa police.\n\n- Valmoran -\n\nFin.";
        let doc = Document::new(text, None);
        let r = raw(
            &doc,
            &[
                ("Gagner du temps", Misc),
                ("Vetra Nordis", Org),
                ("Pluie tenace", Org),
                ("Valmoran", Loc),
            ],
        );
        let names: Vec<String> = canonical_actors(&doc, &r)
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(
            names,
            vec!["Vetra Nordis".to_string(), "Valmoran".to_string()]
        );
    }

    #[test]
    fn drops_pronouns_and_lowercase() {
        let text = "Il a vu le gouvernement hier.";
        let doc = Document::new(text, None);
        let r = raw(&doc, &[("Il", Per), ("gouvernement", Org)]);
        assert!(canonical_actors(&doc, &r).is_empty());
    }
}
