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
    /// A table whose labels and values stand apart is reported the same way:
    /// a converter from PDF to Markdown may write a row's values on a line of
    /// their own, with no label, after a row that already has all of its
    /// values, and the labels elsewhere. Which label owns which values cannot
    /// be known then, so no row whose values stand apart from its label is
    /// read; the diagnostic points at the values with no label and names the
    /// rows left unread. S007 does not call a row missing in such a table:
    /// its label may be among the text the converter set apart.
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
    /// How crawlers store pages (the 平潭综合实验区 portal's archive), and how
    /// a converter from PDF to Markdown wrote 上海市科学技术委员会's 2024
    /// report.
    pub(crate) static RULE = {
        code: "S012",
        name: "unread-row",
        summary: "A table row's values cannot be read for certain: digits run together, or values set apart from their labels",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for table in &ctx.report.tables {
        let rows: Vec<&Row> = table.rows.iter().filter(|row| row.is_unread()).collect();
        let finding =
            if table.unpaired.is_empty() { table_finding(table, &rows) } else { unpaired_finding(table, &rows) };
        if let Some(finding) = finding {
            out.push(finding);
        }
    }
}

/// One finding for a table whose labels and values stand apart: where the
/// values with no label are, and which rows are therefore unread.
fn unpaired_finding(table: &Table, rows: &[&Row]) -> Option<Finding> {
    let (first, rest) = table.unpaired.split_first()?;
    let runs = table.unpaired.len();
    let names: Vec<String> = rows.iter().map(|row| format!("「{}」", super::row_name(row))).collect();
    let unread = match names.len() {
        0 => String::new(),
        1 => format!("; row {} is not checked", names[0]),
        n => format!("; these {n} rows are not checked: {}", names.join(", ")),
    };
    let runs_text = if runs == 1 { "1 line of values has".to_string() } else { format!("{runs} lines of values have") };
    let message = format!(
        "{}: {runs_text} no row label, so which label owns which values cannot be known{unread}",
        table.kind.name()
    );
    let mut finding = Finding::new(*first, message)
        .label("values with no row label")
        .help("read these rows in the published PDF; in the text, keep each row's label and its values on one line");
    for span in rest {
        finding = finding.secondary(*span, "values with no row label");
    }
    Some(finding)
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
