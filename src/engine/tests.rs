use super::*;
use crate::PipelineConfig;

fn run_on(data: &str, opts: &EngineOptions) -> (Vec<serde_json::Value>, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    std::fs::File::create(&path)
        .unwrap()
        .write_all(data.as_bytes())
        .unwrap();
    let pipeline = Pipeline::new(&PipelineConfig::default()).unwrap();
    let (sources, errs) = input::expand_inputs(&[path]);
    let mut out = Vec::new();
    let s = run(
        &pipeline,
        &sources,
        errs,
        &InputOptions::default(),
        opts,
        &(),
        &mut out,
    )
    .unwrap();
    let lines = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (lines, s)
}

#[test]
fn keeps_order_across_chunks_and_threads() {
    let data: String = (0..200)
        .map(|i| format!("{{\"id\":\"a{i}\",\"text\":\"Texte numéro {i}.\"}}\n"))
        .collect();
    for threads in [1, 2, 4] {
        let opts = EngineOptions {
            threads,
            chunk_articles: 7,
            ..Default::default()
        };
        let (lines, s) = run_on(&data, &opts);
        assert_eq!(s.records, 200);
        let ids: Vec<String> = lines
            .iter()
            .map(|l| l["id"].as_str().unwrap().to_string())
            .collect();
        let want: Vec<String> = (0..200).map(|i| format!("a{i}")).collect();
        assert_eq!(ids, want);
    }
}

#[test]
fn bad_lines_become_error_records_and_the_batch_goes_on() {
    let data = "{\"id\":\"a\",\"text\":\"Un.\"}\n{oops\n{\"id\":\"c\",\"text\":\"  \"}\n{\"id\":\"d\",\"text\":\"Deux.\"}\n";
    let (lines, s) = run_on(data, &EngineOptions::default());
    assert_eq!((s.lines, s.records, s.errors), (4, 2, 2));
    assert_eq!(lines[1]["error"]["kind"], "malformed_json");
    assert_eq!(lines[1]["error"]["line"], 2);
    assert_eq!(lines[2]["error"]["kind"], "empty_text");
    assert_eq!(lines[2]["id"], "c");
    assert_eq!(lines[3]["id"], "d");
}

#[test]
fn fail_fast_stops_after_the_first_error() {
    let data = "{\"id\":\"a\",\"text\":\"Un.\"}\n[]\n{\"id\":\"d\",\"text\":\"Deux.\"}\n";
    let opts = EngineOptions {
        fail_fast: true,
        chunk_articles: 1,
        ..Default::default()
    };
    let (lines, s) = run_on(data, &opts);
    assert!(s.stopped_at_error);
    assert_eq!(lines.len(), 2);
}

#[test]
fn shards_partition_the_input_by_position() {
    let data: String = (0..10)
        .map(|i| format!("{{\"id\":\"a{i}\",\"text\":\"T {i}.\"}}\n"))
        .collect();
    let mut all = Vec::new();
    for index in 1..=3 {
        let opts = EngineOptions {
            shard: Some(Shard { index, count: 3 }),
            chunk_articles: 2,
            ..Default::default()
        };
        let (lines, _) = run_on(&data, &opts);
        let ids: Vec<String> = lines
            .iter()
            .map(|l| l["id"].as_str().unwrap().into())
            .collect();
        let want: Vec<String> = (0..10)
            .filter(|i| i % 3 == index - 1)
            .map(|i| format!("a{i}"))
            .collect();
        assert_eq!(ids, want);
        all.extend(ids);
    }
    assert_eq!(all.len(), 10);
}

#[test]
fn shard_parses_i_of_n_and_refuses_the_rest() {
    assert_eq!("2/8".parse::<Shard>(), Ok(Shard { index: 2, count: 8 }));
    for bad in ["0/4", "5/4", "1/0", "3", "a/b", "1/4/2", ""] {
        assert!(bad.parse::<Shard>().is_err(), "{bad}");
    }
}

#[test]
fn skip_ids_leaves_out_loaded_articles() {
    let data: String = (0..5)
        .map(|i| format!("{{\"id\":\"a{i}\",\"text\":\"T {i}.\"}}\n"))
        .collect();
    let ids: LoadedIds = ["a1", "a3"].iter().map(|s| s.to_string()).collect();
    let (lines, s) = run_on(
        &data,
        &EngineOptions {
            skip_ids: Some(Arc::new(ids)),
            ..Default::default()
        },
    );
    let got: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(got, ["a0", "a2", "a4"]);
    assert_eq!(s.skipped, 2);
}

struct Collect(Vec<Output>, bool);

impl Sink for Collect {
    fn needs(&self) -> Needs {
        Needs {
            json: false,
            typed: true,
        }
    }
    fn write_chunk(&mut self, chunk: &[Processed]) -> Result<(), SinkError> {
        assert!(chunk.iter().all(|p| p.line.is_empty()));
        self.0
            .extend(chunk.iter().map(|p| p.output.clone().unwrap()));
        Ok(())
    }
    fn finish(&mut self) -> Result<(), SinkError> {
        self.1 = true;
        Ok(())
    }
}

#[test]
fn typed_sinks_get_outputs_in_order_and_are_finished() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    let data: String = (0..30)
        .map(|i| format!("{{\"id\":\"a{i}\",\"text\":\"Texte {i}.\"}}\n"))
        .collect::<String>()
        + "{oops\n";
    std::fs::write(&path, data).unwrap();
    let pipeline = Pipeline::new(&PipelineConfig::default()).unwrap();
    let (sources, errs) = input::expand_inputs(&[path]);
    let mut sink = Collect(Vec::new(), false);
    let opts = EngineOptions {
        chunk_articles: 4,
        threads: 2,
        ..Default::default()
    };
    let s = run_sink(
        &pipeline,
        &sources,
        errs,
        &InputOptions::default(),
        &opts,
        &(),
        &mut sink,
    )
    .unwrap();
    assert!(sink.1);
    assert_eq!((s.records, s.errors), (30, 1));
    let ids: Vec<&str> = sink.0.iter().map(crate::sinks::output_id).collect();
    assert_eq!(ids[0], "a0");
    assert_eq!(ids[29], "a29");
    assert!(matches!(sink.0[30], Output::Error(_)));
}

#[test]
fn skip_resumes_after_n_items() {
    let data: String = (0..10)
        .map(|i| format!("{{\"id\":\"a{i}\",\"text\":\"T {i}.\"}}\n"))
        .collect();
    let (lines, s) = run_on(
        &data,
        &EngineOptions {
            skip: 4,
            ..Default::default()
        },
    );
    assert_eq!(s.skipped, 4);
    assert_eq!(lines[0]["id"], "a4");
    assert_eq!(lines.len(), 6);
}
