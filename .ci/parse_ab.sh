#!/bin/bash
# Compares the speed of two builds of benches/parse.rs on this noisy machine
# (benches/README.md, "Comparing two builds"): runs one criterion benchmark
# of the two bench binaries in turn, N times, and reports the median ratio
# B/A over the quiet pairs, those where both times are within 15% of the
# fastest time seen. The machine alternates between quiet periods and
# periods where something outside the VM slows this crate's parse by up to
# 2x, but http-auth's by 30% at most: only quiet pairs compare builds.
#
#   .ci/parse_ab.sh BENCH_BIN_A BENCH_BIN_B [N [FILTER]]
#
# A bench binary: `cargo bench --bench parse --no-run` prints its path
# (copy it away before building the other one).
set -euo pipefail
a=$1 b=$2 n=${3:-31} filter=${4:-challenges/basic/ours/iter}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
one() {
  "$1" --bench --warm-up-time 0.3 --measurement-time 0.7 "$filter" 2>/dev/null |
    awk '/^ +time:/ && !/%/ {v = $4; if ($5 == "µs") v *= 1000; print v; exit}'
}
for _ in $(seq "$n"); do
  echo "$(one "$a") $(one "$b")" >>"$out"
done
awk '
  NF == 2 { k++; x[k] = $1; y[k] = $2; if (k == 1 || $1 < m) m = $1; if ($2 < m) m = $2 }
  END {
    n = 0
    for (i = 1; i <= k; i++) if (x[i] < 1.15 * m && y[i] < 1.15 * m) { n++; r[n] = y[i] / x[i]; sa += x[i]; sb += y[i] }
    for (i = 2; i <= n; i++) { v = r[i]; j = i - 1; while (j > 0 && r[j] > v) { r[j + 1] = r[j]; j-- } r[j + 1] = v }
    if (n == 0) { print "no quiet pair: run again"; exit 1 }
    printf "quiet pairs %d of %d: median B/A %.3f (mean: A %.1f ns, B %.1f ns; fastest %.1f ns)\n", n, k, r[int((n + 1) / 2)], sa / n, sb / n, m
  }' "$out"
