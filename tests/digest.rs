//! Digest (RFC 7616) and RFC 8187 ext-value through the public API: the RFC
//! examples, and round trips of generated typed values.
#![cfg(feature = "alloc")]

use http_auth_headers::ext_value::{self, ExtValue};
use http_auth_headers::scheme::digest::{
    Algorithm, DigestAuthInfo, DigestChallenge, DigestCredentials, Qop, Username,
};
use http_auth_headers::{AuthenticationInfo, Challenges, Credentials};
use proptest::prelude::*;
use serde_json::Value;

fn examples(field: &str) -> Vec<(String, String)> {
    let data: Value = serde_json::from_str(include_str!("data/digest.json")).unwrap();
    data["examples"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["field"] == field)
        .map(|e| {
            (
                e["value"].as_str().unwrap().to_string(),
                e["source"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn example(field: &str, source_prefix: &str, containing: &str) -> String {
    let found: Vec<_> = examples(field)
        .into_iter()
        .filter(|(v, s)| s.starts_with(source_prefix) && v.contains(containing))
        .collect();
    assert_eq!(found.len(), 1, "{source_prefix} {containing}");
    found.into_iter().next().unwrap().0
}

/// Every Digest example of the vector file parses into the typed views, and
/// its canonical form is the example itself (the RFC examples follow the
/// quoting rules the writers follow).
#[test]
fn every_rfc_example_parses_and_prints_back() {
    let challenges = examples("WWW-Authenticate");
    let credentials = examples("Authorization");
    assert_eq!((challenges.len(), credentials.len()), (2, 5));
    for (value, source) in challenges {
        let c = Challenges::parse(&value).next().unwrap().unwrap();
        DigestChallenge::try_from(&c).unwrap_or_else(|e| panic!("{source}: {e}"));
        assert_eq!(c.to_string(), value, "{source}");
    }
    for (value, source) in credentials {
        let c = Credentials::parse(&value).unwrap();
        DigestCredentials::try_from(&c).unwrap_or_else(|e| panic!("{source}: {e}"));
        assert_eq!(c.to_string(), value, "{source}");
    }
}

/// RFC 7616 section 3.9.1: the SHA-256 and MD5 challenges, as two field
/// lines and as the two combined in one field line.
#[test]
fn rfc7616_3_9_1_challenges() {
    let sha256 = example("WWW-Authenticate", "RFC 7616 section 3.9.1", "SHA-256");
    let md5 = sha256.replace("algorithm=SHA-256", "algorithm=MD5");
    let combined = format!("{sha256}, {md5}");
    let lines = [sha256.as_str(), md5.as_str()];
    for parsed in [
        Challenges::parse_lines(&lines).collect::<Result<Vec<_>, _>>(),
        Challenges::parse(&combined).collect::<Result<Vec<_>, _>>(),
    ] {
        let parsed = parsed.unwrap();
        let views: Vec<DigestChallenge<'_>> = parsed
            .iter()
            .map(|c| DigestChallenge::try_from(c).unwrap())
            .collect();
        assert_eq!(views.len(), 2);
        assert_eq!(views[0].algorithm(), Algorithm::SHA_256);
        assert_eq!(views[1].algorithm(), Algorithm::MD5);
        for d in &views {
            assert_eq!(d.realm(), "http-auth@example.org");
            assert_eq!(d.nonce(), "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v");
            assert_eq!(
                d.opaque().unwrap(),
                "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
            );
            assert!(d.qop().unwrap().eq([Qop::AUTH, Qop::AUTH_INT]));
            assert!(!d.stale() && !d.userhash() && !d.charset_utf8());
        }
    }
    // The typed writer reproduces the RFC's quoting.
    let written = DigestChallenge::builder(
        "http-auth@example.org",
        "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
    )
    .qop(&[Qop::AUTH, Qop::AUTH_INT])
    .algorithm(Algorithm::SHA_256)
    .opaque("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")
    .finish()
    .unwrap();
    let a = Challenges::parse(&written).next().unwrap().unwrap();
    let b = Challenges::parse(&sha256).next().unwrap().unwrap();
    assert_eq!(
        DigestChallenge::try_from(&a).unwrap(),
        DigestChallenge::try_from(&b).unwrap()
    );
}

/// RFC 7616 section 3.9.1: the credentials for both algorithms.
#[test]
fn rfc7616_3_9_1_credentials() {
    for (alg, response) in [
        (Algorithm::MD5, "8ca523f5e9506fed4657c9700eebdbec"),
        (
            Algorithm::SHA_256,
            "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
        ),
    ] {
        let value = example(
            "Authorization",
            "RFC 7616 section 3.9.1",
            &format!("algorithm={alg},"),
        );
        let c = Credentials::parse(&value).unwrap();
        let d = DigestCredentials::try_from(&c).unwrap();
        assert!(matches!(d.username(), Username::Plain(u) if u == "Mufasa"));
        assert_eq!(d.realm(), "http-auth@example.org");
        assert_eq!(d.uri(), "/dir/index.html");
        assert_eq!(d.algorithm(), alg);
        assert_eq!(d.nonce(), "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v");
        assert_eq!(d.nc().unwrap().as_str(), "00000001");
        assert_eq!(
            d.cnonce().unwrap(),
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"
        );
        assert_eq!(d.qop(), Some(Qop::AUTH));
        assert_eq!(d.response(), response);
        assert_eq!(
            d.opaque().unwrap(),
            "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
        );
        let written = DigestCredentials::builder(
            "Mufasa",
            "http-auth@example.org",
            "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
            "/dir/index.html",
            response,
        )
        .algorithm(alg)
        .qop(Qop::AUTH, "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", 1)
        .opaque("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")
        .finish()
        .unwrap();
        // Same params in the same order as the RFC prints them.
        assert_eq!(written, value);
    }
}

/// RFC 7616 section 3.9.2: SHA-512-256 with charset, userhash, and the
/// `username*` variant. Errata 4897: the `username` hash and the `response`
/// printed there were computed with SHA-512 truncated to 256 bits, not with
/// SHA-512/256; they are only parsed here, not checked.
#[test]
fn rfc7616_3_9_2() {
    let ch = example("WWW-Authenticate", "RFC 7616 section 3.9.2", "");
    let c = Challenges::parse(&ch).next().unwrap().unwrap();
    let d = DigestChallenge::try_from(&c).unwrap();
    assert_eq!(d.algorithm(), Algorithm::SHA_512_256);
    assert!(d.charset_utf8() && d.userhash());
    assert!(d.qop().unwrap().eq([Qop::AUTH]));

    // Errata 4897: this hash is truncated SHA-512 of "Jäsøn Doe:api@example.org".
    let hashed = example("Authorization", "RFC 7616 section 3.9.2", "userhash=true");
    let c = Credentials::parse(&hashed).unwrap();
    let h = DigestCredentials::try_from(&c).unwrap();
    assert!(h.userhash());
    assert!(matches!(h.username(), Username::Plain(u)
        if u == "488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec"));

    let star = example("Authorization", "RFC 7616 section 3.9.2", "username*");
    let c = Credentials::parse(&star).unwrap();
    let s = DigestCredentials::try_from(&c).unwrap();
    assert!(!s.userhash());
    assert_eq!(s.username().decoded_str().unwrap(), "Jäsøn Doe");
    assert!(
        matches!(s.username(), Username::Extended(e) if e.value_chars() == "J%C3%A4s%C3%B8n%20Doe")
    );
    // Errata 4897: the same (truncated SHA-512) response in both variants.
    assert_eq!(s.response(), h.response());
    assert_eq!(s.algorithm(), Algorithm::SHA_512_256);
    assert_eq!(s.uri(), "/doe.json");
    assert_eq!(
        s.cnonce().unwrap(),
        "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v"
    );

    let written = DigestCredentials::builder(
        "Jäsøn Doe",
        "api@example.org",
        "5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK",
        "/doe.json",
        "ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd",
    )
    .extended_username()
    .algorithm(Algorithm::SHA_512_256)
    .qop(Qop::AUTH, "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", 1)
    .opaque("HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS")
    .finish()
    .unwrap();
    // The writer leaves out `userhash=false`, which absence means.
    assert_eq!(format!("{written}, userhash=false"), star);
    let w = Credentials::parse(&written).unwrap();
    assert_eq!(DigestCredentials::try_from(&w).unwrap(), s);
}

/// RFC 2617 section 3.5, still the classic vector.
#[test]
fn rfc2617_3_5() {
    let value = example("Authorization", "RFC 2617", "");
    let c = Credentials::parse(&value).unwrap();
    let d = DigestCredentials::try_from(&c).unwrap();
    assert_eq!(d.username().decoded_str().unwrap(), "Mufasa");
    assert_eq!(d.algorithm(), Algorithm::MD5);
    assert_eq!(d.response(), "6629fae49393a05397450978507c4ef1");
    assert_eq!(d.nc().unwrap().value(), 1);
}

#[test]
fn authentication_info_from_both_sources() {
    let v = DigestAuthInfo::builder()
        .nextnonce("n2")
        .qop(Qop::AUTH_INT, "d4f5", "0a4f113b", 7)
        .finish()
        .unwrap();
    let info = AuthenticationInfo::parse(&v).unwrap();
    assert_eq!(info.to_string(), v);
    let a = DigestAuthInfo::try_from(&info).unwrap();
    let b =
        DigestAuthInfo::from_params(http_auth_headers::InfoParams::parse(&v).map(Result::unwrap))
            .unwrap();
    assert_eq!(a, b);
    assert_eq!(a.nc().unwrap().value(), 7);
    assert_eq!(a.qop(), Some(Qop::AUTH_INT));
}

#[test]
fn ext_value_rfc_example() {
    let v = ExtValue::parse("UTF-8''J%C3%A4s%C3%B8n%20Doe").unwrap();
    assert_eq!(v.decoded_str().unwrap(), "Jäsøn Doe");
    assert_eq!(
        ext_value::encode("Jäsøn Doe").to_string(),
        "UTF-8''J%C3%A4s%C3%B8n%20Doe"
    );
}

// ---------------------------------------------------------------------------
// Generated values.

/// Text a quoted-string can carry: no control characters.
fn text() -> impl Strategy<Value = String> {
    "\\PC{0,16}"
}

const KNOWN_ALGORITHMS: [Algorithm<'static>; 6] = [
    Algorithm::MD5,
    Algorithm::MD5_SESS,
    Algorithm::SHA_256,
    Algorithm::SHA_256_SESS,
    Algorithm::SHA_512_256,
    Algorithm::SHA_512_256_SESS,
];

/// A token that is no registered algorithm or qop name.
fn other_token() -> impl Strategy<Value = String> {
    "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}".prop_filter("a known name", |s| {
        !KNOWN_ALGORITHMS.contains(&Algorithm::from_name(s))
            && ![Qop::AUTH, Qop::AUTH_INT].contains(&Qop::from_name(s))
    })
}

proptest! {
    #[test]
    fn challenge_roundtrip(
        realm in text(), nonce in text(), opaque in proptest::option::of(text()),
        domain in proptest::collection::vec("[\\PC&&\\S]{1,10}", 0..4),
        stale in any::<bool>(),
        other in other_token(),
        alg_pick in proptest::option::of(0usize..7),
        qop_picks in proptest::collection::vec(0usize..3, 0..4),
        charset in any::<bool>(), userhash in any::<bool>(),
    ) {
        let algs = [Algorithm::MD5, Algorithm::MD5_SESS, Algorithm::SHA_256, Algorithm::SHA_256_SESS,
            Algorithm::SHA_512_256, Algorithm::SHA_512_256_SESS, Algorithm::from_name(&other)];
        let qops = [Qop::AUTH, Qop::AUTH_INT, Qop::from_name(&other)];
        let alg = alg_pick.map(|i| algs[i]);
        let qop: Vec<Qop<'_>> = qop_picks.iter().map(|&i| qops[i]).collect();
        let domain: Vec<&str> = domain.iter().map(String::as_str).collect();
        let mut b = DigestChallenge::builder(&realm, &nonce).domain(&domain).qop(&qop);
        if let Some(o) = &opaque { b = b.opaque(o); }
        if stale { b = b.stale(); }
        if let Some(a) = alg { b = b.algorithm(a); }
        if charset { b = b.charset_utf8(); }
        if userhash { b = b.userhash(); }
        let written = b.finish().unwrap();
        let c = Challenges::parse(&written).next().unwrap().unwrap();
        let d = DigestChallenge::try_from(&c).unwrap();
        prop_assert_eq!(d.realm(), realm.as_str());
        prop_assert_eq!(d.nonce(), nonce.as_str());
        prop_assert_eq!(d.opaque().map(|v| v.unescaped_str().unwrap().into_owned()), opaque);
        prop_assert_eq!(d.stale(), stale);
        prop_assert_eq!(d.algorithm(), alg.unwrap_or_default());
        let got_domain: Vec<String> = d.domain().map(|v| v.unescaped_str().unwrap().into_owned()).collect();
        prop_assert_eq!(got_domain, domain);
        let got_qop: Option<Vec<Qop<'_>>> = d.qop().map(Iterator::collect);
        prop_assert_eq!(got_qop, (!qop.is_empty()).then_some(qop));
        prop_assert_eq!(d.charset_utf8(), charset);
        prop_assert_eq!(d.userhash(), userhash);
        // The generic writer agrees with the typed one.
        prop_assert_eq!(c.to_string(), written);
    }

    #[test]
    fn credentials_roundtrip(
        username in "\\PC{0,12}|.{0,12}", extended in any::<bool>(),
        realm in text(), nonce in text(), uri in text(), response in "[0-9a-f]{0,64}",
        other in other_token(), alg_pick in proptest::option::of(0usize..7),
        qop in proptest::option::of((0usize..3, text(), any::<u32>())),
        opaque in proptest::option::of(text()), userhash in any::<bool>(),
    ) {
        let algs = [Algorithm::MD5, Algorithm::MD5_SESS, Algorithm::SHA_256, Algorithm::SHA_256_SESS,
            Algorithm::SHA_512_256, Algorithm::SHA_512_256_SESS, Algorithm::from_name(&other)];
        let qops = [Qop::AUTH, Qop::AUTH_INT, Qop::from_name(&other)];
        let alg = alg_pick.map(|i| algs[i]);
        let mut b = DigestCredentials::builder(&username, &realm, &nonce, &uri, &response);
        if extended { b = b.extended_username(); }
        if let Some(a) = alg { b = b.algorithm(a); }
        if let Some((q, cnonce, nc)) = &qop { b = b.qop(qops[*q], cnonce, *nc); }
        if let Some(o) = &opaque { b = b.opaque(o); }
        if userhash { b = b.userhash(); }
        let written = match b.finish() {
            Ok(w) => w,
            Err(_) => {
                // Refused only for what cannot be written.
                // (control characters: in neither form; C1 too in `username*`).
                let refused = if extended {
                    userhash || username.chars().any(char::is_control)
                } else {
                    username.chars().any(|c| c.is_ascii_control())
                };
                prop_assert!(refused);
                return Ok(());
            }
        };
        let c = Credentials::parse(&written).unwrap();
        let d = DigestCredentials::try_from(&c).unwrap();
        prop_assert_eq!(matches!(d.username(), Username::Extended(_)), extended);
        prop_assert_eq!(d.username().decoded_str().unwrap(), username.as_str());
        prop_assert_eq!(d.realm(), realm.as_str());
        prop_assert_eq!(d.nonce(), nonce.as_str());
        prop_assert_eq!(d.uri(), uri.as_str());
        prop_assert_eq!(d.response(), response.as_str());
        prop_assert_eq!(d.algorithm(), alg.unwrap_or_default());
        prop_assert_eq!(d.qop(), qop.as_ref().map(|q| qops[q.0]));
        prop_assert_eq!(d.cnonce().map(|v| v.unescaped_str().unwrap().into_owned()), qop.as_ref().map(|q| q.1.clone()));
        prop_assert_eq!(d.nc().map(|n| n.value()), qop.as_ref().map(|q| q.2));
        prop_assert_eq!(d.nc().map(|n| n.as_str().to_string()), qop.as_ref().map(|q| format!("{:08x}", q.2)));
        prop_assert_eq!(d.opaque().map(|v| v.unescaped_str().unwrap().into_owned()), opaque);
        prop_assert_eq!(d.userhash(), userhash);
        prop_assert_eq!(c.to_string(), written);
    }

    #[test]
    fn auth_info_roundtrip(
        nextnonce in proptest::option::of(text()), other in other_token(),
        qop in proptest::option::of((0usize..3, text(), text(), any::<u32>())),
    ) {
        let qops = [Qop::AUTH, Qop::AUTH_INT, Qop::from_name(&other)];
        let mut b = DigestAuthInfo::builder();
        if let Some(n) = &nextnonce { b = b.nextnonce(n); }
        if let Some((q, rspauth, cnonce, nc)) = &qop { b = b.qop(qops[*q], rspauth, cnonce, *nc); }
        let written = b.finish().unwrap();
        let info = AuthenticationInfo::parse(&written).unwrap();
        let d = DigestAuthInfo::try_from(&info).unwrap();
        prop_assert_eq!(d.nextnonce().map(|v| v.unescaped_str().unwrap().into_owned()), nextnonce);
        prop_assert_eq!(d.qop(), qop.as_ref().map(|q| qops[q.0]));
        prop_assert_eq!(d.rspauth().map(|v| v.unescaped_str().unwrap().into_owned()), qop.as_ref().map(|q| q.1.clone()));
        prop_assert_eq!(d.cnonce().map(|v| v.unescaped_str().unwrap().into_owned()), qop.as_ref().map(|q| q.2.clone()));
        prop_assert_eq!(d.nc().map(|n| n.value()), qop.as_ref().map(|q| q.3));
        prop_assert_eq!(info.to_string(), written);
    }

    /// Whatever the writers accept, the views accept.
    #[test]
    fn writers_never_write_what_the_views_reject(
        a in ".{0,8}", b in ".{0,8}", c in ".{0,8}", list in proptest::collection::vec(".{0,6}", 0..3),
        flag in any::<bool>(), n in any::<u32>(),
    ) {
        let qops: Vec<Qop<'_>> = list.iter().map(|s| Qop::from_name(s)).collect();
        let domain: Vec<&str> = list.iter().map(String::as_str).collect();
        let ch = DigestChallenge::builder(&a, &b)
            .domain(&domain).qop(&qops).algorithm(Algorithm::from_name(&c));
        let ch = if flag { ch.stale() } else { ch }.finish();
        if let Ok(v) = ch {
            let parsed = Challenges::parse(&v).next().unwrap().unwrap();
            prop_assert!(DigestChallenge::try_from(&parsed).is_ok(), "{}", v);
        }
        let mut cr = DigestCredentials::builder(&a, &b, &c, &a, &b)
            .algorithm(Algorithm::from_name(&c))
            .qop(Qop::from_name(&c), &a, n);
        if flag { cr = cr.extended_username(); }
        if let Ok(v) = cr.finish() {
            let parsed = Credentials::parse(&v).unwrap();
            prop_assert!(DigestCredentials::try_from(&parsed).is_ok(), "{}", v);
        }
        if let Ok(v) = DigestAuthInfo::builder().nextnonce(&a).qop(Qop::from_name(&b), &c, &a, n).finish() {
            let parsed = AuthenticationInfo::parse(&v).unwrap();
            prop_assert!(DigestAuthInfo::try_from(&parsed).is_ok(), "{}", v);
        }
    }

    #[test]
    fn ext_value_decode_encode(s in any::<String>()) {
        let e = ext_value::encode(&s).to_string();
        let v = ExtValue::parse(&e).unwrap();
        prop_assert_eq!(v.decoded_str().unwrap(), s.as_str());
        prop_assert!(v.bytes().eq(s.bytes()));
    }

    #[test]
    fn ext_value_parse_never_panics(s in "[A-Za-z0-9%'*-]{0,20}|.{0,20}") {
        if let Ok(v) = ExtValue::parse(&s) {
            // What parses prints back as written.
            prop_assert_eq!(v.to_string(), s);
        }
    }
}
