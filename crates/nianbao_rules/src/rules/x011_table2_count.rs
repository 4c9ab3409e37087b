use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Compares figures the text states for table 二 — 「制发/印发行政规范性文件N件」,
    /// 「现行有效行政规范性文件N件」, 「废止行政规范性文件N件」, 「制发规章N件」,
    /// 「行政许可/行政处罚/行政强制 N件」, 「行政事业性收费 N万元」 — with the table.
    /// A figure whose sentence names another year than the report's is about
    /// that year, and is not compared.
    ///
    /// ## Why is this bad
    /// The text and table 二 describe the same documents and decisions;
    /// 「现行有效行政规范性文件393件」 beside a table that says 470 is one of them wrong.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 截至年底，现行有效行政规范性文件393件。
    /// 二、主动公开政府信息情况
    /// 行政规范性文件 | 12 | 3 | 470
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 截至年底，现行有效行政规范性文件470件。
    /// 二、主动公开政府信息情况
    /// 行政规范性文件 | 12 | 3 | 470
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (table 二).
    pub(crate) static RULE = {
        code: "X011",
        name: "table2-count",
        title: "正文表二数据不符",
        summary: "A prose count of 规章, 行政规范性文件, 许可, 处罚, 强制 or fees disagrees with table 二",
        summary_zh: "正文所述规章、行政规范性文件、许可、处罚、强制件数或收费金额与表二不一致。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
核对正文中属于表二的数字是否与表二相符，包括：「制发/印发行政规范性文件N件」「现行有效行政规范性文件N件」「废止行政规范性文件N件」「制发规章N件」「行政许可/行政处罚/行政强制N件」「行政事业性收费N万元」。句中写明的年份不是报告年度的，说的是该年的情况，不予比较。

## 为何有问题
正文和表二说的是同一批文件和决定。正文写「现行有效行政规范性文件393件」，旁边的表格却是470件，必有一处是错的。

## 示例
{examples}

## 修正
不提供修正：须人工核对正文与表二，查明哪一处有误后修改。

## 依据
国办公开办函〔2021〕30号（表二）。"#,
    }
}

use super::report_claim_mismatch;
use crate::claims::Metric;
use crate::facts::table2;

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let report_year = ctx.report.metadata.year.as_ref().map(|year| year.value);
    for claim in ctx.claims() {
        let Metric::Table2(figure) = claim.metric else { continue };
        // 「2020年主动公开行政许可33项」 in a 2024 report is no figure of this
        // year's table.
        if claim.year.is_some() && report_year.is_some() && claim.year != report_year {
            continue;
        }
        let expected: Vec<_> = table2(ctx.report, figure).into_iter().collect();
        report_claim_mismatch(lang, claim, &expected, &t!(lang, "in table 二's terms", "表二所列事项"), out);
    }
}
