use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a publish date (metadata block or dated signature) whose year is not
    /// the report year + 1: a 2024 report is published in 2025.
    ///
    /// ## Why is this bad
    /// A signature dated in the report year itself, or two years later, is usually a
    /// date copied from an old report, or a wrong report year in the title.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 某某局2024年政府信息公开工作年度报告
    /// 发布时间: 2024-01-20
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
        code: "P002",
        name: "signature-year",
        title: "发布年份有误",
        summary: "The publish year is not the year after the report year",
        summary_zh: "发布日期的年份不是报告年度的次年。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
发布日期（元数据块或文末带日期的落款）的年份不是报告年度加1的，报告本规则：2024年度报告应在2025年发布。

## 为何有问题
落款日期就在报告年度当年，或晚了两年，通常是照搬了旧报告的日期，或者标题中的报告年度写错了。

## 示例
### ✗ 错误
```text
某某局2024年政府信息公开工作年度报告
发布时间: 2024-01-20
```
### ✓ 正确
```text
某某局2024年政府信息公开工作年度报告
发布时间: 2025-01-20
```

## 修正
不提供修正：错的可能是日期，也可能是报告年度，须人工核对。

## 依据
《中华人民共和国政府信息公开条例》第四十九条。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let (Some(year), Some(stated)) = (ctx.report_year(), &ctx.report.metadata.publish_date) else { return };
    if stated.value.year == year + 1 {
        return;
    }
    let lang = ctx.lang();
    let mut finding = Finding::new(
        stated.span,
        t!(
            lang,
            "dated {dated}, but a report for {year} is published in {next}",
            "发布日期在{dated}年，但{year}年度报告应在{next}年发布",
            dated = stated.value.year,
            year = year,
            next = year + 1
        ),
    )
    .label(t!(lang, "publish date", "发布日期"))
    .help(t!(lang, "check the date and the report year in the title", "请核对发布日期和标题中的报告年度"));
    if let Some(title_year) = &ctx.report.metadata.year {
        finding = finding.secondary(title_year.span, t!(lang, "report year", "报告年度"));
    }
    out.push(finding);
}
