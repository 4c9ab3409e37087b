//! `nianbao serve` as a user starts it: it says where it listens, answers
//! `POST /api/check` with exactly what `nianbao check --format json` prints
//! for the same file, and stops cleanly on SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};

fn nianbao() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
}

/// One HTTP/1.1 request on a fresh connection; the response's status and body.
fn request(addr: &str, method: &str, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let status = std::str::from_utf8(&response[9..12]).unwrap().parse().unwrap();
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    let mut body = response[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    (status, body)
}

fn dechunk(mut chunked: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let line_end = chunked.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = usize::from_str_radix(std::str::from_utf8(&chunked[..line_end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return body;
        }
        body.extend_from_slice(&chunked[line_end + 2..line_end + 2 + size]);
        chunked = &chunked[line_end + 2 + size + 2..];
    }
}

#[cfg(unix)]
#[test]
fn serve_answers_as_check_does_and_stops_on_sigterm() {
    let mut server = nianbao()
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("nianbao serve starts");
    let mut stderr = BufReader::new(server.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).and_then(|rest| rest.split('/').next()).expect("the address").to_string();
    assert!(addr.starts_with("127.0.0.1:"), "{line}");

    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/seeds/002_bf81134e00d6a1b6.txt");
    let bytes = std::fs::read(&seed).unwrap();
    let (status, body) = request(&addr, "POST", "/api/check?filename=002.txt", &bytes);
    assert_eq!(status, 200);
    let mut check = nianbao()
        .args(["check", "--format", "json", "--stdin-filename", "002.txt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    check.stdin.take().unwrap().write_all(&bytes).unwrap();
    let printed = check.wait_with_output().unwrap().stdout;
    assert_eq!(String::from_utf8(body).unwrap(), String::from_utf8(printed).unwrap());

    let (status, body) = request(&addr, "GET", "/healthz", b"");
    assert_eq!((status, body.as_slice()), (200, b"ok".as_slice()));

    let killed = Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let exit = server.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("stopped"), "{rest}");
}
