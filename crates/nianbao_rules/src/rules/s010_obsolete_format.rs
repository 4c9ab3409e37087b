use nianbao_model::{HeaderClass, Span};

use super::{is_obsolete_row_label, row_anchor, row_name};
use crate::context::Context;
use crate::finding::Finding;
use crate::lang::{Lang, Text};
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Reports parts of the 2019 trial format (国办公开办函〔2019〕60号) in a
    /// report for 2021 or later: the columns 「本年新制作数量 / 本年新公开数量 /
    /// 对外公开总数量」 and 「上一年项目数量 / 本年增/减 / 处理决定数量」, the
    /// 「政府集中采购」 row, and 「（六）其他处理」 as a single row without sub-items.
    /// A table in the old format is one finding, which names its old columns
    /// and rows and labels each.
    ///
    /// ## Why is this bad
    /// Since the 2021 reports the format is 国办公开办函〔2021〕30号. Numbers in
    /// the old columns measure different things and cannot be compared.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the old columns count other things; the numbers must be redone.
    ///
    /// ## Source
    /// 国办公开办函〔2021〕30号, which replaced 国办公开办函〔2019〕60号.
    pub(crate) static RULE = {
        code: "S010",
        name: "obsolete-format",
        title: "沿用试行格式表格",
        summary: "2019 trial-format columns or rows in a report for 2021 or later",
        summary_zh: "2021年度及以后的报告中出现2019年试行格式的栏目或行。",
        severity: Some(nianbao_model::Severity::Error),
        fix: FixKind::None,
        check: check,
        docs_zh: r#"## 检查内容
指出2021年度及以后的报告中沿用的2019年试行格式（国办公开办函〔2019〕60号）内容：「本年新制作数量 / 本年新公开数量 / 对外公开总数量」和「上一年项目数量 / 本年增/减 / 处理决定数量」这些栏目，「政府集中采购」一行，以及没有分项、只有一行的「（六）其他处理」。一张表沿用旧格式只报告一次：列出其中的旧栏目和行，并逐一标出。

## 为何有问题
自2021年度报告起，格式为国办公开办函〔2021〕30号。旧栏目中的数字统计的是另外的内容，无法比较。

## 示例
{examples}

## 修正
不提供修正：旧栏目统计的是别的内容，数字须重新统计。

## 依据
国办公开办函〔2021〕30号，该文取代了国办公开办函〔2019〕60号。"#,
    }
}

/// How many distinct names a table's finding lists before 「等」.
const NAMES_LISTED: usize = 6;

/// One finding per table: a table in the old format has many of its
/// columns and rows (206's 表二, 15), and it is one fact. A lone place keeps
/// its own message; several are listed by name, each labelled.
fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let lang = ctx.lang();
    if ctx.report_year().is_some_and(|year| year < 2021) {
        return;
    }
    for table in &ctx.report.tables {
        // (span, name, label, is the single row 「（六）其他处理」)
        let mut places: Vec<(Span, String, Text, bool)> = Vec::new();
        for header in &table.headers {
            if let HeaderClass::Obsolete { description } = &header.class {
                places.push((header.span, header.text.to_string(), description.text(lang), false));
            }
        }
        for row in table.rows.iter().filter(|row| row.key.is_none() && is_obsolete_row_label(row)) {
            let label = t!(
                lang,
                "「（六）其他处理」 as a single row, as in the 2019 trial format",
                "2019年试行格式的单行「（六）其他处理」"
            );
            places.push((row_anchor(row), row_name(row), label, true));
        }
        places.sort_by_key(|(span, ..)| span.start);
        let Some(((span, name, label, is_row), rest)) = places.split_first() else { continue };
        let finding = match (rest.is_empty(), is_row) {
            (true, true) => Finding::new(
                *span,
                t!(
                    lang,
                    "「（六）其他处理」 as a single row belongs to the 2019 trial format",
                    "将「（六）其他处理」填为一行是2019年试行格式的做法"
                ),
            )
            .label(t!(lang, "a row of values", "一行数值"))
            .help(t!(
                lang,
                "split it into 1.申请人无正当理由逾期不补正… 2.申请人逾期未按收费通知… 3.其他",
                "请拆分为「1.申请人无正当理由逾期不补正…」「2.申请人逾期未按收费通知…」「3.其他」三行"
            )),
            (true, false) => Finding::new(
                *span,
                t!(lang, "「{text}」 belongs to the 2019 trial format", "「{text}」属于2019年试行格式", text = name),
            )
            .label(label.clone())
            .help(help(lang)),
            (false, _) => {
                let mut names: Vec<&str> = Vec::new();
                for (_, name, ..) in &places {
                    if !names.contains(&name.as_str()) {
                        names.push(name);
                    }
                }
                let listed: String = names.iter().take(NAMES_LISTED).map(|name| format!("「{name}」")).collect();
                let more = if names.len() > NAMES_LISTED { lang.pick(" …", "等") } else { "" };
                let count = if names.len() == places.len() {
                    t!(lang, "in {n} places", "共{n}处", n = places.len())
                } else {
                    t!(
                        lang,
                        "in {n} places ({kinds} columns and rows)",
                        "{kinds}种，共{n}处",
                        n = places.len(),
                        kinds = names.len()
                    )
                };
                let message = t!(
                    lang,
                    "{table} keeps the 2019 trial format {count}: {listed}{more}",
                    "{table}沿用2019年试行格式的栏目和行（{count}）：{listed}{more}",
                    table = table.kind.name(),
                    count = count,
                    listed = listed,
                    more = more
                );
                let mut finding = Finding::new(*span, message).label(label.clone()).help(help(lang));
                for (span, _, label, _) in rest {
                    finding = finding.secondary(*span, label.clone());
                }
                finding
            }
        };
        out.push(finding);
    }
}

fn help(lang: Lang) -> Text {
    t!(lang, "use the columns and rows of 国办公开办函〔2021〕30号", "请改用国办公开办函〔2021〕30号规定的行和栏")
}
