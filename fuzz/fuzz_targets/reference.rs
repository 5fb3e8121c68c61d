//! The crate against the reference recognizer of `tests/reference/`, in both
//! directions, for the three fields: the first byte is a separator, the rest
//! is split on it into field lines (as in `challenges_lines`). The two must
//! accept and reject the same lines and read the same structure, except on
//! the known core bugs that `tests/compare/` lists.
#![no_main]

#[path = "../../tests/compare/mod.rs"]
mod compare;
#[path = "../../tests/reference/mod.rs"]
mod reference;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sep, rest)) = data.split_first() else {
        return;
    };
    let lines: Vec<&[u8]> = rest.split(|&b| b == sep).collect();
    if let Err(disagreement) = compare::compare(&lines) {
        panic!("{disagreement}");
    }
});
