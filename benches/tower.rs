//! What the tower layer (the `tower` feature) costs per request, in
//! process: the layer around a service that answers at once, called with
//! `oneshot` on a current-thread runtime, next to the same service without
//! the layer (`bare`: the runtime and the service alone).
//!
//! - `refuse_401`: no credentials; writes the Digest (SHA-256, MD5; a new
//!   nonce), Basic and Bearer challenges.
//! - `basic_ok`, `bearer_ok`: parse, decode, the async verifier (constant-
//!   time compare), the extension.
//! - `digest_ok`: verify a fresh response (the next nonce count, made
//!   outside the measurement) and write `Authentication-Info`.
//!
//! Every case is checked once before it is measured.
//!
//! Run: `cargo bench --features tower,digest --bench tower -- --warm-up-time 1 --measurement-time 3`.

use std::convert::Infallible;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use http::{header, Request, Response, StatusCode};
use http_auth_headers::scheme::digest::{DigestAlgorithm, DigestClient, DigestServer, UserTable};
use http_auth_headers::tower_auth::{AuthLayer, Authenticated};
use tower::{service_fn, Layer, ServiceExt};

const BASIC: &str = "Basic YWxpY2U6b3BlbiBzZXNhbWU="; // alice:open sesame
const TOKEN: &str = "mF_9.B5f-4.1JqM";

async fn answer(req: Request<String>) -> Result<Response<String>, Infallible> {
    let who = req
        .extensions()
        .get::<Authenticated<String>>()
        .map_or(0, |a| a.identity().len());
    Ok(Response::new(if who > 0 { "ok" } else { "" }.to_string()))
}

fn request(authorization: Option<&str>) -> Request<String> {
    let mut b = Request::builder().uri("/");
    if let Some(v) = authorization {
        b = b.header(header::AUTHORIZATION, v);
    }
    b.body(String::new()).expect("request")
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let mut users = UserTable::new();
    users.add_password("alice", "open sesame");
    let server = DigestServer::with_secret("bench", [3; 32])
        .algorithms(&[DigestAlgorithm::Sha256, DigestAlgorithm::Md5]);
    let layer = AuthLayer::<String>::builder("bench")
        .basic(|c| std::future::ready(c.verify("alice", "open sesame").then(|| "alice".into())))
        .bearer(|t| std::future::ready(t.token_matches(TOKEN).then(|| "robot".into())))
        .digest(server, users)
        .finish()
        .expect("layer");
    let bare = service_fn(answer);
    let layered = layer.layer(service_fn(answer));

    let call = |auth: Option<&str>| {
        rt.block_on(layered.clone().oneshot(request(auth)))
            .expect("infallible")
    };
    // Checked once: statuses and bodies.
    assert_eq!(call(None).status(), StatusCode::UNAUTHORIZED);
    assert_eq!(call(Some(BASIC)).body(), "ok");
    let bearer = format!("Bearer {TOKEN}");
    assert_eq!(call(Some(&bearer)).body(), "ok");
    let challenges = call(None);
    let lines: Vec<_> = challenges
        .headers()
        .get_all(header::WWW_AUTHENTICATE)
        .iter()
        .cloned()
        .collect();
    assert_eq!(lines.len(), 4);
    let mut client = DigestClient::new("alice", "open sesame");
    client.challenge(&lines).expect("challenge");
    let first = client.respond("GET", "/", b"").expect("respond");
    let resp = call(Some(&first));
    assert_eq!(resp.body(), "ok");
    assert!(resp.headers().contains_key("authentication-info"));

    let mut g = c.benchmark_group("tower");
    g.bench_function("bare", |b| {
        b.iter(|| {
            rt.block_on(bare.oneshot(black_box(request(None))))
                .expect("infallible")
        })
    });
    g.bench_function("refuse_401", |b| {
        b.iter(|| rt.block_on(layered.clone().oneshot(black_box(request(None)))))
    });
    g.bench_function("basic_ok", |b| {
        b.iter(|| rt.block_on(layered.clone().oneshot(black_box(request(Some(BASIC))))))
    });
    g.bench_function("bearer_ok", |b| {
        b.iter(|| rt.block_on(layered.clone().oneshot(black_box(request(Some(&bearer))))))
    });
    g.bench_function("digest_ok", |b| {
        b.iter_batched(
            || request(Some(&client.respond("GET", "/", b"").expect("respond"))),
            |req| {
                let resp = rt.block_on(layered.clone().oneshot(req));
                debug_assert_eq!(resp.as_ref().map(|r| r.status()), Ok(StatusCode::OK));
                resp
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
