//! The real-world values of `tests/data/wild/` (see its README): each parses
//! in lenient mode to the parse its sender meant, with its deviations
//! reported; each value strict mode accepts parses the same in both modes
//! with no deviation.
//!
//! `duplicate_param` is the one kind strict parsing accepts (the grammar
//! allows a repeated name; the typed views reject it): the generic parse
//! keeps both params in both modes and reports nothing, and the kind is
//! reported by the lenient typed views (tests/lenient.rs).
#![cfg(feature = "alloc")]

use std::sync::Mutex;

use http_auth_headers::{
    Challenge, Challenges, Credentials, Deviation, InfoParams, Param, ParseOptions,
};
use serde_json::{json, Value};

fn params_json<'a>(params: impl Iterator<Item = Param<'a>>) -> Value {
    params
        .map(|p| {
            json!([
                p.name(),
                String::from_utf8_lossy(&p.value().unescaped()).into_owned()
            ])
        })
        .collect()
}

fn item_json(scheme: &str, token68: Option<&str>, params: Value) -> Value {
    json!({"scheme": scheme, "token68": token68, "params": params})
}

fn challenge_json(c: &Challenge<'_>) -> Value {
    item_json(c.scheme(), c.token68(), params_json(c.params().iter()))
}

/// The parse of `lines` as `field` with `opts`, in the shape of `meant`;
/// `Err` with the error's text when it fails.
fn parse(field: &str, lines: &[String], opts: &ParseOptions<'_>) -> Result<Value, String> {
    match field {
        "www-authenticate" | "proxy-authenticate" => opts
            .parse_lines::<Challenges>(&lines)
            .map(|c| c.map(|c| challenge_json(&c)))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::from)
            .map_err(|e| e.to_string()),
        "authorization" => opts
            .parse_lines::<Credentials>(&lines)
            .map(|c| item_json(c.scheme(), c.token68(), params_json(c.params().iter())))
            .map_err(|e| e.to_string()),
        "authentication-info" => opts
            .parse_lines::<InfoParams>(&lines)
            .collect::<Result<Vec<_>, _>>()
            .map(|p| json!({"params": params_json(p.into_iter())}))
            .map_err(|e| e.to_string()),
        other => panic!("unknown field {other}"),
    }
}

#[test]
fn wild_values_parse_as_meant() {
    let mut dir: Vec<_> = std::fs::read_dir("tests/data/wild")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    dir.sort();
    assert!(dir.len() >= 40, "{} values", dir.len());
    let mut failures = Vec::new();
    for path in dir {
        let entry: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let id = entry["id"].as_str().unwrap();
        let field = entry["field"].as_str().unwrap();
        let lines: Vec<String> = entry["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_owned())
            .collect();
        let seen = Mutex::new(Vec::new());
        let report = |d: Deviation| seen.lock().unwrap().push(d.kind().as_str());
        let lax = ParseOptions::new().lenient().on_deviation(&report);
        let got = parse(field, &lines, &lax);
        let mut kinds: Vec<&str> = Vec::new();
        for k in seen.into_inner().unwrap() {
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
        let mut want_kinds: Vec<&str> = entry["deviations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        let strict = parse(field, &lines, &ParseOptions::new());
        if entry["strict"] == "accept" {
            // The generic parse reports no duplicate (see the module docs).
            want_kinds.retain(|&k| k != "duplicate_param");
            if strict.as_ref() != Ok(&entry["meant"]) {
                failures.push(format!("{id}: strict {strict:?}"));
            }
        } else if strict.is_ok() {
            failures.push(format!("{id}: strict accepts"));
        }
        if got.as_ref() != Ok(&entry["meant"]) {
            failures.push(format!(
                "{id}: lenient gave {got:?}\n   meant {}",
                entry["meant"]
            ));
        }
        if kinds != want_kinds {
            failures.push(format!("{id}: deviations {kinds:?}, listed {want_kinds:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
