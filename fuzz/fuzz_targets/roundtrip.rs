//! Canonical form: whatever parses (a challenge list, credentials, an
//! Authentication-Info field), its `Display` output parses to an equal value,
//! and formatting that again gives the same bytes.
//!
//! Filter: `Display` writes text, so a value holding bytes that are not UTF-8
//! (obs-text from byte input) is written with U+FFFD in their place
//! (`syntax::write_bytes`, documented on the crate's writers): such a value
//! cannot round-trip and its input is skipped. Every other input must.
#![no_main]

use http_auth_headers::{AuthenticationInfo, Challenges, Credentials, ParamValue, Params};
use libfuzzer_sys::fuzz_target;

/// Whether `Display` can write every value exactly.
fn lossless<'a>(mut values: impl Iterator<Item = ParamValue<'a>>) -> bool {
    values.all(|v| v.unescaped_str().is_ok())
}

fn values(p: Params<'_>) -> impl Iterator<Item = ParamValue<'_>> {
    p.iter().map(|p| p.value())
}

fn challenges(data: &[u8]) {
    let Ok(list) = Challenges::parse(data).collect::<Result<Vec<_>, _>>() else {
        return;
    };
    if !list.iter().all(|c| lossless(values(c.params()))) {
        return;
    }
    let text = list
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let again = Challenges::parse(&text)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("canonical {text:?} does not parse: {e}"));
    assert!(again == list, "{text:?}: {again:?} != {list:?}");
    let text2 = again
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    assert_eq!(text, text2);
}

fn credentials(data: &[u8]) {
    let Ok(c) = Credentials::parse(data) else {
        return;
    };
    if !lossless(values(c.params())) {
        return;
    }
    let text = c.to_string();
    let again = Credentials::parse(&text)
        .unwrap_or_else(|e| panic!("canonical {text:?} does not parse: {e}"));
    assert!(again == c, "{text:?}");
    assert_eq!(text, again.to_string());
}

fn info(data: &[u8]) {
    let Ok(info) = AuthenticationInfo::parse(data) else {
        return;
    };
    if !lossless(info.params().iter().map(|p| p.value())) {
        return;
    }
    let text = info.to_string();
    let again = AuthenticationInfo::parse(&text)
        .unwrap_or_else(|e| panic!("canonical {text:?} does not parse: {e}"));
    assert!(again == info, "{text:?}");
    assert_eq!(text, again.to_string());
}

fuzz_target!(|data: &[u8]| {
    challenges(data);
    credentials(data);
    info(data);
});
