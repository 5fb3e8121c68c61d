//! The field lines of one field, walked as one list (RFC 9110 section 5.3).

#[cfg(feature = "alloc")]
use alloc::vec::Vec;
use core::fmt;

use crate::error::{Error, ErrorKind};
use crate::syntax;

/// One field line's value, as the parsers take it: text (`str`, `String`)
/// or bytes (`[u8]`, `Vec<u8>`, and `http::HeaderValue` with the `http`
/// feature). Text is used as it is; bytes are checked for UTF-8 once per
/// challenge or credentials, so that names and schemes can be returned as
/// `&str`. Implemented for references to these too.
///
/// ```
/// use http_auth_headers::Credentials;
///
/// let text = String::from("Bearer abc");
/// let bytes: &[u8] = b"Bearer abc";
/// assert_eq!(Credentials::parse(&text)?, Credentials::parse(bytes)?);
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
pub trait FieldValue {
    /// The bytes of the value.
    fn value_bytes(&self) -> &[u8];

    /// The value as text, when it is text already (no check needed).
    fn value_text(&self) -> Option<&str> {
        None
    }
}

/// `FieldValue` for text types (used as text) and byte types.
macro_rules! field_value {
    (text: $($ty:ty),*) => {$(
        impl FieldValue for $ty {
            #[inline]
            fn value_bytes(&self) -> &[u8] {
                self.as_bytes()
            }

            #[inline]
            fn value_text(&self) -> Option<&str> {
                Some(self)
            }
        }
    )*};
    (bytes: $($ty:ty),*) => {$(
        impl FieldValue for $ty {
            #[inline]
            fn value_bytes(&self) -> &[u8] {
                self
            }
        }
    )*};
}

field_value!(text: str);
field_value!(bytes: [u8]);
#[cfg(feature = "alloc")]
field_value!(text: alloc::string::String, alloc::borrow::Cow<'_, str>, alloc::boxed::Box<str>);
#[cfg(feature = "alloc")]
field_value!(bytes: Vec<u8>, alloc::borrow::Cow<'_, [u8]>);

impl<const N: usize> FieldValue for [u8; N] {
    #[inline]
    fn value_bytes(&self) -> &[u8] {
        self
    }
}

impl<T: FieldValue + ?Sized> FieldValue for &T {
    #[inline]
    fn value_bytes(&self) -> &[u8] {
        (**self).value_bytes()
    }

    #[inline]
    fn value_text(&self) -> Option<&str> {
        (**self).value_text()
    }
}

/// The field lines of one field, in the order they were received: what the
/// `parse_lines` constructors take.
///
/// A recipient may combine the lines of a list field into one value by
/// joining them with `", "` (RFC 9110 section 5.3); parsing the lines with
/// `parse_lines` gives exactly what parsing that joined value gives, without
/// joining anything. It is implemented for arrays, slices and `Vec`s of
/// [`FieldValue`]s (`&str`, `String`, `&[u8]`, `http::HeaderValue` with the
/// `http` feature), and for references to those.
///
/// ```
/// use http_auth_headers::Challenges;
///
/// // Lines received separately, as one list: the second line goes on with
/// // the params of the first line's challenge.
/// let lines = vec![String::from("Basic realm=\"x\""), String::from("charset=UTF-8")];
/// let basic = Challenges::parse_lines(&lines).next().unwrap()?;
/// assert_eq!(basic.params().len(), 2);
/// assert_eq!(basic.param("charset").unwrap(), "UTF-8");
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
pub trait FieldLines {
    /// The line at `index` (from 0), or `None` past the last line.
    fn line(&self, index: usize) -> Option<&[u8]>;

    /// The same line as text, when it is text already (no check needed).
    fn line_text(&self, index: usize) -> Option<&str> {
        let _ = index;
        None
    }
}

impl<T: FieldValue> FieldLines for [T] {
    #[inline]
    fn line(&self, index: usize) -> Option<&[u8]> {
        self.get(index).map(FieldValue::value_bytes)
    }

    #[inline]
    fn line_text(&self, index: usize) -> Option<&str> {
        self.get(index).and_then(FieldValue::value_text)
    }
}

impl<T: FieldValue, const N: usize> FieldLines for [T; N] {
    #[inline]
    fn line(&self, index: usize) -> Option<&[u8]> {
        self[..].line(index)
    }

    #[inline]
    fn line_text(&self, index: usize) -> Option<&str> {
        self[..].line_text(index)
    }
}

#[cfg(feature = "alloc")]
impl<T: FieldValue> FieldLines for Vec<T> {
    #[inline]
    fn line(&self, index: usize) -> Option<&[u8]> {
        self[..].line(index)
    }

    #[inline]
    fn line_text(&self, index: usize) -> Option<&str> {
        self[..].line_text(index)
    }
}

impl<L: FieldLines + ?Sized> FieldLines for &L {
    #[inline]
    fn line(&self, index: usize) -> Option<&[u8]> {
        (**self).line(index)
    }

    #[inline]
    fn line_text(&self, index: usize) -> Option<&str> {
        (**self).line_text(index)
    }
}

/// Where a parse reads its field lines from (public only to name it in
/// [`Field`](crate::Field); not reachable by users).
#[derive(Clone, Copy)]
pub enum Source<'a> {
    /// One field line, and the same as text when it is text.
    One(&'a [u8], Option<&'a str>),
    /// The lines of one field.
    Lines(&'a (dyn FieldLines + Sync)),
}

impl fmt::Debug for Source<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::One(..) => "Source::One",
            Source::Lines(_) => "Source::Lines",
        })
    }
}

impl<'a> Source<'a> {
    #[inline]
    pub(crate) fn line(&self, index: usize) -> Option<&'a [u8]> {
        match *self {
            Source::One(line, _) => (index == 0).then_some(line),
            Source::Lines(lines) => lines.line(index),
        }
    }

    #[inline]
    pub(crate) fn line_text(&self, index: usize) -> Option<&'a str> {
        match *self {
            Source::One(_, text) => text.filter(|_| index == 0),
            Source::Lines(lines) => lines.line_text(index),
        }
    }

    /// One field line.
    #[inline]
    pub(crate) fn one<T: FieldValue + ?Sized>(value: &'a T) -> Self {
        Source::One(value.value_bytes(), value.value_text())
    }

    pub(crate) fn is_lines(&self) -> bool {
        matches!(self, Source::Lines(_))
    }
}

/// Field lines after the one where an item starts, that go on with its
/// params: the lines from index `next` on (empty ones skipped), until the
/// item's param count is reached.
#[derive(Clone, Copy)]
pub(crate) struct Continuation<'a> {
    pub(crate) lines: &'a (dyn FieldLines + Sync),
    pub(crate) next: u32,
}

impl<'a> Continuation<'a> {
    #[inline]
    pub(crate) fn line(&self) -> Option<&'a [u8]> {
        self.lines.line(self.next as usize)
    }
}

/// A cursor over the field lines of one list field: the current line, the
/// unparsed rest of it (empty elements skipped), and the line index.
#[derive(Clone)]
pub(crate) struct Walker<'a> {
    /// The lines of a field given as lines; `None` for one line, which is
    /// entered at once (so the walk never looks for another).
    pub(crate) lines: Option<&'a (dyn FieldLines + Sync)>,
    pub(crate) line: &'a [u8],
    /// `line` as text, when it was given as text.
    pub(crate) text: Option<&'a str>,
    pub(crate) rest: &'a [u8],
    /// The index of `line`.
    pub(crate) line_no: usize,
    /// The index of the next line to read.
    pub(crate) next_line: usize,
    pub(crate) done: bool,
    /// Elements yielded so far, across lines.
    pub(crate) count: usize,
}

impl<'a> Walker<'a> {
    #[inline]
    pub(crate) fn new(src: Source<'a>) -> Self {
        // One line is entered at once: the walk then never looks for another.
        let (lines, line, text, next_line) = match src {
            Source::One(line, text) => (None, line, text, 1),
            Source::Lines(lines) => (Some(lines), &[][..], None, 0),
        };
        Walker {
            lines,
            line,
            text,
            rest: syntax::skip_empty_elements(line),
            line_no: 0,
            next_line,
            done: false,
            count: 0,
        }
    }

    /// Moves to line `index`, with `rest` the part of it still to parse.
    pub(crate) fn enter(&mut self, index: usize, line: &'a [u8], rest: &'a [u8]) {
        self.line = line;
        self.text = self.lines.and_then(|lines| lines.line_text(index));
        self.rest = rest;
        self.line_no = index;
        self.next_line = index + 1;
    }

    /// Moves to the next list element, across lines; `false` at the end of
    /// the field or after an error.
    #[inline]
    pub(crate) fn next_element(&mut self) -> bool {
        if self.done {
            return false;
        }
        while self.rest.is_empty() {
            let Some(line) = self.lines.and_then(|lines| lines.line(self.next_line)) else {
                self.done = true;
                return false;
            };
            self.enter(self.next_line, line, syntax::skip_empty_elements(line));
        }
        true
    }

    /// Parses the next list element with `parse`, across lines: `None` at the
    /// end of the field; an error (which ends the walk) when `parse` fails or
    /// the element would be one more than `max`.
    #[inline]
    pub(crate) fn next_with<O>(
        &mut self,
        max: usize,
        too_many: ErrorKind,
        parse: impl FnOnce(&'a [u8]) -> syntax::PResult<'a, O>,
    ) -> Option<Result<O, Error>> {
        if !self.next_element() {
            return None;
        }
        if self.count >= max {
            let err = Error::new(too_many, self.offset(), self.rest.first().copied());
            return Some(Err(self.fail(err)));
        }
        Some(match parse(self.rest) {
            Ok((rest, out)) => {
                self.rest = rest;
                // The end of one field line is the end of the field: the
                // next call then ends at its first test (without `&&`'s
                // branch: 3 instructions more per challenge of a list than
                // the branch-free form).
                self.done = rest.is_empty() & self.lines.is_none();
                self.count += 1;
                Ok(out)
            }
            Err(e) => Err(self.fail_nom(e)),
        })
    }

    /// Ends the walk with `err`, located on the current line.
    pub(crate) fn fail(&mut self, err: Error) -> Error {
        self.done = true;
        err.at_line(self.line_no, self.is_lines())
    }

    /// Whether the field was given as lines (errors then tell their line).
    pub(crate) fn is_lines(&self) -> bool {
        self.lines.is_some()
    }

    /// Ends the walk with a nom error, located on the current line.
    pub(crate) fn fail_nom(&mut self, err: nom::Err<syntax::PErr<'_>>) -> Error {
        let err = syntax::to_error(self.line, err);
        self.fail(err)
    }

    /// The offset of the next element in its line.
    pub(crate) fn offset(&self) -> usize {
        self.line.len() - self.rest.len()
    }
}

impl fmt::Debug for Walker<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Walker")
            .field("line", &self.line_no)
            .field("offset", &self.offset())
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

/// `http::HeaderValue` is bytes (checked for UTF-8 once per challenge).
///
/// ```
/// use http::HeaderValue;
/// use http_auth_headers::Credentials;
///
/// let v = HeaderValue::from_static("Bearer abc");
/// assert_eq!(Credentials::parse(&v)?.token68(), Some("abc"));
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl FieldValue for http::HeaderValue {
    #[inline]
    fn value_bytes(&self) -> &[u8] {
        self.as_bytes()
    }
}

/// The lines of one field in an `http::HeaderMap`, in order, as one list.
///
/// ```
/// use http::header::{HeaderMap, HeaderValue, WWW_AUTHENTICATE};
/// use http_auth_headers::Challenges;
///
/// let mut map = HeaderMap::new();
/// map.append(WWW_AUTHENTICATE, HeaderValue::from_static("Basic realm=\"x\""));
/// map.append(WWW_AUTHENTICATE, HeaderValue::from_static("charset=UTF-8, Bearer"));
/// let lines = map.get_all(WWW_AUTHENTICATE);
/// let all: Vec<_> = Challenges::parse_lines(&lines).collect::<Result<_, _>>()?;
/// assert_eq!(all.len(), 2);
/// assert_eq!(all[0].param("charset").unwrap(), "UTF-8");
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl FieldLines for http::header::GetAll<'_, http::HeaderValue> {
    fn line(&self, index: usize) -> Option<&[u8]> {
        self.iter().nth(index).map(http::HeaderValue::as_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One line and the same line given as lines walk the same elements;
    /// only the second is `is_lines`.
    #[test]
    fn one_line_walks_as_lines() {
        for value in ["", " , ", "A", "A, B", "A b=1, ,C", " ,A,"] {
            let lines = [value];
            let mut one = Walker::new(Source::one(value));
            let mut many = Walker::new(Source::Lines(&lines));
            assert!(!one.is_lines() && many.is_lines());
            loop {
                let (a, b) = (one.next_element(), many.next_element());
                assert_eq!(a, b, "{value:?}");
                if !a {
                    break;
                }
                assert_eq!((one.rest, one.text), (many.rest, many.text), "{value:?}");
                let skip = |w: &mut Walker<'_>| {
                    let n = w
                        .rest
                        .iter()
                        .position(|&b| b == b',')
                        .unwrap_or(w.rest.len());
                    w.rest = syntax::skip_empty_elements(&w.rest[n..]);
                };
                skip(&mut one);
                skip(&mut many);
            }
        }
    }
}
