//! Malformed field values: each fails with the expected kind at the expected
//! byte offset, and the message names what was expected and what was found.
#![cfg(feature = "alloc")]

use http_auth_headers::{
    AuthenticationInfo, Challenges, Credentials, Error, ErrorKind, ErrorKind::*,
};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Field {
    Challenges,
    Credentials,
    Info,
}
use Field::*;

fn first_error(field: Field, input: &[u8]) -> Option<Error> {
    match field {
        Challenges => Challenges::parse(input).find_map(Result::err),
        Credentials => Credentials::parse(input).err(),
        Info => AuthenticationInfo::parse(input).err(),
    }
}

const CASES: &[(Field, &[u8], ErrorKind, usize)] = &[
    // Schemes.
    (Challenges, b"=Basic", ExpectedScheme, 0),
    (Challenges, b"\"Basic\"", ExpectedScheme, 0),
    (Challenges, b"Basic realm=x, (x)", ExpectedScheme, 15),
    (Challenges, b"@", ExpectedScheme, 0),
    (Credentials, b", Basic abc", ExpectedScheme, 0),
    (Credentials, b"{}", ExpectedScheme, 0),
    (Challenges, b"\xc3\xa9 realm=x", ExpectedScheme, 0),
    // After the scheme.
    (Challenges, b"Basic\trealm=x", ExpectedSpaceAfterScheme, 5),
    (Challenges, b"HOBA:", ExpectedSpaceAfterScheme, 4),
    (Challenges, b"Basic;realm=x", ExpectedSpaceAfterScheme, 5),
    (Credentials, b"Bearer\tabc", ExpectedSpaceAfterScheme, 6),
    (Challenges, b"Basic\"x\"", ExpectedSpaceAfterScheme, 5),
    // Token68 or params expected.
    (Challenges, b"Basic \"x\"", ExpectedToken68OrParam, 6),
    (Challenges, b"Basic (x)", ExpectedToken68OrParam, 6),
    (Challenges, b"Basic ;", ExpectedToken68OrParam, 6),
    (Credentials, b"Basic ==", ParamWithoutScheme, 0),
    (Credentials, b"Digest @x=y", ExpectedToken68OrParam, 7),
    // Param values.
    (
        Challenges,
        b"Basic realm=x, charset=",
        ExpectedParamValue,
        23,
    ),
    (
        Challenges,
        b"Basic realm=x, charset=,",
        ExpectedParamValue,
        23,
    ),
    (Challenges, b"Basic realm=x, a=(b)", ExpectedParamValue, 17),
    (Challenges, b"Basic realm='x y'", ExpectedComma, 15),
    (Info, b"a=", ExpectedParamValue, 2),
    (Info, b"a = ;", ExpectedParamValue, 4),
    // Separators.
    (Challenges, b"Basic realm=\"x\" y", ExpectedComma, 16),
    (Challenges, b"Basic realm=x;y=z", ExpectedComma, 13),
    (Challenges, b"Basic realm=x y=z", ExpectedComma, 14),
    (Challenges, b"Basic abc def", ExpectedComma, 10),
    (
        Challenges,
        b"Basic realm=Restricted Area",
        ExpectedComma,
        23,
    ),
    (
        Challenges,
        b"Bearer authorization_uri=https://login",
        ExpectedComma,
        30,
    ),
    (Info, b"a=1 b=2", ExpectedComma, 4),
    (Info, b"rspauth=\"x\"\"y\"", ExpectedComma, 11),
    (Credentials, b"Basic abc def", ExpectedEnd, 10),
    (Credentials, b"Basic abc,", ExpectedEnd, 9),
    (
        Credentials,
        b"Bearer abc, Basic def",
        MultipleCredentials,
        12,
    ),
    // Params where only a challenge may start.
    (Challenges, b"realm=\"x\"", ParamWithoutScheme, 0),
    (Challenges, b"realm = x", ParamWithoutScheme, 0),
    (Challenges, b"Basic, realm=x", ParamWithoutScheme, 7),
    (Challenges, b"Negotiate abc, a=b", ParamWithoutScheme, 15),
    (Info, b"Digest qop=auth", ExpectedEquals, 7),
    (Info, b"\"x\"", ExpectedParam, 0),
    (Info, b"a=1, b", ExpectedEquals, 6),
    (Info, b"a=1, =b", ExpectedParam, 5),
    // Quoted-strings.
    (Challenges, b"Basic realm=\"x", UnterminatedQuotedString, 14),
    (
        Challenges,
        b"Basic realm=\"x\\\"",
        UnterminatedQuotedString,
        16,
    ),
    (
        Challenges,
        b"Basic realm=\"x\\",
        UnterminatedQuotedString,
        15,
    ),
    (
        Credentials,
        b"Digest username=\"Mufasa",
        UnterminatedQuotedString,
        23,
    ),
    (Info, b"nextnonce=\"", UnterminatedQuotedString, 11),
    (Challenges, b"Basic realm=\"a\\\x01\"", ControlCharacter, 15),
    // Control characters.
    (Challenges, b"Basic realm=\"a\rb\"", ControlCharacter, 14),
    (Challenges, b"Basic realm=\"a\nb\"", ControlCharacter, 14),
    (Challenges, b"Basic realm=\"a\x00b\"", ControlCharacter, 14),
    (Challenges, b"Basic realm=\"a\x7fb\"", ControlCharacter, 14),
    (Challenges, b"Basic realm=\"a\x1bb\"", ControlCharacter, 14),
    (Challenges, b"Basic\r\n realm=x", ControlCharacter, 5),
    (Credentials, b"Basic YWJj\n", ControlCharacter, 10),
    (Credentials, b"\x00Basic", ControlCharacter, 0),
    (Info, b"a=b\r", ControlCharacter, 3),
    // Credentials.
    (Credentials, b"", MissingCredentials, 0),
    (Credentials, b" \t ", MissingCredentials, 3),
    (Credentials, b"Digest a=1, Basic", MultipleCredentials, 12),
    (Credentials, b"Basic , Bearer", MultipleCredentials, 8),
];

#[test]
fn malformed_inputs_fail_where_expected() {
    let mut checked = 0;
    for &(field, input, kind, offset) in CASES {
        let err = first_error(field, input)
            .unwrap_or_else(|| panic!("{field:?} {:?} parsed", String::from_utf8_lossy(input)));
        assert_eq!(
            (err.kind(), err.offset()),
            (kind, offset),
            "{field:?} {:?}: {err}",
            String::from_utf8_lossy(input)
        );
        // Credentials are secret: their errors name no byte.
        let found = match field {
            Credentials => None,
            _ => input.get(offset).copied(),
        };
        assert_eq!(err.found(), found, "{:?}", String::from_utf8_lossy(input));
        if field == Credentials && offset < input.len() {
            let shown = format!("{err} {err:?} {}", err.display_with(input));
            assert!(!shown.contains("found '"), "{shown}");
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} malformed cases");
}

/// `realm=` with nothing after it is the token68 `realm=`, legal by the
/// grammar; followed by `, x=1` it becomes a token68 with a param after it.
#[test]
fn bare_equals_is_a_token68() {
    let c = Challenges::parse("Basic realm=").next().unwrap().unwrap();
    assert_eq!(c.token68(), Some("realm="));
    let err = Challenges::parse("Basic realm= , x=1")
        .find_map(Result::err)
        .unwrap();
    assert_eq!((err.kind(), err.offset()), (ParamWithoutScheme, 15));
}

#[test]
fn messages_say_what_was_expected_and_found() {
    let err = first_error(Challenges, b"Basic realm=\"a\rb\"").unwrap();
    assert_eq!(
        err.to_string(),
        "control character not allowed in a field value, found CR (0x0D) at byte 14"
    );
    let err = first_error(Credentials, b"Basic abc,").unwrap();
    assert_eq!(err.to_string(), "expected the end of the value, at byte 9");
    assert!(first_error(Challenges, b"Basic realm=").is_none());
    let err = first_error(Challenges, b"Basic realm=x, charset=").unwrap();
    assert_eq!(
        err.to_string(),
        "expected a token or quoted-string as the auth-param value, found end of value at byte 23"
    );
}

#[test]
fn errors_do_not_borrow_the_input() {
    fn boxed(v: String) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        Credentials::parse(&v)?;
        Ok(())
    }
    assert!(boxed("Basic a b".to_string()).is_err());
}
