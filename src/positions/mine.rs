//! Growing the title lexicon from unlabeled news: lowercase nouns that stand where a person's
//! title stands ("le N Prénom Nom", "Prénom Nom, \[le\] N de ...") far more often than chance.
//!
//! The evidence is counted per article ([`TitleEvidence::add`]) over the records of the
//! actor stage, merged across articles, and turned into the data file
//! `src/lang/fr/positions/titles_news.txt` ([`TitleEvidence::lexicon`]) by `depeche lexicon titles`.

use super::context::{Ctx, NONE};
use super::lexicon::Lexicon;
use crate::layers::Actor;
use crate::record::ActorType;
use crate::text::{Document, TokenKind};
use std::collections::HashMap;

/// Counts for one candidate word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordCounts {
    /// After a determiner anywhere.
    pub after_det: u32,
    /// "det N PERSON".
    pub before_person: u32,
    /// "PERSON, \[det\] N" closing or followed by a complement.
    pub apposition: u32,
    /// After a feminine determiner (la, une, cette).
    pub feminine: u32,
    /// After a masculine determiner (le, un, ce, cet).
    pub masculine: u32,
}

/// Title evidence over a corpus: lowercase word -> counts.
#[derive(Clone, Debug, Default)]
pub struct TitleEvidence {
    /// Per lowercase word.
    pub words: HashMap<String, WordCounts>,
    /// Articles seen.
    pub articles: u64,
}

/// Criteria for a word to enter the lexicon.
#[derive(Clone, Copy, Debug)]
pub struct MineCriteria {
    /// Least number of title uses (before a person or in apposition).
    pub min_uses: u32,
    /// Least share of title uses among the word's uses after a determiner.
    pub min_share: f64,
    /// Least number of uses as "det N PERSON" (a noun, not a participle or a preposition).
    pub min_before: u32,
    /// The same three thresholds for words with the ending of an agent noun
    /// (`src/lang/fr/positions/agent_suffixes.words`: "-eur", "-ière", "-iste"...), which
    /// name persons far more often than places or things do.
    pub agent: (u32, f64, u32),
}

/// Endings of agent nouns ("chanteur", "militante").
const AGENT_SUFFIXES: &[&str] = crate::lang::fr::positions::AGENT_SUFFIXES;

/// The word has the ending of an agent noun and is long enough to be one.
fn agent_noun(w: &str) -> bool {
    w.chars().count() >= 6 && AGENT_SUFFIXES.iter().any(|s| w.ends_with(s))
}

impl Default for MineCriteria {
    fn default() -> Self {
        MineCriteria {
            min_uses: 6,
            min_share: 0.12,
            min_before: 3,
            agent: (4, 0.04, 2),
        }
    }
}

fn det_gender(w: &str) -> Option<bool> {
    match w {
        "la" | "une" | "cette" => Some(true),
        "le" | "un" | "ce" | "cet" | "du" | "au" => Some(false),
        "l'" => None,
        _ => None,
    }
}

fn candidate(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.low(k);
    ctx.kind(k) == Some(TokenKind::Word)
        && ctx.is_lower_word(k)
        && ctx.mention_at[k] == NONE
        && w.chars().count() >= 4
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

fn person_at(ctx: &Ctx, k: usize) -> bool {
    ctx.mention_starting(k)
        .is_some_and(|m| ctx.actor_kind(m.actor) == ActorType::Per && m.end - m.start >= 2)
}

impl TitleEvidence {
    /// Count the evidence of one document with its actors.
    pub fn add(&mut self, lex: &Lexicon, doc: &Document, actors: &[Actor]) {
        let ctx = Ctx::new(doc, lex, actors);
        self.articles += 1;
        let n = ctx.len();
        for k in 1..n {
            let d = ctx.low(k - 1);
            let is_det = matches!(
                d,
                "le" | "la" | "l'" | "un" | "une" | "du" | "au" | "ce" | "cet" | "cette"
            );
            if !candidate(&ctx, k) {
                continue;
            }
            let appos = {
                // "PERSON, \[det\] N" then a complement or the end of the apposition.
                let comma = if is_det {
                    k.checked_sub(2)
                } else {
                    Some(k - 1)
                };
                let after = ctx.low(k + 1);
                comma.is_some_and(|c| {
                    c >= 1
                        && ctx.is_punct(c, ",")
                        && ctx
                            .mention_ending(c - 1)
                            .is_some_and(|m| ctx.actor_kind(m.actor) == ActorType::Per)
                }) && (matches!(after, "de" | "d'" | "du" | "des" | "à" | "au")
                    || ctx.is_punct(k + 1, ","))
            };
            if !is_det && !appos {
                continue;
            }
            let e = self.words.entry(ctx.low(k).to_string()).or_default();
            if is_det {
                e.after_det += 1;
                match det_gender(d) {
                    Some(true) => e.feminine += 1,
                    Some(false) => e.masculine += 1,
                    None => {}
                }
                if person_at(&ctx, k + 1) {
                    e.before_person += 1;
                }
            }
            if appos {
                e.apposition += 1;
            }
        }
    }

    /// Merge another corpus part.
    pub fn merge(&mut self, other: TitleEvidence) {
        self.articles += other.articles;
        for (w, c) in other.words {
            let e = self.words.entry(w).or_default();
            e.after_det += c.after_det;
            e.before_person += c.before_person;
            e.apposition += c.apposition;
            e.feminine += c.feminine;
            e.masculine += c.masculine;
        }
    }

    /// The words that pass `criteria` and that the lexicon does not know yet, sorted by
    /// title uses (most first), as `(word, gender, uses, share)`; the gender is `f`, `m` or
    /// `x` (undecided).
    pub fn selected(&self, lex: &Lexicon, criteria: MineCriteria) -> Vec<(String, char, u32, f64)> {
        let mut out: Vec<(String, char, u32, f64)> = self
            .words
            .iter()
            .filter_map(|(w, c)| {
                let uses = c.before_person + c.apposition;
                let share = f64::from(uses) / f64::from(c.after_det.max(uses).max(1));
                // A title is a noun: it also stands after a determiner before a name.
                let (min_uses, min_share, min_before) = if agent_noun(w) {
                    criteria.agent
                } else {
                    (criteria.min_uses, criteria.min_share, criteria.min_before)
                };
                if uses < min_uses || share < min_share || c.before_person < min_before {
                    return None;
                }
                let key = crate::text::normalize::fold_key(w);
                // "le président américain X": a nationality is no title.
                if lex.nationalities.contains_key(&key) {
                    return None;
                }
                let hand_written = !lex.grown_titles.contains(&key)
                    && lex
                        .titles
                        .longest(|i| (i == 0).then_some(key.as_str()), 0)
                        .is_some();
                let verb = lex
                    .reporting
                    .longest(|i| (i == 0).then_some(w.as_str()), 0)
                    .is_some();
                if hand_written || verb || lex.not_titles.contains(&key) {
                    return None;
                }
                let g = if c.feminine > 2 * c.masculine {
                    'f'
                } else if c.masculine > 2 * c.feminine {
                    'm'
                } else {
                    'x'
                };
                Some((w.clone(), g, uses, share))
            })
            .collect();
        out.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// The data file `titles_news.txt`: a header, then `word<TAB>gender<TAB>uses<TAB>share`.
    pub fn lexicon(&self, lex: &Lexicon, criteria: MineCriteria) -> String {
        let mut s = String::new();
        s.push_str(
            "# Titles and person descriptors grown from unlabeled news by `depeche lexicon titles`\n\
             # (do not edit by hand; rerun the command). A word enters when it stands in\n\
             # \"le N Prénom Nom\" or \"Prénom Nom, [le] N de ...\" positions often enough.\n",
        );
        let (au, ash, ab) = criteria.agent;
        s.push_str(&format!(
            "# articles: {}; criteria: uses >= {}, share >= {:.2}, before a name >= {}; agent \
             nouns: uses >= {au}, share >= {ash:.2}, before a name >= {ab}\n",
            self.articles, criteria.min_uses, criteria.min_share, criteria.min_before
        ));
        s.push_str("# word\tgender (m/f/x)\ttitle uses\tshare of uses after a determiner\n");
        for (w, g, uses, share) in self.selected(lex, criteria) {
            s.push_str(&format!("{w}\t{g}\t{uses}\t{share:.3}\n"));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::positions::context::testing::actors;

    #[test]
    fn counts_title_positions() {
        let lex = Lexicon::new();
        let mut ev = TitleEvidence::default();
        let text = "La chanteuse Léa Morin a chanté. Paul Roy, luthier de métier, joue. \
                    La chanteuse était absente. Le luthier Jean Dubois répare.";
        let doc = Document::new(text, None);
        let acts = actors(
            &doc,
            &[
                ("Léa Morin", ActorType::Per, &["Léa Morin"]),
                ("Paul Roy", ActorType::Per, &["Paul Roy"]),
                ("Jean Dubois", ActorType::Per, &["Jean Dubois"]),
            ],
        );
        ev.add(&lex, &doc, &acts);
        let c = ev.words["chanteuse"];
        assert_eq!((c.after_det, c.before_person, c.feminine), (2, 1, 2));
        let l = ev.words["luthier"];
        assert_eq!((l.after_det, l.before_person, l.apposition), (1, 1, 1));
        let sel = ev.selected(
            &lex,
            MineCriteria {
                min_uses: 2,
                min_share: 0.5,
                min_before: 1,
                agent: (2, 0.5, 1),
            },
        );
        assert_eq!(sel.len(), 1, "{sel:?}");
        assert_eq!((sel[0].0.as_str(), sel[0].1), ("luthier", 'm'));
    }

    #[test]
    fn agent_nouns_need_less_evidence() {
        let lex = Lexicon::new();
        let mut ev = TitleEvidence::default();
        let weak = WordCounts {
            after_det: 60,
            before_person: 3,
            apposition: 2,
            feminine: 0,
            masculine: 60,
        };
        // Same evidence: a word with an agent ending ("-eur") enters, a place noun does not,
        // nor does a nationality adjective.
        for w in ["sculpteur", "parvis", "américain"] {
            ev.words.insert(w.to_string(), weak);
        }
        let words: Vec<String> = ev
            .selected(&lex, MineCriteria::default())
            .into_iter()
            .map(|s| s.0)
            .collect();
        assert_eq!(words, vec!["sculpteur".to_string()]);
        assert!(agent_noun("policière") && agent_noun("urgentiste") && !agent_noun("avenue"));
    }
}
