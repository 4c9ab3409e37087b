//! A minimal JSON-RPC client for `nianbao lsp`, shared by the end-to-end
//! tests and the latency benchmark (included with `#[path]`).

#![allow(dead_code)] // Each includer uses a different part.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub(crate) const TIMEOUT: Duration = Duration::from_secs(20);

pub(crate) struct Server {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    backlog: Vec<Value>,
    next_id: i64,
}

impl Server {
    /// Starts the server and runs `initialize`/`initialized`.
    pub(crate) fn start(binary: &Path, capabilities: Value, options: Value) -> (Server, Value) {
        Self::start_in(binary, capabilities, options, None)
    }

    /// [`Server::start`], the client naming its `locale`.
    pub(crate) fn start_in(
        binary: &Path,
        capabilities: Value,
        options: Value,
        locale: Option<&str>,
    ) -> (Server, Value) {
        let mut child = Command::new(binary)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("nianbao lsp starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = None;
                loop {
                    let mut header = String::new();
                    if stdout.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    let header = header.trim_end();
                    if header.is_empty() {
                        break;
                    }
                    // Anything but a header here means stdout carried something besides JSON-RPC.
                    let (name, value) = header.split_once(": ").expect("a JSON-RPC header");
                    if name.eq_ignore_ascii_case("Content-Length") {
                        length = value.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("Content-Length")];
                stdout.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).expect("a JSON body")).is_err() {
                    return;
                }
            }
        });
        let mut server = Server { child, stdin, incoming, backlog: Vec::new(), next_id: 1 };
        let result = server.request(
            "initialize",
            json!({
                "processId": null, "rootUri": null, "capabilities": capabilities,
                "initializationOptions": options, "locale": locale,
            }),
        );
        server.notify("initialized", json!({}));
        (server, result)
    }

    pub(crate) fn send(&mut self, message: Value) {
        let body = serde_json::to_vec(&message).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    pub(crate) fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    pub(crate) fn next(&mut self, deadline: Instant) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        let message = self.incoming.recv_timeout(left).expect("the server answers in time");
        // Answer the server's own requests (configuration, registration).
        if message.get("id").is_some() && message.get("method").is_some() {
            let result = if message["method"] == "workspace/configuration" { json!([null]) } else { Value::Null };
            self.send(json!({ "jsonrpc": "2.0", "id": message["id"], "result": result }));
        }
        message
    }

    pub(crate) fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self.next(deadline);
            if message["id"] == id && message.get("method").is_none() {
                assert!(message.get("error").is_none(), "{method} failed: {message}");
                return message["result"].clone();
            }
            self.backlog.push(message);
        }
    }

    /// The first `publishDiagnostics` for `uri` at `version`.
    pub(crate) fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        };
        if let Some(index) = self.backlog.iter().position(matches) {
            return self.backlog.remove(index)["params"]["diagnostics"].as_array().unwrap().clone();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self.next(deadline);
            if matches(&message) {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.backlog.push(message);
        }
    }

    pub(crate) fn open(&mut self, uri: &str, text: &str) {
        let document = json!({ "uri": uri, "languageId": "markdown", "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": document }));
    }

    /// The server's peak resident memory so far, in KiB (Linux: `VmHWM`).
    #[allow(dead_code)] // used by the lsp_latency example, not by the tests
    pub(crate) fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    pub(crate) fn stop(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit status {status}");
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the server did not exit");
    }
}
