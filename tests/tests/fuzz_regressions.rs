//! Every input the fuzzers crashed on (`tests/fixtures/fuzz/`, one file per
//! crash, named after what it broke) goes through what the `parse_check`
//! target runs: read as text (as it is and reflowed), HTML, DOCX and PDF,
//! checked by every rule.

use nianbao_rules::Config;
use tests::workspace_root;

fn all_rules() -> Config {
    let mut config = Config::default();
    for rule in nianbao_rules::RULES {
        config.rules.insert(rule.meta.code, Some(nianbao_model::Severity::Info));
    }
    config
}

#[test]
fn inputs_that_once_crashed_are_read_and_checked() {
    let dir = workspace_root().join("tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let (text, report) = nianbao_parser::parse_bytes(&bytes);
        let (_, projection, html_report) = nianbao_parser::parse_html_bytes(&bytes);
        let (document, docx_report) = nianbao_parser::parse_docx_bytes(&bytes);
        let (pdf, pdf_report) = nianbao_parser::parse_pdf_bytes(&bytes);
        let (reflowed_report, reflowed) = nianbao_parser::parse_document(&text);
        let reflowed_text = reflowed.map_or_else(|| text.clone(), |projection| projection.text);
        for (report, text) in [
            (report, text),
            (html_report, projection.text),
            (docx_report, document.text),
            (pdf_report, pdf.text),
            (reflowed_report, reflowed_text),
        ] {
            for diagnostic in nianbao_rules::check(&report, &all_rules()) {
                assert!(diagnostic.primary.span.end <= text.len(), "{}: span out of the text", diagnostic.code);
            }
        }
        seen += 1;
    }
    assert!(seen >= 1, "the regression inputs are there");
}
