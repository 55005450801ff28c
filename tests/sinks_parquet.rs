//! `depeche extract --format parquet -o DIR`: one Parquet dataset per table, holding what the
//! JSON Lines output holds; shards write separate parts of the same datasets.

mod sinks_common;

use arrow_array::{Array, Float64Array, Int64Array, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use sinks_common::*;
use std::path::Path;

fn read_table(dir: &Path, table: &str) -> Vec<RecordBatch> {
    let mut parts: Vec<_> = std::fs::read_dir(dir.join(table))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    parts.sort();
    assert!(
        parts
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "parquet")),
        "no partial files left: {parts:?}"
    );
    let mut batches = Vec::new();
    for p in parts {
        let file = std::fs::File::open(&p).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        batches.extend(reader.map(|b| b.unwrap()));
    }
    batches
}

fn rows(dir: &Path, table: &str) -> usize {
    read_table(dir, table).iter().map(|b| b.num_rows()).sum()
}

fn column<'a, T: 'static>(b: &'a RecordBatch, name: &str) -> &'a T {
    b.column_by_name(name)
        .unwrap_or_else(|| panic!("column {name}"))
        .as_any()
        .downcast_ref::<T>()
        .unwrap()
}

#[test]
fn parquet_tables_match_the_json_records() {
    let dir = tempfile::tempdir().unwrap();
    let sample = write(dir.path(), "sample.jsonl", &sample_jsonl(12));
    let out = dir.path().join("tables");
    let json = extract_jsonl(&[&seeds(), &sample]);
    run_ok(&[
        "extract",
        "--quiet",
        "--chunk-size",
        "4",
        "--format",
        "parquet",
        "-o",
        out.to_str().unwrap(),
        seeds().to_str().unwrap(),
        sample.to_str().unwrap(),
    ]);
    for (table, n) in expected_counts(&json) {
        assert_eq!(rows(&out, table), n, "{table}");
    }
    for id in ["sommet-ia-ouverture", "sommet-ia-bilan"] {
        let mut got: Vec<(i64, AmountRow)> = Vec::new();
        for b in read_table(&out, "amounts") {
            let ids = column::<StringArray>(&b, "article_id");
            let idx = column::<Int64Array>(&b, "amount_idx");
            let kind = column::<StringArray>(&b, "kind");
            let value = column::<Float64Array>(&b, "value");
            let unit = column::<StringArray>(&b, "unit");
            for i in 0..b.num_rows() {
                if ids.value(i) == id {
                    let u = (!unit.is_null(i)).then(|| unit.value(i).to_string());
                    got.push((idx.value(i), (kind.value(i).into(), value.value(i), u)));
                }
            }
        }
        got.sort_by_key(|g| g.0);
        let got: Vec<_> = got.into_iter().map(|g| g.1).collect();
        assert_eq!(got, amounts_of(&json, id), "{id}");
    }
}

#[test]
fn shards_write_parts_that_cover_the_input_once() {
    let dir = tempfile::tempdir().unwrap();
    let sample = write(dir.path(), "sample.jsonl", &sample_jsonl(11));
    let out = dir.path().join("tables");
    for shard in ["1/3", "2/3", "3/3"] {
        run_ok(&[
            "extract",
            "--quiet",
            "--shard",
            shard,
            "--format",
            "parquet",
            "-o",
            out.to_str().unwrap(),
            sample.to_str().unwrap(),
        ]);
    }
    let parts: Vec<String> = {
        let mut v: Vec<String> = std::fs::read_dir(out.join("articles"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        parts,
        [
            "part-00000.parquet",
            "part-00001.parquet",
            "part-00002.parquet"
        ]
    );
    let mut ids: Vec<String> = Vec::new();
    for b in read_table(&out, "articles") {
        let col = column::<StringArray>(&b, "id");
        ids.extend((0..b.num_rows()).map(|i| col.value(i).to_string()));
    }
    ids.sort();
    let want: Vec<String> = (0..11).map(|i| format!("t{i:03}")).collect();
    assert_eq!(ids, want);
    assert_eq!(rows(&out, "errors"), 2);
}

#[test]
fn parquet_needs_an_output_directory() {
    let out = bin()
        .args(["extract", "--format", "parquet", seeds().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o DIR"));
}
