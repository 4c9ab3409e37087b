//! HTML reports (published pages): the article's text and tables projected
//! into the plain-text layout the parser reads, with a map from every
//! projected byte back to the HTML.
//!
//! The HTML is tokenized by `html5gum` (a WHATWG tokenizer), not matched with
//! patterns. Text becomes lines (block elements break lines); each `<table>`
//! becomes tab-separated rows, a cell covered by a `rowspan` from above
//! written as an empty cell and a `colspan` cell as one cell (an empty field
//! after a merged label would read as a blank value). Script, style and site chrome
//! (`<head>`, `<nav>`, `<header>`, `<footer>`, `<aside>`) are left out.
//! Diagnostics found in the projection are mapped back with
//! [`Projection::to_source`], so they point into the HTML file.

use std::borrow::Cow;
use std::convert::Infallible;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use nianbao_model::Span;

mod fast;
mod quiet;

pub use crate::projection::Projection;

/// Whether a file whose first bytes these are looks like an HTML document
/// rather than a text report (only the first 512 bytes are read).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = &bytes[..bytes.len().min(512)];
    // Every test below needs a 「<」: most text reports have none, and are
    // then not decoded at all.
    if memchr::memchr(b'<', bytes).is_none() {
        return false;
    }
    let text = String::from_utf8_lossy(bytes);
    let head: String = text.trim_start_matches('\u{feff}').chars().take(512).collect::<String>().to_ascii_lowercase();
    let head = head.trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") || head.contains("<table")
}

/// The encoding an HTML page declares in its first 1 024 bytes
/// (`<meta charset="gbk">`, or `content="text/html; charset=gb2312"`).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    // Read as bytes: everything looked for is ASCII, and a label ends at the
    // first byte that is not ASCII as it would at the first character.
    let head = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    let at = memchr::memmem::find(&head, b"charset=")? + b"charset=".len();
    let label = &head[at..];
    let label = &label[label.iter().take_while(|&&b| b == b'"' || b == b'\'').count()..];
    let label = &label[..label.iter().take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-').count()];
    encoding_rs::Encoding::for_label(label)
}

/// What the projection does with an element, by its name.
#[derive(Clone, Copy, Default)]
struct Element {
    /// Its content is not the report (script, style, site chrome).
    skipped: bool,
    /// It starts a new line.
    block: bool,
    /// It never has an end tag.
    void: bool,
}

fn element(name: &[u8]) -> Element {
    const SKIPPED: Element = Element { skipped: true, block: false, void: false };
    const BLOCK: Element = Element { skipped: false, block: true, void: false };
    const VOID: Element = Element { skipped: false, block: false, void: true };
    match name {
        b"script" | b"style" | b"head" | b"nav" | b"header" | b"footer" | b"aside" | b"noscript" | b"template" => {
            SKIPPED
        }
        b"br" | b"hr" => Element { block: true, ..VOID },
        b"p" | b"div" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"li" | b"section" | b"article" | b"title"
        | b"tr" | b"table" | b"ul" | b"ol" | b"blockquote" | b"pre" => BLOCK,
        b"img" | b"meta" | b"link" | b"input" | b"col" | b"area" | b"base" | b"wbr" | b"source" => VOID,
        _ => Element::default(),
    }
}

/// A run of a cell's text: the text, where it came from, and whether it is
/// the source's bytes verbatim.
type Run<'a> = (Cow<'a, str>, Span, bool);

/// A table cell being read: its text runs, borrowed from the HTML where
/// they were copied verbatim.
#[derive(Default)]
struct CellText<'a> {
    pieces: Runs<'a>,
    rowspan: usize,
    colspan: usize,
}

/// A cell's runs. Most cells have one, kept inline: a table of 300 cells
/// is then not 300 allocations.
#[derive(Default)]
struct Runs<'a> {
    first: Option<Run<'a>>,
    rest: Vec<Run<'a>>,
}

impl<'a> Runs<'a> {
    fn push(&mut self, run: Run<'a>) {
        if self.first.is_none() {
            self.first = Some(run);
        } else {
            self.rest.push(run);
        }
    }
}

impl<'a> IntoIterator for Runs<'a> {
    type Item = Run<'a>;
    type IntoIter = std::iter::Chain<std::option::IntoIter<Run<'a>>, std::vec::IntoIter<Run<'a>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.first.into_iter().chain(self.rest)
    }
}

/// A table being read. A row's layout depends only on the rows above it,
/// so the outermost table writes each row as the next one starts, and keeps
/// only the row being read; a nested table keeps every cell, for the cell it
/// sits in.
struct TableText<'a> {
    nested: bool,
    /// The cells read and not yet written: the outermost table's current row,
    /// or all of a nested table's cells.
    cells: Vec<CellText<'a>>,
    /// Where the current row starts in `cells`.
    row_start: usize,
    /// Rows started so far (the current one included).
    rows: usize,
    /// For each column, the row below the last one a `rowspan` from a row
    /// above takes (0: none). Rows are written in order and a row's cells
    /// left to right, so a column is only asked about below the cells that
    /// took it.
    taken_until: Vec<usize>,
}

impl<'a> TableText<'a> {
    fn new(nested: bool) -> Self {
        Self { nested, cells: Vec::new(), row_start: 0, rows: 0, taken_until: Vec::new() }
    }

    /// The cell being read: the current row's last, if the row has one.
    fn current_cell(&mut self) -> Option<&mut CellText<'a>> {
        if self.cells.len() > self.row_start { self.cells.last_mut() } else { None }
    }
}

/// The start tag being read: attributes arrive one event at a time.
#[derive(Default)]
struct OpenTag {
    /// Lowercase, as the tokenizer gives it; bytes, as every name the
    /// projection acts on is ASCII.
    name: Vec<u8>,
    /// The attribute the next value belongs to, if it is one we read.
    attribute: Option<CellSpan>,
    rowspan: Option<Vec<u8>>,
    colspan: Option<Vec<u8>>,
}

/// The two attributes a table cell's place depends on.
#[derive(Clone, Copy)]
enum CellSpan {
    Row,
    Column,
}

/// The names of the open elements, innermost last, in one buffer: opening
/// and closing an element allocates nothing.
#[derive(Default)]
struct OpenElements {
    names: Vec<u8>,
    /// Where each name ends in `names`.
    ends: Vec<usize>,
}

impl OpenElements {
    fn push(&mut self, name: &[u8]) {
        self.names.extend_from_slice(name);
        self.ends.push(self.names.len());
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn name(&self, index: usize) -> &[u8] {
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.names[start..self.ends[index]]
    }

    /// The innermost open element called `name`.
    fn rposition(&self, name: &[u8]) -> Option<usize> {
        (0..self.len()).rev().find(|&index| self.name(index) == name)
    }

    /// Closes every element from `len` on.
    fn truncate(&mut self, len: usize) {
        self.ends.truncate(len);
        self.names.truncate(self.ends.last().copied().unwrap_or(0));
    }
}

#[derive(Default)]
struct Projector<'a> {
    out: Projection,
    /// Open elements (tag soup: an end tag closes up to its match).
    open: OpenElements,
    /// The end tag being matched, lowercased.
    end_name: Vec<u8>,
    skipping: usize,
    tables: Vec<TableText<'a>>,
    in_cell: bool,
    tag: OpenTag,
}

/// Projects decoded HTML `source` into the text layout the parser reads.
pub fn project(source: &str) -> Projection {
    project_with(source, Tokenizer::Fast)
}

/// Which tokenizer reads a page for the projector.
#[derive(Clone, Copy, Debug)]
enum Tokenizer {
    /// [`fast`], or html5gum where the page leaves the fast one's subset.
    Fast,
    /// html5gum, with its parse-error checks off.
    Html5gum,
    /// html5gum, with its parse-error checks on (tests only: the tokens are
    /// the same).
    #[cfg(test)]
    Html5gumChecked,
}

fn project_with(source: &str, tokenizer: Tokenizer) -> Projection {
    let mut projector = Projector::for_page(source);
    match tokenizer {
        Tokenizer::Fast => {
            if fast::tokenize(source, &mut projector).is_err() {
                projector = Projector::for_page(source);
                tokenize_with_html5gum(source, &mut projector, true);
            }
        }
        Tokenizer::Html5gum => tokenize_with_html5gum(source, &mut projector, true),
        #[cfg(test)]
        Tokenizer::Html5gumChecked => tokenize_with_html5gum(source, &mut projector, false),
    }
    while !projector.tables.is_empty() {
        projector.finish_table();
    }
    projector.out
}

/// Whether both tokenizers project `source` alike (for the fuzz target that
/// compares them): the text, and where every piece of it came from.
#[doc(hidden)]
pub fn tokenizers_agree(source: &str) -> bool {
    let (fast, html5gum) = (project_with(source, Tokenizer::Fast), project_with(source, Tokenizer::Html5gum));
    fast.text == html5gum.text && fast.pieces == html5gum.pieces
}

/// Runs html5gum over `source` into `projector`, with its error checks off
/// (`quiet`) or on.
fn tokenize_with_html5gum<'a>(source: &'a str, projector: &mut Projector<'a>, quiet: bool) {
    // Events borrow the tokenizer's buffers: no token is allocated.
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, span: html5gum::Span<usize>| {
        projector.event(event, Span::new(span.start.min(source.len()), span.end.min(source.len())), source);
        None::<Infallible>
    });
    // Script and style content is raw text, not markup.
    emitter.naively_switch_states(true);
    if quiet {
        html5gum::Tokenizer::new_with_emitter(source, quiet::Quiet(emitter)).for_each(drop);
    } else {
        html5gum::Tokenizer::new_with_emitter(source, emitter).for_each(drop);
    }
}

/// The tokenizer's bytes as text. They come from a `&str` and are UTF-8
/// (a bad character reference becomes U+FFFD), so this is only a check, and
/// a SIMD one: cheaper than `from_utf8_lossy`'s chunked reading.
fn utf8(bytes: &[u8]) -> Cow<'_, str> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// A `rowspan` or `colspan` value: 1 unless a number from 1 to 100.
fn span_count(value: Option<&[u8]>) -> usize {
    value
        .and_then(|value| std::str::from_utf8(value).ok()?.trim().parse::<usize>().ok())
        .filter(|n| (1..=100).contains(n))
        .unwrap_or(1)
}

/// Splits decoded text into runs copied verbatim from `span` of the source
/// (exact) and runs that came from a character reference (`&lt;`, `&nbsp;`),
/// so that only the references lose byte precision. Falls back to one
/// inexact run if the two cannot be aligned. Verbatim runs borrow `source`.
fn align<'a>(value: &str, source: &'a str, span: Span, mut emit: impl FnMut(Cow<'a, str>, Span, bool)) {
    let raw = source.get(span.start..span.end).unwrap_or("");
    if raw == value {
        emit(Cow::Borrowed(raw), span, true);
        return;
    }
    let mut runs: Vec<Run<'a>> = Vec::new();
    let (mut i, mut decoded) = (0, value.char_indices().peekable());
    let mut verbatim_start: Option<usize> = None; // raw offset
    let close_verbatim = |runs: &mut Vec<Run<'a>>, from: Option<usize>, raw_end: usize| {
        if let Some(raw_start) = from {
            runs.push((
                Cow::Borrowed(&raw[raw_start..raw_end]),
                Span::new(span.start + raw_start, span.start + raw_end),
                true,
            ));
        }
    };
    while i < raw.len() {
        let Some(&(_, ch)) = decoded.peek() else { break };
        if raw[i..].starts_with('&')
            && let Some(end) = raw[i..].find(';').filter(|&end| end <= 32)
        {
            // A character reference: one decoded character for `&…;`.
            close_verbatim(&mut runs, verbatim_start.take(), i);
            decoded.next();
            runs.push((Cow::Owned(ch.to_string()), Span::new(span.start + i, span.start + i + end + 1), false));
            i += end + 1;
        } else if raw[i..].starts_with(ch) {
            verbatim_start.get_or_insert(i);
            decoded.next();
            i += ch.len_utf8();
        } else {
            emit(Cow::Owned(value.to_string()), span, false);
            return;
        }
    }
    if decoded.peek().is_some() || i < raw.len() {
        emit(Cow::Owned(value.to_string()), span, false);
        return;
    }
    close_verbatim(&mut runs, verbatim_start, raw.len());
    for (run, run_span, exact) in runs {
        emit(run, run_span, exact);
    }
}

impl<'a> Projector<'a> {
    /// A projector with room up front for what a page of `source` usually
    /// projects into (less text than markup; a piece every 20 to 30 bytes
    /// of a page of tables), so that its buffers rarely grow.
    fn for_page(source: &str) -> Self {
        let mut projector = Self::default();
        projector.out.text.reserve(source.len() / 2);
        projector.out.pieces.reserve(source.len() / 20);
        projector
    }

    fn event(&mut self, event: CallbackEvent<'_>, span: Span, source: &'a str) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag.name.clear();
                self.tag.name.extend_from_slice(name);
                self.tag.name.make_ascii_lowercase();
                self.tag.attribute = None;
                self.tag.rowspan = None;
                self.tag.colspan = None;
            }
            CallbackEvent::AttributeName { name } => {
                self.tag.attribute = None;
                let (slot, which) = match name {
                    b"rowspan" => (&mut self.tag.rowspan, CellSpan::Row),
                    b"colspan" => (&mut self.tag.colspan, CellSpan::Column),
                    _ => return,
                };
                // The first of duplicated attributes counts, as in a browser.
                if slot.is_none() {
                    *slot = Some(Vec::new());
                    self.tag.attribute = Some(which);
                }
            }
            CallbackEvent::AttributeValue { value } => {
                let slot = match self.tag.attribute {
                    Some(CellSpan::Row) => &mut self.tag.rowspan,
                    Some(CellSpan::Column) => &mut self.tag.colspan,
                    None => return,
                };
                if let Some(slot) = slot {
                    slot.extend_from_slice(value);
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                let rowspan = span_count(self.tag.rowspan.as_deref());
                let colspan = span_count(self.tag.colspan.as_deref());
                let name = std::mem::take(&mut self.tag.name);
                self.start(&name, self_closing, rowspan, colspan);
                self.tag.name = name;
            }
            CallbackEvent::EndTag { name } => {
                let mut end_name = std::mem::take(&mut self.end_name);
                end_name.clear();
                end_name.extend_from_slice(name);
                end_name.make_ascii_lowercase();
                self.end(&end_name);
                self.end_name = end_name;
            }
            CallbackEvent::String { value } => {
                // Text with no character reference is the source's own
                // bytes, so it is UTF-8 already and needs no check.
                if let Some(raw) = source.get(span.start..span.end)
                    && raw.as_bytes() == value
                {
                    self.text(Cow::Borrowed(raw), span, true);
                    return;
                }
                self.string(&utf8(value), span, source);
            }
            CallbackEvent::Comment { .. } | CallbackEvent::Doctype { .. } | CallbackEvent::Error(_) => {}
        }
    }

    /// A string the tokenizer decoded from `span` of the source.
    fn string(&mut self, value: &str, span: Span, source: &'a str) {
        align(value, source, span, |run, run_span, exact| self.text(run, run_span, exact));
    }

    fn start(&mut self, name: &[u8], self_closing: bool, rowspan: usize, colspan: usize) {
        let kind = element(name);
        if self.skipping > 0 || kind.skipped {
            if !kind.void && !self_closing {
                self.skipping += 1;
                self.open.push(name);
            }
            return;
        }
        match name {
            b"table" => {
                self.newline();
                let nested = !self.tables.is_empty();
                self.tables.push(TableText::new(nested));
            }
            b"tr" => self.start_row(),
            b"td" | b"th" => {
                if let Some(table) = self.tables.last_mut() {
                    if table.rows == 0 {
                        self.start_row();
                    }
                    if let Some(table) = self.tables.last_mut() {
                        table.cells.push(CellText { pieces: Runs::default(), rowspan, colspan });
                    }
                    self.in_cell = true;
                }
            }
            b"br" | b"p" | b"div" | b"li" if self.in_cell => self.cell_space(),
            _ if kind.block => self.newline(),
            _ => {}
        }
        if !kind.void && !self_closing {
            self.open.push(name);
        }
    }

    fn end(&mut self, name: &[u8]) {
        let Some(position) = self.open.rposition(name) else { return };
        for index in (position..self.open.len()).rev() {
            if self.skipping > 0 {
                self.skipping -= 1;
                continue;
            }
            let closed = self.open.name(index);
            if matches!(closed, b"table") {
                self.finish_table();
            } else if matches!(closed, b"td" | b"th") {
                self.in_cell = false;
            } else if self.tables.is_empty() && element(closed).block {
                self.newline();
            }
        }
        self.open.truncate(position);
    }

    fn text(&mut self, value: Cow<'a, str>, span: Span, exact: bool) {
        if self.skipping > 0 {
            return;
        }
        if !self.tables.is_empty() {
            if self.in_cell
                && let Some(cell) = self.current_cell()
            {
                cell.pieces.push((value, span, exact));
            }
            // Text between cells (whitespace, stray words) is not part of any row.
            return;
        }
        // Whitespace runs (indentation of the markup) collapse to one space.
        if value.trim().is_empty() {
            if !self.out.text.is_empty() && !self.out.text.ends_with(['\n', ' ']) {
                self.out.text.push(' ');
            }
            return;
        }
        let at_line_start = self.out.text.is_empty() || self.out.text.ends_with('\n');
        let value = if at_line_start { value.trim_start() } else { &value };
        let trimmed = span.len() - (value.len().min(span.len()));
        let span = if exact { Span::new(span.start + trimmed, span.end) } else { span };
        self.out.push(&replaced(value, &['\n', '\r', '\t']), span, exact);
    }

    fn newline(&mut self) {
        while self.out.text.ends_with(' ') {
            self.out.text.pop();
        }
        if !self.out.text.is_empty() && !self.out.text.ends_with('\n') {
            self.out.text.push('\n');
        }
    }

    /// The last cell of the innermost table being read.
    fn current_cell(&mut self) -> Option<&mut CellText<'a>> {
        self.tables.last_mut()?.current_cell()
    }

    fn cell_space(&mut self) {
        if let Some(cell) = self.current_cell() {
            cell.pieces.push((Cow::Borrowed(" "), Span::empty(0), false));
        }
    }

    /// A row of the innermost table starts: the outermost table's row before
    /// it is complete, and is written.
    fn start_row(&mut self) {
        let Some(table) = self.tables.last_mut() else { return };
        if !table.nested && table.rows > 0 {
            self.out.write_row(table);
        }
        table.row_start = table.cells.len();
        table.rows += 1;
    }

    /// Ends the innermost table: the outermost one writes its last row; a
    /// nested one's text joins the cell it sits in.
    fn finish_table(&mut self) {
        let Some(mut table) = self.tables.pop() else { return };
        self.in_cell = false;
        if table.nested {
            if let Some(cell) = self.current_cell() {
                for cell_text in table.cells {
                    cell_text.pieces.into_iter().for_each(|run| cell.pieces.push(run));
                    cell.pieces.push((Cow::Borrowed(" "), Span::empty(0), false));
                }
            }
            return;
        }
        self.newline();
        if table.rows > 0 {
            self.out.write_row(&mut table);
        }
    }
}

impl<'a> Projection {
    /// Writes the current row of the outermost `table` as one tab-separated
    /// line, the positions a `rowspan` from above takes as empty fields.
    fn write_row(&mut self, table: &mut TableText<'a>) {
        // The row's index: rows are written in order, this one last started.
        let r = table.rows - 1;
        let taken = |taken_until: &[usize], column: usize| taken_until.get(column).is_some_and(|&until| until > r);
        // Fields written on this line; a taken position is an empty one.
        let mut fields = 0;
        let mut column = 0;
        for cell in table.cells.drain(..) {
            while taken(&table.taken_until, column) {
                self.write_field(&mut fields, None);
                column += 1;
            }
            let (rowspan, colspan) = (cell.rowspan, cell.colspan);
            if rowspan > 1 {
                if table.taken_until.len() < column + colspan {
                    table.taken_until.resize(column + colspan, 0);
                }
                for until in &mut table.taken_until[column..column + colspan] {
                    *until = (*until).max(r + rowspan);
                }
            }
            // No filler for the columns a `colspan` covers: an empty field
            // after a label would read as a blank value, and a row missing
            // a value would then pass for one with a blank (S007 unseen).
            self.write_field(&mut fields, Some(cell));
            column += colspan;
        }
        while taken(&table.taken_until, column) {
            self.write_field(&mut fields, None);
            column += 1;
        }
        self.text.push('\n');
    }

    /// Writes the next field of a table line: a tab before all but the first.
    fn write_field(&mut self, fields: &mut usize, cell: Option<CellText<'a>>) {
        if *fields > 0 {
            self.text.push('\t');
        }
        *fields += 1;
        if let Some(cell) = cell {
            self.write_cell(cell);
        }
    }

    /// A cell's text on one line: whitespace collapsed, trimmed.
    fn write_cell(&mut self, cell: CellText<'a>) {
        let mut pending_space = false;
        let mut wrote = false;
        for (value, span, exact) in cell.pieces {
            let collapsed = replaced(&value, &['\n', '\r', '\t', '\u{a0}']);
            // Most runs start and end with no space to trim.
            let (leading, content) = if crate::lines::ends_are_clear(collapsed.as_bytes()) {
                (0, &*collapsed)
            } else {
                (collapsed.len() - collapsed.trim_start().len(), collapsed.trim())
            };
            if content.is_empty() {
                pending_space |= !collapsed.is_empty();
                continue;
            }
            if wrote && (pending_space || leading > 0) {
                self.text.push(' ');
            }
            let source = if exact && collapsed.len() == span.len() {
                Span::new(span.start + leading, span.start + leading + content.len())
            } else {
                span
            };
            self.push(content, source, exact);
            pending_space = collapsed.ends_with(' ');
            wrote = true;
        }
    }
}

/// `text` with each of `breaks` as a space (the projection's line breaks
/// and tabs are its own), copied only if it has one.
fn replaced<'t>(text: &'t str, breaks: &[char]) -> Cow<'t, str> {
    // A byte test first, without an early exit so that it compiles to SIMD:
    // the breaks are control characters and U+00A0, whose UTF-8 is C2 A0
    // (C2 only ever leads a character, so the pair is the character; A0
    // alone is in many Chinese characters). The text of most cells and runs
    // has none of these bytes.
    let bytes = text.as_bytes();
    if !bytes.iter().fold(false, |seen, &b| seen | (b < 0x20) | (b == 0xC2)) {
        return Cow::Borrowed(text);
    }
    let nbsp = breaks.contains(&'\u{a0}');
    let has_break = bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| matches!(b, b'\n' | b'\r' | b'\t') || (nbsp && b == 0xC2 && bytes.get(i + 1) == Some(&0xA0)));
    if has_break { Cow::Owned(text.replace(breaks, " ")) } else { Cow::Borrowed(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_expand_spans_and_map_back() {
        let html = "<html><head><title>x</title><script>var a = '<td>';</script></head><body>\
                    <nav>首页 | 信息公开</nav><p>一、总体情况</p><p>全年新收申请3件。</p>\
                    <table><tr><td rowspan=\"2\">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td></tr>\
                    <tr><td>（二）部分公开</td><td>&nbsp;2</td></tr></table></body></html>";
        let projection = project(html);
        assert_eq!(
            projection.text,
            "一、总体情况\n全年新收申请3件。\n三、本年度办理结果\t（一）予以公开\t1\n\t（二）部分公开\t2\n"
        );
        let at = projection.text.find("3件").unwrap();
        let source = projection.to_source(Span::new(at, at + "3件".len()));
        assert_eq!(&html[source.start..source.end], "3件");
        let two = projection.text.rfind('2').unwrap();
        let source = projection.to_source(Span::new(two, two + 1));
        assert_eq!(&html[source.start..source.end], "2", "text after a character reference maps exactly");
        let html = "<p>关于印发&lt;格式&gt;的通知,要求</p>";
        let projection = project(html);
        let comma = projection.text.find(',').unwrap();
        let source = projection.to_source(Span::new(comma, comma + 1));
        assert_eq!(&html[source.start..source.end], ",");
        let open = projection.text.find('<').unwrap();
        let source = projection.to_source(Span::new(open, open + 1));
        assert_eq!(&html[source.start..source.end], "&lt;", "a reference maps to itself");
    }

    #[test]
    fn overlapping_spans_leave_empty_fields_where_they_reach() {
        let html = "<table><tr><td rowspan=3>A</td><td colspan=2 rowspan=2>B</td><td>C</td></tr>\
                    <tr><td>D</td></tr><tr><td>E</td><td rowspan=2>F</td><td>G</td></tr><tr><td>H</td></tr></table>";
        // B covers two columns in one field; F's reach below H is not
        // written, as nothing follows it on that line.
        assert_eq!(project(html).text, "A\tB\tC\n\t\t\tD\n\tE\tF\tG\nH\n");
    }

    #[test]
    fn errors_off_tokenizes_the_same() {
        let pages = [
            include_str!("../../../../tests/fixtures/html/003.html"),
            include_str!("../../../../tests/fixtures/html/real/shanghai-2019.html"),
            "<p>控制\u{1}字符\u{7f}与\u{fdd0}非字符\u{0}</p><td rowspan=2 rowspan=3>&#0;&#x80;&bogus;</td",
            "<table><tr><td colspan=\"x\">a<table><td>b</table></td><!-- <td> --><script>'<td>'</script>",
            "<<p/>>&lt<b =1 c==2>&amp</b></<>",
        ];
        for page in pages {
            let (quiet, checked) =
                (project_with(page, Tokenizer::Html5gum), project_with(page, Tokenizer::Html5gumChecked));
            assert_eq!(quiet.text, checked.text);
            assert_eq!(quiet.pieces, checked.pieces);
        }
    }

    const RANDOM_PAGES: usize = 3000;

    /// Pages, and whether the fast tokenizer reads them itself: the
    /// fixtures, edge cases of each thing it reads, and the cases it leaves
    /// to html5gum.
    fn tokenizer_cases() -> Vec<(String, bool)> {
        let fixtures = [
            include_str!("../../../../tests/fixtures/html/003.html"),
            include_str!("../../../../tests/fixtures/html/real/shanghai-2019.html"),
        ];
        let read = [
            "<p>a\r\nb\rc\r\r\nd</p>\r\n<table>\r\n<tr><td\r\nrowspan=2>x\r\n</td></tr></table>\r",
            "<p>A & B &中 &#65;&#x4e2d;&#X4E2D; &amp;&lt;&gt;&nbsp;&quot;&copy;</p>&middot;<br>&#20013;",
            "a < b <1 <中 <<p>c</p> < x",
            "<!DOCTYPE html><!doctype x 'a>b'><?xml x?><![CDATA[ a ]]><!x><!>text</ x>",
            "a<!---->b<!-->c<!--->d<!-- -- --!>e<!--<!-- x -->f<!-- - --->g<!--!>-->h",
            "<table><tr><TD ROWSPAN='1' colspan=\"2\" rowspan=2>t</Td><td colspan rowspan = 2 >u</td></tr><tr><td>v",
            "<table><tr><td =1 a=b/c/>w<td/x>y<td a=\"b\"c>z<td colspan=2\r\n>1</td><td rowspan=2/>2",
            "<script>var a = '</scripty>'; if (a<b) {}</script >p<SCRIPT>x</SCRIPT/>q",
            "<head><style>td{}</style><title>T &amp; t</title></head><title>plain</title><noscript><p>n</p></noscript>",
            "<table><td>1<table><td>2</table></td></tr></table><td>3",
            "\u{feff}<html><head><title>x</title></head><body><nav>n</nav><div>正文</div></body></html>",
            "<p>a&amp;</p>&#20013;",
            "<table><tr><td a />x</td>y<td b/>z</td></tr></table>",
        ];
        let left = [
            "<p>&amp</p>",
            "<p>&ampx;</p>",
            "<p>&unknown;</p>",
            "<p>&#128;</p>",
            "<p>&#13;</p>",
            "<p>&#0;</p>",
            "<p>&#xD800;</p>",
            "<p>&#99999999;</p>",
            "<p>a</p>&amp;",
            "<p>a</p>&",
            "<p>a</p><",
            "<p>a</>b</p>",
            "<p>a</p",
            "<p>a<!-- b",
            "<p>a\0b</p>",
            "<table><td rowspan=&#50;>v</td></table>",
            "<table><td rowspan=\"2\r\">v</td></table>",
            "<script><!-- </script> --></script>r",
            "<style/>a < b</style>",
            "<textarea>t\r</textarea>",
            "<title>T &amp; t</title>",
            "<plaintext>p",
        ];
        let mut cases: Vec<(String, bool)> = fixtures
            .iter()
            .chain(&read)
            .map(|page| (page.to_string(), true))
            .chain(left.iter().map(|page| (page.to_string(), false)))
            .collect();
        // Random pages of those pieces, to meet them in other orders; pieces
        // the fast tokenizer leaves to html5gum (an unclosed comment, a
        // reference cut short) are rarer, so that most pages compare.
        let pieces = [
            "<p>",
            "</p>",
            "<td>",
            "</td>",
            "<tr>",
            "<table>",
            "</table>",
            "<td rowspan=2>",
            "<th colspan='3'>",
            "<br/>",
            "<div class=x>",
            "</div>",
            "<script>a<b</script>",
            "<style>x</style>",
            "<title>t</title>",
            "<!-- c -->",
            "<!---->",
            "<!DOCTYPE html>",
            "<?x>",
            ">",
            "</x y>",
            "& ",
            "&amp;",
            "&nbsp;",
            "&#20013;",
            "&#x41;",
            "\r",
            "\r\n",
            "\n",
            " ",
            "\t",
            "文字",
            "3件",
            "'",
            "\"",
            "=",
            "/",
            "a",
            "<head>",
            "</head>",
            "<nav>",
            "</nav>",
            "<B>",
            "</b>",
            "<p/>",
            "</ p>",
            "<td\r\ncolspan=\"2\"\r\n>",
            "< ",
            "<1",
        ];
        let rough = ["<", "</", "&", "<!--", "-->", "--!>", "<?", "&lt", "<script>", "</script>", "<style>", "</>"];
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..RANDOM_PAGES {
            let mut page = String::new();
            let length = 1 + (next() >> 60) as usize * 2;
            for _ in 0..length {
                let draw = next();
                let set: &[&str] = if draw % 32 == 0 { &rough } else { &pieces };
                page.push_str(set[((draw >> 8) % set.len() as u64) as usize]);
            }
            cases.push((page, true));
        }
        cases
    }

    #[test]
    fn fast_tokenizer_projects_as_html5gum_does() {
        let cases = tokenizer_cases();
        let mut random_read = 0;
        for (index, (page, expect_read)) in cases.iter().enumerate() {
            let (fast, html5gum) = (project_with(page, Tokenizer::Fast), project_with(page, Tokenizer::Html5gum));
            assert_eq!(fast.text, html5gum.text, "text of {page:?}");
            assert_eq!(fast.pieces, html5gum.pieces, "pieces of {page:?}");
            let read = fast::tokenize(page, &mut Projector::default()).is_ok();
            if index < cases.len() - RANDOM_PAGES {
                assert_eq!(read, *expect_read, "read by the fast tokenizer: {page:?}");
            } else {
                random_read += usize::from(read);
            }
        }
        // The random pages compare something only if most are read by the
        // fast tokenizer.
        assert!(random_read * 4 > RANDOM_PAGES * 3, "the fast tokenizer read {random_read} of {RANDOM_PAGES} pages");
    }

    #[test]
    fn charset_and_detection() {
        assert_eq!(declared_charset(b"<meta charset=\"gb2312\">"), Some(encoding_rs::GBK));
        let content = "<meta http-equiv=\"Content-Type\" content=\"text/html; CHARSET='GBK'\">";
        assert_eq!(declared_charset(content.as_bytes()), Some(encoding_rs::GBK));
        // A label ends at the first character that is not ASCII.
        assert_eq!(declared_charset("<title>年报</title><meta charset=utf-8年>".as_bytes()), Some(encoding_rs::UTF_8));
        assert_eq!(declared_charset("<p>charset=年</p>".as_bytes()), None);
        // Only the first 1 024 bytes are read.
        let late = format!("{}<meta charset=\"gbk\">", "年".repeat(400));
        assert_eq!(declared_charset(late.as_bytes()), None);
        assert!(looks_like_html(b"<!DOCTYPE html><html>"));
        assert!(!looks_like_html("一、总体情况".as_bytes()));
    }
}
