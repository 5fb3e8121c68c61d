//! What a challenge and credentials share: `auth-scheme [ 1*SP ( token68 /
//! #auth-param ) ]`, its storage (borrowed or owned), accessors, canonical
//! writer, equality and hash.

#[cfg(feature = "alloc")]
use alloc::{sync::Arc, vec::Vec};
use core::fmt;
use core::hash::{Hash, Hasher};

use crate::lines::{Continuation, FieldLines};
use crate::param::{ascii_str, Params};
use crate::redact::Redacted;
use crate::syntax::{self, Body, ByteSink, Parsed, RunHint};

/// Which field an item belongs to; it selects the quoting rules of the writer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Challenge,
    Credentials,
}

/// The bytes of an item: borrowed from the parsed input, or owned; kept
/// as `str` when they are UTF-8 (checked once per item), so that names and
/// the scheme are sliced as `&str` without checking each again.
#[derive(Clone)]
enum Text<'a> {
    Bytes(&'a [u8]),
    Str(&'a str),
    #[cfg(feature = "alloc")]
    SharedBytes(Arc<[u8]>),
    #[cfg(feature = "alloc")]
    SharedStr(Arc<str>),
}

impl<'a> Text<'a> {
    #[inline]
    fn new(bytes: &'a [u8]) -> Self {
        match core::str::from_utf8(bytes) {
            Ok(s) => Text::Str(s),
            Err(_) => Text::Bytes(bytes),
        }
    }

    #[inline]
    fn bytes(&self) -> &[u8] {
        match self {
            Text::Bytes(b) => b,
            Text::Str(s) => s.as_bytes(),
            #[cfg(feature = "alloc")]
            Text::SharedBytes(b) => b,
            #[cfg(feature = "alloc")]
            Text::SharedStr(s) => s.as_bytes(),
        }
    }

    #[inline]
    fn as_str(&self) -> Option<&str> {
        match self {
            Text::Str(s) => Some(s),
            #[cfg(feature = "alloc")]
            Text::SharedStr(s) => Some(s),
            _ => None,
        }
    }

    /// The bytes, and the same as `str` where the text is: borrowed text
    /// first (the parsed case), read by one test.
    #[inline(always)]
    fn view(&self) -> (&[u8], Option<&str>) {
        match self {
            Text::Str(s) => (s.as_bytes(), Some(s)),
            _ => self.view_other(),
        }
    }

    /// [`view`](Self::view) of the other variants, out of line.
    #[cold]
    #[inline(never)]
    fn view_other(&self) -> (&[u8], Option<&str>) {
        (self.bytes(), self.as_str())
    }

    /// `bytes()[range]` as `&str` (ASCII there: a scheme or a token68).
    #[inline(always)]
    fn ascii(&self, range: core::ops::Range<usize>) -> &str {
        let (b, s) = self.view();
        match s.and_then(|s| s.get(range.clone())) {
            Some(s) => s,
            None => ascii_str(b.get(range).unwrap_or_default()),
        }
    }

    /// The same text, owned.
    #[cfg(feature = "alloc")]
    fn into_owned(self) -> Text<'static> {
        match self {
            Text::Bytes(b) => Text::SharedBytes(Arc::from(b)),
            Text::Str(s) => Text::SharedStr(Arc::from(s)),
            Text::SharedBytes(b) => Text::SharedBytes(b),
            Text::SharedStr(s) => Text::SharedStr(s),
        }
    }

    #[cfg(feature = "alloc")]
    fn owned_from(bytes: Vec<u8>) -> Text<'static> {
        match alloc::string::String::from_utf8(bytes) {
            Ok(s) => Text::SharedStr(Arc::from(s)),
            Err(e) => Text::SharedBytes(Arc::from(e.into_bytes())),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Empty,
    Token68,
    Params,
}

/// The parsed parts of a challenge or credentials: the item's text on the
/// line where it starts (from its scheme to the end of its body there), where
/// its body starts, its param count, and the field lines its params go on
/// in, if any.
#[derive(Clone)]
pub(crate) struct Item<'a> {
    text: Text<'a>,
    scheme_len: u32,
    body_at: u32,
    count: u32,
    kind: Kind,
    /// Read by the lenient grammar: its params are re-read by it.
    lax: bool,
    /// The field lines its params go on in ([`Continuation`]), kept as
    /// two fields: the line index beside the other offsets.
    lines: Option<&'a (dyn FieldLines + Sync)>,
    next: u32,
    /// What the iteration of its params may take from the parse (nothing
    /// in `lax`).
    hint: RunHint,
}

/// The offset of `sub` in `whole`; `sub` is a slice of `whole`.
fn offset_in(whole: &[u8], sub: &[u8]) -> usize {
    (sub.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize)
}

impl<'a> Item<'a> {
    /// The item `parsed` from `start` (its line from the scheme on), with
    /// `count` params in all (across lines) and the lines that go on with
    /// them. `None` when an offset does not fit in 32 bits (a field line of
    /// 4 GiB).
    #[inline]
    pub(crate) fn new(
        start: &'a [u8],
        parsed: &Parsed<'a>,
        count: usize,
        more: Option<Continuation<'a>>,
        line: (&'a [u8], Option<&'a str>),
    ) -> Option<Self> {
        let scheme_len = parsed.scheme.len();
        let (kind, body_at, end) = match parsed.body {
            Body::Empty if count > 0 => (Kind::Params, scheme_len, scheme_len),
            Body::Empty => (Kind::Empty, scheme_len, scheme_len),
            Body::Token68(t) => {
                let at = offset_in(start, t);
                (Kind::Token68, at, at + t.len())
            }
            Body::Params(src, _) => {
                let at = offset_in(start, src);
                (Kind::Params, at, at + src.len())
            }
        };
        // The offsets are at most `end`; one test for all of them.
        if (end | count) > u32::MAX as usize {
            return None;
        }
        Some(Item {
            text: match line.1 {
                // The line is text already: slice it (an item starts and ends
                // at ASCII bytes, so at character boundaries).
                Some(text) => {
                    let at = offset_in(line.0, start);
                    match text.get(at..at.wrapping_add(end)) {
                        Some(s) => Text::Str(s),
                        None => Text::new(start.get(..end)?),
                    }
                }
                None => Text::new(start.get(..end)?),
            },
            scheme_len: scheme_len as u32,
            body_at: body_at as u32,
            count: count as u32,
            kind,
            lax: false,
            lines: more.map(|m| m.lines),
            next: more.map_or(0, |m| m.next),
            hint: parsed.hint,
        })
    }

    /// The item `scheme 1*SP token68` that ends its line: `start` is the
    /// line from the scheme on, the token68 is `start[body_at..]`. What
    /// [`new`](Self::new) makes of the same parse, built directly for the
    /// fast path of credentials.
    #[inline]
    pub(crate) fn from_token68(
        start: &'a [u8],
        scheme_len: usize,
        body_at: usize,
        line: (&'a [u8], Option<&'a str>),
    ) -> Option<Self> {
        let text = match line.1.and_then(|text| text.get(offset_in(line.0, start)..)) {
            Some(s) => Text::Str(s),
            None => Text::new(start),
        };
        Some(Item {
            text,
            scheme_len: u32::try_from(scheme_len).ok()?,
            body_at: u32::try_from(body_at).ok()?,
            count: 0,
            kind: Kind::Token68,
            lax: false,
            lines: None,
            next: 0,
            hint: RunHint::NONE,
        })
    }

    /// The same item, its params read by the lenient grammar.
    pub(crate) fn into_lax(self) -> Self {
        Item {
            lax: true,
            hint: RunHint::NONE,
            ..self
        }
    }

    /// The field lines its params go on in, if any.
    #[inline]
    fn more(&self) -> Option<Continuation<'a>> {
        self.lines.map(|lines| Continuation {
            lines,
            next: self.next,
        })
    }

    #[inline]
    pub(crate) fn scheme_bytes(&self) -> &[u8] {
        &self.text.bytes()[..self.scheme_len as usize]
    }

    /// Whether the scheme is `name`, ignoring ASCII case. A name of at most
    /// eight bytes is compared as one word (the item's first eight bytes,
    /// the bytes after the scheme masked off), case folded only where the
    /// name has letters.
    #[inline]
    pub(crate) fn is_scheme(&self, name: &[u8]) -> bool {
        let len = self.scheme_len as usize;
        if len != name.len() {
            return false;
        }
        let text = self.text.bytes();
        if (1..=8).contains(&len) {
            if let Some(&[a, b, c, d, e, f, g, h]) = text.get(..8) {
                let mut padded = [0u8; 8];
                padded[..len].copy_from_slice(name);
                let mask = u64::MAX >> (64 - 8 * len as u32);
                let x = u64::from_le_bytes([a, b, c, d, e, f, g, h]);
                let n = u64::from_le_bytes(padded);
                // Case is ignored by setting 0x20 on both sides where the name
                // has a letter: a byte ORed with 0x20 is that lower-case letter
                // only when it is the letter in either case. Elsewhere the
                // bytes must be equal. (For a constant name only the text's
                // side is left: one OR.)
                let fold = syntax::ascii_letters(n) >> 2;
                return (x | fold) & mask == (n | fold) & mask;
            }
        }
        // Not `scheme_bytes()`, whose slicing can panic: with it the Bearer
        // credentials parse took 40 more instructions (callgrind).
        text.get(..len)
            .is_some_and(|s| s.eq_ignore_ascii_case(name))
    }

    #[inline]
    pub(crate) fn scheme(&self) -> &str {
        self.text.ascii(0..self.scheme_len as usize)
    }

    #[inline]
    pub(crate) fn token68_bytes(&self) -> Option<&[u8]> {
        (self.kind == Kind::Token68).then(|| &self.text.bytes()[self.body_at as usize..])
    }

    #[inline]
    pub(crate) fn token68(&self) -> Option<&str> {
        (self.kind == Kind::Token68).then(|| {
            self.text
                .ascii(self.body_at as usize..self.text.bytes().len())
        })
    }

    #[inline]
    pub(crate) fn params(&self) -> Params<'_> {
        if self.kind == Kind::Params {
            // The whole text, read from the body on: no slicing here;
            // borrowed text by one test (no `Option<&str>` to test again).
            let (at, more, len) = (self.body_at as usize, self.more(), self.count as usize);
            let params = match &self.text {
                Text::Str(s) => Params::from_text(s, at, more, len),
                text => {
                    let (src, text) = text.view_other();
                    Params::new(src, text, at, more, len)
                }
            };
            params.lax(self.lax).hint(self.hint)
        } else {
            Params::empty()
        }
    }

    /// The same item, owning its bytes. An item whose params go on over
    /// several field lines becomes one value (scheme, SP, its params as
    /// written joined by `", "`), which parses to the same item.
    #[cfg(feature = "alloc")]
    pub(crate) fn into_owned(self) -> Item<'static> {
        let more = self.more();
        let (text, body_at, hint) = match (self.text, more) {
            (text, None) => (text.into_owned(), self.body_at, self.hint),
            (text, Some(_)) => {
                let this = Item { text, ..self };
                let mut out = Vec::from(this.scheme_bytes());
                for (i, p) in this.params().iter().enumerate() {
                    out.extend_from_slice(if i == 0 { b" " } else { b", " });
                    p.write_as_written(&mut out);
                }
                (Text::owned_from(out), self.scheme_len + 1, RunHint::NONE)
            }
        };
        Item {
            text,
            scheme_len: self.scheme_len,
            body_at,
            count: self.count,
            kind: self.kind,
            lax: self.lax,
            lines: None,
            next: 0,
            hint,
        }
    }

    /// Writes the canonical form: the scheme, then one SP and the token68
    /// or the params joined by `", "`, each value a token where the grammar
    /// allows and the scheme's rules do not ask for quotes.
    pub(crate) fn write(&self, out: &mut dyn ByteSink, role: Role) -> fmt::Result {
        let scheme = self.scheme_bytes();
        out.put(scheme)?;
        if let Some(t) = self.token68_bytes() {
            out.put(b" ")?;
            // A token68 read in lenient mode may hold the line breaks of a
            // base64 encoder that wraps its lines: they carry nothing, and
            // are left out (a strict token68 is one part).
            for part in t.split(|&b| b == b'\r' || b == b'\n') {
                out.put(part)?;
            }
            return Ok(());
        }
        for (i, p) in self.params().iter().enumerate() {
            out.put(if i == 0 { b" " } else { b", " })?;
            p.write_canonical(out, must_quote(role, scheme, p.name().as_bytes()))?;
        }
        Ok(())
    }

    /// `Display`: the canonical form as text.
    pub(crate) fn fmt_text(&self, f: &mut fmt::Formatter<'_>, role: Role) -> fmt::Result {
        let mut sink = syntax::TextSink::new(f);
        self.write(&mut sink, role)?;
        sink.finish()
    }

    /// The canonical form, byte for byte.
    #[cfg(feature = "alloc")]
    pub(crate) fn to_bytes(&self, role: Role) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.bytes().len() + 8);
        let _ = self.write(&mut out, role);
        out
    }
}

impl Item<'_> {
    /// Equality for credentials: as `==`, but the token68 and the param
    /// values (secrets) are compared in constant time (given their lengths).
    pub(crate) fn ct_eq(&self, other: &Item<'_>) -> bool {
        use subtle::{Choice, ConstantTimeEq};
        if !self
            .scheme_bytes()
            .eq_ignore_ascii_case(other.scheme_bytes())
            || self.kind != other.kind
            || self.count != other.count
        {
            return false;
        }
        let mut same = Choice::from(1);
        if let (Some(a), Some(b)) = (self.token68_bytes(), other.token68_bytes()) {
            same &= a.ct_eq(b);
        }
        for (a, b) in self.params().iter().zip(other.params().iter()) {
            // Names are not secret.
            if !a.name().eq_ignore_ascii_case(b.name()) {
                return false;
            }
            let (a, b) = (a.value(), b.value());
            if a.bytes().count() != b.bytes().count() {
                return false;
            }
            if !a.has_escapes() && !b.has_escapes() {
                same &= a.raw().ct_eq(b.raw());
            } else {
                for (x, y) in a.bytes().zip(b.bytes()) {
                    same &= x.ct_eq(&y);
                }
            }
        }
        same.into()
    }
}

impl PartialEq for Item<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.scheme_bytes()
            .eq_ignore_ascii_case(other.scheme_bytes())
            && self.kind == other.kind
            && self.token68_bytes() == other.token68_bytes()
            && self.params() == other.params()
    }
}

impl Eq for Item<'_> {}

/// Consistent with `Eq`: the scheme in lower case, the token68 as it is,
/// the params as [`Params`] hashes them.
impl Hash for Item<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let scheme = self.scheme_bytes();
        state.write_usize(scheme.len());
        for b in scheme {
            state.write_u8(b.to_ascii_lowercase());
        }
        self.kind.hash(state);
        self.token68_bytes().hash(state);
        self.params().hash(state);
    }
}

/// Whether the writer must quote a param even when its value is a token.
/// The rules live with each scheme, in [`crate::scheme`].
pub(crate) fn must_quote(role: Role, scheme: &[u8], name: &[u8]) -> bool {
    crate::scheme::must_quote(role, scheme, name)
}

/// The `Authentication-Info` sender rule; see [`crate::scheme`].
#[cfg_attr(not(feature = "alloc"), allow(dead_code))]
pub(crate) fn info_must_quote(name: &[u8]) -> bool {
    crate::scheme::info_must_quote(name)
}

/// The accessors that [`Challenge`](crate::Challenge) and
/// [`Credentials`](crate::Credentials) share, written once.
macro_rules! item_accessors {
    ($ty:ident, $what:literal, $secret:literal, $example:literal, $owned_example:literal) => {
        /// The auth-scheme as written (a token, so ASCII). Compare it with
        /// [`is_scheme`](Self::is_scheme): schemes are case-insensitive.
        ///
        /// ```
        #[doc = $example]
        /// assert_eq!(item.scheme(), "Digest");
        /// assert!(item.is_scheme("DIGEST"));
        /// # Ok::<(), http_auth_headers::Error>(())
        /// ```
        #[inline]
        pub fn scheme(&self) -> &str {
            self.0.scheme()
        }

        /// Whether the auth-scheme is `scheme`, ignoring ASCII case
        /// (RFC 9110 section 11.1).
        ///
        /// ```
        #[doc = $example]
        /// assert!(item.is_scheme("digest"));
        /// assert!(!item.is_scheme("Basic"));
        /// # Ok::<(), http_auth_headers::Error>(())
        /// ```
        #[inline]
        pub fn is_scheme(&self, scheme: &str) -> bool {
            self.0.is_scheme(scheme.as_bytes())
        }

        #[doc = concat!("The token68 of the ", $what, ", if it has one instead of params.")]
        ///
        /// ```
        #[doc = $example]
        /// assert_eq!(item.token68(), None);
        /// # Ok::<(), http_auth_headers::Error>(())
        /// ```
        #[inline]
        pub fn token68(&self) -> Option<&str> {
            self.0.token68()
        }

        #[doc = concat!("The auth-params of the ", $what, ", in order (none when it has a token68): a `Copy` view.")]
        ///
        /// ```
        #[doc = $example]
        /// let params = item.params();
        /// assert_eq!(params.len(), 2);
        /// assert_eq!(params.iter().map(|p| p.name()).collect::<Vec<_>>(), ["realm", "nonce"]);
        /// # Ok::<(), http_auth_headers::Error>(())
        /// ```
        #[inline]
        pub fn params(&self) -> crate::Params<'_> {
            self.0.params().secret($secret)
        }

        /// The value of the first param named `name`, ignoring ASCII case.
        ///
        /// ```
        #[doc = $example]
        /// assert_eq!(item.param("NONCE").unwrap(), "abc");
        /// assert!(item.param("opaque").is_none());
        /// # Ok::<(), http_auth_headers::Error>(())
        /// ```
        #[inline]
        pub fn param(&self, name: &str) -> Option<crate::ParamValue<'_>> {
            self.params().get(name)
        }

        #[doc = concat!("The same ", $what, ", owning its bytes, so that it can be kept past the input (across requests, or `.await` points).")]
        ///
        /// ```
        #[doc = $owned_example]
        /// # Ok::<(), http_auth_headers::Error>(())
        /// ```
        #[cfg(feature = "alloc")]
        #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
        pub fn into_owned(self) -> $ty<'static> {
            $ty(self.0.into_owned())
        }
    };
}

pub(crate) use item_accessors;

/// Debug output shared by both item types; `redact` hides the token68 and
/// the values of params (credentials carry secrets).
pub(crate) fn debug_item(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    item: &Item<'_>,
    redact: bool,
) -> fmt::Result {
    struct Names<'a>(Params<'a>);
    impl fmt::Debug for Names<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_map()
                .entries(self.0.iter().map(|p| (p.name(), Redacted)))
                .finish()
        }
    }
    let mut d = f.debug_struct(name);
    d.field("scheme", &item.scheme());
    if redact {
        d.field("token68", &item.token68_bytes().map(|_| Redacted));
        d.field("params", &Names(item.params()));
    } else {
        d.field("token68", &item.token68());
        d.field("params", &item.params());
    }
    d.finish()
}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use super::Item;
    use crate::syntax::RunHint;
    use crate::{Challenges, Credentials};
    use alloc::format;

    /// The params of a challenge, from text, bytes (UTF-8 or not), lines
    /// and owned: names sliced from the whole item's text (which starts at
    /// the scheme, not at the first param) are the names as written, also
    /// after multi-byte characters.
    #[test]
    fn params_names_from_every_storage() {
        use alloc::{string::String, vec::Vec};
        let values = [
            "Basic realm=\"caf\u{e9}\", charset=\"UTF-8\"",
            "X a=\"\u{1F600}\", Bb=1, c=\"\u{e9}\u{e9}\", dd=x",
            "X  a=1,b=\"\u{e9}\" , c=2",
            "Y, X a=\"\u{e9}\", b=2",
        ];
        for value in values {
            let names = |c: &crate::Challenge<'_>| -> Vec<String> {
                c.params().iter().map(|p| p.name().into()).collect()
            };
            let text: Vec<_> = Challenges::parse(value).map(|c| c.unwrap()).collect();
            let bytes: Vec<_> = Challenges::parse(value.as_bytes())
                .map(|c| c.unwrap())
                .collect();
            let mut latin1 = Vec::from(value.as_bytes());
            latin1.retain(|&b| b != 0xc3);
            let raw: Vec<_> = Challenges::parse(&latin1[..]).map(|c| c.unwrap()).collect();
            let lines = [value];
            let many: Vec<_> = Challenges::parse_lines(&lines)
                .map(|c| c.unwrap())
                .collect();
            for (i, c) in text.iter().enumerate() {
                let want = names(c);
                assert!(
                    want.iter().all(|n| !n.is_empty() && n.is_ascii()),
                    "{want:?}"
                );
                for other in [&bytes[i], &raw[i], &many[i]] {
                    assert_eq!(names(other), want, "{value:?}");
                    assert_eq!(other.scheme(), c.scheme(), "{value:?}");
                }
                assert_eq!(names(&c.clone().into_owned()), want, "{value:?}");
                assert_eq!(c.clone().into_owned().scheme(), c.scheme());
            }
        }
    }

    /// What the parse hands to the iteration ([`RunHint`]) changes nothing
    /// the iteration yields: every challenge and credentials of values built
    /// from params of every form (plain or not, quoted or not, empty, a
    /// long name, obs-text, BWS, quoted-pairs) and separators, in one line
    /// or split over two, as text or as bytes that are not UTF-8, borrowed
    /// or owned, iterates (names, values, order, `get`) as the same item
    /// without the hint. Plain runs do carry a hint, so both of its uses
    /// (the first param, then the plain reading) are taken.
    #[test]
    fn hinted_iteration_reads_what_the_bytes_say() {
        use alloc::{string::String, vec, vec::Vec};
        let long = "n".repeat(300);
        let params = [
            String::from("realm=\"WallyWorld\""),
            String::from("charset=UTF-8"),
            String::from("a=\"\""),
            String::from("Mixed-Case=\"x y\tz\""),
            String::from("q=\"a\\\"b\""),
            String::from("b = c"),
            String::from("d= \"e\""),
            format!("{long}=1"),
            String::from("x=\"caf\u{e9}\""),
            String::from("t=tok"),
        ];
        let seps = [", ", ",", " , ,", ",\t", " ,"];
        let collect = |p: crate::Params<'_>| -> Vec<(String, Vec<u8>)> {
            p.iter()
                .map(|p| (String::from(p.name()), p.value().unescaped().into_owned()))
                .collect()
        };
        let check = |item: &Item<'_>, value: &str, hinted: &mut usize| {
            let bare = Item {
                hint: RunHint::NONE,
                ..item.clone()
            };
            let (got, want) = (collect(item.params()), collect(bare.params()));
            assert_eq!(got, want, "{value:?}");
            assert_eq!(got.len(), item.params().len(), "{value:?}");
            for (name, _) in &want {
                assert_eq!(
                    item.params().get(name),
                    bare.params().get(name),
                    "{value:?}"
                );
            }
            *hinted += (item.hint != RunHint::NONE) as usize;
        };
        let mut hinted = 0;
        let mut values = Vec::new();
        for a in &params {
            values.push(format!("X {a}"));
            for b in &params {
                for sep in seps {
                    values.push(format!("X {a}{sep}{b}"));
                    values.push(format!("X {a}{sep}{b}, Y {b}{sep}{a}"));
                    for c in ["t=tok", "realm=\"r\""] {
                        values.push(format!("X {a}{sep}{b}{sep}{c}"));
                    }
                }
            }
        }
        // At the edges of what the hint holds: names of 255 and 256 bytes,
        // values of 2 MiB less one byte and 2 MiB.
        for n in [255, 256] {
            let name = "n".repeat(n);
            values.push(format!("X {name}=1, b=2"));
            values.push(format!("X {name}=\"v\", {name}=\"w\""));
        }
        for n in [(1 << 21) - 1, 1 << 21] {
            let v = "v".repeat(n);
            values.push(format!("X a=\"{v}\", b=2"));
            values.push(format!("X a={v}, b=\"{v}\""));
        }
        for value in &values {
            for c in Challenges::parse(value.as_str()) {
                let c = c.unwrap();
                check(&c.0, value, &mut hinted);
                // Owned, the text is the same bytes: the hint holds.
                check(&c.into_owned().0, value, &mut hinted);
            }
            if let Ok(c) = Credentials::parse(value.as_str()) {
                check(&c.0, value, &mut hinted);
            }
            // As bytes that are not UTF-8 (obs-text): names from bytes.
            let latin1: Vec<u8> = value.bytes().filter(|&b| b != 0xc3).collect();
            for c in Challenges::parse(&latin1[..]) {
                check(&c.unwrap().0, value, &mut hinted);
            }
            // Split after each comma: the params go on over two lines.
            for (at, _) in value.match_indices(',') {
                let lines = vec![&value[..at], &value[at + 1..]];
                for c in Challenges::parse_lines(&lines) {
                    let c = c.unwrap();
                    check(&c.0, value, &mut hinted);
                    // Owned, the lines are joined: no hint.
                    check(&c.into_owned().0, value, &mut hinted);
                }
            }
        }
        assert!(hinted > values.len(), "{hinted}");
    }

    /// The one-word comparison of a scheme gives what `eq_ignore_ascii_case`
    /// gives: for every length from one to nine and a longer one, names that
    /// differ in case, in one byte, in length, and items shorter than eight
    /// bytes.
    #[test]
    fn is_scheme_agrees_with_eq_ignore_ascii_case() {
        let schemes = [
            "B",
            "Ab",
            "Basic",
            "BASIC",
            "basic",
            "Basid",
            "Basi",
            "Basics",
            "Bearer",
            "Bearerx",
            "DPoP",
            "dpop",
            "Digest",
            "Negotiate",
            "NEGOTIATE",
            "Negotiatf",
            "AWS4-HMAC-SHA256",
            "a~b",
            "A~B",
            "Mutual",
            "mutuaL",
            "Negotiat",
        ];
        for scheme in schemes {
            for tail in ["", " abc", " a=b", " xyzxyzxyz"] {
                let value = format!("{scheme}{tail}");
                let c = Credentials::parse(&value).unwrap();
                let ch = Challenges::parse(&value).next().unwrap().unwrap();
                for name in schemes {
                    let want = scheme.eq_ignore_ascii_case(name);
                    assert_eq!(c.is_scheme(name), want, "{value:?} {name:?}");
                    assert_eq!(ch.is_scheme(name), want, "{value:?} {name:?}");
                }
                assert!(!c.is_scheme(""));
            }
        }
    }

    /// The case folding of the one-word comparison, byte by byte: every
    /// tchar of a scheme at every position of schemes of one to eight bytes
    /// (with and without a token68 after them), against every byte of the
    /// name there.
    #[test]
    fn is_scheme_folds_only_letters() {
        let tchars: Vec<u8> = (0..=255u8)
            .filter(|&b| crate::syntax::is(b, crate::syntax::TCHAR))
            .collect();
        for len in 1..=8 {
            for pos in 0..len {
                for &b in &tchars {
                    let mut scheme = vec![b'k'; len];
                    scheme[pos] = b;
                    for tail in [&b""[..], b" abc"] {
                        let value = [&scheme[..], tail].concat();
                        let c = Credentials::parse(&value[..]).unwrap();
                        for n in 0..=255u8 {
                            let mut name = scheme.clone();
                            name[pos] = n;
                            let want = scheme.eq_ignore_ascii_case(&name);
                            assert_eq!(c.0.is_scheme(&name), want, "{value:?} {name:?}");
                        }
                    }
                }
            }
        }
    }
}
