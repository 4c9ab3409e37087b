//! Which rows of an audit are one body, and which files are one report.
//!
//! A folder a supervising office collects holds the same body written two
//! ways (「洪泽区人民政府」 in its own report, 「淮安市洪泽区人民政府」 in another
//! year's) and the same report twice (the published PDF and its Word
//! draft). Both are decided over the whole audit, not one file at a time.

use std::collections::BTreeMap;

/// Characters that end a place name: 「江苏省」, 「淮安市」, 「洪泽区」, 「某某旗」.
const PLACE_ENDS: [char; 7] = ['省', '市', '州', '盟', '县', '区', '旗'];

/// For each agency named in the audit, the fullest name of the same body
/// among them: 「洪泽区人民政府」 → 「淮安市洪泽区人民政府」 when both occur.
/// A name maps to a longer one only when the longer is it with places
/// before it, both name a place of their own, and exactly one fullest name
/// fits (「洪泽区人民政府」 beside 「淮安市洪泽区人民政府」 and 「某市洪泽区人民政府」
/// stays as written). Different bodies never meet: 「…人民政府办公室」 does
/// not end with 「…人民政府」, and 「公安局」 names no place.
pub(super) fn fullest_names<'a>(agencies: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    let mut names: Vec<&str> = agencies.into_iter().collect();
    names.sort_unstable();
    names.dedup();
    let mut fullest = BTreeMap::new();
    for &name in &names {
        let longer: Vec<&str> = names.iter().copied().filter(|&other| qualifies(other, name)).collect();
        // The fullest of the longer names; each of the others must be part of it.
        let Some(&full) = longer.iter().max_by_key(|other| other.len()) else { continue };
        if longer.iter().all(|&other| other == full || full.ends_with(other)) {
            fullest.insert(name.to_string(), full.to_string());
        }
    }
    fullest
}

/// Whether `long` is `short` with places written before it, `short`
/// naming a place of its own: 「淮安市」 + 「洪泽区人民政府」.
fn qualifies(long: &str, short: &str) -> bool {
    place_prefix(short).is_some()
        && long.len() > short.len()
        && long.ends_with(short)
        && place_prefix(&long[..long.len() - short.len()])
            .is_some_and(|places| places.len() == long.len() - short.len())
}

/// The places a name starts with: the longest run of place names (each two
/// to eight characters ending in 省/市/区/县…) at its start; `None` when it
/// starts with none. 「淮安市洪泽区人民政府」 → 「淮安市洪泽区」; 「市场监督管理局」 → `None`.
fn place_prefix(name: &str) -> Option<&str> {
    let mut end = 0;
    loop {
        let rest = &name[end..];
        let next = rest
            .char_indices()
            .take(8)
            .skip(1)
            .find(|&(_, c)| PLACE_ENDS.contains(&c))
            .map(|(at, c)| end + at + c.len_utf8());
        match next {
            Some(next) => end = next,
            None => break,
        }
    }
    (end > 0).then(|| &name[..end])
}

/// One report held in several files: the one it is counted by, and the rest.
#[derive(Debug, PartialEq)]
pub(super) struct Copies {
    pub(super) kept: usize,
    pub(super) others: Vec<usize>,
}

/// What decides which of a report's files it is counted by.
pub(super) struct File<'a> {
    /// The body (its fullest name) and year; files without both are never
    /// taken for one another.
    pub(super) key: Option<(&'a str, i32)>,
    /// Whether its tables could be added up.
    pub(super) tables_read: bool,
    pub(super) path: &'a str,
}

/// Files of the same body and year, as one report each: counted by the file
/// whose tables were read, a text or Word file before a web page before a
/// PDF (the reading most faithful to what was written), then by path.
pub(super) fn copies(files: &[File<'_>]) -> Vec<Copies> {
    let mut groups: BTreeMap<(&str, i32), Vec<usize>> = BTreeMap::new();
    for (index, file) in files.iter().enumerate() {
        if let Some(key) = file.key {
            groups.entry(key).or_default().push(index);
        }
    }
    groups
        .into_values()
        .filter(|group| group.len() > 1)
        .map(|mut group| {
            group.sort_by_key(|&index| {
                let file = &files[index];
                (!file.tables_read, format_rank(file.path), file.path)
            });
            Copies { kept: group[0], others: group[1..].to_vec() }
        })
        .collect()
}

fn format_rank(path: &str) -> u8 {
    let extension = path.rsplit_once('.').map(|(_, extension)| extension.to_ascii_lowercase());
    match extension.as_deref() {
        Some("txt" | "md" | "markdown") => 0,
        Some("docx") => 1,
        Some("html" | "htm") => 2,
        Some("pdf") => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_written_with_and_without_its_city_is_one() {
        let names =
            fullest_names(["洪泽区人民政府", "淮安市洪泽区人民政府", "洪泽区人民政府办公室", "公安局", "某某市公安局"]);
        assert_eq!(names.get("洪泽区人民政府").map(String::as_str), Some("淮安市洪泽区人民政府"));
        // Another body, and a name without a place of its own.
        assert_eq!(names.get("洪泽区人民政府办公室"), None);
        assert_eq!(names.get("公安局"), None);
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn places_are_whole_names_not_words_that_hold_a_place_character() {
        assert_eq!(place_prefix("淮安市洪泽区人民政府"), Some("淮安市洪泽区"));
        assert_eq!(place_prefix("市场监督管理局"), None);
        assert_eq!(fullest_names(["市场监督管理局", "洪泽区市场监督管理局"]).len(), 0);
        // 「区」 alone before the body is not a place: 「区人民政府」 is no name.
        assert!(!qualifies("洪泽区人民政府", "人民政府"));
    }

    #[test]
    fn two_fuller_names_that_disagree_merge_nothing() {
        let names = fullest_names(["洪泽区人民政府", "淮安市洪泽区人民政府", "某某市洪泽区人民政府"]);
        assert_eq!(names.get("洪泽区人民政府"), None);
        // A chain of places merges into the fullest.
        let names = fullest_names(["洪泽区人民政府", "淮安市洪泽区人民政府", "江苏省淮安市洪泽区人民政府"]);
        assert_eq!(names.get("洪泽区人民政府").map(String::as_str), Some("江苏省淮安市洪泽区人民政府"));
        assert_eq!(names.get("淮安市洪泽区人民政府").map(String::as_str), Some("江苏省淮安市洪泽区人民政府"));
    }

    #[test]
    fn a_report_in_several_files_is_counted_by_its_most_faithful_reading() {
        let file = |key, tables_read, path| File { key, tables_read, path };
        let files = [
            file(Some(("某局", 2024)), true, "a/report.pdf"),
            file(Some(("某局", 2024)), true, "a/report.docx"),
            file(Some(("某局", 2023)), true, "a/2023.pdf"),
            file(None, true, "b.txt"),
            file(None, true, "c.txt"),
            file(Some(("某局", 2024)), false, "a/report.txt"),
        ];
        assert_eq!(copies(&files), vec![Copies { kept: 1, others: vec![0, 5] }]);
    }
}
