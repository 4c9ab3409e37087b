//! The national template's merged-cell layout of the three tables, as a grid
//! of cells with `rowspan`/`colspan` — what Word documents and published pages
//! show. The HTML and DOCX writers render it; a text report becomes a
//! sequence of [`Block`]s (prose lines and laid-out tables) first.

use nianbao_model::{RowKey, T2Row, T3Group, T3Row, T4Col, T4Group, T4Outcome, Table, TableKind};

/// One cell of a laid-out table.
#[derive(Clone, Debug)]
pub struct Cell {
    pub text: String,
    pub rowspan: usize,
    pub colspan: usize,
}

fn cell(text: &str, rowspan: usize, colspan: usize) -> Cell {
    Cell { text: text.to_string(), rowspan, colspan }
}

/// A piece of a report in document order.
#[derive(Clone, Debug)]
pub enum Block {
    /// A line of prose (headings included), trimmed, Markdown `#` removed.
    Line(String),
    /// A table in the template's layout: rows of cells.
    Table(Vec<Vec<Cell>>),
}

/// The blocks of `text`; `None` when a table is not template-shaped (it could
/// not be laid out in the template's cells).
pub fn blocks(text: &str) -> Option<Vec<Block>> {
    let report = nianbao_parser::parse(text);
    let mut tables: Vec<(usize, usize, Vec<Vec<Cell>>)> = Vec::new();
    for table in &report.tables {
        let values = nianbao_rules::format::table_values(table).ok()?;
        let value = |key: RowKey, index: usize| values.get(&(key, index)).cloned().unwrap_or_default();
        let start_line = text[..table.span.start].matches('\n').count();
        let end_line = text[..table.span.end].matches('\n').count();
        tables.push((start_line, end_line, table_layout(table, &value)));
    }
    let mut blocks = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if let Some((_, _, rows)) = tables.iter().find(|(start, _, _)| *start == index) {
            blocks.push(Block::Table(rows.clone()));
        } else if tables.iter().any(|(start, end, _)| (*start..=*end).contains(&index)) {
            continue;
        } else if !line.trim().is_empty() {
            blocks.push(Block::Line(line.trim().trim_start_matches('#').trim().to_string()));
        }
    }
    Some(blocks)
}

fn table_layout(table: &Table, value: &dyn Fn(RowKey, usize) -> String) -> Vec<Vec<Cell>> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    match table.kind {
        TableKind::Proactive => {
            let mut block = "";
            for row in T2Row::ALL {
                if row.block() != block {
                    block = row.block();
                    rows.push(vec![cell(block, 1, 4)]);
                    let wide = if row.columns().len() == 1 { 3 } else { 1 };
                    let mut header = vec![cell("信息内容", 1, 1)];
                    header.extend(row.columns().iter().map(|c| cell(c.label, 1, wide)));
                    rows.push(header);
                }
                let mut cells = vec![cell(row.label(), 1, 1)];
                let wide = if row.columns().len() == 1 { 3 } else { 1 };
                cells.extend((0..row.columns().len()).map(|i| cell(&value(RowKey::T2(row), i), 1, wide)));
                rows.push(cells);
            }
        }
        TableKind::Applications => {
            rows.push(vec![
                cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                cell("申请人情况", 1, 7),
            ]);
            rows.push(vec![cell("自然人", 2, 1), cell("法人或其他组织", 1, 5), cell("总计", 2, 1)]);
            rows.push(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map(|l| cell(l, 1, 1)).to_vec());
            let group_size = |group: T3Group| T3Row::ALL.iter().filter(|r| r.group() == Some(group)).count();
            let mut seen: Vec<T3Group> = Vec::new();
            for row in T3Row::ALL {
                let mut cells = Vec::new();
                match row.group() {
                    None => cells.push(cell(row.label(), 1, 3)),
                    Some(T3Group::Results) => {
                        if row == T3Row::Disclosed {
                            // 三、本年度办理结果 spans every result row, its subgroup
                            // labels and （七）总计 included.
                            cells.push(cell(T3Group::Results.label(), T3Row::results().len() + 1, 1));
                        }
                        cells.push(cell(row.label(), 1, 2));
                    }
                    Some(group) => {
                        if !seen.contains(&group) {
                            seen.push(group);
                            cells.push(cell(group.label(), group_size(group), 1));
                        }
                        cells.push(cell(row.label(), 1, 1));
                    }
                }
                cells.extend((0..7).map(|i| cell(&value(RowKey::T3(row), i), 1, 1)));
                rows.push(cells);
            }
        }
        TableKind::ReviewLitigation => {
            rows.push(vec![cell("行政复议", 1, 5), cell("行政诉讼", 1, 10)]);
            let mut second: Vec<Cell> = T4Outcome::ALL.iter().map(|o| cell(o.label(), 2, 1)).collect();
            second.extend([cell("未经复议直接起诉", 1, 5), cell("复议后起诉", 1, 5)]);
            rows.push(second);
            let third: Vec<Cell> =
                T4Group::ALL[1..].iter().flat_map(|_| T4Outcome::ALL.iter().map(|o| cell(o.label(), 1, 1))).collect();
            rows.push(third);
            rows.push(T4Col::ALL.map(|col| cell(&value(RowKey::T4, col.index()), 1, 1)).to_vec());
        }
    }
    rows
}
