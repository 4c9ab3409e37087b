use nianbao_model::HeaderClass;

use super::{is_obsolete_row_label, row_anchor, row_name};
use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports rows and columns the template does not have: a
    /// 「法人或其他组织小计」 column, subtotal rows for （三）–（六）, a
    /// 「第二十条第（九）项」 block, or any other row of values with an unknown
    /// label. The 2019 trial format's 「政府集中采购」 and 「其他对外管理服务事项」
    /// rows are not reported in a report for 2019 or 2020 laid out in that
    /// format.
    ///
    /// ## Why is this bad
    /// Extra columns shift values away from their headers, and subtotals are
    /// counted twice by anyone who sums the table. The template has neither.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 自然人 | 法人或其他组织小计 | 总计
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 自然人 | 法人或其他组织 | 总计
    /// ```
    ///
    /// ## Fix safety
    /// No fix: removing a row or column of numbers needs a person.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号 (「表中没有小计行、列」 follows from its layout).
    pub(crate) static RULE = {
        code: "S009",
        name: "extra-table-part",
        title: "表格增设行列",
        summary: "A table has rows or columns the template does not have",
        summary_zh: "表格中出现模板没有的行或栏，如小计行、小计栏。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
指出模板没有的行和栏：「法人或其他组织小计」栏、（三）至（六）的小计行、「第二十条第（九）项」这一组，以及其他任何名称无法识别的数值行。2019年度或2020年度的报告按2019年试行格式编排的，该格式的「政府集中采购」「其他对外管理服务事项」两行不予提示。

## 为何有问题
多出的栏会使数值偏离其表头；对全表求和时，小计会被重复计算。模板中既没有多出的栏，也没有小计。

## 示例
{examples}

## 修正
不提供修正：删去一行或一栏数字，须由人决定。

## 依据
国办公开办函〔2021〕30号（「表中没有小计行、列」由其表格样式可知）。"#,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    for table in &ctx.report.tables {
        let format_of_its_year = super::in_format_of_its_year(ctx, table);
        for header in &table.headers {
            // The 2019 format's 表二 ends with 第二十条第（九）项 (政府集中采购).
            let of_2019 = || nianbao_parser::normalize_label(&header.text).contains("第(九)项");
            if let HeaderClass::Extra { description } = &header.class
                && !(format_of_its_year && of_2019())
            {
                out.push(
                    Finding::new(
                        header.span,
                        t!(
                            lang,
                            "「{text}」 is not part of {table}",
                            "「{text}」不属于{table}",
                            text = header.text,
                            table = table.kind.name()
                        ),
                    )
                    .label(description.text(lang))
                    .help(t!(
                        lang,
                        "remove it; the template has no subtotals",
                        "请删除此项；模板不设小计"
                    )),
                );
            }
        }
        // In a table whose labels and values stand apart (S012), a label the
        // template lacks is a piece of one of its labels, set apart too.
        let unknown = |row: &&nianbao_model::Row| {
            row.key.is_none()
                && table.unpaired.is_empty()
                && !is_obsolete_row_label(row)
                && !(format_of_its_year && super::is_2019_table2_row(row))
        };
        for row in table.rows.iter().filter(unknown) {
            out.push(
                Finding::new(
                    row_anchor(row),
                    t!(
                        lang,
                        "{table} has a row 「{row}」 the template does not have",
                        "{table}中有模板没有的「{row}」一行",
                        table = table.kind.name(),
                        row = row_name(row)
                    ),
                )
                .label(t!(lang, "unknown row", "模板没有的行"))
                .help(t!(
                    lang,
                    "remove the row, or correct its label to one of the template's",
                    "请删除此行，或将其名称改为模板中的名称"
                )),
            );
        }
    }
}
