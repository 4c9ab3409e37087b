//! What a rule sees: the report and the facts configuration adds to it.

use std::sync::OnceLock;

use nianbao_model::{Date, Paragraph, Report, Span};

use crate::claims::{Claim, claims_with};
use crate::config::{Config, Level};
use crate::identity::{Identity, failing_identities, identities};
use crate::text::CharSet;

/// Another report a rule compares with, as the caller named it.
#[derive(Clone, Copy, Debug)]
pub struct Other<'a> {
    /// How diagnostics name the file (a path).
    pub name: &'a str,
    pub report: &'a Report,
    /// Where the rules keep what they work out about this report, for a
    /// caller that compares it more than once; `None` works it out each time.
    pub memo: Option<&'a OtherMemo>,
}

/// What the rules work out about another report once, kept beside it by a
/// caller that compares it with several reports: in a folder of an agency's
/// years, last year's report is compared with each of the year's files.
/// Keep one per parsed report, and a new one when the report is parsed anew.
#[derive(Debug, Default)]
pub struct OtherMemo {
    /// C003's fingerprints of the prose.
    pub(crate) prose_runs: OnceLock<crate::rules::c003_copied_report::RunSet>,
}

/// The reports a report is checked against (rules C001–C004). Finding and
/// reading them is the caller's job; the rules only compare.
#[derive(Clone, Debug, Default)]
pub struct Related<'a> {
    /// Last year's report of the same body.
    pub previous: Option<Other<'a>>,
    /// The reports a 本级政府 summary adds up.
    pub parts: Vec<Other<'a>>,
}

/// When a report had to be published by, and when it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Deadline {
    pub date: Date,
    /// What sets it: 「《条例》第四十九条，部门年度报告」, 「本地规定」.
    pub basis: crate::lang::Text,
    /// The publish date, and where the text states it (no span when it comes
    /// from configuration alone).
    pub published: Option<(Date, Option<Span>)>,
}

/// The input of every rule.
#[derive(Debug)]
pub struct Context<'a> {
    pub report: &'a Report,
    pub config: &'a Config,
    pub related: &'a Related<'a>,
    /// Computed on first use.
    identities: OnceLock<Vec<Identity<'a>>>,
    /// Computed on first use and shared by the four arithmetic rules.
    failing_identities: OnceLock<Vec<Identity<'a>>>,
    /// Computed on first use and shared by the prose rules.
    claims: OnceLock<Vec<Claim>>,
    /// The characters of each paragraph, in [`Report::paragraphs`] order:
    /// computed on first use, so that the prose rules search for a word
    /// only where it may be.
    paragraph_chars: OnceLock<Vec<CharSet>>,
}

impl<'a> Context<'a> {
    /// The language findings are written in.
    pub fn lang(&self) -> crate::lang::Lang {
        self.config.lang()
    }

    pub fn new(report: &'a Report, config: &'a Config, related: &'a Related<'a>) -> Self {
        Self {
            report,
            config,
            related,
            identities: OnceLock::new(),
            failing_identities: OnceLock::new(),
            claims: OnceLock::new(),
            paragraph_chars: OnceLock::new(),
        }
    }

    /// The numeric claims of the prose, computed once per check.
    pub fn claims(&self) -> &[Claim] {
        self.claims.get_or_init(|| claims_with(self.report, self.paragraph_chars()))
    }

    fn paragraph_chars(&self) -> &[CharSet] {
        self.paragraph_chars.get_or_init(|| self.report.paragraphs().map(|p| CharSet::of(&p.text)).collect())
    }

    /// Every paragraph of prose (as [`Report::paragraphs`]) with its characters.
    pub(crate) fn paragraphs(&self) -> impl Iterator<Item = (&'a Paragraph, &CharSet)> {
        self.report.paragraphs().zip(self.paragraph_chars())
    }

    /// [`Context::paragraphs`] as [`crate::text::paragraphs`] gives them: span
    /// and text, with the characters.
    pub(crate) fn prose(&self) -> impl Iterator<Item = (Span, &'a str, &CharSet)> {
        self.paragraphs().map(|(paragraph, chars)| (paragraph.span, paragraph.text.as_str(), chars))
    }

    /// The identities of tables 三 and 四, computed once per check.
    pub fn identities(&self) -> &[Identity<'a>] {
        self.identities.get_or_init(|| identities(self.report))
    }

    /// The identities that do not hold, in [`Context::identities`] order,
    /// computed once per check without building those that hold.
    pub fn failing_identities(&self) -> &[Identity<'a>] {
        self.failing_identities.get_or_init(|| failing_identities(self.report))
    }

    /// Whether the report is for a year before 2021, when the format was still
    /// the trial one of 国办公开办函〔2019〕60号: its 表二 columns and rows,
    /// its single （六）其他处理 row and no 信息处理费 statement are then the
    /// format of its year, not faults.
    pub fn predates_2021_format(&self) -> bool {
        self.report_year().is_some_and(|year| year < 2021)
    }

    /// The year reported on: configuration first, then the text.
    pub fn report_year(&self) -> Option<i32> {
        self.config.report.year.or_else(|| self.report.metadata.year.as_ref().map(|year| year.value))
    }

    /// The reporting body's name: configuration first, then the title.
    pub fn agency(&self) -> Option<&str> {
        self.config
            .report
            .agency
            .as_deref()
            .or_else(|| self.report.metadata.agency.as_ref().map(|agency| agency.value.as_str()))
    }

    /// The date the report was published and the deadline it had to meet,
    /// with the basis of that deadline: configuration first, then the text.
    /// `None` without a year; `published` is `None` when no date is known.
    pub(crate) fn deadline(&self) -> Option<Deadline> {
        let year = self.report_year()?;
        let published = match (self.config.report.publish_date, &self.report.metadata.publish_date) {
            (Some(date), stated) => Some((date, stated.as_ref().map(|s| s.span))),
            (None, Some(stated)) => Some((stated.value, Some(stated.span))),
            (None, None) => None,
        };
        let government = self.level() == Some(Level::Government);
        let lang = self.lang();
        let (month, day, basis) = match self.config.report.deadline {
            Some((month, day)) => (month, day, crate::t!(lang, "the local deadline", "本地规定")),
            None if government => {
                (3, 31, crate::t!(lang, "条例第四十九条 (本级政府 report)", "《条例》第四十九条，本级政府年度报告"))
            }
            None => (1, 31, crate::t!(lang, "条例第四十九条 (department report)", "《条例》第四十九条，部门年度报告")),
        };
        Some(Deadline { date: Date { year: year + 1, month, day }, basis, published })
    }

    /// The body's level: configuration first, then guessed from its name.
    pub fn level(&self) -> Option<Level> {
        self.config.report.level.or_else(|| {
            let agency = self.agency()?;
            // A 片区管理局 (Pingtan's districts that replaced its towns) governs
            // at the township level.
            let township = (["乡", "镇", "街道"].iter().any(|word| agency.contains(word))
                && (agency.ends_with("人民政府") || agency.ends_with("办事处")))
                || agency.ends_with("片区管理局");
            if township {
                Some(Level::Township)
            } else if agency.ends_with("人民政府") || is_region(agency) {
                Some(Level::Government)
            } else {
                None
            }
        })
    }
}

/// A region's name alone, the body that reports for the whole region (本级政府):
/// 「平潭综合实验区」, 「某某经济技术开发区」, 「…高新区」 — not one of its departments
/// (「…管委会办公室」, 「…局」).
fn is_region(agency: &str) -> bool {
    ["综合实验区", "开发区", "新区", "自由贸易试验区"].iter().any(|region| agency.ends_with(region))
}
