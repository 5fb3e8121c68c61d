//! An axum 0.8 server behind the crate's tower layer
//! (`http_auth_headers::tower_auth::AuthLayer`): Basic, Bearer and Digest.
//!
//! ```text
//! cargo run --example axum_auth -- [--addr 127.0.0.1:8080] [--realm REALM]
//!     [--user NAME:PASSWORD]... [--token TOKEN]...
//!     [--algorithm MD5|SHA-256|SHA-512-256|MD5-sess|SHA-256-sess|SHA-512-256-sess]...
//!     [--nonce-lifetime SECONDS]
//! ```
//!
//! The same command line as `examples/server.rs` (`examples/common/server_args.rs`).
//!
//! It uses the `tower` and `digest` features, which the crate's
//! dev-dependency on itself turns on for the examples.
//!
//! It prints `listening on http://ADDR` once it accepts connections (port 0
//! picks a free port and prints it). Every path, any method, goes through
//! the layer; the route `/` then answers 200 with the body
//!
//! ```text
//! hello IDENTITY via SCHEME\n
//! ```
//!
//! where SCHEME is `Basic`, `Digest` or `Bearer`, and IDENTITY is the user
//! NAME for Basic and Digest, and `tokenK` for the K-th `--token` (from 1)
//! for Bearer: `hello alice via Digest`, `hello token1 via Bearer`. Other
//! paths answer 404 once authenticated.
//!
//! What the layer answers otherwise:
//! - no or wrong credentials, or another scheme: 401 with one
//!   `WWW-Authenticate` field line per challenge: one Digest challenge per
//!   `--algorithm`, strongest first, `qop="auth"` (default algorithms
//!   SHA-512-256, SHA-256, MD5), then `Basic realm="REALM",
//!   charset="UTF-8"`, then `Bearer realm="REALM"` (with
//!   `error="invalid_token"` after a wrong token); an expired Digest nonce
//!   (`--nonce-lifetime`, default 300 s) with a right response: the Digest challenges with `stale=true`;
//! - malformed credentials: 400;
//! - Digest success adds `Authentication-Info` with `rspauth`.
//!
//! Each request is logged on stderr as `axum_auth: METHOD URI -> STATUS`
//! once answered. Default realm `http-auth-headers`. Exit status: 2 on bad
//! usage; otherwise it runs until killed.
//!
//! The verifiers are async closures (a real server looks users up in a
//! database there); here they compare in memory, in constant time, against
//! every user or token so that timing does not tell which exist.

use std::process::ExitCode;
use std::sync::Arc;

use axum::routing::any;
use axum::{Extension, Router};

use http_auth_headers::scheme::basic::BasicCredentials;
use http_auth_headers::scheme::bearer::BearerCredentials;
use http_auth_headers::scheme::digest::{DigestServer, UserTable};
use http_auth_headers::tower_auth::{AuthLayer, Authenticated};

const USAGE: &str =
    "usage: axum_auth [--addr 127.0.0.1:8080] [--realm REALM] [--user NAME:PASSWORD]... \
[--token TOKEN]... [--algorithm MD5|SHA-256|SHA-512-256|MD5-sess|SHA-256-sess|SHA-512-256-sess]... \
[--nonce-lifetime SECONDS]";

#[path = "common/server_args.rs"]
mod server_args;
use server_args::ServerArgs as Config;

/// The layer: Basic and Bearer verifiers over the command line's users and
/// tokens, Digest through the crate's `DigestServer` and a `UserTable`.
fn layer(config: &Config) -> Result<AuthLayer<String>, String> {
    let users = Arc::new(config.users.clone());
    let tokens = Arc::new(config.tokens.clone());
    let mut table = UserTable::new();
    for (name, password) in &config.users {
        table.add_password(name.as_str(), password.as_str());
    }
    let server = DigestServer::new(config.realm.as_str())
        .map_err(|e| format!("making the nonce secret: {e}"))?
        .algorithms(&config.algorithms)
        .nonce_lifetime(config.nonce_lifetime.as_secs());
    AuthLayer::builder(config.realm.as_str())
        .basic(move |creds: BasicCredentials| {
            let users = Arc::clone(&users);
            async move {
                let mut found = None;
                for (name, password) in users.iter() {
                    if creds.verify(name, password) {
                        found = Some(name.clone());
                    }
                }
                found
            }
        })
        .bearer(move |creds: BearerCredentials<'static>| {
            let tokens = Arc::clone(&tokens);
            async move {
                let mut found = None;
                for (i, token) in tokens.iter().enumerate() {
                    if creds.token_matches(token) {
                        found = Some(format!("token{}", i + 1));
                    }
                }
                found
            }
        })
        .digest(server, table)
        .finish()
        .map_err(|e| format!("--realm: {e}"))
}

async fn hello(Extension(auth): Extension<Authenticated<String>>) -> String {
    format!("hello {} via {}\n", auth.identity(), auth.scheme())
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
            eprintln!("axum_auth: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let layer = match layer(&config) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("axum_auth: {e}");
            return ExitCode::from(2);
        }
    };
    // Outside the auth layer: one stderr line per request, 401s included.
    let app = Router::new()
        .route("/", any(hello))
        .layer(layer)
        .layer(axum::middleware::from_fn(log_request));
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("axum_auth: starting the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let served = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        println!("listening on http://{}", listener.local_addr()?);
        axum::serve(listener, app).await
    });
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("axum_auth: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Logs `axum_auth: METHOD URI -> STATUS` on stderr once the request is
/// answered (by the handler or by the layer).
async fn log_request(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let (method, uri) = (request.method().clone(), request.uri().clone());
    let response = next.run(request).await;
    eprintln!(
        "axum_auth: {method} {uri} -> {}",
        response.status().as_u16()
    );
    response
}
