//! Protocol → model: the negotiated position encoding, and protocol
//! positions to byte offsets. With `to_proto`, the only place that knows
//! the protocol's coordinates.

use nianbao_model::{ColumnEncoding, LineCol, LineIndex};
use tower_lsp_server::ls_types::{ClientCapabilities, Position, PositionEncodingKind};

/// The position encoding agreed with the client.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// The LSP default.
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// The client's first supported preference (LSP 3.17
    /// `general.positionEncodings`), or UTF-16.
    pub fn negotiate(capabilities: &ClientCapabilities) -> Encoding {
        let offered = capabilities.general.as_ref().and_then(|general| general.position_encodings.as_ref());
        offered
            .into_iter()
            .flatten()
            .find_map(|kind| match kind.as_str() {
                "utf-8" => Some(Encoding::Utf8),
                "utf-16" => Some(Encoding::Utf16),
                "utf-32" => Some(Encoding::Utf32),
                _ => None,
            })
            .unwrap_or_default()
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    pub fn columns(self) -> ColumnEncoding {
        match self {
            Encoding::Utf8 => ColumnEncoding::Utf8,
            Encoding::Utf16 => ColumnEncoding::Utf16,
            Encoding::Utf32 => ColumnEncoding::Utf32,
        }
    }

    /// Code units of `ch` in this encoding.
    pub fn width(self, ch: char) -> usize {
        match self {
            Encoding::Utf8 => ch.len_utf8(),
            Encoding::Utf16 => ch.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// The byte offset of a protocol position in `text` (clamped to the text).
pub fn offset(index: &LineIndex, text: &str, position: Position, encoding: Encoding) -> usize {
    let at = LineCol { line: position.line as usize, col: position.character as usize };
    index.offset(text, at, encoding.columns()).unwrap_or(text.len())
}
