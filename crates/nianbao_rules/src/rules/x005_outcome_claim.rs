use crate::context::Context;
use crate::finding::Finding;
use crate::lang::Text;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports 「均获维持」 while table 四 shows 结果纠正 or 尚未审结 cases, 「未被纠错」
    /// while it shows 结果纠正 cases, and 「未发生/无/没有 行政复议（行政诉讼）」 while
    /// the 行政复议 (行政诉讼) 总计 is above 0.
    ///
    /// ## Why is this bad
    /// These sentences are statements of fact about the body's legal record. When
    /// the table contradicts them the report says two incompatible things, one of
    /// them to the public's disadvantage.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 本年度无行政复议和行政诉讼情况。
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// 行政复议 | 行政诉讼
    /// 5 | 2 | 2 | 1 | 10 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 本年度发生行政复议10件，其中纠正2件。
    /// 四、政府信息公开行政复议、行政诉讼情况
    /// 行政复议 | 行政诉讼
    /// 5 | 2 | 2 | 1 | 10 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (table 四).
    pub(crate) static RULE = {
        code: "X005",
        name: "outcome-claim",
        title: "复议诉讼表述与表不符",
        summary: "A claim about review and litigation outcomes contradicts table 四",
        summary_zh: "正文关于行政复议、行政诉讼结果的表述（如「均获维持」）与表四矛盾。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
以下情形予以报告：表四有「结果纠正」或「尚未审结」的案件，正文却称「均获维持」；表四有「结果纠正」的案件，正文却称「未被纠错」；行政复议（行政诉讼）总计大于0，正文却称「未发生」「无」「没有」行政复议（行政诉讼）。

## 为何有问题
这些句子陈述的是本机关在行政复议、行政诉讼中的实际结果。表格与之相反，报告就同时说了两件互不相容的事，而其中不实的那种说法，受误导、吃亏的是公众。

## 示例
{examples}

## 修正
不提供修正：须人工核对表四后改正表述。

## 依据
国办公开办函〔2021〕30号（表四）。"#,
    }
}

use std::cell::OnceCell;

use nianbao_model::{Span, T4Group, T4Outcome};

use super::contradiction;
use crate::facts::{Figure, litigation, t4_cell, t4_total};
use crate::text::{find, has, words};

const NEGATIONS: &[&str] = &["未发生", "未出现", "未产生", "没有", "无"];

/// A table 四 figure a claim can contradict.
#[derive(Clone, Copy)]
enum Which {
    Corrected,
    Pending,
    Review,
    Lawsuits,
}

/// The figures, each built (name formatted, cells gathered) when a claim
/// first needs it: most reports make no claim they could contradict.
struct Figures<'r> {
    report: &'r nianbao_model::Report,
    /// Indexed by [`Which`].
    built: [OnceCell<Option<Figure>>; 4],
}

impl Figures<'_> {
    fn get(&self, which: Which) -> Option<&Figure> {
        let report = self.report;
        let sum = |outcome: T4Outcome| -> Option<Figure> {
            let cells: Vec<Figure> = T4Group::ALL.iter().filter_map(|&g| t4_cell(report, g, outcome)).collect();
            (cells.len() == 3).then(|| Figure {
                value: cells.iter().map(|c| c.value).sum(),
                cells: cells.iter().flat_map(|c| c.cells.clone()).collect(),
                name: format!("表四 {}", outcome.label()),
                blank_total: false,
            })
        };
        self.built[which as usize]
            .get_or_init(|| match which {
                Which::Corrected => sum(T4Outcome::Corrected),
                Which::Pending => sum(T4Outcome::Pending),
                Which::Review => t4_total(report, T4Group::Review),
                Which::Lawsuits => litigation(report),
            })
            .as_ref()
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let label = || t!(lang, "claim about outcomes", "关于复议诉讼结果的表述");
    let help = || t!(lang, "state the outcomes as table 四 records them", "请按表四所载结果如实表述");
    let report = ctx.report;
    let figures = Figures { report, built: Default::default() };
    let cases = [("行政复议", Which::Review), ("行政诉讼", Which::Lawsuits)];
    let topic = words!["行政复议", "行政诉讼", "维持", "纠错", "纠正"];
    for (paragraph, chars) in ctx.paragraphs() {
        if !topic.any_in(&paragraph.text, chars) {
            continue;
        }
        for (claim, contradicted_by) in [
            ("均获维持", &[Which::Corrected, Which::Pending][..]),
            ("均被维持", &[Which::Corrected, Which::Pending]),
            ("未被纠错", &[Which::Corrected]),
            ("均未被纠正", &[Which::Corrected]),
        ] {
            let Some(at) = find(&paragraph.text, claim) else { continue };
            let span = Span::new(paragraph.span.start + at, paragraph.span.start + at + claim.len());
            let contradicting = contradicted_by.iter().filter_map(|&which| figures.get(which));
            for figure in contradicting.filter(|f| f.value > 0.0) {
                out.push(contradiction(lang, span, &Text::neutral(format!("「{claim}」")), figure, label(), help()));
            }
        }
        // Clauses are cut only in a paragraph that names a case at all.
        if !cases.iter().any(|(keyword, _)| has(&paragraph.text, keyword)) {
            continue;
        }
        for clause in paragraph.text.split(['，', '。', '；', ',']) {
            let offset = clause.as_ptr() as usize - paragraph.text.as_ptr() as usize;
            for (keyword, which) in &cases {
                let Some(at) = find(clause, keyword) else { continue };
                let Some(figure) = figures.get(*which) else { continue };
                let negated = NEGATIONS.iter().any(|n| has(&clause[..at], n));
                // An ASCII digit is one byte, never part of another character.
                let has_number = clause.bytes().any(|byte| byte.is_ascii_digit());
                if negated && !has_number && figure.value > 0.0 {
                    let span = Span::new(paragraph.span.start + offset, paragraph.span.start + offset + clause.len());
                    let claim = t!(lang, "「no {keyword}」", "没有{keyword}", keyword = keyword);
                    out.push(contradiction(lang, span, &claim, figure, label(), help()));
                }
            }
        }
    }
}
