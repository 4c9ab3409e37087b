use nianbao_model::{OrdinalLevel, SectionKind};

use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Names the local outline a report follows, when it follows one nianbao
    /// knows. 上海市's departments publish under their own: 一、总体情况,
    /// then its topics as top-level headings numbered 二、 on
    /// (「二、工作机制保障」「三、主动公开工作情况」「四、政府信息公开申请情况」
    /// 「五、政府信息管理」「六、政府信息公开平台建设」), then the three tables
    /// and the remaining parts numbered again from 一、
    /// (「一、主动公开政府信息情况」 … 「五、其他需要报告的事项」). nianbao then
    /// checks the sections against that outline: S001, S002 and S003 use its
    /// numbering, and its topics are not stray top-level ordinals.
    ///
    /// ## Why is this bad
    /// It is not: a local outline is a region's rule, not a mistake. The
    /// national format (国办公开办函〔2021〕30号) numbers six sections 一、 to
    /// 六、, so a reviewer comparing reports across regions should know which
    /// outline a report was written to, and that its numbering was checked
    /// against that one.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 二、工作机制保障
    /// 三、主动公开工作情况
    /// 一、主动公开政府信息情况
    /// 二、收到和处理政府信息公开申请情况
    /// 三、政府信息公开行政复议、行政诉讼情况
    /// 四、存在的主要问题及改进情况
    /// 五、其他需要报告的事项
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
    /// No fix: the outline is the region's choice.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号; the reports of 上海市's departments (上海市科学
    /// 技术委员会 2024).
    pub(crate) static RULE = {
        code: "S013",
        name: "local-outline",
        title: "采用地方提纲",
        summary: "The report follows a known local outline, and is checked against it",
        summary_zh: "报告按已知的地方提纲编排，并已据此检查各部分及序号。",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
报告采用 nianbao 已知的地方提纲时，指明其所依据的提纲。上海市各部门按本市自己的提纲发布：先是「一、总体情况」，然后各专题作为一级标题从「二、」起编号（「二、工作机制保障」「三、主动公开工作情况」「四、政府信息公开申请情况」「五、政府信息管理」「六、政府信息公开平台建设」），其后是三张统计表和其余各部分，重新从「一、」起编号（「一、主动公开政府信息情况」…「五、其他需要报告的事项」）。此时 nianbao 按该提纲检查各部分：S001、S002和S003采用该提纲的编号，其专题标题也不算作多出来的一级序号。

## 为何有问题
这并不是问题：地方提纲是本地区的规定，不是错误。全国格式（国办公开办函〔2021〕30号）将六个部分编为一、至六、，因此跨地区比对报告的审阅人应当知道某份报告是按哪种提纲写的，并知道其编号是按该提纲检查的。

## 示例
{examples}

## 修正
不提供修正：采用哪种提纲由本地区决定。

## 依据
国办公开办函〔2021〕30号；上海市各部门的报告（上海市科学技术委员会2024年度报告）。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let report = ctx.report;
    let Some(outline) = report.outline else { return };
    let Some(restart) =
        report.sections.iter().find(|section| section.kind.is_some_and(|kind| outline.restarts_at(kind)))
    else {
        return;
    };
    let first_topic = report
        .section(SectionKind::Overview)
        .and_then(|overview| overview.subheadings.iter().find(|sub| sub.ordinal.level == OrdinalLevel::Top));
    let mut finding = Finding::new(
        restart.heading_span,
        t!(
            lang,
            "the report follows {outline}: 总体情况's topics numbered as top-level headings, then the statistics numbered again from 「一、」; its sections are checked against that outline",
            "本报告按{outline}编排：总体情况的各项内容列为一级标题，统计情况再从「一、」起重新编号；各部分已按该提纲检查",
            outline = outline.name()
        ),
    )
    .label(t!(lang, "numbered again from 「一、」", "从「一、」起重新编号"))
    .help(t!(
        lang,
        "the national format numbers the six sections 一、 to 六、; keep the local outline only where the region asks for it",
        "全国格式将六个部分编为一、至六、；请仅在本地区有要求时沿用地方提纲"
    ));
    if let Some(topic) = first_topic {
        finding = finding.secondary(
            topic.span,
            t!(lang, "a topic of 总体情况 as a top-level heading", "列为一级标题的总体情况分项"),
        );
    }
    out.push(finding);
}
