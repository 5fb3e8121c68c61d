//! The Digest views (RFC 7616) over every parsed challenge, credentials and
//! Authentication-Info: accessors agree with the generic params, lists split
//! without losing bytes, and `nc` is exactly its 8 hex digits.
#![no_main]

use http_auth_headers::scheme::digest::{
    DigestAuthInfo, DigestChallenge, DigestCredentials, Username,
};
use http_auth_headers::{AuthenticationInfo, Challenges, Credentials};
use libfuzzer_sys::fuzz_target;

fn check_nc(nc: Option<http_auth_headers::scheme::digest::NonceCount>) {
    if let Some(nc) = nc {
        assert_eq!(nc.as_str().len(), 8);
        assert_eq!(u32::from_str_radix(nc.as_str(), 16).ok(), Some(nc.value()));
    }
}

fuzz_target!(|data: &[u8]| {
    for c in Challenges::parse(data).map_while(Result::ok) {
        if let Ok(d) = DigestChallenge::try_from(&c) {
            assert!(c.is_scheme("Digest"));
            assert!(c.param("realm") == Some(d.realm()));
            assert!(c.param("nonce") == Some(d.nonce()));
            assert_eq!(
                d.stale(),
                c.param("stale")
                    .is_some_and(|v| v.eq_ignore_ascii_case(b"true"))
            );
            let _ = d.algorithm().name();
            if let Some(q) = d.qop() {
                for o in q {
                    assert!(!o.name().is_empty());
                }
            }
            for u in d.domain() {
                assert!(!u.raw().is_empty());
            }
            assert_eq!(d, d);
            let _ = format!("{d:?}");
        }
    }
    if let Ok(c) = Credentials::parse(data) {
        if let Ok(d) = DigestCredentials::try_from(&c) {
            match d.username() {
                Username::Plain(v) => {
                    assert!(c.param("username") == Some(v) && c.param("username*").is_none())
                }
                Username::Extended(_) => assert!(c.param("username").is_none()),
                _ => {}
            }
            let _ = d.username().decoded_str();
            if let Some(r) = d.response().as_str() {
                assert!(d.response_matches(r) && d.response_matches(&r.to_ascii_uppercase()));
            }
            check_nc(d.nc());
            // qop requires cnonce and nc (RFC 7616 section 3.4); they may come without it.
            assert!(d.qop().is_none() || (d.cnonce().is_some() && d.nc().is_some()));
            // The response is a password equivalent: Debug shows a placeholder.
            assert!(format!("{d:?}").contains("response: <redacted>"));
        }
    }
    if let Ok(info) = AuthenticationInfo::parse(data) {
        if let Ok(d) = DigestAuthInfo::try_from(&info) {
            check_nc(d.nc());
            if d.qop().is_some() {
                assert!(d.rspauth().is_some() && d.cnonce().is_some() && d.nc().is_some());
            }
        }
    }
});
