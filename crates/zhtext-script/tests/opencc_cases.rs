//! OpenCC 1.4.2's own test cases (`testdata/testcases.json`, Apache-2.0, see
//! `testdata/LICENSE`): every case of every configuration must pass.

use zhtext_core::{OffsetMap, Transform};
use zhtext_script::{Config, Converter};

mod common;

use common::load;

#[test]
fn every_case_of_every_config() {
    let cases = load();
    assert!(cases.len() >= 550, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for (id, config, input, expected) in &cases {
        let converter = Converter::new(*config);
        let got = converter.apply(input);
        if got != *expected {
            failures.push(format!(
                "{id} {config}\n  input:    {input}\n  expected: {expected}\n  got:      {got}"
            ));
        }
        let mut into = String::new();
        converter.apply_into(input, &mut into);
        let mut map = OffsetMap::new();
        let mapped = converter.apply_mapped(input, &mut map);
        assert_eq!((into.as_str(), mapped.as_ref()), (got.as_ref(), got.as_ref()), "{id} {config}");
    }
    for config in Config::ALL {
        assert!(cases.iter().any(|c| c.1 == *config), "no case for {config}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}\nhelp: check the config's chain in config.rs and the group order in tables.rs",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
