//! Reading the three tables.
//!
//! Every layout is first cut into a stream of cells (see [`crate::lines`]);
//! rows are then found by their *label*, never by position: a row label opens
//! a row, the values after it fill it, the next label closes it. Table 四 has
//! no row label: its values follow its headers. Line breaks are only hints, so
//! one-cell-per-line layouts, rows broken by a stray newline (seed 002) and
//! flattened runs of values all read the same.

use std::borrow::Cow;

use nianbao_model::{
    Cell, CellValue, Fidelity, HeaderCell, HeaderClass, RowKey, RowLabel, Span, T2Row, T3Row, Table, TableKind,
};

use crate::labels::{
    HeaderRole, LabelMatch, classify, classify_written, is_header_like, is_merged_label_piece, merged_label_table,
};
use crate::lines::{Line, Shape, Token, TokenKind, shape};
use crate::normalize::normalize_label;
use crate::number::parse_cell;
use crate::ordinal::leading_ordinal;

/// The tables of a text, and which lines they took.
pub(crate) struct TablesRead {
    pub(crate) tables: Vec<Table>,
    /// `consumed[i]`: line `i` belongs to a table (and so is not prose).
    pub(crate) consumed: Vec<bool>,
}

pub(crate) fn read_tables(source: &str, lines: &[Line]) -> TablesRead {
    let mut reader = Reader {
        source,
        tables: [None, None, None],
        current: None,
        row: None,
        pending: None,
        tokens: Vec::new(),
        apart: Default::default(),
        section_table: None,
    };
    let mut consumed = vec![false; lines.len()];
    for (index, &line) in lines.iter().enumerate() {
        consumed[index] = reader.line(line, index);
    }
    reader.close_context();
    for (table, apart) in reader.tables.iter_mut().zip(&reader.apart) {
        if let Some(table) = table.as_mut().filter(|table| !table.unpaired.is_empty()) {
            leave_unread(table, apart);
        }
    }
    let mut tables: Vec<Table> = reader.tables.into_iter().flatten().collect();
    tables.sort_by_key(|table| table.span.start);
    TablesRead { tables, consumed }
}

struct Reader<'a> {
    source: &'a str,
    tables: [Option<Table>; 3],
    /// The table being read, if any.
    current: Option<TableKind>,
    /// The row being filled.
    row: Option<OpenRow>,
    /// A group label or unknown text that labels a row if values follow it.
    pending: Option<(TableKind, RowLabel)>,
    /// The cells of the line being read; see [`Reader::line`].
    tokens: Vec<Token>,
    /// By table, the rows (their index) whose values do not all stand on
    /// their label's line: unread if the table has [`Table::unpaired`] values.
    apart: [Vec<usize>; 3],
    /// The table the last heading called for: outside any table, a label two
    /// tables share (「总计」) opens this one.
    section_table: Option<TableKind>,
}

struct OpenRow {
    table: TableKind,
    key: Option<RowKey>,
    label: Option<RowLabel>,
    /// The line of the label: a text cell on it is a (bad) value, not a label.
    label_line: usize,
    cells: Vec<(Token, usize)>,
}

fn table_index(kind: TableKind) -> usize {
    kind as usize
}

impl<'a> Reader<'a> {
    /// Reads one line; returns whether it belongs to a table.
    fn line(&mut self, line: Line, index: usize) -> bool {
        // Lent out while the line is read (reading needs `&mut self`), then
        // put back, so that every line reuses one allocation.
        let mut tokens = std::mem::take(&mut self.tokens);
        let belongs = self.shaped_line(line, index, &mut tokens);
        self.tokens = tokens;
        belongs
    }

    fn shaped_line(&mut self, line: Line, index: usize, tokens: &mut Vec<Token>) -> bool {
        match shape(self.source, line, tokens) {
            Shape::Blank => false,
            // Taken, so that sections do not read it as prose; it does not end a table.
            Shape::Comment => true,
            Shape::Delimiter => true,
            Shape::Footer => self.current.is_some(),
            Shape::Cells => {
                // Inside a table every cell line belongs to it; outside, only
                // one with a label opens one.
                let opens_table = self.current.is_some()
                    || tokens.iter().any(|token| {
                        token.kind == TokenKind::Text && classify(self.text(*token), self.current, false).is_some()
                    });
                if self.current.is_none() && !opens_table {
                    return false;
                }
                for &token in tokens.iter() {
                    self.token(token, index, false);
                }
                true
            }
            Shape::Plain => {
                let belongs = self.plain_line(tokens, index);
                self.blank_fields_after_label(line, index, tokens);
                belongs
            }
        }
    }

    /// The blank fields a label alone on its line is followed by: a page
    /// that writes every cell (blank ones as `&nbsp;`) projects a row with no
    /// value as its label and a tab per cell. They are the row's cells only
    /// if there are as many as it has columns (see [`settle_cells`]).
    fn blank_fields_after_label(&mut self, line: Line, index: usize, tokens: &mut Vec<Token>) {
        let Some(row) = self.row.as_mut().filter(|row| row.label_line == index && row.cells.is_empty()) else {
            return;
        };
        crate::lines::trailing_tab_fields(self.source, line, tokens);
        row.cells.extend(tokens.iter().map(|&token| (token, index)));
    }

    /// A line without separators belongs to a table only if it is a label, a
    /// header fragment or values inside a table; anything else is prose and
    /// ends the table.
    fn plain_line(&mut self, tokens: &[Token], index: usize) -> bool {
        let whole_line = tokens.first().map(|first| first.span.cover(tokens[tokens.len() - 1].span));
        let has_values = tokens.iter().any(|token| token.kind == TokenKind::Value);
        // A piece of a merged label on its own line (「三、」 of
        // 「三、本年度办理结果」 set one character a line) is no heading.
        if let Some(span) = whole_line.filter(|_| !has_values) {
            let text = span.slice(self.source);
            // The end of a wrapped row label that is also a piece of a merged
            // label (「申请」 of 「申请人情况」) ends the row label.
            if tokens.len() == 1 && self.join_label(tokens[0], true) {
                return true;
            }
            if self.current.is_some_and(|table| is_merged_label_piece(text, table)) {
                return true;
            }
            // A long piece of a table's header opens the table; a whole
            // label (「第二十条第（一）项」) is read as one below, so that the
            // table starts at it.
            if self.current.is_none()
                && let Some(table) = merged_label_table(text)
                && classify(text, None, true).is_none()
            {
                self.current = Some(table);
                return true;
            }
        }
        if let Some(label) = whole_line.and_then(|span| self.heading_row_label(span)) {
            return self.plain_line(&[Token::unread(label, TokenKind::Text)], index);
        }
        if whole_line
            .is_some_and(|span| crate::sections::is_heading_line(self.text(Token::unread(span, TokenKind::Text))))
        {
            // A Markdown heading or a statutory section heading always ends a table.
            self.close_context();
            self.section_table = whole_line.and_then(|span| crate::sections::heading_table(span.slice(self.source)));
            return false;
        }
        let label = tokens.first().filter(|token| token.kind == TokenKind::Text).copied();
        let belongs = match (label, has_values) {
            (Some(label), false) => {
                let text = self.text(label);
                classify(text, self.current, true).is_some()
                    || self.label_after_pieces(label).is_some()
                    || (self.current.is_some()
                        && !self.table4_complete()
                        && is_header_like(text)
                        && leading_ordinal(text).is_none_or(|o| o.level != nianbao_model::OrdinalLevel::Top))
            }
            (Some(label), true) => self.current.is_some() || classify(self.text(label), self.current, false).is_some(),
            (None, _) => self.current.is_some(),
        };
        if !belongs {
            self.close_context();
            return false;
        }
        for &token in tokens {
            self.token(token, index, true);
        }
        true
    }

    /// The label inside a Markdown heading that is a table row, not a
    /// section: converters from PDF to Markdown turn rows set in bold into
    /// headings (「### 一、本年新收政府信息公开申请数量」, 「### 三、本年度办理结果」).
    /// A row label is one inside a table or anywhere; a header or group label
    /// only inside a table. A statutory section heading is never one.
    fn heading_row_label(&self, line: Span) -> Option<Span> {
        let text = line.slice(self.source);
        let inner = text.trim_start_matches('#');
        if inner.len() == text.len() || text.len() - inner.len() > 6 {
            return None;
        }
        let inner = inner.trim_start();
        let start = line.end - inner.len();
        let label = Span::new(start, start + inner.trim_end().len());
        let inner = label.slice(self.source);
        if inner.is_empty() || crate::sections::is_heading_line(inner) {
            return None;
        }
        let found = classify(inner, self.current, true)?;
        (self.current.is_some() || matches!(*found, LabelMatch::Row { .. })).then_some(label)
    }

    /// Whether table 四 is being read and has all its values: text after
    /// them that is no label of it (「（一）主要问题」) is prose again.
    fn table4_complete(&self) -> bool {
        let values = |cells: usize| cells >= RowKey::T4.value_count();
        self.current == Some(TableKind::ReviewLitigation)
            && match &self.row {
                Some(row) => row.key == Some(RowKey::T4) && values(row.cells.len()),
                None => self.tables[table_index(TableKind::ReviewLitigation)]
                    .as_ref()
                    .and_then(|table| table.row(RowKey::T4))
                    .is_some_and(|row| values(row.cells.len())),
            }
    }

    fn text(&self, token: Token) -> &'a str {
        token.span.slice(self.source)
    }

    fn token(&mut self, token: Token, line: usize, plain: bool) {
        match token.kind {
            TokenKind::Empty => {
                if let Some(row) = &mut self.row {
                    row.cells.push((token, line));
                }
            }
            TokenKind::Value => self.value(token, line),
            TokenKind::Text => self.text_token(token, line, plain),
        }
    }

    fn value(&mut self, token: Token, line: usize) {
        if self.row.is_none() {
            if self.current == Some(TableKind::ReviewLitigation) {
                // Table 四's values all belong to its one data row, even right
                // after a header fragment.
                self.pending = None;
                self.reopen_table4_row();
            } else if let Some((table, label)) = self.pending.take() {
                // Values right after a group label or unknown text: a row the
                // template does not have (a subtotal, an obsolete single row).
                self.row =
                    Some(OpenRow { table, key: None, label: Some(label), label_line: usize::MAX, cells: Vec::new() });
            } else {
                return;
            }
        }
        if let Some(row) = &mut self.row {
            row.cells.push((token, line));
        }
    }

    /// Table 四's values form one row however they are laid out, so values
    /// after a header continue the row read so far.
    fn reopen_table4_row(&mut self) {
        let table = self.table_mut(TableKind::ReviewLitigation);
        let position = table.rows.iter().position(|row| row.key == Some(RowKey::T4));
        let row = match position {
            Some(position) => {
                let row = table.rows.remove(position);
                let cells = row.cells.into_iter().map(|cell| (cell_token(&cell), usize::MAX)).collect();
                OpenRow {
                    table: TableKind::ReviewLitigation,
                    key: Some(RowKey::T4),
                    label: None,
                    label_line: usize::MAX,
                    cells,
                }
            }
            None => OpenRow {
                table: TableKind::ReviewLitigation,
                key: Some(RowKey::T4),
                label: None,
                label_line: usize::MAX,
                cells: Vec::new(),
            },
        };
        self.row = Some(row);
    }

    fn text_token(&mut self, token: Token, line: usize, plain: bool) {
        let text = self.text(token);
        let found = match (self.current, self.section_table) {
            (None, Some(hint)) => {
                classify_written(text, Some(hint), true).or_else(|| classify_written(text, None, false))
            }
            (current, _) => classify_written(text, current, false),
        };
        let Some((found, written)) = found else {
            if let Some(label) = self.label_after_pieces(token) {
                return self.text_token(label, line, plain);
            }
            return self.unknown_text(token, line, plain);
        };
        let text: Cow<'static, str> = written.map_or_else(|| Cow::Owned(text.to_string()), Cow::Borrowed);
        // 「其他」 right after （六）其他处理's second item is its third,
        // 「3.其他」 without its number, not the 其他 column's header.
        let after_unpaid_fee = self.row.as_ref().is_some_and(|row| row.key == Some(RowKey::T3(T3Row::OtherUnpaidFee)));
        let found = if after_unpaid_fee && text == "其他" {
            let key = RowKey::T3(T3Row::OtherOther);
            Cow::Owned(LabelMatch::Row { key, fidelity: Fidelity::Variant { canonical: Cow::Borrowed(key.label()) } })
        } else {
            found
        };
        match found.into_owned() {
            LabelMatch::Row { key, fidelity } => {
                // A label restated before any value (a heading made of the
                // row, then the row itself) labels one row, not two.
                if self.row.as_ref().is_some_and(|row| row.key == Some(key) && row.cells.is_empty()) {
                    self.row = None;
                }
                self.finish_row();
                self.pending = None;
                self.current = Some(key.table());
                let label = RowLabel { text, span: token.span, fidelity };
                self.row = Some(OpenRow {
                    table: key.table(),
                    key: Some(key),
                    label: Some(label),
                    label_line: line,
                    // Its values, and room for a filler field or two.
                    cells: Vec::with_capacity(key.value_count() + 2),
                });
            }
            LabelMatch::Header { table, class, role } => {
                // A piece of the open table's merged label (「结果」 of
                // 「三、本年度办理结果」, set apart in a PDF) does not open the
                // table whose header it also matches (表四's 「结果…」).
                if self.current.is_some_and(|current| current != table && is_merged_label_piece(&text, current)) {
                    return;
                }
                self.finish_row();
                self.current = Some(table);
                let header = HeaderCell { text, span: token.span, class };
                self.pending = (role == HeaderRole::Group).then(|| {
                    let fidelity = Fidelity::Verbatim;
                    (table, RowLabel { text: header.text.clone(), span: header.span, fidelity })
                });
                self.push_header(table, header);
            }
        }
    }

    /// The row label at the end of a text whose other words are pieces of
    /// merged labels: a PDF's text sets a group label's characters beside
    /// the row labels they span (「理 （三）不予 2.其他法律行政法规禁止公开」).
    fn label_after_pieces(&self, token: Token) -> Option<Token> {
        let table = self.current?;
        let text = self.text(token);
        // Most texts have no space at all; the pieces are set apart by one.
        memchr::memchr(b' ', text.as_bytes()).or_else(|| text.find('\u{3000}'))?;
        let (pieces, last) = text.rsplit_once([' ', '\u{3000}'])?;
        let is_row = matches!(classify(last, Some(table), false).as_deref(), Some(LabelMatch::Row { .. }));
        (is_row && is_merged_label_piece(pieces, table))
            .then(|| Token::unread(Span::new(token.span.end - last.len(), token.span.end), TokenKind::Text))
    }

    /// Text that is no known label: a text value inside a row, the second half
    /// of a label wrapped onto the next line, or a header or row the template
    /// does not have.
    fn unknown_text(&mut self, token: Token, line: usize, plain: bool) {
        let text = self.text(token).to_string();
        if let Some(row) = &mut self.row {
            let values = row.cells.iter().filter(|(t, _)| t.kind != TokenKind::Empty).count();
            let expected = row.key.map_or(usize::MAX, RowKey::value_count);
            let inside_row = values > 0 || row.label_line == line;
            if inside_row && values < expected && text.chars().count() <= 8 && !plain {
                row.cells.push((token, line));
                return;
            }
        }
        if self.join_label(token, false) {
            return;
        }
        let Some(table) = self.current else { return };
        if self.completes_header(table, token) || is_merged_label_piece(&text, table) {
            return;
        }
        self.finish_row();
        let normalized = normalize_label(&text);
        let label = RowLabel { text: Cow::Owned(text.clone()), span: token.span, fidelity: Fidelity::Verbatim };
        // Short text may label a row the template lacks; long text is a note.
        self.pending = (normalized.chars().count() <= 30).then_some((table, label));
        self.push_header(table, HeaderCell { text: Cow::Owned(text), span: token.span, class: HeaderClass::Other });
    }

    /// Joins `token` to the open row's label if it is the rest of that label
    /// wrapped onto the next line (its values may stand between the two
    /// parts, as a PDF sets them): the joined text is the row's label, or
    /// still a beginning of it. With `only_verbatim`, only if the join makes
    /// the template's label whole. A piece of a merged label the wrap set at
    /// the continuation's start (「理结」 of 「三、本年度办理结果」 before
    /// 「计这一情形」) is left out when the label is whole without it.
    fn join_label(&mut self, token: Token, only_verbatim: bool) -> bool {
        let text = self.text(token);
        let Some(row) = &mut self.row else { return false };
        let values = row.cells.iter().filter(|(t, _)| t.kind != TokenKind::Empty).count();
        let Some(label) = &mut row.label else { return false };
        let shortened = matches!(label.fidelity, Fidelity::Variant { .. });
        if values > 0 && !shortened {
            return false;
        }
        let strict = values == 0 && row.key.is_none();
        let table = row.table;
        let classify_row = |joined: &str| match classify(joined, Some(table), strict).map(Cow::into_owned) {
            Some(LabelMatch::Row { key, fidelity }) if Some(key) == row.key.or(Some(key)) => Some((key, fidelity)),
            _ => None,
        };
        let joined = format!("{}{}", label.text, text);
        let mut found = classify_row(&joined).map(|found| (joined, found));
        if found.as_ref().is_none_or(|(_, (_, fidelity))| *fidelity != Fidelity::Verbatim) {
            let without_piece = text
                .char_indices()
                .skip(1)
                .take(2)
                .map(|(at, _)| at)
                .filter(|&at| is_merged_label_piece(&text[..at], table))
                .map(|at| format!("{}{}", label.text, &text[at..]))
                .find_map(|joined| {
                    classify_row(&joined).filter(|(_, fidelity)| *fidelity == Fidelity::Verbatim).map(|f| (joined, f))
                });
            found = without_piece.or(found);
        }
        let Some((joined, (key, fidelity))) = found else { return false };
        if only_verbatim && fidelity != Fidelity::Verbatim {
            return false;
        }
        label.text = Cow::Owned(joined);
        label.span = label.span.cover(token.span);
        label.fidelity = fidelity;
        row.key = Some(key);
        true
    }

    /// Whether `token` is the rest of the table's last header, cut where a
    /// PDF wrapped it (「（六）其他」 then 「处理」): the header is then the
    /// template's, read whole.
    fn completes_header(&mut self, kind: TableKind, token: Token) -> bool {
        let rest = self.text(token);
        let Some(table) = self.tables[table_index(kind)].as_mut() else { return false };
        let Some(header) = table.headers.last_mut() else { return false };
        let HeaderClass::Known { canonical, fidelity: Fidelity::Variant { .. } } = &header.class else { return false };
        let joined = format!("{}{rest}", header.text);
        if normalize_label(&joined) != normalize_label(canonical) {
            return false;
        }
        header.class = HeaderClass::Known { canonical: canonical.clone(), fidelity: Fidelity::Verbatim };
        header.text = Cow::Owned(joined);
        header.span = header.span.cover(token.span);
        table.span = table.span.cover(token.span);
        if let Some((_, label)) = &mut self.pending {
            label.text = header.text.clone();
            label.span = header.span;
        }
        true
    }

    fn push_header(&mut self, kind: TableKind, header: HeaderCell) {
        let table = self.table_mut(kind);
        table.span =
            if table.rows.is_empty() && table.headers.is_empty() { header.span } else { table.span.cover(header.span) };
        table.headers.push(header);
    }

    fn table_mut(&mut self, kind: TableKind) -> &mut Table {
        self.tables[table_index(kind)].get_or_insert_with(|| {
            let (headers, rows) = template_size(kind);
            Table {
                kind,
                span: Span::default(),
                headers: Vec::with_capacity(headers),
                rows: Vec::with_capacity(rows),
                unpaired: Vec::new(),
            }
        })
    }

    fn close_context(&mut self) {
        self.finish_row();
        self.current = None;
        self.pending = None;
    }

    fn finish_row(&mut self) {
        let Some(mut open) = self.row.take() else { return };
        let source = self.source;
        let unpaired =
            open.key.filter(|&key| key != RowKey::T4).and_then(|key| first_unpaired(&open, key.value_count()));
        if let Some(cut) = unpaired {
            let runs = unpaired_runs(&open.cells[cut..]);
            self.table_mut(open.table).unpaired.extend(runs);
            open.cells.truncate(cut);
        }
        let apart = open.key.is_some()
            && (open.cells.iter().all(|(token, _)| token.kind == TokenKind::Empty)
                || open.cells.iter().any(|&(token, line)| token.kind == TokenKind::Value && line != open.label_line));
        let settled = settle_cells(&open);
        let cells: Vec<Cell> = open.cells[settled].iter().map(|&(token, _)| to_cell(source, token)).collect();
        if open.key.is_none() && cells.is_empty() {
            return;
        }
        let first = open.label.as_ref().map(|label| label.span).or(cells.first().map(|c| c.span));
        let last = cells.last().map(|cell| cell.span).or(first);
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        let span = first.cover(last);
        let row = nianbao_model::Row { key: open.key, label: open.label, cells, span };
        let table = self.table_mut(open.table);
        table.span = if table.rows.is_empty() && table.headers.is_empty() { span } else { table.span.cover(span) };
        if apart {
            let index = table.rows.len();
            self.apart[table_index(open.table)].push(index);
        }
        self.table_mut(open.table).rows.push(row);
    }
}

/// Where a row's unpaired values start: the first line of its own that
/// holds a whole row's values and nothing else, read after the row already
/// had all of its values. A row broken over lines, or read one cell a line,
/// never has one; a converter that set labels and values apart does.
fn first_unpaired(row: &OpenRow, expected: usize) -> Option<usize> {
    // A lone stray number is no row: only rows of three values or more.
    if expected < 3 {
        return None;
    }
    let mut values = 0;
    let mut start = 0;
    for line in row.cells.chunk_by(|a, b| a.1 == b.1) {
        let on_line = line.iter().filter(|(token, _)| token.kind == TokenKind::Value).count();
        let only_values = line.iter().all(|(token, _)| token.kind != TokenKind::Text);
        if line[0].1 != row.label_line && values >= expected && on_line == expected && only_values {
            return Some(start);
        }
        values += on_line;
        start += line.len();
    }
    None
}

/// The spans of unpaired values, one a line.
fn unpaired_runs(cells: &[(Token, usize)]) -> impl Iterator<Item = Span> + '_ {
    cells.chunk_by(|a, b| a.1 == b.1).filter_map(|line| {
        let mut values = line.iter().filter(|(token, _)| token.kind == TokenKind::Value).map(|(token, _)| token.span);
        let first = values.next()?;
        Some(values.fold(first, Span::cover))
    })
}

/// A table whose labels and values were set apart: the rows whose values
/// stand apart from their label are unread (no arithmetic on values that
/// may be another row's), and so are a row that got none, a row whose
/// label is none of the template's and a row with a blank cell.
fn leave_unread(table: &mut Table, apart: &[usize]) {
    // A row of no template label there is a piece of a label set apart
    // (「行政机关不再处理其政府信息公」), and a blank cell may be a value
    // set apart (「1」 amid the next row's label lines): neither row's
    // values are certain.
    let uncertain =
        |row: &nianbao_model::Row| row.key.is_none() || row.cells.iter().any(|cell| cell.value == CellValue::Blank);
    let unknown: Vec<usize> = (0..table.rows.len()).filter(|&index| uncertain(&table.rows[index])).collect();
    for &index in apart.iter().chain(&unknown) {
        let Some(row) = table.rows.get_mut(index) else { continue };
        if row.cells.is_empty() {
            let end = row.label.as_ref().map_or(row.span.end, |label| label.span.end);
            row.cells.push(Cell {
                span: Span::empty(end),
                raw: Cow::Borrowed(""),
                value: CellValue::Unread,
                note: None,
            });
        }
        for cell in &mut row.cells {
            cell.value = CellValue::Unread;
            cell.note = None;
        }
    }
}

/// Room for a table's headers and rows as the template has them, and a few
/// more: reading a table as the template lays it out then grows neither list.
fn template_size(kind: TableKind) -> (usize, usize) {
    match kind {
        TableKind::Proactive => (16, T2Row::ALL.len() + 2),
        TableKind::Applications => (16, T3Row::ALL.len() + 2),
        TableKind::ReviewLitigation => (20, 2),
    }
}

/// The value cells of a finished row, as a range of its cells. Empty fields
/// before the first and after the last value are merged-cell filler, unless
/// the row is short of values: then empties on the same line are blank cells
/// (trailing ones first). A row with no value at all has blank cells only
/// where its label's line holds exactly as many empties as the row has
/// columns: a page that writes every cell, blank ones as `&nbsp;`.
fn settle_cells(row: &OpenRow) -> std::ops::Range<usize> {
    let cells = &row.cells;
    let expected = row.key.map_or(0, RowKey::value_count);
    let Some(first) = cells.iter().position(|(t, _)| t.kind != TokenKind::Empty) else {
        let on_label_line = cells.iter().take_while(|(_, line)| *line == row.label_line).count();
        return if expected > 0 && on_label_line == expected { 0..expected } else { 0..0 };
    };
    let last = cells.iter().rposition(|(t, _)| t.kind != TokenKind::Empty).unwrap_or(first);
    let (mut start, mut end) = (first, last + 1);
    if end - start < expected {
        let last_line = cells[last].1;
        let trailing = cells[end..].iter().take_while(|(_, line)| *line == last_line).count();
        end += trailing.min(expected - (end - start));
    }
    if end - start < expected {
        let first_line = cells[first].1;
        let leading = cells[..first].iter().rev().take_while(|(_, line)| *line == first_line).count();
        start -= leading.min(expected - (end - start));
    }
    start..end
}

fn to_cell(source: &str, token: Token) -> Cell {
    let (value, note) = token.value.map_or_else(|| parse_cell(token.span.slice(source)), |value| (value, None));
    Cell { span: token.span, raw: cell_text(source, token.span), value, note }
}

const ONE_DIGIT: &str = "0123456789";
const TWO_DIGITS: &str = "101112131415161718192021222324252627282930313233343536373839\
                          404142434445464748495051525354555657585960616263646566676869\
                          707172737475767778798081828384858687888990919293949596979899";
/// 「100」「101」…「999」, written out when compiled.
const THREE_DIGITS: &str = {
    const BYTES: [u8; 2700] = {
        let mut bytes = [0; 2700];
        let mut n = 100;
        while n < 1000 {
            let at = 3 * (n - 100);
            bytes[at] = b'0' + (n / 100) as u8;
            bytes[at + 1] = b'0' + (n / 10 % 10) as u8;
            bytes[at + 2] = b'0' + (n % 10) as u8;
            n += 1;
        }
        bytes
    };
    match std::str::from_utf8(&BYTES) {
        Ok(text) => text,
        Err(_) => panic!("digits are ASCII"),
    }
};

/// The text of the cell at `span`: 「0」–「999」 borrowed from static text
/// (most cells hold a small count, and a String for each was the parser's
/// most frequent allocation), anything else owned. Matched as bytes: a
/// count is ASCII, and slicing the text would check for character boundaries.
fn cell_text(source: &str, span: Span) -> Cow<'static, str> {
    let digit = |byte: u8| usize::from(byte - b'0');
    match source.as_bytes().get(span.start..span.end).unwrap_or_default() {
        [] => Cow::Borrowed(""),
        &[ones @ b'0'..=b'9'] => Cow::Borrowed(&ONE_DIGIT[digit(ones)..=digit(ones)]),
        &[tens @ b'1'..=b'9', ones @ b'0'..=b'9'] => {
            let at = 2 * ((digit(tens) - 1) * 10 + digit(ones));
            Cow::Borrowed(&TWO_DIGITS[at..at + 2])
        }
        &[hundreds @ b'1'..=b'9', tens @ b'0'..=b'9', ones @ b'0'..=b'9'] => {
            let at = 3 * ((digit(hundreds) - 1) * 100 + digit(tens) * 10 + digit(ones));
            Cow::Borrowed(&THREE_DIGITS[at..at + 3])
        }
        _ => Cow::Owned(span.slice(source).to_string()),
    }
}

fn cell_token(cell: &Cell) -> Token {
    let kind = match cell.value {
        CellValue::Blank => TokenKind::Empty,
        CellValue::Text => TokenKind::Text,
        _ => TokenKind::Value,
    };
    // A cell with a note is read again, for its note.
    Token { span: cell.span, kind, value: cell.note.is_none().then_some(cell.value) }
}

#[cfg(test)]
mod tests {
    use super::cell_text;
    use nianbao_model::Span;
    use std::borrow::Cow;

    #[test]
    fn small_counts_share_static_text() {
        let cell_text = |text: &str| cell_text(text, Span::new(0, text.len()));
        for n in 0..1000 {
            let text = n.to_string();
            let shared = cell_text(&text);
            assert!(matches!(shared, Cow::Borrowed(_)), "{n}");
            assert_eq!(shared, text);
        }
        assert!(matches!(cell_text("1000"), Cow::Owned(_)));
        assert!(matches!(cell_text("07"), Cow::Owned(_)));
        assert!(matches!(cell_text("070"), Cow::Owned(_)));
        assert_eq!(cell_text("—"), "—");
        assert_eq!(cell_text(""), "");
    }
}
