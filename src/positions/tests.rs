use super::*;
use crate::pipeline::build;
use crate::record::{self, ActorType, Polarity, Position};
use context::testing::actors;
use ActorType::*;

type Spec<'a> = &'a [(&'a str, ActorType, &'a [&'a str])];

/// The record's positions and actors after the `chains` and `positions` stages.
fn run(text: &str, specs: Spec) -> (Vec<Position>, Vec<record::Actor>) {
    let doc = Document::new(text, None);
    let mut acts = actors(&doc, specs);
    let ex = PositionExtractor::new();
    let pos = ex.extract(&doc, &mut acts);
    (
        build::positions(&doc, &acts, pos),
        build::actors(&doc, &acts),
    )
}

fn quotes(pos: &[Position]) -> Vec<(Option<String>, String, Option<String>)> {
    pos.iter()
        .filter_map(|p| match p {
            Position::Quote(q) => Some((q.actor.clone(), q.text.clone(), q.cue.clone())),
            _ => None,
        })
        .collect()
}

fn stances(pos: &[Position]) -> Vec<(String, Polarity, String)> {
    pos.iter()
        .filter_map(|p| match p {
            Position::Stance(s) => Some((s.actor.clone(), s.polarity, s.target.clone())),
            _ => None,
        })
        .collect()
}

const PEOPLE: Spec = &[
    ("Claire Fontaine", Per, &["Claire Fontaine", "Fontaine"]),
    ("Hugo Marchal", Per, &["Hugo Marchal", "Marchal"]),
    ("Nordis", Org, &["Nordis"]),
    ("Valmorin", Loc, &["Valmorin"]),
    ("Léa Morel", Per, &["Léa Morel"]),
    ("Paul Roy", Per, &["Paul Roy", "Roy"]),
    ("parquet de Valmoran", Org, &["parquet de Valmoran"]),
    ("place de Valmoran", Loc, &["place de Valmoran"]),
    ("Vetra", Org, &["Vetra"]),
];

#[test]
fn quote_attribution_patterns() {
    let cases: &[(&str, Option<&str>, &str, Option<&str>)] = &[
        // Speaker and verb before a colon.
        (
            "Claire Fontaine a déclaré\u{a0}: «\u{a0}Nous ne céderons rien sur les salaires\u{a0}».",
            Some("Claire Fontaine"),
            "Nous ne céderons rien sur les salaires",
            Some("a déclaré"),
        ),
        // Quote then verb and speaker.
        (
            "« Le budget sera voté en juin », a assuré Hugo Marchal mardi.",
            Some("Hugo Marchal"),
            "Le budget sera voté en juin",
            Some("a assuré"),
        ),
        // Inverted incise with a pronoun.
        (
            "Hugo Marchal est arrivé tôt. « Je suis confiant pour la suite », a-t-il estimé.",
            Some("Hugo Marchal"),
            "Je suis confiant pour la suite",
            Some("a-t-il estimé"),
        ),
        // Present tense incise, curly quotes.
        (
            "“Rien n’est encore décidé”, explique Claire Fontaine.",
            Some("Claire Fontaine"),
            "Rien n’est encore décidé",
            Some("explique"),
        ),
        // "selon X" after a partial quote.
        (
            "Une hausse « tout à fait raisonnable » selon Hugo Marchal.",
            Some("Hugo Marchal"),
            "tout à fait raisonnable",
            Some("selon"),
        ),
        // Straight quotes, speaker after verb with an adverbial in between.
        (
            "\"Nous allons recruter cent personnes\", a annoncé lundi à la presse Claire Fontaine.",
            Some("Claire Fontaine"),
            "Nous allons recruter cent personnes",
            Some("a annoncé"),
        ),
        // Speaker named by a title resolved to its holder.
        (
            "La ministre de la Culture Claire Fontaine visitait Lyon. La ministre de la Culture a précisé que le musée rouvrira « dès le mois de mars prochain ».",
            Some("Claire Fontaine"),
            "dès le mois de mars prochain",
            Some("a précisé"),
        ),
        // Pronoun after a paragraph about one person.
        (
            "Hugo Marchal dirige Nordis depuis dix ans.\n\nIl a déclaré : « Notre croissance repose sur l'export ».",
            Some("Hugo Marchal"),
            "Notre croissance repose sur l'export",
            Some("a déclaré"),
        ),
        // "dit-il": a spelling that is both participle and finite form.
        (
            "Hugo Marchal a quitté la salle. « Tout cela ne mène à rien », dit-il.",
            Some("Hugo Marchal"),
            "Tout cela ne mène à rien",
            Some("dit-il"),
        ),
        // "Pour X, « ... »": an opinion attributed without a verb.
        (
            "Pour Claire Fontaine, « la réforme arrive beaucoup trop tard ».",
            Some("Claire Fontaine"),
            "la réforme arrive beaucoup trop tard",
            None,
        ),
        // Two quotes in one sentence, the cue after the second.
        (
            "« Nous restons prudents » car « la demande reste faible », a expliqué Hugo Marchal.",
            Some("Hugo Marchal"),
            "Nous restons prudents",
            Some("a expliqué"),
        ),
        // Object clitic before the auxiliary.
        (
            "Claire Fontaine a salué les bénévoles. « Vous êtes formidables », leur a-t-elle lancé.",
            Some("Claire Fontaine"),
            "Vous êtes formidables",
            Some("leur a-t-elle lancé"),
        ),
        // An incise pronoun after a quote goes to the previous speaker.
        (
            "« Le dossier avance », a déclaré Claire Fontaine, qui a reçu Léa Morel. « Nous signerons bientôt », a-t-elle ajouté.",
            Some("Claire Fontaine"),
            "Nous signerons bientôt",
            Some("a-t-elle ajouté"),
        ),
        // "a-t-on précisé": impersonal, no speaker.
        (
            "Hugo Marchal était absent. « La séance est reportée à lundi », a-t-on précisé.",
            None,
            "La séance est reportée à lundi",
            Some("a-t-on précisé"),
        ),
        // A stray closing-looking straight quote does not shift the pairing.
        (
            "L'écran mesure 27\" de diagonale. \"Nous livrerons en juin\", a dit Hugo Marchal.",
            Some("Hugo Marchal"),
            "Nous livrerons en juin",
            Some("a dit"),
        ),
        // A passive is not a reporting cue: the subject is not the speaker.
        (
            "Hugo Marchal était interrogé par les enquêteurs « dans le cadre d'une enquête pour fraude fiscale ».",
            None,
            "dans le cadre d'une enquête pour fraude fiscale",
            None,
        ),
        // A person behind a title in a prepositional phrase is not the pronoun's referent.
        (
            "Hugo Marchal, accompagné du ministre Paul Roy, est arrivé à midi. Il a déclaré : « La visite sera brève ».",
            Some("Hugo Marchal"),
            "La visite sera brève",
            Some("a déclaré"),
        ),
        // No speaker named: null.
        (
            "Sur la banderole, on pouvait lire « Nous voulons vivre dignement de notre travail ».",
            None,
            "Nous voulons vivre dignement de notre travail",
            Some("pouvait lire"),
        ),
        // No cue at all: null speaker, null cue.
        (
            "Dans le cortège, une pancarte : « Nous voulons vivre dignement de notre travail ».",
            None,
            "Nous voulons vivre dignement de notre travail",
            None,
        ),
        // Feminine inverted pronoun after a quote, skipping a male person.
        (
            "Claire Fontaine a rencontré M. Marchal. « La discussion fut franche et utile », a-t-elle confié.",
            Some("Claire Fontaine"),
            "La discussion fut franche et utile",
            Some("a-t-elle confié"),
        ),
    ];
    for (text, actor, quote, cue) in cases {
        let (pos, _) = run(text, PEOPLE);
        let got = quotes(&pos);
        let want = (
            actor.map(str::to_string),
            quote.to_string(),
            cue.map(str::to_string),
        );
        assert!(got.contains(&want), "{text}\n got {got:?}\nwant {want:?}");
    }
}

#[test]
fn attribution_shapes_of_news() {
    let cases: &[(&str, Option<&str>, &str)] = &[
        // A description closed by the person's name after the cue.
        (
            "Hugo Marchal a parlé. « Nous attendons une réponse », explique la sœur du \
             gardien, Léa Morel, qui vit à Valmoran.",
            Some("Léa Morel"),
            "Nous attendons une réponse",
        ),
        // A person named inside a quotation is not the one a description stands for.
        (
            "Hugo Marchal est arrivé. « Le directeur Paul Roy nous a menti sur les \
             salaires », a lancé l'employé devant les caméras.",
            Some("Hugo Marchal"),
            "Le directeur Paul Roy nous a menti sur les salaires",
        ),
        // A second quotation between the first one and the cue is passed over.
        (
            "Pour la direction, c'est « une erreur coûteuse » et « un recul social », a \
             déploré Léa Morel, porte-parole du collectif.",
            Some("Léa Morel"),
            "une erreur coûteuse",
        ),
        // An incise pronoun after an organisation's quote, with no person in view.
        (
            "« Les comptes seront publiés en mai », a indiqué la société Vetra. « Aucun \
             licenciement n'est prévu », a-t-elle ajouté.",
            Some("Vetra"),
            "Aucun licenciement n'est prévu",
        ),
        // A place complement of the verb is not the speaker when a person follows.
        (
            "« Nous ne partirons pas », a lancé mardi place de Valmoran Léa Morel.",
            Some("Léa Morel"),
            "Nous ne partirons pas",
        ),
        // A name modifying a noun ("son compte Vetra") is a complement, not the speaker.
        (
            "« Nous tiendrons nos engagements », a publié jeudi sur son compte Vetra M. Roy.",
            Some("Paul Roy"),
            "Nous tiendrons nos engagements",
        ),
        // The text of an organisation speaks for it.
        (
            "Paul Roy est accusé de fraude. « Il a détourné des fonds publics pendant dix ans », \
             conclut le rapport du parquet de Valmoran.",
            Some("parquet de Valmoran"),
            "Il a détourné des fonds publics pendant dix ans",
        ),
        // An organisation noun names the last organisation that is not a prepositional
        // object.
        (
            "Vetra a porté plainte, d'après une source proche de Nordis. « Nous irons \
             jusqu'au bout de la procédure », a indiqué l'entreprise.",
            Some("Vetra"),
            "Nous irons jusqu'au bout de la procédure",
        ),
        // A subject pronoun before its auxiliary is the subject, not a stressed pronoun.
        (
            "Léa Morel était à Valmoran lundi. Mardi, elle a répété : « Nous ne signerons \
             pas cet accord ».",
            Some("Léa Morel"),
            "Nous ne signerons pas cet accord",
        ),
        // A title opening the sentence with the person in apposition.
        (
            "La ministre chargée des Transports, Léa Morel, a exhorté mardi les élus à \
             « accélérer les travaux », soulignant que rien n'était décidé.",
            Some("Léa Morel"),
            "accélérer les travaux",
        ),
        // A title after a quotation of several sentences still sees the person named before.
        (
            "Hugo Marchal a présenté le budget. « Le plan est prêt. Il est juste. Il est \
             équilibré. Il est financé. Il sera voté », a assuré le ministre de l'Industrie.",
            Some("Hugo Marchal"),
            "Le plan est prêt. Il est juste. Il est équilibré. Il est financé. Il sera voté",
        ),
        // A possessive organisation noun as subject: the organisation named before.
        (
            "Vetra a été condamnée mardi. Sa société mère a rappelé que « la sécurité des \
             clients » restait sa priorité.",
            Some("Vetra"),
            "la sécurité des clients",
        ),
        // "Selon" + a title alone: the holder, even named with a longer title.
        (
            "La ministre vetralienne des Transports, Léa Morel, est arrivée lundi. \
             Selon la ministre vetralienne, « plus de soixante soldats ont franchi la \
             frontière ».",
            Some("Léa Morel"),
            "plus de soixante soldats ont franchi la frontière",
        ),
        // A title without its portfolio names the holder of the full title, not the last
        // man named.
        (
            "Le ministre de la Santé Hugo Marchal a présenté son plan. Le député Paul Roy l'a \
             critiqué. Le ministre a dit s'en remettre « à une conférence des régions ».",
            Some("Hugo Marchal"),
            "à une conférence des régions",
        ),
        // A generic title ("la responsable") may stand for a person named with another one.
        (
            "La présidente de la région, Léa Morel, a reçu les maires. « Il faut agir \
             vite », a insisté la responsable.",
            Some("Léa Morel"),
            "Il faut agir vite",
        ),
        // A partial quote takes the subject of its clause, even without a reporting verb.
        (
            "Hugo Marchal a jugé la mesure « bien trop tardive et timide » devant la presse.",
            Some("Hugo Marchal"),
            "bien trop tardive et timide",
        ),
        // ... also after an opening phrase.
        (
            "Dans ce contexte, Claire Fontaine a qualifié le plan de « pure opération de communication ».",
            Some("Claire Fontaine"),
            "pure opération de communication",
        ),
        // Inverted pronoun written without its first hyphen.
        (
            "Claire Fontaine a visité l'usine. « Les machines sont bien trop vieilles », ajoute t-elle.",
            Some("Claire Fontaine"),
            "Les machines sont bien trop vieilles",
        ),
        // A reporting verb missing from the lexicon, after the quote.
        (
            "« Personne ne nous a consultés sur ce tracé », a tempêté Hugo Marchal.",
            Some("Hugo Marchal"),
            "Personne ne nous a consultés sur ce tracé",
        ),
        // Inverted subject after the quote, verb missing from the lexicon.
        (
            "Hugo Marchal a pris la parole. « Nous ne partirons pas d'ici », tonne-t-il.",
            Some("Hugo Marchal"),
            "Nous ne partirons pas d'ici",
        ),
        // A present participle shares the speaker of its sentence.
        (
            "« Le calendrier sera tenu », a affirmé Claire Fontaine, ajoutant « sans aucun retard possible » pour les travaux.",
            Some("Claire Fontaine"),
            "sans aucun retard possible",
        ),
        // "Pour lui, « ... »" with a participle cue after the quote.
        (
            "Hugo Marchal a réagi mardi. Pour lui, « la direction a trahi les salariés », appelant à une grève.",
            Some("Hugo Marchal"),
            "la direction a trahi les salariés",
        ),
        // A quote standing alone after "Selon X, ...".
        (
            "Selon la présidente Léa Morel, la saison sera difficile. « Nous manquons de bras partout ».",
            Some("Léa Morel"),
            "Nous manquons de bras partout",
        ),
        // The person in apposition to a title is the speaker, not a salient other.
        (
            "Hugo Marchal a parlé hier. « Le délai est trop court », a déclaré la porte-parole de la direction régionale, Léa Morel.",
            Some("Léa Morel"),
            "Le délai est trop court",
        ),
        // A pronoun after a new sentence subject is that subject, not the last speaker.
        (
            "« Le site fermera », a dit Hugo Marchal. Paul Roy a aussitôt demandé la parole. « Nous contestons ce choix », a-t-il répliqué.",
            Some("Paul Roy"),
            "Nous contestons ce choix",
        ),
        // An organisation speaker named by its cue noun.
        (
            "Nordis a publié ses comptes. « Nos ventes ont doublé en un an », a indiqué la société.",
            Some("Nordis"),
            "Nos ventes ont doublé en un an",
        ),
        // A person noun after the cue stands for the salient person of its gender.
        (
            "Léa Morel vit à Lyon depuis vingt ans. « Tout est devenu si cher ici », observe la jeune femme.",
            Some("Léa Morel"),
            "Tout est devenu si cher ici",
        ),
        (
            "Paul Roy élève seul ses trois enfants. « Nous ne partirons pas cet été », regrette ce père de famille.",
            Some("Paul Roy"),
            "Nous ne partirons pas cet été",
        ),
        // Quotes of one sentence share the cue at its end, however far.
        (
            "« La ville avance » avec « des moyens nouveaux et durables » pour les quartiers qui « ont tant attendu », a assuré Claire Fontaine.",
            Some("Claire Fontaine"),
            "des moyens nouveaux et durables",
        ),
        (
            "« La ville avance » avec « des moyens nouveaux et durables » pour les quartiers qui « ont tant attendu », a assuré Claire Fontaine.",
            Some("Claire Fontaine"),
            "La ville avance",
        ),
        (
            "Hugo Marchal visitait une école. Pour la rentrée, « tout est prêt » dans les écoles qui « ouvriront lundi sans faute », a-t-il de nouveau promis.",
            Some("Hugo Marchal"),
            "tout est prêt",
        ),
        // A descriptor after the cue, then the person in apposition to it.
        (
            "« Ce tracé est une faute », a critiqué un porte-parole de l'association, l'avocat Paul Roy.",
            Some("Paul Roy"),
            "Ce tracé est une faute",
        ),
        // Adverbial phrases inside the verb group.
        (
            "« Nous irons jusqu'au bout », a au contraire assuré Hugo Marchal.",
            Some("Hugo Marchal"),
            "Nous irons jusqu'au bout",
        ),
        // The subject stands before its appositions, not inside them.
        (
            "Léa Morel, une consultante en énergie du cabinet Vetra, a déclaré : « Les clients ne paieront pas ».",
            Some("Léa Morel"),
            "Les clients ne paieront pas",
        ),
        (
            "Paul Roy, de Vetra, qui préside le comité Nordis, a déclaré : « Rien n'est perdu ».",
            Some("Paul Roy"),
            "Rien n'est perdu",
        ),
        // "le parquet" names the one organisation called "parquet de ...".
        (
            "Le parquet de Valmoran a ouvert une enquête. « La plainte a été classée », a indiqué le parquet.",
            Some("parquet de Valmoran"),
            "La plainte a été classée",
        ),
        // A descriptor then the name after "Pour".
        (
            "Le procès continue. Pour son avocat, Paul Roy, « son client a toujours respecté la loi ».",
            Some("Paul Roy"),
            "son client a toujours respecté la loi",
        ),
        // A sentence opened by "Selon X, ..." is X's account, partial quotes included.
        (
            "Selon le gouverneur de la province, Paul Roy, le navire « a essuyé des tirs de sommation » et a dû partir.",
            Some("Paul Roy"),
            "a essuyé des tirs de sommation",
        ),
        // The name right after a title with a party, a place or a parenthesis.
        (
            "« Les inscriptions sont en baisse », indique la maire de Valmoran (Nordie) Léa Morel.",
            Some("Léa Morel"),
            "Les inscriptions sont en baisse",
        ),
        (
            "Léa Morel a parlé. « Il faut rouvrir les classes », dénonce la maire PCF de Valmoran Claire Fontaine.",
            Some("Claire Fontaine"),
            "Il faut rouvrir les classes",
        ),
        // A short quoted title inside the cue's complement.
        (
            "« Reculer serait une faute », a déclaré dans une interview au « Courrier » le ministre de la Mer, Hugo Marchal.",
            Some("Hugo Marchal"),
            "Reculer serait une faute",
        ),
        // A definite description after the cue stands for the person in view.
        (
            "Le joueur Paul Roy a signé. « Je reste pour gagner des titres », a affirmé le coureur de 29 ans.",
            Some("Paul Roy"),
            "Je reste pour gagner des titres",
        ),
        // A quote after a sentence closed by an inverted cue is that cue's speaker's, not
        // the previous quote's.
        (
            "« Les prix montent », explique Paul Roy, économiste. Le marché devrait se calmer, \
             estime Léa Morel, analyste. « Les stocks vont baisser d'ici l'été. »",
            Some("Léa Morel"),
            "Les stocks vont baisser d'ici l'été.",
        ),
        // An organisation speaking "par la voix de" a person: that person.
        (
            "Paul Roy s'oppose à Vetra, qui a prévenu par la voix de son secrétaire général Hugo \
             Marchal qu'il n'y aura « pas de trêve pour l'été ».",
            Some("Hugo Marchal"),
            "pas de trêve pour l'été",
        ),
        // After a colon, the subject of the clause that opens the quote.
        (
            "Paul Roy a terminé son discours par une promesse : « Nous reviendrons ».",
            Some("Paul Roy"),
            "Nous reviendrons",
        ),
        // A quote inside a participial phrase opening the sentence: the main clause's subject.
        (
            "Rejetant « une réforme injuste », Léa Morel a quitté la salle.",
            Some("Léa Morel"),
            "une réforme injuste",
        ),
        (
            "Hugo Marchal est ministre du Budget. Défendant « des choix difficiles », le ministre a \
             présenté son plan.",
            Some("Hugo Marchal"),
            "des choix difficiles",
        ),
        // A resolved pronoun keeps its person in view for the next one.
        (
            "Paul Roy est arrivé lundi. Le port était calme. La mer montait. Il a déclaré : « Nous \
             reviendrons ». Le vent tournait. Les quais se vidaient. La nuit tombait. Il a ajouté : \
             « Rien ne presse ».",
            Some("Paul Roy"),
            "Rien ne presse",
        ),
        // An organisation noun said again far from any name names what it named before.
        (
            "Nordis a publié ses comptes. « Les ventes montent », a indiqué la société. Le marché \
             recule. Les prix baissent. Les stocks gonflent. Les usines ralentissent. Les clients \
             hésitent. Les banques attendent. Les salaires stagnent. Les ports se vident. \
             « Nous tiendrons », a ajouté la société.",
            Some("Nordis"),
            "Nous tiendrons",
        ),
        // With no earlier use of the noun, the organisation named within eight sentences.
        (
            "Vetra a publié ses comptes. Le marché recule. Les prix baissent. Les stocks gonflent. \
             Les usines ralentissent. Les clients hésitent. « Nous tiendrons », a ajouté la société.",
            Some("Vetra"),
            "Nous tiendrons",
        ),
        // The object of a verb is not the speaker of a partial quote.
        (
            "La police a interpellé Paul Roy pour « des violences en réunion » samedi.",
            None,
            "des violences en réunion",
        ),
    ];
    for (text, actor, quote) in cases {
        let (pos, _) = run(text, PEOPLE);
        let got = quotes(&pos);
        assert!(
            got.iter()
                .any(|(a, q, _)| a.as_deref() == *actor && q == quote),
            "{text}\n got {got:?}\nwant {actor:?} {quote:?}"
        );
    }
}

#[test]
fn pronouns_reach_far_and_learn_gender() {
    let specs: Spec = &[
        ("Paul Roy", Per, &["Paul Roy", "Roy"]),
        ("Camille Zartan", Per, &["Camille Zartan"]),
    ];
    // No person in view: the last person of the pronoun's gender, paragraphs back.
    let text = "« Nous reviendrons », a dit Paul Roy.\n\nLe port était calme. La mer montait. Le \
                vent tournait. Les quais se vidaient.\n\n« Rien ne presse », a-t-il ajouté.";
    let q = quotes(&run(text, specs).0);
    assert!(
        q.iter()
            .any(|(a, t, _)| a.as_deref() == Some("Paul Roy") && t == "Rien ne presse"),
        "{q:?}"
    );
    // "a-t-il dit" tells that Camille Zartan is a man: a later "elle" is someone else.
    let text = "Camille Zartan a parlé. « Nous reviendrons », a-t-il dit. « Rien ne presse », \
                a-t-elle ajouté.";
    let q = quotes(&run(text, specs).0);
    assert!(
        q.iter()
            .any(|(a, t, _)| a.is_none() && t == "Rien ne presse"),
        "{q:?}"
    );
}

#[test]
fn descriptions_of_things_name_no_speaker() {
    let text = "Hugo Marchal a présenté le plan. « Les travaux commenceront en mai », a indiqué le communiqué.";
    let (pos, _) = run(text, PEOPLE);
    let q = quotes(&pos);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, None, "{q:?}");
    // An indefinite organisation noun is a new entity; a capitalised one opens a name the
    // actor stage did not find. Neither is the organisation named before.
    // The reflexive use of "annoncer", "assurer": no reporting verb ("se demander" is).
    let text = "Pour Léa Morel, la saison s'annonce « très difficile » dans les vignes.";
    let q = quotes(&run(text, PEOPLE).0);
    assert!(
        q.iter()
            .all(|(_, t, cue)| t != "très difficile" || cue.is_none()),
        "{q:?}"
    );
    let text = "« Tout est-il prêt ? », s'est demandé Paul Roy.";
    let q = quotes(&run(text, PEOPLE).0);
    assert_eq!(q[0].0.as_deref(), Some("Paul Roy"), "{q:?}");
    for text in [
        "Le rapport de Paul Roy est clair : « Les comptes sont faux ».",
        "Pendant « la trêve des confiseurs », Paul Roy a dormi.",
        "Nordis a publié ses comptes. « Les prix montent », regrette un collectif de clients.",
        "Nordis a publié ses comptes. « Les prix montent », a indiqué l'Agence valmoranaise des routes.",
    ] {
        let q = quotes(&run(text, PEOPLE).0);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, None, "{text}: {q:?}");
    }
}

#[test]
fn quotes_that_are_not_speech() {
    for text in [
        "Nordis a lancé une application appelée « Mon Budget Facile » cette semaine.",
        "Les « gilets rouges » étaient dans la rue.",
        "Il a lu le roman « La Nuit des temps » en une journée.",
    ] {
        let (pos, _) = run(text, PEOPLE);
        assert!(quotes(&pos).is_empty(), "{text}: {:?}", quotes(&pos));
    }
}

#[test]
fn quote_across_paragraphs_and_consecutive_quotes() {
    let text = "Claire Fontaine a répondu : « Nous avons travaillé tout l'été sans relâche.\n\n« Les résultats arriveront avant la fin de l'année. »\n\nPuis Hugo Marchal est parti.";
    let (pos, _) = run(text, PEOPLE);
    let q = quotes(&pos);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0.as_deref(), Some("Claire Fontaine"));
    assert!(q[0].1.ends_with("avant la fin de l'année."), "{:?}", q[0].1);
    let text = "« Le site fermera en mai », a indiqué Hugo Marchal. « Aucun salarié ne sera licencié pour autant. »";
    let (pos, _) = run(text, PEOPLE);
    let q = quotes(&pos);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].0.as_deref(), Some("Hugo Marchal"));
}

#[test]
fn quote_offsets_are_code_points_of_inner_text() {
    let text = "Été : « Ça ira mieux demain », a dit Claire Fontaine.";
    let (pos, _) = run(text, PEOPLE);
    let Some(Position::Quote(q)) = pos.iter().find(|p| matches!(p, Position::Quote(_))) else {
        panic!("no quote: {pos:?}");
    };
    let chars: String = text.chars().skip(q.start).take(q.end - q.start).collect();
    assert_eq!(chars, "Ça ira mieux demain");
}

#[test]
fn title_and_pronoun_mentions_are_added_with_exact_spans() {
    let text = "Le chancelier autrichien Hugo Marchal arrive. Le chancelier autrichien a déclaré : « Nous sommes prêts ». Il a ajouté : « Tout est calme ».";
    let (pos, acts) = run(text, PEOPLE);
    let q = quotes(&pos);
    assert!(
        q.iter().all(|x| x.0.as_deref() == Some("Hugo Marchal")),
        "{q:?}"
    );
    let hugo = acts.iter().find(|a| a.name == "Hugo Marchal").unwrap();
    let texts: Vec<&str> = hugo.mentions.iter().map(|m| m.span.text.as_str()).collect();
    assert!(texts.contains(&"chancelier autrichien"), "{texts:?}");
    assert!(texts.contains(&"Il"), "{texts:?}");
    for m in &hugo.mentions {
        let chars: String = text
            .chars()
            .skip(m.span.start)
            .take(m.span.end - m.span.start)
            .collect();
        assert_eq!(chars, m.span.text);
    }
}

#[test]
fn title_with_another_organisation_is_not_the_holder() {
    let text = "Le président Hugo Marchal a ouvert la séance. Le président de Nordis a déclaré : « Rien ne change pour nous ».";
    let (pos, acts) = run(text, PEOPLE);
    let q = quotes(&pos);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, None, "{q:?}");
    let hugo = acts.iter().find(|a| a.name == "Hugo Marchal").unwrap();
    assert_eq!(hugo.mentions.len(), 1, "{:?}", hugo.mentions);
}

#[test]
fn stance_patterns() {
    let cases: &[(&str, (&str, Polarity, &str))] = &[
        (
            "Claire Fontaine s'oppose à la réforme du rail.",
            ("Claire Fontaine", Polarity::Against, "réforme du rail"),
        ),
        (
            "Hugo Marchal soutient le projet de tramway.",
            ("Hugo Marchal", Polarity::For, "projet de tramway"),
        ),
        // A light noun gives way to its complement.
        (
            "Hugo Marchal a défendu l'idée que la gratuité des transports est juste.",
            ("Hugo Marchal", Polarity::For, "gratuité des transports"),
        ),
        (
            "Claire Fontaine s'oppose à la mise en place du péage urbain.",
            ("Claire Fontaine", Polarity::Against, "péage urbain"),
        ),
        (
            "Nordis dénonce une concurrence déloyale sur le marché.",
            (
                "Nordis",
                Polarity::Against,
                "concurrence déloyale sur le marché",
            ),
        ),
        (
            "Le Valmorin n'a pas signé l'accord final.",
            ("Valmorin", Polarity::Against, "accord final"),
        ),
        (
            "Hugo Marchal a plaidé en faveur d'une taxe carbone.",
            ("Hugo Marchal", Polarity::For, "taxe carbone"),
        ),
        (
            "Claire Fontaine réclame la démission du préfet.",
            ("Claire Fontaine", Polarity::For, "démission du préfet"),
        ),
        (
            "La position ferme du Valmorin contre les quotas a surpris.",
            ("Valmorin", Polarity::Against, "quotas"),
        ),
        (
            "Hugo Marchal est arrivé. Il a fustigé la hausse des loyers.",
            ("Hugo Marchal", Polarity::Against, "hausse des loyers"),
        ),
        (
            "Claire Fontaine s'est dite prête à travailler avec les syndicats.",
            (
                "Claire Fontaine",
                Polarity::For,
                "coopération avec syndicats",
            ),
        ),
        (
            "« Cette taxe injuste doit disparaître », a déclaré Hugo Marchal.",
            ("Hugo Marchal", Polarity::Against, "taxe"),
        ),
        // The determiner may stand before the opening mark.
        (
            "Selon Hugo Marchal, le Valmorin impose une « fiscalité injuste ».",
            ("Hugo Marchal", Polarity::Against, "fiscalité"),
        ),
        // A quote reported by a stance verb: for or against what it opens on.
        (
            "« La fermeture du guichet est une faute », a dénoncé Claire Fontaine.",
            ("Claire Fontaine", Polarity::Against, "fermeture du guichet"),
        ),
        (
            "« Le nouveau tramway est une chance pour le quartier », a salué Hugo Marchal.",
            ("Hugo Marchal", Polarity::For, "nouveau tramway"),
        ),
        // Verbs added to the lexicon, organisations as holders.
        (
            "Nordis regrette la suppression des aides à l'export.",
            (
                "Nordis",
                Polarity::Against,
                "suppression des aides à l'export",
            ),
        ),
        (
            "Claire Fontaine s'est réjouie de la baisse du chômage.",
            ("Claire Fontaine", Polarity::For, "baisse du chômage"),
        ),
        // Adverbs and adverbial phrases in the verb group.
        (
            "Hugo Marchal a de nouveau plaidé pour une taxe carbone.",
            ("Hugo Marchal", Polarity::For, "taxe carbone"),
        ),
        (
            "Claire Fontaine regrette ainsi la fermeture du guichet.",
            ("Claire Fontaine", Polarity::Against, "fermeture du guichet"),
        ),
        // An object between the verb and its particle.
        (
            "Hugo Marchal a appelé ses voisins à rester prudents.",
            ("Hugo Marchal", Polarity::For, "rester prudents"),
        ),
        (
            "Paul Roy appelle quant à lui Léa Morel à « revoir sa copie ».",
            ("Paul Roy", Polarity::For, "revoir sa copie"),
        ),
        // Calling for the end of something is a stance against it.
        (
            "Léa Morel a appelé à la fin des contrôles au faciès.",
            ("Léa Morel", Polarity::Against, "contrôles au faciès"),
        ),
        (
            "Claire Fontaine a plaidé pour sortir du régime des quotas.",
            ("Claire Fontaine", Polarity::Against, "régime des quotas"),
        ),
        // Stance adjectives after a copula, "se dire", or in apposition.
        (
            "Claire Fontaine s'est par ailleurs dite opposée à une prolongation du couvre-feu.",
            (
                "Claire Fontaine",
                Polarity::Against,
                "prolongation du couvre-feu",
            ),
        ),
        (
            "Paul Roy, fermement hostile à toute hausse des taxes, a quitté la salle.",
            ("Paul Roy", Polarity::Against, "hausse des taxes"),
        ),
        (
            "Claire Fontaine est une fervente partisane du vote obligatoire.",
            ("Claire Fontaine", Polarity::For, "vote obligatoire"),
        ),
        // A stance noun after a possessive belongs to the subject.
        (
            "Léa Morel a annoncé son soutien à Paul Roy.",
            ("Léa Morel", Polarity::For, "Paul Roy"),
        ),
        (
            "Hugo Marchal, rappelant son opposition au nouveau stade, a parlé.",
            ("Hugo Marchal", Polarity::Against, "nouveau stade"),
        ),
        (
            "Vetra a réitéré dimanche sa demande de création d'un fonds d'urgence.",
            ("Vetra", Polarity::For, "création d'un fonds d'urgence"),
        ),
        // Cues of one verb with different particles; negation-only cues.
        (
            "Nordis a voté pour la résolution.",
            ("Nordis", Polarity::For, "résolution"),
        ),
        (
            "Nordis a voté contre la résolution.",
            ("Nordis", Polarity::Against, "résolution"),
        ),
        (
            "Léa Morel ne partage pas la vision de Paul Roy.",
            ("Léa Morel", Polarity::Against, "vision de Paul Roy"),
        ),
        (
            "Hugo Marchal a promis de rouvrir la maternité.",
            ("Hugo Marchal", Polarity::For, "rouvrir la maternité"),
        ),
        // The speaker's own stance inside a quote.
        (
            "« Je salue la décision du tribunal », a réagi Léa Morel.",
            ("Léa Morel", Polarity::For, "décision du tribunal"),
        ),
        (
            "« Nous nous opposons à la fusion des deux écoles », a déclaré Hugo Marchal.",
            ("Hugo Marchal", Polarity::Against, "fusion des deux écoles"),
        ),
        // The speaker's own "je suis contre" inside a quote.
        (
            "« Je suis contre la hausse des loyers », a dit Léa Morel.",
            ("Léa Morel", Polarity::Against, "hausse des loyers"),
        ),
        (
            "« Nous sommes très favorables au nouveau tramway », a dit Hugo Marchal.",
            ("Hugo Marchal", Polarity::For, "nouveau tramway"),
        ),
        // A passive: the agent after "par" holds the stance on the subject.
        (
            "La hausse des tarifs a été vivement critiquée par Claire Fontaine.",
            ("Claire Fontaine", Polarity::Against, "hausse des tarifs"),
        ),
        (
            "Léa Morel a dénoncé les coupures, également critiquées par Paul Roy.",
            ("Paul Roy", Polarity::Against, "coupures"),
        ),
        (
            "Paul Roy, soutenu par Nordis, a déposé sa candidature.",
            ("Nordis", Polarity::For, "Paul Roy"),
        ),
        // A judgement reported with "que".
        (
            "Léa Morel a estimé que la fermeture du guichet était « injuste ».",
            ("Léa Morel", Polarity::Against, "fermeture du guichet"),
        ),
        (
            "Nordis juge inacceptable que la commune ferme le guichet.",
            ("Nordis", Polarity::Against, "commune ferme le guichet"),
        ),
        (
            "Hugo Marchal estime que la nouvelle ligne de bus est indispensable.",
            ("Hugo Marchal", Polarity::For, "nouvelle ligne de bus"),
        ),
        (
            "Claire Fontaine estime que la piscine municipale doit être rénovée.",
            ("Claire Fontaine", Polarity::For, "piscine municipale"),
        ),
        (
            "Nordis a jugé que la taxe sur les vols devrait être supprimée.",
            ("Nordis", Polarity::Against, "taxe sur les vols"),
        ),
        // A phrase of place or medium between the verb and its object.
        (
            "Nordis a dénoncé dans un communiqué la fermeture du guichet.",
            ("Nordis", Polarity::Against, "fermeture du guichet"),
        ),
        (
            "Léa Morel a salué sur Twitter les efforts des bénévoles.",
            ("Léa Morel", Polarity::For, "efforts des bénévoles"),
        ),
        (
            "Léa Morel refuse pour l'instant d'approuver le budget.",
            ("Léa Morel", Polarity::Against, "approuver le budget"),
        ),
        // Verbs of mockery and blame.
        (
            "Léa Morel a raillé le projet de téléphérique.",
            ("Léa Morel", Polarity::Against, "projet de téléphérique"),
        ),
        (
            "Nordis a mis en cause la gestion du port.",
            ("Nordis", Polarity::Against, "gestion du port"),
        ),
        // Nouns of advocacy or opposition, like stance adjectives.
        (
            "Paul Roy, fervent défenseur du nucléaire civil, a parlé.",
            ("Paul Roy", Polarity::For, "nucléaire civil"),
        ),
        (
            "Léa Morel est une farouche opposante à la réforme du lycée.",
            ("Léa Morel", Polarity::Against, "réforme du lycée"),
        ),
        // A refused stance is its opposite.
        (
            "Nordis a confirmé son refus d'appuyer le projet de stade.",
            ("Nordis", Polarity::Against, "projet de stade"),
        ),
        (
            "Léa Morel refuse de défendre le nouveau tramway.",
            ("Léa Morel", Polarity::Against, "nouveau tramway"),
        ),
        // A relative clause on a noun in apposition to a name.
        (
            "Paul Roy, un libéral convaincu qui défend la taxe carbone, a parlé.",
            ("Paul Roy", Polarity::For, "taxe carbone"),
        ),
        // Every actor of a coordinated subject.
        (
            "Nordis, Vetra et le Valmorin soutiennent la grève.",
            ("Vetra", Polarity::For, "grève"),
        ),
        (
            "Nordis, Vetra et le Valmorin soutiennent la grève.",
            ("Nordis", Polarity::For, "grève"),
        ),
        (
            "Nordis, Vetra et le Valmorin soutiennent la grève.",
            ("Valmorin", Polarity::For, "grève"),
        ),
        // An adjective phrase opening the sentence belongs to the main clause's subject.
        (
            "Favorable à une taxe carbone, Claire Fontaine a voté contre.",
            ("Claire Fontaine", Polarity::For, "taxe carbone"),
        ),
        // An object ends before "d'avoir" / "d'être".
        (
            "Paul Roy accuse la direction d'avoir menti.",
            ("Paul Roy", Polarity::Against, "direction"),
        ),
        (
            "Nordis et Vetra ont affiché leur soutien aux grévistes.",
            ("Nordis", Polarity::For, "grévistes"),
        ),
        // A participle phrase opening the sentence belongs to the main clause's subject.
        (
            "Dénonçant un tarif injuste, Claire Fontaine a quitté la séance.",
            ("Claire Fontaine", Polarity::Against, "tarif injuste"),
        ),
    ];
    for (text, (actor, pol, target)) in cases {
        let (pos, _) = run(text, PEOPLE);
        let got = stances(&pos);
        assert!(
            got.iter()
                .any(|(a, p, t)| a == actor && p == pol && t == target),
            "{text}\n got {got:?}"
        );
    }
}

#[test]
fn stance_holder_past_glosses_and_dates() {
    let spec: Spec = &[
        ("Paul Roy", Per, &["Paul Roy"]),
        ("Union des Vetra", Org, &["Union des Vetra", "UDV"]),
        ("Nordis", Org, &["Nordis"]),
    ];
    // The acronym glossed in parentheses is a complement like the name it glosses.
    let (pos, _) = run(
        "Paul Roy a rompu avec l'Union des Vetra (UDV) et affiche son soutien à Nordis.",
        spec,
    );
    assert_eq!(
        stances(&pos),
        vec![("Paul Roy".to_string(), Polarity::For, "Nordis".to_string())]
    );
    // A date between the verb and its object.
    let (pos, _) = run(
        "Paul Roy a réclamé le 12 mars une enquête indépendante.",
        spec,
    );
    assert_eq!(
        stances(&pos),
        vec![(
            "Paul Roy".to_string(),
            Polarity::For,
            "enquête indépendante".to_string()
        )]
    );
}

#[test]
fn an_accusation_lends_no_stance_to_the_accused() {
    for text in [
        "Léa Morel accuse Paul Roy d'avoir soutenu la réforme.",
        "Paul Roy a critiqué Nordis, qu'il accuse d'appuyer la réforme.",
    ] {
        let (pos, _) = run(text, PEOPLE);
        let got = stances(&pos);
        assert!(
            got.iter().all(|(_, _, t)| t != "réforme"),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn relative_on_a_common_noun_has_that_noun_for_subject() {
    let (pos, _) = run(
        "Nordis a salué les habitants qui réclamaient le départ du préfet.",
        PEOPLE,
    );
    let got = stances(&pos);
    assert!(
        got.iter().all(|(_, _, t)| t != "départ du préfet"),
        "{got:?}"
    );
}

#[test]
fn no_stance_without_object_or_with_other_meaning() {
    for text in [
        "Hugo Marchal s'est défendu d'avoir menti.",
        "Claire Fontaine a signé un contrat avec Nordis.",
        "Le soutien est fragile.",
        "Hugo Marchal ne s'oppose pas à la réforme.",
        // A passive: the subject is the one accused, not the accuser.
        "Hugo Marchal est accusé de fraude par le parquet.",
        // A quote that opens on a pronoun names no target.
        "« Nous ne lâcherons rien », a dénoncé Claire Fontaine.",
        // An adjective qualifying a noun, and a negated adjective.
        "Le camp opposé à la réforme a défilé.",
        "Hugo Marchal n'est pas opposé à la réforme.",
        // Inside a quote, someone else's stance is not the speaker's.
        "« Ils dénoncent la réforme », a dit Léa Morel.",
        // Not promising something is no stance against it.
        "Hugo Marchal n'a jamais promis de baisser les impôts.",
        // A light noun without a complement names no target.
        "Claire Fontaine conteste la manière.",
        "Hugo Marchal a salué un fait.",
        // A participle qualifying a noun, a clitic object, "sans".
        "Nordis a recensé les clients refusant de payer la taxe.",
        "Léa Morel est arrivée. Elle leur a demandé de partir.",
        "Paul Roy a parlé sans condamner la réforme.",
        "Hugo Marchal a renoncé à condamner la réforme.",
        // A wished stance in a clause of purpose.
        "Paul Roy a écrit au conseil pour que Nordis refuse le projet de stade.",
        // Asking for an opinion is no stance.
        "Hugo Marchal a demandé un avis juridique.",
        "Les défenseurs de la réforme ont défilé.",
        // A pronoun is no target.
        "Léa Morel est arrivée. Paul Roy s'est moqué de lui.",
        "Léa Morel a renouvelé son soutien à celle qui dirige Nordis.",
        "Nordis a confirmé sa réticence à critiquer le budget.",
        // The subject of a "dont" clause is the noun phrase after "dont".
        "Paul Roy, dont la fille a dénoncé la réforme, est arrivé.",
        "Paul Roy n'a pas estimé que la réforme était injuste.",
        "Paul Roy estime que la taxe ne doit pas être supprimée.",
        // A one-word judgement is no target; a negated "je suis contre" no stance.
        "« Inacceptable », a dénoncé Claire Fontaine.",
        "« Je ne suis pas contre la réforme », a dit Léa Morel.",
        // A negated passive, and a passive whose agent is no actor.
        "Paul Roy n'a pas été soutenu par Nordis.",
        "La réforme, soutenue par la majorité, a été adoptée.",
    ] {
        let (pos, _) = run(text, PEOPLE);
        assert!(stances(&pos).is_empty(), "{text}: {:?}", stances(&pos));
    }
}

#[test]
fn participial_opening_in_the_last_sentence_with_a_pronoun_subject() {
    // The clause after the opening runs to the end of the text: the pronoun's speaker is
    // looked up from one past the last token (this used to index out of bounds).
    let text = "Paul Roy a dit : « Nous reviendrons ». Lançant « un appel aux habitants », il a \
                invité la ville à participer.";
    let (pos, _) = run(text, PEOPLE);
    let q = quotes(&pos);
    assert!(
        q.iter()
            .any(|(who, t, _)| who.as_deref() == Some("Paul Roy") && t == "un appel aux habitants"),
        "{q:?}"
    );
}
