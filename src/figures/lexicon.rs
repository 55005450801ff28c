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
pub fn is_function_word(k: &str) -> bool {
    matches!(
        k,
        "le" | "la"
            | "les"
            | "l'"
            | "un"
            | "une"
            | "des"
            | "du"
            | "de"
            | "d'"
            | "au"
            | "aux"
            | "a"
            | "en"
            | "et"
            | "ou"
            | "ni"
            | "mais"
            | "donc"
            | "or"
            | "car"
            | "que"
            | "qu'"
            | "qui"
            | "quoi"
            | "dont"
            | "ou'"
            | "par"
            | "pour"
            | "sur"
            | "sous"
            | "dans"
            | "avec"
            | "sans"
            | "chez"
            | "entre"
            | "vers"
            | "contre"
            | "selon"
            | "depuis"
            | "pendant"
            | "avant"
            | "apres"
            | "lors"
            | "dès"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "on"
            | "nous"
            | "vous"
            | "je"
            | "tu"
            | "se"
            | "s'"
            | "ce"
            | "c'"
            | "cet"
            | "cette"
            | "ces"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "y"
            | "ne"
            | "n'"
            | "pas"
            | "plus"
            | "moins"
            | "tres"
            | "est"
            | "sont"
            | "etait"
            | "ont"
            | "avait"
            | "sera"
            | "fut"
            | "ete"
            | "soit"
            | "alors"
            | "puis"
            | "encore"
            | "deja"
            | "aussi"
            | "comme"
            | "si"
            | "lorsque"
            | "quand"
            | "tandis"
            | "contre."
            | "environ"
            | "seulement"
            | "jusqu'"
            | "jusqu'a"
            | "via"
            | "parmi"
            | "outre"
            | "hors"
            | "tous"
            | "toutes"
            | "tout"
            | "toute"
            | "meme"
            | "voire"
            | "soient"
            | "avaient"
            | "etaient"
            | "seront"
            | "ont-ils"
    )
}

/// Units of measure, time and age: a number followed by one of these is a measure, a
/// duration or an age, not a count (and not a year).
pub fn is_measure_word(k: &str) -> bool {
    matches!(
        k,
        "an" | "ans"
            | "annee"
            | "annees"
            | "mois"
            | "semaine"
            | "semaines"
            | "jour"
            | "jours"
            | "journee"
            | "journees"
            | "nuit"
            | "nuits"
            | "heure"
            | "heures"
            | "h"
            | "minute"
            | "minutes"
            | "min"
            | "mn"
            | "seconde"
            | "secondes"
            | "s"
            | "siecle"
            | "siecles"
            | "decennie"
            | "decennies"
            | "millenaire"
            | "trimestre"
            | "trimestres"
            | "semestre"
            | "semestres"
            | "km"
            | "kilometre"
            | "kilometres"
            | "km/h"
            | "km2"
            | "m"
            | "metre"
            | "metres"
            | "m2"
            | "m3"
            | "m²"
            | "cm"
            | "mm"
            | "centimetre"
            | "centimetres"
            | "millimetre"
            | "millimetres"
            | "kg"
            | "kilo"
            | "kilos"
            | "kilogramme"
            | "kilogrammes"
            | "g"
            | "gramme"
            | "grammes"
            | "mg"
            | "l"
            | "litre"
            | "litres"
            | "cl"
            | "ml"
            | "hectare"
            | "hectares"
            | "ha"
            | "degre"
            | "degres"
            | "°"
            | "°c"
            | "mw"
            | "gw"
            | "kw"
            | "kwh"
            | "mwh"
            | "twh"
            | "gwh"
            | "watts"
            | "volts"
            | "pieds"
            | "miles"
            | "noeuds"
            | "ko"
            | "mo"
            | "go"
            | "to"
            | "hz"
            | "ghz"
            | "mhz"
            | "pixels"
            | "etage"
            | "etages"
            | "rue"
            | "avenue"
            | "boulevard"
            | "bd"
            | "place"
            | "allee"
            | "chemin"
            | "route"
            | "quai"
            | "impasse"
            | "cours"
            | "fois"
            | "reprises"
            | "heures."
            | "ans."
            | "ch"
            | "cv"
            | "chevaux"
            | "nm"
            | "pouces"
            | "carats"
            | "bars"
            | "mph"
            | "noeud"
            | "tours/min"
            | "octets"
            | "mah"
            | "mbit/s"
            | "ppm"
            | "dixiemes"
            | "centiemes"
            | "tiers"
            | "quarts"
            | "millieme"
            | "milliemes"
            | "cylindres"
            | "soupapes"
            | "trs"
            | "tr/min"
            | "years"
            | "days"
            | "months"
            | "hours"
            | "minutes."
    )
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
pub fn is_rate_noun(k: &str) -> bool {
    matches!(
        k,
        "an" | "annee"
            | "mois"
            | "semaine"
            | "jour"
            | "heure"
            | "habitant"
            | "personne"
            | "tete"
            | "salarie"
            | "eleve"
            | "menage"
            | "foyer"
            | "famille"
            | "enfant"
            | "patient"
            | "mineur"
            | "adulte"
            | "litre"
            | "kilo"
            | "kilogramme"
            | "tonne"
            | "baril"
            | "action"
            | "titre"
            | "victime"
            | "employe"
            | "agent"
            | "foyer."
            | "tranche"
            | "contribuable"
            | "kilometre"
            | "nuit"
            | "nuitee"
            | "trimestre"
            | "semestre"
            | "unite"
            | "passager"
            | "visiteur"
            | "jour."
            | "an."
            | "mois."
    )
}

/// Adjectives that may stand between a number and its counted noun ("12 nouveaux cas").
pub fn is_pre_noun_adjective(k: &str) -> bool {
    matches!(
        k,
        "nouveaux"
            | "nouvelles"
            | "nouveau"
            | "nouvelle"
            | "autres"
            | "premiers"
            | "premieres"
            | "derniers"
            | "dernieres"
            | "grands"
            | "grandes"
            | "petits"
            | "petites"
            | "jeunes"
            | "gros"
            | "grosses"
            | "anciens"
            | "anciennes"
            | "vrais"
            | "faux"
            | "seuls"
            | "seules"
            | "principaux"
            | "principales"
            | "hauts"
            | "vieux"
            | "bons"
            | "mauvais"
            | "meilleurs"
            | "meilleures"
            | "millions"
    )
}

/// Words that open a subordinate clause: a verb after them is not the verb of a date
/// before them, nor the reverse ("en septembre même s'il a ...", "celle de septembre qui ...").
/// "où" is told apart from "ou" on the raw text by the caller.
pub fn is_clause_opener(k: &str) -> bool {
    matches!(
        k,
        "qui"
            | "que"
            | "qu'"
            | "dont"
            | "si"
            | "s'il"
            | "s'ils"
            | "lorsque"
            | "lorsqu'"
            | "quand"
            | "puisque"
            | "puisqu'"
            | "car"
            | "mais"
            | "tandis"
            | "parce"
            | "alors"
    )
}

/// Determiners: "dernier" or "prochain" after one of these qualifies the noun that follows
/// ("un dernier round", "la prochaine étape"), not a date.
pub fn is_determiner(k: &str) -> bool {
    matches!(
        k,
        "un" | "une"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "notre"
            | "nos"
            | "votre"
            | "vos"
            | "du"
            | "des"
            | "au"
            | "aux"
    )
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
pub fn is_money_noun(k: &str) -> bool {
    matches!(
        k,
        "fonds"
            | "recettes"
            | "dette"
            | "dettes"
            | "depenses"
            | "benefice"
            | "benefices"
            | "pertes"
            | "subventions"
            | "investissements"
            | "credits"
            | "dons"
            | "aides"
            | "economies"
            | "revenus"
            | "salaires"
            | "dividendes"
            | "impots"
            | "taxes"
            | "amendes"
            | "capitaux"
            | "liquidites"
            | "prets"
            | "emprunts"
            | "financements"
    )
}

/// Adjectives that also name people, so they can be the counted noun themselves: "2 100
/// jeunes se sont inscrits", "des milliers de pauvres".
pub fn is_substantive_adjective(k: &str) -> bool {
    matches!(
        k,
        "jeunes" | "vieux" | "pauvres" | "riches" | "malades" | "anciens" | "seuls"
    )
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
