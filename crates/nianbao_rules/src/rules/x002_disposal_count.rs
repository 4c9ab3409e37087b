use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Compares 「办结/答复 N件」 with （七）总计, 「结转下年度/正在办理 N件」 with
    /// 四、结转下年度继续办理, and 「上年结转 N件」 with 二、上年结转 (all 总计 column).
    ///
    /// ## Why is this bad
    /// These sentences restate table 三. A different number means one of them was
    /// not updated.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 2024年依申请公开已办结17件。
    /// 三、收到和处理政府信息公开申请情况
    /// 一、本年新收政府信息公开申请数量 | 59 | 0 | 0 | 0 | 0 | 0 | 59
    /// 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    /// （七）总计 | 57 | 0 | 0 | 0 | 0 | 0 | 57
    /// 四、结转下年度继续办理 | 4 | 0 | 0 | 0 | 0 | 0 | 4
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 2024年依申请公开已办结57件。
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
    /// 国办公开办函〔2021〕30号 (table 三).
    pub(crate) static RULE = {
        code: "X002",
        name: "disposal-count",
        title: "正文办结结转数不符",
        summary: "A prose count of applications decided, carried over or carried forward disagrees with table 三",
        summary_zh: "正文所述办结、上年结转或结转下年度的申请数与表三不一致。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
核对正文中的以下数字是否与表三总计栏相符：「办结」「答复」N件对应「（七）总计」；「结转下年度」「正在办理」N件对应「四、结转下年度继续办理」；「上年结转」N件对应「二、上年结转政府信息公开申请数量」。

## 为何有问题
这些句子是在复述表三。数字不同，说明其中一处没有随之更新。

## 示例
{examples}

## 修正
不提供修正：可能是正文写错，也可能是表格填错，须人工核对后修改。

## 依据
国办公开办函〔2021〕30号（表三）。"#,
    }
}

use nianbao_model::T3Row;

use super::report_claim_mismatch;
use crate::claims::Metric;
use crate::facts::t3_row;

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for claim in ctx.claims().iter().filter(|c| c.unit != "%" && c.unit != "％") {
        let (row, what) = match claim.metric {
            Metric::Disposed => (T3Row::TotalResults, t!(lang, "applications decided", "办结申请")),
            Metric::CarriedForward => {
                (T3Row::CarriedForward, t!(lang, "applications carried forward", "结转下年度的申请"))
            }
            Metric::CarriedOver => (T3Row::CarriedOver, t!(lang, "applications carried over", "上年结转的申请")),
            _ => continue,
        };
        let expected: Vec<_> = t3_row(ctx.report, row).into_iter().collect();
        report_claim_mismatch(lang, claim, &expected, &what, out);
    }
}
