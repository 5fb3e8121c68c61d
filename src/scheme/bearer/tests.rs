use super::error_code::KNOWN;
use super::*;
use crate::builder::BuildError;
use crate::scheme::SchemeError;
use crate::Challenges;
use crate::{Challenge, Credentials};
use alloc::vec::Vec;

fn first(v: &str) -> Challenge<'_> {
    Challenges::parse(v).next().unwrap().unwrap()
}

fn bearer(v: &str) -> Result<BearerChallenge<'_>, SchemeError> {
    BearerChallenge::try_from(&first(v))
}

fn dpop(v: &str) -> Result<DpopChallenge<'_>, SchemeError> {
    DpopChallenge::try_from(&first(v))
}

fn entries<'a>(l: Option<SpaceList<'a>>) -> Vec<&'a str> {
    l.unwrap().iter().map(|e| e.as_str().unwrap()).collect()
}

/// RFC 6750 section 3, both examples.
#[test]
fn rfc6750_section3_examples() {
    let b = bearer(r#"Bearer realm="example""#).unwrap();
    assert_eq!(b.realm().unwrap(), "example");
    assert_eq!(
        (b.scope(), b.error(), b.error_description(), b.error_uri()),
        (None, None, None, None)
    );
    let v = r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#;
    let b = bearer(v).unwrap();
    assert_eq!(b.realm().unwrap(), "example");
    assert_eq!(b.error(), Some(ErrorCode::INVALID_TOKEN));
    assert_eq!(b.error_description().unwrap(), "The access token expired");
    let written = BearerChallenge::builder()
        .realm("example")
        .error("invalid_token")
        .error_description("The access token expired")
        .finish()
        .unwrap();
    assert_eq!(written, v);
}

/// RFC 6750 section 2.1 and RFC 9449 section 7.2 credentials.
#[test]
fn rfc_credentials_examples() {
    let c = Credentials::parse("Bearer mF_9.B5f-4.1JqM").unwrap();
    let b = BearerCredentials::try_from(&c).unwrap();
    assert_eq!(b.token(), "mF_9.B5f-4.1JqM");
    assert_eq!(
        BearerCredentials::builder(b.token()).finish().unwrap(),
        "Bearer mF_9.B5f-4.1JqM"
    );
    let v = "DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU";
    let c = Credentials::parse(v).unwrap();
    let d = DpopCredentials::try_from(&c).unwrap();
    assert_eq!(d.token(), "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU");
    assert_eq!(DpopCredentials::builder(d.token()).finish().unwrap(), v);
    // Each scheme's view refuses the other's credentials.
    assert_eq!(
        BearerCredentials::try_from(&c),
        Err(SchemeError::WrongScheme("Bearer"))
    );
}

/// RFC 9449 section 7.1, both examples.
#[test]
fn rfc9449_section7_1_examples() {
    let v = r#"DPoP algs="ES256 PS256""#;
    let d = dpop(v).unwrap();
    assert_eq!(entries(d.algs()), ["ES256", "PS256"]);
    assert_eq!(
        DpopChallenge::builder()
            .algs("ES256 PS256")
            .finish()
            .unwrap(),
        v
    );

    let v =
        r#"DPoP error="invalid_token", error_description="Invalid DPoP key binding", algs="ES256""#;
    let d = dpop(v).unwrap();
    assert_eq!(d.error(), Some(ErrorCode::INVALID_TOKEN));
    assert_eq!(d.error_description().unwrap(), "Invalid DPoP key binding");
    assert_eq!(entries(d.algs()), ["ES256"]);
    let written = DpopChallenge::builder()
        .error("invalid_token")
        .error_description("Invalid DPoP key binding")
        .algs("ES256")
        .finish()
        .unwrap();
    assert_eq!(written, v);
}

/// RFC 9449 section 7.2: several challenges in one field, each its own
/// view, the same param names in both.
#[test]
fn rfc9449_section7_2_examples() {
    let mut it = Challenges::parse(r#"Bearer, DPoP algs="ES256 PS256""#);
    let b = BearerChallenge::try_from(&it.next().unwrap().unwrap()).unwrap();
    assert_eq!(b.realm(), None);
    assert_eq!(b.error(), None);
    let d = DpopChallenge::try_from(&it.next().unwrap().unwrap()).unwrap();
    assert_eq!(entries(d.algs()), ["ES256", "PS256"]);
    assert!(it.next().is_none());

    let v = r#"Bearer error="invalid_token", error_description="Invalid token", DPoP algs="ES256 PS256""#;
    let mut it = Challenges::parse(v);
    let b = BearerChallenge::try_from(&it.next().unwrap().unwrap()).unwrap();
    assert_eq!(b.error(), Some(ErrorCode::INVALID_TOKEN));
    assert_eq!(b.error_description().unwrap(), "Invalid token");
    let d = DpopChallenge::try_from(&it.next().unwrap().unwrap()).unwrap();
    assert_eq!(d.error(), None);
    assert!(d.algs().unwrap().contains("ES256"));

    let v = r#"Bearer error="invalid_request", error_description="Multiple methods used to include access token", DPoP algs="ES256 PS256", error="invalid_request", error_description="Multiple methods used to include access token""#;
    let cs: Vec<_> = Challenges::parse(v).map(Result::unwrap).collect();
    assert_eq!(cs.len(), 2);
    let b = BearerChallenge::try_from(&cs[0]).unwrap();
    let d = DpopChallenge::try_from(&cs[1]).unwrap();
    for (error, description) in [
        (b.error(), b.error_description()),
        (d.error(), d.error_description()),
    ] {
        assert_eq!(error, Some(ErrorCode::INVALID_REQUEST));
        assert_eq!(
            description.unwrap(),
            "Multiple methods used to include access token"
        );
    }
    assert!(d.algs().unwrap().contains("PS256"));
}

/// RFC 9449 section 9.
#[test]
fn rfc9449_section9_nonce_example() {
    let v = r#"DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof""#;
    let d = dpop(v).unwrap();
    assert_eq!(d.error(), Some(ErrorCode::USE_DPOP_NONCE));
    assert_eq!(
        d.error_description().unwrap(),
        "Resource server requires nonce in DPoP proof"
    );
    assert_eq!(d.algs(), None);
}

#[test]
fn error_codes() {
    macro_rules! code {
        ($v:expr) => {
            bearer($v).unwrap().error().unwrap()
        };
    }
    assert_eq!(
        code!("Bearer error=invalid_request"),
        ErrorCode::INVALID_REQUEST
    );
    assert_eq!(
        code!("Bearer error=insufficient_scope"),
        ErrorCode::INSUFFICIENT_SCOPE
    );
    assert_eq!(
        code!("Bearer error=invalid_dpop_proof"),
        ErrorCode::INVALID_DPOP_PROOF
    );
    // Token and quoted-string forms, and needless escapes, mean the same.
    assert_eq!(
        code!(r#"Bearer error="invalid_t\oken""#),
        ErrorCode::INVALID_TOKEN
    );
    // Codes are case-sensitive; unknown ones are kept verbatim.
    let b = bearer("Bearer error=Invalid_Token").unwrap();
    let other = b.error().unwrap();
    assert_ne!(other, ErrorCode::INVALID_TOKEN);
    assert_eq!(other, ErrorCode::new("Invalid_Token"));
    assert_eq!(other.as_str(), Some("Invalid_Token"));
    let b = bearer(r#"Bearer error="x\yz""#).unwrap();
    let escaped = b.error().unwrap();
    assert_eq!(escaped.as_str(), None);
    assert_eq!(escaped.to_string(), "xyz");
    for code in KNOWN {
        let name = code.as_str().unwrap();
        assert_eq!(code.to_string(), name);
        assert_eq!(ErrorCode::new(name), code);
        let v = alloc::format!("Bearer error=\"{name}\"");
        assert_eq!(bearer(&v).unwrap().error(), Some(code));
    }
}

#[test]
fn lists_split_on_single_spaces_even_escaped() {
    let b = bearer(r#"Bearer scope="repository:samalba/my-app:pull,push""#).unwrap();
    assert_eq!(entries(b.scope()), ["repository:samalba/my-app:pull,push"]);
    let b = bearer("Bearer scope=openid").unwrap();
    assert_eq!(entries(b.scope()), ["openid"]);
    // `\ ` is an escaped SP, a delimiter after unquoting; `\b` is `b`.
    let b = bearer(r#"Bearer scope="a\ \b c""#).unwrap();
    let scope = b.scope().unwrap();
    let items: Vec<_> = scope.iter().collect();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_str(), Some("a"));
    assert_eq!(items[1], "b");
    assert!(items[1].has_escapes());
    assert_eq!(items[2], "c");
    assert!(scope.contains("b") && !scope.contains("a b"));
    assert_eq!(scope.into_iter().count(), 3);
}

#[test]
fn challenge_errors() {
    assert_eq!(bearer("Bearer abc"), Err(SchemeError::UnexpectedToken68));
    assert_eq!(dpop("DPoP abc=="), Err(SchemeError::UnexpectedToken68));
    assert_eq!(
        bearer("DPoP algs=ES256"),
        Err(SchemeError::WrongScheme("Bearer"))
    );
    assert_eq!(dpop("Bearer"), Err(SchemeError::WrongScheme("DPoP")));
    for (name, _) in BEARER_ATTRS {
        let v = alloc::format!("Bearer {name}=a, {}=b", name.to_uppercase());
        assert_eq!(bearer(&v), Err(SchemeError::DuplicateParam(name)), "{v}");
    }
    assert_eq!(
        dpop("DPoP algs=ES256, algs=PS256"),
        Err(SchemeError::DuplicateParam("algs"))
    );
    // For Bearer, `algs` is an unknown param: ignored, repeats and all.
    assert!(bearer("Bearer algs=x, algs=y, foo=1").is_ok());
    assert_eq!(bearer("bearer").unwrap().realm(), None);

    let invalid = [
        (r#"Bearer scope="""#, "scope"),
        (r#"Bearer scope="a  b""#, "scope"),
        (r#"Bearer scope=" a""#, "scope"),
        (r#"Bearer scope="a ""#, "scope"),
        (r#"Bearer scope="a\"b""#, "scope"),
        (r#"Bearer scope="a\\b""#, "scope"),
        ("Bearer scope=\"\u{e9}\"", "scope"),
        (r#"Bearer error="""#, "error"),
        (r#"Bearer error="a\"b""#, "error"),
        (
            "Bearer error_description=\"expir\u{e9}\"",
            "error_description",
        ),
        (r#"Bearer error_description="a\\b""#, "error_description"),
        (r#"Bearer error_uri="http://x/ y""#, "error_uri"),
        (r#"Bearer error_uri="""#, "error_uri"),
    ];
    for (v, name) in invalid {
        assert_eq!(bearer(v), Err(SchemeError::InvalidParam(name)), "{v}");
    }
    assert_eq!(
        dpop(r#"DPoP algs="ES256  PS256""#),
        Err(SchemeError::InvalidParam("algs"))
    );
    // Characters allowed at the edges of each set.
    let b = bearer(r##"Bearer scope="! # [ ] ~", error=" !#[]~", error_uri="!#[]~""##).unwrap();
    assert_eq!(entries(b.scope()), ["!", "#", "[", "]", "~"]);
    assert_eq!(b.error_description(), None);
    // Realm is free text.
    assert_eq!(
        bearer(r#"Bearer realm="a \"b\" \\ é""#)
            .unwrap()
            .realm()
            .unwrap(),
        "a \"b\" \\ é"
    );
}

#[test]
fn credential_errors() {
    let creds = |v| BearerCredentials::try_from(&Credentials::parse(v).unwrap());
    assert_eq!(creds("Bearer"), Err(SchemeError::ExpectedToken68));
    assert_eq!(creds("Bearer token=abc"), Err(SchemeError::ExpectedToken68));
    assert_eq!(creds("Basic YTpi"), Err(SchemeError::WrongScheme("Bearer")));
    assert_eq!(creds("BEARER a/b+c==").unwrap().token(), "a/b+c==");
    let dpop = |v| DpopCredentials::try_from(&Credentials::parse(v).unwrap());
    assert_eq!(dpop("DPoP a=b, c=d"), Err(SchemeError::ExpectedToken68));
    assert_eq!(dpop("dpop x").unwrap().token(), "x");
}

#[test]
fn debug_redacts_tokens() {
    let c = Credentials::parse("Bearer s3cr3t.t0ken").unwrap();
    let d = alloc::format!("{:?}", BearerCredentials::try_from(&c).unwrap());
    assert!(!d.contains("s3cr3t") && d.contains("redacted"), "{d}");
    let c = Credentials::parse("DPoP s3cr3t.t0ken").unwrap();
    let d = alloc::format!("{:#?}", DpopCredentials::try_from(&c).unwrap());
    assert!(!d.contains("s3cr3t") && d.contains("redacted"), "{d}");
}

#[test]
fn writers_refuse_what_rfc6750_forbids() {
    let b = BearerChallenge::builder;
    let refused = [
        (b().scope(""), "scope"),
        (b().scope("a  b"), "scope"),
        (b().scope(" a"), "scope"),
        (b().scope("a\"b"), "scope"),
        (b().scope("a\\b"), "scope"),
        (b().scope("é"), "scope"),
        (b().error(""), "error"),
        (b().error("a\"b"), "error"),
        (b().error("a\tb"), "error"),
        (b().error_description("a\\b"), "error_description"),
        (b().error_description("é"), "error_description"),
        (b().error_uri("http://x/ y"), "error_uri"),
    ];
    for (builder, name) in refused {
        let shown = format!("{builder:?}");
        assert_eq!(
            builder.finish(),
            Err(BuildError::SchemeValue(name)),
            "{shown}"
        );
    }
    assert_eq!(
        DpopChallenge::builder().algs("ES256 ").finish(),
        Err(BuildError::SchemeValue("algs"))
    );
    assert_eq!(b().realm("a\r\nb").finish(), Err(BuildError::InvalidValue));
    assert_eq!(
        BearerCredentials::builder("").finish(),
        Err(BuildError::InvalidToken68)
    );
    assert_eq!(
        BearerCredentials::builder("a=b").finish(),
        Err(BuildError::InvalidToken68)
    );
    assert_eq!(
        DpopCredentials::builder("a,b").finish(),
        Err(BuildError::InvalidToken68)
    );
}

#[test]
fn writers_write_every_attribute() {
    let v = DpopChallenge::builder()
        .algs("ES256")
        .error_uri("https://example.com/e#1")
        .error_description("no")
        .error("insufficient_scope")
        .scope("a b")
        .realm("r \"q\"")
        .finish()
        .unwrap();
    assert_eq!(
        v,
        r#"DPoP realm="r \"q\"", scope="a b", error="insufficient_scope", error_description="no", error_uri="https://example.com/e#1", algs="ES256""#
    );
    let d = dpop(&v).unwrap();
    assert_eq!(d.realm().unwrap(), "r \"q\"");
    assert_eq!(entries(d.scope()), ["a", "b"]);
    assert_eq!(d.error(), Some(ErrorCode::INSUFFICIENT_SCOPE));
    assert_eq!(d.error_description().unwrap(), "no");
    assert_eq!(d.error_uri().unwrap(), "https://example.com/e#1");
    assert_eq!(entries(d.algs()), ["ES256"]);
    assert_eq!(DpopChallenge::builder().finish().unwrap(), "DPoP");
}

/// RFC 9470 section 3, both examples.
#[test]
fn rfc9470_step_up_examples() {
    let v = r#"Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="myACR""#;
    let b = bearer(v).unwrap();
    assert_eq!(b.error(), Some(ErrorCode::INSUFFICIENT_USER_AUTHENTICATION));
    assert_eq!(entries(b.acr_values()), ["myACR"]);
    assert_eq!(b.max_age(), None);
    let written = BearerChallenge::builder()
        .error("insufficient_user_authentication")
        .error_description("A different authentication level is required")
        .acr_values("myACR")
        .finish()
        .unwrap();
    assert_eq!(written, v);

    let v = r#"Bearer error="insufficient_user_authentication", error_description="More recent authentication is required", max_age="5""#;
    let b = bearer(v).unwrap();
    assert_eq!(b.max_age(), Some(5));
    assert_eq!(b.acr_values(), None);
    let written = BearerChallenge::builder()
        .error("insufficient_user_authentication")
        .error_description("More recent authentication is required")
        .max_age(5)
        .finish()
        .unwrap();
    assert_eq!(written, v);
    // DPoP has them too, before `algs`.
    let v = DpopChallenge::builder()
        .algs("ES256")
        .max_age(0)
        .acr_values("a b")
        .finish()
        .unwrap();
    assert_eq!(v, r#"DPoP acr_values="a b", max_age="0", algs="ES256""#);
    let d = dpop(&v).unwrap();
    assert_eq!(
        (entries(d.acr_values()), d.max_age()),
        (alloc::vec!["a", "b"], Some(0))
    );
}

#[test]
fn max_age_and_acr_values_are_checked() {
    assert_eq!(
        bearer("Bearer max_age=18446744073709551615")
            .unwrap()
            .max_age(),
        Some(u64::MAX)
    );
    for v in [
        "Bearer max_age=18446744073709551616",
        "Bearer max_age=-1",
        "Bearer max_age=1.5",
        r#"Bearer max_age="""#,
        r#"Bearer max_age=" 5""#,
    ] {
        assert_eq!(bearer(v), Err(SchemeError::InvalidParam("max_age")), "{v}");
    }
    assert_eq!(
        bearer(r#"Bearer acr_values="a  b""#),
        Err(SchemeError::InvalidParam("acr_values"))
    );
    assert_eq!(
        BearerChallenge::builder().acr_values("").finish(),
        Err(BuildError::SchemeValue("acr_values"))
    );
    let written = BearerChallenge::builder()
        .max_age(u64::MAX)
        .finish()
        .unwrap();
    assert_eq!(bearer(&written).unwrap().max_age(), Some(u64::MAX));
}

#[test]
fn extension_params() {
    let url = "https://resource.example.com/.well-known/oauth-protected-resource";
    let v = BearerChallenge::builder()
        .realm("mcp")
        .param("resource_metadata", url)
        .param("x", "token")
        .finish()
        .unwrap();
    assert_eq!(
        v,
        alloc::format!(r#"Bearer realm="mcp", resource_metadata="{url}", x="token""#)
    );
    let b = bearer(&v).unwrap();
    assert_eq!(b.as_challenge().param("resource_metadata").unwrap(), url);
    assert_eq!(b.as_challenge().param("x").unwrap(), "token");

    let b = BearerChallenge::builder;
    for name in [
        "realm",
        "SCOPE",
        "error",
        "error_description",
        "error_uri",
        "acr_values",
        "max_age",
    ] {
        assert_eq!(
            b().param(name, "x").finish(),
            Err(BuildError::DuplicateParam),
            "{name}"
        );
        assert_eq!(
            DpopChallenge::builder().param(name, "x").finish(),
            Err(BuildError::DuplicateParam),
            "{name}"
        );
    }
    assert_eq!(
        DpopChallenge::builder().param("Algs", "x").finish(),
        Err(BuildError::DuplicateParam)
    );
    // Bearer defines no `algs`: an extension there.
    assert_eq!(
        b().param("algs", "x").finish().unwrap(),
        r#"Bearer algs="x""#
    );
    assert_eq!(
        b().param("a", "1").param("A", "2").finish(),
        Err(BuildError::DuplicateParam)
    );
    assert_eq!(
        b().param("a b", "1").finish(),
        Err(BuildError::InvalidParamName)
    );
    assert_eq!(
        b().param("", "1").finish(),
        Err(BuildError::InvalidParamName)
    );
    assert_eq!(
        b().param("a", "x\ny").finish(),
        Err(BuildError::InvalidValue)
    );
    // Quoted even when empty or token-shaped, escaped when needed.
    assert_eq!(
        b().param("a", "")
            .param("b", r#"say "hi""#)
            .finish()
            .unwrap(),
        r#"Bearer a="", b="say \"hi\"""#
    );
}

#[test]
fn views_keep_the_challenge_and_compare_defined_attributes() {
    let c = first(r#"Bearer realm="r", scope="a b", foo=1"#);
    let owned = BearerChallenge::try_from(c.clone()).unwrap();
    let borrowed = BearerChallenge::try_from(&c).unwrap();
    assert_eq!(owned.as_challenge(), &c);
    assert_eq!(owned, borrowed);
    // Unknown params are not compared; defined ones are, unescaped.
    assert_eq!(owned, bearer(r#"Bearer scope="a \b", realm=r"#).unwrap());
    assert_ne!(owned, bearer(r#"Bearer realm="r", scope="a""#).unwrap());
    assert_ne!(
        dpop("DPoP algs=ES256").unwrap(),
        dpop("DPoP algs=PS256").unwrap()
    );
    assert_ne!(
        bearer("Bearer max_age=1").unwrap(),
        bearer("Bearer max_age=2").unwrap()
    );
}

#[test]
fn tokens_compare_in_constant_time_helpers() {
    let c = Credentials::parse("Bearer s3cr3t.t0ken").unwrap();
    let b = BearerCredentials::try_from(c.clone()).unwrap();
    assert!(b.token_matches("s3cr3t.t0ken"));
    for wrong in [
        "",
        "s3cr3t.t0ke",
        "s3cr3t.t0keN",
        "S3cr3t.t0ken",
        "s3cr3t.t0ken ",
    ] {
        assert!(!b.token_matches(wrong), "{wrong}");
    }
    assert_eq!(b.as_credentials(), &c);
    assert_eq!(b, BearerCredentials::try_from(&c).unwrap());
    let other = Credentials::parse("Bearer s3cr3t.t0keN").unwrap();
    assert_ne!(b, BearerCredentials::try_from(&other).unwrap());
    let d = Credentials::parse("DPoP s3cr3t.t0ken").unwrap();
    let d = DpopCredentials::try_from(d).unwrap();
    assert!(d.token_matches("s3cr3t.t0ken") && !d.token_matches("s3cr3t"));
}
