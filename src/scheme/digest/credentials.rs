//! The Digest credentials view.

#[cfg(feature = "alloc")]
use alloc::borrow::Cow;
use core::fmt;

use super::{bool_param, qop_cnonce_nc, Algorithm, NonceCount, Qop};
#[cfg(feature = "alloc")]
use crate::error::ToStrError;
use crate::ext_value::{Charset, ExtValue, ExtValueError};
use crate::param::ParamValue;
use crate::redact::Redacted;
use crate::scheme::{known_params, SchemeError};
use crate::Credentials;

/// The username of Digest credentials: `username` (a quoted-string or
/// token; with `userhash=true`, the hex hash of the name) or `username*` (an
/// RFC 8187 ext-value, for names a quoted-string cannot carry).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Username<'a> {
    /// From `username`; compare and hash its unescaped bytes.
    Plain(ParamValue<'a>),
    /// From `username*`, in UTF-8 or ISO-8859-1.
    Extended(ExtValue<'a>),
}

impl<'a> Username<'a> {
    /// The name as text: unescaped (`username`) or decoded and converted to
    /// UTF-8 (`username*`). Borrowed when nothing needed changing.
    ///
    /// # Errors
    ///
    /// When a `username` holds obs-text bytes that are not UTF-8 (only
    /// possible for input given as bytes).
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn to_str(&self) -> Result<Cow<'a, str>, ToStrError> {
        match self {
            Username::Plain(v) => v.to_str(),
            // Charset and UTF-8 validity were checked when it was read.
            Username::Extended(e) => e.to_str().map_err(|_| ToStrError::new()),
        }
    }
}

/// Digest credentials (RFC 7616 section 3.4), from an `Authorization` or
/// `Proxy-Authorization` credentials with `TryFrom`.
///
/// `Debug` does not show the response.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct DigestCredentials<'a> {
    username: Username<'a>,
    realm: ParamValue<'a>,
    nonce: ParamValue<'a>,
    uri: ParamValue<'a>,
    response: ParamValue<'a>,
    algorithm: Algorithm<'a>,
    cnonce: Option<ParamValue<'a>>,
    opaque: Option<ParamValue<'a>>,
    qop: Option<Qop<'a>>,
    nc: Option<NonceCount>,
    userhash: bool,
}

impl<'a> DigestCredentials<'a> {
    /// The username, from `username` or `username*`.
    pub fn username(&self) -> Username<'a> {
        self.username
    }

    /// The realm.
    pub fn realm(&self) -> ParamValue<'a> {
        self.realm
    }

    /// The nonce the client answers.
    pub fn nonce(&self) -> ParamValue<'a> {
        self.nonce
    }

    /// The effective request URI as the client sent it.
    pub fn uri(&self) -> ParamValue<'a> {
        self.uri
    }

    /// The response: the request digest in lowercase hex.
    pub fn response(&self) -> ParamValue<'a> {
        self.response
    }

    /// The algorithm; [`Algorithm::Md5`] when absent.
    pub fn algorithm(&self) -> Algorithm<'a> {
        self.algorithm
    }

    /// The client nonce (present whenever `qop` is).
    pub fn cnonce(&self) -> Option<ParamValue<'a>> {
        self.cnonce
    }

    /// The opaque value returned from the challenge.
    pub fn opaque(&self) -> Option<ParamValue<'a>> {
        self.opaque
    }

    /// The chosen qop: one value, not a list.
    pub fn qop(&self) -> Option<Qop<'a>> {
        self.qop
    }

    /// The nonce count (present whenever `qop` is).
    pub fn nc(&self) -> Option<NonceCount> {
        self.nc
    }

    /// Whether `username` is the hash of the name (`userhash=true`).
    pub fn userhash(&self) -> bool {
        self.userhash
    }
}

impl fmt::Debug for DigestCredentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DigestCredentials")
            .field("username", &self.username)
            .field("realm", &self.realm)
            .field("nonce", &self.nonce)
            .field("uri", &self.uri)
            .field("response", &Redacted)
            .field("algorithm", &self.algorithm)
            .field("cnonce", &self.cnonce)
            .field("opaque", &self.opaque)
            .field("qop", &self.qop)
            .field("nc", &self.nc)
            .field("userhash", &self.userhash)
            .finish()
    }
}

impl<'a> TryFrom<&Credentials<'a>> for DigestCredentials<'a> {
    type Error = SchemeError;

    fn try_from(c: &Credentials<'a>) -> Result<Self, SchemeError> {
        if !c.is_scheme("Digest") {
            return Err(SchemeError::WrongScheme("Digest"));
        }
        if c.token68().is_some() {
            return Err(SchemeError::UnexpectedToken68);
        }
        let [username, username_ext, realm, nonce, uri, response, algorithm, cnonce, opaque, qop, nc, userhash] =
            known_params(
                c.params(),
                [
                    "username",
                    "username*",
                    "realm",
                    "nonce",
                    "uri",
                    "response",
                    "algorithm",
                    "cnonce",
                    "opaque",
                    "qop",
                    "nc",
                    "userhash",
                ],
            )?;
        let userhash = userhash.map_or(Ok(false), |v| bool_param(v, "userhash"))?;
        let username = match (username, username_ext) {
            (Some(_), Some(_)) => {
                return Err(SchemeError::ConflictingParams("username", "username*"))
            }
            (None, None) => return Err(SchemeError::MissingParam("username")),
            (Some(v), None) => Username::Plain(v),
            (None, Some(_)) if userhash => {
                return Err(SchemeError::ConflictingParams("username*", "userhash"))
            }
            (None, Some(v)) => Username::Extended(username_ext_value(v)?),
        };
        let realm = realm.ok_or(SchemeError::MissingParam("realm"))?;
        let nonce = nonce.ok_or(SchemeError::MissingParam("nonce"))?;
        let uri = uri.ok_or(SchemeError::MissingParam("uri"))?;
        let response = response.ok_or(SchemeError::MissingParam("response"))?;
        let algorithm = match algorithm {
            None => Algorithm::Md5,
            Some(v) => Algorithm::from_value(v).ok_or(SchemeError::InvalidParam("algorithm"))?,
        };
        let (qop, nc) = qop_cnonce_nc(qop, cnonce, nc)?;
        Ok(DigestCredentials {
            username,
            realm,
            nonce,
            uri,
            response,
            algorithm,
            cnonce,
            opaque,
            qop,
            nc,
            userhash,
        })
    }
}

fn username_ext_value(v: ParamValue<'_>) -> Result<ExtValue<'_>, SchemeError> {
    if v.has_escapes() {
        return Err(SchemeError::InvalidParam("username*"));
    }
    let ext = ExtValue::parse(v.raw()).map_err(|e| SchemeError::InvalidExtValue("username*", e))?;
    match ext.charset() {
        Charset::Utf8 | Charset::Iso8859_1 => Ok(ext),
        _ => Err(SchemeError::InvalidExtValue(
            "username*",
            ExtValueError::UnsupportedCharset,
        )),
    }
}
