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

use crate::text::{at, is_ideograph, paragraphs};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (base, text) in paragraphs(ctx.report) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut k = 0;
        'scan: while k < chars.len() {
            if !is_ideograph(chars[k].1) {
                k += 1;
                continue;
            }
            for n in (2..=8).rev() {
                // Cheap test first: a repeat starts with the same character n apart.
                if k + 2 * n > chars.len() || chars[k].1 != chars[k + n].1 {
                    continue;
                }
                let first = &chars[k..k + n];
                let second = &chars[k + n..k + 2 * n];
                let same = first.iter().zip(second).all(|(a, b)| a.1 == b.1);
                let words = first.iter().all(|c| is_ideograph(c.1));
                let varied = first.iter().any(|c| c.1 != first[0].1);
                if same && words && varied {
                    let start = first[0].0;
                    let end = chars.get(k + 2 * n).map_or(text.len(), |c| c.0);
                    let word_end = second[0].0;
                    let word = &text[start..word_end];
                    let repeat = at(base, word_end, end - word_end);
                    out.push(
                        Finding::new(at(base, start, end - start), format!("「{word}」 is written twice"))
                            .label("repeated word")
                            .help("remove one of them")
                            .fix(Fix::unsafe_(
                                format!("Remove the repeated 「{word}」"),
                                vec![Edit::replace(repeat, "")],
                            )),
                    );
                    k += 2 * n;
                    continue 'scan;
                }
            }
            k += 1;
        }
    }
}
