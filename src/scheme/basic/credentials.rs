//! Basic credentials: the decoded user-id and password.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use base64::Engine as _;

use super::BasicCredentialsBuilder;
use crate::redact::{ct_eq, Redacted};
use crate::scheme::SchemeError;
use crate::Credentials;

/// The standard alphabet, padding required, non-canonical trailing bits rejected.
pub(super) const BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// Decoded Basic credentials: the user-id and password (RFC 7617 section 2).
///
/// They are bytes: RFC 7617 leaves the encoding undefined unless the
/// challenge said `charset="UTF-8"`; the `_str` accessors give a UTF-8 view.
/// `Debug` shows the user-id only; equality compares in constant time (there
/// is no `Hash`: hashing would read the secret in time that depends on it);
/// check a login with [`verify`](Self::verify). With the `zeroize` feature the
/// decoded bytes are wiped when the value is dropped.
///
/// ```
/// use http_auth_headers::Credentials;
/// use http_auth_headers::scheme::basic::BasicCredentials;
///
/// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
/// assert_eq!(c.user_id(), b"Aladdin");
/// assert!(c.verify("Aladdin", "open sesame"));
/// assert_eq!(format!("{c:?}"), r#"BasicCredentials { user_id: "Aladdin", password: <redacted> }"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct BasicCredentials {
    pub(super) user_pass: UserPass,
    /// Where the first `:` is; inline, with the length times 256 added:
    /// written at once, as one word (a byte written apart and then read
    /// back within the wider loads of a move waited for the store,
    /// `cgp time kbasic`).
    ends: usize,
}

/// How many decoded bytes are kept inline, without a heap allocation.
pub(super) const INLINE_USER_PASS: usize = 72;
// The colon of an inline user-pass is kept in a byte.
const _: () = assert!(INLINE_USER_PASS <= 256);

/// The decoded user-pass: inline when short (the common case), else on the
/// heap.
#[derive(Clone)]
pub(super) enum UserPass {
    /// The buffer (its length in [`BasicCredentials`]).
    Inline([u8; INLINE_USER_PASS]),
    Heap(Vec<u8>),
}

impl UserPass {
    /// Decodes into the inline buffer of `self` (`Inline`, all zeros)
    /// and splits: where the first `:` is, plus the length times 256.
    #[inline]
    fn decode_inline(&mut self, token68: &[u8]) -> Result<usize, SchemeError> {
        let UserPass::Inline(buf) = self else {
            return Err(SchemeError::InvalidBase64);
        };
        let (n, marks) = match decode_canonical(token68, buf) {
            Some(found) => found,
            // Anything else is for the engine to accept or reject (it
            // overwrites, and on failure wipes, what was written).
            None => match BASE64.decode_slice(token68, &mut buf[..]) {
                Ok(n) => (n, Marks::of(&buf[..n])),
                Err(_) => {
                    wipe(&mut buf[..]);
                    return Err(SchemeError::InvalidBase64);
                }
            },
        };
        Ok(marks.split()? | n << 8)
    }

    /// Decodes onto the heap (a long user-pass) and splits: the bytes and
    /// where the first `:` is.
    fn decode_heap(token68: &[u8], room: usize) -> Result<(Self, usize), SchemeError> {
        // Decoded into a buffer we own, so that a failure can wipe it too.
        let mut v = Vec::with_capacity(room);
        match BASE64.decode_vec(token68, &mut v) {
            Ok(()) => match Marks::of(&v).split() {
                Ok(colon) => Ok((UserPass::Heap(v), colon)),
                Err(e) => {
                    wipe(&mut v);
                    Err(e)
                }
            },
            Err(_) => {
                wipe(&mut v);
                Err(SchemeError::InvalidBase64)
            }
        }
    }
}

/// The value of each base64 character (RFC 4648 section 4), `0x40` for the
/// padding `=`, `0xFF` for every other byte.
const BASE64_VALUES: [u8; 256] = {
    let mut t = [0xFF; 256];
    t[b'=' as usize] = 0x40;
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        t[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// In [`QUAD`]: a byte outside the alphabet.
const BAD: u32 = 1 << 31;
/// In [`QUAD`]: the padding `=` (no bits).
const PAD: u32 = 1 << 30;

/// `QUAD[i][x]`: the bits that character `x` in place `i` of a group of four
/// gives the three decoded bytes, as a little-endian `u32` (the first byte
/// lowest), or [`BAD`] or [`PAD`]. No shifts or byte swap to decode then
/// (26 instructions per eight characters, not 45 shifting
/// [`BASE64_VALUES`], callgrind), for 4 KiB of tables.
const QUAD: [[u32; 256]; 4] = {
    let mut t = [[0; 256]; 4];
    let mut x = 0;
    while x < 256 {
        let v = BASE64_VALUES[x] as u32;
        let places = match v {
            0xFF => [BAD; 4],
            0x40 => [PAD; 4],
            v => [
                v << 2,
                v >> 4 | (v & 15) << 12,
                (v >> 2) << 8 | (v & 3) << 22,
                v << 16,
            ],
        };
        let mut i = 0;
        while i < 4 {
            t[i][x] = places[i];
            i += 1;
        }
        x += 1;
    }
    t
};

/// The value of a base64 character (`0xFF` for another byte).
#[cfg(test)]
pub(super) fn base64_value(b: u8) -> u8 {
    BASE64_VALUES[b as usize]
}

/// Where the first `:` and the first control character (C0 or DEL) of
/// decoded `user-pass` bytes are; `usize::MAX` for none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Marks {
    pub(super) colon: usize,
    pub(super) control: usize,
}

impl Marks {
    pub(super) const NONE: Marks = Marks {
        colon: usize::MAX,
        control: usize::MAX,
    };

    /// The marks of `bytes`, eight bytes at a time.
    pub(super) fn of(bytes: &[u8]) -> Marks {
        use crate::syntax::{below, equal, find};
        let colon = find(bytes, 0, |x| equal(x, b':'), |b| b == b':');
        let control = find(
            bytes,
            0,
            |x| below(x, 0x20) | equal(x, 0x7f),
            |b| b.is_ascii_control(),
        );
        let none = |at: usize| if at < bytes.len() { at } else { usize::MAX };
        Marks {
            colon: none(colon),
            control: none(control),
        }
    }

    /// Records the marks of the `len` low bytes of `w` (1 to 7, the first
    /// byte lowest), decoded bytes from `at`, where none was found before.
    /// Called on each word as it is decoded, in registers: reading the
    /// words back from the buffer after decoding found them written by
    /// overlapping stores, and waited for them (fewer instructions, but
    /// 52.3 ns per Basic parse against 56.3 this way, `cgp time kbasic`).
    #[inline(always)]
    pub(super) fn add(&mut self, w: u64, len: u32, at: usize) {
        const ONES: u64 = u64::MAX / 255;
        const LOW: u64 = ONES * 0x7F;
        // The high bit of each of the `len` bytes.
        let valid = (u64::MAX >> (64 - 8 * len)) & !LOW;
        // Bytes of seven bits (a byte with the eighth is neither), so that
        // no sum carries into the next byte: every bit is exact. The top bit
        // of a byte of `other_c` is clear for a control character (adding 1
        // takes DEL to 0 and C0 to 1..=0x20), of `other_d` for a colon.
        let y = w & LOW;
        let other_c = ((y + ONES) & LOW) + ONES * 0x5F;
        let other_d = (y ^ (ONES * u64::from(b':'))) + LOW;
        if !(other_c & other_d | w) & valid != 0 {
            let colon = !(other_d | w) & valid;
            let control = !(other_c | w) & valid;
            let at_bit = |m: u64| at + (m.trailing_zeros() / 8) as usize;
            if colon != 0 && self.colon == usize::MAX {
                self.colon = at_bit(colon);
            }
            if control != 0 && self.control == usize::MAX {
                self.control = at_bit(control);
            }
        }
    }

    /// Where `user-pass` splits: the first `:`. Fails without one
    /// ([`SchemeError::MissingColon`]), and for a control character in the
    /// user-id, then in the password: the first control character tells
    /// which.
    fn split(self) -> Result<usize, SchemeError> {
        if self.colon == usize::MAX {
            return Err(SchemeError::MissingColon);
        }
        match self.control {
            usize::MAX => Ok(self.colon),
            c if c < self.colon => Err(SchemeError::ControlCharacter("user-id")),
            _ => Err(SchemeError::ControlCharacter("password")),
        }
    }
}

/// Decodes the common form of a Basic token68, standard base64 with
/// canonical padding (a length that is a multiple of four, at most two `=`
/// at the end, zero bits after the last byte), into `out`: the number of
/// bytes, and the [`Marks`] of those bytes, found as they are decoded.
/// `None` for every other input, which [`BASE64`] then decides; where this
/// decodes, [`BASE64`] decodes the same bytes (tested against it).
#[inline]
pub(super) fn decode_canonical(
    token68: &[u8],
    out: &mut [u8; INLINE_USER_PASS],
) -> Option<(usize, Marks)> {
    if token68.len() % 4 != 0 {
        return None;
    }
    // The last four characters, where the padding may be, are decoded
    // apart: the rest has none, so no end is looked at first.
    let (body, last) = token68.split_at(token68.len().checked_sub(4)?);
    // Each character's bits where they land in the three bytes: a group
    // of four is four loads and three ORs.
    let q = |a: u8, b: u8, c: u8, d: u8| {
        QUAD[0][a as usize] | QUAD[1][b as usize] | QUAD[2][c as usize] | QUAD[3][d as usize]
    };
    let mut n = 0;
    let mut marks = Marks::NONE;
    // Eight characters (six bytes) at a time, each written with one
    // eight-byte store whose last two bytes the next store overwrites.
    let mut octets = body.chunks_exact(8);
    for o in &mut octets {
        let &[a, b, c, d, e, f, g, h] = o else {
            return None;
        };
        let (hi, lo) = (q(a, b, c, d), q(e, f, g, h));
        // A byte outside the alphabet or a `=`: one test for the eight.
        if (hi | lo) & (BAD | PAD) != 0 {
            return None;
        }
        let word = u64::from(hi) | u64::from(lo) << 24;
        out.get_mut(n..n + 8)?.copy_from_slice(&word.to_le_bytes());
        marks.add(word, 6, n);
        n += 6;
    }
    // Four characters of the body left over at most: one group, unpadded.
    if let &[a, b, c, d] = octets.remainder() {
        let word = q(a, b, c, d);
        if word & (BAD | PAD) != 0 {
            return None;
        }
        // Four bytes written, the last of them zero, overwritten next.
        out.get_mut(n..n + 4)?.copy_from_slice(&word.to_le_bytes());
        marks.add(u64::from(word), 3, n);
        n += 3;
    }
    let &[a, b, c, d] = last else { return None };
    let (a, b, c, d) = (
        QUAD[0][a as usize],
        QUAD[1][b as usize],
        QUAD[2][c as usize],
        QUAD[3][d as usize],
    );
    // No byte outside the alphabet; `=` only as the last character or the
    // last two. A `=` gives no bits.
    if (a | b | c | d) & BAD | (a | b) & PAD | c & !d & PAD != 0 {
        return None;
    }
    let pad = ((c >> 30) + (d >> 30)) as usize;
    let word = (a | b | c | d) & 0xFF_FFFF;
    // Canonical: the bits after the last byte, the padding's bytes, are zero.
    if word & [0, 0x00FF_0000, 0x00FF_FF00, 0][pad & 3] != 0 {
        return None;
    }
    out.get_mut(n..n + 4)?.copy_from_slice(&word.to_le_bytes());
    let len = 3 - pad as u32;
    marks.add(u64::from(word), len, n);
    Some((n + len as usize, marks))
}

/// Overwrites decoded bytes with zeros: a heap buffer in its whole capacity
/// (with the `zeroize` feature; a no-op without it).
pub(super) fn wipe<Z: Wipe + ?Sized>(bytes: &mut Z) {
    bytes.wipe();
}

/// What [`wipe`] wipes: the inline array and the heap vector.
pub(super) trait Wipe {
    fn wipe(&mut self);
}

impl Wipe for [u8] {
    fn wipe(&mut self) {
        #[cfg(feature = "zeroize")]
        zeroize::Zeroize::zeroize(self);
    }
}

impl Wipe for Vec<u8> {
    fn wipe(&mut self) {
        #[cfg(feature = "zeroize")]
        zeroize::Zeroize::zeroize(self);
    }
}

/// Wipes the inline buffer and the heap buffer (its whole capacity).
#[cfg(feature = "zeroize")]
impl Drop for UserPass {
    fn drop(&mut self) {
        match self {
            UserPass::Inline(buf) => wipe(&mut buf[..]),
            UserPass::Heap(v) => wipe(v),
        }
    }
}

/// Constant time in the contents (the lengths may show).
impl PartialEq for BasicCredentials {
    fn eq(&self, other: &Self) -> bool {
        ct_eq(self.user_pass(), other.user_pass()).into()
    }
}

impl Eq for BasicCredentials {}

impl BasicCredentials {
    /// Decodes the token68 of Basic credentials: base64 (standard alphabet,
    /// padding required), split at the first `:`.
    ///
    /// # Errors
    ///
    /// [`SchemeError::InvalidBase64`], [`SchemeError::MissingColon`], or
    /// [`SchemeError::ControlCharacter`] for a control character in the
    /// user-id or password.
    ///
    /// ```
    /// use http_auth_headers::scheme::{SchemeError, basic::BasicCredentials};
    ///
    /// assert_eq!(BasicCredentials::decode(b"YTpi")?.password(), b"b");
    /// assert_eq!(BasicCredentials::decode(b"YWI=").unwrap_err(), SchemeError::MissingColon);
    /// # Ok::<(), SchemeError>(())
    /// ```
    #[inline]
    pub fn decode(token68: &[u8]) -> Result<Self, SchemeError> {
        // base64 needs room for whole 3-byte groups before it trims padding.
        let room = token68.len() / 4 * 3 + 3;
        if room <= INLINE_USER_PASS {
            // Decoded in place, into the value returned.
            let mut creds = BasicCredentials {
                user_pass: UserPass::Inline([0; INLINE_USER_PASS]),
                ends: 0,
            };
            creds.ends = creds.user_pass.decode_inline(token68)?;
            return Ok(creds);
        }
        let (user_pass, colon) = UserPass::decode_heap(token68, room)?;
        Ok(BasicCredentials {
            user_pass,
            ends: colon,
        })
    }

    /// The decoded user-pass and where its first `:` is.
    #[inline]
    fn parts(&self) -> (&[u8], usize) {
        match &self.user_pass {
            UserPass::Inline(buf) => (&buf[..self.ends >> 8], self.ends & 0xFF),
            UserPass::Heap(v) => (v, self.ends),
        }
    }

    /// The user-id.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
    /// assert_eq!(c.user_id(), b"Aladdin");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn user_id(&self) -> &[u8] {
        let (bytes, colon) = self.parts();
        &bytes[..colon]
    }

    /// The decoded user-pass: the user-id, `:`, the password.
    pub(crate) fn user_pass(&self) -> &[u8] {
        self.parts().0
    }

    /// The password: everything after the first `:`.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
    /// assert_eq!(c.password(), b"open sesame");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn password(&self) -> &[u8] {
        let (bytes, colon) = self.parts();
        &bytes[colon + 1..]
    }

    /// Whether these are the credentials `user_id` and `password`, compared
    /// in constant time: the time taken depends on the lengths of the two
    /// user-ids and of the two passwords, not on where they differ, and
    /// both are always compared. Comparing a plain stored password is only
    /// right for tests and demos: store a password hash and verify against
    /// it instead (see [the scheme docs](crate::scheme#checking-credentials-safely)).
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
    /// assert!(c.verify("Aladdin", "open sesame"));
    /// assert!(!c.verify("Aladdin", "open sesamE"));
    /// assert!(!c.verify("aladdin", "open sesame"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify(&self, user_id: impl AsRef<[u8]>, password: impl AsRef<[u8]>) -> bool {
        let user = ct_eq(self.user_id(), user_id.as_ref());
        let pass = ct_eq(self.password(), password.as_ref());
        (user & pass).into()
    }

    /// The user-id as UTF-8, if it is.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
    /// assert_eq!(c.user_id_str(), Some("Aladdin"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn user_id_str(&self) -> Option<&str> {
        core::str::from_utf8(self.user_id()).ok()
    }

    /// The password as UTF-8, if it is.
    ///
    /// ```
    /// use http_auth_headers::Credentials;
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let c = BasicCredentials::try_from(&Credentials::parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")?)?;
    /// assert_eq!(c.password_str(), Some("open sesame"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn password_str(&self) -> Option<&str> {
        core::str::from_utf8(self.password()).ok()
    }

    /// Starts writing Basic credentials: `Basic <base64(user-id ":" password)>`.
    ///
    /// ```
    /// use http_auth_headers::scheme::basic::BasicCredentials;
    ///
    /// let v = BasicCredentials::builder("Aladdin", "open sesame").finish()?;
    /// assert_eq!(v, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    pub fn builder<'v>(user_id: &'v str, password: &'v str) -> BasicCredentialsBuilder<'v> {
        BasicCredentialsBuilder::new(user_id, password)
    }
}

impl TryFrom<&Credentials<'_>> for BasicCredentials {
    type Error = SchemeError;

    #[inline]
    fn try_from(c: &Credentials<'_>) -> Result<Self, SchemeError> {
        if !c.is_scheme("Basic") {
            return Err(SchemeError::WrongScheme("Basic"));
        }
        // As bytes: no `&str` made (its slicing tests char boundaries).
        let token = c.0.token68_bytes().ok_or(SchemeError::ExpectedToken68)?;
        Self::decode(token)
    }
}

impl fmt::Debug for BasicCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BasicCredentials")
            .field("user_id", &String::from_utf8_lossy(self.user_id()))
            .field("password", &Redacted)
            .finish()
    }
}
