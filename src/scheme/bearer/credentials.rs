//! Bearer and DPoP credentials: the access token.

#[cfg(feature = "alloc")]
use alloc::string::String;
use core::fmt;

#[cfg(feature = "alloc")]
use crate::builder::{AuthBuilder, BuildError};
use crate::redact::Redacted;
use crate::scheme::SchemeError;
use crate::Credentials;

/// Reads the token68 of `c` as the access token of `scheme`.
fn access_token<'a>(c: &Credentials<'a>, scheme: &'static str) -> Result<&'a str, SchemeError> {
    if !c.is_scheme(scheme) {
        return Err(SchemeError::WrongScheme(scheme));
    }
    // The grammar checked it: a token68 is exactly a b64token.
    c.token68().ok_or(SchemeError::ExpectedToken68)
}

#[cfg(feature = "alloc")]
fn write_token(scheme: &str, token: &str) -> Result<String, BuildError> {
    Ok(AuthBuilder::credentials(scheme)?.token68(token)?.finish())
}

/// Writes `<name> { token: <redacted> }`.
fn debug_token(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    f.debug_struct(name).field("token", &Redacted).finish()
}

/// Bearer credentials (RFC 6750 section 2.1): `Bearer <b64token>`, the
/// access token borrowed from the parsed input.
///
/// `Debug` does not show the token.
///
/// ```
/// use http_auth_headers::Credentials;
/// use http_auth_headers::scheme::SchemeError;
/// use http_auth_headers::scheme::bearer::BearerCredentials;
///
/// let c = Credentials::parse("Bearer mF_9.B5f-4.1JqM")?;
/// let bearer = BearerCredentials::try_from(&c)?;
/// assert_eq!(bearer.token(), "mF_9.B5f-4.1JqM");
/// assert_eq!(format!("{bearer:?}"), "BearerCredentials { token: <redacted> }");
///
/// let c = Credentials::parse("Bearer token=abc")?;
/// assert_eq!(BearerCredentials::try_from(&c), Err(SchemeError::ExpectedToken68));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct BearerCredentials<'a> {
    token: &'a str,
}

impl<'a> BearerCredentials<'a> {
    /// The access token, case-sensitive.
    pub fn token(&self) -> &'a str {
        self.token
    }

    /// Writes `Bearer <token>`.
    ///
    /// ```
    /// use http_auth_headers::BuildError;
    /// use http_auth_headers::scheme::bearer::BearerCredentials;
    ///
    /// assert_eq!(BearerCredentials::write("mF_9.B5f-4.1JqM")?, "Bearer mF_9.B5f-4.1JqM");
    /// assert_eq!(BearerCredentials::write("a b"), Err(BuildError::InvalidToken68));
    /// # Ok::<(), BuildError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidToken68`] when `token` is not a b64token.
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn write(token: &str) -> Result<String, BuildError> {
        write_token("Bearer", token)
    }
}

impl<'a> TryFrom<&Credentials<'a>> for BearerCredentials<'a> {
    type Error = SchemeError;

    fn try_from(c: &Credentials<'a>) -> Result<Self, SchemeError> {
        access_token(c, "Bearer").map(|token| BearerCredentials { token })
    }
}

impl fmt::Debug for BearerCredentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_token(f, "BearerCredentials")
    }
}

/// DPoP credentials (RFC 9449 section 7.1): `DPoP <token68>`, the
/// DPoP-bound access token borrowed from the parsed input. The proof itself
/// travels in the `DPoP` field.
///
/// `Debug` does not show the token.
///
/// ```
/// use http_auth_headers::Credentials;
/// use http_auth_headers::scheme::bearer::DpopCredentials;
///
/// let c = Credentials::parse("DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU")?;
/// let dpop = DpopCredentials::try_from(&c)?;
/// assert_eq!(dpop.token(), "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU");
/// assert!(!format!("{dpop:?}").contains("Kz~8"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct DpopCredentials<'a> {
    token: &'a str,
}

impl<'a> DpopCredentials<'a> {
    /// The access token, case-sensitive.
    pub fn token(&self) -> &'a str {
        self.token
    }

    /// Writes `DPoP <token>`.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::DpopCredentials;
    ///
    /// assert_eq!(DpopCredentials::write("Kz~8mXK1")?, "DPoP Kz~8mXK1");
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidToken68`] when `token` is not a token68.
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn write(token: &str) -> Result<String, BuildError> {
        write_token("DPoP", token)
    }
}

impl<'a> TryFrom<&Credentials<'a>> for DpopCredentials<'a> {
    type Error = SchemeError;

    fn try_from(c: &Credentials<'a>) -> Result<Self, SchemeError> {
        access_token(c, "DPoP").map(|token| DpopCredentials { token })
    }
}

impl fmt::Debug for DpopCredentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_token(f, "DpopCredentials")
    }
}
