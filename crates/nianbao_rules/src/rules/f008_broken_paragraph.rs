use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Finds a paragraph that ends without punctuation in the middle of a sentence
    /// and a next paragraph that continues it (「制定并印」 / 「发政策文件」), the
    /// damage page breaks leave when text is copied out of PDF or Word. A
    /// short line of ideographs alone (a table's headers set out of their
    /// table by a converter, 「结果结果其他尚未」) is no sentence to break.
    ///
    /// ## Why is this bad
    /// The broken word reads as two fragments, and search and copy break with it.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 坚持以“公开为常态、不公开为例外”的原则，制定并印
    ///
    /// 发政策文件1件，采用多种方式实现解读全覆盖。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 坚持以“公开为常态、不公开为例外”的原则，制定并印发政策文件1件，采用多种方式实现解读全覆盖。
    /// ```
    ///
    /// ## Fix safety
    /// Safe: joins the two paragraphs; no character changes.
    ///
    /// ## Source
    /// Seed 002 (page-break damage).
    pub(crate) static RULE = {
        code: "F008",
        name: "broken-paragraph",
        title: "段落断开",
        summary: "A paragraph breaks off mid-sentence and the next one continues it",
        summary_zh: "段落在句子中间断开，下一段接续上文。",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::Safe,
        check: check,
        docs_zh: r#"## 检查内容
查找在句子中间、没有标点就结束的段落，且下一段紧接着续写上文（「制定并印」/「发政策文件」）。这是从PDF或Word中复制文字时，分页处留下的断行。只由汉字组成的短行（被转换工具移出表格的表头，如「结果结果其他尚未」）不是句子，不存在断开的问题。

## 为何有问题
断开的词读起来成了两个残片，检索和复制时也会因此出错。

## 示例
{examples}

## 修正
可自动修正：把两段合并为一段，不改动任何文字。

## 依据
样本报告002（分页造成的断行）。"#,
    }
}

use nianbao_model::{Edit, Paragraph, Span};

use crate::text::{is_header_fragment, is_ideograph};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let report = ctx.report;
    let lang = ctx.lang();
    let groups = std::iter::once(&report.preface).chain(report.sections.iter().map(|s| &s.paragraphs));
    for paragraphs in groups {
        for pair in paragraphs.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            // Titles, headings and numbered sub-headings end without punctuation by nature.
            let is_title = report.metadata.title.as_ref().is_some_and(|title| a.span.contains(title.span));
            let is_subheading = report.sections.iter().flat_map(|s| &s.subheadings).any(|sub| sub.span == a.span);
            // Nor do a table's headers set out of their table.
            let fragment = is_header_fragment(&a.text) || is_header_fragment(&b.text);
            if is_title || is_subheading || fragment || a.heading || b.heading || !continues(a, b) {
                continue;
            }
            let gap = Span::new(a.span.end, b.span.start);
            // A table or comment between the two is no page break.
            if report.tables.iter().any(|t| gap.contains(t.span))
                || report.suppressions.iter().any(|s| gap.contains(s.span))
            {
                continue;
            }
            let tail: String = a.text.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
            let head: String = b.text.chars().take(4).collect();
            let message = t!(
                lang,
                "「{tail}」 / 「{head}」 is one sentence broken in two",
                "「{tail}」/「{head}」是同一句话，被断为两段",
                tail = tail,
                head = head
            );
            out.push(
                Finding::new(Span::new(a.span.end.saturating_sub(tail.len()), a.span.end), message)
                    .label(t!(lang, "the paragraph breaks off here", "段落在此断开"))
                    .secondary(
                        Span::new(b.span.start, b.span.start + head.len()),
                        t!(lang, "and continues here", "在此接续"),
                    )
                    .safe_fix(t!(lang, "Join the two paragraphs", "合并为一段"), vec![Edit::replace(gap, "")]),
            );
        }
    }
}

fn continues(a: &Paragraph, b: &Paragraph) -> bool {
    let ends_mid_sentence = a.text.chars().next_back().is_some_and(is_ideograph) && a.text.chars().count() >= 15;
    let starts_mid_sentence = b.text.chars().next().is_some_and(is_ideograph)
        && !b.text.starts_with(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'])
        && b.text.chars().count() >= 2;
    ends_mid_sentence && starts_mid_sentence
}
