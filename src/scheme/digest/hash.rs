//! The hash computations of RFC 7616 section 3.4: `H`, `KD`, `A1`, `A2`,
//! the request digest, `rspauth` and `userhash`.

use core::fmt;

use md5::Md5;
use sha2::{Digest, Sha256, Sha512_256};
use subtle::ConstantTimeEq;

use super::{Algorithm, NonceCount, Qop};

/// A Digest algorithm this crate can compute (RFC 7616 section 3.3 and the
/// IANA registry): a hash function, plain or `-sess`.
///
/// `SHA-512-256` is FIPS 180-4 SHA-512/256, with its own initial values:
/// neither SHA-256 nor SHA-512 cut to 256 bits (the values printed in RFC
/// 7616 section 3.9.2 come from the latter, erratum 4897).
///
/// The order is the order of strength: `MD5 < MD5-sess < SHA-256 < … <
/// SHA-512-256-sess`, so `max()` picks the strongest.
///
/// ```
/// use http_auth_headers::scheme::digest::{Algorithm, DigestAlgorithm};
///
/// let a = DigestAlgorithm::from_algorithm(Algorithm::from_name("sha-512-256")).unwrap();
/// assert_eq!(a, DigestAlgorithm::Sha512_256);
/// assert_eq!(a.algorithm(), Algorithm::SHA_512_256);
/// assert!(DigestAlgorithm::from_algorithm(Algorithm::from_name("SHA3")).is_none());
/// assert!(DigestAlgorithm::Sha256 > DigestAlgorithm::Md5Sess);
/// assert_eq!(a.h(b"abc").as_str().len(), 64);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum DigestAlgorithm {
    /// `MD5` (the default when a challenge names none).
    Md5,
    /// `MD5-sess`.
    Md5Sess,
    /// `SHA-256`.
    Sha256,
    /// `SHA-256-sess`.
    Sha256Sess,
    /// `SHA-512-256` (FIPS 180-4 SHA-512/256).
    Sha512_256,
    /// `SHA-512-256-sess`.
    Sha512_256Sess,
}

impl DigestAlgorithm {
    /// Every algorithm, strongest first.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAlgorithm;
    ///
    /// assert_eq!(DigestAlgorithm::ALL[0], DigestAlgorithm::Sha512_256Sess);
    /// ```
    pub const ALL: [DigestAlgorithm; 6] = [
        DigestAlgorithm::Sha512_256Sess,
        DigestAlgorithm::Sha512_256,
        DigestAlgorithm::Sha256Sess,
        DigestAlgorithm::Sha256,
        DigestAlgorithm::Md5Sess,
        DigestAlgorithm::Md5,
    ];

    /// The algorithm a name stands for; `None` for a name this crate
    /// cannot compute.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{Algorithm, DigestAlgorithm};
    ///
    /// assert_eq!(DigestAlgorithm::from_algorithm(Algorithm::MD5_SESS), Some(DigestAlgorithm::Md5Sess));
    /// ```
    pub fn from_algorithm(algorithm: Algorithm<'_>) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.algorithm() == algorithm)
    }

    /// The name, as [`Algorithm`] (what `algorithm=` carries).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAlgorithm;
    ///
    /// assert_eq!(DigestAlgorithm::Sha256Sess.algorithm().name(), "SHA-256-sess");
    /// ```
    pub fn algorithm(self) -> Algorithm<'static> {
        match self {
            DigestAlgorithm::Md5 => Algorithm::MD5,
            DigestAlgorithm::Md5Sess => Algorithm::MD5_SESS,
            DigestAlgorithm::Sha256 => Algorithm::SHA_256,
            DigestAlgorithm::Sha256Sess => Algorithm::SHA_256_SESS,
            DigestAlgorithm::Sha512_256 => Algorithm::SHA_512_256,
            DigestAlgorithm::Sha512_256Sess => Algorithm::SHA_512_256_SESS,
        }
    }

    /// Whether this is a `-sess` variant (A1 includes the nonce and cnonce).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAlgorithm;
    ///
    /// assert!(DigestAlgorithm::Md5Sess.is_session() && !DigestAlgorithm::Md5.is_session());
    /// ```
    pub fn is_session(self) -> bool {
        matches!(
            self,
            DigestAlgorithm::Md5Sess
                | DigestAlgorithm::Sha256Sess
                | DigestAlgorithm::Sha512_256Sess
        )
    }

    /// The same hash without `-sess`: the algorithm a stored H(A1) (such as
    /// an `htdigest` line, which is MD5) belongs to.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAlgorithm;
    ///
    /// assert_eq!(DigestAlgorithm::Md5Sess.base(), DigestAlgorithm::Md5);
    /// ```
    pub fn base(self) -> Self {
        match self {
            DigestAlgorithm::Md5 | DigestAlgorithm::Md5Sess => DigestAlgorithm::Md5,
            DigestAlgorithm::Sha256 | DigestAlgorithm::Sha256Sess => DigestAlgorithm::Sha256,
            DigestAlgorithm::Sha512_256 | DigestAlgorithm::Sha512_256Sess => {
                DigestAlgorithm::Sha512_256
            }
        }
    }

    /// `H(data)` of the concatenated `parts`, in lowercase hex.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAlgorithm;
    ///
    /// assert_eq!(DigestAlgorithm::Md5.h(b"").as_str(), "d41d8cd98f00b204e9800998ecf8427e");
    /// ```
    pub fn h(self, data: &[u8]) -> HexDigest {
        self.h_parts(&[data])
    }

    /// `H` of `parts` joined with `:`.
    pub(crate) fn h_parts(self, parts: &[&[u8]]) -> HexDigest {
        fn run<D: Digest>(parts: &[&[u8]]) -> HexDigest {
            let mut d = D::new();
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    d.update(b":");
                }
                d.update(p);
            }
            HexDigest::from_bytes(&d.finalize())
        }
        match self.base() {
            DigestAlgorithm::Md5 => run::<Md5>(parts),
            DigestAlgorithm::Sha256 => run::<Sha256>(parts),
            _ => run::<Sha512_256>(parts),
        }
    }

    /// `KD(secret, data) = H(secret ":" data)`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAlgorithm;
    ///
    /// let md5 = DigestAlgorithm::Md5;
    /// assert_eq!(md5.kd("a", "b"), md5.h(b"a:b"));
    /// ```
    pub fn kd(self, secret: &str, data: &str) -> HexDigest {
        self.h_parts(&[secret.as_bytes(), data.as_bytes()])
    }

    /// The hashed username of section 3.4.4: `H(username ":" realm)`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAlgorithm;
    ///
    /// // RFC 7616 section 3.9.2 with real SHA-512/256 (erratum 4897).
    /// assert_eq!(
    ///     DigestAlgorithm::Sha512_256.userhash("Jäsøn Doe", "api@example.org").as_str(),
    ///     "793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b"
    /// );
    /// ```
    pub fn userhash(self, username: &str, realm: &str) -> HexDigest {
        self.h_parts(&[username.as_bytes(), realm.as_bytes()])
    }

    /// `H(username ":" realm ":" password)`: the stored form of a password
    /// (what an `htdigest` file holds for MD5), before `-sess` is applied.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAlgorithm;
    ///
    /// // RFC 2617 section 3.5.
    /// let ha1 = DigestAlgorithm::Md5.password_ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
    /// assert_eq!(ha1.as_str(), "939e7578ed9e3c518a452acee763bce9");
    /// ```
    pub fn password_ha1(self, username: &str, realm: &str, password: &str) -> HexDigest {
        self.h_parts(&[username.as_bytes(), realm.as_bytes(), password.as_bytes()])
    }

    /// `H(A1)` from the stored `H(username:realm:password)`: unchanged for a
    /// plain algorithm, `H(stored ":" nonce ":" cnonce)` for `-sess`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAlgorithm;
    ///
    /// let md5 = DigestAlgorithm::Md5;
    /// let stored = md5.password_ha1("u", "r", "p");
    /// assert_eq!(md5.session_ha1(&stored, "n", "c"), stored);
    /// let sess = DigestAlgorithm::Md5Sess.session_ha1(&stored, "n", "c");
    /// assert_eq!(sess, md5.h(format!("{}:n:c", stored.as_str()).as_bytes()));
    /// ```
    pub fn session_ha1(self, stored: &HexDigest, nonce: &str, cnonce: &str) -> HexDigest {
        if self.is_session() {
            self.h_parts(&[stored.as_bytes(), nonce.as_bytes(), cnonce.as_bytes()])
        } else {
            *stored
        }
    }

    /// `H(A2)` (section 3.4.3): `H(method ":" uri)`, or with
    /// [`Qop::AUTH_INT`] `H(method ":" uri ":" H(body))`. The `rspauth` of
    /// `Authentication-Info` uses an empty method.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestAlgorithm, Qop};
    ///
    /// let md5 = DigestAlgorithm::Md5;
    /// assert_eq!(md5.ha2(Some(Qop::AUTH), "GET", "/dir/index.html", b"").as_str(), "39aff3a2bab6126f332b942af96d3366");
    /// let body_hash = md5.h(b"x");
    /// assert_eq!(md5.ha2(Some(Qop::AUTH_INT), "POST", "/", b"x"), md5.h(format!("POST:/:{}", body_hash.as_str()).as_bytes()));
    /// ```
    pub fn ha2(self, qop: Option<Qop<'_>>, method: &str, uri: &str, body: &[u8]) -> HexDigest {
        if qop == Some(Qop::AUTH_INT) {
            let body = self.h(body);
            self.h_parts(&[method.as_bytes(), uri.as_bytes(), body.as_bytes()])
        } else {
            self.h_parts(&[method.as_bytes(), uri.as_bytes()])
        }
    }

    /// The request digest from `H(A1)` and `H(A2)` (section 3.4.1):
    /// `KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2))`, or without a
    /// qop (RFC 2069) `KD(H(A1), nonce ":" H(A2))`.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::{DigestAlgorithm, NonceCount, Qop};
    ///
    /// // RFC 2617 section 3.5.
    /// let md5 = DigestAlgorithm::Md5;
    /// let ha1 = md5.password_ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
    /// let ha2 = md5.ha2(Some(Qop::AUTH), "GET", "/dir/index.html", b"");
    /// let qop = Some((Qop::AUTH, NonceCount::new(1), "0a4f113b"));
    /// let response = md5.response(&ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", qop, &ha2);
    /// assert_eq!(response.as_str(), "6629fae49393a05397450978507c4ef1");
    /// ```
    pub fn response(
        self,
        ha1: &HexDigest,
        nonce: &str,
        qop: Option<(Qop<'_>, NonceCount, &str)>,
        ha2: &HexDigest,
    ) -> HexDigest {
        match qop {
            Some((qop, nc, cnonce)) => self.h_parts(&[
                ha1.as_bytes(),
                nonce.as_bytes(),
                nc.as_str().as_bytes(),
                cnonce.as_bytes(),
                qop.name().as_bytes(),
                ha2.as_bytes(),
            ]),
            None => self.h_parts(&[ha1.as_bytes(), nonce.as_bytes(), ha2.as_bytes()]),
        }
    }
}

impl fmt::Display for DigestAlgorithm {
    /// Writes the name (`SHA-512-256-sess`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.algorithm().name())
    }
}

/// A digest in lowercase hex (32 digits for MD5, 64 for the SHA-2 hashes),
/// held inline.
///
/// `H(A1)` stands for the password and a response proves knowledge of it,
/// so `Debug` does not show the digits, and equality takes the same time
/// wherever two digests differ.
///
/// ```
/// use http_auth_headers::scheme::digest::DigestAlgorithm;
///
/// let d = DigestAlgorithm::Md5.h(b"abc");
/// assert_eq!(d.as_str(), "900150983cd24fb0d6963f7d28e17f72");
/// assert_eq!(format!("{d:?}"), "HexDigest(<redacted>)");
/// ```
#[derive(Clone, Copy)]
pub struct HexDigest {
    buf: [u8; 64],
    len: u8,
}

impl HexDigest {
    fn from_bytes(bytes: &[u8]) -> Self {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut buf = [0u8; 64];
        let mut len = 0;
        for (pair, b) in buf.chunks_exact_mut(2).zip(bytes) {
            pair[0] = HEX[usize::from(b >> 4)];
            pair[1] = HEX[usize::from(b & 0xf)];
            len += 2;
        }
        HexDigest { buf, len }
    }

    /// Reads a digest given in hex (a stored H(A1), such as the third field
    /// of an `htdigest` line): 32 or 64 hex digits, any case, kept in
    /// lowercase. `None` for anything else.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::HexDigest;
    ///
    /// let d = HexDigest::parse("939E7578ED9E3C518A452ACEE763BCE9").unwrap();
    /// assert_eq!(d.as_str(), "939e7578ed9e3c518a452acee763bce9");
    /// assert!(HexDigest::parse("939e").is_none());
    /// ```
    pub fn parse(hex: &str) -> Option<Self> {
        let b = hex.as_bytes();
        if !(b.len() == 32 || b.len() == 64) || !b.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let mut buf = [0u8; 64];
        for (slot, c) in buf.iter_mut().zip(b) {
            *slot = c.to_ascii_lowercase();
        }
        Some(HexDigest {
            buf,
            len: b.len() as u8,
        })
    }

    /// The hex digits.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::DigestAlgorithm;
    ///
    /// assert_eq!(DigestAlgorithm::Sha256.h(b"").as_str().len(), 64);
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ASCII hex digits are ever stored.
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    fn as_bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }
}

/// Constant time in the contents (the lengths may show).
impl PartialEq for HexDigest {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && bool::from(self.as_bytes().ct_eq(other.as_bytes()))
    }
}

impl Eq for HexDigest {}

impl fmt::Debug for HexDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HexDigest(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha512_256_is_its_own_hash() {
        // FIPS 180-4 SHA-512/256 of "abc" (NIST example).
        let abc = DigestAlgorithm::Sha512_256.h(b"abc");
        assert_eq!(
            abc.as_str(),
            "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"
        );
        assert_ne!(abc, DigestAlgorithm::Sha256.h(b"abc"));
    }

    #[test]
    fn parse_roundtrip() {
        let d = DigestAlgorithm::Sha256.h(b"x");
        assert_eq!(HexDigest::parse(d.as_str()), Some(d));
        assert!(HexDigest::parse(&"g".repeat(32)).is_none());
    }
}
