//! Bytes → text: UTF-8 (BOM or not), UTF-16 (BOM, or detected by its NULs) and
//! GB18030/GBK, the encoding of many government sites and Windows files.
//! Never fails: undecodable bytes become U+FFFD and the report says so.

use nianbao_model::SourceInfo;

/// Decodes a report file.
pub fn decode(bytes: &[u8]) -> (String, SourceInfo) {
    let (text, encoding, had_bom, lossy) = decode_inner(bytes);
    let info = SourceInfo { encoding: encoding.to_string(), had_bom, lossy, len: text.len() };
    (text, info)
}

/// Decodes the first bytes of a file, which may end inside a character: as
/// [`decode`], without the cut character. (Cut, a UTF-8 head would not be
/// valid UTF-8 and a GBK head not valid GB18030; both would decode lossily.)
pub fn decode_prefix(bytes: &[u8]) -> (String, SourceInfo) {
    match simdutf8::compat::from_utf8(bytes) {
        Ok(_) => return decode(bytes),
        // Invalid only in its last, incomplete character.
        Err(error) if error.error_len().is_none() => return decode(&bytes[..error.valid_up_to()]),
        Err(_) => {}
    }
    let gb18030 =
        |bytes: &[u8]| encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes).is_some();
    if encoding_rs::Encoding::for_bom(bytes).is_none() && sniff_utf16(bytes).is_none() && !gb18030(bytes) {
        // A GB18030 character is at most four bytes.
        for cut in 1..=3.min(bytes.len()) {
            let whole = &bytes[..bytes.len() - cut];
            if gb18030(whole) {
                return decode(whole);
            }
        }
    }
    decode(bytes)
}

fn decode_inner(bytes: &[u8]) -> (String, &'static str, bool, bool) {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, lossy) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), encoding.name(), true, lossy);
    }
    // Before UTF-8: UTF-16 ASCII is valid UTF-8 too, NULs and all.
    if let Some(encoding) = sniff_utf16(bytes) {
        let (text, lossy) = encoding.decode_without_bom_handling(bytes);
        return (text.into_owned(), encoding.name(), false, lossy);
    }
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return (text.to_string(), "UTF-8", false, false);
    }
    if let Some(text) = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        return (text.into_owned(), "GB18030", false, false);
    }
    (String::from_utf8_lossy(bytes).into_owned(), "UTF-8", false, true)
}

/// UTF-16 without a BOM: Chinese text in UTF-16 has few NULs, but its ASCII
/// (digits, newlines, punctuation) has one in every pair; plain 8-bit text has
/// none. Looks for NULs concentrated on one parity.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    // Most files have no NUL at all (the counts below would be 0 and 0),
    // and a SIMD search says so at once.
    memchr::memchr(0, sample)?;
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
    }
    let pairs = sample.len() / 2;
    let threshold = pairs / 10 + 1;
    // Not `== 0` on the other parity: a CJK character whose low byte is 0
    // (一 is U+4E00) puts a NUL there too, about one character in 256.
    if odd >= threshold && even <= odd / 8 {
        Some(encoding_rs::UTF_16LE)
    } else if even >= threshold && odd <= even / 8 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let (text, info) = decode("\u{feff}一、总体情况".as_bytes());
        assert_eq!(text, "一、总体情况");
        assert!(info.had_bom);
        let (text, info) = decode("一、总体情况".as_bytes());
        assert_eq!((text.as_str(), info.encoding.as_str()), ("一、总体情况", "UTF-8"));
    }

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) = encoding_rs::GBK.encode("二、主动公开政府信息情况\r\n规章\t0");
        let (text, info) = decode(&bytes);
        assert_eq!(text, "二、主动公开政府信息情况\r\n规章\t0");
        assert_eq!(info.encoding, "GB18030");
        assert!(!info.lossy);
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("一、总体情况 2024".encode_utf16().flat_map(u16::to_le_bytes));
        // 一 (U+4E00) has a NUL low byte: a NUL on the other parity.
        let with_nul_low_byte: Vec<u8> =
            "一、总体情况\n1. 2024年\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&with_nul_low_byte).1.encoding, "UTF-16LE");
        assert_eq!(decode(&le).0, "一、总体情况 2024");
        let be: Vec<u8> = "2024年\n0\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let (text, info) = decode(&be);
        assert_eq!((text.as_str(), info.encoding.as_str()), ("2024年\n0\n", "UTF-16BE"));
    }

    #[test]
    fn a_prefix_cut_inside_a_character_leaves_it_out() {
        let text = "某某市统计局2023年政府信息公开工作年度报告";
        let utf8 = text.as_bytes();
        let (head, info) = decode_prefix(&utf8[..utf8.len() - 1]);
        assert_eq!((head.as_str(), info.lossy), (text.trim_end_matches('告'), false));
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let (head, info) = decode_prefix(&gbk[..gbk.len() - 1]);
        assert_eq!((head.as_str(), info.encoding.as_str()), (text.trim_end_matches('告'), "GB18030"));
        // Whole input decodes as by `decode`.
        assert_eq!(decode_prefix(utf8).0, text);
        assert_eq!(decode_prefix(&[0xff, 0xfe, 0xfd, b'a', 0x80]).0, decode(&[0xff, 0xfe, 0xfd, b'a', 0x80]).0);
    }

    #[test]
    fn garbage_is_replaced_not_rejected() {
        let (text, info) = decode(&[0xff, 0xfe, 0xfd, b'a', 0x80]);
        assert!(!text.is_empty());
        assert!(info.lossy || info.encoding != "UTF-8");
    }
}
