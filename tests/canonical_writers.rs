//! Every typed writer quotes the same params the same way as the generic
//! writer: parsing what a typed writer wrote and writing it again with the
//! generic `Display` gives the same bytes.
#![cfg(feature = "alloc")]

use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
use http_auth_headers::scheme::bearer::{
    BearerChallenge, BearerCredentials, DpopChallenge, DpopCredentials,
};
use http_auth_headers::scheme::digest::{
    Algorithm, DigestAuthInfo, DigestChallenge, DigestCredentials, Qop,
};
use http_auth_headers::{AuthenticationInfo, Challenges, Credentials};
use proptest::prelude::*;

fn challenge_again(written: &str) -> String {
    let mut it = Challenges::parse(written);
    let c = it.next().unwrap().unwrap();
    assert!(it.next().is_none(), "{written}");
    c.to_string()
}

fn credentials_again(written: &str) -> String {
    Credentials::parse(written).unwrap().to_string()
}

fn info_again(written: &str) -> String {
    AuthenticationInfo::parse(written).unwrap().to_string()
}

#[test]
fn basic_writers() {
    for (realm, charset) in [("WallyWorld", false), ("foo", true), ("a \"b\"", true)] {
        let b = BasicChallenge::builder(realm);
        let w = if charset { b.charset_utf8() } else { b }.finish().unwrap();
        assert_eq!(challenge_again(&w), w);
    }
    // RFC 7617 section 2.1 quotes the charset; so do both writers.
    let w = BasicChallenge::builder("foo")
        .charset_utf8()
        .finish()
        .unwrap();
    assert_eq!(w, r#"Basic realm="foo", charset="UTF-8""#);
    let parsed = Challenges::parse("Basic realm=foo, charset=UTF-8")
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(parsed.to_string(), w);
    let w = BasicCredentials::builder("Aladdin", "open sesame")
        .finish()
        .unwrap();
    assert_eq!(credentials_again(&w), w);
}

#[test]
fn bearer_and_dpop_writers() {
    let w = BearerChallenge::builder()
        .realm("example")
        .scope("openid profile")
        .error("invalid_token")
        .error_description("The access token expired")
        .error_uri("https://example.com/e")
        .finish()
        .unwrap();
    assert_eq!(challenge_again(&w), w);
    // Token-shaped values too: Bearer and DPoP challenges quote every param.
    let w = DpopChallenge::builder()
        .realm("r")
        .scope("a")
        .error("x")
        .algs("ES256")
        .finish()
        .unwrap();
    assert_eq!(w, r#"DPoP realm="r", scope="a", error="x", algs="ES256""#);
    assert_eq!(challenge_again(&w), w);
    let parsed = Challenges::parse("Bearer realm=r, unknown=token")
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(parsed.to_string(), r#"Bearer realm="r", unknown="token""#);
    for w in [
        BearerChallenge::builder().finish().unwrap(),
        DpopChallenge::builder().finish().unwrap(),
        BearerCredentials::builder("mF_9.B5f-4.1JqM")
            .finish()
            .unwrap(),
        DpopCredentials::builder("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU")
            .finish()
            .unwrap(),
    ] {
        assert_eq!(challenge_again(&w), w);
        assert_eq!(credentials_again(&w), w);
    }
}

#[test]
fn digest_writers() {
    let qop = [Qop::from_name("auth"), Qop::from_name("auth-int")];
    let w = DigestChallenge::builder("http-auth@example.org", "7ypf")
        .domain(&["/a", "/b"])
        .opaque("o")
        .stale()
        .algorithm(Algorithm::from_name("SHA-256"))
        .qop(&qop)
        .charset_utf8()
        .userhash()
        .finish()
        .unwrap();
    assert_eq!(challenge_again(&w), w);
    let w = DigestCredentials::builder("u", "r", "n", "/", "abc")
        .algorithm(Algorithm::from_name("MD5-sess"))
        .qop(Qop::from_name("auth"), "c", 1)
        .opaque("o")
        .userhash()
        .finish()
        .unwrap();
    assert_eq!(credentials_again(&w), w);
    let w = DigestCredentials::builder("Jäsøn Doe", "r", "n", "/", "abc")
        .extended_username()
        .finish()
        .unwrap();
    assert_eq!(credentials_again(&w), w);
    let w = DigestAuthInfo::builder()
        .nextnonce("abc")
        .qop(Qop::from_name("auth"), "d4f5", "0a4f113b", 1)
        .finish()
        .unwrap();
    assert_eq!(info_again(&w), w);
}

/// Text a quoted-string can carry, token-shaped or not.
fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z0-9]{1,8}", "[ -~]{0,12}", "\\PC{0,8}"]
}

/// What RFC 6750 section 3 allows in `scope` and `algs`.
fn list() -> impl Strategy<Value = String> {
    prop::collection::vec(r"[!#-\[\]-~]{1,6}", 1..3).prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn generated_values_write_the_same_both_ways(
        realm in text(), nonce in text(), opaque in text(), cnonce in text(),
        scope in list(), error in r"[ !#-\[\]-~]{1,12}", token in "[A-Za-z0-9._~+/-]{1,12}",
        alg in "[A-Za-z0-9-]{1,12}", nc in any::<u32>(), flag in any::<bool>(),
    ) {
        let b = BasicChallenge::builder(&realm);
        let w = if flag { b.charset_utf8() } else { b }.finish().unwrap();
        prop_assert_eq!(challenge_again(&w), w);
        let w = BearerChallenge::builder().realm(&realm).scope(&scope).error(&error).finish().unwrap();
        prop_assert_eq!(challenge_again(&w), w);
        let w = DpopChallenge::builder().realm(&realm).algs(&scope).error_description(&error).finish().unwrap();
        prop_assert_eq!(challenge_again(&w), w);
        let w = BearerCredentials::builder(&token).finish().unwrap();
        prop_assert_eq!(credentials_again(&w), w);
        let qop = [Qop::from_name(&alg)];
        let b = DigestChallenge::builder(&realm, &nonce)
            .opaque(&opaque).algorithm(Algorithm::from_name(&alg)).qop(&qop);
        let w = if flag { b.stale() } else { b }.finish().unwrap();
        prop_assert_eq!(challenge_again(&w), w);
        let w = DigestCredentials::builder(&realm, &realm, &nonce, &opaque, &token)
            .algorithm(Algorithm::from_name(&alg)).qop(Qop::from_name(&alg), &cnonce, nc)
            .finish().unwrap();
        prop_assert_eq!(credentials_again(&w), w);
        let w = DigestAuthInfo::builder().nextnonce(&nonce)
            .qop(Qop::from_name(&alg), &token, &cnonce, nc).finish().unwrap();
        prop_assert_eq!(info_again(&w), w);
    }
}
