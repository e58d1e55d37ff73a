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
# and, for the birthday countdown, its Lambda tests (tests/lambda_birthday.rs `on_lambda`: the init error
# without a table, the birthday kept in DynamoDB on moto_server across cold starts).
# Then each bootstrap in local dialog mode: it was built without the simulator and says so.
# Last, the event scanner's unit tests for arm64 (its NEON code) under qemu.
set -euo pipefail
cd "$(dirname "$0")/.."

# Every function of template.yml (hello world, birthday countdown) and the `time_zone` services example.
# The first one's zips also feed the package checker's self-test.
EXAMPLES=${EXAMPLES:-hello_world birthday time_zone}
EXAMPLE=${EXAMPLES%% *}
OUT=target/lambda/$EXAMPLE
# Zip limits by example and architecture. A skill with the `services` feature: issue 13's budget is 1.5 MB
# on arm64; packaged without the local dialog simulator (the Makefile's --no-default-features) it is
# 1,400,111 B (1,533,616 B while packages carried the simulator). x86_64 code is ~7% larger (1,497,611 B):
# 1.6 MB. The birthday carries DynamoDB, the services and a time-zone database besides (arm64: 1,616,255 B):
# 2 MB.
max_zip_bytes() { # example arch
    case $1 in
        birthday) echo 2000000 ;;
        time_zone) if [ "$2" = arm64 ]; then echo 1500000; else echo 1600000; fi ;;
        *) echo 1000000 ;;
    esac
}
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

for example in $EXAMPLES; do
    step "make package-all EXAMPLE=$example"
    start=$(date +%s)
    # The Makefile knows each example's features (FEATURES_<example>).
    make --no-print-directory package-all EXAMPLE="$example"
    echo "built both $example packages in $(($(date +%s) - start)) s"

    for arch in x86_64 arm64; do
        step "package check: $example $arch"
        dir=target/lambda/$example/check/$arch
        mkdir -p "$dir"
        if python3 scripts/check_package.py --arch "$arch" --max-zip-bytes "$(max_zip_bytes "$example" "$arch")" \
            --extract-to "$dir/bootstrap" "target/lambda/$example/bootstrap-$arch.zip"; then
            pass
        else
            fail "package check $example $arch"
        fi
    done
done

step "self-test of the package checker"
if python3 scripts/test_check_package.py "$OUT/bootstrap-arm64.zip" "$OUT/bootstrap-x86_64.zip"; then
    pass
else
    fail "test_check_package.py"
fi

# The tests that run a packaged bootstrap, by example: the hello world's whole Lambda suite; the birthday's
# Lambda tests (an init error without a table, the birthday kept in DynamoDB on moto across cold starts);
# the time_zone example against a loopback HTTPS server playing the Settings API.
run_bootstrap() { # example arch runner
    local bootstrap=$PWD/target/lambda/$1/check/$2/bootstrap
    case $1 in
        birthday)
            ALEXA_KIT_BOOTSTRAP=$bootstrap ALEXA_KIT_BOOTSTRAP_RUNNER=$3 \
                cargo test --features dynamodb,services --test lambda_birthday on_lambda ;;
        time_zone)
            ALEXA_KIT_SERVICES_BOOTSTRAP=$bootstrap ALEXA_KIT_BOOTSTRAP_RUNNER=$3 \
                cargo test --features services --test lambda_services ;;
        *)
            ALEXA_KIT_BOOTSTRAP=$bootstrap ALEXA_KIT_BOOTSTRAP_RUNNER=$3 cargo test --test "lambda_$1" ;;
    esac && no_simulator "$bootstrap" "$3"
}

# Packages leave out the local dialog simulator (the Makefile builds with --no-default-features): run
# locally in dialog mode, a bootstrap says so in one line and exits 1.
no_simulator() { # bootstrap runner
    local err status=0
    # shellcheck disable=SC2086 # an empty runner is no word
    err=$(env -u AWS_LAMBDA_RUNTIME_API $2 "$1" --locale fr-FR </dev/null 2>&1 >/dev/null) || status=$?
    if [ "$status" -eq 1 ] && [[ "$err" == *"dialog simulator is not compiled into this build"* ]]; then
        echo "no dialog simulator in the package: $err"
    else
        echo "$1 in dialog mode: exit $status, $err" >&2
        return 1
    fi
}

host=$(uname -m)
for example in $EXAMPLES; do
for arch in x86_64 arm64; do
    step "run the $example $arch bootstrap against the Runtime API"
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
    if [ ! -f "target/lambda/$example/check/$arch/bootstrap" ]; then
        fail "no checked $example $arch bootstrap to run"
        continue
    fi
    if run_bootstrap "$example" "$arch" "$runner"; then pass; else fail "running the $example $arch bootstrap"; fi
done
done

# The event scanner and reader (src/model/scan.rs, read.rs) and the SSML character check
# (src/response/ssml/mod.rs) have one vector version per CPU (SSE2, NEON): their unit tests, which
# compare each with a byte-at-a-time reference, run on arm64 too (under qemu on this x86_64 host).
if [ "$host" != aarch64 ]; then
    step "the vector code's tests on arm64 (NEON), under qemu-aarch64"
    if ! command -v qemu-aarch64 >/dev/null 2>&1; then
        fail "qemu-aarch64 is not installed (scripts/install-ci-tools.sh should have installed it)"
    elif CC_aarch64_unknown_linux_musl=${CC_aarch64_unknown_linux_musl:-clang} \
        CFLAGS_aarch64_unknown_linux_musl=${CFLAGS_aarch64_unknown_linux_musl:---target=aarch64-unknown-linux-musl} \
        CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER=${CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER:-rust-lld} \
        CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_RUNNER=qemu-aarch64 \
        cargo test --target aarch64-unknown-linux-musl --lib --no-default-features -- model::scan model::read response::ssml; then
        pass
    else
        fail "the vector code's tests on arm64"
    fi
fi

echo
echo "package-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
