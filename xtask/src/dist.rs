//! `cargo xtask dist`: the `nianbao` binary to ship, built with
//! profile-guided optimization (PGO) into `target/dist/nianbao`.
//!
//! A plain release build lays out a parser and fifty rules without knowing
//! which branches a report takes; on this code that costs about a sixth of
//! the time (see the README's performance section). So the binary is built
//! twice: once instrumented, which is run over the repository's fixtures,
//! the seeds, the example and a generated training corpus; then again with
//! the merged profile.
//!
//! The training corpus is drawn from seeds far above those of any bench
//! corpus (see `tests/examples/bench_corpus.rs`): `cargo xtask bench` times
//! this binary on reports it was never tuned on.
//!
//! Both builds name the host as `--target`, so that `RUSTFLAGS` reach only
//! the binary and its libraries, not build scripts and proc macros (which
//! would write profiles of their own while building). `llvm-profdata` comes
//! from rustup's `llvm-tools` component, added if it is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cargo, exec, workspace_root};

/// Reports in the training corpus, and the seed of the first: well clear of
/// any bench corpus.
const TRAINING_REPORTS: &str = "300";
const TRAINING_FIRST_SEED: &str = "1000000";
/// Reports in the training folder of an agency's years: two agencies' seven years.
const AGENCY_YEARS_REPORTS: &str = "126";

/// `cargo xtask dist`: builds `target/dist/nianbao` and returns its path.
pub(crate) fn run() -> Result<PathBuf, String> {
    let root = workspace_root();
    std::env::set_current_dir(&root).map_err(|e| e.to_string())?;
    let host = rustc_host()?;
    let profdata = llvm_profdata(&host)?;
    let pgo = root.join("target/pgo");
    let profiles = pgo.join("profiles");
    let _ = std::fs::remove_dir_all(&profiles);
    std::fs::create_dir_all(&profiles).map_err(|e| format!("{}: {e}", profiles.display()))?;

    eprintln!("dist: building the instrumented binary");
    let flags = format!("-Cprofile-generate={}", profiles.display());
    let instrumented = build(&host, &pgo.join("instrumented"), &flags)?;

    eprintln!("dist: training it");
    let name = format!("nianbao-training-corpus-{TRAINING_REPORTS}-{TRAINING_FIRST_SEED}");
    let corpus = crate::bench::generated_corpus(&name, TRAINING_REPORTS, TRAINING_FIRST_SEED, &[])?;
    let corpus = corpus.to_string_lossy();
    // And a folder of two agencies' years, where every report is compared
    // with last year's and most have findings to write.
    let name = format!("nianbao-training-agency-years-{AGENCY_YEARS_REPORTS}-{TRAINING_FIRST_SEED}");
    let agency_years =
        crate::bench::generated_corpus(&name, AGENCY_YEARS_REPORTS, TRAINING_FIRST_SEED, &["--agency-years"])?;
    let agency_years = agency_years.to_string_lossy();
    let runs: [&[&str]; 6] = [
        &["check", "--format", "json", "tests/fixtures", "tests/seeds", "examples"],
        &["check", "tests/seeds", "examples"],
        &["check", "--format", "sarif", "tests/seeds", "tests/fixtures/html"],
        &["check", "--jobs", "1", "--format", "json", &corpus],
        &["check", "--jobs", "1", &corpus],
        &["check", "--jobs", "1", "--format", "json", &agency_years],
    ];
    for args in runs {
        train(&instrumented, args, &profiles)?;
    }

    // The counts differ a little from one training to the next (threads),
    // so the second build always starts afresh: about four minutes.
    let merged = pgo.join("nianbao.profdata");
    exec(Command::new(&profdata).arg("merge").arg("-o").arg(&merged).arg(&profiles))?;

    eprintln!("dist: building with the profile");
    // A function the training never ran has no profile; that is expected.
    let flags = format!("-Cprofile-use={} -Cllvm-args=-pgo-warn-missing-function=false", merged.display());
    let optimized = build(&host, &pgo.join("optimized"), &flags)?;
    let dist = root.join("target/dist");
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    let shipped = dist.join("nianbao");
    std::fs::copy(&optimized, &shipped).map_err(|e| format!("{}: {e}", shipped.display()))?;
    Ok(shipped)
}

/// The host's target triple, from `rustc -vV`.
fn rustc_host() -> Result<String, String> {
    let output = Command::new("rustc").arg("-vV").output().map_err(|e| format!("rustc: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::to_string)
        .ok_or_else(|| "rustc -vV names no host".to_string())
}

/// `llvm-profdata` of the toolchain's own LLVM (a profile is read only by
/// the LLVM version that wrote it), adding `llvm-tools` if it is missing.
fn llvm_profdata(host: &str) -> Result<PathBuf, String> {
    let output = Command::new("rustc").args(["--print", "sysroot"]).output().map_err(|e| format!("rustc: {e}"))?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    let tool = sysroot.join("lib/rustlib").join(host).join("bin/llvm-profdata");
    if !tool.exists() {
        eprintln!("dist: adding rustup's llvm-tools component (for llvm-profdata)");
        let status = Command::new("rustup").args(["component", "add", "llvm-tools"]).status();
        if !status.is_ok_and(|status| status.success()) || !tool.exists() {
            return Err(format!("{} not found; install it with `rustup component add llvm-tools`", tool.display()));
        }
    }
    Ok(tool)
}

/// A release build of the CLI for `host` into `target_dir`, with `flags`
/// added to `RUSTFLAGS`; returns the binary.
fn build(host: &str, target_dir: &Path, flags: &str) -> Result<PathBuf, String> {
    let rustflags = match std::env::var("RUSTFLAGS") {
        Ok(existing) if !existing.trim().is_empty() => format!("{existing} {flags}"),
        _ => flags.to_string(),
    };
    exec(
        cargo(&["build", "--release", "--locked", "--quiet", "-p", "nianbao_cli", "--target", host, "--target-dir"])
            .arg(target_dir)
            .env("RUSTFLAGS", rustflags),
    )?;
    Ok(target_dir.join(host).join("release/nianbao"))
}

/// One training run of the instrumented binary. Its exit code says what it
/// found (the fixtures hold broken reports on purpose), so only a crash fails.
fn train(binary: &Path, args: &[&str], profiles: &Path) -> Result<(), String> {
    let status = Command::new(binary)
        .args(args)
        .env("LLVM_PROFILE_FILE", profiles.join("nianbao-%p-%m.profraw"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|e| format!("{}: {e}", binary.display()))?;
    match status.code() {
        Some(_) => Ok(()),
        None => Err(format!("{} {} was killed: {status}", binary.display(), args.join(" "))),
    }
}
