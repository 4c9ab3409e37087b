//! Sections, sub-headings and paragraphs: everything outside the tables.

use std::sync::OnceLock;

use nianbao_model::{
    Fidelity, Ordinal, OrdinalLevel, Paragraph, Section, SectionKind, Span, Spanned, SubHeading, TableKind, search,
};

use crate::lines::Line;
use crate::normalize::normalize_label;
use crate::ordinal::leading_ordinal;

/// Prose before the first section, and the sections.
pub(crate) struct SectionsRead {
    pub(crate) preface: Vec<Paragraph>,
    pub(crate) sections: Vec<Section>,
}

pub(crate) fn read_sections(source: &str, lines: &[Line], consumed: &[bool]) -> SectionsRead {
    let prose = lines.iter().zip(consumed).filter(|(_, consumed)| !**consumed).map(|(&line, _)| line);
    read_sections_until(source, prose, usize::MAX)
}

/// The preface alone: everything before the first section heading. Its
/// lines are asked for one at a time, so that the lines after that heading
/// need not be found.
pub(crate) fn read_preface(source: &str, lines: impl Iterator<Item = Line>) -> Vec<Paragraph> {
    read_sections_until(source, lines, 0).preface
}

/// [`read_sections`] of the prose `lines`, stopping at a heading once `last`
/// sections are read.
fn read_sections_until(source: &str, lines: impl Iterator<Item = Line>, last: usize) -> SectionsRead {
    let mut preface = Vec::new();
    // The statutory six, and a heading or two more.
    let mut sections: Vec<Section> = Vec::with_capacity(8);
    for line in lines {
        let Some(content) = content_span(source, line.span) else {
            continue;
        };
        let text = content.slice(source);
        let ordinal = leading_ordinal(text);
        if let Some(found) = ordinal.filter(|o| o.level == OrdinalLevel::Top) {
            let title_span = trim(source, Span::new(content.start + found.len, content.end));
            let title = title_span.slice(source);
            let ordinal = Ordinal {
                level: found.level,
                value: found.value,
                span: Span::new(content.start, content.start + found.len),
                raw: text[..found.len].to_string(),
            };
            if let Some((kind, fidelity)) = classify_heading(title)
                .map(|(k, f)| (Some(k), f))
                .or_else(|| is_other_heading(title).then_some((None, Fidelity::Verbatim)))
            {
                if sections.len() == last {
                    break;
                }
                if let Some(previous) = sections.last_mut() {
                    previous.span.end = line.span.start;
                }
                // The section starts at its line, Markdown marks and all, so an
                // insertion at `span.start` lands at a line start.
                sections.push(Section {
                    kind,
                    ordinal,
                    title: Spanned::new(title.to_string(), title_span),
                    heading_span: content,
                    fidelity,
                    span: Span::new(line.span.start, source.len()),
                    paragraphs: Vec::new(),
                    subheadings: Vec::new(),
                });
                continue;
            }
        }
        // Heading markup was stripped from the content: `## …` or `**…**`.
        let heading = content.start
            > line.span.start + (line.span.slice(source).len() - line.span.slice(source).trim_start().len());
        let paragraph = Paragraph { span: content, text: text.to_string(), heading };
        match sections.last_mut() {
            Some(section) => {
                if let Some(found) = ordinal {
                    section.subheadings.push(SubHeading {
                        ordinal: Ordinal {
                            level: found.level,
                            value: found.value,
                            span: Span::new(content.start, content.start + found.len),
                            raw: text[..found.len].to_string(),
                        },
                        text: text[found.len..].trim().to_string(),
                        span: content,
                    });
                }
                section.paragraphs.push(paragraph);
            }
            None => preface.push(paragraph),
        }
    }
    SectionsRead { preface, sections }
}

/// The line's content without Markdown heading marks, emphasis or HTML
/// comments; `None` for lines with no prose.
fn content_span(source: &str, line: Span) -> Option<Span> {
    let mut span = trim(source, line);
    let text = span.slice(source);
    if text.is_empty() || text.starts_with("<!--") {
        return None;
    }
    let hashes = text.len() - text.trim_start_matches('#').len();
    if hashes > 0 && hashes <= 6 {
        span.start += hashes;
        span = trim(source, span);
    }
    let text = span.slice(source);
    if let Some(inner) = text.strip_prefix("**").and_then(|t| t.strip_suffix("**"))
        && !inner.contains("**")
    {
        span = trim(source, Span::new(span.start + 2, span.end - 2));
    }
    (!span.is_empty()).then_some(span)
}

fn trim(source: &str, span: Span) -> Span {
    let text = span.slice(source);
    let is_space = |c: char| c.is_whitespace() || c == '\u{3000}';
    let start = span.start + (text.len() - text.trim_start_matches(is_space).len());
    let end = span.start + text.trim_end_matches(is_space).len();
    if start >= end { Span::empty(span.start) } else { Span::new(start, end) }
}

/// Whether a line is a heading: a Markdown heading, or a top-level ordinal
/// followed by a statutory section title.
pub(crate) fn is_heading_line(text: &str) -> bool {
    let text = text.trim_start();
    if text.starts_with('#') {
        return true;
    }
    let text = strip_stars(text, str::strip_prefix);
    if text.len() > crate::labels::MAX_LABEL_BYTES {
        return false;
    }
    leading_ordinal(text)
        .filter(|ordinal| ordinal.level == OrdinalLevel::Top)
        .is_some_and(|ordinal| classify_heading(strip_stars(&text[ordinal.len..], str::strip_suffix).trim()).is_some())
}

/// The table a heading line calls for: its section's (「四、政府信息公开行政
///复议、行政诉讼情况」 calls for 表四), or the one it names (「## 表三：…」).
pub(crate) fn heading_table(text: &str) -> Option<TableKind> {
    let text = strip_stars(text.trim_start().trim_start_matches('#').trim_start(), str::strip_prefix);
    if let Some(ordinal) = leading_ordinal(text).filter(|ordinal| ordinal.level == OrdinalLevel::Top) {
        let title = strip_stars(&text[ordinal.len..], str::strip_suffix).trim();
        return classify_heading(title).and_then(|(kind, _)| kind.table());
    }
    TableKind::ALL.into_iter().find(|kind| text.starts_with(kind.name()))
}

/// `text` without any `**` at one end: `trim_start_matches("**")` or
/// `trim_end_matches("**")`, without the searcher those build on every call.
fn strip_stars<'t>(mut text: &'t str, strip: fn(&'t str, &'static str) -> Option<&'t str>) -> &'t str {
    while let Some(rest) = strip(text, "**") {
        text = rest;
    }
    text
}

/// Recognises a statutory section heading (the text after 「一、」).
///
/// Verbatim titles and the variants seen in real reports are accepted;
/// anything sentence-like is not a heading.
pub(crate) fn classify_heading(title: &str) -> Option<(SectionKind, Fidelity)> {
    if title.len() > crate::labels::MAX_LABEL_BYTES {
        return None;
    }
    static TITLES: OnceLock<Vec<String>> = OnceLock::new();
    let titles = TITLES.get_or_init(|| SectionKind::ALL.iter().map(|kind| normalize_label(kind.title())).collect());
    // Shortcuts before normalising: most headings are written verbatim, and
    // a comma (any width) makes a sentence.
    if let Some(index) = SectionKind::ALL.iter().position(|kind| kind.title() == title) {
        return Some((SectionKind::ALL[index], Fidelity::Verbatim));
    }
    if title.contains([',', '，', ';', '；']) {
        return None;
    }
    let normalized = normalize_label(title);
    let normalized = normalized.trim_end_matches([':', '。']);
    // Headings are short and are not sentences: no full stop, no comma.
    if normalized.chars().count() > 40 || normalized.contains(['。', ',', ';']) {
        return None;
    }
    if let Some(index) = titles.iter().position(|title| title == normalized) {
        return Some((SectionKind::ALL[index], Fidelity::Verbatim));
    }
    let has = |word: &str| search::has(normalized, word);
    let kind = if has("总体情况") || normalized == "概述" {
        SectionKind::Overview
    } else if has("行政复议") || has("行政诉讼") {
        SectionKind::ReviewLitigation
    } else if has("申请") && (has("收到") || has("办理") || has("处理")) {
        SectionKind::Applications
    } else if has("主动公开") && has("信息") && !has("申请") {
        SectionKind::ProactiveDisclosure
    } else if has("问题") && (has("改进") || has("存在")) {
        SectionKind::Problems
    } else if has("其他需要报告")
        || has("其他需要说明")
        || has("需要说明的其他事项")
        || normalized.starts_with("其他事项")
    {
        SectionKind::OtherMatters
    } else {
        return None;
    };
    Some((kind, Fidelity::Variant { canonical: kind.heading().into() }))
}

/// A short top-level heading that names no statutory section (「七、附件」).
/// Sub-topics of 总体情况 written with a top-level ordinal are not headings:
/// rule S003 reports them where they stand.
fn is_other_heading(title: &str) -> bool {
    const OVERVIEW_TOPICS: &[&str] = &["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"];
    let count = title.chars().count();
    count > 0
        && count <= 12
        && !title.contains(['。', '，', ',', '；', ':', '：'])
        && !OVERVIEW_TOPICS.iter().any(|topic| search::has(title, topic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_are_stripped_as_trimming_strips_them() {
        for text in ["", "*", "**", "***", "****一、总体情况**", "**一、总体情况***", "一、**总体**", "**"]
        {
            assert_eq!(strip_stars(text, str::strip_prefix), text.trim_start_matches("**"), "{text}");
            assert_eq!(strip_stars(text, str::strip_suffix), text.trim_end_matches("**"), "{text}");
        }
    }

    #[test]
    fn byte_contains_is_str_contains() {
        let words = ["总体情况", "行政复议", "申请", "信息", "其他需要报告", "主动公开", "况", "、", "a", ""];
        for bytes in crate::SEEDS {
            let (text, _) = crate::decode(bytes);
            for line in text.lines() {
                for word in words {
                    assert_eq!(search::has(line, word), line.contains(word), "{word} in {line}");
                }
            }
        }
    }

    #[test]
    fn verbatim_and_variant_headings() {
        assert_eq!(classify_heading("总体情况"), Some((SectionKind::Overview, Fidelity::Verbatim)));
        assert!(matches!(
            classify_heading("行政机关主动公开政府信息情况"),
            Some((SectionKind::ProactiveDisclosure, Fidelity::Variant { .. }))
        ));
        assert!(matches!(
            classify_heading("因政府信息公开行政复议、行政诉讼情况"),
            Some((SectionKind::ReviewLitigation, Fidelity::Variant { .. }))
        ));
        assert!(matches!(classify_heading("收到和办理政府信息公开申请情况"), Some((SectionKind::Applications, _))));
        assert!(matches!(
            classify_heading("政府信息公开工作存在的主要问题及改进措施"),
            Some((SectionKind::Problems, _))
        ));
    }

    #[test]
    fn sentences_are_not_headings() {
        assert_eq!(classify_heading("按照《国务院办公厅关于印发<政府信息公开处理费管理办法>的通知》规定。"), None);
        assert_eq!(classify_heading("主动公开情况"), None);
        assert_eq!(classify_heading("依申请公开工作进一步规范，全年办理申请5件。"), None);
    }
}
