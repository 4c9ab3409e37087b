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

pub(crate) use nianbao_model::search::{find, has};

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

    /// Every occurrence in `text` of each word, word by word (not in order
    /// of position), each word's occurrences not overlapping.
    pub(crate) fn occurrences<'t>(&'t self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        self.0.iter().flat_map(move |finder| finder.find_iter(text.as_bytes()))
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
