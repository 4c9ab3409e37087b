//! Text extracted from a PDF (copied out of a viewer, or `pdftotext`) is
//! hard-wrapped: one printed line per text line, so a paragraph runs over
//! many lines and a word, a number or a pair of brackets can be cut at the
//! wrap. This module recognises such a text and projects it with the wrapped
//! lines of each paragraph joined and page numbers left out; the parser then
//! reads the projection, and [`Projection::to_source`] takes its spans back
//! to the file.
//!
//! A text is hard-wrapped when many of its prose lines are one width (in
//! display columns: a CJK character is two, ASCII one) and most of those
//! full lines stop mid-sentence. A full line continues on the next when
//! that one is prose, starts at the left margin (a paragraph's first line is
//! indented where the extraction kept indentation) and does not start with an
//! ordinal (「（二）」 opens a paragraph). A Markdown or Word draft has no
//! such lines, so it is not projected, and a stray line break inside one
//! stays a finding of its own (F008).

use crate::lines::{is_page_number, lines_of};
use crate::ordinal::leading_ordinal;
use crate::projection::Projection;
use nianbao_model::Span;

/// Lines shorter than this (display columns) are not measured: headings,
/// table cells and the ends of paragraphs.
const MIN_MEASURED: usize = 24;
/// How far short of the common width a line may stop and still be full:
/// a wrap moves a number or a Latin word down whole, or a closing mark up.
const SLACK: usize = 5;
/// A paragraph's first line is indented two characters; an extraction that
/// drops indentation leaves it this much (display columns) shorter.
const FIRST_LINE_INDENT: usize = 4;
/// Full lines needed to call a text hard-wrapped.
const MIN_FULL_LINES: usize = 6;

/// A line of the source and what the reflow needs to know of it.
#[derive(Clone, Copy, Debug)]
struct Row {
    /// The line without its terminator, without a leading form feed.
    span: Span,
    /// Display columns, without trailing spaces.
    width: usize,
    /// Leading spaces (display columns).
    indent: usize,
    /// A table row (values at its end, cells set apart by wide gaps or by
    /// spaces between words): never joined.
    cells: bool,
    /// A Markdown table row (「| 规章 | 0 | 0 | 0 |」, as converters from PDF
    /// write them): never joined, and kept as written, its pipes being its
    /// cells' separators.
    pipe: bool,
    blank: bool,
    footer: bool,
}

/// The projection of `text` with its wrapped lines joined, or `None` when
/// `text` is not hard-wrapped (most reports: nothing to do).
pub(crate) fn project(text: &str) -> Option<Projection> {
    // Decided on the lines that may be printed lines of prose, measured
    // only once their bytes allow it; most reports are not wrapped.
    let measured = measured_lines(text)?;
    let width = wrap_width(text, &measured)?;
    let rows: Vec<Row> = lines_of(text).map(|line| row(text, line.span)).collect();
    let margin = rows.iter().filter(|r| is_prose(r)).map(|r| r.indent).min().unwrap_or(0);
    let mut out = Projection::default();
    let mut index = 0;
    let mut title_done = false;
    while index < rows.len() {
        let current = rows[index];
        index += 1;
        if current.footer {
            continue;
        }
        let content = trimmed(text, current.span);
        if current.pipe {
            out.push(content.slice(text), content, true);
            out.push_added("\n");
            continue;
        }
        if current.cells {
            push_cells(text, content, &mut out);
            out.push_added("\n");
            continue;
        }
        out.push(content.slice(text), content, true);
        if current.blank {
            out.push_added("\n");
            continue;
        }
        // Join the lines that continue this one.
        let mut last = current;
        // Whether `last` may be a paragraph's first line: the text's first, or
        // one after a full stop (an extraction that drops the indent of a
        // paragraph's first line leaves no other sign of where it starts).
        let mut may_start_paragraph = current.indent <= margin;
        while let Some(next_index) = next_content(&rows, index) {
            let next = rows[next_index];
            let indent = if may_start_paragraph { FIRST_LINE_INDENT } else { 0 };
            let continues = if title_done {
                last.width + indent + SLACK >= width && continues_paragraph(text, &next, margin)
            } else {
                continues_title(text, &last, &next)
            };
            if !continues {
                break;
            }
            let content = trimmed(text, next.span);
            out.push(content.slice(text), content, true);
            may_start_paragraph = ends_sentence(trimmed(text, last.span).slice(text));
            last = next;
            index = next_index + 1;
        }
        // A converter's or portal's 「正文」 above the title is no title.
        title_done = content.slice(text) != "正文";
        out.push_added("\n");
    }
    Some(out)
}

/// A line laid out in columns (`pdftotext -layout` aligns a table's cells
/// with runs of spaces): its cells, tab-separated as the parser reads them.
/// A single space stays inside a cell (「总 计」, 「商业 企业」).
fn push_cells(text: &str, content: Span, out: &mut Projection) {
    let line = content.slice(text);
    let mut start = 0;
    let mut at = 0;
    let bytes = line.as_bytes();
    while at < bytes.len() {
        let gap = gap_len(&line[at..]);
        if gap > 0 {
            out.push(&line[start..at], Span::new(content.start + start, content.start + at), true);
            out.push_added("\t");
            at += gap;
            start = at;
        } else {
            at += line[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out.push(&line[start..], Span::new(content.start + start, content.end), true);
}

/// The length of the column gap `text` starts with: two or more spaces, a
/// tab, two ideographic spaces; 0 if it starts with none.
fn gap_len(text: &str) -> usize {
    let spaces = text.len() - text.trim_start_matches([' ', '\t', '\u{3000}']).len();
    let gap = &text[..spaces];
    let is_gap = gap.contains('\t') || gap.chars().count() >= 2;
    if is_gap { spaces } else { 0 }
}

/// The prose lines long enough to be measured, if the text may be
/// hard-wrapped. A first look at each line's bytes, which costs no
/// decoding, passes over most: table rows (a tab, a pipe, a run of spaces,
/// a last digit) and short lines are not measured, and a text with lines
/// as long as paragraphs is not wrapped at all.
fn measured_lines(text: &str) -> Option<Vec<Row>> {
    // A printed line of prose holds at most some forty CJK characters (120
    // bytes, 160 with the indentation `-layout` keeps); a `-layout` table
    // row with its spaces some 250 bytes, and it is not measured.
    const PRINTED_BYTES: usize = 200;
    const PARAGRAPH_BYTES: usize = 300;
    let candidate = |bytes: &[u8]| (2 * MIN_MEASURED..=PRINTED_BYTES).contains(&bytes.len()) && !is_table_like(bytes);
    // A wrapped text's full lines mostly stop mid-sentence (`wrap_width`),
    // and there are MIN_FULL_LINES of them at least: with at most half that
    // many candidates stopping mid-sentence, the answer is no, found off the
    // bytes before any line is measured. Most reports end here, on every
    // keystroke in the editor.
    let mid_sentence = lines_of(text)
        .map(|line| line.span.slice(text))
        // The ending first: it reads a line's last bytes, `candidate` all of them.
        .filter(|line| !ends_sentence(line) && candidate(line.as_bytes()))
        .take(MIN_FULL_LINES / 2 + 1)
        .count();
    if 2 * mid_sentence <= MIN_FULL_LINES {
        return None;
    }
    let mut measured = Vec::new();
    let mut paragraphs = 0;
    for line in lines_of(text) {
        let bytes = line.span.slice(text).as_bytes();
        if bytes.len() > PARAGRAPH_BYTES {
            paragraphs += 1;
            if paragraphs > 2 {
                return None;
            }
            continue;
        }
        if !candidate(bytes) {
            continue;
        }
        let row = row(text, line.span);
        if is_prose(&row) && row.width >= MIN_MEASURED {
            measured.push(row);
        }
    }
    (measured.len() >= MIN_FULL_LINES).then_some(measured)
}

/// Whether a line's bytes look like a table row: a tab, a pipe, two spaces
/// in a row (indentation aside), or a figure at its end. One pass, no
/// searcher built: this runs on every line of every text report.
fn is_table_like(bytes: &[u8]) -> bool {
    let bytes = bytes.trim_ascii();
    let bytes = &bytes[bytes.iter().take_while(|&&b| b == b'\x0c').count()..];
    if bytes.last().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let mut previous_space = false;
    for &byte in bytes {
        match byte {
            b'\t' | b'|' => return true,
            b' ' if previous_space => return true,
            b' ' => previous_space = true,
            _ => previous_space = false,
        }
    }
    false
}

fn row(text: &str, span: Span) -> Row {
    let mut span = span;
    // pdftotext starts each page with a form feed.
    while text.as_bytes().get(span.start) == Some(&b'\x0c') {
        span.start += 1;
    }
    let line = span.slice(text);
    let body = line.trim_end();
    let indent_bytes = body.len() - body.trim_start().len();
    let indent = display_width(&body[..indent_bytes]) + 3 * body[..indent_bytes].matches('\t').count();
    let inner = body.trim_start();
    let width = indent + display_width(inner);
    let pipe = inner.starts_with('|');
    let cells = pipe
        || inner.contains('\t')
        || inner.contains("  ")
        || inner.contains("\u{3000}\u{3000}")
        || spaced_words(inner)
        || ends_with_values(inner);
    Row {
        span,
        width,
        indent,
        cells,
        pipe,
        blank: inner.is_empty(),
        footer: !inner.is_empty() && is_page_number(inner),
    }
}

/// Display columns of a line's text, read off its UTF-8 bytes: an ASCII
/// character is one column, a character of three or four bytes (CJK, and
/// the quotes and dashes a Chinese font sets full width) two, one of two
/// bytes one. A space beside a wide character is not counted: WPS sets a
/// quarter-em gap between Arabic numbers and CJK text (「2024 年」), which
/// extraction writes as a space of a whole column.
fn display_width(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut width = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        width += match byte {
            b' ' => {
                let wide_before = i >= 3 && bytes[i - 3] >= 0xE0;
                let wide_after = bytes.get(i + 1).is_some_and(|&next| next >= 0xE0);
                usize::from(!(wide_before || wide_after))
            }
            0x00..=0x7F => 1,
            0xC0..=0xDF => 1,
            0xE0..=0xFF => 2,
            _ => 0, // a continuation byte
        };
    }
    width
}

/// Whether a space stands between two Chinese characters: prose has none
/// (beside quotes and brackets it may), a table row copied out of a PDF has
/// one between its cells (「信息内容 本年制发件数」).
fn spaced_words(text: &str) -> bool {
    let wide = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}');
    let mut chars = text.chars();
    let mut before = chars.next();
    let mut at = chars.next();
    for next in chars {
        if at == Some(' ') && before.is_some_and(wide) && wide(next) {
            return true;
        }
        (before, at) = (at, Some(next));
    }
    false
}

/// Whether a line ends with two or more numbers: a table row's values.
fn ends_with_values(text: &str) -> bool {
    let mut words = text.split_whitespace().rev();
    let is_number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.');
    words.next().is_some_and(is_number) && words.next().is_some_and(is_number)
}

fn is_prose(row: &Row) -> bool {
    !row.blank && !row.cells && !row.footer
}

/// A line's text without its indentation and trailing spaces.
fn trimmed(text: &str, span: Span) -> Span {
    let line = span.slice(text);
    let start = span.start + (line.len() - line.trim_start().len());
    let end = span.start + line.trim_end().len();
    Span::new(start, end.max(start))
}

/// The width most full lines share, if the text is hard-wrapped.
fn wrap_width(text: &str, measured: &[Row]) -> Option<usize> {
    // The text block's width: the widest w with many lines in
    // [w - SLACK, w]. Full lines of prose are a page's widest; table rows
    // and headings cluster lower.
    let mut widths: Vec<usize> = measured.iter().map(|r| r.width).collect();
    widths.sort_unstable();
    let enough = MIN_FULL_LINES.max(measured.len() / 5);
    let best = widths.iter().enumerate().rev().find_map(|(i, &w)| {
        let count = i + 1 - widths.partition_point(|&x| x + SLACK < w);
        (count >= enough).then_some(w)
    })?;
    // Nothing is wider than the text block: a text with paragraphs on one
    // line each has long lines of every width.
    let wider = measured.iter().filter(|r| r.width > best + 2).count();
    if wider * 4 > enough {
        return None;
    }
    // Wrapped lines stop mid-sentence; paragraphs that fill their one line
    // end with a full stop.
    let full: Vec<&Row> = measured.iter().filter(|r| r.width + SLACK >= best && r.width <= best + 2).collect();
    let mid_sentence = full.iter().filter(|r| !ends_sentence(r.span.slice(text))).count();
    (mid_sentence * 2 > full.len()).then_some(best)
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['。', '！', '？', '；', '：', '.', '!', '?', ';', ':', '」', '”'])
}

/// The next line after `from` that is not blank and not a page number (a
/// paragraph runs on over a page break), if there is one.
fn next_content(rows: &[Row], from: usize) -> Option<usize> {
    let mut blanks = 0;
    for (index, row) in rows.iter().enumerate().skip(from) {
        if row.footer {
            continue;
        }
        if row.blank {
            blanks += 1;
            // Blank lines inside a paragraph come only with a page break.
            if blanks > 3 {
                return None;
            }
            continue;
        }
        let crossed_page = rows[from..index].iter().any(|r| r.footer);
        return (blanks == 0 || crossed_page).then_some(index);
    }
    None
}

/// Whether `next` continues the paragraph of a full line.
fn continues_paragraph(text: &str, next: &Row, margin: usize) -> bool {
    is_prose(next) && next.indent <= margin && leading_ordinal(trimmed(text, next.span).slice(text)).is_none()
}

/// Whether `next` continues the title: the title does not yet name the
/// report, and with `next` it does.
fn continues_title(text: &str, title: &Row, next: &Row) -> bool {
    let first = trimmed(text, title.span).slice(text);
    let second = trimmed(text, next.span).slice(text);
    is_prose(next)
        && !first.ends_with("报告")
        && second.chars().count() <= 20
        && format!("{first}{second}").ends_with("报告")
        && leading_ordinal(second).is_none()
}

#[cfg(test)]
mod tests {
    use super::project;
    use nianbao_model::Span;

    /// Seed 003's preface and section 一 wrapped at 28 characters, as a PDF
    /// viewer copies it: page number and form feed included.
    const WRAPPED: &str = "太原市清徐县人民政府2024年政府信息公开工\n作年度报告\n\
        根据《中华人民共和国政府信息公开条例》《国务院办公厅\n\
        政府信息与政务公开办公室关于印发<中华人民共和国政府信息\n\
        公开工作年度报告格式>的通知》的要求,结合清徐县人民政府\n\
        2024年度政府信息公开工作实际,编制本报告。本报告内容包括\n\
        总体情况、主动公开政府信息情况、收到和办理政府信息公开申\n\
        请情况、因政府信息公开工作被申请行政复议和提起行政诉讼情\n\
        况、政府信息公开工作存在的主要问题及改进情况、其他需要报\n\
        告的事项等六个部分。\n\
        一、总体情况\n\
        (一)积极推动政府信息主动公开工作。根据省市要求,及时\n\
        优化政府信息公开栏目,结合部门工作实际,整合部门信息公开栏\n\
        - 1 -\n\n\x0c\
        目,增强政务公开内容的全面性。2024年,政府门户网站主动公开\n\
        信息3546条。\n";

    #[test]
    fn wrapped_lines_are_joined_and_page_numbers_dropped() {
        let projection = project(WRAPPED).expect("a hard-wrapped text");
        let lines: Vec<&str> = projection.text.lines().collect();
        assert_eq!(lines[0], "太原市清徐县人民政府2024年政府信息公开工作年度报告");
        assert!(lines[1].starts_with("根据《") && lines[1].ends_with("等六个部分。"), "{}", lines[1]);
        assert_eq!(lines[2], "一、总体情况");
        assert!(lines[3].starts_with("(一)") && lines[3].ends_with("信息3546条。"), "{}", lines[3]);
        assert_eq!(lines.len(), 4, "{lines:#?}");
        // Spans go back to the file: 「栏目」 across the page break.
        let at = projection.text.find("栏目,增强").unwrap();
        let source = projection.to_source(Span::new(at, at + "栏目,增强".len()));
        assert!(source.slice(WRAPPED).starts_with("栏\n- 1 -\n\n\x0c目,增强"), "{:?}", source.slice(WRAPPED));
    }

    #[test]
    fn a_text_with_one_paragraph_a_line_is_read_as_it_is() {
        let drafts = [
            "一、总体情况\n本年度我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n（一）主动公开。全年主动公开政府信息326条。\n",
            // A Markdown draft with one stray line break (F008's case).
            "## 一、总体情况\n\n2024年，某某市某某局认真贯彻落实《中华人民共和国政府信息公开条例》，制定并印\n发政策文件3件。\n",
        ];
        for draft in drafts {
            assert!(project(draft).is_none(), "{draft}");
        }
        for seed in crate::SEEDS {
            assert!(project(&crate::decode(seed).0).is_none());
        }
    }

    /// `pdftotext -layout` aligns table cells with runs of spaces: they
    /// become tabs, a single space stays inside a cell.
    #[test]
    fn column_gaps_become_cells() {
        let text =
            format!("{}一、本年新收政府信息公开申请数量     59   0   0   0   0   0   59\n      总 计\n", WRAPPED);
        let projection = project(&text).unwrap();
        assert!(
            projection.text.contains("一、本年新收政府信息公开申请数量\t59\t0\t0\t0\t0\t0\t59\n"),
            "{}",
            projection.text
        );
    }

    /// A converter from PDF to Markdown writes a table's rows as pipe rows
    /// amid hard-wrapped prose: each is kept as written, neither joined to
    /// the next (「| 三、 | （一）予以公开 | 9 |」 ends with no value) nor
    /// cut at its empty cells' spaces.
    #[test]
    fn pipe_rows_are_kept_as_written() {
        let rows = "| 三、 | （一）予以公开 | 9 | 0 | 9 |\n| 0 | 0 | 0 |\n| 业 | 构 |  |  |\n";
        let text = format!("{WRAPPED}{rows}");
        let projection = project(&text).unwrap();
        assert!(projection.text.ends_with(rows), "{}", projection.text);
    }
}
