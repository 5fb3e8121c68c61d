//! Lenient mode: each deviation kind's rule, what the parse yields, the
//! reported kind, line and offset; recovery; strict results unchanged.
#![cfg(feature = "alloc")]

use std::sync::Mutex;

use http_auth_headers::{
    Challenges, Credentials, Deviation, DeviationKind as K, ErrorKind, InfoParams, ParseOptions,
};

/// Parses `value` leniently: every challenge as `scheme [token68] name=value…`
/// (values unescaped), and the deviations as (kind, line, offset).
fn lax_challenges(lines: &[&str]) -> (Vec<String>, Vec<(K, usize, usize)>) {
    let seen = Mutex::new(Vec::new());
    let report = |d: Deviation| seen.lock().unwrap().push((d.kind(), d.line(), d.offset()));
    let opts = ParseOptions::new().lenient().on_deviation(&report);
    let out = opts
        .parse_lines::<Challenges>(&lines)
        .map(|c| {
            let c = c.expect("lenient parse");
            let mut s = c.scheme().to_owned();
            if let Some(t) = c.token68() {
                s += &format!(" {t}");
            }
            for p in c.params() {
                s += &format!(
                    " {}={}",
                    p.name(),
                    String::from_utf8_lossy(&p.value().unescaped())
                );
            }
            s
        })
        .collect();
    let devs = seen.into_inner().unwrap();
    (out, devs)
}

fn one(value: &str) -> (Vec<String>, Vec<(K, usize, usize)>) {
    lax_challenges(&[value])
}

fn assert_strict_fails(value: &str) {
    assert!(
        Challenges::parse(value).any(|c| c.is_err()),
        "strict accepts {value:?}"
    );
}

#[test]
fn unquoted_value_chars() {
    let v = "Bearer realm=https://as.example/x?y=1, scope=openid";
    assert_strict_fails(v);
    assert_eq!(
        one(v),
        (
            vec!["Bearer realm=https://as.example/x?y=1 scope=openid".into()],
            vec![(K::UnquotedValueChars, 0, 18)]
        )
    );
    // A `;` inside a value stays there unless a param follows it.
    let v = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79";
    let (c, d) = one(v);
    assert_eq!(c, [v.replace(", ", " ")]);
    assert_eq!(
        d.iter().map(|d| d.0).collect::<Vec<_>>(),
        [K::UnquotedValueChars; 2]
    );
}

#[test]
fn token68_chars() {
    let v = "SharedKey myaccount:ctzMq410TV3wS7upTBcunJTDLEJwMAZuFPfr0mrrA08=";
    let creds = ParseOptions::new()
        .lenient()
        .parse::<Credentials>(v)
        .unwrap();
    assert_eq!(creds.token68(), Some(&v[10..]));
    assert!(Credentials::parse(v).is_err());
    assert_eq!(one(v).1, [(K::Token68Chars, 0, 19)]);
    assert_eq!(one("Basic abc=def=").1, [(K::UnquotedValueChars, 0, 13)]);
    assert_eq!(one("Negotiate ab==cd").1, [(K::Token68Chars, 0, 14)]);
}

#[test]
fn separators() {
    let v = r#"Digest realm="cam" nonce="n1"  qop="auth""#;
    assert_strict_fails(v);
    assert_eq!(
        one(v),
        (
            vec!["Digest realm=cam nonce=n1 qop=auth".into()],
            vec![
                (K::SpaceSeparatedParams, 0, 18),
                (K::SpaceSeparatedParams, 0, 29)
            ]
        )
    );
    let v = r#"Basic realm="x"; charset=UTF-8"#;
    assert_eq!(
        one(v),
        (
            vec!["Basic realm=x charset=UTF-8".into()],
            vec![(K::SemicolonSeparatedParams, 0, 15)]
        )
    );
}

#[test]
fn comma_after_scheme() {
    let v =
        r#"Bearer, resource_metadata="https://mcp.example/.well-known/oauth-protected-resource""#;
    assert_strict_fails(v);
    let (c, d) = one(v);
    assert_eq!(c.len(), 1);
    assert!(c[0].starts_with("Bearer resource_metadata=https://"));
    assert_eq!(d, [(K::CommaAfterScheme, 0, 6)]);
    // Followed by another challenge.
    let (c, d) = one("Bearer,error=invalid_token, Basic realm=x");
    assert_eq!(c, ["Bearer error=invalid_token", "Basic realm=x"]);
    assert_eq!(d, [(K::CommaAfterScheme, 0, 6)]);
}

#[test]
fn single_quoted_value_is_literal() {
    let v = "Basic realm='Sandstorm API'";
    assert_strict_fails(v);
    assert_eq!(
        one(v),
        (
            vec!["Basic realm='Sandstorm API'".into()],
            vec![(K::SingleQuotedValue, 0, 12)]
        )
    );
    // A single-quoted token is a token in strict mode too.
    assert_eq!(
        one("Basic realm='x'"),
        (vec!["Basic realm='x'".into()], vec![])
    );
}

#[test]
fn line_breaks() {
    let (c, d) = one("Basic realm=\"a\r\n b\"");
    assert_eq!(c, ["Basic realm=a\r\n b"]);
    assert_eq!(d, [(K::ObsFold, 0, 14)]);
    let (c, d) = one("Basic realm=\"a\nb\"");
    assert_eq!(c, ["Basic realm=a\nb"]);
    assert_eq!(d, [(K::CrLfInValue, 0, 14)]);
    let (c, d) = one("Digest realm=\"a\",\r\n\tnonce=\"b\"");
    assert_eq!(c, ["Digest realm=a nonce=b"]);
    assert_eq!(d, [(K::ObsFold, 0, 17)]);
}

#[test]
fn htab_after_scheme() {
    assert_eq!(
        one("Basic\trealm=x"),
        (
            vec!["Basic realm=x".into()],
            vec![(K::HtabAfterScheme, 0, 5)]
        )
    );
    assert_eq!(
        one("Bearer \tabc"),
        (vec!["Bearer abc".into()], vec![(K::HtabAfterScheme, 0, 7)])
    );
}

#[test]
fn unterminated_quoted_string() {
    assert_eq!(
        one("Basic realm=\"x"),
        (
            vec!["Basic realm=x".into()],
            vec![(K::UnterminatedQuotedString, 0, 12)]
        )
    );
}

#[test]
fn broken_challenge_is_skipped() {
    let (c, d) = one("Basic realm=\"x\", Foo bar\u{1}, Bearer realm=y");
    assert_eq!(c, ["Basic realm=x", "Bearer realm=y"]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].0, K::BrokenChallenge);
    // Params with no scheme at the start of a line.
    let (c, d) = lax_challenges(&["Basic realm=x", "=oops, Bearer"]);
    assert_eq!(c, ["Basic realm=x", "Bearer"]);
    assert_eq!(d, [(K::BrokenChallenge, 1, 0)]);
}

#[test]
fn line_break_inside_a_token68() {
    // A base64 encoder that wraps its lines at 76 characters (aleph,
    // zabbix_api): the token68 is kept as written, the break reported once.
    let seen = Mutex::new(Vec::new());
    let report = |d: Deviation| seen.lock().unwrap().push((d.kind(), d.line(), d.offset()));
    let opts = ParseOptions::new().lenient().on_deviation(&report);
    for v in [
        "Basic YWFh\nYQ==",
        "Basic YWFh\r\nYQ==",
        "Basic YW\nFh\nYQ==",
    ] {
        assert!(Credentials::parse(v).is_err(), "strict accepts {v:?}");
        let c = opts.parse::<Credentials>(v).unwrap();
        assert_eq!(c.token68(), Some(&v[6..]));
        // Written back without the break: the same base64, valid again.
        assert_eq!(c.to_bytes(), b"Basic YWFhYQ==");
        assert!(Credentials::parse(&c.to_bytes()).is_ok());
    }
    assert_eq!(
        *seen.lock().unwrap(),
        [
            (K::CrLfInValue, 0, 10),
            (K::CrLfInValue, 0, 10),
            (K::CrLfInValue, 0, 8)
        ]
    );
    // Token68 characters and a break: reported in the order of offsets.
    seen.lock().unwrap().clear();
    let c = opts.parse::<Credentials>("SharedKey a\nb:c").unwrap();
    assert_eq!(c.token68(), Some("a\nb:c"));
    assert_eq!(
        *seen.lock().unwrap(),
        [(K::CrLfInValue, 0, 11), (K::Token68Chars, 0, 13)]
    );
    // A break followed by SP is an obs-fold, not more token68; a break at
    // the end is trailing whitespace.
    assert!(opts.parse::<Credentials>("Basic YWFh\n YQ==").is_err());
    let (c, d) = one("Newauth YWFh\nYQ==, Basic realm=x");
    assert_eq!(c, ["Newauth YWFh\nYQ==", "Basic realm=x"]);
    assert_eq!(d, [(K::CrLfInValue, 0, 12)]);
}

#[test]
fn multiple_credentials_keep_the_first() {
    let seen = Mutex::new(Vec::new());
    let report = |d: Deviation| seen.lock().unwrap().push((d.kind(), d.line(), d.offset()));
    let opts = ParseOptions::new().lenient().on_deviation(&report);
    let c = opts
        .parse::<Credentials>("Bearer abc, Basic eHg6eXk=")
        .unwrap();
    assert_eq!(c.token68(), Some("abc"));
    let c = opts
        .parse_lines::<Credentials>(&["Basic YTpi", "Basic YzpK"])
        .unwrap();
    assert_eq!(c.token68(), Some("YTpi"));
    assert_eq!(
        *seen.lock().unwrap(),
        [
            (K::MultipleCredentials, 0, 12),
            (K::MultipleCredentials, 1, 0)
        ]
    );
}

#[test]
fn scheme_in_authentication_info() {
    let seen = Mutex::new(Vec::new());
    let report = |d: Deviation| seen.lock().unwrap().push((d.kind(), d.line(), d.offset()));
    let opts = ParseOptions::new().lenient().on_deviation(&report);
    let v = r#"Digest qop="auth", rspauth="abc", cnonce="x", nc=00000001"#;
    assert!(InfoParams::parse(v).any(|p| p.is_err()));
    let names: Vec<_> = opts
        .parse::<InfoParams>(v)
        .map(|p| p.unwrap().name().to_owned())
        .collect();
    assert_eq!(names, ["qop", "rspauth", "cnonce", "nc"]);
    assert_eq!(
        *seen.lock().unwrap(),
        [(K::SchemeInAuthenticationInfo, 0, 0)]
    );
}

#[test]
fn strict_accepted_values_parse_the_same_with_no_deviation() {
    for v in [
        r#"Basic realm="x", Bearer"#,
        ",Basic  realm=x,, Bearer",
        r#"Digest realm="r", nonce="n", qop="auth,auth-int", Basic realm=x"#,
        "Negotiate, NTLM",
        "Bearer abc==, Basic",
    ] {
        let strict: Vec<_> = Challenges::parse(v).collect::<Result<_, _>>().unwrap();
        let (c, d) = one(v);
        assert!(d.is_empty(), "{v}: {d:?}");
        assert_eq!(c.len(), strict.len());
        let lax: Vec<_> = ParseOptions::new()
            .lenient()
            .parse::<Challenges>(v)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(lax, strict);
    }
}

#[test]
fn limits_stay_errors() {
    let opts = ParseOptions::new().lenient().max_value_len(3);
    let err = opts
        .parse::<Challenges>("Basic realm=http://x")
        .next()
        .unwrap()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ValueTooLong);
}

#[test]
fn strict_mode_unchanged() {
    assert_eq!(
        Challenges::parse("Bearer, realm=x")
            .nth(1)
            .unwrap()
            .unwrap_err()
            .kind(),
        ErrorKind::ParamWithoutScheme
    );
}

mod invariants {
    use super::*;
    use proptest::prelude::*;

    /// Values built from the bytes that matter to both grammars.
    fn value() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            prop::sample::select(b"aZ9=,;:/ \t\"'\\\r\n-.~+!#xB@?\x01\xff".to_vec()),
            0..40,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Never panics; where strict accepts, the same parse and no deviation.
        #[test]
        fn lenient_extends_strict(v in value(), split in 0usize..40) {
            let seen = Mutex::new(Vec::new());
            let report = |d: Deviation| seen.lock().unwrap().push(d);
            let lax = ParseOptions::new().lenient().on_deviation(&report);
            let cut = split.min(v.len());
            let lines = [&v[..cut], &v[cut..]];
            for lines in [&lines[..], &[&v[..]][..]] {
                seen.lock().unwrap().clear();
                let lax_all: Vec<_> = lax.parse_lines::<Challenges>(&lines).collect();
                for c in lax_all.iter().flatten() {
                    prop_assert_eq!(c.params().iter().count(), c.params().len());
                    let _ = c.to_string();
                }
                if let Ok(strict) = Challenges::parse_lines(&lines).collect::<Result<Vec<_>, _>>() {
                    prop_assert!(seen.lock().unwrap().is_empty(), "{:?}", seen.lock().unwrap());
                    let lax_ok: Vec<_> = lax_all.into_iter().collect::<Result<_, _>>().unwrap();
                    prop_assert_eq!(lax_ok, strict);
                }
                for d in seen.lock().unwrap().iter() {
                    prop_assert!(d.offset() <= lines[d.line()].len());
                }
                seen.lock().unwrap().clear();
                let lax_c = lax.parse_lines::<Credentials>(&lines);
                if let Ok(strict) = Credentials::parse_lines(&lines) {
                    prop_assert!(seen.lock().unwrap().is_empty());
                    prop_assert_eq!(lax_c.unwrap(), strict);
                } else if let Ok(c) = lax_c {
                    prop_assert_eq!(c.params().iter().count(), c.params().len());
                }
                seen.lock().unwrap().clear();
                let lax_i: Vec<_> = lax.parse_lines::<InfoParams>(&lines).collect();
                if let Ok(strict) = InfoParams::parse_lines(&lines).collect::<Result<Vec<_>, _>>() {
                    prop_assert!(seen.lock().unwrap().is_empty());
                    let l: Vec<_> = lax_i.into_iter().collect::<Result<_, _>>().unwrap();
                    prop_assert_eq!(l, strict);
                }
            }
        }
    }
}

/// What lenient mode read is written back valid: a line break inside a
/// value becomes SP, so re-sending a lenient value cannot inject a header.
#[test]
fn writers_never_write_what_lenient_mode_tolerated() {
    let opts = ParseOptions::new().lenient();
    for value in [
        "Basic realm=\"a\r\n b\"",
        "Basic realm=\"a\r\nb\", charset=\"x\ny\"",
    ] {
        let c = opts.parse::<Challenges>(value).next().unwrap().unwrap();
        let bytes = c.to_bytes();
        assert!(
            !bytes.iter().any(|&b| b == b'\r' || b == b'\n'),
            "{bytes:?}"
        );
        // And what is written parses strictly.
        let again = Challenges::parse(&bytes).next().unwrap().unwrap();
        assert_eq!(again.scheme(), "Basic");
        assert!(!c.to_string().contains(['\r', '\n']));
    }
}
