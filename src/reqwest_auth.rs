//! Basic and Digest authentication for [`reqwest`] clients.
//!
//! An [`Authenticator`] holds a username and password and, per origin
//! (scheme, host and port), what the server asked for last: the Digest
//! nonce, its count and algorithm, or that it takes Basic. Requests go out
//! through [`RequestBuilderExt::send_with_auth`] (or
//! [`Authenticator::execute`] for a built [`Request`]):
//!
//! ```no_run
//! use http_auth_headers::reqwest_auth::{Authenticator, RequestBuilderExt};
//!
//! # async fn run() -> Result<(), http_auth_headers::reqwest_auth::AuthError> {
//! let client = reqwest::Client::new();
//! let auth = Authenticator::new("Mufasa", "Circle of Life");
//! // A 401 is answered with the strongest challenge, then the request is sent again.
//! let first = client.get("http://127.0.0.1:8080/digest").send_with_auth(&auth).await?;
//! assert!(first.status().is_success());
//! // The next request to the same origin carries credentials at once
//! // (Digest: the same nonce, nc=00000002, a fresh cnonce).
//! let second = client.post("http://127.0.0.1:8080/digest").body("a=1").send_with_auth(&auth).await?;
//! # Ok(()) }
//! ```
//!
//! # What it does
//!
//! - **On a 401** it reads every `WWW-Authenticate` field line as one list
//!   and answers the strongest Digest challenge it can compute
//!   ([`DigestClient`]: SHA-512-256, SHA-256, MD5, each with `-sess`); only
//!   when there is none it answers a Basic challenge. Basic is never sent
//!   to a server that offered only Digest (or nothing).
//! - **Retries are bounded**: one retry after the first 401; one more when
//!   the answer gets `stale=true` (the password was right, the nonce too
//!   old); a 401 after credentials sent on a remembered nonce starts over
//!   once with the new challenge. A 401 that remains is returned as the
//!   [`Response`] (status 401), as reqwest returns any status.
//! - **`rspauth`**: after a Digest success, `Authentication-Info` is read
//!   when the server sent it, and a wrong `rspauth` is
//!   [`AuthError::Digest`]`(`[`DigestClientError::RspauthMismatch`]`)`
//!   (for qop `auth-int` the response body is read to check it, and the
//!   returned response holds it in memory). `nextnonce` is adopted.
//! - **Preemptive**: after a success, the next request to the same origin
//!   is answered at once: Digest with the same nonce, the next nonce count
//!   and a fresh cnonce; Basic only to origins that asked for Basic, or to
//!   every origin after [`Authenticator::basic_preemptive`].
//! - **No downgrade**: an origin that authenticated with a Digest
//!   algorithm is never answered with a weaker hash (`-sess` and plain
//!   forms count as the same hash), nor with Basic:
//!   [`AuthError::Downgrade`].
//! - **Bodies**: answering a challenge means sending the request again, so
//!   its body must be replayable ([`Request::try_clone`]). A streaming
//!   body ([`reqwest::Body::wrap`], `wrap_stream`)
//!   is sent only with credentials known in advance (a remembered Digest
//!   nonce or Basic); otherwise the call fails with
//!   [`AuthError::StreamingBody`] before anything is sent, and so does a
//!   401 to it. Send a small request to the origin first to get its
//!   challenge.
//!
//! The credentials header values are marked sensitive; `Debug` of an
//! [`Authenticator`] shows no password and no error holds one.
//!
//! # Why an extension trait, not middleware
//!
//! The crate adds one trait method to reqwest's own
//! [`RequestBuilder`] and needs nothing beyond
//! reqwest. `reqwest-middleware` would make users switch to its client type,
//! would bring `anyhow` and `async-trait` into every build, and its major
//! versions follow reqwest's, so this crate would follow both. The state
//! lives in the [`Authenticator`], which is cheap to clone and shared
//! between tasks, so one client can talk to several servers with different
//! credentials.
//!
//! # Limits
//!
//! - `Proxy-Authenticate` (407) is not answered: reqwest sends the `CONNECT`
//!   of an HTTPS proxy inside its connector, out of reach of a caller; use
//!   [`reqwest::Proxy::basic_auth`] for
//!   proxies.
//! - Redirects that reqwest follows are not answered: a 401 from a
//!   redirect target comes back as the response. Build the client with
//!   `redirect::Policy::none()` to handle them yourself.
//! - The Digest `uri` is the path and query of the request URL (the
//!   origin-form reqwest sends to a server).
//! - Only the async client (not `reqwest::blocking`).

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use ::reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, WWW_AUTHENTICATE};
use ::reqwest::{Client, Request, RequestBuilder, Response, StatusCode, Url};

use crate::builder::BuildError;
use crate::redact::Redacted;
use crate::scheme::basic::{BasicChallenge, BasicCredentials};
use crate::scheme::digest::{DigestAlgorithm, DigestClient, DigestClientError, Qop};
use crate::Challenges;

/// Sends at most this many requests for one call (the first, the answer to
/// its challenge, a retry on `stale=true`, and one start-over when
/// remembered credentials were refused).
const MAX_SENDS: usize = 4;

/// Why an authenticated request failed. No variant holds a password, a
/// Digest response or a Basic credential.
///
/// A 401 that remains after the retries is not an error: it is returned as
/// the [`Response`].
///
/// ```
/// use http_auth_headers::reqwest_auth::AuthError;
/// use http_auth_headers::scheme::digest::DigestClientError;
///
/// let err = AuthError::from(DigestClientError::RspauthMismatch);
/// assert_eq!(err.to_string(), "Digest: the server's rspauth does not match");
/// assert!(matches!(err, AuthError::Digest(DigestClientError::RspauthMismatch)));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// reqwest failed: building the request, connecting, sending, reading.
    #[error(transparent)]
    Reqwest(#[from] ::reqwest::Error),
    /// The Digest exchange failed; [`DigestClientError::RspauthMismatch`]
    /// when the server did not prove it knows the password.
    #[error("Digest: {0}")]
    Digest(#[from] DigestClientError),
    /// The request body is a stream: it cannot be sent a second time after
    /// a challenge (nor hashed for qop `auth-int`). Nothing was sent when no
    /// credentials were known in advance for the origin.
    #[error(
        "the request body is a stream and cannot be sent again to answer a challenge; \
         use a body reqwest can clone, or send a request to this origin first so that \
         its credentials go out at once"
    )]
    StreamingBody,
    /// The origin authenticated with a stronger Digest algorithm before, and
    /// now offers only weaker ones (or Basic).
    #[error(
        "the server offered only a weaker scheme or algorithm than it used before (was {was:?})"
    )]
    Downgrade {
        /// The algorithm the origin used before.
        was: DigestAlgorithm,
    },
    /// The username or password cannot be written as Basic credentials (a
    /// `:` in the username, a control character).
    #[error("Basic: {0}")]
    Basic(BuildError),
    /// The credentials cannot be written as a header field value.
    #[error("the credentials cannot be written as a header field value")]
    InvalidHeaderValue,
}

/// An origin: scheme, host and port.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Origin {
    scheme: String,
    host: String,
    port: u16,
}

impl Origin {
    fn of(url: &Url) -> Self {
        Origin {
            scheme: url.scheme().to_ascii_lowercase(),
            host: url.host_str().unwrap_or_default().to_ascii_lowercase(),
            port: url.port_or_known_default().unwrap_or(0),
        }
    }
}

/// What an origin asked for last.
#[derive(Clone)]
enum Remembered {
    Basic,
    Digest(Box<DigestClient>),
}

/// The shared part of an [`Authenticator`].
struct Shared {
    username: String,
    password: String,
    origins: Mutex<HashMap<Origin, Remembered>>,
}

/// The credentials for Basic and Digest, and what each origin asked for.
///
/// Cloning is cheap and the clones share the per-origin state (use one per
/// set of credentials, across tasks). See the [module docs](self) for what
/// it answers and when.
///
/// ```
/// use http_auth_headers::reqwest_auth::Authenticator;
///
/// let auth = Authenticator::new("Mufasa", "Circle of Life");
/// let debug = format!("{auth:?}");
/// assert!(debug.contains("Mufasa"));
/// assert!(!debug.contains("Circle"));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
#[derive(Clone)]
pub struct Authenticator {
    shared: Arc<Shared>,
    basic_preemptive: bool,
}

impl fmt::Debug for Authenticator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let origins = self.lock().len();
        f.debug_struct("Authenticator")
            .field("username", &self.shared.username)
            .field("password", &Redacted)
            .field("basic_preemptive", &self.basic_preemptive)
            .field("origins", &origins)
            .finish()
    }
}

/// What went with the request last sent.
enum Sent {
    Nothing,
    Basic {
        preemptive: bool,
    },
    Digest {
        client: Box<DigestClient>,
        preemptive: bool,
    },
}

/// What to do after a 401.
enum Next {
    Retry(HeaderValue, Sent),
    GiveUp,
}

impl Authenticator {
    /// An authenticator for `username` and `password`, with no origin
    /// known yet.
    ///
    /// ```
    /// use http_auth_headers::reqwest_auth::Authenticator;
    ///
    /// let auth = Authenticator::new("alice", "open sesame");
    /// assert!(format!("{auth:?}").contains("origins: 0"));
    /// ```
    pub fn new(username: impl Into<String>, password: impl Into<String>) -> Self {
        Authenticator {
            shared: Arc::new(Shared {
                username: username.into(),
                password: password.into(),
                origins: Mutex::new(HashMap::new()),
            }),
            basic_preemptive: false,
        }
    }

    /// Sends Basic credentials with the first request to any origin,
    /// without waiting for a challenge (except to origins that used Digest
    /// before). Use it only over HTTPS, or to servers known to take Basic:
    /// the password goes to every origin the requests go to.
    ///
    /// ```
    /// use http_auth_headers::reqwest_auth::Authenticator;
    ///
    /// let auth = Authenticator::new("alice", "open sesame").basic_preemptive();
    /// assert!(format!("{auth:?}").contains("basic_preemptive: true"));
    /// ```
    pub fn basic_preemptive(mut self) -> Self {
        self.basic_preemptive = true;
        self
    }

    /// Forgets what every origin asked for (nonces, counts, algorithms,
    /// Basic): the next request to each waits for a challenge again, and
    /// the no-downgrade rule starts over.
    ///
    /// ```
    /// use http_auth_headers::reqwest_auth::Authenticator;
    ///
    /// let auth = Authenticator::new("alice", "open sesame");
    /// auth.forget_all();
    /// assert!(format!("{auth:?}").contains("origins: 0"));
    /// ```
    pub fn forget_all(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Origin, Remembered>> {
        // The map holds no invariant a panic could break halfway.
        self.shared
            .origins
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Sends `request` with `client`, answering its challenges (see the
    /// [module docs](self)). [`RequestBuilderExt::send_with_auth`] calls
    /// this.
    ///
    /// # Errors
    ///
    /// [`AuthError::Reqwest`] when reqwest fails; [`AuthError::Digest`]
    /// for a wrong `rspauth` (or a challenge that cannot be answered after
    /// credentials went out); [`AuthError::StreamingBody`];
    /// [`AuthError::Downgrade`]; [`AuthError::Basic`] and
    /// [`AuthError::InvalidHeaderValue`] for credentials that cannot be
    /// written. A final 401 is `Ok`.
    ///
    /// ```no_run
    /// use http_auth_headers::reqwest_auth::Authenticator;
    ///
    /// # async fn run() -> Result<(), http_auth_headers::reqwest_auth::AuthError> {
    /// let client = reqwest::Client::new();
    /// let auth = Authenticator::new("alice", "open sesame");
    /// let request = client.get("http://127.0.0.1:8080/digest").build()?;
    /// let response = auth.execute(&client, request).await?;
    /// println!("{}", response.status());
    /// # Ok(()) }
    /// ```
    pub async fn execute(&self, client: &Client, request: Request) -> Result<Response, AuthError> {
        let origin = Origin::of(request.url());
        let target = request_target(request.url());
        let method = request.method().as_str().to_owned();

        let (mut header, mut sent) =
            self.preemptive(&origin, &method, &target, body_of(&request))?;
        let mut request = request;
        if let Some(value) = header.take() {
            request.headers_mut().insert(AUTHORIZATION, value);
        }
        let mut spare = request.try_clone();
        if spare.is_none() && matches!(sent, Sent::Nothing) {
            return Err(AuthError::StreamingBody);
        }

        let mut sends = 0;
        loop {
            sends += 1;
            let response = client.execute(request).await?;
            if response.status() != StatusCode::UNAUTHORIZED {
                return self.finish(&origin, sent, response).await;
            }
            if sends >= MAX_SENDS {
                return Ok(response);
            }
            let lines = response.headers().get_all(WWW_AUTHENTICATE);
            // The spare copy holds the body (none for a stream).
            let body = spare.as_ref().and_then(body_of);
            let next = self.answer(&origin, sent, &lines, &method, &target, body)?;
            let Next::Retry(value, now_sent) = next else {
                return Ok(response);
            };
            let Some(mut again) = spare.take() else {
                return Err(AuthError::StreamingBody);
            };
            again.headers_mut().insert(AUTHORIZATION, value);
            spare = again.try_clone();
            request = again;
            sent = now_sent;
        }
    }

    /// The credentials known for `origin` before any challenge.
    fn preemptive(
        &self,
        origin: &Origin,
        method: &str,
        target: &str,
        body: Option<&[u8]>,
    ) -> Result<(Option<HeaderValue>, Sent), AuthError> {
        let mut origins = self.lock();
        match origins.get_mut(origin) {
            Some(Remembered::Digest(client)) => {
                match respond(client, method, target, body) {
                    Ok(value) => Ok((
                        Some(value),
                        Sent::Digest {
                            client: Box::new((**client).clone()),
                            preemptive: true,
                        },
                    )),
                    // The count ran out (2^32 requests on one nonce): wait
                    // for a new challenge; the no-downgrade rule stays.
                    Err(AuthError::Digest(DigestClientError::NonceCountExhausted)) => {
                        Ok((None, Sent::Nothing))
                    }
                    Err(e) => Err(e),
                }
            }
            Some(Remembered::Basic) => {
                Ok((Some(self.basic_value()?), Sent::Basic { preemptive: true }))
            }
            None if self.basic_preemptive => {
                Ok((Some(self.basic_value()?), Sent::Basic { preemptive: true }))
            }
            None => Ok((None, Sent::Nothing)),
        }
    }

    /// What to send after a 401 to what was `sent`.
    fn answer(
        &self,
        origin: &Origin,
        sent: Sent,
        lines: &::reqwest::header::GetAll<'_, HeaderValue>,
        method: &str,
        target: &str,
        body: Option<&[u8]>,
    ) -> Result<Next, AuthError> {
        match sent {
            Sent::Digest {
                mut client,
                preemptive,
            } => {
                let before = client.algorithm();
                match client.challenge(lines) {
                    // A new nonce with stale=true: the password was right.
                    Ok(algorithm) => {
                        check_downgrade(before, algorithm)?;
                        let value = respond(&mut client, method, target, body)?;
                        Ok(Next::Retry(
                            value,
                            Sent::Digest {
                                client,
                                preemptive: false,
                            },
                        ))
                    }
                    // A remembered nonce refused (the server restarted, or
                    // forgot it): start over once, as on a first 401.
                    Err(DigestClientError::Rejected) if preemptive => {
                        self.answer(origin, Sent::Nothing, lines, method, target, body)
                    }
                    Err(_) => Ok(Next::GiveUp),
                }
            }
            // Basic sent before any challenge and refused: answer a Digest
            // challenge, but do not send the same Basic credentials again.
            Sent::Basic { preemptive: true } => {
                match self.answer(origin, Sent::Nothing, lines, method, target, body)? {
                    Next::Retry(_, Sent::Basic { .. }) => Ok(Next::GiveUp),
                    next => Ok(next),
                }
            }
            Sent::Basic { preemptive: false } => Ok(Next::GiveUp),
            Sent::Nothing => {
                let floor = match self.lock().get(origin) {
                    Some(Remembered::Digest(c)) => c.algorithm(),
                    _ => None,
                };
                let mut client = Box::new(DigestClient::new(
                    self.shared.username.as_str(),
                    self.shared.password.as_str(),
                ));
                match client.challenge(lines) {
                    Ok(algorithm) => {
                        check_downgrade(floor, algorithm)?;
                        let value = respond(&mut client, method, target, body)?;
                        return Ok(Next::Retry(
                            value,
                            Sent::Digest {
                                client,
                                preemptive: false,
                            },
                        ));
                    }
                    Err(DigestClientError::NoSupportedChallenge | DigestClientError::Parse(_)) => {}
                    Err(e) => return Err(e.into()),
                }
                let basic_offered = Challenges::parse_lines(lines)
                    .map_while(Result::ok)
                    .any(|c| BasicChallenge::try_from(&c).is_ok());
                if !basic_offered {
                    return Ok(Next::GiveUp);
                }
                if let Some(was) = floor {
                    return Err(AuthError::Downgrade { was });
                }
                Ok(Next::Retry(
                    self.basic_value()?,
                    Sent::Basic { preemptive: false },
                ))
            }
        }
    }

    /// The response to credentials that were not refused: checks
    /// `Authentication-Info` and remembers the origin.
    async fn finish(
        &self,
        origin: &Origin,
        sent: Sent,
        response: Response,
    ) -> Result<Response, AuthError> {
        match sent {
            Sent::Nothing => Ok(response),
            // A 400 says the credentials were malformed: not worth keeping.
            Sent::Basic { .. } | Sent::Digest { .. }
                if response.status() == StatusCode::BAD_REQUEST =>
            {
                Ok(response)
            }
            Sent::Basic { .. } => {
                let mut origins = self.lock();
                if !matches!(origins.get(origin), Some(Remembered::Digest(_))) {
                    origins.insert(origin.clone(), Remembered::Basic);
                }
                Ok(response)
            }
            Sent::Digest { mut client, .. } => {
                let info = joined(response.headers(), "authentication-info");
                let response = match info {
                    None => response,
                    // rspauth over qop=auth-int covers the response body.
                    Some(info) if client.qop() == Some(Qop::AUTH_INT) => {
                        let (response, body) = buffer(response).await?;
                        client.authentication_info(&info, &body)?;
                        response
                    }
                    Some(info) => {
                        client.authentication_info(&info, b"")?;
                        response
                    }
                };
                self.remember(origin, client);
                Ok(response)
            }
        }
    }

    /// Keeps `client` as the origin's Digest state, unless the state there
    /// already has the same nonce (it counted on from there).
    fn remember(&self, origin: &Origin, client: Box<DigestClient>) {
        let mut origins = self.lock();
        let same_nonce = matches!(
            origins.get(origin),
            Some(Remembered::Digest(c)) if c.nonce() == client.nonce() && c.algorithm() == client.algorithm()
        );
        if !same_nonce {
            origins.insert(origin.clone(), Remembered::Digest(client));
        }
    }

    fn basic_value(&self) -> Result<HeaderValue, AuthError> {
        let value = BasicCredentials::builder(&self.shared.username, &self.shared.password)
            .finish()
            .map_err(AuthError::Basic)?;
        sensitive(value)
    }
}

/// Sends a [`RequestBuilder`] with Basic or
/// Digest authentication. Implemented for reqwest's builder only.
///
/// ```no_run
/// use http_auth_headers::reqwest_auth::{Authenticator, RequestBuilderExt};
///
/// # async fn run() -> Result<(), http_auth_headers::reqwest_auth::AuthError> {
/// let auth = Authenticator::new("alice", "open sesame");
/// let response = reqwest::Client::new()
///     .put("http://127.0.0.1:8080/digest")
///     .body("data")
///     .send_with_auth(&auth)
///     .await?;
/// # Ok(()) }
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub trait RequestBuilderExt: sealed::Sealed {
    /// Builds the request and sends it with
    /// [`Authenticator::execute`]: a 401 is answered, and the credentials
    /// go out at once to origins already known. The future owns what it
    /// needs (`'static` and `Send`: it can be spawned).
    ///
    /// # Errors
    ///
    /// As [`Authenticator::execute`]; a request that does not build is
    /// [`AuthError::Reqwest`].
    ///
    /// ```no_run
    /// use http_auth_headers::reqwest_auth::{AuthError, Authenticator, RequestBuilderExt};
    ///
    /// # async fn run() -> Result<(), AuthError> {
    /// let auth = Authenticator::new("alice", "open sesame");
    /// let client = reqwest::Client::new();
    /// for _ in 0..2 {
    ///     let response = client.get("http://127.0.0.1:8080/digest").send_with_auth(&auth).await?;
    ///     println!("{}", response.text().await?);
    /// }
    /// # Ok(()) }
    /// ```
    fn send_with_auth(self, auth: &Authenticator) -> SendWithAuth;
}

impl RequestBuilderExt for RequestBuilder {
    fn send_with_auth(self, auth: &Authenticator) -> SendWithAuth {
        let auth = auth.clone();
        SendWithAuth {
            inner: Box::pin(async move {
                let (client, request) = self.build_split();
                auth.execute(&client, request?).await
            }),
        }
    }
}

/// The future of [`RequestBuilderExt::send_with_auth`]: the response, or
/// why there is none. `'static` and `Send`.
///
/// ```no_run
/// use http_auth_headers::reqwest_auth::{Authenticator, RequestBuilderExt};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let auth = Authenticator::new("alice", "open sesame");
/// let pending = reqwest::Client::new().get("http://127.0.0.1:8080/digest").send_with_auth(&auth);
/// let response = tokio::spawn(pending).await??;
/// # Ok(()) }
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
#[must_use = "futures do nothing unless polled"]
pub struct SendWithAuth {
    inner: Pin<Box<dyn Future<Output = Result<Response, AuthError>> + Send>>,
}

impl fmt::Debug for SendWithAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendWithAuth").finish_non_exhaustive()
    }
}

impl Future for SendWithAuth {
    type Output = Result<Response, AuthError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.inner.as_mut().poll(cx)
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for ::reqwest::RequestBuilder {}
}

/// The request-target reqwest sends to an origin server: path and query.
fn request_target(url: &Url) -> String {
    let mut target = url.path().to_owned();
    if let Some(query) = url.query() {
        target.push('?');
        target.push_str(query);
    }
    target
}

/// The body as bytes (empty when there is none); `None` for a stream.
fn body_of(request: &Request) -> Option<&[u8]> {
    match request.body() {
        None => Some(&[]),
        Some(body) => body.as_bytes(),
    }
}

fn respond(
    client: &mut DigestClient,
    method: &str,
    target: &str,
    body: Option<&[u8]>,
) -> Result<HeaderValue, AuthError> {
    let body = match body {
        Some(b) => b,
        None if client.qop() == Some(Qop::AUTH_INT) => return Err(AuthError::StreamingBody),
        None => &[],
    };
    sensitive(client.respond(method, target, body)?)
}

/// A weaker hash than the origin used before is refused.
fn check_downgrade(floor: Option<DigestAlgorithm>, now: DigestAlgorithm) -> Result<(), AuthError> {
    match floor {
        Some(was) if now.base() < was.base() => Err(AuthError::Downgrade { was }),
        _ => Ok(()),
    }
}

fn sensitive(value: String) -> Result<HeaderValue, AuthError> {
    let mut value = HeaderValue::try_from(value).map_err(|_| AuthError::InvalidHeaderValue)?;
    value.set_sensitive(true);
    Ok(value)
}

/// The field lines of `name` joined with `", "`, if any.
fn joined(headers: &HeaderMap, name: &str) -> Option<Vec<u8>> {
    let lines: Vec<&[u8]> = headers
        .get_all(name)
        .iter()
        .map(HeaderValue::as_bytes)
        .collect();
    (!lines.is_empty()).then(|| lines.join(&b", "[..]))
}

/// Reads the body and puts it back into an equal response.
async fn buffer(response: Response) -> Result<(Response, Vec<u8>), AuthError> {
    use ::reqwest::ResponseBuilderExt as _;
    let status = response.status();
    let version = response.version();
    let headers = response.headers().clone();
    let url = response.url().clone();
    let body = response.bytes().await?;
    let mut builder = ::http::Response::builder()
        .status(status)
        .version(version)
        .url(url);
    if let Some(h) = builder.headers_mut() {
        *h = headers;
    }
    // The parts come from a response that was valid.
    let rebuilt = builder
        .body(body.clone())
        .map_err(|_| AuthError::InvalidHeaderValue)?;
    Ok((Response::from(rebuilt), body.to_vec()))
}
