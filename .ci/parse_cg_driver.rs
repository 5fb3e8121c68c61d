//! Callgrind driver for `benches/parse.rs` (issue 8's speed targets): every
//! contender of every group, one at a time, so that each instruction count
//! is the work of one parse and visit, as the bench measures it.
//!
//! Copy to `examples/cgp.rs`, `cargo build --profile bench --example cgp`,
//! then for each NAME below count the instructions of N = 1 and N = 1001
//! runs; the difference over 1000 is the count per parse:
//!
//! ```sh
//! for n in 1 1001; do
//!   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$n \
//!     target/release/examples/cgp NAME $n 2>&1 | grep Collected
//! done
//! ```
//!
//! NAME: `c_<group>_<ours|ha|pn>` (groups basic, bearer, docker, dp, list10;
//! ha is http-auth, pn parse-net), `k_basic_<ours|headers|pn>`,
//! `k_bearer_<ours|headers|pn>`, `k_digest_<ours|pn>`. The functions are
//! those of `benches/parse.rs`, copied.
#![allow(dead_code, missing_docs)]
use std::hint::black_box;

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
/// decode (with the same `base64` engine as ours) and split are added so
/// that it does the same work.
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args[1].as_str();
    let n: usize = args[2].parse().unwrap();
    let basic_hv = HeaderValue::from_static(CRED_BASIC);
    let bearer_hv = HeaderValue::from_static(CRED_BEARER);
    let hv = (basic_hv, bearer_hv);
    let f: fn(&(HeaderValue, HeaderValue)) -> usize = match what {
        "c_basic_ours" => |hv| {
            let _ = hv;
            ours_iter(black_box(BASIC)).1
        },
        "c_basic_ha" => |hv| {
            let _ = hv;
            http_auth(black_box(BASIC)).1
        },
        "c_basic_pn" => |hv| {
            let _ = hv;
            parse_net_challenges(black_box(BASIC)).1
        },
        "c_bearer_ours" => |hv| {
            let _ = hv;
            ours_iter(black_box(BEARER)).1
        },
        "c_bearer_ha" => |hv| {
            let _ = hv;
            http_auth(black_box(BEARER)).1
        },
        "c_bearer_pn" => |hv| {
            let _ = hv;
            parse_net_challenges(black_box(BEARER)).1
        },
        "c_docker_ours" => |hv| {
            let _ = hv;
            ours_iter(black_box(DOCKER)).1
        },
        "c_docker_ha" => |hv| {
            let _ = hv;
            http_auth(black_box(DOCKER)).1
        },
        "c_docker_pn" => |hv| {
            let _ = hv;
            parse_net_challenges(black_box(DOCKER)).1
        },
        "c_dp_ours" => |hv| {
            let _ = hv;
            ours_iter(black_box(DIGEST_PAIR)).1
        },
        "c_dp_ha" => |hv| {
            let _ = hv;
            http_auth(black_box(DIGEST_PAIR)).1
        },
        "c_dp_pn" => |hv| {
            let _ = hv;
            parse_net_challenges(black_box(DIGEST_PAIR)).1
        },
        "c_list10_ours" => |hv| {
            let _ = hv;
            ours_iter(black_box(LIST10)).1
        },
        "c_list10_ha" => |hv| {
            let _ = hv;
            http_auth(black_box(LIST10)).1
        },
        "c_list10_pn" => |hv| {
            let _ = hv;
            parse_net_challenges(black_box(LIST10)).1
        },
        "k_basic_ours" => |hv| {
            let _ = hv;
            ours_basic(black_box(CRED_BASIC))
        },
        "k_basic_headers" => |hv| {
            let _ = hv;
            headers_basic(black_box(&hv.0))
        },
        "k_basic_pn" => |hv| {
            let _ = hv;
            parse_net_basic(black_box(CRED_BASIC))
        },
        "k_bearer_ours" => |hv| {
            let _ = hv;
            ours_bearer(black_box(CRED_BEARER))
        },
        "k_bearer_headers" => |hv| {
            let _ = hv;
            headers_bearer(black_box(&hv.1))
        },
        "k_bearer_pn" => |hv| {
            let _ = hv;
            parse_net_bearer(black_box(CRED_BEARER))
        },
        "k_digest_ours" => |hv| {
            let _ = hv;
            ours_digest(black_box(CRED_DIGEST))
        },
        "k_digest_pn" => |hv| {
            let _ = hv;
            parse_net_digest(black_box(CRED_DIGEST))
        },
        _ => panic!("unknown"),
    };
    let mut t = 0usize;
    for _ in 0..n {
        t += f(black_box(&hv));
    }
    println!("{t}");
}
