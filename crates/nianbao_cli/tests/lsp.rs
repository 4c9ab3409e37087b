//! End-to-end tests of the real `nianbao lsp` process over stdio JSON-RPC.

#[path = "support/lsp_client.rs"]
mod lsp_client;

use std::path::Path;

use lsp_client::Server;
use serde_json::{Value, json};

fn start(capabilities: Value, options: Value) -> (Server, Value) {
    Server::start(Path::new(env!("CARGO_BIN_EXE_nianbao")), capabilities, options)
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

/// The structure (S) codes only: the seeds also have form (F) findings.
fn s_codes(diagnostics: &[Value]) -> Vec<&str> {
    codes(diagnostics).into_iter().filter(|c| c.starts_with('S')).collect()
}

fn utf16_len(text: &str) -> u64 {
    text.encode_utf16().count() as u64
}

/// Line and UTF-16 column of the first `needle` after `after`, computed here
/// independently of the server.
fn utf16_position(text: &str, after: &str, needle: &str) -> (u64, u64) {
    let from = text.find(after).unwrap();
    let at = from + text[from..].find(needle).unwrap();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (text[..at].matches('\n').count() as u64, utf16_len(&text[line_start..at]))
}

const SEED_002: &str = include_str!("../../../tests/seeds/002_bf81134e00d6a1b6.txt");

/// A small report: an astral character in a heading, a wrong row total.
const DRAFT: &str = "# 𠮷县某局2024年政府信息公开工作年度报告\n\n## 二、𠮷行政机关主动公开政府信息情况\n\n## 三、收到和处理政府信息公开申请情况\n\n| 一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 6 |\n";

#[test]
fn initialize_negotiates_encodings_and_announces_capabilities() {
    let (server, result) = start(json!({}), json!({}));
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["positionEncoding"], "utf-16");
    assert_eq!(capabilities["textDocumentSync"]["change"], 2, "incremental sync");
    for provider in
        ["hoverProvider", "inlayHintProvider", "documentSymbolProvider", "foldingRangeProvider", "codeActionProvider"]
    {
        assert!(!capabilities[provider].is_null(), "{provider}");
    }
    assert!(capabilities["diagnosticProvider"].is_null(), "no pull diagnostics for a client without them");
    server.stop();
    // A client that pulls but did not ask for pull mode still gets pushes only:
    // clients that get both show every finding twice.
    let (server, result) = start(json!({ "textDocument": { "diagnostic": {} } }), json!({}));
    assert!(result["capabilities"]["diagnosticProvider"].is_null());
    server.stop();
    let (server, result) = start(json!({ "general": { "positionEncodings": ["utf-32", "utf-16"] } }), json!({}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-32");
    server.stop();
}

#[test]
fn a_seed_gets_its_diagnostics_at_exact_utf16_ranges() {
    let (mut server, _) = start(json!({}), json!({}));
    let uri = "file:///reports/002.txt";
    server.open(uri, SEED_002);
    let diagnostics = server.diagnostics(uri, 1);
    assert_eq!(s_codes(&diagnostics), ["S005", "S008", "S008", "S008", "S007"]);
    let (line, col) = utf16_position(SEED_002, "商业企业\t科研机构", "社会组织");
    assert_eq!(line, 56);
    let social = diagnostics.iter().find(|d| d["code"] == "S008").unwrap();
    assert_eq!(social["range"]["start"], json!({ "line": line, "character": col }));
    assert_eq!(social["range"]["end"], json!({ "line": line, "character": col + 4 }));
    assert_eq!(social["severity"], 2);
    assert!(social["codeDescription"]["href"].as_str().unwrap().ends_with("/S008.md"));
    server.stop();
}

/// Findings speak the client's locale: Chinese for `zh-CN` (and for none),
/// English for `en`, in diagnostics and in hover.
#[test]
fn findings_speak_the_clients_locale() {
    for (locale, message, hover_words) in [
        (Some("zh-CN"), "标题「𠮷行政机关主动公开政府信息情况」与模板标题「主动公开政府信息情况」不一致", "不一致"),
        (None, "标题「𠮷行政机关主动公开政府信息情况」与模板标题「主动公开政府信息情况」不一致", "不一致"),
        (
            Some("en"),
            "heading 「𠮷行政机关主动公开政府信息情况」 is not the template's 「主动公开政府信息情况」",
            "is not the template's",
        ),
    ] {
        let binary = Path::new(env!("CARGO_BIN_EXE_nianbao"));
        let (mut server, _) = lsp_client::Server::start_in(binary, json!({}), json!({}), locale);
        let uri = "untitled:Untitled-1";
        server.open(uri, DRAFT);
        let diagnostics = server.diagnostics(uri, 1);
        let heading = diagnostics.iter().find(|d| d["code"] == "S005").unwrap();
        assert_eq!(heading["message"], message, "{locale:?}");
        let hover = server.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": heading["range"]["start"] }),
        );
        let shown = hover["contents"]["value"].as_str().unwrap();
        assert!(shown.contains(hover_words), "{locale:?}: {shown}");
        server.stop();
    }
}

#[test]
fn editing_a_total_by_typing_clears_the_error_and_features_follow() {
    let (mut server, _) = start(
        json!({ "general": { "positionEncodings": ["utf-16"] }, "textDocument": { "diagnostic": {} } }),
        json!({ "debounceMs": 30 }),
    );
    let uri = "untitled:Untitled-1";
    server.open(uri, DRAFT);
    let diagnostics = server.diagnostics(uri, 1);
    assert!(codes(&diagnostics).contains(&"T303"), "{diagnostics:?}");

    // The heading variant's range ends after 𠮷 counted as two UTF-16 units.
    let heading = diagnostics.iter().find(|d| d["code"] == "S005").unwrap();
    let line = "## 二、𠮷行政机关主动公开政府信息情况";
    assert_eq!(heading["range"]["end"]["character"], utf16_len(line));

    // Hover on a diagnostic shows its rule's docs.
    let hover = server.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": heading["range"]["start"] }),
    );
    let docs = hover["contents"]["value"].as_str().unwrap();
    assert!(docs.contains("# S005 heading-variant") && docs.contains("## 为何有问题"), "{docs}");

    // The row total, with every addend as related information.
    let total = diagnostics.iter().find(|d| d["code"] == "T303").unwrap();
    assert!(total["message"].as_str().unwrap().starts_with("总计 6 ≠ 自然人 4 + 商业企业 1"));
    assert_eq!(total["relatedInformation"].as_array().unwrap().len(), 6);
    let range = total["range"].clone();

    // Its quick fix, applied as the client would.
    let actions = server.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range, "context": { "diagnostics": [] } }),
    );
    let titles: Vec<&str> = actions.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.iter().any(|t| t.starts_with("将总计改为5")), "{titles:?}");
    assert!(titles.contains(&"本行不检查T303"), "{titles:?}");
    let fix =
        actions.as_array().unwrap().iter().find(|a| a["title"].as_str().unwrap().starts_with("将总计改为")).unwrap();
    let edit = &fix["edit"]["changes"][uri][0];
    assert_eq!(edit["range"], range);
    assert_eq!(edit["newText"], "5");

    // Type the fix as two keystrokes: delete the 6, then type 5.
    let delete = json!({ "range": range, "text": "" });
    server.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [delete] }),
    );
    let start = range["start"].clone();
    let insert = json!({ "range": { "start": start, "end": start }, "text": "5" });
    server.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 3 }, "contentChanges": [insert] }),
    );
    let diagnostics = server.diagnostics(uri, 3);
    assert!(!codes(&diagnostics).contains(&"T303"), "{diagnostics:?}");

    // Hover on the total shows the identity; the inlay shows the sum.
    let hover = server.request("textDocument/hover", json!({ "textDocument": { "uri": uri }, "position": start }));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("总计 5 = 自然人 4 + 商业企业 1 + 0 + 0 + 0 + 0 = 5` ✓"), "{text}");
    let hints = server.request(
        "textDocument/inlayHint",
        json!({ "textDocument": { "uri": uri }, "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 99, "character": 0 } } }),
    );
    assert_eq!(hints[0]["label"], "行Σ5");

    // The outline.
    let symbols = server.request("textDocument/documentSymbol", json!({ "textDocument": { "uri": uri } }));
    let names: Vec<&str> = symbols.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["二、𠮷行政机关主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]);
    assert_eq!(symbols[1]["children"][0]["name"], "表三");
    server.stop();
}

#[test]
fn pull_mode_serves_textdocument_diagnostic() {
    let (mut server, result) =
        start(json!({ "textDocument": { "diagnostic": {} } }), json!({ "diagnosticMode": "pull", "debounceMs": 0 }));
    assert_eq!(result["capabilities"]["diagnosticProvider"]["identifier"], "nianbao");
    let uri = "file:///reports/002.txt";
    server.open(uri, SEED_002);
    let pulled = server.request("textDocument/diagnostic", json!({ "textDocument": { "uri": uri } }));
    assert_eq!(pulled["kind"], "full");
    assert_eq!(s_codes(pulled["items"].as_array().unwrap()), ["S005", "S008", "S008", "S008", "S007"]);
    server.stop();
}

#[test]
fn other_markdown_gets_no_diagnostics_and_bad_edits_do_not_kill_the_server() {
    let (mut server, _) = start(json!({}), json!({ "debounceMs": 0 }));
    let uri = "file:///notes/README.md";
    server.open(uri, "# Notes\n\nNothing about annual reports.\n");
    assert!(server.diagnostics(uri, 1).is_empty());
    // A stale version and an edit far past the end: logged, not fatal.
    let far = json!({ "start": { "line": 999, "character": 0 }, "end": { "line": 999, "character": 5 } });
    server.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 1 }, "contentChanges": [{ "range": far, "text": "x" }] }),
    );
    server.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "range": far, "text": "\n一、总体情况\n" }] }));
    let diagnostics = server.diagnostics(uri, 2);
    assert!(codes(&diagnostics).contains(&"S001"), "now a report: {diagnostics:?}");
    let symbols = server.request("textDocument/documentSymbol", json!({ "textDocument": { "uri": uri } }));
    assert_eq!(symbols[0]["name"], "一、总体情况");
    server.stop();
}

/// A tiny deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Byte offset of a UTF-16 position, computed independently of the server.
fn utf16_offset(text: &str, line: usize, col: usize) -> usize {
    let line_start = text.split_inclusive('\n').take(line).map(str::len).sum::<usize>();
    let mut units = 0;
    for (i, ch) in text[line_start..].char_indices() {
        if units >= col || ch == '\n' || ch == '\r' {
            return line_start + i;
        }
        units += ch.len_utf16();
    }
    text.len()
}

/// A random valid UTF-16 position in `text` (lines split on \n only: the
/// generator never leaves a lone \r).
fn random_position(rng: &mut Rng, text: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.split('\n').collect();
    let line = rng.below(lines.len());
    let content = lines[line].trim_end_matches('\r');
    let boundaries: Vec<usize> = std::iter::once(0)
        .chain(content.chars().scan(0, |units, ch| {
            *units += ch.len_utf16();
            Some(*units)
        }))
        .collect();
    (line, boundaries[rng.below(boundaries.len())])
}

fn local_diagnostics(text: &str) -> Vec<(String, u64, u64)> {
    let report = nianbao_parser::parse(text);
    if !report.looks_like_report() {
        return Vec::new();
    }
    let index = nianbao_model::LineIndex::new(text);
    nianbao_rules::check(&report, &nianbao_rules::Config::default())
        .into_iter()
        .map(|d| {
            let at = index.line_col(text, d.primary.span.start, nianbao_model::ColumnEncoding::Utf16);
            (d.code, at.line as u64, at.col as u64)
        })
        .collect()
}

fn remote_diagnostics(server: &mut Server, uri: &str) -> Vec<(String, u64, u64)> {
    let pulled = server.request("textDocument/diagnostic", json!({ "textDocument": { "uri": uri } }));
    pulled["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let start = &d["range"]["start"];
            (
                d["code"].as_str().unwrap().to_string(),
                start["line"].as_u64().unwrap(),
                start["character"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn random_incremental_edits_match_a_string_and_a_full_relint() {
    const PIECES: &[&str] = &["", "0", "7", "𠮷", "表", "\n", "\r\n", " | 3 | ", "一、总体情况\n", "（七）总计", "😀"];
    let (mut server, _) =
        start(json!({ "textDocument": { "diagnostic": {} } }), json!({ "debounceMs": 5, "diagnosticMode": "pull" }));
    let uri = "file:///reports/example.md";
    let mut text = include_str!("../../../examples/example-report.md").to_string();
    server.open(uri, &text);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for version in 2..=300 {
        let (mut a, mut b) = (random_position(&mut rng, &text), random_position(&mut rng, &text));
        if b < a {
            std::mem::swap(&mut a, &mut b);
        }
        if rng.below(3) == 0 {
            b = a; // a pure insertion, as typing is
        }
        let piece = PIECES[rng.below(PIECES.len())];
        let (start, end) = (utf16_offset(&text, a.0, a.1), utf16_offset(&text, b.0, b.1));
        text.replace_range(start..end, piece);
        let range = json!({ "start": { "line": a.0, "character": a.1 }, "end": { "line": b.0, "character": b.1 } });
        server.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "range": range, "text": piece }] }),
        );
        if version % 60 == 0 || version == 300 {
            assert_eq!(remote_diagnostics(&mut server, uri), local_diagnostics(&text), "after version {version}");
        }
    }
    server.stop();
}

#[test]
fn configuration_files_and_editor_settings_apply_and_reload() {
    let dir = std::env::temp_dir().join(format!("nianbao-lsp-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("004.txt");
    let text = include_str!("../../../tests/seeds/004_fa9e582a0590cf1f.txt");
    std::fs::write(&report, text).unwrap();
    std::fs::write(dir.join("nianbao.toml"), "[rules]\nS011 = \"off\"\n").unwrap();
    let uri = format!("file://{}", report.display());

    let (mut server, _) = start(json!({}), json!({ "debounceMs": 0 }));
    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1, "text": text } }),
    );
    assert_eq!(s_codes(&server.diagnostics(&uri, 1)), ["S003"], "S011 is off in nianbao.toml");

    std::fs::write(dir.join("nianbao.toml"), "[rules]\nS011 = \"error\"\n").unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": format!("file://{}/nianbao.toml", dir.display()), "type": 2 }] }),
    );
    let reloaded = server.diagnostics(&uri, 1);
    let s011 = reloaded.iter().find(|d| d["code"] == "S011").expect("S011 after the reload");
    assert_eq!(s011["severity"], 1, "now an error");

    server.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "nianbao": { "rules": { "S003": "off" } } } }),
    );
    assert_eq!(s_codes(&server.diagnostics(&uri, 1)), ["S011"], "the editor turned S003 off");
    server.stop();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cross_document_diagnostics_point_into_last_years_report() {
    let folder =
        std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/years")).unwrap();
    let this_year = folder.join("2024-report.md");
    let uri = format!("file://{}", this_year.display());
    let text = std::fs::read_to_string(&this_year).unwrap();
    let (mut server, _) = start(json!({}), json!({ "debounceMs": 0 }));
    server.open(&uri, &text);
    let diagnostics = server.diagnostics(&uri, 1);
    let carry_over = diagnostics.iter().find(|d| d["code"] == "C001").expect("C001 against 2023-report.md");
    let last_year = format!("file://{}", folder.join("2023-report.md").display());
    let related = carry_over["relatedInformation"].as_array().unwrap();
    let in_last_year: Vec<&Value> = related.iter().filter(|r| r["location"]["uri"] == last_year.as_str()).collect();
    assert_eq!(in_last_year.len(), 2, "自然人 and 总计 of last year's 结转下年度: {related:?}");
    // Line 60 of 2023-report.md holds 四、结转下年度继续办理.
    assert_eq!(in_last_year[0]["location"]["range"]["start"]["line"], 59);
    server.stop();
}
