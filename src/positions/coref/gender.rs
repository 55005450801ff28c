//! The gender a first name suggests.

use crate::positions::lexicon::Lexicon;
use crate::text::normalize::fold_key;

/// Men's first names that end like women's ("-e", "-a").
const MALE_E_A: &[&str] = crate::lang::fr::positions::MALE_E_A;

/// Names worn by women and men alike.
const EPICENE: &[&str] = crate::lang::fr::positions::EPICENE_TITLES;

/// Gender suggested by a person's first name: the curated exceptions below, then the
/// gendered first-name list (`src/lang/fr/positions/first_name_genders.txt`, from Faker's providers);
/// "Jean-..." compounds are men's. Names the list does not know, or knows as both, give
/// `None`: an ending rule ("-a" is feminine) fails on many names of world news.
pub fn first_name_gender(lex: &Lexicon, name: &str) -> Option<bool> {
    let first = name.split_whitespace().next()?;
    if name.split_whitespace().count() < 2 || first.ends_with('.') {
        return None;
    }
    let f = fold_key(first);
    if f.starts_with("jean-") || f.starts_with("jean") && f.len() == 4 {
        return Some(false);
    }
    if EPICENE.contains(&f.as_str()) || f.chars().count() < 3 {
        return None;
    }
    if MALE_E_A.contains(&f.as_str()) {
        return Some(false);
    }
    if FEMALE_OTHER.contains(&f.as_str()) {
        return Some(true);
    }
    lex.first_names.get(&f).copied().flatten()
}

/// Women's first names that end in a consonant or "o".
const FEMALE_OTHER: &[&str] = crate::lang::fr::positions::FEMALE_OTHER;
