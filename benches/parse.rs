//! Parsing speed of this crate next to other Rust parsers of the same header
//! values, one criterion group per input so that every figure can be read as
//! a ratio against a peer measured in the same run.
//!
//! Every contender does the same work: it parses the whole value and visits
//! every challenge (scheme, token68) and every param (name and value), passing
//! each through `black_box`. Before measuring, each contender is run once and
//! its counts are checked against this crate's, so a peer that silently
//! stopped early would fail the bench instead of looking fast.
//!
//! Two floors are measured over the same bytes:
//! - `floor/split`: one pass that tracks quoted-strings (and their `\`
//!   escapes) and counts the commas outside them, the least any list parser
//!   must do byte by byte;
//! - `floor/count`: counts commas and quotes with a stateless filter, which
//!   the compiler vectorizes; no parser can match it, it shows the memory
//!   bandwidth ceiling.
//!
//! Run: `cargo bench --bench parse -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use headers::authorization::{Basic, Bearer};
use headers::{Authorization, Header};
use http::HeaderValue;
use http_auth_headers::scheme::basic::BasicCredentials;
use http_auth_headers::{Challenges, Credentials};

const BASIC: &str = r#"Basic realm="WallyWorld", charset="UTF-8""#;
const BEARER: &str = r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#;
const DOCKER: &str = r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push""#;
// RFC 7616 section 3.9.1: the two challenges of the example, in one field.
const DIGEST_PAIR: &str = concat!(
    r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#,
    ", ",
    r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#,
);
/// Ten challenges of nine schemes: quoted and token values, an escaped
/// quote, bare schemes, and commas inside quotes. (No token68: `http-auth`
/// rejects one in a challenge; the credentials groups measure token68.)
const LIST10: &str = concat!(
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

const CRED_BASIC: &str = "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==";
const CRED_BEARER: &str = "Bearer mF_9.B5f-4.1JqM";
// RFC 7616 section 3.9.1, the SHA-256 credentials.
const CRED_DIGEST: &str = r#"Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;

/// (challenges, params) seen.
type Counts = (usize, usize);

// ---------------------------------------------------------------------------
// Challenges
// ---------------------------------------------------------------------------

/// This crate, lazily: iterate the challenges and their params.
fn ours_iter(input: &str) -> Counts {
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
fn ours_vec(input: &str) -> Counts {
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
fn http_auth(input: &str) -> Counts {
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
fn parse_net_challenges(input: &str) -> Counts {
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
fn floor_split(input: &[u8]) -> usize {
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
fn floor_count(input: &[u8]) -> usize {
    input.iter().filter(|&&b| b == b',' || b == b'"').count()
}

fn floors(g: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, input: &'static str) {
    g.bench_function("floor/split", |b| {
        b.iter(|| floor_split(black_box(input.as_bytes())))
    });
    g.bench_function("floor/count", |b| {
        b.iter(|| floor_count(black_box(input.as_bytes())))
    });
}

fn challenge_group(c: &mut Criterion, name: &str, input: &'static str, expect: Counts) {
    // Every contender must see the same challenges and params.
    assert_eq!(ours_iter(input), expect, "ours_iter on {name}");
    assert_eq!(ours_vec(input), expect, "ours_vec on {name}");
    assert_eq!(http_auth(input), expect, "http-auth on {name}");
    assert_eq!(parse_net_challenges(input), expect, "parse-net on {name}");

    let mut g = c.benchmark_group(format!("challenges/{name}"));
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.bench_function("ours/iter", |b| b.iter(|| ours_iter(black_box(input))));
    g.bench_function("ours/vec", |b| b.iter(|| ours_vec(black_box(input))));
    g.bench_function("http-auth", |b| b.iter(|| http_auth(black_box(input))));
    g.bench_function("parse-net", |b| {
        b.iter(|| parse_net_challenges(black_box(input)))
    });
    floors(&mut g, input);
    g.finish();
}

fn challenges(c: &mut Criterion) {
    challenge_group(c, "basic", BASIC, (1, 2));
    challenge_group(c, "bearer", BEARER, (1, 3));
    challenge_group(c, "docker", DOCKER, (1, 3));
    challenge_group(c, "digest_pair", DIGEST_PAIR, (2, 10));
    challenge_group(c, "list10", LIST10, (10, 21));
}

// ---------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------

fn ours_basic(input: &str) -> usize {
    let c = Credentials::parse(input).expect("valid input");
    let b = BasicCredentials::try_from(&c).expect("valid Basic");
    black_box(b.user_id());
    black_box(b.password());
    b.user_id().len() + b.password().len()
}

fn headers_basic(value: &HeaderValue) -> usize {
    let a = Authorization::<Basic>::decode(&mut std::iter::once(value)).expect("valid input");
    black_box(a.username());
    black_box(a.password());
    a.username().len() + a.password().len()
}

/// `parse-net` checks the base64 of Basic but does not decode it; the
/// decode (with the `base64` crate's standard engine, which ours falls back
/// to outside the canonical form) and split are added so that it does the
/// same work.
fn parse_net_basic(input: &str) -> usize {
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

fn ours_bearer(input: &str) -> usize {
    let c = Credentials::parse(input).expect("valid input");
    assert!(c.is_scheme("Bearer"));
    black_box(c.token68().expect("a token")).len()
}

fn headers_bearer(value: &HeaderValue) -> usize {
    let a = Authorization::<Bearer>::decode(&mut std::iter::once(value)).expect("valid input");
    black_box(a.token()).len()
}

fn parse_net_bearer(input: &str) -> usize {
    black_box(
        parse_net::bearer(input.as_bytes())
            .expect("valid input")
            .expect("Bearer"),
    )
    .len()
}

fn ours_digest(input: &str) -> usize {
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

fn parse_net_digest(input: &str) -> usize {
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

fn credentials(c: &mut Criterion) {
    let basic_hv = HeaderValue::from_static(CRED_BASIC);
    let bearer_hv = HeaderValue::from_static(CRED_BEARER);
    assert_eq!(ours_basic(CRED_BASIC), 18);
    assert_eq!(headers_basic(&basic_hv), 18);
    assert_eq!(parse_net_basic(CRED_BASIC), 18);
    assert_eq!(ours_bearer(CRED_BEARER), 15);
    assert_eq!(headers_bearer(&bearer_hv), 15);
    assert_eq!(parse_net_bearer(CRED_BEARER), 15);
    assert_eq!(ours_digest(CRED_DIGEST), 10);
    assert_eq!(parse_net_digest(CRED_DIGEST), 10);

    let mut g = c.benchmark_group("credentials/basic");
    g.throughput(Throughput::Bytes(CRED_BASIC.len() as u64));
    g.bench_function("ours/decode", |b| {
        b.iter(|| ours_basic(black_box(CRED_BASIC)))
    });
    g.bench_function("headers", |b| {
        b.iter(|| headers_basic(black_box(&basic_hv)))
    });
    g.bench_function("parse-net+base64", |b| {
        b.iter(|| parse_net_basic(black_box(CRED_BASIC)))
    });
    floors(&mut g, CRED_BASIC);
    g.finish();

    let mut g = c.benchmark_group("credentials/bearer");
    g.throughput(Throughput::Bytes(CRED_BEARER.len() as u64));
    g.bench_function("ours", |b| b.iter(|| ours_bearer(black_box(CRED_BEARER))));
    g.bench_function("headers", |b| {
        b.iter(|| headers_bearer(black_box(&bearer_hv)))
    });
    g.bench_function("parse-net", |b| {
        b.iter(|| parse_net_bearer(black_box(CRED_BEARER)))
    });
    floors(&mut g, CRED_BEARER);
    g.finish();

    let mut g = c.benchmark_group("credentials/digest");
    g.throughput(Throughput::Bytes(CRED_DIGEST.len() as u64));
    g.bench_function("ours", |b| b.iter(|| ours_digest(black_box(CRED_DIGEST))));
    g.bench_function("parse-net", |b| {
        b.iter(|| parse_net_digest(black_box(CRED_DIGEST)))
    });
    floors(&mut g, CRED_DIGEST);
    g.finish();
}

criterion_group!(benches, challenges, credentials);
criterion_main!(benches);
