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

tmp=$(mktemp -d)
pids=()
cleanup() {
  local pid i
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || continue
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

PASSWORD='open sesame'
WRONG='open sesamE'

# start_server NAME ARGS...: examples/server on a free port; sets $url and $log.
start_server() {
  local name=$1 i
  shift
  log="$tmp/$name.log"
  : >"$log"
  "$SERVER" --addr 127.0.0.1:0 --user "alice:$PASSWORD" "$@" >"$log" 2>&1 &
  pids+=($!)
  for ((i = 0; i < 200; i++)); do
    url=$(sed -n 's/^listening on //p' "$log")
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  echo "reqwest: $name did not print 'listening on' within 20 s" >&2
  cat "$log" >&2
  return 1
}

passed=0
failed=0
# client_case LABEL WANT-EXIT WANT-OUTPUT WANT-401S CLIENT-ARGS...: runs the
# client; checks its exit status, its whole stdout, and how many 401s the
# server logged for this case (WANT-401S, or - to skip that check).
client_case() {
  local label=$1 want_rc=$2 want=$3 want_401=$4 out rc=0 before n401
  shift 4
  before=$(wc -l <"$log")
  # examples/server logs each request before it answers it: no wait needed.
  out=$(timeout 60 "$CLIENT" "$@" 2>"$tmp/client.err") || rc=$?
  n401=$(tail -n +"$((before + 1))" "$log" | grep -c -- '-> 401' || true)
  if [ "$rc" = "$want_rc" ] && [ "$out" = "$want" ] && { [ "$want_401" = - ] || [ "$n401" = "$want_401" ]; }; then
    echo "PASS $label"
    passed=$((passed + 1))
  else
    echo "FAIL $label: exit $rc (want $want_rc), 401s logged $n401 (want $want_401)"
    echo "  stdout: $out"
    echo "  stderr: $(head -c 400 "$tmp/client.err")"
    echo "  server log:"
    tail -n +"$((before + 1))" "$log" | sed 's/^/    /'
    failed=$((failed + 1))
  fi
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
