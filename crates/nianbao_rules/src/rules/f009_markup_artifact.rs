use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Finds Markdown emphasis (`**二是**`) in a report that is not written in
    /// Markdown, and HTML entities and tags (`&nbsp;`, `<br>`, `</p>`, Word's
    /// conditional comments such as `<!--[if !supportLists]-->`) anywhere in
    /// its prose.
    ///
    /// ## Why is this bad
    /// The markers show up literally on the published page: they are leftovers of
    /// copying between editors.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 一是加大宣传力度。**二是**拓展政策解读方式。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 五、存在的主要问题及改进情况
    /// 一是加大宣传力度。二是拓展政策解读方式。
    /// ```
    ///
    /// ## Fix safety
    /// Safe: removes the markers (an entity such as `&nbsp;` becomes a space).
    ///
    /// ## Source
    /// Seed 002 (`**二是**`).
    pub(crate) static RULE = {
        code: "F009",
        name: "markup-artifact",
        title: "残留标记代码",
        summary: "Stray Markdown or HTML in plain text",
        summary_zh: "正文中残留Markdown或HTML标记代码。",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::Safe,
        check: check,
        docs_zh: r#"## 检查内容
在不是用Markdown编写的报告中查找Markdown加粗标记（`**二是**`）；在正文各处查找HTML实体和标签（`&nbsp;`、`<br>`、`</p>`，以及Word的条件注释，如`<!--[if !supportLists]-->`）。

## 为何有问题
这些标记会原样显示在发布的页面上，是在不同编辑器之间复制文字时遗留下来的。

## 示例
{examples}

## 修正
可自动修正：删除这些标记（`&nbsp;`等实体改为它所代表的字符，如`&nbsp;`改为空格）。

## 依据
样本报告002（`**二是**`）。"#,
    }
}

use nianbao_model::Edit;

use crate::text::{at, is_markdown};

const ENTITIES: &[(&str, &str)] = &[("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\"")];
const TAGS: &[&str] =
    &["<br>", "<br/>", "<br />", "<p>", "</p>", "<span>", "</span>", "<strong>", "</strong>", "<b>", "</b>"];

/// Word's conditional comments: where they open, and what closes them.
const CONDITIONAL_COMMENTS: &[(&str, &str)] = &[("<!--[if", "]-->"), ("<![endif]", "-->")];

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let markdown = is_markdown(ctx.report);
    let lang = ctx.lang();
    for (base, text, chars) in ctx.prose() {
        // Only the kinds of markup whose first byte occurs are looked for;
        // most paragraphs have none, and are not searched at all.
        let holds = |byte: u8| chars.has_any_ascii(&[byte]);
        let (stars, entities, tags) = (holds(b'*'), holds(b'&'), holds(b'<'));
        if !(stars || entities || tags) {
            continue;
        }
        let mut edits = Vec::new();
        let mut first = None;
        if !markdown && stars {
            for (i, _) in text.match_indices("**") {
                edits.push(Edit::replace(at(base, i, 2), ""));
                first.get_or_insert(at(base, i, 2));
            }
        }
        for (entity, replacement) in ENTITIES.iter().filter(|_| entities) {
            for (i, _) in text.match_indices(entity) {
                edits.push(Edit::replace(at(base, i, entity.len()), *replacement));
                first.get_or_insert(at(base, i, entity.len()));
            }
        }
        for tag in TAGS.iter().filter(|_| tags) {
            for (i, _) in text.match_indices(tag) {
                edits.push(Edit::replace(at(base, i, tag.len()), ""));
                first.get_or_insert(at(base, i, tag.len()));
            }
        }
        // Word's conditional comments, left in a page a crawler stored:
        // 「<!--[if !supportLists]-->」, 「<![endif]-->」.
        for (opening, closing) in CONDITIONAL_COMMENTS.iter().filter(|_| tags) {
            for (i, _) in text.match_indices(opening) {
                let Some(len) = text[i..].find(closing).map(|end| end + closing.len()).filter(|&len| len <= 80) else {
                    continue;
                };
                edits.push(Edit::replace(at(base, i, len), ""));
                first.get_or_insert(at(base, i, len));
            }
        }
        let Some(first) = first else { continue };
        edits.sort_by_key(|e| e.span.start);
        let message = t!(lang, "{n} stray markup mark(s) in this paragraph", "本段残留{n}处标记代码", n = edits.len());
        let mut finding = Finding::new(first, message)
            .label(t!(lang, "Markdown or HTML left in the text", "正文中残留的 Markdown 或 HTML 标记"))
            .help(t!(
                lang,
                "remove it; emphasis does not survive into the published report",
                "请删除这些标记；加粗等格式不会保留到正式发布的报告中"
            ));
        for edit in edits.iter().skip(1).take(9) {
            finding = finding.secondary_bare(edit.span);
        }
        out.push(finding.safe_fix(t!(lang, "Remove the markup", "删除标记代码"), edits));
    }
}
