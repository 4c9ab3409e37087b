//! `cargo xtask precision [--stubs]`: nianbao's findings over the precision
//! corpus (`tests/fixtures/real/`), by rule, with the share triaged true and
//! the false ones; `--stubs` prints untriaged findings as lines for
//! `expectations.tsv`, their verdict left as 「?」.

use nianbao_model::Severity;
use tests::precision;

fn main() {
    let outcome = precision::run();
    if std::env::args().any(|arg| arg == "--stubs") {
        for (found, _) in outcome.findings.iter().filter(|(_, triaged)| triaged.is_none()) {
            println!("{}", precision::stub(found));
        }
        return;
    }
    let published = outcome.entries.iter().filter(|entry| entry.is_published()).count();
    println!(
        "precision corpus: {} reports ({published} published, {} derived renderings)\n",
        outcome.entries.len(),
        outcome.entries.len() - published
    );
    println!("{:<6} {:>8} {:>6} {:>6} {:>10}", "rule", "findings", "true", "false", "untriaged");
    let rules = precision::by_rule(&outcome);
    for (code, (all, yes, no)) in &rules {
        println!("{code:<6} {all:>8} {yes:>6} {no:>6} {:>10}", all - yes - no);
    }
    let all: usize = rules.values().map(|counts| counts.0).sum();
    let yes: usize = rules.values().map(|counts| counts.1).sum();
    let no: usize = rules.values().map(|counts| counts.2).sum();
    println!("{:<6} {all:>8} {yes:>6} {no:>6} {:>10}\n", "all", all - yes - no);
    if all > 0 {
        println!("triaged true: {yes} of {all} ({:.1}%)", 100.0 * yes as f64 / all as f64);
    }
    for (severity, name) in [(Severity::Error, "errors"), (Severity::Warning, "warnings"), (Severity::Info, "infos")] {
        let everywhere = precision::false_count(&outcome, severity, false);
        let on_published = precision::false_count(&outcome, severity, true);
        let given = outcome.findings.iter().filter(|(found, _)| found.severity == severity).count();
        println!(
            "{name}: {given} given, {everywhere} false ({on_published} on published reports, {:.1} per 10 of them)",
            10.0 * on_published as f64 / published.max(1) as f64
        );
    }
    let false_ones: Vec<_> = outcome.findings.iter().filter(|(_, t)| t.as_ref().is_some_and(|t| !t.verdict)).collect();
    if !false_ones.is_empty() {
        println!("\nfalse findings:");
        for (found, triaged) in false_ones {
            let why = triaged.as_ref().map_or("", |t| t.why.as_str());
            println!("  {} {} {} ({:?}): {why}", found.key.code, found.key.path, found.key.at, found.severity);
        }
    }
    if !outcome.lost.is_empty() {
        println!("\n{} triaged findings are no longer given (remove their lines):", outcome.lost.len());
        for lost in &outcome.lost {
            println!("  {} {} {}", lost.key.code, lost.key.path, lost.key.at);
        }
    }
}
