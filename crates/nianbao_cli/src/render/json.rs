//! `--format json`: every diagnostic with 1-based line/character positions
//! and byte offsets, grouped by file.

use std::io::Write;

use nianbao_model::Diagnostic;
use serde::Serialize;

use super::{Checked, Location, Locators, Summary};

#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub code: &'a str,
    pub severity: &'static str,
    pub message: &'a str,
    pub location: Location,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<JsonRelated<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<JsonFix<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct JsonRelated<'a> {
    pub message: Option<&'a str>,
    /// Set when the label is in another file (last year's report, a part).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    pub location: Location,
}

#[derive(Debug, Serialize)]
pub struct JsonFix<'a> {
    pub applicability: nianbao_model::Applicability,
    pub message: &'a str,
    pub edits: Vec<JsonEdit<'a>>,
}

#[derive(Debug, Serialize)]
pub struct JsonEdit<'a> {
    pub location: Location,
    pub replacement: &'a str,
}

pub fn diagnostic<'a>(locators: &Locators<'_>, diagnostic: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let locator = &locators.own;
    JsonDiagnostic {
        code: &diagnostic.code,
        severity: diagnostic.severity.as_str(),
        message: &diagnostic.message,
        location: locator.locate(diagnostic.primary.span),
        related: diagnostic
            .secondary
            .iter()
            .map(|label| {
                let location = locators.of(label.file.as_deref()).locate(label.span);
                JsonRelated { message: label.message.as_deref(), path: label.file.as_deref(), location }
            })
            .collect(),
        help: diagnostic.help.as_deref(),
        fix: diagnostic.fix.as_ref().map(|fix| JsonFix {
            applicability: fix.applicability,
            message: &fix.message,
            edits: fix
                .edits
                .iter()
                .map(|edit| JsonEdit { location: locator.locate(edit.span), replacement: &edit.replacement })
                .collect(),
        }),
        url: diagnostic.url.as_deref(),
    }
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    encoding: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

/// The JSON document as a string (tests, snapshots).
pub fn render(results: &[Checked]) -> String {
    let mut out = Vec::new();
    render_to(results, &mut out).expect("writing into memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the JSON document to `out` as it is serialised: a folder with
/// 100 000 findings is not first held as one string.
pub fn render_to(results: &[Checked], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let files = results
        .iter()
        .map(|result| {
            let locators = result.locators();
            JsonFile {
                path: &result.display,
                encoding: &result.source.encoding,
                diagnostics: result.diagnostics.iter().map(|d| diagnostic(&locators, d)).collect(),
            }
        })
        .collect();
    let output = JsonOutput { version: 1, files, summary: Summary::of(results) };
    // The serializer writes a token at a time: through `dyn Write`, each
    // was a call through the vtable; a buffer of a known type takes them
    // inline and passes them on in large pieces.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, OneDiagnosticPerLine::default());
    output.serialize(&mut serializer).map_err(std::io::Error::other)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Indented down to each file's list of diagnostics, and compact below it:
/// one diagnostic per line. Indenting every position of every label made
/// the output of a folder larger than the folder (a finding about last
/// year's report labels a dozen cells, each location nine lines deep), and
/// writing it took a third of the check; a line per diagnostic is a third
/// the size and still reads, diffs and greps by line.
#[derive(Default)]
struct OneDiagnosticPerLine {
    /// How many arrays and objects are open.
    depth: usize,
    /// Whether the innermost open container has a value yet.
    has_value: bool,
}

impl OneDiagnosticPerLine {
    /// The root object, `files`, a file, and its `diagnostics` are indented.
    const INDENTED_LEVELS: usize = 4;

    fn indented(&self) -> bool {
        self.depth <= Self::INDENTED_LEVELS
    }

    fn open<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        let indented = self.indented();
        self.depth -= 1;
        if indented && self.has_value {
            self.new_line(writer)?;
        }
        writer.write_all(bracket)
    }

    /// Before an array value or an object key.
    fn next<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        if self.indented() { self.new_line(writer) } else { Ok(()) }
    }

    fn new_line<W: ?Sized + std::io::Write>(&self, writer: &mut W) -> std::io::Result<()> {
        const SPACES: &[u8] = b"                                ";
        writer.write_all(b"\n")?;
        writer.write_all(&SPACES[..(2 * self.depth).min(SPACES.len())])
    }
}

impl serde_json::ser::Formatter for OneDiagnosticPerLine {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        self.next(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _writer: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        self.next(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        writer.write_all(if self.indented() { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _writer: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}
