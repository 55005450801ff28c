"""extract_arrow gives the tables of the CLI's Parquet output: same schemas, same rows."""

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import depeche
from conftest import REPO, cli_binary, news_lines

import subprocess

SEEDS = "corpus/seeds.jsonl"


def parquet_tables(tmp_path, input_path, *args):
    out = tmp_path / "tables"
    subprocess.run(
        [str(cli_binary()), "extract", "--quiet", "--no-progress", "--format", "parquet",
         "-o", str(out), str(input_path), *args],
        cwd=REPO,
        check=True,
    )
    return {t: pq.read_table(out / t) for t in depeche.TABLES}


def lines_with_errors():
    lines = [l for l in (REPO / SEEDS).read_bytes().splitlines() if l.strip()]
    return lines + [b'{"id": "vide", "text": ""}', b"[1]", b'{"id": "sans texte"}']


def test_tables_match_the_parquet_sink(pipeline, tmp_path):
    lines = lines_with_errors()
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    want = parquet_tables(tmp_path, path)
    got = pipeline.extract_arrow(lines, jsonl=True, source=str(path))
    assert list(got) == depeche.TABLES == [
        "articles", "actors", "mentions", "amounts", "dates", "roles", "quotes", "stances",
        "errors",
    ]
    for name in depeche.TABLES:
        assert isinstance(got[name], pa.Table)
        # Same columns, types and nullability (Parquet keeps them; drop its file metadata).
        assert got[name].schema.remove_metadata() == want[name].schema.remove_metadata(), name
        assert got[name].equals(want[name].cast(got[name].schema)), name
    assert got["errors"].num_rows == 3
    assert got["articles"].num_rows == len(lines) - 3


def test_tables_agree_with_the_records(pipeline):
    lines = news_lines(60) or [l for l in (REPO / SEEDS).read_bytes().splitlines() if l.strip()]
    dicts = [json.loads(l) for l in lines]
    records = pipeline.extract_batch(dicts)
    tables = pipeline.extract_arrow(dicts)
    ok = [r for r in records if "error" not in r]
    assert tables["articles"].column("id").to_pylist() == [r["id"] for r in ok]
    assert tables["articles"].column("source_file").null_count == len(ok)
    assert tables["actors"].num_rows == sum(len(r["actors"]) for r in ok)
    assert tables["mentions"].num_rows == sum(len(a["mentions"]) for r in ok for a in r["actors"])
    assert tables["amounts"].num_rows == sum(len(r["amounts"]) for r in ok)
    assert tables["dates"].num_rows == sum(len(r["dates"]) for r in ok)
    for kind, table in (("role", "roles"), ("quote", "quotes"), ("stance", "stances")):
        n = sum(1 for r in ok for p in r["positions"] if p["kind"] == kind)
        assert tables[table].num_rows == n, table


def test_pandas_frames(pipeline):
    pd = pytest.importorskip("pandas")
    tables = pipeline.extract_arrow(["Emmanuel Macron a reçu Olaf Scholz à Paris le 3 mars."])
    actors = tables["actors"].to_pandas()
    assert isinstance(actors, pd.DataFrame)
    assert "Emmanuel Macron" in set(actors["name"])
    assert tables["errors"].num_rows == 0
