//! How a report's text relates to the file it was read from: the one place
//! that knows which readings have a projection, and what a span of a DOCX
//! document or a PDF is called where no line and column can name it.

use nianbao_model::{Diagnostic, Report, Span};
use nianbao_parser::{Projection, docx, pdf, read};

/// How a checked file's text (the text diagnostics index) relates to the
/// file, and to the report's own spans.
#[derive(Debug, Default)]
pub enum Origin {
    /// The text is the file's decoded text; the report's spans index it.
    #[default]
    Text,
    /// The text is the HTML; the report was parsed from this projection of
    /// it, and diagnostics are mapped into the HTML.
    Html(Projection),
    /// The text is the file's text as it is (hard-wrapped as extracted from
    /// a PDF, or a page a crawler stored); the report was parsed from this
    /// projection of it, and diagnostics are mapped into the text.
    Reflowed(Projection),
    /// The text is the projection of a DOCX document (there is no text
    /// file); this names the paragraph or cell each span is in.
    Docx {
        document: docx::Document,
        /// Each table the report found: its span and name (「表三」), for places.
        tables: Vec<(Span, &'static str)>,
    },
    /// The text is the projection of a PDF's text layer; this names the
    /// page, line and table cell each span is in.
    Pdf {
        document: pdf::Document,
        /// Each table the report found: its span and name (「表三」).
        tables: Vec<(Span, &'static str)>,
    },
}

impl Origin {
    /// The parser's reading, with the tables of `report` for places.
    pub fn of_reading(reading: read::Origin, report: &Report) -> Self {
        let tables = || report.tables.iter().map(|table| (table.span, table.kind.name())).collect();
        match reading {
            read::Origin::Text => Origin::Text,
            read::Origin::Html(projection) => Origin::Html(projection),
            read::Origin::Reflowed(projection) => Origin::Reflowed(projection),
            read::Origin::Docx(document) => Origin::Docx { document, tables: tables() },
            read::Origin::Pdf(document) => Origin::Pdf { document, tables: tables() },
        }
    }

    /// The projection the report's spans index, if they index one.
    pub fn projection(&self) -> Option<&Projection> {
        match self {
            Origin::Html(projection) | Origin::Reflowed(projection) => Some(projection),
            Origin::Text | Origin::Docx { .. } | Origin::Pdf { .. } => None,
        }
    }

    /// The text the report's own spans index, given the text shown.
    pub fn report_text<'t>(&'t self, text: &'t str) -> &'t str {
        self.projection().map_or(text, |projection| &projection.text)
    }

    /// A report span as a span of the text shown.
    pub fn to_source(&self, span: Span) -> Span {
        self.projection().map_or(span, |projection| projection.to_source(span))
    }

    /// Moves a diagnostic of the report into the text shown. A fix survives
    /// where its edits lie in text copied verbatim (a hard-wrapped text's
    /// joined lines; not an HTML page, whose markup a fix would break), and
    /// never in a DOCX document or a PDF, which are not text files.
    pub fn map_diagnostic(&self, diagnostic: &mut Diagnostic) {
        match self {
            Origin::Html(projection) => projection.map_diagnostic(diagnostic, false),
            Origin::Reflowed(projection) => projection.map_diagnostic(diagnostic, true),
            Origin::Docx { .. } | Origin::Pdf { .. } => diagnostic.fix = None,
            Origin::Text => {}
        }
    }

    /// Drops the projection, once diagnostics point into the text shown
    /// and the report is gone: [`Origin::report_text`] is then the text.
    pub fn shed_projection(&mut self) {
        if let Origin::Html(projection) | Origin::Reflowed(projection) = self {
            *projection = Projection::default();
        }
    }

    /// For a DOCX document or a PDF, the place a span of the text shown is
    /// in, named as the reader sees it: 「表三 第5行 第2列（「（一）予以公开」一行）」,
    /// 「第12段（「本年度共收到…」）」, 「第3页 第12行」 or
    /// 「第4页 第17行 表三 第4列（「（一）予以公开」一行）」.
    pub fn place(&self, span: Span) -> Option<String> {
        match self {
            Origin::Docx { document, tables } => Some(docx_place(document, tables, span.start)),
            Origin::Pdf { document, tables } => Some(pdf_place(document, tables, span.start)),
            Origin::Text | Origin::Html(_) | Origin::Reflowed(_) => None,
        }
    }

    /// For a DOCX document or a PDF, a line of the text shown (starting at
    /// `offset`) named briefly, for a page's margin: its page and its line
    /// on the page (「12」), or its paragraph (「第12段」) or table row
    /// (「表格2 第5行」). A text file's lines are numbered as they are.
    pub fn line_place(&self, offset: usize) -> Option<LinePlace> {
        match self {
            Origin::Pdf { document, .. } => {
                let place = document.place_at(offset)?;
                Some(LinePlace { page: Some(place.page), label: place.line.to_string() })
            }
            Origin::Docx { document, .. } => Some(LinePlace {
                page: None,
                label: match document.place_at(offset)? {
                    docx::Place::Paragraph { index } => format!("第{index}段"),
                    docx::Place::Cell { table, row, .. } => format!("表格{table} 第{row}行"),
                },
            }),
            Origin::Text | Origin::Html(_) | Origin::Reflowed(_) => None,
        }
    }

    /// Whether the text shown is a file's own text, which a fix may edit.
    pub fn is_text_file(&self) -> bool {
        matches!(self, Origin::Text | Origin::Reflowed(_))
    }
}

/// A line of a DOCX document's or a PDF's text, named for a margin (see
/// [`Origin::line_place`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinePlace {
    /// The PDF page the line is on.
    pub page: Option<usize>,
    pub label: String,
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
fn pdf_place(document: &pdf::Document, tables: &[(Span, &'static str)], offset: usize) -> String {
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
fn docx_place(document: &docx::Document, tables: &[(Span, &'static str)], offset: usize) -> String {
    use docx::Place;
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
