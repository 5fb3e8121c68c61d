//! The `algorithm` and `qop` params: registered names matched ASCII
//! case-insensitively.

use super::token_str;
use crate::param::ParamValue;

/// Reading a Digest name type from a param value.
macro_rules! from_value {
    ($ty:ident, $known:expr, $($example:tt)*) => {
        crate::scheme::case_insensitive_name!($ty, $known, $($example)*);

        impl<'a> $ty<'a> {
            /// Reads a value: a registered name (quoted-pairs unescaped), or
            /// any other token as written.
            pub(crate) fn from_value(v: ParamValue<'a>) -> Option<Self> {
                if let Some(known) = $known
                    .into_iter()
                    .find(|k| v.eq_ignore_ascii_case(k.name.as_bytes()))
                {
                    return Some(known);
                }
                token_str(v).map(|name| $ty { name })
            }
        }
    };
}

/// A Digest hash algorithm (RFC 7616 section 3.3, the IANA "Hash Algorithms
/// for HTTP Digest Authentication" registry), matched ASCII
/// case-insensitively. The default, when a challenge or credentials has no
/// `algorithm`, is [`MD5`](Self::MD5).
///
/// An opaque name with associated constants for the registered ones, as
/// `http::Method` has: a name this crate does not know yet is kept as
/// written and compares equal to the constant a later version adds.
///
/// ```
/// use http_auth_headers::scheme::digest::Algorithm;
///
/// assert_eq!(Algorithm::from_name("sha-256-SESS"), Algorithm::SHA_256_SESS);
/// assert_eq!(Algorithm::from_name("sha-256-SESS").name(), "SHA-256-sess");
/// assert!(Algorithm::SHA_256_SESS.is_session());
/// assert_eq!(Algorithm::from_name("SHA3").name(), "SHA3");
/// assert_eq!(Algorithm::from_name("SHA3"), Algorithm::from_name("sha3"));
/// assert_eq!(Algorithm::default(), Algorithm::MD5);
/// ```
#[derive(Clone, Copy)]
pub struct Algorithm<'a> {
    name: &'a str,
}

impl Algorithm<'static> {
    /// `MD5`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::Algorithm;
    ///
    /// assert_eq!(Algorithm::from_name("md5"), Algorithm::MD5);
    /// ```
    pub const MD5: Self = Algorithm { name: "MD5" };
    /// `MD5-sess`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::Algorithm;
    ///
    /// assert_eq!(Algorithm::from_name("md5-SESS"), Algorithm::MD5_SESS);
    /// ```
    pub const MD5_SESS: Self = Algorithm { name: "MD5-sess" };
    /// `SHA-256`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::Algorithm;
    ///
    /// assert_eq!(Algorithm::from_name("sha-256"), Algorithm::SHA_256);
    /// ```
    pub const SHA_256: Self = Algorithm { name: "SHA-256" };
    /// `SHA-256-sess`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::Algorithm;
    ///
    /// assert_eq!(Algorithm::from_name("sha-256-SESS"), Algorithm::SHA_256_SESS);
    /// ```
    pub const SHA_256_SESS: Self = Algorithm {
        name: "SHA-256-sess",
    };
    /// `SHA-512-256`: FIPS 180-4 SHA-512/256 (not a truncated SHA-512).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::Algorithm;
    ///
    /// assert_eq!(Algorithm::from_name("sha-512-256"), Algorithm::SHA_512_256);
    /// ```
    pub const SHA_512_256: Self = Algorithm {
        name: "SHA-512-256",
    };
    /// `SHA-512-256-sess`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::Algorithm;
    ///
    /// assert_eq!(Algorithm::from_name("sha-512-256-SESS"), Algorithm::SHA_512_256_SESS);
    /// ```
    pub const SHA_512_256_SESS: Self = Algorithm {
        name: "SHA-512-256-sess",
    };
}

/// The registered algorithms this version knows.
pub(super) const ALGORITHMS: [Algorithm<'static>; 6] = [
    Algorithm::MD5,
    Algorithm::MD5_SESS,
    Algorithm::SHA_256,
    Algorithm::SHA_256_SESS,
    Algorithm::SHA_512_256,
    Algorithm::SHA_512_256_SESS,
];

from_value!(
    Algorithm,
    ALGORITHMS,
    "http_auth_headers::scheme::digest::Algorithm",
    SHA_256_SESS,
    "sha-256-SESS",
    "SHA-256-sess"
);

impl Algorithm<'_> {
    /// Whether this is a `-sess` variant, whose A1 includes the nonce and
    /// cnonce (RFC 7616 section 3.4.2): any name ending in `-sess` (any
    /// case) after at least one other character.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::Algorithm;
    ///
    /// assert!(Algorithm::MD5_SESS.is_session() && !Algorithm::MD5.is_session());
    /// assert!(Algorithm::from_name("X-SESS").is_session());
    /// ```
    pub fn is_session(&self) -> bool {
        let name = self.name.as_bytes();
        name.len() > 5
            && name
                .get(name.len() - 5..)
                .is_some_and(|s| s.eq_ignore_ascii_case(b"-sess"))
    }
}

impl Default for Algorithm<'_> {
    fn default() -> Self {
        Algorithm::MD5
    }
}

/// A quality of protection (RFC 7616 section 3.3), matched ASCII
/// case-insensitively; opaque like [`Algorithm`], with a constant for each
/// registered value.
///
/// ```
/// use http_auth_headers::scheme::digest::Qop;
///
/// assert_eq!(Qop::from_name("AUTH-INT"), Qop::AUTH_INT);
/// assert_eq!(Qop::from_name("AUTH-INT").name(), "auth-int");
/// assert_eq!(Qop::from_name("x-auth").name(), "x-auth");
/// assert_ne!(Qop::from_name("x-auth"), Qop::AUTH);
/// ```
#[derive(Clone, Copy)]
pub struct Qop<'a> {
    name: &'a str,
}

impl Qop<'static> {
    /// `auth`: authentication only.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::Qop;
    ///
    /// assert_eq!(Qop::from_name("AUTH"), Qop::AUTH);
    /// ```
    pub const AUTH: Self = Qop { name: "auth" };
    /// `auth-int`: authentication with integrity protection of the body.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::Qop;
    ///
    /// assert_eq!(Qop::from_name("AUTH-INT"), Qop::AUTH_INT);
    /// ```
    pub const AUTH_INT: Self = Qop { name: "auth-int" };
}

/// The qop values this version knows.
const QOPS: [Qop<'static>; 2] = [Qop::AUTH, Qop::AUTH_INT];

from_value!(
    Qop,
    QOPS,
    "http_auth_headers::scheme::digest::Qop",
    AUTH_INT,
    "Auth-Int",
    "auth-int"
);
