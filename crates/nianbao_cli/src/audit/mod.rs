//! `nianbao audit`: many reports checked at once, written as one page a
//! supervising office reads (or as CSV or JSON with the same data).
//!
//! - `data` (`nianbao_workspace::audit`, for any front end): what the page
//!   shows, built from the checked reports, and how it is written
//!   (`data::page`, `data::csv`; JSON is `data` serialised);
//! - `progress`: the bar on a terminal's standard error.

pub use nianbao_workspace::audit as data;
mod progress;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::inputs::{self, InputError};
use crate::{CheckOutcome, Reports, report_error};

/// What `nianbao audit` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditFormat {
    Html,
    Csv,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// 要审查的报告文件或文件夹。Files or folders of reports.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// 写入此文件（整体替换），而不输出到标准输出。Write here (replacing the file, atomically) instead of
    /// standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// 输出格式；默认按输出文件的扩展名（.csv、.json），否则为网页。Default: from the output's extension (.csv,
    /// .json), else html.
    #[arg(long, value_enum)]
    format: Option<AuditFormat>,
    /// 本级政府（汇总）报告：其表格应等于各报告之和。The 本级政府 (or summary) report whose tables should
    /// equal the reports' sum.
    #[arg(long)]
    parent: Option<PathBuf>,
    /// 使用此配置文件，不再查找 nianbao.toml。Use this configuration file instead of discovering nianbao.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// 只有达到此级别的检查结果才使退出码为 1。Exit 1 only for findings at or above this severity.
    #[arg(long, value_enum, default_value_t = crate::FailOn::Warning)]
    fail_on: crate::FailOn,
    /// 同时检查的文件数；默认每个处理器核心一个。Check this many files at a time. Default: one per core.
    #[arg(long, short = 'j')]
    jobs: Option<std::num::NonZeroUsize>,
}

impl AuditArgs {
    fn format(&self) -> AuditFormat {
        let extension = self.output.as_deref().and_then(Path::extension).and_then(|e| e.to_str());
        self.format.unwrap_or(match extension {
            Some(e) if e.eq_ignore_ascii_case("csv") => AuditFormat::Csv,
            Some(e) if e.eq_ignore_ascii_case("json") => AuditFormat::Json,
            _ => AuditFormat::Html,
        })
    }
}

/// Checks `paths` as `nianbao check` does and builds the audit; files that
/// cannot be read are in it with their reasons.
pub fn audit_paths(
    paths: &[PathBuf],
    config: Option<&Path>,
    parent: Option<data::Parent>,
    jobs: usize,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (data::Audit, CheckOutcome) {
    let outcome = crate::check_paths_with_progress(paths, None, config, jobs, Reports::Profile, progress);
    let audit = data::Audit::build(&outcome.results, &outcome.errors, parent);
    (audit, outcome)
}

/// Reads the parent report's tables, or says why it cannot be compared.
fn read_parent(path: &Path, config: Option<&Path>) -> Result<data::Parent, InputError> {
    let input = inputs::single_file(path)?;
    let bytes = inputs::read(&input)?;
    let (_, report, _) = crate::read_input(&input, &bytes)?;
    let config = nianbao_workspace::config::ConfigResolver::new(config)
        .for_dir(&input.config_dir)
        .map_err(|error| InputError { display: error.path, message: error.message })?;
    let profile = nianbao_rules::profile::profile(&report, &config);
    Ok(data::Parent { display: input.display, tables: profile.tables })
}

pub fn run(args: &AuditArgs) -> ExitCode {
    let parent = match args.parent.as_deref().map(|path| read_parent(path, args.config.as_deref())).transpose() {
        Ok(parent) => parent,
        Err(error) => {
            report_error(&error);
            return ExitCode::from(2);
        }
    };
    let jobs = args.jobs.map_or_else(crate::default_jobs, std::num::NonZeroUsize::get);
    let bar = progress::Progress::on_terminal();
    let (audit, outcome) = audit_paths(&args.paths, args.config.as_deref(), parent, jobs, &|done, total| {
        bar.step(done, total);
    });
    bar.finish();
    let text = match args.format() {
        AuditFormat::Html => audit.write(data::Format::Html),
        AuditFormat::Csv => audit.write(data::Format::Csv),
        AuditFormat::Json => audit.write(data::Format::Json),
    };
    let written = match &args.output {
        Some(path) => crate::write::write_atomic(path, text.as_bytes()).map(|()| {
            eprintln!(
                "wrote {}: {} report(s), {} not read",
                path.display(),
                audit.summary.reports,
                audit.summary.unreadable
            )
        }),
        None => std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes()),
    };
    if let Err(error) = written {
        let target = args.output.as_ref().map_or_else(|| "standard output".to_string(), |p| p.display().to_string());
        eprintln!("error: cannot write {target}: {error}");
        return ExitCode::from(2);
    }
    // Exit codes as `nianbao check`'s: the page lists unreadable files, and
    // the run still says that some were not read.
    outcome.errors.iter().for_each(report_error);
    crate::exit_code(&outcome, args.fail_on)
}
