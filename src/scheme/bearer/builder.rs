//! The Bearer and DPoP challenge writers.

use alloc::string::String;

use super::{allowed, Class};
use crate::builder::{AuthBuilder, BuildError};

/// What the two challenge builders hold: borrowed, unchecked until written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct AttrsIn<'v> {
    realm: Option<&'v str>,
    scope: Option<&'v str>,
    error: Option<&'v str>,
    error_description: Option<&'v str>,
    error_uri: Option<&'v str>,
}

impl AttrsIn<'_> {
    /// Writes `scheme` and the attributes in a fixed order (that of the RFC
    /// examples), `algs` last, checking each against RFC 6750 section 3.
    fn write(&self, scheme: &str, algs: Option<&str>) -> Result<String, BuildError> {
        let mut b = AuthBuilder::challenge(scheme)?;
        if let Some(realm) = self.realm {
            b = b.param("realm", realm)?;
        }
        let checked = [
            ("scope", Class::List, self.scope),
            ("error", Class::Text, self.error),
            ("error_description", Class::Text, self.error_description),
            ("error_uri", Class::Uri, self.error_uri),
            ("algs", Class::List, algs),
        ];
        for (name, class, value) in checked {
            if let Some(value) = value {
                if !allowed(class, value.bytes()) {
                    return Err(BuildError::SchemeValue(name));
                }
                b = b.param(name, value)?;
            }
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

        /// Sets the `error` code, such as `"invalid_token"`; to forward a
        /// parsed [`ErrorCode`], pass its [`as_str`](ErrorCode::as_str).
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
    };
}

/// Writes a Bearer challenge; from [`BearerChallenge::builder`].
///
/// The setters only store their argument; [`write`](Self::write) checks
/// them all and writes the attributes that were set, each quoted as RFC 6750
/// section 3 does, in the order `realm`, `scope`, `error`,
/// `error_description`, `error_uri`.
///
/// ```
/// use http_auth_headers::BuildError;
/// use http_auth_headers::scheme::bearer::BearerChallenge;
///
/// let v = BearerChallenge::builder().realm("example").write()?;
/// assert_eq!(v, r#"Bearer realm="example""#);
///
/// let bad = BearerChallenge::builder().error_description("say \"hi\"").write();
/// assert_eq!(bad, Err(BuildError::SchemeValue("error_description")));
/// # Ok::<(), BuildError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
    /// [module docs](self)), or an empty one;
    /// [`BuildError::InvalidValue`] for a control character in the realm.
    pub fn write(&self) -> Result<String, BuildError> {
        self.attrs.write("Bearer", None)
    }
}

/// Writes a DPoP challenge; from [`DpopChallenge::builder`].
///
/// As [`BearerChallengeBuilder`], with `algs` written last.
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
        self.attrs.write("DPoP", self.algs)
    }
}
