# Shared by the scripts that start example servers on 127.0.0.1
# (.ci/reqwest.sh, .ci/tower.sh, .ci/axum-reqwest.sh); sourced, not run.
#
# Sets $tmp (removed on exit) and stops every server started with `start`
# by PID on exit (TERM, then KILL after 5 s); on a failing exit it shows
# the end of each server's log.

tmp=$(mktemp -d)
pids=()
ci_cleanup() {
  local rc=$? pid i f
  if [ "$rc" != 0 ]; then
    for f in "$tmp"/*.log; do
      [ -s "$f" ] && { echo "--- ${f#"$tmp"/}"; tail -n 40 "$f"; }
    done
  fi
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || continue
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap ci_cleanup EXIT

# start NAME COMMAND...: runs COMMAND in the background, stdout and stderr
# in $tmp/NAME.log, and waits (20 s at most) for its `listening on URL`
# line; sets $url and $log.
start() {
  local name=$1 i
  shift
  log="$tmp/$name.log"
  : >"$log" # exists before the redirection below opens it
  "$@" >"$log" 2>&1 &
  pids+=($!)
  for ((i = 0; i < 200; i++)); do
    url=$(sed -n 's/^listening on //p' "$log")
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  echo "$name did not print 'listening on' within 20 s" >&2
  return 1
}

passed=0
failed=0
# report STATUS(0 = pass) LABEL [DETAIL]
report() {
  if [ "$1" = 0 ]; then
    echo "PASS $2"
    passed=$((passed + 1))
  else
    echo "FAIL $2${3:+: $3}"
    failed=$((failed + 1))
  fi
}

# client_case LABEL WANT-EXIT WANT-STDOUT WANT-401S CLIENT-ARGS...: runs
# $CLIENT (examples/reqwest_digest) against the server whose log is $log;
# checks its exit status, its whole stdout, and how many 401s the server
# logged for this case (lines ending in `-> 401` or `-> 401: why`; - skips
# that check).
client_case() {
  local label=$1 want_rc=$2 want=$3 want_401=$4 out rc=0 before n401 i
  shift 4
  before=$(wc -l <"$log")
  out=$(timeout 60 "$CLIENT" "$@" 2>"$tmp/client.err") || rc=$?
  # A server logs a request once answered, which the client has seen by
  # now; the bounded wait covers the write reaching the file.
  for ((i = 0; i < 20; i++)); do
    n401=$(tail -n +"$((before + 1))" "$log" | grep -cE -- '-> 401($|:)' || true)
    { [ "$want_401" = - ] || [ "$n401" = "$want_401" ]; } && break
    sleep 0.1
  done
  if [ "$rc" = "$want_rc" ] && [ "$out" = "$want" ] && { [ "$want_401" = - ] || [ "$n401" = "$want_401" ]; }; then
    report 0 "$label"
  else
    report 1 "$label" "exit $rc (want $want_rc), 401s logged $n401 (want $want_401)"
    echo "  stdout: $out"
    echo "  stderr: $(head -c 400 "$tmp/client.err")"
    tail -n +"$((before + 1))" "$log" | sed 's/^/  server: /'
  fi
}
