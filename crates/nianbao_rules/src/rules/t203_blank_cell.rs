use nianbao_model::{CellValue, Edit, Fix, RowKey};

use super::{column_name, row_name};
use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports blank cells and placeholders (「/」「-」「—」「无」「不适用」) in the
    /// value cells of tables 二, 三 and 四, one diagnostic per row. They count as
    /// 0 in the arithmetic checks.
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

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for table in &ctx.report.tables {
        for row in table.rows.iter().filter(|row| row.has_template_shape()) {
            let Some(key) = row.key else { continue };
            let blanks: Vec<(usize, &nianbao_model::Cell)> = row
                .cells
                .iter()
                .enumerate()
                .filter(|(_, cell)| matches!(cell.value, CellValue::Blank | CellValue::Placeholder))
                .collect();
            let Some(&(_, first)) = blanks.first() else { continue };
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
            out.push(finding.fix(Fix::unsafe_("Write 0 in the blank cells", edits)));
        }
    }
}
