use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Checks that （）「」“”《》〔〕【】 open and close in pairs within each paragraph.
    /// A bracket opened in one width and closed in the other (「(地址：…）」,
    /// 「（二)」) is a pair: F005 reports its half-width half.
    ///
    /// ## Why is this bad
    /// An unclosed 《 or “ leaves the reader unsure where a title or quotation ends;
    /// it often marks text lost in copying.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 深入贯彻《中华人民共和国政府信息公开条例，持续推进公开工作。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 深入贯彻《中华人民共和国政府信息公开条例》，持续推进公开工作。
    /// ```
    ///
    /// ## Fix safety
    /// No fix: where the closing mark belongs needs a person.
    ///
    /// ## Source
    /// GB/T 15834-2011《标点符号用法》.
    pub(crate) static RULE = {
        code: "F004",
        name: "unbalanced-brackets",
        title: "括号引号不配对",
        summary: "Brackets or quotes are not balanced within a paragraph",
        summary_zh: "同一段落中的括号、引号或书名号未成对出现。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
检查每个段落中的（）「」“”《》〔〕【】是否成对出现。半角与全角括号配成的一对（「(地址：…）」「（二)」）算作成对：其中的半角括号由 F005 报告。

## 为何有问题
《或“没有闭合，读者就无法判断书名或引文到哪里结束；这往往还说明复制时丢了文字。

## 示例
{examples}

## 修正
不提供修正：缺少的另一半符号应放在哪里，须人工判断。

## 依据
GB/T 15834-2011《标点符号用法》。"#,
    }
}

use crate::text::{at, paragraphs};

const PAIRS: &[(char, char)] = &[('（', '）'), ('「', '」'), ('“', '”'), ('《', '》'), ('〔', '〕'), ('【', '】')];

/// The twelve characters of `PAIRS`, as one `match`. Each is three bytes
/// long and starts with byte E2, E3 or EF, so `check` decodes only the
/// characters a SIMD search finds starting with those.
fn is_bracket(ch: char) -> bool {
    matches!(ch, '（' | '）' | '「' | '」' | '“' | '”' | '《' | '》' | '〔' | '〕' | '【' | '】')
}

/// The first mark of a paragraph that breaks the pairing: a closing mark
/// that closes nothing, else the outermost opening mark never closed.
enum Unbalanced {
    Close(usize, char),
    Open(usize, char),
}

/// Pairs the marks of `PAIRS` in `text`.
fn unbalanced(text: &str) -> Option<Unbalanced> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    for i in memchr::memchr3_iter(0xE2, 0xE3, 0xEF, text.as_bytes()) {
        let Some(ch) = text[i..].chars().next().filter(|&ch| is_bracket(ch)) else { continue };
        if PAIRS.iter().any(|(open, _)| *open == ch) {
            stack.push((i, ch));
        } else if let Some(&(open, _)) = PAIRS.iter().find(|(_, close)| *close == ch) {
            match stack.last() {
                Some(&(_, top)) if top == open => {
                    stack.pop();
                }
                _ => return Some(Unbalanced::Close(i, ch)),
            }
        }
    }
    stack.first().map(|&(i, ch)| Unbalanced::Open(i, ch))
}

/// Pairs them again with the ASCII brackets `(` `)` taken for （ ）, so that
/// a bracket opened in one width and closed in the other is a pair (F005
/// reports the half-width one). Only a full-width mark is named: an ASCII
/// `)` that closes nothing is passed over, and an ASCII `(` is dropped when
/// another kind of mark closes over it or the paragraph ends.
fn unbalanced_across_widths(text: &str) -> Option<Unbalanced> {
    // (offset, mark read as full-width, written in ASCII)
    let mut stack: Vec<(usize, char, bool)> = Vec::new();
    for (i, written) in text.char_indices() {
        let (ch, ascii) = match written {
            '(' => ('（', true),
            ')' => ('）', true),
            _ if is_bracket(written) => (written, false),
            _ => continue,
        };
        if PAIRS.iter().any(|(open, _)| *open == ch) {
            stack.push((i, ch, ascii));
        } else if let Some(&(open, _)) = PAIRS.iter().find(|(_, close)| *close == ch) {
            while open != '（' && stack.last().is_some_and(|&(_, _, ascii)| ascii) {
                stack.pop();
            }
            match stack.last() {
                Some(&(_, top, _)) if top == open => {
                    stack.pop();
                }
                _ if ascii => {}
                _ => return Some(Unbalanced::Close(i, ch)),
            }
        }
    }
    stack.iter().find(|&&(_, _, ascii)| !ascii).map(|&(i, ch, _)| Unbalanced::Open(i, ch))
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for (base, text) in paragraphs(ctx.report) {
        // A paragraph whose marks pair once its ASCII brackets count as
        // full-width ones has lost no mark: 「联系(地址：…）」, 「（二)」.
        if unbalanced(text).is_none() {
            continue;
        }
        let Some(found) = unbalanced_across_widths(text) else { continue };
        match found {
            Unbalanced::Close(i, ch) => {
                let message = t!(
                    lang,
                    "「{ch}」 closes nothing in this paragraph",
                    "本段中的「{ch}」前没有与之配对的符号",
                    ch = ch
                );
                out.push(
                    Finding::new(at(base, i, ch.len_utf8()), message)
                        .label(t!(lang, "unmatched closing mark", "无配对的后半个符号"))
                        .help(t!(
                            lang,
                            "add the opening mark or remove this one",
                            "请补上与之配对的前半个符号，或删去此符号"
                        )),
                );
            }
            Unbalanced::Open(i, ch) => {
                let message =
                    t!(lang, "「{ch}」 is never closed in this paragraph", "本段中的「{ch}」没有闭合", ch = ch);
                out.push(
                    Finding::new(at(base, i, ch.len_utf8()), message)
                        .label(t!(lang, "unmatched opening mark", "无配对的前半个符号"))
                        .help(t!(
                            lang,
                            "add the closing mark where the title, quotation or note ends",
                            "请在标题、引文或注释结束处补上后半个符号"
                        )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_bracket_of_the_pairs_passes_the_filter() {
        for &(open, close) in super::PAIRS {
            assert!(super::is_bracket(open) && super::is_bracket(close), "{open}{close}");
            for ch in [open, close] {
                let lead = ch.to_string().as_bytes()[0];
                assert!(matches!(lead, 0xE2 | 0xE3 | 0xEF), "{ch} starts with {lead:X}");
            }
        }
        assert!(!super::is_bracket('中'));
    }

    #[test]
    fn brackets_of_two_widths_pair() {
        use super::{Unbalanced, unbalanced, unbalanced_across_widths};
        for text in
            ["联系(地址：邮箱：1561736926@qq.com）。", "（二)政府信息管理情况", "《通知》(国办函〔2020〕109号）"]
        {
            assert!(unbalanced(text).is_some() && unbalanced_across_widths(text).is_none(), "{text}");
        }
        let named = |text: &str| match unbalanced_across_widths(text) {
            Some(Unbalanced::Close(i, ch) | Unbalanced::Open(i, ch)) => Some((i, ch)),
            None => None,
        };
        assert_eq!(named("《通知》国办函〔2020〕109号）规定"), Some((37, '）')));
        assert_eq!(named("(二）情况（见附件(一)。"), Some((13, '（')));
        assert_eq!(named("《条例(试行》"), None);
        assert_eq!(named("（甲)乙)"), None);
    }
}
