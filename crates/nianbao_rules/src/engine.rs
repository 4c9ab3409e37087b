//! Runs the rules and turns findings into diagnostics.

use nianbao_model::{Diagnostic, Report};

use crate::config::Config;
use crate::context::{Context, Related};
use crate::registry::RULES;

/// Checks a report with every enabled rule, except where a
/// `<!-- nianbao-disable-… -->` directive silences one. Diagnostics come sorted by
/// position, then code: the same input always gives the same output.
pub fn check(report: &Report, config: &Config) -> Vec<Diagnostic> {
    check_with(report, config, &Related::default())
}

/// [`check`], with the other reports the cross-document rules (C001–C004)
/// compare against.
pub fn check_with(report: &Report, config: &Config, related: &Related<'_>) -> Vec<Diagnostic> {
    let context = Context::new(report, config, related);
    let mut diagnostics = Vec::new();
    let mut findings = Vec::new();
    for rule in RULES {
        let Some(severity) = config.severity(&rule.meta) else { continue };
        findings.clear();
        (rule.check)(&context, &mut findings);
        if findings.is_empty() {
            continue;
        }
        // Once per rule: the template substitution builds a searcher.
        let url = config.docs_url(&rule.meta);
        let silenced = |finding: &crate::finding::Finding| {
            report.suppressions.iter().any(|s| s.silences(rule.meta.code, finding.primary.span.start))
        };
        diagnostics.extend(findings.drain(..).filter(|f| !silenced(f)).map(|finding| Diagnostic {
            code: rule.meta.code.to_string(),
            severity,
            message: finding.message,
            primary: finding.primary,
            secondary: finding.secondary,
            help: finding.help,
            fix: finding.fix,
            url: Some(url.clone()),
        }));
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics
}
