//! The NER tag set and its IOB2 encoding and decoding, in one place: the tags of the built-in
//! model, the normalisation of corpus and checkpoint labels (IOB1, IOB2, IOBES, bare types)
//! into IOB2 tag indices, and the entity spans of a tag sequence. The actors stage, the
//! transformer backend and training all use these.

use crate::record::ActorType;

/// The tags: O, then B-/I- for PER, ORG, LOC, MISC.
pub const TAGS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
/// Number of tags.
pub const NT: usize = TAGS.len();

/// The entity types in tag order (tag `1 + 2k` is `B-` of `TYPES[k]`).
pub const TYPES: [ActorType; 4] = [
    ActorType::Per,
    ActorType::Org,
    ActorType::Loc,
    ActorType::Misc,
];

/// The `B-` tag of an entity type.
pub const fn begin(kind: ActorType) -> u8 {
    1 + 2 * type_index(kind)
}

/// The `I-` tag of an entity type.
pub const fn inside(kind: ActorType) -> u8 {
    2 + 2 * type_index(kind)
}

/// The index of an entity type in [`TYPES`].
pub const fn type_index(kind: ActorType) -> u8 {
    match kind {
        ActorType::Per => 0,
        ActorType::Org => 1,
        ActorType::Loc => 2,
        ActorType::Misc => 3,
    }
}

/// The tag index of a label such as `B-PER` (None when unknown).
pub fn tag_index(label: &str) -> Option<u8> {
    TAGS.iter().position(|t| *t == label).map(|i| i as u8)
}

/// Label of tag index `t` (for messages and CoNLL output).
pub fn tag_name(t: u8) -> &'static str {
    TAGS[t as usize]
}

/// True when tag `t` is an `I-` tag.
#[inline]
pub fn is_inside(t: u8) -> bool {
    t != 0 && t % 2 == 0
}

/// One past the last token of the span whose first token is `i`: the `I-` tags after it.
#[inline]
pub fn span_end(tags: &[u8], i: usize) -> usize {
    let mut e = i + 1;
    while e < tags.len() && is_inside(tags[e]) {
        e += 1;
    }
    e
}

/// The entity type index (0..4) of a non-O tag.
#[inline]
pub fn type_of(t: u8) -> usize {
    ((t - 1) / 2) as usize
}

/// True when `next` may follow `prev` (None = sentence start) in IOB2.
#[inline]
pub fn allowed(prev: Option<u8>, next: u8) -> bool {
    if !is_inside(next) {
        return true;
    }
    match prev {
        Some(p) if p != 0 => type_of(p) == type_of(next),
        _ => false,
    }
}

/// The normalised entity type of a corpus label (without its B-/I- prefix), or None for labels
/// that are not actors (dates, times) and for `O`.
pub fn normalise_type(label: &str) -> Option<&'static str> {
    let l = label.to_ascii_lowercase();
    let head = l.split('.').next().unwrap_or("");
    match head {
        "per" | "pers" | "person" | "people" => Some("PER"),
        "org" | "organisation" | "organization" => Some("ORG"),
        "loc" | "location" | "gpe" | "place" | "fac" => Some("LOC"),
        "misc" | "prod" | "humanprod" | "event" | "work" | "norp" | "product" => Some("MISC"),
        _ => None,
    }
}

/// Convert raw tags (any of IOB1, IOB2, IOBES, bare types) into IOB2 tag indices. An entity
/// starts at `B-`/`S-`, or at `I-`/`E-` after `O` or another type (the conlleval rule), so
/// IOB1 runs become one entity each.
pub fn to_iob2<S: AsRef<str>>(raw: &[S]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut prev: Option<&'static str> = None;
    let mut prev_closed = false;
    for r in raw {
        let r = r.as_ref().trim();
        let (prefix, label) = match r.split_once('-') {
            Some((p, l)) if p.len() == 1 => (p.to_ascii_uppercase(), l),
            _ => (
                String::from(if r == "O" || r == "_" { "O" } else { "I" }),
                r,
            ),
        };
        let ty = if prefix == "O" {
            None
        } else {
            normalise_type(label)
        };
        match ty {
            None => {
                out.push(0);
                prev = None;
            }
            Some(t) => {
                let begin = matches!(prefix.as_str(), "B" | "S") || prev != Some(t) || prev_closed;
                let tag = format!("{}-{}", if begin { "B" } else { "I" }, t);
                out.push(tag_index(&tag).unwrap_or(0));
                prev = Some(t);
                prev_closed = matches!(prefix.as_str(), "E" | "S");
                continue;
            }
        }
        prev_closed = false;
    }
    out
}

/// An entity span over token positions: `start..end` and its type index (0..4).
pub type EntitySpan = (usize, usize, usize);

/// The entity spans of a valid IOB2 tag sequence, in order.
pub fn spans(tags: &[u8]) -> impl Iterator<Item = EntitySpan> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < tags.len() {
            let t = tags[i];
            if t == 0 || is_inside(t) {
                i += 1;
                continue;
            }
            let ty = type_of(t);
            let start = i;
            i += 1;
            while i < tags.len() && is_inside(tags[i]) && type_of(tags[i]) == ty {
                i += 1;
            }
            return Some((start, i, ty));
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_tags_match_the_tag_table() {
        for k in TYPES {
            assert_eq!(tag_name(begin(k)), format!("B-{}", k.as_str()));
            assert_eq!(tag_name(inside(k)), format!("I-{}", k.as_str()));
        }
    }

    #[test]
    fn iob_schemes_normalise() {
        let table: &[(&[&str], &[&str])] = &[
            (
                &["I-PER", "I-PER", "O", "I-LOC"],
                &["B-PER", "I-PER", "O", "B-LOC"],
            ),
            (
                &["B-pers", "I-pers", "B-pers"],
                &["B-PER", "I-PER", "B-PER"],
            ),
            (&["B-time", "I-time", "B-org"], &["O", "O", "B-ORG"]),
            (
                &["S-LOC", "B-ORG", "E-ORG", "I-ORG"],
                &["B-LOC", "B-ORG", "I-ORG", "B-ORG"],
            ),
            (&["B-HumanProd", "O", "_"], &["B-MISC", "O", "O"]),
            (&["I-LOC", "I-ORG"], &["B-LOC", "B-ORG"]),
        ];
        for (raw, want) in table {
            let got: Vec<&str> = to_iob2(raw).into_iter().map(tag_name).collect();
            assert_eq!(&got, want, "{raw:?}");
        }
    }

    #[test]
    fn spans_iterate() {
        let v: Vec<_> = spans(&[0, 1, 2, 0, 5, 7, 8]).collect();
        assert_eq!(v, vec![(1, 3, 0), (4, 5, 2), (5, 7, 3)]);
        let v: Vec<_> = spans(&[1, 2, 0, 5, 5, 6]).collect();
        assert_eq!(v, vec![(0, 2, 0), (3, 4, 2), (4, 6, 2)]);
    }

    #[test]
    fn tag_helpers_agree() {
        for (i, t) in TAGS.iter().enumerate() {
            assert_eq!(tag_index(t), Some(i as u8));
            assert_eq!(tag_name(i as u8), *t);
        }
        assert!(is_inside(2) && !is_inside(1) && !is_inside(0));
        assert_eq!(type_of(7), 3);
        assert!(!allowed(None, 2) && allowed(Some(1), 2) && !allowed(Some(3), 2));
    }
}
