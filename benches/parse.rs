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
use http::HeaderValue;

#[path = "common/contenders.rs"]
mod contenders;
use contenders::*;

fn floors(g: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, input: &'static str) {
    g.bench_function("floor/split", |b| {
        b.iter(|| floor_split(black_box(input.as_bytes())))
    });
    g.bench_function("floor/count", |b| {
        b.iter(|| floor_count(black_box(input.as_bytes())))
    });
}

fn challenge_group(c: &mut Criterion, name: &str, input: &'static str, expect: Counts) {
    check_challenges(name, input, expect);

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
    for (name, input, expect) in CHALLENGE_GROUPS {
        challenge_group(c, name, input, expect);
    }
}

fn credentials(c: &mut Criterion) {
    let basic_hv = HeaderValue::from_static(CRED_BASIC);
    let bearer_hv = HeaderValue::from_static(CRED_BEARER);
    check_credentials(&basic_hv, &bearer_hv);

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
