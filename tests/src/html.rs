//! Writes a text report as an HTML page the way government sites publish
//! them: site chrome around the article, prose in `<p>`, and the three tables
//! in the national template's merged-cell layout (`rowspan`/`colspan`). The
//! HTML fixtures are made from the seeds with this writer, so `nianbao export`
//! of both can be compared.

use nianbao_model::{RowKey, T2Row, T3Group, T3Row, T4Col, T4Group, T4Outcome, Table, TableKind};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn td(text: &str, rowspan: usize, colspan: usize) -> String {
    let mut attributes = String::new();
    if rowspan > 1 {
        attributes += &format!(" rowspan=\"{rowspan}\"");
    }
    if colspan > 1 {
        attributes += &format!(" colspan=\"{colspan}\"");
    }
    format!("<td{attributes}>{}</td>", if text.is_empty() { "&nbsp;".to_string() } else { escape(text) })
}

fn tr(cells: &[String]) -> String {
    format!("<tr>{}</tr>\n", cells.concat())
}

/// The page for `text`; `None` when a table is not template-shaped (it could
/// not be laid out in the template's cells).
pub fn report_html(text: &str, charset: &str) -> Option<String> {
    let report = nianbao_parser::parse(text);
    let mut tables: Vec<(usize, usize, String)> = Vec::new();
    for table in &report.tables {
        let values = nianbao_rules::format::table_values(table).ok()?;
        let value = |key: RowKey, index: usize| values.get(&(key, index)).cloned().unwrap_or_default();
        let start_line = text[..table.span.start].matches('\n').count();
        let end_line = text[..table.span.end].matches('\n').count();
        tables.push((start_line, end_line, table_html(table, &value)));
    }
    let mut body = String::new();
    for (index, line) in text.lines().enumerate() {
        if let Some((_, _, html)) = tables.iter().find(|(start, _, _)| *start == index) {
            body += html;
        } else if tables.iter().any(|(start, end, _)| (*start..=*end).contains(&index)) {
            continue;
        } else if !line.trim().is_empty() {
            body +=
                &format!("<p style=\"text-indent:2em\">{}</p>\n", escape(line.trim().trim_start_matches('#').trim()));
        }
    }
    Some(format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"{charset}\">\n<title>政府信息公开</title>\n\
         <style>td {{ border: 1px solid #000; }}</style>\n<script>var nav = '<table><tr><td>1</td></tr></table>';</script>\n\
         </head>\n<body>\n<header><div class=\"logo\">某某市人民政府门户网站</div></header>\n\
         <nav><a href=\"/\">首页</a> | <a href=\"/xxgk\">政府信息公开</a></nav>\n\
         <div class=\"article\">\n{body}</div>\n<footer>主办单位：某某市人民政府办公室 ICP备12345678号</footer>\n</body>\n</html>\n"
    ))
}

fn table_html(table: &Table, value: &dyn Fn(RowKey, usize) -> String) -> String {
    let mut rows = String::new();
    match table.kind {
        TableKind::Proactive => {
            let mut block = "";
            for row in T2Row::ALL {
                if row.block() != block {
                    block = row.block();
                    rows += &tr(&[td(block, 1, 4)]);
                    let wide = if row.columns().len() == 1 { 3 } else { 1 };
                    let mut header = vec![td("信息内容", 1, 1)];
                    header.extend(row.columns().iter().map(|c| td(c.label, 1, wide)));
                    rows += &tr(&header);
                }
                let mut cells = vec![td(row.label(), 1, 1)];
                let wide = if row.columns().len() == 1 { 3 } else { 1 };
                cells.extend((0..row.columns().len()).map(|i| td(&value(RowKey::T2(row), i), 1, wide)));
                rows += &tr(&cells);
            }
        }
        TableKind::Applications => {
            rows += &tr(&[
                td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                td("申请人情况", 1, 7),
            ]);
            rows += &tr(&[td("自然人", 2, 1), td("法人或其他组织", 1, 5), td("总计", 2, 1)]);
            rows += &tr(&["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map(|l| td(l, 1, 1)));
            let group_size = |group: T3Group| T3Row::ALL.iter().filter(|r| r.group() == Some(group)).count();
            let mut seen: Vec<T3Group> = Vec::new();
            for row in T3Row::ALL {
                let mut cells = Vec::new();
                match row.group() {
                    None => cells.push(td(row.label(), 1, 3)),
                    Some(T3Group::Results) => {
                        if row == T3Row::Disclosed {
                            // 三、本年度办理结果 spans every result row, its subgroup labels included.
                            cells.push(td(T3Group::Results.label(), T3Row::results().len(), 1));
                        }
                        cells.push(td(row.label(), 1, 2));
                    }
                    Some(group) => {
                        if !seen.contains(&group) {
                            seen.push(group);
                            cells.push(td(group.label(), group_size(group), 1));
                        }
                        cells.push(td(row.label(), 1, 1));
                    }
                }
                cells.extend((0..7).map(|i| td(&value(RowKey::T3(row), i), 1, 1)));
                rows += &tr(&cells);
            }
        }
        TableKind::ReviewLitigation => {
            rows += &tr(&[td("行政复议", 1, 5), td("行政诉讼", 1, 10)]);
            let mut second: Vec<String> = T4Outcome::ALL.iter().map(|o| td(o.label(), 2, 1)).collect();
            second.extend([td("未经复议直接起诉", 1, 5), td("复议后起诉", 1, 5)]);
            rows += &tr(&second);
            let third: Vec<String> =
                T4Group::ALL[1..].iter().flat_map(|_| T4Outcome::ALL.iter().map(|o| td(o.label(), 1, 1))).collect();
            rows += &tr(&third);
            rows += &tr(&T4Col::ALL.map(|col| td(&value(RowKey::T4, col.index()), 1, 1)));
        }
    }
    format!("<table border=\"1\" cellspacing=\"0\">\n<tbody>\n{rows}</tbody>\n</table>\n")
}
