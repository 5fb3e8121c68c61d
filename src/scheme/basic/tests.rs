use super::credentials::{UserPass, BASE64, INLINE_USER_PASS};
use super::*;
use crate::{BuildError, Challenges, Credentials};
use base64::Engine as _;

fn creds(v: &str) -> Result<BasicCredentials, SchemeError> {
    BasicCredentials::try_from(&Credentials::parse(v).unwrap())
}

fn challenge(v: &str) -> Result<BasicChallenge<'_>, SchemeError> {
    BasicChallenge::try_from(&Challenges::parse(v).next().unwrap().unwrap())
}

#[test]
fn rfc7617_examples() {
    let c = creds("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").unwrap();
    assert_eq!(
        (c.user_id(), c.password()),
        (&b"Aladdin"[..], &b"open sesame"[..])
    );
    let c = creds("basic dGVzdDoxMjPCow==").unwrap();
    assert_eq!(c.password_str(), Some("123£"));
    let ch = challenge(r#"Basic realm="WallyWorld""#).unwrap();
    assert_eq!(ch.realm(), "WallyWorld");
    assert!(!ch.charset_utf8());
}

#[test]
fn splits_at_first_colon() {
    let token = BASE64.encode("user:pa:ss");
    let c = BasicCredentials::decode(token.as_bytes()).unwrap();
    assert_eq!((c.user_id(), c.password()), (&b"user"[..], &b"pa:ss"[..]));
    let c = BasicCredentials::decode(BASE64.encode(":").as_bytes()).unwrap();
    assert_eq!((c.user_id(), c.password()), (&b""[..], &b""[..]));
}

#[test]
fn credential_errors() {
    assert_eq!(
        creds("Basic QWxhZGRpbg==").unwrap_err(),
        SchemeError::MissingColon
    );
    assert_eq!(
        creds("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ").unwrap_err(),
        SchemeError::InvalidBase64
    );
    assert_eq!(
        creds("Basic QWxh-GRpbg==").unwrap_err(),
        SchemeError::InvalidBase64
    );
    assert_eq!(
        creds("Basic a=b").unwrap_err(),
        SchemeError::ExpectedToken68
    );
    assert_eq!(
        creds("Bearer QWxh").unwrap_err(),
        SchemeError::WrongScheme("Basic")
    );
    let ctl_user = BASE64.encode("a\nb:c");
    assert_eq!(
        BasicCredentials::decode(ctl_user.as_bytes()).unwrap_err(),
        SchemeError::ControlCharacter("user-id")
    );
    let ctl_pass = BASE64.encode("ab:c\x7f");
    assert_eq!(
        BasicCredentials::decode(ctl_pass.as_bytes()).unwrap_err(),
        SchemeError::ControlCharacter("password")
    );
}

#[test]
fn challenge_errors() {
    assert_eq!(
        challenge("Basic").unwrap_err(),
        SchemeError::MissingParam("realm")
    );
    assert_eq!(
        challenge("Basic abc").unwrap_err(),
        SchemeError::UnexpectedToken68
    );
    assert_eq!(
        challenge("Basic realm=a, charset=latin1").unwrap_err(),
        SchemeError::InvalidParam("charset")
    );
    assert_eq!(
        challenge("Basic realm=a, Realm=b").unwrap_err(),
        SchemeError::DuplicateParam("realm")
    );
    assert!(challenge("BASIC realm=a, charset=utf-8, other=x")
        .unwrap()
        .charset_utf8());
}

#[test]
fn encode_refuses_what_cannot_decode() {
    assert_eq!(
        BasicCredentials::builder("a:b", "c").finish(),
        Err(BuildError::SchemeValue("user-id"))
    );
    assert_eq!(
        BasicCredentials::builder("a\r", "c").finish(),
        Err(BuildError::SchemeValue("user-id"))
    );
    assert_eq!(
        BasicCredentials::builder("a", "c\0").finish(),
        Err(BuildError::SchemeValue("password"))
    );
    let v = BasicCredentials::builder("Jäsøn", "p:w d")
        .finish()
        .unwrap();
    let c = creds(&v).unwrap();
    assert_eq!(
        (c.user_id_str(), c.password_str()),
        (Some("Jäsøn"), Some("p:w d"))
    );
}

#[test]
fn long_user_pass_goes_to_the_heap_and_decodes_the_same() {
    for len in [0, 40, 60, 69, 70, 71, 72, 200] {
        let password = "p".repeat(len);
        let v = BasicCredentials::builder("user", &password)
            .finish()
            .unwrap();
        let c = creds(&v).unwrap();
        assert_eq!(
            (c.user_id(), c.password()),
            (&b"user"[..], password.as_bytes()),
            "{len}"
        );
        let inline = matches!(c.user_pass, UserPass::Inline(..));
        assert_eq!(inline, 5 + len <= INLINE_USER_PASS - 3, "{len}");
    }
}

#[test]
fn debug_hides_password() {
    let c = creds("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").unwrap();
    let d = format!("{c:?}");
    assert!(d.contains("Aladdin") && !d.contains("open sesame"), "{d}");
}

#[test]
fn verify_and_equality_check_both_parts() {
    let c = creds("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").unwrap();
    assert!(c.verify("Aladdin", "open sesame"));
    assert!(c.verify(b"Aladdin", b"open sesame"));
    for (user, pass) in [
        ("Aladdin", "open sesamE"),
        ("Aladdin", "open sesame "),
        ("Aladdin", ""),
        ("Aladdi", "open sesame"),
        ("", ""),
        ("Aladdin:open", "sesame"),
    ] {
        assert!(!c.verify(user, pass), "{user}:{pass}");
    }
    assert_eq!(c, creds("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").unwrap());
    let other = BasicCredentials::builder("Aladdin", "open sesamf")
        .finish()
        .unwrap();
    assert_ne!(c, creds(&other).unwrap());
    // Long credentials live on the heap and compare the same way.
    let long = "p".repeat(200);
    let a = creds(&BasicCredentials::builder("u", &long).finish().unwrap()).unwrap();
    assert!(a.verify("u", &long) && !a.verify("u", &long[1..]));
    assert_eq!(a.clone(), a);
}

#[test]
fn challenge_view_keeps_the_challenge() {
    let c = Challenges::parse(r#"Basic realm="r", x=1"#)
        .next()
        .unwrap()
        .unwrap();
    let b = BasicChallenge::try_from(c.clone()).unwrap();
    assert_eq!(b.as_challenge(), &c);
    assert_eq!(b, BasicChallenge::try_from(&c).unwrap());
    assert_eq!(b, challenge("Basic realm=r").unwrap());
    assert_ne!(b, challenge("Basic realm=r, charset=utf-8").unwrap());
}

#[cfg(feature = "zeroize")]
#[test]
fn wipe_overwrites_both_buffers() {
    use super::credentials::wipe;
    let mut buf = [7u8; INLINE_USER_PASS];
    wipe(&mut buf[..]);
    assert!(buf.iter().all(|&b| b == 0));
    let mut v = alloc::vec![7u8; 100];
    wipe(&mut v);
    assert!(v.is_empty());
    // A failed decode leaves nothing behind either way; a good one decodes.
    assert_eq!(
        BasicCredentials::decode(b"QWxh!GRpbg==").unwrap_err(),
        SchemeError::InvalidBase64
    );
    let long = BASE64.encode(alloc::format!("u:{}", "p".repeat(200)));
    assert_eq!(
        BasicCredentials::decode(long.as_bytes())
            .unwrap()
            .password()
            .len(),
        200
    );
}

/// The fast decoder agrees with the `base64` engine wherever it decodes,
/// and decodes every canonical encoding: all lengths up to 60 bytes, every
/// byte value, and corrupted encodings (a byte replaced, padding moved or
/// dropped, non-zero trailing bits).
#[test]
fn canonical_decoder_agrees_with_the_engine() {
    use super::credentials::{decode_canonical, Marks};
    let check = |token: &[u8]| {
        let mut fast = [0; INLINE_USER_PASS];
        let mut slow = [0u8; 96];
        if let Some((n, marks)) = decode_canonical(token, &mut fast) {
            let m = BASE64
                .decode_slice(token, &mut slow)
                .unwrap_or_else(|e| panic!("{token:?}: the engine refuses ({e})"));
            assert_eq!(&fast[..n], &slow[..m], "{token:?}");
            assert_eq!(marks, Marks::of(&slow[..m]), "{token:?}");
        }
    };
    let replacements = [b'=', b'A', b'-', b'_', b' ', b'/', b'+', 0, 0xff, b'z'];
    for len in 0..60usize {
        // Every byte value comes up, colons and control characters at
        // varying places among them.
        let data: Vec<u8> = (0..len).map(|i| (i * 37 + len * 11) as u8).collect();
        let token = BASE64.encode(&data).into_bytes();
        let mut out = [0; INLINE_USER_PASS];
        assert_eq!(
            decode_canonical(&token, &mut out).map(|(n, _)| out[..n].to_vec()),
            (len > 0).then(|| data.clone()),
            "length {len}"
        );
        for at in 0..token.len() {
            for r in replacements {
                let mut t = token.clone();
                t[at] = r;
                check(&t);
            }
            check(&token[..at]);
            let mut t = token.clone();
            t.insert(at, b'=');
            check(&t);
        }
        // Trailing bits set before the padding.
        if let Some(p) = token.iter().position(|&b| b == b'=') {
            for flip in [1u8, 2, 3, 15] {
                let mut t = token.clone();
                let v = super::credentials::base64_value(t[p - 1]) ^ flip;
                t[p - 1] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                    [v as usize & 63];
                check(&t);
            }
        }
    }
    // Every byte value in every position of a four-byte group.
    for b in 0..=255u8 {
        for at in 0..4 {
            let mut t = *b"QUJD";
            t[at] = b;
            check(&t);
            let mut t = *b"QQ==";
            t[at] = b;
            check(&t);
            let mut t = *b"QUI=";
            t[at] = b;
            check(&t);
        }
    }
}

/// The colon and control-character checks (made on each word as it is
/// decoded) give what the byte-by-byte rules give: every place of a colon,
/// a second colon and a control character in user-pass strings of up to 20
/// bytes and of 70 and 71, through the fast decoder and the engine.
#[test]
fn split_matches_the_byte_rules() {
    fn reference(b: &[u8]) -> Result<usize, SchemeError> {
        let colon = b
            .iter()
            .position(|&c| c == b':')
            .ok_or(SchemeError::MissingColon)?;
        if b[..colon].iter().any(u8::is_ascii_control) {
            return Err(SchemeError::ControlCharacter("user-id"));
        }
        if b[colon + 1..].iter().any(u8::is_ascii_control) {
            return Err(SchemeError::ControlCharacter("password"));
        }
        Ok(colon)
    }
    // 70 and 71 bytes: decoded on the heap, by the engine.
    for len in (1..20).chain([70, 71]) {
        for colon in 0..=len {
            for ctl in 0..=len {
                for c in [0u8, 1, b'\t', 0x1f, 0x7f] {
                    let mut v = vec![b'a'; len];
                    if colon < len {
                        v[colon] = b':';
                    }
                    if ctl < len && ctl != colon {
                        v[ctl] = c;
                    }
                    if len > 4 && colon + 2 < len && ctl != colon + 2 {
                        v[colon + 2] = b':';
                    }
                    let want = reference(&v);
                    for token in [BASE64.encode(&v), BASE64.encode(&v).replace('=', "")] {
                        let got = BasicCredentials::decode(token.as_bytes());
                        if token.len() % 4 != 0 {
                            // Unpadded: the engine refuses it.
                            assert!(got.is_err());
                            continue;
                        }
                        assert_eq!(got.map(|c| c.user_id().len()), want, "{v:?}");
                    }
                }
            }
        }
    }
}

/// The marks found word by word as bytes are decoded (`Marks::add` on
/// words of at most six bytes, the bytes above them a control character and
/// a colon that must be masked off) are those of the byte scan.
#[test]
fn word_marks_match_the_byte_scan() {
    use super::credentials::Marks;
    let bytes = [
        0u8, 1, 0x1f, 0x20, 0x39, b':', 0x3b, 0x7e, 0x7f, 0x80, 0x9f, 0xba, 0xff,
    ];
    let by_words = |buf: &[u8]| {
        let mut marks = Marks::NONE;
        for (k, chunk) in buf.chunks(6).enumerate() {
            let mut w = [0u8, b':', 0, b':', 0, b':', 0, b':'];
            w[..chunk.len()].copy_from_slice(chunk);
            marks.add(u64::from_le_bytes(w), chunk.len() as u32, k * 6);
        }
        marks
    };
    for n in 0..=INLINE_USER_PASS {
        let mut buf = [0; INLINE_USER_PASS];
        for (i, b) in buf[..n].iter_mut().enumerate() {
            *b = b"user-id password"[i % 16];
        }
        assert_eq!(by_words(&buf[..n]), Marks::of(&buf[..n]), "{n}");
        for at in 0..n {
            for x in bytes {
                for then in at..n {
                    for y in [x, b':', 0] {
                        let mut buf = buf;
                        buf[at] = x;
                        buf[then] = y;
                        let want = Marks::of(&buf[..n]);
                        assert_eq!(by_words(&buf[..n]), want, "{:?}", &buf[..n]);
                    }
                }
            }
        }
    }
}
