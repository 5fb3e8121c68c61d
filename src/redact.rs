//! Keeping secrets out of sight: one `Debug` placeholder for every redacted
//! value (passwords, tokens, Digest responses, credential params), and the
//! constant-time comparisons the credential views check secrets with.

use core::fmt;

use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, ConstantTimeGreater};

/// Stands in for a secret in `Debug` output: prints `<redacted>`.
#[derive(Clone, Copy)]
pub(crate) struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Whether `a` and `b` are equal, in time that depends on their lengths
/// only (unequal lengths return at once: the length is not secret here).
pub(crate) fn ct_eq(a: &[u8], b: &[u8]) -> Choice {
    a.ct_eq(b)
}

/// `b` with `A`-`Z` mapped to `a`-`z`, without a branch on `b`.
fn ascii_lower(b: u8) -> u8 {
    let upper = b.ct_gt(&(b'A' - 1)) & (b'Z' + 1).ct_gt(&b);
    u8::conditional_select(&b, &(b | 0x20), upper)
}

/// Whether the byte sequences `a` and `b` (fused iterators, such as the
/// unescaped bytes of a value) are equal, ignoring ASCII case when `fold`,
/// in time that depends on the longer length only: every byte is compared,
/// with no early exit at the first difference.
pub(crate) fn ct_eq_bytes(
    mut a: impl Iterator<Item = u8>,
    mut b: impl Iterator<Item = u8>,
    fold: bool,
) -> Choice {
    let map = |x: u8| if fold { ascii_lower(x) } else { x };
    let mut equal = Choice::from(1);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return equal,
            (Some(x), Some(y)) => equal &= map(x).ct_eq(&map(y)),
            _ => equal = Choice::from(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_the_placeholder_only() {
        assert_eq!(format!("{:?}", Redacted), "<redacted>");
        assert_eq!(
            format!("{:#?}", Some(Redacted)),
            "Some(\n    <redacted>,\n)"
        );
    }

    #[test]
    fn comparisons() {
        assert!(bool::from(ct_eq(b"abc", b"abc")));
        assert!(!bool::from(ct_eq(b"abc", b"abd")));
        assert!(!bool::from(ct_eq(b"abc", b"ab")));
        let eq = |a: &str, b: &str, fold| bool::from(ct_eq_bytes(a.bytes(), b.bytes(), fold));
        assert!(eq("", "", false));
        assert!(eq("0aF9", "0af9", true));
        assert!(!eq("0aF9", "0af9", false));
        assert!(!eq("abc", "abcd", true) && !eq("abcd", "abc", true));
        assert!(!eq("a[", "A{", true), "only letters fold");
        assert!(eq("@Z[", "@z[", true));
        for b in 0..=255u8 {
            assert_eq!(ascii_lower(b), b.to_ascii_lowercase(), "{b}");
        }
    }
}
