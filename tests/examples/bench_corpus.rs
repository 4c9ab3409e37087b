//! Writes the speed benchmark's corpus: `COUNT` generated reports (random,
//! consistent numbers), the layouts in turn — tab, pipe rows and pipe cells
//! as `.txt`, Markdown as `.md`, HTML as `.html`.
//!
//! `cargo run --release -p tests --example bench_corpus -- DIR COUNT [FIRST] [--pdf]`
//!
//! With `--pdf`, every report is a published PDF instead (`tests::pdf`).
//! With `--agency-years`, the folder holds a few agencies' reports over
//! 2019–2025, nine a year each, most with one defect
//! (`tests::generate::agency_years_report`): every report has last year's
//! beside it, as in a supervising office's archive, and carries its numbers
//! on. With `--unrelated-years`, the same reports, each of an agency of
//! its own (`tests::generate::unrelated_years_report`): the same defects,
//! and no report with last year's beside it.
//!
//! Report `n` is drawn from seed `n`, for `n` from `FIRST` (default 0): the
//! profile `cargo xtask dist` trains on starts far above any bench corpus,
//! so that the build is never tuned to the very reports it is timed on.

use tests::generate::{
    Layout, ProseFacts, Rng, agency_years_report, consistent_values, render, report_markdown, unrelated_years_report,
};

fn main() {
    let pdf = std::env::args().any(|arg| arg == "--pdf");
    let agency_years = std::env::args().any(|arg| arg == "--agency-years");
    let unrelated_years = std::env::args().any(|arg| arg == "--unrelated-years");
    let mut args = std::env::args().skip(1).filter(|arg| !arg.starts_with("--"));
    let dir = std::path::PathBuf::from(args.next().expect("usage: bench_corpus DIR COUNT"));
    let count: u64 = args.next().and_then(|a| a.parse().ok()).expect("usage: bench_corpus DIR COUNT [FIRST]");
    let first: u64 = args.next().map_or(0, |a| a.parse().expect("FIRST is a number"));
    std::fs::create_dir_all(&dir).unwrap();
    let mut bytes = 0;
    for n in first..first + count {
        if agency_years || unrelated_years {
            let (text, extension) = if agency_years { agency_years_report(n) } else { unrelated_years_report(n) };
            bytes += text.len();
            std::fs::write(dir.join(format!("report-{n:04}.{extension}")), text).unwrap();
            continue;
        }
        let values = consistent_values(&mut Rng::new(n));
        let markdown = report_markdown(&values, ProseFacts::of(&values), 2025, &format!("某某县第{n}局"));
        let layout = if pdf { Layout::Pdf } else { Layout::ALL[n as usize % Layout::ALL.len()] };
        let extension = match layout {
            Layout::Markdown => "md",
            Layout::Html => "html",
            Layout::Pdf => "pdf",
            _ => "txt",
        };
        let text = render(&markdown, layout).expect("generated tables are template-shaped");
        bytes += text.len();
        std::fs::write(dir.join(format!("report-{n:04}.{extension}")), text).unwrap();
    }
    println!("{count} reports, {bytes} bytes in {}", dir.display());
}
