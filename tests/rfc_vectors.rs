//! Every RFC example in tests/data/rfc-examples.json (copied from the
//! project's shared vectors) parses, and its canonical form parses back to the
//! same value.
#![cfg(feature = "alloc")]

use http_auth_headers::{Challenges, Credentials};
use serde_json::Value;

fn examples() -> Vec<(String, String, String)> {
    let data: Value = serde_json::from_str(include_str!("data/rfc-examples.json")).unwrap();
    data.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_string(),
                e["value"].as_str().unwrap().to_string(),
                e["source"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_rfc_example_parses_and_round_trips() {
    let examples = examples();
    assert!(examples.len() >= 19, "the vector file lost examples");
    for (field, value, source) in &examples {
        match field.as_str() {
            "WWW-Authenticate" => {
                let parsed: Vec<_> = Challenges::parse(value)
                    .collect::<Result<_, _>>()
                    .unwrap_or_else(|e| panic!("{source}: {e}"));
                assert!(!parsed.is_empty(), "{source}");
                let canonical = parsed
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                let again: Vec<_> = Challenges::parse(&canonical)
                    .collect::<Result<_, _>>()
                    .unwrap();
                assert_eq!(parsed, again, "{source}: {canonical}");
            }
            "Authorization" => {
                let c = Credentials::parse(value).unwrap_or_else(|e| panic!("{source}: {e}"));
                let canonical = c.to_string();
                assert_eq!(Credentials::parse(&canonical).unwrap(), c, "{source}");
            }
            other => panic!("unexpected field {other} in {source}"),
        }
    }
}

fn params(c: &http_auth_headers::Challenge<'_>) -> Vec<(String, String)> {
    c.params()
        .iter()
        .map(|p| {
            (
                p.name().to_string(),
                p.value().unescaped_str().unwrap().into_owned(),
            )
        })
        .collect()
}

/// RFC 9110 section 11.6.1: two challenges in one field value, one with an
/// escaped quote.
#[test]
fn rfc9110_newauth_example() {
    let v = r#"Basic realm="simple", Newauth realm="apps", type=1, title="Login to \"apps\"""#;
    let cs: Vec<_> = Challenges::parse(v).collect::<Result<_, _>>().unwrap();
    assert_eq!(cs.len(), 2);
    assert_eq!(params(&cs[0]), [("realm".into(), "simple".into())]);
    assert_eq!(
        params(&cs[1]),
        [
            ("realm".to_string(), "apps".to_string()),
            ("type".into(), "1".into()),
            ("title".into(), r#"Login to "apps""#.into())
        ]
    );
}

/// RFC 9449 section 7.2: bare `Bearer` then a comma, then DPoP.
#[test]
fn rfc9449_bare_bearer_then_dpop() {
    let cs: Vec<_> = Challenges::parse(r#"Bearer, DPoP algs="ES256 PS256""#)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(cs.len(), 2);
    assert_eq!(
        (cs[0].scheme(), cs[0].params().len(), cs[0].token68()),
        ("Bearer", 0, None)
    );
    assert_eq!(params(&cs[1]), [("algs".into(), "ES256 PS256".into())]);
}

/// RFC 9449 section 7.2: the same param names in two challenges stay apart.
#[test]
fn rfc9449_repeated_names_stay_per_challenge() {
    let v = r#"Bearer error="invalid_request", error_description="Multiple methods used to include access token", DPoP algs="ES256 PS256", error="invalid_request", error_description="Multiple methods used to include access token""#;
    let cs: Vec<_> = Challenges::parse(v).collect::<Result<_, _>>().unwrap();
    assert_eq!(cs.len(), 2);
    assert_eq!(cs[0].params().len(), 2);
    assert_eq!(cs[1].params().len(), 3);
    assert_eq!(cs[1].params().iter().next().unwrap().name(), "algs");
}

/// RFC 7616 section 3.9.1: the SHA-256 and MD5 challenges as two field lines
/// and as one combined value give the same list; the qop list keeps its comma.
#[test]
fn rfc7616_challenge_pair() {
    let sha = r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;
    let md5 = sha.replace("SHA-256", "MD5");
    let field = [sha, md5.as_str()];
    let lines: Vec<_> = Challenges::parse_lines(&field)
        .collect::<Result<_, _>>()
        .unwrap();
    let joined = format!("{sha}, {md5}");
    let one: Vec<_> = Challenges::parse(&joined)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(lines, one);
    assert_eq!(one.len(), 2);
    assert_eq!(one[0].param("qop").unwrap(), "auth, auth-int");
    assert_eq!(one[1].param("algorithm").unwrap(), "MD5");
    assert!(!one[1].param("algorithm").unwrap().is_quoted());
}

/// RFC 7616 section 3.9.2: `username*` carries an RFC 8187 ext-value, which is
/// a legal token (`'` and `%` are tchar).
#[test]
fn rfc7616_username_star_is_a_token() {
    let v = r#"Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="api@example.org", uri="/doe.json""#;
    let c = Credentials::parse(v).unwrap();
    let u = c.param("username*").unwrap();
    assert!(!u.is_quoted());
    assert_eq!(u, "UTF-8''J%C3%A4s%C3%B8n%20Doe");
    assert!(c
        .to_string()
        .starts_with("Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="));
}

/// RFC 7617 section 2: the token68 keeps its `==` padding.
#[test]
fn rfc7617_basic_token68() {
    let c = Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").unwrap();
    assert_eq!(c.token68(), Some("QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
    assert_eq!(c.params().len(), 0);
}
