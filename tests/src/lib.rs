//! Helpers shared by the workspace-level tests in `tests/tests/`.

pub mod docx;
pub mod generate;
pub mod html;
pub mod layout;
pub mod pdf;
pub mod precision;

use std::path::{Path, PathBuf};

use nianbao_cli::render::{Checked, human};
use nianbao_model::{Diagnostic, apply_edits};
use nianbao_rules::Config;
use nianbao_rules::docs::ExampleRole;

/// The repository root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ sits in the workspace root").to_path_buf()
}

/// The reports whose tables are template-shaped, so that they can be written
/// as HTML pages and DOCX drafts. Seed 002 is left out: its table 四 has 16
/// values, which no template-shaped table can hold.
pub const TEMPLATE_SHAPED: [&str; 5] = [
    "tests/seeds/000_88a8dc7d33e7281e.txt",
    "tests/seeds/001_0db4d1d337420631.txt",
    "tests/seeds/003_be94cdfbcf579bbe.txt",
    "tests/seeds/004_fa9e582a0590cf1f.txt",
    "examples/example-report.md",
];

/// Asserts that `read` (a report read from another format of the same text,
/// whose projection is `projected`) has the text report's 200 numbers, year
/// and sections. `what` names the case in failures.
pub fn assert_same_report(what: &str, text: &nianbao_model::Report, read: &nianbao_model::Report, projected: &str) {
    use nianbao_rules::format::table_values;
    for kind in nianbao_model::TableKind::ALL {
        let expected = table_values(text.table(kind).unwrap()).unwrap();
        let table = read.table(kind).unwrap_or_else(|| panic!("{what}: {kind:?} not read:\n{projected}"));
        let found = table_values(table).unwrap_or_else(|why| panic!("{what}: {why}\n{projected}"));
        assert_eq!(found, expected, "{what} {kind:?}");
    }
    let year = |r: &nianbao_model::Report| r.metadata.year.as_ref().map(|y| y.value);
    assert_eq!(year(read), year(text), "{what}");
    let kinds = |r: &nianbao_model::Report| r.sections.iter().map(|s| s.kind).collect::<Vec<_>>();
    assert_eq!(kinds(read), kinds(text), "{what}");
}

/// Asserts that the fixtures a writer makes are committed as it makes them
/// now: each `(path relative to the root, bytes)` that differs on disk is
/// rewritten, and the assertion names them, to be committed.
pub fn assert_fixtures_current(fixtures: &[(&str, Vec<u8>)]) {
    let mut stale = Vec::new();
    for (path, generated) in fixtures {
        let full = workspace_root().join(path);
        if std::fs::read(&full).ok().as_deref() != Some(generated.as_slice()) {
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(&full, generated).unwrap();
            stale.push(*path);
        }
    }
    assert!(stale.is_empty(), "{stale:?} were stale and have been rewritten; commit them");
}

/// `nianbao export` of a file (relative to the root): its tables and metadata.
pub fn exported(path: &str) -> (serde_json::Value, serde_json::Value) {
    let outcome = nianbao_cli::check_paths(&[workspace_root().join(path)], None, None);
    let json: serde_json::Value = serde_json::from_str(&nianbao_cli::export::render(
        &outcome.results[0],
        outcome.results[0].report.as_ref().unwrap(),
    ))
    .unwrap();
    (json["tables"].clone(), json["metadata"].clone())
}

/// Reads, parses and checks a file with the default configuration.
pub fn check_file(path: &Path, display: &str) -> Checked {
    check_file_with(path, display, &Config::default())
}

/// Checks a rule's fixture with that rule on, even if it is off by default.
pub fn check_fixture(path: &Path, display: &str, code: &str) -> Checked {
    check_fixture_in(path, display, code, nianbao_rules::Lang::default())
}

/// [`check_fixture`], its findings written in `lang`.
pub fn check_fixture_in(path: &Path, display: &str, code: &str, lang: nianbao_rules::Lang) -> Checked {
    let mut config = Config { lang: Some(lang), ..Config::default() };
    if let Some(rule) = nianbao_rules::lookup(code) {
        let severity = rule.meta.default_severity.unwrap_or(nianbao_model::Severity::Info);
        config.rules.insert(rule.meta.code, Some(severity));
    }
    check_file_with(path, display, &config)
}

/// Checks a file. Text after a `<!-- previous report -->` or `<!-- part report -->`
/// line stands for those other files (cross-document fixtures), named
/// `previous` and `part N`.
fn check_file_with(path: &Path, display: &str, config: &Config) -> Checked {
    let bytes = std::fs::read(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let (whole, _) = nianbao_parser::parse_bytes(&bytes);
    let mut parts = 0;
    let pieces: Vec<(String, String)> = nianbao_rules::docs::split_documents(&whole)
        .into_iter()
        .map(|(role, text)| match role {
            ExampleRole::Report => (display.to_string(), text),
            ExampleRole::Previous => ("previous".to_string(), text),
            ExampleRole::Part => {
                parts += 1;
                (format!("part {parts}"), text)
            }
        })
        .collect();
    // A fixture alone goes through the pipeline every front end uses (a
    // crawler's page or a hard-wrapped text projected, findings mapped back).
    if let [(_, text)] = pieces.as_slice() {
        let source = nianbao_workspace::Source::Edited { text: text.clone(), file: None };
        let index = std::sync::Mutex::default();
        let analysed = nianbao_workspace::analyse(source, config, &index, None).expect("a text is always read");
        return Checked {
            display: display.to_string(),
            text: analysed.text,
            source: analysed.report.source.clone(),
            report: Some(analysed.report),
            profile: None,
            diagnostics: analysed.diagnostics,
            others: Vec::new(),
            origin: analysed.origin,
            lang: analysed.lang,
        };
    }
    // One with other documents in it stands for several files: read as it is.
    let reports: Vec<nianbao_model::Report> = pieces.iter().map(|(_, text)| nianbao_parser::parse(text)).collect();
    let mut related = nianbao_rules::Related::default();
    for ((name, _), report) in pieces.iter().zip(&reports).skip(1) {
        let other = nianbao_rules::Other { name, report, memo: None };
        if name == "previous" { related.previous = Some(other) } else { related.parts.push(other) }
    }
    let diagnostics = nianbao_rules::check_with(&reports[0], config, &related);
    let mut pieces = pieces.into_iter();
    let (_, text) = pieces.next().unwrap();
    let report = reports.into_iter().next().unwrap();
    Checked {
        display: display.to_string(),
        text,
        source: report.source.clone(),
        report: Some(report),
        profile: None,
        diagnostics,
        others: pieces.map(|(name, text)| (name, text.into())).collect(),
        origin: Default::default(),
        lang: config.lang(),
    }
}

/// What a user sees for `checked` restricted to one rule: the input, the
/// rendered diagnostics (no colour), and the text after applying every fix.
pub fn fixture_view(mut checked: Checked, code: &str) -> String {
    checked.diagnostics.retain(|d| d.code == code);
    let rendered = human::render_plain(std::slice::from_ref(&checked));
    let mut out = format!("--- input ---\n{}\n--- diagnostics ---\n{rendered}", checked.text.trim_end());
    let edits: Vec<_> = checked.diagnostics.iter().filter_map(|d| d.fix.as_ref()).flat_map(|fix| &fix.edits).collect();
    if !edits.is_empty() {
        let fixed = apply_edits(&checked.text, edits);
        out.push_str("--- fixed (changed lines) ---\n");
        out.push_str(&changed_lines(&checked.text, &fixed));
    }
    out
}

/// A minimal diff: the lines between the common prefix and common suffix.
pub fn changed_lines(before: &str, after: &str) -> String {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let mut out = String::new();
    for line in &a[prefix..a.len() - suffix] {
        out.push_str(&format!("-{line}\n"));
    }
    for line in &b[prefix..b.len() - suffix] {
        out.push_str(&format!("+{line}\n"));
    }
    out
}

/// The codes of `diagnostics`, sorted and deduplicated.
pub fn codes(diagnostics: &[Diagnostic]) -> Vec<&str> {
    let mut codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}
