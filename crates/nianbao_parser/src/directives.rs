//! `<!-- nianbao-disable-next-line T303 -->` and `<!-- nianbao-disable-file S005 -->`.

use nianbao_model::{Span, Suppression};

use crate::lines::Line;

const NEXT_LINE: &str = "nianbao-disable-next-line";
const FILE: &str = "nianbao-disable-file";

/// Reads every directive comment (one per line, alone on its line).
pub(crate) fn read_directives(source: &str, lines: &[Line]) -> Vec<Suppression> {
    let mut found = Vec::new();
    // Both directives contain 「nianbao-disable」: one search of the whole
    // text spares the line-by-line reading in nearly every report.
    if memchr::memmem::find(source.as_bytes(), b"nianbao-disable").is_none() {
        return found;
    }
    for (index, line) in lines.iter().enumerate() {
        let text = line.span.slice(source).trim();
        let Some(inner) = text.strip_prefix("<!--").and_then(|t| t.strip_suffix("-->")) else { continue };
        let mut words = inner.split_whitespace();
        let scope = match words.next() {
            Some(NEXT_LINE) => lines.get(index + 1).map_or(Span::empty(source.len()), |next| next.span),
            Some(FILE) => Span::new(0, source.len()),
            _ => continue,
        };
        let codes = words.flat_map(|w| w.split(',')).filter(|w| !w.is_empty()).map(str::to_string).collect();
        let start = line.span.start + (line.span.slice(source).len() - line.span.slice(source).trim_start().len());
        found.push(Suppression { span: Span::new(start, start + text.len()), scope, codes });
    }
    found
}

/// Whether a line is an HTML comment, which is neither prose nor table.
pub(crate) fn is_comment_line(text: &str) -> bool {
    let text = text.trim();
    text.starts_with("<!--") && text.ends_with("-->")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn next_line_and_file_directives() {
        let text =
            "a\n<!-- nianbao-disable-next-line T303, T302 -->\nrow\n<!-- nianbao-disable-file -->\n<!-- other -->\n";
        let found = read_directives(text, &split_lines(text));
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].scope.slice(text), "row");
        assert_eq!(found[0].codes, ["T303", "T302"]);
        assert!(found[1].codes.is_empty());
        assert_eq!(found[1].scope, Span::new(0, text.len()));
    }
}
