//! `Challenges::parse_lines`: the first byte is a separator, the rest is
//! split on it into field lines. Besides the invariants of one challenge,
//! checks RFC 9110 section 5.3 in both directions: the lines parse if and
//! only if their join with ", " parses, and then to the same challenges
//! (except where a quoted-string spans lines, which the crate rejects, as
//! `tests/compare/` says); errors name an existing line.
#![no_main]

mod common;
#[allow(dead_code)] // only its quoted-string test is used here
#[path = "../../tests/compare/mod.rs"]
mod compare;
#[allow(dead_code)]
#[path = "../../tests/reference/mod.rs"]
mod reference;

use http_auth_headers::Challenges;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sep, rest)) = data.split_first() else {
        return;
    };
    let lines: Vec<&[u8]> = rest.split(|&b| b == sep).collect();
    let mut parsed = Vec::new();
    let mut failed = None;
    for c in Challenges::parse_lines(&lines) {
        match c {
            Ok(c) => {
                common::check_item(c.scheme(), c.token68(), c.params());
                parsed.push(c);
            }
            Err(e) => {
                assert!(e.line() < lines.len(), "{e:?} of {} lines", lines.len());
                common::check_error(&e, lines[e.line()]);
                failed = Some(e);
            }
        }
    }
    // The combined field line means the same (RFC 9110 section 5.3).
    let joined = lines.join(&b", "[..]);
    let combined: Result<Vec<_>, _> = Challenges::parse(&joined).collect();
    match (failed, combined) {
        (None, Ok(combined)) => assert!(combined == parsed, "{combined:?} != {parsed:?}"),
        (None, Err(e)) => panic!("lines parse, joined fails: {e:?}"),
        (Some(e), Ok(combined)) => assert!(
            compare::quoted_string_spans_lines(&lines),
            "joined parses as {combined:?}, lines fail: {e:?}"
        ),
        (Some(_), Err(_)) => {}
    }
});
