//! The API that works without an allocator (`default-features = false`):
//! parsing, iterating, looking up, comparing and writing as text. This file
//! uses nothing that needs the `alloc` feature, so CI runs it under every
//! feature set.

use core::fmt::Write;

use http_auth_headers::{Challenges, Credentials, ErrorKind, InfoParams, ParseOptions};

/// A fixed buffer that `core::fmt` can write into.
struct Buf {
    bytes: [u8; 1024],
    len: usize,
}

impl Buf {
    fn new() -> Self {
        Buf {
            bytes: [0; 1024],
            len: 0,
        }
    }

    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..self.len]).unwrap()
    }
}

impl Write for Buf {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(core::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[test]
fn challenges_parse_iterate_and_write_without_alloc() {
    let value = r#"Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple""#;
    let mut it = Challenges::parse(value);
    let newauth = it.next().unwrap().unwrap();
    assert!(newauth.is_scheme("NEWAUTH"));
    let params = newauth.params();
    assert_eq!(params.len(), 3);
    let title = params.get("Title").unwrap();
    assert!(title.has_escapes());
    assert!(title.bytes().eq(br#"Login to "apps""#.iter().copied()));
    assert!(params.get("type").unwrap().eq_ignore_ascii_case(b"1"));
    let mut names = [""; 3];
    for (slot, p) in names.iter_mut().zip(params) {
        *slot = p.name();
    }
    assert_eq!(names, ["realm", "type", "title"]);
    let mut buf = Buf::new();
    write!(buf, "{newauth}").unwrap();
    assert_eq!(
        buf.as_str(),
        r#"Newauth realm="apps", type=1, title="Login to \"apps\"""#
    );
    let basic = it.next().unwrap().unwrap();
    assert_eq!(basic.param("realm").unwrap(), "simple");
    assert!(it.next().is_none());
    assert_ne!(newauth, basic);
}

#[test]
fn field_lines_from_an_array_without_alloc() {
    let lines = ["Basic realm=\"x\"", "", "charset=UTF-8, Bearer"];
    let mut it = Challenges::parse_lines(&lines);
    let basic = it.next().unwrap().unwrap();
    assert_eq!(basic.params().len(), 2);
    assert_eq!(basic.param("charset").unwrap(), "UTF-8");
    assert!(it.next().unwrap().unwrap().is_scheme("bearer"));
    assert!(it.next().is_none());
    let mut info = InfoParams::parse_lines(&["qop=auth", "nc=00000001"]);
    assert_eq!(info.next().unwrap().unwrap().name(), "qop");
    assert_eq!(info.next().unwrap().unwrap().value(), "00000001");
    assert!(info.next().is_none());
}

#[test]
fn credentials_and_errors_without_alloc() {
    let c = Credentials::parse("Bearer mF_9.B5f-4.1JqM").unwrap();
    assert_eq!(c.token68(), Some("mF_9.B5f-4.1JqM"));
    assert_eq!(c, Credentials::parse("bearer mF_9.B5f-4.1JqM").unwrap());
    assert_ne!(c, Credentials::parse("Bearer mF_9.B5f-4.1JqN").unwrap());
    let mut buf = Buf::new();
    write!(buf, "{c:?}").unwrap();
    assert!(!buf.as_str().contains("mF_9"), "{}", buf.as_str());

    let err = Credentials::parse("Bearer a, Basic b").unwrap_err();
    assert_eq!(
        (err.kind(), err.offset(), err.found()),
        (ErrorKind::MultipleCredentials, 10, None)
    );
    let opts = ParseOptions::new().max_value_len(3);
    let err = opts.parse::<Credentials>("Bearer abcd").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ValueTooLong);
    let err = Challenges::parse("Basic \trealm=x")
        .next()
        .unwrap()
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.offset()),
        (ErrorKind::ExpectedToken68OrParam, 6)
    );
}

/// Everything reachable from credentials redacts their values in `Debug`.
#[test]
fn credentials_params_redact_in_debug() {
    let c = Credentials::parse(
        r#"Digest username="Mufasa", response="6629fae49393a05397450978507c4ef1""#,
    )
    .unwrap();
    let mut buf = Buf::new();
    write!(
        buf,
        "{c:?} {:?} {:?} {:?}",
        c.params(),
        c.params().iter().next().unwrap(),
        c.param("response").unwrap()
    )
    .unwrap();
    assert!(!buf.as_str().contains("6629fae"), "{}", buf.as_str());
    assert!(!buf.as_str().contains("Mufasa"), "{}", buf.as_str());
    assert!(buf.as_str().contains("response"), "{}", buf.as_str());
    // Challenges have no secrets.
    let ch = Challenges::parse("Basic realm=\"WallyWorld\"")
        .next()
        .unwrap()
        .unwrap();
    let mut buf = Buf::new();
    write!(buf, "{:?}", ch.params()).unwrap();
    assert!(buf.as_str().contains("WallyWorld"), "{}", buf.as_str());
}
