use super::*;
use crate::actors::ActorExtractor;
use crate::text::Document;

#[test]
fn place_glued_to_a_person_splits() {
    let ex = ActorExtractor::load(None).unwrap();
    let text = "Le Premier ministre de la Vetralie Paul Roy a présenté lundi son \
                budget.";
    let doc = Document::new(text, None);
    let actors = ex.extract(&doc).unwrap();
    let find = |n: &str| actors.iter().find(|a| a.name == n).map(|a| a.kind);
    assert_eq!(find("Paul Roy"), Some(ActorType::Per), "{actors:#?}");
    assert_eq!(find("Vetralie"), Some(ActorType::Loc), "{actors:#?}");
}

/// The tags after [`repair`] of `words` tagged `tags`, with the built-in gazetteers and
/// the word statistics `stats`.
fn repaired(stats: &features::CaseStats, words: &[&str], tags: &[&str]) -> Vec<&'static str> {
    let gaz = gazetteer::Gazetteer::builtin();
    let mut infos: Vec<TokInfo> = words.iter().map(|w| features::tok_info(w, stats)).collect();
    gaz.mark(&mut infos);
    let mut t: Vec<u8> = tags.iter().map(|t| model::tag_index(t).unwrap()).collect();
    repair(&infos, |i| words[i], &mut t);
    t.iter().map(|&i| model::TAGS[i as usize]).collect()
}

#[test]
fn capitalised_institution_nouns_are_organisations() {
    let mut stats = features::CaseStats::default();
    for w in ["tribunal", "parlement", "fédéral"] {
        stats.map.insert(
            features::lower_hash(w) as u32,
            (features::case_class::LOWER as u16) << 4,
        );
    }
    // The news capitalises this one nearly always: a proper name.
    stats.map.insert(
        features::lower_hash("sénat") as u32,
        (features::case_class::CAP as u16) << 4,
    );
    let words = [
        "selon",
        "le",
        "Tribunal",
        "fédéral",
        "et",
        "le",
        "Sénat",
        "hier",
    ];
    let tags = ["O"; 8];
    assert_eq!(
        repaired(&stats, &words, &tags),
        ["O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O"]
    );
    // An assembly noun the news mostly capitalises names the assembly alone ("le Sénat"
    // above); a court noun alone, or an assembly noun mostly written in lowercase, is a
    // short reference: not annotated.
    let words = [
        "selon",
        "le",
        "Tribunal",
        "hier",
        ",",
        "le",
        "Parlement",
        ".",
    ];
    assert_eq!(repaired(&stats, &words, &tags), tags);
    // Not after another determiner, nor in lowercase.
    let words = [
        "un",
        "Tribunal",
        "fédéral",
        "et",
        "le",
        "parlement",
        "hier",
        ".",
    ];
    assert_eq!(repaired(&stats, &words, &tags), tags);
}

#[test]
fn places_around_de_are_one_place() {
    let stats = features::CaseStats::default();
    let words = ["à", "Vetra", "de", "Nordis", "et", "à", "Kelvo", "."];
    let tags = ["O", "B-LOC", "O", "B-LOC", "O", "O", "B-LOC", "O"];
    assert_eq!(
        repaired(&stats, &words, &tags),
        ["O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "B-LOC", "O"]
    );
    // Not after a country, nor a person, an organisation or a longer place.
    let words = ["l'", "Autriche", "de", "Nordis", "à", "Kelvo"];
    let tags = ["O", "B-LOC", "O", "B-LOC", "O", "B-LOC"];
    assert_eq!(repaired(&stats, &words, &tags), tags);
    let words = ["à", "Vetra", "de", "Nordis", "Sud", "et", "Kelvo", "."];
    let tags = ["O", "B-LOC", "O", "B-LOC", "I-LOC", "O", "B-ORG", "O"];
    assert_eq!(repaired(&stats, &words, &tags), tags);
}

#[test]
fn countries_are_places() {
    let stats = features::CaseStats::default();
    let words = ["le", "Sri", "Lanka", "et", "la", "France", "ont", "signé"];
    let tags = ["O", "O", "O", "O", "O", "B-ORG", "O", "O"];
    assert_eq!(
        repaired(&stats, &words, &tags),
        ["O", "B-LOC", "I-LOC", "O", "O", "B-LOC", "O", "O"]
    );
    // A longer name that starts with a country keeps its type.
    let words = ["la", "France", "Télévisions", "a", "dit", ".", ".", "."];
    let tags = ["O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"];
    assert_eq!(repaired(&stats, &words, &tags), tags);
    // A country the tagger cut short.
    let words = ["le", "Pays", "de", "Galles", "et", "le", "Sri", "Lanka"];
    let tags = ["O", "B-ORG", "O", "O", "O", "O", "B-PER", "O"];
    assert_eq!(
        repaired(&stats, &words, &tags),
        ["O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "B-LOC", "I-LOC"]
    );
}

#[test]
fn diseases_are_misc() {
    let stats = features::CaseStats::default();
    let words = [
        "l'",
        "épidémie",
        "d'",
        "Zika",
        "au",
        "Nordis",
        "et",
        "le",
        "Mers",
    ];
    let tags = ["O", "O", "O", "B-LOC", "O", "B-LOC", "O", "O", "O"];
    assert_eq!(
        repaired(&stats, &words, &tags),
        ["O", "O", "O", "B-MISC", "O", "B-LOC", "O", "O", "B-MISC"]
    );
    // A longer name that holds a disease keeps its type.
    let words = ["le", "Zika", "Response", "Fund", "a"];
    let tags = ["O", "B-ORG", "I-ORG", "I-ORG", "O"];
    assert_eq!(repaired(&stats, &words, &tags), tags);
}

#[test]
fn person_after_a_name_ending_in_lowercase_is_split_off() {
    let stats = features::CaseStats::default();
    let words = ["la", "République", "vetrane", "Paul", "Roy", "a", "dit"];
    let tags = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"];
    assert_eq!(
        repaired(&stats, &words, &tags),
        ["O", "B-ORG", "I-ORG", "B-PER", "I-PER", "O", "O"]
    );
    // A capitalised word or a particle before the first name keeps the name whole.
    for words in [
        ["l'", "Institut", "Vetra", "Paul", "Roy", "a", "dit"],
        ["la", "Fondation", "de", "Paul", "Roy", "a", "dit"],
        ["le", "Théâtre", "d'", "Paul", "Roy", "a", "dit"],
    ] {
        assert_eq!(repaired(&stats, &words, &tags), tags, "{words:?}");
    }
}

#[test]
fn untagged_name_after_a_title_is_a_person() {
    let stats = features::CaseStats::default();
    let words = [
        "a",
        "dit",
        "le",
        "ministre",
        "de",
        "l'",
        "Equipement",
        "Kelvo",
        "Zartan",
        ".",
    ];
    let none = ["O"; 10];
    assert_eq!(
        repaired(&stats, &words, &none)[6..9],
        ["O", "B-PER", "I-PER"],
        "after a portfolio title and its portfolio"
    );
    let words = ["selon", "le", "maire", "Kelvo", "Zartan", ","];
    assert_eq!(
        repaired(&stats, &words, &["O"; 6])[3..5],
        ["B-PER", "I-PER"]
    );
    // Not without a title, nor a single word, nor after a country.
    let words = ["selon", "le", "texte", "Kelvo", "Zartan", ","];
    assert_eq!(repaired(&stats, &words, &["O"; 6]), ["O"; 6]);
    let words = ["selon", "le", "maire", "Zartan", ","];
    assert_eq!(repaired(&stats, &words, &["O"; 5]), ["O"; 5]);
    let words = ["le", "ministre", "de", "la", "France", "Kelvo", "Zartan"];
    assert_eq!(repaired(&stats, &words, &["O"; 7]), ["O"; 7]);
}

#[test]
fn acronym_and_branch_are_one_organisation() {
    let stats = features::CaseStats::default();
    assert_eq!(
        repaired(
            &stats,
            &["la", "chaîne", "NRV", "Océanie", ","],
            &["O", "O", "B-ORG", "B-LOC", "O"]
        ),
        vec!["O", "O", "B-ORG", "I-ORG", "O"]
    );
    // Not before a person's first name ...
    assert_eq!(
        repaired(
            &stats,
            &["de", "la", "KLT", "Hugo", "Marchal", "a"],
            &["O", "O", "B-ORG", "B-PER", "I-PER", "O"]
        ),
        vec!["O", "O", "B-ORG", "B-PER", "I-PER", "O"]
    );
    // ... nor before a name going on with a particle.
    assert_eq!(
        repaired(
            &stats,
            &["à", "l'", "NRV", "Zaïd", "al-Kharouf", ","],
            &["O", "O", "B-ORG", "O", "O", "O"]
        ),
        vec!["O", "O", "B-ORG", "O", "O", "O"]
    );
}

#[test]
fn person_names_run_to_the_end_of_the_surname() {
    let ex = ActorExtractor::load(None).unwrap();
    let text = "Le président Karim el-Zouhari a reçu le roi Baudoin IV. Plus tard, \
                Hugues Marchal de Quervelle a parlé.";
    let doc = Document::new(text, None);
    let actors = ex.extract(&doc).unwrap();
    let find = |n: &str| actors.iter().find(|a| a.name == n).map(|a| a.kind);
    assert_eq!(
        find("Karim el-Zouhari"),
        Some(ActorType::Per),
        "{actors:#?}"
    );
    assert_eq!(find("Baudoin IV"), Some(ActorType::Per), "{actors:#?}");
    assert_eq!(
        find("Hugues Marchal de Quervelle"),
        Some(ActorType::Per),
        "{actors:#?}"
    );
}

#[test]
fn demonyms_used_as_nouns_are_misc() {
    let ex = ActorExtractor::load(None).unwrap();
    let text = "Selon un sondage publié hier, les Norvégiens et des Péruviens approuvent \
                la mesure. Un Islandais a été interpellé mardi à Valmoran. La réforme a \
                surpris plusieurs Vetraliens par sa brutalité.";
    let doc = Document::new(text, None);
    let actors = ex.extract(&doc).unwrap();
    for n in ["Norvégiens", "Péruviens", "Islandais", "Vetraliens"] {
        let a = actors.iter().find(|a| a.name == n);
        assert_eq!(a.map(|a| a.kind), Some(ActorType::Misc), "{n}: {actors:#?}");
    }
}

#[test]
fn repair_splits_glued_organisations() {
    use features::{lower_hash, prior, CaseStats};
    let mut stats = CaseStats::default();
    let org = (prior::pack(20, [0, 20, 0, 0], 20) as u16) << 8;
    stats.map.insert(lower_hash("Fabrikam") as u32, org);
    let run = |words: &[&str], tags: &[&str]| repaired(&stats, words, tags);
    // "Prénom Nom de Org" with an organisation prior after "de".
    assert_eq!(
        run(
            &["Sundar", "Pichai", "de", "Fabrikam"],
            &["B-PER", "I-PER", "I-PER", "I-PER"]
        ),
        vec!["B-PER", "I-PER", "O", "B-ORG"]
    );
    // A particle name stays whole when nothing says the rest is an organisation.
    assert_eq!(
        run(&["Charles", "de", "Gaulle"], &["B-PER", "I-PER", "I-PER"]),
        vec!["B-PER", "I-PER", "I-PER"]
    );
    // "Org Prénom Nom".
    assert_eq!(
        run(
            &["Zorblax", "Patrick", "Dupuis"],
            &["B-PER", "I-PER", "I-PER"]
        ),
        vec!["B-ORG", "B-PER", "I-PER"]
    );
}

#[test]
fn portfolios_are_not_entities() {
    use features::{case_class, lower_hash, tok_info, CaseStats};
    let mut stats = CaseStats::default();
    let lower = (case_class::MOSTLY_LOWER as u16) << 4 | 2;
    for w in ["Agriculture", "Pêche", "Logement"] {
        stats.map.insert(lower_hash(w) as u32, lower);
    }
    let gaz = gazetteer::Gazetteer::builtin();
    let run = |words: &[&str], tags: &[&str]| -> Vec<&'static str> {
        let mut infos: Vec<TokInfo> = words.iter().map(|w| tok_info(w, &stats)).collect();
        gaz.mark(&mut infos);
        let mut t: Vec<u8> = tags.iter().map(|t| model::tag_index(t).unwrap()).collect();
        strip_portfolios(&infos, |i| words[i], &mut t);
        t.iter().map(|&i| model::TAGS[i as usize]).collect()
    };
    // A portfolio alone.
    assert_eq!(
        run(
            &[
                "la",
                "ministre",
                "de",
                "l'",
                "Agriculture",
                "et",
                "de",
                "la",
                "Pêche",
                "a"
            ],
            &["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
        ),
        vec!["O", "O", "O", "O", "O", "O", "O", "O", "O", "O"]
    );
    // A portfolio glued to the next name.
    assert_eq!(
        run(
            &["le", "ministre", "du", "Logement", "Julien", "Zorblax"],
            &["O", "O", "O", "B-PER", "I-PER", "I-PER"]
        ),
        vec!["O", "O", "O", "O", "B-PER", "I-PER"]
    );
    // After a minister's title, a capitalised portfolio the news may write capitalised.
    assert_eq!(
        run(
            &["Zorblax", ",", "ministre", "des", "Quorvex", "depuis"],
            &["B-PER", "O", "O", "O", "B-PER", "O"]
        ),
        vec!["B-PER", "O", "O", "O", "O", "O"]
    );
    // ... but not a name right after "d'État".
    assert_eq!(
        run(
            &["la", "secrétaire", "d'", "État", "Quorvex", "Zorblax"],
            &["O", "O", "O", "O", "B-PER", "I-PER"]
        ),
        vec!["O", "O", "O", "O", "B-PER", "I-PER"]
    );
    // ... nor a country or an acronym.
    assert_eq!(
        run(&["ministre", "de", "la", "ZRBX"], &["O", "O", "O", "B-ORG"]),
        vec!["O", "O", "O", "B-ORG"]
    );
    // A name after a title and a link stays ("secrétaire de Zorblax Corp").
    assert_eq!(
        run(
            &["secrétaire", "de", "Zorblax", "Corp"],
            &["O", "O", "B-ORG", "I-ORG"]
        ),
        vec!["O", "O", "B-ORG", "I-ORG"]
    );
}

#[test]
fn spans_run_on_over_a_capitalised_word_left_out() {
    let mut stats = features::CaseStats::default();
    for w in ["le", "comment"] {
        stats.map.insert(
            features::lower_hash(w) as u32,
            (features::case_class::LOWER as u16) << 4,
        );
    }
    let words = ["à", "Vetra", "Solmar", ",", "chez", "Kelvo", "Le", "soir"];
    let tags = ["O", "B-LOC", "O", "O", "O", "B-ORG", "O", "O"];
    assert_eq!(
        repaired(&stats, &words, &tags),
        ["O", "B-LOC", "I-LOC", "O", "O", "B-ORG", "O", "O"]
    );
    // Not over a known first name (another person starts there) nor a civility.
    let words = ["avec", "Nordis", "Paul", "Roy", "et", "Kelvo", "M.", "Roy"];
    let tags = ["O", "B-ORG", "B-PER", "I-PER", "O", "B-ORG", "O", "B-PER"];
    assert_eq!(repaired(&stats, &words, &tags), tags);
}
