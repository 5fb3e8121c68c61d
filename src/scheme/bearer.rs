//! Bearer (RFC 6750) and DPoP (RFC 9449): the two schemes of OAuth 2.0
//! access tokens, which share one model.
//!
//! A challenge carries optional attributes: `realm`, `scope` (a
//! space-separated list), `error` with `error_description` and `error_uri`,
//! and, for DPoP, `algs` (a space-separated list of JWS algorithms).
//! Credentials carry the access token as a token68 (RFC 6750 section 2.1
//! calls it `b64token`; it has the same characters).
//!
//! ```
//! use http_auth_headers::{Challenges, Credentials};
//! use http_auth_headers::scheme::bearer::{
//!     BearerChallenge, BearerCredentials, DpopChallenge, ErrorCode,
//! };
//!
//! // RFC 9449 section 7.2: one field, two challenges, each its own view.
//! let mut it = Challenges::parse(r#"Bearer error="invalid_token", DPoP algs="ES256 PS256""#);
//! let bearer = BearerChallenge::try_from(&it.next().unwrap()?)?;
//! assert_eq!(bearer.error(), Some(ErrorCode::InvalidToken));
//! let dpop = DpopChallenge::try_from(&it.next().unwrap()?)?;
//! assert!(dpop.algs().unwrap().contains("PS256"));
//!
//! let creds = Credentials::parse("Bearer mF_9.B5f-4.1JqM")?;
//! assert_eq!(BearerCredentials::try_from(&creds)?.token(), "mF_9.B5f-4.1JqM");
//!
//! let written = BearerChallenge::builder()
//!     .realm("example")
//!     .error("invalid_token")
//!     .error_description("The access token expired")
//!     .write()?;
//! assert_eq!(
//!     written,
//!     r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Implementation notes
//!
//! - Bare `Bearer` (no attribute) is accepted, although RFC 6750 section 3
//!   asks for at least one: RFC 9449 section 7.2 sends it, and so do many
//!   servers. The builders write it when no attribute is set.
//! - The views check the characters RFC 6750 section 3 allows in each
//!   attribute (after unquoting), as the writers do, and report others as
//!   [`SchemeError::InvalidParam`]: `scope` and `algs` are one or more
//!   tokens of `%x21 / %x23-5B / %x5D-7E` separated by single spaces;
//!   `error` and `error_description` are non-empty `%x20-21 / %x23-5B /
//!   %x5D-7E`; `error_uri` is non-empty `%x21 / %x23-5B / %x5D-7E`. The
//!   generic [`Challenge`] still gives the raw values of a challenge the view
//!   rejects. `realm` takes any value (RFC 9110 section 11.5).
//! - Error codes are compared case-sensitively, as OAuth 2.0 defines them.
//!   The DPoP codes are recognized on both schemes (RFC 9449 registers them
//!   for resource access error responses).
//! - Params the scheme does not define (for Bearer this includes `algs`) are
//!   ignored; read them through the generic [`Challenge`].
//! - DPoP must not be used with `Proxy-Authenticate` or
//!   `Proxy-Authorization` (RFC 9449 section 7.1); the views cannot know
//!   which field a value came from, so that check is the caller's.

#[cfg(feature = "alloc")]
use alloc::string::String;
use core::fmt;
use core::iter::FusedIterator;

use super::{known_params, SchemeError};
#[cfg(feature = "alloc")]
use crate::builder::{AuthBuilder, BuildError};
use crate::param::ParamValue;
use crate::syntax::RawValue;
use crate::{Challenge, Credentials};

/// The character classes of RFC 6750 section 3.
#[derive(Clone, Copy)]
enum Class {
    /// `scope` and `algs`: `1*NQCHAR *( SP 1*NQCHAR )`.
    List,
    /// `error` and `error_description`: `1*( %x20-21 / %x23-5B / %x5D-7E )`.
    Text,
    /// `error_uri`: `1*( %x21 / %x23-5B / %x5D-7E )`.
    Uri,
}

/// `%x21 / %x23-5B / %x5D-7E`: printable ASCII but SP, `"` and `\`.
fn is_nqchar(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x5B | 0x5D..=0x7E)
}

/// Whether `bytes` (an unescaped value) is allowed in an attribute of `class`.
fn allowed(class: Class, bytes: impl Iterator<Item = u8>) -> bool {
    let mut empty = true;
    // For lists: whether the last byte was a delimiter (or there was none yet).
    let mut after_sp = true;
    for b in bytes {
        let ok = match class {
            Class::List if b == b' ' => !core::mem::replace(&mut after_sp, true),
            Class::List => {
                after_sp = false;
                is_nqchar(b)
            }
            Class::Text => b == b' ' || is_nqchar(b),
            Class::Uri => is_nqchar(b),
        };
        if !ok {
            return false;
        }
        empty = false;
    }
    match class {
        // Still "after a delimiter": empty, or a trailing SP.
        Class::List => !after_sp,
        Class::Text | Class::Uri => !empty,
    }
}

fn check<'a>(
    name: &'static str,
    class: Class,
    v: Option<ParamValue<'a>>,
) -> Result<Option<ParamValue<'a>>, SchemeError> {
    match v {
        Some(v) if !allowed(class, v.bytes()) => Err(SchemeError::InvalidParam(name)),
        v => Ok(v),
    }
}

/// The attributes Bearer and DPoP share, checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Attrs<'a> {
    realm: Option<ParamValue<'a>>,
    scope: Option<ParamValue<'a>>,
    error: Option<ParamValue<'a>>,
    error_description: Option<ParamValue<'a>>,
    error_uri: Option<ParamValue<'a>>,
}

const ATTR_NAMES: [&str; 5] = ["realm", "scope", "error", "error_description", "error_uri"];

impl<'a> Attrs<'a> {
    /// Checks the scheme and the form of `c`.
    fn start(c: &Challenge<'a>, scheme: &'static str) -> Result<(), SchemeError> {
        if !c.is_scheme(scheme) {
            return Err(SchemeError::WrongScheme(scheme));
        }
        if c.token68().is_some() {
            return Err(SchemeError::UnexpectedToken68);
        }
        Ok(())
    }

    fn new(
        [realm, scope, error, error_description, error_uri]: [Option<ParamValue<'a>>; 5],
    ) -> Result<Self, SchemeError> {
        Ok(Attrs {
            realm,
            scope: check("scope", Class::List, scope)?,
            error: check("error", Class::Text, error)?,
            error_description: check("error_description", Class::Text, error_description)?,
            error_uri: check("error_uri", Class::Uri, error_uri)?,
        })
    }
}

/// The `error` attribute of a Bearer or DPoP challenge (RFC 6750 section
/// 3.1, RFC 9449 sections 7.1 and 9).
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::bearer::{DpopChallenge, ErrorCode};
///
/// let c = Challenges::parse(r#"DPoP error="use_dpop_nonce""#).next().unwrap()?;
/// let e = DpopChallenge::try_from(&c)?.error().unwrap();
/// assert_eq!(e, ErrorCode::UseDpopNonce);
/// assert_eq!(e.as_str(), Some("use_dpop_nonce"));
///
/// let c = Challenges::parse("DPoP error=server_busy").next().unwrap()?;
/// let e = DpopChallenge::try_from(&c)?.error().unwrap();
/// assert!(matches!(e, ErrorCode::Other(v) if v == "server_busy"));
/// assert_eq!(e.to_string(), "server_busy");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorCode<'a> {
    /// `invalid_request`: the request is malformed (HTTP 400).
    InvalidRequest,
    /// `invalid_token`: the access token is expired, revoked, malformed or
    /// otherwise invalid (HTTP 401).
    InvalidToken,
    /// `insufficient_scope`: the request needs more privileges than the
    /// access token grants (HTTP 403).
    InsufficientScope,
    /// `use_dpop_nonce`: the DPoP proof must carry the server's nonce, sent
    /// in the `DPoP-Nonce` field (RFC 9449 section 9).
    UseDpopNonce,
    /// `invalid_dpop_proof`: the DPoP proof is invalid (RFC 9449 section 7.1).
    InvalidDpopProof,
    /// Another code, kept as written. Codes this crate learns later move
    /// out of `Other` into their own variant.
    Other(ParamValue<'a>),
}

impl<'a> ErrorCode<'a> {
    const KNOWN: [(&'static str, ErrorCode<'static>); 5] = [
        ("invalid_request", ErrorCode::InvalidRequest),
        ("invalid_token", ErrorCode::InvalidToken),
        ("insufficient_scope", ErrorCode::InsufficientScope),
        ("use_dpop_nonce", ErrorCode::UseDpopNonce),
        ("invalid_dpop_proof", ErrorCode::InvalidDpopProof),
    ];

    fn from_value(v: ParamValue<'a>) -> Self {
        Self::KNOWN
            .iter()
            .find(|(name, _)| v == *name)
            .map_or(ErrorCode::Other(v), |&(_, code)| code)
    }

    /// The code as text, without copying: `None` only for an
    /// [`Other`](Self::Other) code written with backslash escapes (its
    /// [`Display`](fmt::Display) form still gives the text).
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::InsufficientScope.as_str(), Some("insufficient_scope"));
    /// ```
    pub fn as_str(&self) -> Option<&'a str> {
        match self {
            ErrorCode::Other(v) => v.as_str(),
            known => Self::KNOWN
                .iter()
                .find(|(_, code)| code == known)
                .map(|&(name, _)| name),
        }
    }
}

/// Writes the code as text (unescaped).
impl fmt::Display for ErrorCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Checked: printable ASCII only.
            ErrorCode::Other(v) => v
                .bytes()
                .try_for_each(|b| fmt::Write::write_char(f, b.into())),
            known => f.write_str(known.as_str().unwrap_or_default()),
        }
    }
}

/// A space-separated list attribute: `scope` (RFC 6750 section 3, RFC 6749
/// section 3.3) or DPoP's `algs` (RFC 9449 section 7.1).
///
/// It borrows the value; iterating yields each entry as a [`ParamValue`]
/// (compare it with `==` to a `&str`, or take [`ParamValue::as_str`]) and
/// does not allocate.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::bearer::BearerChallenge;
///
/// let c = Challenges::parse(r#"Bearer scope="openid profile email""#).next().unwrap()?;
/// let scope = BearerChallenge::try_from(&c)?.scope().unwrap();
/// assert!(scope.contains("profile"));
/// let items: Vec<&str> = scope.iter().filter_map(|s| s.as_str()).collect();
/// assert_eq!(items, ["openid", "profile", "email"]);
/// assert_eq!(scope.value(), "openid profile email");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpaceList<'a> {
    value: ParamValue<'a>,
}

impl<'a> SpaceList<'a> {
    /// The whole value, as in the challenge.
    pub fn value(&self) -> ParamValue<'a> {
        self.value
    }

    /// The entries, in order (at least one).
    pub fn iter(&self) -> SpaceListIter<'a> {
        SpaceListIter {
            rest: self.value.raw(),
            quoted: self.value.is_quoted(),
        }
    }

    /// Whether `entry` is one of the entries (case-sensitive, as scope
    /// values and JWS algorithm names are).
    pub fn contains(&self, entry: &str) -> bool {
        self.iter().any(|e| e == entry)
    }
}

impl<'a> IntoIterator for SpaceList<'a> {
    type Item = ParamValue<'a>;
    type IntoIter = SpaceListIter<'a>;

    fn into_iter(self) -> SpaceListIter<'a> {
        self.iter()
    }
}

/// The entries of a [`SpaceList`], from [`SpaceList::iter`].
#[derive(Clone, Debug)]
pub struct SpaceListIter<'a> {
    /// The raw (possibly escaped) rest of the value.
    rest: &'a [u8],
    quoted: bool,
}

impl<'a> Iterator for SpaceListIter<'a> {
    type Item = ParamValue<'a>;

    fn next(&mut self) -> Option<ParamValue<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        // The value was checked: entries are separated by exactly one SP,
        // which may be written escaped (`\ `) inside a quoted-string.
        let mut i = 0;
        let mut escaped = false;
        let (end, next) = loop {
            match self.rest.get(i) {
                None => break (i, i),
                Some(b' ') => break (i, i + 1),
                Some(b'\\') if self.rest.get(i + 1) == Some(&b' ') => break (i, i + 2),
                Some(b'\\') => {
                    escaped = true;
                    i += 2;
                }
                Some(_) => i += 1,
            }
        };
        let entry = self.rest.get(..end).unwrap_or(self.rest);
        self.rest = self.rest.get(next..).unwrap_or_default();
        Some(ParamValue::from_raw(RawValue {
            raw: entry,
            quoted: self.quoted,
            escaped,
        }))
    }
}

impl FusedIterator for SpaceListIter<'_> {}

/// The accessors both challenge views share.
macro_rules! challenge_accessors {
    () => {
        /// The `realm` (RFC 9110 section 11.5), if given.
        pub fn realm(&self) -> Option<ParamValue<'a>> {
            self.attrs.realm
        }

        /// The `scope` the resource needs: a space-separated list of
        /// case-sensitive scope values (RFC 6750 section 3).
        pub fn scope(&self) -> Option<SpaceList<'a>> {
            self.attrs.scope.map(|value| SpaceList { value })
        }

        /// Why the request was refused, if the server said so.
        pub fn error(&self) -> Option<ErrorCode<'a>> {
            self.attrs.error.map(ErrorCode::from_value)
        }

        /// The `error_description`: text for developers, not for end users.
        pub fn error_description(&self) -> Option<ParamValue<'a>> {
            self.attrs.error_description
        }

        /// The `error_uri`: a URI of a page about the error.
        pub fn error_uri(&self) -> Option<ParamValue<'a>> {
            self.attrs.error_uri
        }
    };
}

/// A Bearer challenge (RFC 6750 section 3), borrowed from the parsed input.
///
/// Every attribute is optional; see the [module docs](self) for what is
/// checked.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::SchemeError;
/// use http_auth_headers::scheme::bearer::{BearerChallenge, ErrorCode};
///
/// let value = r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#;
/// let c = Challenges::parse(value).next().unwrap()?;
/// let bearer = BearerChallenge::try_from(&c)?;
/// assert_eq!(bearer.realm().unwrap(), "example");
/// assert_eq!(bearer.error(), Some(ErrorCode::InvalidToken));
/// assert_eq!(bearer.error_description().unwrap(), "The access token expired");
/// assert!(bearer.scope().is_none());
///
/// let c = Challenges::parse("Bearer realm=a, REALM=b").next().unwrap()?;
/// assert_eq!(BearerChallenge::try_from(&c), Err(SchemeError::DuplicateParam("realm")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BearerChallenge<'a> {
    attrs: Attrs<'a>,
}

impl<'a> BearerChallenge<'a> {
    challenge_accessors!();

    /// Starts writing a Bearer challenge.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::BearerChallenge;
    ///
    /// assert_eq!(BearerChallenge::builder().write()?, "Bearer");
    /// let v = BearerChallenge::builder()
    ///     .error("insufficient_scope")
    ///     .scope("photos:read photos:write")
    ///     .write()?;
    /// assert_eq!(v, r#"Bearer scope="photos:read photos:write", error="insufficient_scope""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder<'v>() -> BearerChallengeBuilder<'v> {
        BearerChallengeBuilder::default()
    }
}

impl<'a> TryFrom<&'a Challenge<'_>> for BearerChallenge<'a> {
    type Error = SchemeError;

    fn try_from(c: &'a Challenge<'_>) -> Result<Self, SchemeError> {
        Attrs::start(c, "Bearer")?;
        let attrs = Attrs::new(known_params(c.params(), ATTR_NAMES)?)?;
        Ok(BearerChallenge { attrs })
    }
}

/// A DPoP challenge (RFC 9449 section 7.1), borrowed from the parsed input:
/// the Bearer attributes and `algs`.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::bearer::{DpopChallenge, ErrorCode};
///
/// let value = r#"DPoP error="invalid_token", error_description="Invalid DPoP key binding", algs="ES256""#;
/// let c = Challenges::parse(value).next().unwrap()?;
/// let dpop = DpopChallenge::try_from(&c)?;
/// assert_eq!(dpop.error(), Some(ErrorCode::InvalidToken));
/// assert_eq!(dpop.algs().unwrap().iter().collect::<Vec<_>>(), ["ES256"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DpopChallenge<'a> {
    attrs: Attrs<'a>,
    algs: Option<ParamValue<'a>>,
}

impl<'a> DpopChallenge<'a> {
    challenge_accessors!();

    /// The JWS `alg` values the server accepts in DPoP proofs.
    pub fn algs(&self) -> Option<SpaceList<'a>> {
        self.algs.map(|value| SpaceList { value })
    }

    /// Starts writing a DPoP challenge.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::DpopChallenge;
    ///
    /// let v = DpopChallenge::builder().algs("ES256 PS256").write()?;
    /// assert_eq!(v, r#"DPoP algs="ES256 PS256""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder<'v>() -> DpopChallengeBuilder<'v> {
        DpopChallengeBuilder::default()
    }
}

impl<'a> TryFrom<&'a Challenge<'_>> for DpopChallenge<'a> {
    type Error = SchemeError;

    fn try_from(c: &'a Challenge<'_>) -> Result<Self, SchemeError> {
        Attrs::start(c, "DPoP")?;
        let [realm, scope, error, error_description, error_uri, algs] = known_params(
            c.params(),
            [
                "realm",
                "scope",
                "error",
                "error_description",
                "error_uri",
                "algs",
            ],
        )?;
        let attrs = Attrs::new([realm, scope, error, error_description, error_uri])?;
        let algs = check("algs", Class::List, algs)?;
        Ok(DpopChallenge { attrs, algs })
    }
}

/// What the two challenge builders hold: borrowed, unchecked until written.
#[cfg(feature = "alloc")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct AttrsIn<'v> {
    realm: Option<&'v str>,
    scope: Option<&'v str>,
    error: Option<&'v str>,
    error_description: Option<&'v str>,
    error_uri: Option<&'v str>,
}

#[cfg(feature = "alloc")]
impl AttrsIn<'_> {
    /// Writes `scheme` and the attributes in a fixed order (that of the RFC
    /// examples), `algs` last, checking each against RFC 6750 section 3.
    fn write(&self, scheme: &str, algs: Option<&str>) -> Result<String, BuildError> {
        let mut b = AuthBuilder::challenge(scheme)?;
        if let Some(realm) = self.realm {
            b = b.param("realm", realm)?;
        }
        let checked = [
            ("scope", Class::List, self.scope),
            ("error", Class::Text, self.error),
            ("error_description", Class::Text, self.error_description),
            ("error_uri", Class::Uri, self.error_uri),
            ("algs", Class::List, algs),
        ];
        for (name, class, value) in checked {
            if let Some(value) = value {
                if !allowed(class, value.bytes()) {
                    return Err(BuildError::SchemeValue(name));
                }
                b = b.param(name, value)?;
            }
        }
        Ok(b.finish())
    }
}

/// The setters both challenge builders share.
#[cfg(feature = "alloc")]
macro_rules! builder_setters {
    () => {
        /// Sets the `realm`.
        pub fn realm(mut self, realm: &'v str) -> Self {
            self.attrs.realm = Some(realm);
            self
        }

        /// Sets the `scope`: scope values separated by single spaces.
        pub fn scope(mut self, scope: &'v str) -> Self {
            self.attrs.scope = Some(scope);
            self
        }

        /// Sets the `error` code, such as `"invalid_token"`; to forward a
        /// parsed [`ErrorCode`], pass its [`as_str`](ErrorCode::as_str).
        pub fn error(mut self, code: &'v str) -> Self {
            self.attrs.error = Some(code);
            self
        }

        /// Sets the `error_description`.
        pub fn error_description(mut self, description: &'v str) -> Self {
            self.attrs.error_description = Some(description);
            self
        }

        /// Sets the `error_uri`.
        pub fn error_uri(mut self, uri: &'v str) -> Self {
            self.attrs.error_uri = Some(uri);
            self
        }
    };
}

/// Writes a Bearer challenge; from [`BearerChallenge::builder`].
///
/// The setters only store their argument; [`write`](Self::write) checks
/// them all and writes the attributes that were set, each quoted as RFC 6750
/// section 3 does, in the order `realm`, `scope`, `error`,
/// `error_description`, `error_uri`.
///
/// ```
/// use http_auth_headers::BuildError;
/// use http_auth_headers::scheme::bearer::BearerChallenge;
///
/// let v = BearerChallenge::builder().realm("example").write()?;
/// assert_eq!(v, r#"Bearer realm="example""#);
///
/// let bad = BearerChallenge::builder().error_description("say \"hi\"").write();
/// assert_eq!(bad, Err(BuildError::SchemeValue("error_description")));
/// # Ok::<(), BuildError>(())
/// ```
#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BearerChallengeBuilder<'v> {
    attrs: AttrsIn<'v>,
}

#[cfg(feature = "alloc")]
impl<'v> BearerChallengeBuilder<'v> {
    builder_setters!();

    /// Writes the challenge.
    ///
    /// # Errors
    ///
    /// [`BuildError::SchemeValue`] naming the first attribute with a
    /// character RFC 6750 section 3 does not allow (see the
    /// [module docs](self)), or an empty one;
    /// [`BuildError::InvalidValue`] for a control character in the realm.
    pub fn write(&self) -> Result<String, BuildError> {
        self.attrs.write("Bearer", None)
    }
}

/// Writes a DPoP challenge; from [`DpopChallenge::builder`].
///
/// As [`BearerChallengeBuilder`], with `algs` written last.
///
/// ```
/// use http_auth_headers::scheme::bearer::DpopChallenge;
///
/// let v = DpopChallenge::builder()
///     .error("invalid_token")
///     .error_description("Invalid DPoP key binding")
///     .algs("ES256")
///     .write()?;
/// assert_eq!(v, r#"DPoP error="invalid_token", error_description="Invalid DPoP key binding", algs="ES256""#);
/// # Ok::<(), http_auth_headers::BuildError>(())
/// ```
#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DpopChallengeBuilder<'v> {
    attrs: AttrsIn<'v>,
    algs: Option<&'v str>,
}

#[cfg(feature = "alloc")]
impl<'v> DpopChallengeBuilder<'v> {
    builder_setters!();

    /// Sets `algs`: JWS algorithm names separated by single spaces.
    pub fn algs(mut self, algs: &'v str) -> Self {
        self.algs = Some(algs);
        self
    }

    /// Writes the challenge.
    ///
    /// # Errors
    ///
    /// As [`BearerChallengeBuilder::write`]; `algs` follows the rule of
    /// `scope`.
    pub fn write(&self) -> Result<String, BuildError> {
        self.attrs.write("DPoP", self.algs)
    }
}

/// Reads the token68 of `c` as the access token of `scheme`.
fn access_token<'a>(c: &'a Credentials<'_>, scheme: &'static str) -> Result<&'a str, SchemeError> {
    if !c.is_scheme(scheme) {
        return Err(SchemeError::WrongScheme(scheme));
    }
    // The grammar checked it: a token68 is exactly a b64token.
    c.token68().ok_or(SchemeError::ExpectedToken68)
}

#[cfg(feature = "alloc")]
fn write_token(scheme: &str, token: &str) -> Result<String, BuildError> {
    Ok(AuthBuilder::credentials(scheme)?.token68(token)?.finish())
}

/// Writes `<name> { token: <redacted> }`.
fn debug_token(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    struct Redacted;
    impl fmt::Debug for Redacted {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("<redacted>")
        }
    }
    f.debug_struct(name).field("token", &Redacted).finish()
}

/// Bearer credentials (RFC 6750 section 2.1): `Bearer <b64token>`, the
/// access token borrowed from the parsed input.
///
/// `Debug` does not show the token.
///
/// ```
/// use http_auth_headers::Credentials;
/// use http_auth_headers::scheme::SchemeError;
/// use http_auth_headers::scheme::bearer::BearerCredentials;
///
/// let c = Credentials::parse("Bearer mF_9.B5f-4.1JqM")?;
/// let bearer = BearerCredentials::try_from(&c)?;
/// assert_eq!(bearer.token(), "mF_9.B5f-4.1JqM");
/// assert_eq!(format!("{bearer:?}"), "BearerCredentials { token: <redacted> }");
///
/// let c = Credentials::parse("Bearer token=abc")?;
/// assert_eq!(BearerCredentials::try_from(&c), Err(SchemeError::ExpectedToken68));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct BearerCredentials<'a> {
    token: &'a str,
}

impl<'a> BearerCredentials<'a> {
    /// The access token, case-sensitive.
    pub fn token(&self) -> &'a str {
        self.token
    }

    /// Writes `Bearer <token>`.
    ///
    /// ```
    /// use http_auth_headers::BuildError;
    /// use http_auth_headers::scheme::bearer::BearerCredentials;
    ///
    /// assert_eq!(BearerCredentials::write("mF_9.B5f-4.1JqM")?, "Bearer mF_9.B5f-4.1JqM");
    /// assert_eq!(BearerCredentials::write("a b"), Err(BuildError::InvalidToken68));
    /// # Ok::<(), BuildError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidToken68`] when `token` is not a b64token.
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn write(token: &str) -> Result<String, BuildError> {
        write_token("Bearer", token)
    }
}

impl<'a> TryFrom<&'a Credentials<'_>> for BearerCredentials<'a> {
    type Error = SchemeError;

    fn try_from(c: &'a Credentials<'_>) -> Result<Self, SchemeError> {
        access_token(c, "Bearer").map(|token| BearerCredentials { token })
    }
}

impl fmt::Debug for BearerCredentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_token(f, "BearerCredentials")
    }
}

/// DPoP credentials (RFC 9449 section 7.1): `DPoP <token68>`, the
/// DPoP-bound access token borrowed from the parsed input. The proof itself
/// travels in the `DPoP` field.
///
/// `Debug` does not show the token.
///
/// ```
/// use http_auth_headers::Credentials;
/// use http_auth_headers::scheme::bearer::DpopCredentials;
///
/// let c = Credentials::parse("DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU")?;
/// let dpop = DpopCredentials::try_from(&c)?;
/// assert_eq!(dpop.token(), "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU");
/// assert!(!format!("{dpop:?}").contains("Kz~8"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct DpopCredentials<'a> {
    token: &'a str,
}

impl<'a> DpopCredentials<'a> {
    /// The access token, case-sensitive.
    pub fn token(&self) -> &'a str {
        self.token
    }

    /// Writes `DPoP <token>`.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::DpopCredentials;
    ///
    /// assert_eq!(DpopCredentials::write("Kz~8mXK1")?, "DPoP Kz~8mXK1");
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidToken68`] when `token` is not a token68.
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn write(token: &str) -> Result<String, BuildError> {
        write_token("DPoP", token)
    }
}

impl<'a> TryFrom<&'a Credentials<'_>> for DpopCredentials<'a> {
    type Error = SchemeError;

    fn try_from(c: &'a Credentials<'_>) -> Result<Self, SchemeError> {
        access_token(c, "DPoP").map(|token| DpopCredentials { token })
    }
}

impl fmt::Debug for DpopCredentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_token(f, "DpopCredentials")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Challenges;
    use alloc::vec::Vec;

    fn first(v: &str) -> Challenge<'_> {
        Challenges::parse(v).next().unwrap().unwrap()
    }

    fn bearer(v: &str) -> Result<BearerChallenge<'_>, SchemeError> {
        BearerChallenge::try_from(&first(v))
    }

    fn dpop(v: &str) -> Result<DpopChallenge<'_>, SchemeError> {
        DpopChallenge::try_from(&first(v))
    }

    fn entries<'a>(l: Option<SpaceList<'a>>) -> Vec<&'a str> {
        l.unwrap().iter().map(|e| e.as_str().unwrap()).collect()
    }

    /// RFC 6750 section 3, both examples.
    #[test]
    fn rfc6750_section3_examples() {
        let b = bearer(r#"Bearer realm="example""#).unwrap();
        assert_eq!(b.realm().unwrap(), "example");
        assert_eq!(
            (b.scope(), b.error(), b.error_description(), b.error_uri()),
            (None, None, None, None)
        );
        let v = r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#;
        let b = bearer(v).unwrap();
        assert_eq!(b.realm().unwrap(), "example");
        assert_eq!(b.error(), Some(ErrorCode::InvalidToken));
        assert_eq!(b.error_description().unwrap(), "The access token expired");
        let written = BearerChallenge::builder()
            .realm("example")
            .error("invalid_token")
            .error_description("The access token expired")
            .write()
            .unwrap();
        assert_eq!(written, v);
    }

    /// RFC 6750 section 2.1 and RFC 9449 section 7.2 credentials.
    #[test]
    fn rfc_credentials_examples() {
        let c = Credentials::parse("Bearer mF_9.B5f-4.1JqM").unwrap();
        let b = BearerCredentials::try_from(&c).unwrap();
        assert_eq!(b.token(), "mF_9.B5f-4.1JqM");
        assert_eq!(
            BearerCredentials::write(b.token()).unwrap(),
            "Bearer mF_9.B5f-4.1JqM"
        );
        let v = "DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU";
        let c = Credentials::parse(v).unwrap();
        let d = DpopCredentials::try_from(&c).unwrap();
        assert_eq!(d.token(), "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU");
        assert_eq!(DpopCredentials::write(d.token()).unwrap(), v);
        // Each scheme's view refuses the other's credentials.
        assert_eq!(
            BearerCredentials::try_from(&c),
            Err(SchemeError::WrongScheme("Bearer"))
        );
    }

    /// RFC 9449 section 7.1, both examples.
    #[test]
    fn rfc9449_section7_1_examples() {
        let v = r#"DPoP algs="ES256 PS256""#;
        let d = dpop(v).unwrap();
        assert_eq!(entries(d.algs()), ["ES256", "PS256"]);
        assert_eq!(
            DpopChallenge::builder()
                .algs("ES256 PS256")
                .write()
                .unwrap(),
            v
        );

        let v = r#"DPoP error="invalid_token", error_description="Invalid DPoP key binding", algs="ES256""#;
        let d = dpop(v).unwrap();
        assert_eq!(d.error(), Some(ErrorCode::InvalidToken));
        assert_eq!(d.error_description().unwrap(), "Invalid DPoP key binding");
        assert_eq!(entries(d.algs()), ["ES256"]);
        let written = DpopChallenge::builder()
            .error("invalid_token")
            .error_description("Invalid DPoP key binding")
            .algs("ES256")
            .write()
            .unwrap();
        assert_eq!(written, v);
    }

    /// RFC 9449 section 7.2: several challenges in one field, each its own
    /// view, the same param names in both.
    #[test]
    fn rfc9449_section7_2_examples() {
        let mut it = Challenges::parse(r#"Bearer, DPoP algs="ES256 PS256""#);
        let b = BearerChallenge::try_from(&it.next().unwrap().unwrap()).unwrap();
        assert_eq!(b.realm(), None);
        assert_eq!(b.error(), None);
        let d = DpopChallenge::try_from(&it.next().unwrap().unwrap()).unwrap();
        assert_eq!(entries(d.algs()), ["ES256", "PS256"]);
        assert!(it.next().is_none());

        let v = r#"Bearer error="invalid_token", error_description="Invalid token", DPoP algs="ES256 PS256""#;
        let mut it = Challenges::parse(v);
        let b = BearerChallenge::try_from(&it.next().unwrap().unwrap()).unwrap();
        assert_eq!(b.error(), Some(ErrorCode::InvalidToken));
        assert_eq!(b.error_description().unwrap(), "Invalid token");
        let d = DpopChallenge::try_from(&it.next().unwrap().unwrap()).unwrap();
        assert_eq!(d.error(), None);
        assert!(d.algs().unwrap().contains("ES256"));

        let v = r#"Bearer error="invalid_request", error_description="Multiple methods used to include access token", DPoP algs="ES256 PS256", error="invalid_request", error_description="Multiple methods used to include access token""#;
        let cs: Vec<_> = Challenges::parse(v).map(Result::unwrap).collect();
        assert_eq!(cs.len(), 2);
        let b = BearerChallenge::try_from(&cs[0]).unwrap();
        let d = DpopChallenge::try_from(&cs[1]).unwrap();
        for (error, description) in [
            (b.error(), b.error_description()),
            (d.error(), d.error_description()),
        ] {
            assert_eq!(error, Some(ErrorCode::InvalidRequest));
            assert_eq!(
                description.unwrap(),
                "Multiple methods used to include access token"
            );
        }
        assert!(d.algs().unwrap().contains("PS256"));
    }

    /// RFC 9449 section 9.
    #[test]
    fn rfc9449_section9_nonce_example() {
        let v = r#"DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof""#;
        let d = dpop(v).unwrap();
        assert_eq!(d.error(), Some(ErrorCode::UseDpopNonce));
        assert_eq!(
            d.error_description().unwrap(),
            "Resource server requires nonce in DPoP proof"
        );
        assert_eq!(d.algs(), None);
    }

    #[test]
    fn error_codes() {
        let code = |v: &'static str| bearer(v).unwrap().error().unwrap();
        assert_eq!(
            code("Bearer error=invalid_request"),
            ErrorCode::InvalidRequest
        );
        assert_eq!(
            code("Bearer error=insufficient_scope"),
            ErrorCode::InsufficientScope
        );
        assert_eq!(
            code("Bearer error=invalid_dpop_proof"),
            ErrorCode::InvalidDpopProof
        );
        // Token and quoted-string forms, and needless escapes, mean the same.
        assert_eq!(
            code(r#"Bearer error="invalid_t\oken""#),
            ErrorCode::InvalidToken
        );
        // Codes are case-sensitive; unknown ones are kept verbatim.
        let other = code("Bearer error=Invalid_Token");
        assert!(matches!(other, ErrorCode::Other(v) if v.raw() == b"Invalid_Token"));
        assert_eq!(other.as_str(), Some("Invalid_Token"));
        let escaped = code(r#"Bearer error="x\yz""#);
        assert_eq!(escaped.as_str(), None);
        assert_eq!(escaped.to_string(), "xyz");
        for (name, code) in ErrorCode::KNOWN {
            assert_eq!(code.as_str(), Some(name));
            assert_eq!(code.to_string(), name);
        }
    }

    #[test]
    fn lists_split_on_single_spaces_even_escaped() {
        let b = bearer(r#"Bearer scope="repository:samalba/my-app:pull,push""#).unwrap();
        assert_eq!(entries(b.scope()), ["repository:samalba/my-app:pull,push"]);
        let b = bearer("Bearer scope=openid").unwrap();
        assert_eq!(entries(b.scope()), ["openid"]);
        // `\ ` is an escaped SP, a delimiter after unquoting; `\b` is `b`.
        let b = bearer(r#"Bearer scope="a\ \b c""#).unwrap();
        let scope = b.scope().unwrap();
        let items: Vec<_> = scope.iter().collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].as_str(), Some("a"));
        assert_eq!(items[1], "b");
        assert!(items[1].has_escapes());
        assert_eq!(items[2], "c");
        assert!(scope.contains("b") && !scope.contains("a b"));
        assert_eq!(scope.into_iter().count(), 3);
    }

    #[test]
    fn challenge_errors() {
        assert_eq!(bearer("Bearer abc"), Err(SchemeError::UnexpectedToken68));
        assert_eq!(dpop("DPoP abc=="), Err(SchemeError::UnexpectedToken68));
        assert_eq!(
            bearer("DPoP algs=ES256"),
            Err(SchemeError::WrongScheme("Bearer"))
        );
        assert_eq!(dpop("Bearer"), Err(SchemeError::WrongScheme("DPoP")));
        for name in ATTR_NAMES {
            let v = alloc::format!("Bearer {name}=a, {}=b", name.to_uppercase());
            assert_eq!(bearer(&v), Err(SchemeError::DuplicateParam(name)), "{v}");
        }
        assert_eq!(
            dpop("DPoP algs=ES256, algs=PS256"),
            Err(SchemeError::DuplicateParam("algs"))
        );
        // For Bearer, `algs` is an unknown param: ignored, repeats and all.
        assert!(bearer("Bearer algs=x, algs=y, foo=1").is_ok());
        assert_eq!(bearer("bearer").unwrap().realm(), None);

        let invalid = [
            (r#"Bearer scope="""#, "scope"),
            (r#"Bearer scope="a  b""#, "scope"),
            (r#"Bearer scope=" a""#, "scope"),
            (r#"Bearer scope="a ""#, "scope"),
            (r#"Bearer scope="a\"b""#, "scope"),
            (r#"Bearer scope="a\\b""#, "scope"),
            ("Bearer scope=\"\u{e9}\"", "scope"),
            (r#"Bearer error="""#, "error"),
            (r#"Bearer error="a\"b""#, "error"),
            (
                "Bearer error_description=\"expir\u{e9}\"",
                "error_description",
            ),
            (r#"Bearer error_description="a\\b""#, "error_description"),
            (r#"Bearer error_uri="http://x/ y""#, "error_uri"),
            (r#"Bearer error_uri="""#, "error_uri"),
        ];
        for (v, name) in invalid {
            assert_eq!(bearer(v), Err(SchemeError::InvalidParam(name)), "{v}");
        }
        assert_eq!(
            dpop(r#"DPoP algs="ES256  PS256""#),
            Err(SchemeError::InvalidParam("algs"))
        );
        // Characters allowed at the edges of each set.
        let b = bearer(r##"Bearer scope="! # [ ] ~", error=" !#[]~", error_uri="!#[]~""##).unwrap();
        assert_eq!(entries(b.scope()), ["!", "#", "[", "]", "~"]);
        assert_eq!(b.error_description(), None);
        // Realm is free text.
        assert_eq!(
            bearer(r#"Bearer realm="a \"b\" \\ é""#)
                .unwrap()
                .realm()
                .unwrap(),
            "a \"b\" \\ é"
        );
    }

    #[test]
    fn credential_errors() {
        let creds = |v| BearerCredentials::try_from(&Credentials::parse(v).unwrap());
        assert_eq!(creds("Bearer"), Err(SchemeError::ExpectedToken68));
        assert_eq!(creds("Bearer token=abc"), Err(SchemeError::ExpectedToken68));
        assert_eq!(creds("Basic YTpi"), Err(SchemeError::WrongScheme("Bearer")));
        assert_eq!(creds("BEARER a/b+c==").unwrap().token(), "a/b+c==");
        let dpop = |v| DpopCredentials::try_from(&Credentials::parse(v).unwrap());
        assert_eq!(dpop("DPoP a=b, c=d"), Err(SchemeError::ExpectedToken68));
        assert_eq!(dpop("dpop x").unwrap().token(), "x");
    }

    #[test]
    fn debug_redacts_tokens() {
        let c = Credentials::parse("Bearer s3cr3t.t0ken").unwrap();
        let d = alloc::format!("{:?}", BearerCredentials::try_from(&c).unwrap());
        assert!(!d.contains("s3cr3t") && d.contains("redacted"), "{d}");
        let c = Credentials::parse("DPoP s3cr3t.t0ken").unwrap();
        let d = alloc::format!("{:#?}", DpopCredentials::try_from(&c).unwrap());
        assert!(!d.contains("s3cr3t") && d.contains("redacted"), "{d}");
    }

    #[test]
    fn writers_refuse_what_rfc6750_forbids() {
        let b = BearerChallenge::builder;
        let refused = [
            (b().scope(""), "scope"),
            (b().scope("a  b"), "scope"),
            (b().scope(" a"), "scope"),
            (b().scope("a\"b"), "scope"),
            (b().scope("a\\b"), "scope"),
            (b().scope("é"), "scope"),
            (b().error(""), "error"),
            (b().error("a\"b"), "error"),
            (b().error("a\tb"), "error"),
            (b().error_description("a\\b"), "error_description"),
            (b().error_description("é"), "error_description"),
            (b().error_uri("http://x/ y"), "error_uri"),
        ];
        for (builder, name) in refused {
            assert_eq!(
                builder.write(),
                Err(BuildError::SchemeValue(name)),
                "{builder:?}"
            );
        }
        assert_eq!(
            DpopChallenge::builder().algs("ES256 ").write(),
            Err(BuildError::SchemeValue("algs"))
        );
        assert_eq!(b().realm("a\r\nb").write(), Err(BuildError::InvalidValue));
        assert_eq!(
            BearerCredentials::write(""),
            Err(BuildError::InvalidToken68)
        );
        assert_eq!(
            BearerCredentials::write("a=b"),
            Err(BuildError::InvalidToken68)
        );
        assert_eq!(
            DpopCredentials::write("a,b"),
            Err(BuildError::InvalidToken68)
        );
    }

    #[test]
    fn writers_write_every_attribute() {
        let v = DpopChallenge::builder()
            .algs("ES256")
            .error_uri("https://example.com/e#1")
            .error_description("no")
            .error("insufficient_scope")
            .scope("a b")
            .realm("r \"q\"")
            .write()
            .unwrap();
        assert_eq!(
            v,
            r#"DPoP realm="r \"q\"", scope="a b", error="insufficient_scope", error_description="no", error_uri="https://example.com/e#1", algs="ES256""#
        );
        let d = dpop(&v).unwrap();
        assert_eq!(d.realm().unwrap(), "r \"q\"");
        assert_eq!(entries(d.scope()), ["a", "b"]);
        assert_eq!(d.error(), Some(ErrorCode::InsufficientScope));
        assert_eq!(d.error_description().unwrap(), "no");
        assert_eq!(d.error_uri().unwrap(), "https://example.com/e#1");
        assert_eq!(entries(d.algs()), ["ES256"]);
        assert_eq!(DpopChallenge::builder().write().unwrap(), "DPoP");
    }
}
