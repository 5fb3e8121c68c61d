//! Each ambiguity of the RFC 9110 authentication grammar, and the decision
//! this crate takes for it (see the crate docs, "Implementation notes").
#![cfg(feature = "alloc")]

use http_auth_headers::{AuthenticationInfo, Challenge, Challenges, Credentials, ErrorKind};

fn parse(v: &str) -> Vec<Challenge<'_>> {
    Challenges::parse(v)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{v:?}: {e}"))
}

/// (scheme, token68, [(name, unescaped value)]) per challenge.
type Shape = Vec<(String, Option<String>, Vec<(String, String)>)>;

fn shape(v: &str) -> Shape {
    parse(v)
        .iter()
        .map(|c| {
            (
                c.scheme().to_string(),
                c.token68().map(str::to_string),
                c.params()
                    .iter()
                    .map(|p| {
                        (
                            p.name().to_string(),
                            p.value().unescaped_str().unwrap().into_owned(),
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

fn s(scheme: &str, params: &[(&str, &str)]) -> (String, Option<String>, Vec<(String, String)>) {
    (
        scheme.to_string(),
        None,
        params
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
    )
}

fn t68(scheme: &str, token: &str) -> (String, Option<String>, Vec<(String, String)>) {
    (scheme.to_string(), Some(token.to_string()), vec![])
}

fn err(v: &str) -> (ErrorKind, usize) {
    let e = Challenges::parse(v)
        .find_map(Result::err)
        .unwrap_or_else(|| panic!("{v:?} parsed"));
    (e.kind(), e.offset())
}

#[test]
fn after_a_comma_token_bws_equals_is_a_param() {
    assert_eq!(shape("A x=1, y=2"), [s("A", &[("x", "1"), ("y", "2")])]);
    assert_eq!(shape("A x=1, y =2"), [s("A", &[("x", "1"), ("y", "2")])]);
    assert_eq!(shape("A x=1, y\t=\t2"), [s("A", &[("x", "1"), ("y", "2")])]);
}

#[test]
fn after_a_comma_a_token_then_sp_comma_or_end_is_a_new_scheme() {
    assert_eq!(
        shape("A x=1, B y=2"),
        [s("A", &[("x", "1")]), s("B", &[("y", "2")])]
    );
    assert_eq!(
        shape("A x=1, B, C"),
        [s("A", &[("x", "1")]), s("B", &[]), s("C", &[])]
    );
    assert_eq!(shape("A x=1, B"), [s("A", &[("x", "1")]), s("B", &[])]);
    assert_eq!(
        shape("A x=1, B abc=="),
        [s("A", &[("x", "1")]), t68("B", "abc==")]
    );
}

#[test]
fn token68_versus_auth_param() {
    assert_eq!(shape("A abc=="), [t68("A", "abc==")]);
    assert_eq!(shape("A abc"), [t68("A", "abc")]);
    assert_eq!(shape("A a=b"), [s("A", &[("a", "b")])]);
    assert_eq!(shape("A abc= , B"), [t68("A", "abc="), s("B", &[])]);
    assert_eq!(shape("A a/b+c~d_e.f-g=="), [t68("A", "a/b+c~d_e.f-g==")]);
    // A token68 must be followed by OWS and then a comma or the end.
    assert_eq!(err("A abc== x"), (ErrorKind::ExpectedComma, 8));
    assert_eq!(err("A ab=c="), (ErrorKind::ExpectedComma, 6));
    // Only one token68 per challenge; after it only a new challenge may come.
    assert_eq!(err("A abc, x=1"), (ErrorKind::ParamWithoutScheme, 7));
    // A param needs a value: "a=" alone is a token68 with padding.
    assert_eq!(shape("A a="), [t68("A", "a=")]);
}

#[test]
fn bare_schemes() {
    assert_eq!(
        shape(r#"Bearer, DPoP algs="ES256""#),
        [s("Bearer", &[]), s("DPoP", &[("algs", "ES256")])]
    );
    assert_eq!(shape("Negotiate"), [s("Negotiate", &[])]);
    assert_eq!(
        shape("Negotiate , NTLM"),
        [s("Negotiate", &[]), s("NTLM", &[])]
    );
    assert_eq!(
        shape("Negotiate ,NTLM,Basic realm=x"),
        [
            s("Negotiate", &[]),
            s("NTLM", &[]),
            s("Basic", &[("realm", "x")])
        ]
    );
}

#[test]
fn empty_list_elements_are_ignored() {
    assert_eq!(
        shape(r#",, Basic ,,realm="x""#),
        [s("Basic", &[("realm", "x")])]
    );
    assert_eq!(
        shape(r#"Basic realm="x", , , Bearer"#),
        [s("Basic", &[("realm", "x")]), s("Bearer", &[])]
    );
    assert_eq!(
        shape(r#"Basic realm="x",,charset=UTF-8,"#),
        [s("Basic", &[("realm", "x"), ("charset", "UTF-8")])]
    );
    // A bare scheme then a comma does not open a param list: only 1*SP does.
    assert_eq!(
        err(r#"Basic, realm="x""#),
        (ErrorKind::ParamWithoutScheme, 7)
    );
}

#[test]
fn empty_field_values_hold_no_challenge() {
    for v in ["", " ", " , ", ",", ",,,", "\t,\t"] {
        assert_eq!(Challenges::parse(v).count(), 0, "{v:?}");
    }
    assert_eq!(Challenges::parse_lines(&["", " , "]).count(), 0);
    assert_eq!(AuthenticationInfo::parse(" , ").unwrap().params().len(), 0);
}

#[test]
fn a_param_named_like_a_scheme() {
    assert_eq!(
        shape("Digest Basic=x, Bearer=y"),
        [s("Digest", &[("Basic", "x"), ("Bearer", "y")])]
    );
    assert_eq!(
        shape("Digest realm=x, Basic realm=y"),
        [
            s("Digest", &[("realm", "x")]),
            s("Basic", &[("realm", "y")])
        ]
    );
}

#[test]
fn escaped_quotes_and_commas_inside_quoted_strings() {
    assert_eq!(
        shape(r#"A t="a\"b, C d=e", B"#),
        [s("A", &[("t", r#"a"b, C d=e"#)]), s("B", &[])]
    );
    assert_eq!(
        shape(r#"Bearer scope="repository:samalba/my-app:pull,push", x=1"#),
        [s(
            "Bearer",
            &[("scope", "repository:samalba/my-app:pull,push"), ("x", "1")]
        )]
    );
    assert_eq!(
        shape(r#"A t="\\", B"#),
        [s("A", &[("t", "\\")]), s("B", &[])]
    );
    assert_eq!(shape(r#"A t="", B"#), [s("A", &[("t", "")]), s("B", &[])]);
}

#[test]
fn control_characters_are_errors() {
    assert_eq!(
        err("Basic realm=\"a\rb\""),
        (ErrorKind::ControlCharacter, 14)
    );
    assert_eq!(
        err("Basic realm=\"a\nb\""),
        (ErrorKind::ControlCharacter, 14)
    );
    assert_eq!(
        err("Basic realm=\"a\0b\""),
        (ErrorKind::ControlCharacter, 14)
    );
    assert_eq!(err("Basic realm=a\r\n"), (ErrorKind::ControlCharacter, 13));
    assert_eq!(err("\nBasic"), (ErrorKind::ControlCharacter, 0));
    assert_eq!(err("Basic\r\n realm=a"), (ErrorKind::ControlCharacter, 5));
    let e = Credentials::parse("Bearer abc\0").unwrap_err();
    assert_eq!((e.kind(), e.offset()), (ErrorKind::ControlCharacter, 10));
}

#[test]
fn leading_and_trailing_ows_is_ignored() {
    assert_eq!(
        shape(" \tBasic realm=x \t"),
        [s("Basic", &[("realm", "x")])]
    );
    assert_eq!(
        Credentials::parse("  Bearer abc  ").unwrap().token68(),
        Some("abc")
    );
}

#[test]
fn several_spaces_after_the_scheme_but_no_htab() {
    assert_eq!(shape("Digest   realm=x"), [s("Digest", &[("realm", "x")])]);
    assert_eq!(
        Credentials::parse("Bearer    foo").unwrap().token68(),
        Some("foo")
    );
    assert_eq!(err("Bearer\tfoo"), (ErrorKind::ExpectedSpaceAfterScheme, 6));
    assert_eq!(
        err("HOBA: challenge=x"),
        (ErrorKind::ExpectedSpaceAfterScheme, 4)
    );
}

#[test]
fn credentials_need_a_scheme_and_are_a_singleton() {
    for v in ["", "   "] {
        assert_eq!(
            Credentials::parse(v).unwrap_err().kind(),
            ErrorKind::MissingCredentials
        );
    }
    assert_eq!(
        Credentials::parse(", Basic x").unwrap_err().kind(),
        ErrorKind::ExpectedScheme
    );
    let e = Credentials::parse("Digest a=b, Basic xyz").unwrap_err();
    assert_eq!((e.kind(), e.offset()), (ErrorKind::MultipleCredentials, 12));
    // One classification for a second credentials, whatever the first
    // ends with: a token68, params, or a bare scheme.
    for (input, offset) in [
        ("Bearer mF_9, Basic YXNk", 13),
        ("Digest a=b, Basic x", 12),
        ("Negotiate, Basic x", 11),
        ("Basic ,, Bearer", 9),
        ("Bearer a,,\t, Basic", 13),
        ("Digest a=\"b\" ,Basic", 14),
    ] {
        let e = Credentials::parse(input).unwrap_err();
        assert_eq!(
            (e.kind(), e.offset()),
            (ErrorKind::MultipleCredentials, offset),
            "{input}"
        );
    }
    // Anything else after complete credentials is ExpectedEnd.
    for (input, offset) in [
        ("Bearer a b", 9),
        ("Bearer a,", 8),
        ("Bearer a, ,", 8),
        ("Bearer a, =x", 10),
        ("Negotiate,", 9),
        ("Negotiate x y", 12),
        ("Digest a=b, \"x\"", 12),
    ] {
        let e = Credentials::parse(input).unwrap_err();
        assert_eq!(
            (e.kind(), e.offset()),
            (ErrorKind::ExpectedEnd, offset),
            "{input}"
        );
    }
    let e = Credentials::parse_lines(&["Bearer a", "Bearer b"]).unwrap_err();
    assert_eq!(
        (e.kind(), e.line(), e.offset()),
        (ErrorKind::MultipleCredentials, 1, 0)
    );
    let e = Credentials::parse_lines(&Vec::<&str>::new()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MissingCredentials);
    // Empty elements inside the credentials' param list are fine.
    let c = Credentials::parse("Digest a=b,, c=d,").unwrap();
    assert_eq!(c.params().len(), 2);
}

#[test]
fn repeated_param_names_are_kept_by_the_generic_parser() {
    assert_eq!(
        shape("A realm=x, REALM=y"),
        [s("A", &[("realm", "x"), ("REALM", "y")])]
    );
    let c = &parse("A realm=x, REALM=y")[0];
    // Lookup returns the first.
    assert_eq!(c.param("Realm").unwrap(), "x");
}

#[test]
fn token_and_quoted_forms_are_equal() {
    assert_eq!(parse("A x=abc"), parse(r#"A x="abc""#));
    assert_eq!(parse("a X=abc"), parse(r#"A x="a\bc""#));
    assert_ne!(parse("A x=abc"), parse("A x=abd"));
}

#[test]
fn obs_text_is_opaque_inside_quoted_strings() {
    let v: &[u8] = b"Basic realm=\"caf\xe9\"";
    let c = Challenges::parse(v).next().unwrap().unwrap();
    assert_eq!(c.param("realm").unwrap().raw(), b"caf\xe9");
    assert!(c.param("realm").unwrap().unescaped_str().is_err());
    // Outside quotes, obs-text is not a token byte.
    let e = Challenges::parse(&b"Basic realm=caf\xe9"[..])
        .next()
        .unwrap()
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.offset(), e.found()),
        (ErrorKind::ExpectedComma, 15, Some(0xe9))
    );
}

#[test]
fn several_field_lines_form_one_list() {
    let lines = ["Basic realm=a", "", " , Bearer realm=b"];
    let cs: Vec<_> = Challenges::parse_lines(&lines)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(cs.len(), 2);
    let e = Challenges::parse_lines(&["Basic realm=a", "Bearer realm=\"b"])
        .find_map(Result::err)
        .unwrap();
    assert_eq!(
        (e.line(), e.offset(), e.kind()),
        (1, 15, ErrorKind::UnterminatedQuotedString)
    );
    let info = AuthenticationInfo::parse_lines(&["a=1", "b=2, c=3"]).unwrap();
    assert_eq!(info.params().len(), 3);
}

#[test]
fn iterator_is_fused_after_an_error() {
    let mut it = Challenges::parse("A, =, B");
    assert!(it.next().unwrap().is_ok());
    assert!(it.next().unwrap().is_err());
    assert!(it.next().is_none());
    assert!(it.next().is_none());
}

/// After `scheme 1*SP`, HTAB is OWS before a comma or the end, never the
/// separator before a token68 or a param (RFC 9110 section 11.3: `1*SP`).
#[test]
fn htab_after_the_scheme_space_is_not_a_separator() {
    for input in [
        "Basic \trealm=x",
        "Basic \t realm=x",
        "Basic  \trealm=x",
        "Bearer \tabc",
    ] {
        let e = Challenges::parse(input).next().unwrap().unwrap_err();
        assert_eq!(
            (e.kind(), e.offset()),
            (ErrorKind::ExpectedToken68OrParam, input.find('\t').unwrap()),
            "{input:?}"
        );
        let e = Credentials::parse(input).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ExpectedToken68OrParam, "{input:?}");
    }
    // OWS before an empty list element, or at the end, stays valid.
    let c = Challenges::parse("Basic \t, realm=x")
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(c.param("realm").unwrap(), "x");
    let c = Challenges::parse("Basic \t").next().unwrap().unwrap();
    assert!(c.params().is_empty());
    let c = Credentials::parse("Digest \t\t, a=b").unwrap();
    assert_eq!(c.param("a").unwrap(), "b");
}

/// RFC 9110 section 5.3: the field lines of a list field, joined with
/// `", "`, are its value. Every split of a valid value at a comma outside
/// quoted-strings parses to what the joined value gives.
#[test]
fn field_lines_are_one_list_however_split() {
    let values = [
        r#"Basic realm="x", charset=UTF-8"#,
        r#"Newauth realm="apps", type=1, title="Login, to \"apps\"", Basic realm="simple""#,
        r#"Basic ,, realm="a" , , charset="b", Bearer, DPoP algs="ES256, PS256" , x=1"#,
        r#"Digest realm="r", qop="auth, auth-int", nonce="n", Negotiate abc==, NTLM"#,
        r#"A, B a=1, C c==, D d=2, e=3"#,
        r#"Basic , a=1"#,
    ];
    for value in values {
        let joined: Vec<_> = Challenges::parse(value).collect::<Result<_, _>>().unwrap();
        // Commas outside quoted-strings.
        let mut commas = Vec::new();
        let (mut quoted, mut escaped) = (false, false);
        for (i, b) in value.bytes().enumerate() {
            match b {
                _ if escaped => escaped = false,
                b'\\' if quoted => escaped = true,
                b'"' => quoted = !quoted,
                b',' if !quoted => commas.push(i),
                _ => {}
            }
        }
        // Every subset of the commas as line breaks (the comma goes; the
        // lines keep the rest, whitespace included).
        for mask in 0u32..(1 << commas.len()) {
            let mut lines = Vec::new();
            let mut start = 0;
            for (k, &at) in commas.iter().enumerate() {
                if mask & (1 << k) != 0 {
                    lines.push(&value[start..at]);
                    start = at + 1;
                }
            }
            lines.push(&value[start..]);
            let split: Vec<_> = Challenges::parse_lines(&lines)
                .collect::<Result<_, _>>()
                .unwrap_or_else(|e| panic!("{lines:?}: {e}"));
            assert_eq!(split, joined, "{lines:?}");
            for (a, b) in split.iter().zip(&joined) {
                assert_eq!(a.to_string(), b.to_string(), "{lines:?}");
                assert_eq!(a.clone().into_owned(), *b, "{lines:?}");
            }
            // Trimmed lines (as an HTTP parser hands them over) parse as
            // their own join does.
            let trimmed: Vec<&str> = lines.iter().map(|l| l.trim_matches([' ', '\t'])).collect();
            let together = trimmed.join(", ");
            let a: Result<Vec<_>, _> = Challenges::parse_lines(&trimmed).collect();
            let b: Result<Vec<_>, _> = Challenges::parse(&together).collect();
            assert_eq!(a.is_ok(), b.is_ok(), "{trimmed:?}");
            if let (Ok(a), Ok(b)) = (a, b) {
                assert_eq!(a, b, "{trimmed:?}");
            }
        }
    }
    // A line may hold only params, or nothing.
    let lines = [
        "Basic realm=\"x\"",
        "",
        " , ",
        "charset=UTF-8",
        "Bearer realm=r",
        "scope=\"a b\"",
    ];
    let all: Vec<_> = Challenges::parse_lines(&lines)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].to_string(), r#"Basic realm="x", charset="UTF-8""#);
    assert_eq!(all[1].param("scope").unwrap(), "a b");
    let info = AuthenticationInfo::parse_lines(&["", "qop=auth", " ,", "nc=00000001"]).unwrap();
    assert_eq!(info.params().len(), 2);
}

/// What fails in the joined value fails split too, on the right line.
#[test]
fn field_line_errors_name_their_line() {
    // A bare scheme takes no params on the next line: "Basic, realm=x".
    let e = Challenges::parse_lines(&["Basic", "realm=x"])
        .find_map(Result::err)
        .unwrap();
    assert_eq!(
        (e.kind(), e.line(), e.offset()),
        (ErrorKind::ParamWithoutScheme, 1, 0)
    );
    assert!(e.to_string().ends_with("at byte 0 of field line 2"), "{e}");
    // Nor does a token68.
    let e = Challenges::parse_lines(&["Negotiate abc==", "realm=x"])
        .find_map(Result::err)
        .unwrap();
    assert_eq!((e.kind(), e.line()), (ErrorKind::ParamWithoutScheme, 1));
    // A bad param on a continuation line.
    let e = Challenges::parse_lines(&["Basic realm=x", "charset=\"y"])
        .find_map(Result::err)
        .unwrap();
    assert_eq!(
        (e.kind(), e.line(), e.offset()),
        (ErrorKind::UnterminatedQuotedString, 1, 10)
    );
    // The param limit counts the whole challenge, across lines.
    let opts = http_auth_headers::ParseOptions::new().max_params(2);
    let e = opts
        .parse_lines::<Challenges>(&["X a=1", "b=2", "c=3"])
        .find_map(Result::err)
        .unwrap();
    assert_eq!((e.kind(), e.line()), (ErrorKind::TooManyParams, 2));
}
