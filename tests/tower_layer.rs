//! The tower layer (`tower` feature) as a real server: axum with the layer
//! on 127.0.0.1 (ephemeral port), and real clients: hyper's client, the
//! crate's `DigestClient` through it, and curl (`--basic`, `--digest`, a
//! Bearer header) when curl is installed (.ci/run installs it).
#![cfg(all(feature = "tower", feature = "digest"))]

use std::net::SocketAddr;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::routing::{any, get};
use axum::{Extension, Router};
use http_body_util::{BodyExt, Full};
use hyper::header::{HeaderName, HeaderValue, AUTHORIZATION, WWW_AUTHENTICATE};
use hyper::{HeaderMap, Method, Request, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
use http_auth_headers::scheme::bearer::{BearerChallenge, BearerCredentials};
use http_auth_headers::scheme::digest::{
    DigestAlgorithm, DigestChallenge, DigestClient, DigestClientError, DigestServer,
    MemoryNonceStore, Qop, UserSecret, UserTable,
};
use http_auth_headers::tower_auth::{AuthLayer, AuthScheme, Authenticated};
use http_auth_headers::Challenges;

const REALM: &str = "tower test";
const SECRET: [u8; 32] = [9; 32];
const PASSWORD: &str = "open sesame";
const TOKEN: &str = "t0k3n.for-the-robot";

/// The Digest server of the layer (a fixed secret, so that the stale test
/// can mint an old nonce with another instance).
fn digest_server() -> DigestServer {
    DigestServer::with_secret(REALM, SECRET)
        .algorithms(&[DigestAlgorithm::Sha256, DigestAlgorithm::Md5])
}

/// Basic, Bearer and Digest; identities are `String`s. The verifiers
/// await before they answer, as a database lookup would.
fn layer() -> AuthLayer<String> {
    let mut users = UserTable::new();
    users.add_password("alice", PASSWORD);
    AuthLayer::builder(REALM)
        .basic(|c: BasicCredentials| async move {
            tokio::task::yield_now().await;
            c.verify("alice", PASSWORD).then(|| "alice".to_string())
        })
        .bearer(|t: BearerCredentials<'static>| async move {
            tokio::task::yield_now().await;
            t.token_matches(TOKEN).then(|| "robot".to_string())
        })
        .digest(digest_server(), users)
        .finish()
        .expect("valid realm")
}

/// The handler: `SCHEME IDENTITY METHOD BODY-LENGTH`.
async fn whoami(
    Extension(auth): Extension<Authenticated<String>>,
    method: Method,
    body: Bytes,
) -> String {
    format!(
        "{} {} {} {}",
        auth.scheme(),
        auth.identity(),
        method,
        body.len()
    )
}

/// A server on 127.0.0.1; aborted when dropped.
struct Server {
    addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(app: Router) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Server { addr, task }
}

async fn start() -> Server {
    serve(
        Router::new()
            .route("/", any(whoami))
            .route("/path/{x}", any(whoami))
            .layer(layer()),
    )
    .await
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Reply {
    fn lines(&self, name: &HeaderName) -> Vec<String> {
        self.headers
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect()
    }

    fn challenges(&self) -> Vec<String> {
        self.lines(&WWW_AUTHENTICATE)
    }
}

/// One request with hyper's client; `auth` are (field, value) pairs added
/// as separate field lines.
async fn send(
    addr: SocketAddr,
    method: Method,
    target: &str,
    auth: &[(&HeaderName, &str)],
    body: &'static [u8],
) -> Reply {
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    let mut req = Request::builder()
        .method(method)
        .uri(format!("http://{addr}{target}"))
        .body(Full::new(Bytes::from_static(body)))
        .unwrap();
    for (name, value) in auth {
        req.headers_mut()
            .append(*name, HeaderValue::from_str(value).unwrap());
    }
    let fut = async {
        let resp = client.request(req).await.unwrap();
        let (parts, body) = resp.into_parts();
        let body = body.collect().await.unwrap().to_bytes();
        Reply {
            status: parts.status,
            headers: parts.headers,
            body: String::from_utf8(body.to_vec()).unwrap(),
        }
    };
    tokio::time::timeout(Duration::from_secs(10), fut)
        .await
        .expect("the server answers within 10 s")
}

async fn get_with(addr: SocketAddr, auth: &str) -> Reply {
    send(addr, Method::GET, "/", &[(&AUTHORIZATION, auth)], b"").await
}

fn basic(user: &str, password: &str) -> String {
    BasicCredentials::builder(user, password).finish().unwrap()
}

/// Asserts the 401 of the full layer: four field lines, one challenge
/// each, Digest SHA-256 and MD5 first, then Basic, then Bearer.
fn assert_challenges(reply: &Reply, stale: bool, invalid_token: bool) {
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{}", reply.body);
    let lines = reply.challenges();
    assert_eq!(lines.len(), 4, "{lines:?}");
    for line in &lines {
        assert_eq!(Challenges::parse(line.as_str()).count(), 1, "{line}");
    }
    let parsed: Vec<_> = lines
        .iter()
        .map(|l| Challenges::parse(l.as_str()).next().unwrap().unwrap())
        .collect();
    for (c, alg) in parsed[..2].iter().zip(["SHA-256", "MD5"]) {
        let d = DigestChallenge::try_from(c).unwrap();
        assert_eq!(d.realm(), REALM);
        assert_eq!(d.algorithm().to_string(), alg);
        // auth-int is not offered, whatever the server was built with.
        assert!(d.qop().unwrap().eq([Qop::AUTH]), "{c}");
        assert_eq!(d.stale(), stale, "{c}");
    }
    let b = BasicChallenge::try_from(parsed[2].clone()).unwrap();
    assert_eq!(b.realm(), REALM);
    assert!(b.charset_utf8());
    let bearer = BearerChallenge::try_from(parsed[3].clone()).unwrap();
    assert_eq!(bearer.realm().unwrap(), REALM);
    let error = bearer.error().map(|e| e.to_string());
    assert_eq!(error.as_deref(), invalid_token.then_some("invalid_token"));
}

#[tokio::test]
async fn no_credentials_get_every_challenge_one_line_each() {
    let server = start().await;
    let reply = send(server.addr, Method::GET, "/", &[], b"").await;
    assert_challenges(&reply, false, false);
    assert_eq!(reply.body, "", "the handler was not called");
    // Each 401 has a fresh nonce.
    let again = send(server.addr, Method::GET, "/", &[], b"").await;
    assert_ne!(again.challenges()[0], reply.challenges()[0]);
    // A scheme the layer does not take: the same 401.
    let other = get_with(server.addr, "Negotiate YWJj").await;
    assert_challenges(&other, false, false);
}

#[tokio::test]
async fn basic_right_wrong_and_malformed() {
    let server = start().await;
    let ok = get_with(server.addr, &basic("alice", PASSWORD)).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.body, "Basic alice GET 0");
    // The body reaches the handler untouched.
    let post = send(
        server.addr,
        Method::POST,
        "/path/x?y=1",
        &[(&AUTHORIZATION, &basic("alice", PASSWORD))],
        b"twelve bytes",
    )
    .await;
    assert_eq!(post.body, "Basic alice POST 12");

    let wrong = get_with(server.addr, &basic("alice", "open sesamE")).await;
    assert_challenges(&wrong, false, false);
    let unknown = get_with(server.addr, &basic("bob", PASSWORD)).await;
    assert_challenges(&unknown, false, false);

    // Malformed: not base64, no colon, bad syntax, two field lines.
    for bad in ["Basic !!!", "Basic YWxpY2U=", "Basic a b"] {
        let reply = get_with(server.addr, bad).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(reply.challenges().is_empty(), "{bad}");
        assert_eq!(reply.body, "");
    }
    let right = basic("alice", PASSWORD);
    let two = send(
        server.addr,
        Method::GET,
        "/",
        &[(&AUTHORIZATION, &right), (&AUTHORIZATION, &right)],
        b"",
    )
    .await;
    assert_eq!(two.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn bearer_right_wrong_and_malformed() {
    let server = start().await;
    let ok = get_with(server.addr, &format!("Bearer {TOKEN}")).await;
    assert_eq!(
        (ok.status, ok.body.as_str()),
        (StatusCode::OK, "Bearer robot GET 0")
    );

    let wrong = get_with(server.addr, "Bearer t0k3n.for-the-robot.").await;
    assert_challenges(&wrong, false, true);

    // A Bearer without a token: 400 with error="invalid_request" (RFC 6750).
    let bad = get_with(server.addr, "Bearer realm=\"x\"").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        bad.challenges(),
        [format!(
            r#"Bearer realm="{REALM}", error="invalid_request""#
        )]
    );
}

/// The crate's DigestClient answers the layer's challenges over hyper.
#[tokio::test]
async fn digest_verifies_and_refuses_replays() {
    let server = start().await;
    let first = send(server.addr, Method::GET, "/", &[], b"").await;
    let mut client = DigestClient::new("alice", PASSWORD);
    assert_eq!(
        client.challenge(&first.challenges()).unwrap(),
        DigestAlgorithm::Sha256
    );

    let target = "/path/a%20b?q=1&r=2";
    let auth = client.respond("POST", target, b"body").unwrap();
    let ok = send(
        server.addr,
        Method::POST,
        target,
        &[(&AUTHORIZATION, &auth)],
        b"body",
    )
    .await;
    assert_eq!(
        (ok.status, ok.body.as_str()),
        (StatusCode::OK, "Digest alice POST 4")
    );
    let info = ok.lines(&HeaderName::from_static("authentication-info"));
    assert_eq!(info.len(), 1);
    let outcome = client.authentication_info(&info[0], b"").unwrap();
    assert!(outcome.rspauth_verified());

    // The next nonce count goes through; the same header again is a replay.
    let next = client.respond("GET", "/", b"").unwrap();
    assert_eq!(get_with(server.addr, &next).await.status, StatusCode::OK);
    let replay = get_with(server.addr, &next).await;
    assert_challenges(&replay, false, false);

    // A wrong password: 401 without stale.
    let mut wrong = DigestClient::new("alice", "open sesamE");
    wrong.challenge(&first.challenges()).unwrap();
    let reply = get_with(server.addr, &wrong.respond("GET", "/", b"").unwrap()).await;
    assert_challenges(&reply, false, false);

    // A uri that is not the request-target: 400.
    let elsewhere = client.respond("GET", "/elsewhere", b"").unwrap();
    let reply = get_with(server.addr, &elsewhere).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.challenges().is_empty());

    // Digest credentials missing the response: 400.
    let broken = r#"Digest username="alice", realm="tower test", nonce="n", uri="/""#;
    assert_eq!(
        get_with(server.addr, broken).await.status,
        StatusCode::BAD_REQUEST
    );
}

/// An expired nonce with the right password gets `stale=true` on every
/// Digest challenge; the client retries with the new nonce. The wrong
/// password on an expired nonce gets no `stale`.
#[tokio::test]
async fn digest_stale_nonce() {
    let server = start().await;
    // The same secret, a nonce made 1000 s ago (the lifetime is 300 s).
    let old = digest_server().challenges(DigestServer::unix_now() - 1000);
    let mut client = DigestClient::new("alice", PASSWORD);
    client.challenge(&old).unwrap();
    let late = client.respond("GET", "/", b"").unwrap();
    let reply = get_with(server.addr, &late).await;
    assert_challenges(&reply, true, false);
    // Basic and Bearer never say stale.
    assert!(!reply.challenges()[2].contains("stale") && !reply.challenges()[3].contains("stale"));

    client.challenge(&reply.challenges()).unwrap();
    let retry = client.respond("GET", "/", b"").unwrap();
    let ok = get_with(server.addr, &retry).await;
    assert_eq!(
        (ok.status, ok.body.as_str()),
        (StatusCode::OK, "Digest alice GET 0")
    );

    let mut wrong = DigestClient::new("alice", "nope");
    wrong.challenge(&old).unwrap();
    let reply = get_with(server.addr, &wrong.respond("GET", "/", b"").unwrap()).await;
    assert_challenges(&reply, false, false);
    // The client sees a refusal, not a stale nonce.
    assert_eq!(
        wrong.challenge(&reply.challenges()),
        Err(DigestClientError::Rejected)
    );
}

/// Two servers with the same Digest secret and one shared nonce store: a
/// request accepted by one is a replay at the other. With `userhash`, the
/// user table finds the user by hash.
#[tokio::test]
async fn shared_nonce_store_and_userhash() {
    let store = Arc::new(MemoryNonceStore::new());
    let make = |store: Arc<MemoryNonceStore>| {
        let mut users = UserTable::new();
        users.add_password("alice", PASSWORD);
        AuthLayer::<String>::builder(REALM)
            .digest(digest_server().userhash(), users)
            .digest_nonce_store(store)
            .finish()
            .unwrap()
    };
    let a = serve(
        Router::new()
            .route("/", any(whoami))
            .layer(make(Arc::clone(&store))),
    )
    .await;
    let b = serve(
        Router::new()
            .route("/", any(whoami))
            .layer(make(Arc::clone(&store))),
    )
    .await;

    let first = send(a.addr, Method::GET, "/", &[], b"").await;
    assert_eq!(first.challenges().len(), 2, "Digest only");
    assert!(first.challenges()[0].ends_with("userhash=true"));
    let mut client = DigestClient::new("alice", PASSWORD);
    client.challenge(&first.challenges()).unwrap();
    let auth = client.respond("GET", "/", b"").unwrap();
    assert!(!auth.contains("alice"), "the name is sent hashed: {auth}");
    let ok = get_with(a.addr, &auth).await;
    assert_eq!(
        (ok.status, ok.body.as_str()),
        (StatusCode::OK, "Digest alice GET 0")
    );
    let replay = get_with(b.addr, &auth).await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
    // The next count is fine at either.
    let next = client.respond("GET", "/", b"").unwrap();
    assert_eq!(get_with(b.addr, &next).await.status, StatusCode::OK);
    assert_eq!(store.len(), 1, "one nonce recorded");
}

/// A user-defined identity, an async Digest lookup, and the proxy form.
#[derive(Clone, Debug, PartialEq)]
struct User {
    id: u64,
    name: String,
}

#[tokio::test]
async fn proxy_form_with_a_custom_identity() {
    let layer = AuthLayer::builder("proxy realm")
        .basic(|c: BasicCredentials| async move {
            c.verify("carol", "pw").then(|| User {
                id: 3,
                name: "carol".into(),
            })
        })
        .digest_lookup(
            DigestServer::with_secret("proxy realm", SECRET),
            |name: String| async move {
                tokio::task::yield_now().await;
                (name == "carol").then(|| {
                    let user = User { id: 3, name };
                    (user, UserSecret::Password("pw".into()))
                })
            },
        )
        .proxy()
        .finish()
        .unwrap();
    let app = Router::new()
        .route(
            "/",
            get(
                |Extension(auth): Extension<Authenticated<User>>| async move {
                    let scheme = match auth.scheme() {
                        AuthScheme::Basic => "basic",
                        AuthScheme::Digest => "digest",
                        _ => "other",
                    };
                    let user = auth.into_identity();
                    format!("{scheme} {} {}", user.id, user.name)
                },
            ),
        )
        .layer(layer);
    let server = serve(app).await;
    let proxy_authz = HeaderName::from_static("proxy-authorization");
    let proxy_authn = HeaderName::from_static("proxy-authenticate");

    let none = send(server.addr, Method::GET, "/", &[], b"").await;
    assert_eq!(none.status, StatusCode::PROXY_AUTHENTICATION_REQUIRED);
    assert!(none.challenges().is_empty(), "no WWW-Authenticate");
    let lines = none.lines(&proxy_authn);
    assert_eq!(lines.len(), 3, "{lines:?}"); // SHA-256, MD5, Basic
    assert!(lines[2].starts_with(r#"Basic realm="proxy realm""#));

    // Authorization is not what a proxy reads.
    let wrong_field = get_with(server.addr, &basic("carol", "pw")).await;
    assert_eq!(
        wrong_field.status,
        StatusCode::PROXY_AUTHENTICATION_REQUIRED
    );

    let b = basic("carol", "pw");
    let ok = send(server.addr, Method::GET, "/", &[(&proxy_authz, &b)], b"").await;
    assert_eq!(
        (ok.status, ok.body.as_str()),
        (StatusCode::OK, "basic 3 carol")
    );

    let mut client = DigestClient::new("carol", "pw");
    client.challenge(&lines).unwrap();
    let d = client.respond("GET", "/", b"").unwrap();
    let ok = send(server.addr, Method::GET, "/", &[(&proxy_authz, &d)], b"").await;
    assert_eq!(
        (ok.status, ok.body.as_str()),
        (StatusCode::OK, "digest 3 carol")
    );
    let info = ok.lines(&HeaderName::from_static("proxy-authentication-info"));
    assert!(client
        .authentication_info(&info[0], b"")
        .unwrap()
        .rspauth_verified());

    // Unknown user through the lookup: 407 again.
    let mut dave = DigestClient::new("dave", "pw");
    dave.challenge(&lines).unwrap();
    let d = dave.respond("GET", "/", b"").unwrap();
    let reply = send(server.addr, Method::GET, "/", &[(&proxy_authz, &d)], b"").await;
    assert_eq!(reply.status, StatusCode::PROXY_AUTHENTICATION_REQUIRED);
}

/// The async Digest lookup runs only for credentials whose nonce, realm
/// and uri the server accepted: forged requests cost no database query.
#[tokio::test]
async fn digest_lookup_runs_only_after_the_nonce_checks() {
    let lookups = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&lookups);
    let layer = AuthLayer::builder(REALM)
        .digest_lookup(digest_server(), move |name: String| {
            counter.fetch_add(1, Ordering::SeqCst);
            async move { (name == "alice").then(|| (name, UserSecret::Password(PASSWORD.into()))) }
        })
        .finish()
        .unwrap();
    let server = serve(Router::new().route("/", any(whoami)).layer(layer)).await;
    let first = send(server.addr, Method::GET, "/", &[], b"").await;

    // A nonce this server never made (another secret): 401, no lookup.
    let mut forged = DigestClient::new("alice", PASSWORD);
    let other = DigestServer::with_secret(REALM, [1; 32])
        .algorithms(&[DigestAlgorithm::Sha256])
        .challenges(DigestServer::unix_now());
    forged.challenge(&other).unwrap();
    let reply = get_with(server.addr, &forged.respond("GET", "/", b"").unwrap()).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    // A uri that is not the request-target: 400, no lookup.
    let mut client = DigestClient::new("alice", PASSWORD);
    client.challenge(&first.challenges()).unwrap();
    let reply = get_with(server.addr, &client.respond("GET", "/x", b"").unwrap()).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(lookups.load(Ordering::SeqCst), 0);

    // Valid: one lookup each, for a known and an unknown user.
    let ok = get_with(server.addr, &client.respond("GET", "/", b"").unwrap()).await;
    assert_eq!(
        (ok.status, ok.body.as_str()),
        (StatusCode::OK, "Digest alice GET 0")
    );
    let mut eve = DigestClient::new("eve", PASSWORD);
    eve.challenge(&first.challenges()).unwrap();
    let reply = get_with(server.addr, &eve.respond("GET", "/", b"").unwrap()).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(lookups.load(Ordering::SeqCst), 2);
}

/// The layer's Debug shows no secret and no verifier.
#[test]
fn debug_shows_no_secret() {
    let text = format!("{:?}", layer());
    assert!(
        text.contains("tower test") && text.contains("basic: true"),
        "{text}"
    );
    assert!(
        !text.contains("[9, 9") && !text.contains(PASSWORD),
        "{text}"
    );
}

// --- curl ------------------------------------------------------------

/// Runs curl (blocking, off the runtime's thread); `None` when curl is not
/// installed. Returns the status code and the body.
async fn curl(args: Vec<String>) -> Option<(u16, String)> {
    tokio::task::spawn_blocking(move || {
        let out = Command::new("curl")
            .args(["-s", "--max-time", "10", "-w", "\n%{http_code}"])
            .args(&args)
            .output()
            .ok()?;
        let text = String::from_utf8(out.stdout).unwrap();
        let (body, code) = text.rsplit_once('\n').unwrap();
        Some((code.parse().unwrap(), body.to_string()))
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn curl_basic_digest_and_bearer() {
    if Command::new("curl").arg("--version").output().is_err() {
        println!("curl is not installed: skipping the curl cases (.ci/run installs it)");
        return;
    }
    let server = start().await;
    let url = format!("http://{}/path/x?a=1", server.addr);
    let cases: [(&[&str], u16, &str); 7] = [
        (
            &["--basic", "-u", "alice:open sesame"],
            200,
            "Basic alice GET 0",
        ),
        (&["--basic", "-u", "alice:open sesamE"], 401, ""),
        (
            &["--digest", "-u", "alice:open sesame"],
            200,
            "Digest alice GET 0",
        ),
        (&["--digest", "-u", "alice:open sesamE"], 401, ""),
        (
            &["--digest", "-u", "alice:open sesame", "--data", "a=1&b=2"],
            200,
            "Digest alice POST 7",
        ),
        (
            &["-H", "Authorization: Bearer t0k3n.for-the-robot"],
            200,
            "Bearer robot GET 0",
        ),
        (&["-H", "Authorization: Basic !!!"], 400, ""),
    ];
    for (args, code, body) in cases {
        let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        all.push(url.clone());
        let got = curl(all).await.expect("curl runs");
        assert_eq!(got, (code, body.to_string()), "curl {args:?}");
    }
}
