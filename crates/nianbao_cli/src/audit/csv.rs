//! The audit's rows as CSV: one line per report, then one per file that
//! could not be read. UTF-8 with a byte-order mark, which is how Excel and
//! WPS know the Chinese is UTF-8.

use super::data::Audit;

const HEADER: [&str; 18] = [
    "path",
    "agency",
    "level",
    "year",
    "published",
    "deadline",
    "on_time",
    "errors",
    "warnings",
    "infos",
    "new_documents",
    "received",
    "results_total",
    "review_total",
    "litigation_total",
    "codes",
    "unreadable",
    "first_finding",
];

pub fn render(audit: &Audit) -> String {
    let mut out = String::from("\u{feff}");
    line(&mut out, HEADER.iter().map(|h| h.to_string()));
    let number = |value: Option<f64>| value.map(nianbao_rules::format::show).unwrap_or_default();
    for row in &audit.reports {
        let mut codes: Vec<&str> = row.findings.iter().map(|f| f.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        let level = row.level.map(|level| format!("{level:?}").to_lowercase()).unwrap_or_default();
        let first = row.findings.first().map(|f| format!("{} {}", f.code, f.message)).unwrap_or_default();
        line(
            &mut out,
            [
                row.path.clone(),
                row.agency.clone().unwrap_or_default(),
                level,
                row.year.map(|y| y.to_string()).unwrap_or_default(),
                row.published.clone().unwrap_or_default(),
                row.deadline.clone().unwrap_or_default(),
                row.on_time.map(|ok| ok.to_string()).unwrap_or_default(),
                row.errors.to_string(),
                row.warnings.to_string(),
                row.infos.to_string(),
                number(row.figures.new_documents),
                number(row.figures.received),
                number(row.figures.results_total),
                number(row.figures.review_total),
                number(row.figures.litigation_total),
                codes.join(" "),
                String::new(),
                first,
            ],
        );
    }
    for file in &audit.unreadable {
        let mut fields = vec![String::new(); HEADER.len()];
        fields[0] = file.path.clone();
        fields[16] = file.reason.clone();
        line(&mut out, fields);
    }
    out
}

/// One record, each field quoted when it holds a comma, quote or line break (RFC 4180).
fn line(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_with_commas_quotes_and_breaks_are_quoted() {
        let mut out = String::new();
        super::line(&mut out, ["a".to_string(), "b,c".to_string(), "say \"x\"\n".to_string()]);
        assert_eq!(out, "a,\"b,c\",\"say \"\"x\"\"\n\"\r\n");
    }
}
