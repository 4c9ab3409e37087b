//! `nianbao export`: the parsed report as JSON under canonical keys — how other
//! programs get the 200 numbers.
//!
//! ```text
//! tables.table2.<row>.<column>          regulations.issued, fees.amount, …
//! tables.table3.<row>.<column>          new_received.natural_person, total_results.total, …
//! tables.table4.<group>.<outcome>       review.upheld, litigation_direct.total, …
//! ```
//! A value is a number, or `null` when the cell is blank, a placeholder,
//! text, or absent. Values are read positionally; a row with the wrong number
//! of cells is reported by S007 in `diagnostics`.

use nianbao_model::{Cell, CellValue, Report, RowKey, Table, TableKind};
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::{Checked, json as json_format};

#[derive(Serialize)]
struct Export<'a> {
    version: u32,
    path: &'a str,
    encoding: &'a str,
    metadata: Value,
    sections: Vec<Value>,
    tables: Value,
    diagnostics: Vec<json_format::JsonDiagnostic<'a>>,
}

fn cell_value(cell: Option<&Cell>) -> Value {
    match cell.map(|cell| cell.value) {
        Some(CellValue::Integer(value)) => json!(value),
        Some(CellValue::Decimal(value)) => json!(value),
        _ => Value::Null,
    }
}

/// `{ row_key: { column_key: value } }` for one table.
fn table_values(kind: TableKind, table: Option<&Table>) -> Value {
    let mut rows = Map::new();
    for key in RowKey::rows_of(kind) {
        let row = table.and_then(|table| table.row(key));
        let mut columns = Map::new();
        for index in 0..key.value_count() {
            let full_key = key.value_key(index).unwrap_or_default();
            let column = full_key.rsplit('.').next().unwrap_or_default().to_string();
            let value = cell_value(row.and_then(|row| row.cells.get(index)));
            if key == RowKey::T4 {
                // Table 四 nests by group: review.upheld.
                let (group, outcome) = full_key.split_once('.').unwrap_or((&full_key, ""));
                let entry = rows.entry(group.to_string()).or_insert_with(|| json!({}));
                entry[outcome] = value;
            } else {
                columns.insert(column, value);
            }
        }
        if key != RowKey::T4 {
            rows.insert(key.key().to_string(), Value::Object(columns));
        }
    }
    Value::Object(rows)
}

pub fn render(result: &Checked, report: &Report) -> String {
    let locators = result.locators();
    let locator = &locators.own;
    let metadata = &report.metadata;
    let metadata = json!({
        "title": metadata.title.as_ref().map(|t| &t.value),
        "agency": metadata.agency.as_ref().map(|a| &a.value),
        "year": metadata.year.as_ref().map(|y| y.value),
        "publish_date": metadata.publish_date.as_ref().map(|d| d.value.to_string()),
        "statistics_period": metadata.statistics_period.as_ref().map(|p| p.span.slice(result.report_text())),
    });
    let sections = report
        .sections
        .iter()
        .map(|section| {
            json!({
                "kind": section.kind.map(|k| k.key()),
                "ordinal": section.ordinal.value,
                "title": section.title.value,
                "line": locator.position(result.to_source(section.heading_span).start).line,
            })
        })
        .collect();
    let mut tables = Map::new();
    for kind in TableKind::ALL {
        tables.insert(kind.key().to_string(), table_values(kind, report.table(kind)));
    }
    let export = Export {
        version: 1,
        path: &result.display,
        encoding: &report.source.encoding,
        metadata,
        sections,
        tables: Value::Object(tables),
        diagnostics: result.diagnostics.iter().map(|d| json_format::diagnostic(&locators, d)).collect(),
    };
    serde_json::to_string_pretty(&export).expect("serialising plain data cannot fail") + "\n"
}
