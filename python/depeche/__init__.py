"""depeche: actors, amounts, dates and positions from French news text.

The extraction runs in Rust (the same library as the ``depeche`` command line); records come
back as dicts equal to the CLI's JSON lines, or as pyarrow tables with the columns of its
Parquet output::

    import depeche

    pipeline = depeche.Pipeline()                  # load once: the CLI's default model
    record = pipeline.extract("Le PDG a annoncé 3 millions d'euros.", id="a1")
    records = pipeline.extract_batch(texts_or_dicts)   # all cores, input order kept
    tables = pipeline.extract_arrow(texts_or_dicts)    # {"articles": pyarrow.Table, ...}
    actors = tables["actors"].to_pandas()
"""

from ._depeche import (
    DEFAULT_MODEL,
    TABLES,
    ArticleError,
    DepecheError,
    Pipeline,
    PipelineError,
    __version__,
)

ERROR_KINDS = (
    "malformed_json",
    "not_an_object",
    "missing_text",
    "text_not_string",
    "empty_text",
    "too_large",
    "invalid_utf8",
    "unreadable",
    "bad_date",
    "internal",
    "model",
)
"""The ``error.kind`` values of error records and of ``ArticleError.kind``, as in the CLI."""

__all__ = [
    "DEFAULT_MODEL",
    "ERROR_KINDS",
    "TABLES",
    "ArticleError",
    "DepecheError",
    "Pipeline",
    "PipelineError",
    "__version__",
]
