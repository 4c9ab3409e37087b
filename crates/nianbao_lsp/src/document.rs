//! The text of one open document, held in a rope and edited incrementally.
//!
//! Positions arrive in the negotiated encoding and are resolved against the
//! rope. Lines end at `\n`, `\r\n` or `\r` only (ropey's `cr_lines`), as LSP
//! clients count them.

use ropey::Rope;

use crate::from_proto::Encoding;

/// A protocol position: zero-based line and column in the negotiated encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// What went wrong applying a change; the document stays usable either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeProblem {
    /// The version did not increase: the change was ignored.
    StaleVersion { have: i32, got: i32 },
    /// A position lay past the end of the document and was clamped to it.
    OutOfRange,
}

/// One open document.
#[derive(Debug)]
pub struct Document {
    pub rope: Rope,
    pub version: i32,
    pub language_id: String,
}

impl Document {
    pub fn new(text: &str, version: i32, language_id: String) -> Self {
        Self { rope: Rope::from_str(text), version, language_id }
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// The char index of `pos`. A column past the line's end is clamped to it
    /// (the LSP rule); a line past the end gives the document's end and
    /// `false`. A column inside a surrogate pair is moved past the character.
    pub fn char_index(&self, pos: Pos, encoding: Encoding) -> (usize, bool) {
        let line = pos.line as usize;
        if line >= self.rope.len_lines() {
            return (self.rope.len_chars(), false);
        }
        let start = self.rope.line_to_char(line);
        let line_slice = self.rope.line(line);
        let mut content_chars = line_slice.len_chars();
        // The line's terminator is not addressable.
        for terminator in ['\n', '\r'] {
            if content_chars > 0 && line_slice.char(content_chars - 1) == terminator {
                content_chars -= 1;
            }
        }
        let mut counted = 0usize;
        for (i, ch) in line_slice.chars().take(content_chars).enumerate() {
            if counted >= pos.col as usize {
                return (start + i, true);
            }
            counted += encoding.width(ch);
        }
        (start + content_chars, true)
    }

    /// Applies one change: a range replacement, or the whole text when
    /// `range` is `None`.
    pub fn apply(&mut self, range: Option<(Pos, Pos)>, text: &str, encoding: Encoding) -> Result<(), ChangeProblem> {
        let Some((start, end)) = range else {
            self.rope = Rope::from_str(text);
            return Ok(());
        };
        let (start, start_ok) = self.char_index(start, encoding);
        let (end, end_ok) = self.char_index(end, encoding);
        let (start, end) = (start.min(end), start.max(end));
        self.rope.remove(start..end);
        self.rope.insert(start, text);
        if start_ok && end_ok { Ok(()) } else { Err(ChangeProblem::OutOfRange) }
    }

    /// Applies a `didChange`'s changes in order, unless its version is not newer.
    pub fn apply_changes<'t>(
        &mut self,
        version: i32,
        changes: impl IntoIterator<Item = (Option<(Pos, Pos)>, &'t str)>,
        encoding: Encoding,
    ) -> Result<(), ChangeProblem> {
        if version <= self.version {
            return Err(ChangeProblem::StaleVersion { have: self.version, got: version });
        }
        let mut problem = Ok(());
        for (range, text) in changes {
            if let Err(error) = self.apply(range, text, encoding) {
                problem = Err(error);
            }
        }
        self.version = version;
        problem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }

    #[test]
    fn utf16_columns_around_astral_characters_and_crlf() {
        let mut doc = Document::new("𠮷表\r\n二", 1, "markdown".into());
        // 𠮷 is two UTF-16 units: column 2 is before 表.
        doc.apply(Some((pos(0, 2), pos(0, 3))), "X", Encoding::Utf16).unwrap();
        assert_eq!(doc.text(), "𠮷X\r\n二");
        // Column past the end of line 0 clamps before the CRLF.
        doc.apply(Some((pos(0, 99), pos(0, 99))), "!", Encoding::Utf16).unwrap();
        assert_eq!(doc.text(), "𠮷X!\r\n二");
        doc.apply(Some((pos(1, 0), pos(1, 1))), "三", Encoding::Utf8).unwrap();
        assert_eq!(doc.text(), "𠮷X!\r\n三");
    }

    #[test]
    fn unicode_line_separators_are_not_lines() {
        let doc = Document::new("a\u{2028}b\nc", 1, "markdown".into());
        assert_eq!(doc.rope.len_lines(), 2);
        assert_eq!(doc.char_index(pos(1, 0), Encoding::Utf16).0, 4);
    }

    #[test]
    fn stale_versions_and_out_of_range_edits_do_not_panic() {
        let mut doc = Document::new("abc", 3, "markdown".into());
        let stale = doc.apply_changes(2, [(Some((pos(0, 0), pos(0, 1))), "z")], Encoding::Utf16);
        assert_eq!(stale, Err(ChangeProblem::StaleVersion { have: 3, got: 2 }));
        assert_eq!(doc.text(), "abc");
        let out = doc.apply_changes(4, [(Some((pos(7, 0), pos(9, 0))), "!")], Encoding::Utf16);
        assert_eq!(out, Err(ChangeProblem::OutOfRange));
        assert_eq!(doc.text(), "abc!");
        assert_eq!(doc.version, 4);
    }
}
