//! The canonical Markdown text of headings and tables, for fixes that insert
//! them (and for `nianbao new`).

use nianbao_model::{RowKey, SectionKind, T2Row, T3Col, T3Group, T3Row, T4Col, T4Group, T4Outcome, TableKind};
use unicode_width::UnicodeWidthStr;

use crate::config::Level;

/// The template table of `kind` as a GFM table with every value 0.
pub fn table_markdown(kind: TableKind) -> String {
    table_markdown_with(kind, &|_, _| "0".to_string())
}

/// The template table of `kind` as an aligned GFM table, `value(row, index)`
/// giving the text of each value cell.
pub fn table_markdown_with(kind: TableKind, value: &dyn Fn(RowKey, usize) -> String) -> String {
    let grid = match kind {
        TableKind::Proactive => table2(value),
        TableKind::Applications => table3(value),
        TableKind::ReviewLitigation => table4(value),
    };
    render_grid(&grid)
}

/// Rows of cells, the first being the GFM header row. Aligned by display
/// width, so that Chinese (two columns a character) lines up in a monospace
/// editor.
fn render_grid(grid: &[Vec<String>]) -> String {
    let columns = grid.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![3; columns];
    for row in grid {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let line = |row: &[String]| {
        let mut out = String::from("|");
        for (index, width) in widths.iter().enumerate() {
            let cell = row.get(index).map_or("", String::as_str);
            out.push(' ');
            out.push_str(cell);
            out.push_str(&" ".repeat(width - cell.width()));
            out.push_str(" |");
        }
        out.push('\n');
        out
    };
    let mut out = String::new();
    for (index, row) in grid.iter().enumerate() {
        out += &line(row);
        if index == 0 {
            out.push('|');
            for width in &widths {
                out.push_str(&"-".repeat(width + 2));
                out.push('|');
            }
            out.push('\n');
        }
    }
    out
}

fn cells(first: &str, rest: impl IntoIterator<Item = String>, columns: usize) -> Vec<String> {
    let mut row = vec![first.to_string()];
    row.extend(rest);
    row.resize(columns, String::new());
    row
}

fn table2(value: &dyn Fn(RowKey, usize) -> String) -> Vec<Vec<String>> {
    let mut grid = Vec::new();
    let mut block = "";
    for t2_row in T2Row::ALL {
        if t2_row.block() != block {
            block = t2_row.block();
            grid.push(cells(block, [], 4));
            grid.push(cells("信息内容", t2_row.columns().iter().map(|col| col.label.to_string()), 4));
        }
        let values = (0..t2_row.columns().len()).map(|index| value(RowKey::T2(t2_row), index));
        grid.push(cells(t2_row.label(), values, 4));
    }
    grid
}

fn table3(value: &dyn Fn(RowKey, usize) -> String) -> Vec<Vec<String>> {
    let header = T3Col::ALL.iter().map(|col| col.label().to_string());
    let mut grid = vec![cells("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", header, 8)];
    let mut group = None;
    for t3_row in T3Row::ALL {
        if t3_row == T3Row::Disclosed {
            grid.push(cells(T3Group::Results.label(), [], 8));
        }
        let row_group = t3_row.group().filter(|g| *g != T3Group::Results);
        if row_group != group {
            if let Some(g) = row_group {
                grid.push(cells(g.label(), [], 8));
            }
            group = row_group;
        }
        grid.push(cells(t3_row.label(), (0..7).map(|index| value(RowKey::T3(t3_row), index)), 8));
    }
    grid
}

fn table4(value: &dyn Fn(RowKey, usize) -> String) -> Vec<Vec<String>> {
    let mut top = cells("行政复议", [], 15);
    top[5] = "行政诉讼".to_string();
    let mut middle = vec![String::new(); 15];
    middle[5] = "未经复议直接起诉".to_string();
    middle[10] = "复议后起诉".to_string();
    let outcomes = T4Group::ALL.iter().flat_map(|_| T4Outcome::ALL.iter().map(|o| o.label().to_string())).collect();
    let values = T4Col::ALL.iter().map(|col| value(RowKey::T4, col.index())).collect();
    vec![top, middle, outcomes, values]
}

/// A new report in Markdown for `agency` and `year`: title, statistics
/// period, the six headings with what each should say, the three tables with
/// zeros, and the 信息处理费 sentence — the start `nianbao new` writes.
pub fn report_markdown(year: i32, agency: &str, level: Level) -> String {
    let who = match level {
        Level::Government => "本级政府（由政府信息公开工作主管部门编制）",
        Level::Department | Level::Township => "本机关",
    };
    let mut out = preamble(year, agency);
    for kind in SectionKind::ALL {
        out += &format!("## {}\n\n", kind.heading());
        match kind.table() {
            Some(table) => out += &table_markdown(table),
            None => out += &format!("{}\n", section_hint(kind, who)),
        }
        out.push('\n');
    }
    out += &format!("{agency}\n");
    out
}

/// The title and the opening paragraph with the statistics period.
pub fn preamble(year: i32, agency: &str) -> String {
    format!(
        "# {agency}{year}年政府信息公开工作年度报告\n\n\
         本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。\
         本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n\n"
    )
}

/// What a prose section should say, as a placeholder the author replaces.
fn section_hint(kind: SectionKind, who: &str) -> String {
    match kind {
        SectionKind::Overview => format!(
            "（待填写：{who}本年度政府信息公开工作的总体情况，分主动公开、依申请公开、政府信息管理、\
             政府信息公开平台建设、监督保障等方面概述。）"
        ),
        SectionKind::Problems => {
            "（待填写：本年度政府信息公开工作存在的主要问题，上一年度报告所提问题的改进情况，以及下一步改进措施。）"
                .to_string()
        }
        _ => "本年度未收取政府信息公开信息处理费。（待填写：其他需要报告的事项。）".to_string(),
    }
}

/// The heading line of `kind`, with its newline.
pub fn heading_line(kind: SectionKind) -> String {
    format!("{}\n", kind.heading())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_report_has_no_errors_or_warnings() {
        let text = report_markdown(2025, "某某市某某局", Level::Department);
        let report = nianbao_parser::parse(&text);
        let findings = crate::check(&report, &crate::Config::default());
        let serious: Vec<_> =
            findings.iter().filter(|d| d.severity >= nianbao_model::Severity::Warning).map(|d| &d.code).collect();
        assert!(serious.is_empty(), "{serious:?}\n{text}");
        assert_eq!(report.metadata.year.as_ref().map(|y| y.value), Some(2025));
        assert_eq!(report.metadata.agency.as_ref().map(|a| a.value.as_str()), Some("某某市某某局"));
    }

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
