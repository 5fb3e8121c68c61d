//! Parsing and iterating never touch the heap: a counting global allocator
//! checks every input of `benches/parse.rs`.
//!
//! This test crate uses `unsafe` for one reason: `GlobalAlloc` is an unsafe
//! trait. The library itself forbids `unsafe` code; this file only forwards
//! to `System` and counts.
#![cfg(feature = "alloc")]
#![allow(unsafe_code)] // GlobalAlloc is an unsafe trait; see the module docs.

use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::cell::Cell;
use std::hint::black_box;

use http_auth_headers::{Challenges, Credentials, InfoParams};

thread_local! {
    // Per thread, so that the test harness and other tests running in
    // parallel cannot add to the count. Const-initialized: reading it never
    // allocates.
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

struct Counting;

// SAFETY: every call is forwarded unchanged to `System`, which upholds the
// `GlobalAlloc` contract; the counter has no effect on the returned memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: same contract as our caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as our caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: same contract as our caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Heap allocations made on this thread while running `f`.
fn allocations<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let before = ALLOCS.with(Cell::get);
    let r = f();
    (ALLOCS.with(Cell::get) - before, r)
}

const CHALLENGES: &[&str] = &[
    r#"Basic realm="WallyWorld", charset="UTF-8""#,
    r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#,
    r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push""#,
    concat!(
        r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#,
        ", ",
        r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#,
    ),
    concat!(
        r#"Newauth realm="apps", type=1, title="Login to \"apps\"", "#,
        r#"Basic realm="simple", charset="UTF-8", "#,
        r#"Bearer realm="example", error="invalid_token", error_description="The access token expired", "#,
        r#"DPoP algs="ES256 PS256", "#,
        r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", "#,
        r#"NTLM, "#,
        r#"HOBA challenge="a9Zx0rm3Vb_KUmvvdO-oRa9N", max-age=180, "#,
        r#"Mutual realm="login@example.com", sid=0123456789abcdef, "#,
        r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push", "#,
        r#"Negotiate YIIBhgYGKwYBBQUCoIIBejCCAXag=="#,
    ),
];

const CREDENTIALS: &[&str] = &[
    "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
    "Bearer mF_9.B5f-4.1JqM",
    r#"Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#,
];

/// Visits everything a caller can read without asking for a copy; returns
/// the number of params seen so that the test can check the walk happened.
fn walk_challenges(input: &str) -> usize {
    let mut params = 0;
    for c in Challenges::parse(input) {
        let c = c.expect("valid input");
        black_box((c.scheme(), c.token68()));
        for p in c.params() {
            let v = p.value();
            black_box((p.name(), v.raw(), v.is_quoted()));
            black_box(v.bytes().count());
            if !v.has_escapes() {
                // Borrowed views of a value without escapes.
                assert!(v.as_str().is_some(), "{input}: {p}");
                assert!(matches!(v.unescaped(), Cow::Borrowed(_)));
                assert!(matches!(v.unescaped_str(), Ok(Cow::Borrowed(_))));
            }
            params += 1;
        }
    }
    params
}

#[test]
fn iterating_challenges_does_not_allocate() {
    // The counter is live: a Vec allocates.
    let (n, v) = allocations(|| vec![0u8; 16]);
    assert_eq!(n, 1);
    drop(v);

    for (input, expected) in CHALLENGES.iter().zip([2, 3, 3, 10, 21]) {
        let (n, params) = allocations(|| walk_challenges(input));
        assert_eq!(params, expected, "{input}");
        assert_eq!(n, 0, "{input}: {n} allocations");
    }
}

/// Several field lines, a line going on with the params of the challenge
/// before it, and the view's lookups: still no allocation.
#[test]
fn field_lines_do_not_allocate() {
    let lines = [
        r#"Digest realm="r", qop="auth, auth-int""#,
        "",
        r#"nonce="abc", algorithm=SHA-256, Basic realm="x""#,
        r#"charset="UTF-8""#,
    ];
    let (n, seen) = allocations(|| {
        let mut seen = [0usize; 2];
        for (i, c) in Challenges::parse_lines(&lines).enumerate() {
            let c = c.expect("valid lines");
            let params = c.params();
            black_box(params.get("nonce"));
            for p in params {
                black_box((p.name(), p.value().raw()));
                seen[i] += 1;
            }
        }
        seen
    });
    assert_eq!(seen, [4, 2]);
    assert_eq!(n, 0, "{n} allocations");
}

#[test]
fn parsing_credentials_does_not_allocate() {
    for (input, expected) in CREDENTIALS.iter().zip([0, 0, 10]) {
        let (n, params) = allocations(|| {
            let c = Credentials::parse(input).expect("valid input");
            black_box((c.scheme(), c.token68()));
            let mut params = 0;
            for p in c.params() {
                black_box((p.name(), p.value().as_str(), p.value().unescaped()));
                params += 1;
            }
            params
        });
        assert_eq!(params, expected, "{input}");
        assert_eq!(n, 0, "{input}: {n} allocations");
    }
}

#[test]
fn iterating_authentication_info_does_not_allocate() {
    let input = r#"nextnonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", qop=auth, rspauth="8ca523f5e9506fed4657c9700eebdbec", cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", nc=00000001"#;
    let (n, params) = allocations(|| {
        let mut params = 0;
        for p in InfoParams::parse(input) {
            let p = p.expect("valid input");
            black_box((p.name(), p.value().as_str()));
            params += 1;
        }
        params
    });
    assert_eq!(params, 5);
    assert_eq!(n, 0, "{n} allocations");
}

#[test]
fn unescaping_allocates_only_when_there_are_escapes() {
    let c = Challenges::parse(r#"Newauth title="Login to \"apps\"", realm=apps"#)
        .next()
        .unwrap()
        .unwrap();
    let title = c.param("title").unwrap();
    let (n, s) = allocations(|| title.unescaped_str().unwrap());
    assert_eq!((n, &*s), (1, r#"Login to "apps""#));
    let realm = c.param("realm").unwrap();
    let (n, s) = allocations(|| realm.unescaped_str().unwrap());
    assert_eq!((n, &*s), (0, "apps"));
}

#[test]
fn decoding_short_basic_credentials_does_not_allocate() {
    use http_auth_headers::scheme::basic::BasicCredentials;
    let c = Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").expect("valid input");
    let (n, user) = allocations(|| {
        let b = BasicCredentials::try_from(&c).expect("valid Basic");
        black_box(b.password());
        b.user_id().len()
    });
    assert_eq!((n, user), (0, 7));
}
