use super::*;
use crate::record::{
    Actor, ActorType, Amount, AmountKind, DateKind, DateMention, DateModifier, ErrorInfo,
    ErrorKind, Mention, Polarity, Precision, Qualifier, Quote, Role, Stance,
};

fn span(start: usize, text: &str, sentence: usize) -> Span {
    Span {
        start,
        end: start + text.chars().count(),
        text: text.into(),
        sentence,
    }
}

/// A record with one of everything, written for these tests.
pub(crate) fn sample_record() -> Record {
    let mut r = Record {
        id: "r1".into(),
        date: Some("2025-03-04".into()),
        actors: vec![Actor {
            name: "Claire Dupuis".into(),
            kind: ActorType::Per,
            mentions: vec![
                Mention {
                    span: span(0, "Claire Dupuis", 0),
                },
                Mention {
                    span: span(60, "Dupuis", 1),
                },
            ],
            entity: String::new(),
        }],
        amounts: vec![Amount {
            kind: AmountKind::Money,
            value: 2.5e6,
            unit: Some("EUR".into()),
            span: span(30, "2,5 millions d'euros", 0),
            qualifier: Some(Qualifier::MoreThan),
            low: None,
            high: None,
            rate: Some("an".into()),
            refers_to: Some("2025".into()),
        }],
        dates: vec![DateMention {
            value: Some("2025-03-03".into()),
            span: span(20, "hier", 0),
            kind: DateKind::Relative,
            precision: Precision::Day,
            resolved: true,
            modifier: Some(DateModifier::Early),
        }],
        positions: vec![
            Position::Role(Role {
                actor: "Claire Dupuis".into(),
                entity: None,
                title: "maire".into(),
                org: None,
                span: span(0, "Claire Dupuis, maire", 0),
            }),
            Position::Quote(Quote {
                actor: Some("Claire Dupuis".into()),
                entity: None,
                text: "Nous tiendrons".into(),
                cue: Some("a déclaré".into()),
                start: 70,
                end: 84,
                speaker: Some(span(86, "la maire", 1)),
            }),
            Position::Stance(Stance {
                actor: "Claire Dupuis".into(),
                entity: None,
                polarity: Polarity::Against,
                target: "la fermeture".into(),
                cue: Some("s'oppose à".into()),
                span: span(90, "s'oppose à la fermeture", 2),
            }),
        ],
        ..Default::default()
    };
    r.assign_entities();
    r
}

fn collect(r: &Record) -> Vec<(TableId, Vec<String>)> {
    let mut rows = Vec::new();
    record_rows(r, &mut |t, row| {
        rows.push((t, row.iter().map(|v| format!("{v:?}")).collect()));
    });
    rows
}

#[test]
fn every_row_matches_its_table_width() {
    let r = sample_record();
    let mut rows = Vec::new();
    record_rows(&r, &mut |t, row| rows.push((t, row.len())));
    let e = ErrorRecord {
        id: "x".into(),
        error: ErrorInfo {
            kind: ErrorKind::EmptyText,
            message: "vide".into(),
            source: "a.jsonl".into(),
            line: Some(3),
        },
    };
    error_rows(&e, &mut |t, row| rows.push((t, row.len())));
    let tables: Vec<TableId> = rows.iter().map(|r| r.0).collect();
    use TableId::*;
    assert_eq!(
        tables,
        [Articles, Actors, Mentions, Mentions, Amounts, Dates, Roles, Quotes, Stances, Errors]
    );
    for (t, width) in rows {
        assert_eq!(width, t.table().columns.len(), "{}", t.table().name);
    }
}

#[test]
fn enum_cells_use_the_json_words() {
    let rows = collect(&sample_record());
    let amount = &rows.iter().find(|r| r.0 == TableId::Amounts).unwrap().1;
    assert_eq!(amount[2], "Text(\"money\")");
    assert_eq!(amount[5], "Text(\"more_than\")");
    assert_eq!(amount[12], "Text(\"an\")");
    assert_eq!(amount[13], "Text(\"2025\")");
    assert_eq!(amount[10], "Null");
    let date = &rows.iter().find(|r| r.0 == TableId::Dates).unwrap().1;
    assert_eq!(date[3], "Text(\"relative\")");
    assert_eq!(date[4], "Text(\"day\")");
    assert_eq!(date[10], "Text(\"early\")");
    let stance = &rows.iter().find(|r| r.0 == TableId::Stances).unwrap().1;
    assert_eq!(stance[3], "Text(\"against\")");
    assert_eq!(variant_name(&ErrorKind::MalformedJson), "malformed_json");
    assert_eq!(variant_name(&ActorType::Org), "ORG");
    assert_eq!(variant_name(&"not an enum"), "");
}

#[test]
fn positions_keep_their_index_in_the_record() {
    let rows = collect(&sample_record());
    let idx: Vec<&str> = rows
        .iter()
        .filter(|r| matches!(r.0, TableId::Roles | TableId::Quotes | TableId::Stances))
        .map(|r| r.1[1].as_str())
        .collect();
    assert_eq!(idx, ["Int(0)", "Int(1)", "Int(2)"]);
}

#[test]
fn ddl_names_every_table_key_and_index() {
    let sql = ddl();
    for t in &TABLES {
        assert!(sql.contains(&format!("CREATE TABLE IF NOT EXISTS {} (", t.name)));
    }
    assert!(sql.contains("FOREIGN KEY (article_id, actor_idx) REFERENCES actors"));
    assert!(sql.contains("ON DELETE CASCADE"));
    assert!(sql.contains("CREATE INDEX IF NOT EXISTS actors_name_type ON actors (name, type)"));
    assert!(sql.contains("CREATE INDEX IF NOT EXISTS amounts_kind_unit_value"));
    // Children come after their parents, so the DDL runs top to bottom.
    for (i, t) in TABLES.iter().enumerate() {
        if let Some(fk) = &t.parent {
            assert!(TABLES[..i].iter().any(|p| p.name == fk.table), "{}", t.name);
        }
    }
}

#[test]
fn table_ids_point_at_their_tables() {
    use TableId::*;
    let ids = [
        Articles, Actors, Mentions, Amounts, Dates, Roles, Quotes, Stances, Errors,
    ];
    let names: Vec<&str> = ids.iter().map(|t| t.table().name).collect();
    assert_eq!(
        names,
        [
            "articles", "actors", "mentions", "amounts", "dates", "roles", "quotes", "stances",
            "errors"
        ]
    );
}
