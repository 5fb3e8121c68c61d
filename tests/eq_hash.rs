//! `Eq` and `Hash` agree: values that compare equal hash the same, so they
//! dedup in a `HashSet`. Uses nothing that needs the `alloc` feature.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use http_auth_headers::ext_value::{Charset, ExtValue};
use http_auth_headers::scheme::basic::BasicChallenge;
use http_auth_headers::scheme::bearer::{BearerChallenge, DpopChallenge, ErrorCode};
use http_auth_headers::scheme::digest::{
    Algorithm, DigestAuthInfo, DigestChallenge, NonceCount, Qop,
};
use http_auth_headers::{Challenge, Challenges, InfoParams, ParseOptions};

fn hash<T: Hash>(v: &T) -> u64 {
    let mut h = DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

/// `a == b`, and then their hashes are equal too.
fn same<T: Hash + Eq + std::fmt::Debug>(a: &T, b: &T) {
    assert_eq!(a, b);
    assert_eq!(hash(a), hash(b), "{a:?} and {b:?} hash differently");
}

fn challenge(v: &str) -> Challenge<'_> {
    Challenges::parse(v).next().unwrap().unwrap()
}

#[test]
fn hash_set_dedups_case_variant_algorithms_and_qops() {
    let algs: HashSet<Algorithm<'_>> = ["SHA-256", "sha-256", "Sha-256", "MD5", "md5", "X-new"]
        .into_iter()
        .map(Algorithm::from_name)
        .chain([Algorithm::SHA_256, Algorithm::from_name("x-NEW")])
        .collect();
    assert_eq!(algs.len(), 3);
    assert!(algs.contains(&Algorithm::MD5) && algs.contains(&Algorithm::from_name("X-NEW")));

    let qops: HashSet<Qop<'_>> = ["auth", "AUTH", "Auth-Int", "auth-int", "x-q", "X-Q"]
        .into_iter()
        .map(Qop::from_name)
        .collect();
    assert_eq!(qops.len(), 3);
    assert!(qops.contains(&Qop::AUTH_INT));

    let charsets: HashSet<Charset<'_>> = ["utf-8", "UTF-8", "koi8-r", "KOI8-R"]
        .into_iter()
        .map(Charset::from_name)
        .collect();
    assert_eq!(charsets.len(), 2);
}

#[test]
fn equal_views_hash_the_same() {
    // A token and a quoted-string with needless escapes mean the same.
    let a = challenge(r#"Basic realm=foo, charset=utf-8"#);
    let b = challenge(r#"basic REALM="f\oo", charset="UTF-8""#);
    same(
        &BasicChallenge::try_from(&a).unwrap(),
        &BasicChallenge::try_from(&b).unwrap(),
    );

    let a = challenge(r#"Bearer realm=r, scope="a b", error=invalid_token, max_age=5"#);
    let b =
        challenge(r#"Bearer max_age="5", error="invalid_\token", scope="a\ b", realm="r", x=y"#);
    let (a, b) = (
        BearerChallenge::try_from(&a).unwrap(),
        BearerChallenge::try_from(&b).unwrap(),
    );
    same(&a, &b);
    same(&a.error().unwrap(), &ErrorCode::INVALID_TOKEN);
    same(&a.scope().unwrap(), &b.scope().unwrap());

    let a = challenge(r#"DPoP algs="ES256 PS256""#);
    let b = challenge(r#"dpop ALGS="ES256\ PS256""#);
    same(
        &DpopChallenge::try_from(&a).unwrap(),
        &DpopChallenge::try_from(&b).unwrap(),
    );

    let a = challenge(
        r#"Digest realm="r", nonce="n", qop="auth,auth-int", domain="/a /b", algorithm=sha-256"#,
    );
    let b = challenge(
        r#"Digest nonce=n, realm=r, qop=" AUTH , Auth-Int", domain="/a  /b", algorithm=SHA-256"#,
    );
    let (a, b) = (
        DigestChallenge::try_from(&a).unwrap(),
        DigestChallenge::try_from(&b).unwrap(),
    );
    same(&a, &b);
    let c =
        challenge(r#"Digest realm="r", nonce="n", qop="auth", domain="/a /b", algorithm=sha-256"#);
    assert_ne!(a, DigestChallenge::try_from(&c).unwrap());
}

#[test]
fn equal_values_hash_the_same() {
    same(
        &ExtValue::parse("utf-8'EN'abc").unwrap(),
        &ExtValue::parse("UTF-8'en'%61bc").unwrap(),
    );
    let nc = |v| {
        let p = InfoParams::parse(v).next().unwrap().unwrap();
        DigestAuthInfo::from_params([p]).unwrap().nc().unwrap()
    };
    same(&nc("nc=0000001F"), &NonceCount::new(0x1f));
    let info = |v| DigestAuthInfo::from_params(InfoParams::parse(v).map(Result::unwrap)).unwrap();
    same(
        &info(r#"qop=AUTH, rspauth="ab", cnonce=c, nc=0000000A"#),
        &info(r#"nc=0000000a, cnonce="c", rspauth=ab, qop=auth"#),
    );
    same(
        &ParseOptions::new().max_params(3),
        &ParseOptions::default().max_params(3),
    );
}
