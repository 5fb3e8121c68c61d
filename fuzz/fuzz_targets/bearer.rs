//! The Bearer and DPoP views (RFC 6750, RFC 9449) over every parsed challenge
//! and credentials: each accessor agrees with the generic params, and what a
//! view read, its writer writes back to an equal view.
#![no_main]

use http_auth_headers::scheme::bearer::{
    BearerChallenge, BearerCredentials, DpopChallenge, DpopCredentials,
};
use http_auth_headers::{Challenges, Credentials};
use libfuzzer_sys::fuzz_target;

/// The unescaped text of a value; `Err` for a realm holding non-UTF-8
/// obs-text (only the RFC 6750 attributes are restricted to ASCII).
fn text(v: Option<http_auth_headers::ParamValue<'_>>) -> Result<Option<String>, ()> {
    v.map(|v| v.unescaped_str().map(|s| s.into_owned()).map_err(|_| ()))
        .transpose()
}

fuzz_target!(|data: &[u8]| {
    for c in Challenges::parse(data).map_while(Result::ok) {
        if let Ok(b) = BearerChallenge::try_from(&c) {
            assert!(c.is_scheme("Bearer"));
            assert!(b.realm() == c.param("realm"));
            let Ok(realm) = text(b.realm()) else { continue };
            let scope = b.scope().map(|s| {
                s.iter()
                    .map(|e| e.unescaped_str().unwrap().into_owned())
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            let error = b.error().map(|e| e.to_string());
            let desc = text(b.error_description()).expect("error_description is ASCII");
            let uri = text(b.error_uri()).expect("error_uri is ASCII");
            let acr = b.acr_values().map(|s| {
                s.iter()
                    .map(|e| e.unescaped_str().unwrap().into_owned())
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            let max_age = b.max_age();
            let mut w = BearerChallenge::builder();
            if let Some(v) = &realm {
                w = w.realm(v);
            }
            if let Some(v) = &scope {
                w = w.scope(v);
            }
            if let Some(v) = &error {
                w = w.error(v);
            }
            if let Some(v) = &desc {
                w = w.error_description(v);
            }
            if let Some(v) = &uri {
                w = w.error_uri(v);
            }
            if let Some(v) = &acr {
                w = w.acr_values(v);
            }
            if let Some(v) = max_age {
                w = w.max_age(v);
            }
            let written = w
                .finish()
                .expect("what the view accepted, the writer writes");
            let again = Challenges::parse(&written).next().unwrap().unwrap();
            let again = BearerChallenge::try_from(&again).expect("written challenge is valid");
            assert_eq!(again, b, "{written}");
        }
        if let Ok(d) = DpopChallenge::try_from(&c) {
            assert!(c.is_scheme("DPoP"));
            if let Some(algs) = d.algs() {
                assert!(algs.iter().count() > 0);
                assert!(algs.iter().all(|a| !a.raw().is_empty()));
            }
            let _ = format!("{d:?}");
        }
    }
    if let Ok(c) = Credentials::parse(data) {
        if let Ok(b) = BearerCredentials::try_from(&c) {
            assert_eq!(Some(b.token()), c.token68());
            assert!(b.token_matches(c.token68().unwrap()));
            assert_eq!(format!("{b:?}"), "BearerCredentials { token: <redacted> }");
            let written = BearerCredentials::builder(b.token())
                .finish()
                .expect("a parsed token writes");
            let again = Credentials::parse(&written).unwrap();
            assert_eq!(
                BearerCredentials::try_from(&again).unwrap().token(),
                b.token()
            );
        }
        if let Ok(d) = DpopCredentials::try_from(&c) {
            assert_eq!(Some(d.token()), c.token68());
        }
    }
});
