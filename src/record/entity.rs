//! Stable entity ids: the same actor gets the same id in every article, shard, machine and
//! run, in the JSON records and in every table sink.
//!
//! Derivation (pinned by a test of exact values; changing it changes every id of every dump):
//!
//! 1. The **name key** ([`name_key`]): the canonical name through
//!    [`fold_key`](crate::text::normalize::fold_key) (lowercase, accents stripped, `œ` -> `oe`,
//!    typographic apostrophes and dashes folded), then every run of characters that are not
//!    letters or digits becomes one space, and the ends are trimmed: `"Anne-Sophie Lévêque"`,
//!    `"ANNE SOPHIE LEVEQUE"` and `"Anne Sophie  Lévêque"` share the key `"anne sophie leveque"`.
//! 2. The **digest**: SHA-256 (FIPS 180-4) of the UTF-8 bytes of `TYPE ":" KEY`, where `TYPE`
//!    is the record label (`PER`, `ORG`, `LOC`, `MISC`).
//! 3. The **id**: the lowercase type, `-`, and the first 8 bytes of the digest as 16 lowercase
//!    hex digits: `per-…`, `org-…`. 64 bits keep the chance of any collision among a million
//!    distinct names below 1 in 30 million.
//!
//! `depeche identity` may replace an actor's id by the id of a fuller name of the same entity
//! (see [`crate::identity`]); that id is derived the same way from the fuller name.

use super::{ActorType, Position, Record};
use crate::text::normalize::fold_key;
use sha2::{Digest, Sha256};

/// The folded key of a name: [`fold_key`], then non-alphanumeric runs as one space, trimmed.
pub fn name_key(name: &str) -> String {
    let folded = fold_key(name);
    let mut out = String::with_capacity(folded.len());
    let mut gap = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// The entity id of a name key (already folded with [`name_key`]) of a type.
pub fn entity_id_of_key(kind: ActorType, key: &str) -> String {
    let mut h = Sha256::new();
    h.update(kind.as_str().as_bytes());
    h.update(b":");
    h.update(key.as_bytes());
    let digest = h.finalize();
    let mut out = String::with_capacity(4 + 1 + 16);
    out.push_str(&kind.as_str().to_ascii_lowercase());
    out.push('-');
    for b in &digest[..8] {
        out.push(char::from_digit(u32::from(b >> 4), 16).expect("hex digit"));
        out.push(char::from_digit(u32::from(b & 15), 16).expect("hex digit"));
    }
    out
}

/// The stable entity id of an actor of type `kind` with canonical name `name`.
pub fn entity_id(kind: ActorType, name: &str) -> String {
    entity_id_of_key(kind, &name_key(name))
}

impl Position {
    /// The canonical name of the position's actor, if any.
    pub fn actor_name(&self) -> Option<&str> {
        match self {
            Position::Role(r) => Some(&r.actor),
            Position::Quote(q) => q.actor.as_deref(),
            Position::Stance(s) => Some(&s.actor),
        }
    }

    /// The entity id of the position's actor, if any.
    pub fn entity(&self) -> Option<&str> {
        match self {
            Position::Role(r) => r.entity.as_deref(),
            Position::Quote(q) => q.entity.as_deref(),
            Position::Stance(s) => s.entity.as_deref(),
        }
    }

    fn entity_mut(&mut self) -> &mut Option<String> {
        match self {
            Position::Role(r) => &mut r.entity,
            Position::Quote(q) => &mut q.entity,
            Position::Stance(s) => &mut s.entity,
        }
    }
}

impl Record {
    /// Give every actor its stable id ([`entity_id`]) and every position the id of its actor
    /// (the record's actor of that canonical name; a name no actor carries is taken as a
    /// person's, the only kind of holder roles have).
    pub fn assign_entities(&mut self) {
        for a in &mut self.actors {
            a.entity = entity_id(a.kind, &a.name);
        }
        self.sync_position_entities();
    }

    /// Set each position's entity to that of the record's actor of the same canonical name
    /// (after actors' ids changed, e.g. by `depeche identity`).
    pub fn sync_position_entities(&mut self) {
        let actors = &self.actors;
        for p in &mut self.positions {
            let id = p.actor_name().map(|name| {
                actors
                    .iter()
                    .find(|a| a.name == name)
                    .map_or_else(|| entity_id(ActorType::Per, name), |a| a.entity.clone())
            });
            *p.entity_mut() = id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Actor, Quote, Role};

    #[test]
    fn name_keys_ignore_case_accents_and_punctuation() {
        assert_eq!(name_key("Anne-Sophie Lévêque"), "anne sophie leveque");
        assert_eq!(name_key(" ANNE  SOPHIE LEVEQUE "), "anne sophie leveque");
        assert_eq!(name_key("Fédération d’Œuvres"), "federation d oeuvres");
        assert_eq!(name_key("T2"), "t2");
        assert_eq!(name_key("--"), "");
    }

    /// The derivation is a contract: these values must never change.
    #[test]
    fn ids_are_pinned() {
        assert_eq!(
            entity_id(ActorType::Per, "Claire Dupuis"),
            entity_id_of_key(ActorType::Per, "claire dupuis")
        );
        assert_eq!(
            entity_id(ActorType::Per, "Claire Dupuis"),
            "per-de433c8b76d09ca4"
        );
        assert_eq!(
            entity_id(ActorType::Org, "Fédération des Tuileries"),
            "org-6c655e0e0e12d125"
        );
        assert_eq!(
            entity_id(ActorType::Loc, "Saint-Aubin-des-Prés"),
            "loc-f9ad99fac2834fb9"
        );
        assert_eq!(
            entity_id(ActorType::Misc, "Prix Goncourt"),
            "misc-540e721dae44d8f0"
        );
        assert_eq!(
            entity_id(ActorType::Loc, "SAINT AUBIN DES PRES"),
            entity_id(ActorType::Loc, "Saint-Aubin-des-Prés")
        );
        assert_ne!(
            entity_id(ActorType::Org, "Claire Dupuis"),
            entity_id(ActorType::Per, "Claire Dupuis")
        );
    }

    #[test]
    fn positions_take_their_actors_ids() {
        let mut r = Record {
            actors: vec![Actor {
                name: "Union des Brasseurs".into(),
                kind: ActorType::Org,
                mentions: vec![],
                entity: String::new(),
            }],
            positions: vec![
                Position::Quote(Quote {
                    actor: Some("Union des Brasseurs".into()),
                    entity: None,
                    text: "Nous brasserons".into(),
                    cue: None,
                    start: 0,
                    end: 1,
                    speaker: None,
                }),
                Position::Quote(Quote {
                    actor: None,
                    entity: Some("stale".into()),
                    text: "Anonyme".into(),
                    cue: None,
                    start: 0,
                    end: 1,
                    speaker: None,
                }),
                Position::Role(Role {
                    actor: "Paul Tanguy".into(),
                    entity: None,
                    title: "maire".into(),
                    org: None,
                    span: Default::default(),
                }),
            ],
            ..Default::default()
        };
        r.assign_entities();
        let org = entity_id(ActorType::Org, "Union des Brasseurs");
        assert_eq!(r.actors[0].entity, org);
        assert_eq!(r.positions[0].entity(), Some(org.as_str()));
        assert_eq!(r.positions[1].entity(), None);
        let per = entity_id(ActorType::Per, "Paul Tanguy");
        assert_eq!(r.positions[2].entity(), Some(per.as_str()));
    }
}
