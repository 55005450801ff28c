//! The command line's arguments (clap), binary only: the library takes plain option types,
//! and each argument struct here converts into them ([`NerArgs::options`],
//! [`TrainArgs::options`], [`EvaluateArgs::options`]). Flags, defaults and `--help` texts are
//! defined here and nowhere else.

mod ner;
mod train;

pub use ner::NerArgs;
pub use train::{EvaluateArgs, TrainArgs};

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Structured records from French news text: actors, amounts, dates, roles, quotes, stances.
#[derive(Parser, Debug)]
#[command(name = "depeche", version, about, long_about = None)]
pub struct Cli {
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract one JSON record per article (JSON Lines on stdout or -o FILE).
    Extract(ExtractArgs),
    /// Measure per-stage and overall throughput, single-threaded and on all threads.
    Bench(BenchArgs),
    /// Print the JSON Schema of an output line, or with --sql the DDL of the database tables.
    Schema(SchemaArgs),
    /// Link actors across articles (one entity id per real entity) in JSON Lines records or a
    /// loaded database, and build the entities table.
    Identity(IdentityArgs),
    /// Train the NER model from the corpora in ../shared/data/ner.
    Train(TrainArgs),
    /// Score the NER model on a CoNLL/IOB or HIPE TSV file (strict entity P/R/F1).
    Evaluate(EvaluateArgs),
    /// Grow a language data file from unlabeled news.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
}

/// Data files grown from unlabeled news.
#[derive(Subcommand, Debug)]
pub enum LexiconCommand {
    /// Titles and person descriptors ("le N Prénom Nom", "Prénom Nom, N de ...") ->
    /// src/lang/fr/positions/titles_news.txt.
    Titles(LexiconTitlesArgs),
}

/// Arguments of `depeche lexicon titles`.
#[derive(Args, Debug)]
pub struct LexiconTitlesArgs {
    /// JSON Lines news files (id, text).
    #[arg(default_values_t = [
        "../shared/data/news/orangesum_fr.jsonl".to_string(),
        "../shared/data/news/masakhanews_fra.jsonl".to_string(),
        "../shared/data/news/gilets_jaunes_fr_press.jsonl".to_string(),
    ])]
    pub news: Vec<String>,
    /// Skip the articles whose id appears in this JSON Lines file (the dev articles).
    #[arg(long, default_value = "../shared/corpus/dev/dev.jsonl")]
    pub exclude: PathBuf,
    /// Output data file.
    #[arg(short, long, default_value = "src/lang/fr/positions/titles_news.txt")]
    pub output: PathBuf,
    /// Least number of title uses.
    #[arg(long, default_value_t = depeche::positions::mine::MineCriteria::default().min_uses)]
    pub min_uses: u32,
    /// Least share of title uses among uses after a determiner.
    #[arg(long, default_value_t = depeche::positions::mine::MineCriteria::default().min_share)]
    pub min_share: f64,
    /// Least number of uses right before a person's name.
    #[arg(long, default_value_t = depeche::positions::mine::MineCriteria::default().min_before)]
    pub min_before: u32,
}

/// Arguments of `depeche extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Inputs: .txt files, directories (walked recursively), .jsonl dumps (also .jsonl.gz and
    /// .jsonl.zst), or - for standard input (the default).
    pub inputs: Vec<PathBuf>,
    /// Write records to FILE instead of standard output (with --format parquet: a directory).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format: JSON Lines (default), or Parquet tables under the -o directory.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Load the records into this SQLite database (created if missing; re-loading an article
    /// replaces its rows).
    #[arg(long, value_name = "FILE.db", conflicts_with_all = ["output", "postgres"])]
    pub sqlite: Option<PathBuf>,
    /// Load the records into PostgreSQL (postgresql://user@host:port/db), with COPY in
    /// transactions of one chunk; re-loading an article replaces its rows.
    #[arg(long, value_name = "URL", conflicts_with_all = ["output"])]
    pub postgres: Option<String>,
    /// Process only shard I of N: the articles whose 0-based position in the input is I-1
    /// modulo N (e.g. --shard 3/8).
    #[arg(long, value_name = "I/N")]
    pub shard: Option<depeche::engine::Shard>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
    /// JSON field holding the text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// JSON field holding the article id.
    #[arg(long, default_value = "id")]
    pub id_field: String,
    /// JSON field holding the publication date (ISO 8601).
    #[arg(long, default_value = "date")]
    pub date_field: String,
    /// Replace invalid UTF-8 with U+FFFD instead of emitting an error record.
    #[arg(long)]
    pub lossy: bool,
    /// Articles larger than this many bytes get an error record.
    #[arg(long, value_name = "BYTES", default_value_t = depeche::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Stop at the first error record (exit status 3).
    #[arg(long)]
    pub fail_fast: bool,
    /// NER backend and model.
    #[command(flatten)]
    pub ner: NerArgs,
    /// Skip the first N input articles (to resume a run).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub skip: u64,
    /// Resume into -o FILE: keep its complete lines, skip that many inputs, append the rest.
    /// With --sqlite or --postgres: skip the articles already in the database.
    #[arg(long)]
    pub resume: bool,
    /// Articles per parallel chunk (memory is bounded by a few chunks).
    #[arg(long, value_name = "N", default_value_t = 1024)]
    pub chunk_size: usize,
    /// Never show the progress bar (it shows only when stderr is a terminal).
    #[arg(long)]
    pub no_progress: bool,
    /// Do not print the summary line on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// After loading, run the identity pass (`depeche identity`) over the whole database or
    /// -o file (not per shard: with --shard run `depeche identity` once all are loaded).
    #[arg(long, conflicts_with = "shard")]
    pub identity: bool,
    /// Thresholds of the identity pass.
    #[command(flatten)]
    pub thresholds: IdentityThresholds,
}

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON record per line.
    Jsonl,
    /// Normalised tables as Parquet files: DIR/<table>/part-NNNNN.parquet.
    Parquet,
}

/// Arguments of `depeche identity`.
#[derive(Args, Debug)]
pub struct IdentityArgs {
    /// JSON Lines record files written by `depeche extract` (also .jsonl.gz, .jsonl.zst; all
    /// shards of a dump together). Read twice, so not standard input.
    #[arg(required_unless_present_any = ["sqlite", "postgres"], conflicts_with_all = ["sqlite", "postgres"])]
    pub inputs: Vec<PathBuf>,
    /// Write the linked records to FILE (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write the entities, one JSON object per line, to FILE.
    #[arg(long, value_name = "FILE")]
    pub entities: Option<PathBuf>,
    /// Link the entity ids in this SQLite database in place and rebuild its entities table.
    #[arg(long, value_name = "FILE.db", conflicts_with = "postgres")]
    pub sqlite: Option<PathBuf>,
    /// Link the entity ids in this PostgreSQL database in place and rebuild its entities
    /// table (run it after every shard is loaded).
    #[arg(long, value_name = "URL")]
    pub postgres: Option<String>,
    /// Thresholds of the links.
    #[command(flatten)]
    pub thresholds: IdentityThresholds,
    /// Do not print the summary line on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Thresholds of the identity pass.
#[derive(Args, Debug, Clone, Copy)]
pub struct IdentityThresholds {
    /// Least share of the articles of the full names ending with a surname (or of the
    /// pairings of an acronym) that the linked name must have.
    #[arg(long, default_value_t = depeche::identity::Config::default().min_share)]
    pub min_share: f64,
    /// Least number of articles of the full name a surname links to.
    #[arg(long, default_value_t = depeche::identity::Config::default().min_articles)]
    pub min_articles: u32,
}

impl IdentityThresholds {
    /// The library's configuration of the pass.
    pub fn config(&self) -> depeche::identity::Config {
        depeche::identity::Config {
            min_share: self.min_share,
            min_articles: self.min_articles,
        }
    }
}

/// Arguments of `depeche schema`.
#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// Print the SQL DDL of the tables that --sqlite and --postgres load (valid in both).
    #[arg(long)]
    pub sql: bool,
}

/// Arguments of `depeche bench`.
#[derive(Args, Debug)]
pub struct BenchArgs {
    /// A JSON Lines corpus (default: the built-in sample, the example articles repeated).
    pub input: Option<PathBuf>,
    /// Most articles to load.
    #[arg(long, default_value_t = 100_000)]
    pub limit: usize,
    /// Thread count for the parallel rows (default: all cores).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// NER backend and model.
    #[command(flatten)]
    pub ner: NerArgs,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}
