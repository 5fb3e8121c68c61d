//! Parses one HTTP authentication field and explains it.
//!
//! ```text
//! cargo run --example inspect -- [--json] [--format] [--lenient] FIELD VALUE [VALUE...]
//! ```
//!
//! FIELD is `www-authenticate`, `proxy-authenticate`, `authorization`,
//! `proxy-authorization`, `authentication-info` or
//! `proxy-authentication-info` (any case). Each VALUE is one field line.
//!
//! - no flag: a readable explanation;
//! - `--json`: one JSON object on one line (a fixed contract: other tools read it);
//! - `--format`: the canonical serialization on one line;
//! - `--lenient`: lenient parsing (the crate docs' "Lenient mode"); with
//!   `--json` the object gains `"deviations"`, a list of
//!   `{"kind", "line", "offset"}` (`[]` when there were none); the
//!   explanation lists them.
//!
//! Exit status: 0 on success, 1 when the value does not parse, 2 on bad usage.

use std::ffi::OsString;
use std::process::ExitCode;

use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
use http_auth_headers::scheme::bearer::{
    BearerChallenge, BearerCredentials, DpopChallenge, DpopCredentials, ErrorCode, SpaceList,
};
use http_auth_headers::scheme::digest::{
    DigestAuthInfo, DigestChallenge, DigestCredentials, Username,
};
use std::sync::Mutex;

use http_auth_headers::{
    AuthenticationInfo, Challenge, Challenges, Credentials, Deviation, Error, Param, ParamValue,
    ParseOptions,
};
use serde_json::{json, Value};

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Challenges(&'static str),
    Credentials(&'static str),
    Info(&'static str),
}

fn field(name: &str) -> Option<Field> {
    Some(match name.to_ascii_lowercase().as_str() {
        "www-authenticate" => Field::Challenges("WWW-Authenticate"),
        "proxy-authenticate" => Field::Challenges("Proxy-Authenticate"),
        "authorization" => Field::Credentials("Authorization"),
        "proxy-authorization" => Field::Credentials("Proxy-Authorization"),
        "authentication-info" => Field::Info("Authentication-Info"),
        "proxy-authentication-info" => Field::Info("Proxy-Authentication-Info"),
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Explain,
    Json,
    Format,
}

const USAGE: &str = "usage: inspect [--json] [--format] [--lenient] FIELD VALUE [VALUE...]";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let mut mode = Mode::Explain;
    let mut lenient = false;
    let mut rest = args.as_slice();
    while let Some((flag, tail)) = rest.split_first() {
        match flag.to_str() {
            Some("--json") => mode = Mode::Json,
            Some("--format") => mode = Mode::Format,
            Some("--lenient") => lenient = true,
            Some("--help" | "-h") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some(s) if s.starts_with("--") => {
                eprintln!("unknown flag {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => break,
        }
        rest = tail;
    }
    let Some((name, values)) = rest.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let Some(field) = name.to_str().and_then(field) else {
        eprintln!("unknown field {name:?}: expected one of www-authenticate, proxy-authenticate, authorization, proxy-authorization, authentication-info, proxy-authentication-info");
        return ExitCode::from(2);
    };
    if values.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let lines: Vec<&[u8]> = values.iter().map(|v| v.as_encoded_bytes()).collect();
    let seen = Mutex::new(Vec::new());
    let report = |d: Deviation| seen.lock().unwrap().push(d);
    let opts = match lenient {
        true => ParseOptions::new().lenient().on_deviation(&report),
        false => ParseOptions::new(),
    };
    let result = run(field, &lines, mode, &opts);
    let deviations = std::mem::take(&mut *seen.lock().unwrap());
    // With --lenient, the JSON object gains "deviations" (last), and the
    // explanation lists them.
    let with_deviations = |mut obj: Value| {
        if lenient {
            obj["deviations"] = deviations
                .iter()
                .map(|d| json!({"kind": d.kind().as_str(), "line": d.line(), "offset": d.offset()}))
                .collect();
        }
        obj.to_string()
    };
    let listed = || {
        deviations
            .iter()
            .map(|d| format!("\ndeviation: {d}"))
            .collect::<String>()
    };
    match result {
        Ok(out) => {
            match mode {
                Mode::Json if lenient => println!(
                    "{}",
                    with_deviations(serde_json::from_str(&out).expect("JSON"))
                ),
                Mode::Explain if lenient => println!("{out}{}", listed()),
                _ => println!("{out}"),
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            match mode {
                Mode::Json => println!(
                    "{}",
                    with_deviations(
                        json!({"ok": false, "error": {"offset": err.offset(), "message": err.to_string()}})
                    )
                ),
                _ => {
                    let line = lines.get(err.line()).copied().unwrap_or_default();
                    if lenient && mode == Mode::Explain {
                        eprint!("{}", listed().trim_start());
                        if !deviations.is_empty() {
                            eprintln!();
                        }
                    }
                    eprintln!("error: {}", err.display_with(line));
                }
            }
            ExitCode::FAILURE
        }
    }
}

fn run(
    field: Field,
    lines: &[&[u8]],
    mode: Mode,
    opts: &ParseOptions<'_>,
) -> Result<String, Error> {
    // One VALUE is one field line (errors then name no line); several are
    // the lines of one field.
    let one = match lines {
        [line] => Some(*line),
        _ => None,
    };
    Ok(match field {
        Field::Challenges(name) => {
            let challenges = match one {
                Some(line) => opts
                    .parse::<Challenges>(line)
                    .collect::<Result<Vec<_>, _>>()?,
                None => opts
                    .parse_lines::<Challenges>(&lines)
                    .collect::<Result<Vec<_>, _>>()?,
            };
            match mode {
                Mode::Json => json!({
                    "ok": true,
                    "challenges": challenges.iter().map(challenge_json).collect::<Vec<_>>(),
                })
                .to_string(),
                Mode::Format => challenges
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                Mode::Explain => explain_challenges(name, &challenges),
            }
        }
        Field::Credentials(name) => {
            let c = match one {
                Some(line) => opts.parse::<Credentials>(line)?,
                None => opts.parse_lines::<Credentials>(&lines)?,
            };
            match mode {
                Mode::Json => {
                    let mut obj = json!({
                        "ok": true,
                        "credentials": {
                            "scheme": c.scheme(),
                            "token68": c.token68(),
                            "params": params_json(c.params().iter()),
                        },
                    });
                    if let Some(basic) = basic(&c) {
                        obj["basic"] = json!({
                            "user": lossy(basic.user_id()),
                            "password": lossy(basic.password()),
                        });
                    }
                    obj.to_string()
                }
                Mode::Format => c.to_string(),
                Mode::Explain => explain_credentials(name, &c),
            }
        }
        Field::Info(name) => {
            let info = match one {
                Some(line) => opts.parse::<AuthenticationInfo>(line)?,
                None => opts.parse_lines::<AuthenticationInfo>(&lines)?,
            };
            match mode {
                Mode::Json => {
                    json!({"ok": true, "params": params_json(info.params().iter().copied())})
                        .to_string()
                }
                Mode::Format => info.to_string(),
                Mode::Explain => {
                    let mut out = format!("{name}: {} param(s)\n", info.params().len());
                    for p in info.params() {
                        out.push_str(&explain_param(p));
                    }
                    if let Some(d) = describe_digest_info(&info) {
                        out.push_str(&format!("     => {d}\n"));
                    }
                    out.trim_end().to_string()
                }
            }
        }
    })
}

fn basic(c: &Credentials<'_>) -> Option<BasicCredentials> {
    BasicCredentials::try_from(c).ok()
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn value_string(v: &ParamValue<'_>) -> String {
    lossy(&v.unescaped())
}

fn params_json<'a>(params: impl Iterator<Item = Param<'a>>) -> Value {
    Value::Array(
        params
            .map(|p| json!([p.name(), value_string(&p.value())]))
            .collect(),
    )
}

fn challenge_json(c: &Challenge<'_>) -> Value {
    json!({
        "scheme": c.scheme(),
        "token68": c.token68(),
        "params": params_json(c.params().iter()),
    })
}

fn explain_param(p: &Param<'_>) -> String {
    let v = p.value();
    let form = if v.is_quoted() {
        "quoted-string"
    } else {
        "token"
    };
    format!("     {} = {:?} ({form})\n", p.name(), value_string(&v))
}

fn explain_challenges(name: &str, challenges: &[Challenge<'_>]) -> String {
    let mut out = format!("{name}: {} challenge(s)\n", challenges.len());
    for (i, c) in challenges.iter().enumerate() {
        out.push_str(&format!("  {}. scheme {}\n", i + 1, c.scheme()));
        if let Some(t) = c.token68() {
            out.push_str(&format!("     token68 {t}\n"));
        }
        for p in c.params() {
            out.push_str(&explain_param(&p));
        }
        out.push_str(&format!("     => {}\n", describe_challenge(c)));
    }
    out.trim_end().to_string()
}

fn explain_credentials(name: &str, c: &Credentials<'_>) -> String {
    let mut out = format!("{name}: scheme {}\n", c.scheme());
    if let Some(t) = c.token68() {
        out.push_str(&format!("     token68 of {} bytes\n", t.len()));
    }
    for p in c.params() {
        out.push_str(&explain_param(&p));
    }
    out.push_str(&format!("     => {}", describe_credentials(c)));
    out
}

/// What the crate's typed views make of a challenge.
fn describe_challenge(c: &Challenge<'_>) -> String {
    if c.is_scheme("Basic") {
        return match BasicChallenge::try_from(c) {
            Ok(b) => format!(
                "Basic, realm {:?}{}",
                value_string(&b.realm()),
                if b.charset_utf8() {
                    ", charset UTF-8"
                } else {
                    ""
                }
            ),
            Err(e) => format!("not a valid Basic challenge: {e}"),
        };
    }
    if c.is_scheme("Bearer") {
        return match BearerChallenge::try_from(c) {
            Ok(b) => describe_token_challenge(
                "Bearer",
                b.realm(),
                &[("scope", b.scope())],
                b.error(),
                b.error_description(),
                b.error_uri(),
            ),
            Err(e) => format!("not a valid Bearer challenge: {e}"),
        };
    }
    if c.is_scheme("DPoP") {
        return match DpopChallenge::try_from(c) {
            Ok(d) => describe_token_challenge(
                "DPoP",
                d.realm(),
                &[("scope", d.scope()), ("algs", d.algs())],
                d.error(),
                d.error_description(),
                d.error_uri(),
            ),
            Err(e) => format!("not a valid DPoP challenge: {e}"),
        };
    }
    if c.is_scheme("Digest") {
        return match DigestChallenge::try_from(c) {
            Ok(d) => {
                let qop = match d.qop() {
                    Some(q) => format!(
                        "qop {}",
                        q.map(|q| q.name().to_string())
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ),
                    None => "no qop (RFC 2069 compatibility)".to_string(),
                };
                let mut out = format!(
                    "Digest, {}, realm {:?}, {qop}, stale={}",
                    d.algorithm(),
                    value_string(&d.realm()),
                    d.stale()
                );
                if d.charset_utf8() {
                    out.push_str(", charset UTF-8");
                }
                if d.userhash() {
                    out.push_str(", userhash");
                }
                out
            }
            Err(e) => format!("not a valid Digest challenge: {e}"),
        };
    }
    "a challenge of a scheme this crate has no typed view for".to_string()
}

/// `Bearer, realm "example", error invalid_token ("The access token expired")`.
fn describe_token_challenge(
    scheme: &str,
    realm: Option<ParamValue<'_>>,
    lists: &[(&str, Option<SpaceList<'_>>)],
    error: Option<ErrorCode<'_>>,
    error_description: Option<ParamValue<'_>>,
    error_uri: Option<ParamValue<'_>>,
) -> String {
    let mut parts = vec![scheme.to_string()];
    if let Some(v) = realm {
        parts.push(format!("realm {:?}", value_string(&v)));
    }
    for (name, list) in lists {
        if let Some(list) = list {
            let entries: Vec<String> = list.iter().map(|e| value_string(&e)).collect();
            parts.push(format!("{name} {:?}", entries.join(" ")));
        }
    }
    if let Some(e) = error {
        let mut part = format!("error {e}");
        if let Some(d) = error_description {
            part.push_str(&format!(" ({:?})", value_string(&d)));
        }
        parts.push(part);
    } else if let Some(d) = error_description {
        parts.push(format!("error_description {:?}", value_string(&d)));
    }
    if let Some(v) = error_uri {
        parts.push(format!("error_uri {:?}", value_string(&v)));
    }
    if parts.len() == 1 {
        parts.push("no attributes".to_string());
    }
    parts.join(", ")
}

/// What the crate's typed views make of credentials.
fn describe_credentials(c: &Credentials<'_>) -> String {
    if c.is_scheme("Basic") {
        return match BasicCredentials::try_from(c) {
            Ok(b) => format!(
                "Basic, user {:?}, password of {} bytes",
                lossy(b.user_id()),
                b.password().len()
            ),
            Err(e) => format!("not valid Basic credentials: {e}"),
        };
    }
    if c.is_scheme("Bearer") {
        return match BearerCredentials::try_from(c) {
            Ok(b) => format!("Bearer, access token of {} bytes", b.token().len()),
            Err(e) => format!("not valid Bearer credentials: {e}"),
        };
    }
    if c.is_scheme("DPoP") {
        return match DpopCredentials::try_from(c) {
            Ok(d) => format!("DPoP, access token of {} bytes", d.token().len()),
            Err(e) => format!("not valid DPoP credentials: {e}"),
        };
    }
    if c.is_scheme("Digest") {
        return match DigestCredentials::try_from(c) {
            Ok(d) => {
                let user = match d.username() {
                    Username::Extended(e) => format!(
                        "user {:?} (username*, {})",
                        d.username().decoded_str().unwrap_or_default(),
                        e.charset_name()
                    ),
                    _ if d.userhash() => {
                        format!(
                            "hashed user {:?}",
                            d.username().decoded_str().unwrap_or_default()
                        )
                    }
                    _ => format!("user {:?}", d.username().decoded_str().unwrap_or_default()),
                };
                let mut out = format!(
                    "Digest, {}, {user}, uri {:?}",
                    d.algorithm(),
                    value_string(&d.uri())
                );
                match (d.qop(), d.nc()) {
                    (Some(q), Some(nc)) => out.push_str(&format!(", qop {q}, nc {}", nc.value())),
                    _ => out.push_str(", no qop"),
                }
                out
            }
            Err(e) => format!("not valid Digest credentials: {e}"),
        };
    }
    "credentials of a scheme this crate has no typed view for".to_string()
}

/// What the Digest view makes of an Authentication-Info field, when it holds
/// Digest params (the field names no scheme).
fn describe_digest_info(info: &AuthenticationInfo<'_>) -> Option<String> {
    let digest_names = ["nextnonce", "qop", "rspauth", "cnonce", "nc"];
    if !info
        .params()
        .iter()
        .any(|p| digest_names.iter().any(|n| p.is(n)))
    {
        return None;
    }
    Some(match DigestAuthInfo::try_from(info) {
        Ok(d) => {
            let mut parts = Vec::new();
            if let (Some(q), Some(nc)) = (d.qop(), d.nc()) {
                parts.push(format!("qop {q}, nc {}, rspauth given", nc.value()));
            }
            if d.nextnonce().is_some() {
                parts.push("next nonce given".to_string());
            }
            format!("if Digest: {}", parts.join(", "))
        }
        Err(e) => format!("not valid Digest Authentication-Info: {e}"),
    })
}
