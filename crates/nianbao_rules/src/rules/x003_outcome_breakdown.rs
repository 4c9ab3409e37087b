use crate::context::Context;
use crate::finding::Finding;
use crate::lang::Text;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Compares 「予以公开/部分公开/不予公开/无法提供/不予处理/其他处理 N件」 with the
    /// outcome groups of table 三 (总计 column, or the applicant columns' sum
    /// where 总计 is left blank; 不予公开 is the sum of its eight rows; groups
    /// named together, 「予以公开及部分公开42件」, with their sum),
    /// and 「N%」 with the group's share of （七）总计 (to the nearest 0.5). Percentages
    /// of a full breakdown in one sentence must add up to 100 (± 0.1).
    ///
    /// ## Why is this bad
    /// Outcome figures are what readers quote; a breakdown that does not match the
    /// table, or does not add up to 100%, misleads them.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 依申请公开办理结果中，予以公开40件。
    /// 三、收到和处理政府信息公开申请情况
    /// （一）予以公开 | 35 | 0 | 0 | 0 | 0 | 0 | 35
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 依申请公开办理结果中，予以公开35件。
    /// 三、收到和处理政府信息公开申请情况
    /// （一）予以公开 | 35 | 0 | 0 | 0 | 0 | 0 | 35
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (table 三).
    pub(crate) static RULE = {
        code: "X003",
        name: "outcome-breakdown",
        title: "正文办理结果不符",
        summary: "Prose counts or percentages of outcomes disagree with table 三",
        summary_zh: "正文所述各类办理结果的件数或占比与表三不一致。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
核对正文中「予以公开」「部分公开」「不予公开」「无法提供」「不予处理」「其他处理」N件是否与表三相应的办理结果相符：取总计栏的数字，总计栏空白的，取各申请人栏之和；「不予公开」为其下八行之和；几类结果合在一起说的（「予以公开及部分公开42件」），与这几类之和比较。正文所写的百分比（「N%」）与该类结果占「（七）总计」的比例比较，相差不超过0.5个百分点即视为相符。同一句话完整列出各类办理结果的百分比时，各项合计应为100%（允许误差±0.1）。

## 为何有问题
办理结果的数字是读者最常引用的。分项数字与表格不符，或百分比合计不是100%，都会误导读者。

## 示例
{examples}

## 修正
不提供修正：须人工核对正文与表三，查明哪一处有误后修改。

## 依据
国办公开办函〔2021〕30号（表三）。"#,
    }
}

use nianbao_model::{Span, T3Row};

use super::report_claim_mismatch;
use crate::claims::{Claim, Metric, Outcomes};
use crate::facts::{outcomes, show, t3_row};

fn is_percent(claim: &Claim) -> bool {
    claim.unit == "%" || claim.unit == "％"
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let report = ctx.report;
    let total = t3_row(report, T3Row::TotalResults);
    for claim in ctx.claims() {
        let Metric::Outcome(groups) = claim.metric else { continue };
        // 「不予公开信息数48条」 counts items of information, not applications (件).
        if claim.unit == "条" {
            continue;
        }
        let Some(figure) = outcomes(report, groups) else { continue };
        if !is_percent(claim) {
            let what = t!(lang, "applications with this outcome", "该类办理结果的申请");
            report_claim_mismatch(lang, claim, &[figure], &what, out);
            continue;
        }
        let Some(total) = total.as_ref().filter(|t| t.value > 0.0) else { continue };
        let share = figure.value / total.value * 100.0;
        if (share - claim.value).abs() > 0.5 {
            out.push(
                Finding::new(
                    claim.span,
                    t!(
                        lang,
                        "the text says {stated}%, but {figure} is {share:.1}% of {total}",
                        "正文称占{stated}%，但表中{figure}占{total}的{share:.1}%",
                        stated = show(claim.value),
                        figure = figure.named(lang),
                        share = share,
                        total = total.name
                    ),
                )
                .label(t!(lang, "share stated in the text", "正文所述占比"))
                .secondary(claim.clause, t!(lang, "this sentence", "此句"))
                .secondary(figure.cells[0], Text::neutral(format!("{} = {}", figure.named(lang), show(figure.value))))
                .help(t!(
                    lang,
                    "percentages are the outcome's share of （七）总计",
                    "请核对百分比：应为该类办理结果占（七）总计的比例"
                )),
            );
        }
    }
    // A full breakdown in one sentence adds up to 100%.
    let has_unread_rows = report
        .table(nianbao_model::TableKind::Applications)
        .is_some_and(|table| table.rows.iter().any(|row| row.is_unread()));
    let mut by_clause: Vec<(Span, f64, usize, Outcomes)> = Vec::new();
    for claim in ctx.claims().iter().filter(|c| is_percent(c) && matches!(c.metric, Metric::Outcome(_))) {
        let Metric::Outcome(groups) = claim.metric else { continue };
        let sentence = claim.clause;
        // Clauses of one breakdown follow each other: each starts within 60
        // bytes of where the breakdown so far ends.
        let joins = |span: &Span| sentence.start >= span.start && sentence.start.saturating_sub(span.end) <= 60;
        match by_clause.iter_mut().find(|(span, ..)| joins(span)) {
            Some(entry) => {
                entry.0 = entry.0.cover(sentence);
                entry.1 += claim.value;
                entry.2 += 1;
                entry.3 = entry.3.union(groups);
            }
            None => by_clause.push((sentence, claim.value, 1, groups)),
        }
    }
    for (span, sum, count, named) in by_clause {
        // A breakdown of all outcomes: those it leaves out are 0 in 表三
        // (「其他处理0件」); three of five shares need not add up to 100%.
        // Rows the table does not have (the 2019 format's （六）) count as
        // none; rows it could not read leave the breakdown undecided.
        let rest = named.complement();
        let full =
            rest.iter().next().is_none() || outcomes(report, rest).map_or(!has_unread_rows, |rest| rest.value == 0.0);
        if count >= 3 && full && (sum - 100.0).abs() > 0.1 {
            out.push(
                Finding::new(
                    span,
                    t!(
                        lang,
                        "the outcome percentages add up to {sum}%, not 100%",
                        "各项办理结果的百分比合计为{sum}%，不是100%",
                        sum = show((sum * 10.0).round() / 10.0)
                    ),
                )
                .label(t!(lang, "a breakdown of all outcomes", "全部办理结果的构成"))
                .help(t!(lang, "check each percentage against table 三", "请对照表三逐项核对百分比")),
            );
        }
    }
}
