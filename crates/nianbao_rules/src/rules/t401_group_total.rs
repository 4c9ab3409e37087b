use super::report_failing_totals;
use crate::context::Context;
use crate::finding::Finding;
use crate::identity::IdentityKind;
use crate::lang::Text;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Checks each of table 四's three groups (行政复议; 行政诉讼 未经复议直接起诉;
    /// 行政诉讼 复议后起诉): 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计.
    ///
    /// ## Why is this bad
    /// Every case has exactly one of the four outcomes, so the outcomes add up
    /// to the total. A mismatch means a case is missing or counted twice.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 行政复议 | 行政诉讼
    /// 5 | 2 | 2 | 1 | 9 | 0 | 0 | 2 | 0 | 2 | 1 | 0 | 0 | 0 | 1
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 行政复议 | 行政诉讼
    /// 5 | 2 | 2 | 1 | 10 | 0 | 0 | 2 | 0 | 2 | 1 | 0 | 0 | 0 | 1
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: writes the computed sum into 总计, but an outcome may be the
    /// wrong number.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号, table 四. Some jurisdictions count cases carried
    /// over from last year; the identity holds either way.
    pub(crate) static RULE = {
        code: "T401",
        name: "group-total",
        title: "复议诉讼总计不符",
        summary: "In a table 四 group, 维持 + 纠正 + 其他 + 尚未审结 ≠ 总计",
        summary_zh: "表四某组的结果维持、结果纠正、其他结果、尚未审结之和不等于总计。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::Unsafe,
        check: check,
        docs_zh: r#"## 检查内容
分别核对表四的三组数据（行政复议；行政诉讼中的未经复议直接起诉；行政诉讼中的复议后起诉）：结果维持、结果纠正、其他结果、尚未审结四栏之和应等于总计。

## 为何有问题
每件案件有且只有这四种结果中的一种，四种结果相加应等于总计。不相等，说明有案件漏计或重复计算。

## 示例
{examples}

## 修正
须人工核对：修正会把算出的和填入总计，但填错的也可能是某一结果栏。

## 依据
国办公开办函〔2021〕30号，表四。有些地方把上年结转的案件也计算在内；无论计入与否，这一等式都成立。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let help =
        || t!(lang, "总计 is the sum of the four outcomes", "总计应等于结果维持、结果纠正、其他结果、尚未审结四项之和");
    let label = |i: &crate::identity::Identity<'_>| Text::neutral(i.left[0].name);
    report_failing_totals(ctx, IdentityKind::GroupTotal, label, &help, false, out);
}
