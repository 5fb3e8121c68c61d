//! Answers Digest challenges the way [`DigestClient`] does, with a given
//! cnonce and nonce count, and prints the credentials.
//!
//! ```text
//! cargo run --example digest -- respond --user USER --password PASSWORD \
//!     --method METHOD --uri URI --cnonce CNONCE --nc NC [--body-file FILE] \
//!     [--field authorization|proxy-authorization] CHALLENGE_VALUE...
//! ```
//!
//! Each CHALLENGE_VALUE is one `WWW-Authenticate` field line (with
//! `--field proxy-authorization`, one `Proxy-Authenticate` line); together
//! they are one list. The client picks the strongest Digest challenge it
//! supports and the value of the `Authorization` (or `Proxy-Authorization`)
//! field is printed on one line. NC is 8 hex digits or a decimal number.
//!
//! Exit status (a fixed contract: other tools run this): 0 with the value on
//! stdout; 1 with a message on stderr when nothing can be answered; 2 on bad
//! usage.

use std::process::ExitCode;

use http_auth_headers::scheme::digest::DigestClient;

const USAGE: &str = "usage: digest respond --user USER --password PASSWORD --method METHOD --uri URI --cnonce CNONCE --nc NC [--body-file FILE] [--field authorization|proxy-authorization] CHALLENGE_VALUE...";

#[derive(Default)]
struct Args {
    user: Option<String>,
    password: Option<String>,
    method: Option<String>,
    uri: Option<String>,
    cnonce: Option<String>,
    nc: Option<u32>,
    body_file: Option<String>,
    challenges: Vec<String>,
}

/// NC: exactly 8 hex digits (as `nc=` carries it), or a decimal number.
fn parse_nc(s: &str) -> Option<u32> {
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        u32::from_str_radix(s, 16).ok()
    } else if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    if it.next().as_deref() != Some("respond") {
        return Err("the first argument must be `respond`".into());
    }
    let mut a = Args::default();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--user" => a.user = Some(value("--user")?),
            "--password" => a.password = Some(value("--password")?),
            "--method" => a.method = Some(value("--method")?),
            "--uri" => a.uri = Some(value("--uri")?),
            "--cnonce" => a.cnonce = Some(value("--cnonce")?),
            "--nc" => {
                let v = value("--nc")?;
                a.nc = Some(
                    parse_nc(&v)
                        .ok_or(format!("bad --nc {v:?}: 8 hex digits or a decimal number"))?,
                );
            }
            "--body-file" => a.body_file = Some(value("--body-file")?),
            "--field" => {
                let v = value("--field")?;
                if !(v.eq_ignore_ascii_case("authorization")
                    || v.eq_ignore_ascii_case("proxy-authorization"))
                {
                    return Err(format!("bad --field {v:?}"));
                }
            }
            "--" => a.challenges.extend(it.by_ref()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => a.challenges.push(arg),
        }
    }
    Ok(a)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (Some(user), Some(password), Some(method), Some(uri), Some(cnonce), Some(nc)) = (
        args.user,
        args.password,
        args.method,
        args.uri,
        args.cnonce,
        args.nc,
    ) else {
        eprintln!("missing a required option\n{USAGE}");
        return ExitCode::from(2);
    };
    if args.challenges.is_empty() {
        eprintln!("no CHALLENGE_VALUE\n{USAGE}");
        return ExitCode::from(2);
    }
    let body = match &args.body_file {
        Some(path) => match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => Vec::new(),
    };
    let mut client = DigestClient::new(user, password);
    let answer = client
        .challenge(&args.challenges)
        .and_then(|_| client.respond_with(&method, &uri, &body, &cnonce, nc));
    match answer {
        Ok(value) => {
            println!("{value}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot answer: {e}");
            ExitCode::from(1)
        }
    }
}
