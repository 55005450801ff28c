//! Criterion benches: the raw tokenizer, every pipeline stage by name (`tokenize`, `figures`,
//! `actors`, `chains`, `positions`) and the whole pipeline, on a realistic sample.
//!
//! The sample is `$DEPECHE_BENCH_CORPUS` (a JSON Lines file) when set, else
//! `../shared/data/news/orangesum_fr.jsonl` when present, else the example articles. At most
//! 2,000 articles are used.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use depeche::bench::{Corpus, BUILTIN_SAMPLE};
use depeche::stage::Doc;
use depeche::{Pipeline, PipelineConfig};

fn sample() -> Corpus {
    let path = std::env::var("DEPECHE_BENCH_CORPUS").ok().or_else(|| {
        let p = "../shared/data/news/orangesum_fr.jsonl";
        std::path::Path::new(p).exists().then(|| p.to_string())
    });
    let data = match path {
        Some(p) => std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {p}: {e}")),
        None => BUILTIN_SAMPLE.repeat(100),
    };
    Corpus::from_jsonl(&data, 2_000)
}

fn benches(c: &mut Criterion) {
    let corpus = sample();
    let bytes = corpus.text_bytes() as u64;
    let pipeline = Pipeline::new(&PipelineConfig {
        parallel_stages: false,
        ..Default::default()
    })
    .expect("pipeline");
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("tokenize", |b| {
        let mut toks = Vec::new();
        b.iter(|| {
            for a in &corpus.articles {
                depeche::text::tokenize::tokenize_into(&a.text, &mut toks);
                black_box(toks.len());
            }
        })
    });
    // Every stage by name, each on the documents the stages before it produced.
    let mut docs: Vec<Doc> = corpus
        .articles
        .iter()
        .map(|a| Doc::new(&a.text, a.date))
        .collect();
    for stage in pipeline.stages() {
        g.bench_function(stage.name(), |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(stage.compute(d).is_ok());
                }
            })
        });
        for d in &mut docs {
            stage.process(d).expect("stage");
        }
    }
    g.bench_function("pipeline", |b| {
        b.iter(|| {
            for a in &corpus.articles {
                let r = pipeline.extract(a).expect("record");
                black_box(serde_json::to_vec(&r).expect("json").len());
            }
        })
    });
    g.finish();
}

criterion_group!(pipeline_benches, benches);
criterion_main!(pipeline_benches);
