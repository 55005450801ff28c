//! Table-driven tests of the whole figure stage on French news phrasing (sentences written
//! for these tests).

use super::FigureExtractor;
use crate::article::ArticleDate;
use crate::record::{AmountKind, Qualifier};
use crate::text::Document;

fn amounts(text: &str) -> Vec<(AmountKind, f64, Option<String>)> {
    let doc = Document::new(text, None);
    let (a, _) = FigureExtractor::new().extract(&doc);
    a.into_iter().map(|a| (a.kind, a.value, a.unit)).collect()
}

fn full(text: &str) -> Vec<crate::record::Amount> {
    let doc = Document::new(text, None);
    let (a, _) = FigureExtractor::new().extract(&doc);
    a.into_iter()
        .map(|a| a.map_span(|r| crate::pipeline::build::span(&doc, r)))
        .collect()
}

fn dates(text: &str, date: Option<&str>) -> Vec<Option<String>> {
    let doc = Document::new(text, date.and_then(ArticleDate::parse));
    let (_, d) = FigureExtractor::new().extract(&doc);
    d.into_iter().map(|d| d.value).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

use AmountKind::*;

/// An expected amount: kind, value, unit.
type Want = (AmountKind, f64, Option<&'static str>);

/// (text, expected amounts).
const AMOUNT_CASES: &[(&str, &[Want])] = &[
    // Money: magnitudes and currencies.
    (
        "Le fonds a levé 300 milliards de dollars.",
        &[(Money, 3e11, Some("USD"))],
    ),
    (
        "L'État investira 109 milliards d'euros.",
        &[(Money, 1.09e11, Some("EUR"))],
    ),
    (
        "Un plan de 1,5 milliard d'euros a été voté.",
        &[(Money, 1.5e9, Some("EUR"))],
    ),
    (
        "Le chiffre d'affaires atteint 4,5 Md€ cette année.",
        &[(Money, 4.5e9, Some("EUR"))],
    ),
    (
        "La start-up a levé 2,4 M$ auprès de business angels.",
        &[(Money, 2.4e6, Some("USD"))],
    ),
    (
        "Le prix de vente est fixé à 35 900 € TTC.",
        &[(Money, 35900.0, Some("EUR"))],
    ),
    (
        "Le prix de vente est fixé à 35\u{a0}900\u{a0}€.",
        &[(Money, 35900.0, Some("EUR"))],
    ),
    (
        "Le prix de vente est fixé à 35\u{202f}900\u{202f}€.",
        &[(Money, 35900.0, Some("EUR"))],
    ),
    (
        "La maison s'est vendue 839.000 euros.",
        &[(Money, 839000.0, Some("EUR"))],
    ),
    (
        "Il réclame 51'000 francs à son employeur.",
        &[(Money, 51000.0, Some("CHF"))],
    ),
    (
        "Le déficit s'élève à 19 337 992,84 euros.",
        &[(Money, 19337992.84, Some("EUR"))],
    ),
    (
        "Le contrat est estimé à USD 3 millions.",
        &[(Money, 3e6, Some("USD"))],
    ),
    (
        "Une aide de 3 millions de dollars canadiens a été promise.",
        &[(Money, 3e6, Some("CAD"))],
    ),
    (
        "Une aide de 3 millions de dollars américains a été promise.",
        &[(Money, 3e6, Some("USD"))],
    ),
    (
        "Le tableau a été adjugé 2 millions de livres sterling.",
        &[(Money, 2e6, Some("GBP"))],
    ),
    (
        "Le loyer atteint 2 500 francs suisses par mois.",
        &[(Money, 2500.0, Some("CHF"))],
    ),
    (
        "Pékin a débloqué 500 milliards de yuans.",
        &[(Money, 5e11, Some("CNY"))],
    ),
    (
        "Tokyo a promis 10 000 milliards de yens.",
        &[(Money, 1e13, Some("JPY"))],
    ),
    (
        "Chaque famille a reçu 50 000 FCFA.",
        &[(Money, 50000.0, Some("XOF"))],
    ),
    (
        "Le budget est de 250 k€ pour l'année.",
        &[(Money, 250000.0, Some("EUR"))],
    ),
    (
        "Il a touché mille euros de prime.",
        &[(Money, 1000.0, Some("EUR"))],
    ),
    (
        "L'État a injecté un milliard d'euros dans la filière.",
        &[(Money, 1e9, Some("EUR"))],
    ),
    (
        "Le rachat s'est fait pour 12 millions $.",
        &[(Money, 1.2e7, Some("USD"))],
    ),
    (
        "Le club a payé £ 40 millions pour le joueur.",
        &[(Money, 4e7, Some("GBP"))],
    ),
    (
        "La société a perdu 8,5 millions d'euros en un an.",
        &[(Money, 8.5e6, Some("EUR"))],
    ),
    ("Le billet coûte 9,90 euros.", &[(Money, 9.9, Some("EUR"))]),
    (
        "Le ticket passe à 50 centimes d'euro.",
        &[(Money, 0.5, Some("EUR"))],
    ),
    (
        "Une amende de 135 € sera infligée.",
        &[(Money, 135.0, Some("EUR"))],
    ),
    (
        "Le projet coûtera deux milliards d'euros.",
        &[(Money, 2e9, Some("EUR"))],
    ),
    (
        "Une rallonge de quelques millions d'euros est prévue.",
        &[(Money, 1e6, Some("EUR"))],
    ),
    (
        "Un trou d'une dizaine de millions d'euros a été découvert.",
        &[(Money, 1e7, Some("EUR"))],
    ),
    (
        "Le groupe a dégagé 170 millions d'euros de bénéfice, contre 76 millions l'an passé.",
        &[(Money, 1.7e8, Some("EUR")), (Money, 7.6e7, Some("EUR"))],
    ),
    (
        "Le salaire moyen est de 2 300 dollars.",
        &[(Money, 2300.0, Some("USD"))],
    ),
    ("Il a gagné 1 200 roubles.", &[(Money, 1200.0, Some("RUB"))]),
    (
        "Le budget atteint 2,5 milliards de dinars algériens.",
        &[(Money, 2.5e9, Some("DZD"))],
    ),
    (
        "La Suède a prêté 3 milliards de couronnes suédoises.",
        &[(Money, 3e9, Some("SEK"))],
    ),
    // Percentages and points.
    (
        "Le chômage a atteint 12,5 % de la population active.",
        &[(Percent, 12.5, None)],
    ),
    (
        "Le chômage a atteint 12,5 pour cent.",
        &[(Percent, 12.5, None)],
    ),
    (
        "La participation est de 30\u{a0}%.",
        &[(Percent, 30.0, None)],
    ),
    (
        "La participation est de 30\u{202f}%.",
        &[(Percent, 30.0, None)],
    ),
    ("Les prix ont augmenté de 3%.", &[(Percent, 3.0, None)]),
    (
        "Le taux a baissé de 0,25 point de pourcentage.",
        &[(Points, 0.25, None)],
    ),
    (
        "Le candidat recule de 3 points, à 22 % des intentions de vote.",
        &[(Points, 3.0, None), (Percent, 22.0, None)],
    ),
    (
        "La hausse atteint 5 p.c. sur un an.",
        &[(Percent, 5.0, None)],
    ),
    (
        "Seuls dix pour cent des électeurs ont voté.",
        &[(Percent, 10.0, None)],
    ),
    // Counts.
    (
        "Plus de 1 000 chefs d'entreprise ont signé.",
        &[(Count, 1000.0, Some("chefs d'entreprise"))],
    ),
    (
        "L'usine va créer un millier d'emplois.",
        &[(Count, 1000.0, Some("emplois"))],
    ),
    (
        "Une centaine de pays sont représentés.",
        &[(Count, 100.0, Some("pays"))],
    ),
    (
        "On recense 30 millions de cas dans le monde.",
        &[(Count, 3e7, Some("cas"))],
    ),
    (
        "Une quinzaine de ministres étaient présents.",
        &[(Count, 15.0, Some("ministres"))],
    ),
    (
        "Des milliers de manifestants ont défilé.",
        &[(Count, 1000.0, Some("manifestants"))],
    ),
    (
        "Des dizaines de milliers de personnes ont fui.",
        &[(Count, 10000.0, Some("personnes"))],
    ),
    (
        "L'accident a fait 12 morts et 40 blessés.",
        &[(Count, 12.0, Some("morts")), (Count, 40.0, Some("blessés"))],
    ),
    (
        "Le pays compte 14 nouveaux cas.",
        &[(Count, 14.0, Some("nouveaux cas"))],
    ),
    (
        "Près de 40.000 personnes ont manifesté.",
        &[(Count, 40000.0, Some("personnes"))],
    ),
    (
        "Vingt et un pays ont signé l'accord.",
        &[(Count, 21.0, Some("pays"))],
    ),
    (
        "Quatre-vingt-dix-neuf salariés ont été licenciés.",
        &[(Count, 99.0, Some("salariés"))],
    ),
    (
        "Deux cents familles ont été relogées.",
        &[(Count, 200.0, Some("familles"))],
    ),
    (
        "Le stade compte soixante-dix mille places.",
        &[(Count, 70000.0, Some("places"))],
    ),
    (
        "Le film a réuni un million deux cent mille spectateurs.",
        &[(Count, 1.2e6, Some("spectateurs"))],
    ),
    (
        "Le site a été visité par 30 000 Français.",
        &[(Count, 30000.0, Some("Français"))],
    ),
    // Ratios.
    (
        "La réponse est 10 fois plus rapide que celle des concurrents.",
        &[(Ratio, 10.0, None)],
    ),
    ("Le trafic a doublé en un an.", &[(Ratio, 2.0, None)]),
    (
        "Les ventes ont triplé depuis janvier.",
        &[(Ratio, 3.0, None)],
    ),
    (
        "Ce modèle consomme trois fois moins d'énergie.",
        &[(Ratio, 3.0, None)],
    ),
    // Not amounts.
    ("Deux grands absents ont marqué la réunion.", &[]),
    ("Il a passé trois ans en prison.", &[]),
    ("L'homme de 45 ans a été interpellé.", &[]),
    ("La réunion a commencé à 10h30.", &[]),
    ("Rendez-vous à 20 heures au 12 rue de la Paix.", &[]),
    (
        "Selon l'article 49.3 de la Constitution, le texte est adopté.",
        &[],
    ),
    ("Le PSG s'est imposé 3-1 face à Lyon.", &[]),
    ("Appelez le 01 45 67 89 00 pour réserver.", &[]),
    ("La 5G arrive dans la ville.", &[]),
    ("Il a couru 10 km en 40 minutes.", &[]),
    ("C'était la première fois depuis 2015.", &[]),
    ("La Covid-19 continue de circuler.", &[]),
    ("Le président est arrivé en 2017 au pouvoir.", &[]),
    ("Il a été élu le 7 mai 2017.", &[]),
    ("L'acte 15 de la mobilisation a eu lieu samedi.", &[]),
    ("La température a atteint 40 degrés.", &[]),
    ("Il est venu deux fois la semaine dernière.", &[]),
    (
        "Le bilan fait état de 528 blessés, dont 17 grièvement atteints.",
        &[(Count, 528.0, Some("blessés"))],
    ),
    ("Le classement Soft Power 30 anticipe un recul.", &[]),
    (
        "Le kilo de viande dépasse 1 800 DA au marché.",
        &[(Money, 1800.0, Some("DZD"))],
    ),
    ("Les racketteurs ont perdu 131 millions de pesos.", &[]),
    ("L'application a été téléchargée 1,9 million de fois.", &[]),
    ("Le feu a détruit 1,6 million d'hectares.", &[]),
    (
        "Les salles sont remplies à 65-70 %.",
        &[(Percent, 65.0, None), (Percent, 70.0, None)],
    ),
    (
        "Ses revenus ont fondu de 4-6 millions de dollars.",
        &[(Money, 4e6, Some("USD")), (Money, 6e6, Some("USD"))],
    ),
    (
        "Le vaccin pourrait protéger des millions de personnes.",
        &[(Count, 1e6, Some("personnes"))],
    ),
    (
        "Le gouvernement a annoncé dimanche 3 milliards d'euros d'aides.",
        &[(Money, 3e9, Some("EUR"))],
    ),
    (
        "Ils étaient des milliers dans la rue.",
        &[(Count, 1000.0, None)],
    ),
    (
        "Le prix a été multiplié par quatre en un an.",
        &[(Ratio, 4.0, None)],
    ),
    (
        "Le vainqueur a obtenu 93 voix contre 63.",
        &[(Count, 93.0, Some("voix"))],
    ),
    ("Le moteur développe 480 ch et 560 Nm.", &[]),
    ("La voiture est équipée de jantes de 20 pouces.", &[]),
    (
        "Trois millions et demi de dollars sont perdus.",
        &[(Money, 3.5e6, Some("USD"))],
    ),
    (
        "Le pays a reçu 2 millions et demi de doses.",
        &[(Count, 2.5e6, Some("doses"))],
    ),
    ("Le moteur V8 compte 8 cylindres.", &[]),
    (
        "Le taux a doublé au cours des 30 dernières années.",
        &[(Ratio, 2.0, None)],
    ),
    (
        "L'attaque a fait trois morts et cinq blessés.",
        &[(Count, 3.0, Some("morts")), (Count, 5.0, Some("blessés"))],
    ),
    ("Les deux candidats se sont affrontés.", &[]),
    (
        "Le projet coûte 1 billion 344 milliards 656 millions FCFA.",
        &[(Money, 1.344656e12, Some("XOF"))],
    ),
    // More phrasing from news.
    (
        "La mairie a versé 12 500 euros à l'association.",
        &[(Money, 12500.0, Some("EUR"))],
    ),
    (
        "Le contrat s'élève à 1,2 milliard de dollars.",
        &[(Money, 1.2e9, Some("USD"))],
    ),
    (
        "La banque a provisionné 850 M€ au troisième trimestre.",
        &[(Money, 8.5e8, Some("EUR"))],
    ),
    (
        "Le club a déboursé 80 millions d'euros, bonus compris.",
        &[(Money, 8e7, Some("EUR"))],
    ),
    (
        "Le smic net atteint 1 231 euros par mois.",
        &[(Money, 1231.0, Some("EUR"))],
    ),
    (
        "Le baril de Brent cotait 72,50 dollars à Londres.",
        &[(Money, 72.5, Some("USD"))],
    ),
    (
        "La facture atteint 3 millions de francs CFA.",
        &[(Money, 3e6, Some("XOF"))],
    ),
    (
        "Ottawa a promis 500 millions de dollars canadiens.",
        &[(Money, 5e8, Some("CAD"))],
    ),
    (
        "Le budget prévoit 2,3 milliards de roupies.",
        &[(Money, 2.3e9, Some("INR"))],
    ),
    (
        "La BCE a racheté pour 20 milliards d'euros de dettes.",
        &[(Money, 2e10, Some("EUR"))],
    ),
    (
        "Le ticket de métro passe à 1,90 €.",
        &[(Money, 1.9, Some("EUR"))],
    ),
    (
        "Une enveloppe de deux cent mille euros a été votée.",
        &[(Money, 200000.0, Some("EUR"))],
    ),
    (
        "Une prime de mille cent euros sera versée.",
        &[(Money, 1100.0, Some("EUR"))],
    ),
    (
        "Le PIB a reculé de 0,4 % au premier trimestre.",
        &[(Percent, 0.4, None)],
    ),
    (
        "L'inflation ressort à 2,1 % sur un an.",
        &[(Percent, 2.1, None)],
    ),
    (
        "Près de 60 % des sondés se disent inquiets.",
        &[(Percent, 60.0, None)],
    ),
    (
        "Le parti gagne 4,5 points de pourcentage.",
        &[(Points, 4.5, None)],
    ),
    (
        "La participation a atteint 41 %, en hausse de 5 points.",
        &[(Percent, 41.0, None), (Points, 5.0, None)],
    ),
    (
        "Les ventes ont bondi de 150 % en mars.",
        &[(Percent, 150.0, None)],
    ),
    (
        "Au moins 25 personnes ont été tuées dans l'explosion.",
        &[(Count, 25.0, Some("personnes"))],
    ),
    (
        "Plus de 3 000 policiers seront mobilisés samedi.",
        &[(Count, 3000.0, Some("policiers"))],
    ),
    (
        "L'usine emploie 1.200 salariés.",
        &[(Count, 1200.0, Some("salariés"))],
    ),
    (
        "Une trentaine d'élus ont signé la tribune.",
        &[(Count, 30.0, Some("élus"))],
    ),
    (
        "Des centaines de milliers de fidèles sont attendus.",
        &[(Count, 100000.0, Some("fidèles"))],
    ),
    (
        "Quelques dizaines de manifestants se sont réunis.",
        &[(Count, 10.0, Some("manifestants"))],
    ),
    (
        "Le pays compte 67 millions d'habitants.",
        &[(Count, 6.7e7, Some("habitants"))],
    ),
    (
        "Le virus a contaminé 2,6 millions de personnes.",
        &[(Count, 2.6e6, Some("personnes"))],
    ),
    (
        "Cinquante-trois migrants ont été secourus.",
        &[(Count, 53.0, Some("migrants"))],
    ),
    (
        "Le livre s'est vendu à 500 000 exemplaires.",
        &[(Count, 500000.0, Some("exemplaires"))],
    ),
    (
        "La pétition a recueilli 1,2 million de signatures.",
        &[(Count, 1.2e6, Some("signatures"))],
    ),
    ("Le réseau compte 30 000 km de voies.", &[]),
    ("Le bâtiment s'étend sur 5 000 m2.", &[]),
    ("Il a été condamné à 18 mois de prison.", &[]),
    ("La séance a duré quatre heures.", &[]),
    ("La victime, âgée de 32 ans, a été hospitalisée.", &[]),
    ("Le vol AF447 s'est abîmé en mer.", &[]),
    ("Rendez-vous au 15 avenue Foch.", &[]),
    ("La loi n° 2019-1428 a été promulguée.", &[]),
    ("Le Top 14 reprend ce week-end.", &[]),
    ("Il a fini 3e de la course.", &[]),
    ("Le véhicule roulait à 130 km/h.", &[]),
    ("La température a chuté de 10 degrés.", &[]),
    ("Le sommet du G20 s'ouvre à Osaka.", &[]),
    (
        "Le candidat a recueilli deux fois plus de voix que son rival.",
        &[(Ratio, 2.0, None)],
    ),
    (
        "La production a été multipliée par 10 en dix ans.",
        &[(Ratio, 10.0, None)],
    ),
    (
        "Les prix pourraient doubler d'ici l'été.",
        &[(Ratio, 2.0, None)],
    ),
    (
        "Ce chiffre est cinq fois supérieur à la moyenne.",
        &[(Ratio, 5.0, None)],
    ),
    (
        "Le loyer moyen atteint 40 000 euros, contre 35 000 l'an dernier.",
        &[(Money, 40000.0, Some("EUR")), (Money, 35000.0, Some("EUR"))],
    ),
    (
        "Le taux atteint 12 %, contre 10 en 2019.",
        &[(Percent, 12.0, None), (Percent, 10.0, None)],
    ),
    (
        "Il a gagné 3 matches contre 2 défaites.",
        &[
            (Count, 3.0, Some("matches")),
            (Count, 2.0, Some("défaites")),
        ],
    ),
    (
        "Le bénéfice atteint 40 000 euros cette année, contre 58 sur les 407 dossiers.",
        &[
            (Money, 40000.0, Some("EUR")),
            (Count, 407.0, Some("dossiers")),
        ],
    ),
    // Counts whose noun is elided or named before.
    (
        "Le parti obtient 120 des 250 sièges au Parlement.",
        &[(Count, 120.0, None), (Count, 250.0, Some("sièges"))],
    ),
    (
        "Selon la police, 12 000 manifestants ont défilé, 9 000 selon les organisateurs.",
        &[(Count, 12000.0, Some("manifestants")), (Count, 9000.0, None)],
    ),
    (
        "Le nombre de cas reste supérieur à 2.000 et la barre des 3.000 est proche.",
        &[(Count, 2000.0, None), (Count, 3000.0, None)],
    ),
    (
        "Il faut accueillir \"600.000, 700.000 jeunes\" à la rentrée.",
        &[(Count, 600000.0, None), (Count, 700000.0, Some("jeunes"))],
    ),
    (
        "Seuls 12 élèves sur 180 sont revenus, et trois classes sur 40.",
        &[(Count, 12.0, Some("élèves")), (Count, 180.0, None), (Count, 40.0, None)],
    ),
    ("Un Français sur 4 est inquiet, 24 heures sur 24.", &[]),
    ("Appelez le 3919 ou le ticket AB 120 4512.", &[]),
    // Money whose currency is implied by the amounts around it.
    (
        "Le groupe a levé 40 millions d'euros, dont six millions de fonds propres.",
        &[(Money, 4e7, Some("EUR")), (Money, 6e6, Some("EUR"))],
    ),
    (
        "Le déficit atteindrait entre 6,2 milliards et 11,4 milliards d'euros.",
        &[(Money, 6.2e9, Some("EUR")), (Money, 1.14e10, Some("EUR"))],
    ),
    (
        "Le coût serait de 300 et 320 millions d'euros selon les scénarios.",
        &[(Money, 3e8, Some("EUR")), (Money, 3.2e8, Some("EUR"))],
    ),
    (
        "La région a reçu 2 milliards d'euros. Les besoins sont évalués à plus de 4 milliards supplémentaires.",
        &[(Money, 2e9, Some("EUR")), (Money, 4e9, Some("EUR"))],
    ),
    // Ratios and multipliers.
    (
        "Le coût atteint cinq fois ce montant.",
        &[(Ratio, 5.0, None)],
    ),
    (
        "Il faudrait multiplier ce budget par trois.",
        &[(Ratio, 3.0, None)],
    ),
    ("Le yuan vaut 1,4 fois le dollar.", &[(Ratio, 1.4, None)]),
    ("Il y va deux fois la semaine.", &[]),
    // Approximate nouns with a definite article.
    (
        "La quinzaine de salariés a protesté avec la dizaine de syndicats.",
        &[(Count, 15.0, Some("salariés")), (Count, 10.0, Some("syndicats"))],
    ),
    ("La quarantaine a été levée.", &[]),
    // Signed percentages.
    (
        "Les ventes reculent en Italie (-12,5%) mais progressent ailleurs (+4,1 %).",
        &[(Percent, -12.5, None), (Percent, 4.1, None)],
    ),
    ("La marge est de 10-12 % cette année.", &[(Percent, 10.0, None), (Percent, 12.0, None)]),
    // No number: vague magnitudes, names.
    (
        "Des millions sont en jeu et plusieurs milliards de dollars ont été investis.",
        &[],
    ),
    (
        "Plusieurs centaines de personnes ont défilé.",
        &[],
    ),
    (
        "On l'appelle le pays des mille collines. Le Mouvement 5 Étoiles a gagné.",
        &[],
    ),
    (
        "Le mouvement populiste 7 Merveilles recule, mais 25.000 Kurdes ont fui.",
        &[(Count, 25000.0, Some("Kurdes"))],
    ),
];

#[test]
fn amount_table() {
    let mut failures = Vec::new();
    for (text, want) in AMOUNT_CASES {
        let got = amounts(text);
        let ok = got.len() == want.len()
            && got.iter().zip(want.iter()).all(|(g, w)| {
                g.0 == w.0
                    && close(g.1, w.1)
                    && g.2.as_deref().map(|s| s.replace('’', "'")).as_deref() == w.2
            });
        if !ok {
            failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn qualifiers_are_separate_from_values() {
    let cases: &[(&str, Qualifier, f64)] = &[
        (
            "Une offre de près de 100 milliards de dollars.",
            Qualifier::Approximately,
            1e11,
        ),
        (
            "Environ 500 personnes étaient là.",
            Qualifier::Approximately,
            500.0,
        ),
        (
            "Quelque 300 salariés sont concernés.",
            Qualifier::Approximately,
            300.0,
        ),
        (
            "Une centaine de pays sont invités.",
            Qualifier::Approximately,
            100.0,
        ),
        (
            "Plus de 1 000 chefs d'entreprise sont attendus.",
            Qualifier::MoreThan,
            1000.0,
        ),
        (
            "Au moins 12 morts ont été recensés.",
            Qualifier::AtLeast,
            12.0,
        ),
        (
            "Moins de 5 % des votants ont choisi blanc.",
            Qualifier::LessThan,
            5.0,
        ),
        (
            "Les amendes vont jusqu'à 750 euros.",
            Qualifier::UpTo,
            750.0,
        ),
        (
            "Le marché devrait atteindre, voire dépasser, les 100 milliards de dollars.",
            Qualifier::MoreThan,
            1e11,
        ),
        (
            "Pas moins de 200 policiers ont été mobilisés.",
            Qualifier::AtLeast,
            200.0,
        ),
    ];
    for (text, q, v) in cases {
        let a = full(text);
        assert_eq!(a.len(), 1, "{text}: {a:?}");
        assert_eq!(a[0].qualifier, Some(*q), "{text}");
        assert!(close(a[0].value, *v), "{text}: {}", a[0].value);
    }
}

#[test]
fn intervals_give_both_ends() {
    let a = full("Le taux d'abstention devrait être compris entre 30 et 40 %.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert!(a
        .iter()
        .all(|x| x.kind == Percent && x.low == Some(30.0) && x.high == Some(40.0)));
    let a = full("Le chantier coûtera de 40 à 50 millions d'euros.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert!(close(a[0].value, 4e7) && close(a[1].value, 5e7), "{a:?}");
    assert!(a
        .iter()
        .all(|x| x.unit.as_deref() == Some("EUR") && x.qualifier == Some(Qualifier::Between)));
}

#[test]
fn interval_ends_share_rate() {
    let a = full("Les loyers vont de 400 à 600 euros par mois.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert!(a.iter().all(|x| x.rate.as_deref() == Some("mois")), "{a:?}");
}

#[test]
fn rates_and_referred_dates() {
    let a = full("Les salariés toucheront 150 euros par mois.");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].rate.as_deref(), Some("mois"));
    let a = full("La dépense atteint 3 000 euros par habitant.");
    assert_eq!(a[0].rate.as_deref(), Some("habitant"));
    let a = full("Le marché devrait peser 100 milliards de dollars en 2028.");
    assert_eq!(a[0].refers_to.as_deref(), Some("2028"));
    assert_eq!(a[0].span.text, "100 milliards de dollars en 2028");
}

#[test]
fn spans_are_exact() {
    let text = "Selon l’étude, près de 100 milliards d’euros seront investis.";
    let a = full(text);
    assert_eq!(a[0].span.text, "près de 100 milliards d’euros");
    let chars: Vec<char> = text.chars().collect();
    let s: String = chars[a[0].span.start..a[0].span.end].iter().collect();
    assert_eq!(s, a[0].span.text);
}

#[test]
fn canadian_dollars_from_context() {
    let text = "À Montréal, le gouvernement du Québec a annoncé une aide de 20 millions de dollars. Le Canada suivra.";
    assert_eq!(amounts(text), vec![(Money, 2e7, Some("CAD".to_string()))]);
}

/// (text, article date, expected date values in order).
type DateCase = (
    &'static str,
    Option<&'static str>,
    &'static [Option<&'static str>],
);

/// Date cases.
const DATE_CASES: &[DateCase] = &[
    (
        "Le sommet s'est tenu le 5 février 2025 à Paris.",
        None,
        &[Some("2025-02-05")],
    ),
    (
        "La loi est entrée en vigueur le 1er mai 2019.",
        None,
        &[Some("2019-05-01")],
    ),
    (
        "Le courrier est daté du 05/02/2025.",
        None,
        &[Some("2025-02-05")],
    ),
    (
        "Le courrier est daté du 5.2.2025.",
        None,
        &[Some("2025-02-05")],
    ),
    (
        "Le rapport publié le 2025-02-05 est clair.",
        None,
        &[Some("2025-02-05")],
    ),
    (
        "Le salon a lieu les 10 et 11 février 2025 à Lyon.",
        None,
        &[Some("2025-02-10"), Some("2025-02-11")],
    ),
    (
        "Le festival se tiendra du 13 au 15 juillet.",
        Some("2024-05-02"),
        &[Some("2024-07-13"), Some("2024-07-15")],
    ),
    (
        "La session durera du 28 février au 3 mars 2025.",
        None,
        &[Some("2025-02-28"), Some("2025-03-03")],
    ),
    (
        "Le vote aura lieu mardi 11 février.",
        Some("2025-02-10"),
        &[Some("2025-02-11")],
    ),
    ("Le vote aura lieu mardi 11 février.", None, &[None]),
    (
        "Il a parlé vendredi 7 février à Berlin.",
        Some("2025-02-10"),
        &[Some("2025-02-07")],
    ),
    (
        "Lundi 10, la société a annoncé un partenariat.",
        Some("2025-02-12"),
        &[Some("2025-02-10")],
    ),
    (
        "Le ministre a démissionné en décembre.",
        Some("2020-05-12"),
        &[Some("2019-12")],
    ),
    (
        "Le texte sera examiné en décembre.",
        Some("2020-05-12"),
        &[Some("2020-12")],
    ),
    (
        "Les travaux commenceront début juin.",
        Some("2020-05-12"),
        &[Some("2020-06")],
    ),
    (
        "Les résultats sont attendus fin 2019.",
        None,
        &[Some("2019")],
    ),
    (
        "Le marché atteindra ce niveau en 2028.",
        None,
        &[Some("2028")],
    ),
    ("Il vit à Lyon depuis 2015.", None, &[Some("2015")]),
    (
        "Le chantier doit s'achever d'ici 2030.",
        None,
        &[Some("2030")],
    ),
    (
        "Le pic a été atteint en mai 2019.",
        None,
        &[Some("2019-05")],
    ),
    (
        "Aujourd'hui, le sommet s'ouvre.",
        Some("2025-02-10"),
        &[Some("2025-02-10")],
    ),
    (
        "Le ministre a parlé hier.",
        Some("2025-02-10"),
        &[Some("2025-02-09")],
    ),
    (
        "Le sommet se clôturera demain.",
        Some("2025-02-10"),
        &[Some("2025-02-11")],
    ),
    ("Le ministre a parlé hier.", None, &[None]),
    (
        "La semaine dernière, le projet a été présenté.",
        Some("2025-02-10"),
        &[Some("2025-W06")],
    ),
    (
        "La croissance a ralenti l'an passé.",
        Some("2025-02"),
        &[Some("2024")],
    ),
    (
        "Le déficit sera réduit l'année prochaine.",
        Some("2025-02-10"),
        &[Some("2026")],
    ),
    (
        "Les ventes ont chuté le mois dernier.",
        Some("2025-01-15"),
        &[Some("2024-12")],
    ),
    (
        "Le club a été fondé il y a deux ans.",
        Some("2025-01-15"),
        &[Some("2023")],
    ),
    (
        "Le Conseil s'est réuni mercredi.",
        Some("2020-07-03"),
        &[Some("2020-07-01")],
    ),
    (
        "Le Conseil se réunira mercredi prochain.",
        Some("2020-07-03"),
        &[Some("2020-07-08")],
    ),
    (
        "La décision a été prise le 3 mars dernier.",
        Some("2020-02-10"),
        &[Some("2019-03-03")],
    ),
    (
        "Cette année, la récolte est bonne.",
        Some("2021-09-01"),
        &[Some("2021")],
    ),
    (
        "Entre 2010 et 2015, les prix ont doublé.",
        None,
        &[Some("2010"), Some("2015")],
    ),
    (
        "Mi-juin, le gouvernement a tranché.",
        Some("2020-07-01"),
        &[Some("2020-06")],
    ),
    (
        "La crise de mi-2019 a laissé des traces.",
        None,
        &[Some("2019")],
    ),
    ("Il a reçu 2000 euros de prime.", None, &[]),
    ("La loi de 2019 a été abrogée.", None, &[Some("2019")]),
    // Not dates.
    (
        "La réunion a commencé à 10h30 et a duré trois heures.",
        None,
        &[],
    ),
    ("Le quinquagénaire de 52 ans a été relâché.", None, &[]),
    ("Il a marqué 2 buts en 20 minutes.", None, &[]),
    ("La planète Mars est visible.", None, &[]),
    (
        "L'Europe de demain se construit aujourd'hui.",
        Some("2025-02-10"),
        &[Some("2025-02-10")],
    ),
    (
        "Biden affrontera Trump à la présidentielle de novembre.",
        Some("2020-06-20"),
        &[Some("2020-11")],
    ),
    (
        "Les patients hospitalisés entre décembre et avril ont été suivis.",
        Some("2020-06-20"),
        &[Some("2019-12"), Some("2020-04")],
    ),
    (
        "Une décision est attendue d'ici à septembre.",
        Some("2020-06-20"),
        &[Some("2020-09")],
    ),
    (
        "Le musée rouvrira au mois d'août.",
        Some("2020-06-20"),
        &[Some("2020-08")],
    ),
    (
        "La guerre de Corée (1950-1953) a divisé le pays.",
        None,
        &[Some("1950"), Some("1953")],
    ),
    (
        "La crise de 2010-2011 a fait 3 000 morts.",
        None,
        &[Some("2010"), Some("2011")],
    ),
    (
        "Une Ferrari de 2018 adjugée 253 000 dollars.",
        None,
        &[Some("2018")],
    ),
    (
        "Les ventes du premier trimestre 2020 ont chuté.",
        None,
        &[Some("2020")],
    ),
    ("Comme en 2013 pour le virus Ebola.", None, &[Some("2013")]),
    (
        "La réouverture est prévue le 1er juillet.",
        Some("2020-06-24"),
        &[Some("2020-07-01")],
    ),
    (
        "Il est mort le 12 avril dernier.",
        Some("2020-05-29"),
        &[Some("2020-04-12")],
    ),
    (
        "La réforme a été votée en juillet.",
        Some("2020-02-10"),
        &[Some("2019-07")],
    ),
    (
        "La réforme sera votée en juillet.",
        Some("2020-02-10"),
        &[Some("2020-07")],
    ),
    ("Le pape a régné pendant huit ans.", None, &[]),
    ("Les loyers vont de 2000 à 3000 euros.", None, &[]),
    ("Le prix passe de 1999 à 2010 euros.", None, &[]),
    (
        "De 2015 à 2020, tout a changé.",
        None,
        &[Some("2015"), Some("2020")],
    ),
    (
        "Dans la nuit de samedi à dimanche, la police est intervenue.",
        Some("2020-06-08"),
        &[Some("2020-06-06"), Some("2020-06-07")],
    ),
    (
        "Lundi 10, la société a annoncé un partenariat.",
        Some("2025-02"),
        &[Some("2025-02-10")],
    ),
    (
        "Le chantier sera achevé dans deux ans.",
        Some("2025-01-15"),
        &[Some("2027")],
    ),
    (
        "Les résultats sont attendus dans trois semaines.",
        Some("2025-02-10"),
        &[Some("2025-W10")],
    ),
    ("Il vit dans 3 pièces.", Some("2025-02-10"), &[]),
    (
        "Le scrutin aura lieu le dimanche 15 mars 2020.",
        None,
        &[Some("2020-03-15")],
    ),
    (
        "Il est né le 3 janvier 1958 à Lyon.",
        None,
        &[Some("1958-01-03")],
    ),
    (
        "La loi du 9 décembre 1905 sépare les Églises et l'État.",
        None,
        &[Some("1905-12-09")],
    ),
    (
        "Le 14 juillet, le défilé a eu lieu.",
        Some("2019-07-16"),
        &[Some("2019-07-14")],
    ),
    (
        "Les 24 et 25 juin, des orages sont attendus.",
        Some("2020-06-20"),
        &[Some("2020-06-24"), Some("2020-06-25")],
    ),
    (
        "Le festival se déroule du 1er au 3 mai.",
        Some("2021-04-10"),
        &[Some("2021-05-01"), Some("2021-05-03")],
    ),
    (
        "Le confinement a débuté le 17 mars.",
        Some("2020-05-11"),
        &[Some("2020-03-17")],
    ),
    (
        "Le texte a été adopté jeudi 27 février.",
        Some("2020-02-28"),
        &[Some("2020-02-27")],
    ),
    (
        "Le ministre s'est exprimé mardi soir.",
        Some("2020-06-25"),
        &[Some("2020-06-23")],
    ),
    (
        "Le conseil se réunira vendredi.",
        Some("2020-06-23"),
        &[Some("2020-06-26")],
    ),
    (
        "Le rapport sera publié fin septembre.",
        Some("2020-06-23"),
        &[Some("2020-09")],
    ),
    (
        "Les soldes commencent mi-janvier.",
        Some("2020-12-20"),
        &[Some("2021-01")],
    ),
    (
        "Le projet a été lancé en janvier 2018.",
        None,
        &[Some("2018-01")],
    ),
    (
        "La mesure s'applique depuis le 1er janvier.",
        Some("2020-03-02"),
        &[Some("2020-01-01")],
    ),
    ("Les élections de 2022 approchent.", None, &[Some("2022")]),
    (
        "Au printemps 2021, le chantier reprendra.",
        None,
        &[Some("2021")],
    ),
    (
        "Le déficit sera ramené sous 3 % en 2027.",
        None,
        &[Some("2027")],
    ),
    (
        "L'an dernier, les ventes ont baissé.",
        Some("2020-06-23"),
        &[Some("2019")],
    ),
    (
        "Le mois prochain, la loi entrera en vigueur.",
        Some("2020-12-10"),
        &[Some("2021-01")],
    ),
    (
        "Avant-hier, un incendie s'est déclaré.",
        Some("2020-06-23"),
        &[Some("2020-06-21")],
    ),
    (
        "Après-demain, les écoles rouvrent.",
        Some("2020-06-23"),
        &[Some("2020-06-25")],
    ),
    (
        "Il y a trois jours, la police est intervenue.",
        Some("2020-06-23"),
        &[Some("2020-06-20")],
    ),
    (
        "Le match a été fixé au 12/09/2021.",
        None,
        &[Some("2021-09-12")],
    ),
    (
        "Le tribunal rendra sa décision le 2 septembre prochain.",
        Some("2020-06-23"),
        &[Some("2020-09-02")],
    ),
    (
        "Il a purgé sa peine entre 2005 et 2012.",
        None,
        &[Some("2005"), Some("2012")],
    ),
    ("Le bilan s'élève à 2000 morts.", None, &[]),
    ("Il a marché 2025 kilomètres.", None, &[]),
    ("Ils étaient plus de 2000, selon la police.", None, &[]),
    // Tense of the date's own clause: a quotation's reporting verb, a relative or "si"
    // clause, an infinitive the date belongs to, "dernier" before a noun, a participle.
    (
        "\"Nous voulons des matchs amicaux en juillet\", a indiqué le président du club.",
        Some("2020-05-28"),
        &[Some("2020-07")],
    ),
    (
        "Le président a salué la décision de la ligue, qui fixe une reprise le 23 août.",
        Some("2020-05-28"),
        &[Some("2020-08-23")],
    ),
    (
        "Le syndicat a appelé à manifester lundi devant la préfecture.",
        Some("2020-06-14"),
        &[Some("2020-06-15")],
    ),
    (
        "Si la course se tient toujours le 4 octobre, le semi-marathon a été annulé.",
        Some("2020-08-13"),
        &[Some("2020-10-04")],
    ),
    (
        "Elle rentrera à l'école en septembre même s'il a fallu attendre.",
        Some("2020-05-13"),
        &[Some("2020-09")],
    ),
    (
        "Un dernier round de négociations se tient mardi au ministère.",
        Some("2019-11-25"),
        &[Some("2019-11-26")],
    ),
    (
        "Le film aurait dû sortir en mars dans les salles.",
        Some("2020-09-04"),
        &[Some("2020-03")],
    ),
    (
        "Selon un accord dévoilé lundi, l'État versera une indemnité aux familles.",
        Some("2020-06-20"),
        &[Some("2020-06-15")],
    ),
    (
        "La loi, définitivement votée samedi, prévoit une taxe à partir de juillet.",
        Some("2018-12-31"),
        &[Some("2018-12-29"), Some("2019-07")],
    ),
    (
        "Mercredi, lors d'une réunion des ministres de la Défense, la France avait dénoncé ce comportement.",
        Some("2020-06-21"),
        &[Some("2020-06-17")],
    ),
    // Years of ranges and coordinations: each year is a date.
    (
        "Le conflit a duré entre mars et juin 1995 selon les historiens.",
        Some("2020-05-16"),
        &[Some("1995-03"), Some("1995-06")],
    ),
    (
        "Les ventes ont progressé entre 2017 et 2019, puis de 1988 à 1990 pour la filiale.",
        None,
        &[Some("2017"), Some("2019"), Some("1988"), Some("1990")],
    ),
    (
        "Le bénéfice a reculé en 2016 et 2017.",
        None,
        &[Some("2016"), Some("2017")],
    ),
    (
        "Les années 2012-2013 ont été difficiles, comme la période 2004-2008.",
        None,
        &[Some("2012"), Some("2013"), Some("2004"), Some("2008")],
    ),
    (
        "Il a été élu en mars 2017, puis arrêté en juillet de la même année.",
        None,
        &[Some("2017-03"), Some("2017-07")],
    ),
];

#[test]
fn date_table() {
    let mut failures = Vec::new();
    for (text, date, want) in DATE_CASES {
        let got = dates(text, *date);
        let want: Vec<Option<String>> = want.iter().map(|w| w.map(str::to_string)).collect();
        if got != want {
            failures.push(format!(
                "{text} [{date:?}]\n   got  {got:?}\n   want {want:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn date_fields() {
    let doc = Document::new("Le ministre a parlé hier.", None);
    let (_, d) = FigureExtractor::new().extract(&doc);
    assert!(!d[0].resolved);
    assert_eq!(d[0].kind, crate::record::DateKind::Relative);
    let doc = Document::new(
        "Les travaux commenceront début juin.",
        ArticleDate::parse("2020-05-12"),
    );
    let (_, d) = FigureExtractor::new().extract(&doc);
    assert_eq!(d[0].modifier, Some(crate::record::DateModifier::Early));
    assert_eq!(d[0].precision, crate::record::Precision::Month);
    assert_eq!(doc.range_text(d[0].span), "début juin");
}

#[test]
fn values_are_rounded() {
    let a = amounts("Le butin atteint 33,3 millions de francs suisses, soit 0,6 % du total.");
    assert_eq!(a[0].1, 33_300_000.0);
    assert_eq!(a[1].1, 0.6);
}

#[test]
fn currency_named_by_its_country() {
    for (text, value, code) in [
        ("L'inflation a ruiné les épargnants : le pain coûte 40 dollars du Zimbabwe.", 40.0, "ZWL"),
        ("Le billet vaut 500 roupies du Pakistan au marché noir.", 500.0, "PKR"),
        (
            "À Lahore, la municipalité a versé 2 000 roupies à chaque famille touchée par les crues.",
            2000.0,
            "PKR",
        ),
        ("À Bombay, le ticket de train coûte 20 roupies.", 20.0, "INR"),
    ] {
        let got = amounts(text);
        assert!(
            got.iter()
                .any(|(k, v, u)| *k == Money && close(*v, value) && u.as_deref() == Some(code)),
            "{text}: {got:?}"
        );
    }
}
