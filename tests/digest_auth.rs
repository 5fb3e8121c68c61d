//! Digest that authenticates (the `digest` feature): the response vectors,
//! the client's choices, and the server's checks, through the public API.
#![cfg(feature = "digest")]

use http_auth_headers::scheme::digest::{
    Algorithm, DigestAlgorithm, DigestClient, DigestClientError, DigestCredentials, DigestRequest,
    DigestServer, DigestUsers, HexDigest, MemoryNonceStore, NonceCount, NonceStore, Qop,
    UserSecret, UserTable, Username, VerifyError,
};
use http_auth_headers::{Challenges, Credentials};
use proptest::prelude::*;
use serde_json::Value;
use sha2::Digest as _;

/// One vector of `tests/data/digest-responses.json` (a copy of the
/// project's shared vector file).
struct Vector {
    name: String,
    username: String,
    password: String,
    realm: String,
    method: String,
    uri: String,
    algorithm: String,
    nonce: String,
    cnonce: String,
    nc: String,
    qop: String,
    opaque: String,
    userhash: bool,
    expected_userhash: Option<String>,
    response: String,
    rfc_printed_response: Option<String>,
    rfc_printed_userhash: Option<String>,
}

fn vectors() -> Vec<Vector> {
    let data: Value = serde_json::from_str(include_str!("data/digest-responses.json")).unwrap();
    let s = |v: &Value, k: &str| v[k].as_str().map(str::to_string);
    data["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| Vector {
            name: s(v, "name").unwrap(),
            username: s(v, "username").unwrap(),
            password: s(v, "password").unwrap(),
            realm: s(v, "realm").unwrap(),
            method: s(v, "method").unwrap(),
            uri: s(v, "uri").unwrap(),
            algorithm: s(v, "algorithm").unwrap(),
            nonce: s(v, "nonce").unwrap(),
            cnonce: s(v, "cnonce").unwrap(),
            nc: s(v, "nc").unwrap(),
            qop: s(v, "qop").unwrap(),
            opaque: s(v, "opaque").unwrap(),
            userhash: v["userhash"].as_bool().unwrap_or(false),
            expected_userhash: s(v, "expected_userhash"),
            response: s(v, "response").unwrap(),
            rfc_printed_response: s(v, "rfc_printed_response"),
            rfc_printed_userhash: s(v, "rfc_printed_userhash"),
        })
        .collect()
}

fn challenge_of(v: &Vector) -> String {
    format!(
        r#"Digest realm="{}", qop="{}", algorithm={}, nonce="{}", opaque="{}"{}"#,
        v.realm,
        v.qop,
        v.algorithm,
        v.nonce,
        v.opaque,
        if v.userhash { ", userhash=true" } else { "" }
    )
}

fn nc_of(v: &Vector) -> u32 {
    u32::from_str_radix(&v.nc, 16).unwrap()
}

/// All four vectors, with the hash functions and with the client. The RFC
/// 7616 section 3.9.2 values are the ones corrected for erratum 4897 (real
/// SHA-512/256); the RFC's printed ones come from truncated SHA-512.
#[test]
fn response_vectors() {
    let all = vectors();
    assert_eq!(all.len(), 4);
    for v in &all {
        let alg = DigestAlgorithm::from_algorithm(Algorithm::from_name(&v.algorithm)).unwrap();
        let qop = Qop::from_name(&v.qop);
        let ha1 = alg.session_ha1(
            &alg.password_ha1(&v.username, &v.realm, &v.password),
            &v.nonce,
            &v.cnonce,
        );
        let ha2 = alg.ha2(Some(qop), &v.method, &v.uri, b"");
        let nc = NonceCount::new(nc_of(v));
        let response = alg.response(&ha1, &v.nonce, Some((qop, nc, &v.cnonce)), &ha2);
        assert_eq!(response.as_str(), v.response, "{}", v.name);
        if let Some(printed) = &v.rfc_printed_response {
            assert_ne!(response.as_str(), printed, "{}", v.name);
        }

        let mut client = DigestClient::new(&v.username, &v.password);
        assert_eq!(client.challenge(&[challenge_of(v)]).unwrap(), alg);
        let value = client
            .respond_with(&v.method, &v.uri, b"", &v.cnonce, nc_of(v))
            .unwrap();
        let creds = Credentials::parse(&value).unwrap();
        let d = DigestCredentials::try_from(&creds).unwrap();
        assert!(d.response_matches(&v.response), "{}: {value}", v.name);
        assert_eq!(d.nc().unwrap().as_str(), v.nc);
        assert_eq!(d.userhash(), v.userhash);
        match &v.expected_userhash {
            Some(hash) => {
                assert_eq!(alg.userhash(&v.username, &v.realm).as_str(), hash);
                assert!(matches!(d.username(), Username::Plain(u) if u == hash.as_str()));
                assert_ne!(Some(hash), v.rfc_printed_userhash.as_ref());
            }
            None => assert_eq!(d.username().decoded_str().unwrap(), v.username),
        }
    }
}

/// RFC 7616 section 3.9.1: the client picks SHA-256 over MD5 from the two
/// field lines and writes exactly the credentials of the example.
#[test]
fn rfc7616_3_9_1_two_field_lines() {
    let sha = r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;
    let md5 = sha.replace("SHA-256", "MD5");
    for lines in [[sha, md5.as_str()], [md5.as_str(), sha]] {
        let mut client = DigestClient::new("Mufasa", "Circle of Life");
        assert_eq!(client.challenge(&lines).unwrap(), DigestAlgorithm::Sha256);
        let value = client
            .respond_with(
                "GET",
                "/dir/index.html",
                b"",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
                1,
            )
            .unwrap();
        assert_eq!(
            value,
            r#"Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#
        );
    }
}

/// RFC 7616 section 3.9.2 without userhash: the name goes in `username*`,
/// and the response (erratum 4897 corrected: real SHA-512/256) is the same.
#[test]
fn rfc7616_3_9_2_username_star() {
    let c = r#"Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", charset=UTF-8"#;
    let mut client = DigestClient::new("Jäsøn Doe", "Secret, or not?");
    client.challenge(&[c]).unwrap();
    let value = client
        .respond_with(
            "GET",
            "/doe.json",
            b"",
            "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v",
            1,
        )
        .unwrap();
    assert!(value.starts_with("Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, "));
    assert!(value.contains(
        r#"response="3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5""#
    ));
    assert!(!value.contains("userhash"));
    // With userhash, the hash replaces the name and username* is not used.
    let mut client = DigestClient::new("Jäsøn Doe", "Secret, or not?");
    client.challenge(&[format!("{c}, userhash=true")]).unwrap();
    let value = client.respond("GET", "/doe.json", b"").unwrap();
    assert!(value.starts_with(
        r#"Digest username="793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b""#
    ));
    assert!(value.ends_with("userhash=true") && !value.contains("username*"));
}

/// RFC 2617 section 3.5, the classic example.
#[test]
fn rfc2617_3_5() {
    let mut client = DigestClient::new("Mufasa", "Circle Of Life");
    client
        .challenge(&[r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#])
        .unwrap();
    let value = client
        .respond_with("GET", "/dir/index.html", b"", "0a4f113b", 1)
        .unwrap();
    assert_eq!(
        value,
        r#"Digest username="Mufasa", realm="testrealm@host.com", uri="/dir/index.html", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", nc=00000001, cnonce="0a4f113b", qop=auth, response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41""#
    );
}

/// SHA-512-256 is FIPS 180-4 SHA-512/256: not SHA-256 (what curl before
/// 8.7 sent under that name) and not SHA-512 cut to 256 bits (what the RFC
/// 7616 section 3.9.2 values were computed with, erratum 4897).
#[test]
fn sha512_256_is_neither_sha256_nor_truncated_sha512() {
    let data = "Jäsøn Doe:api@example.org".as_bytes();
    let ours = DigestAlgorithm::Sha512_256.h(data);
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    assert_eq!(ours.as_str(), hex(&sha2::Sha512_256::digest(data)));
    assert_ne!(ours.as_str(), hex(&sha2::Sha256::digest(data)));
    let truncated = hex(&sha2::Sha512::digest(data)[..32]);
    assert_ne!(ours.as_str(), truncated);
    // The truncation is what the RFC printed.
    assert_eq!(
        truncated,
        "488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec"
    );
}

// ---- The client's choices ----

#[test]
fn client_picks_the_strongest_from_every_line_and_never_downgrades() {
    let lines = [
        r#"Basic realm="x", Digest realm="x", nonce="a", algorithm=MD5, qop="auth""#,
        r#"Digest realm="x", nonce="b", algorithm=SHA-256, qop="auth", Digest realm="x", nonce="c", algorithm=SHA3-512, qop="auth""#,
        r#"Digest realm="x", nonce="d", algorithm=sha-512-256-SESS, qop="auth""#,
    ];
    let mut client = DigestClient::new("u", "p");
    assert_eq!(
        client.challenge(&lines).unwrap(),
        DigestAlgorithm::Sha512_256Sess
    );
    assert_eq!(client.nonce(), Some("d"));
    let v = client.respond("GET", "/", b"").unwrap();
    // Echoed as a token, in the registered spelling.
    assert!(v.contains(", algorithm=SHA-512-256-sess, "), "{v}");
    // Only unknown algorithms: nothing to answer.
    let mut client = DigestClient::new("u", "p");
    assert_eq!(
        client.challenge(&[r#"Digest realm="x", nonce="c", algorithm=SHA3-512, qop="auth""#]),
        Err(DigestClientError::NoSupportedChallenge)
    );
    assert_eq!(
        client.respond("GET", "/", b""),
        Err(DigestClientError::NoChallenge)
    );
}

#[test]
fn client_writes_tokens_and_echoes_algorithm_only_when_sent() {
    let mut client = DigestClient::new(r#"a "quoted" \ name"#, "p");
    client
        .challenge(&[r#"Digest realm="r\"q", nonce="n", qop="auth""#])
        .unwrap();
    let v = client.respond("GET", "/a b", b"").unwrap();
    assert!(!v.contains("algorithm"), "{v}");
    assert!(
        v.contains(", nc=00000001, ") && v.contains(", qop=auth, "),
        "{v}"
    );
    assert!(v.starts_with(r#"Digest username="a \"quoted\" \\ name", realm="r\"q", "#));
    // The cnonce: at least 16 hex digits.
    let d = Credentials::parse(&v).unwrap();
    let cnonce = d.param("cnonce").unwrap();
    assert!(cnonce.raw().len() >= 16 && cnonce.raw().iter().all(u8::is_ascii_hexdigit));
    // It parses back, and the response verifies against the unescaped values.
    let d = DigestCredentials::try_from(&d).unwrap();
    assert_eq!(d.username().decoded_str().unwrap(), r#"a "quoted" \ name"#);
}

#[test]
fn client_nc_per_nonce() {
    let mut client = DigestClient::new("u", "p");
    client
        .challenge(&[r#"Digest realm="r", nonce="n1", qop="auth""#])
        .unwrap();
    for i in 1..=3 {
        let v = client.respond("GET", "/", b"").unwrap();
        assert!(v.contains(&format!("nc={i:08x}")), "{v}");
    }
    // A new nonce (nextnonce) starts again at 1.
    client
        .authentication_info(r#"nextnonce="n2""#, b"")
        .unwrap();
    let v = client.respond("GET", "/", b"").unwrap();
    assert!(v.contains(r#"nonce="n2", nc=00000001"#), "{v}");
}

#[test]
fn client_qop_choice_and_rfc2069() {
    let mut client = DigestClient::new("u", "p");
    client
        .challenge(&[r#"Digest realm="r", nonce="n", qop="auth-int, auth""#])
        .unwrap();
    assert_eq!(client.qop(), Some(Qop::AUTH));
    let mut client = DigestClient::new("u", "p");
    client
        .challenge(&[r#"Digest realm="r", nonce="n", qop="auth-int""#])
        .unwrap();
    assert_eq!(client.qop(), Some(Qop::AUTH_INT));
    // No qop: the RFC 2069 form, without cnonce and nc.
    let mut client = DigestClient::new("Mufasa", "Circle Of Life");
    client
        .challenge(&[
            r#"Digest realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093""#,
        ])
        .unwrap();
    let v = client.respond("GET", "/dir/index.html", b"").unwrap();
    assert!(!v.contains("cnonce") && !v.contains("nc=") && !v.contains("qop"));
    // RFC 2069: KD(H(A1), nonce ":" H(A2)).
    let md5 = DigestAlgorithm::Md5;
    let ha1 = md5.password_ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
    let ha2 = md5.ha2(None, "GET", "/dir/index.html", b"");
    let want = md5.kd(
        ha1.as_str(),
        &format!("dcd98b7102dd2f0e8b11d0f600bfb0c093:{}", ha2.as_str()),
    );
    assert!(v.contains(want.as_str()));
    // -sess needs a cnonce, so not without qop; unknown qop only: skipped.
    let mut client = DigestClient::new("u", "p");
    assert!(client
        .challenge(&[r#"Digest realm="r", nonce="n", algorithm=MD5-sess"#])
        .is_err());
    assert!(client
        .challenge(&[r#"Digest realm="r", nonce="n", qop="x-auth""#])
        .is_err());
}

#[test]
fn client_stale_retried_once() {
    let server = DigestServer::with_secret("r", [3; 32]);
    let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    let store = MemoryNonceStore::new();
    let mut client = DigestClient::new("u", "p");
    client.challenge(&server.challenges(0)).unwrap();
    let req = DigestRequest::new("GET", "/");
    let v = client.respond("GET", "/", b"").unwrap();
    assert!(server.verify(&v, &req, &users, &store, 1).is_ok());
    // Much later: stale, retried once.
    let v = client.respond("GET", "/", b"").unwrap();
    let err = server.verify(&v, &req, &users, &store, 1000).unwrap_err();
    assert_eq!(err, VerifyError::Stale);
    client
        .challenge(&server.challenges_for(&err, 1000))
        .unwrap();
    // The server keeps saying stale: the client gives up.
    let _ = client.respond("GET", "/", b"").unwrap();
    assert_eq!(
        client.challenge(&server.stale_challenges(5000)),
        Err(DigestClientError::StaleAgain)
    );
    // A wrong password: a new challenge without stale.
    let mut wrong = DigestClient::new("u", "q");
    wrong.challenge(&server.challenges(0)).unwrap();
    let v = wrong.respond("GET", "/", b"").unwrap();
    let err = server.verify(&v, &req, &users, &store, 1).unwrap_err();
    assert_eq!(err, VerifyError::WrongResponse);
    assert_eq!(
        wrong.challenge(&server.challenges_for(&err, 1)),
        Err(DigestClientError::Rejected)
    );
}

#[test]
fn client_checks_rspauth() {
    let server = DigestServer::with_secret("r", [3; 32]).qop(&[Qop::AUTH, Qop::AUTH_INT]);
    let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    let store = MemoryNonceStore::new();
    for auth_int in [false, true] {
        let mut client = DigestClient::new("u", "p");
        if auth_int {
            client = client.prefer_auth_int();
        }
        client.challenge(&server.challenges(0)).unwrap();
        let v = client.respond("POST", "/x", b"req").unwrap();
        let ok = server
            .verify(
                &v,
                &DigestRequest::new("POST", "/x").body(b"req"),
                &users,
                &store,
                1,
            )
            .unwrap();
        let info = ok.authentication_info(b"resp");
        // A different response body changes rspauth only for auth-int.
        let mut other = client.clone();
        assert_eq!(
            other.authentication_info(&info, b"other").is_ok(),
            !auth_int
        );
        assert!(client
            .authentication_info(&info, b"resp")
            .unwrap()
            .rspauth_verified());
        // A server that does not know the password cannot forge it.
        let forged = info.replace("rspauth=\"", "rspauth=\"0");
        let mut c = client.clone();
        assert_eq!(
            c.authentication_info(&forged, b"resp"),
            Err(DigestClientError::RspauthMismatch)
        );
    }
}

// ---- The server's checks ----

const SECRET: [u8; 32] = [9; 32];

fn users() -> UserTable {
    let mut t = UserTable::new();
    t.add_password("Mufasa", "Circle of Life");
    t
}

fn server() -> DigestServer {
    DigestServer::with_secret("test@example.org", SECRET)
        .algorithms(&DigestAlgorithm::ALL)
        .qop(&[Qop::AUTH, Qop::AUTH_INT])
}

fn answer(server: &DigestServer, now: u64) -> DigestClient {
    let mut c = DigestClient::new("Mufasa", "Circle of Life");
    c.challenge(&server.challenges(now)).unwrap();
    c
}

#[test]
fn round_trip_every_algorithm_and_qop() {
    let store = MemoryNonceStore::new();
    for alg in DigestAlgorithm::ALL {
        for qop in [Some(Qop::AUTH), Some(Qop::AUTH_INT), None] {
            if qop.is_none() && alg.is_session() {
                continue;
            }
            let mut server = DigestServer::with_secret("test@example.org", SECRET)
                .algorithms(&[alg])
                .qop(qop.as_slice());
            if qop.is_none() {
                server = server.allow_rfc2069();
            }
            let mut client = answer(&server, 100).prefer_auth_int();
            client.challenge(&server.challenges(100)).unwrap();
            assert_eq!(client.algorithm(), Some(alg));
            assert_eq!(client.qop(), qop);
            for i in 0..3 {
                let body = format!("body {i}");
                let v = client.respond("PUT", "/r?i=1", body.as_bytes()).unwrap();
                let req = DigestRequest::new("PUT", "/r?i=1").body(body.as_bytes());
                let ok = server
                    .verify(&v, &req, &users(), &store, 101)
                    .unwrap_or_else(|e| panic!("{alg} {qop:?}: {e}"));
                assert_eq!(
                    (ok.username(), ok.algorithm(), ok.qop()),
                    ("Mufasa", alg, qop)
                );
                let info = ok.authentication_info(b"reply");
                let checked = client.authentication_info(&info, b"reply").unwrap();
                assert_eq!(checked.rspauth_verified(), qop.is_some());
                if qop == Some(Qop::AUTH_INT) {
                    // auth-int covers the body.
                    let v = client.respond("PUT", "/r?i=1", b"tampered").unwrap();
                    assert_eq!(
                        server.verify(&v, &req, &users(), &store, 101).unwrap_err(),
                        VerifyError::WrongResponse
                    );
                }
            }
        }
    }
}

#[test]
fn rfc2069_refused_unless_allowed() {
    let server = DigestServer::with_secret("r", SECRET).qop(&[]);
    let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    let mut client = DigestClient::new("u", "p");
    client.challenge(&server.challenges(0)).unwrap();
    let v = client.respond("GET", "/", b"").unwrap();
    let store = MemoryNonceStore::new();
    let req = DigestRequest::new("GET", "/");
    assert_eq!(
        server.verify(&v, &req, &users, &store, 1).unwrap_err(),
        VerifyError::QopNotOffered
    );
    let server = server.allow_rfc2069();
    assert!(server.verify(&v, &req, &users, &store, 1).is_ok());
    // Credentials without qop to a server that offers qop: refused.
    let server = DigestServer::with_secret("r", SECRET);
    assert_eq!(
        server.verify(&v, &req, &users, &store, 1).unwrap_err(),
        VerifyError::QopNotOffered
    );
}

#[test]
fn replay_is_never_accepted_twice() {
    let server = server();
    let store = MemoryNonceStore::new();
    let mut client = answer(&server, 0);
    let req = DigestRequest::new("GET", "/");
    let first = client.respond("GET", "/", b"").unwrap();
    assert!(server.verify(&first, &req, &users(), &store, 1).is_ok());
    for _ in 0..3 {
        assert_eq!(
            server
                .verify(&first, &req, &users(), &store, 2)
                .unwrap_err(),
            VerifyError::Replay
        );
    }
    // The real client goes on.
    let next = client.respond("GET", "/", b"").unwrap();
    assert!(server.verify(&next, &req, &users(), &store, 3).is_ok());
}

#[test]
fn forged_request_does_not_disturb_the_real_client() {
    let server = server();
    let store = MemoryNonceStore::with_window(8);
    let mut client = answer(&server, 0);
    let req = DigestRequest::new("GET", "/");
    let first = client.respond("GET", "/", b"").unwrap();
    assert!(server.verify(&first, &req, &users(), &store, 1).is_ok());
    // An attacker with the nonce but not the password pushes nc far ahead.
    let mut attacker = DigestClient::new("Mufasa", "guess");
    attacker.challenge(&server.challenges(0)).unwrap();
    let nonce = client.nonce().unwrap().to_string();
    let forged = client
        .respond_with("GET", "/", b"", "cafebabecafebabe", 1000)
        .unwrap()
        .replace("response=\"", "response=\"f");
    assert_ne!(
        server
            .verify(&forged, &req, &users(), &store, 2)
            .unwrap_err(),
        VerifyError::Replay
    );
    let guess = attacker.respond_with("GET", "/", b"", "cafebabecafebabe", 500);
    let guess = guess.unwrap().replace(attacker.nonce().unwrap(), &nonce);
    assert!(server.verify(&guess, &req, &users(), &store, 2).is_err());
    // The real client's next counts still pass.
    let mut client = answer(&server, 0);
    client.challenge(&[format!(
        r#"Digest realm="test@example.org", nonce="{nonce}", algorithm=SHA-512-256-sess, qop="auth", opaque="{}""#,
        opaque_of(&server)
    )])
    .unwrap();
    for nc in 2..5 {
        let v = client
            .respond_with("GET", "/", b"", "0123456789abcdef", nc)
            .unwrap();
        assert!(
            server.verify(&v, &req, &users(), &store, 3).is_ok(),
            "nc {nc}"
        );
    }
}

fn opaque_of(server: &DigestServer) -> String {
    let line = &server.challenges(0)[0];
    let c = Challenges::parse(line).next().unwrap().unwrap();
    c.param("opaque").unwrap().as_str().unwrap().to_string()
}

#[test]
fn nonce_is_bound_to_realm_and_opaque() {
    let a = DigestServer::with_secret("realm-a", SECRET);
    let b = DigestServer::with_secret("realm-b", SECRET).opaque(opaque_of(&a));
    let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    let store = MemoryNonceStore::new();
    let req = DigestRequest::new("GET", "/");
    // A's nonce answered for realm B.
    let line = a.challenges(0)[0].replace("realm-a", "realm-b");
    let mut client = DigestClient::new("u", "p");
    client.challenge(&[line]).unwrap();
    let v = client.respond("GET", "/", b"").unwrap();
    assert_eq!(
        b.verify(&v, &req, &users, &store, 1).unwrap_err(),
        VerifyError::InvalidNonce
    );
    // A's nonce with another opaque.
    let line = a.challenges(0)[0].replace(&opaque_of(&a), "other");
    let mut client = DigestClient::new("u", "p");
    client.challenge(&[line]).unwrap();
    let v = client.respond("GET", "/", b"").unwrap();
    assert_eq!(
        a.verify(&v, &req, &users, &store, 1).unwrap_err(),
        VerifyError::InvalidNonce
    );
    // Without opaque.
    let line = a.challenges(0)[0].replace(&format!(r#"opaque="{}", "#, opaque_of(&a)), "");
    let mut client = DigestClient::new("u", "p");
    client.challenge(&[line]).unwrap();
    let v = client.respond("GET", "/", b"").unwrap();
    assert_eq!(
        a.verify(&v, &req, &users, &store, 1).unwrap_err(),
        VerifyError::InvalidNonce
    );
    // Another secret: not this server's nonce.
    let c = DigestServer::with_secret("realm-a", [1; 32]);
    let v = answer_with(&a, "u", "p").respond("GET", "/", b"").unwrap();
    assert_eq!(
        c.verify(&v, &req, &users, &store, 1).unwrap_err(),
        VerifyError::InvalidNonce
    );
}

fn answer_with(server: &DigestServer, user: &str, password: &str) -> DigestClient {
    let mut c = DigestClient::new(user, password);
    c.challenge(&server.challenges(0)).unwrap();
    c
}

#[test]
fn expired_gives_stale_only_with_the_right_password() {
    let server = server().nonce_lifetime(60).nextnonce_within(10);
    let store = MemoryNonceStore::new();
    let req = DigestRequest::new("GET", "/");
    let mut client = answer(&server, 1000);
    let v = client.respond("GET", "/", b"").unwrap();
    // Near the end: nextnonce.
    let ok = server.verify(&v, &req, &users(), &store, 1055).unwrap();
    assert!(ok.nextnonce().is_some());
    assert!(ok.authentication_info(b"").starts_with("nextnonce=\""));
    let v = client.respond("GET", "/", b"").unwrap();
    let err = server.verify(&v, &req, &users(), &store, 1061).unwrap_err();
    assert_eq!(err, VerifyError::Stale);
    assert_eq!(err.status(), 401);
    assert!(server.challenges_for(&err, 1061)[0].contains("stale=true"));
    // The same request with a wrong password is not stale.
    let mut wrong = DigestClient::new("Mufasa", "wrong");
    wrong.challenge(&server.challenges(1000)).unwrap();
    let v = wrong.respond("GET", "/", b"").unwrap();
    assert_eq!(
        server.verify(&v, &req, &users(), &store, 1061).unwrap_err(),
        VerifyError::WrongResponse
    );
    // A stale request does not use up its count: after a retry with a
    // fresh nonce, nothing is locked.
    let mut client = answer(&server, 2000);
    let v = client.respond("GET", "/", b"").unwrap();
    assert!(server.verify(&v, &req, &users(), &store, 2001).is_ok());
}

#[test]
fn tampered_response_or_uri_fails() {
    let server = server();
    let store = MemoryNonceStore::new();
    let mut client = answer(&server, 0);
    let v = client.respond("GET", "/private", b"").unwrap();
    // The uri in the credentials is not the request-target: 400.
    let err = server
        .verify(
            &v,
            &DigestRequest::new("GET", "/public"),
            &users(),
            &store,
            1,
        )
        .unwrap_err();
    assert_eq!((err, err.status()), (VerifyError::UriMismatch, 400));
    // The uri changed in both: the response no longer matches.
    let moved = v.replace("uri=\"/private\"", "uri=\"/public\"");
    assert_eq!(
        server
            .verify(
                &moved,
                &DigestRequest::new("GET", "/public"),
                &users(),
                &store,
                1
            )
            .unwrap_err(),
        VerifyError::WrongResponse
    );
    // Another method.
    assert_eq!(
        server
            .verify(
                &v,
                &DigestRequest::new("POST", "/private"),
                &users(),
                &store,
                1
            )
            .unwrap_err(),
        VerifyError::WrongResponse
    );
    // One hex digit of the response changed.
    let creds = Credentials::parse(&v).unwrap();
    let response = creds
        .param("response")
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    let mut flipped = response.clone().into_bytes();
    flipped[0] = if flipped[0] == b'0' { b'1' } else { b'0' };
    let tampered = v.replace(&response, std::str::from_utf8(&flipped).unwrap());
    let req = DigestRequest::new("GET", "/private");
    assert_eq!(
        server
            .verify(&tampered, &req, &users(), &store, 1)
            .unwrap_err(),
        VerifyError::WrongResponse
    );
    // None of that used up the count: the original still passes.
    assert!(server.verify(&v, &req, &users(), &store, 1).is_ok());
}

#[test]
fn downgrade_to_an_algorithm_not_offered_fails() {
    let server = DigestServer::with_secret("r", SECRET).algorithms(&[DigestAlgorithm::Sha256]);
    let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    let store = MemoryNonceStore::new();
    let req = DigestRequest::new("GET", "/");
    for (from, to) in [
        ("algorithm=SHA-256", "algorithm=MD5"),
        ("algorithm=SHA-256", "algorithm=SHA-256-sess"),
        ("algorithm=SHA-256, ", ""),
    ] {
        let line = server.challenges(0)[0].replace(from, to);
        let mut client = DigestClient::new("u", "p");
        client.challenge(&[line]).unwrap();
        let v = client.respond("GET", "/", b"").unwrap();
        assert_eq!(
            server.verify(&v, &req, &users, &store, 1).unwrap_err(),
            VerifyError::AlgorithmNotOffered,
            "{to}"
        );
    }
    // qop auth-int when only auth was offered.
    let line = server.challenges(0)[0].replace("qop=\"auth\"", "qop=\"auth-int\"");
    let mut client = DigestClient::new("u", "p");
    client.challenge(&[line]).unwrap();
    let v = client.respond("GET", "/", b"").unwrap();
    assert_eq!(
        server.verify(&v, &req, &users, &store, 1).unwrap_err(),
        VerifyError::QopNotOffered
    );
}

#[test]
fn realm_syntax_and_users() {
    let server = server();
    let store = MemoryNonceStore::new();
    let req = DigestRequest::new("GET", "/");
    let check = |v: &str, want: VerifyError| {
        assert_eq!(
            server.verify(v, &req, &users(), &store, 1).unwrap_err(),
            want,
            "{v}"
        );
    };
    let bad = r#"Digest realm="x"#;
    check(
        bad,
        VerifyError::Syntax(Credentials::parse(bad).unwrap_err()),
    );
    assert_eq!(
        VerifyError::Syntax(Credentials::parse(bad).unwrap_err()).status(),
        400
    );
    check("Basic dTpw", VerifyError::NotDigest);
    let err = server
        .verify(r#"Digest realm="x""#, &req, &users(), &store, 1)
        .unwrap_err();
    assert!(matches!(err, VerifyError::Malformed(_)) && err.status() == 400);
    let mut other = DigestClient::new("Mufasa", "Circle of Life");
    other
        .challenge(&[server.challenges(0)[0].replace("test@example.org", "elsewhere")])
        .unwrap();
    check(
        &other.respond("GET", "/", b"").unwrap(),
        VerifyError::WrongRealm,
    );
    let mut nobody = answer_with(&server, "Scar", "x");
    check(
        &nobody.respond("GET", "/", b"").unwrap(),
        VerifyError::UnknownUser,
    );
}

#[test]
fn htdigest_ha1_and_userhash_lookup() {
    // RFC 2617's H(A1) as an htdigest line: MD5 only.
    let table =
        UserTable::from_htdigest("Mufasa:testrealm@host.com:939e7578ed9e3c518a452acee763bce9\n")
            .unwrap();
    let server = DigestServer::with_secret("testrealm@host.com", SECRET)
        .algorithms(&[DigestAlgorithm::Md5, DigestAlgorithm::Md5Sess])
        .userhash();
    let store = MemoryNonceStore::new();
    let req = DigestRequest::new("GET", "/dir/index.html");
    let mut client = DigestClient::new("Mufasa", "Circle Of Life");
    client.challenge(&server.challenges(0)).unwrap();
    assert_eq!(client.algorithm(), Some(DigestAlgorithm::Md5Sess));
    let v = client.respond("GET", "/dir/index.html", b"").unwrap();
    assert!(v.contains("userhash=true") && !v.contains("Mufasa"), "{v}");
    let ok = server.verify(&v, &req, &table, &store, 1).unwrap();
    assert_eq!(ok.username(), "Mufasa");
    // A stored MD5 H(A1) cannot answer SHA-256.
    let sha = DigestServer::with_secret("testrealm@host.com", SECRET);
    let mut client = DigestClient::new("Mufasa", "Circle Of Life");
    client.challenge(&sha.challenges(0)).unwrap();
    let v = client.respond("GET", "/dir/index.html", b"").unwrap();
    assert_eq!(
        sha.verify(&v, &req, &table, &store, 1).unwrap_err(),
        VerifyError::UnknownUser
    );
    assert!(table.secret("Mufasa", "testrealm@host.com").is_some());
    assert!(UserTable::from_htdigest("a:b").is_err());
    assert!(HexDigest::parse("zz").is_none());
}

#[test]
fn username_star_round_trip() {
    let server = DigestServer::with_secret("r", SECRET);
    let mut t = UserTable::new();
    t.add_password("Jäsøn Doe", "Secret, or not?");
    let mut client = answer_with(&server, "Jäsøn Doe", "Secret, or not?");
    let v = client.respond("GET", "/", b"").unwrap();
    assert!(v.contains("username*=UTF-8''J%C3%A4s%C3%B8n%20Doe"));
    let ok = server
        .verify(
            &v,
            &DigestRequest::new("GET", "/"),
            &t,
            &MemoryNonceStore::new(),
            1,
        )
        .unwrap();
    assert_eq!(ok.username(), "Jäsøn Doe");
}

#[test]
fn out_of_order_nc_within_the_window_once_each() {
    let server = server();
    let store = MemoryNonceStore::with_window(16);
    let req = DigestRequest::new("GET", "/");
    let mut client = answer(&server, 0);
    let mut sent: Vec<(u32, String)> = (1..=10)
        .map(|nc| {
            (
                nc,
                client
                    .respond_with("GET", "/", b"", &format!("{nc:016x}"), nc)
                    .unwrap(),
            )
        })
        .collect();
    sent.reverse();
    sent.swap(2, 7);
    for (nc, v) in &sent {
        assert!(
            server.verify(v, &req, &users(), &store, 1).is_ok(),
            "nc {nc}"
        );
        assert_eq!(
            server.verify(v, &req, &users(), &store, 1).unwrap_err(),
            VerifyError::Replay
        );
    }
    // Older than the window: refused.
    let _ = client.respond_with("GET", "/", b"", "aa", 40).map(|v| {
        assert!(server.verify(&v, &req, &users(), &store, 1).is_ok());
    });
    let old = client.respond_with("GET", "/", b"", "bb", 11).unwrap();
    assert_eq!(
        server.verify(&old, &req, &users(), &store, 1).unwrap_err(),
        VerifyError::Replay
    );
}

#[test]
fn types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<DigestClient>();
    check::<DigestServer>();
    check::<MemoryNonceStore>();
    check::<UserTable>();
    check::<VerifyError>();
    check::<DigestClientError>();
}

#[test]
fn secrets_stay_out_of_debug() {
    let server = DigestServer::with_secret("r", [0xAB; 32]);
    assert!(!format!("{server:?}").contains("171"));
    let client = DigestClient::new("u", "hunter2");
    assert!(!format!("{client:?}").contains("hunter2"));
    let secret = UserSecret::Password("hunter2".into());
    assert!(!format!("{secret:?}").contains("hunter2"));
    let mut t = UserTable::new();
    t.add_password("u", "hunter2");
    assert!(!format!("{t:?}").contains("hunter2"));
}

fn arb_algorithm() -> impl Strategy<Value = DigestAlgorithm> {
    prop::sample::select(DigestAlgorithm::ALL.to_vec())
}

proptest! {
    /// The store accepts each (nonce, count) at most once, whatever the order.
    #[test]
    fn store_accepts_each_count_once(ncs in prop::collection::vec(1u32..300, 0..200), window in 1u32..130) {
        let store = MemoryNonceStore::with_window(window);
        let mut accepted = std::collections::HashSet::new();
        for nc in ncs {
            if store.record("n", nc, 10, 0) {
                prop_assert!(accepted.insert(nc), "{} accepted twice", nc);
            }
        }
    }

    /// Whatever the server offers, the client answers with one of its
    /// algorithms, the strongest, and the server accepts it.
    #[test]
    fn client_answers_only_what_was_offered(
        offered in prop::collection::vec(arb_algorithm(), 1..6),
        auth_int in any::<bool>(),
    ) {
        let server = DigestServer::with_secret("r", SECRET)
            .algorithms(&offered)
            .qop(&[Qop::AUTH_INT, Qop::AUTH]);
        let mut client = DigestClient::new("u", "p");
        if auth_int {
            client = client.prefer_auth_int();
        }
        let got = client.challenge(&server.challenges(0)).unwrap();
        prop_assert!(offered.contains(&got));
        prop_assert_eq!(Some(got), offered.iter().max().copied());
        let v = client.respond("GET", "/", b"x").unwrap();
        let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
        let req = DigestRequest::new("GET", "/").body(b"x");
        prop_assert!(server.verify(&v, &req, &users, &MemoryNonceStore::new(), 1).is_ok());
    }

    /// Verifying arbitrary text never panics, and never succeeds.
    #[test]
    fn verify_never_panics(value in "\\PC{0,200}", digest_params in prop::collection::vec(("[a-z*]{1,9}", "[ -~]{0,20}"), 0..12)) {
        let server = server();
        let store = MemoryNonceStore::new();
        let req = DigestRequest::new("GET", "/");
        prop_assert!(server.verify(&value, &req, &users(), &store, 1).is_err());
        let params: Vec<String> = digest_params
            .iter()
            .map(|(k, v)| format!("{k}=\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\"")))
            .collect();
        let value = format!("Digest {}", params.join(", "));
        prop_assert!(server.verify(&value, &req, &users(), &store, 1).is_err());
    }

    /// A response with any one byte changed is refused.
    #[test]
    fn any_changed_response_fails(i in 0usize..64, to in prop::sample::select(b"0123456789abcdef".to_vec())) {
        let server = server();
        let store = MemoryNonceStore::new();
        let mut client = answer(&server, 0);
        let v = client.respond("GET", "/", b"").unwrap();
        let creds = Credentials::parse(&v).unwrap();
        let response = creds.param("response").unwrap().as_str().unwrap().to_string();
        let mut changed = response.clone().into_bytes();
        let i = i % changed.len();
        prop_assume!(changed[i] != to);
        changed[i] = to;
        let tampered = v.replace(&response, std::str::from_utf8(&changed).unwrap());
        let req = DigestRequest::new("GET", "/");
        prop_assert_eq!(server.verify(&tampered, &req, &users(), &store, 1).unwrap_err(), VerifyError::WrongResponse);
        prop_assert!(server.verify(&v, &req, &users(), &store, 1).is_ok());
    }
}

#[test]
fn store_trait_objects() {
    let store: Box<dyn NonceStore> = Box::new(MemoryNonceStore::new());
    assert!(store.record("n", 1, 1, 0));
    let users: &dyn DigestUsers = &users();
    let server = server();
    let mut client = answer(&server, 0);
    let v = client.respond("GET", "/", b"").unwrap();
    assert!(server
        .verify(&v, &DigestRequest::new("GET", "/"), users, &*store, 1)
        .is_ok());
}
