#!/usr/bin/env bash
# The project's test command (README "Two commands"; .ci/run calls exactly this):
# starts a throwaway PostgreSQL on loopback and the pyspark venv for the sink and Spark tests,
# then runs the whole test suite, the Python package's tests (scripts/python-test.sh: a venv
# with maturin and pytest, the extension built in the dev profile on the same target/, pytest
# against the CLI just built), and again the library and transformer tests with the optional
# `transformer` feature (candle; builds in a few minutes). Installs what it needs (apt-get
# postgresql, pip pyspark, pip maturin/pytest/pyarrow/pandas) on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEPECHE_TEST_SPARK=1
eval "$(scripts/ci-services.sh start)"
trap 'scripts/ci-services.sh stop' EXIT
cargo test --locked
DEPECHE_BIN="$PWD/target/debug/depeche" scripts/python-test.sh
cargo test --locked --features transformer --lib --test transformer
