//! Parse options, and the one way every field is parsed with them.

use core::fmt;
use core::hash::{Hash, Hasher};

use crate::lenient::Report;
use crate::lines::{FieldLines, FieldValue, Source};
use crate::syntax::{Checked, Limits};
use crate::{Challenges, Credentials, Deviation, Error, InfoParams};

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
///
/// [`lenient`](Self::lenient) accepts what real senders get wrong (see the
/// crate docs, "Lenient mode"), and [`on_deviation`](Self::on_deviation)
/// hears of every deviation tolerated; the lifetime `'r` is the callback's.
#[derive(Clone, Copy)]
pub struct ParseOptions<'r> {
    pub(crate) max_challenges: usize,
    /// `max_params`, `max_value_len` and the lenient flag, kept as the
    /// grammar takes them: a lazy parse passes a reference to them rather
    /// than a copy made at each element.
    pub(crate) rules: Checked,
    pub(crate) report: Report<'r>,
}

impl fmt::Debug for ParseOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseOptions")
            .field("max_challenges", &self.max_challenges)
            .field("max_params", &self.rules.limits.max_params)
            .field("max_value_len", &self.rules.limits.max_value_len)
            .field("lenient", &self.rules.lenient)
            .field("on_deviation", &self.report.is_some())
            .finish()
    }
}

impl ParseOptions<'_> {
    /// The callback's address, for equality: the same callback or none.
    fn report_addr(&self) -> Option<*const ()> {
        self.report
            .map(|f| f as *const (dyn Fn(Deviation) + Sync) as *const ())
    }
}

/// Equal when the limits and the mode are, and both have the same
/// deviation callback (the same reference) or none.
impl PartialEq for ParseOptions<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.max_challenges == other.max_challenges
            && self.rules == other.rules
            && self.report_addr() == other.report_addr()
    }
}

impl Eq for ParseOptions<'_> {}

/// Consistent with `Eq`.
impl Hash for ParseOptions<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.max_challenges.hash(state);
        self.rules.limits.max_params.hash(state);
        self.rules.limits.max_value_len.hash(state);
        self.rules.lenient.hash(state);
        self.report_addr().hash(state);
    }
}

impl<'r> ParseOptions<'r> {
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
            rules: Checked {
                limits: Limits {
                    max_params: usize::MAX,
                    max_value_len: usize::MAX,
                },
                lenient: false,
            },
            report: None,
        }
    }

    /// Lenient parsing: where the strict grammar fails, the rules of the
    /// crate docs' "Lenient mode" read what real senders meant, and
    /// challenges that no rule reads are skipped. A value the strict
    /// grammar accepts parses exactly as in strict mode, and the strict
    /// work is not slowed: the lenient rules run only where it failed.
    ///
    /// ```
    /// use http_auth_headers::{Challenges, ParseOptions};
    ///
    /// let value = "Digest realm=\"cam\" nonce=\"n1\", Basic realm='IP Camera'";
    /// assert!(Challenges::parse(value).next().unwrap().is_err());
    /// let all: Vec<_> = ParseOptions::new().lenient().parse::<Challenges>(value)
    ///     .collect::<Result<_, _>>()?;
    /// assert_eq!(all[0].param("nonce").unwrap(), "n1");
    /// assert_eq!(all[1].param("realm").unwrap(), "'IP Camera'");
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub const fn lenient(mut self) -> Self {
        self.rules.lenient = true;
        self
    }

    /// Calls `report` with every deviation that lenient parsing tolerates,
    /// in the order found, when it is found (a lazy [`Challenges`] reports a
    /// challenge's deviations when it yields it). It does not turn lenient
    /// parsing on.
    ///
    /// A callback rather than a list keeps parsing free of allocation, as
    /// `url`'s syntax-violation callback does. It is `Sync` so that
    /// [`Challenges`] stays `Send` and `Sync`; collect with a `Mutex`, a
    /// channel or atomics.
    ///
    /// ```
    /// use http_auth_headers::{Credentials, DeviationKind, ParseOptions};
    /// use std::sync::Mutex;
    ///
    /// let kinds = Mutex::new(Vec::new());
    /// let report = |d: http_auth_headers::Deviation| kinds.lock().unwrap().push(d.kind());
    /// let opts = ParseOptions::new().lenient().on_deviation(&report);
    /// let c = opts.parse::<Credentials>("SharedKey acct:c2lnbmF0dXJl")?;
    /// assert_eq!(c.token68(), Some("acct:c2lnbmF0dXJl"));
    /// assert_eq!(*kinds.lock().unwrap(), [DeviationKind::Token68Chars]);
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub const fn on_deviation(mut self, report: &'r (dyn Fn(Deviation) + Sync)) -> Self {
        self.report = Some(report);
        self
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
        self.rules.limits.max_params = n;
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
        self.rules.limits.max_value_len = n;
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
    #[inline]
    pub fn parse<'a, F: Field<'a>>(&self, value: &'a (impl FieldValue + ?Sized)) -> F::Output
    where
        'r: 'a,
    {
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
    pub fn parse_lines<'a, F: Field<'a>>(&self, lines: &'a (impl FieldLines + Sync)) -> F::Output
    where
        'r: 'a,
    {
        F::parse_source(Source::Lines(lines), self)
    }

    pub(crate) const fn limits(&self) -> Limits {
        self.rules.limits
    }

    /// The limits and the lenient flag, for the list parsers.
    pub(crate) const fn rules(&self) -> Checked {
        self.rules
    }
}

impl Default for ParseOptions<'_> {
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
    fn parse_source(src: Source<'a>, options: &ParseOptions<'a>) -> Self::Output;
}

impl sealed::Sealed for Challenges<'_> {}
impl<'a> Field<'a> for Challenges<'a> {
    type Output = Challenges<'a>;

    fn parse_source(src: Source<'a>, options: &ParseOptions<'a>) -> Self::Output {
        Challenges::from_source(src, *options)
    }
}

impl sealed::Sealed for Credentials<'_> {}
impl<'a> Field<'a> for Credentials<'a> {
    type Output = Result<Credentials<'a>, Error>;

    #[inline]
    fn parse_source(src: Source<'a>, options: &ParseOptions<'a>) -> Self::Output {
        Credentials::from_source(src, options)
    }
}

impl sealed::Sealed for InfoParams<'_> {}
impl<'a> Field<'a> for InfoParams<'a> {
    type Output = InfoParams<'a>;

    fn parse_source(src: Source<'a>, options: &ParseOptions<'a>) -> Self::Output {
        InfoParams::from_source(src, *options)
    }
}

#[cfg(feature = "alloc")]
impl sealed::Sealed for crate::AuthenticationInfo<'_> {}
#[cfg(feature = "alloc")]
impl<'a> Field<'a> for crate::AuthenticationInfo<'a> {
    type Output = Result<crate::AuthenticationInfo<'a>, Error>;

    fn parse_source(src: Source<'a>, options: &ParseOptions<'a>) -> Self::Output {
        crate::AuthenticationInfo::from_source(src, *options)
    }
}
