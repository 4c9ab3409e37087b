//! `nianbao check` drops what its output does not read (see
//! `Checked::shed_unshown`); every output format must come out as it would
//! from everything kept.

use std::path::PathBuf;

use nianbao_cli::render::{self, Checked};
use nianbao_cli::{Reports, check_paths_with_jobs};

fn checked(reports: Reports) -> Vec<Checked> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    // Every layout (HTML and DOCX too), clean and broken reports, last year's beside this year's.
    let paths: Vec<PathBuf> =
        ["tests/seeds", "tests/fixtures", "examples"].iter().map(|path| root.join(path)).collect();
    check_paths_with_jobs(&paths, None, None, 2, reports).results
}

fn outputs(results: &[Checked]) -> [String; 4] {
    [
        render::human::render_plain(results),
        render::json::render(results),
        render::sarif::render(results),
        render::github::render(results),
    ]
}

#[test]
fn shedding_leaves_every_output_format_unchanged() {
    let (kept, shed) = (checked(Reports::Keep), checked(Reports::Drop));
    let clean = shed.iter().filter(|result| result.diagnostics.is_empty()).count();
    assert!(clean > 5 && clean < shed.len(), "clean and reported files both ({clean} of {})", shed.len());
    assert!(
        shed.iter().all(|result| result.diagnostics.is_empty() == result.text.is_empty()),
        "clean files shed their text"
    );
    assert!(shed.iter().any(|result| matches!(&result.origin, render::Origin::Html(p) if p.text.is_empty())));
    for (kept, shed) in outputs(&kept).iter().zip(outputs(&shed).iter()) {
        assert_eq!(kept, shed);
    }
}
