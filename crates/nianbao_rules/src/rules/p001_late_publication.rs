use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Compares the publish date — `publish-date` in `nianbao.toml`, the metadata
    /// block (「发文日期」「发布时间」), or a dated signature at the end — with the
    /// deadline in the year after the report year: 1月31日 for a department, 3月31日
    /// for the 本级政府 report (`level = "government"`, or an agency named …人民政府),
    /// or a stricter local `deadline = "01-28"`.
    ///
    /// ## Why is this bad
    /// 《政府信息公开条例》第四十九条 sets the deadlines; late publication is a
    /// finding in every assessment.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 某某局2024年政府信息公开工作年度报告
    /// 发布时间: 2025-02-10
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 某某局2024年政府信息公开工作年度报告
    /// 发布时间: 2025-01-20
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 《中华人民共和国政府信息公开条例》第四十九条.
    pub(crate) static RULE = {
        code: "P001",
        name: "late-publication",
        title: "逾期发布",
        summary: "The report was published after its legal or local deadline",
        summary_zh: "年度报告的发布日期晚于法定或本地规定的截止日期。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
把报告的发布日期与报告年度次年的截止日期比较。发布日期取自 `nianbao.toml` 中的 `publish-date`、元数据块（「发文日期」「发布时间」）或文末带日期的落款。截止日期：部门报告为1月31日；本级政府报告（`level = "government"`，或机关名称为「……人民政府」）为3月31日；本地规定了更早期限的（如 `deadline = "01-28"`），按本地期限。

## 为何有问题
《中华人民共和国政府信息公开条例》第四十九条规定了年度报告的公布期限；逾期发布在各类考核评估中都会被列为问题。

## 示例
{examples}

## 修正
不提供修正：逾期是发布时间的问题，改动报告文字无法纠正；如果日期本身填错了，须人工核对更正。

## 依据
《中华人民共和国政府信息公开条例》第四十九条。"#,
    }
}

use nianbao_model::Span;

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(deadline) = ctx.deadline() else { return };
    let Some((date, span)) = deadline.published else { return };
    if date <= deadline.date {
        return;
    }
    let span = span.or(ctx.report.metadata.title.as_ref().map(|t| t.span)).unwrap_or(Span::empty(0));
    let lang = ctx.lang();
    let message = t!(
        lang,
        "published {date}, after the deadline {deadline} set by {basis}",
        "发布日期为{date}，晚于截止日期{deadline}（依据{basis}）",
        date = date,
        deadline = deadline.date,
        basis = deadline.basis
    );
    out.push(Finding::new(span, message).label(t!(lang, "publish date", "发布日期")).help(t!(
        lang,
        "reports are published by 1月31日 (departments) or 3月31日 (本级政府) of the following year",
        "请于次年1月31日前（部门）或3月31日前（本级政府）发布年度报告"
    )));
}
