#!/bin/sh
# Sets up the app's venv on a fresh host. Run from the repository root: ./scripts/bootstrap.sh
set -eu

python3 -m venv .venv
.venv/bin/python -m pip install --upgrade pip
. .venv/bin/activate
pip install -r requirements.txt
python -m compileall -q app
deactivate

# The escape: activation ended with `deactivate`, so this is the host's pytest (or none).
pytest -q tests/smoke
