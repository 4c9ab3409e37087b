//! Writes a text report as a DOCX document the way a Word draft holds it:
//! prose in `w:p` paragraphs, and the three tables in the national
//! template's merged-cell layout — `w:gridSpan` for merged columns, `w:vMerge`
//! for merged rows (a `restart` cell, then a continuation cell in each row
//! below). The DOCX fixtures are made from the seeds with this writer, so
//! `nianbao export` of both can be compared.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use crate::layout::{Block, Cell, blocks};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A paragraph; text is split into two runs, as Word splits runs at every
/// change of formatting, so the reader must join them.
fn paragraph(text: &str) -> String {
    if text.is_empty() {
        return "<w:p/>".to_string();
    }
    let middle = text.char_indices().nth(text.chars().count() / 2).map_or(text.len(), |(at, _)| at);
    let (first, second) = text.split_at(middle);
    let run = |t: &str| {
        if t.is_empty() { String::new() } else { format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", escape(t)) }
    };
    format!("<w:p>{}{}</w:p>", run(first), run(second))
}

fn tc(text: &str, colspan: usize, merge: Option<&str>) -> String {
    let mut properties = String::new();
    if colspan > 1 {
        properties += &format!("<w:gridSpan w:val=\"{colspan}\"/>");
    }
    match merge {
        Some("restart") => properties += "<w:vMerge w:val=\"restart\"/>",
        Some(_) => properties += "<w:vMerge/>",
        None => {}
    }
    format!("<w:tc><w:tcPr>{properties}</w:tcPr>{}</w:tc>", paragraph(text))
}

/// A table: each cell with a rowspan opens a vertical merge that the rows
/// below continue at the same grid column.
fn table(rows: &[Vec<Cell>]) -> String {
    // (first row after the cell, last row it covers, grid column, colspan)
    let mut merges: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut xml = String::from("<w:tbl><w:tblPr><w:tblBorders/></w:tblPr>");
    for (r, row) in rows.iter().enumerate() {
        xml += "<w:tr>";
        let mut column = 0;
        let mut cells = row.iter().peekable();
        loop {
            if let Some(&(_, _, _, colspan)) =
                merges.iter().find(|(from, to, at, _)| *at == column && (*from..=*to).contains(&r))
            {
                xml += &tc("", colspan, Some("continue"));
                column += colspan;
                continue;
            }
            let Some(cell) = cells.next() else { break };
            if cell.rowspan > 1 {
                merges.push((r + 1, r + cell.rowspan - 1, column, cell.colspan));
            }
            xml += &tc(&cell.text, cell.colspan, (cell.rowspan > 1).then_some("restart"));
            column += cell.colspan;
        }
        xml += "</w:tr>";
    }
    xml + "</w:tbl>"
}

/// The DOCX file for `text`; `None` when a table is not template-shaped.
pub fn report_docx(text: &str) -> Option<Vec<u8>> {
    let mut body = String::new();
    for block in blocks(text)? {
        match block {
            Block::Line(line) => body += &paragraph(&line),
            Block::Table(rows) => body += &table(&rows),
        }
        body.push('\n');
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\n{body}<w:sectPr/></w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed timestamp keeps the committed fixture byte-for-byte reproducible.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, content) in
        [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("word/document.xml", document.as_str())]
    {
        zip.start_file(name, options).ok()?;
        zip.write_all(content.as_bytes()).ok()?;
    }
    Some(zip.finish().ok()?.into_inner())
}
