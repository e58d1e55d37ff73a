#!/usr/bin/env bash
# Installs what `make package` needs: the two musl Rust targets, and Debian's clang + lld for the C and
# assembly parts of `ring` (the TLS crypto of the `https` feature; the Makefile sets CC_<target>=clang and
# CFLAGS_<target>=--target=<target>). Idempotent and quick when everything is present.
# Linking uses `rust-lld`, which ships with every rustup toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(aarch64-unknown-linux-musl x86_64-unknown-linux-musl)

if ! command -v rustup >/dev/null 2>&1; then
    # Without rustup we cannot add targets; accept a toolchain that already has them (e.g. a distro Rust).
    for t in "${targets[@]}"; do
        if ! rustc --print target-libdir --target "$t" >/dev/null 2>&1 ||
            [ ! -d "$(rustc --print target-libdir --target "$t")" ]; then
            echo "error: Rust target $t is missing and rustup is not installed (https://rustup.rs)" >&2
            exit 1
        fi
    done
else
    # `rustup target list --installed` answers for the toolchain that rust-toolchain files select here.
    installed=$(rustup target list --installed)
    missing=()
    for t in "${targets[@]}"; do
        grep -qx "$t" <<<"$installed" || missing+=("$t")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing Rust targets: ${missing[*]}"
        rustup target add "${missing[@]}"
    fi
fi

sysroot=$(rustc --print sysroot)
host=$(rustc -vV | sed -n 's/^host: //p')
if [ ! -x "$sysroot/lib/rustlib/$host/bin/rust-lld" ]; then
    echo "error: rust-lld not found in $sysroot/lib/rustlib/$host/bin; it ships with rustup toolchains" >&2
    echo "       (or set CARGO_TARGET_<TRIPLE>_LINKER to a linker for the musl targets)" >&2
    exit 1
fi

# clang cross-compiles ring's C and assembly for both musl targets (one compiler for every target, no musl-gcc
# or aarch64 gcc needed); lld is the linker clang expects for cross targets. Only installed when missing.
if ! command -v clang >/dev/null 2>&1 || ! command -v ld.lld >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing clang and lld (C compiler for ring on the musl targets)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends clang lld >/dev/null
    else
        echo "warning: clang and lld are missing: skills with the https, services, dynamodb or server" >&2
        echo "         features will not build for Lambda (Debian/Ubuntu: sudo apt-get install clang lld)" >&2
    fi
fi
