//! The nianbao rule engine: checks a parsed 政府信息公开工作年度报告 against the
//! national format 国办公开办函〔2021〕30号 and the arithmetic of its tables.
//!
//! The whole lifecycle — parse, check, read the findings, apply a fix:
//!
//! ```
//! use nianbao_rules::{Config, check};
//!
//! let text = "三、收到和处理政府信息公开申请情况\n\
//!             一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 6\n";
//! let report = nianbao_parser::parse(text);
//! let diagnostics = check(&report, &Config::default());
//!
//! let row_total = diagnostics.iter().find(|d| d.code == "T303").unwrap();
//! assert_eq!(row_total.message, "总计 6 ≠ 自然人 4 + 商业企业 1 + 0 + 0 + 0 + 0 = 5");
//! assert_eq!(&text[row_total.primary.span.start..row_total.primary.span.end], "6");
//! // Every addend is labelled, so a reader sees the whole computation.
//! assert_eq!(row_total.secondary.len(), 6);
//!
//! // Fixes are suggestions; applying one is the caller's decision.
//! let fixed = row_total.fix.as_ref().unwrap().apply(text);
//! assert!(fixed.contains("| 0 | 5\n"));
//! ```
//!
//! Rules never read files, print, or speak LSP: they see a [`Report`] and a
//! [`Config`] and return [`Diagnostic`]s. Severity and documentation URL come
//! from each rule's metadata and the configuration, never from the rule body.
//!
//! [`Report`]: nianbao_model::Report
//! [`Diagnostic`]: nianbao_model::Diagnostic

pub mod claims;
mod config;
mod context;
pub mod docs;
mod engine;
mod facts;
mod finding;
pub mod format;
mod identity;
pub mod profile;
mod registry;
mod rules;
pub mod skeleton;
mod text;

pub use config::{
    CONFIG_FILE_NAME, Compare, Config, ConfigError, DEFAULT_DOCS_URL, Level, ReportFacts, find_config_file,
};
pub use context::{Context, Other, OtherMemo, Related};
pub use engine::{check, check_with};
pub use finding::Finding;
pub use identity::{Identity, IdentityKind, Term, identities};
/// The language of findings lives in the model, where the parser can use it too.
pub use nianbao_model::lang;
pub use nianbao_model::lang::{Lang, Text};
pub use nianbao_model::t;
pub use registry::{FixKind, RULES, Rule, RuleMeta, lookup};

#[cfg(test)]
mod doc_examples {
    //! The ✗/✓ examples of every rule's docs run as tests, so docs cannot rot.

    use super::*;

    /// The codes reported on `text`, with `rule` on even if it is off by
    /// default. Text after `<!-- previous report -->` or `<!-- part report -->`
    /// lines stands for those other files.
    fn codes(text: &str, rule: &RuleMeta) -> Vec<String> {
        let mut config = Config::default();
        config.rules.insert(rule.code, Some(rule.default_severity.unwrap_or(nianbao_model::Severity::Info)));
        let documents = docs::split_documents(text);
        // One document is read as a text file is (a crawler's page projected).
        let reports: Vec<nianbao_model::Report> = documents
            .iter()
            .map(|(_, text)| match documents.len() {
                1 => nianbao_parser::parse_document(text).0,
                _ => nianbao_parser::parse(text),
            })
            .collect();
        let mut related = Related::default();
        for ((role, _), report) in documents.iter().zip(&reports).skip(1) {
            let other = Other { name: "other", report, memo: None };
            match role {
                docs::ExampleRole::Previous => related.previous = Some(other),
                _ => related.parts.push(other),
            }
        }
        check_with(&reports[0], &config, &related).into_iter().map(|d| d.code).collect()
    }

    #[test]
    fn every_rule_has_examples_that_behave_as_documented() {
        for rule in RULES {
            let meta = &rule.meta;
            let (invalid, valid) = docs::examples(meta);
            assert!(!invalid.is_empty() && !valid.is_empty(), "{}: docs need a ✗ and a ✓ example", meta.code);
            for example in &invalid {
                assert!(
                    codes(example, meta).iter().any(|c| c == meta.code),
                    "{}: ✗ example not reported:\n{example}",
                    meta.code
                );
            }
            for example in &valid {
                assert!(
                    !codes(example, meta).iter().any(|c| c == meta.code),
                    "{}: ✓ example reported:\n{example}",
                    meta.code
                );
            }
        }
    }

    #[test]
    fn every_rule_documents_the_fixed_headings() {
        for rule in RULES {
            let body = docs::rule_body(&rule.meta);
            for heading in ["## What it does", "## Why is this bad", "## Example", "## Fix safety", "## Source"] {
                assert!(body.contains(heading), "{}: docs lack 「{heading}」", rule.meta.code);
            }
        }
    }
}
