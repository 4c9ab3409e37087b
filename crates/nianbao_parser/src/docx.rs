//! DOCX drafts (Word, WPS): `word/document.xml` read out of the zip and
//! projected into the plain-text layout the parser reads, with the place in
//! the document (paragraph, or table/row/column) of every projected piece.
//!
//! A DOCX file has no text to point into, so diagnostics name places instead:
//! [`Document::place_at`] tells which paragraph or table cell a byte of the
//! projection came from. Paragraphs become lines; each `w:tbl` becomes
//! tab-separated rows, a `w:vMerge` continuation written as an empty cell and
//! a `w:gridSpan` cell as one cell — the layout the HTML projection writes
//! (an empty field after a merged label would read as a blank value). Places
//! still count grid columns, as Word shows them.
//!
//! Reading never fails: a file that is not a zip, or has no
//! `word/document.xml`, gives an empty projection with [`Document::problem`]
//! set, and damaged XML keeps what was read before the damage.

use std::io::{Cursor, Read};

use nianbao_model::{Bilingual, bilingual};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Where a piece of the projection is in the DOCX document. Numbers are
/// 1-based, as Word shows them; `column` counts grid columns, so a cell after
/// a merged two-column cell is column 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The `index`-th paragraph of the body outside tables.
    Paragraph { index: usize },
    /// A cell of the `table`-th table of the body.
    Cell { table: usize, row: usize, column: usize },
}

/// The projected text and the place each piece of it came from.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The plain-text layout to parse.
    pub text: String,
    /// `(offset in text, place)`, in text order: a place runs to the next entry.
    places: Vec<(usize, Place)>,
    /// Why nothing could be read (not a zip, no `word/document.xml`, …), in
    /// both languages: the reader picks one where it is shown.
    pub problem: Option<Bilingual>,
}

impl Document {
    /// The place the projected byte at `offset` came from. Offsets on the tab
    /// or line break after a piece belong to that piece.
    pub fn place_at(&self, offset: usize) -> Option<Place> {
        let index = self.places.partition_point(|(at, _)| *at <= offset);
        index.checked_sub(1).map(|i| self.places[i].1)
    }

    /// The text of a place as projected (a paragraph's line, a cell's value).
    pub fn text_of(&self, place: Place) -> &str {
        let Some(index) = self.places.iter().position(|(_, p)| *p == place) else { return "" };
        let start = self.places[index].0;
        let end = self.places.get(index + 1).map_or(self.text.len(), |(at, _)| *at);
        self.text[start..end].trim_end_matches(['\t', '\n'])
    }
}

/// The part of a DOCX file that holds the document's text.
const DOCUMENT_PART: &str = "word/document.xml";

/// Files larger than this inside the zip are not read (a zip bomb guard).
const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

/// Whether `bytes` start like a zip archive (`PK\x03\x04`).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads a DOCX file's bytes.
pub fn read(bytes: &[u8]) -> Document {
    match document_xml(bytes) {
        Ok(xml) => project(&xml),
        Err(problem) => Document { problem: Some(problem), ..Document::default() },
    }
}

fn document_xml(bytes: &[u8]) -> Result<String, Bilingual> {
    let part = DOCUMENT_PART;
    // The zip library's own words about the damage stay as it writes them.
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| {
        bilingual!("not a DOCX file (not a zip archive: {error})", "不是 DOCX 文件（无法作为 zip 压缩包打开：{error}）")
    })?;
    let entry = archive.by_name(part).map_err(|_| {
        bilingual!("not a DOCX file (the archive has no {part})", "不是 DOCX 文件（压缩包中没有 {part}）")
    })?;
    if entry.size() > MAX_XML_BYTES {
        let size = entry.size();
        return Err(bilingual!(
            "{part} is {size} bytes, more than nianbao reads",
            "{part} 有{size}字节，超出 nianbao 读取的上限"
        ));
    }
    let mut raw = Vec::new();
    entry
        .take(MAX_XML_BYTES)
        .read_to_end(&mut raw)
        .map_err(|error| bilingual!("cannot unpack {part}: {error}", "无法解压 {part}：{error}"))?;
    // DOCX XML is UTF-8 (or UTF-16 with a BOM, which Word never writes); a
    // damaged byte is replaced rather than refused.
    Ok(String::from_utf8_lossy(&raw).into_owned())
}

/// Projects `word/document.xml` into the text layout the parser reads.
pub fn project(xml: &str) -> Document {
    let mut projector = Projector::default();
    let mut reader = Reader::from_str(xml);
    // Damaged XML: keep what was read before the damage.
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(tag) => projector.start(&tag, false),
            Event::Empty(tag) => projector.start(&tag, true),
            Event::End(tag) => projector.end(tag.local_name().as_ref()),
            Event::Text(text) if projector.in_text => projector.text(&text.xml10_content()),
            Event::GeneralRef(reference) if projector.in_text => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(ch)) => Some(ch.to_string()),
                    _ => quick_xml::escape::resolve_predefined_entity(&reference).map(str::to_string),
                };
                projector.text(resolved.as_deref().unwrap_or(""));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    while !projector.tables.is_empty() {
        projector.finish_table();
    }
    projector.finish_paragraph();
    projector.out
}

#[derive(Debug, Default)]
struct Projector {
    out: Document,
    /// Inside `w:t`: its text is the document's.
    in_text: bool,
    /// Inside `w:del`, `w:instrText` and the like: text that is not shown.
    hidden: usize,
    /// The paragraph being read outside tables.
    paragraph: String,
    paragraphs: usize,
    /// Tables being read, innermost last (tables nest in cells).
    tables: Vec<TableText>,
    tables_seen: usize,
}

#[derive(Debug, Default)]
struct TableText {
    number: usize,
    rows: Vec<Vec<CellText>>,
}

#[derive(Debug, Default)]
struct CellText {
    text: String,
    span: usize,
    /// `w:vMerge` without `restart`: the cell continues the one above.
    continues: bool,
}

impl Projector {
    fn start(&mut self, tag: &BytesStart<'_>, empty: bool) {
        let name = tag.local_name();
        match name.as_ref() {
            "t" if !empty => self.in_text = self.hidden == 0,
            "delText" | "instrText" | "del" if !empty => self.hidden += 1,
            "tab" if self.hidden == 0 => self.text("\t"),
            "br" | "cr" if self.hidden == 0 => self.text("\n"),
            "tbl" if !empty => {
                self.finish_paragraph();
                self.tables_seen += 1;
                self.tables.push(TableText { number: self.tables_seen, rows: Vec::new() });
            }
            "tr" if !empty => {
                if let Some(table) = self.tables.last_mut() {
                    table.rows.push(Vec::new());
                }
            }
            "tc" => {
                if let Some(row) = self.tables.last_mut().and_then(|table| table.rows.last_mut()) {
                    row.push(CellText { span: 1, ..CellText::default() });
                }
            }
            "gridSpan" => {
                let span = value(tag).and_then(|v| v.parse::<usize>().ok()).filter(|n| (1..=64).contains(n));
                if let Some(cell) = self.current_cell() {
                    cell.span = span.unwrap_or(1);
                }
            }
            "vMerge" => {
                let continues = value(tag).is_none_or(|v| v != "restart");
                if let Some(cell) = self.current_cell() {
                    cell.continues = continues;
                }
            }
            "p" if !empty => {
                // A new paragraph inside a cell reads as a space.
                if let Some(cell) = self.current_cell()
                    && !cell.text.is_empty()
                {
                    cell.text.push(' ');
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "delText" | "instrText" | "del" => self.hidden = self.hidden.saturating_sub(1),
            "p" if self.tables.is_empty() => self.finish_paragraph(),
            "tbl" => self.finish_table(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.hidden > 0 {
            return;
        }
        if let Some(cell) = self.current_cell() {
            cell.text.push_str(text);
        } else if self.tables.is_empty() {
            self.paragraph.push_str(text);
        }
        // Text between cells of a table (malformed XML) belongs to no cell.
    }

    fn current_cell(&mut self) -> Option<&mut CellText> {
        self.tables.last_mut()?.rows.last_mut()?.last_mut()
    }

    fn finish_paragraph(&mut self) {
        let paragraph = std::mem::take(&mut self.paragraph);
        let line = one_line(&paragraph);
        self.paragraphs += 1;
        if line.is_empty() {
            return;
        }
        let place = Place::Paragraph { index: self.paragraphs };
        self.out.places.push((self.out.text.len(), place));
        self.out.text.push_str(&line);
        self.out.text.push('\n');
    }

    /// Writes the innermost table as tab-separated rows, merged cells expanded.
    fn finish_table(&mut self) {
        let Some(table) = self.tables.pop() else { return };
        if let Some(cell) = self.current_cell() {
            // A table nested in a cell: its text joins the cell's.
            for row in table.rows {
                for inner in row {
                    cell.text.push(' ');
                    cell.text.push_str(&inner.text);
                }
            }
            return;
        }
        for (r, row) in table.rows.into_iter().enumerate() {
            let mut column = 1;
            for (index, cell) in row.into_iter().enumerate() {
                if index > 0 {
                    self.out.text.push('\t');
                }
                let place = Place::Cell { table: table.number, row: r + 1, column };
                self.out.places.push((self.out.text.len(), place));
                if !cell.continues {
                    self.out.text.push_str(&one_line(&cell.text));
                }
                column += cell.span;
            }
            self.out.text.push('\n');
        }
    }
}

/// The `w:val` attribute of a tag.
fn value(tag: &BytesStart<'_>) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|attribute| attribute.key.local_name().as_ref() == "val")
        .map(|a| a.value.into_owned())
}

/// Text on one line: tabs, breaks and runs of spaces become one space.
fn one_line(text: &str) -> String {
    text.split([' ', '\t', '\n', '\r', '\u{a0}']).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">全年新收申请</w:t></w:r><w:r><w:t>3件</w:t></w:r><w:del><w:r><w:delText>5件</w:delText></w:r></w:del><w:r><w:t>，A&amp;B。</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>三、本年度</w:t></w:r></w:p><w:p><w:r><w:t>办理结果</w:t></w:r></w:p></w:tc>
<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>四、</w:t></w:r><w:r><w:tab/><w:t>复议</w:t></w:r></w:p>
</w:body></w:document>"#;

    #[test]
    fn paragraphs_and_merged_cells_project_to_the_tab_layout() {
        let document = project(XML);
        assert_eq!(
            document.text,
            "一、总体情况\n全年新收申请3件，A&B。\n三、本年度 办理结果\t（一）予以公开\t1\n\t（二）部分公开\t2\n四、 复议\n"
        );
        let at = document.text.find("2\n四").unwrap();
        assert_eq!(document.place_at(at), Some(Place::Cell { table: 1, row: 2, column: 4 }));
        assert_eq!(document.text_of(Place::Cell { table: 1, row: 2, column: 2 }), "（二）部分公开");
        let at = document.text.find("3件").unwrap();
        assert_eq!(document.place_at(at), Some(Place::Paragraph { index: 2 }));
        assert_eq!(document.place_at(document.text.find("复议").unwrap()), Some(Place::Paragraph { index: 4 }));
    }

    #[test]
    fn damage_gives_a_problem_or_a_partial_projection() {
        let problem = read(b"not a zip").problem.unwrap();
        assert!(problem.pick(nianbao_model::Lang::En).starts_with("not a DOCX file (not a zip archive: "));
        assert!(problem.pick(nianbao_model::Lang::Zh).starts_with("不是 DOCX 文件（无法作为 zip 压缩包打开："));
        let truncated = &XML[..XML.find("<w:tbl>").unwrap() + 40];
        let document = project(truncated);
        assert!(document.text.starts_with("一、总体情况\n"), "{:?}", document.text);
    }
}
