#!/usr/bin/env bash
# A short run of each cargo-fuzz target in fuzz/ (FUZZ_SECONDS each, default 20), seeded with the
# request fixtures and a few Runtime API answers. A crash fails the run (libFuzzer keeps the input
# under fuzz/artifacts/<target>/).
#
# cargo-fuzz needs a nightly toolchain: without one this says so and exits 0, so `make test` passes
# on stable-only machines. cargo-fuzz itself is installed from crates.io when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz smoke: skipped (no nightly toolchain; 'rustup toolchain install nightly' enables it)"
  exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz smoke: installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet
fi

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds/envelope" "$seeds/hello_world" "$seeds/runtime_response"
cp tests/fixtures/alexa-requests/*.json "$seeds/envelope/"
cp tests/fixtures/alexa-requests/*.json "$seeds/hello_world/"
i=0
for answer in \
  'HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\nContent-Length: 2\r\n\r\n{}' \
  'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n' \
  'HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n\r\nrest of the stream' \
  'HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n'; do
  # The first byte picks the read buffer size.
  printf "\\$(printf '%03o' $((i * 17 % 64 + 1)))$answer" > "$seeds/runtime_response/seed-$i"
  i=$((i + 1))
done

for target in envelope hello_world runtime_response; do
  echo "fuzz smoke: $target for ${seconds}s"
  cargo +nightly fuzz run "$target" "$seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1
done
echo "fuzz smoke: done, no crash"
