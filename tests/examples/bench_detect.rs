//! The detection benchmark (`cargo xtask bench-detect`): valid generated
//! reports in every layout, and one mutation of each kind per report. Prints
//! recall (mutations found with the right code at the right place) and
//! false alarms on the unmutated reports, per layout.
//!
//! `cargo run --release -p tests --example bench_detect [REPORTS] [SEED]`

use std::collections::BTreeMap;

use nianbao_model::Severity;
use tests::generate::{
    Layout, Mutation, ProseFacts, Rng, check, consistent_values, detects, render, report_markdown, searchable,
};

#[derive(Default)]
struct Tally {
    found: usize,
    tried: usize,
    missed: Vec<String>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let reports: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2026);
    let mut recall: BTreeMap<(&str, &str), Tally> = BTreeMap::new();
    let mut false_errors: BTreeMap<&str, (usize, usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for n in 0..reports {
        let mut rng = Rng::new(seed + n);
        let values = consistent_values(&mut rng);
        let mutations = Mutation::one_of_each(&mut rng);
        let clean = report_markdown(&values, ProseFacts::of(&values), 2025, "某某市某某局");
        for layout in Layout::ALL.into_iter().chain([Layout::Pdf, Layout::PdfWps, Layout::Crawler]) {
            let text = render(&clean, layout).expect("generated tables are template-shaped");
            let (findings, _) = check(&text, layout);
            let entry = false_errors.entry(layout.name()).or_default();
            entry.0 += findings.iter().filter(|f| f.severity == Severity::Error).count();
            entry.1 += findings.iter().filter(|f| f.severity == Severity::Warning).count();
            for finding in findings.iter().filter(|f| f.severity >= Severity::Warning) {
                *entry.2.entry(finding.code.clone()).or_default() += 1;
            }
            for mutation in &mutations {
                let tally = recall.entry((layout.name(), mutation.kind())).or_default();
                let Some((text, marker)) = mutation.apply(&values, layout) else { continue };
                tally.tried += 1;
                let (findings, cells) = check(&text, layout);
                if detects(mutation, &searchable(&text, layout), marker.as_deref(), &findings, &cells) {
                    tally.found += 1;
                } else if tally.missed.len() < 3 {
                    let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
                    tally.missed.push(format!("seed {}: {mutation:?} → {codes:?}", seed + n));
                }
            }
        }
    }
    println!("detection benchmark: {reports} generated reports × {} layouts, seed {seed}\n", Layout::ALL.len() + 3);
    println!("{:<11} {:<22} {:>7} {:>9}", "layout", "mutation", "recall", "found");
    for ((layout, kind), tally) in &recall {
        if tally.tried == 0 {
            continue; // a mutation the layout cannot hold (PDF: a renamed label, a dropped cell)
        }
        let percent = 100.0 * tally.found as f64 / tally.tried.max(1) as f64;
        println!("{layout:<11} {kind:<22} {percent:>6.1}% {:>4}/{:<4}", tally.found, tally.tried);
        for missed in &tally.missed {
            println!("    missed {missed}");
        }
    }
    println!("\n{:<11} {:>13} {:>15}", "layout", "false errors", "false warnings");
    for (layout, (errors, warnings, codes)) in &false_errors {
        println!("{layout:<11} {errors:>13} {warnings:>15}  {codes:?}");
    }
}
