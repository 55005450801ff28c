//! Positions: roles, quotes and stances of actors.

use super::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// For or against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Supports the target.
    For,
    /// Opposes the target.
    Against,
}

/// A title or function held by a person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Role {
    /// Canonical name of the actor.
    pub actor: String,
    /// Entity id of the actor (see [`Actor::entity`](super::Actor::entity)); null when the
    /// text names no actor.
    #[serde(default)]
    pub entity: Option<String>,
    /// The title ("vice-président", "PDG").
    pub title: String,
    /// Organisation or country, when the text names it.
    #[serde(default)]
    pub org: Option<String>,
    /// The phrase that states the role.
    #[serde(flatten)]
    pub span: Span,
}

/// A direct quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    /// Canonical name of the speaker, or null when the text does not name one.
    pub actor: Option<String>,
    /// Entity id of the actor (see [`Actor::entity`](super::Actor::entity)); null when the
    /// text names no actor.
    #[serde(default)]
    pub entity: Option<String>,
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// The reporting cue ("a déclaré", "selon").
    #[serde(default)]
    pub cue: Option<String>,
    /// Code-point offset of the quoted text.
    pub start: usize,
    /// Code-point offset one past the quoted text.
    pub end: usize,
    /// The words naming the speaker (a name, a title or a pronoun), when the text has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Span>,
}

/// An explicit stance for or against something.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Stance {
    /// Canonical name of the actor.
    pub actor: String,
    /// Entity id of the actor (see [`Actor::entity`](super::Actor::entity)); null when the
    /// text names no actor.
    #[serde(default)]
    pub entity: Option<String>,
    /// For or against.
    pub polarity: Polarity,
    /// What the stance is about.
    pub target: String,
    /// The cue ("s'oppose à", "soutient").
    #[serde(default)]
    pub cue: Option<String>,
    /// The phrase that states the stance.
    #[serde(flatten)]
    pub span: Span,
}

/// A role, quote or stance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Position {
    /// Who holds which title.
    Role(Role),
    /// Who said what.
    Quote(Quote),
    /// Who is for or against what.
    Stance(Stance),
}
