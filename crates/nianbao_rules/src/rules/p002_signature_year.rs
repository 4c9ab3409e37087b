use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a publish date (metadata block, a web copy's 发布时间, or the dated
    /// signature) whose year is not the report year + 1: a 2024 report is
    /// published in 2025. A web copy's signature is checked too, also where the
    /// page ran it into the last paragraph: a signature copied from last year's
    /// report under a right 发布时间 is still wrong.
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
发布日期（元数据块、网页的「发布时间」或文末带日期的落款）的年份不是报告年度加1的，报告本规则：2024年度报告应在2025年发布。网页版的落款也单独核对（包括网页把落款并入最后一段的情形）：「发布时间」正确而落款沿用上年报告的日期，同样有误。

## 为何有问题
落款日期就在报告年度当年，或晚了两年，通常是照搬了旧报告的日期，或者标题中的报告年度写错了。

## 示例
{examples}

## 修正
不提供修正：错的可能是日期，也可能是报告年度，须人工核对。

## 依据
《中华人民共和国政府信息公开条例》第四十九条。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(year) = ctx.report_year() else { return };
    let metadata = &ctx.report.metadata;
    let published = metadata.publish_date.as_ref();
    // A web copy's 发布时间 and the signature at the end are each checked:
    // a signature copied from last year's report under a right 发布时间 is
    // still wrong. The same date is said once.
    let signature = metadata.signature_date.as_ref().filter(|signed| published.is_none_or(|p| p.span != signed.span));
    let lang = ctx.lang();
    for (stated, is_signature) in [(published, false), (signature, true)] {
        let Some(stated) = stated else { continue };
        if stated.value.year == year + 1 {
            continue;
        }
        let what =
            if is_signature { t!(lang, "signed", "落款日期在") } else { t!(lang, "dated", "发布日期在") };
        let mut finding = Finding::new(
            stated.span,
            t!(
                lang,
                "{what} {dated}, but a report for {year} is published in {next}",
                "{what}{dated}年，但{year}年度报告应在{next}年发布",
                what = what,
                dated = stated.value.year,
                year = year,
                next = year + 1
            ),
        )
        .label(if is_signature {
            t!(lang, "signature date", "落款日期")
        } else {
            t!(lang, "publish date", "发布日期")
        })
        .help(t!(lang, "check the date and the report year in the title", "请核对日期和标题中的报告年度"));
        if let Some(title_year) = &metadata.year {
            finding = finding.secondary(title_year.span, t!(lang, "report year", "报告年度"));
        }
        out.push(finding);
    }
}
