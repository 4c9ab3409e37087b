//! Last year's report is found beside this year's in any format nianbao
//! reads: a supervising office's folder holds published PDFs and pages, not
//! Markdown. A PDF or Word file is found by its name (its text is
//! compressed), else by its first page or its text; a page by its title.

use std::path::PathBuf;

use tests::workspace_root;

/// `read(checked)` of this year's report (`2024-report.md`) with last
/// year's written into the same folder as `name`: checked alone (last
/// year's read by the index) and with the whole folder (last year's the
/// report the check has just parsed), which must agree.
fn beside_last_year<T: PartialEq + std::fmt::Debug>(
    name: &str,
    bytes: &[u8],
    read: impl Fn(&nianbao_cli::render::Checked) -> T,
) -> T {
    // A folder of its own for each call: the tests run at once.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("nianbao-years-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let years = workspace_root().join("tests/fixtures/years");
    // Named to come after last year's file in path order, so that checking
    // the folder has parsed last year's report first.
    let this_year: PathBuf = dir.join("某某市某某局2024年政府信息公开工作年度报告.md");
    std::fs::copy(years.join("2024-report.md"), &this_year).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
    let [alone, with_folder] = [&this_year, &dir].map(|path| {
        let outcome = nianbao_cli::check_paths(std::slice::from_ref(path), None, None);
        read(
            outcome.results.iter().find(|c| c.display.ends_with("2024年政府信息公开工作年度报告.md")).expect("checked"),
        )
    });
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(alone, with_folder, "{name}: alone and with its folder");
    alone
}

/// The C findings on this year's report beside last year's as `name`.
fn cross_year_codes(name: &str, bytes: Vec<u8>) -> Vec<String> {
    beside_last_year(name, &bytes, |checked| {
        let mut codes: Vec<String> =
            checked.diagnostics.iter().filter(|d| d.code.starts_with('C')).map(|d| d.code.clone()).collect();
        codes.sort();
        codes
    })
}

#[test]
fn last_years_report_is_read_in_every_format() {
    let last_year = std::fs::read_to_string(workspace_root().join("tests/fixtures/years/2023-report.md")).unwrap();
    let expected = cross_year_codes("2023-report.md", last_year.clone().into_bytes());
    assert_eq!(expected, ["C001", "C002"], "the Markdown pair");
    let title = "某某市某某局2023年政府信息公开工作年度报告";
    let pdf = tests::pdf::report_pdf(&last_year, tests::pdf::Style::default()).unwrap().into_bytes();
    let docx = tests::docx::report_docx(&last_year).unwrap();
    let html = tests::html::report_html(&last_year, "utf-8").unwrap().into_bytes();
    assert_eq!(cross_year_codes(&format!("{title}.pdf"), pdf.clone()), expected, "PDF");
    assert_eq!(cross_year_codes(&format!("{title}.docx"), docx), expected, "DOCX");
    assert_eq!(cross_year_codes("page.html", html.clone()), expected, "HTML, found by its title");
    // Read by its bytes, as `check` reads it, whatever its name says: a page
    // saved as `.txt` is a page.
    assert_eq!(cross_year_codes("page.txt", html), expected, "HTML saved as .txt");
    // Downloads keep the name the site stored them under: a PDF is then
    // found by its first page, a Word file by its text.
    assert_eq!(cross_year_codes("P020240131563281837386.pdf", pdf.clone()), expected, "PDF by its first page");
    let docx = tests::docx::report_docx(&last_year).unwrap();
    assert_eq!(cross_year_codes("W020240131563281837386.docx", docx), expected, "DOCX by its text");
    // A PDF whose first page states no agency and year is not found.
    let untitled = last_year.replacen("# 某某市某某局2023年政府信息公开工作年度报告", "# 年度报告", 1);
    assert_ne!(untitled, last_year);
    let untitled = tests::pdf::report_pdf(&untitled, tests::pdf::Style::default()).unwrap().into_bytes();
    assert_eq!(cross_year_codes("scan-0001.pdf", untitled), Vec::<String>::new());
}

/// Each label C001–C003 put in last year's file, as the text shown for that
/// file reads at the label's span, with this year's report checked beside
/// last year's written as `name`. The text shown must be the file's own, so
/// that a label's line is the line its reader sees.
fn labelled_in_last_year(name: &str, bytes: &[u8]) -> Vec<String> {
    beside_last_year(name, bytes, |checked| {
        let mut read = Vec::new();
        for label in checked.diagnostics.iter().flat_map(|d| &d.secondary) {
            let Some(file) = label.file.as_deref() else { continue };
            let (_, text) = checked.others.iter().find(|(other, _)| other == file).expect("the file's text");
            assert_eq!(text.as_bytes(), bytes, "{name}: the text shown is the file");
            read.push(label.span.slice(text).to_string());
        }
        read
    })
}

#[test]
fn labels_in_last_years_page_point_into_the_page() {
    let last_year = std::fs::read_to_string(workspace_root().join("tests/fixtures/years/2023-report.md")).unwrap();
    let in_markdown = labelled_in_last_year("2023-report.md", last_year.as_bytes());
    assert!(!in_markdown.is_empty(), "C001 labels last year's cells");
    // The page's HTML, where its reader looks, reads the same at each label
    // as the Markdown does: the cells, not markup around the projection's
    // offsets.
    let html = tests::html::report_html(&last_year, "utf-8").unwrap();
    assert!(html.len() > last_year.len() * 3 / 2, "markup moves every offset");
    assert_eq!(labelled_in_last_year("page.html", html.as_bytes()), in_markdown);
}
