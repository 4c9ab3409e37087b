use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Measures how much of this year's prose (sections 一, 五 and 六, outside the
    /// tables) repeats last year's report, as the share of 8-character runs found in
    /// both. Above `[compare] copy-threshold` (default 50%) the report is flagged,
    /// with each section that is copied above the threshold.
    ///
    /// ## Why is this bad
    /// Assessments penalise reports that copy last year's text: section 五 in
    /// particular must describe this year's problems and how last year's were fixed.
    ///
    /// ## Example
    /// The text after `<!-- previous report -->` stands for last year's report, a separate file.
    /// ### ✗ Incorrect
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 一是信息发布水平需进一步提高，部分栏目信息更新不及时；二是工作人员主动公开意识有待加强。
    /// <!-- previous report -->
    /// 五、存在的主要问题及改进情况
    /// 一是信息发布水平需进一步提高，部分栏目信息更新不及时；二是工作人员主动公开意识有待加强。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 针对上年信息更新不及时的问题，本年建立了栏目责任清单，按周检查更新情况。
    /// <!-- previous report -->
    /// 五、存在的主要问题及改进情况
    /// 一是信息发布水平需进一步提高，部分栏目信息更新不及时；二是工作人员主动公开意识有待加强。
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// Assessment practice (重复往年内容); 《政府信息公开条例》第五十条.
    pub(crate) static RULE = {
        code: "C003",
        name: "copied-report",
        summary: "The prose largely repeats last year's report",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
    }
}

use std::collections::HashSet;

use nianbao_model::{Report, Section, SectionKind};

use crate::text::is_ideograph;

/// Length of the runs compared, in characters.
const RUN: usize = 8;

fn runs(paragraphs: impl Iterator<Item = String>) -> HashSet<String> {
    let mut set = HashSet::new();
    for text in paragraphs {
        let chars: Vec<char> = text.chars().filter(|c| is_ideograph(*c)).collect();
        for window in chars.windows(RUN) {
            set.insert(window.iter().collect());
        }
    }
    set
}

fn prose(section: &Section) -> impl Iterator<Item = String> + '_ {
    section.paragraphs.iter().map(|p| p.text.clone())
}

fn compared(report: &Report) -> impl Iterator<Item = &Section> {
    report
        .sections
        .iter()
        .filter(|s| matches!(s.kind, Some(SectionKind::Overview | SectionKind::Problems | SectionKind::OtherMatters)))
}

fn share(this: &HashSet<String>, last: &HashSet<String>) -> f64 {
    if this.is_empty() { 0.0 } else { this.intersection(last).count() as f64 / this.len() as f64 }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(previous) = ctx.related.previous else { return };
    let threshold = ctx.config.compare.copy_threshold;
    let last = runs(compared(previous.report).flat_map(prose));
    let this = runs(compared(ctx.report).flat_map(prose));
    if this.len() < 20 && compared(ctx.report).count() > 1 {
        return;
    }
    let overall = share(&this, &last);
    if overall <= threshold {
        return;
    }
    let anchor = ctx
        .report
        .metadata
        .title
        .as_ref()
        .map(|t| t.span)
        .or_else(|| compared(ctx.report).next().map(|s| s.heading_span))
        .unwrap_or_default();
    let mut finding = Finding::new(anchor, format!("{:.0}% of the prose repeats last year's report", overall * 100.0))
        .label(format!("threshold {:.0}%", threshold * 100.0))
        .help("describe this year's work, problems and improvements in this year's words");
    for section in compared(ctx.report) {
        let copied = share(&runs(prose(section)), &last);
        if copied > threshold {
            finding = finding.secondary(section.heading_span, format!("{:.0}% repeated", copied * 100.0));
        }
    }
    if let Some(section) = previous.report.sections.iter().find(|s| s.kind == Some(SectionKind::Problems)) {
        finding = finding.secondary_in(previous.name, section.heading_span, "last year's report");
    }
    out.push(finding);
}
