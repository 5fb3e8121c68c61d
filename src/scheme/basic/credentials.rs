//! Basic credentials: the decoded user-id and password.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use base64::Engine as _;

use crate::builder::BuildError;
use crate::redact::Redacted;
use crate::scheme::SchemeError;
use crate::Credentials;

/// The standard alphabet, padding required, non-canonical trailing bits rejected.
pub(super) const BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// Decoded Basic credentials: the user-id and password (RFC 7617 section 2).
///
/// They are bytes: RFC 7617 leaves the encoding undefined unless the
/// challenge said `charset="UTF-8"`; the `_str` accessors give a UTF-8 view.
/// `Debug` shows the user-id only.
#[derive(Clone, PartialEq, Eq)]
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
        if token68.len() / 4 * 3 + 3 <= INLINE_USER_PASS {
            let mut buf = [0; INLINE_USER_PASS];
            let n = BASE64
                .decode_slice(token68, &mut buf)
                .map_err(|_| SchemeError::InvalidBase64)?;
            return Ok(UserPass::Inline(buf, n as u8));
        }
        BASE64
            .decode(token68)
            .map(UserPass::Heap)
            .map_err(|_| SchemeError::InvalidBase64)
    }

    fn as_slice(&self) -> &[u8] {
        match self {
            UserPass::Inline(buf, n) => &buf[..*n as usize],
            UserPass::Heap(v) => v,
        }
    }
}

impl PartialEq for UserPass {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for UserPass {}

impl BasicCredentials {
    /// Decodes the token68 of Basic credentials: base64 (standard alphabet,
    /// padding required), split at the first `:`.
    ///
    /// # Errors
    ///
    /// [`SchemeError::InvalidBase64`], [`SchemeError::MissingColon`], or
    /// [`SchemeError::ControlCharacter`] for a control character in the
    /// user-id or password.
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
    pub fn user_id(&self) -> &[u8] {
        &self.user_pass.as_slice()[..self.colon]
    }

    /// The password: everything after the first `:`.
    pub fn password(&self) -> &[u8] {
        &self.user_pass.as_slice()[self.colon + 1..]
    }

    /// The user-id as UTF-8, if it is.
    pub fn user_id_str(&self) -> Option<&str> {
        core::str::from_utf8(self.user_id()).ok()
    }

    /// The password as UTF-8, if it is.
    pub fn password_str(&self) -> Option<&str> {
        core::str::from_utf8(self.password()).ok()
    }

    /// Writes `Basic <base64(user-id ":" password)>`.
    ///
    /// # Errors
    ///
    /// [`BuildError::SchemeValue`] when the user-id holds a `:` (it could not
    /// be decoded back, RFC 7617 section 2) or either part holds a control
    /// character.
    pub fn encode(user_id: &str, password: &str) -> Result<String, BuildError> {
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
