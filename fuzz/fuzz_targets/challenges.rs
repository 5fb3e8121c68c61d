//! `Challenges::new` over arbitrary bytes: no panic, and every accessor of
//! every challenge and param is consistent (see common.rs).
#![no_main]

mod common;

use http_auth_headers::Challenges;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut it = Challenges::parse(data);
    for c in it.by_ref() {
        match c {
            Ok(c) => {
                common::check_item(c.scheme(), c.token68(), c.params());
                assert!(c.is_scheme(&c.scheme().to_ascii_uppercase()));
                for p in c.params() {
                    assert!(c.param(p.name()).is_some());
                }
                let _ = c.to_string();
                let _ = format!("{c:?}");
            }
            Err(e) => common::check_error(&e, data),
        }
    }
    // Fused after the end or the first error.
    assert!(it.next().is_none());
});
