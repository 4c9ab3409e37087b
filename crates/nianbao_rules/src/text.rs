//! Small text helpers for the form rules.

use nianbao_model::{Report, Span};

/// A CJK ideograph (the characters Chinese prose is written in).
pub(crate) fn is_ideograph(ch: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&ch)
        || ('\u{3400}'..='\u{4DBF}').contains(&ch)
        || ('\u{20000}'..='\u{2FFFF}').contains(&ch)
}

/// Full-width punctuation that counts as Chinese text around a half-width mark.
pub(crate) fn is_cjk(ch: char) -> bool {
    is_ideograph(ch) || "，。、；：？！“”‘’《》（）【】〔〕「」".contains(ch)
}

/// Every prose paragraph with its text, preface first.
pub(crate) fn paragraphs(report: &Report) -> impl Iterator<Item = (Span, &str)> {
    report.paragraphs().map(|p| (p.span, p.text.as_str()))
}

/// Whether the report is written in Markdown (headings with `#`): then `**`
/// is emphasis, not an artifact.
pub(crate) fn is_markdown(report: &Report) -> bool {
    report.sections.iter().any(|section| section.heading_span.start > section.span.start)
}

/// Whether `haystack` contains `needle`: a memchr for its first character,
/// then a comparison. Cheaper than `str::contains(&str)` for the short CJK
/// needles of the rules, which would build a searcher on every call.
pub(crate) fn has(haystack: &str, needle: &str) -> bool {
    let Some(first) = needle.chars().next() else { return true };
    haystack.match_indices(first).any(|(i, _)| haystack[i..].starts_with(needle))
}

/// Byte span of `len` bytes at `offset` inside a paragraph starting at `base`.
pub(crate) fn at(base: Span, offset: usize, len: usize) -> Span {
    Span::new(base.start + offset, base.start + offset + len)
}
