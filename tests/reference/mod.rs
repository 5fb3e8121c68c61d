//! A reference recognizer for the HTTP authentication fields: RFC 9110
//! section 11 read as literally as possible, sharing no code with `src/`.
//!
//! Every rule returns *every* way it can match at a position, as a list of
//! `(end, value)`, so alternatives and repetitions are tried exhaustively
//! (a nondeterministic reading of the ABNF; nothing is greedy). A field value
//! is accepted when some parse consumes all of it. Slow on purpose: it is an
//! oracle for tests and fuzzing, not a parser.
//!
//! The grammar, quoted from RFC 9110 (list rules in the recipient form of
//! section 5.6.1.2):
//!
//! ```text
//! WWW-Authenticate    = #challenge
//! Authorization       = credentials
//! Authentication-Info = #auth-param
//! challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//! credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//! auth-scheme = token
//! auth-param  = token BWS "=" BWS ( token / quoted-string )
//! token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
//! #element    => [ element ] *( OWS "," OWS [ element ] )
//! token       = 1*tchar
//! tchar       = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "."
//!             / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
//! quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
//! qdtext      = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
//! quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
//! obs-text    = %x80-FF
//! OWS = BWS   = *( SP / HTAB )
//! ```
//!
//! Around the grammar:
//! - a field value excludes leading and trailing whitespace (section 5.5),
//!   so SP and HTAB at both ends are dropped before parsing;
//! - several field lines of a list field are one value: the lines joined
//!   with `", "` (section 5.3); `Authorization` is not a list, so it takes
//!   exactly one line;
//! - control characters need no rule of their own: no terminal above admits
//!   one except HTAB (and SP/HTAB only where written).
//!
//! The grammar has one ambiguity (RFC 9110 section 11.6.1's note): an empty
//! list element after a challenge's params may belong to the params or to the
//! list of challenges. Both readings give the same structure, so every
//! accepted value has exactly one structure; the entry points assert that.
//! This is also why the crate's documented decisions (token68 versus params,
//! a param versus the next challenge, empty elements after `scheme 1*SP`,
//! HTAB after the scheme) need no code here: each is the only reading of the
//! ABNF that consumes the whole value.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// A param as read: the name as written, the value unescaped (a token as
/// written, a quoted-string without its quotes and quoted-pair backslashes).
pub type RefParam = (Vec<u8>, Vec<u8>);

/// A challenge or a credentials: the scheme as written, then a token68 or
/// params (never both).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RefChallenge {
    pub scheme: Vec<u8>,
    pub token68: Option<Vec<u8>>,
    pub params: Vec<RefParam>,
}

/// `WWW-Authenticate` / `Proxy-Authenticate` over its field lines; `None`
/// rejects.
pub fn challenges(lines: &[&[u8]]) -> Option<Vec<RefChallenge>> {
    let value = field_value(lines);
    let g = Grammar(&value);
    unique(g.list(0, |at| g.challenge(at)), value.len())
}

/// `Authorization` / `Proxy-Authorization`: exactly one field line holding
/// exactly one credentials; `None` rejects.
pub fn credentials(lines: &[&[u8]]) -> Option<RefChallenge> {
    let [line] = lines else {
        return None;
    };
    let value = field_value(&[line]);
    let g = Grammar(&value);
    unique(g.challenge(0), value.len())
}

/// `Authentication-Info` / `Proxy-Authentication-Info` over its field lines;
/// `None` rejects.
pub fn info(lines: &[&[u8]]) -> Option<Vec<RefParam>> {
    let value = field_value(lines);
    let g = Grammar(&value);
    unique(g.list(0, |at| g.auth_param(at)), value.len())
}

/// The field value of these field lines: joined with `", "` (RFC 9110
/// section 5.3), without leading and trailing SP/HTAB (section 5.5).
fn field_value(lines: &[&[u8]]) -> Vec<u8> {
    let joined = lines.join(&b", "[..]);
    let ws = |b: &u8| *b == b' ' || *b == b'\t';
    let start = joined.iter().position(|b| !ws(b)).unwrap_or(joined.len());
    let end = joined.iter().rposition(|b| !ws(b)).map_or(start, |i| i + 1);
    joined[start..end].to_vec()
}

/// The structure of the parses that consume all `len` bytes: `None` if there
/// is none. Panics if two parses disagree, which would make the grammar (as
/// read here) ambiguous.
fn unique<T: Clone + Eq + Hash + std::fmt::Debug>(
    parses: Vec<(usize, T)>,
    len: usize,
) -> Option<T> {
    let mut whole: Vec<T> = Vec::new();
    for (end, value) in parses {
        if end == len && !whole.contains(&value) {
            whole.push(value);
        }
    }
    assert!(whole.len() <= 1, "ambiguous: {whole:?}");
    whole.pop()
}

/// All the ways a rule matches at one position: `(end, value)`.
type Parses<T> = Vec<(usize, T)>;

struct Grammar<'s>(&'s [u8]);

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn is_token68_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~+/".contains(&b)
}

fn is_vchar(b: u8) -> bool {
    (0x21..=0x7e).contains(&b)
}

fn is_obs_text(b: u8) -> bool {
    b >= 0x80
}

fn is_qdtext(b: u8) -> bool {
    b == b'\t'
        || b == b' '
        || b == 0x21
        || (0x23..=0x5b).contains(&b)
        || (0x5d..=0x7e).contains(&b)
        || is_obs_text(b)
}

impl Grammar<'_> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.0.get(at).copied()
    }

    /// Every end of `min..` repetitions of a byte class starting at `at`.
    fn repeat(&self, at: usize, min: usize, class: impl Fn(u8) -> bool) -> Vec<usize> {
        let mut ends = Vec::new();
        let mut end = at;
        loop {
            if end - at >= min {
                ends.push(end);
            }
            match self.byte(end) {
                Some(b) if class(b) => end += 1,
                _ => return ends,
            }
        }
    }

    /// `OWS = *( SP / HTAB )`; `BWS` is the same.
    fn ows(&self, at: usize) -> Vec<usize> {
        self.repeat(at, 0, |b| b == b' ' || b == b'\t')
    }

    /// `1*SP`
    fn one_or_more_sp(&self, at: usize) -> Vec<usize> {
        self.repeat(at, 1, |b| b == b' ')
    }

    /// `token = 1*tchar`
    fn token(&self, at: usize) -> Parses<Vec<u8>> {
        let ends = self.repeat(at, 1, is_tchar);
        ends.into_iter()
            .map(|end| (end, self.0[at..end].to_vec()))
            .collect()
    }

    /// `token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`
    fn token68(&self, at: usize) -> Parses<Vec<u8>> {
        let mut out = Vec::new();
        for body in self.repeat(at, 1, is_token68_char) {
            for end in self.repeat(body, 0, |b| b == b'=') {
                out.push((end, self.0[at..end].to_vec()));
            }
        }
        out
    }

    /// `quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE`, the value
    /// unescaped. `qdtext` excludes `"` and `\`, so there is one parse at most.
    fn quoted_string(&self, at: usize) -> Parses<Vec<u8>> {
        if self.byte(at) != Some(b'"') {
            return Vec::new();
        }
        let mut value = Vec::new();
        let mut i = at + 1;
        loop {
            match self.byte(i) {
                Some(b'"') => return vec![(i + 1, value)],
                Some(b'\\') => match self.byte(i + 1) {
                    // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
                    Some(b) if b == b'\t' || b == b' ' || is_vchar(b) || is_obs_text(b) => {
                        value.push(b);
                        i += 2;
                    }
                    _ => return Vec::new(),
                },
                Some(b) if is_qdtext(b) => {
                    value.push(b);
                    i += 1;
                }
                _ => return Vec::new(),
            }
        }
    }

    /// `auth-param = token BWS "=" BWS ( token / quoted-string )`
    fn auth_param(&self, at: usize) -> Parses<RefParam> {
        let mut out = Vec::new();
        for (name_end, name) in self.token(at) {
            for eq in self.ows(name_end) {
                if self.byte(eq) != Some(b'=') {
                    continue;
                }
                for value_at in self.ows(eq + 1) {
                    let values = self
                        .token(value_at)
                        .into_iter()
                        .chain(self.quoted_string(value_at));
                    for (end, value) in values {
                        out.push((end, (name.clone(), value)));
                    }
                }
            }
        }
        out
    }

    /// `#element => [ element ] *( OWS "," OWS [ element ] )` (RFC 9110
    /// section 5.6.1.2), the elements read in order, empty ones dropped.
    fn list<T: Clone + Eq + Hash>(
        &self,
        at: usize,
        element: impl Fn(usize) -> Parses<T>,
    ) -> Parses<Vec<T>> {
        // A state is a prefix of the list: where it ends and what it read.
        // Elements are parsed once per position (the same position is
        // reached along several paths).
        let mut memo: HashMap<usize, Parses<T>> = HashMap::new();
        let mut element_at = |at: usize| memo.entry(at).or_insert_with(|| element(at)).clone();
        let mut todo: Vec<(usize, Vec<T>)> = vec![(at, Vec::new())];
        todo.extend(element_at(at).into_iter().map(|(end, x)| (end, vec![x])));
        let mut seen = HashSet::new();
        while let Some((pos, items)) = todo.pop() {
            if !seen.insert((pos, items.clone())) {
                continue;
            }
            for comma in self.ows(pos) {
                if self.byte(comma) != Some(b',') {
                    continue;
                }
                for next in self.ows(comma + 1) {
                    todo.push((next, items.clone()));
                    for (end, x) in element_at(next) {
                        let mut longer = items.clone();
                        longer.push(x);
                        todo.push((end, longer));
                    }
                }
            }
        }
        seen.into_iter().collect()
    }

    /// `challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`, which is
    /// also `credentials`.
    fn challenge(&self, at: usize) -> Parses<RefChallenge> {
        let mut out = Vec::new();
        for (scheme_end, scheme) in self.token(at) {
            let bare = RefChallenge {
                scheme,
                token68: None,
                params: Vec::new(),
            };
            out.push((scheme_end, bare.clone()));
            for body in self.one_or_more_sp(scheme_end) {
                for (end, t) in self.token68(body) {
                    out.push((
                        end,
                        RefChallenge {
                            token68: Some(t),
                            ..bare.clone()
                        },
                    ));
                }
                for (end, params) in self.list(body, |at| self.auth_param(at)) {
                    out.push((
                        end,
                        RefChallenge {
                            params,
                            ..bare.clone()
                        },
                    ));
                }
            }
        }
        out
    }
}

/// Bytes as a string literal, anything outside printable ASCII escaped.
pub fn show_bytes(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    for &b in bytes {
        match b {
            b'"' | b'\\' => out.extend(['\\', b as char]),
            b' '..=b'~' => out.push(b as char),
            b'\t' => out.push_str("\\t"),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('"');
    out
}

/// A readable form of a parse: `Scheme token68` or `Scheme {name: "value"}`.
pub fn show_challenge(c: &RefChallenge) -> String {
    match &c.token68 {
        Some(t) => format!("{} {}", show_bytes(&c.scheme), show_bytes(t)),
        None => format!("{} {}", show_bytes(&c.scheme), show_params(&c.params)),
    }
}

/// A readable form of params: `{name: "value", ...}`.
pub fn show_params(params: &[RefParam]) -> String {
    let params: Vec<String> = params
        .iter()
        .map(|(n, v)| format!("{}: {}", show_bytes(n), show_bytes(v)))
        .collect();
    format!("{{{}}}", params.join(", "))
}
