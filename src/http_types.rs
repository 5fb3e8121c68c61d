//! The `http` crate's types (feature `http`): parse from `HeaderValue`s and
//! `HeaderMap`s, write `HeaderValue`s.
//!
//! **Reading.** An `http::HeaderValue` is a [`FieldValue`](crate::FieldValue)
//! and the lines of one field in a `HeaderMap` (`map.get_all(name)`) are
//! [`FieldLines`](crate::FieldLines), so the parsers take them as they are:
//! `T::parse(&value)` for one field line, `T::parse_lines(&map.get_all(name))`
//! for every line of the field as one list (RFC 9110 section 5.3), in the
//! order received. Nothing is copied; an absent field is zero lines
//! (no challenge, or [`ErrorKind::MissingCredentials`](crate::ErrorKind::MissingCredentials)).
//! What is parsed borrows the `GetAll` as well as the map: to keep it past
//! the statement, bind the lines first (`let lines = map.get_all(name);`),
//! or make it owned (`into_owned()`, or the `headers` feature's
//! `typed_headers::WwwAuthenticate`).
//!
//! **Writing.** `HeaderValue::from(&x)` writes a parsed [`Challenge`],
//! [`Credentials`] or [`AuthenticationInfo`] in its canonical form, byte for
//! byte (as `to_bytes()`: `obs-text` survives), and `HeaderValue::try_from(builder)`
//! finishes any of the crate's builders into a `HeaderValue` (a
//! [`BuildError`] when the builder refused a part). A value holding
//! credentials is marked sensitive (`HeaderValue::is_sensitive`): its
//! `Debug` prints `Sensitive`, and HTTP/2 header compression (the `h2`
//! crate) never indexes it. The writers never
//! write a byte a `HeaderValue` refuses (a control character in a value read
//! in lenient mode is written as SP), so these conversions cannot fail
//! except for a builder's own error.
//!
//! **Several challenges** go into a map one field line each
//! ([`append_challenges`]): a recipient reads the lines as one list, and a
//! line per challenge is what servers send and what clients that do not
//! split a line on commas understand.
//!
//! ```
//! use http::header::{HeaderMap, HeaderValue, AUTHORIZATION, WWW_AUTHENTICATE};
//! use http_auth_headers::http_types::append_challenges;
//! use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
//! use http_auth_headers::scheme::bearer::BearerChallenge;
//! use http_auth_headers::{Challenges, Credentials};
//!
//! // A server: two challenges, one field line each.
//! let mut response = HeaderMap::new();
//! response.append(WWW_AUTHENTICATE, HeaderValue::try_from(BasicChallenge::builder("api"))?);
//! response.append(WWW_AUTHENTICATE, HeaderValue::try_from(BearerChallenge::builder().realm("api"))?);
//! assert_eq!(response.get_all(WWW_AUTHENTICATE).iter().count(), 2);
//!
//! // A client reads every line of the field as one list...
//! let lines = response.get_all(WWW_AUTHENTICATE);
//! let offered: Vec<_> = Challenges::parse_lines(&lines).collect::<Result<_, _>>()?;
//! assert_eq!(offered.len(), 2);
//! assert!(offered[1].is_scheme("bearer"));
//!
//! // ... and may pass them on, one line each.
//! let mut copy = HeaderMap::new();
//! append_challenges(&mut copy, WWW_AUTHENTICATE, &offered);
//! assert_eq!(copy, response);
//!
//! // Credentials go out marked sensitive.
//! let mut request = HeaderMap::new();
//! let value = HeaderValue::try_from(BasicCredentials::builder("Aladdin", "open sesame"))?;
//! assert!(value.is_sensitive());
//! request.insert(AUTHORIZATION, value);
//! let lines = request.get_all(AUTHORIZATION); // exactly one line, or an error
//! let c = Credentials::parse_lines(&lines)?;
//! assert_eq!(BasicCredentials::try_from(&c)?.user_id(), b"Aladdin");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use alloc::vec::Vec;
use core::borrow::Borrow;

use ::http::header::{HeaderMap, HeaderName, HeaderValue};

use crate::builder::{AuthBuilder, BuildError};
use crate::scheme::basic::{BasicChallengeBuilder, BasicCredentialsBuilder};
use crate::scheme::bearer::{
    BearerChallengeBuilder, BearerCredentialsBuilder, DpopChallengeBuilder, DpopCredentialsBuilder,
};
use crate::scheme::digest::{
    DigestAuthInfoBuilder, DigestChallengeBuilder, DigestCredentialsBuilder,
};
use crate::{AuthenticationInfo, Challenge, Credentials};

/// Whether a written value carries a secret.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Secret {
    /// Credentials: the value is marked sensitive.
    Yes,
    /// A challenge or Authentication-Info.
    No,
}

/// Whether a `HeaderValue` can hold `b` (visible ASCII, SP, HTAB, obs-text).
fn header_value_byte(b: u8) -> bool {
    b == b'\t' || (b >= 0x20 && b != 0x7f)
}

/// The writers' output as a `HeaderValue`. Every byte they write is one a
/// `HeaderValue` holds; should one not be, it is written as SP (the
/// writers' own rule for control characters) rather than failing.
pub(crate) fn header_value(mut bytes: Vec<u8>, secret: Secret) -> HeaderValue {
    for b in bytes.iter_mut().filter(|b| !header_value_byte(**b)) {
        *b = b' ';
    }
    // Cannot fail: every byte was checked above.
    let mut value = HeaderValue::try_from(bytes).unwrap_or(HeaderValue::from_static(""));
    value.set_sensitive(secret == Secret::Yes);
    value
}

/// The challenge in canonical form, byte for byte
/// ([`Challenge::to_bytes`]).
///
/// ```
/// use http::HeaderValue;
/// use http_auth_headers::Challenges;
///
/// let c = Challenges::parse(&b"Basic  realm=\"caf\xe9\""[..]).next().unwrap()?;
/// let value = HeaderValue::from(&c);
/// assert_eq!(value.as_bytes(), b"Basic realm=\"caf\xe9\"");
/// assert!(!value.is_sensitive());
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl From<&Challenge<'_>> for HeaderValue {
    fn from(challenge: &Challenge<'_>) -> Self {
        header_value(challenge.to_bytes(), Secret::No)
    }
}

/// The credentials in canonical form, byte for byte
/// ([`Credentials::to_bytes`]), marked sensitive.
///
/// ```
/// use http::HeaderValue;
/// use http_auth_headers::Credentials;
///
/// let value = HeaderValue::from(&Credentials::parse("Bearer mF_9.B5f-4.1JqM")?);
/// assert_eq!(value, "Bearer mF_9.B5f-4.1JqM");
/// assert!(value.is_sensitive());
/// assert_eq!(format!("{value:?}"), "Sensitive");
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl From<&Credentials<'_>> for HeaderValue {
    fn from(credentials: &Credentials<'_>) -> Self {
        header_value(credentials.to_bytes(), Secret::Yes)
    }
}

/// The params in canonical form, byte for byte
/// ([`AuthenticationInfo::to_bytes`]).
///
/// ```
/// use http::HeaderValue;
/// use http_auth_headers::AuthenticationInfo;
///
/// let info = AuthenticationInfo::parse("qop=auth,rspauth=\"d4f5\"")?;
/// assert_eq!(HeaderValue::from(&info), r#"qop=auth, rspauth="d4f5""#);
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl From<&AuthenticationInfo<'_>> for HeaderValue {
    fn from(info: &AuthenticationInfo<'_>) -> Self {
        header_value(info.to_bytes(), Secret::No)
    }
}

/// Finishes the builder into a `HeaderValue`, marked sensitive when it
/// writes credentials ([`AuthBuilder::credentials`]).
///
/// ```
/// use http::HeaderValue;
/// use http_auth_headers::{AuthBuilder, BuildError};
///
/// let challenge = HeaderValue::try_from(AuthBuilder::challenge("Newauth").param("realm", "apps"))?;
/// assert_eq!(challenge, r#"Newauth realm="apps""#);
/// assert!(!challenge.is_sensitive());
/// let credentials = HeaderValue::try_from(AuthBuilder::credentials("Newauth").token68("abc"))?;
/// assert!(credentials.is_sensitive());
///
/// let err = HeaderValue::try_from(AuthBuilder::challenge("X").param("a", "b\r\nc"));
/// assert_eq!(err, Err(BuildError::InvalidValue));
/// # Ok::<(), BuildError>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl TryFrom<AuthBuilder> for HeaderValue {
    type Error = BuildError;

    fn try_from(builder: AuthBuilder) -> Result<Self, BuildError> {
        let secret = if builder.is_credentials() {
            Secret::Yes
        } else {
            Secret::No
        };
        Ok(header_value(builder.finish()?.into_bytes(), secret))
    }
}

/// Whether a `Secret` variant marks the value sensitive, as doc text.
macro_rules! sensitive {
    (Yes) => {
        "true"
    };
    (No) => {
        "false"
    };
}

/// `TryFrom<builder> for HeaderValue` for the typed builders, each with an
/// example: the view it is imported from, the builder, the value written.
macro_rules! builder_to_header_value {
    ($($builder:ident: $secret:ident, $what:literal, $view:literal, $start:literal, $written:literal;)*) => {$(
        #[doc = concat!("Finishes the builder into a `HeaderValue` (", $what, ").")]
        ///
        /// The same as `finish()`, then `HeaderValue::try_from`, which
        /// cannot fail for what the builder writes; see the
        /// [module docs](crate::http_types).
        ///
        /// ```
        /// use http::HeaderValue;
        #[doc = concat!("use http_auth_headers::scheme::", $view, ";")]
        ///
        #[doc = concat!("let value = HeaderValue::try_from(", $start, ")?;")]
        #[doc = concat!("assert_eq!(value, r#\"", $written, "\"#);")]
        #[doc = concat!("assert_eq!(value.is_sensitive(), ", sensitive!($secret), ");")]
        /// # Ok::<(), http_auth_headers::BuildError>(())
        /// ```
        #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
        impl TryFrom<$builder<'_>> for HeaderValue {
            type Error = BuildError;

            fn try_from(builder: $builder<'_>) -> Result<Self, BuildError> {
                Ok(header_value(builder.finish()?.into_bytes(), Secret::$secret))
            }
        }
    )*};
}

builder_to_header_value! {
    BasicChallengeBuilder: No, "a challenge", "basic::BasicChallenge",
        "BasicChallenge::builder(\"api\")", "Basic realm=\"api\"";
    BasicCredentialsBuilder: Yes, "credentials: marked sensitive", "basic::BasicCredentials",
        "BasicCredentials::builder(\"a\", \"b\")", "Basic YTpi";
    BearerChallengeBuilder: No, "a challenge", "bearer::BearerChallenge",
        "BearerChallenge::builder().error(\"invalid_token\")", "Bearer error=\"invalid_token\"";
    BearerCredentialsBuilder: Yes, "credentials: marked sensitive", "bearer::BearerCredentials",
        "BearerCredentials::builder(\"mF_9.B5f-4.1JqM\")", "Bearer mF_9.B5f-4.1JqM";
    DpopChallengeBuilder: No, "a challenge", "bearer::DpopChallenge",
        "DpopChallenge::builder().algs(\"ES256\")", "DPoP algs=\"ES256\"";
    DpopCredentialsBuilder: Yes, "credentials: marked sensitive", "bearer::DpopCredentials",
        "DpopCredentials::builder(\"Kz~8mXK1\")", "DPoP Kz~8mXK1";
    DigestChallengeBuilder: No, "a challenge", "digest::DigestChallenge",
        "DigestChallenge::builder(\"r\", \"n\")", "Digest realm=\"r\", nonce=\"n\"";
    DigestCredentialsBuilder: Yes, "credentials: marked sensitive", "digest::DigestCredentials",
        "DigestCredentials::builder(\"u\", \"r\", \"n\", \"/\", \"0f\")",
        "Digest username=\"u\", realm=\"r\", uri=\"/\", nonce=\"n\", response=\"0f\"";
    DigestAuthInfoBuilder: No, "`Authentication-Info`", "digest::DigestAuthInfo",
        "DigestAuthInfo::builder().nextnonce(\"n2\")", "nextnonce=\"n2\"";
}

/// Appends each challenge to `map` as its own field line under `name`
/// (`WWW-Authenticate` or `Proxy-Authenticate`), after the lines already
/// there, in order.
///
/// One line per challenge: recipients read the lines of a field as one list
/// (RFC 9110 section 5.3), and a client that does not split a line on
/// commas still sees every challenge. Each line is the challenge's canonical
/// form, byte for byte (`HeaderValue::from(&challenge)`).
///
/// ```
/// use http::header::{HeaderMap, PROXY_AUTHENTICATE};
/// use http_auth_headers::http_types::append_challenges;
/// use http_auth_headers::Challenges;
///
/// let offered = Challenges::parse("Negotiate, Basic realm=\"proxy\"")
///     .collect::<Result<Vec<_>, _>>()?;
/// let mut map = HeaderMap::new();
/// append_challenges(&mut map, PROXY_AUTHENTICATE, &offered);
/// let lines: Vec<_> = map.get_all(PROXY_AUTHENTICATE).iter().collect();
/// assert_eq!(lines, ["Negotiate", "Basic realm=\"proxy\""]);
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub fn append_challenges<'c, I>(map: &mut HeaderMap, name: HeaderName, challenges: I)
where
    I: IntoIterator,
    I::Item: Borrow<Challenge<'c>>,
{
    for challenge in challenges {
        map.append(name.clone(), HeaderValue::from(challenge.borrow()));
    }
}
