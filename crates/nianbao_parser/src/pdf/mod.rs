//! Published PDFs: the text layer read by glyph position and projected into
//! the plain-text layout the parser reads, with the place (page, line, table
//! cell) of every projected piece — as DOCX drafts are.
//!
//! - `glyphs` interprets each page into positioned glyphs and ruled lines
//!   (the only code that knows the PDF library);
//! - `lattice` reads ruled tables as grids with merged cells;
//! - `page` groups a page's glyphs into lines and cells, drops page footers,
//!   and joins the lines of one paragraph or one cell.
//!
//! Prose is set hard-wrapped in a PDF: a line that runs to the right margin
//! continues on the next line unless that one is indented, so wrapped lines
//! are joined into one paragraph line (across pages too), and a label
//! wrapped inside its cell into one cell. A ruled table becomes tab rows in
//! the layout HTML pages project to (a merged cell's continuation is an
//! empty cell); an unruled one keeps the gaps between its cells as tabs.
//!
//! Reading never fails: a file that is not a PDF, is damaged past repair,
//! needs a password or has no text layer (a scan) gives an empty projection
//! with [`Document::problem`] set; the CLI refuses such a file by name.

use nianbao_model::{Bilingual, bilingual};

mod glyphs;
mod lattice;
mod page;

/// Where a piece of the projection is in the PDF. Numbers are 1-based, as a
/// reader counts them: `line` counts the text lines of the page from the
/// top, table text included, page footers not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub page: usize,
    pub line: usize,
    /// For a table cell: its row and column in the ruled grid of the table's
    /// part on this page (merged cells count every column they span).
    pub cell: Option<(usize, usize)>,
}

/// The projected text and the place each piece of it came from.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The plain-text layout to parse.
    pub text: String,
    /// `(offset in text, place)`, in text order: a place runs to the next entry.
    places: Vec<(usize, Place)>,
    /// Pages in the file.
    pub pages: usize,
    /// Why nothing could be read (damaged, encrypted, a scan without text …),
    /// in both languages: the reader picks one where it is shown.
    pub problem: Option<Bilingual>,
}

impl Document {
    /// The place the projected byte at `offset` came from.
    pub fn place_at(&self, offset: usize) -> Option<Place> {
        let index = self.places.partition_point(|(at, _)| *at <= offset);
        index.checked_sub(1).map(|i| self.places[i].1)
    }

    /// The cells of the row that `place`'s cell is in, left to right.
    pub fn row_cells(&self, place: Place) -> impl Iterator<Item = (Place, &str)> {
        let row = place.cell.map(|(row, _)| row);
        self.places.iter().enumerate().filter_map(move |(index, &(start, p))| {
            let same_row = p.page == place.page && p.cell.map(|(r, _)| r) == row && row.is_some();
            let end = self.places.get(index + 1).map_or(self.text.len(), |(at, _)| *at);
            same_row.then(|| (p, self.text[start..end].trim_end_matches(['\t', '\n'])))
        })
    }
}

/// Whether `bytes` start like a PDF file (`%PDF-` in the first kilobyte, as
/// readers accept it).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// Whether a PDF file ends as one does: with `%%EOF` in its last kilobyte.
/// A download cut short does not, and what can be repaired of it is part of
/// a report: checked, it would give findings for the pages it lost.
fn is_complete(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[bytes.len().saturating_sub(1024)..], b"%%EOF").is_some()
}

/// Reads a PDF file's bytes.
pub fn read(bytes: &[u8]) -> Document {
    if looks_like_pdf(bytes) && !is_complete(bytes) {
        let problem = bilingual!(
            "a truncated PDF: the file ends before the PDF's end marker (%%EOF); was the download cut short?",
            "PDF 文件不完整：文件在结束标记（%%EOF）之前中断，可能未下载完整"
        );
        return Document { problem: Some(problem), ..Document::default() };
    }
    // The PDF library is built not to panic on damaged files, and fuzzing
    // found none; a panic all the same is this file's problem, not the
    // end of a folder's check.
    let read = std::panic::catch_unwind(|| glyphs::pages(bytes, usize::MAX));
    let pages = match read.unwrap_or(Err(glyphs::Unreadable::ReaderFailed)) {
        Ok(pages) => pages,
        Err(why) => {
            let problem = match why {
                glyphs::Unreadable::Damaged if !looks_like_pdf(bytes) => bilingual!("not a PDF file", "不是 PDF 文件"),
                glyphs::Unreadable::Damaged => bilingual!(
                    "a damaged PDF (truncated or corrupt): no page could be read",
                    "PDF 文件已损坏（不完整或内容有误）：没有一页能够读取"
                ),
                glyphs::Unreadable::Password => {
                    bilingual!("an encrypted PDF that needs a password to open", "PDF 文件已加密，须输入密码才能打开")
                }
                glyphs::Unreadable::Encryption => bilingual!(
                    "an encrypted PDF in a form nianbao cannot decrypt",
                    "PDF 文件已加密，其加密方式 nianbao 无法解密"
                ),
                glyphs::Unreadable::ReaderFailed => {
                    bilingual!("a damaged PDF: reading it failed", "PDF 文件已损坏：读取失败")
                }
            };
            return Document { problem: Some(problem), ..Document::default() };
        }
    };
    let mut document = page::project(&pages);
    if document.problem.is_none() && pages.is_empty() {
        document.problem = Some(bilingual!(
            "a damaged PDF (truncated or corrupt): it has no pages",
            "PDF 文件已损坏（不完整或内容有误）：文件中没有页面"
        ));
    } else if document.problem.is_none() && !has_text(&document.text) {
        let images: usize = pages.iter().map(|page| page.images).sum();
        document.problem = Some(if images > 0 {
            bilingual!(
                "no text layer: a scanned PDF (its pages are images; run OCR first)",
                "没有文字层：这是扫描件（各页都是图片），请先做文字识别（OCR）"
            )
        } else {
            bilingual!("no text layer: the PDF shows no text", "没有文字层：PDF 中没有可读取的文字")
        });
    }
    document
}

/// The projected text of a PDF's first page, where a report states its
/// agency and year: for finding last year's report among downloads named
/// as the site stored them (「P020240131563281837386.pdf」), without reading
/// every page. `None` for a file [`read`] would refuse, or a page without
/// text.
pub fn first_page_text(bytes: &[u8]) -> Option<String> {
    if !looks_like_pdf(bytes) || !is_complete(bytes) {
        return None;
    }
    let pages = std::panic::catch_unwind(|| glyphs::pages(bytes, 1)).ok()?.ok()?;
    let text = page::project(&pages).text;
    has_text(&text).then_some(text)
}

/// Whether a projection holds text beyond page numbers and stray marks.
fn has_text(text: &str) -> bool {
    text.chars().filter(|ch| !ch.is_whitespace() && !ch.is_ascii_punctuation()).nth(20).is_some()
}
