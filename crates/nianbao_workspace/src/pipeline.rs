//! One pipeline from a report's bytes or text to its findings, for every
//! front end: read (in the format the bytes are in), find the reports it is
//! compared with (last year's, a summary's parts), check, and map the
//! findings back into the text shown. `nianbao check`, `export`, `fix`, the
//! language server and the HTTP server all call [`analyse`]; none of them
//! writes this sequence again.

use std::path::Path;
use std::sync::{Arc, Mutex};

use nianbao_model::{Diagnostic, Report};
use nianbao_parser::Format;
use nianbao_rules::{Config, Lang};

use crate::origin::Origin;
use crate::related::{FolderIndex, RelatedFiles, find_related, is_indexed};
use crate::render::Checked;

/// What is analysed.
#[derive(Debug)]
pub enum Source<'a> {
    /// A file's bytes as read (or standard input's, `file` then `None`), in
    /// `format` (see [`crate::inputs::format`]).
    Bytes { bytes: &'a [u8], format: Format, file: Option<&'a Path> },
    /// A text being edited: Markdown or plain text, perhaps unsaved; `file`
    /// is where it is saved, if it is.
    Edited { text: String, file: Option<&'a Path> },
}

impl<'a> Source<'a> {
    /// Where the source was read or is saved: borrowed for as long as the
    /// source's own path, not the source (which `read` consumes).
    fn file(&self) -> Option<&'a Path> {
        match self {
            Source::Bytes { file, .. } | Source::Edited { file, .. } => *file,
        }
    }
}

/// A report read: the text shown, the report, and how the two relate.
#[derive(Debug)]
pub struct Read {
    /// The text diagnostics index: a text file's or a page's text as it
    /// is, the projection of a DOCX document or a PDF.
    pub text: String,
    /// The report; its spans index [`Origin::report_text`].
    pub report: Report,
    pub origin: Origin,
}

/// A report read and checked.
#[derive(Debug)]
pub struct Analysed {
    pub text: String,
    /// The report; its spans index `origin.report_text(&text)`.
    pub report: Report,
    pub origin: Origin,
    /// The findings, their spans in `text` (labels in another file carry its name).
    pub diagnostics: Vec<Diagnostic>,
    /// The reports it was compared with, and problems finding them.
    pub related: Arc<RelatedFiles>,
    /// Whether the text looks like an annual report at all; if not, it is
    /// not checked and has no findings.
    pub is_report: bool,
    /// The language the findings are written in.
    pub lang: Lang,
}

impl Analysed {
    /// As the renderers take it, `display` naming the file; the report is
    /// kept in it. Problems finding the reports compared with are not part
    /// of it ([`RelatedFiles::problems`]).
    pub fn into_checked(self, display: String) -> Checked {
        let others = self.related.sources();
        Checked {
            display,
            text: self.text,
            source: self.report.source.clone(),
            report: Some(self.report),
            profile: None,
            diagnostics: self.diagnostics,
            others,
            origin: self.origin,
            lang: self.lang,
        }
    }
}

/// Reads a source as its format says. A file that cannot be read as a
/// report (an unreadable DOCX or PDF, binary bytes posing as text) is an
/// error saying why, in `lang`.
pub fn read(source: Source<'_>, lang: Lang) -> Result<Read, String> {
    match source {
        Source::Bytes { bytes, format, .. } => {
            let reading = nianbao_parser::read_report(bytes, format);
            if let Some(problem) = reading.problem {
                return Err(problem.pick(lang).to_string());
            }
            let origin = Origin::of_reading(reading.origin, &reading.report);
            Ok(Read { text: reading.text, report: reading.report, origin })
        }
        Source::Edited { text, .. } => {
            // A hard-wrapped text or a crawler's page is read through its
            // projection, as `read_report` reads a text file.
            let (report, projection) = nianbao_parser::parse_document(&text);
            Ok(Read { text, report, origin: projection.map_or(Origin::Text, Origin::Reflowed) })
        }
    }
}

/// Reads, compares and checks a source. `index` is the folder index the
/// caller keeps (one for a run of the command, one for the language
/// server's life); `known` is what an earlier search for this source found,
/// reused while it is being typed. An error (why the source cannot be read
/// as a report) is in the configuration's language, as the findings are.
pub fn analyse(
    source: Source<'_>,
    config: &Config,
    index: &Mutex<FolderIndex>,
    known: Option<Arc<RelatedFiles>>,
) -> Result<Analysed, String> {
    let file = source.file();
    let from_disk = matches!(source, Source::Bytes { .. });
    let Read { text, report, origin } = read(source, config.lang())?;
    let is_report = report.looks_like_report();
    let related = match known {
        Some(known) => known,
        None if is_report => {
            // One index for all threads: each folder is read once. A
            // poisoned lock only means another check panicked; the index
            // is still sound.
            let mut index = index.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            // A file just read may be last year's report of files checked
            // after it: parsed once, not twice. An edited text is not what
            // is on disk, and is not offered.
            if let Some(path) = file.filter(|path| from_disk && is_indexed(path)) {
                index.offer(path, &text, origin.projection(), &report);
            }
            Arc::new(find_related(file, &report, config, &mut index))
        }
        None => Arc::new(RelatedFiles::default()),
    };
    let mut diagnostics =
        if is_report { nianbao_rules::check_with(&report, config, &related.as_related()) } else { Vec::new() };
    for diagnostic in &mut diagnostics {
        related.map_labels(diagnostic);
        origin.map_diagnostic(diagnostic);
    }
    Ok(Analysed { text, report, origin, diagnostics, related, is_report, lang: config.lang() })
}
