//! Cue nouns that type a name from its noun phrase: right before it ("la start-up X"),
//! farther back past adjectives and noun complements ("le groupe chimique suédois X", "le
//! syndicat d'enseignants X", "la ville portuaire de X"), across a coordination ("les sociétés
//! X et Y") or in an apposition after it ("X, un quotidien régional,", "X (association de
//! défense ...)"). The lists are data: `src/lang/fr/actors/{person,org_name,place}_cues.words`,
//! `adjective_endings.words`, `cue_determiners.words`, `cue_links.words`,
//! `adverbial_preps.words`.

use super::names::fold;
use crate::lang::fr::actors::has_org_designators;
use crate::record::ActorType;
use crate::text::flags::NEWLINE_BEFORE as NEWLINE;
use crate::text::{Document, TokenKind};

/// Nouns that, right before a name, say it is a person ("le président X", "la juge X").
const PER_CUES: &[&str] = crate::lang::fr::actors::PERSON_CUES;

/// Nouns that, right before a name, say it is an organisation ("la start-up X").
const ORG_CUES: &[&str] = crate::lang::fr::actors::ORG_NAME_CUES;

/// Nouns that, right before a name, say it is a place ("la ville de X").
const LOC_CUES: &[&str] = crate::lang::fr::actors::PLACE_CUES;

/// Endings of adjectives and past participles (lowercase, accents kept).
const ADJECTIVE_ENDINGS: &[&str] = crate::lang::fr::actors::ADJECTIVE_ENDINGS;

/// Determiners that open the cue noun's phrase.
const DETERMINERS: &[&str] = crate::lang::fr::actors::CUE_DETERMINERS;

/// Prepositions of a noun complement between the cue noun and the name.
const LINKS: &[&str] = crate::lang::fr::actors::CUE_LINKS;

/// Prepositions that make the following name an adverbial.
const ADVERBIAL_PREPS: &[&str] = crate::lang::fr::actors::ADVERBIAL_PREPS;

/// Civilities ("M.", "Mme"), capitalised cues.
const CIVILITIES: &[&str] = crate::lang::fr::common::CIVILITIES;

/// How many words the walk from a name back to its cue noun may pass.
const MAX_WALK: usize = 6;

/// The type a cue word points to and whether the word is plural (singular, or plural for
/// organisations and places: "les sociétés X et Y"; a plural person noun before a name names
/// a group: "les députés X").
pub(super) fn cue_type(word: &str) -> Option<(ActorType, bool)> {
    let k = fold(word);
    let lookup = |k: &str| {
        if PER_CUES.contains(&k) {
            Some(ActorType::Per)
        } else if ORG_CUES.contains(&k) {
            Some(ActorType::Org)
        } else if LOC_CUES.contains(&k) {
            Some(ActorType::Loc)
        } else {
            None
        }
    };
    lookup(&k).map(|t| (t, false)).or_else(|| {
        k.strip_suffix('s')
            .or_else(|| k.strip_suffix('x'))
            .filter(|s| s.len() >= 3)
            .and_then(lookup)
            .filter(|&t| t != ActorType::Per)
            .map(|t| (t, true))
    })
}

/// Compounds that open on a cue noun without naming its kind ("quartier général").
const COMPOUNDS: &[&str] = crate::lang::fr::actors::CUE_COMPOUNDS;

/// True when token `i` opens a compound of [`COMPOUNDS`].
fn compound_at(doc: &Document, i: usize) -> bool {
    i + 1 < doc.tokens.len() && {
        let two = format!(
            "{} {}",
            fold(doc.token_text(i)),
            fold(doc.token_text(i + 1))
        );
        COMPOUNDS.contains(&two.as_str())
    }
}

/// The cue of token `i`: a lowercase word, or a capitalised one that opens its sentence, is
/// a civility ("Mme X"; "General Motors" is a name) or an acronym of an organisation or
/// place noun ("l'ONG X").
fn cue_at(doc: &Document, i: usize) -> Option<(ActorType, bool)> {
    let t = &doc.tokens[i];
    let sentence_start = i == 0 || doc.sentences[doc.sentence_of_token(i)].tokens().start == i;
    if t.is_capitalized() && !sentence_start && !in_list(CIVILITIES, doc.token_text(i)) {
        // An acronym cue names the kind of an organisation or a place ("l'ONG X"); "le PDG
        // France" is a title and its branch.
        let capitals = doc.token_text(i).chars().all(|c| !c.is_lowercase());
        return cue_type(doc.token_text(i)).filter(|&(k, _)| capitals && k != ActorType::Per);
    }
    cue_type(doc.token_text(i))
}

/// A lowercase word token (not a name, a number or punctuation).
fn lower_word(doc: &Document, i: usize) -> bool {
    matches!(doc.tokens[i].kind, TokenKind::Word | TokenKind::Elision)
        && !doc.tokens[i].is_capitalized()
}

/// True when the lowercase word reads as an adjective or a past participle.
fn adjective_like(w: &str) -> bool {
    w.chars().count() >= 4 && ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e))
}

fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&fold(w).as_str())
}

/// The type given by the cue noun of the name at tokens `a..b`, if any: the name's own last
/// word when it is a legal form or a noun organisations end their names with
/// (`org_designators.words`), else a cue before it, then in an apposition after it.
pub(super) fn cue_of(doc: &Document, a: usize, b: usize) -> Option<ActorType> {
    if let Some(t) = defined_acronym(doc, a, b) {
        return Some(t);
    }
    // "Vetra Airways", "Kelvo Group": the name's own last word.
    if b - a >= 2
        && doc.tokens[b - 1].is_capitalized()
        && has_org_designators(&fold(doc.token_text(b - 1)))
    {
        return Some(ActorType::Org);
    }
    // "l'eurodéputé NRV Paul Roy": a name right before another one is a modifier of it.
    if doc.tokens.get(b).is_some_and(|t| {
        t.is_capitalized() && matches!(t.kind, TokenKind::Word) && !doc.tokens[b].has(NEWLINE)
    }) && doc.sentence_of_token(b) == doc.sentence_of_token(a)
    {
        return None;
    }
    let cue = a
        .checked_sub(1)
        .and_then(|p| cue_at(doc, p))
        .map(|(t, _)| t)
        .or_else(|| cue_before(doc, a, b))
        .or_else(|| cue_after(doc, a, b));
    // "la sénatrice NRV", "le député VTL": an acronym after a person noun is the person's party,
    // not a person.
    let acronym = b - a == 1 && super::names::is_acronym_text(doc.token_text(a));
    cue.filter(|&t| !(acronym && t == ActorType::Per))
}

/// MISC for an acronym that the article spells out as a common noun phrase headed by a noun
/// of things (`acronym_thing_heads.words`: "la taxe sur les transactions valmoranaises
/// (TTV)", a tax, a law, a procedure, a disease, a weapon), wherever it stands. The phrase's
/// words other than function words (`acronym_skip.words`) must open on the acronym's
/// letters, in order.
fn defined_acronym(doc: &Document, a: usize, b: usize) -> Option<ActorType> {
    if b - a != 1 {
        return None;
    }
    let text = doc.token_text(a);
    if !super::names::is_acronym_text(text) {
        return None;
    }
    let letters: Vec<char> = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let n = doc.tokens.len();
    let paren = (0..n.saturating_sub(2)).find(|&i| {
        doc.token_text(i) == "(" && doc.token_text(i + 2) == ")" && doc.token_text(i + 1) == text
    })?;
    // The phrase is at most two words a letter (Schwartz and Hearst's window), which also
    // bounds the search.
    let floor = paren.saturating_sub(2 * letters.len());
    let head = spelled_out(doc, floor, paren, &letters)?;
    let singular = head.strip_suffix('s').unwrap_or(&head);
    (crate::lang::fr::actors::has_acronym_thing_heads(&head)
        || crate::lang::fr::actors::has_acronym_thing_heads(singular))
    .then_some(ActorType::Misc)
}

/// The first word of the phrase that ends before token `end`, not before `floor`, and
/// spells `letters` out: each word other than a function word opens on the next letter; a
/// function word may give its letter or none ("taxe sur la fortune" for "TSF"). Only
/// lowercase words.
fn spelled_out(doc: &Document, floor: usize, end: usize, letters: &[char]) -> Option<String> {
    let (&last, rest) = letters.split_last()?;
    let k = end.checked_sub(1)?;
    if k < floor || !lower_word(doc, k) {
        return None;
    }
    let w = fold(doc.token_text(k));
    let function = super::names::ACRONYM_SKIP.contains(&w.as_str()) || w.ends_with('\'');
    if w.starts_with(last) {
        let found = if rest.is_empty() {
            Some(w.clone())
        } else {
            spelled_out(doc, floor, k, rest)
        };
        if found.is_some() {
            return found;
        }
    }
    if function {
        return spelled_out(doc, floor, k, letters);
    }
    None
}

/// Walk back from the name at tokens `a..b` over adjectives, noun complements, an apposition
/// comma or a coordination to a cue noun that opens its phrase with a determiner.
fn cue_before(doc: &Document, a: usize, b: usize) -> Option<ActorType> {
    let text = |i: usize| doc.token_text(i);
    let mut j = a;
    // "X et Y", "X, Y et Z": walk over the names coordinated before this one.
    let mut names = 0;
    while j >= 2
        && names < 3
        && (matches!(text(j - 1), "et" | "ou") || names > 0 && text(j - 1) == ",")
        && doc.tokens[j - 2].is_capitalized()
    {
        j -= 1;
        while j > 0 && doc.tokens[j - 1].is_capitalized() {
            j -= 1;
        }
        names += 1;
    }
    // "de l'X", "de la X": the name heads its own phrase, a complement; through "de" only
    // a place cue counts, as below.
    let mut own_determiner = false;
    if names == 0 && j > 0 && matches!(fold(text(j - 1)).as_str(), "l'" | "la" | "le" | "les") {
        j -= 1;
        own_determiner = true;
    }
    // "la capitale, X,": an apposition comma, the name closed by a comma or a parenthesis.
    let mut apposition = false;
    if names == 0 && j > 0 && text(j - 1) == "," {
        if b >= doc.tokens.len() || !matches!(text(b), "," | ")" | "(") {
            return None;
        }
        j -= 1;
        apposition = true;
    }
    // "la ville de X": through "de" only a place cue counts ("le patron de X" is a person).
    let mut place_only = false;
    if names == 0 && !apposition && j > 0 && matches!(fold(text(j - 1)).as_str(), "de" | "d'") {
        j -= 1;
        place_only = true;
    } else if own_determiner {
        return None;
    }
    let mut steps = 0;
    while j > 0 && steps < MAX_WALK {
        let i = j - 1;
        if !lower_word(doc, i) {
            return None;
        }
        let w = text(i);
        if let Some((t, plural)) = cue_at(doc, i).filter(|_| !compound_at(doc, i)) {
            // The cue phrase opens with a determiner and is not itself a complement ("le
            // secrétaire de l'organisation, X" is a person).
            let opened = i > 0
                && in_list(DETERMINERS, text(i - 1))
                && !(apposition && i > 1 && matches!(fold(text(i - 2)).as_str(), "de" | "d'"));
            // "Pour la société, X a dit": the phrase is an adverbial, not an apposition; but a
            // place noun in an adverbial of place keeps its apposition to a one-word name
            // ("dans la capitale, X, ...", the name closed by a comma; "sur la plage, Léa
            // Morel, ..." is the subject).
            let adverbial = apposition
                && i > 1
                && in_list(ADVERBIAL_PREPS, text(i - 2))
                && !(t == ActorType::Loc && b - a == 1);
            // "la ville de X" but not "les pays de X".
            let plural = plural
                || i > 0 && matches!(fold(text(i - 1)).as_str(), "les" | "des" | "ces" | "ses");
            let fits = !place_only || t == ActorType::Loc && !plural;
            return (opened && fits && !adverbial).then_some(t);
        }
        if i >= 2 && in_list(LINKS, text(i - 1)) && lower_word(doc, i - 2) {
            j -= 2;
            steps += 2;
        } else if adjective_like(&w.to_lowercase()) {
            j -= 1;
            steps += 1;
        } else {
            return None;
        }
    }
    None
}

/// "X, un quotidien régional", "X (association de défense ...)", "X, organisation
/// professionnelle": a cue noun in an apposition right after the name. Not after a name
/// that is an adverbial ("Selon X, une entreprise ...").
fn cue_after(doc: &Document, a: usize, b: usize) -> Option<ActorType> {
    let n = doc.tokens.len();
    if b + 1 >= n {
        return None;
    }
    // The word before the name, past its determiner ("Contacté par l'X, un ...").
    let mut p = a;
    if p > 0 && in_list(DETERMINERS, doc.token_text(p - 1)) {
        p -= 1;
    }
    if p > 0 && in_list(ADVERBIAL_PREPS, doc.token_text(p - 1)) {
        return None;
    }
    let comma = match doc.token_text(b) {
        "," => true,
        "(" => false,
        _ => return None,
    };
    let mut i = b + 1;
    if comma && matches!(doc.token_text(i), "un" | "une") {
        i += 1;
    }
    let mut steps = 0;
    while i < n && steps < 2 && lower_word(doc, i) {
        if let Some((t, _)) = cue_type(doc.token_text(i)) {
            // "X (groupe Y)": the noun introduces another name, an affiliation.
            if doc.tokens.get(i + 1).is_some_and(|t| t.is_capitalized()) {
                return None;
            }
            return (!comma || apposition_closes(doc, i + 1)).then_some(t);
        }
        if !adjective_like(&doc.token_text(i).to_lowercase()) {
            return None;
        }
        i += 1;
        steps += 1;
    }
    None
}

/// True when an apposition goes on from token `i` with adjectives and complements ("en
/// ligne", "de la ville") to a closing comma, period or parenthesis within a few words, not
/// into a clause ("..., une entreprise près de X a ...").
fn apposition_closes(doc: &Document, mut i: usize) -> bool {
    let n = doc.tokens.len();
    for _ in 0..6 {
        if i >= n {
            return true;
        }
        let w = doc.token_text(i);
        if matches!(w, "," | "." | ")" | ";" | ":") {
            return true;
        }
        // Links and determiners, names and adjectives, and a noun after a link or a
        // determiner go on; anything else (a verb, an adverb) is a clause.
        let after_link = i > 0
            && (in_list(LINKS, doc.token_text(i - 1))
                || in_list(DETERMINERS, doc.token_text(i - 1)))
            && lower_word(doc, i);
        let goes_on = in_list(LINKS, w)
            || matches!(w, "des" | "la" | "le" | "l'" | "l’" | "les")
            || doc.tokens[i].is_capitalized()
            || adjective_like(&w.to_lowercase())
            || after_link;
        if !goes_on {
            return false;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cue type of the first occurrence of `name` in `text`.
    fn cue(text: &str, name: &str) -> Option<ActorType> {
        let doc = Document::new(text, None);
        let start = text.find(name).unwrap();
        cue_of(
            &doc,
            doc.token_at_byte(start),
            doc.token_at_byte(start + name.len()),
        )
    }

    #[test]
    fn a_name_ending_with_a_designator_is_an_organisation() {
        let org = Some(ActorType::Org);
        assert_eq!(
            cue("Hier, Vetra Airways a annulé des vols.", "Vetra Airways"),
            org
        );
        assert_eq!(cue("Il a quitté Kelvo Group en mai.", "Kelvo Group"), org);
        assert_eq!(
            cue("selon le Nordis Daily News, hier", "Nordis Daily News"),
            org
        );
        // One word is not enough, nor a lowercase last word.
        assert_eq!(cue("Hier, Group a annulé des vols.", "Group"), None);
        assert_eq!(cue("Hier, Paul Roy media a parlé.", "Paul Roy media"), None);
    }

    #[test]
    fn cue_noun_right_before() {
        assert_eq!(
            cue("La start-up Quartz lève des fonds.", "Quartz"),
            Some(ActorType::Org)
        );
        assert_eq!(
            cue("Les sociétés Vetra et Nordis.", "Vetra"),
            Some(ActorType::Org)
        );
    }

    #[test]
    fn an_acronym_spelled_out_as_a_common_noun_phrase() {
        let text = "La taxe sur les transactions valmoranaises (TTV) rapporte peu. La TTV \
                    baisse. Le syndicat national des pilotes (SNP) proteste. L'Agence des \
                    routes (ADR) répond. Le CNV aussi. Les lanceurs de grenades légères (LGL) \
                    aussi. La taxe européenne (TRE) n'est pas épelée.";
        let doc = Document::new(text, None);
        let at = |name: &str, nth: usize| {
            let start = text.match_indices(name).nth(nth).unwrap().0;
            let a = doc.token_at_byte(start);
            defined_acronym(&doc, a, a + 1)
        };
        assert_eq!(at("TTV", 0), Some(ActorType::Misc));
        assert_eq!(at("TTV", 1), Some(ActorType::Misc));
        assert_eq!(at("LGL", 0), Some(ActorType::Misc));
        // An organisation noun, a name, no long form, or letters that do not open the
        // words: no cue from here.
        assert_eq!(at("SNP", 0), None);
        assert_eq!(at("ADR", 0), None);
        assert_eq!(at("CNV", 0), None);
        assert_eq!(at("TRE", 0), None);
        assert_eq!(cue(text, "TTV"), Some(ActorType::Misc));
    }

    #[test]
    fn an_acronym_after_a_person_noun_is_not_a_person() {
        assert_eq!(cue("la sénatrice NRV de Valmoran a dit", "NRV"), None);
        assert_eq!(cue("le député VTL a voté", "VTL"), None);
        assert_eq!(cue("la fédération NRV a voté", "NRV"), Some(ActorType::Org));
        assert_eq!(cue("la juge Vetra a dit", "Vetra"), Some(ActorType::Per));
    }

    #[test]
    fn cue_noun_past_adjectives_and_complements() {
        let org = Some(ActorType::Org);
        assert_eq!(
            cue(
                "selon le groupe chimique suédois Vetra Labs, le",
                "Vetra Labs"
            ),
            org
        );
        assert_eq!(
            cue("le syndicat d'enseignants Nordis a gagné", "Nordis"),
            org
        );
        assert_eq!(cue("l'agence de notation Kelvo a dit", "Kelvo"), org);
        assert_eq!(
            cue("un employé de l'agence de notation Kelvo a dit", "Kelvo"),
            org
        );
        assert_eq!(
            cue(
                "l'entreprise en faillite Valmoran-Matin sera",
                "Valmoran-Matin"
            ),
            org
        );
        assert_eq!(
            cue("dans la ville portuaire de Valmoran, hier", "Valmoran"),
            Some(ActorType::Loc)
        );
        assert_eq!(
            cue(
                "la banque concernée, Kelvo Archive, a publié",
                "Kelvo Archive"
            ),
            org
        );
    }

    #[test]
    fn coordinated_names_share_the_cue() {
        assert_eq!(
            cue("les assureurs européens Vetra et Kelvo ont dit", "Kelvo"),
            Some(ActorType::Org)
        );
        assert_eq!(
            cue("les groupes Vetra, Nordis et Kelvo ont dit", "Kelvo"),
            Some(ActorType::Org)
        );
    }

    #[test]
    fn cue_noun_in_apposition_after() {
        assert_eq!(cue("à Nordis, un quotidien régional", "Nordis"), None);
        assert_eq!(
            cue("un entretien à Nordis, un quotidien régional", "Nordis"),
            None
        );
        assert_eq!(
            cue("il écrit dans Nordis, un quotidien régional", "Nordis"),
            None
        );
        assert_eq!(
            cue("Nordis, un quotidien régional, a publié", "Nordis"),
            Some(ActorType::Org)
        );
        assert_eq!(
            cue("Le Kelvo, un village de montagne, a brûlé", "Kelvo"),
            Some(ActorType::Loc)
        );
        assert_eq!(
            cue("fondatrice de l'Apvel (association de défense des", "Apvel"),
            Some(ActorType::Org)
        );
    }

    #[test]
    fn no_cue_where_the_noun_does_not_head_the_phrase() {
        // The cue noun is the complement of another noun: the name stands for the first one.
        assert_eq!(
            cue("le candidat du parti socialiste Paul Roy a dit", "Paul Roy"),
            None
        );
        // A verb stops the walk.
        assert_eq!(cue("la société a nommé Paul Roy hier", "Paul Roy"), None);
        // Through "de" only a place cue counts.
        assert_eq!(cue("le patron de Vetra a dit", "Vetra"), None);
        assert_eq!(
            cue("Selon Paul Roy, une entreprise sur deux", "Paul Roy"),
            None
        );
        // The name is the complement of a person noun.
        assert_eq!(cue("a écrit un photographe de l'AVP hier", "AVP"), None);
        assert_eq!(
            cue("le président de la Confrérie Kelvo Paul", "Confrérie Kelvo"),
            None
        );
        assert_eq!(cue("un élu de l'Ardoise, a dit", "Ardoise"), None);
        // The cue phrase is itself a complement.
        assert_eq!(
            cue("le trésorier de la fondation, Paul Roy, a dit", "Paul Roy"),
            None
        );
        // A plural person noun names a group.
        assert_eq!(cue("les députés NRV ont voté", "NRV"), None);
        assert_eq!(
            cue(
                "rien n'est joué, a affirmé le chef des sénateurs NRV, Paul Roy. \"Le",
                "NRV"
            ),
            None
        );
        assert_eq!(
            cue(
                "rien n'est joué, a affirmé le chef des sénateurs NRV, Paul Roy. \"Le",
                "Paul Roy"
            ),
            None
        );
        // An affiliation in parentheses.
        assert_eq!(cue("a dit Léa Morel (cabinet NRV) hier", "Léa Morel"), None);
        // A name right before another name modifies it.
        assert_eq!(cue("a dit l'eurodéputé NRV Paul Roy hier", "NRV"), None);
        // A capitalised cue word inside a name.
        assert_eq!(
            cue("le site General Kelvo de Valmoran", "Kelvo de Valmoran"),
            None
        );
        // "les capitales de X": a plural place noun does not make X a place.
        assert_eq!(
            cue(
                "toutes les capitales de l'Union nordique ont",
                "Union nordique"
            ),
            None
        );
        assert_eq!(
            cue("au quartier général de Vetra-Nordis à", "Vetra-Nordis"),
            None
        );
        // An adverbial before the name, past its determiner.
        assert_eq!(
            cue("Contacté par l'AVP, un porte-parole a dit", "AVP"),
            None
        );
        // The phrase after the comma is the subject of a clause, not an apposition.
        assert_eq!(
            cue(
                "au début de la crise de Kelvo-9, une entreprise près de Valmoran a",
                "Kelvo-9"
            ),
            None
        );
        assert_eq!(cue("Pour la société, Paul Roy a tort", "Paul Roy"), None);
        // A place noun in an adverbial of place: the apposition of a one-word name only.
        assert_eq!(
            cue(
                "Il vit dans la capitale, Valmoran, depuis 2010.",
                "Valmoran"
            ),
            Some(ActorType::Loc)
        );
        assert_eq!(
            cue("Sur la plage, Léa Morel, une nageuse, attend.", "Léa Morel"),
            None
        );
    }
}
