//! Writers of Digest challenges, credentials and Authentication-Info, with
//! the quoting RFC 7616 requires of senders (sections 3.3, 3.4 and 3.5).

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{Algorithm, NonceCount, Qop};
use crate::builder::{AuthBuilder, BuildError};
use crate::ext_value;
use crate::syntax;

fn check_algorithm(a: Option<Algorithm<'_>>) -> Result<(), BuildError> {
    match a {
        Some(a) if !syntax::is_token(a.name().as_bytes()) => {
            Err(BuildError::SchemeValue("algorithm"))
        }
        _ => Ok(()),
    }
}

fn check_qop(q: Qop<'_>) -> Result<(), BuildError> {
    if syntax::is_token(q.name().as_bytes()) {
        Ok(())
    } else {
        Err(BuildError::SchemeValue("qop"))
    }
}

fn flag(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Writes a Digest challenge (RFC 7616 section 3.3): `realm`, `domain`,
/// `nonce`, `opaque` and `qop` quoted, `stale` and `algorithm` not.
///
/// ```
/// use http_auth_headers::scheme::digest::{Algorithm, DigestChallengeBuilder, Qop};
///
/// let value = DigestChallengeBuilder::new("http-auth@example.org", "7ypf/xlj9XXwfDPE")
///     .qop(&[Qop::AUTH, Qop::AUTH_INT])
///     .algorithm(Algorithm::SHA_256)
///     .opaque("FQhe/qaU925kfnzj")
///     .finish()?;
/// assert_eq!(
///     value,
///     r#"Digest realm="http-auth@example.org", nonce="7ypf/xlj9XXwfDPE", opaque="FQhe/qaU925kfnzj", algorithm=SHA-256, qop="auth, auth-int""#
/// );
/// # Ok::<(), http_auth_headers::BuildError>(())
/// ```
#[derive(Clone, Debug)]
pub struct DigestChallengeBuilder<'b> {
    realm: &'b str,
    nonce: &'b str,
    domain: &'b [&'b str],
    opaque: Option<&'b str>,
    stale: Option<bool>,
    algorithm: Option<Algorithm<'b>>,
    qop: &'b [Qop<'b>],
    charset_utf8: bool,
    userhash: Option<bool>,
}

impl<'b> DigestChallengeBuilder<'b> {
    /// Starts a challenge with its two required params.
    pub fn new(realm: &'b str, nonce: &'b str) -> Self {
        DigestChallengeBuilder {
            realm,
            nonce,
            domain: &[],
            opaque: None,
            stale: None,
            algorithm: None,
            qop: &[],
            charset_utf8: false,
            userhash: None,
        }
    }

    /// Sets `domain`, the URIs of the protection space (written space-separated;
    /// none writes no `domain`).
    pub fn domain(mut self, uris: &'b [&'b str]) -> Self {
        self.domain = uris;
        self
    }

    /// Sets `opaque`.
    pub fn opaque(mut self, opaque: &'b str) -> Self {
        self.opaque = Some(opaque);
        self
    }

    /// Sets `stale`.
    pub fn stale(mut self, stale: bool) -> Self {
        self.stale = Some(stale);
        self
    }

    /// Sets `algorithm` (absent means MD5).
    pub fn algorithm(mut self, algorithm: Algorithm<'b>) -> Self {
        self.algorithm = Some(algorithm);
        self
    }

    /// Sets the qop options, in order of preference (none writes no `qop`).
    pub fn qop(mut self, options: &'b [Qop<'b>]) -> Self {
        self.qop = options;
        self
    }

    /// Adds `charset=UTF-8` (section 4).
    pub fn charset_utf8(mut self) -> Self {
        self.charset_utf8 = true;
        self
    }

    /// Sets `userhash` (section 3.4.4).
    pub fn userhash(mut self, userhash: bool) -> Self {
        self.userhash = Some(userhash);
        self
    }

    /// Writes the challenge.
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidValue`] for a control character in a value;
    /// [`BuildError::SchemeValue`] for an empty domain URI or one holding
    /// whitespace (`"domain"`), or an [`Algorithm`] or [`Qop`]
    /// that is not a token.
    pub fn finish(self) -> Result<String, BuildError> {
        check_algorithm(self.algorithm)?;
        for &q in self.qop {
            check_qop(q)?;
        }
        let mut b = AuthBuilder::challenge("Digest")?.param("realm", self.realm)?;
        if !self.domain.is_empty() {
            if self
                .domain
                .iter()
                .any(|u| u.is_empty() || u.contains([' ', '\t']))
            {
                return Err(BuildError::SchemeValue("domain"));
            }
            b = b.param("domain", &self.domain.join(" "))?;
        }
        b = b.param("nonce", self.nonce)?;
        if let Some(opaque) = self.opaque {
            b = b.param("opaque", opaque)?;
        }
        if let Some(stale) = self.stale {
            b = b.param("stale", flag(stale))?;
        }
        if let Some(a) = self.algorithm {
            b = b.param("algorithm", a.name())?;
        }
        if !self.qop.is_empty() {
            let list: Vec<&str> = self.qop.iter().map(Qop::name).collect();
            b = b.param("qop", &list.join(", "))?;
        }
        if self.charset_utf8 {
            b = b.param("charset", "UTF-8")?;
        }
        if let Some(userhash) = self.userhash {
            b = b.param("userhash", flag(userhash))?;
        }
        Ok(b.finish())
    }
}

/// Writes Digest credentials (RFC 7616 section 3.4): `username`, `realm`,
/// `nonce`, `uri`, `response`, `cnonce` and `opaque` quoted; `algorithm`,
/// `qop` and `nc` (8 lowercase hex digits) not; `username*` as an RFC 8187
/// ext-value.
///
/// It writes what it is given: computing the response is the caller's job.
///
/// ```
/// use http_auth_headers::scheme::digest::{Algorithm, DigestCredentialsBuilder, Qop};
///
/// let value = DigestCredentialsBuilder::new("Jäsøn Doe", "api@example.org", "5TsQ", "/doe.json", "ae66e67d")
///     .extended_username()
///     .algorithm(Algorithm::SHA_512_256)
///     .qop(Qop::AUTH, "NTg6", 1)
///     .finish()?;
/// assert_eq!(
///     value,
///     r#"Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="api@example.org", uri="/doe.json", algorithm=SHA-512-256, nonce="5TsQ", nc=00000001, cnonce="NTg6", qop=auth, response="ae66e67d""#
/// );
/// # Ok::<(), http_auth_headers::BuildError>(())
/// ```
#[derive(Clone)]
pub struct DigestCredentialsBuilder<'b> {
    username: &'b str,
    extended: bool,
    realm: &'b str,
    nonce: &'b str,
    uri: &'b str,
    response: &'b str,
    algorithm: Option<Algorithm<'b>>,
    qop: Option<(Qop<'b>, &'b str, u32)>,
    opaque: Option<&'b str>,
    userhash: Option<bool>,
}

impl<'b> DigestCredentialsBuilder<'b> {
    /// Starts credentials with their required params.
    pub fn new(
        username: &'b str,
        realm: &'b str,
        nonce: &'b str,
        uri: &'b str,
        response: &'b str,
    ) -> Self {
        DigestCredentialsBuilder {
            username,
            extended: false,
            realm,
            nonce,
            uri,
            response,
            algorithm: None,
            qop: None,
            opaque: None,
            userhash: None,
        }
    }

    /// Writes the username as `username*` (UTF-8 ext-value) instead of
    /// `username`: for names that a quoted-string cannot carry, or should not
    /// carry as raw UTF-8.
    pub fn extended_username(mut self) -> Self {
        self.extended = true;
        self
    }

    /// Sets `algorithm` (absent means MD5).
    pub fn algorithm(mut self, algorithm: Algorithm<'b>) -> Self {
        self.algorithm = Some(algorithm);
        self
    }

    /// Sets the chosen `qop` with the `cnonce` and nonce count `nc` it
    /// requires.
    pub fn qop(mut self, qop: Qop<'b>, cnonce: &'b str, nc: u32) -> Self {
        self.qop = Some((qop, cnonce, nc));
        self
    }

    /// Sets `opaque`, as the challenge gave it.
    pub fn opaque(mut self, opaque: &'b str) -> Self {
        self.opaque = Some(opaque);
        self
    }

    /// Sets `userhash` (the username is then the hash, section 3.4.4).
    pub fn userhash(mut self, userhash: bool) -> Self {
        self.userhash = Some(userhash);
        self
    }

    /// Writes the credentials.
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidValue`] for a control character in a value
    /// ([`BuildError::SchemeValue`]`("username*")` in an
    /// [`extended_username`](Self::extended_username): C0, DEL or C1);
    /// [`BuildError::SchemeValue`] for an [`Algorithm`] or
    /// [`Qop`] that is not a token, or `"userhash"` for
    /// `userhash(true)` with an extended username.
    pub fn finish(self) -> Result<String, BuildError> {
        check_algorithm(self.algorithm)?;
        if let Some((q, _, _)) = self.qop {
            check_qop(q)?;
        }
        let mut b = AuthBuilder::credentials("Digest")?;
        if self.extended {
            if self.userhash == Some(true) {
                return Err(BuildError::SchemeValue("userhash"));
            }
            if self.username.chars().any(char::is_control) {
                return Err(BuildError::SchemeValue("username*"));
            }
            let encoded = ext_value::encode(self.username).to_string();
            b = b.param("username*", &encoded)?;
        } else {
            b = b.param("username", self.username)?;
        }
        b = b.param("realm", self.realm)?.param("uri", self.uri)?;
        if let Some(a) = self.algorithm {
            b = b.param("algorithm", a.name())?;
        }
        b = b.param("nonce", self.nonce)?;
        if let Some((qop, cnonce, nc)) = self.qop {
            b = b
                .param("nc", NonceCount::new(nc).as_str())?
                .param("cnonce", cnonce)?
                .param("qop", qop.name())?;
        }
        b = b.param("response", self.response)?;
        if let Some(opaque) = self.opaque {
            b = b.param("opaque", opaque)?;
        }
        if let Some(userhash) = self.userhash {
            b = b.param("userhash", flag(userhash))?;
        }
        Ok(b.finish())
    }
}

/// Shows the username and URI only; the response proves knowledge of the
/// password.
impl core::fmt::Debug for DigestCredentialsBuilder<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DigestCredentialsBuilder")
            .field("username", &self.username)
            .field("uri", &self.uri)
            .field("response", &crate::redact::Redacted)
            .finish_non_exhaustive()
    }
}

/// Writes the Digest params of an `Authentication-Info` or
/// `Proxy-Authentication-Info` field (RFC 7616 section 3.5): `nextnonce`,
/// `rspauth` and `cnonce` quoted, `qop` and `nc` not.
///
/// ```
/// use http_auth_headers::scheme::digest::{DigestAuthInfoBuilder, Qop};
///
/// let value = DigestAuthInfoBuilder::new()
///     .nextnonce("abc")
///     .qop(Qop::AUTH, "d4f5", "0a4f113b", 1)
///     .finish()?;
/// assert_eq!(value, r#"nextnonce="abc", qop=auth, rspauth="d4f5", cnonce="0a4f113b", nc=00000001"#);
/// # Ok::<(), http_auth_headers::BuildError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct DigestAuthInfoBuilder<'b> {
    nextnonce: Option<&'b str>,
    qop: Option<(Qop<'b>, &'b str, &'b str, u32)>,
}

impl<'b> DigestAuthInfoBuilder<'b> {
    /// Starts an empty field value.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `nextnonce`.
    pub fn nextnonce(mut self, nextnonce: &'b str) -> Self {
        self.nextnonce = Some(nextnonce);
        self
    }

    /// Sets `qop` with the `rspauth`, `cnonce` and `nc` it requires.
    pub fn qop(mut self, qop: Qop<'b>, rspauth: &'b str, cnonce: &'b str, nc: u32) -> Self {
        self.qop = Some((qop, rspauth, cnonce, nc));
        self
    }

    /// Writes the field value (empty when nothing was set).
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidValue`] for a control character in a value;
    /// [`BuildError::SchemeValue`] for a [`Qop`] that is not a token.
    pub fn finish(self) -> Result<String, BuildError> {
        let mut out = String::new();
        let quoted = |out: &mut String, name: &str, value: &str| {
            if !syntax::is_quotable(value.as_bytes()) {
                return Err(BuildError::InvalidValue);
            }
            if !out.is_empty() {
                out.push_str(", ");
            }
            out.push_str(name);
            out.push('=');
            // Writing to a String cannot fail.
            let _ = syntax::write_quoted_text(out, value);
            Ok(())
        };
        if let Some(n) = self.nextnonce {
            quoted(&mut out, "nextnonce", n)?;
        }
        if let Some((qop, rspauth, cnonce, nc)) = self.qop {
            check_qop(qop)?;
            if !out.is_empty() {
                out.push_str(", ");
            }
            out.push_str("qop=");
            out.push_str(qop.name());
            quoted(&mut out, "rspauth", rspauth)?;
            quoted(&mut out, "cnonce", cnonce)?;
            out.push_str(", nc=");
            out.push_str(NonceCount::new(nc).as_str());
        }
        Ok(out)
    }
}
