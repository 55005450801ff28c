#!/usr/bin/env bash
# Install pyspark into a virtual environment for scripts/spark_extract.py and its test.
#
#   scripts/spark-setup.sh [VENV]        (default: $DEPECHE_SPARK_VENV or .venv-spark)
#
# Re-running is cheap: an existing venv that already imports pyspark is kept, and pip's
# download cache (~/.cache/pip) is reused. Spark needs a Java runtime (17 or newer) on PATH;
# on Debian: apt-get install -y default-jre-headless.
# Prints the venv's python path on the last line of stdout.
set -euo pipefail
VENV="${1:-${DEPECHE_SPARK_VENV:-.venv-spark}}"
PYSPARK_SPEC="${DEPECHE_PYSPARK_SPEC:-pyspark>=3.5,<5}"
if ! command -v java >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null
    else
        echo "spark-setup: java not found; install a Java 17+ runtime" >&2
        exit 1
    fi
fi
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
    echo "spark-setup: pyspark already in $VENV" >&2
else
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "$PYSPARK_SPEC" >&2
fi
"$VENV/bin/python" -c 'import pyspark; print("spark-setup: pyspark", pyspark.__version__)' >&2
echo "$(cd "$VENV" && pwd)/bin/python"
