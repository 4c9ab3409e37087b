use nianbao_model::{Section, template::chinese_numeral};

use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports statutory sections out of their fixed order, and a statutory
    /// heading numbered with another section's ordinal (「一、主动公开政府信息情况」).
    /// A report under a known local outline (S013) is numbered as that
    /// outline numbers it.
    ///
    /// ## Why is this bad
    /// Readers and assessors find sections by their number. A report whose
    /// 「三、」 holds the review and litigation table is misread, and usually
    /// means a section was dropped or merged.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、主动公开政府信息情况
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 二、主动公开政府信息情况
    /// ```
    ///
    /// ## Fix safety
    /// No fix: whether the heading or the order is wrong needs a person.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (the section order of the format).
    pub(crate) static RULE = {
        code: "S002",
        name: "section-order",
        summary: "Sections out of order, or a statutory heading under the wrong ordinal",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::None,
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let mut previous: Option<&Section> = None;
    for section in &ctx.report.sections {
        let Some(kind) = section.kind else { continue };
        if let Some(before) = previous
            && let Some(before_kind) = before.kind
            && kind <= before_kind
        {
            let message = if kind == before_kind {
                format!("section 「{}」 appears twice", kind.title())
            } else {
                format!("section 「{}」 comes after 「{}」", kind.title(), before_kind.title())
            };
            out.push(
                Finding::new(section.heading_span, message)
                    .label("out of order")
                    .secondary(before.heading_span, "earlier section")
                    .help(format!(
                        "the template orders the sections 一 to 六; 「{}」 is section {}",
                        kind.title(),
                        chinese_numeral(kind.ordinal())
                    )),
            );
        } else {
            previous = Some(section);
        }
        let expected = ctx.report.expected_ordinal(kind);
        if section.ordinal.value != expected {
            let help = match ctx.report.outline {
                Some(outline) => format!("number the sections as {} does", outline.name()),
                None => "number the six sections 一、 to 六、 as the template does".to_string(),
            };
            out.push(
                Finding::new(
                    section.ordinal.span,
                    format!(
                        "「{}」 is numbered 「{}」 but is section {}",
                        kind.title(),
                        section.ordinal.raw,
                        chinese_numeral(expected)
                    ),
                )
                .label(format!("expected 「{}、」", chinese_numeral(expected)))
                .help(help),
            );
        }
    }
}
