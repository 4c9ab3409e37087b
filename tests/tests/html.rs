//! HTML pages read like their text: the HTML version of each seed (made by
//! `tests::html::report_html`, in UTF-8 and in GBK) gives the same 200 numbers
//! and metadata as the text, and diagnostics point into the HTML.

use tests::html::report_html;
use tests::{assert_same_report, exported, workspace_root};

const SEEDS: [&str; 5] = tests::TEMPLATE_SHAPED;

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
            assert_same_report(&format!("{seed} ({charset})"), &text_report, &html_report, &projection.text);
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
    assert_eq!(exported("tests/fixtures/html/003.html"), exported(SEEDS[2]));
}
