//! Model → protocol: spans to ranges, diagnostics, edits.

use std::collections::HashMap;

use nianbao_model::{Diagnostic, Edit, LineIndex, Severity, Span};
use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position,
    Range, TextEdit, Uri, WorkspaceEdit,
};

use crate::analysis::Analysis;
use crate::from_proto::Encoding;
use nianbao_workspace::related::RelatedFiles;

/// Converts spans of one analysed text (and of the other reports its labels point into).
#[derive(Debug)]
pub struct Converter<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub encoding: Encoding,
    pub related: &'a RelatedFiles,
}

impl<'a> Converter<'a> {
    pub fn for_analysis(analysis: &'a Analysis, encoding: Encoding) -> Self {
        Converter { text: &analysis.text, index: &analysis.index, encoding, related: &analysis.related }
    }

    /// The location of a label in another file: that file's URI and range.
    fn other_location(&self, file: &str, span: Span) -> Option<Location> {
        let loaded = self.related.all().find(|l| l.name == file)?;
        let path = std::fs::canonicalize(&loaded.path).unwrap_or_else(|_| loaded.path.clone());
        let uri = Uri::from_file_path(path)?;
        let index = LineIndex::new(&loaded.text);
        let other = Converter { text: &loaded.text, index: &index, encoding: self.encoding, related: self.related };
        Some(Location { uri, range: other.range(span) })
    }

    pub fn position(&self, offset: usize) -> Position {
        let at = self.index.line_col(self.text, offset, self.encoding.columns());
        Position { line: at.line as u32, character: at.col as u32 }
    }

    pub fn range(&self, span: Span) -> Range {
        Range { start: self.position(span.start), end: self.position(span.end) }
    }

    pub fn diagnostic(&self, uri: &Uri, diagnostic: &Diagnostic) -> lsp::Diagnostic {
        let related = diagnostic
            .secondary
            .iter()
            .filter_map(|label| {
                let location = match label.file.as_deref() {
                    Some(file) => self.other_location(file, label.span)?,
                    None => Location { uri: uri.clone(), range: self.range(label.span) },
                };
                Some(DiagnosticRelatedInformation {
                    location,
                    message: label.message.clone().unwrap_or_else(|| "takes part".to_string()),
                })
            })
            .collect::<Vec<_>>();
        let mut message = diagnostic.message.clone();
        if let Some(help) = &diagnostic.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        lsp::Diagnostic {
            range: self.range(diagnostic.primary.span),
            severity: Some(severity(diagnostic.severity)),
            code: Some(NumberOrString::String(diagnostic.code.clone())),
            code_description: diagnostic
                .url
                .as_deref()
                .and_then(|url| url.parse().ok())
                .map(|href| CodeDescription { href }),
            source: Some("nianbao".to_string()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: None,
        }
    }

    pub fn text_edit(&self, edit: &Edit) -> TextEdit {
        TextEdit { range: self.range(edit.span), new_text: edit.replacement.clone() }
    }

    pub fn workspace_edit<'e>(&self, uri: &Uri, edits: impl IntoIterator<Item = &'e Edit>) -> WorkspaceEdit {
        let edits = edits.into_iter().map(|edit| self.text_edit(edit)).collect();
        WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..WorkspaceEdit::default() }
    }
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
