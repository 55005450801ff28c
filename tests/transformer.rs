//! The transformer NER backend (feature `transformer`) on tiny randomly initialised
//! checkpoints built by the test itself: loading each architecture, label schemes, windowing
//! of long articles, batching, offsets, errors, and the CLI (`extract`, `bench`, `evaluate`).
#![cfg(feature = "transformer")]

use depeche::actors::transformer::fixture::{write_tiny, Size, TinySpec};
use depeche::actors::transformer::{
    Aggregation, Arch, TransformerError, TransformerNer, TransformerOptions,
};
use depeche::{Article, Pipeline, PipelineConfig};
use std::path::{Path, PathBuf};
use std::process::Command;

const IOB2: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];

const TEXT: &str = "Jean\u{a0}Macron a dit «\u{202f}non\u{202f}» à l’Élysée. \
    La France paiera 109 milliards d’euros.\n\nPierre est à Paris.";

fn tiny(dir: &Path, arch: Arch, labels: &[&str], max_len: usize, constant: Option<usize>) {
    write_tiny(
        dir,
        &TinySpec {
            arch,
            labels,
            max_len,
            constant_label: constant,
            size: Size::TINY,
        },
    )
    .expect("writes the checkpoint");
}

fn options(dir: &Path) -> TransformerOptions {
    TransformerOptions {
        stride: 4,
        ..TransformerOptions::new(dir)
    }
}

fn words_of(text: &str) -> (Vec<std::ops::Range<usize>>, Vec<std::ops::Range<usize>>) {
    let doc = depeche::text::Document::new(text, None);
    (
        doc.tokens
            .iter()
            .map(|t| t.start as usize..t.end as usize)
            .collect(),
        doc.sentences.iter().map(|s| s.tokens()).collect(),
    )
}

#[test]
fn every_architecture_loads_and_keeps_offsets() {
    for arch in [Arch::Bert, Arch::Roberta, Arch::DistilBert] {
        let dir = tempfile::tempdir().unwrap();
        tiny(dir.path(), arch, &IOB2, 64, None);
        let ner = TransformerNer::load(&options(dir.path())).expect("loads");
        assert_eq!(ner.checkpoint().arch, arch);
        assert_eq!(ner.checkpoint().labels.len(), 9);
        let (words, sents) = words_of(TEXT);
        let (tags, stats) = ner.tag_words(TEXT, &words, &sents).expect("tags");
        assert_eq!(tags.len(), words.len());
        assert!(tags.iter().all(|&t| (t as usize) < IOB2.len()));
        assert!(stats.pieces >= words.len() - 8, "{stats:?}");
        // Byte offsets on character boundaries of the original text; CamemBERT-style
        // SentencePiece pieces carry the `▁` word-start mark.
        let enc = ner.checkpoint().tokenizer.encode(TEXT, false).unwrap();
        for &(s, e) in enc.get_offsets() {
            assert!(TEXT.is_char_boundary(s) && TEXT.is_char_boundary(e) && s <= e);
        }
        if arch == Arch::Roberta {
            assert!(
                enc.get_tokens().iter().any(|t| t == "▁Jean"),
                "{:?}",
                enc.get_tokens()
            );
        }

        // Through the whole pipeline: every span maps back to the text.
        let pipeline = Pipeline::new(&PipelineConfig {
            transformer: Some(options(dir.path())),
            ..Default::default()
        })
        .expect("pipeline");
        let record = pipeline.extract(&Article::new("t", TEXT)).expect("record");
        let chars: Vec<char> = TEXT.chars().collect();
        for a in &record.actors {
            for m in &a.mentions {
                let s: String = chars[m.span.start..m.span.end].iter().collect();
                assert_eq!(s, m.span.text, "{arch:?}");
            }
        }
        assert!(!record.amounts.is_empty(), "the other stages still run");
    }
}

#[test]
fn label_schemes_become_iob2() {
    let dir = tempfile::tempdir().unwrap();
    let (words, sents) = words_of(TEXT);
    type Check = fn(&[u8], &[std::ops::Range<usize>]) -> bool;
    let cases: &[(&[&str], usize, Check)] = &[
        // IOB2 B-PER everywhere: every word is its own person.
        (&IOB2, 1, |t, _| t.iter().all(|&x| x == 1)),
        // IOB1 I-LOC everywhere: one place per sentence.
        (&["O", "I-LOC", "B-LOC"], 1, |t, s| {
            s.iter()
                .all(|r| t[r.start] == 5 && t[r.start + 1..r.end].iter().all(|&x| x == 6))
        }),
        // BIOES S-ORG everywhere: every word its own organisation.
        (&["O", "B-ORG", "I-ORG", "E-ORG", "S-ORG"], 4, |t, _| {
            t.iter().all(|&x| x == 3)
        }),
        // Types that are not actors (dates) are O.
        (&["O", "B-DATE", "I-DATE"], 1, |t, _| {
            t.iter().all(|&x| x == 0)
        }),
        // Bare types (IOB1 without prefixes): one span per sentence.
        (&["O", "PER"], 1, |t, s| {
            s.iter()
                .all(|r| t[r.start] == 1 && t[r.start + 1..r.end].iter().all(|&x| x == 2))
        }),
    ];
    for arch in [Arch::Bert, Arch::Roberta] {
        for (labels, constant, check) in cases {
            tiny(dir.path(), arch, labels, 64, Some(*constant));
            let ner = TransformerNer::load(&options(dir.path())).unwrap();
            let (tags, _) = ner.tag_words(TEXT, &words, &sents).unwrap();
            assert!(check(&tags, &sents), "{arch:?} {labels:?}: {tags:?}");
        }
    }
}

/// A long article with short windows: many windows, every word labelled, and the constant
/// model's labels are exactly what one window would give.
#[test]
fn long_articles_run_in_windows() {
    let dir = tempfile::tempdir().unwrap();
    let long: String = (0..60)
        .map(|i| format!("Jean Macron est à Paris le {i} mai. "))
        .collect();
    let (words, sents) = words_of(&long);
    for arch in [Arch::Bert, Arch::Roberta, Arch::DistilBert] {
        tiny(dir.path(), arch, &IOB2, 24, Some(5));
        for batch_size in [1, 3, 16] {
            let ner = TransformerNer::load(&TransformerOptions {
                batch_size,
                ..options(dir.path())
            })
            .unwrap();
            let (tags, stats) = ner.tag_words(&long, &words, &sents).unwrap();
            assert!(stats.pieces > 24 * 10, "{stats:?}");
            assert!(stats.windows > 10, "{stats:?}");
            assert!(tags.iter().all(|&t| t == 5), "{arch:?}");
        }
        // A random model: the window size changes the context, never the shape.
        tiny(dir.path(), arch, &IOB2, 24, None);
        let ner = TransformerNer::load(&options(dir.path())).unwrap();
        let (tags, _) = ner.tag_words(&long, &words, &sents).unwrap();
        assert_eq!(tags.len(), words.len());
    }
}

/// Padding must not change a sequence's logits: a batch of unequal sequences gives the same
/// numbers as each sequence alone (the attention mask and RoBERTa's positions are right).
#[test]
fn batching_does_not_change_logits() {
    for arch in [Arch::Bert, Arch::Roberta, Arch::DistilBert] {
        let dir = tempfile::tempdir().unwrap();
        tiny(dir.path(), arch, &IOB2, 64, None);
        let ner = TransformerNer::load(&options(dir.path())).unwrap();
        let ck = ner.checkpoint();
        let enc = ck.tokenizer.encode(TEXT, false).unwrap();
        let ids = enc.get_ids();
        let seqs: Vec<Vec<u32>> = [5usize, 17, 9]
            .iter()
            .map(|&n| {
                let mut s = vec![ck.cls_id];
                s.extend_from_slice(&ids[..n]);
                s.push(ck.sep_id);
                s
            })
            .collect();
        let batched = ck.logits(&seqs).unwrap();
        for (s, b) in seqs.iter().zip(&batched) {
            let alone = ck.logits(std::slice::from_ref(s)).unwrap();
            assert_eq!(alone[0].len(), s.len() * IOB2.len());
            let diff = alone[0]
                .iter()
                .zip(b)
                .map(|(x, y)| (x - y).abs())
                .fold(0f32, f32::max);
            assert!(diff < 1e-4, "{arch:?}: padding changed logits by {diff}");
        }
    }
}

#[test]
fn aggregation_is_selectable() {
    let dir = tempfile::tempdir().unwrap();
    tiny(dir.path(), Arch::Bert, &IOB2, 64, None);
    let (words, sents) = words_of(TEXT);
    for how in [Aggregation::First, Aggregation::Average, Aggregation::Max] {
        let ner = TransformerNer::load(&TransformerOptions {
            aggregation: how,
            ..options(dir.path())
        })
        .unwrap();
        assert_eq!(
            ner.tag_words(TEXT, &words, &sents).unwrap().0.len(),
            words.len()
        );
    }
}

fn error_of(dir: &Path) -> String {
    match TransformerNer::load(&options(dir)) {
        Ok(_) => panic!("{} should not load", dir.display()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_checkpoints_get_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nope");
    assert!(matches!(
        TransformerNer::load(&options(&missing)),
        Err(TransformerError::NotADirectory(_))
    ));

    let dir = tmp.path().join("ck");
    tiny(&dir, Arch::Bert, &IOB2, 64, None);
    let config = std::fs::read_to_string(dir.join("config.json")).unwrap();
    let set = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&config).unwrap();
        f(&mut v);
        std::fs::write(dir.join("config.json"), v.to_string()).unwrap();
    };

    set(&|v| v["model_type"] = "gpt2".into());
    assert!(
        error_of(&dir).contains("unsupported model_type"),
        "{}",
        error_of(&dir)
    );
    set(&|v| {
        v.as_object_mut().unwrap().remove("id2label");
    });
    assert!(error_of(&dir).contains("id2label"));
    set(&|v| v["id2label"] = serde_json::json!({"0": "LABEL_0", "1": "LABEL_1"}));
    assert!(error_of(&dir).contains("no \"O\" label"));
    // BERT weights under a DistilBERT config.
    set(&|v| v["model_type"] = "distilbert".into());
    assert!(
        error_of(&dir).contains("does not match"),
        "{}",
        error_of(&dir)
    );
    // Weights of another shape.
    set(&|v| v["hidden_size"] = 48.into());
    let e = error_of(&dir);
    assert!(
        e.contains("model.safetensors does not match config.json"),
        "{e}"
    );
    set(&|_| {});
    std::fs::write(dir.join("tokenizer.json"), "{").unwrap();
    assert!(error_of(&dir).contains("tokenizer.json"));
    std::fs::remove_file(dir.join("tokenizer.json")).unwrap();
    assert!(matches!(
        TransformerNer::load(&options(&dir)),
        Err(TransformerError::Missing { ref file, .. }) if file == "tokenizer.json"
    ));
    assert!(TransformerNer::load(&TransformerOptions {
        device: "tpu".into(),
        ..options(&dir)
    })
    .unwrap_err()
    .to_string()
    .contains("expected cpu, cuda or cuda:N"));
}

#[test]
fn teacher_labels_unlabeled_news() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ck");
    tiny(&dir, Arch::Roberta, &IOB2, 32, Some(5));
    let news = tmp.path().join("news.jsonl");
    std::fs::write(
        &news,
        "{\"id\":\"a\",\"text\":\"Jean Macron est à Paris ce lundi. Oui.\"}\nnot json\n{\"id\":\"b\",\"text\":\"La France paiera 109 milliards d'euros.\"}\n",
    )
    .unwrap();
    let s = depeche::train::teacher_sentences(&options(&dir), &news, 10, &|_| {}).unwrap();
    assert_eq!(s.len(), 2, "the two-word sentence is too short: {s:?}");
    assert!(s.iter().all(|s| s.tags.iter().all(|&t| t == 5)));
    assert_eq!(s[0].tokens[0], "Jean");
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_depeche"))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn cli_extract_bench_evaluate() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ck");
    tiny(&dir, Arch::Bert, &IOB2, 128, Some(1));
    let d = dir.to_str().unwrap();
    let seeds = repo().join("corpus/seeds.jsonl");
    let out = bin()
        .args([
            "extract",
            "--ner",
            "transformer",
            "--ner-model",
            d,
            "--window",
            "64",
        ])
        .arg(&seeds)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    for r in &records {
        assert!(r.get("error").is_none(), "{r}");
        assert!(!r["actors"].as_array().unwrap().is_empty());
        assert!(r["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["type"] == "PER"));
    }

    let ok = |args: &[&str]| {
        let out = bin().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let transformer = ["--ner", "transformer", "--ner-model", d];
    let report = ok(&[
        &["bench", "--limit", "4", "--threads", "1"][..],
        &transformer,
    ]
    .concat());
    assert!(report.contains("actors (sub-tokens)"), "{report}");

    let conll = tmp.path().join("gold.conll");
    std::fs::write(
        &conll,
        "Jean\tB-PER\nMacron\tI-PER\nvient\tO\n\nParis\tB-LOC\n",
    )
    .unwrap();
    let conll = conll.to_str().unwrap();
    let report = ok(&[&["evaluate", "--conll", conll][..], &transformer].concat());
    // Every word is its own person: 4 predicted, none right ("Jean" is not "Jean Macron").
    let micro: Vec<f64> = report
        .lines()
        .find(|l| l.starts_with("micro"))
        .unwrap_or_else(|| panic!("{report}"))
        .split_whitespace()
        .skip(1)
        .map(|x| x.parse().unwrap())
        .collect();
    assert_eq!(micro, [0.0, 0.0, 0.0, 2.0], "{report}");

    let out = bin()
        .args(["extract", "--ner", "transformer"])
        .arg(&seeds)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--ner-model DIR"));
}
