use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a citation of 国办公开办函〔2019〕60号, the 2019 trial format, in a
    /// report for 2021 or later.
    ///
    /// ## Why is this bad
    /// Since the 2021 reports the format is 国办公开办函〔2021〕30号. Citing the old
    /// notice usually means the report was built from an old template.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 某某局2024年政府信息公开工作年度报告
    /// 根据国办公开办函〔2019〕60号要求，现将本局2024年度报告如下。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 某某局2024年政府信息公开工作年度报告
    /// 根据国办公开办函〔2021〕30号要求，现将本局2024年度报告如下。
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the rest of the report may follow the old template too.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号.
    pub(crate) static RULE = {
        code: "F003",
        name: "superseded-format",
        title: "引用旧格式文号",
        summary: "A report for 2021 or later cites the 2019 trial format",
        summary_zh: "2021年度及以后的报告仍引用2019年试行格式的国办公开办函〔2019〕60号。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
2021年度及以后的报告中引用了国办公开办函〔2019〕60号（2019年的试行格式）的，报告本规则。

## 为何有问题
自2021年度报告起，年度报告格式以国办公开办函〔2021〕30号为准。仍引用旧通知，通常说明报告是用旧模板编写的。

## 示例
{examples}

## 修正
不提供修正：报告的其他部分可能也沿用了旧模板，须对照新格式人工核对。

## 依据
国办公开办函〔2021〕30号。"#,
    }
}

use crate::text::{at, words};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.report_year().is_some_and(|year| year < 2021) {
        return;
    }
    let lang = ctx.lang();
    for (base, text, chars) in ctx.prose() {
        let mut from = 0;
        while let Some(i) = words!["国办公开办函"].find_in(&text[from..], chars).map(|i| from + i) {
            from = i + "国办公开办函".len();
            let window: String = text[from..].chars().take(10).collect();
            if window.contains("2019") && window.contains("60") {
                let span = at(base, i, "国办公开办函".len() + window.len());
                let message = t!(
                    lang,
                    "the report cites the 2019 trial format 国办公开办函〔2019〕60号",
                    "报告仍引用2019年试行格式（国办公开办函〔2019〕60号）"
                );
                out.push(
                    Finding::new(span, message)
                        .label(t!(lang, "superseded since the 2021 reports", "自2021年度报告起已不再适用"))
                        .help(t!(
                            lang,
                            "cite 国办公开办函〔2021〕30号 and use its tables",
                            "请改为引用国办公开办函〔2021〕30号，并使用其规定的表格"
                        )),
                );
            }
        }
    }
}
