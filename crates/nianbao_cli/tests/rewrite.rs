//! `nianbao fix`, `fmt`, `new` and `aggregate` against real files in a
//! scratch folder: what they write, what they refuse, and that they lose no fact.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn nianbao(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao")).args(args).current_dir(dir).output().expect("nianbao runs")
}

/// A fresh folder with copies of the given repository files.
fn scratch(name: &str, files: &[&str]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-rewrite-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for file in files {
        let from = root().join(file);
        fs::copy(&from, dir.join(from.file_name().unwrap())).unwrap();
    }
    dir
}

fn codes(dir: &Path, file: &str) -> Vec<String> {
    let output = nianbao(&["check", "--format", "json", file], dir);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn export_tables(dir: &Path, file: &str) -> serde_json::Value {
    let output = nianbao(&["export", file], dir);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["tables"].clone()
}

const SEEDS: [&str; 5] = [
    "tests/seeds/000_88a8dc7d33e7281e.txt",
    "tests/seeds/001_0db4d1d337420631.txt",
    "tests/seeds/002_bf81134e00d6a1b6.txt",
    "tests/seeds/003_be94cdfbcf579bbe.txt",
    "tests/seeds/004_fa9e582a0590cf1f.txt",
];

#[test]
fn fix_clears_the_fixed_rules_and_keeps_the_numbers() {
    let dir = scratch("fix", &SEEDS);
    let before: Vec<_> =
        SEEDS.iter().map(|s| file_name(s)).map(|f| (codes(&dir, &f), export_tables(&dir, &f))).collect();
    let output = nianbao(&["fix", "."], &dir);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    for (seed, (codes_before, tables_before)) in SEEDS.iter().zip(before) {
        let file = file_name(seed);
        let after = codes(&dir, &file);
        for fixed in ["F001", "F005", "F007", "F009", "S005", "S008"] {
            if codes_before.iter().any(|c| c == fixed) {
                assert!(!after.iter().any(|c| c == fixed), "{file}: {fixed} still reported: {after:?}");
            }
        }
        assert_eq!(export_tables(&dir, &file), tables_before, "{file}: safe fixes never change a number");
    }
    // Fixing again changes nothing.
    let again = nianbao(&["fix", "--diff", "."], &dir);
    assert_eq!(again.status.code(), Some(0), "{}", String::from_utf8_lossy(&again.stdout));
}

/// `fix` reads a file as `check` does (text extracted from a PDF through
/// its joined lines), so it fixes what `check` reports.
#[test]
fn fix_on_text_extracted_from_a_pdf_fixes_what_check_reports() {
    let file = "000-glyphs.plain.txt";
    let dir = scratch("pdf-text", &["tests/fixtures/pdf-text/000-glyphs.plain.txt"]);
    let checked = nianbao(&["check", "--format", "json", file], &dir);
    let json: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    let mut safe: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["fix"]["applicability"] == "safe")
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    safe.sort_unstable();
    safe.dedup();
    assert_eq!(safe, ["F005", "S005"], "what check offers to fix safely");
    let output = nianbao(&["fix", file], &dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    // 「000-glyphs.plain.txt：F005 ×2、S005 ×1」: those rules, no other (a
    // fix that read the lines unjoined also joined 39 of them as F008).
    let applied: Vec<&str> = stderr
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{file}：")))
        .unwrap_or_default()
        .split("、")
        .filter_map(|item| item.split(' ').next())
        .collect();
    assert_eq!(applied, safe, "{stderr}");
    let after = codes(&dir, file);
    for safe in ["F005", "S005"] {
        assert!(!after.iter().any(|c| c == safe), "{safe} still reported after fix: {after:?}");
    }
}

#[test]
fn fix_diff_writes_nothing() {
    let dir = scratch("diff", &[SEEDS[4]]);
    let file = file_name(SEEDS[4]);
    let original = fs::read(dir.join(&file)).unwrap();
    let output = nianbao(&["fix", "--diff", &file], &dir);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("+++ b/"));
    assert_eq!(fs::read(dir.join(&file)).unwrap(), original);
}

#[test]
fn a_failed_write_leaves_the_original_intact() {
    let dir = scratch("blocked", &[SEEDS[4]]);
    let file = file_name(SEEDS[4]);
    let original = fs::read(dir.join(&file)).unwrap();
    // The temporary file's name is taken (by a folder): the write must fail
    // before the original is touched, even for root.
    fs::create_dir(dir.join(format!(".{file}.nianbao-tmp"))).unwrap();
    let output = nianbao(&["fix", &file], &dir);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&file) && stderr.contains("文件未改动"), "{stderr}");
    assert_eq!(fs::read(dir.join(&file)).unwrap(), original);
}

#[test]
fn fix_refuses_a_file_that_is_not_a_report() {
    let dir = scratch("not-report", &[]);
    fs::write(dir.join("notes.md"), "会议纪要，与年报无关, 内容。\n").unwrap();
    let output = nianbao(&["fix", "notes.md"], &dir);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(fs::read_to_string(dir.join("notes.md")).unwrap(), "会议纪要，与年报无关, 内容。\n");
}

#[test]
fn fix_keeps_the_encoding_of_a_gbk_file() {
    let dir = scratch("gbk", &[]);
    let text = fs::read_to_string(root().join(SEEDS[4])).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    fs::write(dir.join("gbk.txt"), &gbk).unwrap();
    let output = nianbao(&["fix", "gbk.txt"], &dir);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let bytes = fs::read(dir.join("gbk.txt")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "still GBK, not rewritten as UTF-8");
    let (decoded, _, _) = encoding_rs::GB18030.decode(&bytes);
    assert!(decoded.contains("国办函〔2020〕109号"));
}

#[test]
fn fmt_is_idempotent_and_keeps_every_number() {
    let mut files: Vec<&str> = SEEDS.to_vec();
    files.push("examples/example-report.md");
    let dir = scratch("fmt", &files);
    let names: Vec<String> = files.iter().map(|f| file_name(f)).collect();
    let before: Vec<_> = names.iter().map(|f| export_tables(&dir, f)).collect();
    assert_eq!(nianbao(&["fmt", "."], &dir).status.code(), Some(0));
    let once: Vec<_> = names.iter().map(|f| fs::read(dir.join(f)).unwrap()).collect();
    for (name, tables) in names.iter().zip(&before) {
        assert_eq!(&export_tables(&dir, name), tables, "{name}: fmt never changes a number");
    }
    assert_eq!(nianbao(&["fmt", "."], &dir).status.code(), Some(0));
    let twice: Vec<_> = names.iter().map(|f| fs::read(dir.join(f)).unwrap()).collect();
    assert_eq!(once, twice, "fmt twice = fmt once");
    assert_eq!(nianbao(&["fmt", "--check", "."], &dir).status.code(), Some(0));
}

#[test]
fn a_new_skeleton_checks_clean() {
    let dir = scratch("new", &[]);
    let output =
        nianbao(&["new", "--year", "2025", "--agency", "某某县人民政府", "--level", "government", "-o", "r.md"], &dir);
    assert_eq!(output.status.code(), Some(0));
    let check = nianbao(&["check", "r.md"], &dir);
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    // It never replaces a file.
    let again = nianbao(&["new", "--year", "2025", "--agency", "某某", "-o", "r.md"], &dir);
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn aggregate_sums_the_seeds_and_checks_a_parent() {
    let parts = [SEEDS[0], SEEDS[1], SEEDS[3], SEEDS[4]];
    let dir = scratch("aggregate", &parts);
    let names: Vec<String> = parts.iter().map(|p| file_name(p)).collect();
    let mut args = vec!["aggregate"];
    args.extend(names.iter().map(String::as_str));
    let output = nianbao(&args, &dir);
    assert_eq!(output.status.code(), Some(0));
    let summed = String::from_utf8(output.stdout).unwrap();
    // By hand from the four reports (000, 001, 003, 004): 新收 总计 3 + 0 + 59 + 0,
    // 行政许可 2 + 0 + 10516 + 0, 行政复议 总计 0 + 0 + 10 + 0.
    fs::write(dir.join("sum.md"), format!("# 某某县2024年政府信息公开工作年度报告\n\n{summed}")).unwrap();
    let export = export_tables(&dir, "sum.md");
    assert_eq!(export["table3"]["new_received"]["total"], 62);
    assert_eq!(export["table2"]["licensing"]["decisions"], 10518);
    assert_eq!(export["table4"]["review"]["total"], 10);
    let mut args = vec!["aggregate", "--parent", "sum.md"];
    args.extend(names.iter().map(String::as_str));
    assert_eq!(nianbao(&args, &dir).status.code(), Some(0));
    // Leave a part out: the parent no longer adds up.
    args.pop();
    args.remove(3);
    let output = nianbao(&args, &dir);
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stdout));
    let printed = String::from_utf8_lossy(&output.stdout);
    // At the catalogue's severity (info), naming rows and columns as the
    // table writes them, not by their export keys.
    assert!(printed.contains("提示[C004]"), "{printed}");
    assert!(printed.contains("「行政许可」「本年处理决定数量」"), "{printed}");
    assert!(!printed.contains("licensing.decisions"), "{printed}");
}

fn file_name(path: &str) -> String {
    Path::new(path).file_name().unwrap().to_string_lossy().into_owned()
}

/// `fmt` puts 表二's 「第二十条第（一）项」 into the table it heads, once: it
/// used to keep the line above the table and add it again as its first row.
#[test]
fn fmt_writes_the_group_label_of_table_2_once() {
    let seeds = ["tests/seeds/002_bf81134e00d6a1b6.txt", "tests/seeds/004_fa9e582a0590cf1f.txt"];
    let dir = scratch("fmt-group-label", &seeds);
    for seed in seeds {
        let file = file_name(seed);
        let before = fs::read_to_string(dir.join(&file)).unwrap();
        assert_eq!(before.matches("第二十条第（一）项").count(), 1, "{file}");
        let output = nianbao(&["fmt", &file], &dir);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let after = fs::read_to_string(dir.join(&file)).unwrap();
        assert_eq!(after.matches("第二十条第（一）项").count(), 1, "{file}:\n{after}");
    }
}
