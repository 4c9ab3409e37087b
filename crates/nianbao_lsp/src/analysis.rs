//! One version of a document, parsed and checked: what every request reads.

use std::panic::{AssertUnwindSafe, catch_unwind};

use std::path::Path;
use std::sync::{Arc, Mutex};

use nianbao_model::{Diagnostic, LineIndex, Report};
use nianbao_rules::Config;
use nianbao_workspace::related::{FolderIndex, RelatedFiles};
use nianbao_workspace::{Analysed, Source};

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
    /// The language of the findings, which the actions' titles follow.
    pub lang: nianbao_rules::Lang,
}

/// Parses and checks `text` with the workspace's one pipeline
/// ([`nianbao_workspace::analyse`]). A panic in the core is caught and
/// returned as an error message, so one bad document cannot take the server
/// down. `file` is where the document is saved, if it is: last year's report
/// is looked for beside it, through `folders`, the index the server keeps
/// for its whole life (a report read is read again only once it changes).
/// `known` is the result of an earlier search for this document: the
/// search lists folders and reads heads, so the server does it on open and
/// save, not on every keystroke.
pub fn analyze(
    text: String,
    version: i32,
    config: &Config,
    file: Option<&Path>,
    folders: &Mutex<FolderIndex>,
    known: Option<Arc<RelatedFiles>>,
) -> Result<Analysis, String> {
    let analysed = catch_panic(|| {
        // A hard-wrapped text (extracted from a PDF) or a crawler's page is
        // read through its projection, as the CLI reads it.
        nianbao_workspace::analyse(Source::Edited { text, file }, config, folders, known)
    })
    .and_then(|analysed| analysed)
    .map_err(|message| format!("nianbao failed on this document (version {version}): {message}"))?;
    let Analysed { text, mut report, origin, diagnostics, related, is_report, lang } = analysed;
    // Features read the report in the document's own coordinates.
    if origin.projection().is_some() {
        report.map_spans(&|span| origin.to_source(span));
    }
    let index = LineIndex::new(&text);
    Ok(Analysis { version, text, index, report, diagnostics, is_report, related, lang })
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

    /// The server's one index across analyses: after each save the search
    /// for last year's report runs again (`known` is dropped, the listings
    /// forgotten), and last year's report, unchanged, is not read again.
    #[test]
    fn last_years_report_is_read_once_for_many_edits_and_saves() {
        let years = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/years");
        let file = years.join("2024-report.md");
        let text = std::fs::read_to_string(&file).unwrap();
        let folders = Mutex::new(FolderIndex::default());
        let mut known = None;
        for version in 1..=6 {
            // Typing: a character more; every other version is a save.
            let edited = format!("{text}{}", "。".repeat(version as usize));
            let analysis = analyze(edited, version, &Config::default(), Some(&file), &folders, known.take()).unwrap();
            assert!(analysis.related.previous.is_some(), "last year's report is found");
            if version % 2 == 0 {
                folders.lock().unwrap().forget_listings();
            } else {
                known = Some(analysis.related.clone());
            }
        }
        assert_eq!(folders.lock().unwrap().reports_parsed(), 1);
    }

    #[test]
    fn panics_become_messages() {
        assert_eq!(catch_panic(|| 1), Ok(1));
        let caught: Result<(), String> = catch_panic(|| panic!("boom {}", 7));
        assert_eq!(caught, Err("boom 7".to_string()));
    }
}
