#!/usr/bin/env bash
# Features `http` and `headers` each on their own, without `digest` (issue
# 11): the library builds and is clippy-clean with just what each pulls in.
# The tests of both (tests/http.rs, tests/headers.rs with axum's
# TypedHeader) run in `cargo test --all-features`. Run from anywhere;
# .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
for feature in http headers; do
  echo "--- --no-default-features --features $feature"
  cargo clippy --no-default-features --features "$feature" -- -D warnings
done
