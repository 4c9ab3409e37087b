//! Which files to check, their text, and the configuration that applies to each.

use std::io::Read;
use std::path::{Path, PathBuf};

use nianbao_model::{Lang, t};
pub use nianbao_parser::Format;

use crate::config::process_lang;

/// One input to check.
#[derive(Debug)]
pub struct Input {
    /// The path as shown to the user (`<stdin>` or the stdin filename for stdin).
    pub display: String,
    /// Where to look for `nianbao.toml` from.
    pub config_dir: PathBuf,
    /// Named on the command line (as opposed to found in a folder).
    pub explicit: bool,
    pub source: Source,
}

#[derive(Debug)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

/// A problem that stops one input (or all of them) from being checked.
/// `message` is in the language chosen for the run: the process's
/// ([`process_lang`]) for a file not yet read, its configuration's for a
/// file read; it never repeats the file's name, which `display` holds.
#[derive(Debug)]
pub struct InputError {
    pub display: String,
    pub message: String,
}

impl InputError {
    /// The error as printed: 「error: a.pdf: …」, 「错误：a.pdf：…」.
    pub fn line(&self, lang: Lang) -> String {
        t!(
            lang,
            "error: {display}: {message}",
            "错误：{display}：{message}",
            display = self.display,
            message = self.message
        )
        .into_string()
    }
}

/// What an IO error says, for a reader of `lang`: the system's own words in
/// English; in Chinese, a reviewer's for the common reasons (the file is
/// gone, may not be read, is a folder), else the system's words.
pub fn io_reason(error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    let chinese = match error.kind() {
        ErrorKind::NotFound => Some("文件不存在"),
        ErrorKind::PermissionDenied => Some("没有读取权限"),
        ErrorKind::IsADirectory => Some("这是文件夹，不是文件"),
        ErrorKind::OutOfMemory => Some("文件过大，内存不足"),
        _ => None,
    };
    match (lang, chinese) {
        (Lang::Zh, Some(chinese)) => chinese.to_string(),
        _ => error.to_string(),
    }
}

/// Expands the command-line paths: files as given, folders walked for report
/// files — text, Markdown, HTML, DOCX, PDF — honouring `.gitignore`, and `-` for
/// stdin. Sorted by path.
pub fn collect(paths: &[PathBuf], stdin_filename: Option<&Path>) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let display = stdin_filename.map_or_else(|| "<stdin>".to_string(), |name| name.display().to_string());
            let config_dir = stdin_filename.and_then(Path::parent).map_or_else(
                || PathBuf::from("."),
                |dir| if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir.to_path_buf() },
            );
            inputs.push(Input { display, config_dir, explicit: true, source: Source::Stdin });
        } else if path.is_dir() {
            walk(path, &mut inputs, &mut errors);
        } else if path.exists() {
            inputs.push(file_input(path, true));
        } else {
            errors.push(InputError {
                display: path.display().to_string(),
                message: t!(process_lang(), "no such file or folder", "文件或文件夹不存在").into_string(),
            });
        }
    }
    inputs.sort_by(|a, b| a.display.cmp(&b.display));
    inputs.dedup_by(|a, b| a.display == b.display);
    (inputs, errors)
}

fn file_input(path: &Path, explicit: bool) -> Input {
    let config_dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Input { display: path.display().to_string(), config_dir, explicit, source: Source::File(path.to_path_buf()) }
}

fn walk(root: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<InputError>) {
    let walker = ignore::WalkBuilder::new(root).require_git(false).build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_report_file = entry.file_type().is_some_and(|t| t.is_file())
                    && path
                        .extension()
                        .and_then(|ext| ext.to_str())
                        .is_some_and(|ext| Format::of_extension(ext).is_some());
                if is_report_file {
                    inputs.push(file_input(path, false));
                }
            }
            // The walker's own words (a folder that cannot be listed, a
            // loop of links) name the path that failed.
            Err(error) => errors.push(InputError { display: root.display().to_string(), message: error.to_string() }),
        }
    }
}

/// The one file a command that takes a single report was given (`-` for
/// stdin); a folder or a missing path is an error naming it.
pub fn single_file(path: &Path) -> Result<Input, InputError> {
    let (found, errors) = collect(std::slice::from_ref(&path.to_path_buf()), None);
    if let Some(error) = errors.into_iter().next() {
        return Err(error);
    }
    found.into_iter().find(|input| input.explicit).ok_or_else(|| InputError {
        display: path.display().to_string(),
        message: t!(process_lang(), "is a folder; name one report file", "这是文件夹，请指定一份报告文件")
            .into_string(),
    })
}

/// An input's format (see [`Format::detect`]): by its extension, else by
/// its first bytes. Standard input's extension is that of `--stdin-filename`.
pub fn format(input: &Input, bytes: &[u8]) -> Format {
    let extension = match &input.source {
        Source::File(path) => path.extension().and_then(|ext| ext.to_str()),
        Source::Stdin => input.display.rsplit_once('.').map(|(_, ext)| ext),
    };
    Format::detect(extension, bytes)
}

/// A file's bytes, in one `read` for a file of the size its metadata gives
/// (`std::fs::read` reads once more to see the end of the file, and in
/// 8 KiB steps: two reads a report or more). A file that reports no
/// size (as files of `/proc` do) is read to its end; one that is shorter
/// than its size is read to its end; one that grows while it is read is
/// read as it was.
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    let size = file.metadata().map_or(0, |metadata| metadata.len());
    let Ok(size) = usize::try_from(size) else { return Err(std::io::Error::from(std::io::ErrorKind::OutOfMemory)) };
    // Read into spare capacity, not a zeroed buffer (zeroing each file was
    // as many instructions as finding its lines); `take` stops at the size
    // without the extra read that finds the end of a file read whole.
    let mut bytes = Vec::with_capacity(size);
    (&mut file).take(size as u64).read_to_end(&mut bytes)?;
    if size == 0 {
        file.read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Reads an input's bytes.
pub fn read(input: &Input) -> Result<Vec<u8>, InputError> {
    let result = match &input.source {
        Source::File(path) => read_file(path),
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
        }
    };
    result.map_err(|error| {
        let lang = process_lang();
        let why = io_reason(&error, lang);
        InputError {
            display: input.display.clone(),
            message: t!(lang, "cannot read: {why}", "无法读取：{why}").into_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::read_file;

    #[test]
    fn a_file_reads_whole_at_any_size() {
        let dir = std::env::temp_dir().join(format!("nianbao-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Around std's 8 KiB read step, and empty.
        for size in [0, 1, 8191, 8192, 8193, 100_000] {
            let path = dir.join(format!("{size}.txt"));
            let bytes: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(read_file(&path).unwrap(), bytes, "{size} bytes");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A file whose metadata gives no size is read to its end.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_without_a_size_reads_to_its_end() {
        let path = std::path::Path::new("/proc/self/status");
        assert_eq!(std::fs::metadata(path).unwrap().len(), 0);
        let text = String::from_utf8(read_file(path).unwrap()).unwrap();
        assert!(text.contains("Pid:"), "{text}");
    }
}
