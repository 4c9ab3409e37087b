//! Lines and the cells on them.

use nianbao_model::{CellValue, Span};

use crate::number::{MAX_CELL_BYTES, ascii_integer, is_value, is_value_word, parse_cell};

/// One line's content, without its terminator (`\n`, `\r\n` or lone `\r`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    pub(crate) span: Span,
}

pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 32);
    lines.extend(lines_of(text));
    lines
}

/// The lines of `text`, found as they are asked for.
pub(crate) fn lines_of(text: &str) -> impl Iterator<Item = Line> {
    let bytes = text.as_bytes();
    let mut breaks = memchr::memchr2_iter(b'\n', b'\r', bytes);
    let mut start = 0;
    std::iter::from_fn(move || {
        for i in breaks.by_ref() {
            if i < start {
                continue; // the \n of a \r\n
            }
            let line = Line { span: Span::new(start, i) };
            start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
            return Some(line);
        }
        // The last line, if the text does not end with a line break.
        (start < bytes.len()).then(|| {
            let line = Line { span: Span::new(start, bytes.len()) };
            start = bytes.len();
            line
        })
    })
}

/// What a cell holds, at a glance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// An empty field: a blank cell or merged-cell filler.
    Empty,
    /// A number or placeholder.
    Value,
    /// Anything else: a label, a header, a note.
    Text,
}

/// A cell read off a line: its trimmed span and kind.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) kind: TokenKind,
    /// The cell's value, if reading its kind read it and found no note: the
    /// table reader then need not read it again.
    pub(crate) value: Option<CellValue>,
}

impl Token {
    /// A token whose value is read later, when it becomes a cell.
    pub(crate) fn unread(span: Span, kind: TokenKind) -> Self {
        Self { span, kind, value: None }
    }
}

/// How a line is laid out.
#[derive(Debug)]
pub(crate) enum Shape {
    Blank,
    /// A GFM delimiter row `|---|:--:|`.
    Delimiter,
    /// A page footer copied out of a PDF: 「- 4 -」, 「第 4 页」.
    Footer,
    /// An HTML comment line (such as a nianbao directive): neither prose nor table.
    Comment,
    /// Cells separated by tabs or pipes (the tokens are in the buffer).
    Cells,
    /// No separators: a label, values separated by spaces, or prose (the
    /// tokens are in the buffer).
    Plain,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// The trimmed sub-span of `span`.
fn trim_span(source: &str, span: Span) -> Span {
    let text = span.slice(source);
    if ends_are_clear(text.as_bytes()) {
        return span; // Most cells: nothing to trim.
    }
    let lead = leading_space_len(text);
    if lead == text.len() {
        return Span::empty(middle(source, span));
    }
    let end = span.end - trailing_space_len(&text[lead..]);
    Span::new(span.start + lead, end)
}

/// Whether the text whose bytes these are neither starts nor ends with an
/// [`is_space`] character, seen from its first byte and its last character's
/// lead byte. (ASCII spaces are all at or below U+0020.)
pub(crate) fn ends_are_clear(bytes: &[u8]) -> bool {
    let clear = |byte: u8| if byte < 0x80 { byte > b' ' } else { !may_lead_space(byte) };
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else { return false };
    if !clear(first) {
        return false;
    }
    if last < 0x80 {
        return last > b' ';
    }
    let mut lead = bytes.len() - 1;
    while lead > 0 && bytes[lead] & 0xC0 == 0x80 {
        lead -= 1;
    }
    clear(bytes[lead])
}

/// The byte length of `text`'s leading [`is_space`] characters, found
/// byte-wise: this runs for every cell, and most characters cannot be spaces
/// (see [`may_lead_space`]).
fn leading_space_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match space_len_at(text, i, byte) {
            0 => break,
            len => i += len,
        }
    }
    i
}

/// The byte length of the [`is_space`] character starting with `byte`, at
/// byte `i` of `text`, or 0 if it is no space; decodes only after a byte that
/// may lead a space. Always inlined: it runs for every byte of a plain line,
/// where a call costs more than its work.
#[inline(always)]
fn space_len_at(text: &str, i: usize, byte: u8) -> usize {
    if byte < 0x80 {
        usize::from(is_space(byte as char))
    } else if may_lead_space(byte) {
        text[i..].chars().next().filter(|&c| is_space(c)).map_or(0, char::len_utf8)
    } else {
        0
    }
}

/// The byte length of `text`'s trailing [`is_space`] characters.
fn trailing_space_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut end = bytes.len() - trailing_plain_spaces(bytes);
    while end > 0 {
        let byte = bytes[end - 1];
        if byte < 0x80 {
            if !is_space(byte as char) {
                break;
            }
            end -= 1;
            continue;
        }
        // Back to the lead byte of the character ending here.
        let mut start = end - 1;
        while start > 0 && bytes[start] & 0xC0 == 0x80 {
            start -= 1;
        }
        if !may_lead_space(bytes[start]) || !text[start..end].chars().next().is_some_and(is_space) {
            break;
        }
        end = start;
    }
    bytes.len() - end
}

/// How many plain spaces `bytes` ends with, counted eight at a time where
/// they run long: a Markdown table pads its cells with runs of them.
fn trailing_plain_spaces(bytes: &[u8]) -> usize {
    let mut end = bytes.len();
    while end >= 8 && bytes[end - 8..end] == *b"        " {
        end -= 8;
    }
    while end > 0 && bytes[end - 1] == b' ' {
        end -= 1;
    }
    bytes.len() - end
}

/// The middle of a blank field, so that writing into it (a fix's 「0」) lands
/// centred: `|  |` becomes `| 0 |`.
fn middle(source: &str, span: Span) -> usize {
    let mut mid = span.start + span.len() / 2;
    while mid > span.start && !source.is_char_boundary(mid) {
        mid -= 1;
    }
    mid
}

fn token(source: &str, span: Span) -> Token {
    count_token(source, span).unwrap_or_else(|| read_token(source, span))
}

/// The cell at `span` if it is a count of ASCII digits, at most padded with
/// plain spaces (most cells are): read as [`read_token`] reads it, without
/// its calls to trim and read the cell (a test checks they agree).
fn count_token(source: &str, span: Span) -> Option<Token> {
    // Bytes: the slice of a `str` would check both ends for a character
    // boundary, and digits and spaces are ASCII.
    let padded = source.as_bytes().get(span.start..span.end)?;
    let (lead, trail) = match (padded.first(), padded.last()) {
        (Some(b' '), _) | (_, Some(b' ')) => {
            let lead = padded.iter().take_while(|&&byte| byte == b' ').count();
            (lead, trailing_plain_spaces(&padded[lead..]))
        }
        _ => (0, 0),
    };
    let value = ascii_integer(&padded[lead..padded.len() - trail])?;
    let span = Span::new(span.start + lead, span.end - trail);
    Some(Token { span, kind: TokenKind::Value, value: Some(CellValue::Integer(value)) })
}

/// The cell at `span`: trimmed, and read. Not inlined into [`token`], which
/// then saves and restores less for the counts it reads itself.
#[inline(never)]
fn read_token(source: &str, span: Span) -> Token {
    let span = trim_span(source, span);
    let text = span.slice(source);
    if text.is_empty() {
        return Token { span, kind: TokenKind::Empty, value: Some(CellValue::Blank) };
    }
    let (value, note) = parse_cell(text);
    let kind = if is_value(value) { TokenKind::Value } else { TokenKind::Text };
    Token { span, kind, value: note.is_none().then_some(value) }
}

/// How `line` is laid out; its cells, if it has any, replace the contents of
/// `tokens` (a buffer the caller keeps across lines, so that reading a line
/// allocates nothing).
pub(crate) fn shape(source: &str, line: Line, tokens: &mut Vec<Token>) -> Shape {
    tokens.clear();
    let trimmed = trim_span(source, line.span);
    let text = trimmed.slice(source);
    if text.is_empty() {
        return Shape::Blank;
    }
    if crate::directives::is_comment_line(text) {
        return Shape::Comment;
    }
    // One search for both separators: most lines have neither. A tab
    // anywhere wins over pipes.
    let bytes = text.as_bytes();
    let separator = memchr::memchr2(b'\t', b'|', bytes)
        .map(|at| if bytes[at] == b'\t' || memchr::memchr(b'\t', &bytes[at..]).is_some() { b'\t' } else { b'|' });
    if separator == Some(b'\t') {
        split_on(source, line.span, b'\t', tokens);
        return Shape::Cells;
    }
    if separator == Some(b'|') {
        if text.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) && text.contains('-') {
            return Shape::Delimiter;
        }
        // Outer pipes are borders, not separators: 「| a | b |」 and 「3 |」.
        let mut inner = trimmed;
        if text.starts_with('|') {
            inner.start += 1;
        }
        if inner.slice(source).ends_with('|') && !inner.is_empty() {
            inner.end -= 1;
        }
        if inner.start <= inner.end {
            split_on(source, inner, b'|', tokens);
        }
        return Shape::Cells;
    }
    if is_footer(text) {
        return Shape::Footer;
    }
    split_plain(source, trimmed, tokens);
    Shape::Plain
}

/// The empty fields after the tabs that end `line` (whose text, trimmed,
/// has no tab: a [`Shape::Plain`] line), in place of `tokens`' contents.
pub(crate) fn trailing_tab_fields(source: &str, line: Line, tokens: &mut Vec<Token>) {
    tokens.clear();
    let text = line.span.slice(source);
    let body_end = line.span.start + text.trim_end_matches(is_space).len();
    let tail = Span::new(body_end, line.span.end).slice(source);
    let mut tabs = tail.match_indices('\t').map(|(at, _)| body_end + at).peekable();
    while let Some(tab) = tabs.next() {
        let end = tabs.peek().copied().unwrap_or(line.span.end);
        let field = Span::empty(middle(source, Span::new(tab + 1, end)));
        tokens.push(Token { span: field, kind: TokenKind::Empty, value: Some(CellValue::Blank) });
    }
}

/// Splits at an ASCII separator. Its byte never occurs inside a multi-byte
/// UTF-8 character, so a byte search finds exactly the separator characters.
fn split_on(source: &str, span: Span, separator: u8, tokens: &mut Vec<Token>) {
    let mut start = span.start;
    for_each_offset(span.slice(source).as_bytes(), separator, |i| {
        tokens.push(token(source, Span::new(start, span.start + i)));
        start = span.start + i + 1;
    });
    tokens.push(token(source, Span::new(start, span.end)));
}

/// Calls `found` with each offset of `byte` in `bytes`, in order, looking at
/// eight bytes at a time. A table line's cells are a few bytes long, and a
/// `memchr` call for each (a call through a pointer, set up for long
/// searches) cost more than reading the cell.
fn for_each_offset(bytes: &[u8], byte: u8, mut found: impl FnMut(usize)) {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let pattern = u64::from_le_bytes([byte; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight")) ^ pattern;
        // The high bit of each byte of `word` that is zero, exactly: the
        // sum carries into a byte's high bit only from its own low bits.
        let mut zeros = !(((word & LOW7) + LOW7) | word | LOW7);
        while zeros != 0 {
            found(base + zeros.trailing_zeros() as usize / 8);
            zeros &= zeros - 1;
        }
        base += 8;
    }
    for (i, _) in chunks.remainder().iter().enumerate().filter(|&(_, &b)| b == byte) {
        found(base + i);
    }
}

/// The lead bytes of the non-ASCII characters `is_space` accepts: U+0085 and
/// U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2), U+3000 (E3). Any other
/// byte ≥ 0x80 starts or continues a character that is no space.
fn may_lead_space(byte: u8) -> bool {
    matches!(byte, 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// The whitespace-separated words of `span`. Byte-wise: lines can be long,
/// and decoding every character to find the few spaces in Chinese text was
/// the parser's largest single cost.
fn words(source: &str, span: Span) -> Vec<Span> {
    let text = span.slice(source);
    let bytes = text.as_bytes();
    let word = |start: usize, end: usize| Span::new(span.start + start, span.start + end);
    let mut words = Vec::new();
    let mut word_start = None;
    let mut i = 0;
    while i < bytes.len() {
        let space_len = space_len_at(text, i, bytes[i]);
        if space_len > 0 {
            if let Some(start) = word_start.take() {
                words.push(word(start, i));
            }
            i += space_len;
        } else {
            word_start.get_or_insert(i);
            i += 1;
        }
    }
    if let Some(start) = word_start {
        words.push(word(start, bytes.len()));
    }
    words
}

/// The last [`is_space`] character of `text` and its offset:
/// `text.char_indices().rev().find(…)`, found byte-wise. It runs on the end
/// of every prose line, and decoding each character back to the last space
/// (usually none) cost more than reading the rest of the line.
fn last_space(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    (0..bytes.len()).rev().find_map(|i| match bytes[i] {
        byte @ 0x00..=0x7F => is_space(byte as char).then_some((i, byte as char)),
        byte if may_lead_space(byte) => text[i..].chars().next().filter(|&c| is_space(c)).map(|c| (i, c)),
        _ => None, // a continuation byte, or a character that is no space
    })
}

/// A plain line: a label followed by space-separated values (text copied out of
/// a PDF, a flattened table 四), values only, or a single text.
fn split_plain(source: &str, span: Span, tokens: &mut Vec<Token>) {
    let text = span.slice(source);
    // Prose ends in a word that is no value: then the line is one text, and
    // cutting the whole line into words (below) would find just that. A
    // value is at most MAX_CELL_BYTES long, so the search for the last word
    // looks no further back than that: without a space there, the last word
    // is longer, and no value.
    let mut window = text.len().saturating_sub(MAX_CELL_BYTES + 4);
    while !text.is_char_boundary(window) {
        window -= 1;
    }
    let last_space = last_space(&text[window..]);
    let last_word = last_space.map_or(&text[window..], |(i, c)| &text[window + i + c.len_utf8()..]);
    if (last_space.is_none() && window > 0) || !is_value_word(last_word) {
        tokens.push(Token::unread(span, TokenKind::Text));
        return;
    }
    let words = words(source, span);
    // The last word is a value, so at least one value follows the label.
    let values_from =
        words.iter().rposition(|word| !is_value_word(word.slice(source))).map_or(0, |last_text| last_text + 1);
    if values_from > 0 {
        let label = Span::new(words[0].start, words[values_from - 1].end);
        tokens.push(Token::unread(label, TokenKind::Text));
    }
    tokens.extend(words[values_from..].iter().map(|&word| Token::unread(word, TokenKind::Value)));
}

fn is_footer(text: &str) -> bool {
    // Footers are short and start with 「-」 or 「第」: reject prose before copying it.
    if text.len() > 32 || !(text.starts_with('-') || text.starts_with('第')) {
        return false;
    }
    is_page_number(text)
}

/// Whether a line is only a page number: 「- 3 -」「—3—」「第3页」
/// 「第3页 共12页」「3/12」.
pub(crate) fn is_page_number(text: &str) -> bool {
    if text.len() > 48 {
        return false;
    }
    let compact: String = text.chars().filter(|ch| !is_space(*ch)).collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let dash = |c: char| matches!(c, '-' | '–' | '—' | '－');
    let dashed = compact.strip_prefix(dash).and_then(|rest| rest.strip_suffix(dash));
    let numbered = |s: &str| s.strip_prefix('第').and_then(|rest| rest.strip_suffix('页')).is_some_and(digits);
    let of_pages = compact
        .split_once('共')
        .is_some_and(|(page, total)| numbered(page) && total.strip_suffix('页').is_some_and(digits));
    let fraction = compact.split_once('/').is_some_and(|(page, total)| digits(page) && digits(total));
    dashed.is_some_and(digits) || numbered(&compact) || of_pages || fraction
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<(&str, TokenKind)> {
        let line = split_lines(text)[0];
        let mut tokens = Vec::new();
        match shape(text, line, &mut tokens) {
            Shape::Cells | Shape::Plain => tokens.iter().map(|t| (t.span.slice(text), t.kind)).collect(),
            other => panic!("not cells: {other:?}"),
        }
    }

    #[test]
    fn byte_wise_trimming_matches_char_wise() {
        let samples = [
            "",
            " ",
            "\u{3000}",
            "　规章　",
            " \t 0 \u{a0}",
            "\u{2003}表\u{2003}",
            "\u{85}a\u{85}",
            "\u{1680}x",
            "—",
            "表—",
            "\u{2060}a\u{2060}",
            "a\u{205f}",
            "𠮷 ",
            " é",
            "\u{3001}",
            "规章",
            "0",
            "表\t",
            "\t表",
            "x\u{3000}",
            "\u{3000}x",
            "a b",
            // Padded with plain spaces, as Markdown cells are; and padding
            // that hides other spaces behind it.
            "           0                ",
            "                ",
            " 规章 ",
            "  \u{3000}0  ",
            " 0\u{a0}         ",
            "\t         0",
        ];
        for text in samples {
            if ends_are_clear(text.as_bytes()) {
                assert_eq!(text.trim(), text, "{text:?}");
            }
            let trimmed = trim_span(text, Span::new(0, text.len()));
            let expected = text.trim_matches(is_space);
            if expected.is_empty() {
                assert!(trimmed.is_empty(), "{text:?}");
            } else {
                assert_eq!(trimmed.slice(text), expected, "{text:?}");
            }
            let char_wise = (
                text.len() - text.trim_start_matches(is_space).len(),
                text.len() - text.trim_end_matches(is_space).len(),
            );
            let lead = leading_space_len(text);
            let byte_wise = (lead, if lead == text.len() { text.len() } else { trailing_space_len(&text[lead..]) });
            assert_eq!(byte_wise, char_wise, "{text:?}");
        }
    }

    #[test]
    fn offsets_found_eight_at_a_time_are_memchrs() {
        // Every length up to three words, the byte at every place, next to
        // bytes one bit away from it (0x08, 0x89 for a tab) and to UTF-8.
        let filler = "规\u{8}\u{89}|a\t".as_bytes();
        for len in 0..=24 {
            for at in 0..len {
                let mut bytes: Vec<u8> = filler.iter().copied().cycle().take(len).collect();
                for separator in [b'\t', b'|'] {
                    bytes[at] = separator;
                    let mut found = Vec::new();
                    for_each_offset(&bytes, separator, |i| found.push(i));
                    assert_eq!(found, memchr::memchr_iter(separator, &bytes).collect::<Vec<_>>(), "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn counts_read_as_any_cell_is_read() {
        let samples = [
            "0",
            "12",
            "  7  ",
            " 7",
            "7 ",
            "000123",
            "123456789012345678",
            "1234567890123456789",
            "",
            " ",
            "  ",
            "\t3",
            "3\u{3000}",
            "\u{a0}3",
            "３",
            "1,234",
            "1.5",
            "-3",
            "3件",
            "规章",
            " 0 1 ",
            "0x1",
        ];
        let mut counts = 0;
        for text in samples {
            let span = Span::new(0, text.len());
            let read = read_token(text, span);
            // Other cells (a 19-digit count too) are left to `read_token`.
            if let Some(count) = count_token(text, span) {
                counts += 1;
                assert_eq!(format!("{count:?}"), format!("{read:?}"), "{text:?}");
            }
        }
        assert_eq!(counts, 7, "the padded and unpadded counts of up to 18 digits");
    }

    #[test]
    fn lines_split_on_lf_crlf_and_cr() {
        let text = "a\r\nb\rc\nd";
        let lines: Vec<&str> = split_lines(text).iter().map(|l| l.span.slice(text)).collect();
        assert_eq!(lines, ["a", "b", "c", "d"]);
    }

    #[test]
    fn tab_and_pipe_rows_keep_empty_fields() {
        use TokenKind::*;
        assert_eq!(cells("规章\t0\t\t1"), [("规章", Text), ("0", Value), ("", Empty), ("1", Value)]);
        assert_eq!(cells("| 规章 | 0 | 1 |"), [("规章", Text), ("0", Value), ("1", Value)]);
        assert_eq!(cells("3 |"), [("3", Value)]);
        assert_eq!(
            cells("商业 企业 | 科研 机构 | ||"),
            [("商业 企业", Text), ("科研 机构", Text), ("", Empty), ("", Empty)]
        );
    }

    #[test]
    fn plain_lines_split_trailing_values() {
        use TokenKind::*;
        assert_eq!(
            cells("一、本年新收政府信息公开申请数量 21 0 0"),
            [("一、本年新收政府信息公开申请数量", Text), ("21", Value), ("0", Value), ("0", Value)]
        );
        assert_eq!(cells("结 果 维 持"), [("结 果 维 持", Text)]);
        // Longer than the window the last word is looked for in.
        let long = "本年度新收到的政府信息公开申请数量合计".repeat(4);
        let line = format!("{long} 21 0");
        assert_eq!(cells(&line), [(long.as_str(), Text), ("21", Value), ("0", Value)]);
        assert_eq!(cells(&long), [(long.as_str(), Text)]);
        let spaced = format!("{long} {long}");
        assert_eq!(cells(&spaced), [(spaced.as_str(), Text)]);
        assert_eq!(cells("0 0 0"), [("0", Value), ("0", Value), ("0", Value)]);
    }

    #[test]
    fn the_last_space_is_found_as_by_characters() {
        let every_space: String = (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_space(c)).collect();
        let mut texts = vec![String::new(), "甲乙".to_string(), "a b".to_string(), "甲\u{3000}乙。".to_string()];
        for space in every_space.chars() {
            texts.push(format!("甲{space}乙…—「」\u{1680}\u{2060}z"));
            texts.push(format!("{space}乙"));
            texts.push(format!("乙{space}"));
        }
        for text in &texts {
            assert_eq!(last_space(text), text.char_indices().rev().find(|&(_, c)| is_space(c)), "{text:?}");
        }
    }

    #[test]
    fn byte_wise_words_agree_with_char_wise_splitting() {
        let every_space: String = (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_space(c)).collect();
        let text = format!("甲{every_space}乙 丙\u{3000}丁 x\u{00A0}y\u{2003}…—「」\u{1680}z {every_space}");
        let expected: Vec<&str> = text.split(is_space).filter(|word| !word.is_empty()).collect();
        let got: Vec<&str> = words(&text, Span::new(0, text.len())).iter().map(|w| w.slice(&text)).collect();
        assert_eq!(got, expected);
        assert_eq!(words("  ", Span::new(0, 2)), []);
        assert_eq!(words("自然人", Span::new(0, 9)), [Span::new(0, 9)]);
    }

    #[test]
    fn delimiters_and_footers() {
        let text = "|---|:--:|\n- 4 -\n第 12 页";
        let lines = split_lines(text);
        let mut tokens = Vec::new();
        assert!(matches!(shape(text, lines[0], &mut tokens), Shape::Delimiter));
        assert!(matches!(shape(text, lines[1], &mut tokens), Shape::Footer));
        assert!(matches!(shape(text, lines[2], &mut tokens), Shape::Footer));
    }
}
