//! The Basic views (RFC 7617): `BasicChallenge` over every parsed challenge,
//! `BasicCredentials` over parsed credentials, and `BasicCredentials::decode`
//! on the raw bytes. Whatever decodes encodes back to the same token.
#![no_main]

use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
use http_auth_headers::{Challenges, Credentials};
use libfuzzer_sys::fuzz_target;

fn check_decoded(b: &BasicCredentials, token: &[u8]) {
    assert!(!b.user_id().contains(&b':'));
    assert!(!b
        .user_id()
        .iter()
        .chain(b.password())
        .any(u8::is_ascii_control));
    let _ = format!("{b:?}");
    assert!(b.verify(b.user_id(), b.password()));
    assert_eq!(b, &b.clone());
    if let (Some(u), Some(p)) = (b.user_id_str(), b.password_str()) {
        // Canonical base64 decodes from one token only, so encoding gives it back.
        let encoded = BasicCredentials::builder(u, p)
            .finish()
            .expect("decoded parts re-encode");
        assert_eq!(encoded.as_bytes().strip_prefix(b"Basic "), Some(token));
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(b) = BasicCredentials::decode(data) {
        check_decoded(&b, data);
    }
    for c in Challenges::parse(data).map_while(Result::ok) {
        if let Ok(b) = BasicChallenge::try_from(&c) {
            assert!(c.is_scheme("basic"));
            assert!(c.param("realm") == Some(b.realm()));
            let _ = format!("{b:?}");
        }
    }
    if let Ok(c) = Credentials::parse(data) {
        if let Ok(b) = BasicCredentials::try_from(&c) {
            let token = c.token68().expect("Basic credentials have a token68");
            check_decoded(&b, token.as_bytes());
        }
    }
});
