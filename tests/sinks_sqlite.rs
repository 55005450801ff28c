//! `depeche extract --sqlite`: the loaded tables hold exactly what the JSON Lines output holds,
//! re-loading never duplicates, `--resume` skips what is loaded, and a failed batch keeps
//! everything committed before it.

mod sinks_common;

use rusqlite::Connection;
use sinks_common::*;

fn count(conn: &Connection, table: &str) -> usize {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
        r.get::<_, i64>(0)
    })
    .unwrap() as usize
}

fn counts(conn: &Connection) -> Vec<(&'static str, usize)> {
    [
        "articles", "actors", "mentions", "amounts", "dates", "roles", "quotes", "stances",
        "errors",
    ]
    .into_iter()
    .map(|t| (t, count(conn, t)))
    .collect()
}

#[test]
fn loaded_tables_match_the_json_records() {
    let dir = tempfile::tempdir().unwrap();
    let sample = write(dir.path(), "sample.jsonl", &sample_jsonl(12));
    let db = dir.path().join("out.db");
    let json = extract_jsonl(&[&seeds(), &sample]);
    run_ok(&[
        "extract",
        "--quiet",
        "--chunk-size",
        "5",
        "--sqlite",
        db.to_str().unwrap(),
        seeds().to_str().unwrap(),
        sample.to_str().unwrap(),
    ]);
    let conn = Connection::open(&db).unwrap();
    let want = expected_counts(&json);
    assert_eq!(counts(&conn), want);
    assert_eq!(
        want[0].1, 14,
        "two example articles and twelve written ones"
    );
    assert_eq!(want[8].1, 2, "one malformed line and one empty text");

    // The amounts of each example article, in record order.
    for id in ["sommet-ia-ouverture", "sommet-ia-bilan"] {
        let got: Vec<AmountRow> = conn
            .prepare(
                "SELECT kind, value, unit FROM amounts WHERE article_id = ?1 ORDER BY amount_idx",
            )
            .unwrap()
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(got, amounts_of(&json, id), "{id}");
    }
    // The quotes of a named speaker.
    if let Some(speaker) = some_speaker(&json) {
        let got: Vec<(String, i64, String)> = conn
            .prepare(
                "SELECT article_id, position_idx, text FROM quotes WHERE actor = ?1 \
                 ORDER BY article_id, position_idx",
            )
            .unwrap()
            .query_map([&speaker], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(got, quotes_of(&json, &speaker));
    }
    // The error records, with their kind and line.
    let errors: Vec<(String, Option<i64>)> = conn
        .prepare("SELECT kind, line FROM errors ORDER BY kind")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        errors,
        [
            ("empty_text".into(), Some(7)),
            ("malformed_json".into(), Some(4))
        ]
    );
}

#[test]
fn reloading_the_same_dump_never_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let sample = write(dir.path(), "sample.jsonl", &sample_jsonl(9));
    let db = dir.path().join("out.db");
    let args = [
        "extract",
        "--quiet",
        "--chunk-size",
        "4",
        "--sqlite",
        db.to_str().unwrap(),
        sample.to_str().unwrap(),
    ];
    run_ok(&args);
    let first = counts(&Connection::open(&db).unwrap());
    run_ok(&args);
    assert_eq!(counts(&Connection::open(&db).unwrap()), first);
}

#[test]
fn resume_loads_only_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let all = sample_jsonl(10);
    let head: String = all.lines().take(3).map(|l| format!("{l}\n")).collect();
    let part = write(dir.path(), "part.jsonl", &head);
    let full = write(dir.path(), "full.jsonl", &all);
    let db = dir.path().join("out.db");
    run_ok(&[
        "extract",
        "--quiet",
        "--sqlite",
        db.to_str().unwrap(),
        part.to_str().unwrap(),
    ]);
    assert_eq!(count(&Connection::open(&db).unwrap(), "articles"), 3);
    let out = run_ok(&[
        "extract",
        "--resume",
        "--sqlite",
        db.to_str().unwrap(),
        full.to_str().unwrap(),
    ]);
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("3 skipped"), "{summary}");
    let conn = Connection::open(&db).unwrap();
    assert_eq!(counts(&conn), expected_counts(&extract_jsonl(&[&full])));
}

#[test]
fn a_failed_batch_is_reported_and_the_rerun_completes_the_load() {
    let dir = tempfile::tempdir().unwrap();
    let sample = write(dir.path(), "sample.jsonl", &sample_jsonl(10));
    let db = dir.path().join("out.db");
    // An empty database with a trigger that refuses one article.
    let empty = write(dir.path(), "empty.jsonl", "");
    run_ok(&[
        "extract",
        "--quiet",
        "--sqlite",
        db.to_str().unwrap(),
        empty.to_str().unwrap(),
    ]);
    Connection::open(&db)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.id = 't005' \
             BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END;",
        )
        .unwrap();
    let args = [
        "extract",
        "--resume",
        "--chunk-size",
        "3",
        "--threads",
        "1",
        "--sqlite",
        db.to_str().unwrap(),
        sample.to_str().unwrap(),
    ];
    let out = bin().args(args).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("refused by test trigger"), "{err}");
    assert!(err.contains("batch of 3 articles"), "{err}");
    {
        let conn = Connection::open(&db).unwrap();
        // Chunks 1-2 (t000 t001 t002 cassé t003 t004) are committed; chunk 3 (vide t005 t006)
        // left nothing; nothing after it was loaded.
        assert_eq!(count(&conn, "articles"), 5);
        assert_eq!(count(&conn, "errors"), 1);
        conn.execute_batch("DROP TRIGGER refuse").unwrap();
    }
    run_ok(&args);
    let conn = Connection::open(&db).unwrap();
    assert_eq!(counts(&conn), expected_counts(&extract_jsonl(&[&sample])));
}

#[test]
fn schema_sql_creates_the_tables_in_sqlite() {
    let out = run_ok(&["schema", "--sql"]);
    let ddl = String::from_utf8(out.stdout).unwrap();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(&ddl).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        tables,
        [
            "actors", "amounts", "articles", "dates", "entities", "errors", "mentions", "quotes",
            "roles", "stances"
        ]
    );
    // Idempotent: running it again changes nothing.
    conn.execute_batch(&ddl).unwrap();
}
