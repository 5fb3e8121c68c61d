//! The ratios of `benches/parse.rs`, measured interleaved: every round times
//! a batch of this crate's call, then a batch of each peer's, so that each
//! ratio compares runs a few milliseconds apart.
//!
//! Criterion (`benches/parse.rs`) measures one contender for seconds, then the
//! next. The machines this crate is measured on alternate between a quiet
//! state and a contended one on a scale of seconds to minutes, and the
//! contended state slows this crate's code far more than the peers'
//! (`benches/README.md`): a criterion ratio then depends on which contender
//! fell in which state. Here every round gives a ratio of its own; the
//! report gives their median over all rounds, and over the rounds where
//! this crate ran in its quiet state (within 15% of its fastest round) and
//! the others.
//!
//! The work per call is exactly `benches/parse.rs`'s (the same contender
//! functions, `benches/common/contenders.rs`); the peer of a group is the
//! faster peer of each round, as the targets of issue 8 are stated.
//!
//! Run: `cargo bench --bench ratios` (under a minute; `-- GROUP` for groups
//! whose name contains GROUP).

use std::hint::black_box;
use std::sync::LazyLock;
use std::time::Instant;

use http::HeaderValue;

#[path = "common/contenders.rs"]
mod contenders;
use contenders::*;

/// Times `n` calls, in nanoseconds per call.
type Batch = fn(u32) -> f64;

/// A contender's batch: the call inlined in its own loop, so that no
/// contender pays for an indirect call per iteration.
macro_rules! batch {
    ($e:expr) => {{
        fn run(n: u32) -> f64 {
            let t = Instant::now();
            for _ in 0..n {
                black_box($e);
            }
            t.elapsed().as_nanos() as f64 / f64::from(n)
        }
        run as Batch
    }};
}

static BASIC_HV: LazyLock<HeaderValue> = LazyLock::new(|| HeaderValue::from_static(CRED_BASIC));
static BEARER_HV: LazyLock<HeaderValue> = LazyLock::new(|| HeaderValue::from_static(CRED_BEARER));

struct Group {
    name: &'static str,
    ours: Batch,
    peers: Vec<(&'static str, Batch)>,
}

/// A challenge group: ours against http-auth and parse-net on `$input`.
macro_rules! challenges {
    ($name:literal, $input:expr) => {
        Group {
            name: $name,
            ours: batch!(ours_iter(black_box($input))),
            peers: vec![
                ("http-auth", batch!(http_auth(black_box($input)))),
                ("parse-net", batch!(parse_net_challenges(black_box($input)))),
            ],
        }
    };
}

fn groups() -> Vec<Group> {
    let g = |name, ours, peers| Group { name, ours, peers };
    vec![
        challenges!("challenges/basic", BASIC),
        challenges!("challenges/bearer", BEARER),
        challenges!("challenges/docker", DOCKER),
        challenges!("challenges/digest_pair", DIGEST_PAIR),
        // The one target stated against a floor: ours within 1.2x of it,
        // that is a ratio of at least 1/1.2 = 0.83 here.
        g(
            "challenges/digest_pair (floor)",
            batch!(ours_iter(black_box(DIGEST_PAIR))),
            vec![(
                "floor/split",
                batch!(floor_split(black_box(DIGEST_PAIR.as_bytes()))),
            )],
        ),
        challenges!("challenges/list10", LIST10),
        g(
            "credentials/basic",
            batch!(ours_basic(black_box(CRED_BASIC))),
            vec![("headers", batch!(headers_basic(black_box(&BASIC_HV))))],
        ),
        g(
            "credentials/bearer",
            batch!(ours_bearer(black_box(CRED_BEARER))),
            vec![(
                "parse-net",
                batch!(parse_net_bearer(black_box(CRED_BEARER))),
            )],
        ),
        g(
            "credentials/bearer (headers)",
            batch!(ours_bearer(black_box(CRED_BEARER))),
            vec![("headers", batch!(headers_bearer(black_box(&BEARER_HV))))],
        ),
        g(
            "credentials/digest",
            batch!(ours_digest(black_box(CRED_DIGEST))),
            vec![(
                "parse-net",
                batch!(parse_net_digest(black_box(CRED_DIGEST))),
            )],
        ),
    ]
}

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Rounds per group, and the time each batch aims at.
const ROUNDS: usize = 5000;
const BATCH_NS: f64 = 300_000.0;

fn main() {
    // Every contender does the same work (checked as in parse.rs, by the
    // contenders' counts) before anything is timed.
    // `cargo bench` passes `--bench`; any other argument selects groups.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    println!(
        "{:<32} {:>7} {:>9} {:>9} {:>7} {:>13} {:>13}",
        "group (peer/ours)", "rounds", "ours ns", "peer ns", "ratio", "quiet", "contended"
    );
    for (name, input, expect) in CHALLENGE_GROUPS {
        check_challenges(name, input, expect);
    }
    check_credentials(&BASIC_HV, &BEARER_HV);
    for group in groups() {
        if !filter.is_empty() && !filter.iter().any(|f| group.name.contains(f.as_str())) {
            continue;
        }
        let calls = |one: f64| ((BATCH_NS / one.max(1.0)) as u32).clamp(10, 100_000);
        let n_ours = calls((group.ours)(1000));
        let n_peers: Vec<u32> = group.peers.iter().map(|(_, p)| calls(p(100))).collect();
        let mut rounds = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            let ours = (group.ours)(n_ours);
            let peer = group
                .peers
                .iter()
                .zip(&n_peers)
                .map(|((_, p), &n)| p(n))
                .fold(f64::INFINITY, f64::min);
            rounds.push((ours, peer));
        }
        let fastest = rounds.iter().map(|r| r.0).fold(f64::INFINITY, f64::min);
        let ratio = |r: &(f64, f64)| r.1 / r.0;
        let mut all: Vec<f64> = rounds.iter().map(ratio).collect();
        let (quiet, busy): (Vec<_>, Vec<_>) = rounds.iter().partition(|r| r.0 < 1.15 * fastest);
        let mut quiet: Vec<f64> = quiet.into_iter().map(ratio).collect();
        let mut busy: Vec<f64> = busy.into_iter().map(ratio).collect();
        let (nq, nb) = (quiet.len(), busy.len());
        let mut ours_t: Vec<f64> = rounds.iter().map(|r| r.0).collect();
        let mut peer_t: Vec<f64> = rounds.iter().map(|r| r.1).collect();
        let peers: Vec<&str> = group.peers.iter().map(|p| p.0).collect();
        println!(
            "{:<32} {:>7} {:>9.1} {:>9.1} {:>7.2} {:>8.2} ({:>3}) {:>8.2} ({:>3})  peer: {}",
            group.name,
            ROUNDS,
            median(&mut ours_t),
            median(&mut peer_t),
            median(&mut all),
            median(&mut quiet),
            nq,
            median(&mut busy),
            nb,
            peers.join(" or "),
        );
    }
}
