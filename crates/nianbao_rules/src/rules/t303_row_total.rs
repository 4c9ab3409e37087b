use super::report_failing_totals;
use crate::context::Context;
use crate::finding::Finding;
use crate::identity::IdentityKind;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Checks that in every row of table 三 the 总计 column is the sum of the six
    /// applicant columns (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他).
    /// A 总计 left blank over applicant columns that are not all 0 is reported
    /// as blank, not as 0; blank totals in several rows (the whole column left
    /// empty, common in reports on the 2019 layout) get one diagnostic.
    ///
    /// A row whose cells a crawler's page ran together
    /// (「一、本年新收政府信息公开申请数量210000021」) is split by this very
    /// identity when no other split is certain: of 21|0|0|0|0|0|21 and
    /// 2|10|0|0|0|0|21, only the first adds up. Such a row cannot fail this
    /// check; a run no split of which adds up is not read at all (S012).
    ///
    /// ## Why is this bad
    /// 总计 counts all applicants. When it is not the sum, either an applicant
    /// column or the total is mistyped, and every later check reads wrong numbers.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 6
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: writes the computed sum into 总计, but an applicant column may be
    /// the wrong number.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号, table 三.
    pub(crate) static RULE = {
        code: "T303",
        name: "row-total",
        title: "行合计不符",
        summary: "A table 三 row's 总计 is not the sum of its six applicant columns",
        summary_zh: "表三某行的总计不等于六类申请人各栏之和。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::Unsafe,
        check: check,
        docs_zh: r#"## 检查内容
核对表三每一行的总计栏，是否等于六类申请人（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）各栏之和。申请人各栏不全为0而总计留空的，按「总计未填」提示，不当作0；多行总计留空的（整列空白，常见于沿用2019年格式的报告），只提示一次。

网页抓取时一行各格连在一起的（如「一、本年新收政府信息公开申请数量210000021」），如没有其他确定的拆分办法，就用本条的勾稽关系来拆分：21|0|0|0|0|0|21和2|10|0|0|0|0|21两种拆法中，只有前一种加得拢。这样拆出的行不会违反本条；任何拆法都加不拢的连写数字则不予读取（见`S012`）。

## 为何有问题
总计是全部申请人的合计。总计不等于各栏之和，说明某一申请人栏或总计填错了，后面的各项核对读到的也都是错误的数字。

## 示例
{examples}

## 修正
须人工核对：修正会把算出的和填入总计栏，但填错的也可能是某一申请人栏。

## 依据
国办公开办函〔2021〕30号，表三。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let help = || t!(lang, "总计 is the sum of the six applicant columns", "总计应等于六类申请人之和");
    let label = |i: &crate::identity::Identity<'_>| t!(lang, "总计 of 「{row}」", "「{row}」的总计", row = i.subject);
    report_failing_totals(ctx, IdentityKind::RowTotal, label, &help, false, out);
}
