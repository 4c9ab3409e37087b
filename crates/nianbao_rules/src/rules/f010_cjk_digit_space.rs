use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Finds spaces between Chinese characters and digits (「2024 年」, 「办理 3 件」).
    /// Off by default: government documents write 「2024年」 without spaces, and
    /// generic CJK spacing linters that insist on spaces get this wrong. Turn it on
    /// in `nianbao.toml` (`F010 = "info"`) to remove such spaces.
    ///
    /// ## Why is this bad
    /// The spaces are typesetting from another convention, often from copying out of
    /// PDF; official texts do not use them.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 2024 年全年开展专题培训 4 次。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 2024年全年开展专题培训4次。
    /// ```
    ///
    /// ## Fix safety
    /// Safe: removes the spaces.
    ///
    /// ## Source
    /// GB/T 15835-2011《出版物上数字用法》; the convention of official documents.
    pub(crate) static RULE = {
        code: "F010",
        name: "cjk-digit-space",
        title: "汉字与数字间有空格",
        summary: "Spaces between Chinese characters and digits (off by default)",
        summary_zh: "汉字与数字之间有多余的空格（默认不检查）。",
        severity: None,
        fix: FixKind::Safe,
        check: check,
        docs_zh: r#"## 检查内容
查找汉字与数字之间的空格（「2024 年」「办理 3 件」）。本规则默认不检查：公文写作「2024年」，不加空格；一些通用的中文排版检查工具要求在汉字与数字之间加空格，用在公文上是错的。如需删除这类空格，可在`nianbao.toml`中开启本规则（`F010 = "info"`）。

## 为何有问题
这些空格来自另一种排版习惯，多是从PDF中复制文字时带入的；公文不使用这种空格。

## 示例
{examples}

## 修正
可自动修正：删除空格。

## 依据
GB/T 15835-2011《出版物上数字用法》；公文的通行写法。"#,
    }
}

use nianbao_model::{Edit, Span};

use crate::text::{at, is_ideograph, paragraphs};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for (base, text) in paragraphs(ctx.report) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut spaces: Vec<Span> = Vec::new();
        let mut k = 1;
        while k < chars.len() {
            if chars[k].1 != ' ' && chars[k].1 != '\u{3000}' {
                k += 1;
                continue;
            }
            let start = k;
            while k < chars.len() && (chars[k].1 == ' ' || chars[k].1 == '\u{3000}') {
                k += 1;
            }
            let (Some(before), Some(after)) = (chars.get(start - 1).map(|c| c.1), chars.get(k).map(|c| c.1)) else {
                break;
            };
            let between =
                (is_ideograph(before) && after.is_ascii_digit()) || (before.is_ascii_digit() && is_ideograph(after));
            if between {
                let end = chars.get(k).map_or(text.len(), |c| c.0);
                spaces.push(at(base, chars[start].0, end - chars[start].0));
            }
        }
        let Some(&first) = spaces.first() else { continue };
        let message = t!(
            lang,
            "{n} space(s) between Chinese characters and digits",
            "汉字与数字之间有{n}处空格",
            n = spaces.len()
        );
        let mut finding = Finding::new(first, message).label(t!(lang, "space", "多余的空格")).help(t!(
            lang,
            "official documents write 「2024年」, 「3件」",
            "请删去空格，公文应写作「2024年」「3件」"
        ));
        for &span in spaces.iter().skip(1).take(9) {
            finding = finding.secondary_bare(span);
        }
        let edits = spaces.iter().map(|&span| Edit::replace(span, "")).collect();
        out.push(finding.safe_fix(t!(lang, "Remove the spaces", "删除多余的空格"), edits));
    }
}
