//! A reqwest client that answers Basic and Digest challenges, through the
//! crate's `reqwest` feature (`Authenticator` and `send_with_auth`).
//!
//! ```text
//! cargo run --example reqwest_digest -- --user NAME:PASSWORD [--method METHOD] [--data BODY] [--repeat N] URL
//! ```
//!
//! It sends the request N times (default 1, at most 1000) with one client
//! and one `Authenticator`: the first gets the server's challenge and is
//! sent again with credentials; the later ones carry credentials at once
//! (Digest: the same nonce, the next nonce count, a fresh cnonce). The
//! method is `GET`, or `POST` when `--data` is given and `--method` is not;
//! the body is sent as given. `http://` URLs (the example's reqwest has no
//! TLS backend); redirects are not followed.
//!
//! Output, on stdout, for each request in order:
//!
//! ```text
//! HTTP/1.1 200 OK
//! BODY
//! ```
//!
//! the status line (version, code, reason phrase; the reason is the
//! standard one for the code; for an unknown code the line ends after the
//! code), then the body as
//! received, followed by a newline when it does not end with one (an empty
//! body prints an empty line). After a request that fails (see below),
//! nothing more is sent.
//!
//! Exit status: 0 when every response was 2xx; 1 when one was not (a 401
//! after the retries, say; all N are still sent); 2 on bad usage or a
//! transport error (message on stderr); 3 when the server's `rspauth` is
//! wrong (message on stderr, nothing printed for that request).

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use http_auth_headers::reqwest_auth::{AuthError, Authenticator, RequestBuilderExt};
use http_auth_headers::scheme::digest::DigestClientError;
use reqwest::{Method, Url};

const USAGE: &str =
    "usage: reqwest_digest --user NAME:PASSWORD [--method METHOD] [--data BODY] [--repeat N] URL";

#[path = "common/client_args.rs"]
mod client_args;

struct Args {
    user: String,
    password: String,
    method: Method,
    data: Option<String>,
    repeat: u32,
    url: Url,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let a = client_args::parse(args, client_args::Repeat::Taken)?;
    let url = Url::parse(&a.url).map_err(|e| format!("{}: {e}", a.url))?;
    if url.scheme() != "http" {
        return Err(format!("{url}: only http:// URLs are supported"));
    }
    Ok(Args {
        user: a.user,
        password: a.password,
        method: a.method,
        data: a.data,
        repeat: a.repeat.unwrap_or(1),
        url,
    })
}

/// Sends the requests; prints each response. Returns the exit status.
async fn run(args: &Args) -> u8 {
    let client = match reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("reqwest_digest: building the client: {e}");
            return 2;
        }
    };
    let auth = Authenticator::new(args.user.as_str(), args.password.as_str());
    let mut all_ok = true;
    let mut out = std::io::stdout().lock();
    for _ in 0..args.repeat {
        let mut request = client.request(args.method.clone(), args.url.clone());
        if let Some(data) = &args.data {
            request = request.body(data.clone());
        }
        let response = match request.send_with_auth(&auth).await {
            Ok(r) => r,
            Err(AuthError::Digest(DigestClientError::RspauthMismatch)) => {
                eprintln!("reqwest_digest: the server did not prove it knows the password (wrong rspauth)");
                return 3;
            }
            Err(e) => {
                eprintln!("reqwest_digest: {}: {e}", args.url);
                return 2;
            }
        };
        let status = response.status();
        let version = response.version();
        let body = match response.bytes().await {
            Ok(b) => b,
            Err(e) => {
                eprintln!("reqwest_digest: reading the body: {e}");
                return 2;
            }
        };
        let line = format!(
            "{version:?} {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        );
        let _ = writeln!(out, "{}", line.trim_end());
        let _ = out.write_all(&body);
        if !body.ends_with(b"\n") {
            let _ = writeln!(out);
        }
        let _ = out.flush();
        all_ok &= status.is_success();
    }
    if all_ok {
        0
    } else {
        1
    }
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
            eprintln!("reqwest_digest: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("reqwest_digest: starting the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    ExitCode::from(runtime.block_on(run(&args)))
}
