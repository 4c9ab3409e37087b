use nianbao_model::{Row, RowKey, Span, Table};

use super::{in_format_of_its_year, is_other_handling_item, row_anchor, row_name, table_anchor, trial_format_reported};
use crate::context::Context;
use crate::finding::Finding;
use crate::lang::{Lang, Text};
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports table rows with the wrong number of value cells (table 三: 7 per
    /// row; table 四: 15; table 二: 3 or 1 per row), rows that are missing, and
    /// rows that appear twice. A report for 2019 or 2020 laid out in the trial
    /// format of its year (国办公开办函〔2019〕60号) keeps that format's 表二
    /// columns and its single （六）其他处理 row without a finding; a later report
    /// still in that format has it said once, by S010, not again row by row
    /// here. In a table
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
        title: "表格行列不符",
        summary: "A table row has the wrong number of value cells, or a row is missing or repeated",
        summary_zh: "表格某行的数值个数与模板不符，或缺少、重复某行。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
指出数值个数不对的表格行（表三每行7个，表四15个，表二每行3个或1个），以及缺少的行和重复出现的行。2019年度或2020年度的报告如按当年的试行格式（国办公开办函〔2019〕60号）编排，其表二沿用该格式的栏目、「（六）其他处理」只有一行，均不提示；2021年度及以后的报告仍用该格式的，由S010对整张表格提示一次，本规则不再逐行重复。表格的行名称与数值分离时（S012会指出），不提示任何行缺失：缺少的行名称可能就在被分离出去的文字中。

## 为何有问题
多一个或少一个数值，其后各栏都会错位：数字不再对应它所统计的申请人类型或办理结果。行列不符的行，nianbao 不核对其计算关系，因为无法判断是哪一格错了位。

## 示例
{examples}

## 修正
不提供修正：哪一格多了、哪一格少了，须由人判断。

## 依据
国办公开办函〔2021〕30号（表格样式）。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for table in &ctx.report.tables {
        let first = table.first_rows();
        // A report for 2019 or 2020 in that year's format: its 表二 rows have
        // that format's columns, and its （六）其他处理 is one row. A later
        // report in that format has it said once, by S010.
        let format_of_its_year = in_format_of_its_year(ctx, table) || trial_format_reported(ctx, table);
        check_rows(ctx.lang(), table, &first, format_of_its_year, out);
        // In a table whose labels and values stand apart (S012), a row not
        // found may be one whose label went astray with them.
        if table.unpaired.is_empty() {
            check_missing(ctx.lang(), table, &first, format_of_its_year, out);
        }
    }
}

/// [`Table::first_rows`]: each key's first row, the one nianbao reads.
type FirstRows<'t> = [Option<&'t Row>; RowKey::COUNT];

fn check_rows(lang: Lang, table: &Table, first_rows: &FirstRows<'_>, format_of_its_year: bool, out: &mut Vec<Finding>) {
    for row in &table.rows {
        let Some(key) = row.key else { continue };
        if let Some(first) = first_rows[key.ordinal()].filter(|&first| !std::ptr::eq(first, row)) {
            let message = t!(
                lang,
                "row 「{row}」 appears twice in {table}",
                "{table}中「{row}」一行出现两次",
                row = row_name(row),
                table = table.name()
            );
            out.push(
                Finding::new(row_anchor(row), message)
                    .label(t!(lang, "repeated row", "重复的行"))
                    .secondary(row_anchor(first), t!(lang, "first occurrence", "首次出现处"))
                    .help(t!(
                        lang,
                        "keep one row; nianbao reads the first",
                        "请只保留一行；nianbao 按首次出现的一行读取"
                    )),
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
        let subject = if key == RowKey::T4 {
            Text::neutral(table.name())
        } else {
            t!(lang, "row 「{row}」", "「{row}」一行", row = row_name(row))
        };
        let message = t!(
            lang,
            "{subject} has {found} values; the template has {expected}",
            "{subject}有{found}个数值，模板为{expected}个",
            subject = subject,
            found = found,
            expected = expected
        );
        let mut finding = Finding::new(row_anchor(row), message).help(t!(
            lang,
            "each value must sit under its column; remove the extra value or fill the missing one (0 if none)",
            "每个数值须对应其所在栏目；请删去多余的数值或补上缺少的数值（没有的填0）"
        ));
        finding = if found > expected {
            let extra: Vec<Span> = row.cells[expected..].iter().map(|cell| cell.span).collect();
            let finding = finding.label(t!(lang, "{n} value(s) too many", "多{n}个数值", n = found - expected));
            extra.into_iter().enumerate().fold(finding, |finding, (i, span)| {
                let label = t!(
                    lang,
                    "value {n} of {expected}",
                    "第{n}个数值（模板为{expected}个）",
                    n = expected + i + 1,
                    expected = expected
                );
                finding.secondary(span, label)
            })
        } else {
            finding.label(t!(lang, "{n} value(s) missing", "少{n}个数值", n = expected - found))
        };
        out.push(finding);
    }
}

fn check_missing(
    lang: Lang,
    table: &Table,
    first_rows: &FirstRows<'_>,
    format_of_its_year: bool,
    out: &mut Vec<Finding>,
) {
    // Consecutive missing rows are one finding: a truncated table is one problem.
    let mut anchor = table_anchor(table);
    let mut run: Vec<RowKey> = Vec::new();
    let flush = |anchor: Span, run: &mut Vec<RowKey>, out: &mut Vec<Finding>| {
        if run.is_empty() {
            return;
        }
        let names: Vec<String> = run.iter().take(3).map(|key| format!("「{}」", key.label())).collect();
        let more = if run.len() > 3 {
            t!(lang, " and {n} more", "等，另有{n}行", n = run.len() - 3)
        } else {
            Text::neutral("")
        };
        let message = match run.len() {
            1 => t!(lang, "{table} has no row {row}", "{table}缺少{row}一行", table = table.name(), row = names[0]),
            n => t!(
                lang,
                "{table} is missing {n} rows: {rows}{more}",
                "{table}缺少{n}行：{rows}{more}",
                table = table.name(),
                n = n,
                rows = names.join(lang.pick(", ", "、")),
                more = more
            ),
        };
        out.push(
            Finding::new(anchor, message)
                .label(t!(lang, "missing rows expected after this", "缺少的行应在此之后"))
                .help(t!(
                    lang,
                    "add the rows with their values (0 where there is nothing to count)",
                    "请补上这些行及其数值（没有的填0）"
                )),
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
                Finding::new(anchor, t!(lang, "{table} has no values", "{table}没有数值", table = table.name()))
                    .label(t!(lang, "headers without values", "只有表头，没有数值"))
                    .help(t!(
                        lang,
                        "write the 15 values of 表四 (0 where there were no cases)",
                        "请填写表四的15个数值（没有案件的填0）"
                    )),
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
