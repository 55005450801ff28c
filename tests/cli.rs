//! End-to-end tests of the `depeche` binary: the example articles, every kind of bad input,
//! exit statuses, resuming, and the published JSON Schema.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_depeche"))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().expect("runs")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p
}

/// `text[start:end]` in code points, as Python would slice it.
fn slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// Check every span of a record against its article text; returns how many were checked.
fn check_spans(record: &Value, text: &str) -> usize {
    let mut n = 0;
    let mut check = |v: &Value, what: &str| {
        let (s, e) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
        assert!(
            s <= e && e as usize <= text.chars().count(),
            "{what}: span out of range {v}"
        );
        let want = v["text"].as_str().unwrap();
        assert_eq!(
            slice(text, s, e),
            want,
            "{what}: offsets do not round-trip: {v}"
        );
        n += 1;
    };
    for a in record["actors"].as_array().unwrap() {
        for m in a["mentions"].as_array().unwrap() {
            check(m, "actor mention");
        }
    }
    for a in record["amounts"].as_array().unwrap() {
        check(a, "amount");
    }
    for d in record["dates"].as_array().unwrap() {
        check(d, "date");
    }
    for p in record["positions"].as_array().unwrap() {
        if p["kind"] == "quote" {
            // A quote's `text` is the quoted words; its start/end locate them.
            check(p, "quote");
        } else if p.get("start").is_some() {
            check(p, "position");
        }
    }
    n
}

fn seed_texts() -> Vec<(String, String)> {
    std::fs::read_to_string(repo().join("corpus/seeds.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn seeds_give_one_record_each_with_exact_offsets() {
    let out = run(&[
        "extract",
        repo().join("corpus/seeds.jsonl").to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = lines(&out);
    let seeds = seed_texts();
    assert_eq!(recs.len(), seeds.len());
    for (rec, (id, text)) in recs.iter().zip(&seeds) {
        assert_eq!(rec["id"], id.as_str());
        assert!(rec.get("error").is_none());
        assert!(rec["stats"]["tokens"].as_u64().unwrap() > 100);
        check_spans(rec, text);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2 articles (2 records, 0 errors)"),
        "{stderr}"
    );
}

#[test]
fn seed_records_carry_the_article_date() {
    let out = run(&[
        "extract",
        repo().join("corpus/seeds.jsonl").to_str().unwrap(),
    ]);
    let recs = lines(&out);
    assert_eq!(recs[0]["date"], "2025-02");
    assert_eq!(recs[1]["date"], "2025-02-10");
}

#[test]
fn text_files_and_directories() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "b/deux.txt",
        "Deuxième article. Il parle de Lyon.".as_bytes(),
    );
    write(dir.path(), "a/un.txt", "Premier article.".as_bytes());
    write(dir.path(), "a/ignore.csv", b"x,y");
    write(dir.path(), ".cache/skip.txt", b"hidden");
    let out = run(&["extract", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let recs = lines(&out);
    assert_eq!(recs.len(), 2);
    assert!(recs[0]["id"].as_str().unwrap().ends_with("a/un.txt"));
    assert!(recs[1]["id"].as_str().unwrap().ends_with("b/deux.txt"));
}

#[test]
fn compressed_dumps_gz_and_zst() {
    let dir = tempfile::tempdir().unwrap();
    let data =
        b"{\"id\":\"g1\",\"text\":\"Un texte.\"}\n{\"id\":\"g2\",\"text\":\"Deux textes.\"}\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(data).unwrap();
    let gz_path = write(dir.path(), "d.jsonl.gz", &gz.finish().unwrap());
    let zst_path = write(
        dir.path(),
        "d.jsonl.zst",
        &zstd::encode_all(&data[..], 3).unwrap(),
    );
    for p in [gz_path, zst_path] {
        let out = run(&["extract", p.to_str().unwrap()]);
        assert!(out.status.success());
        let ids: Vec<_> = lines(&out)
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ids, ["g1", "g2"]);
    }
}

#[test]
fn truncated_gzip_is_reported_and_records_before_it_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = Vec::new();
    for i in 0..2000 {
        data.extend_from_slice(
            format!("{{\"id\":\"t{i}\",\"text\":\"Texte numéro {i} sur la ville de Paris.\"}}\n")
                .as_bytes(),
        );
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&data).unwrap();
    let full = gz.finish().unwrap();
    let p = write(dir.path(), "cut.jsonl.gz", &full[..full.len() / 2]);
    let out = run(&["extract", p.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an input that fails part-way is an input failure"
    );
    let recs = lines(&out);
    let last = recs.last().unwrap();
    assert_eq!(last["error"]["kind"], "unreadable");
    assert!(recs.len() > 10);
    assert!(recs[..recs.len() - 1]
        .iter()
        .all(|r| r.get("error").is_none()));
}

#[test]
fn every_bad_line_yields_an_error_record_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = Vec::new();
    data.extend_from_slice(b"{\"id\":\"ok1\",\"text\":\"Bonjour Paris.\"}\n");
    data.extend_from_slice(b"{\"id\":\"bad-json\",\"text\":\n");
    data.extend_from_slice(b"[1,2,3]\n");
    data.extend_from_slice(b"17\n");
    data.extend_from_slice(b"{\"id\":\"no-text\"}\n");
    data.extend_from_slice(b"{\"id\":\"num-text\",\"text\":5}\n");
    data.extend_from_slice(b"{\"id\":\"empty\",\"text\":\"  \\n \"}\n");
    data.extend_from_slice(b"{\"id\":\"latin1\",\"text\":\"caf\xe9\"}\n");
    data.extend_from_slice(b"\n");
    data.extend_from_slice(
        b"{\"id\":\"ok2\",\"text\":\"Au revoir Lyon.\",\"date\":\"pas une date\"}\n",
    );
    let p = write(dir.path(), "bad.jsonl", &data);
    let out = run(&["extract", p.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "per-article errors do not fail the batch"
    );
    let recs = lines(&out);
    let kinds: Vec<String> = recs
        .iter()
        .map(|r| {
            r.get("error").map_or("record".to_string(), |e| {
                e["kind"].as_str().unwrap().to_string()
            })
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "record",
            "malformed_json",
            "not_an_object",
            "not_an_object",
            "missing_text",
            "text_not_string",
            "empty_text",
            "invalid_utf8",
            "record"
        ]
    );
    assert_eq!(recs[1]["error"]["line"], 2);
    assert_eq!(recs[1]["id"], format!("{}:2", p.display()));
    assert_eq!(recs[4]["id"], "no-text");
    assert_eq!(recs[7]["id"], "latin1");
    assert!(recs[8]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("not an ISO date"));
    for r in &recs[1..8] {
        assert!(r["error"]["message"].as_str().unwrap().len() > 10);
        assert_eq!(r["error"]["source"], p.display().to_string());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("9 articles (2 records, 7 errors)"),
        "{stderr}"
    );
}

#[test]
fn lossy_replaces_invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "l.jsonl",
        b"{\"id\":\"latin1\",\"text\":\"caf\xe9 \xe0 Paris\"}\n",
    );
    let out = run(&["extract", "--lossy", p.to_str().unwrap()]);
    let recs = lines(&out);
    assert!(recs[0].get("error").is_none());
    assert!(!recs[0]["warnings"].as_array().unwrap().is_empty());
    let t = write(dir.path(), "l.txt", b"caf\xe9");
    assert_eq!(
        lines(&run(&["extract", t.to_str().unwrap()]))[0]["error"]["kind"],
        "invalid_utf8"
    );
    assert!(lines(&run(&["extract", "--lossy", t.to_str().unwrap()]))[0]
        .get("error")
        .is_none());
}

#[test]
fn enormous_articles_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    let big = "mot ".repeat(5000);
    let p = write(
        dir.path(),
        "big.jsonl",
        format!(
            "{{\"id\":\"big\",\"text\":\"{big}\"}}\n{{\"id\":\"small\",\"text\":\"Petit.\"}}\n"
        )
        .as_bytes(),
    );
    let out = run(&["extract", "--max-bytes", "1000", p.to_str().unwrap()]);
    let recs = lines(&out);
    assert_eq!(recs[0]["error"]["kind"], "too_large");
    assert_eq!(recs[1]["id"], "small");
    assert!(recs[1].get("error").is_none());
    let t = write(dir.path(), "big.txt", big.as_bytes());
    let out = run(&["extract", "--max-bytes", "1000", t.to_str().unwrap()]);
    assert_eq!(lines(&out)[0]["error"]["kind"], "too_large");
}

#[test]
fn missing_input_is_an_error_record_and_exit_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let ok = write(dir.path(), "ok.txt", "Un texte.".as_bytes());
    let out = run(&["extract", "/no/such/file.jsonl", ok.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let recs = lines(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["error"]["kind"], "unreadable");
    assert!(
        recs[1].get("error").is_none(),
        "the other input is still processed"
    );
}

#[test]
fn fail_fast_stops_with_status_3() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "f.jsonl",
        b"{\"id\":\"a\",\"text\":\"Un.\"}\nnope\n{\"id\":\"c\",\"text\":\"Trois.\"}\n",
    );
    let out = run(&["extract", "--fail-fast", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(lines(&out).len(), 2);
}

#[test]
fn stdin_jsonl_and_plain_text() {
    let out = run_stdin(
        &["extract"],
        b"{\"id\":\"s1\",\"text\":\"Depuis stdin.\"}\n",
    );
    assert_eq!(lines(&out)[0]["id"], "s1");
    let out = run_stdin(
        &["extract", "-"],
        "Un article brut sur Marseille.".as_bytes(),
    );
    assert_eq!(lines(&out)[0]["id"], "-");
}

#[test]
fn custom_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "c.jsonl",
        b"{\"uid\":\"u1\",\"body\":\"Corps.\",\"published\":\"2021-03-04\"}\n",
    );
    let out = run(&[
        "extract",
        "--id-field",
        "uid",
        "--text-field",
        "body",
        "--date-field",
        "published",
        p.to_str().unwrap(),
    ]);
    let r = &lines(&out)[0];
    assert_eq!(
        (r["id"].as_str(), r["date"].as_str()),
        (Some("u1"), Some("2021-03-04"))
    );
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let seeds = repo().join("corpus/seeds.jsonl");
    let one = run(&["extract", "--threads", "1", seeds.to_str().unwrap()]);
    let two = run(&[
        "extract",
        "--threads",
        "2",
        "--chunk-size",
        "1",
        seeds.to_str().unwrap(),
    ]);
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn resume_appends_without_duplicating() {
    let dir = tempfile::tempdir().unwrap();
    let data: String = (0..6)
        .map(|i| format!("{{\"id\":\"r{i}\",\"text\":\"Texte {i}.\"}}\n"))
        .collect();
    let input = write(dir.path(), "in.jsonl", data.as_bytes());
    let out_path = dir.path().join("out.jsonl");
    // Simulate a killed run: two complete lines and a partial third.
    let full = run(&["extract", input.to_str().unwrap()]);
    let full_text = String::from_utf8(full.stdout.clone()).unwrap();
    let mut partial: String = full_text
        .lines()
        .take(2)
        .map(|l| format!("{l}\n"))
        .collect();
    partial.push_str("{\"id\":\"r2\",\"act");
    std::fs::write(&out_path, partial).unwrap();
    let out = run(&[
        "extract",
        "--resume",
        "-o",
        out_path.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), full_text);
}

#[test]
fn published_schema_matches_the_code() {
    let out = run(&["schema"]);
    let generated: Value = serde_json::from_slice(&out.stdout).unwrap();
    let published: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schema/record.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        generated, published,
        "regenerate with: depeche schema > schema/record.schema.json"
    );
}

#[test]
fn bench_runs_on_the_builtin_sample() {
    let out = run(&["bench", "--limit", "4", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 4);
    let stages: Vec<&str> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["stage"].as_str().unwrap())
        .collect();
    for s in ["tokenize", "figures", "actors", "positions", "overall"] {
        assert!(stages.contains(&s), "{s}");
    }
}

/// Without the `transformer` feature, asking for the transformer backend says how to get it.
#[cfg(not(feature = "transformer"))]
#[test]
fn transformer_backend_needs_the_feature() {
    let seeds = repo().join("corpus/seeds.jsonl");
    let out = run(&[
        "extract",
        "--ner",
        "transformer",
        "--ner-model",
        "some/dir",
        seeds.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--features transformer"), "{err}");
}
