//! One test per input the fuzz targets (fuzz/fuzz_targets) found failing,
//! reduced by hand, asserting the property the target checks.
#![cfg(feature = "alloc")]

use http_auth_headers::{AuthenticationInfo, Challenges, Credentials};

/// The `roundtrip` target's property for a challenge list.
fn challenges_round_trip(input: &[u8]) -> String {
    let list: Vec<_> = Challenges::parse(input).collect::<Result<_, _>>().unwrap();
    let text = list
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let again: Vec<_> = Challenges::parse(&text).collect::<Result<_, _>>().unwrap();
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
    let c = Challenges::parse(input).next().unwrap().unwrap();
    assert_eq!(
        c.param("error_description")
            .unwrap()
            .unescaped_str()
            .unwrap(),
        "in DPoP\u{785}r oof"
    );
    let text = challenges_round_trip(input.as_bytes());
    assert_eq!(text, "DPoP error_description=\"in DPoP\u{785}r oof\"");

    let creds = Credentials::parse("X a=\"\\é\\\"\"").unwrap();
    assert_eq!(creds.to_string(), "X a=\"é\\\"\"");
    let info = AuthenticationInfo::parse("rspauth=\"\\ä\\b\"").unwrap();
    assert_eq!(info.to_string(), "rspauth=\"äb\"");
}

/// roundtrip, crash-bb871932: a quoted-pair escaping a continuation byte of
/// a UTF-8 character (`"\\clx" 0xC3 "\\" 0xA4 "m="`, so `clxäm=` unescaped),
/// here as Authentication-Info. The first fix still wrote the pieces between
/// backslashes separately, cutting `ä` in two. `Display` now decodes the
/// unescaped bytes as one stream (`syntax::Utf8Out`).
#[test]
fn escaped_continuation_byte_round_trips() {
    let input = b"Bbasicearm=\"\\clx\xc3\\\xa4m=\"";
    let info = AuthenticationInfo::parse(input).unwrap();
    let v = info.param("bbasicearm").unwrap();
    assert_eq!(v.unescaped_str().unwrap(), "clx\u{e4}m=");
    let text = info.to_string();
    assert_eq!(text, "Bbasicearm=\"clx\u{e4}m=\"");
    let again = AuthenticationInfo::parse(&text).unwrap();
    assert_eq!(again, info);
    assert_eq!(again.to_string(), text);

    // Every byte of a 4-byte character escaped, next to escaped quotes, and
    // longer than the writer's 64-byte buffer.
    let long = format!("X a=\"{}\\\u{1F600}\\\"\"", "y".repeat(62));
    let mut bytes = Vec::new();
    for (i, b) in long.bytes().enumerate() {
        // Escape the continuation bytes of the emoji too.
        if i > 0 && (0x80..0xC0).contains(&b) {
            bytes.push(b'\\');
        }
        bytes.push(b);
    }
    let text = challenges_round_trip(&bytes);
    assert_eq!(text, format!("X a=\"{}\u{1F600}\\\"\"", "y".repeat(62)));
    // Bytes that are not UTF-8 still become U+FFFD, once per bad sequence.
    let lossy = Credentials::parse(b"X a=\"\\\xff\\\xc3\"").unwrap();
    assert_eq!(lossy.to_string(), "X a=\"\u{fffd}\u{fffd}\"");
}
