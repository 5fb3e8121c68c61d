//! Parse options: limits a server can set on hostile input.

use crate::syntax::Limits;

/// Options for a parse. The default is strict RFC 9110 with no limits.
///
/// A server facing untrusted input can bound the work a header may ask for;
/// each limit fails with its own [`ErrorKind`](crate::ErrorKind).
///
/// ```
/// use http_auth_headers::{Challenges, ErrorKind, ParseOptions};
///
/// let opts = ParseOptions::new().max_challenges(1);
/// let mut it = Challenges::new("Basic realm=\"a\", Bearer").with_options(opts);
/// assert!(it.next().unwrap().is_ok());
/// assert_eq!(it.next().unwrap().unwrap_err().kind(), ErrorKind::TooManyChallenges);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    pub(crate) max_challenges: usize,
    pub(crate) max_params: usize,
    pub(crate) max_value_len: usize,
}

impl ParseOptions {
    /// Strict parsing, no limits.
    pub const fn new() -> Self {
        ParseOptions {
            max_challenges: usize::MAX,
            max_params: usize::MAX,
            max_value_len: usize::MAX,
        }
    }

    /// At most `n` challenges in a field (all its lines together).
    pub const fn max_challenges(mut self, n: usize) -> Self {
        self.max_challenges = n;
        self
    }

    /// At most `n` auth-params in one challenge, one credentials, or one
    /// Authentication-Info field.
    pub const fn max_params(mut self, n: usize) -> Self {
        self.max_params = n;
        self
    }

    /// At most `n` bytes in one token68 or one param value (as written,
    /// without the quotes).
    pub const fn max_value_len(mut self, n: usize) -> Self {
        self.max_value_len = n;
        self
    }

    pub(crate) const fn limits(&self) -> Limits {
        Limits {
            max_params: self.max_params,
            max_value_len: self.max_value_len,
        }
    }
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self::new()
    }
}
