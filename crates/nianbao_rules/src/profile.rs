//! A report at a glance: who published it, when, against which deadline,
//! and its headline figures. What an audit of many reports shows in one row
//! per report, and adds up over them.

use nianbao_model::{Date, Report, T3Row, T4Group, TableKind};
use serde::Serialize;

use crate::claims::Table2Figure;
use crate::config::{Config, Level};
use crate::context::{Context, Related};
use crate::facts;
use crate::format::Sums;

/// One report's profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Profile {
    /// The reporting body: configuration first, then the title.
    pub agency: Option<String>,
    /// Configuration first, then guessed from the agency's name (…人民政府,
    /// …乡/镇/街道…; any other body is a department, as P001 takes it);
    /// `None` when the report names no agency.
    pub level: Option<Level>,
    pub year: Option<i32>,
    /// The publish date: configuration, the metadata block or the signature.
    pub published: Option<Date>,
    /// The date it had to be published by (条例第四十九条 or the local deadline).
    pub deadline: Option<Date>,
    /// What sets the deadline, in the configured language: 「《条例》第四十九条，部门年度报告」.
    pub deadline_basis: Option<String>,
    pub figures: Figures,
    /// The report's tables as [`Sums`] of one report, for a roll-up; or why
    /// they cannot be added up (a missing table, a text value).
    #[serde(skip)]
    pub tables: Result<Sums, String>,
    /// Each of tables 二, 三 and 四 on its own, for a roll-up that adds what
    /// a report gives: one unreadable table leaves out only itself.
    #[serde(skip)]
    pub each_table: Vec<(TableKind, Result<Sums, String>)>,
}

impl Profile {
    /// Whether it was published by its deadline; `None` when either date is unknown.
    pub fn on_time(&self) -> Option<bool> {
        Some(self.published? <= self.deadline?)
    }

    /// Days after the deadline it was published; `None` when on time or
    /// when either date is unknown.
    pub fn days_late(&self) -> Option<i64> {
        let days = self.published?.days_since(self.deadline?);
        (days > 0).then_some(days)
    }
}

/// The figures a supervising office compares across reports. Each is `None`
/// when the report leaves its cells blank or has no such table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Figures {
    /// 表二: 规章 and 行政规范性文件 made this year (本年制发件数).
    pub new_documents: Option<f64>,
    /// 表三: 本年新收政府信息公开申请数量, 总计.
    pub received: Option<f64>,
    /// 表三: （七）总计 of the year's outcomes, 总计.
    pub results_total: Option<f64>,
    /// 表四: 行政复议 总计.
    pub review_total: Option<f64>,
    /// 表四: 行政诉讼 总计 (direct and after review).
    pub litigation_total: Option<f64>,
}

impl Figures {
    /// Read as the prose rules read them ([`crate::facts`]): a blank 总计 of
    /// 表三 is the applicant columns' sum, never 0.
    pub fn of(report: &Report) -> Self {
        let value = |figure: Option<facts::Figure>| figure.map(|figure| figure.value);
        let issued = [Table2Figure::RegulationsIssued, Table2Figure::NormativeIssued]
            .map(|figure| value(facts::table2(report, figure)));
        Self {
            new_documents: issued.into_iter().flatten().reduce(|a, b| a + b),
            received: value(facts::t3_row(report, T3Row::NewReceived)),
            results_total: value(facts::t3_row(report, T3Row::TotalResults)),
            review_total: value(facts::t4_total(report, T4Group::Review)),
            litigation_total: value(facts::litigation(report)),
        }
    }
}

/// `report`'s profile, with the facts `config` gives about it.
pub fn profile(report: &Report, config: &Config) -> Profile {
    let related = Related::default();
    let ctx = Context::new(report, config, &related);
    let deadline = ctx.deadline();
    let each_table: Vec<(TableKind, Result<Sums, String>)> =
        TableKind::ALL.into_iter().map(|kind| (kind, Sums::of_table_in(report, kind, config.lang()))).collect();
    // The three together, or the first reason one of them cannot be added.
    let tables = each_table.iter().try_fold(Sums::default(), |mut all, (_, table)| {
        all.merge(table.as_ref().map_err(Clone::clone)?);
        Ok(all)
    });
    Profile {
        agency: ctx.agency().map(str::to_string),
        level: ctx.level().or(ctx.agency().map(|_| Level::Department)),
        year: ctx.report_year(),
        published: deadline.as_ref().and_then(|d| d.published).map(|(date, _)| date),
        deadline: deadline.as_ref().map(|d| d.date),
        deadline_basis: deadline.as_ref().map(|d| d.basis.as_str().to_string()),
        figures: Figures::of(report),
        tables,
        each_table,
    }
}

#[cfg(test)]
mod tests {
    use nianbao_model::RowKey;

    use super::*;

    #[test]
    fn the_example_has_every_figure_and_met_its_deadline() {
        let text = include_str!("../../../examples/example-report.md");
        let profile = profile(&nianbao_parser::parse(text), &Config::default());
        assert_eq!(profile.year, Some(2024));
        assert!(profile.agency.is_some());
        assert!(profile.tables.is_ok());
        let figures = profile.figures;
        for figure in [figures.received, figures.results_total, figures.review_total, figures.litigation_total] {
            assert!(figure.is_some(), "{figures:?}");
        }
        assert_eq!(figures.received, profile.tables.as_ref().ok().map(|t| t.get(RowKey::T3(T3Row::NewReceived), 6)));
    }

    #[test]
    fn a_late_government_report_is_late_against_march() {
        let text = "某某县人民政府2024年政府信息公开工作年度报告\n发布时间：2025-04-02\n";
        let profile = profile(&nianbao_parser::parse(text), &Config::default());
        assert_eq!(profile.level, Some(Level::Government));
        assert_eq!(profile.deadline, Some(Date { year: 2025, month: 3, day: 31 }));
        assert_eq!(profile.on_time(), Some(false));
        assert_eq!(profile.days_late(), Some(2));
        assert_eq!(profile.deadline_basis.as_deref(), Some("《条例》第四十九条，本级政府年度报告"));
        assert_eq!(profile.figures, Figures::default());
        assert!(profile.tables.is_err());
    }

    #[test]
    fn each_body_has_its_level_and_deadline() {
        let level_and_deadline = |title: &str| {
            let profile =
                profile(&nianbao_parser::parse(&format!("{title}\n发布时间：2025-01-20\n")), &Config::default());
            (profile.level, profile.deadline.map(|date| (date.month, date.day)), profile.days_late())
        };
        let department = (Some(Level::Department), Some((1, 31)), None);
        assert_eq!(level_and_deadline("某某县人民政府办公室2024年政府信息公开工作年度报告"), department);
        assert_eq!(level_and_deadline("某某县财政局2024年政府信息公开工作年度报告"), department);
        let township = (Some(Level::Township), Some((1, 31)), None);
        assert_eq!(level_and_deadline("某某县某某镇人民政府2024年政府信息公开工作年度报告"), township);
        // Real: Pingtan's 片区管理局, which replaced its towns.
        assert_eq!(level_and_deadline("平潭综合实验区海坛片区管理局2024年度政府信息公开工作年度报告"), township);
        let government = (Some(Level::Government), Some((3, 31)), None);
        assert_eq!(level_and_deadline("某某县人民政府2024年政府信息公开工作年度报告"), government);
    }
}
