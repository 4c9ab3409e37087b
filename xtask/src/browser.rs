//! `cargo xtask browser [--screenshot FILE]`: the page `nianbao audit`
//! writes and the page `nianbao serve` serves, tested in a real headless
//! Chromium (`tests/browser`). The page is
//! built from the seeds, the example, the HTML, PDF, DOCX and year fixtures, and
//! a folder of generated reports of two agencies over 2019–2025; `nianbao
//! check --format json` over the same paths gives the counts the page must
//! show. Chromium is the one the npm package `@sparticuz/chromium` carries,
//! installed by `npm ci` from the committed lock file: nothing is
//! downloaded while the test runs.

use std::path::Path;
use std::process::Command;

use crate::{cargo, exec, workspace_root};

/// What the page is built from, relative to the root; the generated folder last.
/// Report 003 is in it four ways (text, PDF, Word, HTML): one report. The
/// 本级政府 report published two days late shows how lateness is said.
const INPUTS: [&str; 7] = [
    "tests/seeds",
    "examples",
    "tests/fixtures/pdf",
    "tests/fixtures/html",
    "tests/fixtures/docx",
    "tests/fixtures/years",
    "tests/fixtures/rules/P001/invalid-government.md",
];

/// Uploaded through `nianbao serve`'s page: a seed, a DOCX (with broken
/// totals, for the arithmetic) and a PDF.
const SERVE_FILES: [&str; 3] =
    ["tests/seeds/002_bf81134e00d6a1b6.txt", "tests/fixtures/docx/003-broken.docx", "tests/fixtures/pdf/003.pdf"];

/// Two agencies' seven years, nine reports a year (see `agency_years_report`).
const GENERATED: &str = "126";

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let screenshot = match args {
        [] => None,
        [flag, file] if flag == "--screenshot" => Some(std::path::absolute(file).map_err(|e| e.to_string())?),
        _ => return Err("usage: cargo xtask browser [--screenshot FILE]".to_string()),
    };
    let root = workspace_root();
    std::env::set_current_dir(&root).map_err(|e| e.to_string())?;
    let out = root.join("target/browser");
    let generated = out.join("generated");
    // Written afresh, so that a changed generator is what is tested.
    let _ = std::fs::remove_dir_all(&generated);
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let generated_arg = generated.to_string_lossy().into_owned();
    exec(&mut cargo(&[
        "run",
        "--quiet",
        "-p",
        "tests",
        "--example",
        "bench_corpus",
        "--",
        &generated_arg,
        GENERATED,
        "0",
        "--agency-years",
    ]))?;
    exec(&mut cargo(&["build", "--quiet", "-p", "nianbao_cli"]))?;
    let nianbao = root.join("target/debug/nianbao");
    let mut paths: Vec<&str> = INPUTS.to_vec();
    paths.push("target/browser/generated");

    let page = out.join("audit.html");
    // Exit 2 is expected: the PDF fixtures include a scanned and an encrypted file.
    let status =
        Command::new(&nianbao).arg("audit").args(&paths).arg("-o").arg(&page).status().map_err(|e| e.to_string())?;
    expect_status("nianbao audit", status.code(), 2)?;
    let check =
        Command::new(&nianbao).args(["check", "--format", "json"]).args(&paths).output().map_err(|e| e.to_string())?;
    expect_status("nianbao check", check.status.code(), 2)?;
    std::fs::write(out.join("check.json"), &check.stdout).map_err(|e| e.to_string())?;
    std::fs::write(out.join("check.stderr"), &check.stderr).map_err(|e| e.to_string())?;

    let dir = root.join("tests/browser");
    exec(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir))?;
    let mut test = Command::new("npm");
    test.arg("test")
        .current_dir(&dir)
        .env("AUDIT_PAGE", &page)
        .env("CHECK_JSON", out.join("check.json"))
        .env("CHECK_STDERR", out.join("check.stderr"))
        // `nianbao serve`'s page: a seed, a DOCX and a PDF uploaded through it.
        .env("NIANBAO", &nianbao)
        .env("SERVE_FILES", SERVE_FILES.map(|file| root.join(file).to_string_lossy().into_owned()).join(":"));
    if let Some(screenshot) = &screenshot {
        test.env("SCREENSHOT", screenshot);
        // The serve page beside it: `docs/audit.png` and `docs/serve.png`.
        test.env("SERVE_SCREENSHOT", screenshot.with_file_name("serve.png"));
    }
    exec(&mut test)?;
    if let Some(screenshot) = screenshot {
        println!("wrote {}", Path::new(&screenshot).display());
    }
    Ok(())
}

fn expect_status(what: &str, code: Option<i32>, expected: i32) -> Result<(), String> {
    if code == Some(expected) { Ok(()) } else { Err(format!("{what} exited with {code:?}, not {expected}")) }
}
