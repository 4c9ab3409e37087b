//! Any text, projected from HTML by the fast tokenizer (or html5gum, where
//! the page leaves the fast one's subset) and by html5gum alone: the same
//! projection, text and source map, either way.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    assert!(nianbao_parser::html::tokenizers_agree(&page), "the tokenizers project {page:?} differently");
});
