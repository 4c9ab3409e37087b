//! Output formats. Everything here turns byte spans into what the reader
//! counts: 1-based lines, and columns in characters.

pub mod export;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
mod windowed;

use nianbao_model::{ColumnEncoding, Diagnostic, LineIndex, Report, Severity, SourceInfo, Span};
use serde::Serialize;

/// One checked file.
#[derive(Debug)]
pub struct Checked {
    pub display: String,
    /// The file's text, as diagnostics' spans index it (empty once shed, see
    /// [`Checked::shed_unshown`]).
    pub text: String,
    /// How the file was read (its encoding).
    pub source: SourceInfo,
    /// The parsed report, for what shows it (`nianbao export`); `None` when
    /// checked with `Reports::Drop` (the CLI's), as `nianbao check` does.
    pub report: Option<Report>,
    /// The report's profile, when checked with `Reports::Profile`.
    pub profile: Option<Box<nianbao_rules::profile::Profile>>,
    pub diagnostics: Vec<Diagnostic>,
    /// Other files labels point into (last year's report, a summary's parts): (name, text).
    pub others: Vec<(String, std::sync::Arc<str>)>,
    /// What kind of file it was, with what reading it needed.
    pub origin: Origin,
    /// The language its findings are written in, which the renderers' own
    /// words (「建议」, the summary line) follow.
    pub lang: nianbao_rules::Lang,
}

pub use crate::origin::Origin;

impl Checked {
    /// The text the report's own spans index: the projection of an HTML page,
    /// else `text`.
    pub fn report_text(&self) -> &str {
        self.origin.report_text(&self.text)
    }

    /// A report span as a span of `text`.
    pub fn to_source(&self, span: nianbao_model::Span) -> nianbao_model::Span {
        self.origin.to_source(span)
    }

    /// For a DOCX document or a PDF, the place a span of `text` is in (see
    /// [`Origin::place`]).
    pub fn place(&self, span: Span) -> Option<String> {
        self.origin.place(span)
    }

    /// Drops what no output of `nianbao check` reads: an HTML page's
    /// projection (its diagnostics point into the HTML already), and the
    /// texts of a file without diagnostics (output names it and shows none
    /// of its text). A folder's check then holds the text of the files it
    /// reports on, not of every file: most files of a folder checked in CI
    /// are clean. [`Checked::report_text`] is empty for an HTML page after.
    pub fn shed_unshown(&mut self) {
        self.origin.shed_projection();
        if self.diagnostics.is_empty() {
            self.text = String::new();
            self.others = Vec::new();
        }
    }

    /// A [`Locator`] for this file's own spans.
    pub fn locator(&self) -> Locator<'_> {
        Locator { text: &self.text, index: std::cell::OnceCell::new(), checked: Some(self) }
    }

    /// Locators for this file's own spans and for each other file's.
    pub fn locators(&self) -> Locators<'_> {
        Locators {
            own: self.locator(),
            others: self.others.iter().map(|(name, text)| (name.as_str(), Locator::new(text))).collect(),
        }
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
#[derive(Clone, Debug, Serialize)]
pub struct Location {
    pub start: Position,
    pub end: Position,
    /// The UTF-8 byte range, for tools that slice the decoded text.
    pub byte_start: usize,
    pub byte_end: usize,
    /// For a DOCX document (which has no text file): the paragraph or cell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// A file's [`Locator`] and those of the other files its labels point
/// into: each text's lines are found once, however many labels point into
/// it: a finding about last year's report labels a dozen of its cells.
#[derive(Debug)]
pub struct Locators<'a> {
    pub own: Locator<'a>,
    others: Vec<(&'a str, Locator<'a>)>,
}

impl<'a> Locators<'a> {
    /// The locator of the file a label is in: `None` is the checked file
    /// (as is a name it does not know, like [`Checked::text_of`]).
    pub fn of(&self, file: Option<&str>) -> &Locator<'a> {
        file.and_then(|name| self.others.iter().find(|(n, _)| *n == name)).map_or(&self.own, |(_, locator)| locator)
    }
}

/// Converts spans of one text.
#[derive(Debug)]
pub struct Locator<'a> {
    text: &'a str,
    /// Built when first asked: most files of a folder have no findings,
    /// and their line breaks need not be found.
    index: std::cell::OnceCell<LineIndex>,
    /// The checked file whose own spans these are (for DOCX places).
    checked: Option<&'a Checked>,
}

impl<'a> Locator<'a> {
    /// A locator for another file's text (last year's report, a part).
    pub fn new(text: &'a str) -> Self {
        Self { text, index: std::cell::OnceCell::new(), checked: None }
    }

    pub fn position(&self, offset: usize) -> Position {
        let index = self.index.get_or_init(|| LineIndex::new(self.text));
        let at = index.line_col(self.text, offset, ColumnEncoding::Utf32);
        Position { line: at.line + 1, column: at.col + 1 }
    }

    pub fn locate(&self, span: Span) -> Location {
        Location {
            start: self.position(span.start),
            end: self.position(span.end),
            byte_start: span.start,
            byte_end: span.end,
            place: self.checked.and_then(|checked| checked.place(span)),
        }
    }
}
