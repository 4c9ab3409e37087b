use nianbao_model::{CellValue, RowKey, T3Col, TableKind};

use super::row_name;
use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Spots a table 三 row with one value too many where joining two adjacent
    /// single digits gives a row whose 总计 adds up: 「1 2 0 0 0 0 0 12」 is
    /// 「12 0 0 0 0 0 12」 split by text extraction.
    ///
    /// ## Why is this bad
    /// Copying tables out of PDF or Word sometimes splits a number across two
    /// cells. The row then fails S007, and this hint says what probably happened.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 12
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 12 | 0 | 0 | 0 | 0 | 0 | 12
    /// ```
    ///
    /// ## Fix safety
    /// No fix: it is a likely explanation, not a certainty.
    ///
    /// ## Source
    /// Extraction damage seen in published reports (inputs.md).
    pub(crate) static RULE = {
        code: "T305",
        name: "split-digit",
        title: "数字疑被拆分",
        summary: "Two adjacent single digits in a table 三 row look like one number split in two",
        summary_zh: "表三某行相邻的两个一位数疑为一个数字被拆成了两格。",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
表三某行比模板多出一个数值，而把其中相邻的两个一位数合并后该行总计恰好加得拢的，予以提示：「1 2 0 0 0 0 0 12」就是被文本提取拆开了的「12 0 0 0 0 0 12」。

## 为何有问题
从PDF或Word中复制表格，有时会把一个数字拆进两个单元格。这样的行会触发`S007`，本条提示说明可能的原因。

## 示例
{examples}

## 修正
不提供修正：这只是一种可能的解释，并不确定。

## 依据
已发布报告中见到的文本提取损坏（`inputs.md`）。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(table) = ctx.report.table(TableKind::Applications) else { return };
    let lang = ctx.lang();
    let width = T3Col::ALL.len();
    for row in &table.rows {
        if !matches!(row.key, Some(RowKey::T3(_))) || row.cells.len() != width + 1 {
            continue;
        }
        let digit = |i: usize| match row.cells[i].value {
            CellValue::Integer(value @ 0..=9) if row.cells[i].raw.chars().count() == 1 => Some(value),
            _ => None,
        };
        let counts: Option<Vec<i64>> = row.cells.iter().map(|cell| cell.count()).collect();
        let Some(counts) = counts else { continue };
        for i in 0..width {
            let (Some(high), Some(low)) = (digit(i), digit(i + 1)) else { continue };
            if high == 0 {
                continue;
            }
            let mut joined = counts.clone();
            joined.splice(i..=i + 1, [high * 10 + low]);
            let applicants: i64 = joined[..6].iter().sum();
            if applicants == joined[6] && applicants > 0 {
                let (a, b) = (&row.cells[i], &row.cells[i + 1]);
                out.push(
                    Finding::new(
                        a.span.cover(b.span),
                        t!(
                            lang,
                            "「{a}」「{b}」 in row 「{row}」 look like one number {n} split in two",
                            "「{row}」一行中的「{a}」「{b}」似为数字{n}被拆成了两格",
                            a = a.raw,
                            b = b.raw,
                            row = row_name(row),
                            n = high * 10 + low
                        ),
                    )
                    .label(t!(lang, "joined, the row adds up", "合并后本行总计相符"))
                    .help(t!(
                        lang,
                        "if the source says {n}, join the two cells",
                        "如原件为{n}，请将两格合并",
                        n = high * 10 + low
                    )),
                );
                break;
            }
        }
    }
}
