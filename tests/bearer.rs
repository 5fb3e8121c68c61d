//! Property tests of the Bearer and DPoP writers against their views: what
//! the writers accept parses back to the same typed value, and the writers
//! never write what the views reject.
#![cfg(feature = "alloc")]

use http_auth_headers::scheme::bearer::{
    BearerChallenge, BearerCredentials, DpopChallenge, DpopCredentials, ErrorCode, SpaceList,
};
use http_auth_headers::{Challenges, Credentials, ParamValue};
use proptest::prelude::*;

/// A typed challenge value, as a user would hold it.
#[derive(Clone, Debug, Default, PartialEq)]
struct Attrs {
    realm: Option<String>,
    scope: Option<Vec<String>>,
    error: Option<String>,
    error_description: Option<String>,
    error_uri: Option<String>,
    algs: Option<Vec<String>>,
}

const KNOWN: [&str; 5] = [
    "invalid_request",
    "invalid_token",
    "insufficient_scope",
    "use_dpop_nonce",
    "invalid_dpop_proof",
];

fn list() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(r"[!#-\[\]-~]{1,8}", 1..4)
}

fn error_code() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(&KNOWN[..]).prop_map(String::from),
        r"[ !#-\[\]-~]{1,16}",
    ]
}

fn valid_attrs() -> impl Strategy<Value = Attrs> {
    (
        prop::option::of(r#"[ -~\té€]{0,16}"#),
        prop::option::of(list()),
        prop::option::of(error_code()),
        prop::option::of(r"[ !#-\[\]-~]{1,24}"),
        prop::option::of(r"[!#-\[\]-~]{1,24}"),
        prop::option::of(list()),
    )
        .prop_map(
            |(realm, scope, error, error_description, error_uri, algs)| Attrs {
                realm,
                scope,
                error,
                error_description,
                error_uri,
                algs,
            },
        )
}

/// Any text, often outside what RFC 6750 allows.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => r"[a-z_]{1,6}",
        1 => r#"[ -~]{0,8}"#,
        1 => r#"[a \t\r\n"\\é\x00\x7f]{0,6}"#,
    ]
}

fn any_attrs() -> impl Strategy<Value = Attrs> {
    let opt = || prop::option::of(any_text());
    let list = || prop::option::of(prop::collection::vec(any_text(), 0..3));
    (opt(), list(), opt(), opt(), opt(), list()).prop_map(
        |(realm, scope, error, error_description, error_uri, algs)| Attrs {
            realm,
            scope,
            error,
            error_description,
            error_uri,
            algs,
        },
    )
}

fn write_bearer(
    a: &Attrs,
    scope: &Option<String>,
) -> Result<String, http_auth_headers::BuildError> {
    let mut b = BearerChallenge::builder();
    if let Some(v) = &a.realm {
        b = b.realm(v);
    }
    if let Some(v) = scope {
        b = b.scope(v);
    }
    if let Some(v) = &a.error {
        b = b.error(v);
    }
    if let Some(v) = &a.error_description {
        b = b.error_description(v);
    }
    if let Some(v) = &a.error_uri {
        b = b.error_uri(v);
    }
    b.finish()
}

fn write_dpop(
    a: &Attrs,
    scope: &Option<String>,
    algs: &Option<String>,
) -> Result<String, http_auth_headers::BuildError> {
    let mut b = DpopChallenge::builder();
    if let Some(v) = &a.realm {
        b = b.realm(v);
    }
    if let Some(v) = scope {
        b = b.scope(v);
    }
    if let Some(v) = &a.error {
        b = b.error(v);
    }
    if let Some(v) = &a.error_description {
        b = b.error_description(v);
    }
    if let Some(v) = &a.error_uri {
        b = b.error_uri(v);
    }
    if let Some(v) = algs {
        b = b.algs(v);
    }
    b.finish()
}

fn joined(l: &Option<Vec<String>>) -> Option<String> {
    l.as_ref().map(|l| l.join(" "))
}

fn text(v: Option<ParamValue<'_>>) -> Option<String> {
    v.map(|v| v.unescaped_str().unwrap().into_owned())
}

fn entries(l: Option<SpaceList<'_>>) -> Option<Vec<String>> {
    l.map(|l| {
        l.iter()
            .map(|e| e.unescaped_str().unwrap().into_owned())
            .collect()
    })
}

/// The typed value a view holds, for comparison with the one written.
fn seen(
    realm: Option<ParamValue<'_>>,
    scope: Option<SpaceList<'_>>,
    error: Option<ErrorCode<'_>>,
    error_description: Option<ParamValue<'_>>,
    error_uri: Option<ParamValue<'_>>,
    algs: Option<SpaceList<'_>>,
) -> Attrs {
    if let Some(e) = error {
        // Codes compare by their text; known ones give it without copying.
        let text = e.to_string();
        assert_eq!(e, ErrorCode::new(&text), "{e:?}");
        if KNOWN.contains(&text.as_str()) {
            assert_eq!(e.as_str(), Some(text.as_str()));
        }
    }
    Attrs {
        realm: text(realm),
        scope: entries(scope),
        error: error.map(|e| e.to_string()),
        error_description: text(error_description),
        error_uri: text(error_uri),
        algs: entries(algs),
    }
}

/// Parses `written` as exactly one challenge and checks that its canonical
/// form is what was written.
fn only_challenge(written: &str) -> http_auth_headers::Challenge<'_> {
    let mut it = Challenges::parse(written);
    let c = it.next().expect("one challenge").expect("parses");
    assert!(it.next().is_none(), "{written}");
    assert_eq!(c.to_string(), written);
    c
}

fn check_bearer(a: &Attrs, written: &str) {
    let c = only_challenge(written);
    let b = BearerChallenge::try_from(&c).expect("view accepts");
    let got = seen(
        b.realm(),
        b.scope(),
        b.error(),
        b.error_description(),
        b.error_uri(),
        None,
    );
    let want = Attrs {
        algs: None,
        ..a.clone()
    };
    assert_eq!(got, want, "{written}");
}

fn check_dpop(a: &Attrs, written: &str) {
    let c = only_challenge(written);
    let d = DpopChallenge::try_from(&c).expect("view accepts");
    let got = seen(
        d.realm(),
        d.scope(),
        d.error(),
        d.error_description(),
        d.error_uri(),
        d.algs(),
    );
    assert_eq!(&got, a, "{written}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn bearer_round_trips(a in valid_attrs()) {
        let written = write_bearer(&a, &joined(&a.scope)).expect("valid attributes");
        check_bearer(&a, &written);
    }

    #[test]
    fn dpop_round_trips(a in valid_attrs()) {
        let written = write_dpop(&a, &joined(&a.scope), &joined(&a.algs)).expect("valid attributes");
        check_dpop(&a, &written);
    }

    /// Whatever the input, an `Ok` from a writer parses back, accepted by
    /// the view, to the same value.
    #[test]
    fn writers_never_write_what_views_reject(a in any_attrs()) {
        let (scope, algs) = (joined(&a.scope), joined(&a.algs));
        // Compare entries as the writer got them: split on SP.
        let split = |l: &Option<String>| {
            l.as_ref().map(|l| l.split(' ').map(String::from).collect::<Vec<_>>())
        };
        let mut b = a.clone();
        b.scope = split(&scope);
        b.algs = None;
        if let Ok(written) = write_bearer(&a, &scope) {
            check_bearer(&b, &written);
        }
        b.algs = split(&algs);
        if let Ok(written) = write_dpop(&a, &scope, &algs) {
            check_dpop(&b, &written);
        }
    }

    #[test]
    fn credentials_round_trip(token in prop_oneof![
        r"[A-Za-z0-9._~+/-]{1,24}={0,2}",
        r#"[A-Za-z0-9=, "\t\\.-]{0,8}"#,
    ]) {
        let b = BearerCredentials::builder(&token).finish();
        let d = DpopCredentials::builder(&token).finish();
        prop_assert_eq!(b.is_ok(), d.is_ok());
        if let Ok(written) = b {
            let c = Credentials::parse(&written).expect("parses");
            let view = BearerCredentials::try_from(&c).expect("view accepts");
            prop_assert_eq!(view.token(), token.as_str());
            prop_assert!(view.token_matches(&token));
            let debug = format!("{:?}", BearerCredentials::try_from(&c).unwrap());
            prop_assert_eq!(debug, "BearerCredentials { token: <redacted> }");
        }
        if let Ok(written) = d {
            let c = Credentials::parse(&written).expect("parses");
            let view = DpopCredentials::try_from(&c).expect("view accepts");
            prop_assert_eq!(view.token(), token.as_str());
        }
    }
}

/// The generated values reach both outcomes, so the properties above test
/// something.
#[test]
fn generators_hit_both_outcomes() {
    let ok = write_bearer(
        &Attrs {
            error: Some("a b".into()),
            ..Attrs::default()
        },
        &None,
    );
    assert!(ok.is_ok());
    let err = write_bearer(
        &Attrs {
            error: Some("a\"b".into()),
            ..Attrs::default()
        },
        &None,
    );
    assert!(err.is_err());
}
