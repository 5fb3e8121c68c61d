//! Hostile input: megabyte-sized fields of the shapes that stress a list
//! parser, the limits of `ParseOptions`, the absence of recursion, and
//! `Debug` output that never shows secrets.
#![cfg(feature = "alloc")]

use http_auth_headers::scheme::basic::BasicCredentials;
use http_auth_headers::scheme::bearer::{BearerCredentials, DpopCredentials};
use http_auth_headers::scheme::digest::DigestCredentials;
use http_auth_headers::{
    AuthBuilder, Challenges, Credentials, ErrorKind, InfoParams, ParseOptions,
};

const MIB: usize = 1 << 20;
const N: usize = 100_000;

/// `X k0=v0, k1=v1, …`: one challenge with `N` params, about 1 MiB, the
/// values padded so that the whole is at least 1 MiB.
fn many_params() -> String {
    let pad = "v".repeat(MIB / N);
    let mut s = String::from("X ");
    for i in 0..N {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&format!("k{i}={pad}"));
    }
    assert!(s.len() >= MIB);
    s
}

/// `X a="\"\"…"`: one quoted-string of 1 MiB, every character escaped.
fn huge_escaped() -> String {
    format!("X a=\"{}\"", "\\\"".repeat(MIB / 2))
}

/// `N` empty list elements with OWS (`,` then SP padding), about 1 MiB,
/// around one challenge in the middle.
fn empty_elements() -> String {
    let element = format!(",{}", " ".repeat(MIB / N));
    let mut s = element.repeat(N / 2);
    s.push_str("Basic realm=x");
    s.push_str(&element.repeat(N / 2));
    assert!(s.len() >= MIB);
    s
}

/// `S0, S1, …`: `N` bare schemes, padded to about 1 MiB.
fn bare_schemes() -> String {
    let pad = "s".repeat(MIB / N);
    (0..N)
        .map(|i| format!("S{i}{pad}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn count_challenges(input: &str) -> (usize, usize) {
    let mut challenges = 0;
    let mut params = 0;
    for c in Challenges::parse(input) {
        let c = c.unwrap();
        challenges += 1;
        params += c.params().iter().count();
    }
    (challenges, params)
}

#[test]
fn many_params_in_one_field() {
    let input = many_params();
    assert_eq!(count_challenges(&input), (1, N));
    let c = Challenges::parse(&input).next().unwrap().unwrap();
    assert_eq!(c.params().len(), N);
    assert_eq!(
        c.params().iter().last().unwrap().name(),
        format!("k{}", N - 1)
    );
    let creds = Credentials::parse(&input).unwrap();
    assert_eq!(creds.params().len(), N);
    let info = &input[2..];
    assert_eq!(InfoParams::parse(info).filter(Result::is_ok).count(), N);
}

#[test]
fn one_huge_escaped_quoted_string() {
    let input = huge_escaped();
    let c = Challenges::parse(&input).next().unwrap().unwrap();
    let v = c.param("a").unwrap();
    assert_eq!(v.raw().len(), MIB);
    assert_eq!(v.bytes().count(), MIB / 2);
    assert!(v.bytes().all(|b| b == b'"'));
    assert_eq!(v.unescaped_str().unwrap().len(), MIB / 2);
    // The canonical form keeps every escape: `"` must stay escaped.
    assert_eq!(c.to_string().len(), input.len());
}

#[test]
fn many_empty_list_elements() {
    let input = empty_elements();
    assert_eq!(count_challenges(&input), (1, 1));
    // Only empty elements: no challenge at all.
    let only_empty = ",".repeat(N) + &" ".repeat(MIB);
    assert_eq!(count_challenges(&only_empty), (0, 0));
    // Empty elements between two params of one challenge.
    let between = format!("X a=1{}b=2", ",".repeat(MIB));
    assert_eq!(count_challenges(&between), (1, 2));
    assert_eq!(InfoParams::parse(&between[2..]).count(), 2);
}

#[test]
fn many_bare_schemes() {
    let input = bare_schemes();
    assert!(input.len() >= MIB);
    assert_eq!(count_challenges(&input), (N, 0));
    let last = Challenges::parse(&input).last().unwrap().unwrap();
    assert!(last.scheme().starts_with(&format!("S{}", N - 1)));
}

#[test]
fn no_recursion_on_a_small_stack() {
    let inputs = [
        many_params(),
        huge_escaped(),
        empty_elements(),
        bare_schemes(),
    ];
    let counts = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(move || {
            inputs
                .iter()
                .map(|input| {
                    let mut params = 0;
                    let mut bytes = 0;
                    for c in Challenges::parse(input) {
                        for p in c.unwrap().params() {
                            params += 1;
                            bytes += p.value().bytes().count();
                        }
                    }
                    (params, bytes)
                })
                .collect::<Vec<_>>()
        })
        .unwrap()
        .join()
        .unwrap();
    let pad = MIB / N;
    assert_eq!(counts, [(N, N * pad), (1, MIB / 2), (1, 1), (0, 0)]);
}

#[test]
fn max_challenges() {
    let opts = ParseOptions::new().max_challenges(2);
    let mut it = opts.parse::<Challenges>("A, B x=1,  C, D");
    assert!(it.next().unwrap().is_ok());
    assert!(it.next().unwrap().is_ok());
    let err = it.next().unwrap().unwrap_err();
    assert_eq!(
        (err.kind(), err.offset(), err.found()),
        (ErrorKind::TooManyChallenges, 11, Some(b'C'))
    );
    assert!(it.next().is_none());
    // Counted over all the field lines of the field.
    let lines = ["A", "B", ", C"];
    let err = opts
        .parse_lines::<Challenges>(&lines)
        .find_map(Result::err)
        .unwrap();
    assert_eq!(
        (err.kind(), err.line(), err.offset()),
        (ErrorKind::TooManyChallenges, 2, 2)
    );
    // The limit itself is allowed.
    assert_eq!(
        opts.parse::<Challenges>("A, B")
            .filter(Result::is_ok)
            .count(),
        2
    );
}

#[test]
fn max_params() {
    let opts = ParseOptions::new().max_params(2);
    let err = opts
        .parse::<Challenges>("X a=1, b=2, c=3")
        .next()
        .unwrap()
        .unwrap_err();
    assert_eq!((err.kind(), err.offset()), (ErrorKind::TooManyParams, 12));
    let err = opts.parse::<Credentials>("X a=1, b=2, c=3").unwrap_err();
    assert_eq!((err.kind(), err.offset()), (ErrorKind::TooManyParams, 12));
    let err = opts
        .parse::<InfoParams>("a=1, b=2, c=3")
        .find_map(Result::err)
        .unwrap();
    assert_eq!((err.kind(), err.offset()), (ErrorKind::TooManyParams, 10));
    // Per challenge: two challenges of two params each are fine.
    let ok = opts.parse::<Challenges>("X a=1, b=2, Y c=3, d=4");
    assert_eq!(ok.filter(Result::is_ok).count(), 2);
}

#[test]
fn max_value_len() {
    let opts = ParseOptions::new().max_value_len(3);
    let first_err = |input: &str| {
        opts.parse::<Challenges>(input)
            .find_map(Result::err)
            .map(|e| (e.kind(), e.offset()))
    };
    assert_eq!(
        first_err("X a=123, b=1234"),
        Some((ErrorKind::ValueTooLong, 11))
    );
    assert_eq!(
        first_err("X a=\"1234\""),
        Some((ErrorKind::ValueTooLong, 4))
    );
    assert_eq!(first_err("X a = 1234"), Some((ErrorKind::ValueTooLong, 6)));
    assert_eq!(first_err("Y, X abcd"), Some((ErrorKind::ValueTooLong, 5)));
    assert_eq!(
        first_err("X a=\"123\", b=abc, Y abc=="),
        Some((ErrorKind::ValueTooLong, 20))
    );
    assert_eq!(first_err("X a=\"123\", b=abc, Y abc"), None);
    // The limit applies to the value as written, escapes included.
    assert_eq!(
        first_err("X a=\"\\a\\b\""),
        Some((ErrorKind::ValueTooLong, 4))
    );
    let err = opts.parse::<Credentials>("Bearer abcd").unwrap_err();
    assert_eq!((err.kind(), err.offset()), (ErrorKind::ValueTooLong, 7));
    let err = opts
        .parse::<InfoParams>("a=1, b=\"xyzw\"")
        .find_map(Result::err)
        .unwrap();
    assert_eq!((err.kind(), err.offset()), (ErrorKind::ValueTooLong, 7));
}

#[test]
fn debug_shows_no_secrets() {
    let secrets = ["s3cr3t-pa55", "tok-3n.68xyz", "opaque-va1ue"];
    let show = |d: String| {
        for s in secrets {
            assert!(!d.contains(s), "{d} shows {s}");
        }
        d
    };

    let c = Credentials::parse("Bearer tok-3n.68xyz").unwrap();
    assert!(show(format!("{c:?}")).contains("Bearer"));
    let c =
        Credentials::parse("Digest username=\"u\", response=\"s3cr3t-pa55\", opaque=opaque-va1ue")
            .unwrap();
    let d = show(format!("{c:?} {c:#?}"));
    assert!(d.contains("response") && d.contains("opaque"), "{d}");
    for p in c.params() {
        // The values are redacted, not only the secret-looking ones.
        assert!(
            !d.contains(&format!("\"{}\"", p.value().unescaped_str().unwrap())),
            "{d}"
        );
    }

    let encoded = BasicCredentials::builder("aladdin", "s3cr3t-pa55")
        .finish()
        .unwrap();
    let basic = BasicCredentials::try_from(&Credentials::parse(&encoded).unwrap()).unwrap();
    show(format!("{basic:?} {basic:#?}"));
    let c = Credentials::parse(&encoded).unwrap();
    assert!(!show(format!("{c:?}")).contains(&encoded[6..]));

    let b = AuthBuilder::credentials("Digest")
        .param("response", "s3cr3t-pa55")
        .param("opaque", "opaque-va1ue");
    show(format!("{b:?} {b:#?}"));
    let b = AuthBuilder::credentials("Bearer").token68("tok-3n.68xyz");
    show(format!("{b:?} {b:#?}"));
    let b = BasicCredentials::builder("aladdin", "s3cr3t-pa55");
    show(format!("{b:?} {b:#?}"));
    let b = BearerCredentials::builder("tok-3n.68xyz");
    show(format!("{b:?} {b:#?}"));
    let b = DpopCredentials::builder("tok-3n.68xyz");
    show(format!("{b:?} {b:#?}"));
    let b = DigestCredentials::builder("aladdin", "r", "n", "/", "s3cr3t-pa55");
    show(format!("{b:?} {b:#?}"));
}
