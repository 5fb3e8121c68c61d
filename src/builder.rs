//! Writing a challenge or credentials of any scheme, validated as it is built.

use alloc::string::String;
use core::fmt;

use crate::item::{must_quote, Role};
use crate::syntax;

/// Why a [`AuthBuilder`] refused a part: the value it would write is not
/// allowed by the grammar (RFC 9110 section 11) or by the scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
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
/// Values are written as a token where the grammar allows it and as a
/// quoted-string otherwise, except that the params whose specification
/// requires quotes from senders are always quoted (see
/// [`Challenge`](crate::Challenge)'s `Display`).
///
/// ```
/// use http_auth_headers::{AuthBuilder, BuildError, Challenges};
///
/// let value = AuthBuilder::challenge("Newauth")?
///     .param("realm", "apps")?
///     .param("type", "1")?
///     .param("title", "Login to \"apps\"")?
///     .finish();
/// assert_eq!(value, r#"Newauth realm="apps", type=1, title="Login to \"apps\"""#);
/// let parsed = Challenges::parse(&value).next().unwrap()?;
/// assert_eq!(parsed.param("title").unwrap().unescaped_str()?, "Login to \"apps\"");
///
/// assert_eq!(AuthBuilder::challenge("New auth").unwrap_err(), BuildError::InvalidScheme);
/// let bad = AuthBuilder::credentials("X")?.param("a", "line\r\nbreak");
/// assert_eq!(bad.unwrap_err(), BuildError::InvalidValue);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct AuthBuilder {
    buf: String,
    role: Role,
    scheme_len: usize,
    params: usize,
    /// Where each written param name is in `buf`, to find repeats without
    /// reading the params back.
    names: alloc::vec::Vec<(usize, usize)>,
    token68: bool,
}

impl AuthBuilder {
    /// Starts a challenge of `scheme`.
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidScheme`] when `scheme` is not a token.
    pub fn challenge(scheme: &str) -> Result<Self, BuildError> {
        Self::start(scheme, Role::Challenge)
    }

    /// Starts credentials of `scheme`.
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidScheme`] when `scheme` is not a token.
    pub fn credentials(scheme: &str) -> Result<Self, BuildError> {
        Self::start(scheme, Role::Credentials)
    }

    fn start(scheme: &str, role: Role) -> Result<Self, BuildError> {
        if !syntax::is_token(scheme.as_bytes()) {
            return Err(BuildError::InvalidScheme);
        }
        Ok(AuthBuilder {
            buf: String::from(scheme),
            role,
            scheme_len: scheme.len(),
            params: 0,
            names: alloc::vec::Vec::new(),
            token68: false,
        })
    }

    /// Sets the token68 (there can be only one, and no params with it).
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidToken68`] when `token68` is not one;
    /// [`BuildError::Token68WithParams`] when a token68 or params are already set.
    pub fn token68(mut self, token68: &str) -> Result<Self, BuildError> {
        if !syntax::is_token68(token68.as_bytes()) {
            return Err(BuildError::InvalidToken68);
        }
        if self.token68 || self.params > 0 {
            return Err(BuildError::Token68WithParams);
        }
        self.buf.push(' ');
        self.buf.push_str(token68);
        self.token68 = true;
        Ok(self)
    }

    /// Adds the param `name=value`, quoting `value` when needed.
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidParamName`], [`BuildError::DuplicateParam`],
    /// [`BuildError::InvalidValue`] (a control character), or
    /// [`BuildError::Token68WithParams`].
    pub fn param(self, name: &str, value: &str) -> Result<Self, BuildError> {
        let quote = must_quote(self.role, self.scheme().as_bytes(), name.as_bytes());
        self.push_param(name, value, quote)
    }

    /// Adds the param `name="value"`, quoted even when `value` is a token.
    ///
    /// # Errors
    ///
    /// As [`param`](Self::param).
    pub fn quoted_param(self, name: &str, value: &str) -> Result<Self, BuildError> {
        self.push_param(name, value, true)
    }

    fn push_param(mut self, name: &str, value: &str, quote: bool) -> Result<Self, BuildError> {
        if !syntax::is_token(name.as_bytes()) {
            return Err(BuildError::InvalidParamName);
        }
        if !syntax::is_quotable(value.as_bytes()) {
            return Err(BuildError::InvalidValue);
        }
        if self.token68 {
            return Err(BuildError::Token68WithParams);
        }
        if self.has_param(name) {
            return Err(BuildError::DuplicateParam);
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
        Ok(self)
    }

    /// The scheme this builder writes.
    pub fn scheme(&self) -> &str {
        &self.buf[..self.scheme_len]
    }

    fn has_param(&self, name: &str) -> bool {
        self.names.iter().any(|&(start, end)| {
            self.buf.as_bytes()[start..end].eq_ignore_ascii_case(name.as_bytes())
        })
    }

    /// The field value written so far.
    pub fn as_str(&self) -> &str {
        &self.buf
    }

    /// Ends the builder and returns the field value.
    pub fn finish(self) -> String {
        self.buf
    }
}

/// Shows the scheme and the param names only: credentials carry secrets.
impl fmt::Debug for AuthBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthBuilder")
            .field("scheme", &self.scheme())
            .field("params", &self.params)
            .field("token68", &self.token68)
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
            .unwrap()
            .param("username", "Mufasa")
            .unwrap()
            .param("qop", "auth")
            .unwrap()
            .param("nc", "00000001")
            .unwrap()
            .finish();
        assert_eq!(v, r#"Digest username="Mufasa", qop=auth, nc=00000001"#);
        let c = Credentials::parse(&v).unwrap();
        assert_eq!(c.to_string(), v);
    }

    #[test]
    fn refuses_bad_parts() {
        let b = || AuthBuilder::challenge("X").unwrap();
        assert_eq!(
            b().param("a b", "x").unwrap_err(),
            BuildError::InvalidParamName
        );
        assert_eq!(b().param("a", "\0").unwrap_err(), BuildError::InvalidValue);
        assert_eq!(b().token68("a=b").unwrap_err(), BuildError::InvalidToken68);
        assert_eq!(
            b().token68("abc").unwrap().param("a", "b").unwrap_err(),
            BuildError::Token68WithParams
        );
        assert_eq!(
            b().param("a", "b").unwrap().token68("abc").unwrap_err(),
            BuildError::Token68WithParams
        );
        assert_eq!(
            b().param("a", "b").unwrap().param("A", "c").unwrap_err(),
            BuildError::DuplicateParam
        );
    }

    #[test]
    fn quotes_when_needed() {
        let v = AuthBuilder::challenge("Bearer")
            .unwrap()
            .param("error", "invalid_token")
            .unwrap()
            .param("x", "a,b")
            .unwrap()
            .param("y", "")
            .unwrap()
            .param("z", "é\\")
            .unwrap()
            .finish();
        assert_eq!(v, r#"Bearer error="invalid_token", x="a,b", y="", z="é\\""#);
        let c = Challenges::parse(&v).next().unwrap().unwrap();
        assert_eq!(c.param("z").unwrap().unescaped_str().unwrap(), "é\\");
        assert_eq!(c.params().len(), 4);
    }
}
