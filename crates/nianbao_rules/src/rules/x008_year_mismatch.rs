use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a sentence that opens with a year (「2023年，我局…」) other than the
    /// report year in the sections that describe the report year (一 to 四 and 六).
    /// Section 五 may talk about last year's problems; the next year (plans) and
    /// comparisons (同比/较上年) are fine. The statistics period's year is checked by S011.
    ///
    /// ## Why is this bad
    /// Sentences copied from last year's report keep last year's year, and then
    /// describe the wrong year's work.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 某某局2024年政府信息公开工作年度报告
    /// 一、总体情况
    /// 2023年，我局认真落实政府信息公开条例。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 某某局2024年政府信息公开工作年度报告
    /// 一、总体情况
    /// 2024年，我局认真落实政府信息公开条例。
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the year may be right and the sentence misplaced.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (the report covers one calendar year).
    pub(crate) static RULE = {
        code: "X008",
        name: "year-mismatch",
        title: "正文年份有误",
        summary: "The text reports on a year other than the report year",
        summary_zh: "叙述本年度情况的句子以报告年度以外的年份开头。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
在叙述报告年度情况的部分（第一至第四部分和第六部分）中，句子以报告年度以外的年份开头的（「2023年，我局……」），予以报告。第五部分可以谈上年度的问题；写下一年度（工作计划）或作比较（「同比」「较上年」）的不报告。统计期限中的年份由S011检查。

## 为何有问题
从上年报告照搬过来的句子保留了上年的年份，写的就成了另一年度的工作。

## 示例
{examples}

## 修正
不提供修正：年份可能没错，而是这句话放错了位置，须人工判断。

## 依据
国办公开办函〔2021〕30号（年度报告反映一个自然年度的情况）。"#,
    }
}

use nianbao_model::{SectionKind, Span};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let Some(year) = ctx.report_year() else { return };
    for section in ctx.report.sections.iter().filter(|s| s.kind.is_some_and(|k| k != SectionKind::Problems)) {
        for paragraph in &section.paragraphs {
            let text = paragraph.text.trim_start();
            let lead = paragraph.text.len() - text.len();
            // Four ASCII digits exactly: 「12」 or 「+202」 are not years (and a
            // paragraph shorter than four bytes has nothing after them).
            let Some(digits) = text.get(..4).filter(|d| d.bytes().all(|b| b.is_ascii_digit())) else { continue };
            let Ok(stated) = digits.parse::<i32>() else { continue };
            let rest = text[4..].trim_start();
            let opens_sentence = rest.starts_with('年') && {
                let after = rest['年'.len_utf8()..].trim_start();
                after.starts_with(['，', ',', '度', '全', '以', '我', '本', '共'])
            };
            if !opens_sentence || stated == year || stated == year + 1 || !(1990..=2100).contains(&stated) {
                continue;
            }
            let span = Span::new(paragraph.span.start + lead, paragraph.span.start + lead + 4);
            let message = t!(
                lang,
                "this sentence reports on {stated}, but the report is for {year}",
                "此句所述为{stated}年，但本报告为{year}年度报告",
                stated = stated,
                year = year
            );
            let mut finding =
                Finding::new(span, message).label(t!(lang, "expected {year}", "应为{year}", year = year)).help(t!(
                    lang,
                    "update the year, or the sentence if it was copied from another year's report",
                    "请更正年份；如此句抄自其他年度的报告，请改写此句"
                ));
            if let Some(title_year) = &ctx.report.metadata.year {
                finding = finding.secondary(title_year.span, t!(lang, "report year", "报告年度"));
            }
            out.push(finding);
        }
    }
}
