//! The stage protocol: one shared document ([`Doc`]) that carries layers, and stages that read
//! some layers and add others.
//!
//! A [`Stage`] names the layers it reads and the layers it adds (and, for positions, the
//! layers it extends: a speaker named only by a pronoun becomes a new mention of an actor).
//! [`crate::Pipeline`] checks when it is built that every layer a stage reads is added by an
//! earlier stage, runs the stages in order, and runs stages that do not depend on each other
//! in parallel on large articles. Stages never write the document directly: they compute
//! [`Additions`] from a shared `&Doc`, and the document applies them in stage order, so a
//! parallel run gives the same document as a serial one.
//!
//! | stage | reads | adds |
//! |---|---|---|
//! | `tokenize` ([`Tokenizer`]) | the text | tokens, sentences, paragraphs |
//! | `figures` ([`crate::figures::FigureExtractor`]) | tokens | amounts, dates |
//! | `actors` ([`crate::actors::ActorExtractor`]) | tokens | actors |
//! | `chains` ([`crate::positions::ChainBuilder`]) | tokens, actors | chains (extends actors) |
//! | `positions` ([`crate::positions::PositionExtractor`]) | tokens, actors, chains | positions (extends actors) |
//!
//! Every layer but the tokens places things by token range ([`crate::layers`]); the record,
//! with code-point offsets, is built from the document in one place
//! ([`crate::pipeline::build`]).

use crate::article::ArticleDate;
use crate::layers::{add_mentions, Actor, Amount, Chains, DateMention, NewMention, Position};
use crate::record::ErrorKind;
use crate::text::Document;
use std::fmt;

/// One layer of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Tokens, sentences and paragraphs (with the byte-to-code-point map).
    Tokens,
    /// Amounts (money, percentages, counts, ratios).
    Amounts,
    /// Date mentions.
    Dates,
    /// Actors: one per entity, with every mention.
    Actors,
    /// Actor chains: names, surnames alone and title phrases tied to their actor.
    Chains,
    /// Positions: roles, quotes, stances.
    Positions,
}

impl Layer {
    /// Every layer, in the order a full pipeline adds them.
    pub const ALL: [Layer; 6] = [
        Layer::Tokens,
        Layer::Amounts,
        Layer::Dates,
        Layer::Actors,
        Layer::Chains,
        Layer::Positions,
    ];

    /// The layer's name, as `depeche bench` and error messages print it.
    pub fn name(self) -> &'static str {
        match self {
            Layer::Tokens => "tokens",
            Layer::Amounts => "amounts",
            Layer::Dates => "dates",
            Layer::Actors => "actors",
            Layer::Chains => "chains",
            Layer::Positions => "positions",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of layers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LayerSet(u8);

impl LayerSet {
    /// Whether `layer` is in the set.
    pub fn has(self, layer: Layer) -> bool {
        self.0 & layer.bit() != 0
    }

    /// Add `layer`.
    pub fn insert(&mut self, layer: Layer) {
        self.0 |= layer.bit();
    }

    /// The set of `layers`.
    pub fn of(layers: &[Layer]) -> Self {
        let mut s = LayerSet::default();
        for &l in layers {
            s.insert(l);
        }
        s
    }
}

/// Why a stage failed on one article (only the transformer backend can fail today).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{stage}: {message}")]
pub struct StageError {
    /// The stage that failed.
    pub stage: &'static str,
    /// The error record's kind.
    pub kind: ErrorKind,
    /// What went wrong.
    pub message: String,
}

/// What one stage adds to a document. Each stage fills the fields of the layers it names in
/// [`Stage::adds`] and [`Stage::extends`]; the others stay `None` or empty.
#[derive(Debug, Default)]
pub struct Additions<'a> {
    /// The tokenized text (layer [`Layer::Tokens`]).
    pub tokens: Option<Document<'a>>,
    /// Amounts (layer [`Layer::Amounts`]).
    pub amounts: Option<Vec<Amount>>,
    /// Dates (layer [`Layer::Dates`]).
    pub dates: Option<Vec<DateMention>>,
    /// Actors (layer [`Layer::Actors`]).
    pub actors: Option<Vec<Actor>>,
    /// Actor chains (layer [`Layer::Chains`]).
    pub chains: Option<Chains>,
    /// Positions (layer [`Layer::Positions`]).
    pub positions: Option<Vec<Position>>,
    /// New mentions of existing actors (extends [`Layer::Actors`]); one that overlaps a
    /// mention of the same actor is dropped.
    pub mentions: Vec<NewMention>,
}

/// The shared document: the article's text and date, and the layers the stages have added.
#[derive(Clone, Debug)]
pub struct Doc<'a> {
    /// The article text, unchanged.
    pub text: &'a str,
    /// The article's publication date, the anchor for relative dates.
    pub date: Option<ArticleDate>,
    /// Tokens, sentences and paragraphs ([`Layer::Tokens`]); empty before the `tokenize`
    /// stage.
    pub tokens: Document<'a>,
    /// Amounts ([`Layer::Amounts`]).
    pub amounts: Vec<Amount>,
    /// Date mentions ([`Layer::Dates`]).
    pub dates: Vec<DateMention>,
    /// Actors ([`Layer::Actors`]).
    pub actors: Vec<Actor>,
    /// Actor chains ([`Layer::Chains`]).
    pub chains: Chains,
    /// Positions ([`Layer::Positions`]).
    pub positions: Vec<Position>,
    done: LayerSet,
}

impl<'a> Doc<'a> {
    /// A document with no layers yet.
    pub fn new(text: &'a str, date: Option<ArticleDate>) -> Self {
        Doc {
            text,
            date,
            tokens: Document::empty(text, date),
            amounts: Vec::new(),
            dates: Vec::new(),
            actors: Vec::new(),
            chains: Chains::default(),
            positions: Vec::new(),
            done: LayerSet::default(),
        }
    }

    /// The layers added so far.
    pub fn layers(&self) -> LayerSet {
        self.done
    }

    /// Add one stage's layers.
    pub fn apply(&mut self, add: Additions<'a>) {
        if let Some(t) = add.tokens {
            self.tokens = t;
            self.done.insert(Layer::Tokens);
        }
        if let Some(a) = add.amounts {
            self.amounts = a;
            self.done.insert(Layer::Amounts);
        }
        if let Some(d) = add.dates {
            self.dates = d;
            self.done.insert(Layer::Dates);
        }
        if let Some(a) = add.actors {
            self.actors = a;
            self.done.insert(Layer::Actors);
        }
        if let Some(c) = add.chains {
            self.chains = c;
            self.done.insert(Layer::Chains);
        }
        if let Some(p) = add.positions {
            self.positions = p;
            self.done.insert(Layer::Positions);
        }
        add_mentions(&mut self.actors, &add.mentions);
    }
}

/// One stage of the pipeline. Built once (models and lexicons loaded); `compute` is
/// thread-safe and reads the document only.
pub trait Stage: Send + Sync + fmt::Debug {
    /// The stage's name (`depeche bench` rows, error messages).
    fn name(&self) -> &'static str;

    /// The layers the stage reads; an earlier stage must add each.
    fn reads(&self) -> &'static [Layer];

    /// The layers the stage adds.
    fn adds(&self) -> &'static [Layer];

    /// Earlier layers the stage adds to (new mentions of existing actors).
    fn extends(&self) -> &'static [Layer] {
        &[]
    }

    /// Compute the stage's additions from the document.
    fn compute<'a>(&self, doc: &Doc<'a>) -> Result<Additions<'a>, StageError>;

    /// Run the stage on the document: compute, then apply.
    fn process(&self, doc: &mut Doc<'_>) -> Result<(), StageError> {
        let add = self.compute(doc)?;
        doc.apply(add);
        Ok(())
    }
}

/// A shared stage is a stage (the pipeline keeps a handle on its actor extractor).
impl<S: Stage + ?Sized> Stage for std::sync::Arc<S> {
    fn name(&self) -> &'static str {
        (**self).name()
    }

    fn reads(&self) -> &'static [Layer] {
        (**self).reads()
    }

    fn adds(&self) -> &'static [Layer] {
        (**self).adds()
    }

    fn extends(&self) -> &'static [Layer] {
        (**self).extends()
    }

    fn compute<'a>(&self, doc: &Doc<'a>) -> Result<Additions<'a>, StageError> {
        (**self).compute(doc)
    }
}

/// The `tokenize` stage: the text module's tokenizer and segmenter ([`Document::new`]). It
/// lives beside the protocol because the document is built around its layer. Reads the text, adds [`Layer::Tokens`] (tokens, sentences,
/// paragraphs and the byte-to-code-point map) as a [`Document`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Tokenizer;

impl Stage for Tokenizer {
    fn name(&self) -> &'static str {
        "tokenize"
    }

    fn reads(&self) -> &'static [Layer] {
        &[]
    }

    fn adds(&self) -> &'static [Layer] {
        &[Layer::Tokens]
    }

    fn compute<'a>(&self, doc: &Doc<'a>) -> Result<Additions<'a>, StageError> {
        Ok(Additions {
            tokens: Some(Document::new(doc.text, doc.date)),
            ..Additions::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_sets_hold_what_was_inserted() {
        let s = LayerSet::of(&[Layer::Tokens, Layer::Actors]);
        assert!(s.has(Layer::Tokens) && s.has(Layer::Actors));
        assert!(!s.has(Layer::Amounts) && !s.has(Layer::Positions) && !s.has(Layer::Chains));
    }
}
