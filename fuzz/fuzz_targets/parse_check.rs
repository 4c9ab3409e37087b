//! Any bytes, read as a text report as it is, and in every format of the
//! parser's one list as `nianbao check` reads it (text — a hard-wrapped text
//! or a crawler's page through its projection —, an HTML page, a DOCX file,
//! a PDF), then checked by every rule: no panic, and every span inside its text.
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
    // Plain text read as it is, without the reflow or a crawler's projection.
    let (text, report) = nianbao_parser::parse_bytes(data);
    check_spans(&report, &text);
    // Every format of the one list, as `nianbao check` reads it: a format
    // added to `Format::EXTENSIONS` is fuzzed without a change here.
    let mut formats: Vec<nianbao_parser::Format> = Vec::new();
    for (_, format) in nianbao_parser::Format::EXTENSIONS {
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    for format in formats {
        let read = nianbao_parser::read_report(data, format);
        check_spans(&read.report, read.spans_text());
        if let nianbao_parser::read::Origin::Html(projection) | nianbao_parser::read::Origin::Reflowed(projection) =
            &read.origin
        {
            let mapped = projection.to_source(nianbao_model::Span::new(0, projection.text.len()));
            assert!(mapped.end <= read.text.len());
        }
    }
});
