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
    http_auth_headers::Challenges::parse_lines(&lines)
        .map(|c| c.ok().map(|c| to_ref(c.scheme(), c.token68(), c.params())))
        .collect()
}

/// The crate's `Authorization` parse of these field lines.
pub fn crate_credentials(lines: &[&[u8]]) -> Option<RefChallenge> {
    let c = http_auth_headers::Credentials::parse_lines(&lines).ok()?;
    Some(to_ref(c.scheme(), c.token68(), c.params()))
}

/// The crate's `Authentication-Info` parse of these field lines.
pub fn crate_info(lines: &[&[u8]]) -> Option<Vec<RefParam>> {
    http_auth_headers::InfoParams::parse_lines(&lines)
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
        params: params.iter().map(to_ref_param).collect(),
    }
}

fn to_ref_param(p: http_auth_headers::Param<'_>) -> RefParam {
    (
        p.name().as_bytes().to_vec(),
        p.value().unescaped().into_owned(),
    )
}

// ---------------------------------------------------------------------------
// Where the crate decides what the grammar leaves open.

/// Field lines where a quoted-string is still open at the end of a line
/// (`["Basic a=\"x", "y\""]`). Their join with `", "` is valid (`a="x, y"`),
/// and the reference reads the join; the crate decides that a field line
/// holds whole list elements (a sender splits a list only between
/// elements, RFC 9110 section 5.3), so it rejects them: the comparison
/// expects an error from the crate there.
pub fn quoted_string_spans_lines(lines: &[&[u8]]) -> bool {
    let Some((_, before_last)) = lines.split_last() else {
        return false;
    };
    before_last.iter().any(|line| {
        let (mut quoted, mut escaped) = (false, false);
        for &b in line.iter() {
            match b {
                _ if escaped => escaped = false,
                b'\\' if quoted => escaped = true,
                b'"' => quoted = !quoted,
                _ => {}
            }
        }
        quoted
    })
}

// ---------------------------------------------------------------------------
// Comparing the two.

/// The three fields, compared on the same field lines: `Err` says where
/// the crate and the reference disagree.
pub fn compare(lines: &[&[u8]]) -> Result<(), String> {
    if quoted_string_spans_lines(lines) {
        let (c, i) = (crate_challenges(lines), crate_info(lines));
        if c.is_some() || i.is_some() {
            return Err(format!(
                "{}: a quoted-string spans field lines, yet the crate parsed {c:?} / {i:?}",
                show_lines(lines)
            ));
        }
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
