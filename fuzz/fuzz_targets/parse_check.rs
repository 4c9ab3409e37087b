//! Any bytes, read as a text report (as it is, and as hard-wrapped text
//! with its lines joined where it looks so), an HTML page, a DOCX file and a
//! PDF, then checked by every rule: no panic, and every span inside its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_rules::Config;

fn check_spans(report: &nianbao_model::Report, text: &str) {
    let mut config = Config::default();
    // Every rule on, the ones off by default included.
    for rule in nianbao_rules::RULES {
        config.rules.insert(rule.meta.code, Some(nianbao_model::Severity::Info));
    }
    for diagnostic in nianbao_rules::check(report, &config) {
        for label in std::iter::once(&diagnostic.primary).chain(&diagnostic.secondary) {
            assert!(label.span.start <= label.span.end && label.span.end <= text.len(), "{}: span out of the text", diagnostic.code);
            assert!(text.is_char_boundary(label.span.start) && text.is_char_boundary(label.span.end), "{}: span splits a character", diagnostic.code);
        }
        if let Some(fix) = &diagnostic.fix {
            let _ = nianbao_model::apply_edits(text, &fix.edits);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (text, report) = nianbao_parser::parse_bytes(data);
    check_spans(&report, &text);
    let (html, projection, report) = nianbao_parser::parse_html_bytes(data);
    check_spans(&report, &projection.text);
    let mapped = projection.to_source(nianbao_model::Span::new(0, projection.text.len()));
    assert!(mapped.end <= html.len());
    let (document, report) = nianbao_parser::parse_docx_bytes(data);
    check_spans(&report, &document.text);
    let (report, reflowed) = nianbao_parser::parse_document(&text);
    match &reflowed {
        Some(projection) => {
            check_spans(&report, &projection.text);
            let mapped = projection.to_source(nianbao_model::Span::new(0, projection.text.len()));
            assert!(mapped.end <= text.len());
        }
        None => check_spans(&report, &text),
    }
    let (document, report) = nianbao_parser::parse_pdf_bytes(data);
    check_spans(&report, &document.text);
});
