//! Gazetteers: lists of first names, surnames and country names (in French), embedded in the
//! binary, marked on tokens as model features.
//!
//! Sources (see the headers of `src/lang/fr/actors/*.txt`): Faker 40.54.0 (PyPI, MIT licence) for first names
//! and surnames; i18n-iso-countries 7.14.0 (npm, MIT licence) for French country names; the
//! project's own short lists of organisation cue nouns, titles that take a portfolio and the
//! words between a title and its portfolio.

use super::features::{lower_hash, tok_info, CaseStats, HashKeyMap, TokInfo};
use crate::text::tokenize::tokenize;

/// Gazetteer bits on a token.
pub mod bits {
    /// A known first name.
    pub const FIRST_NAME: u8 = 1;
    /// A known surname.
    pub const LAST_NAME: u8 = 2;
    /// First token of a country name.
    pub const COUNTRY_B: u8 = 4;
    /// Later token of a multi-token country name.
    pub const COUNTRY_I: u8 = 8;
    /// A noun that announces an organisation name ("groupe", "société", "ONG").
    pub const ORG_CUE: u8 = 16;
    /// A title that takes a portfolio ("ministre", "secrétaire").
    pub const TITLE: u8 = 32;
    /// A word between a title and its portfolio ("de", "l'", "chargé").
    pub const PORTFOLIO_LINK: u8 = 64;
}

const FIRST_NAMES: &str = crate::lang::fr::actors::FIRST_NAMES;
const LAST_NAMES: &str = crate::lang::fr::actors::LAST_NAMES;
const COUNTRIES: &str = crate::lang::fr::actors::COUNTRIES;
const ORG_CUES: &str = crate::lang::fr::actors::ORG_CUES;
const TITLES: &str = crate::lang::fr::actors::TITLES;
const PORTFOLIO_LINKS: &str = crate::lang::fr::actors::PORTFOLIO_LINKS;

/// The forms the press writes a country name in, the name first: without the accents of its
/// capitals ("Etats-Unis" for "États-Unis"), with a space for the hyphen before an elided
/// "de" ("X d'Y" for "X-d'Y"), and the short form of a republic's name ("Tanzanie" for
/// "République unie de Tanzanie").
#[inline(never)]
fn country_variants(name: &str) -> Vec<String> {
    let unaccented_caps: String = name
        .chars()
        .map(|c| match c {
            'É' | 'È' | 'Ê' => 'E',
            'À' | 'Â' => 'A',
            'Î' | 'Ï' => 'I',
            'Ô' => 'O',
            'Û' | 'Ù' => 'U',
            'Ç' => 'C',
            c => c,
        })
        .collect();
    let mut out = vec![name.to_string(), unaccented_caps];
    for i in 0..2 {
        if out[i].contains("-d'") {
            out.push(out[i].replace("-d'", " d'"));
        }
    }
    // "République [adjective] du|de la|de l'|de X" with X one word.
    if let Some(rest) = name.strip_prefix("République ") {
        let short = [" du ", " de la ", " de l'", " de "]
            .iter()
            .chain(["du ", "de la ", "de l'", "de "].iter())
            .find_map(|link| rest.find(link).map(|at| &rest[at + link.len()..]));
        if let Some(x) = short.filter(|x| !x.is_empty() && !x.contains(' ')) {
            out.push(x.to_string());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The compiled gazetteers.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    single: HashKeyMap<u8>,
    /// Multi-token phrases by the hash of their first token: the hashes of the later tokens.
    phrases: HashKeyMap<Vec<Vec<u64>>>,
}

fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    /// Fill `infos` with the token infos of one sentence (cleared first), gazetteer bits
    /// included.
    pub fn sentence_infos<'s, I>(&self, tokens: I, stats: &CaseStats, infos: &mut Vec<TokInfo>)
    where
        I: IntoIterator<Item = &'s str>,
    {
        infos.clear();
        for t in tokens {
            infos.push(tok_info(t, stats));
        }
        self.mark(infos);
    }

    /// The built-in gazetteers.
    // Built once per model: kept out of line, away from the hot paths' inlining.
    #[inline(never)]
    pub fn builtin() -> Self {
        let mut g = Gazetteer::default();
        for n in entries(FIRST_NAMES) {
            g.add_single(n, bits::FIRST_NAME);
        }
        for n in entries(LAST_NAMES) {
            g.add_single(n, bits::LAST_NAME);
        }
        for n in entries(COUNTRIES) {
            for v in country_variants(n) {
                g.add_phrase(&v, bits::COUNTRY_B);
            }
        }
        // The acronym of a country that the common pairs spell out ("rdc").
        let folded: std::collections::HashSet<String> = entries(COUNTRIES)
            .map(crate::text::normalize::fold_key)
            .collect();
        for (acronym, expansion) in crate::lang::fr::actors::KNOWN_ACRONYMS {
            if folded.contains(*expansion) {
                g.add_single(acronym, bits::COUNTRY_B);
            }
        }
        for n in entries(ORG_CUES) {
            g.add_single(n, bits::ORG_CUE);
        }
        for n in entries(TITLES) {
            g.add_single(n, bits::TITLE);
        }
        for n in entries(PORTFOLIO_LINKS) {
            g.add_single(n, bits::PORTFOLIO_LINK);
        }
        g
    }

    /// Whether the single word `word` carries the gazetteer bit `bit` ([`bits`]).
    pub fn has(&self, word: &str, bit: u8) -> bool {
        self.single
            .get(&(lower_hash(word) as u32))
            .is_some_and(|b| b & bit != 0)
    }

    fn add_single(&mut self, name: &str, bit: u8) {
        *self.single.entry(lower_hash(name) as u32).or_insert(0) |= bit;
    }

    fn add_phrase(&mut self, name: &str, bit: u8) {
        let toks = tokenize(name);
        if toks.len() == 1 {
            self.add_single(name, bit);
            return;
        }
        let hashes: Vec<u64> = toks.iter().map(|t| lower_hash(t.text(name))).collect();
        self.phrases
            .entry(hashes[0] as u32)
            .or_default()
            .push(hashes[1..].to_vec());
    }

    /// Set the gazetteer bits of a sentence's token infos.
    pub fn mark(&self, infos: &mut [TokInfo]) {
        let mut i = 0;
        while i < infos.len() {
            let key = infos[i].lower as u32;
            infos[i].gaz = self.single.get(&key).copied().unwrap_or(0);
            if let Some(list) = self.phrases.get(&key) {
                let best = list
                    .iter()
                    .filter(|rest| {
                        i + rest.len() < infos.len()
                            && rest
                                .iter()
                                .enumerate()
                                .all(|(k, &h)| infos[i + 1 + k].lower == h)
                    })
                    .map(|rest| rest.len())
                    .max();
                if let Some(n) = best {
                    infos[i].gaz |= bits::COUNTRY_B;
                    for k in 1..=n {
                        let key = infos[i + k].lower as u32;
                        infos[i + k].gaz =
                            self.single.get(&key).copied().unwrap_or(0) | bits::COUNTRY_I;
                    }
                    i += n + 1;
                    continue;
                }
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn country_names_in_the_forms_the_press_writes() {
        let v = |n: &str| super::country_variants(n);
        assert_eq!(v("États-Unis"), ["Etats-Unis", "États-Unis"]);
        assert_eq!(v("Vetra-d'Oise"), ["Vetra d'Oise", "Vetra-d'Oise"]);
        assert_eq!(
            v("République démocratique du Vetra"),
            ["République démocratique du Vetra", "Vetra"]
        );
        assert_eq!(v("Valmorie"), ["Valmorie"]);
        let g = Gazetteer::builtin();
        // A short form and a known acronym of an ISO name.
        assert!(g.has("Tanzanie", bits::COUNTRY_B));
        assert!(g.has("USA", bits::COUNTRY_B));
        assert!(!g.has("Vetra", bits::COUNTRY_B));
    }

    use super::*;
    use crate::actors::features::{tok_info, CaseStats};

    fn marks(words: &[&str]) -> Vec<u8> {
        let s = CaseStats::default();
        let mut infos: Vec<TokInfo> = words.iter().map(|w| tok_info(w, &s)).collect();
        Gazetteer::builtin().mark(&mut infos);
        infos.iter().map(|i| i.gaz).collect()
    }

    #[test]
    fn marks_countries_and_names() {
        let m = marks(&["La", "Corée", "du", "Sud", "et", "la", "France"]);
        assert_eq!(m[1] & bits::COUNTRY_B, bits::COUNTRY_B);
        assert_eq!(m[2] & bits::COUNTRY_I, bits::COUNTRY_I);
        assert_eq!(m[3] & bits::COUNTRY_I, bits::COUNTRY_I);
        assert_eq!(m[4] & (bits::COUNTRY_B | bits::COUNTRY_I), 0);
        assert_eq!(m[6] & bits::COUNTRY_B, bits::COUNTRY_B);
        let m = marks(&["la", "société", "Zorblax", "et", "le", "ministre"]);
        assert_eq!(m[1] & bits::ORG_CUE, bits::ORG_CUE);
        assert_eq!(m[2], 0);
        assert_eq!(m[5] & bits::TITLE, bits::TITLE);
        assert_eq!(m[0] & bits::PORTFOLIO_LINK, bits::PORTFOLIO_LINK);
        let m = marks(&["Nicolas", "parle"]);
        assert_eq!(m[0] & bits::FIRST_NAME, bits::FIRST_NAME);
        assert_eq!(m[1], 0);
    }
}
