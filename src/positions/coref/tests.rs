use super::holders::titles_compatible;
use super::*;
use crate::positions::context::testing::actors;
use crate::positions::lexicon::Lexicon;
use crate::text::Document;

fn titles_of(
    text: &str,
    specs: &[(&str, ActorType, &[&str])],
) -> Vec<(String, Option<String>, String)> {
    let lex = Lexicon::new();
    let doc = Document::new(text, None);
    let acts = actors(&doc, specs);
    let ctx = Ctx::new(&doc, &lex, &acts);
    find_titles(&ctx)
        .into_iter()
        .map(|t| (t.title, t.org, ctx.text(t.det_start, t.end).to_string()))
        .collect()
}

type Case<'a> = (
    &'a str,
    &'a [(&'a str, ActorType, &'a [&'a str])],
    (&'a str, Option<&'a str>, &'a str),
);

#[test]
fn compatible_titles() {
    for (a, b, ok) in [
        ("ministre", "ministre economie", true),
        ("ministre economie", "ministre economie et finances", true),
        ("ministre economie", "ministre sante", false),
        ("president", "responsable", true),
        ("chef de l' etat", "president", true),
        (
            "chef de la diplomatie",
            "ministre affaires etrangeres",
            true,
        ),
        ("president", "secretaire general", false),
        ("ministre", "maire", false),
    ] {
        assert_eq!(titles_compatible(a, b), ok, "{a} / {b}");
        assert_eq!(titles_compatible(b, a), ok, "{b} / {a}");
    }
}

#[test]
fn first_name_genders() {
    let lex = Lexicon::new();
    for (name, g) in [
        ("Claire Fontaine", Some(true)),
        ("Gustave Varlin", Some(false)),
        ("Lucien Dorsan", Some(false)),
        ("Agnès Vertal", Some(true)),
        ("George Kelvo", Some(false)),
        ("Jean-Marie Valmor", Some(false)),
        ("Camille Roux", None),
        ("Hugo Marchal", Some(false)),
        ("Vetralo", None),
        // World names: the list decides, an unknown name stays unknown.
        ("Lamine Sow", Some(false)),
        ("Zorbakla Osei", None),
    ] {
        assert_eq!(first_name_gender(&lex, name), g, "{name}");
    }
}

#[test]
fn title_phrases() {
    use ActorType::*;
    let cases: &[Case] = &[
        (
            "Hier, la ministre de l'Agriculture Anne Dufour a parlé.",
            &[("Anne Dufour", Per, &["Anne Dufour"])],
            (
                "ministre de l'Agriculture",
                None,
                "la ministre de l'Agriculture",
            ),
        ),
        (
            "Le chancelier allemand Karl Weber arrive.",
            &[("Karl Weber", Per, &["Karl Weber"])],
            ("chancelier", Some("Allemagne"), "Le chancelier allemand"),
        ),
        (
            "Il a parlé au directeur général de la banque Crédit Nord, Paul Roy.",
            &[
                ("Paul Roy", Per, &["Paul Roy"]),
                ("Crédit Nord", Org, &["Crédit Nord"]),
            ],
            (
                "directeur général",
                Some("Crédit Nord"),
                "au directeur général de la banque Crédit Nord",
            ),
        ),
        (
            "Selon l'ancienne secrétaire d'État chargée du Numérique, rien ne change.",
            &[],
            (
                "ancienne secrétaire d'État chargée du Numérique",
                None,
                "l'ancienne secrétaire d'État chargée du Numérique",
            ),
        ),
        (
            "Le ministre des Affaires étrangères russe a répondu.",
            &[],
            (
                "ministre des Affaires étrangères",
                Some("Russie"),
                "Le ministre des Affaires étrangères russe",
            ),
        ),
        (
            "La porte-parole du gouvernement était absente.",
            &[],
            ("porte-parole", None, "La porte-parole"),
        ),
    ];
    for (text, specs, (title, org, phrase)) in cases {
        let got = titles_of(text, specs);
        assert!(
            got.iter()
                .any(|(t, o, p)| t == title && o.as_deref() == *org && p == phrase),
            "{text}: {got:?}"
        );
    }
}
