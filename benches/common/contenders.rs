//! The inputs and the contenders of `benches/parse.rs`: every parser's
//! parse-and-visit of the same value. `benches/parse.rs` times them one
//! after the other, `benches/ratios.rs` interleaved, and
//! `.ci/parse_cg_driver.rs` counts their instructions under callgrind. All
//! three include this file with `#[path]`.

#![allow(dead_code)]

use std::hint::black_box;

use headers::authorization::{Basic, Bearer};
use headers::{Authorization, Header};
use http::HeaderValue;
use http_auth_headers::scheme::basic::BasicCredentials;
use http_auth_headers::{Challenges, Credentials};

pub const BASIC: &str = r#"Basic realm="WallyWorld", charset="UTF-8""#;
pub const BEARER: &str = r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#;
pub const DOCKER: &str = r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push""#;
// RFC 7616 section 3.9.1: the two challenges of the example, in one field.
pub const DIGEST_PAIR: &str = concat!(
    r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#,
    ", ",
    r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#,
);
/// Ten challenges of nine schemes: quoted and token values, an escaped
/// quote, bare schemes, and commas inside quotes. (No token68: `http-auth`
/// rejects one in a challenge; the credentials groups measure token68.)
pub const LIST10: &str = concat!(
    r#"Newauth realm="apps", type=1, title="Login to \"apps\"", "#,
    r#"Basic realm="simple", charset="UTF-8", "#,
    r#"Bearer realm="example", error="invalid_token", error_description="The access token expired", "#,
    r#"DPoP algs="ES256 PS256", "#,
    r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", "#,
    r#"NTLM, "#,
    r#"HOBA challenge="a9Zx0rm3Vb_KUmvvdO-oRa9N", max-age=180, "#,
    r#"Mutual realm="login@example.com", sid=0123456789abcdef, "#,
    r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push", "#,
    r#"Negotiate"#,
);

pub const CRED_BASIC: &str = "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==";
pub const CRED_BEARER: &str = "Bearer mF_9.B5f-4.1JqM";
// RFC 7616 section 3.9.1, the SHA-256 credentials.
pub const CRED_DIGEST: &str = r#"Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;

/// (challenges, params) seen.
pub type Counts = (usize, usize);

/// The challenge groups: name, input, and the (challenges, params) that
/// every contender must see.
pub const CHALLENGE_GROUPS: [(&str, &str, Counts); 5] = [
    ("basic", BASIC, (1, 2)),
    ("bearer", BEARER, (1, 3)),
    ("docker", DOCKER, (1, 3)),
    ("digest_pair", DIGEST_PAIR, (2, 10)),
    ("list10", LIST10, (10, 21)),
];

/// Checks that every contender sees the challenges and params expected of
/// a group, so that a peer that silently stopped early fails the bench
/// instead of looking fast.
pub fn check_challenges(name: &str, input: &str, expect: Counts) {
    assert_eq!(ours_iter(input), expect, "ours_iter on {name}");
    assert_eq!(ours_vec(input), expect, "ours_vec on {name}");
    assert_eq!(http_auth(input), expect, "http-auth on {name}");
    assert_eq!(parse_net_challenges(input), expect, "parse-net on {name}");
}

/// Checks that every credentials contender decodes the same bytes.
pub fn check_credentials(basic: &HeaderValue, bearer: &HeaderValue) {
    assert_eq!(ours_basic(CRED_BASIC), 18);
    assert_eq!(headers_basic(basic), 18);
    assert_eq!(parse_net_basic(CRED_BASIC), 18);
    assert_eq!(ours_bearer(CRED_BEARER), 15);
    assert_eq!(headers_bearer(bearer), 15);
    assert_eq!(parse_net_bearer(CRED_BEARER), 15);
    assert_eq!(ours_digest(CRED_DIGEST), 10);
    assert_eq!(parse_net_digest(CRED_DIGEST), 10);
}

// ---------------------------------------------------------------------------
// Challenges
// ---------------------------------------------------------------------------

/// This crate, lazily: iterate the challenges and their params.
pub fn ours_iter(input: &str) -> Counts {
    let (mut c, mut p) = (0, 0);
    for ch in Challenges::parse(input) {
        let ch = ch.expect("valid input");
        black_box(ch.scheme());
        black_box(ch.token68());
        for param in ch.params() {
            black_box(param.name());
            black_box(param.value());
            p += 1;
        }
        c += 1;
    }
    (c, p)
}

/// This crate, collecting the challenges into a `Vec` first.
pub fn ours_vec(input: &str) -> Counts {
    let all = Challenges::parse(input)
        .collect::<Result<Vec<_>, _>>()
        .expect("valid input");
    let mut p = 0;
    for ch in &all {
        black_box(ch.scheme());
        black_box(ch.token68());
        for param in ch.params() {
            black_box(param.name());
            black_box(param.value());
            p += 1;
        }
    }
    (all.len(), p)
}

/// `http-auth`: its parser yields challenges whose params are a `Vec`.
pub fn http_auth(input: &str) -> Counts {
    let (mut c, mut p) = (0, 0);
    for ch in http_auth::parser::ChallengeParser::new(input) {
        let ch = ch.expect("valid input");
        black_box(ch.scheme);
        for (name, value) in &ch.params {
            black_box(name);
            black_box(value);
            p += 1;
        }
        c += 1;
    }
    (c, p)
}

/// `parse-net`: validates the whole value, then iterates.
pub fn parse_net_challenges(input: &str) -> Counts {
    let all = parse_net::auth::parse_challenges(input.as_bytes(), &parse_net::Limits::DEFAULT)
        .expect("valid input");
    let (mut c, mut p) = (0, 0);
    for ch in all.iter() {
        black_box(ch.scheme());
        match ch.payload() {
            parse_net::AuthPayload::Params(params) => {
                for (name, value) in params.iter() {
                    black_box(name);
                    black_box(value);
                    p += 1;
                }
            }
            other => {
                black_box(other);
            }
        }
        c += 1;
    }
    (c, p)
}

/// The split floor: one byte-at-a-time pass that knows quoted-strings.
pub fn floor_split(input: &[u8]) -> usize {
    let (mut commas, mut quoted, mut escape) = (0, false, false);
    for &b in input {
        if escape {
            escape = false;
        } else if quoted {
            match b {
                b'\\' => escape = true,
                b'"' => quoted = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => quoted = true,
                b',' => commas += 1,
                _ => {}
            }
        }
    }
    commas
}

/// The bandwidth floor: a stateless count the compiler vectorizes.
pub fn floor_count(input: &[u8]) -> usize {
    input.iter().filter(|&&b| b == b',' || b == b'"').count()
}

// ---------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------

pub fn ours_basic(input: &str) -> usize {
    let c = Credentials::parse(input).expect("valid input");
    let b = BasicCredentials::try_from(&c).expect("valid Basic");
    black_box(b.user_id());
    black_box(b.password());
    b.user_id().len() + b.password().len()
}

pub fn headers_basic(value: &HeaderValue) -> usize {
    let a = Authorization::<Basic>::decode(&mut std::iter::once(value)).expect("valid input");
    black_box(a.username());
    black_box(a.password());
    a.username().len() + a.password().len()
}

/// `parse-net` checks the base64 of Basic but does not decode it; the
/// decode (with the `base64` crate's standard engine, which ours falls back
/// to outside the canonical form) and split are added so that it does the
/// same work.
pub fn parse_net_basic(input: &str) -> usize {
    use base64::Engine as _;
    let t = parse_net::basic(input.as_bytes())
        .expect("valid input")
        .expect("Basic");
    let user_pass = base64::engine::general_purpose::STANDARD
        .decode(t)
        .expect("valid base64");
    let colon = user_pass.iter().position(|&b| b == b':').expect("a colon");
    black_box(&user_pass[..colon]);
    black_box(&user_pass[colon + 1..]);
    user_pass.len() - 1
}

pub fn ours_bearer(input: &str) -> usize {
    let c = Credentials::parse(input).expect("valid input");
    assert!(c.is_scheme("Bearer"));
    black_box(c.token68().expect("a token")).len()
}

pub fn headers_bearer(value: &HeaderValue) -> usize {
    let a = Authorization::<Bearer>::decode(&mut std::iter::once(value)).expect("valid input");
    black_box(a.token()).len()
}

pub fn parse_net_bearer(input: &str) -> usize {
    black_box(
        parse_net::bearer(input.as_bytes())
            .expect("valid input")
            .expect("Bearer"),
    )
    .len()
}

pub fn ours_digest(input: &str) -> usize {
    let c = Credentials::parse(input).expect("valid input");
    black_box(c.scheme());
    let mut n = 0;
    for p in c.params() {
        black_box(p.name());
        black_box(p.value());
        n += 1;
    }
    n
}

pub fn parse_net_digest(input: &str) -> usize {
    let c = parse_net::auth::parse_credentials(input.as_bytes(), &parse_net::Limits::DEFAULT)
        .expect("valid input");
    black_box(c.scheme());
    let parse_net::AuthPayload::Params(params) = c.payload() else {
        panic!("params expected")
    };
    let mut n = 0;
    for (name, value) in params.iter() {
        black_box(name);
        black_box(value);
        n += 1;
    }
    n
}
