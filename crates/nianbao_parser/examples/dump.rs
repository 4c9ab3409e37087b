//! Prints what the parser read from a file: `cargo run -p nianbao_parser --example dump FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let (text, report) = nianbao_parser::parse_bytes(&bytes);
    println!("title: {:?}", report.metadata.title.as_ref().map(|t| &t.value));
    println!(
        "agency: {:?} year: {:?} date: {:?}",
        report.metadata.agency.as_ref().map(|a| &a.value),
        report.metadata.year.as_ref().map(|y| y.value),
        report.metadata.publish_date.as_ref().map(|d| d.value.to_string())
    );
    println!("period: {:?}", report.metadata.statistics_period.as_ref().map(|p| p.span.slice(&text)));
    for section in &report.sections {
        println!(
            "§ {:?} {} {:?} [{}] subs={:?}",
            section.kind,
            section.ordinal.value,
            section.title.value,
            section.paragraphs.len(),
            section.subheadings.iter().map(|s| (s.ordinal.level, s.ordinal.value)).collect::<Vec<_>>()
        );
    }
    for table in &report.tables {
        println!("== {:?} span={:?}", table.kind, table.span);
        for header in &table.headers {
            if !matches!(
                header.class,
                nianbao_model::HeaderClass::Known { fidelity: nianbao_model::Fidelity::Verbatim, .. }
            ) {
                println!("   header {:?} {:?}", header.text, header.class);
            }
        }
        for row in &table.rows {
            let values: Vec<String> =
                row.cells.iter().map(|c| if c.raw.is_empty() { "_".into() } else { c.raw.to_string() }).collect();
            println!(
                "   {:?} {:?} {}",
                row.key.map(|k| k.key()),
                row.label.as_ref().map(|l| (&l.text, matches!(l.fidelity, nianbao_model::Fidelity::Verbatim))),
                values.join(" ")
            );
        }
    }
}
