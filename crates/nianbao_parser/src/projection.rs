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

    /// The way forth: the projected span a source span shows as (for a
    /// page that shows the projection of an HTML file whose findings point
    /// into the HTML). Exact within a verbatim piece; else the start of the
    /// piece a source offset lies in, or the end of the piece before it
    /// when it lies in markup the projection left out.
    pub fn to_projected(&self, span: Span) -> Span {
        let start = self.locate_projected(span.start);
        let end = self.locate_projected(span.end).max(start);
        Span::new(start, end)
    }

    fn locate_projected(&self, offset: usize) -> usize {
        // Pieces are in the source's order: the projection is read front to back.
        let index = self.pieces.partition_point(|p| p.source.start <= offset);
        let Some(piece) = index.checked_sub(1).map(|i| self.pieces[i]) else { return 0 };
        if offset >= piece.source.end {
            return piece.at + piece.len;
        }
        if piece.exact { piece.at + (offset - piece.source.start) } else { piece.at }
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

#[cfg(test)]
mod tests {
    use nianbao_model::Span;

    /// A span of a page's text goes into the HTML and comes back where it was.
    #[test]
    fn a_span_goes_to_the_source_and_back() {
        let html = "<html><body><p>一、总体情况</p><table><tr><td>自然人</td><td>12</td></tr></table></body></html>";
        let projection = crate::html::project(html);
        for word in ["总体情况", "自然人", "12"] {
            let at = projection.text.find(word).unwrap();
            let span = Span::new(at, at + word.len());
            let source = projection.to_source(span);
            assert_eq!(&html[source.start..source.end], word);
            assert_eq!(projection.to_projected(source), span, "{word}");
        }
        // Markup maps to the text beside it, never past the end.
        let tag = html.find("<table>").unwrap();
        let at = projection.to_projected(Span::new(tag, tag + 7));
        assert!(at.end <= projection.text.len());
    }
}
