#!/usr/bin/env bash
# Sets up everything the checks need (a virtualenv in .venv with the project and its test tools) and
# runs them all: ruff, mypy on core/, and the whole pytest suite. Extra arguments go to pytest.
# Needs only Python 3.11+ (set PYTHON to choose the interpreter).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
mkdir -p build/mypy
ln -sfn ../../core build/mypy/actions_core
ln -sfn ../../plugins/insider build/mypy/actions_insider
ln -sfn ../../plugins/iterable build/mypy/actions_iterable
.venv/bin/mypy
echo "== pytest"
.venv/bin/pytest "$@"
