use nianbao_model::{Edit, RowKey};

use super::{column_name, row_name};
use crate::context::Context;
use crate::finding::Finding;
use crate::lang::{Lang, Text};
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports blank cells and placeholders (「/」「-」「—」「无」「不适用」) in the
    /// value cells of tables 二, 三 and 四. They count as 0 in the arithmetic
    /// checks. Blanks in several rows of a table (a report that fills only
    /// 自然人 and 总计, say) get one diagnostic for the table: it names the
    /// columns, how many rows leave each blank, and labels every such row.
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
        title: "单元格未填数值",
        summary: "A value cell is blank or a placeholder",
        summary_zh: "表二、表三或表四的单元格空白或只填「—」「无」等占位符。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::Unsafe,
        check: check,
        docs_zh: r#"## 检查内容
检查表二、表三、表四的数值单元格，发现空白或只填占位符（「/」「-」「—」「无」「不适用」）的，予以提示。这些单元格在各项算术核对中按0计算。同一张表有多行留空的（例如只填了自然人和总计两栏），整张表只提示一次：列明哪些栏目留空、每栏各有几行留空，并逐一标出这些行。

## 为何有问题
模板要求每个单元格都填数值，没有的填0。空白可能表示0，也可能表示情况不明或数值丢失，读者无从分辨。

## 示例
{examples}

## 修正
须人工核对：修正时在这些单元格中填0，等于认定「数量为0」这一事实，须由报告起草人确认。

## 依据
国办公开办函〔2021〕30号。"#,
    }
}

/// A row's blank cells: (column index, cell).
type Blanks<'a> = Vec<(usize, &'a nianbao_model::Cell)>;

/// A row with its blanks.
type BlankRow<'a> = (&'a nianbao_model::Row, Blanks<'a>);

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for table in &ctx.report.tables {
        let rows: Vec<BlankRow<'_>> = table
            .rows
            .iter()
            .filter(|row| row.has_template_shape() && row.key.is_some())
            .map(|row| {
                let blanks: Blanks<'_> = row.cells.iter().enumerate().filter(|(_, cell)| cell.is_blank()).collect();
                (row, blanks)
            })
            .filter(|(_, blanks)| !blanks.is_empty())
            .collect();
        // One fact, one finding: blanks in several rows are one habit of the
        // report's, said once for the table.
        match rows.as_slice() {
            [] => {}
            [(row, blanks)] => out.push(row_finding(lang, table, row, blanks)),
            _ => out.push(table_finding(lang, table, &rows)),
        }
    }
}

/// One row's blanks: each cell a label.
fn row_finding(lang: Lang, table: &nianbao_model::Table, row: &nianbao_model::Row, blanks: &Blanks<'_>) -> Finding {
    let key = row.key.expect("rows with a key only");
    let (_, first) = blanks[0];
    let subject = if key == RowKey::T4 {
        Text::neutral(table.kind.name())
    } else {
        t!(lang, "row 「{row}」", "「{row}」一行", row = row_name(row))
    };
    let message = match blanks.len() {
        1 => {
            t!(lang, "blank cell in {subject} counts as 0", "{subject}有1个单元格未填数值，按0计算", subject = subject)
        }
        n => t!(
            lang,
            "{n} blank cells in {subject} count as 0",
            "{subject}有{n}个单元格未填数值，按0计算",
            n = n,
            subject = subject
        ),
    };
    let cell_label = |index: usize, cell: &nianbao_model::Cell| {
        t!(lang, "{column}: 「{raw}」", "{column}：「{raw}」", column = column_name(key, index), raw = cell.raw)
    };
    let mut finding = Finding::new(first.span, message).label(cell_label(blanks[0].0, first)).help(t!(
        lang,
        "write 0 where there is nothing to count",
        "请填写数值，没有的填0"
    ));
    for &(index, cell) in &blanks[1..] {
        finding = finding.secondary(cell.span, cell_label(index, cell));
    }
    let edits = blanks.iter().map(|(_, cell)| Edit::replace(cell.span, "0")).collect();
    finding.unsafe_fix(t!(lang, "Write 0 in the blank cells", "在未填数值的单元格中填0"), edits)
}

/// Blanks in several rows: one finding for the table, which names the
/// columns (with how many rows leave each blank) and, as labels, each row's
/// first blank cell.
fn table_finding(lang: Lang, table: &nianbao_model::Table, rows: &[BlankRow<'_>]) -> Finding {
    let (first_row, first_blanks) = &rows[0];
    let cells: usize = rows.iter().map(|(_, blanks)| blanks.len()).sum();
    let same_columns = rows.iter().all(|(_, blanks)| {
        blanks.len() == first_blanks.len() && blanks.iter().zip(first_blanks).all(|(a, b)| a.0 == b.0)
    });
    let column_list = |row: &nianbao_model::Row, blanks: &Blanks<'_>| {
        let key = row.key.expect("rows with a key only");
        blanks.iter().map(|(index, _)| column_name(key, *index)).collect::<Vec<_>>().join("、")
    };
    let message = if same_columns {
        t!(
            lang,
            "{rows} rows of {table} leave {columns} blank ({cells} cells, counted as 0)",
            "{table}中有{rows}行的{columns}栏未填数值（共{cells}个单元格，按0计算）",
            rows = rows.len(),
            table = table.kind.name(),
            columns = column_list(first_row, first_blanks),
            cells = cells
        )
    } else {
        let columns = blank_columns(lang, rows);
        t!(
            lang,
            "{cells} blank cells in {rows} rows of {table} count as 0: {columns}",
            "{table}中有{rows}行共{cells}个单元格未填数值，按0计算：{columns}",
            cells = cells,
            rows = rows.len(),
            table = table.kind.name(),
            columns = columns.iter().map(Text::as_str).collect::<Vec<_>>().join(lang.pick(", ", "、"))
        )
    };
    let label = |row: &nianbao_model::Row, blanks: &Blanks<'_>| {
        if !same_columns {
            t!(
                lang,
                "「{row}」: {columns} blank",
                "「{row}」：{columns}栏未填",
                row = row_name(row),
                columns = column_list(row, blanks)
            )
        } else if blanks.len() == 1 {
            t!(lang, "「{row}」: 1 cell blank", "「{row}」：1个单元格未填", row = row_name(row))
        } else {
            t!(lang, "「{row}」: these cells blank", "「{row}」：上述各栏未填", row = row_name(row))
        }
    };
    let mut finding = Finding::new(first_blanks[0].1.span, message).label(label(first_row, first_blanks)).help(t!(
        lang,
        "write 0 where there is nothing to count; if these columns were left out on purpose, say so in the report",
        "请填写数值，没有的填0；如这些栏目系有意不填，请在报告中加以说明"
    ));
    for (row, blanks) in &rows[1..] {
        finding = finding.secondary(blanks[0].1.span, label(row, blanks));
    }
    let edits =
        rows.iter().flat_map(|(_, blanks)| blanks.iter().map(|(_, cell)| Edit::replace(cell.span, "0"))).collect();
    finding.unsafe_fix(
        t!(lang, "Write 0 in the {cells} blank cells", "在{cells}个未填数值的单元格中填0", cells = cells),
        edits,
    )
}

/// Each column left blank somewhere, in column order, with how many rows
/// leave it blank: 「科研机构 in 22 rows」.
fn blank_columns(lang: Lang, rows: &[BlankRow<'_>]) -> Vec<Text> {
    let mut counts: Vec<(usize, String, usize)> = Vec::new();
    for (row, blanks) in rows {
        let key = row.key.expect("rows with a key only");
        for (index, _) in blanks {
            match counts.iter_mut().find(|(column, _, _)| column == index) {
                Some((_, _, count)) => *count += 1,
                None => counts.push((*index, column_name(key, *index), 1)),
            }
        }
    }
    counts.sort_by_key(|(column, _, _)| *column);
    counts
        .into_iter()
        .map(|(_, name, count)| {
            if count == 1 {
                t!(lang, "{name} in 1 row", "{name}栏1行", name = name)
            } else {
                t!(lang, "{name} in {count} rows", "{name}栏{count}行", name = name, count = count)
            }
        })
        .collect()
}
