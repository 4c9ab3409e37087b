use std::collections::HashMap;

use nianbao_model::{OrdinalLevel, SectionKind, Span};

use crate::context::Context;
use crate::finding::Finding;
use crate::lang::Lang;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a top-level ordinal (「一、」 … 「六、」) that repeats or restarts,
    /// and top-level ordinals inside a section's text, such as a sub-topic of
    /// 总体情况 numbered 「二、」 instead of 「（二）」. A report under a known
    /// local outline (S013) is numbered as that outline has it: 上海市's
    /// numbers 总体情况's topics 二、 on, then the statistics again from 一、.
    ///
    /// ## Why is this bad
    /// The six top-level numbers belong to the six sections. A second 「六、」
    /// makes a paragraph look like a section, and readers lose their place.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 六、其他需要报告的事项
    /// 六、按照《政府信息公开信息处理费管理办法》规定的收费标准，本年度没有产生信息处理费。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 六、其他需要报告的事项
    /// 按照《政府信息公开信息处理费管理办法》规定的收费标准，本年度没有产生信息处理费。
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the ordinal may belong to a lost heading or be a typing slip.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号; GB/T 9704-2012 (结构层次序数: 一、（一）1.（1）).
    pub(crate) static RULE = {
        code: "S003",
        name: "duplicate-ordinal",
        title: "一级序号重复",
        summary: "A top-level ordinal repeats or restarts, or numbers a sub-topic",
        summary_zh: "一级序号重复或重新开始，或被用于分项内容。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
检查一级序号（「一、」至「六、」）是否重复或重新从头编号，以及各部分正文中是否出现一级序号，如「总体情况」下的分项编为「二、」而不是「（二）」。按已知地方提纲编排的报告（见S013），按该提纲的编号检查：上海市的提纲把「总体情况」的各分项从「二、」起编号，之后的统计部分再从「一、」重新编号。

## 为何有问题
六个一级序号分属六个部分。多出一个「六、」，会让一个段落看起来像一个部分，读者容易看乱。

## 示例
{examples}

## 修正
不提供修正：这个序号可能属于一个丢失的标题，也可能只是录入错误。

## 依据
国办公开办函〔2021〕30号；GB/T 9704-2012《党政机关公文格式》（结构层次序数依次为「一、」「（一）」「1.」「（1）」）。"#,
    }
}

struct Occurrence<'a> {
    value: u32,
    span: Span,
    raw: &'a str,
    /// Inside a section's text rather than a heading.
    stray_in: Option<Option<SectionKind>>,
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let outline = ctx.report.outline;
    // A local outline numbers the statistics again from 一、: two runs of
    // numbers, each checked on its own.
    let mut runs: Vec<Vec<Occurrence<'_>>> = vec![Vec::new()];
    for section in &ctx.report.sections {
        let restarts = outline.is_some_and(|outline| section.kind.is_some_and(|kind| outline.restarts_at(kind)));
        if restarts && runs.last().is_some_and(|run| !run.is_empty()) {
            runs.push(Vec::new());
        }
        let Some(run) = runs.last_mut() else { continue };
        run.push(Occurrence {
            value: section.ordinal.value,
            span: section.ordinal.span,
            raw: &section.ordinal.raw,
            stray_in: None,
        });
        // Under a local outline, 总体情况's topics are numbered 二、 on.
        let topics = outline.is_some() && section.kind == Some(SectionKind::Overview);
        for sub in section.subheadings.iter().filter(|sub| sub.ordinal.level == OrdinalLevel::Top) {
            run.push(Occurrence {
                value: sub.ordinal.value,
                span: sub.ordinal.span,
                raw: &sub.ordinal.raw,
                stray_in: (!topics).then_some(section.kind),
            });
        }
    }
    for run in &runs {
        check_run(ctx.lang(), run, out);
    }
}

fn check_run(lang: Lang, occurrences: &[Occurrence<'_>], out: &mut Vec<Finding>) {
    // First occurrence per value, and the highest so far: linear in the
    // number of ordinals, however many repeat.
    let mut first: HashMap<u32, &Occurrence<'_>> = HashMap::new();
    let mut highest: Option<&Occurrence<'_>> = None;
    for occurrence in occurrences {
        if let Some(earlier) = first.get(&occurrence.value) {
            out.push(
                Finding::new(
                    occurrence.span,
                    t!(lang, "top-level ordinal 「{raw}」 repeats", "一级序号「{raw}」重复", raw = occurrence.raw),
                )
                .label(t!(lang, "repeated here", "重复处"))
                .secondary(earlier.span, t!(lang, "first used here", "首次使用处"))
                .help(t!(
                    lang,
                    "each of 一、 to 六、 numbers one section; number sub-topics （一）（二）…",
                    "一、至六、各用于一个部分；请将分项改用（一）（二）…编号"
                )),
            );
        } else if let Some(last) = highest.filter(|last| occurrence.value < last.value) {
            out.push(
                Finding::new(
                    occurrence.span,
                    t!(
                        lang,
                        "top-level numbering restarts at 「{raw}」",
                        "一级序号在「{raw}」处重新开始",
                        raw = occurrence.raw
                    ),
                )
                .label(t!(lang, "restarts here", "重新编号处"))
                .secondary(last.span, t!(lang, "numbering had reached this", "此前已编到此号"))
                .help(t!(
                    lang,
                    "top-level ordinals run 一、 to 六、 once through the report",
                    "请在全文中按一、至六、顺序编排一级序号，只编一遍"
                )),
            );
        } else if let Some(section) = occurrence.stray_in {
            let message = if section == Some(SectionKind::Overview) {
                t!(
                    lang,
                    "a sub-topic of 总体情况 is numbered with the top-level 「{raw}」",
                    "总体情况的分项使用了一级序号「{raw}」",
                    raw = occurrence.raw
                )
            } else {
                t!(
                    lang,
                    "top-level ordinal 「{raw}」 inside a section's text",
                    "正文中出现一级序号「{raw}」",
                    raw = occurrence.raw
                )
            };
            out.push(Finding::new(occurrence.span, message).label(t!(lang, "top-level ordinal", "一级序号")).help(t!(
                lang,
                "number sub-topics （一）（二）…",
                "请将分项改用（一）（二）…编号"
            )));
        }
        first.entry(occurrence.value).or_insert(occurrence);
        if highest.is_none_or(|h| occurrence.value > h.value) {
            highest = Some(occurrence);
        }
    }
}
