use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds known mis-writings of fixed terms: 「效劳公开」 in the 五公开 list
    /// (决策、执行、管理、服务、结果公开), 「信息公开条列」 for 「信息公开条例」, and
    /// others from a built-in lexicon that `nianbao.toml` extends:
    ///
    /// ```toml
    /// [lexicon]
    /// "错误写法" = "正确写法"
    /// ```
    ///
    /// ## Why is this bad
    /// Fixed terms of policy documents are quoted verbatim; a wrong character
    /// changes the term (效劳 is not 服务) and is marked as an error.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 切实做到决策公开、执行公开、管理公开、效劳公开、结果公开“五公开”。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 切实做到决策公开、执行公开、管理公开、服务公开、结果公开“五公开”。
    /// ```
    ///
    /// ## Fix safety
    /// Safe: replaces the term with the lexicon's.
    ///
    /// ## Source
    /// 《关于全面推进政务公开工作的意见》(中办发〔2016〕8号, 五公开); seed 004.
    pub(crate) static RULE = {
        code: "F007",
        name: "wrong-term",
        summary: "A fixed term is mis-written",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::Safe,
        check: check,
    }
}

use nianbao_model::{Edit, Fix};

use crate::text::{FirstChars, at, paragraphs};

/// Built-in lexicon: wrong → right.
const LEXICON: &[(&str, &str)] = &[
    ("效劳公开", "服务公开"),
    ("信息公开条列", "信息公开条例"),
    ("处理费管理方法", "处理费管理办法"),
    ("政府信息公开公作", "政府信息公开工作"),
    ("依申请公开公作", "依申请公开工作"),
];

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let user = ctx.config.lexicon.iter().map(|(wrong, right)| (wrong.as_str(), right.as_str()));
    let lexicon: Vec<(&str, &str)> =
        LEXICON.iter().copied().chain(user).filter(|(wrong, _)| !wrong.is_empty()).collect();
    // One pass over each paragraph, not one search per lexicon entry.
    let first_chars = FirstChars::of(lexicon.iter().map(|(wrong, _)| *wrong));
    for (base, text) in paragraphs(ctx.report) {
        for (i, ch) in text.char_indices() {
            if !first_chars.may_start(ch) {
                continue;
            }
            for &(wrong, right) in lexicon.iter().filter(|(wrong, _)| text[i..].starts_with(wrong)) {
                let span = at(base, i, wrong.len());
                out.push(
                    Finding::new(span, format!("「{wrong}」 should be 「{right}」"))
                        .label("mis-written term")
                        .fix(Fix::safe(format!("Replace with 「{right}」"), vec![Edit::replace(span, right)])),
                );
            }
        }
    }
}
