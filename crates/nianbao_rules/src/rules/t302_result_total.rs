use super::report_failing_totals;
use crate::context::Context;
use crate::finding::Finding;
use crate::identity::IdentityKind;
use crate::lang::Text;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Checks that （七）总计 of table 三 is, in every column, the sum of the 21
    /// result rows （一）予以公开 through （六）其他处理 3.其他.
    ///
    /// ## Why is this bad
    /// （七）总计 is the number of applications decided this year. A total that
    /// is not the sum of its parts means a result was left out or mistyped.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3
    /// （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1
    /// 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 1.本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    /// 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// （七）总计 | 4 | 0 | 0 | 0 | 0 | 0 | 4
    /// ```
    /// ### ✓ Correct
    /// The same rows with （七）总计 written as the sum:
    /// ```text
    /// （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3
    /// （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1
    /// 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 1.本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    /// 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// （七）总计 | 5 | 0 | 0 | 0 | 0 | 0 | 5
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: writes the computed sum into （七）总计, but the wrong number may
    /// be one of the 21 parts.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号, table 三.
    pub(crate) static RULE = {
        code: "T302",
        name: "result-total",
        title: "办理结果总计不符",
        summary: "（七）总计 is not the sum of the result rows in a column of table 三",
        summary_zh: "表三某一列的（七）总计不等于（一）至（六）各项办理结果之和。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::Unsafe,
        check: check,
        docs_zh: r#"## 检查内容
核对表三每一列的「（七）总计」，是否等于从「（一）予以公开」到「（六）其他处理」之「3.其他」共21个办理结果行之和。

## 为何有问题
（七）总计是本年办结的申请数。总计不等于各分项之和，说明漏填或填错了某项办理结果。

## 示例
### ✗ 错误
```text
{example 1}
```
### ✓ 正确
各行不变，（七）总计填为各项之和：
```text
{example 2}
```

## 修正
须人工核对：修正会把算出的和填入（七）总计，但填错的也可能是21个分项中的某一项。

## 依据
国办公开办函〔2021〕30号，表三。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let help = || {
        t!(
            lang,
            "（七）总计 is the sum of （一） through （六）; check the parts, then the total",
            "（七）总计应等于（一）至（六）各项之和；请先核对各项，再核对总计"
        )
    };
    let label = |i: &crate::identity::Identity<'_>| Text::neutral(format!("（七）总计 · {}", i.subject));
    report_failing_totals(ctx, IdentityKind::ResultTotal, label, &help, true, out);
}
