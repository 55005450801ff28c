//! Input stage: turns command-line inputs (text files, directories, JSON Lines dumps, plain or
//! gzip/zstd-compressed, standard input) into a stream of [`Item`]s: articles, or error records
//! for whatever could not be read. Nothing is dropped silently.

pub mod jsonl;
pub mod open;

pub use jsonl::{parse_line, FieldNames};

use crate::article::{Article, Source};
use crate::record::{ErrorInfo, ErrorKind, ErrorRecord};
use open::{open_file, read_line_capped, Line};
use std::io::{self, BufRead, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// JSON field names.
    pub fields: FieldNames,
    /// Replace invalid UTF-8 with U+FFFD instead of reporting an error.
    pub lossy: bool,
    /// Texts (and JSON lines) above this many bytes yield a `too_large` error record.
    pub max_bytes: usize,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            fields: FieldNames::default(),
            lossy: false,
            max_bytes: crate::DEFAULT_MAX_BYTES,
        }
    }
}

/// What one input is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// One article per file.
    Text,
    /// One article per line.
    Jsonl,
    /// Standard input: JSON Lines when it starts with `{`, else one text article.
    Stdin,
}

/// One input file (or standard input) to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputSource {
    /// The path (`-` for standard input).
    pub path: PathBuf,
    /// How to read it.
    pub kind: InputKind,
    /// Size on disk, when known (for progress).
    pub size: Option<u64>,
}

/// One unit of the input stream.
#[derive(Debug)]
pub enum Item {
    /// An article to extract.
    Article(Article),
    /// An article (or file) that could not be read.
    Error(ErrorRecord),
}

/// The kind of a file, from its name: `.txt` is text, `.jsonl`/`.ndjson` (optionally `.gz` or
/// `.zst`) is JSON Lines; `None` for anything else.
pub fn kind_from_name(path: &Path) -> Option<InputKind> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let base = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".gzip"))
        .or_else(|| name.strip_suffix(".zst"))
        .or_else(|| name.strip_suffix(".zstd"))
        .unwrap_or(&name);
    if base.ends_with(".txt") {
        Some(InputKind::Text)
    } else if base.ends_with(".jsonl") || base.ends_with(".ndjson") {
        Some(InputKind::Jsonl)
    } else {
        None
    }
}

fn error_record(
    id: String,
    kind: ErrorKind,
    message: String,
    file: &str,
    line: Option<u64>,
) -> ErrorRecord {
    ErrorRecord {
        id,
        error: ErrorInfo {
            kind,
            message,
            source: file.to_string(),
            line,
        },
    }
}

/// Expand command-line inputs: directories are walked recursively (sorted, hidden entries
/// skipped) for `.txt` and `.jsonl[.gz|.zst]` files; explicit files of other names are sniffed
/// (JSON Lines when the first non-blank byte is `{`). Paths that cannot be read become error
/// records in the second list.
pub fn expand_inputs(paths: &[PathBuf]) -> (Vec<InputSource>, Vec<ErrorRecord>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            sources.push(InputSource {
                path: p.clone(),
                kind: InputKind::Stdin,
                size: None,
            });
            continue;
        }
        let shown = p.display().to_string();
        match std::fs::metadata(p) {
            Err(e) => errors.push(error_record(
                shown.clone(),
                ErrorKind::Unreadable,
                format!("cannot open input {shown}: {e}"),
                &shown,
                None,
            )),
            Ok(m) if m.is_dir() => {
                let walker = walkdir::WalkDir::new(p)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                    });
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_file() => {
                            if let Some(kind) = kind_from_name(e.path()) {
                                let size = e.metadata().ok().map(|m| m.len());
                                sources.push(InputSource {
                                    path: e.path().to_path_buf(),
                                    kind,
                                    size,
                                });
                            }
                        }
                        Ok(_) => {}
                        Err(e) => {
                            let where_ =
                                e.path().map_or(shown.clone(), |x| x.display().to_string());
                            errors.push(error_record(
                                where_.clone(),
                                ErrorKind::Unreadable,
                                format!("cannot read {where_}: {e}"),
                                &where_,
                                None,
                            ));
                        }
                    }
                }
            }
            Ok(m) => {
                let kind = kind_from_name(p).unwrap_or_else(|| sniff_kind(p));
                sources.push(InputSource {
                    path: p.clone(),
                    kind,
                    size: Some(m.len()),
                });
            }
        }
    }
    (sources, errors)
}

fn sniff_kind(path: &Path) -> InputKind {
    let counter = Arc::new(AtomicU64::new(0));
    let Ok(mut r) = open_file(path, counter) else {
        return InputKind::Text;
    };
    let mut buf = [0u8; 512];
    let n = r.read(&mut buf).unwrap_or(0);
    match buf[..n].iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => InputKind::Jsonl,
        _ => InputKind::Text,
    }
}

/// Outcome of reading all inputs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReadSummary {
    /// Inputs that failed as a whole or part-way (unreadable, truncated stream).
    pub failed_inputs: usize,
    /// True when the consumer stopped the reading early.
    pub stopped: bool,
}

/// Read every source in order, handing each [`Item`] to `sink`; `sink` may stop the reading
/// with `ControlFlow::Break`. `counter` accumulates raw bytes read (for progress).
pub fn read_sources(
    sources: &[InputSource],
    opts: &InputOptions,
    counter: Arc<AtomicU64>,
    mut sink: impl FnMut(Item) -> ControlFlow<()>,
) -> ReadSummary {
    let mut summary = ReadSummary::default();
    for src in sources {
        let flow = match src.kind {
            InputKind::Text => {
                read_text_source(src, opts, counter.clone(), &mut sink, &mut summary)
            }
            InputKind::Jsonl => {
                let file = src.path.display().to_string();
                match open_file(&src.path, counter.clone()) {
                    Ok(mut r) => read_jsonl(&mut *r, &file, opts, &mut sink, &mut summary),
                    Err(e) => {
                        summary.failed_inputs += 1;
                        sink(Item::Error(error_record(
                            file.clone(),
                            ErrorKind::Unreadable,
                            format!("cannot open {file}: {e}"),
                            &file,
                            None,
                        )))
                    }
                }
            }
            InputKind::Stdin => read_stdin(opts, &mut sink, &mut summary),
        };
        if flow.is_break() {
            summary.stopped = true;
            break;
        }
    }
    summary
}

fn read_stdin(
    opts: &InputOptions,
    sink: &mut impl FnMut(Item) -> ControlFlow<()>,
    summary: &mut ReadSummary,
) -> ControlFlow<()> {
    let stdin = io::stdin();
    let mut r = stdin.lock();
    let first = match r.fill_buf() {
        Ok(b) => b.iter().find(|b| !b.is_ascii_whitespace()).copied(),
        Err(_) => None,
    };
    if first == Some(b'{') {
        read_jsonl(&mut r, "-", opts, sink, summary)
    } else {
        let item = read_text(&mut r, "-", opts);
        if let Item::Error(e) = &item {
            if e.error.kind == ErrorKind::Unreadable {
                summary.failed_inputs += 1;
            }
        }
        sink(item)
    }
}

fn read_text_source(
    src: &InputSource,
    opts: &InputOptions,
    counter: Arc<AtomicU64>,
    sink: &mut impl FnMut(Item) -> ControlFlow<()>,
    summary: &mut ReadSummary,
) -> ControlFlow<()> {
    let file = src.path.display().to_string();
    if let Some(size) = src.size {
        if size as usize > opts.max_bytes
            && open::Compression::from_path(&src.path) == open::Compression::None
        {
            return sink(Item::Error(error_record(
                file.clone(),
                ErrorKind::TooLarge,
                format!(
                    "{file} is {size} bytes, over the cap of {} bytes (raise it with --max-bytes)",
                    opts.max_bytes
                ),
                &file,
                None,
            )));
        }
    }
    let item = match open_file(&src.path, counter) {
        Ok(mut r) => read_text(&mut *r, &file, opts),
        Err(e) => error_record_item(
            &file,
            ErrorKind::Unreadable,
            format!("cannot open {file}: {e}"),
        ),
    };
    if let Item::Error(e) = &item {
        if e.error.kind == ErrorKind::Unreadable {
            summary.failed_inputs += 1;
        }
    }
    sink(item)
}

fn error_record_item(file: &str, kind: ErrorKind, message: String) -> Item {
    Item::Error(error_record(file.to_string(), kind, message, file, None))
}

/// Read a whole text article (capped at `max_bytes`).
fn read_text<R: Read + ?Sized>(r: &mut R, file: &str, opts: &InputOptions) -> Item {
    let mut bytes = Vec::new();
    let cap = opts.max_bytes as u64;
    match r.take(cap + 1).read_to_end(&mut bytes) {
        Ok(_) => {}
        Err(e) => {
            return error_record_item(
                file,
                ErrorKind::Unreadable,
                format!("cannot read {file}: {e}"),
            )
        }
    }
    if bytes.len() as u64 > cap {
        return error_record_item(
            file,
            ErrorKind::TooLarge,
            format!("{file} is over the cap of {cap} bytes (raise it with --max-bytes)"),
        );
    }
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) if opts.lossy => {
            warnings.push(format!(
                "invalid UTF-8 replaced with U+FFFD (first at byte {})",
                e.utf8_error().valid_up_to()
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
        Err(e) => {
            return error_record_item(
                file,
                ErrorKind::InvalidUtf8,
                format!(
                    "{file}: invalid UTF-8 at byte {} (re-encode it, or pass --lossy to replace bad bytes)",
                    e.utf8_error().valid_up_to()
                ),
            )
        }
    };
    let text = text
        .strip_prefix('\u{FEFF}')
        .map(str::to_string)
        .unwrap_or(text);
    Item::Article(Article {
        id: file.to_string(),
        text,
        date: None,
        source: Some(Source {
            file: file.to_string(),
            line: None,
        }),
        warnings,
    })
}

/// Read a JSON Lines stream, one item per non-blank line.
pub fn read_jsonl<R: BufRead + ?Sized>(
    r: &mut R,
    file: &str,
    opts: &InputOptions,
    sink: &mut impl FnMut(Item) -> ControlFlow<()>,
    summary: &mut ReadSummary,
) -> ControlFlow<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    // A JSON line may be larger than its text (escapes, other fields): allow twice the cap.
    let line_cap = opts.max_bytes.saturating_mul(2).saturating_add(4096);
    let mut line_no: u64 = 0;
    loop {
        line_no += 1;
        let src = Source {
            file: file.to_string(),
            line: Some(line_no),
        };
        match read_line_capped(r, &mut buf, line_cap) {
            Ok(Line::Eof) => return ControlFlow::Continue(()),
            Ok(Line::Complete) => {
                if let Some(res) = parse_line(&buf, &opts.fields, opts.lossy, &src) {
                    let item = match res {
                        Ok(a) if a.text.len() > opts.max_bytes => Item::Error(error_record(
                            a.id,
                            ErrorKind::TooLarge,
                            format!(
                                "article text is {} bytes, over the cap of {} bytes (raise it with --max-bytes)",
                                a.text.len(),
                                opts.max_bytes
                            ),
                            file,
                            Some(line_no),
                        )),
                        Ok(a) => Item::Article(a),
                        Err(e) => Item::Error(e),
                    };
                    sink(item)?;
                }
            }
            Ok(Line::TooLong(n)) => {
                sink(Item::Error(error_record(
                    format!("{file}:{line_no}"),
                    ErrorKind::TooLarge,
                    format!("line is {n} bytes, over the cap of {line_cap} bytes; skipped unread (raise it with --max-bytes)"),
                    file,
                    Some(line_no),
                )))?;
            }
            Err(e) => {
                summary.failed_inputs += 1;
                return sink(Item::Error(error_record(
                    format!("{file}:{line_no}"),
                    ErrorKind::Unreadable,
                    format!(
                        "{file}: read error at line {line_no} ({e}); the rest of this input is lost (truncated or corrupt file?)"
                    ),
                    file,
                    Some(line_no),
                )));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect_jsonl(data: &[u8]) -> (Vec<Item>, ReadSummary) {
        let mut items = Vec::new();
        let mut summary = ReadSummary::default();
        let mut r = io::BufReader::new(data);
        let _ = read_jsonl(
            &mut r,
            "t.jsonl",
            &InputOptions::default(),
            &mut |i| {
                items.push(i);
                ControlFlow::Continue(())
            },
            &mut summary,
        );
        (items, summary)
    }

    #[test]
    fn every_non_blank_line_yields_one_item_with_its_line_number() {
        let data = b"{\"id\":\"a\",\"text\":\"x\"}\n\nnot json\n[1]\n{\"id\":\"b\",\"text\":\"y\"}";
        let (items, _) = collect_jsonl(data);
        assert_eq!(items.len(), 4);
        match &items[1] {
            Item::Error(e) => assert_eq!(
                (e.error.kind, e.error.line),
                (ErrorKind::MalformedJson, Some(3))
            ),
            _ => panic!(),
        }
        match &items[3] {
            Item::Article(a) => assert_eq!(
                (a.id.as_str(), a.source.as_ref().unwrap().line),
                ("b", Some(5))
            ),
            _ => panic!(),
        }
    }

    #[test]
    fn kinds_from_names() {
        assert_eq!(kind_from_name(Path::new("a/b.txt")), Some(InputKind::Text));
        assert_eq!(
            kind_from_name(Path::new("x.jsonl.zst")),
            Some(InputKind::Jsonl)
        );
        assert_eq!(
            kind_from_name(Path::new("x.NDJSON.gz")),
            Some(InputKind::Jsonl)
        );
        assert_eq!(kind_from_name(Path::new("x.csv")), None);
    }
}
