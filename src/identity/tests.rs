//! Constructed cases (names and sentences written for these tests).

use super::*;
use crate::record::{entity_id, Mention, Position, Quote, Span};

fn actor(kind: ActorType, name: &str, mentions: &[&str]) -> Actor {
    Actor {
        name: name.into(),
        kind,
        mentions: mentions
            .iter()
            .map(|t| Mention {
                span: Span {
                    text: (*t).into(),
                    ..Default::default()
                },
            })
            .collect(),
        entity: entity_id(kind, name),
    }
}

fn record(id: &str, date: &str, actors: Vec<Actor>) -> Record {
    let mut r = Record {
        id: id.into(),
        date: Some(date.into()),
        actors,
        ..Default::default()
    };
    r.assign_entities();
    r
}

use ActorType::{Loc, Org, Per};

/// A small dump: "Octave Brennec" is the only full-named Brennec; two different Vasseurs share
/// their surname; one article pairs "FTPR" with its expansion.
fn dump() -> Vec<Record> {
    vec![
        record(
            "a1",
            "2024-01-03",
            vec![
                actor(Per, "Octave Brennec", &["Octave Brennec", "Brennec"]),
                actor(
                    Org,
                    "Fédération des Tonneliers du Pays Rochelais",
                    &["Fédération des Tonneliers du Pays Rochelais", "FTPR"],
                ),
            ],
        ),
        record(
            "a2",
            "2024-02-10",
            vec![
                actor(Per, "Octave Brennec", &["Octave Brennec"]),
                actor(Per, "Lucie Vasseur", &["Lucie Vasseur"]),
            ],
        ),
        record(
            "a3",
            "2024-03-01",
            vec![
                actor(Per, "Brennec", &["M. Brennec"]),
                actor(Org, "FTPR", &["FTPR"]),
                actor(Per, "Vasseur", &["Vasseur"]),
            ],
        ),
        record(
            "a4",
            "2024-03-05",
            vec![
                actor(Per, "Marc Vasseur", &["Marc Vasseur"]),
                actor(Org, "Les Tonneliers", &["Les Tonneliers"]),
                actor(Per, "Octave Brennec", &["Octave Brennec"]),
            ],
        ),
        record(
            "a5",
            "2024-04-01",
            vec![
                actor(Org, "Tonneliers", &["Tonneliers"]),
                actor(Loc, "Port-Neuf", &["Port Neuf"]),
            ],
        ),
    ]
}

fn resolve(records: &[Record]) -> Resolver {
    let mut c = Counts::default();
    for r in records {
        c.add_article(&r.actors);
    }
    c.resolve(&Config::default())
}

#[test]
fn acronyms_match_initials_with_or_without_small_words() {
    assert!(is_acronym_of(
        "ftpr",
        "federation des tonneliers du pays rochelais"
    ));
    assert!(is_acronym_of("lpr", "la ligue des pecheurs reunis"));
    assert!(is_acronym_of("lldpr", "la ligue des pecheurs reunis"));
    assert!(is_acronym_of("c2", "coupe 2"));
    assert!(!is_acronym_of(
        "ftp",
        "federation des tonneliers du pays rochelais"
    ));
    assert!(!is_acronym_of("f", "fort"));
    assert!(!is_acronym_of("22", "deux 2"));
}

#[test]
fn surnames_link_to_the_dominant_full_name_and_full_names_never_merge() {
    let res = resolve(&dump());
    let brennec = entity_id(Per, "Octave Brennec");
    assert_eq!(res.entity(Per, "Brennec"), brennec);
    assert_eq!(res.entity(Per, "BRENNEC"), brennec);
    assert_eq!(res.entity(Per, "Octave Brennec"), brennec);
    // Two full-named Vasseurs: the surname alone stays its own entity.
    assert_eq!(res.entity(Per, "Vasseur"), entity_id(Per, "Vasseur"));
    assert_ne!(
        res.entity(Per, "Lucie Vasseur"),
        res.entity(Per, "Marc Vasseur")
    );
    // Acronym <-> expansion, paired in one article, linked in another.
    let ftpr = entity_id(Org, "Fédération des Tonneliers du Pays Rochelais");
    assert_eq!(res.entity(Org, "FTPR"), ftpr);
    // A leading article is a variant of an organisation's name.
    assert_eq!(
        res.entity(Org, "Tonneliers"),
        res.entity(Org, "Les Tonneliers")
    );
    // The type is part of the id.
    assert_ne!(res.entity(Loc, "Brennec"), brennec);
}

#[test]
fn a_surname_needs_a_full_name_in_enough_articles() {
    let mut d = dump();
    d.retain(|r| r.id != "a2" && r.id != "a4");
    let res = resolve(&d);
    assert_eq!(res.entity(Per, "Brennec"), entity_id(Per, "Brennec"));
}

#[test]
fn the_jsonl_pass_rewrites_ids_builds_entities_and_is_idempotent() {
    let mut input = Vec::new();
    let mut d = dump();
    d[2].positions.push(Position::Quote(Quote {
        actor: Some("Brennec".into()),
        entity: None,
        text: "Nous ouvrirons".into(),
        cue: None,
        start: 0,
        end: 1,
        speaker: None,
    }));
    for r in &mut d {
        r.sync_position_entities();
    }
    for r in d {
        serde_json::to_writer(&mut input, &Output::Record(Box::new(r))).unwrap();
        input.push(b'\n');
    }
    input.extend_from_slice(
        b"{\"id\":\"x:1\",\"error\":{\"kind\":\"empty_text\",\"message\":\"m\",\"source\":\"x\"}}\n",
    );
    let run = |input: &[u8]| {
        let (mut out, mut ents) = (Vec::new(), Vec::new());
        let s = run_jsonl(
            || Ok(io::Cursor::new(input.to_vec())),
            &Config::default(),
            &mut out,
            Some(&mut ents),
        )
        .unwrap();
        (s, out, ents)
    };
    let (summary, out, ents) = run(&input);
    assert_eq!(summary.articles, 5);
    let brennec = entity_id(Per, "Octave Brennec");
    let lines: Vec<serde_json::Value> = out
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[2]["actors"][0]["entity"], brennec.as_str());
    assert_eq!(lines[2]["positions"][0]["entity"], brennec.as_str());
    assert_eq!(lines[5]["error"]["kind"], "empty_text");
    let rows: Vec<EntityRow> = ents
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    let b = rows.iter().find(|r| r.id == brennec).unwrap();
    assert_eq!(b.name, "Octave Brennec");
    assert_eq!(b.articles, 4);
    assert_eq!(b.aliases["Brennec"], 1);
    assert_eq!(b.aliases["Octave Brennec"], 3);
    assert_eq!(
        (b.first_date.as_deref(), b.last_date.as_deref()),
        (Some("2024-01-03"), Some("2024-03-05"))
    );
    // Running the pass on its own output changes nothing.
    let (_, again, ents2) = run(&out);
    assert_eq!(again, out);
    assert_eq!(ents2, ents);
    // The sinks' links, from the entities rows.
    let links = links_from_entities(rows.iter().map(|r| {
        (
            r.id.clone(),
            r.kind.as_str().to_string(),
            serde_json::to_string(&r.aliases).unwrap(),
        )
    }));
    assert_eq!(links.get(&entity_id(Per, "Brennec")), Some(&brennec));
    assert!(!links.contains_key(&brennec));
}
