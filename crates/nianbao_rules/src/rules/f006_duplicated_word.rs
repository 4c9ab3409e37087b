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

/// Whether the three bytes at `i` start a BMP ideograph (U+4E00–U+9FFF).
/// Code for a character that is not an ideograph: unique per position, so it
/// never equals another character and a repeated word is all ideographs.
const NOT_IDEOGRAPH: u32 = 0x8000_0000;

/// The longest repeated word looked for, in characters.
const MAX_CHARS: usize = 8;

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    // Works on code points: `codes[k]` is the k-th character (non-ideographs
    // made unique). A repeated word of n characters at k has codes[k] ==
    // codes[k + n]; a bitmask of those n over 2..=8 rejects almost every
    // position with a few comparisons, and only candidates are compared whole.
    // The buffer is sized once for the longest paragraph (a character is at
    // least a byte).
    let longest = paragraphs(ctx.report).map(|(_, text)| text.len()).max().unwrap_or(0);
    let mut codes: Vec<u32> = Vec::with_capacity(longest + MAX_CHARS + 1);
    for (base, text) in paragraphs(ctx.report) {
        codes.clear();
        codes.extend(
            text.chars().enumerate().map(|(k, ch)| if is_ideograph(ch) { ch as u32 } else { NOT_IDEOGRAPH | k as u32 }),
        );
        let len = codes.len();
        // Padding: the window after the last character compares with nothing.
        codes.extend((len..len + MAX_CHARS + 1).map(|k| NOT_IDEOGRAPH | k as u32));
        let mut k = 0;
        'scan: while k < len {
            let first = codes[k];
            if first & NOT_IDEOGRAPH != 0 {
                k += 1;
                continue;
            }
            // A fixed-size window, so that the comparisons compile to SIMD.
            let window: &[u32; MAX_CHARS - 1] = codes[k + 2..=k + MAX_CHARS].try_into().unwrap_or(&[NOT_IDEOGRAPH; 7]);
            let mask =
                window.iter().enumerate().fold(0u32, |mask, (j, &code)| mask | (u32::from(code == first) << (j + 2)));
            if mask == 0 {
                k += 1;
                continue;
            }
            for n in (2..=MAX_CHARS).rev() {
                if mask & (1 << n) == 0 || k + 2 * n > len {
                    continue;
                }
                let varied = codes[k + 1..k + n].iter().any(|&code| code != first);
                if varied && codes[k..k + n] == codes[k + n..k + 2 * n] {
                    // Byte offsets found again only for a finding, which is rare.
                    let offset = |k: usize| text.char_indices().nth(k).map_or(text.len(), |(i, _)| i);
                    let (start, middle, end) = (offset(k), offset(k + n), offset(k + 2 * n));
                    let word = &text[start..middle];
                    let repeat = at(base, middle, end - middle);
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
