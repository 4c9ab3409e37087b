use nianbao_model::{Edit, Fidelity};

use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a section heading that names its statutory section in other
    /// words than the template (「行政机关主动公开政府信息情况」 for
    /// 「主动公开政府信息情况」).
    ///
    /// ## Why is this bad
    /// The format gives each heading verbatim so that reports can be compared
    /// and searched across bodies. Variants are understood but not uniform.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 二、行政机关主动公开政府信息情况
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 二、主动公开政府信息情况
    /// ```
    ///
    /// ## Fix safety
    /// Safe: replaces the heading text with the template's; no fact changes.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号.
    pub(crate) static RULE = {
        code: "S005",
        name: "heading-variant",
        title: "部分标题不规范",
        summary: "A section heading is a known variant of the template's heading",
        summary_zh: "部分标题的文字与模板规定的标题不一致。",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::Safe,
        check: check,
        docs_zh: r#"## 检查内容
指出用与模板不同的文字表述法定部分的标题，例如把「主动公开政府信息情况」写成「行政机关主动公开政府信息情况」。

## 为何有问题
格式逐字规定了每个部分的标题，以便各机关的报告能够相互比对、检索。变体标题虽然看得懂，但不统一。

## 示例
{examples}

## 修正
可自动修正：将标题文字替换为模板标题，不改变任何事实内容。

## 依据
国办公开办函〔2021〕30号。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for section in &ctx.report.sections {
        let (Some(kind), Fidelity::Variant { .. }) = (section.kind, &section.fidelity) else { continue };
        out.push(
            Finding::new(
                section.title.span,
                t!(
                    lang,
                    "heading 「{found}」 is not the template's 「{title}」",
                    "标题「{found}」与模板标题「{title}」不一致",
                    found = section.title.value,
                    title = kind.title()
                ),
            )
            .label(t!(lang, "variant heading", "与模板不同的标题"))
            .safe_fix(
                t!(lang, "Replace with 「{title}」", "改为「{title}」", title = kind.title()),
                vec![Edit::replace(section.title.span, kind.title())],
            ),
        );
    }
}
