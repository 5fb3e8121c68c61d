//! `InfoParams` and `AuthenticationInfo::parse` over arbitrary bytes: they
//! agree, and every param is consistent.
#![no_main]

mod common;

use http_auth_headers::{AuthenticationInfo, InfoParams};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut lazy = Vec::new();
    let mut err = None;
    for p in InfoParams::parse(data) {
        match p {
            Ok(p) => {
                assert!(!p.name().is_empty() && p.name().bytes().all(common::is_tchar));
                common::check_value(p.value());
                lazy.push(p);
            }
            Err(e) => {
                common::check_error(&e, data);
                err = Some(e);
            }
        }
    }
    match AuthenticationInfo::parse(data) {
        Ok(info) => {
            assert!(err.is_none());
            assert!(info.params() == &lazy[..]);
            for p in info.params() {
                assert!(info.param(p.name()).is_some());
            }
            let _ = info.to_string();
        }
        Err(e) => assert_eq!(Some(e), err),
    }
});
