//! The Digest server: stateless HMAC nonces, challenges, verification.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;
use core::sync::atomic::{AtomicU64, Ordering};

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::hash::{DigestAlgorithm, HexDigest};
use super::store::NonceStore;
use super::{DigestAuthInfo, DigestChallenge, DigestCredentials, NonceCount, Qop, Username};
use crate::redact::Redacted;
use crate::scheme::SchemeError;
use crate::Credentials;

type HmacSha256 = Hmac<Sha256>;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;
/// Timestamp (8) + random (16) + HMAC-SHA-256 (32).
const NONCE_LEN: usize = 56;

/// The operating system's random number generator failed.
///
/// ```
/// use http_auth_headers::scheme::digest::RandomError;
///
/// assert_eq!(RandomError.to_string(), "the OS random number generator failed");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the OS random number generator failed")]
pub struct RandomError;

/// What a server knows about a user: the password, or the stored
/// `H(username:realm:password)` of one algorithm (an `htdigest` file holds
/// MD5 ones). `Debug` shows neither.
///
/// ```
/// use http_auth_headers::scheme::digest::{DigestAlgorithm, HexDigest, UserSecret};
///
/// let s = UserSecret::Ha1(DigestAlgorithm::Md5, HexDigest::parse("939e7578ed9e3c518a452acee763bce9").unwrap());
/// assert!(!format!("{s:?}").contains("939e"));
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub enum UserSecret {
    /// The password: works with every algorithm.
    Password(String),
    /// `H(username ":" realm ":" password)` computed with the given
    /// algorithm's hash: works with that hash and its `-sess` form only.
    Ha1(DigestAlgorithm, HexDigest),
}

impl fmt::Debug for UserSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UserSecret::Password(_) => f.debug_tuple("Password").field(&Redacted).finish(),
            UserSecret::Ha1(a, _) => f.debug_tuple("Ha1").field(a).field(&Redacted).finish(),
        }
    }
}

impl UserSecret {
    /// The stored `H(A1)` for `algorithm`'s hash; `None` when this secret
    /// is an H(A1) of another hash.
    fn stored_ha1(&self, alg: DigestAlgorithm, user: &str, realm: &str) -> Option<HexDigest> {
        match self {
            UserSecret::Password(p) => Some(alg.base().password_ha1(user, realm, p)),
            UserSecret::Ha1(a, h) if a.base() == alg.base() => Some(*h),
            UserSecret::Ha1(..) => None,
        }
    }
}

/// Where a [`DigestServer`] finds users' secrets.
///
/// It is implemented for closures `Fn(&str /* username */, &str /* realm */) -> Option<UserSecret>`
/// and for [`UserTable`]. Servers that offer `userhash` implement
/// [`find_userhash`](Self::find_userhash) too.
///
/// ```
/// use http_auth_headers::scheme::digest::{DigestUsers, UserSecret};
///
/// let users = |name: &str, _realm: &str| (name == "Mufasa").then(|| UserSecret::Password("Circle of Life".into()));
/// assert!(users.secret("Mufasa", "r").is_some());
/// assert!(users.secret("Scar", "r").is_none());
/// ```
pub trait DigestUsers {
    /// The secret of `username` in `realm`; `None` for an unknown user.
    fn secret(&self, username: &str, realm: &str) -> Option<UserSecret>;

    /// The user whose `H(username ":" realm)` with `algorithm` is
    /// `userhash` (lowercase hex), with the secret; `None` by default (no
    /// user is found by hash).
    fn find_userhash(
        &self,
        userhash: &str,
        realm: &str,
        algorithm: DigestAlgorithm,
    ) -> Option<(String, UserSecret)> {
        let _ = (userhash, realm, algorithm);
        None
    }
}

impl<F: Fn(&str, &str) -> Option<UserSecret>> DigestUsers for F {
    fn secret(&self, username: &str, realm: &str) -> Option<UserSecret> {
        self(username, realm)
    }
}

/// Users in memory: passwords (for any realm) and stored H(A1) lines of an
/// `htdigest` file (`user:realm:HA1`, MD5). It finds users by `userhash`
/// too, by hashing each name.
///
/// ```
/// use http_auth_headers::scheme::digest::{DigestUsers, UserTable};
///
/// let mut users = UserTable::from_htdigest("Mufasa:testrealm@host.com:939e7578ed9e3c518a452acee763bce9\n")?;
/// users.add_password("Scar", "Long live the king");
/// assert!(users.secret("Mufasa", "testrealm@host.com").is_some());
/// assert!(users.secret("Mufasa", "other realm").is_none());
/// assert!(users.secret("Scar", "any realm").is_some());
/// # Ok::<(), http_auth_headers::scheme::digest::HtdigestError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct UserTable {
    entries: Vec<(String, Option<String>, UserSecret)>,
}

/// A line of an `htdigest` file is not `user:realm:HA1` with 32 hex
/// digits; holds the line number (from 1), not the line.
///
/// ```
/// use http_auth_headers::scheme::digest::{HtdigestError, UserTable};
///
/// assert_eq!(UserTable::from_htdigest("a:b:c").unwrap_err(), HtdigestError { line: 1 });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("htdigest line {line} is not user:realm:HA1")]
pub struct HtdigestError {
    /// The line number, from 1.
    pub line: usize,
}

impl UserTable {
    /// An empty table.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestUsers, UserTable};
    ///
    /// assert!(UserTable::new().secret("u", "r").is_none());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads the lines of an `htdigest` file (`user:realm:HA1`, the H(A1)
    /// in MD5); empty lines and lines starting with `#` are skipped.
    ///
    /// # Errors
    ///
    /// A line that is not three fields with 32 hex digits last.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestUsers, UserTable};
    ///
    /// let users = UserTable::from_htdigest("# users\n\nu:r:939e7578ed9e3c518a452acee763bce9\n")?;
    /// assert!(users.secret("u", "r").is_some());
    /// # Ok::<(), http_auth_headers::scheme::digest::HtdigestError>(())
    /// ```
    pub fn from_htdigest(text: &str) -> Result<Self, HtdigestError> {
        let mut table = Self::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = HtdigestError { line: i + 1 };
            let (rest, ha1) = line.rsplit_once(':').ok_or(err)?;
            let (user, realm) = rest.split_once(':').ok_or(err)?;
            let ha1 = HexDigest::parse(ha1)
                .filter(|h| h.as_str().len() == 32)
                .ok_or(err)?;
            table.entries.push((
                user.to_string(),
                Some(realm.to_string()),
                UserSecret::Ha1(DigestAlgorithm::Md5, ha1),
            ));
        }
        Ok(table)
    }

    /// Adds a user with a password, valid in every realm.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestUsers, UserTable};
    ///
    /// let mut users = UserTable::new();
    /// users.add_password("u", "p");
    /// assert!(users.secret("u", "r").is_some());
    /// ```
    pub fn add_password(&mut self, username: impl Into<String>, password: impl Into<String>) {
        self.entries
            .push((username.into(), None, UserSecret::Password(password.into())));
    }

    fn in_realm<'t>(
        &'t self,
        realm: &'t str,
    ) -> impl Iterator<Item = &'t (String, Option<String>, UserSecret)> + 't {
        self.entries
            .iter()
            .filter(move |(_, r, _)| r.as_deref().map_or(true, |r| r == realm))
    }
}

impl DigestUsers for UserTable {
    fn secret(&self, username: &str, realm: &str) -> Option<UserSecret> {
        self.in_realm(realm)
            .find(|(u, _, _)| u == username)
            .map(|(_, _, s)| s.clone())
    }

    fn find_userhash(
        &self,
        userhash: &str,
        realm: &str,
        algorithm: DigestAlgorithm,
    ) -> Option<(String, UserSecret)> {
        let wanted = HexDigest::parse(userhash)?;
        self.in_realm(realm)
            .find(|(u, _, _)| algorithm.userhash(u, realm) == wanted)
            .map(|(u, _, s)| (u.clone(), s.clone()))
    }
}

/// The request a server verifies credentials against.
///
/// ```
/// use http_auth_headers::scheme::digest::DigestRequest;
///
/// let req = DigestRequest::new("POST", "/upload?x=1").body(b"data");
/// assert_eq!(req.uri(), "/upload?x=1");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct DigestRequest<'r> {
    method: &'r str,
    uri: &'r str,
    body: &'r [u8],
}

impl<'r> DigestRequest<'r> {
    /// The method and the request-target as received (what `uri` must
    /// equal).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestRequest;
    ///
    /// let req = DigestRequest::new("GET", "/a?b");
    /// assert_eq!(req.uri(), "/a?b");
    /// ```
    pub fn new(method: &'r str, uri: &'r str) -> Self {
        DigestRequest {
            method,
            uri,
            body: b"",
        }
    }

    /// The body (its content before transfer coding), needed for
    /// `auth-int`; empty by default.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestRequest;
    ///
    /// let req = DigestRequest::new("PUT", "/f").body(b"contents");
    /// # let _ = req;
    /// ```
    pub fn body(mut self, body: &'r [u8]) -> Self {
        self.body = body;
        self
    }

    /// The request-target.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestRequest;
    ///
    /// assert_eq!(DigestRequest::new("GET", "*").uri(), "*");
    /// ```
    pub fn uri(&self) -> &'r str {
        self.uri
    }
}

/// Why credentials did not verify, in the order the checks run. No variant
/// holds a secret.
///
/// [`status`](Self::status) gives the HTTP status to answer with (400 or
/// 401), [`is_stale`](Self::is_stale) whether the new challenges say
/// `stale=true`.
///
/// ```
/// use http_auth_headers::scheme::digest::VerifyError;
///
/// assert_eq!(VerifyError::UriMismatch.status(), 400);
/// assert_eq!(VerifyError::WrongResponse.status(), 401);
/// assert!(VerifyError::Stale.is_stale());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The field is not valid `Authorization` syntax (400).
    #[error("malformed credentials: {0}")]
    Syntax(crate::Error),
    /// The credentials use another scheme (401: send the challenges).
    #[error("the credentials are not Digest")]
    NotDigest,
    /// Digest credentials with missing, repeated or invalid params (400).
    #[error("invalid Digest credentials: {0}")]
    Malformed(SchemeError),
    /// The realm is not the server's (401).
    #[error("the realm is not this server's")]
    WrongRealm,
    /// The algorithm is not one the server offered (401).
    #[error("the algorithm was not offered")]
    AlgorithmNotOffered,
    /// The qop is not one the server offered, or is missing (RFC 2069 form)
    /// and the server does not allow that (401).
    #[error("the qop was not offered")]
    QopNotOffered,
    /// The nonce was not made by this server for this realm and opaque
    /// (401).
    #[error("the nonce is not valid")]
    InvalidNonce,
    /// `uri` is not the request-target (400, as Apache answers).
    #[error("the uri does not match the request-target")]
    UriMismatch,
    /// No such user, or no secret for this algorithm (401).
    #[error("unknown user")]
    UnknownUser,
    /// The response is wrong: wrong password, or a tampered request (401).
    #[error("the response does not match")]
    WrongResponse,
    /// The nonce expired; the response was right (401 with `stale=true`).
    #[error("the nonce is stale")]
    Stale,
    /// This nonce count was accepted before (401).
    #[error("the nonce count was used before")]
    Replay,
}

impl VerifyError {
    /// The HTTP status to answer with: 400 for malformed credentials and a
    /// `uri` mismatch, 401 otherwise (with the challenges).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::VerifyError;
    ///
    /// assert_eq!(VerifyError::Replay.status(), 401);
    /// ```
    pub fn status(&self) -> u16 {
        match self {
            VerifyError::Syntax(_) | VerifyError::Malformed(_) | VerifyError::UriMismatch => 400,
            _ => 401,
        }
    }

    /// Whether the challenges sent with this error say `stale=true`: only
    /// for [`VerifyError::Stale`], which is reported only when the response
    /// verified.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::VerifyError;
    ///
    /// assert!(!VerifyError::WrongResponse.is_stale());
    /// ```
    pub fn is_stale(&self) -> bool {
        matches!(self, VerifyError::Stale)
    }
}

/// Credentials that verified, and what the server answers with.
///
/// `Debug` does not show the H(A1) it keeps for `rspauth`.
///
/// ```
/// use http_auth_headers::scheme::digest::*;
///
/// let server = DigestServer::with_secret("r", [7; 32]);
/// let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
/// let store = MemoryNonceStore::new();
/// let mut client = DigestClient::new("u", "p");
/// client.challenge(&server.challenges(1000))?;
/// let value = client.respond("GET", "/", b"")?;
/// let ok = server.verify(&value, &DigestRequest::new("GET", "/"), &users, &store, 1001)?;
/// assert_eq!(ok.username(), "u");
/// let info = ok.authentication_info(b"hello u\n");
/// assert!(client.authentication_info(&info, b"hello u\n")?.rspauth_verified());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Verified {
    username: String,
    algorithm: DigestAlgorithm,
    qop: Option<Qop<'static>>,
    nc: Option<NonceCount>,
    ha1: HexDigest,
    nonce: String,
    cnonce: String,
    uri: String,
    nextnonce: Option<String>,
}

impl fmt::Debug for Verified {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verified")
            .field("username", &self.username)
            .field("algorithm", &self.algorithm)
            .field("qop", &self.qop)
            .field("nc", &self.nc)
            .field("nextnonce", &self.nextnonce)
            .finish_non_exhaustive()
    }
}

impl Verified {
    /// The user's name (found through the lookup for `userhash`).
    ///
    /// ```
    /// # use http_auth_headers::scheme::digest::*;
    /// # let server = DigestServer::with_secret("r", [7; 32]).qop(&[Qop::AUTH_INT]).nonce_lifetime(60);
    /// # let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    /// # let mut client = DigestClient::new("u", "p");
    /// # client.challenge(&server.challenges(1000))?;
    /// # let value = client.respond("POST", "/", b"body")?;
    /// # let req = DigestRequest::new("POST", "/").body(b"body");
    /// # let ok = server.verify(&value, &req, &users, &MemoryNonceStore::new(), 1050)?;
    /// assert_eq!(ok.username(), "u");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn username(&self) -> &str {
        &self.username
    }

    /// The algorithm used.
    ///
    /// ```
    /// # use http_auth_headers::scheme::digest::*;
    /// # let server = DigestServer::with_secret("r", [7; 32]).qop(&[Qop::AUTH_INT]).nonce_lifetime(60);
    /// # let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    /// # let mut client = DigestClient::new("u", "p");
    /// # client.challenge(&server.challenges(1000))?;
    /// # let value = client.respond("POST", "/", b"body")?;
    /// # let req = DigestRequest::new("POST", "/").body(b"body");
    /// # let ok = server.verify(&value, &req, &users, &MemoryNonceStore::new(), 1050)?;
    /// assert_eq!(ok.algorithm(), DigestAlgorithm::Sha256);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn algorithm(&self) -> DigestAlgorithm {
        self.algorithm
    }

    /// The qop used (`None` for the RFC 2069 form).
    ///
    /// ```
    /// # use http_auth_headers::scheme::digest::*;
    /// # let server = DigestServer::with_secret("r", [7; 32]).qop(&[Qop::AUTH_INT]).nonce_lifetime(60);
    /// # let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    /// # let mut client = DigestClient::new("u", "p");
    /// # client.challenge(&server.challenges(1000))?;
    /// # let value = client.respond("POST", "/", b"body")?;
    /// # let req = DigestRequest::new("POST", "/").body(b"body");
    /// # let ok = server.verify(&value, &req, &users, &MemoryNonceStore::new(), 1050)?;
    /// assert_eq!(ok.qop(), Some(Qop::AUTH_INT));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn qop(&self) -> Option<Qop<'static>> {
        self.qop
    }

    /// The nonce count of the request.
    ///
    /// ```
    /// # use http_auth_headers::scheme::digest::*;
    /// # let server = DigestServer::with_secret("r", [7; 32]).qop(&[Qop::AUTH_INT]).nonce_lifetime(60);
    /// # let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    /// # let mut client = DigestClient::new("u", "p");
    /// # client.challenge(&server.challenges(1000))?;
    /// # let value = client.respond("POST", "/", b"body")?;
    /// # let req = DigestRequest::new("POST", "/").body(b"body");
    /// # let ok = server.verify(&value, &req, &users, &MemoryNonceStore::new(), 1050)?;
    /// assert_eq!(ok.nc().unwrap().value(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nc(&self) -> Option<NonceCount> {
        self.nc
    }

    /// The `nextnonce` the server sends, made when the nonce was near its
    /// end.
    ///
    /// ```
    /// # use http_auth_headers::scheme::digest::*;
    /// # let server = DigestServer::with_secret("r", [7; 32]).qop(&[Qop::AUTH_INT]).nonce_lifetime(60);
    /// # let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    /// # let mut client = DigestClient::new("u", "p");
    /// # client.challenge(&server.challenges(1000))?;
    /// # let value = client.respond("POST", "/", b"body")?;
    /// # let req = DigestRequest::new("POST", "/").body(b"body");
    /// # let ok = server.verify(&value, &req, &users, &MemoryNonceStore::new(), 1050)?;
    /// // 50 s into a 60 s lifetime: within the last 30 s.
    /// assert!(ok.nextnonce().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nextnonce(&self) -> Option<&str> {
        self.nextnonce.as_deref()
    }

    /// The `Authentication-Info` (or `Proxy-Authentication-Info`) field
    /// value: `rspauth` with `qop`, `cnonce` and `nc` (section 3.5), and
    /// `nextnonce` when the nonce is near its end. `body` is the response
    /// body, hashed for `auth-int` only. Empty for an RFC 2069 request
    /// without `nextnonce`.
    ///
    /// ```
    /// # use http_auth_headers::scheme::digest::*;
    /// # let server = DigestServer::with_secret("r", [7; 32]).qop(&[Qop::AUTH_INT]).nonce_lifetime(60);
    /// # let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    /// # let mut client = DigestClient::new("u", "p");
    /// # client.challenge(&server.challenges(1000))?;
    /// # let value = client.respond("POST", "/", b"body")?;
    /// # let req = DigestRequest::new("POST", "/").body(b"body");
    /// # let ok = server.verify(&value, &req, &users, &MemoryNonceStore::new(), 1050)?;
    /// let info = ok.authentication_info(b"hello u\n");
    /// assert!(info.starts_with("nextnonce=") && info.contains(", qop=auth-int, rspauth=\""));
    /// assert!(client.authentication_info(&info, b"hello u\n")?.rspauth_verified());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn authentication_info(&self, body: &[u8]) -> String {
        let alg = self.algorithm;
        let mut info = DigestAuthInfo::builder();
        if let Some(n) = &self.nextnonce {
            info = info.nextnonce(n);
        }
        let rspauth;
        if let (Some(q), Some(nc)) = (self.qop, self.nc) {
            let ha2 = alg.ha2(Some(q), "", &self.uri, body);
            rspauth = alg.response(
                &self.ha1,
                &self.nonce,
                Some((q, nc, self.cnonce.as_str())),
                &ha2,
            );
            info = info.qop(q, rspauth.as_str(), &self.cnonce, nc.value());
        }
        // The values were read from credentials that parsed; writing them
        // back cannot fail.
        info.finish().unwrap_or_default()
    }
}

/// A Digest server (RFC 7616) with stateless nonces.
///
/// A nonce is the time it was made, 16 random bytes, and an HMAC-SHA-256
/// with the server's secret over those, the realm and the opaque value
/// (base64url): the server stores nothing to check it, and nobody without
/// the secret can make one, or move one to another realm or opaque.
/// [`challenges`](Self::challenges) writes one challenge per algorithm,
/// strongest first, all with the same nonce.
///
/// [`verify`](Self::verify) checks, in order: the syntax; the realm; the
/// algorithm and qop against those offered; the nonce's MAC (constant
/// time); `uri` against the request-target; the response (constant time)
/// from the user's password or stored H(A1); the nonce's age (an expired
/// nonce with a right response is [`VerifyError::Stale`]); and last the
/// nonce count, through a [`NonceStore`] that is written only then, so a
/// forged or replayed request neither passes twice nor disturbs the real
/// client.
///
/// Defaults: algorithms SHA-256 and MD5, qop `auth`, nonces valid 300 s,
/// `nextnonce` in the last 30 s, opaque derived from the secret, RFC 2069
/// (no qop) refused. Times are seconds on any clock the caller chooses
/// (`now` arguments; [`unix_now`](Self::unix_now) reads the system's).
///
/// `Debug` does not show the secret.
///
/// ```
/// use http_auth_headers::scheme::digest::*;
///
/// let server = DigestServer::with_secret("api@example.org", [42; 32])
///     .algorithms(&[DigestAlgorithm::Sha512_256, DigestAlgorithm::Sha256]);
/// let lines = server.challenges(1_000);
/// assert_eq!(lines.len(), 2);
/// assert!(lines[0].starts_with(r#"Digest realm="api@example.org", nonce=""#));
/// assert!(lines[0].contains("algorithm=SHA-512-256"));
/// ```
pub struct DigestServer {
    realm: String,
    secret: [u8; 32],
    algorithms: Vec<DigestAlgorithm>,
    qop: Vec<Qop<'static>>,
    allow_rfc2069: bool,
    opaque: String,
    nonce_lifetime: u64,
    nextnonce_within: u64,
    userhash: bool,
    counter: AtomicU64,
}

impl fmt::Debug for DigestServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DigestServer")
            .field("realm", &self.realm)
            .field("secret", &Redacted)
            .field("algorithms", &self.algorithms)
            .field("qop", &self.qop)
            .field("allow_rfc2069", &self.allow_rfc2069)
            .field("opaque", &self.opaque)
            .field("nonce_lifetime", &self.nonce_lifetime)
            .field("userhash", &self.userhash)
            .finish_non_exhaustive()
    }
}

impl DigestServer {
    /// A server for `realm` with a random secret: its nonces are valid for
    /// this value only (use [`with_secret`](Self::with_secret) to share
    /// them between processes).
    ///
    /// # Errors
    ///
    /// When the OS random number generator fails.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// let server = DigestServer::new("r")?;
    /// assert!(!format!("{server:?}").contains("secret: ["));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(realm: impl Into<String>) -> Result<Self, RandomError> {
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|_| RandomError)?;
        Ok(Self::with_secret(realm, secret))
    }

    /// A server for `realm` with a given 32-byte secret (random, kept
    /// private).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// let a = DigestServer::with_secret("r", [1; 32]);
    /// assert_eq!(a.realm(), "r");
    /// ```
    pub fn with_secret(realm: impl Into<String>, secret: [u8; 32]) -> Self {
        let realm = realm.into();
        let mut server = DigestServer {
            realm,
            secret,
            algorithms: vec![DigestAlgorithm::Sha256, DigestAlgorithm::Md5],
            qop: vec![Qop::AUTH],
            allow_rfc2069: false,
            opaque: String::new(),
            nonce_lifetime: 300,
            nextnonce_within: 30,
            userhash: false,
            counter: AtomicU64::new(0),
        };
        let opaque = server.mac(&[b"opaque", server.realm.as_bytes()]);
        server.opaque = B64.encode(&opaque[..16]);
        server
    }

    /// The algorithms to offer (sorted strongest first, duplicates
    /// dropped); an empty list keeps the current ones.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestAlgorithm, DigestServer};
    ///
    /// let s = DigestServer::with_secret("r", [1; 32]).algorithms(&[DigestAlgorithm::Md5, DigestAlgorithm::Sha512_256]);
    /// assert_eq!(s.offered(), [DigestAlgorithm::Sha512_256, DigestAlgorithm::Md5]);
    /// ```
    pub fn algorithms(mut self, algorithms: &[DigestAlgorithm]) -> Self {
        if !algorithms.is_empty() {
            let mut list = algorithms.to_vec();
            list.sort_by(|a, b| b.cmp(a));
            list.dedup();
            self.algorithms = list;
        }
        self
    }

    /// The qop options to offer, in order ([`Qop::AUTH`] and
    /// [`Qop::AUTH_INT`]; others are dropped). An empty list offers no qop:
    /// the RFC 2069 form, which also needs
    /// [`allow_rfc2069`](Self::allow_rfc2069).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestServer, Qop};
    ///
    /// let s = DigestServer::with_secret("r", [1; 32]).qop(&[Qop::AUTH, Qop::AUTH_INT]);
    /// assert!(s.challenges(0)[0].contains(r#"qop="auth, auth-int""#));
    /// ```
    pub fn qop(mut self, qop: &[Qop<'_>]) -> Self {
        self.qop = [Qop::AUTH, Qop::AUTH_INT]
            .into_iter()
            .filter(|k| qop.contains(k))
            .collect();
        if qop.first() == Some(&Qop::AUTH_INT) {
            self.qop.reverse();
        }
        self
    }

    /// Accepts credentials without `qop` (the RFC 2069 form, no cnonce and
    /// no nonce count, so no replay protection within a nonce's lifetime);
    /// refused by default.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// let s = DigestServer::with_secret("r", [1; 32]).qop(&[]).allow_rfc2069();
    /// assert!(!s.challenges(0)[0].contains("qop"));
    /// ```
    pub fn allow_rfc2069(mut self) -> Self {
        self.allow_rfc2069 = true;
        self
    }

    /// The `opaque` value to send (default: derived from the secret and
    /// realm). Nonces are bound to it.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// let s = DigestServer::with_secret("r", [1; 32]).opaque("xyz");
    /// assert!(s.challenges(0)[0].contains(r#"opaque="xyz""#));
    /// ```
    pub fn opaque(mut self, opaque: impl Into<String>) -> Self {
        self.opaque = opaque.into();
        self
    }

    /// How long a nonce is valid, in seconds (default 300); after that a
    /// right response gets [`VerifyError::Stale`].
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// let s = DigestServer::with_secret("r", [1; 32]).nonce_lifetime(60);
    /// assert_eq!(s.lifetime(), 60);
    /// ```
    pub fn nonce_lifetime(mut self, seconds: u64) -> Self {
        self.nonce_lifetime = seconds;
        self
    }

    /// Sends `nextnonce` in `Authentication-Info` when a nonce has less
    /// than `seconds` left (default 30; 0 never).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// let s = DigestServer::with_secret("r", [1; 32]).nextnonce_within(0);
    /// # let _ = s;
    /// ```
    pub fn nextnonce_within(mut self, seconds: u64) -> Self {
        self.nextnonce_within = seconds;
        self
    }

    /// Offers `userhash=true` (section 3.4.4): clients may send
    /// `H(username:realm)` instead of the name, found through
    /// [`DigestUsers::find_userhash`].
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// let s = DigestServer::with_secret("r", [1; 32]).userhash();
    /// assert!(s.challenges(0)[0].ends_with("userhash=true"));
    /// ```
    pub fn userhash(mut self) -> Self {
        self.userhash = true;
        self
    }

    /// The realm.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// assert_eq!(DigestServer::with_secret("r", [1; 32]).realm(), "r");
    /// ```
    pub fn realm(&self) -> &str {
        &self.realm
    }

    /// The algorithms offered, strongest first.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestAlgorithm, DigestServer};
    ///
    /// assert_eq!(DigestServer::with_secret("r", [1; 32]).offered(), [DigestAlgorithm::Sha256, DigestAlgorithm::Md5]);
    /// ```
    pub fn offered(&self) -> &[DigestAlgorithm] {
        &self.algorithms
    }

    /// The nonce lifetime in seconds.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// assert_eq!(DigestServer::with_secret("r", [1; 32]).lifetime(), 300);
    /// ```
    pub fn lifetime(&self) -> u64 {
        self.nonce_lifetime
    }

    /// The system clock in seconds since the Unix epoch (0 if it is set
    /// before 1970), for the `now` arguments.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// assert!(DigestServer::unix_now() > 1_700_000_000);
    /// ```
    pub fn unix_now() -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }

    fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        // HMAC takes keys of any length.
        let mut mac = <HmacSha256 as hmac::digest::KeyInit>::new_from_slice(&self.secret)
            .unwrap_or_else(|_| unreachable_hmac());
        for p in parts {
            mac.update(&(p.len() as u64).to_be_bytes());
            mac.update(p);
        }
        mac.finalize().into_bytes().into()
    }

    fn nonce_mac(&self, ts: &[u8; 8], random: &[u8], opaque: Option<&[u8]>) -> [u8; 32] {
        let (has_opaque, opaque) = match opaque {
            Some(o) => (&b"1"[..], o),
            None => (&b"0"[..], &b""[..]),
        };
        self.mac(&[
            b"digest nonce",
            ts,
            random,
            self.realm.as_bytes(),
            has_opaque,
            opaque,
        ])
    }

    /// A new nonce made at `now`, bound to the realm and the opaque value.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// let s = DigestServer::with_secret("r", [1; 32]);
    /// assert_ne!(s.nonce(5), s.nonce(5));
    /// assert_eq!(s.nonce(5).len(), 75);
    /// ```
    pub fn nonce(&self, now: u64) -> String {
        self.nonce_for(now, Some(self.opaque.as_bytes()))
    }

    fn nonce_for(&self, now: u64, opaque: Option<&[u8]>) -> String {
        let ts = now.to_be_bytes();
        let mut random = [0u8; 16];
        if getrandom::fill(&mut random).is_err() {
            // Unpredictable without the secret, and unique: a MAC of a
            // counter.
            let n = self.counter.fetch_add(1, Ordering::Relaxed);
            let m = self.mac(&[b"nonce fallback", &n.to_be_bytes(), &ts]);
            random.copy_from_slice(&m[..16]);
        }
        let mac = self.nonce_mac(&ts, &random, opaque);
        let mut raw = [0u8; NONCE_LEN];
        raw[..8].copy_from_slice(&ts);
        raw[8..24].copy_from_slice(&random);
        raw[24..].copy_from_slice(&mac);
        B64.encode(raw)
    }

    /// The time a nonce of this server was made, when its MAC is right for
    /// this realm and `opaque`.
    fn check_nonce(&self, nonce: &[u8], opaque: Option<&[u8]>) -> Option<u64> {
        let mut raw = [0u8; NONCE_LEN];
        if B64.decode_slice(nonce, &mut raw).ok()? != NONCE_LEN {
            return None;
        }
        let mut ts = [0u8; 8];
        ts.copy_from_slice(&raw[..8]);
        let expected = self.nonce_mac(&ts, &raw[8..24], opaque);
        let ok: bool = crate::redact::ct_eq(&expected, &raw[24..]).into();
        ok.then(|| u64::from_be_bytes(ts))
    }

    /// The `WWW-Authenticate` (or `Proxy-Authenticate`) field lines for a
    /// 401 (407): one challenge per algorithm, strongest first, with a new
    /// nonce made at `now`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// let s = DigestServer::with_secret("r", [1; 32]);
    /// let lines = s.challenges(0);
    /// assert!(lines[0].contains("algorithm=SHA-256"));
    /// assert!(lines[1].contains("algorithm=MD5"));
    /// assert!(!lines[0].contains("stale"));
    /// ```
    pub fn challenges(&self, now: u64) -> Vec<String> {
        self.challenges_with(now, false)
    }

    /// As [`challenges`](Self::challenges), each with `stale=true`: the
    /// answer to [`VerifyError::Stale`] (a correct response to an expired
    /// nonce).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestServer;
    ///
    /// let s = DigestServer::with_secret("r", [1; 32]);
    /// assert!(s.stale_challenges(0)[0].contains("stale=true, algorithm=SHA-256"));
    /// ```
    pub fn stale_challenges(&self, now: u64) -> Vec<String> {
        self.challenges_with(now, true)
    }

    fn challenges_with(&self, now: u64, stale: bool) -> Vec<String> {
        let nonce = self.nonce(now);
        self.algorithms
            .iter()
            .filter_map(|a| {
                let mut b = DigestChallenge::builder(&self.realm, &nonce)
                    .opaque(&self.opaque)
                    .algorithm(a.algorithm())
                    .qop(&self.qop);
                if stale {
                    b = b.stale();
                }
                if self.userhash {
                    b = b.userhash();
                }
                // Only a realm or opaque with a control character fails.
                b.finish().ok()
            })
            .collect()
    }

    /// The challenges to send with a verification error: as
    /// [`challenges`](Self::challenges), stale when the error is.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestServer, VerifyError};
    ///
    /// let s = DigestServer::with_secret("r", [1; 32]);
    /// assert!(s.challenges_for(&VerifyError::Stale, 0)[0].contains("stale=true"));
    /// ```
    pub fn challenges_for(&self, error: &VerifyError, now: u64) -> Vec<String> {
        self.challenges_with(now, error.is_stale())
    }

    /// Verifies an `Authorization` (or `Proxy-Authorization`) field value
    /// against `request`, finding the user in `users` and recording the
    /// nonce count in `store` once everything else verified.
    ///
    /// # Errors
    ///
    /// The first check that fails, as [`VerifyError`].
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::*;
    ///
    /// let server = DigestServer::with_secret("r", [7; 32]);
    /// let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    /// let store = MemoryNonceStore::new();
    /// let mut client = DigestClient::new("u", "p");
    /// client.challenge(&server.challenges(1000))?;
    /// let value = client.respond("GET", "/a", b"")?;
    /// let req = DigestRequest::new("GET", "/a");
    /// let ok = server.verify(&value, &req, &users, &store, 1001)?;
    /// assert_eq!(ok.username(), "u");
    /// // The same request again is a replay.
    /// assert_eq!(server.verify(&value, &req, &users, &store, 1002).unwrap_err(), VerifyError::Replay);
    /// // Too late: stale.
    /// let value = client.respond("GET", "/a", b"")?;
    /// assert_eq!(server.verify(&value, &req, &users, &store, 2000).unwrap_err(), VerifyError::Stale);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify<T, U, S>(
        &self,
        authorization: &T,
        request: &DigestRequest<'_>,
        users: &U,
        store: &S,
        now: u64,
    ) -> Result<Verified, VerifyError>
    where
        T: crate::FieldValue + ?Sized,
        U: DigestUsers + ?Sized,
        S: NonceStore + ?Sized,
    {
        let creds = Credentials::parse(authorization).map_err(VerifyError::Syntax)?;
        self.verify_credentials(&creds, request, users, store, now)
    }

    /// [`verify`](Self::verify) for credentials already parsed (to pick
    /// the scheme first, say).
    ///
    /// # Errors
    ///
    /// As [`verify`](Self::verify).
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::digest::*;
    ///
    /// let server = DigestServer::with_secret("r", [7; 32]);
    /// let users = |_: &str, _: &str| None;
    /// let basic = Credentials::parse("Basic dTpw")?;
    /// let err = server.verify_credentials(&basic, &DigestRequest::new("GET", "/"), &users, &MemoryNonceStore::new(), 0);
    /// assert_eq!(err.unwrap_err(), VerifyError::NotDigest);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify_credentials<U, S>(
        &self,
        creds: &Credentials<'_>,
        request: &DigestRequest<'_>,
        users: &U,
        store: &S,
        now: u64,
    ) -> Result<Verified, VerifyError>
    where
        U: DigestUsers + ?Sized,
        S: NonceStore + ?Sized,
    {
        // 1. Syntax.
        if !creds.is_scheme("Digest") {
            return Err(VerifyError::NotDigest);
        }
        let d = DigestCredentials::try_from(creds).map_err(VerifyError::Malformed)?;
        // 2. Realm.
        if d.realm() != self.realm.as_str() {
            return Err(VerifyError::WrongRealm);
        }
        // 3. Algorithm and qop among those offered.
        let alg = DigestAlgorithm::from_algorithm(d.algorithm())
            .filter(|a| self.algorithms.contains(a))
            .ok_or(VerifyError::AlgorithmNotOffered)?;
        let qop = match d.qop() {
            Some(q) => Some(
                [Qop::AUTH, Qop::AUTH_INT]
                    .into_iter()
                    .find(|k| *k == q && self.qop.contains(k))
                    .ok_or(VerifyError::QopNotOffered)?,
            ),
            None if self.allow_rfc2069 && !alg.is_session() => None,
            None => return Err(VerifyError::QopNotOffered),
        };
        // 4. The nonce's MAC.
        let text = |v: crate::ParamValue<'_>| v.unescaped_str().ok().map(|s| s.into_owned());
        let nonce = text(d.nonce()).ok_or(VerifyError::InvalidNonce)?;
        let opaque = match d.opaque() {
            Some(v) => Some(text(v).ok_or(VerifyError::InvalidNonce)?),
            None => None,
        };
        let issued = self
            .check_nonce(nonce.as_bytes(), opaque.as_deref().map(str::as_bytes))
            .ok_or(VerifyError::InvalidNonce)?;
        // 5. The uri is the request-target.
        if d.uri() != request.uri {
            return Err(VerifyError::UriMismatch);
        }
        // 6. The response, from the user's secret. An unknown user costs
        // the same hashes as a known one, so timing does not tell them
        // apart.
        let found = if d.userhash() {
            match d.username() {
                Username::Plain(v) => text(v).and_then(|hash| {
                    users.find_userhash(&hash.to_ascii_lowercase(), &self.realm, alg)
                }),
                _ => None,
            }
        } else {
            d.username().decoded_str().ok().and_then(|name| {
                let secret = users.secret(&name, &self.realm)?;
                Some((name.into_owned(), secret))
            })
        };
        let found = found.and_then(|(name, secret)| {
            let stored = secret.stored_ha1(alg, &name, &self.realm)?;
            Some((name, stored))
        });
        let known = found.is_some();
        let (username, stored) = found.unwrap_or_else(|| {
            let dummy = alg.base().password_ha1("", &self.realm, "");
            (String::new(), dummy)
        });
        let cnonce = match d.cnonce() {
            Some(v) => {
                text(v).ok_or(VerifyError::Malformed(SchemeError::InvalidParam("cnonce")))?
            }
            None => String::new(),
        };
        let ha1 = alg.session_ha1(&stored, &nonce, &cnonce);
        let nc = d.nc();
        let with_qop = match (qop, nc) {
            (Some(q), Some(nc)) => Some((q, nc, cnonce.as_str())),
            _ => None,
        };
        let ha2 = alg.ha2(qop, request.method, request.uri, request.body);
        let expected = alg.response(&ha1, &nonce, with_qop, &ha2);
        let matches = d.response_matches(expected.as_str());
        if !known {
            return Err(VerifyError::UnknownUser);
        }
        if !matches {
            return Err(VerifyError::WrongResponse);
        }
        // 7. The nonce's age.
        let expires_at = issued.saturating_add(self.nonce_lifetime);
        if now > expires_at {
            return Err(VerifyError::Stale);
        }
        // 8. The nonce count, recorded only now.
        if let Some(nc) = nc {
            if !store.record(&nonce, nc.value(), expires_at, now) {
                return Err(VerifyError::Replay);
            }
        }
        let nextnonce = (self.nextnonce_within > 0
            && expires_at.saturating_sub(now) < self.nextnonce_within)
            .then(|| self.nonce_for(now, opaque.as_deref().map(str::as_bytes)));
        Ok(Verified {
            username,
            algorithm: alg,
            qop,
            nc,
            ha1,
            nonce,
            cnonce,
            uri: request.uri.to_string(),
            nextnonce,
        })
    }
}

#[cold]
fn unreachable_hmac() -> HmacSha256 {
    // `new_from_slice` accepts every key length for HMAC; never called.
    <HmacSha256 as hmac::digest::KeyInit>::new(&Default::default())
}
