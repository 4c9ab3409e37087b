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
/// A short line of ideographs alone — no punctuation, no number, nothing
/// else a sentence or a heading has: a table's headers set out of their
/// table (a converter from PDF writes 表四's 「结果维持 结果纠正」 as
/// 「结果结果其他尚未」), not prose.
pub(crate) fn is_header_fragment(text: &str) -> bool {
    text.len() <= 20 * 3 && text.chars().all(is_ideograph)
}

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
/// once (building one per search costs more than the search), and the set of
/// its characters: a word is searched for only in a text whose [`CharSet`]
/// may hold it, and most paragraphs lack one of a word's characters.
pub(crate) struct Words<'w>(Vec<Searcher<'w>>);

/// A word's SIMD searcher and the set of its characters.
pub(crate) type Searcher<'w> = (memchr::memmem::Finder<'w>, CharSet);

impl<'w> Words<'w> {
    pub(crate) fn new(words: &[&'w str]) -> Self {
        Self(words.iter().map(|&word| (memchr::memmem::Finder::new(word), CharSet::of(word))).collect())
    }

    /// Each word's searcher and characters, in the order the words were given.
    pub(crate) fn searchers(&self) -> &[Searcher<'w>] {
        &self.0
    }

    /// The searchers of the words `text` (whose characters are `chars`) may hold.
    fn candidates<'s>(&'s self, chars: &'s CharSet) -> impl Iterator<Item = &'s memchr::memmem::Finder<'w>> {
        self.0.iter().filter(|(_, needs)| chars.may_hold(needs)).map(|(finder, _)| finder)
    }

    /// Whether `text` contains any of the words. `chars` is the set of
    /// characters of `text`, or of a text `text` is part of.
    pub(crate) fn any_in(&self, text: &str, chars: &CharSet) -> bool {
        self.candidates(chars).any(|finder| finder.find(text.as_bytes()).is_some())
    }

    /// Every occurrence in `text` of each word, word by word (not in order
    /// of position), each word's occurrences not overlapping.
    pub(crate) fn occurrences<'t>(&'t self, text: &'t str, chars: &'t CharSet) -> impl Iterator<Item = usize> + 't {
        self.candidates(chars).flat_map(move |finder| finder.find_iter(text.as_bytes()))
    }

    /// The offset of the first occurrence in `text` of any of the words.
    pub(crate) fn find_in(&self, text: &str, chars: &CharSet) -> Option<usize> {
        self.candidates(chars).filter_map(|finder| finder.find(text.as_bytes())).min()
    }
}

/// The characters of a text, as a 256-bit set on the low byte of the code
/// point. A text holds a word only if its set holds the word's (no false
/// negatives); two characters may share a bit, so the converse is a guess
/// a search then settles. The ASCII characters are also kept apart, exactly:
/// a rule looking for ASCII marks skips a text without them unsearched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CharSet {
    low_bytes: [u64; 4],
    ascii: u128,
}

impl CharSet {
    /// Read off the UTF-8 bytes, as decoding every character of the prose was
    /// most of the cost: a character's low byte is its last byte's low six
    /// bits under the low two of the byte before (an ASCII character's, its
    /// byte). Agrees with inserting each character (a test checks).
    pub(crate) fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut set = Self::default();
        let mut i = 0;
        while let Some(&lead) = bytes.get(i) {
            if lead < 0x80 {
                set.insert_ascii(lead);
                i += 1;
                continue;
            }
            // Without branches: the lengths follow no pattern in prose that
            // mixes Chinese (three bytes) with Latin-1 or four-byte text.
            let width = 2 + usize::from(lead >= 0xE0) + usize::from(lead >= 0xF0);
            let (before, last) = (bytes[i + width - 2], bytes[i + width - 1]);
            set.insert_low((before & 0x03) << 6 | (last & 0x3F));
            i += width;
        }
        set
    }

    fn insert_ascii(&mut self, byte: u8) {
        self.insert_low(byte);
        self.ascii |= 1 << byte;
    }

    fn insert_low(&mut self, low: u8) {
        let (word, bit) = Self::bit(low);
        self.low_bytes[word] |= bit;
    }

    /// Where a low byte's bit is: its word and the bit in it.
    fn bit(low: u8) -> (usize, u64) {
        (usize::from(low / 64), 1 << (low % 64))
    }

    fn insert(&mut self, ch: char) {
        // `as u8` keeps the low byte of the code point.
        if ch.is_ascii() { self.insert_ascii(ch as u8) } else { self.insert_low(ch as u8) }
    }

    /// Whether `ch` may be in the text (no false negatives).
    fn may_contain(&self, ch: char) -> bool {
        // `as u8` keeps the low byte of the code point.
        let (word, bit) = Self::bit(ch as u8);
        self.low_bytes[word] & bit != 0
    }

    /// Whether a text with these characters may hold a word with `word`'s.
    pub(crate) fn may_hold(&self, word: &CharSet) -> bool {
        self.low_bytes.iter().zip(&word.low_bytes).all(|(text, word)| text & word == *word)
    }

    /// Whether the text holds any of the ASCII characters `marks`, exactly.
    pub(crate) fn has_any_ascii(&self, marks: &[u8]) -> bool {
        let wanted = marks.iter().filter(|mark| mark.is_ascii()).fold(0u128, |set, &mark| set | 1 << mark);
        self.ascii & wanted != 0
    }
}

/// `words!["行政复议", "行政诉讼"]`: a `&'static Words`, built on first use.
macro_rules! words {
    [$($word:literal),+ $(,)?] => {{
        static WORDS: std::sync::OnceLock<$crate::text::Words<'static>> = std::sync::OnceLock::new();
        WORDS.get_or_init(|| $crate::text::Words::new(&[$($word),+]))
    }};
}
pub(crate) use words;

/// Byte span of `len` bytes at `offset` inside a paragraph starting at `base`.
pub(crate) fn at(base: Span, offset: usize, len: usize) -> Span {
    Span::new(base.start + offset, base.start + offset + len)
}

/// The first characters of a set of words, as a [`CharSet`]: one pass over
/// a text, testing each character against it, finds every place a word may
/// start. Cheaper than a search per word when there are many words (a
/// lexicon, claim keywords).
#[derive(Clone, Copy, Default)]
pub(crate) struct FirstChars(CharSet);

impl FirstChars {
    pub(crate) fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut set = CharSet::default();
        words.into_iter().filter_map(|word| word.chars().next()).for_each(|ch| set.insert(ch));
        Self(set)
    }

    /// Whether a word may start with `ch` (false positives, no false negatives).
    pub(crate) fn may_start(&self, ch: char) -> bool {
        self.0.may_contain(ch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_s_characters_hold_every_word_in_it() {
        let seed = include_str!("../../../tests/seeds/002_bf81134e00d6a1b6.txt");
        let chars = CharSet::of(seed);
        let mut words = 0;
        for (i, _) in seed.char_indices().step_by(7) {
            for len in [1, 3, 6, 12] {
                let Some(word) = seed.get(i..i + len) else { continue };
                assert!(chars.may_hold(&CharSet::of(word)), "{word:?}");
                words += 1;
            }
        }
        assert!(words > 1000);
        // And it tells some words apart: 「件」 and 「何」 share no bit.
        let only = CharSet::of("件");
        assert!(!only.may_hold(&CharSet::of("何")));
        assert!(only.may_hold(&CharSet::of("件件")));
    }

    #[test]
    fn sets_read_off_bytes_are_sets_of_decoded_characters() {
        let seeds = [
            include_str!("../../../tests/seeds/000_88a8dc7d33e7281e.txt"),
            include_str!("../../../tests/seeds/002_bf81134e00d6a1b6.txt"),
        ];
        // The first and last characters of each UTF-8 length, and some
        // between, one by one and together.
        let edges = "\u{0}\u{7f}\u{80}é\u{7ff}\u{800}中，\u{ffff}\u{10000}𠀀\u{10ffff}";
        let texts = seeds.into_iter().flat_map(str::lines).chain(edges.split("")).chain([edges, ""]);
        for text in texts {
            let mut decoded = CharSet::default();
            text.chars().for_each(|ch| decoded.insert(ch));
            assert_eq!(CharSet::of(text), decoded, "{text:?}");
        }
    }

    #[test]
    fn ascii_characters_are_told_exactly() {
        // Each full-width or CJK character here shares its low byte with an
        // ASCII mark (，U+FF0C and U+000C, Ａ U+FF21 and !, 丨 U+4E28 and ();
        // the ASCII set must not take one for the other.
        let texts = ["", "中文", "，Ａ丨（）：；", "a,b", "数据(1)", "**二是**", "&nbsp;", "<br>", "\u{7f}\u{80}"];
        for text in texts {
            let chars = CharSet::of(text);
            for byte in 0..=0x7F_u8 {
                assert_eq!(chars.has_any_ascii(&[byte]), text.as_bytes().contains(&byte), "{text:?} {byte:#x}");
            }
            let marks = b",:;?!(";
            assert_eq!(chars.has_any_ascii(marks), text.bytes().any(|b| marks.contains(&b)), "{text:?}");
        }
        assert!(!CharSet::of("ab").has_any_ascii("é".as_bytes()), "not an ASCII mark");
    }
}
