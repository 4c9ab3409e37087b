use nianbao_model::TableKind;

use super::report_invalid_counts;
use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a table 三 cell that is negative, fractional or not a number.
    ///
    /// ## Why is this bad
    /// Table 三 counts applications: only whole numbers ≥ 0 mean anything. The
    /// arithmetic checks skip such a cell, so its row and column go unchecked.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 4 | 0.5 | 0 | 0 | 0 | 0 | 4
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the right number is not known.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号, table 三.
    pub(crate) static RULE = {
        code: "T304",
        name: "invalid-application-count",
        title: "表三件数无效",
        summary: "A table 三 cell is negative, fractional or not a number",
        summary_zh: "表三中有单元格为负数、小数或不是数字。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
表三中有单元格为负数、小数或不是数字的，予以提示。

## 为何有问题
表三统计的是申请件数，只有大于或等于0的整数才有意义。各项算术核对会跳过这样的单元格，它所在的行和列因此得不到核对。

## 示例
{examples}

## 修正
不提供修正：无从得知正确的数字是多少。

## 依据
国办公开办函〔2021〕30号，表三。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if let Some(table) = ctx.report.table(TableKind::Applications) {
        report_invalid_counts(ctx.lang(), table, |_| false, false, out);
    }
}
