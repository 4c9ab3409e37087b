//! `nianbao serve`'s check, export and the page's view on arbitrary bodies
//! and file names: the first line of the input is the name (its extension
//! picks the reader), the rest the body. No panic; an answer is JSON, and an error
//! says why.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_server::{Answer, checked_json};

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&byte| byte == b'\n').unwrap_or(data.len());
    let name = String::from_utf8_lossy(&data[..split.min(64)]).into_owned();
    let body = data.get(split + 1..).unwrap_or_default();
    let config = nianbao_rules::Config::default();
    for answer in [Answer::Check, Answer::Export, Answer::View] {
        match checked_json(&name, body, &config, answer) {
            Ok(json) => {
                serde_json::from_str::<serde_json::Value>(&json).expect("an answer is JSON");
            }
            Err(why) => assert!(!why.is_empty(), "an error says why"),
        }
    }
});
