//! `AuthBuilder`: the first byte is a separator; the rest, split on it, is a
//! scheme then either one token68 or name/value pairs. The builder either
//! refuses with a justified reason, or writes a challenge and credentials that
//! parse back to exactly what was given.
#![no_main]

mod common;

use http_auth_headers::{AuthBuilder, BuildError, Challenges, Credentials};
use libfuzzer_sys::fuzz_target;

fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(common::is_tchar)
}

/// Builds with `start`; on success returns the field value. Each setter is
/// checked as it is applied: `finish` reports the first refused part, so a
/// refusal found here is the latest part's.
fn build(start: fn(&str) -> AuthBuilder, parts: &[&str]) -> Option<String> {
    let scheme = parts[0];
    let mut b = start(scheme);
    if let Err(e) = b.clone().finish() {
        assert_eq!(e, BuildError::InvalidScheme);
        assert!(!is_token(scheme));
        return None;
    }
    if let [_, token68] = parts {
        return match b.token68(token68).finish() {
            Ok(text) => Some(text),
            Err(e) => {
                assert_eq!(e, BuildError::InvalidToken68);
                None
            }
        };
    }
    for (i, pair) in parts[1..].chunks(2).enumerate() {
        let (name, value) = (pair[0], pair.get(1).copied().unwrap_or(""));
        b = if i % 2 == 0 {
            b.param(name, value)
        } else {
            b.quoted_param(name, value)
        };
        match b.clone().finish() {
            Ok(_) => {}
            Err(BuildError::InvalidParamName) => {
                assert!(!is_token(name));
                return None;
            }
            Err(BuildError::InvalidValue) => {
                assert!(value.bytes().any(|c| c != b'\t' && (c < 0x20 || c == 0x7f)));
                return None;
            }
            Err(BuildError::DuplicateParam) => {
                let earlier = &parts[1..1 + 2 * i];
                assert!(earlier.chunks(2).any(|p| p[0].eq_ignore_ascii_case(name)));
                return None;
            }
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    Some(b.finish().expect("every part was checked"))
}

fn expected(parts: &[&str]) -> Vec<(String, String)> {
    if parts.len() == 2 {
        return Vec::new();
    }
    parts[1..]
        .chunks(2)
        .map(|p| (p[0].to_owned(), p.get(1).copied().unwrap_or("").to_owned()))
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&sep, rest)) = data.split_first() else {
        return;
    };
    let Ok(rest) = std::str::from_utf8(rest) else {
        return;
    };
    let parts: Vec<&str> = rest.split(char::from(sep)).collect();
    let want = expected(&parts);
    let token68 = (parts.len() == 2).then(|| parts[1]);

    if let Some(text) = build(AuthBuilder::challenge, &parts) {
        let mut it = Challenges::parse(&text);
        let c = it
            .next()
            .expect("one challenge")
            .expect("builder output parses");
        assert!(it.next().is_none(), "{text:?} is more than one challenge");
        assert_eq!((c.scheme(), c.token68()), (parts[0], token68), "{text:?}");
        let got: Vec<_> = c
            .params()
            .iter()
            .map(|p| {
                (
                    p.name().to_owned(),
                    p.value().unescaped_str().unwrap().into_owned(),
                )
            })
            .collect();
        assert_eq!(got, want, "{text:?}");
        // `param` writes the canonical form; `quoted_param` (odd pairs) may
        // quote more than `Display` does.
        if parts.len() <= 3 {
            assert_eq!(c.to_string(), text, "builder output is canonical");
        }
    }
    if let Some(text) = build(AuthBuilder::credentials, &parts) {
        let c = Credentials::parse(&text).expect("builder output parses");
        assert_eq!((c.scheme(), c.token68()), (parts[0], token68), "{text:?}");
        let got: Vec<_> = c
            .params()
            .iter()
            .map(|p| {
                (
                    p.name().to_owned(),
                    p.value().unescaped_str().unwrap().into_owned(),
                )
            })
            .collect();
        assert_eq!(got, want, "{text:?}");
    }
});
