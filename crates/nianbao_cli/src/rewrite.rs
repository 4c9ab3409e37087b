//! `nianbao fix` and `nianbao fmt`: the commands that rewrite reports.
//!
//! Both read a file, compute its new text with the pure core (the rules'
//! fixes, or `nianbao_rules::format`), and then either show the change
//! (`--diff`), say whether there is one (`--check`), or write it atomically
//! in the file's own encoding. A file that is not a report, cannot be decoded
//! losslessly or cannot be written back is left untouched and named.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::sync::Mutex;

use nianbao_rules::Config;
use nianbao_workspace::config::ConfigResolver;
use nianbao_workspace::related::FolderIndex;

use crate::inputs::{self, Input, InputError, Source};
use crate::report_error;
use crate::write::{encode, write_atomic};

/// What to do to each file.
#[derive(Clone, Copy, Debug)]
pub enum Rewrite {
    /// Apply the rules' fixes: safe ones, and unsafe ones too when asked.
    Fix { include_unsafe: bool },
    /// Canonical tables and headings.
    Format,
}

/// What to do with the new text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Output {
    /// Print a unified diff instead of writing.
    pub diff: bool,
    /// Only say which files would change (exit 1 if any).
    pub check: bool,
}

pub fn run(paths: &[PathBuf], config: Option<&Path>, rewrite: Rewrite, output: Output) -> ExitCode {
    let paths = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let (found, mut errors) = inputs::collect(&paths, None);
    let mut resolver = ConfigResolver::new(config);
    // Not the index for unchanging files: this run writes them.
    let index = Mutex::new(FolderIndex::default());
    let mut changed = 0;
    for input in &found {
        match rewrite_one(input, &mut resolver, &index, rewrite, output) {
            Ok(true) => changed += 1,
            Ok(false) => {}
            Err(error) => errors.push(error),
        }
    }
    errors.iter().for_each(report_error);
    let verb = match (rewrite, output.diff || output.check) {
        (Rewrite::Fix { .. }, false) => "fixed",
        (Rewrite::Fix { .. }, true) => "would be fixed",
        (Rewrite::Format, false) => "reformatted",
        (Rewrite::Format, true) => "would be reformatted",
    };
    eprintln!("nianbao: {changed} file(s) {verb}, {} left unchanged", found.len() - changed);
    if !errors.is_empty() {
        ExitCode::from(2)
    } else if changed > 0 && (output.diff || output.check) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Rewrites one file; `Ok(true)` when its text changes.
fn rewrite_one(
    input: &Input,
    resolver: &mut ConfigResolver,
    index: &Mutex<FolderIndex>,
    rewrite: Rewrite,
    output: Output,
) -> Result<bool, InputError> {
    let error = |message: String| InputError { display: input.display.clone(), message };
    let Source::File(path) = &input.source else {
        return Err(error("fix and fmt rewrite files; pass a path, not standard input".to_string()));
    };
    let config = resolver.for_dir(&input.config_dir).map_err(|e| InputError { display: e.path, message: e.message })?;
    let bytes = inputs::read(input)?;
    let format = inputs::format(input, &bytes);
    if format != inputs::Format::Text {
        if input.explicit {
            let kind = format.describe();
            return Err(error(format!("{kind}; fix and fmt rewrite text and Markdown reports only")));
        }
        return Ok(false);
    }
    let (text, report) = nianbao_parser::parse_bytes(&bytes);
    if report.source.lossy || nianbao_parser::read::is_binary(&bytes, &report.source) {
        return Err(error("not a text file nianbao can decode losslessly; left unchanged".to_string()));
    }
    if !report.looks_like_report() {
        if input.explicit {
            return Err(error("not an annual report; left unchanged".to_string()));
        }
        return Ok(false);
    }
    let source = report.source.clone();
    let new_text = match rewrite {
        Rewrite::Fix { include_unsafe } => {
            let (fixed, applied) = apply_fixes(&bytes, &config, path, index, include_unsafe).map_err(error)?;
            if !applied.is_empty() && !output.check {
                let list: Vec<String> = applied.iter().map(|(code, n)| format!("{code} ×{n}")).collect();
                eprintln!("{}: {}", input.display, list.join(", "));
            }
            fixed
        }
        Rewrite::Format => {
            let formatted = nianbao_rules::format::format_report(&text, &report);
            for skipped in &formatted.skipped {
                eprintln!("{}: left as written: {skipped}", input.display);
            }
            formatted.text
        }
    };
    if new_text == text {
        return Ok(false);
    }
    if output.diff {
        print!("{}", unified_diff(&input.display, &text, &new_text));
    } else if output.check {
        println!("{}", input.display);
    } else {
        let bytes = encode(&new_text, &source).map_err(|message| error(format!("{message}; left unchanged")))?;
        write_atomic(path, &bytes).map_err(|e| error(format!("cannot write ({e}); the file is unchanged")))?;
    }
    Ok(true)
}

/// Applies fixes as `check` reports them: the file read and checked as
/// `nianbao check` reads and checks it (the workspace's pipeline: a
/// hard-wrapped text or a crawler's page through its projection).
fn apply_fixes(
    bytes: &[u8],
    config: &Config,
    path: &Path,
    index: &Mutex<FolderIndex>,
    include_unsafe: bool,
) -> Result<(String, BTreeMap<String, usize>), String> {
    let source = nianbao_workspace::Source::Bytes { bytes, format: inputs::Format::Text, file: Some(path) };
    let analysed = nianbao_workspace::analyse(source, config, index, None)?;
    let fixed = nianbao_workspace::fixes::apply_fixes(&analysed, config, Some(path), index, include_unsafe)?;
    Ok((fixed.text, fixed.applied))
}

fn unified_diff(display: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{display}"), &format!("b/{display}"))
        .to_string()
}
