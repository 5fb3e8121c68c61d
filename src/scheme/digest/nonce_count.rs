//! The nonce count, `nc`.

use core::fmt;

use crate::param::ParamValue;

/// A nonce count, `nc` (RFC 7616 section 3.4): exactly 8 hexadecimal
/// digits. It keeps the digits as written, since they go into the response
/// hash as they are; equality compares the number.
///
/// ```
/// use http_auth_headers::scheme::digest::NonceCount;
///
/// let nc = NonceCount::new(0x1f);
/// assert_eq!(nc.as_str(), "0000001f");
/// assert_eq!(nc.value(), 31);
/// ```
#[derive(Clone, Copy)]
pub struct NonceCount {
    value: u32,
    written: [u8; 8],
}

impl NonceCount {
    /// The count `value`, written as 8 lowercase hex digits.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::NonceCount;
    ///
    /// assert_eq!(NonceCount::new(1).to_string(), "00000001");
    /// ```
    pub fn new(value: u32) -> Self {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut written = [0u8; 8];
        for (i, slot) in written.iter_mut().enumerate() {
            let shift = 28 - 4 * i;
            *slot = HEX[((value >> shift) & 0xf) as usize];
        }
        NonceCount { value, written }
    }

    /// The count.
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::NonceCount;
    ///
    /// assert_eq!(NonceCount::new(255).value(), 255);
    /// ```
    pub fn value(&self) -> u32 {
        self.value
    }

    /// The 8 hex digits as written (what the response hash covers).
    ///
    /// ```
    /// use http_auth_headers::scheme::digest::NonceCount;
    ///
    /// assert_eq!(NonceCount::new(255).as_str(), "000000ff");
    /// ```
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.written).unwrap_or_default()
    }

    pub(crate) fn from_value(v: ParamValue<'_>) -> Option<Self> {
        let mut written = [0u8; 8];
        let mut bytes = v.bytes();
        let mut value = 0u32;
        for slot in &mut written {
            let b = bytes.next()?;
            let d = char::from(b).to_digit(16)?;
            value = value << 4 | d;
            *slot = b;
        }
        if bytes.next().is_some() {
            return None;
        }
        Some(NonceCount { value, written })
    }
}

impl PartialEq for NonceCount {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl Eq for NonceCount {}

/// Consistent with equality: hashes the number.
impl core::hash::Hash for NonceCount {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl fmt::Debug for NonceCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NonceCount({})", self.as_str())
    }
}

/// Writes the digits as written.
impl fmt::Display for NonceCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
