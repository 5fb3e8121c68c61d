//! Feature `http`: parsing from `HeaderValue`s and `HeaderMap`s, writing
//! `HeaderValue`s (credentials sensitive, obs-text kept, never an invalid
//! value), one field line per challenge.
#![cfg(feature = "http")]

use http::header::{
    HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, PROXY_AUTHENTICATE, WWW_AUTHENTICATE,
};
use http_auth_headers::http_types::append_challenges;
use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
use http_auth_headers::scheme::bearer::{
    BearerChallenge, BearerCredentials, DpopChallenge, DpopCredentials,
};
use http_auth_headers::scheme::digest::{
    DigestAuthInfo, DigestChallenge, DigestCredentials, Qop, Username,
};
use http_auth_headers::{
    AuthBuilder, AuthenticationInfo, BuildError, Challenge, Challenges, Credentials, ErrorKind,
    ParseOptions,
};
use proptest::prelude::*;

const AUTHENTICATION_INFO: HeaderName = HeaderName::from_static("authentication-info");

fn all_challenges(map: &HeaderMap, name: HeaderName) -> Vec<Challenge<'static>> {
    Challenges::parse_lines(&map.get_all(name))
        .map(|c| c.map(Challenge::into_owned))
        .collect::<Result<_, _>>()
        .expect("challenges parse")
}

/// A server writes three challenges with the builders, one line each; a
/// client reads them back from the map as one list, and passes them on.
#[test]
fn challenges_round_trip_through_a_header_map() {
    let mut map = HeaderMap::new();
    let written = [
        HeaderValue::try_from(
            DigestChallenge::builder("api@example.org", "n1")
                .qop(&[Qop::AUTH])
                .opaque("o"),
        )
        .unwrap(),
        HeaderValue::try_from(BasicChallenge::builder("api").charset_utf8()).unwrap(),
        HeaderValue::try_from(BearerChallenge::builder().realm("api").scope("read write")).unwrap(),
    ];
    for v in &written {
        map.append(WWW_AUTHENTICATE, v.clone());
    }
    let got = all_challenges(&map, WWW_AUTHENTICATE);
    let schemes: Vec<&str> = got.iter().map(|c| c.scheme()).collect();
    assert_eq!(schemes, ["Digest", "Basic", "Bearer"]);
    assert_eq!(got[0].param("nonce").unwrap(), "n1");
    assert_eq!(got[1].param("charset").unwrap(), "UTF-8");
    assert_eq!(got[2].param("scope").unwrap(), "read write");

    // Passed on: the same lines, byte for byte (the builders write the
    // canonical form), under another name too.
    let mut again = HeaderMap::new();
    append_challenges(&mut again, PROXY_AUTHENTICATE, &got);
    let lines: Vec<&HeaderValue> = again.get_all(PROXY_AUTHENTICATE).iter().collect();
    assert_eq!(lines, written.iter().collect::<Vec<_>>());
    assert!(again.get(WWW_AUTHENTICATE).is_none());
}

/// Lines received with several challenges in one line and a line that goes
/// on with the previous challenge's params come out one challenge per line.
#[test]
fn append_challenges_writes_one_line_per_challenge() {
    let mut received = HeaderMap::new();
    received.append(
        WWW_AUTHENTICATE,
        HeaderValue::from_static("Newauth realm=apps, type=1"),
    );
    received.append(
        WWW_AUTHENTICATE,
        HeaderValue::from_static("title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\""),
    );
    received.append(WWW_AUTHENTICATE, HeaderValue::from_static(", Negotiate ,"));
    let got = all_challenges(&received, WWW_AUTHENTICATE);
    assert_eq!(got.len(), 3);
    assert_eq!(got[0].params().len(), 3);

    let mut out = HeaderMap::new();
    out.append(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    append_challenges(&mut out, WWW_AUTHENTICATE, got.iter());
    let lines: Vec<&str> = out
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "Bearer",
            r#"Newauth realm="apps", type=1, title="Login to \"apps\"""#,
            r#"Basic realm="simple""#,
            "Negotiate",
        ]
    );
    // Each line alone is one whole challenge, equal to the one read.
    for (line, c) in out.get_all(WWW_AUTHENTICATE).iter().skip(1).zip(&got) {
        let mut one = Challenges::parse(line);
        assert_eq!(&one.next().unwrap().unwrap(), c);
        assert!(one.next().is_none());
    }
    // Owned challenges work the same (by value).
    let mut owned = HeaderMap::new();
    append_challenges(&mut owned, WWW_AUTHENTICATE, got.clone());
    assert_eq!(owned.get_all(WWW_AUTHENTICATE).iter().count(), 3);
}

/// An absent field is zero lines: no challenge, missing credentials.
#[test]
fn absent_fields() {
    let map = HeaderMap::new();
    assert!(Challenges::parse_lines(&map.get_all(WWW_AUTHENTICATE))
        .next()
        .is_none());
    let err = Credentials::parse_lines(&map.get_all(AUTHORIZATION)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MissingCredentials);
    assert!(
        AuthenticationInfo::parse_lines(&map.get_all(AUTHENTICATION_INFO))
            .unwrap()
            .params()
            .is_empty()
    );
}

/// Every credentials writer marks its value sensitive; challenges and
/// Authentication-Info are not.
#[test]
fn credentials_are_sensitive() {
    let creds = [
        HeaderValue::try_from(BasicCredentials::builder("Aladdin", "open sesame")).unwrap(),
        HeaderValue::try_from(BearerCredentials::builder("mF_9.B5f-4.1JqM")).unwrap(),
        HeaderValue::try_from(DpopCredentials::builder("Kz~8mXK1")).unwrap(),
        HeaderValue::try_from(DigestCredentials::builder("Mufasa", "r", "n", "/", "0f")).unwrap(),
        HeaderValue::try_from(AuthBuilder::credentials("Newauth").param("secret", "s3")).unwrap(),
        HeaderValue::from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").unwrap()),
    ];
    for v in &creds {
        assert!(v.is_sensitive(), "{:?}", v.to_str());
        assert_eq!(format!("{v:?}"), "Sensitive");
        // And they parse back as credentials.
        Credentials::parse(v).unwrap();
    }
    assert_eq!(creds[0], "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    assert_eq!(
        creds[3],
        r#"Digest username="Mufasa", realm="r", uri="/", nonce="n", response="0f""#
    );
    let mut request = HeaderMap::new();
    request.insert(AUTHORIZATION, creds[1].clone());
    assert!(!format!("{request:?}").contains("mF_9"));

    let public = [
        HeaderValue::try_from(BasicChallenge::builder("x")).unwrap(),
        HeaderValue::try_from(BearerChallenge::builder()).unwrap(),
        HeaderValue::try_from(DpopChallenge::builder().algs("ES256")).unwrap(),
        HeaderValue::try_from(DigestChallenge::builder("r", "n")).unwrap(),
        HeaderValue::try_from(DigestAuthInfo::builder().nextnonce("n2")).unwrap(),
        HeaderValue::try_from(AuthBuilder::challenge("Newauth")).unwrap(),
        HeaderValue::from(&Challenges::parse("Basic realm=x").next().unwrap().unwrap()),
        HeaderValue::from(&AuthenticationInfo::parse("qop=auth").unwrap()),
    ];
    for v in &public {
        assert!(!v.is_sensitive(), "{v:?}");
    }
    assert_eq!(public[4], r#"nextnonce="n2""#);
}

/// obs-text bytes (0x80-0xFF) in quoted values survive parsing from a
/// `HeaderValue` and writing back into one.
#[test]
fn obs_text_survives() {
    let challenge = HeaderValue::from_bytes(b"Basic  realm=\"caf\xe9 \xff\"").unwrap();
    let c = Challenges::parse(&challenge).next().unwrap().unwrap();
    assert_eq!(&*c.param("realm").unwrap().unescaped(), b"caf\xe9 \xff");
    let written = HeaderValue::from(&c);
    assert_eq!(written.as_bytes(), b"Basic realm=\"caf\xe9 \xff\"");
    assert!(written.to_str().is_err()); // not visible ASCII: only bytes hold it

    let creds = HeaderValue::from_bytes(
        b"Digest username=\"J\xe4\", realm=r, nonce=n, uri=\"/\", response=0f",
    )
    .unwrap();
    let c = Credentials::parse(&creds).unwrap();
    let written = HeaderValue::from(&c);
    assert_eq!(
        written.as_bytes(),
        b"Digest username=\"J\xe4\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"0f\""
    );
    assert!(written.is_sensitive());
    let d = DigestCredentials::try_from(Credentials::parse(&written).unwrap()).unwrap();
    match d.username() {
        Username::Plain(v) => assert_eq!(&*v.unescaped(), b"J\xe4"),
        other => panic!("{other:?}"),
    }

    let mut map = HeaderMap::new();
    map.append(
        AUTHENTICATION_INFO,
        HeaderValue::from_bytes(b"rspauth=\"\xff\"").unwrap(),
    );
    map.append(AUTHENTICATION_INFO, HeaderValue::from_static("qop=auth"));
    let lines = map.get_all(AUTHENTICATION_INFO);
    let info = AuthenticationInfo::parse_lines(&lines).unwrap();
    assert_eq!(
        HeaderValue::from(&info).as_bytes(),
        b"rspauth=\"\xff\", qop=auth"
    );
}

/// Errors: a builder's refusal comes back as its `BuildError`; parse errors
/// from map lines name the line.
#[test]
fn errors() {
    assert_eq!(
        HeaderValue::try_from(BasicCredentials::builder("a:b", "c")),
        Err(BuildError::SchemeValue("user-id"))
    );
    assert_eq!(
        HeaderValue::try_from(BasicChallenge::builder("a\r\nSet-Cookie: x")),
        Err(BuildError::InvalidValue)
    );
    assert_eq!(
        HeaderValue::try_from(BearerCredentials::builder("a b")),
        Err(BuildError::InvalidToken68)
    );
    assert_eq!(
        HeaderValue::try_from(AuthBuilder::challenge("a b")),
        Err(BuildError::InvalidScheme)
    );

    let mut map = HeaderMap::new();
    map.append(AUTHORIZATION, HeaderValue::from_static("Basic YTpi"));
    map.append(AUTHORIZATION, HeaderValue::from_static("Basic YzpK"));
    let err = Credentials::parse_lines(&map.get_all(AUTHORIZATION)).unwrap_err();
    assert_eq!(
        (err.kind(), err.line()),
        (ErrorKind::MultipleCredentials, 1)
    );

    map.append(WWW_AUTHENTICATE, HeaderValue::from_static("Basic realm=x"));
    map.append(
        WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"y"),
    );
    // The lines borrowed for as long as the parser lives.
    let lines = map.get_all(WWW_AUTHENTICATE);
    let mut it = Challenges::parse_lines(&lines);
    assert!(it.next().unwrap().is_ok());
    let err = it.next().unwrap().unwrap_err();
    assert_eq!(
        (err.kind(), err.line(), err.offset()),
        (ErrorKind::UnterminatedQuotedString, 1, 15)
    );
}

/// A value read in lenient mode from bytes may hold CR LF; written into a
/// `HeaderValue` it holds SP instead (no header injection).
#[test]
fn lenient_line_breaks_become_spaces() {
    let input: &[u8] = b"Basic realm=\"a\r\nSet-Cookie: x\"";
    let c = ParseOptions::new()
        .lenient()
        .parse::<Challenges>(input)
        .next()
        .unwrap()
        .unwrap();
    let v = HeaderValue::from(&c);
    assert_eq!(v, "Basic realm=\"a  Set-Cookie: x\"");
}

proptest! {
    /// Whatever lenient mode reads from any bytes, the `HeaderValue`
    /// written is valid and is exactly the lossless writer's output (no
    /// byte needed replacing), and it parses back strictly to an equal
    /// value when the input was strict.
    #[test]
    fn written_header_values_are_valid(input in proptest::collection::vec(any::<u8>(), 0..64)) {
        let lenient = ParseOptions::new().lenient();
        for c in lenient.parse::<Challenges>(&input[..]).flatten() {
            let v = HeaderValue::from(&c);
            prop_assert_eq!(v.as_bytes(), &c.to_bytes()[..]);
            prop_assert!(HeaderValue::from_bytes(&c.to_bytes()).is_ok());
        }
        if let Ok(c) = lenient.parse::<Credentials>(&input[..]) {
            let v = HeaderValue::from(&c);
            prop_assert_eq!(v.as_bytes(), &c.to_bytes()[..]);
            prop_assert!(v.is_sensitive());
        }
        if let Ok(info) = lenient.parse::<AuthenticationInfo>(&input[..]) {
            let v = HeaderValue::from(&info);
            prop_assert_eq!(v.as_bytes(), &info.to_bytes()[..]);
        }
        for c in Challenges::parse(&input[..]).map_while(Result::ok) {
            let v = HeaderValue::from(&c);
            let back = Challenges::parse(&v).next().unwrap().unwrap();
            prop_assert_eq!(back, c);
        }
    }

    /// Printable input with the characters that matter to the grammar.
    #[test]
    fn written_header_values_are_valid_text(input in "[A-Za-z0-9 =,\"\\\\\r\n\t'/;:\u{e9}]{0,48}") {
        let lenient = ParseOptions::new().lenient();
        for c in lenient.parse::<Challenges>(&input).flatten() {
            let v = HeaderValue::from(&c);
            prop_assert_eq!(v.as_bytes(), &c.to_bytes()[..]);
        }
        if let Ok(c) = lenient.parse::<Credentials>(&input) {
            let v = HeaderValue::from(&c);
            prop_assert_eq!(v.as_bytes(), &c.to_bytes()[..]);
        }
    }
}
