//! Prints the text projection of a PDF as the parser reads it, each line
//! with the page and line it came from:
//! `cargo run -p nianbao_parser --example pdf_text -- report.pdf`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdf_text FILE.pdf");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).expect("the file is read");
    let document = nianbao_parser::pdf::read(&bytes);
    if let Some(problem) = &document.problem {
        eprintln!("{path}: {}", problem.pick(nianbao_model::Lang::En));
    }
    let mut offset = 0;
    for line in document.text.split_inclusive('\n') {
        let place = document.place_at(offset).map(|p| format!("{}:{}", p.page, p.line)).unwrap_or_default();
        print!("{place:>6} | {line}");
        offset += line.len();
    }
}
