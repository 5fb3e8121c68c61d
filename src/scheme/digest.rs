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
//! assert_eq!(digest.algorithm(), Algorithm::Sha256);
//! assert!(digest.qop().unwrap().eq([Qop::Auth, Qop::AuthInt]));
//! assert!(!digest.stale());
//!
//! let creds = Credentials::parse(r#"Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="api@example.org", uri="/doe.json", nonce="abc", response="0f", qop=auth, nc=00000001, cnonce="xyz""#)?;
//! let digest = DigestCredentials::try_from(&creds)?;
//! assert_eq!(digest.username().to_str()?, "Jäsøn Doe");
//! assert_eq!(digest.nc().unwrap().value(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The views borrow every value from the parsed input and never allocate
//! (only the writers and the `to_str` conveniences need `alloc`). They keep
//! the values a digest is computed from as the RFC's `unq()` sees them:
//! [`ParamValue`] compares and iterates unescaped bytes, the nonce count
//! keeps its 8 hex digits as written ([`NonceCount::as_str`]), and the
//! username is decoded ([`Username::to_str`]). The same views serve
//! `Proxy-Authenticate`, `Proxy-Authorization` and
//! `Proxy-Authentication-Info` (RFC 7616 section 3.8).
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
//!   unknown value is kept as written ([`Algorithm::Other`], [`Qop::Other`])
//!   and must then be a token as written, without quoted-pairs. The
//!   challenge's `qop` list must hold at least one value.
//! - `nc` is exactly 8 hexadecimal digits; lowercase is what senders must
//!   write, uppercase is accepted.
//! - `username*` is an RFC 8187 ext-value in UTF-8 or ISO-8859-1 (RFC 5987,
//!   which RFC 7616 cites, allowed ISO-8859-1; it is converted to text by
//!   [`Username::to_str`]). Other charsets, a quoted `username*` holding
//!   quoted-pairs, `username` together with `username*`, and `username*`
//!   with `userhash=true` are errors.

#[cfg(feature = "alloc")]
use alloc::borrow::Cow;
use core::fmt;
use core::iter::FusedIterator;

use super::{known_params, SchemeError};
#[cfg(feature = "alloc")]
use crate::error::NotUtf8Error;
use crate::ext_value::{Charset, ExtValue, ExtValueError};
use crate::param::{Param, ParamValue};
use crate::syntax::{self, RawValue};
#[cfg(feature = "alloc")]
use crate::AuthenticationInfo;
use crate::{Challenge, Credentials};

/// A Digest hash algorithm (RFC 7616 section 3.3, the IANA "Hash Algorithms
/// for HTTP Digest Authentication" registry), matched ASCII
/// case-insensitively. The default, when a challenge or credentials has no
/// `algorithm`, is [`Md5`](Self::Md5).
///
/// ```
/// use http_auth_headers::scheme::digest::Algorithm;
///
/// assert_eq!(Algorithm::from_name("sha-256-SESS"), Algorithm::Sha256Sess);
/// assert_eq!(Algorithm::Sha256Sess.name(), "SHA-256-sess");
/// assert!(Algorithm::Sha256Sess.is_session());
/// assert_eq!(Algorithm::from_name("SHA3"), Algorithm::Other("SHA3"));
/// assert_eq!(Algorithm::default(), Algorithm::Md5);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Algorithm<'a> {
    /// `MD5`.
    #[default]
    Md5,
    /// `MD5-sess`.
    Md5Sess,
    /// `SHA-256`.
    Sha256,
    /// `SHA-256-sess`.
    Sha256Sess,
    /// `SHA-512-256`: FIPS 180-4 SHA-512/256 (not a truncated SHA-512).
    Sha512_256,
    /// `SHA-512-256-sess`.
    Sha512_256Sess,
    /// Any other algorithm, as written (a token). Section 3.3: a client
    /// SHOULD ignore a challenge whose algorithm it does not understand.
    Other(&'a str),
}

const ALGORITHMS: [(Algorithm<'static>, &str); 6] = [
    (Algorithm::Md5, "MD5"),
    (Algorithm::Md5Sess, "MD5-sess"),
    (Algorithm::Sha256, "SHA-256"),
    (Algorithm::Sha256Sess, "SHA-256-sess"),
    (Algorithm::Sha512_256, "SHA-512-256"),
    (Algorithm::Sha512_256Sess, "SHA-512-256-sess"),
];

impl<'a> Algorithm<'a> {
    /// The algorithm named `name`, ignoring ASCII case; [`Other`](Self::Other)
    /// when it is none of the registered ones.
    pub fn from_name(name: &'a str) -> Self {
        ALGORITHMS
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(name))
            .map_or(Algorithm::Other(name), |&(a, _)| a)
    }

    /// The name as registered (`MD5`, `SHA-256-sess`, …), or as written for
    /// [`Other`](Self::Other).
    pub fn name(&self) -> &'a str {
        match self {
            Algorithm::Other(name) => name,
            known => ALGORITHMS
                .iter()
                .find(|(a, _)| a == known)
                .map_or("", |&(_, n)| n),
        }
    }

    /// Whether this is a `-sess` variant, whose A1 includes the nonce and
    /// cnonce (RFC 7616 section 3.4.2).
    pub fn is_session(&self) -> bool {
        let name = self.name().as_bytes();
        name.len() > 5
            && name
                .get(name.len() - 5..)
                .is_some_and(|s| s.eq_ignore_ascii_case(b"-sess"))
    }

    fn from_value(v: ParamValue<'a>) -> Option<Self> {
        if let Some(&(a, _)) = ALGORITHMS
            .iter()
            .find(|(_, n)| v.eq_ignore_ascii_case(n.as_bytes()))
        {
            return Some(a);
        }
        token_str(v).map(Algorithm::Other)
    }
}

/// Writes [`name`](Algorithm::name).
impl fmt::Display for Algorithm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A quality of protection (RFC 7616 section 3.3), matched ASCII
/// case-insensitively.
///
/// ```
/// use http_auth_headers::scheme::digest::Qop;
///
/// assert_eq!(Qop::from_name("AUTH-INT"), Qop::AuthInt);
/// assert_eq!(Qop::AuthInt.name(), "auth-int");
/// assert_eq!(Qop::from_name("x-auth"), Qop::Other("x-auth"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Qop<'a> {
    /// `auth`: authentication only.
    Auth,
    /// `auth-int`: authentication with integrity protection of the body.
    AuthInt,
    /// Any other value, as written (a token). Clients MUST ignore options
    /// they do not recognize (section 3.3).
    Other(&'a str),
}

impl<'a> Qop<'a> {
    /// The qop named `name`, ignoring ASCII case.
    pub fn from_name(name: &'a str) -> Self {
        if name.eq_ignore_ascii_case("auth") {
            Qop::Auth
        } else if name.eq_ignore_ascii_case("auth-int") {
            Qop::AuthInt
        } else {
            Qop::Other(name)
        }
    }

    /// `auth`, `auth-int`, or the name as written.
    pub fn name(&self) -> &'a str {
        match self {
            Qop::Auth => "auth",
            Qop::AuthInt => "auth-int",
            Qop::Other(name) => name,
        }
    }

    fn from_value(v: ParamValue<'a>) -> Option<Self> {
        if v.eq_ignore_ascii_case(b"auth") {
            Some(Qop::Auth)
        } else if v.eq_ignore_ascii_case(b"auth-int") {
            Some(Qop::AuthInt)
        } else {
            token_str(v).map(Qop::Other)
        }
    }
}

/// Writes [`name`](Qop::name).
impl fmt::Display for Qop<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A nonce count, `nc` (RFC 7616 section 3.4): exactly 8 hexadecimal
/// digits. It keeps the digits as written, since they go into the response
/// hash as they are; equality compares the number.
///
/// ```
/// use http_auth_headers::scheme::digest::NonceCount;
///
/// let nc = NonceCount::new(0x1f);
/// assert_eq!(nc.as_str(), "0000001f");
/// assert_eq!(nc.value(), 31);
/// ```
#[derive(Clone, Copy)]
pub struct NonceCount {
    value: u32,
    written: [u8; 8],
}

impl NonceCount {
    /// The count `value`, written as 8 lowercase hex digits.
    pub fn new(value: u32) -> Self {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut written = [0u8; 8];
        for (i, slot) in written.iter_mut().enumerate() {
            let shift = 28 - 4 * i;
            *slot = HEX[((value >> shift) & 0xf) as usize];
        }
        NonceCount { value, written }
    }

    /// The count.
    pub fn value(&self) -> u32 {
        self.value
    }

    /// The 8 hex digits as written (what the response hash covers).
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.written).unwrap_or_default()
    }

    fn from_value(v: ParamValue<'_>) -> Option<Self> {
        let mut written = [0u8; 8];
        let mut bytes = v.bytes();
        let mut value = 0u32;
        for slot in &mut written {
            let b = bytes.next()?;
            let d = char::from(b).to_digit(16)?;
            value = value << 4 | d;
            *slot = b;
        }
        if bytes.next().is_some() {
            return None;
        }
        Some(NonceCount { value, written })
    }
}

impl PartialEq for NonceCount {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl Eq for NonceCount {}

impl fmt::Debug for NonceCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NonceCount({})", self.as_str())
    }
}

/// Writes the digits as written.
impl fmt::Display for NonceCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The value as `&str` when it is a token as written (no quoted-pairs).
fn token_str(v: ParamValue<'_>) -> Option<&str> {
    v.as_str().filter(|s| syntax::is_token(s.as_bytes()))
}

/// `true` or `false`, ASCII case-insensitive.
fn bool_param(v: ParamValue<'_>, name: &'static str) -> Result<bool, SchemeError> {
    if v.eq_ignore_ascii_case(b"true") {
        Ok(true)
    } else if v.eq_ignore_ascii_case(b"false") {
        Ok(false)
    } else {
        Err(SchemeError::InvalidParam(name))
    }
}

/// Splits the raw bytes of a param value into list elements at unescaped
/// separators (a quoted-pair of a separator is one too, since values compare
/// unescaped), trimming SP and HTAB and skipping empty elements. Each
/// element is a sub-slice, so it stays a borrowed [`ParamValue`].
#[derive(Clone, Debug)]
struct Split<'a> {
    rest: &'a [u8],
    escaped: bool,
    comma: bool,
}

impl<'a> Split<'a> {
    fn new(v: ParamValue<'a>, comma: bool) -> Self {
        Split {
            rest: v.raw(),
            escaped: v.has_escapes(),
            comma,
        }
    }

    fn is_sep(&self, b: u8) -> bool {
        if self.comma {
            b == b','
        } else {
            b == b' ' || b == b'\t'
        }
    }
}

impl<'a> Iterator for Split<'a> {
    type Item = ParamValue<'a>;

    fn next(&mut self) -> Option<ParamValue<'a>> {
        while !self.rest.is_empty() {
            let rest = self.rest;
            let (mut i, mut start, mut end) = (0, None, 0);
            let mut next = rest.len();
            while let Some(&b) = rest.get(i) {
                let (c, width) = match rest.get(i + 1) {
                    Some(&c) if b == b'\\' && self.escaped => (c, 2),
                    _ => (b, 1),
                };
                if self.is_sep(c) {
                    next = i + width;
                    break;
                }
                if c != b' ' && c != b'\t' {
                    start.get_or_insert(i);
                    end = i + width;
                }
                i += width;
            }
            self.rest = rest.get(next..).unwrap_or_default();
            if let Some(raw) = start.and_then(|s| rest.get(s..end)) {
                return Some(ParamValue::from_raw(RawValue {
                    raw,
                    quoted: true,
                    escaped: self.escaped && raw.contains(&b'\\'),
                }));
            }
        }
        None
    }
}

impl FusedIterator for Split<'_> {}

/// The URIs of a challenge's `domain`: a space-separated list (RFC 7616
/// section 3.3), from [`DigestChallenge::domain`].
#[derive(Clone, Debug)]
pub struct Domain<'a>(Split<'a>);

impl<'a> Iterator for Domain<'a> {
    type Item = ParamValue<'a>;

    fn next(&mut self) -> Option<ParamValue<'a>> {
        self.0.next()
    }
}

impl FusedIterator for Domain<'_> {}

/// The qop options of a challenge: a comma-separated list inside one quoted
/// value (RFC 7616 section 3.3), from [`DigestChallenge::qop`]. Iterating
/// does not allocate.
#[derive(Clone, Debug)]
pub struct QopOptions<'a>(Split<'a>);

impl<'a> Iterator for QopOptions<'a> {
    type Item = Qop<'a>;

    fn next(&mut self) -> Option<Qop<'a>> {
        // Every element was checked when the challenge was read.
        self.0.by_ref().find_map(Qop::from_value)
    }
}

impl FusedIterator for QopOptions<'_> {}

/// A Digest challenge (RFC 7616 section 3.3), from a `WWW-Authenticate` or
/// `Proxy-Authenticate` challenge with `TryFrom`.
///
/// Params Digest does not define are ignored. Equality compares the
/// values, the `qop` and `domain` lists element by element (so
/// `qop="auth,auth-int"` equals `qop="auth, auth-int"`).
#[derive(Clone, Copy, Debug)]
pub struct DigestChallenge<'a> {
    realm: ParamValue<'a>,
    domain: Option<ParamValue<'a>>,
    nonce: ParamValue<'a>,
    opaque: Option<ParamValue<'a>>,
    stale: bool,
    algorithm: Algorithm<'a>,
    qop: Option<ParamValue<'a>>,
    charset_utf8: bool,
    userhash: bool,
}

impl<'a> DigestChallenge<'a> {
    /// The realm (required).
    pub fn realm(&self) -> ParamValue<'a> {
        self.realm
    }

    /// The URIs of the protection space, from `domain`; none when it is
    /// absent. Clients MUST ignore it in `Proxy-Authenticate`.
    pub fn domain(&self) -> Domain<'a> {
        let v = self.domain.unwrap_or(EMPTY);
        Domain(Split::new(v, false))
    }

    /// The nonce (required).
    pub fn nonce(&self) -> ParamValue<'a> {
        self.nonce
    }

    /// The opaque value the client must return unchanged.
    pub fn opaque(&self) -> Option<ParamValue<'a>> {
        self.opaque
    }

    /// Whether the nonce was stale: `stale=true` (any case). Absent or any
    /// other value means `false`, as section 3.3 says.
    pub fn stale(&self) -> bool {
        self.stale
    }

    /// The algorithm; [`Algorithm::Md5`] when absent.
    pub fn algorithm(&self) -> Algorithm<'a> {
        self.algorithm
    }

    /// The qop options, in order; `None` when the challenge has no `qop`
    /// (the RFC 2069 compatibility mode that RFC 7616 deprecates).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::digest::{DigestChallenge, Qop};
    ///
    /// let c = Challenges::parse(r#"Digest realm="r", nonce="n", qop="auth-int ,auth,x-new""#).next().unwrap()?;
    /// let d = DigestChallenge::try_from(&c)?;
    /// let qop: Vec<Qop<'_>> = d.qop().unwrap().collect();
    /// assert_eq!(qop, [Qop::AuthInt, Qop::Auth, Qop::Other("x-new")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn qop(&self) -> Option<QopOptions<'a>> {
        self.qop.map(|v| QopOptions(Split::new(v, true)))
    }

    /// Whether the server said `charset=UTF-8` (section 4): the username and
    /// password are then NFC-normalized UTF-8.
    pub fn charset_utf8(&self) -> bool {
        self.charset_utf8
    }

    /// Whether the server supports username hashing (`userhash=true`,
    /// section 3.4.4); `false` when absent.
    pub fn userhash(&self) -> bool {
        self.userhash
    }
}

impl PartialEq for DigestChallenge<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.realm == other.realm
            && self.domain().eq(other.domain())
            && self.nonce == other.nonce
            && self.opaque == other.opaque
            && self.stale == other.stale
            && self.algorithm == other.algorithm
            && match (self.qop(), other.qop()) {
                (Some(a), Some(b)) => a.eq(b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && self.charset_utf8 == other.charset_utf8
            && self.userhash == other.userhash
    }
}

impl Eq for DigestChallenge<'_> {}

const EMPTY: ParamValue<'static> = ParamValue {
    v: RawValue {
        raw: b"",
        quoted: true,
        escaped: false,
    },
};

impl<'a> TryFrom<&'a Challenge<'_>> for DigestChallenge<'a> {
    type Error = SchemeError;

    fn try_from(c: &'a Challenge<'_>) -> Result<Self, SchemeError> {
        if !c.is_scheme("Digest") {
            return Err(SchemeError::WrongScheme("Digest"));
        }
        if c.token68().is_some() {
            return Err(SchemeError::UnexpectedToken68);
        }
        let [realm, domain, nonce, opaque, stale, algorithm, qop, charset, userhash] =
            known_params(
                c.params(),
                [
                    "realm",
                    "domain",
                    "nonce",
                    "opaque",
                    "stale",
                    "algorithm",
                    "qop",
                    "charset",
                    "userhash",
                ],
            )?;
        let realm = realm.ok_or(SchemeError::MissingParam("realm"))?;
        let nonce = nonce.ok_or(SchemeError::MissingParam("nonce"))?;
        let algorithm = match algorithm {
            None => Algorithm::Md5,
            Some(v) => Algorithm::from_value(v).ok_or(SchemeError::InvalidParam("algorithm"))?,
        };
        if let Some(v) = qop {
            let mut n = 0;
            for option in Split::new(v, true) {
                Qop::from_value(option).ok_or(SchemeError::InvalidParam("qop"))?;
                n += 1;
            }
            if n == 0 {
                return Err(SchemeError::InvalidParam("qop"));
            }
        }
        let charset_utf8 = match charset {
            None => false,
            Some(v) if v.eq_ignore_ascii_case(b"UTF-8") => true,
            Some(_) => return Err(SchemeError::InvalidParam("charset")),
        };
        Ok(DigestChallenge {
            realm,
            domain,
            nonce,
            opaque,
            stale: stale.is_some_and(|v| v.eq_ignore_ascii_case(b"true")),
            algorithm,
            qop,
            charset_utf8,
            userhash: userhash.map_or(Ok(false), |v| bool_param(v, "userhash"))?,
        })
    }
}

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
    pub fn to_str(&self) -> Result<Cow<'a, str>, NotUtf8Error> {
        match self {
            Username::Plain(v) => v.unescaped_str(),
            // Charset and UTF-8 validity were checked when it was read.
            Username::Extended(e) => e.to_str().map_err(|_| NotUtf8Error::new()),
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
            .field("response", &"<redacted>")
            .field("algorithm", &self.algorithm)
            .field("cnonce", &self.cnonce)
            .field("opaque", &self.opaque)
            .field("qop", &self.qop)
            .field("nc", &self.nc)
            .field("userhash", &self.userhash)
            .finish()
    }
}

impl<'a> TryFrom<&'a Credentials<'_>> for DigestCredentials<'a> {
    type Error = SchemeError;

    fn try_from(c: &'a Credentials<'_>) -> Result<Self, SchemeError> {
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

/// Reads a single `qop` and `nc`, and requires `cnonce` and `nc` with `qop`
/// (RFC 7616 sections 3.4 and 3.5).
fn qop_cnonce_nc<'a>(
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
/// assert_eq!(info.qop(), Some(Qop::Auth));
/// assert_eq!(info.rspauth().unwrap(), "6629fae4");
/// assert!(info.nextnonce().is_none());
///
/// // Or straight from the lazy parser, without a Vec.
/// let params = InfoParams::new(value).map(Result::unwrap);
/// assert_eq!(DigestAuthInfo::from_params(params)?, info);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

    /// The nonce the client should use next.
    pub fn nextnonce(&self) -> Option<ParamValue<'a>> {
        self.nextnonce
    }

    /// The qop the server applied to the response.
    pub fn qop(&self) -> Option<Qop<'a>> {
        self.qop
    }

    /// The response auth: the server's proof that it knows the secret
    /// (present whenever `qop` is).
    pub fn rspauth(&self) -> Option<ParamValue<'a>> {
        self.rspauth
    }

    /// The client nonce of the request (present whenever `qop` is).
    pub fn cnonce(&self) -> Option<ParamValue<'a>> {
        self.cnonce
    }

    /// The nonce count of the request (present whenever `qop` is).
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

#[cfg(feature = "alloc")]
mod write;
#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub use write::{DigestAuthInfoBuilder, DigestChallengeBuilder, DigestCredentialsBuilder};

#[cfg(all(test, feature = "alloc"))]
mod tests;
