//! Published PDFs read like their text: the PDF version of each seed and of
//! the example (typeset by `tests::pdf::report_pdf` as WPS and Word export
//! them) gives the same 200 numbers, year and sections as the text;
//! diagnostics name the page, line and cell; files that cannot be read are
//! refused by name.

use tests::pdf::{Bold, Style, grown_to_pages, report_pdf, scanned_pdf};
use tests::{assert_same_report, exported, workspace_root};

const REPORTS: [&str; 5] = tests::TEMPLATE_SHAPED;

fn read(path: &str) -> String {
    std::fs::read_to_string(workspace_root().join(path)).unwrap()
}

const STYLES: [Style; 5] = [
    Style { spaced_numbers: false, glyph_by_glyph: false, bold: Bold::Font, wps_export: false },
    Style { spaced_numbers: true, glyph_by_glyph: false, bold: Bold::Font, wps_export: false },
    Style { spaced_numbers: false, glyph_by_glyph: true, bold: Bold::Font, wps_export: false },
    // WPS's export as the 淮安市 2024 report shows it: bold by fill and
    // stroke, flipped and scaled glyphs, the footer first, white boxes
    // behind prose, numbers in pieces.
    Style { spaced_numbers: true, glyph_by_glyph: false, bold: Bold::FillStroke, wps_export: true },
    Style { spaced_numbers: false, glyph_by_glyph: true, bold: Bold::Overprint, wps_export: false },
];

#[test]
fn pdf_versions_of_the_reports_give_the_same_numbers() {
    for path in REPORTS {
        let text = read(path);
        let text_report = nianbao_parser::parse(&text);
        for style in STYLES {
            let pdf = report_pdf(&text, style).unwrap();
            let (document, pdf_report) = nianbao_parser::parse_pdf_bytes(pdf.as_bytes());
            assert_eq!(document.problem, None, "{path}");
            assert_same_report(&format!("{path} {style:?}"), &text_report, &pdf_report, &document.text);
            let agency = |r: &nianbao_model::Report| r.metadata.agency.as_ref().map(|a| a.value.clone());
            assert_eq!(agency(&pdf_report), agency(&text_report), "{path} {style:?}");
        }
    }
}

/// Seed 003 with one broken total in 表三: 予以公开 35 → 36.
fn broken_seed() -> String {
    read(REPORTS[2]).replace("(一)予以公开 | 35 | 0 | 0 | 0 | 0 | 0 | 35", "(一)予以公开 | 36 | 0 | 0 | 0 | 0 | 0 | 35")
}

/// The fixtures this writer makes: (path, report text, style).
fn fixtures() -> Vec<(&'static str, String, Style)> {
    vec![
        ("tests/fixtures/pdf/003.pdf", read(REPORTS[2]), STYLES[0]),
        ("tests/fixtures/pdf/003-broken.pdf", broken_seed(), STYLES[0]),
        ("tests/fixtures/pdf/example.pdf", read(REPORTS[4]), STYLES[1]),
        ("tests/fixtures/pdf/000-glyphs.pdf", read(REPORTS[0]), STYLES[2]),
        ("tests/fixtures/pdf/example-12-pages.pdf", grown_to_pages(&read(REPORTS[4]), 12), STYLES[1]),
    ]
}

#[test]
fn the_committed_pdf_fixtures_are_current() {
    let mut all: Vec<(&str, Vec<u8>)> = fixtures()
        .into_iter()
        .map(|(path, text, style)| (path, report_pdf(&text, style).unwrap().into_bytes()))
        .collect();
    all.push(("tests/fixtures/pdf/scanned.pdf", scanned_pdf().into_bytes()));
    tests::assert_fixtures_current(&all);
}

#[test]
fn export_of_the_pdf_fixtures_equals_export_of_the_text() {
    assert_eq!(exported("tests/fixtures/pdf/003.pdf"), exported(REPORTS[2]));
    assert_eq!(exported("tests/fixtures/pdf/example.pdf"), exported(REPORTS[4]));
    assert_eq!(exported("tests/fixtures/pdf/000-glyphs.pdf"), exported(REPORTS[0]));
    // Twelve pages: the tables after eleven of prose, the same numbers.
    let (tables, _) = exported("tests/fixtures/pdf/example-12-pages.pdf");
    assert_eq!(tables, exported(REPORTS[4]).0);
    let bytes = std::fs::read(workspace_root().join("tests/fixtures/pdf/example-12-pages.pdf")).unwrap();
    assert_eq!(nianbao_parser::pdf::read(&bytes).pages, 12);
}

/// The PDF gives the findings the text gives, code for code.
#[test]
fn a_pdf_gets_the_findings_of_its_text() {
    for (pdf, text) in [("tests/fixtures/pdf/003.pdf", REPORTS[2]), ("tests/fixtures/pdf/example.pdf", REPORTS[4])] {
        let codes = |path: &str| {
            let outcome = nianbao_cli::check_paths(&[workspace_root().join(path)], None, None);
            let mut codes: Vec<String> = outcome.results[0].diagnostics.iter().map(|d| d.code.clone()).collect();
            codes.sort();
            codes
        };
        assert_eq!(codes(pdf), codes(text), "{pdf}");
    }
}

#[test]
fn diagnostics_name_the_page_line_and_cell() {
    let outcome = nianbao_cli::check_paths(&[workspace_root().join("tests/fixtures/pdf/003-broken.pdf")], None, None);
    let checked = &outcome.results[0];
    assert!(checked.diagnostics.iter().all(|d| d.fix.is_none()), "PDFs get no fixes");
    let arithmetic = checked.diagnostics.iter().find(|d| d.code.starts_with("T3")).expect("a broken total in 表三");
    let places: Vec<String> = std::iter::once(&arithmetic.primary)
        .chain(&arithmetic.secondary)
        .filter_map(|label| checked.place(label.span))
        .collect();
    // Page 4 starts with 新收 and 上年结转; 予以公开 is the row after, its
    // 自然人 figure in grid column 4 (the group column, the subgroup column
    // and the label come first).
    assert!(
        places.iter().any(|p| p == "第4页 第3行 表三 第4列（「（一）予以公开」一行）"),
        "{}: {places:?}",
        arithmetic.code
    );
    let x001 = checked.diagnostics.iter().find(|d| d.code == "X001").expect("the prose's 新受理20件");
    let place = checked.place(x001.primary.span).unwrap();
    assert!(place.starts_with("第2页 第") && place.ends_with('行'), "{place}");
}

#[test]
fn unreadable_pdfs_are_refused_by_name_and_the_rest_are_checked() {
    let dir = std::env::temp_dir().join(format!("nianbao-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = read(REPORTS[2]);
    let bytes = report_pdf(&good, Style::default()).unwrap().into_bytes();
    let truncated = dir.join("truncated.pdf");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let not_pdf = dir.join("report.pdf");
    std::fs::write(&not_pdf, "这不是 PDF 文件").unwrap();
    let paths = [
        workspace_root().join("tests/fixtures/pdf/scanned.pdf"),
        workspace_root().join("tests/fixtures/pdf/encrypted.pdf"),
        truncated,
        not_pdf,
        workspace_root().join("tests/fixtures/pdf/003.pdf"),
    ];
    let outcome = nianbao_cli::check_paths(&paths, None, None);
    let messages: Vec<String> = outcome.errors.iter().map(|e| format!("{}: {}", e.display, e.message)).collect();
    // In the language of the run: Chinese by default.
    let expect = [
        ("scanned.pdf", "没有文字层：这是扫描件"),
        ("encrypted.pdf", "PDF 文件已加密，须输入密码"),
        ("truncated.pdf", "PDF 文件不完整"),
        ("report.pdf", "不是 PDF 文件"),
    ];
    assert_eq!(messages.len(), expect.len(), "{messages:?}");
    for (file, why) in expect {
        assert!(messages.iter().any(|m| m.contains(file) && m.contains(why)), "{file}: {messages:?}");
    }
    assert_eq!(outcome.results.len(), 1, "the good file is still checked");
    assert!(outcome.results[0].display.ends_with("003.pdf"));
    std::fs::remove_dir_all(dir).unwrap();
}

/// A PDF encrypted with an owner password only (printing and copying
/// restricted) opens with the empty user password, as in every viewer.
#[test]
fn an_owner_password_does_not_stop_reading() {
    assert_eq!(exported("tests/fixtures/pdf/owner-only.pdf"), exported(REPORTS[2]));
}

/// Text extracted from the PDF fixtures, as a viewer or a converter gives it
/// (`pdftotext -layout`, columns aligned with spaces, and `pdftotext -raw`,
/// in the order the page shows its text), and the report each was typeset
/// from.
const EXTRACTED: [(&str, &str); 6] = [
    ("tests/fixtures/pdf-text/003.layout.txt", REPORTS[2]),
    ("tests/fixtures/pdf-text/003.plain.txt", REPORTS[2]),
    ("tests/fixtures/pdf-text/example.layout.txt", REPORTS[4]),
    ("tests/fixtures/pdf-text/example.plain.txt", REPORTS[4]),
    ("tests/fixtures/pdf-text/000-glyphs.layout.txt", REPORTS[0]),
    ("tests/fixtures/pdf-text/000-glyphs.plain.txt", REPORTS[0]),
];

/// The findings that hard-wrapped text and scattered table cells used to
/// raise by the dozen: on extracted text and on the PDFs, none that the
/// source has not.
#[test]
fn extracted_text_gets_no_finding_its_source_does_not_have() {
    const WATCHED: [&str; 9] = ["F004", "F008", "S001", "S003", "S004", "S006", "S007", "S008", "S009"];
    let codes = |path: &str| {
        let outcome = nianbao_cli::check_paths(&[workspace_root().join(path)], None, None);
        let mut codes: Vec<String> = outcome.results[0]
            .diagnostics
            .iter()
            .filter(|d| WATCHED.contains(&d.code.as_str()))
            .map(|d| d.code.clone())
            .collect();
        codes.sort();
        codes
    };
    // The PDFs themselves too: a piece of a merged label read off the page
    // (「结果」 of 「三、本年度办理结果」) once opened 表四 inside 表三 (S006).
    let pdfs = [("tests/fixtures/pdf/000-glyphs.pdf", REPORTS[0]), ("tests/fixtures/pdf/003.pdf", REPORTS[2])];
    for (extracted, source) in EXTRACTED.into_iter().chain(pdfs) {
        assert_eq!(codes(extracted), codes(source), "{extracted}");
    }
}

/// The 200 numbers, the year and the sections of extracted text are the
/// source's.
#[test]
fn extracted_text_gives_the_numbers_of_its_source() {
    for (extracted, source) in EXTRACTED {
        let (text, _) = nianbao_parser::decode(&std::fs::read(workspace_root().join(extracted)).unwrap());
        let (report, projection) = nianbao_parser::parse_document(&text);
        let projection = projection.unwrap_or_else(|| panic!("{extracted} is read as hard-wrapped"));
        assert_same_report(extracted, &nianbao_parser::parse(&read(source)), &report, &projection.text);
    }
}
