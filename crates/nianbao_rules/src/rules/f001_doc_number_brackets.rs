use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Finds document numbers (文号) whose year is bracketed with 【】, [], ［］, （） or
    /// () instead of the 六角括号 〔〕, such as 「国办函【2020】109 号」, and spaces
    /// inside the number.
    ///
    /// ## Why is this bad
    /// GB/T 9704-2012 writes the year of a 文号 in 〔〕 with no spaces:
    /// 「国办函〔2020〕109号」. Other brackets are the most common form error in
    /// published reports.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 按照《政府信息公开信息处理费管理办法》(国办函【2020】109 号)规定执行。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 按照《政府信息公开信息处理费管理办法》(国办函〔2020〕109号)规定执行。
    /// ```
    ///
    /// ## Fix safety
    /// Safe: rewrites the brackets and spacing only.
    ///
    /// ## Source
    /// GB/T 9704-2012《党政机关公文格式》7.2.4 (发文字号); seed 004.
    pub(crate) static RULE = {
        code: "F001",
        name: "doc-number-brackets",
        title: "文号年份括号错误",
        summary: "A 文号's year is in 【】 [] ［］ （） or () instead of 〔〕",
        summary_zh: "发文字号的年份误用【】、［］、（）等括号而未用六角括号〔〕，或文号内有空格。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::Safe,
        check: check,
        docs_zh: r#"## 检查内容
查找年份未用六角括号〔〕、而用了【】、[]、［］、（）或()的发文字号（文号），如「国办函【2020】109 号」，以及文号内的空格。

## 为何有问题
按照GB/T 9704-2012，发文字号的年份用六角括号〔〕括入，文号中不留空格，如「国办函〔2020〕109号」。误用其他括号，是已发布报告中最常见的格式错误。

## 示例
{examples}

## 修正
可自动修正：只改括号和空格，不动其他文字。

## 依据
GB/T 9704-2012《党政机关公文格式》7.2.4（发文字号）；样本报告 seed 004。"#,
    }
}

use nianbao_model::Edit;

use crate::text::{at, has, is_ideograph, paragraphs};

const BRACKETS: &[(char, char)] = &[('【', '】'), ('[', ']'), ('［', '］'), ('（', '）'), ('(', ')')];

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for (base, text) in paragraphs(ctx.report) {
        if !has(text, "号") {
            continue;
        }
        let mut search = 0;
        while let Some((open_at, open, close)) = next_open(text, search) {
            search = open_at + open.len_utf8();
            let Some((end, year, serial)) = doc_number_after(text, open_at + open.len_utf8(), close) else { continue };
            let before = text[..open_at].chars().next_back();
            if !before.is_some_and(is_ideograph) {
                continue;
            }
            let span = at(base, open_at, end - open_at);
            let fixed = format!("〔{year}〕{serial}号");
            let message = t!(
                lang,
                "文号 「{written}」 should be written 「{fixed}」",
                "文号「{written}」应写为「{fixed}」",
                written = &text[open_at..end],
                fixed = fixed
            );
            let title = t!(lang, "Write 「{fixed}」", "改为「{fixed}」", fixed = fixed);
            out.push(
                Finding::new(span, message)
                    .label(t!(lang, "year in the wrong brackets", "年份括号用错"))
                    .help(t!(
                        lang,
                        "write the year of a 文号 in 〔〕 with no spaces",
                        "请将文号中的年份用六角括号〔〕括入，文号内不留空格"
                    ))
                    .safe_fix(title, vec![Edit::replace(span, fixed)]),
            );
            search = end;
        }
    }
}

fn next_open(text: &str, from: usize) -> Option<(usize, char, char)> {
    text[from..]
        .char_indices()
        .find_map(|(i, c)| BRACKETS.iter().find(|(open, _)| *open == c).map(|&(open, close)| (from + i, open, close)))
}

/// `2020】109 号` after the opening bracket: returns (end, year, serial).
fn doc_number_after(text: &str, from: usize, close: char) -> Option<(usize, String, String)> {
    let rest = &text[from..];
    let year: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if year.len() != 4 || !(year.starts_with("19") || year.starts_with("20")) {
        return None;
    }
    let rest = rest[4..].strip_prefix(close)?;
    let trimmed = rest.trim_start_matches([' ', '\u{3000}']);
    let serial: String = trimmed.chars().take_while(|c| c.is_ascii_digit()).collect();
    if serial.is_empty() {
        return None;
    }
    let after_serial = trimmed[serial.len()..].trim_start_matches([' ', '\u{3000}']);
    let tail = after_serial.strip_prefix('号')?;
    Some((text.len() - tail.len(), year, serial))
}
