use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// For a summary report (a 本级政府 report that adds up its departments and
    /// towns) with `[compare] parts` in `nianbao.toml`: sums tables 二, 三 and 四 over
    /// the parts and compares every figure with the summary's. One diagnostic per
    /// row that differs.
    ///
    /// ## Why is this bad
    /// When the county's figures are meant to be the sum of its parts, a difference
    /// shows a part left out, counted twice, or changed after the summary was made.
    ///
    /// ## Example
    /// The text after each `<!-- part report -->` stands for one part, a separate file.
    /// ### ✗ Incorrect
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5
    /// <!-- part report -->
    /// 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    /// <!-- part report -->
    /// 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4
    /// <!-- part report -->
    /// 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    /// <!-- part report -->
    /// 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号; 本级政府 reports that summarise their parts.
    pub(crate) static RULE = {
        code: "C004",
        name: "roll-up",
        title: "汇总数与所含报告不符",
        summary: "A 本级政府 summary's figures differ from the sum of its parts",
        summary_zh: "本级政府汇总报告表二、表三、表四的数据与所含各报告的合计数不一致。",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
适用于汇总报告，即汇总所属部门和乡镇数据的本级政府报告，且须在 `nianbao.toml` 中用 `[compare] parts` 列出所含的各份报告。本规则把各份所含报告的表二、表三、表四逐项相加，与汇总报告中的每个数据比较，每有一行不一致，报告一条。

## 为何有问题
本级数据本应是所含各报告之和。出现差额，说明漏算了某份报告、重复计算了某份报告，或者某份报告在汇总之后又作了改动。

## 示例
每个 `<!-- part report -->` 之后的文字代表一份所含报告，实际是单独的文件。
### ✗ 错误
```text
{example 1}
```
### ✓ 正确
```text
{example 2}
```

## 修正
不提供修正：须人工核对是哪份报告漏算、重复或有改动。

## 依据
国办公开办函〔2021〕30号；本级政府汇总所属部门、乡镇数据编制的报告。"#,
    }
}

use nianbao_model::{RowKey, TableKind};

use crate::facts::show;

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let parts = &ctx.related.parts;
    if parts.is_empty() {
        return;
    }
    for kind in TableKind::ALL {
        let Some(table) = ctx.report.table(kind) else { continue };
        for key in RowKey::rows_of(kind) {
            let mut differences = Vec::new();
            for index in 0..key.value_count() {
                let Some(cell) = table.cell(key, index) else { continue };
                let Some(value) = cell.number() else { continue };
                let summed: Option<f64> =
                    parts.iter().map(|part| part.report.table(kind)?.cell(key, index)?.number()).sum();
                let Some(summed) = summed else { continue };
                if (summed - value).abs() > 1e-6 {
                    differences.push((index, cell, value, summed));
                }
            }
            let Some(&(index, first, value, summed)) = differences.first() else { continue };
            let column = |i: usize| key.value_label(i).unwrap_or_default();
            let mut finding = Finding::new(
                first.span,
                t!(
                    lang,
                    "{table} {column}: {value} here, {summed} summed over {n} parts",
                    "{table}{column}为{value}，而所含{n}份报告合计为{summed}",
                    table = kind.name(),
                    column = column(index),
                    value = show(value),
                    summed = show(summed),
                    n = parts.len()
                ),
            )
            .label(t!(lang, "differs from the sum of the parts", "与所含报告的合计数不一致"))
            .help(t!(
                lang,
                "check which part is missing, counted twice, or changed after the summary was made",
                "请核查是否漏计或重复计入某份报告，或某份报告在汇总后有改动"
            ));
            for &(index, cell, value, summed) in &differences[1..] {
                // Same row: its column is enough.
                let column = key.column_label(index).unwrap_or_default();
                let label = t!(
                    lang,
                    "{column}: {value} vs {summed}",
                    "{column}：{value}，所含报告合计{summed}",
                    column = column,
                    value = show(value),
                    summed = show(summed)
                );
                finding = finding.secondary(cell.span, label);
            }
            out.push(finding);
        }
    }
}
