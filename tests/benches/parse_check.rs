// Parse + check throughput over the seeds and the bundled example, in MB/s,
// with the system allocator (the library as another program embeds it).
// `parse_check_mimalloc` includes this file under the `nianbao` binary's
// allocator; `cargo bench -p tests` runs both, side by side.
// (Plain comments: an inner doc comment cannot be `include!`d.)

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nianbao_rules::Config;
use tests::workspace_root;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let seeds = workspace_root().join("tests/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(seeds).unwrap().map(|e| e.unwrap().path()).collect();
    paths.push(workspace_root().join("examples/example-report.md"));
    paths.sort();
    for path in paths {
        files.push((path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap()));
    }
    files
}

fn parse_and_check(c: &mut Criterion) {
    let files = corpus();
    let config = Config::default();
    let total: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
    // Named after the bench target, so the two allocators' results stay apart.
    let mut group = c.benchmark_group(env!("CARGO_CRATE_NAME"));
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("all seeds and example", |b| {
        b.iter(|| {
            let mut count = 0;
            for (_, bytes) in &files {
                let (_, report) = nianbao_parser::parse_bytes(std::hint::black_box(bytes));
                count += nianbao_rules::check(&report, &config).len();
            }
            count
        });
    });
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("parse only", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|(_, bytes)| nianbao_parser::parse_bytes(std::hint::black_box(bytes)).1.tables.len())
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, parse_and_check);
criterion_main!(benches);
