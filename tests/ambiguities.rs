//! Each ambiguity of the RFC 9110 authentication grammar, and the decision
//! this crate takes for it (see the crate docs, "Implementation notes").

use http_auth_headers::{AuthenticationInfo, Challenge, Challenges, Credentials, ErrorKind};

fn parse(v: &str) -> Vec<Challenge<'_>> {
    Challenges::new(v)
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
                    .map(|p| {
                        (
                            p.name().to_string(),
                            p.value().to_str().unwrap().into_owned(),
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
    let e = Challenges::new(v)
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
        assert_eq!(Challenges::new(v).count(), 0, "{v:?}");
    }
    assert_eq!(Challenges::from_lines(["", " , "]).count(), 0);
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
    let e = Credentials::parse("Bearer mF_9, Basic YXNk").unwrap_err();
    assert_eq!((e.kind(), e.offset()), (ErrorKind::ExpectedEnd, 11));
    let e = Credentials::parse_lines(["Bearer a", "Bearer b"]).unwrap_err();
    assert_eq!(
        (e.kind(), e.line(), e.offset()),
        (ErrorKind::MultipleCredentials, 1, 0)
    );
    let e = Credentials::parse_lines(Vec::<&str>::new()).unwrap_err();
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
    let c = Challenges::new(v).next().unwrap().unwrap();
    assert_eq!(c.param("realm").unwrap().raw(), b"caf\xe9");
    assert!(c.param("realm").unwrap().to_str().is_err());
    // Outside quotes, obs-text is not a token byte.
    let e = Challenges::new(&b"Basic realm=caf\xe9"[..])
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
    let cs: Vec<_> = Challenges::from_lines(lines)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(cs.len(), 2);
    let e = Challenges::from_lines(["Basic realm=a", "Bearer realm=\"b"])
        .find_map(Result::err)
        .unwrap();
    assert_eq!(
        (e.line(), e.offset(), e.kind()),
        (1, 15, ErrorKind::UnterminatedQuotedString)
    );
    let info = AuthenticationInfo::parse_lines(["a=1", "b=2, c=3"]).unwrap();
    assert_eq!(info.params().len(), 3);
}

#[test]
fn iterator_is_fused_after_an_error() {
    let mut it = Challenges::new("A, =, B");
    assert!(it.next().unwrap().is_ok());
    assert!(it.next().unwrap().is_err());
    assert!(it.next().is_none());
    assert!(it.next().is_none());
}
