//! The five real published reports parse to exactly the numbers a person reads
//! in them. The numbers below were typed by hand from the seed files, not
//! produced by the parser.

use nianbao_model::{Report, RowKey, T2Row, T3Row, TableKind};
use tests::{check_file, codes, workspace_root};

/// One seed: its table 二 values (template row order), the table 三 rows that
/// are not all zero, table 四, and the rule codes expected on it.
struct Seed {
    file: &'static str,
    table2: [&'static [f64]; 6],
    table3_nonzero: &'static [(T3Row, [i64; 7])],
    table4: &'static [i64],
    codes: &'static [&'static str],
}

const Z3: [f64; 3] = [0.0; 3];
const Z1: [f64; 1] = [0.0];

const SEEDS: &[Seed] = &[
    Seed {
        file: "000_88a8dc7d33e7281e.txt",
        table2: [&Z3, &Z3, &[2.0], &Z1, &Z1, &Z1],
        table3_nonzero: &[
            (T3Row::NewReceived, [3, 0, 0, 0, 0, 0, 3]),
            (T3Row::Disclosed, [3, 0, 0, 0, 0, 0, 3]),
            (T3Row::TotalResults, [3, 0, 0, 0, 0, 0, 3]),
        ],
        table4: &[0; 15],
        // Section 六 numbers （一）（二）（三）（二）; heading 四 has an extra 「因」.
        codes: &["F005", "S004", "S005"],
    },
    Seed {
        file: "001_0db4d1d337420631.txt",
        table2: [&Z3, &Z3, &Z1, &Z1, &Z1, &Z1],
        table3_nonzero: &[],
        table4: &[0; 15],
        // No statistics-period sentence; half-width commas between Chinese characters.
        codes: &["F005", "F007", "S011"],
    },
    Seed {
        file: "002_bf81134e00d6a1b6.txt",
        table2: [&Z3, &[0.0, 1.0, 3.0], &Z1, &Z1, &Z1, &Z1],
        table3_nonzero: &[
            (T3Row::NewReceived, [4, 1, 0, 0, 0, 0, 5]),
            (T3Row::WithheldProcess, [1, 0, 0, 0, 0, 0, 1]),
            (T3Row::UnavailableNotHeld, [3, 1, 0, 0, 0, 0, 4]),
            (T3Row::TotalResults, [4, 1, 0, 0, 0, 0, 5]),
        ],
        // Sixteen values in table 四.
        table4: &[0; 16],
        // 16 values (S007); 社会组织 and two truncated labels (S008); 「行政机关主动公开…」 (S005).
        // And: page breaks mid-sentence (F008), 「工作工作」 (F006), `**二是**` (F009).
        codes: &["F006", "F008", "F009", "S005", "S007", "S008"],
    },
    Seed {
        file: "003_be94cdfbcf579bbe.txt",
        table2: [&Z3, &[2.0, 1.0, 7.0], &[10516.0], &[1591.0], &[57.0], &[670.5862]],
        table3_nonzero: &[
            (T3Row::NewReceived, [59, 0, 0, 0, 0, 0, 59]),
            (T3Row::CarriedOver, [2, 0, 0, 0, 0, 0, 2]),
            (T3Row::Disclosed, [35, 0, 0, 0, 0, 0, 35]),
            (T3Row::PartiallyDisclosed, [10, 0, 0, 0, 0, 0, 10]),
            (T3Row::WithheldInternal, [3, 0, 0, 0, 0, 0, 3]),
            (T3Row::WithheldProcess, [1, 0, 0, 0, 0, 0, 1]),
            (T3Row::WithheldEnforcement, [1, 0, 0, 0, 0, 0, 1]),
            (T3Row::UnavailableNotHeld, [4, 0, 0, 0, 0, 0, 4]),
            (T3Row::OtherOther, [3, 0, 0, 0, 0, 0, 3]),
            (T3Row::TotalResults, [57, 0, 0, 0, 0, 0, 57]),
            (T3Row::CarriedForward, [4, 0, 0, 0, 0, 0, 4]),
        ],
        table4: &[5, 2, 2, 1, 10, 0, 0, 2, 0, 2, 1, 0, 0, 0, 1],
        // Its tables add up, but its prose contradicts them: 「新受理20件」 (59),
        // 「共处理21件」, 「结转1件」 (2), 「已办结17件」 (57), 「行政复议4件」 (10), 「行政诉讼1件」 (3).
        codes: &["F005", "X001", "X002", "X004"],
    },
    Seed {
        file: "004_fa9e582a0590cf1f.txt",
        table2: [&Z3, &Z3, &Z1, &Z1, &Z1, &Z1],
        table3_nonzero: &[],
        table4: &[0; 15],
        // 「六、」 twice; no statistics-period sentence.
        // And: 「效劳公开」 (F007), 国办函【2020】109 号 (F001).
        codes: &["F001", "F005", "F007", "S003", "S011"],
    },
];

fn values(report: &Report, key: RowKey) -> Vec<f64> {
    let table = report.table(key.table()).unwrap_or_else(|| panic!("no {:?}", key.table()));
    let row = table.row(key).unwrap_or_else(|| panic!("no row {}", key.key()));
    row.cells.iter().map(|cell| cell.number().unwrap_or(f64::NAN)).collect()
}

#[test]
fn seeds_parse_to_the_numbers_a_person_reads() {
    for seed in SEEDS {
        let checked = check_file(&workspace_root().join("tests/seeds").join(seed.file), seed.file);
        let report = checked.report.as_ref().unwrap();
        for (row, expected) in T2Row::ALL.iter().zip(seed.table2) {
            assert_eq!(values(report, RowKey::T2(*row)), expected.to_vec(), "{}: table 二 {}", seed.file, row.key());
        }
        for row in T3Row::ALL {
            let expected = seed.table3_nonzero.iter().find(|(r, _)| *r == row).map_or([0; 7], |(_, v)| *v);
            let expected: Vec<f64> = expected.iter().map(|&v| v as f64).collect();
            assert_eq!(values(report, RowKey::T3(row)), expected, "{}: table 三 {}", seed.file, row.key());
        }
        let table4: Vec<f64> = seed.table4.iter().map(|&v| v as f64).collect();
        assert_eq!(values(report, RowKey::T4), table4, "{}: table 四", seed.file);
        let table3 = report.table(TableKind::Applications).unwrap();
        assert_eq!(table3.rows.len(), 25, "{}: every table 三 row, once", seed.file);
        assert_eq!(report.sections.iter().filter(|s| s.kind.is_some()).count(), 6, "{}: six sections", seed.file);
        assert_eq!(codes(&checked.diagnostics), seed.codes, "{}", seed.file);
    }
}

#[test]
fn every_cell_span_points_at_its_text() {
    for seed in SEEDS {
        let checked = check_file(&workspace_root().join("tests/seeds").join(seed.file), seed.file);
        for table in &checked.report.as_ref().unwrap().tables {
            for cell in table.rows.iter().flat_map(|row| &row.cells) {
                assert_eq!(cell.span.slice(&checked.text), cell.raw, "{}", seed.file);
            }
        }
    }
}

#[test]
fn seed_specific_findings() {
    let check = |file: &str| check_file(&workspace_root().join("tests/seeds").join(file), file);
    let s002 = check("002_bf81134e00d6a1b6.txt");
    let shape = s002.diagnostics.iter().find(|d| d.code == "S007").unwrap();
    assert_eq!(shape.message, "表四有16个数值，模板为15个");
    assert!(s002.diagnostics.iter().any(|d| d.code == "S008" && d.message.contains("社会组织")));
    let s000 = check("000_88a8dc7d33e7281e.txt");
    let gap = s000.diagnostics.iter().find(|d| d.code == "S004").unwrap();
    assert_eq!(gap.primary.span.slice(&s000.text), "(二)");
    assert_eq!(gap.primary.message.as_deref(), Some("应为「(四)」"));
    let s003 = check("003_be94cdfbcf579bbe.txt");
    let received =
        s003.diagnostics.iter().find(|d| d.code == "X001" && d.primary.span.slice(&s003.text) == "20件").unwrap();
    assert!(received.message.contains("= 59"), "{}", received.message);
    let review =
        s003.diagnostics.iter().find(|d| d.code == "X004" && d.primary.span.slice(&s003.text) == "4件").unwrap();
    assert!(review.message.contains("行政复议 总计 = 10"), "{}", review.message);
    let s004 = check("004_fa9e582a0590cf1f.txt");
    let repeat = s004.diagnostics.iter().find(|d| d.code == "S003").unwrap();
    assert_eq!(repeat.message, "一级序号「六、」重复");
}

#[test]
fn seeds_read_the_same_in_gbk_utf16_and_crlf() {
    for seed in SEEDS {
        let path = workspace_root().join("tests/seeds").join(seed.file);
        let text = std::fs::read_to_string(&path).unwrap();
        let reference = nianbao_parser::parse(&text);
        let crlf = text.replace('\n', "\r\n");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let variants: Vec<Vec<u8>> = vec![crlf.into_bytes(), gbk(&text), utf16];
        for bytes in variants {
            let (_, report) = nianbao_parser::parse_bytes(&bytes);
            for kind in TableKind::ALL {
                let numbers = |r: &Report| -> Vec<Option<f64>> {
                    r.table(kind).map_or(vec![], |t| {
                        t.rows.iter().flat_map(|row| row.cells.iter().map(|c| c.number())).collect()
                    })
                };
                assert_eq!(numbers(&report), numbers(&reference), "{} {kind:?}", seed.file);
            }
            assert_eq!(report.sections.len(), reference.sections.len(), "{}", seed.file);
        }
    }
}

/// The text encoded as GBK, as government sites serve it.
fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable, "seed text is all GBK-encodable");
    bytes.into_owned()
}
