//! The same report written in every plain-text layout of inputs.md reads to
//! the same numbers with the same keys.

use nianbao_model::{Report, RowKey, TableKind};

/// Rows of tables 二, 三 (a selection, with group labels) and 四.
fn rows() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("二、主动公开政府信息情况", vec![]),
        ("第二十条第（一）项", vec![]),
        ("规章", vec!["0", "0", "0"]),
        ("行政规范性文件", vec!["2", "1", "15"]),
        ("行政许可", vec!["126"]),
        ("行政事业性收费", vec!["12.5"]),
        ("三、收到和处理政府信息公开申请情况", vec![]),
        ("一、本年新收政府信息公开申请数量", vec!["18", "3", "0", "0", "1", "0", "22"]),
        ("三、本年度办理结果", vec![]),
        ("（一）予以公开", vec!["10", "2", "0", "0", "1", "0", "13"]),
        ("（三）不予公开", vec![]),
        ("1.属于国家秘密", vec!["0", "0", "0", "0", "0", "0", "0"]),
        ("（七）总计", vec!["18", "3", "0", "0", "1", "0", "22"]),
        ("四、结转下年度继续办理", vec!["2", "0", "0", "0", "0", "0", "2"]),
        ("四、政府信息公开行政复议、行政诉讼情况", vec![]),
        ("行政复议", vec![]),
        ("行政诉讼", vec![]),
    ]
}

const TABLE4: [&str; 15] = ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"];

fn is_heading(label: &str) -> bool {
    label.ends_with("情况") && label.contains('、') && !label.starts_with("三、本年")
}

/// Writes the rows with `row` formatting one label and its values, and table
/// 四's values with `values`.
fn write(row: impl Fn(&str, &[&str]) -> String, values: impl Fn(&[&str]) -> String) -> String {
    let mut out = String::new();
    for (label, cells) in rows() {
        if is_heading(label) {
            out.push_str(&format!("{label}\n"));
        } else {
            out.push_str(&row(label, &cells));
        }
    }
    out + &values(&TABLE4)
}

fn layouts() -> Vec<(&'static str, String)> {
    vec![
        ("tab rows", write(|l, c| format!("{l}\t\t{}\t\n", c.join("\t")), |v| format!("{}\n", v.join("\t")))),
        ("pipe rows", write(|l, c| format!("{l} | {} | ||\n", c.join(" | ")), |v| format!("{} |\n", v.join(" | ")))),
        (
            "pipe cells one per line",
            write(
                |l, c| format!("{l} |\n{}||\n", c.iter().map(|v| format!("{v} |\n")).collect::<String>()),
                |v| v.iter().map(|v| format!("{v} |\n")).collect(),
            ),
        ),
        (
            "blank-line separated cells",
            write(
                |l, c| format!("{l}\n\n{}", c.iter().map(|v| format!("{v}\n\n")).collect::<String>()),
                |v| v.iter().map(|v| format!("{v}\n\n")).collect(),
            ),
        ),
        (
            "GFM",
            write(
                |l, c| {
                    let mut cells = c.to_vec();
                    cells.resize(7, "");
                    format!("| {l} | {} |\n", cells.join(" | "))
                },
                |v| {
                    format!("| {} |\n|{}\n", vec![""; 15].join(" | "), "---|".repeat(15))
                        + &format!("| {} |\n", v.join(" | "))
                },
            ),
        ),
        (
            "PDF text, flattened table 四",
            write(|l, c| format!("{l} {}\n", c.join(" ")), |v| format!("{}\n", v.join(" "))),
        ),
    ]
}

fn numbers(report: &Report) -> Vec<(String, Option<f64>)> {
    let mut out = Vec::new();
    for kind in TableKind::ALL {
        let Some(table) = report.table(kind) else { continue };
        for key in RowKey::rows_of(kind) {
            if let Some(row) = table.row(key) {
                for (index, cell) in row.cells.iter().enumerate() {
                    out.push((key.value_key(index).unwrap_or_default(), cell.number()));
                }
            }
        }
    }
    out
}

#[test]
fn every_layout_reads_the_same_numbers() {
    let all = layouts();
    let reference = numbers(&nianbao_parser::parse(&all[0].1));
    assert_eq!(reference.len(), 3 + 3 + 1 + 1 + 7 * 5 + 15, "the reference reads every value");
    for (name, text) in &all {
        assert_eq!(numbers(&nianbao_parser::parse(text)), reference, "{name}:\n{text}");
        for line_end in ["\r\n", "\r"] {
            let text = text.replace('\n', line_end);
            assert_eq!(numbers(&nianbao_parser::parse(&text)), reference, "{name} with {line_end:?}");
        }
    }
}

#[test]
fn a_row_broken_by_a_stray_newline_still_reads() {
    // Seed 002: 「4.保护第三方合法权益」 starts at column 0 of its own line.
    let text = "三、收到和处理政府信息公开申请情况\n\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n4.保护第三方合法权益\t\t0\t1\t0\t0\t0\t0\t1\t\n\n\t\t5.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0\n";
    let report = nianbao_parser::parse(text);
    let table = report.table(TableKind::Applications).unwrap();
    let third_party = table.row(RowKey::T3(nianbao_model::T3Row::WithheldThirdParty)).unwrap();
    let values: Vec<_> = third_party.cells.iter().map(|c| c.count()).collect();
    assert_eq!(values, [0, 1, 0, 0, 0, 0, 1].map(Some));
    assert!(table.row(RowKey::T3(nianbao_model::T3Row::WithheldInternal)).is_some());
}

#[test]
fn directives_silence_rules_for_a_line_or_the_file() {
    let path = tests::workspace_root().join("tests/fixtures/directives/silenced.md");
    let checked = tests::check_file(&path, "silenced.md");
    // The T303 row is silenced; the T302 total it breaks is not (another rule),
    // and the heading variant is silenced file-wide.
    assert_eq!(tests::codes(&checked.diagnostics), ["T302"]);
    let unsilenced = checked.text.replace("<!-- nianbao-disable-next-line T303 -->\n", "");
    let report = nianbao_parser::parse(&unsilenced);
    let codes: Vec<String> =
        nianbao_rules::check(&report, &nianbao_rules::Config::default()).into_iter().map(|d| d.code).collect();
    assert!(codes.contains(&"T303".to_string()), "{codes:?}");
}

#[test]
fn markdown_converted_with_rows_as_headings_reads_as_the_source() {
    // PDF-to-Markdown converters set bold rows as headings: 「### 申请人情况
    // (自然人)」, 「### 一、本年新收政府信息公开申请数量」 followed by the
    // values with or without their label, 「### 三、本年度办理结果」 alone.
    let dir = tests::workspace_root().join("tests/fixtures/rules/S006");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let source = nianbao_parser::parse(&read("valid.md"));
    let converted = nianbao_parser::parse(&read("valid-converted-markdown.md"));
    assert_eq!(numbers(&converted), numbers(&source));
    let checked = tests::check_file(&dir.join("valid-converted-markdown.md"), "valid-converted-markdown.md");
    // Only the half-width brackets the converter wrote remain to say.
    assert_eq!(tests::codes(&checked.diagnostics), ["F005"]);
}
