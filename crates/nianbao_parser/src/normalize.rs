//! Label normalisation: the same label written in any width, spacing, bracket
//! or quote style compares equal.

use unicode_normalization::UnicodeNormalization;

/// Normalises a label for comparison: NFKC (full-width → half-width), no
/// whitespace or Markdown emphasis, one quote style, and 「1、」「1．」 → 「1.」.
pub fn normalize_label(text: &str) -> String {
    // One pass for the usual text, whose characters all fold simply (see
    // [`fold_width`]); at the first that does not, start again with NFKC.
    let mut out = String::with_capacity(text.len());
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

/// Appends one width-folded character of a label to its normalised form.
fn push_normalized(out: &mut String, ch: char) {
    match ch {
        c if c.is_whitespace() => {}
        '*' | '_' | '`' => {}
        '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」' | '『' | '』' => out.push('"'),
        '【' | '〔' => out.push('['),
        '】' | '〕' => out.push(']'),
        // NFKC leaves the ideographic full stop alone; 「1．」 became 「1.」 already.
        '、' if out.chars().last().is_some_and(|c| c.is_ascii_digit()) => out.push('.'),
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

    #[test]
    fn truncation_marks() {
        assert_eq!(strip_truncation("1.申请人无正当理由逾期....."), ("1.申请人无正当理由逾期", true));
        assert_eq!(strip_truncation("结果维持"), ("结果维持", false));
    }
}
