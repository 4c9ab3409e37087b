//! Finding and reading the reports a report is compared with (rules
//! C001–C004): last year's report and a summary's parts. Shared by the CLI
//! and the language server, like the configuration resolver.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use nianbao_model::{Bilingual, Diagnostic, Report, t};
use nianbao_parser::read::Origin;
use nianbao_parser::{Format, Projection};
use nianbao_rules::{Config, Other, Related};

use crate::config::relative_to_cwd;

/// Another report, read and parsed.
#[derive(Debug)]
pub struct Loaded {
    /// How diagnostics name it: the path, relative to the working folder.
    pub name: String,
    pub path: PathBuf,
    /// The file's text as its reader opens it: a page's HTML, a hard-wrapped
    /// text as it was extracted, a PDF's or a Word file's text as nianbao
    /// reads it. Shared with what shows findings in it (see
    /// [`RelatedFiles::sources`]).
    pub text: Arc<str>,
    /// Where the report's spans index a projection of `text` (a page, a
    /// hard-wrapped text), the way back into it (see
    /// [`RelatedFiles::map_labels`]).
    pub projection: Option<Projection>,
    pub report: Report,
    /// What the rules work out about `report` once for every file it is
    /// compared with.
    pub memo: nianbao_rules::OtherMemo,
}

/// The reports one report is compared with.
#[derive(Debug, Default)]
pub struct RelatedFiles {
    /// Shared with the index's cache: in a folder of an agency's years, one
    /// report is last year's report of several files.
    pub previous: Option<Arc<Loaded>>,
    pub parts: Vec<Loaded>,
    /// Files named in the configuration that could not be read, each
    /// problem in the configuration's language.
    pub problems: Vec<String>,
}

impl RelatedFiles {
    pub fn as_related(&self) -> Related<'_> {
        fn other(loaded: &Loaded) -> Other<'_> {
            Other { name: &loaded.name, report: &loaded.report, memo: Some(&loaded.memo) }
        }
        Related { previous: self.previous.as_deref().map(other), parts: self.parts.iter().map(other).collect() }
    }

    /// Last year's report, then the parts.
    pub fn all(&self) -> impl Iterator<Item = &Loaded> {
        self.previous.as_deref().into_iter().chain(&self.parts)
    }

    /// Every other file's name and text, for rendering labels in them once
    /// [`RelatedFiles::map_labels`] has moved them into these texts.
    pub fn sources(&self) -> Vec<(String, Arc<str>)> {
        self.all().map(|l| (l.name.clone(), Arc::clone(&l.text))).collect()
    }

    /// Moves `diagnostic`'s labels in another file from that file's report
    /// into its text: a label in last year's page then gives a line of the
    /// page, as one in the checked page does.
    pub fn map_labels(&self, diagnostic: &mut Diagnostic) {
        for label in &mut diagnostic.secondary {
            let Some(name) = label.file.as_deref() else { continue };
            let projection =
                self.all().find(|loaded| loaded.name == name).and_then(|loaded| loaded.projection.as_ref());
            if let Some(projection) = projection {
                label.span = projection.to_source(label.span);
            }
        }
    }
}

/// The reports of one folder that state agency and year, by (agency, year),
/// each list in path order: a folder of 1 000 reports is then not searched
/// through for each of them.
#[derive(Debug, Default)]
struct Folder {
    by_head: HashMap<(String, i32), Vec<PathBuf>>,
    /// Each listed file's inode as the listing gives it (no `stat`), `None`
    /// for a symbolic link, whose target only `stat` tells.
    ids: HashMap<PathBuf, Option<u64>>,
}

impl Folder {
    fn get(&self, key: &(String, i32)) -> Option<&Vec<PathBuf>> {
        self.by_head.get(key)
    }

    fn contains_key(&self, key: &(String, i32)) -> bool {
        self.by_head.contains_key(key)
    }

    /// Whether `a` and `b` name one file: by the listing's inodes when both
    /// are plain files listed here (a folder's files are on one device),
    /// else by [`same_file`]. Finding last year's report for each file of
    /// a folder took two `stat` calls a file.
    fn same_file(&self, a: &Path, b: &Path) -> bool {
        match (self.ids.get(a), self.ids.get(b)) {
            (Some(Some(a)), Some(Some(b))) => a == b,
            _ => same_file(a, b),
        }
    }
}

/// Reports found in folders, parsed once.
#[derive(Debug, Default)]
pub struct FolderIndex {
    folders: HashMap<PathBuf, Folder>,
    /// What files read by the caller say at their head (see [`FolderIndex::remember`]).
    heads: HashMap<PathBuf, Head>,
    /// Last year's reports read lately, each with the modification time and
    /// length it was read at (a changed file is read again): in a folder of
    /// an agency's years, the nine reports of one year all compare with the
    /// same report of the year before, which is parsed once, not nine times.
    loaded: HashMap<PathBuf, (Stamp, Arc<Loaded>)>,
    /// `loaded`'s paths, oldest first, to keep it at [`LOADED_KEPT`].
    loaded_order: VecDeque<PathBuf>,
    /// Set for a run that writes no file (see [`FolderIndex::for_unchanging_files`]).
    unchanging: bool,
    /// How many reports the index has read and parsed (see [`FolderIndex::reports_parsed`]).
    parsed: usize,
}

/// What tells that a file changed: its modification time and length.
type Stamp = (Option<SystemTime>, u64);

/// How many parsed reports the index keeps: a folder is checked in path
/// order, and last year's report is mostly a few files away; a parsed
/// report takes some 20 times its text, and keeping more only costs memory
/// (see `docs/performance-history.md`).
const LOADED_KEPT: usize = 16;

/// The agency and year a report's head states, as the index reads them.
pub type Head = (Option<String>, Option<i32>);

/// The formats the index reads last year's report in, by file extension.
fn format_of(path: &Path) -> Option<Format> {
    Format::of_extension(path.extension()?.to_str()?)
}

/// Reads another report as `nianbao check` reads it (the parser's
/// [`nianbao_parser::read_report`]), keeping the file's text as its reader
/// opens it (a PDF's is its text layer, as for a checked PDF) and, for a
/// page or a hard-wrapped text, the projection the report's spans index.
fn load(path: &Path) -> Result<Loaded, Bilingual> {
    let name = relative_to_cwd(path);
    let bytes = std::fs::read(path).map_err(|error| cannot_read(&name, &error))?;
    let format = Format::detect(path.extension().and_then(|extension| extension.to_str()), &bytes);
    let read = nianbao_parser::read_report(&bytes, format);
    if let Some(problem) = read.problem {
        return Err(problem.map(|lang, problem| t!(lang, "{name}: {problem}", "{name}：{problem}")));
    }
    let projection = match read.origin {
        Origin::Html(projection) | Origin::Reflowed(projection) => Some(projection),
        Origin::Text | Origin::Docx(_) | Origin::Pdf(_) => None,
    };
    Ok(Loaded {
        name: relative_to_cwd(path),
        path: path.to_path_buf(),
        text: read.text.into(),
        projection,
        report: read.report,
        memo: Default::default(),
    })
}

/// How much of a text file the index reads: the title (agency and year) is
/// at the top, and reading whole files would parse a folder of 1 000
/// reports twice.
const HEAD_BYTES: u64 = 2048;

/// How much of a page the index searches for its title: markup (styles,
/// scripts, navigation) comes before it.
const HTML_HEAD_BYTES: u64 = 16 * 1024;

/// The agency and year `path` states at its head (see [`head_of_file`]).
fn read_head(path: &Path) -> Option<Head> {
    use std::io::Read;
    let limit = match format_of(path)? {
        Format::Text => HEAD_BYTES,
        Format::Html => HTML_HEAD_BYTES,
        // Compressed, and a PDF is read from its end: the file's name, or
        // else the whole file.
        Format::Pdf | Format::Docx => {
            let by_name = head_of_name(path);
            if let (Some(_), Some(_)) = by_name {
                return Some(by_name);
            }
            return Some(head_of_file(path, &std::fs::read(path).ok()?));
        }
    };
    // Room for the whole head up front: the file is then read in one call,
    // not in the growing steps `read_to_end` takes from an empty buffer.
    let mut head = Vec::with_capacity(limit as usize);
    let mut file = std::fs::File::open(path).ok()?;
    file.by_ref().take(limit).read_to_end(&mut head).ok()?;
    // A page saved under a text file's name: its title may come after the
    // markup, as in any page.
    if head_format(path, &head) == Some(Format::Html) && limit < HTML_HEAD_BYTES {
        file.take(HTML_HEAD_BYTES - limit).read_to_end(&mut head).ok()?;
    }
    Some(head_of_file(path, &head))
}

/// The format `path` is read in, as `check` reads it, judged by its name
/// and first bytes; `None` for a file the index does not look at.
fn head_format(path: &Path, bytes: &[u8]) -> Option<Format> {
    let extension = path.extension()?.to_str()?;
    Format::of_extension(extension)?;
    Some(Format::detect(Some(extension), bytes))
}

/// What the index reads off a text file whose first bytes (at least the
/// first [`HEAD_BYTES`], if it has them) are `bytes`, as if it read the file.
pub fn head_of(bytes: &[u8]) -> Head {
    let head = &bytes[..bytes.len().min(HEAD_BYTES as usize)];
    nianbao_parser::parse_agency_and_year(&nianbao_parser::decode_prefix(head).0)
}

/// What the index reads off `path`, whose first bytes are `bytes` (all of
/// them for a PDF or a Word file), read in the format `check` reads it in (a
/// page saved as `.txt` is a page): a text file's head; a page's title (see
/// [`page_title`]), else its name; a PDF's or a Word file's name, which
/// published reports mostly take from their title
/// (「某某局2023年政府信息公开工作年度报告.pdf」), else a PDF's first page or
/// a Word file's text (downloads keep the name the site stored them under,
/// 「P020240131563281837386.pdf」).
pub fn head_of_file(path: &Path, bytes: &[u8]) -> Head {
    match head_format(path, bytes) {
        Some(Format::Text) | None => head_of(bytes),
        Some(Format::Html) => {
            let head = &bytes[..bytes.len().min(HTML_HEAD_BYTES as usize)];
            let page = nianbao_parser::decode_prefix(head).0;
            match page_title(&page).map(nianbao_parser::parse_agency_and_year) {
                Some(head @ (Some(_), Some(_))) => head,
                _ => head_of_name(path),
            }
        }
        Some(format @ (Format::Pdf | Format::Docx)) => match head_of_name(path) {
            head @ (Some(_), Some(_)) => head,
            by_name => document_head(format, bytes).unwrap_or(by_name),
        },
    }
}

/// The agency and year `path`'s name states.
fn head_of_name(path: &Path) -> Head {
    let stem = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default();
    nianbao_parser::parse_agency_and_year(stem)
}

/// The agency and year a PDF's first page or a Word file's text states,
/// if it states both.
fn document_head(format: Format, bytes: &[u8]) -> Option<Head> {
    // Every format named: a new one is read here on purpose, not as a DOCX.
    let text = match format {
        Format::Pdf => nianbao_parser::pdf::first_page_text(bytes)?,
        Format::Docx => nianbao_parser::docx::read(bytes).text,
        Format::Text | Format::Html => return None,
    };
    match nianbao_parser::parse_agency_and_year(&text) {
        head @ (Some(_), Some(_)) => Some(head),
        _ => None,
    }
}

/// The report's title in a page's markup: the text of the first element
/// that names a 年度报告. Found by one search, not by reading the page, which
/// cost as much as checking it.
fn page_title(page: &str) -> Option<&str> {
    let at = page.find("年度报告")?;
    let start = page[..at].rfind('>').map_or(0, |i| i + 1);
    let end = page[at..].find('<').map_or(page.len(), |i| at + i);
    Some(page[start..end].trim())
}

/// Whether the index looks at `path`: a report nianbao reads (text, a page,
/// a PDF, a Word file), by its extension.
pub fn is_indexed(path: &Path) -> bool {
    format_of(path).is_some()
}

impl FolderIndex {
    /// An index for a run that writes no file and checks each one once
    /// (`nianbao check`, `audit`): a report it has read is taken as it was,
    /// without a `stat` each time another file compares with it.
    pub fn for_unchanging_files() -> Self {
        Self { unchanging: true, ..Self::default() }
    }

    /// How many reports the index has read and parsed: a report that has
    /// not changed is read once, however often it is asked for.
    pub fn reports_parsed(&self) -> usize {
        self.parsed
    }

    /// Forgets what the folders held (their listings and the heads read
    /// off their files), keeping the reports read, which are read again
    /// only if they changed: for a long-lived index (the language
    /// server's) when files are saved, created or deleted.
    pub fn forget_listings(&mut self) {
        self.folders.clear();
        self.heads.clear();
    }

    /// Records `path`'s head, which the caller read (see [`head_of`]): a
    /// program checking a whole folder has read every file, and the index
    /// then need not open them all a second time.
    pub fn remember(&mut self, path: PathBuf, head: Head) {
        self.heads.insert(path, head);
    }

    /// A report the caller has just read from `path` as `text` and parsed
    /// into `report`, whose spans index `text` or, for a page or a
    /// hard-wrapped text, `projection` of it (as [`load`] reads it), kept if
    /// a report of the next year in its folder will compare with it:
    /// checking a folder in path order, last year's report is then not
    /// parsed a second time. The report is only copied when it will be
    /// wanted.
    pub fn offer(&mut self, path: &Path, text: &str, projection: Option<&Projection>, report: &Report) {
        let (Some(agency), Some(year)) = (&report.metadata.agency, &report.metadata.year) else { return };
        let key = (normalize_agency(&agency.value), year.value);
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let found = self.reports_in(folder);
        let wanted = found.get(&key).and_then(|candidates| candidates.first()).is_some_and(|first| first == path)
            && found.contains_key(&(key.0.clone(), key.1 + 1));
        if !wanted || self.loaded.contains_key(path) {
            return;
        }
        let stamp = if self.unchanging {
            (None, 0)
        } else {
            let Ok(metadata) = std::fs::metadata(path) else { return };
            (metadata.modified().ok(), metadata.len())
        };
        let loaded = Loaded {
            name: relative_to_cwd(path),
            path: path.to_path_buf(),
            text: text.into(),
            projection: projection.cloned(),
            report: report.clone(),
            memo: Default::default(),
        };
        self.keep(path, stamp, Arc::new(loaded));
    }

    /// `path` read and parsed, or the copy read before if the file has not
    /// changed since.
    fn load_cached(&mut self, path: &Path) -> Result<Arc<Loaded>, Bilingual> {
        if self.unchanging
            && let Some((_, loaded)) = self.loaded.get(path)
        {
            return Ok(Arc::clone(loaded));
        }
        let metadata = std::fs::metadata(path).map_err(|error| cannot_read(&relative_to_cwd(path), &error))?;
        let stamp = (metadata.modified().ok(), metadata.len());
        if let Some((seen, loaded)) = self.loaded.get(path)
            && *seen == stamp
        {
            return Ok(Arc::clone(loaded));
        }
        let loaded = Arc::new(load(path)?);
        self.parsed += 1;
        self.keep(path, stamp, Arc::clone(&loaded));
        Ok(loaded)
    }

    /// Keeps `loaded`, read from `path` at `stamp`, with the [`LOADED_KEPT`]
    /// reports read last.
    fn keep(&mut self, path: &Path, stamp: Stamp, loaded: Arc<Loaded>) {
        if self.loaded.insert(path.to_path_buf(), (stamp, loaded)).is_none() {
            self.loaded_order.push_back(path.to_path_buf());
        }
        while self.loaded_order.len() > LOADED_KEPT {
            if let Some(oldest) = self.loaded_order.pop_front() {
                self.loaded.remove(&oldest);
            }
        }
    }

    fn reports_in(&mut self, folder: &Path) -> &Folder {
        let Self { folders, heads, .. } = self;
        folders.entry(folder.to_path_buf()).or_insert_with(|| {
            let Ok(entries) = std::fs::read_dir(folder) else { return Folder::default() };
            let mut found = Folder::default();
            let mut paths: Vec<PathBuf> = Vec::new();
            for entry in entries.flatten() {
                let path = entry.path();
                if is_indexed(&path) {
                    found.ids.insert(path.clone(), listed_id(&entry));
                    paths.push(path);
                }
            }
            // By name: every path is in `folder`, so this is path order,
            // without comparing paths component by component.
            paths.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
            for path in paths {
                let head = heads.remove(&path).or_else(|| read_head(&path));
                if let Some((Some(agency), Some(year))) = head {
                    found.by_head.entry((normalize_agency(&agency), year)).or_default().push(path);
                }
            }
            found
        })
    }
}

fn normalize_agency(agency: &str) -> String {
    let mut normalized = String::with_capacity(agency.len());
    normalized.extend(agency.chars().filter(|c| !c.is_whitespace()));
    normalized
}

/// Why the file `name` could not be read: the system's words in English, a
/// reviewer's in Chinese where the system's reason is a common one.
fn cannot_read(name: &str, error: &std::io::Error) -> Bilingual {
    Bilingual::each(|lang| {
        let why = crate::inputs::io_reason(error, lang);
        t!(lang, "{name}: {why}", "无法读取 {name}：{why}")
    })
}

/// Finds the reports `report` (read from `file`, if it is a file) is compared with.
pub fn find_related(file: Option<&Path>, report: &Report, config: &Config, index: &mut FolderIndex) -> RelatedFiles {
    let lang = config.lang();
    // The setting's name, as nianbao.toml writes it.
    let problem = |key: &str, problem: Bilingual| {
        t!(lang, "{key}: {problem}", "{key}：{problem}", problem = problem.pick(lang)).into_string()
    };
    let mut related = RelatedFiles::default();
    let base = config.base_dir.clone().or_else(|| file.and_then(Path::parent).map(Path::to_path_buf));
    let resolve = |name: &str| base.as_ref().map_or_else(|| PathBuf::from(name), |dir| dir.join(name));
    if let Some(previous) = &config.compare.previous {
        match load(&resolve(previous)) {
            Ok(loaded) => related.previous = Some(Arc::new(loaded)),
            Err(why) => related.problems.push(problem("compare.previous", why)),
        }
    } else if let Some(file) = file {
        related.previous = beside(file, report, index);
    }
    for part in &config.compare.parts {
        match load(&resolve(part)) {
            Ok(loaded) => related.parts.push(loaded),
            Err(why) => related.problems.push(problem("compare.parts", why)),
        }
    }
    related
}

/// Last year's report beside `file`: same agency, the year before.
fn beside(file: &Path, report: &Report, index: &mut FolderIndex) -> Option<Arc<Loaded>> {
    let agency = normalize_agency(&report.metadata.agency.as_ref()?.value);
    let year = report.metadata.year.as_ref()?.value;
    let folder = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let found = index.reports_in(folder);
    let candidates = found.get(&(agency, year - 1))?;
    let candidate = candidates.iter().find(|path| !found.same_file(path, file))?.clone();
    index.load_cached(&candidate).ok()
}

/// A listed file's inode, read off the listing; `None` for a link.
fn listed_id(entry: &std::fs::DirEntry) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirEntryExt;
        // The type comes with the listing on the file systems in use; where
        // it does not, `file_type` asks `lstat`.
        entry.file_type().ok().filter(|kind| !kind.is_symlink()).map(|_| entry.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = entry;
        None
    }
}

/// Whether two paths name one file (a link to the report is the report).
/// On Unix by device and inode: two `stat` calls, where resolving both
/// paths took a system call per path component, for every file of a folder.
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let id = |path: &Path| std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()));
        id(a).is_some_and(|a| id(b) == Some(a))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(a).ok().is_some_and(|a| std::fs::canonicalize(b).ok() == Some(a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YEARS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/years");

    fn this_year() -> (PathBuf, Report) {
        let path = Path::new(YEARS).join("2024-report.md");
        let (_, report) = nianbao_parser::parse_bytes(&std::fs::read(&path).unwrap());
        (path, report)
    }

    #[test]
    fn a_report_the_caller_offers_is_last_years_report_without_a_second_read() {
        let last_path = Path::new(YEARS).join("2023-report.md");
        let (text, report) = nianbao_parser::parse_bytes(&std::fs::read(&last_path).unwrap());
        let (path, this) = this_year();
        let mut index = FolderIndex::default();
        // Nothing in the folder compares with this year's report: not kept.
        index.offer(&path, &text, None, &this);
        assert!(index.loaded.is_empty());
        index.offer(&last_path, &text, None, &report);
        let offered = Arc::clone(&index.loaded[&last_path].1);
        let previous = beside(&path, &this, &mut index).expect("last year's report");
        assert!(Arc::ptr_eq(&previous, &offered), "the offered report, not a second read");
        assert_eq!(previous.report, load(&last_path).unwrap().report);
    }

    #[test]
    fn an_index_for_unchanging_files_trusts_what_it_read_and_another_reads_again() {
        let dir = std::env::temp_dir().join(format!("nianbao-unchanging-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (last, this) = (dir.join("2023-report.md"), dir.join("2024-report.md"));
        std::fs::copy(Path::new(YEARS).join("2023-report.md"), &last).unwrap();
        std::fs::copy(Path::new(YEARS).join("2024-report.md"), &this).unwrap();
        let (_, report) = nianbao_parser::parse_bytes(&std::fs::read(&this).unwrap());
        let mut trusting = FolderIndex::for_unchanging_files();
        let mut careful = FolderIndex::default();
        let first = beside(&this, &report, &mut trusting).unwrap();
        beside(&this, &report, &mut careful).unwrap();
        // Last year's report is rewritten (as `nianbao fix` would).
        let changed = std::fs::read_to_string(&last).unwrap().replace("某某市某某局", "某某市另一局") + "\n";
        std::fs::write(&last, changed).unwrap();
        assert!(Arc::ptr_eq(&beside(&this, &report, &mut trusting).unwrap(), &first));
        let again = beside(&this, &report, &mut careful).unwrap();
        assert!(again.text.contains("某某市另一局"), "read again");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_listing_tells_links_and_other_files_apart() {
        let dir = std::env::temp_dir().join(format!("nianbao-links-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("2024-report.md");
        std::fs::copy(Path::new(YEARS).join("2024-report.md"), &file).unwrap();
        std::fs::copy(Path::new(YEARS).join("2023-report.md"), dir.join("2023-report.md")).unwrap();
        std::fs::hard_link(&file, dir.join("hard.md")).unwrap();
        std::os::unix::fs::symlink(&file, dir.join("soft.md")).unwrap();
        let mut index = FolderIndex::default();
        let folder = index.reports_in(&dir);
        let same = |name: &str| folder.same_file(&dir.join(name), &file);
        assert!(same("2024-report.md") && same("hard.md") && same("soft.md"));
        assert!(!same("2023-report.md"));
        assert_eq!(folder.ids[&dir.join("soft.md")], None, "a link is told by stat");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_head_read_off_the_bytes_is_the_head_read_off_the_file() {
        for name in ["2023-report.md", "2024-report.md"] {
            let path = Path::new(YEARS).join(name);
            let bytes = std::fs::read(&path).unwrap();
            assert!(bytes.len() > HEAD_BYTES as usize, "{name}: the test needs a file longer than the head");
            let head = head_of(&bytes);
            assert!(head.0.is_some() && head.1.is_some(), "{name}: {head:?}");
            assert_eq!(Some(head), read_head(&path), "{name}");
        }
    }

    #[test]
    fn remembered_heads_stand_for_the_files() {
        let (path, report) = this_year();
        let config = Config::default();
        let found = find_related(Some(&path), &report, &config, &mut FolderIndex::default());
        assert!(found.previous.is_some_and(|previous| previous.path.ends_with("2023-report.md")));
        // Told that last year's file is another agency's, the index does not open it to check.
        let mut index = FolderIndex::default();
        index.remember(Path::new(YEARS).join("2023-report.md"), (Some("另一机关".to_string()), Some(2023)));
        assert!(find_related(Some(&path), &report, &config, &mut index).previous.is_none());
    }
}
