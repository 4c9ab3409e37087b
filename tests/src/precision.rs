//! The precision corpus: real published reports (and renderings of them in
//! the other formats nianbao reads), every finding on them triaged by hand.
//!
//! `tests/fixtures/real/corpus.tsv` lists the reports; `expectations.tsv`
//! holds one line per finding: where, which rule, whether it is true, and
//! why. `tests/tests/precision.rs` fails on a finding nobody triaged and on a
//! triaged one that is gone; `cargo xtask precision` prints the figures.

use std::collections::BTreeMap;
use std::path::PathBuf;

use nianbao_model::Severity;

use crate::workspace_root;

/// One report of the corpus, as `corpus.tsv` describes it.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Relative to the repository root.
    pub path: String,
    /// `published` (as the agency published it) or `derived` (a published
    /// report rendered in another format by this repository's writers).
    pub kind: String,
    pub agency: String,
    pub level: String,
    pub year: String,
    pub layout: String,
    pub source: String,
}

impl Entry {
    pub fn is_published(&self) -> bool {
        self.kind == "published"
    }
}

/// A finding's place and rule: what a triage line is matched on.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub path: String,
    pub code: String,
    /// 「line:column」, 1-based, the column in characters.
    pub at: String,
}

/// A finding nianbao gives on the corpus.
#[derive(Clone, Debug)]
pub struct Found {
    pub key: Key,
    pub severity: Severity,
    pub message: String,
}

/// A hand-triaged finding.
#[derive(Clone, Debug)]
pub struct Triaged {
    pub key: Key,
    pub verdict: bool,
    pub why: String,
}

/// The corpus's findings against the triage.
#[derive(Debug, Default)]
pub struct Outcome {
    pub entries: Vec<Entry>,
    /// Each finding with its triage, if it has one.
    pub findings: Vec<(Found, Option<Triaged>)>,
    /// Triaged findings nianbao no longer gives.
    pub lost: Vec<Triaged>,
}

fn real_dir() -> PathBuf {
    workspace_root().join("tests/fixtures/real")
}

/// The data lines of a TSV file (after its header and `#` comments), split.
fn rows(name: &str) -> Vec<Vec<String>> {
    let path = real_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect()
}

pub fn corpus() -> Vec<Entry> {
    rows("corpus.tsv")
        .into_iter()
        .map(|cells| {
            assert_eq!(cells.len(), 7, "corpus.tsv: 7 columns: {cells:?}");
            let mut cells = cells.into_iter();
            let mut next = || cells.next().unwrap_or_default();
            Entry {
                path: next(),
                kind: next(),
                agency: next(),
                level: next(),
                year: next(),
                layout: next(),
                source: next(),
            }
        })
        .collect()
}

pub fn expectations() -> Vec<Triaged> {
    rows("expectations.tsv")
        .into_iter()
        .map(|cells| {
            assert_eq!(
                cells.len(),
                5,
                "expectations.tsv: 5 columns (path, code, line:column, verdict, why): {cells:?}"
            );
            let verdict = match cells[3].as_str() {
                "true" => true,
                "false" => false,
                other => panic!("expectations.tsv: verdict is true or false, not {other:?}"),
            };
            let key = Key { path: cells[0].clone(), code: cells[1].clone(), at: cells[2].clone() };
            Triaged { key, verdict, why: cells[4].clone() }
        })
        .collect()
}

/// 「line:column」 of byte `offset` in `text`.
fn place(text: &str, offset: usize) -> String {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
    format!("{line}:{column}")
}

/// Checks every report of the corpus as `nianbao check` does (default
/// configuration) and matches the findings with the triage.
pub fn run() -> Outcome {
    let entries = corpus();
    let paths: Vec<PathBuf> = entries.iter().map(|entry| workspace_root().join(&entry.path)).collect();
    let outcome = nianbao_cli::check_paths(&paths, None, None);
    assert!(outcome.errors.is_empty(), "corpus reports that could not be read: {:?}", outcome.errors);
    let mut found = Vec::new();
    for entry in &entries {
        // Results come back in the order the checker walks its inputs.
        let full = workspace_root().join(&entry.path);
        let checked = outcome
            .results
            .iter()
            .find(|checked| std::path::Path::new(&checked.display) == full)
            .unwrap_or_else(|| panic!("{}: not checked", entry.path));
        for diagnostic in &checked.diagnostics {
            let at = place(&checked.text, diagnostic.primary.span.start);
            found.push(Found {
                key: Key { path: entry.path.clone(), code: diagnostic.code.clone(), at },
                severity: diagnostic.severity,
                message: diagnostic.message.clone(),
            });
        }
    }
    // Matched as multisets: two findings of a rule at one place take two lines.
    let mut triage: BTreeMap<Key, Vec<Triaged>> = BTreeMap::new();
    for triaged in expectations() {
        triage.entry(triaged.key.clone()).or_default().push(triaged);
    }
    let findings = found
        .into_iter()
        .map(|found| {
            let triaged = triage.get_mut(&found.key).and_then(|list| (!list.is_empty()).then(|| list.remove(0)));
            (found, triaged)
        })
        .collect();
    let lost = triage.into_values().flatten().collect();
    Outcome { entries, findings, lost }
}

/// Per rule: (findings, triaged true, triaged false).
pub fn by_rule(outcome: &Outcome) -> BTreeMap<String, (usize, usize, usize)> {
    let mut rules: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for (found, triaged) in &outcome.findings {
        let counts = rules.entry(found.key.code.clone()).or_default();
        counts.0 += 1;
        match triaged.as_ref().map(|t| t.verdict) {
            Some(true) => counts.1 += 1,
            Some(false) => counts.2 += 1,
            None => {}
        }
    }
    rules
}

/// False findings of `severity`, on published reports only or on all.
pub fn false_count(outcome: &Outcome, severity: Severity, published_only: bool) -> usize {
    let published: Vec<&str> =
        outcome.entries.iter().filter(|entry| entry.is_published()).map(|entry| entry.path.as_str()).collect();
    outcome
        .findings
        .iter()
        .filter(|(found, triaged)| {
            found.severity == severity
                && triaged.as_ref().is_some_and(|t| !t.verdict)
                && (!published_only || published.contains(&found.key.path.as_str()))
        })
        .count()
}

/// A line of `expectations.tsv` for an untriaged finding, its verdict to be
/// written by hand (the message stands where the reason goes).
pub fn stub(found: &Found) -> String {
    format!("{}\t{}\t{}\t?\t{}", found.key.path, found.key.code, found.key.at, found.message)
}
