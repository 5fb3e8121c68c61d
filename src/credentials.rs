//! `Authorization` and `Proxy-Authorization`: one `credentials`.

#[cfg(feature = "alloc")]
use alloc::vec::Vec;
use core::fmt;

use crate::error::{Error, ErrorKind};
use crate::item::{debug_item, item_accessors, Item, Role};
use crate::lenient::{Deviation, DeviationKind, Fail, Lax};
use crate::lines::{FieldLines, FieldValue, Source};
use crate::options::ParseOptions;
use crate::syntax::{self, Context};

/// The credentials of an `Authorization` or `Proxy-Authorization` field,
/// borrowed from the parsed input (or owned, after
/// [`into_owned`](Self::into_owned)).
///
/// ```text
/// credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
/// ```
/// (RFC 9110 section 11.4). The field holds exactly one credentials: it is not
/// a list, so `Bearer a, Basic b` and several field lines are errors.
///
/// `Debug` never shows the token68 or any param value, nor does the `Debug`
/// of the [`Params`](crate::Params), [`Param`](crate::Param)s and
/// [`ParamValue`](crate::ParamValue)s taken from it: they carry secrets.
///
/// # Examples
///
/// ```
/// use http_auth_headers::{Credentials, ErrorKind};
///
/// let c = Credentials::parse("Bearer mF_9.B5f-4.1JqM")?;
/// assert!(c.is_scheme("bearer"));
/// assert_eq!(c.token68(), Some("mF_9.B5f-4.1JqM"));
/// assert!(!format!("{c:?}").contains("mF_9"));
///
/// let err = Credentials::parse("Bearer abc, Basic xyz").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::MultipleCredentials);
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[derive(Clone)]
pub struct Credentials<'a>(pub(crate) Item<'a>);

impl<'a> Credentials<'a> {
    item_accessors!(
        Credentials,
        "credentials",
        true,
        "use http_auth_headers::Credentials;\n\nlet item = Credentials::parse(r#\"Digest realm=\"r\", nonce=\"abc\"\"#)?;",
        "use http_auth_headers::Credentials;\n\nlet kept: Credentials<'static> = {\n    let received = String::from(\"Bearer mF_9.B5f-4.1JqM\");\n    Credentials::parse(&received)?.into_owned()\n};\nassert_eq!(kept.token68(), Some(\"mF_9.B5f-4.1JqM\"));"
    );

    /// Parses the value of one `Authorization` field line.
    ///
    /// ```
    /// use http_auth_headers::{Credentials, ErrorKind};
    ///
    /// let c = Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?;
    /// assert!(c.is_scheme("basic"));
    /// let err = Credentials::parse("Bearer a, Basic b").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::MultipleCredentials);
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A syntax error; [`ErrorKind::MissingCredentials`] for an empty value;
    /// [`ErrorKind::MultipleCredentials`] when a second credentials follows.
    /// The error holds no byte of the value (see [`Error`]).
    #[inline(always)]
    pub fn parse<T: FieldValue + ?Sized>(value: &'a T) -> Result<Self, Error> {
        // `ParseOptions::new().parse` with the fast path first: the options
        // are built only where it does not read the value. Always inlined:
        // out of line, the result was written field by field and read back
        // at once by the caller's wider loads, which waited for the stores
        // (13 more instructions inlined, but Basic 45.6 -> 35.7 ns,
        // `cgp time kbasic`, 10th percentile; Bearer's fastest round
        // 18.1 -> 16.2 ns).
        let (line, text) = (value.value_bytes(), value.value_text());
        const MAX_VALUE_LEN: usize = ParseOptions::new().limits().max_value_len;
        match Self::token68_line(Source::One(line, text), MAX_VALUE_LEN) {
            Some(c) => Ok(c),
            None => Self::parse_default(line, text),
        }
    }

    /// [`from_source_full`](Self::from_source_full) of one line with the
    /// default options (the line passed in registers, not as a `Source`).
    #[inline(never)]
    fn parse_default(line: &'a [u8], text: Option<&'a str>) -> Result<Self, Error> {
        Self::from_source_full(Source::One(line, text), &ParseOptions::new())
    }

    /// Parses the field lines of one `Authorization` field: there must be
    /// exactly one (RFC 9110 section 5.3: the field is not a list).
    ///
    /// ```
    /// use http_auth_headers::{Credentials, ErrorKind};
    ///
    /// let err = Credentials::parse_lines(&["Basic YTpi", "Basic YzpK"]).unwrap_err();
    /// assert_eq!((err.kind(), err.line()), (ErrorKind::MultipleCredentials, 1));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::MissingCredentials`] for no line,
    /// [`ErrorKind::MultipleCredentials`] for more than one, else as
    /// [`parse`](Self::parse).
    pub fn parse_lines<L: FieldLines + Sync>(lines: &'a L) -> Result<Self, Error> {
        ParseOptions::new().parse_lines::<Self>(lines)
    }

    /// The credentials of `src`: the common one-line `scheme SP token68`
    /// here, inlined into the caller (so that the result need not pass
    /// through memory), every other value in
    /// [`from_source_full`](Self::from_source_full).
    #[inline(always)]
    pub(crate) fn from_source(src: Source<'a>, options: &ParseOptions<'a>) -> Result<Self, Error> {
        match Self::token68_line(src, options.limits().max_value_len) {
            Some(c) => Ok(c),
            None => Self::from_source_full(src, options),
        }
    }

    /// The fast path of [`from_source`](Self::from_source): one line
    /// `scheme SP token68` (its token68 at most `max_value_len` bytes), else
    /// `None`.
    #[inline(always)]
    fn token68_line(src: Source<'a>, max_value_len: usize) -> Option<Self> {
        let Source::One(line, text) = src else {
            return None;
        };
        // A line that starts with OWS is read by the full path: here the
        // scheme starts the line.
        let (scheme, body_at) = syntax::token68_credentials_at(line, max_value_len)?;
        Item::from_token68(line, scheme.get(), body_at, (line, text)).map(Credentials)
    }

    /// [`from_source`](Self::from_source) for any value.
    #[inline(never)]
    fn from_source_full(src: Source<'a>, options: &ParseOptions<'a>) -> Result<Self, Error> {
        let multi = src.is_lines();
        let Some(line) = src.line(0) else {
            return Err(Error::new(ErrorKind::MissingCredentials, 0, None)
                .at_line(0, multi)
                .secret());
        };
        if src.line(1).is_some() {
            if !options.rules.lenient {
                return Err(Error::new(ErrorKind::MultipleCredentials, 0, None)
                    .at_line(1, multi)
                    .secret());
            }
            // Lenient: the first line's credentials are kept.
            if let Some(report) = options.report {
                report(Deviation::new(DeviationKind::MultipleCredentials, 1, 0));
            }
        }
        let fail = |kind, offset| Err(Error::new(kind, offset, None).at_line(0, multi).secret());
        let rest = syntax::ows(line);
        if rest.is_empty() {
            return fail(ErrorKind::MissingCredentials, line.len());
        }
        let limits = options.limits();
        // One line without OWS before it was tried by the fast path already.
        let tried = !multi && rest.len() == line.len();
        let parsed = if tried {
            None
        } else {
            syntax::token68_credentials(rest, &limits)
        };
        if let Some(parsed) = parsed {
            if let syntax::Body::Token68(t) = parsed.body {
                let body_at = rest.len() - t.len();
                let line = (line, src.line_text(0));
                if let Some(item) = Item::from_token68(rest, parsed.scheme.len(), body_at, line) {
                    return Ok(Credentials(item));
                }
            }
        }
        let err = match syntax::item(rest, Context::Single, &options.rules()) {
            Ok((r, _)) if !r.is_empty() => {
                Error::new(ErrorKind::ExpectedEnd, line.len() - r.len(), None)
            }
            Ok((_, parsed)) => {
                let count = parsed.count();
                return match Item::new(rest, &parsed, count, None, (line, src.line_text(0))) {
                    Some(item) => Ok(Credentials(item)),
                    None => fail(ErrorKind::ValueTooLong, 0),
                };
            }
            Err(e) => syntax::to_error(line, e),
        };
        let err = err.at_line(0, multi).secret();
        if options.rules.lenient
            && !matches!(
                err.kind(),
                ErrorKind::TooManyParams | ErrorKind::ValueTooLong
            )
        {
            return Self::lax(
                line,
                src.line_text(0),
                line.len() - rest.len(),
                options,
                multi,
                err,
            );
        }
        Err(err)
    }

    /// Lenient mode, where the strict grammar failed with `strict`: the
    /// credentials read by the lenient rules, or `strict` when none reads them.
    #[cold]
    fn lax(
        line: &'a [u8],
        text: Option<&'a str>,
        at: usize,
        options: &ParseOptions<'a>,
        multi: bool,
        strict: Error,
    ) -> Result<Self, Error> {
        let limits = options.limits();
        let mut lax = Lax {
            i: line,
            line: 0,
            report: None,
            max_value_len: limits.max_value_len,
        };
        match lax.item(at, true, limits.max_params) {
            Ok(_) => {}
            Err(Fail::Limit(kind, offset)) => {
                return Err(Error::new(kind, offset, None).at_line(0, multi).secret())
            }
            Err(Fail::Syntax(_)) => return Err(strict),
        }
        lax.report = options.report;
        let found = lax.item(at, true, limits.max_params).map_err(|_| strict)?;
        found.to_item(line, at, text).map(Credentials).ok_or(strict)
    }

    /// The canonical form (as `Display` writes it), byte for byte; see
    /// [`Challenge::to_bytes`](crate::Challenge::to_bytes).
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    ///
    /// let c = Credentials::parse("Digest username = \"Mufasa\",realm=r")?;
    /// assert_eq!(c.to_bytes(), br#"Digest username="Mufasa", realm="r""#);
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.to_bytes(Role::Credentials)
    }
}

/// Equal when the schemes are equal (ignoring ASCII case) and the token68s
/// or the params are: the comparison of the token68 and of the param values
/// (secrets) takes the same time wherever they differ, given their lengths.
impl PartialEq for Credentials<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.ct_eq(&other.0)
    }
}

impl Eq for Credentials<'_> {}

impl fmt::Debug for Credentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_item(f, "Credentials", &self.0, true)
    }
}

/// Writes the credentials in canonical form, like
/// [`Challenge`](crate::Challenge)'s `Display`, with the Digest credentials
/// quoting rules of RFC 7616 section 3.4 (`username`, `realm`, `nonce`, `uri`,
/// `response`, `cnonce` and `opaque` always quoted).
impl fmt::Display for Credentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_text(f, Role::Credentials)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Credentials::parse` (the fast path first, then the full path with
    /// the default options) gives what the full path alone gives, errors
    /// included: every cut of values around the `scheme SP token68` shape.
    #[test]
    fn parse_agrees_with_full_path() {
        let values: [&[u8]; 14] = [
            b"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
            b"Bearer mF_9.B5f-4.1JqM",
            b" Bearer abc",
            b"\tBasic YTpi",
            b"Bearer abc ",
            b"Bearer  abc",
            b"Bearer a=b",
            b"Bearer ab==c",
            b"Bearer abc, x",
            b"Bearer =",
            b"Digest a=1, b=\"x\"",
            b"Bearer abc\r",
            b"B@r abc",
            b"Bearer \xc3\xa9",
        ];
        fn full<'a>(v: &'a [u8], t: Option<&'a str>) -> Result<Credentials<'a>, Error> {
            Credentials::from_source_full(Source::One(v, t), &ParseOptions::new())
        }
        let show = |r: &Result<Credentials<'_>, Error>| match r {
            Ok(c) => format!("{c:?} {:?} {:?} {c}", c.scheme(), c.token68()),
            Err(e) => format!("{e:?}"),
        };
        for v in values {
            for end in 0..=v.len() {
                let cut = &v[..end];
                assert_eq!(
                    show(&Credentials::parse(cut)),
                    show(&full(cut, None)),
                    "{cut:?}"
                );
                if let Ok(text) = core::str::from_utf8(cut) {
                    assert_eq!(
                        show(&Credentials::parse(text)),
                        show(&full(cut, Some(text))),
                        "{cut:?}"
                    );
                }
            }
        }
    }
}
