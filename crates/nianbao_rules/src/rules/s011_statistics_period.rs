use nianbao_model::Span;

use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a report without a statistics-period sentence, and a statistics
    /// period whose year is not the year the report is for.
    ///
    /// ## Why is this bad
    /// The numbers mean nothing without the period they count. The usual
    /// sentence is 「本年度报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止」;
    /// a period copied from last year's report with the old year is a common slip.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 某某局2024年政府信息公开工作年度报告
    /// 一、总体情况
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 某某局2024年政府信息公开工作年度报告
    /// 本年度报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。
    /// 一、总体情况
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (the report's preface).
    pub(crate) static RULE = {
        code: "S011",
        name: "statistics-period",
        title: "统计期限有误",
        summary: "No statistics-period sentence, or its year is not the report year",
        summary_zh: "缺少统计期限说明，或统计期限的年份与报告年度不符。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
指出没有统计期限说明的报告，以及统计期限的年份不是报告所属年度的情形。

## 为何有问题
数字离开其统计期限就没有意义。通常的写法是「本年度报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止」；从上一年的报告照抄统计期限、年份未改，是常见的疏漏。

## 示例
{examples}

## 修正
不提供修正。

## 依据
国办公开办函〔2021〕30号（报告开头的引言）。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let report = ctx.report;
    let year = ctx.report_year();
    let Some(period) = &report.metadata.statistics_period else {
        let anchor = report
            .metadata
            .title
            .as_ref()
            .map(|title| title.span)
            .or_else(|| report.preface.first().map(|p| p.span))
            .or_else(|| report.sections.first().map(|s| s.heading_span))
            .unwrap_or(Span::empty(0));
        let example_year = year.map_or_else(|| "2024".to_string(), |y| y.to_string());
        out.push(
            Finding::new(anchor, t!(lang, "no statistics-period sentence", "缺少说明统计期限的语句"))
                .label(t!(lang, "the report does not say which period its numbers count", "未说明数据的统计期限"))
                .help(t!(
                    lang,
                    "add 「本年度报告中所列数据的统计期限自{example_year}年1月1日起至{example_year}年12月31日止」 before 一、总体情况",
                    "请在「一、总体情况」之前写明「本年度报告中所列数据的统计期限自{example_year}年1月1日起至{example_year}年12月31日止」",
                    example_year = example_year
                )),
        );
        return;
    };
    let Some(year) = year else { return };
    for stated in period.years.iter().filter(|stated| stated.value != year) {
        let mut finding = Finding::new(
            stated.span,
            t!(
                lang,
                "statistics period names {stated} but the report is for {year}",
                "统计期限写的是{stated}年，但报告年度为{year}年",
                stated = stated.value,
                year = year
            ),
        )
        .label(t!(lang, "expected {year}", "应为{year}年", year = year));
        if let Some(title_year) = &report.metadata.year {
            finding = finding.secondary(title_year.span, t!(lang, "report year", "报告年度"));
        }
        out.push(finding.help(t!(
            lang,
            "the period is 1 January to 31 December of the report year",
            "请将统计期限写为报告年度的1月1日至12月31日"
        )));
    }
}
