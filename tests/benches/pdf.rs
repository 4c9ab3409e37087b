// Reading a published PDF and checking it, one core: a 12-page report
// typeset as WPS and Word export one (the example report with its section
// 一 grown to fill the pages), its text layer read by glyph position,
// projected, parsed and checked by every rule. The target is < 50 ms.
// `cargo bench -p tests --bench pdf`.

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao_rules::Config;
use tests::pdf::{Style, grown_to_pages, report_pdf};
use tests::workspace_root;

/// The example report grown to twelve pages.
fn twelve_pages() -> (String, usize) {
    let example = std::fs::read_to_string(workspace_root().join("examples/example-report.md")).unwrap();
    let pdf = report_pdf(&grown_to_pages(&example, 12), Style::default()).unwrap();
    let pages = nianbao_parser::pdf::read(pdf.as_bytes()).pages;
    (pdf, pages)
}

fn read_and_check(c: &mut Criterion) {
    let (pdf, pages) = twelve_pages();
    let config = Config::default();
    let mut group = c.benchmark_group("pdf");
    group.bench_function(format!("read and check a {pages}-page report"), |b| {
        b.iter(|| {
            let (_, report) = nianbao_parser::parse_pdf_bytes(std::hint::black_box(pdf.as_bytes()));
            nianbao_rules::check(&report, &config).len()
        });
    });
    group.bench_function(format!("read a {pages}-page report's text layer"), |b| {
        b.iter(|| nianbao_parser::pdf::read(std::hint::black_box(pdf.as_bytes())).text.len());
    });
    group.finish();
}

criterion_group!(benches, read_and_check);
criterion_main!(benches);
