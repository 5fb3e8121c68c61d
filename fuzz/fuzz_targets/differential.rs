//! Differential test of challenge lists against the `http-auth` crate, an
//! independent RFC 7235 parser (a state machine, where ours is nom):
//! - where both accept an input, they find the same schemes and the same
//!   params in the same order, with the same unescaped values;
//! - whatever `http-auth` accepts, this crate accepts too.
//!
//! The converse is not checked: `http-auth` rejects by design what RFC 9110
//! lets (or makes) a recipient accept, as its `parser` module documents:
//! - token68 challenges (RFC 9110 section 11.3 allows `scheme token68`);
//! - obs-text (bytes 0x80-0xFF) in quoted-strings, which this crate keeps
//!   as opaque bytes;
//! - empty list elements and OWS at the start or end of the value (`, Basic`,
//!   `Basic ,,realm=x`, ` Basic `), which RFC 9110 section 5.6.1.2 requires
//!   recipients to accept.
//!
//! Inputs that are not UTF-8 are skipped: `http-auth` parses `&str` only.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let theirs = match http_auth::parse_challenges(s) {
        Ok(theirs) => theirs,
        Err(_) => return,
    };
    let ours = http_auth_headers::Challenges::parse(s)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("http-auth accepts {s:?} as {theirs:?}, we reject: {e}"));
    if ours.iter().any(|c| c.token68().is_some()) {
        // Not expected while http-auth rejects every token68 challenge;
        // skipped rather than asserted, as that is its choice, not RFC 9110's.
        return;
    }
    assert_eq!(ours.len(), theirs.len(), "{s:?}: {ours:?} vs {theirs:?}");
    for (a, b) in ours.iter().zip(&theirs) {
        assert_eq!(a.scheme(), b.scheme, "{s:?}");
        let ap: Vec<(&str, Vec<u8>)> = a
            .params()
            .iter()
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
