use nianbao_model::{Section, template::chinese_numeral};

use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

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
        title: "部分顺序错误",
        summary: "Sections out of order, or a statutory heading under the wrong ordinal",
        summary_zh: "各部分未按模板顺序排列，或规定标题使用了其他部分的序号。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
检查各法定部分是否按固定顺序排列，以及法定标题是否用了其他部分的序号（如「一、主动公开政府信息情况」）。按已知地方提纲编排的报告（见S013），按该提纲的编号检查。

## 为何有问题
读者和评估人员按序号查找各部分。如果「三、」下放的是行政复议、行政诉讼情况表，就会被误读；出现这种情况，通常也说明有某个部分被删掉或合并了。

## 示例
{examples}

## 修正
不提供修正：是标题写错了还是顺序排错了，须由人判断。

## 依据
国办公开办函〔2021〕30号（格式规定的各部分顺序）。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let mut previous: Option<&Section> = None;
    for section in &ctx.report.sections {
        let Some(kind) = section.kind else { continue };
        if let Some(before) = previous
            && let Some(before_kind) = before.kind
            && kind <= before_kind
        {
            let message = if kind == before_kind {
                t!(lang, "section 「{title}」 appears twice", "「{title}」部分出现两次", title = kind.title())
            } else {
                t!(
                    lang,
                    "section 「{title}」 comes after 「{before}」",
                    "「{title}」部分排在「{before}」之后",
                    title = kind.title(),
                    before = before_kind.title()
                )
            };
            out.push(
                Finding::new(section.heading_span, message)
                    .label(t!(lang, "out of order", "顺序有误"))
                    .secondary(before.heading_span, t!(lang, "earlier section", "前面的部分"))
                    .help(t!(
                        lang,
                        "the template orders the sections 一 to 六; 「{title}」 is section {n}",
                        "请按模板一至六的顺序排列各部分；「{title}」是第{n}部分",
                        title = kind.title(),
                        n = chinese_numeral(kind.ordinal())
                    )),
            );
        } else {
            previous = Some(section);
        }
        let expected = ctx.report.expected_ordinal(kind);
        if section.ordinal.value != expected {
            let help = match ctx.report.outline {
                Some(outline) => t!(
                    lang,
                    "number the sections as {outline} does",
                    "请按{outline}编排各部分的序号",
                    outline = outline.name()
                ),
                None => t!(
                    lang,
                    "number the six sections 一、 to 六、 as the template does",
                    "请按模板将六个部分依次编为一、至六、"
                ),
            };
            out.push(
                Finding::new(
                    section.ordinal.span,
                    t!(
                        lang,
                        "「{title}」 is numbered 「{raw}」 but is section {n}",
                        "「{title}」编为「{raw}」，但应是第{n}部分",
                        title = kind.title(),
                        raw = section.ordinal.raw,
                        n = chinese_numeral(expected)
                    ),
                )
                .label(t!(lang, "expected 「{n}、」", "应为「{n}、」", n = chinese_numeral(expected)))
                .help(help),
            );
        }
    }
}
