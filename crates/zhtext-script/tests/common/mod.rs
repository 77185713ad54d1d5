//! OpenCC 1.4.2's own test cases (`testdata/testcases.json`, Apache-2.0, see
//! `testdata/LICENSE`), shared by the test files.

use zhtext_script::Config;

/// The published file has trailing commas (`"a": "b",\n }`), which OpenCC's own loader
/// accepts; drop them before parsing.
pub fn load() -> Vec<(String, Config, String, String)> {
    let raw = include_str!("../../testdata/testcases.json");
    let mut cleaned = String::with_capacity(raw.len());
    let mut in_string = false;
    let mut escaped = false;
    let chars: Vec<char> = raw.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        if in_string {
            in_string = c != '"' || escaped;
            escaped = c == '\\' && !escaped;
        } else if c == '"' {
            in_string = true;
        } else if c == ',' {
            let next = chars[k + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some('}' | ']')) {
                continue;
            }
        }
        cleaned.push(c);
    }
    let json: serde_json::Value = serde_json::from_str(&cleaned).expect("testcases.json parses");
    let mut cases = Vec::new();
    for case in json["cases"].as_array().expect("cases array") {
        let id = case["id"].as_str().unwrap_or("?").to_owned();
        let input = case["input"].as_str().expect("input").to_owned();
        for (name, expected) in case["expected"].as_object().expect("expected object") {
            let config = Config::from_name(name).unwrap_or_else(|| panic!("unknown config {name}"));
            cases.push((id.clone(), config, input.clone(), expected.as_str().expect("str").into()));
        }
    }
    cases
}
