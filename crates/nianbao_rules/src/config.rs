//! `nianbao.toml`: which rules run at which severity, and facts about the
//! report that its text may not state.
//!
//! ```toml
//! docs-url = "https://example.org/nianbao/{code}"   # optional
//!
//! [rules]
//! S005 = "off"          # or "info", "warning", "error"; codes or names
//! row-total = "warning"
//!
//! [report]
//! level = "department"  # department | government (本级政府) | township (乡镇、街道)
//! year = 2024
//! agency = "某某市某某局"
//! publish-date = 2025-01-15
//! deadline = "01-28"   # a local deadline stricter than the law's
//!
//! [compare]             # other reports this one is checked against
//! previous = "../2023/report.txt"   # default: found beside the file (same agency, year − 1)
//! parts = ["towns/a.txt", "towns/b.txt"]   # a 本级政府 summary's parts (C004)
//! copy-threshold = 0.5  # prose similarity to last year's that counts as a copy (C003)
//!
//! [lexicon]             # wrong term = right term, added to the built-in list
//! "公开指南" = "政府信息公开指南"
//!
//! [lint]
//! paths = ["examples"]  # reports meant to be clean, for `cargo xtask lint`
//! ```
//!
//! Reading the file is the caller's business; this module parses its text and
//! walks paths, so the CLI and the language server resolve it the same way.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use nianbao_model::{Date, Severity};
use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::registry::{RuleMeta, lookup};

/// The configuration file's name.
pub const CONFIG_FILE_NAME: &str = "nianbao.toml";

/// Where rule docs live unless the configuration says otherwise.
pub const DEFAULT_DOCS_URL: &str = "https://github.com/nianbao/nianbao/blob/main/docs/rules/{code}.md";

/// A resolved configuration.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Per-rule overrides by code: `None` turns the rule off.
    pub rules: BTreeMap<&'static str, Option<Severity>>,
    pub report: ReportFacts,
    /// URL template with `{code}`.
    pub docs_url: Option<String>,
    /// `[lint] paths`: folders of reports meant to be clean, checked by
    /// `cargo xtask lint` when it is given no paths.
    pub lint_paths: Vec<String>,
    /// `[lexicon]`: wrong term → right term, added to the built-in lexicon (F007).
    pub lexicon: Vec<(String, String)>,
    pub compare: Compare,
    /// The folder of the `nianbao.toml` this came from, for its relative paths.
    pub base_dir: Option<PathBuf>,
    /// The language findings are written in, when chosen (`lang = "en"`,
    /// `--lang`, an editor's locale); see [`Config::lang`].
    pub lang: Option<Lang>,
}

/// `[compare]`: the reports this one is checked against (rules C001–C004).
#[derive(Clone, Debug, PartialEq)]
pub struct Compare {
    /// Last year's report; by default a report beside this one with the same
    /// agency and the year before.
    pub previous: Option<String>,
    /// The reports a 本级政府 summary adds up (C004).
    pub parts: Vec<String>,
    /// Prose similarity to last year's report above which C003 reports a copy.
    pub copy_threshold: f64,
}

impl Default for Compare {
    fn default() -> Self {
        Self { previous: None, parts: Vec::new(), copy_threshold: 0.5 }
    }
}

/// Facts about the report that configuration may state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportFacts {
    pub level: Option<Level>,
    pub year: Option<i32>,
    pub agency: Option<String>,
    pub publish_date: Option<Date>,
    /// A local publication deadline (month, day) stricter than the law's.
    pub deadline: Option<(u8, u8)>,
}

/// The reporting body's level, which sets its deadline and plausible content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A 县级以上人民政府部门: publishes by 1月31日.
    Department,
    /// The 本级政府 report: publishes by 3月31日.
    Government,
    /// A 乡镇人民政府 or 街道办事处: makes no 规章.
    Township,
}

/// A configuration file that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<String, String>,
    #[serde(default)]
    report: RawReport,
    docs_url: Option<String>,
    #[serde(default)]
    lint: RawLint,
    #[serde(default)]
    lexicon: BTreeMap<String, String>,
    #[serde(default)]
    compare: RawCompare,
    lang: Option<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCompare {
    previous: Option<String>,
    #[serde(default)]
    parts: Vec<String>,
    copy_threshold: Option<f64>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLint {
    #[serde(default)]
    paths: Vec<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawReport {
    level: Option<Level>,
    year: Option<i32>,
    agency: Option<String>,
    publish_date: Option<toml::Value>,
    deadline: Option<String>,
}

impl Config {
    /// Parses the text of a `nianbao.toml`.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig =
            toml::from_str(text).map_err(|error| ConfigError { message: error.to_string().trim_end().to_string() })?;
        let mut rules = BTreeMap::new();
        for (key, value) in raw.rules {
            let rule = lookup(&key).ok_or_else(|| ConfigError {
                message: format!("unknown rule `{key}` in [rules]; `nianbao rules` lists them"),
            })?;
            let setting = match value.as_str() {
                "off" => None,
                other => Some(Severity::parse(other).ok_or_else(|| ConfigError {
                    message: format!("rule `{key}`: `{other}` is not one of \"off\", \"info\", \"warning\", \"error\""),
                })?),
            };
            rules.insert(rule.meta.code, setting);
        }
        let lang = raw
            .lang
            .as_deref()
            .map(|text| {
                Lang::parse(text).ok_or_else(|| ConfigError {
                    message: format!("lang: `{text}` is neither \"zh\" (Chinese, the default) nor \"en\" (English)"),
                })
            })
            .transpose()?;
        let publish_date = raw.report.publish_date.map(parse_date).transpose()?;
        let deadline = raw.report.deadline.as_deref().map(parse_month_day).transpose()?;
        Ok(Config {
            rules,
            report: ReportFacts {
                level: raw.report.level,
                year: raw.report.year,
                agency: raw.report.agency,
                publish_date,
                deadline,
            },
            docs_url: raw.docs_url,
            lang,
            lint_paths: raw.lint.paths,
            lexicon: raw.lexicon.into_iter().collect(),
            compare: Compare {
                previous: raw.compare.previous,
                parts: raw.compare.parts,
                copy_threshold: match raw.compare.copy_threshold {
                    Some(t) if (0.0..=1.0).contains(&t) => t,
                    Some(t) => {
                        return Err(ConfigError {
                            message: format!("compare.copy-threshold: {t} is not between 0 and 1"),
                        });
                    }
                    None => 0.5,
                },
            },
            base_dir: None,
        })
    }

    /// The severity `rule` runs at, or `None` when it is off.
    pub fn severity(&self, rule: &RuleMeta) -> Option<Severity> {
        self.rules.get(rule.code).copied().unwrap_or(rule.default_severity)
    }

    /// The documentation URL of `rule`.
    /// The language findings are written in: the one chosen, else Chinese.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_default()
    }

    pub fn docs_url(&self, rule: &RuleMeta) -> String {
        self.docs_url.as_deref().unwrap_or(DEFAULT_DOCS_URL).replace("{code}", rule.code)
    }
}

fn parse_date(value: toml::Value) -> Result<Date, ConfigError> {
    let text = match value {
        toml::Value::String(text) => text,
        toml::Value::Datetime(datetime) => datetime.to_string(),
        other => format!("{other:?}"),
    };
    let parts: Vec<&str> = text.split('-').collect();
    let parsed = match parts[..] {
        [year, month, day] => year.parse().ok().zip(month.parse().ok()).zip(day.parse().ok()),
        _ => None,
    };
    match parsed {
        Some(((year, month), day)) if (1..=12).contains(&month) && (1..=31).contains(&day) => {
            Ok(Date { year, month, day })
        }
        _ => Err(ConfigError { message: format!("report.publish-date: `{text}` is not a date like 2025-01-15") }),
    }
}

/// 「01-28」 → (1, 28).
fn parse_month_day(text: &str) -> Result<(u8, u8), ConfigError> {
    let parsed = text.split_once('-').and_then(|(m, d)| Some((m.parse::<u8>().ok()?, d.parse::<u8>().ok()?)));
    match parsed {
        Some((month, day)) if (1..=12).contains(&month) && (1..=31).contains(&day) => Ok((month, day)),
        _ => Err(ConfigError { message: format!("report.deadline: `{text}` is not a month and day like 01-28") }),
    }
}

/// The `nianbao.toml` that applies to files in `dir`: the nearest one in `dir`
/// or its ancestors. `is_file` is the caller's file-system probe.
pub fn find_config_file(dir: &Path, is_file: impl Fn(&Path) -> bool) -> Option<PathBuf> {
    dir.ancestors().map(|ancestor| ancestor.join(CONFIG_FILE_NAME)).find(|candidate| is_file(candidate))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn rules_by_code_or_name_and_report_facts() {
        let config = Config::from_toml(
            "[rules]\nS005 = \"off\"\nrow-total = \"warning\"\n[report]\nlevel = \"government\"\npublish-date = 2025-01-15\n",
        )
        .unwrap();
        assert_eq!(config.rules.get("S005"), Some(&None));
        assert_eq!(config.rules.get("T303"), Some(&Some(Severity::Warning)));
        assert_eq!(config.report.level, Some(Level::Government));
        assert_eq!(config.report.publish_date, Some(Date { year: 2025, month: 1, day: 15 }));
    }

    #[test]
    fn lexicon_deadline_and_compare() {
        let config = Config::from_toml(
            "[report]\ndeadline = \"01-28\"\n[lexicon]\n\"公开指南\" = \"政府信息公开指南\"\n[compare]\nprevious = \"../2023.txt\"\nparts = [\"a.txt\"]\ncopy-threshold = 0.6\n",
        )
        .unwrap();
        assert_eq!(config.report.deadline, Some((1, 28)));
        assert_eq!(config.lexicon, [("公开指南".to_string(), "政府信息公开指南".to_string())]);
        assert_eq!(config.compare.previous.as_deref(), Some("../2023.txt"));
        assert_eq!(config.compare.parts, ["a.txt"]);
        assert!((config.compare.copy_threshold - 0.6).abs() < 1e-9);
        assert!(Config::from_toml("[compare]\ncopy-threshold = 2.0\n").is_err());
        assert!(Config::from_toml("[report]\ndeadline = \"Jan 28\"\n").is_err());
    }

    #[test]
    fn mistakes_are_named() {
        let error = Config::from_toml("[rules]\nX999 = \"off\"\n").unwrap_err();
        assert!(error.message.contains("unknown rule `X999`"), "{error}");
        let error = Config::from_toml("[rules]\nS005 = \"loud\"\n").unwrap_err();
        assert!(error.message.contains("`loud`"), "{error}");
        let error = Config::from_toml("[report]\nlevle = \"x\"\n").unwrap_err();
        assert!(error.message.contains("levle"), "{error}");
        let error = Config::from_toml("[report]\npublish-date = \"soon\"\n").unwrap_err();
        assert!(error.message.contains("soon"), "{error}");
    }

    #[test]
    fn discovery_walks_up() {
        let found = find_config_file(Path::new("/a/b/c"), |path| path == Path::new("/a/nianbao.toml"));
        assert_eq!(found, Some(PathBuf::from("/a/nianbao.toml")));
        assert_eq!(find_config_file(Path::new("/a/b"), |_| false), None);
    }

    #[test]
    fn lang_chooses_the_language_of_findings() {
        assert_eq!(Config::from_toml("").unwrap().lang(), Lang::Zh);
        assert_eq!(Config::from_toml("lang = \"en\"").unwrap().lang, Some(Lang::En));
        assert_eq!(Config::from_toml("lang = \"zh-CN\"").unwrap().lang, Some(Lang::Zh));
        let error = Config::from_toml("lang = \"fr\"").unwrap_err();
        assert!(error.message.contains("`fr`"), "{}", error.message);
    }
}
