//! `nianbao audit` shows what `nianbao check` finds: over the seeds, the
//! example, the HTML, PDF and year fixtures and a folder of generated
//! reports of a few agencies over several years, the audit's counts — in
//! total, per report and per rule — equal those of `check --format json`,
//! and files that cannot be read are listed with their reasons.

use std::collections::BTreeMap;
use std::path::PathBuf;

use nianbao_cli::audit::{self, data::Audit};
use serde_json::Value;
use tests::generate::agency_years_report;

/// The inputs: fixtures of every kind, and `generated` reports written to a
/// temporary folder (three agencies' years, clean and broken).
fn inputs(generated: u64) -> Vec<PathBuf> {
    let root = tests::workspace_root();
    // A folder per call: the tests run at the same time.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let folder = std::env::temp_dir().join(format!("nianbao-audit-test-{}-{call}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    for n in 0..generated {
        let (text, extension) = agency_years_report(n * 4);
        std::fs::write(folder.join(format!("report-{n:03}.{extension}")), text).unwrap();
    }
    let mut paths: Vec<PathBuf> =
        ["tests/seeds", "examples", "tests/fixtures/pdf", "tests/fixtures/html", "tests/fixtures/years"]
            .iter()
            .map(|path| root.join(path))
            .collect();
    paths.push(folder);
    paths
}

fn audit_and_check(paths: &[PathBuf]) -> (Audit, Value, usize) {
    let (audit, _) = audit::audit_paths(paths, None, None, 2, &|_, _| {});
    let outcome = nianbao_cli::check_paths(paths, None, None);
    let check: Value = serde_json::from_str(&nianbao_cli::render::json::render(&outcome.results)).unwrap();
    (audit, check, outcome.errors.len())
}

#[test]
fn the_audit_counts_what_check_finds() {
    let paths = inputs(60);
    let (audit, check, unreadable) = audit_and_check(&paths);
    let summary = &check["summary"];
    assert_eq!(audit.summary.files as u64, summary["files"].as_u64().unwrap());
    // The generated reports come nine files to a body's year; 003 as text, PDF and HTML.
    assert_eq!(audit.summary.reports + audit.summary.copies, audit.summary.files);
    assert!(audit.summary.copies > 40, "{} copies", audit.summary.copies);
    assert_eq!(audit.summary.errors as u64, summary["errors"].as_u64().unwrap());
    assert_eq!(audit.summary.warnings as u64, summary["warnings"].as_u64().unwrap());
    assert_eq!(audit.summary.infos as u64, summary["infos"].as_u64().unwrap());
    assert_eq!(audit.summary.unreadable, unreadable);
    assert!(audit.summary.files > 70, "{} files", audit.summary.files);
    assert!(audit.summary.errors > 0 && audit.summary.warnings > 0);

    // Per report, and per rule.
    let files = check["files"].as_array().unwrap();
    assert_eq!(audit.reports.len(), files.len());
    let mut codes = BTreeMap::<String, usize>::new();
    for (row, file) in audit.reports.iter().zip(files) {
        assert_eq!(row.path, file["path"].as_str().unwrap());
        let diagnostics = file["diagnostics"].as_array().unwrap();
        let count = |severity: &str| diagnostics.iter().filter(|d| d["severity"] == severity).count();
        assert_eq!(
            (row.errors, row.warnings, row.infos),
            (count("error"), count("warning"), count("info")),
            "{}",
            row.path
        );
        assert_eq!(row.findings.len(), diagnostics.len());
        for (finding, diagnostic) in row.findings.iter().zip(diagnostics) {
            assert_eq!(finding.code, diagnostic["code"].as_str().unwrap());
            assert_eq!(finding.message, diagnostic["message"].as_str().unwrap());
            *codes.entry(finding.code.clone()).or_default() += 1;
        }
    }
    assert_eq!(audit.summary.codes, codes);
    let families: usize = audit.summary.families.values().sum();
    assert_eq!(families, codes.values().sum::<usize>());
    assert!(audit.summary.families.contains_key("C"), "last year's reports were compared");
}

#[test]
fn unreadable_files_are_listed_with_why_and_the_rest_audited() {
    let paths = inputs(0);
    let (audit, _, _) = audit_and_check(&paths);
    let reason = |name: &str| {
        audit.unreadable.iter().find(|u| u.path.ends_with(name)).map(|u| u.reason.as_str()).unwrap_or_default()
    };
    // In the language of the run: Chinese by default.
    assert!(reason("scanned.pdf").contains("没有文字层"), "{:?}", audit.unreadable);
    assert!(reason("encrypted.pdf").contains("密码"), "{:?}", audit.unreadable);
    assert!(audit.reports.iter().any(|row| row.path.ends_with("003-broken.pdf") && row.errors > 0));
}

#[test]
fn each_report_row_has_its_facts_and_findings_their_context() {
    let paths = inputs(0);
    let (audit, _, _) = audit_and_check(&paths);
    let example = audit.reports.iter().find(|row| row.path.ends_with("example-report.md")).unwrap();
    assert_eq!(example.year, Some(2024));
    assert_eq!(example.on_time, Some(true));
    assert_eq!(example.figures.received, Some(22.0));
    let broken = audit.reports.iter().find(|row| row.path.ends_with("003-broken.pdf")).unwrap();
    let finding = broken.findings.iter().find(|f| f.severity == "error").unwrap();
    assert!(finding.at.starts_with('第'), "a PDF finding names its page: {}", finding.at);
    assert!(!finding.context.is_empty());
    assert!(audit.rollup.summed > 0 && audit.rollup.rows.len() == 200, "{}", audit.rollup.rows.len());
}

#[test]
fn the_page_is_self_contained_and_carries_the_audit() {
    let paths = inputs(9);
    let (audit, _, _) = audit_and_check(&paths);
    let page = audit::data::page::render(&audit);
    // Nothing is loaded: no src or href attribute, and a policy that forbids it.
    assert!(page.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    for attribute in [" src=", " href=", "@import", "url("] {
        assert!(!page.contains(attribute), "the page refers to something outside it: {attribute}");
    }
    // The embedded data is the JSON format, and no message can close the script element.
    let start = page.find("id=\"audit-data\">").unwrap() + "id=\"audit-data\">".len();
    let end = start + page[start..].find("</script>").unwrap();
    let embedded = page[start..end].replace("\\u003c", "<");
    assert!(embedded == serde_json::to_string(&audit).unwrap(), "the page's data differs from the JSON format");
    assert!(serde_json::from_str::<Value>(&page[start..end]).is_ok());
}

#[test]
fn a_parent_is_compared_with_the_sum_of_the_others() {
    let root = tests::workspace_root();
    let example = root.join("examples/example-report.md");
    let text = std::fs::read_to_string(&example).unwrap();
    let tables = nianbao_rules::profile::profile(&nianbao_parser::parse(&text), &Default::default()).tables;
    let parent = |tables| Some(audit::data::Parent { display: "parent.md".into(), tables });
    // The example is its own sum.
    let (alone, _) = audit::audit_paths(std::slice::from_ref(&example), None, parent(tables.clone()), 1, &|_, _| {});
    assert_eq!((alone.rollup.summed, alone.rollup.mismatches), (1, 0));
    assert!(alone.rollup.rows.iter().all(|row| row.parent == Some(row.sum)));
    // With another report added, the parent's figures fall short of the sum.
    let parts = [example, root.join("tests/seeds/000_88a8dc7d33e7281e.txt")];
    let (two, _) = audit::audit_paths(&parts, None, parent(tables), 1, &|_, _| {});
    assert_eq!(two.rollup.summed, 2);
    assert!(two.rollup.mismatches > 0);
    // A parent whose tables cannot be added up is said to be left out.
    let (broken, _) = audit::audit_paths(&parts, None, parent(Err("表三 is missing".into())), 1, &|_, _| {});
    assert_eq!(broken.rollup.mismatches, 0);
    assert!(broken.rollup.excluded.iter().any(|e| e.reason.contains("表三 is missing")));
}

#[test]
fn a_report_in_several_files_is_counted_and_summed_once() {
    let root = tests::workspace_root();
    let files = [
        "tests/seeds/003_be94cdfbcf579bbe.txt",
        "tests/fixtures/pdf/003.pdf",
        "tests/fixtures/docx/003.docx",
        "tests/fixtures/docx/003-broken.docx",
        "tests/seeds/000_88a8dc7d33e7281e.txt",
    ]
    .map(|file| root.join(file));
    let (audit, _) = audit::audit_paths(&files, None, None, 1, &|_, _| {});
    let summary = &audit.summary;
    assert_eq!((summary.files, summary.reports, summary.copies), (5, 2, 3));
    // The broken DOCX's errors are the report's: it has errors, though the
    // text file it is counted by has none.
    let row = |name: &str| audit.reports.iter().find(|row| row.path.ends_with(name)).unwrap();
    assert_eq!(row("003_be94cdfbcf579bbe.txt").errors, 0);
    assert!(row("003-broken.docx").errors > 0);
    assert_eq!(summary.with_errors, 1 + usize::from(row("000_88a8dc7d33e7281e.txt").errors > 0));
    // Counted by the text file; the PDF and the Word file read the same
    // tables, the broken draft does not.
    let kept = row("003_be94cdfbcf579bbe.txt");
    assert_eq!(kept.copy_of, None);
    let copies: Vec<(&str, bool)> =
        kept.copies.iter().map(|copy| (copy.path.rsplit('/').next().unwrap(), copy.same_tables)).collect();
    assert_eq!(copies, [("003-broken.docx", false), ("003.docx", true), ("003.pdf", true)]);
    for copy in ["003.pdf", "003.docx", "003-broken.docx"] {
        assert_eq!(row(copy).copy_of.as_deref(), Some(kept.path.as_str()), "{copy}");
    }
    // Summed once: the PDF's tables are not added to the text file's.
    assert_eq!(audit.rollup.summed, 2);
    assert_eq!(audit.rollup.copies.len(), 3);
    assert!(audit.rollup.excluded.is_empty());
}

#[test]
fn one_body_written_two_ways_is_one_agency() {
    let folder = std::env::temp_dir().join(format!("nianbao-audit-names-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let report = |title: &str| format!("{title}\n发布时间：2025-01-20\n");
    std::fs::write(folder.join("a.txt"), report("淮安市洪泽区人民政府2024年政府信息公开工作年度报告")).unwrap();
    std::fs::write(folder.join("b.txt"), report("洪泽区人民政府2023年政府信息公开工作年度报告")).unwrap();
    std::fs::write(folder.join("c.txt"), report("洪泽区人民政府办公室2024年政府信息公开工作年度报告")).unwrap();
    let (audit, _) = audit::audit_paths(std::slice::from_ref(&folder), None, None, 1, &|_, _| {});
    let agencies: Vec<(Option<&str>, Option<&str>)> =
        audit.reports.iter().map(|row| (row.agency.as_deref(), row.agency_written.as_deref())).collect();
    assert_eq!(
        agencies,
        [
            (Some("淮安市洪泽区人民政府"), None),
            (Some("淮安市洪泽区人民政府"), Some("洪泽区人民政府")),
            (Some("洪泽区人民政府办公室"), None),
        ]
    );
    // Two years of one body: two reports, no copy.
    assert_eq!((audit.summary.reports, audit.summary.copies), (3, 0));
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn a_folders_nianbao_toml_sets_the_level_its_reports_do_not_say() {
    let root = std::env::temp_dir().join(format!("nianbao-audit-levels-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let towns = root.join("乡镇");
    std::fs::create_dir_all(&towns).unwrap();
    // A body whose name says no level, published 2025-02-10.
    let report = "某某管理中心2024年政府信息公开工作年度报告\n发布时间：2025-02-10\n";
    std::fs::write(root.join("a.txt"), report).unwrap();
    std::fs::write(towns.join("b.txt"), report.replace("2024年", "2023年").replace("2025-02-10", "2024-02-10"))
        .unwrap();
    std::fs::write(towns.join("nianbao.toml"), "[report]\nlevel = \"government\"\n").unwrap();
    let (audit, _) = audit::audit_paths(std::slice::from_ref(&root), None, None, 1, &|_, _| {});
    let rows: Vec<(&str, Option<nianbao_rules::Level>, Option<i64>)> =
        audit.reports.iter().map(|row| (row.path.rsplit('/').next().unwrap(), row.level, row.days_late)).collect();
    // The folder's setting gives the 本级政府 deadline, 3月31日: on time.
    assert_eq!(
        rows,
        [
            ("a.txt", Some(nianbao_rules::Level::Department), Some(10)),
            ("b.txt", Some(nianbao_rules::Level::Government), None)
        ]
    );
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_report_gives_the_roll_up_the_tables_it_can() {
    let root = tests::workspace_root();
    // Seed 002's 表四 has 16 values; its 表二 and 表三 read.
    let files =
        ["tests/seeds/002_bf81134e00d6a1b6.txt", "tests/seeds/000_88a8dc7d33e7281e.txt"].map(|file| root.join(file));
    let (audit, _) = audit::audit_paths(&files, None, None, 1, &|_, _| {});
    let rollup = &audit.rollup;
    assert_eq!(rollup.summed, 2);
    let by_table: Vec<(&str, usize)> = rollup.summed_by_table.iter().map(|(table, n)| (*table, *n)).collect();
    assert_eq!(by_table, [("表三", 2), ("表二", 2), ("表四", 1)]);
    assert_eq!(rollup.excluded.len(), 1);
    assert!(rollup.excluded[0].path.ends_with("002_bf81134e00d6a1b6.txt"));
    assert!(rollup.excluded[0].reason.starts_with("表四"), "{}", rollup.excluded[0].reason);
    // 表三 一、本年新收 总计 adds both reports': 5 + 3.
    let received =
        rollup.rows.iter().find(|row| row.table == "表三" && row.row.starts_with("一、") && row.column == "总计");
    assert_eq!(received.map(|row| row.sum), Some(8.0));
    // A parent is not compared on 表四, which 002 was left out of, and says so.
    let text = std::fs::read_to_string(root.join("examples/example-report.md")).unwrap();
    let tables = nianbao_rules::profile::profile(&nianbao_parser::parse(&text), &Default::default()).tables;
    let parent = audit::data::Parent { display: "parent.md".into(), tables };
    let (compared, _) = audit::audit_paths(&files, None, Some(parent), 1, &|_, _| {});
    assert_eq!(compared.rollup.not_compared, ["表四"]);
    assert!(compared.rollup.rows.iter().filter(|row| row.table == "表四").all(|row| row.parent.is_none()));
    assert!(compared.rollup.rows.iter().filter(|row| row.table == "表三").all(|row| row.parent.is_some()));
}
