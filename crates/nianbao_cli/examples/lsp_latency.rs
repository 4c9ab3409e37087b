//! Keystroke → fresh diagnostics, measured against the real `nianbao lsp`
//! process with the debounce set to 0, on generated 10 KB, 100 KB and 1 MB
//! reports saved in a folder beside 40 other reports: p50 and p99 over 1 000
//! edits each. Then the server's peak memory holding 50 open reports.
//!
//! ```sh
//! cargo build --release -p nianbao_cli && cargo run --release -p nianbao_cli --example lsp_latency
//! ```

#[path = "../tests/support/lsp_client.rs"]
mod lsp_client;

use std::path::PathBuf;
use std::time::Instant;

use lsp_client::Server;
use serde_json::json;

/// The bundled example grown to `size` bytes with prose in section 五.
fn report_of_size(size: usize) -> String {
    let example = include_str!("../../../examples/example-report.md");
    let marker = "## 六、其他需要报告的事项";
    let (head, tail) = example.split_at(example.find(marker).unwrap());
    let paragraph = "一是信息发布水平需进一步提高，部分栏目信息更新不及时；二是工作人员主动公开意识有待加强，政务公开效果有待提升。\n\n";
    let mut text = head.to_string();
    while text.len() + tail.len() < size {
        text.push_str(paragraph);
    }
    text + tail
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let binary = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target/release/nianbao"));
    let edits = 1000;
    println!("keystroke → publishDiagnostics, debounce 0, {edits} edits each (ms)");
    println!("{:>8} {:>8} {:>8} {:>8}", "size", "p50", "p99", "max");
    for size in [10_000, 100_000, 1_000_000] {
        let (mut server, _) = Server::start(&binary, json!({}), json!({ "debounceMs": 0 }));
        // A real folder beside 40 other reports: last year's report is looked
        // for there (on open, not on every keystroke).
        let folder = std::env::temp_dir().join(format!("nianbao-latency-{}-{size}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        for i in 0..40 {
            std::fs::write(
                folder.join(format!("other-{i}.txt")),
                include_str!("../../../tests/seeds/002_bf81134e00d6a1b6.txt"),
            )
            .unwrap();
        }
        let text = report_of_size(size);
        let path = folder.join("report.md");
        std::fs::write(&path, &text).unwrap();
        let uri_string = format!("file://{}", path.display());
        let uri = uri_string.as_str();
        server.open(uri, &text);
        server.diagnostics(uri, 1);
        // Retype the (七)总计 total of 自然人 back and forth: the worst case,
        // every table identity is recomputed.
        let line = text[..text.find("| （七）总计 | 18").unwrap()].matches('\n').count();
        let mut samples = Vec::with_capacity(edits);
        for version in 2..(edits as i64 + 2) {
            let digit = if version % 2 == 0 { "9" } else { "8" };
            let range = json!({ "start": { "line": line, "character": 10 }, "end": { "line": line, "character": 11 } });
            let started = Instant::now();
            server.notify(
                "textDocument/didChange",
                json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "range": range, "text": digit }] }),
            );
            server.diagnostics(uri, version);
            samples.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        samples.sort_by(f64::total_cmp);
        println!(
            "{:>7}K {:>8.2} {:>8.2} {:>8.2}",
            size / 1000,
            percentile(&samples, 0.5),
            percentile(&samples, 0.99),
            samples[samples.len() - 1]
        );
        server.stop();
        std::fs::remove_dir_all(&folder).unwrap();
    }
    open_reports_memory(&binary, 50);
}

/// Peak RSS of the server after opening `count` reports (the seeds and the
/// example, in turn) and receiving diagnostics for each.
fn open_reports_memory(binary: &std::path::Path, count: usize) {
    let reports = [
        include_str!("../../../tests/seeds/000_88a8dc7d33e7281e.txt"),
        include_str!("../../../tests/seeds/001_0db4d1d337420631.txt"),
        include_str!("../../../tests/seeds/002_bf81134e00d6a1b6.txt"),
        include_str!("../../../tests/seeds/003_be94cdfbcf579bbe.txt"),
        include_str!("../../../tests/seeds/004_fa9e582a0590cf1f.txt"),
        include_str!("../../../examples/example-report.md"),
    ];
    let (mut server, _) = Server::start(binary, json!({}), json!({ "debounceMs": 0 }));
    let folder = std::env::temp_dir().join(format!("nianbao-memory-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let mut bytes = 0;
    for i in 0..count {
        let text = reports[i % reports.len()];
        bytes += text.len();
        let path = folder.join(format!("report-{i}.txt"));
        std::fs::write(&path, text).unwrap();
        let uri = format!("file://{}", path.display());
        server.open(&uri, text);
        server.diagnostics(&uri, 1);
    }
    let peak =
        server.peak_rss_kib().map_or_else(|| "unknown".to_string(), |kib| format!("{:.1} MiB", kib as f64 / 1024.0));
    println!("\nserver holding {count} open reports ({:.1} MB of text): peak RSS {peak}", bytes as f64 / 1e6);
    server.stop();
    std::fs::remove_dir_all(&folder).unwrap();
}
