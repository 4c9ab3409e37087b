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

/// Whether `haystack` contains `needle`: a memchr for its last byte, then a
/// comparison. Cheaper than `str::contains(&str)` for the short CJK needles
/// of the rules, which would build a searcher on every call.
pub(crate) fn has(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// `haystack.find(needle)`, the same way as [`has`]: `str::find` sets up a
/// two-way searcher and `memmem::find` a SIMD one on every call, and either
/// costs more than the short paragraphs they would search. The last byte of
/// a CJK needle is a continuation byte, rarer in Chinese text than a lead
/// byte; and a byte match of UTF-8 in UTF-8 always falls on characters.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    find_all(haystack, needle).next()
}

/// Every non-overlapping `needle` in `haystack`, left to right, found as
/// [`find`] finds the first; nothing for an empty needle.
pub(crate) fn find_all<'h>(haystack: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    let (text, word) = (haystack.as_bytes(), needle.as_bytes());
    let last = word.last().copied().unwrap_or(0);
    let mut next = 0;
    memchr::memchr_iter(last, text).filter_map(move |end| {
        let start = (end + 1).checked_sub(word.len()).filter(|&start| start >= next && !word.is_empty())?;
        text[start..].starts_with(word).then(|| {
            next = start + word.len();
            start
        })
    })
}

/// Fixed words looked for in every paragraph, each with a SIMD searcher built
/// once (building one per search costs more than the search).
pub(crate) struct Words(Vec<memchr::memmem::Finder<'static>>);

impl Words {
    pub(crate) fn new(words: &[&'static str]) -> Self {
        Self(words.iter().map(|&word| memchr::memmem::Finder::new(word)).collect())
    }

    /// Whether `text` contains any of the words.
    pub(crate) fn any_in(&self, text: &str) -> bool {
        self.0.iter().any(|finder| finder.find(text.as_bytes()).is_some())
    }

    /// The offset of the first occurrence in `text` of any of the words.
    pub(crate) fn find_in(&self, text: &str) -> Option<usize> {
        self.0.iter().filter_map(|finder| finder.find(text.as_bytes())).min()
    }
}

/// `words!["行政复议", "行政诉讼"]`: a `&'static Words`, built on first use.
macro_rules! words {
    [$($word:literal),+ $(,)?] => {{
        static WORDS: std::sync::OnceLock<$crate::text::Words> = std::sync::OnceLock::new();
        WORDS.get_or_init(|| $crate::text::Words::new(&[$($word),+]))
    }};
}
pub(crate) use words;

/// Byte span of `len` bytes at `offset` inside a paragraph starting at `base`.
pub(crate) fn at(base: Span, offset: usize, len: usize) -> Span {
    Span::new(base.start + offset, base.start + offset + len)
}

/// The first characters of a set of words, as a 256-bit filter on the low
/// byte of the code point: one pass over a text, testing each character
/// against the filter, finds every place a word may start. Cheaper than a
/// search per word when there are many words (a lexicon, claim keywords).
#[derive(Clone, Copy, Default)]
pub(crate) struct FirstChars([u64; 4]);

impl FirstChars {
    pub(crate) fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut bits = [0u64; 4];
        for ch in words.into_iter().filter_map(|word| word.chars().next()) {
            let low = (ch as u32 & 0xFF) as usize;
            bits[low / 64] |= 1 << (low % 64);
        }
        Self(bits)
    }

    /// Whether a word may start with `ch` (false positives, no false negatives).
    pub(crate) fn may_start(&self, ch: char) -> bool {
        let low = (ch as u32 & 0xFF) as usize;
        self.0[low / 64] & (1 << (low % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_searches_agree_with_str() {
        let texts = ["", "是", "一是加强，二是是否，三是", "（一）（二）(三)（", "aaa", "受理申请申请人", "𠮷是𠮷"];
        let needles = ["", "是", "（", "申请", "aa", "a", "𠮷", "二是", "不在"];
        for text in texts {
            for needle in needles {
                assert_eq!(find(text, needle), text.find(needle), "{text:?} {needle:?}");
                assert_eq!(has(text, needle), text.contains(needle));
                if !needle.is_empty() {
                    let by_str: Vec<usize> = text.match_indices(needle).map(|(i, _)| i).collect();
                    assert_eq!(find_all(text, needle).collect::<Vec<_>>(), by_str, "{text:?} {needle:?}");
                }
            }
        }
    }
}
