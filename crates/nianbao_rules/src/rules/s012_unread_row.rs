use nianbao_model::{Row, Table};

use super::row_anchor;
use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports the rows of a table whose values could not be read: a page
    /// as a crawler stored it runs a row's cells together
    /// (「行政规范性文件6051」), and its digits split into the row's cells
    /// in more than one way (6|0|51 or 60|5|1), or in none (too few digits,
    /// a unit or decimal where no cell can hold it). nianbao splits a run only
    /// when the split is certain — the only split there is, or the only one
    /// that satisfies the row's own total — and never checks a guess. The
    /// rows it could not read get one diagnostic for their table, which
    /// names each row and its digits; no other rule reads their values.
    ///
    /// ## Why is this bad
    /// The figures of these rows are unchecked: the arithmetic of the table
    /// (T301, T302, T303, T401) and the prose against the table skip them.
    /// Check them against the published page or its PDF.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 标题: 某局2024年度政府信息公开工作年度报告
    /// ==================== 正文 ====================
    /// 二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件6051
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 标题: 某局2024年度政府信息公开工作年度报告
    /// ==================== 正文 ====================
    /// 二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件6 0 51
    /// ```
    ///
    /// ## Fix safety
    /// No fix: only the source says how the digits split.
    ///
    /// ## Source
    /// How crawlers store pages (the 平潭综合实验区 portal's archive).
    pub(crate) static RULE = {
        code: "S012",
        name: "unread-row",
        summary: "A table row's digits run together and cannot be split for certain",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for table in &ctx.report.tables {
        let rows: Vec<&Row> = table.rows.iter().filter(|row| row.is_unread()).collect();
        if let Some(finding) = table_finding(table, &rows) {
            out.push(finding);
        }
    }
}

/// One finding for a table's unread rows: each row's label and digits.
fn table_finding(table: &Table, rows: &[&Row]) -> Option<Finding> {
    let (first, rest) = rows.split_first()?;
    let digits = |row: &Row| row.cells.first().map(|cell| cell.raw.to_string()).unwrap_or_default();
    let describe = |row: &Row| format!("「{}」 (「{}」)", super::row_name(row), digits(row));
    let message = match rows.len() {
        // Table 四's one row has no label: its digits name it.
        1 if first.label.is_none() => format!(
            "{}: its digits 「{}」 run together and cannot be split into its cells for certain; the table is not checked",
            table.kind.name(),
            digits(first),
        ),
        1 => format!(
            "{}: the digits of row {} run together and cannot be split into its cells for certain; the row is not checked",
            table.kind.name(),
            describe(first),
        ),
        n => format!(
            "{}: the digits of {n} rows run together and cannot be split into their cells for certain; they are not checked: {}",
            table.kind.name(),
            rows.iter().map(|row| describe(row)).collect::<Vec<_>>().join(", ")
        ),
    };
    let mut finding = Finding::new(row_anchor(first), message)
        .label(format!("「{}」 cannot be split for certain", digits(first)))
        .help("read these values in the published page or its PDF");
    for row in rest {
        finding = finding.secondary(row_anchor(row), format!("「{}」 cannot be split for certain", digits(row)));
    }
    Some(finding)
}
