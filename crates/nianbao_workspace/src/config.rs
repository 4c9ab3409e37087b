//! Finding and reading `nianbao.toml` — one resolver for the language server
//! and the CLI, so the editor and CI always agree.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use nianbao_rules::{Config, Lang, find_config_file, t};

/// A configuration file that cannot be used, named relative to the working folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigFileError {
    pub path: String,
    pub message: String,
}

/// A configuration file and what reading it gave.
type ConfigFile = (PathBuf, Result<Config, String>);

/// Resolves `nianbao.toml` per folder, reading each file once.
#[derive(Debug, Default)]
pub struct ConfigResolver {
    /// `--config`: one file for every input.
    fixed: Option<ConfigFile>,
    by_dir: HashMap<PathBuf, Option<ConfigFile>>,
    /// Each folder asked about, canonicalised once: a folder of 1 000
    /// reports is then not 1 000 walks of its path through the file system.
    canonical: HashMap<PathBuf, PathBuf>,
}

/// The language this process was asked for: `--lang` (the command sets it
/// as it starts, with [`choose_lang`]), else `NIANBAO_LANG`. It is over
/// every file's `lang`, and over an editor's locale.
static CHOSEN_LANG: OnceLock<Option<Lang>> = OnceLock::new();

/// `NIANBAO_LANG`, if it names a language (`zh`, `en`, `zh-CN` …): the
/// command refuses any other value before it starts.
pub fn lang_from_env() -> Result<Option<Lang>, String> {
    match std::env::var("NIANBAO_LANG") {
        Ok(value) if !value.trim().is_empty() => Lang::parse(&value)
            .map(Some)
            .ok_or_else(|| format!("NIANBAO_LANG=`{value}` is neither \"zh\" (Chinese) nor \"en\" (English)")),
        _ => Ok(None),
    }
}

/// Sets the language of this process's findings (`--lang`, else
/// `NIANBAO_LANG`), once, before any configuration is resolved.
pub fn choose_lang(lang: Option<Lang>) {
    let _ = CHOSEN_LANG.set(lang.or_else(|| lang_from_env().ok().flatten()));
}

fn chosen_lang() -> Option<Lang> {
    *CHOSEN_LANG.get_or_init(|| lang_from_env().ok().flatten())
}

/// The language this process speaks where no file's configuration applies
/// (a run that read nothing): the one asked for, else Chinese.
pub fn process_lang() -> Lang {
    chosen_lang().unwrap_or_default()
}

impl ConfigResolver {
    pub fn new(explicit: Option<&Path>) -> Self {
        let fixed = explicit.map(|path| (path.to_path_buf(), read_config(path)));
        Self { fixed, by_dir: HashMap::new(), canonical: HashMap::new() }
    }

    /// The configuration for files in `dir`, or the error naming the bad file.
    pub fn for_dir(&mut self, dir: &Path) -> Result<Config, ConfigFileError> {
        let found = match &self.fixed {
            Some(fixed) => Some(fixed),
            None => {
                let dir = self
                    .canonical
                    .entry(dir.to_path_buf())
                    .or_insert_with(|| std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()));
                self.by_dir
                    .entry(dir.clone())
                    .or_insert_with(|| {
                        find_config_file(dir, Path::is_file).map(|path| {
                            let config = read_config(&path);
                            (path, config)
                        })
                    })
                    .as_ref()
            }
        };
        let chosen = |mut config: Config| {
            config.lang = chosen_lang().or(config.lang);
            config
        };
        match found {
            None => Ok(chosen(Config::default())),
            Some((_, Ok(config))) => Ok(chosen(config.clone())),
            Some((path, Err(message))) => {
                Err(ConfigFileError { path: relative_to_cwd(path), message: message.clone() })
            }
        }
    }
}

/// The file at `path` as configuration; or why not, in the run's language
/// (the configuration's own cannot choose it). The parser of the TOML and
/// the configuration's checks say what is wrong in English.
fn read_config(path: &Path) -> Result<Config, String> {
    let lang = process_lang();
    let text = std::fs::read_to_string(path).map_err(|error| {
        let why = crate::inputs::io_reason(&error, lang);
        t!(lang, "cannot read: {why}", "无法读取：{why}").into_string()
    })?;
    let mut config = Config::from_toml(&text)
        .map_err(|error| t!(lang, "invalid configuration: {error}", "配置有误：{error}").into_string())?;
    // Paths in [compare] are relative to the file that names them.
    config.base_dir = path.parent().map(Path::to_path_buf);
    Ok(config)
}

/// `path` relative to the working folder when it lies below it: configuration
/// paths are found through canonical folders, but users know them relative.
pub fn relative_to_cwd(path: &Path) -> String {
    let cwd = std::env::current_dir().and_then(std::fs::canonicalize);
    match cwd.ok().and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf)) {
        Some(relative) => relative.display().to_string(),
        None => path.display().to_string(),
    }
}

impl ConfigResolver {
    /// Forgets every file read, so that edited files are read again.
    pub fn clear(&mut self) {
        self.by_dir.clear();
        self.canonical.clear();
        if let Some((path, _)) = &self.fixed {
            let path = path.clone();
            self.fixed = Some((path.clone(), read_config(&path)));
        }
    }
}
