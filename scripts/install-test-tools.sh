#!/usr/bin/env bash
# Installs what `cargo test` needs beyond Rust: moto_server (PyPI `moto[server]`), a real DynamoDB API on
# loopback for the persistence tests (tests/dynamodb.rs starts it on a free port). It goes into the same
# project-local venv as cfn-lint (.venv). Idempotent: skipped when the pinned version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

MOTO_VERSION=5.2.5  # pinned so that a new moto arrives by a reviewed change, not by surprise
VENV=.venv

if [ "$("$VENV/bin/python" -c 'import moto; print(moto.__version__)' 2>/dev/null)" != "$MOTO_VERSION" ] ||
    [ ! -x "$VENV/bin/moto_server" ]; then
    echo "installing moto[server] $MOTO_VERSION into $VENV"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi
