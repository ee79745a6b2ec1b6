//! Files that hold a leader's data are readable by their owner only: the data folder and its backups folder
//! are created 0700, and the database (SQLite gives its `-wal` and `-shm` the database's own mode), backups,
//! exports and review PDFs are 0600. A folder the user chose (Downloads) keeps its own mode; what Cadence
//! writes into it does not. On systems without Unix modes these are plain file operations.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

/// The mode of folders Cadence owns.
pub const DIR_MODE: u32 = 0o700;
/// The mode of every file Cadence writes.
pub const FILE_MODE: u32 = 0o600;

/// Creates `dir` (and missing parents) and makes `dir` itself owner-only, also when it existed with a wider
/// mode (a data folder made by an earlier version). Tightening an existing folder is best effort: on a file
/// system without Unix modes (vfat, SMB) or a folder someone else owns it cannot be done, and Cadence still
/// opens its data there.
pub fn create_dir(dir: &Path) -> std::io::Result<()> {
    let existed = dir.is_dir();
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(dir)?;
    match restrict(dir, DIR_MODE) {
        Err(e) if !existed => Err(e),
        _ => Ok(()),
    }
}

/// Sets `path`'s mode (Unix only); a missing file is no error.
pub fn restrict(path: &Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    match fs::set_permissions(path, fs::Permissions::from_mode(mode)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// `path` with `suffix` appended to its file name (`cadence.sqlite3` + `-wal`, + `.partial`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Makes a database file and its `-wal` and `-shm` owner-only, where they exist. Best effort, as for folders:
/// a file system that has no modes to set is no reason to refuse the file.
pub fn restrict_db(path: &Path) -> std::io::Result<()> {
    for ext in ["", "-wal", "-shm", "-journal"] {
        let _ = restrict(&with_suffix(path, ext), FILE_MODE);
    }
    Ok(())
}

/// Creates (or empties) `path` as an owner-only file before anything is written to it, so no moment exists
/// in which others could open it.
pub fn create_file(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    options.mode(FILE_MODE);
    let file = options.open(path)?;
    restrict(path, FILE_MODE)?;
    Ok(file)
}

/// Writes `bytes` to `tmp` as an owner-only file, flushes it to disk and renames it to `path`: the target is
/// the old file or the whole new one, never a part.
pub fn write_atomically(tmp: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let written = create_file(tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    let result = written.and_then(|()| fs::rename(tmp, path));
    if result.is_err() {
        let _ = fs::remove_file(tmp);
    }
    result
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).expect("meta").permissions().mode() & 0o777
    }

    #[test]
    fn folders_and_files_are_owner_only_even_when_they_existed_wider() {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("a/b");
        fs::create_dir_all(&data).expect("mkdir");
        fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).expect("chmod");
        create_dir(&data).expect("create");
        assert_eq!(mode(&data), 0o700);
        let file = data.join("x.json");
        write_atomically(&data.join("x.partial"), &file, b"{}").expect("write");
        assert_eq!((mode(&file), fs::read(&file).expect("read")), (0o600, b"{}".to_vec()));
        assert!(!data.join("x.partial").exists());
    }
}
