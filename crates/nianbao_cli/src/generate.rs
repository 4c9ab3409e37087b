//! `nianbao new` (a report skeleton) and `nianbao aggregate` (tables summed
//! over reports, or a 本级政府 report checked against that sum).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use nianbao_rules::format::Sums;
use nianbao_rules::{Config, Level, Other, Related, t};
use nianbao_workspace::config::process_lang;

use crate::inputs::{self, InputError};
use crate::render::{Checked, Origin};
use crate::report_error;

/// Writes the skeleton to `output` (refusing to replace a file) or stdout.
pub fn new_report(year: i32, agency: &str, level: Level, output: Option<&Path>) -> ExitCode {
    let text = nianbao_rules::skeleton::report_markdown(year, agency, level);
    let deadline = match level {
        Level::Government => "3月31日",
        Level::Department | Level::Township => "1月31日",
    };
    let Some(path) = output else {
        print!("{text}");
        return ExitCode::SUCCESS;
    };
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()));
    let lang = process_lang();
    match written {
        Ok(()) => {
            let (file, next) = (path.display(), year + 1);
            eprintln!(
                "{}",
                t!(
                    lang,
                    "wrote {file}: publish it by {next}年{deadline} (条例第四十九条)",
                    "已写入 {file}：请于{next}年{deadline}前公开（条例第四十九条）"
                )
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            let why = if error.kind() == std::io::ErrorKind::AlreadyExists {
                t!(lang, "already exists; not replaced", "文件已存在，未覆盖").into_string()
            } else {
                let why = inputs::io_reason(&error, lang);
                t!(lang, "cannot write: {why}", "无法写入：{why}").into_string()
            };
            report_error(&InputError { display: path.display().to_string(), message: why });
            ExitCode::from(2)
        }
    }
}

/// A report read for aggregation, in any format `check` reads.
struct AggregateInput {
    display: String,
    /// The text the report's spans index (a page's or a PDF's projection).
    text: String,
    report: nianbao_model::Report,
    /// `Text`, or the DOCX or PDF places of `text`.
    origin: Origin,
}

fn read_aggregate_input(path: &Path) -> Result<AggregateInput, InputError> {
    let input = inputs::single_file(path)?;
    let bytes = inputs::read(&input)?;
    let (text, report, origin) = crate::read_input(&input, &bytes)?;
    // Findings are shown in the text the report was read from.
    let (text, origin) = match origin {
        Origin::Html(projection) | Origin::Reflowed(projection) => (projection.text, Origin::Text),
        origin => (text, origin),
    };
    Ok(AggregateInput { display: input.display, text, report, origin })
}

/// Sums the children's tables; prints them, or checks `parent` against them.
pub fn aggregate(parent: Option<&Path>, children: &[PathBuf]) -> ExitCode {
    let lang = process_lang();
    let mut sums = Sums::default();
    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    let mut left_out = 0;
    for child in children {
        match read_aggregate_input(child) {
            Ok(report) => match sums.add_in(&report.report, lang) {
                Ok(()) => loaded.push(report),
                // A report whose tables are not the template's shape is left
                // out of the sum, as the audit's roll-up leaves it out.
                Err(message) => {
                    let display = &report.display;
                    eprintln!(
                        "{}",
                        t!(
                            lang,
                            "warning: {display}: left out of the sum: {message}",
                            "警告：{display}：未计入合计：{message}"
                        )
                    );
                    left_out += 1;
                }
            },
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        errors.iter().for_each(report_error);
        return ExitCode::from(2);
    }
    if loaded.is_empty() {
        eprintln!(
            "{}",
            t!(
                lang,
                "nianbao: nothing summed; every report must have the three tables in the template's shape",
                "nianbao：没有可合计的报告；每份报告的三张统计表都须符合模板的行列"
            )
        );
        return ExitCode::from(2);
    }
    if left_out > 0 {
        let summed = loaded.len();
        eprintln!(
            "{}",
            t!(
                lang,
                "nianbao: summed {summed} report(s), left out {left_out}",
                "nianbao：合计了{summed}份报告，未计入{left_out}份"
            )
        );
    }
    let Some(parent) = parent else {
        print!("{}", sums.to_markdown());
        return ExitCode::SUCCESS;
    };
    let parent = match read_aggregate_input(parent) {
        Ok(parent) => parent,
        Err(error) => {
            report_error(&error);
            return ExitCode::from(2);
        }
    };
    check_roll_up(parent, &loaded)
}

/// Runs rule C004 alone on `parent` with `parts`, and prints its findings.
fn check_roll_up(parent: AggregateInput, parts: &[AggregateInput]) -> ExitCode {
    // The language asked for (`--lang`, NIANBAO_LANG); no file's
    // configuration applies to a roll-up of several.
    let mut config = Config { lang: Some(process_lang()), ..Config::default() };
    for rule in nianbao_rules::RULES {
        if rule.meta.code != "C004" {
            config.rules.insert(rule.meta.code, None);
        }
    }
    // At the severity the catalogue gives it (`nianbao rules`): the exit
    // code, not the severity, says the figures differ.
    let severity = nianbao_rules::lookup("C004").and_then(|rule| rule.meta.default_severity);
    config.rules.insert("C004", Some(severity.unwrap_or(nianbao_model::Severity::Info)));
    let related = Related {
        previous: None,
        parts: parts.iter().map(|part| Other { name: &part.display, report: &part.report, memo: None }).collect(),
    };
    let diagnostics = nianbao_rules::check_with(&parent.report, &config, &related);
    let failed = !diagnostics.is_empty();
    let others = parts.iter().map(|part| (part.display.clone(), part.text.as_str().into())).collect();
    let checked = Checked {
        display: parent.display.clone(),
        text: parent.text,
        source: parent.report.source.clone(),
        report: Some(parent.report),
        profile: None,
        diagnostics,
        others,
        origin: parent.origin,
        lang: config.lang(),
    };
    let choice =
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) { ColorChoice::Auto } else { ColorChoice::Never };
    if let Err(error) =
        crate::render::human::render(std::slice::from_ref(&checked), &mut StandardStream::stdout(choice))
    {
        eprintln!("{}", t!(config.lang(), "error: cannot write output: {error}", "错误：无法输出结果：{error}"));
        return ExitCode::from(2);
    }
    if failed {
        ExitCode::from(1)
    } else {
        let (display, parts) = (&parent.display, parts.len());
        println!(
            "{}",
            t!(
                config.lang(),
                "{display}: every figure of tables 二, 三 and 四 equals the sum of {parts} report(s)",
                "{display}：表二、表三、表四的每个数字都等于{parts}份报告之和"
            )
        );
        ExitCode::SUCCESS
    }
}
