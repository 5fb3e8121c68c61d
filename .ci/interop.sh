#!/usr/bin/env bash
# Interop of the Digest and Basic examples with software nobody here wrote
# (issue 9). Run from anywhere; .ci/run calls it.
#
#   clients against examples/server:  curl --basic; curl --digest (MD5,
#     SHA-256; Debian 12's curl 7.88 computes SHA-512-256 wrongly, so not
#     that); Python requests HTTPDigestAuth (MD5, SHA-256)
#   examples/fetch against servers:   Apache httpd mod_auth_digest with an
#     htdigest file made by htdigest (MD5, the only algorithm it has);
#     lighttpd mod_auth (SHA-256, SHA-512-256, each also with userhash)
#   examples/fetch against examples/server, for the algorithms no other
#     client here gets right (SHA-512-256, the -sess variants)
#
# Each case passes with the right password (200 and the body) and with a
# wrong one (401; fetch exits 1). Servers run on 127.0.0.1 on free ports,
# from config files generated into a temp dir (not the system services),
# and are stopped by PID on exit. Prints one PASS/FAIL line per case and
# `interop: N passed, M failed`; exits non-zero on any failure.
#
# Env: INTEROP_KEEP=1 keeps the temp dir (configs, logs) for a look.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
started=$SECONDS

# --- tools -------------------------------------------------------------
missing=()
[ -x /usr/sbin/apache2 ] || missing+=(apache2)
command -v htdigest >/dev/null || missing+=(apache2-utils)
[ -x /usr/sbin/lighttpd ] || missing+=(lighttpd)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "interop: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! python3 -c 'import requests' 2>/dev/null; then
  # Debian's own python3 is "externally managed" (PEP 668) and needs the flag.
  python3 -m pip install -q requests 2>/dev/null || python3 -m pip install -q --break-system-packages requests
fi
echo "interop: $(curl --version | head -1 | cut -d' ' -f1-2), $(/usr/sbin/apache2 -v | head -1 | cut -d' ' -f3)," \
  "$(/usr/sbin/lighttpd -v | head -1 | cut -d' ' -f1), requests $(python3 -c 'import requests; print(requests.__version__)')"

# --- build (the same features as `cargo test --all-features`, so .ci/run
# reuses its artifacts) ------------------------------------------------
cargo build -q --all-features --example server --example fetch
bin="${CARGO_TARGET_DIR:-target}/debug/examples"
SERVER="$bin/server"
FETCH="$bin/fetch"

# --- servers -----------------------------------------------------------
tmp=$(mktemp -d)
chmod 755 "$tmp" # Apache's workers (www-data) read the htdocs below it
pids=()
summary_printed=0
cleanup() {
  local rc=$? pid i f
  if [ "$summary_printed" = 0 ] && [ "$rc" != 0 ]; then
    echo "interop: stopped early (status $rc); server logs:"
    for f in "$tmp"/*.log "$tmp"/*/*.log; do
      [ -s "$f" ] && { echo "--- ${f#"$tmp"/}"; tail -n 40 "$f"; }
    done
  fi
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || continue
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "${INTEROP_KEEP:-}" = 1 ]; then echo "interop: kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_port() { # PORT: up to 20 s
  local i
  for ((i = 0; i < 200; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "interop: nothing listens on 127.0.0.1:$1 after 20 s" >&2
  return 1
}

# start_ours NAME ARGS...: starts examples/server on a free port; sets $url.
start_ours() {
  local name=$1 i
  shift
  : >"$tmp/$name.log"
  "$SERVER" --addr 127.0.0.1:0 --user "alice:$PASSWORD" "$@" >"$tmp/$name.log" 2>&1 &
  pids+=($!)
  for ((i = 0; i < 200; i++)); do
    url=$(sed -n 's/^listening on //p' "$tmp/$name.log")
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  echo "interop: $name did not print 'listening on' within 20 s" >&2
  cat "$tmp/$name.log" >&2
  return 1
}

PASSWORD='open sesame'
WRONG='open sesamE'

# --- cases -------------------------------------------------------------
passed=0
failed=0
report() { # STATUS(0 = pass) LABEL [DETAIL]
  if [ "$1" = 0 ]; then
    echo "PASS $2"
    passed=$((passed + 1))
  else
    echo "FAIL $2${3:+: $3}"
    failed=$((failed + 1))
  fi
}

# curl_case LABEL WANT-CODE WANT-BODY CURL-ARGS...
curl_case() {
  local label=$1 want=$2 body=$3 code
  shift 3
  code=$(curl -s -o "$tmp/body" -w '%{http_code}' --max-time 10 "$@") || true
  if [ "$code" = "$want" ] && { [ -z "$body" ] || [ "$(cat "$tmp/body")" = "$body" ]; }; then
    report 0 "$label"
  else
    report 1 "$label" "status $code, body $(head -c 200 "$tmp/body" 2>/dev/null || true)"
  fi
}

# requests_case LABEL WANT-CODE WANT-BODY URL USER PASSWORD
requests_case() {
  local label=$1 want=$2 body=$3 out
  shift 3
  out=$(timeout 20 python3 - "$@" <<'EOF' 2>&1
import sys
import requests
from requests.auth import HTTPDigestAuth
url, user, password = sys.argv[1:]
r = requests.get(url, auth=HTTPDigestAuth(user, password), timeout=10)
print(r.status_code)
sys.stdout.write(r.text)
EOF
  ) || true
  if [ "$out" = "$want${body:+$'\n'$body}" ] || { [ -z "$body" ] && [ "$(head -1 <<<"$out")" = "$want" ]; }; then
    report 0 "$label"
  else
    report 1 "$label" "$(head -c 300 <<<"$out")"
  fi
}

# fetch_case LABEL WANT-EXIT WANT-CODE WANT-BODY FETCH-ARGS...
fetch_case() {
  local label=$1 want_rc=$2 want=$3 body=$4 out rc=0
  shift 4
  out=$(timeout 30 "$FETCH" "$@" 2>"$tmp/fetch.err") || rc=$?
  if [ "$rc" = "$want_rc" ] && [ "$(head -1 <<<"$out")" = "$want" ] &&
    { [ -z "$body" ] || [ "$(tail -n +2 <<<"$out")" = "$body" ]; }; then
    report 0 "$label"
  else
    report 1 "$label" "exit $rc, output $(head -c 200 <<<"$out"), stderr $(head -c 300 "$tmp/fetch.err")"
  fi
}

# 1. Clients against examples/server, one server per Digest algorithm
# (curl and requests answer only the first Digest challenge).
for alg in MD5 SHA-256; do
  start_ours "server-$alg" --algorithm "$alg"
  curl_case "curl --digest -> examples/server, $alg, right password" 200 "hello alice" \
    --digest -u "alice:$PASSWORD" "$url/digest"
  curl_case "curl --digest -> examples/server, $alg, wrong password" 401 "" \
    --digest -u "alice:$WRONG" "$url/digest"
  curl_case "curl --digest -> examples/server, $alg, POST with a body" 200 "hello alice" \
    --digest -u "alice:$PASSWORD" --data 'a=1&b=2' "$url/digest?x=y"
  requests_case "requests HTTPDigestAuth -> examples/server, $alg, right password" 200 "hello alice" \
    "$url/digest" alice "$PASSWORD"
  requests_case "requests HTTPDigestAuth -> examples/server, $alg, wrong password" 401 "" \
    "$url/digest" alice "$WRONG"
done
curl_case "curl --basic -> examples/server, right password" 200 "hello alice" \
  --basic -u "alice:$PASSWORD" "$url/basic"
curl_case "curl --basic -> examples/server, wrong password" 401 "" \
  --basic -u "alice:$WRONG" "$url/basic"

# An expired nonce: requests computes the responses (MD5) and they are sent
# after the nonce's lifetime: the right password gets 401 with stale=true,
# a wrong one 401 without.
start_ours server-stale --algorithm MD5 --nonce-lifetime 1
out=$(timeout 20 python3 - "$url/digest" alice "$PASSWORD" <<'EOF' 2>&1
import sys, time
import requests
from requests.auth import HTTPDigestAuth
from requests.utils import parse_dict_header
url, user, password = sys.argv[1:]
first = requests.get(url, timeout=10)
auth = HTTPDigestAuth(user, password)
auth.init_per_thread_state()
auth._thread_local.chal = parse_dict_header(first.headers["www-authenticate"].split(" ", 1)[1])
header = auth.build_digest_header("GET", url)
fresh = requests.get(url, headers={"Authorization": header}, timeout=10)
time.sleep(2.2)
late = requests.get(url, headers={"Authorization": auth.build_digest_header("GET", url)}, timeout=10)
wrong = HTTPDigestAuth(user, password + "x")
wrong.init_per_thread_state()
wrong._thread_local.chal = auth._thread_local.chal
late_wrong = requests.get(url, headers={"Authorization": wrong.build_digest_header("GET", url)}, timeout=10)
stale = lambda r: "stale=true" in r.headers.get("www-authenticate", "")
print(fresh.status_code, late.status_code, stale(late), late_wrong.status_code, stale(late_wrong))
EOF
) || true
[ "$out" = "200 401 True 401 False" ] && rc=0 || rc=1
report $rc "requests-computed response -> examples/server, MD5, expired nonce: stale=true only with the right password" "$out"

# 2. examples/fetch against examples/server: the algorithms curl and
# requests cannot check.
start_ours server-default
fetch_case "fetch -> examples/server, default offer (SHA-512-256 first), right password" 0 200 "hello alice" \
  --user "alice:$PASSWORD" "$url/digest"
fetch_case "fetch -> examples/server, default offer, wrong password" 1 401 "" \
  --user "alice:$WRONG" "$url/digest"
start_ours server-sess --algorithm SHA-512-256-sess --algorithm SHA-256-sess --algorithm MD5-sess
fetch_case "fetch -> examples/server, SHA-512-256-sess, POST with a body, right password" 0 200 "hello alice" \
  --user "alice:$PASSWORD" --data 'a=1' "$url/digest"
fetch_case "fetch -> examples/server, SHA-512-256-sess, wrong password" 1 401 "" \
  --user "alice:$WRONG" "$url/digest"

# fetch's stale retry and rspauth check, against a scripted MD5 server:
# the first answer gets stale=true, the retry is verified; /bad-rspauth
# answers 200 with a wrong rspauth (fetch exits 3), /always-stale is stale
# again after the retry (fetch gives up: 401, exit 1).
mock_port=$(free_port)
python3 -u - "$mock_port" alice "$PASSWORD" >"$tmp/mock.log" 2>&1 <<'EOF' &
import hashlib, re, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
realm = "mock realm"
md5 = lambda s: hashlib.md5(s.encode()).hexdigest()
class Handler(BaseHTTPRequestHandler):
    def reply(self, code, headers=(), body=b""):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def challenge(self, nonce, stale):
        v = f'Digest realm="{realm}", nonce="{nonce}", qop="auth", algorithm=MD5'
        self.reply(401, [("WWW-Authenticate", v + (", stale=true" if stale else ""))], b"unauthorized\n")
    def do_GET(self):
        auth = self.headers.get("Authorization", "")
        p = dict((k, a or b) for k, a, b in re.findall(r'(\w+)=(?:"([^"]*)"|([^\s,]+))', auth))
        path = self.path.split("?")[0]
        if not auth.startswith("Digest "):
            return self.challenge("first", False)
        if p.get("nonce") == "first" or (path == "/always-stale" and p.get("nonce") == "second"):
            return self.challenge("second" if p.get("nonce") == "first" else "third", True)
        ha1 = md5(f"{user}:{realm}:{password}")
        tail = f'{p.get("nonce")}:{p.get("nc")}:{p.get("cnonce")}:{p.get("qop")}'
        if p.get("nonce") != "second" or p.get("response") != md5(f"{ha1}:{tail}:{md5('GET:' + p.get('uri', ''))}"):
            return self.challenge("first", False)
        rspauth = "0" * 32 if path == "/bad-rspauth" else md5(f"{ha1}:{tail}:{md5(':' + p['uri'])}")
        info = f'rspauth="{rspauth}", qop=auth, nc={p["nc"]}, cnonce="{p["cnonce"]}"'
        self.reply(200, [("Authentication-Info", info)], b"hello from the mock\n")
    def log_message(self, *args):
        sys.stderr.write(f"{args[0]} -> {args[1]}; Authorization: {self.headers.get('Authorization', '-')}\n")
HTTPServer(("127.0.0.1", port), Handler).serve_forever()
EOF
pids+=($!)
wait_port "$mock_port"
m="http://127.0.0.1:$mock_port"
fetch_case "fetch -> scripted MD5 server, stale=true then retried, right rspauth" 0 200 "hello from the mock" \
  --user "alice:$PASSWORD" "$m/ok"
fetch_case "fetch -> scripted MD5 server, wrong rspauth: exit 3" 3 200 "hello from the mock" \
  --user "alice:$PASSWORD" "$m/bad-rspauth"
fetch_case "fetch -> scripted MD5 server, stale twice: one retry, then 401" 1 401 "" \
  --user "alice:$PASSWORD" "$m/always-stale"

# 3. examples/fetch against Apache httpd mod_auth_digest (MD5 only).
ap="$tmp/apache"
mkdir -p "$ap/htdocs/private"
echo "hello from apache" >"$ap/htdocs/private/hello.txt"
chmod -R a+rX "$ap"
realm='apache realm'
# htdigest prompts on the terminal only: give it one.
python3 - "$ap/htdigest" "$realm" alice "$PASSWORD" <<'EOF'
import os, pty, select, sys, time
path, realm, user, password = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp("htdigest", ["htdigest", "-c", path, realm, user])
out, sent, deadline = b"", 0, time.time() + 10
while time.time() < deadline:
    if out.lower().count(b"password:") > sent:
        os.write(fd, password.encode() + b"\n")
        sent += 1
    if select.select([fd], [], [], 0.1)[0]:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
else:
    os.kill(pid, 9)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
EOF
ap_port=$(free_port)
mods=/usr/lib/apache2/modules
cat >"$ap/httpd.conf" <<EOF
ServerRoot "$ap"
ServerName 127.0.0.1
Listen 127.0.0.1:$ap_port
PidFile "$ap/httpd.pid"
DefaultRuntimeDir "$ap"
ErrorLog "$ap/error.log"
LogLevel warn auth_digest:info
LoadModule mpm_event_module $mods/mod_mpm_event.so
LoadModule authz_core_module $mods/mod_authz_core.so
LoadModule authz_user_module $mods/mod_authz_user.so
LoadModule authn_core_module $mods/mod_authn_core.so
LoadModule authn_file_module $mods/mod_authn_file.so
LoadModule auth_digest_module $mods/mod_auth_digest.so
User www-data
Group www-data
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
MinSpareThreads 4
MaxSpareThreads 16
DocumentRoot "$ap/htdocs"
<Location "/private/">
  AuthType Digest
  AuthName "$realm"
  AuthDigestProvider file
  AuthUserFile "$ap/htdigest"
  Require valid-user
</Location>
EOF
/usr/sbin/apache2 -f "$ap/httpd.conf" -DFOREGROUND >"$ap/stdout.log" 2>&1 &
pids+=($!)
wait_port "$ap_port"
a="http://127.0.0.1:$ap_port/private/hello.txt"
fetch_case "fetch -> Apache mod_auth_digest, MD5, right password" 0 200 "hello from apache" \
  --user "alice:$PASSWORD" "$a"
fetch_case "fetch -> Apache mod_auth_digest, MD5, right password, query string" 0 200 "hello from apache" \
  --user "alice:$PASSWORD" "$a?q=1&r=%20"
fetch_case "fetch -> Apache mod_auth_digest, MD5, wrong password" 1 401 "" \
  --user "alice:$WRONG" "$a"

# 4. examples/fetch against lighttpd mod_auth: one path per algorithm,
# with and without userhash, each with its own htdigest file
# (user:realm:H(user:realm:password)[:H(user:realm)]).
lt="$tmp/lighttpd"
realm='lighttpd realm'
lt_port=$(free_port)
mkdir -p "$lt/htdocs"
cat >"$lt/lighttpd.conf" <<EOF
server.document-root = "$lt/htdocs"
server.bind = "127.0.0.1"
server.port = $lt_port
server.pid-file = "$lt/lighttpd.pid"
server.errorlog = "$lt/error.log"
server.modules = ("mod_auth", "mod_authn_file")
auth.backend = "htdigest"
EOF
for alg in SHA-256 SHA-512-256; do
  py=$(tr 'A-Z-' 'a-z_' <<<"$alg")
  py=${py/sha_/sha}
  for uh in disable enable; do
    dir="${alg,,}-userhash-$uh"
    mkdir -p "$lt/htdocs/$dir"
    echo "hello from lighttpd" >"$lt/htdocs/$dir/hello.txt"
    python3 - "$py" alice "$realm" "$PASSWORD" >"$lt/$dir.htdigest" <<'EOF'
import hashlib, sys
alg, user, realm, password = sys.argv[1:]
h = lambda s: hashlib.new(alg, s.encode()).hexdigest()
print(f"{user}:{realm}:{h(f'{user}:{realm}:{password}')}:{h(f'{user}:{realm}')}")
EOF
    cat >>"$lt/lighttpd.conf" <<EOF
\$HTTP["url"] =~ "^/$dir/" {
  auth.backend.htdigest.userfile = "$lt/$dir.htdigest"
  auth.require = ( "/$dir/" => ( "method" => "digest", "realm" => "$realm", "require" => "valid-user",
                                 "algorithm" => "$alg", "userhash" => "$uh" ) )
}
EOF
  done
done
/usr/sbin/lighttpd -D -f "$lt/lighttpd.conf" >"$lt/stdout.log" 2>&1 &
pids+=($!)
wait_port "$lt_port"
for alg in SHA-256 SHA-512-256; do
  for uh in disable enable; do
    l="http://127.0.0.1:$lt_port/${alg,,}-userhash-$uh/hello.txt"
    what="$alg$([ $uh = enable ] && echo ', userhash' || true)"
    fetch_case "fetch -> lighttpd mod_auth, $what, right password" 0 200 "hello from lighttpd" \
      --user "alice:$PASSWORD" "$l"
    fetch_case "fetch -> lighttpd mod_auth, $what, wrong password" 1 401 "" \
      --user "alice:$WRONG" "$l"
  done
done

# --- summary -----------------------------------------------------------
summary_printed=1
if [ "$failed" -gt 0 ]; then
  for f in "$tmp"/*.log "$tmp"/*/*.log; do
    [ -s "$f" ] || continue
    echo "--- ${f#"$tmp"/} (last 40 lines)"
    tail -n 40 "$f"
  done
fi
echo "interop: took $((SECONDS - started)) s"
echo "interop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
