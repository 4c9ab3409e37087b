use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a figure the text states twice with different numbers: new
    /// applications, carry-over, decided, carried forward, 行政复议, 行政诉讼, or a
    /// table 二 figure. (「共受理21件」 and 「新受理20件」 are different figures and
    /// may differ, and so are figures whose sentences name different years:
    /// 「2020年…行政许可33项」 and 「2021年新增…行政许可0项」.)
    ///
    /// ## Why is this bad
    /// A report that says 5 in one paragraph and 6 in another is wrong in at least
    /// one place, whatever the table says.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 2024年新收政府信息公开申请5件。
    /// 三、收到和处理政府信息公开申请情况
    /// 本年新收政府信息公开申请6件，均已答复。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 2024年新收政府信息公开申请5件。
    /// 三、收到和处理政府信息公开申请情况
    /// 本年新收政府信息公开申请5件，均已答复。
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// Consistency of the report.
    pub(crate) static RULE = {
        code: "X007",
        name: "self-contradiction",
        title: "前后数据矛盾",
        summary: "The same figure is stated with different numbers in two places",
        summary_zh: "正文中同一数据在两处所写的数字不同。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
正文在两处写同一项数据而数字不同的，予以报告。所查数据包括：新收申请数、上年结转数、办结数、结转下年度数、行政复议数、行政诉讼数，以及表二中的各项数据。（「共受理21件」和「新受理20件」是两项不同的数据，可以不同；句中写明的年份不同的，也不是同一项数据，如「2020年……行政许可33项」和「2021年新增……行政许可0项」。）

## 为何有问题
报告一段写5件、另一段写6件，不论表格怎么填，至少有一处是错的。

## 示例
{examples}

## 修正
不提供修正：须人工确定正确数字后统一修改。

## 依据
报告自身前后一致。"#,
    }
}

use crate::claims::{Claim, Metric};
use crate::facts::show;

/// Figures with one meaning: a second, different value is a contradiction.
fn comparable(claim: &Claim) -> bool {
    matches!(
        claim.metric,
        Metric::ReceivedNew
            | Metric::CarriedOver
            | Metric::Disposed
            | Metric::CarriedForward
            | Metric::Review
            | Metric::Litigation
            | Metric::Table2(_)
    ) && claim.unit != "%"
        && claim.unit != "％"
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let claims: Vec<&Claim> = ctx.claims().iter().filter(|c| comparable(c)).collect();
    // A sentence that names no year speaks of the report's; two figures of
    // years that differ are no contradiction.
    let report_year = ctx.report.metadata.year.as_ref().map(|year| year.value);
    let same_year = |a: &Claim, b: &Claim| match (a.year.or(report_year), b.year.or(report_year)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    for (index, claim) in claims.iter().enumerate() {
        let Some(first) = claims[..index]
            .iter()
            .find(|earlier| earlier.metric == claim.metric && earlier.unit == claim.unit && same_year(earlier, claim))
        else {
            continue;
        };
        if (first.value - claim.value).abs() > 1e-9 {
            out.push(
                Finding::new(
                    claim.span,
                    t!(
                        lang,
                        "stated as {here} here but {earlier} earlier",
                        "此处为{here}，前文为{earlier}，前后不一致",
                        here = show(claim.value),
                        earlier = show(first.value)
                    ),
                )
                .label(t!(lang, "second statement", "后一处表述"))
                .secondary(first.span, t!(lang, "first statement", "前一处表述"))
                .help(t!(
                    lang,
                    "use one number, the one in the table",
                    "请统一为一个数字，以表中数据为准"
                )),
            );
        }
    }
}
