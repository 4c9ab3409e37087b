//! Time spent by each rule alone over the seeds and the example (release
//! build): `cargo run --release -p tests --example rule_timing`.
use std::time::Instant;

fn main() {
    let root = tests::workspace_root();
    let mut paths: Vec<_> = std::fs::read_dir(root.join("tests/seeds")).unwrap().map(|e| e.unwrap().path()).collect();
    paths.push(root.join("examples/example-report.md"));
    let reports: Vec<_> = paths.iter().map(|p| nianbao_parser::parse_bytes(&std::fs::read(p).unwrap()).1).collect();
    let rounds = 200;
    let mut rows = Vec::new();
    for rule in nianbao_rules::RULES {
        let mut config = nianbao_rules::Config::default();
        for other in nianbao_rules::RULES {
            config.rules.insert(other.meta.code, None);
        }
        config.rules.insert(rule.meta.code, Some(nianbao_model::Severity::Info));
        let started = Instant::now();
        let mut n = 0;
        for _ in 0..rounds {
            for report in &reports {
                n += nianbao_rules::check(report, &config).len();
            }
        }
        rows.push((started.elapsed().as_secs_f64() * 1e6 / rounds as f64, rule.meta.code, n));
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = rows.iter().map(|r| r.0).sum();
    println!("sum of rules alone {total:.0} µs per corpus pass");
    let config = nianbao_rules::Config::default();
    let started = Instant::now();
    for _ in 0..rounds {
        for report in &reports {
            std::hint::black_box(nianbao_rules::check(report, &config));
        }
    }
    println!("all rules together {:.0} µs per corpus pass", started.elapsed().as_secs_f64() * 1e6 / rounds as f64);
    for (us, code, _) in rows.iter() {
        println!("{code} {us:7.1} µs");
    }
}
