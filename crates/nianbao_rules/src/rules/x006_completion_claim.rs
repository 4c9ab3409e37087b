use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports 「所有申请均已办结」 (and 「全部办结」, 「均在法定期限内办结」, 「办结率为100%」) while 四、结转下年度继续办理[总计] is
    /// above 0, and 「未收到…申请」 while 一、本年新收[总计] is above 0.
    ///
    /// ## Why is this bad
    /// Both are categorical statements that the table disproves; readers who trust
    /// the sentence are misled about open applications.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 本年度收到的政府信息公开申请均已办结。
    /// 三、收到和处理政府信息公开申请情况
    /// 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3
    /// 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 本年度收到的政府信息公开申请，除1件结转下年度外均已办结。
    /// 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (table 三).
    pub(crate) static RULE = {
        code: "X006",
        name: "completion-claim",
        title: "办理情况表述不实",
        summary: "「所有申请均已办结」 or 「未收到申请」 while table 三 says otherwise",
        summary_zh: "正文称「所有申请均已办结」或「未收到申请」，但表三数据与此不符。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
以下情形予以报告：「四、结转下年度继续办理」总计大于0，正文却称「所有申请均已办结」（或「全部办结」「均在法定期限内办结」「办结率为100%」）；「一、本年新收政府信息公开申请数量」总计大于0，正文却称「未收到……申请」。

## 为何有问题
这两种说法都是断然的表述，表格却证明其不成立；读者相信了这句话，就会误以为没有尚未办结的申请。

## 示例
{examples}

## 修正
不提供修正：须人工核对表三后改正表述。

## 依据
国办公开办函〔2021〕30号（表三）。"#,
    }
}

use nianbao_model::{Span, T3Row};

use super::contradiction;
use crate::facts::t3_row;
use crate::text::{has, words};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let label = || t!(lang, "categorical claim", "绝对化表述");
    let help = || t!(lang, "state what table 三 records", "请按表三所载数据表述");
    let report = ctx.report;
    let carried = t3_row(report, T3Row::CarriedForward).filter(|f| f.value > 0.0);
    let received = t3_row(report, T3Row::NewReceived).filter(|f| f.value > 0.0);
    if carried.is_none() && received.is_none() {
        return; // No claim could be contradicted.
    }
    for (paragraph, chars) in ctx.paragraphs() {
        if !words!["办结", "收到", "接到"].any_in(&paragraph.text, chars) {
            continue;
        }
        for sentence in paragraph.text.split(['。', '；']) {
            let offset = sentence.as_ptr() as usize - paragraph.text.as_ptr() as usize;
            let span = Span::new(paragraph.span.start + offset, paragraph.span.start + offset + sentence.len());
            // Both claims are about applications.
            if !has(sentence, "申请") {
                continue;
            }
            // 「所有申请均在法定期限内办结」 says every application was decided too
            // (real: Pingtan 312, two carried into the next year).
            let all_done = [
                "均已办结",
                "全部办结",
                "全部按时办结",
                "均已按时办结",
                "均在法定期限内办结",
                "均在法定答复期限内办结",
                "办结率为100%",
                "办结率均为100%",
            ]
            .iter()
            .any(|w| has(sentence, w));
            let has_exception = ["除", "外"].iter().all(|w| has(sentence, w));
            if let Some(figure) = carried.as_ref().filter(|_| all_done && !has_exception) {
                let claim = t!(lang, "all applications were decided", "申请均已办结");
                out.push(contradiction(lang, span, &claim, figure, label(), help()));
            }
            let none_received = says_none_received(sentence);
            if let Some(figure) = received.as_ref().filter(|_| none_received) {
                let claim = t!(lang, "no applications were received", "未收到申请");
                out.push(contradiction(lang, span, &claim, figure, label(), help()));
            }
        }
    }
}

/// Whether `sentence` says no disclosure application came in: 「未收到
/// 政府信息公开申请」, not 「未收到…行政复议、行政诉讼的申请」 nor 「未收到该
/// 申请人提交的补正」.
fn says_none_received(sentence: &str) -> bool {
    ["未收到", "没有收到", "未接到"].iter().any(|word| {
        sentence.match_indices(word).any(|(at, _)| {
            let rest = &sentence[at + word.len()..];
            let Some(object) = rest.match_indices("申请").find(|(i, _)| !rest[i + "申请".len()..].starts_with('人'))
            else {
                return false;
            };
            let between = &rest[..object.0];
            !["复议", "诉讼", "补正", "投诉", "申请人"].iter().any(|other| has(between, other))
        })
    })
}
