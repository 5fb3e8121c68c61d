//! The Bearer and DPoP challenge writers.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{allowed, Class, BEARER_ATTRS, DPOP_ATTRS};
use crate::builder::{AuthBuilder, BuildError};

/// What the two challenge builders hold: borrowed, unchecked until written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
        let mut b = AuthBuilder::challenge(scheme)?;
        for (&(name, class), value) in defined.iter().zip(values) {
            if let Some(value) = value {
                if !allowed(class, value.bytes()) {
                    return Err(BuildError::SchemeValue(name));
                }
                b = b.param(name, value)?;
            }
        }
        for &(name, value) in &self.extensions {
            if defined.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
                return Err(BuildError::DuplicateParam);
            }
            // Quoted, as every Bearer and DPoP challenge param is.
            b = b.param(name, value)?;
        }
        Ok(b.finish())
    }
}

/// The setters both challenge builders share.
macro_rules! builder_setters {
    () => {
        /// Sets the `realm`.
        pub fn realm(mut self, realm: &'v str) -> Self {
            self.attrs.realm = Some(realm);
            self
        }

        /// Sets the `scope`: scope values separated by single spaces.
        pub fn scope(mut self, scope: &'v str) -> Self {
            self.attrs.scope = Some(scope);
            self
        }

        /// Sets the `error` code, such as `"invalid_token"`; to forward an
        /// [`ErrorCode`](super::ErrorCode), pass its
        /// [`as_str`](super::ErrorCode::as_str).
        pub fn error(mut self, code: &'v str) -> Self {
            self.attrs.error = Some(code);
            self
        }

        /// Sets the `error_description`.
        pub fn error_description(mut self, description: &'v str) -> Self {
            self.attrs.error_description = Some(description);
            self
        }

        /// Sets the `error_uri`.
        pub fn error_uri(mut self, uri: &'v str) -> Self {
            self.attrs.error_uri = Some(uri);
            self
        }

        /// Sets `acr_values` (RFC 9470 section 3): authentication context
        /// class references separated by single spaces, in order of
        /// preference.
        pub fn acr_values(mut self, acr_values: &'v str) -> Self {
            self.attrs.acr_values = Some(acr_values);
            self
        }

        /// Sets `max_age` (RFC 9470 section 3): the seconds that may have
        /// passed since the user last actively authenticated.
        pub fn max_age(mut self, seconds: u64) -> Self {
            self.attrs.max_age = Some(seconds);
            self
        }

        /// Adds an extension param, written as a quoted-string after the
        /// defined attributes, in the order added: for params other
        /// specifications define, such as RFC 9728's `resource_metadata`
        /// (which MCP servers send).
        ///
        /// [`write`](Self::write) refuses a `name` that is not a token
        /// ([`BuildError::InvalidParamName`]), one the scheme defines or
        /// added twice ([`BuildError::DuplicateParam`]), and a `value` with
        /// a control character ([`BuildError::InvalidValue`]).
        pub fn param(mut self, name: &'v str, value: &'v str) -> Self {
            self.attrs.extensions.push((name, value));
            self
        }
    };
}

/// Writes a Bearer challenge; from [`BearerChallenge::builder`](super::BearerChallenge::builder).
///
/// The setters only store their argument; [`write`](Self::write) checks
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
///     .write()?;
/// assert_eq!(v, r#"Bearer resource_metadata="https://rs.example/.well-known/oauth-protected-resource""#);
///
/// // RFC 9470 section 3.
/// let v = BearerChallenge::builder()
///     .error("insufficient_user_authentication")
///     .error_description("More recent authentication is required")
///     .max_age(5)
///     .write()?;
/// assert_eq!(v, r#"Bearer error="insufficient_user_authentication", error_description="More recent authentication is required", max_age="5""#);
///
/// let bad = BearerChallenge::builder().error_description("say \"hi\"").write();
/// assert_eq!(bad, Err(BuildError::SchemeValue("error_description")));
/// let bad = BearerChallenge::builder().param("Scope", "x").write();
/// assert_eq!(bad, Err(BuildError::DuplicateParam));
/// # Ok::<(), BuildError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BearerChallengeBuilder<'v> {
    attrs: AttrsIn<'v>,
}

impl<'v> BearerChallengeBuilder<'v> {
    builder_setters!();

    /// Writes the challenge.
    ///
    /// # Errors
    ///
    /// [`BuildError::SchemeValue`] naming the first attribute with a
    /// character RFC 6750 section 3 does not allow (see the
    /// [module docs](super)), or an empty one;
    /// [`BuildError::InvalidValue`] for a control character in the realm or
    /// an extension param; the errors of [`param`](Self::param).
    pub fn write(&self) -> Result<String, BuildError> {
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
///     .write()?;
/// assert_eq!(v, r#"DPoP error="invalid_token", error_description="Invalid DPoP key binding", algs="ES256""#);
/// # Ok::<(), http_auth_headers::BuildError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DpopChallengeBuilder<'v> {
    attrs: AttrsIn<'v>,
    algs: Option<&'v str>,
}

impl<'v> DpopChallengeBuilder<'v> {
    builder_setters!();

    /// Sets `algs`: JWS algorithm names separated by single spaces.
    pub fn algs(mut self, algs: &'v str) -> Self {
        self.algs = Some(algs);
        self
    }

    /// Writes the challenge.
    ///
    /// # Errors
    ///
    /// As [`BearerChallengeBuilder::write`]; `algs` follows the rule of
    /// `scope`.
    pub fn write(&self) -> Result<String, BuildError> {
        self.attrs.write("DPoP", &DPOP_ATTRS, self.algs)
    }
}
