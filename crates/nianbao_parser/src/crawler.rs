//! Pages as a crawler stored them: a header block (「标题:」「发布时间:」
//! 「原文链接:」 …), a line 「==== 正文 ====」, then the page's body with its
//! line breaks lost — usually one line, headings run into the sentence
//! before them and table cells run together with no separator
//! (「一、本年新收政府信息公开申请数量3000003」 is 3|0|0|0|0|0|3).
//!
//! This module recognises such a text and projects it into the tab layout
//! the parser reads: the title and publish date of the header block, then
//! the body with a line break before each section heading, each sub-heading
//! that opens a sentence and each table row, and a tab between cells. A run
//! of digits is split into a row's cells only when the split is certain:
//! it is the only split at all (as many digits as cells; a space always
//! separates two cells, and no number has a leading zero), or exactly one
//! split satisfies the row's own total (table 三's 总计, table 四's group
//! totals), or, in table 三, exactly one choice among the splits that
//! satisfy their rows' totals also satisfies the table's column identities
//! (（七）总计 = the sum of the results, 一 + 二 = （七） + 四). Any other run is a row that cannot be read: its digits go into
//! its first cell as they are, and [`Crawled::unread`] names the row, so
//! that its cells are marked [`CellValue::Unread`] and no arithmetic is
//! ever done on a guessed split.

use nianbao_model::{CellValue, Report, RowKey, Span, T3Row, TableKind};

use crate::labels::{HeaderRole, LabelMatch, classify, written_labels};
use crate::lines::lines_of;
use crate::number::UNITS;
use crate::ordinal::leading_ordinal;
use crate::projection::Projection;
use crate::sections::classify_heading;

/// The header block is this many lines at most.
const MAX_HEADER_LINES: usize = 40;
/// A section heading is at most this many characters after its ordinal.
const MAX_HEADING_CHARS: usize = 40;
/// The most digits one cell holds (no count in these tables has more).
const MAX_CELL_DIGITS: usize = 7;
/// Splits tried before a run is called unreadable: a run of a few dozen
/// digits has far fewer, this bounds what a damaged page can cost.
const MAX_SPLIT_STEPS: usize = 200_000;
/// Splits tried over a whole page: a page of many long runs is bounded too.
const MAX_PAGE_SPLIT_STEPS: usize = 2_000_000;
/// A run with more splits satisfying its row's total than this is left
/// unread without trying the column identities on them.
const MAX_CANDIDATES: usize = 8;
/// Choices of split over a table's unread rows tried against its columns.
const MAX_CHOICES: usize = 256;

/// A crawler text projected into the parser's layout.
pub(crate) struct Crawled {
    pub(crate) projection: Projection,
    /// Spans (in the projection) of the table rows whose digits could not
    /// be split for certain.
    pub(crate) unread: Vec<Span>,
}

/// The projection of a crawler text, or `None` when `text` is not one.
pub(crate) fn project(text: &str) -> Option<Crawled> {
    let start = text.len() - text.trim_start_matches(['\u{feff}', ' ', '\r', '\n']).len();
    if !text[start..].starts_with("标题") {
        return None;
    }
    let mut out = Writer {
        text,
        projection: Projection::default(),
        unread: Vec::new(),
        split_steps: MAX_PAGE_SPLIT_STEPS,
        t3_rows: Vec::new(),
        settled: Vec::new(),
    };
    let mut body = None;
    for line in lines_of(text).take(MAX_HEADER_LINES) {
        let content = trim(text, line.span);
        let written = content.slice(text);
        if written.starts_with('=') && written.contains("正文") {
            body = Some(after_line_break(text, line.span.end));
            break;
        }
        out.header_field(content);
    }
    let body = Span::new(body?, text.len());
    out.body(body);
    Some(Crawled { projection: out.projection, unread: out.unread })
}

/// Marks the cells of the rows [`project`] could not split as unread.
pub(crate) fn mark_unread(report: &mut Report, unread: &[Span]) {
    if unread.is_empty() {
        return;
    }
    for table in &mut report.tables {
        for row in &mut table.rows {
            if unread.iter().any(|span| span.start < row.span.end && row.span.start < span.end) {
                for cell in &mut row.cells {
                    cell.value = CellValue::Unread;
                    cell.note = None;
                }
            }
        }
    }
}

/// The offset after the line break that follows `end`.
fn after_line_break(text: &str, end: usize) -> usize {
    let rest = &text.as_bytes()[end..];
    match rest {
        [b'\r', b'\n', ..] => end + 2,
        [b'\r' | b'\n', ..] => end + 1,
        _ => end,
    }
}

fn is_space(ch: char) -> bool {
    matches!(ch, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

fn trim(text: &str, span: Span) -> Span {
    let written = span.slice(text);
    let start = span.start + (written.len() - written.trim_start_matches(is_space).len());
    let end = span.start + written.trim_end_matches(is_space).len();
    if start >= end { Span::empty(span.start) } else { Span::new(start, end) }
}

struct Writer<'a> {
    text: &'a str,
    projection: Projection,
    /// The rows left unread. A table that reads nothing is rolled back
    /// (`segment`) before it could push one.
    unread: Vec<Span>,
    /// Splits the page may still try (see [`MAX_PAGE_SPLIT_STEPS`]).
    split_steps: usize,
    /// Table 三's rows of seven cells as the table being read has them.
    t3_rows: Vec<T3Written>,
    /// Splits the column identities settled, by where the run starts: the
    /// table is read again with them.
    settled: Vec<(usize, Vec<Span>)>,
}

/// One of table 三's rows as written: its values, or the splits of its run
/// that satisfy its total when there are several.
struct T3Written {
    row: T3Row,
    run: Span,
    cells: T3Cells,
}

enum T3Cells {
    Read([i64; 7]),
    Splits(Vec<Vec<Span>>),
}

/// A stretch of a table's text: words, or a run of digits (and the spaces
/// between them).
#[derive(Clone, Copy, Debug)]
enum Token {
    Words(Span),
    Digits(Span),
}

/// What a table's cells must satisfy besides their count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Total {
    None,
    /// The last cell is the sum of the others (table 三).
    Last,
    /// Each group of five ends with the sum of its four (table 四).
    Groups,
}

/// How a run of digits splits into cells.
#[derive(Debug, PartialEq, Eq)]
enum Split {
    /// The only split there is: as many pieces set apart by spaces or units
    /// as cells, the only cut of the digits into cells, or a run of zeros
    /// each its own value (a row short of values, which S007 reports).
    Certain(Vec<Span>),
    /// The only split that satisfies the row's total.
    ByTotal(Vec<Span>),
    /// No split is certain; the splits that satisfy the row's total when
    /// there are a few (up to [`MAX_CANDIDATES`]), else none.
    Unread(Vec<Vec<Span>>),
}

impl Writer<'_> {
    fn line(&mut self, span: Span) {
        let span = trim(self.text, span);
        if span.is_empty() {
            return;
        }
        self.projection.push(span.slice(self.text), span, true);
        self.projection.push_added("\n");
    }

    /// The header block keeps what the report states about itself: the
    /// title (without its 「标题:」) and the publish date.
    fn header_field(&mut self, content: Span) {
        let written = content.slice(self.text);
        let Some(colon) = written.find([':', '：']) else {
            return;
        };
        let name = written[..colon].trim();
        let value_start = content.start + colon + written[colon..].chars().next().map_or(1, char::len_utf8);
        match name {
            "标题" => self.line(Span::new(value_start, content.end)),
            "发布时间" | "发布日期" | "发文日期" | "成文日期" => self.line(content),
            _ => {}
        }
    }

    fn body(&mut self, body: Span) {
        for line in lines_of(body.slice(self.text)) {
            let span = Span::new(body.start + line.span.start, body.start + line.span.end);
            let span = trim(self.text, span);
            if !span.is_empty() {
                self.body_line(span);
            }
        }
    }

    /// A line of the body: prose, headings and tables run together.
    fn body_line(&mut self, line: Span) {
        let headings = find_headings(self.text, line);
        let mut at = line.start;
        for (heading, title_end) in headings {
            self.segment(Span::new(at, heading));
            self.line(Span::new(heading, title_end));
            at = title_end;
        }
        self.segment(Span::new(at, line.end));
    }

    /// Text between two headings: prose, and the tables it holds.
    fn segment(&mut self, span: Span) {
        let mut at = span.start;
        for (kind, start) in table_starts(self.text, span) {
            if start < at {
                continue; // inside a table already read
            }
            // The table is read aside: only when it reads a row does the
            // prose before it go in, then the table (a page may have many
            // anchors that open no table; none of them may cost a copy).
            let main = std::mem::take(&mut self.projection);
            let unread_before = self.unread.len();
            let end = self.table(kind, Span::new(start, span.end));
            let table = std::mem::replace(&mut self.projection, main);
            if end <= start {
                self.unread.truncate(unread_before);
                continue;
            }
            self.prose(Span::new(at, start));
            let offset = self.projection.text.len();
            for row in &mut self.unread[unread_before..] {
                *row = Span::new(row.start + offset, row.end + offset);
            }
            self.projection.append(table);
            at = end;
        }
        self.prose(Span::new(at, span.end));
    }

    /// Prose, a paragraph a line: a break before each sub-heading that
    /// opens a sentence (「…推进。（七）持续推进…」), never inside one
    /// (「第二十条第（一）项」).
    fn prose(&mut self, span: Span) {
        let written = span.slice(self.text);
        let mut start = span.start;
        let mut previous: Option<char> = None;
        for (offset, ch) in written.char_indices() {
            let at = span.start + offset;
            let opens_sentence =
                previous.is_none_or(|p| matches!(p, '。' | '；' | '！' | '？' | '：' | '）' | ')') || is_space(p));
            // 「（一）存在问题1.配备的人员少…」: a list's first item follows the
            // heading it belongs to with no mark between them.
            let first_item = previous.is_some_and(is_cjk)
                && leading_ordinal(&self.text[at..])
                    .is_some_and(|o| o.level == nianbao_model::OrdinalLevel::Third && o.value == 1)
                && self.text[at..].chars().nth(2).is_some_and(is_cjk);
            if at > start && ((opens_sentence && opens_paragraph(&self.text[at..])) || first_item) {
                self.line(Span::new(start, at));
                start = at;
            }
            if !is_space(ch) {
                previous = Some(ch);
            }
        }
        self.line(Span::new(start, span.end));
    }

    /// Reads the table of `kind` that starts at `span.start`; returns where
    /// it ends (prose resumes there).
    fn table(&mut self, kind: TableKind, span: Span) -> usize {
        let unread_before = self.unread.len();
        self.t3_rows.clear();
        let end = self.read_table(kind, span);
        // Table 三's unread rows whose splits its columns settle: read again.
        if kind == TableKind::Applications
            && end > span.start
            && self.settled.is_empty()
            && let Some(settled) = settle_by_columns(self.text, &self.t3_rows)
        {
            self.settled = settled;
            self.projection = Projection::default();
            self.unread.truncate(unread_before);
            self.t3_rows.clear();
            let end = self.read_table(kind, span);
            self.settled.clear();
            return end;
        }
        end
    }

    fn read_table(&mut self, kind: TableKind, span: Span) -> usize {
        // A table holds no sentence: what follows the first 「。」 is prose,
        // and is not cut into words (a long body would be, at every anchor
        // tried).
        let written = span.slice(self.text);
        let span = written.find('。').map_or(span, |end| Span::new(span.start, span.start + end));
        let tokens = tokenize(self.text, span);
        let mut end = span.start;
        let mut header: Vec<Span> = Vec::new();
        // Table 二's rows have as many values as their block has columns.
        let mut block_columns: Option<usize> = None;
        let mut rows = 0;
        let mut index = 0;
        while index < tokens.len() {
            let Token::Words(words) = tokens[index] else {
                // Digits with no label before them: not this table's.
                break;
            };
            let pieces = pieces(self.text, words, kind);
            if pieces.iter().any(|&piece| is_prose(self.text, piece, kind) || is_other_heading(self.text, piece, kind))
            {
                break;
            }
            let digits = match tokens.get(index + 1) {
                Some(&Token::Digits(digits)) => Some(digits),
                _ => None,
            };
            // Once rows have begun, a header word before values labels a row:
            // 「其他0 0 0 0 0 00」 is （六）其他处理's 「3.其他」 without its number.
            let labels_a_row = |piece: Span| {
                !is_column_header(self.text, piece, kind) || (rows > 0 && kind != TableKind::ReviewLitigation)
            };
            let (row_label, before) = match (digits, pieces.split_last()) {
                (_, None) => (None, &pieces[..]),
                (Some(_), Some((&last, rest))) if labels_a_row(last) => (Some(last), rest),
                (None, Some((&last, rest))) if is_row_label(self.text, last, kind) => (Some(last), rest),
                _ => (None, &pieces[..]),
            };
            for &piece in before {
                match classify(piece.slice(self.text), Some(kind), false).as_deref() {
                    Some(LabelMatch::Header { role: HeaderRole::Column, .. }) => header.push(piece),
                    // Unknown words among a header's are a header mis-written
                    // (「先行有效件数」): a column all the same.
                    None if !header.is_empty() => header.push(piece),
                    // A row label right before the next: a row left blank.
                    Some(LabelMatch::Row { .. }) => {
                        self.header_line(&mut header, kind, &mut block_columns);
                        let cells = row_cells(self.text, piece, kind, block_columns);
                        self.row(Some(piece), None, cells, kind);
                        rows += 1;
                    }
                    _ => {
                        self.header_line(&mut header, kind, &mut block_columns);
                        self.line(piece);
                    }
                }
            }
            match (row_label, digits) {
                (Some(label), digits) => {
                    self.header_line(&mut header, kind, &mut block_columns);
                    let cells = row_cells(self.text, label, kind, block_columns);
                    self.row(Some(label), digits, cells, kind);
                    rows += 1;
                }
                (None, Some(digits)) if kind == TableKind::ReviewLitigation => {
                    self.header_line(&mut header, kind, &mut block_columns);
                    self.row(None, Some(digits), RowKey::T4.value_count(), kind);
                    // Table 四 has one row of values: what follows is not its.
                    return digits.end;
                }
                (None, Some(_)) => {
                    self.header_line(&mut header, kind, &mut block_columns);
                    break;
                }
                (None, None) => {}
            }
            end = match digits {
                Some(digits) => digits.end,
                None => words.end,
            };
            index += if digits.is_some() { 2 } else { 1 };
        }
        self.header_line(&mut header, kind, &mut block_columns);
        // Words and no row are no table (「依据第二十条第（一）项公开。」).
        if rows == 0 { span.start } else { end }
    }

    /// Writes the column headers gathered so far as one line.
    fn header_line(&mut self, header: &mut Vec<Span>, kind: TableKind, block_columns: &mut Option<usize>) {
        if header.is_empty() {
            return;
        }
        for (i, &piece) in header.iter().enumerate() {
            if i > 0 {
                self.projection.push_added("\t");
            }
            self.projection.push(piece.slice(self.text), piece, true);
        }
        self.projection.push_added("\n");
        if kind == TableKind::Proactive {
            // 「信息内容」 heads the labels, the rest head values.
            let values = header.iter().filter(|piece| !piece.slice(self.text).contains("信息内容")).count();
            *block_columns = (values > 0).then_some(values);
        }
        header.clear();
    }

    /// A row: its label, then its digits split into `cells` cells.
    fn row(&mut self, label: Option<Span>, digits: Option<Span>, cells: usize, kind: TableKind) {
        let row_start = self.projection.text.len();
        if let Some(label) = label {
            self.projection.push(label.slice(self.text), label, true);
        }
        let total = match kind {
            TableKind::Applications if cells == 7 => Total::Last,
            TableKind::ReviewLitigation if cells == 15 => Total::Groups,
            _ => Total::None,
        };
        let settled = digits.and_then(|d| self.settled.iter().find(|(start, _)| *start == d.start));
        let split = match (digits, settled) {
            (_, Some((_, parts))) => Split::ByTotal(parts.clone()),
            (Some(digits), None) => split_digits(self.text, digits, cells, total, &mut self.split_steps),
            // A label and no value: as many blank cells as the row has.
            (None, None) => Split::Certain(Vec::new()),
        };
        if kind == TableKind::Applications
            && cells == 7
            && let (Some(label), Some(run)) = (label, digits)
            && let Some(LabelMatch::Row { key: RowKey::T3(row), .. }) =
                classify(label.slice(self.text), Some(kind), false).as_deref()
        {
            let cells = match &split {
                Split::Certain(parts) | Split::ByTotal(parts) => values(self.text, parts).map(T3Cells::Read),
                Split::Unread(splits) if !splits.is_empty() => Some(T3Cells::Splits(splits.clone())),
                Split::Unread(_) => None,
            };
            if let Some(cells) = cells {
                self.t3_rows.push(T3Written { row: *row, run, cells });
            }
        }
        match split {
            Split::Certain(parts) | Split::ByTotal(parts) if !parts.is_empty() => {
                for (i, part) in parts.into_iter().enumerate() {
                    if label.is_some() || i > 0 {
                        self.projection.push_added("\t");
                    }
                    self.projection.push(part.slice(self.text), part, true);
                }
            }
            Split::Certain(_) | Split::ByTotal(_) => {
                for _ in 0..cells {
                    self.projection.push_added("\t");
                }
            }
            Split::Unread(_) => {
                let digits = digits.map(|d| trim(self.text, d)).unwrap_or_default();
                if label.is_some() {
                    self.projection.push_added("\t");
                }
                self.projection.push(digits.slice(self.text), digits, true);
                for _ in 1..cells {
                    self.projection.push_added("\t");
                }
                self.unread.push(Span::new(row_start, self.projection.text.len()));
            }
        }
        self.projection.push_added("\n");
    }
}

fn is_cjk(ch: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&ch)
}

/// Whether a sentence starting `text` opens a paragraph of its own: it
/// starts with a sub-heading's ordinal, 「（二）」「(2)」「（2）」 or 「4.」.
fn opens_paragraph(text: &str) -> bool {
    let Some(first) = text.chars().next() else { return false };
    if matches!(first, '（' | '(') {
        let inner = &text[first.len_utf8()..];
        let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let arabic = (1..=2).contains(&digits) && inner[digits..].starts_with(['）', ')']);
        return arabic || leading_ordinal(text).is_some();
    }
    first.is_ascii_digit()
        && leading_ordinal(text).is_some_and(|ordinal| ordinal.level == nianbao_model::OrdinalLevel::Third)
}

/// How many values the row labelled `label` has.
fn row_cells(text: &str, label: Span, kind: TableKind, block_columns: Option<usize>) -> usize {
    match kind {
        TableKind::Applications => RowKey::T3(nianbao_model::T3Row::ALL[0]).value_count(),
        TableKind::ReviewLitigation => RowKey::T4.value_count(),
        TableKind::Proactive => {
            block_columns.unwrap_or_else(|| match classify(label.slice(text), Some(kind), false).as_deref() {
                Some(LabelMatch::Row { key, .. }) => key.value_count(),
                _ => 1,
            })
        }
    }
}

/// A heading of a section the template does not have, inside a table's
/// run: 「五、信息处理费收取情况」 after table 四. A top-level ordinal that
/// labels none of this table's rows ends the table.
fn is_other_heading(text: &str, piece: Span, kind: TableKind) -> bool {
    let written = piece.slice(text);
    leading_ordinal(written).is_some_and(|o| o.level == nianbao_model::OrdinalLevel::Top)
        && !matches!(classify(written, Some(kind), false).as_deref(), Some(found) if found.table() == kind)
}

fn is_column_header(text: &str, piece: Span, kind: TableKind) -> bool {
    matches!(
        classify(piece.slice(text), Some(kind), false).as_deref(),
        Some(LabelMatch::Header { role: HeaderRole::Column, .. })
    )
}

fn is_row_label(text: &str, piece: Span, kind: TableKind) -> bool {
    matches!(classify(piece.slice(text), Some(kind), false).as_deref(), Some(LabelMatch::Row { .. }))
}

/// Prose, not a table's words: a sentence, or longer than any label.
fn is_prose(text: &str, piece: Span, kind: TableKind) -> bool {
    let written = piece.slice(text);
    if classify(written, Some(kind), false).is_some() {
        return false;
    }
    written.contains(['。', '，', ',', '；']) || written.len() > crate::labels::MAX_LABEL_BYTES
}

/// The section headings of a line of the body: where each starts (its
/// ordinal) and where its title ends.
fn find_headings(text: &str, line: Span) -> Vec<(usize, usize)> {
    let written = line.slice(text);
    let mut headings = Vec::new();
    let mut previous: Option<char> = None;
    let mut skip_to = 0;
    for (offset, ch) in written.char_indices() {
        let before = previous;
        previous = Some(ch);
        if offset < skip_to || !"一二三四五六七八九".contains(ch) {
            continue;
        }
        // 「十一、」 and 「第一、」 are no section ordinal.
        if before.is_some_and(|p| "一二三四五六七八九十第".contains(p)) {
            continue;
        }
        let rest = &written[offset..];
        let Some(ordinal) = leading_ordinal(rest).filter(|o| o.level == nianbao_model::OrdinalLevel::Top) else {
            continue;
        };
        if let Some(title_len) = heading_title(&rest[ordinal.len..]) {
            let start = line.start + offset;
            let end = start + ordinal.len + title_len;
            headings.push((start, end));
            skip_to = offset + ordinal.len + title_len;
        }
    }
    headings
}

/// The length of the section title `text` starts with: the shortest
/// prefix ending with a word headings end with that reads as a heading
/// (「总体情况」 of 「总体情况2022年，…」).
fn heading_title(text: &str) -> Option<usize> {
    const ENDINGS: [&str; 6] = ["情况", "措施", "事项", "附表", "计划", "概述"];
    // 「2024年政府信息公开工作总体情况」.
    let starts_with_year =
        text.get(..4).is_some_and(|year| year.bytes().all(|b| b.is_ascii_digit())) && text[4..].starts_with('年');
    for (chars, (offset, ch)) in text.char_indices().enumerate() {
        if chars >= MAX_HEADING_CHARS {
            break;
        }
        // A title holds no table values and no other heading's ordinal:
        // 「结转下年度继续办理0000000四、政府信息公开行政复议…」 is none.
        let in_year_prefix = offset < 4 && starts_with_year;
        let another_ordinal = ch == '、' && text[..offset].ends_with(|p: char| "一二三四五六七八九十".contains(p));
        if (ch.is_ascii_digit() && !in_year_prefix) || another_ordinal {
            break;
        }
        let end = offset + ch.len_utf8();
        let title = &text[..end];
        if ENDINGS.iter().any(|ending| title.ends_with(ending))
            && classify_heading(title).is_some()
            // A longer heading goes on: 「存在的主要问题及改进情况」, not 「…问题」.
            && !text[end..].starts_with("与附表")
        {
            return Some(end);
        }
    }
    None
}

/// Where a table may start in `span`, and which, in order: the anchors of
/// each table, found once for the segment.
fn table_starts(text: &str, span: Span) -> Vec<(TableKind, usize)> {
    const ANCHORS: [(&str, TableKind); 7] = [
        ("第二十条第（一）项", TableKind::Proactive),
        ("第二十条第(一)项", TableKind::Proactive),
        ("（本列数据", TableKind::Applications),
        ("(本列数据", TableKind::Applications),
        ("申请人情况", TableKind::Applications),
        ("一、本年新收政府信息公开申请数量", TableKind::Applications),
        ("行政复议", TableKind::ReviewLitigation),
    ];
    let written = span.slice(text);
    let mut starts: Vec<(TableKind, usize)> = ANCHORS
        .iter()
        .flat_map(|&(anchor, kind)| {
            written
                .match_indices(anchor)
                // 「行政复议」 opens table 四 only as its header, 「行政复议行政诉讼」,
                // not in a sentence before it (「没有…行政复议及行政诉讼情况」).
                .filter(move |&(at, _)| {
                    kind != TableKind::ReviewLitigation
                        || written[at + anchor.len()..].trim_start_matches(is_space).starts_with("行政诉讼")
                })
                .map(move |(at, _)| (kind, span.start + at))
        })
        .collect();
    starts.sort_by_key(|&(_, at)| at);
    starts.dedup_by_key(|&mut (_, at)| at);
    starts
}

/// Cuts a table's text into words and runs of digits. A digit before
/// 「.」 and a word is the ordinal of the next label (「…00000002.其他法律…」),
/// a year before 「年」 belongs to the prose after the table.
fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let written = span.slice(text);
    let chars: Vec<(usize, char)> = written.char_indices().collect();
    let mut tokens = Vec::new();
    let mut words_start: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let (offset, ch) = chars[i];
        if !ch.is_ascii_digit() {
            if words_start.is_none() && !is_space(ch) {
                words_start = Some(offset);
            }
            i += 1;
            continue;
        }
        // A run of digits, spaces and decimal points between digits.
        let mut j = i;
        let mut last_digit = i;
        while j < chars.len() {
            let c = chars[j].1;
            let before_digit = chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit());
            let decimal_point = c == '.' && before_digit;
            // 「本年增/减」 of the 2019 format is signed: 「0+11」 is 0|+1|1.
            let sign = matches!(c, '+' | '-' | '－') && before_digit;
            // A unit after a number is its cell's: 「政府集中采购2笔 984361元」.
            let unit = unit_len(&chars[j..]).filter(|_| j > 0 && chars[j - 1].1.is_ascii_digit());
            if c.is_ascii_digit() {
                last_digit = j;
            } else if let Some(len) = unit {
                last_digit = j + len - 1;
                j += len;
                continue;
            } else if !(is_space(c) || decimal_point || sign) {
                break;
            }
            j += 1;
        }
        let mut run_end = last_digit + 1;
        let next = chars.get(run_end).map(|&(_, c)| c);
        if matches!(next, Some('.' | '．' | '、')) {
            // The ordinal of the next label.
            run_end -= 1;
        } else if next == Some('年') && run_end >= i + 4 {
            let year: String = chars[run_end - 4..run_end].iter().map(|&(_, c)| c).collect();
            if year.starts_with("19") || year.starts_with("20") {
                run_end -= 4;
            }
        }
        let run_has_digit = chars[i..run_end].iter().any(|(_, c)| c.is_ascii_digit());
        if !run_has_digit {
            if words_start.is_none() {
                words_start = Some(offset);
            }
            i = last_digit + 1;
            continue;
        }
        if let Some(start) = words_start.take() {
            tokens.push(Token::Words(trim(text, Span::new(span.start + start, span.start + offset))));
        }
        let end = chars.get(run_end).map_or(written.len(), |&(o, _)| o);
        tokens.push(Token::Digits(trim(text, Span::new(span.start + offset, span.start + end))));
        i = run_end;
    }
    if let Some(start) = words_start {
        tokens.push(Token::Words(trim(text, Span::new(span.start + start, span.end))));
    }
    tokens
}

/// How many characters of the unit `chars` start with, if any: the units
/// a cell may carry after its number (`number::UNITS`).
fn unit_len(chars: &[(usize, char)]) -> Option<usize> {
    UNITS.iter().find_map(|unit| {
        let len = unit.chars().count();
        (chars.len() >= len && chars[..len].iter().map(|&(_, c)| c).eq(unit.chars())).then_some(len)
    })
}

/// Cuts a table's words into labels and headers: at each ordinal
/// (「三、本年度办理结果」「（一）予以公开」), and words without an ordinal
/// into `kind`'s words of the template (「信息内容本年制发件数…规章」). A
/// label the template does not know stays one piece.
fn pieces(text: &str, words: Span, kind: TableKind) -> Vec<Span> {
    let written = words.slice(text);
    let mut starts = vec![0];
    let mut previous: Option<char> = None;
    for (offset, ch) in written.char_indices() {
        // 「第二十条第（一）项」 is one word: its 「（一）」 starts no label.
        if offset > 0 && previous != Some('第') && leading_ordinal(&written[offset..]).is_some() {
            starts.push(offset);
        }
        previous = Some(ch);
    }
    starts.dedup();
    let mut pieces = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(written.len());
        let chunk = trim(text, Span::new(words.start + start, words.start + end));
        if chunk.is_empty() {
            continue;
        }
        let chunk_text = chunk.slice(text);
        let known = classify(chunk_text, None, false).is_some();
        if !known && let Some((group, label)) = group_then_label(text, chunk, kind) {
            // 「（四）无法提供本机关不掌握相关政府信息」: a label that lost its
            // ordinal runs into the group label before it.
            pieces.extend([group, label]);
        } else if known || leading_ordinal(chunk_text).is_some() {
            pieces.push(chunk);
        } else {
            dictionary_words(text, chunk, kind, &mut pieces);
        }
    }
    pieces
}

/// `chunk` as a label of the dictionary followed by a row label, if it is one.
fn group_then_label(text: &str, chunk: Span, kind: TableKind) -> Option<(Span, Span)> {
    let written = chunk.slice(text);
    let mut words: Vec<&str> = written_labels(kind).filter(|w| !w.is_empty() && written.starts_with(w)).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.into_iter().find_map(|word| {
        let rest = trim(text, Span::new(chunk.start + word.len(), chunk.end));
        let is_row = matches!(classify(rest.slice(text), None, false).as_deref(), Some(LabelMatch::Row { .. }));
        (is_row && !rest.is_empty()).then(|| (Span::new(chunk.start, chunk.start + word.len()), rest))
    })
}

/// Cuts `chunk` into the template's words, longest first; text no word
/// starts stays together.
fn dictionary_words(text: &str, chunk: Span, kind: TableKind, pieces: &mut Vec<Span>) {
    let written = chunk.slice(text);
    let mut unknown: Option<usize> = None;
    let mut at = 0;
    while at < written.len() {
        let rest = &written[at..];
        // The longest word, its letters perhaps set apart by spaces
        // (「本年新 制作数量」).
        let longest = written_labels(kind).filter_map(|word| spaced_prefix(rest, word)).max();
        match longest {
            Some(len) => {
                if let Some(start) = unknown.take() {
                    pieces.push(trim(text, Span::new(chunk.start + start, chunk.start + at)));
                }
                pieces.push(Span::new(chunk.start + at, chunk.start + at + len));
                at += len;
            }
            // A unit in brackets after a word is that word's: 「政府集中采购（元）」.
            None if unknown.is_none() && rest.starts_with(['（', '(']) && !pieces.is_empty() => {
                let close = rest
                    .find(['）', ')'])
                    .map_or(rest.len(), |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
                if let Some(last) = pieces.last_mut().filter(|last| last.end == chunk.start + at) {
                    last.end = chunk.start + at + close;
                } else {
                    unknown = Some(at);
                }
                at += close;
            }
            None => {
                unknown.get_or_insert(at);
                at += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    if let Some(start) = unknown {
        pieces.push(trim(text, Span::new(chunk.start + start, chunk.end)));
    }
    pieces.retain(|piece| !piece.is_empty());
}

/// How many bytes of `text` spell `word`, spaces between its characters
/// allowed; `None` when `text` does not start with it.
fn spaced_prefix(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    if text.starts_with(word) {
        return Some(word.len());
    }
    let mut chars = text.char_indices().peekable();
    for (index, expected) in word.chars().enumerate() {
        // Spaces between the word's characters, not before its first.
        while index > 0 && chars.peek().is_some_and(|&(_, ch)| is_space(ch)) {
            chars.next();
        }
        match chars.next() {
            Some((_, ch)) if ch == expected => {}
            _ => return None,
        }
    }
    Some(chars.peek().map_or(text.len(), |&(at, _)| at))
}

/// Splits a run of digits into `cells` numbers (see the module's doc).
fn split_digits(text: &str, run: Span, cells: usize, total: Total, budget: &mut usize) -> Split {
    let written = run.slice(text);
    // Spaces and units set the cells apart: as many pieces as cells is the
    // split (decimals and units kept in their cell: 「2 45.82万元」).
    let pieces = separated_pieces(text, run);
    if pieces.len() == cells {
        return Split::Certain(pieces);
    }
    if written.contains('.') || UNITS.iter().any(|unit| written.contains(unit)) {
        return Split::Unread(Vec::new());
    }
    // Each digit, whether a space (or a sign) comes before it, and where a
    // cell starting with it starts (at its sign, if it has one).
    let mut digits: Vec<(usize, bool)> = Vec::new();
    let mut cell_starts: Vec<usize> = Vec::new();
    let mut spaced = false;
    let mut sign: Option<usize> = None;
    for (offset, ch) in written.char_indices() {
        if ch.is_ascii_digit() {
            digits.push((run.start + offset, (spaced || sign.is_some()) && !digits.is_empty()));
            cell_starts.push(run.start + sign.take().unwrap_or(offset));
            spaced = false;
        } else if matches!(ch, '+' | '-' | '－') {
            sign = Some(offset);
        } else {
            spaced = true;
        }
    }
    // Fewer zeros than cells: each its own value, and the row short of
    // values (S007), not a run that splits several ways.
    if digits.len() < cells && digits.iter().all(|&(at, _)| text.as_bytes()[at] == b'0') {
        return Split::Certain(digits.iter().map(|&(at, _)| Span::new(at, at + 1)).collect());
    }
    if cells == 0 || digits.len() < cells || digits.len() > cells * MAX_CELL_DIGITS {
        return Split::Unread(Vec::new());
    }
    let bytes = text.as_bytes();
    let mut search = SplitSearch {
        digits: &digits,
        bytes,
        cells,
        total,
        parts: Vec::with_capacity(cells),
        steps: 0,
        limit: MAX_SPLIT_STEPS.min(*budget),
        splits: 0,
        first: None,
        satisfying: 0,
        first_satisfying: None,
        all_satisfying: Vec::new(),
    };
    search.run(0);
    *budget = budget.saturating_sub(search.steps);
    if search.steps > search.limit {
        return Split::Unread(Vec::new());
    }
    let to_spans = |parts: Vec<(usize, usize)>| -> Vec<Span> {
        parts.into_iter().map(|(from, to)| Span::new(cell_starts[from], digits[to - 1].0 + 1)).collect()
    };
    match (search.splits, search.first, search.satisfying, search.first_satisfying) {
        (1, Some(only), _, _) => Split::Certain(to_spans(only)),
        (_, _, 1, Some(only)) if total != Total::None => Split::ByTotal(to_spans(only)),
        (_, _, satisfying, _) if satisfying <= MAX_CANDIDATES => {
            Split::Unread(search.all_satisfying.into_iter().map(to_spans).collect())
        }
        _ => Split::Unread(Vec::new()),
    }
}

/// The seven values of a row's cells, if each is a count.
fn values(text: &str, parts: &[Span]) -> Option<[i64; 7]> {
    let mut values = [0; 7];
    if parts.len() != values.len() {
        return None;
    }
    for (value, part) in values.iter_mut().zip(parts) {
        // No count has more digits than a cell holds; a longer run could
        // overflow the column sums below.
        let digits = part.slice(text);
        if digits.len() > MAX_CELL_DIGITS {
            return None;
        }
        *value = digits.parse().ok()?;
    }
    Some(values)
}

/// The splits of table 三's rows left with several that its columns
/// settle: a row's split is settled when every choice of splits over the
/// open rows that makes the columns add up — （七）总计 the sum of the
/// result rows, and 一 + 二 = （七） + 四, in every column, where all of an
/// identity's rows are written with seven cells — picks the same one for
/// it. None when nothing is settled.
fn settle_by_columns(text: &str, rows: &[T3Written]) -> Option<Vec<(usize, Vec<Span>)>> {
    let first = |row: T3Row| rows.iter().find(|written| written.row == row);
    let open: Vec<(&T3Written, &Vec<Vec<Span>>)> = T3Row::ALL
        .iter()
        .filter_map(|&row| first(row))
        .filter_map(|written| match &written.cells {
            T3Cells::Splits(splits) => Some((written, splits)),
            T3Cells::Read(_) => None,
        })
        .collect();
    if open.is_empty() {
        return None;
    }
    let choices = open.iter().try_fold(1usize, |n, (_, splits)| n.checked_mul(splits.len()))?;
    if choices > MAX_CHOICES {
        return None;
    }
    // For each open row, the split every fitting choice picks so far
    // (None once two differ), and whether any choice fits.
    let mut agreed: Vec<Option<usize>> = vec![None; open.len()];
    let mut differ = vec![false; open.len()];
    let mut any_fits = false;
    for choice in 0..choices {
        // The choice's split for each open row, as mixed-radix digits.
        let mut rest = choice;
        let picked: Vec<usize> = open
            .iter()
            .map(|(_, splits)| {
                let pick = rest % splits.len();
                rest /= splits.len();
                pick
            })
            .collect();
        let value = |row: T3Row| -> Option<[i64; 7]> {
            let written = first(row)?;
            match &written.cells {
                T3Cells::Read(values) => Some(*values),
                T3Cells::Splits(splits) => {
                    let at = open.iter().position(|(open, _)| open.row == row)?;
                    values(text, &splits[picked[at]])
                }
            }
        };
        let results: Option<Vec<[i64; 7]>> = T3Row::results().iter().map(|&row| value(row)).collect();
        let sums = results
            .zip(value(T3Row::TotalResults))
            .map(|(results, total)| (0..7).all(|c| results.iter().map(|row| row[c]).sum::<i64>() == total[c]));
        let flows = [T3Row::NewReceived, T3Row::CarriedOver, T3Row::TotalResults, T3Row::CarriedForward]
            .map(value)
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .map(|v| (0..7).all(|c| v[0][c] + v[1][c] == v[2][c] + v[3][c]));
        // An identity that cannot be checked settles nothing.
        if sums.is_none() && flows.is_none() {
            return None;
        }
        if sums == Some(false) || flows == Some(false) {
            continue;
        }
        any_fits = true;
        for (i, &pick) in picked.iter().enumerate() {
            match agreed[i] {
                None => agreed[i] = Some(pick),
                Some(earlier) if earlier != pick => differ[i] = true,
                Some(_) => {}
            }
        }
    }
    if !any_fits {
        return None;
    }
    let settled: Vec<(usize, Vec<Span>)> = open
        .iter()
        .zip(agreed.iter().zip(&differ))
        .filter_map(|((written, splits), (agreed, differ))| {
            agreed.filter(|_| !differ).map(|pick| (written.run.start, splits[pick].clone()))
        })
        .collect();
    (!settled.is_empty()).then_some(settled)
}

/// The pieces of a run set apart by spaces, or ending with a unit.
fn separated_pieces(text: &str, run: Span) -> Vec<Span> {
    let written = run.slice(text);
    let mut pieces = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = written.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, ch) = chars[i];
        if is_space(ch) {
            if let Some(from) = start.take() {
                pieces.push(Span::new(run.start + from, run.start + at));
            }
            i += 1;
            continue;
        }
        start.get_or_insert(at);
        if let Some(len) = unit_len(&chars[i..]) {
            let end = chars.get(i + len).map_or(written.len(), |&(at, _)| at);
            pieces.push(Span::new(run.start + start.take().unwrap_or(at), run.start + end));
            i += len;
            continue;
        }
        i += 1;
    }
    if let Some(from) = start {
        pieces.push(Span::new(run.start + from, run.end));
    }
    pieces
}

/// A depth-first search over the ways to cut a run of digits into cells.
struct SplitSearch<'a> {
    /// Byte offset of each digit, and whether a space precedes it.
    digits: &'a [(usize, bool)],
    bytes: &'a [u8],
    cells: usize,
    total: Total,
    /// The cells chosen so far, as ranges of digit indices.
    parts: Vec<(usize, usize)>,
    steps: usize,
    /// Steps allowed: [`MAX_SPLIT_STEPS`], or what the page has left.
    limit: usize,
    splits: usize,
    first: Option<Vec<(usize, usize)>>,
    satisfying: usize,
    first_satisfying: Option<Vec<(usize, usize)>>,
    /// The first [`MAX_CANDIDATES`] of them.
    all_satisfying: Vec<Vec<(usize, usize)>>,
}

impl SplitSearch<'_> {
    fn run(&mut self, from: usize) {
        self.steps += 1;
        if self.steps > self.limit {
            return;
        }
        let remaining_cells = self.cells - self.parts.len();
        let remaining_digits = self.digits.len() - from;
        if remaining_cells == 0 {
            if remaining_digits == 0 {
                self.found();
            }
            return;
        }
        if remaining_digits < remaining_cells || remaining_digits > remaining_cells * MAX_CELL_DIGITS {
            return;
        }
        for len in 1..=MAX_CELL_DIGITS.min(remaining_digits) {
            let to = from + len;
            // A space inside a number: no cell spans it.
            if len > 1 && self.digits[from + len - 1].1 {
                break;
            }
            // No number has a leading zero.
            if len > 1 && self.bytes[self.digits[from].0] == b'0' {
                break;
            }
            self.parts.push((from, to));
            self.run(to);
            self.parts.pop();
        }
    }

    fn found(&mut self) {
        self.splits += 1;
        if self.first.is_none() {
            self.first = Some(self.parts.clone());
        }
        if self.satisfies_total() {
            self.satisfying += 1;
            if self.first_satisfying.is_none() {
                self.first_satisfying = Some(self.parts.clone());
            }
            if self.all_satisfying.len() < MAX_CANDIDATES {
                self.all_satisfying.push(self.parts.clone());
            }
        }
    }

    fn value(&self, (from, to): (usize, usize)) -> u64 {
        self.digits[from..to].iter().fold(0, |value, &(at, _)| value * 10 + u64::from(self.bytes[at] - b'0'))
    }

    fn satisfies_total(&self) -> bool {
        // Each group's parts but its last add up to its last: the whole row
        // for table 三, groups of five for table 四.
        let group = match self.total {
            Total::None => return false,
            Total::Last => self.parts.len(),
            Total::Groups => 5,
        };
        self.parts.chunks(group).all(|parts| {
            parts
                .split_last()
                .is_some_and(|(&last, rest)| rest.iter().map(|&part| self.value(part)).sum::<u64>() == self.value(last))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(written: &str, cells: usize, total: Total) -> Result<Vec<&str>, &'static str> {
        let span = Span::new(0, written.len());
        match split_digits(written, span, cells, total, &mut { MAX_PAGE_SPLIT_STEPS }) {
            Split::Certain(parts) => Ok(parts.iter().map(|p| p.slice(written)).collect()),
            Split::ByTotal(parts) => {
                let mut cut: Vec<&str> = parts.iter().map(|p| p.slice(written)).collect();
                cut.insert(0, "by total");
                Ok(cut)
            }
            Split::Unread(_) => Err("unread"),
        }
    }

    #[test]
    fn a_run_is_split_only_when_the_split_is_certain() {
        assert_eq!(split("3000003", 7, Total::Last), Ok(vec!["3", "0", "0", "0", "0", "0", "3"]));
        // Spaces separate cells: 1|0|0|0|0|1|2, the only split.
        assert_eq!(split("10 0 0 012", 7, Total::Last), Ok(vec!["1", "0", "0", "0", "0", "1", "2"]));
        assert_eq!(split(" 0 0 00 0 0 0", 7, Total::Last).map(|p| p.len()), Ok(7));
        // 21|0|0|0|0|0|21 is the one split whose total holds (2|10|… does not).
        assert_eq!(split("210000021", 7, Total::Last), Ok(vec!["by total", "21", "0", "0", "0", "0", "0", "21"]));
        // 6|0|51 or 60|5|1: table 二 has no total to tell.
        assert_eq!(split("6051", 3, Total::None), Err("unread"));
        assert_eq!(split("000", 3, Total::None), Ok(vec!["0", "0", "0"]));
        assert_eq!(split("568", 1, Total::None), Ok(vec!["568"]));
        assert_eq!(split("12.5", 1, Total::None), Ok(vec!["12.5"]));
        // Too few digits for the cells: six zeros are six values (S007 says
        // one is missing), other digits no certain split.
        assert_eq!(split("000000", 7, Total::Last), Ok(vec!["0"; 6]));
        assert_eq!(split("120000", 7, Total::Last), Err("unread"));
        // Units and spaces set cells apart; a unit stays in its cell.
        assert_eq!(split("2笔 984361元", 2, Total::None), Ok(vec!["2笔", "984361元"]));
        assert_eq!(split("1个246900元", 2, Total::None), Ok(vec!["1个", "246900元"]));
        assert_eq!(split("2 45.82万元", 2, Total::None), Ok(vec!["2", "45.82万元"]));
        assert_eq!(split("0+11", 3, Total::None), Ok(vec!["0", "+1", "1"]));
        assert_eq!(split("000000000000000", 15, Total::Groups).map(|p| p.len()), Ok(15));
    }

    /// 211's 表三: 一 and （七） both 「110000011」, 11|0|0|0|0|0|11 or
    /// 1|10|0|0|0|0|11; the result rows settle （七）, and 一 + 二 = （七） + 四
    /// then settles 一.
    const TABLE3_211: &str = "三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计 商业 企业 科研 机构 社会公益组织 法律服务机构 其他 一、本年新收政府信息公开申请数量 110000011二、上年结转政府信息公开申请数量 0000000三、本年度办理结果 （一）予以公开 0000000（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3000003（三）不予公开 1.属于国家秘密 00000002.其他法律行政法规禁止公开 00000003.危及“三安全一稳定” 00000004.保护第三方合法权益 00000005.属于三类内部事务信息 00000006.属于四类过程性信息 00000007.属于行政执法案卷 00000008.属于行政查询事项 0000000（四）无法提供 1.本机关不掌握相关政府信息 70000072.没有现成信息需要另行制作 00000003.补正后申请内容仍不明确 0000000（五）不予处理 1.信访举报投诉类申请 00000002.重复申请 00000003.要求提供公开出版物 00000004.无正当理由大量反复申请 00000005.要求行政机关确认或重新出具已获取信息 0000000（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 10000012.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 00000003.其他 0000000（七）总计 110000011四、结转下年度继续办理 0000000";

    #[test]
    fn table_3_columns_settle_a_split_only_when_every_fitting_choice_agrees() {
        let crawled = project(&format!("{HEADER}{TABLE3_211}")).unwrap();
        let out = &crawled.projection.text;
        assert!(out.contains("\n一、本年新收政府信息公开申请数量\t11\t0\t0\t0\t0\t0\t11\n"), "{out}");
        assert!(out.contains("\n（七）总计\t11\t0\t0\t0\t0\t0\t11\n"), "{out}");
        assert!(crawled.unread.is_empty(), "{out}");
        // Without 四, 一 + 二 = （七） + 四 cannot be checked: （七） is still
        // settled by the result rows, 一 is not.
        let without_carried_forward = TABLE3_211.replace("四、结转下年度继续办理 0000000", "");
        let crawled = project(&format!("{HEADER}{without_carried_forward}")).unwrap();
        let out = &crawled.projection.text;
        assert!(out.contains("\n（七）总计\t11\t0\t0\t0\t0\t0\t11\n"), "{out}");
        assert_eq!(crawled.unread.len(), 1, "{out}");
        assert_eq!(crawled.unread[0].slice(out), "一、本年新收政府信息公开申请数量\t110000011\t\t\t\t\t\t");
        // A result row that does not add up settles nothing.
        let wrong = TABLE3_211.replace("70000072.没有", "80000082.没有");
        let crawled = project(&format!("{HEADER}{wrong}")).unwrap();
        assert_eq!(crawled.unread.len(), 2, "{}", crawled.projection.text);
    }

    fn projected(text: &str) -> String {
        project(text).expect("a crawler text").projection.text
    }

    const HEADER: &str = "标题: 某局2022年度政府信息公开工作年度报告\n发布时间: 2023-01-05 16:08\n原文链接: https://example.gov.cn/a.htm\n==================== 正文 ====================\n";

    #[test]
    fn the_header_gives_title_and_date_and_headings_get_their_own_lines() {
        let text = format!(
            "{HEADER}现编制完成本报告。一、总体情况2022年，我局认真工作。（一）加强队伍。依据第二十条第（一）项公开。"
        );
        let out = projected(&text);
        assert_eq!(
            out,
            "某局2022年度政府信息公开工作年度报告\n发布时间: 2023-01-05 16:08\n现编制完成本报告。\n一、总体情况\n2022年，我局认真工作。\n（一）加强队伍。依据第二十条第（一）项公开。\n"
        );
    }

    #[test]
    fn table_cells_run_together_are_split_into_rows() {
        let text = format!(
            "{HEADER}二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件6051第二十条第（五）项信息内容本年处理决定数量行政许可568三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开1000001（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请3.其他（七）总计3000003"
        );
        let crawled = project(&text).unwrap();
        let out = &crawled.projection.text;
        assert!(out.contains("\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"), "{out}");
        assert!(out.contains("\n行政规范性文件\t6051\t\t\n"), "{out}");
        assert!(out.contains("\n行政许可\t568\n"), "{out}");
        assert!(out.contains("\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\t自然人\t法人或其他组织\t总计\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"), "{out}");
        assert!(
            out.contains("\n（三）不予公开\n1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n2.其他法律行政法规禁止公开\t1\t0"),
            "{out}"
        );
        assert!(out.contains("\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t\t\t\t\t\t\t\n3.其他\t\t\t\t\t\t\t\n（七）总计\t3\t"), "{out}");
        assert_eq!(crawled.unread.len(), 1);
        assert_eq!(crawled.unread[0].slice(out), "行政规范性文件\t6051\t\t");
    }

    #[test]
    fn other_texts_are_not_crawler_texts() {
        assert!(project("一、总体情况\n").is_none());
        // A title line and no body mark.
        assert!(project("标题: 某局报告\n一、总体情况\n").is_none());
    }
}
