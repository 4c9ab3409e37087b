//! What the language server does per keystroke on a 100 KB report (the
//! `lsp_latency` example's document), without the protocol: read it as
//! `parse_document` does, check it, index its lines. For profilers and for a
//! quick median: `cargo run --release -p tests --example profile_keystroke [ROUNDS] [SIZE]`.
use std::time::Instant;

fn report_of_size(size: usize) -> String {
    let example = include_str!("../../examples/example-report.md");
    let marker = "## 六、其他需要报告的事项";
    let (head, tail) = example.split_at(example.find(marker).unwrap());
    let paragraph = "一是信息发布水平需进一步提高，部分栏目信息更新不及时；二是工作人员主动公开意识有待加强，政务公开效果有待提升。\n\n";
    let mut text = head.to_string();
    while text.len() + tail.len() < size {
        text.push_str(paragraph);
    }
    text + tail
}

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(500);
    let size: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let text = report_of_size(size);
    let config = nianbao_rules::Config::default();
    let mut times = Vec::with_capacity(rounds);
    let mut findings = 0;
    let middle = text.char_indices().map(|(at, _)| at).find(|&at| at >= text.len() / 2).unwrap_or(0);
    for round in 0..rounds {
        // A keystroke: one character more each time, as typing does.
        let mut edited = text.clone();
        edited.insert_str(middle, if round % 2 == 0 { "的" } else { "，" });
        let start = Instant::now();
        let (report, _) = nianbao_parser::parse_document(&edited);
        findings += nianbao_rules::check(&report, &config).len();
        let index = nianbao_model::LineIndex::new(&edited);
        times.push(start.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(index);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{} bytes, {rounds} rounds: p50 {:.3} ms, p99 {:.3} ms ({findings} findings)",
        text.len(),
        times[rounds / 2],
        times[(rounds * 99) / 100]
    );
}
