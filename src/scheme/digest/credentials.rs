//! The Digest credentials view.

#[cfg(feature = "alloc")]
use alloc::borrow::Cow;
use core::fmt;

#[cfg(feature = "alloc")]
use super::DigestCredentialsBuilder;
use super::{algorithm, bool_param, item_params, qop_cnonce_nc, Algorithm, NonceCount, Qop};
#[cfg(feature = "alloc")]
use crate::error::NotUtf8Error;
use crate::ext_value::{Charset, ExtValue, ExtValueError};
use crate::param::ParamValue;
use crate::redact::{ct_eq_bytes, Redacted};
use crate::scheme::{expect_params, known_params, present, try_from_ref, SchemeError};
use crate::Credentials;

/// The username of Digest credentials: `username` (a quoted-string or
/// token; with `userhash=true`, the hex hash of the name) or `username*` (an
/// RFC 8187 ext-value, for names a quoted-string cannot carry).
///
/// ```
/// use http_auth_headers::Credentials;
/// use http_auth_headers::scheme::digest::{DigestCredentials, Username};
///
/// let c = Credentials::parse(r#"Digest username*=UTF-8''J%C3%A4, realm="r", nonce="n", uri="/", response="0f""#)?;
/// let d = DigestCredentials::try_from(&c)?;
/// assert!(matches!(d.username(), Username::Extended(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::digest::DigestCredentials;
    ///
    /// let c = Credentials::parse(r#"Digest username*=UTF-8''J%C3%A4, realm="r", nonce="n", uri="/", response="0f""#)?;
    /// assert_eq!(DigestCredentials::try_from(&c)?.username().decoded_str()?, "Jä");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn decoded_str(&self) -> Result<Cow<'a, str>, NotUtf8Error> {
        match self {
            Username::Plain(v) => v.unescaped_str(),
            // Charset and UTF-8 validity were checked when it was read.
            Username::Extended(e) => e.decoded_str().map_err(|_| NotUtf8Error::new()),
        }
    }
}

/// Digest credentials (RFC 7616 section 3.4), from an `Authorization` or
/// `Proxy-Authorization` credentials with `TryFrom`.
///
/// It keeps the generic [`Credentials`] it was made from
/// ([`as_credentials`](Self::as_credentials)). `Debug` does not show the
/// response; equality compares it in constant time (there is no `Hash`,
/// which would read it in time that depends on it), and
/// [`response_matches`](Self::response_matches) checks it.
///
/// ```
/// use http_auth_headers::Credentials;
/// use http_auth_headers::scheme::digest::{Algorithm, DigestCredentials, Qop};
///
/// let c = Credentials::parse(r#"Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#)?;
/// let d = DigestCredentials::try_from(c)?;
/// assert_eq!(d.username().decoded_str()?, "Mufasa");
/// assert_eq!((d.algorithm(), d.qop()), (Algorithm::MD5, Some(Qop::AUTH)));
/// assert!(d.response_matches("8ca523f5e9506fed4657c9700eebdbec"));
/// assert!(!format!("{d:?}").contains("8ca523f5"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct DigestCredentials<'a> {
    item: Credentials<'a>,
    nc: Option<NonceCount>,
    userhash: bool,
    extended: bool,
}

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
impl DigestCredentials<'_> {
    /// The same view, owning its bytes, so that it can be kept past the
    /// input (across requests, or `.await` points).
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::digest::DigestCredentials;
    ///
    /// let kept: DigestCredentials<'static> = {
    ///     let received = String::from(r#"Digest username="u", realm="r", nonce="n", uri="/", response="0f""#);
    ///     DigestCredentials::try_from(Credentials::parse(&received)?)?.into_owned()
    /// };
    /// assert_eq!(kept.uri(), "/");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_owned(self) -> DigestCredentials<'static> {
        DigestCredentials {
            item: self.item.into_owned(),
            nc: self.nc,
            userhash: self.userhash,
            extended: self.extended,
        }
    }
}

impl<'a> DigestCredentials<'a> {
    item_params!(
        as_credentials,
        Credentials,
        "use http_auth_headers::{Credentials, scheme::digest::{Algorithm, DigestCredentials}};",
        r##"let c = Credentials::parse(r#"Digest username="u", realm="r", nonce="n", uri="/", response="0f", opaque="o", algorithm=SHA-256, userhash=true"#)?;
let v = DigestCredentials::try_from(&c)?;"##
    );

    /// The username, from `username` or `username*`.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::digest::{DigestCredentials, Qop};
    ///
    /// let c = Credentials::parse(r#"Digest username="u", realm="r", nonce="n", uri="/a", response="0f", qop=auth, cnonce="c", nc=00000002"#)?;
    /// let d = DigestCredentials::try_from(&c)?;
    /// assert_eq!(d.username().decoded_str()?, "u");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn username(&self) -> Username<'_> {
        if self.extended {
            // Checked when the view was made.
            let v = present(self.item.param("username*"));
            if let Ok(ext) = ExtValue::parse(v.raw()) {
                return Username::Extended(ext);
            }
        }
        Username::Plain(present(self.item.param("username")))
    }

    /// The effective request URI as the client sent it.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::digest::{DigestCredentials, Qop};
    ///
    /// let c = Credentials::parse(r#"Digest username="u", realm="r", nonce="n", uri="/a", response="0f", qop=auth, cnonce="c", nc=00000002"#)?;
    /// let d = DigestCredentials::try_from(&c)?;
    /// assert_eq!(d.uri(), "/a");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn uri(&self) -> ParamValue<'_> {
        present(self.item.param("uri"))
    }

    /// The response: the request digest in lowercase hex. To check it,
    /// prefer [`response_matches`](Self::response_matches).
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::digest::{DigestCredentials, Qop};
    ///
    /// let c = Credentials::parse(r#"Digest username="u", realm="r", nonce="n", uri="/a", response="0f", qop=auth, cnonce="c", nc=00000002"#)?;
    /// let d = DigestCredentials::try_from(&c)?;
    /// assert_eq!(d.response(), "0f");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn response(&self) -> ParamValue<'_> {
        present(self.item.param("response"))
    }

    /// Whether the response is `expected_hex` (the digest the server
    /// computed, in hex), ignoring ASCII case, compared in constant time:
    /// the time taken depends on the lengths, not on where the two differ
    /// (see [the scheme docs](crate::scheme#checking-credentials-safely)).
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::digest::DigestCredentials;
    ///
    /// let c = Credentials::parse(r#"Digest username="u", realm="r", nonce="n", uri="/", response="0A1b""#)?;
    /// let d = DigestCredentials::try_from(&c)?;
    /// assert!(d.response_matches("0a1b"));
    /// assert!(!d.response_matches("0a1c") && !d.response_matches("0a1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn response_matches(&self, expected_hex: &str) -> bool {
        ct_eq_bytes(self.response().bytes(), expected_hex.bytes(), true).into()
    }

    /// Starts writing Digest credentials with their required params; computing
    /// the `response` is the caller's job.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestCredentials;
    ///
    /// let v = DigestCredentials::builder("Mufasa", "r", "n", "/", "0f").finish()?;
    /// assert_eq!(v, r#"Digest username="Mufasa", realm="r", uri="/", nonce="n", response="0f""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder<'b>(
        username: &'b str,
        realm: &'b str,
        nonce: &'b str,
        uri: &'b str,
        response: &'b str,
    ) -> DigestCredentialsBuilder<'b> {
        DigestCredentialsBuilder::new(username, realm, nonce, uri, response)
    }

    /// The client nonce (present whenever `qop` is).
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::digest::{DigestCredentials, Qop};
    ///
    /// let c = Credentials::parse(r#"Digest username="u", realm="r", nonce="n", uri="/a", response="0f", qop=auth, cnonce="c", nc=00000002"#)?;
    /// let d = DigestCredentials::try_from(&c)?;
    /// assert_eq!(d.cnonce().unwrap(), "c");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cnonce(&self) -> Option<ParamValue<'_>> {
        self.item.param("cnonce")
    }

    /// The chosen qop: one value, not a list.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::digest::{DigestCredentials, Qop};
    ///
    /// let c = Credentials::parse(r#"Digest username="u", realm="r", nonce="n", uri="/a", response="0f", qop=auth, cnonce="c", nc=00000002"#)?;
    /// let d = DigestCredentials::try_from(&c)?;
    /// assert_eq!(d.qop(), Some(Qop::AUTH));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn qop(&self) -> Option<Qop<'_>> {
        self.item.param("qop").and_then(Qop::from_value)
    }

    /// The nonce count (present whenever `qop` is).
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::digest::{DigestCredentials, Qop};
    ///
    /// let c = Credentials::parse(r#"Digest username="u", realm="r", nonce="n", uri="/a", response="0f", qop=auth, cnonce="c", nc=00000002"#)?;
    /// let d = DigestCredentials::try_from(&c)?;
    /// assert_eq!(d.nc().unwrap().value(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nc(&self) -> Option<NonceCount> {
        self.nc
    }
}

/// Compares every value as the accessors give it, the response in constant
/// time (as [`response_matches`](DigestCredentials::response_matches));
/// params Digest does not define are not compared.
impl PartialEq for DigestCredentials<'_> {
    fn eq(&self, other: &Self) -> bool {
        let response = ct_eq_bytes(self.response().bytes(), other.response().bytes(), false);
        bool::from(response)
            && self.username() == other.username()
            && self.realm() == other.realm()
            && self.nonce() == other.nonce()
            && self.uri() == other.uri()
            && self.algorithm() == other.algorithm()
            && self.cnonce() == other.cnonce()
            && self.opaque() == other.opaque()
            && self.qop() == other.qop()
            && self.nc == other.nc
            && self.userhash == other.userhash
    }
}

impl Eq for DigestCredentials<'_> {}

impl fmt::Debug for DigestCredentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only the response is secret here; the other values are shown.
        let username = match self.username() {
            Username::Plain(v) => Username::Plain(v.revealed()),
            other => other,
        };
        f.debug_struct("DigestCredentials")
            .field("username", &username)
            .field("realm", &self.realm().revealed())
            .field("nonce", &self.nonce().revealed())
            .field("uri", &self.uri().revealed())
            .field("response", &Redacted)
            .field("algorithm", &self.algorithm())
            .field("cnonce", &self.cnonce().map(ParamValue::revealed))
            .field("opaque", &self.opaque().map(ParamValue::revealed))
            .field("qop", &self.qop())
            .field("nc", &self.nc)
            .field("userhash", &self.userhash)
            .finish()
    }
}

impl<'a> TryFrom<Credentials<'a>> for DigestCredentials<'a> {
    type Error = SchemeError;

    fn try_from(item: Credentials<'a>) -> Result<Self, SchemeError> {
        expect_params("Digest", item.is_scheme("Digest"), item.token68().is_some())?;
        let [username, username_ext, realm, nonce, uri, response, alg, cnonce, _, qop, nc, userhash] =
            known_params(
                item.params(),
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
        let extended = match (username, username_ext) {
            (Some(_), Some(_)) => {
                return Err(SchemeError::ConflictingParams("username", "username*"))
            }
            (None, None) => return Err(SchemeError::MissingParam("username")),
            (Some(_), None) => false,
            (None, Some(_)) if userhash => {
                return Err(SchemeError::ConflictingParams("username*", "userhash"))
            }
            (None, Some(v)) => {
                username_ext_value(v)?;
                true
            }
        };
        realm.ok_or(SchemeError::MissingParam("realm"))?;
        nonce.ok_or(SchemeError::MissingParam("nonce"))?;
        uri.ok_or(SchemeError::MissingParam("uri"))?;
        response.ok_or(SchemeError::MissingParam("response"))?;
        algorithm(alg)?;
        let (_, nc) = qop_cnonce_nc(qop, cnonce, nc)?;
        Ok(DigestCredentials {
            item,
            nc,
            userhash,
            extended,
        })
    }
}

try_from_ref!(DigestCredentials, Credentials);

/// Reads `username*`: an RFC 8187 ext-value in UTF-8 or ISO-8859-1, without
/// quoted-pairs, whose decoded text holds no control character (C0, DEL or
/// C1), as Basic refuses them in a user-id.
fn username_ext_value(v: ParamValue<'_>) -> Result<ExtValue<'_>, SchemeError> {
    if v.has_escapes() {
        return Err(SchemeError::InvalidParam("username*"));
    }
    let ext = ExtValue::parse(v.raw()).map_err(|e| SchemeError::InvalidExtValue("username*", e))?;
    let utf8 = ext.charset() == Charset::UTF_8;
    if !utf8 && ext.charset() != Charset::ISO_8859_1 {
        return Err(SchemeError::InvalidExtValue(
            "username*",
            ExtValueError::UnsupportedCharset,
        ));
    }
    // C1 is U+0080-U+009F: one byte in ISO-8859-1, `C2 80`-`C2 9F` in UTF-8.
    let mut prev = 0u8;
    let control = ext.bytes().any(|b| {
        let c1 = (0x80..=0x9F).contains(&b) && (!utf8 || prev == 0xC2);
        prev = b;
        b < 0x20 || b == 0x7F || c1
    });
    if control {
        return Err(SchemeError::ControlCharacter("username*"));
    }
    Ok(ext)
}
