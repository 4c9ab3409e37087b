use nianbao_model::{CellValue, RowKey, T2Row, TableKind};

use crate::context::Context;
use crate::finding::Finding;
use crate::lang::Text;
use crate::registry::{FixKind, declare_rule};
use crate::t;

/// 1,000,000 万元 is 100亿元: no administrative fee total of one body comes near.
const IMPLAUSIBLE_WAN_YUAN: f64 = 1_000_000.0;

declare_rule! {
    /// ## What it does
    /// Checks the 行政事业性收费 cell of table 二, which is in 万元: reports a
    /// unit written into the cell (「670.5万元」, 「5000元」), an amount too large
    /// to be in 万元 (probably entered in 元), a negative amount, or text.
    ///
    /// ## Why is this bad
    /// The column header already says 「单位：万元」. An amount entered in 元
    /// overstates the fees ten thousand times, and a unit in the cell makes
    /// the number unreadable for programs.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 行政事业性收费 | 670.5862万元
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 行政事业性收费 | 670.5862
    /// ```
    ///
    /// ## Fix safety
    /// No fix: converting units is a judgement about what was meant.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (table 二, 第二十条第（八）项). The fee is an
    /// administrative fee, not the 信息处理费 of section 六.
    pub(crate) static RULE = {
        code: "T202",
        name: "fee-unit",
        title: "收费金额填写有误",
        summary: "The fee cell carries a unit or an implausible amount for 万元",
        summary_zh: "表二行政事业性收费栏内写有单位，或按万元计的金额明显不合理。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
检查表二「行政事业性收费」一栏。该栏以万元为单位，有下列情形之一的予以提示：栏内写了单位（如「670.5万元」「5000元」）；金额大到不可能是以万元计（多半是按元填写）；金额为负数；填的是文字。

## 为何有问题
栏目标题已注明「单位：万元」。按元填写的金额会把收费数额夸大一万倍；栏内写上单位，程序就无法读取这个数字。

## 示例
{examples}

## 修正
不提供修正：换算单位要判断填报人的本意，不能由程序代为决定。

## 依据
国办公开办函〔2021〕30号（表二，第二十条第（八）项）。这里的收费是行政事业性收费，不是第六部分所说的信息处理费。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(table) = ctx.report.table(TableKind::Proactive) else { return };
    // The 2019 trial format's fee block counts items (上一年项目数量, 本年增/减),
    // no amount in 万元.
    if super::in_format_of_its_year(ctx, table) {
        return;
    }
    let Some(row) = table.row(RowKey::T2(T2Row::Fees)) else { return };
    let lang = ctx.lang();
    for cell in &row.cells {
        let unit = cell.note.as_deref().filter(|note| note.contains('元'));
        let problem = match (cell.value, unit) {
            (_, Some(unit)) => Some(t!(
                lang,
                "the fee cell carries the unit 「{unit}」",
                "收费金额栏内写有单位「{unit}」",
                unit = unit
            )),
            (CellValue::Text, _) => {
                Some(t!(lang, "fee 「{raw}」 is not a number", "收费金额「{raw}」不是数字", raw = cell.raw))
            }
            _ => match cell.number() {
                Some(amount) if amount < 0.0 => {
                    Some(t!(lang, "fee {raw} is negative", "收费金额{raw}为负数", raw = cell.raw))
                }
                Some(amount) if amount >= IMPLAUSIBLE_WAN_YUAN => Some(t!(
                    lang,
                    "fee {raw} 万元 is implausibly large; was it entered in 元?",
                    "收费金额{raw}万元明显过大，是否误按元填写？",
                    raw = cell.raw
                )),
                _ => None,
            },
        };
        if let Some(message) = problem {
            out.push(
                Finding::new(cell.span, message)
                    .label(Text::neutral("行政事业性收费 · 本年收费金额（单位：万元）"))
                    .help(t!(
                        lang,
                        "write the amount in 万元 as a bare number, such as 670.5862",
                        "请以万元为单位，只填写数字，如670.5862"
                    )),
            );
        }
    }
}
