#!/usr/bin/env bash
# Checks that `rust-version` in Cargo.toml is true for the library: builds
# it with that exact toolchain, without default features, with the
# defaults and with every feature. Dependencies are resolved afresh, in a
# copy of the tree, to the newest versions that declare support for that
# toolchain (the committed Cargo.lock may hold newer ones, which is fine
# for users on newer compilers: Cargo's MSRV-aware resolver does the same
# for users on the old one).
set -euo pipefail
cd "$(dirname "$0")/.."
msrv=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml)
test -n "$msrv"
rustup toolchain install "$msrv" --profile minimal --no-self-update
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git ls-files -z | xargs -0 cp --parents -t "$tmp"
cd "$tmp"
CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo generate-lockfile -q
for features in "--no-default-features" "--no-default-features --features alloc" "" "--all-features"; do
  echo "rust $msrv: cargo check --lib $features"
  # shellcheck disable=SC2086
  RUSTFLAGS="-D warnings" cargo "+$msrv" check -q --lib $features
done
echo "rust-version $msrv: ok"
