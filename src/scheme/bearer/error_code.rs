//! The `error` attribute of Bearer and DPoP challenges.

use core::fmt;
use core::hash::{Hash, Hasher};

use crate::param::ParamValue;
use crate::syntax::RawValue;

/// The `error` attribute of a Bearer or DPoP challenge (RFC 6750 section
/// 3.1, RFC 9449 sections 7.1 and 9, RFC 9470 section 3).
///
/// An opaque code with associated constants for the registered ones, as
/// `http::Method` has: a code this crate does not know yet is kept as
/// written and compares equal to the constant a later version adds, so
/// upgrading never changes what a comparison means. Codes are compared
/// case-sensitively, on their unescaped text, as OAuth 2.0 defines them.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::bearer::{DpopChallenge, ErrorCode};
///
/// let c = Challenges::parse(r#"DPoP error="use_dpop_nonce""#).next().unwrap()?;
/// let dpop = DpopChallenge::try_from(c)?;
/// let e = dpop.error().unwrap();
/// assert_eq!(e, ErrorCode::USE_DPOP_NONCE);
/// assert_eq!(e.as_str(), Some("use_dpop_nonce"));
///
/// let c = Challenges::parse("DPoP error=server_busy").next().unwrap()?;
/// let dpop = DpopChallenge::try_from(c)?;
/// let e = dpop.error().unwrap();
/// assert_eq!(e, ErrorCode::new("server_busy"));
/// assert_eq!(e, "server_busy");
/// assert_ne!(e, ErrorCode::new("Server_Busy"));
/// assert_eq!(e.to_string(), "server_busy");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct ErrorCode<'a>(ParamValue<'a>);

/// A registered code, as a constant.
const fn registered(name: &'static str) -> ErrorCode<'static> {
    ErrorCode(ParamValue::from_raw(RawValue {
        raw: name.as_bytes(),
        quoted: false,
        escaped: false,
    }))
}

impl ErrorCode<'static> {
    /// `invalid_request`: the request is malformed (HTTP 400; RFC 6750
    /// section 3.1).
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::INVALID_REQUEST, "invalid_request");
    /// ```
    pub const INVALID_REQUEST: Self = registered("invalid_request");
    /// `invalid_token`: the access token is expired, revoked, malformed or
    /// otherwise invalid (HTTP 401; RFC 6750 section 3.1).
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::INVALID_TOKEN, "invalid_token");
    /// ```
    pub const INVALID_TOKEN: Self = registered("invalid_token");
    /// `insufficient_scope`: the request needs more privileges than the
    /// access token grants (HTTP 403; RFC 6750 section 3.1).
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::INSUFFICIENT_SCOPE, "insufficient_scope");
    /// ```
    pub const INSUFFICIENT_SCOPE: Self = registered("insufficient_scope");
    /// `use_dpop_nonce`: the DPoP proof must carry the server's nonce, sent
    /// in the `DPoP-Nonce` field (RFC 9449 section 9).
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::USE_DPOP_NONCE, "use_dpop_nonce");
    /// ```
    pub const USE_DPOP_NONCE: Self = registered("use_dpop_nonce");
    /// `invalid_dpop_proof`: the DPoP proof is invalid (RFC 9449 section 7.1).
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::INVALID_DPOP_PROOF, "invalid_dpop_proof");
    /// ```
    pub const INVALID_DPOP_PROOF: Self = registered("invalid_dpop_proof");
    /// `insufficient_user_authentication`: the authentication event behind
    /// the access token does not meet the resource's requirements (HTTP 401;
    /// RFC 9470 section 3); the challenge may say what it needs with
    /// `acr_values` and `max_age`.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::INSUFFICIENT_USER_AUTHENTICATION, "insufficient_user_authentication");
    /// ```
    pub const INSUFFICIENT_USER_AUTHENTICATION: Self =
        registered("insufficient_user_authentication");
}

/// The codes this version knows, so that [`ErrorCode::as_str`] can give
/// their text even when they were written with needless escapes.
pub(super) const KNOWN: [ErrorCode<'static>; 6] = [
    ErrorCode::INVALID_REQUEST,
    ErrorCode::INVALID_TOKEN,
    ErrorCode::INSUFFICIENT_SCOPE,
    ErrorCode::USE_DPOP_NONCE,
    ErrorCode::INVALID_DPOP_PROOF,
    ErrorCode::INSUFFICIENT_USER_AUTHENTICATION,
];

impl<'a> ErrorCode<'a> {
    /// The code `code`, as written (not checked: the views check the codes
    /// they read, the builders the codes they write).
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::new("invalid_token"), ErrorCode::INVALID_TOKEN);
    /// assert_ne!(ErrorCode::new("INVALID_TOKEN"), ErrorCode::INVALID_TOKEN);
    /// ```
    pub fn new(code: &'a str) -> Self {
        Self::from_value(ParamValue::from_raw(RawValue {
            raw: code.as_bytes(),
            quoted: false,
            escaped: false,
        }))
    }

    pub(crate) fn from_value(v: ParamValue<'a>) -> Self {
        KNOWN
            .iter()
            .find(|known| known.0 == v)
            .copied()
            .unwrap_or(ErrorCode(v))
    }

    /// The code as text, without copying: `None` only for a code this
    /// version does not know that was written with backslash escapes (its
    /// [`Display`](fmt::Display) form still gives the text).
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::INSUFFICIENT_SCOPE.as_str(), Some("insufficient_scope"));
    /// ```
    pub fn as_str(&self) -> Option<&'a str> {
        self.0.as_str()
    }
}

/// Case-sensitive, on the unescaped text.
impl PartialEq for ErrorCode<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for ErrorCode<'_> {}

impl PartialEq<str> for ErrorCode<'_> {
    fn eq(&self, other: &str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<&str> for ErrorCode<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == **other
    }
}

/// Hashes the unescaped text, as equality compares it.
impl Hash for ErrorCode<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.bytes().for_each(|b| state.write_u8(b));
        state.write_u8(0xff);
    }
}

impl fmt::Debug for ErrorCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Checked codes hold no `"` or `\`; others are escaped by `{:?}`.
        f.write_str("ErrorCode(\"")?;
        self.0
            .bytes()
            .try_for_each(|b| write!(f, "{}", char::from(b).escape_debug()))?;
        f.write_str("\")")
    }
}

/// Writes the code as text (unescaped).
impl fmt::Display for ErrorCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Checked: printable ASCII only.
        self.0
            .bytes()
            .try_for_each(|b| fmt::Write::write_char(f, b.into()))
    }
}
