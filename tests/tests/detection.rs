//! The detection benchmark in small (the full run is `cargo xtask
//! bench-detect`): generated reports read back to their own numbers in every
//! layout, carry no false errors, and every mutation is found with the
//! right code at the right place.

use nianbao_model::Severity;
use tests::generate::{
    Layout, Mutation, ProseFacts, Rng, check, consistent_values, detects, render, report_markdown, searchable,
};

#[test]
fn generated_reports_are_clean_and_every_mutation_is_found() {
    for seed in 0..4 {
        let mut rng = Rng::new(seed);
        let values = consistent_values(&mut rng);
        let mutations = Mutation::one_of_each(&mut rng);
        let clean = report_markdown(&values, ProseFacts::of(&values), 2025, "某某市某某局");
        for layout in Layout::ALL.into_iter().chain([Layout::Crawler]) {
            let text = render(&clean, layout).unwrap();
            let (findings, cells) = check(&text, layout);
            let serious: Vec<&str> =
                findings.iter().filter(|f| f.severity >= Severity::Warning).map(|f| f.code.as_str()).collect();
            assert!(serious.is_empty(), "seed {seed}, {}: {serious:?}\n{text}", layout.name());
            assert_eq!(cells.len(), values.len(), "seed {seed}, {}: every value is read", layout.name());
            for mutation in &mutations {
                let (text, marker) = mutation.apply(&values, layout).unwrap();
                let (findings, cells) = check(&text, layout);
                let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
                assert!(
                    detects(mutation, &text, marker.as_deref(), &findings, &cells),
                    "seed {seed}, {}: {mutation:?} not found: {codes:?}",
                    layout.name()
                );
            }
        }
    }
}

/// The same for published PDFs, plain and as WPS exports them, with the
/// mutations a PDF can hold (a cell, the prose, the headings): found at the
/// right place in the projection.
#[test]
fn mutations_of_a_typeset_pdf_are_found() {
    for (seed, layout) in (0..3).flat_map(|seed| [(seed, Layout::Pdf), (seed, Layout::PdfWps)]) {
        let mut rng = Rng::new(seed);
        let values = consistent_values(&mut rng);
        let mutations = Mutation::one_of_each(&mut rng);
        let clean = report_markdown(&values, ProseFacts::of(&values), 2025, "某某市某某局");
        let (findings, cells) = check(&render(&clean, layout).unwrap(), layout);
        assert!(findings.iter().all(|f| f.severity < Severity::Warning), "seed {seed}");
        assert_eq!(cells.len(), values.len(), "seed {seed}: every value is read");
        let mut tried = 0;
        for mutation in &mutations {
            let Some((pdf, marker)) = mutation.apply(&values, layout) else { continue };
            tried += 1;
            let (findings, cells) = check(&pdf, layout);
            let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
            let text = searchable(&pdf, layout);
            assert!(
                detects(mutation, &text, marker.as_deref(), &findings, &cells),
                "seed {seed}: {mutation:?}: {codes:?}"
            );
        }
        assert_eq!(tried, 5, "a cell, two prose figures and two heading mutations");
    }
}
