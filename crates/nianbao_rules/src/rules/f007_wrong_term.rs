use crate::context::Context;
use crate::finding::Finding;
use crate::registry::{FixKind, declare_rule};
use crate::t;

declare_rule! {
    /// ## What it does
    /// Finds known mis-writings of fixed terms: 「效劳公开」 in the 五公开 list
    /// (决策、执行、管理、服务、结果公开), 「信息公开条列」 for 「信息公开条例」, and
    /// others from a built-in lexicon that `nianbao.toml` extends:
    ///
    /// ```toml
    /// [lexicon]
    /// "错误写法" = "正确写法"
    /// ```
    ///
    /// 「不公开是例外」 is reported only after 「为常态」 (「以公开为常态、不公开是
    /// 例外」): 「公开是常态、不公开是例外」 is a sound paraphrase.
    ///
    /// ## Why is this bad
    /// Fixed terms of policy documents are quoted verbatim; a wrong character
    /// changes the term (效劳 is not 服务) and is marked as an error.
    ///
    /// ## Example
    /// ### ✗ Incorrect
    /// ```text
    /// 一、总体情况
    /// 切实做到决策公开、执行公开、管理公开、效劳公开、结果公开“五公开”。
    /// ```
    /// ### ✓ Correct
    /// ```text
    /// 一、总体情况
    /// 切实做到决策公开、执行公开、管理公开、服务公开、结果公开“五公开”。
    /// ```
    ///
    /// ## Fix safety
    /// Safe: replaces the term with the lexicon's.
    ///
    /// ## Source
    /// 《关于全面推进政务公开工作的意见》(中办发〔2016〕8号, 五公开); seed 004.
    pub(crate) static RULE = {
        code: "F007",
        name: "wrong-term",
        title: "固定用语写错",
        summary: "A fixed term is mis-written",
        summary_zh: "固定用语写错，如将「服务公开」误写为「效劳公开」。",
        severity: Some(nianbao_model::Severity::Warning),
        fix: FixKind::Safe,
        check: check,
        docs_zh: r#"## 检查内容
查找固定用语的已知误写：「五公开」（决策、执行、管理、服务、结果公开）中的「效劳公开」，把「信息公开条例」写成「信息公开条列」，以及内置词库中的其他误写。词库可在`nianbao.toml`中补充：

```toml
[lexicon]
"错误写法" = "正确写法"
```

「不公开是例外」只在前面有「为常态」时报告（「以公开为常态、不公开是例外」）：「公开是常态、不公开是例外」是正确的说法。

## 为何有问题
政策文件中的固定用语须原文照引；写错一个字，用语就变了（「效劳」不等于「服务」），会被认定为差错。

## 示例
{examples}

## 修正
可自动修正：改为词库中的正确写法。

## 依据
《关于全面推进政务公开工作的意见》（中办发〔2016〕8号，「五公开」）；样本报告004。"#,
    }
}

use nianbao_model::Edit;

use crate::text::{CharSet, FirstChars, Searcher, Words, at};

/// Built-in lexicon: wrong → right.
const LEXICON: &[(&str, &str)] = &[
    ("效劳公开", "服务公开"),
    ("信息公开条列", "信息公开条例"),
    ("处理费管理方法", "处理费管理办法"),
    ("政府信息公开公作", "政府信息公开工作"),
    ("依申请公开公作", "依申请公开工作"),
    // Found in the real corpus (tests/fixtures/real/): what published
    // reports write for the terms they quote.
    ("信息公开处理费", "信息公开信息处理费"),
    ("不公开是例外", "不公开为例外"),
    ("不子公开", "不予公开"),
    ("政府信息公开工作条例", "政府信息公开条例"),
    ("三审三较", "三审三校"),
    ("节约化", "集约化"),
    ("显目位置", "显著位置"),
    ("残差不齐", "参差不齐"),
];

/// Built-in entries that are wrong only after a word: the entry, the word,
/// and within how many characters before the entry it must end. 「公开是常态、
/// 不公开是例外」 and 「公开是原则，不公开是例外」 are sound paraphrases (and
/// 「不公开为例外」 would not match them); after 「以公开为常态、」 the phrase is
/// the quoted 「公开为常态、不公开为例外」 mis-written.
const ONLY_AFTER: &[(&str, &str, usize)] = &[("不公开是例外", "为常态", 8)];

/// Whether the built-in entry `wrong` at `i` in `text` has the word it needs
/// before it, if it needs one.
fn in_its_context(text: &str, i: usize, wrong: &str) -> bool {
    let Some(&(_, before, within)) = ONLY_AFTER.iter().find(|(entry, _, _)| *entry == wrong) else { return true };
    let start = text[..i].char_indices().rev().nth(within - 1).map_or(0, |(j, _)| j);
    text[start..i].contains(before)
}

/// Up to this many entries, each is searched for with its own SIMD searcher;
/// beyond, one pass over the characters tests them all at once.
const SEARCHERS_UP_TO: usize = 16;

/// How the lexicon is looked for, by its size.
enum Search<'l> {
    /// Each entry's searcher, and its characters: an entry is searched
    /// for only in a paragraph that may hold it. The built-in entries'
    /// searchers are built once, not on every check.
    Searchers {
        builtin: &'static Words<'static>,
        user: Words<'l>,
    },
    Scan(FirstChars),
}

fn builtin_words() -> &'static Words<'static> {
    static WORDS: std::sync::OnceLock<Words<'static>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| Words::new(&LEXICON.iter().map(|&(wrong, _)| wrong).collect::<Vec<_>>()))
}

impl<'l> Search<'l> {
    /// For the built-in lexicon followed by `user`'s entries.
    fn for_lexicon(user: &[(&'l str, &str)]) -> Self {
        if LEXICON.len() + user.len() <= SEARCHERS_UP_TO {
            let user: Vec<&str> = user.iter().map(|&(wrong, _)| wrong).collect();
            Search::Searchers { builtin: builtin_words(), user: Words::new(&user) }
        } else {
            Search::Scan(FirstChars::of(LEXICON.iter().chain(user).map(|(wrong, _)| *wrong)))
        }
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let user: Vec<(&str, &str)> = ctx
        .config
        .lexicon
        .iter()
        .map(|(wrong, right)| (wrong.as_str(), right.as_str()))
        .filter(|(wrong, _)| !wrong.is_empty())
        .collect();
    let lexicon: Vec<(&str, &str)> = LEXICON.iter().copied().chain(user.iter().copied()).collect();
    let search = Search::for_lexicon(&user);
    let mut found: Vec<(usize, usize)> = Vec::new();
    let lang = ctx.lang();
    for (base, text, chars) in ctx.prose() {
        found.clear();
        match &search {
            Search::Searchers { builtin, user } => {
                occurrences_by_search(
                    text,
                    chars,
                    &lexicon,
                    builtin.searchers().iter().chain(user.searchers()),
                    &mut found,
                );
            }
            Search::Scan(first_chars) => occurrences_by_scan(text, &lexicon, *first_chars, &mut found),
        }
        for &(i, entry) in &found {
            let (wrong, right) = lexicon[entry];
            if entry < LEXICON.len() && !in_its_context(text, i, wrong) {
                continue;
            }
            let span = at(base, i, wrong.len());
            let message = t!(
                lang,
                "「{wrong}」 should be 「{right}」",
                "「{wrong}」应为「{right}」",
                wrong = wrong,
                right = right
            );
            let title = t!(lang, "Replace with 「{right}」", "改为「{right}」", right = right);
            out.push(
                Finding::new(span, message)
                    .label(t!(lang, "mis-written term", "写错的词语"))
                    .safe_fix(title, vec![Edit::replace(span, right)]),
            );
        }
    }
}

/// Every (offset, entry) where an entry occurs in `text`, by position, then
/// in lexicon order: one pass over the characters, trying only the entries
/// whose first character may start there.
fn occurrences_by_scan(text: &str, lexicon: &[(&str, &str)], first_chars: FirstChars, found: &mut Vec<(usize, usize)>) {
    for (i, ch) in text.char_indices() {
        if !first_chars.may_start(ch) {
            continue;
        }
        let rest = &text[i..];
        found.extend(lexicon.iter().enumerate().filter(|(_, (wrong, _))| rest.starts_with(wrong)).map(|(e, _)| (i, e)));
    }
}

/// The same as [`occurrences_by_scan`], with one SIMD search per entry.
/// Each search resumes one character after a match, so that overlapping
/// occurrences are found as the character scan finds them.
fn occurrences_by_search<'f>(
    text: &str,
    chars: &CharSet,
    lexicon: &[(&str, &str)],
    finders: impl Iterator<Item = &'f Searcher<'f>>,
    found: &mut Vec<(usize, usize)>,
) {
    for (entry, (finder, needs)) in finders.enumerate() {
        if !chars.may_hold(needs) {
            continue;
        }
        let step = lexicon[entry].0.chars().next().map_or(1, char::len_utf8);
        let mut from = 0;
        while let Some(at) = finder.find(&text.as_bytes()[from..]) {
            found.push((from + at, entry));
            from += at + step;
        }
    }
    found.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searching_finds_what_scanning_finds() {
        let mut lexicon: Vec<(&str, &str)> = vec![("aa", "a"), ("公作公", "工作"), ("公作", "工作"), ("开公", "x")];
        lexicon.extend_from_slice(LEXICON);
        let finders = Words::new(&lexicon.iter().map(|(wrong, _)| *wrong).collect::<Vec<_>>());
        let first_chars = FirstChars::of(lexicon.iter().map(|(wrong, _)| *wrong));
        let texts = ["aaaa", "公作公作公作", "效劳公开和效劳公开", "依申请公开公作和政府信息公开公作", "无", ""];
        let mut total = 0;
        for text in texts {
            let (mut scanned, mut searched) = (Vec::new(), Vec::new());
            occurrences_by_scan(text, &lexicon, first_chars, &mut scanned);
            occurrences_by_search(text, &CharSet::of(text), &lexicon, finders.searchers().iter(), &mut searched);
            assert_eq!(scanned, searched, "{text}");
            total += scanned.len();
        }
        // Overlaps included: 「aaaa」 has three 「aa」.
        assert!(total >= 15, "{total}");
    }

    #[test]
    fn not_an_exception_is_wrong_only_after_the_norm() {
        let at = |text: &str| in_its_context(text, text.find("不公开").unwrap(), "不公开是例外");
        assert!(at("按照“以公开为常态、不公开是例外”的要求"));
        assert!(!at("切实树立起“公开是常态、不公开是例外”的政府"));
        assert!(!at("坚持“公开是原则，不公开是例外”原则"));
        assert!(!at("不公开是例外"));
        assert!(in_its_context("效劳公开", 0, "效劳公开"));
    }
}
