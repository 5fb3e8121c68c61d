//! One test per input the fuzz targets (fuzz/fuzz_targets) found failing,
//! reduced by hand, asserting the property the target checks.

use http_auth_headers::{AuthenticationInfo, Challenges, Credentials};

/// The `roundtrip` target's property for a challenge list.
fn challenges_round_trip(input: &[u8]) -> String {
    let list: Vec<_> = Challenges::new(input).collect::<Result<_, _>>().unwrap();
    let text = list
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let again: Vec<_> = Challenges::new(&text).collect::<Result<_, _>>().unwrap();
    assert_eq!(again, list, "{text:?}");
    let text2 = again
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    assert_eq!(text, text2);
    text
}

/// roundtrip, crash-abb5df2b: a quoted-pair escaping the first byte of a
/// multi-byte UTF-8 character (`\` 0xDE 0x85, U+0785). `Display` wrote the
/// escaped byte alone, so it became U+FFFD twice and the value changed.
/// Fixed in `syntax::write_quoted_content`.
#[test]
fn escaped_multibyte_character_round_trips() {
    let input = "DPoP error_description=\"in DPoP\\\u{785}r oof\"";
    let c = Challenges::new(input).next().unwrap().unwrap();
    assert_eq!(
        c.param("error_description").unwrap().to_str().unwrap(),
        "in DPoP\u{785}r oof"
    );
    let text = challenges_round_trip(input.as_bytes());
    assert_eq!(text, "DPoP error_description=\"in DPoP\u{785}r oof\"");

    let creds = Credentials::parse("X a=\"\\é\\\"\"").unwrap();
    assert_eq!(creds.to_string(), "X a=\"é\\\"\"");
    let info = AuthenticationInfo::parse("rspauth=\"\\ä\\b\"").unwrap();
    assert_eq!(info.to_string(), "rspauth=\"äb\"");
}
