//! `Authentication-Info` and `Proxy-Authentication-Info`: `#auth-param`.

#[cfg(feature = "alloc")]
use alloc::vec::Vec;
#[cfg(feature = "alloc")]
use core::fmt;
use core::iter::FusedIterator;

use crate::error::{Error, ErrorKind};
#[cfg(feature = "alloc")]
use crate::item::info_must_quote;
use crate::lines::FieldLines;
use crate::options::ParseOptions;
use crate::param::Param;
#[cfg(feature = "alloc")]
use crate::param::ParamValue;
use crate::syntax;

/// A lazy parser of an `Authentication-Info` or `Proxy-Authentication-Info`
/// field (RFC 9110 section 11.6.3, RFC 7615): a list of auth-params with no
/// scheme, over one or several field lines.
///
/// It yields one `Result` per param, stops after the first error and never
/// allocates. Which scheme the params belong to is known only from the
/// request's `Authorization` field.
///
/// ```
/// use http_auth_headers::InfoParams;
///
/// let mut it = InfoParams::new("nextnonce=\"abc\", qop=auth");
/// let first = it.next().unwrap()?;
/// assert_eq!(first.name(), "nextnonce");
/// assert_eq!(first.value(), "abc");
/// assert_eq!(it.next().unwrap()?.value(), "auth");
/// assert!(it.next().is_none());
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct InfoParams<'a, I = core::iter::Once<&'a [u8]>> {
    lines: FieldLines<'a, I>,
    options: ParseOptions,
}

impl<'a> InfoParams<'a> {
    /// Parses the value of one field line.
    pub fn new<T: AsRef<[u8]> + ?Sized>(input: &'a T) -> Self {
        InfoParams::from_lines(core::iter::once(input.as_ref()))
    }
}

impl<'a, I, T> InfoParams<'a, I>
where
    I: Iterator<Item = &'a T>,
    T: AsRef<[u8]> + ?Sized + 'a,
{
    /// Parses the values of several field lines of one field as one list.
    pub fn from_lines<L: IntoIterator<IntoIter = I>>(lines: L) -> Self {
        InfoParams {
            lines: FieldLines::new(lines.into_iter()),
            options: ParseOptions::new(),
        }
    }

    /// Applies limits to this parse (`max_params` counts the whole field).
    pub fn with_options(mut self, options: ParseOptions) -> Self {
        self.options = options;
        self
    }
}

impl<'a, I, T> Iterator for InfoParams<'a, I>
where
    I: Iterator<Item = &'a T>,
    T: AsRef<[u8]> + ?Sized + 'a,
{
    type Item = Result<Param<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let limits = self.options.limits();
        let param =
            self.lines
                .next_with(self.options.max_params, ErrorKind::TooManyParams, |i| {
                    syntax::list_param(i, &limits)
                })?;
        Some(param.map(|(name, value)| Param::new(name, value)))
    }
}

impl<'a, I, T> FusedIterator for InfoParams<'a, I>
where
    I: Iterator<Item = &'a T>,
    T: AsRef<[u8]> + ?Sized + 'a,
{
}

/// A parsed `Authentication-Info` or `Proxy-Authentication-Info` field: its
/// params in order, borrowed from the input.
///
/// ```
/// use http_auth_headers::AuthenticationInfo;
///
/// let info = AuthenticationInfo::parse(r#"rspauth="d4f5", qop=auth, nc=00000001"#)?;
/// assert_eq!(info.param("NC").unwrap(), "00000001");
/// assert_eq!(info.to_string(), r#"rspauth="d4f5", qop=auth, nc=00000001"#);
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AuthenticationInfo<'a> {
    params: Vec<Param<'a>>,
}

#[cfg(feature = "alloc")]
impl<'a> AuthenticationInfo<'a> {
    /// Parses the value of one field line.
    ///
    /// # Errors
    ///
    /// The first syntax error.
    pub fn parse<T: AsRef<[u8]> + ?Sized>(input: &'a T) -> Result<Self, Error> {
        Self::parse_lines(core::iter::once(input.as_ref()))
    }

    /// Parses the field lines of one field as one list.
    ///
    /// # Errors
    ///
    /// The first syntax error; [`Error::line`] tells its line.
    pub fn parse_lines<L, T>(lines: L) -> Result<Self, Error>
    where
        L: IntoIterator<Item = &'a T>,
        T: AsRef<[u8]> + ?Sized + 'a,
    {
        Ok(AuthenticationInfo {
            params: InfoParams::from_lines(lines).collect::<Result<_, _>>()?,
        })
    }

    /// The params, in order.
    pub fn params(&self) -> &[Param<'a>] {
        &self.params
    }

    /// The value of the first param named `name`, ignoring ASCII case.
    pub fn param(&self, name: &str) -> Option<ParamValue<'a>> {
        self.params.iter().find(|p| p.is(name)).map(|p| p.value())
    }
}

/// Writes the params joined by `", "`, each value canonical (a token where
/// allowed), with Digest's `nextnonce`, `rspauth` and `cnonce` always quoted
/// (RFC 7616 section 3.5).
#[cfg(feature = "alloc")]
impl fmt::Display for AuthenticationInfo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            p.fmt_canonical(f, info_must_quote(p.name().as_bytes()))?;
        }
        Ok(())
    }
}
