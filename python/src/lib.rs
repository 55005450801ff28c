//! `depeche._depeche`: the Python extension module of depeche (PyO3, abi3).
//!
//! One [`Pipeline`] class wraps [`depeche::Pipeline`] and a rayon pool of its own. Items are
//! read with the library's own input code ([`depeche::input::parse_line`]) and extracted
//! with [`depeche::engine::extract_item`] (panics become `internal` error records). Records
//! become Python objects through their serde impls ([`to_python`]), so a dict from `extract`
//! equals `json.loads` of the CLI's line. Batches are pipelined: while the pool extracts the
//! next chunks without the GIL, the calling thread reads items and converts finished chunks.
//! Arrow tables come from the Parquet sink's builder ([`depeche::sinks::parquet::TableBatches`])
//! and reach pyarrow as Arrow IPC streams.

mod to_python;

use arrow_array::RecordBatch;
use arrow_ipc::writer::StreamWriter;
use depeche::engine::extract_item;
use depeche::input::{parse_line, FieldNames, Item};
use depeche::record::{ErrorInfo, ErrorKind, ErrorRecord, Output};
use depeche::sinks::parquet::TableBatches;
use depeche::sinks::schema::TABLES;
use depeche::{Article, ArticleDate, Pipeline as CorePipeline, PipelineConfig, Source};
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyInt, PyList, PyString};
use rayon::prelude::*;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{mpsc, Arc};
use to_python::{to_python, Keys};

pyo3::create_exception!(
    _depeche,
    DepecheError,
    PyException,
    "Base class of depeche's exceptions."
);
pyo3::create_exception!(
    _depeche,
    PipelineError,
    DepecheError,
    "The pipeline cannot be built (an NER model that cannot be read, no thread pool); the \
     CLI exits with status 1 for the same causes."
);
pyo3::create_exception!(
    _depeche,
    ArticleError,
    DepecheError,
    "An article yields no record. `kind` is the CLI's `error.kind` (`empty_text`, \
     `too_large`, `invalid_utf8`, `internal`, `model`...), `id` the article id and `record` \
     the error record (a dict, as `extract_batch` returns it)."
);

/// The `error.source` of error records for items given from Python without `source=`.
const PYTHON_SOURCE: &str = "<python>";

/// Items are extracted in chunks of at most this many articles, and at most
/// [`CHUNKS_IN_FLIGHT`] chunks are queued or being extracted while the calling thread converts
/// the oldest: memory stays bounded for long iterables and the pool always has work.
const CHUNK_ITEMS: usize = 256;
const CHUNKS_IN_FLIGHT: usize = 3;

/// How one batch call reads its items.
struct ReadOptions {
    fields: FieldNames,
    jsonl: bool,
    lossy: bool,
    source: Option<String>,
    /// Number of the first item (0-based position; its line is `start + 1`).
    start: usize,
}

impl ReadOptions {
    /// The provenance of item `position` (0-based).
    fn source(&self, position: usize) -> Source {
        let position = self.start + position;
        match &self.source {
            Some(file) => Source {
                file: file.clone(),
                line: Some(position as u64 + 1),
            },
            None => Source {
                file: PYTHON_SOURCE.into(),
                line: None,
            },
        }
    }

    /// The id of an item that has none: `SOURCE:LINE` with `source=` (as the CLI), else the
    /// position.
    fn fallback_id(&self, position: usize) -> String {
        let position = self.start + position;
        match &self.source {
            Some(file) => format!("{file}:{}", position + 1),
            None => position.to_string(),
        }
    }
}

/// The extraction pipeline, loaded once (NER model, lexicons) and used for any number of
/// calls; it owns a thread pool for `extract_batch` and `extract_arrow`.
///
/// Args:
///     ner_model: a built-in model name (``"fr-open"``, the CLI's default, or ``"fr-full"``)
///         or the path of a model file, as the CLI's ``--ner-model``; ``None`` for the default.
///     threads: worker threads of the batch methods (``None`` or 0: all cores), as ``--threads``.
///     max_bytes: articles over this many bytes of text get a ``too_large`` error record
///         (default 20 MB), as ``--max-bytes``.
///
/// Raises:
///     PipelineError: the model cannot be loaded or the pool cannot start.
#[pyclass(frozen, module = "depeche")]
struct Pipeline {
    inner: Arc<CorePipeline>,
    pool: rayon::ThreadPool,
    threads: usize,
    dumps: Py<PyAny>,
    json_default: Py<PyAny>,
    gc: Py<PyAny>,
}

/// `json.dumps(default=...)` for dict items: dates and date-times as ISO strings, anything
/// else that JSON cannot hold as null.
#[pyfunction]
fn _json_default(obj: &Bound<'_, PyAny>) -> PyResult<Option<Py<PyAny>>> {
    match obj.getattr("isoformat") {
        Ok(f) => Ok(Some(f.call0()?.unbind())),
        Err(_) => Ok(None),
    }
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (ner_model = None, threads = None, max_bytes = None))]
    fn new(
        py: Python<'_>,
        ner_model: Option<PathBuf>,
        threads: Option<usize>,
        max_bytes: Option<usize>,
    ) -> PyResult<Self> {
        let config = PipelineConfig {
            ner_model,
            max_bytes: max_bytes.unwrap_or(depeche::DEFAULT_MAX_BYTES),
            ..Default::default()
        };
        let inner = py
            .detach(|| CorePipeline::new(&config))
            .map_err(|e| PipelineError::new_err(format!("cannot build the pipeline: {e}")))?;
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(n) = threads.filter(|&n| n > 0) {
            builder = builder.num_threads(n);
        }
        let pool = builder
            .build()
            .map_err(|e| PipelineError::new_err(format!("cannot start worker threads: {e}")))?;
        let json = py.import("json")?;
        let default = wrap_pyfunction!(_json_default, py)?;
        Ok(Pipeline {
            inner: Arc::new(inner),
            threads: pool.current_num_threads(),
            pool,
            dumps: json.getattr("dumps")?.unbind(),
            json_default: default.into_any().unbind(),
            gc: py.import("gc")?.unbind().into_any(),
        })
    }

    /// Worker threads of the batch methods.
    #[getter]
    fn threads(&self) -> usize {
        self.threads
    }

    /// Extract one article's record.
    ///
    /// Args:
    ///     text: the article text.
    ///     id: the record id (default ``"0"``).
    ///     date: the publication date (ISO string, ``datetime.date`` or ``datetime.datetime``),
    ///         used to resolve relative dates; a string that is not an ISO date gives a
    ///         ``warnings`` entry, as in the CLI.
    ///
    /// Returns:
    ///     The record as a dict, equal to ``json.loads`` of the CLI's line for the same
    ///     article (without ``source``).
    ///
    /// Raises:
    ///     ArticleError: the article yields an error record (``kind``: ``empty_text``,
    ///         ``too_large``, ``internal``...).
    #[pyo3(signature = (text, id = None, date = None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        id: Option<&Bound<'py, PyAny>>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let item = PyDict::new(py);
        match id {
            Some(id) => item.set_item("id", id)?,
            None => item.set_item("id", "0")?,
        }
        item.set_item("text", text)?;
        if let Some(d) = date {
            item.set_item("date", d)?;
        }
        let opts = ReadOptions {
            fields: FieldNames::default(),
            jsonl: false,
            lossy: false,
            source: None,
            start: 0,
        };
        let item = self.read_item(py, &item.into_any(), 0, &opts)?;
        let output = py.detach(|| self.pool.install(|| extract_item(&self.inner, &item).0));
        let output = without_source(output);
        let value = to_python(py, &mut Keys::default(), &output)?;
        match output {
            Output::Record(_) => Ok(value),
            Output::Error(e) => {
                let kind = kind_name(e.error.kind);
                let err = ArticleError::new_err(format!("{kind}: {}", e.error.message));
                let exc = err.value(py);
                exc.setattr("kind", kind)?;
                exc.setattr("id", &e.id)?;
                exc.setattr("record", value)?;
                Err(err)
            }
        }
    }

    /// Extract many articles on the pipeline's thread pool, with the GIL released.
    ///
    /// Args:
    ///     items: an iterable of article texts (``str``) and JSON objects (``dict``, read
    ///         like a JSON Lines object: ``id`` string or number, ``text``, ``date``); with
    ///         ``jsonl=True``, of JSON Lines lines (``str`` or ``bytes``) read exactly as the
    ///         CLI reads a line.
    ///     jsonl: items are raw JSON Lines lines.
    ///     source: a name for the input: records then carry ``source`` (``{"file": source,
    ///         "line": N}``, N the 1-based item number) and items without an id get
    ///         ``"source:N"``, as lines of a file named ``source`` in the CLI. Without it,
    ///         records carry no ``source`` and items without an id get their 0-based position.
    ///     start: the number of the first item (positions and lines count from it), to
    ///         continue the numbering of an earlier call over the same stream.
    ///     text_field, id_field, date_field: the dict keys (``--text-field``...).
    ///     lossy: replace invalid UTF-8 in ``bytes`` lines with U+FFFD (``--lossy``).
    ///     as_json: return each record as its JSON line (``str``), byte for byte the CLI's
    ///         output line, instead of a dict.
    ///
    /// Returns:
    ///     One dict (or JSON string) per item, in input order: a record, or an error record
    ///     (``{"id": ..., "error": {"kind": ..., "message": ..., "source": ...}}``) for an item
    ///     that yields none (missing or empty text, not an object, too large...).
    #[pyo3(signature = (items, *, jsonl = false, source = None, start = 0, text_field = "text", id_field = "id", date_field = "date", lossy = false, as_json = false))]
    #[allow(clippy::too_many_arguments)]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        jsonl: bool,
        source: Option<String>,
        start: usize,
        text_field: &str,
        id_field: &str,
        date_field: &str,
        lossy: bool,
        as_json: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let opts = read_options(
            jsonl, source, start, text_field, id_field, date_field, lossy,
        );
        let keep_source = opts.source.is_some();
        let out = PyList::empty(py);
        let mut keys = Keys::default();
        self.pipelined(
            py,
            items,
            &opts,
            move |inner, item| {
                let (o, _) = extract_item(inner, item);
                let o = if keep_source { o } else { without_source(o) };
                if as_json {
                    Converted::Json(serialize(&o))
                } else {
                    Converted::Output(o)
                }
            },
            |py, results| {
                // Many containers at once: the cyclic GC would scan them over and over.
                let _gc = GcPause::new(py, self.gc.bind(py))?;
                for r in results {
                    let v = match r {
                        Converted::Json(line) => {
                            let s = std::str::from_utf8(&line).expect("JSON is UTF-8");
                            PyString::new(py, s).into_any()
                        }
                        Converted::Output(o) => to_python(py, &mut keys, &o)?,
                    };
                    out.append(v)?;
                }
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// Extract many articles (items and options as ``extract_batch``) into Arrow tables: the tables and columns
    /// of the CLI's Parquet output (``--format parquet``), built by the same code.
    ///
    /// Returns:
    ///     A dict of ``pyarrow.Table`` by table name: ``articles``, ``actors``, ``mentions``,
    ///     ``amounts``, ``dates``, ``roles``, ``quotes``, ``stances``, ``errors``. Needs
    ///     ``pyarrow``.
    #[pyo3(signature = (items, *, jsonl = false, source = None, start = 0, text_field = "text", id_field = "id", date_field = "date", lossy = false))]
    #[allow(clippy::too_many_arguments)]
    fn extract_arrow<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        jsonl: bool,
        source: Option<String>,
        start: usize,
        text_field: &str,
        id_field: &str,
        date_field: &str,
        lossy: bool,
    ) -> PyResult<Bound<'py, PyDict>> {
        let open_stream = py.import("pyarrow.ipc")?.getattr("open_stream")?;
        let opts = read_options(
            jsonl, source, start, text_field, id_field, date_field, lossy,
        );
        let keep_source = opts.source.is_some();
        let mut batches = TableBatches::new();
        self.pipelined(
            py,
            items,
            &opts,
            move |inner, item| {
                let (o, _) = extract_item(inner, item);
                if keep_source {
                    o
                } else {
                    without_source(o)
                }
            },
            |py, outputs| {
                py.detach(|| {
                    for o in &outputs {
                        batches.push(o);
                    }
                });
                Ok(())
            },
        )?;
        let streams = py
            .detach(|| -> Result<Vec<Vec<u8>>, String> {
                let finished = batches.finish().map_err(|e| e.to_string())?;
                finished.iter().map(ipc_stream).collect()
            })
            .map_err(|e| DepecheError::new_err(format!("Arrow: {e}")))?;
        let tables = PyDict::new(py);
        for (t, bytes) in TABLES.iter().zip(streams) {
            let reader = open_stream.call1((PyBytes::new(py, &bytes),))?;
            tables.set_item(t.name, reader.call_method0("read_all")?)?;
        }
        Ok(tables)
    }

    fn __repr__(&self) -> String {
        format!("Pipeline(threads={})", self.threads)
    }
}

impl Pipeline {
    /// Read `items` in chunks of [`CHUNK_ITEMS`], run `work` on every item of a chunk on the
    /// pool (without the GIL), and hand each chunk's results, in input order, to `take` (with
    /// the GIL). Up to [`CHUNKS_IN_FLIGHT`] chunks are extracted while the calling thread reads
    /// the next items and converts the oldest finished chunk.
    fn pipelined<'py, T: Send + 'static>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        opts: &ReadOptions,
        work: impl Fn(&CorePipeline, &Item) -> T + Send + Sync + Copy + 'static,
        mut take: impl FnMut(Python<'py>, Vec<T>) -> PyResult<()>,
    ) -> PyResult<()> {
        let mut in_flight: VecDeque<mpsc::Receiver<Vec<T>>> = VecDeque::new();
        let mut wait = |py: Python<'py>, rx: mpsc::Receiver<Vec<T>>| -> PyResult<()> {
            let results = py
                .detach(move || rx.recv())
                .map_err(|_| DepecheError::new_err("a worker thread died"))?;
            take(py, results)
        };
        let mut chunk = Vec::with_capacity(CHUNK_ITEMS);
        let mut iter = items.try_iter()?.enumerate();
        loop {
            let next = iter.next();
            if let Some((position, obj)) = &next {
                let obj = obj.as_ref().map_err(|e| e.clone_ref(py))?;
                chunk.push(self.read_item(py, obj, *position, opts)?);
            }
            if chunk.len() == CHUNK_ITEMS || (next.is_none() && !chunk.is_empty()) {
                let (tx, rx) = mpsc::channel();
                let inner = Arc::clone(&self.inner);
                let items = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK_ITEMS));
                self.pool.spawn(move || {
                    let results: Vec<T> = items.par_iter().map(|i| work(&inner, i)).collect();
                    // The receiver is gone only when the call already failed.
                    let _ = tx.send(results);
                });
                in_flight.push_back(rx);
                if in_flight.len() >= CHUNKS_IN_FLIGHT {
                    wait(py, in_flight.pop_front().expect("non-empty"))?;
                }
            }
            if next.is_none() {
                break;
            }
        }
        while let Some(rx) = in_flight.pop_front() {
            wait(py, rx)?;
        }
        Ok(())
    }

    /// One Python item as the input stage's [`Item`]: an article or its error record.
    fn read_item<'py>(
        &self,
        py: Python<'py>,
        obj: &Bound<'py, PyAny>,
        position: usize,
        opts: &ReadOptions,
    ) -> PyResult<Item> {
        let source = opts.source(position);
        if opts.jsonl {
            let line: Vec<u8> = if let Ok(s) = obj.cast::<PyString>() {
                match s.to_cow() {
                    Ok(s) => s.into_owned().into_bytes(),
                    Err(e) => {
                        return Ok(error_item(
                            opts,
                            position,
                            ErrorKind::InvalidUtf8,
                            format!("the line is not valid Unicode: {e}"),
                        ))
                    }
                }
            } else if let Ok(b) = obj.cast::<PyBytes>() {
                b.as_bytes().to_vec()
            } else {
                return Ok(error_item(
                    opts,
                    position,
                    ErrorKind::NotAnObject,
                    format!(
                        "with jsonl=True an item is a str or bytes line, not {}",
                        type_name(obj)
                    ),
                ));
            };
            return Ok(match parse_line(&line, &opts.fields, opts.lossy, &source) {
                Some(Ok(a)) => Item::Article(a),
                Some(Err(e)) => Item::Error(e),
                None => error_item(
                    opts,
                    position,
                    ErrorKind::EmptyText,
                    "the line is blank".into(),
                ),
            });
        }
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(match s.to_cow() {
                Ok(text) => Item::Article(Article {
                    id: opts.fallback_id(position),
                    text: text.into_owned(),
                    source: Some(source),
                    ..Default::default()
                }),
                Err(e) => error_item(
                    opts,
                    position,
                    ErrorKind::InvalidUtf8,
                    format!("the text is not valid Unicode: {e}"),
                ),
            });
        }
        let Ok(dict) = obj.cast::<PyDict>() else {
            return Ok(error_item(
                opts,
                position,
                ErrorKind::NotAnObject,
                format!(
                    "an item is a str (the text) or a dict (a JSON object), not {}",
                    type_name(obj)
                ),
            ));
        };
        if let Some(item) = dict_article(dict, position, opts)? {
            return Ok(item);
        }
        // Anything else is read as the CLI reads the same object on a JSON line, for the same
        // error records and warnings.
        let dumps = self.dumps.bind(py);
        let kwargs = PyDict::new(py);
        kwargs.set_item("ensure_ascii", false)?;
        kwargs.set_item("default", self.json_default.bind(py))?;
        let json = dumps.call((dict,), Some(&kwargs))?;
        let json = json.cast::<PyString>()?;
        let line = match json.to_cow() {
            Ok(s) => s.into_owned(),
            // Lone surrogates: the ASCII form escapes them, and the JSON reader reports them
            // as the CLI does for such a line.
            Err(_) => {
                kwargs.set_item("ensure_ascii", true)?;
                dumps.call((dict,), Some(&kwargs))?.extract::<String>()?
            }
        };
        let has_id = dict
            .get_item(&opts.fields.id)?
            .is_some_and(|v| !v.is_none());
        let mut item = match parse_line(line.as_bytes(), &opts.fields, opts.lossy, &source) {
            Some(Ok(a)) => Item::Article(a),
            Some(Err(e)) => Item::Error(e),
            None => unreachable!("a JSON object is never a blank line"),
        };
        if !has_id {
            match &mut item {
                Item::Article(a) => a.id = opts.fallback_id(position),
                Item::Error(e) => e.id = opts.fallback_id(position),
            }
        }
        Ok(item)
    }
}

/// The article of a dict item in the common case, without a JSON round trip: a `str` text,
/// an id that is a `str`, an `int` or absent, a date that is absent, blank or an ISO date (a
/// string, `datetime.date` or `datetime.datetime`). `None` for anything else, which the
/// caller reads through JSON; both give the same article.
fn dict_article(
    dict: &Bound<'_, PyDict>,
    position: usize,
    opts: &ReadOptions,
) -> PyResult<Option<Item>> {
    let Some(text) = dict.get_item(&opts.fields.text)? else {
        return Ok(None);
    };
    let Ok(text) = text.cast::<PyString>() else {
        return Ok(None);
    };
    let Ok(text) = text.to_cow() else {
        return Ok(None);
    };
    let id = match dict.get_item(&opts.fields.id)? {
        None => opts.fallback_id(position),
        Some(v) if v.is_none() => opts.fallback_id(position),
        Some(v) => {
            if let Ok(s) = v.cast::<PyString>() {
                match s.to_cow() {
                    Ok(s) => s.into_owned(),
                    Err(_) => return Ok(None),
                }
            } else if v.is_instance_of::<PyInt>() && !v.is_instance_of::<PyBool>() {
                match v.extract::<i64>() {
                    Ok(n) => n.to_string(),
                    Err(_) => return Ok(None),
                }
            } else {
                return Ok(None);
            }
        }
    };
    let date = match dict.get_item(&opts.fields.date)? {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => {
            let iso = if v.is_instance_of::<PyString>() {
                v
            } else if v.hasattr("isoformat")? {
                v.call_method0("isoformat")?
            } else {
                return Ok(None);
            };
            let Ok(iso) = iso.cast::<PyString>() else {
                return Ok(None);
            };
            let Ok(iso) = iso.to_cow() else {
                return Ok(None);
            };
            if iso.trim().is_empty() {
                None
            } else {
                match ArticleDate::parse(&iso) {
                    Some(d) => Some(d),
                    // Not ISO: the JSON reader words the warning.
                    None => return Ok(None),
                }
            }
        }
    };
    Ok(Some(Item::Article(Article {
        id,
        text: text.into_owned(),
        date,
        source: Some(opts.source(position)),
        warnings: Vec::new(),
    })))
}

fn read_options(
    jsonl: bool,
    source: Option<String>,
    start: usize,
    text_field: &str,
    id_field: &str,
    date_field: &str,
    lossy: bool,
) -> ReadOptions {
    ReadOptions {
        fields: FieldNames {
            id: id_field.into(),
            text: text_field.into(),
            date: date_field.into(),
        },
        jsonl,
        lossy,
        source,
        start,
    }
}

fn error_item(opts: &ReadOptions, position: usize, kind: ErrorKind, message: String) -> Item {
    let source = opts.source(position);
    Item::Error(ErrorRecord {
        id: opts.fallback_id(position),
        error: ErrorInfo {
            kind,
            message,
            source: source.file,
            line: source.line,
        },
    })
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// A record without its `source` (items given from Python without `source=`).
fn without_source(mut o: Output) -> Output {
    if let Output::Record(r) = &mut o {
        r.source = None;
    }
    o
}

/// The JSON line of an output, as the CLI writes it.
fn serialize(o: &Output) -> Vec<u8> {
    serde_json::to_vec(o).expect("records serialize")
}

/// What a worker hands back for one item of `extract_batch`.
enum Converted {
    /// The output, to become Python objects.
    Output(Output),
    /// Its JSON line (`as_json=True`).
    Json(Vec<u8>),
}

/// Pauses Python's cyclic garbage collector while converting a chunk (when it was enabled);
/// turns it back on when dropped.
struct GcPause<'py> {
    gc: Option<Bound<'py, PyAny>>,
}

impl<'py> GcPause<'py> {
    fn new(_py: Python<'py>, gc: &Bound<'py, PyAny>) -> PyResult<Self> {
        if gc.call_method0("isenabled")?.is_truthy()? {
            gc.call_method0("disable")?;
            Ok(GcPause {
                gc: Some(gc.clone()),
            })
        } else {
            Ok(GcPause { gc: None })
        }
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            let _ = gc.call_method0("enable");
        }
    }
}

/// The CLI's name of an error kind (`empty_text`...).
fn kind_name(kind: ErrorKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One record batch as an Arrow IPC stream.
fn ipc_stream(batch: &RecordBatch) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    let mut w = StreamWriter::try_new(&mut buf, &batch.schema()).map_err(|e| e.to_string())?;
    w.write(batch).map_err(|e| e.to_string())?;
    w.finish().map_err(|e| e.to_string())?;
    drop(w);
    Ok(buf)
}

/// depeche: actors, amounts, dates and positions from French news text (Rust, via PyO3).
#[pymodule]
fn _depeche(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Pipeline>()?;
    m.add("DepecheError", py.get_type::<DepecheError>())?;
    m.add("PipelineError", py.get_type::<PipelineError>())?;
    m.add("ArticleError", py.get_type::<ArticleError>())?;
    m.add("DEFAULT_MODEL", depeche::actors::DEFAULT_MODEL)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("TABLES", TABLES.iter().map(|t| t.name).collect::<Vec<_>>())?;
    Ok(())
}
