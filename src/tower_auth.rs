//! A tower [`Layer`] that demands authentication: it checks the
//! `Authorization` field with the verifiers you give it (Basic, Bearer, and
//! Digest with the `digest` feature), answers what fails itself, and hands
//! the verified identity to the inner service as an [`Authenticated`]
//! request extension.
//!
//! ```
//! use http::{header, Request, Response, StatusCode};
//! use http_auth_headers::scheme::basic::BasicCredentials;
//! use http_auth_headers::scheme::bearer::BearerCredentials;
//! use http_auth_headers::tower_auth::{AuthLayer, Authenticated};
//! use tower::{service_fn, ServiceBuilder, ServiceExt};
//!
//! # tokio::runtime::Builder::new_current_thread().build()?.block_on(async {
//! let layer = AuthLayer::builder("api")
//!     .basic(|creds: BasicCredentials| async move {
//!         // A real verifier looks the user up in a database here.
//!         creds.verify("alice", "open sesame").then(|| "alice".to_string())
//!     })
//!     .bearer(|token: BearerCredentials<'static>| async move {
//!         token.token_matches("s3cret").then(|| "robot".to_string())
//!     })
//!     .finish()?;
//! let app = ServiceBuilder::new().layer(layer).service(service_fn(|req: Request<String>| async move {
//!     let who = req.extensions().get::<Authenticated<String>>().expect("set by the layer");
//!     Ok::<_, std::convert::Infallible>(Response::new(format!("hello {}", who.identity())))
//! }));
//!
//! // No credentials: 401 with one challenge per scheme, one field line each.
//! let resp = app.clone().oneshot(Request::new(String::new())).await?;
//! assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
//! let lines: Vec<_> = resp.headers().get_all(header::WWW_AUTHENTICATE).iter().map(|v| v.to_str().unwrap()).collect();
//! assert_eq!(lines, [r#"Basic realm="api", charset="UTF-8""#, r#"Bearer realm="api""#]);
//!
//! // Basic alice:open sesame reaches the service.
//! let req = Request::builder()
//!     .header(header::AUTHORIZATION, "Basic YWxpY2U6b3BlbiBzZXNhbWU=")
//!     .body(String::new())?;
//! let resp = app.clone().oneshot(req).await?;
//! assert_eq!(resp.into_body(), "hello alice");
//!
//! // Malformed credentials (not base64): 400.
//! let req = Request::builder().header(header::AUTHORIZATION, "Basic !!!").body(String::new())?;
//! assert_eq!(app.oneshot(req).await?.status(), StatusCode::BAD_REQUEST);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What it answers
//!
//! | request | answer |
//! |---|---|
//! | no `Authorization` field, a scheme that is not configured, or credentials that do not verify | 401 with a `WWW-Authenticate` field line per configured challenge: the Digest ones (one per algorithm, strongest first, a fresh nonce), then Basic (`realm`, `charset="UTF-8"`), then Bearer (`realm`; with `error="invalid_token"` after a rejected token) |
//! | a Digest response that is right but whose nonce expired | 401 as above, the Digest challenges with `stale=true` |
//! | malformed credentials: bad syntax, several `Authorization` lines, Basic that is not base64 of `user:password`, Bearer without a token, Digest missing a param or whose `uri` is not the request-target | 400, no challenge but `Bearer error="invalid_request"` for a malformed Bearer |
//! | credentials that verify | the inner service's response, the request carrying [`Authenticated`]; Digest adds `Authentication-Info` with `rspauth` |
//!
//! The 401 and 400 responses have an empty body (`ResBody::default()`).
//! With [`AuthLayerBuilder::proxy`] the layer reads `Proxy-Authorization`
//! and answers 407 with `Proxy-Authenticate` (and `Proxy-Authentication-Info`).
//!
//! # Verifiers are async
//!
//! Real servers check credentials against a database or an identity
//! provider, which is I/O: a verifier is a closure that returns a future
//! (`|creds| async move { … }`), awaited inside the layer's future, so a
//! lookup never blocks the executor. A check that needs no I/O returns
//! `std::future::ready(…)`, which costs nothing. The verifier gets the
//! typed credentials ([`BasicCredentials`], [`BearerCredentials`]), whose
//! `Debug` hides the secret and whose `verify` / `token_matches` compare in
//! constant time; compare with those (or a password hash), not with `==`.
//! It returns `Some(identity)` or `None`. The identity type `I` is yours
//! (`String` by default): a user row, claims, a tenant.
//!
//! # Digest
//!
//! [`AuthLayerBuilder::digest`] takes the crate's
//! [`DigestServer`] and a user table
//! ([`DigestUsers`], such as
//! [`UserTable`](crate::scheme::digest::UserTable) with passwords or
//! `htdigest` H(A1) lines; `userhash` works); the identity is the user name.
//! [`AuthLayerBuilder::digest_lookup`] takes an async lookup by user name
//! that returns your identity with the password or stored H(A1). Nonces
//! are the server's stateless HMAC nonces; replays are refused through a
//! nonce-count store shared by the clones of the layer: in memory by
//! default, or yours with [`AuthLayerBuilder::digest_nonce_store`] (several
//! processes with the same server secret need a shared one).
//!
//! **`qop=auth` only.** The layer offers `qop="auth"` whatever the server
//! was configured with: `auth-int` hashes the whole request body, which
//! would have to be read and buffered before the inner service runs (and
//! almost no client sends it: curl, browsers and Python requests use
//! `auth`). The request-target a Digest `uri` must equal is the request's
//! URI as the layer sees it (origin-form path and query; the absolute URI
//! for a proxy): put the layer outside anything that rewrites the URI
//! (axum's `nest` strips its prefix).
//!
//! # Secrets
//!
//! The layer logs nothing. `Debug` of the layer and the service shows the
//! realm and which schemes are configured; the Digest server's secret, user
//! tables and verifiers are not shown. The identity handed on should not
//! hold a secret either (it is in the request extensions, and
//! [`Authenticated`] derives `Debug`).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use http::header::WWW_AUTHENTICATE;
use http::header::{HeaderName, AUTHORIZATION, PROXY_AUTHENTICATE, PROXY_AUTHORIZATION};
use http::{HeaderValue, Request, Response, StatusCode};
use tower_layer::Layer;
use tower_service::Service;

use crate::scheme::basic::{BasicChallenge, BasicCredentials};
use crate::scheme::bearer::{BearerChallenge, BearerCredentials};
use crate::{BuildError, Credentials};

#[cfg(feature = "digest")]
use crate::scheme::digest::{
    DigestCredentials, DigestRequest, DigestServer, DigestUsers, MemoryNonceStore, NonceStore, Qop,
    UserSecret, Verified, VerifyError,
};

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;
type BasicFn<I> = dyn Fn(BasicCredentials) -> BoxFuture<Option<I>> + Send + Sync;
type BearerFn<I> = dyn Fn(BearerCredentials<'static>) -> BoxFuture<Option<I>> + Send + Sync;
#[cfg(feature = "digest")]
type LookupFn<I> = dyn Fn(String) -> BoxFuture<Option<(I, UserSecret)>> + Send + Sync;
#[cfg(feature = "digest")]
type Store = Arc<dyn NonceStore + Send + Sync>;

/// The scheme whose credentials verified.
///
/// ```
/// use http_auth_headers::tower_auth::AuthScheme;
///
/// assert_eq!(AuthScheme::Digest.as_str(), "Digest");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthScheme {
    /// Basic (RFC 7617).
    Basic,
    /// Bearer (RFC 6750).
    Bearer,
    /// Digest (RFC 7616).
    Digest,
}

impl AuthScheme {
    /// The scheme's name as registered (`Basic`, `Bearer`, `Digest`).
    ///
    /// ```
    /// use http_auth_headers::tower_auth::AuthScheme;
    ///
    /// assert_eq!(AuthScheme::Basic.as_str(), "Basic");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            AuthScheme::Basic => "Basic",
            AuthScheme::Bearer => "Bearer",
            AuthScheme::Digest => "Digest",
        }
    }
}

impl fmt::Display for AuthScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The verified identity, put into the request extensions by
/// [`AuthService`] for the inner service: with axum, extract it with
/// `Extension<Authenticated<I>>`; with plain `http`, read
/// `req.extensions().get::<Authenticated<I>>()`.
///
/// ```
/// use http_auth_headers::tower_auth::{AuthScheme, Authenticated};
///
/// fn greet(auth: &Authenticated<String>) -> String {
///     format!("hello {} via {}", auth.identity(), auth.scheme())
/// }
/// # let _ = greet;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authenticated<I = String> {
    scheme: AuthScheme,
    identity: I,
}

impl<I> Authenticated<I> {
    /// The scheme the client authenticated with.
    ///
    /// ```
    /// use http_auth_headers::tower_auth::{AuthScheme, Authenticated};
    ///
    /// fn is_digest(auth: &Authenticated) -> bool {
    ///     auth.scheme() == AuthScheme::Digest
    /// }
    /// # let _ = is_digest;
    /// ```
    pub fn scheme(&self) -> AuthScheme {
        self.scheme
    }

    /// The identity the verifier returned (for Digest with a user table,
    /// the user name).
    ///
    /// ```
    /// use http_auth_headers::tower_auth::Authenticated;
    ///
    /// fn name(auth: &Authenticated<String>) -> &str {
    ///     auth.identity()
    /// }
    /// # let _ = name;
    /// ```
    pub fn identity(&self) -> &I {
        &self.identity
    }

    /// The identity, by value.
    ///
    /// ```
    /// use http_auth_headers::tower_auth::Authenticated;
    ///
    /// fn name(auth: Authenticated<String>) -> String {
    ///     auth.into_identity()
    /// }
    /// # let _ = name;
    /// ```
    pub fn into_identity(self) -> I {
        self.identity
    }
}

/// The field names and status of the origin-server (401) or proxy (407)
/// form.
#[derive(Clone, Debug)]
struct Fields {
    credentials: HeaderName,
    challenge: HeaderName,
    info: HeaderName,
    status: StatusCode,
}

impl Fields {
    fn origin() -> Self {
        Fields {
            credentials: AUTHORIZATION,
            challenge: WWW_AUTHENTICATE,
            info: HeaderName::from_static("authentication-info"),
            status: StatusCode::UNAUTHORIZED,
        }
    }

    fn proxy() -> Self {
        Fields {
            credentials: PROXY_AUTHORIZATION,
            challenge: PROXY_AUTHENTICATE,
            info: HeaderName::from_static("proxy-authentication-info"),
            status: StatusCode::PROXY_AUTHENTICATION_REQUIRED,
        }
    }
}

struct Basic<I> {
    verify: Arc<BasicFn<I>>,
    challenge: HeaderValue,
}

struct Bearer<I> {
    verify: Arc<BearerFn<I>>,
    challenge: HeaderValue,
    invalid_token: HeaderValue,
    invalid_request: HeaderValue,
}

#[cfg(feature = "digest")]
enum DigestUsersOf<I> {
    Table {
        users: Box<dyn DigestUsers + Send + Sync>,
        identity: fn(String) -> I,
    },
    Lookup(Arc<LookupFn<I>>),
}

#[cfg(feature = "digest")]
struct Digest<I> {
    server: DigestServer,
    users: DigestUsersOf<I>,
    store: Store,
}

/// What the layer was configured with, shared by its clones.
struct Config<I> {
    realm: String,
    fields: Fields,
    basic: Option<Basic<I>>,
    bearer: Option<Bearer<I>>,
    #[cfg(feature = "digest")]
    digest: Option<Digest<I>>,
}

impl<I> fmt::Debug for Config<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("AuthConfig");
        d.field("realm", &self.realm)
            .field(
                "proxy",
                &(self.fields.status == StatusCode::PROXY_AUTHENTICATION_REQUIRED),
            )
            .field("basic", &self.basic.is_some())
            .field("bearer", &self.bearer.is_some());
        #[cfg(feature = "digest")]
        d.field("digest", &self.digest.as_ref().map(|d| &d.server));
        d.finish_non_exhaustive()
    }
}

/// Why a request is refused with the challenges.
#[derive(Default)]
struct Refusal {
    invalid_token: bool,
    /// Read only by the Digest challenges.
    #[cfg_attr(not(feature = "digest"), allow(dead_code))]
    stale: bool,
}

/// What checking the credentials gave.
enum Outcome<I> {
    Verified {
        authenticated: Authenticated<I>,
        info: Option<HeaderValue>,
    },
    Refused(Refusal),
    Malformed {
        bearer: bool,
    },
}

impl<I> Outcome<I> {
    fn refused() -> Self {
        Outcome::Refused(Refusal::default())
    }

    fn verified(scheme: AuthScheme, identity: I) -> Self {
        Outcome::Verified {
            authenticated: Authenticated { scheme, identity },
            info: None,
        }
    }
}

impl<I: Send + 'static> Config<I> {
    async fn authenticate(&self, parts: &http::request::Parts) -> Outcome<I> {
        let lines: Vec<&HeaderValue> = parts
            .headers
            .get_all(&self.fields.credentials)
            .iter()
            .collect();
        if lines.is_empty() {
            return Outcome::refused();
        }
        let Ok(credentials) = Credentials::parse_lines(&lines) else {
            return Outcome::Malformed { bearer: false };
        };
        if let Some(basic) = &self.basic {
            if credentials.is_scheme("Basic") {
                let Ok(creds) = BasicCredentials::try_from(&credentials) else {
                    return Outcome::Malformed { bearer: false };
                };
                return match (basic.verify)(creds).await {
                    Some(id) => Outcome::verified(AuthScheme::Basic, id),
                    None => Outcome::refused(),
                };
            }
        }
        if let Some(bearer) = &self.bearer {
            if credentials.is_scheme("Bearer") {
                let Ok(creds) = BearerCredentials::try_from(credentials.clone().into_owned())
                else {
                    return Outcome::Malformed { bearer: true };
                };
                return match (bearer.verify)(creds).await {
                    Some(id) => Outcome::verified(AuthScheme::Bearer, id),
                    None => Outcome::Refused(Refusal {
                        invalid_token: true,
                        stale: false,
                    }),
                };
            }
        }
        #[cfg(feature = "digest")]
        if let Some(digest) = &self.digest {
            if credentials.is_scheme("Digest") {
                return digest.authenticate(&credentials, parts).await;
            }
        }
        Outcome::refused()
    }

    /// The 401 (407) with every configured challenge, one field line each.
    fn challenge<B: Default>(&self, why: &Refusal) -> Response<B> {
        let mut resp = Response::new(B::default());
        *resp.status_mut() = self.fields.status;
        let headers = resp.headers_mut();
        #[cfg(feature = "digest")]
        if let Some(digest) = &self.digest {
            let now = DigestServer::unix_now();
            let lines = if why.stale {
                digest.server.stale_challenges(now)
            } else {
                digest.server.challenges(now)
            };
            // The server's writer refuses what a HeaderValue cannot hold.
            for line in lines {
                if let Ok(v) = HeaderValue::try_from(line) {
                    headers.append(&self.fields.challenge, v);
                }
            }
        }
        if let Some(basic) = &self.basic {
            headers.append(&self.fields.challenge, basic.challenge.clone());
        }
        if let Some(bearer) = &self.bearer {
            let v = if why.invalid_token {
                &bearer.invalid_token
            } else {
                &bearer.challenge
            };
            headers.append(&self.fields.challenge, v.clone());
        }
        resp
    }

    /// The 400; a malformed Bearer gets `error="invalid_request"` (RFC 6750
    /// section 3.1).
    fn bad_request<B: Default>(&self, bearer: bool) -> Response<B> {
        let mut resp = Response::new(B::default());
        *resp.status_mut() = StatusCode::BAD_REQUEST;
        if let (true, Some(b)) = (bearer, &self.bearer) {
            resp.headers_mut()
                .append(&self.fields.challenge, b.invalid_request.clone());
        }
        resp
    }
}

#[cfg(feature = "digest")]
impl<I: Send + 'static> Digest<I> {
    /// Looks the user up (the lookup may be I/O), then lets the server
    /// verify against that one secret.
    async fn lookup_and_verify(
        &self,
        lookup: &LookupFn<I>,
        credentials: &Credentials<'_>,
        request: &DigestRequest<'_>,
        now: u64,
    ) -> Result<(I, Verified), VerifyError> {
        let name = DigestCredentials::try_from(credentials)
            .ok()
            .filter(|d| !d.userhash())
            .and_then(|d| d.username().decoded_str().ok().map(|s| s.into_owned()));
        let found = match name {
            Some(name) => lookup(name.clone()).await.map(|(id, s)| (name, id, s)),
            None => None,
        };
        let secret = found.as_ref().map(|(n, _, s)| (n.as_str(), s));
        let users =
            |user: &str, _realm: &str| secret.and_then(|(n, s)| (n == user).then(|| s.clone()));
        let result =
            self.server
                .verify_credentials(credentials, request, &users, &*self.store, now);
        match (result, found) {
            (Ok(v), Some((_, id, _))) => Ok((id, v)),
            (Ok(_), None) => Err(VerifyError::UnknownUser),
            (Err(e), _) => Err(e),
        }
    }

    async fn authenticate(
        &self,
        credentials: &Credentials<'_>,
        parts: &http::request::Parts,
    ) -> Outcome<I> {
        // The request-target as received: origin-form, or the absolute URI
        // a proxy gets.
        let absolute;
        let target = if parts.uri.authority().is_some() {
            absolute = parts.uri.to_string();
            absolute.as_str()
        } else {
            parts
                .uri
                .path_and_query()
                .map_or(parts.uri.path(), |p| p.as_str())
        };
        let request = DigestRequest::new(parts.method.as_str(), target);
        let now = DigestServer::unix_now();
        let result = match &self.users {
            DigestUsersOf::Table { users, identity } => self
                .server
                .verify_credentials(credentials, &request, &**users, &*self.store, now)
                .map(|v| (identity(v.username().to_owned()), v)),
            DigestUsersOf::Lookup(lookup) => {
                // What the server checks before it needs the user (syntax,
                // realm, algorithm, qop, the nonce's MAC, uri) is checked
                // first with no user: forged nonces cost no lookup.
                let nobody = |_: &str, _: &str| -> Option<UserSecret> { None };
                match self.server.verify_credentials(
                    credentials,
                    &request,
                    &nobody,
                    &*self.store,
                    now,
                ) {
                    Err(VerifyError::UnknownUser) => {
                        self.lookup_and_verify(&**lookup, credentials, &request, now)
                            .await
                    }
                    Err(e) => Err(e),
                    // Nothing verifies without a secret.
                    Ok(_) => Err(VerifyError::UnknownUser),
                }
            }
        };
        match result {
            Ok((identity, verified)) => {
                let info = verified.authentication_info(b"");
                Outcome::Verified {
                    authenticated: Authenticated {
                        scheme: AuthScheme::Digest,
                        identity,
                    },
                    info: (!info.is_empty())
                        .then(|| HeaderValue::try_from(info).ok())
                        .flatten(),
                }
            }
            Err(e) if e.status() == 400 => Outcome::Malformed { bearer: false },
            Err(e) => Outcome::Refused(Refusal {
                invalid_token: false,
                stale: e.is_stale(),
            }),
        }
    }
}

/// A tower [`Layer`] that demands authentication; made by
/// [`AuthLayer::builder`]. Cheap to clone (the configuration is shared).
///
/// `I` is the identity the verifiers return and the inner service finds in
/// [`Authenticated<I>`].
///
/// ```
/// use http_auth_headers::tower_auth::AuthLayer;
///
/// let layer = AuthLayer::builder("api")
///     .bearer(|t| std::future::ready(t.token_matches("s3cret").then(|| "robot".to_string())))
///     .finish()?;
/// assert!(format!("{layer:?}").contains("bearer: true"));
/// # Ok::<(), http_auth_headers::BuildError>(())
/// ```
pub struct AuthLayer<I = String> {
    config: Arc<Config<I>>,
}

impl<I> Clone for AuthLayer<I> {
    fn clone(&self) -> Self {
        AuthLayer {
            config: Arc::clone(&self.config),
        }
    }
}

impl<I> fmt::Debug for AuthLayer<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AuthLayer").field(&self.config).finish()
    }
}

impl<I> AuthLayer<I> {
    /// Starts a layer whose Basic and Bearer challenges name `realm` (the
    /// Digest challenges name the Digest server's realm).
    ///
    /// ```
    /// use http_auth_headers::tower_auth::AuthLayer;
    ///
    /// let layer = AuthLayer::builder("api")
    ///     .basic(|c| std::future::ready(c.verify("alice", "open sesame").then(|| "alice".to_string())))
    ///     .finish()?;
    /// # let _ = layer;
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn builder(realm: impl Into<String>) -> AuthLayerBuilder<I> {
        AuthLayerBuilder {
            config: Config {
                realm: realm.into(),
                fields: Fields::origin(),
                basic: None,
                bearer: None,
                #[cfg(feature = "digest")]
                digest: None,
            },
            basic: None,
            bearer: None,
            #[cfg(feature = "digest")]
            store: None,
        }
    }
}

impl<S, I> Layer<S> for AuthLayer<I> {
    type Service = AuthService<S, I>;

    fn layer(&self, inner: S) -> Self::Service {
        AuthService {
            inner,
            config: Arc::clone(&self.config),
        }
    }
}

/// Configures an [`AuthLayer`]: a verifier per scheme, then
/// [`finish`](Self::finish).
///
/// ```
/// use http_auth_headers::tower_auth::AuthLayer;
///
/// let builder = AuthLayer::builder("api")
///     .basic(|c| std::future::ready(c.verify("u", "p").then(|| "u".to_string())))
///     .proxy();
/// let layer = builder.finish()?;
/// # let _ = layer;
/// # Ok::<(), http_auth_headers::BuildError>(())
/// ```
pub struct AuthLayerBuilder<I> {
    config: Config<I>,
    basic: Option<Arc<BasicFn<I>>>,
    bearer: Option<Arc<BearerFn<I>>>,
    #[cfg(feature = "digest")]
    store: Option<Store>,
}

impl<I> fmt::Debug for AuthLayerBuilder<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthLayerBuilder")
            .field("config", &self.config)
            .field("basic", &self.basic.is_some())
            .field("bearer", &self.bearer.is_some())
            .finish_non_exhaustive()
    }
}

impl<I: Send + 'static> AuthLayerBuilder<I> {
    /// Accepts Basic credentials (RFC 7617): `verify` gets them decoded
    /// and returns the identity, or `None` to refuse them (401). Compare
    /// with [`BasicCredentials::verify`] (constant time) or a password
    /// hash. The challenge is `Basic realm="REALM", charset="UTF-8"`.
    ///
    /// ```
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    /// use http_auth_headers::tower_auth::AuthLayer;
    ///
    /// let users = [("alice", "open sesame"), ("bob", "hunter2")];
    /// let layer = AuthLayer::builder("api")
    ///     .basic(move |c: BasicCredentials| async move {
    ///         // Checks every user, so the time does not tell which exist.
    ///         let mut found = None;
    ///         for (name, password) in users {
    ///             if c.verify(name, password) {
    ///                 found = Some(name.to_string());
    ///             }
    ///         }
    ///         found
    ///     })
    ///     .finish()?;
    /// # let _ = layer;
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn basic<F, Fut>(mut self, verify: F) -> Self
    where
        F: Fn(BasicCredentials) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Option<I>> + Send + 'static,
    {
        self.basic = Some(Arc::new(move |c| Box::pin(verify(c)) as BoxFuture<_>));
        self
    }

    /// Accepts Bearer tokens (RFC 6750): `verify` gets the credentials and
    /// returns the identity, or `None` to refuse the token (401 with
    /// `error="invalid_token"`). Compare with
    /// [`BearerCredentials::token_matches`] (constant time), or validate
    /// the token (a JWT library, an introspection call). The challenge is
    /// `Bearer realm="REALM"`.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::BearerCredentials;
    /// use http_auth_headers::tower_auth::AuthLayer;
    ///
    /// let layer = AuthLayer::builder("api")
    ///     .bearer(|t: BearerCredentials<'static>| async move {
    ///         // e.g. `sessions.find(t.token()).await`
    ///         t.token_matches("s3cret").then(|| "robot".to_string())
    ///     })
    ///     .finish()?;
    /// # let _ = layer;
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn bearer<F, Fut>(mut self, verify: F) -> Self
    where
        F: Fn(BearerCredentials<'static>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Option<I>> + Send + 'static,
    {
        self.bearer = Some(Arc::new(move |c| Box::pin(verify(c)) as BoxFuture<_>));
        self
    }

    /// Accepts Digest credentials (RFC 7616) verified by `server` against
    /// `users`; the identity is the user name. The layer offers `qop=auth`
    /// only (see the [module docs](self#digest)) and keeps the nonce counts
    /// in memory.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestAlgorithm, DigestServer, UserTable};
    /// use http_auth_headers::tower_auth::AuthLayer;
    ///
    /// let server = DigestServer::new("api")?
    ///     .algorithms(&[DigestAlgorithm::Sha256, DigestAlgorithm::Md5]);
    /// let mut users = UserTable::new();
    /// users.add_password("alice", "open sesame");
    /// let layer = AuthLayer::<String>::builder("api").digest(server, users).finish()?;
    /// # let _ = layer;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "digest")]
    #[cfg_attr(docsrs, doc(cfg(feature = "digest")))]
    pub fn digest<U>(mut self, server: DigestServer, users: U) -> Self
    where
        U: DigestUsers + Send + Sync + 'static,
        I: From<String>,
    {
        self.config.digest = Some(Digest {
            server: server.qop(&[Qop::AUTH]),
            users: DigestUsersOf::Table {
                users: Box::new(users),
                identity: I::from,
            },
            store: Arc::new(MemoryNonceStore::new()),
        });
        self
    }

    /// Accepts Digest credentials verified by `server`, with an async
    /// lookup: `lookup` gets the user name and returns the identity with
    /// the user's secret (the password, or the H(A1) a database stores),
    /// or `None` for an unknown user. It runs only for credentials whose
    /// syntax, realm, algorithm, nonce (its MAC) and `uri` the server
    /// accepted, so forged requests cost no lookup. Credentials with
    /// `userhash=true` get 401 here (no name to look up): use
    /// [`digest`](Self::digest) with a [`DigestUsers`] that implements
    /// `find_userhash` for those.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestServer, UserSecret};
    /// use http_auth_headers::tower_auth::AuthLayer;
    ///
    /// #[derive(Clone, Debug)]
    /// struct User { id: u64 }
    ///
    /// let layer = AuthLayer::builder("api")
    ///     .digest_lookup(DigestServer::new("api")?, |name: String| async move {
    ///         // e.g. `db.user_by_name(&name).await`
    ///         (name == "alice").then(|| (User { id: 1 }, UserSecret::Password("open sesame".into())))
    ///     })
    ///     .finish()?;
    /// # let _ = layer;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "digest")]
    #[cfg_attr(docsrs, doc(cfg(feature = "digest")))]
    pub fn digest_lookup<F, Fut>(mut self, server: DigestServer, lookup: F) -> Self
    where
        F: Fn(String) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Option<(I, UserSecret)>> + Send + 'static,
    {
        self.config.digest = Some(Digest {
            server: server.qop(&[Qop::AUTH]),
            users: DigestUsersOf::Lookup(Arc::new(move |name| {
                Box::pin(lookup(name)) as BoxFuture<_>
            })),
            store: Arc::new(MemoryNonceStore::new()),
        });
        self
    }

    /// Where the Digest part records the nonce counts it accepted (replay
    /// protection); default: a [`MemoryNonceStore`] of this layer. Give a
    /// shared store when several processes serve the same clients with the
    /// same [`DigestServer`] secret.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use http_auth_headers::scheme::digest::{DigestServer, MemoryNonceStore, UserTable};
    /// use http_auth_headers::tower_auth::AuthLayer;
    ///
    /// let store = Arc::new(MemoryNonceStore::new());
    /// let layer = AuthLayer::<String>::builder("api")
    ///     .digest(DigestServer::new("api")?, UserTable::new())
    ///     .digest_nonce_store(Arc::clone(&store))
    ///     .finish()?;
    /// # let _ = layer;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "digest")]
    #[cfg_attr(docsrs, doc(cfg(feature = "digest")))]
    pub fn digest_nonce_store<S>(mut self, store: S) -> Self
    where
        S: NonceStore + Send + Sync + 'static,
    {
        self.store = Some(Arc::new(store));
        self
    }

    /// Authenticates to a proxy (RFC 9110 section 11.7): reads
    /// `Proxy-Authorization`, answers 407 with `Proxy-Authenticate`, and
    /// Digest success adds `Proxy-Authentication-Info`.
    ///
    /// ```
    /// use http_auth_headers::tower_auth::AuthLayer;
    ///
    /// let layer = AuthLayer::builder("proxy")
    ///     .basic(|c| std::future::ready(c.verify("u", "p").then(|| "u".to_string())))
    ///     .proxy()
    ///     .finish()?;
    /// assert!(format!("{layer:?}").contains("proxy: true"));
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn proxy(mut self) -> Self {
        self.config.fields = Fields::proxy();
        self
    }

    /// Writes the challenges and returns the layer. With no scheme
    /// configured, every request gets 401 (407) with no challenge.
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidValue`] when the realm holds a control
    /// character.
    ///
    /// ```
    /// use http_auth_headers::BuildError;
    /// use http_auth_headers::tower_auth::AuthLayer;
    ///
    /// let bad = AuthLayer::builder("a\nb")
    ///     .basic(|c| std::future::ready(c.verify("u", "p").then(|| "u".to_string())))
    ///     .finish();
    /// assert_eq!(bad.unwrap_err(), BuildError::InvalidValue);
    /// ```
    pub fn finish(mut self) -> Result<AuthLayer<I>, BuildError> {
        let realm = self.config.realm.as_str();
        if let Some(verify) = self.basic.take() {
            let challenge = HeaderValue::try_from(BasicChallenge::builder(realm).charset_utf8())?;
            self.config.basic = Some(Basic { verify, challenge });
        }
        if let Some(verify) = self.bearer.take() {
            let with = |error: Option<&str>| {
                let b = BearerChallenge::builder().realm(realm);
                let b = match error {
                    Some(e) => b.error(e),
                    None => b,
                };
                HeaderValue::try_from(b)
            };
            self.config.bearer = Some(Bearer {
                verify,
                challenge: with(None)?,
                invalid_token: with(Some("invalid_token"))?,
                invalid_request: with(Some("invalid_request"))?,
            });
        }
        #[cfg(feature = "digest")]
        if let (Some(store), Some(digest)) = (self.store.take(), self.config.digest.as_mut()) {
            digest.store = store;
        }
        Ok(AuthLayer {
            config: Arc::new(self.config),
        })
    }
}

/// The service an [`AuthLayer`] wraps around `S`: answers unauthenticated
/// requests itself and calls `S` with [`Authenticated<I>`] in the request
/// extensions.
///
/// ```
/// use http::{Request, Response};
/// use http_auth_headers::tower_auth::{AuthLayer, AuthService};
/// use tower::{service_fn, Layer};
///
/// let layer = AuthLayer::builder("api")
///     .bearer(|t| std::future::ready(t.token_matches("s3cret").then(|| "robot".to_string())))
///     .finish()?;
/// let inner = service_fn(|_req: Request<String>| async { Ok::<_, std::convert::Infallible>(Response::new(String::new())) });
/// let service: AuthService<_, String> = layer.layer(inner);
/// # let _ = service;
/// # Ok::<(), http_auth_headers::BuildError>(())
/// ```
pub struct AuthService<S, I = String> {
    inner: S,
    config: Arc<Config<I>>,
}

impl<S: Clone, I> Clone for AuthService<S, I> {
    fn clone(&self) -> Self {
        AuthService {
            inner: self.inner.clone(),
            config: Arc::clone(&self.config),
        }
    }
}

impl<S: fmt::Debug, I> fmt::Debug for AuthService<S, I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthService")
            .field("inner", &self.inner)
            .field("config", &self.config)
            .finish()
    }
}

impl<S, I, ReqBody, ResBody> Service<Request<ReqBody>> for AuthService<S, I>
where
    S: Service<Request<ReqBody>, Response = Response<ResBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    ReqBody: Send + 'static,
    ResBody: Default + Send + 'static,
    I: Clone + Send + Sync + 'static,
{
    type Response = Response<ResBody>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response<ResBody>, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<ReqBody>) -> Self::Future {
        // The clone that was polled ready serves this request.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let config = Arc::clone(&self.config);
        Box::pin(async move {
            let (mut parts, body) = req.into_parts();
            match config.authenticate(&parts).await {
                Outcome::Verified {
                    authenticated,
                    info,
                } => {
                    parts.extensions.insert(authenticated);
                    let mut resp = inner.call(Request::from_parts(parts, body)).await?;
                    if let Some(info) = info {
                        resp.headers_mut().insert(&config.fields.info, info);
                    }
                    Ok(resp)
                }
                Outcome::Refused(why) => Ok(config.challenge(&why)),
                Outcome::Malformed { bearer } => Ok(config.bad_request(bearer)),
            }
        })
    }
}
