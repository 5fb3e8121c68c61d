use alloc::string::ToString;
use alloc::vec::Vec;

use super::algorithm::ALGORITHMS;
use super::*;
use crate::builder::BuildError;
use crate::ext_value::{Charset, ExtValueError};
use crate::Challenges;
use crate::{AuthenticationInfo, Credentials};

fn challenge(v: &str) -> Result<DigestChallenge<'_>, SchemeError> {
    DigestChallenge::try_from(&Challenges::parse(v).next().unwrap().unwrap())
}

fn creds(v: &str) -> Result<DigestCredentials<'_>, SchemeError> {
    DigestCredentials::try_from(&Credentials::parse(v).unwrap())
}

fn info(v: &str) -> Result<DigestAuthInfo<'_>, SchemeError> {
    DigestAuthInfo::try_from(&AuthenticationInfo::parse(v).unwrap())
}

const CREDS: &str = r#"Digest username="u", realm="r", nonce="n", uri="/", response="00""#;

#[test]
fn challenge_defaults() {
    let c = challenge(r#"Digest realm="r", nonce="n""#).unwrap();
    assert_eq!(c.realm(), "r");
    assert_eq!(c.nonce(), "n");
    assert_eq!(c.algorithm(), Algorithm::MD5);
    assert!(c.qop().is_none());
    assert_eq!(c.domain().count(), 0);
    assert!(c.opaque().is_none());
    assert!(!c.stale() && !c.charset_utf8() && !c.userhash());
}

#[test]
fn token_and_quoted_forms_are_equal() {
    let a = challenge(r#"Digest realm="r", nonce="n", stale="TRUE", algorithm="sha-256-sess", qop="auth", charset="utf-8", userhash="True""#).unwrap();
    let b = challenge("digest REALM=r, nonce=n, stale=true, algorithm=SHA-256-sess, qop=auth, charset=UTF-8, userhash=true").unwrap();
    assert_eq!(a, b);
    assert!(a.stale() && a.charset_utf8() && a.userhash());
    let lists = |q: &'static str, d: &'static str| {
        let v: &'static str =
            alloc::format!("Digest realm=r, nonce=n, qop=\"{q}\", domain=\"{d}\"").leak();
        challenge(v).unwrap()
    };
    assert_eq!(
        lists("auth,auth-int", "/a /b"),
        lists(" auth , auth-int", "/a\t/b ")
    );
    assert_ne!(
        lists("auth,auth-int", "/a /b"),
        lists("auth-int,auth", "/a /b")
    );
    assert_ne!(lists("auth", "/a /b"), lists("auth", "/a"));
    assert_eq!(a.algorithm(), Algorithm::SHA_256_SESS);
    // Quoted-pairs in known values are unescaped before matching.
    let c = challenge(r#"Digest realm="r", nonce="n", algorithm="SHA\-256", qop="au\th""#).unwrap();
    assert_eq!(c.algorithm(), Algorithm::SHA_256);
    assert!(c.qop().unwrap().eq([Qop::AUTH]));
}

#[test]
fn stale_other_than_true_is_false() {
    for v in ["false", "FALSE", "no", "\"\"", "1"] {
        let s = alloc::format!("Digest realm=r, nonce=n, stale={v}");
        let c = challenge(&s).unwrap();
        assert!(!c.stale(), "{v}");
    }
}

#[test]
fn qop_list_is_trimmed_and_split() {
    let c = challenge("Digest realm=r, nonce=n, qop=\" auth ,\tauth-int,, x-y ,\"").unwrap();
    let qop: Vec<_> = c.qop().unwrap().collect();
    assert_eq!(qop, [Qop::AUTH, Qop::AUTH_INT, Qop::from_name("x-y")]);
    // An escaped comma separates too: values compare unescaped.
    let c = challenge(r#"Digest realm=r, nonce=n, qop="auth\,auth-int""#).unwrap();
    assert!(c.qop().unwrap().eq([Qop::AUTH, Qop::AUTH_INT]));
    let c = challenge(r#"Digest realm=r, nonce=n, qop="auth\ , AUTH-INT""#).unwrap();
    assert!(c.qop().unwrap().eq([Qop::AUTH, Qop::AUTH_INT]));
}

#[test]
fn domain_is_space_separated() {
    let c =
        challenge(r#"Digest realm=r, nonce=n, domain="/a  http://x.example/b,c	/d\"e""#).unwrap();
    let d: Vec<_> = c.domain().collect();
    assert_eq!(d.len(), 3);
    assert_eq!(d[0], "/a");
    assert_eq!(d[1], "http://x.example/b,c");
    assert_eq!(d[2], "/d\"e");
    assert!(d[2].has_escapes());
    assert_eq!(d[2].unescaped_str().unwrap(), "/d\"e");
    let c = challenge(r#"Digest realm=r, nonce=n, domain="/a\ /b""#).unwrap();
    assert_eq!(c.domain().count(), 2);
}

#[test]
fn challenge_errors() {
    let e = |v: &str| challenge(v).unwrap_err();
    assert_eq!(e("Basic realm=r"), SchemeError::WrongScheme("Digest"));
    assert_eq!(e("Digest abc=="), SchemeError::UnexpectedToken68);
    assert_eq!(e("Digest"), SchemeError::MissingParam("realm"));
    assert_eq!(e("Digest realm=r"), SchemeError::MissingParam("nonce"));
    assert_eq!(
        e("Digest realm=r, nonce=n, Nonce=m"),
        SchemeError::DuplicateParam("nonce")
    );
    assert_eq!(
        e("Digest realm=r, nonce=n, qop=\"\""),
        SchemeError::InvalidParam("qop")
    );
    assert_eq!(
        e("Digest realm=r, nonce=n, qop=\" , \""),
        SchemeError::InvalidParam("qop")
    );
    assert_eq!(
        e("Digest realm=r, nonce=n, qop=\"auth, a/b\""),
        SchemeError::InvalidParam("qop")
    );
    assert_eq!(
        e(r#"Digest realm=r, nonce=n, qop="auth, x\y""#),
        SchemeError::InvalidParam("qop")
    );
    assert_eq!(
        e("Digest realm=r, nonce=n, algorithm=\"a b\""),
        SchemeError::InvalidParam("algorithm")
    );
    assert_eq!(
        e("Digest realm=r, nonce=n, charset=latin1"),
        SchemeError::InvalidParam("charset")
    );
    assert_eq!(
        e("Digest realm=r, nonce=n, userhash=yes"),
        SchemeError::InvalidParam("userhash")
    );
}

#[test]
fn unknown_params_ignored_and_unknown_algorithm_kept() {
    let c = challenge("Digest realm=r, nonce=n, algorithm=SHA3-512, x=1, qop=auth").unwrap();
    assert_eq!(c.algorithm(), Algorithm::from_name("SHA3-512"));
    assert_eq!(c.algorithm().name(), "SHA3-512");
    assert!(!c.algorithm().is_session());
    assert!(Algorithm::from_name("X-SESS").is_session());
    assert!(!Algorithm::from_name("-sess").is_session());
    // A name a later version may learn compares equal to it, in any case.
    assert_eq!(Algorithm::from_name("sha3-512"), c.algorithm());
    assert_ne!(Algorithm::from_name("SHA3-256"), c.algorithm());
}

#[test]
fn names_hash_as_they_compare() {
    use std::collections::HashSet;
    let algs: HashSet<_> = ["md5", "MD5", "Md5", "sha3", "SHA3"]
        .into_iter()
        .map(Algorithm::from_name)
        .collect();
    assert_eq!(algs.len(), 2);
    assert!(algs.contains(&Algorithm::MD5));
    let qops: HashSet<_> = ["AUTH", "auth", "x"]
        .into_iter()
        .map(Qop::from_name)
        .collect();
    assert_eq!(qops.len(), 2);
    assert_eq!(alloc::format!("{:?}", Qop::AUTH_INT), r#"Qop("auth-int")"#);
    assert_eq!(Algorithm::SHA_512_256_SESS.to_string(), "SHA-512-256-sess");
}

#[test]
fn algorithm_names_roundtrip() {
    for a in ALGORITHMS {
        let n = a.name();
        let lower = n.to_ascii_lowercase();
        assert_eq!(Algorithm::from_name(&lower), a);
        // Known names get their registered spelling back.
        assert_eq!(Algorithm::from_name(&lower).name(), n);
        assert_eq!(a.is_session(), n.ends_with("-sess"));
        assert_eq!(a.to_string(), n);
    }
}

#[test]
fn nonce_count() {
    let s = alloc::format!("{CREDS}, qop=auth, cnonce=c, nc=0000001F");
    let c = creds(&s).unwrap();
    let nc = c.nc().unwrap();
    assert_eq!(nc.value(), 31);
    assert_eq!(nc.as_str(), "0000001F");
    assert_eq!(nc, NonceCount::new(31));
    assert_eq!(NonceCount::new(u32::MAX).as_str(), "ffffffff");
    assert_eq!(NonceCount::new(0).to_string(), "00000000");
    let s = alloc::format!("{CREDS}, nc=\"0000\\0001\"");
    let c = creds(&s).unwrap();
    assert_eq!(c.nc().unwrap().as_str(), "00000001");
    for bad in [
        "1",
        "0000001",
        "000000001",
        "0000000g",
        "\"0000 001\"",
        "-0000001",
    ] {
        assert_eq!(
            creds(&alloc::format!("{CREDS}, nc={bad}")).unwrap_err(),
            SchemeError::InvalidParam("nc"),
            "{bad}"
        );
    }
}

#[test]
fn credentials_required_params() {
    let all = [
        ("username", r#"username="u""#),
        ("realm", r#"realm="r""#),
        ("nonce", r#"nonce="n""#),
        ("uri", r#"uri="/""#),
        ("response", r#"response="00""#),
    ];
    for (missing, _) in all {
        let v: Vec<&str> = all
            .iter()
            .filter(|(n, _)| *n != missing)
            .map(|(_, p)| *p)
            .collect();
        let v = alloc::format!("Digest {}", v.join(", "));
        assert_eq!(
            creds(&v).unwrap_err(),
            SchemeError::MissingParam(missing),
            "{v}"
        );
    }
    let c = creds(CREDS).unwrap();
    assert_eq!(c.algorithm(), Algorithm::MD5);
    assert!(c.qop().is_none() && c.nc().is_none() && c.cnonce().is_none());
    assert!(!c.userhash());
    assert_eq!(
        creds(&alloc::format!("{CREDS}, qop=auth, nc=00000001")).unwrap_err(),
        SchemeError::MissingParam("cnonce")
    );
    assert_eq!(
        creds(&alloc::format!("{CREDS}, qop=auth, cnonce=c")).unwrap_err(),
        SchemeError::MissingParam("nc")
    );
    assert_eq!(
        creds(&alloc::format!(
            "{CREDS}, qop=\"auth, auth-int\", cnonce=c, nc=00000001"
        ))
        .unwrap_err(),
        SchemeError::InvalidParam("qop")
    );
    assert_eq!(
        creds(&alloc::format!("{CREDS}, URI=x")).unwrap_err(),
        SchemeError::DuplicateParam("uri")
    );
    assert_eq!(
        creds("Digest").unwrap_err(),
        SchemeError::MissingParam("username")
    );
    assert_eq!(
        creds("Basic YTpi").unwrap_err(),
        SchemeError::WrongScheme("Digest")
    );
    assert_eq!(
        creds("Digest YTpi").unwrap_err(),
        SchemeError::UnexpectedToken68
    );
}

#[test]
fn username_star() {
    let rest = r#"realm="r", nonce="n", uri="/", response="00""#;
    let s = alloc::format!("Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, {rest}");
    let c = creds(&s).unwrap();
    assert_eq!(c.username().decoded_str().unwrap(), "Jäsøn Doe");
    assert!(matches!(c.username(), Username::Extended(e) if e.charset() == Charset::UTF_8));
    // Quoted without quoted-pairs is the same value.
    let s = alloc::format!("Digest username*=\"UTF-8''J%C3%A4s%C3%B8n%20Doe\", {rest}");
    let q = creds(&s).unwrap();
    assert_eq!(q, c);
    let s = alloc::format!("Digest username*=ISO-8859-1'de'J%E4s%F8n, {rest}");
    let latin = creds(&s).unwrap();
    assert_eq!(latin.username().decoded_str().unwrap(), "Jäsøn");
    let e = |v: &str| creds(&alloc::format!("Digest {v}, {rest}")).unwrap_err();
    assert_eq!(
        e("username=a, username*=UTF-8''a"),
        SchemeError::ConflictingParams("username", "username*")
    );
    assert_eq!(
        e("username*=UTF-8''a, userhash=true"),
        SchemeError::ConflictingParams("username*", "userhash")
    );
    assert!(creds(&alloc::format!(
        "Digest username*=UTF-8''a, userhash=false, {rest}"
    ))
    .is_ok());
    assert_eq!(
        e("username*=KOI8-R''%C1"),
        SchemeError::InvalidExtValue("username*", ExtValueError::UnsupportedCharset)
    );
    assert_eq!(
        e("username*=UTF-8''%FF"),
        SchemeError::InvalidExtValue("username*", ExtValueError::InvalidUtf8)
    );
    assert_eq!(
        e("username*=Jason"),
        SchemeError::InvalidExtValue("username*", ExtValueError::MissingQuote)
    );
    assert_eq!(
        e(r#"username*="UTF-8''\a""#),
        SchemeError::InvalidParam("username*")
    );
}

#[test]
fn debug_hides_response() {
    let c = creds(
        r#"Digest username="Mufasa", realm="r", nonce="n", uri="/", response="6629fae49393a053""#,
    )
    .unwrap();
    let d = alloc::format!("{c:?}");
    assert!(d.contains("Mufasa") && !d.contains("6629fae4"), "{d}");
    let b = DigestCredentials::builder("Mufasa", "r", "n", "/", "6629fae4");
    let d = alloc::format!("{b:?}");
    assert!(d.contains("Mufasa") && !d.contains("6629fae4"), "{d}");
}

#[test]
fn auth_info() {
    let i = info(r#"nextnonce="abc", qop=auth, rspauth="d4", cnonce="c", nc=00000002, other=1"#)
        .unwrap();
    assert_eq!(i.nextnonce().unwrap(), "abc");
    assert_eq!(i.qop(), Some(Qop::AUTH));
    assert_eq!(i.rspauth().unwrap(), "d4");
    assert_eq!(i.cnonce().unwrap(), "c");
    assert_eq!(i.nc().unwrap().value(), 2);
    let i = info(r#"nextnonce=abc"#).unwrap();
    assert!(i.qop().is_none() && i.rspauth().is_none());
    assert_eq!(info("").unwrap(), DigestAuthInfo::from_params([]).unwrap());
    assert_eq!(
        info("qop=auth, cnonce=c, nc=00000001").unwrap_err(),
        SchemeError::MissingParam("rspauth")
    );
    assert_eq!(
        info("qop=auth, rspauth=r, nc=00000001").unwrap_err(),
        SchemeError::MissingParam("cnonce")
    );
    assert_eq!(
        info("qop=auth, rspauth=r, cnonce=c").unwrap_err(),
        SchemeError::MissingParam("nc")
    );
    assert_eq!(info("nc=1").unwrap_err(), SchemeError::InvalidParam("nc"));
    assert_eq!(
        info("nextnonce=a, NEXTNONCE=b").unwrap_err(),
        SchemeError::DuplicateParam("nextnonce")
    );
}

#[test]
fn writers_refuse_what_the_parser_rejects() {
    let ch = |b: DigestChallengeBuilder<'_>| b.finish().unwrap_err();
    let b = || DigestChallenge::builder("r", "n");
    assert_eq!(
        ch(b().domain(&["/a", ""])),
        BuildError::SchemeValue("domain")
    );
    assert_eq!(ch(b().domain(&["/a b"])), BuildError::SchemeValue("domain"));
    assert_eq!(
        ch(b().algorithm(Algorithm::from_name("a,b"))),
        BuildError::SchemeValue("algorithm")
    );
    assert_eq!(
        ch(b().qop(&[Qop::AUTH, Qop::from_name("")])),
        BuildError::SchemeValue("qop")
    );
    assert_eq!(
        ch(DigestChallenge::builder("r\n", "n")),
        BuildError::InvalidValue
    );
    let cr = || DigestCredentials::builder("u", "r", "n", "/", "00");
    assert_eq!(
        cr().extended_username().userhash().finish().unwrap_err(),
        BuildError::SchemeValue("userhash")
    );
    assert_eq!(
        cr().qop(Qop::from_name("a b"), "c", 1)
            .finish()
            .unwrap_err(),
        BuildError::SchemeValue("qop")
    );
    assert_eq!(
        DigestCredentials::builder("a\tb\0", "r", "n", "/", "00")
            .finish()
            .unwrap_err(),
        BuildError::InvalidValue
    );
    // The extended form carries any text but control characters, which the
    // view refuses (C0, DEL and C1).
    for name in ["a\tb", "a\0", "\x7f", "a\u{85}b", "\u{9f}"] {
        let b = DigestCredentials::builder(name, "r", "n", "/", "00").extended_username();
        assert_eq!(
            b.finish().unwrap_err(),
            BuildError::SchemeValue("username*"),
            "{name:?}"
        );
    }
    let v = DigestCredentials::builder("a\u{a0}\u{7e}\u{100}\"", "r", "n", "/", "00")
        .extended_username()
        .finish()
        .unwrap();
    assert_eq!(
        creds(&v).unwrap().username().decoded_str().unwrap(),
        "a\u{a0}~\u{100}\""
    );
    assert_eq!(
        DigestAuthInfo::builder()
            .nextnonce("\r")
            .finish()
            .unwrap_err(),
        BuildError::InvalidValue
    );
    assert_eq!(DigestAuthInfo::builder().finish().unwrap(), "");
}

#[test]
fn writers_quote_as_rfc7616_says() {
    let v = DigestChallenge::builder("r", "n")
        .domain(&["/a", "/b"])
        .opaque("o")
        .stale()
        .algorithm(Algorithm::MD5_SESS)
        .qop(&[Qop::AUTH])
        .charset_utf8()
        .userhash()
        .finish()
        .unwrap();
    assert_eq!(
        v,
        r#"Digest realm="r", domain="/a /b", nonce="n", opaque="o", stale=true, algorithm=MD5-sess, qop="auth", charset=UTF-8, userhash=true"#
    );
    let v = DigestCredentials::builder("u", "r", "n", "/", "00")
        .algorithm(Algorithm::SHA_256)
        .qop(Qop::AUTH_INT, "c", 0xab)
        .opaque("o")
        .userhash()
        .finish()
        .unwrap();
    assert_eq!(
        v,
        r#"Digest username="u", realm="r", uri="/", algorithm=SHA-256, nonce="n", nc=000000ab, cnonce="c", qop=auth-int, response="00", opaque="o", userhash=true"#
    );
    // The generic Display agrees with the typed writers.
    let c = Credentials::parse(&v).unwrap();
    assert_eq!(c.to_string(), v);
}

#[test]
fn username_star_with_control_characters_is_refused() {
    let refused = [
        "UTF-8''a%00b",
        "UTF-8''%0A",
        "UTF-8''a%1Fb",
        "UTF-8''%7F",
        "UTF-8''%C2%80",
        "UTF-8''x%C2%85",
        "UTF-8''%C2%9F",
        "ISO-8859-1''%85",
        "iso-8859-1''a%9F",
        "ISO-8859-1''%09",
    ];
    for ext in refused {
        let v = alloc::format!("Digest username*={ext}, realm=r, nonce=n, uri=\"/\", response=0");
        assert_eq!(
            creds(&v).unwrap_err(),
            SchemeError::ControlCharacter("username*"),
            "{ext}"
        );
    }
    // Neighbours of the control ranges are text.
    let accepted = [
        ("UTF-8''%20%7E", " ~"),
        ("UTF-8''%C2%A0", "\u{a0}"),
        ("UTF-8''%C3%85", "\u{c5}"),
        ("ISO-8859-1''%A0%FF", "\u{a0}\u{ff}"),
        ("ISO-8859-1''%7E", "~"),
    ];
    for (ext, text) in accepted {
        let v = alloc::format!("Digest username*={ext}, realm=r, nonce=n, uri=\"/\", response=0");
        assert_eq!(
            creds(&v).unwrap().username().decoded_str().unwrap(),
            text,
            "{ext}"
        );
    }
}

#[test]
fn response_is_checked_in_constant_time_helpers() {
    let v = r#"Digest username="u", realm="r", nonce="n", uri="/", response="8CA523F5e9506fed""#;
    let c = Credentials::parse(v).unwrap();
    let d = DigestCredentials::try_from(c.clone()).unwrap();
    assert!(d.response_matches("8ca523f5e9506fed"));
    assert!(d.response_matches("8CA523F5E9506FED"));
    for wrong in [
        "",
        "8ca523f5e9506fe",
        "8ca523f5e9506fedd",
        "8ca523f5e9506fee",
        "9ca523f5e9506fed",
    ] {
        assert!(!d.response_matches(wrong), "{wrong}");
    }
    // Escapes are unescaped before comparing.
    let e = creds(
        r#"Digest username="u", realm="r", nonce="n", uri="/", response="8c\a523f5e9506fed""#,
    )
    .unwrap();
    assert!(e.response_matches("8ca523f5e9506fed"));
    assert_eq!(d.as_credentials(), &c);
    assert_eq!(d, DigestCredentials::try_from(&c).unwrap());
    let other =
        creds(r#"Digest username="u", realm="r", nonce="n", uri="/", response="8CA523F5e9506fee""#)
            .unwrap();
    assert_ne!(d, other);
    let other =
        creds(r#"Digest username="v", realm="r", nonce="n", uri="/", response="8CA523F5e9506fed""#)
            .unwrap();
    assert_ne!(d, other);
    let debug = alloc::format!(
        "{d:?} {:?}",
        DigestCredentials::builder("u", "r", "n", "/", "8ca523f5")
    );
    assert!(
        !debug.contains("8ca523f5") && !debug.contains("8CA523F5"),
        "{debug}"
    );
    assert!(debug.contains("response: <redacted>"), "{debug}");
}

#[test]
fn challenge_view_keeps_the_challenge() {
    let c = Challenges::parse(r#"Digest realm="r", nonce="n", x=1"#)
        .next()
        .unwrap()
        .unwrap();
    let d = DigestChallenge::try_from(c.clone()).unwrap();
    assert_eq!(d.as_challenge(), &c);
    assert_eq!(d.as_challenge().param("x").unwrap(), "1");
    assert_eq!(d, DigestChallenge::try_from(&c).unwrap());
}
