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

/// A [`Text`] in `lang`, from its English and its Chinese with the same named
/// arguments: `t!(lang, "row {row} is missing", "缺少「{row}」一行", row = name)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $english:literal, $chinese:literal $(,)?) => {
        $crate::lang::Text::chosen(match $lang {
            $crate::lang::Lang::En => ::std::string::String::from($english),
            $crate::lang::Lang::Zh => ::std::string::String::from($chinese),
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
    }
}
