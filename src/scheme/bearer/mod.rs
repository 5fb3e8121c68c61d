//! Bearer (RFC 6750) and DPoP (RFC 9449): the two schemes of OAuth 2.0
//! access tokens, which share one model.
//!
//! A challenge carries optional attributes: `realm`, `scope` (a
//! space-separated list), `error` with `error_description` and `error_uri`,
//! RFC 9470's `acr_values` and `max_age` (step-up authentication), and, for
//! DPoP, `algs` (a space-separated list of JWS algorithms). The views keep
//! the generic [`Challenge`](crate::Challenge) they read
//! (`as_challenge`), for params other specifications define; the builders
//! write those with `param`.
//! Credentials carry the access token as a token68 (RFC 6750 section 2.1
//! calls it `b64token`; it has the same characters).
//!
//! ```
//! use http_auth_headers::{Challenges, Credentials};
//! use http_auth_headers::scheme::bearer::{
//!     BearerChallenge, BearerCredentials, DpopChallenge, ErrorCode,
//! };
//!
//! // RFC 9449 section 7.2: one field, two challenges, each its own view.
//! let mut it = Challenges::parse(r#"Bearer error="invalid_token", DPoP algs="ES256 PS256""#);
//! let bearer = BearerChallenge::try_from(&it.next().unwrap()?)?;
//! assert_eq!(bearer.error(), Some(ErrorCode::INVALID_TOKEN));
//! let dpop = DpopChallenge::try_from(&it.next().unwrap()?)?;
//! assert!(dpop.algs().unwrap().contains("PS256"));
//!
//! let creds = Credentials::parse("Bearer mF_9.B5f-4.1JqM")?;
//! assert_eq!(BearerCredentials::try_from(&creds)?.token(), "mF_9.B5f-4.1JqM");
//!
//! let written = BearerChallenge::builder()
//!     .realm("example")
//!     .error("invalid_token")
//!     .error_description("The access token expired")
//!     .finish()?;
//! assert_eq!(
//!     written,
//!     r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Implementation notes
//!
//! - Bare `Bearer` (no attribute) is accepted, although RFC 6750 section 3
//!   asks for at least one: RFC 9449 section 7.2 sends it, and so do many
//!   servers. The builders write it when no attribute is set.
//! - The views check the characters RFC 6750 section 3 allows in each
//!   attribute (after unquoting), as the writers do, and report others as
//!   [`SchemeError::InvalidParam`](crate::scheme::SchemeError::InvalidParam): `scope` and `algs` are one or more
//!   tokens of `%x21 / %x23-5B / %x5D-7E` separated by single spaces;
//!   `error` and `error_description` are non-empty `%x20-21 / %x23-5B /
//!   %x5D-7E`; `error_uri` is non-empty `%x21 / %x23-5B / %x5D-7E`. The
//!   generic [`Challenge`](crate::Challenge) still gives the raw values of a challenge the view
//!   rejects. `realm` takes any value (RFC 9110 section 11.5).
//! - `max_age` is `1*DIGIT` that fits a `u64`; `acr_values` follows the
//!   rule of `scope`.
//! - Error codes are compared case-sensitively, as OAuth 2.0 defines them.
//!   The DPoP codes are recognized on both schemes (RFC 9449 registers them
//!   for resource access error responses).
//! - Params the scheme does not define (for Bearer this includes `algs`) are
//!   ignored by the views (and by their equality); read them through the
//!   generic [`Challenge`](crate::Challenge).
//! - Both the builders and the generic writer quote every param of a Bearer
//!   or DPoP challenge, as the RFC examples do.
//! - DPoP must not be used with `Proxy-Authenticate` or
//!   `Proxy-Authorization` (RFC 9449 section 7.1); the views cannot know

#[cfg(feature = "alloc")]
mod builder;
mod challenge;
mod credentials;
mod error_code;
mod space_list;
#[cfg(all(test, feature = "alloc"))]
mod tests;

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub use builder::{
    BearerChallengeBuilder, BearerCredentialsBuilder, DpopChallengeBuilder, DpopCredentialsBuilder,
};
pub use challenge::{BearerChallenge, DpopChallenge};
pub use credentials::{BearerCredentials, DpopCredentials};
pub use error_code::ErrorCode;
pub use space_list::{SpaceList, SpaceListIter};

use crate::item::Role;
use crate::param::ParamValue;

/// Whether the canonical writer quotes the param `name` of a Bearer or DPoP
/// item even when its value is a token: every param of a challenge, as all
/// the examples of RFC 6750 section 3, RFC 9449 section 7.1, RFC 9470
/// section 3 and RFC 9728 section 5.1 do (and as many clients expect).
/// Credentials are a token68.
pub(crate) fn must_quote(role: Role, scheme: &[u8], _name: &[u8]) -> bool {
    role == Role::Challenge
        && (scheme.eq_ignore_ascii_case(b"Bearer") || scheme.eq_ignore_ascii_case(b"DPoP"))
}

/// The character classes of RFC 6750 section 3, and of the RFC 9470
/// attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// `realm`: any value (RFC 9110 section 11.5).
    Any,
    /// `scope`, `algs` and `acr_values`: `1*NQCHAR *( SP 1*NQCHAR )`.
    List,
    /// `error` and `error_description`: `1*( %x20-21 / %x23-5B / %x5D-7E )`.
    Text,
    /// `error_uri`: `1*( %x21 / %x23-5B / %x5D-7E )`.
    Uri,
    /// `max_age`: `1*DIGIT`, a number of seconds (RFC 9470 section 3).
    Digits,
}

/// The attributes both schemes define, in the order the builders write
/// them (that of the RFC examples).
pub(crate) const BEARER_ATTRS: [(&str, Class); 7] = [
    ("realm", Class::Any),
    ("scope", Class::List),
    ("error", Class::Text),
    ("error_description", Class::Text),
    ("error_uri", Class::Uri),
    ("acr_values", Class::List),
    ("max_age", Class::Digits),
];

/// The DPoP attributes: the Bearer ones and `algs` (RFC 9449 section 7.1).
pub(crate) const DPOP_ATTRS: [(&str, Class); 8] = {
    let mut all = [("algs", Class::List); 8];
    let mut i = 0;
    while i < BEARER_ATTRS.len() {
        all[i] = BEARER_ATTRS[i];
        i += 1;
    }
    all
};

/// `%x21 / %x23-5B / %x5D-7E`: printable ASCII but SP, `"` and `\`.
pub(crate) fn is_nqchar(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x5B | 0x5D..=0x7E)
}

/// Whether `bytes` (an unescaped value) is allowed in an attribute of `class`.
pub(crate) fn allowed(class: Class, bytes: impl Iterator<Item = u8>) -> bool {
    let mut empty = true;
    // For lists: whether the last byte was a delimiter (or there was none yet).
    let mut after_sp = true;
    for b in bytes {
        let ok = match class {
            Class::Any => true,
            Class::List if b == b' ' => !core::mem::replace(&mut after_sp, true),
            Class::List => {
                after_sp = false;
                is_nqchar(b)
            }
            Class::Text => b == b' ' || is_nqchar(b),
            Class::Uri => is_nqchar(b),
            Class::Digits => b.is_ascii_digit(),
        };
        if !ok {
            return false;
        }
        empty = false;
    }
    match class {
        Class::Any => true,
        // Still "after a delimiter": empty, or a trailing SP.
        Class::List => !after_sp,
        Class::Text | Class::Uri | Class::Digits => !empty,
    }
}

/// The seconds of a `max_age` that [`allowed`] accepted; `None` when they
/// overflow a `u64`.
pub(crate) fn seconds(v: ParamValue<'_>) -> Option<u64> {
    v.bytes().try_fold(0u64, |n, b| {
        n.checked_mul(10)?
            .checked_add(u64::from(b.wrapping_sub(b'0')))
    })
}
