//! The Basic writers: a challenge and credentials.

use alloc::string::String;

use super::credentials::BASE64;
use crate::builder::{AuthBuilder, BuildError};
use base64::Engine as _;

/// Writes a Basic challenge (RFC 7617 section 2); from
/// [`BasicChallenge::builder`](super::BasicChallenge::builder).
///
/// ```
/// use http_auth_headers::scheme::basic::BasicChallenge;
///
/// assert_eq!(BasicChallenge::builder("WallyWorld").finish()?, r#"Basic realm="WallyWorld""#);
/// let v = BasicChallenge::builder("foo").charset_utf8().finish()?;
/// assert_eq!(v, r#"Basic realm="foo", charset="UTF-8""#);
/// # Ok::<(), http_auth_headers::BuildError>(())
/// ```
#[derive(Clone, Debug)]
pub struct BasicChallengeBuilder<'v> {
    realm: &'v str,
    charset_utf8: bool,
}

impl<'v> BasicChallengeBuilder<'v> {
    /// Starts a Basic challenge for `realm`; the same as
    /// [`BasicChallenge::builder`](super::BasicChallenge::builder).
    ///
    /// ```
    /// use http_auth_headers::scheme::basic::BasicChallengeBuilder;
    ///
    /// assert_eq!(BasicChallengeBuilder::new("x").finish()?, r#"Basic realm="x""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn new(realm: &'v str) -> Self {
        BasicChallengeBuilder {
            realm,
            charset_utf8: false,
        }
    }

    /// Adds `charset="UTF-8"` (RFC 7617 section 2.1): the server expects the
    /// user-id and password as NFC-normalized UTF-8.
    ///
    /// ```
    /// use http_auth_headers::scheme::basic::BasicChallenge;
    ///
    /// let v = BasicChallenge::builder("x").charset_utf8().finish()?;
    /// assert!(v.ends_with(r#"charset="UTF-8""#));
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn charset_utf8(mut self) -> Self {
        self.charset_utf8 = true;
        self
    }

    /// Writes the challenge.
    ///
    /// ```
    /// use http_auth_headers::BuildError;
    /// use http_auth_headers::scheme::basic::BasicChallenge;
    ///
    /// assert_eq!(BasicChallenge::builder("a\nb").finish(), Err(BuildError::InvalidValue));
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidValue`] when the realm holds a control character.
    pub fn finish(self) -> Result<String, BuildError> {
        let b = AuthBuilder::challenge("Basic").param("realm", self.realm);
        let b = if self.charset_utf8 {
            b.param("charset", "UTF-8")
        } else {
            b
        };
        b.finish()
    }
}

/// Writes Basic credentials, `Basic <base64(user-id ":" password)>` (RFC
/// 7617 section 2); from
/// [`BasicCredentials::builder`](super::BasicCredentials::builder).
///
/// `Debug` shows the user-id only.
///
/// ```
/// use http_auth_headers::BuildError;
/// use http_auth_headers::scheme::basic::BasicCredentials;
///
/// let v = BasicCredentials::builder("Aladdin", "open sesame").finish()?;
/// assert_eq!(v, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
/// let bad = BasicCredentials::builder("a:b", "c").finish();
/// assert_eq!(bad, Err(BuildError::SchemeValue("user-id")));
/// # Ok::<(), BuildError>(())
/// ```
#[derive(Clone)]
pub struct BasicCredentialsBuilder<'v> {
    user_id: &'v str,
    password: &'v str,
}

impl<'v> BasicCredentialsBuilder<'v> {
    /// Starts Basic credentials; the same as
    /// [`BasicCredentials::builder`](super::BasicCredentials::builder).
    ///
    /// ```
    /// use http_auth_headers::scheme::basic::BasicCredentialsBuilder;
    ///
    /// assert_eq!(BasicCredentialsBuilder::new("a", "b").finish()?, "Basic YTpi");
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn new(user_id: &'v str, password: &'v str) -> Self {
        BasicCredentialsBuilder { user_id, password }
    }

    /// Writes the credentials.
    ///
    /// ```
    /// use http_auth_headers::BuildError;
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let bad = BasicCredentials::builder("a", "b\r").finish();
    /// assert_eq!(bad, Err(BuildError::SchemeValue("password")));
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::SchemeValue`] when the user-id holds a `:` (it could not
    /// be decoded back, RFC 7617 section 2) or either part holds a control
    /// character.
    pub fn finish(self) -> Result<String, BuildError> {
        let (user_id, password) = (self.user_id, self.password);
        if user_id.contains(':') || user_id.bytes().any(|b| b.is_ascii_control()) {
            return Err(BuildError::SchemeValue("user-id"));
        }
        if password.bytes().any(|b| b.is_ascii_control()) {
            return Err(BuildError::SchemeValue("password"));
        }
        let mut user_pass = String::with_capacity(user_id.len() + 1 + password.len());
        user_pass.push_str(user_id);
        user_pass.push(':');
        user_pass.push_str(password);
        let mut out = String::from("Basic ");
        BASE64.encode_string(user_pass, &mut out);
        Ok(out)
    }
}

/// Writes `BasicCredentialsBuilder { user_id: …, password: <redacted> }`.
impl core::fmt::Debug for BasicCredentialsBuilder<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("BasicCredentialsBuilder")
            .field("user_id", &self.user_id)
            .field("password", &crate::redact::Redacted)
            .finish()
    }
}
