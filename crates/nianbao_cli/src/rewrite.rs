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

use nianbao_rules::{Config, t};
use nianbao_workspace::config::{ConfigResolver, process_lang};
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
    let unchanged = found.len() - changed;
    let lang = process_lang();
    let summary = match (rewrite, output.diff || output.check) {
        (Rewrite::Fix { .. }, false) => {
            t!(
                lang,
                "nianbao: {changed} file(s) fixed, {unchanged} left unchanged",
                "nianbao：修正了{changed}个文件，{unchanged}个未改动"
            )
        }
        (Rewrite::Fix { .. }, true) => t!(
            lang,
            "nianbao: {changed} file(s) would be fixed, {unchanged} left unchanged",
            "nianbao：有{changed}个文件可修正，{unchanged}个无须改动"
        ),
        (Rewrite::Format, false) => t!(
            lang,
            "nianbao: {changed} file(s) reformatted, {unchanged} left unchanged",
            "nianbao：重排了{changed}个文件，{unchanged}个未改动"
        ),
        (Rewrite::Format, true) => t!(
            lang,
            "nianbao: {changed} file(s) would be reformatted, {unchanged} left unchanged",
            "nianbao：有{changed}个文件可重排，{unchanged}个无须改动"
        ),
    };
    eprintln!("{summary}");
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
    let error =
        |message: nianbao_rules::Text| InputError { display: input.display.clone(), message: message.into_string() };
    // Before a configuration is found, the run's language; then the file's.
    let Source::File(path) = &input.source else {
        return Err(error(t!(
            process_lang(),
            "fix and fmt rewrite files; pass a path, not standard input",
            "修正和重排只改写文件，请给出文件路径，不能用标准输入"
        )));
    };
    let config = resolver.for_dir(&input.config_dir).map_err(|e| InputError { display: e.path, message: e.message })?;
    let lang = config.lang();
    let bytes = inputs::read(input)?;
    let format = inputs::format(input, &bytes);
    if format != inputs::Format::Text {
        if input.explicit {
            let kind = format.describe(lang);
            return Err(error(t!(
                lang,
                "{kind}; fix and fmt rewrite text and Markdown reports only",
                "{kind}不在修正和重排之列：二者只改写文本和 Markdown 格式的报告"
            )));
        }
        return Ok(false);
    }
    let (text, report) = nianbao_parser::parse_bytes(&bytes);
    if report.source.lossy || nianbao_parser::read::is_binary(&bytes, &report.source) {
        return Err(error(t!(
            lang,
            "not a text file nianbao can decode losslessly; left unchanged",
            "不是 nianbao 能无损解码的文本文件，未改动"
        )));
    }
    if !report.looks_like_report() {
        if input.explicit {
            return Err(error(t!(
                lang,
                "not an annual report; left unchanged",
                "不是政府信息公开工作年度报告，未改动"
            )));
        }
        return Ok(false);
    }
    let source = report.source.clone();
    let new_text = match rewrite {
        Rewrite::Fix { include_unsafe } => {
            let (fixed, applied) = apply_fixes(&bytes, &config, path, index, include_unsafe)
                .map_err(|message| InputError { display: input.display.clone(), message })?;
            if !applied.is_empty() && !output.check {
                let list: Vec<String> = applied.iter().map(|(code, n)| format!("{code} ×{n}")).collect();
                let (display, list) = (&input.display, list.join(lang.pick(", ", "、")));
                eprintln!("{}", t!(lang, "{display}: {list}", "{display}：{list}"));
            }
            fixed
        }
        Rewrite::Format => {
            let formatted = nianbao_rules::format::format_report(&text, &report, lang);
            let display = &input.display;
            for skipped in &formatted.skipped {
                eprintln!(
                    "{}",
                    t!(lang, "{display}: left as written: {skipped}", "{display}：未重排，保持原样：{skipped}")
                );
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
        let bytes = encode(&new_text, &source).map_err(|why| {
            let why = why.pick(lang);
            error(t!(lang, "{why}; left unchanged", "{why}，未改动"))
        })?;
        write_atomic(path, &bytes).map_err(|e| {
            let why = inputs::io_reason(&e, lang);
            error(t!(lang, "cannot write ({why}); the file is unchanged", "无法写入（{why}），文件未改动"))
        })?;
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
