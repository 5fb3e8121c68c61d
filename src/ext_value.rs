//! RFC 8187 `ext-value`: the encoding of non-ASCII text in a parameter whose
//! name ends in `*`, such as Digest's `username*` (RFC 7616 section 3.4).
//!
//! ```text
//! ext-value     = charset  "'" [ language ] "'" value-chars
//! charset       = "UTF-8" / mime-charset
//! value-chars   = *( pct-encoded / attr-char )
//! pct-encoded   = "%" HEXDIG HEXDIG
//! attr-char     = ALPHA / DIGIT
//!               / "!" / "#" / "$" / "&" / "+" / "-" / "."
//!               / "^" / "_" / "`" / "|" / "~"
//! ```
//! (RFC 8187 section 3.2.1)
//!
//! ```
//! use http_auth_headers::ext_value::{self, Charset, ExtValue};
//!
//! let v = ExtValue::parse("UTF-8''J%C3%A4s%C3%B8n%20Doe")?;
//! assert_eq!(v.charset(), Charset::UTF_8);
//! assert_eq!(v.language(), None);
//! assert_eq!(v.decoded_str()?, "Jäsøn Doe");
//!
//! // The encoder writes UTF-8 and percent-encodes everything but attr-char.
//! assert_eq!(ext_value::encode("Jäsøn Doe").to_string(), "UTF-8''J%C3%A4s%C3%B8n%20Doe");
//! # Ok::<(), http_auth_headers::ext_value::ExtValueError>(())
//! ```
//!
//! ## Implementation notes
//!
//! - Charset names and language tags are ASCII and compared
//!   case-insensitively (RFC 8187 section 3.2.1).
//! - [`ExtValue::parse`] accepts any syntactically valid charset and checks
//!   that a `UTF-8` value decodes to valid UTF-8. [`ExtValue::decoded_str`]
//!   converts `UTF-8` and `ISO-8859-1` (which RFC 5987, the version RFC 7616
//!   cites, still allowed); other charsets are
//!   [`ExtValueError::UnsupportedCharset`].
//! - The language is checked only for the characters a language tag is made
//!   of (ALPHA, DIGIT and `-`), not against the full RFC 5646 grammar.
//! - Parsing and [`ExtValue::bytes`] never allocate.

#[cfg(feature = "alloc")]
use alloc::{borrow::Cow, string::String, vec::Vec};
use core::fmt;
use core::iter::FusedIterator;

/// Why a value is not a valid `ext-value`, or cannot be turned into text.
///
/// ```
/// use http_auth_headers::ext_value::{ExtValue, ExtValueError};
///
/// assert_eq!(ExtValue::parse("UTF-8''100%").unwrap_err(), ExtValueError::InvalidPercentEncoding(10));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ExtValueError {
    /// The value lacks one of the two `'` that end the charset and the
    /// language.
    #[error("expected charset'language'value: a `'` is missing")]
    MissingQuote,
    /// The charset is empty or holds a byte that no charset name may hold.
    #[error("the charset name is empty or not a valid mime-charset")]
    InvalidCharset,
    /// The language holds a byte other than ALPHA, DIGIT or `-`.
    #[error("the language tag holds an invalid character")]
    InvalidLanguage,
    /// A byte of the value is neither an attr-char nor part of a
    /// pct-encoded octet; the field is its offset in the input.
    #[error("invalid character at offset {0}: only attr-char and %XX are allowed")]
    InvalidCharacter(usize),
    /// A `%` not followed by two hexadecimal digits; the field is its offset
    /// in the input.
    #[error("invalid percent-encoding at offset {0}")]
    InvalidPercentEncoding(usize),
    /// The charset is UTF-8 and the decoded bytes are not valid UTF-8.
    #[error("the decoded value is not valid UTF-8")]
    InvalidUtf8,
    /// The value is valid, but its charset is neither UTF-8 nor ISO-8859-1,
    /// so it cannot be turned into text.
    #[error("unsupported charset: only UTF-8 and ISO-8859-1 can be decoded")]
    UnsupportedCharset,
}

/// The charset of an [`ExtValue`], matched ASCII case-insensitively.
///
/// An opaque name with associated constants for the charsets this crate
/// decodes, as `http::Method` has: any other charset is kept as written and
/// compares equal to a constant a later version adds.
///
/// ```
/// use http_auth_headers::ext_value::Charset;
///
/// assert_eq!(Charset::from_name("utf-8"), Charset::UTF_8);
/// assert_eq!(Charset::from_name("utf-8").name(), "UTF-8");
/// assert_eq!(Charset::from_name("koi8-r"), Charset::from_name("KOI8-R"));
/// assert_eq!(Charset::from_name("koi8-r").name(), "koi8-r");
/// ```
#[derive(Clone, Copy)]
pub struct Charset<'a> {
    name: &'a str,
}

impl Charset<'static> {
    /// `UTF-8`, the only charset RFC 8187 lets producers use.
    ///
    /// ```
    /// use http_auth_headers::ext_value::Charset;
    ///
    /// assert_eq!(Charset::from_name("utf-8"), Charset::UTF_8);
    /// ```
    pub const UTF_8: Self = Charset { name: "UTF-8" };
    /// `ISO-8859-1`, allowed by RFC 5987 (obsoleted by RFC 8187).
    ///
    /// ```
    /// use http_auth_headers::ext_value::Charset;
    ///
    /// assert_eq!(Charset::from_name("iso-8859-1"), Charset::ISO_8859_1);
    /// ```
    pub const ISO_8859_1: Self = Charset { name: "ISO-8859-1" };
}

crate::scheme::case_insensitive_name!(
    Charset,
    [Charset::UTF_8, Charset::ISO_8859_1],
    "http_auth_headers::ext_value::Charset",
    UTF_8,
    "utf-8",
    "UTF-8"
);

/// A parsed `ext-value`, borrowed from the input: its charset, its language
/// and its percent-encoded value, which is decoded on demand.
///
/// Equality compares the charset, the language (ignoring ASCII case) and the
/// decoded bytes.
///
/// ```
/// use http_auth_headers::ext_value::ExtValue;
///
/// let a = ExtValue::parse("utf-8''%41b")?;
/// assert_eq!(a, ExtValue::parse("UTF-8''Ab")?);
/// assert_eq!(a.to_string(), "utf-8''%41b");
/// # Ok::<(), http_auth_headers::ext_value::ExtValueError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct ExtValue<'a> {
    charset_name: &'a str,
    charset: Charset<'a>,
    language: &'a str,
    value_chars: &'a str,
}

impl<'a> ExtValue<'a> {
    /// Parses and validates an `ext-value`.
    ///
    /// ```
    /// use http_auth_headers::ext_value::{Charset, ExtValue, ExtValueError};
    ///
    /// let v = ExtValue::parse("iso-8859-1'en'%A3%20rates")?;
    /// assert_eq!(v.charset(), Charset::ISO_8859_1);
    /// assert_eq!(v.language(), Some("en"));
    /// assert!(v.bytes().eq(*b"\xa3 rates"));
    /// assert_eq!(v.decoded_str()?, "£ rates");
    ///
    /// assert_eq!(ExtValue::parse("UTF-8''a b").unwrap_err(), ExtValueError::InvalidCharacter(8));
    /// assert_eq!(ExtValue::parse("UTF-8''%C3").unwrap_err(), ExtValueError::InvalidUtf8);
    /// # Ok::<(), ExtValueError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Any [`ExtValueError`] but [`ExtValueError::UnsupportedCharset`].
    pub fn parse<T: AsRef<[u8]> + ?Sized>(input: &'a T) -> Result<Self, ExtValueError> {
        let input = input.as_ref();
        let q1 = input
            .iter()
            .position(|&b| b == b'\'')
            .ok_or(ExtValueError::MissingQuote)?;
        let (charset, rest) = input.split_at(q1);
        let rest = rest.get(1..).unwrap_or_default();
        let q2 = rest
            .iter()
            .position(|&b| b == b'\'')
            .ok_or(ExtValueError::MissingQuote)?;
        let (language, rest) = rest.split_at(q2);
        let value = rest.get(1..).unwrap_or_default();
        if charset.is_empty() || !charset.iter().all(|&b| is_mime_charsetc(b)) {
            return Err(ExtValueError::InvalidCharset);
        }
        if !language
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(ExtValueError::InvalidLanguage);
        }
        let value_start = input.len() - value.len();
        let mut i = 0;
        while let Some(&b) = value.get(i) {
            if b == b'%' {
                let ok = value.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && value.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
                if !ok {
                    return Err(ExtValueError::InvalidPercentEncoding(value_start + i));
                }
                i += 3;
            } else if is_attr_char(b) {
                i += 1;
            } else {
                return Err(ExtValueError::InvalidCharacter(value_start + i));
            }
        }
        // Every byte checked above is ASCII.
        let charset_name = ascii(charset);
        let v = ExtValue {
            charset_name,
            charset: Charset::from_name(charset_name),
            language: ascii(language),
            value_chars: ascii(value),
        };
        if v.charset == Charset::UTF_8 && !is_utf8(v.bytes()) {
            return Err(ExtValueError::InvalidUtf8);
        }
        Ok(v)
    }

    /// The charset.
    ///
    /// ```
    /// use http_auth_headers::ext_value::{Charset, ExtValue};
    ///
    /// assert_eq!(ExtValue::parse("iso-8859-1''x")?.charset(), Charset::ISO_8859_1);
    /// # Ok::<(), http_auth_headers::ext_value::ExtValueError>(())
    /// ```
    pub fn charset(&self) -> Charset<'a> {
        self.charset
    }

    /// The charset name as written.
    ///
    /// ```
    /// use http_auth_headers::ext_value::ExtValue;
    ///
    /// assert_eq!(ExtValue::parse("utf-8''x")?.charset_name(), "utf-8");
    /// # Ok::<(), http_auth_headers::ext_value::ExtValueError>(())
    /// ```
    pub fn charset_name(&self) -> &'a str {
        self.charset_name
    }

    /// The language tag, if one was given.
    ///
    /// ```
    /// use http_auth_headers::ext_value::ExtValue;
    ///
    /// assert_eq!(ExtValue::parse("UTF-8'en'x")?.language(), Some("en"));
    /// assert_eq!(ExtValue::parse("UTF-8''x")?.language(), None);
    /// # Ok::<(), http_auth_headers::ext_value::ExtValueError>(())
    /// ```
    pub fn language(&self) -> Option<&'a str> {
        Some(self.language).filter(|l| !l.is_empty())
    }

    /// The value as written, still percent-encoded.
    ///
    /// ```
    /// use http_auth_headers::ext_value::ExtValue;
    ///
    /// assert_eq!(ExtValue::parse("UTF-8''a%20b")?.value_chars(), "a%20b");
    /// # Ok::<(), http_auth_headers::ext_value::ExtValueError>(())
    /// ```
    pub fn value_chars(&self) -> &'a str {
        self.value_chars
    }

    /// The decoded bytes (in the value's charset), one by one, without
    /// allocating.
    ///
    /// ```
    /// use http_auth_headers::ext_value::ExtValue;
    ///
    /// assert!(ExtValue::parse("UTF-8''a%20b")?.bytes().eq(*b"a b"));
    /// # Ok::<(), http_auth_headers::ext_value::ExtValueError>(())
    /// ```
    pub fn bytes(&self) -> PctDecoded<'a> {
        PctDecoded {
            rest: self.value_chars.as_bytes(),
        }
    }

    /// The decoded bytes, in the value's charset: borrowed when nothing was
    /// percent-encoded.
    ///
    /// ```
    /// use http_auth_headers::ext_value::ExtValue;
    ///
    /// assert_eq!(&*ExtValue::parse("ISO-8859-1''%A3")?.decoded(), b"\xa3");
    /// # Ok::<(), http_auth_headers::ext_value::ExtValueError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn decoded(&self) -> Cow<'a, [u8]> {
        if self.value_chars.contains('%') {
            Cow::Owned(self.bytes().collect())
        } else {
            Cow::Borrowed(self.value_chars.as_bytes())
        }
    }

    /// The decoded text: borrowed when nothing was percent-encoded.
    /// ISO-8859-1 is converted to UTF-8.
    ///
    /// # Errors
    ///
    /// [`ExtValueError::UnsupportedCharset`] for a charset other than UTF-8
    /// and ISO-8859-1.
    ///
    /// ```
    /// use http_auth_headers::ext_value::ExtValue;
    ///
    /// assert_eq!(ExtValue::parse("ISO-8859-1''%A3")?.decoded_str()?, "£");
    /// # Ok::<(), http_auth_headers::ext_value::ExtValueError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn decoded_str(&self) -> Result<Cow<'a, str>, ExtValueError> {
        let (utf8, latin1) = (
            self.charset == Charset::UTF_8,
            self.charset == Charset::ISO_8859_1,
        );
        if !utf8 && !latin1 {
            Err(ExtValueError::UnsupportedCharset)
        } else if !self.value_chars.contains('%') {
            // attr-chars are ASCII, the same in both charsets.
            Ok(Cow::Borrowed(self.value_chars))
        } else if utf8 {
            String::from_utf8(self.bytes().collect::<Vec<u8>>())
                .map(Cow::Owned)
                .map_err(|_| ExtValueError::InvalidUtf8)
        } else {
            Ok(Cow::Owned(self.bytes().map(char::from).collect()))
        }
    }
}

impl PartialEq for ExtValue<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.charset_name.eq_ignore_ascii_case(other.charset_name)
            && self.language.eq_ignore_ascii_case(other.language)
            && self.bytes().eq(other.bytes())
    }
}

impl Eq for ExtValue<'_> {}

/// Consistent with equality: hashes the ASCII-lowercased charset and
/// language and the decoded bytes.
impl core::hash::Hash for ExtValue<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        for part in [self.charset_name, self.language] {
            part.bytes()
                .for_each(|b| state.write_u8(b.to_ascii_lowercase()));
            state.write_u8(0xff);
        }
        state.write_usize(self.bytes().count());
        self.bytes().for_each(|b| state.write_u8(b));
    }
}

/// Writes the value as parsed: `charset'language'value-chars`.
impl fmt::Display for ExtValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}'{}'{}",
            self.charset_name, self.language, self.value_chars
        )
    }
}

/// The decoded bytes of an [`ExtValue`], from [`ExtValue::bytes`].
///
/// ```
/// use http_auth_headers::ext_value::ExtValue;
///
/// let v = ExtValue::parse("UTF-8''%C3%A4")?;
/// assert_eq!(v.bytes().collect::<Vec<u8>>(), [0xc3, 0xa4]);
/// # Ok::<(), http_auth_headers::ext_value::ExtValueError>(())
/// ```
#[derive(Clone, Debug)]
pub struct PctDecoded<'a> {
    rest: &'a [u8],
}

impl Iterator for PctDecoded<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        let (&b, rest) = self.rest.split_first()?;
        if b == b'%' {
            // Validated: two hex digits follow.
            let hi = rest.first().copied().and_then(hex_val).unwrap_or(0);
            let lo = rest.get(1).copied().and_then(hex_val).unwrap_or(0);
            self.rest = rest.get(2..).unwrap_or_default();
            Some(hi << 4 | lo)
        } else {
            self.rest = rest;
            Some(b)
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.rest.len().div_ceil(3), Some(self.rest.len()))
    }
}

impl FusedIterator for PctDecoded<'_> {}

/// Encodes `text` as an `ext-value` with charset `UTF-8` and no language:
/// every byte outside `attr-char` is percent-encoded (uppercase hex). The
/// result is always a `token`, so it can be a param value without quotes.
///
/// It writes through `Display` and allocates nothing itself.
///
/// ```
/// use http_auth_headers::ext_value::{encode, ExtValue};
///
/// let e = encode("100% \"sure\"").to_string();
/// assert_eq!(e, "UTF-8''100%25%20%22sure%22");
/// assert_eq!(ExtValue::parse(&e)?.decoded_str()?, "100% \"sure\"");
/// # Ok::<(), http_auth_headers::ext_value::ExtValueError>(())
/// ```
pub fn encode(text: &str) -> Encoded<'_> {
    Encoded { text }
}

/// Text to be written as an `ext-value`, from [`encode`].
///
/// ```
/// use http_auth_headers::ext_value::encode;
///
/// assert_eq!(format!("username*={}", encode("Jä")), "username*=UTF-8''J%C3%A4");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Encoded<'a> {
    text: &'a str,
}

impl fmt::Display for Encoded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("UTF-8''")?;
        let mut rest = self.text.as_bytes();
        while !rest.is_empty() {
            let plain = rest.iter().take_while(|&&b| is_attr_char(b)).count();
            let (run, tail) = rest.split_at(plain);
            f.write_str(ascii(run))?;
            rest = match tail.split_first() {
                Some((&b, tail)) => {
                    write!(f, "%{b:02X}")?;
                    tail
                }
                None => tail,
            };
        }
        Ok(())
    }
}

/// `attr-char` (RFC 8187 section 3.2.1): `tchar` except `*`, `'` and `%`.
fn is_attr_char(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'#' | b'$' | b'&' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`' | b'|' | b'~'
        )
}

/// `mime-charsetc` (RFC 8187 section 3.2.1).
fn is_mime_charsetc(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'+'
                | b'-'
                | b'^'
                | b'_'
                | b'`'
                | b'{'
                | b'}'
                | b'~'
        )
}

fn hex_val(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// ASCII bytes as `&str` (never loses anything for validated input).
fn ascii(b: &[u8]) -> &str {
    core::str::from_utf8(b).unwrap_or_default()
}

/// Whether a byte stream is valid UTF-8, checked one character at a time.
fn is_utf8(mut bytes: impl Iterator<Item = u8>) -> bool {
    while let Some(lead) = bytes.next() {
        let width = match lead {
            0x00..=0x7f => continue,
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return false,
        };
        let mut buf = [lead, 0, 0, 0];
        for slot in buf.iter_mut().take(width).skip(1) {
            match bytes.next() {
                Some(b) => *slot = b,
                None => return false,
            }
        }
        if core::str::from_utf8(buf.get(..width).unwrap_or_default()).is_err() {
            return false;
        }
    }
    true
}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn rfc7616_username_star() {
        // RFC 7616 section 3.9.2.
        let v = ExtValue::parse("UTF-8''J%C3%A4s%C3%B8n%20Doe").unwrap();
        assert_eq!(v.charset(), Charset::UTF_8);
        assert_eq!(v.charset_name(), "UTF-8");
        assert_eq!(v.value_chars(), "J%C3%A4s%C3%B8n%20Doe");
        assert_eq!(v.decoded_str().unwrap(), "Jäsøn Doe");
        assert_eq!(&*v.decoded(), "Jäsøn Doe".as_bytes());
        assert_eq!(v.to_string(), "UTF-8''J%C3%A4s%C3%B8n%20Doe");
    }

    #[test]
    fn rfc8187_examples() {
        // RFC 8187 section 3.2.2.
        let v = ExtValue::parse("iso-8859-1'en'%A3%20rates").unwrap();
        assert_eq!(v.charset(), Charset::ISO_8859_1);
        assert_eq!(v.language(), Some("en"));
        assert_eq!(v.decoded_str().unwrap(), "£ rates");
        let v = ExtValue::parse("UTF-8''%c2%a3%20and%20%e2%82%ac%20rates").unwrap();
        assert_eq!(v.decoded_str().unwrap(), "£ and € rates");
    }

    #[test]
    fn charset_is_case_insensitive() {
        let a = ExtValue::parse("utf-8'EN'abc").unwrap();
        let b = ExtValue::parse("UTF-8'en'%61bc").unwrap();
        assert_eq!(a.charset(), Charset::UTF_8);
        assert_eq!(a, b);
        assert!(matches!(a.decoded_str().unwrap(), Cow::Borrowed("abc")));
        assert_ne!(a, ExtValue::parse("UTF-8'en'abd").unwrap());
    }

    #[test]
    fn errors() {
        let e = |s: &str| ExtValue::parse(s).unwrap_err();
        assert_eq!(e("abc"), ExtValueError::MissingQuote);
        assert_eq!(e("UTF-8'abc"), ExtValueError::MissingQuote);
        assert_eq!(e("''abc"), ExtValueError::InvalidCharset);
        assert_eq!(e("UTF 8''abc"), ExtValueError::InvalidCharset);
        assert_eq!(e("UTF-8'e n'abc"), ExtValueError::InvalidLanguage);
        assert_eq!(e("UTF-8''a'b"), ExtValueError::InvalidCharacter(8));
        assert_eq!(e("UTF-8''a*b"), ExtValueError::InvalidCharacter(8));
        assert_eq!(e("UTF-8''ab%"), ExtValueError::InvalidPercentEncoding(9));
        assert_eq!(e("UTF-8''ab%4"), ExtValueError::InvalidPercentEncoding(9));
        assert_eq!(e("UTF-8''%G0"), ExtValueError::InvalidPercentEncoding(7));
        assert_eq!(e("UTF-8''%FF"), ExtValueError::InvalidUtf8);
        assert_eq!(e("UTF-8''%C3"), ExtValueError::InvalidUtf8);
        assert_eq!(e("UTF-8''%ED%A0%80"), ExtValueError::InvalidUtf8);
        assert_eq!(e("UTF-8''%C0%80"), ExtValueError::InvalidUtf8);
        assert_eq!(e("UTF-8''\u{e4}"), ExtValueError::InvalidCharacter(7));
        let other = ExtValue::parse("KOI8-R''%C1").unwrap();
        assert_eq!(other.charset(), Charset::from_name("koi8-r"));
        assert_eq!(other.decoded_str(), Err(ExtValueError::UnsupportedCharset));
        assert!(other.bytes().eq([0xc1]));
    }

    #[test]
    fn empty_value() {
        let v = ExtValue::parse("UTF-8''").unwrap();
        assert_eq!(v.decoded_str().unwrap(), "");
        assert_eq!(encode("").to_string(), "UTF-8''");
    }

    #[test]
    fn encode_escapes_all_but_attr_char() {
        assert_eq!(
            encode("a*b'c%d e/é").to_string(),
            "UTF-8''a%2Ab%27c%25d%20e%2F%C3%A9"
        );
        assert_eq!(encode("!#$&+-.^_`|~").to_string(), "UTF-8''!#$&+-.^_`|~");
        let s = "\u{0}\u{7f}😀";
        let e = encode(s).to_string();
        assert!(crate::syntax::is_token(e.as_bytes()));
        assert_eq!(ExtValue::parse(&e).unwrap().decoded_str().unwrap(), s);
    }
}
