//! Reading a table cell's value.

use crate::lines::ends_are_clear;
use crate::normalize::fold_width;
use nianbao_model::CellValue;

/// Placeholders the template counts as 0 (and rule T203 reports).
const PLACEHOLDERS: &[&str] = &["/", "-", "--", "—", "——", "–", "―", "无", "不适用", "暂无", "\\", "×", "*", "空"];

/// The longest placeholder, 「不适用」, in bytes.
const MAX_PLACEHOLDER_BYTES: usize = 9;

/// Longer than any number with its note (「22（其中修订16件）」 is 26 bytes).
pub(crate) const MAX_CELL_BYTES: usize = 96;

/// Units that may follow a number in a cell, longest first where one
/// starts another (「万元」 before 「元」).
pub(crate) const UNITS: &[&str] = &["万元", "元", "件", "条", "个", "笔", "次", "项", "%"];

/// Reads a cell: `(value, note)`. The note is whatever follows the number:
/// 「22（其中修订16件）」 → (22, 「（其中修订16件）」).
pub(crate) fn parse_cell(raw: &str) -> (CellValue, Option<String>) {
    // Fast paths: most cells are plain ASCII digits, and prose is long text
    // that starts with no digit — neither needs normalising.
    let trimmed = trim(raw);
    if let Some(value) = ascii_integer(trimmed.as_bytes()) {
        return (CellValue::Integer(value), None);
    }
    let starts_like_number = trimmed
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '+' | '-' | '－' | '＋'));
    if trimmed.len() > MAX_CELL_BYTES || (!starts_like_number && trimmed.len() > MAX_PLACEHOLDER_BYTES) {
        return (CellValue::Text, None);
    }
    if (!starts_like_number && cannot_start_placeholder(trimmed)) || number_then_word(trimmed) {
        return (CellValue::Text, None);
    }
    parse_normalised(raw)
}

/// [`parse_cell`] the long way: width folded, spaces removed, then read.
/// The fast paths above must agree with it (a test checks they do).
fn parse_normalised(raw: &str) -> (CellValue, Option<String>) {
    let text: String = fold_width(raw).filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return (CellValue::Blank, None);
    }
    if PLACEHOLDERS.contains(&text.as_str()) {
        return (CellValue::Placeholder, None);
    }
    let Some((value, rest)) = leading_number(&text) else {
        return (CellValue::Text, None);
    };
    if rest.is_empty() {
        return (value, None);
    }
    let note_ok = rest.starts_with('(') || UNITS.iter().any(|unit| rest.starts_with(unit));
    if note_ok {
        // Keep the note as written (full-width brackets and all).
        let written = raw.trim();
        let note_start = written.char_indices().map(|(i, _)| i).find(|&i| {
            let tail: String = fold_width(&written[i..]).filter(|c| !c.is_whitespace()).collect();
            tail == rest
        });
        let note = note_start.map_or_else(|| rest.to_string(), |i| written[i..].trim().to_string());
        (value, Some(note))
    } else {
        (CellValue::Text, None)
    }
}

/// `raw.trim()`, without its two out-of-line Unicode scans when neither end
/// can be a space (see [`ends_are_clear`]): cells arrive trimmed.
fn trim(raw: &str) -> &str {
    if ends_are_clear(raw.as_bytes()) { raw } else { raw.trim() }
}

/// A cell of 1–18 ASCII digits (most cells), read without `str::parse`;
/// 18 digits cannot overflow an `i64`.
pub(crate) fn ascii_integer(bytes: &[u8]) -> Option<i64> {
    if bytes.is_empty() || bytes.len() > 18 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(bytes.iter().fold(0, |value, digit| value * 10 + i64::from(digit - b'0')))
}

/// Whether `trimmed` (not starting like a number) surely is no placeholder,
/// without normalising it: it starts with a CJK ideograph that no
/// placeholder starts with. Exact, because width folding and NFKC leave
/// U+4E00–U+9FFF unchanged and nothing composes with them. Short header
/// words (「自然人」「结果」) are most of the cells this rejects.
fn cannot_start_placeholder(trimmed: &str) -> bool {
    trimmed
        .chars()
        .next()
        .is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) && !matches!(c, '无' | '不' | '暂' | '空'))
}

/// 「1.属于国家秘密」「2024年」: ASCII digits, dots and commas, then an
/// ideograph that starts no unit: text. Exact, because folding leaves ASCII
/// and ideographs alone, so reading the number stops at that ideograph (or
/// at a dot or comma before it) and no unit or note follows.
fn number_then_word(trimmed: &str) -> bool {
    let bytes = trimmed.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let end = bytes.iter().position(|b| !(b.is_ascii_digit() || matches!(b, b'.' | b','))).unwrap_or(bytes.len());
    trimmed[end..]
        .chars()
        .next()
        .is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) && !UNITS.iter().any(|unit| unit.starts_with(c)))
}

/// Whether a whitespace-separated word reads as a value (number or placeholder).
pub(crate) fn is_value_word(word: &str) -> bool {
    is_value(parse_cell(word).0)
}

/// Whether a cell's value fills a value column: a number or a placeholder.
pub(crate) fn is_value(value: CellValue) -> bool {
    matches!(value, CellValue::Integer(_) | CellValue::Decimal(_) | CellValue::Placeholder)
}

/// A number at the start of `text` (already NFKC, no spaces): sign, digits with
/// optional thousands separators, optional fraction. Returns it and the rest.
fn leading_number(text: &str) -> Option<(CellValue, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = matches!(bytes.first(), Some(b'-' | b'+'));
    if negative {
        i += 1;
    }
    let digits_start = i;
    let mut digits = String::new();
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => digits.push(bytes[i] as char),
            // A thousands separator only between digit groups of three.
            b',' if !digits.is_empty()
                && bytes.len() >= i + 4
                && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit()) => {}
            _ => break,
        }
        i += 1;
    }
    if i == digits_start || digits.is_empty() {
        return None;
    }
    let mut fraction = None;
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let start = i + 1;
        i = start;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        fraction = Some(&text[start..i]);
    }
    let sign = if bytes.first() == Some(&b'-') { "-" } else { "" };
    let value = match fraction {
        None => CellValue::Integer(format!("{sign}{digits}").parse().ok()?),
        Some(fraction) => CellValue::Decimal(format!("{sign}{digits}.{fraction}").parse().ok()?),
    };
    Some((value, &text[i..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_placeholders_and_notes() {
        assert_eq!(parse_cell("3"), (CellValue::Integer(3), None));
        assert_eq!(parse_cell(" １２ "), (CellValue::Integer(12), None));
        assert_eq!(parse_cell("1,234"), (CellValue::Integer(1234), None));
        assert_eq!(parse_cell("670.5862"), (CellValue::Decimal(670.5862), None));
        assert_eq!(parse_cell("-1"), (CellValue::Integer(-1), None));
        assert_eq!(parse_cell(""), (CellValue::Blank, None));
        assert_eq!(parse_cell("—"), (CellValue::Placeholder, None));
        assert_eq!(parse_cell("无"), (CellValue::Placeholder, None));
        assert_eq!(parse_cell("22（其中修订16件）"), (CellValue::Integer(22), Some("（其中修订16件）".to_string())));
        assert_eq!(parse_cell("5万元"), (CellValue::Integer(5), Some("万元".to_string())));
        assert_eq!(parse_cell("007"), (CellValue::Integer(7), None));
        assert_eq!(parse_cell("999999999999999999"), (CellValue::Integer(999_999_999_999_999_999), None));
        assert_eq!(parse_cell("\u{3000}12\u{00A0}"), (CellValue::Integer(12), None));
        assert_eq!(parse_cell(" 3 "), (CellValue::Integer(3), None));
    }

    #[test]
    fn labels_with_leading_digits_are_not_numbers() {
        assert_eq!(parse_cell("2.重复申请").0, CellValue::Text);
        assert_eq!(parse_cell("1、属于国家秘密").0, CellValue::Text);
        assert_eq!(parse_cell("2024年").0, CellValue::Text);
        assert_eq!(parse_cell("12345群众诉求").0, CellValue::Text);
        assert!(!is_value_word("结果"));
        assert!(is_value_word("0"));
    }

    #[test]
    fn fast_paths_agree_with_the_normalised_reading() {
        let cells = [
            "0",
            "12",
            "007",
            "1,234",
            "670.5862",
            "-1",
            "22（其中修订16件）",
            "5万元",
            "12件",
            "3元",
            "1.属于国家秘密",
            "1、属于",
            "2024年",
            "12345群众诉求",
            "2.重复申请",
            "1.5万元",
            "1,2件",
            "1.申请人",
            "1,属于",
            "3.",
            "4,",
            "自然人",
            "结果",
            "无",
            "暂无",
            "不适用",
            "空",
            "—",
            "/",
            "１２",
            "１.属于",
            "0个",
            "9项",
            "7条",
            "6次",
            "8%",
        ];
        for cell in cells {
            assert_eq!(parse_cell(cell), parse_normalised(cell), "{cell}");
        }
    }

    #[test]
    fn the_ideograph_fast_path_never_rejects_a_placeholder() {
        for placeholder in PLACEHOLDERS {
            assert!(!cannot_start_placeholder(placeholder), "{placeholder}");
            assert_eq!(parse_cell(placeholder).0, CellValue::Placeholder, "{placeholder}");
        }
        assert!(cannot_start_placeholder("自然人"));
        assert_eq!(parse_cell("无").0, CellValue::Placeholder);
        assert_eq!(parse_cell("暂 无").0, CellValue::Placeholder);
    }
}
