//! The command line that `examples/server.rs` and `examples/axum_auth.rs`
//! share. Each includes this file with `#[path]`; it is not an example of
//! its own (Cargo builds only the files directly in `examples/`).
// Each example that includes this file uses only part of it.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::Duration;

use http_auth_headers::scheme::digest::{Algorithm, DigestAlgorithm};

/// The algorithms `--algorithm` takes.
pub const ALGORITHMS: [&str; 6] = [
    "MD5",
    "SHA-256",
    "SHA-512-256",
    "MD5-sess",
    "SHA-256-sess",
    "SHA-512-256-sess",
];

/// What the command line configured.
pub struct ServerArgs {
    pub addr: SocketAddr,
    pub realm: String,
    pub users: Vec<(String, String)>,
    pub tokens: Vec<String>,
    /// Strongest first when none was given: SHA-512-256, SHA-256, MD5.
    pub algorithms: Vec<DigestAlgorithm>,
    pub nonce_lifetime: Duration,
}

/// `[--addr 127.0.0.1:8080] [--realm REALM] [--user NAME:PASSWORD]...
/// [--token TOKEN]... [--algorithm NAME]... [--nonce-lifetime SECONDS]`.
pub fn parse(args: &[String]) -> Result<ServerArgs, String> {
    let mut config = ServerArgs {
        addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
        realm: "http-auth-headers".into(),
        users: Vec::new(),
        tokens: Vec::new(),
        algorithms: Vec::new(),
        nonce_lifetime: Duration::from_secs(300),
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--addr" => {
                let v = value()?;
                config.addr = v.parse().map_err(|_| format!("--addr {v}: not IP:PORT"))?;
            }
            "--realm" => config.realm = value()?.clone(),
            "--user" => {
                let v = value()?;
                let (name, password) = v
                    .split_once(':')
                    .ok_or_else(|| format!("--user {v}: expected NAME:PASSWORD"))?;
                config.users.push((name.into(), password.into()));
            }
            "--token" => config.tokens.push(value()?.clone()),
            "--algorithm" => {
                let v = value()?;
                let alg = ALGORITHMS
                    .iter()
                    .find(|a| a.eq_ignore_ascii_case(v))
                    .and_then(|a| DigestAlgorithm::from_algorithm(Algorithm::from_name(a)))
                    .ok_or_else(|| format!("--algorithm {v}: not one of {ALGORITHMS:?}"))?;
                config.algorithms.push(alg);
            }
            "--nonce-lifetime" => {
                let v = value()?;
                let secs: u64 = v
                    .parse()
                    .map_err(|_| format!("--nonce-lifetime {v}: not a number of seconds"))?;
                config.nonce_lifetime = Duration::from_secs(secs);
            }
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    if config.algorithms.is_empty() {
        config.algorithms = vec![
            DigestAlgorithm::Sha512_256,
            DigestAlgorithm::Sha256,
            DigestAlgorithm::Md5,
        ];
    }
    Ok(config)
}
