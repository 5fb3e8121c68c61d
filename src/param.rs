//! Auth-params: names, values (token or quoted-string) and their iterator.

#[cfg(feature = "alloc")]
use alloc::{borrow::Cow, string::String, vec::Vec};
use core::fmt;
use core::iter::FusedIterator;

use core::hash::{Hash, Hasher};

#[cfg(feature = "alloc")]
use crate::error::NotUtf8Error;
use crate::lines::Continuation;
use crate::syntax::{self, ByteSink, RawValue, RunHint, UnescapeIter};

/// The value of an auth-param, borrowed from the parsed input.
///
/// A value written as a token and one written as a quoted-string mean the same
/// (RFC 9110 section 11.2), so equality compares the unescaped bytes: `x` and
/// `"x"` and `"\x"` are equal. The escaped form is kept as written and is
/// unescaped only when asked; [`unescaped`](Self::unescaped) borrows when there is
/// nothing to unescape.
///
/// # Examples
///
/// ```
/// use http_auth_headers::Challenges;
///
/// let c = Challenges::parse(r#"Newauth title="Login to \"apps\"", type=1"#).next().unwrap()?;
/// let title = c.param("title").unwrap();
/// assert!(title.is_quoted());
/// assert_eq!(title.raw(), br#"Login to \"apps\""#);
/// assert_eq!(title.unescaped_str()?, r#"Login to "apps""#);
/// assert_eq!(c.param("TYPE").unwrap(), "1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct ParamValue<'a> {
    raw: &'a [u8],
    /// [`QUOTED`], [`ESCAPED`] and [`SECRET`]: one byte, so that the value
    /// is three words and copies as such.
    flags: u8,
}

/// Written as a quoted-string.
const QUOTED: u8 = 1;
/// Holds a quoted-pair.
const ESCAPED: u8 = 2;
/// From credentials: `Debug` shows nothing of it.
const SECRET: u8 = 4;

impl<'a> ParamValue<'a> {
    #[inline]
    pub(crate) const fn from_raw(v: RawValue<'a>) -> Self {
        ParamValue {
            raw: v.raw,
            flags: ((v.quoted as u8) * QUOTED) | ((v.escaped as u8) * ESCAPED),
        }
    }

    /// The value as the grammar reads it.
    #[inline]
    pub(crate) fn raw_value(&self) -> RawValue<'a> {
        RawValue {
            raw: self.raw,
            quoted: self.is_quoted(),
            escaped: self.has_escapes(),
        }
    }

    /// The same value, marked as a secret for `Debug`.
    #[inline]
    pub(crate) fn secret(self, secret: bool) -> Self {
        ParamValue {
            flags: (self.flags & !SECRET) | ((secret as u8) * SECRET),
            ..self
        }
    }

    /// The same value, shown by `Debug`: for the params of credentials that a
    /// scheme defines as not secret (a Digest `username`, `realm`, `uri`).
    #[inline]
    pub(crate) fn revealed(self) -> Self {
        self.secret(false)
    }

    /// The value as written: for a quoted-string, the bytes between the quotes
    /// with any escapes (`\"`, `\\`, …) still in place.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// Whether the value was written as a quoted-string.
    pub fn is_quoted(&self) -> bool {
        self.flags & QUOTED != 0
    }

    /// Whether the value holds a quoted-pair, so that unescaping changes it.
    pub fn has_escapes(&self) -> bool {
        self.flags & ESCAPED != 0
    }

    /// The unescaped bytes, one by one, without allocating.
    pub fn bytes(&self) -> Unescaped<'a> {
        Unescaped(UnescapeIter::new(self.raw, self.has_escapes()))
    }

    /// The value as `&str` when that needs no copy: it has no escapes and is
    /// valid UTF-8 (values parsed from a `&str` always are).
    pub fn as_str(&self) -> Option<&'a str> {
        if self.has_escapes() {
            None
        } else {
            core::str::from_utf8(self.raw).ok()
        }
    }

    /// Compares the unescaped value with `other`, ignoring ASCII case.
    pub fn eq_ignore_ascii_case(&self, other: &[u8]) -> bool {
        if !self.has_escapes() {
            return self.raw.eq_ignore_ascii_case(other);
        }
        let mut it = self.bytes();
        other
            .iter()
            .all(|o| it.next().is_some_and(|b| b.eq_ignore_ascii_case(o)))
            && it.next().is_none()
    }

    /// The unescaped bytes: borrowed when there is nothing to unescape.
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn unescaped(&self) -> Cow<'a, [u8]> {
        if self.has_escapes() {
            // The raw length bounds the unescaped one: one allocation.
            let mut out = Vec::with_capacity(self.raw.len());
            out.extend(self.bytes());
            Cow::Owned(out)
        } else {
            Cow::Borrowed(self.raw)
        }
    }

    /// The unescaped value as text: borrowed when there is nothing to unescape.
    ///
    /// # Errors
    ///
    /// When the value holds `obs-text` bytes that are not UTF-8 (only possible
    /// for input given as bytes).
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn unescaped_str(&self) -> Result<Cow<'a, str>, NotUtf8Error> {
        match self.unescaped() {
            Cow::Borrowed(b) => core::str::from_utf8(b)
                .map(Cow::Borrowed)
                .map_err(|_| NotUtf8Error::new()),
            Cow::Owned(v) => String::from_utf8(v)
                .map(Cow::Owned)
                .map_err(|_| NotUtf8Error::new()),
        }
    }

    /// Writes the value canonically: a token where the grammar allows it, a
    /// quoted-string escaping only `"` and `\` otherwise.
    pub(crate) fn write_canonical(&self, out: &mut dyn ByteSink, force_quote: bool) -> fmt::Result {
        syntax::write_value(out, &self.raw_value(), force_quote)
    }

    /// Writes the value canonically as text (see [`syntax::TextSink`]).
    fn fmt_text(&self, f: &mut fmt::Formatter<'_>, force_quote: bool) -> fmt::Result {
        let mut sink = syntax::TextSink::new(f);
        self.write_canonical(&mut sink, force_quote)?;
        sink.finish()
    }
}

impl PartialEq for ParamValue<'_> {
    fn eq(&self, other: &Self) -> bool {
        if !self.has_escapes() && !other.has_escapes() {
            return self.raw == other.raw;
        }
        self.bytes().eq(other.bytes())
    }
}

impl Eq for ParamValue<'_> {}

/// Consistent with `Eq`: hashes the unescaped bytes.
impl Hash for ParamValue<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.bytes().count());
        for b in self.bytes() {
            state.write_u8(b);
        }
    }
}

impl PartialEq<str> for ParamValue<'_> {
    fn eq(&self, other: &str) -> bool {
        if !self.has_escapes() {
            return self.raw == other.as_bytes();
        }
        self.bytes().eq(other.bytes())
    }
}

impl PartialEq<&str> for ParamValue<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// Shows the canonical (quoted) form, or `<redacted>` for a value of
/// credentials (passwords, tokens, Digest responses live there).
impl fmt::Debug for ParamValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ParamValue(")?;
        if self.flags & SECRET != 0 {
            f.write_str("<redacted>")?;
        } else {
            self.fmt_text(f, true)?;
        }
        f.write_str(")")
    }
}

/// Writes the canonical form (see [`ParamValue`]) as text: `obs-text` that
/// is not UTF-8 comes out as U+FFFD (the writers of the types that hold
/// values, such as [`Challenge::to_bytes`](crate::Challenge::to_bytes), keep
/// every byte).
impl fmt::Display for ParamValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_text(f, false)
    }
}

/// The unescaped bytes of a [`ParamValue`], from [`ParamValue::bytes`].
#[derive(Clone, Debug)]
pub struct Unescaped<'a>(UnescapeIter<'a>);

impl Iterator for Unescaped<'_> {
    type Item = u8;

    #[inline]
    fn next(&mut self) -> Option<u8> {
        self.0.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl FusedIterator for Unescaped<'_> {}

/// One auth-param: `name=value`, borrowed from the parsed input.
///
/// Names are compared ASCII case-insensitively (RFC 9110 section 11.2).
#[derive(Clone, Copy)]
pub struct Param<'a> {
    name: &'a str,
    value: ParamValue<'a>,
}

impl<'a> Param<'a> {
    pub(crate) fn new(name: &'a [u8], value: RawValue<'a>) -> Self {
        Self::with_name(ascii_str(name), value)
    }

    #[inline]
    pub(crate) fn with_name(name: &'a str, value: RawValue<'a>) -> Self {
        Param {
            name,
            value: ParamValue::from_raw(value),
        }
    }

    /// The name as written (a token, so always ASCII).
    ///
    /// ```
    /// use http_auth_headers::InfoParams;
    ///
    /// let p = InfoParams::parse("NextNonce=abc").next().unwrap()?;
    /// assert_eq!(p.name(), "NextNonce");
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    #[inline]
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// Whether the name is `name`, ignoring ASCII case.
    ///
    /// ```
    /// use http_auth_headers::InfoParams;
    ///
    /// let p = InfoParams::parse("NextNonce=abc").next().unwrap()?;
    /// assert!(p.is("nextnonce"));
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    #[inline]
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The value.
    pub fn value(&self) -> ParamValue<'a> {
        self.value
    }

    /// Writes `name=value` with the value quoted when `force_quote` is set or
    /// when it is not a token.
    pub(crate) fn write_canonical(&self, out: &mut dyn ByteSink, force_quote: bool) -> fmt::Result {
        out.put(self.name.as_bytes())?;
        out.put(b"=")?;
        self.value.write_canonical(out, force_quote)
    }

    /// Writes `name=value` as it was written, quotes and escapes included.
    #[cfg(feature = "alloc")]
    pub(crate) fn write_as_written(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.name.as_bytes());
        out.push(b'=');
        let v = &self.value.raw_value();
        if v.quoted {
            out.push(b'"');
        }
        out.extend_from_slice(v.raw);
        if v.quoted {
            out.push(b'"');
        }
    }
}

/// Token bytes as `&str`. Tokens are ASCII, so this never loses anything.
pub(crate) fn ascii_str(b: &[u8]) -> &str {
    core::str::from_utf8(b).unwrap_or_default()
}

impl PartialEq for Param<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.name.eq_ignore_ascii_case(other.name) && self.value == other.value
    }
}

impl Eq for Param<'_> {}

/// Consistent with `Eq`: the name in lower case, the unescaped value.
impl Hash for Param<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.name.len());
        for b in self.name.bytes() {
            state.write_u8(b.to_ascii_lowercase());
        }
        self.value.hash(state);
    }
}

impl fmt::Debug for Param<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Param")
            .field(&self.name())
            .field(&self.value)
            .finish()
    }
}

/// Writes `name=value`, the value in canonical form (as text, see
/// [`ParamValue`]'s `Display`).
impl fmt::Display for Param<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sink = syntax::TextSink::new(f);
        self.write_canonical(&mut sink, false)?;
        sink.finish()
    }
}

/// The auth-params of one challenge or credentials, in order: a small `Copy`
/// view. [`get`](Self::get) looks at all of them, whatever has been
/// iterated; [`iter`](Self::iter) walks them without allocating.
///
/// The params were validated when the challenge was parsed, so iterating
/// yields them directly, not as `Result`s.
///
/// ```
/// use http_auth_headers::Challenges;
///
/// let c = Challenges::parse(r#"Digest realm="r", nonce="n", qop=auth"#).next().unwrap()?;
/// let params = c.params();
/// assert_eq!(params.len(), 3);
/// let mut it = params.iter();
/// assert_eq!(it.next().unwrap().name(), "realm");
/// // The view is unaffected by the iteration.
/// assert_eq!(params.get("realm").unwrap(), "r");
/// let names: Vec<&str> = params.into_iter().map(|p| p.name()).collect();
/// assert_eq!(names, ["realm", "nonce", "qop"]);
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct Params<'a> {
    /// From credentials: `Debug` of every value shows nothing of it.
    secret: bool,
    /// The validated source on the first line (as text when it is UTF-8),
    /// its params from `at` on: the item's whole text, so that it needs no
    /// slicing (a char-boundary test) at the first param. With [`LAX`] in
    /// `at`, read by the lenient grammar.
    src: Src<'a>,
    at: usize,
    /// The field lines the params go on in, if any.
    more: Option<Continuation<'a>>,
    len: usize,
    /// What the parse of the params on `src` found for their iteration.
    hint: RunHint,
}

impl<'a> Params<'a> {
    /// The `len` params of `src` from `at` on (then in `more`).
    #[inline]
    pub(crate) fn new(
        src: &'a [u8],
        text: Option<&'a str>,
        at: usize,
        more: Option<Continuation<'a>>,
        len: usize,
    ) -> Self {
        // `text` is `src` as text, when it is UTF-8.
        debug_assert!(text.map_or(true, |t| core::ptr::eq(t.as_bytes(), src)));
        let src = match text {
            Some(text) => Src::Text(text),
            None => Src::Bytes(src),
        };
        Self::of(src, at, more, len)
    }

    /// [`new`](Self::new) of a source that is text.
    #[inline(always)]
    pub(crate) fn from_text(
        text: &'a str,
        at: usize,
        more: Option<Continuation<'a>>,
        len: usize,
    ) -> Self {
        Self::of(Src::Text(text), at, more, len)
    }

    #[inline(always)]
    fn of(src: Src<'a>, at: usize, more: Option<Continuation<'a>>, len: usize) -> Self {
        Params {
            secret: false,
            src,
            at,
            more,
            len,
            hint: RunHint::NONE,
        }
    }

    /// The same params, read by the lenient grammar when `lax`.
    #[inline]
    pub(crate) fn lax(self, lax: bool) -> Self {
        Params {
            at: self.at | ((lax as usize) * LAX),
            ..self
        }
    }

    /// The same params, iterated with what their parse found (`src` from
    /// `at` on must then be the run it was found on, and nothing after
    /// it). Not with [`lax`](Self::lax).
    #[inline]
    pub(crate) fn hint(self, hint: RunHint) -> Self {
        debug_assert!(hint == RunHint::NONE || self.at < LAX);
        Params { hint, ..self }
    }

    /// The same params, their values marked as secrets for `Debug`.
    #[inline]
    pub(crate) fn secret(self, secret: bool) -> Self {
        Params { secret, ..self }
    }

    pub(crate) const fn empty() -> Self {
        Params {
            secret: false,
            src: Src::Bytes(&[]),
            at: 0,
            more: None,
            len: 0,
            hint: RunHint::NONE,
        }
    }

    /// The value of the first param named `name`, ignoring ASCII case.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    ///
    /// let c = Challenges::parse("Basic realm=\"a\", Realm=b").next().unwrap()?;
    /// assert_eq!(c.params().get("REALM").unwrap(), "a");
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub fn get(&self, name: &str) -> Option<ParamValue<'a>> {
        self.iter().find(|p| p.is(name)).map(|p| p.value)
    }

    /// The number of params.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    ///
    /// let c = Challenges::parse("Basic realm=a, charset=UTF-8").next().unwrap()?;
    /// assert_eq!(c.params().len(), 2);
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no params.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    ///
    /// let c = Challenges::parse("Negotiate").next().unwrap()?;
    /// assert!(c.params().is_empty());
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The params in order.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    ///
    /// let c = Challenges::parse("X a=1, b=\"2\"").next().unwrap()?;
    /// let values: Vec<String> = c.params().iter().map(|p| p.value().to_string()).collect();
    /// assert_eq!(values, ["1", "2"]);
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub fn iter(&self) -> ParamsIter<'a> {
        ParamsIter {
            secret: (self.secret as u8) * SECRET,
            src: self.src,
            at: self.at,
            remaining: self.len,
            hint: self.hint,
            rest: Elsewhere { more: self.more },
        }
    }
}

impl<'a> IntoIterator for Params<'a> {
    type Item = Param<'a>;
    type IntoIter = ParamsIter<'a>;

    fn into_iter(self) -> ParamsIter<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &Params<'a> {
    type Item = Param<'a>;
    type IntoIter = ParamsIter<'a>;

    fn into_iter(self) -> ParamsIter<'a> {
        self.iter()
    }
}

impl fmt::Debug for Params<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Equal when the params are pairwise equal, in order.
impl PartialEq for Params<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl Eq for Params<'_> {}

/// Consistent with `Eq`.
impl Hash for Params<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.len);
        for p in self.iter() {
            p.hash(state);
        }
    }
}

/// The validated source of params on one line: as text when it is UTF-8,
/// so that names are sliced from it as `&str`.
#[derive(Clone, Copy)]
enum Src<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

impl<'a> Src<'a> {
    #[inline(always)]
    fn bytes(self) -> &'a [u8] {
        match self {
            Src::Text(t) => t.as_bytes(),
            Src::Bytes(b) => b,
        }
    }

    /// The name at `range` (ASCII: a token).
    #[inline(always)]
    fn name(self, range: (usize, usize)) -> Option<&'a str> {
        match self {
            Src::Text(t) => t.get(range.0..range.1),
            Src::Bytes(b) => b.get(range.0..range.1).map(ascii_str),
        }
    }
}

/// The iterator of [`Params`], from [`Params::iter`].
///
/// ```
/// use http_auth_headers::Challenges;
///
/// let c = Challenges::parse("X a=1, b=2").next().unwrap()?;
/// let mut it = c.params().iter();
/// assert_eq!(it.len(), 2);
/// assert_eq!(it.next().unwrap().name(), "a");
/// assert_eq!(it.len(), 1);
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[derive(Clone)]
pub struct ParamsIter<'a> {
    /// [`SECRET`] for the params of credentials, else 0.
    secret: u8,
    /// The current line's strict source, read from `at` on; or, when `at`
    /// holds [`LAX`], lenient params, read from `at - LAX` on.
    src: Src<'a>,
    at: usize,
    remaining: usize,
    /// What the parse found, for the params on `src` (nothing once the
    /// iteration left it).
    hint: RunHint,
    rest: Elsewhere<'a>,
}

/// Where the params that are not on the current line's strict source are
/// read: the state of the iteration's out-of-line path.
#[derive(Clone, Copy)]
struct Elsewhere<'a> {
    more: Option<Continuation<'a>>,
}

/// Added to the index of [`ParamsIter`] in lenient params: past any
/// source, so that the strict reader finds nothing there, and the state
/// holds no other field for them (nor [`Params`] a flag to test).
const LAX: usize = 1 << (usize::BITS - 1);

/// A param's name and value, as the iteration reads them.
type Parts<'a> = (&'a str, ParamValue<'a>);

impl<'a> Elsewhere<'a> {
    /// The name and value of the next param when it is not on `src` from
    /// `at` without BWS: with BWS, read by the lenient grammar, or on the
    /// next field line; and the source and index to go on from. `None` at
    /// the end. Out of line, so that [`next`](Iterator::next) stays small.
    /// Takes and gives back its state by value: an iterator passed by
    /// `&mut` (or a part of it) to a call lives in memory, and the hot loop
    /// would load and store its fields at each param.
    #[cold]
    #[inline(never)]
    fn next(
        mut self,
        mut src: Src<'a>,
        mut at: usize,
    ) -> (Self, Src<'a>, usize, Option<Parts<'a>>) {
        let next = self.next_in(&mut src, &mut at);
        (self, src, at, next)
    }

    fn next_in(&mut self, src: &mut Src<'a>, at: &mut usize) -> Option<Parts<'a>> {
        if *at >= LAX {
            let rest = src.bytes().get(*at - LAX..).unwrap_or_default();
            let lax = crate::lenient::Lax {
                i: rest,
                line: 0,
                report: None,
                max_value_len: usize::MAX,
            };
            let (end, (n0, n1), value) = lax.next_param(0)?;
            *src = Src::Bytes(&rest[end..]);
            *at = LAX;
            return Some((ascii_str(&rest[n0..n1]), ParamValue::from_raw(value)));
        }
        // `src` holds no param from `at` without BWS (the caller looked):
        // one with BWS, perhaps.
        let read = |src: Src<'a>, at: &mut usize| {
            let p = syntax::next_valid_param_at(src.bytes(), *at, true)?;
            *at = p.next;
            Some((
                src.name(p.name).unwrap_or_default(),
                ParamValue::from_raw(p.value),
            ))
        };
        if let Some(parts) = read(*src, at) {
            return Some(parts);
        }
        loop {
            // The params go on in the next field line. (The source was
            // validated, so there is one; without, stop cleanly.)
            let more = self.more.as_mut()?;
            let line = more.line()?;
            more.next += 1;
            *src = Src::Bytes(line);
            *at = 0;
            if let Some(parts) = read(*src, at) {
                return Some(parts);
            }
        }
    }
}

impl<'a> Iterator for ParamsIter<'a> {
    type Item = Param<'a>;

    #[inline(always)]
    fn next(&mut self) -> Option<Param<'a>> {
        if self.remaining == 0 {
            return None;
        }
        // The common case: the next param on the current line. The other
        // case gives back the parts, not a `Param`: the two meet as scalars,
        // not as a `Param` in memory that the caller would copy.
        // (A name of the validated source is always there: a failure goes
        // the other way only so that it costs a branch, not a select.)
        let bytes = self.src.bytes();
        let found = if let Some(p) = self.hint.first_at(bytes, self.at) {
            // The first param, where the parse found it: no search.
            self.hint = self.hint.first_read();
            Some(p)
        } else if self.hint.is_plain() {
            // The last param ends where the source does. (When the params
            // go on in other lines, the last one is on this line if one is
            // left here at all; if none is, `at` is the end and no param is
            // read here, `last` or not.)
            let last = self.remaining == 1;
            syntax::next_plain_param_at(bytes, self.at, self.hint.is_tight(), last)
        } else {
            syntax::next_valid_param_at(bytes, self.at, false)
        }
        .and_then(|p| {
            Some((
                p.next,
                self.src.name(p.name)?,
                ParamValue::from_raw(p.value),
            ))
        });
        let (name, value) = match found {
            Some((next, name, value)) => {
                self.at = next;
                (name, value)
            }
            None => {
                let (rest, src, at, next) = self.rest.next(self.src, self.at);
                self.rest = rest;
                self.src = src;
                self.at = at;
                self.hint = RunHint::NONE;
                match next {
                    Some(parts) => parts,
                    None => {
                        self.remaining = 0;
                        return None;
                    }
                }
            }
        };
        self.remaining -= 1;
        Some(Param {
            name,
            value: ParamValue {
                flags: value.flags | self.secret,
                ..value
            },
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for ParamsIter<'_> {}

impl FusedIterator for ParamsIter<'_> {}

impl fmt::Debug for ParamsIter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParamsIter")
            .field("remaining", &self.remaining)
            .finish_non_exhaustive()
    }
}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use super::*;

    fn value(raw: &str, quoted: bool, escaped: bool) -> ParamValue<'_> {
        ParamValue::from_raw(RawValue {
            raw: raw.as_bytes(),
            quoted,
            escaped,
        })
    }

    #[test]
    fn token_and_quoted_forms_are_equal() {
        assert_eq!(value("x", false, false), value("x", true, false));
        assert_eq!(value(r"\x", true, true), value("x", false, false));
        assert_ne!(value("x", false, false), value("y", false, false));
        assert_eq!(value(r#"a\"b"#, true, true), r#"a"b"#);
    }

    #[test]
    fn unescaped_borrows_without_escapes() {
        assert!(matches!(
            value("abc", true, false).unescaped(),
            Cow::Borrowed(b"abc")
        ));
        assert_eq!(&*value(r#"a\\b\"c"#, true, true).unescaped(), br#"a\b"c"#);
        assert_eq!(value(r"a\b", true, true).as_str(), None);
        assert_eq!(value("ab", true, false).as_str(), Some("ab"));
    }

    #[test]
    fn to_str_rejects_non_utf8() {
        let v = ParamValue::from_raw(RawValue {
            raw: b"\xff",
            quoted: true,
            escaped: false,
        });
        assert_eq!(v.unescaped_str(), Err(NotUtf8Error::new()));
        assert_eq!(&*v.unescaped(), b"\xff");
    }

    #[test]
    fn eq_ignore_case_on_unescaped() {
        assert!(value(r"TR\ue", true, true).eq_ignore_ascii_case(b"true"));
        assert!(!value(r"TR\ue", true, true).eq_ignore_ascii_case(b"tru"));
        assert!(!value("tru", true, false).eq_ignore_ascii_case(b"true"));
    }

    #[test]
    fn canonical_value_form() {
        let bytes = |v: ParamValue<'_>| {
            let mut out = Vec::new();
            v.write_canonical(&mut out, false).unwrap();
            out
        };
        let obs = ParamValue::from_raw(RawValue {
            raw: b"a\\\xff\xfe",
            quoted: true,
            escaped: true,
        });
        assert_eq!(bytes(obs), b"\"a\xff\xfe\"");
        assert_eq!(obs.to_string(), "\"a\u{FFFD}\u{FFFD}\"");
        assert_eq!(value("abc", true, false).to_string(), "abc");
        assert_eq!(value(r"a\bc", true, true).to_string(), "abc");
        assert_eq!(value("a b", true, false).to_string(), "\"a b\"");
        assert_eq!(value(r#"a\"b\c"#, true, true).to_string(), r#""a\"bc""#);
        assert_eq!(value("", true, false).to_string(), "\"\"");
        assert_eq!(value(r"\\", true, true).to_string(), r#""\\""#);
    }

    /// The iteration's hot path reads params without BWS, its out-of-line
    /// path the others: names sliced from the text or from bytes, in order.
    #[test]
    fn params_iterate_with_and_without_bws_from_text_and_bytes() {
        let src = r#"a=1, b = "x\"y",c="z" ,,d =w, e= "" ,f=g"#;
        let want = [
            ("a", "1"),
            ("b", "x\"y"),
            ("c", "z"),
            ("d", "w"),
            ("e", ""),
            ("f", "g"),
        ];
        for text in [Some(src), None] {
            let p = Params::new(src.as_bytes(), text, 0, None, want.len());
            let mut it = p.iter();
            for (k, (name, value)) in want.iter().enumerate() {
                assert_eq!(it.len(), want.len() - k);
                let param = it.next().unwrap();
                assert_eq!(param.name(), *name);
                assert_eq!(param.value(), *value);
            }
            assert!(it.next().is_none());
            assert!(it.next().is_none());
        }
    }

    /// Params read from an offset of the whole text (strict or lenient,
    /// from text or bytes) are the params of the text sliced there.
    #[test]
    fn params_from_an_offset_are_those_of_the_slice() {
        let list = r#"a=1, b = "x\"y",c="z" ,,d =w, e= "" ,f=g"#;
        for prefix in ["", "X ", "Basic ", "caf\u{e9} ", "\u{1F600}\u{1F600} "] {
            let whole = alloc::format!("{prefix}{list}");
            let at = prefix.len();
            for lax in [false, true] {
                for text in [Some(whole.as_str()), None] {
                    let got = Params::new(whole.as_bytes(), text, at, None, 6).lax(lax);
                    let want = Params::new(list.as_bytes(), None, 0, None, 6).lax(lax);
                    let got: Vec<_> = got.iter().map(|p| (p.name(), p.value())).collect();
                    let want: Vec<_> = want.iter().map(|p| (p.name(), p.value())).collect();
                    assert_eq!(got.len(), 6, "{whole:?} {lax}");
                    assert_eq!(got, want, "{whole:?} {lax}");
                }
                let got = Params::from_text(&whole, at, None, 6).lax(lax);
                assert!(got
                    .iter()
                    .eq(Params::new(list.as_bytes(), None, 0, None, 6).iter()));
            }
        }
    }

    #[test]
    fn params_iterate_validated_source() {
        let p = Params::new(br#"a=1 ,, B = "x\"y",c=z"#, None, 0, None, 3);
        let names: Vec<_> = p.iter().map(|p| p.name()).collect();
        assert_eq!(names, ["a", "B", "c"]);
        assert_eq!(p.get("b").unwrap(), "x\"y");
        assert_eq!(p.len(), 3);
        assert!(p.get("d").is_none());
    }
}
