use super::*;
use crate::positions::context::testing::actors;
use crate::positions::coref::find_titles;
use crate::positions::lexicon::Lexicon;
use crate::text::Document;
use ActorType::*;

type Spec<'a> = &'a [(&'a str, ActorType, &'a [&'a str])];

fn roles_of(text: &str, specs: Spec) -> Vec<(String, String, Option<String>, String)> {
    let lex = Lexicon::new();
    let doc = Document::new(text, None);
    let acts = actors(&doc, specs);
    let ctx = Ctx::new(&doc, &lex, &acts);
    let titles = find_titles(&ctx);
    let (roles, _) = find_roles(&ctx, &titles);
    roles
        .into_iter()
        .map(|r| {
            let t = &titles[r.title];
            (
                acts[r.actor].name.clone(),
                t.title.clone(),
                t.org.clone(),
                ctx.text(r.start, r.end).to_string(),
            )
        })
        .collect()
}

type Expected<'a> = (&'a str, &'a str, Option<&'a str>, &'a str);

#[test]
fn role_patterns() {
    let cases: &[(&str, Spec, &[Expected])] = &[
        (
            "Le président chilien Carlos Lima est arrivé hier.",
            &[("Carlos Lima", Per, &["Carlos Lima"])],
            &[(
                "Carlos Lima",
                "président",
                Some("Chili"),
                "Le président chilien Carlos Lima",
            )],
        ),
        (
            "Elle a croisé la directrice générale de Nordlys, Ingrid Berg, à Oslo.",
            &[
                ("Ingrid Berg", Per, &["Ingrid Berg"]),
                ("Nordlys", Org, &["Nordlys"]),
                ("Oslo", Loc, &["Oslo"]),
            ],
            &[(
                "Ingrid Berg",
                "directrice générale",
                Some("Nordlys"),
                "la directrice générale de Nordlys, Ingrid Berg",
            )],
        ),
        // One adjective between the title and the name.
        (
            "Le pays a prospéré sous le dictateur déchu Marc Dubreuil.",
            &[("Marc Dubreuil", Per, &["Marc Dubreuil"])],
            &[(
                "Marc Dubreuil",
                "dictateur",
                None,
                "le dictateur déchu Marc Dubreuil",
            )],
        ),
        // A coordination is no complement: "le président et X" gives X no title.
        (
            "Au festival, le président et Marc Dubreuil ont dîné.",
            &[("Marc Dubreuil", Per, &["Marc Dubreuil"])],
            &[],
        ),
        // An indefinite title introducing a person in apposition.
        (
            "Une élue de l'opposition, Léa Morel, a interpellé le maire.",
            &[("Léa Morel", Per, &["Léa Morel"])],
            &[(
                "Léa Morel",
                "élue",
                None,
                "Une élue de l'opposition, Léa Morel",
            )],
        ),
        // ... but an indefinite title alone names no one.
        (
            "Un député a parlé avec Léa Morel hier.",
            &[("Léa Morel", Per, &["Léa Morel"])],
            &[],
        ),
        // The holder after a person who is the object of the complement.
        (
            "Il cite le directeur de cabinet de Paul Roy Marc Blanc.",
            &[
                ("Paul Roy", Per, &["Paul Roy"]),
                ("Marc Blanc", Per, &["Marc Blanc"]),
            ],
            &[(
                "Marc Blanc",
                "directeur",
                None,
                "le directeur de cabinet de Paul Roy Marc Blanc",
            )],
        ),
        // A "co-" title.
        (
            "Léa Morel, co-présidente de la fédération, dénonce.",
            &[("Léa Morel", Per, &["Léa Morel"])],
            &[(
                "Léa Morel",
                "co-présidente",
                None,
                "Léa Morel, co-présidente",
            )],
        ),
        // A name in parentheses right after the title.
        (
            "Elle attend que le ministre (Paul Roy, NDLR) vienne.",
            &[("Paul Roy", Per, &["Paul Roy"])],
            &[("Paul Roy", "ministre", None, "le ministre (Paul Roy")],
        ),
        // The name after a title nested in another title's complement holds the inner one.
        (
            "Selon un conseiller de la ministre du Commerce, Léa Morel, le texte est prêt.",
            &[("Léa Morel", Per, &["Léa Morel"])],
            &[(
                "Léa Morel",
                "ministre du Commerce",
                None,
                "de la ministre du Commerce, Léa Morel",
            )],
        ),
        // A parenthesis between the organisation and the apposed name.
        (
            "Le chef du Parti vert (PV, gauche), Hugo Marchal, a réagi.",
            &[
                ("Hugo Marchal", Per, &["Hugo Marchal"]),
                ("Parti vert", Org, &["Parti vert"]),
            ],
            &[(
                "Hugo Marchal",
                "chef",
                Some("Parti vert"),
                "Le chef du Parti vert (PV, gauche), Hugo Marchal",
            )],
        ),
        // An apposition in parentheses after the name.
        (
            "Il cite Marc Dubreuil (ancien chef de la police régionale, parti en mai).",
            &[("Marc Dubreuil", Per, &["Marc Dubreuil"])],
            &[(
                "Marc Dubreuil",
                "ancien chef",
                None,
                "Marc Dubreuil (ancien chef",
            )],
        ),
        // A person after descriptor words holds the title; it is no organisation.
        (
            "Le Premier ministre de centre-gauche Luc Vernier refuse de partir.",
            &[("Luc Vernier", Per, &["Luc Vernier"])],
            &[(
                "Luc Vernier",
                "Premier ministre",
                None,
                "Le Premier ministre de centre-gauche Luc Vernier",
            )],
        ),
        (
            "Marc Petit, le porte-parole de la compagnie Airlix, a démenti.",
            &[
                ("Marc Petit", Per, &["Marc Petit"]),
                ("Airlix", Org, &["Airlix"]),
            ],
            &[(
                "Marc Petit",
                "porte-parole",
                Some("Airlix"),
                "Marc Petit, le porte-parole de la compagnie Airlix",
            )],
        ),
        (
            "Une réunion avec le ministre de l'Économie Jean Morel a eu lieu.",
            &[("Jean Morel", Per, &["Jean Morel"])],
            &[(
                "Jean Morel",
                "ministre de l'Économie",
                None,
                "le ministre de l'Économie Jean Morel",
            )],
        ),
        (
            "Le patron de Vélocité, monsieur Durand, a tranché.",
            &[
                ("Paul Durand", Per, &["Durand"]),
                ("Vélocité", Org, &["Vélocité"]),
            ],
            &[(
                "Paul Durand",
                "patron",
                Some("Vélocité"),
                "Le patron de Vélocité, monsieur Durand",
            )],
        ),
        (
            "Les sénatrices Julie Roux et Léa Marlot ont voté.",
            &[
                ("Julie Roux", Per, &["Julie Roux"]),
                ("Léa Marlot", Per, &["Léa Marlot"]),
            ],
            &[
                (
                    "Julie Roux",
                    "sénatrices",
                    None,
                    "Les sénatrices Julie Roux",
                ),
                (
                    "Léa Marlot",
                    "sénatrices",
                    None,
                    "Les sénatrices Julie Roux et Léa Marlot",
                ),
            ],
        ),
        (
            "Le fondateur de la jeune pousse Nuvola Data, Marc Petit, recrute.",
            &[("Marc Petit", Per, &["Marc Petit"])],
            &[(
                "Marc Petit",
                "fondateur",
                Some("Nuvola Data"),
                "Le fondateur de la jeune pousse Nuvola Data, Marc Petit",
            )],
        ),
        (
            "Le député LREM de Gironde Paul Roy a voté contre.",
            &[
                ("Paul Roy", Per, &["Paul Roy"]),
                ("LREM", Org, &["LREM"]),
                ("Gironde", Loc, &["Gironde"]),
            ],
            &[(
                "Paul Roy",
                "député",
                Some("LREM"),
                "Le député LREM de Gironde Paul Roy",
            )],
        ),
        (
            "L'avocat de la famille Morel, Paul Roy, a fait appel.",
            &[
                ("Paul Roy", Per, &["Paul Roy"]),
                ("Léa Morel", Per, &["Morel"]),
            ],
            &[(
                "Paul Roy",
                "avocat",
                None,
                "L'avocat de la famille Morel, Paul Roy",
            )],
        ),
        (
            "La cofondatrice de la start-up suédoise Fjord, Emma Lind, lève des fonds.",
            &[
                ("Emma Lind", Per, &["Emma Lind"]),
                ("Fjord", Org, &["Fjord"]),
            ],
            &[(
                "Emma Lind",
                "cofondatrice",
                Some("Fjord"),
                "La cofondatrice de la start-up suédoise Fjord, Emma Lind",
            )],
        ),
    ];
    for (text, specs, expected) in cases {
        let got = roles_of(text, specs);
        let want: Vec<(String, String, Option<String>, String)> = expected
            .iter()
            .map(|(a, t, o, s)| {
                (
                    a.to_string(),
                    t.to_string(),
                    o.map(str::to_string),
                    s.to_string(),
                )
            })
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn roles_in_news_shapes() {
    let people: Spec = &[
        ("Paul Roy", Per, &["Paul Roy"]),
        ("Léa Morel", Per, &["Léa Morel"]),
    ];
    let cases: &[(&str, &str, &str)] = &[
        // Apposition with a complement that is not a named organisation.
        (
            "Selon Paul Roy, sociologue spécialisé dans les transports, le réseau sature.",
            "Paul Roy",
            "sociologue",
        ),
        (
            "« Rien ne change », a déclaré Léa Morel, présidente de la communauté de communes.",
            "Léa Morel",
            "présidente",
        ),
        // An adverb between the comma and the title.
        (
            "Léa Morel, actuellement ministre, a démissionné.",
            "Léa Morel",
            "ministre",
        ),
        // Title before the name with a lower-case complement.
        (
            "La cheffe du service des sports, Léa Morel, a répondu.",
            "Léa Morel",
            "cheffe",
        ),
        // Title, then a complement with a place, a party or dates, then the name.
        (
            "« Rien n'est joué », indique la maire de Valmoran (Nordie) Léa Morel.",
            "Léa Morel",
            "maire",
        ),
        (
            "Le directeur commercial du groupe (de 2015 à 2019) Paul Roy est accusé.",
            "Paul Roy",
            "directeur",
        ),
        // Copula.
        (
            "Paul Roy est aussi le trésorier de l'association.",
            "Paul Roy",
            "trésorier",
        ),
        // A title grown from unlabeled news, before the name.
        (
            "La romancière Léa Morel publie un livre.",
            "Léa Morel",
            "romancière",
        ),
    ];
    for (text, actor, title) in cases {
        let got = roles_of(text, people);
        assert!(
            got.iter().any(|(a, t, _, _)| a == actor && t == title),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn not_roles() {
    let people: Spec = &[
        ("Paul Roy", Per, &["Paul Roy"]),
        ("Anne Roy", Per, &["Anne Roy"]),
    ];
    for text in [
        // A participle folds to a title key ("jugé" / "juge").
        "Paul Roy est jugé pour fraude.",
        // A plural title in apposition is no one person's role.
        "Anne et Paul Roy, des mécènes, ont donné.",
        // A plural title before a comma lists no holder.
        "Les avocats de l'entreprise, Paul Roy en tête, ont plaidé.",
        // A name in the complement is its object, not the holder.
        "Le directeur de cabinet de Paul Roy a démissionné.",
    ] {
        let got = roles_of(text, people);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn no_apposition_into_a_new_clause() {
    for text in [
        "Aux côtés de Paul Dumas, la présidente du club s'est exprimée.",
        "Avec Paul Dumas, la directrice a visité l'usine.",
    ] {
        let got = roles_of(text, &[("Paul Dumas", Per, &["Paul Dumas"])]);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn no_role_without_person() {
    let got = roles_of(
        "Le ministre de l'Intérieur a visité Lyon avec des élus.",
        &[("Lyon", Loc, &["Lyon"])],
    );
    assert!(got.is_empty(), "{got:?}");
}
