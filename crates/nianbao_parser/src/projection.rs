//! A text made of pieces of another text, and the way back: the HTML
//! projection of a page, or a hard-wrapped text with its wrapped lines
//! joined. The parser reads the projection; [`Projection::to_source`] takes
//! a span of it back to the text it came from.

use nianbao_model::{Diagnostic, Span};

/// The projected text and where each piece of it came from.
#[derive(Clone, Debug, Default)]
pub struct Projection {
    /// The plain-text layout to parse.
    pub text: String,
    /// Pieces of `text` copied from the source, in order.
    pub(crate) pieces: Vec<Piece>,
}

/// `len` bytes at `at` in the projection came from `source` in the source
/// text; `exact` when they are the same bytes (no HTML entity was decoded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    at: usize,
    len: usize,
    source: Span,
    exact: bool,
}

impl Projection {
    /// The source span a projected span came from: exact where the text was
    /// copied verbatim, else the whole text run it lies in.
    pub fn to_source(&self, span: Span) -> Span {
        let start = self.locate(span.start, false);
        let end = self.locate(span.end, true).max(start);
        Span::new(start, end)
    }

    fn locate(&self, offset: usize, is_end: bool) -> usize {
        // The last piece starting at or before `offset` (for an end, strictly before).
        let index = self.pieces.partition_point(|p| if is_end { p.at < offset } else { p.at <= offset });
        let Some(piece) = index.checked_sub(1).map(|i| self.pieces[i]) else {
            return self.pieces.first().map_or(0, |p| p.source.start);
        };
        let within = offset.saturating_sub(piece.at);
        if within > piece.len {
            // Between pieces (a line break or tab the projection added).
            let next = self.pieces.get(index).map(|p| p.source.start);
            return if is_end { piece.source.end } else { next.unwrap_or(piece.source.end) };
        }
        if piece.exact {
            piece.source.start + within
        } else if is_end {
            piece.source.end
        } else {
            piece.source.start
        }
    }

    /// Appends `text`, which came from `source`; `exact` when it is the
    /// source's bytes verbatim.
    #[inline]
    pub(crate) fn push(&mut self, text: &str, source: Span, exact: bool) {
        let at = self.text.len();
        self.text.push_str(text);
        self.pieces.push(Piece { at, len: text.len(), source, exact: exact && text.len() == source.len() });
    }

    /// Appends text the projection adds (a line break, a tab): it maps to
    /// the source around it.
    pub(crate) fn push_added(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Appends another projection of the same source.
    pub(crate) fn append(&mut self, other: Projection) {
        let offset = self.text.len();
        self.text.push_str(&other.text);
        self.pieces.extend(other.pieces.into_iter().map(|piece| Piece { at: piece.at + offset, ..piece }));
    }

    /// Whether a span of the projection is a verbatim copy of one piece of
    /// the source, so that an edit of it can be made there.
    pub fn is_exact(&self, span: Span) -> bool {
        let index = self.pieces.partition_point(|p| p.at <= span.start);
        index
            .checked_sub(1)
            .map(|i| self.pieces[i])
            .is_some_and(|piece| piece.exact && span.end <= piece.at + piece.len)
    }

    /// Moves a diagnostic found in the projection into the source text. A
    /// fix is kept only when `keep_fixes` (the source is the text a fix
    /// edits: not an HTML page) and each edit lies within text copied
    /// verbatim, so that it can be made there as it is.
    pub fn map_diagnostic(&self, diagnostic: &mut Diagnostic, keep_fixes: bool) {
        for label in std::iter::once(&mut diagnostic.primary).chain(diagnostic.secondary.iter_mut()) {
            if label.file.is_none() {
                label.span = self.to_source(label.span);
            }
        }
        let fix_maps = keep_fixes
            && diagnostic.fix.as_ref().is_some_and(|fix| fix.edits.iter().all(|edit| self.is_exact(edit.span)));
        match &mut diagnostic.fix {
            Some(fix) if fix_maps => fix.edits.iter_mut().for_each(|edit| edit.span = self.to_source(edit.span)),
            _ => diagnostic.fix = None,
        }
    }
}
