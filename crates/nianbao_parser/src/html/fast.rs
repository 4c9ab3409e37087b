//! A tokenizer for the markup report pages are made of, feeding the
//! projector directly.
//!
//! html5gum follows the WHATWG state machine a character at a time and
//! buffers every name and attribute; on a report page that was most of the
//! cost of reading it. This tokenizer jumps from one `<`, `&` or carriage
//! return to the next and only looks closely at what the projector acts on:
//! tag names and the `rowspan` and `colspan` values.
//!
//! It covers a subset of HTML, and on that subset it gives the projector what
//! html5gum gives it: the same tags, and the same text with the same spans
//! (html5gum's normalized line breaks and string boundaries included).
//! Anything outside the subset returns [`Unsupported`] and html5gum reads
//! the page instead:
//! - a NUL byte anywhere;
//! - a named character reference not in [`NAMED`], without its `;`, or
//!   at the end of the file; a numeric one whose code point html5gum would
//!   replace;
//! - a tag, comment or declaration cut off by the end of the file, and a `<`
//!   or `&` as the file's last byte;
//! - `</>`, which html5gum drops without ending the text around it;
//! - `<plaintext>`; a `<!--` inside a script (its escaped states); raw text
//!   whose content would be read (not left out as script or style) and has a
//!   `<`, `&` or carriage return in it;
//! - a `rowspan` or `colspan` value with a `&` or a carriage return.
//!
//! A test and a fuzz target compare the two tokenizers' projections.

use std::borrow::Cow;

use memchr::{memchr, memchr3, memmem};
use nianbao_model::Span;

use super::{Projector, span_count};

/// The page uses something this tokenizer leaves to html5gum.
#[derive(Debug)]
pub(super) struct Unsupported;

type Step<T = ()> = Result<T, Unsupported>;

/// Tokenizes `source` into `projector`.
pub(super) fn tokenize<'a>(source: &'a str, projector: &mut Projector<'a>) -> Step {
    if memchr(0, source.as_bytes()).is_some() {
        return Err(Unsupported);
    }
    let mut tokenizer = FastTokenizer { source, bytes: source.as_bytes(), at: 0, text: Text::default(), projector };
    tokenizer.run()
}

/// The named character references this tokenizer decodes: the ones report
/// pages use. html5gum knows the other two thousand.
const NAMED: &[(&str, char)] = &[
    ("nbsp", '\u{a0}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("middot", '·'),
    ("bull", '•'),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("thinsp", '\u{2009}'),
    ("times", '×'),
    ("divide", '÷'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("yen", '¥'),
    ("sect", '§'),
    ("para", '¶'),
];

/// The text read since the last markup that ends text (a tag, comment or
/// declaration), waiting to be handed over as one string, as html5gum does.
#[derive(Default)]
struct Text {
    start: usize,
    end: usize,
    /// The text once it differs from the source bytes (a reference was
    /// decoded, or a carriage return became a line feed).
    decoded: Option<String>,
}

/// How the content of an element is read, by its name (html5gum's
/// `naive_next_state`).
#[derive(Clone, Copy, PartialEq)]
enum Content {
    /// Text with character references (`title`, `textarea`).
    Escapable,
    /// Text without references (`style`, `noscript` …).
    Raw,
    /// A script: raw text, unless `<!--` makes it escaped.
    Script,
}

fn content_of(name: &[u8]) -> Step<Option<Content>> {
    Ok(match name {
        b"textarea" | b"title" => Some(Content::Escapable),
        b"script" => Some(Content::Script),
        b"style" | b"iframe" | b"xmp" | b"noembed" | b"noframe" | b"noscript" => Some(Content::Raw),
        b"plaintext" => return Err(Unsupported),
        _ => None,
    })
}

/// Whitespace inside a tag; a carriage return is read as a line feed.
fn is_tag_space(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// What a tag's attributes say, as the projector reads them.
#[derive(Default)]
struct Attributes {
    self_closing: bool,
    /// The first `rowspan` and `colspan`: the value's range (empty if it has none).
    rowspan: Option<(usize, usize)>,
    colspan: Option<(usize, usize)>,
}

struct FastTokenizer<'a, 'p> {
    source: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    at: usize,
    text: Text,
    projector: &'p mut Projector<'a>,
}

impl<'a> FastTokenizer<'a, '_> {
    fn run(&mut self) -> Step {
        loop {
            let rest = &self.bytes[self.at..];
            let Some(offset) = memchr3(b'<', b'&', b'\r', rest) else {
                self.plain_text_to(self.bytes.len());
                break;
            };
            let at = self.at + offset;
            self.plain_text_to(at);
            match self.bytes[at] {
                b'<' => self.markup(at)?,
                b'&' => self.reference(at)?,
                _ => self.carriage_return(at),
            }
        }
        self.flush();
        Ok(())
    }

    /// Source text from `self.at` to `end` joins the text being read as is.
    fn plain_text_to(&mut self, end: usize) {
        if end > self.at {
            if let Some(decoded) = &mut self.text.decoded {
                decoded.push_str(&self.source[self.at..end]);
            }
            self.text.end = end;
            self.at = end;
        }
    }

    /// The text being read, as an owned string from now on.
    fn decoded(&mut self) -> &mut String {
        let Text { start, end, decoded } = &mut self.text;
        decoded.get_or_insert_with(|| self.source[*start..*end].to_owned())
    }

    /// `\r\n` and a lone `\r` are read as `\n` (the input stream's preprocessing).
    fn carriage_return(&mut self, at: usize) {
        self.decoded().push('\n');
        self.at = if self.bytes.get(at + 1) == Some(&b'\n') { at + 2 } else { at + 1 };
        self.text.end = self.at;
    }

    /// Goes on after markup that ends before `next`: the next text starts
    /// there. (The text before the markup was flushed when it began, before
    /// the projector saw the markup, as html5gum does.)
    fn continue_at(&mut self, next: usize) {
        self.at = next;
        self.text = Text { start: next, end: next, decoded: None };
    }

    fn flush(&mut self) {
        let Text { start, end, decoded } = std::mem::take(&mut self.text);
        if end == start {
            return;
        }
        let span = Span::new(start, end);
        match decoded {
            None => self.projector.text(Cow::Borrowed(&self.source[start..end]), span, true),
            Some(value) => self.projector.string(&value, span, self.source),
        }
    }

    /// A character reference at `at`, or a `&` that is only a character.
    fn reference(&mut self, at: usize) -> Step {
        let Some(&next) = self.bytes.get(at + 1) else { return Err(Unsupported) };
        let decoded = if next.is_ascii_alphanumeric() {
            let name_end = at + 1 + self.bytes[at + 1..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            // At the end of the file, html5gum's string ends a byte short.
            if self.bytes.get(name_end) != Some(&b';') || name_end + 1 == self.bytes.len() {
                return Err(Unsupported);
            }
            let name = &self.source[at + 1..name_end];
            let Some(&(_, character)) = NAMED.iter().find(|(known, _)| *known == name) else {
                return Err(Unsupported);
            };
            (character, name_end + 1)
        } else if next == b'#' {
            numeric_reference(self.bytes, at + 2)?
        } else {
            // Not a reference: the `&` is text.
            self.plain_text_to(at + 1);
            return Ok(());
        };
        let (character, end) = decoded;
        self.decoded().push(character);
        self.at = end;
        self.text.end = end;
        Ok(())
    }

    /// Markup at the `<` at `at`, or a `<` that is only a character.
    fn markup(&mut self, at: usize) -> Step {
        let Some(&next) = self.bytes.get(at + 1) else { return Err(Unsupported) };
        match next {
            b'!' if self.bytes[at + 2..].starts_with(b"--") => {
                self.flush();
                let end = comment_end(self.bytes, at + 4)?;
                self.continue_at(end);
            }
            // A declaration (`<!DOCTYPE`), a bogus comment (`<?…`, `<!…`):
            // each ends at the first `>`.
            b'!' | b'?' => {
                self.flush();
                let end = memchr(b'>', &self.bytes[at + 2..]).ok_or(Unsupported)?;
                self.continue_at(at + 2 + end + 1);
            }
            b'/' => match self.bytes.get(at + 2) {
                Some(byte) if byte.is_ascii_alphabetic() => self.end_tag(at + 2)?,
                Some(b'>') | None => return Err(Unsupported),
                Some(_) => {
                    self.flush();
                    let end = memchr(b'>', &self.bytes[at + 2..]).ok_or(Unsupported)?;
                    self.continue_at(at + 2 + end + 1);
                }
            },
            byte if byte.is_ascii_alphabetic() => self.start_tag(at + 1)?,
            // Not a tag: the `<` is text.
            _ => self.plain_text_to(at + 1),
        }
        Ok(())
    }

    /// The end of a tag name starting at `start`, and the name, lowercased.
    fn tag_name(&self, start: usize) -> Step<(usize, Cow<'a, [u8]>)> {
        let bytes = self.bytes;
        let length =
            bytes[start..].iter().position(|&b| is_tag_space(b) || b == b'/' || b == b'>').ok_or(Unsupported)?;
        let name = &bytes[start..start + length];
        let name = if name.iter().any(u8::is_ascii_uppercase) {
            Cow::Owned(name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(name)
        };
        Ok((start + length, name))
    }

    fn start_tag(&mut self, name_start: usize) -> Step {
        self.flush();
        let (name_end, name) = self.tag_name(name_start)?;
        let (attributes, end) = read_attributes(self.bytes, name_end)?;
        let count = |value: Option<(usize, usize)>| -> Step<usize> {
            let value = value.map(|(start, end)| &self.bytes[start..end]);
            if value.is_some_and(|value| value.contains(&b'&') || value.contains(&b'\r')) {
                return Err(Unsupported);
            }
            Ok(span_count(value))
        };
        let (rowspan, colspan) = (count(attributes.rowspan)?, count(attributes.colspan)?);
        self.projector.start(&name, attributes.self_closing, rowspan, colspan);
        self.continue_at(end);
        if let Some(content) = content_of(&name)? {
            self.element_content(&name, content)?;
        }
        Ok(())
    }

    fn end_tag(&mut self, name_start: usize) -> Step {
        self.flush();
        let (name_end, name) = self.tag_name(name_start)?;
        let (_, end) = read_attributes(self.bytes, name_end)?;
        self.projector.end(&name);
        self.continue_at(end);
        Ok(())
    }

    /// The content of a `script`, `style`, `title` … element, up to its end
    /// tag, which is then read.
    fn element_content(&mut self, name: &[u8], content: Content) -> Step {
        let start = self.at;
        let close = content_end(self.bytes, start, name)?;
        let inner = &self.bytes[start..close];
        if content == Content::Script && memmem::find(inner, b"<!--").is_some() {
            return Err(Unsupported);
        }
        if self.projector.skipping == 0 {
            // The projector reads this text: only plain text is the same
            // string in both tokenizers without a closer look.
            if memchr3(b'<', b'&', b'\r', inner).is_some() {
                return Err(Unsupported);
            }
            self.plain_text_to(close);
        }
        self.end_tag(close + 2)
    }
}

/// Where an element's raw content ends: the `<` of the first `</name`
/// (any case) followed by a space, `/` or `>`.
fn content_end(bytes: &[u8], from: usize, name: &[u8]) -> Step<usize> {
    let mut search = from;
    while let Some(offset) = memmem::find(&bytes[search..], b"</") {
        let at = search + offset;
        let after = at + 2 + name.len();
        if bytes.get(at + 2..after).is_some_and(|candidate| candidate.eq_ignore_ascii_case(name))
            && bytes.get(after).is_some_and(|&b| is_tag_space(b) || b == b'/' || b == b'>')
        {
            return Ok(at);
        }
        search = at + 2;
    }
    Err(Unsupported)
}

/// A numeric reference's digits from `at` (after `&#`): the character and
/// where the reference ends.
fn numeric_reference(bytes: &[u8], at: usize) -> Step<(char, usize)> {
    let (radix, digits_start) = match bytes.get(at) {
        Some(b'x' | b'X') => (16, at + 1),
        _ => (10, at),
    };
    let digits = bytes[digits_start..].iter().take_while(|b| char::from(**b).is_digit(radix)).count();
    let end = digits_start + digits;
    if digits == 0 || digits > 6 || bytes.get(end) != Some(&b';') {
        return Err(Unsupported);
    }
    let text = std::str::from_utf8(&bytes[digits_start..end]).map_err(|_| Unsupported)?;
    let code = u32::from_str_radix(text, radix).map_err(|_| Unsupported)?;
    // Code points html5gum keeps as they are; the others it replaces.
    let kept = matches!(code, 0x09 | 0x0A | 0x0C | 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0x10_FFFF);
    let character = char::from_u32(code).filter(|_| kept).ok_or(Unsupported)?;
    Ok((character, end + 1))
}

/// Where a comment whose text starts at `at` (after `<!--`) ends: after its
/// `-->`, `--!>`, or the `>` of `<!-->` and `<!--->`.
fn comment_end(bytes: &[u8], at: usize) -> Step<usize> {
    #[derive(Clone, Copy)]
    enum State {
        Start,
        StartDash,
        Text,
        EndDash,
        End,
        EndBang,
    }
    let mut state = State::Start;
    for (index, &byte) in bytes.iter().enumerate().skip(at) {
        state = match (state, byte) {
            (State::Start | State::StartDash | State::End | State::EndBang, b'>') => return Ok(index + 1),
            (State::Start, b'-') => State::StartDash,
            (State::StartDash | State::EndDash | State::End, b'-') => State::End,
            (State::Text | State::EndBang, b'-') => State::EndDash,
            (State::End, b'!') => State::EndBang,
            _ => State::Text,
        };
    }
    Err(Unsupported)
}

/// Reads a tag's attributes from `at` (just after its name) to its `>`:
/// what they say, and where the tag ends.
fn read_attributes(bytes: &[u8], at: usize) -> Step<(Attributes, usize)> {
    #[derive(Clone, Copy)]
    enum State {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Unquoted,
        AfterQuoted,
        SelfClosing,
    }
    /// Which of the attributes read is the current one.
    #[derive(Clone, Copy, PartialEq)]
    enum Current {
        Other,
        Rowspan,
        Colspan,
    }
    let mut attributes = Attributes::default();
    let mut current = Current::Other;
    let mut name_start = at;
    let mut value_start = at;
    // The first `rowspan` and `colspan` count, as in a browser.
    let start_value = |attributes: &mut Attributes, current: Current, start: usize, end: usize| match current {
        Current::Rowspan => attributes.rowspan = Some((start, end)),
        Current::Colspan => attributes.colspan = Some((start, end)),
        Current::Other => {}
    };
    let name_kind = |attributes: &mut Attributes, name: &[u8]| {
        if name.eq_ignore_ascii_case(b"rowspan") && attributes.rowspan.is_none() {
            attributes.rowspan = Some((0, 0));
            Current::Rowspan
        } else if name.eq_ignore_ascii_case(b"colspan") && attributes.colspan.is_none() {
            attributes.colspan = Some((0, 0));
            Current::Colspan
        } else {
            Current::Other
        }
    };
    let mut state = match bytes.get(at) {
        Some(b'/') => State::SelfClosing,
        Some(b'>') => return Ok((attributes, at + 1)),
        Some(_) => State::BeforeName,
        None => return Err(Unsupported),
    };
    let mut index = at + 1;
    loop {
        let byte = *bytes.get(index).ok_or(Unsupported)?;
        match state {
            State::BeforeName => match byte {
                _ if is_tag_space(byte) => {}
                b'/' | b'>' => {
                    state = State::AfterName;
                    continue;
                }
                _ => {
                    // A `=` here starts a name of its own.
                    name_start = index;
                    state = State::Name;
                }
            },
            State::Name => match byte {
                _ if is_tag_space(byte) || byte == b'/' || byte == b'>' || byte == b'=' => {
                    current = name_kind(&mut attributes, &bytes[name_start..index]);
                    if byte == b'=' {
                        state = State::BeforeValue;
                    } else {
                        state = State::AfterName;
                        continue;
                    }
                }
                _ => {}
            },
            State::AfterName => match byte {
                _ if is_tag_space(byte) => {}
                b'/' => state = State::SelfClosing,
                b'=' => state = State::BeforeValue,
                b'>' => return Ok((attributes, index + 1)),
                _ => {
                    name_start = index;
                    state = State::Name;
                }
            },
            State::BeforeValue => match byte {
                _ if is_tag_space(byte) => {}
                b'"' | b'\'' => {
                    let close = memchr(byte, &bytes[index + 1..]).ok_or(Unsupported)?;
                    start_value(&mut attributes, current, index + 1, index + 1 + close);
                    index += 1 + close;
                    state = State::AfterQuoted;
                }
                b'>' => return Ok((attributes, index + 1)),
                _ => {
                    value_start = index;
                    state = State::Unquoted;
                }
            },
            State::Unquoted => {
                if is_tag_space(byte) || byte == b'>' {
                    start_value(&mut attributes, current, value_start, index);
                    if byte == b'>' {
                        return Ok((attributes, index + 1));
                    }
                    state = State::BeforeName;
                }
            }
            State::AfterQuoted => match byte {
                _ if is_tag_space(byte) => state = State::BeforeName,
                b'/' => state = State::SelfClosing,
                b'>' => return Ok((attributes, index + 1)),
                _ => {
                    state = State::BeforeName;
                    continue;
                }
            },
            State::SelfClosing => {
                if byte == b'>' {
                    attributes.self_closing = true;
                    return Ok((attributes, index + 1));
                }
                state = State::BeforeName;
                continue;
            }
        }
        index += 1;
    }
}
