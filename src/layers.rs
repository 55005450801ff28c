//! The document's extraction layers as the stages write them: every place in the text is a
//! [`TokenRange`] over the tokens layer, and every reference to an actor is its index in the
//! actors layer. Nothing here knows about code points, byte offsets or canonical names of
//! other actors: the record (code-point offsets, covered text, sentence index, actor names and
//! entity ids) is built from these layers in one place, [`crate::pipeline::build`].
//!
//! | layer | type | added by |
//! |---|---|---|
//! | amounts | [`Amount`] | `figures` |
//! | dates | [`DateMention`] | `figures` |
//! | actors | [`Actor`] | `actors` (extended by `chains` and `positions`) |
//! | chains | [`Chains`] | `chains` |
//! | positions | [`Position`] | `positions` |

use crate::record::{ActorType, Polarity};

pub use crate::text::TokenRange;

/// An amount of the amounts layer: the record's fields, placed by token range.
pub type Amount = crate::record::Amount<TokenRange>;

/// A date of the dates layer: the record's fields, placed by token range.
pub type DateMention = crate::record::DateMention<TokenRange>;

/// One actor of the actors layer: a canonical name, a type and every mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// Canonical name (see [`crate::record::Actor::name`]).
    pub name: String,
    /// Entity type.
    pub kind: ActorType,
    /// Every mention, in text order, none overlapping another.
    pub mentions: Vec<TokenRange>,
}

/// A new mention of an existing actor, found by a later stage (`chains`, `positions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewMention {
    /// Index of the actor in the actors layer.
    pub actor: usize,
    /// Where the mention is.
    pub tokens: TokenRange,
}

/// Add mentions that do not overlap a mention of the same actor; the mentions of an actor
/// that gained one are sorted again by position.
pub fn add_mentions(actors: &mut [Actor], mentions: &[NewMention]) {
    let mut touched = Vec::new();
    for &NewMention { actor: a, tokens } in mentions {
        let Some(actor) = actors.get_mut(a) else {
            continue;
        };
        if actor.mentions.iter().any(|m| m.overlaps(tokens)) {
            continue;
        }
        actor.mentions.push(tokens);
        if !touched.contains(&a) {
            touched.push(a);
        }
    }
    for a in touched {
        actors[a].mentions.sort_by_key(|m| m.start);
    }
}

/// One mention in the actor-chains layer: a name the actor stage found, or a surname alone
/// that the `chains` stage tied to a named person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChainMention {
    /// Index of the actor in the actors layer.
    pub actor: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Found by the `chains` stage (a surname alone), not by the actor stage.
    pub added: bool,
}

/// A title phrase in the text ("le vice-président américain", "la ministre de
/// l'Agriculture"): token indexes and what the phrase says.
#[derive(Clone, Debug, PartialEq)]
pub struct TitlePhrase {
    /// First token of the phrase including its determiner ("le", "du", "de la").
    pub det_start: usize,
    /// First token of the title itself (with "ancien", "nouveau"...).
    pub start: usize,
    /// One past the title words (with post-modifiers and portfolio).
    pub title_end: usize,
    /// One past the whole phrase (with nationality and organisation).
    pub end: usize,
    /// The title as written ("vice-Premier ministre", "ministre de l'Agriculture").
    pub title: String,
    /// Key for matching holders: the canonical title plus the folded portfolio.
    pub key: String,
    /// Organisation or country, when named.
    pub org: Option<String>,
    /// The determiner is definite (le, la, l', du, au...).
    pub definite: bool,
    /// The determiner is indefinite (un, une).
    pub indefinite: bool,
    /// The title is plural.
    pub plural: bool,
    /// The title or its determiner is feminine.
    pub feminine: bool,
    /// The organisation is named ("de X", "LREM"), not only implied by a nationality.
    pub org_explicit: bool,
    /// The organisation is a long person-typed actor (doubtful: maybe a merged name such
    /// as "Kyutai Patrick Perez").
    pub org_is_person: bool,
}

/// A title stated of a named person ("le ministre X", "X, la présidente de Y"): a role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleLink {
    /// Index of the title phrase in [`Chains::titles`].
    pub title: usize,
    /// The person.
    pub actor: usize,
    /// First token of the phrase stating the role.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
}

/// Who holds which title, as the roles of the chains state it (the lookups are in
/// `positions/coref/holders.rs`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Holders {
    /// (title key, folded org, actor, token of the statement), in text order.
    pub list: Vec<(String, Option<String>, usize, usize)>,
}

/// The actor-chains layer (added by the `chains` stage): every phrase that names an actor
/// before any quotation or stance is read. Roles, quotes and stances all read it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chains {
    /// Names and surnames alone, in text order, none overlapping another.
    pub mentions: Vec<ChainMention>,
    /// Token -> index in `mentions`, or `u32::MAX`.
    pub mention_at: Vec<u32>,
    /// Title phrases, in text order, none overlapping a name.
    pub titles: Vec<TitlePhrase>,
    /// Titles stated of named persons, in text order.
    pub roles: Vec<RoleLink>,
    /// Who holds which title, from `roles`.
    pub holders: Holders,
    /// For each title: the person it is attached to by a role, if any.
    pub attached: Vec<Option<usize>>,
    /// For each title: the person it names (the attached one, or the holder stated earlier
    /// for a definite title used alone).
    pub title_actor: Vec<Option<usize>>,
}

/// One position of the positions layer. Actors are indexes in the actors layer.
#[derive(Clone, Debug, PartialEq)]
pub enum Position {
    /// A person holds a title ("le ministre de l'Économie, X").
    Role {
        /// The holder.
        actor: usize,
        /// The title as written.
        title: String,
        /// The organisation or country of the title, when named.
        org: Option<String>,
        /// The title phrase and the name.
        tokens: TokenRange,
    },
    /// A quotation and who said it.
    Quote {
        /// The speaker, when found.
        actor: Option<usize>,
        /// The quoted words, inside the quotation marks.
        inner: TokenRange,
        /// The reporting cue ("a déclaré").
        cue: Option<TokenRange>,
        /// The words naming the speaker (a name, a title, a pronoun), when in the text.
        speaker: Option<TokenRange>,
    },
    /// An actor for or against something.
    Stance {
        /// Who holds the stance.
        actor: usize,
        /// For or against.
        polarity: Polarity,
        /// What the stance is about, as written (or as reported).
        target: String,
        /// The stance cue ("dénonce", "favorable à").
        cue: TokenRange,
        /// The cue and the target.
        tokens: TokenRange,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(mentions: &[(usize, usize)]) -> Actor {
        Actor {
            name: "Léa Morel".into(),
            kind: ActorType::Per,
            mentions: mentions
                .iter()
                .map(|&(s, e)| TokenRange::new(s, e))
                .collect(),
        }
    }

    #[test]
    fn ranges_overlap_only_when_they_share_a_token() {
        let r = TokenRange::new(3, 5);
        assert!(r.overlaps(TokenRange::new(4, 9)));
        assert!(r.overlaps(TokenRange::new(0, 4)));
        assert!(!r.overlaps(TokenRange::new(5, 6)));
        assert!(!r.overlaps(TokenRange::new(1, 3)));
        assert_eq!(r.cover(TokenRange::new(8, 9)), TokenRange::new(3, 9));
    }

    #[test]
    fn new_mentions_skip_overlaps_and_stay_sorted() {
        let mut actors = vec![actor(&[(10, 12)])];
        let new = |actor, s, e| NewMention {
            actor,
            tokens: TokenRange::new(s, e),
        };
        add_mentions(
            &mut actors,
            &[new(0, 30, 31), new(0, 11, 14), new(0, 0, 1), new(7, 0, 1)],
        );
        let starts: Vec<_> = actors[0].mentions.iter().map(|m| m.start).collect();
        assert_eq!(starts, [0, 10, 30]);
    }
}
