//! The lenient grammar: what [`ParseOptions::lenient`](crate::ParseOptions::lenient)
//! accepts where the strict grammar fails, and the deviations it reports.
//!
//! Nothing here runs while the strict grammar succeeds: the parsers call
//! into this module only at the point where a strict parse failed (and
//! only when the option is on), re-read the element that failed from its
//! start with the rules below, and report every rule they used.

use core::fmt;

use crate::item::Item;
use crate::syntax::{is, starts_param, Body, Parsed, RawValue, CTL, T68, TCHAR, WS};

/// A kind of deviation from RFC 9110 that lenient parsing tolerated. The
/// crate docs ("Lenient mode") give each kind's rule, its reason and who
/// sends it.
///
/// ```
/// use http_auth_headers::DeviationKind;
///
/// assert_eq!(DeviationKind::CommaAfterScheme.as_str(), "comma_after_scheme");
/// assert_eq!(DeviationKind::CommaAfterScheme.to_string(), "comma_after_scheme");
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeviationKind {
    /// An unquoted param value holding bytes a token cannot (`/ : ; @ = ?`).
    UnquotedValueChars,
    /// A token68 holding `=` before its padding, `:` or another non-token68
    /// character.
    Token68Chars,
    /// Params separated by whitespace only.
    SpaceSeparatedParams,
    /// Params separated by `;`.
    SemicolonSeparatedParams,
    /// A comma between the scheme and its first param (`Bearer, realm="x"`).
    CommaAfterScheme,
    /// A value in single quotes holding what a token cannot (kept literally).
    SingleQuotedValue,
    /// CR LF (or LF) followed by SP or HTAB (obs-fold) in a value or
    /// between params.
    ObsFold,
    /// CR or LF not followed by whitespace, inside a value.
    CrLfInValue,
    /// HTAB (instead of SP) between the scheme and its params or token68.
    HtabAfterScheme,
    /// A quoted-string still open at the end of the field line.
    UnterminatedQuotedString,
    /// A param name repeated within one challenge or credentials (reported
    /// by the lenient typed views, which keep the first).
    DuplicateParam,
    /// A second credentials after the first in one `Authorization` field
    /// (after a comma, or on another field line); the first is kept.
    MultipleCredentials,
    /// An auth-scheme in front of the params of an `Authentication-Info`
    /// field; it is skipped.
    SchemeInAuthenticationInfo,
    /// A challenge no rule could read; it is skipped and parsing goes on
    /// with the next challenge.
    BrokenChallenge,
    /// Nothing between a quoted-string and the next param or scheme
    /// (`realm="x"Basic`).
    MissingSeparator,
    /// `:` instead of SP between the scheme and its token68 (`Basic:dXNlcg==`).
    ColonAfterScheme,
}

impl DeviationKind {
    /// The snake_case name, as `inspect --json` and the test data write it.
    ///
    /// ```
    /// use http_auth_headers::DeviationKind;
    ///
    /// assert_eq!(DeviationKind::ObsFold.as_str(), "obs_fold");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            DeviationKind::UnquotedValueChars => "unquoted_value_chars",
            DeviationKind::Token68Chars => "token68_chars",
            DeviationKind::SpaceSeparatedParams => "space_separated_params",
            DeviationKind::SemicolonSeparatedParams => "semicolon_separated_params",
            DeviationKind::CommaAfterScheme => "comma_after_scheme",
            DeviationKind::SingleQuotedValue => "single_quoted_value",
            DeviationKind::ObsFold => "obs_fold",
            DeviationKind::CrLfInValue => "cr_lf_in_value",
            DeviationKind::HtabAfterScheme => "htab_after_scheme",
            DeviationKind::UnterminatedQuotedString => "unterminated_quoted_string",
            DeviationKind::DuplicateParam => "duplicate_param",
            DeviationKind::MultipleCredentials => "multiple_credentials",
            DeviationKind::SchemeInAuthenticationInfo => "scheme_in_authentication_info",
            DeviationKind::BrokenChallenge => "broken_challenge",
            DeviationKind::MissingSeparator => "missing_separator",
            DeviationKind::ColonAfterScheme => "colon_after_scheme",
        }
    }
}

impl fmt::Display for DeviationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One deviation that lenient parsing tolerated: its kind, the field line
/// (from 0) and the byte offset in that line where it was found.
///
/// ```
/// use http_auth_headers::{Challenges, Deviation, DeviationKind, ParseOptions};
/// use std::sync::Mutex;
///
/// let seen = Mutex::new(Vec::new());
/// let report = |d: Deviation| seen.lock().unwrap().push(d);
/// let opts = ParseOptions::new().lenient().on_deviation(&report);
/// let c = opts.parse::<Challenges>("Bearer, resource_metadata=\"https://r.example/\"").next().unwrap()?;
/// assert_eq!(c.param("resource_metadata").unwrap(), "https://r.example/");
/// let d = seen.lock().unwrap()[0];
/// assert_eq!((d.kind(), d.line(), d.offset()), (DeviationKind::CommaAfterScheme, 0, 6));
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Deviation {
    kind: DeviationKind,
    line: usize,
    offset: usize,
}

impl Deviation {
    /// A deviation of `kind` at `offset` in field line `line` (for lenient
    /// parsers outside this crate, such as a typed view's).
    ///
    /// ```
    /// use http_auth_headers::{Deviation, DeviationKind};
    ///
    /// let d = Deviation::new(DeviationKind::DuplicateParam, 0, 12);
    /// assert_eq!(d.offset(), 12);
    /// ```
    pub const fn new(kind: DeviationKind, line: usize, offset: usize) -> Self {
        Deviation { kind, line, offset }
    }

    /// What was tolerated.
    ///
    /// ```
    /// use http_auth_headers::{Deviation, DeviationKind};
    ///
    /// assert_eq!(Deviation::new(DeviationKind::ObsFold, 0, 3).kind(), DeviationKind::ObsFold);
    /// ```
    pub const fn kind(&self) -> DeviationKind {
        self.kind
    }

    /// The field line (from 0) it was found in.
    ///
    /// ```
    /// use http_auth_headers::{Deviation, DeviationKind};
    ///
    /// assert_eq!(Deviation::new(DeviationKind::ObsFold, 1, 3).line(), 1);
    /// ```
    pub const fn line(&self) -> usize {
        self.line
    }

    /// The byte offset in that line.
    ///
    /// ```
    /// use http_auth_headers::{Deviation, DeviationKind};
    ///
    /// assert_eq!(Deviation::new(DeviationKind::ObsFold, 1, 3).offset(), 3);
    /// ```
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

/// `kind at line L, byte N` (lines from 0, as [`Deviation::line`]).
impl fmt::Display for Deviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, byte {}",
            self.kind, self.line, self.offset
        )
    }
}

/// Where deviations go: the user's callback, if any.
pub(crate) type Report<'r> = Option<&'r (dyn Fn(Deviation) + Sync)>;

/// Why a lenient read failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fail {
    /// No rule reads the element; the offset where it broke.
    Syntax(usize),
    /// A limit of the options was passed: its error kind and offset.
    Limit(crate::ErrorKind, usize),
}

/// The reader of one field line, reporting into `report` (or nowhere: the
/// params iterator re-reads validated params with no reporter).
#[derive(Clone, Copy)]
pub(crate) struct Lax<'a, 'r> {
    pub(crate) i: &'a [u8],
    pub(crate) line: usize,
    pub(crate) report: Report<'r>,
    pub(crate) max_value_len: usize,
}

/// A lenient challenge or credentials: positions in the line.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LaxItem {
    pub(crate) scheme_end: usize,
    pub(crate) body: LaxBody,
    /// Where the next element starts (separators skipped), or the line's end.
    pub(crate) next: usize,
}

impl LaxItem {
    /// The item read from `line` at `at` (its scheme), with `text` the line
    /// as text if it is; `None` past 4 GiB (as [`Item::new`]).
    pub(crate) fn to_item<'a>(
        self,
        line: &'a [u8],
        at: usize,
        text: Option<&'a str>,
    ) -> Option<Item<'a>> {
        let (body, count) = match self.body {
            LaxBody::Empty => (Body::Empty, 0),
            LaxBody::Token68(a, b) => (Body::Token68(&line[a..b]), 0),
            LaxBody::Params(a, b, n) => (Body::Params(&line[a..b], n), n),
        };
        let parsed = Parsed {
            scheme: &line[at..self.scheme_end],
            body,
            open: false,
            hint: crate::syntax::RunHint::NONE,
        };
        Item::new(&line[at..], &parsed, count, None, (line, text)).map(Item::into_lax)
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum LaxBody {
    Empty,
    Token68(usize, usize),
    /// From the first param to the end of the last, and their number.
    Params(usize, usize, usize),
}

/// What follows a param.
enum Sep {
    /// Another param, starting here.
    Param(usize),
    /// The end of the params: the next element starts here (after a
    /// comma, or at the end of the line).
    Next(usize),
    /// Something no rule reads, here.
    Bad(usize),
}

#[inline]
fn run(i: &[u8], mut at: usize, class: u8) -> usize {
    while at < i.len() && is(i[at], class) {
        at += 1;
    }
    at
}

/// The bytes that end an unquoted lenient value: whitespace, `,`, `"` and
/// control characters.
fn ends_value(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b',' || b == b'"' || is(b, CTL)
}

impl<'a> Lax<'a, '_> {
    pub(crate) fn dev(&self, kind: DeviationKind, at: usize) {
        if let Some(f) = self.report {
            f(Deviation::new(kind, self.line, at));
        }
    }

    /// A line break at `at` (CR or LF): its end, and whether it is an
    /// obs-fold (CR LF or LF, then SP or HTAB).
    fn line_break(&self, at: usize) -> (usize, bool) {
        let i = self.i;
        let mut end = at;
        if i.get(end) == Some(&b'\r') {
            end += 1;
        }
        if i.get(end) == Some(&b'\n') {
            end += 1;
        }
        let fold = end > at && i.get(end).is_some_and(|&b| is(b, WS)) && i[end - 1] == b'\n';
        (end.max(at + 1), fold)
    }

    /// Whitespace, obs-folds and line breaks from `at` (reported).
    fn ws(&self, mut at: usize) -> usize {
        loop {
            at = run(self.i, at, WS);
            match self.i.get(at) {
                Some(b'\r' | b'\n') => {
                    let (end, fold) = self.line_break(at);
                    self.dev(
                        if fold {
                            DeviationKind::ObsFold
                        } else {
                            DeviationKind::CrLfInValue
                        },
                        at,
                    );
                    at = end;
                }
                _ => return at,
            }
        }
    }

    fn starts_param(&self, at: usize) -> bool {
        starts_param(&self.i[at.min(self.i.len())..])
    }

    /// One param at `at`: `token BWS "=" BWS value`, the value read by the
    /// lenient rules. Its end, name range and value.
    pub(crate) fn param(&self, at: usize) -> Result<(usize, (usize, usize), RawValue<'a>), Fail> {
        let i = self.i;
        let name_end = run(i, at, TCHAR);
        let eq = run(i, name_end, WS);
        if name_end == at || i.get(eq) != Some(&b'=') {
            return Err(Fail::Syntax(at));
        }
        let v = run(i, eq + 1, WS);
        let (end, value) = self.value(v)?;
        if value.raw.len() > self.max_value_len {
            return Err(Fail::Limit(crate::ErrorKind::ValueTooLong, v));
        }
        Ok((end, (at, name_end), value))
    }

    /// A value at `at`.
    fn value(&self, at: usize) -> Result<(usize, RawValue<'a>), Fail> {
        let i = self.i;
        match i.get(at) {
            Some(b'"') => self.quoted(at),
            Some(b'\'') => {
                // Single quotes: literal, up to the closing quote when the
                // content holds what a token cannot.
                let close = i[at + 1..].iter().position(|&b| b == b'\'' || is(b, CTL));
                if let Some(n) = close {
                    let end = at + 1 + n;
                    if i[end] == b'\''
                        && i[at + 1..end].iter().any(|&b| !is(b, TCHAR))
                        && i[end + 1..]
                            .first()
                            .map_or(true, |&b| ends_value(b) || b == b';')
                    {
                        self.dev(DeviationKind::SingleQuotedValue, at);
                        return Ok((end + 1, raw(&i[at..end + 1], false)));
                    }
                }
                self.unquoted(at)
            }
            _ => self.unquoted(at),
        }
    }

    /// An unquoted value: up to whitespace, `,`, `"`, a control character,
    /// or a `;` that starts another param.
    fn unquoted(&self, at: usize) -> Result<(usize, RawValue<'a>), Fail> {
        let i = self.i;
        let mut end = at;
        let mut odd = None;
        while let Some(&b) = i.get(end) {
            if ends_value(b) || (b == b';' && self.starts_param(run(i, end + 1, WS))) {
                break;
            }
            if odd.is_none() && !is(b, TCHAR) {
                odd = Some(end);
            }
            end += 1;
        }
        if end == at {
            return Err(Fail::Syntax(at));
        }
        if let Some(odd) = odd {
            self.dev(DeviationKind::UnquotedValueChars, odd);
        }
        Ok((end, raw(&i[at..end], false)))
    }

    /// A quoted-string at `at`, with line breaks inside and an open end
    /// tolerated (both reported).
    fn quoted(&self, at: usize) -> Result<(usize, RawValue<'a>), Fail> {
        let i = self.i;
        let mut j = at + 1;
        let mut escaped = false;
        loop {
            match i.get(j) {
                Some(b'"') => return Ok((j + 1, quoted(&i[at + 1..j], escaped))),
                Some(b'\\') if j + 1 < i.len() => {
                    escaped = true;
                    j += 2;
                }
                Some(b'\r' | b'\n') => {
                    let (end, fold) = self.line_break(j);
                    self.dev(
                        if fold {
                            DeviationKind::ObsFold
                        } else {
                            DeviationKind::CrLfInValue
                        },
                        j,
                    );
                    j = end;
                }
                Some(&b) if is(b, CTL) => return Err(Fail::Syntax(j)),
                Some(b'\\') | None => {
                    self.dev(DeviationKind::UnterminatedQuotedString, at);
                    let escaped = escaped || i.get(j) == Some(&b'\\');
                    return Ok((i.len(), quoted(&i[at + 1..], escaped)));
                }
                Some(_) => j += 1,
            }
        }
    }

    /// What follows the param that ended at `end`.
    fn separator(&self, end: usize) -> Sep {
        let i = self.i;
        let k = self.ws(end);
        match i.get(k) {
            None => Sep::Next(k),
            Some(b',') => {
                let n = self.commas(k);
                if n < i.len() && self.starts_param(n) {
                    Sep::Param(n)
                } else {
                    Sep::Next(n)
                }
            }
            Some(b';') => {
                let n = self.ws(k + 1);
                if self.starts_param(n) {
                    self.dev(DeviationKind::SemicolonSeparatedParams, k);
                    Sep::Param(n)
                } else if n == i.len() {
                    self.dev(DeviationKind::SemicolonSeparatedParams, k);
                    Sep::Next(n)
                } else {
                    Sep::Bad(k)
                }
            }
            Some(_) if k > end && self.starts_param(k) => {
                self.dev(DeviationKind::SpaceSeparatedParams, end);
                Sep::Param(k)
            }
            // Only a quoted value can end right before a tchar.
            Some(&b) if k == end && is(b, TCHAR) => {
                self.dev(DeviationKind::MissingSeparator, k);
                if self.starts_param(k) {
                    Sep::Param(k)
                } else {
                    Sep::Next(k)
                }
            }
            Some(_) => Sep::Bad(k),
        }
    }

    /// From a `,` at `at`: past every `,` and the whitespace around them.
    fn commas(&self, mut at: usize) -> usize {
        while self.i.get(at) == Some(&b',') {
            at = self.ws(at + 1);
        }
        at
    }

    /// The params from `at` (a param starts there): the end of the last,
    /// their number, and where the next element starts.
    fn params(&self, mut at: usize, max_params: usize) -> Result<(usize, usize, usize), Fail> {
        let mut count = 0;
        loop {
            let (end, _, _) = self.param(at)?;
            count += 1;
            if count > max_params {
                return Err(Fail::Limit(crate::ErrorKind::TooManyParams, at));
            }
            match self.separator(end) {
                Sep::Param(next) => at = next,
                Sep::Next(next) => return Ok((end, count, next)),
                Sep::Bad(k) => return Err(Fail::Syntax(k)),
            }
        }
    }

    /// The next param of a list [`params`](Self::params) accepted, from `at`
    /// (after the previous param's end).
    pub(crate) fn next_param(&self, at: usize) -> Option<(usize, (usize, usize), RawValue<'a>)> {
        let i = self.i;
        let mut at = at;
        while i
            .get(at)
            .is_some_and(|&b| is(b, WS) || matches!(b, b',' | b';' | b'\r' | b'\n'))
        {
            at += 1;
        }
        self.param(at).ok()
    }

    /// One challenge (`single`: credentials) from `at` (its scheme).
    pub(crate) fn item(&self, at: usize, single: bool, max_params: usize) -> Result<LaxItem, Fail> {
        let i = self.i;
        let scheme_end = run(i, at, TCHAR);
        if scheme_end == at {
            return Err(Fail::Syntax(at));
        }
        let gap = run(i, scheme_end, WS);
        let body_at = self.ws(gap);
        let done = |body, next: usize| -> Result<LaxItem, Fail> {
            if single && next < i.len() {
                self.dev(DeviationKind::MultipleCredentials, next);
            }
            Ok(LaxItem {
                scheme_end,
                body,
                next,
            })
        };
        match i.get(body_at) {
            None => return done(LaxBody::Empty, body_at),
            Some(b',') => {
                let n = self.commas(body_at);
                if n < i.len() && self.starts_param(n) {
                    if gap == scheme_end {
                        self.dev(DeviationKind::CommaAfterScheme, body_at);
                    }
                    let (end, count, next) = self.params(n, max_params)?;
                    return done(LaxBody::Params(n, end, count), next);
                }
                return done(LaxBody::Empty, n);
            }
            Some(b':') if gap == scheme_end => {
                self.dev(DeviationKind::ColonAfterScheme, gap);
                return self.token68(gap + 1, done);
            }
            Some(_) if gap == scheme_end => return Err(Fail::Syntax(gap)),
            Some(_) => {}
        }
        if let Some(tab) = i[scheme_end..gap].iter().position(|&b| b == b'\t') {
            self.dev(DeviationKind::HtabAfterScheme, scheme_end + tab);
        }
        if self.starts_param(body_at) {
            // `name=` followed by a value: params; a token68 reading wins
            // where no value follows the `=`, or another `=` does.
            let name_end = run(i, body_at, TCHAR);
            let eq = run(i, name_end, WS);
            let v = run(i, eq + 1, WS);
            if i.get(v)
                .is_some_and(|&b| b == b'"' || (b != b'=' && !ends_value(b)))
            {
                let (end, count, next) = self.params(body_at, max_params)?;
                return done(LaxBody::Params(body_at, end, count), next);
            }
        }
        self.token68(body_at, done)
    }

    /// A token68 at `body_at`, with any visible byte but `,` and `"` in it,
    /// and what follows it; `done` makes the item.
    fn token68(
        &self,
        body_at: usize,
        done: impl Fn(LaxBody, usize) -> Result<LaxItem, Fail>,
    ) -> Result<LaxItem, Fail> {
        let i = self.i;
        let mut end = body_at;
        let mut odd = None;
        let mut padding = false;
        let mut line_breaks = None;
        while let Some(&b) = i.get(end) {
            if (b == b'\r' || b == b'\n') && end > body_at {
                // A base64 encoder that wraps its lines (RFC 2045) puts a
                // line break inside the token68: kept as written when more
                // of the token68 follows at once (not SP or HTAB: obs-fold).
                let k = end
                    + i[end..]
                        .iter()
                        .take_while(|&&c| c == b'\r' || c == b'\n')
                        .count();
                if i.get(k).is_some_and(|&c| !ends_value(c) && c < 0x80) {
                    line_breaks.get_or_insert(end);
                    end = k;
                    continue;
                }
                break;
            }
            if ends_value(b) || b >= 0x80 {
                break;
            }
            if b == b'=' {
                padding = true;
            } else if odd.is_none() && (padding || !is(b, T68)) {
                odd = Some(end);
            }
            end += 1;
        }
        if end == body_at {
            return Err(Fail::Syntax(body_at));
        }
        if end - body_at > self.max_value_len {
            return Err(Fail::Limit(crate::ErrorKind::ValueTooLong, body_at));
        }
        let after = self.ws(end);
        let next = match i.get(after) {
            None => after,
            Some(b',') => self.commas(after),
            Some(_) => return Err(Fail::Syntax(after)),
        };
        // Reported in the order of their offsets.
        let mut found = [
            odd.map(|at| (at, DeviationKind::Token68Chars)),
            line_breaks.map(|at| (at, DeviationKind::CrLfInValue)),
        ];
        found.sort_unstable_by_key(|f| f.map(|(at, _)| at));
        for (at, kind) in found.into_iter().flatten() {
            self.dev(kind, at);
        }
        done(LaxBody::Token68(body_at, end), next)
    }

    /// Where the next challenge starts after a broken one that failed at
    /// `at`: after a comma outside quotes, at a token that does not start a
    /// param; or the end of the line.
    pub(crate) fn skip_broken(&self, at: usize) -> usize {
        let i = self.i;
        let mut j = at;
        let mut in_quotes = false;
        while j < i.len() {
            match i[j] {
                b'"' => in_quotes = !in_quotes,
                b'\\' if in_quotes => j += 1,
                b',' if !in_quotes => {
                    let n = run(i, j, crate::syntax::SEP);
                    if n < i.len() && is(i[n], TCHAR) && !self.starts_param(n) {
                        return n;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        i.len()
    }

    /// `Authentication-Info`: a scheme in front of the first param, skipped.
    pub(crate) fn info_scheme(&self, at: usize) -> Option<usize> {
        let i = self.i;
        let scheme_end = run(i, at, TCHAR);
        let n = run(i, scheme_end, WS);
        if scheme_end > at && n > scheme_end && !self.starts_param(at) && self.starts_param(n) {
            self.dev(DeviationKind::SchemeInAuthenticationInfo, at);
            Some(n)
        } else {
            None
        }
    }

    /// `Authentication-Info`: one param at `at`, and where the next starts.
    pub(crate) fn info_param(
        &self,
        at: usize,
    ) -> Result<(usize, (usize, usize), RawValue<'a>), Fail> {
        let (end, name, value) = self.param(at)?;
        let next = match self.separator(end) {
            Sep::Param(next) => next,
            Sep::Next(next) if next == self.i.len() => next,
            Sep::Next(next) | Sep::Bad(next) => return Err(Fail::Syntax(next)),
        };
        Ok((next, name, value))
    }
}

fn raw(raw: &[u8], escaped: bool) -> RawValue<'_> {
    RawValue {
        raw,
        quoted: false,
        escaped,
    }
}

fn quoted(raw: &[u8], escaped: bool) -> RawValue<'_> {
    RawValue {
        raw,
        quoted: true,
        escaped,
    }
}
