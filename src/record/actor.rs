//! Actors: one per real-world entity in the article, with all its mentions.

use super::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The entity type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum ActorType {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation: company, institution, party, team, media.
    #[serde(rename = "ORG")]
    Org,
    /// A place: country, city, region, building.
    #[serde(rename = "LOC")]
    Loc,
    /// Other named things: events, products, works, nationalities.
    #[serde(rename = "MISC")]
    Misc,
}

impl ActorType {
    /// The label as written in records and CoNLL files.
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorType::Per => "PER",
            ActorType::Org => "ORG",
            ActorType::Loc => "LOC",
            ActorType::Misc => "MISC",
        }
    }
}

/// One mention of an actor in the text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Mention {
    /// Where the mention is.
    #[serde(flatten)]
    pub span: Span,
}

/// A canonical actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Actor {
    /// Canonical name: the longest, most complete name used in the article, without titles or
    /// determiners.
    pub name: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Stable entity id: [`super::entity_id`] of the type and the canonical name, the same in
    /// every article, shard and run; `depeche identity` may link it to a fuller name's id.
    #[serde(default)]
    pub entity: String,
}
