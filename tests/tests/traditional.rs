//! Reports in traditional script (繁體) read as the same report: the 200
//! numbers, the year, the sections and the findings of the simplified text
//! they were converted from.

use tests::{assert_same_report, workspace_root};

const PAIRS: [(&str, &str); 2] = [
    ("tests/fixtures/traditional/003.txt", "tests/seeds/003_be94cdfbcf579bbe.txt"),
    ("tests/fixtures/traditional/example.md", "examples/example-report.md"),
];

fn read(path: &str) -> String {
    std::fs::read_to_string(workspace_root().join(path)).unwrap()
}

#[test]
fn a_traditional_script_report_reads_as_its_simplified_text() {
    for (traditional, simplified) in PAIRS {
        let text = read(traditional);
        assert_same_report(
            traditional,
            &nianbao_parser::parse(&read(simplified)),
            &nianbao_parser::parse(&text),
            &text,
        );
    }
}

#[test]
fn a_traditional_script_report_gets_the_findings_of_its_simplified_text() {
    let codes = |path: &str| {
        let outcome = nianbao_cli::check_paths(&[workspace_root().join(path)], None, None);
        let mut codes: Vec<String> = outcome.results[0].diagnostics.iter().map(|d| d.code.clone()).collect();
        codes.sort();
        codes
    };
    for (traditional, simplified) in PAIRS {
        assert_eq!(codes(traditional), codes(simplified), "{traditional}");
    }
}
