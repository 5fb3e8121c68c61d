//! `WWW-Authenticate` and `Proxy-Authenticate`: `#challenge`.

#[cfg(feature = "alloc")]
use alloc::vec::Vec;
use core::fmt;
use core::iter::FusedIterator;

use crate::error::{Error, ErrorKind};
use crate::item::{debug_item, item_accessors, Item, Role};
use crate::lines::FieldLines;
use crate::options::ParseOptions;
use crate::syntax::{self, Context};

/// One challenge of a `WWW-Authenticate` or `Proxy-Authenticate` field,
/// borrowed from the parsed input.
///
/// ```text
/// challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
/// ```
/// (RFC 9110 section 11.3)
///
/// Equality is semantic: schemes and param names compare ASCII
/// case-insensitively and param values by their unescaped bytes, so a
/// challenge equals the parse of its own [`Display`](fmt::Display) output.
///
/// # Examples
///
/// ```
/// use http_auth_headers::Challenges;
///
/// let mut it = Challenges::new("Negotiate, Basic realm=\"simple\"");
/// let negotiate = it.next().unwrap()?;
/// assert!(negotiate.is_scheme("negotiate"));
/// assert_eq!(negotiate.params().len(), 0);
/// let basic = it.next().unwrap()?;
/// assert_eq!(basic.param("Realm").unwrap(), "simple");
/// assert_eq!(basic.to_string(), "Basic realm=\"simple\"");
/// assert!(it.next().is_none());
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[derive(Clone, PartialEq)]
pub struct Challenge<'a>(pub(crate) Item<'a>);

impl<'a> Challenge<'a> {
    item_accessors!("challenge");
}

impl fmt::Debug for Challenge<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_item(f, "Challenge", &self.0, false)
    }
}

/// Writes the challenge in canonical form: the scheme, one SP, then the
/// token68 or the params joined by `", "`. A value is written as a token where
/// the grammar allows it and as a quoted-string otherwise, except that the
/// params whose specification requires the quoted form from senders are always
/// quoted: `realm` (RFC 9110 section 11.5), Digest's `domain`, `nonce`,
/// `opaque` and `qop` (RFC 7616 section 3.3), and Bearer's and DPoP's `scope`,
/// `error`, `error_description`, `error_uri` and `algs`.
impl fmt::Display for Challenge<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_role(f, Role::Challenge)
    }
}

/// A lazy parser of a `#challenge` list: the value of one or several
/// `WWW-Authenticate` (or `Proxy-Authenticate`) field lines.
///
/// It yields one `Result` per challenge, stops after the first error, and
/// never allocates. Empty list elements and the whitespace around them are
/// skipped (RFC 9110 section 5.6.1.2), so `""` and `" , "` hold no challenge.
///
/// # Examples
///
/// ```
/// use http_auth_headers::Challenges;
///
/// // Two field lines of one field combine as one list (RFC 9110 section 5.3).
/// let lines = ["Digest realm=\"x\", nonce=\"abc\"", "Basic realm=\"x\""];
/// let schemes: Vec<&str> = Challenges::from_lines(lines)
///     .map(|c| c.map(|c| c.scheme()))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(schemes, ["Digest", "Basic"]);
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Challenges<'a, I = core::iter::Once<&'a [u8]>> {
    lines: FieldLines<'a, I>,
    options: ParseOptions,
}

impl<'a> Challenges<'a> {
    /// Parses the value of one field line. `input` may be a `&str`, a `&[u8]`
    /// or anything else that is `AsRef<[u8]>`, such as `http::HeaderValue`.
    pub fn new<T: AsRef<[u8]> + ?Sized>(input: &'a T) -> Self {
        Challenges::from_lines(core::iter::once(input.as_ref()))
    }
}

impl<'a, I, T> Challenges<'a, I>
where
    I: Iterator<Item = &'a T>,
    T: AsRef<[u8]> + ?Sized + 'a,
{
    /// Parses the values of several field lines of one field as one list, in
    /// order. Errors report the index of their line ([`Error::line`]).
    pub fn from_lines<L: IntoIterator<IntoIter = I>>(lines: L) -> Self {
        Challenges {
            lines: FieldLines::new(lines.into_iter()),
            options: ParseOptions::new(),
        }
    }

    /// Applies limits (and, later, other options) to this parse.
    pub fn with_options(mut self, options: ParseOptions) -> Self {
        self.options = options;
        self
    }
}

impl<'a, I, T> Iterator for Challenges<'a, I>
where
    I: Iterator<Item = &'a T>,
    T: AsRef<[u8]> + ?Sized + 'a,
{
    type Item = Result<Challenge<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let limits = self.options.limits();
        let item = self.lines.next_with(
            self.options.max_challenges,
            ErrorKind::TooManyChallenges,
            |i| syntax::item(i, Context::List, &limits),
        )?;
        Some(item.map(|(scheme, body)| Challenge(Item::from_body(scheme, body))))
    }
}

impl<'a, I, T> FusedIterator for Challenges<'a, I>
where
    I: Iterator<Item = &'a T>,
    T: AsRef<[u8]> + ?Sized + 'a,
{
}

/// Parses one `WWW-Authenticate` or `Proxy-Authenticate` field value into a
/// `Vec`: shorthand for `Challenges::new(input).collect()`.
///
/// ```
/// let challenges = http_auth_headers::parse_challenges("Bearer, DPoP algs=\"ES256 PS256\"")?;
/// assert_eq!(challenges.len(), 2);
/// assert_eq!(challenges[1].param("algs").unwrap(), "ES256 PS256");
/// # Ok::<(), http_auth_headers::Error>(())
/// ```
///
/// # Errors
///
/// The first syntax error in the value.
#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub fn parse_challenges<T: AsRef<[u8]> + ?Sized>(input: &T) -> Result<Vec<Challenge<'_>>, Error> {
    Challenges::new(input).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The types cross threads, and a challenge stays small enough to move
    /// out of the iterator cheaply (it carries the offsets of its first
    /// params so that iterating them needs no second parse).
    #[test]
    fn size_and_send() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Challenge<'_>>();
        assert_send_sync::<Challenges<'_>>();
        assert_send_sync::<crate::Credentials<'_>>();
        assert!(
            core::mem::size_of::<Challenge<'_>>() <= 192,
            "{}",
            core::mem::size_of::<Challenge<'_>>()
        );
    }
}
