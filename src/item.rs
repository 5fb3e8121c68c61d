//! What a challenge and credentials share: `auth-scheme [ 1*SP ( token68 /
//! #auth-param ) ]`, its accessors, its canonical writer and its equality.

use core::fmt;

use crate::param::{ascii_str, Params};
use crate::redact::Redacted;
use crate::syntax::Body;

/// Which field an item belongs to; it selects the quoting rules of the writer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Challenge,
    Credentials,
}

/// The parsed parts of a challenge or credentials.
#[derive(Clone)]
pub(crate) struct Item<'a> {
    pub(crate) scheme: &'a [u8],
    pub(crate) token68: Option<&'a [u8]>,
    pub(crate) params: Params<'a>,
}

impl<'a> Item<'a> {
    pub(crate) fn from_body(scheme: &'a [u8], body: Body<'a>) -> Self {
        let (token68, params) = match body {
            Body::Empty => (None, Params::empty()),
            Body::Token68(t) => (Some(t), Params::empty()),
            Body::Params(src, n, spans) => (None, Params::with_spans(src, n, spans)),
        };
        Item {
            scheme,
            token68,
            params,
        }
    }

    pub(crate) fn scheme(&self) -> &'a str {
        ascii_str(self.scheme)
    }

    pub(crate) fn token68(&self) -> Option<&'a str> {
        self.token68.map(ascii_str)
    }

    pub(crate) fn fmt_role(&self, f: &mut dyn fmt::Write, role: Role) -> fmt::Result {
        f.write_str(self.scheme())?;
        if let Some(t) = self.token68() {
            f.write_char(' ')?;
            return f.write_str(t);
        }
        for (i, p) in self.params.clone().enumerate() {
            f.write_str(if i == 0 { " " } else { ", " })?;
            p.fmt_canonical(f, must_quote(role, self.scheme, p.name().as_bytes()))?;
        }
        Ok(())
    }
}

impl PartialEq for Item<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.scheme.eq_ignore_ascii_case(other.scheme)
            && self.token68 == other.token68
            && self.params == other.params
    }
}

/// Whether the writer must quote a param even when its value is a token.
/// The rules live with each scheme, in [`crate::scheme`].
pub(crate) fn must_quote(role: Role, scheme: &[u8], name: &[u8]) -> bool {
    crate::scheme::must_quote(role, scheme, name)
}

/// The `Authentication-Info` sender rule; see [`crate::scheme`].
#[cfg_attr(not(feature = "alloc"), allow(dead_code))]
pub(crate) fn info_must_quote(name: &[u8]) -> bool {
    crate::scheme::info_must_quote(name)
}

/// The accessors that [`Challenge`](crate::Challenge) and
/// [`Credentials`](crate::Credentials) share, written once.
macro_rules! item_accessors {
    ($what:literal) => {
        /// The auth-scheme as written (a token, so ASCII). Compare it with
        /// [`is_scheme`](Self::is_scheme): schemes are case-insensitive.
        pub fn scheme(&self) -> &'a str {
            self.0.scheme()
        }

        /// Whether the auth-scheme is `scheme`, ignoring ASCII case
        /// (RFC 9110 section 11.1).
        pub fn is_scheme(&self, scheme: &str) -> bool {
            self.0.scheme.eq_ignore_ascii_case(scheme.as_bytes())
        }

        #[doc = concat!("The token68 of the ", $what, ", if it has one instead of params.")]
        pub fn token68(&self) -> Option<&'a str> {
            self.0.token68()
        }

        #[doc = concat!("The auth-params of the ", $what, ", in order (none when it has a token68).")]
        pub fn params(&self) -> crate::Params<'a> {
            self.0.params.clone()
        }

        /// The value of the first param named `name`, ignoring ASCII case.
        pub fn param(&self, name: &str) -> Option<crate::ParamValue<'a>> {
            self.0.params.get(name)
        }
    };
}

pub(crate) use item_accessors;

/// Debug output shared by both item types; `redact` hides the token68 and
/// the values of params (credentials carry secrets).
pub(crate) fn debug_item(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    item: &Item<'_>,
    redact: bool,
) -> fmt::Result {
    struct Names<'a>(Params<'a>);
    impl fmt::Debug for Names<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_map()
                .entries(self.0.clone().map(|p| (p.name(), Redacted)))
                .finish()
        }
    }
    let mut d = f.debug_struct(name);
    d.field("scheme", &item.scheme());
    if redact {
        d.field("token68", &item.token68.map(|_| Redacted));
        d.field("params", &Names(item.params.clone()));
    } else {
        d.field("token68", &item.token68());
        d.field("params", &item.params);
    }
    d.finish()
}
