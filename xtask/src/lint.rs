//! `cargo xtask lint [PATHS] [--sarif FILE]`: what a report repository's CI runs.

use std::path::PathBuf;

use nianbao_cli::render::{github, human, sarif};
use nianbao_model::Severity;

use crate::workspace_root;

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let mut paths = Vec::new();
    let mut sarif_file = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sarif" => sarif_file = Some(PathBuf::from(args.next().ok_or("--sarif needs a file")?)),
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            path => paths.push(PathBuf::from(path)),
        }
    }
    let root = workspace_root();
    std::env::set_current_dir(&root).map_err(|e| e.to_string())?;
    if paths.is_empty() {
        paths = default_paths()?;
    }
    let outcome = nianbao_cli::check_paths(&paths, None, None);
    print!("{}", human::render_plain(&outcome.results));
    if std::env::var_os("GITHUB_ACTIONS").is_some() {
        print!("{}", github::render(&outcome.results));
    }
    if let Some(file) = sarif_file {
        std::fs::write(&file, sarif::render(&outcome.results)).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    for error in &outcome.errors {
        eprintln!("error: {}: {}", error.display, error.message);
    }
    let errors = outcome.results.iter().flat_map(|r| &r.diagnostics).filter(|d| d.severity == Severity::Error).count();
    match (errors, outcome.errors.len()) {
        (0, 0) => Ok(()),
        (n, 0) => Err(format!("{n} error(s) in reports meant to be clean")),
        (_, n) => Err(format!("{n} file(s) could not be checked")),
    }
}

/// `[lint] paths` of the root `nianbao.toml`.
fn default_paths() -> Result<Vec<PathBuf>, String> {
    let text = std::fs::read_to_string(nianbao_rules::CONFIG_FILE_NAME).map_err(|e| format!("nianbao.toml: {e}"))?;
    let config = nianbao_rules::Config::from_toml(&text).map_err(|e| format!("nianbao.toml: {e}"))?;
    if config.lint_paths.is_empty() {
        return Err("nianbao.toml has no [lint] paths; pass paths to lint".to_string());
    }
    Ok(config.lint_paths.iter().map(PathBuf::from).collect())
}
