#!/usr/bin/env bash
# The tower layer (issue 11) against curl: examples/axum_auth on 127.0.0.1
# (free ports), curl --basic, curl --digest (MD5 and SHA-256, one server
# each: curl answers only the first Digest challenge, and Debian 12's curl
# 7.88 computes SHA-512-256 wrongly) and a Bearer header, each with right
# and wrong credentials; also the 401's challenge lines and a malformed
# field (400). Servers are stopped by PID on exit. Prints one PASS/FAIL
# line per case and `tower: N passed, M failed`; exits non-zero on any
# failure. Run from anywhere; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

if ! command -v curl >/dev/null; then
  echo "tower: installing curl"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl >/dev/null
fi
echo "tower: $(curl --version | head -1 | cut -d' ' -f1-2)"

# The same features as `cargo test --all-features`, so .ci/run reuses its
# artifacts.
cargo build -q --all-features --example axum_auth
AXUM_AUTH="${CARGO_TARGET_DIR:-target}/debug/examples/axum_auth"

source .ci/lib.sh

PASSWORD='open sesame'
WRONG='open sesamE'
TOKEN='t0k3n-for-ci'

# start_axum NAME ARGS...: examples/axum_auth on a free port; sets $url.
start_axum() {
  local name=$1
  shift
  start "$name" "$AXUM_AUTH" --addr 127.0.0.1:0 --realm 'tower ci' --user "alice:$PASSWORD" \
    --user "bob:hunter2" --token other-token --token "$TOKEN" "$@"
}

# curl_case LABEL WANT-CODE WANT-BODY CURL-ARGS... (an empty WANT-BODY is
# checked as empty: the layer's 401 and 400 have no body).
curl_case() {
  local label=$1 want=$2 body=$3 code got
  shift 3
  code=$(curl -s -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' --max-time 10 "$@") || true
  got=$(cat "$tmp/body" 2>/dev/null || true)
  if [ "$code" = "$want" ] && [ "$got" = "$body" ]; then
    report 0 "$label"
  else
    report 1 "$label" "status $code, body $(head -c 200 <<<"$got")"
  fi
}

# challenge_lines: the WWW-Authenticate lines of the last curl_case.
challenge_lines() {
  grep -i '^www-authenticate:' "$tmp/headers" | tr -d '\r' | cut -d' ' -f2- || true
}

for alg in MD5 SHA-256; do
  start_axum "axum_auth-$alg" --algorithm "$alg"
  curl_case "curl --digest -> axum_auth, $alg, right password" 200 "hello alice via Digest" \
    --digest -u "alice:$PASSWORD" "$url/"
  curl_case "curl --digest -> axum_auth, $alg, wrong password" 401 "" \
    --digest -u "alice:$WRONG" "$url/"
  curl_case "curl --digest -> axum_auth, $alg, POST with a body and a query" 200 "hello bob via Digest" \
    --digest -u "bob:hunter2" --data 'a=1&b=2' "$url/?x=y"
done

curl_case "no credentials -> 401" 401 "" "$url/"
want=$'Digest realm="tower ci", nonce=NONCE, opaque=OPAQUE, algorithm=SHA-256, qop="auth"
Basic realm="tower ci", charset="UTF-8"
Bearer realm="tower ci"'
got=$(challenge_lines | sed -E 's/nonce="[^"]+"/nonce=NONCE/; s/opaque="[^"]+"/opaque=OPAQUE/')
[ "$got" = "$want" ] && rc=0 || rc=1
report $rc "401: one WWW-Authenticate line per challenge, Digest then Basic then Bearer" "$got"

curl_case "curl --basic -> axum_auth, right password" 200 "hello alice via Basic" \
  --basic -u "alice:$PASSWORD" "$url/"
curl_case "curl --basic -> axum_auth, wrong password" 401 "" \
  --basic -u "alice:$WRONG" "$url/"
curl_case "curl --basic -> axum_auth, unknown user" 401 "" \
  --basic -u "carol:$PASSWORD" "$url/"

curl_case "curl Bearer -> axum_auth, right token" 200 "hello token2 via Bearer" \
  -H "Authorization: Bearer $TOKEN" "$url/"
curl_case "curl Bearer -> axum_auth, wrong token" 401 "" \
  -H "Authorization: Bearer ${TOKEN}x" "$url/"
got=$(challenge_lines | tail -1)
[ "$got" = 'Bearer realm="tower ci", error="invalid_token"' ] && rc=0 || rc=1
report $rc "wrong token: the Bearer challenge says error=\"invalid_token\"" "$got"

curl_case "malformed Basic (not base64) -> 400" 400 "" -H 'Authorization: Basic !!!' "$url/"
curl_case "another scheme -> 401" 401 "" -H 'Authorization: Negotiate YWJj' "$url/"
curl_case "authenticated, unknown path -> 404" 404 "" --basic -u "alice:$PASSWORD" "$url/nope"

echo "tower: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
