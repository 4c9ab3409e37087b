use nianbao_model::{Edit, TableKind};

use super::table_anchor;
use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::skeleton::table_markdown;
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a section 二, 三 or 四 without its statistical table, and a
    /// table that stands under another section than its own.
    ///
    /// ## Why is this bad
    /// Tables 二, 三 and 四 are the report's 200 numbers; prose cannot replace
    /// them. Even a body with nothing to report fills them with zeros.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// 本年度未发生行政复议、行政诉讼。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// 行政复议 | 行政诉讼
    /// 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: inserts the template table with every value 0 after the
    /// heading. The zeros are placeholders until a person checks them.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号.
    pub(crate) static RULE = {
        code: "S006",
        name: "missing-table",
        title: "缺少统计表",
        summary: "Table 二, 三 or 四 is absent under its section",
        summary_zh: "表二、表三或表四缺失，或未列在所属部分之下。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::Unsafe,
        check: check,
        docs_zh: r#"## 检查内容
指出缺少统计表的第二、三、四部分，以及未列在所属部分之下、放在了其他部分的统计表。

## 为何有问题
表二、表三、表四就是报告的200个数据，不能用文字叙述代替。即使没有可报告的情况，也要填表，各项填0。

## 示例
{examples}

## 修正
须人工核对：在标题后插入模板表格，各项数值均为0。这些0只是占位，须经人工核对后才能作准。

## 依据
国办公开办函〔2021〕30号。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let report = ctx.report;
    for kind in TableKind::ALL {
        let Some(section) = report.section(kind.section()) else { continue };
        match report.table(kind) {
            None => out.push(
                Finding::new(
                    section.heading_span,
                    t!(
                        lang,
                        "section 「{title}」 has no {table}",
                        "「{title}」部分缺少{table}",
                        title = kind.section().title(),
                        table = kind.name()
                    ),
                )
                .label(t!(lang, "{table} expected under this heading", "{table}应在此标题下", table = kind.name()))
                .help(t!(
                    lang,
                    "add {table} with the template's rows; write 0 where there is nothing to report",
                    "请按模板补上{table}及其各行；没有数据的填0",
                    table = kind.name()
                ))
                .unsafe_fix(
                    t!(
                        lang,
                        "Insert an empty {table} (all values 0)",
                        "插入空白{table}（数值均为0）",
                        table = kind.name()
                    ),
                    vec![Edit::insert(section.heading_span.end, format!("\n{}", table_markdown(kind)))],
                ),
            ),
            Some(table) if !section.span.contains(table.span) => out.push(
                Finding::new(
                    table_anchor(table),
                    t!(
                        lang,
                        "{table} is not under section 「{title}」",
                        "{table}不在「{title}」部分下",
                        table = kind.name(),
                        title = kind.section().title()
                    ),
                )
                .label(t!(lang, "{table} starts here", "{table}起始处", table = kind.name()))
                .secondary(section.heading_span, t!(lang, "its section", "所属部分"))
                .help(t!(
                    lang,
                    "move {table} under 「{heading}」",
                    "请将{table}移至「{heading}」下",
                    table = kind.name(),
                    heading = kind.section().heading()
                )),
            ),
            Some(_) => {}
        }
    }
}
