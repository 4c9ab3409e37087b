//! `cargo xtask bench-detect` and `cargo xtask bench`: the detection
//! benchmark, and throughput and memory side by side with AutoCorrect.
//!
//! `bench` installs AutoCorrect's CLI from the npm registry (`autocorrect-node`,
//! pinned) into `target/bench/`; it is never a project dependency. Both tools
//! read the same generated corpus, warmed up once, then run nine times each
//! under `/usr/bin/time` (peak RSS), timed from here; medians are printed.
//!
//! The corpus lives in the system's temporary folder, not under `target/`:
//! AutoCorrect honours the `.gitignore` files of every parent folder, so in a
//! git-ignored folder it lints nothing and finishes in a millisecond. Before
//! timing, the bench checks that AutoCorrect's JSON counts every report.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::workspace_root;

/// AutoCorrect's npm package and version.
const AUTOCORRECT: &str = "autocorrect-node@2.14.0";
const RUNS: usize = 9;

fn cargo(args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let status = Command::new(&cargo).args(args).status().map_err(|e| format!("{cargo}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("cargo {} failed: {status}", args.join(" "))) }
}

/// `cargo xtask bench-detect [REPORTS] [SEED]`.
pub(crate) fn detect(args: &[String]) -> Result<(), String> {
    std::env::set_current_dir(workspace_root()).map_err(|e| e.to_string())?;
    let mut command = vec!["run", "--release", "--quiet", "-p", "tests", "--example", "bench_detect", "--"];
    command.extend(args.iter().map(String::as_str));
    cargo(&command)
}

/// One timed run: wall seconds and peak RSS in KiB. The wall time is taken
/// here, around `/usr/bin/time` (whose own start-up it includes): its `%e`
/// has 10 ms steps, a tenth of a run that takes 0.1 s.
fn timed(program: &Path, args: &[&str]) -> Result<(f64, u64), String> {
    let started = std::time::Instant::now();
    let output = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("/usr/bin/time: {e} (install the Debian package `time`)"))?;
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    match last.trim().parse() {
        Ok(kib) => Ok((seconds, kib)),
        Err(_) => Err(format!("{} {}: no peak RSS in its output:\n{stderr}", program.display(), args.join(" "))),
    }
}

/// The median wall time and the largest peak RSS of `RUNS` runs after one warm-up.
fn measure(program: &Path, args: &[&str]) -> Result<(f64, u64), String> {
    timed(program, args)?;
    let mut seconds = Vec::new();
    let mut peak = 0;
    for _ in 0..RUNS {
        let (s, kib) = timed(program, args)?;
        seconds.push(s);
        peak = peak.max(kib);
    }
    seconds.sort_by(f64::total_cmp);
    Ok((seconds[RUNS / 2], peak))
}

fn autocorrect(dir: &Path) -> Result<PathBuf, String> {
    let binary = dir.join("node_modules/.bin/autocorrect");
    if !binary.exists() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        let status = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(dir)
            .arg(AUTOCORRECT)
            .status()
            .map_err(|e| format!("npm: {e}"))?;
        if !status.success() {
            return Err(format!("npm install {AUTOCORRECT} failed: {status}"));
        }
    }
    Ok(binary)
}

/// How many files AutoCorrect's JSON output says it linted.
fn autocorrect_file_count(autocorrect: &Path, dir: &str) -> Result<u64, String> {
    let output = Command::new(autocorrect)
        .args(["--lint", "--format", "json", dir])
        .output()
        .map_err(|e| format!("{}: {e}", autocorrect.display()))?;
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("AutoCorrect's JSON output did not parse: {e}"))?;
    json["count"].as_u64().ok_or_else(|| "AutoCorrect's JSON output has no \"count\"".to_string())
}

/// `cargo xtask bench [REPORTS]`.
pub(crate) fn speed(args: &[String]) -> Result<(), String> {
    let root = workspace_root();
    std::env::set_current_dir(&root).map_err(|e| e.to_string())?;
    let count = args.first().map_or("1000", String::as_str);
    let bench = root.join("target/bench");
    let corpus = std::env::temp_dir().join(format!("nianbao-bench-corpus-{count}"));
    cargo(&["build", "--release", "--quiet", "-p", "nianbao_cli"])?;
    if !corpus.exists() {
        let dir = corpus.to_string_lossy().into_owned();
        cargo(&["run", "--release", "--quiet", "-p", "tests", "--example", "bench_corpus", "--", &dir, count])?;
    }
    let autocorrect = autocorrect(&bench.join("autocorrect"))?;
    let bytes: u64 = std::fs::read_dir(&corpus)
        .map_err(|e| e.to_string())?
        .filter_map(|entry| entry.ok()?.metadata().ok())
        .map(|metadata| metadata.len())
        .sum();
    let reports: f64 = count.parse().map_err(|_| format!("not a number of reports: {count}"))?;
    let nianbao = root.join("target/release/nianbao");
    let dir = corpus.to_string_lossy().into_owned();
    let linted = autocorrect_file_count(&autocorrect, &dir)?;
    if linted as f64 != reports {
        return Err(format!(
            "AutoCorrect linted {linted} of the {count} reports in {dir}; the comparison would be void"
        ));
    }
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get).to_string();
    println!(
        "{count} generated reports, {:.1} MB, {cores} cores; median of {RUNS} runs after a warm-up\n",
        bytes as f64 / 1e6
    );
    println!("{:<44} {:>9} {:>9} {:>11} {:>10}", "command", "seconds", "MB/s", "reports/s", "peak RSS");
    let mut rows = Vec::new();
    for (name, program, command) in [
        ("nianbao check --jobs 1 (all rules)", &nianbao, vec!["check", "--jobs", "1", "--format", "json", &dir]),
        ("nianbao check (all cores)", &nianbao, vec!["check", "--format", "json", &dir]),
        ("autocorrect --lint --threads 1", &autocorrect, vec!["--lint", "--threads", "1", "--format", "json", &dir]),
        ("autocorrect --lint (all cores)", &autocorrect, vec!["--lint", "--format", "json", &dir]),
    ] {
        let (seconds, kib) = measure(program, &command)?;
        println!(
            "{name:<44} {seconds:>9.3} {:>9.1} {:>11.0} {:>7.1} MiB",
            bytes as f64 / 1e6 / seconds,
            reports / seconds,
            kib as f64 / 1024.0
        );
        rows.push(seconds);
    }
    println!(
        "\nnianbao / AutoCorrect throughput: {:.1}× on one core, {:.1}× on all cores",
        rows[2] / rows[0],
        rows[3] / rows[1]
    );
    Ok(())
}
