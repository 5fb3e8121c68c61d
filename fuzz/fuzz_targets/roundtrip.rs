//! Canonical form, byte for byte: whatever parses (a challenge list,
//! credentials, an Authentication-Info field), its lossless form
//! (`to_bytes`) parses to an equal value and writes the same bytes again.
//! No input is filtered out: obs-text that is not UTF-8 must come back as it
//! was. `Display` must be exactly the lossy UTF-8 reading of those bytes
//! (U+FFFD for what is not UTF-8), its one documented difference.
#![no_main]

use http_auth_headers::{AuthenticationInfo, Challenges, Credentials};
use libfuzzer_sys::fuzz_target;

fn challenges(data: &[u8]) {
    let Ok(list) = Challenges::parse(data).collect::<Result<Vec<_>, _>>() else {
        return;
    };
    for c in &list {
        let bytes = c.to_bytes();
        assert_eq!(c.to_string(), String::from_utf8_lossy(&bytes));
        let again = Challenges::parse(&bytes)
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("canonical {bytes:?} does not parse: {e}"));
        assert!(
            again.len() == 1 && again[0] == *c,
            "{bytes:?}: {again:?} != {c:?}"
        );
        assert_eq!(again[0].to_bytes(), bytes);
        let owned = c.clone().into_owned();
        assert!(owned == *c && owned.to_bytes() == bytes);
    }
}

fn credentials(data: &[u8]) {
    let Ok(c) = Credentials::parse(data) else {
        return;
    };
    let bytes = c.to_bytes();
    assert_eq!(c.to_string(), String::from_utf8_lossy(&bytes));
    let again =
        Credentials::parse(&bytes).unwrap_or_else(|e| panic!("canonical form does not parse: {e}"));
    assert!(again == c);
    assert_eq!(again.to_bytes(), bytes);
}

fn info(data: &[u8]) {
    let Ok(info) = AuthenticationInfo::parse(data) else {
        return;
    };
    let bytes = info.to_bytes();
    assert_eq!(info.to_string(), String::from_utf8_lossy(&bytes));
    let again = AuthenticationInfo::parse(&bytes)
        .unwrap_or_else(|e| panic!("canonical {bytes:?} does not parse: {e}"));
    assert!(again == info, "{bytes:?}");
    assert_eq!(again.to_bytes(), bytes);
}

fuzz_target!(|data: &[u8]| {
    challenges(data);
    credentials(data);
    info(data);
});
