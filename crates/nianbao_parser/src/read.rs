//! A report file's bytes, read in the format they are in: the one reader
//! that `nianbao check` and the folder index (which reads last year's
//! report) share, so that last year's report is read exactly as a check
//! would read it.
//!
//! Which file the bytes came from is the caller's business; this module
//! sees only its extension, if it has one.

use nianbao_model::{Bilingual, Lang, Report, SourceInfo, bilingual};

use crate::{Projection, docx, html, pdf};

/// The formats a report file comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown, in any encoding.
    Text,
    /// A published HTML page.
    Html,
    /// A Word/WPS draft.
    Docx,
    /// A published PDF.
    Pdf,
}

impl Format {
    /// Every report file extension nianbao reads, and its format: the one
    /// list. Folders are walked for these, the folder index and the language
    /// server look at these, and a test ties the editors' file types to the
    /// text ones.
    pub const EXTENSIONS: [(&'static str, Format); 7] = [
        ("txt", Format::Text),
        ("md", Format::Text),
        ("markdown", Format::Text),
        ("html", Format::Html),
        ("htm", Format::Html),
        ("docx", Format::Docx),
        ("pdf", Format::Pdf),
    ];

    /// What a file of this format is, for a message: 「a PDF file」, 「PDF 文件」.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Format::Text => lang.pick("a text or Markdown file", "文本或 Markdown 文件"),
            Format::Html => lang.pick("an HTML page", "HTML 网页"),
            Format::Docx => lang.pick("a DOCX document", "DOCX 文档"),
            Format::Pdf => lang.pick("a PDF file", "PDF 文件"),
        }
    }

    /// The format a file extension names (any case), for a caller that
    /// chooses files by name: `None` for an extension that names no report.
    pub fn of_extension(extension: &str) -> Option<Self> {
        // Compared without a lowercased copy: this runs several times for
        // every file of a folder (walking it, indexing it, reading it).
        Self::EXTENSIONS.iter().find(|(name, _)| extension.eq_ignore_ascii_case(name)).map(|&(_, format)| format)
    }

    /// The format of a file's bytes: an extension naming a page, a draft or
    /// a PDF decides; otherwise the first bytes do (a PDF or a DOCX saved as
    /// `.txt`, a page without an extension), and text is the default.
    pub fn detect(extension: Option<&str>, bytes: &[u8]) -> Self {
        match extension.and_then(Self::of_extension) {
            Some(format @ (Self::Html | Self::Docx | Self::Pdf)) => format,
            _ if pdf::looks_like_pdf(bytes) => Self::Pdf,
            _ if docx::looks_like_zip(bytes) => Self::Docx,
            _ if html::looks_like_html(bytes) => Self::Html,
            _ => Self::Text,
        }
    }
}

/// How the text read relates to the report's spans.
#[derive(Debug)]
pub enum Origin {
    /// The report's spans index the decoded text.
    Text,
    /// The text is the decoded HTML; the spans index this projection of it.
    Html(Projection),
    /// The text was hard-wrapped as extracted from a PDF; the spans index
    /// this projection of it, its wrapped lines joined.
    Reflowed(Projection),
    /// The text is the projection of a DOCX document, which names the
    /// paragraph or cell each span is in.
    Docx(docx::Document),
    /// The text is the projection of a PDF's text layer, which names the
    /// page, line and cell each span is in.
    Pdf(pdf::Document),
}

/// A report file, read.
#[derive(Debug)]
pub struct ReadReport {
    /// The text nianbao shows: the decoded file for text and HTML, the
    /// projection of a DOCX or PDF document.
    pub text: String,
    pub report: Report,
    pub origin: Origin,
    /// Why the file cannot be read as a report, if it cannot: an unreadable
    /// DOCX or PDF (damaged, encrypted, a scan), or binary bytes posing as
    /// text. The report is then empty or meaningless. In both languages:
    /// the caller picks the one it speaks.
    pub problem: Option<Bilingual>,
}

impl ReadReport {
    /// The text the report's spans index.
    pub fn spans_text(&self) -> &str {
        match &self.origin {
            Origin::Html(projection) | Origin::Reflowed(projection) => &projection.text,
            Origin::Text | Origin::Docx(_) | Origin::Pdf(_) => &self.text,
        }
    }
}

/// Reads `bytes` as `format`: decoded, projected into the text layout where
/// the format needs it, and parsed. Never fails: what cannot be read is
/// [`ReadReport::problem`].
pub fn read_report(bytes: &[u8], format: Format) -> ReadReport {
    let (text, report, origin, problem) = match format {
        Format::Docx => {
            let (document, report) = crate::parse_docx_bytes(bytes);
            let problem = document.problem.clone();
            (document.text.clone(), report, Origin::Docx(document), problem)
        }
        Format::Pdf => {
            let (document, report) = crate::parse_pdf_bytes(bytes);
            let problem = document.problem.clone();
            (document.text.clone(), report, Origin::Pdf(document), problem)
        }
        Format::Html => {
            let (html, projection, report) = crate::parse_html_bytes(bytes);
            let problem = is_binary(bytes, &report.source).then(not_text);
            (html, report, Origin::Html(projection), problem)
        }
        Format::Text => {
            let (text, source) = crate::decode(bytes);
            let (mut report, projection) = crate::parse_document(&text);
            report.source = source;
            let problem = is_binary(bytes, &report.source).then(not_text);
            (text, report, projection.map_or(Origin::Text, Origin::Reflowed), problem)
        }
    };
    ReadReport { text, report, origin, problem }
}

fn not_text() -> Bilingual {
    bilingual!("not a text file", "不是文本文件")
}

/// Whether decoded bytes were binary rather than text: NUL bytes that are not
/// the zero halves of UTF-16. (DOCX and PDF files are binary by nature.)
pub fn is_binary(bytes: &[u8], source: &SourceInfo) -> bool {
    // memchr's SIMD search: `contains` reads a word at a time, and this
    // runs over every byte of every file.
    memchr::memchr(0, bytes).is_some() && !source.encoding.starts_with("UTF-16")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_extension_naming_a_document_decides_and_bytes_decide_the_rest() {
        let pdf = b"%PDF-1.7\n";
        assert_eq!(Format::detect(Some("HTML"), pdf), Format::Html);
        assert_eq!(Format::detect(Some("txt"), pdf), Format::Pdf);
        assert_eq!(Format::detect(None, b"PK\x03\x04"), Format::Docx);
        assert_eq!(Format::detect(Some("md"), "# 年度报告".as_bytes()), Format::Text);
        assert_eq!(Format::of_extension("csv"), None);
    }

    #[test]
    fn binary_bytes_posing_as_text_are_a_problem_and_utf16_is_not() {
        // An executable's header: runs of NUL bytes, not every other byte.
        let binary = read_report(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00", Format::Text);
        let problem = binary.problem.unwrap();
        assert_eq!((problem.pick(Lang::En), problem.pick(Lang::Zh)), ("not a text file", "不是文本文件"));
        let utf16: Vec<u8> = "\u{feff}年度报告".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(read_report(&utf16, Format::Text).problem, None);
    }

    #[test]
    fn a_page_s_spans_index_its_projection() {
        let read = read_report("<html><body><p>一、总体情况</p></body></html>".as_bytes(), Format::Html);
        assert!(read.text.starts_with("<html>"));
        assert!(!read.spans_text().contains('<'));
        assert!(read.spans_text().contains("一、总体情况"));
    }
}
