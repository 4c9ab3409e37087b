//! Reads a 政府信息公开工作年度报告 in any plain-text layout into a
//! [`nianbao_model::Report`].
//!
//! **Parsing never fails.** Any input — damaged, truncated, binary — yields a
//! report; what could not be read is absent from it, and the rules of
//! `nianbao_rules` say what is missing. The parser reads no files: callers pass
//! bytes or text.
//!
//! ```
//! let text = "三、收到和处理政府信息公开申请情况\n\
//!             一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n";
//! let report = nianbao_parser::parse(text);
//! let table = report.table(nianbao_model::TableKind::Applications).unwrap();
//! let cell = table.t3(nianbao_model::T3Row::NewReceived, nianbao_model::T3Col::Total).unwrap();
//! assert_eq!(cell.count(), Some(3));
//! assert_eq!(&text[cell.span.start..cell.span.end], "3");
//! ```

mod crawler;
mod decode;
mod directives;
pub mod docx;
pub mod html;
mod labels;
mod lines;
mod metadata;
mod normalize;
mod number;
mod ordinal;
mod outline;
pub mod pdf;
mod projection;
pub mod read;
mod reflow;
mod sections;
mod tables;
mod traditional;

use nianbao_model::{Metadata, Report, SourceInfo};

pub use decode::{decode, decode_prefix};
pub use normalize::normalize_label;
pub use projection::Projection;
pub use read::{Format, ReadReport, read_report};

/// Parses report text. Spans in the result are byte offsets into `text`.
/// A report in traditional script (繁體) is read through a copy in
/// simplified script with the same offsets (see `traditional`).
pub fn parse(text: &str) -> Report {
    if traditional::is_traditional(text) {
        let simplified = traditional::simplify(text);
        let mut report = parse_script(&simplified);
        report.source.len = text.len();
        return report;
    }
    parse_script(text)
}

/// [`parse`] of a text in simplified script.
fn parse_script(text: &str) -> Report {
    let lines = lines::split_lines(text);
    let tables = tables::read_tables(text, &lines);
    let mut sections = sections::read_sections(text, &lines, &tables.consumed);
    let outline = outline::follow_outline(&mut sections.sections);
    let metadata = metadata::read_metadata(text, &sections.preface, &sections.sections);
    Report {
        source: SourceInfo { encoding: "UTF-8".to_string(), had_bom: false, lossy: false, len: text.len() },
        metadata,
        preface: sections.preface,
        sections: sections.sections,
        outline,
        tables: tables.tables,
        suppressions: directives::read_directives(text, &lines),
    }
}

/// What a report states about itself (title, agency, year, dates), read
/// without its tables. For indexing a folder by the first bytes of each
/// report, where a full parse would cost nearly as much as checking it.
/// Table rows read as prose here, which the metadata does not look at.
pub fn parse_metadata(text: &str) -> Metadata {
    metadata_of_lines(text, &lines::split_lines(text))
}

fn metadata_of_lines(text: &str, lines: &[lines::Line]) -> Metadata {
    let sections = sections::read_sections(text, lines, &vec![false; lines.len()]);
    metadata::read_metadata(text, &sections.preface, &sections.sections)
}

/// The agency and year of [`parse_metadata`], read from the preface alone
/// when the title states the year (the usual case), else by
/// [`parse_metadata`]. For indexing a folder of reports by agency and year.
pub fn parse_agency_and_year(text: &str) -> (Option<String>, Option<i32>) {
    let preface = sections::read_preface(text, lines::lines_of(text));
    if let Some((agency, year)) = metadata::title_agency_and_year(text, &preface) {
        return (agency, Some(year));
    }
    let metadata = metadata_of_lines(text, &lines::split_lines(text));
    (metadata.agency.map(|agency| agency.value), metadata.year.map(|year| year.value))
}

/// Reads an HTML page: decoded by its declared charset (else detected as for
/// text), projected into the text layout (see [`html`]) and parsed. Returns
/// the decoded HTML, the projection (whose [`html::Projection::to_source`]
/// maps report spans into the HTML) and the report.
pub fn parse_html_bytes(bytes: &[u8]) -> (String, html::Projection, Report) {
    let (source, info) = match html::declared_charset(bytes) {
        Some(encoding) if encoding != encoding_rs::UTF_8 && encoding_rs::Encoding::for_bom(bytes).is_none() => {
            let (text, lossy) = encoding.decode_without_bom_handling(bytes);
            let info = SourceInfo { encoding: encoding.name().to_string(), had_bom: false, lossy, len: text.len() };
            (text.into_owned(), info)
        }
        _ => decode(bytes),
    };
    let projection = html::project(&source);
    let mut report = parse(&projection.text);
    report.source = info;
    (source, projection, report)
}

/// Reads a DOCX draft: `word/document.xml` projected into the text layout
/// (see [`docx`]) and parsed. Spans in the report index
/// [`docx::Document::text`]; [`docx::Document::place_at`] names the paragraph
/// or cell they are in. A file that cannot be unpacked gives an empty report
/// and [`docx::Document::problem`].
pub fn parse_docx_bytes(bytes: &[u8]) -> (docx::Document, Report) {
    let document = docx::read(bytes);
    let mut report = parse(&document.text);
    report.source = SourceInfo { encoding: "DOCX".to_string(), had_bom: false, lossy: false, len: bytes.len() };
    (document, report)
}

/// Reads a published PDF: its text layer projected into the text layout
/// (see [`pdf`]) and parsed. Spans in the report index
/// [`pdf::Document::text`]; [`pdf::Document::place_at`] names the page, line
/// and cell they are in. A file with no readable text (damaged, encrypted
/// with a password, a scan) gives an empty report and
/// [`pdf::Document::problem`].
pub fn parse_pdf_bytes(bytes: &[u8]) -> (pdf::Document, Report) {
    let document = pdf::read(bytes);
    let mut report = parse(&document.text);
    report.source = SourceInfo { encoding: "PDF".to_string(), had_bom: false, lossy: false, len: bytes.len() };
    (document, report)
}

/// Parses a text document as the CLI and the language server read one: a
/// page as a crawler stored it (a header block, then the body with its line
/// breaks lost) is read with its headings, rows and cells set apart (see
/// `crawler`); a text extracted from a PDF, hard-wrapped at the page width,
/// is read with its wrapped lines joined and its page numbers left out (see
/// `reflow`).
/// The report's spans then index the [`Projection`]'s text, which
/// [`Projection::to_source`] maps back; `None` when the text was read as
/// it is.
pub fn parse_document(text: &str) -> (Report, Option<Projection>) {
    if let Some(crawled) = crawler::project(text) {
        let mut report = parse(&crawled.projection.text);
        crawler::mark_unread(&mut report, &crawled.unread);
        return (report, Some(crawled.projection));
    }
    match reflow::project(text) {
        Some(projection) => (parse(&projection.text), Some(projection)),
        None => (parse(text), None),
    }
}

/// Decodes and parses a file's bytes. Returns the decoded text (which spans
/// point into) with the report.
pub fn parse_bytes(bytes: &[u8]) -> (String, Report) {
    let (text, source) = decode(bytes);
    let mut report = parse(&text);
    report.source = source;
    (text, report)
}

/// The seeds, built in: the core's tests do no IO either.
#[cfg(test)]
pub(crate) const SEEDS: [&[u8]; 5] = [
    include_bytes!("../../../tests/seeds/000_88a8dc7d33e7281e.txt"),
    include_bytes!("../../../tests/seeds/001_0db4d1d337420631.txt"),
    include_bytes!("../../../tests/seeds/002_bf81134e00d6a1b6.txt"),
    include_bytes!("../../../tests/seeds/003_be94cdfbcf579bbe.txt"),
    include_bytes!("../../../tests/seeds/004_fa9e582a0590cf1f.txt"),
];

#[cfg(test)]
mod tests {
    /// The seeds, the example and last year's fixtures, whole and as the
    /// 2 KB heads the folder index reads.
    #[test]
    fn agency_and_year_as_parse_metadata_reads_them() {
        let others: [&[u8]; 3] = [
            include_bytes!("../../../examples/example-report.md"),
            include_bytes!("../../../tests/fixtures/years/2023-report.md"),
            include_bytes!("../../../tests/fixtures/years/2024-report.md"),
        ];
        let no_title = "一、总体情况\n本报告统计期限为2024年1月1日至12月31日。\n";
        let mut texts: Vec<String> = vec![no_title.to_string()];
        for bytes in crate::SEEDS.into_iter().chain(others) {
            texts.push(crate::decode(bytes).0);
            texts.push(crate::decode_prefix(&bytes[..bytes.len().min(2048)]).0);
        }
        for text in &texts {
            let metadata = crate::parse_metadata(text);
            let expected = (metadata.agency.map(|a| a.value), metadata.year.map(|y| y.value));
            assert_eq!(crate::parse_agency_and_year(text), expected, "{}", &text[..text.len().min(120)]);
        }
        assert_eq!(crate::parse_agency_and_year(no_title), (None, Some(2024)));
    }
}
