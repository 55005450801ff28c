#!/usr/bin/env bash
# Build the Python package (python/, PyO3 + maturin) and run its pytest suite
# (python/tests): records equal to the CLI's, error records, batch order, Arrow tables equal
# to the Parquet sink's, and the Spark script's two engines.
#
#   scripts/python-test.sh [PYTEST ARGS...]
#
# - a virtual environment ($DEPECHE_PYTHON_VENV, default .venv-python) with the pinned build
#   and test requirements of python/requirements-test.txt (binary wheels; kept between runs);
# - the extension built with maturin into a wheel, in the cargo profile
#   $DEPECHE_PYTHON_PROFILE (default dev: the workspace's dev profile optimises dependencies
#   and shares target/ with `cargo test`, so after it only the extension crate compiles;
#   release for benchmarks), installed into that venv;
# - with $DEPECHE_SPARK_PYTHON (scripts/ci-services.sh sets it), the wheel and pyarrow are
#   installed there too, for the Spark engines test;
# - the CLI the records are compared with: $DEPECHE_BIN, else target/release/depeche, else
#   target/debug/depeche.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${DEPECHE_PYTHON_VENV:-.venv-python}"
PROFILE="${DEPECHE_PYTHON_PROFILE:-dev}"
started=$SECONDS
pip_install() { "$1" -m pip install -q --disable-pip-version-check "${@:2}" >&2; }
if ! [ -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
VENV="$(cd "$VENV" && pwd)"
pip_install "$VENV/bin/python" -r python/requirements-test.txt
wheels="$(mktemp -d)"
trap 'rm -rf "$wheels"' EXIT
"$VENV/bin/maturin" build --quiet --locked --profile "$PROFILE" -m python/Cargo.toml \
    -i "$VENV/bin/python" --out "$wheels" >&2
wheel="$(ls "$wheels"/depeche-*.whl)"
pip_install "$VENV/bin/python" --force-reinstall --no-deps "$wheel"
if [ -n "${DEPECHE_SPARK_PYTHON:-}" ]; then
    pip_install "$DEPECHE_SPARK_PYTHON" -r <(grep -E '^(pyarrow|pandas|numpy)==' python/requirements-test.txt)
    pip_install "$DEPECHE_SPARK_PYTHON" --force-reinstall --no-deps "$wheel"
fi
echo "python-test: package built and installed in $((SECONDS - started)) s" >&2
# From python/tests, so that `import depeche` is the installed wheel, not the source folder.
cd python/tests
"$VENV/bin/python" -m pytest -q "$@"
echo "python-test: done in $((SECONDS - started)) s" >&2
