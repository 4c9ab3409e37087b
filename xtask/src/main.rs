//! `cargo xtask <task>`: repository automation in Rust.
//!
//! - `codegen [--check]` — writes `docs/rules/` and `docs/nianbao.schema.json`
//!   from the rule registry; `--check` fails instead of writing when stale.
//! - `lint [PATHS] [--sarif FILE]` — checks reports meant to be clean (default:
//!   `[lint] paths` of the root `nianbao.toml`); GitHub annotations when
//!   `GITHUB_ACTIONS` is set; fails on any error-level finding.
//! - `dist` — the binary to ship, built with profile-guided optimization into
//!   `target/dist/nianbao` (see `dist.rs`).
//! - `browser [--screenshot FILE]` — the `nianbao audit` page tested in
//!   headless Chromium (see `browser.rs`); optionally a screenshot of it.
//! - `precision [--stubs]` — nianbao's findings on the precision corpus of
//!   real reports (`tests/fixtures/real/`) by rule, the share triaged true and
//!   the false ones; `--stubs` prints the untriaged ones as triage lines.
//! - `ci` — everything `.ci/run` runs: fmt, clippy, tests, codegen check,
//!   lint, the VS Code extension's build and tests, the Neovim end-to-end
//!   test, the audit page in a browser.

mod bench;
mod browser;
mod ci;
mod codegen;
mod dist;
mod lint;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen::run(rest.iter().any(|a| a == "--check")),
        Some("lint") => lint::run(rest),
        Some("ci") => ci::run(),
        Some("browser") => browser::run(rest),
        Some("bench-detect") => bench::detect(rest),
        Some("precision") => bench::precision(rest),
        Some("bench") => bench::speed(rest),
        Some("dist") => dist::run().map(|shipped| println!("{}", shipped.display())),
        _ => Err(
            "usage: cargo xtask codegen [--check] | lint [PATHS] [--sarif FILE] | ci | browser [--screenshot FILE] | dist | bench-detect [REPORTS] [SEED] | bench [REPORTS] | precision [--stubs]"
                .to_string(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root.
/// `cargo` with `args`: the cargo that runs this task, else the one on `PATH`.
pub(crate) fn cargo(args: &[&str]) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()));
    command.args(args);
    command
}

/// Runs `command`; an error names it.
pub(crate) fn exec(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command.status().map_err(|e| format!("{shown}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{shown} failed: {status}")) }
}

pub(crate) fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace root").to_path_buf()
}
