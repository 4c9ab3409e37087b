//! The files codespan renders from, with long lines cut to a window: a
//! report whose body is one long line (a crawler's page, a text pasted
//! without breaks) would otherwise print that whole line for every finding.

use std::ops::Range;

use codespan_reporting::files::{Error, Files, column_index, line_starts};
use nianbao_model::Diagnostic;

/// A line longer than this (in bytes, about 160 Chinese characters) is shown
/// as a window.
const LONG_LINE: usize = 480;
/// How much of a long line is shown on each side of a finding's labels (in
/// bytes, about 40 Chinese characters).
const CONTEXT: usize = 120;

/// One file: its name, text and line starts.
struct File<'a> {
    name: &'a str,
    source: &'a str,
    starts: Vec<usize>,
}

/// The files of one checked report (its own text, then the others labels
/// point into), with the windows of one diagnostic's long lines.
pub(super) struct Windowed<'a> {
    files: Vec<File<'a>>,
    /// `(file, line, window)` for each long line a label of the diagnostic
    /// starts or ends on.
    windows: Vec<(usize, usize, Range<usize>)>,
}

impl<'a> Windowed<'a> {
    pub(super) fn new() -> Self {
        Self { files: Vec::new(), windows: Vec::new() }
    }

    pub(super) fn add(&mut self, name: &'a str, source: &'a str) -> usize {
        self.files.push(File { name, source, starts: line_starts(source).collect() });
        self.files.len() - 1
    }

    /// Sets the windows for `labels` (file, byte range): on each long line,
    /// from a little before the first label boundary to a little after the
    /// last, so that every label stays whole.
    pub(super) fn window_for(&mut self, labels: &[(usize, Range<usize>)]) {
        self.windows.clear();
        for (file, range) in labels {
            for offset in [range.start, range.end] {
                let Some(f) = self.files.get(*file) else { continue };
                let line = f.starts.binary_search(&offset).unwrap_or_else(|next| next - 1);
                let whole = self.whole_line(*file, line);
                if whole.len() <= LONG_LINE {
                    continue;
                }
                match self.windows.iter_mut().find(|(f, l, _)| f == file && *l == line) {
                    Some((_, _, window)) => {
                        window.start = window.start.min(offset);
                        window.end = window.end.max(offset);
                    }
                    None => self.windows.push((*file, line, offset..offset)),
                }
            }
        }
        for (file, line, window) in &mut self.windows {
            let whole = whole_line(&self.files[*file], *line);
            let source = self.files[*file].source;
            let start = floor_char(source, window.start.saturating_sub(CONTEXT).max(whole.start));
            let end = ceil_char(source, (window.end + CONTEXT).min(whole.end));
            *window = start..end;
        }
    }

    fn whole_line(&self, file: usize, line: usize) -> Range<usize> {
        whole_line(&self.files[file], line)
    }
}

/// The byte labels of `diagnostic` point at in its own file (`own`).
pub(super) fn label_ranges(
    diagnostic: &Diagnostic,
    own: usize,
    others: &[(String, usize)],
) -> Vec<(usize, Range<usize>)> {
    std::iter::once(&diagnostic.primary)
        .chain(&diagnostic.secondary)
        .map(|label| {
            let file = label
                .file
                .as_deref()
                .and_then(|name| others.iter().find(|(n, _)| n == name).map(|(_, id)| *id))
                .unwrap_or(own);
            (file, label.span.start..label.span.end)
        })
        .collect()
}

/// A line with its line break, as codespan's own files give it.
fn whole_line(file: &File<'_>, line: usize) -> Range<usize> {
    file.starts[line]..file.starts.get(line + 1).copied().unwrap_or(file.source.len())
}

fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

impl<'f, 'a: 'f> Files<'f> for Windowed<'a> {
    type FileId = usize;
    type Name = &'f str;
    type Source = &'f str;

    fn name(&'f self, id: usize) -> Result<&'f str, Error> {
        self.files.get(id).map(|file| file.name).ok_or(Error::FileMissing)
    }

    fn source(&'f self, id: usize) -> Result<&'f str, Error> {
        self.files.get(id).map(|file| file.source).ok_or(Error::FileMissing)
    }

    fn line_index(&'f self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let file = self.files.get(id).ok_or(Error::FileMissing)?;
        Ok(file.starts.binary_search(&byte_index).unwrap_or_else(|next| next - 1))
    }

    /// The column in the whole line, not in its window.
    fn column_number(&'f self, id: usize, line_index: usize, byte_index: usize) -> Result<usize, Error> {
        let file = self.files.get(id).ok_or(Error::FileMissing)?;
        Ok(column_index(file.source, self.whole_line(id, line_index), byte_index) + 1)
    }

    /// A long line's window around the diagnostic's labels; a long line it
    /// does not label (a line shown for context), its start.
    fn line_range(&'f self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let file = self.files.get(id).ok_or(Error::FileMissing)?;
        if line_index >= file.starts.len() {
            return Err(Error::LineTooLarge { given: line_index, max: file.starts.len() - 1 });
        }
        if let Some((_, _, window)) = self.windows.iter().find(|(f, l, _)| *f == id && *l == line_index) {
            return Ok(window.clone());
        }
        let whole = self.whole_line(id, line_index);
        if whole.len() > LONG_LINE {
            return Ok(whole.start..ceil_char(file.source, whole.start + 2 * CONTEXT));
        }
        Ok(whole)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use crate::render::human::render_plain;
    use crate::{Source, analyse};

    /// A report whose body is one long line: each finding shows a window of
    /// it, and still names the finding's true column.
    #[test]
    fn a_long_line_is_shown_around_the_finding() {
        let sentence = "本机关认真贯彻落实政府信息公开条例，持续推进政务公开工作。";
        let long = format!("{}各项工作,稳步推进。{}", sentence.repeat(60), sentence.repeat(60));
        let text = format!("某某市某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n{long}\n");
        let source = Source::Edited { text: text.clone(), file: None };
        let analysed = analyse(source, &nianbao_rules::Config::default(), &Mutex::default(), None).unwrap();
        let comma = analysed.diagnostics.iter().find(|d| d.code == "F005").expect("F005 on the comma");
        let column = text[..comma.primary.span.start].rsplit('\n').next().unwrap().chars().count() + 1;
        let shown = render_plain(&[analysed.into_checked("long.txt".to_string())]);
        assert!(shown.contains(&format!("long.txt:5:{column}")), "{shown}");
        let widest = shown.lines().map(|line| line.chars().count()).max().unwrap();
        assert!(widest < 200, "a line of {widest} characters: {shown}");
        assert!(long.chars().count() > 3000);
    }
}
