//! `Authentication-Info` and `Proxy-Authentication-Info`: `#auth-param`.

#[cfg(feature = "alloc")]
use alloc::vec::Vec;
#[cfg(feature = "alloc")]
use core::fmt;
use core::iter::FusedIterator;

use crate::error::{Error, ErrorKind};
#[cfg(feature = "alloc")]
use crate::item::info_must_quote;
use crate::lenient::{Fail, Lax};
use crate::lines::{FieldLines, FieldValue, Source, Walker};
use crate::options::ParseOptions;
use crate::param::Param;
#[cfg(feature = "alloc")]
use crate::param::ParamValue;
use crate::syntax;
#[cfg(feature = "alloc")]
use crate::syntax::{ByteSink, TextSink};

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
/// let mut it = InfoParams::parse("nextnonce=\"abc\", qop=auth");
/// let first = it.next().unwrap()?;
/// assert_eq!(first.name(), "nextnonce");
/// assert_eq!(first.value(), "abc");
/// assert_eq!(it.next().unwrap()?.value(), "auth");
/// assert!(it.next().is_none());
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct InfoParams<'a> {
    walk: Walker<'a>,
    options: ParseOptions<'a>,
}

impl<'a> InfoParams<'a> {
    /// Parses the value of one field line.
    ///
    /// ```
    /// use http_auth_headers::InfoParams;
    ///
    /// assert_eq!(InfoParams::parse("a=1, b=2").count(), 2);
    /// ```
    pub fn parse<T: FieldValue + ?Sized>(value: &'a T) -> Self {
        ParseOptions::new().parse::<Self>(value)
    }

    /// Parses the field lines of one field as one list.
    ///
    /// ```
    /// use http_auth_headers::InfoParams;
    ///
    /// assert_eq!(InfoParams::parse_lines(&["a=1", "b=2, c=3"]).count(), 3);
    /// ```
    pub fn parse_lines<L: FieldLines + Sync>(lines: &'a L) -> Self {
        ParseOptions::new().parse_lines::<Self>(lines)
    }

    pub(crate) fn from_source(src: Source<'a>, options: ParseOptions<'a>) -> Self {
        InfoParams {
            walk: Walker::new(src),
            options,
        }
    }
}

impl<'a> Iterator for InfoParams<'a> {
    type Item = Result<Param<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let limits = self.options.limits();
        let mut start: &'a [u8] = &[];
        let param = self.walk.next_with(
            self.options.rules.limits.max_params,
            ErrorKind::TooManyParams,
            |i| {
                start = i;
                syntax::list_param(i, &limits)
            },
        )?;
        match param {
            Ok((name, value)) => Some(Ok(Param::new(name, value))),
            Err(e)
                if self.options.rules.lenient
                    && !matches!(e.kind(), ErrorKind::TooManyParams | ErrorKind::ValueTooLong) =>
            {
                Some(self.lax(start, e))
            }
            Err(e) => Some(Err(e)),
        }
    }
}

impl<'a> InfoParams<'a> {
    /// Lenient mode: the param at `start`, where the strict grammar failed
    /// with `strict`; `strict` when no rule reads it (the walk ends).
    #[cold]
    fn lax(&mut self, start: &'a [u8], strict: Error) -> Result<Param<'a>, Error> {
        let line = self.walk.line;
        let at = line.len() - start.len();
        let mut lax = Lax {
            i: line,
            line: self.walk.line_no,
            report: None,
            max_value_len: self.options.rules.limits.max_value_len,
        };
        let read = |lax: &Lax<'a, '_>| {
            let at = match self.walk.count {
                0 => lax.info_scheme(at).unwrap_or(at),
                _ => at,
            };
            lax.info_param(at)
        };
        match read(&lax) {
            Ok(_) => {}
            Err(Fail::Limit(kind, offset)) => {
                return Err(Error::new(kind, offset, line.get(offset).copied())
                    .at_line(self.walk.line_no, self.walk.is_lines()))
            }
            Err(Fail::Syntax(_)) => return Err(strict),
        }
        lax.report = self.options.report;
        let Ok((next, (n0, n1), value)) = read(&lax) else {
            return Err(strict);
        };
        self.walk.done = false;
        self.walk.rest = &line[next..];
        self.walk.count += 1;
        Ok(Param::new(&line[n0..n1], value))
    }
}

impl FusedIterator for InfoParams<'_> {}

/// A parsed `Authentication-Info` or `Proxy-Authentication-Info` field: its
/// params in order, borrowed from the input.
///
/// Equality (and `Hash`) compares the params in order, as
/// [`Param`](crate::Param) does.
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
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct AuthenticationInfo<'a> {
    params: Vec<Param<'a>>,
}

#[cfg(feature = "alloc")]
impl<'a> AuthenticationInfo<'a> {
    /// Parses the value of one field line.
    ///
    /// ```
    /// use http_auth_headers::AuthenticationInfo;
    ///
    /// assert_eq!(AuthenticationInfo::parse("qop=auth")?.params().len(), 1);
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The first syntax error.
    pub fn parse<T: FieldValue + ?Sized>(value: &'a T) -> Result<Self, Error> {
        ParseOptions::new().parse::<Self>(value)
    }

    /// Parses the field lines of one field as one list.
    ///
    /// ```
    /// use http_auth_headers::AuthenticationInfo;
    ///
    /// let info = AuthenticationInfo::parse_lines(&["qop=auth", "rspauth=\"x\""])?;
    /// assert_eq!(info.param("rspauth").unwrap(), "x");
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The first syntax error; [`Error::line`] tells its line.
    pub fn parse_lines<L: FieldLines + Sync>(lines: &'a L) -> Result<Self, Error> {
        ParseOptions::new().parse_lines::<Self>(lines)
    }

    pub(crate) fn from_source(src: Source<'a>, options: ParseOptions<'a>) -> Result<Self, Error> {
        Ok(AuthenticationInfo {
            params: InfoParams::from_source(src, options).collect::<Result<_, _>>()?,
        })
    }

    /// The params, in order.
    ///
    /// ```
    /// use http_auth_headers::AuthenticationInfo;
    ///
    /// let info = AuthenticationInfo::parse("a=1, b=2")?;
    /// assert_eq!(info.params()[1].name(), "b");
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub fn params(&self) -> &[Param<'a>] {
        &self.params
    }

    /// The value of the first param named `name`, ignoring ASCII case.
    ///
    /// ```
    /// use http_auth_headers::AuthenticationInfo;
    ///
    /// let info = AuthenticationInfo::parse("nextnonce=\"n1\"")?;
    /// assert_eq!(info.param("NextNonce").unwrap(), "n1");
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub fn param(&self, name: &str) -> Option<ParamValue<'a>> {
        self.params.iter().find(|p| p.is(name)).map(|p| p.value())
    }

    /// The canonical form (as `Display` writes it), byte for byte; see
    /// [`Challenge::to_bytes`](crate::Challenge::to_bytes).
    ///
    /// ```
    /// use http_auth_headers::AuthenticationInfo;
    ///
    /// let info = AuthenticationInfo::parse(b"rspauth=\"\xff\", qop=auth")?;
    /// assert_eq!(info.to_bytes(), b"rspauth=\"\xff\", qop=auth");
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let _ = self.write(&mut out);
        out
    }

    fn write(&self, out: &mut dyn ByteSink) -> fmt::Result {
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                out.put(b", ")?;
            }
            p.write_canonical(out, info_must_quote(p.name().as_bytes()))?;
        }
        Ok(())
    }
}

/// Writes the params joined by `", "`, each value canonical (a token where
/// allowed), with Digest's `nextnonce`, `rspauth` and `cnonce` always quoted
/// (RFC 7616 section 3.5). As text: `obs-text` that is not UTF-8 comes out as
/// U+FFFD, where [`to_bytes`](AuthenticationInfo::to_bytes) keeps it.
#[cfg(feature = "alloc")]
impl fmt::Display for AuthenticationInfo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sink = TextSink::new(f);
        self.write(&mut sink)?;
        sink.finish()
    }
}
