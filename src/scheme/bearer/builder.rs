//! The Bearer and DPoP writers: challenges and credentials.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use super::{allowed, Class, BEARER_ATTRS, DPOP_ATTRS};
use crate::builder::{AuthBuilder, BuildError};
use crate::redact::Redacted;

/// What the two challenge builders hold: borrowed, unchecked until written.
#[derive(Clone, Debug, Default)]
struct AttrsIn<'v> {
    realm: Option<&'v str>,
    scope: Option<&'v str>,
    error: Option<&'v str>,
    error_description: Option<&'v str>,
    error_uri: Option<&'v str>,
    acr_values: Option<&'v str>,
    max_age: Option<u64>,
    extensions: Vec<(&'v str, &'v str)>,
}

impl AttrsIn<'_> {
    /// Writes `scheme` and the `defined` attributes in their order, `algs`
    /// last of them, checking each against its class; then the extension
    /// params in the order they were added.
    fn write(
        &self,
        scheme: &str,
        defined: &[(&'static str, Class)],
        algs: Option<&str>,
    ) -> Result<String, BuildError> {
        let max_age = self.max_age.map(|n| n.to_string());
        let values = [
            self.realm,
            self.scope,
            self.error,
            self.error_description,
            self.error_uri,
            self.acr_values,
            max_age.as_deref(),
            algs,
        ];
        let mut b = AuthBuilder::challenge(scheme);
        for (&(name, class), value) in defined.iter().zip(values) {
            if let Some(value) = value {
                if !allowed(class, value.bytes()) {
                    return Err(BuildError::SchemeValue(name));
                }
                b = b.param(name, value);
            }
        }
        for &(name, value) in &self.extensions {
            if defined.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
                return Err(BuildError::DuplicateParam);
            }
            // Quoted, as every Bearer and DPoP challenge param is.
            b = b.param(name, value);
        }
        b.finish()
    }
}

/// The setters both challenge builders share; `$view` and `$scheme` name
/// the view and scheme in the examples.
macro_rules! builder_setters {
    ($view:literal, $scheme:literal) => {
        /// Sets the `realm`.
        ///
        /// ```
        #[doc = concat!("use http_auth_headers::scheme::bearer::", $view, ";")]
        ///
        #[doc = concat!("let v = ", $view, "::builder().realm(\"example\").finish()?;")]
        #[doc = concat!("assert_eq!(v, r#\"", $scheme, " realm=\"example\"\"#);")]
        /// # Ok::<(), http_auth_headers::BuildError>(())
        /// ```
        pub fn realm(mut self, realm: &'v str) -> Self {
            self.attrs.realm = Some(realm);
            self
        }

        /// Sets the `scope`: scope values separated by single spaces.
        ///
        /// ```
        #[doc = concat!("use http_auth_headers::scheme::bearer::", $view, ";")]
        ///
        #[doc = concat!("let v = ", $view, "::builder().scope(\"read write\").finish()?;")]
        #[doc = concat!("assert_eq!(v, r#\"", $scheme, " scope=\"read write\"\"#);")]
        /// # Ok::<(), http_auth_headers::BuildError>(())
        /// ```
        pub fn scope(mut self, scope: &'v str) -> Self {
            self.attrs.scope = Some(scope);
            self
        }

        /// Sets the `error` code, such as `"invalid_token"`; to forward an
        /// [`ErrorCode`](super::ErrorCode), pass its
        /// [`as_str`](super::ErrorCode::as_str).
        ///
        /// ```
        #[doc = concat!("use http_auth_headers::scheme::bearer::", $view, ";")]
        ///
        #[doc = concat!("let v = ", $view, "::builder().error(\"invalid_token\").finish()?;")]
        #[doc = concat!("assert_eq!(v, r#\"", $scheme, " error=\"invalid_token\"\"#);")]
        /// # Ok::<(), http_auth_headers::BuildError>(())
        /// ```
        pub fn error(mut self, code: &'v str) -> Self {
            self.attrs.error = Some(code);
            self
        }

        /// Sets the `error_description`.
        ///
        /// ```
        #[doc = concat!("use http_auth_headers::scheme::bearer::", $view, ";")]
        ///
        #[doc = concat!("let v = ", $view, "::builder().error_description(\"expired\").finish()?;")]
        #[doc = concat!("assert_eq!(v, r#\"", $scheme, " error_description=\"expired\"\"#);")]
        /// # Ok::<(), http_auth_headers::BuildError>(())
        /// ```
        pub fn error_description(mut self, description: &'v str) -> Self {
            self.attrs.error_description = Some(description);
            self
        }

        /// Sets the `error_uri`.
        ///
        /// ```
        #[doc = concat!("use http_auth_headers::scheme::bearer::", $view, ";")]
        ///
        #[doc = concat!("let v = ", $view, "::builder().error_uri(\"https://e.example/err\").finish()?;")]
        #[doc = concat!("assert_eq!(v, r#\"", $scheme, " error_uri=\"https://e.example/err\"\"#);")]
        /// # Ok::<(), http_auth_headers::BuildError>(())
        /// ```
        pub fn error_uri(mut self, uri: &'v str) -> Self {
            self.attrs.error_uri = Some(uri);
            self
        }

        /// Sets `acr_values` (RFC 9470 section 3): authentication context
        /// class references separated by single spaces, in order of
        /// preference.
        ///
        /// ```
        #[doc = concat!("use http_auth_headers::scheme::bearer::", $view, ";")]
        ///
        #[doc = concat!("let v = ", $view, "::builder().acr_values(\"urn:mace:incommon:iap:silver\").finish()?;")]
        #[doc = concat!("assert_eq!(v, r#\"", $scheme, " acr_values=\"urn:mace:incommon:iap:silver\"\"#);")]
        /// # Ok::<(), http_auth_headers::BuildError>(())
        /// ```
        pub fn acr_values(mut self, acr_values: &'v str) -> Self {
            self.attrs.acr_values = Some(acr_values);
            self
        }

        /// Sets `max_age` (RFC 9470 section 3): the seconds that may have
        /// passed since the user last actively authenticated.
        ///
        /// ```
        #[doc = concat!("use http_auth_headers::scheme::bearer::", $view, ";")]
        ///
        #[doc = concat!("let v = ", $view, "::builder().max_age(5).finish()?;")]
        #[doc = concat!("assert_eq!(v, r#\"", $scheme, " max_age=\"5\"\"#);")]
        /// # Ok::<(), http_auth_headers::BuildError>(())
        /// ```
        pub fn max_age(mut self, seconds: u64) -> Self {
            self.attrs.max_age = Some(seconds);
            self
        }

        /// Adds an extension param, written as a quoted-string after the
        /// defined attributes, in the order added: for params other
        /// specifications define, such as RFC 9728's `resource_metadata`
        /// (which MCP servers send).
        ///
        /// [`finish`](Self::finish) refuses a `name` that is not a token
        /// ([`BuildError::InvalidParamName`]), one the scheme defines or
        /// added twice ([`BuildError::DuplicateParam`]), and a `value` with
        /// a control character ([`BuildError::InvalidValue`]).
        ///
        /// ```
        #[doc = concat!("use http_auth_headers::scheme::bearer::", $view, ";")]
        ///
        #[doc = concat!("let v = ", $view, "::builder().param(\"resource_metadata\", \"https://rs.example/m\").finish()?;")]
        #[doc = concat!("assert_eq!(v, r#\"", $scheme, " resource_metadata=\"https://rs.example/m\"\"#);")]
        /// # Ok::<(), http_auth_headers::BuildError>(())
        /// ```
        pub fn param(mut self, name: &'v str, value: &'v str) -> Self {
            self.attrs.extensions.push((name, value));
            self
        }
    };
}

/// Writes a Bearer challenge; from [`BearerChallenge::builder`](super::BearerChallenge::builder).
///
/// The setters only store their argument; [`finish`](Self::finish) checks
/// them all and writes the attributes that were set, each quoted as RFC 6750
/// section 3 does, in the order `realm`, `scope`, `error`,
/// `error_description`, `error_uri`, `acr_values`, `max_age`, then the
/// extension params.
///
/// ```
/// use http_auth_headers::BuildError;
/// use http_auth_headers::scheme::bearer::BearerChallenge;
///
/// let v = BearerChallenge::builder()
///     .param("resource_metadata", "https://rs.example/.well-known/oauth-protected-resource")
///     .finish()?;
/// assert_eq!(v, r#"Bearer resource_metadata="https://rs.example/.well-known/oauth-protected-resource""#);
///
/// // RFC 9470 section 3.
/// let v = BearerChallenge::builder()
///     .error("insufficient_user_authentication")
///     .error_description("More recent authentication is required")
///     .max_age(5)
///     .finish()?;
/// assert_eq!(v, r#"Bearer error="insufficient_user_authentication", error_description="More recent authentication is required", max_age="5""#);
///
/// let bad = BearerChallenge::builder().error_description("say \"hi\"").finish();
/// assert_eq!(bad, Err(BuildError::SchemeValue("error_description")));
/// let bad = BearerChallenge::builder().param("Scope", "x").finish();
/// assert_eq!(bad, Err(BuildError::DuplicateParam));
/// # Ok::<(), BuildError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct BearerChallengeBuilder<'v> {
    attrs: AttrsIn<'v>,
}

impl<'v> BearerChallengeBuilder<'v> {
    /// Starts an empty Bearer challenge; the same as
    /// [`BearerChallenge::builder`](super::BearerChallenge::builder).
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::BearerChallengeBuilder;
    ///
    /// assert_eq!(BearerChallengeBuilder::new().finish()?, "Bearer");
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    builder_setters!("BearerChallenge", "Bearer");

    /// Writes the challenge.
    ///
    /// ```
    /// use http_auth_headers::BuildError;
    /// use http_auth_headers::scheme::bearer::BearerChallenge;
    ///
    /// assert_eq!(BearerChallenge::builder().realm("x").finish()?, r#"Bearer realm="x""#);
    /// assert_eq!(BearerChallenge::builder().scope("").finish(), Err(BuildError::SchemeValue("scope")));
    /// # Ok::<(), BuildError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::SchemeValue`] naming the first attribute with a
    /// character RFC 6750 section 3 does not allow (see the
    /// [module docs](super)), or an empty one;
    /// [`BuildError::InvalidValue`] for a control character in the realm or
    /// an extension param; the errors of [`param`](Self::param).
    pub fn finish(self) -> Result<String, BuildError> {
        self.attrs.write("Bearer", &BEARER_ATTRS, None)
    }
}

/// Writes a DPoP challenge; from [`DpopChallenge::builder`](super::DpopChallenge::builder).
///
/// As [`BearerChallengeBuilder`], with `algs` after `max_age`.
///
/// ```
/// use http_auth_headers::scheme::bearer::DpopChallenge;
///
/// let v = DpopChallenge::builder()
///     .error("invalid_token")
///     .error_description("Invalid DPoP key binding")
///     .algs("ES256")
///     .finish()?;
/// assert_eq!(v, r#"DPoP error="invalid_token", error_description="Invalid DPoP key binding", algs="ES256""#);
/// # Ok::<(), http_auth_headers::BuildError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct DpopChallengeBuilder<'v> {
    attrs: AttrsIn<'v>,
    algs: Option<&'v str>,
}

impl<'v> DpopChallengeBuilder<'v> {
    /// Starts an empty DPoP challenge; the same as
    /// [`DpopChallenge::builder`](super::DpopChallenge::builder).
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::DpopChallengeBuilder;
    ///
    /// assert_eq!(DpopChallengeBuilder::new().finish()?, "DPoP");
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    builder_setters!("DpopChallenge", "DPoP");

    /// Sets `algs`: JWS algorithm names separated by single spaces.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::DpopChallenge;
    ///
    /// assert_eq!(DpopChallenge::builder().algs("ES256").finish()?, r#"DPoP algs="ES256""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn algs(mut self, algs: &'v str) -> Self {
        self.algs = Some(algs);
        self
    }

    /// Writes the challenge.
    ///
    /// ```
    /// use http_auth_headers::BuildError;
    /// use http_auth_headers::scheme::bearer::DpopChallenge;
    ///
    /// assert_eq!(DpopChallenge::builder().finish()?, "DPoP");
    /// assert_eq!(DpopChallenge::builder().algs("ES256  PS256").finish(), Err(BuildError::SchemeValue("algs")));
    /// # Ok::<(), BuildError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`BearerChallengeBuilder::finish`]; `algs` follows the rule of
    /// `scope`.
    pub fn finish(self) -> Result<String, BuildError> {
        self.attrs.write("DPoP", &DPOP_ATTRS, self.algs)
    }
}

/// Both credentials builders: a token68, checked by `finish`, and a
/// redacted `Debug`.
macro_rules! token_builder {
    ($builder:ident, $view:literal, $scheme:literal, $token:literal) => {
        #[doc = concat!("Writes `", $scheme, " <token>`; from [`", $view, "::builder`](super::", $view, "::builder).")]
        ///
        /// `Debug` does not show the token.
        ///
        /// ```
        /// use http_auth_headers::BuildError;
        #[doc = concat!("use http_auth_headers::scheme::bearer::", $view, ";")]
        ///
        #[doc = concat!("assert_eq!(", $view, "::builder(\"", $token, "\").finish()?, \"", $scheme, " ", $token, "\");")]
        #[doc = concat!("assert_eq!(", $view, "::builder(\"a b\").finish(), Err(BuildError::InvalidToken68));")]
        /// # Ok::<(), BuildError>(())
        /// ```
        #[derive(Clone)]
        pub struct $builder<'v> {
            token: &'v str,
        }

        impl<'v> $builder<'v> {
            #[doc = concat!("Starts credentials with the access token `token`; the same as [`", $view, "::builder`](super::", $view, "::builder).")]
            ///
            /// ```
            #[doc = concat!("use http_auth_headers::scheme::bearer::", stringify!($builder), ";")]
            ///
            #[doc = concat!("assert_eq!(", stringify!($builder), "::new(\"abc\").finish()?, \"", $scheme, " abc\");")]
            /// # Ok::<(), http_auth_headers::BuildError>(())
            /// ```
            pub fn new(token: &'v str) -> Self {
                $builder { token }
            }

            /// Writes the credentials.
            ///
            /// ```
            /// use http_auth_headers::BuildError;
            #[doc = concat!("use http_auth_headers::scheme::bearer::", $view, ";")]
            ///
            #[doc = concat!("assert_eq!(", $view, "::builder(\"\").finish(), Err(BuildError::InvalidToken68));")]
            /// ```
            ///
            /// # Errors
            ///
            /// [`BuildError::InvalidToken68`] when the token is not a
            /// token68 (RFC 6750's `b64token`).
            pub fn finish(self) -> Result<String, BuildError> {
                AuthBuilder::credentials($scheme)
                    .token68(self.token)
                    .finish()
            }
        }

        #[doc = concat!("Writes `", stringify!($builder), " { token: <redacted> }`.")]
        impl fmt::Debug for $builder<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($builder))
                    .field("token", &Redacted)
                    .finish()
            }
        }
    };
}

token_builder!(
    BearerCredentialsBuilder,
    "BearerCredentials",
    "Bearer",
    "mF_9.B5f-4.1JqM"
);
token_builder!(
    DpopCredentialsBuilder,
    "DpopCredentials",
    "DPoP",
    "Kz~8mXK1"
);
