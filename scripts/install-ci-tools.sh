#!/usr/bin/env bash
# Installs the tools of scripts/ci-package-check.sh: cfn-lint in a project-local venv (.venv), and Debian's
# qemu-user so that the arm64 bootstrap can run on an x86_64 host. Idempotent: each step is skipped when
# its tool is already there. qemu is optional: without it (not root, no apt) the arm64 run is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

CFN_LINT_VERSION=1.58.0  # pinned so that new lint rules arrive by a reviewed change, not by surprise
VENV=.venv

if [ "$("$VENV/bin/cfn-lint" --version 2>/dev/null)" != "cfn-lint $CFN_LINT_VERSION" ]; then
    echo "installing cfn-lint $CFN_LINT_VERSION into $VENV"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "cfn-lint==$CFN_LINT_VERSION"
fi

if [ "$(uname -m)" != aarch64 ] && ! command -v qemu-aarch64 >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing qemu-user (runs the arm64 bootstrap on this $(uname -m) host)"
        export DEBIAN_FRONTEND=noninteractive
        apt_install() { apt-get install -y -qq --no-install-recommends qemu-user >/dev/null; }
        apt_install || { apt-get update -qq && apt_install; } ||
            echo "warning: qemu-user could not be installed; the arm64 bootstrap will not be run" >&2
    else
        echo "note: qemu-aarch64 is missing and apt-get is unavailable; the arm64 bootstrap will not be run" >&2
    fi
fi
