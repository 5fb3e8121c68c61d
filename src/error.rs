//! The error type of every parser in this crate.

use core::fmt;

/// A parse error: what was expected, where, and what was found there.
///
/// It is small, `Copy` and `'static`, so it can be returned with `?` into any
/// error type. The offset counts bytes from the start of the field line that
/// failed; [`Error::line`] says which field line that was when several lines of
/// one field were parsed together (its message counts lines from 1).
///
/// An error from parsing credentials (`Authorization`,
/// `Proxy-Authorization`) carries no byte of them: [`found`](Self::found)
/// is `None`, its message names no byte, and
/// [`display_with`](Self::display_with) does not show the input. Only the
/// kind and the offset remain.
///
/// # Examples
///
/// ```
/// use http_auth_headers::{Challenges, Credentials, ErrorKind};
///
/// let err = Challenges::parse("Basic realm=\"x").next().unwrap().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnterminatedQuotedString);
/// assert_eq!(err.offset(), 14);
/// assert_eq!(
///     err.to_string(),
///     "unterminated quoted-string: expected '\"' before the end of the value, found end of value at byte 14"
/// );
///
/// // Credentials are secret: the error keeps the place, not the bytes.
/// let err = Credentials::parse("Basic c2VjcmV0 x").unwrap_err();
/// assert_eq!((err.kind(), err.offset(), err.found()), (ErrorKind::ExpectedEnd, 15, None));
/// assert_eq!(err.to_string(), "expected the end of the value, at byte 15");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{kind}{found} at byte {offset}{line}", found = FoundPart(self), line = LineSuffix(self))]
pub struct Error {
    kind: ErrorKind,
    offset: usize,
    line: usize,
    found: Found,
    /// The input was several field lines: the message names the line.
    lines: bool,
    /// The input was credentials: show none of its bytes.
    secret: bool,
}

impl Error {
    pub(crate) const fn new(kind: ErrorKind, offset: usize, found: Option<u8>) -> Self {
        Error {
            kind,
            offset,
            line: 0,
            found: Found(found),
            lines: false,
            secret: false,
        }
    }

    /// Locates the error on field line `line` (from 0); `lines` tells whether
    /// the input was given as several lines.
    pub(crate) const fn at_line(mut self, line: usize, lines: bool) -> Self {
        self.line = line;
        self.lines = lines;
        self
    }

    /// Forgets the byte found: the input was credentials.
    pub(crate) const fn secret(mut self) -> Self {
        self.found = Found(None);
        self.secret = true;
        self
    }

    /// What went wrong.
    ///
    /// ```
    /// use http_auth_headers::{Credentials, ErrorKind};
    ///
    /// assert_eq!(Credentials::parse("Basic a b").unwrap_err().kind(), ErrorKind::ExpectedEnd);
    /// ```
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The byte offset of the problem, from the start of its field line.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    ///
    /// assert_eq!(Credentials::parse("Basic a b").unwrap_err().offset(), 8);
    /// ```
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The index (from 0) of the field line that holds the problem, when several
    /// field lines were parsed as one field (RFC 9110 section 5.3). The
    /// error's message counts lines from 1.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    ///
    /// let lines = ["Basic realm=\"x\"", "Bearer error=\"a"];
    /// let err = Challenges::parse_lines(&lines).nth(1).unwrap().unwrap_err();
    /// assert_eq!(err.line(), 1);
    /// assert!(err.to_string().ends_with("at byte 15 of field line 2"));
    /// ```
    pub const fn line(&self) -> usize {
        self.line
    }

    /// The byte found at [`offset`](Self::offset): `None` at the end of the
    /// value, and always for credentials (they are secret).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    ///
    /// let err = Challenges::parse("Basic realm=x y").next().unwrap().unwrap_err();
    /// assert_eq!(err.found(), Some(b'y'));
    /// ```
    pub const fn found(&self) -> Option<u8> {
        self.found.0
    }

    /// Shows the error with the field line it came from, marking the spot.
    /// For an error from credentials it shows the error alone.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    ///
    /// let input = "Basic realm=x y";
    /// let err = Challenges::parse(input).next().unwrap().unwrap_err();
    /// assert_eq!(
    ///     err.display_with(input).to_string(),
    ///     "expected ',' or the end of the value, found 'y' at byte 14: \"Basic realm=x (HERE-->)y\""
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
        if self.error.secret {
            return fmt::Display::fmt(self.error, f);
        }
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

/// `, found X` unless the input was secret.
struct FoundPart<'e>(&'e Error);

impl fmt::Display for FoundPart<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.secret {
            f.write_str(",")
        } else {
            write!(f, ", found {}", self.0.found)
        }
    }
}

/// ` of field line N` (from 1) when the input was several lines.
struct LineSuffix<'e>(&'e Error);

impl fmt::Display for LineSuffix<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.lines {
            write!(f, " of field line {}", self.0.line + 1)
        } else {
            Ok(())
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
/// A plain enum: its `Display` is the message an [`Error`] starts with. New
/// kinds may be added (the enum is `#[non_exhaustive]`): match with a
/// wildcard arm.
///
/// ```
/// use http_auth_headers::{Credentials, ErrorKind};
///
/// let kind = Credentials::parse("").unwrap_err().kind();
/// assert_eq!(kind, ErrorKind::MissingCredentials);
/// assert_eq!(kind.to_string(), "expected credentials (an auth-scheme) in the field value");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An auth-scheme (a token) was expected.
    ExpectedScheme,
    /// After an auth-scheme came something other than SP, `,` or the end.
    ExpectedSpaceAfterScheme,
    /// After `scheme SP` came neither a token68 nor an auth-param.
    ExpectedToken68OrParam,
    /// An auth-param name (a token) was expected.
    ExpectedParam,
    /// An auth-param name was not followed by `=`.
    ExpectedEquals,
    /// An auth-param had no value after `=`.
    ExpectedParamValue,
    /// Something followed a complete list element.
    ExpectedComma,
    /// Credentials were complete, but more followed.
    ExpectedEnd,
    /// An auth-param came where only a new challenge may stand (after a
    /// token68, or before any auth-scheme).
    ParamWithoutScheme,
    /// A quoted-string was not closed before the end of the value.
    UnterminatedQuotedString,
    /// A backslash in a quoted-string was followed by a byte that cannot be escaped.
    InvalidQuotedPair,
    /// CR, LF, NUL or another control character (RFC 9110 section 5.5).
    ControlCharacter,
    /// The field value holds no credentials (Authorization needs an auth-scheme).
    MissingCredentials,
    /// Authorization and Proxy-Authorization hold one credentials, not a list,
    /// and may not be sent as several field lines.
    MultipleCredentials,
    /// More challenges than [`ParseOptions::max_challenges`](crate::ParseOptions::max_challenges) allows.
    TooManyChallenges,
    /// More params in one challenge, credentials or Authentication-Info than
    /// [`ParseOptions::max_params`](crate::ParseOptions::max_params) allows.
    TooManyParams,
    /// A token68 or param value longer than
    /// [`ParseOptions::max_value_len`](crate::ParseOptions::max_value_len) allows.
    ValueTooLong,
}

impl ErrorKind {
    /// The message of this kind, as its `Display` writes it.
    const fn message(self) -> &'static str {
        match self {
            ErrorKind::ExpectedScheme => "expected an auth-scheme (token)",
            ErrorKind::ExpectedSpaceAfterScheme => {
                "expected SP, ',' or the end of the value after the auth-scheme"
            }
            ErrorKind::ExpectedToken68OrParam => {
                "expected a token68 or an auth-param after the auth-scheme"
            }
            ErrorKind::ExpectedParam => "expected an auth-param (token BWS \"=\" BWS value)",
            ErrorKind::ExpectedEquals => "expected '=' after the auth-param name",
            ErrorKind::ExpectedParamValue => {
                "expected a token or quoted-string as the auth-param value"
            }
            ErrorKind::ExpectedComma => "expected ',' or the end of the value",
            ErrorKind::ExpectedEnd => "expected the end of the value",
            ErrorKind::ParamWithoutScheme => {
                "auth-param without a challenge to belong to (a token68 or nothing precedes it)"
            }
            ErrorKind::UnterminatedQuotedString => {
                "unterminated quoted-string: expected '\"' before the end of the value"
            }
            ErrorKind::InvalidQuotedPair => {
                "invalid quoted-pair: '\\' must be followed by HTAB, SP, VCHAR or obs-text"
            }
            ErrorKind::ControlCharacter => "control character not allowed in a field value",
            ErrorKind::MissingCredentials => {
                "expected credentials (an auth-scheme) in the field value"
            }
            ErrorKind::MultipleCredentials => {
                "more than one credentials: Authorization is a single value, not a list"
            }
            ErrorKind::TooManyChallenges => "too many challenges for the configured limit",
            ErrorKind::TooManyParams => "too many auth-params for the configured limit",
            ErrorKind::ValueTooLong => "value longer than the configured limit",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

/// A quoted or unescaped value is not valid UTF-8 (it holds `obs-text` bytes
/// that do not form UTF-8).
///
/// ```
/// use http_auth_headers::Challenges;
///
/// let c = Challenges::parse(b"X a=\"\xff\"").next().unwrap()?;
/// assert!(c.param("a").unwrap().unescaped_str().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("value is not valid UTF-8")]
pub struct NotUtf8Error {
    _priv: (),
}

impl NotUtf8Error {
    #[cfg(feature = "alloc")]
    pub(crate) const fn new() -> Self {
        NotUtf8Error { _priv: () }
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
    fn line_suffix_counts_from_one_for_lines() {
        let e = Error::new(ErrorKind::ExpectedScheme, 3, Some(b'='));
        assert_eq!(
            e.to_string(),
            "expected an auth-scheme (token), found '=' at byte 3"
        );
        assert_eq!(e.at_line(0, false).to_string(), e.to_string());
        assert_eq!(
            e.at_line(0, true).to_string(),
            "expected an auth-scheme (token), found '=' at byte 3 of field line 1"
        );
        assert_eq!(
            e.at_line(2, true).to_string(),
            "expected an auth-scheme (token), found '=' at byte 3 of field line 3"
        );
        assert_eq!(e.at_line(2, true).line(), 2);
    }

    #[test]
    fn secret_errors_show_no_byte() {
        let e = Error::new(ErrorKind::ExpectedEnd, 9, Some(b'q')).secret();
        assert_eq!(e.found(), None);
        assert_eq!(e.to_string(), "expected the end of the value, at byte 9");
        let input = "Basic abc qq";
        assert_eq!(e.display_with(input).to_string(), e.to_string());
        assert!(!e.display_with(input).to_string().contains("abc"));
    }

    #[test]
    fn error_is_small_copy_send_sync() {
        fn assert_traits<T: Copy + Send + Sync + 'static>() {}
        assert_traits::<Error>();
        assert!(core::mem::size_of::<Error>() <= 32);
    }
}
