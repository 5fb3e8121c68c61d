//! Digest (RFC 7616): typed views of challenges, credentials and
//! `Authentication-Info`, and writers that follow the RFC's quoting rules.
//!
//! ```
//! use http_auth_headers::{Challenges, Credentials};
//! use http_auth_headers::scheme::digest::{Algorithm, DigestChallenge, DigestCredentials, Qop};
//!
//! // RFC 7616 section 3.9.1: two challenges, SHA-256 preferred.
//! let value = r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;
//! let c = Challenges::parse(value).next().unwrap()?;
//! let digest = DigestChallenge::try_from(&c)?;
//! assert_eq!(digest.realm(), "http-auth@example.org");
//! assert_eq!(digest.algorithm(), Algorithm::SHA_256);
//! assert!(digest.qop().unwrap().eq([Qop::AUTH, Qop::AUTH_INT]));
//! assert!(!digest.stale());
//!
//! let creds = Credentials::parse(r#"Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="api@example.org", uri="/doe.json", nonce="abc", response="0f", qop=auth, nc=00000001, cnonce="xyz""#)?;
//! let digest = DigestCredentials::try_from(&creds)?;
//! assert_eq!(digest.username().decoded_str()?, "Jäsøn Doe");
//! assert_eq!(digest.nc().unwrap().value(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The views borrow every value from the parsed input and never allocate
//! (only the writers and the `to_str` conveniences need `alloc`). They keep
//! the values a digest is computed from as the RFC's `unq()` sees them:
//! [`ParamValue`] compares and iterates unescaped bytes, the nonce count
//! keeps its 8 hex digits as written ([`NonceCount::as_str`]), and the
//! username is decoded ([`Username::decoded_str`]). The same views serve
//! `Proxy-Authenticate`, `Proxy-Authorization` and
//! `Proxy-Authentication-Info` (RFC 7616 section 3.8).
//!
//! ## Authenticating (feature `digest`)
//!
//! [`DigestClient`] answers challenges and checks `rspauth`;
//! [`DigestServer`] issues challenges with stateless nonces and verifies
//! credentials; [`DigestAlgorithm`] computes the hashes of section 3.4.
//!
//! ```
//! # #[cfg(feature = "digest")] {
//! use http_auth_headers::scheme::digest::*;
//!
//! let server = DigestServer::with_secret("api@example.org", [42; 32]) // a random secret in real use
//!     .algorithms(&[DigestAlgorithm::Sha512_256, DigestAlgorithm::Sha256, DigestAlgorithm::Md5]);
//! let users = |name: &str, _realm: &str| (name == "Mufasa").then(|| UserSecret::Password("Circle of Life".into()));
//! let store = MemoryNonceStore::new();
//!
//! let mut client = DigestClient::new("Mufasa", "Circle of Life");
//! client.challenge(&server.challenges(DigestServer::unix_now())).unwrap();
//! let authorization = client.respond("GET", "/doe.json", b"").unwrap();
//!
//! let ok = server.verify(&authorization, &DigestRequest::new("GET", "/doe.json"), &users, &store, DigestServer::unix_now()).unwrap();
//! assert_eq!((ok.username(), ok.algorithm()), ("Mufasa", DigestAlgorithm::Sha512_256));
//! assert!(client.authentication_info(&ok.authentication_info(b""), b"").unwrap().rspauth_verified());
//! # }
//! ```
//!
//! ## Implementation notes
//!
//! Where RFC 7616 leaves room:
//! - A challenge needs `realm` and `nonce`: both go into the response
//!   (section 3.4.1), so a challenge without them cannot be answered.
//! - Credentials need `username` or `username*`, `realm`, `nonce`, `uri`
//!   and `response` (section 3.4); with `qop` they also need `cnonce` and
//!   `nc`. `response` is not checked for hex: a verifier compares it anyway.
//! - `stale` is `true` when its value is `true` (ASCII case-insensitive) and
//!   `false` for anything else, as section 3.3 says ("If stale is false, or
//!   anything other than true, …"). `userhash` must be `true` or `false`
//!   (any case); `charset` must be `UTF-8` (any case).
//! - `algorithm` and `qop` values are matched ASCII case-insensitively. An
//!   unknown value is kept as written (see [`Algorithm`] and [`Qop`])
//!   and must then be a token as written, without quoted-pairs. The
//!   challenge's `qop` list must hold at least one value.
//! - `nc` is exactly 8 hexadecimal digits; lowercase is what senders must
//!   write, uppercase is accepted.
//! - `username*` is an RFC 8187 ext-value in UTF-8 or ISO-8859-1 (RFC 5987,
//!   which RFC 7616 cites, allowed ISO-8859-1; it is converted to text by
//!   [`Username::decoded_str`]). Other charsets, a quoted `username*` holding
//!   quoted-pairs, `username` together with `username*`, and `username*`
//!   with `userhash=true` are errors.

mod algorithm;
mod challenge;
#[cfg(feature = "digest")]
mod client;
mod credentials;
#[cfg(feature = "digest")]
mod hash;
mod info;
mod nonce_count;
#[cfg(feature = "digest")]
mod server;
#[cfg(feature = "digest")]
mod store;

#[cfg(all(test, feature = "alloc"))]
mod tests;
#[cfg(feature = "alloc")]
mod write;

pub use algorithm::{Algorithm, Qop};
pub use challenge::{DigestChallenge, Domain, QopOptions};
pub use credentials::{DigestCredentials, Username};
pub use info::DigestAuthInfo;
pub use nonce_count::NonceCount;

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub use write::{DigestAuthInfoBuilder, DigestChallengeBuilder, DigestCredentialsBuilder};

#[cfg(feature = "digest")]
#[cfg_attr(docsrs, doc(cfg(feature = "digest")))]
pub use client::{AuthInfoOutcome, DigestClient, DigestClientError};
#[cfg(feature = "digest")]
#[cfg_attr(docsrs, doc(cfg(feature = "digest")))]
pub use hash::{DigestAlgorithm, HexDigest};
#[cfg(feature = "digest")]
#[cfg_attr(docsrs, doc(cfg(feature = "digest")))]
pub use server::{
    DigestRequest, DigestServer, DigestUsers, HtdigestError, RandomError, UserSecret, UserTable,
    Verified, VerifyError,
};
#[cfg(feature = "digest")]
#[cfg_attr(docsrs, doc(cfg(feature = "digest")))]
pub use store::{MemoryNonceStore, NonceStore};

use super::{is_one_of, SchemeError};
use crate::item::Role;
use crate::param::ParamValue;
use crate::syntax;

/// Whether the canonical writer quotes the param `name` of a Digest item
/// even when its value is a token: the sender rules of RFC 7616 sections
/// 3.3 (challenges) and 3.4 (credentials).
pub(crate) fn must_quote(role: Role, scheme: &[u8], name: &[u8]) -> bool {
    scheme.eq_ignore_ascii_case(b"Digest")
        && match role {
            Role::Challenge => is_one_of(name, &["domain", "nonce", "opaque", "qop"]),
            Role::Credentials => is_one_of(
                name,
                &["username", "nonce", "uri", "response", "cnonce", "opaque"],
            ),
        }
}

/// Digest's `Authentication-Info` sender rule (RFC 7616 section 3.5):
/// `nextnonce`, `rspauth` and `cnonce` are always quoted.
pub(crate) fn info_must_quote(name: &[u8]) -> bool {
    is_one_of(name, &["nextnonce", "rspauth", "cnonce"])
}

/// The value as `&str` when it is a token as written (no quoted-pairs).
pub(crate) fn token_str(v: ParamValue<'_>) -> Option<&str> {
    v.as_str().filter(|s| syntax::is_token(s.as_bytes()))
}

/// Reads `algorithm`: MD5 when absent, else a registered name or a token.
pub(crate) fn algorithm(v: Option<ParamValue<'_>>) -> Result<Algorithm<'_>, SchemeError> {
    v.map_or(Ok(Algorithm::MD5), |v| {
        Algorithm::from_value(v).ok_or(SchemeError::InvalidParam("algorithm"))
    })
}

/// The accessors both Digest views share, reading the stored item. The
/// examples start with `$uses` and `$setup`, which make a view `v` of a
/// value with realm `r`, nonce `n`, opaque `o`, SHA-256 and `userhash=true`.
macro_rules! item_params {
    ($as_item:ident, $item:ident, $uses:literal, $setup:literal) => {
        /// The realm (required).
        ///
        /// ```
        #[doc = $uses]
        ///
        #[doc = $setup]
        /// assert_eq!(v.realm(), "r");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        pub fn realm(&self) -> ParamValue<'_> {
            crate::scheme::present(self.item.param("realm"))
        }

        /// The nonce (required).
        ///
        /// ```
        #[doc = $uses]
        ///
        #[doc = $setup]
        /// assert_eq!(v.nonce(), "n");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        pub fn nonce(&self) -> ParamValue<'_> {
            crate::scheme::present(self.item.param("nonce"))
        }

        /// The opaque value (the client returns the challenge's unchanged).
        ///
        /// ```
        #[doc = $uses]
        ///
        #[doc = $setup]
        /// assert_eq!(v.opaque().unwrap(), "o");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        pub fn opaque(&self) -> Option<ParamValue<'_>> {
            self.item.param("opaque")
        }

        /// The algorithm; [`Algorithm::MD5`] when absent.
        ///
        /// ```
        #[doc = $uses]
        ///
        #[doc = $setup]
        /// assert_eq!(v.algorithm(), Algorithm::SHA_256);
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        pub fn algorithm(&self) -> Algorithm<'_> {
            // Checked when the view was made.
            super::algorithm(self.item.param("algorithm")).unwrap_or_default()
        }

        /// Whether `userhash=true` (section 3.4.4; `false` when absent): in a
        /// challenge, the server supports username hashing; in credentials,
        /// the username is that hash.
        ///
        /// ```
        #[doc = $uses]
        ///
        #[doc = $setup]
        /// assert!(v.userhash());
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        pub fn userhash(&self) -> bool {
            self.userhash
        }

        #[doc = concat!("The generic [`", stringify!($item), "`] this view reads.")]
        ///
        /// ```
        #[doc = $uses]
        ///
        #[doc = $setup]
        #[doc = concat!("assert!(v.", stringify!($as_item), "().is_scheme(\"Digest\"));")]
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        pub fn $as_item(&self) -> &$item<'a> {
            &self.item
        }
    };
}

pub(crate) use item_params;

/// `true` or `false`, ASCII case-insensitive.
pub(crate) fn bool_param(v: ParamValue<'_>, name: &'static str) -> Result<bool, SchemeError> {
    if v.eq_ignore_ascii_case(b"true") {
        Ok(true)
    } else if v.eq_ignore_ascii_case(b"false") {
        Ok(false)
    } else {
        Err(SchemeError::InvalidParam(name))
    }
}

/// Reads a single `qop` and `nc`, and requires `cnonce` and `nc` with `qop`
/// (RFC 7616 sections 3.4 and 3.5).
pub(crate) fn qop_cnonce_nc<'a>(
    qop: Option<ParamValue<'a>>,
    cnonce: Option<ParamValue<'a>>,
    nc: Option<ParamValue<'a>>,
) -> Result<(Option<Qop<'a>>, Option<NonceCount>), SchemeError> {
    let qop = qop
        .map(|v| Qop::from_value(v).ok_or(SchemeError::InvalidParam("qop")))
        .transpose()?;
    let nc = nc
        .map(|v| NonceCount::from_value(v).ok_or(SchemeError::InvalidParam("nc")))
        .transpose()?;
    if qop.is_some() {
        if cnonce.is_none() {
            return Err(SchemeError::MissingParam("cnonce"));
        }
        if nc.is_none() {
            return Err(SchemeError::MissingParam("nc"));
        }
    }
    Ok((qop, nc))
}
