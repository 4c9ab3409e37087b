//! HTML pages read like their text: the HTML version of each seed (made by
//! `tests::html::report_html`, in UTF-8 and in GBK) gives the same 200 numbers
//! and metadata as the text, and diagnostics point into the HTML.

use nianbao_model::TableKind;
use nianbao_rules::format::table_values;
use tests::html::report_html;
use tests::workspace_root;

/// Seed 002 is left out: its table 四 has 16 values, which no template-shaped
/// HTML table can hold.
const SEEDS: [&str; 5] = [
    "tests/seeds/000_88a8dc7d33e7281e.txt",
    "tests/seeds/001_0db4d1d337420631.txt",
    "tests/seeds/003_be94cdfbcf579bbe.txt",
    "tests/seeds/004_fa9e582a0590cf1f.txt",
    "examples/example-report.md",
];

#[test]
fn html_versions_of_the_seeds_give_the_same_numbers() {
    for seed in SEEDS {
        let text = std::fs::read_to_string(workspace_root().join(seed)).unwrap();
        let text_report = nianbao_parser::parse(&text);
        for (charset, bytes) in [
            ("utf-8", report_html(&text, "utf-8").unwrap().into_bytes()),
            ("gb2312", encoding_rs::GBK.encode(&report_html(&text, "gb2312").unwrap()).0.into_owned()),
        ] {
            let (_, projection, html_report) = nianbao_parser::parse_html_bytes(&bytes);
            for kind in TableKind::ALL {
                let expected = table_values(text_report.table(kind).unwrap()).unwrap();
                let table = html_report
                    .table(kind)
                    .unwrap_or_else(|| panic!("{seed} ({charset}): {kind:?} not read:\n{}", projection.text));
                let found =
                    table_values(table).unwrap_or_else(|why| panic!("{seed} ({charset}): {why}\n{}", projection.text));
                assert_eq!(found, expected, "{seed} ({charset}) {kind:?}");
            }
            let year = |r: &nianbao_model::Report| r.metadata.year.as_ref().map(|y| y.value);
            assert_eq!(year(&html_report), year(&text_report), "{seed} ({charset})");
            assert_eq!(
                html_report.sections.iter().map(|s| s.kind).collect::<Vec<_>>(),
                text_report.sections.iter().map(|s| s.kind).collect::<Vec<_>>(),
                "{seed} ({charset})"
            );
            assert!(
                !projection.text.contains("ICP备") && !projection.text.contains("首页 |"),
                "site chrome is left out"
            );
        }
    }
}

#[test]
fn the_committed_html_fixture_is_current() {
    let text = std::fs::read_to_string(workspace_root().join(SEEDS[2])).unwrap();
    let committed = std::fs::read_to_string(workspace_root().join("tests/fixtures/html/003.html"));
    let generated = report_html(&text, "utf-8").unwrap();
    if committed.as_deref().ok() != Some(generated.as_str()) {
        std::fs::write(workspace_root().join("tests/fixtures/html/003.html"), &generated).unwrap();
        panic!("tests/fixtures/html/003.html was stale and has been rewritten; commit it");
    }
}

#[test]
fn diagnostics_point_into_the_html() {
    let path = workspace_root().join("tests/fixtures/html/003.html");
    let html = std::fs::read_to_string(&path).unwrap();
    let outcome = nianbao_cli::check_paths(&[path], None, None);
    let checked = &outcome.results[0];
    let slice = |span: nianbao_model::Span| &html[span.start..span.end];
    let x001 = checked
        .diagnostics
        .iter()
        .find(|d| d.code == "X001" && slice(d.primary.span) == "20件")
        .expect("seed 003's 「新受理20件」 against 表三's 59, pointing at 「20件」 in the HTML");
    for diagnostic in &checked.diagnostics {
        for label in std::iter::once(&diagnostic.primary).chain(&diagnostic.secondary) {
            assert!(!slice(label.span).contains('<'), "{}: a label covers text, not markup", diagnostic.code);
        }
    }
    let total = x001.secondary.iter().map(|label| slice(label.span)).collect::<Vec<_>>();
    assert!(total.contains(&"59"), "the table cell is labelled in the HTML: {total:?}");
    assert!(x001.fix.is_none());
}

#[test]
fn export_of_the_html_fixture_equals_export_of_the_text() {
    let export = |path: &str| {
        let outcome = nianbao_cli::check_paths(&[workspace_root().join(path)], None, None);
        let json: serde_json::Value = serde_json::from_str(&nianbao_cli::export::render(&outcome.results[0])).unwrap();
        (json["tables"].clone(), json["metadata"].clone())
    };
    assert_eq!(export("tests/fixtures/html/003.html"), export(SEEDS[2]));
}
