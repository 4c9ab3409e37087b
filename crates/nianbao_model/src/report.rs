//! The parsed report: metadata, sections, tables, cells.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::template::{RowKey, SectionKind, T3Col, T3Row, T4Col, TableKind};
use crate::{Bilingual, Outline, Span, Spanned};

/// A whole report as read from one file.
///
/// Built by `nianbao_parser::parse`; never fails to exist. What could not be
/// read is simply absent (`None`, an empty list) and the rules say so.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub source: SourceInfo,
    pub metadata: Metadata,
    /// Paragraphs before the first section (title block, preface, contacts).
    pub preface: Vec<Paragraph>,
    /// Top-level sections in document order, statutory or not.
    pub sections: Vec<Section>,
    /// The local outline the report follows, if it follows one: its
    /// sections are numbered as that outline numbers them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outline: Option<Outline>,
    /// Tables in document order. Normally one of each kind.
    pub tables: Vec<Table>,
    /// `<!-- nianbao-disable-… -->` directives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppressions: Vec<Suppression>,
}

/// An HTML comment that silences rules: `<!-- nianbao-disable-next-line T303 -->`
/// (the next line) or `<!-- nianbao-disable-file S005 -->` (the whole file).
/// No codes silences every rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// The comment.
    pub span: Span,
    /// Where it applies: the next line, or the whole text.
    pub scope: Span,
    pub codes: Vec<String>,
}

impl Suppression {
    /// Whether a diagnostic with `code` starting at `offset` is silenced.
    pub fn silences(&self, code: &str, offset: usize) -> bool {
        (self.codes.is_empty() || self.codes.iter().any(|c| c.eq_ignore_ascii_case(code)))
            && self.scope.start <= offset
            && offset <= self.scope.end
    }
}

impl Report {
    /// The first section of `kind`.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|section| section.kind == Some(kind))
    }

    /// The ordinal section `kind` carries: the national one, or the
    /// report's outline's.
    pub fn expected_ordinal(&self, kind: SectionKind) -> u32 {
        self.outline.map_or(kind.ordinal(), |outline| outline.ordinal(kind))
    }

    /// Section `kind`'s heading as the report's outline numbers it.
    pub fn expected_heading(&self, kind: SectionKind) -> String {
        self.outline.map_or_else(|| kind.heading(), |outline| outline.heading(kind))
    }

    /// The first table of `kind`.
    pub fn table(&self, kind: TableKind) -> Option<&Table> {
        self.tables.iter().find(|table| table.kind == kind)
    }

    /// Whether the text looks like an annual report at all: a title naming one,
    /// a statutory heading, or a table label.
    pub fn looks_like_report(&self) -> bool {
        let titled = self
            .metadata
            .title
            .as_ref()
            .is_some_and(|title| title.value.contains("年度报告") || title.value.contains("工作报告"));
        titled || !self.tables.is_empty() || self.sections.iter().any(|s| s.kind.is_some())
    }

    /// Moves every span of the report through `map`: a report read from a
    /// projection of a text (HTML, a hard-wrapped text with its lines
    /// joined) pointed back into the text.
    pub fn map_spans(&mut self, map: &dyn Fn(Span) -> Span) {
        let spanned = |s: &mut Span| *s = map(*s);
        let metadata = &mut self.metadata;
        for span in [
            metadata.title.as_mut().map(|t| &mut t.span),
            metadata.agency.as_mut().map(|a| &mut a.span),
            metadata.year.as_mut().map(|y| &mut y.span),
            metadata.publish_date.as_mut().map(|d| &mut d.span),
        ]
        .into_iter()
        .flatten()
        {
            spanned(span);
        }
        if let Some(period) = &mut metadata.statistics_period {
            spanned(&mut period.span);
            period.years.iter_mut().for_each(|year| spanned(&mut year.span));
        }
        self.preface.iter_mut().for_each(|p| spanned(&mut p.span));
        for section in &mut self.sections {
            for span in
                [&mut section.ordinal.span, &mut section.title.span, &mut section.heading_span, &mut section.span]
            {
                spanned(span);
            }
            section.paragraphs.iter_mut().for_each(|p| spanned(&mut p.span));
            for sub in &mut section.subheadings {
                spanned(&mut sub.ordinal.span);
                spanned(&mut sub.span);
            }
        }
        for table in &mut self.tables {
            spanned(&mut table.span);
            table.headers.iter_mut().for_each(|h| spanned(&mut h.span));
            for row in &mut table.rows {
                spanned(&mut row.span);
                if let Some(label) = &mut row.label {
                    spanned(&mut label.span);
                }
                row.cells.iter_mut().for_each(|c| spanned(&mut c.span));
            }
            table.unpaired.iter_mut().for_each(spanned);
        }
        for suppression in &mut self.suppressions {
            spanned(&mut suppression.span);
            spanned(&mut suppression.scope);
        }
    }

    /// Every paragraph of prose, preface first, in document order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.preface.iter().chain(self.sections.iter().flat_map(|section| section.paragraphs.iter()))
    }
}

/// How the bytes were decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// `UTF-8`, `GB18030`, `UTF-16LE`, `UTF-16BE`.
    pub encoding: String,
    pub had_bom: bool,
    /// Some bytes could not be decoded and were replaced with U+FFFD.
    pub lossy: bool,
    /// Length of the decoded text in bytes.
    pub len: usize,
}

/// Facts about the report, when the text states them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<Spanned<String>>,
    /// The reporting body, as named in the title: 「淄博市工业和信息化局」.
    pub agency: Option<Spanned<String>>,
    /// The year reported on (2024 for a report published in January 2025).
    pub year: Option<Spanned<i32>>,
    /// 发文日期 / 发布时间 of a web copy, or a dated signature at the end.
    pub publish_date: Option<Spanned<Date>>,
    /// The date of the signature at the end (落款), when one of the last
    /// lines is only a date; beside a web copy's 发布时间 it may differ.
    #[serde(default)]
    pub signature_date: Option<Spanned<Date>>,
    /// The sentence naming the statistics period.
    pub statistics_period: Option<StatisticsPeriod>,
}

/// A calendar date as written in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Days from `earlier` to `self` (negative when `self` is earlier), by the
    /// proleptic Gregorian calendar: how many days late a report is.
    pub fn days_since(self, earlier: Date) -> i64 {
        self.day_number() - earlier.day_number()
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    fn day_number(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// 「本年度报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止」.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatisticsPeriod {
    /// The sentence.
    pub span: Span,
    /// Every year the sentence names, with its span, in order.
    pub years: Vec<Spanned<i32>>,
}

/// A paragraph of prose: one non-blank line outside the tables.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    pub text: String,
    /// Written as a heading (`## …` or a line in bold): no sentence to continue.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub heading: bool,
}

/// How closely a heading or label matches the verbatim template text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fidelity {
    /// Verbatim, up to width, spacing and bracket style.
    Verbatim,
    /// A known variant of `canonical`.
    Variant { canonical: Cow<'static, str> },
}

/// A numbered ordinal: 「三、」 (top), 「（二）」 (second), 「1.」 (third).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrdinalLevel {
    Top,
    Second,
    Third,
}

/// An ordinal as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ordinal {
    pub level: OrdinalLevel,
    /// 1 for 「一、」「（一）」「1.」.
    pub value: u32,
    /// The ordinal text itself, such as 「（一）」.
    pub span: Span,
    /// That text, as written.
    pub raw: String,
}

/// A top-level section: heading plus everything up to the next one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Which statutory section the heading names, if it names one.
    pub kind: Option<SectionKind>,
    pub ordinal: Ordinal,
    /// The heading text after the ordinal, trimmed.
    pub title: Spanned<String>,
    /// The whole heading line (ordinal and title), without Markdown markers.
    pub heading_span: Span,
    /// `Verbatim` or a known variant; meaningless when `kind` is `None`.
    pub fidelity: Fidelity,
    /// From the start of the heading's line to the start of the next section's.
    pub span: Span,
    pub paragraphs: Vec<Paragraph>,
    /// Numbered lines inside the section (outside tables), in order.
    pub subheadings: Vec<SubHeading>,
}

/// A line inside a section that starts with an ordinal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubHeading {
    pub ordinal: Ordinal,
    /// The rest of the line.
    pub text: String,
    /// The whole line.
    pub span: Span,
}

/// One statistical table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub kind: TableKind,
    /// From the first to the last cell read as part of the table.
    pub span: Span,
    /// Text cells that are not row labels: column headers, group labels, notes.
    pub headers: Vec<HeaderCell>,
    /// Rows in document order, including unknown and repeated ones.
    pub rows: Vec<Row>,
    /// Runs of values, a whole row's worth each, on lines of their own
    /// after a row that already had all its values: their labels stand
    /// somewhere else (a converter from PDF to Markdown set the table's
    /// labels and values apart). When there are any, no row whose values
    /// stand apart from its label is read: which label owns which values
    /// cannot be known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unpaired: Vec<Span>,
}

impl Table {
    /// The first row with `key`.
    pub fn row(&self, key: RowKey) -> Option<&Row> {
        self.rows.iter().find(|row| row.key == Some(key))
    }

    /// Each key's first row (the one [`Table::row`] finds), by
    /// [`RowKey::ordinal`]: one walk over the rows, for callers that look
    /// up many keys.
    pub fn first_rows(&self) -> [Option<&Row>; RowKey::COUNT] {
        let mut first = [None; RowKey::COUNT];
        for row in &self.rows {
            if let Some(key) = row.key {
                first[key.ordinal()].get_or_insert(row);
            }
        }
        first
    }

    /// The cell at `key`/`index`, only when the row has exactly the template's
    /// number of values (otherwise positions are guesses and arithmetic on
    /// them would cry wolf).
    pub fn cell(&self, key: RowKey, index: usize) -> Option<&Cell> {
        self.row(key).filter(|row| row.has_template_shape())?.cells.get(index)
    }

    /// A table 三 cell.
    pub fn t3(&self, row: T3Row, col: T3Col) -> Option<&Cell> {
        self.cell(RowKey::T3(row), col.index())
    }

    /// A table 四 cell.
    pub fn t4(&self, col: T4Col) -> Option<&Cell> {
        self.cell(RowKey::T4, col.index())
    }
}

/// A text cell of a table that is not a row label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderCell {
    /// As written; borrowed from the template's text when written as it is.
    pub text: Cow<'static, str>,
    pub span: Span,
    pub class: HeaderClass,
}

/// What a header cell was recognised as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HeaderClass {
    /// A template header or group label; `fidelity` says whether verbatim.
    Known { canonical: Cow<'static, str>, fidelity: Fidelity },
    /// A part the template does not have: 「法人或其他组织小计」, 「第二十条第（九）项」.
    Extra { description: Bilingual },
    /// A column or row of the obsolete 2019 trial format.
    Obsolete { description: Bilingual },
    /// Anything else (split header words, notes).
    Other,
}

/// One row of values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The template row, or `None` for a row the template does not have.
    pub key: Option<RowKey>,
    /// The label cell; table 四's data row has none.
    pub label: Option<RowLabel>,
    /// Value cells in order. More or fewer than the template's count is kept
    /// as found; rule S007 reports it.
    pub cells: Vec<Cell>,
    /// From the label (or first cell) to the last cell.
    pub span: Span,
}

impl Row {
    /// Whether the row's values are unread: its digits could not be split
    /// into its cells (a crawler's page), or its values could not be paired
    /// with its label ([`Table::unpaired`]).
    pub fn is_unread(&self) -> bool {
        self.cells.iter().any(|cell| cell.value == CellValue::Unread)
    }

    /// Whether the row has the template's number of values.
    pub fn has_template_shape(&self) -> bool {
        self.key.is_some_and(|key| key.value_count() == self.cells.len())
    }
}

/// A row label as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowLabel {
    /// As written; borrowed from the template's text when written as it is.
    pub text: Cow<'static, str>,
    pub span: Span,
    pub fidelity: Fidelity,
}

/// One value cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The cell's text, trimmed; empty for a blank cell (then the span is empty
    /// and sits where the cell is).
    pub span: Span,
    /// The text as written. Cells 「0」–「99」 (most cells) share static
    /// text instead of owning a String each.
    pub raw: Cow<'static, str>,
    pub value: CellValue,
    /// Text after the number: 「（其中修订16件）」, a unit such as 「万元」.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Cell {
    /// The count for arithmetic: integers as they are, blanks and placeholders
    /// as 0 (the template says so), anything else `None`.
    pub fn count(&self) -> Option<i64> {
        match self.value {
            CellValue::Integer(value) => Some(value),
            CellValue::Blank | CellValue::Placeholder => Some(0),
            CellValue::Decimal(_) | CellValue::Text | CellValue::Unread => None,
        }
    }

    /// Whether the cell holds no value: blank, or a placeholder such as 「/」.
    pub fn is_blank(&self) -> bool {
        matches!(self.value, CellValue::Blank | CellValue::Placeholder)
    }

    /// The numeric value, decimals included; blanks and placeholders as 0.
    pub fn number(&self) -> Option<f64> {
        match self.value {
            CellValue::Integer(value) => Some(value as f64),
            CellValue::Decimal(value) => Some(value),
            CellValue::Blank | CellValue::Placeholder => Some(0.0),
            CellValue::Text | CellValue::Unread => None,
        }
    }
}

/// What a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum CellValue {
    Integer(i64),
    Decimal(f64),
    /// Nothing at all.
    Blank,
    /// 「/」「-」「—」「无」「不适用」 and the like.
    Placeholder,
    /// Something that is not a number.
    Text,
    /// Digits run together whose split into cells is not certain (a page
    /// a crawler stored with its table cells run together): no value is
    /// read from them, and no arithmetic is done on them.
    Unread,
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn days_between_dates_cross_months_and_leap_years() {
        let date = |year, month, day| Date { year, month, day };
        assert_eq!(date(1970, 1, 1).day_number(), 0);
        assert_eq!(date(2025, 2, 3).days_since(date(2025, 1, 31)), 3);
        assert_eq!(date(2024, 3, 1).days_since(date(2024, 2, 28)), 2);
        assert_eq!(date(2025, 3, 1).days_since(date(2025, 2, 28)), 1);
        assert_eq!(date(2025, 1, 20).days_since(date(2025, 1, 31)), -11);
        assert_eq!(date(2026, 1, 1).days_since(date(2025, 1, 1)), 365);
    }
}
