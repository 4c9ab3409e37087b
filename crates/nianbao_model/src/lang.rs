//! The language findings speak. Everyone who reads them is a Chinese civil
//! servant, so Chinese, as a careful 公文 reviewer writes it, is the default;
//! English is there on request (`--lang en`, `NIANBAO_LANG`, `lang` in
//! nianbao.toml, an editor's locale).
//!
//! Every text a rule writes for a reader is a [`Text`], and the only way to
//! write one is [`t!`](crate::t), which takes the English and the Chinese
//! side by side, with the same named placeholders:
//!
//! ```ignore
//! t!(ctx.lang(), "{table} is missing {n} rows", "{table}缺少{n}行", table = table.name(), n = run.len())
//! ```
//!
//! `format!` refuses a named argument one side does not use, and a test reads
//! every rule's source and fails when the two sides' placeholders differ.
//!
//! What is written before anyone knows the language — the parser's reason a
//! file cannot be read, its description of a column the template lacks — is
//! a [`Bilingual`], made only by [`bilingual!`](crate::bilingual) with the
//! same two sides, and picked by a [`Lang`] where it is shown:
//!
//! ```
//! use nianbao_model::{Lang, bilingual};
//!
//! let column = "小计";
//! let description = bilingual!("the template has no 「{column}」 column", "模板没有「{column}」一栏");
//! assert_eq!(description.pick(Lang::Zh), "模板没有「小计」一栏");
//! assert_eq!(description.pick(Lang::En), "the template has no 「小计」 column");
//! ```
//!
//! The language crate lives in the model, below the parser, so that the
//! parser can say both; the rules re-export it (`nianbao_rules::lang`).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A language findings are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language a locale or setting names: `en`, `en-US`, `en_GB.UTF-8`
    /// and `english` are English; `zh`, `zh-CN`, `zh_TW`, an empty locale
    /// and `C`/`POSIX` (a machine that names none) are Chinese. `None` for
    /// anything else, which the caller reports.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        let base = lower.split(['-', '_', '.', '@']).next().unwrap_or_default();
        match base {
            "en" | "english" => Some(Lang::En),
            "zh" | "chinese" | "cn" | "" | "c" | "posix" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// An editor's locale: English for `en*`, Chinese for anything else
    /// (`zh*`, no locale, or a language nianbao does not speak).
    pub fn of_locale(locale: Option<&str>) -> Lang {
        locale.and_then(Lang::parse).unwrap_or_default()
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Picks the text of this language.
    pub fn pick<T>(self, english: T, chinese: T) -> T {
        match self {
            Lang::Zh => chinese,
            Lang::En => english,
        }
    }
}

/// A text a reader reads, in the language the check was asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(String);

impl Text {
    /// What [`t!`](crate::t) made. Not for rules: they write both languages.
    #[doc(hidden)]
    pub fn chosen(text: String) -> Self {
        Self(text)
    }

    /// Words that read the same in both languages: a label quoted from the
    /// report (「社会组织」), a figure, a sum (「总计 6」).
    pub fn neutral(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A text in both languages, for a reader whose language is not known when
/// it is written (the parser's reasons and descriptions): pick one with
/// [`Bilingual::pick`] where it is shown. It has no `Display`, so that
/// nothing prints it without choosing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bilingual {
    en: Cow<'static, str>,
    zh: Cow<'static, str>,
}

impl Bilingual {
    /// What [`bilingual!`](crate::bilingual) made. Not for callers: they
    /// write both languages through the macro, which a test scans.
    #[doc(hidden)]
    pub const fn of(english: Cow<'static, str>, chinese: Cow<'static, str>) -> Self {
        Self { en: english, zh: chinese }
    }

    /// The text in `lang`.
    pub fn pick(&self, lang: Lang) -> &str {
        lang.pick(&self.en, &self.zh)
    }

    /// The text in `lang`, as a [`Text`] for a finding.
    pub fn text(&self, lang: Lang) -> Text {
        Text(self.pick(lang).to_string())
    }

    /// Each side written by `f` for its language, with [`t!`](crate::t):
    /// for words that differ by more than a template (the system's reason
    /// in English, a reviewer's in Chinese).
    pub fn each(f: impl Fn(Lang) -> Text) -> Self {
        Self { en: Cow::Owned(f(Lang::En).0), zh: Cow::Owned(f(Lang::Zh).0) }
    }

    /// Each side put by `f`, with [`t!`](crate::t), into a longer text of
    /// its language: 「{reason}; left unchanged」 around a reason.
    pub fn map(&self, f: impl Fn(Lang, &str) -> Text) -> Self {
        Self { en: Cow::Owned(f(Lang::En, &self.en).0), zh: Cow::Owned(f(Lang::Zh, &self.zh).0) }
    }
}

/// A [`Bilingual`] from its English and its Chinese with the same named
/// arguments: `bilingual!("no column 「{name}」", "没有「{name}」一栏", name = text)`.
/// The arguments are evaluated once for each language, so pass what is
/// cheap to evaluate twice (a reference, a number). A text that formats
/// nothing is borrowed, not copied.
#[macro_export]
macro_rules! bilingual {
    ($english:literal, $chinese:literal $(,)?) => {
        // Borrowed when the text names no variable (`format_args!` says so
        // at compile time), formatted when it captures one: 「{column}」.
        $crate::lang::Bilingual::of(
            ::std::format_args!($english)
                .as_str()
                .map_or_else(|| ::std::borrow::Cow::Owned(::std::format!($english)), ::std::borrow::Cow::Borrowed),
            ::std::format_args!($chinese)
                .as_str()
                .map_or_else(|| ::std::borrow::Cow::Owned(::std::format!($chinese)), ::std::borrow::Cow::Borrowed),
        )
    };
    ($english:literal, $chinese:literal, $($args:tt)+) => {
        $crate::lang::Bilingual::of(
            ::std::borrow::Cow::Owned(::std::format!($english, $($args)+)),
            ::std::borrow::Cow::Owned(::std::format!($chinese, $($args)+)),
        )
    };
}

/// A [`Text`] in `lang`, from its English and its Chinese with the same named
/// arguments: `t!(lang, "row {row} is missing", "缺少「{row}」一行", row = name)`.
#[macro_export]
macro_rules! t {
    // `format!` of a literal that names no variable is a copy of it; one
    // that captures a variable (「{why}」) is formatted.
    ($lang:expr, $english:literal, $chinese:literal $(,)?) => {
        $crate::lang::Text::chosen(match $lang {
            $crate::lang::Lang::En => ::std::format!($english),
            $crate::lang::Lang::Zh => ::std::format!($chinese),
        })
    };
    ($lang:expr, $english:literal, $chinese:literal, $($args:tt)+) => {
        $crate::lang::Text::chosen(match $lang {
            $crate::lang::Lang::En => ::std::format!($english, $($args)+),
            $crate::lang::Lang::Zh => ::std::format!($chinese, $($args)+),
        })
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_languages() {
        for (locale, lang) in [
            ("zh-CN", Some(Lang::Zh)),
            ("zh_TW.UTF-8", Some(Lang::Zh)),
            ("", Some(Lang::Zh)),
            ("C.UTF-8", Some(Lang::Zh)),
            ("en", Some(Lang::En)),
            ("en-US", Some(Lang::En)),
            ("EN_gb", Some(Lang::En)),
            ("fr", None),
        ] {
            assert_eq!(Lang::parse(locale), lang, "{locale}");
        }
        assert_eq!(Lang::of_locale(Some("fr-FR")), Lang::Zh);
        assert_eq!(Lang::of_locale(None), Lang::Zh);
    }

    #[test]
    fn both_sides_take_the_same_arguments() {
        let n = 2;
        let english = crate::t!(Lang::En, "{n} rows are missing", "缺少{n}行", n = n);
        let chinese = crate::t!(Lang::Zh, "{n} rows are missing", "缺少{n}行", n = n);
        assert_eq!((english.as_str(), chinese.as_str()), ("2 rows are missing", "缺少2行"));
        let captured = crate::t!(Lang::Zh, "{n} rows are missing", "缺少{n}行");
        assert_eq!(captured.as_str(), "缺少2行");
    }

    #[test]
    fn a_bilingual_text_keeps_both_and_is_picked_where_it_is_shown() {
        let n = 2;
        let both = crate::bilingual!("{n} pages", "{n}页", n = n);
        assert_eq!((both.pick(Lang::En), both.pick(Lang::Zh)), ("2 pages", "2页"));
        let fixed = crate::bilingual!("not a PDF file", "不是 PDF 文件");
        assert!(matches!(fixed.zh, Cow::Borrowed("不是 PDF 文件")));
        let captured = crate::bilingual!("{n} pages", "{n}页");
        assert_eq!(captured.pick(Lang::Zh), "2页");
        let around = fixed.map(|lang, reason| crate::t!(lang, "{reason}; left unchanged", "{reason}，未改动"));
        assert_eq!(around.text(Lang::Zh).as_str(), "不是 PDF 文件，未改动");
        let each = Bilingual::each(|lang| crate::t!(lang, "{n} files", "{n}个文件"));
        assert_eq!(each.pick(Lang::En), "2 files");
    }
}
