use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a section 六 that does not mention the 信息处理费 (information
    /// processing fee) at all, and says so more pointedly when table 三 counts
    /// applications closed for unpaid fees. Reports for 2019 and 2020, before
    /// the statement was due, are not checked; nor is an empty section 六,
    /// which X010 reports.
    ///
    /// ## Why is this bad
    /// The format requires section 六 to state the fee situation under
    /// 国办函〔2020〕109号, even when no fee was charged (「本年度未收取信息处理费」).
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 六、其他需要报告的事项
    /// 本年度无其他需要报告的事项。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 六、其他需要报告的事项
    /// 本年度未收取政府信息公开信息处理费。
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号; 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号).
    pub(crate) static RULE = {
        code: "X009",
        name: "fee-statement",
        title: "未说明信息处理费",
        summary: "Section 六 says nothing about the 信息处理费",
        summary_zh: "第六部分未说明信息处理费的收取情况。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
第六部分完全没有提到信息处理费的，予以报告；表三「（六）其他处理」中「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」一行大于0的（即有申请因未缴费而不再处理），提示时一并指出该数字。2019年度、2020年度的报告不检查，当时尚不要求说明收费情况；第六部分为空的也不检查，由X010报告。

## 为何有问题
格式要求第六部分按照国办函〔2020〕109号说明信息处理费的收取情况，即使未收费也要写明（「本年度未收取信息处理费」）。

## 示例
{examples}

## 修正
不提供修正：收费情况须由本机关据实补写。

## 依据
国办公开办函〔2021〕30号；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。"#,
    }
}

use nianbao_model::{SectionKind, T3Row};

use crate::facts::{show, t3_row};

const FEE_WORDS: &[&str] = &["处理费", "收费", "收取费用", "费用"];

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    // The statement is due from the 2021 reports on (国办函〔2020〕109号).
    if ctx.predates_2021_format() {
        return;
    }
    let Some(section) = ctx.report.section(SectionKind::OtherMatters) else { return };
    // An empty section 六 is X010's finding, whose help asks for the fee.
    if super::x010_empty_section::says_nothing(section, false) {
        return;
    }
    if section.paragraphs.iter().any(|p| FEE_WORDS.iter().any(|w| p.text.contains(w))) {
        return;
    }
    let unpaid = t3_row(ctx.report, T3Row::OtherUnpaidFee).filter(|f| f.value > 0.0);
    let message = t!(lang, "section 六 does not state the 信息处理费 situation", "第六部分未说明信息处理费的收取情况");
    let mut finding = Finding::new(section.heading_span, message)
        .label(t!(lang, "no mention of fees in this section", "本部分未提及收费"))
        .help(t!(
            lang,
            "add a sentence such as 「本年度未收取政府信息公开信息处理费」 (国办函〔2020〕109号)",
            "请补充一句说明，如「本年度未收取政府信息公开信息处理费」（国办函〔2020〕109号）"
        ));
    if let Some(unpaid) = unpaid {
        let label = t!(
            lang,
            "{figure} = {value}: fees were charged",
            "{figure} = {value}：存在收费情形",
            figure = unpaid.named(lang),
            value = show(unpaid.value)
        );
        finding = finding.secondary(unpaid.cells[0], label);
    }
    out.push(finding);
}
