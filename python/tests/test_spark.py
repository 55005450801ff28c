"""scripts/spark_extract.py gives identical records with the package (mapInArrow) and with
the binary pipe. Needs a Python with pyspark, pyarrow and this package
($DEPECHE_SPARK_PYTHON, set up by scripts/test.sh); skipped without it (fails under CI=true)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, cli_binary, news_lines


def spark_python():
    py = os.environ.get("DEPECHE_SPARK_PYTHON")
    if not py:
        if os.environ.get("CI") == "true":
            pytest.fail("DEPECHE_SPARK_PYTHON is not set under CI (scripts/test.sh sets it)")
        pytest.skip("set DEPECHE_SPARK_PYTHON to a Python with pyspark (scripts/spark-setup.sh)")
    return py


def run(py, engine, input_path, out):
    env = dict(os.environ, PYSPARK_PYTHON=py, SPARK_LOCAL_IP="127.0.0.1")
    subprocess.run(
        [py, str(REPO / "scripts/spark_extract.py"), "--master", "local[2]",
         "--partitions", "3", "--conf", "spark.ui.enabled=false",
         "--engine", engine, "--depeche", str(cli_binary()),
         str(input_path), str(out)],
        env=env,
        check=True,
    )
    parts = sorted(p for p in out.iterdir() if p.name.startswith("part-"))
    assert len(parts) >= 2, parts
    return [[json.loads(l) for l in p.read_text().splitlines()] for p in parts]


def test_package_and_binary_engines_give_identical_records(tmp_path):
    py = spark_python()
    lines = (news_lines(120) or []) + [
        l for l in (REPO / "corpus/seeds.jsonl").read_bytes().splitlines() if l.strip()
    ]
    # Bad lines too: their error records name the partition stream and line in both engines.
    lines += [b'{"id": "vide", "text": ""}', b'{"id": "cass\xc3\xa9", "text": ', b"[1]"]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    package = run(py, "package", path, tmp_path / "package")
    binary = run(py, "binary", path, tmp_path / "binary")
    assert package == binary
    assert sum(len(p) for p in package) == len(lines)
