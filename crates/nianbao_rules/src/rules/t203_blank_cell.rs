use nianbao_model::{CellValue, Edit, Fix, RowKey};

use super::{column_name, row_name};
use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports blank cells and placeholders (「/」「-」「—」「无」「不适用」) in the
    /// value cells of tables 二, 三 and 四. They count as 0 in the arithmetic
    /// checks. Rows of a table that leave the same columns blank (a report
    /// that fills only 自然人 and 总计, say) get one diagnostic for the table,
    /// which names the columns and the rows; any other row gets its own.
    ///
    /// ## Why is this bad
    /// The template wants a number in every cell, 0 when there is nothing to
    /// count. A blank may mean zero, unknown, or a lost value; readers cannot
    /// tell which.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 3 | / | 0 | 0 | 0 | 0 | 3
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: writes 0, which asserts a fact the author must confirm.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号.
    pub(crate) static RULE = {
        code: "T203",
        name: "blank-cell",
        summary: "A value cell is blank or a placeholder",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::Unsafe,
        check: check,
    }
}

/// A row's blank cells: (column index, cell).
type Blanks<'a> = Vec<(usize, &'a nianbao_model::Cell)>;

/// Rows with their blanks, all leaving the same columns blank.
type Group<'a> = (Vec<usize>, Vec<(&'a nianbao_model::Row, Blanks<'a>)>);

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for table in &ctx.report.tables {
        // Rows with blanks, grouped by the columns they leave blank, in
        // the order the first row of each group stands.
        let mut groups: Vec<Group<'_>> = Vec::new();
        for row in table.rows.iter().filter(|row| row.has_template_shape() && row.key.is_some()) {
            let blanks: Blanks<'_> = row
                .cells
                .iter()
                .enumerate()
                .filter(|(_, cell)| matches!(cell.value, CellValue::Blank | CellValue::Placeholder))
                .collect();
            if blanks.is_empty() {
                continue;
            }
            let columns: Vec<usize> = blanks.iter().map(|(index, _)| *index).collect();
            match groups.iter_mut().find(|(group, _)| *group == columns) {
                Some((_, rows)) => rows.push((row, blanks)),
                None => groups.push((columns, vec![(row, blanks)])),
            }
        }
        for (_, rows) in groups {
            if rows.len() == 1 {
                out.push(row_finding(table, rows[0].0, &rows[0].1));
            } else {
                out.push(table_finding(table, &rows));
            }
        }
    }
}

/// One row's blanks: each cell a label.
fn row_finding(table: &nianbao_model::Table, row: &nianbao_model::Row, blanks: &Blanks<'_>) -> Finding {
    let key = row.key.expect("rows with a key only");
    let (_, first) = blanks[0];
    let subject =
        if key == RowKey::T4 { table.kind.name().to_string() } else { format!("row 「{}」", row_name(row)) };
    let message = match blanks.len() {
        1 => format!("blank cell in {subject} counts as 0"),
        n => format!("{n} blank cells in {subject} count as 0"),
    };
    let mut finding = Finding::new(first.span, message)
        .label(format!("{}: 「{}」", column_name(key, blanks[0].0), first.raw))
        .help("write 0 where there is nothing to count");
    for &(index, cell) in &blanks[1..] {
        finding = finding.secondary(cell.span, format!("{}: 「{}」", column_name(key, index), cell.raw));
    }
    let edits = blanks.iter().map(|(_, cell)| Edit::replace(cell.span, "0")).collect();
    finding.fix(Fix::unsafe_("Write 0 in the blank cells", edits))
}

/// Rows that leave the same columns blank: one finding for the table, which
/// names the columns and the rows, each row's first blank cell a label.
fn table_finding(table: &nianbao_model::Table, rows: &[(&nianbao_model::Row, Blanks<'_>)]) -> Finding {
    let (first_row, first_blanks) = &rows[0];
    let key = first_row.key.expect("rows with a key only");
    let columns: Vec<String> = first_blanks.iter().map(|(index, _)| column_name(key, *index)).collect();
    let cells: usize = rows.iter().map(|(_, blanks)| blanks.len()).sum();
    let message = format!(
        "{} rows of {} leave {} blank ({cells} cells, counted as 0)",
        rows.len(),
        table.kind.name(),
        columns.join("、")
    );
    let label = |row: &nianbao_model::Row, blanks: &Blanks<'_>| {
        format!("「{}」: {} blank", row_name(row), if blanks.len() == 1 { "1 cell" } else { "these cells" })
    };
    let mut finding = Finding::new(first_blanks[0].1.span, message).label(label(first_row, first_blanks)).help(
        "write 0 where there is nothing to count; if these columns were left out on purpose, say so in the report",
    );
    for (row, blanks) in &rows[1..] {
        finding = finding.secondary(blanks[0].1.span, label(row, blanks));
    }
    let edits =
        rows.iter().flat_map(|(_, blanks)| blanks.iter().map(|(_, cell)| Edit::replace(cell.span, "0"))).collect();
    finding.fix(Fix::unsafe_(format!("Write 0 in the {cells} blank cells"), edits))
}
