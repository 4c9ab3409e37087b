//! Canonical text for `nianbao fmt` and `nianbao aggregate`: the tables as
//! aligned GFM tables and the section headings as the template writes them.
//! Prose is never touched, and neither is a value: a table whose shape is not
//! the template's (a missing row, a cell too many) is left as it is and said
//! so, since rewriting it would mean guessing where its values belong.

use std::collections::BTreeMap;

use nianbao_model::{Bilingual, CellValue, Edit, Report, RowKey, Span, Table, TableKind, apply_edits, bilingual};

use crate::lang::Lang;
use crate::t;

pub use crate::facts::show;
use crate::skeleton::table_markdown_with;

/// The result of formatting one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formatted {
    pub text: String,
    /// What was left unformatted, and why, in the language asked for:
    /// 「表三: 「2.重复申请」 has 6 values, the template has 7」.
    pub skipped: Vec<String>,
}

/// Rewrites `report`'s tables and section headings canonically; what is
/// left as written is said in `lang`.
pub fn format_report(text: &str, report: &Report, lang: Lang) -> Formatted {
    let mut edits = Vec::new();
    let mut skipped = Vec::new();
    let crlf = text.contains("\r\n");
    for table in &report.tables {
        match table_edit(text, table, crlf) {
            Ok(edit) => edits.extend(edit),
            Err(why) => skipped.push(
                t!(lang, "{table}: {why}", "{table}：{why}", table = table.kind.name(), why = why.pick(lang))
                    .into_string(),
            ),
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
/// template position; else why not, in English.
pub fn table_values(table: &Table) -> Result<BTreeMap<(RowKey, usize), String>, String> {
    values_in_shape(table).map_err(|why| why.pick(Lang::En).to_string())
}

/// A row's label as a message quotes it: 「2.重复申请」, or a row without one.
fn quoted(label: Option<&str>) -> Bilingual {
    match label {
        Some(label) => bilingual!("「{label}」", "「{label}」"),
        None => bilingual!("「(no label)」", "「（无行名）」"),
    }
}

/// [`table_values`], saying why not in both languages.
fn values_in_shape(table: &Table) -> Result<BTreeMap<(RowKey, usize), String>, Bilingual> {
    let mut values = BTreeMap::new();
    for row in &table.rows {
        let label = quoted(row.label.as_ref().map(|label| &*label.text));
        let Some(key) = row.key else {
            if row.cells.iter().any(|cell| cell.value != CellValue::Blank) {
                return Err(
                    label.map(|lang, label| t!(lang, "{label} is not a row of the template", "{label}不是模板中的行"))
                );
            }
            continue;
        };
        let (found, expected) = (row.cells.len(), key.value_count());
        if found != expected {
            return Err(label.map(|lang, label| {
                t!(
                    lang,
                    "{label} has {found} values, the template has {expected}",
                    "{label}有{found}个数值，模板为{expected}个"
                )
            }));
        }
        for (index, cell) in row.cells.iter().enumerate() {
            if values.insert((key, index), cell.raw.to_string()).is_some() {
                return Err(label.map(|lang, label| t!(lang, "{label} appears twice", "{label}出现了两次")));
            }
        }
    }
    if let Some(missing) = RowKey::rows_of(table.kind).into_iter().find(|key| !values.contains_key(&(*key, 0))) {
        let label = missing.label();
        return Err(bilingual!("「{label}」 is missing", "缺少「{label}」一行"));
    }
    Ok(values)
}

/// The edit replacing the lines of `table` with its canonical text.
fn table_edit(text: &str, table: &Table, crlf: bool) -> Result<Option<Edit>, Bilingual> {
    let values = values_in_shape(table)?;
    let lines = whole_lines(text, table.span);
    if lines.slice(text).contains("<!--") {
        return Err(bilingual!(
            "it contains a comment (such as a nianbao directive), which formatting would lose",
            "表中有注释（如 nianbao 指令），重排会使其丢失"
        ));
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
    /// text value), in English, and nothing of the report is added then.
    pub fn add(&mut self, report: &Report) -> Result<(), String> {
        self.add_in(report, Lang::En)
    }

    /// [`Sums::add`], the error in `lang`.
    pub fn add_in(&mut self, report: &Report, lang: Lang) -> Result<(), String> {
        let mut added = Sums::default();
        added.add_tables(report).map_err(|why| why.pick(lang).to_string())?;
        self.merge(&added);
        Ok(())
    }

    /// One table of `report` as the sums of one report, all its values or
    /// none; else why not, in `lang` (the table is missing, a row is not
    /// the template's, a value is not a number). An audit adds up each
    /// table a report gives, so that one unreadable table leaves out only
    /// itself.
    pub fn of_table_in(report: &Report, kind: TableKind, lang: Lang) -> Result<Sums, String> {
        let mut sums = Sums::default();
        sums.add_table(report, kind).map_err(|why| why.pick(lang).to_string())?;
        Ok(sums)
    }

    fn add_tables(&mut self, report: &Report) -> Result<(), Bilingual> {
        TableKind::ALL.into_iter().try_for_each(|kind| self.add_table(report, kind))
    }

    fn add_table(&mut self, report: &Report, kind: TableKind) -> Result<(), Bilingual> {
        let table = kind.name();
        let found = report.table(kind).ok_or_else(|| bilingual!("{table} is missing", "缺少{table}"))?;
        let values =
            values_in_shape(found).map_err(|why| why.map(|lang, why| t!(lang, "{table}: {why}", "{table}：{why}")))?;
        let mut added = Vec::with_capacity(values.len());
        for (&(key, index), raw) in &values {
            let cell = found.cell(key, index);
            let label = key.label();
            let number = cell.and_then(nianbao_model::Cell::number).ok_or_else(|| {
                bilingual!(
                    "{table}: 「{label}」 has the value 「{raw}」, which is not a number",
                    "{table}：「{label}」的值「{raw}」不是数字"
                )
            })?;
            added.push(((key, index), number));
        }
        // All of the table or none of it.
        for (at, number) in added {
            *self.values.entry(at).or_default() += number;
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
        let once = format_report(&text, &nianbao_parser::parse(&text), Lang::En);
        assert!(once.skipped.is_empty(), "{:?}", once.skipped);
        let twice = format_report(&once.text, &nianbao_parser::parse(&once.text), Lang::En);
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
        let formatted = format_report(&text, &nianbao_parser::parse(&text), Lang::En);
        assert_eq!(formatted.skipped, ["表三: 「2.重复申请」 has 6 values, the template has 7"]);
        let formatted = format_report(&text, &nianbao_parser::parse(&text), Lang::Zh);
        assert_eq!(formatted.skipped, ["表三：「2.重复申请」有6个数值，模板为7个"]);
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
