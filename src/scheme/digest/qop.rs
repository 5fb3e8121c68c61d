//! The `qop` param.

use core::fmt;

use super::token_str;
use crate::param::ParamValue;

/// A quality of protection (RFC 7616 section 3.3), matched ASCII
/// case-insensitively.
///
/// ```
/// use http_auth_headers::scheme::digest::Qop;
///
/// assert_eq!(Qop::from_name("AUTH-INT"), Qop::AuthInt);
/// assert_eq!(Qop::AuthInt.name(), "auth-int");
/// assert_eq!(Qop::from_name("x-auth"), Qop::Other("x-auth"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Qop<'a> {
    /// `auth`: authentication only.
    Auth,
    /// `auth-int`: authentication with integrity protection of the body.
    AuthInt,
    /// Any other value, as written (a token). Clients MUST ignore options
    /// they do not recognize (section 3.3).
    Other(&'a str),
}

impl<'a> Qop<'a> {
    /// The qop named `name`, ignoring ASCII case.
    pub fn from_name(name: &'a str) -> Self {
        if name.eq_ignore_ascii_case("auth") {
            Qop::Auth
        } else if name.eq_ignore_ascii_case("auth-int") {
            Qop::AuthInt
        } else {
            Qop::Other(name)
        }
    }

    /// `auth`, `auth-int`, or the name as written.
    pub fn name(&self) -> &'a str {
        match self {
            Qop::Auth => "auth",
            Qop::AuthInt => "auth-int",
            Qop::Other(name) => name,
        }
    }

    pub(crate) fn from_value(v: ParamValue<'a>) -> Option<Self> {
        if v.eq_ignore_ascii_case(b"auth") {
            Some(Qop::Auth)
        } else if v.eq_ignore_ascii_case(b"auth-int") {
            Some(Qop::AuthInt)
        } else {
            token_str(v).map(Qop::Other)
        }
    }
}

/// Writes [`name`](Qop::name).
impl fmt::Display for Qop<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
