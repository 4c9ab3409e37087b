//! Pathological inputs complete, and their cost grows linearly: ten times the
//! input may cost at most ~25 times as long (a quadratic would cost ~100×).
//! Ratios of two runs in the same process, not absolute times, so the test
//! does not depend on the machine.

use std::time::{Duration, Instant};

use nianbao_rules::Config;

fn check_time(text: &str) -> Duration {
    let started = Instant::now();
    // As the CLI reads a text: a crawler's page is projected first.
    let (report, _) = nianbao_parser::parse_document(text);
    let diagnostics = nianbao_rules::check(&report, &Config::default());
    std::hint::black_box(diagnostics.len());
    started.elapsed()
}

/// The best of three, to keep scheduling noise out of the ratio.
fn best_time(text: &str) -> Duration {
    (0..3).map(|_| check_time(text)).min().unwrap()
}

fn assert_linear(name: &str, make: impl Fn(usize) -> String) {
    let small = best_time(&make(2_000));
    let large = best_time(&make(20_000));
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    assert!(ratio < 25.0, "{name}: 10× the input took {ratio:.1}× as long ({small:?} → {large:?})");
}

#[test]
fn repeated_headings_are_linear() {
    assert_linear("headings", |n| "六、其他需要报告的事项\n本年度未收取信息处理费。\n".repeat(n));
}

#[test]
fn many_table_rows_are_linear() {
    assert_linear("rows", |n| {
        "## 三、收到和处理政府信息公开申请情况\n\n".to_string()
            + &"| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n".repeat(n)
    });
}

#[test]
fn one_long_line_is_linear() {
    assert_linear("long line", |n| format!("一、总体情况\n{}\n", "本年度共收到申请5件，同比增长1件；".repeat(n)));
}

/// A crawler's page: the header block, then a one-line body.
fn crawler_page(body: &str) -> String {
    format!("标题: 某局2024年度政府信息公开工作年度报告\n==================== 正文 ====================\n{body}\n")
}

#[test]
fn crawler_pages_are_linear() {
    // Each 「申请人情况」 is tried as a table's start.
    assert_linear("table anchors", |n| crawler_page(&"申请人情况。".repeat(n)));
    // A run of numerals is asked at every character whether it opens an ordinal.
    assert_linear("numerals", |n| crawler_page(&"一".repeat(n * 10)));
    // Rows of long digit runs, each split by a bounded search.
    assert_linear("digit runs", |n| {
        crawler_page(&format!(
            "三、收到和处理政府信息公开申请情况申请人情况{}",
            "一、本年新收政府信息公开申请数量1234567891234567891234567".repeat(n / 10)
        ))
    });
}

#[test]
fn binary_and_broken_encodings_parse_without_panicking() {
    let mut noise = Vec::new();
    let mut state: u32 = 0x1234_5678;
    for _ in 0..200_000 {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        noise.push((state >> 24) as u8);
    }
    let inputs: Vec<Vec<u8>> = vec![
        noise,
        vec![0xff; 10_000],
        b"\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb".repeat(1_000), // valid UTF-8 cut mid-character below
        "一、总体情况\n本年度".encode_utf16().flat_map(u16::to_le_bytes).collect(), // UTF-16 without BOM
    ];
    for (index, mut bytes) in inputs.into_iter().enumerate() {
        if index == 2 {
            bytes.truncate(bytes.len() - 1);
        }
        let (text, report) = nianbao_parser::parse_bytes(&bytes);
        let diagnostics = nianbao_rules::check(&report, &Config::default());
        assert_eq!(report.source.len, text.len());
        for diagnostic in diagnostics {
            assert!(diagnostic.primary.span.end <= text.len(), "input {index}: span out of the text");
        }
    }
}
