//! `--format json`: every diagnostic with 1-based line/character positions
//! and byte offsets, grouped by file.

use nianbao_model::{Applicability, Diagnostic, Span};
use serde::Serialize;

use super::{Checked, Location, Locator, Locators, Position, Summary};

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

pub fn diagnostic<'a>(locators: &Locators<'_>, diagnostic: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let locator = &locators.own;
    JsonDiagnostic {
        code: &diagnostic.code,
        severity: diagnostic.severity.as_str(),
        message: &diagnostic.message,
        location: locator.locate(diagnostic.primary.span),
        related: diagnostic
            .secondary
            .iter()
            .map(|label| {
                let location = locators.of(label.file.as_deref()).locate(label.span);
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

/// The JSON document as a string (tests, snapshots).
pub fn render(results: &[Checked]) -> String {
    let mut out = Vec::new();
    render_to(results, &mut out).expect("writing into memory cannot fail");
    String::from_utf8(out).expect("the JSON writer writes UTF-8")
}

/// How much output is gathered before it is passed on.
const FLUSH_AT: usize = 1 << 16;

/// Writes the JSON document to `out` file by file: a folder with 100 000
/// findings is not first held as one string.
///
/// Indented down to each file's list of diagnostics, and compact below it:
/// one diagnostic per line. Indenting every position of every label made
/// the output of a folder larger than the folder (a finding about last
/// year's report labels a dozen cells, each location nine lines deep); a
/// line per diagnostic is a third the size and still reads, diffs and greps
/// by line.
///
/// Written by hand, not through serde: in a folder of an agency's years,
/// where most files have a finding with a dozen labels, serialising them
/// through serde_json's serializer and formatter was a sixteenth of the
/// whole check. The bytes are the ones serde_json writes for
/// [`JsonDiagnostic`] (a test compares them), which `nianbao export` still
/// serialises.
pub fn render_to(results: &[Checked], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut json = JsonWriter::default();
    json.raw("{\n  \"version\": 1,\n  \"files\": [");
    for (i, result) in results.iter().enumerate() {
        json.raw(if i == 0 { "\n    {\n      \"path\": " } else { ",\n    {\n      \"path\": " });
        json.string(&result.display);
        json.raw(",\n      \"encoding\": ");
        json.string(&result.source.encoding);
        json.raw(",\n      \"diagnostics\": [");
        let locators = result.locators();
        for (j, diagnostic) in result.diagnostics.iter().enumerate() {
            json.raw(if j == 0 { "\n        " } else { ",\n        " });
            json.diagnostic(&locators, diagnostic);
        }
        json.raw(if result.diagnostics.is_empty() { "]\n    }" } else { "\n      ]\n    }" });
        if json.buf.len() >= FLUSH_AT {
            out.write_all(&json.buf)?;
            json.buf.clear();
        }
    }
    json.raw(if results.is_empty() { "],\n  \"summary\": {" } else { "\n  ],\n  \"summary\": {" });
    let summary = Summary::of(results);
    for (i, (key, count)) in
        [("files", summary.files), ("errors", summary.errors), ("warnings", summary.warnings), ("infos", summary.infos)]
            .into_iter()
            .enumerate()
    {
        json.raw(if i == 0 { "\n    \"" } else { ",\n    \"" });
        json.raw(key);
        json.raw("\": ");
        json.number(count);
    }
    json.raw("\n  }\n}\n");
    out.write_all(&json.buf)?;
    out.flush()
}

/// A JSON text being written, with what `check --format json` writes.
#[derive(Default)]
struct JsonWriter {
    buf: Vec<u8>,
}

impl JsonWriter {
    /// Text that is JSON already.
    fn raw(&mut self, json: &str) {
        self.buf.extend_from_slice(json.as_bytes());
    }

    fn number(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.buf.extend_from_slice(&digits[at..]);
    }

    /// A string, escaped as serde_json escapes it: `"`, `\` and the control
    /// characters, with their short escapes where JSON has one.
    fn string(&mut self, text: &str) {
        self.buf.push(b'"');
        let bytes = text.as_bytes();
        let mut copied = 0;
        for (i, &byte) in bytes.iter().enumerate() {
            if byte >= 0x20 && byte != b'"' && byte != b'\\' {
                continue;
            }
            self.buf.extend_from_slice(&bytes[copied..i]);
            copied = i + 1;
            let short = match byte {
                b'"' => b'"',
                b'\\' => b'\\',
                0x08 => b'b',
                0x0C => b'f',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let escape = [b'\\', b'u', b'0', b'0', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xF)]];
                    self.buf.extend_from_slice(&escape);
                    continue;
                }
            };
            self.buf.extend_from_slice(&[b'\\', short]);
        }
        self.buf.extend_from_slice(&bytes[copied..]);
        self.buf.push(b'"');
    }

    fn optional_string(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.string(text),
            None => self.raw("null"),
        }
    }

    fn position(&mut self, position: Position) {
        self.raw("{\"line\":");
        self.number(position.line);
        self.raw(",\"column\":");
        self.number(position.column);
        self.raw("}");
    }

    fn location(&mut self, locator: &Locator<'_>, span: Span) {
        let location = locator.locate(span);
        self.raw("{\"start\":");
        self.position(location.start);
        self.raw(",\"end\":");
        self.position(location.end);
        self.raw(",\"byte_start\":");
        self.number(location.byte_start);
        self.raw(",\"byte_end\":");
        self.number(location.byte_end);
        if let Some(place) = &location.place {
            self.raw(",\"place\":");
            self.string(place);
        }
        self.raw("}");
    }

    /// One diagnostic, as [`JsonDiagnostic`] serialises.
    fn diagnostic(&mut self, locators: &Locators<'_>, diagnostic: &Diagnostic) {
        self.raw("{\"code\":");
        self.string(&diagnostic.code);
        self.raw(",\"severity\":");
        self.string(diagnostic.severity.as_str());
        self.raw(",\"message\":");
        self.string(&diagnostic.message);
        self.raw(",\"location\":");
        self.location(&locators.own, diagnostic.primary.span);
        for (i, label) in diagnostic.secondary.iter().enumerate() {
            self.raw(if i == 0 { ",\"related\":[{\"message\":" } else { ",{\"message\":" });
            self.optional_string(label.message.as_deref());
            if let Some(path) = label.file.as_deref() {
                self.raw(",\"path\":");
                self.string(path);
            }
            self.raw(",\"location\":");
            self.location(locators.of(label.file.as_deref()), label.span);
            self.raw("}");
        }
        if !diagnostic.secondary.is_empty() {
            self.raw("]");
        }
        if let Some(help) = diagnostic.help.as_deref() {
            self.raw(",\"help\":");
            self.string(help);
        }
        if let Some(fix) = &diagnostic.fix {
            self.raw(match fix.applicability {
                Applicability::Safe => ",\"fix\":{\"applicability\":\"safe\",\"message\":",
                Applicability::Unsafe => ",\"fix\":{\"applicability\":\"unsafe\",\"message\":",
            });
            self.string(&fix.message);
            self.raw(",\"edits\":[");
            for (i, edit) in fix.edits.iter().enumerate() {
                self.raw(if i == 0 { "{\"location\":" } else { ",{\"location\":" });
                self.location(&locators.own, edit.span);
                self.raw(",\"replacement\":");
                self.string(&edit.replacement);
                self.raw("}");
            }
            self.raw("]}");
        }
        if let Some(url) = diagnostic.url.as_deref() {
            self.raw(",\"url\":");
            self.string(url);
        }
        self.raw("}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every diagnostic of the examples, written by hand and by serde_json,
    /// byte for byte.
    #[test]
    fn the_writer_writes_what_serde_json_writes() {
        // A broken total (a finding with labels and a fix), and text to escape.
        let example = include_str!("../../../../examples/example-report.md");
        let texts = [
            example.replacen("| （七）总计 | 18 |", "| （七）总计 | 19 |", 1),
            "## 一、总体情况\n\n本年度\t共收到申请 3 件，\"引号\" \\ 与\u{1}控制符\r\n| 一 | 二 |\n".to_string(),
        ];
        let mut labelled_fixes = 0;
        for text in texts {
            let report = nianbao_parser::parse(&text);
            let mut diagnostics = nianbao_rules::check(&report, &nianbao_rules::Config::default());
            assert!(!diagnostics.is_empty());
            labelled_fixes += diagnostics.iter().filter(|d| d.fix.is_some() && d.secondary.len() > 1).count();
            // A label in another file, with text to escape.
            diagnostics[0].secondary.push(nianbao_model::Label::in_file(
                "last\\year.md",
                Span::new(0, 3),
                "上年 \"报告\"\t",
            ));
            let checked = Checked {
                display: "a \"b\".md".to_string(),
                text,
                source: nianbao_model::SourceInfo::default(),
                report: None,
                profile: None,
                diagnostics,
                others: vec![("last\\year.md".to_string(), std::sync::Arc::from("上年报告\n第二行"))],
                origin: super::super::Origin::Text,
                lang: nianbao_rules::Lang::En,
            };
            let locators = checked.locators();
            for diagnostic in &checked.diagnostics {
                let mut json = JsonWriter::default();
                json.diagnostic(&locators, diagnostic);
                let by_serde = serde_json::to_string(&super::diagnostic(&locators, diagnostic)).unwrap();
                assert_eq!(String::from_utf8(json.buf).unwrap(), by_serde);
            }
        }
        assert!(labelled_fixes > 0);
    }
}
