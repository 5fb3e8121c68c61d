//! `Authorization` and `Proxy-Authorization`: one `credentials`.

use core::fmt;

use crate::error::{Error, ErrorKind};
use crate::item::{debug_item, item_accessors, Item, Role};
use crate::options::ParseOptions;
use crate::syntax::{self, Context};

/// The credentials of an `Authorization` or `Proxy-Authorization` field,
/// borrowed from the parsed input.
///
/// ```text
/// credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
/// ```
/// (RFC 9110 section 11.4). The field holds exactly one credentials: it is not
/// a list, so `Bearer a, Basic b` and several field lines are errors.
///
/// `Debug` never shows the token68 or any param value: they carry secrets.
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
/// assert_eq!(err.kind(), ErrorKind::ExpectedEnd);
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[derive(Clone, PartialEq)]
pub struct Credentials<'a>(pub(crate) Item<'a>);

impl<'a> Credentials<'a> {
    item_accessors!("credentials");

    /// Parses the value of one `Authorization` field line.
    ///
    /// # Errors
    ///
    /// A syntax error; [`ErrorKind::MissingCredentials`] for an empty value;
    /// [`ErrorKind::MultipleCredentials`] when a second credentials follows.
    pub fn parse<T: AsRef<[u8]> + ?Sized>(input: &'a T) -> Result<Self, Error> {
        Self::parse_with_options(input, &ParseOptions::new())
    }

    /// Like [`parse`](Self::parse), with limits.
    ///
    /// # Errors
    ///
    /// As [`parse`](Self::parse), and the limit errors.
    pub fn parse_with_options<T: AsRef<[u8]> + ?Sized>(
        input: &'a T,
        options: &ParseOptions,
    ) -> Result<Self, Error> {
        let line = input.as_ref();
        let rest = syntax::ows(line);
        if rest.is_empty() {
            return Err(Error::new(ErrorKind::MissingCredentials, line.len(), None));
        }
        match syntax::item(rest, Context::Single, &options.limits()) {
            Ok((r, _)) if !r.is_empty() => Err(Error::new(
                ErrorKind::MultipleCredentials,
                line.len() - r.len(),
                r.first().copied(),
            )),
            Ok((_, (scheme, body))) => Ok(Credentials(Item::from_body(scheme, body))),
            Err(e) => Err(syntax::to_error(line, e)),
        }
    }

    /// Parses the field lines of one `Authorization` field: there must be
    /// exactly one (RFC 9110 section 5.3: the field is not a list).
    ///
    /// ```
    /// use http_auth_headers::{Credentials, ErrorKind};
    ///
    /// let err = Credentials::parse_lines(["Basic YTpi", "Basic YzpK"]).unwrap_err();
    /// assert_eq!((err.kind(), err.line()), (ErrorKind::MultipleCredentials, 1));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::MissingCredentials`] for no line,
    /// [`ErrorKind::MultipleCredentials`] for more than one, else as
    /// [`parse`](Self::parse).
    pub fn parse_lines<L, T>(lines: L) -> Result<Self, Error>
    where
        L: IntoIterator<Item = &'a T>,
        T: AsRef<[u8]> + ?Sized + 'a,
    {
        let mut lines = lines.into_iter();
        let Some(first) = lines.next() else {
            return Err(Error::new(ErrorKind::MissingCredentials, 0, None));
        };
        if let Some(second) = lines.next() {
            let found = second.as_ref().first().copied();
            return Err(Error::new(ErrorKind::MultipleCredentials, 0, found).at_line(1));
        }
        Self::parse(first)
    }
}

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
        self.0.fmt_role(f, Role::Credentials)
    }
}
