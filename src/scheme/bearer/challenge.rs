//! The Bearer and DPoP challenge views.

use super::{allowed, seconds, Class, ErrorCode, SpaceList, BEARER_ATTRS, DPOP_ATTRS};
#[cfg(feature = "alloc")]
use super::{BearerChallengeBuilder, DpopChallengeBuilder};
use crate::param::ParamValue;
use crate::scheme::{expect_params, known_params, SchemeError};
use crate::{Challenge, Deviation, DeviationKind};

/// Checks that `c` is a challenge of `scheme` whose `attrs` have the form
/// their class requires; gives the `max_age`.
fn check<const N: usize>(
    c: &Challenge<'_>,
    scheme: &'static str,
    attrs: [(&'static str, Class); N],
) -> Result<Option<u64>, SchemeError> {
    expect_params(scheme, c.is_scheme(scheme), c.token68().is_some())?;
    let values = known_params(c.params(), attrs.map(|(name, _)| name))?;
    let mut max_age = None;
    for ((name, class), value) in attrs.into_iter().zip(values) {
        let Some(v) = value else { continue };
        if !allowed(class, v.bytes()) {
            return Err(SchemeError::InvalidParam(name));
        }
        if class == Class::Digits {
            max_age = Some(seconds(v).ok_or(SchemeError::InvalidParam(name))?);
        }
    }
    Ok(max_age)
}

/// [`check`] relaxed for a client that must still act: only the scheme and
/// the absence of a token68 are checked; a defined param seen again is
/// reported as [`DeviationKind::DuplicateParam`] and the first kept; values
/// are given as sent (a `max_age` that is not digits is `None`).
fn check_lenient<const N: usize>(
    c: &Challenge<'_>,
    scheme: &'static str,
    attrs: [(&'static str, Class); N],
    report: Option<&dyn Fn(Deviation)>,
) -> Result<Option<u64>, SchemeError> {
    expect_params(scheme, c.is_scheme(scheme), c.token68().is_some())?;
    let names = attrs.map(|(name, _)| name);
    let mut values: [Option<ParamValue<'_>>; N] = [None; N];
    let start = c.scheme().as_ptr() as usize;
    for p in c.params() {
        let Some(i) = names.iter().position(|n| p.is(n)) else {
            continue;
        };
        if values[i].is_some() {
            if let Some(report) = report {
                let offset = (p.name().as_ptr() as usize).wrapping_sub(start);
                report(Deviation::new(DeviationKind::DuplicateParam, 0, offset));
            }
            continue;
        }
        values[i] = Some(p.value());
    }
    let mut max_age = None;
    for ((_, class), value) in attrs.into_iter().zip(values) {
        match value {
            Some(v) if class == Class::Digits && allowed(class, v.bytes()) => {
                max_age = seconds(v);
            }
            _ => {}
        }
    }
    Ok(max_age)
}

// into_owned: added with the core's owned forms

/// What both challenge views hold, and their shared accessors and equality.
macro_rules! challenge_view {
    ($view:ident, $scheme:literal, $attrs:expr, [$($extra:ident),*]) => {
        impl<'a> $view<'a> {
            /// The `realm` (RFC 9110 section 11.5), if given.
            ///
            /// ```
            /// use http_auth_headers::Challenges;
            #[doc = concat!("use http_auth_headers::scheme::bearer::", stringify!($view), ";")]
            ///
            #[doc = concat!("let c = Challenges::parse(r#\"", $scheme, " realm=\"example\"\"#).next().unwrap()?;")]
            #[doc = concat!("let v = ", stringify!($view), "::try_from(&c)?;")]
            /// assert_eq!(v.realm().unwrap(), "example");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn realm(&self) -> Option<ParamValue<'_>> {
                self.challenge.param("realm")
            }

            /// The `scope` the resource needs: a space-separated list of
            /// case-sensitive scope values (RFC 6750 section 3).
            ///
            /// ```
            /// use http_auth_headers::Challenges;
            #[doc = concat!("use http_auth_headers::scheme::bearer::", stringify!($view), ";")]
            ///
            #[doc = concat!("let c = Challenges::parse(r#\"", $scheme, " scope=\"openid profile\"\"#).next().unwrap()?;")]
            #[doc = concat!("let v = ", stringify!($view), "::try_from(&c)?;")]
            /// assert!(v.scope().unwrap().contains("profile"));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn scope(&self) -> Option<SpaceList<'_>> {
                self.challenge.param("scope").map(|value| SpaceList { value })
            }

            /// Why the request was refused, if the server said so.
            ///
            /// ```
            /// use http_auth_headers::Challenges;
            #[doc = concat!("use http_auth_headers::scheme::bearer::{", stringify!($view), ", ErrorCode};")]
            ///
            #[doc = concat!("let c = Challenges::parse(r#\"", $scheme, " error=\"invalid_token\"\"#).next().unwrap()?;")]
            #[doc = concat!("let v = ", stringify!($view), "::try_from(&c)?;")]
            /// assert_eq!(v.error(), Some(ErrorCode::INVALID_TOKEN));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn error(&self) -> Option<ErrorCode<'_>> {
                self.challenge.param("error").map(ErrorCode::from_value)
            }

            /// The `error_description`: text for developers, not for end users.
            ///
            /// ```
            /// use http_auth_headers::Challenges;
            #[doc = concat!("use http_auth_headers::scheme::bearer::", stringify!($view), ";")]
            ///
            #[doc = concat!("let c = Challenges::parse(r#\"", $scheme, " error_description=\"expired\"\"#).next().unwrap()?;")]
            #[doc = concat!("let v = ", stringify!($view), "::try_from(&c)?;")]
            /// assert_eq!(v.error_description().unwrap(), "expired");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn error_description(&self) -> Option<ParamValue<'_>> {
                self.challenge.param("error_description")
            }

            /// The `error_uri`: a URI of a page about the error.
            ///
            /// ```
            /// use http_auth_headers::Challenges;
            #[doc = concat!("use http_auth_headers::scheme::bearer::", stringify!($view), ";")]
            ///
            #[doc = concat!("let c = Challenges::parse(r#\"", $scheme, " error_uri=\"https://e.example/\"\"#).next().unwrap()?;")]
            #[doc = concat!("let v = ", stringify!($view), "::try_from(&c)?;")]
            /// assert_eq!(v.error_uri().unwrap(), "https://e.example/");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn error_uri(&self) -> Option<ParamValue<'_>> {
                self.challenge.param("error_uri")
            }

            /// The `acr_values` (RFC 9470 section 3): the authentication
            /// context class references the resource accepts, in order of
            /// preference; sent with
            /// [`INSUFFICIENT_USER_AUTHENTICATION`](ErrorCode::INSUFFICIENT_USER_AUTHENTICATION).
            ///
            /// ```
            /// use http_auth_headers::Challenges;
            #[doc = concat!("use http_auth_headers::scheme::bearer::", stringify!($view), ";")]
            ///
            #[doc = concat!("let c = Challenges::parse(r#\"", $scheme, " acr_values=\"gold silver\"\"#).next().unwrap()?;")]
            #[doc = concat!("let v = ", stringify!($view), "::try_from(&c)?;")]
            /// assert_eq!(v.acr_values().unwrap().iter().count(), 2);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn acr_values(&self) -> Option<SpaceList<'_>> {
                self.challenge.param("acr_values").map(|value| SpaceList { value })
            }

            /// The `max_age` (RFC 9470 section 3): how many seconds may have
            /// passed since the user last actively authenticated.
            ///
            /// ```
            /// use http_auth_headers::Challenges;
            #[doc = concat!("use http_auth_headers::scheme::bearer::", stringify!($view), ";")]
            ///
            #[doc = concat!("let c = Challenges::parse(r#\"", $scheme, " max_age=\"300\"\"#).next().unwrap()?;")]
            #[doc = concat!("let v = ", stringify!($view), "::try_from(&c)?;")]
            /// assert_eq!(v.max_age(), Some(300));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn max_age(&self) -> Option<u64> {
                self.max_age
            }

            /// The generic challenge this view reads, for the params the
            /// scheme does not define (such as RFC 9728's
            /// `resource_metadata`).
            ///
            /// ```
            /// use http_auth_headers::Challenges;
            #[doc = concat!("use http_auth_headers::scheme::bearer::", stringify!($view), ";")]
            ///
            #[doc = concat!("let c = Challenges::parse(r#\"", $scheme, " resource_metadata=\"https://rs.example/m\"\"#).next().unwrap()?;")]
            #[doc = concat!("let v = ", stringify!($view), "::try_from(&c)?;")]
            /// assert_eq!(v.as_challenge().param("resource_metadata").unwrap(), "https://rs.example/m");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn as_challenge(&self) -> &Challenge<'a> {
                &self.challenge
            }

            /// The view, relaxed for a client that must still act on it:
            /// only the scheme and the absence of a token68 are checked.
            /// Each defined param's value is given as sent, even where
            /// `try_from` would reject it (an `error_description` that is
            /// not ASCII still leaves the `error` code readable); a defined
            /// param repeated is reported to `report` as
            /// [`DeviationKind::DuplicateParam`](crate::DeviationKind::DuplicateParam)
            /// (line 0, the offset of the repeated name from the scheme,
            /// when both are on the challenge's first field line) and the
            /// first is kept; a `max_age` that is not digits is `None`.
            ///
            /// ```
            /// use http_auth_headers::{Challenges, Deviation};
            #[doc = concat!("use http_auth_headers::scheme::bearer::{", stringify!($view), ", ErrorCode};")]
            ///
            #[doc = concat!("let value = \"", $scheme, " error=invalid_token, error_description=\\\"Jeton expir\u{e9}\\\", error=x\";")]
            /// let c = Challenges::parse(value).next().unwrap()?;
            #[doc = concat!("assert!(", stringify!($view), "::try_from(&c).is_err());")]
            /// let seen = std::sync::Mutex::new(Vec::new());
            /// let report = |d: Deviation| seen.lock().unwrap().push(d.kind().as_str());
            #[doc = concat!("let v = ", stringify!($view), "::try_from_lenient(c, Some(&report))?;")]
            /// assert_eq!(v.error(), Some(ErrorCode::INVALID_TOKEN));
            /// assert_eq!(*seen.lock().unwrap(), ["duplicate_param"]);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            ///
            /// # Errors
            ///
            /// [`SchemeError`] when the challenge is of another scheme or
            /// carries a token68.
            pub fn try_from_lenient(
                challenge: Challenge<'a>,
                report: Option<&dyn Fn(Deviation)>,
            ) -> Result<Self, SchemeError> {
                let max_age = check_lenient(&challenge, $scheme, $attrs, report)?;
                Ok($view { challenge, max_age })
            }
        }

        impl<'a> TryFrom<Challenge<'a>> for $view<'a> {
            type Error = SchemeError;

            fn try_from(challenge: Challenge<'a>) -> Result<Self, SchemeError> {
                let max_age = check(&challenge, $scheme, $attrs)?;
                Ok($view { challenge, max_age })
            }
        }

        crate::scheme::try_from_ref!($view, Challenge);

        /// Compares the attributes the scheme defines, as the accessors give
        /// them; other params are not compared.
        impl PartialEq for $view<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.realm() == other.realm()
                    && self.scope() == other.scope()
                    && self.error() == other.error()
                    && self.error_description() == other.error_description()
                    && self.error_uri() == other.error_uri()
                    && self.acr_values() == other.acr_values()
                    && self.max_age == other.max_age
                    $(&& self.$extra() == other.$extra())*
            }
        }

        impl Eq for $view<'_> {}

        /// Consistent with equality: hashes what it compares.
        impl core::hash::Hash for $view<'_> {
            fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
                self.realm().hash(state);
                self.scope().hash(state);
                self.error().hash(state);
                self.error_description().hash(state);
                self.error_uri().hash(state);
                self.acr_values().hash(state);
                self.max_age.hash(state);
                $(self.$extra().hash(state);)*
            }
        }
    };
}

/// A Bearer challenge (RFC 6750 section 3, RFC 9470 section 3).
///
/// It keeps the generic [`Challenge`] it was made from
/// ([`as_challenge`](Self::as_challenge)); every attribute is optional; see
/// the [module docs](super) for what is checked.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::SchemeError;
/// use http_auth_headers::scheme::bearer::{BearerChallenge, ErrorCode};
///
/// let value = r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#;
/// let c = Challenges::parse(value).next().unwrap()?;
/// let bearer = BearerChallenge::try_from(&c)?;
/// assert_eq!(bearer.realm().unwrap(), "example");
/// assert_eq!(bearer.error(), Some(ErrorCode::INVALID_TOKEN));
/// assert_eq!(bearer.error_description().unwrap(), "The access token expired");
/// assert!(bearer.scope().is_none());
///
/// // RFC 9728 section 5.1: where to find the resource's metadata.
/// let c = Challenges::parse(r#"Bearer resource_metadata="https://rs.example/.well-known/oauth-protected-resource""#).next().unwrap()?;
/// let bearer = BearerChallenge::try_from(c)?;
/// let url = bearer.as_challenge().param("resource_metadata").unwrap();
/// assert_eq!(url, "https://rs.example/.well-known/oauth-protected-resource");
///
/// let c = Challenges::parse("Bearer realm=a, REALM=b").next().unwrap()?;
/// assert_eq!(BearerChallenge::try_from(&c), Err(SchemeError::DuplicateParam("realm")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct BearerChallenge<'a> {
    challenge: Challenge<'a>,
    max_age: Option<u64>,
}

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
impl BearerChallenge<'_> {
    /// The same view, owning its bytes, so that it can be kept past the
    /// input (across requests, or `.await` points).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::bearer::BearerChallenge;
    ///
    /// let kept: BearerChallenge<'static> = {
    ///     let received = String::from(r#"Bearer realm="r", max_age=30"#);
    ///     let c = Challenges::parse(&received).next().unwrap()?;
    ///     BearerChallenge::try_from(&c)?.into_owned()
    /// };
    /// assert_eq!(kept.max_age(), Some(30));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_owned(self) -> BearerChallenge<'static> {
        BearerChallenge {
            challenge: self.challenge.into_owned(),
            max_age: self.max_age,
        }
    }
}

challenge_view!(BearerChallenge, "Bearer", BEARER_ATTRS, []);

impl BearerChallenge<'_> {
    /// Starts writing a Bearer challenge.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::BearerChallenge;
    ///
    /// assert_eq!(BearerChallenge::builder().finish()?, "Bearer");
    /// let v = BearerChallenge::builder()
    ///     .error("insufficient_scope")
    ///     .scope("photos:read photos:write")
    ///     .finish()?;
    /// assert_eq!(v, r#"Bearer scope="photos:read photos:write", error="insufficient_scope""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder<'v>() -> BearerChallengeBuilder<'v> {
        BearerChallengeBuilder::default()
    }
}

/// A DPoP challenge (RFC 9449 section 7.1): the Bearer attributes and
/// `algs`.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::bearer::{DpopChallenge, ErrorCode};
///
/// let value = r#"DPoP error="invalid_token", error_description="Invalid DPoP key binding", algs="ES256""#;
/// let c = Challenges::parse(value).next().unwrap()?;
/// let dpop = DpopChallenge::try_from(&c)?;
/// assert_eq!(dpop.error(), Some(ErrorCode::INVALID_TOKEN));
/// assert_eq!(dpop.algs().unwrap().iter().collect::<Vec<_>>(), ["ES256"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct DpopChallenge<'a> {
    challenge: Challenge<'a>,
    max_age: Option<u64>,
}

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
impl DpopChallenge<'_> {
    /// The same view, owning its bytes, so that it can be kept past the
    /// input (across requests, or `.await` points).
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::bearer::DpopChallenge;
    ///
    /// let kept: DpopChallenge<'static> = {
    ///     let received = String::from(r#"DPoP algs="ES256""#);
    ///     let c = Challenges::parse(&received).next().unwrap()?;
    ///     DpopChallenge::try_from(&c)?.into_owned()
    /// };
    /// assert!(kept.algs().unwrap().contains("ES256"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_owned(self) -> DpopChallenge<'static> {
        DpopChallenge {
            challenge: self.challenge.into_owned(),
            max_age: self.max_age,
        }
    }
}

challenge_view!(DpopChallenge, "DPoP", DPOP_ATTRS, [algs]);

impl DpopChallenge<'_> {
    /// The JWS `alg` values the server accepts in DPoP proofs.
    ///
    /// ```
    /// use http_auth_headers::Challenges;
    /// use http_auth_headers::scheme::bearer::DpopChallenge;
    ///
    /// let c = Challenges::parse(r#"DPoP algs="ES256 PS256""#).next().unwrap()?;
    /// assert!(DpopChallenge::try_from(&c)?.algs().unwrap().contains("PS256"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn algs(&self) -> Option<SpaceList<'_>> {
        self.challenge
            .param("algs")
            .map(|value| SpaceList { value })
    }

    /// Starts writing a DPoP challenge.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::DpopChallenge;
    ///
    /// let v = DpopChallenge::builder().algs("ES256 PS256").finish()?;
    /// assert_eq!(v, r#"DPoP algs="ES256 PS256""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder<'v>() -> DpopChallengeBuilder<'v> {
        DpopChallengeBuilder::default()
    }
}
