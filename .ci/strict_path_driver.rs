//! Callgrind driver for the strict path (lenient-mode PR): copy to examples/cg.rs in two
//! checkouts, `cargo build --release --example cg`, then
//! `valgrind --tool=callgrind ./target/release/examples/cg 2000 c` (challenges), `k`
//! (credentials) or `all`, and compare the instruction counts.
use http_auth_headers::{Challenges, Credentials};
use std::hint::black_box;
const INPUTS: &[&str] = &[
    r#"Basic realm="WallyWorld", charset="UTF-8""#,
    r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#,
    r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push""#,
    r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#,
    "Negotiate, NTLM, Basic realm=\"x\", Bearer",
];
fn challenges(total: &mut usize) {
    for input in INPUTS {
        for ch in Challenges::parse(black_box(*input)) {
            let ch = ch.unwrap();
            black_box(ch.scheme());
            black_box(ch.token68());
            for p in ch.params() {
                black_box(p.name());
                black_box(p.value());
                *total += 1;
            }
        }
    }
}
fn credentials(total: &mut usize) {
    let c = Credentials::parse(black_box("Bearer mF_9.B5f-4.1JqM")).unwrap();
    black_box(c.token68());
    let c = Credentials::parse(black_box(r#"Digest username="Mufasa", realm="r", nonce="n", uri="/", response="abc""#)).unwrap();
    *total += c.params().iter().count();
}
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10000);
    let mode = std::env::args().nth(2).unwrap_or_default();
    let mut total = 0usize;
    for _ in 0..n {
        if mode != "k" { challenges(&mut total); }
        if mode != "c" { credentials(&mut total); }
    }
    println!("{total}");
}
