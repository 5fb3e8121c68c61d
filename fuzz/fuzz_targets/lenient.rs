//! Lenient parsing over arbitrary bytes, one line or split into several
//! lines: it never panics; where strict parsing accepts, lenient parsing
//! gives the same parse and reports no deviation; every deviation lies in
//! the input.
#![no_main]

use std::sync::Mutex;

use http_auth_headers::{
    Challenge, Challenges, Credentials, Deviation, InfoParams, Param, ParseOptions,
};
use libfuzzer_sys::fuzz_target;

/// The field lines: the input split at 0x00 bytes (no value holds one).
fn lines(data: &[u8]) -> Vec<&[u8]> {
    data.split(|&b| b == 0).collect()
}

fn check_deviations(seen: &[Deviation], lines: &[&[u8]]) {
    for d in seen {
        let line = lines.get(d.line()).expect("deviation on a line");
        assert!(d.offset() <= line.len(), "{d} past the line");
        assert!(!d.kind().as_str().is_empty());
    }
}

fuzz_target!(|data: &[u8]| {
    let lines = lines(data);
    let seen = Mutex::new(Vec::new());
    let report = |d: Deviation| seen.lock().unwrap().push(d);
    let lax = ParseOptions::new().lenient().on_deviation(&report);
    let strict = ParseOptions::new();

    // Challenges: compared element by element up to the first strict error.
    let strict_all: Result<Vec<Challenge<'_>>, _> =
        strict.parse_lines::<Challenges>(&lines).collect();
    let lax_all: Vec<_> = lax.parse_lines::<Challenges>(&lines).collect();
    for c in lax_all.iter().flatten() {
        // Lenient params iterate to their count, names are tokens.
        assert_eq!(c.params().iter().count(), c.params().len());
        for p in c.params() {
            assert!(!p.name().is_empty());
            let _ = p.value().unescaped();
        }
        let _ = c.to_string();
    }
    if let Ok(strict_all) = &strict_all {
        assert!(seen.lock().unwrap().is_empty(), "deviation in a strict-valid value");
        let lax_ok: Vec<_> = lax_all.into_iter().map(|c| c.expect("lenient accepts")).collect();
        assert_eq!(&lax_ok, strict_all);
    }
    check_deviations(&seen.lock().unwrap(), &lines);
    seen.lock().unwrap().clear();

    // Credentials on the first line.
    let first = lines[0];
    let strict_c = strict.parse::<Credentials>(first);
    let lax_c = lax.parse::<Credentials>(first);
    if let Ok(s) = &strict_c {
        assert!(seen.lock().unwrap().is_empty());
        assert_eq!(lax_c.as_ref().ok(), Some(s));
    }
    if let Ok(c) = &lax_c {
        assert_eq!(c.params().iter().count(), c.params().len());
    }
    check_deviations(&seen.lock().unwrap(), &lines);
    seen.lock().unwrap().clear();

    // Authentication-Info.
    let strict_i: Result<Vec<Param<'_>>, _> = strict.parse_lines::<InfoParams>(&lines).collect();
    let lax_i: Vec<_> = lax.parse_lines::<InfoParams>(&lines).collect();
    if let Ok(s) = &strict_i {
        assert!(seen.lock().unwrap().is_empty());
        let l: Vec<_> = lax_i.into_iter().map(|p| p.expect("lenient accepts")).collect();
        assert_eq!(&l, s);
    }
    check_deviations(&seen.lock().unwrap(), &lines);
});
