//! Facts the report states about itself: title, agency, year, publish date,
//! statistics period.

use std::sync::LazyLock;

use nianbao_model::{Date, Metadata, Paragraph, Section, Span, Spanned, StatisticsPeriod};

/// Labels of the publish date in a web copy's metadata block.
const DATE_LABELS: &[&str] = &["发文日期", "发布时间", "发布日期", "成文日期", "印发日期"];

/// A search for each of [`DATE_LABELS`], built once: `str::find` builds one
/// for every paragraph it searches.
static DATE_LABEL_FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    LazyLock::new(|| DATE_LABELS.iter().map(memchr::memmem::Finder::new).collect());

pub(crate) fn read_metadata(source: &str, preface: &[Paragraph], sections: &[Section]) -> Metadata {
    let title = find_title(source, preface);
    let title_year = title.as_ref().and_then(|title| first_year(source, title.span));
    let agency =
        title.as_ref().zip(title_year.as_ref()).and_then(|(title, year)| agency_before(source, title.span, year.span));
    let statistics_period = find_statistics_period(source, preface, sections);
    let year = title_year
        .or_else(|| statistics_period.as_ref().and_then(|period| period.years.first().cloned()))
        .or_else(|| preface.iter().find(|p| p.text.contains("报告")).and_then(|p| first_year(source, p.span)));
    let signature_date = find_signature_date(source, sections);
    let publish_date = find_publish_date(source, preface).or_else(|| signature_date.clone());
    Metadata { title, agency, year, publish_date, signature_date, statistics_period }
}

/// The agency and year [`read_metadata`] reads, when the title states the
/// year: then they come from the preface alone.
pub(crate) fn title_agency_and_year(source: &str, preface: &[Paragraph]) -> Option<(Option<String>, i32)> {
    let title = find_title(source, preface)?;
    let year = first_year(source, title.span)?;
    Some((agency_before(source, title.span, year.span).map(|agency| agency.value), year.value))
}

/// The first short preface line naming a report, or a metadata 「标题」 cell.
fn find_title(source: &str, preface: &[Paragraph]) -> Option<Spanned<String>> {
    preface.iter().take(12).find_map(|paragraph| {
        // A metadata block row: 「标题: | …报告 | |」.
        let cells = split_cells(paragraph.span, source);
        cells.into_iter().find_map(|cell| {
            let text = cell.slice(source);
            let is_title = text.contains("报告")
                && text.chars().count() <= 80
                && !text.ends_with('。')
                && !text.contains("如下")
                && !text.starts_with("根据");
            is_title.then(|| Spanned::new(text.to_string(), cell))
        })
    })
}

/// Pipe-separated cells of a line, trimmed (the line itself if it has no pipes).
fn split_cells(span: Span, source: &str) -> Vec<Span> {
    let text = span.slice(source);
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, ch) in text.char_indices().chain(std::iter::once((text.len(), '|'))) {
        if ch == '|' {
            let cell = &text[start..i];
            let lead = cell.len() - cell.trim_start().len();
            let trimmed = cell.trim();
            if !trimmed.is_empty() {
                cells.push(Span::new(span.start + start + lead, span.start + start + lead + trimmed.len()));
            }
            start = i + 1;
        }
    }
    cells
}

/// The first 「2024年」 (spaces allowed: 「2024 年」) in `span`.
fn first_year(source: &str, span: Span) -> Option<Spanned<i32>> {
    years_in(source, span).into_iter().next()
}

/// Every 「YYYY年」 in `span`, with the span of the four digits.
fn years_in(source: &str, span: Span) -> Vec<Spanned<i32>> {
    let text = span.slice(source);
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let digits = &bytes[i..i + 4];
        let boundary_before = i == 0 || !bytes[i - 1].is_ascii_digit();
        if boundary_before && digits.iter().all(u8::is_ascii_digit) {
            let rest = text[i + 4..].trim_start_matches([' ', '\u{3000}']);
            if rest.starts_with('年') {
                let year: i32 = text[i..i + 4].parse().unwrap_or(0);
                if (1990..=2100).contains(&year) {
                    years.push(Spanned::new(year, Span::new(span.start + i, span.start + i + 4)));
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    years
}

/// The agency is the title text before the year: 「淄博市工业和信息化局 2024 年…」,
/// up to a 「关于」 that starts the title's subject (「…管理局关于报送2020年度…的函」).
/// A title that starts with its year names the agency after it:
/// 「2024 年上海市科委政府信息公开工作年度报告」.
fn agency_before(source: &str, title: Span, year: Span) -> Option<Spanned<String>> {
    let before = Span::new(title.start, year.start).slice(source);
    let before = before.find("关于").map_or(before, |at| &before[..at]);
    let trimmed = before.trim_end().trim_end_matches(['(', '（']).trim_end();
    if trimmed.chars().count() >= 2 {
        return Some(Spanned::new(trimmed.to_string(), Span::new(title.start, title.start + trimmed.len())));
    }
    agency_after(source, title, year)
}

/// The agency between a title's year and its subject: 「2024 年」 +
/// 「上海市科委」 + 「政府信息公开工作年度报告」.
fn agency_after(source: &str, title: Span, year: Span) -> Option<Spanned<String>> {
    let after = Span::new(year.end.min(title.end), title.end).slice(source);
    let name_start = after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '年' | '度'));
    // 「金山区人民政府信息公开工作…」: the body's own 「人民政府」 is part of
    // its name, not of the subject.
    let subject = match name_start.find("人民政府信息公开") {
        Some(at) => at + "人民政府".len(),
        None => ["政府信息公开", "政务公开", "信息公开", "年度报告"]
            .iter()
            .filter_map(|word| name_start.find(word))
            .min()?,
    };
    let name = name_start[..subject].trim_end();
    if name.chars().count() < 2 || name.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let start = title.end - after.len() + (after.len() - name_start.len());
    Some(Spanned::new(name.to_string(), Span::new(start, start + name.len())))
}

/// The sentence holding 「统计期限」 (统计时限, 统计周期, 统计期, 统计时间,
/// 统计数据时间段), anywhere in the prose; else a sentence of the preface
/// that spans a year from 1月1日 to 12月31日.
fn find_statistics_period(source: &str, preface: &[Paragraph], sections: &[Section]) -> Option<StatisticsPeriod> {
    let paragraphs = preface.iter().chain(sections.iter().flat_map(|s| s.paragraphs.iter()));
    // Every paragraph is searched; one prebuilt search for the words' common
    // 「统计」 leaves out nearly all of them.
    static STATISTICS: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("统计"));
    for paragraph in paragraphs {
        if STATISTICS.find(paragraph.text.as_bytes()).is_none() {
            continue;
        }
        let Some(at) = ["统计期限", "统计时限", "统计周期", "统计期", "统计时间", "统计数据时间段"]
            .iter()
            .find_map(|w| paragraph.text.find(w))
        else {
            continue;
        };
        let span = sentence_around(paragraph, at, at);
        return Some(StatisticsPeriod { span, years: years_in(source, span) });
    }
    // No keyword, but a sentence of the preface spans a whole year:
    // 「涵盖2020年1月1日至2020年12月31日期间政府信息公开情况」.
    for paragraph in preface.iter().take(12) {
        let text = &paragraph.text;
        let (Some(from), Some(to)) = (text.find("年1月1日"), text.find("年12月31日")) else { continue };
        if to < from || !text[from..to].contains('至') {
            continue;
        }
        let span = sentence_around(paragraph, from, to);
        return Some(StatisticsPeriod { span, years: years_in(source, span) });
    }
    None
}

/// The sentence of `paragraph` from the 「。」 before byte `from` to the one
/// after byte `to`.
fn sentence_around(paragraph: &Paragraph, from: usize, to: usize) -> Span {
    let text = &paragraph.text;
    let start = text[..from].rfind('。').map_or(0, |i| i + '。'.len_utf8());
    let end = text[to..].find('。').map_or(text.len(), |i| to + i + '。'.len_utf8());
    Span::new(paragraph.span.start + start, paragraph.span.start + end)
}

/// 「发文日期: | 2025-01-15」, 「发布时间: 2025-01-17」.
fn find_publish_date(source: &str, preface: &[Paragraph]) -> Option<Spanned<Date>> {
    preface.iter().take(15).find_map(|paragraph| {
        let at = DATE_LABEL_FINDERS
            .iter()
            .zip(DATE_LABELS)
            .find_map(|(finder, label)| finder.find(paragraph.text.as_bytes()).map(|i| i + label.len()))?;
        let from = Span::new(paragraph.span.start + at, paragraph.span.end);
        first_date(source, from)
    })
}

/// A dated signature: one of the last lines of the report is only a date;
/// or, where a page ran the signature into the last paragraph, its last
/// sentence is a short name and a date: 「…情况。平潭综合实验区旅游与文化体育局 2021年1月25日」.
fn find_signature_date(source: &str, sections: &[Section]) -> Option<Spanned<Date>> {
    let last = sections.last()?;
    let alone = last.paragraphs.iter().rev().take(3).find_map(|paragraph| {
        let date = first_date(source, paragraph.span)?;
        let rest: String = paragraph.text.chars().filter(|c| !c.is_whitespace()).collect();
        (rest.chars().count() <= 12).then_some(date)
    });
    alone.or_else(|| signature_ending(source, last.paragraphs.last()?.span))
}

/// The date a paragraph ends with, when the sentence it ends is a
/// signature: after the last 「。」, at most 40 characters, ending with the date.
fn signature_ending(source: &str, paragraph: Span) -> Option<Spanned<Date>> {
    let text = paragraph.slice(source).trim_end();
    let tail_start = text.rfind('。').map_or(0, |at| at + '。'.len_utf8());
    let tail = &text[tail_start..];
    if tail.chars().count() > 40 {
        return None;
    }
    let tail_span = Span::new(paragraph.start + tail_start, paragraph.start + text.len());
    let date = first_date(source, tail_span)?;
    let after = Span::new(date.span.end, tail_span.end).slice(source);
    after.chars().all(|c| c.is_whitespace() || c == '日').then_some(date)
}

/// The first date in `span`: 2025-01-15, 2025/1/15, 2025.1.15 or 2025年1月15日.
fn first_date(source: &str, span: Span) -> Option<Spanned<Date>> {
    let text = span.slice(source);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(start, ch)) in chars.iter().enumerate() {
        if !ch.is_ascii_digit() || (k > 0 && chars[k - 1].1.is_ascii_digit()) {
            continue;
        }
        let mut numbers = Vec::new();
        let mut j = k;
        let mut end = start;
        while numbers.len() < 3 {
            let number_start = j;
            while j < chars.len() && chars[j].1.is_ascii_digit() {
                j += 1;
            }
            if j == number_start {
                break;
            }
            let digits: String = chars[number_start..j].iter().map(|(_, c)| c).collect();
            numbers.push(digits.parse::<u32>().ok()?);
            end = chars.get(j).map_or(text.len(), |(i, _)| *i);
            let separator = chars.get(j).map(|(_, c)| *c);
            let expected = match numbers.len() {
                1 => matches!(separator, Some('-' | '/' | '.' | '年')),
                2 => matches!(separator, Some('-' | '/' | '.' | '月')),
                _ => true,
            };
            if numbers.len() < 3 {
                if !expected {
                    break;
                }
                j += 1;
                while j < chars.len() && chars[j].1 == ' ' {
                    j += 1;
                }
            } else if separator == Some('日') {
                end += '日'.len_utf8();
            }
        }
        if let [year, month, day] = numbers[..]
            && (1990..=2100).contains(&year)
            && (1..=12).contains(&month)
            && (1..=31).contains(&day)
        {
            let date = Date { year: year as i32, month: month as u8, day: day as u8 };
            return Some(Spanned::new(date, Span::new(span.start + start, span.start + end)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<(String, &str)> {
        first_date(text, Span::new(0, text.len())).map(|d| (d.value.to_string(), d.span.slice(text)))
    }

    #[test]
    fn dates_in_every_style() {
        assert_eq!(date(": | 2025-01-15 |"), Some(("2025-01-15".into(), "2025-01-15")));
        assert_eq!(date("2025年1月17日"), Some(("2025-01-17".into(), "2025年1月17日")));
        assert_eq!(date("2025/1/5"), Some(("2025-01-05".into(), "2025/1/5")));
        assert_eq!(date("电话3581178"), None);
    }

    /// The agency a title names, and the text its span covers.
    fn agency(title: &str) -> Option<(String, &str)> {
        let whole = Span::new(0, title.len());
        let year = first_year(title, whole)?;
        agency_before(title, whole, year.span).map(|agency| (agency.value, agency.span.slice(title)))
    }

    #[test]
    fn the_agency_is_the_titles_body_not_its_subject() {
        fn named(name: &str) -> Option<(String, &str)> {
            Some((name.to_string(), name))
        }
        assert_eq!(
            agency("淄博市工业和信息化局 2024 年政府信息公开工作年度报告").as_ref().map(|a| a.0.as_str()),
            Some("淄博市工业和信息化局")
        );
        // Crawled titles of letters sending the report (real: Pingtan 206, 220).
        assert_eq!(
            agency("平潭综合实验区海坛片区管理局 关于2021年度政府信息公开工作年度报告"),
            named("平潭综合实验区海坛片区管理局")
        );
        assert_eq!(
            agency("平潭综合实验区苏平片区管理局关于报送2020年度政府信息公开工作年度报告的函"),
            named("平潭综合实验区苏平片区管理局")
        );
        // A title that starts with its year (real: Shanghai 105).
        assert_eq!(agency("2024 年上海市科委政府信息公开工作年度报告"), named("上海市科委"));
        assert_eq!(agency("2024年度政府信息公开工作年度报告"), None);
        assert_eq!(agency("2023年金山区人民政府信息公开工作年度报告"), named("金山区人民政府"));
    }

    #[test]
    fn a_signature_run_into_the_last_paragraph_is_found() {
        let signed = |text: &str| signature_ending(text, Span::new(0, text.len())).map(|date| date.value.to_string());
        // Real: Pingtan 365, a crawled page.
        assert_eq!(
            signed("本年度无收取信息处理费情况。平潭综合实验区旅游与文化体育局 2021年1月25日").as_deref(),
            Some("2021-01-25")
        );
        // A date in the last sentence that is not its end, or a long sentence, is no signature.
        assert_eq!(signed("本年度无收取信息处理费情况。2021年1月25日起施行新办法"), None);
        assert_eq!(signed(&format!("{}2021年1月25日", "很长的句子".repeat(10))), None);
    }

    #[test]
    fn years_allow_a_space_before_nian() {
        let text = "自 2024 年1月1日起,至2024 年12 月";
        let years: Vec<i32> = years_in(text, Span::new(0, text.len())).iter().map(|y| y.value).collect();
        assert_eq!(years, [2024, 2024]);
    }
}
