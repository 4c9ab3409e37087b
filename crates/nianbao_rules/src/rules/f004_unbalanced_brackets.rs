use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Checks that （）「」“”《》〔〕【】 open and close in pairs within each paragraph.
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
检查每个段落中的（）「」“”《》〔〕【】是否成对出现。

## 为何有问题
《或“没有闭合，读者就无法判断书名或引文到哪里结束；这往往还说明复制时丢了文字。

## 示例
### ✗ 错误
```text
一、总体情况
深入贯彻《中华人民共和国政府信息公开条例，持续推进公开工作。
```
### ✓ 正确
```text
一、总体情况
深入贯彻《中华人民共和国政府信息公开条例》，持续推进公开工作。
```

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

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for (base, text) in paragraphs(ctx.report) {
        let mut stack: Vec<(usize, char)> = Vec::new();
        let mut unmatched_close = None;
        for i in memchr::memchr3_iter(0xE2, 0xE3, 0xEF, text.as_bytes()) {
            let Some(ch) = text[i..].chars().next().filter(|&ch| is_bracket(ch)) else { continue };
            if PAIRS.iter().any(|(open, _)| *open == ch) {
                stack.push((i, ch));
            } else if let Some(&(open, _)) = PAIRS.iter().find(|(_, close)| *close == ch) {
                match stack.last() {
                    Some(&(_, top)) if top == open => {
                        stack.pop();
                    }
                    _ => {
                        unmatched_close = Some((i, ch));
                        break;
                    }
                }
            }
        }
        if let Some((i, ch)) = unmatched_close {
            let message =
                t!(lang, "「{ch}」 closes nothing in this paragraph", "本段中的「{ch}」前没有与之配对的符号", ch = ch);
            out.push(
                Finding::new(at(base, i, ch.len_utf8()), message)
                    .label(t!(lang, "unmatched closing mark", "无配对的后半个符号"))
                    .help(t!(
                        lang,
                        "add the opening mark or remove this one",
                        "请补上与之配对的前半个符号，或删去此符号"
                    )),
            );
        } else if let Some(&(i, ch)) = stack.first() {
            let message = t!(lang, "「{ch}」 is never closed in this paragraph", "本段中的「{ch}」没有闭合", ch = ch);
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
}
