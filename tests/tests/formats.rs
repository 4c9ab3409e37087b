//! A report is checked against the format of its year: a report for 2019 or
//! 2020 laid out in the trial format of 国办公开办函〔2019〕60号 is not faulted
//! for that format; the same text for 2021 is.

use std::collections::BTreeSet;

use tests::{codes, workspace_root};

fn codes_of(text: &str) -> BTreeSet<String> {
    let report = nianbao_parser::parse(text);
    let diagnostics = nianbao_rules::check(&report, &nianbao_rules::Config::default());
    codes(&diagnostics).into_iter().map(str::to_string).collect()
}

#[test]
fn a_2019_report_in_the_2019_format_is_checked_against_its_format() {
    let path = workspace_root().join("tests/fixtures/formats/2019-report-in-2019-format.md");
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(codes_of(&text), BTreeSet::new());

    let for_2021 = text.replace("2019年", "2021年").replace("2020年", "2022年");
    // Section 六 says only 「无。」: X010, whose help asks for the fee (X009 leaves it).
    // The old format is said once per table by S010; S007 does not repeat it
    // for each row.
    let expected = ["S008", "S009", "S010", "X010"];
    assert_eq!(codes_of(&for_2021), expected.into_iter().map(str::to_string).collect());
}
