//! Ordinals at the start of a line: 「一、」 (top), 「（一）」 (second), 「1.」 (third).

use nianbao_model::OrdinalLevel;

/// An ordinal found at the start of some text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FoundOrdinal {
    pub(crate) level: OrdinalLevel,
    pub(crate) value: u32,
    /// Byte length of the ordinal, including its punctuation.
    pub(crate) len: usize,
}

/// Reads the ordinal `text` starts with, if any.
pub(crate) fn leading_ordinal(text: &str) -> Option<FoundOrdinal> {
    top(text).or_else(|| second(text)).or_else(|| third(text))
}

fn top(text: &str) -> Option<FoundOrdinal> {
    let numeral_len = chinese_numeral_prefix(text);
    if numeral_len == 0 {
        return None;
    }
    let value = parse_chinese_numeral(&text[..numeral_len])?;
    let rest = &text[numeral_len..];
    let punct = rest.chars().next()?;
    if !matches!(punct, '、' | '．' | '.') {
        return None;
    }
    Some(FoundOrdinal { level: OrdinalLevel::Top, value, len: numeral_len + punct.len_utf8() })
}

fn second(text: &str) -> Option<FoundOrdinal> {
    let open = text.chars().next()?;
    if !matches!(open, '（' | '(') {
        return None;
    }
    let inner = &text[open.len_utf8()..];
    let inner_trimmed = inner.trim_start();
    let skipped = inner.len() - inner_trimmed.len();
    let numeral_len = chinese_numeral_prefix(inner_trimmed);
    if numeral_len == 0 {
        return None;
    }
    let value = parse_chinese_numeral(&inner_trimmed[..numeral_len])?;
    let after = &inner_trimmed[numeral_len..];
    let after_trimmed = after.trim_start();
    let close = after_trimmed.chars().next()?;
    if !matches!(close, '）' | ')') {
        return None;
    }
    let len = open.len_utf8() + skipped + numeral_len + (after.len() - after_trimmed.len()) + close.len_utf8();
    Some(FoundOrdinal { level: OrdinalLevel::Second, value, len })
}

fn third(text: &str) -> Option<FoundOrdinal> {
    let mut value: u32 = 0;
    let mut len = 0;
    for ch in text.chars() {
        let digit = match ch {
            '0'..='9' => ch as u32 - '0' as u32,
            '０'..='９' => ch as u32 - '０' as u32,
            _ => break,
        };
        value = value.checked_mul(10)?.checked_add(digit)?;
        len += ch.len_utf8();
        if len > 9 {
            return None;
        }
    }
    if len == 0 || value > 99 {
        return None;
    }
    let rest = &text[len..];
    let punct = rest.chars().next()?;
    if !matches!(punct, '.' | '．' | '、') {
        return None;
    }
    // 「1.5万」 is a number, not an ordinal.
    let after = &rest[punct.len_utf8()..];
    if after.chars().next().is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return None;
    }
    Some(FoundOrdinal { level: OrdinalLevel::Third, value, len: len + punct.len_utf8() })
}

fn chinese_numeral_prefix(text: &str) -> usize {
    // At most four characters: no ordinal has more (「二十一」), and a long
    // run of numerals must not be scanned whole at every one of its
    // characters (a crawler's page asks at each).
    text.char_indices()
        .take(4)
        .take_while(|(_, c)| matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'))
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0)
}

/// 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十一 → 21.
pub(crate) fn parse_chinese_numeral(text: &str) -> Option<u32> {
    const DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |c: char| DIGITS.iter().position(|&d| d == c).map(|i| i as u32 + 1);
    // At most three characters (「二十一」); read without collecting them.
    let mut chars = text.chars();
    let (first, second, third) = (chars.next()?, chars.next(), chars.next());
    if chars.next().is_some() {
        return None;
    }
    match (first, second, third) {
        ('十', None, None) => Some(10),
        (d, None, None) => digit(d),
        ('十', Some(d), None) => Some(10 + digit(d)?),
        (t, Some('十'), None) => Some(digit(t)? * 10),
        (t, Some('十'), Some(d)) => Some(digit(t)? * 10 + digit(d)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(OrdinalLevel, u32, &str)> {
        leading_ordinal(text).map(|o| (o.level, o.value, &text[o.len..]))
    }

    #[test]
    fn three_levels_in_both_widths() {
        assert_eq!(read("六、其他"), Some((OrdinalLevel::Top, 6, "其他")));
        assert_eq!(read("十二、附"), Some((OrdinalLevel::Top, 12, "附")));
        assert_eq!(read("（三）不予公开"), Some((OrdinalLevel::Second, 3, "不予公开")));
        assert_eq!(read("(二) 部分"), Some((OrdinalLevel::Second, 2, " 部分")));
        assert_eq!(read("1.属于"), Some((OrdinalLevel::Third, 1, "属于")));
        assert_eq!(read("２、重复"), Some((OrdinalLevel::Third, 2, "重复")));
    }

    #[test]
    fn numbers_and_prose_are_not_ordinals() {
        assert_eq!(read("2024年"), None);
        assert_eq!(read("2024、2025年"), None);
        assert_eq!(read("1.5万元"), None);
        assert_eq!(read("一是加强"), None);
        assert_eq!(read("（其中修订）"), None);
    }

    #[test]
    fn chinese_numerals_up_to_ninety_nine() {
        let read = |text| parse_chinese_numeral(text);
        assert_eq!(
            ["一", "九", "十", "十二", "二十", "二十一", "九十九"].map(read),
            [1, 9, 10, 12, 20, 21, 99].map(Some)
        );
        assert_eq!(["", "十十", "一二", "二十一一", "十一十"].map(read), [None; 5]);
    }
}
