//! `Challenges::from_lines`: the first byte is a separator, the rest is split
//! on it into field lines. Besides the invariants of one challenge, checks
//! RFC 9110 section 5.3: when the lines parse, joining them with ", " parses
//! to the same challenges; errors name an existing line.
#![no_main]

mod common;

use http_auth_headers::Challenges;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sep, rest)) = data.split_first() else {
        return;
    };
    let lines: Vec<&[u8]> = rest.split(|&b| b == sep).collect();
    let mut parsed = Vec::new();
    let mut failed = false;
    for c in Challenges::parse_lines(&lines) {
        match c {
            Ok(c) => {
                common::check_item(c.scheme(), c.token68(), c.params());
                parsed.push(c);
            }
            Err(e) => {
                assert!(e.line() < lines.len(), "{e:?} of {} lines", lines.len());
                common::check_error(&e, lines[e.line()]);
                failed = true;
            }
        }
    }
    if failed {
        return;
    }
    // The combined field line means the same (RFC 9110 section 5.3).
    let joined = lines.join(&b", "[..]);
    let combined: Result<Vec<_>, _> = Challenges::parse(&joined).collect();
    let combined = combined.unwrap_or_else(|e| panic!("lines parse, joined fails: {e:?}"));
    assert!(combined == parsed, "{combined:?} != {parsed:?}");
});
