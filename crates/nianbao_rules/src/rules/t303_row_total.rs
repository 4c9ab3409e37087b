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
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    let help = || t!(lang, "总计 is the sum of the six applicant columns", "总计应等于六类申请人之和");
    let label = |i: &crate::identity::Identity<'_>| t!(lang, "总计 of 「{row}」", "「{row}」的总计", row = i.subject);
    report_failing_totals(ctx, IdentityKind::RowTotal, label, &help, false, out);
}
