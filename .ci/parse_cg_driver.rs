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
//! `k_bearer_<ours|headers|pn>`, `k_digest_<ours|pn>`. The inputs and
//! functions are `benches/parse.rs`'s own (`benches/common/contenders.rs`).
#![allow(dead_code, missing_docs)]
use std::hint::black_box;

use http::HeaderValue;

#[path = "../benches/common/contenders.rs"]
mod contenders;
use contenders::*;

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
