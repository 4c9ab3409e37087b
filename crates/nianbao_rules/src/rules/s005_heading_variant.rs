use nianbao_model::{Edit, Fidelity, Fix};

use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

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
        summary: "A section heading is a known variant of the template's heading",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::Safe,
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for section in &ctx.report.sections {
        let (Some(kind), Fidelity::Variant { .. }) = (section.kind, &section.fidelity) else { continue };
        out.push(
            Finding::new(
                section.title.span,
                format!("heading 「{}」 is not the template's 「{}」", section.title.value, kind.title()),
            )
            .label("variant heading")
            .fix(Fix::safe(
                format!("Replace with 「{}」", kind.title()),
                vec![Edit::replace(section.title.span, kind.title())],
            )),
        );
    }
}
