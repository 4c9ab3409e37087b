//! Prints a text file as the parser reads it: hard-wrapped PDF text with
//! its wrapped lines joined (`cargo run -p nianbao_parser --example
//! reflow_text -- extracted.txt`), or says that it is read as it is.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: reflow_text FILE");
        std::process::exit(2);
    };
    let (text, _) = nianbao_parser::decode(&std::fs::read(&path).expect("the file is read"));
    match nianbao_parser::parse_document(&text).1 {
        Some(projection) => print!("{}", projection.text),
        None => eprintln!("{path}: not hard-wrapped; read as it is"),
    }
}
