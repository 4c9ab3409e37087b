use nianbao_model::{Edit, Report, Section, SectionKind, Span, SubHeading};

use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a statutory section that the report does not have. The national
    /// format has six sections, each with a fixed heading: 一、总体情况 through
    /// 六、其他需要报告的事项. A report under a known local outline (S013) is
    /// checked against that outline's numbering. When sub-headings on problems
    /// and improvement (「（一）主要问题」「（二）改进情况」) follow the last
    /// statistics table where 存在的主要问题及改进情况 belongs, only its heading
    /// is missing, and the finding says so.
    ///
    /// ## Why is this bad
    /// 《政府信息公开条例》第五十条 lists what an annual report must contain, and
    /// 国办公开办函〔2021〕30号 fixes the six sections. Assessors mark a report
    /// without, say, section 五 as incomplete.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 二、主动公开政府信息情况
    /// 三、收到和处理政府信息公开申请情况
    /// 五、存在的主要问题及改进情况
    /// 六、其他需要报告的事项
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 二、主动公开政府信息情况
    /// 三、收到和处理政府信息公开申请情况
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// 五、存在的主要问题及改进情况
    /// 六、其他需要报告的事项
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: inserts the heading where the section belongs, but the section's
    /// content has to be written by a person.
    ///
    /// ## Source
    /// 《中华人民共和国政府信息公开条例》第五十条; 国办公开办函〔2021〕30号.
    pub(crate) static RULE = {
        code: "S001",
        name: "missing-section",
        title: "缺少必备部分",
        summary: "One of the six statutory sections is absent",
        summary_zh: "缺少年度报告规定的六个部分之一。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::Unsafe,
        check: check,
        docs_zh: r#"## 检查内容
检查报告是否缺少某个法定部分。全国统一格式共六个部分，各有固定标题：从「一、总体情况」到「六、其他需要报告的事项」。按已知地方提纲编排的报告（见S013），按该提纲的编号检查。最后一张统计表之后、「存在的主要问题及改进情况」应在的位置已有关于问题和改进的小标题（「（一）主要问题」「（二）改进情况」）时，缺少的只是该部分的标题，检查结果会这样说明。

## 为何有问题
《中华人民共和国政府信息公开条例》第五十条规定了年度报告应当包括的内容，国办公开办函〔2021〕30号确定了六个部分。缺少某一部分（如第五部分）的报告，评估时会被认定为内容不完整。

## 示例
{examples}

## 修正
须人工核对：修正会在该部分应处的位置插入标题，但该部分的内容须由人撰写。

## 依据
《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let report = ctx.report;
    for kind in SectionKind::ALL {
        // Under a local outline, the heading as that outline numbers it.
        let heading = report.expected_heading(kind);
        if report.section(kind).is_some() {
            continue;
        }
        let next = report.sections.iter().find(|section| section.kind.is_some_and(|other| other > kind));
        if kind == SectionKind::Problems
            && let Some(first) = problems_without_heading(report, next)
        {
            out.push(
                Finding::new(
                    first.span,
                    t!(
                        lang,
                        "missing heading 「{heading}」: the section's sub-headings stand after the statistics tables",
                        "缺少「{heading}」标题：该部分的小标题已写在统计表之后",
                        heading = heading
                    ),
                )
                .label(t!(lang, "the section starts here, without its heading", "该部分从这里开始，缺少标题"))
                .help(t!(
                    lang,
                    "add the heading 「{heading}」 above this line",
                    "请在此行之前补上标题「{heading}」",
                    heading = heading
                ))
                .unsafe_fix(
                    t!(lang, "Insert the heading 「{heading}」", "插入标题「{heading}」", heading = heading),
                    vec![Edit::insert(first.span.start, format!("{heading}\n"))],
                ),
            );
            continue;
        }
        let (anchor, offset, text) = match next {
            Some(next) => (next.heading_span, next.span.start, format!("{heading}\n")),
            None => {
                let end = report.source.len;
                let anchor = report.sections.last().map_or(Span::empty(0), |last| last.heading_span);
                (anchor, end, format!("\n{heading}\n"))
            }
        };
        let label = if next.is_some() {
            t!(lang, "expected before this section", "应在此部分之前")
        } else {
            t!(lang, "expected after this section", "应在此部分之后")
        };
        let mut finding =
            Finding::new(anchor, t!(lang, "missing section 「{heading}」", "缺少「{heading}」部分", heading = heading))
                .help(t!(
                    lang,
                    "add the section 「{heading}」 in its place",
                    "请在相应位置补写「{heading}」部分",
                    heading = heading
                ))
                .unsafe_fix(
                    t!(lang, "Insert the heading 「{heading}」", "插入标题「{heading}」", heading = heading),
                    vec![Edit::insert(offset, text)],
                );
        if !anchor.is_empty() || !report.sections.is_empty() {
            finding = finding.label(label);
        }
        out.push(finding);
    }
}

/// The first sub-heading of a 「存在的主要问题及改进情况」 whose heading is
/// missing: sub-headings about problems (问题) and improvement (改进, 整改)
/// after the last statistics table of the section before `next`
/// (「（一）主要问题」「（二）改进情况」 right under table 四).
fn problems_without_heading<'r>(report: &'r Report, next: Option<&Section>) -> Option<&'r SubHeading> {
    let before = match next {
        Some(next) => report.sections.iter().take_while(|section| section.span.start < next.span.start).last(),
        None => report.sections.last(),
    }?;
    let tables_end = report
        .tables
        .iter()
        .filter(|table| before.span.start <= table.span.start && table.span.start < before.span.end)
        .map(|table| table.span.end)
        .max()?;
    let after: Vec<&SubHeading> = before.subheadings.iter().filter(|sub| sub.span.start >= tables_end).collect();
    let problems = after.iter().any(|sub| sub.text.contains("问题"));
    let improvement = after.iter().any(|sub| sub.text.contains("改进") || sub.text.contains("整改"));
    (problems && improvement).then(|| after[0])
}
