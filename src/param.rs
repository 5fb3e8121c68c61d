//! Auth-params: names, values (token or quoted-string) and their iterator.

#[cfg(feature = "alloc")]
use alloc::{borrow::Cow, string::String, vec::Vec};
use core::fmt;
use core::iter::FusedIterator;

#[cfg(feature = "alloc")]
use crate::error::ToStrError;
use crate::syntax::{self, ParamSpan, ParamSpans, RawValue, UnescapeIter};

/// The value of an auth-param, borrowed from the parsed input.
///
/// A value written as a token and one written as a quoted-string mean the same
/// (RFC 9110 section 11.2), so equality compares the unescaped bytes: `x` and
/// `"x"` and `"\x"` are equal. The escaped form is kept as written and is
/// unescaped only when asked; [`unescaped`](Self::unescaped) borrows when there is
/// nothing to unescape.
///
/// # Examples
///
/// ```
/// use http_auth_headers::Challenges;
///
/// let c = Challenges::new(r#"Newauth title="Login to \"apps\"", type=1"#).next().unwrap()?;
/// let title = c.param("title").unwrap();
/// assert!(title.is_quoted());
/// assert_eq!(title.raw(), br#"Login to \"apps\""#);
/// assert_eq!(title.to_str()?, r#"Login to "apps""#);
/// assert_eq!(c.param("TYPE").unwrap(), "1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct ParamValue<'a> {
    pub(crate) v: RawValue<'a>,
}

impl<'a> ParamValue<'a> {
    pub(crate) fn from_raw(v: RawValue<'a>) -> Self {
        ParamValue { v }
    }

    /// The value as written: for a quoted-string, the bytes between the quotes
    /// with any escapes (`\"`, `\\`, …) still in place.
    pub fn raw(&self) -> &'a [u8] {
        self.v.raw
    }

    /// Whether the value was written as a quoted-string.
    pub fn is_quoted(&self) -> bool {
        self.v.quoted
    }

    /// Whether the value holds a quoted-pair, so that unescaping changes it.
    pub fn has_escapes(&self) -> bool {
        self.v.escaped
    }

    /// The unescaped bytes, one by one, without allocating.
    pub fn bytes(&self) -> Unescaped<'a> {
        Unescaped(UnescapeIter::new(self.v.raw, self.v.escaped))
    }

    /// The value as `&str` when that needs no copy: it has no escapes and is
    /// valid UTF-8 (values parsed from a `&str` always are).
    pub fn as_str(&self) -> Option<&'a str> {
        if self.v.escaped {
            None
        } else {
            core::str::from_utf8(self.v.raw).ok()
        }
    }

    /// Compares the unescaped value with `other`, ignoring ASCII case.
    pub fn eq_ignore_ascii_case(&self, other: &[u8]) -> bool {
        if !self.v.escaped {
            return self.v.raw.eq_ignore_ascii_case(other);
        }
        let mut it = self.bytes();
        other
            .iter()
            .all(|o| it.next().is_some_and(|b| b.eq_ignore_ascii_case(o)))
            && it.next().is_none()
    }

    /// The unescaped bytes: borrowed when there is nothing to unescape.
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn unescaped(&self) -> Cow<'a, [u8]> {
        if self.v.escaped {
            // The raw length bounds the unescaped one: one allocation.
            let mut out = Vec::with_capacity(self.v.raw.len());
            out.extend(self.bytes());
            Cow::Owned(out)
        } else {
            Cow::Borrowed(self.v.raw)
        }
    }

    /// The unescaped value as text: borrowed when there is nothing to unescape.
    ///
    /// # Errors
    ///
    /// When the value holds `obs-text` bytes that are not UTF-8 (only possible
    /// for input given as bytes).
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn to_str(&self) -> Result<Cow<'a, str>, ToStrError> {
        match self.unescaped() {
            Cow::Borrowed(b) => core::str::from_utf8(b)
                .map(Cow::Borrowed)
                .map_err(|_| ToStrError::new()),
            Cow::Owned(v) => String::from_utf8(v)
                .map(Cow::Owned)
                .map_err(|_| ToStrError::new()),
        }
    }

    /// Writes the value canonically: a token where the grammar allows it, a
    /// quoted-string escaping only `"` and `\` otherwise.
    fn fmt_canonical(&self, f: &mut dyn fmt::Write, force_quote: bool) -> fmt::Result {
        syntax::write_value(f, &self.v, force_quote)
    }
}

impl PartialEq for ParamValue<'_> {
    fn eq(&self, other: &Self) -> bool {
        if !self.v.escaped && !other.v.escaped {
            return self.v.raw == other.v.raw;
        }
        self.bytes().eq(other.bytes())
    }
}

impl Eq for ParamValue<'_> {}

impl PartialEq<str> for ParamValue<'_> {
    fn eq(&self, other: &str) -> bool {
        if !self.v.escaped {
            return self.v.raw == other.as_bytes();
        }
        self.bytes().eq(other.bytes())
    }
}

impl PartialEq<&str> for ParamValue<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl fmt::Debug for ParamValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ParamValue(")?;
        self.fmt_canonical(f, true)?;
        f.write_str(")")
    }
}

/// Writes the canonical form (see [`ParamValue`]).
impl fmt::Display for ParamValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_canonical(f, false)
    }
}

/// The unescaped bytes of a [`ParamValue`], from [`ParamValue::bytes`].
#[derive(Clone, Debug)]
pub struct Unescaped<'a>(UnescapeIter<'a>);

impl Iterator for Unescaped<'_> {
    type Item = u8;

    #[inline]
    fn next(&mut self) -> Option<u8> {
        self.0.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl FusedIterator for Unescaped<'_> {}

/// One auth-param: `name=value`, borrowed from the parsed input.
///
/// Names are compared ASCII case-insensitively (RFC 9110 section 11.2).
#[derive(Clone, Copy)]
pub struct Param<'a> {
    name: &'a [u8],
    value: ParamValue<'a>,
}

impl<'a> Param<'a> {
    pub(crate) fn new(name: &'a [u8], value: RawValue<'a>) -> Self {
        Param {
            name,
            value: ParamValue::from_raw(value),
        }
    }

    /// The name as written (a token, so always ASCII).
    pub fn name(&self) -> &'a str {
        ascii_str(self.name)
    }

    /// Whether the name is `name`, ignoring ASCII case.
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name.as_bytes())
    }

    /// The value.
    pub fn value(&self) -> ParamValue<'a> {
        self.value
    }

    /// Writes `name=value` with the value quoted when `force_quote` is set or
    /// when it is not a token.
    pub(crate) fn fmt_canonical(&self, f: &mut dyn fmt::Write, force_quote: bool) -> fmt::Result {
        f.write_str(self.name())?;
        f.write_char('=')?;
        self.value.fmt_canonical(f, force_quote)
    }
}

/// Token bytes as `&str`. Tokens are ASCII, so this never loses anything.
pub(crate) fn ascii_str(b: &[u8]) -> &str {
    core::str::from_utf8(b).unwrap_or_default()
}

impl PartialEq for Param<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.name.eq_ignore_ascii_case(other.name) && self.value == other.value
    }
}

impl Eq for Param<'_> {}

impl fmt::Debug for Param<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Param")
            .field(&self.name())
            .field(&self.value)
            .finish()
    }
}

/// Writes `name=value`, the value in canonical form.
impl fmt::Display for Param<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_canonical(f, false)
    }
}

/// The auth-params of one challenge, credentials or Authentication-Info field
/// line, in order. Iterating does not allocate.
///
/// The parameters were validated when the challenge was parsed, so the
/// iterator yields them directly, not as `Result`s.
#[derive(Clone)]
pub struct Params<'a> {
    /// The validated source, from its first param.
    src: &'a [u8],
    /// What is left to parse past the recorded spans.
    rest: &'a [u8],
    remaining: usize,
    /// The params recorded when the source was validated.
    spans: ParamSpans,
    /// How many recorded spans were yielded.
    next_span: u8,
}

impl<'a> Params<'a> {
    /// Validated source (or empty) and its param count: parsed as iterated.
    #[cfg_attr(not(feature = "alloc"), allow(dead_code))]
    pub(crate) fn new(src: &'a [u8], count: usize) -> Self {
        Self::with_spans(src, count, ParamSpans::default())
    }

    /// Validated source, its param count and the spans of its first params.
    pub(crate) fn with_spans(src: &'a [u8], count: usize, spans: ParamSpans) -> Self {
        Params {
            src,
            rest: src.get(spans.resume as usize..).unwrap_or_default(),
            remaining: count,
            spans,
            next_span: 0,
        }
    }

    pub(crate) const fn empty() -> Self {
        Params {
            src: &[],
            rest: &[],
            remaining: 0,
            spans: ParamSpans {
                len: 0,
                resume: 0,
                spans: [ParamSpan {
                    name: 0,
                    name_len: 0,
                    value: 0,
                    value_len: 0,
                    quoted: false,
                    escaped: false,
                }; syntax::INLINE_PARAMS],
            },
            next_span: 0,
        }
    }

    /// The next recorded param, if any is left.
    #[inline]
    fn next_recorded(&mut self) -> Option<Option<Param<'a>>> {
        let span = *self.spans.spans[..self.spans.len as usize].get(self.next_span as usize)?;
        self.next_span += 1;
        let slice = |at: u16, len: u16| self.src.get(at as usize..at as usize + len as usize);
        Some(
            slice(span.name, span.name_len)
                .zip(slice(span.value, span.value_len))
                .map(|(name, raw)| {
                    Param::new(
                        name,
                        RawValue {
                            raw,
                            quoted: span.quoted,
                            escaped: span.escaped,
                        },
                    )
                }),
        )
    }

    /// The value of the first param named `name` (ASCII case-insensitive).
    pub fn get(&self, name: &str) -> Option<ParamValue<'a>> {
        self.clone().find(|p| p.is(name)).map(|p| p.value)
    }

    /// Collects the params into a `Vec`.
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn to_vec(&self) -> Vec<Param<'a>> {
        self.clone().collect()
    }
}

impl<'a> Iterator for Params<'a> {
    type Item = Param<'a>;

    #[inline]
    fn next(&mut self) -> Option<Param<'a>> {
        if self.remaining == 0 {
            return None;
        }
        if let Some(recorded) = self.next_recorded() {
            self.remaining -= 1;
            if recorded.is_none() {
                // Spans always lie inside their source; stop cleanly if not.
                self.remaining = 0;
            }
            return recorded;
        }
        match syntax::auth_param(syntax::skip_empty_elements(self.rest)) {
            Ok((rest, (name, value))) => {
                self.rest = rest;
                self.remaining -= 1;
                Some(Param::new(name, value))
            }
            // The source was validated; this cannot happen, but stop cleanly.
            Err(_) => {
                self.remaining = 0;
                None
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Params<'_> {}

impl FusedIterator for Params<'_> {}

impl fmt::Debug for Params<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

impl PartialEq for Params<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.remaining == other.remaining && self.clone().eq(other.clone())
    }
}

impl Eq for Params<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(raw: &str, quoted: bool, escaped: bool) -> ParamValue<'_> {
        ParamValue::from_raw(RawValue {
            raw: raw.as_bytes(),
            quoted,
            escaped,
        })
    }

    #[test]
    fn token_and_quoted_forms_are_equal() {
        assert_eq!(value("x", false, false), value("x", true, false));
        assert_eq!(value(r"\x", true, true), value("x", false, false));
        assert_ne!(value("x", false, false), value("y", false, false));
        assert_eq!(value(r#"a\"b"#, true, true), r#"a"b"#);
    }

    #[test]
    fn unescaped_borrows_without_escapes() {
        assert!(matches!(
            value("abc", true, false).unescaped(),
            Cow::Borrowed(b"abc")
        ));
        assert_eq!(&*value(r#"a\\b\"c"#, true, true).unescaped(), br#"a\b"c"#);
        assert_eq!(value(r"a\b", true, true).as_str(), None);
        assert_eq!(value("ab", true, false).as_str(), Some("ab"));
    }

    #[test]
    fn to_str_rejects_non_utf8() {
        let v = ParamValue::from_raw(RawValue {
            raw: b"\xff",
            quoted: true,
            escaped: false,
        });
        assert_eq!(v.to_str(), Err(ToStrError::new()));
        assert_eq!(&*v.unescaped(), b"\xff");
    }

    #[test]
    fn eq_ignore_case_on_unescaped() {
        assert!(value(r"TR\ue", true, true).eq_ignore_ascii_case(b"true"));
        assert!(!value(r"TR\ue", true, true).eq_ignore_ascii_case(b"tru"));
        assert!(!value("tru", true, false).eq_ignore_ascii_case(b"true"));
    }

    #[test]
    fn canonical_value_form() {
        assert_eq!(value("abc", true, false).to_string(), "abc");
        assert_eq!(value(r"a\bc", true, true).to_string(), "abc");
        assert_eq!(value("a b", true, false).to_string(), "\"a b\"");
        assert_eq!(value(r#"a\"b\c"#, true, true).to_string(), r#""a\"bc""#);
        assert_eq!(value("", true, false).to_string(), "\"\"");
        assert_eq!(value(r"\\", true, true).to_string(), r#""\\""#);
    }

    #[test]
    fn params_iterate_validated_source() {
        let p = Params::new(br#"a=1 ,, B = "x\"y",c=z"#, 3);
        let names: Vec<_> = p.clone().map(|p| p.name()).collect();
        assert_eq!(names, ["a", "B", "c"]);
        assert_eq!(p.get("b").unwrap(), "x\"y");
        assert_eq!(p.len(), 3);
        assert!(p.get("d").is_none());
    }
}
