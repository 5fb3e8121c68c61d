//! Basic (RFC 7617).
//!
//! ```
//! use http_auth_headers::{Challenges, Credentials};
//! use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
//!
//! let c = Challenges::new(r#"Basic realm="foo", charset="UTF-8""#).next().unwrap()?;
//! let basic = BasicChallenge::try_from(&c)?;
//! assert_eq!(basic.realm(), "foo");
//! assert!(basic.charset_utf8());
//!
//! let creds = Credentials::parse("Basic dGVzdDoxMjPCow==")?;
//! let basic = BasicCredentials::try_from(&creds)?;
//! assert_eq!(basic.user_id(), b"test");
//! assert_eq!(basic.password_str(), Some("123£"));
//!
//! assert_eq!(BasicCredentials::encode("Aladdin", "open sesame")?, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use base64::Engine as _;

use super::{known_params, SchemeError};
use crate::builder::{AuthBuilder, BuildError};
use crate::param::ParamValue;
use crate::redact::Redacted;
use crate::{Challenge, Credentials};

/// The standard alphabet, padding required, non-canonical trailing bits rejected.
const BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// A Basic challenge: `Basic realm="…"[, charset="UTF-8"]` (RFC 7617 section 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BasicChallenge<'a> {
    realm: ParamValue<'a>,
    charset_utf8: bool,
}

impl<'a> BasicChallenge<'a> {
    /// The realm (required).
    pub fn realm(&self) -> ParamValue<'a> {
        self.realm
    }

    /// Whether the server said `charset="UTF-8"` (RFC 7617 section 2.1): the
    /// user-id and password are then expected as NFC-normalized UTF-8.
    pub fn charset_utf8(&self) -> bool {
        self.charset_utf8
    }

    /// Writes a Basic challenge.
    ///
    /// ```
    /// use http_auth_headers::scheme::basic::BasicChallenge;
    ///
    /// assert_eq!(BasicChallenge::write("WallyWorld", false)?, r#"Basic realm="WallyWorld""#);
    /// assert_eq!(BasicChallenge::write("foo", true)?, r#"Basic realm="foo", charset="UTF-8""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidValue`] when `realm` holds a control character.
    pub fn write(realm: &str, charset_utf8: bool) -> Result<String, BuildError> {
        let b = AuthBuilder::challenge("Basic")?.param("realm", realm)?;
        let b = if charset_utf8 {
            b.quoted_param("charset", "UTF-8")?
        } else {
            b
        };
        Ok(b.finish())
    }
}

impl<'a> TryFrom<&Challenge<'a>> for BasicChallenge<'a> {
    type Error = SchemeError;

    fn try_from(c: &Challenge<'a>) -> Result<Self, SchemeError> {
        if !c.is_scheme("Basic") {
            return Err(SchemeError::WrongScheme("Basic"));
        }
        if c.token68().is_some() {
            return Err(SchemeError::UnexpectedToken68);
        }
        let [realm, charset] = known_params(c.params(), ["realm", "charset"])?;
        let realm = realm.ok_or(SchemeError::MissingParam("realm"))?;
        let charset_utf8 = match charset {
            None => false,
            Some(v) if v.eq_ignore_ascii_case(b"UTF-8") => true,
            Some(_) => return Err(SchemeError::InvalidParam("charset")),
        };
        Ok(BasicChallenge {
            realm,
            charset_utf8,
        })
    }
}

/// Decoded Basic credentials: the user-id and password (RFC 7617 section 2).
///
/// They are bytes: RFC 7617 leaves the encoding undefined unless the
/// challenge said `charset="UTF-8"`; the `_str` accessors give a UTF-8 view.
/// `Debug` shows the user-id only.
#[derive(Clone, PartialEq, Eq)]
pub struct BasicCredentials {
    user_pass: UserPass,
    colon: usize,
}

/// How many decoded bytes are kept inline, without a heap allocation.
const INLINE_USER_PASS: usize = 72;

/// The decoded user-pass: inline when short (the common case), else on the heap.
#[derive(Clone)]
enum UserPass {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Challenges;

    fn creds(v: &str) -> Result<BasicCredentials, SchemeError> {
        BasicCredentials::try_from(&Credentials::parse(v).unwrap())
    }

    fn challenge(v: &str) -> Result<BasicChallenge<'_>, SchemeError> {
        BasicChallenge::try_from(&Challenges::new(v).next().unwrap().unwrap())
    }

    #[test]
    fn rfc7617_examples() {
        let c = creds("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").unwrap();
        assert_eq!(
            (c.user_id(), c.password()),
            (&b"Aladdin"[..], &b"open sesame"[..])
        );
        let c = creds("basic dGVzdDoxMjPCow==").unwrap();
        assert_eq!(c.password_str(), Some("123£"));
        let ch = challenge(r#"Basic realm="WallyWorld""#).unwrap();
        assert_eq!(ch.realm(), "WallyWorld");
        assert!(!ch.charset_utf8());
    }

    #[test]
    fn splits_at_first_colon() {
        let token = BASE64.encode("user:pa:ss");
        let c = BasicCredentials::decode(token.as_bytes()).unwrap();
        assert_eq!((c.user_id(), c.password()), (&b"user"[..], &b"pa:ss"[..]));
        let c = BasicCredentials::decode(BASE64.encode(":").as_bytes()).unwrap();
        assert_eq!((c.user_id(), c.password()), (&b""[..], &b""[..]));
    }

    #[test]
    fn credential_errors() {
        assert_eq!(
            creds("Basic QWxhZGRpbg==").unwrap_err(),
            SchemeError::MissingColon
        );
        assert_eq!(
            creds("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ").unwrap_err(),
            SchemeError::InvalidBase64
        );
        assert_eq!(
            creds("Basic QWxh-GRpbg==").unwrap_err(),
            SchemeError::InvalidBase64
        );
        assert_eq!(
            creds("Basic a=b").unwrap_err(),
            SchemeError::ExpectedToken68
        );
        assert_eq!(
            creds("Bearer QWxh").unwrap_err(),
            SchemeError::WrongScheme("Basic")
        );
        let ctl_user = BASE64.encode("a\nb:c");
        assert_eq!(
            BasicCredentials::decode(ctl_user.as_bytes()).unwrap_err(),
            SchemeError::ControlCharacter("user-id")
        );
        let ctl_pass = BASE64.encode("ab:c\x7f");
        assert_eq!(
            BasicCredentials::decode(ctl_pass.as_bytes()).unwrap_err(),
            SchemeError::ControlCharacter("password")
        );
    }

    #[test]
    fn challenge_errors() {
        assert_eq!(
            challenge("Basic").unwrap_err(),
            SchemeError::MissingParam("realm")
        );
        assert_eq!(
            challenge("Basic abc").unwrap_err(),
            SchemeError::UnexpectedToken68
        );
        assert_eq!(
            challenge("Basic realm=a, charset=latin1").unwrap_err(),
            SchemeError::InvalidParam("charset")
        );
        assert_eq!(
            challenge("Basic realm=a, Realm=b").unwrap_err(),
            SchemeError::DuplicateParam("realm")
        );
        assert!(challenge("BASIC realm=a, charset=utf-8, other=x")
            .unwrap()
            .charset_utf8());
    }

    #[test]
    fn encode_refuses_what_cannot_decode() {
        assert_eq!(
            BasicCredentials::encode("a:b", "c"),
            Err(BuildError::SchemeValue("user-id"))
        );
        assert_eq!(
            BasicCredentials::encode("a\r", "c"),
            Err(BuildError::SchemeValue("user-id"))
        );
        assert_eq!(
            BasicCredentials::encode("a", "c\0"),
            Err(BuildError::SchemeValue("password"))
        );
        let v = BasicCredentials::encode("Jäsøn", "p:w d").unwrap();
        let c = creds(&v).unwrap();
        assert_eq!(
            (c.user_id_str(), c.password_str()),
            (Some("Jäsøn"), Some("p:w d"))
        );
    }

    #[test]
    fn long_user_pass_goes_to_the_heap_and_decodes_the_same() {
        for len in [0, 40, 60, 69, 70, 71, 72, 200] {
            let password = "p".repeat(len);
            let v = BasicCredentials::encode("user", &password).unwrap();
            let c = creds(&v).unwrap();
            assert_eq!(
                (c.user_id(), c.password()),
                (&b"user"[..], password.as_bytes()),
                "{len}"
            );
            let inline = matches!(c.user_pass, UserPass::Inline(..));
            assert_eq!(inline, 5 + len <= INLINE_USER_PASS - 3, "{len}");
        }
    }

    #[test]
    fn debug_hides_password() {
        let c = creds("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").unwrap();
        let d = format!("{c:?}");
        assert!(d.contains("Aladdin") && !d.contains("open sesame"), "{d}");
    }
}
