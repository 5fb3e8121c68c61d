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

/// Writes a Digest challenge (RFC 7616 section 3.3): `realm`, `domain`,
/// `nonce`, `opaque` and `qop` quoted, `stale` and `algorithm` not.
///
/// ```
/// use http_auth_headers::scheme::digest::{Algorithm, DigestChallenge, Qop};
///
/// let value = DigestChallenge::builder("http-auth@example.org", "7ypf/xlj9XXwfDPE")
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
    stale: bool,
    algorithm: Option<Algorithm<'b>>,
    qop: &'b [Qop<'b>],
    charset_utf8: bool,
    userhash: bool,
}

impl<'b> DigestChallengeBuilder<'b> {
    /// Starts a challenge with its two required params; the same as
    /// [`DigestChallenge::builder`](super::DigestChallenge::builder).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestChallengeBuilder;
    ///
    /// assert_eq!(DigestChallengeBuilder::new("r", "n").finish()?, r#"Digest realm="r", nonce="n""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn new(realm: &'b str, nonce: &'b str) -> Self {
        DigestChallengeBuilder {
            realm,
            nonce,
            domain: &[],
            opaque: None,
            stale: false,
            algorithm: None,
            qop: &[],
            charset_utf8: false,
            userhash: false,
        }
    }

    /// Sets `domain`, the URIs of the protection space (written space-separated;
    /// none writes no `domain`).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestChallenge;
    ///
    /// let v = DigestChallenge::builder("r", "n").domain(&["/a", "https://b.example/"]).finish()?;
    /// assert_eq!(v, r#"Digest realm="r", domain="/a https://b.example/", nonce="n""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn domain(mut self, uris: &'b [&'b str]) -> Self {
        self.domain = uris;
        self
    }

    /// Sets `opaque`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestChallenge;
    ///
    /// let v = DigestChallenge::builder("r", "n").opaque("o").finish()?;
    /// assert_eq!(v, r#"Digest realm="r", nonce="n", opaque="o""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn opaque(mut self, opaque: &'b str) -> Self {
        self.opaque = Some(opaque);
        self
    }

    /// Adds `stale=true`: the nonce was stale, and the client may retry with
    /// the new one without asking the user again (section 3.3). Without it
    /// no `stale` is written, which means `false`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestChallenge;
    ///
    /// let v = DigestChallenge::builder("r", "n").stale().finish()?;
    /// assert_eq!(v, r#"Digest realm="r", nonce="n", stale=true"#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn stale(mut self) -> Self {
        self.stale = true;
        self
    }

    /// Sets `algorithm` (absent means MD5).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{Algorithm, DigestChallenge};
    ///
    /// let v = DigestChallenge::builder("r", "n").algorithm(Algorithm::SHA_256).finish()?;
    /// assert_eq!(v, r#"Digest realm="r", nonce="n", algorithm=SHA-256"#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn algorithm(mut self, algorithm: Algorithm<'b>) -> Self {
        self.algorithm = Some(algorithm);
        self
    }

    /// Sets the qop options, in order of preference (none writes no `qop`).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestChallenge, Qop};
    ///
    /// let v = DigestChallenge::builder("r", "n").qop(&[Qop::AUTH]).finish()?;
    /// assert_eq!(v, r#"Digest realm="r", nonce="n", qop="auth""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn qop(mut self, options: &'b [Qop<'b>]) -> Self {
        self.qop = options;
        self
    }

    /// Adds `charset=UTF-8` (section 4).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestChallenge;
    ///
    /// let v = DigestChallenge::builder("r", "n").charset_utf8().finish()?;
    /// assert_eq!(v, r#"Digest realm="r", nonce="n", charset=UTF-8"#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn charset_utf8(mut self) -> Self {
        self.charset_utf8 = true;
        self
    }

    /// Adds `userhash=true`: the server supports username hashing (section
    /// 3.4.4). Without it no `userhash` is written, which means `false`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestChallenge;
    ///
    /// let v = DigestChallenge::builder("r", "n").userhash().finish()?;
    /// assert_eq!(v, r#"Digest realm="r", nonce="n", userhash=true"#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn userhash(mut self) -> Self {
        self.userhash = true;
        self
    }

    /// Writes the challenge.
    ///
    /// ```
    /// use http_auth_headers::BuildError;
    /// use http_auth_headers::scheme::digest::DigestChallenge;
    ///
    /// let bad = DigestChallenge::builder("r", "n").domain(&["/a b"]).finish();
    /// assert_eq!(bad, Err(BuildError::SchemeValue("domain")));
    /// ```
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
        let mut b = AuthBuilder::challenge("Digest").param("realm", self.realm);
        if !self.domain.is_empty() {
            if self
                .domain
                .iter()
                .any(|u| u.is_empty() || u.contains([' ', '\t']))
            {
                return Err(BuildError::SchemeValue("domain"));
            }
            b = b.param("domain", &self.domain.join(" "));
        }
        b = b.param("nonce", self.nonce);
        if let Some(opaque) = self.opaque {
            b = b.param("opaque", opaque);
        }
        if self.stale {
            b = b.param("stale", "true");
        }
        if let Some(a) = self.algorithm {
            b = b.param("algorithm", a.name());
        }
        if !self.qop.is_empty() {
            let list: Vec<&str> = self.qop.iter().map(Qop::name).collect();
            b = b.param("qop", &list.join(", "));
        }
        if self.charset_utf8 {
            b = b.param("charset", "UTF-8");
        }
        if self.userhash {
            b = b.param("userhash", "true");
        }
        b.finish()
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
/// use http_auth_headers::scheme::digest::{Algorithm, DigestCredentials, Qop};
///
/// let value = DigestCredentials::builder("Jäsøn Doe", "api@example.org", "5TsQ", "/doe.json", "ae66e67d")
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
    userhash: bool,
}

impl<'b> DigestCredentialsBuilder<'b> {
    /// Starts credentials with their required params; the same as
    /// [`DigestCredentials::builder`](super::DigestCredentials::builder).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestCredentialsBuilder;
    ///
    /// let v = DigestCredentialsBuilder::new("u", "r", "n", "/", "0f").finish()?;
    /// assert_eq!(v, r#"Digest username="u", realm="r", uri="/", nonce="n", response="0f""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
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
            userhash: false,
        }
    }

    /// Writes the username as `username*` (UTF-8 ext-value) instead of
    /// `username`: for names that a quoted-string cannot carry, or should not
    /// carry as raw UTF-8.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestCredentials;
    ///
    /// let v = DigestCredentials::builder("Jäsøn", "r", "n", "/", "0f").extended_username().finish()?;
    /// assert!(v.starts_with("Digest username*=UTF-8''J%C3%A4s%C3%B8n, "));
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn extended_username(mut self) -> Self {
        self.extended = true;
        self
    }

    /// Sets `algorithm` (absent means MD5).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{Algorithm, DigestCredentials};
    ///
    /// let v = DigestCredentials::builder("u", "r", "n", "/", "0f").algorithm(Algorithm::SHA_256).finish()?;
    /// assert!(v.contains(", algorithm=SHA-256, "));
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn algorithm(mut self, algorithm: Algorithm<'b>) -> Self {
        self.algorithm = Some(algorithm);
        self
    }

    /// Sets the chosen `qop` with the `cnonce` and nonce count `nc` it
    /// requires.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestCredentials, Qop};
    ///
    /// let v = DigestCredentials::builder("u", "r", "n", "/", "0f").qop(Qop::AUTH, "c", 2).finish()?;
    /// assert!(v.contains(r#", nc=00000002, cnonce="c", qop=auth, "#));
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn qop(mut self, qop: Qop<'b>, cnonce: &'b str, nc: u32) -> Self {
        self.qop = Some((qop, cnonce, nc));
        self
    }

    /// Sets `opaque`, as the challenge gave it.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestCredentials;
    ///
    /// let v = DigestCredentials::builder("u", "r", "n", "/", "0f").opaque("o").finish()?;
    /// assert!(v.ends_with(r#", opaque="o""#));
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn opaque(mut self, opaque: &'b str) -> Self {
        self.opaque = Some(opaque);
        self
    }

    /// Adds `userhash=true`: the username is the hash of the user name and
    /// realm (section 3.4.4). Without it no `userhash` is written, which
    /// means `false`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestCredentials;
    ///
    /// let v = DigestCredentials::builder("488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec", "r", "n", "/", "0f")
    ///     .userhash()
    ///     .finish()?;
    /// assert!(v.ends_with(", userhash=true"));
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn userhash(mut self) -> Self {
        self.userhash = true;
        self
    }

    /// Writes the credentials.
    ///
    /// ```
    /// use http_auth_headers::BuildError;
    /// use http_auth_headers::scheme::digest::DigestCredentials;
    ///
    /// let bad = DigestCredentials::builder("u", "r", "n", "/", "0f").extended_username().userhash().finish();
    /// assert_eq!(bad, Err(BuildError::SchemeValue("userhash")));
    /// ```
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidValue`] for a control character in a value
    /// ([`BuildError::SchemeValue`]`("username*")` in an
    /// [`extended_username`](Self::extended_username): C0, DEL or C1);
    /// [`BuildError::SchemeValue`] for an [`Algorithm`] or
    /// [`Qop`] that is not a token, or `"userhash"` for
    /// [`userhash`](Self::userhash) with an extended username.
    pub fn finish(self) -> Result<String, BuildError> {
        check_algorithm(self.algorithm)?;
        if let Some((q, _, _)) = self.qop {
            check_qop(q)?;
        }
        let mut b = AuthBuilder::credentials("Digest");
        if self.extended {
            if self.userhash {
                return Err(BuildError::SchemeValue("userhash"));
            }
            if self.username.chars().any(char::is_control) {
                return Err(BuildError::SchemeValue("username*"));
            }
            let encoded = ext_value::encode(self.username).to_string();
            b = b.param("username*", &encoded);
        } else {
            b = b.param("username", self.username);
        }
        b = b.param("realm", self.realm).param("uri", self.uri);
        if let Some(a) = self.algorithm {
            b = b.param("algorithm", a.name());
        }
        b = b.param("nonce", self.nonce);
        if let Some((qop, cnonce, nc)) = self.qop {
            b = b
                .param("nc", NonceCount::new(nc).as_str())
                .param("cnonce", cnonce)
                .param("qop", qop.name());
        }
        b = b.param("response", self.response);
        if let Some(opaque) = self.opaque {
            b = b.param("opaque", opaque);
        }
        if self.userhash {
            b = b.param("userhash", "true");
        }
        b.finish()
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
/// use http_auth_headers::scheme::digest::{DigestAuthInfo, Qop};
///
/// let value = DigestAuthInfo::builder()
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
    /// Starts an empty field value; the same as
    /// [`DigestAuthInfo::builder`](super::DigestAuthInfo::builder).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAuthInfoBuilder;
    ///
    /// assert_eq!(DigestAuthInfoBuilder::new().finish()?, "");
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `nextnonce`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAuthInfo;
    ///
    /// assert_eq!(DigestAuthInfo::builder().nextnonce("n2").finish()?, r#"nextnonce="n2""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn nextnonce(mut self, nextnonce: &'b str) -> Self {
        self.nextnonce = Some(nextnonce);
        self
    }

    /// Sets `qop` with the `rspauth`, `cnonce` and `nc` it requires.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestAuthInfo, Qop};
    ///
    /// let v = DigestAuthInfo::builder().qop(Qop::AUTH, "d4f5", "c", 1).finish()?;
    /// assert_eq!(v, r#"qop=auth, rspauth="d4f5", cnonce="c", nc=00000001"#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn qop(mut self, qop: Qop<'b>, rspauth: &'b str, cnonce: &'b str, nc: u32) -> Self {
        self.qop = Some((qop, rspauth, cnonce, nc));
        self
    }

    /// Writes the field value (empty when nothing was set).
    ///
    /// ```
    /// use http_auth_headers::BuildError;
    /// use http_auth_headers::scheme::digest::DigestAuthInfo;
    ///
    /// assert_eq!(DigestAuthInfo::builder().nextnonce("a\rb").finish(), Err(BuildError::InvalidValue));
    /// ```
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
