use nianbao_model::{Row, RowKey, Span, Table};

use super::{in_format_of_its_year, is_other_handling_item, row_anchor, row_name, table_anchor};
use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports table rows with the wrong number of value cells (table 三: 7 per
    /// row; table 四: 15; table 二: 3 or 1 per row), rows that are missing, and
    /// rows that appear twice. A report for 2019 or 2020 laid out in the trial
    /// format of its year (国办公开办函〔2019〕60号) keeps that format's 表二
    /// columns and its single （六）其他处理 row without a finding. In a table
    /// whose labels and values stand apart (S012 says so), no row is called
    /// missing: its label may be among the text set apart.
    ///
    /// ## Why is this bad
    /// A value too many or too few shifts every later column: the numbers no
    /// longer sit under the applicant type or outcome they count. nianbao does
    /// not check the arithmetic of a misshapen row, because it cannot know
    /// which cell is out of place.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 行政复议 | 行政诉讼
    /// 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 行政复议 | 行政诉讼
    /// 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// ```
    ///
    /// ## Fix safety
    /// No fix: which cell is extra or missing needs a person.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (the table layouts).
    pub(crate) static RULE = {
        code: "S007",
        name: "table-shape",
        summary: "A table row has the wrong number of value cells, or a row is missing or repeated",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::None,
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for table in &ctx.report.tables {
        let first = table.first_rows();
        // A report for 2019 or 2020 in that year's format: its 表二 rows have
        // that format's columns, and its （六）其他处理 is one row.
        let format_of_its_year = in_format_of_its_year(ctx, table);
        check_rows(table, &first, format_of_its_year, out);
        // In a table whose labels and values stand apart (S012), a row not
        // found may be one whose label went astray with them.
        if table.unpaired.is_empty() {
            check_missing(table, &first, format_of_its_year, out);
        }
    }
}

/// [`Table::first_rows`]: each key's first row, the one nianbao reads.
type FirstRows<'t> = [Option<&'t Row>; RowKey::COUNT];

fn check_rows(table: &Table, first_rows: &FirstRows<'_>, format_of_its_year: bool, out: &mut Vec<Finding>) {
    for row in &table.rows {
        let Some(key) = row.key else { continue };
        if let Some(first) = first_rows[key.ordinal()].filter(|&first| !std::ptr::eq(first, row)) {
            out.push(
                Finding::new(row_anchor(row), format!("row 「{}」 appears twice in {}", row_name(row), table.name()))
                    .label("repeated row")
                    .secondary(row_anchor(first), "first occurrence")
                    .help("keep one row; nianbao reads the first"),
            );
            continue;
        }
        let expected = key.value_count();
        let found = row.cells.len();
        // A row whose digits could not be split has no count of values (S012).
        if found == expected
            || row.is_unread()
            || (format_of_its_year && key.table() == nianbao_model::TableKind::Proactive)
        {
            continue;
        }
        let subject = if key == RowKey::T4 { table.name().to_string() } else { format!("row 「{}」", row_name(row)) };
        let mut finding =
            Finding::new(row_anchor(row), format!("{subject} has {found} values; the template has {expected}")).help(
                "each value must sit under its column; remove the extra value or fill the missing one (0 if none)",
            );
        finding = if found > expected {
            let extra: Vec<Span> = row.cells[expected..].iter().map(|cell| cell.span).collect();
            let finding = finding.label(format!("{} value(s) too many", found - expected));
            extra.into_iter().enumerate().fold(finding, |finding, (i, span)| {
                finding.secondary(span, format!("value {} of {expected}", expected + i + 1))
            })
        } else {
            finding.label(format!("{} value(s) missing", expected - found))
        };
        out.push(finding);
    }
}

fn check_missing(table: &Table, first_rows: &FirstRows<'_>, format_of_its_year: bool, out: &mut Vec<Finding>) {
    // Consecutive missing rows are one finding: a truncated table is one problem.
    let mut anchor = table_anchor(table);
    let mut run: Vec<RowKey> = Vec::new();
    let flush = |anchor: Span, run: &mut Vec<RowKey>, out: &mut Vec<Finding>| {
        if run.is_empty() {
            return;
        }
        let names: Vec<String> = run.iter().take(3).map(|key| format!("「{}」", key.label())).collect();
        let more = if run.len() > 3 { format!(" and {} more", run.len() - 3) } else { String::new() };
        let message = match run.len() {
            1 => format!("{} has no row {}", table.name(), names[0]),
            n => format!("{} is missing {n} rows: {}{more}", table.name(), names.join(", ")),
        };
        out.push(
            Finding::new(anchor, message)
                .label("missing rows expected after this")
                .help("add the rows with their values (0 where there is nothing to count)"),
        );
        run.clear();
    };
    for key in RowKey::rows_of(table.kind) {
        match first_rows[key.ordinal()] {
            Some(row) => {
                flush(anchor, &mut run, out);
                anchor = row_anchor(row);
            }
            None if key == RowKey::T4 => out.push(
                Finding::new(anchor, format!("{} has no values", table.name()))
                    .label("headers without values")
                    .help("write the 15 values of 表四 (0 where there were no cases)"),
            ),
            None if format_of_its_year && is_other_handling_item(key) => {}
            None => run.push(key),
        }
    }
    flush(anchor, &mut run, out);
}

trait TableName {
    fn name(&self) -> &'static str;
}

impl TableName for Table {
    fn name(&self) -> &'static str {
        self.kind.name()
    }
}
