//! Writing a report back: atomically, in its own encoding, keeping its
//! permissions — the only place nianbao writes a user's file.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use nianbao_model::{Bilingual, SourceInfo, bilingual};

/// `text` in the encoding the file was read in (UTF-8 with or without BOM, or
/// GB18030). UTF-16 files and text GB18030 cannot hold are refused rather than
/// silently converted.
pub fn encode(text: &str, source: &SourceInfo) -> Result<Vec<u8>, Bilingual> {
    match source.encoding.as_str() {
        "UTF-8" if source.had_bom => Ok([b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()),
        "UTF-8" => Ok(text.as_bytes().to_vec()),
        "GB18030" | "GBK" => {
            let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
            if unmappable {
                return Err(bilingual!(
                    "the fixed text has characters GB18030 cannot hold",
                    "修改后的文本中有 GB18030 编码无法表示的字符"
                ));
            }
            Ok(bytes.into_owned())
        }
        other => Err(bilingual!(
            "cannot write {other} files; convert the file to UTF-8 first",
            "无法写回 {other} 编码的文件，请先将文件转为 UTF-8 编码"
        )),
    }
}

/// Replaces `path`'s contents with `bytes`: written to a temporary file
/// beside it, flushed to disk, given the original's permissions, then renamed
/// over it. Any failure leaves the original untouched and removes the
/// temporary file. A file that does not exist yet is created the same way.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, |file, bytes| file.write_all(bytes))
}

/// [`write_atomic`] with the writing step given, so tests can make it fail.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut fs::File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    // A symlink is followed: the file it points to is replaced, not the link.
    let (target, permissions) = match fs::canonicalize(path) {
        Ok(target) => {
            let permissions = fs::metadata(&target)?.permissions();
            (target, Some(permissions))
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => (path.to_path_buf(), None),
        Err(error) => return Err(error),
    };
    let temporary = temporary_path(&target);
    let result = (|| {
        // `create_new`: never overwrite a file of the same name (another run's).
        let mut file = OpenOptions::new().write(true).create_new(true).open(&temporary)?;
        write(&mut file, bytes)?;
        file.sync_all()?;
        if let Some(permissions) = permissions {
            fs::set_permissions(&temporary, permissions)?;
        }
        fs::rename(&temporary, &target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// `.<name>.nianbao-tmp` in the same folder (a rename across file systems is
/// not atomic).
fn temporary_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!(".{name}.nianbao-tmp"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("nianbao-write-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_failed_write_leaves_the_original_and_no_temporary_file() {
        let dir = scratch("fail");
        let path = dir.join("report.md");
        fs::write(&path, "原文").unwrap();
        let result = write_atomic_with(&path, "新的内容".as_bytes(), |file, bytes| {
            file.write_all(&bytes[..3])?;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "原文");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "the temporary file is removed");
    }

    #[test]
    fn a_write_replaces_the_contents_and_keeps_permissions() {
        let dir = scratch("ok");
        let path = dir.join("report.md");
        fs::write(&path, "原文").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&path, "新的内容".as_bytes()).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "新的内容");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
        }
    }

    #[test]
    fn a_new_file_is_created() {
        let path = scratch("new").join("audit.html");
        write_atomic(&path, b"<html>").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"<html>");
    }

    #[test]
    fn encodings_round_trip_or_are_refused() {
        let gbk = SourceInfo { encoding: "GB18030".into(), had_bom: false, lossy: false, len: 0 };
        let bytes = encode("一、总体情况，", &gbk).unwrap();
        assert_eq!(nianbao_parser::decode(&bytes).0, "一、总体情况，");
        let bom = SourceInfo { encoding: "UTF-8".into(), had_bom: true, lossy: false, len: 0 };
        assert!(encode("一", &bom).unwrap().starts_with(b"\xEF\xBB\xBF"));
        let utf16 = SourceInfo { encoding: "UTF-16LE".into(), had_bom: true, lossy: false, len: 0 };
        assert!(encode("一", &utf16).is_err());
    }
}
