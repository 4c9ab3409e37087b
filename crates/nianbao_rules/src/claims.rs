//! Numeric claims in prose: 「2024年新受理20件」 → (new applications, 20).
//!
//! A claim is a number tied to a metric by a keyword *before* it in the same
//! clause (so 「4件受理方式为网络申请」 is no claim about receipts). Numbers in
//! comparisons (「较去年上升1件」) are not current figures and are skipped. A
//! number that cannot be tied to a metric is ignored, never guessed.

// FxHash: a fixed index, only read; see the parser's label dictionary.
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use nianbao_model::{Report, SectionKind, Span};

use crate::text::{CharSet, FirstChars, Words, has};

/// What a prose number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    /// 新收/新受理: table 三 一[总计].
    ReceivedNew,
    /// 收到/受理/共受理: 一[总计], or 一 + 二 when it includes carry-over.
    Received,
    /// 办理/处理 of applications: 一, 一 + 二 or （七）总计.
    Handled,
    /// 上年结转: 二[总计].
    CarriedOver,
    /// 办结/答复: （七）总计.
    Disposed,
    /// 结转下年度/正在办理: 四[总计].
    CarriedForward,
    /// 行政复议: 表四 复议 总计.
    Review,
    /// 行政诉讼: 直接起诉 总计 + 复议后起诉 总计.
    Litigation,
    /// 予以公开 … 其他处理: one of the table 三 outcome groups, or several
    /// named together (「予以公开及部分公开42件」: their sum).
    Outcome(Outcomes),
    /// Table 二 figures.
    Table2(Table2Figure),
}

/// The outcome groups of table 三.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    Disclosed,
    Partial,
    Withheld,
    Unavailable,
    NotProcessed,
    OtherHandling,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::Disclosed,
        Outcome::Partial,
        Outcome::Withheld,
        Outcome::Unavailable,
        Outcome::NotProcessed,
        Outcome::OtherHandling,
    ];
}

/// A set of outcome groups a claim counts together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Outcomes(u8);

impl Outcomes {
    pub const fn of(outcome: Outcome) -> Self {
        Outcomes(1 << outcome as u8)
    }

    #[must_use]
    pub const fn with(self, outcome: Outcome) -> Self {
        Outcomes(self.0 | 1 << outcome as u8)
    }

    /// The groups in either set.
    #[must_use]
    pub const fn union(self, other: Outcomes) -> Self {
        Outcomes(self.0 | other.0)
    }

    /// The groups not in this set.
    #[must_use]
    pub fn complement(self) -> Self {
        Outcome::ALL.into_iter().filter(|&outcome| self.0 & (1 << outcome as u8) == 0).fold(Outcomes(0), Outcomes::with)
    }

    /// The groups in template order.
    pub fn iter(self) -> impl Iterator<Item = Outcome> {
        Outcome::ALL.into_iter().filter(move |&outcome| self.0 & (1 << outcome as u8) != 0)
    }
}

/// Words that join outcome groups named together: 「予以公开及部分公开」.
const OUTCOME_JOINS: &[&str] = &["及", "和", "与", "、", "以及", "或"];

/// Table 二 figures that prose states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table2Figure {
    RegulationsIssued,
    NormativeIssued,
    NormativeRepealed,
    NormativeInForce,
    Licensing,
    Punishment,
    Enforcement,
    Fees,
}

/// One claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub metric: Metric,
    pub value: f64,
    /// `件`, `%`, `万元`, …
    pub unit: &'static str,
    /// The number (with its unit).
    pub span: Span,
    /// The clause it was read from.
    pub clause: Span,
    /// The section it is in.
    pub section: Option<SectionKind>,
    /// 「含上年结转…」 in the same clause: the figure includes carry-over.
    pub includes_carry_over: bool,
    /// The last year its sentence names before the number (「2020年…33项」):
    /// statements about different years are no contradiction. `None` when
    /// the sentence names none.
    pub year: Option<i32>,
}

const UNITS: &[&str] = &["万元", "件", "条", "个", "项", "次", "%", "％"];

/// Keywords, longest first within a metric, checked in this order.
const KEYWORDS: &[(&str, Metric)] = &[
    ("结转下年度", Metric::CarriedForward),
    ("结转至下年度", Metric::CarriedForward),
    ("结转下一年度", Metric::CarriedForward),
    ("正在办理", Metric::CarriedForward),
    ("尚未办结", Metric::CarriedForward),
    ("仍在办理", Metric::CarriedForward),
    ("上年结转", Metric::CarriedOver),
    ("上年度结转", Metric::CarriedOver),
    ("年度结转", Metric::CarriedOver),
    ("新收", Metric::ReceivedNew),
    ("新受理", Metric::ReceivedNew),
    ("新接收", Metric::ReceivedNew),
    // 「受理并办结3件」 counts the applications concluded.
    ("受理并办结", Metric::Disposed),
    ("办结", Metric::Disposed),
    ("答复", Metric::Disposed),
    ("收到", Metric::Received),
    ("受理", Metric::Received),
    ("接收", Metric::Received),
    ("办理", Metric::Handled),
    ("处理", Metric::Handled),
    ("行政复议", Metric::Review),
    ("行政诉讼", Metric::Litigation),
    // 「同意公开答复数1件」「其中公开答复1件」 are disclosures, not all answers.
    ("已主动公开答复", Metric::Outcome(Outcomes::of(Outcome::Disclosed))),
    ("同意公开答复", Metric::Outcome(Outcomes::of(Outcome::Disclosed))),
    ("不予公开答复", Metric::Outcome(Outcomes::of(Outcome::Withheld))),
    ("公开答复", Metric::Outcome(Outcomes::of(Outcome::Disclosed))),
    // 「区分处理后公开1件」 is the partial disclosure, not applications handled.
    ("区分处理后公开", Metric::Outcome(Outcomes::of(Outcome::Partial))),
    ("区分处理", Metric::Outcome(Outcomes::of(Outcome::Partial))),
    ("予以公开", Metric::Outcome(Outcomes::of(Outcome::Disclosed))),
    ("部分公开", Metric::Outcome(Outcomes::of(Outcome::Partial))),
    ("不予公开", Metric::Outcome(Outcomes::of(Outcome::Withheld))),
    ("无法提供", Metric::Outcome(Outcomes::of(Outcome::Unavailable))),
    ("不予处理", Metric::Outcome(Outcomes::of(Outcome::NotProcessed))),
    ("其他处理", Metric::Outcome(Outcomes::of(Outcome::OtherHandling))),
    ("现行有效行政规范性文件", Metric::Table2(Table2Figure::NormativeInForce)),
    ("废止行政规范性文件", Metric::Table2(Table2Figure::NormativeRepealed)),
    ("制发行政规范性文件", Metric::Table2(Table2Figure::NormativeIssued)),
    ("印发行政规范性文件", Metric::Table2(Table2Figure::NormativeIssued)),
    ("制发规章", Metric::Table2(Table2Figure::RegulationsIssued)),
    ("行政许可", Metric::Table2(Table2Figure::Licensing)),
    ("行政处罚", Metric::Table2(Table2Figure::Punishment)),
    ("行政强制", Metric::Table2(Table2Figure::Enforcement)),
    ("行政事业性收费", Metric::Table2(Table2Figure::Fees)),
];

/// Words that make the number after them a comparison, not a current figure.
const COMPARISONS: &[&str] = &["较", "同比", "比上年", "比去年", "上升", "下降", "增加", "减少", "增长", "环比"];

/// Application metrics need the sentence to be about 信息公开 applications.
fn needs_application_context(metric: Metric) -> bool {
    matches!(
        metric,
        Metric::ReceivedNew
            | Metric::Received
            | Metric::Handled
            | Metric::Disposed
            | Metric::CarriedOver
            | Metric::CarriedForward
    )
}

/// Every claim in the report's prose, in document order.
pub fn claims(report: &Report) -> Vec<Claim> {
    let chars: Vec<CharSet> = report.paragraphs().map(|p| CharSet::of(&p.text)).collect();
    claims_with(report, &chars)
}

/// [`claims`], given the characters of each paragraph (in
/// [`Report::paragraphs`] order), as the rules' [`crate::Context`] keeps them.
pub(crate) fn claims_with(report: &Report, chars: &[CharSet]) -> Vec<Claim> {
    let mut out = Vec::new();
    // The clauses of the sentence being read, kept across paragraphs.
    let mut clauses = Vec::new();
    let paragraphs = report
        .preface
        .iter()
        .map(|p| (None, p))
        .chain(report.sections.iter().flat_map(|s| s.paragraphs.iter().map(move |p| (s.kind, p))));
    for ((section, paragraph), chars) in paragraphs.zip(chars) {
        if may_state_a_count(&paragraph.text, chars) {
            read_paragraph(&paragraph.text, paragraph.span.start, section, &mut clauses, &mut out);
        }
    }
    out
}

/// What a character does for the extractor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// 「。」「；」「！」「？」: ends a sentence (and its clause).
    SentenceEnd,
    /// 「，」「：」: ends a clause.
    ClauseEnd,
    /// 件 条 个 项 次 % 元: a clause without one states no count.
    Unit,
    Other,
}

/// What each character is, by definition; [`marks`] reads the same off bytes.
#[cfg(test)]
fn mark(ch: char) -> Mark {
    match ch {
        '。' | '；' | ';' | '！' | '？' => Mark::SentenceEnd,
        '，' | ',' | '：' | ':' => Mark::ClauseEnd,
        '件' | '条' | '个' | '项' | '次' | '%' | '％' | '元' => Mark::Unit,
        _ => Mark::Other,
    }
}

/// The marks of `text` with their byte offsets and lengths, read off the
/// UTF-8 bytes: every mark is ASCII or three bytes long, so characters are
/// compared as bytes, never decoded. (Decoding every character of the prose
/// was most of the extractor's cost.) Agrees with [`mark`] (a test checks).
fn marks(text: &str) -> impl Iterator<Item = (usize, Mark, usize)> + '_ {
    /// The UTF-8 bytes of a character from U+0800 to U+FFFF, as a number.
    const fn key(ch: char) -> u32 {
        let c = ch as u32;
        (0xE0 | (c >> 12)) << 16 | (0x80 | ((c >> 6) & 0x3F)) << 8 | (0x80 | (c & 0x3F))
    }
    const FULL_STOP: u32 = key('。');
    const SEMICOLON: u32 = key('；');
    const EXCLAMATION: u32 = key('！');
    const QUESTION: u32 = key('？');
    const COMMA: u32 = key('，');
    const COLON: u32 = key('：');
    const PERCENT: u32 = key('％');
    const JIAN: u32 = key('件');
    const TIAO: u32 = key('条');
    const GE: u32 = key('个');
    const XIANG: u32 = key('项');
    const CI: u32 = key('次');
    const YUAN: u32 = key('元');
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&lead) = bytes.get(i) {
            let at = i;
            let (mark, len) = match lead {
                b';' => (Mark::SentenceEnd, 1),
                b',' | b':' => (Mark::ClauseEnd, 1),
                b'%' => (Mark::Unit, 1),
                0x00..=0x7F => (Mark::Other, 1),
                0xE0..=0xEF => {
                    let key = match bytes.get(at + 1..at + 3) {
                        Some(&[second, third]) => u32::from(lead) << 16 | u32::from(second) << 8 | u32::from(third),
                        _ => 0,
                    };
                    let mark = match key {
                        FULL_STOP | SEMICOLON | EXCLAMATION | QUESTION => Mark::SentenceEnd,
                        COMMA | COLON => Mark::ClauseEnd,
                        PERCENT | JIAN | TIAO | GE | XIANG | CI | YUAN => Mark::Unit,
                        _ => Mark::Other,
                    };
                    (mark, 3)
                }
                0xF0.. => (Mark::Other, 4),
                _ => (Mark::Other, 2),
            };
            i += len;
            if mark != Mark::Other {
                return Some((at, mark, len));
            }
        }
        None
    })
}

/// Whether `text` has a unit right after a character a number may end
/// with: without one, [`number_after`] finds nothing anywhere in it, and its
/// sentences need not be cut. A search per unit, by SIMD, costs less than
/// cutting the paragraph (most paragraphs state no count).
fn may_state_a_count(text: &str, chars: &CharSet) -> bool {
    unit_starts().occurrences(text, chars).any(|at| text[..at].chars().next_back().is_some_and(in_number))
}

/// The first character of each of [`UNITS`], each with a search built once.
fn unit_starts() -> &'static Words<'static> {
    static STARTS: OnceLock<Words<'static>> = OnceLock::new();
    STARTS.get_or_init(|| {
        let starts: Vec<&'static str> =
            UNITS.iter().map(|unit| &unit[..unit.chars().next().map_or(0, char::len_utf8)]).collect();
        Words::new(&starts)
    })
}

/// A clause of the sentence being read: byte range in the paragraph, and
/// whether it has a unit character.
#[derive(Clone, Copy)]
struct Clause {
    start: usize,
    end: usize,
    has_unit: bool,
}

/// Cuts a paragraph (starting at byte `base`) into sentences and clauses in
/// one pass over its characters, and reads the clauses that have a unit.
/// Most prose states no count, and decoding it once instead of once per
/// split and per filter was most of the extractor's cost.
fn read_paragraph(
    text: &str,
    base: usize,
    section: Option<SectionKind>,
    clauses: &mut Vec<Clause>,
    out: &mut Vec<Claim>,
) {
    clauses.clear();
    let mut sentence_start = 0;
    let mut clause = Clause { start: 0, end: 0, has_unit: false };
    for (at, mark, len) in marks(text).chain(std::iter::once((text.len(), Mark::SentenceEnd, 0))) {
        match mark {
            Mark::Other => {}
            Mark::Unit => clause.has_unit = true,
            end => {
                clauses.push(Clause { end: at, ..clause });
                clause = Clause { start: at + len, end: 0, has_unit: false };
                if end == Mark::SentenceEnd {
                    read_sentence(text, base, (sentence_start, at), clauses, section, out);
                    clauses.clear();
                    sentence_start = clause.start;
                }
            }
        }
    }
}

/// The clauses with a unit of one sentence. A clause with a unit is never
/// blank, so blank pieces need no test.
fn read_sentence(
    text: &str,
    base: usize,
    (start, end): (usize, usize),
    clauses: &[Clause],
    section: Option<SectionKind>,
    out: &mut Vec<Claim>,
) {
    if !clauses.iter().any(|clause| clause.has_unit) {
        return;
    }
    let about_applications = has(&text[start..end], "申请");
    // The metric of the last count read: 「无法提供265件，占32.9%」 gives the
    // share of the same outcome in the clause after it.
    let mut last_count: Option<Metric> = None;
    for clause in clauses.iter().filter(|clause| clause.has_unit) {
        let first = out.len();
        let written = &text[clause.start..clause.end];
        read_clause((base + clause.start, written), about_applications, section, out);
        if out.len() == first
            && let Some(metric) = last_count
            && let Some(share) = share_of_previous(written)
        {
            let previous_clause = out.last().map_or(Span::new(base + clause.start, base + clause.end), |c| c.clause);
            out.push(Claim {
                metric,
                value: share.value,
                unit: share.unit,
                span: Span::new(base + clause.start + share.start, base + clause.start + share.end),
                clause: previous_clause.cover(Span::new(base + clause.start, base + clause.end)),
                section,
                includes_carry_over: false,
                year: None,
            });
        }
        last_count = out[first..]
            .last()
            .filter(|c| !matches!(c.unit, "%" | "％") && matches!(c.metric, Metric::Outcome(_)))
            .map(|c| c.metric);
        for claim in &mut out[first..] {
            claim.year = last_year(&text[start..claim.span.start - base]);
        }
    }
}

/// Whether a number after 行政许可/行政处罚/行政强制 can be table 二's count
/// of decisions: 「行政许可类信息19条」「公示行政许可信息782条」 count items of
/// published information, 「行政许可57项」 items of a service list.
fn is_table2_decision_count(metric: Metric, between: &str, unit: &str) -> bool {
    let decisions = matches!(
        metric,
        Metric::Table2(Table2Figure::Licensing | Table2Figure::Punishment | Table2Figure::Enforcement)
    );
    !decisions || (!matches!(unit, "条" | "项") && !["类", "信息", "事项"].iter().any(|word| has(between, word)))
}

/// 「占32.9%」 (or 「占比32.9%」) alone in a clause: the share of the count
/// before it.
fn share_of_previous(clause: &str) -> Option<Number> {
    let rest = clause.trim_start();
    let offset = clause.len() - rest.len();
    let after = rest.strip_prefix("占比").or_else(|| rest.strip_prefix("占"))?;
    let from = clause.len() - after.len();
    let number = number_after(clause, from).filter(|n| matches!(n.unit, "%" | "％"))?;
    // Only the share: nothing but the number after 「占」.
    (clause[from..number.start].trim().is_empty() && clause[number.end..].trim().is_empty() && offset < 4)
        .then_some(number)
}

/// The last year 「YYYY年」 in `text`.
fn last_year(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut at = text.len();
    while let Some(found) = text[..at].rfind('年') {
        let digits = &bytes[found.saturating_sub(4)..found];
        if found >= 4 && digits.iter().all(u8::is_ascii_digit) && matches!(digits[0], b'1' | b'2') {
            return std::str::from_utf8(digits).ok()?.parse().ok();
        }
        at = found;
    }
    None
}

fn read_clause(
    (base, clause): (usize, &str),
    about_applications: bool,
    section: Option<SectionKind>,
    out: &mut Vec<Claim>,
) {
    let keywords = keywords_in(clause);
    if keywords.is_empty() {
        return;
    }
    // Sub-counts by channel, and re-answers after litigation, are no totals.
    if ["受理方式", "受理渠道", "重新答复", "重新办理"].iter().any(|word| has(clause, word)) {
        return;
    }
    let includes_carry_over = has(clause, "含上年") || has(clause, "包括上年") || has(clause, "含结转");
    let mut search_from = 0;
    for (index, &(keyword_at, keyword, metric)) in keywords.iter().enumerate() {
        if keyword_at < search_from {
            continue; // inside an earlier keyword or its number
        }
        search_from = keyword_at + keyword.len();
        // Outcome groups named together count together: the number after
        // 「予以公开及部分公开」 is their sum.
        let mut metric = metric;
        if let Metric::Outcome(mut joined) = metric {
            for &(next_at, next, next_metric) in &keywords[index + 1..] {
                let Metric::Outcome(more) = next_metric else { break };
                if next_at < search_from || !OUTCOME_JOINS.contains(&&clause[search_from..next_at]) {
                    break;
                }
                joined = more.iter().fold(joined, Outcomes::with);
                search_from = next_at + next.len();
            }
            metric = Metric::Outcome(joined);
        }
        if needs_application_context(metric) && !about_applications {
            continue;
        }
        let Some(number) = number_after(clause, search_from) else { continue };
        // A comparison between the keyword and the number: not this metric's figure.
        let between = &clause[search_from..number.start];
        if between.chars().count() > 12 || COMPARISONS.iter().any(|word| has(between, word)) {
            continue;
        }
        if !is_table2_decision_count(metric, between, number.unit) {
            continue;
        }
        // 「含上年结转36件」 inside a received claim is the carry-over, not the total.
        out.push(Claim {
            metric,
            value: number.value,
            unit: number.unit,
            span: Span::new(base + number.start, base + number.end),
            clause: Span::new(base, base + clause.len()),
            section,
            includes_carry_over: includes_carry_over && metric != Metric::CarriedOver,
            year: None,
        });
        search_from = number.end;
    }
}

/// Every keyword occurrence in `clause`, by position, the longest first at a
/// position. One pass: only the keywords starting with a character are tried there.
fn keywords_in(clause: &str) -> Vec<(usize, &'static str, Metric)> {
    let (first_chars, index) = keyword_index();
    let mut found = Vec::new();
    for (at, ch) in clause.char_indices() {
        if !first_chars.may_start(ch) {
            continue;
        }
        let Some(candidates) = index.get(&ch) else { continue };
        let rest = &clause[at..];
        // Candidates are stored longest first.
        found.extend(candidates.iter().filter(|(keyword, _)| rest.starts_with(keyword)).map(|&(k, m)| (at, k, m)));
    }
    found
}

type KeywordIndex = (FirstChars, HashMap<char, Vec<(&'static str, Metric)>>);

/// Keywords by first character, longest first, and a filter of those characters.
fn keyword_index() -> &'static KeywordIndex {
    static INDEX: OnceLock<KeywordIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<char, Vec<(&'static str, Metric)>> = HashMap::default();
        for &(keyword, metric) in KEYWORDS {
            index.entry(keyword.chars().next().unwrap_or(' ')).or_default().push((keyword, metric));
        }
        for candidates in index.values_mut() {
            candidates.sort_by_key(|(keyword, _)| std::cmp::Reverse(keyword.len()));
        }
        (FirstChars::of(KEYWORDS.iter().map(|(keyword, _)| *keyword)), index)
    })
}

struct Number {
    value: f64,
    unit: &'static str,
    start: usize,
    end: usize,
}

/// The first number followed by a unit at or after `from`.
fn number_after(clause: &str, from: usize) -> Option<Number> {
    let chars: Vec<(usize, char)> = clause[from..].char_indices().map(|(i, c)| (from + i, c)).collect();
    let mut k = 0;
    while k < chars.len() {
        let (start, ch) = chars[k];
        if is_digit(ch) || is_chinese_digit(ch) {
            let mut j = k;
            while j < chars.len() && in_number(chars[j].1) {
                j += 1;
            }
            let end = chars.get(j).map_or(clause.len(), |(i, _)| *i);
            let text = clause[start..end].trim_end_matches([',', '.']);
            let rest = &clause[end..];
            if let Some(unit) = UNITS.iter().find(|unit| rest.starts_with(**unit))
                && let Some(value) = parse_number(text)
                // 「7个工作日」「3个月」: a time, not a count.
                && !["工作日", "月", "小时"].iter().any(|time| rest[unit.len()..].starts_with(time))
            {
                // A year (「2024年」) is not a count.
                return Some(Number { value, unit, start, end: end + unit.len() });
            }
            k = j.max(k + 1);
        } else {
            k += 1;
        }
    }
    None
}

/// A character a number's run may hold: a digit, or a separator.
fn in_number(ch: char) -> bool {
    is_digit(ch) || is_chinese_digit(ch) || matches!(ch, '.' | ',')
}

fn is_digit(ch: char) -> bool {
    ch.is_ascii_digit() || ('０'..='９').contains(&ch)
}

fn is_chinese_digit(ch: char) -> bool {
    // An array, not `str::contains`, which would search a string per call.
    const DIGITS: [char; 16] =
        ['零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万'];
    DIGITS.contains(&ch)
}

/// Arabic (half- or full-width, with separators) or Chinese numerals.
pub fn parse_number(text: &str) -> Option<f64> {
    let ascii: String = text
        .chars()
        .filter(|c| *c != ',')
        .map(|c| if ('０'..='９').contains(&c) { char::from_u32(c as u32 - 0xFEE0).unwrap_or(c) } else { c })
        .collect();
    if ascii.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return ascii.parse().ok();
    }
    chinese_number(text).map(|n| n as f64)
}

/// 十二 → 12, 二十一 → 21, 一百零五 → 105, 两千 → 2000, 三万 → 30000.
fn chinese_number(text: &str) -> Option<u64> {
    let digit = |c: char| {
        "零〇一二两三四五六七八九".find(c).map(|i| {
            let index = text_index(i);
            [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9][index]
        })
    };
    let (mut total, mut section, mut current) = (0u64, 0u64, 0u64);
    let mut any = false;
    for c in text.chars() {
        if let Some(d) = digit(c) {
            current = d;
            any = true;
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => {
                total += (section + current) * 10_000;
                section = 0;
                current = 0;
                any = true;
                continue;
            }
            _ => return None,
        };
        section += current.max(if current == 0 && section == 0 { 1 } else { 0 }) * unit;
        current = 0;
        any = true;
    }
    any.then_some(total + section + current)
}

/// The position of a character in 「零〇一二两三四五六七八九」 from its byte offset.
fn text_index(byte: usize) -> usize {
    byte / 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_read_off_bytes_agree_with_the_characters() {
        let text = "共受理申请12件，办结10条；较去年上升1次！是否？比例5%（５％）：元、项、个。\
                    a;b,c:d 𠮷é—「」·《》件条\u{800}\u{ffff}\u{e000}";
        let by_chars: Vec<(usize, Mark, usize)> = text
            .char_indices()
            .map(|(at, ch)| (at, mark(ch), ch.len_utf8()))
            .filter(|&(_, mark, _)| mark != Mark::Other)
            .collect();
        assert_eq!(marks(text).collect::<Vec<_>>(), by_chars);
        assert_eq!(by_chars.len(), 19);
    }

    fn read(text: &str) -> Vec<(Metric, f64)> {
        let report = nianbao_parser::parse(&format!("一、总体情况\n{text}\n"));
        claims(&report).into_iter().map(|c| (c.metric, c.value)).collect()
    }

    #[test]
    fn only_text_with_a_unit_after_a_number_may_state_a_count() {
        for text in ["共受理十二件", "比例5%", "占３％", "1.5万元", "2,3个", "１２项"] {
            assert!(may_state_a_count(text, &CharSet::of(text)), "{text}");
        }
        for text in ["2024年工作", "件数", "每个", "", "按件计"] {
            assert!(!may_state_a_count(text, &CharSet::of(text)), "{text}");
        }
    }

    /// Where the shortcut says no, cutting the paragraph finds nothing
    /// either: on every paragraph of the seeds and the example.
    #[test]
    fn the_shortcut_skips_only_paragraphs_without_claims() {
        let texts = [
            include_str!("../../../tests/seeds/000_88a8dc7d33e7281e.txt"),
            include_str!("../../../tests/seeds/001_0db4d1d337420631.txt"),
            include_str!("../../../tests/seeds/002_bf81134e00d6a1b6.txt"),
            include_str!("../../../tests/seeds/003_be94cdfbcf579bbe.txt"),
            include_str!("../../../tests/seeds/004_fa9e582a0590cf1f.txt"),
            include_str!("../../../examples/example-report.md"),
        ];
        let (mut skipped, mut kept) = (0, 0);
        for text in texts {
            for paragraph in nianbao_parser::parse(text).paragraphs() {
                let mut out = Vec::new();
                read_paragraph(&paragraph.text, 0, None, &mut Vec::new(), &mut out);
                if may_state_a_count(&paragraph.text, &CharSet::of(&paragraph.text)) {
                    kept += 1;
                } else {
                    assert_eq!(out, [], "{}", paragraph.text);
                    skipped += 1;
                }
            }
        }
        assert!(skipped > 50 && kept > 10, "{skipped} skipped, {kept} kept");
    }

    #[test]
    fn chinese_digits_are_the_numerals_and_their_units() {
        let digits: String = ('\0'..=char::MAX).filter(|&ch| is_chinese_digit(ch)).collect();
        assert_eq!(digits, "〇一七万三两九二五八六十千四百零"); // 零〇一二两三四五六七八九十百千万, by code point
        assert!(digits.chars().all(|ch| chinese_number(&ch.to_string()).is_some()));
    }

    #[test]
    fn numbers_in_both_scripts() {
        assert_eq!(parse_number("12"), Some(12.0));
        assert_eq!(parse_number("１,２３４"), Some(1234.0));
        assert_eq!(parse_number("十二"), Some(12.0));
        assert_eq!(parse_number("二十一"), Some(21.0));
        assert_eq!(parse_number("一百零五"), Some(105.0));
        assert_eq!(parse_number("两千"), Some(2000.0));
        assert_eq!(parse_number("三万五千"), Some(35000.0));
    }

    #[test]
    fn seed_003_claims() {
        let text = "2024年共处理依申请公开事项21件，其中2023年度结转1件，2024年新受理20件，已办结17件，正在办理中4件。因政府信息依申请公开引起的行政复议4件，行政诉讼1件。";
        let got = read(text);
        assert!(got.contains(&(Metric::Handled, 21.0)), "{got:?}");
        assert!(got.contains(&(Metric::CarriedOver, 1.0)), "{got:?}");
        assert!(got.contains(&(Metric::ReceivedNew, 20.0)), "{got:?}");
        assert!(got.contains(&(Metric::Disposed, 17.0)), "{got:?}");
        assert!(got.contains(&(Metric::CarriedForward, 4.0)), "{got:?}");
        assert!(got.contains(&(Metric::Review, 4.0)), "{got:?}");
        assert!(got.contains(&(Metric::Litigation, 1.0)), "{got:?}");
    }

    #[test]
    fn sub_counts_comparisons_and_other_topics_are_not_claims() {
        let text =
            "2024年，市工信局共收到及办理依申请公开5件，4件受理方式为网络申请，1件受理方式为邮件申请，较去年上升1件。";
        assert_eq!(read(text), [(Metric::Received, 5.0)]);
        assert_eq!(read("共收到“两会”建议、提案79件。"), []);
        assert_eq!(read("全年收到并处理市长信箱留言265件。"), []);
        assert_eq!(read("共受理十二件政府信息公开申请。"), [(Metric::Received, 12.0)]);
        assert_eq!(read("因依申请公开引起的行政诉讼1件，经诉讼后重新答复1件。"), [(Metric::Litigation, 1.0)]);
        assert_eq!(read("共受理政府信息公开申请十二件。"), [(Metric::Received, 12.0)]);
    }
}
