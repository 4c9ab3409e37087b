//! `--format json`: every diagnostic with 1-based line/character positions
//! and byte offsets, grouped by file.

use nianbao_model::Diagnostic;
use serde::Serialize;

use super::{Checked, Location, Locator, Summary};

#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub code: &'a str,
    pub severity: &'static str,
    pub message: &'a str,
    pub location: Location,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<JsonRelated<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<JsonFix<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct JsonRelated<'a> {
    pub message: Option<&'a str>,
    /// Set when the label is in another file (last year's report, a part).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    pub location: Location,
}

#[derive(Debug, Serialize)]
pub struct JsonFix<'a> {
    pub applicability: nianbao_model::Applicability,
    pub message: &'a str,
    pub edits: Vec<JsonEdit<'a>>,
}

#[derive(Debug, Serialize)]
pub struct JsonEdit<'a> {
    pub location: Location,
    pub replacement: &'a str,
}

pub fn diagnostic<'a>(checked: &Checked, locator: &Locator<'_>, diagnostic: &'a Diagnostic) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        code: &diagnostic.code,
        severity: diagnostic.severity.as_str(),
        message: &diagnostic.message,
        location: locator.locate(diagnostic.primary.span),
        related: diagnostic
            .secondary
            .iter()
            .map(|label| {
                let location = match label.file.as_deref() {
                    Some(file) => Locator::new(checked.text_of(Some(file))).locate(label.span),
                    None => locator.locate(label.span),
                };
                JsonRelated { message: label.message.as_deref(), path: label.file.as_deref(), location }
            })
            .collect(),
        help: diagnostic.help.as_deref(),
        fix: diagnostic.fix.as_ref().map(|fix| JsonFix {
            applicability: fix.applicability,
            message: &fix.message,
            edits: fix
                .edits
                .iter()
                .map(|edit| JsonEdit { location: locator.locate(edit.span), replacement: &edit.replacement })
                .collect(),
        }),
        url: diagnostic.url.as_deref(),
    }
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    encoding: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

/// The JSON document as a string (tests, snapshots).
pub fn render(results: &[Checked]) -> String {
    let mut out = Vec::new();
    render_to(results, &mut out).expect("writing into memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the JSON document to `out` as it is serialised: a folder with
/// 100 000 findings is not first held as one string.
pub fn render_to(results: &[Checked], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let files = results
        .iter()
        .map(|result| {
            let locator = result.locator();
            JsonFile {
                path: &result.display,
                encoding: &result.source.encoding,
                diagnostics: result.diagnostics.iter().map(|d| diagnostic(result, &locator, d)).collect(),
            }
        })
        .collect();
    let output = JsonOutput { version: 1, files, summary: Summary::of(results) };
    serde_json::to_writer_pretty(&mut *out, &output).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}
