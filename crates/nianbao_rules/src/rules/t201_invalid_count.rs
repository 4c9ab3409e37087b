use nianbao_model::{RowKey, T2Row, TableKind};

use super::report_invalid_counts;
use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a count in table 二 (规章, 行政规范性文件, 行政许可, 行政处罚,
    /// 行政强制) that is negative, fractional or not a number. The fee row is
    /// checked by T202.
    ///
    /// ## Why is this bad
    /// These cells count documents and decisions: only whole numbers ≥ 0 mean
    /// anything. Anything else is a typing or extraction error.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 规章 | 0 | 0 | -1
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 规章 | 0 | 0 | 1
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the right number is not known.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (table 二).
    pub(crate) static RULE = {
        code: "T201",
        name: "invalid-disclosure-count",
        title: "表二件数无效",
        summary: "A table 二 count is not a non-negative integer",
        summary_zh: "表二中的件数不是大于或等于0的整数。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
检查表二中规章、行政规范性文件、行政许可、行政处罚、行政强制各行的件数，发现负数、小数或不是数字的，予以提示。行政事业性收费一行由`T202`检查。

## 为何有问题
这些栏目统计的是文件和决定的件数，只有大于或等于0的整数才有意义。填了其他内容，说明录入有误或文本提取出错。

## 示例
{examples}

## 修正
不提供修正：无从得知正确的数字是多少。

## 依据
国办公开办函〔2021〕30号（表二）。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if let Some(table) = ctx.report.table(TableKind::Proactive) {
        // A 2019 or 2020 report in the trial format of its year counts 本年增/减, signed.
        let signed = super::in_format_of_its_year(ctx, table);
        report_invalid_counts(ctx.lang(), table, |key| key == RowKey::T2(T2Row::Fees), signed, out);
    }
}
