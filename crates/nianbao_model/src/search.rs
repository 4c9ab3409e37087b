//! Substring search for short needles in short texts: paragraphs, clauses,
//! headings. Shared by the parser and the rules, which search for fixed
//! Chinese words many times per report.

/// Whether `haystack` contains `needle`: a memchr for its last byte, then a
/// comparison. Cheaper than `str::contains(&str)` for the short CJK needles
/// of the rules and the parser, which would build a searcher on every call.
pub fn has(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// `haystack.find(needle)`, the same way as [`has`]: `str::find` sets up a
/// two-way searcher and `memmem::find` a SIMD one on every call, and either
/// costs more than the short paragraphs they would search. The last byte of
/// a CJK needle is a continuation byte, rarer in Chinese text than a lead
/// byte; and a byte match of UTF-8 in UTF-8 always falls on characters.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    find_all(haystack, needle).next()
}

/// Every non-overlapping `needle` in `haystack`, left to right, found as
/// [`find`] finds the first; nothing for an empty needle.
pub fn find_all<'h>(haystack: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
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
