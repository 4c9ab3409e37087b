//! The canonical Markdown text of headings and tables, for fixes that insert
//! them (and for `nianbao new`).

use nianbao_model::{SectionKind, T2Row, T3Col, T3Group, T3Row, T4Group, T4Outcome, TableKind};

/// A GFM table row.
fn row(cells: &[&str]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn delimiter(columns: usize) -> String {
    format!("|{}\n", "---|".repeat(columns))
}

/// The template table of `kind` as a GFM table with every value 0.
pub fn table_markdown(kind: TableKind) -> String {
    match kind {
        TableKind::Proactive => table2(),
        TableKind::Applications => table3(),
        TableKind::ReviewLitigation => table4(),
    }
}

fn table2() -> String {
    let mut out = String::new();
    let mut block = "";
    for (index, t2_row) in T2Row::ALL.iter().enumerate() {
        if t2_row.block() != block {
            block = t2_row.block();
            out += &row(&[block, "", "", ""]);
            if index == 0 {
                out += &delimiter(4);
            }
            let mut header = vec!["信息内容"];
            header.extend(t2_row.columns().iter().map(|col| col.label));
            header.resize(4, "");
            out += &row(&header);
        }
        let mut cells = vec![t2_row.label()];
        cells.extend(t2_row.columns().iter().map(|_| "0"));
        cells.resize(4, "");
        out += &row(&cells);
    }
    out
}

fn table3() -> String {
    let mut header = vec!["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"];
    header.extend(T3Col::ALL.iter().map(|col| col.label()));
    let mut out = row(&header) + &delimiter(8);
    let empty_group = |label: &'static str| {
        let mut cells = vec![label];
        cells.resize(8, "");
        row(&cells)
    };
    let mut group = None;
    for t3_row in T3Row::ALL {
        if t3_row == T3Row::Disclosed {
            out += &empty_group(T3Group::Results.label());
        }
        let row_group = t3_row.group().filter(|g| *g != T3Group::Results);
        if row_group != group {
            if let Some(g) = row_group {
                out += &empty_group(g.label());
            }
            group = row_group;
        }
        let mut cells = vec![t3_row.label()];
        cells.extend(std::iter::repeat_n("0", 7));
        out += &row(&cells);
    }
    out
}

fn table4() -> String {
    let mut top = vec!["行政复议", "", "", "", "", "行政诉讼"];
    top.resize(15, "");
    let mut middle = vec![""; 15];
    middle[5] = "未经复议直接起诉";
    middle[10] = "复议后起诉";
    let outcomes: Vec<&str> = T4Group::ALL.iter().flat_map(|_| T4Outcome::ALL.iter().map(|o| o.label())).collect();
    row(&top) + &delimiter(15) + &row(&middle) + &row(&outcomes) + &row(&["0"; 15])
}

/// The heading line of `kind`, with its newline.
pub fn heading_line(kind: SectionKind) -> String {
    format!("{}\n", kind.heading())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeleton_tables_parse_back_to_full_template_tables() {
        for kind in TableKind::ALL {
            let text = format!("{}\n{}", kind.section().heading(), table_markdown(kind));
            let report = nianbao_parser::parse(&text);
            let table = report.table(kind).unwrap_or_else(|| panic!("{kind:?} not read back"));
            let values: usize = table.rows.iter().map(|row| row.cells.len()).sum();
            assert_eq!(values, kind.value_count(), "{kind:?}:\n{text}");
            assert!(table.rows.iter().all(|row| row.has_template_shape()), "{kind:?}:\n{text}");
        }
    }
}
