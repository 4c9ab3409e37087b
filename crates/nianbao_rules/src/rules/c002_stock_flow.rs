use crate::context::Context;
use crate::finding::Finding;
use crate::lang::Text;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// For 规章 and 行政规范性文件 in table 二: last year's 现行有效件数 plus this year's
    /// 本年制发件数 minus 本年废止件数 should give this year's 现行有效件数. The gap is
    /// reported, not judged: documents also expire without being repealed.
    ///
    /// ## Why is this bad
    /// A gap that no expiry explains means one of the counts is wrong, and the
    /// stock of documents in force is what citizens rely on.
    ///
    /// ## Example
    /// The text after `<!-- previous report -->` stands for last year's report, a separate file.
    /// ### ✗ Incorrect
    /// ```text
    /// 行政规范性文件 | 2 | 1 | 20
    /// <!-- previous report -->
    /// 行政规范性文件 | 3 | 0 | 14
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 行政规范性文件 | 2 | 1 | 15
    /// <!-- previous report -->
    /// 行政规范性文件 | 3 | 0 | 14
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (table 二, 第二十条第（一）项).
    pub(crate) static RULE = {
        code: "C002",
        name: "stock-flow",
        title: "现行有效件数不衔接",
        summary: "Last year's 现行有效 + this year's 制发 − 废止 ≠ this year's 现行有效",
        summary_zh: "表二中上年现行有效件数加本年制发件数减本年废止件数，不等于本年现行有效件数。",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
对表二中的规章和行政规范性文件，上年报告的现行有效件数，加本年制发件数，减本年废止件数，应当等于本年的现行有效件数。本规则只列出差额，不判定对错：文件也可能未经废止而到期失效。

## 为何有问题
差额如果不能用文件到期失效来解释，就说明其中某个件数填错了；而现行有效的文件有多少，正是群众所依赖的信息。

## 示例
`<!-- previous report -->` 之后的文字代表上年报告，实际是另一个文件。
### ✗ 错误
```text
{example 1}
```
### ✓ 正确
```text
{example 2}
```

## 修正
不提供修正：差额可能是文件到期失效所致，也可能是某个件数填错，须人工核对。

## 依据
国办公开办函〔2021〕30号（表二）；《中华人民共和国政府信息公开条例》第二十条第（一）项。"#,
    }
}

use nianbao_model::{RowKey, T2Row, TableKind};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let Some(previous) = ctx.related.previous else { return };
    let (Some(this), Some(last)) =
        (ctx.report.table(TableKind::Proactive), previous.report.table(TableKind::Proactive))
    else {
        return;
    };
    for row in [T2Row::Regulations, T2Row::NormativeDocuments] {
        let key = RowKey::T2(row);
        let cells = (this.cell(key, 0), this.cell(key, 1), this.cell(key, 2), last.cell(key, 2));
        let (Some(issued), Some(repealed), Some(in_force), Some(before)) = cells else { continue };
        let values = (issued.count(), repealed.count(), in_force.count(), before.count());
        let (Some(i), Some(r), Some(now), Some(then)) = values else { continue };
        let expected = then + i - r;
        if now == expected {
            continue;
        }
        out.push(
            Finding::new(
                in_force.span,
                t!(
                    lang,
                    "{row} 现行有效 {now} ≠ last year's {then} + 制发 {i} − 废止 {r} = {expected} (gap {gap:+})",
                    "{row}现行有效件数为{now}，但上年现行有效{then} + 本年制发{i} − 本年废止{r} = {expected}（相差{gap:+}）",
                    row = row.label(),
                    now = now,
                    then = then,
                    i = i,
                    r = r,
                    expected = expected,
                    gap = now - expected
                ),
            )
            .label(Text::neutral("现行有效件数"))
            .secondary(issued.span, Text::neutral(format!("制发 {i}")))
            .secondary(repealed.span, Text::neutral(format!("废止 {r}")))
            .secondary_in(
                previous.name,
                before.span,
                t!(lang, "last year's 现行有效 {then}", "上年现行有效 {then}", then = then),
            )
            .help(t!(
                lang,
                "a gap is legitimate when documents expired; otherwise one of the counts is wrong",
                "请核实差额是否来自到期失效的文件；如不是，则其中某项件数有误"
            )),
        );
    }
}
