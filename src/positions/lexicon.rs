//! The French lexicons of the positions stage, built once from the text files under
//! `src/lang/fr/positions/`: reporting verbs (all inflected forms), titles (with feminine and plural forms),
//! nationality adjectives, and stance cues. Keys are folded with [`fold_key`] (lowercase, no
//! accents, apostrophes unified), so lookups are accent- and case-insensitive.

use super::conjugate::{parse_line, FormKind};
use crate::record::Polarity;
use crate::text::normalize::fold_key;
use crate::text::tokenize::tokenize;
// FNV: short keys looked up once per token; no stored format depends on the hash.
use fnv::FnvHashMap as HashMap;

const REPORTING: &str = crate::lang::fr::positions::REPORTING_VERBS;
const TITLES: &str = crate::lang::fr::positions::TITLES;
const TITLES_NEWS: &str = crate::lang::fr::positions::TITLES_NEWS;
const NOT_TITLES: &str = crate::lang::fr::positions::NOT_TITLES;
const PERSON_NOUNS: &str = crate::lang::fr::positions::PERSON_NOUNS;
const FIRST_NAMES: &str = crate::lang::fr::positions::FIRST_NAME_GENDERS;
const NATIONALITIES: &str = crate::lang::fr::positions::NATIONALITIES;
const STANCES: &str = crate::lang::fr::positions::STANCE_CUES;

/// A verb form found in the text: which lemma and which shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerbForm {
    /// Index of the lemma in its lexicon.
    pub lemma: u32,
    /// Bit set of the shapes this spelling has ("dit" is a participle and a finite form).
    pub kinds: u8,
}

impl VerbForm {
    /// True when the spelling can have shape `k`.
    #[inline]
    pub fn has(&self, k: FormKind) -> bool {
        self.kinds & kind_bit(k) != 0
    }
}

fn kind_bit(k: FormKind) -> u8 {
    match k {
        FormKind::Participle => 1,
        FormKind::Finite => 2,
        FormKind::Infinitive => 4,
        FormKind::PresentParticiple => 8,
    }
}

/// Insert verb forms into a table, merging the shapes of identical spellings.
fn insert_forms(table: &mut PhraseTable<VerbForm>, lemma: u32, forms: Vec<(String, FormKind)>) {
    let mut merged: Vec<(Vec<String>, u8)> = Vec::new();
    for (form, kind) in forms {
        let keys = lower_keys(&form);
        match merged.iter_mut().find(|(k, _)| *k == keys) {
            Some((_, bits)) => *bits |= kind_bit(kind),
            None => merged.push((keys, kind_bit(kind))),
        }
    }
    for (keys, kinds) in merged {
        table.insert(keys, VerbForm { lemma, kinds });
    }
}

/// Multi-token phrases keyed by their first folded token, longest first.
#[derive(Debug)]
pub struct PhraseTable<T> {
    map: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            map: HashMap::default(),
        }
    }
}

impl<T> PhraseTable<T> {
    /// Add a phrase given as folded token keys.
    pub fn insert(&mut self, keys: Vec<String>, value: T) {
        if keys.is_empty() {
            return;
        }
        let first = keys[0].clone();
        let rest = keys[1..].to_vec();
        let v = self.map.entry(first).or_default();
        if v.iter().any(|(r, _)| *r == rest) {
            return;
        }
        v.push((rest, value));
        v.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
    }

    /// The longest phrase starting at token `i`: its length in tokens and its value.
    pub fn longest<'k>(
        &self,
        key: impl Fn(usize) -> Option<&'k str>,
        i: usize,
    ) -> Option<(usize, &T)> {
        let first = key(i)?;
        let cands = self.map.get(first)?;
        'outer: for (rest, v) in cands {
            for (k, w) in rest.iter().enumerate() {
                match key(i + 1 + k) {
                    Some(t) if t == w => {}
                    _ => continue 'outer,
                }
            }
            return Some((rest.len() + 1, v));
        }
        None
    }
}

/// Folded token keys of a lexicon phrase, tokenized like article text.
pub fn phrase_keys(s: &str) -> Vec<String> {
    tokenize(s).iter().map(|t| fold_key(t.text(s))).collect()
}

/// Lowercase token keys that keep accents (verb forms: "déclaré" is not "déclare").
pub fn lower_keys(s: &str) -> Vec<String> {
    tokenize(s)
        .iter()
        .map(|t| {
            let mut k = String::new();
            lower_key_into(t.text(s), &mut k);
            k
        })
        .collect()
}

pub use crate::text::normalize::lower_key_into;

/// What a title entry says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleInfo {
    /// Canonical key of the title (masculine singular, folded), for matching holders.
    pub key: String,
    /// The form is feminine.
    pub feminine: bool,
    /// The form is plural.
    pub plural: bool,
    /// The title takes a portfolio ("ministre de l'Agriculture").
    pub portfolio: bool,
    /// The form ends in an accented "é" ("député"): "jugé" is not "juge".
    pub accented_end: bool,
}

/// The word ends in "é", "ée", "és" or "ées" (a participle ending, or a noun like
/// "député"): keys fold accents away, so this tells "jugé" from "juge".
pub fn ends_accented(w: &str) -> bool {
    let w = w.trim_end_matches('s');
    w.ends_with('é') || w.ends_with("ée")
}

/// A stance cue lemma.
#[derive(Clone, Debug)]
pub struct StanceCue {
    /// For or against.
    pub polarity: Polarity,
    /// Pronominal verb ("s'opposer").
    pub pronominal: bool,
    /// The cue counts only when negated ("n'a pas signé").
    pub negated_only: bool,
    /// The cue counts only when affirmative: "n'a pas promis" is no stance against.
    pub affirmative_only: bool,
    /// Folded particles that must follow the verb ("a", "contre", "en faveur de"); empty when
    /// the target follows directly.
    pub particles: Vec<Vec<String>>,
    /// The verb takes a direct object before its particle ("appeler le gouvernement à").
    pub object_first: bool,
    /// The lemma as written in the data file: cues that share it share their forms
    /// ("voter contre", "voter pour").
    pub lemma: String,
}

/// A stance adjective ("opposé à", "partisan de").
#[derive(Clone, Debug)]
pub struct StanceAdjective {
    /// For or against.
    pub polarity: Polarity,
    /// Lowercase particles before the target ("à", "de").
    pub particles: Vec<Vec<String>>,
}

/// All lexicons of the stage.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Reporting verb forms (single or multi-token).
    pub reporting: PhraseTable<VerbForm>,
    /// Pronominal flag per reporting lemma.
    pub reporting_pronominal: Vec<bool>,
    /// Per reporting lemma: its reflexive use reports nothing ("s'y ajoute";
    /// `reflexive_not_reporting.words`).
    pub reporting_reflexive_off: Vec<bool>,
    /// Titles (hand-written and grown from news).
    pub titles: PhraseTable<TitleInfo>,
    /// Folded words never taken as titles when growing the lexicon from news.
    pub not_titles: std::collections::HashSet<String>,
    /// Nouns standing for a person already named ("la jeune femme"): folded word ->
    /// feminine (`None` when either).
    pub person_nouns: HashMap<String, Option<bool>>,
    /// Folded first name -> feminine; `None` when two spellings that fold alike disagree.
    pub first_names: HashMap<String, Option<bool>>,
    /// Folded titles that come from `titles_news.txt` (grown, not hand-written).
    pub grown_titles: std::collections::HashSet<String>,
    /// Nationality adjective (folded, any gender/number) -> country.
    pub nationalities: HashMap<String, String>,
    /// Stance verb forms.
    pub stance: PhraseTable<VerbForm>,
    /// Stance cues by lemma index.
    pub stance_cues: Vec<StanceCue>,
    /// Stance adjectives.
    pub stance_adjectives: Vec<StanceAdjective>,
    /// Folded form -> index in `stance_adjectives`.
    pub stance_adjective_forms: HashMap<String, usize>,
}

/// Lines of a lexicon file without comments and blank lines.
fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// Plural of a title: pluralise words up to the first connector ("secrétaires d'État",
/// "directeurs généraux"); hyphenated compounds pluralise their last part.
fn plural(title: &str) -> String {
    let mut out = Vec::new();
    let mut connected = false;
    for w in title.split(' ') {
        if connected
            || matches!(w, "de" | "du" | "des" | "la" | "au" | "et" | "aux")
            || w.contains('\'')
        {
            connected = true;
            out.push(w.to_string());
            continue;
        }
        let p = if w.ends_with('s')
            || w.ends_with('x')
            || w.ends_with("parole")
            || w == "pdg"
            || w == "ceo"
            || w == "p-dg"
        {
            w.to_string()
        } else if let Some(s) = w.strip_suffix("al") {
            format!("{s}aux")
        } else if w == "numéro" || w == "un" || w == "deux" {
            w.to_string()
        } else {
            format!("{w}s")
        };
        out.push(p);
    }
    out.join(" ")
}

/// Feminine of a nationality adjective: +e unless it ends in e.
fn feminine_adj(m: &str) -> String {
    if m.ends_with('e') || m.ends_with('è') {
        m.to_string()
    } else {
        format!("{m}e")
    }
}

fn plural_word(w: &str) -> String {
    if w.ends_with('s') || w.ends_with('x') {
        w.to_string()
    } else {
        format!("{w}s")
    }
}

impl Lexicon {
    /// Build all lexicons from the embedded files. Panics only on a malformed embedded file,
    /// which the unit tests rule out.
    pub fn new() -> Self {
        let mut lx = Lexicon::default();
        for line in lines(REPORTING) {
            let e = parse_line(line).unwrap_or_else(|err| panic!("reporting_verbs.txt: {err}"));
            let id = lx.reporting_pronominal.len() as u32;
            lx.reporting_pronominal.push(e.pronominal);
            lx.reporting_reflexive_off.push(
                !e.pronominal && crate::lang::fr::positions::has_reflexive_not_reporting(&e.lemma),
            );
            insert_forms(&mut lx.reporting, id, e.forms);
        }
        for line in lines(TITLES) {
            let (body, portfolio) = match line.strip_suffix("+P") {
                Some(b) => (b.trim(), true),
                None => (line, false),
            };
            let (m, f) = match body.split_once('/') {
                Some((m, f)) => (m.trim(), Some(f.trim())),
                None => (body, None),
            };
            let key = phrase_keys(m).join(" ");
            let mut add = |form: &str, feminine: bool, plural: bool| {
                lx.titles.insert(
                    phrase_keys(form),
                    TitleInfo {
                        key: key.clone(),
                        feminine,
                        plural,
                        portfolio,
                        accented_end: ends_accented(form),
                    },
                );
            };
            add(m, false, false);
            add(&plural(m), false, true);
            if let Some(f) = f {
                add(f, true, false);
                add(&plural(f), true, true);
            }
        }
        for line in lines(FIRST_NAMES) {
            let Some((n, g)) = line.split_once('\t') else {
                panic!("first_name_genders.txt: no gender in {line:?}");
            };
            let fem = g.trim() == "f";
            lx.first_names
                .entry(fold_key(n))
                .and_modify(|v| {
                    if *v != Some(fem) {
                        *v = None;
                    }
                })
                .or_insert(Some(fem));
        }
        for line in lines(PERSON_NOUNS) {
            let (w, g) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("person_nouns.txt: no gender in {line:?}"));
            let fem = match g.trim() {
                "f" => Some(true),
                "m" => Some(false),
                _ => None,
            };
            lx.person_nouns.insert(fold_key(w), fem);
            lx.person_nouns.insert(fold_key(&plural_word(w)), fem);
        }
        for w in lines(NOT_TITLES) {
            lx.not_titles.insert(fold_key(w));
        }
        for line in lines(TITLES_NEWS) {
            let mut cols = line.split('\t');
            let (Some(w), Some(g)) = (cols.next(), cols.next()) else {
                panic!("titles_news.txt: need word and gender in {line:?}");
            };
            if lx.not_titles.contains(&fold_key(w)) {
                continue;
            }
            let info = |plural: bool| TitleInfo {
                key: phrase_keys(w).join(" "),
                feminine: g.trim() == "f",
                plural,
                portfolio: false,
                accented_end: ends_accented(w),
            };
            lx.grown_titles.insert(fold_key(w));
            lx.titles.insert(phrase_keys(w), info(false));
            lx.titles.insert(phrase_keys(&plural(w)), info(true));
        }
        for line in lines(NATIONALITIES) {
            let Some((adj, country)) = line.split_once('|') else {
                panic!("nationalities.txt: no country in {line:?}");
            };
            let (m, f) = match adj.split_once('/') {
                Some((m, f)) => (m.to_string(), f.to_string()),
                None => (adj.to_string(), feminine_adj(adj)),
            };
            for form in [plural_word(&m), plural_word(&f), m, f] {
                lx.nationalities
                    .insert(fold_key(&form), country.trim().to_string());
            }
        }
        for line in lines(STANCES) {
            let mut cols = line.split('\t');
            let (Some(pol), Some(verb), Some(parts)) = (cols.next(), cols.next(), cols.next())
            else {
                panic!("stance_cues.txt: need three tab-separated columns in {line:?}");
            };
            let negated_only = pol.trim() == "against-neg";
            let affirmative_only = pol.trim() == "for-pos";
            let polarity = match pol.trim() {
                "for" | "for-pos" => Polarity::For,
                "against" | "against-neg" => Polarity::Against,
                other => panic!("stance_cues.txt: bad polarity {other:?}"),
            };
            let e = parse_line(verb.trim()).unwrap_or_else(|err| panic!("stance_cues.txt: {err}"));
            let particles = if parts.trim() == "-" {
                Vec::new()
            } else {
                parts.split('|').map(|p| lower_keys(p.trim())).collect()
            };
            let object_first = match cols.next().map(str::trim) {
                None | Some("") => false,
                Some("obj") => true,
                Some(other) => panic!("stance_cues.txt: bad fourth column {other:?}"),
            };
            let id = lx.stance_cues.len() as u32;
            lx.stance_cues.push(StanceCue {
                polarity,
                negated_only,
                affirmative_only,
                pronominal: e.pronominal,
                particles,
                object_first,
                lemma: verb.split('|').next().unwrap_or("").trim().to_string(),
            });
            insert_forms(&mut lx.stance, id, e.forms);
        }
        for line in lines(crate::lang::fr::positions::STANCE_ADJECTIVES) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [pol, forms, parts] = cols[..] else {
                panic!("stance_adjectives.txt: need three tab-separated columns in {line:?}");
            };
            let polarity = match pol {
                "for" => Polarity::For,
                "against" => Polarity::Against,
                other => panic!("stance_adjectives.txt: bad polarity {other:?}"),
            };
            for f in forms.split(',') {
                lx.stance_adjective_forms
                    .insert(fold_key(f.trim()), lx.stance_adjectives.len());
            }
            lx.stance_adjectives.push(StanceAdjective {
                polarity,
                particles: parts.split('|').map(|p| lower_keys(p.trim())).collect(),
            });
        }
        lx
    }

    /// Number of distinct single- or multi-token reporting forms.
    #[cfg(test)]
    pub fn reporting_form_count(&self) -> usize {
        self.reporting.map.values().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup<'a, T>(t: &'a PhraseTable<T>, s: &str) -> Option<(usize, &'a T)> {
        let keys = phrase_keys(s);
        t.longest(|i| keys.get(i).map(String::as_str), 0)
    }

    fn lookup_lower<'a, T>(t: &'a PhraseTable<T>, s: &str) -> Option<(usize, &'a T)> {
        let keys = lower_keys(s);
        t.longest(|i| keys.get(i).map(String::as_str), 0)
    }

    #[test]
    fn reporting_forms_are_many_and_found() {
        let lx = Lexicon::new();
        assert!(
            lx.reporting_form_count() > 3000,
            "{}",
            lx.reporting_form_count()
        );
        for (form, kind) in [
            ("déclaré", FormKind::Participle),
            ("affirmée", FormKind::Participle),
            ("estime", FormKind::Finite),
            ("expliquait", FormKind::Finite),
            ("martèle", FormKind::Finite),
            ("prévient", FormKind::Finite),
            ("soulignant", FormKind::PresentParticiple),
            ("dit", FormKind::Participle),
            ("dit", FormKind::Finite),
            ("écrit", FormKind::Finite),
            ("rappellent", FormKind::Finite),
            ("ajoutera", FormKind::Finite),
            ("préciser", FormKind::Infinitive),
            ("reconnaît", FormKind::Finite),
        ] {
            let (n, v) = lookup_lower(&lx.reporting, form).unwrap_or_else(|| panic!("{form}"));
            assert_eq!(n, 1);
            assert!(v.has(kind), "{form}");
        }
        assert_eq!(
            lookup_lower(&lx.reporting, "mis en garde").map(|x| x.0),
            Some(3)
        );
        assert!(lookup_lower(&lx.reporting, "maison").is_none());
    }

    #[test]
    fn titles_cover_gender_number_and_compounds() {
        let lx = Lexicon::new();
        for (s, len, key, fem, pl) in [
            ("présidente", 1, "president", true, false),
            ("vice-présidents", 1, "vice-president", false, true),
            ("Premier ministre", 2, "premier ministre", false, false),
            (
                "vice-Premier ministre",
                2,
                "vice-premier ministre",
                false,
                false,
            ),
            ("secrétaire d'État", 3, "secretaire d' etat", false, false),
            ("directrice générale", 2, "directeur general", true, false),
            ("directeurs généraux", 2, "directeur general", false, true),
            (
                "président-directeur général",
                2,
                "president-directeur general",
                false,
                false,
            ),
            (
                "Président de la République",
                4,
                "president de la republique",
                false,
                false,
            ),
            ("porte-parole", 1, "porte-parole", false, false),
            ("PDG", 1, "pdg", false, false),
            ("co-fondateur", 1, "co-fondateur", false, false),
            ("sénatrice", 1, "senateur", true, false),
        ] {
            let (n, t) = lookup(&lx.titles, s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(
                (n, t.key.as_str(), t.feminine, t.plural),
                (len, key, fem, pl),
                "{s}"
            );
        }
        assert!(lookup(&lx.titles, "ministre").unwrap().1.portfolio);
    }

    #[test]
    fn nationalities_map_all_forms() {
        let lx = Lexicon::new();
        for (adj, country) in [
            ("américain", "États-Unis"),
            ("américaines", "États-Unis"),
            ("chinois", "Chine"),
            ("allemande", "Allemagne"),
            ("britanniques", "Royaume-Uni"),
            ("grecque", "Grèce"),
            ("italienne", "Italie"),
            ("Française", "France"),
        ] {
            assert_eq!(
                lx.nationalities.get(&fold_key(adj)).map(String::as_str),
                Some(country),
                "{adj}"
            );
        }
    }

    #[test]
    fn stance_cues_parse() {
        let lx = Lexicon::new();
        let (_, v) = lookup_lower(&lx.stance, "oppose").unwrap();
        let cue = &lx.stance_cues[v.lemma as usize];
        assert_eq!(cue.polarity, Polarity::Against);
        assert!(cue.pronominal);
        assert_eq!(cue.particles[0], vec!["à".to_string()]);
        let (_, v) = lookup_lower(&lx.stance, "soutient").unwrap();
        assert_eq!(lx.stance_cues[v.lemma as usize].polarity, Polarity::For);
    }
}
