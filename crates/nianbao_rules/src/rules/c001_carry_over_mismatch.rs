use crate::context::Context;
use crate::finding::Finding;
use crate::lang::Text;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Compares this year's 二、上年结转政府信息公开申请数量 with last year's
    /// 四、结转下年度继续办理, column by column. Last year's report is named by
    /// `[compare] previous` in `nianbao.toml`, or found beside this one (same agency,
    /// the year before).
    ///
    /// ## Why is this bad
    /// Applications carried forward at the end of one year are the applications
    /// carried over at the start of the next. A difference means applications were
    /// lost or invented between two reports.
    ///
    /// ## Example
    /// The text after `<!-- previous report -->` stands for last year's report, a separate file.
    /// ### ✗ Incorrect
    /// ```text
    /// 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    /// <!-- previous report -->
    /// 四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    /// <!-- previous report -->
    /// 四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    /// ```
    ///
    /// ## Fix safety
    /// No fix: either year may be wrong.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (table 三, rows 二 and 四).
    pub(crate) static RULE = {
        code: "C001",
        name: "carry-over-mismatch",
        title: "结转数与上年不符",
        summary: "This year's 上年结转 differs from last year's 结转下年度",
        summary_zh: "表三「二、上年结转政府信息公开申请数量」与上年报告「四、结转下年度继续办理」不一致。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
逐栏比较本年报告表三「二、上年结转政府信息公开申请数量」与上年报告表三「四、结转下年度继续办理」。上年报告由 `nianbao.toml` 中的 `[compare] previous` 指定；未指定的，在本报告旁边查找同一机关上一年度的报告。

## 为何有问题
上一年末结转下年度继续办理的申请，就是本年初从上年结转的申请，两个数应当一致。不一致，说明两份报告之间有申请无故少了，或凭空多了。

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
不提供修正：本年和上年的数都可能有错，须人工核对。

## 依据
国办公开办函〔2021〕30号（表三第二项、第四项）。"#,
    }
}

use nianbao_model::{T3Col, T3Row, TableKind};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(previous) = ctx.related.previous else { return };
    let (Some(this), Some(last)) =
        (ctx.report.table(TableKind::Applications), previous.report.table(TableKind::Applications))
    else {
        return;
    };
    let mut mismatches = Vec::new();
    for col in T3Col::ALL {
        let (Some(now), Some(then)) = (this.t3(T3Row::CarriedOver, col), last.t3(T3Row::CarriedForward, col)) else {
            continue;
        };
        let (Some(a), Some(b)) = (now.count(), then.count()) else { continue };
        if a != b {
            mismatches.push((col, now, a, then, b));
        }
    }
    let Some(&(col, first, a, _, b)) = mismatches.first() else { return };
    let lang = ctx.lang();
    let message = t!(
        lang,
        "上年结转 {col} {a} ≠ last year's 结转下年度 {b}",
        "{col}栏上年结转为{a}，与上年报告的结转下年度{b}不一致",
        col = col.label(),
        a = a,
        b = b
    );
    let mut finding =
        Finding::new(first.span, message).label(Text::neutral(format!("二、上年结转 · {}", col.label()))).help(t!(
            lang,
            "this year's 上年结转 must equal 四、结转下年度继续办理 in {previous}",
            "请核对两年的数据：本年的上年结转应等于{previous}中「四、结转下年度继续办理」的数值",
            previous = previous.name
        ));
    for &(col, now, a, then, b) in &mismatches {
        if !std::ptr::eq(now, first) {
            finding = finding.secondary(now.span, Text::neutral(format!("{} {a}", col.label())));
        }
        let label =
            t!(lang, "last year's 结转下年度 · {col} {b}", "上年报告结转下年度 · {col} {b}", col = col.label(), b = b);
        finding = finding.secondary_in(previous.name, then.span, label);
    }
    out.push(finding);
}
