use nianbao_model::{Row, Table};

use super::row_anchor;
use crate::context::Context;
use crate::finding::Finding;
use crate::lang::{Lang, Text};
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports the rows of a table whose values could not be read: a page
    /// as a crawler stored it runs a row's cells together
    /// (「行政规范性文件6051」), and its digits split into the row's cells
    /// in more than one way (6|0|51 or 60|5|1), or in none (too few digits,
    /// a unit or decimal where no cell can hold it). nianbao splits a run only
    /// when the split is certain — the only split there is, the only one
    /// that satisfies the row's own total, or, in table 三, the only one of
    /// those that also makes the table's columns add up (（七）总计 the sum
    /// of the results, 一 + 二 = （七） + 四) — and never checks a guess. The
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
        title: "表格数值无法识别",
        summary: "A table row's values cannot be read for certain: digits run together, or values set apart from their labels",
        summary_zh: "表格某行数字连写或数值与行名称分离，无法确定各栏数值，未予核查。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
指出表格中数值无法读取的行：爬虫保存的网页会把一行的各格连写在一起（「行政规范性文件6051」），而这些数字拆分到该行各格的拆法不止一种（6|0|51或60|5|1），或者一种也没有（数字太少，或出现了任何一格都容纳不了的单位、小数）。只有拆法确定无疑时——即只有一种拆法，或只有一种拆法能满足该行自身的合计，或者在表三中，满足合计的拆法里只有一种能使全表各栏相符（「（七）总计」等于各办理结果之和，第一项加第二项等于第三项加第四项）——nianbao 才拆分连写的数字，且从不依据猜测进行核查。无法读取的行，每张表合并给出一条提示，逐行列出行名称及其数字；其他规则都不读取这些行的数值。

行名称与数值分离的表格，也按同样方式提示：从 PDF 转换为 Markdown 的工具，可能把某行的数值单独写成一行、不带名称，放在一个数值已经齐全的行之后，而把名称写在别处。这时无法知道哪个名称对应哪些数值，因此凡数值与名称分离的行一律不读取；提示指向没有名称的那些数值，并列出未读取的行。在这样的表格中，S007不提示缺行：该行名称可能就在被转换工具分离出去的文字中。

## 为何有问题
这些行的数字未经核查：表格的计算关系（T301、T302、T303、T401）以及正文与表格的对照都会跳过它们。请对照已发布的网页或其 PDF 文件核对。

## 示例
{examples}

## 修正
不提供修正：数字如何拆分，只有原件能说明。

## 依据
爬虫保存网页的方式（平潭综合实验区门户网站的存档），以及一个从 PDF 转换为 Markdown 的工具转写上海市科学技术委员会2024年度报告的结果。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for table in &ctx.report.tables {
        let rows: Vec<&Row> = table.rows.iter().filter(|row| row.is_unread()).collect();
        let finding = if table.unpaired.is_empty() {
            table_finding(lang, table, &rows)
        } else {
            unpaired_finding(lang, table, &rows)
        };
        if let Some(finding) = finding {
            out.push(finding);
        }
    }
}

/// One finding for a table whose labels and values stand apart: where the
/// values with no label are, and which rows are therefore unread.
fn unpaired_finding(lang: Lang, table: &Table, rows: &[&Row]) -> Option<Finding> {
    let (first, rest) = table.unpaired.split_first()?;
    let runs = table.unpaired.len();
    let names: Vec<String> = rows.iter().map(|row| format!("「{}」", super::row_name(row))).collect();
    let unread = match names.len() {
        0 => Text::neutral(String::new()),
        1 => t!(lang, "; row {row} is not checked", "；{row}一行未予核查", row = names[0]),
        n => t!(
            lang,
            "; these {n} rows are not checked: {rows}",
            "；以下{n}行未予核查：{rows}",
            n = n,
            rows = names.join(lang.pick(", ", "、"))
        ),
    };
    let runs_text = if runs == 1 {
        t!(lang, "1 line of values has", "有1行数值")
    } else {
        t!(lang, "{runs} lines of values have", "有{runs}行数值", runs = runs)
    };
    let message = t!(
        lang,
        "{table}: {runs_text} no row label, so which label owns which values cannot be known{unread}",
        "{table}：{runs_text}没有行名称，无法确定各数值属于哪一行{unread}",
        table = table.kind.name(),
        runs_text = runs_text,
        unread = unread
    );
    let mut finding =
        Finding::new(*first, message).label(t!(lang, "values with no row label", "没有行名称的数值")).help(t!(
            lang,
            "read these rows in the published PDF; in the text, keep each row's label and its values on one line",
            "请对照已发布的PDF核对这些行；文本中每行的名称和数值应写在同一行"
        ));
    for span in rest {
        finding = finding.secondary(*span, t!(lang, "values with no row label", "没有行名称的数值"));
    }
    Some(finding)
}

/// One finding for a table's unread rows: each row's label and digits.
fn table_finding(lang: Lang, table: &Table, rows: &[&Row]) -> Option<Finding> {
    let (first, rest) = rows.split_first()?;
    let digits = |row: &Row| row.cells.first().map(|cell| cell.raw.to_string()).unwrap_or_default();
    let describe = |row: &Row| {
        t!(
            lang,
            "「{row}」 (「{digits}」)",
            "「{row}」（「{digits}」）",
            row = super::row_name(row),
            digits = digits(row)
        )
    };
    let message = match rows.len() {
        // Table 四's one row has no label: its digits name it.
        1 if first.label.is_none() => t!(
            lang,
            "{table}: its digits 「{digits}」 run together and cannot be split into its cells for certain; the table is not checked",
            "{table}：数字「{digits}」连在一起，无法确定如何拆分到各栏，此表未予核查",
            table = table.kind.name(),
            digits = digits(first)
        ),
        1 => t!(
            lang,
            "{table}: the digits of row {row} run together and cannot be split into its cells for certain; the row is not checked",
            "{table}：{row}一行的数字连在一起，无法确定如何拆分到各栏，此行未予核查",
            table = table.kind.name(),
            row = describe(first)
        ),
        n => t!(
            lang,
            "{table}: the digits of {n} rows run together and cannot be split into their cells for certain; they are not checked: {rows}",
            "{table}：{n}行的数字连在一起，无法确定如何拆分到各栏，以下各行未予核查：{rows}",
            table = table.kind.name(),
            n = n,
            rows = rows.iter().map(|row| describe(row).into_string()).collect::<Vec<_>>().join(lang.pick(", ", "、"))
        ),
    };
    let mut finding = Finding::new(row_anchor(first), message)
        .label(t!(
            lang,
            "「{digits}」 cannot be split for certain",
            "「{digits}」无法确定如何拆分",
            digits = digits(first)
        ))
        .help(t!(lang, "read these values in the published page or its PDF", "请对照已发布的网页或其PDF核对这些数值"));
    for row in rest {
        finding = finding.secondary(
            row_anchor(row),
            t!(lang, "「{digits}」 cannot be split for certain", "「{digits}」无法确定如何拆分", digits = digits(row)),
        );
    }
    Some(finding)
}
