//! Parse options, and the one way every field is parsed with them.

use crate::lines::{FieldLines, FieldValue, Source};
use crate::syntax::Limits;
use crate::{Challenges, Credentials, Error, InfoParams};

/// Options for a parse. The default is strict RFC 9110 with no limits.
///
/// Every field is parsed with options the same way:
/// [`parse`](Self::parse) for one field line and
/// [`parse_lines`](Self::parse_lines) for the lines of a field, naming the
/// field type; `T::parse(value)` and `T::parse_lines(lines)` are these with
/// the default options.
///
/// A server facing untrusted input can bound the work a header may ask for;
/// each limit fails with its own [`ErrorKind`](crate::ErrorKind).
///
/// ```
/// use http_auth_headers::{Challenges, Credentials, ErrorKind, ParseOptions};
///
/// let opts = ParseOptions::new().max_challenges(1).max_params(4);
/// let mut it = opts.parse::<Challenges>("Basic realm=\"a\", Bearer");
/// assert!(it.next().unwrap().is_ok());
/// assert_eq!(it.next().unwrap().unwrap_err().kind(), ErrorKind::TooManyChallenges);
///
/// let err = opts.parse::<Credentials>("Digest a=1, b=2, c=3, d=4, e=5").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::TooManyParams);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseOptions {
    pub(crate) max_challenges: usize,
    pub(crate) max_params: usize,
    pub(crate) max_value_len: usize,
}

impl ParseOptions {
    /// Strict parsing, no limits.
    ///
    /// ```
    /// use http_auth_headers::ParseOptions;
    ///
    /// assert_eq!(ParseOptions::new(), ParseOptions::default());
    /// ```
    pub const fn new() -> Self {
        ParseOptions {
            max_challenges: usize::MAX,
            max_params: usize::MAX,
            max_value_len: usize::MAX,
        }
    }

    /// At most `n` challenges in a field (all its lines together).
    ///
    /// ```
    /// use http_auth_headers::{Challenges, ParseOptions};
    ///
    /// let opts = ParseOptions::new().max_challenges(2);
    /// assert!(opts.parse::<Challenges>("A, B, C").nth(2).unwrap().is_err());
    /// ```
    pub const fn max_challenges(mut self, n: usize) -> Self {
        self.max_challenges = n;
        self
    }

    /// At most `n` auth-params in one challenge, one credentials, or one
    /// Authentication-Info field.
    ///
    /// ```
    /// use http_auth_headers::{InfoParams, ParseOptions};
    ///
    /// let opts = ParseOptions::new().max_params(1);
    /// assert!(opts.parse::<InfoParams>("a=1, b=2").nth(1).unwrap().is_err());
    /// ```
    pub const fn max_params(mut self, n: usize) -> Self {
        self.max_params = n;
        self
    }

    /// At most `n` bytes in one token68 or one param value (as written,
    /// without the quotes).
    ///
    /// ```
    /// use http_auth_headers::{Credentials, ErrorKind, ParseOptions};
    ///
    /// let opts = ParseOptions::new().max_value_len(4);
    /// let err = opts.parse::<Credentials>("Bearer abcdef").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::ValueTooLong);
    /// ```
    pub const fn max_value_len(mut self, n: usize) -> Self {
        self.max_value_len = n;
        self
    }

    /// Parses the value of one field line as the field `F`: [`Challenges`],
    /// [`Credentials`], [`InfoParams`] or
    /// [`AuthenticationInfo`](crate::AuthenticationInfo).
    ///
    /// ```
    /// use http_auth_headers::{Credentials, ParseOptions};
    ///
    /// let c = ParseOptions::new().max_value_len(64).parse::<Credentials>("Bearer abc")?;
    /// assert_eq!(c.token68(), Some("abc"));
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub fn parse<'a, F: Field<'a>>(&self, value: &'a (impl FieldValue + ?Sized)) -> F::Output {
        F::parse_source(Source::one(value), self)
    }

    /// Parses the field lines of one field as the field `F` (see
    /// [`FieldLines`]).
    ///
    /// ```
    /// use http_auth_headers::{AuthenticationInfo, ParseOptions};
    ///
    /// let lines = ["qop=auth", "nc=00000001"];
    /// let info = ParseOptions::new().parse_lines::<AuthenticationInfo>(&lines)?;
    /// assert_eq!(info.params().len(), 2);
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub fn parse_lines<'a, F: Field<'a>>(&self, lines: &'a (impl FieldLines + Sync)) -> F::Output {
        F::parse_source(Source::Lines(lines), self)
    }

    pub(crate) const fn limits(&self) -> Limits {
        Limits {
            max_params: self.max_params,
            max_value_len: self.max_value_len,
        }
    }
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self::new()
    }
}

mod sealed {
    /// Only this crate's field types are [`Field`](super::Field)s.
    pub trait Sealed {}
}

/// A header field that [`ParseOptions::parse`] and
/// [`ParseOptions::parse_lines`] parse: [`Challenges`] and [`InfoParams`]
/// (lazy iterators), [`Credentials`] and
/// [`AuthenticationInfo`](crate::AuthenticationInfo) (a `Result`). Sealed.
///
/// ```
/// use http_auth_headers::{Challenges, Field, ParseOptions};
///
/// fn count<'a, F: Field<'a, Output = Challenges<'a>>>(value: &'a str) -> usize {
///     ParseOptions::new().parse::<F>(value).count()
/// }
/// assert_eq!(count::<Challenges>("A, B"), 2);
/// ```
pub trait Field<'a>: sealed::Sealed {
    /// What a parse gives.
    type Output;

    #[doc(hidden)]
    fn parse_source(src: Source<'a>, options: &ParseOptions) -> Self::Output;
}

impl sealed::Sealed for Challenges<'_> {}
impl<'a> Field<'a> for Challenges<'a> {
    type Output = Challenges<'a>;

    fn parse_source(src: Source<'a>, options: &ParseOptions) -> Self::Output {
        Challenges::from_source(src, *options)
    }
}

impl sealed::Sealed for Credentials<'_> {}
impl<'a> Field<'a> for Credentials<'a> {
    type Output = Result<Credentials<'a>, Error>;

    fn parse_source(src: Source<'a>, options: &ParseOptions) -> Self::Output {
        Credentials::from_source(src, options)
    }
}

impl sealed::Sealed for InfoParams<'_> {}
impl<'a> Field<'a> for InfoParams<'a> {
    type Output = InfoParams<'a>;

    fn parse_source(src: Source<'a>, options: &ParseOptions) -> Self::Output {
        InfoParams::from_source(src, *options)
    }
}

#[cfg(feature = "alloc")]
impl sealed::Sealed for crate::AuthenticationInfo<'_> {}
#[cfg(feature = "alloc")]
impl<'a> Field<'a> for crate::AuthenticationInfo<'a> {
    type Output = Result<crate::AuthenticationInfo<'a>, Error>;

    fn parse_source(src: Source<'a>, options: &ParseOptions) -> Self::Output {
        crate::AuthenticationInfo::from_source(src, *options)
    }
}
