//! Feature `headers`: `WwwAuthenticate` and `ProxyAuthenticate` as
//! `headers::Header`s, the typed credentials in `Authorization<C>`, and the
//! same through axum's `TypedHeader` extractor and response part.
#![cfg(feature = "headers")]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use axum::Router;
use axum_extra::TypedHeader;
use headers::authorization::{Authorization, Credentials as _};
use headers::{Header, HeaderMapExt, ProxyAuthorization};
use http::header::{HeaderMap, HeaderValue, PROXY_AUTHENTICATE, WWW_AUTHENTICATE};
use http_auth_headers::scheme::basic::{BasicChallenge, BasicCredentials};
use http_auth_headers::scheme::bearer::{BearerCredentials, DpopCredentials};
use http_auth_headers::scheme::digest::{DigestChallenge, DigestCredentials, Qop};
use http_auth_headers::typed_headers::{ProxyAuthenticate, WwwAuthenticate};
use http_auth_headers::{Challenges, ErrorKind};
use tower::ServiceExt as _;

/// RFC 7616 section 3.9.1, MD5.
const RFC_DIGEST: &str = r#"Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;

fn map(name: http::HeaderName, lines: &[&str]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for line in lines {
        map.append(name.clone(), HeaderValue::from_str(line).unwrap());
    }
    map
}

async fn body_text(response: axum::response::Response) -> String {
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
        .await
        .unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Every line is decoded as one list, a line going on with the params of
/// the previous line's challenge; encoding writes one line per challenge.
#[test]
fn www_authenticate_decodes_every_line_and_encodes_one_per_challenge() {
    let received = map(
        WWW_AUTHENTICATE,
        &[
            r#"Digest realm="api", nonce="n1""#,
            r#"algorithm=SHA-256, Basic realm="api""#,
            "Bearer",
        ],
    );
    let h: WwwAuthenticate = received.typed_get().unwrap();
    let schemes: Vec<&str> = h.challenges().iter().map(|c| c.scheme()).collect();
    assert_eq!(schemes, ["Digest", "Basic", "Bearer"]);
    let digest = DigestChallenge::try_from(h.find("digest").unwrap()).unwrap();
    assert_eq!(digest.nonce(), "n1");
    assert_eq!(digest.algorithm().name(), "SHA-256");
    assert!(h.find("Negotiate").is_none());

    let mut out = HeaderMap::new();
    out.typed_insert(h.clone());
    let lines: Vec<&HeaderValue> = out.get_all(WWW_AUTHENTICATE).iter().collect();
    assert_eq!(
        lines,
        [
            r#"Digest realm="api", nonce="n1", algorithm=SHA-256"#,
            r#"Basic realm="api""#,
            "Bearer",
        ]
    );
    assert_eq!(out.typed_get::<WwwAuthenticate>(), Some(h));
}

#[test]
fn proxy_authenticate_uses_its_own_field() {
    assert_eq!(ProxyAuthenticate::name(), &PROXY_AUTHENTICATE);
    assert_eq!(WwwAuthenticate::name(), &WWW_AUTHENTICATE);
    let received = map(PROXY_AUTHENTICATE, &["Basic realm=\"proxy\"", "Negotiate"]);
    assert!(received.typed_get::<WwwAuthenticate>().is_none());
    let h: ProxyAuthenticate = received.typed_get().unwrap();
    assert_eq!(h.challenges().len(), 2);
    let mut out = HeaderMap::new();
    out.typed_insert(h);
    assert_eq!(out, received);
}

/// No line: no header. A line with no challenge: an empty list (which
/// encodes as no line). A line that does not parse: invalid.
#[test]
fn absent_empty_and_invalid_fields() {
    assert!(HeaderMap::new().typed_get::<WwwAuthenticate>().is_none());

    let empty: WwwAuthenticate = map(WWW_AUTHENTICATE, &[" , "]).typed_get().unwrap();
    assert!(empty.challenges().is_empty());
    let mut out = HeaderMap::new();
    out.typed_insert(empty);
    assert!(out.is_empty());

    let bad = map(WWW_AUTHENTICATE, &["Basic realm=x", "Bearer realm=\"y"]);
    assert!(bad.typed_try_get::<WwwAuthenticate>().is_err());
    // The crate's own parser says where.
    let err = WwwAuthenticate::parse_lines(&bad.get_all(WWW_AUTHENTICATE)).unwrap_err();
    assert_eq!(
        (err.kind(), err.line()),
        (ErrorKind::UnterminatedQuotedString, 1)
    );
}

/// obs-text survives decoding and encoding.
#[test]
fn www_authenticate_keeps_obs_text() {
    let mut received = HeaderMap::new();
    received.append(
        WWW_AUTHENTICATE,
        HeaderValue::from_bytes(b"Basic realm=\"caf\xe9\"").unwrap(),
    );
    let h: WwwAuthenticate = received.typed_get().unwrap();
    let mut out = HeaderMap::new();
    out.typed_insert(h);
    assert_eq!(
        out.get(WWW_AUTHENTICATE).unwrap().as_bytes(),
        b"Basic realm=\"caf\xe9\""
    );
}

#[test]
fn built_from_challenges() {
    let lines = [
        BasicChallenge::builder("api").finish().unwrap(),
        DigestChallenge::builder("api", "n1")
            .qop(&[Qop::AUTH])
            .finish()
            .unwrap(),
    ];
    let a = WwwAuthenticate::parse_lines(&lines).unwrap();
    let b: WwwAuthenticate = lines
        .iter()
        .flat_map(Challenges::parse)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(a, b);
    assert_eq!(a.into_iter().count(), 2);
}

/// The typed credentials in `Authorization` and `Proxy-Authorization`:
/// decoded when valid, redacted in Debug, encoded sensitive and equal.
#[test]
fn typed_credentials() {
    let mut m = map(http::header::AUTHORIZATION, &[RFC_DIGEST]);
    let Authorization(d) = m
        .typed_get::<Authorization<DigestCredentials<'static>>>()
        .unwrap();
    assert_eq!(d.username().decoded_str().unwrap(), "Mufasa");
    assert!(d.response_matches("8ca523f5e9506fed4657c9700eebdbec"));
    assert!(!format!("{d:?}").contains("8ca523f5"));
    assert!(!format!("{:?}", Authorization(d.clone())).contains("8ca523f5"));
    let encoded = d.encode();
    assert!(encoded.is_sensitive());
    assert_eq!(encoded, RFC_DIGEST);
    // Another scheme, or invalid Digest credentials: no typed header.
    assert!(m
        .typed_get::<Authorization<BearerCredentials<'static>>>()
        .is_none());
    m.insert(
        http::header::AUTHORIZATION,
        HeaderValue::from_static(r#"Digest username="u", realm="r", nonce="n", uri="/""#),
    );
    assert!(m
        .typed_get::<Authorization<DigestCredentials<'static>>>()
        .is_none());

    let p = map(http::header::PROXY_AUTHORIZATION, &[RFC_DIGEST]);
    let ProxyAuthorization(pd) = p
        .typed_get::<ProxyAuthorization<DigestCredentials<'static>>>()
        .unwrap();
    assert_eq!(pd, d);

    // Basic: a user-id is never split at a second colon; Debug is redacted.
    let b = map(
        http::header::AUTHORIZATION,
        &["Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="],
    );
    let Authorization(basic) = b.typed_get::<Authorization<BasicCredentials>>().unwrap();
    assert!(basic.verify("Aladdin", "open sesame"));
    assert!(!format!("{basic:?}").contains("sesame"));
    let mut out = HeaderMap::new();
    out.typed_insert(Authorization(basic.clone()));
    assert!(out.get(http::header::AUTHORIZATION).unwrap().is_sensitive());
    assert_eq!(
        out.typed_get::<Authorization<BasicCredentials>>(),
        Some(Authorization(basic))
    );
    let bad_base64 = map(
        http::header::AUTHORIZATION,
        &["Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ"],
    );
    assert!(bad_base64
        .typed_get::<Authorization<BasicCredentials>>()
        .is_none());

    // Bearer and DPoP: the token must be a b64token.
    let t = map(http::header::AUTHORIZATION, &["DPoP Kz~8mXK1"]);
    let Authorization(dpop) = t
        .typed_get::<Authorization<DpopCredentials<'static>>>()
        .unwrap();
    assert_eq!(dpop.token(), "Kz~8mXK1");
    let t = map(http::header::AUTHORIZATION, &["Bearer a\u{7e}b=c"]);
    assert!(t
        .typed_get::<Authorization<BearerCredentials<'static>>>()
        .is_none());
}

/// A handler that reads the challenges a request carries (a relay that was
/// handed an upstream 401's challenges).
async fn offered(TypedHeader(h): TypedHeader<WwwAuthenticate>) -> String {
    h.challenges()
        .iter()
        .map(|c| {
            let realm = c
                .param("realm")
                .map(|v| v.unescaped_str().unwrap().into_owned());
            format!("{}:{}", c.scheme(), realm.unwrap_or_default())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A handler that reads Digest credentials.
async fn digest_user(
    TypedHeader(Authorization(d)): TypedHeader<Authorization<DigestCredentials<'static>>>,
) -> String {
    format!(
        "{} {} {} {} {}",
        d.username().decoded_str().unwrap(),
        d.uri().unescaped_str().unwrap(),
        d.nc().unwrap().value(),
        d.qop().unwrap().name(),
        d.algorithm().name(),
    )
}

/// A handler that answers 401 with two challenges, through `TypedHeader`.
async fn deny() -> (StatusCode, TypedHeader<WwwAuthenticate>) {
    let lines = [
        DigestChallenge::builder("api", "n1").finish().unwrap(),
        BasicChallenge::builder("api").finish().unwrap(),
    ];
    (
        StatusCode::UNAUTHORIZED,
        TypedHeader(WwwAuthenticate::parse_lines(&lines).unwrap()),
    )
}

fn app() -> Router {
    Router::new()
        .route("/offered", get(offered))
        .route("/digest", get(digest_user))
        .route("/deny", get(deny))
}

fn request(path: &str, name: http::HeaderName, lines: &[&str]) -> Request<Body> {
    let mut req = Request::builder().uri(path);
    for line in lines {
        req = req.header(name.clone(), *line);
    }
    req.body(Body::empty()).unwrap()
}

#[tokio::test]
async fn axum_typed_header_extracts_www_authenticate() {
    let req = request(
        "/offered",
        WWW_AUTHENTICATE,
        &[
            r#"Digest realm="api", nonce="n1""#,
            r#"algorithm=SHA-256, Basic realm="x y""#,
            "Negotiate",
        ],
    );
    let res = app().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(body_text(res).await, "Digest:api Basic:x y Negotiate:");

    // Missing and malformed: the extractor's rejection, 400.
    let res = app()
        .oneshot(request("/offered", WWW_AUTHENTICATE, &[]))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(body_text(res).await.contains("missing"));
    let res = app()
        .oneshot(request("/offered", WWW_AUTHENTICATE, &["Basic realm=\"x"]))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn axum_typed_header_extracts_digest_authorization() {
    let res = app()
        .oneshot(request(
            "/digest",
            http::header::AUTHORIZATION,
            &[RFC_DIGEST],
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(body_text(res).await, "Mufasa /dir/index.html 1 auth MD5");

    // qop without nc: not valid Digest credentials.
    let res = app()
        .oneshot(request(
            "/digest",
            http::header::AUTHORIZATION,
            &[r#"Digest username="u", realm="r", nonce="n", uri="/", response="0f", qop=auth"#],
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = app()
        .oneshot(request(
            "/digest",
            http::header::AUTHORIZATION,
            &["Basic YTpi"],
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn axum_typed_header_writes_one_line_per_challenge() {
    let res = app()
        .oneshot(request("/deny", WWW_AUTHENTICATE, &[]))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let lines: Vec<&str> = res
        .headers()
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert_eq!(
        lines,
        [r#"Digest realm="api", nonce="n1""#, r#"Basic realm="api""#]
    );
}

/// The whole Digest exchange in axum with typed headers: the server answers
/// 401 with `TypedHeader<WwwAuthenticate>`, reads the credentials with
/// `Option<TypedHeader<Authorization<DigestCredentials>>>` and verifies them
/// with `DigestServer`; the client is `DigestClient`, reading the 401's
/// lines from the response's `HeaderMap`.
#[cfg(feature = "digest")]
mod digest_exchange {
    use std::sync::Arc;

    use axum::extract::State;
    use axum::http::{Method, Uri};
    use axum::response::{IntoResponse, Response};
    use http_auth_headers::scheme::digest::{
        DigestClient, DigestRequest, DigestServer, MemoryNonceStore, UserTable,
    };

    use super::*;

    struct Auth {
        server: DigestServer,
        users: UserTable,
        store: MemoryNonceStore,
    }

    fn deny(challenges: Vec<String>) -> Response {
        let h = WwwAuthenticate::parse_lines(&challenges).unwrap();
        (StatusCode::UNAUTHORIZED, TypedHeader(h)).into_response()
    }

    async fn protected(
        State(auth): State<Arc<Auth>>,
        method: Method,
        uri: Uri,
        credentials: Option<TypedHeader<Authorization<DigestCredentials<'static>>>>,
    ) -> Response {
        let now = DigestServer::unix_now();
        let Some(TypedHeader(Authorization(d))) = credentials else {
            return deny(auth.server.challenges(now));
        };
        let request = DigestRequest::new(method.as_str(), uri.path());
        match auth.server.verify_credentials(
            d.as_credentials(),
            &request,
            &auth.users,
            &auth.store,
            now,
        ) {
            Ok(ok) => {
                let info = HeaderValue::try_from(ok.authentication_info(b"")).unwrap();
                let body = format!("hello {}", ok.username());
                ([("authentication-info", info)], body).into_response()
            }
            Err(e) => deny(auth.server.challenges_for(&e, now)),
        }
    }

    fn app() -> Router {
        let mut users = UserTable::new();
        users.add_password("Mufasa", "Circle of Life");
        let auth = Auth {
            server: DigestServer::with_secret("api@example.org", [9; 32]),
            users,
            store: MemoryNonceStore::new(),
        };
        Router::new()
            .route("/dir/index.html", get(protected))
            .with_state(Arc::new(auth))
    }

    #[tokio::test]
    async fn client_and_server_through_typed_headers() {
        let app = app();
        let get = |auth: Option<String>| {
            let mut req = Request::builder().uri("/dir/index.html");
            if let Some(a) = auth {
                req = req.header(http::header::AUTHORIZATION, a);
            }
            app.clone().oneshot(req.body(Body::empty()).unwrap())
        };

        // No credentials: 401 with the server's challenges, one line each.
        let res = get(None).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        let lines = res.headers().get_all(WWW_AUTHENTICATE);
        assert!(lines.iter().count() >= 1);
        assert!(lines.iter().all(|l| l.as_bytes().starts_with(b"Digest ")));

        // The right password: 200, and rspauth checks out.
        let mut client = DigestClient::new("Mufasa", "Circle of Life");
        client.challenge(&lines).unwrap();
        let res = get(Some(client.respond("GET", "/dir/index.html", b"").unwrap()))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let info = res.headers().get("authentication-info").unwrap().clone();
        assert_eq!(body_text(res).await, "hello Mufasa");
        assert!(client
            .authentication_info(&info, b"")
            .unwrap()
            .rspauth_verified());

        // A wrong password: 401 again.
        let res = get(None).await.unwrap();
        let mut wrong = DigestClient::new("Mufasa", "circle of life");
        wrong
            .challenge(&res.headers().get_all(WWW_AUTHENTICATE))
            .unwrap();
        let res = get(Some(wrong.respond("GET", "/dir/index.html", b"").unwrap()))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        assert!(res.headers().contains_key(WWW_AUTHENTICATE));

        // Malformed Digest credentials: the extractor refuses them, 400.
        let res = get(Some(r#"Digest username="Mufasa""#.into()))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    }
}
