//! The command line that `examples/fetch.rs` and
//! `examples/reqwest_digest.rs` share. Each includes this file with
//! `#[path]`; it is not an example of its own.
// Each example that includes this file uses only part of it.
#![allow(dead_code)]

use http::Method;

/// What the command line asked for.
pub struct ClientArgs {
    pub user: String,
    pub password: String,
    /// GET, or POST when `--data` is given without `--method`.
    pub method: Method,
    pub data: Option<String>,
    /// `--repeat N` (1 to 1000), for the examples that take it.
    pub repeat: Option<u32>,
    /// As given; each example checks it is an `http://` URL.
    pub url: String,
}

/// Whether the example takes `--repeat N`.
#[derive(PartialEq, Eq)]
pub enum Repeat {
    Taken,
    NotTaken,
}

/// `--user NAME:PASSWORD [--method METHOD] [--data BODY] [--repeat N] URL`,
/// `--repeat` only for an example that takes it.
pub fn parse(args: &[String], repeat: Repeat) -> Result<ClientArgs, String> {
    let (mut user, mut method, mut data, mut times, mut url) = (None, None, None, None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--user" => user = Some(value()?.clone()),
            "--method" => method = Some(value()?.clone()),
            "--data" => data = Some(value()?.clone()),
            "--repeat" if repeat == Repeat::Taken => times = Some(value()?.clone()),
            s if s.starts_with("--") => return Err(format!("unknown flag {s}")),
            s if url.is_none() => url = Some(s.to_owned()),
            s => return Err(format!("unexpected argument {s}")),
        }
    }
    let user = user.ok_or("--user is required")?;
    let (name, password) = user
        .split_once(':')
        .ok_or("--user: expected NAME:PASSWORD")?;
    let method = match method {
        Some(m) => {
            Method::from_bytes(m.as_bytes()).map_err(|_| format!("--method {m}: not a method"))?
        }
        None if data.is_some() => Method::POST,
        None => Method::GET,
    };
    let repeat = match times {
        None => None,
        Some(n) => Some(
            n.parse()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .ok_or_else(|| format!("--repeat {n}: expected a number from 1 to 1000"))?,
        ),
    };
    Ok(ClientArgs {
        user: name.to_owned(),
        password: password.to_owned(),
        method,
        data,
        repeat,
        url: url.ok_or("a URL is required")?,
    })
}
