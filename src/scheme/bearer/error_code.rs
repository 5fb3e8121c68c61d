//! The `error` attribute of Bearer and DPoP challenges.

use core::fmt;

use crate::param::ParamValue;

/// The `error` attribute of a Bearer or DPoP challenge (RFC 6750 section
/// 3.1, RFC 9449 sections 7.1 and 9).
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::bearer::{DpopChallenge, ErrorCode};
///
/// let c = Challenges::new(r#"DPoP error="use_dpop_nonce""#).next().unwrap()?;
/// let e = DpopChallenge::try_from(&c)?.error().unwrap();
/// assert_eq!(e, ErrorCode::UseDpopNonce);
/// assert_eq!(e.as_str(), Some("use_dpop_nonce"));
///
/// let c = Challenges::new("DPoP error=server_busy").next().unwrap()?;
/// let e = DpopChallenge::try_from(&c)?.error().unwrap();
/// assert!(matches!(e, ErrorCode::Other(v) if v == "server_busy"));
/// assert_eq!(e.to_string(), "server_busy");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorCode<'a> {
    /// `invalid_request`: the request is malformed (HTTP 400).
    InvalidRequest,
    /// `invalid_token`: the access token is expired, revoked, malformed or
    /// otherwise invalid (HTTP 401).
    InvalidToken,
    /// `insufficient_scope`: the request needs more privileges than the
    /// access token grants (HTTP 403).
    InsufficientScope,
    /// `use_dpop_nonce`: the DPoP proof must carry the server's nonce, sent
    /// in the `DPoP-Nonce` field (RFC 9449 section 9).
    UseDpopNonce,
    /// `invalid_dpop_proof`: the DPoP proof is invalid (RFC 9449 section 7.1).
    InvalidDpopProof,
    /// Another code, kept as written. Codes this crate learns later move
    /// out of `Other` into their own variant.
    Other(ParamValue<'a>),
}

impl<'a> ErrorCode<'a> {
    pub(super) const KNOWN: [(&'static str, ErrorCode<'static>); 5] = [
        ("invalid_request", ErrorCode::InvalidRequest),
        ("invalid_token", ErrorCode::InvalidToken),
        ("insufficient_scope", ErrorCode::InsufficientScope),
        ("use_dpop_nonce", ErrorCode::UseDpopNonce),
        ("invalid_dpop_proof", ErrorCode::InvalidDpopProof),
    ];

    pub(crate) fn from_value(v: ParamValue<'a>) -> Self {
        Self::KNOWN
            .iter()
            .find(|(name, _)| v == *name)
            .map_or(ErrorCode::Other(v), |&(_, code)| code)
    }

    /// The code as text, without copying: `None` only for an
    /// [`Other`](Self::Other) code written with backslash escapes (its
    /// [`Display`](fmt::Display) form still gives the text).
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::InsufficientScope.as_str(), Some("insufficient_scope"));
    /// ```
    pub fn as_str(&self) -> Option<&'a str> {
        match self {
            ErrorCode::Other(v) => v.as_str(),
            known => Self::KNOWN
                .iter()
                .find(|(_, code)| code == known)
                .map(|&(name, _)| name),
        }
    }
}

/// Writes the code as text (unescaped).
impl fmt::Display for ErrorCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Checked: printable ASCII only.
            ErrorCode::Other(v) => v
                .bytes()
                .try_for_each(|b| fmt::Write::write_char(f, b.into())),
            known => f.write_str(known.as_str().unwrap_or_default()),
        }
    }
}
