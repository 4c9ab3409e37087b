//! The precision corpus (`tests/fixtures/real/`): every finding nianbao gives
//! on real published reports is triaged by hand. A finding nobody triaged, or
//! a triaged one that is gone, fails until `expectations.tsv` says what it
//! is; `cargo xtask precision` prints the figures and, with `--stubs`, the
//! lines to triage.

use nianbao_model::Severity;
use tests::precision::{self, Outcome};

fn outcome() -> Outcome {
    precision::run()
}

#[test]
fn every_finding_on_the_corpus_is_triaged_and_every_triaged_one_is_found() {
    let outcome = outcome();
    let untriaged: Vec<String> = outcome
        .findings
        .iter()
        .filter(|(_, triaged)| triaged.is_none())
        .map(|(found, _)| precision::stub(found))
        .collect();
    let lost: Vec<String> =
        outcome.lost.iter().map(|lost| format!("{}\t{}\t{}", lost.key.path, lost.key.code, lost.key.at)).collect();
    assert!(
        untriaged.is_empty() && lost.is_empty(),
        "triage these new findings in tests/fixtures/real/expectations.tsv (true or false, and why):\n{}\n\
         and remove these lines, whose findings are gone:\n{}",
        untriaged.join("\n"),
        lost.join("\n"),
    );
}

#[test]
fn no_false_error_and_at_most_one_false_warning_per_ten_reports() {
    let outcome = outcome();
    assert_eq!(precision::false_count(&outcome, Severity::Error, false), 0, "false errors on the corpus");
    let published = outcome.entries.iter().filter(|entry| entry.is_published()).count();
    let false_warnings = precision::false_count(&outcome, Severity::Warning, true);
    assert!(10 * false_warnings <= published, "{false_warnings} false warnings on {published} published reports");
}

#[test]
fn the_corpus_lists_real_files_and_the_triage_names_only_them() {
    let entries = precision::corpus();
    assert!(entries.iter().any(precision::Entry::is_published));
    for entry in &entries {
        assert!(tests::workspace_root().join(&entry.path).is_file(), "corpus.tsv: {} is no file", entry.path);
        assert!(matches!(entry.kind.as_str(), "published" | "derived"), "{}: kind {}", entry.path, entry.kind);
    }
    for triaged in precision::expectations() {
        assert!(
            entries.iter().any(|e| e.path == triaged.key.path),
            "expectations.tsv: {} is not in the corpus",
            triaged.key.path
        );
        assert!(!triaged.why.trim().is_empty(), "expectations.tsv: {:?} says no why", triaged.key);
    }
}
