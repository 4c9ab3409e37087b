//! `nianbao serve`'s check, export, the page's view, the fixed file and the
//! audit on arbitrary bodies and file names: the first line of the input is
//! the name (its extension picks the reader), the rest the body. No panic;
//! an answer is JSON, and an error says why.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_server::audit::{Sent, audit};
use nianbao_server::{Answer, checked_json, fixed_file};

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
    if let Err(why) = fixed_file(&name, body, &config) {
        assert!(!why.is_empty(), "an error says why");
    }
    // The file audited alone: read, or listed with why.
    let audited = audit(&[Sent { name, bytes: body.to_vec() }], &config);
    assert_eq!(audited.summary.files + audited.unreadable.len(), 1);
});
