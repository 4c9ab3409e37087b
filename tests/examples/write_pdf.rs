//! Writes a text report as a PDF typeset the way WPS/Word export one
//! (`tests::pdf`): `cargo run -p tests --example write_pdf -- REPORT OUT.pdf`.

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: write_pdf REPORT OUT.pdf");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&input).expect("a UTF-8 report");
    let Some(pdf) = tests::pdf::report_pdf(&text, tests::pdf::Style::default()) else {
        eprintln!("{input}: a table is not template-shaped");
        std::process::exit(1);
    };
    std::fs::write(&output, pdf).expect("the PDF is written");
}
