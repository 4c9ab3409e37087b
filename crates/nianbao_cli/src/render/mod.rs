//! Output formats. Everything here turns byte spans into what the reader
//! counts: 1-based lines, and columns in characters.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

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
    /// checked with [`crate::Reports::Drop`], as `nianbao check` does.
    pub report: Option<Report>,
    /// The report's profile, when checked with [`crate::Reports::Profile`].
    pub profile: Option<Box<nianbao_rules::profile::Profile>>,
    pub diagnostics: Vec<Diagnostic>,
    /// Other files labels point into (last year's report, a summary's parts): (name, text).
    pub others: Vec<(String, std::sync::Arc<str>)>,
    /// What kind of file it was, with what reading it needed.
    pub origin: Origin,
}

/// How a checked file's text relates to the file.
#[derive(Debug, Default)]
pub enum Origin {
    /// `text` is the file's decoded text.
    #[default]
    Text,
    /// `text` is the HTML; the report was parsed from this projection of it,
    /// and diagnostics have been mapped into the HTML.
    Html(nianbao_parser::Projection),
    /// `text` is the file's text, hard-wrapped as extracted from a PDF; the
    /// report was parsed from this projection of it (wrapped lines joined),
    /// and diagnostics have been mapped into the text.
    Reflowed(nianbao_parser::Projection),
    /// `text` is the projection of a DOCX document (there is no text file);
    /// this names the paragraph or cell each span is in.
    Docx {
        document: nianbao_parser::docx::Document,
        /// Each table the report found: its span and name (「表三」), for places.
        tables: Vec<(Span, &'static str)>,
    },
    /// `text` is the projection of a PDF's text layer; this names the page,
    /// line and table cell each span is in.
    Pdf {
        document: nianbao_parser::pdf::Document,
        /// Each table the report found: its span and name (「表三」).
        tables: Vec<(Span, &'static str)>,
    },
}

impl Checked {
    /// The text the report's own spans index: the projection of an HTML page,
    /// else `text`.
    pub fn report_text(&self) -> &str {
        match &self.origin {
            Origin::Html(projection) | Origin::Reflowed(projection) => &projection.text,
            Origin::Text | Origin::Docx { .. } | Origin::Pdf { .. } => &self.text,
        }
    }

    /// A report span as a span of `text`.
    pub fn to_source(&self, span: nianbao_model::Span) -> nianbao_model::Span {
        match &self.origin {
            Origin::Html(projection) | Origin::Reflowed(projection) => projection.to_source(span),
            Origin::Text | Origin::Docx { .. } | Origin::Pdf { .. } => span,
        }
    }

    /// For a DOCX document or a PDF, the place a span of `text` is in, named
    /// as the reader sees it: 「表三 第5行 第2列（「（一）予以公开」一行）」,
    /// 「第12段（「本年度共收到…」）」, 「第3页 第12行」 or
    /// 「第4页 第17行 表三 第4列（「（一）予以公开」一行）」.
    pub fn place(&self, span: Span) -> Option<String> {
        match &self.origin {
            Origin::Docx { document, tables } => Some(docx_place(document, tables, span.start)),
            Origin::Pdf { document, tables } => Some(pdf_place(document, tables, span.start)),
            Origin::Text | Origin::Html(_) | Origin::Reflowed(_) => None,
        }
    }

    /// Drops what no output of `nianbao check` reads: an HTML page's
    /// projection (its diagnostics point into the HTML already), and the
    /// texts of a file without diagnostics (output names it and shows none
    /// of its text). A folder's check then holds the text of the files it
    /// reports on, not of every file: most files of a folder checked in CI
    /// are clean. [`Checked::report_text`] is empty for an HTML page after.
    pub fn shed_unshown(&mut self) {
        if let Origin::Html(projection) | Origin::Reflowed(projection) = &mut self.origin {
            *projection = nianbao_parser::Projection::default();
        }
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

/// The first characters of a text, to name where something is.
fn near(text: &str) -> String {
    let mut near: String = text.chars().take(16).collect();
    if near.len() < text.len() {
        near.push('…');
    }
    near
}

/// Whether a cell's text is words (a row label), not a figure.
fn is_words(text: &&str) -> bool {
    text.chars().any(|c| !c.is_ascii_digit() && !c.is_whitespace() && !".,-".contains(c))
}

/// The name of the report table a projected offset is in (「表三」).
fn table_name(tables: &[(Span, &'static str)], offset: usize) -> Option<&'static str> {
    tables.iter().find(|(span, _)| span.start <= offset && offset <= span.end).map(|(_, name)| *name)
}

/// Names the page, line and table cell of a PDF projection that `offset` is in.
fn pdf_place(document: &nianbao_parser::pdf::Document, tables: &[(Span, &'static str)], offset: usize) -> String {
    let Some(place) = document.place_at(offset) else { return "第1页".to_string() };
    let at = format!("第{}页 第{}行", place.page, place.line);
    let Some((_, column)) = place.cell else { return at };
    let name = table_name(tables, offset).unwrap_or("表格");
    // The row's label: the nearest cell to the left that is words.
    let label = document
        .row_cells(place)
        .filter(|(p, _)| p.cell.is_some_and(|(_, c)| c < column))
        .map(|(_, text)| text)
        .filter(is_words)
        .last();
    match label {
        Some(label) => format!("{at} {name} 第{column}列（「{}」一行）", near(label)),
        None => format!("{at} {name} 第{column}列"),
    }
}

/// Names the paragraph or cell of a DOCX projection that `offset` is in.
fn docx_place(document: &nianbao_parser::docx::Document, tables: &[(Span, &'static str)], offset: usize) -> String {
    use nianbao_parser::docx::Place;
    match document.place_at(offset) {
        Some(Place::Paragraph { index }) => {
            format!("第{index}段（「{}」）", near(document.text_of(Place::Paragraph { index })))
        }
        Some(Place::Cell { table, row, column }) => {
            let name = table_name(tables, offset).map_or_else(|| format!("第{table}个表格"), str::to_string);
            // The row's label: the nearest cell to the left that is words, not a figure.
            let label =
                (1..column).rev().map(|c| document.text_of(Place::Cell { table, row, column: c })).find(is_words);
            match label {
                Some(label) => format!("{name} 第{row}行 第{column}列（「{}」一行）", near(label)),
                None => format!("{name} 第{row}行 第{column}列"),
            }
        }
        None => "文档开头".to_string(),
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
/// it (a finding about last year's report labels a dozen of its cells, and
/// finding its lines for each of them was a tenth of checking a folder of
/// an agency's years).
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
