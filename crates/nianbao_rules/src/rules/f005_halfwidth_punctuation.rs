use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds the ASCII marks , : ; ? ! ( ) used between Chinese characters, one
    /// diagnostic per paragraph. Marks inside numbers, times, URLs and e-mail
    /// addresses are not between Chinese characters and are left alone.
    ///
    /// ## Why is this bad
    /// Chinese text takes full-width punctuation (，：；？！（）). Half-width marks
    /// usually come from copying through a web page or another editor.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 2024年,本局持续推进政务公开(含依申请公开)工作。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 2024年，本局持续推进政务公开（含依申请公开）工作。
    /// ```
    ///
    /// ## Fix safety
    /// Safe: replaces each mark with its full-width form.
    ///
    /// ## Source
    /// GB/T 15834-2011《标点符号用法》.
    pub(crate) static RULE = {
        code: "F005",
        name: "halfwidth-punctuation",
        summary: "ASCII punctuation between Chinese characters",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::Safe,
        check: check,
    }
}

use nianbao_model::{Edit, Fix, Span};

use crate::text::{at, is_cjk};

fn full_width(ch: char) -> Option<char> {
    Some(match ch {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    // Buffers kept across paragraphs, so that each allocates once.
    let mut marks: Vec<usize> = Vec::new();
    let mut spans: Vec<(Span, char)> = Vec::new();
    for (base, text, chars) in ctx.prose() {
        // Most paragraphs of Chinese prose have none of the marks.
        if !chars.has_any_ascii(b",:;?!(") {
            continue;
        }
        // ASCII bytes never occur inside a multi-byte character: find the
        // marks by SIMD search, decode only their neighbours.
        let bytes = text.as_bytes();
        marks.clear();
        marks.extend(memchr::memchr3_iter(b',', b':', b';', bytes));
        marks.extend(memchr::memchr3_iter(b'?', b'!', b'(', bytes));
        if marks.is_empty() {
            continue;
        }
        marks.sort_unstable();
        let before = |i: usize| text[..i].chars().next_back();
        let after = |i: usize| text[i + 1..].chars().next();
        spans.clear();
        // Marks before `next` were inside a bracket pair already fixed.
        let mut next = 0;
        for &i in &marks {
            if i < next {
                continue;
            }
            match bytes[i] {
                b'(' => {
                    // A bracket pair is fixed together, or not at all.
                    let close = text[i + 1..].find(')').map(|p| i + 1 + p);
                    let chinese = after(i).is_some_and(is_cjk) || before(i).is_some_and(is_cjk);
                    if let Some(close) = close.filter(|_| chinese) {
                        spans.push((at(base, i, 1), '（'));
                        spans.push((at(base, close, 1), '）'));
                        next = close + 1;
                        continue;
                    }
                }
                b',' | b':' | b';' | b'?' | b'!' if before(i).is_some_and(is_cjk) && after(i).is_some_and(is_cjk) => {
                    spans.push((at(base, i, 1), full_width(bytes[i] as char).unwrap_or(bytes[i] as char)));
                }
                _ => {}
            }
        }
        let Some(&(first, _)) = spans.first() else { continue };
        let mut finding = Finding::new(
            first,
            match spans.len() {
                1 => "half-width punctuation between Chinese characters".to_string(),
                n => format!("{n} half-width punctuation marks between Chinese characters in this paragraph"),
            },
        )
        .label("half-width")
        .help("Chinese text takes full-width punctuation: ，：；？！（）");
        for &(span, _) in spans.iter().skip(1).take(9) {
            finding = finding.secondary_bare(span);
        }
        let edits = spans.iter().map(|&(span, to)| Edit::replace(span, to.to_string())).collect();
        out.push(finding.fix(Fix::safe("Use full-width punctuation", edits)));
    }
}
