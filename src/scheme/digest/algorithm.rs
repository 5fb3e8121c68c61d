//! The `algorithm` param.

use core::fmt;

use super::token_str;
use crate::param::ParamValue;

/// for HTTP Digest Authentication" registry), matched ASCII
/// case-insensitively. The default, when a challenge or credentials has no
/// `algorithm`, is [`Md5`](Self::Md5).
///
/// ```
/// use http_auth_headers::scheme::digest::Algorithm;
///
/// assert_eq!(Algorithm::from_name("sha-256-SESS"), Algorithm::Sha256Sess);
/// assert_eq!(Algorithm::Sha256Sess.name(), "SHA-256-sess");
/// assert!(Algorithm::Sha256Sess.is_session());
/// assert_eq!(Algorithm::from_name("SHA3"), Algorithm::Other("SHA3"));
/// assert_eq!(Algorithm::default(), Algorithm::Md5);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Algorithm<'a> {
    /// `MD5`.
    #[default]
    Md5,
    /// `MD5-sess`.
    Md5Sess,
    /// `SHA-256`.
    Sha256,
    /// `SHA-256-sess`.
    Sha256Sess,
    /// `SHA-512-256`: FIPS 180-4 SHA-512/256 (not a truncated SHA-512).
    Sha512_256,
    /// `SHA-512-256-sess`.
    Sha512_256Sess,
    /// Any other algorithm, as written (a token). Section 3.3: a client
    /// SHOULD ignore a challenge whose algorithm it does not understand.
    Other(&'a str),
}

pub(super) const ALGORITHMS: [(Algorithm<'static>, &str); 6] = [
    (Algorithm::Md5, "MD5"),
    (Algorithm::Md5Sess, "MD5-sess"),
    (Algorithm::Sha256, "SHA-256"),
    (Algorithm::Sha256Sess, "SHA-256-sess"),
    (Algorithm::Sha512_256, "SHA-512-256"),
    (Algorithm::Sha512_256Sess, "SHA-512-256-sess"),
];

impl<'a> Algorithm<'a> {
    /// The algorithm named `name`, ignoring ASCII case; [`Other`](Self::Other)
    /// when it is none of the registered ones.
    pub fn from_name(name: &'a str) -> Self {
        ALGORITHMS
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(name))
            .map_or(Algorithm::Other(name), |&(a, _)| a)
    }

    /// The name as registered (`MD5`, `SHA-256-sess`, …), or as written for
    /// [`Other`](Self::Other).
    pub fn name(&self) -> &'a str {
        match self {
            Algorithm::Other(name) => name,
            known => ALGORITHMS
                .iter()
                .find(|(a, _)| a == known)
                .map_or("", |&(_, n)| n),
        }
    }

    /// Whether this is a `-sess` variant, whose A1 includes the nonce and
    /// cnonce (RFC 7616 section 3.4.2).
    pub fn is_session(&self) -> bool {
        let name = self.name().as_bytes();
        name.len() > 5
            && name
                .get(name.len() - 5..)
                .is_some_and(|s| s.eq_ignore_ascii_case(b"-sess"))
    }

    pub(crate) fn from_value(v: ParamValue<'a>) -> Option<Self> {
        if let Some(&(a, _)) = ALGORITHMS
            .iter()
            .find(|(_, n)| v.eq_ignore_ascii_case(n.as_bytes()))
        {
            return Some(a);
        }
        token_str(v).map(Algorithm::Other)
    }
}

/// Writes [`name`](Algorithm::name).
impl fmt::Display for Algorithm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
