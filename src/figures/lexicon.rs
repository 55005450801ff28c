//! Word lists for the figure rules, compared on folded keys (lowercase, no accents,
//! apostrophes as `'`, hyphens as `-`).

/// Words that may start a date rule.
pub const DATE_TRIGGERS: &[&str] = crate::lang::fr::figures::DATE_TRIGGERS;

/// Words that may start an amount rule (number words are added by their own test).
pub const AMOUNT_TRIGGERS: &[&str] = crate::lang::fr::figures::AMOUNT_TRIGGERS;

/// Month number of a folded month name or abbreviation ("fevrier", "fevr.", "sept.").
pub fn month(k: &str) -> Option<u8> {
    Some(match k {
        "janvier" | "janv." | "jan." => 1,
        "fevrier" | "fevr." | "fev." => 2,
        "mars" => 3,
        "avril" | "avr." => 4,
        "mai" => 5,
        "juin" => 6,
        "juillet" | "juil." => 7,
        "aout" => 8,
        "septembre" | "sept." => 9,
        "octobre" | "oct." => 10,
        "novembre" | "nov." => 11,
        "decembre" | "dec." => 12,
        _ => return None,
    })
}

/// Weekday of a folded weekday name: 0 = Monday ... 6 = Sunday.
pub fn weekday(k: &str) -> Option<u8> {
    Some(match k {
        "lundi" => 0,
        "mardi" => 1,
        "mercredi" => 2,
        "jeudi" => 3,
        "vendredi" => 4,
        "samedi" => 5,
        "dimanche" => 6,
        _ => return None,
    })
}

/// Grammatical words: articles, prepositions, pronouns, conjunctions, common auxiliaries.
/// A number followed by one of these has no counted noun.
#[inline]
pub fn is_function_word(k: &str) -> bool {
    crate::lang::fr::figures::has_function_words(k)
}

/// Units of measure, time and age: a number followed by one of these is a measure, a
/// duration or an age, not a count (and not a year).
#[inline]
pub fn is_measure_word(k: &str) -> bool {
    crate::lang::fr::figures::has_measure_words(k)
}

/// Qualifier phrases read backwards from the number: (words before the number, in text
/// order, and the qualifier).
pub const QUALIFIERS: &[(&[&str], crate::record::Qualifier)] = {
    use crate::record::Qualifier::*;
    &[
        (&["un", "peu", "plus", "de"], MoreThan),
        (&["un", "peu", "plus", "d'"], MoreThan),
        (&["un", "peu", "moins", "de"], LessThan),
        (&["un", "peu", "moins", "d'"], LessThan),
        (&["pas", "moins", "de"], AtLeast),
        (&["pas", "moins", "d'"], AtLeast),
        (&["pas", "plus", "de"], UpTo),
        (&["a", "peu", "pres"], Approximately),
        (&["de", "l'ordre", "de"], Approximately),
        (&["de", "l'ordre", "d'"], Approximately),
        (&["aux", "alentours", "de"], Approximately),
        (&["aux", "alentours", "d'"], Approximately),
        (&["plus", "ou", "moins"], Approximately),
        (&["au", "moins"], AtLeast),
        (&["au", "minimum"], AtLeast),
        (&["au", "bas", "mot"], AtLeast),
        (&["au", "plus"], UpTo),
        (&["au", "maximum"], UpTo),
        (&["jusqu'", "a"], UpTo),
        (&["jusqu'a"], UpTo),
        (&["au-dela", "de"], MoreThan),
        (&["au-dela", "d'"], MoreThan),
        (&["plus", "de"], MoreThan),
        (&["plus", "d'"], MoreThan),
        (&["moins", "de"], LessThan),
        (&["moins", "d'"], LessThan),
        (&["pres", "de"], Approximately),
        (&["pres", "d'"], Approximately),
        (&["autour", "de"], Approximately),
        (&["autour", "d'"], Approximately),
        (&["voire", "depasser"], MoreThan),
        (&["depasser"], MoreThan),
        (&["depasse"], MoreThan),
        (&["depassant"], MoreThan),
        (&["environ"], Approximately),
        (&["quelque"], Approximately),
        (&["approximativement"], Approximately),
        (&["quasiment"], Approximately),
        (&["presque"], Approximately),
        (&["pratiquement"], Approximately),
        (&["grosso", "modo"], Approximately),
        (&["env."], Approximately),
        (&["minimum"], AtLeast),
        (&["maximum"], UpTo),
        (&["superieur", "a"], MoreThan),
        (&["superieure", "a"], MoreThan),
        (&["inferieur", "a"], LessThan),
        (&["inferieure", "a"], LessThan),
    ]
};

/// Rate nouns after "par" ("par mois", "par habitant").
#[inline]
pub fn is_rate_noun(k: &str) -> bool {
    crate::lang::fr::figures::has_rate_nouns(k)
}

/// Adjectives that may stand between a number and its counted noun ("12 nouveaux cas").
#[inline]
pub fn is_pre_noun_adjective(k: &str) -> bool {
    crate::lang::fr::figures::has_pre_noun_adjectives(k)
}

/// Words that open a subordinate clause: a verb after them is not the verb of a date
/// before them, nor the reverse ("en septembre même s'il a ...", "celle de septembre qui ...").
/// "où" is told apart from "ou" on the raw text by the caller.
#[inline]
pub fn is_clause_opener(k: &str) -> bool {
    crate::lang::fr::figures::has_clause_openers(k)
}

/// Determiners: "dernier" or "prochain" after one of these qualifies the noun that follows
/// ("un dernier round", "la prochaine étape"), not a date.
#[inline]
pub fn is_determiner(k: &str) -> bool {
    crate::lang::fr::figures::has_amount_determiners(k)
}

/// Past participles of scheduling: a date right after one is planned, not past ("prévu
/// lundi", "reporté au 4 octobre", "programmée samedi").
pub fn is_scheduling_participle(k: &str) -> bool {
    let stem = k.trim_end_matches('s').trim_end_matches('e');
    matches!(
        stem,
        "prevu"
            | "programm"
            | "attendu"
            | "fix"
            | "report"
            | "repouss"
            | "decal"
            | "planifi"
            | "envisag"
            | "convoqu"
            | "ajourn"
    )
}

/// Nouns of money that take the currency of the amounts around them: "huit millions de
/// fonds propres", "3 milliards de recettes", "10 millions de dette".
#[inline]
pub fn is_money_noun(k: &str) -> bool {
    crate::lang::fr::figures::has_money_nouns(k)
}

/// Adjectives that also name people, so they can be the counted noun themselves: "2 100
/// jeunes se sont inscrits", "des milliers de pauvres".
#[inline]
pub fn is_substantive_adjective(k: &str) -> bool {
    crate::lang::fr::figures::has_substantive_adjectives(k)
}

/// Endings of demonyms ("Français", "Québécois", "Américains", "Italiens", "Espagnols"):
/// the only capitalised nouns counted after a number.
pub fn is_demonym_form(k: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ais", "aises", "ois", "oises", "ains", "aines", "iens", "iennes", "eens", "eennes",
        "ands", "andes", "ols", "oles", "ites", "ins", "ines", "ens", "ques", "ards",
    ];
    ENDINGS.iter().any(|e| k.ends_with(e))
}
