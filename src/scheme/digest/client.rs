//! The Digest client: picks a challenge, answers it, checks `rspauth`.

use alloc::string::{String, ToString};
use core::fmt;

use super::hash::{DigestAlgorithm, HexDigest};
use super::{DigestAuthInfo, DigestChallenge, DigestCredentials, NonceCount, Qop};
use crate::builder::BuildError;
use crate::lines::FieldLines;
use crate::redact::Redacted;
use crate::scheme::SchemeError;
use crate::{AuthenticationInfo, Challenges};

/// Why a [`DigestClient`] cannot go on. No variant holds a secret.
///
/// ```
/// use http_auth_headers::scheme::digest::{DigestClient, DigestClientError};
///
/// let mut client = DigestClient::new("Mufasa", "Circle of Life");
/// let err = client.challenge(&[r#"Digest realm="r", nonce="n", algorithm=SHA3"#]).unwrap_err();
/// assert_eq!(err, DigestClientError::NoSupportedChallenge);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DigestClientError {
    /// The challenge field could not be parsed, and no usable challenge came
    /// before the error.
    #[error("the challenge field is malformed: {0}")]
    Parse(crate::Error),
    /// No Digest challenge with an algorithm and qop this client supports.
    #[error("no Digest challenge this client can answer")]
    NoSupportedChallenge,
    /// The server answered the credentials with a new challenge without
    /// `stale=true`: the username or password is wrong.
    #[error("the server rejected the credentials")]
    Rejected,
    /// The server said `stale=true` again right after a retry on a stale
    /// nonce; the client retries once only.
    #[error("the server sent stale=true again after a retry")]
    StaleAgain,
    /// No challenge has been read yet.
    #[error("no challenge to answer yet")]
    NoChallenge,
    /// A value cannot be written (a control character in the username or
    /// the URI, say).
    #[error("cannot write the credentials: {0}")]
    Build(BuildError),
    /// The `Authentication-Info` field is malformed.
    #[error("the Authentication-Info field is malformed")]
    InvalidAuthInfo,
    /// `rspauth`, or the `qop`, `cnonce` or `nc` next to it, does not match
    /// the request: the server did not prove it knows the password.
    #[error("the server's rspauth does not match")]
    RspauthMismatch,
    /// The nonce count reached its maximum; a new challenge is needed.
    #[error("the nonce count is exhausted")]
    NonceCountExhausted,
    /// The operating system's random number generator failed.
    #[error("the random number generator failed")]
    Random,
}

/// The challenge a client answers, kept between requests.
#[derive(Clone)]
struct Session {
    algorithm: DigestAlgorithm,
    /// `H(username:realm:password)`, computed once per challenge.
    stored_ha1: HexDigest,
    /// Whether the challenge named its algorithm (then it is echoed).
    echo_algorithm: bool,
    realm: String,
    nonce: String,
    opaque: Option<String>,
    qop: Option<Qop<'static>>,
    userhash: bool,
    /// The last nc sent with this nonce.
    nc: u32,
    /// Whether this nonce came from a `stale=true` challenge and has not
    /// been seen to work since.
    from_stale: bool,
    /// What the last request sent, to check `rspauth`.
    last: Option<Sent>,
}

#[derive(Clone)]
struct Sent {
    ha1: HexDigest,
    uri: String,
    cnonce: String,
    nc: NonceCount,
}

/// A Digest client (RFC 7616): it reads the challenges of a 401 (or 407),
/// answers the strongest one it supports, counts requests per nonce, and
/// checks the server's `rspauth`.
///
/// - It considers every challenge of every field line and takes the
///   strongest algorithm it can compute (SHA-512-256, SHA-256, MD5, each
///   `-sess` above its plain form), skipping challenges with algorithms it
///   does not know; it never answers with an algorithm the server did not
///   offer. Among equals, the first wins.
/// - qop `auth` is preferred ([`prefer_auth_int`](Self::prefer_auth_int)
///   asks for `auth-int`); a challenge without `qop` is answered in the RFC
///   2069 form, except `-sess` ones, which need a cnonce.
/// - The cnonce is 16 hex digits (64 bits) from the OS random number
///   generator (some devices refuse longer ones); `nc` counts from 1 for
///   each nonce; `algorithm` is sent only when the
///   challenge had one; a name that is not ASCII goes in `username*`
///   (RFC 8187) unless the server asked for `userhash`.
/// - The state (nonce, count, opaque) is owned, so the client answers the
///   next request at once, without waiting for a 401.
/// - A 401 after credentials is [`DigestClientError::Rejected`] unless it
///   says `stale=true`; a stale nonce is retried once, and a second
///   `stale=true` right after is [`DigestClientError::StaleAgain`].
///
/// `Debug` does not show the password. `charset=UTF-8` names are hashed as
/// given: normalizing them to NFC is the caller's job.
///
/// ```
/// use http_auth_headers::scheme::digest::{DigestAlgorithm, DigestClient};
///
/// let mut client = DigestClient::new("Mufasa", "Circle of Life");
/// // RFC 7616 section 3.9.1: two field lines, SHA-256 and MD5.
/// let lines = [
///     r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#,
///     r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#,
/// ];
/// assert_eq!(client.challenge(&lines)?, DigestAlgorithm::Sha256);
/// let value = client.respond_with("GET", "/dir/index.html", b"", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", 1)?;
/// assert!(value.contains(r#"response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1""#));
/// // The next request goes out at once, with nc=00000002 and a fresh cnonce.
/// assert!(client.respond("GET", "/dir/other.html", b"")?.contains("nc=00000002"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct DigestClient {
    username: String,
    password: String,
    auth_int: bool,
    session: Option<Session>,
    /// Credentials were sent for the current nonce and no answer was seen.
    awaiting: bool,
}

impl fmt::Debug for DigestClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DigestClient")
            .field("username", &self.username)
            .field("password", &Redacted)
            .field("algorithm", &self.session.as_ref().map(|s| s.algorithm))
            .field("nc", &self.session.as_ref().map(|s| s.nc))
            .finish_non_exhaustive()
    }
}

/// What an `Authentication-Info` field told a [`DigestClient`].
///
/// ```
/// use http_auth_headers::scheme::digest::DigestClient;
///
/// let mut client = DigestClient::new("u", "p");
/// client.challenge(&[r#"Digest realm="r", nonce="n1", qop="auth""#])?;
/// client.respond("GET", "/", b"")?;
/// let info = client.authentication_info(r#"nextnonce="n2""#, b"")?;
/// assert!(!info.rspauth_verified());
/// assert_eq!(info.nextnonce(), Some("n2"));
/// assert_eq!(client.nonce(), Some("n2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthInfoOutcome {
    rspauth_verified: bool,
    nextnonce: Option<String>,
}

impl AuthInfoOutcome {
    /// Whether the field had an `rspauth` and it matched (a mismatch is an
    /// error, not `false`).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestClient;
    ///
    /// use http_auth_headers::scheme::digest::{DigestRequest, DigestServer, MemoryNonceStore, UserSecret};
    ///
    /// let server = DigestServer::with_secret("r", [1; 32]);
    /// let users = |_: &str, _: &str| Some(UserSecret::Password("p".into()));
    /// let mut client = DigestClient::new("u", "p");
    /// client.challenge(&server.challenges(0))?;
    /// let value = client.respond("GET", "/", b"")?;
    /// let ok = server.verify(&value, &DigestRequest::new("GET", "/"), &users, &MemoryNonceStore::new(), 1)?;
    /// assert!(client.authentication_info(&ok.authentication_info(b""), b"")?.rspauth_verified());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rspauth_verified(&self) -> bool {
        self.rspauth_verified
    }

    /// The `nextnonce` the server sent (the client has adopted it).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestClient;
    ///
    /// let mut client = DigestClient::new("u", "p");
    /// client.challenge(&[r#"Digest realm="r", nonce="n1", qop="auth""#])?;
    /// client.respond("GET", "/", b"")?;
    /// assert_eq!(client.authentication_info(r#"nextnonce="n2""#, b"")?.nextnonce(), Some("n2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nextnonce(&self) -> Option<&str> {
        self.nextnonce.as_deref()
    }
}

/// A challenge the client could answer, with its rank.
struct Candidate {
    algorithm: DigestAlgorithm,
    qop: Option<Qop<'static>>,
    session: Session,
    stale: bool,
}

impl DigestClient {
    /// A client for `username` and `password`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestClient;
    ///
    /// let client = DigestClient::new("Mufasa", "Circle of Life");
    /// assert!(client.algorithm().is_none());
    /// assert!(!format!("{client:?}").contains("Circle"));
    /// ```
    pub fn new(username: impl Into<String>, password: impl Into<String>) -> Self {
        DigestClient {
            username: username.into(),
            password: password.into(),
            auth_int: false,
            session: None,
            awaiting: false,
        }
    }

    /// Answers with qop `auth-int` (the body is hashed too) when a challenge
    /// offers it; `auth` otherwise.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestClient;
    ///
    /// let mut client = DigestClient::new("u", "p").prefer_auth_int();
    /// client.challenge(&[r#"Digest realm="r", nonce="n", qop="auth,auth-int""#])?;
    /// assert!(client.respond("POST", "/", b"body")?.contains("qop=auth-int"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prefer_auth_int(mut self) -> Self {
        self.auth_int = true;
        self
    }

    /// Reads the `WWW-Authenticate` (or `Proxy-Authenticate`) field lines
    /// of a 401 (or 407) and adopts the strongest Digest challenge it can
    /// answer; returns its algorithm. Then call [`respond`](Self::respond).
    ///
    /// # Errors
    ///
    /// [`DigestClientError::NoSupportedChallenge`] when no Digest challenge
    /// can be answered ([`DigestClientError::Parse`] when the field is
    /// malformed before any could be read); after credentials were sent,
    /// [`DigestClientError::Rejected`] for a challenge without
    /// `stale=true`, and [`DigestClientError::StaleAgain`] for a second
    /// stale one in a row. The state is unchanged on error.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestAlgorithm, DigestClient, DigestClientError};
    ///
    /// let mut client = DigestClient::new("u", "p");
    /// // Several challenges in one line, an unknown algorithm skipped.
    /// let line = r#"Basic realm="r", Digest realm="r", nonce="a", algorithm=SHA3, qop="auth", Digest realm="r", nonce="b", algorithm=MD5-sess, qop="auth""#;
    /// assert_eq!(client.challenge(&[line])?, DigestAlgorithm::Md5Sess);
    /// client.respond("GET", "/", b"")?;
    /// // A new challenge without stale=true: the password is wrong.
    /// let again = r#"Digest realm="r", nonce="c", algorithm=MD5-sess, qop="auth""#;
    /// assert_eq!(client.challenge(&[again]), Err(DigestClientError::Rejected));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn challenge<L: FieldLines + Sync + ?Sized>(
        &mut self,
        lines: &L,
    ) -> Result<DigestAlgorithm, DigestClientError> {
        let best = self.pick(lines)?;
        if self.awaiting {
            if !best.stale {
                return Err(DigestClientError::Rejected);
            }
            let previous_was_stale_retry = self
                .session
                .as_ref()
                .is_some_and(|s| s.from_stale && s.nc <= 1);
            if previous_was_stale_retry {
                return Err(DigestClientError::StaleAgain);
            }
        }
        let mut session = best.session;
        session.from_stale = best.stale;
        self.session = Some(session);
        self.awaiting = false;
        Ok(best.algorithm)
    }

    fn pick<L: FieldLines + Sync + ?Sized>(
        &self,
        lines: &L,
    ) -> Result<Candidate, DigestClientError> {
        let mut best: Option<Candidate> = None;
        let mut parse_error = None;
        for c in Challenges::parse_lines(&lines) {
            let c = match c {
                Ok(c) => c,
                Err(e) => {
                    parse_error = Some(e);
                    break;
                }
            };
            let Some(candidate) = self.candidate(&c) else {
                continue;
            };
            let better = best.as_ref().map_or(true, |b| {
                (candidate.algorithm, candidate.qop.is_some()) > (b.algorithm, b.qop.is_some())
            });
            if better {
                best = Some(candidate);
            }
        }
        match (best, parse_error) {
            (Some(b), _) => Ok(b),
            (None, Some(e)) => Err(DigestClientError::Parse(e)),
            (None, None) => Err(DigestClientError::NoSupportedChallenge),
        }
    }

    fn candidate(&self, c: &crate::Challenge<'_>) -> Option<Candidate> {
        if !c.is_scheme("Digest") {
            return None;
        }
        let d = DigestChallenge::try_from(c).ok()?;
        let algorithm = DigestAlgorithm::from_algorithm(d.algorithm())?;
        let qop = match d.qop() {
            None if algorithm.is_session() => return None,
            None => None,
            Some(options) => {
                let (mut auth, mut auth_int) = (false, false);
                for q in options {
                    auth |= q == Qop::AUTH;
                    auth_int |= q == Qop::AUTH_INT;
                }
                Some(match (auth, auth_int) {
                    (_, true) if self.auth_int || !auth => Qop::AUTH_INT,
                    (true, _) => Qop::AUTH,
                    _ => return None,
                })
            }
        };
        let text = |v: crate::ParamValue<'_>| v.unescaped_str().ok().map(|s| s.into_owned());
        let realm = text(d.realm())?;
        let session = Session {
            algorithm,
            stored_ha1: algorithm.password_ha1(&self.username, &realm, &self.password),
            echo_algorithm: c.param("algorithm").is_some(),
            realm,
            nonce: text(d.nonce())?,
            opaque: match d.opaque() {
                Some(v) => Some(text(v)?),
                None => None,
            },
            qop,
            userhash: d.userhash(),
            nc: 0,
            from_stale: false,
            last: None,
        };
        Some(Candidate {
            algorithm,
            qop,
            session,
            stale: d.stale(),
        })
    }

    /// The credentials for a request: the `Authorization` (or
    /// `Proxy-Authorization`) field value, with the next nonce count and a
    /// fresh cnonce from the OS random number generator. `uri` is the
    /// request-target as sent; `body` is hashed only for `auth-int`.
    ///
    /// # Errors
    ///
    /// [`DigestClientError::NoChallenge`] before any challenge was read;
    /// [`DigestClientError::Build`] for a value that cannot be written;
    /// [`DigestClientError::NonceCountExhausted`];
    /// [`DigestClientError::Random`].
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestClient;
    ///
    /// let mut client = DigestClient::new("u", "p");
    /// client.challenge(&[r#"Digest realm="r", nonce="n", qop="auth""#])?;
    /// let first = client.respond("GET", "/a", b"")?;
    /// assert!(first.starts_with(r#"Digest username="u", realm="r", uri="/a", nonce="n", nc=00000001, cnonce=""#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn respond(
        &mut self,
        method: &str,
        uri: &str,
        body: &[u8],
    ) -> Result<String, DigestClientError> {
        let session = self
            .session
            .as_ref()
            .ok_or(DigestClientError::NoChallenge)?;
        let nc = session
            .nc
            .checked_add(1)
            .ok_or(DigestClientError::NonceCountExhausted)?;
        let cnonce = random_hex::<8>().ok_or(DigestClientError::Random)?;
        self.respond_with(method, uri, body, &cnonce, nc)
    }

    /// [`respond`](Self::respond) with a given cnonce and nonce count, for
    /// tests and reproducible output. The next [`respond`](Self::respond)
    /// counts on from `nc`.
    ///
    /// # Errors
    ///
    /// As [`respond`](Self::respond); `cnonce` must be a quotable string.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestClient;
    ///
    /// // RFC 2617 section 3.5.
    /// let mut client = DigestClient::new("Mufasa", "Circle Of Life");
    /// client.challenge(&[r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#])?;
    /// let value = client.respond_with("GET", "/dir/index.html", b"", "0a4f113b", 1)?;
    /// assert_eq!(value, r#"Digest username="Mufasa", realm="testrealm@host.com", uri="/dir/index.html", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", nc=00000001, cnonce="0a4f113b", qop=auth, response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41""#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn respond_with(
        &mut self,
        method: &str,
        uri: &str,
        body: &[u8],
        cnonce: &str,
        nc: u32,
    ) -> Result<String, DigestClientError> {
        let session = self
            .session
            .as_mut()
            .ok_or(DigestClientError::NoChallenge)?;
        let alg = session.algorithm;
        let ha1 = alg.session_ha1(&session.stored_ha1, &session.nonce, cnonce);
        let ha2 = alg.ha2(session.qop, method, uri, body);
        let count = NonceCount::new(nc);
        let qop = session.qop.map(|q| (q, count, cnonce));
        let response = alg.response(&ha1, &session.nonce, qop, &ha2);
        let userhash = session
            .userhash
            .then(|| alg.userhash(&self.username, &session.realm));
        let username = userhash
            .as_ref()
            .map_or(self.username.as_str(), HexDigest::as_str);
        let mut b = DigestCredentials::builder(
            username,
            &session.realm,
            &session.nonce,
            uri,
            response.as_str(),
        );
        if userhash.is_none() && !self.username.is_ascii() {
            b = b.extended_username();
        }
        if session.echo_algorithm {
            b = b.algorithm(alg.algorithm());
        }
        if let Some(q) = session.qop {
            b = b.qop(q, cnonce, nc);
        }
        if let Some(opaque) = &session.opaque {
            b = b.opaque(opaque);
        }
        if userhash.is_some() {
            b = b.userhash();
        }
        let value = b.finish().map_err(DigestClientError::Build)?;
        if nc > 1 {
            // The nonce was used before, so it worked: a later stale=true
            // may be retried again.
            session.from_stale = false;
        }
        session.nc = nc;
        session.last = Some(Sent {
            ha1,
            uri: uri.to_string(),
            cnonce: cnonce.to_string(),
            nc: count,
        });
        self.awaiting = true;
        Ok(value)
    }

    /// Reads the `Authentication-Info` (or `Proxy-Authentication-Info`)
    /// field of the response to the last request: checks `rspauth` in
    /// constant time when present (with `body`, the response body, for
    /// `auth-int`), and adopts `nextnonce` (its count starts again at 1).
    ///
    /// # Errors
    ///
    /// [`DigestClientError::RspauthMismatch`] when `rspauth` (or the `qop`,
    /// `cnonce` or `nc` beside it) does not match the request;
    /// [`DigestClientError::InvalidAuthInfo`] when the field is malformed;
    /// [`DigestClientError::NoChallenge`] when no request was answered.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestClient, DigestClientError};
    ///
    /// let mut client = DigestClient::new("Mufasa", "Circle Of Life");
    /// client.challenge(&[r#"Digest realm="testrealm@host.com", qop="auth", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093""#])?;
    /// client.respond_with("GET", "/dir/index.html", b"", "0a4f113b", 1)?;
    /// let forged = r#"qop=auth, rspauth="00000000000000000000000000000000", cnonce="0a4f113b", nc=00000001"#;
    /// assert_eq!(client.authentication_info(forged, b""), Err(DigestClientError::RspauthMismatch));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn authentication_info<T: crate::FieldValue + ?Sized>(
        &mut self,
        value: &T,
        body: &[u8],
    ) -> Result<AuthInfoOutcome, DigestClientError> {
        let parsed =
            AuthenticationInfo::parse(value).map_err(|_| DigestClientError::InvalidAuthInfo)?;
        let info = DigestAuthInfo::try_from(&parsed)
            .map_err(|_: SchemeError| DigestClientError::InvalidAuthInfo)?;
        let session = self
            .session
            .as_mut()
            .ok_or(DigestClientError::NoChallenge)?;
        let mut verified = false;
        if let Some(rspauth) = info.rspauth() {
            let sent = session
                .last
                .as_ref()
                .ok_or(DigestClientError::NoChallenge)?;
            let alg = session.algorithm;
            if info.qop() != session.qop
                || info.nc().is_some_and(|nc| nc != sent.nc)
                || info.cnonce().is_some_and(|c| c != sent.cnonce.as_str())
            {
                return Err(DigestClientError::RspauthMismatch);
            }
            let ha2 = alg.ha2(session.qop, "", &sent.uri, body);
            let qop = session.qop.map(|q| (q, sent.nc, sent.cnonce.as_str()));
            let expected = alg.response(&sent.ha1, &session.nonce, qop, &ha2);
            if !bool::from(crate::redact::ct_eq_bytes(
                rspauth.bytes(),
                expected.as_str().bytes(),
                true,
            )) {
                return Err(DigestClientError::RspauthMismatch);
            }
            verified = true;
        }
        // The request worked: a later stale=true may be retried again.
        session.from_stale = false;
        self.awaiting = false;
        let nextnonce = match info.nextnonce() {
            Some(v) => {
                let n = v
                    .unescaped_str()
                    .map_err(|_| DigestClientError::InvalidAuthInfo)?
                    .into_owned();
                session.nonce = n.clone();
                session.nc = 0;
                Some(n)
            }
            None => None,
        };
        Ok(AuthInfoOutcome {
            rspauth_verified: verified,
            nextnonce,
        })
    }

    /// The algorithm of the adopted challenge, if any.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestAlgorithm, DigestClient};
    ///
    /// let mut client = DigestClient::new("u", "p");
    /// client.challenge(&[r#"Digest realm="r", nonce="n""#])?;
    /// assert_eq!(client.algorithm(), Some(DigestAlgorithm::Md5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn algorithm(&self) -> Option<DigestAlgorithm> {
        self.session.as_ref().map(|s| s.algorithm)
    }

    /// The qop the client answers with; `None` for the RFC 2069 form (or
    /// before any challenge).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestClient, Qop};
    ///
    /// let mut client = DigestClient::new("u", "p");
    /// client.challenge(&[r#"Digest realm="r", nonce="n", qop="auth-int, auth""#])?;
    /// assert_eq!(client.qop(), Some(Qop::AUTH));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn qop(&self) -> Option<Qop<'static>> {
        self.session.as_ref().and_then(|s| s.qop)
    }

    /// The nonce of the adopted challenge (or the last `nextnonce`).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestClient;
    ///
    /// let mut client = DigestClient::new("u", "p");
    /// client.challenge(&[r#"Digest realm="r", nonce="n""#])?;
    /// assert_eq!(client.nonce(), Some("n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nonce(&self) -> Option<&str> {
        self.session.as_ref().map(|s| s.nonce.as_str())
    }

    /// The last nonce count sent with the current nonce (0 before the
    /// first request).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestClient;
    ///
    /// let mut client = DigestClient::new("u", "p");
    /// client.challenge(&[r#"Digest realm="r", nonce="n", qop="auth""#])?;
    /// client.respond("GET", "/", b"")?;
    /// assert_eq!(client.nc(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nc(&self) -> u32 {
        self.session.as_ref().map_or(0, |s| s.nc)
    }

    /// Forgets the adopted challenge.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestClient;
    ///
    /// let mut client = DigestClient::new("u", "p");
    /// client.challenge(&[r#"Digest realm="r", nonce="n""#])?;
    /// client.reset();
    /// assert!(client.nonce().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reset(&mut self) {
        self.session = None;
        self.awaiting = false;
    }
}

/// `N` random bytes from the OS, in lowercase hex.
pub(crate) fn random_hex<const N: usize>() -> Option<String> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).ok()?;
    let mut out = String::with_capacity(2 * N);
    for b in bytes {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    Some(out)
}
