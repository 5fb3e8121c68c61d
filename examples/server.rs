//! A test server that authenticates with Basic, Bearer and Digest.
//!
//! ```text
//! cargo run --example server -- [--addr 127.0.0.1:8080] [--realm REALM]
//!     [--user NAME:PASSWORD]... [--token TOKEN]...
//!     [--algorithm MD5|SHA-256|SHA-512-256|MD5-sess|SHA-256-sess|SHA-512-256-sess]...
//!     [--nonce-lifetime SECONDS]
//! ```
//!
//! It uses the `digest` feature, which the crate's dev-dependency on itself
//! turns on for the examples.
//!
//! It prints `listening on http://ADDR` once it accepts connections (port 0
//! picks a free port and prints it). Routes, any method, the body is read:
//!
//! | route | accepts | 401 offers |
//! |---|---|---|
//! | `/basic` | Basic | `Basic realm="REALM", charset="UTF-8"` |
//! | `/digest` | Digest | one Digest challenge per `--algorithm`, each on its own field line, strongest first, qop `auth, auth-int` (default algorithms SHA-512-256, SHA-256, MD5) |
//! | `/bearer` | Bearer | `Bearer realm="REALM"` |
//! | `/any` | all three | all of the above |
//!
//! Digest verification is the crate's `DigestServer`: stateless HMAC
//! nonces (a random secret per run, so a restart invalidates them), the
//! `uri` checked against the request-target, replays refused through an
//! in-memory nonce-count window; `--user` passwords are its user table.
//!
//! - Success: 200, body `hello NAME\n` (`hello bearer\n` for a token);
//!   Digest adds `Authentication-Info` with `rspauth`.
//! - Missing or wrong credentials, or a scheme the route does not take:
//!   401 with the route's challenges (the Bearer one with
//!   `error="invalid_token"` after a wrong token); an expired nonce whose
//!   response is right: 401 with `stale=true`.
//! - A malformed `Authorization` field (bad syntax, several field lines,
//!   Basic that is not base64 of `user:password`, Bearer without a token,
//!   Digest missing a required param or whose `uri` is not the
//!   request-target): 400. Any other path: 404.
//!
//! Exit status: 2 on bad usage; otherwise it runs until killed.
//!
//! This is a demo: passwords live in memory and are compared in constant
//! time; a real server stores password hashes (or `htdigest` H(A1) values)
//! and rate-limits failures.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE, WWW_AUTHENTICATE};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
use http_auth_headers::scheme::bearer::{BearerChallenge, BearerCredentials};
use http_auth_headers::Credentials;

const USAGE: &str =
    "usage: server [--addr 127.0.0.1:8080] [--realm REALM] [--user NAME:PASSWORD]... \
[--token TOKEN]... [--algorithm MD5|SHA-256|SHA-512-256|MD5-sess|SHA-256-sess|SHA-512-256-sess]... \
[--nonce-lifetime SECONDS]";

/// The largest request body read; a longer one gets 413.
const MAX_BODY: usize = 1 << 20;

/// What the command line configured.
#[path = "common/server_args.rs"]
mod server_args;
use server_args::ServerArgs as Config;

/// The schemes a route accepts.
#[derive(Clone, Copy)]
struct Route {
    basic: bool,
    digest: bool,
    bearer: bool,
}

fn route(path: &str) -> Option<Route> {
    let (basic, digest, bearer) = match path {
        "/basic" => (true, false, false),
        "/digest" => (false, true, false),
        "/bearer" => (false, false, true),
        "/any" => (true, true, true),
        _ => return None,
    };
    Some(Route {
        basic,
        digest,
        bearer,
    })
}

/// The server's state, shared by all connections.
struct Server {
    basic_challenge: HeaderValue,
    bearer_challenge: HeaderValue,
    bearer_invalid_token: HeaderValue,
    users: Vec<(String, String)>,
    tokens: Vec<String>,
    digest: digest::Verifier,
}

/// Why a request gets a 401: what to add to the challenges, and what to log.
#[derive(Default)]
struct Unauthorized {
    invalid_token: bool,
    stale: bool,
    reason: String,
}

impl Unauthorized {
    fn because(reason: impl Into<String>) -> Self {
        Unauthorized {
            reason: reason.into(),
            ..Unauthorized::default()
        }
    }
}

/// What checking the `Authorization` field gave.
enum Outcome {
    Ok {
        name: String,
        auth_info: Option<HeaderValue>,
    },
    Unauthorized(Unauthorized),
    BadRequest(String),
}

impl Server {
    fn new(config: &Config) -> Result<Self, String> {
        let header = |v: String| HeaderValue::try_from(v).map_err(|e| e.to_string());
        let basic = BasicChallenge::builder(&config.realm)
            .charset_utf8()
            .finish()
            .map_err(|e| e.to_string())?;
        let bearer = BearerChallenge::builder()
            .realm(&config.realm)
            .finish()
            .map_err(|e| e.to_string())?;
        let invalid = BearerChallenge::builder()
            .realm(&config.realm)
            .error("invalid_token")
            .finish()
            .map_err(|e| e.to_string())?;
        Ok(Server {
            basic_challenge: header(basic)?,
            bearer_challenge: header(bearer)?,
            bearer_invalid_token: header(invalid)?,
            users: config.users.clone(),
            tokens: config.tokens.clone(),
            digest: digest::Verifier::new(config)?,
        })
    }

    async fn handle(&self, req: Request<Incoming>) -> Response<Full<Bytes>> {
        let Some(route) = route(req.uri().path()) else {
            return text(StatusCode::NOT_FOUND, "not found\n");
        };
        let (parts, body) = req.into_parts();
        let body = match Limited::new(body, MAX_BODY).collect().await {
            Ok(b) => b.to_bytes(),
            Err(e) if e.is::<http_body_util::LengthLimitError>() => {
                return text(StatusCode::PAYLOAD_TOO_LARGE, "body too large\n")
            }
            Err(e) => return text(StatusCode::BAD_REQUEST, &format!("reading the body: {e}\n")),
        };
        let lines: Vec<&HeaderValue> = parts.headers.get_all(AUTHORIZATION).iter().collect();
        let outcome = if lines.is_empty() {
            Outcome::Unauthorized(Unauthorized::because("no credentials"))
        } else {
            self.check(route, &lines, &parts, &body)
        };
        // One line per request on stderr (never a secret), for the logs
        // the interop script prints when a case fails.
        let detail = match &outcome {
            Outcome::Ok { name, .. } => format!("user {name}"),
            Outcome::Unauthorized(why) => why.reason.clone(),
            Outcome::BadRequest(why) => why.clone(),
        };
        let resp = match outcome {
            Outcome::Ok { name, auth_info } => {
                let mut resp = text(StatusCode::OK, &format!("hello {name}\n"));
                if let Some(info) = auth_info {
                    resp.headers_mut().insert("authentication-info", info);
                }
                resp
            }
            Outcome::Unauthorized(why) => self.unauthorized(route, why),
            Outcome::BadRequest(why) => text(StatusCode::BAD_REQUEST, &format!("{why}\n")),
        };
        eprintln!(
            "server: {} {} -> {}: {detail}",
            parts.method,
            parts.uri,
            resp.status().as_u16()
        );
        resp
    }

    /// Checks the `Authorization` field lines against the route.
    fn check(
        &self,
        route: Route,
        lines: &[&HeaderValue],
        parts: &hyper::http::request::Parts,
        body: &[u8],
    ) -> Outcome {
        let credentials = match Credentials::parse_lines(&lines) {
            Ok(c) => c,
            Err(e) => return Outcome::BadRequest(format!("malformed Authorization: {e}")),
        };
        if credentials.is_scheme("Basic") && route.basic {
            let basic = match BasicCredentials::try_from(&credentials) {
                Ok(b) => b,
                Err(e) => return Outcome::BadRequest(format!("malformed Basic credentials: {e}")),
            };
            // Every user is checked, so the time does not tell which name exists.
            let mut found = None;
            for (name, password) in &self.users {
                if basic.verify(name, password) {
                    found = Some(name.clone());
                }
            }
            return match found {
                Some(name) => Outcome::Ok {
                    name,
                    auth_info: None,
                },
                None => {
                    Outcome::Unauthorized(Unauthorized::because("Basic: wrong user or password"))
                }
            };
        }
        if credentials.is_scheme("Bearer") && route.bearer {
            let bearer = match BearerCredentials::try_from(&credentials) {
                Ok(b) => b,
                Err(e) => return Outcome::BadRequest(format!("malformed Bearer credentials: {e}")),
            };
            let mut found = false;
            for token in &self.tokens {
                found |= bearer.token_matches(token);
            }
            return if found {
                Outcome::Ok {
                    name: "bearer".into(),
                    auth_info: None,
                }
            } else {
                Outcome::Unauthorized(Unauthorized {
                    invalid_token: true,
                    stale: false,
                    reason: "Bearer: unknown token".into(),
                })
            };
        }
        if credentials.is_scheme("Digest") && route.digest {
            return self.digest.check(&credentials, parts, body);
        }
        // A scheme this route does not take: ask for one it does.
        Outcome::Unauthorized(Unauthorized::because(format!(
            "{} is not accepted here",
            credentials.scheme()
        )))
    }

    /// The 401 with the route's challenges, each on its own field line.
    fn unauthorized(&self, route: Route, why: Unauthorized) -> Response<Full<Bytes>> {
        let mut resp = text(StatusCode::UNAUTHORIZED, "unauthorized\n");
        let headers = resp.headers_mut();
        if route.digest {
            match self.digest.challenges(why.stale) {
                Ok(challenges) => {
                    for c in challenges {
                        headers.append(WWW_AUTHENTICATE, c);
                    }
                }
                Err(e) => eprintln!("server: writing the Digest challenges: {e}"),
            }
        }
        if route.basic {
            headers.append(WWW_AUTHENTICATE, self.basic_challenge.clone());
        }
        if route.bearer {
            let bearer = if why.invalid_token {
                &self.bearer_invalid_token
            } else {
                &self.bearer_challenge
            };
            headers.append(WWW_AUTHENTICATE, bearer.clone());
        }
        resp
    }
}

fn text(status: StatusCode, body: &str) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from(body.to_owned())));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    resp
}

/// The Digest side: the crate's stateless verifier, a user table made from
/// `--user`, and an in-memory nonce-count store against replays.
mod digest {
    use super::*;
    use http_auth_headers::scheme::digest::{
        DigestRequest, DigestServer, MemoryNonceStore, Qop, UserTable,
    };

    pub struct Verifier {
        server: DigestServer,
        users: UserTable,
        store: MemoryNonceStore,
    }

    impl Verifier {
        pub fn new(config: &Config) -> Result<Self, String> {
            let server = DigestServer::new(config.realm.as_str())
                .map_err(|e| format!("making the nonce secret: {e}"))?
                .algorithms(&config.algorithms)
                .qop(&[Qop::AUTH, Qop::AUTH_INT])
                .nonce_lifetime(config.nonce_lifetime.as_secs());
            let mut users = UserTable::new();
            for (name, password) in &config.users {
                users.add_password(name.as_str(), password.as_str());
            }
            Ok(Verifier {
                server,
                users,
                store: MemoryNonceStore::new(),
            })
        }

        /// One challenge per algorithm, strongest first.
        pub fn challenges(&self, stale: bool) -> Result<Vec<HeaderValue>, String> {
            let now = DigestServer::unix_now();
            let lines = if stale {
                self.server.stale_challenges(now)
            } else {
                self.server.challenges(now)
            };
            lines
                .into_iter()
                .map(|c| HeaderValue::try_from(c).map_err(|e| e.to_string()))
                .collect()
        }

        pub fn check(
            &self,
            credentials: &Credentials<'_>,
            parts: &hyper::http::request::Parts,
            body: &[u8],
        ) -> Outcome {
            // The request-target as received: origin-form (path and query)
            // for the requests this server gets.
            let target = parts
                .uri
                .path_and_query()
                .map_or(parts.uri.path(), |p| p.as_str());
            let request = DigestRequest::new(parts.method.as_str(), target).body(body);
            let now = DigestServer::unix_now();
            match self.server.verify_credentials(
                credentials,
                &request,
                &self.users,
                &self.store,
                now,
            ) {
                Ok(verified) => {
                    let name = verified.username().to_owned();
                    let reply = format!("hello {name}\n");
                    let auth_info =
                        HeaderValue::try_from(verified.authentication_info(reply.as_bytes())).ok();
                    Outcome::Ok { name, auth_info }
                }
                Err(e) if e.status() == 400 => Outcome::BadRequest(format!("Digest: {e}")),
                Err(e) => Outcome::Unauthorized(Unauthorized {
                    invalid_token: false,
                    stale: e.is_stale(),
                    reason: format!("Digest: {e}"),
                }),
            }
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let config = match server_args::parse(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("server: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let server = match Server::new(&config) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!("server: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("server: starting the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(config.addr, server)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("server: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(addr: SocketAddr, server: Arc<Server>) -> std::io::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(s) => s,
            Err(e) => {
                // Out of file descriptors and the like: wait and go on.
                eprintln!("server: accept: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let server = Arc::clone(&server);
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let server = Arc::clone(&server);
                async move { Ok::<_, Infallible>(server.handle(req).await) }
            });
            if let Err(e) = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await
            {
                eprintln!("server: connection: {e}");
            }
        });
    }
}
