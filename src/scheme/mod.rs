//! Typed views of the schemes this crate knows, made from the generic
//! [`Challenge`](crate::Challenge) and [`Credentials`](crate::Credentials)
//! with `TryFrom`, and writers that only write valid values.
//!
//! Every view follows the same rules:
//! - the scheme name is compared ASCII case-insensitively;
//! - a value written as a token and one written as a quoted-string mean the
//!   same (RFC 9110 section 11.2), so both are accepted;
//! - a param the scheme defines may occur once: a repeat is
//!   [`SchemeError::DuplicateParam`]; params the scheme does not define are
//!   ignored, as the scheme specifications require of recipients;
//! - a view keeps a clone of the generic item it was made from (`TryFrom`
//!   by value or by reference; `as_challenge` / `as_credentials`), and its
//!   accessors borrow from the view.
//!
//! Every writer is a builder from an associated `builder(...)` function of
//! the view it writes, with setters that take a value (flags take none) and
//! `finish()`, which returns the field value or the first [`BuildError`](crate::BuildError)
//! (with `alloc`).
//!
//! ```
//! use http_auth_headers::Challenges;
//! use http_auth_headers::scheme::{SchemeError, basic::BasicChallenge, digest::DigestChallenge};
//!
//! let written = BasicChallenge::builder("WallyWorld").charset_utf8().finish()?;
//! let c = Challenges::parse(&written).next().unwrap()?;
//! assert_eq!(BasicChallenge::try_from(&c)?.realm(), "WallyWorld");
//! assert_eq!(DigestChallenge::try_from(&c), Err(SchemeError::WrongScheme("Digest")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Checking credentials safely
//!
//! The credential views never show a secret: `Debug` prints `<redacted>`
//! for Basic passwords, Bearer and DPoP tokens and the Digest `response`,
//! and no error holds one. To check a secret, use the constant-time helpers
//! rather than `==` on its bytes:
//!
//! - [`BasicCredentials::verify`](basic::BasicCredentials::verify)`(user_id, password)`
//!   (with `alloc`);
//! - [`BearerCredentials::token_matches`](bearer::BearerCredentials::token_matches)
//!   and [`DpopCredentials::token_matches`](bearer::DpopCredentials::token_matches);
//! - [`DigestCredentials::response_matches`](digest::DigestCredentials::response_matches)
//!   (hex, ASCII case-insensitive).
//!
//! They take time that depends on the lengths of the values only, not on
//! where they differ, so an attacker who times responses cannot guess a
//! secret byte by byte; the lengths themselves may show. `PartialEq` on the
//! credential views compares the same way. They protect the comparison
//! only: storing passwords hashed (with a slow password hash such as
//! Argon2), rate limiting, and computing the Digest response are the
//! caller's job, as is comparing a password against its stored hash rather
//! than against a stored password.
//!
//! With the `zeroize` feature, the decoded bytes of
//! [`BasicCredentials`](basic::BasicCredentials) (inline or on the heap)
//! are overwritten with zeros when dropped, and so is the buffer of a
//! failed decode. This is best effort: the encoded header, copies the
//! caller makes (such as `password_str().to_owned()`), and bytes left
//! behind when a value is moved are not wiped.

use crate::item::Role;
use crate::param::{ParamValue, Params};

pub mod basic;
pub mod bearer;
pub mod digest;
mod list;
mod name;
pub(crate) use name::case_insensitive_name;

/// Why a challenge or credentials is not a valid instance of a scheme.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::{basic::BasicChallenge, SchemeError};
///
/// let c = Challenges::parse("Basic charset=UTF-8").next().unwrap()?;
/// assert_eq!(BasicChallenge::try_from(&c), Err(SchemeError::MissingParam("realm")));
/// assert_eq!(SchemeError::MissingParam("realm").to_string(), "the required param `realm` is missing");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum SchemeError {
    /// The auth-scheme is another one.
    #[error("the auth-scheme is not {0}")]
    WrongScheme(&'static str),
    /// A required param is missing.
    #[error("the required param `{0}` is missing")]
    MissingParam(&'static str),
    /// A param the scheme defines occurs more than once.
    #[error("the param `{0}` occurs more than once")]
    DuplicateParam(&'static str),
    /// A param's value does not have the format the scheme requires.
    #[error("the param `{0}` has an invalid value")]
    InvalidParam(&'static str),
    /// The scheme takes a token68 here, and there is none.
    #[error("expected a token68")]
    ExpectedToken68,
    /// The scheme takes params here, and a token68 was given.
    #[error("expected auth-params, found a token68")]
    UnexpectedToken68,
    /// The token68 is not valid base64 (standard alphabet, padding required).
    #[error("the token68 is not valid base64 (standard alphabet with padding)")]
    InvalidBase64,
    /// Basic credentials without the `:` between user-id and password.
    #[error("the decoded user-pass has no ':' between user-id and password")]
    MissingColon,
    /// A control character where the scheme forbids one (the name says where).
    #[error("the {0} holds a control character")]
    ControlCharacter(&'static str),
    /// Two params that exclude each other are both present (Digest's
    /// `username` and `username*`).
    #[error("the params `{0}` and `{1}` cannot both be present")]
    ConflictingParams(&'static str, &'static str),
    /// A param that holds an RFC 8187 ext-value (a name ending in `*`) is not
    /// a valid one, or not in a charset the scheme accepts.
    #[error("the param `{0}` is not a valid ext-value: {1}")]
    InvalidExtValue(&'static str, crate::ext_value::ExtValueError),
}

/// Whether the canonical writers quote the param `name` of a `role` item of
/// `scheme` even when its value is a token. The generic writer
/// ([`Challenge`](crate::Challenge) and [`Credentials`](crate::Credentials)
/// `Display`, [`AuthBuilder::param`](crate::AuthBuilder::param)) and the
/// typed writers of this module follow the same rules: `realm` always (RFC
/// 9110 section 11.5), then each scheme's own.
pub(crate) fn must_quote(role: Role, scheme: &[u8], name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"realm")
        || basic::must_quote(role, scheme, name)
        || bearer::must_quote(role, scheme, name)
        || digest::must_quote(role, scheme, name)
}

/// Whether the writer of an `Authentication-Info` field quotes the param
/// `name` even when its value is a token. The field names no scheme; only
/// Digest defines params for it.
#[cfg_attr(not(feature = "alloc"), allow(dead_code))]
pub(crate) fn info_must_quote(name: &[u8]) -> bool {
    digest::info_must_quote(name)
}

/// Hashes the elements of a list and their number, as a list that compares
/// element by element is hashed.
pub(crate) fn hash_list<T: core::hash::Hash, H: core::hash::Hasher>(
    items: impl Iterator<Item = T>,
    state: &mut H,
) {
    let mut n = 0usize;
    for item in items {
        item.hash(state);
        n += 1;
    }
    state.write_usize(n);
}

/// Checks the form of an item a scheme reads params from: its scheme is
/// `scheme` (`is_scheme`) and it has no token68.
pub(crate) fn expect_params(
    scheme: &'static str,
    is_scheme: bool,
    has_token68: bool,
) -> Result<(), SchemeError> {
    if !is_scheme {
        return Err(SchemeError::WrongScheme(scheme));
    }
    if has_token68 {
        return Err(SchemeError::UnexpectedToken68);
    }
    Ok(())
}

/// The value of a param that the view checked is present, or an empty one
/// (never reached: views check their required params when made).
pub(crate) fn present(v: Option<ParamValue<'_>>) -> ParamValue<'_> {
    v.unwrap_or(EMPTY)
}

/// An empty quoted value.
pub(crate) const EMPTY: ParamValue<'static> = ParamValue::from_raw(crate::syntax::RawValue {
    raw: b"",
    quoted: true,
    escaped: false,
});

/// Reads a `charset` param, which may only be `UTF-8` (any case): Basic
/// (RFC 7617 section 2.1) and Digest (RFC 7616 section 4).
pub(crate) fn charset_utf8(v: Option<ParamValue<'_>>) -> Result<bool, SchemeError> {
    match v {
        None => Ok(false),
        Some(v) if v.eq_ignore_ascii_case(b"UTF-8") => Ok(true),
        Some(_) => Err(SchemeError::InvalidParam("charset")),
    }
}

/// `TryFrom<&$item<'a>>` for a view that has `TryFrom<$item<'a>>`: clones
/// the item into the view.
macro_rules! try_from_ref {
    ($view:ident, $item:ident) => {
        /// Clones the item into the view.
        impl<'a> TryFrom<&$item<'a>> for $view<'a> {
            type Error = SchemeError;

            fn try_from(item: &$item<'a>) -> Result<Self, SchemeError> {
                Self::try_from(item.clone())
            }
        }
    };
}

pub(crate) use try_from_ref;

/// Whether `name` is one of `names`, ignoring ASCII case.
pub(crate) fn is_one_of(name: &[u8], names: &[&str]) -> bool {
    names
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

/// Reads the params a scheme defines in one pass: `values[i]` gets the value
/// of `names[i]`. Unknown params are skipped; a defined one seen twice is an
/// error.
#[cfg_attr(not(feature = "alloc"), allow(dead_code))]
pub(crate) fn known_params<'a, const N: usize>(
    params: Params<'a>,
    names: [&'static str; N],
) -> Result<[Option<ParamValue<'a>>; N], SchemeError> {
    let mut values = [None; N];
    for p in params {
        if let Some(i) = names.iter().position(|n| p.is(n)) {
            if values[i].is_some() {
                return Err(SchemeError::DuplicateParam(names[i]));
            }
            values[i] = Some(p.value());
        }
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Challenges;

    #[test]
    fn known_params_in_one_pass() {
        let c = Challenges::parse("X a=1, B=2, c=3, c=4")
            .next()
            .unwrap()
            .unwrap();
        let [a, b, d] = known_params(c.params(), ["a", "b", "d"]).unwrap();
        assert_eq!(a.unwrap(), "1");
        assert_eq!(b.unwrap(), "2");
        assert!(d.is_none());
        let c = Challenges::parse("X a=1, A=2").next().unwrap().unwrap();
        assert_eq!(
            known_params(c.params(), ["a"]),
            Err(SchemeError::DuplicateParam("a"))
        );
    }
}
