//! Grammar unit tests: the byte-class table and each rule.

use super::*;

const LIMITS: Limits = Limits {
    max_params: usize::MAX,
    max_value_len: usize::MAX,
};

#[test]
fn table_matches_the_abnf() {
    for b in 0..=255u8 {
        let tchar = b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
        assert_eq!(is(b, TCHAR), tchar, "tchar {b:#x}");
        let t68 = b.is_ascii_alphanumeric() || b"-._~+/".contains(&b);
        assert_eq!(is(b, T68), t68, "token68 {b:#x}");
        let qd = matches!(b, b'\t' | b' ' | 0x21 | 0x23..=0x5b | 0x5d..=0x7e | 0x80..=0xff);
        assert_eq!(is(b, QDTEXT), qd, "qdtext {b:#x}");
        let esc = matches!(b, b'\t' | 0x20..=0x7e | 0x80..=0xff);
        assert_eq!(is(b, ESCAPABLE), esc, "escapable {b:#x}");
        assert_eq!(is(b, CTL), b.is_ascii_control() && b != b'\t', "ctl {b:#x}");
        // tchar is a subset of qdtext, and qdtext of what can be escaped.
        if tchar {
            assert!(qd);
        }
        if qd {
            assert!(esc);
        }
    }
}

#[test]
fn token_rule() {
    assert_eq!(
        token(b"Basic realm").unwrap(),
        (&b" realm"[..], &b"Basic"[..])
    );
    assert_eq!(
        token(b"a!#$%&'*+-.^_`|~1,").unwrap().1,
        b"a!#$%&'*+-.^_`|~1"
    );
    assert!(token(b"").is_err());
    assert!(token(b"=x").is_err());
    assert!(token(b"\"x").is_err());
    assert!(is_token(b"UTF-8''J%C3%A4s"));
    assert!(!is_token(b"a b"));
    assert!(!is_token(b""));
}

#[test]
fn token68_rule() {
    assert_eq!(
        token68_run(b"QWxh==,").unwrap(),
        (&b","[..], &b"QWxh=="[..])
    );
    assert_eq!(token68_run(b"a.b_c~d+e/f-g").unwrap().1, b"a.b_c~d+e/f-g");
    assert!(token68_run(b"=abc").is_err());
    assert!(is_token68(b"abc=="));
    assert!(!is_token68(b"a=b"));
    assert!(!is_token68(b"=="));
}

#[test]
fn quoted_string_rule() {
    let (rest, (inner, esc)) = quoted_string(br#""abc" x"#).unwrap();
    assert_eq!((rest, inner, esc), (&b" x"[..], &b"abc"[..], false));
    let (_, (inner, esc)) = quoted_string(br#""a\"b\\c""#).unwrap();
    assert_eq!((inner, esc), (&br#"a\"b\\c"#[..], true));
    let (_, (inner, _)) = quoted_string(b"\"\"").unwrap();
    assert_eq!(inner, b"");
    let (_, (inner, _)) = quoted_string(b"\"caf\xc3\xa9 \xff\t,\"").unwrap();
    assert_eq!(inner, b"caf\xc3\xa9 \xff\t,");
    // Failures, committed, at the right place.
    let err = |i: &'static [u8]| match quoted_string(i) {
        Err(nom::Err::Failure(e)) => (i.len() - e.rest.len(), e.kind),
        other => panic!("{other:?}"),
    };
    assert_eq!(err(b"\"abc"), (4, ErrorKind::UnterminatedQuotedString));
    assert_eq!(err(b"\"abc\\"), (5, ErrorKind::UnterminatedQuotedString));
    assert_eq!(err(b"\"a\rb\""), (2, ErrorKind::ControlCharacter));
    assert_eq!(err(b"\"a\\\nb\""), (3, ErrorKind::InvalidQuotedPair));
    assert_eq!(err(b"\"a\x00\""), (2, ErrorKind::ControlCharacter));
    assert!(matches!(quoted_string(b"abc"), Err(nom::Err::Error(_))));
}

#[test]
fn auth_param_rule() {
    let (rest, (name, v)) = auth_param(b"realm = \"x\" , y").unwrap();
    assert_eq!(
        (rest, name, v.raw, v.quoted),
        (&b" , y"[..], &b"realm"[..], &b"x"[..], true)
    );
    let (_, (_, v)) = auth_param(b"algorithm=SHA-256").unwrap();
    assert_eq!((v.raw, v.quoted), (&b"SHA-256"[..], false));
    assert!(matches!(auth_param(b"Basic x"), Err(nom::Err::Error(_))));
    assert!(matches!(auth_param(b"a=,"), Err(nom::Err::Failure(_))));
    assert!(starts_param(b"a =x"));
    assert!(starts_param(b"a\t= x"));
    assert!(!starts_param(b"a x=y"));
    assert!(!starts_param(b"=x"));
}

#[test]
fn skip_empty() {
    assert_eq!(skip_empty_elements(b" ,\t, ,x"), b"x");
    assert_eq!(skip_empty_elements(b" , "), b"");
    assert_eq!(ows(b" \t x "), b"x ");
}

fn body(i: &str, ctx: Context) -> Result<(&str, Body<'_>), (usize, ErrorKind)> {
    match item(i.as_bytes(), ctx, &LIMITS) {
        Ok((rest, parsed)) => Ok((&i[i.len() - rest.len()..], parsed.body)),
        Err(nom::Err::Failure(e) | nom::Err::Error(e)) => Err((i.len() - e.rest.len(), e.kind)),
        Err(nom::Err::Incomplete(_)) => unreachable!(),
    }
}

#[test]
fn item_bodies() {
    use Context::*;
    assert_eq!(body("Basic", List), Ok(("", Body::Empty)));
    assert_eq!(body("Basic , Bearer", List), Ok(("Bearer", Body::Empty)));
    assert_eq!(body("Basic,Bearer", List), Ok(("Bearer", Body::Empty)));
    assert_eq!(
        body("Basic abc== , X", List),
        Ok(("X", Body::Token68(b"abc==")))
    );
    assert_eq!(
        body("Basic a=b, X", List),
        Ok(("X", Body::Params(b"a=b", 1)))
    );
    assert_eq!(
        body("Basic a=b, c = \"d\" ,, X y", List),
        Ok(("X y", Body::Params(b"a=b, c = \"d\"", 2)))
    );
    assert_eq!(body("Basic ,,a=b", List), Ok(("", Body::Params(b"a=b", 1))));
    assert_eq!(body("Basic a= ", List), Ok(("", Body::Token68(b"a="))));
    assert_eq!(
        body("Basic\tx", List),
        Err((5, ErrorKind::ExpectedSpaceAfterScheme))
    );
    assert_eq!(body("Basic x y", List), Err((8, ErrorKind::ExpectedComma)));
    assert_eq!(body("Basic x y", Single), Err((8, ErrorKind::ExpectedEnd)));
    assert_eq!(body("Basic x,", Single), Err((7, ErrorKind::ExpectedEnd)));
    assert_eq!(
        body("Basic \"x\"", List),
        Err((6, ErrorKind::ExpectedToken68OrParam))
    );
    assert_eq!(
        body("realm=x", List),
        Err((0, ErrorKind::ParamWithoutScheme))
    );
    assert_eq!(body("Basic a=", List), Ok(("", Body::Token68(b"a="))));
    assert_eq!(body("Basic a=b=", List), Err((9, ErrorKind::ExpectedComma)));
    assert_eq!(
        body("Basic a=,b=c", List),
        Ok(("b=c", Body::Token68(b"a=")))
    );
}

#[test]
fn limits_apply() {
    let limits = Limits {
        max_params: 2,
        max_value_len: 3,
    };
    let e = |i: &'static str| match item(i.as_bytes(), Context::List, &limits) {
        Err(nom::Err::Failure(e)) => (i.len() - e.rest.len(), e.kind),
        other => panic!("{other:?}"),
    };
    assert_eq!(e("X a=1, b=2, c=3"), (12, ErrorKind::TooManyParams));
    assert_eq!(e("X a=\"1234\""), (4, ErrorKind::ValueTooLong));
    assert_eq!(e("X a=1234"), (4, ErrorKind::ValueTooLong));
    assert_eq!(e("X abcd=="), (2, ErrorKind::ValueTooLong));
    assert!(item(b"X a=\"123\", b=abc", Context::List, &limits).is_ok());
}

#[test]
#[cfg(feature = "alloc")]
fn canonical_writer() {
    let mut out = Vec::new();
    let v = RawValue {
        raw: br#"\a\"b"#,
        quoted: true,
        escaped: true,
    };
    write_value(&mut out, &v, false).unwrap();
    assert_eq!(out, br#""a\"b""#);
    let mut s = String::new();
    write_quoted_text(&mut s, r#"x"y\z"#).unwrap();
    assert_eq!(s, r#""x\"y\\z""#);
    assert!(is_quotable(b"a \"\\\t\xff"));
    assert!(!is_quotable(b"a\r"));
}

#[test]
fn qdtext_run_matches_the_table() {
    // Every byte value at every position of a 20-byte run, against the
    // byte-by-byte definition.
    for b in 0..=255u8 {
        for pos in 0..20 {
            let mut v = [b'a'; 20];
            v[pos] = b;
            let want = v.iter().take_while(|&&c| is(c, QDTEXT)).count();
            assert_eq!(qdtext_run(&v), want, "byte {b:#x} at {pos}");
        }
    }
    assert_eq!(qdtext_run(b""), 0);
    assert_eq!(qdtext_run("é\u{80}xyz\u{7ff}abc\"".as_bytes()), 12);
}

/// Text written through the sink in pieces, split at every position.
fn text_in_pieces(bytes: &[u8], cuts: &[usize]) -> String {
    struct W(String);
    impl fmt::Write for W {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0.push_str(s);
            Ok(())
        }
    }
    let mut w = W(String::new());
    let mut sink = TextSink::new(&mut w);
    let mut at = 0;
    for &cut in cuts.iter().chain([&bytes.len()]) {
        sink.put(&bytes[at..cut]).unwrap();
        at = cut;
    }
    sink.finish().unwrap();
    w.0
}

#[test]
fn text_sink_matches_lossy_decoding_however_split() {
    let cases: [&[u8]; 7] = [
        b"a\xffb",
        "caf\u{e9} \u{20ac}\u{1f600}".as_bytes(),
        b"\xe2\x82",
        b"\xe2\x82x\xf0\x9f\x98",
        b"\xe2\xe2\x82\xac",
        b"\xc3",
        b"\x80\xbf\xc0\xaf",
    ];
    for bytes in cases {
        let want = String::from_utf8_lossy(bytes).into_owned();
        assert_eq!(text_in_pieces(bytes, &[]), want, "{bytes:?}");
        for cut in 0..=bytes.len() {
            assert_eq!(text_in_pieces(bytes, &[cut]), want, "{bytes:?} cut {cut}");
            for cut2 in cut..=bytes.len() {
                assert_eq!(
                    text_in_pieces(bytes, &[cut, cut2]),
                    want,
                    "{bytes:?} {cut} {cut2}"
                );
            }
        }
    }
}

#[test]
fn next_valid_param_reads_what_item_validated() {
    let src = br#" , a = "x\"y" ,b=tok, c="" "#;
    let (rest, name, v) = next_valid_param(src).unwrap();
    assert_eq!(
        (name, v.raw, v.quoted, v.escaped),
        (&b"a"[..], &br#"x\"y"#[..], true, true)
    );
    let (rest, name, v) = next_valid_param(rest).unwrap();
    assert_eq!((name, v.raw, v.quoted), (&b"b"[..], &b"tok"[..], false));
    let (rest, name, v) = next_valid_param(rest).unwrap();
    assert_eq!((name, v.raw, v.quoted), (&b"c"[..], &b""[..], true));
    assert!(next_valid_param(rest).is_none());
    // Malformed input (never produced by a validated list) ends cleanly.
    assert!(next_valid_param(b"a=\"x\\").is_none());
    assert!(next_valid_param(b"a=").is_none());
    assert!(next_valid_param(b"a").is_none());
}

/// The reading of [`next_valid_param`] before its canonical fast paths:
/// the reference it is compared with.
#[allow(clippy::type_complexity)]
fn next_valid_param_reference(i: &[u8]) -> Option<(&[u8], &[u8], RawValue<'_>)> {
    let start = run(i, 0, SEP);
    if !is_tchar(*i.get(start)?) {
        return None;
    }
    let eq = find(i, start, |x| equal(x, b'='), |b| b == b'=');
    if eq >= i.len() {
        return None;
    }
    let mut name_end = eq;
    while name_end > start && is(i[name_end - 1], WS) {
        name_end -= 1;
    }
    let value = run(i, eq + 1, WS);
    let name = &i[start..name_end];
    if i.get(value) == Some(&b'"') {
        let mut at = value + 1;
        let mut escaped = false;
        loop {
            at = quote_or_backslash_at(i, at);
            match i.get(at)? {
                b'"' => break,
                _ => {
                    escaped = true;
                    at += 2;
                }
            }
        }
        return Some((
            i.get(at + 1..)?,
            name,
            RawValue {
                raw: &i[value + 1..at],
                quoted: true,
                escaped,
            },
        ));
    }
    // A token value ends at OWS, a comma or the end.
    let end = find(
        i,
        value,
        |x| equal(x, b',') | equal(x, b' ') | equal(x, b'\t'),
        |b| is(b, SEP),
    );
    if end == value {
        return None;
    }
    Some((
        &i[end..],
        name,
        RawValue {
            raw: &i[value..end],
            quoted: false,
            escaped: false,
        },
    ))
}

/// [`next_valid_param`] reads what its reference reads, param by param, on
/// validated lists: every combination of separators (none, canonical,
/// others), names of several lengths, BWS, token and quoted values (with
/// escapes), around every length that crosses an eight-byte word, and on
/// every suffix of each list.
#[test]
fn next_valid_param_matches_its_reference() {
    let seps = ["", ", ", ",", " , ", ",, ", "\t,", " ", ",  \t, "];
    let names = ["a", "realm", "charset", "abcdefgh", "x-y_z.0123456789!#"];
    let eqs = ["=", " =", "= ", "\t=\t", "  =  "];
    let values = [
        "t",
        "UTF-8",
        "tok~en|123456789",
        "\"\"",
        "\"x\"",
        "\"WallyWorld\"",
        "\"a \\\" b\"",
        "\"\\\\\"",
        "\"with, comma = and \\\\ more text\"",
        "\"\\\"\"",
    ];
    let mut lists = 0;
    for (k, first) in seps.iter().enumerate() {
        for name in names {
            for (e, eq) in eqs.iter().enumerate() {
                for value in values {
                    for second in values {
                        let sep = seps[(k + e + 1) % seps.len()];
                        let sep = if sep.is_empty() { ", " } else { sep };
                        let end = seps[(k * 3 + e) % seps.len()];
                        let list = format!("{first}{name}{eq}{value}{sep}b{eq}{second}{end}");
                        let list = list.as_bytes();
                        for from in 0..list.len() {
                            let mut i = &list[from..];
                            let mut j = i;
                            loop {
                                let fast = next_valid_param(i);
                                let slow = next_valid_param_reference(j);
                                assert_eq!(fast, slow, "{:?}", String::from_utf8_lossy(i));
                                // Read from an index, and without BWS: the
                                // same param, or `None` when it has BWS.
                                let whole = &list[from..];
                                let at = whole.len() - i.len();
                                let strict = next_valid_param_at(whole, at, false);
                                let full = next_valid_param_at(whole, at, true);
                                let part = full.map(|p| {
                                    (&whole[p.next..], &whole[p.name.0..p.name.1], p.value)
                                });
                                assert_eq!(part, fast);
                                // (Every suffix is read, but only the whole list is
                                // valid, with its params.)
                                if (*eq == "=" && from == 0) || strict.is_some() {
                                    assert_eq!(strict, full, "{:?}", String::from_utf8_lossy(i));
                                }
                                match fast {
                                    Some((rest, _, _)) => {
                                        i = rest;
                                        j = slow.unwrap().0;
                                    }
                                    None => break,
                                }
                            }
                        }
                        lists += 1;
                    }
                }
            }
        }
    }
    assert!(lists > 10_000);
}

#[test]
fn token68_credentials_agree_with_item() {
    let inputs: [&[u8]; 12] = [
        b"Bearer abc",
        b"Basic QWxh==",
        b"Bearer abc ",
        b"Bearer  abc",
        b"Bearer a=b",
        b"Bearer abc, x",
        b"Bearer",
        b"Bearer =",
        b"Bearer a.b_c~d+e/f-g",
        b"Bearer abc\r",
        b"Bearer\tabc",
        b"B@r abc",
    ];
    for i in inputs {
        let whole = item(i, Context::Single, &LIMITS);
        match token68_credentials(i, &LIMITS) {
            Some(fast) => assert_eq!(whole.unwrap(), (&b""[..], fast), "{i:?}"),
            None => {
                // Only shapes that are not `scheme SP token68` end to end.
                if let Ok((_, p)) = whole {
                    assert!(
                        !matches!(p.body, Body::Token68(t) if t.as_ptr() as usize + t.len() == i.as_ptr() as usize + i.len() && i.len() - t.len() == p.scheme.len() + 1),
                        "{i:?}"
                    );
                }
            }
        }
    }
    let short = Limits {
        max_params: 8,
        max_value_len: 2,
    };
    assert!(token68_credentials(b"Bearer abc", &short).is_none());
}

/// What `find_valid` ORs into the bytes before its start (`HIDE_LOW`) makes
/// of every byte one that none of its marks marks: not `=`, `,`, `"`, `\`,
/// nor below `!` (so that no borrow runs on from it either); and only the
/// low `k` bytes at `k`.
#[test]
fn hidden_bytes_are_never_marked() {
    let m = |x: u64| {
        equal(x, b'=') | equal(x, b',') | equal(x, b'"') | equal(x, b'\\') | below(x, b'!')
    };
    for b in 0..=255u8 {
        let h = b | 0x41;
        assert!(
            !matches!(h, b'=' | b',' | b'"' | b'\\') && h >= b'!',
            "{b:#x}"
        );
        let x = u64::from(b) * ONES;
        for (k, hide) in HIDE_LOW.into_iter().enumerate() {
            // The hidden bytes carry no mark, and nothing else is hidden.
            let low = if k == 0 { 0 } else { u64::MAX >> (64 - 8 * k) };
            assert_eq!(m(x | hide) & low, 0, "{b:#x} {k}");
            assert_eq!(hide & !low, 0);
            assert_eq!(hide.count_ones(), 2 * k as u32);
        }
    }
}

/// The eight-byte searches give what a byte loop gives: every byte value at
/// every position of runs of every length up to 20 (so in a whole word, in
/// the overlapping read of the last bytes, and in inputs shorter than a
/// word), searched from every start.
#[test]
fn eight_byte_searches_match_byte_loops() {
    for len in 0..=20usize {
        for pos in 0..len.max(1) {
            for b in 0..=255u8 {
                let mut v = vec![b'a'; len];
                if pos < len {
                    v[pos] = b;
                }
                for at in 0..=len {
                    let first = |stop: &dyn Fn(u8) -> bool| {
                        at + v[at..].iter().take_while(|&&c| !stop(c)).count()
                    };
                    assert_eq!(
                        quote_or_backslash_at(&v, at),
                        first(&|c| c == b'"' || c == b'\\'),
                        "quote {len} {pos} {b:#x} {at}"
                    );
                    assert_eq!(
                        qdtext_end(&v, at),
                        first(&|c| !is_qdtext(c)),
                        "qdtext {len} {pos} {b:#x} {at}"
                    );
                    assert_eq!(
                        find(&v, at, |x| equal(x, b'='), |c| c == b'='),
                        first(&|c| c == b'='),
                        "equals {len} {pos} {b:#x} {at}"
                    );
                    assert_eq!(
                        short_run(&v, at, QDTEXT),
                        first(&|c| !is_qdtext(c)),
                        "short qdtext {len} {pos} {b:#x} {at}"
                    );
                    assert_eq!(
                        tchar_run(&v, at),
                        first(&|c| !is_tchar(c)),
                        "tchar {len} {pos} {b:#x} {at}"
                    );
                    let stop = first(&|c| !is_qdtext(c));
                    assert_eq!(
                        plain_quoted(&v[at..]),
                        (v.get(stop) == Some(&b'"')).then(|| (stop - at, &v[stop + 1..])),
                        "plain quoted {len} {pos} {b:#x} {at}"
                    );
                    assert_eq!(
                        find_valid(&v, at, |x| equal(x, b'=') | below(x, b'!')),
                        first(&|c| c == b'=' || c < b'!'),
                        "valid name {len} {pos} {b:#x} {at}"
                    );
                    assert_eq!(
                        find_valid(&v, at, |x| equal(x, b'"') | equal(x, b'\\')),
                        first(&|c| c == b'"' || c == b'\\'),
                        "valid quote {len} {pos} {b:#x} {at}"
                    );
                    assert_eq!(
                        find_valid(&v, at, |x| equal(x, b',') | below(x, b'!')),
                        first(&|c| c == b',' || c < b'!'),
                        "valid token {len} {pos} {b:#x} {at}"
                    );
                    assert_eq!(
                        long_run(&v, at, T68),
                        first(&|c| !is_t68(c)),
                        "token68 {len} {pos} {b:#x} {at}"
                    );
                }
            }
        }
    }
}

/// `ascii_letters` marks exactly the ASCII letters of a word, each byte on
/// its own whatever its neighbours are.
#[test]
fn ascii_letters_marks_only_letters() {
    for b in 0..=255u8 {
        for &other in &[0u8, b'A', b'Z', b'@', b'[', 0x7f, 0x80, 0xc1, 0xff] {
            for pos in 0..8 {
                let mut w = [other; 8];
                w[pos] = b;
                let want = w.map(|c| if c.is_ascii_alphabetic() { 0x80 } else { 0 });
                assert_eq!(
                    ascii_letters(u64::from_le_bytes(w)),
                    u64::from_le_bytes(want),
                    "{b:#x} at {pos} among {other:#x}"
                );
            }
        }
    }
}

/// `param_run_or_not` as it was before its fast paths (a lower-case name
/// read as one word, a plain quoted value read without `quoted_end`): the
/// reference its results, errors included, must match.
fn param_run_reference<'a>(
    i: &'a [u8],
    limits: &impl Rules,
    before: usize,
) -> PResult<'a, ParamRun<'a>> {
    let mut at = 0;
    let mut count = 0;
    // The end of the last param.
    let mut end = 0;
    let mut hint = RunHint::NONE;
    loop {
        // `token BWS "="` starts a param; anything else the next challenge.
        let name_end = tchar_run(i, at);
        let eq = run(i, name_end, WS);
        if name_end == at || i.get(eq) != Some(&b'=') {
            if count == 0 {
                let at = if name_end == at { at } else { eq };
                return backtrack(&i[at..], ErrorKind::ExpectedParam);
            }
            // Neither a param nor a challenge follows the comma: strict
            // parsing fails at the next element; lenient mode here.
            if name_end == at && at < i.len() && limits.lenient() {
                return fail(&i[at..], ErrorKind::ExpectedParam);
            }
            break;
        }
        let value = run(i, eq + 1, WS);
        let value_end = match i.get(value) {
            Some(&b'"') => quoted_end(i, value)?,
            Some(&b) if is_tchar(b) => run(i, value + 1, TCHAR),
            _ if count == 0 => return backtrack(&i[value..], ErrorKind::ExpectedParamValue),
            _ => return fail(&i[value..], ErrorKind::ExpectedParamValue),
        };
        let quotes = if i[value] == b'"' { 2 } else { 0 };
        if value_end - value - quotes > limits.limits().max_value_len {
            return fail(&i[value..], ErrorKind::ValueTooLong);
        }
        // The first param, when written `name=value` without a quoted-pair.
        // Plain: no BWS, no quoted-pair. Tight: then `", "` and a name, or
        // OWS and the end.
        let plain = eq == name_end && value == eq + 1 && !i[value..value_end].contains(&b'\\');
        let followed = &i[value_end..];
        let tight = ows(followed).is_empty()
            || followed.starts_with(b", ") && followed.get(2).is_some_and(|&b| is_tchar(b));
        if count == 0 && plain {
            hint = RunHint::new(name_end - at, value_end - value - quotes, quotes);
        }
        if !plain {
            hint = hint.not_plain();
        }
        if !tight {
            hint = hint.not_tight();
        }
        count += 1;
        if before + count > limits.limits().max_params {
            return fail(&i[at..], ErrorKind::TooManyParams);
        }
        end = value_end;
        // The canonical separator, `", "` before a name, read at once.
        if let Some(&[b',', b' ', next]) = i.get(value_end..value_end.wrapping_add(3)) {
            if is_tchar(next) {
                at = value_end + 2;
                continue;
            }
        }
        let after = run(i, value_end, WS);
        match i.get(after) {
            None => {
                at = after;
                break;
            }
            Some(b',') => {}
            Some(_) => return fail(&i[after..], ErrorKind::ExpectedComma),
        }
        at = run(i, after, SEP);
        if at == i.len() {
            break;
        }
    }
    Ok((
        &i[at..],
        ParamRun {
            src: &i[..end],
            count,
            open: at == i.len(),
            hint,
        },
    ))
}

/// `param_run_or_not` gives what the byte-by-byte reference gives, errors
/// and their positions included, and the same hint for the iteration, for
/// pairs of params built from names, OWS, values and separators of every
/// kind, cut at every length, under strict and lenient rules and tight
/// limits.
#[test]
fn param_run_matches_the_reference() {
    let names: &[&[u8]] = &[
        b"",
        b"a",
        b"realm",
        b"charset",
        b"abcdefgh",
        b"abcdefghi",
        b"Realm",
        b"x-y",
        b"error_description",
        b"q=",
        b"=",
    ];
    let ows: &[&[u8]] = &[b"", b" ", b"\t "];
    let values: &[&[u8]] = &[
        b"\"WallyWorld\"",
        b"\"UTF-8\"",
        b"\"\"",
        b"\"a\tb\"",
        b"\"a\\\"b\"",
        b"\"a\x01b\"",
        b"\"abc",
        b"tok",
        b"\"\x7f\"",
        b"\"\xff\xc3\xa9\"",
        b",",
        b"\"abcdefghijklmnop\"",
        b"\"x\\",
        b"\"x\\\x01\"",
    ];
    let seps: &[&[u8]] = &[b", ", b",", b" , ", b"", b" x", b",, ", b", ,"];
    let rules = [
        Checked {
            limits: LIMITS,
            lenient: false,
        },
        Checked {
            limits: LIMITS,
            lenient: true,
        },
        Checked {
            limits: Limits {
                max_params: 1,
                max_value_len: 4,
            },
            lenient: false,
        },
    ];
    let show = |i: &[u8], r: PResult<'_, ParamRun<'_>>| match r {
        Ok((rest, run)) => Ok((
            i.len() - rest.len(),
            run.src.len(),
            run.count,
            run.open,
            run.hint,
        )),
        Err(nom::Err::Error(e)) => Err((0, i.len() - e.rest.len(), e.kind)),
        Err(nom::Err::Failure(e)) => Err((1, i.len() - e.rest.len(), e.kind)),
        Err(nom::Err::Incomplete(_)) => Err((2, 0, ErrorKind::ExpectedParam)),
    };
    let mut checked = 0;
    let mut line = Vec::new();
    for &n1 in names {
        for &w in ows {
            for &v1 in values {
                for &sep in seps {
                    for &n2 in &names[..5] {
                        for &v2 in &values[..5] {
                            line.clear();
                            for part in [n1, w, b"=", w, v1, sep, n2, b"=", v2] {
                                line.extend_from_slice(part);
                            }
                            for len in 0..=line.len() {
                                let i = &line[..len];
                                for r in &rules {
                                    for before in [0, 1] {
                                        assert_eq!(
                                            show(i, param_run_or_not(i, r, before)),
                                            show(i, param_run_reference(i, r, before)),
                                            "{:?} {r:?} {before}",
                                            String::from_utf8_lossy(i)
                                        );
                                        checked += 1;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 1_000_000, "{checked}");
}

/// `not_lower` marks exactly the bytes that are not `a` to `z` up to its
/// lowest mark, whatever the other bytes of the word are.
#[test]
fn not_lower_marks_the_first_byte_outside_a_to_z() {
    for b in 0..=255u8 {
        for &other in &[b'a', b'z', b'`', b'{', b'=', 0x7f, 0x80, 0xe1, 0xff] {
            for pos in 0..8 {
                let mut w = [other; 8];
                w[pos] = b;
                let want = w.iter().position(|c| !c.is_ascii_lowercase());
                let m = not_lower(u64::from_le_bytes(w));
                let got = (m != 0).then(|| (m.trailing_zeros() / 8) as usize);
                assert_eq!(got, want, "{b:#x} at {pos} among {other:#x}");
                assert_eq!(m & !HIGH, 0);
            }
        }
    }
}

/// `scheme SP tchar…`, read by `item`'s shortcut, reads as the same input
/// with two SPs, which the general reading takes: the same scheme, body,
/// openness and rest (as bytes), or the same error kind at the same place
/// after the SPs; in both contexts, strict and lenient.
#[test]
fn one_sp_shortcut_agrees_with_general_reading() {
    let bodies = [
        "a",
        "a=1",
        "realm=\"x\"",
        "realm=\"x\", charset=\"UTF-8\"",
        "a=1, B",
        "a=1,, b=2 ,",
        "abc",
        "abc==",
        "abc=",
        "abc=, X",
        "a=",
        "a b",
        "a=1 b",
        "a=\"x",
        "a=1, b",
        "a = 1",
        "a=1,",
        "t68/+.~_-",
        "x=1, y",
        "a=\"\\\"\"",
        "Bearer",
        "a=1\t, b=2",
        "é",
        "a\u{0}",
    ];
    let strict = LIMITS;
    let lenient = Checked {
        limits: LIMITS,
        lenient: true,
    };
    for body in bodies {
        let one = format!("Scheme {body}");
        let two = format!("Scheme  {body}");
        for ctx in [Context::List, Context::Single] {
            let pairs = [
                (
                    item(one.as_bytes(), ctx, &strict),
                    item(two.as_bytes(), ctx, &strict),
                ),
                (
                    item(one.as_bytes(), ctx, &lenient),
                    item(two.as_bytes(), ctx, &lenient),
                ),
            ];
            for (a, b) in pairs {
                match (a, b) {
                    (Ok((ra, pa)), Ok((rb, pb))) => {
                        assert_eq!(
                            (ra, pa.scheme, pa.open),
                            (rb, pb.scheme, pb.open),
                            "{body:?}"
                        );
                        let bytes = |b: Body<'_>| match b {
                            Body::Empty => (0, Vec::new(), 0),
                            Body::Token68(t) => (1, t.to_vec(), 0),
                            Body::Params(s, n) => (2, s.to_vec(), n),
                        };
                        assert_eq!(bytes(pa.body), bytes(pb.body), "{body:?}");
                    }
                    (Err(ea), Err(eb)) => {
                        let e = |e: nom::Err<PErr<'_>>| match e {
                            nom::Err::Error(e) => (0, e.kind, e.rest.to_vec()),
                            nom::Err::Failure(e) => (1, e.kind, e.rest.to_vec()),
                            nom::Err::Incomplete(_) => unreachable!(),
                        };
                        let (ea, eb) = (e(ea), e(eb));
                        // An error at the scheme is at the start of each input.
                        if ea.2.len() < one.len() {
                            assert_eq!(ea, eb, "{body:?}");
                        } else {
                            assert_eq!((ea.0, ea.1), (eb.0, eb.1), "{body:?}");
                        }
                    }
                    (a, b) => panic!("{body:?}: {a:?} vs {b:?}"),
                }
            }
        }
    }
}

/// `token68_credentials_at` against a byte-by-byte reading of `scheme SP
/// token68` (`1*tchar SP 1*t68 *"="`, to the end): every string of up to
/// four bytes from a small alphabet after each prefix, so that padding,
/// misplaced `=` and stray bytes fall on every position of the last word
/// and of the overlapping read before it, and the length limit at every
/// value around the token68's length.
#[test]
fn token68_credentials_at_matches_a_byte_reading() {
    fn reference(i: &[u8], max: usize) -> Option<(usize, usize)> {
        let scheme = i.iter().take_while(|&&b| is(b, TCHAR)).count();
        if scheme == 0 || i.get(scheme) != Some(&b' ') {
            return None;
        }
        let start = scheme + 1;
        let body = start + i[start..].iter().take_while(|&&b| is(b, T68)).count();
        let end = body + i[body..].iter().take_while(|&&b| b == b'=').count();
        (body > start && end == i.len() && end - start <= max).then_some((scheme, start))
    }
    let alphabet = b"aZ9=/ ,";
    let prefixes: [&[u8]; 5] = [
        b"B ",
        b"Basic ",
        b"Bearer ab",
        b"Basic QWxhZGRp",
        b" Basic a",
    ];
    let mut n = 0;
    for p in prefixes {
        for len in 0..=4u32 {
            for k in 0..alphabet.len().pow(len) {
                let mut v = p.to_vec();
                let mut k = k;
                for _ in 0..len {
                    v.push(alphabet[k % alphabet.len()]);
                    k /= alphabet.len();
                }
                for max in [0, 1, 2, v.len().saturating_sub(3), v.len() - 2, usize::MAX] {
                    let got = token68_credentials_at(&v, max).map(|(s, b)| (s.get(), b));
                    assert_eq!(got, reference(&v, max), "{v:?} {max}");
                    n += 1;
                }
            }
        }
    }
    assert!(n > 10_000);
}
