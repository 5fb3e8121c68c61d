//! The `algorithm` and `qop` params: registered names matched ASCII
//! case-insensitively.

use core::fmt;
use core::hash::{Hash, Hasher};

use super::token_str;
use crate::param::ParamValue;

/// Hashes `name` ASCII-lowercased, as equality ignores ASCII case.
fn hash_folded<H: Hasher>(name: &str, state: &mut H) {
    name.bytes()
        .for_each(|b| state.write_u8(b.to_ascii_lowercase()));
    state.write_u8(0xff);
}

/// The case-insensitive name types: a name as written, known names
/// canonicalized to their registered spelling.
macro_rules! name_type {
    ($ty:ident, $known:ident) => {
        impl<'a> $ty<'a> {
            /// The value named `name`, ignoring ASCII case; a registered name
            /// gets its registered spelling, any other is kept as written.
            pub fn from_name(name: &'a str) -> Self {
                $known
                    .iter()
                    .find(|k| k.name.eq_ignore_ascii_case(name))
                    .copied()
                    .unwrap_or($ty { name })
            }

            /// The name: as registered for the values this version knows,
            /// as written for others.
            pub fn name(&self) -> &'a str {
                self.name
            }

            /// Reads a value: a registered name (quoted-pairs unescaped), or
            /// any other token as written.
            pub(crate) fn from_value(v: ParamValue<'a>) -> Option<Self> {
                if let Some(&known) = $known
                    .iter()
                    .find(|k| v.eq_ignore_ascii_case(k.name.as_bytes()))
                {
                    return Some(known);
                }
                token_str(v).map(|name| $ty { name })
            }
        }

        /// ASCII case-insensitive, as RFC 7616 compares these names.
        impl PartialEq for $ty<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.name.eq_ignore_ascii_case(other.name)
            }
        }

        impl Eq for $ty<'_> {}

        /// Consistent with equality: hashes the ASCII-lowercased name.
        impl Hash for $ty<'_> {
            fn hash<H: Hasher>(&self, state: &mut H) {
                hash_folded(self.name, state);
            }
        }

        impl fmt::Debug for $ty<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($ty)).field(&self.name).finish()
            }
        }

        /// Writes [`name`](Self::name).
        impl fmt::Display for $ty<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name)
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
    pub const MD5: Self = Algorithm { name: "MD5" };
    /// `MD5-sess`.
    pub const MD5_SESS: Self = Algorithm { name: "MD5-sess" };
    /// `SHA-256`.
    pub const SHA_256: Self = Algorithm { name: "SHA-256" };
    /// `SHA-256-sess`.
    pub const SHA_256_SESS: Self = Algorithm {
        name: "SHA-256-sess",
    };
    /// `SHA-512-256`: FIPS 180-4 SHA-512/256 (not a truncated SHA-512).
    pub const SHA_512_256: Self = Algorithm {
        name: "SHA-512-256",
    };
    /// `SHA-512-256-sess`.
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

name_type!(Algorithm, ALGORITHMS);

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
    pub const AUTH: Self = Qop { name: "auth" };
    /// `auth-int`: authentication with integrity protection of the body.
    pub const AUTH_INT: Self = Qop { name: "auth-int" };
}

/// The qop values this version knows.
const QOPS: [Qop<'static>; 2] = [Qop::AUTH, Qop::AUTH_INT];

name_type!(Qop, QOPS);
