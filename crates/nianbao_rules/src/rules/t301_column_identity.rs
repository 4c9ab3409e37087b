use crate::context::Context;
use crate::finding::Finding;
use crate::identity::IdentityKind;
use crate::lang::Text;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Checks the identity printed in table 三's corner, for every column:
    /// 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理.
    ///
    /// ## Why is this bad
    /// Every application received or carried over is either decided this
    /// year or carried forward. When the two sides differ, an application was
    /// lost or counted twice.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5
    /// 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// （七）总计 | 3 | 1 | 0 | 0 | 0 | 0 | 4
    /// 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5
    /// 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
    /// （七）总计 | 3 | 1 | 0 | 0 | 0 | 0 | 4
    /// 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1
    /// ```
    ///
    /// ## Fix safety
    /// No fix: any of the four cells may be the wrong one.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号, table 三: 「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」.
    pub(crate) static RULE = {
        code: "T301",
        name: "column-identity",
        title: "表三列勾稽不符",
        summary: "一 + 二 ≠ （七）总计 + 四 in a column of table 三",
        summary_zh: "表三某一列中本年新收与上年结转之和，不等于（七）总计与结转下年度之和。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
对表三的每一列，核对表格左上角所印的勾稽关系：「一、本年新收」加「二、上年结转」，等于「（七）总计」加「四、结转下年度继续办理」。

## 为何有问题
本年新收和上年结转的每一件申请，要么在本年办结，要么结转下年度。两边不相等，说明有申请漏计或重复计算。

## 示例
{examples}

## 修正
不提供修正：四个单元格中任何一个都可能是填错的那个。

## 依据
国办公开办函〔2021〕30号，表三：「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for identity in ctx.failing_identities().iter().filter(|i| i.kind == IdentityKind::ColumnBalance) {
        let total = &identity.right[0];
        let mut finding = Finding::new(total.cell.span, Text::neutral(identity.describe()))
            .label(Text::neutral(format!("（七）总计 · {}", identity.subject)))
            .help(t!(
                lang,
                "一 + 二 must equal （七）总计 + 四 in every column: find the application lost or counted twice",
                "每一列均应满足「一 + 二 = （七）总计 + 四」：请查出漏计或重复计算的申请"
            ));
        for term in identity.cells().filter(|term| !std::ptr::eq(term.cell, total.cell)) {
            finding = finding.secondary(term.cell.span, Text::neutral(format!("{} {}", term.name, term.value())));
        }
        out.push(finding);
    }
}
