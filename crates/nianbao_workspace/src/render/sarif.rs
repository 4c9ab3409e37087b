//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. Columns are
//! Unicode code points (declared with `columnKind`). The rules' descriptions,
//! like the findings, are in the language of the run; keys, codes and
//! levels are SARIF's and stay English.

use nianbao_model::{Severity, Span};
use nianbao_rules::{Lang, RULES, RuleMeta};
use serde_json::{Value, json};

use super::{Checked, Locator};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(locator: &Locator<'_>, span: Span) -> Value {
    let location = locator.locate(span);
    json!({
        "startLine": location.start.line,
        "startColumn": location.start.column,
        "endLine": location.end.line,
        "endColumn": location.end.column,
        "byteOffset": span.start,
        "byteLength": span.len(),
    })
}

/// A result location: the file and region, or for a DOCX document (which has
/// no lines) the file and the paragraph or cell as a logical location.
fn location(artifact: &Value, locator: &Locator<'_>, span: Span) -> Value {
    match locator.locate(span).place {
        Some(place) => json!({
            "physicalLocation": { "artifactLocation": artifact },
            "logicalLocations": [{ "name": place, "kind": "element" }],
        }),
        None => json!({ "physicalLocation": { "artifactLocation": artifact, "region": region(locator, span) } }),
    }
}

fn uri(display: &str) -> String {
    display.replace('\\', "/")
}

/// A rule's documentation in `lang`: its Chinese docs, or the English ones
/// (also where it has no Chinese docs yet).
fn full_description(meta: &RuleMeta, lang: Lang) -> String {
    match lang {
        Lang::Zh if !meta.docs_zh.trim().is_empty() => nianbao_rules::docs::docs_zh(meta),
        _ => nianbao_rules::docs::rule_body(meta),
    }
}

/// The results as SARIF, in the language their findings are written in
/// (the run's, when there are none).
pub fn render(results: &[Checked]) -> String {
    let lang = results.first().map_or_else(crate::config::process_lang, |result| result.lang);
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            let meta = &rule.meta;
            json!({
                "id": meta.code,
                "name": meta.name,
                "shortDescription": { "text": meta.summary_in(lang) },
                "fullDescription": { "text": full_description(meta, lang) },
                "helpUri": nianbao_rules::Config::default().docs_url(meta),
                "defaultConfiguration": {
                    "enabled": meta.default_severity.is_some(),
                    "level": meta.default_severity.map_or("none", level),
                },
            })
        })
        .collect();
    let mut sarif_results = Vec::new();
    for result in results {
        let locators = result.locators();
        let locator = &locators.own;
        let artifact = json!({ "uri": uri(&result.display) });
        for diagnostic in &result.diagnostics {
            let rule_index = RULES.iter().position(|rule| rule.meta.code == diagnostic.code);
            let related: Vec<Value> = diagnostic
                .secondary
                .iter()
                .enumerate()
                .map(|(id, label)| {
                    let location = match label.file.as_deref() {
                        Some(file) => location(&json!({ "uri": uri(file) }), locators.of(Some(file)), label.span),
                        None => location(&artifact, locator, label.span),
                    };
                    let mut related = json!({
                        "id": id,
                        "message": { "text": label.message.clone().unwrap_or_default() },
                    });
                    if let (Some(related), Value::Object(location)) = (related.as_object_mut(), location) {
                        related.extend(location);
                    }
                    related
                })
                .collect();
            let mut entry = json!({
                "ruleId": diagnostic.code,
                "level": level(diagnostic.severity),
                "message": { "text": diagnostic.message },
                "locations": [location(&artifact, locator, diagnostic.primary.span)],
                "relatedLocations": related,
            });
            if let Some(index) = rule_index {
                entry["ruleIndex"] = json!(index);
            }
            if let Some(fix) = &diagnostic.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|edit| json!({ "deletedRegion": region(locator, edit.span), "insertedContent": { "text": edit.replacement } }))
                    .collect();
                entry["fixes"] = json!([{
                    "description": { "text": format!("{}{}", fix.message, match fix.applicability {
                        nianbao_model::Applicability::Safe => lang.pick(" (safe)", "（可自动修正）"),
                        nianbao_model::Applicability::Unsafe => lang.pick(" (unsafe)", "（须人工核对）"),
                    }) },
                    "artifactChanges": [{ "artifactLocation": artifact, "replacements": replacements }],
                }]);
            }
            sarif_results.push(entry);
        }
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "nianbao",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/nianbao/nianbao",
                "rules": rules,
            } },
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    });
    serde_json::to_string_pretty(&sarif).expect("serialising plain data cannot fail") + "\n"
}
