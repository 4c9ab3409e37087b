//! `cargo xtask bench-detect` and `cargo xtask bench`: the detection
//! benchmark, and throughput and memory side by side with AutoCorrect.
//!
//! `bench` also times a folder of a few agencies' reports over 2019–2025
//! (each compared with last year's) beside the same reports each of an agency of
//! its own (the same defects, nothing to compare) and unrelated clean reports,
//! and then `nianbao serve` under load (8 clients for 30 s, bounded in time).
//!
//! `bench` installs AutoCorrect's CLI from the npm registry (`autocorrect-node`,
//! pinned) into `target/bench/`; it is never a project dependency. It times
//! two builds of nianbao: the plain release build and the PGO build that
//! `cargo xtask dist` makes (the binary to ship). All read the same
//! generated corpus, are warmed up once, then run nine times in turn under
//! `/usr/bin/time` (peak RSS), timed from here; medians are printed.
//!
//! The corpus lives in the system's temporary folder, not under `target/`:
//! AutoCorrect honours the `.gitignore` files of every parent folder, so in a
//! git-ignored folder it lints nothing and finishes in a millisecond. Before
//! timing, the bench checks that AutoCorrect's JSON counts every report.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cargo, exec, workspace_root};

/// AutoCorrect's npm package and version.
const AUTOCORRECT: &str = "autocorrect-node@2.14.0";
const RUNS: usize = 9;

/// `cargo xtask bench-detect [REPORTS] [SEED]`.
pub(crate) fn detect(args: &[String]) -> Result<(), String> {
    std::env::set_current_dir(workspace_root()).map_err(|e| e.to_string())?;
    let mut command = vec!["run", "--release", "--quiet", "-p", "tests", "--example", "bench_detect", "--"];
    command.extend(args.iter().map(String::as_str));
    exec(&mut cargo(&command))
}

/// The precision corpus's figures (see `tests/examples/precision.rs`).
pub(crate) fn precision(args: &[String]) -> Result<(), String> {
    std::env::set_current_dir(workspace_root()).map_err(|e| e.to_string())?;
    let mut command = vec!["run", "--quiet", "-p", "tests", "--example", "precision", "--"];
    command.extend(args.iter().map(String::as_str));
    exec(&mut cargo(&command))
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

/// For each command, the median wall time and the largest peak RSS of
/// `RUNS` runs after one warm-up. The commands take turns, run by run: this
/// machine's speed changes from one stretch of seconds to the next, and
/// runs of one command in a row would meet a different stretch from the
/// next command's.
fn measure_in_turn(commands: &[(&Path, Vec<&str>)]) -> Result<Vec<(f64, u64)>, String> {
    for (program, args) in commands {
        timed(program, args)?;
    }
    let mut seconds = vec![Vec::with_capacity(RUNS); commands.len()];
    let mut peaks = vec![0; commands.len()];
    for _ in 0..RUNS {
        for (i, (program, args)) in commands.iter().enumerate() {
            let (s, kib) = timed(program, args)?;
            seconds[i].push(s);
            peaks[i] = peaks[i].max(kib);
        }
    }
    Ok(seconds
        .into_iter()
        .zip(peaks)
        .map(|(mut runs, peak)| {
            runs.sort_by(f64::total_cmp);
            (runs[RUNS / 2], peak)
        })
        .collect())
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

/// `count` generated reports from seed `first` on (`bench_corpus`, with
/// `flags` such as `--agency-years`), in the folder `name` of the system's
/// temporary folder (see the module docs), written unless they are there
/// already.
pub(crate) fn generated_corpus(name: &str, count: &str, first: &str, flags: &[&str]) -> Result<PathBuf, String> {
    let corpus = std::env::temp_dir().join(name);
    if !corpus.exists() {
        let dir = corpus.to_string_lossy().into_owned();
        let mut args =
            vec!["run", "--release", "--quiet", "-p", "tests", "--example", "bench_corpus", "--", &dir, count, first];
        args.extend(flags);
        exec(&mut cargo(&args))?;
    }
    Ok(corpus)
}

/// The total size of the files in `dir`, in bytes.
fn folder_bytes(dir: &Path) -> Result<u64, String> {
    Ok(std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok()?.metadata().ok())
        .map(|metadata| metadata.len())
        .sum())
}

/// The processor the figures were measured on, as Linux names it: the same
/// command runs at very different speeds on the hosts a cloud VM lands on
/// ("AMD EPYC" alone covers several generations, hence family and model).
fn host_cpu() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let field = |name: &str| {
        cpuinfo.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            (key.trim() == name).then(|| value.trim().to_string())
        })
    };
    match (field("model name"), field("cpu family"), field("model"), field("cpu MHz")) {
        (Some(name), Some(family), Some(model), mhz) => {
            let clock = mhz
                .and_then(|mhz| mhz.parse::<f64>().ok())
                .map_or(String::new(), |mhz| format!(", {:.1} GHz", mhz / 1000.0));
            format!("{name} (family {family}, model {model}{clock})")
        }
        (Some(name), ..) => name,
        _ => "an unnamed processor".to_string(),
    }
}

/// `cargo xtask bench [REPORTS]`.
pub(crate) fn speed(args: &[String]) -> Result<(), String> {
    let root = workspace_root();
    std::env::set_current_dir(&root).map_err(|e| e.to_string())?;
    let count = args.first().map_or("1000", String::as_str);
    let bench = root.join("target/bench");
    exec(&mut cargo(&["build", "--release", "--quiet", "-p", "nianbao_cli"]))?;
    let shipped = crate::dist::run()?;
    let corpus = generated_corpus(&format!("nianbao-bench-corpus-{count}"), count, "0", &[])?;
    let autocorrect = autocorrect(&bench.join("autocorrect"))?;
    let bytes = folder_bytes(&corpus)?;
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
        "{count} generated reports, {:.1} MB, {cores} cores of {}; median of {RUNS} runs in turn after a warm-up\n",
        bytes as f64 / 1e6,
        host_cpu()
    );
    println!("{:<48} {:>9} {:>9} {:>11} {:>10}", "command", "seconds", "MB/s", "reports/s", "peak RSS");
    let one_core = vec!["check", "--jobs", "1", "--format", "json", &dir];
    let all_cores = vec!["check", "--format", "json", &dir];
    let rows = [
        ("nianbao check --jobs 1 (release build)", nianbao.as_path(), one_core.clone()),
        ("nianbao check (release build, all cores)", nianbao.as_path(), all_cores.clone()),
        ("nianbao check --jobs 1 (PGO build: xtask dist)", shipped.as_path(), one_core),
        ("nianbao check (PGO build, all cores)", shipped.as_path(), all_cores),
        (
            "autocorrect --lint --threads 1",
            autocorrect.as_path(),
            vec!["--lint", "--threads", "1", "--format", "json", &dir],
        ),
        ("autocorrect --lint (all cores)", autocorrect.as_path(), vec!["--lint", "--format", "json", &dir]),
    ];
    let commands: Vec<_> = rows.iter().map(|(_, program, args)| (*program, args.clone())).collect();
    let measured = measure_in_turn(&commands)?;
    for ((name, _, _), (seconds, kib)) in rows.iter().zip(&measured) {
        println!(
            "{name:<48} {seconds:>9.3} {:>9.1} {:>11.0} {:>7.1} MiB",
            bytes as f64 / 1e6 / seconds,
            reports / seconds,
            *kib as f64 / 1024.0
        );
    }
    let seconds: Vec<f64> = measured.iter().map(|(seconds, _)| *seconds).collect();
    println!(
        "\nPGO build / release build: {:.2}× on one core, {:.2}× on all cores",
        seconds[0] / seconds[2],
        seconds[1] / seconds[3]
    );
    println!(
        "nianbao (PGO build) / AutoCorrect throughput: {:.1}× on one core, {:.1}× on all cores",
        seconds[4] / seconds[2],
        seconds[5] / seconds[3]
    );
    same_agency(&nianbao, &shipped)?;
    serve_load(&nianbao)
}

/// The third table of `cargo xtask bench`: `nianbao serve` (the release
/// build) under 8 clients posting text, HTML, DOCX and PDF reports for 30 s
/// (`crates/nianbao_cli/examples/serve_load.rs`).
fn serve_load(nianbao: &Path) -> Result<(), String> {
    println!();
    let binary = nianbao.to_string_lossy().into_owned();
    exec(&mut cargo(&[
        "run",
        "--release",
        "--quiet",
        "-p",
        "nianbao_cli",
        "--example",
        "serve_load",
        "--",
        &binary,
        "30",
    ]))
}

/// Reports in the same-agency bench folder: the shape, a few
/// agencies' years 2019–2025, nine reports a year each.
const SAME_AGENCY_REPORTS: &str = "1296";

/// The second table of `cargo xtask bench`: a folder of a few agencies'
/// reports over 2019–2025 (every report has last year's beside it, most
/// have one defect), beside a folder of as many unrelated reports, checked
/// on one core with JSON output, timed in turn.
fn same_agency(nianbao: &Path, shipped: &Path) -> Result<(), String> {
    let count = SAME_AGENCY_REPORTS;
    let same = generated_corpus(&format!("nianbao-bench-agency-years-{count}"), count, "0", &["--agency-years"])?;
    // The same reports, each of an agency of its own: the same defects'
    // findings to write, and no last year's report to compare with.
    let alone =
        generated_corpus(&format!("nianbao-bench-unrelated-years-{count}"), count, "0", &["--unrelated-years"])?;
    let unrelated = generated_corpus(&format!("nianbao-bench-corpus-{count}"), count, "0", &[])?;
    let [same_dir, alone_dir, unrelated_dir] =
        [&same, &alone, &unrelated].map(|dir| dir.to_string_lossy().into_owned());
    let folders = [
        ("same agency, 2019–2025", &same_dir, folder_bytes(&same)?),
        ("unrelated, same defects", &alone_dir, folder_bytes(&alone)?),
        ("unrelated, clean", &unrelated_dir, folder_bytes(&unrelated)?),
    ];
    let mut rows = Vec::new();
    for (folder, dir, bytes) in &folders {
        for (build, program) in [("release", nianbao), ("PGO", shipped)] {
            rows.push((
                format!("{folder}: check --jobs 1 --format json ({build})"),
                program,
                vec!["check", "--jobs", "1", "--format", "json", dir.as_str()],
                *bytes,
            ));
        }
    }
    let commands: Vec<_> = rows.iter().map(|(_, program, args, _)| (*program, args.clone())).collect();
    let measured = measure_in_turn(&commands)?;
    println!(
        "\nA folder of one county's agencies over the years: {count} reports each, {:.1} MB, {:.1} MB and {:.1} MB",
        folders[0].2 as f64 / 1e6,
        folders[1].2 as f64 / 1e6,
        folders[2].2 as f64 / 1e6
    );
    println!("{:<64} {:>9} {:>9} {:>10}", "command", "seconds", "MB/s", "peak RSS");
    for ((name, _, _, bytes), (seconds, kib)) in rows.iter().zip(&measured) {
        println!("{name:<64} {seconds:>9.3} {:>9.1} {:>7.1} MiB", *bytes as f64 / 1e6 / seconds, *kib as f64 / 1024.0);
    }
    let speed = |i: usize| rows[i].3 as f64 / measured[i].0;
    println!(
        "\nsame-agency / unrelated with the same defects, throughput: {:.2} (release), {:.2} (PGO)",
        speed(0) / speed(2),
        speed(1) / speed(3)
    );
    println!(
        "same-agency / unrelated clean, throughput: {:.2} (release), {:.2} (PGO)",
        speed(0) / speed(4),
        speed(1) / speed(5)
    );
    Ok(())
}
