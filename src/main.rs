//! The `depeche` command line.

mod cli;

use anyhow::{bail, Context, Result};
use clap::Parser;
use cli::{
    BenchArgs, Cli, Command, ExtractArgs, Format, IdentityArgs, LexiconCommand, LexiconTitlesArgs,
    SchemaArgs,
};
use depeche::actors::ActorExtractor;
use depeche::engine::{self, EngineOptions, Progress};
use depeche::input::{self, FieldNames, InputOptions};
use depeche::positions::PositionExtractor;
use depeche::sinks::{JsonlSink, ParquetSink, PostgresSink, Sink, SqliteSink};
use depeche::stage::Tokenizer;
use depeche::stage::{Doc, Stage};
use depeche::{Pipeline, PipelineConfig};
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract(a),
        Command::Bench(a) => bench(a).map(|_| ExitCode::SUCCESS),
        Command::Schema(a) => schema(&a).map(|_| ExitCode::SUCCESS),
        Command::Identity(a) => identity(&a).map(|_| ExitCode::SUCCESS),
        Command::Train(a) => train(&a).map(|_| ExitCode::SUCCESS),
        Command::Evaluate(a) => evaluate(&a).map(|_| ExitCode::SUCCESS),
        Command::Lexicon(LexiconCommand::Titles(a)) => lexicon_titles(a).map(|_| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("depeche: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Progress lines of `train` and `evaluate`, on standard error.
fn log_line(line: &str) {
    eprintln!("{line}");
}

/// `depeche train`.
fn train(a: &cli::TrainArgs) -> Result<()> {
    depeche::train::run_train(&a.options(), &log_line)?;
    Ok(())
}

/// `depeche evaluate`: the report table on standard output, the speed on standard error.
fn evaluate(a: &cli::EvaluateArgs) -> Result<()> {
    let ev = depeche::train::run_evaluate(&a.options())?;
    print!("{}", ev.report());
    eprintln!("{}", ev.speed());
    Ok(())
}

struct Bar(indicatif::ProgressBar);

impl Progress for Bar {
    fn update(&self, lines: u64, input_bytes: u64) {
        self.0.set_position(input_bytes);
        self.0.set_message(format!("{lines} articles"));
    }
}

fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    let bar = match total {
        Some(t) => indicatif::ProgressBar::new(t).with_style(
            indicatif::ProgressStyle::with_template(
                "{elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
            )
            .expect("template")
            .progress_chars("=> "),
        ),
        None => indicatif::ProgressBar::new_spinner().with_style(
            indicatif::ProgressStyle::with_template("{elapsed_precise} {spinner} {bytes} {bytes_per_sec} {msg}")
                .expect("template"),
        ),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
    bar
}

/// Count the complete lines of an output file and cut off a trailing partial line, so that a
/// killed run can be resumed without duplicating or losing records.
fn prepare_resume(path: &Path) -> Result<u64> {
    let Ok(file) = File::open(path) else {
        return Ok(0);
    };
    let mut reader = BufReader::new(file);
    let mut complete_len: u64 = 0;
    let mut lines: u64 = 0;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        if buf.last() == Some(&b'\n') {
            complete_len += n as u64;
            lines += 1;
        } else {
            break;
        }
    }
    let f = OpenOptions::new().write(true).open(path)?;
    f.set_len(complete_len)?;
    Ok(lines)
}

fn extract(a: ExtractArgs) -> Result<ExitCode> {
    let ner = a.ner.options();
    let config = PipelineConfig {
        ner_model: ner.model.clone(),
        transformer: ner.transformer_options()?,
        max_bytes: a.max_bytes,
        ..Default::default()
    };
    let pipeline = Pipeline::new(&config).context("cannot build the pipeline")?;
    let inputs = if a.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        a.inputs.clone()
    };
    if inputs.iter().any(|p| p.as_os_str() == "-") && io::stdin().is_terminal() {
        bail!(
            "no input: pass files or directories, or pipe articles on standard input (see --help)"
        );
    }
    let (sources, early_errors) = input::expand_inputs(&inputs);
    let input_opts = InputOptions {
        fields: FieldNames {
            id: a.id_field.clone(),
            text: a.text_field.clone(),
            date: a.date_field.clone(),
        },
        lossy: a.lossy,
        max_bytes: a.max_bytes,
    };
    let mut skip = a.skip;
    let mut skip_ids = None;
    let db_mode = a.sqlite.is_some() || a.postgres.is_some();
    if a.resume && a.output.is_none() && !db_mode {
        bail!("--resume needs -o FILE, --sqlite or --postgres");
    }
    let mut sink: Box<dyn Sink> = if let Some(path) = &a.sqlite {
        if a.format != Format::Jsonl {
            bail!("--format applies to -o output, not to --sqlite");
        }
        let s = SqliteSink::open(path)
            .with_context(|| format!("cannot open SQLite database {}", path.display()))?;
        if a.resume {
            skip_ids = Some(Arc::new(s.loaded_ids()?));
        }
        Box::new(s)
    } else if let Some(url) = &a.postgres {
        if a.format != Format::Jsonl {
            bail!("--format applies to -o output, not to --postgres");
        }
        let mut s = PostgresSink::connect(url).context("cannot connect to PostgreSQL")?;
        if a.resume {
            skip_ids = Some(Arc::new(s.loaded_ids()?));
        }
        Box::new(s)
    } else if a.format == Format::Parquet {
        let Some(dir) = &a.output else {
            bail!("--format parquet needs -o DIR");
        };
        if a.resume {
            bail!("--resume is not supported with --format parquet: re-run the shard instead");
        }
        let part = a.shard.map_or(0, |s| s.index - 1);
        Box::new(
            ParquetSink::create(dir, part)
                .with_context(|| format!("cannot write Parquet files under {}", dir.display()))?,
        )
    } else {
        let out: Box<dyn Write + Send> = match &a.output {
            Some(path) => {
                let file = if a.resume {
                    skip += prepare_resume(path)
                        .with_context(|| format!("cannot resume into {}", path.display()))?;
                    let mut f = OpenOptions::new().create(true).append(true).open(path)?;
                    f.seek(SeekFrom::End(0))?;
                    f
                } else {
                    File::create(path)
                        .with_context(|| format!("cannot create {}", path.display()))?
                };
                Box::new(BufWriter::with_capacity(1 << 20, file))
            }
            None => Box::new(BufWriter::with_capacity(1 << 20, io::stdout())),
        };
        Box::new(JsonlSink::new(out))
    };
    let opts = EngineOptions {
        threads: a.threads,
        chunk_articles: a.chunk_size,
        fail_fast: a.fail_fast,
        skip,
        shard: a.shard,
        skip_ids,
        ..Default::default()
    };
    let show_bar = !a.no_progress && !a.quiet && io::stderr().is_terminal();
    let total: Option<u64> = if sources.iter().all(|s| s.size.is_some()) {
        Some(sources.iter().filter_map(|s| s.size).sum())
    } else {
        None
    };
    let bar = show_bar.then(|| Bar(progress_bar(total)));
    let progress: &dyn Progress = match &bar {
        Some(b) => b,
        None => &(),
    };
    let summary = match engine::run_sink(
        &pipeline,
        &sources,
        early_errors,
        &input_opts,
        &opts,
        progress,
        &mut sink,
    ) {
        Ok(s) => s,
        Err(engine::EngineError::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(b) = bar {
        b.0.finish_and_clear();
    }
    drop(sink);
    if a.identity {
        let cfg = a.thresholds.config();
        let s = if let Some(path) = &a.sqlite {
            SqliteSink::open(path)?.run_identity(&cfg)?
        } else if let Some(url) = &a.postgres {
            PostgresSink::connect(url)
                .context("cannot connect to PostgreSQL")?
                .run_identity(&cfg)?
        } else if let (Some(path), Format::Jsonl) = (&a.output, a.format) {
            let tmp = path.with_extension("identity.partial");
            let s = identity_jsonl(std::slice::from_ref(path), Some(&tmp), None, &cfg)?;
            std::fs::rename(&tmp, path)?;
            s
        } else {
            bail!("--identity needs --sqlite, --postgres or -o FILE (JSON Lines)");
        };
        if !a.quiet {
            eprintln!("{}", s.line());
        }
    }
    if !a.quiet {
        eprintln!("{}", summary.line());
        if summary.failed_inputs > 0 {
            eprintln!(
                "depeche: {} input(s) could not be read completely; see the unreadable error records",
                summary.failed_inputs
            );
        }
    }
    Ok(if summary.stopped_at_error {
        ExitCode::from(3)
    } else if summary.failed_inputs > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// `depeche lexicon titles`: count title evidence over the news with the default pipeline
/// and write the data file.
fn lexicon_titles(a: LexiconTitlesArgs) -> Result<()> {
    use depeche::positions::mine::{MineCriteria, TitleEvidence};
    use rayon::prelude::*;
    let ids = |p: &Path| -> Result<std::collections::HashSet<String>> {
        let f = File::open(p).with_context(|| format!("cannot open {}", p.display()))?;
        let mut out = std::collections::HashSet::new();
        for line in BufReader::new(f).lines() {
            let v: serde_json::Value = serde_json::from_str(&line?)?;
            if let Some(id) = v.get("id").and_then(|x| x.as_str()) {
                out.insert(id.to_string());
            }
        }
        Ok(out)
    };
    let exclude = ids(&a.exclude)?;
    // Titles are mined from the actors alone: a pipeline of the tokenize and actors stages.
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(Tokenizer),
        Box::new(ActorExtractor::load(None).context("cannot load the NER model")?),
    ];
    let pipeline = Pipeline::with_stages(&PipelineConfig::default(), stages)
        .context("cannot build the pipeline")?;
    let positions = PositionExtractor::new();
    let mut texts = Vec::new();
    for p in &a.news {
        let f = File::open(p).with_context(|| format!("cannot open {p}"))?;
        for line in BufReader::new(f).lines() {
            let v: serde_json::Value = serde_json::from_str(&line?)?;
            let id = v.get("id").and_then(|x| x.as_str()).unwrap_or_default();
            if exclude.contains(id) {
                continue;
            }
            if let Some(t) = v.get("text").and_then(|x| x.as_str()) {
                texts.push(t.to_string());
            }
        }
    }
    let ev = texts
        .par_chunks(256)
        .map(|chunk| {
            let mut ev = TitleEvidence::default();
            for t in chunk {
                let article = depeche::Article::new("news", t.as_str());
                let mut doc = Doc::new(&article.text, None);
                if pipeline.run(&mut doc).is_ok() {
                    positions.title_evidence(&doc.tokens, &doc.actors, &mut ev);
                }
            }
            ev
        })
        .reduce(TitleEvidence::default, |mut x, y| {
            x.merge(y);
            x
        });
    let criteria = MineCriteria {
        min_uses: a.min_uses,
        min_share: a.min_share,
        min_before: a.min_before,
        ..MineCriteria::default()
    };
    let data = positions.title_lexicon(&ev, criteria);
    std::fs::write(&a.output, &data)
        .with_context(|| format!("cannot write {}", a.output.display()))?;
    eprintln!(
        "depeche: {} articles, {} titles written to {}",
        ev.articles,
        data.lines().filter(|l| !l.starts_with('#')).count(),
        a.output.display()
    );
    Ok(())
}

fn bench(a: BenchArgs) -> Result<()> {
    let ner = a.ner.options();
    let config = PipelineConfig {
        ner_model: ner.model.clone(),
        transformer: ner.transformer_options()?,
        max_bytes: usize::MAX,
        parallel_stages: false,
    };
    let t = std::time::Instant::now();
    let pipeline = Pipeline::new(&config).context("cannot build the pipeline")?;
    let load_s = t.elapsed().as_secs_f64();
    let corpus = match &a.input {
        Some(p) => {
            let mut text = String::new();
            let counter = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
            let mut r = input::open::open_file(p, counter)
                .with_context(|| format!("cannot open {}", p.display()))?;
            io::Read::read_to_string(&mut r, &mut text)
                .with_context(|| format!("cannot read {}", p.display()))?;
            depeche::bench::Corpus::from_jsonl(&text, a.limit)
        }
        None => {
            let sample = depeche::bench::BUILTIN_SAMPLE.repeat(50);
            depeche::bench::Corpus::from_jsonl(&sample, a.limit)
        }
    };
    if corpus.articles.is_empty() {
        bail!("no articles to measure");
    }
    let all = if a.threads > 0 {
        a.threads
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    let counts: Vec<usize> = if all > 1 { vec![1, all] } else { vec![1] };
    let report = depeche::bench::measure(&pipeline, &corpus, &counts);
    if a.json {
        let mut v = serde_json::to_value(&report)?;
        v["model_load_seconds"] = serde_json::json!(load_s);
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!("model load: {load_s:.3} s");
        print!("{}", report.table());
    }
    Ok(())
}

/// The identity pass over JSON Lines files (read twice) into `output` (or stdout).
fn identity_jsonl(
    inputs: &[PathBuf],
    output: Option<&Path>,
    entities: Option<&Path>,
    cfg: &depeche::identity::Config,
) -> Result<depeche::identity::Summary> {
    for p in inputs {
        if p.as_os_str() == "-" {
            bail!("depeche identity reads its inputs twice: pass files, not standard input");
        }
        if let Some(o) = output {
            if o.exists() && std::fs::canonicalize(o)? == std::fs::canonicalize(p)? {
                bail!("the output {} is also an input", o.display());
            }
        }
    }
    let open = || -> io::Result<BufReader<Box<dyn io::Read>>> {
        let mut r: Box<dyn io::Read> = Box::new(io::empty());
        for p in inputs {
            let counter = Arc::new(std::sync::atomic::AtomicU64::new(0));
            let f = input::open::open_file(p, counter)?;
            r = Box::new(io::Read::chain(r, f));
        }
        Ok(BufReader::with_capacity(1 << 20, r))
    };
    let mut out: Box<dyn Write> = match output {
        Some(p) => Box::new(BufWriter::with_capacity(
            1 << 20,
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())),
    };
    let mut ents: Option<BufWriter<File>> = match entities {
        Some(p) => Some(BufWriter::new(
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => None,
    };
    let s = depeche::identity::run_jsonl(
        open,
        cfg,
        &mut out,
        ents.as_mut().map(|w| w as &mut dyn Write),
    )?;
    Ok(s)
}

fn identity(a: &IdentityArgs) -> Result<()> {
    let cfg = a.thresholds.config();
    let s = if let Some(path) = &a.sqlite {
        SqliteSink::open(path)
            .with_context(|| format!("cannot open SQLite database {}", path.display()))?
            .run_identity(&cfg)?
    } else if let Some(url) = &a.postgres {
        PostgresSink::connect(url)
            .context("cannot connect to PostgreSQL")?
            .run_identity(&cfg)?
    } else {
        identity_jsonl(&a.inputs, a.output.as_deref(), a.entities.as_deref(), &cfg)?
    };
    if !a.quiet {
        eprintln!("{}", s.line());
    }
    Ok(())
}

fn schema(a: &SchemaArgs) -> Result<()> {
    if a.sql {
        print!("{}", depeche::sinks::schema::ddl());
        return Ok(());
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&depeche::record::json_schema())?
    );
    Ok(())
}
