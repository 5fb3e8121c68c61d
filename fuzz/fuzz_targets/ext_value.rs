//! RFC 8187 ext-values: `ExtValue::parse` on raw bytes never panics, its
//! decoders agree, and for any text `encode` writes a token that parses back
//! to that text.
#![no_main]

use http_auth_headers::ext_value::{encode, Charset, ExtValue};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(v) = ExtValue::parse(data) {
        let lazy: Vec<u8> = v.bytes().collect();
        assert_eq!(&*v.decoded(), &lazy[..]);
        if let (true, Ok(s)) = (v.charset() == Charset::UTF_8, v.decoded_str()) {
            assert_eq!(s.as_bytes(), &lazy[..]);
        }
        let _ = format!("{v:?}");
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let e = encode(text).to_string();
        assert!(
            e.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)),
            "{e}"
        );
        let back = ExtValue::parse(&e).expect("encoded values parse");
        assert_eq!(back.decoded_str().expect("encoded values are UTF-8"), text);
    }
});
