//! Cross-article identity: a dump-level pass that links the actors an article names only
//! partly to the fuller name the dump knows, so one real entity gets one id across articles.
//!
//! Every actor already carries a stable id ([`crate::record::entity_id`]) derived from its type
//! and folded canonical name. The pass works on name keys ([`name_key`]) per type, in two
//! passes over the dump with memory proportional to the distinct names (never to mentions):
//!
//! 1. **Count** ([`Counts::add_article`]): for each (type, key), the number of articles whose
//!    records use it; for each acronym, the expansions some article pairs it with (an actor
//!    whose mentions include the acronym of its name, or two actors of one type and article,
//!    one the acronym of the other). The acronym matches the initials of every word of the
//!    expansion, or of the words not in `src/lang/fr/identity/acronym_skip.txt`, and digits count whole:
//!    "UFT" = "Union des forces du travail", "T2" = "Tramway 2".
//! 2. **Resolve** ([`Counts::resolve`]) and **rewrite** ([`Resolver::apply`]):
//!    * *Variants*: keys of one type that differ only by spaces ("Le Bihan" / "Lebihan") or,
//!      except for persons, by a leading article (`src/lang/fr/identity/leading_articles.txt`: "Les
//!      Bâtisseurs" / "Bâtisseurs") are one name; all take the key of the variant most
//!      articles use (ties: the smaller key).
//!    * *Surnames*: a person named by one surname only ("Le Bihan", "Vasseur": one word that is
//!      not a particle of `src/lang/fr/identity/name_particles.txt`) links to the full name ending with that
//!      surname (two or more such words: "Paul Le Bihan") when that full name has at least
//!      [`Config::min_share`] of the articles of all full names ending so and at least
//!      [`Config::min_articles`] articles.
//!    * *Acronyms*: an acronym links to the expansion that articles pair it with, when that
//!      expansion has at least [`Config::min_share`] of its pairings.
//!
//!    Two full names are never linked (a full name's own variants aside), and links never
//!    chain further than one step to a full name, so the pass is idempotent: re-running it on
//!    its own output changes nothing.
//!
//! The pass runs over JSON Lines records ([`run_jsonl`]) and over loaded SQLite or PostgreSQL
//! databases ([`crate::sinks::SqliteSink::run_identity`], [`crate::sinks::PostgresSink::run_identity`]),
//! where it also (re)builds the `entities` table ([`EntityTable`]).

use crate::record::{entity_id_of_key, name_key, Actor, ActorType, Output, Record};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, BufRead, Write};
use std::sync::OnceLock;

const NAME_PARTICLES: &str = crate::lang::fr::identity::NAME_PARTICLES;
const ACRONYM_SKIP: &str = crate::lang::fr::identity::ACRONYM_SKIP;
const LEADING_ARTICLES: &str = crate::lang::fr::identity::LEADING_ARTICLES;

fn word_set(data: &'static str) -> HashSet<&'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect()
}

fn particles() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| word_set(NAME_PARTICLES))
}

fn acronym_skip() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| word_set(ACRONYM_SKIP))
}

fn leading_articles() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| word_set(LEADING_ARTICLES))
}

/// Links from stable entity ids to the ids `depeche identity` resolved them to (only the ids
/// that differ). Sinks apply them when loading, so re-loading after the pass keeps its ids.
pub type EntityLinks = std::collections::HashMap<String, String>;

/// Fills the entity id of positions loaded before the column existed, from their article's
/// actor of the same name (PostgreSQL and SQLite).
pub const BACKFILL_POSITIONS_SQL: [&str; 3] = [
    "UPDATE roles SET entity = (SELECT a.entity FROM actors a WHERE a.article_id = \
     roles.article_id AND a.name = roles.actor ORDER BY a.actor_idx LIMIT 1) WHERE entity IS \
     NULL",
    "UPDATE quotes SET entity = (SELECT a.entity FROM actors a WHERE a.article_id = \
     quotes.article_id AND a.name = quotes.actor ORDER BY a.actor_idx LIMIT 1) WHERE entity IS \
     NULL AND actor IS NOT NULL",
    "UPDATE stances SET entity = (SELECT a.entity FROM actors a WHERE a.article_id = \
     stances.article_id AND a.name = stances.actor ORDER BY a.actor_idx LIMIT 1) WHERE entity \
     IS NULL",
];

/// The rows the `entities` table is built from: article id, date, type, name, entity, by
/// article (PostgreSQL and SQLite).
pub const ENTITY_ROWS_SQL: &str = "SELECT a.article_id, ar.date, a.type, a.name, a.entity \
     FROM actors a JOIN articles ar ON ar.id = a.article_id ORDER BY a.article_id, a.actor_idx";

/// Thresholds of the pass.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Config {
    /// Least share of the competing articles (or pairings) the chosen full name must have.
    pub min_share: f64,
    /// Least number of articles of the full name a surname links to.
    pub min_articles: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_share: 0.8,
            min_articles: 2,
        }
    }
}

/// Why the pass failed.
#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    /// Reading or writing failed.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A line is not a record or error record.
    #[error("line {line}: not a depeche record: {source}")]
    Json {
        /// 1-based line number (over all inputs).
        line: u64,
        /// The parse error.
        #[source]
        source: serde_json::Error,
    },
}

type Key = (ActorType, String);

/// Number of words of a person key that are not particles.
fn substantive_words(key: &str) -> usize {
    key.split(' ').filter(|w| !particles().contains(w)).count()
}

/// The key two variants of one name share: spaces removed and, except for persons, a leading
/// article dropped.
fn variant_key(kind: ActorType, key: &str) -> String {
    let mut k = key;
    if kind != ActorType::Per {
        if let Some((first, rest)) = key.split_once(' ') {
            if leading_articles().contains(first) {
                k = rest;
            }
        }
    }
    k.replace(' ', "")
}

/// The initials of a name key: the first letter of each word (of each word not in the skip
/// list with `skip`), digits whole. `None` for fewer than two words.
fn initials(key: &str, skip: bool) -> Option<String> {
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        return None;
    }
    let mut out = String::new();
    for w in words {
        if skip && acronym_skip().contains(w) {
            continue;
        }
        if w.chars().all(|c| c.is_ascii_digit()) {
            out.push_str(w);
        } else {
            out.extend(w.chars().next());
        }
    }
    Some(out)
}

/// Whether `acr` (a key) is an acronym of `full` (a key): one word of 2 to 10 characters equal
/// to the initials of `full`'s words, all of them or those not in the skip list.
pub fn is_acronym_of(acr: &str, full: &str) -> bool {
    let n = acr.chars().count();
    if !(2..=10).contains(&n) || acr.contains(' ') || !acr.chars().any(char::is_alphabetic) {
        return false;
    }
    [false, true]
        .iter()
        .any(|&skip| initials(full, skip).is_some_and(|i| i == acr))
}

/// Pass-1 counts: articles per name key, acronym pairings.
#[derive(Debug, Default)]
pub struct Counts {
    keys: HashMap<Key, u32>,
    acronyms: HashMap<Key, HashMap<String, u32>>,
    /// Articles counted.
    pub articles: u64,
}

impl Counts {
    /// Count the actors of one article.
    pub fn add_article(&mut self, actors: &[Actor]) {
        self.articles += 1;
        let keys: Vec<String> = actors.iter().map(|a| name_key(&a.name)).collect();
        let mut seen: HashSet<(ActorType, &str)> = HashSet::new();
        let mut pairs: HashSet<(ActorType, String, &str)> = HashSet::new();
        for (a, key) in actors.iter().zip(&keys) {
            if key.is_empty() {
                continue;
            }
            if seen.insert((a.kind, key)) {
                *self.keys.entry((a.kind, key.clone())).or_default() += 1;
            }
            for m in &a.mentions {
                let mk = name_key(&m.span.text);
                if mk != *key && is_acronym_of(&mk, key) {
                    pairs.insert((a.kind, mk, key));
                }
            }
        }
        for (a, ka) in actors.iter().zip(&keys) {
            for (b, kb) in actors.iter().zip(&keys) {
                if a.kind == b.kind && ka != kb && is_acronym_of(ka, kb) {
                    pairs.insert((a.kind, ka.clone(), kb));
                }
            }
        }
        for (kind, acr, full) in pairs {
            *self
                .acronyms
                .entry((kind, acr))
                .or_default()
                .entry(full.to_string())
                .or_default() += 1;
        }
    }

    /// Distinct (type, name key) pairs counted.
    pub fn distinct_keys(&self) -> usize {
        self.keys.len()
    }

    /// Resolve the links.
    pub fn resolve(&self, cfg: &Config) -> Resolver {
        // Variants: group keys, pick the most used key of each group.
        let mut groups: HashMap<(ActorType, String), (u32, &str, u32)> = HashMap::new();
        for ((kind, key), &n) in &self.keys {
            let g = groups
                .entry((*kind, variant_key(*kind, key)))
                .or_insert((0, key.as_str(), 0));
            if n > g.0 || (n == g.0 && key.as_str() < g.1) {
                g.0 = n;
                g.1 = key.as_str();
            }
            g.2 += n;
        }
        let rep = |kind: ActorType, key: &str| -> (String, u32) {
            match groups.get(&(kind, variant_key(kind, key))) {
                Some(&(_, r, total)) => (r.to_string(), total),
                None => (key.to_string(), 0),
            }
        };
        // Surnames: index the full person names (representatives) by their surname forms.
        let mut by_surname: HashMap<String, HashMap<String, u32>> = HashMap::new();
        for ((kind, _), &(_, r, total)) in &groups {
            if *kind != ActorType::Per || substantive_words(r) < 2 {
                continue;
            }
            let words: Vec<&str> = r.split(' ').collect();
            for i in 1..words.len() {
                if particles().contains(words[i - 1]) {
                    continue;
                }
                let tail = words[i..].join(" ");
                if substantive_words(&tail) == 1 {
                    *by_surname
                        .entry(tail)
                        .or_default()
                        .entry(r.to_string())
                        .or_default() += total;
                }
            }
        }
        let dominant = |cands: &HashMap<String, u32>, min: u32| -> Option<String> {
            let total: u32 = cands.values().sum();
            let (best, &n) = cands
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
            (n >= min && f64::from(n) >= cfg.min_share * f64::from(total)).then(|| best.clone())
        };
        // The key each group's ids derive from: a fuller name's, or its representative's.
        let mut target_of: HashMap<(ActorType, &str), String> = HashMap::new();
        for ((kind, vkey), &(_, r, _)) in &groups {
            let linked = if *kind == ActorType::Per && substantive_words(r) == 1 {
                by_surname
                    .get(r)
                    .and_then(|c| dominant(c, cfg.min_articles))
            } else if let Some(c) = self.acronyms.get(&(*kind, r.to_string())) {
                let reps: HashMap<String, u32> =
                    c.iter().fold(HashMap::new(), |mut m, (full, &n)| {
                        *m.entry(rep(*kind, full).0).or_default() += n;
                        m
                    });
                dominant(&reps, 1).filter(|t| t != r)
            } else {
                None
            };
            target_of.insert(
                (*kind, vkey.as_str()),
                linked.unwrap_or_else(|| r.to_string()),
            );
        }
        let mut map: HashMap<Key, String> = HashMap::new();
        for (kind, key) in self.keys.keys() {
            let vkey = variant_key(*kind, key);
            if let Some(t) = target_of.get(&(*kind, vkey.as_str())) {
                if t != key {
                    map.insert((*kind, key.clone()), t.clone());
                }
            }
        }
        Resolver { map }
    }
}

/// The resolved links: (type, name key) -> the name key whose id it takes.
#[derive(Debug, Default, Clone)]
pub struct Resolver {
    map: HashMap<Key, String>,
}

impl Resolver {
    /// The entity id of an actor of type `kind` named `name`.
    pub fn entity(&self, kind: ActorType, name: &str) -> String {
        let key = (kind, name_key(name));
        let target = self.map.get(&key).unwrap_or(&key.1);
        entity_id_of_key(kind, target)
    }

    /// Number of name keys that take another key's id.
    pub fn linked_keys(&self) -> usize {
        self.map.len()
    }

    /// Set every actor's entity id (linked where the pass linked it) and its positions'.
    pub fn apply(&self, r: &mut Record) {
        for a in &mut r.actors {
            a.entity = self.entity(a.kind, &a.name);
        }
        r.sync_position_entities();
    }
}

/// One row of the `entities` table (and one line of the entities JSON Lines file).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRow {
    /// The entity id.
    pub id: String,
    /// The entity type.
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// Its name: the most used canonical name of the key the id derives from.
    pub name: String,
    /// Every canonical name records give it, with the number of articles using it.
    pub aliases: BTreeMap<String, u64>,
    /// Number of articles naming it.
    pub articles: u64,
    /// Least article date.
    pub first_date: Option<String>,
    /// Greatest article date.
    pub last_date: Option<String>,
}

#[derive(Debug)]
struct EntityAgg {
    kind: ActorType,
    names: HashMap<String, u64>,
    articles: u64,
    first: Option<String>,
    last: Option<String>,
}

/// Aggregates the `entities` rows over the rewritten records.
#[derive(Debug, Default)]
pub struct EntityTable {
    map: HashMap<String, EntityAgg>,
}

impl EntityTable {
    /// Add one article's actors: (type, canonical name, entity id) each.
    pub fn add_article<'a>(
        &mut self,
        date: Option<&str>,
        actors: impl IntoIterator<Item = (ActorType, &'a str, &'a str)>,
    ) {
        let mut seen_ids: HashSet<&str> = HashSet::new();
        let mut seen_names: HashSet<(&str, &str)> = HashSet::new();
        for (kind, name, id) in actors {
            let e = self.map.entry(id.to_string()).or_insert_with(|| EntityAgg {
                kind,
                names: HashMap::new(),
                articles: 0,
                first: None,
                last: None,
            });
            if seen_names.insert((id, name)) {
                *e.names.entry(name.to_string()).or_default() += 1;
            }
            if seen_ids.insert(id) {
                e.articles += 1;
                if let Some(d) = date {
                    if e.first.as_deref().is_none_or(|f| d < f) {
                        e.first = Some(d.to_string());
                    }
                    if e.last.as_deref().is_none_or(|l| d > l) {
                        e.last = Some(d.to_string());
                    }
                }
            }
        }
    }

    /// Add a record's actors.
    pub fn add_record(&mut self, r: &Record) {
        self.add_article(
            r.date.as_deref(),
            r.actors
                .iter()
                .map(|a| (a.kind, a.name.as_str(), a.entity.as_str())),
        );
    }

    /// The rows, by id. An entity's name is its most used alias whose stable id is the
    /// entity's own (the full form), else its most used alias.
    pub fn rows(self) -> Vec<EntityRow> {
        let mut rows: Vec<EntityRow> = self
            .map
            .into_iter()
            .map(|(id, e)| {
                let best = |own: bool| {
                    e.names
                        .iter()
                        .filter(|(n, _)| !own || entity_id_of_key(e.kind, &name_key(n)) == id)
                        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                        .map(|(n, _)| n.clone())
                };
                let name = best(true).or_else(|| best(false)).unwrap_or_default();
                EntityRow {
                    kind: e.kind,
                    name,
                    aliases: e.names.into_iter().collect(),
                    articles: e.articles,
                    first_date: e.first,
                    last_date: e.last,
                    id,
                }
            })
            .collect();
        rows.sort_by(|a, b| a.id.cmp(&b.id));
        rows
    }
}

/// The links sinks apply on load, from `entities` rows (id, type, aliases JSON): each alias
/// whose stable id differs from its entity's id maps to the entity's id.
pub fn links_from_entities(
    rows: impl IntoIterator<Item = (String, String, String)>,
) -> EntityLinks {
    let mut links = EntityLinks::new();
    for (id, kind, aliases) in rows {
        let Ok(kind) = serde_json::from_value::<ActorType>(serde_json::Value::String(kind)) else {
            continue;
        };
        let Ok(aliases) = serde_json::from_str::<BTreeMap<String, u64>>(&aliases) else {
            continue;
        };
        for name in aliases.keys() {
            let own = entity_id_of_key(kind, &name_key(name));
            if own != id {
                links.insert(own, id.clone());
            }
        }
    }
    links
}

/// What a run of the pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Articles (records) read.
    pub articles: u64,
    /// Distinct (type, name key) pairs.
    pub names: usize,
    /// Name keys linked to another key's id.
    pub linked: usize,
    /// Entities.
    pub entities: usize,
}

impl Summary {
    /// One line for stderr.
    pub fn line(&self) -> String {
        format!(
            "depeche identity: {} articles, {} distinct names, {} linked to a fuller name, {} entities",
            self.articles, self.names, self.linked, self.entities
        )
    }
}

fn parse_line(line: &str, n: u64) -> Result<Output, IdentityError> {
    serde_json::from_str(line).map_err(|source| IdentityError::Json { line: n, source })
}

/// The pass over JSON Lines records: `open` gives a fresh reader over all inputs (called
/// twice); records are written to `out` with linked ids (error records unchanged) and the
/// entities, one JSON object per line, to `entities` when given.
pub fn run_jsonl<R: BufRead>(
    mut open: impl FnMut() -> io::Result<R>,
    cfg: &Config,
    out: &mut dyn Write,
    entities: Option<&mut dyn Write>,
) -> Result<Summary, IdentityError> {
    let mut counts = Counts::default();
    let mut n = 0u64;
    for line in open()?.lines() {
        let line = line?;
        n += 1;
        if line.trim().is_empty() {
            continue;
        }
        if let Output::Record(r) = parse_line(&line, n)? {
            counts.add_article(&r.actors);
        }
    }
    let resolver = counts.resolve(cfg);
    let mut table = EntityTable::default();
    let mut n = 0u64;
    for line in open()?.lines() {
        let line = line?;
        n += 1;
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(&line, n)? {
            Output::Record(mut r) => {
                resolver.apply(&mut r);
                table.add_record(&r);
                serde_json::to_writer(&mut *out, &Output::Record(r)).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            }
            Output::Error(_) => {
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    let rows = table.rows();
    let summary = Summary {
        articles: counts.articles,
        names: counts.distinct_keys(),
        linked: resolver.linked_keys(),
        entities: rows.len(),
    };
    if let Some(w) = entities {
        for row in &rows {
            serde_json::to_writer(&mut *w, row).map_err(io::Error::from)?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests;
