//! The audit's rows as CSV: one line per file read, then one per file that
//! could not be read. Headers and values in Chinese, as a reviewer files
//! them; UTF-8 with a byte-order mark, which is how Excel and WPS know the
//! Chinese is UTF-8.

use super::{Audit, ReportRow};

const HEADER: [&str; 22] = [
    "文件",
    "机关",
    "层级",
    "年度",
    "发布日期",
    "截止日期",
    "截止依据",
    "是否按时",
    "逾期天数",
    "与之为同一报告的文件（按该文件计）",
    "错误",
    "警告",
    "提示",
    "新制发文件",
    "新收申请",
    "办理结果总计",
    "行政复议总计",
    "行政诉讼总计",
    "问题代码",
    "无法读取原因",
    "首要问题",
    "修改建议",
];

/// Where 「无法读取原因」 is.
const UNREADABLE: usize = 19;

pub fn render(audit: &Audit) -> String {
    let mut out = String::from("\u{feff}");
    line(&mut out, HEADER.iter().map(|h| h.to_string()));
    for row in &audit.reports {
        line(&mut out, fields(row));
    }
    for file in &audit.unreadable {
        let mut fields = vec![String::new(); HEADER.len()];
        fields[0] = file.path.clone();
        fields[UNREADABLE] = file.reason.clone();
        line(&mut out, fields);
    }
    out
}

fn fields(row: &ReportRow) -> [String; HEADER.len()] {
    let number = |value: Option<f64>| value.map(nianbao_rules::format::show).unwrap_or_default();
    let mut codes: Vec<&str> = row.findings.iter().map(|f| f.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    let level = match row.level {
        Some(nianbao_rules::Level::Department) => "部门",
        Some(nianbao_rules::Level::Government) => "本级政府",
        Some(nianbao_rules::Level::Township) => "乡镇/街道",
        None => "",
    };
    // The gravest finding first, as the page's row line.
    let first = row.findings.iter().min_by_key(|f| match f.severity {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    });
    [
        row.path.clone(),
        row.agency.clone().unwrap_or_default(),
        level.to_string(),
        row.year.map(|y| y.to_string()).unwrap_or_default(),
        row.published.clone().unwrap_or_default(),
        row.deadline.clone().unwrap_or_default(),
        row.deadline_basis.clone().unwrap_or_default(),
        row.on_time.map(|ok| if ok { "是" } else { "否" }.to_string()).unwrap_or_default(),
        row.days_late.map(|days| days.to_string()).unwrap_or_default(),
        row.copy_of.clone().unwrap_or_default(),
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
        first.map(|f| format!("{} {}", f.code, f.message)).unwrap_or_default(),
        first.and_then(|f| f.help.clone()).unwrap_or_default(),
    ]
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
