//! The `headers` crate's typed headers (feature `headers`): `WWW-Authenticate`
//! and `Proxy-Authenticate` as [`headers::Header`]s, and the typed
//! credentials of [`scheme`](crate::scheme) as
//! [`headers::authorization::Credentials`].
//!
//! [`WwwAuthenticate`] and [`ProxyAuthenticate`] own their challenges
//! ([`Challenge<'static>`](crate::Challenge)), so that they can be kept and
//! moved across `.await` points as the `headers` crate's types are.
//! Decoding reads **every line** of the field as one list (RFC 9110 section
//! 5.3), strictly, with [`Challenges::parse_lines`]; any error is
//! `headers::Error::invalid()` (parse the lines yourself for the error's
//! offset). Encoding writes **one field line per challenge**, in canonical
//! form. Both collect from challenges, so lenient mode or limits give the
//! same types through [`ParseOptions`](crate::ParseOptions):
//!
//! ```
//! use http_auth_headers::typed_headers::WwwAuthenticate;
//! use http_auth_headers::{Challenges, ParseOptions};
//!
//! // What some MCP servers send: strict parsing refuses the comma.
//! let lines = [r#"Bearer, resource_metadata="https://mcp.example/m""#];
//! assert!(WwwAuthenticate::parse_lines(&lines).is_err());
//! let h: WwwAuthenticate = ParseOptions::new()
//!     .lenient()
//!     .parse_lines::<Challenges>(&lines)
//!     .collect::<Result<_, _>>()?;
//! assert_eq!(h.find("bearer").unwrap().param("resource_metadata").unwrap(), "https://mcp.example/m");
//! # Ok::<(), http_auth_headers::Error>(())
//! ```
//!
//! `Authorization<C>` and `ProxyAuthorization<C>` of the `headers` crate
//! take any [`headers::authorization::Credentials`]; this module implements
//! it for
//! [`DigestCredentials<'static>`](crate::scheme::digest::DigestCredentials)
//! and [`DpopCredentials<'static>`](crate::scheme::bearer::DpopCredentials)
//! (which `headers` lacks), and for
//! [`BasicCredentials`] and
//! [`BearerCredentials<'static>`](crate::scheme::bearer::BearerCredentials),
//! which differ from `headers`' own `Basic` and `Bearer`: `Debug` does not
//! show the password or token, equality takes constant time, a user-id
//! holding `:` is refused instead of decoding as another user, and a token
//! must be a `b64token`. Decoding fails (the header is invalid) when the
//! credentials do not parse or do not make a valid view; encoding marks the
//! value sensitive.
//!
//! ```
//! use headers::authorization::Authorization;
//! use headers::{HeaderMap, HeaderMapExt};
//! use http_auth_headers::scheme::digest::DigestCredentials;
//! use http_auth_headers::typed_headers::WwwAuthenticate;
//!
//! // A client reads the challenges of a 401, however many lines they take.
//! let mut map = HeaderMap::new();
//! map.append("www-authenticate", r#"Digest realm="api", nonce="n1", algorithm=SHA-256"#.parse()?);
//! map.append("www-authenticate", r#"Basic realm="api""#.parse()?);
//! let offered: WwwAuthenticate = map.typed_get().unwrap();
//! assert_eq!(offered.challenges().len(), 2);
//! assert_eq!(offered.find("basic").unwrap().param("realm").unwrap(), "api");
//!
//! // A server reads Digest credentials; Debug hides the response.
//! let mut map = HeaderMap::new();
//! map.insert("authorization", r#"Digest username="Mufasa", realm="api", nonce="n1", uri="/", response="8ca5""#.parse()?);
//! let Authorization(digest) = map.typed_get::<Authorization<DigestCredentials<'static>>>().unwrap();
//! assert_eq!(digest.username().decoded_str()?, "Mufasa");
//! assert!(!format!("{digest:?}").contains("8ca5"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use alloc::vec::Vec;
use core::slice;

use ::headers::authorization;
use ::headers::{Error as HeadersError, Header};
use ::http::header::{HeaderName, HeaderValue, PROXY_AUTHENTICATE, WWW_AUTHENTICATE};
use base64::Engine as _;

use crate::http_types::{header_value, Secret};
use crate::scheme::basic::BasicCredentials;
use crate::scheme::bearer::{BearerCredentials, DpopCredentials};
use crate::scheme::digest::DigestCredentials;
use crate::{Challenge, Challenges, Credentials, Error, FieldLines, FieldValue};

/// Decodes the lines of a challenge field as one list, owned.
fn decode_challenges<'i, I>(values: &mut I) -> Result<Vec<Challenge<'static>>, HeadersError>
where
    I: Iterator<Item = &'i HeaderValue>,
{
    let lines: Vec<&HeaderValue> = values.collect();
    if lines.is_empty() {
        // An absent field: `typed_get` gives `None`.
        return Err(HeadersError::invalid());
    }
    Challenges::parse_lines(&lines)
        .map(|c| c.map(Challenge::into_owned))
        .collect::<Result<_, _>>()
        .map_err(|_| HeadersError::invalid())
}

/// `WwwAuthenticate` and `ProxyAuthenticate`.
macro_rules! challenge_header {
    ($ty:ident, $const:ident, $field:literal, $doc_name:literal) => {
        #[doc = concat!("The challenges of a `", $field, "` field, owned: a [`headers::Header`].")]
        ///
        /// Decoding reads every field line as one list (a line may even go
        /// on with the params of the previous line's challenge) and fails
        /// when there is no line or the list does not parse strictly.
        /// Encoding writes one field line per challenge, in canonical form.
        /// A list with no challenge (the field value `""` or `","`) is
        /// valid and encodes as no line.
        ///
        /// ```
        /// use headers::{HeaderMap, HeaderMapExt};
        #[doc = concat!("use http_auth_headers::typed_headers::", stringify!($ty), ";")]
        ///
        #[doc = concat!("let header = ", stringify!($ty), "::parse(r#\"Basic realm=\"a\", Bearer realm=\"b\"\"#)?;")]
        /// let mut map = HeaderMap::new();
        /// map.typed_insert(header.clone());
        #[doc = concat!("let lines: Vec<_> = map.get_all(\"", $doc_name, "\").iter().collect();")]
        /// assert_eq!(lines, [r#"Basic realm="a""#, r#"Bearer realm="b""#]);
        #[doc = concat!("assert_eq!(map.typed_get::<", stringify!($ty), ">(), Some(header));")]
        /// # Ok::<(), http_auth_headers::Error>(())
        /// ```
        #[cfg_attr(docsrs, doc(cfg(feature = "headers")))]
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
        pub struct $ty {
            challenges: Vec<Challenge<'static>>,
        }

        impl $ty {
            /// Parses one field line, strictly, keeping owned challenges.
            ///
            /// ```
            #[doc = concat!("use http_auth_headers::typed_headers::", stringify!($ty), ";")]
            ///
            #[doc = concat!("let h = ", stringify!($ty), "::parse(\"Negotiate, Basic realm=x\")?;")]
            /// assert_eq!(h.challenges().len(), 2);
            #[doc = concat!("assert!(", stringify!($ty), "::parse(\"Basic realm=\\\"x\").is_err());")]
            /// # Ok::<(), http_auth_headers::Error>(())
            /// ```
            ///
            /// # Errors
            ///
            /// The first syntax error, as [`Challenges::parse`] yields it.
            pub fn parse<T: FieldValue + ?Sized>(value: &T) -> Result<Self, Error> {
                Challenges::parse(value).collect()
            }

            /// Parses the field lines of one field as one list, strictly,
            /// keeping owned challenges: a server's challenges written by
            /// the builders, one line each, for example.
            ///
            /// ```
            /// use http_auth_headers::scheme::basic::BasicChallenge;
            /// use http_auth_headers::scheme::bearer::BearerChallenge;
            #[doc = concat!("use http_auth_headers::typed_headers::", stringify!($ty), ";")]
            ///
            /// let lines = [
            ///     BasicChallenge::builder("api").finish()?,
            ///     BearerChallenge::builder().realm("api").finish()?,
            /// ];
            #[doc = concat!("let h = ", stringify!($ty), "::parse_lines(&lines)?;")]
            /// assert!(h.find("Bearer").is_some());
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            ///
            /// # Errors
            ///
            /// The first syntax error, as [`Challenges::parse_lines`] yields it.
            pub fn parse_lines<L: FieldLines + Sync>(lines: &L) -> Result<Self, Error> {
                Challenges::parse_lines(lines).collect()
            }

            /// The challenges, in order.
            ///
            /// ```
            #[doc = concat!("use http_auth_headers::typed_headers::", stringify!($ty), ";")]
            ///
            #[doc = concat!("let h = ", stringify!($ty), "::parse(\"Negotiate, Basic realm=x\")?;")]
            /// let schemes: Vec<&str> = h.challenges().iter().map(|c| c.scheme()).collect();
            /// assert_eq!(schemes, ["Negotiate", "Basic"]);
            /// # Ok::<(), http_auth_headers::Error>(())
            /// ```
            pub fn challenges(&self) -> &[Challenge<'static>] {
                &self.challenges
            }

            /// The first challenge of `scheme`, ignoring ASCII case.
            ///
            /// ```
            #[doc = concat!("use http_auth_headers::typed_headers::", stringify!($ty), ";")]
            ///
            #[doc = concat!("let h = ", stringify!($ty), "::parse(\"Basic realm=a, Basic realm=b\")?;")]
            /// assert_eq!(h.find("BASIC").unwrap().param("realm").unwrap(), "a");
            /// assert!(h.find("Digest").is_none());
            /// # Ok::<(), http_auth_headers::Error>(())
            /// ```
            pub fn find(&self, scheme: &str) -> Option<&Challenge<'static>> {
                self.challenges.iter().find(|c| c.is_scheme(scheme))
            }
        }

        /// Collects challenges, owning them (see
        /// [`Challenge::into_owned`]); with `Result`s, stops at the first
        /// error.
        ///
        /// ```
        /// use http_auth_headers::Challenges;
        #[doc = concat!("use http_auth_headers::typed_headers::", stringify!($ty), ";")]
        ///
        /// let basic = Challenges::parse("Basic realm=x").next().unwrap()?;
        #[doc = concat!("let h: ", stringify!($ty), " = [basic].into_iter().collect();")]
        /// assert_eq!(h.challenges().len(), 1);
        /// # Ok::<(), http_auth_headers::Error>(())
        /// ```
        impl<'a> FromIterator<Challenge<'a>> for $ty {
            fn from_iter<I: IntoIterator<Item = Challenge<'a>>>(iter: I) -> Self {
                $ty {
                    challenges: iter.into_iter().map(Challenge::into_owned).collect(),
                }
            }
        }

        /// The challenges, in order.
        ///
        /// ```
        #[doc = concat!("use http_auth_headers::typed_headers::", stringify!($ty), ";")]
        ///
        #[doc = concat!("let h = ", stringify!($ty), "::parse(\"A, B\")?;")]
        /// assert_eq!((&h).into_iter().count(), 2);
        /// # Ok::<(), http_auth_headers::Error>(())
        /// ```
        impl<'h> IntoIterator for &'h $ty {
            type Item = &'h Challenge<'static>;
            type IntoIter = slice::Iter<'h, Challenge<'static>>;

            fn into_iter(self) -> Self::IntoIter {
                self.challenges.iter()
            }
        }

        /// The challenges, in order, owned.
        ///
        /// ```
        /// use http_auth_headers::Challenge;
        #[doc = concat!("use http_auth_headers::typed_headers::", stringify!($ty), ";")]
        ///
        #[doc = concat!("let h = ", stringify!($ty), "::parse(\"A, B\")?;")]
        /// let all: Vec<Challenge<'static>> = h.into_iter().collect();
        /// assert_eq!(all[1].scheme(), "B");
        /// # Ok::<(), http_auth_headers::Error>(())
        /// ```
        impl IntoIterator for $ty {
            type Item = Challenge<'static>;
            type IntoIter = alloc::vec::IntoIter<Challenge<'static>>;

            fn into_iter(self) -> Self::IntoIter {
                self.challenges.into_iter()
            }
        }

        #[doc = concat!("`", $field, "`: every line decoded as one list; one line per challenge encoded.")]
        impl Header for $ty {
            fn name() -> &'static HeaderName {
                &$const
            }

            fn decode<'i, I>(values: &mut I) -> Result<Self, HeadersError>
            where
                I: Iterator<Item = &'i HeaderValue>,
            {
                decode_challenges(values).map(|challenges| $ty { challenges })
            }

            fn encode<E: Extend<HeaderValue>>(&self, values: &mut E) {
                values.extend(self.challenges.iter().map(HeaderValue::from));
            }
        }
    };
}

challenge_header!(
    WwwAuthenticate,
    WWW_AUTHENTICATE,
    "WWW-Authenticate",
    "www-authenticate"
);
challenge_header!(
    ProxyAuthenticate,
    PROXY_AUTHENTICATE,
    "Proxy-Authenticate",
    "proxy-authenticate"
);

/// Parses credentials and makes the typed view, owned.
fn decode_view<V>(
    value: &HeaderValue,
    view: impl FnOnce(Credentials<'_>) -> Option<V>,
) -> Option<V> {
    Credentials::parse(value).ok().and_then(view)
}

/// `Authorization<DigestCredentials<'static>>` (and `ProxyAuthorization`):
/// the credentials must make a valid [`DigestCredentials`] view.
///
/// ```
/// use headers::authorization::{Authorization, Credentials as _};
/// use headers::{HeaderMap, HeaderMapExt};
/// use http_auth_headers::scheme::digest::DigestCredentials;
///
/// let mut map = HeaderMap::new();
/// map.insert("authorization", r#"Digest username="u", realm="r", nonce="n", uri="/", response="0f""#.parse()?);
/// let Authorization(d) = map.typed_get::<Authorization<DigestCredentials<'static>>>().unwrap();
/// assert_eq!(d.uri(), "/");
/// assert!(d.encode().is_sensitive());
///
/// // No response: not valid Digest credentials, so no typed header.
/// map.insert("authorization", r#"Digest username="u", realm="r", nonce="n", uri="/""#.parse()?);
/// assert!(map.typed_get::<Authorization<DigestCredentials<'static>>>().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "headers")))]
impl authorization::Credentials for DigestCredentials<'static> {
    const SCHEME: &'static str = "Digest";

    fn decode(value: &HeaderValue) -> Option<Self> {
        decode_view(value, |c| {
            DigestCredentials::try_from(c)
                .ok()
                .map(DigestCredentials::into_owned)
        })
    }

    fn encode(&self) -> HeaderValue {
        HeaderValue::from(self.as_credentials())
    }
}

/// `Authorization<DpopCredentials<'static>>` (RFC 9449): a DPoP-bound
/// access token.
///
/// ```
/// use headers::authorization::Authorization;
/// use headers::{HeaderMap, HeaderMapExt};
/// use http_auth_headers::scheme::bearer::DpopCredentials;
///
/// let mut map = HeaderMap::new();
/// map.insert("authorization", "DPoP Kz~8mXK1".parse()?);
/// let Authorization(t) = map.typed_get::<Authorization<DpopCredentials<'static>>>().unwrap();
/// assert!(t.token_matches("Kz~8mXK1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "headers")))]
impl authorization::Credentials for DpopCredentials<'static> {
    const SCHEME: &'static str = "DPoP";

    fn decode(value: &HeaderValue) -> Option<Self> {
        decode_view(value, |c| {
            DpopCredentials::try_from(c)
                .ok()
                .map(DpopCredentials::into_owned)
        })
    }

    fn encode(&self) -> HeaderValue {
        HeaderValue::from(self.as_credentials())
    }
}

/// `Authorization<BearerCredentials<'static>>`: like `headers`' `Bearer`,
/// with a redacted `Debug`, a constant-time check
/// ([`token_matches`](BearerCredentials::token_matches)) and a token that
/// must be a `b64token` (RFC 6750 section 2.1).
///
/// ```
/// use headers::authorization::Authorization;
/// use headers::{HeaderMap, HeaderMapExt};
/// use http_auth_headers::scheme::bearer::BearerCredentials;
///
/// let mut map = HeaderMap::new();
/// map.insert("authorization", "Bearer mF_9.B5f-4.1JqM".parse()?);
/// let Authorization(t) = map.typed_get::<Authorization<BearerCredentials<'static>>>().unwrap();
/// assert!(t.token_matches("mF_9.B5f-4.1JqM"));
/// assert!(!format!("{t:?}").contains("mF_9"));
/// map.insert("authorization", "Bearer a b".parse()?);
/// assert!(map.typed_get::<Authorization<BearerCredentials<'static>>>().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "headers")))]
impl authorization::Credentials for BearerCredentials<'static> {
    const SCHEME: &'static str = "Bearer";

    fn decode(value: &HeaderValue) -> Option<Self> {
        decode_view(value, |c| {
            BearerCredentials::try_from(c)
                .ok()
                .map(BearerCredentials::into_owned)
        })
    }

    fn encode(&self) -> HeaderValue {
        HeaderValue::from(self.as_credentials())
    }
}

/// `Authorization<BasicCredentials>`: like `headers`' `Basic`, with a
/// redacted `Debug`, a constant-time check
/// ([`verify`](BasicCredentials::verify)), the password wiped on drop with
/// the `zeroize` feature, and strict base64.
///
/// ```
/// use headers::authorization::{Authorization, Credentials as _};
/// use headers::{HeaderMap, HeaderMapExt};
/// use http_auth_headers::scheme::basic::BasicCredentials;
///
/// let mut map = HeaderMap::new();
/// map.insert("authorization", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==".parse()?);
/// let Authorization(basic) = map.typed_get::<Authorization<BasicCredentials>>().unwrap();
/// assert!(basic.verify("Aladdin", "open sesame"));
/// assert_eq!(basic.encode(), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "headers")))]
impl authorization::Credentials for BasicCredentials {
    const SCHEME: &'static str = "Basic";

    fn decode(value: &HeaderValue) -> Option<Self> {
        decode_view(value, |c| BasicCredentials::try_from(&c).ok())
    }

    fn encode(&self) -> HeaderValue {
        let mut out = alloc::string::String::from("Basic ");
        base64::engine::general_purpose::STANDARD.encode_string(self.user_pass(), &mut out);
        header_value(out.into_bytes(), Secret::Yes)
    }
}
