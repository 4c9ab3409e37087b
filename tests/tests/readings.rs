//! Real reports read by hand (`tests/fixtures/real/readings/`): `nianbao
//! export` must give exactly the numbers a careful reader wrote down. A row
//! the reader could not split for certain (`?`) must not be read either:
//! every value of it `null`, never a guess.

use serde_json::Value;
use tests::{exported, workspace_root};

const READINGS: &str = "tests/fixtures/real/readings";

/// The report a reading is of: same stem, in the corpus's folders.
fn report_of(stem: &str) -> String {
    for (folder, extension) in [("crawler-text", "txt"), ("pdf", "pdf"), ("converted", "md")] {
        let path = format!("tests/fixtures/real/{folder}/{stem}.{extension}");
        if workspace_root().join(&path).is_file() {
            return path;
        }
    }
    panic!("no report for the reading {stem}")
}

/// The exported values of a row: table 四's three groups are rows here too.
fn exported_row<'v>(tables: &'v Value, table: &str, row: &str) -> Vec<&'v Value> {
    let columns = tables[table][row].as_object().unwrap_or_else(|| panic!("no {table}.{row} in the export"));
    columns.values().collect()
}

fn expected(value: &str) -> Value {
    match value {
        "-" => Value::Null,
        number => serde_json::from_str(number).unwrap_or_else(|_| panic!("not a number: {number}")),
    }
}

#[test]
fn export_gives_the_numbers_read_by_hand() {
    let mut readings: Vec<_> = std::fs::read_dir(workspace_root().join(READINGS))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "tsv"))
        .collect();
    readings.sort();
    assert!(readings.len() >= 11, "a reading of the WPS PDF and at least 10 crawler texts");
    let mut failures = Vec::new();
    for reading in &readings {
        let stem = reading.file_stem().unwrap().to_string_lossy().into_owned();
        let (tables, _) = exported(&report_of(&stem));
        for line in std::fs::read_to_string(reading).unwrap().lines().filter(|line| !line.trim().is_empty()) {
            let fields: Vec<&str> = line.split('\t').collect();
            let [table, row, values] = fields[..] else { panic!("{stem}: malformed line {line:?}") };
            let found = exported_row(&tables, table, row);
            let matches = if values.trim() == "?" {
                found.iter().all(|value| value.is_null())
            } else {
                let wanted: Vec<Value> = values.split_whitespace().map(expected).collect();
                found.len() == wanted.len()
                    && found.iter().zip(&wanted).all(|(found, wanted)| match (found.as_f64(), wanted.as_f64()) {
                        (Some(a), Some(b)) => a == b,
                        _ => *found == wanted,
                    })
            };
            if !matches {
                failures.push(format!("{stem} {table}.{row}: read by hand {values}, exported {found:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "export differs from the hand readings:\n{}", failures.join("\n"));
}
