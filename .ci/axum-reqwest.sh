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

# start NAME ARGS...: examples/axum_auth on a free port; sets $url and $log.
start() {
  local name=$1 i
  shift
  log="$tmp/$name.log"
  : >"$log"
  "$bin/axum_auth" --addr 127.0.0.1:0 --user "alice:$PASSWORD" --token t0k3n "$@" >"$log" 2>&1 &
  pids+=($!)
  for ((i = 0; i < 200; i++)); do
    url=$(sed -n 's/^listening on //p' "$log")
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  echo "axum-reqwest: $name did not print 'listening on' within 20 s" >&2
  cat "$log" >&2
  return 1
}

passed=0
failed=0
# case LABEL WANT-EXIT WANT-STDOUT WANT-401S CLIENT-ARGS...
case_() {
  local label=$1 want_rc=$2 want=$3 want_401=$4 out rc=0 before n401 i
  shift 4
  before=$(wc -l <"$log")
  out=$(timeout 60 "$bin/reqwest_digest" "$@" 2>"$tmp/client.err") || rc=$?
  # The server logs a request once answered, which the client has seen by
  # now; the bounded wait covers the write reaching the file.
  for ((i = 0; i < 20; i++)); do
    n401=$(tail -n +"$((before + 1))" "$log" | grep -c -- '-> 401$' || true)
    [ "$n401" = "$want_401" ] && break
    sleep 0.1
  done
  if [ "$rc" = "$want_rc" ] && [ "$out" = "$want" ] && [ "$n401" = "$want_401" ]; then
    echo "PASS $label"
    passed=$((passed + 1))
  else
    echo "FAIL $label: exit $rc (want $want_rc), 401s logged $n401 (want $want_401)"
    echo "  stdout: $out"
    echo "  stderr: $(head -c 400 "$tmp/client.err")"
    tail -n +"$((before + 1))" "$log" | sed 's/^/  server: /'
    failed=$((failed + 1))
  fi
}

ok=$'HTTP/1.1 200 OK\nhello alice via Digest'
start default # SHA-512-256, SHA-256 and MD5 offered, then Basic and Bearer
case_ "reqwest_digest -> axum_auth, default offer, GET --repeat 3: one 401, then preemptive" 0 \
  "$ok"$'\n'"$ok"$'\n'"$ok" 1 --user "alice:$PASSWORD" --repeat 3 "$url/"
case_ "reqwest_digest -> axum_auth, POST --data --repeat 2" 0 "$ok"$'\n'"$ok" 1 \
  --user "alice:$PASSWORD" --data 'a=1&b=2' --repeat 2 "$url/?q=1"
case_ "reqwest_digest -> axum_auth, wrong password: final 401, exit 1" 1 \
  'HTTP/1.1 401 Unauthorized' 2 --user "alice:open sesamE" "$url/"
for alg in MD5 SHA-256; do
  start "$alg" --algorithm "$alg"
  case_ "reqwest_digest -> axum_auth, $alg, PUT --method --data --repeat 2" 0 "$ok"$'\n'"$ok" 1 \
    --user "alice:$PASSWORD" --method PUT --data x --repeat 2 "$url/"
done

echo "axum-reqwest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
