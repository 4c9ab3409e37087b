//! Label normalisation: the same label written in any width, spacing, bracket
//! or quote style compares equal.

use unicode_normalization::UnicodeNormalization;

/// Normalises a label for comparison: NFKC (full-width → half-width), no
/// whitespace or Markdown emphasis, one quote style, and 「1、」「1．」 → 「1.」.
pub fn normalize_label(text: &str) -> String {
    // One pass for the usual text, whose characters all fold simply (see
    // [`fold_width`]); at the first that does not, start again with NFKC.
    // Labels are mostly CJK ideographs and ASCII, which the pass copies as
    // bytes: decoding and re-encoding each character was most of its cost.
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte < 0x80 {
            push_normalized(&mut out, byte as char);
            i += 1;
            continue;
        }
        // U+4E00–U+9FFF: E4 B8 80 – E9 BF BF. Not a space, quote or bracket.
        if (0xE5..=0xE9).contains(&byte) || (byte == 0xE4 && bytes.get(i + 1).is_some_and(|&b| b >= 0xB8)) {
            out.push_str(&text[i..i + 3]);
            i += 3;
            continue;
        }
        let Some(ch) = text[i..].chars().next() else { break };
        if !folds_simply(ch) {
            out.clear();
            text.nfkc().for_each(|ch| push_normalized(&mut out, ch));
            return out;
        }
        push_normalized(&mut out, fold_simple(ch));
        i += ch.len_utf8();
    }
    out
}

/// Appends one width-folded character of a label to its normalised form.
fn push_normalized(out: &mut String, ch: char) {
    match ch {
        c if c.is_whitespace() => {}
        '*' | '_' | '`' => {}
        '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」' | '『' | '』' => out.push('"'),
        '【' | '〔' => out.push('['),
        '】' | '〕' => out.push(']'),
        // NFKC leaves the ideographic full stop alone; 「1．」 became 「1.」 already.
        '、' if out.as_bytes().last().is_some_and(u8::is_ascii_digit) => out.push('.'),
        c => out.push(c),
    }
}

/// Whether NFKC of `ch` is the identity or the fixed full-width → ASCII shift.
fn folds_simply(ch: char) -> bool {
    ch.is_ascii()
        || ('\u{4E00}'..='\u{9FFF}').contains(&ch)
        || ('\u{3000}'..='\u{3035}').contains(&ch)
        || ('\u{2018}'..='\u{201D}').contains(&ch)
        || ('\u{FF01}'..='\u{FF5E}').contains(&ch)
}

/// NFKC of a character for which [`folds_simply`] holds.
fn fold_simple(ch: char) -> char {
    match ch {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch),
        '\u{3000}' => ' ',
        c => c,
    }
}

/// NFKC of `text`, cheaply for the text labels and cells are written in:
/// ASCII, CJK ideographs, CJK punctuation and full-width forms, for which
/// NFKC is the identity or the fixed full-width → ASCII shift. Only other
/// text pays for the real normaliser.
pub(crate) fn fold_width(text: &str) -> FoldWidth<'_> {
    if text.chars().all(folds_simply) { FoldWidth::Simple(text.chars()) } else { FoldWidth::Nfkc(text.nfkc()) }
}

/// The characters of [`fold_width`] (an enum, not a boxed iterator: this runs
/// for every cell and label, and should not allocate).
pub(crate) enum FoldWidth<'a> {
    Simple(std::str::Chars<'a>),
    Nfkc(unicode_normalization::Recompositions<std::str::Chars<'a>>),
}

impl Iterator for FoldWidth<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            FoldWidth::Simple(chars) => chars.next().map(fold_simple),
            FoldWidth::Nfkc(chars) => chars.next(),
        }
    }
}

/// Removes a trailing truncation mark (「.....」「……」), returning whether there was one.
pub(crate) fn strip_truncation(label: &str) -> (&str, bool) {
    let trimmed = label.trim_end_matches(['.', '…', '。']);
    let removed = label.len() - trimmed.len();
    // One trailing dot is punctuation, not truncation.
    if removed >= 2 || label.ends_with('…') { (trimmed, true) } else { (label, false) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_spacing_brackets_and_quotes_are_unified() {
        assert_eq!(normalize_label("（一） 予以公开"), normalize_label("(一)予以公开"));
        assert_eq!(normalize_label("结 果 维 持"), "结果维持");
        assert_eq!(normalize_label("3.危及“三安全一稳定”"), normalize_label("3、危及\"三安全一稳定\""));
        assert_eq!(normalize_label("１．属于国家秘密"), "1.属于国家秘密");
        assert_eq!(normalize_label("**二是**"), "二是");
        // The fast path agrees with NFKC on full-width forms.
        assert_eq!(normalize_label("（Ａ１）：，"), "(A1):,");
        assert_eq!(normalize_label("1．属于"), normalize_label("1.属于"));
        // A character outside the simple ranges sends the whole label through NFKC.
        assert_eq!(normalize_label("①（Ａ）"), "1(A)");
        assert_eq!(normalize_label("（Ａ）①"), "(A)1");
    }

    /// The character-by-character definition the byte-wise pass must match.
    fn normalize_by_chars(text: &str) -> String {
        let mut out = String::new();
        for ch in text.chars() {
            if !folds_simply(ch) {
                out.clear();
                text.nfkc().for_each(|ch| push_normalized(&mut out, ch));
                return out;
            }
            push_normalized(&mut out, fold_simple(ch));
        }
        out
    }

    #[test]
    fn byte_wise_pass_matches_the_definition() {
        let samples = [
            "（一）予以公开",
            "1、危及“三安全一稳定”",
            "㐀一丁\u{4dff}\u{4e00}\u{9fff}\u{a000}",
            "1、2、 3 、",
            "　全角　空格\t**粗体** `代码` _下划线_",
            "①（Ａ１）：，【〔〕】「」『』‘’",
            "e\u{301}",
            "",
        ];
        let lines: Vec<String> = crate::SEEDS
            .iter()
            .flat_map(|bytes| crate::decode(bytes).0.lines().map(str::to_string).collect::<Vec<_>>())
            .collect();
        assert!(lines.len() > 500);
        for text in samples.iter().copied().chain(lines.iter().map(String::as_str)) {
            assert_eq!(normalize_label(text), normalize_by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn truncation_marks() {
        assert_eq!(strip_truncation("1.申请人无正当理由逾期....."), ("1.申请人无正当理由逾期", true));
        assert_eq!(strip_truncation("结果维持"), ("结果维持", false));
    }
}
