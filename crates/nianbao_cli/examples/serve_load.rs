//! `nianbao serve` under load: 8 clients on 127.0.0.1 post a mix of reports
//! (a text report, an HTML page, a DOCX draft and a 12-page PDF) for a
//! bounded time, each on a fresh connection, as publishing systems would.
//! Prints, for each kind, the requests, the failed ones and the latency
//! percentiles; the throughput; and the server's resident memory before and
//! after (and its peak).
//!
//! ```sh
//! cargo build --release -p nianbao_cli && cargo run --release -p nianbao_cli --example serve_load -- [BINARY] [SECONDS] [PATH]
//! ```
//! PATH is `/api/check` (other systems' call, the default) or `/api/view`
//! (the page's: the check, the text and tables, and the fixed file).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CLIENTS: usize = 8;

/// The reports posted, in turn: (what, file name, path from the root).
const MIX: [(&str, &str, &str); 4] = [
    ("text report (8 KB)", "002.txt", "tests/seeds/002_bf81134e00d6a1b6.txt"),
    ("HTML page (11 KB)", "003.html", "tests/fixtures/html/003.html"),
    ("DOCX draft (5 KB)", "003.docx", "tests/fixtures/docx/003.docx"),
    ("12-page PDF", "example.pdf", "tests/fixtures/pdf/example-12-pages.pdf"),
];

/// One POST on a fresh connection; its status.
fn post(addr: &str, path: &str, name: &str, body: &[u8]) -> std::io::Result<u16> {
    let mut stream = TcpStream::connect(addr)?;
    let head = format!(
        "POST {path}?filename={name} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    std::str::from_utf8(response.get(9..12).unwrap_or_default())
        .ok()
        .and_then(|status| status.parse().ok())
        .ok_or_else(|| std::io::Error::other("no HTTP status"))
}

/// A line of `/proc/PID/status`, in KiB (`VmRSS`, `VmHWM`).
fn memory_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let binary = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| root.join("target/release/nianbao"));
    let seconds: u64 = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(30);
    let path = std::env::args().nth(3).unwrap_or_else(|| "/api/check".to_string());
    let bodies: Vec<Vec<u8>> = MIX.iter().map(|(_, _, path)| std::fs::read(root.join(path)).unwrap()).collect();

    let mut server = Command::new(&binary)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("nianbao serve starts");
    let mut said = BufReader::new(server.stderr.take().unwrap());
    let mut line = String::new();
    said.read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).and_then(|rest| rest.split('/').next()).expect("an address").to_string();
    // The server's log goes on being read, so that it never blocks on it.
    std::thread::spawn(move || std::io::copy(&mut said, &mut std::io::sink()));
    let pid = server.id();
    let rss_before = memory_kib(pid, "VmRSS:");

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let results: Vec<Vec<(usize, f64, bool)>> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..CLIENTS)
            .map(|client| {
                let (addr, bodies, path) = (&addr, &bodies, &path);
                scope.spawn(move || {
                    let mut done = Vec::new();
                    let mut turn = client;
                    while Instant::now() < deadline {
                        let kind = turn % MIX.len();
                        turn += 1;
                        let sent = Instant::now();
                        let ok = post(addr, path, MIX[kind].1, &bodies[kind]).is_ok_and(|status| status == 200);
                        done.push((kind, sent.elapsed().as_secs_f64() * 1e3, ok));
                    }
                    done
                })
            })
            .collect();
        threads.into_iter().map(|thread| thread.join().unwrap()).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let rss_after = memory_kib(pid, "VmRSS:");
    let rss_peak = memory_kib(pid, "VmHWM:");
    let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    let _ = server.wait();

    let all: Vec<&(usize, f64, bool)> = results.iter().flatten().collect();
    println!("{CLIENTS} clients, {seconds} s, POST {path} on 127.0.0.1 (ms)");
    println!("{:<20} {:>8} {:>7} {:>8} {:>8} {:>8}", "report", "requests", "failed", "p50", "p99", "max");
    for (kind, (what, _, _)) in MIX.iter().enumerate() {
        let mut times: Vec<f64> = all.iter().filter(|r| r.0 == kind).map(|r| r.1).collect();
        let failed = all.iter().filter(|r| r.0 == kind && !r.2).count();
        times.sort_by(f64::total_cmp);
        if times.is_empty() {
            continue;
        }
        println!(
            "{what:<20} {:>8} {failed:>7} {:>8.2} {:>8.2} {:>8.2}",
            times.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times[times.len() - 1]
        );
    }
    let failed = all.iter().filter(|r| !r.2).count();
    println!("{} requests, {failed} failed, {:.0} requests/s", all.len(), all.len() as f64 / elapsed);
    let mib = |kib: Option<u64>| kib.map_or_else(|| "?".to_string(), |kib| format!("{:.1} MiB", kib as f64 / 1024.0));
    println!("server RSS: {} before, {} after, {} peak", mib(rss_before), mib(rss_after), mib(rss_peak));
}
