//! Output formats. Everything here turns byte spans into what the reader
//! counts: 1-based lines, and columns in characters.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use nianbao_model::{ColumnEncoding, Diagnostic, LineIndex, Report, Severity, Span};
use serde::Serialize;

/// One checked file.
#[derive(Debug)]
pub struct Checked {
    pub display: String,
    pub text: String,
    pub report: Report,
    pub diagnostics: Vec<Diagnostic>,
    /// Other files labels point into (last year's report, a summary's parts): (name, text).
    pub others: Vec<(String, String)>,
    /// For an HTML page: the text layout the report was parsed from. `text` is
    /// then the HTML, and diagnostics have been mapped into it.
    pub projection: Option<nianbao_parser::html::Projection>,
}

impl Checked {
    /// The text the report's own spans index: the projection of an HTML page,
    /// else the file's text.
    pub fn report_text(&self) -> &str {
        self.projection.as_ref().map_or(&self.text, |projection| &projection.text)
    }

    /// A report span as a span of `text` (the file as the user has it).
    pub fn to_source(&self, span: nianbao_model::Span) -> nianbao_model::Span {
        self.projection.as_ref().map_or(span, |projection| projection.to_source(span))
    }

    /// The text a label's span is in: this file's, or another file's.
    pub fn text_of(&self, file: Option<&str>) -> &str {
        file.and_then(|name| self.others.iter().find(|(n, _)| n == name)).map_or(&self.text, |(_, text)| text)
    }
}

/// Counts by severity.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(results: &[Checked]) -> Summary {
        let mut summary = Summary { files: results.len(), ..Summary::default() };
        for diagnostic in results.iter().flat_map(|r| &r.diagnostics) {
            match diagnostic.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }
}

/// A 1-based line and character column.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where a span is, for the machine formats.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Location {
    pub start: Position,
    pub end: Position,
    /// The UTF-8 byte range, for tools that slice the decoded text.
    pub byte_start: usize,
    pub byte_end: usize,
}

/// Converts spans of one text.
#[derive(Debug)]
pub struct Locator<'a> {
    text: &'a str,
    index: LineIndex,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Self { text, index: LineIndex::new(text) }
    }

    pub fn position(&self, offset: usize) -> Position {
        let at = self.index.line_col(self.text, offset, ColumnEncoding::Utf32);
        Position { line: at.line + 1, column: at.col + 1 }
    }

    pub fn locate(&self, span: Span) -> Location {
        Location {
            start: self.position(span.start),
            end: self.position(span.end),
            byte_start: span.start,
            byte_end: span.end,
        }
    }
}
