//! `--format github`: GitHub Actions workflow commands, one annotation per
//! diagnostic.

use nianbao_model::Severity;

use super::Checked;

/// Escapes a message (data) per the workflow-command rules.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value, which also may not contain `:` or `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(results: &[Checked]) -> String {
    let mut out = String::new();
    for result in results {
        let locator = result.locator();
        for diagnostic in &result.diagnostics {
            let command = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let location = locator.locate(diagnostic.primary.span);
            let title = nianbao_rules::lookup(&diagnostic.code)
                .map_or_else(|| diagnostic.code.clone(), |rule| format!("{} {}", rule.meta.code, rule.meta.name));
            let mut message = diagnostic.message.clone();
            if let Some(help) = &diagnostic.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let position = match &location.place {
                // A DOCX document has no lines: the place leads the message.
                Some(place) => {
                    message = format!("{place}: {message}");
                    String::new()
                }
                None => format!(
                    ",line={},col={},endLine={},endColumn={}",
                    location.start.line, location.start.column, location.end.line, location.end.column
                ),
            };
            out.push_str(&format!(
                "::{command} file={}{position},title={}::{}\n",
                escape_property(&result.display),
                escape_property(&title),
                escape_data(&message),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
