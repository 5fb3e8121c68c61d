//! Header values seen in the wild and in browser test suites (case names
//! follow Julian Reschke's WWW-Authenticate test cases), with what strict
//! RFC 9110 parsing makes of them.
#![cfg(feature = "alloc")]

use http_auth_headers::scheme::basic::BasicChallenge;
use http_auth_headers::{Challenges, ErrorKind};

/// Parses and describes each challenge as `scheme{name=value;…}` or
/// `scheme[token68]`, with unescaped values.
fn describe(v: &[u8]) -> Result<String, (ErrorKind, usize)> {
    let mut out = Vec::new();
    for c in Challenges::parse(v) {
        let c = c.map_err(|e| (e.kind(), e.offset()))?;
        let body = match c.token68() {
            Some(t) => format!("[{t}]"),
            None => {
                let ps: Vec<String> = c
                    .params()
                    .iter()
                    .map(|p| {
                        format!(
                            "{}={}",
                            p.name(),
                            String::from_utf8_lossy(&p.value().unescaped())
                        )
                    })
                    .collect();
                format!("{{{}}}", ps.join(";"))
            }
        };
        out.push(format!("{}{}", c.scheme(), body));
    }
    Ok(out.join(" "))
}

fn ok(v: &str) -> String {
    describe(v.as_bytes()).unwrap_or_else(|e| panic!("{v:?}: {e:?}"))
}

#[test]
fn browser_test_cases() {
    assert_eq!(ok(r#"Basic realm="foo""#), "Basic{realm=foo}"); // simplebasic
    assert_eq!(ok(r#"BASIC REALM="foo""#), "BASIC{REALM=foo}"); // simplebasicucase
    assert_eq!(ok("Basic realm=foo"), "Basic{realm=foo}"); // simplebasictok
    assert_eq!(
        describe(br"Basic realm=\f\o\o"),
        Err((ErrorKind::ExpectedParamValue, 12))
    ); // simplebasictokbs
    assert_eq!(ok("Basic realm='foo'"), "Basic{realm='foo'}"); // simplebasicsq: ' is a tchar
    assert_eq!(ok(r#"Basic realm="foo%20bar""#), "Basic{realm=foo%20bar}"); // simplebasicpct
    assert_eq!(ok(r#"Basic , realm="foo""#), "Basic{realm=foo}"); // simplebasiccomma
    assert_eq!(
        describe(br#"Basic, realm="foo""#),
        Err((ErrorKind::ParamWithoutScheme, 7))
    ); // simplebasiccomma2
    assert_eq!(ok("Basic"), "Basic{}"); // simplebasicnorealm
    assert_eq!(ok(r#"Basic realm = "foo""#), "Basic{realm=foo}"); // simplebasicwsrealm
    assert_eq!(ok(r#"Basic realm="\f\o\o""#), "Basic{realm=foo}"); // simplebasicrealmsqc
    assert_eq!(ok(r#"Basic realm="\"foo\"""#), r#"Basic{realm="foo"}"#); // simplebasicrealmsqc2
    assert_eq!(
        ok(r#"Basic realm="foo", bar="xyz",, a=b,,,c=d"#),
        "Basic{realm=foo;bar=xyz;a=b;c=d}"
    ); // simplebasicnewparam1
    assert_eq!(
        ok(r#"Basic bar="xyz", realm="foo""#),
        "Basic{bar=xyz;realm=foo}"
    ); // simplebasicnewparam2
    assert_eq!(
        describe(b"Basic realm=\"foo-\xe4\""),
        Ok("Basic{realm=foo-\u{fffd}}".into())
    ); // simplebasicrealmiso88591: obs-text kept as bytes
    assert_eq!(
        ok(r#"Basic realm="basic", Newauth realm="newauth""#),
        "Basic{realm=basic} Newauth{realm=newauth}"
    ); // multibasic
    assert_eq!(ok(r#",Basic realm="basic""#), "Basic{realm=basic}"); // multibasicempty
    assert_eq!(
        ok(r#"Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple""#),
        r#"Newauth{realm=apps;type=1;title=Login to "apps"} Basic{realm=simple}"#
    ); // multibasicqs
    assert_eq!(
        ok(r#"Newauth realm="newauth", noauth="basic realm=\"basic\"", Basic realm="basic""#),
        r#"Newauth{realm=newauth;noauth=basic realm="basic"} Basic{realm=basic}"#
    ); // multidisgscheme
    assert_eq!(
        ok(r#"Basic foo="realm=nottherealm", realm="basic""#),
        "Basic{foo=realm=nottherealm;realm=basic}"
    ); // disguisedrealm
    assert_eq!(
        describe(br#"Basic realm="basic"#),
        Err((ErrorKind::UnterminatedQuotedString, 18))
    ); // missingquote
    assert_eq!(
        describe(b"Basic\r\n realm=\"foo\""),
        Err((ErrorKind::ControlCharacter, 5))
    ); // simplebasiclf, unfolded by no one
}

#[test]
fn disguised_realm_does_not_fool_the_typed_view() {
    let c = Challenges::parse(r#"Basic foo="realm=nottherealm", realm="basic""#)
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(BasicChallenge::try_from(&c).unwrap().realm(), "basic");
}

#[test]
fn servers_and_devices() {
    // Docker registry: commas and colons inside a quoted scope.
    assert_eq!(
        ok(r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push""#),
        "Bearer{realm=https://auth.docker.io/token;service=registry.docker.io;scope=repository:samalba/my-app:pull,push}"
    );
    // Google Cloud Storage sends the error as a token.
    assert_eq!(
        ok("Bearer error=invalid_token"),
        "Bearer{error=invalid_token}"
    );
    // Microsoft Graph sends an empty realm, and a second challenge after it.
    assert_eq!(
        ok(r#"Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000""#),
        "Bearer{realm=;authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize;client_id=00000003-0000-0000-c000-000000000000}"
    );
    // Azure Storage writes a URI unquoted: not a token, so strict parsing stops.
    assert_eq!(
        describe(b"Bearer authorization_uri=https://login.microsoftonline.com/x/oauth2/authorize resource_id=https://storage.azure.com"),
        Err((ErrorKind::ExpectedComma, 30))
    );
    // Asterisk: two spaces after the scheme; cameras: stale quoted and upper case.
    assert_eq!(
        ok(r#"Digest  realm="asterisk", nonce="1a2b3c", stale="FALSE", algorithm=MD5"#),
        "Digest{realm=asterisk;nonce=1a2b3c;stale=FALSE;algorithm=MD5}"
    );
    // SPNEGO and NTLM on one line, then Basic (combined field lines).
    assert_eq!(
        ok(r#"Negotiate, NTLM, Basic realm="corp""#),
        "Negotiate{} NTLM{} Basic{realm=corp}"
    );
    // NTLM type-2 message as a token68 in a challenge.
    assert_eq!(
        ok("NTLM TlRMTVNTUAACAAAADAAMADAAAAA1goni=="),
        "NTLM[TlRMTVNTUAACAAAADAAMADAAAAA1goni==]"
    );
    // Tomcat: two Digest challenges with different algorithms.
    assert_eq!(
        ok(r#"Digest realm="r", qop="auth", nonce="n1", algorithm=SHA-256, Digest realm="r", qop="auth", nonce="n2", algorithm=MD5"#),
        "Digest{realm=r;qop=auth;nonce=n1;algorithm=SHA-256} Digest{realm=r;qop=auth;nonce=n2;algorithm=MD5}"
    );
    // A single-quoted realm with a space is not a quoted-string.
    assert_eq!(
        describe(b"Basic realm='Sandstorm API'"),
        Err((ErrorKind::ExpectedComma, 23))
    );
    // Go's strconv.Quote writes \u escapes; HTTP reads them as the letter u.
    assert_eq!(ok(r#"Basic realm="caf\u00e9""#), "Basic{realm=cafu00e9}");
}
