//! Label normalisation: the same label written in any width, spacing, bracket
//! or quote style compares equal.

use unicode_normalization::UnicodeNormalization;

/// Normalises a label for comparison: NFKC (full-width → half-width), no
/// whitespace or Markdown emphasis, one quote style, and 「1、」「1．」 → 「1.」.
pub fn normalize_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Labels are ASCII, CJK ideographs, CJK punctuation and full-width forms,
    // for which NFKC is the identity or the fixed full-width → ASCII shift.
    // Only other text pays for the real normaliser.
    let simple = text.chars().all(|c| {
        c.is_ascii()
            || ('\u{4E00}'..='\u{9FFF}').contains(&c)
            || ('\u{3000}'..='\u{3035}').contains(&c)
            || ('\u{2018}'..='\u{201D}').contains(&c)
            || ('\u{FF01}'..='\u{FF5E}').contains(&c)
    });
    let chars: Box<dyn Iterator<Item = char> + '_> = if simple {
        Box::new(text.chars().map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        }))
    } else {
        Box::new(text.nfkc())
    };
    for ch in chars {
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
    out
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
    }

    #[test]
    fn truncation_marks() {
        assert_eq!(strip_truncation("1.申请人无正当理由逾期....."), ("1.申请人无正当理由逾期", true));
        assert_eq!(strip_truncation("结果维持"), ("结果维持", false));
    }
}
