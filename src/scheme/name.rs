//! Names compared ASCII case-insensitively, with constants for the known
//! ones: Digest's `Algorithm` and `Qop`, and `ext_value::Charset`.

/// Implements, for `$ty { name: &'a str }` and its known values `$known`:
/// `from_name` (known names get their registered spelling), `name`,
/// case-insensitive `PartialEq`/`Eq`, a `Hash` consistent with them,
/// `Debug` and `Display`. The examples use `$path` (the type's path), its
/// constant `$konst`, whose registered name is `$registered`, and
/// `$variant`, that name in another case.
macro_rules! case_insensitive_name {
    ($ty:ident, $known:expr, $path:literal, $konst:ident, $variant:literal, $registered:literal) => {
        impl<'a> $ty<'a> {
            /// The value named `name`, ignoring ASCII case; a registered name
            /// gets its registered spelling, any other is kept as written.
            ///
            /// ```
            #[doc = concat!("use ", $path, ";")]
            ///
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_name(\"", $variant, "\"), ", stringify!($ty), "::", stringify!($konst), ");")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_name(\"x-Other\").name(), \"x-Other\");")]
            /// ```
            pub fn from_name(name: &'a str) -> Self {
                $known
                    .into_iter()
                    .find(|k| k.name.eq_ignore_ascii_case(name))
                    .unwrap_or($ty { name })
            }

            /// The name: as registered for the values this version knows,
            /// as written for others.
            ///
            /// ```
            #[doc = concat!("use ", $path, ";")]
            ///
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_name(\"", $variant, "\").name(), \"", $registered, "\");")]
            /// ```
            pub fn name(&self) -> &'a str {
                self.name
            }
        }

        /// ASCII case-insensitive.
        impl PartialEq for $ty<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.name.eq_ignore_ascii_case(other.name)
            }
        }

        impl Eq for $ty<'_> {}

        /// Consistent with equality: hashes the ASCII-lowercased name.
        impl core::hash::Hash for $ty<'_> {
            fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
                self.name
                    .bytes()
                    .for_each(|b| state.write_u8(b.to_ascii_lowercase()));
                state.write_u8(0xff);
            }
        }

        impl core::fmt::Debug for $ty<'_> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_tuple(stringify!($ty)).field(&self.name).finish()
            }
        }

        /// Writes [`name`](Self::name).
        impl core::fmt::Display for $ty<'_> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.name)
            }
        }
    };
}

pub(crate) use case_insensitive_name;
