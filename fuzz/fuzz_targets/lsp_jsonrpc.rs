//! `nianbao lsp`'s JSON-RPC handling: after a real `initialize`, arbitrary
//! bytes — framed as messages, or raw to exercise the framing — then `exit`.
//! No panic, and the server finishes (a hang is reported as a crash).
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn frame(body: &[u8]) -> Vec<u8> {
    let mut message = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    message.extend_from_slice(body);
    message
}

fuzz_target!(|data: &[u8]| {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let (mut client, server_input) = tokio::io::duplex(1 << 16);
        let (server_output, mut client_output) = tokio::io::duplex(1 << 16);
        let server = tokio::spawn(nianbao_lsp::serve(server_input, server_output));
        // Drain what the server says, so it never blocks on a full pipe.
        let drain = tokio::spawn(async move {
            let mut sink = Vec::new();
            let _ = client_output.read_to_end(&mut sink).await;
        });
        let mut input = frame(br#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#);
        input.extend(frame(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#));
        match data.split_first() {
            // Framed: each 0x00-separated piece is one message body.
            Some((mode, rest)) if mode % 2 == 0 => {
                for body in rest.split(|&b| b == 0) {
                    input.extend(frame(body));
                }
            }
            Some((_, rest)) => input.extend_from_slice(rest),
            None => {}
        }
        input.extend(frame(br#"{"jsonrpc":"2.0","id":99,"method":"shutdown"}"#));
        input.extend(frame(br#"{"jsonrpc":"2.0","method":"exit"}"#));
        let _ = client.write_all(&input).await;
        drop(client);
        let finished = tokio::time::timeout(Duration::from_secs(10), server).await;
        assert!(finished.is_ok(), "the server did not finish after its input ended");
        drain.abort();
    });
});
