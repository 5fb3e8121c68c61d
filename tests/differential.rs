//! Differential tests: the crate against the reference recognizer in
//! `tests/reference/` (RFC 9110 section 11 read literally, no shared code),
//! in both directions: the two accept and reject the same field lines, and
//! where both accept they read the same structure. How the crate is called,
//! and the known divergences (`known_core_bugs`), are in `tests/compare/`.
#![cfg(feature = "alloc")]

mod compare;
mod reference;

use compare::quoted_string_spans_lines;
use proptest::prelude::*;
use reference::{RefChallenge, RefParam};

/// The comparison of the crate with the reference, as a property.
fn check(lines: &[&[u8]]) -> Result<(), TestCaseError> {
    compare::compare(lines).map_err(TestCaseError::fail)
}

fn show(lines: &[&[u8]]) -> String {
    compare::show_lines(lines)
}

// ---------------------------------------------------------------------------
// Generators. Each renders a field value from a model of what it means, so
// that an unmutated value written only with valid separators must read back
// as its model (checked against the reference, which keeps the generators
// and the reference honest about each other).

/// A rendered field value and the structure it was written from.
#[derive(Clone, Debug)]
struct Rendered<T> {
    bytes: Vec<u8>,
    model: T,
    /// Written with valid separators only (no HTAB or missing SP after a
    /// scheme), so it must parse as `model`.
    valid: bool,
}

fn bytes(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

/// OWS in every shape: empty, SP, HTAB and runs of both.
fn ows() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => Just(Vec::new()),
        3 => Just(bytes(" ")),
        1 => Just(bytes("\t")),
        2 => prop::collection::vec(prop::sample::select(vec![b' ', b'\t']), 2..5),
    ]
}

/// The `1*SP` after a scheme, and its near-valid variants (HTAB before or
/// after the SPs, no SP at all); `true` when valid.
fn after_scheme() -> impl Strategy<Value = (Vec<u8>, bool)> {
    prop_oneof![
        8 => Just((bytes(" "), true)),
        2 => Just((bytes("   "), true)),
        1 => Just((bytes(" \t"), false)),
        1 => Just((bytes(" \t "), false)),
        1 => Just((bytes("\t"), false)),
        1 => Just((bytes("\t "), false)),
        1 => Just((Vec::new(), false)),
    ]
}

fn token() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => prop::sample::select(vec!["realm", "charset", "nonce", "a", "Realm", "type", "x-y.z"]).prop_map(bytes),
        1 => "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,6}".prop_map(|s| bytes(&s)),
    ]
}

fn scheme() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => prop::sample::select(vec!["Basic", "Bearer", "Digest", "Newauth", "DPoP", "b"]).prop_map(bytes),
        1 => "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,6}".prop_map(|s| bytes(&s)),
    ]
}

/// A token68 with 0-3 `=` of padding.
fn token68() -> impl Strategy<Value = Vec<u8>> {
    ("[A-Za-z0-9._~+/-]{1,10}", 0..4usize).prop_map(|(body, pad)| {
        let mut t = bytes(&body);
        t.extend(std::iter::repeat(b'=').take(pad));
        t
    })
}

/// A quoted-string and its unescaped value: qdtext including SP, HTAB, `,`,
/// `=` and obs-text, and quoted-pairs of every kind.
fn quoted() -> impl Strategy<Value = (Vec<u8>, Vec<u8>)> {
    let plain = prop_oneof![
        4 => prop::sample::select(b"a Z0,=;/\t!#[]~()".to_vec()),
        1 => 0x80u8..=0xff,
    ];
    let escaped = prop::sample::select(b"\"\\a, \t=\x80\xff~".to_vec());
    let piece =
        prop_oneof![3 => plain.prop_map(|b| (false, b)), 1 => escaped.prop_map(|b| (true, b))];
    prop::collection::vec(piece, 0..20).prop_map(|pieces| {
        let mut raw = vec![b'"'];
        let mut value = Vec::new();
        for (escape, b) in pieces {
            if escape {
                raw.push(b'\\');
            }
            raw.push(b);
            value.push(b);
        }
        raw.push(b'"');
        (raw, value)
    })
}

/// `token BWS "=" BWS ( token / quoted-string )`
fn auth_param() -> impl Strategy<Value = Rendered<RefParam>> {
    let value = prop_oneof![token().prop_map(|t| (t.clone(), t)), quoted()];
    (token(), ows(), ows(), value).prop_map(|(name, bws1, bws2, (raw, value))| {
        let bytes = [&name[..], &bws1, b"=", &bws2, &raw].concat();
        Rendered {
            bytes,
            model: (name, value),
            valid: true,
        }
    })
}

/// A `#element` list with empty elements and OWS around its commas; an empty
/// element is `None`.
fn list<T: Clone + std::fmt::Debug>(
    element: impl Strategy<Value = Rendered<T>>,
    max: usize,
) -> impl Strategy<Value = Rendered<Vec<T>>> {
    let element = prop_oneof![4 => element.prop_map(Some), 1 => Just(None)];
    prop::collection::vec((element, ows(), ows()), 0..max).prop_map(|elements| {
        let mut out = Rendered {
            bytes: Vec::new(),
            model: Vec::new(),
            valid: true,
        };
        for (i, (element, ows1, ows2)) in elements.into_iter().enumerate() {
            if i > 0 {
                out.bytes.extend([&ows1[..], b",", &ows2].concat());
            }
            if let Some(e) = element {
                out.bytes.extend(e.bytes);
                out.model.push(e.model);
                out.valid &= e.valid;
            }
        }
        out
    })
}

/// `auth-scheme [ 1*SP ( token68 / #auth-param ) ]`
fn challenge() -> impl Strategy<Value = Rendered<RefChallenge>> {
    let body = prop_oneof![
        1 => Just(None),
        1 => token68().prop_map(|t| Some(Err(t))),
        3 => list(auth_param(), 12).prop_map(|p| Some(Ok(p))),
    ];
    (scheme(), after_scheme(), body).prop_map(|(scheme, (sp, sp_valid), body)| {
        let mut out = Rendered {
            bytes: scheme.clone(),
            model: RefChallenge {
                scheme,
                token68: None,
                params: Vec::new(),
            },
            valid: true,
        };
        match body {
            None => {}
            Some(Err(t)) => {
                out.bytes.extend([&sp[..], &t].concat());
                out.model.token68 = Some(t);
                out.valid = sp_valid;
            }
            Some(Ok(params)) => {
                out.bytes.extend([&sp[..], &params.bytes].concat());
                out.model.params = params.model;
                out.valid = sp_valid && params.valid;
            }
        }
        out
    })
}

/// A field value with leading and trailing OWS.
fn field<T: Clone + std::fmt::Debug>(
    inner: impl Strategy<Value = Rendered<T>>,
) -> impl Strategy<Value = Rendered<T>> {
    (ows(), inner, ows()).prop_map(|(lead, mut r, trail)| {
        r.bytes = [&lead[..], &r.bytes, &trail].concat();
        r
    })
}

/// What a mutation does at its position.
#[derive(Clone, Debug)]
enum Mutation {
    Insert(prop::sample::Index, u8),
    Delete(prop::sample::Index),
    Replace(prop::sample::Index, u8),
}

/// 0-2 mutations, with the bytes that matter most to the grammar.
fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    let byte = prop_oneof![
        3 => prop::sample::select(b"\r\n\0\t \"\\,=/a\x7f\x80\xff".to_vec()),
        1 => any::<u8>(),
    ];
    let mutation = prop_oneof![
        (any::<prop::sample::Index>(), byte.clone()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<prop::sample::Index>().prop_map(Mutation::Delete),
        (any::<prop::sample::Index>(), byte).prop_map(|(i, b)| Mutation::Replace(i, b)),
    ];
    prop_oneof![2 => Just(Vec::new()), 1 => prop::collection::vec(mutation, 1..3)]
}

fn mutate(bytes: &mut Vec<u8>, mutations: &[Mutation]) {
    for m in mutations {
        match *m {
            Mutation::Insert(i, b) => bytes.insert(i.index(bytes.len() + 1), b),
            Mutation::Delete(i) if !bytes.is_empty() => {
                bytes.remove(i.index(bytes.len()));
            }
            Mutation::Replace(i, b) if !bytes.is_empty() => {
                let i = i.index(bytes.len());
                bytes[i] = b;
            }
            _ => {}
        }
    }
}

/// Splits a value into field lines at up to three of its commas outside
/// quoted-strings (each comma is dropped: joining the lines with `", "`
/// puts one back).
fn split_lines(value: &[u8], at: &[prop::sample::Index]) -> Vec<Vec<u8>> {
    let mut commas = Vec::new();
    let (mut quoted, mut escaped) = (false, false);
    for (i, &b) in value.iter().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if quoted => escaped = true,
            b'"' => quoted = !quoted,
            b',' if !quoted => commas.push(i),
            _ => {}
        }
    }
    let mut cuts: Vec<usize> = if commas.is_empty() {
        Vec::new()
    } else {
        at.iter().map(|i| commas[i.index(commas.len())]).collect()
    };
    cuts.sort_unstable();
    cuts.dedup();
    let mut lines = Vec::new();
    let mut start = 0;
    for cut in cuts {
        lines.push(value[start..cut].to_vec());
        start = cut + 1;
    }
    lines.push(value[start..].to_vec());
    lines
}

/// Where to split into lines: nowhere (one line) half of the time.
fn splits() -> impl Strategy<Value = Vec<prop::sample::Index>> {
    prop_oneof![
        Just(Vec::new()),
        prop::collection::vec(any::<prop::sample::Index>(), 1..4)
    ]
}

/// Mutates a rendered value and splits it into field lines; when it is valid
/// and unmutated, checks that the reference reads it as its model
/// (`reference_and_expected` gives what the reference read and what it should
/// have, from the lines and the model); then compares the crate with the
/// reference.
fn check_rendered<T: PartialEq + std::fmt::Debug>(
    r: Rendered<T>,
    mutations: &[Mutation],
    at: &[prop::sample::Index],
    reference_and_expected: impl Fn(&[&[u8]], T) -> (Option<T>, Option<T>),
) -> Result<(), TestCaseError> {
    let mut value = r.bytes;
    mutate(&mut value, mutations);
    let lines = split_lines(&value, at);
    let lines: Vec<&[u8]> = lines.iter().map(Vec::as_slice).collect();
    if r.valid && mutations.is_empty() {
        let (read, expected) = reference_and_expected(&lines, r.model);
        prop_assert_eq!(read, expected, "{}", show(&lines));
    }
    check(&lines)
}

// ---------------------------------------------------------------------------
// Properties.

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// `#challenge` values, with splits into lines and mutations.
    #[test]
    fn challenges_agree(r in field(list(challenge(), 4)), m in mutations(), at in splits()) {
        check_rendered(r, &m, &at, |lines, model| (reference::challenges(lines), Some(model)))?;
    }

    /// One `credentials`, with splits into lines (always an error) and
    /// mutations.
    #[test]
    fn credentials_agree(r in field(challenge()), m in mutations(), at in splits()) {
        check_rendered(r, &m, &at, |lines, model| {
            (reference::credentials(lines), (lines.len() == 1).then_some(model))
        })?;
    }

    /// `#auth-param` values, with splits into lines and mutations.
    #[test]
    fn info_agrees(r in field(list(auth_param(), 12)), m in mutations(), at in splits()) {
        check_rendered(r, &m, &at, |lines, model| (reference::info(lines), Some(model)))?;
    }

    /// Short strings over the grammar's alphabet, split on `|` into lines.
    #[test]
    fn soup_agrees(soup in prop::collection::vec(prop::sample::select(b"aB9=/!~ \t,\"\\|\r\x80".to_vec()), 0..32)) {
        let lines: Vec<&[u8]> = soup.split(|&b| b == b'|').collect();
        check(&lines)?;
    }
}

// ---------------------------------------------------------------------------
// Fixed vectors: what the reference must read (the RFC's examples and the
// crate's documented decisions), then the crate on the same vectors.

/// A vector: field lines and what they read as, `None` for an error.
type Vector<T> = (Vec<&'static [u8]>, Option<T>);

/// A challenge or credentials from string parts, for the vectors.
fn ch(scheme: &str, token68: Option<&str>, params: &[(&str, &[u8])]) -> RefChallenge {
    RefChallenge {
        scheme: bytes(scheme),
        token68: token68.map(bytes),
        params: ps(params),
    }
}

/// `#challenge` vectors.
fn challenge_vectors() -> Vec<Vector<Vec<RefChallenge>>> {
    let basic_x = ch("Basic", None, &[("realm", b"x")]);
    vec![
        // RFC 9110 section 11.6.1.
        (
            vec![
                br#"Basic realm="simple", Newauth realm="apps", type=1, title="Login to \"apps\"""#,
            ],
            Some(vec![
                ch("Basic", None, &[("realm", b"simple")]),
                ch(
                    "Newauth",
                    None,
                    &[
                        ("realm", b"apps"),
                        ("type", b"1"),
                        ("title", br#"Login to "apps""#),
                    ],
                ),
            ]),
        ),
        // Empty values and empty elements (RFC 9110 section 5.6.1.2).
        (vec![b""], Some(vec![])),
        (vec![b" , ,\t"], Some(vec![])),
        (vec![], Some(vec![])),
        (vec![b", Basic ,"], Some(vec![ch("Basic", None, &[])])),
        // Empty elements right after `scheme 1*SP` open the params.
        (vec![br#"Basic ,,realm="x""#], Some(vec![basic_x.clone()])),
        (vec![b"Basic \t, realm=x"], Some(vec![basic_x.clone()])),
        // Only `1*SP` opens the params or the token68.
        (vec![br#"Basic, realm="x""#], None),
        (vec![b"Basic\trealm=x"], None),
        (vec![b"Basic \trealm=x"], None),
        (vec![b"Basic \t realm=x"], None),
        (vec![b"Bearer \tabc"], None),
        (
            vec![b"Basic\t, x"],
            Some(vec![ch("Basic", None, &[]), ch("x", None, &[])]),
        ),
        // token68 or params; a token68 ends its challenge.
        (
            vec![b"Basic abc==="],
            Some(vec![ch("Basic", Some("abc==="), &[])]),
        ),
        (
            vec![b"Basic abc= , x"],
            Some(vec![ch("Basic", Some("abc="), &[]), ch("x", None, &[])]),
        ),
        (
            vec![b"Basic a = b"],
            Some(vec![ch("Basic", None, &[("a", b"b")])]),
        ),
        (vec![b"Basic abc, realm=x"], None),
        (vec![b"Basic abc def"], None),
        (vec![b"Basic a=b="], None),
        // After a comma in the params: `token BWS "="` is a param, else a
        // challenge starts.
        (
            vec![b"Basic realm=x, foo\t=bar"],
            Some(vec![ch("Basic", None, &[("realm", b"x"), ("foo", b"bar")])]),
        ),
        (
            vec![b"Basic realm=x, foo\t, bar"],
            Some(vec![
                basic_x.clone(),
                ch("foo", None, &[]),
                ch("bar", None, &[]),
            ]),
        ),
        (vec![b"Basic realm=x, foo\tbar=baz"], None),
        (vec![b"Basic a=b c=d"], None),
        // Quoted-strings: obs-text, quoted-pairs, control characters.
        (
            vec![b"Basic realm=\"\x80\\\xff\\\"\t\""],
            Some(vec![ch("Basic", None, &[("realm", b"\x80\xff\"\t")])]),
        ),
        (vec![b"Basic realm=\"\\\x7f\""], None),
        (vec![b"Basic realm=\"\r\""], None),
        (vec![b"Basic realm=\"x\"\0"], None),
        (vec![b"Basic realm=x="], None),
        // Field lines: one list, joined with ", ".
        (
            vec![br#"Basic realm="x""#, b"charset=UTF-8"],
            Some(vec![ch(
                "Basic",
                None,
                &[("realm", b"x"), ("charset", b"UTF-8")],
            )]),
        ),
        (
            vec![b"Basic realm=x,", b"", b" ,"],
            Some(vec![basic_x.clone()]),
        ),
        (
            vec![b"Basic abc", b"Basic"],
            Some(vec![ch("Basic", Some("abc"), &[]), ch("Basic", None, &[])]),
        ),
        (vec![b"Basic", b"realm=x"], None),
    ]
}

/// `credentials` vectors.
fn credentials_vectors() -> Vec<Vector<RefChallenge>> {
    vec![
        (
            vec![b"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="],
            Some(ch("Basic", Some("QWxhZGRpbjpvcGVuIHNlc2FtZQ=="), &[])),
        ),
        (
            vec![b" Bearer mF_9.B5f-4.1JqM \t"],
            Some(ch("Bearer", Some("mF_9.B5f-4.1JqM"), &[])),
        ),
        (
            vec![b"Digest a=b, ,c=\"d\","],
            Some(ch("Digest", None, &[("a", b"b"), ("c", b"d")])),
        ),
        (vec![b"Basic ,"], Some(ch("Basic", None, &[]))),
        (vec![b"Basic"], Some(ch("Basic", None, &[]))),
        (vec![b"Basic,"], None),
        (vec![b"Basic abc,"], None),
        (vec![b"Bearer a, Basic b"], None),
        (vec![b""], None),
        (vec![b" \t"], None),
        (vec![], None),
        (vec![b"Basic abc", b"Basic abc"], None),
        (vec![b"Basic abc", b""], None),
    ]
}

/// Params from string parts, for the vectors.
fn ps(params: &[(&str, &[u8])]) -> Vec<RefParam> {
    params.iter().map(|(n, v)| (bytes(n), v.to_vec())).collect()
}

/// `#auth-param` vectors.
fn info_vectors() -> Vec<Vector<Vec<RefParam>>> {
    vec![
        (
            vec![br#"nextnonce="abc", qop=auth, rspauth="6629fae4""#],
            Some(ps(&[
                ("nextnonce", b"abc"),
                ("qop", b"auth"),
                ("rspauth", b"6629fae4"),
            ])),
        ),
        (vec![b" , a = \"x,y\" ,,"], Some(ps(&[("a", b"x,y")]))),
        (vec![b""], Some(vec![])),
        (
            vec![b"a=b", b"", b"c=d"],
            Some(ps(&[("a", b"b"), ("c", b"d")])),
        ),
        (vec![b"a"], None),
        (vec![b"a=b c=d"], None),
        (vec![b"Basic a=b"], None),
        (vec![b"a=\"\n\""], None),
    ]
}

#[test]
fn reference_reads_the_vectors() {
    for (lines, expected) in challenge_vectors() {
        assert_eq!(reference::challenges(&lines), expected, "{}", show(&lines));
    }
    for (lines, expected) in credentials_vectors() {
        assert_eq!(reference::credentials(&lines), expected, "{}", show(&lines));
    }
    for (lines, expected) in info_vectors() {
        assert_eq!(reference::info(&lines), expected, "{}", show(&lines));
    }
}

#[test]
fn crate_agrees_on_the_vectors() {
    let vectors = challenge_vectors().into_iter().map(|(l, _)| l);
    let vectors = vectors.chain(credentials_vectors().into_iter().map(|(l, _)| l));
    for lines in vectors.chain(info_vectors().into_iter().map(|(l, _)| l)) {
        check(&lines).unwrap();
    }
}

/// The one class the comparison treats apart: a quoted-string open at the
/// end of a field line. Its minimal example, and neighbours that are not in
/// it; the crate rejects the first and agrees with the reference on the
/// others.
#[test]
fn quoted_string_spanning_lines_is_narrow() {
    let apart: [&[&[u8]]; 2] = [&[b"Basic a=\"x", b"y\""], &[b"Basic a=\"x\\\"", b"y\""]];
    for lines in apart {
        assert!(quoted_string_spans_lines(lines), "{}", show(lines));
        assert!(
            compare::crate_challenges(lines).is_none(),
            "{}",
            show(lines)
        );
    }
    let kept: [&[&[u8]]; 5] = [
        &[br#"Basic realm="x""#, b"charset=UTF-8"],
        &[b"Basic ", b"realm=x"],
        &[b"Basic a=\"x\\\\\"", b"y=z"],
        &[b"a=b", b"c=\"d"],
        &[b"Basic \t, realm=x"],
    ];
    for lines in kept {
        assert!(!quoted_string_spans_lines(lines), "{}", show(lines));
        check(lines).unwrap();
    }
}
