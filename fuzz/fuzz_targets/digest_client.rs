//! The Digest client (`digest` feature) on arbitrary challenge field lines
//! (one per input line): it never panics, and it answers only with an
//! algorithm one of the Digest challenges offered.
#![no_main]

use http_auth_headers::scheme::digest::{Algorithm, DigestChallenge, DigestClient, DigestCredentials};
use http_auth_headers::{Challenges, Credentials};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    let mut client = DigestClient::new("user", "password");
    let Ok(chosen) = client.challenge(&lines) else {
        return;
    };
    // The algorithms offered, read independently of the client.
    let offered: Vec<String> = Challenges::parse_lines(&lines)
        .map_while(Result::ok)
        .filter_map(|c| DigestChallenge::try_from(&c).ok().map(|d| d.algorithm().name().to_string()))
        .collect();
    assert!(
        offered.iter().any(|a| Algorithm::from_name(a) == chosen.algorithm()),
        "{chosen} not offered: {offered:?}"
    );
    let Ok(value) = client.respond("GET", "/", b"") else {
        return;
    };
    let creds = Credentials::parse(&value).expect("the client writes valid credentials");
    let d = DigestCredentials::try_from(&creds).expect("valid Digest credentials");
    assert_eq!(d.algorithm(), chosen.algorithm());
    if let Some(a) = creds.param("algorithm") {
        // Written as a token.
        assert!(!a.is_quoted());
    }
    for name in ["qop", "nc"] {
        assert!(creds.param(name).is_none_or(|v| !v.is_quoted()));
    }
});
