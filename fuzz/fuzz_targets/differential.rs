//! Differential test of challenge lists against the `http-auth` crate, a
//! separate RFC 7235 parser: where both accept an input, they must find the
//! same schemes and the same params with the same unescaped values.
//!
//! Inputs where the two differ by design are skipped (see `http_auth`'s
//! `parser` module docs):
//! - not UTF-8: `http-auth` parses `&str` only;
//! - non-ASCII bytes: `http-auth` rejects obs-text in quoted-strings (and
//!   the meaning of obs-text is undefined), this crate keeps it as opaque bytes;
//! - token68 challenges: `http-auth` does not accept the token68 form in a
//!   challenge at all, RFC 9110 section 11.3 allows it;
//!
//! Acceptance itself is not compared: RFC 7235 and RFC 9110 leave room
//! (e.g. empty list elements right after `scheme SP`), and each crate
//! documents its choice.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if !s.is_ascii() {
        return;
    }
    let Ok(ours) = http_auth_headers::parse_challenges(s) else {
        return;
    };
    if ours.iter().any(|c| c.token68().is_some()) {
        return;
    }
    let Ok(theirs) = http_auth::parse_challenges(s) else {
        return;
    };
    assert_eq!(ours.len(), theirs.len(), "{s:?}: {ours:?} vs {theirs:?}");
    for (a, b) in ours.iter().zip(&theirs) {
        assert_eq!(a.scheme(), b.scheme, "{s:?}");
        let ap: Vec<(&str, Vec<u8>)> = a
            .params()
            .map(|p| (p.name(), p.value().unescaped().into_owned()))
            .collect();
        let bp: Vec<(&str, Vec<u8>)> = b
            .params
            .iter()
            .map(|(n, v)| (*n, v.to_unescaped().into_bytes()))
            .collect();
        assert_eq!(ap, bp, "{s:?}");
    }
});
