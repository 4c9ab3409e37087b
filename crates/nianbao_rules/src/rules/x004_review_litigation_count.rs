use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Compares 「行政复议 N件」 with 表四 行政复议 总计, and 「行政诉讼 N件」 with
    /// 未经复议直接起诉 总计 + 复议后起诉 总计.
    ///
    /// ## Why is this bad
    /// Review and litigation are the cases that went wrong; a report that
    /// understates them in the text is the kind of error assessors look for first.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 因政府信息公开引起的行政复议4件。
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// 行政复议 | 行政诉讼
    /// 5 | 2 | 2 | 1 | 10 | 0 | 0 | 2 | 0 | 2 | 1 | 0 | 0 | 0 | 1
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 因政府信息公开引起的行政复议10件。
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// 行政复议 | 行政诉讼
    /// 5 | 2 | 2 | 1 | 10 | 0 | 0 | 2 | 0 | 2 | 1 | 0 | 0 | 0 | 1
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (table 四); seed 003 (「行政复议4件」 against 10).
    pub(crate) static RULE = {
        code: "X004",
        name: "review-litigation-count",
        title: "正文复议诉讼数不符",
        summary: "A prose count of 行政复议 or 行政诉讼 cases disagrees with table 四",
        summary_zh: "正文所述行政复议或行政诉讼案件数与表四不一致。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
核对正文中「行政复议N件」是否与表四行政复议的总计相符，「行政诉讼N件」是否与「未经复议直接起诉」总计加「复议后起诉」总计之和相符。

## 为何有问题
行政复议和行政诉讼是办理中出了问题的案件。正文少报这类案件，正是评估时最先查找的错误。

## 示例
{examples}

## 修正
不提供修正：须人工核对正文与表四，查明哪一处有误后修改。

## 依据
国办公开办函〔2021〕30号（表四）；样本003（正文「行政复议4件」，表格为10件）。"#,
    }
}

use nianbao_model::T4Group;

use super::report_claim_mismatch;
use crate::claims::Metric;
use crate::facts::{litigation, t4_total};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for claim in ctx.claims().iter().filter(|c| c.unit == "件") {
        let (figure, what) = match claim.metric {
            Metric::Review => (t4_total(ctx.report, T4Group::Review), t!(lang, "行政复议 cases", "行政复议案件")),
            Metric::Litigation => (litigation(ctx.report), t!(lang, "行政诉讼 cases", "行政诉讼案件")),
            _ => continue,
        };
        report_claim_mismatch(lang, claim, &figure.into_iter().collect::<Vec<_>>(), &what, out);
    }
}
