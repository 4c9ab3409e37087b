use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Finds document numbers whose year and serial number ran together or lost a
    /// bracket: 「国办公开办函〔202130号」, 「国办公开办函2021〕30号」.
    ///
    /// ## Why is this bad
    /// A mangled 文号 cannot be looked up, and shows the text was not proof-read.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 根据国办公开办函〔202130号要求编制本报告。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 根据国办公开办函〔2021〕30号要求编制本报告。
    /// ```
    ///
    /// ## Fix safety
    /// No fix: where the year ends cannot always be told.
    ///
    /// ## Source
    /// GB/T 9704-2012 7.2.4 (发文字号).
    pub(crate) static RULE = {
        code: "F002",
        name: "mangled-doc-number",
        title: "发文字号残缺",
        summary: "A 文号 has its year and serial fused or a bracket missing",
        summary_zh: "发文字号的年份与序号连写，或缺少〔或〕。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
查找年份与序号连在一起、或缺了一个括号的发文字号，如「国办公开办函〔202130号」「国办公开办函2021〕30号」。

## 为何有问题
残缺的文号无法据以查找原文件，也说明文稿没有认真校对。

## 示例
{examples}

## 修正
不提供修正：年份写到哪一位为止，并不总能判断，须人工核对。

## 依据
GB/T 9704-2012《党政机关公文格式》7.2.4（发文字号）。"#,
    }
}

use crate::text::{at, is_ideograph, words};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for (base, text, chars) in ctx.prose() {
        if !words!["〔", "〕"].any_in(text, chars) {
            continue;
        }
        for (i, ch) in text.char_indices() {
            // 〔 + digits + 号 with no 〕: year and serial fused.
            if ch == '〔' {
                let digits: String = text[i + ch.len_utf8()..].chars().take_while(|c| c.is_ascii_digit()).collect();
                let after = &text[i + ch.len_utf8() + digits.len()..];
                if digits.len() >= 5 && after.starts_with('号') {
                    let span = at(base, i, ch.len_utf8() + digits.len() + '号'.len_utf8());
                    let message = t!(
                        lang,
                        "文号 「{written}」 has its year and number run together",
                        "文号「{written}」的年份与序号连在一起",
                        written = span.slice_in(text, base)
                    );
                    out.push(
                        Finding::new(span, message).label(t!(lang, "missing 〕 after the year", "年份后缺少〕")).help(
                            t!(
                                lang,
                                "write 「〔{year}〕{serial}号」",
                                "请写为「〔{year}〕{serial}号」",
                                year = &digits[..4],
                                serial = &digits[4..]
                            ),
                        ),
                    );
                }
            }
            // 函2021〕30号: the opening bracket is missing.
            if ch == '〕' && i >= 4 && text.is_char_boundary(i - 4) {
                let year = &text[i - 4..i];
                let before = text[..i - 4].chars().next_back();
                if year.chars().all(|c| c.is_ascii_digit()) && before.is_some_and(is_ideograph) {
                    let span = at(base, i - 4, 4 + ch.len_utf8());
                    let message = t!(
                        lang,
                        "文号 year 「{written}」 lacks its opening 〔",
                        "文号年份「{written}」前缺少〔",
                        written = span.slice_in(text, base)
                    );
                    out.push(Finding::new(span, message).label(t!(lang, "missing 〔", "缺少〔")).help(t!(
                        lang,
                        "write 「〔{year}〕」",
                        "请写为「〔{year}〕」",
                        year = year
                    )));
                }
            }
        }
    }
}

trait SliceIn {
    fn slice_in<'t>(&self, text: &'t str, base: nianbao_model::Span) -> &'t str;
}

impl SliceIn for nianbao_model::Span {
    fn slice_in<'t>(&self, text: &'t str, base: nianbao_model::Span) -> &'t str {
        &text[self.start - base.start..self.end - base.start]
    }
}
