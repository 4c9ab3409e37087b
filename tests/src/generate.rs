//! Valid reports with random but consistent numbers, in every layout the
//! parser reads, and mutations of them with a known expected finding — the
//! detection benchmark (`cargo xtask bench-detect`) and the speed corpus
//! (`cargo xtask bench`) are built from these.

use std::collections::BTreeMap;

use nianbao_model::{RowKey, SectionKind, T3Row, T4Col, T4Outcome, TableKind};
use nianbao_rules::skeleton::table_markdown_with;

/// A small deterministic generator (xorshift64*): the same seed gives the
/// same reports on every machine.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// A count as reports have them: mostly small, often zero.
    fn count(&mut self) -> i64 {
        match self.below(10) {
            0..=3 => 0,
            4..=7 => self.below(10) as i64,
            _ => self.below(300) as i64,
        }
    }
}

/// The values of the three tables, keyed as the model keys them.
pub type Values = BTreeMap<(RowKey, usize), i64>;

/// Random values that satisfy every identity of the template: row totals,
/// （七）总计, 一 + 二 = （七）总计 + 四 per column, and table 四's group totals.
pub fn consistent_values(rng: &mut Rng) -> Values {
    let mut values = Values::new();
    for key in RowKey::rows_of(TableKind::Proactive) {
        for index in 0..key.value_count() {
            values.insert((key, index), rng.count());
        }
    }
    for column in 0..6 {
        let mut total = 0;
        for &row in T3Row::results() {
            let value = if rng.below(3) == 0 { rng.count() } else { 0 };
            values.insert((RowKey::T3(row), column), value);
            total += value;
        }
        values.insert((RowKey::T3(T3Row::TotalResults), column), total);
        let forward = rng.below(5) as i64;
        let carried = (rng.below(5) as i64).min(total + forward);
        values.insert((RowKey::T3(T3Row::CarriedForward), column), forward);
        values.insert((RowKey::T3(T3Row::CarriedOver), column), carried);
        values.insert((RowKey::T3(T3Row::NewReceived), column), total + forward - carried);
    }
    for row in T3Row::ALL {
        let sum = (0..6).map(|column| values[&(RowKey::T3(row), column)]).sum();
        values.insert((RowKey::T3(row), 6), sum);
    }
    for group in 0..3 {
        let mut total = 0;
        for outcome in 0..4 {
            let value = rng.below(4) as i64;
            values.insert((RowKey::T4, group * 5 + outcome), value);
            total += value;
        }
        values.insert((RowKey::T4, group * 5 + T4Outcome::Total as usize), total);
    }
    values
}

/// Random values for the year after `last`'s, consistent as
/// [`consistent_values`] and continuing it as an agency's years do: 二、上年结转
/// is last year's 四、结转下年度, and the 现行有效 of 规章 and 行政规范性文件 is
/// last year's plus this year's 制发 minus 废止 (C001 and C002 hold).
pub fn following_values(rng: &mut Rng, last: &Values) -> Values {
    use nianbao_model::T2Row;
    let mut values = consistent_values(rng);
    for row in [T2Row::Regulations, T2Row::NormativeDocuments] {
        let key = RowKey::T2(row);
        let (before, issued) = (last[&(key, 2)], values[&(key, 0)]);
        let repealed = values[&(key, 1)].min(before + issued);
        values.insert((key, 1), repealed);
        values.insert((key, 2), before + issued - repealed);
    }
    let t3 = |row: T3Row| RowKey::T3(row);
    for column in 0..6 {
        let carried = last[&(t3(T3Row::CarriedForward), column)];
        let total = values[&(t3(T3Row::TotalResults), column)];
        // New applications cannot be negative: 一 = （七） + 四 − 二.
        let forward = values[&(t3(T3Row::CarriedForward), column)].max(carried - total);
        values.insert((t3(T3Row::CarriedForward), column), forward);
        values.insert((t3(T3Row::CarriedOver), column), carried);
        values.insert((t3(T3Row::NewReceived), column), total + forward - carried);
    }
    for row in T3Row::ALL {
        let sum = (0..6).map(|column| values[&(t3(row), column)]).sum();
        values.insert((t3(row), 6), sum);
    }
    values
}

/// What the prose of a generated report says, from its values.
#[derive(Clone, Copy, Debug)]
pub struct ProseFacts {
    pub received: i64,
    pub reviews: i64,
}

impl ProseFacts {
    pub fn of(values: &Values) -> Self {
        let total = |col: T4Col| values[&(RowKey::T4, col.index())];
        let review_total = T4Col { group: nianbao_model::T4Group::Review, outcome: T4Outcome::Total };
        Self { received: values[&(RowKey::T3(T3Row::NewReceived), 6)], reviews: total(review_total) }
    }
}

/// The sentence of section 一 that states the number of applications.
pub fn received_sentence(facts: ProseFacts) -> String {
    format!("本年度共新收政府信息公开申请{}件，均已按期答复。", facts.received)
}

/// The sentence of section 四 that states the number of reviews.
pub fn review_sentence(facts: ProseFacts) -> String {
    format!("本年度因政府信息公开工作被申请行政复议{}件。", facts.reviews)
}

/// What an agency did in a year, one sentence each (no figures, so that no
/// claim is read from them): a report names a few, different ones each year.
const OVERVIEW_WORK: [&str; 12] = [
    "修订完善政府信息公开指南，及时更新机构职能、办公地址和联系方式。",
    "围绕优化营商环境，集中公开涉企政策文件和办事指南，方便企业查询使用。",
    "严格落实公文公开属性源头认定机制，拟制公文时同步明确公开方式。",
    "加强政策解读，采用图文解读、视频解读等形式，提升解读的可读性。",
    "规范依申请公开办理流程，完善登记、审核、答复、归档各环节要求。",
    "持续做好政务新媒体管理，开展常态化巡查，及时整改发现的问题。",
    "推进基层政务公开标准化规范化，动态更新主动公开事项目录。",
    "组织开展政务公开业务培训，提升工作人员依法公开的意识和能力。",
    "做好重大行政决策预公开，通过座谈会、网上征求意见等方式听取公众意见。",
    "加强政府网站内容保障，定期开展栏目自查，确保信息准确及时。",
    "落实保密审查制度，坚持先审查、后公开，确保公开内容合法合规。",
    "畅通公众参与渠道，认真办理网民留言，及时回应社会关切。",
];

/// Problems a report names in section 五, one sentence each.
const PROBLEMS: [&str; 8] = [
    "政策解读的形式还不够丰富。",
    "主动公开的深度和广度有待拓展。",
    "政务新媒体的更新频率还不够高。",
    "依申请公开答复的规范性仍需提升。",
    "工作人员的业务能力还需加强。",
    "公众参与的渠道和方式较为单一。",
    "部分栏目信息更新不够及时。",
    "基层政务公开标准化建设仍有差距。",
];

/// `count` sentences of `pool`, chosen by the agency and the year: a
/// window that moves on by `count` each year, so that one agency's
/// consecutive reports say different things (as real ones do, and C003
/// finds no copied report), and the same report is the same each time.
fn year_sentences(pool: &[&str], count: usize, year: i32, agency: &str) -> String {
    let offset = agency.bytes().fold(0usize, |hash, byte| hash.wrapping_mul(31).wrapping_add(usize::from(byte)));
    let start = offset.wrapping_add(year.unsigned_abs() as usize * count);
    (0..count.min(pool.len())).map(|k| pool[(start + k) % pool.len()]).collect()
}

/// A report in canonical Markdown with `values` in its tables and `facts` in
/// its prose (they differ only in a mutated report).
pub fn report_markdown(values: &Values, facts: ProseFacts, year: i32, agency: &str) -> String {
    let value = |key: RowKey, index: usize| values.get(&(key, index)).map_or_else(String::new, i64::to_string);
    let mut out = nianbao_rules::skeleton::preamble(year, agency);
    for kind in SectionKind::ALL {
        out += &format!("## {}\n\n", kind.heading());
        match kind {
            SectionKind::Overview => {
                out += &format!(
                    "本机关坚持以公开为常态、不公开为例外，扎实推进政务公开工作。{}{}\n",
                    received_sentence(facts),
                    year_sentences(&OVERVIEW_WORK, 3, year, agency)
                );
            }
            SectionKind::Problems => {
                out += &format!(
                    "{}下一步，本机关将进一步加强政策解读工作。\n",
                    year_sentences(&PROBLEMS, 2, year, agency)
                );
            }
            SectionKind::OtherMatters => out += "本年度未收取政府信息公开信息处理费。无其他需要报告的事项。\n",
            _ => {}
        }
        if let Some(table) = kind.table() {
            if table == TableKind::ReviewLitigation {
                out += &format!("{}\n\n", review_sentence(facts));
            }
            out += &table_markdown_with(table, &value);
        }
        out.push('\n');
    }
    out + &format!("{agency}\n{}年1月20日\n", year + 1)
}

/// The text layouts of `inputs.md` the generator writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Copied out of Word: tab-separated cells, merged cells as empty fields.
    Tab,
    /// One row per line, ` | ` between cells.
    PipeRows,
    /// One cell per line, each ending in ` |`.
    PipeCells,
    /// GFM tables.
    Markdown,
    /// A published page with the template's merged cells.
    Html,
    /// A published PDF (`crate::pdf`), typeset as WPS and Word export one.
    /// Not in [`Layout::ALL`]: its writer lays tables out with the
    /// template's labels from the numbers, so a renamed label or a dropped
    /// cell cannot be written in it; the detection benchmark runs it for
    /// the mutations that can.
    Pdf,
    /// A published PDF as WPS exports one (`crate::pdf::Style` with
    /// `Bold::FillStroke` and `wps_export`): bold headings and labels painted
    /// with fill and stroke, flipped and scaled glyphs, the footer first,
    /// white boxes behind prose, numbers drawn in pieces. The same mutations
    /// as [`Layout::Pdf`].
    PdfWps,
    /// A page as a crawler stored it: a header block, then the body on one
    /// line, headings run into the text before them and table cells run
    /// together (runs of 0 with no separator, other numbers set apart by a
    /// space, as some portals' pages keep them). Not in [`Layout::ALL`], so
    /// the folders of the speed benchmarks keep their make-up.
    Crawler,
}

impl Layout {
    pub const ALL: [Layout; 5] = [Layout::Tab, Layout::PipeRows, Layout::PipeCells, Layout::Markdown, Layout::Html];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Tab => "tab",
            Layout::PipeRows => "pipe rows",
            Layout::PipeCells => "pipe cells",
            Layout::Markdown => "Markdown",
            Layout::Html => "HTML",
            Layout::Pdf => "PDF",
            Layout::PdfWps => "PDF (WPS)",
            Layout::Crawler => "crawler",
        }
    }
}

/// The text that findings' spans and markers index: a PDF's projection,
/// else `text` itself.
pub fn searchable(text: &str, layout: Layout) -> std::borrow::Cow<'_, str> {
    if matches!(layout, Layout::Pdf | Layout::PdfWps) {
        std::borrow::Cow::Owned(nianbao_parser::pdf::read(text.as_bytes()).text)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `markdown` (a generated report) in `layout`; `None` for HTML when a table
/// is not template-shaped.
pub fn render(markdown: &str, layout: Layout) -> Option<String> {
    match layout {
        Layout::Html => return crate::html::report_html(markdown, "utf-8"),
        Layout::Pdf => return crate::pdf::report_pdf(markdown, crate::pdf::Style::default()),
        Layout::PdfWps => {
            let style = crate::pdf::Style {
                spaced_numbers: true,
                bold: crate::pdf::Bold::FillStroke,
                wps_export: true,
                ..crate::pdf::Style::default()
            };
            return crate::pdf::report_pdf(markdown, style);
        }
        Layout::Crawler => return Some(crawler_text(markdown)),
        _ => {}
    }
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.lines() {
        let Some(row) = line.strip_prefix('|') else {
            let line = if layout == Layout::Markdown { line } else { line.trim_start_matches('#').trim_start() };
            out += line;
            out.push('\n');
            continue;
        };
        let cells: Vec<&str> = row.trim_end_matches('|').split('|').map(str::trim).collect();
        let is_delimiter = cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')));
        match layout {
            Layout::Markdown => out += line,
            _ if is_delimiter => continue,
            Layout::Tab => out += &cells.join("\t"),
            Layout::PipeRows => {
                out += &cells.iter().filter(|c| !c.is_empty()).copied().collect::<Vec<_>>().join(" | ");
                out += " |";
            }
            Layout::PipeCells => {
                let kept: Vec<String> = cells.iter().filter(|c| !c.is_empty()).map(|c| format!("{c} |")).collect();
                out += &kept.join("\n");
            }
            Layout::Html | Layout::Pdf | Layout::PdfWps | Layout::Crawler => unreachable!("handled above"),
        }
        out.push('\n');
    }
    Some(out)
}

/// `markdown` as a crawler stores the page: a header block with the title
/// and publish date, then the body on one line with no separator between
/// prose, headings and cells, but for a space between two numbers that are
/// not both 0 (so that every run still splits one way only).
fn crawler_text(markdown: &str) -> String {
    let mut title = String::new();
    let mut body = String::new();
    let mut previous_number: Option<bool> = None;
    for line in markdown.lines().map(str::trim).filter(|line| !line.is_empty()) {
        if let Some(heading) = line.strip_prefix("# ") {
            title = heading.to_string();
            continue;
        }
        let Some(row) = line.strip_prefix('|') else {
            body += line.trim_start_matches('#').trim_start();
            previous_number = None;
            continue;
        };
        let cells: Vec<&str> = row.trim_end_matches('|').split('|').map(str::trim).collect();
        if cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':'))) {
            continue;
        }
        for cell in cells.into_iter().filter(|c| !c.is_empty()) {
            let is_number = cell.chars().all(|ch| ch.is_ascii_digit() || ch == '.');
            if is_number && previous_number.is_some_and(|zero| !(zero && cell == "0")) {
                body.push(' ');
            }
            body += cell;
            previous_number = is_number.then_some(cell == "0");
        }
    }
    let year = title.split('年').next().and_then(|t| t.get(t.len().saturating_sub(4)..)).unwrap_or("2025");
    let published = year.parse::<i32>().map_or(2026, |y| y + 1);
    format!(
        "标题: {title}\n发布时间: {published}-01-20 10:00\n文号: \n发布机构: \n原文链接: https://www.example.gov.cn/zfxxgknb/{published}01/t{published}0120_1.htm\n==================== 正文 ====================\n{body}\n"
    )
}

/// A change to a valid report, and the finding it must give.
#[derive(Clone, Debug)]
pub enum Mutation {
    /// One value changed: an arithmetic rule must label this cell.
    Cell { key: RowKey, index: usize, delta: i64 },
    /// A row's last value removed: S007 at the row.
    DropCell { row: T3Row },
    /// A row label reworded: S008 at the label.
    RenameLabel { row: T3Row },
    /// The titles of sections 五 and 六 swapped under their ordinals: S002.
    SwapHeadings,
    /// Section 五 numbered 「四、」: S003.
    DuplicateOrdinal,
    /// The number of applications in the prose changed: X001.
    ProseReceived,
    /// The number of reviews in the prose changed: X004.
    ProseReviews,
}

impl Mutation {
    /// The rule codes that count as detecting it.
    pub fn expected_codes(&self) -> &'static [&'static str] {
        match self {
            Mutation::Cell { .. } => &["T301", "T302", "T303", "T401"],
            // In a crawler's text a row one value short no longer splits one
            // way: it is unread (S012) at that row; or it still has as many
            // digits as cells (「12 00000」 read 1|2|0|0|0|0|0, the only split
            // there is), and its arithmetic fails (T301/T302/T303 on that row).
            Mutation::DropCell { .. } => &["S007", "S012", "T301", "T302", "T303"],
            Mutation::RenameLabel { .. } => &["S008"],
            Mutation::SwapHeadings => &["S002"],
            Mutation::DuplicateOrdinal => &["S003"],
            Mutation::ProseReceived => &["X001"],
            Mutation::ProseReviews => &["X004"],
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Mutation::Cell { .. } => "cell",
            Mutation::DropCell { .. } => "drop cell",
            Mutation::RenameLabel { .. } => "rename label",
            Mutation::SwapHeadings => "swap headings",
            Mutation::DuplicateOrdinal => "duplicate ordinal",
            Mutation::ProseReceived => "prose (applications)",
            Mutation::ProseReviews => "prose (reviews)",
        }
    }

    /// One random mutation of each kind.
    pub fn one_of_each(rng: &mut Rng) -> Vec<Mutation> {
        let cell = if rng.below(4) == 0 {
            Mutation::Cell { key: RowKey::T4, index: rng.below(15) as usize, delta: 1 + rng.below(3) as i64 }
        } else {
            let row = T3Row::ALL[rng.below(T3Row::ALL.len() as u64) as usize];
            Mutation::Cell { key: RowKey::T3(row), index: rng.below(7) as usize, delta: 1 + rng.below(3) as i64 }
        };
        let row = |rng: &mut Rng| T3Row::ALL[rng.below(T3Row::ALL.len() as u64) as usize];
        vec![
            cell,
            Mutation::DropCell { row: row(rng) },
            Mutation::RenameLabel { row: row(rng) },
            Mutation::SwapHeadings,
            Mutation::DuplicateOrdinal,
            Mutation::ProseReceived,
            Mutation::ProseReviews,
        ]
    }

    /// The mutated report in `layout`, and the text the finding must label
    /// (for a cell: `None`, found by parsing). `None` when the mutation cannot
    /// be written in this layout.
    pub fn apply(&self, values: &Values, layout: Layout) -> Option<(String, Option<String>)> {
        self.apply_to(values, layout, 2025, "某某市某某局")
    }

    /// [`Mutation::apply`] to the report of `agency` for `year`.
    pub fn apply_to(
        &self,
        values: &Values,
        layout: Layout,
        year: i32,
        agency: &str,
    ) -> Option<(String, Option<String>)> {
        let facts = ProseFacts::of(values);
        let mut table_values = values.clone();
        let mut prose = facts;
        if let Mutation::Cell { key, index, delta } = self {
            *table_values.get_mut(&(*key, *index))? += delta;
        }
        match self {
            Mutation::ProseReceived => prose.received += 1,
            Mutation::ProseReviews => prose.reviews += 1,
            _ => {}
        }
        let markdown = report_markdown(&table_values, prose, year, agency);
        let (markdown, marker) = match self {
            Mutation::Cell { .. } => (markdown, None),
            Mutation::ProseReceived => (markdown, Some(received_sentence(prose))),
            Mutation::ProseReviews => (markdown, Some(review_sentence(prose))),
            Mutation::RenameLabel { .. } | Mutation::DropCell { .. }
                if matches!(layout, Layout::Pdf | Layout::PdfWps) =>
            {
                return None;
            }
            Mutation::RenameLabel { row } => {
                // Renamed in the written text: the HTML writer lays tables
                // out with the template's own labels.
                let renamed = rename(*row);
                let text = render(&markdown, layout)?.replacen(row.label(), &renamed, 1);
                return Some((text, Some(renamed)));
            }
            Mutation::SwapHeadings => {
                let five = SectionKind::Problems.heading();
                let six = SectionKind::OtherMatters.heading();
                let (five_title, six_title) = (five.split_once('、')?.1, six.split_once('、')?.1);
                let new_five = format!("五、{six_title}");
                let swapped = markdown.replacen(&six, &format!("六、{five_title}"), 1).replacen(&five, &new_five, 1);
                (swapped, Some(new_five))
            }
            Mutation::DuplicateOrdinal => {
                let five = SectionKind::Problems.heading();
                let four = format!("四、{}", five.split_once('、')?.1);
                (markdown.replacen(&five, &four, 1), Some(four))
            }
            Mutation::DropCell { row } => {
                if layout == Layout::Html {
                    let html = render(&markdown, layout)?;
                    return drop_last_html_cell(&html, row.label()).map(|html| (html, Some(row.label().to_string())));
                }
                (drop_last_markdown_cell(&markdown, row.label())?, Some(row.label().to_string()))
            }
        };
        Some((render(&markdown, layout)?, marker))
    }
}

/// A label as authors reword it, one of three ways by `row`: the ordinal
/// dropped (「（一）予以公开」 → 「予以公开」), a unit added
/// (「…数量（件）」), or the label cut short (「…申请.....」).
fn rename(row: T3Row) -> String {
    let label = row.label();
    let bare = label.split_once(['、', '）', '.']).map(|(_, rest)| rest).filter(|rest| rest.chars().count() > 3);
    match (row.index() % 3, bare) {
        (0, Some(bare)) if !matches!(row, T3Row::TotalResults | T3Row::OtherOther) => bare.to_string(),
        (1, _) | (0, _) => format!("{label}（件）"),
        _ => {
            let kept: String = label.chars().take(label.chars().count().div_ceil(2).max(4)).collect();
            format!("{kept}.....")
        }
    }
}

fn drop_last_markdown_cell(markdown: &str, label: &str) -> Option<String> {
    let line = markdown.lines().find(|line| line.starts_with('|') && line.contains(label))?;
    let trimmed = line.trim_end().strip_suffix('|')?;
    let shorter = format!("{}|", &trimmed[..trimmed.rfind('|')?]);
    Some(markdown.replacen(line, &shorter, 1))
}

fn drop_last_html_cell(html: &str, label: &str) -> Option<String> {
    let at = html.find(&format!(">{label}<"))?;
    let row_end = at + html[at..].find("</tr>")?;
    let last_cell = html[..row_end].rfind("<td")?;
    Some(format!("{}{}", &html[..last_cell], &html[row_end..]))
}

/// One finding on a generated report: its code, severity and every label's
/// span in the text as written (mapped into the HTML for pages).
#[derive(Clone, Debug)]
pub struct Finding {
    pub code: String,
    pub severity: nianbao_model::Severity,
    pub spans: Vec<nianbao_model::Span>,
}

/// Parses and checks `text` written in `layout`, with the default rules.
/// Also returns the span of each table cell, keyed like [`Values`].
pub fn check(text: &str, layout: Layout) -> (Vec<Finding>, BTreeMap<(RowKey, usize), nianbao_model::Span>) {
    // A PDF's spans index its projection, as `searchable` gives it.
    let (report, projection) = match layout {
        Layout::Html => {
            let (_, projection, report) = nianbao_parser::parse_html_bytes(text.as_bytes());
            (report, Some(projection))
        }
        Layout::Pdf | Layout::PdfWps => (nianbao_parser::parse_pdf_bytes(text.as_bytes()).1, None),
        // Read as the CLI reads a text file: a crawler's page is projected.
        _ => nianbao_parser::parse_document(text),
    };
    let to_source = |span| projection.as_ref().map_or(span, |p| p.to_source(span));
    let findings = nianbao_rules::check(&report, &nianbao_rules::Config::default())
        .into_iter()
        .map(|d| Finding {
            spans: std::iter::once(&d.primary).chain(&d.secondary).map(|label| to_source(label.span)).collect(),
            code: d.code,
            severity: d.severity,
        })
        .collect();
    let mut cells = BTreeMap::new();
    for kind in TableKind::ALL {
        for key in RowKey::rows_of(kind) {
            for index in 0..key.value_count() {
                if let Some(cell) = report.table(kind).and_then(|table| table.cell(key, index)) {
                    cells.insert((key, index), to_source(cell.span));
                }
            }
        }
    }
    (findings, cells)
}

/// Whether `findings` detect `mutation` of a report whose text is `text`:
/// a finding with an expected code that labels the mutated cell, or the
/// mutated text (`marker`).
pub fn detects(
    mutation: &Mutation,
    text: &str,
    marker: Option<&str>,
    findings: &[Finding],
    cells: &BTreeMap<(RowKey, usize), nianbao_model::Span>,
) -> bool {
    let target = match (mutation, marker) {
        (Mutation::Cell { key, index, .. }, _) => cells.get(&(*key, *index)).copied(),
        (_, Some(marker)) => text.find(marker).map(|at| nianbao_model::Span::new(at, at + marker.len())),
        _ => None,
    };
    let Some(target) = target else { return false };
    // A row's cells are its place too (the arithmetic of a row read one
    // value short).
    let mut targets = vec![target];
    if let Mutation::DropCell { row } = mutation {
        targets.extend((0..7).filter_map(|index| cells.get(&(RowKey::T3(*row), index)).copied()));
    }
    let overlaps = |span: &nianbao_model::Span, target: &nianbao_model::Span| {
        span.start < target.end.max(target.start + 1) && target.start < span.end.max(span.start + 1)
    };
    findings.iter().filter(|f| mutation.expected_codes().contains(&f.code.as_str())).any(|f| {
        let at_the_label = f.spans.iter().any(|span| overlaps(span, &target));
        let arithmetic = matches!(f.code.as_str(), "T301" | "T302" | "T303");
        let on_the_row = arithmetic && f.spans.iter().any(|span| targets[1..].iter().any(|t| overlaps(span, t)));
        at_the_label || on_the_row
    })
}

/// Report `n` of a folder holding several agencies' reports over
/// 2019–2025, as a supervising office keeps them: nine files per agency and
/// year, the first clean and the other eight with one defect each (one
/// mutation of each kind, and a second cell), with the numbers of the year
/// before carried on (see [`following_values`]). Consecutive `n` walk the
/// variants, then the years, then the agencies, in the layouts in turn.
/// Returns the file's text and extension.
pub fn agency_years_report(n: u64) -> (String, &'static str) {
    years_report(n, &format!("某某县第{}局", agency_number(n)))
}

/// Report `n` of [`agency_years_report`]'s folder, the same text but for
/// an agency of its own: a folder of as many unrelated reports with the same
/// defects (and their findings, but for the cross-year ones), where no
/// report has last year's beside it, to measure what comparing each report
/// with last year's costs.
pub fn unrelated_years_report(n: u64) -> (String, &'static str) {
    years_report(n, &format!("某某县第{n}号单位"))
}

/// Files per agency and year in [`agency_years_report`]'s folder, and its years.
const VARIANTS: u64 = 9;
const YEARS: u64 = 7;

/// Which agency's years report `n` is in: its numbers carry that agency's on.
fn agency_number(n: u64) -> u64 {
    n / (VARIANTS * YEARS)
}

/// Report `n` of the agency-years folder, written as `agency`'s.
fn years_report(n: u64, agency: &str) -> (String, &'static str) {
    let variant = n % VARIANTS;
    let year = 2019 + ((n / VARIANTS) % YEARS) as i32;
    let agency_number = agency_number(n);
    let layout = Layout::ALL[(n % Layout::ALL.len() as u64) as usize];
    // The agency's years continue each other: its nine files of a year share
    // that year's numbers, which follow the year before's.
    let year_seed = |year: i32| agency_number * 10_000 + year as u64;
    let mut values = consistent_values(&mut Rng::new(year_seed(2019)));
    for later in 2020..=year {
        values = following_values(&mut Rng::new(year_seed(later)), &values);
    }
    let mut rng = Rng::new(n);
    let extension = match layout {
        Layout::Markdown => "md",
        Layout::Html => "html",
        _ => "txt",
    };
    let mut mutations = Mutation::one_of_each(&mut rng);
    mutations.push(mutations[0].clone());
    let mutated = variant.checked_sub(1).and_then(|m| mutations[m as usize].apply_to(&values, layout, year, agency));
    let text = match mutated {
        Some((text, _)) => text,
        None => {
            let markdown = report_markdown(&values, ProseFacts::of(&values), year, agency);
            render(&markdown, layout).expect("generated tables are template-shaped")
        }
    };
    (text, extension)
}
