"""Shared fixtures of the Python package's tests: the repository, the CLI binary to compare
with, and one pipeline for the session."""

import json
import os
import subprocess
from pathlib import Path

import pytest

import depeche

REPO = Path(__file__).resolve().parents[2]


def cli_binary() -> Path:
    """The depeche CLI: $DEPECHE_BIN, else the release build, else the test build."""
    env = os.environ.get("DEPECHE_BIN")
    if env:
        return Path(env)
    for profile in ("release", "debug"):
        p = REPO / "target" / profile / "depeche"
        if p.exists():
            return p
    pytest.fail("no depeche binary: cargo build --release, or set DEPECHE_BIN")


def run_cli(*args, cwd=REPO):
    """Run `depeche extract ARGS` and return its records (parsed JSON lines)."""
    out = subprocess.run(
        [str(cli_binary()), "extract", "--quiet", "--no-progress", *map(str, args)],
        cwd=cwd,
        check=True,
        capture_output=True,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


def without_source(record):
    """A record without `source`; an error record without its file and line."""
    r = dict(record)
    r.pop("source", None)
    if "error" in r:
        r["error"] = {k: v for k, v in r["error"].items() if k not in ("source", "line")}
    return r


def news_lines(n=300):
    """The first n lines of a news dump in ../shared/data/news ($DEPECHE_NEWS overrides), or
    None when absent."""
    path = Path(
        os.environ.get(
            "DEPECHE_NEWS", REPO.parent / "shared/data/news/gilets_jaunes_fr_press.jsonl"
        )
    )
    if not path.exists():
        return None
    lines = []
    with open(path, "rb") as f:
        for line in f:
            if line.strip():
                lines.append(line.rstrip(b"\n"))
            if len(lines) == n:
                break
    return lines


@pytest.fixture(scope="session")
def pipeline():
    return depeche.Pipeline(threads=2)
