//! The default downloads folder: the OS's own Downloads folder (on Windows the known folder
//! `FOLDERID_Downloads`, which may have been moved to another drive; on Linux the XDG user
//! folder; on macOS `~/Downloads`), with a `netlab` folder inside it, so the lesson's files
//! never mix with the learner's own.

use std::path::PathBuf;

/// `<the OS's Downloads folder>/netlab`; without one, `~/Downloads/netlab`; without a home,
/// `netlab-downloads` in the temporary folder.
pub fn default_downloads() -> PathBuf {
    choose(dirs::download_dir(), dirs::home_dir(), std::env::temp_dir())
}

/// The choice itself, pure, for the tests.
pub fn choose(downloads: Option<PathBuf>, home: Option<PathBuf>, temp: PathBuf) -> PathBuf {
    let usable = |p: &PathBuf| !p.as_os_str().is_empty();
    match (downloads.filter(usable), home.filter(usable)) {
        (Some(d), _) => d.join("netlab"),
        (None, Some(h)) => h.join("Downloads").join("netlab"),
        (None, None) => temp.join("netlab-downloads"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_os_folder_comes_first_then_home_then_temp() {
        let tmp = PathBuf::from("/tmp");
        assert_eq!(
            choose(
                Some("D:\\下载".into()),
                Some("C:\\Users\\学生".into()),
                tmp.clone()
            ),
            PathBuf::from("D:\\下载").join("netlab")
        );
        assert_eq!(
            choose(None, Some("/home/a".into()), tmp.clone()),
            PathBuf::from("/home/a/Downloads/netlab")
        );
        assert_eq!(
            choose(Some("".into()), Some("".into()), tmp.clone()),
            PathBuf::from("/tmp/netlab-downloads")
        );
    }
}
