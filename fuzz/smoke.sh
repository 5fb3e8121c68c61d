#!/usr/bin/env bash
# Smoke-fuzzes every target for a short time with the checked-in seeds and the
# dictionary; any crash fails. FUZZ_SECONDS sets the time per target (default 30).
#   bash fuzz/smoke.sh            # from the repository root, or from fuzz/
#   FUZZ_SECONDS=600 bash fuzz/smoke.sh challenges   # one long run
set -euo pipefail
cd "$(dirname "$0")"
secs="${FUZZ_SECONDS:-30}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

# cargo-fuzz needs nightly flags (-Z sanitizer). Use the nightly toolchain when
# it is installed; otherwise let the one stable toolchain accept them.
if cargo +nightly --version >/dev/null 2>&1; then
    tc=(+nightly)
else
    echo "fuzz/smoke.sh: no nightly toolchain, using stable with RUSTC_BOOTSTRAP=1" >&2
    tc=()
    export RUSTC_BOOTSTRAP=1
fi

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo "${tc[@]}" fuzz list)
fi

cargo "${tc[@]}" fuzz build
for t in "${targets[@]}"; do
    # corpus/ is gitignored: start each run from the seeds.
    corpus="corpus/$t"
    mkdir -p "$corpus"
    cp seeds/single/* seeds/lines/* "$corpus"/
    echo "=== fuzz $t for ${secs}s"
    log="artifacts/$t.log"
    mkdir -p artifacts
    status=0
    cargo "${tc[@]}" fuzz run "$t" "$corpus" -- \
        -dict=auth.dict -max_total_time="$secs" -max_len=4096 -timeout=10 \
        -print_final_stats=1 >"$log" 2>&1 || status=$?
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$log" >&2
        echo "fuzz target $t failed (exit $status); crash input in fuzz/artifacts/$t/" >&2
        exit 1
    fi
done
echo "fuzz smoke passed: ${#targets[@]} targets, ${secs}s each"
