//! `Credentials::parse` and `parse_lines` over arbitrary bytes.
#![no_main]

mod common;

use http_auth_headers::{Credentials, ErrorKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let one = Credentials::parse(data);
    match &one {
        Ok(c) => {
            common::check_item(c.scheme(), c.token68(), c.params());
            for p in c.params() {
                assert!(c.param(p.name()).is_some());
            }
            let _ = c.to_string();
            let _ = format!("{c:?}");
        }
        Err(e) => common::check_secret_error(e, data),
    }
    // One field line through parse_lines is the same parse.
    // (Errors then name their line, so compare where they point.)
    match (Credentials::parse_lines(&[data]), &one) {
        (Ok(a), Ok(b)) => assert!(a == *b),
        (Err(a), Err(b)) => assert_eq!(
            (a.kind(), a.offset(), a.line()),
            (b.kind(), b.offset(), b.line())
        ),
        (a, b) => panic!("{a:?} != {b:?}"),
    }
    // Two are always an error, reported on the second line.
    let two = Credentials::parse_lines(&[data, data]).unwrap_err();
    assert_eq!(
        (two.kind(), two.line()),
        (ErrorKind::MultipleCredentials, 1)
    );
});
