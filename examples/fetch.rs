//! A client that answers Basic and Digest challenges.
//!
//! ```text
//! cargo run --example fetch -- --user NAME:PASSWORD [--method METHOD] [--data BODY] URL
//! ```
//!
//! It sends the request (`GET`, or `POST` when `--data` is given and
//! `--method` is not) to an `http://` URL. On a 401 it reads every
//! `WWW-Authenticate` field line as one list, answers the strongest
//! challenge it can (Digest SHA-512-256, SHA-256, MD5, with or without
//! `-sess`, before Basic; never an algorithm the server did not offer) and
//! retries once, once more when the Digest answer gets a new challenge with
//! `stale=true`. After a Digest success it checks `rspauth` in
//! `Authentication-Info` when the server sent one.
//!
//! Redirects are not followed; the body is sent as given (`--data` is not
//! URL-encoded). It uses the `digest` feature, which the crate's
//! dev-dependency on itself turns on for the examples.
//!
//! Output: the final status code alone on the first line of stdout, then
//! the body as received.
//!
//! Exit status: 0 on 2xx; 1 on another status; 2 on bad usage or a
//! transport error; 3 when `rspauth` is wrong (the status and body are
//! still printed).

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::header::{HeaderValue, AUTHORIZATION, WWW_AUTHENTICATE};
use hyper::{HeaderMap, Method, Request, StatusCode, Uri};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
use http_auth_headers::{Challenge, Challenges};

const USAGE: &str = "usage: fetch --user NAME:PASSWORD [--method METHOD] [--data BODY] URL";

/// How long one exchange may take.
const TIMEOUT: Duration = Duration::from_secs(30);

#[path = "common/client_args.rs"]
mod client_args;

struct Args {
    user: String,
    password: String,
    method: Method,
    data: Option<String>,
    url: Uri,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let a = client_args::parse(args, client_args::Repeat::NotTaken)?;
    let url: Uri = a.url.parse().map_err(|e| format!("{}: {e}", a.url))?;
    if url.scheme_str() != Some("http") || url.authority().is_none() {
        return Err(format!("{url}: only http:// URLs are supported"));
    }
    Ok(Args {
        user: a.user,
        password: a.password,
        method: a.method,
        data: a.data,
        url,
    })
}

/// One response, read whole.
struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// How fetch ends.
enum Failure {
    /// Exit 2.
    Transport(String),
    /// Exit 3: the status and body are printed first.
    Rspauth(Box<Reply>, String),
}

struct Fetch {
    client: Client<HttpConnector, Full<Bytes>>,
    args: Args,
}

impl Fetch {
    async fn send(&self, authorization: Option<&str>) -> Result<Reply, Failure> {
        let body = Bytes::from(self.args.data.clone().unwrap_or_default());
        let mut req = Request::builder()
            .method(self.args.method.clone())
            .uri(self.args.url.clone());
        if let Some(a) = authorization {
            let v = HeaderValue::from_str(a)
                .map_err(|e| Failure::Transport(format!("Authorization value: {e}")))?;
            req = req.header(AUTHORIZATION, v);
        }
        let req = req
            .body(Full::new(body))
            .map_err(|e| Failure::Transport(e.to_string()))?;
        let exchange = async {
            let resp = self.client.request(req).await.map_err(|e| e.to_string())?;
            let (parts, body) = resp.into_parts();
            let body = body.collect().await.map_err(|e| e.to_string())?.to_bytes();
            Ok::<_, String>(Reply {
                status: parts.status,
                headers: parts.headers,
                body,
            })
        };
        match tokio::time::timeout(TIMEOUT, exchange).await {
            Ok(Ok(r)) => Ok(r),
            Ok(Err(e)) => Err(Failure::Transport(format!("{}: {e}", self.args.url))),
            Err(_) => Err(Failure::Transport(format!("{}: timed out", self.args.url))),
        }
    }

    /// The request-target the Digest `uri` carries: path and query.
    fn request_target(&self) -> &str {
        self.args.url.path_and_query().map_or("/", |p| p.as_str())
    }

    async fn run(&self) -> Result<Reply, Failure> {
        let first = self.send(None).await?;
        if first.status != StatusCode::UNAUTHORIZED {
            return Ok(first);
        }
        if let Some(mut answer) = digest::Answer::new(&first.headers, self)? {
            let mut reply = self.send(Some(&answer.authorization)).await?;
            // A stale nonce: the password was right; once more with the new one.
            if reply.status == StatusCode::UNAUTHORIZED
                && answer.retry_on_stale(&reply.headers, self)?
            {
                reply = self.send(Some(&answer.authorization)).await?;
            }
            if reply.status.is_success() {
                if let Err(why) = answer.check_info(&reply.headers, &reply.body) {
                    return Err(Failure::Rspauth(Box::new(reply), why));
                }
            }
            return Ok(reply);
        }
        let challenges = read_challenges(&first.headers);
        if challenges
            .iter()
            .any(|c| BasicChallenge::try_from(c).is_ok())
        {
            let creds = BasicCredentials::builder(&self.args.user, &self.args.password)
                .finish()
                .map_err(|e| Failure::Transport(format!("--user: {e}")))?;
            return self.send(Some(&creds)).await;
        }
        eprintln!("fetch: no Basic or Digest challenge this client can answer");
        Ok(first)
    }
}

/// Every challenge of every `WWW-Authenticate` field line, as one list. A
/// syntax error ends the list: the challenges before it are kept.
fn read_challenges(headers: &HeaderMap) -> Vec<Challenge<'static>> {
    let lines: Vec<&HeaderValue> = headers.get_all(WWW_AUTHENTICATE).iter().collect();
    let mut out = Vec::new();
    for c in Challenges::parse_lines(&lines) {
        match c {
            Ok(c) => out.push(c.into_owned()),
            Err(e) => {
                eprintln!("fetch: WWW-Authenticate: {e}");
                break;
            }
        }
    }
    out
}

/// The Digest side: the crate's client picks the challenge, counts nonces
/// and checks `rspauth`.
mod digest {
    use super::*;
    use http_auth_headers::scheme::digest::{DigestClient, DigestClientError};

    pub struct Answer {
        client: DigestClient,
        /// The `Authorization` value for the next request.
        pub authorization: String,
    }

    impl Answer {
        /// Answers the strongest Digest challenge of a 401, if there is one
        /// this client supports.
        pub fn new(headers: &HeaderMap, fetch: &Fetch) -> Result<Option<Self>, Failure> {
            let mut client =
                DigestClient::new(fetch.args.user.as_str(), fetch.args.password.as_str());
            match client.challenge(&field_lines(headers)) {
                Ok(_) => {}
                Err(DigestClientError::NoSupportedChallenge | DigestClientError::Parse(_)) => {
                    return Ok(None)
                }
                Err(e) => return Err(Failure::Transport(e.to_string())),
            }
            let authorization = respond(&mut client, fetch)?;
            Ok(Some(Answer {
                client,
                authorization,
            }))
        }

        /// After a 401 to the credentials: whether to send them once more
        /// (the nonce was stale and the new challenge is adopted).
        pub fn retry_on_stale(
            &mut self,
            headers: &HeaderMap,
            fetch: &Fetch,
        ) -> Result<bool, Failure> {
            match self.client.challenge(&field_lines(headers)) {
                Ok(_) => {
                    self.authorization = respond(&mut self.client, fetch)?;
                    Ok(true)
                }
                // Rejected (wrong password), stale again, or nothing to answer.
                Err(_) => Ok(false),
            }
        }

        /// Checks `rspauth` in `Authentication-Info`, when the server sent one.
        pub fn check_info(&mut self, headers: &HeaderMap, body: &[u8]) -> Result<(), String> {
            let lines = headers
                .get_all("authentication-info")
                .iter()
                .map(|v| v.as_bytes())
                .collect::<Vec<_>>();
            if lines.is_empty() {
                return Ok(());
            }
            let value = lines.join(&b", "[..]);
            self.client
                .authentication_info(&value, body)
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
    }

    fn respond(client: &mut DigestClient, fetch: &Fetch) -> Result<String, Failure> {
        let body = fetch.args.data.as_deref().unwrap_or_default();
        client
            .respond(
                fetch.args.method.as_str(),
                fetch.request_target(),
                body.as_bytes(),
            )
            .map_err(|e| Failure::Transport(format!("answering the Digest challenge: {e}")))
    }

    fn field_lines(headers: &HeaderMap) -> Vec<&[u8]> {
        headers
            .get_all(WWW_AUTHENTICATE)
            .iter()
            .map(|v| v.as_bytes())
            .collect()
    }
}

fn print(reply: &Reply) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", reply.status.as_u16());
    let _ = out.write_all(&reply.body);
    let _ = out.flush();
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(&args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("fetch: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("fetch: starting the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let fetch = Fetch {
        client: Client::builder(TokioExecutor::new()).build_http(),
        args,
    };
    match runtime.block_on(fetch.run()) {
        Ok(reply) => {
            print(&reply);
            if reply.status.is_success() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(Failure::Transport(e)) => {
            eprintln!("fetch: {e}");
            ExitCode::from(2)
        }
        Err(Failure::Rspauth(reply, why)) => {
            print(&reply);
            eprintln!("fetch: the server did not prove it knows the password: {why}");
            ExitCode::from(3)
        }
    }
}
