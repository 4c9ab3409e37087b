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
    let generated = report_html(&text, "utf-8").unwrap().into_bytes();
    tests::assert_fixtures_current(&[("tests/fixtures/html/003.html", generated)]);
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

/// A real published page (see `tests/fixtures/html/real/README.md`): its
/// numbers as a reader of the page sees them, and the report's own errors.
#[test]
fn a_real_published_page() {
    let path = "tests/fixtures/html/real/shanghai-2019.html";
    let (tables, metadata) = exported(path);
    assert_eq!(metadata["year"], 2019);
    assert_eq!(metadata["publish_date"], "2020-01-31");
    let row = |key: &str| {
        let row = &tables["table3"][key];
        ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_organization"]
            .iter()
            .chain(&["legal_service_organization", "other_organization", "total"])
            .map(|column| row[*column].as_i64())
            .collect::<Vec<_>>()
    };
    assert_eq!(row("new_received"), [Some(821), Some(35), None, None, Some(2), Some(1), Some(859)]);
    assert_eq!(row("carried_over"), [Some(18), None, None, None, None, None, Some(18)]);
    assert_eq!(row("total_results"), [Some(767), Some(35), None, None, Some(2), Some(1), Some(805)]);
    assert_eq!(row("carried_forward"), [Some(72), None, None, None, None, None, Some(72)]);
    assert_eq!(tables["table4"]["review"]["total"], 7);
    assert_eq!(tables["table4"]["litigation_direct"]["upheld"], 8);
    assert_eq!(tables["table4"]["litigation_direct"]["total"], 9);

    let html = std::fs::read_to_string(workspace_root().join(path)).unwrap();
    let outcome = nianbao_cli::check_paths(&[workspace_root().join(path)], None, None);
    let checked = &outcome.results[0];
    let find = |code: &str| checked.diagnostics.iter().find(|d| d.code == code);
    // 「均获维持」 while 表四 has 2 reviews and 1 lawsuit 尚未审结.
    let x005 = find("X005").expect("X005: 均获维持 against 尚未审结");
    assert_eq!(&html[x005.primary.span.start..x005.primary.span.end], "均获维持");
    // The result rows leave 总计 blank: said once, as blank, never as 「总计 0」.
    let all = |code: &str| checked.diagnostics.iter().filter(|d| d.code == code).collect::<Vec<_>>();
    let t303 = all("T303");
    assert_eq!(t303.len(), 1, "{t303:?}");
    assert_eq!(t303[0].message, "表三中有11行的总计为空，而其各项之和大于0");
    // Blank cells: one finding per table, not one per row.
    assert_eq!(all("T203").len(), 2);
    // Rows whose every cell is 「&nbsp;」 have seven blank cells, not none.
    assert!(all("S007").iter().all(|d| !d.message.contains("has 0 values")), "{:?}", all("S007"));
    // A 2019 report in the 2019 format: its 表二 columns and rows, its single
    // （六）其他处理 row and its 「无。」 in section 六 are that year's format.
    for code in ["S007", "S008", "S009", "X009", "X010"] {
        assert!(find(code).is_none(), "{code}: {:?}", find(code));
    }
}
