use nianbao_model::{RowKey, T2Row, TableKind};

use super::row_anchor;
use crate::config::Level;
use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports a 规章 count other than 0 from a town, township or street office
    /// (乡、镇人民政府, 街道办事处), recognised from the agency name or set with
    /// `level = "township"` in `nianbao.toml`.
    ///
    /// ## Why is this bad
    /// Under the 立法法 only ministries and provincial or districted-city
    /// governments make 规章. A 规章 number from a township is almost always
    /// 行政规范性文件 counted in the wrong row.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 某某镇人民政府2024年政府信息公开工作年度报告
    /// 规章 | 1 | 0 | 1
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 某某镇人民政府2024年政府信息公开工作年度报告
    /// 规章 | 0 | 0 | 0
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    ///
    /// ## Source
    /// 《中华人民共和国立法法》第九十三条; template.md (table 二).
    pub(crate) static RULE = {
        code: "T204",
        name: "implausible-rulemaking",
        title: "乡镇填报规章",
        summary: "A town, township or street office reports 规章",
        summary_zh: "乡镇人民政府或街道办事处填报的规章件数不为0。",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
乡、镇人民政府或街道办事处填报的规章件数不为0的，予以提示。是否属于乡镇、街道，根据机关名称识别，也可以在`nianbao.toml`中设置`level = "township"`指定。

## 为何有问题
按照《中华人民共和国立法法》，只有国务院部门和省级、设区的市级人民政府有权制定规章。乡镇、街道报告中出现的规章件数，几乎都是把行政规范性文件填到了规章一行。

## 示例
{examples}

## 修正
不提供修正。

## 依据
《中华人民共和国立法法》第九十三条；`template.md`（表二）。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.level() != Some(Level::Township) {
        return;
    }
    let Some(table) = ctx.report.table(TableKind::Proactive) else { return };
    let Some(row) = table.row(RowKey::T2(T2Row::Regulations)) else { return };
    if row.cells.iter().any(|cell| cell.number().is_some_and(|n| n > 0.0)) {
        let lang = ctx.lang();
        out.push(
            Finding::new(row_anchor(row), t!(lang, "a township-level body reports 规章", "乡镇级机关填报了规章"))
                .label(t!(lang, "乡镇、街道 do not make 规章", "乡镇、街道无权制定规章"))
                .help(t!(
                    lang,
                    "count these documents under 行政规范性文件 if that is what they are",
                    "如这些文件实为行政规范性文件，请计入「行政规范性文件」一行"
                )),
        );
    }
}
