//! The terminal format: codespan-reporting snippets with every label, the
//! help and the fix, and a summary line.

use codespan_reporting::diagnostic::{
    Diagnostic as Snippet, Label as SnippetLabel, LabelStyle, Severity as SnippetSeverity,
};
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use codespan_reporting::term::{self, Config};
use nianbao_model::{Applicability, Diagnostic, Label, Severity};
use nianbao_rules::Lang;

use super::windowed::{Windowed, label_ranges};
use super::{Checked, Summary};

fn snippet(checked: &Checked, file: usize, others: &[(String, usize)], diagnostic: &Diagnostic) -> Snippet<usize> {
    let severity = match diagnostic.severity {
        Severity::Error => SnippetSeverity::Error,
        Severity::Warning => SnippetSeverity::Warning,
        Severity::Info => SnippetSeverity::Note,
    };
    let primary_place = checked.place(diagnostic.primary.span);
    let label = |style: LabelStyle, label: &Label| {
        let id = label
            .file
            .as_deref()
            .and_then(|name| others.iter().find(|(n, _)| n == name).map(|(_, id)| *id))
            .unwrap_or(file);
        let mut message = label.message.clone().unwrap_or_default();
        // A DOCX document's lines are nianbao's projection of it: name the
        // paragraph or cell the author can find in Word — once per place.
        let place = label.file.is_none().then(|| checked.place(label.span)).flatten();
        if let Some(place) = place.filter(|place| style == LabelStyle::Primary || Some(place) != primary_place.as_ref())
        {
            message = if message.is_empty() { place } else { format!("{message} — {place}") };
        }
        SnippetLabel::new(style, id, label.span.start..label.span.end).with_message(message)
    };
    let mut labels = vec![label(LabelStyle::Primary, &diagnostic.primary)];
    labels.extend(diagnostic.secondary.iter().map(|l| label(LabelStyle::Secondary, l)));
    let mut notes = Vec::new();
    let lang = checked.lang;
    if let Some(help) = &diagnostic.help {
        notes.push(format!("{}{help}", lang.pick("help: ", "建议：")));
    }
    if let Some(fix) = &diagnostic.fix {
        let safety = match fix.applicability {
            Applicability::Safe => lang.pick("safe fix: ", "可自动修正："),
            Applicability::Unsafe => lang.pick("unsafe fix: ", "修正建议（须人工核对）："),
        };
        notes.push(format!("{safety}{}", fix.message));
    }
    Snippet::new(severity)
        .with_code(diagnostic.code.clone())
        .with_message(diagnostic.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

/// Renders every diagnostic of every file, then the summary.
pub fn render(results: &[Checked], out: &mut dyn WriteColor) -> std::io::Result<()> {
    let config = Config::default();
    for result in results {
        let mut files = Windowed::new();
        let file = files.add(result.display.as_str(), result.text.as_str());
        let others: Vec<(String, usize)> =
            result.others.iter().map(|(name, text)| (name.clone(), files.add(name.as_str(), text))).collect();
        for diagnostic in &result.diagnostics {
            // A long line is shown around this finding's labels, not whole.
            files.window_for(&label_ranges(diagnostic, file, &others));
            let snippet = snippet(result, file, &others, diagnostic);
            if result.lang == Lang::En {
                term::emit_to_write_style(out, &config, &files, &snippet)
                    .map_err(|error| std::io::Error::other(error.to_string()))?;
                continue;
            }
            // codespan names the severity in English (「error[T303]」): rendered
            // aside, the header's word is put in Chinese (「错误[T303]」).
            let mut rendered = if out.supports_color() { Buffer::ansi() } else { Buffer::no_color() };
            term::emit_to_write_style(&mut rendered, &config, &files, &snippet)
                .map_err(|error| std::io::Error::other(error.to_string()))?;
            let rendered = String::from_utf8_lossy(rendered.as_slice());
            out.write_all(severity_in_chinese(&rendered, diagnostic).as_bytes())?;
        }
    }
    // A run that read nothing speaks the language this process was asked for.
    let lang = results.first().map_or_else(crate::config::process_lang, |result| result.lang);
    writeln!(out, "{}", summary_line(&Summary::of(results), lang))
}

/// `rendered` with its header's 「error[CODE]」 written 「错误[CODE]」 (警告,
/// 提示 for the others).
fn severity_in_chinese(rendered: &str, diagnostic: &Diagnostic) -> String {
    let (english, chinese) = match diagnostic.severity {
        Severity::Error => ("error", "错误"),
        Severity::Warning => ("warning", "警告"),
        Severity::Info => ("note", "提示"),
    };
    let header = format!("{english}[{}]", diagnostic.code);
    rendered.replacen(&header, &format!("{chinese}[{}]", diagnostic.code), 1)
}

/// Renders without colour into a string (tests, snapshots).
pub fn render_plain(results: &[Checked]) -> String {
    let mut buffer = codespan_reporting::term::termcolor::Buffer::no_color();
    render(results, &mut buffer).expect("rendering into memory cannot fail");
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// 「共检查2份报告：错误3处，警告1处，提示0处。」 or
/// 「Checked 2 reports: 3 errors, 1 warning, 0 infos.」
pub fn summary_line(summary: &Summary, lang: Lang) -> String {
    if lang == Lang::Zh {
        let (files, errors, warnings, infos) = (summary.files, summary.errors, summary.warnings, summary.infos);
        if errors + warnings + infos == 0 {
            return format!("共检查{files}份报告，未发现问题。");
        }
        return format!("共检查{files}份报告：错误{errors}处，警告{warnings}处，提示{infos}处。");
    }
    let reports = plural(summary.files, "report", "reports");
    if summary.errors + summary.warnings + summary.infos == 0 {
        return format!("Checked {reports}: no problems found.");
    }
    format!(
        "Checked {reports}: {}, {}, {}.",
        plural(summary.errors, "error", "errors"),
        plural(summary.warnings, "warning", "warnings"),
        plural(summary.infos, "info", "infos")
    )
}
