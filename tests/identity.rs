//! `depeche identity`: stable entity ids in the records, the same in every shard; the pass
//! links a surname-only mention to the full name the dump knows, over JSON Lines and over a
//! loaded SQLite database; re-running a load or the pass never duplicates rows or changes ids.
//! The articles are written for this test.

mod sinks_common;

use rusqlite::Connection;
use serde_json::Value;
use sinks_common::*;
use std::path::Path;

const ARTICLES: &str = r#"{"id": "t1", "date": "2025-01-06", "text": "Le ministre de l'Économie Octave Brennec a présenté lundi à Paris un plan de deux milliards d'euros. « Nous tiendrons nos engagements », a déclaré Octave Brennec devant les députés."}
{"id": "t2", "date": "2025-01-08", "text": "Octave Brennec s'est rendu mercredi à Lyon. La Fédération nationale des tonneliers (FNT) a salué son plan, selon son président Marc Vidalie."}
{"id": "t3", "date": "2025-01-10", "text": "Interrogé vendredi par Le Figaro, M. Brennec a répondu aux critiques de la FNT. « Le plan sera voté au printemps », a affirmé Brennec."}
{"id": "t4", "date": "2025-01-12", "text": "Octave Brennec a annoncé dimanche une aide de 300 millions d'euros pour les viticulteurs."}
"#;

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (article, name, entity) of every actor.
fn actor_ids(records: &[Value]) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for r in records {
        for a in r["actors"].as_array().unwrap() {
            out.push((
                r["id"].as_str().unwrap().to_string(),
                a["name"].as_str().unwrap().to_string(),
                a["entity"].as_str().unwrap().to_string(),
            ));
        }
    }
    out.sort();
    out
}

fn id_of<'a>(ids: &'a [(String, String, String)], article: &str, name: &str) -> &'a str {
    &ids.iter()
        .find(|(a, n, _)| a == article && n == name)
        .unwrap_or_else(|| panic!("no actor {name} in {article}: {ids:?}"))
        .2
}

#[test]
fn ids_are_stable_across_shards_and_the_pass_links_surnames() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "in.jsonl", ARTICLES);
    let whole = dir.path().join("whole.jsonl");
    run_ok(&[
        "extract",
        "-q",
        "-o",
        whole.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    let mut sharded = Vec::new();
    for s in ["1/2", "2/2"] {
        let out = dir.path().join(format!("shard{}.jsonl", &s[..1]));
        run_ok(&[
            "extract",
            "-q",
            "--shard",
            s,
            "-o",
            out.to_str().unwrap(),
            input.to_str().unwrap(),
        ]);
        sharded.extend(lines(&out));
    }
    let ids = actor_ids(&lines(&whole));
    assert_eq!(actor_ids(&sharded), ids, "same ids in shards as in one run");
    let full = id_of(&ids, "t1", "Octave Brennec");
    assert_eq!(id_of(&ids, "t4", "Octave Brennec"), full);
    assert!(full.starts_with("per-") && full.len() == 20, "{full}");
    assert_ne!(
        id_of(&ids, "t3", "Brennec"),
        full,
        "no link before the pass"
    );

    // The pass over the shards' JSON Lines files together.
    let shard_files: Vec<String> = ["shard1.jsonl", "shard2.jsonl"]
        .iter()
        .map(|f| dir.path().join(f).to_str().unwrap().to_string())
        .collect();
    let linked = dir.path().join("linked.jsonl");
    let ents = dir.path().join("entities.jsonl");
    run_ok(&[
        "identity",
        "-q",
        &shard_files[0],
        &shard_files[1],
        "-o",
        linked.to_str().unwrap(),
        "--entities",
        ents.to_str().unwrap(),
    ]);
    let linked_lines = lines(&linked);
    let after = actor_ids(&linked_lines);
    assert_eq!(id_of(&after, "t3", "Brennec"), full);
    assert_eq!(
        id_of(&after, "t2", "Marc Vidalie"),
        id_of(&ids, "t2", "Marc Vidalie")
    );
    let t3 = linked_lines.iter().find(|r| r["id"] == "t3").unwrap();
    for p in t3["positions"].as_array().unwrap() {
        if p["actor"] == "Brennec" {
            assert_eq!(p["entity"], full);
        }
    }
    let entities = lines(&ents);
    let e = entities.iter().find(|e| e["id"] == full).unwrap();
    assert_eq!(e["name"], "Octave Brennec");
    assert_eq!(e["aliases"]["Brennec"], 1);
    assert_eq!(e["articles"], 4);
    assert_eq!(e["first_date"], "2025-01-06");
    assert_eq!(e["last_date"], "2025-01-12");
}

fn table(conn: &Connection, sql: &str) -> Vec<Vec<String>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| {
                Ok(match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => "NULL".to_string(),
                    rusqlite::types::ValueRef::Integer(x) => x.to_string(),
                    v => v.as_str().unwrap().to_string(),
                })
            })
            .collect()
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn the_pass_over_sqlite_is_idempotent_and_survives_reloads() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "in.jsonl", ARTICLES);
    let db = dir.path().join("out.db");
    let (db_s, in_s) = (db.to_str().unwrap(), input.to_str().unwrap());
    run_ok(&["extract", "-q", "--sqlite", db_s, in_s]);
    run_ok(&["identity", "-q", "--sqlite", db_s]);
    let snapshot = |conn: &Connection| {
        (
            table(
                conn,
                "SELECT article_id, actor_idx, name, entity FROM actors ORDER BY 1, 2",
            ),
            table(
                conn,
                "SELECT article_id, position_idx, entity FROM quotes ORDER BY 1, 2",
            ),
            table(conn, "SELECT * FROM entities ORDER BY id"),
        )
    };
    let first = snapshot(&Connection::open(&db).unwrap());
    let full = first
        .0
        .iter()
        .find(|r| r[0] == "t1" && r[2] == "Octave Brennec")
        .unwrap()[3]
        .clone();
    let t3 = first
        .0
        .iter()
        .find(|r| r[0] == "t3" && r[2] == "Brennec")
        .unwrap();
    assert_eq!(t3[3], full, "the surname is linked in the database");
    let quote = first.1.iter().find(|r| r[0] == "t3").unwrap();
    assert_eq!(quote[2], full, "and so is the quote's speaker");
    let e = first.2.iter().find(|r| r[0] == full).unwrap();
    assert_eq!(e[2], "Octave Brennec");
    assert_eq!(e[4], "4");
    // Re-running the pass, re-loading (with and without --resume) and the pass again change
    // nothing.
    run_ok(&["identity", "-q", "--sqlite", db_s]);
    assert_eq!(snapshot(&Connection::open(&db).unwrap()), first);
    run_ok(&["extract", "-q", "--sqlite", db_s, in_s]);
    assert_eq!(snapshot(&Connection::open(&db).unwrap()), first);
    run_ok(&["extract", "-q", "--resume", "--sqlite", db_s, in_s]);
    run_ok(&["identity", "-q", "--sqlite", db_s]);
    assert_eq!(snapshot(&Connection::open(&db).unwrap()), first);
    // extract --identity does both in one command.
    let db2 = dir.path().join("two.db");
    run_ok(&[
        "extract",
        "-q",
        "--identity",
        "--sqlite",
        db2.to_str().unwrap(),
        in_s,
    ]);
    assert_eq!(snapshot(&Connection::open(&db2).unwrap()), first);
}

#[test]
fn the_pass_over_postgres_is_idempotent_and_survives_reloads() {
    use postgres::{Client, NoTls};
    let Some(url) = postgres_url() else { return };
    let mut admin = Client::connect(&url, NoTls).unwrap();
    admin
        .batch_execute(
            "SET client_min_messages = warning; DROP SCHEMA IF EXISTS t_identity CASCADE; \
             CREATE SCHEMA t_identity",
        )
        .unwrap();
    let load_url = with_search_path(&url, "t_identity");
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "in.jsonl", ARTICLES);
    let in_s = input.to_str().unwrap();
    run_ok(&["extract", "-q", "--postgres", &load_url, in_s]);
    run_ok(&["identity", "-q", "--postgres", &load_url]);
    let mut snapshot = || {
        let actors: Vec<(String, String, Option<String>)> = admin
            .query(
                "SELECT article_id, name, entity FROM t_identity.actors ORDER BY article_id, actor_idx",
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        let entities: Vec<(String, String, String, i64)> = admin
            .query(
                "SELECT id, name, aliases, articles FROM t_identity.entities ORDER BY id",
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
            .collect();
        (actors, entities)
    };
    let first = snapshot();
    let id = |article: &str, name: &str| {
        first
            .0
            .iter()
            .find(|(a, n, _)| a == article && n == name)
            .unwrap()
            .2
            .clone()
    };
    assert_eq!(id("t3", "Brennec"), id("t1", "Octave Brennec"));
    assert!(first.1.iter().any(|e| e.1 == "Octave Brennec" && e.3 == 4));
    run_ok(&["identity", "-q", "--postgres", &load_url]);
    assert_eq!(snapshot(), first);
    run_ok(&["extract", "-q", "--postgres", &load_url, in_s]);
    assert_eq!(snapshot(), first);
}
