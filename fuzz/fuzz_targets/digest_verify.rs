//! The Digest server (`digest` feature) on arbitrary credentials: verifying
//! never panics and never accepts what no client computed; and whatever a
//! client can write for arbitrary names, passwords, methods, URIs and
//! bodies, the server accepts once and only once.
#![no_main]

use http_auth_headers::scheme::digest::{
    DigestAlgorithm, DigestClient, DigestRequest, DigestServer, MemoryNonceStore, Qop,
    UserSecret, VerifyError,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let mut server = DigestServer::with_secret("fuzz", [5; 32])
        .algorithms(&DigestAlgorithm::ALL)
        .qop(&[Qop::AUTH, Qop::AUTH_INT]);
    if flags & 1 != 0 {
        server = server.allow_rfc2069();
    }
    let store = MemoryNonceStore::new();
    let text = String::from_utf8_lossy(rest);
    let mut parts = text.split('\n');
    let user = parts.next().unwrap_or_default();
    let password = parts.next().unwrap_or_default();
    let method = parts.next().unwrap_or("GET");
    let uri = parts.next().unwrap_or("/");
    let body = parts.next().unwrap_or_default().as_bytes();
    let req = DigestRequest::new(method, uri).body(body);
    let users = |u: &str, _: &str| (u == user).then(|| UserSecret::Password(password.to_string()));

    // Raw input as credentials: no nonce of this server, so never accepted.
    if let Err(e) = server.verify(rest, &req, &users, &store, 0) {
        assert!(e.status() == 400 || e.status() == 401);
        let _ = e.to_string();
    } else {
        panic!("accepted credentials no client computed");
    }

    // What a client writes for these values.
    let mut client = DigestClient::new(user, password);
    if flags & 2 != 0 {
        client = client.prefer_auth_int();
    }
    client.challenge(&server.challenges(0)).expect("the server's own challenges");
    let Ok(value) = client.respond(method, uri, body) else {
        return; // a control character the writer refuses
    };
    let ok = server.verify(&value, &req, &users, &store, 1);
    if let Err(e) = &ok {
        // Only a uri that does not survive quoting as itself may differ.
        assert_eq!(*e, VerifyError::UriMismatch, "{value}");
        return;
    }
    let info = ok.unwrap().authentication_info(b"");
    client.authentication_info(&info, b"").expect("the server's own rspauth");
    assert_eq!(server.verify(&value, &req, &users, &store, 1).unwrap_err(), VerifyError::Replay);
});
