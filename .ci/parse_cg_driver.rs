//! Callgrind driver for `benches/parse.rs` (issue 8's speed targets): every
//! contender of every group, one at a time, so that each instruction count
//! is the work of one parse and visit, as the bench measures it.
//!
//! `.ci/parse_cg.sh [NAME...]` does all of this. By hand: copy to
//! `examples/cgp.rs`, `cargo build --profile bench --example cgp`, then for
//! each NAME below count the instructions of N = 1 and N = 1001 runs; the
//! difference over 1000 is the count per parse:
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
//!
//! It also times (the wall-clock comparisons of the second session of
//! 2026-11-28 in `benches/README.md`): `target/release/examples/cgp time
//! GROUP` runs 300 rounds, each timing 2000 calls of every contender of
//! GROUP in turn, and prints the fastest, 10th-percentile and median round
//! per call in ns. GROUP: `one` (ours on `challenges/basic` alone, for
//! comparing two builds), `basic`, `bearer` (ours against http-auth), `parts`
//! (`challenges/basic` taken apart: parse only, names only, a bare scheme,
//! one param), `tok` (token and longer quoted values), `kbasic`, `kbearer`
//! (credentials). Two builds were compared by running their `time one` in
//! turn 31-41 times and taking the median ratio of the 10th-percentile
//! figures over the pairs where both were within 15% of the fastest run (the
//! quiet state of the machine). Extra callgrind NAMEs: `x_bare`
//! (`Negotiate`), `x_one` (one param), `x_three`, `x_parse_only`.
#![allow(dead_code, missing_docs)]
use std::hint::black_box;

use http::HeaderValue;

#[path = "../benches/common/contenders.rs"]
mod contenders;
use contenders::*;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args[1].as_str();
    if what == "time" {
        timing(&args[2]);
        return;
    }
    let n: usize = args[2].parse().unwrap();
    let basic_hv = HeaderValue::from_static(CRED_BASIC);
    let bearer_hv = HeaderValue::from_static(CRED_BEARER);
    let hv = (basic_hv, bearer_hv);
    let f: fn(&(HeaderValue, HeaderValue)) -> usize = match what {
        "x_parse_only" => |hv| {
            let _ = hv;
            let mut n = 0;
            for ch in http_auth_headers::Challenges::parse(black_box(BASIC)) {
                black_box(&ch);
                n += 1;
            }
            n
        },
        "x_bare" => |hv| {
            let _ = hv;
            ours_iter(black_box("Negotiate")).1
        },
        "x_one" => |hv| {
            let _ = hv;
            ours_iter(black_box(r#"Basic realm="WallyWorld""#)).1
        },
        "x_three" => |hv| {
            let _ = hv;
            ours_iter(black_box(
                r#"Basic realm="WallyWorld", charset="UTF-8", foo="barbaz""#,
            ))
            .1
        },
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

#[allow(dead_code)]
pub fn timing(which: &str) {
    use std::time::Instant;
    let fs: Vec<(&str, fn() -> usize)> = match which {
        "basic" => vec![
            ("ours", || ours_iter(black_box(BASIC)).1),
            ("ha", || http_auth(black_box(BASIC)).1),
        ],
        "bearer" => vec![
            ("ours", || ours_iter(black_box(BEARER)).1),
            ("ha", || http_auth(black_box(BEARER)).1),
        ],
        "one" => vec![("ours", || ours_iter(black_box(BASIC)).1)],
        "kbasic" => vec![
            ("ours", || ours_basic(black_box(CRED_BASIC))),
            ("ha", || {
                headers_basic(black_box(&HeaderValue::from_static(CRED_BASIC)))
            }),
        ],
        "kbearer" => vec![
            ("ours", || ours_bearer(black_box(CRED_BEARER))),
            ("ha", || parse_net_bearer(black_box(CRED_BEARER))),
        ],
        "tok" => vec![
            ("ours", || ours_iter(black_box(BASIC)).1),
            ("tok", || {
                ours_iter(black_box("Basic realm=WallyWorld, charset=UTF-8")).1
            }),
            ("q_long", || {
                ours_iter(black_box(
                    r#"Basic realm="WallyWorldWallyWorld", charset="UTF-8UTF-8UTF-8""#,
                ))
                .1
            }),
            ("ha", || http_auth(black_box(BASIC)).1),
            ("ha_tok", || {
                http_auth(black_box("Basic realm=WallyWorld, charset=UTF-8")).1
            }),
        ],
        "parts" => vec![
            ("full", || ours_iter(black_box(BASIC)).1),
            ("ha", || http_auth(black_box(BASIC)).1),
            ("parse_only", || {
                let mut n = 0;
                for ch in http_auth_headers::Challenges::parse(black_box(BASIC)) {
                    black_box(&ch);
                    n += 1;
                }
                n
            }),
            ("names_only", || {
                let mut n = 0;
                for ch in http_auth_headers::Challenges::parse(black_box(BASIC)) {
                    let ch = ch.unwrap();
                    black_box(ch.scheme());
                    for p in ch.params() {
                        black_box(p.name());
                        n += 1;
                    }
                }
                n
            }),
            ("bare", || ours_iter(black_box("Negotiate")).1),
            ("one", || {
                ours_iter(black_box(r#"Basic realm="WallyWorld""#)).1
            }),
            ("bare_ha", || http_auth(black_box("Negotiate")).1),
            ("one_ha", || {
                http_auth(black_box(r#"Basic realm="WallyWorld""#)).1
            }),
        ],
        _ => panic!(),
    };
    let mut res: Vec<Vec<f64>> = vec![vec![]; fs.len()];
    for _round in 0..300 {
        for (k, (_, f)) in fs.iter().enumerate() {
            let t = Instant::now();
            for _ in 0..2000 {
                black_box(f());
            }
            res[k].push(t.elapsed().as_nanos() as f64 / 2000.0);
        }
    }
    let mut stats = vec![];
    for (k, (n, _)) in fs.iter().enumerate() {
        let v = &mut res[k];
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let (min, p10, med) = (v[0], v[v.len() / 10], v[v.len() / 2]);
        println!("{n}: min {min:.1} p10 {p10:.1} median {med:.1}");
        stats.push((min, p10, med));
    }
    if stats.len() != 2 {
        return;
    }
    println!(
        "ratio ha/ours: min {:.2} p10 {:.2} median {:.2}",
        stats[1].0 / stats[0].0,
        stats[1].1 / stats[0].1,
        stats[1].2 / stats[0].2
    );
}
