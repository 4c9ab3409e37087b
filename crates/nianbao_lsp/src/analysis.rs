//! One version of a document, parsed and checked: what every request reads.

use std::panic::{AssertUnwindSafe, catch_unwind};

use std::path::Path;
use std::sync::Arc;

use nianbao_model::{Diagnostic, LineIndex, Report};
use nianbao_rules::Config;

use crate::related::{FolderIndex, RelatedFiles, find_related};

/// The result of linting one version of a document.
#[derive(Debug)]
pub struct Analysis {
    pub version: i32,
    pub text: String,
    pub index: LineIndex,
    pub report: Report,
    /// Empty when the document is not an annual report.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the document looks like an annual report (title, heading or
    /// table label): other Markdown and text files get no diagnostics.
    pub is_report: bool,
    /// Last year's report and a summary's parts, as the CLI finds them.
    pub related: Arc<RelatedFiles>,
}

/// Parses and checks `text`. A panic in the core is caught and returned as
/// an error message, so one bad document cannot take the server down.
/// `file` is where the document is saved, if it is: last year's report is
/// looked for beside it. `known` is the result of an earlier search for this
/// document: the search reads and parses the folder, so the server does it on
/// open and save, not on every keystroke.
pub fn analyze(
    text: String,
    version: i32,
    config: &Config,
    file: Option<&Path>,
    known: Option<Arc<RelatedFiles>>,
) -> Result<Analysis, String> {
    catch_panic(|| {
        // A hard-wrapped text (extracted from a PDF) is read with its lines
        // joined, as the CLI reads it; findings and the report's spans are
        // then moved back into the document.
        let (mut report, projection) = nianbao_parser::parse_document(&text);
        let is_report = report.looks_like_report();
        let related = match known {
            Some(known) => known,
            None if is_report => Arc::new(find_related(file, &report, config, &mut FolderIndex::default())),
            None => Arc::new(RelatedFiles::default()),
        };
        let mut diagnostics =
            if is_report { nianbao_rules::check_with(&report, config, &related.as_related()) } else { Vec::new() };
        diagnostics.iter_mut().for_each(|diagnostic| related.map_labels(diagnostic));
        if let Some(projection) = projection {
            diagnostics.iter_mut().for_each(|diagnostic| projection.map_diagnostic(diagnostic, true));
            report.map_spans(&|span| projection.to_source(span));
        }
        let index = LineIndex::new(&text);
        Analysis { version, text, index, report, diagnostics, is_report, related }
    })
    .map_err(|message| format!("nianbao failed on this document (version {version}): {message}"))
}

/// Runs `work`, turning a panic into its message.
pub fn catch_panic<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_messages() {
        assert_eq!(catch_panic(|| 1), Ok(1));
        let caught: Result<(), String> = catch_panic(|| panic!("boom {}", 7));
        assert_eq!(caught, Err("boom 7".to_string()));
    }
}
