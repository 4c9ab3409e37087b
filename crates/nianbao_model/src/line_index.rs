//! Byte offset ↔ line/column conversion, for the edges (terminal, LSP, SARIF).
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as LSP clients count them. U+2028,
//! U+0085, VT and FF are *not* line breaks here, on purpose: editors disagree on
//! them and the LSP specification excludes them.

use serde::{Deserialize, Serialize};

/// How a column is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColumnEncoding {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units (the LSP default).
    Utf16,
    /// Unicode scalar values (characters).
    Utf32,
}

/// A zero-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

/// Start offsets of every line of a text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        // Every file the CLI reports on is indexed, findings or not: find the
        // breaks by SIMD search rather than byte by byte.
        let mut breaks = memchr::memchr2_iter(b'\n', b'\r', bytes);
        while let Some(i) = breaks.next() {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                // `\r\n` is one break; skip its `\n`.
                breaks.next();
                line_starts.push(i + 2);
            } else {
                line_starts.push(i + 1);
            }
        }
        Self { line_starts, len: text.len() }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The zero-based line holding `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// Byte offset where `line` starts, if the line exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).copied()
    }

    /// Byte range of `line`'s content, without its line terminator.
    pub fn line_range(&self, line: usize, text: &str) -> Option<std::ops::Range<usize>> {
        let start = self.line_start(line)?;
        let mut end = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(start..end)
    }

    /// Line and column of `offset`, the column counted in `encoding`.
    ///
    /// An offset inside a multi-byte character is moved back to its start.
    pub fn line_col(&self, text: &str, offset: usize, encoding: ColumnEncoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let prefix = &text[self.line_starts[line]..offset];
        let col = match encoding {
            ColumnEncoding::Utf8 => prefix.len(),
            ColumnEncoding::Utf16 => prefix.encode_utf16().count(),
            ColumnEncoding::Utf32 => prefix.chars().count(),
        };
        LineCol { line, col }
    }

    /// Byte offset of a line/column. A column past the end of its line is
    /// clamped to the line end; a line past the end gives `None`. A column in
    /// the middle of a character (one UTF-16 unit of a surrogate pair) is
    /// moved to that character's end, so an edit never splits a character.
    pub fn offset(&self, text: &str, pos: LineCol, encoding: ColumnEncoding) -> Option<usize> {
        let range = self.line_range(pos.line, text)?;
        let line_text = &text[range.clone()];
        let mut counted = 0;
        for (byte, ch) in line_text.char_indices() {
            if counted >= pos.col {
                return Some(range.start + byte);
            }
            counted += match encoding {
                ColumnEncoding::Utf8 => ch.len_utf8(),
                ColumnEncoding::Utf16 => ch.len_utf16(),
                ColumnEncoding::Utf32 => 1,
            };
        }
        Some(range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr_only() {
        let text = "a\nb\r\nc\rd\u{2028}e";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_range(1, text), Some(2..3));
        assert_eq!(index.line_range(3, text).map(|r| &text[r]), Some("d\u{2028}e"));
    }

    #[test]
    fn columns_count_astral_characters_as_two_utf16_units() {
        let text = "𠮷a\n表";
        let index = LineIndex::new(text);
        let a = text.find('a').unwrap();
        assert_eq!(index.line_col(text, a, ColumnEncoding::Utf16), LineCol { line: 0, col: 2 });
        assert_eq!(index.line_col(text, a, ColumnEncoding::Utf32), LineCol { line: 0, col: 1 });
        assert_eq!(index.line_col(text, a, ColumnEncoding::Utf8), LineCol { line: 0, col: 4 });
        let back = index.offset(text, LineCol { line: 0, col: 2 }, ColumnEncoding::Utf16);
        assert_eq!(back, Some(a));
    }

    #[test]
    fn offsets_clamp_and_never_split_characters() {
        let text = "𠮷b";
        let index = LineIndex::new(text);
        // Column 1 is inside the surrogate pair: moved to the character's end.
        assert_eq!(index.offset(text, LineCol { line: 0, col: 1 }, ColumnEncoding::Utf16), Some(4));
        assert_eq!(index.offset(text, LineCol { line: 0, col: 99 }, ColumnEncoding::Utf16), Some(5));
        assert_eq!(index.offset(text, LineCol { line: 5, col: 0 }, ColumnEncoding::Utf16), None);
        // A trailing line without newline, and the empty line after a final newline.
        let text = "x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, LineCol { line: 1, col: 0 }, ColumnEncoding::Utf16), Some(2));
    }

    #[test]
    fn offsets_inside_a_character_move_back_to_its_start() {
        let text = "表x";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 1, ColumnEncoding::Utf32), LineCol { line: 0, col: 0 });
    }
}
