//! `cargo xtask codegen [--check]`.

use crate::workspace_root;

pub(crate) fn run(check: bool) -> Result<(), String> {
    let docs = workspace_root().join("docs");
    std::fs::create_dir_all(docs.join("rules")).map_err(|e| format!("docs/rules: {e}"))?;
    let generated = nianbao_rules::docs::generated_files();
    let mut stale = Vec::new();
    for (name, contents) in &generated {
        let path = docs.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
            stale.push(name.clone());
            if !check {
                std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
    }
    for entry in std::fs::read_dir(docs.join("rules")).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = format!("rules/{}", entry.file_name().to_string_lossy());
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
            println!("updated docs/{}", stale.join(", docs/"));
            Ok(())
        }
        _ => Ok(()),
    }
}
