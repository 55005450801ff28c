use super::*;

fn toks(s: &str) -> Vec<&str> {
    tokenize(s).iter().map(|t| t.text(s)).collect()
}

fn kinds(s: &str) -> Vec<TokenKind> {
    tokenize(s).iter().map(|t| t.kind).collect()
}

/// Table of (input, expected tokens joined by `|`).
const CASES: &[(&str, &str)] = &[
    (
        "Le Sommet s’ouvre aujourd’hui à Paris.",
        "Le|Sommet|s’|ouvre|aujourd’hui|à|Paris|.",
    ),
    (
        "l'intelligence artificielle",
        "l'|intelligence|artificielle",
    ),
    ("L’événement d’une centaine", "L’|événement|d’|une|centaine"),
    ("jusqu’à 50 %", "jusqu’|à|50|%"),
    (
        "lorsqu’il dit qu’elle viendra",
        "lorsqu’|il|dit|qu’|elle|viendra",
    ),
    ("puisqu’on sait", "puisqu’|on|sait"),
    ("quoiqu’il en soit", "quoiqu’|il|en|soit"),
    ("la presqu’île et quelqu’un", "la|presqu’île|et|quelqu’un"),
    ("Paul O’Neill arrive", "Paul|O’Neill|arrive"),
    ("à N’Djamena", "à|N’Djamena"),
    ("J’ai vu", "J’|ai|vu"),
    ("n’a pas", "n’|a|pas"),
    ("c’est", "c’|est"),
    ("m’a-t-il dit", "m’|a|-t-il|dit"),
    ("« Non », a-t-il estimé.", "«|Non|»|,|a|-t-il|estimé|."),
    ("a-t-elle ajouté", "a|-t-elle|ajouté"),
    ("dit-il", "dit|-il"),
    ("Est-ce possible ?", "Est|-ce|possible|?"),
    ("le vice-président américain", "le|vice-président|américain"),
    ("le Royaume-Uni", "le|Royaume-Uni"),
    (
        "le président-directeur général",
        "le|président-directeur|général",
    ),
    ("vis-à-vis des entreprises", "vis-à-vis|des|entreprises"),
    ("celui-ci et ce jour-là", "celui-ci|et|ce|jour-là"),
    ("Jean-Luc Vernier", "Jean-Luc|Vernier"),
    ("le COVID-19", "le|COVID-19"),
    ("plus de 1 000 chefs", "plus|de|1 000|chefs"),
    ("plus de 1\u{a0}000 chefs", "plus|de|1\u{a0}000|chefs"),
    ("35\u{202f}900\u{a0}€", "35\u{202f}900|€"),
    ("839.000 euros", "839.000|euros"),
    ("51'000 francs", "51'000|francs"),
    ("51’000 francs", "51’000|francs"),
    ("19 337 992,84 euros", "19 337 992,84|euros"),
    ("1,5 milliard", "1,5|milliard"),
    ("12,5 %", "12,5|%"),
    ("3.5 millions", "3.5|millions"),
    ("en 2024 100 personnes", "en|2024|100|personnes"),
    ("les 10 et 11 février 2025", "les|10|et|11|février|2025"),
    ("le 1er mai", "le|1er|mai"),
    ("la 2e place", "la|2e|place"),
    ("à 10h30 précises", "à|10h30|précises"),
    ("4,5 Md€", "4,5|Md|€"),
    ("2,4 M$", "2,4|M|$"),
    ("M. Vance a parlé", "M.|Vance|a|parlé"),
    ("Mme Morel et MM. Dupont", "Mme|Morel|et|MM.|Dupont"),
    ("J.D. Vance", "J.D.|Vance"),
    ("en 52 av. J.-C. déjà", "en|52|av.|J.-C.|déjà"),
    ("les U.S.A. et", "les|U.S.A.|et"),
    ("pommes, poires, etc. Puis", "pommes|,|poires|,|etc.|Puis"),
    ("« Le Chat »", "«|Le|Chat|»"),
    ("“Bonjour”", "“|Bonjour|”"),
    ("\"Bonjour\"", "\"|Bonjour|\""),
    ("Quoi ?! Non...", "Quoi|?!|Non|..."),
    ("Sources…", "Sources|…"),
    ("(IA)", "(|IA|)"),
    (
        "voir https://example.org/a-b?c=1.",
        "voir|https://example.org/a-b?c=1|.",
    ),
    ("pic.twitter.com/AbC123 hier", "pic.twitter.com/AbC123|hier"),
    (
        "écrire à contact@example.fr.",
        "écrire|à|contact@example.fr|.",
    ),
    (
        "#GiletsJaunes et @EmmanuelMacron",
        "#GiletsJaunes|et|@EmmanuelMacron",
    ),
    (
        "Se\u{301}journe\u{301} arrive",
        "Se\u{301}journe\u{301}|arrive",
    ),
    ("a\u{200B}b", "a|b"),
    ("Paris 🇫🇷 !", "Paris|🇫|🇷|!"),
    ("30\u{a0}%", "30|%"),
    ("le n° 5", "le|n|°|5"),
    ("Breitbart  : « Je", "Breitbart|:|«|Je"),
];

#[test]
fn tokenizes_french_news_phenomena() {
    for (input, expected) in CASES {
        let got = toks(input).join("|");
        assert_eq!(&got, expected, "input: {input:?}");
    }
}

#[test]
fn offsets_are_exact_and_ordered() {
    for (input, _) in CASES {
        let t = tokenize(input);
        let mut last = 0;
        for tok in &t {
            assert!(tok.start as usize >= last && tok.end > tok.start);
            assert!(input.is_char_boundary(tok.start as usize));
            assert!(input.is_char_boundary(tok.end as usize));
            last = tok.end as usize;
        }
    }
}

#[test]
fn kinds_are_assigned() {
    assert_eq!(
        kinds("l’UE a 1 000 € « ok » M. etc."),
        vec![
            TokenKind::Elision,
            TokenKind::Word,
            TokenKind::Word,
            TokenKind::Number,
            TokenKind::Symbol,
            TokenKind::Quote,
            TokenKind::Word,
            TokenKind::Quote,
            TokenKind::Abbrev,
            TokenKind::Abbrev,
        ]
    );
}

#[test]
fn flags_describe_shape_and_spacing() {
    let s = "Paris\n\nUE 2024 rue";
    let t = tokenize(s);
    assert!(t[0].is_capitalized());
    assert!(t[1].has(flags::BLANK_LINE_BEFORE) && t[1].has(flags::ALL_CAPS));
    assert!(t[2].has(flags::HAS_DIGIT) && t[2].has(flags::SPACE_BEFORE));
    assert!(!t[3].is_capitalized());
}

#[test]
fn empty_and_blank_inputs() {
    assert!(tokenize("").is_empty());
    assert!(tokenize(" \u{a0}\n\t\u{202f}").is_empty());
}

#[test]
fn escaped_line_breaks_left_in_scraped_text_are_white_space() {
    // Not before a lowercase letter: "\\nord" may be a word after a stray backslash.
    let s = "Par Paul Roy\\nVTN Actu, Valmoran.\\r\\nFin\\t2021. C:\\nord et \\n2020.";
    assert_eq!(
        toks(s),
        vec![
            "Par", "Paul", "Roy", "VTN", "Actu", ",", "Valmoran", ".", "Fin", "2021", ".", "C",
            ":", "\\", "nord", "et", "2020", "."
        ]
    );
    let t = tokenize(s);
    let vtn = t.iter().find(|t| t.text(s) == "VTN").unwrap();
    assert!(vtn.has(flags::NEWLINE_BEFORE) && vtn.has(flags::SPACE_BEFORE));
    let fin = t.iter().find(|t| t.text(s) == "Fin").unwrap();
    assert!(fin.has(flags::NEWLINE_BEFORE) && !fin.has(flags::BLANK_LINE_BEFORE));
}
