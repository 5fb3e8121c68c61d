//! The error type of every parser in this crate.

use core::fmt;

/// A parse error: what was expected, where, and what was found there.
///
/// It is small, `Copy` and `'static`, so it can be returned with `?` into any
/// error type. The offset counts bytes from the start of the field line that
/// failed; [`Error::line`] says which field line that was when several lines of
/// one field were parsed together.
///
/// # Examples
///
/// ```
/// use http_auth_headers::{Challenges, ErrorKind};
///
/// let err = Challenges::new("Basic realm=\"x").next().unwrap().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnterminatedQuotedString);
/// assert_eq!(err.offset(), 14);
/// assert_eq!(
///     err.to_string(),
///     "unterminated quoted-string: expected '\"' before the end of the value, found end of value at byte 14"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{kind}, found {found} at byte {offset}{line}", line = LineSuffix(*.line))]
pub struct Error {
    kind: ErrorKind,
    offset: usize,
    line: usize,
    found: Found,
}

impl Error {
    pub(crate) const fn new(kind: ErrorKind, offset: usize, found: Option<u8>) -> Self {
        Error {
            kind,
            offset,
            line: 0,
            found: Found(found),
        }
    }

    pub(crate) const fn at_line(mut self, line: usize) -> Self {
        self.line = line;
        self
    }

    /// What went wrong.
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The byte offset of the problem, from the start of its field line.
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The index (from 0) of the field line that holds the problem, when several
    /// field lines were parsed as one field (RFC 9110 section 5.3).
    pub const fn line(&self) -> usize {
        self.line
    }

    /// The byte found at [`offset`](Self::offset), or `None` at the end of the value.
    pub const fn found(&self) -> Option<u8> {
        self.found.0
    }

    /// Shows the error with the field line it came from, marking the spot.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    ///
    /// let input = "Basic a b";
    /// let err = Credentials::parse(input).unwrap_err();
    /// assert_eq!(
    ///     err.display_with(input).to_string(),
    ///     "expected the end of the value, found 'b' at byte 8: \"Basic a (HERE-->)b\""
    /// );
    /// ```
    pub fn display_with<'a, T: AsRef<[u8]> + ?Sized>(
        &'a self,
        input: &'a T,
    ) -> impl fmt::Display + 'a {
        WithInput {
            error: self,
            input: input.as_ref(),
        }
    }
}

struct WithInput<'a> {
    error: &'a Error,
    input: &'a [u8],
}

impl fmt::Display for WithInput<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.error.offset.min(self.input.len());
        let (before, after) = self.input.split_at(at);
        write!(f, "{}: \"", self.error)?;
        write_escaped(f, before)?;
        f.write_str("(HERE-->)")?;
        write_escaped(f, after)?;
        f.write_str("\"")
    }
}

fn write_escaped(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for &b in bytes {
        match b {
            b'"' => f.write_str("\\\"")?,
            b'\\' => f.write_str("\\\\")?,
            0x20..=0x7e => fmt::Write::write_char(f, b as char)?,
            _ => write!(f, "\\x{b:02X}")?,
        }
    }
    Ok(())
}

struct LineSuffix(usize);

impl fmt::Display for LineSuffix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            Ok(())
        } else {
            write!(f, " of field line {}", self.0)
        }
    }
}

/// The byte at the error position, printed readably.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Found(Option<u8>);

impl fmt::Debug for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => f.write_str("end of value"),
            Some(b'\r') => f.write_str("CR (0x0D)"),
            Some(b'\n') => f.write_str("LF (0x0A)"),
            Some(0) => f.write_str("NUL (0x00)"),
            Some(b'\t') => f.write_str("HTAB (0x09)"),
            Some(b' ') => f.write_str("SP (0x20)"),
            Some(b'\'') => f.write_str("'\\''"),
            Some(b @ 0x21..=0x7e) => write!(f, "'{}'", b as char),
            Some(b) => write!(f, "byte 0x{b:02X}"),
        }
    }
}

/// The kinds of [`Error`].
///
/// New kinds may be added (the enum is `#[non_exhaustive]`): match with a
/// wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An auth-scheme (a token) was expected.
    #[error("expected an auth-scheme (token)")]
    ExpectedScheme,
    /// After an auth-scheme came something other than SP, `,` or the end.
    #[error("expected SP, ',' or the end of the value after the auth-scheme")]
    ExpectedSpaceAfterScheme,
    /// After `scheme SP` came neither a token68 nor an auth-param.
    #[error("expected a token68 or an auth-param after the auth-scheme")]
    ExpectedToken68OrParam,
    /// An auth-param name (a token) was expected.
    #[error("expected an auth-param (token BWS \"=\" BWS value)")]
    ExpectedParam,
    /// An auth-param name was not followed by `=`.
    #[error("expected '=' after the auth-param name")]
    ExpectedEquals,
    /// An auth-param had no value after `=`.
    #[error("expected a token or quoted-string as the auth-param value")]
    ExpectedParamValue,
    /// Something followed a complete list element.
    #[error("expected ',' or the end of the value")]
    ExpectedComma,
    /// Credentials were complete, but more followed.
    #[error("expected the end of the value")]
    ExpectedEnd,
    /// An auth-param came where only a new challenge may stand (after a
    /// token68, or before any auth-scheme).
    #[error("auth-param without a challenge to belong to (a token68 or nothing precedes it)")]
    ParamWithoutScheme,
    /// A quoted-string was not closed before the end of the value.
    #[error("unterminated quoted-string: expected '\"' before the end of the value")]
    UnterminatedQuotedString,
    /// A backslash in a quoted-string was followed by a byte that cannot be escaped.
    #[error("invalid quoted-pair: '\\' must be followed by HTAB, SP, VCHAR or obs-text")]
    InvalidQuotedPair,
    /// CR, LF, NUL or another control character (RFC 9110 section 5.5).
    #[error("control character not allowed in a field value")]
    ControlCharacter,
    /// The field value holds no credentials (Authorization needs an auth-scheme).
    #[error("expected credentials (an auth-scheme) in the field value")]
    MissingCredentials,
    /// Authorization and Proxy-Authorization hold one credentials, not a list,
    /// and may not be sent as several field lines.
    #[error("more than one credentials: Authorization is a single value, not a list")]
    MultipleCredentials,
    /// More challenges than [`ParseOptions::max_challenges`](crate::ParseOptions::max_challenges) allows.
    #[error("too many challenges for the configured limit")]
    TooManyChallenges,
    /// More params in one challenge, credentials or Authentication-Info than
    /// [`ParseOptions::max_params`](crate::ParseOptions::max_params) allows.
    #[error("too many auth-params for the configured limit")]
    TooManyParams,
    /// A token68 or param value longer than
    /// [`ParseOptions::max_value_len`](crate::ParseOptions::max_value_len) allows.
    #[error("value longer than the configured limit")]
    ValueTooLong,
}

/// A quoted or unescaped value is not valid UTF-8 (it holds `obs-text` bytes
/// that do not form UTF-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("value is not valid UTF-8")]
pub struct ToStrError {
    _priv: (),
}

impl ToStrError {
    #[cfg(feature = "alloc")]
    pub(crate) const fn new() -> Self {
        ToStrError { _priv: () }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_is_readable() {
        assert_eq!(Found(None).to_string(), "end of value");
        assert_eq!(Found(Some(b'\r')).to_string(), "CR (0x0D)");
        assert_eq!(Found(Some(b'x')).to_string(), "'x'");
        assert_eq!(Found(Some(0xff)).to_string(), "byte 0xFF");
        assert_eq!(Found(Some(0x7f)).to_string(), "byte 0x7F");
    }

    #[test]
    fn line_suffix_only_after_first_line() {
        let e = Error::new(ErrorKind::ExpectedScheme, 3, Some(b'='));
        assert_eq!(
            e.to_string(),
            "expected an auth-scheme (token), found '=' at byte 3"
        );
        assert_eq!(
            e.at_line(2).to_string(),
            "expected an auth-scheme (token), found '=' at byte 3 of field line 2"
        );
    }

    #[test]
    fn error_is_small_copy_send_sync() {
        fn assert_traits<T: Copy + Send + Sync + 'static>() {}
        assert_traits::<Error>();
        assert!(core::mem::size_of::<Error>() <= 32);
    }
}
