//! What an audit shows, as data: built once from the checked reports, and
//! then written as a page (`page`), CSV (`csv`) or JSON. The page and
//! `--format json` carry exactly this, so the counts a reviewer reads are the
//! ones tests compare. `nianbao audit` and `nianbao serve` both write them.

pub mod csv;
pub mod page;
mod same;

/// How an audit is written: the page, its CSV, or its data as JSON.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Html,
    Csv,
    Json,
}

impl Format {
    /// The media type of what [`Audit::write`] gives.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Html => "text/html; charset=utf-8",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
        }
    }
}

use std::collections::BTreeMap;

use nianbao_model::{Diagnostic, RowKey, Severity, T3Col, T4Col, TableKind};
use nianbao_rules::format::Sums;
use nianbao_rules::profile::{Figures, Profile};
use serde::Serialize;

use crate::inputs::InputError;
use crate::render::{Checked, Locator, Locators, Origin};

#[derive(Debug, Serialize)]
pub struct Audit {
    pub version: u32,
    /// 「nianbao 0.1.0」: what wrote it.
    pub generator: String,
    pub summary: Summary,
    pub reports: Vec<ReportRow>,
    /// Files that could not be audited, with why.
    pub unreadable: Vec<Unreadable>,
    pub rollup: Rollup,
}

/// The counts at the top of the page.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Files read and checked (`files` in `nianbao check --format json`).
    pub files: usize,
    /// Reports among them: files of the same body and year are one report.
    pub reports: usize,
    /// Files that repeat a report another file holds (a PDF and its Word
    /// draft): `files - reports`.
    pub copies: usize,
    /// Reports (not files) with errors, with warnings.
    pub with_errors: usize,
    pub with_warnings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub unreadable: usize,
    /// Reports published after the deadline, of those whose dates are known.
    pub late: usize,
    /// Findings by rule family: the code's letter (S, T, X, F, P, C).
    pub families: BTreeMap<String, usize>,
    /// Findings by rule code.
    pub codes: BTreeMap<String, usize>,
    /// The rule of each code found, named as a reviewer names it: 「行合计不符」.
    pub titles: BTreeMap<String, &'static str>,
}

#[derive(Debug, Serialize)]
pub struct ReportRow {
    pub path: String,
    /// The body, by its fullest name in the audit (see [`same::fullest_names`]).
    pub agency: Option<String>,
    /// The body as this file names it, when the audit names it more fully.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency_written: Option<String>,
    pub level: Option<nianbao_rules::Level>,
    pub year: Option<i32>,
    pub published: Option<String>,
    pub deadline: Option<String>,
    /// What sets the deadline: 「《条例》第四十九条，本级政府年度报告」.
    pub deadline_basis: Option<String>,
    /// Whether it was published by the deadline; `None` when a date is unknown.
    pub on_time: Option<bool>,
    /// How many days after the deadline it was published.
    pub days_late: Option<i64>,
    /// The file this report is counted by, when this file repeats it (same
    /// body and year): counted once, summed once.
    pub copy_of: Option<String>,
    /// The files that repeat this report.
    pub copies: Vec<Copy>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub figures: Figures,
    pub findings: Vec<Finding>,
}

/// One diagnostic, as a reviewer reads it.
#[derive(Debug, Serialize)]
pub struct Finding {
    pub code: String,
    pub severity: &'static str,
    pub message: String,
    /// 「12:5」, or a DOCX/PDF place 「第4页 第3行 表三 第10列（…）」.
    pub at: String,
    /// The other cells and text it involves, each with where it is.
    pub cells: Vec<Cell>,
    /// The lines around it, as the report reads (markup removed).
    pub context: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// A file that repeats a report.
#[derive(Debug, Serialize)]
pub struct Copy {
    pub path: String,
    /// Whether its tables give the same figures (a PDF read differently
    /// from its Word draft, or an amended version, does not).
    pub same_tables: bool,
}

#[derive(Debug, Serialize)]
pub struct Cell {
    pub label: String,
    pub at: String,
}

#[derive(Debug, Serialize)]
pub struct Unreadable {
    pub path: String,
    pub reason: String,
}

/// Tables 二, 三 and 四 added up over the reports, and a parent report's
/// figures beside the sums.
#[derive(Debug, Default, Serialize)]
pub struct Rollup {
    /// How many reports were added up, each in the tables it gives.
    pub summed: usize,
    /// How many reports each table (「表二」…) adds up: a report whose 表二
    /// cannot be read still gives its 表三 and 表四.
    pub summed_by_table: BTreeMap<&'static str, usize>,
    /// Tables of reports left out of the sum, with why (a missing table, a
    /// row not the template's, a text value); the reason names the table.
    pub excluded: Vec<Unreadable>,
    /// Files not added because they repeat a report that was (see
    /// [`ReportRow::copy_of`]).
    pub copies: Vec<String>,
    /// The parent report compared with the sums, when `--parent` was given.
    pub parent: Option<String>,
    /// Tables the parent is not compared on, because some report was left
    /// out of their sum.
    pub not_compared: Vec<&'static str>,
    /// Figures where the parent differs from the sum.
    pub mismatches: usize,
    pub rows: Vec<RollupRow>,
}

#[derive(Debug, Serialize)]
pub struct RollupRow {
    /// 「表三」.
    pub table: &'static str,
    /// The template's group over the row: 「（三）不予公开」 over 「1.属于国家秘密」.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<&'static str>,
    pub row: String,
    pub column: String,
    pub sum: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<f64>,
}

/// The parent report given with `--parent`: its name and tables (or why
/// they cannot be compared).
#[derive(Debug)]
pub struct Parent {
    pub display: String,
    pub tables: Result<Sums, String>,
}

impl Audit {
    /// The audit written as `format`: `nianbao audit` and the server's
    /// `/api/audit` give the same bytes.
    pub fn write(&self, format: Format) -> String {
        match format {
            Format::Html => page::render(self),
            Format::Csv => csv::render(self),
            Format::Json => serde_json::to_string_pretty(self).expect("serialising plain data cannot fail") + "\n",
        }
    }

    pub fn build(results: &[Checked], unreadable: &[InputError], parent: Option<Parent>) -> Audit {
        let mut reports: Vec<ReportRow> = results.iter().map(report_row).collect();
        name_bodies_fully(&mut reports);
        mark_copies(&mut reports, results);
        let unreadable: Vec<Unreadable> = unreadable
            .iter()
            .map(|error| Unreadable { path: error.display.clone(), reason: error.message.clone() })
            .collect();
        let summary = summarise(results, &reports, unreadable.len());
        let rollup = rollup(results, &reports, parent);
        Audit {
            version: 1,
            generator: format!("nianbao {}", env!("CARGO_PKG_VERSION")),
            summary,
            reports,
            unreadable,
            rollup,
        }
    }
}

/// Each agency by its fullest name in the audit, the name written kept.
fn name_bodies_fully(reports: &mut [ReportRow]) {
    let fullest = same::fullest_names(reports.iter().filter_map(|row| row.agency.as_deref()));
    for row in reports {
        if let Some(full) = row.agency.as_ref().and_then(|agency| fullest.get(agency)) {
            row.agency_written = row.agency.replace(full.clone());
        }
    }
}

/// Files of the same body and year marked as one report, counted by one.
fn mark_copies(reports: &mut [ReportRow], results: &[Checked]) {
    let tables = |index: usize| results[index].profile.as_deref().map(|profile| &profile.tables);
    let files: Vec<same::File<'_>> = reports
        .iter()
        .enumerate()
        .map(|(index, row)| same::File {
            key: row.agency.as_deref().zip(row.year),
            tables_read: matches!(tables(index), Some(Ok(_))),
            path: &row.path,
        })
        .collect();
    let groups = same::copies(&files);
    for same::Copies { kept, others } in groups {
        for other in others {
            let same_tables = matches!((tables(kept), tables(other)), (Some(Ok(a)), Some(Ok(b))) if a == b);
            let path = reports[other].path.clone();
            reports[other].copy_of = Some(reports[kept].path.clone());
            reports[kept].copies.push(Copy { path, same_tables });
        }
    }
}

fn summarise(results: &[Checked], reports: &[ReportRow], unreadable: usize) -> Summary {
    let mut summary = Summary { files: results.len(), unreadable, ..Summary::default() };
    // A report has errors (is late…) when any of its files has: a copy
    // that reads differently must not hide what its other file shows.
    let mut by_report: BTreeMap<&str, (bool, bool, bool)> = BTreeMap::new();
    for row in reports {
        // Findings are counted in every file, each being there to be fixed.
        summary.errors += row.errors;
        summary.warnings += row.warnings;
        summary.infos += row.infos;
        let report = by_report.entry(row.copy_of.as_deref().unwrap_or(&row.path)).or_default();
        report.0 |= row.errors > 0;
        report.1 |= row.warnings > 0;
        report.2 |= row.on_time == Some(false);
    }
    summary.reports = by_report.len();
    summary.copies = summary.files - summary.reports;
    for (errors, warnings, late) in by_report.into_values() {
        summary.with_errors += usize::from(errors);
        summary.with_warnings += usize::from(warnings);
        summary.late += usize::from(late);
    }
    for diagnostic in results.iter().flat_map(|result| &result.diagnostics) {
        let family = diagnostic.code.get(..1).unwrap_or("?").to_string();
        *summary.families.entry(family).or_default() += 1;
        *summary.codes.entry(diagnostic.code.clone()).or_default() += 1;
        if let Some(rule) = nianbao_rules::lookup(&diagnostic.code) {
            summary.titles.insert(diagnostic.code.clone(), rule.meta.title);
        }
    }
    summary
}

fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics.iter().filter(|d| d.severity == severity).count()
}

fn report_row(checked: &Checked) -> ReportRow {
    let profile = checked.profile.as_deref();
    let locators = checked.locators();
    ReportRow {
        path: checked.display.clone(),
        agency: profile.and_then(|p| p.agency.clone()),
        level: profile.and_then(|p| p.level),
        year: profile.and_then(|p| p.year),
        agency_written: None,
        published: profile.and_then(|p| p.published).map(|d| d.to_string()),
        deadline: profile.and_then(|p| p.deadline).map(|d| d.to_string()),
        deadline_basis: profile.and_then(|p| p.deadline_basis.clone()),
        on_time: profile.and_then(Profile::on_time),
        days_late: profile.and_then(Profile::days_late),
        copy_of: None,
        copies: Vec::new(),
        errors: count(&checked.diagnostics, Severity::Error),
        warnings: count(&checked.diagnostics, Severity::Warning),
        infos: count(&checked.diagnostics, Severity::Info),
        figures: profile.map(|p| p.figures).unwrap_or_default(),
        findings: checked.diagnostics.iter().map(|d| finding(checked, &locators, d)).collect(),
    }
}

fn finding(checked: &Checked, locators: &Locators<'_>, diagnostic: &Diagnostic) -> Finding {
    let at = |locator: &Locator<'_>, span| {
        let location = locator.locate(span);
        location.place.unwrap_or_else(|| format!("{}:{}", location.start.line, location.start.column))
    };
    // Cells that carry the same label (the parts of one sum) are one line,
    // with every place.
    let mut cells: Vec<Cell> = Vec::new();
    for label in &diagnostic.secondary {
        let text = checked.text_of(label.file.as_deref());
        let place = match label.file.as_deref() {
            Some(file) => format!("{file} {}", at(locators.of(Some(file)), label.span)),
            None => at(&locators.own, label.span),
        };
        let label = label.message.clone().unwrap_or_else(|| readable(label.span.slice(text)));
        match cells.iter_mut().find(|cell| cell.label == label) {
            Some(cell) => {
                cell.at.push_str(", ");
                cell.at.push_str(&place);
            }
            None => cells.push(Cell { label, at: place }),
        }
    }
    let html = matches!(checked.origin, Origin::Html(_));
    Finding {
        code: diagnostic.code.clone(),
        severity: diagnostic.severity.as_str(),
        message: diagnostic.message.clone(),
        at: at(&locators.own, diagnostic.primary.span),
        cells,
        context: context(&checked.text, diagnostic.primary.span, html),
        help: diagnostic.help.clone(),
    }
}

/// The lines of `text` around `span`: one before, the span's own, one
/// after, each cut to a readable length; an HTML page's markup is removed.
/// Where the span's line is long (a page written on one line), the text on
/// either side of the span within that line instead.
fn context(text: &str, span: nianbao_model::Span, html: bool) -> String {
    const AROUND: usize = 1;
    const WIDTH: usize = 120;
    let start = floor_boundary(text, span.start.min(text.len()));
    let end = floor_boundary(text, span.end.clamp(start, text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let clean = |piece: &str| if html { strip_markup(piece) } else { piece.to_string() };
    if text[line_start..line_end].chars().count() > WIDTH * 2 {
        let before: String = {
            let mut chars: Vec<char> = clean(&text[line_start..start]).chars().rev().take(WIDTH / 2).collect();
            chars.reverse();
            chars.into_iter().collect()
        };
        let after: String = clean(&text[end..line_end]).chars().take(WIDTH / 2).collect();
        let line = format!("…{before}{}{after}…", clean(&text[start..end]));
        return line.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let (mut from, mut to) = (line_start, line_end);
    for _ in 0..AROUND {
        if from > 0 {
            from = text[..from - 1].rfind('\n').map_or(0, |i| i + 1);
        }
        if to < text.len() {
            to = text[to + 1..].find('\n').map_or(text.len(), |i| to + 1 + i);
        }
    }
    clean(&text[from..to])
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let cut: String = line.chars().take(WIDTH).collect();
            if cut.len() < line.len() { cut + "…" } else { cut }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `at`, or the nearest character boundary before it.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A span's text as a label: one line, markup removed, not too long.
fn readable(text: &str) -> String {
    let text = strip_markup(text);
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = line.chars().take(40).collect();
    if cut.len() < line.len() { cut + "…" } else { cut }
}

/// `html` without its tags (a cell's `<td>`), entities left as written.
fn strip_markup(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every value position of the three tables, named: (table, row, column).
fn positions() -> impl Iterator<Item = (RowKey, usize, &'static str, Option<&'static str>, String, String)> {
    TableKind::ALL.into_iter().flat_map(RowKey::rows_of).flat_map(|key| {
        (0..key.value_count()).map(move |index| {
            let (row, column) = match key {
                RowKey::T2(row) => (row.label().to_string(), row.columns()[index].label.to_string()),
                RowKey::T3(row) => (row.label().to_string(), T3Col::ALL[index].label().to_string()),
                RowKey::T4 => {
                    let col = T4Col::ALL[index];
                    (col.group.label().to_string(), col.outcome.label().to_string())
                }
            };
            let group = match key {
                RowKey::T3(row) => row.group().map(|group| group.label()),
                _ => None,
            };
            (key, index, key.table().name(), group, row, column)
        })
    })
}

fn rollup(results: &[Checked], reports: &[ReportRow], parent: Option<Parent>) -> Rollup {
    let mut sums = Sums::default();
    let mut rollup = Rollup::default();
    // Tables some report was left out of: a parent is not compared with them.
    let mut incomplete: Vec<TableKind> = Vec::new();
    for (checked, row) in results.iter().zip(reports) {
        // The parent is compared with the sum, not part of it.
        if parent.as_ref().is_some_and(|parent| parent.display == checked.display) {
            continue;
        }
        if row.copy_of.is_some() {
            rollup.copies.push(checked.display.clone());
            continue;
        }
        let Some(profile) = checked.profile.as_deref() else { continue };
        let mut gave = false;
        for (kind, table) in &profile.each_table {
            match table {
                Ok(table) => {
                    sums.merge(table);
                    *rollup.summed_by_table.entry(kind.name()).or_default() += 1;
                    gave = true;
                }
                Err(why) => {
                    rollup.excluded.push(Unreadable { path: checked.display.clone(), reason: why.clone() });
                    incomplete.push(*kind);
                }
            }
        }
        rollup.summed += usize::from(gave);
    }
    let parent_tables = match parent {
        Some(Parent { display, tables }) => {
            rollup.parent = Some(display.clone());
            rollup.not_compared =
                TableKind::ALL.into_iter().filter(|kind| incomplete.contains(kind)).map(TableKind::name).collect();
            match tables {
                Ok(tables) => Some(tables),
                Err(reason) => {
                    rollup
                        .excluded
                        .push(Unreadable { path: display, reason: format!("上级报告未比较：{reason}") });
                    None
                }
            }
        }
        None => None,
    };
    for (key, index, table, group, row, column) in positions() {
        let sum = sums.get(key, index);
        let complete = !incomplete.contains(&key.table());
        let parent = parent_tables.as_ref().filter(|_| complete).map(|tables| tables.get(key, index));
        rollup.mismatches += usize::from(parent.is_some_and(|parent| (parent - sum).abs() > 1e-9));
        rollup.rows.push(RollupRow { table, group, row, column, sum, parent });
    }
    rollup
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_takes_a_line_either_side_and_strips_markup() {
        let text = "a\nb\n<td>c</td><td>42</td>\nd\ne\n";
        let at = text.find("42").unwrap();
        let span = nianbao_model::Span::new(at, at + 2);
        assert_eq!(context(text, span, true), "b\n c  42\nd");
        assert_eq!(context("only", nianbao_model::Span::new(0, 4), false), "only");
        // A page on one line: the text around the span, not the line's start.
        let page = format!("<p>{}</p><td>42</td><p>{}</p>", "前".repeat(300), "后".repeat(300));
        let at = page.find("42").unwrap();
        let shown = context(&page, nianbao_model::Span::new(at, at + 2), true);
        assert_eq!(shown, format!("…{} 42 {}…", "前".repeat(58), "后".repeat(58)));
    }
}
