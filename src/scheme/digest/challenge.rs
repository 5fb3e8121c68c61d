//! The Digest challenge view.

use core::iter::FusedIterator;

#[cfg(feature = "alloc")]
use super::DigestChallengeBuilder;
use super::{algorithm, bool_param, item_params, Algorithm, Qop};
use crate::param::ParamValue;
use crate::scheme::list::{ListIter, Sep};
use crate::scheme::{
    charset_utf8, expect_params, hash_list, known_params, try_from_ref, SchemeError, EMPTY,
};
use crate::Challenge;

/// The URIs of a challenge's `domain`: a space-separated list (RFC 7616
/// section 3.3), from [`DigestChallenge::domain`].
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::digest::DigestChallenge;
///
/// let c = Challenges::parse(r#"Digest realm="r", nonce="n", domain="/a https://b.example/""#).next().unwrap()?;
/// let d = DigestChallenge::try_from(&c)?;
/// assert!(d.domain().eq(["/a", "https://b.example/"]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Domain<'a>(ListIter<'a>);

impl<'a> Iterator for Domain<'a> {
    type Item = ParamValue<'a>;

    fn next(&mut self) -> Option<ParamValue<'a>> {
        self.0.next()
    }
}

impl FusedIterator for Domain<'_> {}

/// The qop options of a challenge: a comma-separated list inside one quoted
/// value (RFC 7616 section 3.3), from [`DigestChallenge::qop`]. Iterating
/// does not allocate.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::digest::{DigestChallenge, Qop};
///
/// let c = Challenges::parse(r#"Digest realm="r", nonce="n", qop="auth, auth-int""#).next().unwrap()?;
/// let d = DigestChallenge::try_from(&c)?;
/// assert!(d.qop().unwrap().eq([Qop::AUTH, Qop::AUTH_INT]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct QopOptions<'a>(ListIter<'a>);

impl<'a> Iterator for QopOptions<'a> {
    type Item = Qop<'a>;

    fn next(&mut self) -> Option<Qop<'a>> {
        // Every element was checked when the challenge was read.
        self.0.by_ref().find_map(Qop::from_value)
    }
}

impl FusedIterator for QopOptions<'_> {}

/// A Digest challenge (RFC 7616 section 3.3), from a `WWW-Authenticate` or
/// `Proxy-Authenticate` challenge with `TryFrom`.
///
/// It keeps the generic [`Challenge`] it was made from
/// ([`as_challenge`](Self::as_challenge)). Params Digest does not define
/// are ignored. Equality compares the values, the `qop` and `domain` lists
/// element by element (so `qop="auth,auth-int"` equals
/// `qop="auth, auth-int"`).
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::digest::{Algorithm, DigestChallenge};
///
/// let c = Challenges::parse(r#"Digest realm="r", nonce="n", algorithm=sha-256, stale=TRUE"#).next().unwrap()?;
/// let d = DigestChallenge::try_from(c)?;
/// assert_eq!(d.realm(), "r");
/// assert_eq!(d.nonce(), "n");
/// assert_eq!(d.algorithm(), Algorithm::SHA_256);
/// assert!(d.stale());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct DigestChallenge<'a> {
    item: Challenge<'a>,
    stale: bool,
    charset_utf8: bool,
    userhash: bool,
}

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
impl DigestChallenge<'_> {
    /// The same view, owning its bytes, so that it can be kept past the
    /// input (across requests, or `.await` points).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::digest::DigestChallenge;
    ///
    /// let kept: DigestChallenge<'static> = {
    ///     let received = String::from(r#"Digest realm="r", nonce="n", stale=true"#);
    ///     let c = Challenges::parse(&received).next().unwrap()?;
    ///     DigestChallenge::try_from(&c)?.into_owned()
    /// };
    /// assert!(kept.stale());
    /// assert_eq!(kept.nonce(), "n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_owned(self) -> DigestChallenge<'static> {
        DigestChallenge {
            item: self.item.into_owned(),
            stale: self.stale,
            charset_utf8: self.charset_utf8,
            userhash: self.userhash,
        }
    }
}

// into_owned: added with the core's owned forms

impl<'a> DigestChallenge<'a> {
    item_params!(
        as_challenge,
        Challenge,
        "use http_auth_headers::{Challenges, scheme::digest::{Algorithm, DigestChallenge}};",
        r##"let c = Challenges::parse(r#"Digest realm="r", nonce="n", opaque="o", algorithm=SHA-256, userhash=true"#).next().unwrap()?;
let v = DigestChallenge::try_from(&c)?;"##
    );

    /// The URIs of the protection space, from `domain`; none when it is
    /// absent. Clients MUST ignore it in `Proxy-Authenticate`.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::digest::DigestChallenge;
    ///
    /// let c = Challenges::parse(r#"Digest realm="r", nonce="n", domain="/a /b""#).next().unwrap()?;
    /// assert_eq!(DigestChallenge::try_from(&c)?.domain().count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn domain(&self) -> Domain<'_> {
        let v = self.item.param("domain").unwrap_or(EMPTY);
        Domain(ListIter::new(v, Sep::Space))
    }

    /// Whether the nonce was stale: `stale=true` (any case). Absent or any
    /// other value means `false`, as section 3.3 says.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::digest::DigestChallenge;
    ///
    /// let c = Challenges::parse(r#"Digest realm="r", nonce="n", stale=TRUE"#).next().unwrap()?;
    /// assert!(DigestChallenge::try_from(&c)?.stale());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn stale(&self) -> bool {
        self.stale
    }

    /// The qop options, in order; `None` when the challenge has no `qop`
    /// (the RFC 2069 compatibility mode that RFC 7616 deprecates).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::digest::{DigestChallenge, Qop};
    ///
    /// let c = Challenges::parse(r#"Digest realm="r", nonce="n", qop="auth-int ,auth,x-new""#).next().unwrap()?;
    /// let d = DigestChallenge::try_from(&c)?;
    /// let qop: Vec<Qop<'_>> = d.qop().unwrap().collect();
    /// assert_eq!(qop, [Qop::AUTH_INT, Qop::AUTH, Qop::from_name("x-new")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn qop(&self) -> Option<QopOptions<'_>> {
        self.item
            .param("qop")
            .map(|v| QopOptions(ListIter::new(v, Sep::Comma)))
    }

    /// Starts writing a Digest challenge with its two required params.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestChallenge;
    ///
    /// let v = DigestChallenge::builder("r", "n").stale().finish()?;
    /// assert_eq!(v, r#"Digest realm="r", nonce="n", stale=true"#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder<'b>(realm: &'b str, nonce: &'b str) -> DigestChallengeBuilder<'b> {
        DigestChallengeBuilder::new(realm, nonce)
    }

    /// Whether the server said `charset=UTF-8` (section 4): the username and
    /// password are then NFC-normalized UTF-8.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::digest::DigestChallenge;
    ///
    /// let c = Challenges::parse(r#"Digest realm="r", nonce="n", charset=utf-8"#).next().unwrap()?;
    /// assert!(DigestChallenge::try_from(&c)?.charset_utf8());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn charset_utf8(&self) -> bool {
        self.charset_utf8
    }
}

impl PartialEq for DigestChallenge<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.realm() == other.realm()
            && self.domain().eq(other.domain())
            && self.nonce() == other.nonce()
            && self.opaque() == other.opaque()
            && self.stale == other.stale
            && self.algorithm() == other.algorithm()
            && match (self.qop(), other.qop()) {
                (Some(a), Some(b)) => a.eq(b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && self.charset_utf8 == other.charset_utf8
            && self.userhash == other.userhash
    }
}

impl Eq for DigestChallenge<'_> {}

/// Consistent with equality: hashes the values, and the `qop` and `domain`
/// lists element by element.
impl core::hash::Hash for DigestChallenge<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.realm().hash(state);
        hash_list(self.domain(), state);
        self.nonce().hash(state);
        self.opaque().hash(state);
        self.stale.hash(state);
        self.algorithm().hash(state);
        match self.qop() {
            Some(qop) => {
                state.write_u8(1);
                hash_list(qop, state);
            }
            None => state.write_u8(0),
        }
        self.charset_utf8.hash(state);
        self.userhash.hash(state);
    }
}

impl<'a> TryFrom<Challenge<'a>> for DigestChallenge<'a> {
    type Error = SchemeError;

    fn try_from(item: Challenge<'a>) -> Result<Self, SchemeError> {
        expect_params("Digest", item.is_scheme("Digest"), item.token68().is_some())?;
        // `domain` and `opaque` take any value, once.
        let [realm, _, nonce, _, stale, alg, qop, charset, userhash] = known_params(
            item.params(),
            [
                "realm",
                "domain",
                "nonce",
                "opaque",
                "stale",
                "algorithm",
                "qop",
                "charset",
                "userhash",
            ],
        )?;
        realm.ok_or(SchemeError::MissingParam("realm"))?;
        nonce.ok_or(SchemeError::MissingParam("nonce"))?;
        algorithm(alg)?;
        if let Some(v) = qop {
            let mut n = 0;
            for option in ListIter::new(v, Sep::Comma) {
                Qop::from_value(option).ok_or(SchemeError::InvalidParam("qop"))?;
                n += 1;
            }
            if n == 0 {
                return Err(SchemeError::InvalidParam("qop"));
            }
        }
        let charset_utf8 = charset_utf8(charset)?;
        let stale = stale.is_some_and(|v| v.eq_ignore_ascii_case(b"true"));
        let userhash = userhash.map_or(Ok(false), |v| bool_param(v, "userhash"))?;
        Ok(DigestChallenge {
            item,
            stale,
            charset_utf8,
            userhash,
        })
    }
}

try_from_ref!(DigestChallenge, Challenge);
