//! Keeping secrets out of `Debug`: one placeholder for every redacted
//! value (passwords, tokens, Digest responses, credential params).

use core::fmt;

/// Stands in for a secret in `Debug` output: prints `<redacted>`.
#[derive(Clone, Copy)]
pub(crate) struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use super::*;

    #[test]
    fn prints_the_placeholder_only() {
        assert_eq!(alloc::format!("{:?}", Redacted), "<redacted>");
        assert_eq!(
            alloc::format!("{:#?}", Some(Redacted)),
            "Some(\n    <redacted>,\n)"
        );
    }
}
