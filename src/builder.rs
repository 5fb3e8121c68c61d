//! Writing a challenge or credentials of any scheme, validated as it is built.

use alloc::string::String;
use core::fmt;

use crate::item::{must_quote, Role};
use crate::syntax;

/// Why a writer refused a part, from its `finish`: the value it would write
/// is not allowed by the grammar (RFC 9110 section 11) or by the scheme.
///
/// ```
/// use http_auth_headers::{AuthBuilder, BuildError};
///
/// let err = AuthBuilder::challenge("X").param("a b", "c").finish().unwrap_err();
/// assert_eq!(err, BuildError::InvalidParamName);
/// assert_eq!(err.to_string(), "the auth-param name is not a token");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The auth-scheme is not a token.
    #[error("the auth-scheme is not a token")]
    InvalidScheme,
    /// A param name is not a token.
    #[error("the auth-param name is not a token")]
    InvalidParamName,
    /// A param name was already used in this challenge or credentials
    /// (RFC 9110 section 11.2: each name only once).
    #[error("the auth-param name is already used")]
    DuplicateParam,
    /// A value holds a control character, which no quoted-string can carry.
    #[error("the value holds a control character, which a quoted-string cannot carry")]
    InvalidValue,
    /// The token68 is not a token68.
    #[error("the value is not a token68")]
    InvalidToken68,
    /// A token68 and params were both given; a challenge or credentials has
    /// one or the other.
    #[error("a challenge or credentials has a token68 or params, not both")]
    Token68WithParams,
    /// A value is not allowed by the scheme's specification (a typed builder
    /// checked it).
    #[error("the value of `{0}` is not allowed by the scheme")]
    SchemeValue(&'static str),
}

/// Writes one challenge (`WWW-Authenticate`, `Proxy-Authenticate`) or one
/// credentials (`Authorization`, `Proxy-Authorization`) of any scheme, and
/// refuses anything the grammar forbids, so that what it writes always parses
/// back to the same value.
///
/// Built like every writer of this crate: start it with
/// [`challenge`](Self::challenge) or [`credentials`](Self::credentials),
/// chain setters that take a value and return the builder, and end with
/// [`finish`](Self::finish). A setter does not fail: the first part that
/// would break the grammar is kept as the error `finish` returns, and the
/// setters after it do nothing.
///
/// Values are written as a token where the grammar allows it and as a
/// quoted-string otherwise, except that the params whose specification
/// requires quotes from senders are always quoted (see
/// [`Challenge`](crate::Challenge)'s `Display`).
///
/// ```
/// use http_auth_headers::{AuthBuilder, BuildError, Challenges};
///
/// let value = AuthBuilder::challenge("Newauth")
///     .param("realm", "apps")
///     .param("type", "1")
///     .param("title", "Login to \"apps\"")
///     .finish()?;
/// assert_eq!(value, r#"Newauth realm="apps", type=1, title="Login to \"apps\"""#);
/// let parsed = Challenges::parse(&value).next().unwrap()?;
/// assert_eq!(parsed.param("title").unwrap().unescaped_str()?, "Login to \"apps\"");
///
/// assert_eq!(AuthBuilder::challenge("New auth").finish(), Err(BuildError::InvalidScheme));
/// let bad = AuthBuilder::credentials("X").param("a", "line\r\nbreak").param("b", "c");
/// assert_eq!(bad.finish(), Err(BuildError::InvalidValue));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// It has no `PartialEq`: credentials carry secrets, which this crate never
/// compares with a short-circuiting `==`.
#[derive(Clone)]
pub struct AuthBuilder {
    buf: String,
    role: Role,
    scheme_len: usize,
    params: usize,
    /// Where each written param name is in `buf`, to find repeats without
    /// reading the params back.
    names: alloc::vec::Vec<(usize, usize)>,
    token68: bool,
    error: Option<BuildError>,
}

impl AuthBuilder {
    /// Starts a challenge of `scheme`.
    ///
    /// ```
    /// use http_auth_headers::{AuthBuilder, BuildError};
    ///
    /// assert_eq!(AuthBuilder::challenge("Basic").param("realm", "x").finish()?, r#"Basic realm="x""#);
    /// assert_eq!(AuthBuilder::challenge("").finish(), Err(BuildError::InvalidScheme));
    /// # Ok::<(), BuildError>(())
    /// ```
    ///
    /// `finish` fails with [`BuildError::InvalidScheme`] when `scheme` is
    /// not a token.
    pub fn challenge(scheme: &str) -> Self {
        Self::start(scheme, Role::Challenge)
    }

    /// Starts credentials of `scheme`.
    ///
    /// ```
    /// use http_auth_headers::{AuthBuilder, BuildError};
    ///
    /// assert_eq!(AuthBuilder::credentials("Bearer").token68("abc").finish()?, "Bearer abc");
    /// assert_eq!(AuthBuilder::credentials("a:b").finish(), Err(BuildError::InvalidScheme));
    /// # Ok::<(), BuildError>(())
    /// ```
    ///
    /// `finish` fails with [`BuildError::InvalidScheme`] when `scheme` is
    /// not a token.
    pub fn credentials(scheme: &str) -> Self {
        Self::start(scheme, Role::Credentials)
    }

    fn start(scheme: &str, role: Role) -> Self {
        AuthBuilder {
            buf: String::from(scheme),
            role,
            scheme_len: scheme.len(),
            params: 0,
            names: alloc::vec::Vec::new(),
            token68: false,
            error: (!syntax::is_token(scheme.as_bytes())).then_some(BuildError::InvalidScheme),
        }
    }

    /// Keeps `error` as the builder's error unless it already has one.
    fn fail(mut self, error: BuildError) -> Self {
        self.error.get_or_insert(error);
        self
    }

    /// Sets the token68 (there can be only one, and no params with it).
    ///
    /// ```
    /// use http_auth_headers::{AuthBuilder, BuildError};
    ///
    /// let b = AuthBuilder::credentials("Basic").token68("QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    /// assert_eq!(b.finish()?, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    /// let b = AuthBuilder::credentials("Basic").token68("a=b");
    /// assert_eq!(b.finish(), Err(BuildError::InvalidToken68));
    /// # Ok::<(), BuildError>(())
    /// ```
    ///
    /// `finish` fails with [`BuildError::InvalidToken68`] when `token68` is
    /// not one, and with [`BuildError::Token68WithParams`] when a token68 or
    /// params were already set.
    pub fn token68(mut self, token68: &str) -> Self {
        if self.error.is_some() {
            return self;
        }
        if !syntax::is_token68(token68.as_bytes()) {
            return self.fail(BuildError::InvalidToken68);
        }
        if self.token68 || self.params > 0 {
            return self.fail(BuildError::Token68WithParams);
        }
        self.buf.push(' ');
        self.buf.push_str(token68);
        self.token68 = true;
        self
    }

    /// Adds the param `name=value`, quoting `value` when needed.
    ///
    /// ```
    /// use http_auth_headers::{AuthBuilder, BuildError};
    ///
    /// let b = AuthBuilder::challenge("X").param("a", "b c").param("d", "e");
    /// assert_eq!(b.finish()?, r#"X a="b c", d=e"#);
    /// let b = AuthBuilder::challenge("X").param("a", "1").param("A", "2");
    /// assert_eq!(b.finish(), Err(BuildError::DuplicateParam));
    /// # Ok::<(), BuildError>(())
    /// ```
    ///
    /// `finish` fails with [`BuildError::InvalidParamName`],
    /// [`BuildError::DuplicateParam`], [`BuildError::InvalidValue`] (a
    /// control character), or [`BuildError::Token68WithParams`].
    pub fn param(self, name: &str, value: &str) -> Self {
        let quote = must_quote(self.role, self.scheme().as_bytes(), name.as_bytes());
        self.push_param(name, value, quote)
    }

    /// Adds the param `name="value"`, quoted even when `value` is a token.
    ///
    /// ```
    /// use http_auth_headers::AuthBuilder;
    ///
    /// let b = AuthBuilder::challenge("X").quoted_param("a", "b");
    /// assert_eq!(b.finish()?, r#"X a="b""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    ///
    /// `finish` fails as after [`param`](Self::param).
    pub fn quoted_param(self, name: &str, value: &str) -> Self {
        self.push_param(name, value, true)
    }

    fn push_param(mut self, name: &str, value: &str, quote: bool) -> Self {
        if self.error.is_some() {
            return self;
        }
        if !syntax::is_token(name.as_bytes()) {
            return self.fail(BuildError::InvalidParamName);
        }
        if !syntax::is_quotable(value.as_bytes()) {
            return self.fail(BuildError::InvalidValue);
        }
        if self.token68 {
            return self.fail(BuildError::Token68WithParams);
        }
        if self.has_param(name) {
            return self.fail(BuildError::DuplicateParam);
        }
        self.buf.push_str(if self.params == 0 { " " } else { ", " });
        self.names
            .push((self.buf.len(), self.buf.len() + name.len()));
        self.buf.push_str(name);
        self.buf.push('=');
        if !quote && syntax::is_token(value.as_bytes()) {
            self.buf.push_str(value);
        } else {
            // Writing to a String cannot fail.
            let _ = syntax::write_quoted_text(&mut self.buf, value);
        }
        self.params += 1;
        self
    }

    /// Whether this builder writes credentials (secrets) rather than a challenge.
    #[cfg(feature = "http")]
    pub(crate) fn is_credentials(&self) -> bool {
        self.role == Role::Credentials
    }

    /// The scheme this builder writes, as given.
    ///
    /// ```
    /// use http_auth_headers::AuthBuilder;
    ///
    /// assert_eq!(AuthBuilder::challenge("Digest").scheme(), "Digest");
    /// ```
    pub fn scheme(&self) -> &str {
        &self.buf[..self.scheme_len]
    }

    fn has_param(&self, name: &str) -> bool {
        self.names.iter().any(|&(start, end)| {
            self.buf.as_bytes()[start..end].eq_ignore_ascii_case(name.as_bytes())
        })
    }

    /// The field value written so far: the parts set before the first
    /// error, if there is one.
    ///
    /// ```
    /// use http_auth_headers::AuthBuilder;
    ///
    /// let b = AuthBuilder::challenge("X").param("a", "1").param("b c", "2");
    /// assert_eq!(b.as_str(), "X a=1");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.buf
    }

    /// Ends the builder and returns the field value.
    ///
    /// ```
    /// use http_auth_headers::{AuthBuilder, BuildError};
    ///
    /// assert_eq!(AuthBuilder::credentials("Negotiate").finish()?, "Negotiate");
    /// let b = AuthBuilder::challenge("X").token68("abc").param("a", "b");
    /// assert_eq!(b.finish(), Err(BuildError::Token68WithParams));
    /// # Ok::<(), BuildError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The first [`BuildError`] a part caused.
    pub fn finish(self) -> Result<String, BuildError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.buf),
        }
    }
}

/// Shows the scheme, the number of params, whether there is a token68 and
/// the first error, never a value: credentials carry secrets.
impl fmt::Debug for AuthBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthBuilder")
            .field("scheme", &self.scheme())
            .field("params", &self.params)
            .field("token68", &self.token68)
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Challenges, Credentials};

    #[test]
    fn writes_what_parses_back() {
        let v = AuthBuilder::credentials("Digest")
            .param("username", "Mufasa")
            .param("qop", "auth")
            .param("nc", "00000001")
            .finish()
            .unwrap();
        assert_eq!(v, r#"Digest username="Mufasa", qop=auth, nc=00000001"#);
        let c = Credentials::parse(&v).unwrap();
        assert_eq!(c.to_string(), v);
    }

    #[test]
    fn refuses_bad_parts() {
        let b = || AuthBuilder::challenge("X");
        let err = |b: AuthBuilder| b.finish().unwrap_err();
        assert_eq!(err(b().param("a b", "x")), BuildError::InvalidParamName);
        assert_eq!(err(b().param("a", "\0")), BuildError::InvalidValue);
        assert_eq!(err(b().token68("a=b")), BuildError::InvalidToken68);
        assert_eq!(
            err(b().token68("abc").param("a", "b")),
            BuildError::Token68WithParams
        );
        assert_eq!(
            err(b().param("a", "b").token68("abc")),
            BuildError::Token68WithParams
        );
        assert_eq!(
            err(b().param("a", "b").param("A", "c")),
            BuildError::DuplicateParam
        );
        assert_eq!(
            err(AuthBuilder::credentials("a b").param("c", "d")),
            BuildError::InvalidScheme
        );
    }

    #[test]
    fn keeps_the_first_error() {
        let b = AuthBuilder::challenge("X")
            .param("a", "1")
            .param("b", "\r")
            .token68("=")
            .param("c", "2");
        assert_eq!(b.as_str(), "X a=1");
        assert!(format!("{b:?}").contains("InvalidValue"));
        assert_eq!(b.finish(), Err(BuildError::InvalidValue));
    }

    #[test]
    fn quotes_when_needed() {
        let v = AuthBuilder::challenge("Bearer")
            .param("error", "invalid_token")
            .param("x", "a,b")
            .param("y", "")
            .param("z", "é\\")
            .finish()
            .unwrap();
        assert_eq!(v, r#"Bearer error="invalid_token", x="a,b", y="", z="é\\""#);
        let c = Challenges::parse(&v).next().unwrap().unwrap();
        assert_eq!(c.param("z").unwrap().unescaped_str().unwrap(), "é\\");
        assert_eq!(c.params().len(), 4);
    }
}
