//! `depeche extract --postgres` against a real PostgreSQL server (see scripts/ci-services.sh):
//! the loaded tables hold what the JSON Lines output holds, re-loading replaces rows, and
//! `--resume` completes an interrupted load. Each test works in its own schema.

mod sinks_common;

use postgres::{Client, NoTls};
use sinks_common::*;

/// A fresh schema for one test; returns the admin client and the URL that loads into it.
fn fresh_schema(url: &str, name: &str) -> (Client, String) {
    let mut admin = Client::connect(url, NoTls).expect("connects to the test server");
    admin
        .batch_execute(&format!(
            "SET client_min_messages = warning; DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
        ))
        .unwrap();
    (admin, with_search_path(url, name))
}

fn counts(c: &mut Client, schema: &str) -> Vec<(&'static str, usize)> {
    [
        "articles", "actors", "mentions", "amounts", "dates", "roles", "quotes", "stances",
        "errors",
    ]
    .into_iter()
    .map(|t| {
        let n: i64 = c
            .query_one(&format!("SELECT count(*) FROM {schema}.{t}"), &[])
            .unwrap()
            .get(0);
        (t, n as usize)
    })
    .collect()
}

#[test]
fn loaded_tables_match_the_json_records() {
    let Some(url) = postgres_url() else { return };
    let (mut admin, load_url) = fresh_schema(&url, "t_match");
    let dir = tempfile::tempdir().unwrap();
    let sample = write(dir.path(), "sample.jsonl", &sample_jsonl(12));
    let json = extract_jsonl(&[&seeds(), &sample]);
    run_ok(&[
        "extract",
        "--quiet",
        "--chunk-size",
        "5",
        "--postgres",
        &load_url,
        seeds().to_str().unwrap(),
        sample.to_str().unwrap(),
    ]);
    assert_eq!(counts(&mut admin, "t_match"), expected_counts(&json));
    for id in ["sommet-ia-ouverture", "sommet-ia-bilan"] {
        let got: Vec<AmountRow> = admin
            .query(
                "SELECT kind, value, unit FROM t_match.amounts WHERE article_id = $1 ORDER BY amount_idx",
                &[&id],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        assert_eq!(got, amounts_of(&json, id), "{id}");
    }
    if let Some(speaker) = some_speaker(&json) {
        let got: Vec<(String, i64, String)> = admin
            .query(
                "SELECT article_id, position_idx, text FROM t_match.quotes WHERE actor = $1 \
                 ORDER BY article_id, position_idx",
                &[&speaker],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        assert_eq!(got, quotes_of(&json, &speaker));
    }
    let errors: Vec<(String, Option<i64>)> = admin
        .query("SELECT kind, line FROM t_match.errors ORDER BY kind", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(
        errors,
        [
            ("empty_text".into(), Some(7)),
            ("malformed_json".into(), Some(4))
        ]
    );
    // Texts with tabs, backslashes and newlines survive COPY.
    let texts: Vec<String> = admin
        .query(
            "SELECT text FROM t_match.mentions ORDER BY article_id, actor_idx, mention_idx",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let want: Vec<String> = {
        let mut v: Vec<(String, usize, usize, String)> = Vec::new();
        for l in &json {
            let Some(actors) = l["actors"].as_array() else {
                continue;
            };
            for (ai, a) in actors.iter().enumerate() {
                for (mi, m) in a["mentions"].as_array().unwrap().iter().enumerate() {
                    v.push((
                        l["id"].as_str().unwrap().into(),
                        ai,
                        mi,
                        m["text"].as_str().unwrap().into(),
                    ));
                }
            }
        }
        v.sort();
        v.into_iter().map(|x| x.3).collect()
    };
    assert_eq!(texts, want);
}

#[test]
fn reloading_replaces_rows_and_resume_completes_a_load() {
    let Some(url) = postgres_url() else { return };
    let (mut admin, load_url) = fresh_schema(&url, "t_reload");
    let dir = tempfile::tempdir().unwrap();
    let all = sample_jsonl(10);
    let head: String = all.lines().take(3).map(|l| format!("{l}\n")).collect();
    let part = write(dir.path(), "part.jsonl", &head);
    let full = write(dir.path(), "full.jsonl", &all);
    let load = |input: &std::path::Path, resume: bool| {
        let mut args = vec![
            "extract",
            "--quiet",
            "--chunk-size",
            "4",
            "--postgres",
            &load_url,
        ];
        if resume {
            args.push("--resume");
        }
        let p = input.display().to_string();
        args.push(&p);
        run_ok(&args);
    };
    load(&part, false);
    assert_eq!(counts(&mut admin, "t_reload")[0], ("articles", 3));
    load(&full, true);
    let want = expected_counts(&extract_jsonl(&[&full]));
    assert_eq!(counts(&mut admin, "t_reload"), want);
    load(&full, false);
    assert_eq!(counts(&mut admin, "t_reload"), want);
}

#[test]
fn a_failed_batch_keeps_earlier_batches() {
    let Some(url) = postgres_url() else { return };
    let (mut admin, load_url) = fresh_schema(&url, "t_fail");
    let dir = tempfile::tempdir().unwrap();
    let sample = write(dir.path(), "sample.jsonl", &sample_jsonl(10));
    let empty = write(dir.path(), "empty.jsonl", "");
    run_ok(&[
        "extract",
        "--quiet",
        "--postgres",
        &load_url,
        empty.to_str().unwrap(),
    ]);
    admin
        .batch_execute(
            "CREATE FUNCTION t_fail.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN IF NEW.id = 't005' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; \
             RETURN NEW; END $$; \
             CREATE TRIGGER refuse BEFORE INSERT ON t_fail.articles \
             FOR EACH ROW EXECUTE FUNCTION t_fail.refuse();",
        )
        .unwrap();
    let out = bin()
        .args([
            "extract",
            "--chunk-size",
            "3",
            "--threads",
            "1",
            "--postgres",
            &load_url,
            sample.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refused by test trigger") && err.contains("batch of 3"),
        "{err}"
    );
    let c = counts(&mut admin, "t_fail");
    assert_eq!((c[0].1, c[8].1), (5, 1));
}

#[test]
fn schema_sql_runs_in_postgres() {
    let Some(url) = postgres_url() else { return };
    let (mut admin, _) = fresh_schema(&url, "t_ddl");
    let ddl = String::from_utf8(run_ok(&["schema", "--sql"]).stdout).unwrap();
    admin
        .batch_execute(&format!("SET search_path = t_ddl; {ddl}"))
        .unwrap();
    let n: i64 = admin
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 't_ddl'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(n, 10);
    // Idempotent: running it again changes nothing.
    admin
        .batch_execute(&format!("SET search_path = t_ddl; {ddl}"))
        .unwrap();
}
