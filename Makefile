# Build and package alexa-kit skills as AWS Lambda `provided.al2023` bootstraps.
#
#   make package                 # arm64 (Graviton) zip: target/lambda/hello_world/bootstrap.zip
#   make package EXAMPLE=birthday  # the birthday countdown (its features are known, see FEATURES_birthday)
#   make package EXAMPLE=settings FEATURES=services   # another example, with cargo features
#   ARCH=x86_64 make package     # the same for x86_64
#   make package-all             # both, kept side by side as bootstrap-arm64.zip / bootstrap-x86_64.zip
#   make toolchain               # installs the Rust targets (run by `package` anyway; idempotent)
#   make test                    # the whole test suite: cargo test, the deploy check, a fuzz smoke run (nightly)
#   make dynamodb-table TABLE=t ENDPOINT=http://127.0.0.1:8000   # a persistent-attributes table for local use
#   sam build                    # calls `build-HelloWorldFunction` and `build-BirthdayFunction` below
#
# The binary is a static musl executable linked by `rust-lld`, which every rustup toolchain ships: no zig, no
# Docker, no glibc version to match. Skills with the `https` feature (or `services`, `dynamodb`, `server`)
# compile ring's C and assembly with Debian's clang, which `make toolchain` installs. See "Deploy" in README.md.

# Target CPU: arm64 (default, matches template.yml) or x86_64. aarch64 and amd64 are accepted as aliases.
ARCH ?= arm64
# What to package: an example (default) or, with BIN=name, a `[[bin]]` of the package.
EXAMPLE ?= hello_world
BIN ?=
# Cargo features of the package to build, e.g. FEATURES=services; by default those an example needs (its
# `required-features` in Cargo.toml), so that `make package EXAMPLE=birthday` and `sam build` just work.
FEATURES_birthday := dynamodb,services
FEATURES_time_zone := services
FEATURES ?= $(FEATURES_$(EXAMPLE))
CARGO ?= cargo
# Where cargo puts its output (honours CARGO_TARGET_DIR like cargo does).
TARGET_DIR ?= $(or $(CARGO_TARGET_DIR),target)
PYTHON ?= python3

ifeq ($(ARCH),$(filter $(ARCH),arm64 aarch64))
  LAMBDA_ARCH := arm64
  RUST_TARGET := aarch64-unknown-linux-musl
else ifeq ($(ARCH),$(filter $(ARCH),x86_64 amd64))
  LAMBDA_ARCH := x86_64
  RUST_TARGET := x86_64-unknown-linux-musl
else
  $(error ARCH must be arm64 or x86_64 (got '$(ARCH)'))
endif

ifneq ($(strip $(BIN)),)
  NAME := $(BIN)
  CARGO_SELECT := --bin $(BIN)
  BUILT := $(TARGET_DIR)/$(RUST_TARGET)/release/$(BIN)
else
  NAME := $(EXAMPLE)
  CARGO_SELECT := --example $(EXAMPLE)
  BUILT := $(TARGET_DIR)/$(RUST_TARGET)/release/examples/$(EXAMPLE)
endif

OUT_DIR := $(TARGET_DIR)/lambda/$(NAME)

# Link both musl targets with the LLD that ships inside the Rust toolchain. Overridable from the environment.
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER ?= rust-lld
export CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_LINKER ?= rust-lld
# C and assembly of dependencies (ring, for TLS) with clang for the musl targets: one compiler for both CPUs,
# no musl-gcc or aarch64 gcc. Only used by crates that compile C; the hello world has none.
export CC_aarch64_unknown_linux_musl ?= clang
export CFLAGS_aarch64_unknown_linux_musl ?= --target=aarch64-unknown-linux-musl
export CC_x86_64_unknown_linux_musl ?= clang
export CFLAGS_x86_64_unknown_linux_musl ?= --target=x86_64-unknown-linux-musl

.PHONY: help toolchain build package package-all check-package test test-tools dynamodb-table sam-artifact \
	build-HelloWorldFunction build-BirthdayFunction

help:
	@sed -n '2,13p' Makefile | sed 's/^# \{0,1\}//'

# Everything: unit, integration and doc tests, then the deploy check (cfn-lint, both zips, their ELF and
# libc, and each packaged bootstrap against the Runtime API emulator, arm64 under qemu), then each
# cargo-fuzz target for FUZZ_SECONDS (20 s) when a nightly toolchain is installed (skipped otherwise).
test: test-tools
	$(CARGO) test --workspace --all-features
	bash scripts/ci-package-check.sh
	bash scripts/fuzz-smoke.sh

toolchain:
	@scripts/install-toolchain.sh

# moto_server in .venv: the real DynamoDB API on loopback that tests/dynamodb.rs starts.
test-tools:
	@scripts/install-test-tools.sh

# Creates a persistent-attributes table (ASK layout, on-demand) at ENDPOINT (default: AWS itself).
# The skill never creates tables at request time; in AWS, template.yml declares it.
TABLE ?=
ENDPOINT ?=
dynamodb-table: test-tools
	@test -n "$(TABLE)" || { echo "usage: make dynamodb-table TABLE=name [ENDPOINT=http://127.0.0.1:8000]" >&2; exit 1; }
	.venv/bin/python scripts/dynamodb_table.py "$(TABLE)" $(if $(ENDPOINT),--endpoint "$(ENDPOINT)")

# The bootstrap builds without default features: the local dialog simulator (feature `simulator`) stays out.
build: toolchain
	$(CARGO) build --release --target $(RUST_TARGET) $(CARGO_SELECT) --no-default-features $(if $(strip $(FEATURES)),--features $(FEATURES))

# bootstrap.zip holds exactly one entry, `bootstrap` (mode 0755), at the zip root.
package: build
	@mkdir -p $(OUT_DIR)
	$(PYTHON) scripts/zip_bootstrap.py $(BUILT) $(OUT_DIR)/bootstrap-$(LAMBDA_ARCH).zip
	@cp $(OUT_DIR)/bootstrap-$(LAMBDA_ARCH).zip $(OUT_DIR)/bootstrap.zip
	@echo "$(OUT_DIR)/bootstrap.zip ($(LAMBDA_ARCH))"

package-all:
	$(MAKE) package ARCH=x86_64
	$(MAKE) package ARCH=arm64

# Layout, ELF machine, libc requirement, size and panic strategy of the zip built for ARCH.
check-package:
	$(PYTHON) scripts/check_package.py --arch $(LAMBDA_ARCH) $(OUT_DIR)/bootstrap-$(LAMBDA_ARCH).zip

# `sam build` (Metadata: BuildMethod: makefile) runs this with ARTIFACTS_DIR set; SAM zips that directory's
# contents, so `bootstrap` lands at the zip root. SAM does not pass the function's architecture to make:
# if you switch template.yml to x86_64, run `ARCH=x86_64 sam build`.
build-HelloWorldFunction:
	@$(MAKE) --no-print-directory sam-artifact EXAMPLE=hello_world

build-BirthdayFunction:
	@$(MAKE) --no-print-directory sam-artifact EXAMPLE=birthday

sam-artifact: build
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (this target is meant for sam build)" >&2; exit 1; }
	cp $(BUILT) $(ARTIFACTS_DIR)/bootstrap
	chmod 0755 $(ARTIFACTS_DIR)/bootstrap
