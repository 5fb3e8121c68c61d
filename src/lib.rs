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
//!   adds limits for servers, and an opt-in lenient mode for what real
//!   senders get wrong (see "Lenient mode").
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
//! # Lenient mode
//!
//! [`ParseOptions::lenient`] reads what real servers and clients send where
//! the grammar rejects it, and [`ParseOptions::on_deviation`] hears of every
//! [`Deviation`] it tolerated: its [`DeviationKind`] (snake_case names from
//! [`DeviationKind::as_str`]), its field line (from 0) and its byte offset
//! in that line. It applies the same way to every field
//! (`opts.parse::<Challenges>`, `::<Credentials>`, `::<InfoParams>`,
//! `::<AuthenticationInfo>`, and `parse_lines`).
//!
//! ```
//! use http_auth_headers::{Challenges, Deviation, ParseOptions};
//! use std::sync::Mutex;
//!
//! let seen = Mutex::new(Vec::new());
//! let report = |d: Deviation| seen.lock().unwrap().push(d.to_string());
//! let opts = ParseOptions::new().lenient().on_deviation(&report);
//! let value = "Digest realm=\"cam\" nonce=\"n\", Foo bar baz, Basic realm='My Camera'";
//! let all: Vec<_> = opts.parse::<Challenges>(value).collect::<Result<_, _>>()?;
//! assert_eq!(all.len(), 2);
//! assert_eq!(all[0].param("nonce").unwrap(), "n");
//! assert_eq!(all[1].param("realm").unwrap(), "'My Camera'");
//! assert_eq!(*seen.lock().unwrap(), [
//!     "space_separated_params at line 0, byte 18",
//!     "broken_challenge at line 0, byte 38",
//!     "single_quoted_value at line 0, byte 55",
//! ]);
//! # Ok::<(), http_auth_headers::Error>(())
//! ```
//!
//! **Strict results do not change.** The lenient rules run only where the
//! strict grammar failed: the element that failed is read again from its
//! start by the lenient rules. A value that strict parsing accepts parses
//! to the same result with no deviation (checked by the `lenient` fuzz
//! target and the real-world values in `tests/data/wild/`). The limits of
//! the options still fail as in strict mode. Two cases fail where strict
//! parsing would yield a challenge and only then fail at what follows: a
//! bare scheme followed by a comma and params (`comma_after_scheme`), and a
//! comma followed by neither a param nor a challenge (an `obs_fold` after a
//! comma); in lenient mode the grammar fails at once there, in branches
//! that strict parsing reaches only at such input, so that the lenient
//! rules read the challenge with what follows.
//!
//! **Recovery.** A challenge no rule reads is skipped whole, reported as
//! `broken_challenge` at the byte where it broke, and parsing goes on at the
//! next challenge: after the next comma outside quotes, at a token that does
//! not start a param (browsers also drop challenges they cannot read and
//! use the others). Credentials and Authentication-Info params that no rule
//! reads are errors, the strict error.
//!
//! **Zero-copy, no allocation.** Every value is still a slice of the input.
//! A value the rules keep as written is yielded as written, so a value with
//! a line break holds it (`raw()` and `unescaped()` include the CR LF;
//! writing it back with `Display`/`to_bytes` writes them too: a server that
//! re-emits lenient values must check them). Lenient params are re-read
//! by the lenient rules when iterated.
//!
//! The rules, with what the parse yields, why, and who sends it:
//!
//! | kind | rule and what the parse yields | reason | sent by |
//! |---|---|---|---|
//! | `unquoted_value_chars` | An unquoted value runs to SP, HTAB, `,`, `"`, a control character, or a `;` followed by a param; other bytes (`/ : ; @ = ?`, obs-text) are kept. Yields the bytes, unquoted. | URLs and signed-header lists are sent bare | AD FS and Dataverse `authorization_uri=https://…`; Azure Storage's Bearer challenge; AWS SigV4 `Credential=AKID/…/aws4_request, SignedHeaders=host;x-amz-date` |
//! | `token68_chars` | After `scheme 1*SP`, a run of visible bytes but `,` and `"`, followed by the end or a comma, that is not `name=value`, is the token68 (also when a value would start with `=`). Yields it as the token68. | key-id and signature joined by `:` | Azure Storage `SharedKey account:sig`, AWS SigV2 `AWS AKID:sig` |
//! | `space_separated_params` | After a value, whitespace then `token BWS "="` is the next param. | senders that forget commas | CUPS 1.1 `Digest realm="CUPS" nonce="…"`; git's t5563 test server |
//! | `semicolon_separated_params` | After a value, `;` then a param is the next param (a `;` at the end is dropped). | media-type parameter habits | Microsoft's sample web API `active-directory-dotnet-webapi-onbehalfof-ca` (its claims challenge `Bearer realm=""; authorization_uri=…; error="insufficient_claims"`, built at run time; no captured value) |
//! | `comma_after_scheme` | `scheme,` then a param: the params belong to the scheme. | a list serializer that joins the scheme as one more element | oauthlib 3.0 resource servers (`Bearer, error=…`); MCP servers (`Bearer, resource_metadata="…"`) |
//! | `single_quoted_value` | A value in `'…'` that holds what a token cannot (a space) runs to the closing `'`; **literal**: the quotes are part of the value, as they are when the content is a token (`realm='x'` is a valid token, and lenient mode must not change a strict parse). | quoting copied from other languages | Davros WebDAV on Sandstorm (`realm='Sandstorm API'`, okhttp#6743) |
//! | `obs_fold` | CR LF (or LF) followed by SP or HTAB, in a value or between params, is whitespace. Inside a quoted value the bytes are kept as written. | old line folding (RFC 9110 section 5.5 lets a recipient replace it with SP) | git's t5563 test server (folded challenges) |
//! | `cr_lf_in_value` | Other CR or LF inside a quoted value or between params: kept as written (in a value) or skipped (between params). Inside a token68 followed at once by more of it (a base64 encoder that wraps its lines): kept as written in the token68 (the writers leave the break out; strip it before decoding). | a value built with line breaks | Python 2 clients whose base64 encoder ends Basic credentials with LF (pylinkvalidator#30); line-wrapping encoders break a long token68 in the middle (aleph#350, gescheit/scripts#30); RFC 9110 section 5.5 allows replacing CR and LF with SP |
//! | `htab_after_scheme` | HTAB instead of SP after the scheme separates it from the body. | RFC 7235-era parsers read `1*SP` as OWS | client code that writes `'Bearer\t' + token` (an Aliyun Drive client, a Flutter WordPress app; built at run time, no captured value) |
//! | `unterminated_quoted_string` | A quoted-string open at the end of the line runs to the end; yields that content (the report is at the opening quote). | truncated or hand-built values | Chromium's challenge-tokenizer tests (Chromium reads it so) |
//! | `duplicate_param` | Not a grammar deviation: strict parsing keeps both params (and so does lenient mode, reporting nothing). The typed views reject a repeated defined param; the lenient views (`BearerChallenge::try_from_lenient`) keep the first and report it. | merged or buggy serializers | Chromium's Basic tests (two `realm`s); an MCP server repeating `resource_metadata` |
//! | `multiple_credentials` | After complete credentials, a comma and more (or a second field line): the first credentials are kept. | clients that add a header instead of replacing it | passport (Basic and Bearer in one `Authorization`) |
//! | `scheme_in_authentication_info` | A token and SP before the first param of `Authentication-Info` are skipped. | copying the challenge's form | OpenJDK's B6870935 test (`Digest qop="auth", …` in `Proxy-Authentication-Info`) |
//! | `broken_challenge` | See "Recovery". | one bad challenge must not hide the others | browsers skip what they cannot read |
//! | `missing_separator` | Nothing between a closing `"` and a token: a param when `token BWS "="` follows, else the next challenge. | serializers that concatenate challenges | Kinto with kinto-fxa (`realm="Realm"Basic realm="Realm"`) |
//! | `colon_after_scheme` | `scheme:` then a token68: the token68 of the scheme. | `scheme + ":" + token` in client code | zio-http's client (`Basic:Zm9v…`) |
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `std` | yes | `std::error::Error` for the error types (through `core::error::Error`) and `alloc` |
//! | `alloc` | with `std` | `Vec`-collecting parsers, `Cow` unescaping, owned forms, the writers |
//! | `digest` | no | Digest that authenticates: [`DigestClient`](scheme::digest::DigestClient), [`DigestServer`](scheme::digest::DigestServer) with stateless HMAC nonces, the RFC 7616 hashes (MD5, SHA-256, SHA-512/256, `-sess`); implies `std` |
//! | `http` | no | `http::HeaderValue` as a [`FieldValue`], the lines of a field in an `http::HeaderMap` as [`FieldLines`]; challenges, credentials (marked sensitive), `Authentication-Info` and every builder written into `HeaderValue`s, one field line per challenge ([`http_types`]); implies `std` |
//! | `headers` | no | owned `WWW-Authenticate` and `Proxy-Authenticate` as `headers::Header`s, and the typed credentials as `headers::authorization::Credentials` ([`typed_headers`]); implies `http` |
//! | `reqwest` | no | Basic and Digest for `reqwest` clients: [`reqwest_auth::Authenticator`] and [`reqwest_auth::RequestBuilderExt::send_with_auth`] (answers 401s, keeps nonces per origin, checks `rspauth`); implies `digest` and `http` |
//! | `tower` | no | [`tower_auth::AuthLayer`], a tower layer that demands Basic, Bearer or (with `digest`) Digest authentication; implies `http` |
//! | `zeroize` | no | wipes decoded Basic passwords on drop |
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
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod http_types;
mod info;
mod item;
mod lenient;
mod lines;
mod options;
mod param;
mod redact;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub mod reqwest_auth;
pub mod scheme;
mod syntax;
#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub mod tower_auth;
#[cfg(feature = "headers")]
#[cfg_attr(docsrs, doc(cfg(feature = "headers")))]
pub mod typed_headers;

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
