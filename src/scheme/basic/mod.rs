//! Basic (RFC 7617).
//!
//! ```
//! use http_auth_headers::{Challenges, Credentials};
//! use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
//!
//! let c = Challenges::parse(r#"Basic realm="foo", charset="UTF-8""#).next().unwrap()?;
//! let basic = BasicChallenge::try_from(&c)?;
//! assert_eq!(basic.realm(), "foo");
//! assert!(basic.charset_utf8());
//!
//! let creds = Credentials::parse("Basic dGVzdDoxMjPCow==")?;
//! let basic = BasicCredentials::try_from(&creds)?;
//! assert_eq!(basic.user_id(), b"test");
//! assert_eq!(basic.password_str(), Some("123£"));
//!
//! let written = BasicCredentials::builder("Aladdin", "open sesame").finish()?;
//! assert_eq!(written, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::{charset_utf8, expect_params, known_params, present, try_from_ref, SchemeError};
use crate::item::Role;
use crate::param::ParamValue;
use crate::Challenge;

#[cfg(feature = "alloc")]
mod builder;
#[cfg(feature = "alloc")]
mod credentials;
#[cfg(all(test, feature = "alloc"))]
mod tests;

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub use builder::{BasicChallengeBuilder, BasicCredentialsBuilder};
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

/// A Basic challenge: `Basic realm="…"[, charset="UTF-8"]` (RFC 7617
/// section 2).
///
/// It keeps the generic [`Challenge`] it was made from
/// ([`as_challenge`](Self::as_challenge)); equality compares the realm and
/// the charset.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::basic::BasicChallenge;
///
/// let c = Challenges::parse(r#"Basic realm="r", charset="UTF-8""#).next().unwrap()?;
/// let b = BasicChallenge::try_from(&c)?;
/// assert_eq!(b.realm(), "r");
/// let other = Challenges::parse("basic charset=utf-8, realm=r").next().unwrap()?;
/// assert_eq!(b, BasicChallenge::try_from(other)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct BasicChallenge<'a> {
    item: Challenge<'a>,
    charset_utf8: bool,
}

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
impl BasicChallenge<'_> {
    /// The same view, owning its bytes, so that it can be kept past the
    /// input (across requests, or `.await` points).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::basic::BasicChallenge;
    ///
    /// let kept: BasicChallenge<'static> = {
    ///     let received = String::from(r#"Basic realm="r""#);
    ///     let c = Challenges::parse(&received).next().unwrap()?;
    ///     BasicChallenge::try_from(&c)?.into_owned()
    /// };
    /// assert_eq!(kept.realm(), "r");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_owned(self) -> BasicChallenge<'static> {
        BasicChallenge {
            item: self.item.into_owned(),
            charset_utf8: self.charset_utf8,
        }
    }
}

// into_owned: added with the core's owned forms

impl<'a> BasicChallenge<'a> {
    /// The realm (required).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::basic::BasicChallenge;
    ///
    /// let c = Challenges::parse(r#"Basic realm="r", charset="UTF-8""#).next().unwrap()?;
    /// let b = BasicChallenge::try_from(&c)?;
    /// assert_eq!(b.realm(), "r");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn realm(&self) -> ParamValue<'_> {
        present(self.item.param("realm"))
    }

    /// Whether the server said `charset="UTF-8"` (RFC 7617 section 2.1): the
    /// user-id and password are then expected as NFC-normalized UTF-8.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::basic::BasicChallenge;
    ///
    /// let c = Challenges::parse(r#"Basic realm="r", charset="UTF-8""#).next().unwrap()?;
    /// let b = BasicChallenge::try_from(&c)?;
    /// assert!(b.charset_utf8());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn charset_utf8(&self) -> bool {
        self.charset_utf8
    }

    /// The generic challenge this view reads.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::basic::BasicChallenge;
    ///
    /// let c = Challenges::parse(r#"Basic realm="r", charset="UTF-8""#).next().unwrap()?;
    /// let b = BasicChallenge::try_from(&c)?;
    /// assert_eq!(b.as_challenge().params().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_challenge(&self) -> &Challenge<'a> {
        &self.item
    }

    /// Starts writing a Basic challenge for `realm`.
    ///
    /// ```
    /// use http_auth_headers::scheme::basic::BasicChallenge;
    ///
    /// assert_eq!(BasicChallenge::builder("WallyWorld").finish()?, r#"Basic realm="WallyWorld""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder(realm: &str) -> BasicChallengeBuilder<'_> {
        BasicChallengeBuilder::new(realm)
    }
}

impl PartialEq for BasicChallenge<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.realm() == other.realm() && self.charset_utf8 == other.charset_utf8
    }
}

impl Eq for BasicChallenge<'_> {}

/// Consistent with equality: hashes the realm and the charset.
impl core::hash::Hash for BasicChallenge<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.realm().hash(state);
        self.charset_utf8.hash(state);
    }
}

impl<'a> TryFrom<Challenge<'a>> for BasicChallenge<'a> {
    type Error = SchemeError;

    fn try_from(item: Challenge<'a>) -> Result<Self, SchemeError> {
        expect_params("Basic", item.is_scheme("Basic"), item.token68().is_some())?;
        let [realm, charset] = known_params(item.params(), ["realm", "charset"])?;
        realm.ok_or(SchemeError::MissingParam("realm"))?;
        let charset_utf8 = charset_utf8(charset)?;
        Ok(BasicChallenge { item, charset_utf8 })
    }
}

try_from_ref!(BasicChallenge, Challenge);
