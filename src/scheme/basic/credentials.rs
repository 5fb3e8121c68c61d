//! Basic credentials: the decoded user-id and password.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use base64::Engine as _;

use super::BasicCredentialsBuilder;
use crate::redact::{ct_eq, Redacted};
use crate::scheme::SchemeError;
use crate::Credentials;

/// The standard alphabet, padding required, non-canonical trailing bits rejected.
pub(super) const BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// Decoded Basic credentials: the user-id and password (RFC 7617 section 2).
///
/// They are bytes: RFC 7617 leaves the encoding undefined unless the
/// challenge said `charset="UTF-8"`; the `_str` accessors give a UTF-8 view.
/// `Debug` shows the user-id only; equality compares in constant time (there
/// is no `Hash`: hashing would read the secret in time that depends on it);
/// check a login with [`verify`](Self::verify). With the `zeroize` feature the
/// decoded bytes are wiped when the value is dropped.
///
/// ```
/// use http_auth_headers::Credentials;
/// use http_auth_headers::scheme::basic::BasicCredentials;
///
/// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
/// assert_eq!(c.user_id(), b"Aladdin");
/// assert!(c.verify("Aladdin", "open sesame"));
/// assert_eq!(format!("{c:?}"), r#"BasicCredentials { user_id: "Aladdin", password: <redacted> }"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct BasicCredentials {
    pub(super) user_pass: UserPass,
    colon: usize,
}

/// How many decoded bytes are kept inline, without a heap allocation.
pub(super) const INLINE_USER_PASS: usize = 72;

/// The decoded user-pass: inline when short (the common case), else on the heap.
#[derive(Clone)]
pub(super) enum UserPass {
    Inline([u8; INLINE_USER_PASS], u8),
    Heap(Vec<u8>),
}

impl UserPass {
    fn decode(token68: &[u8]) -> Result<Self, SchemeError> {
        // base64 needs room for whole 3-byte groups before it trims padding.
        let room = token68.len() / 4 * 3 + 3;
        if room <= INLINE_USER_PASS {
            let mut buf = [0; INLINE_USER_PASS];
            return match BASE64.decode_slice(token68, &mut buf) {
                Ok(n) => Ok(UserPass::Inline(buf, n as u8)),
                Err(_) => {
                    wipe(&mut buf[..]);
                    Err(SchemeError::InvalidBase64)
                }
            };
        }
        // Decoded into a buffer we own, so that a failure can wipe it too.
        let mut v = Vec::with_capacity(room);
        match BASE64.decode_vec(token68, &mut v) {
            Ok(()) => Ok(UserPass::Heap(v)),
            Err(_) => {
                wipe(&mut v);
                Err(SchemeError::InvalidBase64)
            }
        }
    }

    fn as_slice(&self) -> &[u8] {
        match self {
            UserPass::Inline(buf, n) => &buf[..*n as usize],
            UserPass::Heap(v) => v,
        }
    }
}

/// Overwrites decoded bytes with zeros: a heap buffer in its whole capacity
/// (with the `zeroize` feature; a no-op without it).
pub(super) fn wipe<Z: Wipe + ?Sized>(bytes: &mut Z) {
    bytes.wipe();
}

/// What [`wipe`] wipes: the inline array and the heap vector.
pub(super) trait Wipe {
    fn wipe(&mut self);
}

impl Wipe for [u8] {
    fn wipe(&mut self) {
        #[cfg(feature = "zeroize")]
        zeroize::Zeroize::zeroize(self);
    }
}

impl Wipe for Vec<u8> {
    fn wipe(&mut self) {
        #[cfg(feature = "zeroize")]
        zeroize::Zeroize::zeroize(self);
    }
}

/// Wipes the inline buffer and the heap buffer (its whole capacity).
#[cfg(feature = "zeroize")]
impl Drop for UserPass {
    fn drop(&mut self) {
        match self {
            UserPass::Inline(buf, n) => {
                wipe(&mut buf[..]);
                *n = 0;
            }
            UserPass::Heap(v) => wipe(v),
        }
    }
}

/// Constant time in the contents (the lengths may show).
impl PartialEq for BasicCredentials {
    fn eq(&self, other: &Self) -> bool {
        ct_eq(self.user_pass.as_slice(), other.user_pass.as_slice()).into()
    }
}

impl Eq for BasicCredentials {}

impl BasicCredentials {
    /// Decodes the token68 of Basic credentials: base64 (standard alphabet,
    /// padding required), split at the first `:`.
    ///
    /// # Errors
    ///
    /// [`SchemeError::InvalidBase64`], [`SchemeError::MissingColon`], or
    /// [`SchemeError::ControlCharacter`] for a control character in the
    /// user-id or password.
    ///
    /// ```
    /// use http_auth_headers::scheme::{SchemeError, basic::BasicCredentials};
    ///
    /// assert_eq!(BasicCredentials::decode(b"YTpi")?.password(), b"b");
    /// assert_eq!(BasicCredentials::decode(b"YWI=").unwrap_err(), SchemeError::MissingColon);
    /// # Ok::<(), SchemeError>(())
    /// ```
    pub fn decode(token68: &[u8]) -> Result<Self, SchemeError> {
        let user_pass = UserPass::decode(token68)?;
        let bytes = user_pass.as_slice();
        let colon = bytes
            .iter()
            .position(|&b| b == b':')
            .ok_or(SchemeError::MissingColon)?;
        let (user, pass) = (&bytes[..colon], &bytes[colon + 1..]);
        if user.iter().any(u8::is_ascii_control) {
            return Err(SchemeError::ControlCharacter("user-id"));
        }
        if pass.iter().any(u8::is_ascii_control) {
            return Err(SchemeError::ControlCharacter("password"));
        }
        Ok(BasicCredentials { user_pass, colon })
    }

    /// The user-id.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
    /// assert_eq!(c.user_id(), b"Aladdin");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn user_id(&self) -> &[u8] {
        &self.user_pass.as_slice()[..self.colon]
    }

    /// The decoded user-pass: the user-id, `:`, the password.
    #[cfg(feature = "headers")]
    pub(crate) fn user_pass(&self) -> &[u8] {
        self.user_pass.as_slice()
    }

    /// The password: everything after the first `:`.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
    /// assert_eq!(c.password(), b"open sesame");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn password(&self) -> &[u8] {
        &self.user_pass.as_slice()[self.colon + 1..]
    }

    /// Whether these are the credentials `user_id` and `password`, compared
    /// in constant time: the time taken depends on the lengths of the two
    /// user-ids and of the two passwords, not on where they differ, and
    /// both are always compared. Comparing a plain stored password is only
    /// right for tests and demos: store a password hash and verify against
    /// it instead (see [the scheme docs](crate::scheme#checking-credentials-safely)).
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
    /// assert!(c.verify("Aladdin", "open sesame"));
    /// assert!(!c.verify("Aladdin", "open sesamE"));
    /// assert!(!c.verify("aladdin", "open sesame"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify(&self, user_id: impl AsRef<[u8]>, password: impl AsRef<[u8]>) -> bool {
        let user = ct_eq(self.user_id(), user_id.as_ref());
        let pass = ct_eq(self.password(), password.as_ref());
        (user & pass).into()
    }

    /// The user-id as UTF-8, if it is.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
    /// assert_eq!(c.user_id_str(), Some("Aladdin"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn user_id_str(&self) -> Option<&str> {
        core::str::from_utf8(self.user_id()).ok()
    }

    /// The password as UTF-8, if it is.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
    /// assert_eq!(c.password_str(), Some("open sesame"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn password_str(&self) -> Option<&str> {
        core::str::from_utf8(self.password()).ok()
    }

    /// Starts writing Basic credentials: `Basic <base64(user-id ":" password)>`.
    ///
    /// ```
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let v = BasicCredentials::builder("Aladdin", "open sesame").finish()?;
    /// assert_eq!(v, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn builder<'v>(user_id: &'v str, password: &'v str) -> BasicCredentialsBuilder<'v> {
        BasicCredentialsBuilder::new(user_id, password)
    }
}

impl TryFrom<&Credentials<'_>> for BasicCredentials {
    type Error = SchemeError;

    fn try_from(c: &Credentials<'_>) -> Result<Self, SchemeError> {
        if !c.is_scheme("Basic") {
            return Err(SchemeError::WrongScheme("Basic"));
        }
        let token = c.token68().ok_or(SchemeError::ExpectedToken68)?;
        Self::decode(token.as_bytes())
    }
}

impl fmt::Debug for BasicCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BasicCredentials")
            .field("user_id", &String::from_utf8_lossy(self.user_id()))
            .field("password", &Redacted)
            .finish()
    }
}
