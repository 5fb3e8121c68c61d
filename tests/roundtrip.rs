//! Properties: the canonical form of anything that parses parses back to the
//! same value and is stable; writing then parsing gives back what was
//! written; no input panics.
#![cfg(feature = "alloc")]

use http_auth_headers::{AuthBuilder, AuthenticationInfo, Challenge, Challenges, Credentials};
use proptest::prelude::*;

fn token() -> impl Strategy<Value = String> {
    "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}"
}

fn token68() -> impl Strategy<Value = String> {
    ("[A-Za-z0-9._~+/-]{1,24}", 0..3usize).prop_map(|(t, pad)| t + &"=".repeat(pad))
}

/// A value as written: a token, or a quoted-string with arbitrary qdtext,
/// quoted-pairs (needed or not) and non-ASCII text.
fn value() -> impl Strategy<Value = String> {
    let quoted_char = prop_oneof!["[ \t!#-\\[\\]-~]", "\\\\[ -~]".prop_map(|s| s), "[é£ø中]",];
    prop_oneof![
        token(),
        prop::collection::vec(quoted_char, 0..10).prop_map(|cs| format!("\"{}\"", cs.concat())),
    ]
}

fn ows() -> impl Strategy<Value = String> {
    "[ \t]{0,2}"
}

fn param() -> impl Strategy<Value = String> {
    (token(), ows(), ows(), value()).prop_map(|(n, b1, b2, v)| format!("{n}{b1}={b2}{v}"))
}

/// The separator of list elements, with optional empty elements.
fn comma() -> impl Strategy<Value = String> {
    (ows(), 1..3usize, ows()).prop_map(|(a, n, b)| format!("{a}{}{b}", ",".repeat(n)))
}

/// `scheme [ 1*SP ( token68 / #auth-param ) ]`
fn item() -> impl Strategy<Value = String> {
    let body = prop_oneof![
        Just(String::new()),
        ("[ ]{1,2}", token68()).prop_map(|(sp, t)| format!("{sp}{t}")),
        ("[ ]{1,2}", prop::collection::vec((param(), comma()), 1..5)).prop_map(|(sp, ps)| {
            let n = ps.len();
            let mut s = sp;
            for (i, (p, c)) in ps.into_iter().enumerate() {
                s += &p;
                if i + 1 < n {
                    s += &c;
                }
            }
            s
        }),
    ];
    (token(), body).prop_map(|(s, b)| s + &b)
}

fn challenge_list() -> impl Strategy<Value = String> {
    (ows(), prop::collection::vec((item(), comma()), 0..5), ows()).prop_map(|(a, items, b)| {
        let n = items.len();
        let mut s = a;
        for (i, (it, c)) in items.into_iter().enumerate() {
            s += &it;
            if i + 1 < n {
                s += &c;
            }
        }
        s + &b
    })
}

fn canonical(cs: &[Challenge<'_>]) -> String {
    cs.iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn generated_challenge_lists_round_trip(v in challenge_list()) {
        let parsed: Vec<_> = Challenges::parse(&v).collect::<Result<_, _>>()
            .map_err(|e| TestCaseError::fail(format!("{v:?}: {e}")))?;
        let text = canonical(&parsed);
        let again: Vec<_> = Challenges::parse(&text).collect::<Result<_, _>>()
            .map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(&parsed, &again, "{:?} -> {:?}", v, text);
        prop_assert_eq!(canonical(&again), text);
    }

    #[test]
    fn generated_credentials_round_trip(v in item()) {
        let parsed = Credentials::parse(&v).map_err(|e| TestCaseError::fail(format!("{v:?}: {e}")))?;
        let text = parsed.to_string();
        let again = Credentials::parse(&text).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(&parsed, &again);
        prop_assert_eq!(again.to_string(), text);
    }

    #[test]
    fn generated_info_round_trips(ps in prop::collection::vec((param(), comma()), 0..6)) {
        let v: String = ps.into_iter().map(|(p, c)| p + &c).collect();
        let parsed = AuthenticationInfo::parse(&v).map_err(|e| TestCaseError::fail(format!("{v:?}: {e}")))?;
        let text = parsed.to_string();
        let again = AuthenticationInfo::parse(&text).unwrap();
        prop_assert_eq!(&parsed, &again);
        prop_assert_eq!(again.to_string(), text);
    }

    /// unescape(escape(s)) == s, through the builder and the parser.
    #[test]
    fn builder_output_parses_back(
        scheme in token(),
        params in prop::collection::btree_map("[a-z]{1,6}", "[ \t!-~é中]{0,12}", 0..6),
    ) {
        let mut b = AuthBuilder::challenge(&scheme);
        for (n, v) in &params {
            b = b.param(n, v);
        }
        let text = b.finish().unwrap();
        let c = Challenges::parse(&text).next().transpose().unwrap().unwrap();
        prop_assert!(c.is_scheme(&scheme));
        let got: Vec<(String, String)> = c.params()
            .iter()
            .map(|p| (p.name().to_string(), p.value().unescaped_str().unwrap().into_owned()))
            .collect();
        let want: Vec<(String, String)> = params.into_iter().collect();
        prop_assert_eq!(got, want);
    }

    /// Whatever the bytes, parsing returns, and what parses round-trips.
    #[test]
    fn arbitrary_bytes_never_panic(v in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut ok = Vec::new();
        for c in Challenges::parse(&v) {
            match c {
                Ok(c) => ok.push(c),
                Err(e) => prop_assert!(e.offset() <= v.len()),
            }
        }
        if let Ok(c) = Credentials::parse(&v) {
            let bytes = c.to_bytes();
            prop_assert_eq!(Credentials::parse(&bytes).unwrap(), c);
        }
        if let Ok(info) = AuthenticationInfo::parse(&v) {
            let bytes = info.to_bytes();
            prop_assert_eq!(AuthenticationInfo::parse(&bytes).unwrap(), info);
        }
        // The lossless form round-trips whatever the bytes, obs-text
        // included; Display is its lossy UTF-8 reading.
        for c in &ok {
            let bytes = c.to_bytes();
            prop_assert_eq!(c.to_string(), String::from_utf8_lossy(&bytes).into_owned());
            let again = Challenges::parse(&bytes).next().unwrap().unwrap();
            prop_assert_eq!(&again, c);
            prop_assert_eq!(again.to_bytes(), bytes);
        }
    }

    /// Quoted values holding any obs-text bytes (0x80-0xFF, UTF-8 or not)
    /// come back byte for byte from the lossless writer.
    #[test]
    fn obs_text_round_trips_byte_for_byte(
        name in token(),
        value in prop::collection::vec(prop_oneof![0x80u8..=0xff, 0x20u8..0x7f], 0..24),
    ) {
        let mut input = format!("X {name}=\"").into_bytes();
        for &b in &value {
            if b == b'"' || b == b'\\' {
                input.push(b'\\');
            }
            input.push(b);
        }
        input.push(b'"');
        let c = Challenges::parse(&input).next().unwrap().unwrap();
        prop_assert_eq!(&*c.param(&name).unwrap().unescaped(), &value[..]);
        let written = c.to_bytes();
        let again = Challenges::parse(&written).next().unwrap().unwrap();
        prop_assert_eq!(&*again.param(&name).unwrap().unescaped(), &value[..]);
        prop_assert_eq!(&again, &c);
        let owned = c.clone().into_owned();
        prop_assert_eq!(owned.to_bytes(), c.to_bytes());
    }

    /// Mostly-grammatical noise: finds the boundary cases faster than bytes.
    #[test]
    fn grammar_noise_never_panics(v in "[A-Za-z0-9=,\" \t\\\\/+.~_-]{0,40}") {
        let all: Result<Vec<_>, _> = Challenges::parse(&v).collect();
        if let Ok(all) = all {
            let text = canonical(&all);
            let again: Vec<_> = Challenges::parse(&text).collect::<Result<_, _>>()
                .map_err(|e| TestCaseError::fail(format!("{v:?} -> {text:?}: {e}")))?;
            prop_assert_eq!(all, again);
        }
        if let Ok(c) = Credentials::parse(&v) {
            let text = c.to_string();
            prop_assert_eq!(Credentials::parse(&text).unwrap(), c);
        }
    }
}
