//! Every text a rule writes is in both languages: each `t!` has an English and
//! a Chinese template with the same placeholders, the Chinese one written in
//! Chinese, and no rule builds a fix title outside `t!`. (`format!` already
//! refuses a named argument one side leaves unused; this also catches a
//! captured variable only one side names.) The same holds for every
//! `bilingual!` and `t!` of the crates that speak to the reader outside
//! findings: the parser's reasons and descriptions, the workspace's and the
//! command's messages.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The crates whose texts are scanned, beside this one.
const CRATES: [&str; 5] = ["nianbao_model", "nianbao_parser", "nianbao_rules", "nianbao_workspace", "nianbao_cli"];

/// Every source file of the crates that write texts.
fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for name in CRATES {
        walk(&crates.join(name).join("src"), &mut out);
    }
    out.sort();
    out
}

/// The string literal starting at `text[at]` (a `"`): its contents and the
/// offset after it.
fn literal(text: &str, at: usize) -> (String, usize) {
    let mut out = String::new();
    let mut chars = text[at + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, at + 1 + i + 1),
            '\\' => {
                if let Some((_, escaped)) = chars.next() {
                    out.push('\\');
                    out.push(escaped);
                }
            }
            c => out.push(c),
        }
    }
    panic!("unterminated literal at {at}");
}

/// The names of a template's placeholders: `{row}`, `{pct:.0}` → row, pct.
fn placeholders(template: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(after) = rest.strip_prefix('{') {
            rest = after;
            continue;
        }
        let close = rest.find('}').expect("a placeholder closes");
        let name = rest[..close].split(':').next().unwrap_or_default();
        names.insert(name.to_string());
        rest = &rest[close + 1..];
    }
    names
}

/// Each `t!` and `bilingual!` call of a file: (line, English, Chinese).
fn calls(text: &str) -> Vec<(usize, String, String)> {
    let mut out = calls_of(text, "t!(");
    out.extend(calls_of(text, "bilingual!("));
    out.sort();
    out
}

/// Each call of the macro `name` (「t!(」) in a file.
fn calls_of(text: &str, name: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        // `t!(` inside another identifier (`assert!(`, `print!(`) is not a call.
        if text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let line = text[..at].lines().count().max(1);
        let Some(first) = text[from..].find('"').map(|i| from + i) else { break };
        let (english, after) = literal(text, first);
        let second = after + text[after..].find('"').expect("a Chinese template follows the English one");
        let (chinese, after) = literal(text, second);
        from = after;
        out.push((line, english, chinese));
    }
    out
}

/// Words English may keep in a Chinese text: names of things.
const KEPT: [&str; 13] =
    ["nianbao", "PDF", "DOCX", "HTML", "Word", "WPS", "Markdown", "toml", "http", "zip", "OCR", "EOF", "UTF"];

/// A run of three or more Latin letters that is not a name kept in Chinese.
fn english_word(text: &str) -> Option<String> {
    let without_placeholders: String = {
        let mut out = String::new();
        let mut depth = 0;
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                c if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    without_placeholders
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|word| word.len() >= 3 && !KEPT.contains(word))
        .map(str::to_string)
}

#[test]
fn every_message_has_both_languages_with_the_same_placeholders() {
    let mut problems = Vec::new();
    let mut count = 0;
    for path in sources() {
        let text = std::fs::read_to_string(&path).unwrap();
        let crates = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let name = path.strip_prefix(crates).unwrap().display().to_string();
        if name.ends_with("nianbao_model/src/lang.rs") {
            continue; // the macros themselves, and their own tests
        }
        for (line, english, chinese) in calls(&text) {
            count += 1;
            if placeholders(&english) != placeholders(&chinese) {
                problems.push(format!("{name}:{line}: 「{english}」 and 「{chinese}」 name different placeholders"));
            }
            if let Some(word) = english_word(&chinese) {
                problems.push(format!("{name}:{line}: the Chinese 「{chinese}」 has the English word `{word}`"));
            }
            if english.is_empty() != chinese.is_empty() {
                problems.push(format!("{name}:{line}: one language is empty"));
            }
        }
        if name.contains("src/rules/") && (text.contains("Fix::safe(") || text.contains("Fix::unsafe_(")) {
            problems.push(format!("{name}: a fix title outside t! (use Finding::safe_fix / unsafe_fix)"));
        }
    }
    assert!(count > 200, "only {count} t! and bilingual! calls found: is the scan broken?");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scan_sees_a_mismatch() {
    let text = r#"let a = t!(lang, "{n} rows of {table}", "{table}有{m}行", n = 1);"#;
    let found = calls(text);
    assert_eq!(found.len(), 1);
    assert_ne!(placeholders(&found[0].1), placeholders(&found[0].2));
    let text = r#"Err(bilingual!("{part} is {size} bytes", "{part} 有{n}字节"))"#;
    let found = calls(text);
    assert_eq!(found.len(), 1);
    assert_ne!(placeholders(&found[0].1), placeholders(&found[0].2));
    assert_eq!(english_word("{row}一行 is missing"), Some("missing".to_string()));
    assert_eq!(english_word("请用 nianbao 检查 PDF 文件"), None);
}

/// The ```text blocks of a page, in order.
fn examples(docs: &str) -> Vec<&str> {
    docs.split("```text\n").skip(1).map(|block| block.split("```").next().unwrap_or_default()).collect()
}

/// Every rule's docs are in Chinese too, in the same sections, with the same
/// examples byte for byte (they are report text, tested through the English).
#[test]
fn every_rule_has_its_docs_in_chinese_with_the_same_examples() {
    let mut problems = Vec::new();
    for rule in nianbao_rules::RULES {
        let meta = &rule.meta;
        if meta.title.is_empty() || meta.summary_zh.is_empty() {
            problems.push(format!("{}: no Chinese title or summary", meta.code));
        }
        let docs_zh = nianbao_rules::docs::docs_zh(meta);
        for heading in ["## 检查内容", "## 为何有问题", "## 示例", "### ✗ 错误", "### ✓ 正确", "## 修正", "## 依据"]
        {
            if !docs_zh.contains(heading) {
                problems.push(format!("{}: the Chinese docs have no 「{heading}」", meta.code));
            }
        }
        if docs_zh.contains("{example") || examples(&docs_zh) != examples(&nianbao_rules::docs::rule_body(meta)) {
            problems.push(format!("{}: the Chinese docs' examples differ from the English ones", meta.code));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
