//! Writing a report back: atomically, in its own encoding, keeping its
//! permissions — the only place nianbao writes a user's file.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use nianbao_workspace::fixes::encode;

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
}
