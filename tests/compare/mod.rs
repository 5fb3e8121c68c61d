//! The crate against the reference recognizer (`tests/reference/`): how to
//! call the crate's parsers and turn what they return into the reference's
//! types, the known divergences, and the comparison. Shared by
//! `tests/differential.rs` and `fuzz/fuzz_targets/reference.rs`; this is the
//! only file of the two that names the crate's API.

use crate::reference::{self, RefChallenge, RefParam};

// ---------------------------------------------------------------------------
// The crate, seen through the reference's types: one adapter per field.

/// The crate's `WWW-Authenticate` parse of these field lines.
pub fn crate_challenges(lines: &[&[u8]]) -> Option<Vec<RefChallenge>> {
    http_auth_headers::Challenges::from_lines(lines.iter().copied())
        .map(|c| c.ok().map(|c| to_ref(c.scheme(), c.token68(), c.params())))
        .collect()
}

/// The crate's `Authorization` parse of these field lines.
pub fn crate_credentials(lines: &[&[u8]]) -> Option<RefChallenge> {
    let c = http_auth_headers::Credentials::parse_lines(lines.iter().copied()).ok()?;
    Some(to_ref(c.scheme(), c.token68(), c.params()))
}

/// The crate's `Authentication-Info` parse of these field lines.
pub fn crate_info(lines: &[&[u8]]) -> Option<Vec<RefParam>> {
    http_auth_headers::InfoParams::from_lines(lines.iter().copied())
        .map(|p| p.ok().map(to_ref_param))
        .collect()
}

fn to_ref(
    scheme: &str,
    token68: Option<&str>,
    params: http_auth_headers::Params<'_>,
) -> RefChallenge {
    RefChallenge {
        scheme: scheme.as_bytes().to_vec(),
        token68: token68.map(|t| t.as_bytes().to_vec()),
        params: params.map(to_ref_param).collect(),
    }
}

fn to_ref_param(p: http_auth_headers::Param<'_>) -> RefParam {
    (
        p.name().as_bytes().to_vec(),
        p.value().unescaped().into_owned(),
    )
}

// ---------------------------------------------------------------------------
// Where the crate is known to disagree with the reference. The core is being
// fixed; delete each class (and then this filter) once the crate agrees.

/// Field lines on which the crate is known to read a field differently from
/// the reference, so that the properties skip them. Each class, with a
/// minimal input:
/// - (a) a line that continues the list of the line before it, so that
///   parsing each line on its own differs from parsing their join with
///   `", "` (RFC 9110 section 5.3), which the crate rejects at the second
///   line:
///   - a line of params only: `["Basic realm=\"x\"", "charset=UTF-8"]` is
///     one Basic challenge with two params;
///   - a line ending in `scheme 1*SP` (the join has no trailing SP to trim):
///     `["Basic ", "realm=x"]` joins as `Basic , realm=x`, Basic with a realm;
///   - a quoted-string open at the end of a line:
///     `["Basic a=\"x", "y\""]` joins as `Basic a="x, y"`;
/// - (b) HTAB after `scheme 1*SP`, before a token68 or a param (the crate
///   skips it): `["Basic \trealm=x"]`, `["Bearer \tabc"]`, `["Basic \t realm=x"]`
///   are errors (RFC 9110 section 11.3: `1*SP`, and a list element does not
///   start with OWS).
pub fn known_core_bugs(lines: &[&[u8]]) -> bool {
    lines_continue(lines) || htab_after_scheme(&lines.join(&b", "[..]))
}

/// Class (a): the reference reads the lines one by one differently from
/// their join, for challenges or Authentication-Info.
fn lines_continue(lines: &[&[u8]]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let by_line = lines
        .iter()
        .map(|l| reference::challenges(&[l]))
        .collect::<Option<Vec<_>>>()
        .map(|v| v.concat());
    let info_by_line = lines
        .iter()
        .map(|l| reference::info(&[l]))
        .collect::<Option<Vec<_>>>()
        .map(|v| v.concat());
    by_line != reference::challenges(lines) || info_by_line != reference::info(lines)
}

/// Class (b): a token, SP, then SP/HTAB including an HTAB, then neither `,`
/// nor the end.
fn htab_after_scheme(value: &[u8]) -> bool {
    let is_tchar = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    value.windows(2).enumerate().any(|(i, w)| {
        if !(is_tchar(w[0]) && w[1] == b' ') {
            return false;
        }
        let run = value[i + 1..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        let next = value.get(i + 1 + run);
        value[i + 1..i + 1 + run].contains(&b'\t') && next.is_some_and(|&b| b != b',')
    })
}

// ---------------------------------------------------------------------------
// Comparing the two.

/// The three fields, compared on the same field lines (skipping the known
/// core bugs): `Err` says where the crate and the reference disagree.
pub fn compare(lines: &[&[u8]]) -> Result<(), String> {
    if known_core_bugs(lines) {
        return Ok(());
    }
    let list = |cs: &Vec<RefChallenge>| {
        let cs: Vec<String> = cs.iter().map(reference::show_challenge).collect();
        cs.join(", ")
    };
    let differ = |name: &str, reference: Option<String>, ours: Option<String>| {
        let lines = show_lines(lines);
        Err(format!(
            "{name} {lines}: reference {reference:?}, crate {ours:?}"
        ))
    };
    let (r, c) = (reference::challenges(lines), crate_challenges(lines));
    if r != c {
        return differ("challenges", r.as_ref().map(list), c.as_ref().map(list));
    }
    let (r, c) = (reference::credentials(lines), crate_credentials(lines));
    if r != c {
        let one = reference::show_challenge;
        return differ("credentials", r.as_ref().map(one), c.as_ref().map(one));
    }
    let (r, c) = (reference::info(lines), crate_info(lines));
    if r != c {
        let params = |p: &Vec<RefParam>| reference::show_params(p);
        return differ("info", r.as_ref().map(params), c.as_ref().map(params));
    }
    Ok(())
}

/// Field lines as a list of string literals.
pub fn show_lines(lines: &[&[u8]]) -> String {
    let lines: Vec<String> = lines.iter().map(|l| reference::show_bytes(l)).collect();
    format!("[{}]", lines.join(", "))
}
