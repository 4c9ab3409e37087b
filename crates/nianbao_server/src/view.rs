//! What the page shows of one report (`POST /api/view`): the JSON of
//! `nianbao check` for it, and beside it what a reader needs to see the
//! findings in place: the text nianbao read, each finding's marks in it and
//! the arithmetic behind it, the report's metadata and its three tables as
//! read, and, for a text file, the file with the safe fixes applied.
//!
//! Every offset here counts UTF-16 code units of `text`, as a browser's
//! strings do, so the page slices the text without converting.

use std::collections::BTreeMap;
use std::sync::Mutex;

use nianbao_model::{Diagnostic, Label, Report, RowKey, Span, T3Col, T4Col, T4Group, TableKind};
use nianbao_rules::{Config, Identity};
use nianbao_workspace::related::FolderIndex;
use nianbao_workspace::render::json;
use nianbao_workspace::{Analysed, Origin};
use serde::Serialize;

/// One report as the page shows it.
#[derive(Debug, Serialize)]
pub struct View {
    /// Exactly what `POST /api/check` answers for the same file.
    pub check: serde_json::Value,
    /// The text nianbao read: a text file as it is; the text of an HTML
    /// page, a DOCX document or a PDF as projected (not the markup).
    pub text: String,
    /// For a DOCX document or a PDF, each line of `text` named for the
    /// margin (its page and line, paragraph or table row); else empty, and
    /// lines are numbered.
    pub lines: Vec<LineView>,
    /// One per diagnostic of `check`, in the same order.
    pub findings: Vec<FindingView>,
    /// Every identity of tables 三 and 四 that could be computed.
    pub identities: Vec<IdentityView>,
    pub metadata: MetadataView,
    pub tables: Vec<TableView>,
    /// For a text file with safe fixes: the file with them applied.
    pub fixed: Option<FixedView>,
}

/// A line of a DOCX document's or a PDF's text.
#[derive(Debug, Serialize)]
pub struct LineView {
    pub page: Option<usize>,
    pub label: String,
}

/// `[start, end)` in UTF-16 code units of [`View::text`].
pub type Range = [usize; 2];

#[derive(Debug, Serialize)]
pub struct FindingView {
    /// The rule's name: 「row-total」.
    pub name: &'static str,
    /// The rule as a reviewer names it: 「行合计不符」.
    pub title: &'static str,
    /// Where the finding is, `None` when it is in another file.
    pub primary: Option<Range>,
    /// Its other labels in this text.
    pub related: Vec<Range>,
    /// The cells of the identities the finding is about.
    pub cells: Vec<Range>,
    /// Those identities computed: 「总计 6 ≠ 自然人 4 + 商业企业 1 + … = 5」.
    pub arithmetic: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct IdentityView {
    pub describe: String,
    pub holds: bool,
    pub cells: Vec<Range>,
}

#[derive(Debug, Serialize)]
pub struct MetadataView {
    pub title: Option<String>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub publish_date: Option<String>,
    pub statistics_period: Option<String>,
}

/// A table as nianbao read it, in the template's rows.
#[derive(Debug, Serialize)]
pub struct TableView {
    /// 「表二」.
    pub name: &'static str,
    /// Whether the report has the table at all.
    pub found: bool,
    pub rows: Vec<RowView>,
}

#[derive(Debug, Serialize)]
pub struct RowView {
    /// The template's label (for table 四, a group's).
    pub label: &'static str,
    /// The label as written, when the row was found.
    pub written: Option<String>,
    /// The template's columns for the row.
    pub columns: Vec<String>,
    /// The values as read, in order; empty when the row was not found.
    pub cells: Vec<CellView>,
}

#[derive(Debug, Serialize)]
pub struct CellView {
    pub text: String,
    pub at: Range,
}

#[derive(Debug, Serialize)]
pub struct FixedView {
    pub text: String,
    /// The file's encoding (「UTF-8」, 「UTF-8 BOM」, 「GB18030」): the page
    /// offers a file in any other than plain UTF-8 through `POST /api/fix`,
    /// which writes it so.
    pub encoding: String,
    /// How many fixes of each rule were applied.
    pub applied: BTreeMap<String, usize>,
}

/// The view of one file named `name` holding `bytes`; `Err` says why it
/// cannot be read as a report (as [`crate::checked_json`] does).
pub fn view(name: &str, bytes: &[u8], config: &Config) -> Result<View, String> {
    let index = Mutex::new(FolderIndex::default());
    let analysed = crate::read_report(name, bytes, config, &index)?;
    let fixed = fixed(&analysed, config, &index)?;
    let shown = Shown::of(&analysed);
    let identities = nianbao_rules::identities(&analysed.report);
    let findings = analysed.diagnostics.iter().map(|diagnostic| finding(&shown, &identities, diagnostic)).collect();
    let identities = identities
        .iter()
        .map(|identity| IdentityView {
            describe: identity.describe(),
            holds: identity.holds(),
            cells: identity.cells().map(|term| shown.report_range(term.cell.span)).collect(),
        })
        .collect();
    let metadata = metadata(&analysed.report, shown.report_text);
    let tables = TableKind::ALL.iter().map(|&kind| table(&shown, &analysed.report, kind)).collect();
    let lines = lines(&analysed.origin, shown.text);
    let text = shown.text.to_string();
    drop(shown);
    let mut checked = analysed.into_checked(name.to_string());
    checked.report = None;
    checked.shed_unshown();
    let check = serde_json::from_str(&json::render(std::slice::from_ref(&checked))).expect("the JSON of check is JSON");
    Ok(View { check, text, lines, findings, identities, metadata, tables, fixed })
}

/// The text file with its safe fixes applied, when it has any.
fn fixed(analysed: &Analysed, config: &Config, index: &Mutex<FolderIndex>) -> Result<Option<FixedView>, String> {
    let safe = |diagnostic: &Diagnostic| {
        diagnostic.fix.as_ref().is_some_and(|fix| fix.applicability == nianbao_model::Applicability::Safe)
    };
    if !analysed.origin.is_text_file() || !analysed.diagnostics.iter().any(safe) {
        return Ok(None);
    }
    let fixed = nianbao_workspace::fixes::apply_fixes(analysed, config, None, index, false)?;
    // A UTF-8 file with a byte-order mark keeps it: the page asks the server
    // for the file, as for any encoding but plain UTF-8.
    let source = &analysed.report.source;
    // UTF-16 cannot be written back: the page offers the fixed text in UTF-8.
    let encoding = match source.encoding.as_str() {
        utf16 if utf16.starts_with("UTF-16") => "UTF-8".to_string(),
        encoding if source.had_bom => format!("{encoding} BOM"),
        encoding => encoding.to_string(),
    };
    Ok(Some(FixedView { text: fixed.text, applied: fixed.applied, encoding }))
}

/// The text shown and how spans of the report and of the findings become
/// ranges of it.
struct Shown<'a> {
    /// What the page shows.
    text: &'a str,
    /// What the report's spans index.
    report_text: &'a str,
    origin: &'a Origin,
    /// Whether the text shown is the HTML's projection, into which the
    /// findings (which point into the HTML) are taken back.
    html: bool,
    /// UTF-16 offset of each byte offset of `text` (a byte inside a
    /// character counts as the character's start).
    utf16: Vec<usize>,
}

impl<'a> Shown<'a> {
    fn of(analysed: &'a Analysed) -> Self {
        let html = matches!(analysed.origin, Origin::Html(_));
        let report_text = analysed.origin.report_text(&analysed.text);
        let text = if html { report_text } else { analysed.text.as_str() };
        let mut utf16 = Vec::with_capacity(text.len() + 1);
        let mut units = 0;
        for c in text.chars() {
            utf16.extend(std::iter::repeat_n(units, c.len_utf8()));
            units += c.len_utf16();
        }
        utf16.push(units);
        Self { text, report_text, origin: &analysed.origin, html, utf16 }
    }

    fn range(&self, span: Span) -> Range {
        let at = |offset: usize| self.utf16[offset.min(self.utf16.len() - 1)];
        [at(span.start), at(span.end)]
    }

    /// A span of the report's text.
    fn report_range(&self, span: Span) -> Range {
        self.range(if self.html { span } else { self.origin.to_source(span) })
    }

    /// A span of a finding (of the file's text: the HTML for a page).
    fn finding_range(&self, span: Span) -> Range {
        match self.origin.projection() {
            Some(projection) if self.html => self.range(projection.to_projected(span)),
            _ => self.range(span),
        }
    }
}

fn finding(shown: &Shown<'_>, identities: &[Identity<'_>], diagnostic: &Diagnostic) -> FindingView {
    let own = |label: &&Label| label.file.is_none();
    let primary = Some(&diagnostic.primary).filter(own).map(|label| shown.finding_range(label.span));
    let related: Vec<Range> =
        diagnostic.secondary.iter().filter(own).map(|label| shown.finding_range(label.span)).collect();
    // The identities that fail at the cell the finding points at: T301–T303
    // and T401 point at a total (its parts, labelled, take part in other
    // identities, which are other findings).
    let mut cells = Vec::new();
    let mut arithmetic = Vec::new();
    for identity in identities.iter().filter(|identity| !identity.holds()) {
        let ranges: Vec<Range> = identity.cells().map(|term| shown.report_range(term.cell.span)).collect();
        if primary.is_some_and(|mark| ranges.iter().any(|range| overlaps(*range, mark))) {
            arithmetic.push(identity.describe());
            cells.extend(ranges);
        }
    }
    let meta = nianbao_rules::lookup(&diagnostic.code).map(|rule| &rule.meta);
    let (name, title) = meta.map_or(("", ""), |meta| (meta.name, meta.title));
    FindingView { name, title, primary, related, cells, arithmetic }
}

/// Whether two ranges share a character (an empty one: touches the other).
fn overlaps(a: Range, b: Range) -> bool {
    a[0] < b[1] && b[0] < a[1] || (a[0] == a[1] || b[0] == b[1]) && a[0] >= b[0] && a[0] <= b[1]
}

fn metadata(report: &Report, report_text: &str) -> MetadataView {
    let metadata = &report.metadata;
    MetadataView {
        title: metadata.title.as_ref().map(|title| title.value.clone()),
        agency: metadata.agency.as_ref().map(|agency| agency.value.clone()),
        year: metadata.year.as_ref().map(|year| year.value),
        publish_date: metadata.publish_date.as_ref().map(|date| date.value.to_string()),
        statistics_period: metadata.statistics_period.as_ref().map(|period| period.span.slice(report_text).to_string()),
    }
}

fn table(shown: &Shown<'_>, report: &Report, kind: TableKind) -> TableView {
    let table = report.table(kind);
    let cells_of = |cells: &mut dyn Iterator<Item = &nianbao_model::Cell>| -> Vec<CellView> {
        cells.map(|cell| CellView { text: cell.raw.to_string(), at: shown.report_range(cell.span) }).collect()
    };
    let mut rows = Vec::new();
    for key in RowKey::rows_of(kind) {
        let row = table.and_then(|table| table.row(key));
        let written = row.and_then(|row| row.label.as_ref()).map(|label| label.text.to_string());
        match key {
            RowKey::T4 => {
                // One row of 15 values, shown as its three groups.
                for group in T4Group::ALL {
                    let columns: Vec<T4Col> = T4Col::ALL.into_iter().filter(|col| col.group == group).collect();
                    let cells = row.map_or_else(Vec::new, |row| {
                        cells_of(&mut columns.iter().filter_map(|col| row.cells.get(col.index())))
                    });
                    let columns = columns.iter().map(|col| col.outcome.label().to_string()).collect();
                    rows.push(RowView { label: group.label(), written: None, columns, cells });
                }
            }
            RowKey::T2(t2) => {
                let columns = t2.columns().iter().map(|col| col.label.to_string()).collect();
                let cells = row.map_or_else(Vec::new, |row| cells_of(&mut row.cells.iter()));
                rows.push(RowView { label: key.label(), written, columns, cells });
            }
            RowKey::T3(_) => {
                let columns = T3Col::ALL.iter().map(|col| col.label().to_string()).collect();
                let cells = row.map_or_else(Vec::new, |row| cells_of(&mut row.cells.iter()));
                rows.push(RowView { label: key.label(), written, columns, cells });
            }
        }
    }
    TableView { name: kind.name(), found: table.is_some(), rows }
}

/// For a DOCX document or a PDF, each line of the text named.
fn lines(origin: &Origin, text: &str) -> Vec<LineView> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let Some(place) = origin.line_place(start) else { return Vec::new() };
        lines.push(LineView { page: place.page, label: place.label });
        start += line.len();
    }
    lines
}
