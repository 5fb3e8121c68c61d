//! The Bearer and DPoP challenge views.

use super::{check, Class, ErrorCode, SpaceList};
#[cfg(feature = "alloc")]
use super::{BearerChallengeBuilder, DpopChallengeBuilder};
use crate::param::ParamValue;
use crate::scheme::{known_params, SchemeError};
use crate::Challenge;

/// The attributes Bearer and DPoP share, checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Attrs<'a> {
    realm: Option<ParamValue<'a>>,
    scope: Option<ParamValue<'a>>,
    error: Option<ParamValue<'a>>,
    error_description: Option<ParamValue<'a>>,
    error_uri: Option<ParamValue<'a>>,
}

pub(super) const ATTR_NAMES: [&str; 5] =
    ["realm", "scope", "error", "error_description", "error_uri"];

impl<'a> Attrs<'a> {
    /// Checks the scheme and the form of `c`.
    fn start(c: &Challenge<'a>, scheme: &'static str) -> Result<(), SchemeError> {
        if !c.is_scheme(scheme) {
            return Err(SchemeError::WrongScheme(scheme));
        }
        if c.token68().is_some() {
            return Err(SchemeError::UnexpectedToken68);
        }
        Ok(())
    }

    fn new(
        [realm, scope, error, error_description, error_uri]: [Option<ParamValue<'a>>; 5],
    ) -> Result<Self, SchemeError> {
        Ok(Attrs {
            realm,
            scope: check("scope", Class::List, scope)?,
            error: check("error", Class::Text, error)?,
            error_description: check("error_description", Class::Text, error_description)?,
            error_uri: check("error_uri", Class::Uri, error_uri)?,
        })
    }
}

/// The accessors both challenge views share.
macro_rules! challenge_accessors {
    () => {
        /// The `realm` (RFC 9110 section 11.5), if given.
        pub fn realm(&self) -> Option<ParamValue<'a>> {
            self.attrs.realm
        }

        /// The `scope` the resource needs: a space-separated list of
        /// case-sensitive scope values (RFC 6750 section 3).
        pub fn scope(&self) -> Option<SpaceList<'a>> {
            self.attrs.scope.map(|value| SpaceList { value })
        }

        /// Why the request was refused, if the server said so.
        pub fn error(&self) -> Option<ErrorCode<'a>> {
            self.attrs.error.map(ErrorCode::from_value)
        }

        /// The `error_description`: text for developers, not for end users.
        pub fn error_description(&self) -> Option<ParamValue<'a>> {
            self.attrs.error_description
        }

        /// The `error_uri`: a URI of a page about the error.
        pub fn error_uri(&self) -> Option<ParamValue<'a>> {
            self.attrs.error_uri
        }
    };
}

/// A Bearer challenge (RFC 6750 section 3), borrowed from the parsed input.
///
/// Every attribute is optional; see the [module docs](self) for what is
/// checked.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::SchemeError;
/// use http_auth_headers::scheme::bearer::{BearerChallenge, ErrorCode};
///
/// let value = r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#;
/// let c = Challenges::new(value).next().unwrap()?;
/// let bearer = BearerChallenge::try_from(&c)?;
/// assert_eq!(bearer.realm().unwrap(), "example");
/// assert_eq!(bearer.error(), Some(ErrorCode::InvalidToken));
/// assert_eq!(bearer.error_description().unwrap(), "The access token expired");
/// assert!(bearer.scope().is_none());
///
/// let c = Challenges::new("Bearer realm=a, REALM=b").next().unwrap()?;
/// assert_eq!(BearerChallenge::try_from(&c), Err(SchemeError::DuplicateParam("realm")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BearerChallenge<'a> {
    attrs: Attrs<'a>,
}

impl<'a> BearerChallenge<'a> {
    challenge_accessors!();

    /// Starts writing a Bearer challenge.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::BearerChallenge;
    ///
    /// assert_eq!(BearerChallenge::builder().write()?, "Bearer");
    /// let v = BearerChallenge::builder()
    ///     .error("insufficient_scope")
    ///     .scope("photos:read photos:write")
    ///     .write()?;
    /// assert_eq!(v, r#"Bearer scope="photos:read photos:write", error="insufficient_scope""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder<'v>() -> BearerChallengeBuilder<'v> {
        BearerChallengeBuilder::default()
    }
}

impl<'a> TryFrom<&Challenge<'a>> for BearerChallenge<'a> {
    type Error = SchemeError;

    fn try_from(c: &Challenge<'a>) -> Result<Self, SchemeError> {
        Attrs::start(c, "Bearer")?;
        let attrs = Attrs::new(known_params(c.params(), ATTR_NAMES)?)?;
        Ok(BearerChallenge { attrs })
    }
}

/// A DPoP challenge (RFC 9449 section 7.1), borrowed from the parsed input:
/// the Bearer attributes and `algs`.
///
/// ```
/// use http_auth_headers::Challenges;
/// use http_auth_headers::scheme::bearer::{DpopChallenge, ErrorCode};
///
/// let value = r#"DPoP error="invalid_token", error_description="Invalid DPoP key binding", algs="ES256""#;
/// let c = Challenges::new(value).next().unwrap()?;
/// let dpop = DpopChallenge::try_from(&c)?;
/// assert_eq!(dpop.error(), Some(ErrorCode::InvalidToken));
/// assert_eq!(dpop.algs().unwrap().iter().collect::<Vec<_>>(), ["ES256"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DpopChallenge<'a> {
    attrs: Attrs<'a>,
    algs: Option<ParamValue<'a>>,
}

impl<'a> DpopChallenge<'a> {
    challenge_accessors!();

    /// The JWS `alg` values the server accepts in DPoP proofs.
    pub fn algs(&self) -> Option<SpaceList<'a>> {
        self.algs.map(|value| SpaceList { value })
    }

    /// Starts writing a DPoP challenge.
    ///
    /// ```
    /// use http_auth_headers::scheme::bearer::DpopChallenge;
    ///
    /// let v = DpopChallenge::builder().algs("ES256 PS256").write()?;
    /// assert_eq!(v, r#"DPoP algs="ES256 PS256""#);
    /// # Ok::<(), http_auth_headers::BuildError>(())
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn builder<'v>() -> DpopChallengeBuilder<'v> {
        DpopChallengeBuilder::default()
    }
}

impl<'a> TryFrom<&Challenge<'a>> for DpopChallenge<'a> {
    type Error = SchemeError;

    fn try_from(c: &Challenge<'a>) -> Result<Self, SchemeError> {
        Attrs::start(c, "DPoP")?;
        let [realm, scope, error, error_description, error_uri, algs] = known_params(
            c.params(),
            [
                "realm",
                "scope",
                "error",
                "error_description",
                "error_uri",
                "algs",
            ],
        )?;
        let attrs = Attrs::new([realm, scope, error, error_description, error_uri])?;
        let algs = check("algs", Class::List, algs)?;
        Ok(DpopChallenge { attrs, algs })
    }
}
