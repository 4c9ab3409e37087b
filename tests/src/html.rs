//! Writes a text report as an HTML page the way government sites publish
//! them: site chrome around the article, prose in `<p>`, and the three tables
//! in the national template's merged-cell layout (`rowspan`/`colspan`). The
//! HTML fixtures are made from the seeds with this writer, so `nianbao export`
//! of both can be compared.

use crate::layout::{Block, Cell, blocks};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn td(cell: &Cell) -> String {
    let mut attributes = String::new();
    if cell.rowspan > 1 {
        attributes += &format!(" rowspan=\"{}\"", cell.rowspan);
    }
    if cell.colspan > 1 {
        attributes += &format!(" colspan=\"{}\"", cell.colspan);
    }
    let text = if cell.text.is_empty() { "&nbsp;".to_string() } else { escape(&cell.text) };
    format!("<td{attributes}>{text}</td>")
}

/// The page for `text`; `None` when a table is not template-shaped.
pub fn report_html(text: &str, charset: &str) -> Option<String> {
    let mut body = String::new();
    for block in blocks(text)? {
        match block {
            Block::Line(line) => body += &format!("<p style=\"text-indent:2em\">{}</p>\n", escape(&line)),
            Block::Table(rows) => {
                let rows: String =
                    rows.iter().map(|row| format!("<tr>{}</tr>\n", row.iter().map(td).collect::<String>())).collect();
                body += &format!("<table border=\"1\" cellspacing=\"0\">\n<tbody>\n{rows}</tbody>\n</table>\n");
            }
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
