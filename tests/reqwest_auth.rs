//! The `reqwest` feature against a real server on 127.0.0.1: hyper 1 with
//! the crate's `DigestServer`, started by each test and stopped at its end.
//! The server records every request it sees (its credentials and the
//! status it answered), and the tests assert on what went over the wire.
#![cfg(feature = "reqwest")]

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, AUTHORIZATION, WWW_AUTHENTICATE};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use http_auth_headers::reqwest_auth::{AuthError, Authenticator, RequestBuilderExt};
use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
use http_auth_headers::scheme::digest::{
    DigestAlgorithm, DigestClientError, DigestCredentials, DigestRequest, DigestServer,
    MemoryNonceStore, Qop, UserTable,
};
use http_auth_headers::Credentials;

const USER: &str = "alice";
const PASSWORD: &str = "open sesame";
const REALM: &str = "test realm";

/// One request as the server saw it.
#[derive(Clone, Debug, PartialEq)]
struct Seen {
    method: String,
    path: String,
    /// The scheme of the `Authorization` field, if any.
    scheme: Option<String>,
    /// Digest: the `nc`, `algorithm` and `qop` sent.
    nc: Option<String>,
    algorithm: Option<DigestAlgorithm>,
    qop: Option<String>,
    body: Vec<u8>,
    status: u16,
}

/// What the test server accepts and how it misbehaves.
#[derive(Default)]
struct Config {
    basic: bool,
    /// Digest algorithms offered (none: Digest is not offered).
    digest: Vec<DigestAlgorithm>,
    qop: Vec<Qop<'static>>,
    /// A challenge field line sent as is, in front of the others.
    raw_challenge: Option<&'static str>,
    /// How many right Digest answers get a `stale=true` 401 instead of 200.
    stale: usize,
    /// Send a wrong `rspauth`.
    bad_rspauth: bool,
}

struct State {
    config: Config,
    /// Can be changed while the server runs (the downgrade test).
    algorithms: Mutex<Vec<DigestAlgorithm>>,
    secret: [u8; 32],
    store: MemoryNonceStore,
    users: UserTable,
    stale_left: AtomicUsize,
    seen: Mutex<Vec<Seen>>,
}

struct TestServer {
    url: String,
    state: Arc<State>,
    task: JoinHandle<()>,
}

impl TestServer {
    async fn start(config: Config) -> TestServer {
        let mut users = UserTable::new();
        users.add_password(USER, PASSWORD);
        let mut secret = [0u8; 32];
        secret[..8].copy_from_slice(&0x5eed_u64.to_le_bytes());
        let state = Arc::new(State {
            algorithms: Mutex::new(config.digest.clone()),
            stale_left: AtomicUsize::new(config.stale),
            config,
            secret,
            store: MemoryNonceStore::new(),
            users,
            seen: Mutex::new(Vec::new()),
        });
        let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let shared = Arc::clone(&state);
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let state = Arc::clone(&shared);
                tokio::spawn(async move {
                    let service = service_fn(move |req| {
                        let state = Arc::clone(&state);
                        async move { Ok::<_, Infallible>(handle(&state, req).await) }
                    });
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        TestServer { url, state, task }
    }

    fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    fn statuses(&self) -> Vec<u16> {
        self.seen().iter().map(|s| s.status).collect()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn digest_server(state: &State) -> DigestServer {
    DigestServer::with_secret(REALM, state.secret)
        .algorithms(&state.algorithms.lock().unwrap())
        .qop(if state.config.qop.is_empty() {
            &[Qop::AUTH]
        } else {
            &state.config.qop
        })
}

fn text(status: StatusCode, body: &str) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from(body.to_owned())));
    *resp.status_mut() = status;
    resp
}

async fn handle(state: &State, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let (parts, body) = req.into_parts();
    let body = body.collect().await.unwrap().to_bytes();
    let target = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let mut seen = Seen {
        method: parts.method.to_string(),
        path: target.to_owned(),
        scheme: None,
        nc: None,
        algorithm: None,
        qop: None,
        body: body.to_vec(),
        status: 0,
    };
    let server = digest_server(state);
    let now = DigestServer::unix_now();
    let mut stale = false;
    let authorization = parts.headers.get(AUTHORIZATION).map(HeaderValue::as_bytes);
    let resp = 'answer: {
        let Some(value) = authorization else {
            break 'answer None;
        };
        let creds = Credentials::parse(value).unwrap();
        seen.scheme = Some(creds.scheme().to_string());
        if creds.is_scheme("Basic") && state.config.basic {
            let basic = BasicCredentials::try_from(&creds).unwrap();
            if basic.verify(USER, PASSWORD) {
                break 'answer Some(text(StatusCode::OK, "hello alice\n"));
            }
        }
        if creds.is_scheme("Digest") && !state.config.digest.is_empty() {
            let d = DigestCredentials::try_from(&creds).unwrap();
            seen.nc = d.nc().map(|nc| nc.to_string());
            seen.algorithm = DigestAlgorithm::from_algorithm(d.algorithm());
            seen.qop = d.qop().map(|q| q.to_string());
            let request = DigestRequest::new(parts.method.as_str(), target).body(&body);
            match server.verify_credentials(&creds, &request, &state.users, &state.store, now) {
                Ok(_)
                    if state
                        .stale_left
                        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                        .is_ok() =>
                {
                    stale = true;
                }
                Ok(verified) => {
                    let reply = "hello alice\n";
                    let mut info = verified.authentication_info(reply.as_bytes());
                    if state.config.bad_rspauth {
                        let start = info.find("rspauth=\"").unwrap() + 9;
                        let end = start + info[start..].find('"').unwrap();
                        info.replace_range(start..end, &"0".repeat(end - start));
                    }
                    let mut resp = text(StatusCode::OK, reply);
                    resp.headers_mut()
                        .insert("authentication-info", HeaderValue::try_from(info).unwrap());
                    break 'answer Some(resp);
                }
                Err(e) => stale = e.is_stale(),
            }
        }
        None
    };
    let resp = resp.unwrap_or_else(|| {
        let mut resp = text(StatusCode::UNAUTHORIZED, "unauthorized\n");
        let headers = resp.headers_mut();
        if let Some(raw) = state.config.raw_challenge {
            headers.append(WWW_AUTHENTICATE, HeaderValue::from_static(raw));
        }
        if !state.config.digest.is_empty() {
            let lines = if stale {
                server.stale_challenges(now)
            } else {
                server.challenges(now)
            };
            for line in lines {
                headers.append(WWW_AUTHENTICATE, HeaderValue::try_from(line).unwrap());
            }
        }
        if state.config.basic {
            let basic = BasicChallenge::builder(REALM).finish().unwrap();
            headers.append(WWW_AUTHENTICATE, HeaderValue::try_from(basic).unwrap());
        }
        resp
    });
    seen.status = resp.status().as_u16();
    state.seen.lock().unwrap().push(seen);
    resp
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

fn digest(algorithms: &[DigestAlgorithm]) -> Config {
    Config {
        digest: algorithms.to_vec(),
        ..Config::default()
    }
}

#[tokio::test]
async fn basic_answers_a_basic_challenge_then_goes_out_at_once() {
    let server = TestServer::start(Config {
        basic: true,
        ..Config::default()
    })
    .await;
    let auth = Authenticator::new(USER, PASSWORD);
    let client = client();
    let resp = client
        .get(format!("{}/a", server.url))
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.text().await.unwrap(), "hello alice\n");
    // The origin asked for Basic: the next request carries it at once.
    let resp = client
        .get(format!("{}/b", server.url))
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let seen = server.seen();
    assert_eq!(server.statuses(), [401, 200, 200]);
    assert_eq!(seen[0].scheme, None);
    assert_eq!(seen[1].scheme.as_deref(), Some("Basic"));
    assert_eq!(seen[2].scheme.as_deref(), Some("Basic"));
    assert_eq!(seen[2].path, "/b");
}

#[tokio::test]
async fn basic_preemptive_only_when_asked() {
    let server = TestServer::start(Config {
        basic: true,
        ..Config::default()
    })
    .await;
    let auth = Authenticator::new(USER, PASSWORD).basic_preemptive();
    let resp = client()
        .get(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(server.statuses(), [200]);
    assert_eq!(server.seen()[0].scheme.as_deref(), Some("Basic"));
}

#[tokio::test]
async fn basic_wrong_password_gets_the_final_401() {
    let server = TestServer::start(Config {
        basic: true,
        ..Config::default()
    })
    .await;
    let auth = Authenticator::new(USER, "open sesamE");
    let resp = client()
        .get(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(server.statuses(), [401, 401]);
}

#[tokio::test]
async fn digest_md5() {
    let server = TestServer::start(digest(&[DigestAlgorithm::Md5])).await;
    let auth = Authenticator::new(USER, PASSWORD);
    let resp = client()
        .get(format!("{}/dir/index.html?q=1&r=%20", server.url))
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.text().await.unwrap(), "hello alice\n");
    let seen = server.seen();
    assert_eq!(server.statuses(), [401, 200]);
    assert_eq!(seen[1].scheme.as_deref(), Some("Digest"));
    assert_eq!(seen[1].algorithm, Some(DigestAlgorithm::Md5));
    assert_eq!(seen[1].nc.as_deref(), Some("00000001"));
    assert_eq!(seen[1].path, "/dir/index.html?q=1&r=%20");
}

#[tokio::test]
async fn digest_sha256_is_picked_over_md5_and_a_post_body_is_sent_again() {
    // Two field lines, MD5 first: the client takes the strongest.
    let server = TestServer::start(digest(&[DigestAlgorithm::Md5, DigestAlgorithm::Sha256])).await;
    let auth = Authenticator::new(USER, PASSWORD);
    let resp = client()
        .post(format!("{}/post", server.url))
        .body("a=1&b=2")
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let seen = server.seen();
    assert_eq!(server.statuses(), [401, 200]);
    assert_eq!(seen[1].algorithm, Some(DigestAlgorithm::Sha256));
    assert_eq!(seen[1].method, "POST");
    assert_eq!(seen[0].body, b"a=1&b=2");
    assert_eq!(seen[1].body, b"a=1&b=2");
}

#[tokio::test]
async fn digest_auth_int_hashes_both_bodies() {
    // qop=auth-int only: the request body is in the response hash and the
    // response body in rspauth; the body read for the check is still there.
    let server = TestServer::start(Config {
        qop: vec![Qop::AUTH_INT],
        ..digest(&[DigestAlgorithm::Sha256])
    })
    .await;
    let auth = Authenticator::new(USER, PASSWORD);
    let client = client();
    for _ in 0..2 {
        let resp = client
            .put(format!("{}/int", server.url))
            .body("payload")
            .send_with_auth(&auth)
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.text().await.unwrap(), "hello alice\n");
    }
    let seen = server.seen();
    assert_eq!(server.statuses(), [401, 200, 200]);
    assert_eq!(seen[1].qop.as_deref(), Some("auth-int"));
    assert_eq!(seen[2].nc.as_deref(), Some("00000002"));
}

#[tokio::test]
async fn digest_stale_nonce_is_retried_once() {
    let server = TestServer::start(Config {
        stale: 1,
        ..digest(&[DigestAlgorithm::Sha256])
    })
    .await;
    let auth = Authenticator::new(USER, PASSWORD);
    let resp = client()
        .get(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let seen = server.seen();
    assert_eq!(server.statuses(), [401, 401, 200]);
    // The retry answers the new nonce: its count starts again at 1.
    assert_eq!(seen[1].nc.as_deref(), Some("00000001"));
    assert_eq!(seen[2].nc.as_deref(), Some("00000001"));
}

#[tokio::test]
async fn digest_stale_forever_is_bounded() {
    let server = TestServer::start(Config {
        stale: usize::MAX,
        ..digest(&[DigestAlgorithm::Sha256])
    })
    .await;
    let auth = Authenticator::new(USER, PASSWORD);
    let resp = client()
        .get(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(server.statuses(), [401, 401, 401]);
}

#[tokio::test]
async fn digest_second_request_goes_out_at_once_with_the_next_count() {
    let server = TestServer::start(digest(&[DigestAlgorithm::Sha256])).await;
    let auth = Authenticator::new(USER, PASSWORD);
    let client = client();
    for path in ["/one", "/two", "/three"] {
        let resp = client
            .get(format!("{}{path}", server.url))
            .send_with_auth(&auth)
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
    }
    let seen = server.seen();
    // One 401, the first time only.
    assert_eq!(server.statuses(), [401, 200, 200, 200]);
    let ncs: Vec<_> = seen.iter().map(|s| s.nc.as_deref()).collect();
    assert_eq!(
        ncs,
        [None, Some("00000001"), Some("00000002"), Some("00000003")]
    );
    assert_eq!(seen[3].path, "/three");
}

#[tokio::test]
async fn digest_concurrent_requests_share_the_nonce() {
    let server = TestServer::start(digest(&[DigestAlgorithm::Sha256])).await;
    let auth = Authenticator::new(USER, PASSWORD);
    let client = client();
    let first = client.get(&server.url).send_with_auth(&auth).await.unwrap();
    assert_eq!(first.status(), 200);
    // The future is Send: it can be spawned.
    let tasks: Vec<_> = (0..4)
        .map(|_| tokio::spawn(client.get(&server.url).send_with_auth(&auth)))
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap().status(), 200);
    }
    let mut ncs: Vec<_> = server.seen()[2..]
        .iter()
        .map(|s| s.nc.clone().unwrap())
        .collect();
    ncs.sort();
    assert_eq!(ncs, ["00000002", "00000003", "00000004", "00000005"]);
    assert_eq!(server.statuses().iter().filter(|s| **s == 401).count(), 1);
}

#[tokio::test]
async fn digest_wrong_rspauth_is_an_error() {
    let server = TestServer::start(Config {
        bad_rspauth: true,
        ..digest(&[DigestAlgorithm::Md5])
    })
    .await;
    let auth = Authenticator::new(USER, PASSWORD);
    let err = client()
        .get(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap_err();
    assert!(
        matches!(err, AuthError::Digest(DigestClientError::RspauthMismatch)),
        "{err:?}"
    );
    assert_eq!(server.statuses(), [401, 200]);
    assert!(!err.to_string().contains(PASSWORD));
    assert!(!format!("{err:?}").contains(PASSWORD));
}

#[tokio::test]
async fn digest_wrong_password_gets_the_final_401() {
    let server = TestServer::start(digest(&[DigestAlgorithm::Sha256])).await;
    let auth = Authenticator::new(USER, "open sesamE");
    let resp = client()
        .get(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(resp.text().await.unwrap(), "unauthorized\n");
    assert_eq!(server.statuses(), [401, 401]);
    // Nothing was remembered: the next request waits for a challenge.
    let resp = client()
        .get(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(server.seen()[2].scheme, None);
}

#[tokio::test]
async fn streaming_body_without_known_credentials_is_an_error_and_nothing_is_sent() {
    let server = TestServer::start(digest(&[DigestAlgorithm::Sha256])).await;
    let auth = Authenticator::new(USER, PASSWORD);
    let stream = reqwest::Body::wrap(Full::new(Bytes::from_static(b"streamed")));
    let err = client()
        .post(&server.url)
        .body(stream)
        .send_with_auth(&auth)
        .await
        .unwrap_err();
    assert!(matches!(err, AuthError::StreamingBody), "{err:?}");
    assert!(err.to_string().contains("cannot be sent again"));
    assert!(server.seen().is_empty());
}

#[tokio::test]
async fn streaming_body_goes_out_with_known_digest_credentials() {
    let server = TestServer::start(digest(&[DigestAlgorithm::Sha256])).await;
    let auth = Authenticator::new(USER, PASSWORD);
    let client = client();
    let resp = client
        .head(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let stream = reqwest::Body::wrap(Full::new(Bytes::from_static(b"streamed")));
    let resp = client
        .post(&server.url)
        .body(stream)
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let seen = server.seen();
    assert_eq!(server.statuses(), [401, 200, 200]);
    assert_eq!(seen[2].body, b"streamed");
    assert_eq!(seen[2].nc.as_deref(), Some("00000002"));
}

#[tokio::test]
async fn basic_is_never_sent_to_a_digest_only_challenge() {
    // A Digest challenge this client cannot compute, and no Basic one.
    let server = TestServer::start(Config {
        raw_challenge: Some(r#"Digest realm="test realm", nonce="n", algorithm=SHA3, qop="auth""#),
        ..Config::default()
    })
    .await;
    let auth = Authenticator::new(USER, PASSWORD);
    let resp = client()
        .get(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(server.statuses(), [401]);
}

#[tokio::test]
async fn digest_is_preferred_over_basic() {
    let server = TestServer::start(Config {
        basic: true,
        ..digest(&[DigestAlgorithm::Md5])
    })
    .await;
    let auth = Authenticator::new(USER, PASSWORD);
    let resp = client()
        .get(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(server.seen()[1].scheme.as_deref(), Some("Digest"));
}

#[tokio::test]
async fn a_weaker_algorithm_later_is_a_downgrade() {
    let server = TestServer::start(digest(&[DigestAlgorithm::Sha256])).await;
    let auth = Authenticator::new(USER, PASSWORD);
    let client = client();
    let resp = client.get(&server.url).send_with_auth(&auth).await.unwrap();
    assert_eq!(resp.status(), 200);
    // Now the server (or someone in the middle) offers only MD5.
    *server.state.algorithms.lock().unwrap() = vec![DigestAlgorithm::Md5];
    let err = client
        .get(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            AuthError::Downgrade {
                was: DigestAlgorithm::Sha256
            }
        ),
        "{err:?}"
    );
    // The remembered SHA-256 answer was refused; no MD5 answer was sent.
    let seen = server.seen();
    assert_eq!(server.statuses(), [401, 200, 401]);
    assert_eq!(seen[2].algorithm, Some(DigestAlgorithm::Sha256));
    // After forget_all, MD5 is answered.
    auth.forget_all();
    let resp = client.get(&server.url).send_with_auth(&auth).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(server.seen()[4].algorithm, Some(DigestAlgorithm::Md5));
}

#[tokio::test]
async fn debug_shows_no_password() {
    let server = TestServer::start(digest(&[DigestAlgorithm::Md5])).await;
    let auth = Authenticator::new(USER, PASSWORD);
    client()
        .get(&server.url)
        .send_with_auth(&auth)
        .await
        .unwrap();
    let debug = format!("{auth:?}");
    assert!(debug.contains("origins: 1"), "{debug}");
    assert!(!debug.contains(PASSWORD), "{debug}");
}
