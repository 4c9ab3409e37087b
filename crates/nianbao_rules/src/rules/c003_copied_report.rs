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

use nianbao_model::{Report, Section, SectionKind};

use crate::text::is_ideograph;

/// Length of the runs compared, in characters.
const RUN: usize = 8;

/// Every run of [`RUN`] consecutive ideographs of each paragraph, as a
/// 64-bit fingerprint, sorted and without repeats: a set of runs without a
/// `String` and a SipHash per run. That set made this rule a third of the
/// time a folder of an agency's years took, where every report has last
/// year's beside it. The fingerprint is a polynomial hash rolled along the
/// text, one multiplication per character; two different runs of Chinese
/// prose share one with odds far below what moves a percentage.
fn runs<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Vec<u64> {
    // B^RUN, to take the character leaving the window out of the hash.
    const LEAVING: u64 = BASE.wrapping_pow(RUN as u32);
    let mut runs = Vec::new();
    let mut window = [0u64; RUN];
    for text in paragraphs {
        let (mut hash, mut seen) = (0u64, 0usize);
        for c in text.chars().filter(|c| is_ideograph(*c)) {
            let slot = seen % RUN;
            let c = u64::from(c);
            hash = hash.wrapping_mul(BASE).wrapping_add(c).wrapping_sub(window[slot].wrapping_mul(LEAVING));
            window[slot] = c;
            seen += 1;
            if seen >= RUN {
                runs.push(hash);
            }
        }
        window = [0; RUN];
    }
    runs.sort_unstable();
    runs.dedup();
    runs
}

/// An odd multiplier with well-spread bits (from FxHash).
const BASE: u64 = 0x51_7c_c1_b7_27_22_0a_95;

fn prose(section: &Section) -> impl Iterator<Item = &str> + '_ {
    section.paragraphs.iter().map(|p| p.text.as_str())
}

fn compared(report: &Report) -> impl Iterator<Item = &Section> {
    report
        .sections
        .iter()
        .filter(|s| matches!(s.kind, Some(SectionKind::Overview | SectionKind::Problems | SectionKind::OtherMatters)))
}

/// The share of `this`'s runs that are also in `last` (both sorted, without repeats).
fn share(this: &[u64], last: &[u64]) -> f64 {
    if this.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < this.len() && j < last.len() {
        match this[i].cmp(&last[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / this.len() as f64
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(previous) = ctx.related.previous else { return };
    let threshold = ctx.config.compare.copy_threshold;
    let last = runs(compared(previous.report).flat_map(prose));
    // The report's runs first; each section's only for a report that is
    // copied (few are: in a folder of an agency's years every report is
    // compared, and most are their own).
    let this = runs(compared(ctx.report).flat_map(prose));
    if this.len() < 20 && compared(ctx.report).nth(1).is_some() {
        return;
    }
    let overall = share(&this, &last);
    if overall <= threshold {
        return;
    }
    let sections: Vec<(&Section, Vec<u64>)> =
        compared(ctx.report).map(|section| (section, runs(prose(section)))).collect();
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
    for (section, runs) in &sections {
        let copied = share(runs, &last);
        if copied > threshold {
            finding = finding.secondary(section.heading_span, format!("{:.0}% repeated", copied * 100.0));
        }
    }
    if let Some(section) = previous.report.sections.iter().find(|s| s.kind == Some(SectionKind::Problems)) {
        finding = finding.secondary_in(previous.name, section.heading_span, "last year's report");
    }
    out.push(finding);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_the_distinct_eight_ideograph_windows() {
        // Ten ideographs give three windows; the repeated paragraph adds none;
        // punctuation and digits are skipped, not window breaks.
        let text = "一二三四五六七八九十";
        assert_eq!(runs([text, text].into_iter()).len(), 3);
        assert_eq!(runs(["一二三，四五六7七八九十"].into_iter()), runs([text].into_iter()));
        assert!(runs(["一二三四五六七"].into_iter()).is_empty());
        let half = runs(["一二三四五六七八九"].into_iter());
        assert_eq!(share(&half, &runs([text].into_iter())), 1.0);
        assert_eq!(share(&runs([text].into_iter()), &half), 2.0 / 3.0);
    }
}
