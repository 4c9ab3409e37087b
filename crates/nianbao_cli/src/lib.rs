//! The `nianbao` command: IO, arguments and output formats around the pure
//! core (`nianbao_parser`, `nianbao_rules`).
//!
//! Exit codes: 0 — no finding at or above `--fail-on`; 1 — findings; 2 — a
//! usage, IO or configuration error (named with its file; other files are
//! still checked).

pub mod audit;
pub use nianbao_workspace::render::export;
pub mod generate;
pub use nianbao_workspace::inputs;
pub use nianbao_workspace::render;
pub mod rewrite;
pub mod write;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use nianbao_model::Severity;
use nianbao_rules::{Config, t};

use nianbao_workspace::Source;
use nianbao_workspace::config::{ConfigResolver, process_lang};
use nianbao_workspace::related::{self, FolderIndex};

use crate::inputs::{Input, InputError};
use crate::render::{Checked, Origin};

#[derive(Debug, Parser)]
#[command(
    name = "nianbao",
    version,
    about = "检查政府信息公开工作年度报告 · Lint government information disclosure annual reports"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// 检查结果及各项提示的语言：zh（中文，默认）或 en。The language of findings and their help: zh (Chinese, the default)
    /// or en. Also NIANBAO_LANG, or `lang` in nianbao.toml.
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    /// 中文（默认）
    Zh,
    /// English
    En,
}

impl From<LangArg> for nianbao_rules::Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Zh => nianbao_rules::Lang::Zh,
            LangArg::En => nianbao_rules::Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 检查报告：文件、文件夹或 - （标准输入）。Check reports: files, folders (walked for .txt, .md, .markdown, .html,
    /// .htm, .docx and .pdf), or - for stdin.
    Check(CheckArgs),
    /// 以 JSON 输出报告的基本信息、各部分和表格数值。Print a report's metadata, sections and table values as JSON.
    Export(ExportArgs),
    /// 应用修正（默认只应用可自动修正；--unsafe 应用全部）。Apply fixes to reports (safe ones; --unsafe for the rest),
    /// writing each file atomically.
    Fix {
        /// 要修正的文件或文件夹；默认为当前文件夹。Files or folders; default: the current folder.
        paths: Vec<PathBuf>,
        /// 同时应用会改动或补写事实（数字、表格）的修正。Also apply fixes that change or invent a fact (a number, a
        /// table).
        #[arg(long = "unsafe")]
        include_unsafe: bool,
        /// 以统一差异格式显示将作的改动，不写入文件。Print what would change as a unified diff; write nothing.
        #[arg(long)]
        diff: bool,
        /// 使用此配置文件，不再查找 nianbao.toml。Use this configuration file instead of discovering nianbao.toml.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// 按模板重排表格和标题，正文不动。Rewrite tables as aligned GFM tables and headings as the template writes them;
    /// prose is untouched.
    Fmt {
        /// 要重排的文件或文件夹；默认为当前文件夹。Files or folders; default: the current folder.
        paths: Vec<PathBuf>,
        /// 只列出将会改动的文件（有则退出码为 1），不写入文件。List the files that would change and exit 1 if any;
        /// write nothing.
        #[arg(long)]
        check: bool,
        /// 以统一差异格式显示将作的改动，不写入文件。Print what would change as a unified diff; write nothing.
        #[arg(long)]
        diff: bool,
    },
    /// 生成年度报告框架（Markdown）。Write a new report skeleton in Markdown: headings, tables with zeros, hints.
    New {
        /// 报告年度。The year reported on.
        #[arg(long)]
        year: i32,
        /// 报告机关：「某某市某某局」。The reporting body: 「某某市某某局」.
        #[arg(long)]
        agency: String,
        /// 报告机关的层级，决定公开期限。The reporting body's level, which sets the deadline.
        #[arg(long, value_enum, default_value_t = LevelArg::Department)]
        level: LevelArg,
        /// 写入此文件（不覆盖已有文件），而不输出到标准输出。Write to this file (never replacing one) instead of
        /// standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// 批量审查多份报告，生成一个网页（或 CSV、JSON）。Audit many reports at once: one HTML page (or CSV, JSON) with
    /// counts, charts, every finding and the roll-up.
    Audit(audit::AuditArgs),
    /// 汇总多份报告的表二、表三、表四；加 --parent 时核对汇总报告。Sum tables 二, 三 and 四 over reports; with
    /// --parent, check that report against the sum (rule C004).
    Aggregate {
        /// 本级政府（或汇总）报告，其各项数字须等于各报告之和。The 本级政府 (or summary) report whose figures must equal
        /// the sum.
        #[arg(long)]
        parent: Option<PathBuf>,
        /// 要合计的报告。The reports to add up.
        #[arg(required = true)]
        children: Vec<PathBuf>,
    },
    /// 说明一条规则：检查什么、为什么、示例。Explain one rule: what it checks, why, and an example.
    Rule {
        /// 规则代码（如 T303）或名称（如 row-total）。A code such as T303, or a name such as row-total.
        code: String,
    },
    /// 列出全部规则。List every rule.
    Rules,
    /// 提供在线检查网页和 HTTP 接口。Serve a checker page and an HTTP API (POST /api/check, /api/export, /api/view,
    /// /api/fix, /api/audit; GET /api/rules, /api/limits, /healthz).
    Serve {
        /// 监听地址；设为 127.0.0.1 以外的地址，其他机器才能访问。Where to listen; another machine can reach it only if
        /// told an address other than 127.0.0.1.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// 可接受的报告大小上限，单位为字节（超过则答复 413）。The largest report accepted, in bytes (a larger one gets
        /// 413).
        #[arg(long, default_value_t = 20 * 1024 * 1024)]
        max_upload: usize,
        /// 每份报告都使用此配置文件（默认使用内置配置）。Use this configuration file for every report (default: the
        /// built-in configuration).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// 为编辑器提供语言服务（LSP）。Serve the Language Server Protocol over stdin/stdout (for editors).
    Lsp {
        /// 为兼容会传入此参数的编辑器而保留；只支持标准输入输出。Accepted for editors that pass it; stdio is the only
        /// transport.
        #[arg(long)]
        stdio: bool,
    },
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// 要检查的文件或文件夹，- 表示读取标准输入；默认为当前文件夹。Files or folders to check; `-` reads standard
    /// input. Default: the current folder.
    paths: Vec<PathBuf>,
    /// 输出格式：human（终端阅读）、json、sarif 或 github。The output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// 只有达到此级别的检查结果才使退出码为 1。Exit 1 only for findings at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// 标准输入所用的文件名（显示在结果中，并从其所在文件夹查找 nianbao.toml）。The file name to report (and to find
    /// nianbao.toml from) for standard input.
    #[arg(long)]
    stdin_filename: Option<PathBuf>,
    /// 使用此配置文件，不再查找 nianbao.toml。Use this configuration file instead of discovering nianbao.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// 何时为终端输出着色。When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
    /// 同时检查的文件数；默认每个处理器核心一个。Check this many files at a time. Default: one per core.
    #[arg(long, short = 'j')]
    jobs: Option<std::num::NonZeroUsize>,
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// 要导出的报告，- 表示读取标准输入。The report to export; `-` reads standard input.
    file: PathBuf,
    /// 输出格式。The output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    format: ExportFormat,
    /// 使用此配置文件，不再查找 nianbao.toml。Use this configuration file instead of discovering nianbao.toml.
    #[arg(long)]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LevelArg {
    /// 县级以上人民政府部门（1月31日前公开）。A 县级以上人民政府部门 (publishes by 1月31日).
    Department,
    /// 本级政府的报告（3月31日前公开）。The 本级政府 report (publishes by 3月31日).
    Government,
    /// 乡镇人民政府或街道办事处。A 乡镇人民政府 or 街道办事处.
    Township,
}

impl From<LevelArg> for nianbao_rules::Level {
    fn from(level: LevelArg) -> Self {
        match level {
            LevelArg::Department => Self::Department,
            LevelArg::Government => Self::Government,
            LevelArg::Township => Self::Township,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExportFormat {
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The severity at or above which a finding fails the run.
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// Runs the command line; returns the process exit code.
pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    if let Err(error) = nianbao_workspace::config::lang_from_env() {
        eprintln!("error: {error}");
        return ExitCode::from(2);
    }
    nianbao_workspace::config::choose_lang(cli.lang.map(Into::into));
    match cli.command {
        Command::Check(args) => check(&args),
        Command::Export(args) => export(&args),
        Command::Fix { paths, include_unsafe, diff, config } => rewrite::run(
            &paths,
            config.as_deref(),
            rewrite::Rewrite::Fix { include_unsafe },
            rewrite::Output { diff, check: false },
        ),
        Command::Fmt { paths, check, diff } => {
            rewrite::run(&paths, None, rewrite::Rewrite::Format, rewrite::Output { diff, check })
        }
        Command::New { year, agency, level, output } => {
            generate::new_report(year, &agency, level.into(), output.as_deref())
        }
        Command::Audit(args) => audit::run(&args),
        Command::Aggregate { parent, children } => generate::aggregate(parent.as_deref(), &children),
        Command::Rule { code } => rule(&code),
        Command::Rules => rules(),
        Command::Serve { addr, max_upload, config } => serve(addr, max_upload, config.as_deref()),
        Command::Lsp { .. } => match nianbao_lsp::run_stdio() {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!(
                    "{}",
                    t!(
                        process_lang(),
                        "error: cannot start the language server: {error}",
                        "错误：无法启动语言服务：{error}"
                    )
                );
                ExitCode::from(2)
            }
        },
    }
}

/// Prints an error naming its file, in the language of the run:
/// 「error: a.pdf: …」, 「错误：a.pdf：…」.
pub(crate) fn report_error(error: &InputError) {
    eprintln!("{}", error.line(process_lang()));
}

/// 「error: cannot write output: …」 in the language of the run.
fn cannot_write_output(error: &std::io::Error) -> String {
    t!(process_lang(), "error: cannot write output: {error}", "错误：无法输出结果：{error}").into_string()
}

/// One input, checked.
struct CheckedInput {
    /// What is shown; its `report` is not set yet.
    checked: Checked,
    /// The report the input was parsed into.
    report: nianbao_model::Report,
    /// Problems finding the reports it is compared with.
    problems: Vec<InputError>,
}

/// Reads an input's bytes as its format says (see [`nianbao_workspace::read`]):
/// the text nianbao shows, the report, and how the two relate. A file that
/// cannot be read as a report is an error naming it.
pub(crate) fn read_input(input: &Input, bytes: &[u8]) -> Result<(String, nianbao_model::Report, Origin), InputError> {
    let source = Source::Bytes { bytes, format: inputs::format(input, bytes), file: input_file(input) };
    nianbao_workspace::read(source, process_lang())
        .map(|read| (read.text, read.report, read.origin))
        .map_err(|message| InputError { display: input.display.clone(), message })
}

/// The file an input was read from; `None` for standard input.
fn input_file(input: &Input) -> Option<&Path> {
    match &input.source {
        inputs::Source::File(path) => Some(path.as_path()),
        inputs::Source::Stdin => None,
    }
}

/// Parses and checks one input, read into `bytes`, with the reports it is
/// compared with: the workspace's one pipeline ([`nianbao_workspace::analyse`]).
fn check_input(
    input: &Input,
    bytes: Result<Vec<u8>, InputError>,
    resolver: &mut ConfigResolver,
    index: &std::sync::Mutex<FolderIndex>,
    with_profile: bool,
) -> Result<CheckedInput, InputError> {
    let config: Config = resolver
        .for_dir(&input.config_dir)
        .map_err(|error| InputError { display: error.path, message: error.message })?;
    let bytes = bytes?;
    let source = Source::Bytes { bytes: &bytes, format: inputs::format(input, &bytes), file: input_file(input) };
    let analysed = nianbao_workspace::analyse(source, &config, index, None)
        .map_err(|message| InputError { display: input.display.clone(), message })?;
    let problems = analysed
        .related
        .problems
        .iter()
        .map(|problem| InputError { display: input.display.clone(), message: problem.clone() })
        .collect();
    let mut checked = analysed.into_checked(input.display.clone());
    let report = checked.report.take().expect("a checked file keeps its report");
    checked.profile = with_profile.then(|| Box::new(nianbao_rules::profile::profile(&report, &config)));
    Ok(CheckedInput { checked, report, problems })
}

/// What checking a set of paths gave.
#[derive(Debug, Default)]
pub struct CheckOutcome {
    pub results: Vec<Checked>,
    /// Inputs that could not be checked, each naming its file.
    pub errors: Vec<InputError>,
    /// Files found in folders that do not look like annual reports.
    pub skipped: usize,
}

/// Checks files and folders (`-` is stdin) as `nianbao check` does, without
/// printing: the pipeline `cargo xtask lint` shares with the command. Uses
/// one thread per core.
pub fn check_paths(paths: &[PathBuf], stdin_filename: Option<&Path>, config: Option<&Path>) -> CheckOutcome {
    check_paths_with_jobs(paths, stdin_filename, config, default_jobs(), Reports::Keep)
}

/// `work` on each of `inputs`, on `threads` threads that each take the next
/// input not yet taken and keep their own `state` (made by `new_state`);
/// the results come back in input order. One thread is the calling one: a
/// thread of its own would start with an empty heap, and leave its memory
/// to be reclaimed when it ends.
fn each_input<S, T: Send>(
    inputs: &[Input],
    threads: usize,
    new_state: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, usize, &Input) -> T + Sync,
) -> Vec<T> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let thread = || {
        let mut state = new_state();
        // Each thread's share, so that the list never grows.
        let mut done = Vec::with_capacity(inputs.len().div_ceil(threads));
        loop {
            let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(input) = inputs.get(at) else { return done };
            done.push((at, work(&mut state, at, input)));
        }
    };
    let mut done = if threads <= 1 {
        thread()
    } else {
        std::thread::scope(|scope| {
            let threads: Vec<_> = (0..threads).map(|_| scope.spawn(thread)).collect();
            threads
                .into_iter()
                .flat_map(|thread| thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        })
    };
    done.sort_by_key(|(at, _)| *at);
    done.into_iter().map(|(_, result)| result).collect()
}

/// An input's bytes (or why they could not be read), until a thread takes them to check.
type ReadSlot = std::sync::Mutex<Option<Result<Vec<u8>, InputError>>>;

/// Each input's bytes, read on `threads` threads (each slot is taken by the
/// thread that checks the input), and the heads the folder index would read
/// off the files among them: reading a folder's files once, not once for
/// the check and again for the index, saves a system call or three a file.
fn read_all(found: &[Input], threads: usize) -> (Vec<ReadSlot>, Vec<(PathBuf, related::Head)>) {
    let read = each_input(
        found,
        threads,
        || (),
        |(), _, input| {
            let bytes = inputs::read(input);
            let head = match (&input.source, &bytes) {
                (inputs::Source::File(path), Ok(bytes)) if related::is_indexed(path) => {
                    Some((path.clone(), related::head_of_file(path, bytes)))
                }
                _ => None,
            };
            (bytes, head)
        },
    );
    let mut heads = Vec::new();
    let slots = read
        .into_iter()
        .map(|(bytes, head)| {
            heads.extend(head);
            std::sync::Mutex::new(Some(bytes))
        })
        .collect();
    (slots, heads)
}

/// Whether checking keeps each parsed report in its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reports {
    /// For what shows the report (`export`, tests).
    Keep,
    /// As [`Reports::Drop`], keeping each report's profile (agency, dates,
    /// headline figures, tables for a roll-up) for `nianbao audit`.
    Profile,
    /// Each report is dropped by the thread that parsed it, once the file is
    /// checked: output needs only the text, diagnostics and origin. Holding
    /// every report of a folder until the end doubled the memory of checking
    /// it, and left the main thread to free them all, across threads. So is
    /// what output does not read (see [`Checked::shed_unshown`]).
    Drop,
}

/// One thread per core, as the machine reports it.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// [`check_paths`] on `jobs` threads. The inputs are read first (see
/// `read_all`); then each thread takes the next unchecked file and keeps
/// its own configuration cache. They share the index of reports in each
/// folder (last year's report is looked for there), which knows the heads of
/// the inputs already. Results come back in path order, so output does not
/// depend on `jobs`.
pub fn check_paths_with_jobs(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    config: Option<&Path>,
    jobs: usize,
    reports: Reports,
) -> CheckOutcome {
    check_paths_with_progress(paths, stdin_filename, config, jobs, reports, &|_, _| {})
}

/// [`check_paths_with_jobs`], calling `progress(done, total)` from the
/// checking threads each time an input has been checked.
pub fn check_paths_with_progress(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    config: Option<&Path>,
    jobs: usize,
    reports: Reports,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> CheckOutcome {
    let (found, errors) = inputs::collect(paths, stdin_filename);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let threads = jobs.clamp(1, found.len().max(1));
    let (read, heads) = read_all(&found, threads);
    let mut index = FolderIndex::for_unchanging_files();
    heads.into_iter().for_each(|(path, head)| index.remember(path, head));
    let index = std::sync::Mutex::new(index);
    let checked = each_input(
        &found,
        threads,
        || ConfigResolver::new(config),
        |resolver, at, input| {
            // Each index is handed out once, so its slot is always full.
            let bytes = read[at].lock().unwrap_or_else(|p| p.into_inner()).take().expect("each input is checked once");
            let checked = check_input(input, bytes, resolver, &index, reports == Reports::Profile).map(|mut input| {
                let looks_like_report = input.report.looks_like_report();
                match reports {
                    Reports::Keep => input.checked.report = Some(input.report),
                    Reports::Drop | Reports::Profile => input.checked.shed_unshown(),
                }
                (input.checked, input.problems, looks_like_report)
            });
            progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, found.len());
            checked
        },
    );
    let mut outcome = CheckOutcome { results: Vec::with_capacity(checked.len()), errors, skipped: 0 };
    for (input, result) in found.iter().zip(checked) {
        match result {
            Ok((checked, problems, true)) => {
                outcome.results.push(checked);
                outcome.errors.extend(problems);
            }
            Ok(_) if !input.explicit => outcome.skipped += 1,
            Ok((checked, _, false)) => outcome.errors.push(InputError {
                display: input.display.clone(),
                message: t!(
                    checked.lang,
                    "not an annual report: no title, statutory section heading or table label found",
                    "不是政府信息公开工作年度报告：未找到标题、法定部分标题或统计表栏目"
                )
                .into_string(),
            }),
            Err(error) => outcome.errors.push(error),
        }
    }
    outcome
}

fn check(args: &CheckArgs) -> ExitCode {
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() };
    let jobs = args.jobs.map_or_else(default_jobs, std::num::NonZeroUsize::get);
    let outcome =
        check_paths_with_jobs(&paths, args.stdin_filename.as_deref(), args.config.as_deref(), jobs, Reports::Drop);
    // Nothing read at all: the errors say why, and 「Checked 0 reports: no
    // problems found.」 above them would say the opposite.
    let nothing_read = outcome.results.is_empty() && !outcome.errors.is_empty();
    if nothing_read && matches!(args.format, OutputFormat::Human) {
        outcome.errors.iter().for_each(report_error);
        return exit_code(&outcome, args.fail_on);
    }
    if let Err(error) = write_results(args, &outcome.results) {
        eprintln!("{}", cannot_write_output(&error));
        return ExitCode::from(2);
    }
    if outcome.skipped > 0 && matches!(args.format, OutputFormat::Human) {
        let skipped = outcome.skipped;
        eprintln!(
            "{}",
            t!(
                process_lang(),
                "note: skipped {skipped} file(s) that do not look like annual reports",
                "提示：跳过了{skipped}个看来不是年度报告的文件"
            )
        );
    }
    outcome.errors.iter().for_each(report_error);
    exit_code(&outcome, args.fail_on)
}

/// `check`'s (and `audit`'s) exit code: 2 if an input could not be checked,
/// else 1 if a finding is at `fail_on` or above, else 0.
fn exit_code(outcome: &CheckOutcome, fail_on: FailOn) -> ExitCode {
    if !outcome.errors.is_empty() {
        return ExitCode::from(2);
    }
    let failing = fail_on.threshold().is_some_and(|threshold| {
        outcome.results.iter().flat_map(|result| &result.diagnostics).any(|d| d.severity >= threshold)
    });
    if failing { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn write_results(args: &CheckArgs, results: &[Checked]) -> std::io::Result<()> {
    let text = match args.format {
        OutputFormat::Human => {
            let choice = match args.color {
                ColorWhen::Always => ColorChoice::Always,
                ColorWhen::Never => ColorChoice::Never,
                ColorWhen::Auto if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() => {
                    ColorChoice::Auto
                }
                ColorWhen::Auto => ColorChoice::Never,
            };
            let mut stdout = StandardStream::stdout(choice);
            return render::human::render(results, &mut stdout);
        }
        OutputFormat::Json => {
            return render::json::render_to(results, &mut std::io::stdout().lock());
        }
        OutputFormat::Sarif => render::sarif::render(results),
        OutputFormat::Github => render::github::render(results),
    };
    std::io::stdout().lock().write_all(text.as_bytes())
}

fn export(args: &ExportArgs) -> ExitCode {
    let ExportFormat::Json = args.format;
    let input = match inputs::single_file(&args.file) {
        Ok(input) => input,
        Err(error) => {
            report_error(&error);
            return ExitCode::from(2);
        }
    };
    let mut resolver = ConfigResolver::new(args.config.as_deref());
    match check_input(
        &input,
        inputs::read(&input),
        &mut resolver,
        &std::sync::Mutex::new(FolderIndex::default()),
        false,
    ) {
        Ok(CheckedInput { checked, report, problems }) => {
            problems.iter().for_each(report_error);
            let json = export::render(&checked, &report);
            match std::io::stdout().lock().write_all(json.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("{}", cannot_write_output(&error));
                    ExitCode::from(2)
                }
            }
        }
        Err(error) => {
            report_error(&error);
            ExitCode::from(2)
        }
    }
}

fn rule(code: &str) -> ExitCode {
    match nianbao_rules::lookup(code) {
        Some(rule) => {
            print!("{}", nianbao_rules::docs::rule_markdown_in(&rule.meta, process_lang()));
            ExitCode::SUCCESS
        }
        None => {
            let list = "nianbao rules";
            eprintln!(
                "{}",
                t!(
                    process_lang(),
                    "error: unknown rule `{code}`; `{list}` lists them",
                    "错误：没有规则 `{code}`；`{list}` 列出全部规则"
                )
            );
            ExitCode::from(2)
        }
    }
}

fn serve(addr: std::net::SocketAddr, max_upload: usize, config: Option<&Path>) -> ExitCode {
    let config = match ConfigResolver::new(config).for_dir(Path::new(".")) {
        Ok(config) => config,
        Err(error) => {
            report_error(&InputError { display: error.path, message: error.message });
            return ExitCode::from(2);
        }
    };
    let limits = nianbao_server::Limits { max_upload, ..nianbao_server::Limits::default() };
    match nianbao_server::run(addr, limits, config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "{}",
                t!(process_lang(), "error: cannot serve on {addr}: {error}", "错误：无法在 {addr} 提供服务：{error}")
            );
            ExitCode::from(2)
        }
    }
}

fn rules() -> ExitCode {
    for rule in nianbao_rules::RULES {
        let meta = &rule.meta;
        let severity = meta.default_severity.map_or("off", |s| s.as_str());
        match process_lang() {
            nianbao_rules::Lang::Zh => {
                println!("{}  {:<28} {:<8} {}：{}", meta.code, meta.name, severity, meta.title, meta.summary_zh);
            }
            nianbao_rules::Lang::En => println!("{}  {:<28} {:<8} {}", meta.code, meta.name, severity, meta.summary),
        }
    }
    ExitCode::SUCCESS
}
