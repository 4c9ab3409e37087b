//! Typesets a text report as a PDF the way WPS and Word export one: A4
//! pages, the body in 三号 (16 pt) hard-wrapped at 28 characters a line with
//! a two-character first-line indent, the title in 二号 and centred, page
//! footers 「- N -」, and the three tables in 五号 (10.5 pt) in the
//! template's merged-cell layout, ruled, with text wrapped inside narrow
//! cells (「结果」/「维持」, labels over two lines) and rows carried over
//! to the next page. Text is shown through a Type0 font with `Identity-H`
//! codes and a `ToUnicode` map, as those exports write CJK text; the font
//! program is not embedded (a reader of the text layer needs only the map
//! and the widths).
//!
//! The PDF fixtures are made from the seeds and the example with this
//! writer, so `nianbao export` of both can be compared. The file is ASCII
//! (text as hex strings, streams uncompressed), so it is also a `String`.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::layout::{Block, Cell, blocks};

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const LEFT: f32 = 79.0;
const TEXT_WIDTH: f32 = 448.0;
const TOP: f32 = PAGE_HEIGHT - 105.0;
const BOTTOM: f32 = 99.0;
const BODY_SIZE: f32 = 16.0;
const BODY_LEADING: f32 = 28.95;
const TITLE_SIZE: f32 = 22.0;
const TABLE_SIZE: f32 = 10.5;
const TABLE_LEADING: f32 = 13.0;
const CELL_PAD_X: f32 = 2.0;
const CELL_PAD_Y: f32 = 4.0;

/// How the writer varies what real exports vary.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// A quarter em of space between Arabic numbers and CJK text in prose,
    /// as WPS sets 「2023 年」: a gap in the glyph positions (a `TJ`
    /// adjustment), not a space character.
    pub spaced_numbers: bool,
    /// Each glyph placed on its own (`Tm` before every character), as some
    /// PDF printers write text, instead of one string per line.
    pub glyph_by_glyph: bool,
    /// How headings and table labels are made bold.
    pub bold: Bold,
    /// The other habits of WPS's export (the 淮安市 2024 report): a flipped
    /// coordinate system with glyphs at 20 times their size scaled by
    /// 0.05, the page footer drawn first, a white filled rectangle behind
    /// every prose line, and numbers drawn in pieces (「202」 then 「3」).
    pub wps_export: bool,
}

/// How an export makes text bold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Bold {
    /// A bold font: nothing the text layer shows.
    #[default]
    Font,
    /// Each glyph painted with fill and stroke (text render mode 2), as
    /// WPS does: one glyph run drawn twice by a reader that paints it.
    FillStroke,
    /// Each glyph drawn a second time a hair to the right.
    Overprint,
}

/// The PDF of `text`; `None` when a table is not template-shaped.
pub fn report_pdf(text: &str, style: Style) -> Option<String> {
    let mut pages = Pages::default();
    pages.new_page();
    let mut first = true;
    for block in blocks(text)? {
        match block {
            Block::Line(line) if first => {
                first = false;
                pages.title(&line);
            }
            Block::Line(line) => pages.paragraph(&line, style.spaced_numbers, is_heading(&line)),
            Block::Table(rows) => pages.table(&rows),
        }
    }
    Some(pages.finish(style))
}

/// Headings are set bold: a line that opens with 「一、」 or 「（一）」 and is short.
fn is_heading(line: &str) -> bool {
    let numbered = line.starts_with(['一', '二', '三', '四', '五', '六', '（']);
    numbered && line.chars().count() <= 30 && !line.contains('。')
}

/// The space WPS adds between an Arabic number and CJK text, in ems.
const NUMBER_GAP: f32 = 0.25;

/// Whether WPS sets a gap between `previous` and `ch`: a digit beside a
/// CJK character that is not punctuation.
fn number_gap(previous: char, ch: char) -> bool {
    let boundary = (previous.is_ascii_digit() && !ch.is_ascii()) || (!previous.is_ascii() && ch.is_ascii_digit());
    boundary && !is_punctuation(previous) && !is_punctuation(ch)
}

fn is_punctuation(ch: char) -> bool {
    "，。、；：？！（）《》「」“”‘’%〔〕【】．.".contains(ch)
}

/// Characters a line may not start with (避头尾): they hang at the end of
/// the line before.
fn no_line_start(ch: char) -> bool {
    "，。、；：？！）》」”’%,.;:?!)".contains(ch)
}

fn advance(ch: char, size: f32) -> f32 {
    if ch.is_ascii() { size * 0.5 } else { size }
}

fn width(text: &str, size: f32, gaps: bool) -> f32 {
    let mut previous = None;
    text.chars()
        .map(|ch| {
            let gap = previous.is_some_and(|p| gaps && number_gap(p, ch));
            previous = Some(ch);
            advance(ch, size) + if gap { NUMBER_GAP * size } else { 0.0 }
        })
        .sum()
}

/// `text` broken into lines: the first `first_width` wide, the rest `width`;
/// with `gaps`, numbers set apart from CJK text by [`NUMBER_GAP`].
fn wrap(text: &str, size: f32, first_width: f32, rest_width: f32, gaps: bool) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0.0;
    for ch in text.chars() {
        let limit = if lines.len() == 1 { first_width } else { rest_width };
        let gap = match lines.last().and_then(|line| line.chars().last()) {
            Some(previous) if gaps && number_gap(previous, ch) => NUMBER_GAP * size,
            _ => 0.0,
        };
        used += gap;
        let fits = used + advance(ch, size) <= limit + 0.01;
        if !fits && !lines.last().is_some_and(String::is_empty) && !no_line_start(ch) {
            // A number or Latin word is not broken: its start moves down too.
            let line = lines.last_mut().expect("one line at least");
            let word_start = if ch.is_ascii_alphanumeric() {
                line.rfind(|c: char| !c.is_ascii_alphanumeric())
                    .map_or(0, |at| at + line[at..].chars().next().map_or(1, char::len_utf8))
            } else {
                line.len()
            };
            let carried = if word_start > 0 { line.split_off(word_start) } else { String::new() };
            used = width(&carried, size, gaps);
            lines.push(carried);
        }
        lines.last_mut().expect("one line at least").push(ch);
        used += advance(ch, size);
    }
    lines
}

/// One piece of a page: a string at a place, or a ruled line.
enum Mark {
    Text { x: f32, y: f32, size: f32, text: String, gaps: bool, bold: bool },
    Rule { x1: f32, y1: f32, x2: f32, y2: f32 },
}

#[derive(Default)]
struct Pages {
    pages: Vec<Vec<Mark>>,
    /// The baseline of the next line of prose, or the top of the next table row.
    y: f32,
}

impl Pages {
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    fn mark(&mut self, mark: Mark) {
        self.pages.last_mut().expect("a page is open").push(mark);
    }

    fn text(&mut self, x: f32, y: f32, size: f32, text: &str, gaps: bool, bold: bool) {
        if !text.is_empty() {
            self.mark(Mark::Text { x, y, size, text: text.to_string(), gaps, bold });
        }
    }

    /// Room for a line of `leading` below `self.y`, on a new page if needed.
    fn room(&mut self, leading: f32) {
        if self.y - leading < BOTTOM {
            self.new_page();
        }
    }

    fn title(&mut self, line: &str) {
        for part in wrap(line, TITLE_SIZE, TEXT_WIDTH, TEXT_WIDTH, false) {
            self.room(TITLE_SIZE * 1.6);
            self.y -= TITLE_SIZE * 1.6;
            let x = LEFT + (TEXT_WIDTH - width(&part, TITLE_SIZE, false)) / 2.0;
            self.text(x, self.y, TITLE_SIZE, &part, false, false);
        }
        self.y -= BODY_LEADING / 2.0;
    }

    fn paragraph(&mut self, line: &str, gaps: bool, bold: bool) {
        let indent = 2.0 * BODY_SIZE;
        for (index, part) in wrap(line, BODY_SIZE, TEXT_WIDTH - indent, TEXT_WIDTH, gaps).into_iter().enumerate() {
            self.room(BODY_LEADING);
            self.y -= BODY_LEADING;
            let x = if index == 0 { LEFT + indent } else { LEFT };
            self.text(x, self.y, BODY_SIZE, &part, gaps, bold);
        }
    }

    fn table(&mut self, rows: &[Vec<Cell>]) {
        let grid = Grid::of(rows);
        let widths = column_widths(grid.columns);
        let x_at = |column: usize| LEFT + widths[..column].iter().sum::<f32>();
        let span_width = |cell: &Placed| widths[cell.column..cell.column + cell.colspan].iter().sum::<f32>();
        let lines_of = |cell: &Placed| {
            let inner = span_width(cell) - 2.0 * CELL_PAD_X;
            wrap(&cell.text, TABLE_SIZE, inner, inner, false)
        };
        let needed = |cell: &Placed| lines_of(cell).len() as f32 * TABLE_LEADING + 2.0 * CELL_PAD_Y;
        // Row heights: what the row's own cells need, then merged cells' needs
        // added to their last row.
        let mut heights: Vec<f32> = (0..grid.rows)
            .map(|r| {
                grid.cells
                    .iter()
                    .filter(|c| c.row == r && c.rowspan == 1)
                    .map(needed)
                    .fold(TABLE_LEADING + 2.0 * CELL_PAD_Y, f32::max)
            })
            .collect();
        for cell in grid.cells.iter().filter(|c| c.rowspan > 1) {
            let have: f32 = heights[cell.row..cell.row + cell.rowspan].iter().sum();
            if needed(cell) > have {
                heights[cell.row + cell.rowspan - 1] += needed(cell) - have;
            }
        }
        self.y -= BODY_LEADING / 2.0;
        // Each row's page and top; a row that does not fit starts a page.
        let mut placed_rows: Vec<(usize, f32)> = Vec::new();
        for height in &heights {
            if self.y - height < BOTTOM {
                self.new_page();
            }
            placed_rows.push((self.pages.len() - 1, self.y));
            self.y -= height;
        }
        for cell in &grid.cells {
            let (x1, x2) = (x_at(cell.column), x_at(cell.column + cell.colspan));
            // The cell's part on each page it spans: its rows there.
            let rows = cell.row..cell.row + cell.rowspan;
            let mut parts: Vec<(usize, f32, f32)> = Vec::new();
            for r in rows {
                let (page, top) = placed_rows[r];
                match parts.last_mut() {
                    Some(part) if part.0 == page => part.2 = top - heights[r],
                    _ => parts.push((page, top, top - heights[r])),
                }
            }
            // Text centred in the cell; a cell split by a page break shows
            // what fits of its text on each page, as Word does.
            let mut lines = lines_of(cell).into_iter().peekable();
            for &(page, top, bottom) in &parts {
                let target = &mut self.pages[page];
                target.push(Mark::Rule { x1, y1: top, x2, y2: top });
                target.push(Mark::Rule { x1, y1: bottom, x2, y2: bottom });
                target.push(Mark::Rule { x1, y1: top, x2: x1, y2: bottom });
                target.push(Mark::Rule { x1: x2, y1: top, x2, y2: bottom });
                let room = (((top - bottom) - 2.0 * CELL_PAD_Y) / TABLE_LEADING).floor().max(1.0) as usize;
                let here: Vec<String> = lines.by_ref().take(room).collect();
                let block = here.len() as f32 * TABLE_LEADING;
                let mut baseline = top - ((top - bottom) - block) / 2.0 - TABLE_SIZE;
                for line in here {
                    let x = x1 + ((x2 - x1) - width(&line, TABLE_SIZE, false)) / 2.0;
                    if !line.is_empty() {
                        // Labels and headers bold, values not.
                        let bold = !line.chars().all(|ch| ch.is_ascii_digit() || ch == '.');
                        target.push(Mark::Text { x, y: baseline, size: TABLE_SIZE, text: line, gaps: false, bold });
                    }
                    baseline -= TABLE_LEADING;
                }
            }
        }
        self.y -= BODY_LEADING / 2.0;
    }

    fn finish(self, style: Style) -> String {
        let mut used: BTreeSet<u16> = BTreeSet::new();
        let mut contents = Vec::new();
        let count = self.pages.len();
        for (index, marks) in self.pages.iter().enumerate() {
            let footer = format!("- {} -", index + 1);
            let footer_x = PAGE_WIDTH / 2.0 - width(&footer, 14.0, false) / 2.0;
            let plain = Style { bold: Bold::Font, ..style };
            let footer_style = Style { glyph_by_glyph: false, ..plain };
            let mut stream = String::new();
            if style.wps_export {
                // User space flipped: y grows downwards from the top.
                let _ = writeln!(stream, "1 0 0 -1 0 {PAGE_HEIGHT} cm");
            }
            stream += "0.5 w 0 G\n";
            if style.wps_export {
                // WPS draws the page footer before the page's text.
                show(&mut stream, &mut used, (footer_x, 60.0, 14.0), &footer, false, footer_style);
            }
            for mark in marks {
                match mark {
                    Mark::Rule { x1, y1, x2, y2 } => {
                        let (y1, y2) = (flip(*y1, style), flip(*y2, style));
                        let _ = writeln!(stream, "{x1:.2} {y1:.2} m {x2:.2} {y2:.2} l S");
                    }
                    Mark::Text { x, y, size, text, gaps, bold } => {
                        if style.wps_export && *size == BODY_SIZE {
                            // A white box behind each prose line.
                            let w = width(text, *size, *gaps);
                            let top = flip(*y + *size * 0.9, style);
                            let _ = writeln!(stream, "1 g {x:.2} {top:.2} {w:.2} {:.2} re f 0 g", *size * 1.3);
                        }
                        let style = if *bold { style } else { plain };
                        show(&mut stream, &mut used, (*x, *y, *size), text, *gaps, style);
                    }
                }
            }
            if !style.wps_export {
                show(&mut stream, &mut used, (footer_x, 60.0, 14.0), &footer, false, footer_style);
            }
            contents.push(stream);
        }
        assemble(&contents, &used, count)
    }
}

/// `y` in the page's user space: flipped in a WPS export.
fn flip(y: f32, style: Style) -> f32 {
    if style.wps_export { PAGE_HEIGHT - y } else { y }
}

/// Shows `text` at (x, y) in `size` in `style`: bold by fill and stroke or
/// drawn twice, numbers in pieces in a WPS export.
fn show(stream: &mut String, used: &mut BTreeSet<u16>, at: (f32, f32, f32), text: &str, gaps: bool, style: Style) {
    let (x, y, size) = at;
    if style.wps_export
        && let Some(cut) = number_piece_cut(text)
    {
        // 「2023」 drawn as 「202」 and 「3」.
        let (first, rest) = text.split_at(cut);
        show_run(stream, used, (x, y, size), first, gaps, style);
        let after = x + width(first, size, gaps);
        return show(stream, used, (after, y, size), rest, gaps, style);
    }
    show_run(stream, used, at, text, gaps, style);
}

/// Where a WPS export cuts `text` to draw a number in two pieces: before the
/// last digit of its first run of three digits or more.
fn number_piece_cut(text: &str) -> Option<usize> {
    let mut run = 0;
    let mut last_digit = None;
    for (at, ch) in text.char_indices() {
        if ch.is_ascii_digit() {
            run += 1;
            last_digit = Some(at);
        } else if run >= 3 {
            break;
        } else {
            run = 0;
        }
    }
    (run >= 3).then_some(last_digit?)
}

/// One run of text, bold as `style` says.
fn show_run(stream: &mut String, used: &mut BTreeSet<u16>, at: (f32, f32, f32), text: &str, gaps: bool, style: Style) {
    match style.bold {
        Bold::Font => show_plain(stream, used, at, text, gaps, style),
        Bold::FillStroke => {
            stream.push_str("2 Tr 0.45 w\n");
            show_plain(stream, used, at, text, gaps, style);
            stream.push_str("0 Tr 0.5 w\n");
        }
        Bold::Overprint => {
            show_plain(stream, used, at, text, gaps, style);
            show_plain(stream, used, (at.0 + 0.3, at.1, at.2), text, gaps, style);
        }
    }
}

/// One `TJ` array (with a gap after a number where `gaps` asks for one), or
/// each glyph placed on its own; a WPS export sets the font at 20 times
/// its size and scales the text matrix by 0.05, flipped.
fn show_plain(
    stream: &mut String,
    used: &mut BTreeSet<u16>,
    at: (f32, f32, f32),
    text: &str,
    gaps: bool,
    style: Style,
) {
    let (x, y, size) = at;
    let glyph_by_glyph = style.glyph_by_glyph;
    let (font_size, matrix) = if style.wps_export {
        (size * 20.0, format!("0.05 0 0 -0.05 {{x:.2}} {:.2}", PAGE_HEIGHT - y))
    } else {
        (size, format!("1 0 0 1 {{x:.2}} {y:.2}"))
    };
    let tm = |x: f32| matrix.replace("{x:.2}", &format!("{x:.2}"));
    let size_for_tf = font_size;
    let code = |ch: char| u16::try_from(u32::from(ch)).unwrap_or(0xFFFD);
    used.extend(text.chars().map(code));
    let mut previous: Option<char> = None;
    if glyph_by_glyph {
        let mut at = x;
        for ch in text.chars() {
            if previous.is_some_and(|p| gaps && number_gap(p, ch)) {
                at += NUMBER_GAP * size;
            }
            let _ = writeln!(stream, "BT /F1 {size_for_tf} Tf {} Tm <{:04X}> Tj ET", tm(at), code(ch));
            at += advance(ch, size);
            previous = Some(ch);
        }
        return;
    }
    let mut array = String::from("<");
    for ch in text.chars() {
        if previous.is_some_and(|p| gaps && number_gap(p, ch)) {
            // TJ numbers are thousandths of an em; negative moves right.
            let _ = write!(array, "> {} <", -(NUMBER_GAP * 1000.0) as i32);
        }
        let _ = write!(array, "{:04X}", code(ch));
        previous = Some(ch);
    }
    array.push('>');
    let _ = writeln!(stream, "BT /F1 {size_for_tf} Tf {} Tm [{array}] TJ ET", tm(x));
}

/// The file: catalog, pages, the font, then each page and its content.
fn assemble(contents: &[String], used: &BTreeSet<u16>, count: usize) -> String {
    let mut objects: Vec<String> = Vec::new();
    let page_ids: Vec<usize> = (0..count).map(|i| 7 + 2 * i).collect();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".to_string());
    let kids: Vec<String> = page_ids.iter().map(|id| format!("{id} 0 R")).collect();
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {count} >>", kids.join(" ")));
    objects.push(
        "<< /Type /Font /Subtype /Type0 /BaseFont /FangSong_GB2312 /Encoding /Identity-H \
         /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>"
            .to_string(),
    );
    objects.push(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FangSong_GB2312 \
         /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
         /FontDescriptor 5 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>"
            .to_string(),
    );
    objects.push(
        "<< /Type /FontDescriptor /FontName /FangSong_GB2312 /Flags 6 /FontBBox [0 -141 1000 859] \
         /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>"
            .to_string(),
    );
    objects.push(stream_object(&to_unicode(used)));
    for (index, content) in contents.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
             /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            page_ids[index] + 1
        ));
        objects.push(stream_object(content));
    }
    file(&objects)
}

/// A PDF file of `objects` (numbered from 1, the first the catalog): header,
/// objects, cross-reference table, trailer.
fn file(objects: &[String]) -> String {
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{object}\nendobj\n", index + 1);
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(out, "{offset:010} 00000 n ");
    }
    let _ = write!(out, "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
    out
}

fn stream_object(data: &str) -> String {
    format!("<< /Length {} >>\nstream\n{data}\nendstream", data.len() + 1)
}

/// A `ToUnicode` CMap for the codes used: each code is its code point.
fn to_unicode(used: &BTreeSet<u16>) -> String {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let codes: Vec<u16> = used.iter().copied().collect();
    for chunk in codes.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
        for code in chunk {
            let _ = writeln!(cmap, "<{code:04X}> <{code:04X}>");
        }
        cmap += "endbfchar\n";
    }
    cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
}

/// A laid-out cell at its grid place.
struct Placed {
    text: String,
    row: usize,
    column: usize,
    rowspan: usize,
    colspan: usize,
}

/// The cells of a laid-out table at their grid rows and columns.
struct Grid {
    cells: Vec<Placed>,
    rows: usize,
    columns: usize,
}

impl Grid {
    fn of(rows: &[Vec<Cell>]) -> Grid {
        let mut taken: Vec<Vec<bool>> = Vec::new();
        let mut cells = Vec::new();
        let mut columns = 0;
        for (r, row) in rows.iter().enumerate() {
            let mut column = 0;
            for cell in row {
                while taken.get(r).and_then(|t| t.get(column)).copied().unwrap_or(false) {
                    column += 1;
                }
                for dr in 0..cell.rowspan {
                    for dc in 0..cell.colspan {
                        let line = r + dr;
                        if taken.len() <= line {
                            taken.resize(line + 1, Vec::new());
                        }
                        if taken[line].len() <= column + dc {
                            taken[line].resize(column + dc + 1, false);
                        }
                        taken[line][column + dc] = true;
                    }
                }
                cells.push(Placed {
                    text: cell.text.clone(),
                    row: r,
                    column,
                    rowspan: cell.rowspan,
                    colspan: cell.colspan,
                });
                column += cell.colspan;
                columns = columns.max(column);
            }
        }
        Grid { cells, rows: rows.len(), columns }
    }
}

/// Column widths for a table of `columns` grid columns, as the template's
/// tables are drawn: table 二's first column wide, table 三's three label
/// columns (a one-character group column, a subgroup column, the labels)
/// before seven figures, table 四's fifteen columns even.
fn column_widths(columns: usize) -> Vec<f32> {
    match columns {
        4 => vec![160.0, 96.0, 96.0, 96.0],
        10 => {
            let mut widths = vec![22.0, 60.0, 148.0];
            widths.extend([218.0 / 7.0; 7]);
            widths
        }
        n => vec![TEXT_WIDTH / n as f32; n],
    }
}

/// A scanned report: one page that is an image (a grey square), no text.
pub fn scanned_pdf() -> String {
    let image = "q 400 0 0 560 97 140 cm /Im1 Do Q";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
             /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"
        ),
        stream_object(image),
        format!(
            "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray \
             /BitsPerComponent 8 /Length 4 >>\nstream\n{}\nendstream",
            "\u{7f}\u{7f}\u{7f}\u{7f}"
        ),
    ];
    file(&objects)
}

/// `report` (Markdown, sections under `## ` headings) with section 一's
/// numbered paragraphs repeated until its PDF runs to `pages` pages: a
/// long report, as a large agency's runs to twelve. The same numbers.
pub fn grown_to_pages(report: &str, pages: usize) -> String {
    let (head, rest) = report.split_once("## 二、").expect("a section 二 heading");
    let paragraphs: Vec<&str> = head.lines().filter(|line| line.starts_with('（')).collect();
    let mut grown = head.to_string();
    loop {
        let text = format!("{grown}## 二、{rest}");
        let pdf = report_pdf(&text, Style::default()).expect("a template-shaped report");
        if nianbao_parser::pdf::read(pdf.as_bytes()).pages >= pages || paragraphs.is_empty() {
            return text;
        }
        for paragraph in &paragraphs {
            grown += &format!("\n{paragraph}\n");
        }
    }
}
