//! Table figures the prose rules compare against, with the cells they come from.

use nianbao_model::{Report, RowKey, Span, T2Row, T3Col, T3Row, T4Col, T4Group, T4Outcome, TableKind};

use crate::claims::{Outcome, Outcomes, Table2Figure};

/// A figure read from the tables: its value and the cells it sums.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Figure {
    pub(crate) value: f64,
    pub(crate) cells: Vec<Span>,
    /// How to name it in a message: 「表三 一、本年新收…[总计]」 (see [`Figure::named`]).
    pub(crate) name: String,
    /// Whether a 总计 it adds was left blank, and the applicant columns'
    /// sum stands in for it.
    pub(crate) blank_total: bool,
}

impl Figure {
    /// Its name in a message, saying when a blank 总计 was summed.
    pub(crate) fn named(&self, lang: crate::lang::Lang) -> String {
        if !self.blank_total {
            return self.name.clone();
        }
        let note =
            crate::t!(lang, " (总计 left blank: the applicant columns' sum)", "（总计栏为空，按各类申请人之和计）");
        format!("{}{note}", self.name)
    }
}

/// A row's 总计 with its cells. Where the 总计 cell is left blank (common in
/// reports still on the 2019 layout), the row's figure is the sum of its
/// six applicant columns, and the second value says so: a blank is no 0
/// for the prose to disagree with. `None` when those are blank too.
fn t3_total(report: &Report, row: T3Row) -> Option<(i64, Vec<Span>, bool)> {
    let table = report.table(TableKind::Applications)?;
    let total = table.t3(row, T3Col::Total)?;
    if !total.is_blank() {
        return Some((total.count()?, vec![total.span], false));
    }
    let applicants: Vec<_> = T3Col::APPLICANTS.iter().filter_map(|&col| table.t3(row, col)).collect();
    if applicants.iter().all(|cell| cell.is_blank()) {
        return None;
    }
    let sum = applicants.iter().map(|cell| cell.count()).sum::<Option<i64>>()?;
    Some((sum, applicants.iter().map(|cell| cell.span).collect(), true))
}

fn sum_rows(report: &Report, rows: &[T3Row], name: String) -> Option<Figure> {
    let mut value = 0;
    let mut cells = Vec::new();
    let mut blank_total = false;
    for &row in rows {
        let (count, spans, blank) = t3_total(report, row)?;
        value += count;
        cells.extend(spans);
        blank_total |= blank;
    }
    Some(Figure { value: value as f64, cells, name, blank_total })
}

/// 表三 row totals: 一, 二, （七）总计, 四.
pub(crate) fn t3_row(report: &Report, row: T3Row) -> Option<Figure> {
    let short = match row {
        T3Row::NewReceived => "一、本年新收",
        T3Row::CarriedOver => "二、上年结转",
        T3Row::TotalResults => "（七）总计",
        T3Row::CarriedForward => "四、结转下年度",
        _ => row.label(),
    };
    sum_rows(report, &[row], format!("表三 {short}[总计]"))
}

/// 一 + 二.
pub(crate) fn received_with_carry_over(report: &Report) -> Option<Figure> {
    sum_rows(report, &[T3Row::NewReceived, T3Row::CarriedOver], "表三 一 + 二 [总计]".to_string())
}

/// An outcome group's rows in 表三 and its name.
fn outcome_rows(outcome: Outcome) -> (&'static [T3Row], &'static str) {
    let results = T3Row::results();
    match outcome {
        Outcome::Disclosed => (&results[0..1], "（一）予以公开"),
        Outcome::Partial => (&results[1..2], "（二）部分公开"),
        Outcome::Withheld => (&results[2..10], "（三）不予公开"),
        Outcome::Unavailable => (&results[10..13], "（四）无法提供"),
        Outcome::NotProcessed => (&results[13..18], "（五）不予处理"),
        Outcome::OtherHandling => (&results[18..21], "（六）其他处理"),
    }
}

/// Outcome groups of 表三, summed over their rows: one group
/// (「（一）予以公开[总计]」) or several named together (「（一）予以公开 +
/// （二）部分公开[总计]」).
pub(crate) fn outcomes(report: &Report, groups: Outcomes) -> Option<Figure> {
    let mut rows = Vec::new();
    let mut names = Vec::new();
    for group in groups.iter() {
        let (group_rows, name) = outcome_rows(group);
        rows.extend_from_slice(group_rows);
        names.push(name);
    }
    sum_rows(report, &rows, format!("表三 {}[总计]", names.join(" + ")))
}

/// A 表四 group total.
pub(crate) fn t4_total(report: &Report, group: T4Group) -> Option<Figure> {
    let cell = report.table(TableKind::ReviewLitigation)?.t4(T4Col { group, outcome: T4Outcome::Total })?;
    Some(Figure {
        value: cell.count()? as f64,
        cells: vec![cell.span],
        name: format!("表四 {} 总计", group.label()),
        blank_total: false,
    })
}

/// A 表四 outcome cell.
pub(crate) fn t4_cell(report: &Report, group: T4Group, outcome: T4Outcome) -> Option<Figure> {
    let cell = report.table(TableKind::ReviewLitigation)?.t4(T4Col { group, outcome })?;
    Some(Figure {
        value: cell.count()? as f64,
        cells: vec![cell.span],
        name: format!("表四 {} {}", group.label(), outcome.label()),
        blank_total: false,
    })
}

/// 行政诉讼: 直接起诉 总计 + 复议后起诉 总计.
pub(crate) fn litigation(report: &Report) -> Option<Figure> {
    let direct = t4_total(report, T4Group::LitigationDirect)?;
    let after = t4_total(report, T4Group::LitigationAfterReview)?;
    Some(Figure {
        value: direct.value + after.value,
        cells: [direct.cells, after.cells].concat(),
        name: "表四 行政诉讼 总计 (直接起诉 + 复议后起诉)".to_string(),
        blank_total: false,
    })
}

/// A table 二 figure.
pub(crate) fn table2(report: &Report, figure: Table2Figure) -> Option<Figure> {
    let (row, index) = match figure {
        Table2Figure::RegulationsIssued => (T2Row::Regulations, 0),
        Table2Figure::NormativeIssued => (T2Row::NormativeDocuments, 0),
        Table2Figure::NormativeRepealed => (T2Row::NormativeDocuments, 1),
        Table2Figure::NormativeInForce => (T2Row::NormativeDocuments, 2),
        Table2Figure::Licensing => (T2Row::Licensing, 0),
        Table2Figure::Punishment => (T2Row::Punishment, 0),
        Table2Figure::Enforcement => (T2Row::Enforcement, 0),
        Table2Figure::Fees => (T2Row::Fees, 0),
    };
    let key = RowKey::T2(row);
    let cell = report.table(TableKind::Proactive)?.cell(key, index)?;
    let column = row.columns()[index].label;
    let name = format!("表二 {} {column}", row.label());
    Some(Figure { value: cell.number()?, cells: vec![cell.span], name, blank_total: false })
}

/// Formats a figure's value without a needless fraction, and without the
/// float noise of a sum (0.1 + 0.2 shows as 0.3).
pub fn show(value: f64) -> String {
    let value = (value * 1e6).round() / 1e6;
    if value.fract() == 0.0 { format!("{}", value as i64) } else { format!("{value}") }
}
