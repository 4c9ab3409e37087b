//! The arithmetic identities of tables 三 and 四, as data.
//!
//! Rules T301–T303 and T401 report the identities that fail; the language
//! server shows any identity a cell takes part in. An identity is only built
//! when every cell it needs is present and countable, so damaged tables give
//! shape diagnostics (S007, T304) instead of a cascade of wrong sums.

use std::sync::OnceLock;

use nianbao_model::{Cell, Report, RowKey, T3Col, T3Row, T4Col, T4Group, T4Outcome, Table, TableKind};

/// Which identity of the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentityKind {
    /// T301: 一[c] + 二[c] = （七）总计[c] + 四[c].
    ColumnBalance,
    /// T302: （七）总计[c] = sum of rows 3–23.
    ResultTotal,
    /// T303: r[总计] = sum of the six applicant columns.
    RowTotal,
    /// T401: 维持 + 纠正 + 其他 + 尚未审结 = 总计 in each table 四 group.
    GroupTotal,
}

/// A named cell taking part in an identity.
#[derive(Clone, Debug)]
pub struct Term<'a> {
    /// 「自然人」, 「（一）予以公开」, 「结果维持」.
    pub name: &'static str,
    pub cell: &'a Cell,
}

impl Term<'_> {
    /// The cell's count (blanks and placeholders are 0).
    pub fn value(&self) -> i64 {
        self.cell.count().unwrap_or(0)
    }
}

/// `left` must equal `right`.
#[derive(Clone, Debug)]
pub struct Identity<'a> {
    pub kind: IdentityKind,
    /// What the identity is about: 「自然人」 (a column), a row label, a group.
    pub subject: &'static str,
    pub left: Vec<Term<'a>>,
    pub right: Vec<Term<'a>>,
}

impl Identity<'_> {
    pub fn left_sum(&self) -> i64 {
        self.left.iter().map(Term::value).sum()
    }

    pub fn right_sum(&self) -> i64 {
        self.right.iter().map(Term::value).sum()
    }

    pub fn holds(&self) -> bool {
        self.left_sum() == self.right_sum()
    }

    /// Every cell taking part.
    pub fn cells(&self) -> impl Iterator<Item = &Term<'_>> {
        self.left.iter().chain(self.right.iter())
    }

    /// The computation as a reader checks it:
    /// 「总计 6 ≠ 自然人 4 + 商业企业 1 + 0 + 0 + 0 + 0 = 5」.
    pub fn describe(&self) -> String {
        let relation = if self.holds() { "=" } else { "≠" };
        match self.kind {
            IdentityKind::ColumnBalance => {
                format!("{}：{} {relation} {}", self.subject, named_sum(&self.left, true), named_sum(&self.right, true))
            }
            IdentityKind::ResultTotal => {
                let total = &self.left[0];
                format!("{} {} {} {relation} {}", total.name, self.subject, total.value(), compact_sum(&self.right))
            }
            IdentityKind::RowTotal | IdentityKind::GroupTotal => {
                let total = &self.left[0];
                format!("{} {} {relation} {}", total.name, total.value(), named_sum(&self.right, false))
            }
        }
    }
}

impl Identity<'_> {
    /// The parts' side of [`Identity::describe`] for a total: 「自然人 258 +
    /// 商业企业 12 + 0 + 0 + 0 + 0 = 270」.
    pub fn describe_parts(&self) -> String {
        match self.kind {
            IdentityKind::ResultTotal => compact_sum(&self.right),
            _ => named_sum(&self.right, false),
        }
    }
}

/// 「自然人 4 + 商业企业 1 + 0 + 0 = 5」: names on non-zero terms; with
/// `always_named`, on every term (and no `= total` when there is one term).
fn named_sum(terms: &[Term<'_>], always_named: bool) -> String {
    let parts: Vec<String> = terms
        .iter()
        .map(|term| {
            if always_named || term.value() != 0 { format!("{} {}", term.name, term.value()) } else { "0".to_string() }
        })
        .collect();
    let sum: i64 = terms.iter().map(Term::value).sum();
    if terms.len() == 1 { parts.join("") } else { format!("{} = {sum}", parts.join(" + ")) }
}

/// 「35 + 10 + 3 = 48」: the non-zero terms only (21 addends would drown the point).
fn compact_sum(terms: &[Term<'_>]) -> String {
    let nonzero: Vec<String> = terms.iter().filter(|t| t.value() != 0).map(|t| t.value().to_string()).collect();
    let sum: i64 = terms.iter().map(Term::value).sum();
    match nonzero.len() {
        0 => "0".to_string(),
        1 => nonzero[0].clone(),
        _ => format!("{} = {sum}", nonzero.join(" + ")),
    }
}

/// Every identity of the report's tables 三 and 四 that can be computed.
pub fn identities(report: &Report) -> Vec<Identity<'_>> {
    identities_of(report, Which::All)
}

/// The identities of [`identities`] that do not hold, in the same order.
/// Those that hold (most, in most reports) are summed but never built.
pub(crate) fn failing_identities(report: &Report) -> Vec<Identity<'_>> {
    identities_of(report, Which::Failing)
}

/// Which identities to build.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    All,
    Failing,
}

fn identities_of(report: &Report, which: Which) -> Vec<Identity<'_>> {
    let mut all = Vec::new();
    if let Some(table) = report.table(TableKind::Applications) {
        all.extend(table3_identities(table, which));
    }
    if let Some(table) = report.table(TableKind::ReviewLitigation) {
        all.extend(table4_identities(table, which));
    }
    all
}

/// The identity with these sides, if every term is there (and, for
/// [`Which::Failing`], if the sides differ). The sides are summed before
/// anything is built: building every identity of a report cost some 80
/// allocations, and a check wants only the few that fail.
fn identity<'t>(
    kind: IdentityKind,
    subject: &'static str,
    left: impl ExactSizeIterator<Item = Option<Term<'t>>> + Clone,
    right: impl ExactSizeIterator<Item = Option<Term<'t>>> + Clone,
    which: Which,
) -> Option<Identity<'t>> {
    let (left_sum, right_sum) = (side_sum(left.clone())?, side_sum(right.clone())?);
    if which == Which::Failing && left_sum == right_sum {
        return None;
    }
    Some(Identity { kind, subject, left: all_terms(left)?, right: all_terms(right)? })
}

/// The sum of a side's terms, if every term is there.
fn side_sum<'t>(side: impl Iterator<Item = Option<Term<'t>>>) -> Option<i64> {
    side.map(|term| Some(term?.value())).sum()
}

/// Table 三's countable cells by template row and column, found in one walk
/// over the rows: the identities look up some 350 cells, and `Table::t3`
/// searches the rows for each.
struct T3Cells<'t>([[Option<&'t Cell>; T3Col::ALL.len()]; T3Row::ALL.len()]);

impl<'t> T3Cells<'t> {
    fn of(table: &'t Table) -> Self {
        let first = table.first_rows();
        // As `Table::t3`: the first row of a key, only of the template's
        // shape, and countable cells.
        Self(T3Row::ALL.map(|row| {
            let row = first[RowKey::T3(row).ordinal()].filter(|row| row.has_template_shape());
            std::array::from_fn(|col| row.and_then(|row| row.cells.get(col)).filter(|cell| cell.count().is_some()))
        }))
    }

    fn term(&self, row: T3Row, col: T3Col, name: &'static str) -> Option<Term<'t>> {
        self.0[row.index()][col.index()].map(|cell| Term { name, cell })
    }
}

/// 「（七）总计」 → 「（七）总计」, 「1.属于国家秘密」 → 「不予公开 1.属于国家秘密」: row names
/// that stay unambiguous out of their group. Built once: identities are built
/// on every check, and names must not cost an allocation each time.
fn row_name(row: T3Row) -> &'static str {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        T3Row::ALL
            .iter()
            .map(|row| match row.group() {
                Some(group) if row.label().starts_with(|c: char| c.is_ascii_digit()) => {
                    let group = group.label();
                    let bare = group.split_once('）').map_or(group, |(_, rest)| rest);
                    format!("{bare} {}", row.label())
                }
                _ => row.label().to_string(),
            })
            .collect()
    });
    &names[row.index()]
}

fn short_row_name(row: T3Row) -> &'static str {
    match row {
        T3Row::NewReceived => "一",
        T3Row::CarriedOver => "二",
        T3Row::TotalResults => "（七）总计",
        T3Row::CarriedForward => "四",
        _ => row.label(),
    }
}

/// Every term, or `None` if one is missing. (`collect::<Option<Vec<_>>>`
/// cannot size its vector, and grew it several times for each identity.)
fn all_terms<'t>(terms: impl ExactSizeIterator<Item = Option<Term<'t>>>) -> Option<Vec<Term<'t>>> {
    let mut all = Vec::with_capacity(terms.len());
    for term in terms {
        all.push(term?);
    }
    Some(all)
}

fn table3_identities(table: &Table, which: Which) -> Vec<Identity<'_>> {
    let cells = T3Cells::of(table);
    let t3_term = |row, col, name| cells.term(row, col, name);
    let mut all = Vec::with_capacity(if which == Which::All { T3Col::ALL.len() * 2 + T3Row::ALL.len() } else { 0 });
    for col in T3Col::ALL {
        let short = move |row| t3_term(row, col, short_row_name(row));
        all.extend(identity(
            IdentityKind::ColumnBalance,
            col.label(),
            [T3Row::NewReceived, T3Row::CarriedOver].into_iter().map(short),
            [T3Row::TotalResults, T3Row::CarriedForward].into_iter().map(short),
            which,
        ));
        all.extend(identity(
            IdentityKind::ResultTotal,
            col.label(),
            std::iter::once(t3_term(T3Row::TotalResults, col, T3Row::TotalResults.label())),
            T3Row::results().iter().map(move |&row| t3_term(row, col, row_name(row))),
            which,
        ));
    }
    for row in T3Row::ALL {
        all.extend(identity(
            IdentityKind::RowTotal,
            row.label(),
            std::iter::once(t3_term(row, T3Col::Total, T3Col::Total.label())),
            T3Col::APPLICANTS.iter().map(move |&col| t3_term(row, col, col.label())),
            which,
        ));
    }
    all
}

fn table4_identities(table: &Table, which: Which) -> Vec<Identity<'_>> {
    T4Group::ALL
        .iter()
        .filter_map(|&group| {
            let term = move |outcome: T4Outcome| {
                let cell = table.t4(T4Col { group, outcome }).filter(|cell| cell.count().is_some())?;
                Some(Term { name: outcome.label(), cell })
            };
            let total_name = match group {
                T4Group::Review => "行政复议 总计",
                T4Group::LitigationDirect => "行政诉讼·未经复议直接起诉 总计",
                T4Group::LitigationAfterReview => "行政诉讼·复议后起诉 总计",
            };
            let total = term(T4Outcome::Total).map(|total| Term { name: total_name, ..total });
            let right = T4Outcome::ALL[..4].iter().map(move |&outcome| term(outcome));
            identity(IdentityKind::GroupTotal, group.label(), std::iter::once(total), right, which)
        })
        .collect()
}
