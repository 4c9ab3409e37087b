//! The one diagnostic type every layer produces and every edge renders.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Span;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Style or hint.
    Info,
    /// Very likely wrong.
    Warning,
    /// Breaks an identity of the template or the law.
    Error,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `error`, `warning` (or `warn`) and `info` (or `hint`).
    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "hint" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span with an optional short message, shown under the text it points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Another file the span points into (last year's report, a part of a
    /// roll-up), as the checker named it; `None` for the checked file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Self { span, message: Some(message.into()), file: None }
    }

    pub const fn bare(span: Span) -> Self {
        Self { span, message: None, file: None }
    }

    /// A label in another file.
    pub fn in_file(file: impl Into<String>, span: Span, message: impl Into<String>) -> Self {
        Self { span, message: Some(message.into()), file: Some(file.into()) }
    }
}

/// Whether a fix may be applied without asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Changes only form (brackets, labels, headings); the facts stay as written.
    Safe,
    /// Changes or invents a fact (a number, a missing table): a person must confirm.
    Unsafe,
}

/// Replace the text of `span` with `replacement` (an insertion when `span` is empty).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Self { span, replacement: replacement.into() }
    }

    pub fn insert(offset: usize, text: impl Into<String>) -> Self {
        Self { span: Span::empty(offset), replacement: text.into() }
    }
}

/// A suggested repair: non-overlapping edits applied together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// What the fix does, as an imperative ("Replace with 「社会公益组织」").
    pub message: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self { message: message.into(), applicability: Applicability::Safe, edits }
    }

    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self { message: message.into(), applicability: Applicability::Unsafe, edits }
    }

    /// Applies the edits to `source`. Overlapping edits after the first are skipped.
    pub fn apply(&self, source: &str) -> String {
        apply_edits(source, self.edits.iter())
    }
}

/// Applies non-overlapping edits to `source`, in offset order; an edit that
/// overlaps one already applied, or that does not fit the text, is skipped.
pub fn apply_edits<'a>(source: &str, edits: impl IntoIterator<Item = &'a Edit>) -> String {
    let mut edits: Vec<&Edit> = edits.into_iter().collect();
    edits.sort_by_key(|edit| (edit.span.start, edit.span.end));
    let mut out = String::with_capacity(source.len());
    let mut cursor = 0;
    for edit in edits {
        let Span { start, end } = edit.span;
        let fits =
            start >= cursor && end <= source.len() && source.is_char_boundary(start) && source.is_char_boundary(end);
        if !fits {
            continue;
        }
        out.push_str(&source[cursor..start]);
        out.push_str(&edit.replacement);
        cursor = end;
    }
    out.push_str(&source[cursor..]);
    out
}

/// One finding about a report.
///
/// Rules do not build this directly: they emit findings and the engine adds the
/// code, the configured severity and the documentation URL, so those always come
/// from the rule's metadata and the user's configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule code, such as `T303`.
    pub code: String,
    pub severity: Severity,
    /// What is wrong: short, no trailing period.
    pub message: String,
    /// Where it is wrong.
    pub primary: Label,
    /// Every other cell or sentence that takes part, such as each addend of a total.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary: Vec<Label>,
    /// What to do about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Link to the rule's documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Diagnostic {
    /// Sort key for output: position, then code. Sorting with it is stable, so
    /// findings of one rule at one place keep the rule's (deterministic) order.
    pub fn sort_key(&self) -> (usize, usize, &str) {
        (self.primary.span.start, self.primary.span.end, &self.code)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.url.as_ref().map(|url| Box::new(url) as Box<dyn fmt::Display>)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let primary = miette::LabeledSpan::new_primary_with_span(self.primary.message.clone(), self.primary.span);
        let secondary =
            self.secondary.iter().map(|label| miette::LabeledSpan::new_with_span(label.message.clone(), label.span));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_order_and_skip_overlaps() {
        let edits =
            [Edit::replace(Span::new(4, 5), "X"), Edit::insert(0, ">"), Edit::replace(Span::new(3, 5), "overlapped")];
        // Sorted by start: the edit at 3..5 is applied, the one at 4..5 overlaps it.
        assert_eq!(apply_edits("abcdef", edits.iter()), ">abcoverlappedf");
    }

    #[test]
    fn diagnostic_exposes_code_severity_and_labels_to_miette() {
        let diagnostic = Diagnostic {
            code: "T303".into(),
            severity: Severity::Error,
            message: "row total 6 ≠ 5".into(),
            primary: Label::new(Span::new(0, 1), "total"),
            secondary: vec![Label::new(Span::new(2, 3), "addend")],
            help: Some("check the addends".into()),
            fix: None,
            url: None,
        };
        let as_miette: &dyn miette::Diagnostic = &diagnostic;
        assert_eq!(as_miette.code().unwrap().to_string(), "T303");
        assert_eq!(as_miette.severity(), Some(miette::Severity::Error));
        let labels: Vec<_> = as_miette.labels().unwrap().collect();
        assert_eq!(labels.len(), 2);
        assert!(labels[0].primary());
        assert_eq!(labels[1].offset(), 2);
    }
}
