//! Helpers shared by the sink tests: running the binary, a small corpus written for the tests,
//! and the row counts a record list should give in each table.
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The depeche binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_depeche"))
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example articles.
pub fn seeds() -> PathBuf {
    repo().join("corpus/seeds.jsonl")
}

/// Run the binary; panics with its stderr when it fails.
pub fn run_ok(args: &[&str]) -> Output {
    let out = bin().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "depeche {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Articles written for these tests (ordinary French news phrasing), one malformed line and
/// one empty text, so every table and the errors table get rows.
pub fn sample_jsonl(n: usize) -> String {
    let mut s = String::new();
    let cities = ["Lyon", "Marseille", "Toulouse", "Lille", "Nantes"];
    for i in 0..n {
        let city = cities[i % cities.len()];
        let text = format!(
            "La mairie de {city} a voté mardi un budget de {m} millions d'euros, en hausse de {p} % \
             sur un an. « Nous tenons nos engagements », a déclaré Jeanne Morel, adjointe aux \
             finances, le 3 mars 2025. L'opposition, menée par Paul Garnier, s'oppose à la hausse \
             des impôts locaux.",
            m = 10 + i,
            p = 1 + i % 9
        );
        s.push_str(
            &serde_json::json!({"id": format!("t{i:03}"), "date": "2025-03-04", "text": text})
                .to_string(),
        );
        s.push('\n');
        if i == 2 {
            s.push_str("{\"id\": \"cassé\", \"text\": \n");
        }
        if i == 4 {
            s.push_str("{\"id\": \"vide\", \"text\": \"   \"}\n");
        }
    }
    s
}

/// Write `text` to `dir/name` and return the path.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// The JSON Lines output of a single-machine run.
pub fn extract_jsonl(inputs: &[&Path]) -> Vec<Value> {
    let mut args = vec!["extract", "--quiet", "--threads", "2"];
    let owned: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    args.extend(owned.iter().map(String::as_str));
    let out = bin().args(&args).output().expect("runs");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Rows each table should hold for these output lines (last occurrence of an id wins).
pub fn expected_counts(lines: &[Value]) -> Vec<(&'static str, usize)> {
    let mut last: std::collections::HashMap<&str, &Value> = Default::default();
    for l in lines {
        last.insert(l["id"].as_str().unwrap(), l);
    }
    let mut c = [0usize; 9];
    for l in last.values() {
        if l.get("error").is_some() {
            c[8] += 1;
            continue;
        }
        c[0] += 1;
        let actors = l["actors"].as_array().unwrap();
        c[1] += actors.len();
        c[2] += actors
            .iter()
            .map(|a| a["mentions"].as_array().unwrap().len())
            .sum::<usize>();
        c[3] += l["amounts"].as_array().unwrap().len();
        c[4] += l["dates"].as_array().unwrap().len();
        for p in l["positions"].as_array().unwrap() {
            match p["kind"].as_str().unwrap() {
                "role" => c[5] += 1,
                "quote" => c[6] += 1,
                "stance" => c[7] += 1,
                other => panic!("unknown position kind {other}"),
            }
        }
    }
    let names = [
        "articles", "actors", "mentions", "amounts", "dates", "roles", "quotes", "stances",
        "errors",
    ];
    names.into_iter().zip(c).collect()
}

/// One amount as (kind, value, unit).
pub type AmountRow = (String, f64, Option<String>);

/// (kind, value, unit) of each amount of an article, in record order.
pub fn amounts_of(lines: &[Value], id: &str) -> Vec<AmountRow> {
    let rec = lines
        .iter()
        .find(|l| l["id"] == id)
        .expect("article present");
    rec["amounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["kind"].as_str().unwrap().to_string(),
                a["value"].as_f64().unwrap(),
                a["unit"].as_str().map(str::to_string),
            )
        })
        .collect()
}

/// Every quote (article id, position index, text) whose speaker is `actor`.
pub fn quotes_of(lines: &[Value], actor: &str) -> Vec<(String, i64, String)> {
    let mut out = Vec::new();
    for l in lines {
        let Some(ps) = l["positions"].as_array() else {
            continue;
        };
        for (i, p) in ps.iter().enumerate() {
            if p["kind"] == "quote" && p["actor"] == actor {
                out.push((
                    l["id"].as_str().unwrap().to_string(),
                    i as i64,
                    p["text"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    out.sort();
    out
}

/// Some speaker named in the quotes of these records, if any.
pub fn some_speaker(lines: &[Value]) -> Option<String> {
    lines
        .iter()
        .filter_map(|l| l["positions"].as_array())
        .flatten()
        .find(|p| p["kind"] == "quote" && p["actor"].is_string())
        .map(|p| p["actor"].as_str().unwrap().to_string())
}

/// True when running under CI (`CI=true`), where gated tests must not skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// The PostgreSQL server for tests (`DEPECHE_TEST_POSTGRES_URL`, set by
/// `eval "$(scripts/ci-services.sh start)"`). Panics under CI when it is missing; elsewhere
/// prints a notice and returns `None` so the test is skipped.
pub fn postgres_url() -> Option<String> {
    match std::env::var("DEPECHE_TEST_POSTGRES_URL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            assert!(
                !in_ci(),
                "DEPECHE_TEST_POSTGRES_URL is not set under CI: run \
                 `eval \"$(scripts/ci-services.sh start)\"` before cargo test"
            );
            eprintln!(
                "notice: PostgreSQL test skipped: set DEPECHE_TEST_POSTGRES_URL \
                 (eval \"$(scripts/ci-services.sh start)\")"
            );
            None
        }
    }
}

/// The same URL with every table created in (and read from) `schema`.
pub fn with_search_path(url: &str, schema: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-csearch_path%3D{schema}")
}
