use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

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
        title: "重复往年内容",
        summary: "The prose largely repeats last year's report",
        summary_zh: "正文与上年报告大段重复，重复比例超过设定的阈值。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
计算本年报告正文（第一、五、六部分中表格以外的文字）与上年报告的重复程度：以连续8个字为一个片段，统计两份报告共有的片段所占的比例。比例超过 `[compare] copy-threshold`（默认50%）的，报告本规则，并列出重复比例超过该阈值的各个部分。

## 为何有问题
考核评估对照搬上年文字的报告要扣分。特别是第五部分，必须写本年存在的问题，以及上年问题的整改情况。

## 示例
`<!-- previous report -->` 之后的文字代表上年报告，实际是另一个文件。
### ✗ 错误
```text
{example 1}
```
### ✓ 正确
```text
{example 2}
```

## 修正
不提供修正：重复的内容须结合本年实际情况重新撰写。

## 依据
考核评估实践（「重复往年内容」）；《中华人民共和国政府信息公开条例》第五十条。"#,
    }
}

use nianbao_model::{Report, Section, SectionKind};

use crate::text::is_ideograph;

/// Length of the runs compared, in characters.
const RUN: usize = 8;

/// Every run of [`RUN`] consecutive ideographs of each paragraph, as a
/// 64-bit fingerprint, in a [`RunSet`]: a set of runs without a `String`
/// and a SipHash per run, which made this rule the costliest of a folder of
/// an agency's years, where every report has last year's beside it (the
/// figures are in `docs/performance-history.md`).
/// The fingerprint is a polynomial hash rolled along the text, one
/// multiplication per character; two different runs of Chinese prose share
/// one with odds far below what moves a percentage.
fn runs<'a>(paragraphs: impl Iterator<Item = &'a str>) -> RunSet {
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
    RunSet::of(&runs)
}

/// Distinct fingerprints in an open-addressed table indexed by their own
/// low bits (they are hashes already), at most half full.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct RunSet {
    /// 0 is an empty slot; the fingerprint 0 is kept in `has_zero`.
    slots: Vec<u64>,
    has_zero: bool,
    len: usize,
}

impl RunSet {
    fn of(runs: &[u64]) -> Self {
        let size = (runs.len() * 2).next_power_of_two().max(16);
        let mut set = Self { slots: vec![0; size], has_zero: false, len: 0 };
        for &run in runs {
            set.insert(run);
        }
        set
    }

    fn insert(&mut self, run: u64) {
        if run == 0 {
            self.len += usize::from(!self.has_zero);
            self.has_zero = true;
            return;
        }
        let mask = self.slots.len() - 1;
        let mut at = run as usize & mask;
        loop {
            match self.slots[at] {
                0 => {
                    self.slots[at] = run;
                    self.len += 1;
                    return;
                }
                slot if slot == run => return,
                _ => at = (at + 1) & mask,
            }
        }
    }

    fn contains(&self, run: u64) -> bool {
        if run == 0 {
            return self.has_zero;
        }
        let mask = self.slots.len() - 1;
        let mut at = run as usize & mask;
        loop {
            match self.slots[at] {
                0 => return false,
                slot if slot == run => return true,
                _ => at = (at + 1) & mask,
            }
        }
    }

    fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        self.has_zero.then_some(0).into_iter().chain(self.slots.iter().copied().filter(|&slot| slot != 0))
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }
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

/// The share of `this`'s runs that are also in `last`.
fn share(this: &RunSet, last: &RunSet) -> f64 {
    if this.is_empty() {
        return 0.0;
    }
    this.iter().filter(|&run| last.contains(run)).count() as f64 / this.len() as f64
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(previous) = ctx.related.previous else { return };
    let threshold = ctx.config.compare.copy_threshold;
    let last_runs = || runs(compared(previous.report).flat_map(prose));
    let computed;
    let last: &RunSet = match previous.memo {
        Some(memo) => memo.prose_runs.get_or_init(last_runs),
        None => {
            computed = last_runs();
            &computed
        }
    };
    // The report's runs first; each section's only for a report that is
    // copied (few are: in a folder of an agency's years every report is
    // compared, and most are their own).
    let this = runs(compared(ctx.report).flat_map(prose));
    if this.len() < 20 && compared(ctx.report).nth(1).is_some() {
        return;
    }
    let overall = share(&this, last);
    if overall <= threshold {
        return;
    }
    let sections: Vec<(&Section, RunSet)> =
        compared(ctx.report).map(|section| (section, runs(prose(section)))).collect();
    let anchor = ctx
        .report
        .metadata
        .title
        .as_ref()
        .map(|t| t.span)
        .or_else(|| compared(ctx.report).next().map(|s| s.heading_span))
        .unwrap_or_default();
    let lang = ctx.lang();
    let message = t!(
        lang,
        "{pct:.0}% of the prose repeats last year's report",
        "正文中{pct:.0}%的文字与上年报告重复",
        pct = overall * 100.0
    );
    let mut finding = Finding::new(anchor, message)
        .label(t!(lang, "threshold {pct:.0}%", "阈值{pct:.0}%", pct = threshold * 100.0))
        .help(t!(
            lang,
            "describe this year's work, problems and improvements in this year's words",
            "请按本年实际情况重新撰写工作情况、存在的问题及改进情况"
        ));
    for (section, runs) in &sections {
        let copied = share(runs, last);
        if copied > threshold {
            let label = t!(lang, "{pct:.0}% repeated", "重复{pct:.0}%", pct = copied * 100.0);
            finding = finding.secondary(section.heading_span, label);
        }
    }
    if let Some(section) = previous.report.sections.iter().find(|s| s.kind == Some(SectionKind::Problems)) {
        let label = t!(lang, "last year's report", "上年报告");
        finding = finding.secondary_in(previous.name, section.heading_span, label);
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

    #[test]
    fn last_years_runs_are_kept_in_the_memo_and_give_the_same_finding() {
        let prose = "本机关坚持以公开为常态、不公开为例外，扎实推进政务公开工作，持续完善政府信息公开指南和目录。";
        let text = format!("## 一、总体情况\n\n{prose}\n\n## 五、存在的主要问题及改进情况\n\n{prose}\n");
        let (this, last) = (nianbao_parser::parse(&text), nianbao_parser::parse(&text));
        let memo = crate::OtherMemo::default();
        let codes = |memo: Option<&crate::OtherMemo>| {
            let previous = crate::Other { name: "last", report: &last, memo };
            let related = crate::Related { previous: Some(previous), parts: Vec::new() };
            let diagnostics = crate::check_with(&this, &crate::Config::default(), &related);
            diagnostics.into_iter().filter(|d| d.code == "C003").map(|d| d.message).collect::<Vec<_>>()
        };
        let without = codes(None);
        assert_eq!(without.len(), 1, "{without:?}");
        assert!(memo.prose_runs.get().is_none());
        assert_eq!(codes(Some(&memo)), without);
        assert!(memo.prose_runs.get().is_some());
        assert_eq!(codes(Some(&memo)), without);
    }
}
