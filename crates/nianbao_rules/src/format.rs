//! Canonical text for `nianbao fmt` and `nianbao aggregate`: the tables as
//! aligned GFM tables and the section headings as the template writes them.
//! Prose is never touched, and neither is a value: a table whose shape is not
//! the template's (a missing row, a cell too many) is left as it is and said
//! so, since rewriting it would mean guessing where its values belong.

use std::collections::BTreeMap;

use nianbao_model::{CellValue, Edit, Report, RowKey, Span, Table, TableKind, apply_edits};

pub use crate::facts::show;
use crate::skeleton::table_markdown_with;

/// The result of formatting one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formatted {
    pub text: String,
    /// What was left unformatted, and why: 「表三: 「2.重复申请」 has 6 values, the template has 7」.
    pub skipped: Vec<String>,
}

/// Rewrites `report`'s tables and section headings canonically.
pub fn format_report(text: &str, report: &Report) -> Formatted {
    let mut edits = Vec::new();
    let mut skipped = Vec::new();
    let crlf = text.contains("\r\n");
    for table in &report.tables {
        match table_edit(text, table, crlf) {
            Ok(edit) => edits.extend(edit),
            Err(why) => skipped.push(format!("{}: {why}", table.kind.name())),
        }
    }
    for section in &report.sections {
        let Some(kind) = section.kind else { continue };
        let canonical = kind.heading();
        if section.heading_span.slice(text) != canonical {
            edits.push(Edit::replace(section.heading_span, canonical));
        }
    }
    Formatted { text: apply_edits(text, &edits), skipped }
}

/// The value cells of a table with the template's shape, as written, by
/// template position.
pub fn table_values(table: &Table) -> Result<BTreeMap<(RowKey, usize), String>, String> {
    let mut values = BTreeMap::new();
    for row in &table.rows {
        let label = row.label.as_ref().map_or("(no label)", |label| &*label.text);
        let Some(key) = row.key else {
            if row.cells.iter().any(|cell| cell.value != CellValue::Blank) {
                return Err(format!("「{label}」 is not a row of the template"));
            }
            continue;
        };
        if row.cells.len() != key.value_count() {
            return Err(format!("「{label}」 has {} values, the template has {}", row.cells.len(), key.value_count()));
        }
        for (index, cell) in row.cells.iter().enumerate() {
            if values.insert((key, index), cell.raw.to_string()).is_some() {
                return Err(format!("「{label}」 appears twice"));
            }
        }
    }
    if let Some(missing) = RowKey::rows_of(table.kind).into_iter().find(|key| !values.contains_key(&(*key, 0))) {
        return Err(format!("「{}」 is missing", missing.label()));
    }
    Ok(values)
}

/// The edit replacing the lines of `table` with its canonical text.
fn table_edit(text: &str, table: &Table, crlf: bool) -> Result<Option<Edit>, String> {
    let values = table_values(table)?;
    let lines = whole_lines(text, table.span);
    if lines.slice(text).contains("<!--") {
        return Err("it contains a comment (such as a nianbao directive), which formatting would lose".to_string());
    }
    let mut canonical =
        table_markdown_with(table.kind, &|key, index| values.get(&(key, index)).cloned().unwrap_or_default());
    // A GFM table needs a blank line before it, and one after keeps it apart
    // from the next paragraph.
    if lines.start > 0 && !text[..lines.start].ends_with("\n\n") && !text[..lines.start].ends_with("\r\n\r\n") {
        canonical.insert(0, '\n');
    }
    let rest = &text[lines.end..];
    if !rest.is_empty() && !rest.starts_with(['\n', '\r']) {
        canonical.push('\n');
    }
    if crlf {
        canonical = canonical.replace('\n', "\r\n");
    }
    if lines.slice(text) == canonical {
        return Ok(None);
    }
    Ok(Some(Edit::replace(lines, canonical)))
}

/// `span` widened to whole lines, with the last line's terminator.
fn whole_lines(text: &str, span: Span) -> Span {
    let start = text[..span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = match text[span.end..].find(['\n', '\r']) {
        Some(i) => {
            let at = span.end + i;
            if text[at..].starts_with("\r\n") { at + 2 } else { at + 1 }
        }
        None => text.len(),
    };
    Span::new(start, end)
}

/// The sums of tables 二, 三 and 四 over several reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sums {
    values: BTreeMap<(RowKey, usize), f64>,
}

impl Sums {
    /// Adds `report`'s tables, all or none: an error names the table and
    /// what keeps it from being added (a missing table, a malformed row, a
    /// text value), and nothing of the report is added then.
    pub fn add(&mut self, report: &Report) -> Result<(), String> {
        let mut added = Sums::default();
        added.add_tables(report)?;
        self.merge(&added);
        Ok(())
    }

    fn add_tables(&mut self, report: &Report) -> Result<(), String> {
        for kind in TableKind::ALL {
            let table = report.table(kind).ok_or_else(|| format!("{} is missing", kind.name()))?;
            let values = table_values(table).map_err(|why| format!("{}: {why}", kind.name()))?;
            for (&(key, index), raw) in &values {
                let cell = table.cell(key, index);
                let number = cell.and_then(nianbao_model::Cell::number).ok_or_else(|| {
                    format!("{}: 「{}」 has the value 「{raw}」, which is not a number", kind.name(), key.label())
                })?;
                *self.values.entry((key, index)).or_default() += number;
            }
        }
        Ok(())
    }

    /// Adds the sums of other reports.
    pub fn merge(&mut self, other: &Sums) {
        for (&at, &value) in &other.values {
            *self.values.entry(at).or_default() += value;
        }
    }

    pub fn get(&self, key: RowKey, index: usize) -> f64 {
        self.values.get(&(key, index)).copied().unwrap_or(0.0)
    }

    /// The three tables under their section headings, in Markdown.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for kind in TableKind::ALL {
            out += &format!("## {}\n\n", kind.section().heading());
            out += &table_markdown_with(kind, &|key, index| show(self.get(key, index)));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> String {
        include_str!("../../../examples/example-report.md").to_string()
    }

    #[test]
    fn formatting_is_idempotent_and_keeps_every_value() {
        let text = example();
        let once = format_report(&text, &nianbao_parser::parse(&text));
        assert!(once.skipped.is_empty(), "{:?}", once.skipped);
        let twice = format_report(&once.text, &nianbao_parser::parse(&once.text));
        assert_eq!(once.text, twice.text);
        for kind in TableKind::ALL {
            let before = table_values(nianbao_parser::parse(&text).table(kind).unwrap()).unwrap();
            let after = table_values(nianbao_parser::parse(&once.text).table(kind).unwrap()).unwrap();
            assert_eq!(before, after, "{kind:?}");
        }
    }

    #[test]
    fn a_table_with_a_missing_cell_is_left_alone() {
        let text =
            example().replace("| 2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "| 2.重复申请 | 1 | 0 | 0 | 0 | 0 | 1 |");
        let formatted = format_report(&text, &nianbao_parser::parse(&text));
        assert_eq!(formatted.skipped, ["表三: 「2.重复申请」 has 6 values, the template has 7"]);
        assert!(formatted.text.contains("| 2.重复申请 | 1 | 0 | 0 | 0 | 0 | 1 |"));
    }

    #[test]
    fn sums_add_integers_and_fees() {
        let text = example();
        let report = nianbao_parser::parse(&text);
        let mut sums = Sums::default();
        sums.add(&report).unwrap();
        sums.add(&report).unwrap();
        assert_eq!(sums.get(RowKey::T3(nianbao_model::T3Row::NewReceived), 6), 44.0);
        assert_eq!(show(sums.get(RowKey::T2(nianbao_model::T2Row::Fees), 0)), "25");
        assert_eq!(show(0.1 + 0.2), "0.3");
    }
}
