//! Pathological inputs through the real binary: a 10 MB report, one 5 MB
//! line, 100 000 table rows, 50 000 repeated headings, binary data, invalid
//! UTF-8 and UTF-16 without a BOM. Each run ends with diagnostics or a clear
//! message naming the file (never a panic), and peak memory — read by
//! `/usr/bin/time` — stays within a fixed multiple of the input size.

use std::path::{Path, PathBuf};
use std::process::Command;

fn example() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/example-report.md")).unwrap()
}

/// The example report with section 五 grown to `size` bytes of prose.
fn big_report(size: usize) -> String {
    let example = example();
    let marker = "## 六、其他需要报告的事项";
    let (head, tail) = example.split_at(example.find(marker).unwrap());
    let paragraph = "一是信息发布水平需进一步提高，部分栏目信息更新不及时，本年度共收到申请5件；二是工作人员主动公开意识有待加强。\n\n";
    head.to_string() + &paragraph.repeat(size / paragraph.len()) + tail
}

/// Runs `nianbao check --format json FILE`: (exit code, stderr, peak RSS in KiB if measurable).
fn check(file: &Path) -> (i32, String, Option<u64>) {
    let binary = env!("CARGO_BIN_EXE_nianbao");
    let timed = Path::new("/usr/bin/time").exists();
    let mut command = if timed {
        let mut command = Command::new("/usr/bin/time");
        command.args(["-f", "peak-rss-kib %M", binary]);
        command
    } else {
        Command::new(binary)
    };
    let output = command.args(["check", "--format", "json"]).arg(file).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let peak = stderr.lines().find_map(|l| l.strip_prefix("peak-rss-kib ")).and_then(|kib| kib.trim().parse().ok());
    assert!(!stderr.contains("panicked"), "{}: {stderr}", file.display());
    (output.status.code().unwrap_or(-1), stderr, peak)
}

struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("nianbao-large-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn pathological_inputs_end_with_diagnostics_or_a_clear_message() {
    let scratch = Scratch::new("pathological");
    let rows = "## 三、收到和处理政府信息公开申请情况\n\n".to_string()
        + &"| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n".repeat(100_000);
    let mut noise = Vec::with_capacity(1 << 20);
    let mut state: u32 = 0x9e37_79b9;
    while noise.len() < 1 << 20 {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        noise.push((state >> 24) as u8);
    }
    let utf16: Vec<u8> = example().encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut invalid = example().into_bytes();
    invalid.extend_from_slice(&[0xff, 0xfe, 0xe4, 0xb8]);
    invalid.extend(example().into_bytes());
    // (file name, bytes, acceptable exit codes, message expected on stderr)
    type Case = (&'static str, Vec<u8>, &'static [i32], Option<&'static str>);
    let cases: Vec<Case> = vec![
        ("10mb.md", big_report(10_000_000).into_bytes(), &[0, 1], None),
        (
            "one-line.md",
            format!("一、总体情况\n{}\n", "本年度共收到申请5件，同比增长1件；".repeat(5_000_000 / 51)).into_bytes(),
            &[0, 1],
            None,
        ),
        ("rows.md", rows.into_bytes(), &[1], None),
        ("headings.md", "六、其他需要报告的事项\n本年度未收取信息处理费。\n".repeat(50_000).into_bytes(), &[1], None),
        ("binary.txt", noise, &[2], Some("不是文本文件")),
        ("invalid-utf8.md", invalid, &[0, 1], None),
        ("utf16-no-bom.txt", utf16, &[0, 1], None),
    ];
    for (name, bytes, codes, message) in cases {
        let size = bytes.len() as u64;
        let path = scratch.write(name, &bytes);
        let (code, stderr, peak) = check(&path);
        assert!(codes.contains(&code), "{name}: exit {code}\n{stderr}");
        if let Some(message) = message {
            assert!(stderr.contains(name) && stderr.contains(message), "{name}: {stderr}");
        }
        if let Some(kib) = peak {
            // Text, report and diagnostics: a multiple of the input, never its
            // square. The bound is set by the worst case, 50 000 repeated
            // headings: 100 000 findings at ~1.5 KB each for 3.5 MB of text.
            let limit = 64 * 1024 + 60 * size / 1024;
            assert!(kib <= limit, "{name}: peak RSS {kib} KiB for {size} bytes (limit {limit} KiB)");
        }
    }
}

#[test]
fn memory_grows_linearly_with_the_input() {
    let scratch = Scratch::new("linear");
    let peak = |size: usize| {
        let path = scratch.write(&format!("report-{size}.md"), big_report(size).as_bytes());
        check(&path).2
    };
    let (Some(small), Some(large)) = (peak(1_000_000), peak(10_000_000)) else {
        eprintln!("/usr/bin/time is not installed: memory not measured");
        return;
    };
    // 10× the input: well under 10× the memory (a fixed base is shared),
    // and nowhere near the 100× of a quadratic.
    assert!(large < 12 * small, "1 MB → {small} KiB, 10 MB → {large} KiB");
}
