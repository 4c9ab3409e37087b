// Parses and checks the seeds and the example N times, for profilers:
// `valgrind --tool=callgrind target/release/examples/profile_loop 50`;
// a second argument `parse` leaves the rules out, `rules` parses only once.
fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(100);
    let root = tests::workspace_root();
    let mut paths: Vec<_> = std::fs::read_dir(root.join("tests/seeds")).unwrap().map(|e| e.unwrap().path()).collect();
    paths.push(root.join("examples/example-report.md"));
    let files: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let parse_only = std::env::args().nth(2).is_some_and(|arg| arg == "parse");
    let config = nianbao_rules::Config::default();
    let mut findings = 0;
    if std::env::args().nth(2).is_some_and(|arg| arg == "rules") {
        let reports: Vec<_> = files.iter().map(|bytes| nianbao_parser::parse_bytes(bytes).1).collect();
        for _ in 0..rounds {
            for report in &reports {
                findings += nianbao_rules::check(report, &config).len();
            }
        }
        println!("{findings}");
        return;
    }
    for _ in 0..rounds {
        for bytes in &files {
            let (_, report) = nianbao_parser::parse_bytes(bytes);
            findings += if parse_only { report.tables.len() } else { nianbao_rules::check(&report, &config).len() };
        }
    }
    println!("{findings}");
}
