#!/usr/bin/env bash
# examples/reqwest_digest (the `reqwest` feature) against examples/server
# (the crate's DigestServer) on 127.0.0.1 (issue 11). Run from anywhere;
# .ci/run calls it.
#
# Cases: Digest MD5 and SHA-256, each with --repeat 2, GET and POST
# (--data); the server's log must show one 401 only (the second request
# carries credentials at once); a wrong password gives the final 401
# (exit 1); Basic on /basic. Each server is started on a free port and
# stopped by PID on exit. Prints one PASS/FAIL line per case and
# `reqwest: N passed, M failed`; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

# The same features as `cargo test --all-features`, so .ci/run reuses its
# artifacts.
cargo build -q --all-features --example server --example reqwest_digest
bin="${CARGO_TARGET_DIR:-target}/debug/examples"
SERVER="$bin/server"
CLIENT="$bin/reqwest_digest"

source .ci/lib.sh

PASSWORD='open sesame'
WRONG='open sesamE'

# start_server NAME ARGS...: examples/server on a free port; sets $url and $log.
start_server() {
  local name=$1
  shift
  start "$name" "$SERVER" --addr 127.0.0.1:0 --user "alice:$PASSWORD" "$@"
}

ok=$'HTTP/1.1 200 OK\nhello alice'
for alg in MD5 SHA-256; do
  start_server "server-$alg" --algorithm "$alg"
  client_case "reqwest_digest -> examples/server, $alg, GET" 0 "$ok" 1 \
    --user "alice:$PASSWORD" "$url/digest"
  client_case "reqwest_digest -> examples/server, $alg, GET --repeat 2: one 401, then preemptive" 0 "$ok"$'\n'"$ok" 1 \
    --user "alice:$PASSWORD" --repeat 2 "$url/digest?x=y"
  client_case "reqwest_digest -> examples/server, $alg, POST --data --repeat 2" 0 "$ok"$'\n'"$ok" 1 \
    --user "alice:$PASSWORD" --data 'a=1&b=2' --repeat 2 "$url/digest"
  client_case "reqwest_digest -> examples/server, $alg, PUT --method --data" 0 "$ok" 1 \
    --user "alice:$PASSWORD" --method PUT --data 'x' "$url/digest"
  client_case "reqwest_digest -> examples/server, $alg, wrong password: final 401, exit 1" 1 \
    $'HTTP/1.1 401 Unauthorized\nunauthorized' 2 \
    --user "alice:$WRONG" "$url/digest"
done
start_server server-default
client_case "reqwest_digest -> examples/server, default offer (SHA-512-256 first), --repeat 3" 0 \
  "$ok"$'\n'"$ok"$'\n'"$ok" 1 --user "alice:$PASSWORD" --repeat 3 "$url/digest"
client_case "reqwest_digest -> examples/server, Basic on /basic, --repeat 2" 0 "$ok"$'\n'"$ok" 1 \
  --user "alice:$PASSWORD" --repeat 2 "$url/basic"
client_case "reqwest_digest -> examples/server, /any (Digest, Basic and Bearer offered)" 0 "$ok" 1 \
  --user "alice:$PASSWORD" "$url/any"

echo "reqwest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
