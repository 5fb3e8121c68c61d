//! Invariants shared by the fuzz targets: everything the public API promises
//! about a parsed value, checked on whatever the fuzzer makes parse.
#![allow(dead_code)]

use http_auth_headers::{Error, ParamValue, Params};

/// `tchar` (RFC 9110 section 5.6.2), written out independently of the crate.
pub fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// An error points into its line, and `found` is the byte at its offset.
pub fn check_error(err: &Error, line: &[u8]) {
    assert!(
        err.offset() <= line.len(),
        "{err:?} past the end of {line:?}"
    );
    assert_eq!(err.found(), line.get(err.offset()).copied(), "{err:?}");
    let _ = err.to_string();
    let _ = err.display_with(line).to_string();
}

/// An error from credentials carries no byte of them: no found byte, and
/// `display_with` shows nothing of the input.
pub fn check_secret_error(err: &Error, line: &[u8]) {
    assert!(
        err.offset() <= line.len(),
        "{err:?} past the end of {line:?}"
    );
    assert_eq!(err.found(), None, "{err:?}");
    assert_eq!(err.display_with(line).to_string(), err.to_string());
}

/// Every accessor of a value agrees with the others.
pub fn check_value(v: ParamValue<'_>) {
    let unescaped = v.unescaped();
    let bytes: Vec<u8> = v.bytes().collect();
    assert_eq!(&*unescaped, &bytes[..]);
    let (lo, hi) = v.bytes().size_hint();
    assert!(lo <= bytes.len() && hi.is_some_and(|h| h >= bytes.len()));
    if !v.has_escapes() {
        assert_eq!(v.raw(), &bytes[..]);
    }
    assert!(!v.has_escapes() || v.raw().contains(&b'\\'));
    // Only HTAB among the control characters can be inside a value.
    assert!(v
        .raw()
        .iter()
        .all(|&b| b == b'\t' || !(b < 0x20 || b == 0x7f)));
    if !v.is_quoted() {
        assert!(!v.raw().is_empty() && v.raw().iter().all(|&b| is_tchar(b)));
    }
    if let Some(s) = v.as_str() {
        assert!(!v.has_escapes());
        assert_eq!(s.as_bytes(), &bytes[..]);
    }
    match v.unescaped_str() {
        Ok(s) => {
            assert_eq!(s.as_bytes(), &bytes[..]);
            assert!(v == *s);
        }
        Err(_) => assert!(std::str::from_utf8(&bytes).is_err()),
    }
    assert!(v.eq_ignore_ascii_case(&bytes));
    #[allow(clippy::eq_op)] // reflexive equality is the property checked
    {
        assert!(v == v);
    }
    let _ = v.to_string();
    let _ = format!("{v:?}");
}

/// The params iterator yields `len()` valid params; `get` finds the first.
pub fn check_params(params: Params<'_>) {
    let n = params.len();
    let mut seen = 0;
    for p in params {
        seen += 1;
        assert!(!p.name().is_empty() && p.name().bytes().all(is_tchar));
        assert!(p.is(p.name()));
        let first = params.iter().find(|q| q.is(p.name())).map(|q| q.value());
        assert!(params.get(p.name()) == first);
        check_value(p.value());
        let _ = p.to_string();
    }
    assert_eq!(seen, n);
    assert!(params == params.clone());
}

/// A scheme is a token; a token68 is `1*t68char *"="`, and excludes params.
pub fn check_item(scheme: &str, token68: Option<&str>, params: Params<'_>) {
    assert!(
        !scheme.is_empty() && scheme.bytes().all(is_tchar),
        "{scheme:?}"
    );
    if let Some(t) = token68 {
        assert_eq!(params.len(), 0);
        let body = t
            .bytes()
            .take_while(|&b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b))
            .count();
        assert!(body > 0 && t.bytes().skip(body).all(|b| b == b'='), "{t:?}");
    }
    check_params(params);
}
