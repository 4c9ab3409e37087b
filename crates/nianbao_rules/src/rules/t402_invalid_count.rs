use nianbao_model::TableKind;

use super::report_invalid_counts;
use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a table 四 cell that is negative, fractional or not a number.
    ///
    /// ## Why is this bad
    /// Table 四 counts cases: only whole numbers ≥ 0 mean anything, and the
    /// group totals cannot be checked around such a cell.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 行政复议 | 行政诉讼
    /// 5 | 2 | 2 | 1 | 10 | -1 | 0 | 0 | 0 | -1 | 0 | 0 | 0 | 0 | 0
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 行政复议 | 行政诉讼
    /// 5 | 2 | 2 | 1 | 10 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the right number is not known.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号, table 四.
    pub(crate) static RULE = {
        code: "T402",
        name: "invalid-case-count",
        title: "表四件数无效",
        summary: "A table 四 cell is negative, fractional or not a number",
        summary_zh: "表四中有单元格为负数、小数或不是数字。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
表四中有单元格为负数、小数或不是数字的，予以提示。

## 为何有问题
表四统计的是案件数，只有大于或等于0的整数才有意义；这样的单元格所在的组也无法核对总计。

## 示例
{examples}

## 修正
不提供修正：无从得知正确的数字是多少。

## 依据
国办公开办函〔2021〕30号，表四。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if let Some(table) = ctx.report.table(TableKind::ReviewLitigation) {
        report_invalid_counts(ctx.lang(), table, |_| false, false, out);
    }
}
