//! One file per rule: docs, metadata, check — read top-down.

pub(crate) mod c001_carry_over_mismatch;
pub(crate) mod c002_stock_flow;
pub(crate) mod c003_copied_report;
pub(crate) mod c004_roll_up;
pub(crate) mod f001_doc_number_brackets;
pub(crate) mod f002_mangled_doc_number;
pub(crate) mod f003_superseded_format;
pub(crate) mod f004_unbalanced_brackets;
pub(crate) mod f005_halfwidth_punctuation;
pub(crate) mod f006_duplicated_word;
pub(crate) mod f007_wrong_term;
pub(crate) mod f008_broken_paragraph;
pub(crate) mod f009_markup_artifact;
pub(crate) mod f010_cjk_digit_space;
pub(crate) mod f011_enumeration_order;
pub(crate) mod p001_late_publication;
pub(crate) mod p002_signature_year;
pub(crate) mod s001_missing_section;
pub(crate) mod s002_section_order;
pub(crate) mod s003_duplicate_ordinal;
pub(crate) mod s004_numbering_gap;
pub(crate) mod s005_heading_variant;
pub(crate) mod s006_missing_table;
pub(crate) mod s007_table_shape;
pub(crate) mod s008_label_variant;
pub(crate) mod s009_extra_table_part;
pub(crate) mod s010_obsolete_format;
pub(crate) mod s011_statistics_period;
pub(crate) mod s012_unread_row;
pub(crate) mod s013_local_outline;
pub(crate) mod t201_invalid_count;
pub(crate) mod t202_fee_unit;
pub(crate) mod t203_blank_cell;
pub(crate) mod t204_implausible_rulemaking;
pub(crate) mod t301_column_identity;
pub(crate) mod t302_result_total;
pub(crate) mod t303_row_total;
pub(crate) mod t304_invalid_count;
pub(crate) mod t305_split_digit;
pub(crate) mod t401_group_total;
pub(crate) mod t402_invalid_count;
pub(crate) mod x001_application_count;
pub(crate) mod x002_disposal_count;
pub(crate) mod x003_outcome_breakdown;
pub(crate) mod x004_review_litigation_count;
pub(crate) mod x005_outcome_claim;
pub(crate) mod x006_completion_claim;
pub(crate) mod x007_self_contradiction;
pub(crate) mod x008_year_mismatch;
pub(crate) mod x009_fee_statement;
pub(crate) mod x010_empty_section;
pub(crate) mod x011_table2_count;
pub(crate) mod x012_breakdown_sum;

use nianbao_model::{CellValue, Row, RowKey, Span, T3Col, T4Col, Table};

use crate::lang::{Lang, Text};
use crate::t;

/// Where to point at a table as a whole: its first header or row label.
pub(crate) fn table_anchor(table: &Table) -> Span {
    let first_header = table.headers.first().map(|header| header.span);
    let first_row = table.rows.first().map(|row| row.label.as_ref().map_or(row.span, |label| label.span));
    match (first_header, first_row) {
        (Some(a), Some(b)) => {
            if a.start <= b.start {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b).unwrap_or(table.span),
    }
}

/// Where to point at a row: its label, or the whole row if it has none.
pub(crate) fn row_anchor(row: &Row) -> Span {
    row.label.as_ref().map_or(row.span, |label| label.span)
}

/// A row's name for messages: its label as written, or 「表四」.
pub(crate) fn row_name(row: &Row) -> String {
    match (&row.label, row.key) {
        (Some(label), _) => label.text.to_string(),
        (None, Some(key)) => key.table().name().to_string(),
        (None, None) => "?".to_string(),
    }
}

/// The column name of value `index` in a row of `key`.
pub(crate) fn column_name(key: RowKey, index: usize) -> String {
    match key {
        RowKey::T2(row) => {
            row.columns().get(index).map_or_else(|| format!("#{}", index + 1), |col| col.label.to_string())
        }
        RowKey::T3(_) => T3Col::ALL.get(index).map_or_else(|| format!("#{}", index + 1), |col| col.label().to_string()),
        RowKey::T4 => T4Col::ALL.get(index).map_or_else(|| format!("#{}", index + 1), |col| col.label()),
    }
}

/// Why a cell is not a valid count, if it is not: negative, fractional, or text.
pub(crate) fn invalid_count_reason(lang: Lang, value: CellValue) -> Option<Text> {
    match value {
        CellValue::Integer(value) if value < 0 => Some(t!(lang, "is negative", "是负数")),
        CellValue::Decimal(_) => Some(t!(lang, "is not a whole number", "不是整数")),
        CellValue::Text => Some(t!(lang, "is not a number", "不是数字")),
        _ => None,
    }
}

/// Reports every invalid count in the rows of `table`, for T201/T304/T402.
/// With `signed`, negative counts are valid: the 2019 format's 「本年增/减」.
pub(crate) fn report_invalid_counts(
    lang: Lang,
    table: &Table,
    skip: impl Fn(RowKey) -> bool,
    signed: bool,
    out: &mut Vec<crate::finding::Finding>,
) {
    for row in &table.rows {
        let Some(key) = row.key.filter(|key| !skip(*key)) else { continue };
        for (index, cell) in row.cells.iter().enumerate() {
            if signed && matches!(cell.value, CellValue::Integer(_)) {
                continue;
            }
            let Some(reason) = invalid_count_reason(lang, cell.value) else { continue };
            let place = Text::neutral(format!("{} · {}", row_name(row), column_name(key, index)));
            out.push(
                crate::finding::Finding::new(
                    cell.span,
                    t!(
                        lang,
                        "「{raw}」 {reason}: {table} counts are whole numbers ≥ 0",
                        "「{raw}」{reason}：{table}填写的是件数，应为大于或等于0的整数",
                        raw = cell.raw,
                        reason = reason,
                        table = key.table().name()
                    ),
                )
                .label(place)
                .help(t!(
                    lang,
                    "write the count as a whole number such as 0, 3 or 12",
                    "请填写整数件数，如0、3、12"
                )),
            );
        }
    }
}

/// Whether `table` is laid out in the 2019 trial format in a report for a
/// year when that was the format: a column or row of that format is in it,
/// or 表三's （六）其他处理 has none of the items the 2021 format gave it.
pub(crate) fn in_format_of_its_year(ctx: &crate::context::Context<'_>, table: &Table) -> bool {
    ctx.predates_2021_format()
        && (table.headers.iter().any(|header| matches!(header.class, nianbao_model::HeaderClass::Obsolete { .. }))
            || table.rows.iter().any(|row| row.key.is_none() && is_obsolete_row_label(row))
            || (table.kind == nianbao_model::TableKind::Applications
                && !table.rows.is_empty()
                && !table.rows.iter().any(|row| row.key.is_some_and(is_other_handling_item))))
}

/// A table of a report for 2021 or later still in the 2019 trial format,
/// which S010 reports once for the table: its old columns, or the single
/// （六）其他处理 row. What follows from that format (a 表二 row's three
/// values, the three items of （六） not there) is not reported again.
pub(crate) fn trial_format_reported(ctx: &crate::context::Context<'_>, table: &Table) -> bool {
    !ctx.predates_2021_format()
        && (table.headers.iter().any(|header| matches!(header.class, nianbao_model::HeaderClass::Obsolete { .. }))
            || table.rows.iter().any(|row| row.key.is_none() && is_obsolete_row_label(row)))
}

/// The three items of （六）其他处理, which the 2019 format did not have.
pub(crate) fn is_other_handling_item(key: RowKey) -> bool {
    matches!(key, RowKey::T3(row) if row.group() == Some(nianbao_model::T3Group::OtherHandling))
}

/// Rows of the 2019 trial format's 表二 that the 2021 format dropped.
pub(crate) fn is_2019_table2_row(row: &Row) -> bool {
    row.label.as_ref().is_some_and(|label| {
        let normalized = nianbao_parser::normalize_label(&label.text);
        // With or without its unit: 「政府集中采购（元）」.
        let bare = normalized.split_once('(').map_or(normalized.as_str(), |(bare, _)| bare);
        matches!(bare, "政府集中采购" | "其他对外管理服务事项")
    })
}

/// A keyless row labelled 「（六）其他处理」: the 2019 format's single row.
pub(crate) fn is_obsolete_row_label(row: &Row) -> bool {
    row.label.as_ref().is_some_and(|label| {
        let normalized = nianbao_parser::normalize_label(&label.text);
        normalized == "(六)其他处理" || normalized == "(六)其他"
    })
}

/// Reports every failing "total = sum of parts" identity of `kind` (T302,
/// T303, T401): primary on the total, each part labelled, and an unsafe fix
/// that writes the sum into the total. With `underline_zeros`, parts that are
/// 0 are underlined without text (table 三's 21 result rows would drown the point).
pub(crate) fn report_failing_totals(
    ctx: &crate::context::Context<'_>,
    kind: crate::identity::IdentityKind,
    primary_label: impl Fn(&crate::identity::Identity<'_>) -> Text,
    help: &dyn Fn() -> Text,
    underline_zeros: bool,
    out: &mut Vec<crate::finding::Finding>,
) {
    let lang = ctx.lang();
    let failing: Vec<_> = ctx.failing_identities().iter().filter(|i| i.kind == kind).collect();
    let (blank, written): (Vec<_>, Vec<_>) = failing.into_iter().partition(|i| i.left[0].cell.is_blank());
    report_blank_totals(lang, &blank, out);
    for identity in written {
        let total = &identity.left[0];
        let sum = identity.right_sum();
        let mut finding = crate::finding::Finding::new(total.cell.span, Text::neutral(identity.describe()))
            .label(primary_label(identity))
            .help(help())
            .unsafe_fix(
                t!(lang, "Set {total} to {sum}", "将{total}改为{sum}", total = total.name, sum = sum),
                vec![nianbao_model::Edit::replace(total.cell.span, sum.to_string())],
            );
        for term in &identity.right {
            finding = match term.value() {
                0 if underline_zeros => finding.secondary_bare(term.cell.span),
                value => finding.secondary(term.cell.span, Text::neutral(format!("{} {value}", term.name))),
            };
        }
        out.push(finding);
    }
}

/// Totals left blank (or a placeholder) over parts that are not all 0:
/// the total is missing, not 0 (a report on the 2019 layout often leaves the
/// whole 总计 column blank), so the finding says it is blank and never
/// states a value the report does not hold. One finding for them all: one
/// habit of the report's, one fact.
fn report_blank_totals(lang: Lang, blank: &[&crate::identity::Identity<'_>], out: &mut Vec<crate::finding::Finding>) {
    let Some(first) = blank.first() else { return };
    let total_name = first.left[0].name;
    let message = match blank {
        [one] => t!(
            lang,
            "{total} of 「{subject}」 is blank, but {parts}",
            "「{subject}」的{total}为空，但其各项之和为：{parts}",
            total = total_name,
            subject = one.subject,
            parts = one.describe_parts()
        ),
        many => {
            use crate::identity::IdentityKind;
            let places = match first.kind {
                IdentityKind::RowTotal => t!(lang, "{n} rows of 表三", "表三中有{n}行", n = many.len()),
                IdentityKind::ResultTotal => t!(lang, "{n} columns of 表三", "表三中有{n}列", n = many.len()),
                IdentityKind::GroupTotal => t!(lang, "{n} groups of 表四", "表四中有{n}组", n = many.len()),
                IdentityKind::ColumnBalance => t!(lang, "{n} places", "有{n}处", n = many.len()),
            };
            t!(
                lang,
                "{total} is blank in {places} whose parts add up to more than 0",
                "{places}的{total}为空，而其各项之和大于0",
                total = total_name,
                places = places
            )
        }
    };
    let label = |identity: &crate::identity::Identity<'_>| {
        Text::neutral(format!("「{}」: {}", identity.subject, identity.right_sum()))
    };
    let mut finding = crate::finding::Finding::new(first.left[0].cell.span, message).label(label(first)).help(t!(
        lang,
        "write each total: the sum of its parts, 0 only where they are all 0",
        "请逐项填写合计数：合计等于各项之和，各项均为0时才填0"
    ));
    for identity in &blank[1..] {
        finding = finding.secondary(identity.left[0].cell.span, label(identity));
    }
    let edits = blank
        .iter()
        .map(|identity| nianbao_model::Edit::replace(identity.left[0].cell.span, identity.right_sum().to_string()))
        .collect();
    let title = if blank.len() == 1 {
        t!(lang, "Write the sum into the blank total", "在空白的合计栏填入各项之和")
    } else {
        t!(lang, "Write the sums into the {n} blank totals", "在{n}个空白的合计栏填入各项之和", n = blank.len())
    };
    out.push(finding.unsafe_fix(title, edits));
}

/// Reports `claim` when it matches none of `expected` (the table figures it
/// may mean). Labels the number, its clause and every cell of the figures.
/// Nothing is reported when no figure can be read from the tables. `what`
/// names the figure: 「办结申请」.
pub(crate) fn report_claim_mismatch(
    lang: Lang,
    claim: &crate::claims::Claim,
    expected: &[crate::facts::Figure],
    what: &Text,
    out: &mut Vec<crate::finding::Finding>,
) {
    use crate::facts::show;
    if expected.is_empty() || expected.iter().any(|figure| (figure.value - claim.value).abs() < 1e-9) {
        return;
    }
    let tables: Vec<String> = expected.iter().map(|f| format!("{} = {}", f.named(lang), show(f.value))).collect();
    let mut finding = crate::finding::Finding::new(
        claim.span,
        t!(
            lang,
            "the text says {n} {what}, but {tables}",
            "正文称{what}{n}件，但表中{tables}",
            n = show(claim.value),
            what = what,
            tables = tables.join(lang.pick(" and ", "，"))
        ),
    )
    .label(t!(lang, "{what}: {n}", "{what}：{n}", what = what, n = show(claim.value)))
    .secondary(claim.clause, t!(lang, "this sentence", "此句"))
    .help(t!(lang, "correct the sentence or the table so that they agree", "请核对并修改正文或表格，使二者一致"));
    for figure in expected {
        for &cell in &figure.cells {
            finding =
                finding.secondary(cell, Text::neutral(format!("{} = {}", figure.named(lang), show(figure.value))));
        }
    }
    out.push(finding);
}

/// A claim in the text that a table figure disproves (X005, X006): the claim
/// is the primary span, every cell of the figure a secondary one. `claim`
/// is what the text says, quoted or described in the check's language.
pub(crate) fn contradiction(
    lang: Lang,
    span: Span,
    claim: &Text,
    figure: &crate::facts::Figure,
    label: Text,
    help: Text,
) -> crate::finding::Finding {
    use crate::facts::show;
    let mut finding = crate::finding::Finding::new(
        span,
        t!(
            lang,
            "the text says {claim}, but {figure} = {value}",
            "正文称{claim}，但表中{figure} = {value}",
            claim = claim,
            figure = figure.named(lang),
            value = show(figure.value)
        ),
    )
    .label(label)
    .help(help);
    for &cell in &figure.cells {
        finding = finding.secondary(cell, Text::neutral(format!("{} = {}", figure.named(lang), show(figure.value))));
    }
    finding
}
