//! Untagged repeats of a known name: a capitalised run of tokens the tagger missed that
//! matches a mention of exactly one actor (or a person's surname) joins that actor.

use super::clean::Clean;
use super::merge::{type_index, CUE_VOTES};
use super::names::{name_key, ACRONYM_SKIP};
use crate::record::ActorType;
use crate::text::{Document, TokenKind};

/// Add the unlabelled repeats of a known name ("Vasseur" the tagger missed in one sentence) to
/// their actor. A repeat must be capitalised, match all the tokens of a mention of exactly one
/// actor, and not be glued to another capitalised word.
pub(super) fn recover_repeats(
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
                // The tagger did not see it, but a cue of its phrase still counts ("le
                // parti X" where only a later "X" was tagged).
                let cue = super::cue::cue_of(doc, i, i + n);
                if let Some(c) = cue {
                    merged[e].2[type_index(c)] += CUE_VOTES;
                }
                ms.push(Clean {
                    byte_start: bs,
                    byte_end: be,
                    kind,
                    cue,
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
#[cfg(test)]
mod tests {
    use super::super::canonical_actors;
    use super::super::test_support::{names, raw};
    use crate::record::ActorType::*;
    use crate::text::Document;

    #[test]
    fn recovers_untagged_repeats() {
        let text = "Mathilde Fontaine a parlé. Ensuite Fontaine est partie. La fontaine coule.";
        let doc = Document::new(text, None);
        let r = raw(&doc, &[("Mathilde Fontaine", Per)]);
        let a = canonical_actors(&doc, &r);
        assert_eq!(names(&a), vec![("Mathilde Fontaine".into(), 2)]);
        let r = raw(&doc, &[("Mathilde Fontaine", Per), ("Fontaine", Per)]);
        let a = canonical_actors(&doc, &r);
        assert_eq!(names(&a), vec![("Mathilde Fontaine".into(), 2)]);
        // A name mentioned once, repeated untagged later.
        let text = "Le groupe Valmont recrute. Plus tard, Valmont a confirmé.";
        let doc = Document::new(text, None);
        let r = raw(&doc, &[("Valmont", Org)]);
        let a = canonical_actors(&doc, &r);
        assert_eq!(a[0].mentions.len(), 2);
        assert_eq!(doc.range_text(a[0].mentions[1]), "Valmont");
    }

    #[test]
    fn an_untagged_repeat_brings_the_cue_of_its_phrase() {
        // The tagger typed only the second "Vetra Nordis", and wrongly; the first, untagged,
        // follows "l'association humanitaire".
        let text = "Il a des liens avec l'association humanitaire Vetra Nordis depuis 2010. Le \
                    scandale \"Vetra Nordis\" a éclaté.";
        let doc = Document::new(text, None);
        let second = text.rfind("Vetra Nordis").unwrap();
        let mut r = raw(&doc, &[("Vetra Nordis", Misc)]);
        r[0].first = doc.token_at_byte(second);
        r[0].end = doc.token_at_byte(second + "Vetra Nordis".len());
        let a = canonical_actors(&doc, &r);
        assert_eq!(names(&a), vec![("Vetra Nordis".into(), 2)]);
        assert_eq!(a[0].kind, Org);
    }
}
