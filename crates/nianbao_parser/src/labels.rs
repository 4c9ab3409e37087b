//! The label dictionary: every verbatim row label, column header and group
//! label of the three tables, the known variants of each, and the parts of
//! other formats (subtotals, the 2019 trial format) — all compared after
//! [`normalize_label`].

use std::borrow::Cow;
// FxHash: a label is hashed twice per classified cell, and SipHash's
// flooding resistance buys nothing for a fixed dictionary that is only read.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use nianbao_model::{Fidelity, HeaderClass, RowKey, T2Row, T3Col, T3Group, T3Row, T4Outcome, TableKind, bilingual};

use crate::normalize::{normalize_label, strip_truncation};

/// Longer than any label however it is spaced (37 characters of 3 bytes, plus spaces).
pub(crate) const MAX_LABEL_BYTES: usize = 240;

/// What a label cell was recognised as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LabelMatch {
    /// The label of a value row.
    Row { key: RowKey, fidelity: Fidelity },
    /// A header, group label or note of `table`.
    Header { table: TableKind, class: HeaderClass, role: HeaderRole },
}

impl LabelMatch {
    pub(crate) fn table(&self) -> TableKind {
        match self {
            LabelMatch::Row { key, .. } => key.table(),
            LabelMatch::Header { table, .. } => *table,
        }
    }
}

/// What a header does in the table, which decides whether values may follow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HeaderRole {
    /// A column header: never labels a row of values.
    Column,
    /// A group or block label: values right after it make it a (non-template) row.
    Group,
}

#[derive(Clone, Debug)]
struct Entry {
    result: LabelMatch,
}

fn dictionary() -> &'static HashMap<String, Vec<Entry>> {
    static DICTIONARY: OnceLock<HashMap<String, Vec<Entry>>> = OnceLock::new();
    DICTIONARY.get_or_init(build_dictionary)
}

/// Canonical row labels, normalised, for prefix matching of truncated labels.
fn row_labels() -> &'static [(String, RowKey)] {
    static ROWS: OnceLock<Vec<(String, RowKey)>> = OnceLock::new();
    ROWS.get_or_init(|| {
        TableKind::ALL
            .iter()
            .flat_map(|&table| RowKey::rows_of(table))
            .filter(|key| !key.label().is_empty())
            .map(|key| (normalize_label(key.label()), key))
            .collect()
    })
}

/// Longer texts are no piece of a merged label (the longest, the 勾稽 note,
/// is 34 characters; with spaces and a wide form, well under this).
const MAX_MERGED_BYTES: usize = 160;

/// The normalised headers and group labels of each table: merged cells,
/// whose words a PDF's text layer scatters over lines and beside row labels
/// (「三、」「本」「年」, 「（三）不予」 then 「公开」).
fn merged_labels(table: TableKind) -> &'static [String] {
    static MERGED: OnceLock<[Vec<String>; 3]> = OnceLock::new();
    let all = MERGED.get_or_init(|| {
        let mut all: [Vec<String>; 3] = Default::default();
        for (text, entries) in dictionary() {
            for entry in entries {
                if let LabelMatch::Header { table, .. } = entry.result {
                    all[table as usize].push(text.clone());
                }
            }
        }
        all
    });
    &all[table as usize]
}

/// Every piece (substring) of each table's merged labels, looked up at
/// once: unknown text is asked about all through a table.
fn merged_pieces(table: TableKind) -> &'static HashSet<String> {
    static PIECES: OnceLock<[HashSet<String>; 3]> = OnceLock::new();
    let all = PIECES.get_or_init(|| {
        TableKind::ALL.map(|table| {
            let mut pieces = HashSet::default();
            for label in merged_labels(table) {
                let starts: Vec<usize> = label.char_indices().map(|(at, _)| at).collect();
                for (i, &start) in starts.iter().enumerate() {
                    for &end in starts[i + 1..].iter().chain([&label.len()]) {
                        pieces.insert(label[start..end].to_string());
                    }
                }
            }
            pieces
        })
    });
    &all[table as usize]
}

/// Whether `text` is only pieces of the merged headers and group labels of
/// `table`: each of its words (a PDF's text can set two side by side,
/// 「年 （四）无法」) part of one. A whole label is classified before this
/// is asked.
pub(crate) fn is_merged_label_piece(text: &str, table: TableKind) -> bool {
    // Prose is rejected before it is normalised: the longest merged label
    // (the 勾稽 note) is 34 characters, and none has a full stop.
    if text.len() > MAX_MERGED_BYTES || text.contains('。') {
        return false;
    }
    let pieces = merged_pieces(table);
    let is_piece =
        |piece: &str| !piece.is_empty() && !piece.chars().all(|c| c.is_ascii_digit()) && pieces.contains(piece);
    let mut words = text.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|word| {
            let piece = normalize_label(word);
            // Or two pieces run together: a converter that reads two
            // columns line by line interleaves the merged label of one with
            // the group label of the next (「三、本」 and 「法提供」 of
            // 「三、本年度办理结果」 and 「（四）无法提供」).
            is_piece(&piece)
                || piece.char_indices().skip(1).any(|(at, _)| is_piece(&piece[..at]) && is_piece(&piece[at..]))
        })
}

/// The table whose merged header `text` is a long piece of (eight
/// characters or more: 「（本列数据的勾稽关系为：第一项加第二项之和，」, the
/// first line of a header wrapped in its cell): such a line opens the table.
pub(crate) fn merged_label_table(text: &str) -> Option<TableKind> {
    if text.len() > MAX_MERGED_BYTES || text.len() < 24 || text.contains('。') {
        return None;
    }
    let piece = normalize_label(text);
    if piece.chars().count() < 8 {
        return None;
    }
    TableKind::ALL.into_iter().find(|&table| merged_pieces(table).contains(&piece))
}

fn build_dictionary() -> HashMap<String, Vec<Entry>> {
    let mut map: HashMap<String, Vec<Entry>> = HashMap::default();
    // The texts as the template writes them: most reports copy them, and
    // each is then found without being normalised (see `written_forms`).
    let mut written: Vec<(String, TableKind)> = Vec::new();
    let mut add = |text: &str, result: LabelMatch| {
        written.push((text.to_string(), result.table()));
        map.entry(normalize_label(text)).or_default().push(Entry { result });
    };
    let verbatim = || Fidelity::Verbatim;
    // Borrowed: a label found takes a copy of its entry, which then allocates nothing.
    let variant = |canonical: &'static str| Fidelity::Variant { canonical: Cow::Borrowed(canonical) };
    let known = |canonical: &'static str, fidelity: Fidelity| HeaderClass::Known {
        canonical: Cow::Borrowed(canonical),
        fidelity,
    };
    let header = |table, class, role| LabelMatch::Header { table, class, role };

    // Rows, verbatim and without their ordinal.
    for table in TableKind::ALL {
        for key in RowKey::rows_of(table) {
            if key.label().is_empty() {
                continue;
            }
            add(key.label(), LabelMatch::Row { key, fidelity: verbatim() });
            if let Some(bare) = without_ordinal(key.label())
                && !matches!(key, RowKey::T3(T3Row::TotalResults | T3Row::OtherOther))
            {
                add(bare, LabelMatch::Row { key, fidelity: variant(key.label()) });
            }
        }
    }
    add(
        "规范性文件",
        LabelMatch::Row { key: RowKey::T2(T2Row::NormativeDocuments), fidelity: variant("行政规范性文件") },
    );

    // Table 二 headers.
    let t2 = TableKind::Proactive;
    for text in
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）"]
    {
        add(text, header(t2, known(text, verbatim()), HeaderRole::Column));
    }
    add(
        "本年收费金额",
        header(t2, known("本年收费金额（单位：万元）", variant("本年收费金额（单位：万元）")), HeaderRole::Column),
    );
    add(
        "本年收费金额（万元）",
        header(t2, known("本年收费金额（单位：万元）", variant("本年收费金额（单位：万元）")), HeaderRole::Column),
    );
    for block in ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    {
        add(block, header(t2, known(block, verbatim()), HeaderRole::Group));
    }
    add(
        "第二十条第（九）项",
        header(
            t2,
            HeaderClass::Extra {
                description: bilingual!(
                    "第二十条第（九）项 is not part of table 二 since 2021",
                    "自2021年起，表二不再设第二十条第（九）项"
                ),
            },
            HeaderRole::Group,
        ),
    );
    add(
        "政府集中采购",
        header(
            t2,
            HeaderClass::Obsolete {
                description: bilingual!(
                    "the 政府集中采购 row of the 2019 trial format",
                    "2019年试行格式的「政府集中采购」一行"
                ),
            },
            HeaderRole::Group,
        ),
    );
    add(
        "其他对外管理服务事项",
        header(
            t2,
            HeaderClass::Obsolete {
                description: bilingual!(
                    "the 其他对外管理服务事项 row of the 2019 trial format",
                    "2019年试行格式的「其他对外管理服务事项」一行"
                ),
            },
            HeaderRole::Group,
        ),
    );
    for text in [
        "采购项目数量",
        "采购总金额",
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "本年增/减量",
        "本年增减",
        "处理决定数量",
    ] {
        let description = bilingual!("the 2019 trial-format column 「{text}」", "2019年试行格式的「{text}」一栏");
        add(text, header(t2, HeaderClass::Obsolete { description }, HeaderRole::Column));
    }

    // Table 三 headers and group labels.
    let t3 = TableKind::Applications;
    add(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        header(
            t3,
            known("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", verbatim()),
            HeaderRole::Column,
        ),
    );
    for text in ["申请人情况", "法人或其他组织"] {
        add(text, header(t3, known(text, verbatim()), HeaderRole::Column));
    }
    for col in T3Col::ALL {
        add(col.label(), header(t3, known(col.label(), verbatim()), HeaderRole::Column));
    }
    add("社会组织", header(t3, known("社会公益组织", variant("社会公益组织")), HeaderRole::Column));
    add("其他组织", header(t3, known("其他", variant("其他")), HeaderRole::Column));
    for text in ["法人或其他组织小计", "小计", "合计"] {
        add(
            text,
            header(
                t3,
                HeaderClass::Extra {
                    description: bilingual!("the template has no 「{text}」 column", "模板没有「{text}」一栏"),
                },
                HeaderRole::Column,
            ),
        );
    }
    for group in T3Group::ALL {
        add(group.label(), header(t3, known(group.label(), verbatim()), HeaderRole::Group));
        if let Some(bare) = without_ordinal(group.label()) {
            add(bare, header(t3, known(group.label(), variant(group.label())), HeaderRole::Group));
        }
    }
    add("（六）其他", header(t3, known("（六）其他处理", variant("（六）其他处理")), HeaderRole::Group));

    // Table 四 headers, and the fragments a split header leaves behind.
    let t4 = TableKind::ReviewLitigation;
    for text in ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"] {
        add(text, header(t4, known(text, verbatim()), HeaderRole::Column));
    }
    for outcome in T4Outcome::ALL {
        add(outcome.label(), header(t4, known(outcome.label(), verbatim()), HeaderRole::Column));
    }
    for fragment in ["结果", "维持", "纠正", "其他", "尚未", "审结", "总"] {
        add(fragment, header(t4, HeaderClass::Other, HeaderRole::Column));
    }
    let texts: Vec<String> = written.iter().map(|(text, _)| text.clone()).collect();
    let _ = WRITTEN.set(written);
    add_written_forms(&mut map, texts);
    map
}

/// The dictionary's texts as the template writes them, with their table.
static WRITTEN: OnceLock<Vec<(String, TableKind)>> = OnceLock::new();

/// Every label, header and group label of `table` as the template writes it
/// (and the known variants and other formats' parts): the words a text
/// whose cells run together is cut into (see `crawler`). Set down when the
/// dictionary is built, from the same list.
pub(crate) fn written_labels(table: TableKind) -> impl Iterator<Item = &'static str> {
    dictionary();
    WRITTEN.get().into_iter().flatten().filter(move |(_, of)| *of == table).map(|(text, _)| text.as_str())
}

/// Keys the template's own texts to what [`classify`] finds for them after
/// normalising: the same entries, found by the first lookup. A text already
/// a key (normalised form) keeps its entries, so no lookup changes result.
fn add_written_forms(map: &mut HashMap<String, Vec<Entry>>, written: Vec<String>) {
    for text in written {
        let normalized = normalize_label(&text);
        let Some(entries) = map.get(normalized.trim_end_matches([':', '|'])).filter(|_| !normalized.is_empty()) else {
            continue;
        };
        let entries = entries.clone();
        map.entry(text).or_insert(entries);
    }
}

/// The label without its leading ordinal, if it has one.
fn without_ordinal(label: &str) -> Option<&str> {
    crate::ordinal::leading_ordinal(label).map(|ordinal| &label[ordinal.len..])
}

/// Recognises a label cell. `current` is the table being read, which settles
/// labels shared by two tables (「总计」, 「其他」). `strict` refuses prefix
/// matches: used for free-standing lines, where prose might start like a label.
pub(crate) fn classify(text: &str, current: Option<TableKind>, strict: bool) -> Option<Cow<'static, LabelMatch>> {
    classify_written(text, current, strict).map(|(found, _)| found)
}

/// [`classify`], and `text` itself as the dictionary holds it if it is
/// written exactly as a key is (most labels are): a label keeps that, and
/// need not copy its text.
pub(crate) fn classify_written(
    text: &str,
    current: Option<TableKind>,
    strict: bool,
) -> Option<(Cow<'static, LabelMatch>, Option<&'static str>)> {
    // The longest label has 37 characters: a longer text is prose, and is
    // rejected before paying for its normalisation.
    if text.len() > MAX_LABEL_BYTES {
        return None;
    }
    // No label has a full stop: a sentence is rejected before paying for
    // its normalisation (most prose lines of a report end with one).
    if text.contains('。') {
        return None;
    }
    // Fast path: a label written exactly as its normalised form (normalising
    // is idempotent) or as the template writes it.
    if let Some((key, entries)) = dictionary().get_key_value(text) {
        return Some((Cow::Borrowed(choose(entries, current)), Some(key.as_str())));
    }
    classify_normalised(text, current, strict).map(|found| (found, None))
}

/// [`classify`] for a text that is not written as a key is.
fn classify_normalised(text: &str, current: Option<TableKind>, strict: bool) -> Option<Cow<'static, LabelMatch>> {
    let normalized = normalize_label(text);
    if normalized.is_empty() {
        return None;
    }
    let normalized = normalized.trim_end_matches([':', '|']);
    if let Some(entries) = dictionary().get(normalized) {
        return Some(Cow::Borrowed(choose(entries, current)));
    }
    if let Some(found) = subtotal(normalized) {
        return Some(Cow::Owned(found));
    }

    if strict {
        return None;
    }
    if let Some(found) = prefix_match(normalized) {
        return Some(Cow::Owned(found));
    }
    // A header or group label with a unit in brackets: 「政府集中采购(元)」.
    if let Some(entries) = normalized
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .filter(|(_, unit)| unit.chars().count() <= 4)
        .and_then(|(label, _)| dictionary().get(label))
        .filter(|entries| entries.iter().all(|entry| matches!(entry.result, LabelMatch::Header { .. })))
    {
        return Some(Cow::Borrowed(choose(entries, current)));
    }
    let table = current?;
    near_miss(normalized, table).or_else(|| near_miss_header(normalized, table)).map(Cow::Owned)
}

/// A column header of the table being read, mis-written: 「先行有效件数」
/// for 「现行有效件数」, 「本年废纸件数」 for 「本年废止件数」 — as near as
/// [`near_miss`] asks of a row label.
fn near_miss_header(normalized: &str, table: TableKind) -> Option<LabelMatch> {
    static HEADERS: OnceLock<Vec<(Vec<char>, LabelMatch)>> = OnceLock::new();
    let headers = HEADERS.get_or_init(|| {
        let mut all: Vec<(Vec<char>, LabelMatch)> = Vec::new();
        for (text, entries) in dictionary() {
            for entry in entries {
                if let LabelMatch::Header {
                    table,
                    class: HeaderClass::Known { canonical, fidelity: Fidelity::Verbatim },
                    role: HeaderRole::Column,
                } = &entry.result
                    && text.chars().count() >= 4
                    // The normalised key, as the text compared with it is.
                    && *text == normalize_label(text)
                    // One text a header: the template's written form and its
                    // normalised key are the same header.
                    && !all.iter().any(|(_, known)| {
                        matches!(known, LabelMatch::Header { class: HeaderClass::Known { canonical: other, .. }, .. } if other == canonical)
                    })
                {
                    let variant = LabelMatch::Header {
                        table: *table,
                        class: HeaderClass::Known {
                            canonical: canonical.clone(),
                            fidelity: Fidelity::Variant { canonical: canonical.clone() },
                        },
                        role: HeaderRole::Column,
                    };
                    all.push((text.chars().collect(), variant));
                }
            }
        }
        all
    });
    let written: Vec<char> = normalized.chars().collect();
    if written.iter().any(char::is_ascii_digit) {
        return None;
    }
    let candidates = headers.iter().filter(|(_, found)| found.table() == table);
    nearest(&written, candidates.map(|(label, found)| (label.clone(), found))).cloned()
}

/// A row label of the table being read, mis-written: 「7.属于行政执法案件」
/// for 「7.属于行政执法案卷」, 「2.其他法律行政止公开」 for
/// 「2.其他法律行政法规禁止公开」. Within a quarter of the label's length
/// in characters changed, added or left out, and nearer to it than to any
/// other label by two edits at least: a typo is one label's, never a guess
/// between two.
fn near_miss(normalized: &str, table: TableKind) -> Option<LabelMatch> {
    let written: Vec<char> = normalized.chars().collect();
    // A text with a digit after its ordinal holds a value, not a label.
    if written.iter().skip(2).any(char::is_ascii_digit) {
        return None;
    }
    let labels = row_labels().iter().filter(|(_, key)| key.table() == table);
    let key = nearest(&written, labels.map(|(label, key)| (label.chars().collect::<Vec<char>>(), *key)))?;
    Some(LabelMatch::Row { key, fidelity: Fidelity::Variant { canonical: Cow::Borrowed(key.label()) } })
}

/// The candidate `written` is a near miss of, if one: within a quarter of
/// its length of edits (one at least) and nearer than every other
/// candidate by two edits. Only candidates of about the same length are
/// measured; texts under 4 or over 40 characters are no labels' misses.
fn nearest<T>(written: &[char], candidates: impl Iterator<Item = (Vec<char>, T)>) -> Option<T> {
    if written.len() < 4 || written.len() > 40 {
        return None;
    }
    let mut best: Option<(usize, usize, T)> = None;
    let mut second = usize::MAX;
    for (label, found) in candidates {
        if label.len().abs_diff(written.len()) > label.len() / 4 {
            continue;
        }
        let distance = edit_distance(written, &label);
        match &best {
            Some((nearest, ..)) if distance >= *nearest => second = second.min(distance),
            _ => {
                if let Some((nearest, ..)) = best {
                    second = second.min(nearest);
                }
                best = Some((distance, label.len(), found));
            }
        }
    }
    let (distance, len, found) = best?;
    (distance <= (len / 4).max(1) && second >= distance + 2).then_some(found)
}

/// Levenshtein distance between two texts, in characters.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The entry for the table being read, else the first. Borrowed: classify
/// runs several times per cell, and most answers are never kept.
fn choose(entries: &'static [Entry], current: Option<TableKind>) -> &'static LabelMatch {
    &entries.iter().find(|entry| Some(entry.result.table()) == current).unwrap_or(&entries[0]).result
}

/// 「（三）不予公开小计」 and the like: a subtotal row the template does not have.
fn subtotal(normalized: &str) -> Option<LabelMatch> {
    if normalized.chars().count() > 2 && (normalized.ends_with("小计") || normalized.ends_with("合计")) {
        return Some(LabelMatch::Header {
            table: TableKind::Applications,
            class: HeaderClass::Extra {
                description: bilingual!(
                    "the template has no subtotal 「{normalized}」",
                    "模板不设小计「{normalized}」"
                ),
            },
            role: HeaderRole::Group,
        });
    }
    None
}

/// Truncated labels (「1.申请人无正当理由逾期.....」) and labels with a short
/// bracketed suffix (「一、本年新收政府信息公开申请数量（件）」).
fn prefix_match(normalized: &str) -> Option<LabelMatch> {
    let (stem, truncated) = strip_truncation(normalized);
    let min_chars = if truncated { 3 } else { 5 };
    if stem.chars().count() < min_chars {
        return None;
    }
    let mut candidates = row_labels().iter().filter(|(canonical, _)| {
        let shortened = canonical.starts_with(stem);
        let suffixed = stem.starts_with(canonical.as_str())
            && stem[canonical.len()..].starts_with('(')
            && stem.chars().count() <= canonical.chars().count() + 8;
        shortened || suffixed
    });
    let (_, key) = candidates.next()?;
    if candidates.next().is_some() {
        return None;
    }
    Some(LabelMatch::Row { key: *key, fidelity: Fidelity::Variant { canonical: Cow::Borrowed(key.label()) } })
}

/// Whether a short free-standing text could be a split header word rather than
/// prose: short and without sentence punctuation.
pub(crate) fn is_header_like(text: &str) -> bool {
    let count = text.chars().count();
    count <= 20 && !text.contains(['。', '；', ';', '！', '？'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A converter that reads two columns line by line runs a piece of one
    /// merged label into a piece of the next: still pieces, no heading.
    #[test]
    fn two_pieces_run_together_are_pieces() {
        assert!(is_merged_label_piece("三、本法提供", TableKind::Applications));
        assert!(is_merged_label_piece("年 （四）无法", TableKind::Applications));
        assert!(!is_merged_label_piece("三、本年度共收到申请", TableKind::Applications));
        assert!(!is_merged_label_piece("三、工作机制保障", TableKind::Applications));
    }

    #[test]
    fn written_forms_find_what_their_normal_forms_find() {
        let map = dictionary();
        let mut written = 0;
        for (key, entries) in map {
            let normalized = normalize_label(key);
            if normalized == *key {
                continue;
            }
            written += 1;
            let found =
                map.get(normalized.trim_end_matches([':', '|'])).expect("a written form's normal form is a key");
            assert_eq!(format!("{entries:?}"), format!("{found:?}"), "{key}");
        }
        assert!(written > 10, "the template's written forms are keys ({written})");
    }

    #[test]
    fn labels_written_as_keys_are_lent_by_the_dictionary() {
        for key in dictionary().keys().filter(|key| key.len() <= MAX_LABEL_BYTES) {
            let (found, written) = classify_written(key, None, false).expect("a key is a label");
            assert_eq!(written, Some(key.as_str()));
            assert_eq!(Some(found), classify(key, None, false));
        }
        let (found, written) = classify_written("一、 本年新收政府信息公开申请数量", None, false).unwrap();
        assert_eq!(written, None, "spaced: found by its normal form, and copied");
        assert!(matches!(*found, LabelMatch::Row { key: RowKey::T3(T3Row::NewReceived), .. }));
        // The template's own texts come without a copy of their canonical form either.
        let header = classify("本年制发件数", None, true).unwrap().into_owned();
        assert!(matches!(
            header,
            LabelMatch::Header { class: HeaderClass::Known { canonical: Cow::Borrowed(_), .. }, .. }
        ));
    }

    fn row(text: &str) -> Option<(RowKey, bool)> {
        match classify(text, None, false)?.into_owned() {
            LabelMatch::Row { key, fidelity } => Some((key, fidelity == Fidelity::Verbatim)),
            LabelMatch::Header { .. } => None,
        }
    }

    #[test]
    fn rows_in_any_width_and_spacing() {
        assert_eq!(row("一、本年新收政府信息公开申请数量"), Some((RowKey::T3(T3Row::NewReceived), true)));
        assert_eq!(
            row("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)"),
            Some((RowKey::T3(T3Row::PartiallyDisclosed), true))
        );
        assert_eq!(row("3. 危及“三安全一稳定”"), Some((RowKey::T3(T3Row::WithheldSafety), true)));
        assert_eq!(row("(七) 总计"), Some((RowKey::T3(T3Row::TotalResults), true)));
        assert_eq!(row("规章"), Some((RowKey::T2(T2Row::Regulations), true)));
    }

    #[test]
    fn variants_truncations_and_suffixes() {
        assert_eq!(row("规范性文件"), Some((RowKey::T2(T2Row::NormativeDocuments), false)));
        assert_eq!(row("1.申请人无正当理由逾期....."), Some((RowKey::T3(T3Row::OtherNoCorrection), false)));
        assert_eq!(row("2.申请人逾期未按收费通知....."), Some((RowKey::T3(T3Row::OtherUnpaidFee), false)));
        assert_eq!(row("属于国家秘密"), Some((RowKey::T3(T3Row::WithheldStateSecret), false)));
        assert_eq!(row("一、本年新收政府信息公开申请数量（件）"), Some((RowKey::T3(T3Row::NewReceived), false)));
        assert_eq!(row("行政许可办理情况良好"), None);
    }

    #[test]
    fn shared_headers_resolve_by_current_table() {
        let t4 = classify("总计", Some(TableKind::ReviewLitigation), false).unwrap().into_owned();
        assert_eq!(t4.table(), TableKind::ReviewLitigation);
        let t3 = classify("总计", Some(TableKind::Applications), false).unwrap().into_owned();
        assert_eq!(t3.table(), TableKind::Applications);
        let fragment = classify("结 果", Some(TableKind::ReviewLitigation), false).unwrap().into_owned();
        assert!(matches!(fragment, LabelMatch::Header { class: HeaderClass::Other, .. }));
    }

    #[test]
    fn variant_headers_and_extra_parts() {
        let social = classify("社会组织", None, true).unwrap().into_owned();
        assert!(matches!(
            social,
            LabelMatch::Header { class: HeaderClass::Known { fidelity: Fidelity::Variant { .. }, .. }, .. }
        ));
        let subtotal = classify("法人或其他组织小计", None, true).unwrap().into_owned();
        assert!(matches!(subtotal, LabelMatch::Header { class: HeaderClass::Extra { .. }, .. }));
        let obsolete = classify("本年新制作数量", None, true).unwrap().into_owned();
        assert!(matches!(obsolete, LabelMatch::Header { class: HeaderClass::Obsolete { .. }, .. }));
    }
}
