use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds a word of 2–8 Chinese characters repeated immediately: 「工作工作」,
    /// 「资金资金」.
    ///
    /// ## Why is this bad
    /// It is almost always a slip of editing, and it reads as carelessness in an
    /// official document.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 汇报了工业和信息化工作工作和建议提案办理情况。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 汇报了工业和信息化工作和建议提案办理情况。
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: some reduplications are meant (「研究研究」); a person decides.
    ///
    /// ## Source
    /// Seed 002 (「工业和信息化工作工作」).
    pub(crate) static RULE = {
        code: "F006",
        name: "duplicated-word",
        summary: "A word of 2 to 8 Chinese characters is written twice in a row",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::Unsafe,
        check: check,
    }
}

use nianbao_model::{Edit, Fix};

use crate::text::{at, paragraphs};

/// Whether the three bytes at `i` start a BMP ideograph (U+4E00–U+9FFF).
fn ideograph_at(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i), Some(0xE4..=0xE9))
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (base, text) in paragraphs(ctx.report) {
        // Works on bytes: an ideograph is three bytes, so a repeated word of
        // n of them is 3n bytes equal to the 3n after them.
        let bytes = text.as_bytes();
        let mut i = 0;
        'scan: while i < bytes.len() {
            if !ideograph_at(bytes, i) {
                i += 1;
                continue;
            }
            for n in (2..=8).rev() {
                let len = 3 * n;
                // One byte first: a slice comparison here would call memcmp at every position.
                if i + 2 * len > bytes.len()
                    || bytes[i + 2] != bytes[i + len + 2]
                    || bytes[i..i + 3] != bytes[i + len..i + len + 3]
                {
                    continue;
                }
                let (first, second) = (&bytes[i..i + len], &bytes[i + len..i + 2 * len]);
                let words = (0..n).all(|j| ideograph_at(bytes, i + 3 * j));
                let varied = (1..n).any(|j| first[3 * j..3 * j + 3] != first[..3]);
                if first == second && words && varied {
                    let word = &text[i..i + len];
                    let repeat = at(base, i + len, len);
                    out.push(
                        Finding::new(at(base, i, 2 * len), format!("「{word}」 is written twice"))
                            .label("repeated word")
                            .help("remove one of them")
                            .fix(Fix::unsafe_(
                                format!("Remove the repeated 「{word}」"),
                                vec![Edit::replace(repeat, "")],
                            )),
                    );
                    i += 2 * len;
                    continue 'scan;
                }
            }
            i += 3;
        }
    }
}
