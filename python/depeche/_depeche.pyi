"""Type stubs of the extension module depeche._depeche (re-exported by ``depeche``)."""

import datetime
import os
from typing import Any, Dict, Iterable, List, Literal, Optional, Union, overload

import pyarrow

__version__: str
DEFAULT_MODEL: str
"""The built-in NER model used when none is named (the CLI's default, ``"fr-open"``)."""
TABLES: List[str]
"""The table names of ``extract_arrow`` and of the CLI's Parquet output, in order."""

Record = Dict[str, Any]
"""A record or an error record, as the CLI's JSON line (see schema/record.schema.json)."""

Item = Union[str, bytes, Dict[str, Any]]
DateLike = Union[str, datetime.date, datetime.datetime]

class DepecheError(Exception):
    """Base class of depeche's exceptions."""

class PipelineError(DepecheError):
    """The pipeline cannot be built (a model that cannot be read, no thread pool)."""

class ArticleError(DepecheError):
    """An article yields no record (``extract``); ``extract_batch`` returns error records."""

    kind: str
    """The CLI's ``error.kind``: ``empty_text``, ``too_large``, ``internal``..."""
    id: str
    """The article id."""
    record: Record
    """The error record, as ``extract_batch`` returns it."""

class Pipeline:
    """The extraction pipeline, loaded once and used for any number of calls.

    ``ner_model``: a built-in model name (``"fr-open"``, the default, or ``"fr-full"``) or a
    model file path, as the CLI's ``--ner-model``. ``threads``: worker threads of the batch
    methods (``None`` or 0: all cores). ``max_bytes``: the text size cap (default 20 MB).
    """

    def __init__(
        self,
        ner_model: Union[str, os.PathLike[str], None] = None,
        threads: Optional[int] = None,
        max_bytes: Optional[int] = None,
    ) -> None: ...
    @property
    def threads(self) -> int:
        """Worker threads of the batch methods."""
    def extract(
        self, text: str, id: Union[str, int, None] = None, date: Optional[DateLike] = None
    ) -> Record:
        """One article's record; raises ``ArticleError`` when it yields none."""
    @overload
    def extract_batch(
        self,
        items: Iterable[Item],
        *,
        jsonl: bool = False,
        source: Optional[str] = None,
        start: int = 0,
        text_field: str = "text",
        id_field: str = "id",
        date_field: str = "date",
        lossy: bool = False,
        as_json: Literal[False] = False,
    ) -> List[Record]:
        """One record or error record per item, in input order (GIL released)."""
    @overload
    def extract_batch(
        self,
        items: Iterable[Item],
        *,
        jsonl: bool = False,
        source: Optional[str] = None,
        start: int = 0,
        text_field: str = "text",
        id_field: str = "id",
        date_field: str = "date",
        lossy: bool = False,
        as_json: Literal[True],
    ) -> List[str]:
        """One JSON line (the CLI's) per item, in input order (GIL released)."""
    def extract_arrow(
        self,
        items: Iterable[Item],
        *,
        jsonl: bool = False,
        source: Optional[str] = None,
        start: int = 0,
        text_field: str = "text",
        id_field: str = "id",
        date_field: str = "date",
        lossy: bool = False,
    ) -> Dict[str, pyarrow.Table]:
        """The record tables (``TABLES``) with the Parquet output's columns."""
