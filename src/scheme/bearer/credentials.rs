//! Bearer and DPoP credentials: the access token.

use core::fmt;

#[cfg(feature = "alloc")]
use super::{BearerCredentialsBuilder, DpopCredentialsBuilder};
use crate::redact::{ct_eq, Redacted};
use crate::scheme::SchemeError;
use crate::Credentials;

/// Checks that `c` holds an access token of `scheme`: a token68, which the
/// grammar already checked (it is exactly a `b64token`).
fn check(c: &Credentials<'_>, scheme: &'static str) -> Result<(), SchemeError> {
    if !c.is_scheme(scheme) {
        return Err(SchemeError::WrongScheme(scheme));
    }
    c.token68().map(|_| ()).ok_or(SchemeError::ExpectedToken68)
}

/// Both credential views: the token accessor, the constant-time checks,
/// `TryFrom`, redacted `Debug`.
macro_rules! token_view {
    ($view:ident, $scheme:literal) => {
        impl<'a> $view<'a> {
            /// The access token, case-sensitive. To check it, prefer
            /// [`token_matches`](Self::token_matches).
            ///
            /// ```
            /// use http_auth_headers::Credentials;
            #[doc = concat!("use http_auth_headers::scheme::bearer::", stringify!($view), ";")]
            ///
            #[doc = concat!("let c = Credentials::parse(\"", $scheme, " abc.def\")?;")]
            #[doc = concat!("let v = ", stringify!($view), "::try_from(&c)?;")]
            /// assert_eq!(v.token(), "abc.def");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn token(&self) -> &str {
                // Checked in `try_from`: the credentials have a token68.
                self.credentials.token68().unwrap_or_default()
            }

            /// Whether the access token is `expected`, compared in constant
            /// time: the time taken depends on the lengths, not on where
            /// the tokens differ (see [the scheme docs](crate::scheme#checking-credentials-safely)).
            ///
            /// ```
            /// use http_auth_headers::Credentials;
            #[doc = concat!("use http_auth_headers::scheme::bearer::", stringify!($view), ";")]
            ///
            #[doc = concat!("let c = Credentials::parse(\"", $scheme, " abc.def\")?;")]
            #[doc = concat!("let v = ", stringify!($view), "::try_from(&c)?;")]
            /// assert!(v.token_matches("abc.def") && !v.token_matches("abc.dEf"));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn token_matches(&self, expected: &str) -> bool {
                ct_eq(self.token().as_bytes(), expected.as_bytes()).into()
            }

            /// The generic credentials this view reads.
            ///
            /// ```
            /// use http_auth_headers::Credentials;
            #[doc = concat!("use http_auth_headers::scheme::bearer::", stringify!($view), ";")]
            ///
            #[doc = concat!("let c = Credentials::parse(\"", $scheme, " abc.def\")?;")]
            #[doc = concat!("let v = ", stringify!($view), "::try_from(&c)?;")]
            /// assert_eq!(v.as_credentials().token68(), Some("abc.def"));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn as_credentials(&self) -> &Credentials<'a> {
                &self.credentials
            }
        }

        impl<'a> TryFrom<Credentials<'a>> for $view<'a> {
            type Error = SchemeError;

            fn try_from(credentials: Credentials<'a>) -> Result<Self, SchemeError> {
                check(&credentials, $scheme)?;
                Ok($view { credentials })
            }
        }

        crate::scheme::try_from_ref!($view, Credentials);

        /// Compares the tokens in constant time, as
        /// [`token_matches`](Self::token_matches) does.
        impl PartialEq for $view<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.token_matches(other.token())
            }
        }

        impl Eq for $view<'_> {}

        /// Writes `<name> { token: <redacted> }`.
        impl fmt::Debug for $view<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($view))
                    .field("token", &Redacted)
                    .finish()
            }
        }
    };
}

/// Bearer credentials (RFC 6750 section 2.1): `Bearer <b64token>`.
///
/// `Debug` does not show the token, and equality compares it in constant
/// time; there is no `Hash`, which would read the token in time that
/// depends on it.
///
/// ```
/// use http_auth_headers::Credentials;
/// use http_auth_headers::scheme::SchemeError;
/// use http_auth_headers::scheme::bearer::BearerCredentials;
///
/// let c = Credentials::parse("Bearer mF_9.B5f-4.1JqM")?;
/// let bearer = BearerCredentials::try_from(&c)?;
/// assert_eq!(bearer.token(), "mF_9.B5f-4.1JqM");
/// assert!(bearer.token_matches("mF_9.B5f-4.1JqM"));
/// assert!(!bearer.token_matches("mF_9.B5f-4.1Jqm"));
/// assert_eq!(format!("{bearer:?}"), "BearerCredentials { token: <redacted> }");
///
/// let c = Credentials::parse("Bearer token=abc")?;
/// assert_eq!(BearerCredentials::try_from(c), Err(SchemeError::ExpectedToken68));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct BearerCredentials<'a> {
    credentials: Credentials<'a>,
}

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
impl BearerCredentials<'_> {
    /// The same view, owning its bytes, so that it can be kept past the
    /// input (across requests, or `.await` points).
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::bearer::BearerCredentials;
    ///
    /// let kept: BearerCredentials<'static> = {
    ///     let received = String::from(r#"Bearer abc"#);
    ///     BearerCredentials::try_from(Credentials::parse(&received)?)?.into_owned()
    /// };
    /// assert_eq!(kept.token(), "abc");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_owned(self) -> BearerCredentials<'static> {
        BearerCredentials {
            credentials: self.credentials.into_owned(),
        }
    }
}

token_view!(BearerCredentials, "Bearer");

impl BearerCredentials<'_> {
    /// Starts writing `Bearer <token>`.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::BearerCredentials;
    ///
    /// assert_eq!(BearerCredentials::builder("mF_9.B5f-4.1JqM").finish()?, "Bearer mF_9.B5f-4.1JqM");
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder(token: &str) -> BearerCredentialsBuilder<'_> {
        BearerCredentialsBuilder::new(token)
    }
}

/// DPoP credentials (RFC 9449 section 7.1): `DPoP <token68>`, the
/// DPoP-bound access token. The proof itself travels in the `DPoP` field.
///
/// `Debug` does not show the token, and equality compares it in constant
/// time; there is no `Hash`.
///
/// ```
/// use http_auth_headers::Credentials;
/// use http_auth_headers::scheme::bearer::DpopCredentials;
///
/// let c = Credentials::parse("DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU")?;
/// let dpop = DpopCredentials::try_from(&c)?;
/// assert_eq!(dpop.token(), "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU");
/// assert!(dpop.token_matches("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"));
/// assert!(!format!("{dpop:?}").contains("Kz~8"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct DpopCredentials<'a> {
    credentials: Credentials<'a>,
}

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
impl DpopCredentials<'_> {
    /// The same view, owning its bytes, so that it can be kept past the
    /// input (across requests, or `.await` points).
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::bearer::DpopCredentials;
    ///
    /// let kept: DpopCredentials<'static> = {
    ///     let received = String::from(r#"DPoP abc"#);
    ///     DpopCredentials::try_from(Credentials::parse(&received)?)?.into_owned()
    /// };
    /// assert_eq!(kept.token(), "abc");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_owned(self) -> DpopCredentials<'static> {
        DpopCredentials {
            credentials: self.credentials.into_owned(),
        }
    }
}

token_view!(DpopCredentials, "DPoP");

impl DpopCredentials<'_> {
    /// Starts writing `DPoP <token>`.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::DpopCredentials;
    ///
    /// assert_eq!(DpopCredentials::builder("Kz~8mXK1").finish()?, "DPoP Kz~8mXK1");
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder(token: &str) -> DpopCredentialsBuilder<'_> {
        DpopCredentialsBuilder::new(token)
    }
}
