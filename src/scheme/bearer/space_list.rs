//! Space-separated list attributes: `scope` and `algs`.

use core::iter::FusedIterator;

use crate::param::ParamValue;
use crate::scheme::list::{ListIter, Sep};

/// A space-separated list attribute: `scope` (RFC 6750 section 3, RFC 6749
/// section 3.3) or DPoP's `algs` (RFC 9449 section 7.1).
///
/// It borrows the value; iterating yields each entry as a [`ParamValue`]
/// (compare it with `==` to a `&str`, or take [`ParamValue::as_str`]) and
/// does not allocate.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::bearer::BearerChallenge;
///
/// let c = Challenges::parse(r#"Bearer scope="openid profile email""#).next().unwrap()?;
/// let bearer = BearerChallenge::try_from(c)?;
/// let scope = bearer.scope().unwrap();
/// assert!(scope.contains("profile"));
/// let items: Vec<&str> = scope.iter().filter_map(|s| s.as_str()).collect();
/// assert_eq!(items, ["openid", "profile", "email"]);
/// assert_eq!(scope.value(), "openid profile email");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SpaceList<'a> {
    pub(super) value: ParamValue<'a>,
}

impl<'a> SpaceList<'a> {
    /// The whole value, as in the challenge.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::bearer::BearerChallenge;
    ///
    /// let c = Challenges::parse(r#"Bearer scope="a b""#).next().unwrap()?;
    /// let bearer = BearerChallenge::try_from(&c)?;
    /// let scope = bearer.scope().unwrap();
    /// assert_eq!(scope.value(), "a b");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value(&self) -> ParamValue<'a> {
        self.value
    }

    /// The entries, in order (at least one).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::bearer::BearerChallenge;
    ///
    /// let c = Challenges::parse(r#"Bearer scope="a b""#).next().unwrap()?;
    /// let bearer = BearerChallenge::try_from(&c)?;
    /// let scope = bearer.scope().unwrap();
    /// assert_eq!(scope.iter().collect::<Vec<_>>(), ["a", "b"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> SpaceListIter<'a> {
        // The value was checked: entries are separated by exactly one SP,
        // which may be written escaped (`\ `) inside a quoted-string.
        SpaceListIter(ListIter::new(self.value, Sep::Space))
    }

    /// Whether `entry` is one of the entries (case-sensitive, as scope
    /// values and JWS algorithm names are).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::bearer::BearerChallenge;
    ///
    /// let c = Challenges::parse(r#"Bearer scope="a b""#).next().unwrap()?;
    /// let bearer = BearerChallenge::try_from(&c)?;
    /// let scope = bearer.scope().unwrap();
    /// assert!(scope.contains("b") && !scope.contains("B"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, entry: &str) -> bool {
        self.iter().any(|e| e == entry)
    }
}

impl<'a> IntoIterator for SpaceList<'a> {
    type Item = ParamValue<'a>;
    type IntoIter = SpaceListIter<'a>;

    fn into_iter(self) -> SpaceListIter<'a> {
        self.iter()
    }
}

/// The entries of a [`SpaceList`], from [`SpaceList::iter`].
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::bearer::BearerChallenge;
///
/// let c = Challenges::parse(r#"Bearer scope="a b""#).next().unwrap()?;
/// let bearer = BearerChallenge::try_from(&c)?;
/// let scope = bearer.scope().unwrap();
/// let mut it = scope.iter();
/// assert_eq!(it.next().unwrap(), "a");
/// assert_eq!(it.next().unwrap(), "b");
/// assert!(it.next().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct SpaceListIter<'a>(ListIter<'a>);

impl<'a> Iterator for SpaceListIter<'a> {
    type Item = ParamValue<'a>;

    fn next(&mut self) -> Option<ParamValue<'a>> {
        self.0.next()
    }
}

impl FusedIterator for SpaceListIter<'_> {}
