use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Compares what the text says about applications received (「新收」「收到」「受理」,
    /// and 「办理」「处理」 of applications) with table 三: 一、本年新收[总计], or 一 + 二
    /// when the figure includes carry-over (「共受理749件（含上年结转36件）」); for
    /// 办理/处理 also （七）总计. Chinese numerals count (「十二件」); sub-counts
    /// (「4件受理方式为网络申请」) and comparisons (「较去年上升1件」) do not.
    ///
    /// ## Why is this bad
    /// The prose and the table describe the same year. When 「新受理20件」 stands
    /// beside a table that says 59, one of them is wrong, and assessors check exactly
    /// this.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 2024年新受理政府信息公开申请20件。
    /// 三、收到和处理政府信息公开申请情况
    /// 一、本年新收政府信息公开申请数量 | 59 | 0 | 0 | 0 | 0 | 0 | 59
    /// 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    /// （七）总计 | 57 | 0 | 0 | 0 | 0 | 0 | 57
    /// 四、结转下年度继续办理 | 4 | 0 | 0 | 0 | 0 | 0 | 4
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 2024年新受理政府信息公开申请59件。
    /// 三、收到和处理政府信息公开申请情况
    /// 一、本年新收政府信息公开申请数量 | 59 | 0 | 0 | 0 | 0 | 0 | 59
    /// 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    /// （七）总计 | 57 | 0 | 0 | 0 | 0 | 0 | 57
    /// 四、结转下年度继续办理 | 4 | 0 | 0 | 0 | 0 | 0 | 4
    /// ```
    ///
    /// ## Fix safety
    /// No fix: either the sentence or the table may be wrong.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (table 三); seed 003 (清徐县, 「新受理20件」 against 59).
    pub(crate) static RULE = {
        code: "X001",
        name: "application-count",
        title: "正文新收申请数不符",
        summary: "A prose count of applications received matches neither 一[总计] nor 一 + 二",
        summary_zh: "正文所述收到或办理的申请数，与表三本年新收总计及其加上年结转之和均不一致。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
核对正文中关于收到申请的数字（「新收」「收到」「受理」，以及「办理」「处理」申请的表述）是否与表三相符：应等于「一、本年新收政府信息公开申请数量」的总计；所述数字包含上年结转的（「共受理749件（含上年结转36件）」），应等于一与二之和；「办理」「处理」的数字还可与「（七）总计」相符。中文数字同样核对（「十二件」）；分项数字（「4件受理方式为网络申请」）和增减比较（「较去年上升1件」）不核对。

## 为何有问题
正文和表格说的是同一年度的情况。正文写「新受理20件」，旁边的表格却是59件，两者必有一处是错的，而这正是评估时要逐项核对的内容。

## 示例
{examples}

## 修正
不提供修正：可能是正文写错，也可能是表格填错，须人工核对后修改。

## 依据
国办公开办函〔2021〕30号（表三）；样本003（清徐县，正文「新受理20件」，表格为59件）。"#,
    }
}

use nianbao_model::T3Row;

use super::report_claim_mismatch;
use crate::claims::Metric;
use crate::facts::{received_with_carry_over, t3_row};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let report = ctx.report;
    for claim in ctx.claims().iter().filter(|c| c.unit != "%" && c.unit != "％") {
        let expected: Vec<_> = match claim.metric {
            Metric::ReceivedNew => vec![t3_row(report, T3Row::NewReceived)],
            Metric::Received => vec![t3_row(report, T3Row::NewReceived), received_with_carry_over(report)],
            Metric::Handled => vec![
                t3_row(report, T3Row::NewReceived),
                received_with_carry_over(report),
                t3_row(report, T3Row::TotalResults),
            ],
            _ => continue,
        };
        let expected: Vec<_> = expected.into_iter().flatten().collect();
        let what = if claim.metric == Metric::Handled {
            t!(lang, "applications handled", "办理申请")
        } else {
            t!(lang, "applications received", "收到申请")
        };
        report_claim_mismatch(lang, claim, &expected, &what, out);
    }
}
