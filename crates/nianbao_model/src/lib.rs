//! The typed model of a 政府信息公开工作年度报告 (government information
//! disclosure annual report) in the national format 国办公开办函〔2021〕30号.
//!
//! This crate is data only: it reads no files and renders nothing.
//!
//! - [`Span`] and [`LineIndex`]: UTF-8 byte ranges inside, line/column (UTF-8,
//!   UTF-16 or characters) at the edges.
//! - [`template`]: the national format as data — sections, tables, verbatim
//!   labels and the stable keys used in exports.
//! - [`outline`]: local outlines (上海市's) as data, beside the template.
//! - [`Report`]: what the parser read — metadata, sections, tables, cells.
//! - [`Diagnostic`]: the one finding type, with labels, help and fixes; it
//!   implements [`miette::Diagnostic`].
//! - [`lang`]: the language a reader reads ([`Lang`]), a text in it
//!   ([`Text`], made by [`t!`]) and a text in both ([`Bilingual`], made by
//!   [`bilingual!`]) for what is written before the language is known.
//! - [`search`]: substring search for the short fixed words the parser and
//!   the rules look for.

mod diagnostic;
pub mod lang;
mod line_index;
pub mod outline;
mod report;
pub mod search;
mod span;
pub mod template;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity, apply_edits};
pub use lang::{Bilingual, Lang, Text};
pub use line_index::{ColumnEncoding, LineCol, LineIndex};
pub use outline::Outline;
pub use report::{
    Cell, CellValue, Date, Fidelity, HeaderCell, HeaderClass, Metadata, Ordinal, OrdinalLevel, Paragraph, Report, Row,
    RowLabel, Section, SourceInfo, StatisticsPeriod, SubHeading, Suppression, Table,
};
pub use span::{Span, Spanned};
pub use template::{RowKey, SectionKind, T2Row, T3Col, T3Group, T3Row, T4Col, T4Group, T4Outcome, TableKind};
