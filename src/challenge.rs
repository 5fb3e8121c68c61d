//! `WWW-Authenticate` and `Proxy-Authenticate`: `#challenge`.

#[cfg(feature = "alloc")]
use alloc::vec::Vec;
use core::fmt;
use core::iter::FusedIterator;

use crate::error::{Error, ErrorKind};
use crate::item::{debug_item, item_accessors, Item, Role};
use crate::lenient::{DeviationKind, Fail, Lax};
use crate::lines::{Continuation, FieldLines, FieldValue, Source, Walker};
use crate::options::ParseOptions;
use crate::syntax::{self, Context};

/// One challenge of a `WWW-Authenticate` or `Proxy-Authenticate` field,
/// borrowed from the parsed input (or owned, after
/// [`into_owned`](Self::into_owned)).
///
/// ```text
/// challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
/// ```
/// (RFC 9110 section 11.3)
///
/// Equality (and `Hash`) is semantic: schemes and param names compare ASCII
/// case-insensitively and param values by their unescaped bytes, so a
/// challenge equals the parse of its own canonical form.
///
/// # Examples
///
/// ```
/// use http_auth_headers::Challenges;
///
/// let mut it = Challenges::parse("Negotiate, Basic realm=\"simple\"");
/// let negotiate = it.next().unwrap()?;
/// assert!(negotiate.is_scheme("negotiate"));
/// assert_eq!(negotiate.params().len(), 0);
/// let basic = it.next().unwrap()?;
/// assert_eq!(basic.param("Realm").unwrap(), "simple");
/// assert_eq!(basic.to_string(), "Basic realm=\"simple\"");
/// assert!(it.next().is_none());
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Challenge<'a>(pub(crate) Item<'a>);

impl<'a> Challenge<'a> {
    item_accessors!(
        Challenge,
        "challenge",
        false,
        "use http_auth_headers::Challenges;\n\nlet item = Challenges::parse(r#\"Digest realm=\"r\", nonce=\"abc\"\"#).next().unwrap()?;",
        "use http_auth_headers::{Challenge, Challenges};\n\n// A client keeps the challenge for its next requests.\nlet kept: Challenge<'static> = {\n    let received = String::from(r#\"Digest realm=\"r\", nonce=\"abc\"\"#);\n    Challenges::parse(&received).next().unwrap()?.into_owned()\n};\nassert_eq!(kept.param(\"nonce\").unwrap(), \"abc\");"
    );

    /// The canonical form (as `Display` writes it), byte for byte: `obs-text`
    /// in quoted values is kept as it is, where `Display` can only write
    /// text and puts U+FFFD for bytes that are not UTF-8. Parsing the result
    /// gives a challenge equal to this one.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    ///
    /// let input = b"Basic  realm = \"caf\xe9\"";
    /// let c = Challenges::parse(&input[..]).next().unwrap()?;
    /// assert_eq!(c.to_bytes(), b"Basic realm=\"caf\xe9\"");
    /// assert_eq!(c.to_string(), "Basic realm=\"caf\u{FFFD}\"");
    /// let again = Challenges::parse(&c.to_bytes()).next().unwrap()?.into_owned();
    /// assert_eq!(again, c);
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.to_bytes(Role::Challenge)
    }
}

impl fmt::Debug for Challenge<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_item(f, "Challenge", &self.0, false)
    }
}

/// Writes the challenge in canonical form: the scheme, one SP, then the
/// token68 or the params joined by `", "`. A value is written as a token where
/// the grammar allows it and as a quoted-string otherwise, except that the
/// params whose specification requires the quoted form from senders are
/// always quoted (the rules of each scheme in [`scheme`](crate::scheme)).
///
/// `Display` writes text: a quoted value holding `obs-text` that is not
/// UTF-8 is written with U+FFFD in its place. That is the only difference
/// from [`to_bytes`](Challenge::to_bytes).
impl fmt::Display for Challenge<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_text(f, Role::Challenge)
    }
}

/// A lazy parser of a `#challenge` list: the value of one or several
/// `WWW-Authenticate` (or `Proxy-Authenticate`) field lines.
///
/// It yields one `Result` per challenge, stops after the first error, and
/// never allocates. Empty list elements and the whitespace around them are
/// skipped (RFC 9110 section 5.6.1.2), so `""` and `" , "` hold no challenge.
/// Several field lines are one list, exactly as if joined with `", "`: a
/// line may go on with the params of the previous line's challenge.
///
/// # Examples
///
/// ```
/// use http_auth_headers::Challenges;
///
/// let lines = ["Digest realm=\"x\", nonce=\"abc\"", "Basic realm=\"x\""];
/// let schemes: Vec<String> = Challenges::parse_lines(&lines)
///     .map(|c| c.map(|c| c.scheme().to_owned()))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(schemes, ["Digest", "Basic"]);
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Challenges<'a> {
    walk: Walker<'a>,
    options: ParseOptions<'a>,
}

impl<'a> Challenges<'a> {
    /// Parses the value of one field line: a `&str`, a `&[u8]` or another
    /// [`FieldValue`], such as `http::HeaderValue`.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    ///
    /// assert_eq!(Challenges::parse("Basic realm=\"a\", Bearer").count(), 2);
    /// ```
    #[inline]
    pub fn parse<T: FieldValue + ?Sized>(value: &'a T) -> Self {
        // As `ParseOptions::new().parse::<Self>(value)`, with the options
        // built in place.
        Challenges::from_source(Source::one(value), ParseOptions::new())
    }

    /// Parses the field lines of one field as one list (RFC 9110 section
    /// 5.3). Errors tell their line ([`Error::line`]).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    ///
    /// let lines = ["Basic realm=\"a\"", "charset=UTF-8, Bearer"];
    /// let all: Vec<_> = Challenges::parse_lines(&lines).collect::<Result<_, _>>()?;
    /// assert_eq!(all.len(), 2);
    /// assert_eq!(all[0].params().len(), 2);
    /// # Ok::<(), http_auth_headers::Error>(())
    /// ```
    pub fn parse_lines<L: FieldLines + Sync>(lines: &'a L) -> Self {
        ParseOptions::new().parse_lines::<Self>(lines)
    }

    #[inline]
    pub(crate) fn from_source(src: Source<'a>, options: ParseOptions<'a>) -> Self {
        Challenges {
            walk: Walker::new(src),
            options,
        }
    }

    /// The params of an open challenge that go on in the next field lines:
    /// walks those lines (empty ones skipped), validates their params, and
    /// returns the total count and where they start. Stops before a line
    /// whose first element is not a param (the next challenge).
    #[inline]
    fn continue_params(
        &mut self,
        mut count: usize,
    ) -> Result<(usize, Option<Continuation<'a>>), Error> {
        let Some(lines) = self.walk.lines else {
            return Ok((count, None));
        };
        let mut more = None;
        while let Some(line) = lines.line(self.walk.next_line) {
            let index = self.walk.next_line;
            let rest = syntax::skip_empty_elements(line);
            if !rest.is_empty() && !syntax::starts_param(rest) {
                break;
            }
            self.walk.enter(index, line, rest);
            if rest.is_empty() {
                continue;
            }
            if more.is_none() {
                let next = u32::try_from(index).map_err(|_| {
                    self.walk.fail(Error::new(
                        ErrorKind::TooManyParams,
                        0,
                        rest.first().copied(),
                    ))
                })?;
                more = Some(Continuation { lines, next });
            }
            let (after, run) = syntax::param_run(rest, &self.options.rules, count)
                .map_err(|e| self.walk.fail_nom(e))?;
            self.walk.rest = after;
            count += run.count;
            if !run.open {
                break;
            }
        }
        Ok((count, more))
    }
}

impl<'a> Iterator for Challenges<'a> {
    type Item = Result<Challenge<'a>, Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let mut start: &'a [u8] = &[];
        let parsed = self.next_strict(&mut start)?;
        // Lenient mode starts where the strict grammar failed.
        if let Err(e) = parsed {
            // Through a local of another type: the caller's slot for the
            // result never reaches the cold code (which would keep it out
            // of registers).
            return match self.failed(start, e) {
                Ok(Some(c)) => Some(Ok(c)),
                Ok(None) => None,
                Err(e) => Some(Err(e)),
            };
        }
        let (line, text) = (self.walk.line, self.walk.text);
        let result = parsed.and_then(|parsed| self.finish(start, parsed, (line, text)));
        Some(result)
    }
}

impl<'a> Challenges<'a> {
    /// The next element read by the strict grammar (`start` is set to where
    /// it begins), across lines; `None` at the end of the field.
    #[inline(always)]
    fn next_strict(&mut self, start: &mut &'a [u8]) -> Option<Result<syntax::Parsed<'a>, Error>> {
        let options = &self.options;
        self.walk
            .next_with(options.max_challenges, ErrorKind::TooManyChallenges, |i| {
                *start = i;
                syntax::item(i, Context::List, &options.rules)
            })
    }

    /// The challenge `parsed` at `start`, with its params on the next field
    /// lines if it goes on there.
    #[inline]
    fn finish(
        &mut self,
        start: &'a [u8],
        parsed: syntax::Parsed<'a>,
        line: (&'a [u8], Option<&'a str>),
    ) -> Result<Challenge<'a>, Error> {
        let mut count = parsed.count();
        let mut more = None;
        if parsed.open && self.walk.rest.is_empty() {
            (count, more) = self.continue_params(count)?;
        }
        Item::new(start, &parsed, count, more, line)
            .map(Challenge)
            .ok_or_else(|| self.walk.fail(Error::new(ErrorKind::ValueTooLong, 0, None)))
    }

    /// The strict grammar failed with `strict` at `start`: the error, or in
    /// lenient mode the challenge the lenient rules read there, or the next
    /// one after the broken ones (skipped and reported).
    #[cold]
    #[inline(never)]
    fn failed(&mut self, start: &'a [u8], strict: Error) -> Result<Option<Challenge<'a>>, Error> {
        self.failed_inner(start, strict).transpose()
    }

    fn failed_inner(
        &mut self,
        start: &'a [u8],
        strict: Error,
    ) -> Option<Result<Challenge<'a>, Error>> {
        let (mut start, mut strict) = (start, strict);
        loop {
            if !self.options.rules.lenient || is_limit(strict.kind()) {
                return Some(Err(strict));
            }
            if let Some(result) = self.lax(start, strict) {
                return Some(result);
            }
            // Broken and skipped: the next element, strictly first.
            let parsed = self.next_strict(&mut start)?;
            match parsed {
                Ok(parsed) => {
                    let line = (self.walk.line, self.walk.text);
                    return Some(self.finish(start, parsed, line));
                }
                Err(e) => strict = e,
            }
        }
    }
}

/// The errors of the limits in [`ParseOptions`]: lenient mode keeps them.
fn is_limit(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::TooManyChallenges | ErrorKind::TooManyParams | ErrorKind::ValueTooLong
    )
}

impl<'a> Challenges<'a> {
    /// Lenient mode: reads the challenge at `start` (on the current line),
    /// where the strict grammar failed with `strict`. `None` when the
    /// challenge is broken: it was skipped (and reported), and the walk goes
    /// on with the next one.
    #[cold]
    fn lax(&mut self, start: &'a [u8], strict: Error) -> Option<Result<Challenge<'a>, Error>> {
        self.walk.done = false;
        let line = self.walk.line;
        let at = line.len() - start.len();
        let limits = self.options.limits();
        let mut lax = Lax {
            i: line,
            line: self.walk.line_no,
            report: None,
            max_value_len: limits.max_value_len,
        };
        // A dry run first, so that a broken challenge reports nothing but
        // that it is broken.
        match lax.item(at, false, limits.max_params) {
            Ok(_) => {}
            Err(Fail::Limit(kind, offset)) => {
                let err = Error::new(kind, offset, line.get(offset).copied());
                return Some(Err(self.walk.fail(err)));
            }
            Err(Fail::Syntax(broke)) => {
                let _ = strict;
                lax.report = self.options.report;
                lax.dev(DeviationKind::BrokenChallenge, broke);
                self.walk.rest = &line[lax.skip_broken(broke)..];
                return None;
            }
        }
        lax.report = self.options.report;
        let Ok(found) = lax.item(at, false, limits.max_params) else {
            unreachable!("the dry run accepted it");
        };
        self.walk.rest = &line[found.next..];
        self.walk.count += 1;
        Some(
            found
                .to_item(line, at, self.walk.text)
                .map(Challenge)
                .ok_or_else(|| self.walk.fail(Error::new(ErrorKind::ValueTooLong, 0, None))),
        )
    }
}

impl FusedIterator for Challenges<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The types cross threads, and a challenge stays small enough to move
    /// out of the iterator cheaply.
    #[test]
    fn size_and_send() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Challenge<'_>>();
        assert_send_sync::<Challenges<'_>>();
        assert_send_sync::<crate::Credentials<'_>>();
        assert!(
            core::mem::size_of::<Challenge<'_>>() <= 64,
            "{}",
            core::mem::size_of::<Challenge<'_>>()
        );
        assert!(
            core::mem::size_of::<crate::Credentials<'_>>() <= 64,
            "{}",
            core::mem::size_of::<crate::Credentials<'_>>()
        );
        // A param value is three words (four cost 2% of the time of
        // `challenges/basic`: benches/README.md).
        assert_eq!(
            core::mem::size_of::<crate::ParamValue<'_>>(),
            3 * core::mem::size_of::<usize>()
        );
    }
}
