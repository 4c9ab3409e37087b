//! The language server's document store under arbitrary edit sequences:
//! positions anywhere (past line ends, past the end, inside surrogate pairs
//! and CRLFs), in every position encoding, with arbitrary inserted text. No
//! panic, and the rope stays the text an editor would have.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_lsp::document::{Document, Pos};
use nianbao_lsp::from_proto::Encoding;

fuzz_target!(|data: &[u8]| {
    let (head, mut rest) = data.split_at(data.len().min(64));
    let mut document = Document::new(&String::from_utf8_lossy(head), 1, "markdown".to_string());
    let mut version = 1;
    // Each edit: encoding, start line/col, end line/col, text length, text.
    while rest.len() >= 6 {
        let encoding = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32][rest[0] as usize % 3];
        let start = Pos { line: u32::from(rest[1] % 8), col: u32::from(rest[2]) };
        let end = Pos { line: u32::from(rest[3] % 8), col: u32::from(rest[4]) };
        let length = (rest[5] as usize % 16).min(rest.len() - 6);
        let text = String::from_utf8_lossy(&rest[6..6 + length]).into_owned();
        let range = if rest[0] & 0x80 == 0 { Some((start, end)) } else { None };
        // Versions sometimes go backwards: stale changes must be refused.
        version += if rest[1] & 0x40 == 0 { 1 } else { -1 };
        let _ = document.apply_changes(version, [(range, text.as_str())], encoding);
        rest = &rest[6 + length..];
    }
    let text = document.text();
    let (_, report) = (text.len(), nianbao_parser::parse(&text));
    let _ = nianbao_rules::check(&report, &nianbao_rules::Config::default());
});
