//! `cargo xtask <task>`: repository automation in Rust, no extra tools.
//!
//! - `codegen [--check]` — writes `docs/rules/` from the rule registry; with
//!   `--check`, fails instead of writing when the files are stale.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen(args.iter().any(|a| a == "--check")),
        _ => Err("usage: cargo xtask codegen [--check]".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace root").to_path_buf()
}

fn codegen(check: bool) -> Result<(), String> {
    let dir = workspace_root().join("docs/rules");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let generated = nianbao_rules::docs::generated_files();
    let mut stale = Vec::new();
    for (name, contents) in &generated {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
            stale.push(name.clone());
            if !check {
                std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
    }
    for entry in std::fs::read_dir(&dir).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !generated.iter().any(|(n, _)| *n == name) {
            stale.push(name);
            if !check {
                std::fs::remove_file(entry.path()).map_err(|e| e.to_string())?;
            }
        }
    }
    match (check, stale.is_empty()) {
        (true, false) => Err(format!("stale generated docs: {}; run `cargo xtask codegen`", stale.join(", "))),
        (false, false) => {
            println!("updated {}", stale.join(", "));
            Ok(())
        }
        _ => Ok(()),
    }
}
