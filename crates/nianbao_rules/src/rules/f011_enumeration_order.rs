use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Checks enumerations inside a paragraph — 「一是…二是…三是」 and inline
    /// 「（一）…（二）…」 — for skipped or repeated numbers. Numbered lines (sub-headings)
    /// are checked by S004.
    ///
    /// ## Why is this bad
    /// 「一是…三是…三是」 tells the reader an item is missing or duplicated.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 一是信息更新不及时；三是政策解读形式单一。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 一是信息更新不及时；二是政策解读形式单一。
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the missing item may have been lost, not misnumbered.
    ///
    /// ## Source
    /// GB/T 9704-2012 (结构层次序数).
    pub(crate) static RULE = {
        code: "F011",
        name: "enumeration-order",
        title: "列举序号错乱",
        summary: "An enumeration in prose skips or repeats a number",
        summary_zh: "段落内「一是」「二是」或「（一）」「（二）」等列举序号跳号或重复。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
检查段落内的列举——「一是……二是……三是」以及行内的「（一）……（二）……」——是否跳号或重复。单独成行的序号（即小标题）由S004检查。

## 为何有问题
「一是……三是……三是」会让读者以为漏了一项或重复了一项。

## 示例
{examples}

## 修正
不提供修正：缺少的一项可能是内容丢失了，而不是序号写错了。

## 依据
GB/T 9704-2012《党政机关公文格式》（结构层次序数）。"#,
    }
}

use nianbao_model::Span;

use crate::text::{CharSet, at, words};

fn value(ch: char) -> Option<u32> {
    let index = match ch {
        '一' => 0,
        '二' => 1,
        '三' => 2,
        '四' => 3,
        '五' => 4,
        '六' => 5,
        '七' => 6,
        '八' => 7,
        '九' => 8,
        '十' => 9,
        _ => return None,
    };
    Some(index + 1)
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for (base, text, chars) in ctx.prose() {
        let mut shi: Vec<(u32, Span)> = Vec::new();
        let mut inline: Vec<(u32, Span)> = Vec::new();
        // 「一是」 at a clause boundary: find 是, look back one numeral.
        // Searches built once: a search for 是's last byte alone stops at many
        // other characters.
        for i in words!["是"].occurrences(text, chars) {
            let Some(numeral) = text[..i].chars().next_back() else { continue };
            let Some(n) = value(numeral) else { continue };
            let start = i - numeral.len_utf8();
            let boundary = text[..start].chars().next_back().is_none_or(|c| {
                matches!(
                    c,
                    '。' | '；' | ';' | '，' | ',' | '：' | ':' | '！' | '？' | '*' | '\u{3000}' | ' ' | '、' | '\t'
                )
            });
            if boundary {
                shi.push((n, at(base, start, numeral.len_utf8() + '是'.len_utf8())));
            }
        }
        // 「（一）」 inside the paragraph (not at its start: that is a sub-heading).
        for (i, open) in opening_brackets(text, chars) {
            let rest = &text[i + open.len()..];
            let mut chars = rest.chars();
            let (Some(numeral), Some(close)) = (chars.next(), chars.next()) else { continue };
            if i > 0
                && matches!(close, '）' | ')')
                && let Some(n) = value(numeral)
            {
                inline.push((n, at(base, i, open.len() + numeral.len_utf8() + close.len_utf8())));
            }
        }
        for items in [shi, inline] {
            for pair in items.windows(2) {
                let ((a, a_span), (b, b_span)) = (pair[0], pair[1]);
                if b == a + 1 || b == 1 {
                    continue;
                }
                let problem = if b <= a { t!(lang, "repeats", "重复") } else { t!(lang, "skips", "跳号") };
                let message = t!(
                    lang,
                    "the enumeration {problem}: {item} after {previous}",
                    "序号{problem}：「{previous}」之后为「{item}」",
                    problem = problem,
                    item = b_span.slice_rel(text, base),
                    previous = a_span.slice_rel(text, base)
                );
                out.push(
                    Finding::new(b_span, message)
                        .label(t!(lang, "expected item {n}", "此处应为第{n}项", n = a + 1))
                        .secondary(a_span, t!(lang, "previous item", "上一项"))
                        .help(t!(
                            lang,
                            "number the items in order, or restore the missing one",
                            "请按顺序编号，或补上缺少的一项"
                        )),
                );
            }
        }
    }
}

trait SliceRel {
    fn slice_rel<'t>(&self, text: &'t str, base: Span) -> &'t str;
}

impl SliceRel for Span {
    fn slice_rel<'t>(&self, text: &'t str, base: Span) -> &'t str {
        &text[self.start - base.start..self.end - base.start]
    }
}

/// Every 「（」 and 「(」 with its offset, in order, by SIMD search: matching
/// the pair of chars with `match_indices` decoded every character.
fn opening_brackets(text: &str, chars: &CharSet) -> Vec<(usize, &'static str)> {
    let full = words!["（"].occurrences(text, chars).map(|i| (i, "（"));
    let half = memchr::memchr_iter(b'(', text.as_bytes()).map(|i| (i, "("));
    let mut all: Vec<(usize, &'static str)> = full.chain(half).collect();
    all.sort_unstable();
    all
}
