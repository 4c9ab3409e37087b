//! Editor settings (`initializationOptions`, `workspace/configuration`
//! section `nianbao`), layered on top of `nianbao.toml`:
//!
//! ```json
//! { "debounceMs": 150, "diagnosticMode": "push", "rules": { "S005": "off", "T303": "warning" } }
//! ```

use std::time::Duration;

use nianbao_model::Severity;
use nianbao_rules::Config;
use serde_json::Value;

/// The relint delay after a change unless the editor sets one.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub debounce: Duration,
    /// Per-rule overrides by code: `None` turns a rule off.
    pub rules: Vec<(&'static str, Option<Severity>)>,
    /// `"diagnosticMode": "pull"`: serve `textDocument/diagnostic` instead of
    /// pushing. Never both: clients that get both show every finding twice.
    pub pull_diagnostics: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self { debounce: DEFAULT_DEBOUNCE, rules: Vec::new(), pull_diagnostics: false }
    }
}

impl Settings {
    /// Reads settings, ignoring what it does not understand; returns the
    /// problems to log.
    pub fn from_json(value: &Value) -> (Settings, Vec<String>) {
        let mut settings = Settings::default();
        let mut problems = Vec::new();
        if let Some(ms) = value.get("debounceMs").and_then(Value::as_u64) {
            settings.debounce = Duration::from_millis(ms.min(10_000));
        }
        match value.get("diagnosticMode").and_then(Value::as_str) {
            Some("pull") => settings.pull_diagnostics = true,
            Some("push") | None => {}
            Some(other) => problems.push(format!("diagnosticMode: `{other}` is not \"push\" or \"pull\"")),
        }
        if let Some(rules) = value.get("rules").and_then(Value::as_object) {
            for (name, setting) in rules {
                let Some(rule) = nianbao_rules::lookup(name) else {
                    problems.push(format!("nianbao.rules: unknown rule `{name}`"));
                    continue;
                };
                match setting.as_str() {
                    Some("off") => settings.rules.push((rule.meta.code, None)),
                    Some(level) if Severity::parse(level).is_some() => {
                        settings.rules.push((rule.meta.code, Severity::parse(level)));
                    }
                    _ => problems
                        .push(format!("nianbao.rules.{name}: expected \"off\", \"info\", \"warning\" or \"error\"")),
                }
            }
        }
        (settings, problems)
    }

    /// `config` with the editor's rule overrides applied.
    pub fn apply(&self, mut config: Config) -> Config {
        for (code, severity) in &self.rules {
            config.rules.insert(code, *severity);
        }
        config
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_override_rules_and_debounce() {
        let (settings, problems) = Settings::from_json(
            &serde_json::json!({ "debounceMs": 0, "rules": { "S005": "off", "row-total": "info", "X1": "off" } }),
        );
        assert_eq!(settings.debounce, Duration::ZERO);
        assert_eq!(problems.len(), 1);
        let config = settings.apply(Config::default());
        assert_eq!(config.rules.get("S005"), Some(&None));
        assert_eq!(config.rules.get("T303"), Some(&Some(Severity::Info)));
    }
}
