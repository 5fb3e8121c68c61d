//! The Digest challenge view.

use core::iter::FusedIterator;

use super::{bool_param, Algorithm, Qop};
use crate::param::ParamValue;
use crate::scheme::list::{ListIter, Sep};
use crate::scheme::{known_params, SchemeError};
use crate::syntax::RawValue;
use crate::Challenge;

/// The URIs of a challenge's `domain`: a space-separated list (RFC 7616
/// section 3.3), from [`DigestChallenge::domain`].
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
/// Params Digest does not define are ignored. Equality compares the
/// values, the `qop` and `domain` lists element by element (so
/// `qop="auth,auth-int"` equals `qop="auth, auth-int"`).
#[derive(Clone, Copy, Debug)]
pub struct DigestChallenge<'a> {
    realm: ParamValue<'a>,
    domain: Option<ParamValue<'a>>,
    nonce: ParamValue<'a>,
    opaque: Option<ParamValue<'a>>,
    stale: bool,
    algorithm: Algorithm<'a>,
    qop: Option<ParamValue<'a>>,
    charset_utf8: bool,
    userhash: bool,
}

impl<'a> DigestChallenge<'a> {
    /// The realm (required).
    pub fn realm(&self) -> ParamValue<'a> {
        self.realm
    }

    /// The URIs of the protection space, from `domain`; none when it is
    /// absent. Clients MUST ignore it in `Proxy-Authenticate`.
    pub fn domain(&self) -> Domain<'a> {
        let v = self.domain.unwrap_or(EMPTY);
        Domain(ListIter::new(v, Sep::Space))
    }

    /// The nonce (required).
    pub fn nonce(&self) -> ParamValue<'a> {
        self.nonce
    }

    /// The opaque value the client must return unchanged.
    pub fn opaque(&self) -> Option<ParamValue<'a>> {
        self.opaque
    }

    /// Whether the nonce was stale: `stale=true` (any case). Absent or any
    /// other value means `false`, as section 3.3 says.
    pub fn stale(&self) -> bool {
        self.stale
    }

    /// The algorithm; [`Algorithm::Md5`] when absent.
    pub fn algorithm(&self) -> Algorithm<'a> {
        self.algorithm
    }

    /// The qop options, in order; `None` when the challenge has no `qop`
    /// (the RFC 2069 compatibility mode that RFC 7616 deprecates).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::digest::{DigestChallenge, Qop};
    ///
    /// let c = Challenges::new(r#"Digest realm="r", nonce="n", qop="auth-int ,auth,x-new""#).next().unwrap()?;
    /// let d = DigestChallenge::try_from(&c)?;
    /// let qop: Vec<Qop<'_>> = d.qop().unwrap().collect();
    /// assert_eq!(qop, [Qop::AuthInt, Qop::Auth, Qop::Other("x-new")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn qop(&self) -> Option<QopOptions<'a>> {
        self.qop.map(|v| QopOptions(ListIter::new(v, Sep::Comma)))
    }

    /// Whether the server said `charset=UTF-8` (section 4): the username and
    /// password are then NFC-normalized UTF-8.
    pub fn charset_utf8(&self) -> bool {
        self.charset_utf8
    }

    /// Whether the server supports username hashing (`userhash=true`,
    /// section 3.4.4); `false` when absent.
    pub fn userhash(&self) -> bool {
        self.userhash
    }
}

impl PartialEq for DigestChallenge<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.realm == other.realm
            && self.domain().eq(other.domain())
            && self.nonce == other.nonce
            && self.opaque == other.opaque
            && self.stale == other.stale
            && self.algorithm == other.algorithm
            && match (self.qop(), other.qop()) {
                (Some(a), Some(b)) => a.eq(b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && self.charset_utf8 == other.charset_utf8
            && self.userhash == other.userhash
    }
}

impl Eq for DigestChallenge<'_> {}

const EMPTY: ParamValue<'static> = ParamValue {
    v: RawValue {
        raw: b"",
        quoted: true,
        escaped: false,
    },
};

impl<'a> TryFrom<&Challenge<'a>> for DigestChallenge<'a> {
    type Error = SchemeError;

    fn try_from(c: &Challenge<'a>) -> Result<Self, SchemeError> {
        if !c.is_scheme("Digest") {
            return Err(SchemeError::WrongScheme("Digest"));
        }
        if c.token68().is_some() {
            return Err(SchemeError::UnexpectedToken68);
        }
        let [realm, domain, nonce, opaque, stale, algorithm, qop, charset, userhash] =
            known_params(
                c.params(),
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
        let realm = realm.ok_or(SchemeError::MissingParam("realm"))?;
        let nonce = nonce.ok_or(SchemeError::MissingParam("nonce"))?;
        let algorithm = match algorithm {
            None => Algorithm::Md5,
            Some(v) => Algorithm::from_value(v).ok_or(SchemeError::InvalidParam("algorithm"))?,
        };
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
        let charset_utf8 = match charset {
            None => false,
            Some(v) if v.eq_ignore_ascii_case(b"UTF-8") => true,
            Some(_) => return Err(SchemeError::InvalidParam("charset")),
        };
        Ok(DigestChallenge {
            realm,
            domain,
            nonce,
            opaque,
            stale: stale.is_some_and(|v| v.eq_ignore_ascii_case(b"true")),
            algorithm,
            qop,
            charset_utf8,
            userhash: userhash.map_or(Ok(false), |v| bool_param(v, "userhash"))?,
        })
    }
}
