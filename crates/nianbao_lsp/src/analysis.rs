//! One version of a document, parsed and checked: what every request reads.

use std::panic::{AssertUnwindSafe, catch_unwind};

use nianbao_model::{Diagnostic, LineIndex, Report};
use nianbao_rules::Config;

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
}

/// Parses and checks `text`. A panic in the core is caught and returned as
/// an error message, so one bad document cannot take the server down.
pub fn analyze(text: String, version: i32, config: &Config) -> Result<Analysis, String> {
    catch_panic(|| {
        let report = nianbao_parser::parse(&text);
        let is_report = report.looks_like_report();
        let diagnostics = if is_report { nianbao_rules::check(&report, config) } else { Vec::new() };
        let index = LineIndex::new(&text);
        Analysis { version, text, index, report, diagnostics, is_report }
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
