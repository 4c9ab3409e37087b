use crate::context::Context;
use crate::finding::Finding;
use crate::lang::Lang;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Finds the ASCII marks , : ; ? ! ( ) used between Chinese characters, one
    /// diagnostic per paragraph; in three paragraphs or more they are the
    /// report's habit, and one diagnostic for the report names them all, with
    /// one fix. Marks inside numbers, times, URLs and e-mail addresses are not
    /// between Chinese characters and are left alone.
    ///
    /// ## Why is this bad
    /// Chinese text takes full-width punctuation (，：；？！（）). Half-width marks
    /// usually come from copying through a web page or another editor.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 2024年,本局持续推进政务公开(含依申请公开)工作。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 2024年，本局持续推进政务公开（含依申请公开）工作。
    /// ```
    ///
    /// ## Fix safety
    /// Safe: replaces each mark with its full-width form.
    ///
    /// ## Source
    /// GB/T 15834-2011《标点符号用法》.
    pub(crate) static RULE = {
        code: "F005",
        name: "halfwidth-punctuation",
        title: "半角标点",
        summary: "ASCII punctuation between Chinese characters",
        summary_zh: "汉字之间使用了半角标点，应使用全角标点。",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::Safe,
        check: check,
        docs_zh: r#"## 检查内容
查找汉字之间使用的半角符号 `,` `:` `;` `?` `!` `(` `)`，每个段落报告一条。三个或更多段落出现这类符号的，视为整篇报告的书写习惯，改为整篇报告只报一条，列出全部位置，并可一次修正。数字、时间、网址和电子邮箱中的符号不在汉字之间，不予处理。

## 为何有问题
中文应使用全角标点（，：；？！（））。半角标点通常是经网页或其他编辑器复制时带进来的。

## 示例
{examples}

## 修正
可自动修正：把每个半角符号替换为对应的全角符号。

## 依据
GB/T 15834-2011《标点符号用法》。"#,
    }
}

use nianbao_model::{Edit, Span};

use crate::text::{at, is_cjk};

fn full_width(ch: char) -> Option<char> {
    Some(match ch {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    // Kept across paragraphs, so that it allocates once.
    let mut marks: Vec<usize> = Vec::new();
    // Each paragraph's marks (the few paragraphs that have any), for one
    // finding when they are a habit.
    let mut paragraphs: Vec<Vec<(Span, char)>> = Vec::new();
    for (base, text, chars) in ctx.prose() {
        // Most paragraphs of Chinese prose have none of the marks.
        if !chars.has_any_ascii(b",:;?!(") {
            continue;
        }
        // ASCII bytes never occur inside a multi-byte character: find the
        // marks by SIMD search, decode only their neighbours.
        let bytes = text.as_bytes();
        marks.clear();
        marks.extend(memchr::memchr3_iter(b',', b':', b';', bytes));
        marks.extend(memchr::memchr3_iter(b'?', b'!', b'(', bytes));
        if marks.is_empty() {
            continue;
        }
        marks.sort_unstable();
        let before = |i: usize| text[..i].chars().next_back();
        let after = |i: usize| text[i + 1..].chars().next();
        let mut spans: Vec<(Span, char)> = Vec::new();
        // Marks before `next` were inside a bracket pair already fixed.
        let mut next = 0;
        for &i in &marks {
            if i < next {
                continue;
            }
            match bytes[i] {
                b'(' => {
                    // A bracket pair is fixed together, or not at all.
                    let close = text[i + 1..].find(')').map(|p| i + 1 + p);
                    let chinese = after(i).is_some_and(is_cjk) || before(i).is_some_and(is_cjk);
                    if let Some(close) = close.filter(|_| chinese) {
                        spans.push((at(base, i, 1), '（'));
                        spans.push((at(base, close, 1), '）'));
                        next = close + 1;
                        continue;
                    }
                }
                b',' | b':' | b';' | b'?' | b'!' if before(i).is_some_and(is_cjk) && after(i).is_some_and(is_cjk) => {
                    spans.push((at(base, i, 1), full_width(bytes[i] as char).unwrap_or(bytes[i] as char)));
                }
                _ => {}
            }
        }
        if !spans.is_empty() {
            paragraphs.push(spans);
        }
    }
    let lang = ctx.lang();
    if paragraphs.len() >= HABIT {
        out.push(report_finding(lang, &paragraphs));
    } else {
        out.extend(paragraphs.iter().map(|spans| paragraph_finding(lang, spans)));
    }
}

/// Paragraphs with half-width marks from which they are the report's habit
/// (text typed with an English keyboard, or a page converted with its
/// punctuation narrowed), said once for the report: one fact, one finding.
const HABIT: usize = 3;

fn edits(spans: &[(Span, char)]) -> impl Iterator<Item = Edit> + '_ {
    spans.iter().map(|&(span, to)| Edit::replace(span, to.to_string()))
}

/// One paragraph's marks: the first is the finding, up to nine more underlined.
fn paragraph_finding(lang: Lang, spans: &[(Span, char)]) -> Finding {
    let mut finding = Finding::new(
        spans[0].0,
        match spans.len() {
            1 => t!(lang, "half-width punctuation between Chinese characters", "汉字之间使用了半角标点"),
            n => t!(
                lang,
                "{n} half-width punctuation marks between Chinese characters in this paragraph",
                "本段汉字之间有{n}处半角标点",
                n = n
            ),
        },
    )
    .label(t!(lang, "half-width", "半角标点"))
    .help(t!(lang, "Chinese text takes full-width punctuation: ，：；？！（）", "请改用全角标点：，：；？！（）"));
    for &(span, _) in spans.iter().skip(1).take(9) {
        finding = finding.secondary_bare(span);
    }
    finding.safe_fix(t!(lang, "Use full-width punctuation", "改用全角标点"), edits(spans).collect())
}

/// The marks of every paragraph as one finding: each paragraph's first mark
/// a label with its count, one fix for all.
fn report_finding(lang: Lang, paragraphs: &[Vec<(Span, char)>]) -> Finding {
    let marks: usize = paragraphs.iter().map(Vec::len).sum();
    let label = |spans: &[(Span, char)]| match spans.len() {
        1 => t!(lang, "half-width", "半角标点"),
        n => t!(lang, "{n} in this paragraph", "本段{n}处", n = n),
    };
    let mut finding = Finding::new(
        paragraphs[0][0].0,
        t!(
            lang,
            "{marks} half-width punctuation marks between Chinese characters, in {paragraphs} paragraphs",
            "{paragraphs}个段落的汉字之间共有{marks}处半角标点",
            marks = marks,
            paragraphs = paragraphs.len()
        ),
    )
    .label(label(&paragraphs[0]))
    .help(t!(
        lang,
        "Chinese text takes full-width punctuation: ，：；？！（）; the fix replaces them all",
        "请改用全角标点：，：；？！（）；自动修复将一并替换"
    ));
    for spans in &paragraphs[1..] {
        finding = finding.secondary(spans[0].0, label(spans));
    }
    let all = paragraphs.iter().flat_map(|spans| edits(spans)).collect();
    let title = t!(lang, "Use full-width punctuation ({marks} marks)", "改用全角标点（共{marks}处）", marks = marks);
    finding.safe_fix(title, all)
}
