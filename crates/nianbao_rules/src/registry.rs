//! Rule metadata and the sorted list of every rule.

use nianbao_model::Severity;

use crate::context::Context;
use crate::finding::Finding;

/// Whether a rule offers a fix, and how safe it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixKind {
    None,
    /// Form only (labels, headings, brackets): applied without asking.
    Safe,
    /// Changes or invents a fact: a person must confirm.
    Unsafe,
}

impl FixKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            FixKind::None => "none",
            FixKind::Safe => "safe",
            FixKind::Unsafe => "unsafe",
        }
    }
}

/// What a rule is, independent of what it finds.
#[derive(Clone, Copy, Debug)]
pub struct RuleMeta {
    /// Stable code: `T303`.
    pub code: &'static str,
    /// Kebab-case name of the problem: `row-total`.
    pub name: &'static str,
    /// Its name as a reviewer's checklist writes it: 「行合计不符」.
    pub title: &'static str,
    /// One line: what the rule reports.
    pub summary: &'static str,
    /// [`RuleMeta::summary`] in Chinese.
    pub summary_zh: &'static str,
    /// `None`: off unless the configuration turns it on.
    pub default_severity: Option<Severity>,
    pub fix: FixKind,
    /// Markdown: What it does / Why is this bad / Example / Fix safety / Source.
    pub docs: &'static str,
    /// The same in Chinese (检查内容 / 为何有问题 / 示例 / 修正 / 依据), or empty.
    pub docs_zh: &'static str,
}

impl RuleMeta {
    /// What the rule reports, in `lang`.
    pub fn summary_in(&self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.summary, self.summary_zh)
    }
}

/// A rule: metadata plus the check.
#[derive(Clone, Copy)]
pub struct Rule {
    pub meta: RuleMeta,
    pub(crate) check: fn(&Context<'_>, &mut Vec<Finding>),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("code", &self.meta.code).finish_non_exhaustive()
    }
}

/// Declares a rule as a `static`: doc comments become its docs, so the text
/// `nianbao rule CODE` prints lives beside the check it describes.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $name:ident = {
            code: $code:literal,
            name: $kebab:literal,
            title: $title:literal,
            summary: $summary:literal,
            summary_zh: $summary_zh:literal,
            severity: $severity:expr,
            fix: $fix:expr,
            check: $check:path
            $(, docs_zh: $docs_zh:literal)? $(,)?
        }
    ) => {
        $vis static $name: $crate::registry::Rule = $crate::registry::Rule {
            meta: $crate::registry::RuleMeta {
                code: $code,
                name: $kebab,
                title: $title,
                summary: $summary,
                summary_zh: $summary_zh,
                default_severity: $severity,
                fix: $fix,
                docs: concat!($($doc, "\n"),*),
                docs_zh: concat!("" $(, $docs_zh)?),
            },
            check: $check,
        };
    };
}
pub(crate) use declare_rule;

use crate::rules::*;

/// Every rule, sorted by code. Registering a rule is one line here.
pub static RULES: &[&Rule] = &[
    &c001_carry_over_mismatch::RULE,
    &c002_stock_flow::RULE,
    &c003_copied_report::RULE,
    &c004_roll_up::RULE,
    &f001_doc_number_brackets::RULE,
    &f002_mangled_doc_number::RULE,
    &f003_superseded_format::RULE,
    &f004_unbalanced_brackets::RULE,
    &f005_halfwidth_punctuation::RULE,
    &f006_duplicated_word::RULE,
    &f007_wrong_term::RULE,
    &f008_broken_paragraph::RULE,
    &f009_markup_artifact::RULE,
    &f010_cjk_digit_space::RULE,
    &f011_enumeration_order::RULE,
    &p001_late_publication::RULE,
    &p002_signature_year::RULE,
    &s001_missing_section::RULE,
    &s002_section_order::RULE,
    &s003_duplicate_ordinal::RULE,
    &s004_numbering_gap::RULE,
    &s005_heading_variant::RULE,
    &s006_missing_table::RULE,
    &s007_table_shape::RULE,
    &s008_label_variant::RULE,
    &s009_extra_table_part::RULE,
    &s010_obsolete_format::RULE,
    &s011_statistics_period::RULE,
    &s012_unread_row::RULE,
    &s013_local_outline::RULE,
    &t201_invalid_count::RULE,
    &t202_fee_unit::RULE,
    &t203_blank_cell::RULE,
    &t204_implausible_rulemaking::RULE,
    &t301_column_identity::RULE,
    &t302_result_total::RULE,
    &t303_row_total::RULE,
    &t304_invalid_count::RULE,
    &t305_split_digit::RULE,
    &t401_group_total::RULE,
    &t402_invalid_count::RULE,
    &x001_application_count::RULE,
    &x002_disposal_count::RULE,
    &x003_outcome_breakdown::RULE,
    &x004_review_litigation_count::RULE,
    &x005_outcome_claim::RULE,
    &x006_completion_claim::RULE,
    &x007_self_contradiction::RULE,
    &x008_year_mismatch::RULE,
    &x009_fee_statement::RULE,
    &x010_empty_section::RULE,
    &x011_table2_count::RULE,
    &x012_breakdown_sum::RULE,
];

/// The rule with `code` (case-insensitive) or kebab-case `name`.
pub fn lookup(code_or_name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|rule| rule.meta.code.eq_ignore_ascii_case(code_or_name) || rule.meta.name == code_or_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_well_formed() {
        let codes: Vec<&str> = RULES.iter().map(|rule| rule.meta.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "RULES must be sorted by code, without repeats");
        let mut names: Vec<&str> = RULES.iter().map(|rule| rule.meta.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len(), "rule names must be unique: configuration looks rules up by name");
        for rule in RULES {
            let meta = rule.meta;
            assert!(meta.code.len() == 4 && meta.code[1..].chars().all(|c| c.is_ascii_digit()), "{}", meta.code);
            assert!(
                meta.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                meta.name
            );
            assert!(!meta.summary.ends_with('.'), "{}: summaries have no trailing period", meta.code);
        }
    }

    #[test]
    fn lookup_by_code_or_name() {
        assert_eq!(lookup("t303").map(|r| r.meta.name), Some("row-total"));
        assert_eq!(lookup("missing-section").map(|r| r.meta.code), Some("S001"));
        assert!(lookup("X999").is_none());
    }
}
