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

#[cfg(feature = "alloc")]
use alloc::string::String;

use super::{known_params, SchemeError};
#[cfg(feature = "alloc")]
use crate::builder::{AuthBuilder, BuildError};
use crate::item::Role;
use crate::param::ParamValue;
use crate::Challenge;

#[cfg(feature = "alloc")]
mod credentials;
#[cfg(all(test, feature = "alloc"))]
mod tests;

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub use credentials::BasicCredentials;

/// Whether the canonical writer quotes the param `name` of a Basic item
/// even when its value is a token: `charset`, as in the example of RFC 7617
/// section 2.1 (`charset="UTF-8"`). Credentials are a token68.
pub(crate) fn must_quote(role: Role, scheme: &[u8], name: &[u8]) -> bool {
    role == Role::Challenge
        && scheme.eq_ignore_ascii_case(b"Basic")
        && name.eq_ignore_ascii_case(b"charset")
}

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
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn write(realm: &str, charset_utf8: bool) -> Result<String, BuildError> {
        let b = AuthBuilder::challenge("Basic")?.param("realm", realm)?;
        let b = if charset_utf8 {
            b.param("charset", "UTF-8")?
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
