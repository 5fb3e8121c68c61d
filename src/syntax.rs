//! The RFC 9110 grammar (sections 5.5, 5.6 and 11): one byte-class table, the
//! nom parsers of each rule, and the writers that produce them.
//!
//! Every parser here works on `&[u8]` and returns slices of its input. None of
//! them recurses, so no input can deepen the stack.

use core::fmt;
use core::num::NonZeroUsize;

use nom::bytes::complete::take_while1;
use nom::IResult;

use crate::error::{Error, ErrorKind};

// ---------------------------------------------------------------------------
// Byte classes
// ---------------------------------------------------------------------------

/// `tchar` (RFC 9110 section 5.6.2).
pub(crate) const TCHAR: u8 = 1;
/// The characters of `token68` before its padding (RFC 9110 section 11.2).
pub(crate) const T68: u8 = 2;
/// `qdtext` (RFC 9110 section 5.6.4).
pub(crate) const QDTEXT: u8 = 4;
/// What may follow `\` in a `quoted-pair`: HTAB, SP, VCHAR, obs-text.
pub(crate) const ESCAPABLE: u8 = 8;
/// `OWS` bytes: SP and HTAB.
pub(crate) const WS: u8 = 16;
/// Control characters other than HTAB (`CTL` of RFC 5234 minus HTAB).
pub(crate) const CTL: u8 = 32;
/// What separates list elements: OWS and `,`.
pub(crate) const SEP: u8 = 64;

const fn build_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let mut c = 0;
        let alnum = b.is_ascii_alphanumeric();
        if alnum
            || matches!(
                b,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'-'
                    | b'.'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'|'
                    | b'~'
            )
        {
            c |= TCHAR;
        }
        if alnum || matches!(b, b'-' | b'.' | b'_' | b'~' | b'+' | b'/') {
            c |= T68;
        }
        if b == b'\t'
            || b == b' '
            || b == 0x21
            || (b >= 0x23 && b <= 0x5b)
            || (b >= 0x5d && b <= 0x7e)
            || b >= 0x80
        {
            c |= QDTEXT;
        }
        if b == b'\t' || b >= 0x20 && b != 0x7f {
            c |= ESCAPABLE;
        }
        if b == b' ' || b == b'\t' {
            c |= WS;
        }
        if (b < 0x20 && b != b'\t') || b == 0x7f {
            c |= CTL;
        }
        if b == b' ' || b == b'\t' || b == b',' {
            c |= SEP;
        }
        t[i] = c;
        i += 1;
    }
    t
}

/// One entry per byte value, one bit per class above.
static TABLE: [u8; 256] = build_table();

#[inline(always)]
pub(crate) fn is(b: u8, class: u8) -> bool {
    TABLE[b as usize] & class != 0
}

#[inline]
fn is_tchar(b: u8) -> bool {
    is(b, TCHAR)
}

#[inline]
fn is_t68(b: u8) -> bool {
    is(b, T68)
}

#[inline]
fn is_qdtext(b: u8) -> bool {
    is(b, QDTEXT)
}

/// Whether `s` is a `token` (non-empty, every byte a `tchar`).
pub(crate) fn is_token(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(|&b| is_tchar(b))
}

/// Whether `s` is a `token68`.
#[cfg_attr(not(feature = "alloc"), allow(dead_code))]
pub(crate) fn is_token68(s: &[u8]) -> bool {
    let body = s.iter().take_while(|&&b| is_t68(b)).count();
    body > 0 && s[body..].iter().all(|&b| b == b'=')
}

// ---------------------------------------------------------------------------
// Parser plumbing
// ---------------------------------------------------------------------------

/// The internal nom error: the rest of the input where it failed, and why.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PErr<'a> {
    pub(crate) rest: &'a [u8],
    pub(crate) kind: ErrorKind,
}

impl<'a> nom::error::ParseError<&'a [u8]> for PErr<'a> {
    fn from_error_kind(input: &'a [u8], _kind: nom::error::ErrorKind) -> Self {
        PErr {
            rest: input,
            kind: ErrorKind::ExpectedScheme,
        }
    }

    fn append(_input: &'a [u8], _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

pub(crate) type PResult<'a, O> = IResult<&'a [u8], O, PErr<'a>>;

/// A recoverable failure: another alternative may still match.
fn backtrack<O>(rest: &[u8], kind: ErrorKind) -> PResult<'_, O> {
    Err(nom::Err::Error(PErr { rest, kind }))
}

/// A committed failure: the input is wrong here.
pub(crate) fn fail<O>(rest: &[u8], kind: ErrorKind) -> PResult<'_, O> {
    Err(nom::Err::Failure(PErr { rest, kind }))
}

/// Turns a nom error into the public [`Error`], computing the offset against
/// the whole field line. A control character at the failing position always
/// reports as [`ErrorKind::ControlCharacter`].
pub(crate) fn to_error(line: &[u8], err: nom::Err<PErr<'_>>) -> Error {
    let e = match err {
        nom::Err::Error(e) | nom::Err::Failure(e) => e,
        // Only streaming parsers return Incomplete; ours are all `complete`.
        nom::Err::Incomplete(_) => PErr {
            rest: &[],
            kind: ErrorKind::UnterminatedQuotedString,
        },
    };
    let offset = line.len().saturating_sub(e.rest.len());
    let found = e.rest.first().copied();
    let kind = match found {
        Some(b) if is(b, CTL) => ErrorKind::ControlCharacter,
        _ => e.kind,
    };
    Error::new(kind, offset, found)
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

/// ```text
/// OWS = *( SP / HTAB )          ; RFC 9110 section 5.6.3, also BWS
/// ```
#[inline]
pub(crate) fn ows(i: &[u8]) -> &[u8] {
    &i[run(i, 0, WS)..]
}

/// The end of the run of bytes of `class` in `i` from `at`.
#[inline(always)]
fn run(i: &[u8], mut at: usize, class: u8) -> usize {
    while at < i.len() && is(i[at], class) {
        at += 1;
    }
    at
}

/// The end of the run of `tchar` in `i` from `at`: [`short_run`], for
/// names and schemes, which are a few bytes long.
#[inline(always)]
fn tchar_run(i: &[u8], at: usize) -> usize {
    short_run(i, at, TCHAR)
}

/// [`run`] eight bytes at a time while eight remain (one table test per
/// byte and no bound check), for runs of a few bytes.
#[inline(always)]
fn short_run(i: &[u8], mut at: usize, class: u8) -> usize {
    while let Some(chunk) = i.get(at..at.wrapping_add(8)) {
        if let Ok(c) = <&[u8; 8]>::try_from(chunk) {
            for (k, &b) in c.iter().enumerate() {
                if !is(b, class) {
                    return at + k;
                }
            }
        }
        at += 8;
    }
    run(i, at, class)
}

/// [`run`] for runs that are often long (a token68: a JWT is hundreds of
/// bytes): eight bytes at a time while all eight are in the class (one AND
/// of their table entries). Fewer than eight bytes before the end are
/// checked as the last eight bytes of `i` (which may start before `at`):
/// when all of those are in the class, so is the rest; otherwise byte by
/// byte.
#[inline(always)]
fn long_run(i: &[u8], mut at: usize, class: u8) -> usize {
    let all = |s: &[u8]| match <&[u8; 8]>::try_from(s) {
        Ok(&[a, b, c, d, e, f, g, h]) => {
            let t = |x: u8| TABLE[x as usize];
            t(a) & t(b) & t(c) & t(d) & t(e) & t(f) & t(g) & t(h) & class != 0
        }
        Err(_) => false,
    };
    while let Some(chunk) = i.get(at..at.wrapping_add(8)) {
        if !all(chunk) {
            return run(i, at, class);
        }
        at += 8;
    }
    if at < i.len() && i.len() >= 8 && all(&i[i.len() - 8..]) {
        return i.len();
    }
    run(i, at, class)
}

// ---------------------------------------------------------------------------
// Eight bytes at a time (SWAR)
// ---------------------------------------------------------------------------

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` below `n` (`n <= 0x80`). Bits above the
/// lowest set one may be wrong (a borrow runs on), the lowest is exact: it
/// marks the first such byte.
#[inline(always)]
pub(crate) fn below(x: u64, n: u8) -> u64 {
    x.wrapping_sub(ONES * n as u64) & !x & HIGH
}

/// The high bit of each byte of `x` equal to `b`; the lowest set bit is exact.
#[inline(always)]
pub(crate) fn equal(x: u64, b: u8) -> u64 {
    below(x ^ (ONES * b as u64), 1)
}

/// `s` as a little-endian `u64` when it is eight bytes long, else 0.
#[inline(always)]
fn le_word(s: &[u8]) -> u64 {
    match <[u8; 8]>::try_from(s) {
        Ok(b) => u64::from_le_bytes(b),
        Err(_) => 0,
    }
}

/// The word loop of [`find`] and [`find_valid`]: the first marked index
/// in the whole eight-byte words from `at`, or where fewer than eight
/// bytes are left (`Err`).
#[inline(always)]
fn find_words(i: &[u8], mut at: usize, marks: &impl Fn(u64) -> u64) -> Result<usize, usize> {
    while let Some(chunk) = i.get(at..at.wrapping_add(8)) {
        let m = marks(le_word(chunk));
        if m != 0 {
            return Ok(at + (m.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    Err(at)
}

/// The first index from `at` of a byte that `marks` marks (a function of
/// eight bytes read as a little-endian `u64`, exact at its lowest set bit)
/// or that `stops` (the same test for one byte); `i.len()` when none does.
/// Fewer than eight bytes before the end are read as the last eight bytes of
/// `i`, shifted; only an input shorter than eight bytes is read byte by byte.
#[inline(always)]
pub(crate) fn find(
    i: &[u8],
    at: usize,
    marks: impl Fn(u64) -> u64,
    stops: impl Fn(u8) -> bool,
) -> usize {
    let at = match find_words(i, at, &marks) {
        Ok(found) => return found,
        Err(at) => at,
    };
    let left = i.len().wrapping_sub(at);
    if left == 0 || left >= 8 {
        return i.len().min(at);
    }
    if i.len() >= 8 {
        // The `left` bytes from `at` in the low bytes, zeros above them
        // (which `marks` may mark: they are masked off).
        let x = le_word(&i[i.len() - 8..]) >> ((8 - left) * 8);
        let m = marks(x) & ((1u64 << (left * 8)) - 1);
        return if m != 0 {
            at + (m.trailing_zeros() / 8) as usize
        } else {
            i.len()
        };
    }
    at + i[at..].iter().take_while(|&&b| !stops(b)).count()
}

/// The high bit of each byte of `x` that is not an ASCII lower-case letter.
/// Bits above the lowest set one may be wrong, the lowest is exact.
#[inline(always)]
pub(crate) fn not_lower(x: u64) -> u64 {
    // A byte of 0x80 or more is marked by its own high bit, whatever it
    // carries into the bytes above it.
    let from_a = x.wrapping_add(ONES * (0x80 - b'a') as u64);
    let past_z = x.wrapping_add(ONES * (0x80 - b'z' - 1) as u64);
    (!from_a | past_z | x) & HIGH
}

/// The high bit of each byte of `x` that is an ASCII letter (exact in
/// every byte).
#[inline(always)]
pub(crate) fn ascii_letters(x: u64) -> u64 {
    // No sum carries into the next byte: each byte is at most 0x7f plus 0x1f.
    let t = (x | (ONES * 0x20)) & !HIGH;
    let from_a = t.wrapping_add(ONES * (0x80 - b'a') as u64);
    let past_z = t.wrapping_add(ONES * (0x80 - b'z' - 1) as u64);
    from_a & !past_z & !x & HIGH
}

/// Skips empty list elements: `*( OWS "," ) OWS` (RFC 9110 section 5.6.1.2).
#[inline]
pub(crate) fn skip_empty_elements(i: &[u8]) -> &[u8] {
    &i[run(i, 0, SEP)..]
}

/// ```text
/// token = 1*tchar               ; RFC 9110 section 5.6.2
/// ```
#[inline]
pub(crate) fn token(i: &[u8]) -> PResult<'_, &[u8]> {
    match tchar_run(i, 0) {
        0 => take_while1(is_tchar)(i),
        n => Ok((&i[n..], &i[..n])),
    }
}

/// The `token68` body and padding, without the check of what follows.
///
/// ```text
/// token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
/// ```
/// (RFC 9110 section 11.2)
#[inline]
fn token68_run(i: &[u8]) -> PResult<'_, &[u8]> {
    let body = long_run(i, 0, T68);
    if body == 0 {
        return take_while1(is_t68)(i);
    }
    let end = body + i[body..].iter().take_while(|&&b| b == b'=').count();
    Ok((&i[end..], &i[..end]))
}

/// The length of the run of `qdtext` at the start of `i`.
#[inline]
fn qdtext_run(i: &[u8]) -> usize {
    qdtext_end(i, 0)
}

/// The end of the run of `qdtext` from `at`: eight bytes at a time, finding
/// the first `"`, `\`, control character or HTAB; HTAB is qdtext, so the
/// search goes on after one.
#[inline]
fn qdtext_end(i: &[u8], mut at: usize) -> usize {
    loop {
        at = find(
            i,
            at,
            |x| below(x, 0x20) | equal(x, b'"') | equal(x, b'\\') | equal(x, 0x7f),
            |b| !is_qdtext(b) || b == b'\t',
        );
        match i.get(at) {
            Some(b'\t') => at += 1,
            _ => return at,
        }
    }
}

/// A quoted-string's content, without the quotes and with its escapes kept,
/// and whether it holds any quoted-pair.
///
/// ```text
/// quoted-string  = DQUOTE *( qdtext / quoted-pair ) DQUOTE
/// qdtext         = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
/// quoted-pair    = "\" ( HTAB / SP / VCHAR / obs-text )
/// ```
/// (RFC 9110 section 5.6.4)
pub(crate) fn quoted_string(i: &[u8]) -> PResult<'_, (&[u8], bool)> {
    let Some((&b'"', start)) = i.split_first() else {
        return backtrack(i, ErrorKind::ExpectedParamValue);
    };
    let mut rest = start;
    let mut escaped = false;
    loop {
        let r = &rest[qdtext_run(rest)..];
        match r.first() {
            Some(b'"') => {
                let inner = &start[..start.len() - r.len()];
                return Ok((&r[1..], (inner, escaped)));
            }
            Some(b'\\') => match r.get(1) {
                Some(&c) if is(c, ESCAPABLE) => {
                    escaped = true;
                    rest = &r[2..];
                }
                Some(_) => return fail(&r[1..], ErrorKind::InvalidQuotedPair),
                None => return fail(&r[1..], ErrorKind::UnterminatedQuotedString),
            },
            // Every byte that is not qdtext, '"' or '\' is a control character.
            Some(_) => return fail(r, ErrorKind::ControlCharacter),
            None => return fail(r, ErrorKind::UnterminatedQuotedString),
        }
    }
}

/// The end (past the closing quote) of the quoted-string that starts at
/// `i[start]` (a `"`): [`quoted_string`] by index, for the hot path.
#[inline]
fn quoted_end(i: &[u8], start: usize) -> Result<usize, nom::Err<PErr<'_>>> {
    let err = |at: usize, kind| {
        nom::Err::Failure(PErr {
            rest: &i[at..],
            kind,
        })
    };
    let mut at = start + 1;
    loop {
        at = qdtext_end(i, at);
        match i.get(at) {
            Some(b'"') => return Ok(at + 1),
            Some(b'\\') => match i.get(at + 1) {
                Some(&c) if is(c, ESCAPABLE) => at += 2,
                Some(_) => return Err(err(at + 1, ErrorKind::InvalidQuotedPair)),
                None => return Err(err(at + 1, ErrorKind::UnterminatedQuotedString)),
            },
            Some(_) => return Err(err(at, ErrorKind::ControlCharacter)),
            None => return Err(err(at, ErrorKind::UnterminatedQuotedString)),
        }
    }
}

/// A parsed auth-param value as the grammar sees it: its raw bytes (quotes
/// removed, escapes kept), whether it was quoted and whether it holds escapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawValue<'a> {
    pub(crate) raw: &'a [u8],
    pub(crate) quoted: bool,
    pub(crate) escaped: bool,
}

/// ```text
/// auth-param = token BWS "=" BWS ( token / quoted-string )
/// ```
/// (RFC 9110 section 11.2). Fails with a backtrack error when no `token BWS "="`
/// starts here, and with a committed error after the `=`.
pub(crate) fn auth_param(i: &[u8]) -> PResult<'_, (&[u8], RawValue<'_>)> {
    let (rest, name) = match token(i) {
        Ok(ok) => ok,
        Err(_) => return backtrack(i, ErrorKind::ExpectedParam),
    };
    let rest = ows(rest);
    let Some((b'=', rest)) = rest.split_first() else {
        return backtrack(rest, ErrorKind::ExpectedEquals);
    };
    let rest = ows(rest);
    if let Ok((after, raw)) = token(rest) {
        return Ok((
            after,
            (
                name,
                RawValue {
                    raw,
                    quoted: false,
                    escaped: false,
                },
            ),
        ));
    }
    match quoted_string(rest) {
        Ok((after, (raw, escaped))) => Ok((
            after,
            (
                name,
                RawValue {
                    raw,
                    quoted: true,
                    escaped,
                },
            ),
        )),
        Err(nom::Err::Error(_)) => fail(rest, ErrorKind::ExpectedParamValue),
        Err(e) => Err(e),
    }
}

/// Whether an auth-param starts here: `token BWS "="` (the one-token lookahead
/// that tells a parameter from a new challenge, RFC 9110 section 11.6.1).
#[inline]
pub(crate) fn starts_param(i: &[u8]) -> bool {
    match token(i) {
        Ok((rest, _)) => ows(rest).first() == Some(&b'='),
        Err(_) => false,
    }
}

/// Whether `token BWS "=" BWS` followed by the first byte of a value starts
/// here: the auth-param reading of a run that could also be a token68.
fn starts_param_with_value(i: &[u8]) -> bool {
    match token(i) {
        Ok((rest, _)) => match ows(rest).split_first() {
            Some((b'=', value)) => ows(value)
                .first()
                .is_some_and(|&b| b == b'"' || is_tchar(b)),
            _ => false,
        },
        Err(_) => false,
    }
}

// ---------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------

/// Limits applied while parsing (see [`crate::ParseOptions`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Limits {
    pub(crate) max_params: usize,
    pub(crate) max_value_len: usize,
}

/// What the list parsers apply: [`Limits`], and whether lenient mode is on.
pub(crate) trait Rules {
    fn limits(&self) -> &Limits;
    /// Lenient mode: fail, rather than end an item, where the element after
    /// it cannot parse and belongs to it in the lenient rules (params after
    /// a bare scheme and a comma; a line break after a comma). The checks
    /// sit in branches that strict parsing reaches only at such places.
    fn lenient(&self) -> bool;
}

/// Strict.
impl Rules for Limits {
    #[inline(always)]
    fn limits(&self) -> &Limits {
        self
    }

    #[inline(always)]
    fn lenient(&self) -> bool {
        false
    }
}

/// The limits with the lenient flag of the options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Checked {
    pub(crate) limits: Limits,
    pub(crate) lenient: bool,
}

impl Rules for Checked {
    #[inline(always)]
    fn limits(&self) -> &Limits {
        &self.limits
    }

    #[inline(always)]
    fn lenient(&self) -> bool {
        self.lenient
    }
}

/// What a parsed challenge or credentials holds after its scheme, within the
/// field line where it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Body<'a> {
    /// Nothing: a bare scheme, or `scheme 1*SP` followed only by empty list
    /// elements.
    Empty,
    /// A token68.
    Token68(&'a [u8]),
    /// At least one auth-param: the validated source from the first param
    /// to the end of the last one, and their number.
    Params(&'a [u8], usize),
}

/// A challenge or credentials parsed from one field line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Parsed<'a> {
    pub(crate) scheme: &'a [u8],
    pub(crate) body: Body<'a>,
    /// The line ended inside the param list, or right after `scheme 1*SP`:
    /// the next field line may go on with params of this item (the lines of
    /// a field join with `", "`, RFC 9110 section 5.3).
    pub(crate) open: bool,
    /// When the body holds params: what their iteration may take from the
    /// parse.
    pub(crate) hint: RunHint,
}

impl Parsed<'_> {
    /// The number of params on this line.
    #[inline]
    pub(crate) fn count(&self) -> usize {
        match self.body {
            Body::Params(_, n) => n,
            _ => 0,
        }
    }
}

/// Whether the item is one of a list (challenges) or stands alone (credentials).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Context {
    List,
    Single,
}

/// After a complete list element: `OWS` then the end, or `1*( OWS "," ) OWS`.
/// Returns the input positioned at the next element (or the end).
fn element_end(i: &[u8], ctx: Context) -> PResult<'_, ()> {
    let rest = ows(i);
    match (rest.first(), ctx) {
        (None, _) => Ok((rest, ())),
        (Some(b','), Context::List) => Ok((skip_empty_elements(rest), ())),
        (_, Context::List) => fail(rest, ErrorKind::ExpectedComma),
        (_, Context::Single) => after_credentials(rest),
    }
}

/// What follows complete credentials (`i` is not empty): another
/// credentials after a comma is [`ErrorKind::MultipleCredentials`], anything
/// else [`ErrorKind::ExpectedEnd`].
fn after_credentials(i: &[u8]) -> PResult<'_, ()> {
    let next = if i.first() == Some(&b',') {
        skip_empty_elements(i)
    } else {
        i
    };
    match next.first() {
        Some(&b) if is_tchar(b) && next.len() != i.len() => {
            fail(next, ErrorKind::MultipleCredentials)
        }
        // Only a trailing comma after a token68 or a bare scheme.
        None => fail(i, ErrorKind::ExpectedEnd),
        _ => fail(next, ErrorKind::ExpectedEnd),
    }
}

/// One parameter with the value-length limit applied.
fn limited_param<'a>(i: &'a [u8], limits: &Limits) -> PResult<'a, (&'a [u8], RawValue<'a>)> {
    let (rest, (name, value)) = auth_param(i)?;
    if value.raw.len() > limits.max_value_len {
        let at = &i[i.len() - rest.len() - value.raw.len() - 2 * value.quoted as usize..];
        return fail(at, ErrorKind::ValueTooLong);
    }
    Ok((rest, (name, value)))
}

/// One element of a bare `#auth-param` list (Authentication-Info, RFC 9110
/// section 11.6.3), with the separator after it consumed.
pub(crate) fn list_param<'a>(
    i: &'a [u8],
    limits: &Limits,
) -> PResult<'a, (&'a [u8], RawValue<'a>)> {
    let (rest, param) = match limited_param(i, limits) {
        Ok(ok) => ok,
        Err(nom::Err::Error(e)) => return fail(e.rest, e.kind),
        Err(e) => return Err(e),
    };
    let (rest, ()) = element_end(rest, Context::List)?;
    Ok((rest, param))
}

/// The params of one challenge within one field line, as validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ParamRun<'a> {
    /// From the first param to the end of the last.
    pub(crate) src: &'a [u8],
    pub(crate) count: usize,
    /// The run reached the end of the line (the next line may go on).
    pub(crate) open: bool,
    /// What the iteration of the run may take from its parse.
    pub(crate) hint: RunHint,
}

/// What the parse of a param run (on one line) hands to the iteration of
/// its params, in one word, so that the iteration need not search again
/// what the parse found:
/// - bits 0-7: the length of the first param's name (1 to 255) when that
///   param is written `name=token` or `name="qdtext"` (no BWS, no
///   quoted-pair); 0 when it is not known (then nothing is);
/// - bits 8-28: that param's value's length without its quotes (below
///   2 MiB);
/// - bit 29 ([`RunHint::TIGHT`]): every param is followed by `", "` and a
///   name (of the next param, or the next challenge's scheme), or by OWS
///   and the end of the line;
/// - bit 30 ([`RunHint::PLAIN`]): every param of the run is written as the
///   first;
/// - bit 31: the first param's value is quoted.
///
/// The first param is then read without a search; in a plain run a name
/// ends at its `=`, a quoted value at the next `"`, and the last value at
/// the end of the run; in a tight one the next name starts two bytes after
/// a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RunHint(u32);

impl RunHint {
    /// Nothing known.
    pub(crate) const NONE: Self = RunHint(0);
    const TIGHT: u32 = 1 << 29;
    const PLAIN: u32 = 1 << 30;

    /// A run whose first param has a name of `name_len` bytes (0: not
    /// written as above) and a value of `value_len` bytes with `quotes`
    /// (0 or 2) around it. Nothing is known when a length is out of range.
    #[inline(always)]
    pub(crate) fn new(name_len: usize, value_len: usize, quotes: usize) -> Self {
        // The quotes (2) shifted to bit 31.
        if name_len != 0 && (name_len >> 8 | value_len >> 21) == 0 {
            RunHint(
                name_len as u32
                    | (value_len as u32) << 8
                    | Self::TIGHT
                    | Self::PLAIN
                    | (quotes as u32) << 30,
            )
        } else {
            Self::NONE
        }
    }

    /// The same, when a later param of the run is not written plainly.
    #[inline(always)]
    fn not_plain(self) -> Self {
        RunHint(self.0 & !Self::PLAIN)
    }

    /// The same, when a param is followed by another separator.
    #[inline(always)]
    fn not_tight(self) -> Self {
        RunHint(self.0 & !Self::TIGHT)
    }

    /// Whether every param of the run is written `name=token` or
    /// `name="qdtext"`.
    #[inline(always)]
    pub(crate) fn is_plain(self) -> bool {
        self.0 & Self::PLAIN != 0
    }

    /// Whether every param is followed by `", "` and a name, or ends the
    /// line.
    #[inline(always)]
    pub(crate) fn is_tight(self) -> bool {
        self.0 & Self::TIGHT != 0
    }

    /// The same, its first param read.
    #[inline(always)]
    pub(crate) fn first_read(self) -> Self {
        RunHint(self.0 & (Self::PLAIN | Self::TIGHT))
    }

    /// The first param when it starts at `at` of `i`, the source it was
    /// read from; `None` when it is not known.
    #[inline(always)]
    pub(crate) fn first_at(self, i: &[u8], at: usize) -> Option<ValidParam<'_>> {
        let name_len = (self.0 & 0xff) as usize;
        if name_len == 0 {
            return None;
        }
        let name_end = at + name_len;
        let quoted = (self.0 >> 31) as usize;
        let value = name_end + 1 + quoted;
        let end = value + ((self.0 >> 8) & 0x1f_ffff) as usize;
        Some(ValidParam {
            next: end + quoted,
            name: (at, name_end),
            value: RawValue {
                raw: i.get(value..end)?,
                quoted: quoted != 0,
                escaped: false,
            },
        })
    }
}

/// `#auth-param` after a challenge's or credentials' scheme (or at the start
/// of a field line that goes on with them), starting at a param. Stops, with
/// the separator consumed, before a token that is not followed by `=`: that
/// is the next challenge. `before` params of the same item came earlier
/// (on earlier lines), for the limit.
///
/// The rule is [`auth_param`] in a `#` list; it is written out as one loop
/// over the bytes because it is the hot path of every challenge.
pub(crate) fn param_run<'a>(
    i: &'a [u8],
    limits: &impl Rules,
    before: usize,
) -> PResult<'a, ParamRun<'a>> {
    match param_run_or_not(i, limits, before) {
        Err(nom::Err::Error(e)) => fail(e.rest, e.kind),
        other => other,
    }
}

/// [`param_run`], except that when no `token BWS "=" BWS` and the first byte
/// of a value start `i` it fails with a backtrack error (`Err::Error`): the
/// caller may then try a token68 (`realm=` alone is one).
fn param_run_or_not<'a>(
    i: &'a [u8],
    limits: &impl Rules,
    before: usize,
) -> PResult<'a, ParamRun<'a>> {
    // Every slice below is a suffix of `i`. At the start of a param.
    let mut rest = i;
    let mut count = 0;
    // What follows the last param.
    let mut tail = i;
    // `before + count > max_params`, with the subtraction out of the loop.
    let max_count = limits.limits().max_params.saturating_sub(before);
    let max_len = limits.limits().max_value_len;
    let mut hint = RunHint::NONE;
    loop {
        let (len, quotes, after, name_len) = match quick_param(rest) {
            Quick::Param(param) => param,
            Quick::NoParam { name_end, eq } => {
                if count == 0 {
                    let at = if name_end == 0 { 0 } else { eq };
                    return backtrack(&rest[at..], ErrorKind::ExpectedParam);
                }
                // Neither a param nor a challenge follows the comma: strict
                // parsing fails at the next element; lenient mode here.
                if name_end == 0 && !rest.is_empty() && limits.lenient() {
                    return fail(rest, ErrorKind::ExpectedParam);
                }
                break;
            }
            Quick::Full => match param_in_full(i, rest, count == 0, limits)? {
                Some(param) => {
                    hint = hint.not_plain();
                    param
                }
                None => break,
            },
        };
        if len > max_len {
            let value = i.len() - after.len() - len - quotes;
            return fail(&i[value..], ErrorKind::ValueTooLong);
        }
        if count == 0 {
            hint = RunHint::new(name_len, len, quotes);
        }
        count += 1;
        if count > max_count {
            return fail(rest, ErrorKind::TooManyParams);
        }
        tail = after;
        if after.is_empty() {
            rest = after;
            break;
        }
        // The canonical separator, `", "` before a name, read at once.
        if let Some(&[c, sp, next]) = after.first_chunk() {
            if u16::from_le_bytes([c, sp]) == u16::from_le_bytes(*b", ") && is_tchar(next) {
                rest = &after[2..];
                continue;
            }
        }
        let sep = &after[run(after, 0, WS)..];
        match sep.first() {
            None => {
                rest = sep;
                break;
            }
            // Not `", "` before a name.
            Some(b',') => hint = hint.not_tight(),
            Some(_) => return fail(sep, ErrorKind::ExpectedComma),
        }
        rest = &sep[run(sep, 0, SEP)..];
        if rest.is_empty() {
            break;
        }
    }
    Ok((
        rest,
        ParamRun {
            src: &i[..i.len() - tail.len()],
            count,
            open: rest.is_empty(),
            hint,
        },
    ))
}

/// A param of [`param_run_or_not`]: the length of its value (quotes
/// removed), the number of quotes around it (0 or 2), the input after
/// the value, and the length of its name when it is written `name=value`
/// with no quoted-pair in the value (else 0: see [`RunHint`]).
type RunParam<'a> = (usize, usize, &'a [u8], usize);

/// What [`quick_param`] finds at the start of a param.
enum Quick<'a> {
    /// A param in a common form.
    Param(RunParam<'a>),
    /// No `token BWS "="`: the token (or nothing) before `name_end`, and
    /// OWS up to `eq`, where no `=` follows.
    NoParam { name_end: usize, eq: usize },
    /// Anything else: [`param_in_full`] reads it.
    Full,
}

/// The param at the start of `rest` in the common forms: a name (up to
/// eight lower-case letters read as one word, then the rest of its tchar),
/// `=` with no BWS, and a token or a quoted-string of plain qdtext.
#[inline(always)]
fn quick_param(rest: &[u8]) -> Quick<'_> {
    // The first byte that is not a lower-case letter, at bit `8k + 7` (or
    // the last byte: bit 63 set; eight letters go on below).
    let k = match rest.first_chunk() {
        Some(w) => ((not_lower(u64::from_le_bytes(*w)) | 1 << 63).trailing_zeros() / 8) as usize,
        None => 0,
    };
    // The canonical param: lower-case letters and `="`.
    if k != 0 && rest.get(k..k + 2) == Some(b"=\"") {
        return match plain_quoted(&rest[k + 2..]) {
            Some((n, after)) => Quick::Param((n, 2, after, k)),
            None => Quick::Full,
        };
    }
    let eq = if k != 0 && rest.get(k) == Some(&b'=') {
        k
    } else {
        // Every byte before `k` is a tchar.
        let name_end = tchar_run(rest, k);
        match rest.get(name_end) {
            Some(&b'=') if name_end != 0 => name_end,
            _ => {
                let eq = run(rest, name_end, WS);
                if name_end != 0 && rest.get(eq) == Some(&b'=') {
                    return Quick::Full;
                }
                return Quick::NoParam { name_end, eq };
            }
        }
    };
    let value = &rest[eq + 1..];
    match *value {
        [b'"', ref content @ ..] => match plain_quoted(content) {
            Some((n, after)) => Quick::Param((n, 2, after, eq)),
            None => Quick::Full,
        },
        [b, ..] if is_tchar(b) => {
            let n = tchar_run(value, 1);
            match value.get(n..) {
                Some(after) => Quick::Param((n, 0, after, eq)),
                None => Quick::Full,
            }
        }
        _ => Quick::Full,
    }
}

/// The content of the quoted-string whose opening quote precedes `s`, when
/// it is plain qdtext up to the closing quote: its length, and what follows
/// the closing quote. `None` at a `\`, a control character or the end (a
/// quoted-pair may still be valid there; HTAB is qdtext and read here). A
/// table test per byte, eight unrolled while eight remain.
#[inline(always)]
fn plain_quoted(s: &[u8]) -> Option<(usize, &[u8])> {
    let mut r = s;
    while let Some((c, more)) = r.split_first_chunk::<8>() {
        for (k, &b) in c.iter().enumerate() {
            if !is(b, QDTEXT) {
                return (b == b'"').then(|| (s.len() - r.len() + k, &r[k + 1..]));
            }
        }
        r = more;
    }
    // Fewer than eight bytes: unrolled for each length.
    let tail = match r.len() {
        1 => plain_quoted_tail::<1>(r),
        2 => plain_quoted_tail::<2>(r),
        3 => plain_quoted_tail::<3>(r),
        4 => plain_quoted_tail::<4>(r),
        5 => plain_quoted_tail::<5>(r),
        6 => plain_quoted_tail::<6>(r),
        7 => plain_quoted_tail::<7>(r),
        _ => None,
    };
    tail.map(|(k, after)| (s.len() - r.len() + k, after))
}

/// [`plain_quoted`] of the first `N` bytes of `r`.
#[inline(always)]
fn plain_quoted_tail<const N: usize>(r: &[u8]) -> Option<(usize, &[u8])> {
    let (c, _) = r.split_first_chunk::<N>()?;
    for (k, &b) in c.iter().enumerate() {
        if !is(b, QDTEXT) {
            return (b == b'"').then(|| (k, &r[k + 1..]));
        }
    }
    None
}

/// A param of [`param_run_or_not`] at the start of `rest` (a suffix of
/// `i`), as the grammar reads it: `Ok(None)` where the run ends (no
/// `token BWS "="` starts `rest`), errors as [`param_run_or_not`]'s.
#[inline(never)]
fn param_in_full<'a>(
    i: &'a [u8],
    rest: &'a [u8],
    first: bool,
    limits: &impl Rules,
) -> Result<Option<RunParam<'a>>, nom::Err<PErr<'a>>> {
    let backtrack_at = |rest, kind| nom::Err::Error(PErr { rest, kind });
    let fail_at = |rest, kind| nom::Err::Failure(PErr { rest, kind });
    let at = i.len() - rest.len();
    // `token BWS "="` starts a param; anything else the next challenge.
    let name_end = tchar_run(i, at);
    let eq = run(i, name_end, WS);
    if name_end == at || i.get(eq) != Some(&b'=') {
        if first {
            let at = if name_end == at { at } else { eq };
            return Err(backtrack_at(&i[at..], ErrorKind::ExpectedParam));
        }
        // Neither a param nor a challenge follows the comma: strict
        // parsing fails at the next element; lenient mode here.
        if name_end == at && at < i.len() && limits.lenient() {
            return Err(fail_at(&i[at..], ErrorKind::ExpectedParam));
        }
        return Ok(None);
    }
    let value = run(i, eq + 1, WS);
    let (end, quotes) = match i.get(value) {
        Some(&b'"') => (quoted_end(i, value)?, 2),
        Some(&b) if is_tchar(b) => (run(i, value + 1, TCHAR), 0),
        _ if first => return Err(backtrack_at(&i[value..], ErrorKind::ExpectedParamValue)),
        _ => return Err(fail_at(&i[value..], ErrorKind::ExpectedParamValue)),
    };
    Ok(Some((end - value - quotes, quotes, &i[end..], 0)))
}

/// Params of an item, in context: credentials must end after them.
fn params_body<'a>(
    i: &'a [u8],
    scheme: &'a [u8],
    ctx: Context,
    limits: &impl Rules,
) -> PResult<'a, Parsed<'a>> {
    match params_body_or_not(i, scheme, ctx, limits) {
        Err(nom::Err::Error(e)) => fail(e.rest, e.kind),
        other => other,
    }
}

/// [`params_body`], with a backtrack error when no param starts `i`.
fn params_body_or_not<'a>(
    i: &'a [u8],
    scheme: &'a [u8],
    ctx: Context,
    limits: &impl Rules,
) -> PResult<'a, Parsed<'a>> {
    let (rest, run) = param_run_or_not(i, limits, 0)?;
    if ctx == Context::Single && !rest.is_empty() {
        // The run stopped before something that is not a param.
        return match rest.first() {
            Some(&b) if is_tchar(b) => fail(rest, ErrorKind::MultipleCredentials),
            _ => fail(rest, ErrorKind::ExpectedEnd),
        };
    }
    Ok((
        rest,
        Parsed {
            scheme,
            body: Body::Params(run.src, run.count),
            open: run.open,
            hint: run.hint,
        },
    ))
}

/// ```text
/// challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
/// credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
/// ```
/// (RFC 9110 sections 11.3 and 11.4). `i` starts at the scheme. In a list, the
/// returned rest is positioned at the next element (separators consumed).
///
/// Decisions (each tested in `tests/ambiguities.rs`):
/// - after `1*SP`, a run of token68 characters and `=` padding followed by OWS
///   and `,` or the end is a token68; otherwise `token BWS "="` starts the
///   params; a token68 can never swallow a valid auth-param, since an
///   auth-param needs a value after its `=`;
/// - after `1*SP`, leading empty elements (`Basic ,,realm="x"`) start the
///   param list as RFC 7235's recipient grammar allows; HTAB there is OWS
///   before a comma, never the separator itself (`Basic \trealm=x` fails);
/// - within the params, a token not followed by `BWS "="` starts the next
///   challenge.
pub(crate) fn item<'a>(i: &'a [u8], ctx: Context, limits: &impl Rules) -> PResult<'a, Parsed<'a>> {
    let (scheme, rest) = match tchar_run(i, 0) {
        0 => return fail(i, ErrorKind::ExpectedScheme),
        n => i.split_at(n),
    };
    // `scheme SP tchar`, the usual form: the body starts after the SP
    // (what the general reading below finds, without its tests).
    if let Some(&[b' ', b]) = rest.first_chunk() {
        if is_tchar(b) {
            return item_body(scheme, &rest[1..], ctx, limits);
        }
    }
    let parsed = |body, open| Parsed {
        scheme,
        body,
        open,
        hint: RunHint::NONE,
    };
    let sp = rest.iter().take_while(|&&b| b == b' ').count();
    if sp == 0 {
        // A bare scheme: only OWS and a separator, or the end, may follow.
        let after = ows(rest);
        return match after.first() {
            None | Some(b',') => {
                let end = element_end(rest, ctx);
                // `Bearer, realm="x"`: strict parsing fails at the param (the
                // next element); lenient mode here.
                if let Ok((next, ())) = end {
                    if limits.lenient() && ctx == Context::List && starts_param(next) {
                        return fail(after, ErrorKind::ParamWithoutScheme);
                    }
                }
                end.map(|(r, ())| (r, parsed(Body::Empty, false)))
            }
            Some(b'=') => fail(i, ErrorKind::ParamWithoutScheme),
            Some(_) => fail(rest, ErrorKind::ExpectedSpaceAfterScheme),
        };
    }
    let after_sp = &rest[sp..];
    let body_start = ows(after_sp);
    match body_start.first() {
        None => return Ok((body_start, parsed(Body::Empty, true))),
        Some(b',') => {
            let next = skip_empty_elements(body_start);
            if next.is_empty() {
                return Ok((next, parsed(Body::Empty, true)));
            }
            if starts_param(next) {
                return params_body(next, scheme, ctx, limits);
            }
            // Only empty elements: a bare challenge, and the next element
            // follows. Credentials must end here.
            if ctx == Context::Single {
                return after_credentials(body_start)
                    .map(|(r, ())| (r, parsed(Body::Empty, false)));
            }
            return Ok((next, parsed(Body::Empty, false)));
        }
        // HTAB after `1*SP` only as OWS before a comma or the end.
        Some(_) if body_start.len() != after_sp.len() => {
            return fail(after_sp, ErrorKind::ExpectedToken68OrParam)
        }
        Some(b'=') => return fail(i, ErrorKind::ParamWithoutScheme),
        Some(_) => {}
    }
    item_body(scheme, body_start, ctx, limits)
}

/// [`item`] after `scheme 1*SP`, from `body_start`: a token68 or the
/// params (not empty, not a comma, not `=`, not after HTAB).
#[inline(always)]
fn item_body<'a>(
    scheme: &'a [u8],
    body_start: &'a [u8],
    ctx: Context,
    limits: &impl Rules,
) -> PResult<'a, Parsed<'a>> {
    let parsed = |body, open| Parsed {
        scheme,
        body,
        open,
        hint: RunHint::NONE,
    };
    // The two readings never overlap (a token68 is never followed by a
    // value), so the order only matters for speed: challenges mostly carry
    // params, credentials mostly a token68.
    let params_first = ctx == Context::List;
    if params_first {
        match params_body_or_not(body_start, scheme, ctx, limits) {
            Err(nom::Err::Error(_)) => {}
            other => return other,
        }
    }
    let t68 = token68_run(body_start)
        .ok()
        .map(|(after, t)| (after, t, ows(after)));
    let is_token68 = matches!(t68, Some((_, _, end)) if matches!(end.first(), None | Some(b',')));
    if !is_token68 && !params_first && starts_param_with_value(body_start) {
        return params_body(body_start, scheme, ctx, limits);
    }
    let Some((after, t68, end)) = t68 else {
        return fail(body_start, ErrorKind::ExpectedToken68OrParam);
    };
    if is_token68 {
        if t68.len() > limits.limits().max_value_len {
            return fail(body_start, ErrorKind::ValueTooLong);
        }
        let (r, ()) = element_end(after, ctx)?;
        return Ok((r, parsed(Body::Token68(t68), false)));
    }
    // Neither reading works. `name=` then junk reads best as a param with a
    // bad value (the param parser reports it); anything else as a token68
    // with junk after it.
    let padding = t68.iter().rev().take_while(|&&b| b == b'=').count();
    if padding != 1 || !starts_param(body_start) {
        return match ctx {
            Context::List => fail(end, ErrorKind::ExpectedComma),
            Context::Single => {
                after_credentials(end).map(|(r, ())| (r, parsed(Body::Empty, false)))
            }
        };
    }
    params_body(body_start, scheme, ctx, limits)
}

/// The most common credentials, `scheme SP token68` and nothing after it,
/// read directly; `None` for every other shape, which the full grammar
/// ([`item`]) then reads. Where this accepts, `item` reads the same.
#[inline]
pub(crate) fn token68_credentials<'a>(i: &'a [u8], limits: &Limits) -> Option<Parsed<'a>> {
    let (scheme, start) = token68_credentials_at(i, limits.max_value_len)?;
    Some(Parsed {
        scheme: &i[..scheme.get()],
        body: Body::Token68(&i[start..]),
        open: false,
        hint: RunHint::NONE,
    })
}

/// [`token68_credentials`] as the scheme's length and where the token68
/// starts (it ends at the end of `i`): two words, returned in registers.
#[inline]
pub(crate) fn token68_credentials_at(
    i: &[u8],
    max_value_len: usize,
) -> Option<(NonZeroUsize, usize)> {
    let scheme = NonZeroUsize::new(tchar_run(i, 0))?;
    if i.get(scheme.get()) != Some(&b' ') {
        return None;
    }
    let start = scheme.get() + 1;
    // The padding is stripped from the end first (a token68 char is never
    // `=`), so that the run of token68 chars ends at the end of what is left:
    // its last word is read whole, not byte by byte up to the first `=`.
    let mut body = i.len();
    while body > start && i[body - 1] == b'=' {
        body -= 1;
    }
    if body == start || long_run(&i[..body], start, T68) != body || i.len() - start > max_value_len
    {
        return None;
    }
    Some((scheme, start))
}

/// Where the parts of one param lie in the list [`next_valid_param_at`]
/// read it from: indices into that list.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ValidParam<'a> {
    /// The first index after the value (and its closing quote).
    pub(crate) next: usize,
    /// The name: `start..end`.
    pub(crate) name: (usize, usize),
    pub(crate) value: RawValue<'a>,
}

/// Reads the next param of a list this module has validated, skipping the
/// empty elements before it: the rest after its value, its name and value.
/// `None` when no param starts here (the end of the run, or of the line).
/// [`next_valid_param_at`] on slices.
#[cfg(test)]
pub(crate) fn next_valid_param(i: &[u8]) -> Option<(&[u8], &[u8], RawValue<'_>)> {
    let p = next_valid_param_at(i, 0, true)?;
    Some((i.get(p.next..)?, i.get(p.name.0..p.name.1)?, p.value))
}

/// Reads the next param from `i[at..]`, a list this module has validated,
/// skipping the empty elements before it. `None` when no param starts
/// there (the end of the run, or of the line).
///
/// The list was validated, so this only looks for the bytes that end each
/// part, eight at a time ([`find_valid`]): the `=` (or the BWS) after the
/// name (a name holds none), the closing quote (or a `\`) of a quoted value,
/// and the separator after a token value. The canonical forms are tested
/// first: no separator (the first param) or `", "` before the name, no BWS
/// around the `=`.
///
/// Without `bws`, a param with BWS around its `=` reads as `None` too: the
/// iteration's hot path then knows that a name ends at an `=`, and leaves
/// those to its out-of-line path.
#[inline(always)]
pub(crate) fn next_valid_param_at(i: &[u8], at: usize, bws: bool) -> Option<ValidParam<'_>> {
    let start = param_start(i, at)?;
    // The name ends at its `=` or at BWS: the first byte that is `=` or
    // below `!` (a name holds neither).
    let mut name_end = find_valid(i, start, |x| equal(x, b'=') | below(x, b'!'));
    let eq = match i.get(name_end) {
        Some(b'=') => name_end,
        Some(_) if bws => bws_name_end(i, start, &mut name_end)?,
        _ => return None,
    };
    let mut value = eq + 1;
    let mut first = *i.get(value)?;
    // (Without `bws`, BWS here reads as an empty token value: `None`.)
    if bws && first != b'"' && is(first, WS) {
        value = run(i, value, WS);
        first = *i.get(value)?;
    }
    if first == b'"' {
        let quote_or_backslash = |x| equal(x, b'"') | equal(x, b'\\');
        let mut at = find_valid(i, value + 1, quote_or_backslash);
        let mut escaped = false;
        // A `\` first: a quoted-pair, then on.
        while *i.get(at)? != b'"' {
            escaped = true;
            at = find_valid(i, at + 2, quote_or_backslash);
        }
        return Some(ValidParam {
            next: at + 1,
            name: (start, name_end),
            value: RawValue {
                raw: i.get(value + 1..at)?,
                quoted: true,
                escaped,
            },
        });
    }
    // A token value ends at OWS, a comma or the end: at the first byte
    // that is `,` or below `!` (a token holds neither).
    let end = find_valid(i, value, |x| equal(x, b',') | below(x, b'!'));
    if end == value {
        return None;
    }
    Some(ValidParam {
        next: end,
        name: (start, name_end),
        value: RawValue {
            raw: i.get(value..end)?,
            quoted: false,
            escaped: false,
        },
    })
}

/// Where the next param of a validated list starts from `at`, after the
/// empty elements before it: `None` when no param starts there.
#[inline(always)]
fn param_start(i: &[u8], at: usize) -> Option<usize> {
    let first = *i.get(at)?;
    // The `", "` before a name read as one two-byte slice: one bound test.
    if is_tchar(first) {
        Some(at)
    } else if first == b',' && matches!(i.get(at + 1..at + 3), Some(&[b' ', b]) if is_tchar(b)) {
        Some(at + 2)
    } else {
        let start = run(i, at, SEP);
        is_tchar(*i.get(start)?).then_some(start)
    }
}

/// [`next_valid_param_at`] for a param after the first of a plain run
/// ([`RunHint::is_plain`]), from the end of the one before: the name starts
/// after the separators and ends at its `=`, the value follows, and a
/// quoted one ends at the next `"`. When `last`, the param is the run's
/// last and its value ends where `i` does. When `tight`
/// ([`RunHint::is_tight`]), the name starts two bytes after `at`.
#[inline(always)]
pub(crate) fn next_plain_param_at(
    i: &[u8],
    at: usize,
    tight: bool,
    last: bool,
) -> Option<ValidParam<'_>> {
    let start = if tight { at + 2 } else { param_start(i, at)? };
    let name_end = find_valid(i, start, |x| equal(x, b'='));
    let value = name_end + 1;
    let quoted = *i.get(value)? == b'"';
    let q = quoted as usize;
    let end = if last {
        i.len() - q
    } else if quoted {
        find_valid(i, value + 1, |x| equal(x, b'"'))
    } else {
        find_valid(i, value, |x| equal(x, b',') | below(x, b'!'))
    };
    Some(ValidParam {
        next: end + q,
        name: (start, name_end),
        value: RawValue {
            raw: i.get(value + q..end)?,
            quoted,
            escaped: false,
        },
    })
}

/// The `=` after a name followed by BWS, from the BWS at `*name_end`, and
/// the end of the name before that BWS in `*name_end`: out of the
/// canonical path.
#[cold]
#[inline(never)]
fn bws_name_end(i: &[u8], start: usize, name_end: &mut usize) -> Option<usize> {
    let eq = find_valid(i, *name_end, |x| equal(x, b'='));
    if eq >= i.len() {
        return None;
    }
    let mut end = eq;
    while end > start && is(i[end - 1], WS) {
        end -= 1;
    }
    *name_end = end;
    Some(eq)
}

/// 0x41 in the low `k` bytes, at `k`: what [`find_valid`] ORs into the
/// bytes of its last word that lie before its start.
const HIDE_LOW: [u64; 8] = {
    let mut t = [0u64; 8];
    let mut k = 1;
    while k < 8 {
        t[k] = (t[k - 1] << 8) | 0x41;
        k += 1;
    }
    t
};

/// The first index from `at` of a byte that `marks` marks (a function of
/// eight bytes read as a little-endian `u64`, exact at its lowest set bit:
/// an OR of [`equal`] to `=`, `,`, `"` or `\` and [`below`] `!`), or
/// `i.len()` when none does. [`find`] for the iteration of validated params:
/// fewer than eight bytes before the end are read as the last eight bytes of
/// `i`, those before `at` hidden by [`HIDE_LOW`]; no mark then means the
/// end. Only an input shorter than eight bytes is read byte by byte.
#[inline(always)]
fn find_valid(i: &[u8], at: usize, marks: impl Fn(u64) -> u64) -> usize {
    let at = match find_words(i, at, &marks) {
        Ok(found) => return found,
        Err(at) => at,
    };
    let len = i.len();
    if at >= len {
        return len;
    }
    if let Some(last) = i.get(len.wrapping_sub(8)..) {
        // `at + 8 - len` (1 to 7) bytes of `last` lie before `at`: each
        // OR-ed with 0x41 (bits 0x40 and 0x01) becomes a byte that no mark
        // marks (`=`, `,`, `"`, `\`, below `!`) and that borrows nothing,
        // so the lowest mark is from `at` on; none means the end. (A table
        // and an OR, not a shift, whose count needs a register of its own.)
        let m = marks(le_word(last) | HIDE_LOW[(at + 8 - len) & 7]);
        return len - 8 + (m.trailing_zeros() / 8) as usize;
    }
    at + i[at..]
        .iter()
        .take_while(|&&b| marks(u64::from(b)) & 0x80 == 0)
        .count()
}

/// The number of bytes before the first `"` or `\` (or the length), eight
/// at a time.
#[inline]
fn quote_or_backslash(i: &[u8]) -> usize {
    quote_or_backslash_at(i, 0)
}

/// The index of the first `"` or `\` from `at` (or the length).
#[inline(always)]
fn quote_or_backslash_at(i: &[u8], at: usize) -> usize {
    find(
        i,
        at,
        |x| equal(x, b'"') | equal(x, b'\\'),
        |b| b == b'"' || b == b'\\',
    )
}

// ---------------------------------------------------------------------------
// Writers
// ---------------------------------------------------------------------------

/// Where the canonical writer puts its bytes: a `Vec<u8>` for the lossless
/// form, or [`TextSink`] for `Display`.
pub(crate) trait ByteSink {
    fn put(&mut self, bytes: &[u8]) -> fmt::Result;
}

#[cfg(feature = "alloc")]
impl ByteSink for alloc::vec::Vec<u8> {
    fn put(&mut self, bytes: &[u8]) -> fmt::Result {
        self.extend_from_slice(bytes);
        Ok(())
    }
}

/// Writes a byte stream as text: valid UTF-8 as it is, every maximal
/// invalid sequence as one U+FFFD (as [`<[u8]>::utf8_chunks`] splits them). A
/// character split across two `put`s is kept whole.
pub(crate) struct TextSink<'f> {
    f: &'f mut dyn fmt::Write,
    /// The start of a character whose next bytes have not come yet.
    carry: [u8; 4],
    carry_len: usize,
}

impl<'f> TextSink<'f> {
    pub(crate) fn new(f: &'f mut dyn fmt::Write) -> Self {
        TextSink {
            f,
            carry: [0; 4],
            carry_len: 0,
        }
    }

    /// Writes what is complete of `bytes`; an incomplete character at the end
    /// is kept unless `end`.
    fn write_chunks(&mut self, bytes: &[u8], end: bool) -> fmt::Result {
        let mut chunks = bytes.utf8_chunks().peekable();
        while let Some(chunk) = chunks.next() {
            self.f.write_str(chunk.valid())?;
            let invalid = chunk.invalid();
            if invalid.is_empty() {
                continue;
            }
            let last = chunks.peek().is_none();
            // The last invalid run may be the start of a character that goes
            // on in the next put.
            if last
                && !end
                && invalid.len() < 4
                && core::str::from_utf8(invalid).is_err_and(|e| e.error_len().is_none())
            {
                self.carry[..invalid.len()].copy_from_slice(invalid);
                self.carry_len = invalid.len();
                return Ok(());
            }
            self.f.write_char(char::REPLACEMENT_CHARACTER)?;
        }
        Ok(())
    }

    /// Flushes a pending incomplete character as U+FFFD.
    pub(crate) fn finish(mut self) -> fmt::Result {
        if self.carry_len > 0 {
            self.carry_len = 0;
            self.f.write_char(char::REPLACEMENT_CHARACTER)?;
        }
        Ok(())
    }
}

impl ByteSink for TextSink<'_> {
    fn put(&mut self, mut bytes: &[u8]) -> fmt::Result {
        // Complete a carried character first, one byte at a time.
        while self.carry_len > 0 {
            let Some((&b, rest)) = bytes.split_first() else {
                return Ok(());
            };
            self.carry[self.carry_len] = b;
            self.carry_len += 1;
            bytes = rest;
            let carry = self.carry;
            let pending = &carry[..self.carry_len];
            match core::str::from_utf8(pending) {
                Ok(s) => {
                    self.carry_len = 0;
                    self.f.write_str(s)?;
                }
                Err(e) if e.error_len().is_none() && self.carry_len < 4 => {}
                Err(_) => {
                    // Not a character after all: re-read what was carried.
                    self.carry_len = 0;
                    self.write_chunks(pending, false)?;
                }
            }
        }
        self.write_chunks(bytes, false)
    }
}

/// Iterates the unescaped bytes of a raw value.
#[derive(Clone, Debug)]
pub(crate) struct UnescapeIter<'a> {
    rest: &'a [u8],
    escaped: bool,
}

impl<'a> UnescapeIter<'a> {
    pub(crate) fn new(raw: &'a [u8], escaped: bool) -> Self {
        UnescapeIter { rest: raw, escaped }
    }
}

impl Iterator for UnescapeIter<'_> {
    type Item = u8;

    #[inline]
    fn next(&mut self) -> Option<u8> {
        let (&b, rest) = self.rest.split_first()?;
        if b == b'\\' && self.escaped {
            let (&c, rest) = rest.split_first()?;
            self.rest = rest;
            Some(c)
        } else {
            self.rest = rest;
            Some(b)
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.escaped {
            (self.rest.len().div_ceil(2), Some(self.rest.len()))
        } else {
            (self.rest.len(), Some(self.rest.len()))
        }
    }
}

impl core::iter::FusedIterator for UnescapeIter<'_> {}

/// Writes a value canonically: as a token when its unescaped form is a token
/// and `force_quote` is false, otherwise as a quoted-string that escapes only
/// `"` and `\`. Every other byte, obs-text included, is written as it is.
pub(crate) fn write_value(
    out: &mut dyn ByteSink,
    v: &RawValue<'_>,
    force_quote: bool,
) -> fmt::Result {
    let as_token = !force_quote
        && if v.escaped {
            let mut it = UnescapeIter::new(v.raw, true).peekable();
            it.peek().is_some() && it.all(is_tchar)
        } else {
            is_token(v.raw)
        };
    if as_token {
        if v.escaped {
            // Drop the needless backslashes.
            for part in v.raw.split(|&b| b == b'\\') {
                out.put(part)?;
            }
            return Ok(());
        }
        return out.put(v.raw);
    }
    out.put(b"\"")?;
    if v.escaped {
        // Unescape, then escape only '"' and '\'.
        let mut rest = v.raw;
        while let Some((&b, after)) = rest.split_first() {
            if b == b'\\' {
                let Some((&c, after)) = after.split_first() else {
                    break;
                };
                put_quoted_content(out, &[c])?;
                rest = after;
            } else {
                let n = quote_or_backslash(rest);
                put_quoted_content(out, &rest[..n])?;
                rest = &rest[n..];
            }
        }
    } else {
        // A strictly parsed token or unescaped quoted-string holds no '"',
        // '\' or control character; a value read in lenient mode may.
        put_quoted_content(out, v.raw)?;
    }
    out.put(b"\"")
}

/// Writes bytes as quoted-string content: `"` and `\` escaped, and a control
/// character other than HTAB (only in a value read in lenient mode, such as
/// CR LF or an obs-fold) written as SP, so that the writer never produces a
/// line break or anything else the grammar forbids.
fn put_quoted_content(out: &mut dyn ByteSink, mut bytes: &[u8]) -> fmt::Result {
    while !bytes.is_empty() {
        let n = bytes
            .iter()
            .take_while(|&&b| is(b, QDTEXT) || b == b'\t')
            .count();
        out.put(&bytes[..n])?;
        let Some((&b, rest)) = bytes[n..].split_first() else {
            break;
        };
        match b {
            b'"' | b'\\' => out.put(&[b'\\', b])?,
            _ => out.put(b" ")?,
        }
        bytes = rest;
    }
    Ok(())
}

/// Writes arbitrary text as the content of a quoted-string, escaping `"` and
/// `\`. The caller has checked that every byte is qdtext, `"` or `\`.
#[cfg_attr(not(feature = "alloc"), allow(dead_code))]
pub(crate) fn write_quoted_text(f: &mut dyn fmt::Write, text: &str) -> fmt::Result {
    f.write_char('"')?;
    let mut rest = text;
    while let Some(pos) = rest.find(['"', '\\']) {
        f.write_str(&rest[..pos])?;
        f.write_char('\\')?;
        f.write_str(&rest[pos..pos + 1])?;
        rest = &rest[pos + 1..];
    }
    f.write_str(rest)?;
    f.write_char('"')
}

/// Whether `text` can be carried in a quoted-string (every byte is qdtext or
/// one of the two bytes that get escaped).
#[cfg_attr(not(feature = "alloc"), allow(dead_code))]
pub(crate) fn is_quotable(text: &[u8]) -> bool {
    text.iter()
        .all(|&b| is_qdtext(b) || b == b'"' || b == b'\\')
}

#[cfg(test)]
#[path = "syntax/tests.rs"]
mod tests;
