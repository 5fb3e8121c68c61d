#!/bin/bash
# Instructions per parse and visit of benches/parse.rs's contenders, under
# callgrind (.ci/parse_cg_driver.rs; not run by .ci/run). In the machine's
# contended state the parse takes about 0.1 ns per instruction
# (benches/README.md, third session), so these noise-free counts are the
# measure to compare two builds by for that state.
#
#   .ci/parse_cg.sh [NAME...]   (default: ours in every group)
#
# NAME as in .ci/parse_cg_driver.rs: c_basic_ours, c_list10_ha, k_basic_ours,
# x_bare, ... Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(c_basic_ours c_bearer_ours c_docker_ours c_dp_ours c_list10_ours
    k_basic_ours k_bearer_ours k_digest_ours)
fi
copy=examples/cgp.rs
trap 'rm -f "$copy"' EXIT
cp .ci/parse_cg_driver.rs "$copy"
cargo build -q --profile bench --example cgp
bin=target/release/examples/cgp
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
    awk '/Collected/ {print $4}'
}
for name in "${names[@]}"; do
  one=$(count "$name" 1)
  many=$(count "$name" 1001)
  echo "$name $(((many - one) / 1000))"
done
