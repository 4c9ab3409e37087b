//! Golden tests of the real `nianbao` binary: each case is arguments (and
//! optional stdin) in, exit status, stdout and stderr out. Paths are relative
//! to the repository root, where the binary runs.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// `(snapshot name, arguments, standard input)`.
const CASES: &[(&str, &[&str], Option<&str>)] = &[
    ("check_clean_example", &["check", "examples/example-report.md"], None),
    ("check_seed_human", &["check", "tests/seeds/002_bf81134e00d6a1b6.txt"], None),
    ("check_seed_human_en", &["--lang", "en", "check", "tests/seeds/002_bf81134e00d6a1b6.txt"], None),
    ("check_folder", &["check", "tests/seeds"], None),
    ("check_json", &["check", "--format", "json", "tests/seeds/000_88a8dc7d33e7281e.txt"], None),
    ("check_sarif", &["check", "--format", "sarif", "tests/seeds/004_fa9e582a0590cf1f.txt"], None),
    ("check_github", &["check", "--format", "github", "tests/seeds/002_bf81134e00d6a1b6.txt"], None),
    ("check_fail_on_error", &["check", "--fail-on", "error", "tests/seeds/004_fa9e582a0590cf1f.txt"], None),
    (
        "check_stdin",
        &["check", "-", "--stdin-filename", "draft.md"],
        Some(
            "## 三、收到和处理政府信息公开申请情况\n\n| 一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 6 |\n",
        ),
    ),
    ("check_configured", &["check", "crates/nianbao_cli/tests/cmd/configured"], None),
    ("check_bad_config", &["check", "crates/nianbao_cli/tests/cmd/bad-config/report.txt"], None),
    ("check_missing_file", &["check", "no/such/report.txt", "examples/example-report.md"], None),
    ("check_not_a_report", &["check", "crates/nianbao_cli/tests/cmd/not-a-report/notes.md"], None),
    // Nothing read: the error alone, no 「no problems found」 above it.
    ("check_scanned_pdf", &["check", "tests/fixtures/pdf/scanned.pdf"], None),
    ("check_folder_skips_non_reports", &["check", "crates/nianbao_cli/tests/cmd/not-a-report"], None),
    ("export_json", &["export", "tests/seeds/003_be94cdfbcf579bbe.txt"], None),
    ("check_against_last_year", &["check", "tests/fixtures/years/2024-report.md"], None),
    ("check_against_last_year_json", &["check", "--format", "json", "tests/fixtures/years/2024-report.md"], None),
    ("fix_diff_seed", &["fix", "--diff", "tests/seeds/004_fa9e582a0590cf1f.txt"], None),
    ("fmt_check_seeds", &["fmt", "--check", "tests/seeds", "examples"], None),
    ("fmt_diff_seed", &["fmt", "--diff", "tests/seeds/000_88a8dc7d33e7281e.txt"], None),
    ("new_skeleton", &["new", "--year", "2025", "--agency", "某某市某某局"], None),
    (
        "aggregate_seeds",
        &[
            "aggregate",
            "tests/seeds/000_88a8dc7d33e7281e.txt",
            "tests/seeds/001_0db4d1d337420631.txt",
            "tests/seeds/003_be94cdfbcf579bbe.txt",
            "tests/seeds/004_fa9e582a0590cf1f.txt",
        ],
        None,
    ),
    ("aggregate_malformed_part", &["aggregate", "tests/seeds/002_bf81134e00d6a1b6.txt"], None),
    // One part's 表四 has 16 values: it is left out, the others are summed.
    (
        "aggregate_leaves_out_a_malformed_part",
        &["aggregate", "tests/seeds/000_88a8dc7d33e7281e.txt", "tests/seeds/002_bf81134e00d6a1b6.txt"],
        None,
    ),
    ("check_html", &["check", "tests/fixtures/html/003.html"], None),
    ("export_html", &["export", "tests/fixtures/html/003.html"], None),
    ("check_docx", &["check", "tests/fixtures/docx/003-broken.docx"], None),
    ("check_docx_github", &["check", "--format", "github", "tests/fixtures/docx/003-broken.docx"], None),
    ("export_docx", &["export", "tests/fixtures/docx/003.docx"], None),
    ("fix_docx_refused", &["fix", "tests/fixtures/docx/003.docx"], None),
    ("check_pdf_json", &["check", "--format", "json", "tests/fixtures/pdf/003-broken.pdf"], None),
    (
        "check_unreadable_pdfs",
        &[
            "check",
            "tests/fixtures/pdf/scanned.pdf",
            "tests/fixtures/pdf/encrypted.pdf",
            "tests/fixtures/pdf/example.pdf",
            "tests/fixtures/pdf/owner-only.pdf",
        ],
        None,
    ),
    ("aggregate_pdfs", &["aggregate", "tests/fixtures/pdf/003.pdf", "tests/fixtures/pdf/example.pdf"], None),
    ("audit_csv", &["audit", "--format", "csv", "tests/seeds", "examples"], None),
    (
        "audit_unreadable",
        &["audit", "--format", "csv", "tests/fixtures/pdf/scanned.pdf", "examples/example-report.md"],
        None,
    ),
    ("rule_t303", &["rule", "T303"], None),
    ("rule_unknown", &["rule", "X999"], None),
    ("rules", &["rules"], None),
    ("usage_error", &["check", "--format", "xml"], None),
];

fn run(args: &[&str], stdin: Option<&str>) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(root)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the nianbao binary runs");
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(pipe);
    let output = child.wait_with_output().unwrap();
    format!(
        "args: {}\nstatus: {}\n--- stdout ---\n{}--- stderr ---\n{}",
        args.join(" "),
        output.status.code().map_or_else(|| "signal".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    )
}

#[test]
fn golden_cases() {
    for (name, args, stdin) in CASES {
        insta::assert_snapshot!(*name, run(args, *stdin));
    }
}

#[test]
fn exit_codes() {
    let status = |args: &[&str]| {
        let text = run(args, None);
        text.lines().nth(1).unwrap().trim_start_matches("status: ").to_string()
    };
    assert_eq!(status(&["check", "examples/example-report.md"]), "0");
    assert_eq!(status(&["check", "tests/seeds/002_bf81134e00d6a1b6.txt"]), "1");
    assert_eq!(status(&["check", "no/such/file.txt"]), "2");
    assert_eq!(status(&["check", "--fail-on", "never", "tests/seeds/002_bf81134e00d6a1b6.txt"]), "0");
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    // One thread works on the calling thread, several on threads of their
    // own; the folders hold every layout, broken reports, last year's report
    // beside this year's, and files that are no reports.
    let folders = ["tests/seeds", "tests/fixtures", "examples"];
    let with_jobs = |jobs: &str| {
        let mut args = vec!["check", "--format", "json", "--jobs", jobs];
        args.extend(folders);
        run(&args, None).split_once('\n').unwrap().1.to_string()
    };
    let one = with_jobs("1");
    assert!(one.contains("\"C001\""), "last year's report was found beside this year's");
    assert_eq!(with_jobs("3"), one);
}

#[test]
fn json_and_sarif_are_valid_json_with_positions() {
    let json = run(&["check", "--format", "json", "tests/seeds/002_bf81134e00d6a1b6.txt"], None);
    let body = json.split("--- stdout ---\n").nth(1).unwrap().split("--- stderr ---").next().unwrap();
    let value: serde_json::Value = serde_json::from_str(body).unwrap();
    let diagnostics = value["files"][0]["diagnostics"].as_array().unwrap();
    // One diagnostic per line, each line a JSON object by itself.
    let lines: Vec<&str> = body.lines().filter(|line| line.trim_start().starts_with("{\"code\"")).collect();
    assert_eq!(lines.len(), diagnostics.len());
    for (line, diagnostic) in lines.iter().zip(diagnostics) {
        let alone: serde_json::Value = serde_json::from_str(line.trim().trim_end_matches(',')).unwrap();
        assert_eq!(&alone, diagnostic);
    }
    let heading = diagnostics.iter().find(|d| d["code"] == "S005").unwrap();
    assert_eq!(heading["location"]["start"]["line"], 35);
    assert_eq!(heading["location"]["start"]["column"], 3);
    let sarif = run(&["check", "--format", "sarif", "tests/seeds/002_bf81134e00d6a1b6.txt"], None);
    let body = sarif.split("--- stdout ---\n").nth(1).unwrap().split("--- stderr ---").next().unwrap();
    let sarif_value: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(sarif_value["version"], "2.1.0");
    let json_count = value["files"][0]["diagnostics"].as_array().unwrap().len();
    assert_eq!(sarif_value["runs"][0]["results"].as_array().unwrap().len(), json_count);
}

#[test]
fn docx_locations_are_places_not_lines() {
    let stdout = |args: &[&str]| {
        let text = run(args, None);
        let body = text.split("--- stdout ---\n").nth(1).unwrap().split("--- stderr ---").next().unwrap().to_string();
        serde_json::from_str::<serde_json::Value>(&body).unwrap()
    };
    let json = stdout(&["check", "--format", "json", "tests/fixtures/docx/003-broken.docx"]);
    let t303 = json["files"][0]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "T303").unwrap();
    assert_eq!(t303["location"]["place"], "表三 第6行 第10列（「（一）予以公开」一行）");
    let sarif = stdout(&["check", "--format", "sarif", "tests/fixtures/docx/003-broken.docx"]);
    let result = sarif["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "T303").unwrap();
    let location = &result["locations"][0];
    assert_eq!(location["logicalLocations"][0]["name"], "表三 第6行 第10列（「（一）予以公开」一行）");
    assert!(location["physicalLocation"].get("region").is_none(), "a DOCX file has no lines to point at");
}

/// `check --help` names every extension folders are walked for: the
/// parser's one list.
/// `NIANBAO_LANG` chooses the language as `--lang` does, `--lang` wins, and
/// a language nianbao does not speak is refused by name.
#[test]
fn nianbao_lang_chooses_the_language() {
    let seed = "tests/seeds/002_bf81134e00d6a1b6.txt";
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let run = |env: &str, args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(args)
            .current_dir(&root)
            .env("NIANBAO_LANG", env)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (_, english, _) = run("en", &["check", seed]);
    assert!(english.contains("label 「社会组织」 is not the template's 「社会公益组织」"), "{english}");
    let (_, chinese, _) = run("en", &["--lang", "zh", "check", seed]);
    assert!(chinese.contains("「社会组织」与模板栏目名称「社会公益组织」不一致"), "{chinese}");
    let (_, chinese, _) = run("zh-CN", &["check", seed]);
    assert!(chinese.contains("共检查1份报告"), "{chinese}");
    let (status, _, error) = run("fr", &["check", seed]);
    assert_eq!(status, Some(2));
    assert!(error.contains("NIANBAO_LANG=`fr`"), "{error}");
}

#[test]
fn check_help_names_every_report_extension() {
    let output = Command::new(env!("CARGO_BIN_EXE_nianbao")).args(["check", "--help"]).output().unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    for (extension, _) in nianbao_parser::Format::EXTENSIONS {
        assert!(help.contains(&format!(".{extension}")), "check --help does not name .{extension}: {help}");
    }
}

/// A damaged DOCX and random bytes named `.pdf` are refused by name, with
/// the reason in Chinese by default and in the old English with `--lang en`.
#[test]
fn unreadable_files_are_refused_in_the_language_asked_for() {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-unreadable-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("draft.docx");
    std::fs::write(&docx, "这不是一个 Word 文件").unwrap();
    let pdf = dir.join("random.pdf");
    std::fs::write(&pdf, (0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect::<Vec<u8>>())
        .unwrap();
    let (docx, pdf) = (docx.to_str().unwrap(), pdf.to_str().unwrap());
    let chinese = run(&["check", docx, pdf], None);
    assert!(chinese.contains(&format!("错误：{docx}：不是 DOCX 文件（无法作为 zip 压缩包打开：")), "{chinese}");
    assert!(chinese.contains(&format!("错误：{pdf}：不是 PDF 文件\n")), "{chinese}");
    let english = run(&["--lang", "en", "check", docx, pdf], None);
    assert!(english.contains(&format!("error: {docx}: not a DOCX file (not a zip archive: ")), "{english}");
    assert!(english.contains(&format!("error: {pdf}: not a PDF file\n")), "{english}");
    for output in [&chinese, &english] {
        assert!(output.starts_with("args: ") && output.contains("status: 2\n"), "{output}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

/// SARIF's rule descriptions follow the language of the run, as the
/// findings do; its keys and codes do not.
#[test]
fn sarif_describes_the_rules_in_the_language_asked_for() {
    let rule = |lang: &str| {
        let output = run(&["--lang", lang, "check", "--format", "sarif", "tests/seeds/004_fa9e582a0590cf1f.txt"], None);
        let body = output.split("--- stdout ---\n").nth(1).unwrap().split("--- stderr ---").next().unwrap();
        let sarif: serde_json::Value = serde_json::from_str(body).unwrap();
        let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().clone();
        rules.into_iter().find(|rule| rule["id"] == "T303").unwrap()
    };
    let (chinese, english) = (rule("zh"), rule("en"));
    let meta = nianbao_rules::lookup("T303").unwrap().meta;
    assert_eq!(chinese["shortDescription"]["text"], meta.summary_zh);
    assert_eq!(english["shortDescription"]["text"], meta.summary);
    assert!(chinese["fullDescription"]["text"].as_str().unwrap().starts_with("## 检查内容"), "{chinese}");
    assert!(english["fullDescription"]["text"].as_str().unwrap().starts_with("## What it does"), "{english}");
    assert_eq!(
        (&chinese["name"], &chinese["defaultConfiguration"]),
        (&english["name"], &english["defaultConfiguration"])
    );
}
