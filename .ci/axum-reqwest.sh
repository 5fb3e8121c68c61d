#!/usr/bin/env bash
# The two integration examples against each other on 127.0.0.1 (issue 11):
# examples/reqwest_digest (the `reqwest` feature) as the client of
# examples/axum_auth (the `tower` feature). .ci/run calls it.
#
# Each case checks the client's exit status, its whole stdout, and how many
# 401s the server logged for it (`axum_auth: METHOD URI -> STATUS` on
# stderr): exactly one when the later requests of a --repeat were answered
# at once with the remembered nonce. Servers run on free ports and are
# stopped by PID on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

cargo build -q --all-features --example axum_auth --example reqwest_digest
bin="${CARGO_TARGET_DIR:-target}/debug/examples"
CLIENT="$bin/reqwest_digest"

source .ci/lib.sh

PASSWORD='open sesame'

# start_axum NAME ARGS...: examples/axum_auth on a free port; sets $url and $log.
start_axum() {
  local name=$1
  shift
  start "$name" "$bin/axum_auth" --addr 127.0.0.1:0 --user "alice:$PASSWORD" --token t0k3n "$@"
}

ok=$'HTTP/1.1 200 OK\nhello alice via Digest'
start_axum default # SHA-512-256, SHA-256 and MD5 offered, then Basic and Bearer
client_case "reqwest_digest -> axum_auth, default offer, GET --repeat 3: one 401, then preemptive" 0 \
  "$ok"$'\n'"$ok"$'\n'"$ok" 1 --user "alice:$PASSWORD" --repeat 3 "$url/"
client_case "reqwest_digest -> axum_auth, POST --data --repeat 2" 0 "$ok"$'\n'"$ok" 1 \
  --user "alice:$PASSWORD" --data 'a=1&b=2' --repeat 2 "$url/?q=1"
client_case "reqwest_digest -> axum_auth, wrong password: final 401, exit 1" 1 \
  'HTTP/1.1 401 Unauthorized' 2 --user "alice:open sesamE" "$url/"
for alg in MD5 SHA-256; do
  start_axum "$alg" --algorithm "$alg"
  client_case "reqwest_digest -> axum_auth, $alg, PUT --method --data --repeat 2" 0 "$ok"$'\n'"$ok" 1 \
    --user "alice:$PASSWORD" --method PUT --data x --repeat 2 "$url/"
done

echo "axum-reqwest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
