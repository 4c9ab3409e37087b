//! What the page shows of a report (`POST /api/view`): the findings of
//! `check` marked in the text nianbao read, their arithmetic, the tables as
//! read, and the fixed file.

use nianbao_rules::Config;
use nianbao_server::view::{Range, View, view};
use serde_json::Value;

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn slice(text: &str, [start, end]: Range) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

fn diagnostics(view: &View) -> &Vec<Value> {
    view.check["files"][0]["diagnostics"].as_array().unwrap()
}

/// A text file: the view holds `check`'s JSON, and each finding's mark is
/// the text `check`'s byte offsets name.
#[test]
fn findings_are_marked_where_check_says() {
    let bytes = fixture("tests/seeds/002_bf81134e00d6a1b6.txt");
    let seed = String::from_utf8(bytes.clone()).unwrap();
    let view = view("002.txt", &bytes, &Config::default()).unwrap();
    let expected = nianbao_server::checked_json("002.txt", &bytes, &Config::default(), nianbao_server::Answer::Check);
    assert_eq!(view.check, serde_json::from_str::<Value>(&expected.unwrap()).unwrap());
    assert_eq!(view.text, seed);
    assert!(view.lines.is_empty(), "a text file's lines are numbered, not named");
    assert_eq!(view.findings.len(), diagnostics(&view).len());
    for (finding, diagnostic) in view.findings.iter().zip(diagnostics(&view)) {
        let location = &diagnostic["location"];
        let (start, end) = (location["byte_start"].as_u64().unwrap(), location["byte_end"].as_u64().unwrap());
        assert_eq!(slice(&view.text, finding.primary.unwrap()), seed[start as usize..end as usize], "{diagnostic}");
        assert!(!finding.name.is_empty());
    }
}

/// A broken total: the finding carries the computation and the cells that
/// take part, and the tables show what was read.
#[test]
fn a_broken_total_shows_its_arithmetic_and_cells() {
    let bytes = fixture("tests/fixtures/rules/T303/invalid.md");
    let view = view("invalid.md", &bytes, &Config::default()).unwrap();
    let (index, finding) = diagnostics(&view)
        .iter()
        .zip(&view.findings)
        .enumerate()
        .find_map(|(i, (diagnostic, finding))| (diagnostic["code"] == "T303").then_some((i, finding)))
        .expect("T303's invalid fixture has a T303 finding");
    assert!(finding.arithmetic.iter().any(|sum| sum.contains('≠')), "{index}: {:?}", finding.arithmetic);
    assert!(finding.cells.len() >= 7, "the total and its six parts: {:?}", finding.cells);
    for cell in &finding.cells {
        assert!(slice(&view.text, *cell).chars().all(|c| c.is_ascii_digit()), "{:?}", slice(&view.text, *cell));
    }
    assert!(view.identities.iter().any(|identity| !identity.holds));
    let table3 = &view.tables[1];
    assert_eq!(table3.name, "表三");
    assert!(table3.found);
    assert_eq!(table3.rows.len(), 25);
    assert_eq!(table3.rows[0].columns.len(), 7);
    let total = table3.rows.last().unwrap();
    assert_eq!(total.cells.len(), 7, "{total:?}");
    for cell in &total.cells {
        assert_eq!(slice(&view.text, cell.at), cell.text);
    }
    assert_eq!(view.tables[2].rows.len(), 3, "table 四 as its three groups");
}

/// A text file with safe fixes: the fixed file has them, and checks clean
/// of them.
#[test]
fn a_text_file_comes_back_with_its_safe_fixes() {
    let bytes = fixture("tests/seeds/002_bf81134e00d6a1b6.txt");
    let view = view("002.txt", &bytes, &Config::default()).unwrap();
    let fixed = view.fixed.expect("the seed has safe fixes");
    assert!(fixed.applied.contains_key("S008"), "{:?}", fixed.applied);
    assert!(fixed.text.contains("社会公益组织"));
    let again = nianbao_server::view::view("fixed.txt", fixed.text.as_bytes(), &Config::default()).unwrap();
    assert!(again.fixed.is_none(), "every safe fix was applied: {:?}", again.fixed.map(|fixed| fixed.applied));
}

/// An HTML page shows its text, not its markup, and each finding is marked
/// at the words the HTML has there.
#[test]
fn a_page_shows_its_text_with_findings_taken_back_into_it() {
    let bytes = fixture("tests/fixtures/html/003.html");
    let html = String::from_utf8(bytes.clone()).unwrap();
    let view = view("003.html", &bytes, &Config::default()).unwrap();
    assert!(!view.text.contains("<td"), "the page's text, not its markup");
    assert!(view.fixed.is_none(), "a fix would break the markup");
    let mut compared = 0;
    for (finding, diagnostic) in view.findings.iter().zip(diagnostics(&view)) {
        let location = &diagnostic["location"];
        let source =
            &html[location["byte_start"].as_u64().unwrap() as usize..location["byte_end"].as_u64().unwrap() as usize];
        if !source.is_empty() && !source.contains(['<', '&']) {
            assert_eq!(slice(&view.text, finding.primary.unwrap()), source, "{diagnostic}");
            compared += 1;
        }
    }
    assert!(compared > 0, "{:?}", diagnostics(&view));
}

/// A PDF and a DOCX document: their text as read, each line named by its
/// page and line or its paragraph; no fixed file.
#[test]
fn a_pdf_and_a_docx_name_their_lines() {
    for (name, path, first) in
        [("003.pdf", "tests/fixtures/pdf/003.pdf", "1"), ("003.docx", "tests/fixtures/docx/003.docx", "第1段")]
    {
        let view = view(name, &fixture(path), &Config::default()).unwrap();
        assert_eq!(view.lines.len(), view.text.split_inclusive('\n').count(), "{name}");
        assert_eq!(view.lines[0].label, first, "{name}");
        assert!(view.fixed.is_none(), "{name}");
        assert!(view.tables.iter().all(|table| table.found), "{name}");
        for (finding, diagnostic) in view.findings.iter().zip(diagnostics(&view)) {
            let range = finding.primary.unwrap();
            assert!(range[0] <= range[1] && range[1] <= view.text.encode_utf16().count(), "{name}: {diagnostic}");
        }
    }
    let pdf = view("003.pdf", &fixture("tests/fixtures/pdf/003.pdf"), &Config::default()).unwrap();
    assert!(pdf.lines.iter().any(|line| line.page == Some(2)), "a multi-page PDF names its pages");
}
