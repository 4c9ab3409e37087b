//! Invariants of the workspace, as tests: the crate chain, lint opt-in, the
//! pure core, and generated docs that match the code.

use std::path::Path;

use tests::workspace_root;

/// The dependency chain, bottom first. A crate may depend only on crates
/// before it; `xtask` and `tests` may depend on anything and nothing on them.
const CHAIN: &[&str] = &[
    "nianbao_model",
    "nianbao_parser",
    "nianbao_rules",
    "nianbao_workspace",
    "nianbao_lsp",
    "nianbao_server",
    "nianbao_cli",
];

fn manifest(path: &Path) -> toml::Table {
    std::fs::read_to_string(path).unwrap().parse().unwrap()
}

fn crate_dirs() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> =
        std::fs::read_dir(workspace_root().join("crates")).unwrap().map(|e| e.unwrap().path()).collect();
    dirs.sort();
    dirs
}

fn internal_deps(manifest: &toml::Table) -> Vec<String> {
    ["dependencies", "dev-dependencies", "build-dependencies"]
        .iter()
        .filter_map(|section| manifest.get(*section).and_then(|v| v.as_table()))
        .flat_map(|table| table.keys().cloned())
        .filter(|name| name.starts_with("nianbao_") || name == "tests" || name == "xtask")
        .collect()
}

#[test]
fn crates_depend_only_down_the_chain() {
    for dir in crate_dirs() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let position =
            CHAIN.iter().position(|c| *c == name).unwrap_or_else(|| panic!("crate {name} is not in the chain"));
        for dep in internal_deps(&manifest(&dir.join("Cargo.toml"))) {
            let dep_position = CHAIN.iter().position(|c| *c == dep);
            assert!(
                dep_position.is_some_and(|p| p < position),
                "{name} depends on {dep}, which is not below it in {CHAIN:?}"
            );
        }
    }
}

#[test]
fn folder_name_is_package_name_and_every_crate_opts_into_workspace_lints() {
    let mut manifests: Vec<_> = crate_dirs().into_iter().map(|dir| dir.join("Cargo.toml")).collect();
    manifests.push(workspace_root().join("xtask/Cargo.toml"));
    manifests.push(workspace_root().join("tests/Cargo.toml"));
    for path in manifests {
        let manifest = manifest(&path);
        let folder = path.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(manifest["package"]["name"].as_str(), Some(folder.as_str()), "{}", path.display());
        let lints = manifest.get("lints").and_then(|l| l.get("workspace")).and_then(|w| w.as_bool());
        assert_eq!(lints, Some(true), "{}: add [lints] workspace = true", path.display());
    }
}

#[test]
fn the_pure_core_does_no_io() {
    const FORBIDDEN: &[&str] = &[
        "std::fs",
        "std::io::stdin",
        "std::io::stdout",
        "println!",
        "eprintln!",
        "print!(",
        "std::process",
        "std::env",
        "tower_lsp",
    ];
    for name in ["nianbao_model", "nianbao_parser", "nianbao_rules"] {
        let src = workspace_root().join("crates").join(name).join("src");
        let mut stack = vec![src];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for word in FORBIDDEN {
                    assert!(
                        !text.contains(word),
                        "{} uses {word}: IO belongs in the workspace crate and the front ends",
                        path.display()
                    );
                }
            }
        }
    }
}

#[test]
fn generated_docs_are_up_to_date() {
    let docs = workspace_root().join("docs");
    let generated = nianbao_rules::docs::generated_files();
    for (name, contents) in &generated {
        let on_disk = std::fs::read_to_string(docs.join(name)).unwrap_or_default();
        assert!(on_disk == *contents, "docs/{name} is stale: run `cargo xtask codegen`");
    }
    for entry in std::fs::read_dir(docs.join("rules")).unwrap() {
        let name = format!("rules/{}", entry.unwrap().file_name().to_string_lossy());
        assert!(generated.iter().any(|(n, _)| *n == name), "docs/{name} is not generated: remove it");
    }
}

/// The editors open the documents the language server reads: each text
/// extension of the parser's one list (`Format::EXTENSIONS`) has its
/// language in the VS Code extension (activation and document selector) and
/// in the Neovim config. A text extension added to the list fails here
/// until the editors know it.
#[test]
fn the_editors_file_types_follow_the_format_list() {
    use nianbao_parser::Format;
    let root = workspace_root();
    let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
    let package = read("editors/vscode/package.json");
    let extension = read("editors/vscode/src/extension.ts");
    let neovim = read("editors/nvim/lsp/nianbao.lua");
    let neovim_filetypes = neovim.lines().find(|line| line.trim_start().starts_with("filetypes")).unwrap();
    for (name, format) in Format::EXTENSIONS {
        if format != Format::Text {
            continue;
        }
        // The language each editor gives a file of this extension.
        let (vscode, nvim) = match name {
            "md" | "markdown" => ("markdown", "markdown"),
            "txt" => ("plaintext", "text"),
            other => panic!(".{other} is a text format: add its language to the editors and to this test"),
        };
        assert!(package.contains(&format!("\"onLanguage:{vscode}\"")), "package.json does not activate on {vscode}");
        for scheme in ["file", "untitled"] {
            assert!(
                extension.contains(&format!("{{ scheme: \"{scheme}\", language: \"{vscode}\" }}")),
                "extension.ts does not select {scheme} {vscode} documents"
            );
        }
        assert!(neovim_filetypes.contains(&format!("'{nvim}'")), "nianbao.lua's filetypes lack {nvim}");
    }
}

/// The command shares the pipeline through `nianbao_workspace`, not through
/// the language server: it names `nianbao_lsp` only to start `nianbao lsp`.
#[test]
fn the_cli_uses_the_language_server_only_to_start_it() {
    let src = workspace_root().join("crates/nianbao_cli/src");
    let mut stack = vec![src];
    let mut uses = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices("nianbao_lsp") {
                    let rest = &text[at..];
                    let item = rest.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).next().unwrap();
                    uses.push(format!("{}: {item}", path.display()));
                }
            }
        }
    }
    assert!(!uses.is_empty(), "the CLI starts the language server");
    for item in &uses {
        assert!(item.ends_with("nianbao_lsp::run_stdio"), "{item}: take it from nianbao_workspace");
    }
}
