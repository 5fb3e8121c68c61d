//! Zero-copy parsing and canonical writing of the HTTP authentication header
//! fields: `WWW-Authenticate`, `Proxy-Authenticate`, `Authorization`,
//! `Proxy-Authorization`, `Authentication-Info` and
//! `Proxy-Authentication-Info` (RFC 9110 section 11, RFC 7615).
//!
//! ```
//! use http_auth_headers::{Challenges, Credentials, ErrorKind};
//!
//! // A WWW-Authenticate value with two challenges (RFC 9110 section 11.6.1).
//! let value = r#"Basic realm="simple", Newauth realm="apps", type=1, title="Login to \"apps\"""#;
//! let mut challenges = Challenges::parse(value);
//!
//! let basic = challenges.next().unwrap()?;
//! assert!(basic.is_scheme("basic"));
//! assert_eq!(basic.param("realm").unwrap(), "simple");
//!
//! let newauth = challenges.next().unwrap()?;
//! assert_eq!(newauth.params().len(), 3);
//! assert_eq!(newauth.param("title").unwrap().unescaped_str()?, r#"Login to "apps""#);
//! assert!(challenges.next().is_none());
//!
//! // Values borrow from the input; Display writes the canonical form.
//! assert_eq!(newauth.to_string(), r#"Newauth realm="apps", type=1, title="Login to \"apps\"""#);
//!
//! // Bad input gets an error that says where and what, never a panic.
//! let err = Credentials::parse("Basic\tQWxhZGRpbg==").unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::ExpectedSpaceAfterScheme);
//! assert_eq!(err.offset(), 5);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Design
//!
//! - **Bytes in, borrows out.** Every parser takes text or bytes
//!   ([`FieldValue`]: `&str`, `&[u8]`, `http::HeaderValue`); every parsed
//!   value is a slice of it. Quoted-strings keep their escapes and are unescaped only when asked
//!   ([`ParamValue::unescaped`] borrows when there is nothing to unescape).
//!   Parsing and iterating never allocate. `into_owned()` turns a
//!   [`Challenge`] or [`Credentials`] into a `'static` one (one shared
//!   buffer) to keep across requests.
//! - **One vocabulary.** Every field type has `parse(value)` for one field
//!   line and `parse_lines(lines)` for the lines of a field
//!   ([`FieldLines`]); [`ParseOptions::parse`] and
//!   [`ParseOptions::parse_lines`] do the same with options.
//!   [`Challenges`] and [`InfoParams`] are lazy iterators that yield
//!   `Result`s and stop at the first error; [`Credentials`] and
//!   [`AuthenticationInfo`] are parsed at once.
//!   Every writer is a builder: [`AuthBuilder::challenge`] and
//!   [`AuthBuilder::credentials`] for any scheme, `builder(...)` on each
//!   typed view in [`scheme`]. Setters take a value and return the builder
//!   (flags, such as `.stale()`, take none), and `finish()` returns the
//!   field value or the first [`BuildError`]. Values that compare equal
//!   hash equal; credential views have constant-time `Eq` and no `Hash`.
//! - **Several field lines are one list** (RFC 9110 section 5.3): the lines
//!   parse exactly as their join with `", "` would, so a line may go on with
//!   the params of the previous line's challenge. `Authorization` is not a
//!   list: [`Credentials::parse_lines`] rejects more than one line.
//! - **Canonical and lossless writers.** `Display` writes the canonical form
//!   as text; `to_bytes()` writes the same form byte for byte, `obs-text`
//!   included, and parses back to an equal value.
//! - **Secrets stay secret.** Errors from credentials carry no byte of
//!   them, `Debug` of credentials redacts tokens and param values, and
//!   comparing [`Credentials`] takes the same time wherever they differ.
//! - **Strict by default.** The grammar of RFC 9110 exactly; [`ParseOptions`]
//!   adds limits for servers.
//!
//! ## Implementation notes
//!
//! Decisions where the RFCs leave room (each one is tested):
//! - After `scheme 1*SP`, a run of token68 characters with its `=` padding,
//!   followed by OWS and `,` or the end, is a token68; otherwise
//!   `token BWS "="` starts the auth-params. The two never overlap (an
//!   auth-param needs a value after its `=`).
//! - Within the params, after a comma, `token BWS "="` is another param; a
//!   token followed by SP, `,` or the end starts the next challenge.
//! - Empty list elements are ignored everywhere, including right after
//!   `scheme 1*SP` (`Basic ,,realm="x"` is Basic with a realm, as RFC 7235's
//!   recipient grammar reads it); `""` and `" , "` are zero challenges.
//! - An auth-param directly after a bare scheme and a comma
//!   (`Basic, realm="x"`) or after a token68 is an error
//!   ([`ErrorKind::ParamWithoutScheme`]); only `1*SP` opens the params.
//! - HTAB is not a separator after the scheme (`1*SP` only): after
//!   `scheme 1*SP`, HTAB may only be OWS before a comma or the end
//!   (`Basic \t, realm=x` is fine, `Basic \trealm=x` is
//!   [`ErrorKind::ExpectedToken68OrParam`]). CR, LF, NUL and other control
//!   characters are errors anywhere, also inside quoted-strings.
//! - Complete credentials followed by a comma and another token are
//!   [`ErrorKind::MultipleCredentials`], whatever the first ends with (a
//!   token68, params or a bare scheme); anything else after them is
//!   [`ErrorKind::ExpectedEnd`] (or [`ErrorKind::ExpectedComma`] inside a
//!   param list).
//! - Field lines (`parse_lines`) parse as their join with `", "`: a line
//!   whose first element is a param goes on with the params of the
//!   challenge before it, when that challenge is open (it ended in params,
//!   or in `scheme 1*SP`); after a bare scheme or a token68 such a line is
//!   [`ErrorKind::ParamWithoutScheme`], as in the join. A field line holds
//!   whole list elements: a quoted-string still open at the end of a line
//!   is an error, although the join would read it as one value across the
//!   lines (a sender splits a list only between elements).
//! - A param name repeated in one challenge is kept as written; the typed
//!   views reject it.
//! - `obs-text` (0x80–0xFF) is accepted inside quoted-strings and kept as
//!   opaque bytes.
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `std` | yes | `std::error::Error` for the error types (through `core::error::Error`) and `alloc` |
//! | `alloc` | with `std` | `Vec`-collecting parsers, `Cow` unescaping |
//!
//! Without default features the crate is `no_std` and parses and iterates
//! with no allocator.
#![cfg_attr(not(any(test, feature = "std")), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![cfg_attr(test, deny(warnings))]

#[cfg(feature = "alloc")]
extern crate alloc;

#[cfg(feature = "alloc")]
mod builder;
mod challenge;
mod credentials;
mod error;
pub mod ext_value;
mod info;
mod item;
mod lenient;
mod lines;
mod options;
mod param;
mod redact;
pub mod scheme;
mod syntax;

#[cfg(feature = "alloc")]
pub use builder::{AuthBuilder, BuildError};
pub use challenge::{Challenge, Challenges};
pub use credentials::Credentials;
pub use error::{Error, ErrorKind, NotUtf8Error};
#[cfg(feature = "alloc")]
pub use info::AuthenticationInfo;
pub use info::InfoParams;
pub use lenient::{Deviation, DeviationKind};
pub use lines::{FieldLines, FieldValue};
pub use options::{Field, ParseOptions};
pub use param::{Param, ParamValue, Params, ParamsIter, Unescaped};

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
