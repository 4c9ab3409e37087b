//! DOCX drafts read like their text: the DOCX version of each seed (made by
//! `tests::docx::report_docx`) gives the same 200 numbers and metadata as the
//! text, and diagnostics name the paragraph or table cell.

use tests::docx::report_docx;
use tests::{assert_same_report, exported, workspace_root};

const SEEDS: [&str; 5] = tests::TEMPLATE_SHAPED;

fn read(path: &str) -> String {
    std::fs::read_to_string(workspace_root().join(path)).unwrap()
}

#[test]
fn docx_versions_of_the_seeds_give_the_same_numbers() {
    for seed in SEEDS {
        let text = read(seed);
        let text_report = nianbao_parser::parse(&text);
        let (document, docx_report) = nianbao_parser::parse_docx_bytes(&report_docx(&text).unwrap());
        assert_eq!(document.problem, None);
        assert_same_report(seed, &text_report, &docx_report, &document.text);
    }
}

/// Seed 003 with one broken total in 表三: 予以公开 35 → 36, so 办理结果总计
/// no longer adds up (T301/T302 at that cell).
fn broken_seed() -> String {
    read(SEEDS[2]).replace("(一)予以公开 | 35 | 0 | 0 | 0 | 0 | 0 | 35", "(一)予以公开 | 36 | 0 | 0 | 0 | 0 | 0 | 35")
}

#[test]
fn the_committed_docx_fixtures_are_current() {
    let fixtures =
        [("tests/fixtures/docx/003.docx", read(SEEDS[2])), ("tests/fixtures/docx/003-broken.docx", broken_seed())]
            .map(|(path, text)| (path, report_docx(&text).unwrap()));
    tests::assert_fixtures_current(&fixtures);
}

#[test]
fn diagnostics_name_the_cell_and_the_paragraph() {
    let outcome = nianbao_cli::check_paths(&[workspace_root().join("tests/fixtures/docx/003-broken.docx")], None, None);
    let checked = &outcome.results[0];
    let place = |code: &str| {
        let diagnostic = checked.diagnostics.iter().find(|d| d.code == code).unwrap_or_else(|| panic!("no {code}"));
        assert!(diagnostic.fix.is_none(), "DOCX documents get no fixes");
        checked.place(diagnostic.primary.span).unwrap()
    };
    // The changed cell: 表三's 6th row (three header rows, 新收, 上年结转,
    // then 予以公开), grid column 4 (三、本年度办理结果 and the two-column
    // label come first).
    let arithmetic = checked.diagnostics.iter().find(|d| d.code.starts_with("T3")).expect("a broken total in 表三");
    let cells: Vec<String> = std::iter::once(&arithmetic.primary)
        .chain(&arithmetic.secondary)
        .filter_map(|label| checked.place(label.span))
        .collect();
    assert!(cells.iter().any(|c| c == "表三 第6行 第4列（「（一）予以公开」一行）"), "{}: {cells:?}", arithmetic.code);
    let x001 = place("X001");
    assert!(x001.starts_with('第') && x001.contains("段（「"), "{x001}");
}

#[test]
fn export_of_the_docx_fixture_equals_export_of_the_text() {
    assert_eq!(exported("tests/fixtures/docx/003.docx"), exported(SEEDS[2]));
}

#[test]
fn damaged_docx_files_are_refused_by_name() {
    let dir = std::env::temp_dir().join(format!("nianbao-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fake = dir.join("draft.docx");
    std::fs::write(&fake, "这不是一个 Word 文件").unwrap();
    let bytes = report_docx(&read(SEEDS[2])).unwrap();
    let truncated = dir.join("truncated.docx");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let outcome = nianbao_cli::check_paths(&[fake.clone(), truncated.clone()], None, None);
    assert!(outcome.results.is_empty());
    let messages: Vec<String> = outcome.errors.iter().map(|e| format!("{}: {}", e.display, e.message)).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    // In the language of the run: Chinese by default.
    assert!(messages.iter().all(|m| m.contains("不是 DOCX 文件")), "{messages:?}");
    std::fs::remove_dir_all(dir).unwrap();
}
