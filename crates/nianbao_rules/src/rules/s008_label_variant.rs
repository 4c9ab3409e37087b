use nianbao_model::{Edit, Fidelity, HeaderClass, Span};

use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a row label or column header that differs from the template's
    /// verbatim label: 「社会组织」 for 「社会公益组织」, 「规范性文件」 for
    /// 「行政规范性文件」, 「（六）其他」 for 「（六）其他处理」, truncated labels
    /// (「1.申请人无正当理由逾期.....」). Differences of width, spacing or bracket
    /// style are not reported, nor are the 2019 trial format's labels in a
    /// report for 2019 or 2020 laid out in that format.
    ///
    /// ## Why is this bad
    /// The template's labels are its definitions: 「规范性文件」 is a different
    /// (older) category than 「行政规范性文件」, and a truncated label hides
    /// which row it is. Readers and programs comparing reports rely on them.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 自然人 | 商业企业 | 科研机构 | 社会组织 | 法律服务机构 | 其他 | 总计
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
    /// ```
    ///
    /// ## Fix safety
    /// Safe: replaces the label with the template's; the row and its numbers stay.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号.
    pub(crate) static RULE = {
        code: "S008",
        name: "label-variant",
        title: "栏目名称不规范",
        summary: "A row or column label differs from the template's verbatim label",
        summary_zh: "表格的行名称或栏目名称与模板规定的名称不一致。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::Safe,
        check: check,
        docs_zh: r#"## 检查内容
指出与模板原文不一致的行名称或栏目名称，例如把「社会公益组织」写成「社会组织」，把「行政规范性文件」写成「规范性文件」，把「（六）其他处理」写成「（六）其他」，以及被截断的名称（「1.申请人无正当理由逾期.....」）。仅全角半角、空格或括号样式不同的，不予提示；2019年度或2020年度的报告按2019年试行格式编排的，该格式的名称也不提示。

## 为何有问题
模板的名称就是统计口径的定义：「规范性文件」与「行政规范性文件」是不同的（旧的）类别；名称被截断，就看不出是哪一行。阅读者和比对报告的程序都依赖这些名称。

## 示例
{examples}

## 修正
可自动修正：将名称替换为模板名称，该行及其数值保持不变。

## 依据
国办公开办函〔2021〕30号。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for table in &ctx.report.tables {
        // 「规范性文件」 and the like are the 2019 format's own labels.
        let format_of_its_year = super::in_format_of_its_year(ctx, table);
        // A label in a table whose labels and values stand apart (S012) may
        // be cut where the converter set its pieces apart: only the rows
        // that were read say what their label is.
        let set_apart = |row: &&nianbao_model::Row| !table.unpaired.is_empty() && row.is_unread();
        let rows = table.rows.iter().filter(|_| !format_of_its_year).filter(|row| !set_apart(row)).filter_map(|row| {
            let label = row.label.as_ref()?;
            match &label.fidelity {
                Fidelity::Variant { canonical } if row.key.is_some() => Some((label.span, &*label.text, &**canonical)),
                _ => None,
            }
        });
        let headers = table.headers.iter().filter_map(|header| match &header.class {
            HeaderClass::Known { canonical, fidelity: Fidelity::Variant { .. } } => {
                Some((header.span, &*header.text, &**canonical))
            }
            _ => None,
        });
        let mut found: Vec<(Span, &str, &str)> = rows.chain(headers).collect();
        found.sort_by_key(|(span, _, _)| span.start);
        for (span, text, canonical) in found {
            out.push(
                Finding::new(
                    span,
                    t!(
                        lang,
                        "label 「{text}」 is not the template's 「{canonical}」",
                        "「{text}」与模板栏目名称「{canonical}」不一致",
                        text = text,
                        canonical = canonical
                    ),
                )
                .label(t!(lang, "variant label", "与模板不同的名称"))
                .safe_fix(
                    t!(lang, "Replace with 「{canonical}」", "改为「{canonical}」", canonical = canonical),
                    vec![Edit::replace(span, canonical)],
                ),
            );
        }
    }
}
