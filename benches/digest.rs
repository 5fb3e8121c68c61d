//! Digest respond and verify (the `digest` feature) next to the Rust Digest
//! clients `http-auth` (`DigestClient`) and `digest_auth`, and next to the
//! bare cost of the hashes any implementation must compute, in one run.
//!
//! Every contender answers the same challenge (RFC 7616 section 3.9.1,
//! SHA-256 then MD5, qop auth) with the same cnonce, and is checked once
//! against the RFC's response before measuring, so a contender that
//! computed something else would fail the bench instead of looking fast.
//!
//! - `hash/*`: the three hashes of a response (H(A1), H(A2), KD) on the
//!   same bytes, with the hash crates alone: the floor.
//! - `respond/*`: parse the `WWW-Authenticate` value, pick the challenge,
//!   compute and write the `Authorization` value.
//! - `respond_again/*`: the next request on the same nonce (state kept).
//! - `verify/*`: this crate's server: parse the credentials, check the nonce
//!   MAC and the response, write `Authentication-Info`; no peer has a
//!   server, so the floor is the three hashes plus the HMAC.
//!
//! Run: `cargo bench --features digest --bench digest -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use http_auth_headers::scheme::digest::{
    DigestAlgorithm, DigestClient, DigestRequest, DigestServer, NonceStore, Qop, UserSecret,
};

const SHA256_LINE: &str = r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;
const MD5_LINE: &str = r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;
const CNONCE: &str = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
const SHA256_RESPONSE: &str = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";
const MD5_RESPONSE: &str = "8ca523f5e9506fed4657c9700eebdbec";

fn ours(value: &str) -> String {
    let mut client = DigestClient::new("Mufasa", "Circle of Life");
    client.challenge(&[value]).expect("challenge");
    client
        .respond_with("GET", "/dir/index.html", b"", CNONCE, 1)
        .expect("respond")
}

fn http_auth(value: &str) -> String {
    let mut client = http_auth::PasswordClient::try_from(value).expect("challenge");
    let p = http_auth::PasswordParams {
        username: "Mufasa",
        password: "Circle of Life",
        uri: "/dir/index.html",
        method: "GET",
        body: None,
    };
    match &mut client {
        http_auth::PasswordClient::Digest(d) => {
            d.respond_with_testing_cnonce(&p, CNONCE).expect("respond")
        }
        _ => panic!("not Digest"),
    }
}

fn digest_auth(value: &str) -> String {
    let mut header = digest_auth::parse(value).expect("challenge");
    let mut context = digest_auth::AuthContext::new("Mufasa", "Circle of Life", "/dir/index.html");
    context.set_custom_cnonce(CNONCE);
    header
        .respond(&context)
        .expect("respond")
        .to_header_string()
}

/// The three hashes of a response, with the hash crate alone, on the same
/// bytes (hex encoding included, as every implementation needs it).
fn bare<D: sha2::Digest>(response_len_check: usize) -> String {
    fn hex(b: &[u8]) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(2 * b.len());
        for x in b {
            s.push(char::from(HEX[usize::from(x >> 4)]));
            s.push(char::from(HEX[usize::from(x & 15)]));
        }
        s
    }
    let ha1 = hex(&D::digest(b"Mufasa:http-auth@example.org:Circle of Life"));
    let ha2 = hex(&D::digest(b"GET:/dir/index.html"));
    let mut kd = D::new();
    kd.update(ha1.as_bytes());
    kd.update(b":7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:00000001:");
    kd.update(CNONCE.as_bytes());
    kd.update(b":auth:");
    kd.update(ha2.as_bytes());
    let out = hex(&kd.finalize());
    debug_assert_eq!(out.len(), response_len_check);
    out
}

/// Accepts every count: verify is measured without the store's growth.
struct NoStore;

impl NonceStore for NoStore {
    fn record(&self, _: &str, _: u32, _: u64, _: u64) -> bool {
        true
    }
}

fn check() {
    for (line, response) in [(SHA256_LINE, SHA256_RESPONSE), (MD5_LINE, MD5_RESPONSE)] {
        for (name, got) in [
            ("ours", ours(line)),
            ("http-auth", http_auth(line)),
            ("digest_auth", digest_auth(line)),
        ] {
            assert!(got.contains(response), "{name}: {got}");
        }
    }
    assert_eq!(bare::<sha2::Sha256>(64), SHA256_RESPONSE);
    assert_eq!(bare::<md5::Md5>(32), MD5_RESPONSE);
}

fn respond(c: &mut Criterion) {
    check();
    for (alg, line) in [("sha256", SHA256_LINE), ("md5", MD5_LINE)] {
        let mut g = c.benchmark_group(format!("digest/{alg}"));
        if alg == "sha256" {
            g.bench_function("hash/bare", |b| b.iter(|| bare::<sha2::Sha256>(64)));
        } else {
            g.bench_function("hash/bare", |b| b.iter(|| bare::<md5::Md5>(32)));
        }
        g.bench_function("respond/http-auth-headers", |b| {
            b.iter(|| ours(black_box(line)))
        });
        g.bench_function("respond/http-auth", |b| {
            b.iter(|| http_auth(black_box(line)))
        });
        g.bench_function("respond/digest_auth", |b| {
            b.iter(|| digest_auth(black_box(line)))
        });

        let mut client = DigestClient::new("Mufasa", "Circle of Life");
        client.challenge(&[line]).expect("challenge");
        let mut nc = 0u32;
        g.bench_function("respond_again/http-auth-headers", |b| {
            b.iter(|| {
                nc = nc.wrapping_add(1).max(1);
                client
                    .respond_with("GET", black_box("/dir/index.html"), b"", CNONCE, nc)
                    .expect("respond")
            })
        });
        let mut peer = match http_auth::PasswordClient::try_from(line).expect("challenge") {
            http_auth::PasswordClient::Digest(d) => d,
            _ => panic!("not Digest"),
        };
        let p = http_auth::PasswordParams {
            username: "Mufasa",
            password: "Circle of Life",
            uri: "/dir/index.html",
            method: "GET",
            body: None,
        };
        g.bench_function("respond_again/http-auth", |b| {
            b.iter(|| {
                peer.respond_with_testing_cnonce(black_box(&p), CNONCE)
                    .expect("respond")
            })
        });
        g.finish();
    }
}

fn verify(c: &mut Criterion) {
    let users = |_: &str, _: &str| Some(UserSecret::Password("Circle of Life".into()));
    for (name, alg) in [
        ("sha256", DigestAlgorithm::Sha256),
        ("md5", DigestAlgorithm::Md5),
    ] {
        let server = DigestServer::with_secret("http-auth@example.org", [1; 32])
            .algorithms(&[alg])
            .qop(&[Qop::AUTH]);
        let now = DigestServer::unix_now();
        let mut client = DigestClient::new("Mufasa", "Circle of Life");
        client
            .challenge(&server.challenges(now))
            .expect("challenge");
        let value = client
            .respond_with("GET", "/dir/index.html", b"", CNONCE, 1)
            .expect("respond");
        let req = DigestRequest::new("GET", "/dir/index.html");
        server
            .verify(&value, &req, &users, &NoStore, now)
            .expect("verifies");
        let mut g = c.benchmark_group(format!("digest/{name}"));
        g.bench_function("verify/http-auth-headers", |b| {
            b.iter(|| {
                server
                    .verify(black_box(&value), &req, &users, &NoStore, now)
                    .expect("verifies")
                    .authentication_info(b"")
            })
        });
        g.bench_function("verify/floor (3 hashes + HMAC-SHA-256)", |b| {
            b.iter(|| {
                let mut mac = <hmac::Hmac<sha2::Sha256> as hmac::Mac>::new_from_slice(&[1; 32])
                    .expect("any key length");
                hmac::Mac::update(
                    &mut mac,
                    black_box(value.as_bytes()).get(..56).unwrap_or(b""),
                );
                let tag = hmac::Mac::finalize(mac);
                let r = if alg == DigestAlgorithm::Md5 {
                    bare::<md5::Md5>(32)
                } else {
                    bare::<sha2::Sha256>(64)
                };
                (tag, r)
            })
        });
        g.finish();
    }
}

criterion_group!(benches, respond, verify);
criterion_main!(benches);
