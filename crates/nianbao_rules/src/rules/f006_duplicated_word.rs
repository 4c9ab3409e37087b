use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Finds a word of 2–8 Chinese characters repeated immediately: 「工作工作」,
    /// 「资金资金」. A short line with no punctuation and no number is not
    /// read: it is a table's header set out of its table (a converter from
    /// PDF writes 表四's 「结果维持 结果纠正」 headers as 「结果结果其他尚未」),
    /// not a sentence.
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
        title: "词语重复",
        summary: "A word of 2 to 8 Chinese characters is written twice in a row",
        summary_zh: "由2至8个汉字组成的词语连续写了两遍。",
        severity: Some(nianbao_model::Severity::Info),
        fix: FixKind::Unsafe,
        check: check,
        docs_zh: r#"## 检查内容
查找由2至8个汉字组成、紧接着重复写了两遍的词语，如「工作工作」「资金资金」。不含标点也不含数字的短行不检查：这类行是被转换工具移出表格的表头（从PDF转换时，表四的「结果维持」「结果纠正」等表头会被写成「结果结果其他尚未」），并不是句子。

## 为何有问题
这种重复几乎都是编辑时的疏漏，出现在公文中显得不严谨。

## 示例
{examples}

## 修正
须人工核对：有些叠词是有意为之（如「研究研究」），是否删除须由人判断。

## 依据
样本报告002（「工业和信息化工作工作」）。"#,
    }
}

use nianbao_model::Edit;

use crate::text::{at, is_header_fragment, is_ideograph, paragraphs};

/// Code for a character that is not an ideograph: unique per position, so it
/// never equals another character and a repeated word is all ideographs.
const NOT_IDEOGRAPH: u32 = 0x8000_0000;

/// The longest repeated word looked for, in characters.
const MAX_CHARS: usize = 8;

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    // Works on code points: `codes[k]` is the k-th character (non-ideographs
    // made unique). A repeated word of n characters at k has codes[k] ==
    // codes[k + n], so a character is seen again at most MAX_CHARS later.
    // One pass notes where that happens (see `Recent`), and only the
    // positions within reach before such a place are tried, in order; most
    // of a paragraph is none of them. The buffers are sized once for the
    // longest paragraph (a character is at least a byte).
    let longest = paragraphs(ctx.report).map(|(_, text)| text.len()).max().unwrap_or(0);
    let mut codes: Vec<u32> = Vec::with_capacity(longest + MAX_CHARS + 1);
    let mut again: Vec<usize> = Vec::new();
    let mut recent = Recent::new();
    let lang = ctx.lang();
    for (base, text) in paragraphs(ctx.report) {
        if is_header_fragment(text) {
            continue;
        }
        recent.read(text, &mut codes, &mut again);
        let len = codes.len();
        // Padding: the window after the last character compares with nothing.
        codes.extend((len..len + MAX_CHARS + 1).map(|k| NOT_IDEOGRAPH | k as u32));
        // Where the next position to try is: after a repeated word, the scan
        // goes on behind it.
        let mut next = 0;
        // A word repeated at k, n long, makes k + n a place seen again.
        for &i in &again {
            let mut k = next.max(i.saturating_sub(MAX_CHARS));
            while k + 2 <= i {
                let Some(n) = repeat_at(&codes, k, len) else {
                    k += 1;
                    continue;
                };
                // Byte offsets found again only for a finding, which is rare.
                let offset = |k: usize| text.char_indices().nth(k).map_or(text.len(), |(i, _)| i);
                let (start, middle, end) = (offset(k), offset(k + n), offset(k + 2 * n));
                let word = &text[start..middle];
                let repeat = at(base, middle, end - middle);
                let message = t!(lang, "「{word}」 is written twice", "「{word}」连续出现两次", word = word);
                let title = t!(lang, "Remove the repeated 「{word}」", "删除重复的「{word}」", word = word);
                out.push(
                    Finding::new(at(base, start, end - start), message)
                        .label(t!(lang, "repeated word", "重复的词语"))
                        .help(t!(lang, "remove one of them", "请删去其中一处"))
                        .unsafe_fix(title, vec![Edit::replace(repeat, "")]),
                );
                k += 2 * n;
            }
            next = next.max(k);
        }
    }
}

/// Where each ideograph was last seen, by a hash of its code, across the
/// paragraphs of a report: positions count on from one paragraph to the
/// next, so that an entry left by an earlier paragraph is out of reach.
/// Two characters may share an entry; that only makes a place look like a
/// repeat that is none, which the exact test then rejects.
struct Recent {
    last: Vec<usize>,
    /// Where the current paragraph's first character counts from.
    offset: usize,
}

impl Recent {
    // Small, as it is zeroed for every report: one of the MAX_CHARS
    // characters before shares a character's slot about 1 time in 64.
    const SLOTS: usize = 512;

    fn new() -> Self {
        // Entries of 0 are out of reach of the first paragraph too.
        Self { last: vec![0; Self::SLOTS], offset: MAX_CHARS + 1 }
    }

    /// The characters of `text` as codes, into `codes`, and the positions
    /// whose ideograph was seen at most `MAX_CHARS` before, in order, into
    /// `again`: one pass, as decoding is most of the cost.
    fn read(&mut self, text: &str, codes: &mut Vec<u32>, again: &mut Vec<usize>) {
        codes.clear();
        again.clear();
        for (k, ch) in text.chars().enumerate() {
            if !is_ideograph(ch) {
                codes.push(NOT_IDEOGRAPH | k as u32);
                continue;
            }
            codes.push(ch as u32);
            let slot = &mut self.last[ch as usize % Self::SLOTS];
            let position = self.offset + k;
            if position - *slot <= MAX_CHARS {
                again.push(k);
            }
            *slot = position;
        }
        self.offset += codes.len() + MAX_CHARS + 1;
    }
}

/// The length in characters of the word repeated at `k`, the longest first,
/// if any; `codes` holds `len` characters and at least `MAX_CHARS + 1` of
/// padding after them.
fn repeat_at(codes: &[u32], k: usize, len: usize) -> Option<usize> {
    let first = codes[k];
    if first & NOT_IDEOGRAPH != 0 {
        return None;
    }
    // A fixed-size window, so that the comparisons compile to SIMD.
    let window: &[u32; MAX_CHARS - 1] = codes[k + 2..=k + MAX_CHARS].try_into().unwrap_or(&[NOT_IDEOGRAPH; 7]);
    let mask = window.iter().enumerate().fold(0u32, |mask, (j, &code)| mask | (u32::from(code == first) << (j + 2)));
    if mask == 0 {
        return None;
    }
    (2..=MAX_CHARS).rev().find(|&n| {
        mask & (1 << n) != 0
            && k + 2 * n <= len
            && codes[k + 1..k + n].iter().any(|&code| code != first)
            && codes[k..k + n] == codes[k + n..k + 2 * n]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repeated words of `text` as (start, length) in characters, by
    /// trying every position in turn: what `check` must find.
    fn plain_scan(text: &str) -> Vec<(usize, usize)> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let repeated = (2..=MAX_CHARS).rev().find(|&n| {
                let (word, next) = (&chars[k..(k + n).min(chars.len())], chars.get(k + n..k + 2 * n));
                word.iter().all(|&ch| is_ideograph(ch)) && word.iter().any(|&ch| ch != word[0]) && next == Some(word)
            });
            match repeated {
                Some(n) => {
                    found.push((k, n));
                    k += 2 * n;
                }
                None => k += 1,
            }
        }
        found
    }

    fn found_by_check(texts: &[String]) -> Vec<Vec<(usize, usize)>> {
        let report = nianbao_parser::parse(&texts.join("\n"));
        let config = crate::Config::default();
        let related = crate::Related::default();
        let ctx = Context::new(&report, &config, &related);
        let mut findings = Vec::new();
        check(&ctx, &mut findings);
        let paragraphs: Vec<_> = paragraphs(&report).collect();
        let mut by_paragraph = vec![Vec::new(); paragraphs.len()];
        for finding in findings {
            let span = finding.primary.span;
            let (index, (base, text)) =
                paragraphs.iter().enumerate().find(|(_, (base, _))| base.contains(span)).unwrap();
            let chars = |byte: usize| text[..byte].chars().count();
            let (start, end) = (chars(span.start - base.start), chars(span.end - base.start));
            by_paragraph[index].push((start, (end - start) / 2));
        }
        by_paragraph
    }

    #[test]
    fn finds_what_trying_every_position_finds() {
        // 一 and 倀 share a slot of `Recent`; few characters make many repeats.
        let alphabet = ['一', '倀', '二', '，', '一', '倀', '二', 'a'];
        let mut seed = 12345u64;
        let mut texts = Vec::new();
        for _ in 0..400 {
            let len = 1 + (seed >> 33) as usize % 60;
            let text: String = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    alphabet[(seed >> 40) as usize % alphabet.len()]
                })
                .collect();
            texts.push(format!("另{text}"));
        }
        // Every length, each written twice on purpose among the random ones,
        // of different characters: each is seen again only a word later.
        for n in 2..=MAX_CHARS {
            let word: String = "甲乙丙丁戊己庚辛".chars().take(n).collect();
            texts.push(format!("另{}{word}{word}{}", texts[n], texts[n + 1]));
        }
        let expected: Vec<_> = texts.iter().map(|text| plain_scan(text)).collect();
        let repeats = expected.iter().flatten().count();
        assert!(repeats > 200, "{repeats} repeats: too few to test with");
        assert_eq!(found_by_check(&texts), expected);
    }
}
