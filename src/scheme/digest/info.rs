//! The Digest view of `Authentication-Info`.

#[cfg(feature = "alloc")]
use super::DigestAuthInfoBuilder;
use super::{qop_cnonce_nc, NonceCount, Qop};
use crate::param::{Param, ParamValue};
use crate::scheme::SchemeError;
#[cfg(feature = "alloc")]
use crate::AuthenticationInfo;

/// The Digest params of an `Authentication-Info` or
/// `Proxy-Authentication-Info` field (RFC 7616 section 3.5).
///
/// The field names no scheme: read it with this view when the request's
/// credentials were Digest. Params Digest does not define are ignored.
///
/// ```
/// use http_auth_headers::{AuthenticationInfo, InfoParams};
/// use http_auth_headers::scheme::digest::{DigestAuthInfo, Qop};
///
/// let value = r#"qop=auth, rspauth="6629fae4", cnonce="0a4f113b", nc=00000001"#;
/// let info = DigestAuthInfo::try_from(&AuthenticationInfo::parse(value)?)?;
/// assert_eq!(info.qop(), Some(Qop::AUTH));
/// assert_eq!(info.rspauth().unwrap(), "6629fae4");
/// assert!(info.nextnonce().is_none());
///
/// // Or straight from the lazy parser, without a Vec.
/// let params = InfoParams::parse(value).map(Result::unwrap);
/// assert_eq!(DigestAuthInfo::from_params(params)?, info);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DigestAuthInfo<'a> {
    nextnonce: Option<ParamValue<'a>>,
    qop: Option<Qop<'a>>,
    rspauth: Option<ParamValue<'a>>,
    cnonce: Option<ParamValue<'a>>,
    nc: Option<NonceCount>,
}

impl<'a> DigestAuthInfo<'a> {
    /// Reads the params of the field.
    ///
    /// # Errors
    ///
    /// [`SchemeError::DuplicateParam`]; [`SchemeError::InvalidParam`] for a
    /// `qop` that is not one token or an `nc` that is not 8 hex digits;
    /// [`SchemeError::MissingParam`] when `qop` is given without `rspauth`,
    /// `cnonce` or `nc`.
    ///
    /// ```
    /// use http_auth_headers::InfoParams;
    /// use http_auth_headers::scheme::{SchemeError, digest::DigestAuthInfo};
    ///
    /// let params = InfoParams::parse("qop=auth, nc=00000001").map(Result::unwrap);
    /// assert_eq!(DigestAuthInfo::from_params(params), Err(SchemeError::MissingParam("cnonce")));
    /// ```
    pub fn from_params<I: IntoIterator<Item = Param<'a>>>(params: I) -> Result<Self, SchemeError> {
        const NAMES: [&str; 5] = ["nextnonce", "qop", "rspauth", "cnonce", "nc"];
        let mut values = [None; 5];
        for p in params {
            if let Some(i) = NAMES.iter().position(|n| p.is(n)) {
                if values[i].is_some() {
                    return Err(SchemeError::DuplicateParam(NAMES[i]));
                }
                values[i] = Some(p.value());
            }
        }
        let [nextnonce, qop, rspauth, cnonce, nc] = values;
        let (qop, nc) = qop_cnonce_nc(qop, cnonce, nc)?;
        if qop.is_some() && rspauth.is_none() {
            return Err(SchemeError::MissingParam("rspauth"));
        }
        Ok(DigestAuthInfo {
            nextnonce,
            qop,
            rspauth,
            cnonce,
            nc,
        })
    }

    /// Starts writing the Digest params of an `Authentication-Info` field.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAuthInfo;
    ///
    /// assert_eq!(DigestAuthInfo::builder().nextnonce("n2").finish()?, r#"nextnonce="n2""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder<'b>() -> DigestAuthInfoBuilder<'b> {
        DigestAuthInfoBuilder::new()
    }

    /// The nonce the client should use next.
    ///
    /// ```
    /// use http_auth_headers::InfoParams;
    /// use http_auth_headers::scheme::digest::{DigestAuthInfo, Qop};
    ///
    /// let value = r#"nextnonce="n2", qop=auth, rspauth="d4", cnonce="c", nc=0000000a"#;
    /// let info = DigestAuthInfo::from_params(InfoParams::parse(value).map(Result::unwrap))?;
    /// assert_eq!(info.nextnonce().unwrap(), "n2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nextnonce(&self) -> Option<ParamValue<'a>> {
        self.nextnonce
    }

    /// The qop the server applied to the response.
    ///
    /// ```
    /// use http_auth_headers::InfoParams;
    /// use http_auth_headers::scheme::digest::{DigestAuthInfo, Qop};
    ///
    /// let value = r#"nextnonce="n2", qop=auth, rspauth="d4", cnonce="c", nc=0000000a"#;
    /// let info = DigestAuthInfo::from_params(InfoParams::parse(value).map(Result::unwrap))?;
    /// assert_eq!(info.qop(), Some(Qop::AUTH));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn qop(&self) -> Option<Qop<'a>> {
        self.qop
    }

    /// The response auth: the server's proof that it knows the secret
    /// (present whenever `qop` is).
    ///
    /// ```
    /// use http_auth_headers::InfoParams;
    /// use http_auth_headers::scheme::digest::{DigestAuthInfo, Qop};
    ///
    /// let value = r#"nextnonce="n2", qop=auth, rspauth="d4", cnonce="c", nc=0000000a"#;
    /// let info = DigestAuthInfo::from_params(InfoParams::parse(value).map(Result::unwrap))?;
    /// assert_eq!(info.rspauth().unwrap(), "d4");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rspauth(&self) -> Option<ParamValue<'a>> {
        self.rspauth
    }

    /// The client nonce of the request (present whenever `qop` is).
    ///
    /// ```
    /// use http_auth_headers::InfoParams;
    /// use http_auth_headers::scheme::digest::{DigestAuthInfo, Qop};
    ///
    /// let value = r#"nextnonce="n2", qop=auth, rspauth="d4", cnonce="c", nc=0000000a"#;
    /// let info = DigestAuthInfo::from_params(InfoParams::parse(value).map(Result::unwrap))?;
    /// assert_eq!(info.cnonce().unwrap(), "c");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cnonce(&self) -> Option<ParamValue<'a>> {
        self.cnonce
    }

    /// The nonce count of the request (present whenever `qop` is).
    ///
    /// ```
    /// use http_auth_headers::InfoParams;
    /// use http_auth_headers::scheme::digest::{DigestAuthInfo, Qop};
    ///
    /// let value = r#"nextnonce="n2", qop=auth, rspauth="d4", cnonce="c", nc=0000000a"#;
    /// let info = DigestAuthInfo::from_params(InfoParams::parse(value).map(Result::unwrap))?;
    /// assert_eq!(info.nc().unwrap().value(), 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nc(&self) -> Option<NonceCount> {
        self.nc
    }
}

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
impl<'a> TryFrom<&AuthenticationInfo<'a>> for DigestAuthInfo<'a> {
    type Error = SchemeError;

    fn try_from(info: &AuthenticationInfo<'a>) -> Result<Self, SchemeError> {
        Self::from_params(info.params().iter().copied())
    }
}
