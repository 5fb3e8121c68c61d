//! The one walker over list-valued params: Digest's `domain`
//! (space-separated) and `qop` (comma-separated) (RFC 7616 section 3.3),
//! and the space-separated `scope`, `algs` and `acr_values` of Bearer and
//! DPoP (RFC 6750 section 3, RFC 9449 section 7.1, RFC 9470 section 3).

use core::iter::FusedIterator;

use crate::param::ParamValue;
use crate::syntax::RawValue;

/// What separates the elements of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sep {
    /// `,` (Digest's `qop`); SP and HTAB around elements are trimmed.
    Comma,
    /// SP or HTAB.
    Space,
}

/// Splits the raw bytes of a param value into list elements at separators,
/// trimming SP and HTAB and skipping empty elements. A quoted-pair of a
/// separator separates too, since values compare unescaped. Each element is
/// a sub-slice of the value, so it stays a borrowed [`ParamValue`] (quoted
/// as the value was) and iterating never allocates.
#[derive(Clone, Debug)]
pub(crate) struct ListIter<'a> {
    rest: &'a [u8],
    quoted: bool,
    escaped: bool,
    sep: Sep,
}

impl<'a> ListIter<'a> {
    pub(crate) fn new(v: ParamValue<'a>, sep: Sep) -> Self {
        ListIter {
            rest: v.raw(),
            quoted: v.is_quoted(),
            escaped: v.has_escapes(),
            sep,
        }
    }

    fn is_sep(&self, b: u8) -> bool {
        match self.sep {
            Sep::Comma => b == b',',
            Sep::Space => b == b' ' || b == b'\t',
        }
    }
}

impl<'a> Iterator for ListIter<'a> {
    type Item = ParamValue<'a>;

    fn next(&mut self) -> Option<ParamValue<'a>> {
        while !self.rest.is_empty() {
            let rest = self.rest;
            let (mut i, mut start, mut end) = (0, None, 0);
            let mut next = rest.len();
            while let Some(&b) = rest.get(i) {
                // A quoted-pair stands for its second byte.
                let (c, width) = match rest.get(i + 1) {
                    Some(&c) if b == b'\\' && self.escaped => (c, 2),
                    _ => (b, 1),
                };
                if self.is_sep(c) {
                    next = i + width;
                    break;
                }
                if c != b' ' && c != b'\t' {
                    start.get_or_insert(i);
                    end = i + width;
                }
                i += width;
            }
            self.rest = rest.get(next..).unwrap_or_default();
            if let Some(raw) = start.and_then(|s| rest.get(s..end)) {
                return Some(ParamValue::from_raw(RawValue {
                    raw,
                    quoted: self.quoted,
                    escaped: self.escaped && raw.contains(&b'\\'),
                }));
            }
        }
        None
    }
}

impl FusedIterator for ListIter<'_> {}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use super::*;
    use crate::Challenges;
    use alloc::vec::Vec;

    fn split(value: &str, sep: Sep) -> Vec<(alloc::string::String, bool)> {
        let c = Challenges::parse(value).next().unwrap().unwrap();
        let v = c.param("v").unwrap();
        ListIter::new(v, sep)
            .map(|e| (e.unescaped_str().unwrap().into_owned(), e.has_escapes()))
            .collect()
    }

    #[test]
    fn splits_trims_and_skips_empty_elements() {
        let got = split("X v=\" a ,\tb,, c ,\"", Sep::Comma);
        assert_eq!(
            got,
            [
                ("a".into(), false),
                ("b".into(), false),
                ("c".into(), false)
            ]
        );
        let got = split("X v=\" /a\t/b  /c \"", Sep::Space);
        let names: Vec<_> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["/a", "/b", "/c"]);
        assert!(split("X v=\" , ,\"", Sep::Comma).is_empty());
        assert_eq!(split("X v=token", Sep::Space), [("token".into(), false)]);
    }

    #[test]
    fn escaped_separators_separate_and_other_escapes_stay() {
        let got = split(r#"X v="a\ \b c""#, Sep::Space);
        assert_eq!(
            got,
            [("a".into(), false), ("b".into(), true), ("c".into(), false)]
        );
        let got = split(r#"X v="auth\,auth-int""#, Sep::Comma);
        assert_eq!(got, [("auth".into(), false), ("auth-int".into(), false)]);
        // A comma is not a separator of a space list, nor a space of a comma list.
        assert_eq!(split(r#"X v="a,b""#, Sep::Space), [("a,b".into(), false)]);
        assert_eq!(split(r#"X v="a b""#, Sep::Comma), [("a b".into(), false)]);
    }
}
